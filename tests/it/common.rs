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

/// What the kinds' views read, on the fixed day.
pub fn ctx<'a>(data: &'a Dataset, config: &'a Config) -> carnet::app::kinds::Ctx<'a> {
    carnet::app::kinds::Ctx {
        data,
        config,
        lang: config.lang,
        today: today(),
    }
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
            now: now(),
        },
        &config(Lang::Fr).vocab,
    )
}

/// A Dossier Professionnel example with plausible text in every rubrique; `taches` varies.
pub fn exemple(id: u64, ccp: &str, rang: u8, titre: &str, taches: &str) -> carnet::domain::Exemple {
    use carnet::domain::{Exemple, Id, RecordMeta, Timestamp};
    Exemple {
        meta: RecordMeta::new(Id(id), Timestamp(now().and_utc().timestamp_millis())),
        ccp: ccp.into(),
        rang,
        titre: titre.into(),
        taches: taches.into(),
        moyens: "Téléphone, ordinateur | imprimante".into(),
        avec_qui: "CAF de Val-de-Brume".into(),
        entreprise: "Centre social des Tilleuls".into(),
        service: "Accueil".into(),
        du: NaiveDate::from_ymd_opt(2026, 3, 2),
        au: NaiveDate::from_ymd_opt(2026, 6, 30),
        infos: String::new().into(),
        sources: Vec::new(),
        accepted: Vec::new(),
    }
}

/// Copies a folder of `tests/fixtures` to `to` (created), writable, since opening a store
/// writes to it.
pub fn fixture_copy(name: &str, to: &std::path::Path) {
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let status = std::process::Command::new("cp")
        .arg("-R")
        .arg(&from)
        .arg(to)
        .status()
        .unwrap();
    assert!(status.success(), "fixture {} missing", from.display());
    let status = std::process::Command::new("chmod")
        .args(["-R", "u+w"])
        .arg(to)
        .status()
        .unwrap();
    assert!(status.success());
}

/// Sends one key to the app, as the terminal would; what it asks the runtime to do, the
/// journal's searches answered first as the runtime would answer them.
pub fn press(
    a: &mut carnet::app::App,
    key: carnet::config::keymap::Key,
) -> Vec<carnet::app::Effect> {
    let effects = a.update(carnet::app::Msg::Key(key));
    answered(a, effects)
}

/// The effects left once the searches among them are run and their answers given back.
pub fn answered(
    a: &mut carnet::app::App,
    effects: Vec<carnet::app::Effect>,
) -> Vec<carnet::app::Effect> {
    let mut left = Vec::new();
    for effect in effects {
        match effect {
            carnet::app::Effect::Search(job) => {
                let more = a.update(job.run(&mut Default::default()));
                left.extend(answered(a, more));
            }
            other => left.push(other),
        }
    }
    left
}

/// Types text key by key; a newline is Enter.
pub fn typed(a: &mut carnet::app::App, text: &str) {
    use carnet::config::keymap::{Key, KeyCode};
    for c in text.chars() {
        if c == '\n' {
            press(a, Key::plain(KeyCode::Enter));
        } else {
            press(a, Key::char(c));
        }
    }
}

/// Ctrl and a letter.
pub fn ctrl(c: char) -> carnet::config::keymap::Key {
    use carnet::config::keymap::{Key, KeyCode, Mods};
    Key::new(
        KeyCode::Char(c),
        Mods {
            ctrl: true,
            ..Mods::default()
        },
    )
}

/// Presses Tab `n` times.
pub fn tab(a: &mut carnet::app::App, n: usize) {
    for _ in 0..n {
        press(
            a,
            carnet::config::keymap::Key::plain(carnet::config::keymap::KeyCode::Tab),
        );
    }
}

/// The demo's dataset of `interactions` as it was when the snapshots were taken, kept in
/// `tests/fixtures/demo/` (gzipped JSON): screens and exports under snapshot do not shift
/// when the demo's texts change. `CARNET_WRITE_FIXTURES=1` writes a missing one from today's
/// demo.
pub fn frozen(interactions: usize) -> Dataset {
    frozen_as(&format!("demo-{interactions}"), interactions)
}

/// The same, frozen under another name: the demo once it had projets and cases
/// (`demo-projets-300`), for the screens that show them.
pub fn frozen_as(name: &str, interactions: usize) -> Dataset {
    use std::io::{Read, Write};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/demo")
        .join(format!("{name}.json.gz"));
    if !path.exists() && std::env::var_os("CARNET_WRITE_FIXTURES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let json = carnet::export::json::to_json(&sample(interactions));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(json.as_bytes()).unwrap();
        std::fs::write(&path, gz.finish().unwrap()).unwrap();
    }
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{} ({e}): `CARNET_WRITE_FIXTURES=1 cargo test` writes it",
            path.display()
        )
    });
    let mut json = String::new();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .read_to_string(&mut json)
        .unwrap();
    carnet::export::json::from_json(&json).unwrap()
}

/// Tabs to a field of the open form (panics when the form has no such field).
pub fn focus(a: &mut carnet::app::App, id: &str) {
    use carnet::app::Modal;
    for _ in 0..40 {
        match a.modals().last() {
            Some(Modal::Form(f)) if f.focused().id == id => return,
            Some(Modal::Form(_)) => tab(a, 1),
            other => panic!("no form open to focus {id}: {other:?}"),
        }
    }
    panic!("no field {id} in the form");
}

/// Types `text` into a field of the open form, replacing what it held.
pub fn fill(a: &mut carnet::app::App, id: &str, text: &str) {
    focus(a, id);
    press(a, ctrl('u'));
    typed(a, text);
}

/// Moves the Documentation list's selection down to the fiche with this id.
pub fn walk_to_fiche(a: &mut carnet::app::App, id: carnet::domain::Id) {
    let row = a
        .docs_rows()
        .iter()
        .position(|&i| a.data().fiches[i].meta.id == id)
        .expect("the fiche is listed");
    for _ in 0..row {
        press(a, carnet::config::keymap::Key::char('j'));
    }
}
