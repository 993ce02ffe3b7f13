//! The rights of the person and retention, from the command line, as a user runs them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::cli::{carnet, import, text};
use crate::common;
use crate::storage::files_holding;
use carnet::domain::*;
use carnet::storage::Store;

/// A store holding suivi `P-2024-007`, whose interactions carry distinctive text, and a
/// backup taken before the erasure.
fn store_with_a_suivi(home: &std::path::Path) -> (std::path::PathBuf, Vec<u8>) {
    let dir = home.join("c");
    let mut data = common::sample(120);
    let needle = b"Texte-de-la-personne-Q9X7".to_vec();
    data.suivis.push(Suivi {
        meta: RecordMeta::new(Id(9_000_001), Timestamp(0)),
        code: "P-2024-007".into(),
        public: PublicAnonyme::default(),
        thematiques: Vec::new(),
        actif: true,
    });
    for i in [3, 40, 77] {
        data.interactions[i].personnes = Personnes::Suivi(Id(9_000_001));
        data.interactions[i].note_privee = String::from_utf8_lossy(&needle).as_ref().into();
    }
    data.sort();
    import(home, &dir, &data);
    let store = Store::open(&dir).unwrap();
    let retention = carnet::storage::backup::Retention {
        daily: 7,
        weekly: 4,
    };
    store.backup(retention).unwrap().unwrap();
    (dir, needle)
}

#[test]
fn a_suivi_is_exported_for_the_person_then_erased_everywhere() {
    let home = tempfile::tempdir().unwrap();
    let (dir, needle) = store_with_a_suivi(home.path());
    let d = dir.to_str().unwrap();
    let page = carnet(
        home.path(),
        &["--data-dir", d, "suivi", "export", "p-2024-007"],
    );
    assert!(page.status.success(), "{}", text(&page.stderr));
    let page = text(&page.stdout);
    assert!(
        page.contains("# Ce que Carnet contient au sujet du suivi P-2024-007"),
        "{page}"
    );
    assert!(page.contains("Interactions (3)"), "{page}");
    // The private note too: the person has a right to it.
    assert!(page.contains("Texte-de-la-personne-Q9X7"), "{page}");
    let json = home.path().join("acces.json");
    let out = carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "suivi",
            "export",
            "P-2024-007",
            "--format",
            "json",
            "-o",
            json.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(value["interactions"].as_array().unwrap().len(), 3);

    // Without a terminal, nothing happens without --yes.
    let refused = carnet(
        home.path(),
        &["--data-dir", d, "suivi", "erase", "P-2024-007"],
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(!files_holding(&dir, &needle).is_empty());
    let erased = carnet(
        home.path(),
        &["--data-dir", d, "suivi", "erase", "P-2024-007", "--yes"],
    );
    assert!(erased.status.success(), "{}", text(&erased.stderr));
    assert!(
        text(&erased.stdout).contains("1 sauvegarde(s) réécrite(s)"),
        "{}",
        text(&erased.stdout)
    );
    // Not a byte of it anywhere in the data dir: store, backups (decompressed), logs.
    assert_eq!(
        files_holding(&dir, &needle),
        Vec::<std::path::PathBuf>::new()
    );
    assert_eq!(
        files_holding(&dir, b"P-2024-007"),
        Vec::<std::path::PathBuf>::new()
    );
    let (data, _) = Store::open(&dir).unwrap().load().unwrap();
    assert_eq!(data.interactions.len(), 117);
    // The log counts, never names.
    let log = std::fs::read_to_string(dir.join("journal-confidentialite.log")).unwrap();
    assert_eq!(
        log,
        "2026-11-27T10:30:00 effacement suivis=1 interactions=3 sauvegardes=1\n"
    );
    let doctor = text(&carnet(home.path(), &["--data-dir", d, "doctor"]).stdout);
    assert!(
        doctor.contains("1 opération(s), la dernière : 2026-11-27T10:30:00 effacement"),
        "{doctor}"
    );
    let again = carnet(
        home.path(),
        &[
            "--lang",
            "en",
            "--data-dir",
            d,
            "suivi",
            "erase",
            "P-2024-007",
            "--yes",
        ],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("No follow-up has the code"),
        "{}",
        text(&again.stderr)
    );
}

#[test]
fn retention_shows_then_anonymises_what_is_past_and_keeps_the_counts() {
    let home = tempfile::tempdir().unwrap();
    let (dir, needle) = store_with_a_suivi(home.path());
    let d = dir.to_str().unwrap();
    let longer = home.path().join("36.toml");
    std::fs::write(&longer, "conservation_mois = 36\n").unwrap();
    let refused = carnet(
        home.path(),
        &[
            "--config",
            longer.to_str().unwrap(),
            "--data-dir",
            d,
            "retention",
        ],
    );
    assert_eq!(refused.status.code(), Some(2));
    // The rule, in the UI language, on the line that breaks it.
    assert!(
        text(&refused.stderr).contains("ligne 1 : conservation_mois = 36 : de 1 à 24"),
        "{}",
        text(&refused.stderr)
    );

    let (before, _) = Store::open(&dir).unwrap().load().unwrap();
    let short = home.path().join("3.toml");
    std::fs::write(&short, "conservation_mois = 3\n").unwrap();
    let c = short.to_str().unwrap();
    let shown = carnet(home.path(), &["--config", c, "--data-dir", d, "retention"]);
    assert!(shown.status.success());
    let shown = text(&shown.stdout);
    assert!(shown.contains("Conservation : 3 mois après le dernier contact, soit les contacts d'avant le 27/08/2026."), "{shown}");
    assert!(
        shown.contains("interaction(s) dont les textes libres seront effacés"),
        "{shown}"
    );
    // Showing changed nothing.
    assert_eq!(Store::open(&dir).unwrap().load().unwrap().0, before);
    let applied = carnet(
        home.path(),
        &[
            "--config",
            c,
            "--data-dir",
            d,
            "retention",
            "--apply",
            "--yes",
        ],
    );
    assert!(applied.status.success(), "{}", text(&applied.stderr));
    let (after, _) = Store::open(&dir).unwrap().load().unwrap();
    // Every interaction is still counted, with its date, types and duration.
    assert_eq!(after.interactions.len(), before.interactions.len());
    let cutoff = chrono::NaiveDate::from_ymd_opt(2026, 8, 27).unwrap();
    for (a, b) in after.interactions.iter().zip(&before.interactions) {
        assert_eq!(
            (a.date, &a.types, a.duree_min),
            (b.date, &b.types, b.duree_min)
        );
        if a.date < cutoff && matches!(b.personnes, Personnes::Anonyme(_)) {
            assert_eq!((a.demande.as_str(), a.note_privee.as_str()), ("", ""));
        }
    }
    assert!(files_holding(&dir.join("store"), &needle).is_empty());
    let log = std::fs::read_to_string(dir.join("journal-confidentialite.log")).unwrap();
    assert!(
        log.starts_with("2026-11-27T10:30:00 conservation "),
        "{log}"
    );
    let again = text(&carnet(home.path(), &["--config", c, "--data-dir", d, "retention"]).stdout);
    assert!(again.contains("Rien à anonymiser."), "{again}");
}

fn app(data: Dataset) -> carnet::app::App {
    let mut app = carnet::app::App::loading(common::config(Lang::Fr), common::now());
    app.update(carnet::app::Msg::Resize(100, 30));
    app.update(carnet::app::Msg::Loaded {
        data: Box::new(data),
        decode_failures: 0,
        folded: None,
    });
    app
}

#[test]
fn a_suivi_is_erased_from_its_timeline_and_from_the_store_and_backups() {
    use carnet::app::{Effect, Modal};
    use carnet::config::keymap::Key;
    let home = tempfile::tempdir().unwrap();
    let (dir, needle) = store_with_a_suivi(home.path());
    let store = Store::open(&dir).unwrap();
    let (data, _) = store.load().unwrap();
    let mut a = app(data);
    // Nothing is past the retention period: nothing is offered at opening.
    assert!(a.modals().is_empty(), "{:?}", a.modals());
    // Erasing needs a suivi's timeline.
    common::press(&mut a, Key::char('E'));
    assert!(a.modals().is_empty());
    assert!(a.status().unwrap().text.contains("Ouvrez d'abord le suivi"));
    let row = a
        .journal()
        .rows
        .iter()
        .position(|&i| a.data().interactions[i].personnes == Personnes::Suivi(Id(9_000_001)))
        .unwrap();
    for _ in 0..row {
        common::press(&mut a, Key::char('j'));
    }
    common::press(&mut a, Key::char('t'));
    assert_eq!(a.journal().rows.len(), 3);
    assert!(a.hints().contains(&carnet::action::Action::Erase));
    common::press(&mut a, Key::char('E'));
    let Some(Modal::Confirm { message, .. }) = a.modals().last() else {
        panic!("a question: {:?}", a.modals())
    };
    assert!(
        message.contains("P-2024-007") && message.contains("3 interaction(s)"),
        "{message}"
    );
    let effects = common::press(&mut a, Key::char('o'));
    assert!(a.data().suivis.iter().all(|s| s.code != "P-2024-007"));
    assert_eq!(a.data().interactions.len(), 117);
    // Nothing to undo: an erasure does not come back.
    common::press(&mut a, Key::char('u'));
    assert_eq!(a.data().interactions.len(), 117);
    let [effect @ Effect::EraseSuivi { .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(carnet::runtime::persist(&store, effect), None);
    drop(store);
    assert!(carnet::storage::rebuild_due(&dir));
    // The backups no longer hold it; the store's files still do until the rebuild.
    assert!(files_holding(&dir.join("sauvegardes"), &needle).is_empty());
    assert!(!files_holding(&dir.join("store"), &needle).is_empty());
    Store::rebuild(&dir, |_| {}).unwrap();
    assert!(!carnet::storage::rebuild_due(&dir));
    assert_eq!(
        files_holding(&dir, &needle),
        Vec::<std::path::PathBuf>::new()
    );
    let log = std::fs::read_to_string(dir.join("journal-confidentialite.log")).unwrap();
    assert_eq!(
        log,
        "2026-11-27T10:30:00 effacement suivis=1 interactions=3 sauvegardes=1\n"
    );
}

#[test]
fn records_past_the_retention_period_are_offered_at_opening() {
    use carnet::app::{Effect, Modal};
    use carnet::config::keymap::Key;
    let mut data = common::sample(60);
    let old = chrono::NaiveDate::from_ymd_opt(2023, 5, 4).unwrap();
    data.interactions[0].date = old;
    data.interactions[0].demande = "ancienne demande".into();
    data.sort();
    let mut a = app(data.clone());
    let Some(Modal::Confirm { message, .. }) = a.modals().last() else {
        panic!("offered: {:?}", a.modals())
    };
    assert!(message.contains("24 mois"), "{message}");
    // Esc: later; the data stays as it is.
    common::press(&mut a, Key::plain(carnet::config::keymap::KeyCode::Esc));
    assert!(a.modals().is_empty());
    assert_eq!(a.data(), &data);
    let mut a = app(data);
    let effects = common::press(&mut a, Key::char('o'));
    assert!(
        matches!(effects.as_slice(), [Effect::Anonymise { .. }]),
        "{effects:?}"
    );
    let it = a
        .data()
        .interactions
        .iter()
        .find(|i| i.date == old)
        .unwrap();
    assert_eq!(it.demande, "");
    assert!(a.status().unwrap().text.starts_with("Anonymisé"));
}

#[test]
fn a_note_names_its_suivi_by_code_and_a_new_code_creates_it() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    let d = dir.to_str().unwrap();
    let note = |code: &str, text: &str| {
        carnet(
            home.path(),
            &["--data-dir", d, "note", "--suivi", code, text],
        )
    };
    let first = note("P-2026-031", "Dossier de logement à compléter");
    assert!(first.status.success(), "{}", text(&first.stderr));
    let again = note(" p-2026-031 ", "Pièces apportées");
    assert!(again.status.success(), "{}", text(&again.stderr));
    let refused = note("Karim", "Rendez-vous");
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("P-2026-017"),
        "{}",
        text(&refused.stderr)
    );
    let (data, _) = Store::open(&dir).unwrap().load().unwrap();
    assert_eq!(data.suivis.len(), 1);
    assert_eq!(data.suivis[0].code, "P-2026-031");
    assert_eq!(data.interactions.len(), 2);
    assert!(
        data.interactions
            .iter()
            .all(|i| i.personnes == Personnes::Suivi(data.suivis[0].meta.id))
    );
}
