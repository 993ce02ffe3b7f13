//! Shared by the integration tests: a small fixed dataset and a fixed date.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use carnet::config::Config;
use carnet::demo::{self, DemoSpec};
use carnet::domain::{Dataset, Lang};
use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// A fixed moment for every test: Friday 27 November 2026, 10:30.
pub fn now() -> chrono::NaiveDateTime {
    today().and_hms_opt(10, 30, 0).unwrap()
}

pub fn config(lang: Lang) -> Config {
    Config::builtin(lang).unwrap()
}

/// The demo territory at a small size: every kind of record, deterministic.
pub fn sample(interactions: usize) -> Dataset {
    demo::generate(
        DemoSpec {
            seed: 42,
            interactions,
            today: today(),
        },
        &config(Lang::Fr).vocab,
    )
}
