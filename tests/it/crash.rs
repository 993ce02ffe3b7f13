//! The crash test: `kill -9` a writer at random moments (during open, the write, the flush,
//! the close), reopen, and count. Every interaction whose id `carnet note` printed must be
//! there, and the store must open every time.
//!
//! Not part of the normal run (it takes minutes): `cargo test --release crash:: --
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

/// `kill -9` during `carnet import` at random moments: the store always opens and is either
/// empty (the import can be retried) or complete, never half-filled.
#[test]
#[ignore = "minutes long: run with --ignored (see the file's header)"]
fn kill_9_during_an_import_leaves_the_store_empty_or_complete() {
    let trials = env_number("CARNET_CRASH_TRIALS", 400) / 10;
    let mut rng = Rng(env_number("CARNET_CRASH_SEED", 0x005e_edc0_ffee).max(1));
    let home = tempfile::tempdir().unwrap();
    let out = carnet(home.path())
        .args(["demo", "--generate-only", "--interactions"])
        .arg(env_number("CARNET_CRASH_SIZE", 20_000).to_string())
        .output()
        .unwrap();
    assert!(out.status.success());
    let export = home.path().join("base.json");
    let out = carnet(home.path())
        .args(["export", "-o"])
        .arg(&export)
        .output()
        .unwrap();
    assert!(out.status.success());
    let expected = carnet::export::json::from_json(&std::fs::read_to_string(&export).unwrap())
        .unwrap()
        .interactions
        .len();
    std::fs::remove_dir_all(home.path().join("carnet")).unwrap();
    let started = Instant::now();
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
    // Up to twice as long as an import takes, so kills land from start-up to after the end.
    let span_us = (started.elapsed().as_micros() as u64).max(1_000) * 2;

    let (mut empty, mut complete, mut killed) = (0, 0, 0);
    for trial in 0..trials {
        std::fs::remove_dir_all(home.path().join("carnet")).unwrap();
        let mut child = carnet(home.path())
            .arg("import")
            .arg(&export)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(span_us)));
        if child.try_wait().unwrap().is_none() {
            let _ = child.kill();
            killed += 1;
        }
        let _ = child.wait();
        let store = Store::open(&home.path().join("carnet"))
            .unwrap_or_else(|e| panic!("trial {trial}: the store does not open: {e}"));
        let count = store.all::<Interaction>().unwrap().len();
        drop(store);
        if count == 0 {
            empty += 1;
            let retry = carnet(home.path())
                .arg("import")
                .arg(&export)
                .output()
                .unwrap();
            assert!(retry.status.success(), "trial {trial}: the retry fails");
        } else {
            assert_eq!(count, expected, "trial {trial}: half an import");
            complete += 1;
        }
    }
    eprintln!(
        "{trials} import trials, {killed} kills: {empty} left empty (then retried), \
         {complete} complete, 0 half-filled"
    );
}

/// Mutated exports: byte flips, cuts, repeated ids, absurd numbers. No panic, and a refused
/// import writes nothing.
#[test]
#[ignore = "minutes long: run with --ignored (see the file's header)"]
fn mutated_imports_never_panic_nor_half_import() {
    let trials = env_number("CARNET_FUZZ_TRIALS", 3000);
    let mut rng = Rng(env_number("CARNET_CRASH_SEED", 0x005e_edc0_ffee).max(1));
    let home = tempfile::tempdir().unwrap();
    let out = carnet(home.path())
        .args(["demo", "--generate-only", "--interactions", "40"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let base = carnet(home.path()).arg("export").output().unwrap().stdout;
    let snippets: [&[u8]; 8] = [
        b"0",
        b"65535",
        b"18446744073709551615",
        b"\"\"",
        b"null",
        b"\"\\u001b]0;x\\u0007\"",
        b"{\"inconnu\": 1}",
        b"[]",
    ];
    let file = home.path().join("mutant.json");
    let (mut refused, mut accepted) = (0, 0);
    for trial in 0..trials {
        let mut bytes = base.clone();
        for _ in 0..=rng.below(3) {
            let at = rng.below(bytes.len() as u64) as usize;
            match rng.below(4) {
                0 => bytes[at] = rng.below(256) as u8,
                1 => {
                    let end = (at + rng.below(64) as usize).min(bytes.len());
                    bytes.drain(at..end);
                }
                2 => {
                    let s = snippets[rng.below(snippets.len() as u64) as usize];
                    bytes.splice(at..at, s.iter().copied());
                }
                _ => {
                    // A record's value replaced by another of the same file.
                    let from = rng.below(bytes.len() as u64) as usize;
                    let len = (rng.below(200) as usize).min(bytes.len() - from);
                    let copy = bytes[from..from + len].to_vec();
                    bytes.splice(at..at, copy);
                }
            }
        }
        std::fs::write(&file, &bytes).unwrap();
        let dir = home.path().join(format!("m{trial}"));
        let out = Command::new(env!("CARGO_BIN_EXE_carnet"))
            .env_clear()
            .env("HOME", home.path())
            .arg("--data-dir")
            .arg(&dir)
            .arg("import")
            .arg(&file)
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "trial {trial}: {code:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if code == Some(0) {
            accepted += 1;
        } else {
            refused += 1;
            if dir.join("store").exists() {
                let store = Store::open(&dir).unwrap();
                assert!(
                    store.is_empty().unwrap(),
                    "trial {trial}: a refused import wrote"
                );
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    eprintln!(
        "{trials} mutated imports: {refused} refused, {accepted} accepted, 0 panics, 0 half-imports"
    );
}
