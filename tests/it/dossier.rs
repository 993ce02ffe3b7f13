//! Drafting a Dossier Professionnel example from selected records: the rubriques a trainee
//! would otherwise write from scratch, with nothing that identifies a person helped.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common;

use carnet::domain::recit::draft;
use carnet::domain::situation::{Situation, SituationKind};
use carnet::domain::*;
use chrono::NaiveDate;

#[test]
fn a_suivi_is_told_in_order_without_its_code_or_notes() {
    let mut data = common::sample(300);
    let config = common::config(Lang::En);
    // The suivi seen most often, with secrets planted in every one of its interactions.
    let suivi = data
        .suivis
        .iter()
        .max_by_key(|s| {
            data.interactions
                .iter()
                .filter(|i| matches!(i.personnes, Personnes::Suivi(id) if id == s.meta.id))
                .count()
        })
        .unwrap()
        .meta
        .id;
    let code = data.suivi(suivi).unwrap().code.to_string();
    let mut dates = Vec::new();
    for i in &mut data.interactions {
        if matches!(i.personnes, Personnes::Suivi(id) if id == suivi) {
            i.note_privee = "SECRET-PRIVE".into();
            i.note_pro = format!("NOTE-PRO {code}").into();
            dates.push(i.date);
        }
    }
    assert!(dates.len() >= 3, "{}", dates.len());
    let s = Situation {
        kind: SituationKind::Suivi,
        id: suivi,
    };
    let d = draft(s, &data, &config.vocab, data.profil(), common::today()).unwrap();
    // In French whatever the interface language, in the first person, opening on the
    // situation as a whole.
    assert!(
        d.taches.starts_with(&format!(
            "J'ai accompagné une personne au fil de {} rencontres",
            dates.len()
        )),
        "{}",
        d.taches
    );
    // Told in order: the dates the paragraphs open on never go back.
    let told: Vec<NaiveDate> = d
        .taches
        .lines()
        .filter_map(|l| l.strip_prefix("Le "))
        .filter_map(|l| NaiveDate::parse_from_str(l.get(..10)?, "%d/%m/%Y").ok())
        .collect();
    assert!(
        told.len() >= 3 && told.windows(2).all(|w| w[0] <= w[1]),
        "{told:?}"
    );
    // A story, not a list of record summaries.
    assert!(
        d.taches.lines().all(|l| !l.starts_with("- ")),
        "{}",
        d.taches
    );
    let all = format!(
        "{} {} {} {} {}",
        d.titre, d.taches, d.moyens, d.avec_qui, d.infos
    );
    for secret in ["SECRET-PRIVE", "NOTE-PRO", code.as_str()] {
        assert!(!all.contains(secret), "{secret} leaked into {all}");
    }
    // Contexte: the profil's employer and service, the interactions' period.
    let profil = data.profil().unwrap();
    assert_eq!(
        d.entreprise,
        data.structure(profil.employeur.unwrap())
            .unwrap()
            .nom
            .as_str()
    );
    assert_eq!(d.service, profil.service.as_str());
    assert_eq!(d.du, dates.iter().min().copied());
    assert_eq!(d.au, dates.iter().max().copied());
}

#[test]
fn a_situation_whose_record_is_gone_drafts_nothing() {
    let data = common::sample(50);
    let config = common::config(Lang::Fr);
    for kind in SituationKind::ALL {
        let s = Situation { kind, id: Id(1) };
        assert_eq!(
            draft(s, &data, &config.vocab, data.profil(), common::today()),
            None
        );
    }
}

#[test]
fn a_trainee_builds_an_example_end_to_end_from_the_competences_tab() {
    use carnet::app::{App, Msg, dossier::Row};
    use carnet::config::keymap::{Key, KeyCode, Mods};
    let mut data = common::sample(300);
    data.exemples.clear();
    let mut a = App::new(common::config(Lang::Fr), data, common::now());
    a.update(Msg::Resize(80, 24));
    let press = |a: &mut App, key: Key| a.update(Msg::Key(key));
    press(&mut a, Key::char('4'));
    a.show_comp_view(carnet::app::CompView::Dossier);
    // The first row is CCP1, which has no example yet.
    assert_eq!(a.selected_dossier_row(), Some(Row::Ccp(0)));
    press(&mut a, Key::char('n'));
    // The situations of CCP1, the strongest first and marked; Enter drafts from it.
    let Some(carnet::app::Modal::Picker(p)) = a.modals().last() else {
        panic!("a picker of situations: {:?}", a.modals().last());
    };
    let first = p.items[0].clone();
    assert!(first.label.starts_with("★ "), "{}", first.label);
    assert!(
        first.label.contains("C"),
        "the competences it covers: {}",
        first.label
    );
    press(&mut a, Key::plain(KeyCode::Enter));
    let Some(carnet::app::Modal::Form(form)) = a.modals().last() else {
        panic!("the draft opens in a form: {:?}", a.modals().last());
    };
    let taches = form.value("taches").unwrap().text().to_string();
    assert!(!taches.is_empty(), "the tâches are prefilled");
    assert_eq!(
        form.value("entreprise").unwrap().text(),
        "Centre social des Tilleuls"
    );
    let save = Key::new(
        KeyCode::Char('s'),
        Mods {
            ctrl: true,
            ..Default::default()
        },
    );
    press(&mut a, save);
    if let Some(carnet::app::Modal::Guard { .. }) = a.modals().last() {
        press(&mut a, Key::plain(KeyCode::Enter));
    }
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    assert_eq!(a.data().exemples.len(), 1);
    let x = &a.data().exemples[0];
    assert_eq!(x.ccp, "tms-2004/CCP1");
    assert_eq!(x.rang, 1);
    assert_eq!(x.sources.len(), 1, "the situation told is its source");
    assert_eq!(
        Situation::parse(&format!("{}", first.id)).map(|s| s.kind.record_kind().name()),
        Some(x.sources[0].kind.as_str())
    );
    assert_eq!(x.taches.as_str(), taches.trim_end());
    // The view now lists it under CCP1.
    assert_eq!(
        carnet::app::dossier::rows(a.data(), a.config())[1],
        Row::Exemple(0)
    );
}

#[test]
fn sharing_warnings_of_an_example_are_accepted_one_at_a_time() {
    use carnet::app::{App, Msg};
    use carnet::config::keymap::Key;
    let mut data = common::sample(300);
    let code = data.suivis[0].code.clone();
    data.exemples.truncate(1);
    data.exemples[0].infos = format!("Suivi {code}, reçu avec Mme Durand.").into();
    let mut a = App::new(common::config(Lang::Fr), data, common::now());
    a.update(Msg::Resize(80, 24));
    let press = |a: &mut App, key: Key| a.update(Msg::Key(key));
    press(&mut a, Key::char('4'));
    a.show_comp_view(carnet::app::CompView::Dossier);
    press(&mut a, Key::char('j')); // the example under its CCP
    let pending = |a: &App| {
        a.sharing_warnings(&a.data().exemples[0])
            .iter()
            .filter(|(_, accepted)| !accepted)
            .count()
    };
    assert_eq!(
        pending(&a),
        2,
        "{:?}",
        a.sharing_warnings(&a.data().exemples[0])
    );
    press(&mut a, Key::char('a'));
    press(&mut a, Key::plain(carnet::config::keymap::KeyCode::Enter));
    assert_eq!(pending(&a), 1);
    assert_eq!(a.data().exemples[0].accepted.len(), 1);
    press(&mut a, Key::char('u'));
    assert_eq!(pending(&a), 2, "u takes the acceptance back");
}

#[test]
fn the_dossier_is_exported_from_the_tab_once_every_warning_is_reviewed() {
    use carnet::app::{App, Effect, Modal, Msg};
    use carnet::config::keymap::{Key, KeyCode, Mods};
    let mut data = common::sample(300);
    data.exemples.truncate(1);
    data.exemples[0].infos = "Reçu avec Mme Durand.".into();
    let mut a = App::new(common::config(Lang::Fr), data, common::now());
    a.update(Msg::Resize(80, 24));
    let press = |a: &mut App, key: Key| a.update(Msg::Key(key));
    let ctrl = |c: char| {
        Key::new(
            KeyCode::Char(c),
            Mods {
                ctrl: true,
                ..Default::default()
            },
        )
    };
    let typed = |a: &mut App, text: &str| {
        for c in text.chars() {
            a.update(Msg::Key(Key::char(c)));
        }
    };
    press(&mut a, Key::char('4'));
    a.show_comp_view(carnet::app::CompView::Dossier);

    // A likely name is still unreviewed: the export is blocked and says why.
    assert!(press(&mut a, Key::char('X')).is_empty());
    assert!(a.modals().is_empty());
    let status = a.status().unwrap();
    assert!(
        status.error && status.text.contains("Export bloqué"),
        "{status:?}"
    );

    // Accepted on its example, the export opens its form.
    press(&mut a, Key::char('j'));
    press(&mut a, Key::char('a'));
    press(&mut a, Key::plain(KeyCode::Enter));
    press(&mut a, Key::char('X'));
    assert!(matches!(a.modals().last(), Some(Modal::Form(_))));
    typed(&mut a, "Martin");
    for _ in 0..5 {
        press(&mut a, Key::plain(KeyCode::Tab));
    }
    press(&mut a, ctrl('e'));
    press(&mut a, ctrl('u'));
    assert!(
        press(&mut a, ctrl('s')).is_empty(),
        "no file, nothing written"
    );
    let Some(Modal::Form(form)) = a.modals().last() else {
        panic!("the form stays open");
    };
    assert_eq!(form.focused().error, Some("err-required"));
    typed(&mut a, "/tmp/dp.pdf");
    assert!(
        press(&mut a, ctrl('s')).is_empty(),
        "an unknown extension writes nothing"
    );
    let Some(Modal::Form(form)) = a.modals().last() else {
        panic!("the form stays open with its message");
    };
    assert_eq!(form.focused().id, "fichier");
    press(&mut a, ctrl('u'));
    typed(&mut a, "/tmp/dossier.md");
    let effects = press(&mut a, ctrl('s'));
    let [Effect::WriteFile { path, bytes }] = effects.as_slice() else {
        panic!("one file to write: {effects:?}");
    };
    assert_eq!(path, &std::path::PathBuf::from("/tmp/dossier.md"));
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("**Nom de naissance ►** Martin"), "{text}");
    assert!(text.contains("Reçu avec Mme Durand."));
    assert!(a.modals().is_empty(), "the identity goes with the form");

    a.update(Msg::FileWritten(Ok(path.clone())));
    let status = a.status().unwrap();
    assert!(
        status.text.contains("écrit : /tmp/dossier.md"),
        "{status:?}"
    );
    assert!(!status.error);
}

#[test]
fn m_moves_an_example_up_within_its_ccp_and_u_puts_it_back() {
    use carnet::app::{App, Msg, dossier::Row};
    use carnet::config::keymap::Key;
    let mut data = common::sample(300);
    // Three examples in CCP2: copies of the first, ranked 1, 2, 3.
    let base = data.exemples[0].clone();
    data.exemples = (1..=3u8)
        .map(|rang| {
            let mut x = base.clone();
            x.meta.id = carnet::domain::Id(u64::from(rang));
            x.ccp = "tms-2004/CCP2".into();
            x.rang = rang;
            x.titre = format!("Exemple {rang}").into();
            x
        })
        .collect();
    let mut a = App::new(common::config(Lang::Fr), data, common::now());
    a.update(Msg::Resize(80, 24));
    let press = |a: &mut App, key: Key| a.update(Msg::Key(key));
    press(&mut a, Key::char('4'));
    a.show_comp_view(carnet::app::CompView::Dossier);
    let titles = |a: &App| -> Vec<String> {
        carnet::app::dossier::rows(a.data(), a.config())
            .into_iter()
            .filter_map(|r| match r {
                Row::Exemple(i) => Some(a.data().exemples[i].titre.to_string()),
                Row::Ccp(_) => None,
            })
            .collect()
    };
    // Rows: CCP1, CCP2, Exemple 1, Exemple 2, Exemple 3, CCP3.
    for _ in 0..3 {
        press(&mut a, Key::char('j'));
    }
    let effects = press(&mut a, Key::char('m'));
    assert_eq!(titles(&a), ["Exemple 2", "Exemple 1", "Exemple 3"]);
    assert!(
        matches!(effects.as_slice(), [carnet::app::Effect::Commit(c)] if c.put.len() == 2),
        "the two swapped examples are saved in one change: {effects:?}"
    );
    let selected = a.selected_dossier_row();
    assert!(
        matches!(selected, Some(Row::Exemple(i)) if a.data().exemples[i].titre == "Exemple 2"),
        "the cursor follows the moved example"
    );
    press(&mut a, Key::char('m'));
    assert_eq!(
        titles(&a),
        ["Exemple 1", "Exemple 3", "Exemple 2"],
        "the first goes last"
    );
    press(&mut a, Key::char('u'));
    assert_eq!(titles(&a), ["Exemple 2", "Exemple 1", "Exemple 3"]);
}

#[test]
fn a_handed_in_bilan_drafts_a_ccp2_example_with_its_figures_counted_now() {
    let data = common::sample(300);
    let config = common::config(Lang::Fr);
    // The demo's bilan evidences CCP2.C8: it is offered as a situation for CCP2.
    let label = |k: SituationKind| k.name().to_string();
    let items = carnet::app::dossier::situation_items(
        &common::ctx(&data, &config),
        &label,
        "tms-2004/CCP2",
    );
    let b = &data.bilans[0];
    let id = format!("bilan:{}", b.meta.id);
    let item = items.iter().find(|i| i.id == id.as_str()).unwrap();
    assert!(item.label.contains("C8"), "{}", item.label);
    let x = carnet::app::dossier::drafted(
        &data,
        &config,
        "tms-2004/CCP2",
        &id,
        Timestamp(0),
        common::today(),
    )
    .unwrap();
    let counted = carnet::domain::bilan::totals(&data, &config.vocab, b.periode(), b.au);
    assert_eq!(x.titre, b.titre);
    assert!(
        x.taches.contains(&format!(
            "{} interactions auprès de {} personnes",
            counted.interactions, counted.personnes
        )),
        "{}",
        x.taches
    );
    assert!(
        x.taches
            .contains("faits marquants de la période : ouverture"),
        "{}",
        x.taches
    );
    assert!(
        x.avec_qui.contains("Comité de pilotage France Services"),
        "{}",
        x.avec_qui
    );
    assert_eq!(x.sources.len(), 1);
}

/// The demo's own Dossier passes its own gate: nothing in its drafts seems to identify a
/// person (network contacts listed one after the other included).
#[test]
fn the_demo_dossier_passes_its_own_gate() {
    let data = default_demo();
    let config = common::config(Lang::Fr);
    let pending = carnet::app::dossier::unaccepted_warnings(&data, &config);
    let found: Vec<String> = pending
        .iter()
        .map(|(x, w)| format!("{} · {}: {}", x.titre, w.field, w.matched))
        .collect();
    assert!(found.is_empty(), "{found:?}");
}

/// The demo's Dossier tells one situation per CCP, of the kind a jury expects, within the
/// bar: 1 500 to 9 000 characters, first person, no list of records, no question left.
#[test]
fn the_demo_dossier_tells_one_situation_of_the_right_kind_per_ccp() {
    let data = default_demo();
    let config = common::config(Lang::Fr);
    let kinds: Vec<(String, String)> = data
        .exemples
        .iter()
        .map(|x| (x.ccp.to_string(), x.sources[0].kind.to_string()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("tms-2004/CCP1".to_string(), "structures".to_string()),
            ("tms-2004/CCP2".to_string(), "cas_mediation".to_string()),
            ("tms-2004/CCP3".to_string(), "projets".to_string()),
        ]
    );
    for x in &data.exemples {
        let n = carnet::app::dossier::chars(x);
        assert!((1_500..=9_000).contains(&n), "{}: {n} characters", x.titre);
        assert!(
            x.taches.contains("j'ai") || x.taches.contains("J'ai"),
            "{}",
            x.taches
        );
        for text in [&x.taches, &x.moyens, &x.avec_qui, &x.infos] {
            assert!(text.lines().all(|l| !l.starts_with("- ")), "{text}");
        }
    }
    assert!(
        carnet::app::dossier::unanswered_questions(&data, &config).is_empty(),
        "the demo trainee answered every question"
    );
}

/// Written from the interface without the ministry's « Présentation du dossier » page, the
/// dossier says so once the file is written, as the command line does.
#[test]
fn the_in_app_export_says_when_the_presentation_page_is_left_out() {
    use carnet::app::{App, Effect, Msg};
    use carnet::config::keymap::{Key, KeyCode};
    let data = default_demo();
    let mut a = App::new(common::config(Lang::Fr), data, common::now());
    a.update(Msg::Resize(100, 30));
    common::press(&mut a, Key::char('4'));
    common::press(&mut a, Key::char('w'));
    common::typed(&mut a, "dossier");
    common::press(&mut a, Key::plain(KeyCode::Enter));
    common::press(&mut a, Key::char('X'));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dp.md");
    common::fill(&mut a, "fichier", path.to_str().unwrap());
    let effects = common::press(&mut a, common::ctrl('s'));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::WriteFile { path: p, .. } if *p == path)),
        "{effects:?}"
    );
    a.update(Msg::FileWritten(Ok(path)));
    let status = a.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(status.contains("Présentation du dossier"), "{status}");
}

/// The demo as `carnet demo` makes it (default seed and size), on the fixed clock.
fn default_demo() -> Dataset {
    carnet::demo::generate(
        carnet::demo::DemoSpec {
            seed: carnet::demo::DEFAULT_SEED,
            interactions: carnet::demo::DEFAULT_INTERACTIONS,
            now: common::now(),
        },
        &common::config(Lang::Fr).vocab,
    )
}
