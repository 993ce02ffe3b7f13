//! The Journal as a mediator uses it: log, edit, find, undo — through `update()` with a
//! fixed clock, and once through the real loop on a temporary store.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common::{self, ctrl, press};

use carnet::action::Context;
use carnet::app::form::Value;
use carnet::app::journal::Mode;
use carnet::app::{App, Effect, Modal, Msg};
use carnet::config::keymap::{Key, KeyCode};
use carnet::domain::{Dataset, Id, Interaction, Lang, Personnes};

fn app(data: Dataset) -> App {
    let mut app = App::new(common::config(Lang::Fr), data, common::now());
    app.update(Msg::Resize(100, 30));
    app.update(Msg::Clock {
        local: common::now(),
        utc_ms: common::now().and_utc().timestamp_millis(),
    });
    app
}

fn special(code: KeyCode) -> Key {
    Key::plain(code)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, Key::char(c));
    }
}

fn form(app: &App) -> &carnet::app::form::Form {
    match app.modals().iter().rev().find_map(|m| match m {
        Modal::Form(f) => Some(f),
        _ => None,
    }) {
        Some(f) => f,
        None => panic!(
            "no form open: {:?}",
            app.modals().last().map(std::mem::discriminant)
        ),
    }
}

fn focus_field(app: &mut App, id: &str) {
    for _ in 0..40 {
        if form(app).focused().id == id {
            return;
        }
        press(app, special(KeyCode::Tab));
    }
    panic!("field {id} not reached");
}

fn newest(app: &App) -> &Interaction {
    app.data()
        .interactions
        .iter()
        .max_by_key(|i| i.meta.id)
        .unwrap()
}

/// The common case: a type, a thématique, a few words, save.
fn log_common_case(app: &mut App, demande: &str) -> (usize, Vec<Effect>) {
    let mut keys = 0;
    let mut effects = Vec::new();
    let mut hit = |app: &mut App, key: Key| {
        keys += 1;
        effects.extend(press(app, key));
    };
    hit(app, Key::char('n'));
    for c in "acc".chars() {
        hit(app, Key::char(c));
    }
    hit(app, special(KeyCode::Enter));
    for c in "log".chars() {
        hit(app, Key::char(c));
    }
    hit(app, special(KeyCode::Enter));
    type_text(app, demande);
    hit(app, ctrl('s'));
    (keys, effects)
}

#[test]
fn the_common_case_takes_about_ten_keystrokes_beyond_the_words() {
    let mut a = app(common::sample(60));
    let before = a.data().interactions.len();
    let previous_canal = a.data().interactions.last().unwrap().canal.clone();
    let (keys, effects) = log_common_case(&mut a, "Dossier de logement social");
    assert!(keys <= 10, "{keys} keystrokes");
    assert!(a.modals().is_empty(), "form closed after saving");
    assert_eq!(a.data().interactions.len(), before + 1);
    let it = newest(&a);
    assert_eq!(*it.types, ["accueil_information"]);
    assert_eq!(*it.thematiques, ["logement"]);
    assert_eq!(it.demande, "Dossier de logement social");
    assert_eq!(it.date, common::today());
    assert_eq!(it.duree_min, 30, "30 minutes by default");
    assert_eq!(it.canal, previous_canal, "the last used canal by default");
    let competences: Vec<&str> = it
        .meta
        .evidence
        .iter()
        .map(|e| e.competence.as_str())
        .collect();
    assert_eq!(
        competences,
        ["tms-2004/CCP2.C3", "tms-2004/CCP2.C5"],
        "suggested by the type"
    );
    assert!(matches!(
        effects.last(),
        Some(Effect::Commit(c)) if matches!(c.put.as_slice(), [carnet::domain::AnyRecord::Interaction(_)])
    ));
    // The saved interaction is selected, at the top of the journal.
    assert_eq!(
        a.selected_interaction()
            .map(|i| a.data().interactions[i].meta.id),
        Some(it.meta.id)
    );
}

/// The Types value of the open interaction form.
fn types(app: &App) -> Vec<String> {
    form(app)
        .value("types")
        .unwrap()
        .multi()
        .iter()
        .map(|t| t.to_string())
        .collect()
}

#[test]
fn enter_in_a_multi_choice_keeps_every_ticked_row() {
    let mut a = app(Dataset::default());
    // Tick the highlighted row with Tab, then Enter: it stays ticked.
    press(&mut a, Key::char('n'));
    type_text(&mut a, "ori");
    press(&mut a, special(KeyCode::Tab));
    press(&mut a, special(KeyCode::Enter));
    assert_eq!(types(&a), ["orientation"]);

    // Two ticked, Enter on either: both are kept.
    focus_field(&mut a, "types");
    press(&mut a, special(KeyCode::Enter));
    let Some(Modal::Picker(_)) = a.modals().last() else {
        panic!("Enter on Types opens the picker again");
    };
    press(&mut a, special(KeyCode::Down));
    press(&mut a, special(KeyCode::Tab));
    press(&mut a, special(KeyCode::Enter));
    let mut chosen = types(&a);
    chosen.sort();
    assert_eq!(chosen.len(), 2, "{chosen:?}");
    assert!(chosen.contains(&"orientation".to_string()));

    // Nothing ticked: Enter takes the highlighted row.
    let mut b = app(Dataset::default());
    press(&mut b, Key::char('n'));
    type_text(&mut b, "ori");
    press(&mut b, special(KeyCode::Enter));
    assert_eq!(types(&b), ["orientation"]);
}

#[test]
fn an_unsaved_form_is_kept_and_offered_back_with_its_values() {
    let mut a = app(common::sample(20));
    assert!(a.draft().is_none(), "nothing open, nothing to keep");
    press(&mut a, Key::char('n'));
    assert!(a.draft().is_none(), "an untouched form is not kept");
    type_text(&mut a, "acc");
    press(&mut a, special(KeyCode::Enter));
    type_text(&mut a, "log");
    press(&mut a, special(KeyCode::Enter));
    type_text(&mut a, "Relance du bailleur");
    let kept = a.draft().unwrap().to_json();

    // The next session: the draft is offered; no drops it, yes reopens it.
    let mut b = app(common::sample(20));
    let draft = carnet::app::draft::Draft::from_json(&kept).unwrap();
    b.update(Msg::DraftFound(Box::new(draft.clone())));
    assert!(matches!(b.modals().last(), Some(Modal::Confirm { .. })));
    assert_eq!(press(&mut b, Key::char('n')), vec![Effect::DiscardDraft]);
    assert!(b.modals().is_empty());
    b.update(Msg::DraftFound(Box::new(draft)));
    assert_eq!(press(&mut b, Key::char('o')), vec![Effect::DiscardDraft]);
    assert_eq!(
        form(&b).value("demande").unwrap().text(),
        "Relance du bailleur"
    );
    assert_eq!(
        form(&b).value("types").unwrap().multi(),
        ["accueil_information"]
    );
    let before = b.data().interactions.len();
    press(&mut b, ctrl('s'));
    assert_eq!(
        b.data().interactions.len(),
        before + 1,
        "and it saves as typed"
    );
}

#[test]
fn tab_and_shift_tab_walk_the_fields_in_order() {
    let mut a = app(common::sample(10));
    press(&mut a, Key::char('n'));
    let order: Vec<&str> = form(&a).fields.iter().map(|f| f.id).collect();
    // The case field after the types is passed over unless a mediation is chosen.
    assert_eq!(
        &order[..5],
        ["types", "cas", "thematiques", "demande", "date"]
    );
    assert_eq!(form(&a).focused().id, "types");
    press(&mut a, special(KeyCode::Tab));
    press(&mut a, special(KeyCode::Tab));
    assert_eq!(form(&a).focused().id, "demande");
    press(&mut a, special(KeyCode::BackTab));
    assert_eq!(form(&a).focused().id, "thematiques");
    press(&mut a, special(KeyCode::BackTab));
    press(&mut a, special(KeyCode::BackTab));
    assert_eq!(
        form(&a).focused().id,
        *order.last().unwrap(),
        "wraps around"
    );
}

#[test]
fn invalid_fields_get_a_message_beside_them_and_nothing_is_saved() {
    let mut a = app(common::sample(10));
    let before = a.data().clone();
    press(&mut a, Key::char('n'));
    focus_field(&mut a, "date");
    press(&mut a, ctrl('u'));
    type_text(&mut a, "31/02");
    focus_field(&mut a, "duree");
    press(&mut a, ctrl('u'));
    type_text(&mut a, "25h");
    let effects = press(&mut a, ctrl('s'));
    assert!(effects.is_empty());
    let f = form(&a);
    assert_eq!(f.field("types").unwrap().error, Some("err-required"));
    assert_eq!(f.field("date").unwrap().error, Some("err-date-impossible"));
    assert_eq!(f.field("duree").unwrap().error, Some("err-duration-range"));
    assert_eq!(f.focused().id, "types", "focus on the first problem");
    assert_eq!(*a.data(), before);
}

#[test]
fn escape_on_a_changed_form_asks_first() {
    let mut a = app(common::sample(10));
    press(&mut a, Key::char('n'));
    press(&mut a, special(KeyCode::Esc));
    assert!(a.modals().is_empty(), "an untouched form closes at once");

    press(&mut a, Key::char('n'));
    focus_field(&mut a, "demande");
    type_text(&mut a, "brouillon");
    press(&mut a, special(KeyCode::Esc));
    assert_eq!(a.context(), Context::Confirm);
    press(&mut a, Key::char('n'));
    assert_eq!(
        form(&a).value("demande").unwrap().text(),
        "brouillon",
        "kept"
    );
    press(&mut a, special(KeyCode::Esc));
    press(&mut a, Key::char('o'));
    assert!(a.modals().is_empty());
}

#[test]
fn pasted_lines_join_in_single_line_fields_and_stay_in_notes() {
    let mut a = app(common::sample(10));
    a.update(Msg::Paste("q\nq\nn".into()));
    assert!(
        a.modals().is_empty(),
        "a paste in the list is not taken as keys"
    );
    press(&mut a, Key::char('n'));
    focus_field(&mut a, "demande");
    a.update(Msg::Paste("ligne un\nligne deux\u{1b}[31m".into()));
    assert_eq!(
        form(&a).value("demande").unwrap().text(),
        "ligne un ligne deux[31m"
    );
    focus_field(&mut a, "note_pro");
    a.update(Msg::Paste("a\nb".into()));
    assert_eq!(form(&a).value("note_pro").unwrap().text(), "a\nb");
    focus_field(&mut a, "lieu");
    press(&mut a, ctrl('u'));
    a.update(Msg::Paste("x".repeat(100_000)));
    let lieu = form(&a).value("lieu").unwrap().text().chars().count();
    assert_eq!(lieu, carnet::app::form::MAX_LINE_CHARS);
}

#[test]
fn the_guard_shows_what_looks_identifying_and_the_user_decides() {
    let mut a = app(common::sample(30));
    press(&mut a, Key::char('n'));
    type_text(&mut a, "acc");
    press(&mut a, special(KeyCode::Enter));
    press(&mut a, special(KeyCode::Tab));
    type_text(&mut a, "Appeler Mme Martin au 06 12 34 56 78");
    assert!(press(&mut a, ctrl('s')).is_empty());
    let Some(Modal::Guard { warnings }) = a.modals().last() else {
        panic!("guard expected")
    };
    assert_eq!(warnings.len(), 2);
    assert!(warnings.iter().all(|w| w.field == "demande"));
    press(&mut a, special(KeyCode::Esc));
    assert_eq!(
        form(&a).focused().id,
        "demande",
        "back on the flagged field"
    );
    press(&mut a, ctrl('s'));
    let effects = press(&mut a, special(KeyCode::Enter));
    assert!(a.modals().is_empty());
    assert!(!effects.is_empty());
    assert_eq!(newest(&a).demande, "Appeler Mme Martin au 06 12 34 56 78");
}

#[test]
fn network_names_do_not_trigger_the_guard() {
    let mut a = app(common::sample(30));
    let contact = a.data().contacts[0].nom.to_string();
    press(&mut a, Key::char('n'));
    type_text(&mut a, "acc");
    press(&mut a, special(KeyCode::Enter));
    press(&mut a, special(KeyCode::Tab));
    type_text(&mut a, &format!("Vu avec {contact}"));
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
}

#[test]
fn edit_then_undo_restores_the_previous_version() {
    let mut a = app(common::sample(30));
    let id = a.data().interactions[a.selected_interaction().unwrap()]
        .meta
        .id;
    let original = a.data().interactions[a.selected_interaction().unwrap()].clone();
    press(&mut a, Key::char('e'));
    focus_field(&mut a, "demande");
    press(&mut a, ctrl('u'));
    type_text(&mut a, "Texte corrigé");
    press(&mut a, ctrl('s'));
    let edited = a
        .data()
        .interactions
        .iter()
        .find(|i| i.meta.id == id)
        .unwrap();
    assert_eq!(edited.demande, "Texte corrigé");
    assert_eq!(edited.meta.created_at, original.meta.created_at);
    let effects = press(&mut a, Key::char('u'));
    assert_eq!(effects.len(), 1);
    let back = a
        .data()
        .interactions
        .iter()
        .find(|i| i.meta.id == id)
        .unwrap();
    assert_eq!(back, &original);
}

#[test]
fn delete_asks_then_undo_brings_it_back() {
    let mut a = app(common::sample(30));
    let before = a.data().clone();
    let id = a.data().interactions[a.selected_interaction().unwrap()]
        .meta
        .id;
    press(&mut a, Key::char('d'));
    press(&mut a, Key::char('n'));
    assert_eq!(*a.data(), before, "no: nothing deleted");
    press(&mut a, Key::char('d'));
    let effects = press(&mut a, Key::char('o'));
    assert_eq!(
        effects,
        vec![Effect::Commit(carnet::domain::Changes {
            put: Vec::new(),
            remove: vec![(carnet::domain::RecordKind::Interaction, id)],
        })]
    );
    assert!(a.data().interactions.iter().all(|i| i.meta.id != id));
    press(&mut a, Key::char('u'));
    assert_eq!(*a.data(), before);
    let s = press(&mut a, Key::char('u'));
    assert!(s.is_empty());
    assert!(a.status().unwrap().text.contains("Rien à annuler"));
}

#[test]
fn duplicate_makes_a_new_interaction_dated_now() {
    let mut a = app(common::sample(30));
    a.apply(carnet::action::Action::Last);
    let source = a.data().interactions[a.selected_interaction().unwrap()].clone();
    press(&mut a, Key::char('D'));
    let copy = newest(&a);
    assert_ne!(copy.meta.id, source.meta.id);
    assert_eq!(copy.date, common::today());
    assert_eq!(copy.demande, source.demande);
    assert_eq!(copy.types, source.types);
}

#[test]
fn search_folds_accents_ands_terms_and_escape_clears_it() {
    let mut data = common::sample(40);
    data.interactions[3].demande = "Inscription d'un Élève au collège".into();
    let mut a = app(data);
    press(&mut a, Key::char('/'));
    type_text(&mut a, "eleve coll");
    assert_eq!(a.journal().rows.len(), 1);
    assert_eq!(
        a.data().interactions[a.journal().rows[0]].demande,
        "Inscription d'un Élève au collège"
    );
    press(&mut a, special(KeyCode::Enter));
    assert_eq!(
        a.context(),
        Context::List,
        "Enter keeps the results and returns to the list"
    );
    assert_eq!(a.journal().rows.len(), 1);
    press(&mut a, special(KeyCode::Esc));
    assert_eq!(a.journal().rows.len(), 40);
}

#[test]
fn an_abbreviation_typed_letter_by_letter_finds_what_it_abbreviates() {
    let mut data = common::sample(40);
    for it in &mut data.interactions {
        it.demande = "Question".into();
        it.thematiques = Default::default();
    }
    data.interactions[5].demande = "Demande de logement social".into();
    let mut a = app(data);
    press(&mut a, Key::char('/'));
    // "lg" matches nothing; "lgm" and "lgmt" must not search only within that nothing.
    type_text(&mut a, "lgmt");
    assert_eq!(a.journal().rows, vec![5]);
}

#[test]
fn filters_by_period_and_suites_due() {
    let mut a = app(common::sample(200));
    press(&mut a, Key::char('f'));
    press(&mut a, special(KeyCode::Enter)); // période → picker
    type_text(&mut a, "mois");
    press(&mut a, special(KeyCode::Enter));
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty());
    let this_month = a
        .data()
        .interactions
        .iter()
        .filter(|i| i.date.format("%Y-%m").to_string() == "2026-11")
        .count();
    assert_eq!(a.journal().rows.len(), this_month);
    assert!(this_month > 0 && this_month < 200);
    press(&mut a, special(KeyCode::Esc));
    assert_eq!(a.journal().rows.len(), 200);
}

#[test]
fn the_todo_view_lists_open_suites_and_x_marks_one_done() {
    let mut data = common::sample(100);
    let it = &mut data.interactions[5];
    it.suites = vec![carnet::domain::Suite {
        action: "Rappeler la CAF".into(),
        echeance: Some(common::today() - chrono::Duration::days(2)),
        faite: false,
    }]
    .into();
    let id = it.meta.id;
    let mut a = app(data);
    press(&mut a, Key::char('a'));
    assert_eq!(a.journal().mode, Mode::Todo);
    let row = a
        .journal()
        .todo
        .iter()
        .position(|r| suite_of(&a, r) == Some(id))
        .unwrap();
    for _ in 0..row {
        press(&mut a, Key::char('j'));
    }
    press(&mut a, Key::char('x'));
    let done = a
        .data()
        .interactions
        .iter()
        .find(|i| i.meta.id == id)
        .unwrap();
    assert!(done.suites[0].faite);
    assert!(a.journal().todo.iter().all(|r| suite_of(&a, r) != Some(id)));
    press(&mut a, Key::char('u'));
    assert!(
        !a.data()
            .interactions
            .iter()
            .find(|i| i.meta.id == id)
            .unwrap()
            .suites[0]
            .faite
    );
}

#[test]
fn a_suivi_code_is_created_and_its_timeline_opens() {
    let mut a = app(common::sample(80));
    let suivis = a.data().suivis.len();
    press(&mut a, Key::char('n'));
    type_text(&mut a, "acc");
    press(&mut a, special(KeyCode::Enter));
    focus_field(&mut a, "suivi");
    press(&mut a, special(KeyCode::Enter));
    // « + Nouveau suivi P-… » is the first row: Enter takes it, nothing to type.
    press(&mut a, special(KeyCode::Enter));
    let Some(Value::Suivi(Some(carnet::app::form::SuiviRef::New(code)))) =
        form(&a).value("suivi").cloned()
    else {
        panic!("new suivi expected, got {:?}", form(&a).value("suivi"))
    };
    assert!(carnet::domain::validate::is_suivi_code(&code), "{code}");
    press(&mut a, ctrl('s'));
    assert_eq!(a.data().suivis.len(), suivis + 1);
    let it = newest(&a).clone();
    let Personnes::Suivi(sid) = it.personnes else {
        panic!()
    };
    assert_eq!(a.data().suivi(sid).unwrap().code, code);
    press(&mut a, Key::char('t'));
    assert_eq!(a.journal().filter.suivi, Some(sid));
    assert_eq!(a.journal().rows.len(), 1);
}

#[test]
fn a_missing_structure_is_created_on_the_spot() {
    let mut a = app(common::sample(40));
    let count = a.data().structures.len();
    press(&mut a, Key::char('n'));
    type_text(&mut a, "ori");
    press(&mut a, special(KeyCode::Enter));
    focus_field(&mut a, "orientation");
    type_text(&mut a, "Les Restos du Val");
    press(&mut a, special(KeyCode::Enter));
    assert_eq!(form(&a).title, "form-new-structure");
    type_text(&mut a, "asso");
    press(&mut a, special(KeyCode::Enter));
    press(&mut a, ctrl('s'));
    assert_eq!(form(&a).title, "form-new-interaction");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    assert_eq!(a.data().structures.len(), count + 1);
    let it = newest(&a);
    let o = it.orientation.as_ref().unwrap();
    assert_eq!(o.nom, "Les Restos du Val");
    let s = a.data().structure(o.structure.unwrap()).unwrap();
    assert_eq!(s.typologies, ["ASSO"]);
}

#[test]
fn every_form_field_has_a_label_in_both_languages() {
    for lang in [Lang::Fr, Lang::En] {
        let mut a = App::new(common::config(lang), common::sample(10), common::now());
        press(&mut a, Key::char('n'));
        let mut ids: Vec<&str> = form(&a).fields.iter().map(|f| f.id).collect();
        press(&mut a, special(KeyCode::Esc));
        press(&mut a, Key::char('f'));
        ids.extend(form(&a).fields.iter().map(|f| f.id));
        ids.extend(["nom", "typologie"]);
        for id in ids {
            let label = format!("field-{}", id.replace('_', "-"));
            assert!(a.i18n().has(&label), "{label} missing in {}", lang.code());
        }
    }
}

/// Create, find, edit, delete and undo through the real loop on a temporary store; what is
/// on disk afterwards is what the screen showed.
#[test]
fn scenario_on_a_real_store() {
    use ratatui::{Terminal, backend::TestBackend};
    let dir = tempfile::tempdir().unwrap();
    let store = carnet::storage::Store::open(dir.path()).unwrap();
    store.insert_all(&common::sample(50)).unwrap();
    let (data, _) = store.load().unwrap();
    let mut a = app(data);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut host = carnet::runtime::TestHost {
        terminal: &mut terminal,
        store: Some(&store),
        theme: carnet::ui::Theme::mono(),
        edited: Some("Note écrite dans l'éditeur\nsur deux lignes\n".into()),
    };
    let mut script: Vec<Msg> = Vec::new();
    let k = |script: &mut Vec<Msg>, key: Key| script.push(Msg::Key(key));
    let text =
        |script: &mut Vec<Msg>, t: &str| script.extend(t.chars().map(|c| Msg::Key(Key::char(c))));
    // Create.
    k(&mut script, Key::char('n'));
    text(&mut script, "acc");
    k(&mut script, special(KeyCode::Enter));
    text(&mut script, "num");
    k(&mut script, special(KeyCode::Enter));
    text(&mut script, "Créer une adresse électronique zorglub");
    k(&mut script, ctrl('s'));
    // Find it.
    k(&mut script, Key::char('/'));
    text(&mut script, "zorglub");
    k(&mut script, special(KeyCode::Enter));
    // Edit: a note through the external editor.
    k(&mut script, Key::char('e'));
    for _ in 0..20 {
        k(&mut script, special(KeyCode::Tab));
    }
    run(&mut a, &mut host, script);
    while form(&a).focused().id != "note_pro" {
        a.update(Msg::Key(special(KeyCode::Tab)));
    }
    let mut script = Vec::new();
    k(&mut script, ctrl('o'));
    k(&mut script, ctrl('s'));
    run(&mut a, &mut host, script);
    let stored: Vec<Interaction> = store.all().unwrap();
    let saved = stored
        .iter()
        .find(|i| i.demande.contains("zorglub"))
        .unwrap();
    assert_eq!(
        saved.note_pro,
        "Note écrite dans l'éditeur\nsur deux lignes"
    );
    let id: Id = saved.meta.id;
    // Delete, then undo.
    let mut script = Vec::new();
    k(&mut script, Key::char('d'));
    k(&mut script, Key::char('o'));
    run(&mut a, &mut host, script);
    assert!(
        store
            .all::<Interaction>()
            .unwrap()
            .iter()
            .all(|i| i.meta.id != id)
    );
    run(&mut a, &mut host, vec![Msg::Key(Key::char('u'))]);
    let back: Vec<Interaction> = store.all().unwrap();
    assert!(back.iter().any(|i| i.meta.id == id));
    assert_eq!(back.len(), 51);
    drop(store);
    let reopened = carnet::storage::Store::open(dir.path()).unwrap();
    assert_eq!(
        reopened.load().unwrap().0.interactions,
        a.data().interactions
    );
}

fn run<B: ratatui::backend::Backend>(
    a: &mut App,
    host: &mut carnet::runtime::TestHost<'_, B>,
    script: Vec<Msg>,
) where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    carnet::runtime::run_scripted(a, host, script).unwrap();
}

#[test]
fn views_updated_in_place_after_a_save_equal_a_full_rebuild() {
    let mut a = app(common::sample(300));
    let config = common::config(Lang::Fr);
    log_common_case(&mut a, "Première");
    assert_eq!(
        *a.views(),
        carnet::app::Views::build(a.data(), &config),
        "after adding"
    );
    // Edit an older interaction: orient it to a structure, change its date.
    a.apply(carnet::action::Action::Last);
    press(&mut a, Key::char('e'));
    focus_field(&mut a, "date");
    press(&mut a, ctrl('u'));
    type_text(&mut a, "hier");
    focus_field(&mut a, "orientation");
    type_text(&mut a, "CAF de Val");
    press(&mut a, special(KeyCode::Enter));
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    assert_eq!(
        *a.views(),
        carnet::app::Views::build(a.data(), &config),
        "after editing"
    );
    press(&mut a, Key::char('u'));
    assert_eq!(
        *a.views(),
        carnet::app::Views::build(a.data(), &config),
        "after undoing"
    );
}

#[test]
fn typing_into_a_prefilled_date_time_or_duration_replaces_it() {
    let mut a = app(common::sample(60));
    press(&mut a, Key::char('n'));
    for c in "acc".chars() {
        press(&mut a, Key::char(c));
    }
    press(&mut a, special(KeyCode::Enter));
    for (field, typed) in [("date", "09/11/2026"), ("heure", "14:05"), ("duree", "45")] {
        focus_field(&mut a, field);
        type_text(&mut a, typed);
    }
    // Moving inside a value keeps it: the cursor goes back one and the digit is inserted.
    focus_field(&mut a, "heure");
    press(&mut a, special(KeyCode::End));
    press(&mut a, special(KeyCode::Backspace));
    press(&mut a, Key::char('7'));
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "saved");
    let it = newest(&a);
    assert_eq!(it.date.format("%d/%m/%Y").to_string(), "09/11/2026");
    assert_eq!(
        it.heure.map(|h| h.format("%H:%M").to_string()).as_deref(),
        Some("14:07")
    );
    assert_eq!(it.duree_min, 45);
}

/// Keys pressed, words typed apart: each typed character counts once per word (a search of
/// a few letters), navigation and commands count one each.
struct Keys {
    pressed: usize,
}

impl Keys {
    fn hit(&mut self, a: &mut App, key: Key) {
        self.pressed += 1;
        press(a, key);
    }

    /// A few letters that find a choice or a field: each counts.
    fn letters(&mut self, a: &mut App, text: &str) {
        for c in text.chars() {
            self.hit(a, Key::char(c));
        }
    }
}

#[test]
fn a_full_capture_takes_few_keys_with_the_field_finder() {
    // New suivi code, orientation to a partner, a suite with its due date: before the field
    // finder and the first-row new suivi, about 42 navigation keys through 27 fields.
    let mut a = app(common::sample(60));
    let mut k = Keys { pressed: 0 };
    let go_to = |k: &mut Keys, a: &mut App, letters: &str| {
        k.hit(a, ctrl('g'));
        k.letters(a, letters);
        k.hit(a, special(KeyCode::Enter));
    };
    k.hit(&mut a, Key::char('n'));
    k.letters(&mut a, "ori");
    k.hit(&mut a, special(KeyCode::Enter));
    go_to(&mut k, &mut a, "dem");
    type_text(&mut a, "Dossier CAF bloqué");
    go_to(&mut k, &mut a, "cod");
    k.hit(&mut a, special(KeyCode::Enter));
    k.hit(&mut a, special(KeyCode::Enter));
    go_to(&mut k, &mut a, "ori");
    k.hit(&mut a, special(KeyCode::Enter));
    k.letters(&mut a, "caf");
    k.hit(&mut a, special(KeyCode::Enter));
    go_to(&mut k, &mut a, "suite");
    type_text(&mut a, "Rappeler la CAF");
    go_to(&mut k, &mut a, "éch");
    type_text(&mut a, "15/12/2026");
    k.hit(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "saved: {:?}", a.modals().last());
    let it = newest(&a).clone();
    assert!(matches!(it.personnes, Personnes::Suivi(_)));
    assert!(
        it.orientation
            .as_ref()
            .is_some_and(|o| o.nom.contains("CAF"))
    );
    assert_eq!(it.suites.len(), 1);
    assert_eq!(it.suites[0].action, "Rappeler la CAF");
    assert_eq!(
        it.suites[0]
            .echeance
            .map(|d| d.format("%d/%m/%Y").to_string())
            .as_deref(),
        Some("15/12/2026")
    );
    assert!(k.pressed <= 40, "{} keys", k.pressed);
    // Navigation only (the letters that find a field or a choice are counted apart).
    let letters = ["ori", "dem", "cod", "ori", "caf", "suite", "éch"]
        .iter()
        .map(|w| w.chars().count())
        .sum::<usize>();
    assert!(
        k.pressed - letters <= 20,
        "{} navigation keys",
        k.pressed - letters
    );
}

#[test]
fn same_as_last_time_fills_a_new_interaction_from_the_persons_last_one() {
    let mut a = app(common::sample(200));
    let data = a.data().clone();
    // A suivi with an interaction, and that person's last one.
    let (code, last) = data
        .suivis
        .iter()
        .find_map(|s| {
            data.interactions
                .iter()
                .filter(|i| i.personnes == Personnes::Suivi(s.meta.id))
                .max_by_key(|i| (i.date, i.heure, i.meta.id))
                .map(|i| (s.code.to_string(), i.clone()))
        })
        .expect("the sample has suivis");
    press(&mut a, Key::char('n'));
    // Without a suivi, it says what it needs.
    press(&mut a, ctrl('r'));
    assert!(
        a.status()
            .is_some_and(|s| s.text.contains("choisissez d'abord"))
    );
    focus_field(&mut a, "suivi");
    press(&mut a, special(KeyCode::Enter));
    type_text(&mut a, &code);
    press(&mut a, special(KeyCode::Enter));
    assert!(
        a.status()
            .is_some_and(|s| s.text.starts_with("Ctrl-R : comme la dernière fois")),
        "a known person: the shortcut is offered"
    );
    press(&mut a, ctrl('r'));
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let it = newest(&a);
    assert_eq!(it.types, last.types);
    assert_eq!(it.thematiques, last.thematiques);
    assert_eq!(it.demande, last.demande);
    assert_eq!(it.canal, last.canal);
    assert_eq!(it.duree_min, last.duree_min);
    assert_eq!(it.date, common::today(), "the date stays today's");
    assert!(it.suites.is_empty() && it.note_pro.is_empty());
}

#[test]
fn a_long_note_wraps_at_the_field_width_and_the_cursor_moves_through_it_by_row() {
    use ratatui::{Terminal, backend::TestBackend};
    let screen = |a: &App| {
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| carnet::ui::render(f, a, &carnet::ui::Theme::mono()))
            .unwrap();
        t.backend().to_string()
    };
    let mut a = app(common::sample(20));
    a.update(Msg::Resize(80, 24));
    press(&mut a, Key::char('n'));
    focus_field(&mut a, "note_pro");
    let text = "Premier entretien : la personne souhaite constituer un dossier de \
                logement social et ne dispose pas de justificatif de domicile récent.\n\n\
                Rendez-vous pris avec le bailleur pour la semaine prochaine.";
    a.update(Msg::Paste(text.into()));
    let shown = screen(&a);
    // Wrapped between words at the field's width (53 columns at 80), paragraphs kept.
    for row in [
        "Premier entretien : la personne souhaite constituer ",
        "un dossier de logement social et ne dispose pas de ",
        "justificatif de domicile récent.",
        "Rendez-vous pris avec le bailleur pour la semaine ",
    ] {
        assert!(shown.contains(row.trim_end()), "{row:?} in\n{shown}");
    }
    // Up moves through the text's six rows (the empty one between paragraphs too), then
    // leaves the field from its first row.
    for _ in 0..5 {
        press(&mut a, special(KeyCode::Up));
        assert_eq!(form(&a).focused().id, "note_pro");
    }
    press(&mut a, special(KeyCode::Up));
    assert_ne!(form(&a).focused().id, "note_pro");
    // Back in it, Ctrl-Z takes the whole paste back at once.
    press(&mut a, special(KeyCode::Down));
    assert_eq!(form(&a).focused().id, "note_pro");
    press(&mut a, ctrl('z'));
    assert_eq!(form(&a).value("note_pro").map(Value::text), Some(""));
}

/// The interaction of an « À faire » row that is a suite.
fn suite_of(a: &carnet::app::App, r: &carnet::app::journal::TodoRow) -> Option<carnet::domain::Id> {
    match r.subject {
        carnet::app::journal::Todo::Suite { interaction, .. } => {
            Some(a.data().interactions[interaction].meta.id)
        }
        _ => None,
    }
}

/// The journal's search runs beside the loop: the typed query shows at once, the rows stay
/// as they were (their count unknown, « … ») until the answer, and only the latest query's
/// answer is shown — an older one arriving late changes nothing.
#[test]
fn the_search_answers_beside_the_loop_and_the_latest_query_wins() {
    let mut a = app(common::sample(400));
    let total = a.journal().rows.len();
    let search_of = |effects: Vec<Effect>| {
        effects
            .into_iter()
            .find_map(|e| match e {
                Effect::Search(job) => Some(job),
                _ => None,
            })
            .expect("a search to run")
    };
    a.update(Msg::Key(Key::char('/')));
    a.update(Msg::Key(Key::char('l')));
    // One letter waits for a second: nothing to run, every row still there.
    assert_eq!(a.journal().rows.len(), total);
    let lo = search_of(a.update(Msg::Key(Key::char('o'))));
    let log = search_of(a.update(Msg::Key(Key::char('g'))));
    assert!(a.journal().pending.is_some());
    assert_eq!(a.journal().rows.len(), total, "rows stay until the answer");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|f| carnet::ui::render(f, &a, &carnet::ui::Theme::mono()))
        .unwrap();
    let waiting = terminal.backend().to_string();
    assert!(
        waiting.contains("· … /") && waiting.contains("/ log"),
        "{waiting}"
    );
    // « lo » answers after « log » was asked: not shown.
    let lo_answer = lo.clone().run(&mut Default::default());
    a.update(lo_answer);
    assert_eq!(a.journal().rows.len(), total);
    assert!(a.journal().pending.is_some());
    let Msg::Searched { rows: expected, .. } = log.clone().run(&mut Default::default()) else {
        panic!("a search answers with its rows");
    };
    a.update(log.run(&mut Default::default()));
    assert!(a.journal().pending.is_none());
    let widened = |rows: Vec<u32>| -> Vec<usize> { rows.into_iter().map(|i| i as usize).collect() };
    assert_eq!(a.journal().rows, widened(expected.clone()));
    assert!(expected.len() < total && !expected.is_empty());
    // Back to « lo »: its late answer was kept, so no search is needed.
    let effects = a.update(Msg::Key(special(KeyCode::Backspace)));
    assert!(effects.is_empty(), "{effects:?}");
    let Msg::Searched { rows: lo_rows, .. } = lo.run(&mut Default::default()) else {
        panic!("a search answers with its rows");
    };
    assert_eq!(a.journal().rows, widened(lo_rows));
}
