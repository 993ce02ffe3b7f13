//! Carnet: a terminal logbook for social mediators.
//!
//! # Layers
//!
//! From the ground up; imports only go down (`tests/it/layers.rs` reads the sources to keep
//! it so):
//! - [`domain`]: records, vocabularies, the référentiel, validation, coverage, text rules.
//!   Pure: no terminal, no storage, no clock.
//! - [`storage`] (the only sled code), [`export`], [`demo`]: data in, data out.
//! - [`config`], [`i18n`], [`action`]: configuration, messages, the vocabulary of intent.
//! - [`app`]: state and `update()`, which returns effects instead of doing I/O. No terminal
//!   code: columns, cells and detail panes are data.
//! - [`ui`]: a pure view of the app (ratatui).
//! - [`runtime`]: the only terminal I/O: events, signals, drawing, executing effects.
//! - [`cli`]: the command line, used by `main`.
//!
//! # Adding a record kind
//!
//! Everything per kind is generated from one list, [`for_each_kind!`] in
//! `domain/records.rs`: [`domain::RecordKind`], the [`domain::Dataset`] field, the
//! [`domain::AnyRecord`] variant, the sled tree and its bincode envelope, the store's load
//! and bulk insert, the JSON import checks, the evidence candidates and the app's record
//! plumbing. A piece that is missing for a new kind is a compile error. To add one:
//!
//! 1. Its record: a module in `domain/` with the struct (a `meta: RecordMeta` field, no
//!    identity of a person helped) and its `Validate` impl (NFC normalisation, rules that
//!    return message ids). See `domain/evenement_securite.rs`.
//! 2. One line in `for_each_kind!`: `Type => field`. `field` names the `Dataset` list, the
//!    sled tree and the JSON key; never rename it once released.
//! 3. What the app knows of it: a module in `app/kinds/` implementing `app::kinds::Kind`.
//!    Every kind with a form gives it as a `FormSpec`: its `FieldSpec`s, each field's id
//!    beside the record field it reads and writes (`Access::Line(|e| &mut e.lieu)`; dates,
//!    durations, choices, links to structures or interactions, sources, a suite…), and
//!    `Access::Own` for fields only the kind has (an interaction's people, a fiche's
//!    revision summary), which may create records beside it. One builder and one reader
//!    serve every form (required fields, parsing, evidence, rules, the privacy guard for
//!    `.guarded()` fields), and one save path writes the result in one transaction. A kind
//!    shown in the Réseau tab's record views also gives a `Listing` (columns, cells and
//!    detail pane as data): the generic list screen and view picker serve it from there.
//!    See `app/kinds/evenement_securite.rs`; a kind with a screen of its own gives only
//!    `Kind::form_spec` (`app/kinds/analyse.rs`, `app/kinds/interaction.rs`).
//! 4. Its vocabularies in `config/vocabulaires.toml` (and their names in the
//!    `vocabularies!` list of `domain/vocab.rs`), the competences suggested for a new record
//!    under `suggestions_preuves`, and its messages in both `config/locales/*.ftl`
//!    (`kind-FIELD`, `view-VIEW`, `field-…`, `col-…`).
//! 5. Its golden fixture: `CARNET_WRITE_FIXTURES=1 cargo test golden::` writes
//!    `tests/fixtures/v1/<kind>.{bin,json}` from the demo; commit them. A few demo records
//!    (`demo/`) make the kind visible to a newcomer.
//!
//! # Adding a screen
//!
//! A screen is a view of a tab (`app::ReseauMode`, `app::CompView`, `app::DocsMode`…) or a
//! modal. Its key handling and the footer hints it shows live side by side in one module
//! of `app/screen/` (an `impl App` block: `reseau_action` beside `reseau_hints`); its keys
//! are `Action`s bound in `config/keymap.toml`; `App::hints` and the tab's dispatch route to
//! it. It is drawn by a module of `ui/screens/` (one per tab) through a `ScreenView`
//! (title, columns, a row builder, a detail pane). A record view of a listed kind needs none of
//! this: its `Listing` is the screen.

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
pub mod parse_fault;
pub mod privacy;
pub mod runtime;
pub mod search;
pub mod storage;
pub mod ui;
