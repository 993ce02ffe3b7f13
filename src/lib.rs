//! Carnet: a terminal logbook for social mediators.
//!
//! Layers, from the ground up (imports only go down):
//! - [`domain`]: records, vocabularies, the référentiel, validation, text rules. Pure.
//! - [`storage`] (the only sled code), [`export`], [`demo`]: data in, data out.
//! - [`config`], [`i18n`], [`action`]: configuration, messages, the vocabulary of intent.
//! - [`app`]: state and `update()`, which returns effects instead of doing I/O.
//! - [`ui`]: a pure view of the app.
//! - [`runtime`]: the only terminal I/O: events, signals, drawing, executing effects.
//! - [`cli`]: the command line, used by `main`.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod action;
pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod export;
pub mod files;
pub mod i18n;
pub mod privacy;
pub mod runtime;
pub mod search;
pub mod storage;
pub mod ui;
