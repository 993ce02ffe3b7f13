//! The command line as a user types it: exit codes, messages in the UI language, files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn carnet(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carnet"))
        .env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn demo(home: &Path, dir: &Path, n: &str) {
    let out = carnet(
        home,
        &[
            "--data-dir",
            dir.to_str().unwrap(),
            "demo",
            "--generate-only",
            "--interactions",
            n,
            "--seed",
            "5",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn demo_is_deterministic_and_exports_identically_after_import() {
    let home = tempfile::tempdir().unwrap();
    let a = home.path().join("a");
    let b = home.path().join("b");
    demo(home.path(), &a, "300");
    demo(home.path(), &a, "300"); // regenerating a demo store is allowed
    let first = carnet(
        home.path(),
        &[
            "--data-dir",
            a.to_str().unwrap(),
            "export",
            "--format",
            "json",
        ],
    );
    assert!(first.status.success());
    assert!(text(&first.stdout).contains("\"format\": \"carnet\""));

    let file = home.path().join("export.json");
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            a.to_str().unwrap(),
            "export",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    assert_eq!(std::fs::read(&file).unwrap(), first.stdout);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            b.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let again = carnet(home.path(), &["--data-dir", b.to_str().unwrap(), "export"]);
    assert_eq!(
        again.stdout, first.stdout,
        "export → import → export must be identical"
    );

    // Importing into a store that holds records is refused, and nothing changes.
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            b.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("contient déjà des enregistrements"),
        "{}",
        text(&out.stderr)
    );
    let after = carnet(home.path(), &["--data-dir", b.to_str().unwrap(), "export"]);
    assert_eq!(after.stdout, first.stdout);
}

#[test]
fn the_demo_never_overwrites_a_real_store() {
    let home = tempfile::tempdir().unwrap();
    let real = home.path().join("real");
    let file = home.path().join("e.json");
    demo(home.path(), &home.path().join("d"), "50");
    carnet(
        home.path(),
        &[
            "--data-dir",
            home.path().join("d").to_str().unwrap(),
            "export",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        carnet(
            home.path(),
            &[
                "--data-dir",
                real.to_str().unwrap(),
                "import",
                file.to_str().unwrap()
            ]
        )
        .status
        .success()
    );
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            real.to_str().unwrap(),
            "demo",
            "--generate-only",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("la démo ne l'écrase pas"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn without_data_dir_the_demo_goes_beside_the_user_store() {
    let home = tempfile::tempdir().unwrap();
    let out = carnet(
        home.path(),
        &["demo", "--generate-only", "--interactions", "20"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(home.path().join(".local/share/carnet-demo/store").is_dir());
    assert!(!home.path().join(".local/share/carnet").exists());
}

#[test]
fn a_locked_store_exits_with_3_and_names_who_holds_it() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    let _held = carnet::storage::Store::open(&dir).unwrap();
    let started = std::time::Instant::now();
    let out = carnet(
        home.path(),
        &["--data-dir", dir.to_str().unwrap(), "export"],
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(
        err.contains("déjà ouvert par") && err.contains(&format!("pid {}", std::process::id())),
        "{err}"
    );
    let out = carnet(
        home.path(),
        &[
            "--lang",
            "en",
            "--data-dir",
            dir.to_str().unwrap(),
            "export",
        ],
    );
    assert!(
        text(&out.stderr).contains("already open by"),
        "{}",
        text(&out.stderr)
    );
    // doctor still answers, and says who holds it.
    let out = carnet(
        home.path(),
        &["--data-dir", dir.to_str().unwrap(), "doctor"],
    );
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("ouvert par"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_bad_config_exits_with_2_naming_file_and_line() {
    let home = tempfile::tempdir().unwrap();
    let cfg = home.path().join("c.toml");
    std::fs::write(&cfg, "theme = \"mono\"\nlangue = \"fr\"\n").unwrap();
    let out = carnet(home.path(), &["--config", cfg.to_str().unwrap(), "doctor"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("c.toml") && err.contains("ligne 2") && err.contains("langue"),
        "{err}"
    );

    let out = carnet(
        home.path(),
        &[
            "--lang",
            "en",
            "--config",
            home.path().join("nope.toml").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("nope.toml"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let home = tempfile::tempdir().unwrap();
    let out = carnet(home.path(), &["exporte"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("Commande incorrecte"));
    let out = carnet(home.path(), &["--lang", "de"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn importing_a_broken_file_says_where_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("bad.json");
    std::fs::write(
        &file,
        "{\"format\": \"carnet\",\n \"version\": 1,\n \"records\": [}",
    )
    .unwrap();
    let dir = home.path().join("s");
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            dir.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("bad.json") && err.contains("line 3"), "{err}");
    assert!(
        !dir.exists(),
        "no store is created for a file that cannot be read"
    );
}

#[test]
fn doctor_reports_paths_schema_counts_and_unreadable_records() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("d");
    demo(home.path(), &dir, "100");
    {
        let store = carnet::storage::Store::open(&dir).unwrap();
        store
            .put_raw("fiches", &[0, 0, 0, 0, 0, 0, 0, 9], b"garbage")
            .unwrap();
    }
    let out = carnet(
        home.path(),
        &[
            "--lang",
            "en",
            "--data-dir",
            dir.to_str().unwrap(),
            "doctor",
        ],
    );
    assert!(out.status.success());
    let report = text(&out.stdout);
    for expected in [
        "Logbook folder",
        "tms-2004",
        "Schema",
        "Interactions",
        "100",
        "1 unreadable record(s)",
        "fiches / 0000000000000009",
        "Lock",
        "free",
        "NO_COLOR",
    ] {
        assert!(
            report.contains(expected),
            "missing {expected:?} in:\n{report}"
        );
    }
}

#[test]
fn doctor_lists_ids_the_config_no_longer_knows() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("d");
    demo(home.path(), &dir, "60");
    let file = home.path().join("e.json");
    carnet(
        home.path(),
        &[
            "--data-dir",
            dir.to_str().unwrap(),
            "export",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    let json = std::fs::read_to_string(&file).unwrap().replacen(
        "\"accueil_spontane\"",
        "\"guichet_retire\"",
        1,
    );
    std::fs::write(&file, json).unwrap();
    let other = home.path().join("o");
    assert!(
        carnet(
            home.path(),
            &[
                "--data-dir",
                other.to_str().unwrap(),
                "import",
                file.to_str().unwrap()
            ]
        )
        .status
        .success()
    );
    let out = carnet(
        home.path(),
        &["--data-dir", other.to_str().unwrap(), "doctor"],
    );
    assert!(
        text(&out.stdout).contains("canaux : guichet_retire (1)"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn without_a_terminal_the_interface_says_what_to_use_instead() {
    let home = tempfile::tempdir().unwrap();
    let out = carnet(home.path(), &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("runs in a terminal"),
        "{}",
        text(&out.stderr)
    );
    let out = carnet(home.path(), &["demo"]);
    assert_eq!(out.status.code(), Some(2));
    let demo = home.path().join(".local/share/carnet-demo");
    let store = carnet::storage::Store::open(&demo).unwrap();
    assert!(store.is_empty().unwrap(), "nothing generated");
}
