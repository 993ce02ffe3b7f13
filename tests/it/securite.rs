//! Événements de sécurité (CCP2.C10): logged from the Réseau tab without identity, with the
//! legal frame and its card, evidence suggested, exported and checked on import.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common::{self, ctrl, press, typed};
use carnet::app::{App, Modal, Msg, ReseauMode, Tab};
use carnet::config::keymap::{Key, KeyCode};
use carnet::domain::{Dataset, EvenementSecurite, Lang, RecordKind, Strength};

fn app(data: Dataset, lang: Lang) -> App {
    let mut a = App::new(common::config(lang), data, common::now());
    a.update(Msg::Resize(100, 30));
    press(&mut a, Key::char('2'));
    assert_eq!(a.tab(), Tab::Reseau);
    press(&mut a, Key::char('w'));
    typed(
        &mut a,
        match lang {
            Lang::Fr => "securite",
            Lang::En => "safety",
        },
    );
    press(&mut a, Key::plain(KeyCode::Enter));
    assert_eq!(
        a.reseau_mode(),
        ReseauMode::Records(RecordKind::EvenementSecurite)
    );
    a
}

fn enter(a: &mut App) {
    press(a, Key::plain(KeyCode::Enter));
}

/// Tabs to a field of the open form.
fn focus(a: &mut App, id: &str) {
    for _ in 0..20 {
        if matches!(a.modals().last(), Some(Modal::Form(f)) if f.focused().id == id) {
            return;
        }
        press(a, Key::plain(KeyCode::Tab));
    }
    panic!("no field {id}");
}

fn newest(a: &App) -> EvenementSecurite {
    a.data()
        .evenements_securite
        .iter()
        .max_by_key(|e| e.meta.id)
        .unwrap()
        .clone()
}

/// A new event: type, place, one action; `retour` is written when given.
fn log_event(a: &mut App, lieu: &str, retour: Option<&str>) {
    press(a, Key::char('n'));
    typed(a, "viol");
    enter(a);
    typed(a, lieu);
    focus(a, "actions_securite");
    typed(a, "mise en");
    press(a, Key::plain(KeyCode::Tab));
    enter(a);
    if let Some(text) = retour {
        focus(a, "retour_experience");
        typed(a, text);
    }
    press(a, ctrl('s'));
}

#[test]
fn an_event_is_logged_with_its_actions_and_evidence_of_ccp2_c10() {
    let mut a = app(common::sample(40), Lang::Fr);
    let before = a.data().evenements_securite.len();
    log_event(&mut a, "Parvis de la gare", None);
    assert!(a.modals().is_empty(), "saved: {:?}", a.modals().last());
    assert_eq!(a.data().evenements_securite.len(), before + 1);
    let e = newest(&a);
    assert_eq!(e.type_evenement, "violence_physique");
    assert_eq!(e.lieu, "Parvis de la gare");
    assert_eq!(e.actions, ["mise_en_securite"]);
    assert_eq!(e.date, common::today());
    let evidence: Vec<_> = e
        .meta
        .evidence
        .iter()
        .map(|l| (l.competence.as_str(), l.strength))
        .collect();
    assert_eq!(evidence, [("tms-2004/CCP2.C10", Strength::Principale)]);
    // Newest first, selected, and its detail names the action.
    let (kind, i) = a.selected_record().unwrap();
    assert_eq!(kind, RecordKind::EvenementSecurite);
    assert_eq!(a.data().evenements_securite[i].meta.id, e.meta.id);
}

#[test]
fn a_retour_d_experience_also_shows_reflective_practice() {
    let mut a = app(common::sample(40), Lang::Fr);
    log_event(
        &mut a,
        "Arrêt de bus",
        Some("Ne plus intervenir seul après 19 h."),
    );
    let e = newest(&a);
    assert_eq!(e.retour_experience, "Ne plus intervenir seul après 19 h.");
    let competences: Vec<_> = e
        .meta
        .evidence
        .iter()
        .map(|l| l.competence.as_str())
        .collect();
    assert_eq!(competences, ["tms-2004/CCP2.C10", "tms-2004/CCP2.C9"]);
    assert_eq!(e.meta.evidence[1].strength, Strength::Secondaire);
}

#[test]
fn type_place_and_an_action_are_required() {
    let mut a = app(common::sample(20), Lang::Fr);
    let before = a.data().evenements_securite.len();
    press(&mut a, Key::char('n'));
    press(&mut a, ctrl('s'));
    let Some(Modal::Form(form)) = a.modals().last() else {
        panic!("the form stays open");
    };
    for id in ["type_evenement", "lieu", "actions_securite"] {
        assert_eq!(form.field(id).unwrap().error, Some("err-required"), "{id}");
    }
    assert_eq!(a.data().evenements_securite.len(), before);
}

#[test]
fn the_free_text_guard_reads_the_place_and_the_account() {
    let mut a = app(common::sample(20), Lang::Fr);
    log_event(&mut a, "Chez Mme Dupont, escalier B", None);
    assert!(
        matches!(a.modals().last(), Some(Modal::Guard { warnings }) if !warnings.is_empty()),
        "warned before saving: {:?}",
        a.modals().last()
    );
}

#[test]
fn f2_opens_the_legal_frame_card_from_the_form_and_esc_goes_back() {
    let mut a = app(common::sample(20), Lang::En);
    press(&mut a, Key::char('n'));
    press(&mut a, Key::plain(KeyCode::F(2)));
    assert!(matches!(a.modals().last(), Some(Modal::CadreLegal { .. })));
    press(&mut a, Key::plain(KeyCode::Esc));
    assert!(matches!(a.modals().last(), Some(Modal::Form(_))));
}

#[test]
fn the_card_gives_every_emergency_number_in_both_languages() {
    for lang in [Lang::Fr, Lang::En] {
        let card = &common::config(lang).cadre_legal;
        let numbers: Vec<&str> = card.numeros.iter().map(|n| n.numero.as_str()).collect();
        assert_eq!(
            numbers,
            ["15", "17", "18", "112", "115", "119", "3919", "114"]
        );
        for n in &card.numeros {
            assert!(!n.label(lang).trim().is_empty(), "{}", n.numero);
        }
        assert!(card.devoirs.iter().all(|d| !d.get(lang).trim().is_empty()));
        assert!(card.devoirs.len() >= 4);
    }
}

#[test]
fn the_demo_holds_coherent_events_linked_to_ccp2_c10() {
    let data = common::sample(400);
    let config = common::config(Lang::Fr);
    assert!(data.evenements_securite.len() >= 3);
    for e in &data.evenements_securite {
        assert!(
            e.meta
                .evidence
                .iter()
                .any(|l| l.competence == "tms-2004/CCP2.C10" && l.strength == Strength::Principale)
        );
        assert!(
            config
                .vocab
                .types_evenement_securite
                .contains(&e.type_evenement)
        );
        assert!(
            e.actions
                .iter()
                .all(|x| config.vocab.actions_securite.contains(x))
        );
        assert!(
            e.cadre_legal
                .iter()
                .all(|x| config.vocab.cadres_legaux.contains(x))
        );
        for id in &e.interactions {
            assert!(data.find::<carnet::domain::Interaction>(*id).is_some());
        }
    }
    // Every vocabulary id is one the config knows.
    let unknown = carnet::app::unknown_ids(&data, &config);
    assert!(
        unknown
            .iter()
            .all(|(list, _, _)| !list.contains("securite") && *list != "cadres_legaux")
    );
}

#[test]
fn the_json_export_carries_them_and_the_import_checks_them() {
    let data = common::sample(40);
    let json = carnet::export::json::to_json(&data);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let events = value["records"]["evenements_securite"].as_array().unwrap();
    assert_eq!(events.len(), data.evenements_securite.len());
    let mut back = carnet::export::json::from_json(&json).unwrap();
    assert!(carnet::export::json::check(&mut back).is_empty());
    assert_eq!(back, data);
    // An event without a type is named on import, as the form would.
    back.evenements_securite[0].type_evenement = "".into();
    let problems = carnet::export::json::check(&mut back);
    assert!(
        problems.iter().any(|p| p.field == "type_evenement"
            && p.issue == carnet::export::json::Issue::Rule("err-required")),
        "{problems:?}"
    );
}

#[test]
fn a_form_kept_by_a_signal_comes_back_with_what_was_typed() {
    let mut a = app(common::sample(20), Lang::Fr);
    press(&mut a, Key::char('n'));
    typed(&mut a, "viol");
    enter(&mut a);
    typed(&mut a, "Parvis de la gare");
    let draft = a.draft().expect("a changed form is kept");
    let json = draft.to_json();
    assert!(
        String::from_utf8_lossy(&json).contains("\"evenement_securite\""),
        "the draft names its kind"
    );
    let back = carnet::app::draft::Draft::from_json(&json).unwrap();
    let form = back.into_form(&a.ctx()).unwrap();
    assert_eq!(form.value("lieu").unwrap().text(), "Parvis de la gare");
    assert_eq!(
        form.value("type_evenement")
            .unwrap()
            .choice()
            .map(|c| c.as_str()),
        Some("violence_physique")
    );
    assert_eq!(form.title, "form-new-securite");
}
