//! Carnet's integration tests, in one binary so the crate is linked once (each file under
//! `tests/` used to be its own binary, relinked on every change).
//!
//! `common` holds the shared helpers: the fixed clock, sample data, configs.

mod common;

mod app;
mod bilan;
mod chiffrement;
mod cli;
mod crash;
mod documentation;
mod dossier;
mod e2e_tmux;
mod exports;
mod golden;
mod i18n;
mod journal;
mod layers;
mod modeles;
mod personne;
mod projets;
mod recit;
mod remote;
mod reseau;
mod securite;
mod snapshots;
mod storage;
