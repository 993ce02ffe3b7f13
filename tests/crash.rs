//! The crash test: `kill -9` a writer at random moments (during open, the write, the flush,
//! the close), reopen, and count. Every interaction whose id `carnet note` printed must be
//! there, and the store must open every time.
//!
//! Not part of the normal run (it takes minutes): `cargo test --release --test crash --
//! --ignored --nocapture`. `CARNET_CRASH_TRIALS` (default 400) and `CARNET_CRASH_SEED`
//! choose the trials.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use carnet::domain::{Id, Interaction};
use carnet::storage::Store;
use std::collections::BTreeSet;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn carnet(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_carnet"));
    cmd.env_clear()
        .env("HOME", dir)
        .env("CARNET_TODAY", "2026-11-27T10:30:00")
        .arg("--data-dir")
        .arg(dir.join("carnet"));
    cmd
}

/// xorshift: the same trials for the same seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
#[ignore = "minutes long: run with --ignored (see the file's header)"]
fn kill_9_at_random_moments_loses_no_acknowledged_record() {
    let trials = env_number("CARNET_CRASH_TRIALS", 400);
    let mut rng = Rng(env_number("CARNET_CRASH_SEED", 0x005e_edc0_ffee).max(1));
    let home = tempfile::tempdir().unwrap();
    let out = carnet(home.path())
        .args(["demo", "--generate-only", "--interactions"])
        .arg(env_number("CARNET_CRASH_SIZE", 20_000).to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Demo stores refuse nothing, but a real store is what users kill: forget the demo mark
    // by exporting and importing into the store the trials use.
    let export = home.path().join("base.json");
    let out = carnet(home.path())
        .args(["export", "-o"])
        .arg(&export)
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::remove_dir_all(home.path().join("carnet")).unwrap();
    let out = carnet(home.path())
        .arg("import")
        .arg(&export)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // How long one note takes here, so kills land anywhere from start-up to exit.
    let started = Instant::now();
    let out = carnet(home.path())
        .args(["note", "étalon"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let span_us = (started.elapsed().as_micros() as u64).max(1_000) * 12 / 10;

    let mut acknowledged: BTreeSet<Id> = BTreeSet::new();
    let (mut killed, mut unopenable, mut recovered) = (0, 0, 0);
    for trial in 0..trials {
        let mut child = carnet(home.path())
            .args(["note", &format!("essai {trial}")])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(span_us)));
        if child.try_wait().unwrap().is_none() {
            let _ = child.kill();
            killed += 1;
        }
        let _ = child.wait();
        let mut printed = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut printed)
            .unwrap();
        // An id printed is a save the user was told about.
        if let Ok(id) = printed.trim().parse::<Id>() {
            acknowledged.insert(id);
        }
        match Store::open(&home.path().join("carnet")) {
            Ok(store) => {
                if !store.recovered().is_empty() {
                    recovered += 1;
                }
                let stored: BTreeSet<Id> = store
                    .all::<Interaction>()
                    .unwrap()
                    .iter()
                    .map(|i| i.meta.id)
                    .collect();
                let lost: Vec<&Id> = acknowledged.difference(&stored).collect();
                assert!(
                    lost.is_empty(),
                    "trial {trial}: acknowledged but lost: {lost:?}"
                );
            }
            Err(e) => {
                unopenable += 1;
                eprintln!("trial {trial}: the store does not open: {e}");
            }
        }
    }
    eprintln!(
        "{trials} trials, {killed} kills, {} acknowledged notes, {recovered} opens that \
         repaired an unfinished snapshot, {unopenable} stores that failed to open, 0 lost",
        acknowledged.len()
    );
    assert_eq!(unopenable, 0);
}
