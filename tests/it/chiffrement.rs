//! Encryption at rest, as a user runs it: every file of an encrypted carnet (store and
//! backups) is unreadable without the passphrase, and a wrong one is a clear refusal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::cli::text;
use crate::storage::files_holding;
use std::path::Path;
use std::process::{Command, Output};

fn carnet(home: &Path, passphrase: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_carnet"));
    cmd.env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("CARNET_TODAY", "2026-11-27T10:30:00")
        .args(args);
    if let Some(p) = passphrase {
        cmd.env("CARNET_PASSPHRASE", p);
    }
    cmd.output().unwrap()
}

/// Two notes holding `word`: an old anonymous one (past the retention period) and a recent
/// one of the suivi `code`.
fn notes(home: &Path, d: &str, word: &str, code: &str) {
    let old = format!("Demande {word} ancienne");
    let recent = format!("Demande {word} récente");
    for args in [
        ["--date", "01/01/2020", old.as_str()].as_slice(),
        ["--suivi", code, recent.as_str()].as_slice(),
    ] {
        let mut all = vec!["--data-dir", d, "note"];
        all.extend_from_slice(args);
        let out = carnet(home, None, &all);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
}

#[test]
fn an_encrypted_carnet_opens_only_with_its_passphrase_and_holds_no_readable_text() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    let d = dir.to_str().unwrap();
    let pass = Some("une longue phrase de passe");
    // An old anonymous interaction (past the retention period) and a suivi's recent one.
    notes(home.path(), d, "Zorglub", "P-2026-070");
    // A backup exists before encryption: it gets encrypted too.
    let out = carnet(
        home.path(),
        None,
        &["--data-dir", d, "retention", "--apply", "--yes"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!files_holding(&dir, b"Zorglub").is_empty());

    let short = carnet(home.path(), Some("court"), &["--data-dir", d, "encrypt"]);
    assert_eq!(short.status.code(), Some(2));
    let out = carnet(home.path(), pass, &["--data-dir", d, "encrypt"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("1 sauvegarde(s) chiffrée(s)"),
        "{}",
        text(&out.stdout)
    );
    // Nothing readable anywhere: store, backups (not even gzip any more).
    assert_eq!(
        files_holding(&dir, b"Zorglub"),
        Vec::<std::path::PathBuf>::new()
    );
    assert_eq!(
        files_holding(&dir, b"P-2026-070"),
        Vec::<std::path::PathBuf>::new()
    );

    let none = carnet(home.path(), None, &["--data-dir", d, "export"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(
        text(&none.stderr).contains("phrase de passe est nécessaire"),
        "{}",
        text(&none.stderr)
    );
    let wrong = carnet(
        home.path(),
        Some("une autre phrase"),
        &["--lang", "en", "--data-dir", d, "export"],
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        text(&wrong.stderr).contains("Wrong passphrase"),
        "{}",
        text(&wrong.stderr)
    );
    let export = carnet(home.path(), pass, &["--data-dir", d, "export"]);
    assert!(export.status.success());
    assert!(text(&export.stdout).contains("Demande Zorglub récente"));

    // Erasing on an encrypted carnet keeps its backups encrypted.
    let erased = carnet(
        home.path(),
        pass,
        &["--data-dir", d, "suivi", "erase", "P-2026-070", "--yes"],
    );
    assert!(erased.status.success(), "{}", text(&erased.stderr));
    assert_eq!(
        files_holding(&dir, b"Zorglub"),
        Vec::<std::path::PathBuf>::new()
    );
    let backup = std::fs::read_dir(dir.join("sauvegardes"))
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    assert!(carnet::storage::crypt::is_sealed_file(
        &std::fs::read(&backup).unwrap()
    ));

    let out = carnet(home.path(), pass, &["--data-dir", d, "decrypt"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let plain = carnet(home.path(), None, &["--data-dir", d, "doctor"]);
    assert!(plain.status.success(), "{}", text(&plain.stderr));
}

#[test]
fn a_mark_left_by_a_killed_switch_follows_the_store_at_the_next_open() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    let d = dir.to_str().unwrap();
    let out = carnet(home.path(), None, &["--data-dir", d, "note", "Demande"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mark = dir.join("carnet.chiffre");

    // `encrypt` killed after writing its mark, before the switch: the store is still plain.
    std::fs::write(&mark, b"").unwrap();
    let out = carnet(
        home.path(),
        Some("nimporte quoi ici"),
        &["--data-dir", d, "export"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !mark.exists(),
        "the stale mark goes once the plain store is open"
    );
    let out = carnet(home.path(), None, &["--data-dir", d, "export"]);
    assert!(
        out.status.success(),
        "no passphrase asked any more: {}",
        text(&out.stderr)
    );

    // An encrypted store whose mark was lost gets it back, so the next command asks.
    let pass = Some("une longue phrase de passe");
    let out = carnet(home.path(), pass, &["--data-dir", d, "encrypt"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::remove_file(&mark).unwrap();
    let out = carnet(home.path(), None, &["--data-dir", d, "export"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(mark.is_file());
    let out = carnet(home.path(), pass, &["--data-dir", d, "export"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn an_encrypted_backup_restores_into_an_encrypted_carnet() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    let d = dir.to_str().unwrap();
    let pass = Some("une longue phrase de passe");
    notes(home.path(), d, "Quetzal", "P-2026-071");
    // Retention backs the carnet up first; encryption seals that backup.
    for (p, args) in [
        (None, ["retention", "--apply", "--yes"].as_slice()),
        (pass, ["encrypt"].as_slice()),
    ] {
        let mut all = vec!["--data-dir", d];
        all.extend_from_slice(args);
        let out = carnet(home.path(), p, &all);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let backup = std::fs::read_dir(dir.join("sauvegardes"))
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();

    let restored = home.path().join("r");
    let r = restored.to_str().unwrap();
    let b = backup.to_str().unwrap();
    let wrong = carnet(
        home.path(),
        Some("pas la bonne phrase"),
        &["--data-dir", r, "restore", b],
    );
    assert_eq!(wrong.status.code(), Some(2), "{}", text(&wrong.stderr));
    assert!(
        text(&wrong.stderr).contains("Phrase de passe incorrecte pour cette sauvegarde"),
        "{}",
        text(&wrong.stderr)
    );
    assert!(
        !restored.exists(),
        "nothing is created on a wrong passphrase"
    );
    let import = carnet(home.path(), None, &["--data-dir", r, "import", b]);
    assert_eq!(import.status.code(), Some(2), "{}", text(&import.stderr));
    assert!(
        text(&import.stderr).contains("restaurez-la avec « carnet restore"),
        "{}",
        text(&import.stderr)
    );
    let out = carnet(home.path(), pass, &["--data-dir", r, "restore", b]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        files_holding(&restored, b"Quetzal"),
        Vec::<std::path::PathBuf>::new()
    );
    let none = carnet(home.path(), None, &["--data-dir", r, "export"]);
    assert_eq!(none.status.code(), Some(2), "{}", text(&none.stderr));
    let export = carnet(home.path(), pass, &["--data-dir", r, "export"]);
    assert!(export.status.success(), "{}", text(&export.stderr));
    assert!(text(&export.stdout).contains("Demande Quetzal récente"));
}
