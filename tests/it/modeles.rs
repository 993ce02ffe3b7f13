//! Modèles d'interaction: made from an interaction of the journal, chosen with one key in
//! the interaction form, and by name on the command line.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common::{self, ctrl, press, typed};
use carnet::app::{App, Modal, Msg};
use carnet::config::keymap::{Key, KeyCode};
use carnet::domain::{Dataset, Interaction, Lang};
use ratatui::{Terminal, backend::TestBackend};

fn app(data: Dataset, lang: Lang) -> App {
    let mut a = App::new(common::config(lang), data, common::now());
    a.update(Msg::Resize(80, 24));
    a
}

fn screen(a: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(a.size().0, a.size().1)).unwrap();
    terminal
        .draw(|f| carnet::ui::render(f, a, &carnet::ui::Theme::mono()))
        .unwrap();
    terminal.backend().to_string()
}

fn enter(a: &mut App) {
    press(a, Key::plain(KeyCode::Enter));
}

fn newest(a: &App) -> Interaction {
    a.data()
        .interactions
        .iter()
        .max_by_key(|i| i.meta.id)
        .unwrap()
        .clone()
}

fn form_error(a: &App, id: &str) -> Option<&'static str> {
    match a.modals().last() {
        Some(Modal::Form(f)) => f.field(id).and_then(|f| f.error),
        _ => None,
    }
}

#[test]
fn a_modele_made_from_an_interaction_fills_a_new_one_with_one_key() {
    let mut a = app(common::sample(60), Lang::Fr);
    let source = a.data().interactions[a.selected_interaction().unwrap()].clone();
    // M on the selected interaction: a new modèle with what it shares with its kind.
    press(&mut a, Key::char('M'));
    assert!(screen(&a).contains("Nouveau modèle d'interaction"));
    typed(&mut a, "Permanence mairie");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "saved: {:?}", a.modals().last());
    let modele = a
        .data()
        .modeles
        .iter()
        .find(|m| m.nom == "Permanence mairie")
        .expect("the modèle is saved")
        .clone();
    assert_eq!(modele.types, *source.types);
    assert_eq!(modele.canal.as_deref(), Some(source.canal.as_str()));
    assert_eq!(modele.lieu, source.lieu);
    assert_eq!(modele.duree_min, source.duree_min);
    assert!(
        modele.meta.evidence.is_empty(),
        "a preset is not evidence of anything"
    );

    // A second modèle of the same name, in another case and without accents, is refused.
    press(&mut a, Key::char('M'));
    typed(&mut a, "PERMANENCE MAIRIE");
    press(&mut a, ctrl('s'));
    assert_eq!(form_error(&a, "nom_modele"), Some("err-name-taken"));
    assert!(screen(&a).contains("Ce nom est déjà pris"));
    press(&mut a, Key::plain(KeyCode::Esc));
    press(&mut a, Key::char('o'));
    assert!(a.modals().is_empty());

    // In a new interaction: Ctrl-T, a few letters, Enter.
    press(&mut a, Key::char('n'));
    assert!(
        screen(&a).contains("Ctrl-T Modèle"),
        "the footer offers the modèles on the first field"
    );
    press(&mut a, ctrl('t'));
    typed(&mut a, "mairie");
    enter(&mut a);
    assert!(
        a.status()
            .is_some_and(|s| s.text.contains("Modèle « Permanence mairie » repris")),
        "{:?}",
        a.status()
    );
    assert!(screen(&a).contains("Modèle « Permanence mairie » repris : à vous la demande."));
    // The demande has the focus: typing writes it.
    typed(&mut a, "Attestation de domicile");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "saved: {:?}", a.modals().last());
    let it = newest(&a);
    assert_eq!(*it.types, modele.types);
    assert_eq!(it.canal, source.canal);
    assert_eq!(it.lieu, source.lieu);
    assert_eq!(it.duree_min, source.duree_min);
    assert_eq!(it.demande, "Attestation de domicile");
    assert_eq!(it.date, common::today(), "the date stays the form's own");
    assert!(
        !it.meta.evidence.is_empty(),
        "the competences follow the modèle's types"
    );
}

#[test]
fn with_no_modele_yet_the_picker_says_how_to_make_one() {
    let mut data = common::sample(30);
    data.modeles.clear();
    let mut a = app(data, Lang::En);
    press(&mut a, Key::char('n'));
    press(&mut a, ctrl('t'));
    let shown = screen(&a);
    assert!(
        shown.contains("No template yet") && shown.contains("M on an interaction"),
        "{shown}"
    );
    press(&mut a, Key::plain(KeyCode::Esc));

    // Outside an interaction's form, it says what a modèle is for.
    press(&mut a, Key::plain(KeyCode::Esc));
    a.update(Msg::Resize(100, 30));
    press(&mut a, Key::char('2'));
    press(&mut a, Key::char('n'));
    press(&mut a, ctrl('t'));
    assert!(
        a.status()
            .is_some_and(|s| s.text.contains("A template fills an interaction's form")),
        "{:?}",
        a.status()
    );
}

#[test]
fn the_demo_modeles_are_listed_in_the_reseau_tab() {
    let mut a = app(common::sample(30), Lang::Fr);
    a.update(Msg::Resize(100, 30));
    press(&mut a, Key::char('2'));
    press(&mut a, Key::char('w'));
    typed(&mut a, "modèles");
    enter(&mut a);
    let shown = screen(&a);
    for name in ["Permanence CAF", "Appel bailleur", "Aide numérique"] {
        assert!(shown.contains(name), "{name} in\n{shown}");
    }
    assert!(shown.contains("Ctrl-T dans le formulaire d'une interaction"));
}

#[test]
fn carnet_note_takes_a_modele_by_name_and_its_options_override_it() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    let d = dir.to_str().unwrap();
    let out = crate::cli::carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "demo",
            "--generate-only",
            "--interactions",
            "30",
        ],
    );
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    let out = crate::cli::carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "note",
            "--modele",
            "appel BAILLEUR",
            "--duree",
            "20",
            "--quiet",
            "Relance pour une fuite d'eau",
        ],
    );
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    let id: carnet::domain::Id = crate::cli::text(&out.stdout).trim().parse().unwrap();

    let out = crate::cli::carnet(
        home.path(),
        &["--data-dir", d, "note", "--modele", "Permanence", "x"],
    );
    assert_eq!(out.status.code(), Some(2));
    let said = crate::cli::text(&out.stderr);
    assert!(
        said.contains("Aucun modèle ne s'appelle « Permanence »")
            && said.contains("Aide numérique ; Appel bailleur ; Permanence CAF"),
        "{said}"
    );

    let store = carnet::storage::Store::open(&dir).unwrap();
    let all: Vec<Interaction> = store.all().unwrap();
    let it = all.iter().find(|i| i.meta.id == id).unwrap();
    assert_eq!(*it.types, ["mediation_institution"], "the modèle's types");
    assert_eq!(*it.thematiques, ["logement"]);
    assert_eq!(it.canal, "telephone");
    assert_eq!(it.duree_min, 20, "--duree overrides the modèle's 15 min");
    assert_eq!(*it.reponses, ["mediation_engagee"]);
    assert_eq!(it.demande, "Relance pour une fuite d'eau");
}
