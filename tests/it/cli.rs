//! The command line as a user types it: exit codes, messages in the UI language, files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

pub(crate) fn carnet(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carnet"))
        .env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .env("CARNET_TODAY", TODAY)
        .args(args)
        .output()
        .unwrap()
}

/// The day every command believes it is: results never depend on when the suite runs.
const TODAY: &str = "2026-11-27T10:30:00";

pub(crate) fn text(bytes: &[u8]) -> String {
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

#[cfg(unix)]
#[test]
fn export_writes_into_fifos_follows_symlinks_and_refuses_folders() {
    use std::os::unix::fs::{FileTypeExt, symlink};
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    demo(home.path(), &dir, "20");
    let d = dir.to_str().unwrap();
    let export = |path: &Path| {
        carnet(
            home.path(),
            &["--data-dir", d, "export", "-o", path.to_str().unwrap()],
        )
    };
    let expected = carnet(home.path(), &["--data-dir", d, "export"]).stdout;

    // A symlink: the file it points to is replaced, the link stays.
    let target = home.path().join("partage/carnet.json");
    std::fs::create_dir(target.parent().unwrap()).unwrap();
    std::fs::write(&target, "ancien").unwrap();
    let link = home.path().join("lien.json");
    symlink(&target, &link).unwrap();
    assert!(export(&link).status.success());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&target).unwrap(), expected);

    // A FIFO (as /dev/null or /dev/stdout would be): written into, never replaced.
    let fifo = home.path().join("tube");
    if Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success()
    {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        assert!(export(&fifo).status.success());
        assert_eq!(reader.join().unwrap(), expected);
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }

    let refused = export(home.path());
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("c'est un dossier, pas un fichier"),
        "{}",
        text(&refused.stderr)
    );
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
    let out = carnet(
        home.path(),
        &["--data-dir", dir.to_str().unwrap(), "export"],
    );
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
fn writers_racing_for_the_store_are_always_told_who_holds_it() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    demo(home.path(), &dir, "200");
    let d = dir.to_str().unwrap().to_string();
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let (home, d) = (home.path().to_path_buf(), d.clone());
            std::thread::spawn(move || {
                (0..25)
                    .map(|i| {
                        carnet(
                            &home,
                            &["--data-dir", &d, "note", &format!("course {w} {i}")],
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut refusals = 0;
    for w in writers {
        for out in w.join().unwrap() {
            match out.status.code() {
                Some(0) => {}
                Some(3) => {
                    refusals += 1;
                    let err = text(&out.stderr);
                    assert!(
                        !err.contains("? sur ?") && !err.contains("(pid 0)"),
                        "the holder is named: {err}"
                    );
                }
                other => panic!("{other:?}: {}", text(&out.stderr)),
            }
        }
    }
    eprintln!("{refusals} refusals in the race");
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
fn a_fixed_clock_sets_today_and_a_bad_one_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    let d = dir.to_str().unwrap();
    let note = |today: &str| {
        Command::new(env!("CARGO_BIN_EXE_carnet"))
            .env_clear()
            .env("HOME", home.path())
            .env("CARNET_TODAY", today)
            .args([
                "--data-dir",
                d,
                "note",
                "--date",
                "hier",
                "Question sur la CAF",
            ])
            .output()
            .unwrap()
    };
    let out = note("2027-03-01");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let journal = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "journal",
            "--format",
            "csv",
        ],
    );
    assert!(
        text(&journal.stdout).contains(",28/02/2027,12:00,"),
        "hier is the day before the fixed date, at its time: {}",
        text(&journal.stdout)
    );
    let bad = note("demain");
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("CARNET_TODAY « demain » : date non reconnue"),
        "{}",
        text(&bad.stderr)
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
    assert!(
        err.contains("bad.json") && err.contains("ligne 3, colonne"),
        "{err}"
    );
    assert!(
        !dir.exists(),
        "no store is created for a file that cannot be read"
    );
}

#[test]
fn an_import_that_breaks_the_input_rules_is_refused_whole_with_each_record_named() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("s");
    let mut data = common::sample(30);
    data.interactions[0].duree_min = 0;
    data.interactions[1].duree_min = 65535;
    data.interactions[2].types = Default::default();
    data.interactions[3].meta.id = data.interactions[4].meta.id;
    data.interactions[5].meta.id = carnet::domain::Id(u64::MAX);
    data.interactions[6].demande = "x".repeat(5_000_000).into();
    let json = carnet::export::json::to_json(&data);
    let file = home.path().join("forge.json");
    std::fs::write(&file, &json).unwrap();
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
    for expected in [
        "6 valeur(s) ne respectent pas",
        "Interactions n° 1 (id ",
        "duree : La durée doit être comprise entre 1 minute et 24 heures.",
        "types : Champ obligatoire.",
        "id : un autre enregistrement du même type porte déjà cet identifiant",
        "id : identifiant impossible",
        "demande : texte de 5000000 caractères, au-delà des 20000",
        "Rien n'a été écrit",
    ] {
        assert!(err.contains(expected), "{expected}: {err}");
    }
    assert!(!dir.join("store").exists(), "nothing written");

    // A field Carnet does not know, inside a record, is refused and named, not dropped.
    let unknown = carnet::export::json::to_json(&common::sample(5)).replacen(
        "\"demande\":",
        "\"nom_de_la_personne\": \"Dupont\",\n      \"demande\":",
        1,
    );
    std::fs::write(&file, unknown).unwrap();
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
    assert!(
        text(&out.stderr).contains("nom_de_la_personne"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.join("store").exists());
}

#[test]
fn an_import_that_stops_says_what_is_wrong_in_the_interface_language() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("s");
    let file = home.path().join("export.json");
    let good = carnet::export::json::to_json(&common::sample(5));
    let first_date = good.find("\"date\": \"").unwrap() + "\"date\": \"".len();
    let mut bad_date = good.clone();
    bad_date.replace_range(first_date..first_date + 10, "2026-02-30");
    let cases = [
        (
            bad_date,
            "date ou heure impossible",
            "impossible date or time",
        ),
        (
            good.replacen("\"duree_min\": ", "\"duree_min\": -", 1),
            "ce champ attend un nombre entier positif",
            "this field takes a whole positive number",
        ),
        (
            good.replacen("\"canal\": ", "\"canal_x\": ", 1),
            "champ inconnu « canal_x »",
            "unknown field \"canal_x\"",
        ),
        (
            good.replacen("\"anonyme\"", "\"inconnu\"", 1),
            "valeur inconnue « inconnu » (valeurs possibles : \"anonyme\", \"suivi\")",
            "unknown value \"inconnu\" (possible values: \"anonyme\", \"suivi\")",
        ),
        (
            good[..good.len() / 2].to_string(),
            "le fichier s’arrête avant la fin du document",
            "the file ends before the document does",
        ),
        (
            good.replacen("\"version\"", "version", 1),
            "ce n’est pas du JSON valide à cet endroit",
            "this is not valid JSON here",
        ),
        (
            good.replacen("\"canal\": ", &format!("\"{}\": ", "é".repeat(100_000)), 1),
            &format!("champ inconnu « {}… »", "é".repeat(59)),
            &format!("unknown field \"{}…\"", "é".repeat(59)),
        ),
    ];
    for (text_of_file, fr, en) in cases {
        std::fs::write(&file, &text_of_file).unwrap();
        for (lang, expected) in [("fr", fr), ("en", en)] {
            let out = carnet(
                home.path(),
                &[
                    "--lang",
                    lang,
                    "--data-dir",
                    dir.to_str().unwrap(),
                    "import",
                    file.to_str().unwrap(),
                ],
            );
            assert_eq!(out.status.code(), Some(1));
            let err = text(&out.stderr);
            assert!(err.contains(expected), "{lang}: {err}");
            assert!(err.len() < 1_000, "{lang}: {} bytes", err.len());
            // None of the parsers' own English words.
            for english in [
                "invalid",
                "expected",
                "missing field",
                "out of range",
                "EOF",
            ] {
                assert!(!err.contains(english), "{lang}: {err}");
            }
            assert!(!dir.join("store").exists(), "nothing written");
        }
    }
}

#[test]
fn an_import_that_cannot_finish_leaves_the_store_empty_and_can_be_retried() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("s");
    let file = home.path().join("export.json");
    std::fs::write(&file, carnet::export::json::to_json(&common::sample(2000))).unwrap();
    // A full disk, as the import sees it: no file may grow past 256 KiB.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 256; exec '{}' --data-dir '{}' import '{}'",
            env!("CARGO_BIN_EXE_carnet"),
            dir.display(),
            file.display()
        ))
        .env_clear()
        .env("HOME", home.path())
        .env("CARNET_TODAY", TODAY)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let store = carnet::storage::Store::open(&dir).unwrap();
    assert!(store.is_empty().unwrap(), "nothing half-imported");
    drop(store);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".store"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            dir.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "the retry works: {}",
        text(&out.stderr)
    );
    let again = carnet(
        home.path(),
        &["--data-dir", dir.to_str().unwrap(), "export"],
    );
    assert_eq!(text(&again.stdout), std::fs::read_to_string(&file).unwrap());
}

#[test]
fn a_backup_restores_into_an_empty_folder_exactly_as_the_store_was() {
    let home = tempfile::tempdir().unwrap();
    let (a, b) = (home.path().join("a"), home.path().join("b"));
    import(home.path(), &a, &common::sample(400));
    // Importing a folder of fiches backs the store up first.
    let fiches = home.path().join("fiches");
    std::fs::create_dir(&fiches).unwrap();
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            a.to_str().unwrap(),
            "import",
            fiches.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let backups: Vec<_> = std::fs::read_dir(a.join("sauvegardes"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(backups.len(), 1);
    let backup = &backups[0];
    assert_eq!(
        backup.file_name().unwrap().to_string_lossy(),
        "carnet-2026-11-27-103000.json.gz"
    );
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(backup).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let doctor = carnet(home.path(), &["--data-dir", a.to_str().unwrap(), "doctor"]);
    assert!(
        text(&doctor.stdout).contains(
            "Sauvegardes                  1, la plus récente le 27/11/2026 10:30 (il y a 0 jour(s))"
        ),
        "{}",
        text(&doctor.stdout)
    );
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            b.to_str().unwrap(),
            "restore",
            backup.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let original = carnet(home.path(), &["--data-dir", a.to_str().unwrap(), "export"]);
    let restored = carnet(home.path(), &["--data-dir", b.to_str().unwrap(), "export"]);
    assert!(original.status.success() && restored.status.success());
    assert_eq!(
        text(&restored.stdout),
        text(&original.stdout),
        "the same store"
    );
    // Into a store that holds records: refused, nothing changed.
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            b.to_str().unwrap(),
            "restore",
            backup.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("contient déjà des enregistrements"));
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
fn a_store_killed_mid_snapshot_opens_and_says_so_and_doctor_fails_on_a_broken_one() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    common::fixture_copy("sled-interrupted-snapshot", &dir);
    let d = dir.to_str().unwrap();
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "journal",
            "--format",
            "csv",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).lines().count(),
        1 + 8,
        "the 8 acknowledged interactions"
    );
    assert!(
        text(&out.stderr).contains("instantané inachevé (snap.00000000000009EC.generating)"),
        "{}",
        text(&out.stderr)
    );
    let out = carnet(home.path(), &["--data-dir", d, "doctor"]);
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("recuperation"),
        "{}",
        text(&out.stdout)
    );

    // A store sled cannot read at all: doctor says so, exits 1 and says what to do.
    std::fs::write(dir.join("store/db"), vec![0xAB; 4096]).unwrap();
    for snap in std::fs::read_dir(dir.join("store")).unwrap().flatten() {
        if snap.file_name().to_string_lossy().starts_with("snap.") {
            std::fs::write(snap.path(), b"broken").unwrap();
        }
    }
    let out = carnet(home.path(), &["--data-dir", d, "doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("Rien n'a été modifié"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("Le carnet ne s'ouvre pas"),
        "{}",
        text(&out.stderr)
    );
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
    let json = std::fs::read_to_string(&file)
        .unwrap()
        .replacen("\"accueil_spontane\"", "\"guichet_retire\"", 1)
        // An id that would set the terminal's title and clear the screen if printed raw.
        .replacen(
            "\"logement\"",
            "\"logement\\u001b]0;pirate\\u0007\\u001b[2J\"",
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
    assert!(
        text(&out.stdout).contains("thematiques : logement]0;pirate[2J (1)"),
        "{}",
        text(&out.stdout)
    );
    assert_clean("doctor", &out.stdout);
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

#[test]
fn note_logs_an_interaction_with_defaults_and_prints_its_id() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("n");
    demo(home.path(), &dir, "30");
    let d = dir.to_str().unwrap();
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "note",
            "--quiet",
            "--type",
            "aide_technique",
            "--theme",
            "logement",
            "--duree",
            "1h30",
            "--date",
            "hier",
            "Dossier de logement social",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let id: carnet::domain::Id = text(&out.stdout).trim().parse().unwrap();
    // A label in any case and without its accents names its id; a time and a number of
    // persons can be given; the time is kept to the minute.
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "note",
            "--vers",
            "CAF de Val",
            "--theme",
            "ARGENT - impots",
            "--heure",
            "14h05",
            "--personnes",
            "3",
            "Question sur la prime d'activité",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    let second: carnet::domain::Id = said
        .trim()
        .strip_prefix("Interaction notée (")
        .and_then(|rest| rest.strip_suffix(")."))
        .unwrap_or_else(|| panic!("one confirmation line with the id: {said}"))
        .parse()
        .unwrap();
    let both = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "note",
            "--suivi",
            "P-2026-001",
            "--personnes",
            "2",
            "x",
        ],
    );
    assert_eq!(both.status.code(), Some(2), "a suivi is one person");

    let store = carnet::storage::Store::open(&dir).unwrap();
    let all: Vec<carnet::domain::Interaction> = store.all().unwrap();
    assert_eq!(all.len(), 32);
    let first = all.iter().find(|i| i.meta.id == id).unwrap();
    assert_eq!(*first.types, ["aide_technique"]);
    assert_eq!(*first.thematiques, ["logement"]);
    assert_eq!(first.duree_min, 90);
    assert_eq!(
        first.date,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        "hier is the day before CARNET_TODAY"
    );
    assert_eq!(first.demande, "Dossier de logement social");
    let other = all.iter().find(|i| i.meta.id == second).unwrap();
    assert_eq!(*other.thematiques, ["argent_impots"]);
    assert_eq!(other.heure, chrono::NaiveTime::from_hms_opt(14, 5, 0));
    assert_eq!(other.personnes.count(), 3);
    assert_eq!(
        first
            .heure
            .map(|h| h.format("%S%.f").to_string())
            .as_deref(),
        Some("00"),
        "to the minute"
    );
    // Linked to the competences the type suggests, exactly as the form links them.
    let config = common::config(carnet::domain::Lang::Fr);
    let suggested = carnet::app::kinds::interaction::suggested_competences(&first.types, &config);
    assert!(!suggested.is_empty());
    let linked: Vec<_> = first
        .meta
        .evidence
        .iter()
        .map(|e| (e.competence.clone(), e.strength, e.date))
        .collect();
    let expected: Vec<_> = suggested
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let strength = if k == 0 {
                carnet::domain::Strength::Principale
            } else {
                carnet::domain::Strength::Secondaire
            };
            (c.clone(), strength, first.date)
        })
        .collect();
    assert_eq!(linked, expected);
    let oriented = all.iter().max_by_key(|i| i.meta.id).unwrap();
    assert_eq!(
        oriented.orientation.as_ref().unwrap().nom,
        "CAF de Val-de-Brume"
    );
    assert_eq!(*oriented.types, ["orientation"]);
    // Defaults come from the previous interaction: same canal.
    assert_eq!(oriented.canal, first.canal);
}

#[test]
fn note_names_the_bad_argument_and_lists_valid_ids() {
    let home = tempfile::tempdir().unwrap();
    let d = home.path().join("n");
    let d = d.to_str().unwrap();
    let out = carnet(
        home.path(),
        &["--data-dir", d, "note", "--canal", "pigeon", "x"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("--canal pigeon") && err.contains("telephone") && err.contains("visio"),
        "{err}"
    );
    for (args, expected) in [
        (vec!["note", "--date", "31/02", "x"], "n'existe pas"),
        (vec!["note", "--duree", "30h", "x"], "24 heures"),
        (
            vec!["note", "--vers", "Nulle part", "x"],
            "aucune structure",
        ),
        (vec!["note", "   "], "obligatoire"),
        (
            vec!["note", "--vers", "\u{1b}]0;pirate\u{7}\u{1b}[2J", "x"],
            "« ]0;pirate[2J » : aucune structure",
        ),
        (
            vec!["note", "--canal", "\u{1b}]52;c;Y2F0\u{7}", "x"],
            "--canal ]52;c;Y2F0 : identifiant inconnu",
        ),
    ] {
        let mut all = vec!["--data-dir", d];
        all.extend(args);
        let out = carnet(home.path(), &all);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stderr).contains(expected),
            "{}",
            text(&out.stderr)
        );
        assert_clean("note", &out.stderr);
    }
}

#[test]
fn note_with_identifying_text_asks_to_rephrase_unless_confirmed() {
    let home = tempfile::tempdir().unwrap();
    let d = home.path().join("n");
    let d = d.to_str().unwrap();
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "note",
            "Rappeler Mme Martin au 06 12 34 56 78",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("« Mme Martin »") && err.contains("téléphone") && err.contains("--yes"),
        "{err}"
    );
    let store_has = |n: usize| {
        let store = carnet::storage::Store::open(Path::new(d)).unwrap();
        assert_eq!(store.all::<carnet::domain::Interaction>().unwrap().len(), n);
    };
    store_has(0);
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "note",
            "--yes",
            "Rappeler Mme Martin au 06 12 34 56 78",
        ],
    );
    assert!(out.status.success());
    store_has(1);
}

#[test]
fn the_journal_exports_as_csv_for_spreadsheets() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    demo(home.path(), &dir, "40");
    let d = dir.to_str().unwrap();
    carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "note",
            "--theme",
            "logement",
            "Élève, \"urgent\"; à revoir",
        ],
    );
    let file = home.path().join("j.csv");
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "journal",
            "--format",
            "csv",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = std::fs::read_to_string(&file).unwrap();
    assert!(csv.starts_with("\u{feff}Identifiant,Date,Heure,Durée (min),Types"));
    assert_eq!(csv.matches("\r\n").count(), 42, "header + 41 rows");
    assert!(
        csv.contains("\"Élève, \"\"urgent\"\"; à revoir\""),
        "quoted and escaped"
    );
    assert!(csv.contains("Papiers - Élections") || csv.contains("Logement"));
    let en = carnet(
        home.path(),
        &[
            "--lang",
            "en",
            "--data-dir",
            d,
            "export",
            "--what",
            "journal",
            "--format",
            "csv",
        ],
    );
    assert!(text(&en.stdout).starts_with("\u{feff}Id,Date,Time,Length (min),Types"));
    let bad = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "journal",
            "--format",
            "json",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));

    // The separator French spreadsheets expect, from the option or the configuration.
    let journal = [
        "--data-dir",
        d,
        "export",
        "--what",
        "journal",
        "--format",
        "csv",
    ];
    let semi = carnet(home.path(), &[&journal[..], &["--sep", ";"]].concat());
    assert!(
        text(&semi.stdout).starts_with("\u{feff}Identifiant;Date;Heure;Durée (min);Types"),
        "{}",
        text(&semi.stdout)
    );
    let config = home.path().join("sep.toml");
    std::fs::write(&config, "separateur_csv = \"tab\"\n").unwrap();
    let cfg = config.to_str().unwrap();
    let tab = carnet(
        home.path(),
        &[&["--config", cfg][..], &journal[..]].concat(),
    );
    assert!(text(&tab.stdout).starts_with("\u{feff}Identifiant\tDate\tHeure"));
    let over = carnet(
        home.path(),
        &[&["--config", cfg][..], &journal[..], &["--sep", ","]].concat(),
    );
    assert!(
        text(&over.stdout).starts_with("\u{feff}Identifiant,Date"),
        "the option wins"
    );
    std::fs::write(&config, "separateur_csv = \"|\"\n").unwrap();
    let wrong = carnet(
        home.path(),
        &[&["--config", cfg][..], &journal[..]].concat(),
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        text(&wrong.stderr).contains("ligne 1 : separateur_csv"),
        "{}",
        text(&wrong.stderr)
    );
    let wrong = carnet(home.path(), &[&journal[..], &["--sep", "|"]].concat());
    assert_eq!(wrong.status.code(), Some(2));
}

#[test]
fn the_network_exports_as_a_directory_csv_and_vcards() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("r");
    demo(home.path(), &dir, "100");
    let d = dir.to_str().unwrap();
    let csv = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "reseau",
            "--format",
            "csv",
        ],
    );
    assert!(csv.status.success(), "{}", text(&csv.stderr));
    let csv = text(&csv.stdout);
    assert!(csv.starts_with("\u{feff}Identifiant,Nom,Typologies"));
    assert_eq!(csv.matches("\r\n").count(), 41, "header + 40 structures");
    let vcf = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "contacts",
            "--format",
            "vcard",
        ],
    );
    assert!(vcf.status.success());
    let vcf = text(&vcf.stdout);
    assert!(vcf.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    let bad = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "contacts",
            "--format",
            "csv",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("--what contacts --format vcard"));
}

#[test]
fn documentation_round_trips_through_a_markdown_folder_and_reports_bad_files() {
    let home = tempfile::tempdir().unwrap();
    let a = home.path().join("a");
    let b = home.path().join("b");
    let folder = home.path().join("docs");
    demo(home.path(), &a, "100");
    let (da, db, dd) = (
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        folder.to_str().unwrap(),
    );
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            da,
            "export",
            "--what",
            "documentation",
            "--format",
            "md",
            "-o",
            dd,
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let files: Vec<_> = walkdir(&folder);
    assert_eq!(files.len(), 30);
    // Into the same store: nothing changes.
    let out = carnet(home.path(), &["--data-dir", da, "import", dd]);
    assert!(
        text(&out.stdout).contains("30 inchangée(s)"),
        "{}",
        text(&out.stdout)
    );
    // Into another store: every fiche is created; a broken file is named and skipped.
    std::fs::write(folder.join("cassee.md"), "pas de front matter").unwrap();
    let out = carnet(home.path(), &["--data-dir", db, "import", dd]);
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("30 créée(s)"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("cassee.md"),
        "{}",
        text(&out.stderr)
    );
    let store = carnet::storage::Store::open(&b).unwrap();
    let fiches: Vec<carnet::domain::Fiche> = store.all().unwrap();
    assert_eq!(fiches.len(), 30);
    let original: Vec<carnet::domain::Fiche> =
        carnet::storage::Store::open(&a).unwrap().all().unwrap();
    let mut left: Vec<_> = original
        .iter()
        .map(|f| (f.titre.clone(), f.contenu.clone(), f.classement.clone()))
        .collect();
    let mut right: Vec<_> = fiches
        .iter()
        .map(|f| (f.titre.clone(), f.contenu.clone(), f.classement.clone()))
        .collect();
    left.sort();
    right.sort();
    assert_eq!(
        left, right,
        "titles, bodies and filing survive the round trip"
    );
}

/// Nothing a command prints may drive the terminal: no ESC, BEL or other control character
/// besides newlines.
fn assert_clean(what: &str, bytes: &[u8]) {
    let s = text(bytes);
    let bad: Vec<char> = s.chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert!(bad.is_empty(), "{what} printed {bad:?}:\n{s}");
}

const FICHE: &str = "---\ntitre: Aide au logement\n---\n\nTexte.\n";

#[cfg(unix)]
#[test]
fn a_hostile_documentation_folder_is_read_safely_and_each_skipped_file_named() {
    use std::os::unix::fs::symlink;
    let home = tempfile::tempdir().unwrap();
    let store = home.path().join("c");
    let folder = home.path().join("docs");
    let sub = folder.join("logement");
    std::fs::create_dir_all(&sub).unwrap();
    let outside = home.path().join("secret.md");
    std::fs::write(
        &outside,
        FICHE.replace("Aide au logement", "Hors du dossier"),
    )
    .unwrap();
    std::fs::write(sub.join("bonne.md"), FICHE).unwrap();
    // Links of every sort: loops, the root, a device, a file outside.
    symlink(".", sub.join("boucle1")).unwrap();
    symlink("..", sub.join("boucle2")).unwrap();
    symlink("/", folder.join("racine")).unwrap();
    symlink("/dev/zero", folder.join("z.md")).unwrap();
    symlink(&outside, folder.join("dehors.md")).unwrap();
    let fifo = folder.join("tube.md");
    let has_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success();
    std::fs::write(
        folder.join("enorme.md"),
        format!("{FICHE}{}", "x".repeat(2 * 1024 * 1024)),
    )
    .unwrap();
    std::fs::write(
        folder.join("titre\u{1b}]0;pirate\u{7}.md"),
        "---\ntitre: x\n\u{1b}]52;c;Y2F0\u{7}: 1\n---\n",
    )
    .unwrap();

    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            store.to_str().unwrap(),
            "import",
            folder.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_clean("stdout", &out.stdout);
    assert_clean("stderr", &out.stderr);
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert!(stdout.contains("1 créée(s)"), "{stdout}");
    for name in [
        "racine",
        "z.md",
        "dehors.md",
        "logement/boucle1",
        "logement/boucle2",
    ] {
        assert!(
            stderr.contains(&format!("{name} : lien symbolique, non suivi")),
            "{name}: {stderr}"
        );
    }
    if has_fifo {
        assert!(
            stderr.contains("tube.md : ce n'est pas un fichier ordinaire"),
            "{stderr}"
        );
    }
    assert!(
        stderr.contains("enorme.md : plus de 1 Mio, non lu"),
        "{stderr}"
    );
    assert!(stderr.contains("clé inconnue « ]52;c;Y2F0 »"), "{stderr}");
    let fiches: Vec<carnet::domain::Fiche> =
        carnet::storage::Store::open(&store).unwrap().all().unwrap();
    let titles: Vec<&str> = fiches.iter().map(|f| f.titre.as_str()).collect();
    assert_eq!(
        titles,
        ["Aide au logement"],
        "nothing from outside the folder"
    );
}

#[cfg(unix)]
#[test]
fn exported_documentation_is_private_and_free_of_escape_sequences() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let store = home.path().join("c");
    let mut data = carnet::domain::Dataset::default();
    let mut fiche: carnet::domain::Fiche = serde_json::from_value(serde_json::json!({
        "meta": {"id": 65536, "created_at": 0, "updated_at": 0, "tags": [], "evidence": []},
        "titre": "Fiche", "type_fiche": "fiche_pratique", "thematiques": [],
        "contenu": "", "sources": [], "classement": "acces_droits", "statut": "validee",
        "date_verification": null, "date_revision": null, "revisions": [], "structures": []
    }))
    .unwrap();
    fiche.contenu = "Avant\u{1b}[2J\u{1b}]0;pirate\u{7} après\n\tcode indenté".into();
    data.fiches.push(fiche);
    import(home.path(), &store, &data);
    let folder = home.path().join("partage/docs");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 000; exec '{}' --data-dir '{}' export --what documentation --format md -o '{}'",
            env!("CARGO_BIN_EXE_carnet"),
            store.display(),
            folder.display()
        ))
        .env("CARNET_TODAY", TODAY)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let files = walkdir(&folder);
    let file = files.iter().find(|p| p.is_file()).unwrap();
    let body = std::fs::read_to_string(file).unwrap();
    assert!(
        body.contains("Avant[2J]0;pirate après\n\tcode indenté"),
        "{body:?}"
    );
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    for p in &files {
        let expected = if p.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(p), expected, "{} under umask 000", p.display());
    }
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(folder.parent().unwrap()), 0o700);
}

fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walkdir(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn the_coverage_matrix_exports_as_markdown_html_and_csv() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    demo(home.path(), &dir, "200");
    let d = dir.to_str().unwrap();
    let export = |lang: &str, format: &str, extra: &[&str]| {
        let mut args = vec![
            "--data-dir",
            d,
            "--lang",
            lang,
            "export",
            "--what",
            "couverture",
            "--format",
            format,
        ];
        args.extend_from_slice(extra);
        carnet(home.path(), &args)
    };
    let md = export("fr", "md", &[]);
    assert!(md.status.success(), "{}", text(&md.stderr));
    let md = text(&md.stdout);
    assert!(md.starts_with("# Couverture des compétences — Technicien(ne) Médiation Services"));
    assert_eq!(md.matches("\n## CCP").count(), 3, "one section per CCP");
    assert!(
        md.contains("Amorcée dès 1 preuve(s) ; solide à partir de 3 preuve(s) principale(s)."),
        "the thresholds by their values: {md}"
    );
    assert!(
        md.contains("| CCP2.C9 | Analyser sa pratique de technicien(ne) médiation services |"),
        "{md}"
    );
    let html_path = home.path().join("couverture.html");
    let html = export("en", "html", &["-o", html_path.to_str().unwrap()]);
    assert!(html.status.success(), "{}", text(&html.stderr));
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.contains("<html lang=\"en\">") && html.contains("@page { size: A4"));
    assert!(html.contains("<th>Main evidence</th>"));
    assert!(html.contains("solid from 3 principal piece(s)") && !html.contains("seuil_"));
    let csv = export("fr", "csv", &[]);
    let csv = text(&csv.stdout);
    assert!(csv.starts_with("\u{feff}CCP,Compétence,Libellé,Preuves principales"));
    let competences = csv.lines().count() - 1;
    assert_eq!(
        competences,
        md.matches("\n| CCP").count(),
        "the same rows in both formats"
    );
    let wrong = export("fr", "vcard", &[]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(text(&wrong.stderr).contains("--what couverture --format md, html ou csv"));
}

#[test]
fn a_broken_referentiel_is_refused_naming_file_and_line() {
    let home = tempfile::tempdir().unwrap();
    let cfg = home.path().join("c.toml");
    std::fs::write(&cfg, "referentiel = \"r.toml\"\n").unwrap();
    let head = "id = \"r\"\ntitre = \"R\"\ntitre_en = \"R\"\n";
    let ccp = |id: &str, competences: &[&str]| {
        let mut s =
            format!("\n[[ccp]]\nid = \"{id}\"\nkey = \"k\"\nlibelle = \"L\"\nlibelle_en = \"L\"\n");
        for c in competences {
            s.push_str(&format!("\n[[ccp.competences]]\nid = \"{c}\"\nkey = \"k\"\nlibelle = \"L\"\nlibelle_en = \"L\"\n"));
        }
        s
    };
    let cases = [
        // The line of the second `id = "CCP1.C1"`.
        (
            format!("{head}{}", ccp("CCP1", &["CCP1.C1", "CCP1.C1"])),
            "ligne 18",
            "CCP1.C1",
        ),
        (
            format!("{head}{}{}", ccp("CCP1", &["CCP1.C1"]), ccp("CCP2", &[])),
            "ligne 18",
            "CCP2",
        ),
        (
            format!("{head}{}", ccp("CCP1", &["CCP1.C1"])).replace(
                "key = \"k\"\nlibelle = \"L\"\nlibelle_en = \"L\"\n\n[[ccp.c",
                "key = \"k\"\nlibelle = \"L\"\nlibelle_en = \"L\"\ncouleur = \"bleu\"\n\n[[ccp.c",
            ),
            "ligne 10",
            "couleur",
        ),
        (head.to_string(), "r.toml", "[[ccp]]"),
    ];
    for (content, line, what) in cases {
        std::fs::write(home.path().join("r.toml"), &content).unwrap();
        let out = carnet(home.path(), &["--config", cfg.to_str().unwrap(), "doctor"]);
        assert_eq!(out.status.code(), Some(2), "{content}");
        let err = text(&out.stderr);
        assert!(
            err.contains("r.toml") && err.contains(line) && err.contains(what),
            "{content}\n{err}"
        );
    }
}

/// The official labels of the ministry's model that every export of the dossier carries, word for word.
const DP_LABELS: &[&str] = &[
    "DOSSIER PROFESSIONNEL (DP)",
    "Nom de naissance ►",
    "Nom d'usage ►",
    "Prénom ►",
    "Adresse ►",
    "Titre professionnel visé",
    "MODALITÉ D'ACCÈS :",
    "Parcours de formation",
    "Validation des Acquis de l'Expérience (VAE)",
    "Sommaire",
    "Exemples de pratique professionnelle",
    "Activité-type 1",
    "Activité-type 3",
    "Exemple n°1 ►",
    "Décrivez les tâches ou opérations que vous avez effectuées, et dans quelles conditions :",
    "Précisez les moyens utilisés :",
    "Avec qui avez-vous travaillé ?",
    "Contexte",
    "Nom de l'entreprise, organisme ou association ►",
    "Chantier, atelier, service ►",
    "Période d'exercice ► Du :",
    "Informations complémentaires (facultatif)",
    "Titres, diplômes, CQP, attestations de formation (facultatif)",
    "Intitulé",
    "Autorité ou organisme",
    "Date",
    "Déclaration sur l'honneur",
    "Je soussigné(e) Léa Martin, déclare sur l'honneur que les renseignements fournis dans ce dossier sont exacts et que je suis l'auteur(e) des réalisations jointes.",
    "pour faire valoir ce que de droit.",
    "Signature :",
    "Documents illustrant la pratique professionnelle (facultatif)",
    "Annexes (Si le RC le prévoit)",
    "ANNEXES",
];

/// The text of a DOCX's body, runs joined per paragraph, as a reader sees it.
fn docx_text(path: &Path) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = String::new();
    for paragraph in xml.split("</w:p>") {
        for run in paragraph.split("<w:t").skip(1) {
            let text = run.split_once('>').map_or("", |(_, t)| t);
            let text = text.split("</w:t>").next().unwrap_or_default();
            out.push_str(
                &text
                    .replace("&apos;", "'")
                    .replace("&quot;", "\"")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&"),
            );
        }
        out.push('\n');
    }
    out
}

/// Writes `data` into a new store at `dir` through `carnet import`.
pub(crate) fn import(home: &Path, dir: &Path, data: &carnet::domain::Dataset) {
    let file = home.join(format!(
        "{}.json",
        dir.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&file, carnet::export::json::to_json(data)).unwrap();
    let out = carnet(
        home,
        &[
            "--data-dir",
            dir.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// A trainee's store with one Dossier Professionnel example per CCP; the first one's tasks
/// mention a « mot de passe », which the sharing check flags.
fn dossier_store() -> carnet::domain::Dataset {
    use carnet::domain::{Dataset, Id, Profil, RecordMeta, Timestamp};
    Dataset {
        profil: vec![Profil {
            meta: RecordMeta::new(Id(1 << 16), Timestamp(1_764_000_000_000)),
            role: "stagiaire".into(),
            employeur: None,
            service: "Accueil et médiation sociale".into(),
            periode_debut: None,
            periode_fin: None,
            date_ecf: None,
            date_remise_dp: None,
            date_jury: None,
        }],
        exemples: vec![
            common::exemple(
                2 << 16,
                "tms-2004/CCP1",
                1,
                "Aider à une démarche en ligne",
                "J'ai accompagné une personne pour réinitialiser son mot de passe sur le site de la CAF.",
            ),
            common::exemple(
                3 << 16,
                "tms-2004/CCP2",
                1,
                "Une médiation de voisinage",
                "J'ai réuni deux voisins autour du bruit dans la cage d'escalier.",
            ),
            common::exemple(
                4 << 16,
                "tms-2004/CCP3",
                1,
                "Un atelier numérique",
                "J'ai animé un atelier collectif sur les démarches en ligne.",
            ),
        ],
        ..Dataset::default()
    }
}

#[test]
fn the_dossier_exports_are_gated_and_carry_the_ministry_labels() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("store");
    import(home.path(), &dir, &dossier_store());
    let export = |format: &str, extra: &[&str]| {
        let mut args = vec![
            "--data-dir",
            dir.to_str().unwrap(),
            "--lang",
            "fr",
            "export",
            "--what",
            "dossier",
            "--format",
            format,
        ];
        args.extend_from_slice(extra);
        carnet(home.path(), &args)
    };
    let identity = [
        "--nom",
        "Martin",
        "--prenom",
        "Léa",
        "--adresse",
        "3 rue des Lilas",
    ];

    // The CCP1 example mentions a "mot de passe": the gate names it and refuses.
    let docx = home.path().join("dp.docx");
    let mut args = identity.to_vec();
    args.extend(["-o", docx.to_str().unwrap()]);
    let refused = export("docx", &args);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    let stderr = text(&refused.stderr);
    assert!(stderr.contains("Export refusé"), "{stderr}");
    assert!(
        stderr.contains(" · Tâches et conditions : « mot de passe » — mot de passe ou identifiant"),
        "each warning names its CCP, example, field and words: {stderr}"
    );
    assert!(stderr.contains("--accept-warnings"), "{stderr}");
    assert!(!docx.exists(), "nothing is written while the gate refuses");

    args.push("--accept-warnings");
    let out = export("docx", &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("Présentation du dossier"),
        "the missing ministry text is said, not invented"
    );
    let body = docx_text(&docx);
    for label in DP_LABELS {
        assert!(body.contains(label), "DOCX lacks « {label} »:\n{body}");
    }
    assert!(body.contains("Nom de naissance ► Martin"));
    assert!(
        body.contains("☒ Parcours de formation"),
        "a stagiaire's profil ticks the training box"
    );
    assert!(body.contains("☐ Validation des Acquis"));
    assert!(
        !body.contains("Suivi-"),
        "no suivi code reaches the dossier"
    );

    let md = export("md", &[&identity[..], &["--accept-warnings"]].concat());
    assert!(md.status.success(), "{}", text(&md.stderr));
    let md = text(&md.stdout);
    let read = md.replace("**", ""); // what a Markdown reader shows
    for label in DP_LABELS {
        assert!(read.contains(label), "Markdown lacks « {label} »");
    }
    assert_eq!(
        md.matches("### Exemple n°1 ►").count(),
        3,
        "one example per CCP"
    );

    let html = export("html", &["--accept-warnings", "--modalite", "vae"]);
    assert!(html.status.success());
    assert!(
        text(&html.stderr).contains("identité laissée en blanc"),
        "without a terminal nor flags the cover stays blank, and it is said"
    );
    let html = text(&html.stdout);
    assert!(html.contains("☒ Validation des Acquis de l&#39;Expérience (VAE)"));
    assert_eq!(html.matches("<div class=\"page-break\"></div>").count(), 6);

    let nowhere = export("md", &["--accept-warnings", "-o", "/nonexistent/dp.md"]);
    assert_eq!(nowhere.status.code(), Some(1));
    assert!(
        text(&nowhere.stderr)
            .contains("/nonexistent/dp.md : ce fichier ou ce dossier n'existe pas"),
        "the system's error in the UI language: {}",
        text(&nowhere.stderr)
    );

    let usage = export("docx", &["--accept-warnings"]);
    assert_eq!(usage.status.code(), Some(2), "DOCX needs a file");
    assert!(text(&usage.stderr).contains("-o FICHIER.docx"));
}

#[test]
fn the_ministry_presentation_text_comes_from_the_file_the_config_names() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("store");
    demo(home.path(), &dir, "200");
    let cfg = home.path().join("config.toml");
    std::fs::write(&cfg, "presentation_dossier = \"presentation.txt\"\n").unwrap();
    let export = || {
        carnet(
            home.path(),
            &[
                "--config",
                cfg.to_str().unwrap(),
                "--data-dir",
                dir.to_str().unwrap(),
                "export",
                "--what",
                "dossier",
                "--format",
                "md",
                "--accept-warnings",
            ],
        )
    };
    let doctor = |home: &Path| {
        text(
            &carnet(
                home,
                &[
                    "--config",
                    cfg.to_str().unwrap(),
                    "--data-dir",
                    dir.to_str().unwrap(),
                    "doctor",
                ],
            )
            .stdout,
        )
    };
    // Named but missing: refused before anything, naming the file.
    let missing = export();
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr).contains("presentation.txt"),
        "{}",
        text(&missing.stderr)
    );

    std::fs::write(
        home.path().join("presentation.txt"),
        "Premier paragraphe du texte officiel.\n\nSecond paragraphe.\n",
    )
    .unwrap();
    let out = export();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    let at = md
        .find("## Présentation du dossier")
        .expect("the page is there");
    assert!(
        at < md.find("## Sommaire").unwrap(),
        "before the sommaire, as in the model"
    );
    assert!(md.contains("Premier paragraphe du texte officiel.\n\nSecond paragraphe."));
    assert!(
        !text(&out.stderr).contains("Présentation du dossier"),
        "nothing to warn about"
    );
    let report = doctor(home.path());
    assert!(
        report.contains("fournie (57 caractères)"),
        "doctor says it is there: {report}"
    );
}

#[test]
fn usage_mistakes_are_explained_in_the_ui_language() {
    let home = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["export", "--what", "nope"],
            "Valeur « nope » refusée pour --what",
        ),
        (&["--bogus"], "Option inconnue : --bogus."),
        (
            &["exprt"],
            "Commande inconnue : exprt. Vouliez-vous dire import, export ?",
        ),
        (&["export", "--nom"], "--nom <NOM> attend une valeur."),
        (
            &["demo", "--seed", "abc"],
            "Valeur « abc » refusée pour --seed",
        ),
        (
            &["--lang", "en", "exprt"],
            "Unknown command: exprt. Did you mean",
        ),
    ];
    for (args, expected) in cases {
        let out = carnet(home.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!stderr.contains("error:"), "no English from clap: {stderr}");
    }
}

#[test]
fn help_speaks_the_ui_language() {
    let home = tempfile::tempdir().unwrap();
    let fr = carnet(home.path(), &["--help"]);
    assert!(fr.status.success());
    let fr = text(&fr.stdout);
    assert!(
        fr.contains("Utilisation : carnet [OPTIONS] [COMMANDE]"),
        "{fr}"
    );
    assert!(fr.contains("Note une interaction sans ouvrir l'interface"));
    assert!(
        fr.contains("-h, --help            Affiche cette aide"),
        "{fr}"
    );
    assert!(!fr.contains("Print"), "no English left: {fr}");

    let en = text(&carnet(home.path(), &["--lang", "en", "help", "export"]).stdout);
    assert!(en.contains("Usage: carnet export [OPTIONS]"), "{en}");
    assert!(
        en.contains("File format [default: json] [values: json, csv, vcard, md, html, docx, xlsx]")
    );
    assert!(
        !en.contains("[values: true, false]"),
        "flags list no values: {en}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_gets_a_message_not_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_carnet"))
        .env_clear()
        .env("HOME", home.path())
        .arg("import")
        .arg(std::ffi::OsStr::from_bytes(b"bad\xff.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("ce fichier ou ce dossier n'existe pas"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn importing_a_csv_or_a_text_says_what_can_be_imported() {
    let home = tempfile::tempdir().unwrap();
    let csv = home.path().join("journal.csv");
    std::fs::write(&csv, "\u{feff}Identifiant,Date\r\n1,02/12/2026\r\n").unwrap();
    let dir = home.path().join("c");
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            dir.to_str().unwrap(),
            "import",
            csv.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("un fichier CSV ne s'importe pas")
            && text(&out.stderr).contains("carnet export -o carnet.json"),
        "{}",
        text(&out.stderr)
    );
    let note = home.path().join("note.txt");
    std::fs::write(&note, "bonjour\n").unwrap();
    let out = carnet(
        home.path(),
        &[
            "--lang",
            "en",
            "--data-dir",
            dir.to_str().unwrap(),
            "import",
            note.to_str().unwrap(),
        ],
    );
    assert!(
        text(&out.stderr).contains("this is not a Carnet JSON export"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.exists(), "nothing created");
}

#[test]
fn completions_and_the_manual_page_are_generated_in_the_ui_language() {
    let home = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let out = carnet(home.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", text(&out.stderr));
        let script = text(&out.stdout);
        assert!(
            script.contains("carnet") && script.contains("suivi"),
            "{script}"
        );
    }
    let zsh = text(&carnet(home.path(), &["completions", "zsh"]).stdout);
    assert!(
        zsh.contains("Code de suivi de la personne"),
        "descriptions in French"
    );
    let man = carnet(home.path(), &["man"]);
    assert!(man.status.success());
    let page = text(&man.stdout);
    assert!(
        page.starts_with(".ie") && page.contains(".TH carnet 1"),
        "{page}"
    );
    assert!(page.contains("Dossier du carnet"), "{page}");
    let en = text(&carnet(home.path(), &["--lang", "en", "man"]).stdout);
    assert!(en.contains("Store folder"), "{en}");
    let bad = carnet(home.path(), &["completions", "nushell"]);
    assert_eq!(bad.status.code(), Some(2));
}

/// A contact of the network is a professional: `carnet note` names them without a warning,
/// however they are addressed, as the interface does; a stranger still warns.
#[test]
fn note_lets_network_contacts_be_named_in_any_form_of_address() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    demo(home.path(), &dir, "60");
    let d = dir.to_str().unwrap();
    let out = carnet(home.path(), &["--data-dir", d, "export"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let nom = json["records"]["contacts"][0]["nom"]
        .as_str()
        .unwrap()
        .to_string();
    let surname = nom.rsplit(' ').next().unwrap().to_string();
    for note in [
        format!("Appel de Mme {surname} au sujet d'un dossier"),
        format!("Rendez-vous avec Monsieur {surname}"),
        format!("Échange avec M. {surname}"),
        format!("Vu {nom} à la permanence"),
    ] {
        let out = carnet(home.path(), &["--data-dir", d, "note", &note]);
        assert!(out.status.success(), "{note}: {}", text(&out.stderr));
    }
    let out = carnet(
        home.path(),
        &["--data-dir", d, "note", "Appel de Mme Zwiebelkuchen"],
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("« Mme Zwiebelkuchen »"));
}

/// `carnet note` links what the types suggest, as the form does, plus `--competence`;
/// `--sans-competence` links none; an id the référentiel lacks is refused with the valid ones.
#[test]
fn note_links_the_suggested_competences_and_those_asked_for() {
    let home = tempfile::tempdir().unwrap();
    let d = home.path().join("c");
    let d = d.to_str().unwrap();
    let note = |args: &[&str]| {
        let mut all = vec!["--data-dir", d, "note"];
        all.extend(args);
        carnet(home.path(), &all)
    };
    assert!(
        note(&[
            "--type",
            "aide_technique",
            "--competence",
            "ccp2.c5",
            "Dossier logement"
        ])
        .status
        .success()
    );
    assert!(
        note(&["--sans-competence", "Renseignement"])
            .status
            .success()
    );
    let out = note(&["--competence", "CCP9.C1", "Autre"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("CCP2.C10"),
        "{}",
        text(&out.stderr)
    );
    let out = carnet(home.path(), &["--data-dir", d, "export"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let linked: Vec<Vec<String>> = json["records"]["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            i["meta"]["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["competence"].as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(
        linked,
        [
            vec![
                "tms-2004/CCP2.C3".to_string(),
                "tms-2004/CCP2.C6".to_string(),
                "tms-2004/CCP2.C5".to_string()
            ],
            vec![]
        ]
    );
}
