//! The Documentation tab: fiches, revisions with diff and restore, à revoir, search.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common::{self, ctrl, press, typed};

use carnet::app::docs::Review;
use carnet::app::{App, DocsMode, Modal, Msg, Tab};
use carnet::config::keymap::{Key, KeyCode};
use carnet::domain::{Dataset, Lang};

fn app(data: Dataset) -> App {
    let mut a = App::new(common::config(Lang::Fr), data, common::now());
    a.update(Msg::Resize(100, 30));
    a.update(Msg::Key(Key::char('3')));
    assert_eq!(a.tab(), Tab::Documentation);
    a
}

fn focus(a: &mut App, id: &str) {
    for _ in 0..30 {
        if matches!(a.modals().last(), Some(Modal::Form(f)) if f.focused().id == id) {
            return;
        }
        press(a, Key::plain(KeyCode::Tab));
    }
    panic!("no field {id}");
}

fn error(a: &App, id: &str) -> Option<&'static str> {
    match a.modals().last() {
        Some(Modal::Form(f)) => f.field(id).and_then(|f| f.error),
        _ => None,
    }
}

#[test]
fn a_fiche_is_written_revised_diffed_and_restored_without_losing_anything() {
    let mut a = app(common::sample(30));
    let count = a.data().fiches.len();
    press(&mut a, Key::char('n'));
    typed(&mut a, "Aide au permis de conduire");
    focus(&mut a, "contenu");
    typed(&mut a, "# Permis\n\nLigne une\nLigne deux");
    focus(&mut a, "sources");
    typed(
        &mut a,
        "Service-Public — https://www.service-public.fr/permis",
    );
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    assert_eq!(a.data().fiches.len(), count + 1);
    let f = a
        .data()
        .fiches
        .iter()
        .max_by_key(|f| f.meta.id)
        .unwrap()
        .clone();
    assert_eq!(f.contenu, "# Permis\n\nLigne une\nLigne deux");
    assert_eq!(f.sources[0].url, "https://www.service-public.fr/permis");
    let competences: Vec<&str> = f
        .meta
        .evidence
        .iter()
        .map(|e| e.competence.as_str())
        .collect();
    assert_eq!(competences, ["tms-2004/CCP2.C1", "tms-2004/CCP2.C2"]);
    // The new fiche is selected, wherever the plan puts it.
    assert_eq!(
        a.selected_fiche().map(|i| a.data().fiches[i].meta.id),
        Some(f.meta.id)
    );

    // Change its body: a summary is asked, then a revision is kept.
    press(&mut a, Key::char('e'));
    focus(&mut a, "contenu");
    typed(&mut a, "\nLigne trois");
    press(&mut a, ctrl('s'));
    assert_eq!(error(&a, "resume_revision"), Some("err-revision-summary"));
    focus(&mut a, "resume_revision");
    typed(&mut a, "Ajout d'une ligne");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let revised = a
        .data()
        .fiches
        .iter()
        .find(|x| x.meta.id == f.meta.id)
        .unwrap()
        .clone();
    assert_eq!(revised.revisions.len(), 1);
    assert_eq!(revised.revisions[0].resume, "Ajout d'une ligne");
    assert_eq!(revised.revisions[0].contenu_precedent, f.contenu);
    assert!(revised.contenu.ends_with("Ligne trois"));

    // History: the diff, then restore the old text as a new revision.
    press(&mut a, Key::char('t'));
    assert!(matches!(a.modals().last(), Some(Modal::History { .. })));
    press(&mut a, Key::plain(KeyCode::Enter));
    assert!(matches!(
        a.modals().last(),
        Some(Modal::History { diff: true, .. })
    ));
    press(&mut a, Key::char('r'));
    assert!(a.modals().is_empty());
    let restored = a
        .data()
        .fiches
        .iter()
        .find(|x| x.meta.id == f.meta.id)
        .unwrap();
    assert_eq!(restored.contenu, f.contenu);
    assert_eq!(restored.revisions.len(), 2);
    assert!(
        restored.revisions[1]
            .contenu_precedent
            .ends_with("Ligne trois"),
        "the replaced text is kept"
    );
}

#[test]
fn a_malformed_address_gets_a_message() {
    let mut a = app(common::sample(10));
    press(&mut a, Key::char('n'));
    typed(&mut a, "Fiche");
    focus(&mut a, "sources");
    typed(&mut a, "Site — https://caf");
    press(&mut a, ctrl('s'));
    assert_eq!(error(&a, "sources"), Some("err-url"));
}

#[test]
fn fiches_to_review_come_from_dates_status_and_changed_structures() {
    let mut data = common::sample(60);
    let today = common::today();
    for f in &mut data.fiches {
        f.date_revision = Some(today + chrono::Duration::days(30));
        f.statut = "validee".into();
        f.structures.clear();
    }
    data.fiches[0].date_revision = Some(today - chrono::Duration::days(40));
    data.fiches[1].statut = "a_revoir".into();
    let s = data.structures[0].clone();
    data.fiches[2].structures = vec![carnet::domain::Lien {
        id: Some(s.meta.id),
        nom: s.nom.clone(),
    }];
    data.fiches[2].date_verification = Some(today - chrono::Duration::days(10));
    data.structures[0].meta.updated_at =
        carnet::domain::Timestamp(common::now().and_utc().timestamp_millis());
    let mut a = app(data);
    press(&mut a, Key::char('a'));
    assert_eq!(a.docs_mode(), DocsMode::AReviser);
    let reasons: Vec<(usize, Review)> = a
        .docs_review()
        .iter()
        .map(|r| (r.fiche, r.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            (0, Review::Due(40)),
            (1, Review::Marked),
            (2, Review::StructureChanged)
        ]
    );
}

#[test]
fn search_covers_titles_bodies_and_sources() {
    let mut a = app(common::sample(30));
    press(&mut a, Key::char('/'));
    typed(&mut a, "declaration trimestrielle");
    assert!(!a.docs_rows().is_empty());
    assert!(a.docs_rows().iter().all(|&i| {
        carnet::domain::text::fold(&a.data().fiches[i].contenu).contains("trimestrielle")
    }));
    press(&mut a, Key::plain(KeyCode::Esc));
    press(&mut a, Key::char('/'));
    typed(&mut a, "ameli");
    assert!(a.docs_rows().iter().any(|&i| {
        a.data().fiches[i]
            .sources
            .iter()
            .any(|s| s.url.contains("ameli"))
    }));
}

#[test]
fn a_folder_is_imported_from_the_interface_with_a_report() {
    use ratatui::{Terminal, backend::TestBackend};
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("procedures")).unwrap();
    std::fs::write(
        dir.path().join("procedures/accueil.md"),
        "---\ntitre: Accueil du public\nclassement: procedures\nstatut: validee\n---\n\n# Accueil\n\nToujours sourire.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("cassee.md"), "sans front matter").unwrap();
    let mut a = app(common::sample(20));
    let count = a.data().fiches.len();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut host = carnet::runtime::TestHost {
        terminal: &mut terminal,
        store: None,
        theme: carnet::ui::Theme::mono(),
        edited: None,
    };
    let mut script = vec![Msg::Key(Key::char('i'))];
    script.extend(
        dir.path()
            .display()
            .to_string()
            .chars()
            .map(|c| Msg::Key(Key::char(c))),
    );
    script.push(Msg::Key(ctrl('s')));
    carnet::runtime::run_scripted(&mut a, &mut host, script).unwrap();
    assert_eq!(a.data().fiches.len(), count + 1);
    let status = a.status().cloned().unwrap();
    assert!(
        status.text.contains("1 créée(s)") && status.text.contains("cassee.md"),
        "{}",
        status.text
    );
    assert!(
        a.data()
            .fiches
            .iter()
            .any(|f| f.titre == "Accueil du public" && f.classement == "procedures")
    );
}

#[test]
fn the_plan_grows_is_renamed_reorganised_and_never_loses_a_fiche() {
    let mut a = app(common::sample(30));
    press(&mut a, Key::char('p'));
    assert_eq!(a.docs_mode(), DocsMode::Plan);
    let roots = a.config().vocab.plan_classement.entries.len();
    // A new section under the first node ("1. Accès aux droits"), its number typed out of
    // habit: sections are numbered from the tree.
    press(&mut a, Key::char('n'));
    typed(&mut a, "2.9 Mobilité, permis");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    assert_eq!(a.config().vocab.plan_classement.entries.len(), roots + 1);
    let node = a
        .config()
        .vocab
        .plan_classement
        .get("acces_droits.mobilite_permis")
        .unwrap()
        .clone();
    assert_eq!(node.parent.as_deref(), Some("acces_droits"));
    assert_eq!(
        node.fr, "1.4 Mobilité, permis",
        "the fourth section of the first"
    );
    // It is offered when filing a fiche.
    let position = a
        .config()
        .vocab
        .plan_classement
        .entries
        .iter()
        .position(|e| e.id == node.id)
        .unwrap();
    assert!(
        position > 0
            && a.config().vocab.plan_classement.entries[position - 1]
                .parent
                .as_deref()
                == Some("acces_droits")
    );
    // The new section is selected: rename it, move it to the top, then remove it (empty).
    assert_eq!(
        a.selected_node().map(|n| n.id.clone()),
        Some(node.id.clone())
    );
    press(&mut a, Key::char('e'));
    press(&mut a, ctrl('u'));
    typed(&mut a, "Mobilité");
    press(&mut a, ctrl('s'));
    assert_eq!(
        a.config().vocab.plan_classement.get(&node.id).unwrap().fr,
        "1.4 Mobilité"
    );
    press(&mut a, Key::char('m'));
    press(&mut a, Key::plain(KeyCode::Enter)); // "(à la racine du plan)"
    assert_eq!(
        a.config()
            .vocab
            .plan_classement
            .get(&node.id)
            .unwrap()
            .parent,
        None
    );
    // Now the sixth root; the sections after its old place keep their numbers.
    let plan = &a.config().vocab.plan_classement;
    assert_eq!(plan.get(&node.id).unwrap().fr, "6. Mobilité");
    assert_eq!(
        plan.get("vie_quotidienne.emploi").unwrap().fr,
        "2.2 Emploi, formation"
    );
    // The selection followed it to its new place.
    assert_eq!(
        a.selected_node().map(|n| n.id.clone()),
        Some(node.id.clone())
    );
    press(&mut a, Key::char('d'));
    press(&mut a, Key::char('o'));
    assert!(a.config().vocab.plan_classement.get(&node.id).is_none());
    press(&mut a, Key::char('u'));
    assert!(
        a.config().vocab.plan_classement.get(&node.id).is_some(),
        "undo brings it back"
    );
    // A node that holds fiches is refused with a message.
    a.update(Msg::Key(Key::char('g')));
    press(&mut a, Key::char('d'));
    assert!(a.modals().is_empty());
    assert!(
        a.status().unwrap().text.contains("non vide"),
        "{:?}",
        a.status()
    );
    assert_eq!(a.data().plan.iter().filter(|p| p.supprime).count(), 0);
}

#[test]
fn deleting_a_fiche_names_it_before_asking() {
    let mut a = app(common::sample(50));
    press(&mut a, Key::char('3'));
    press(&mut a, Key::char('j'));
    let titre = a.data().fiches[a.selected_fiche().unwrap()].titre.clone();
    press(&mut a, Key::char('d'));
    let Some(Modal::Confirm { message, .. }) = a.modals().last() else {
        panic!("a confirmation: {:?}", a.modals().last());
    };
    assert!(
        message.starts_with(&format!("Supprimer « {titre} » (")),
        "{message}"
    );
}

#[test]
fn a_revision_that_only_lost_a_final_newline_shows_no_change() {
    use ratatui::{Terminal, backend::TestBackend};
    let mut data = common::sample(20);
    let f = &mut data.fiches[0];
    f.contenu = "Première ligne\nDernière ligne".into();
    f.revisions = vec![carnet::domain::Revision {
        date: carnet::domain::Timestamp(0),
        resume: "Import".into(),
        contenu_precedent: "Première ligne\nDernière ligne\n".into(),
    }];
    let id = f.meta.id;
    let mut a = app(data);
    common::walk_to_fiche(&mut a, id);
    press(&mut a, Key::char('t'));
    press(&mut a, Key::plain(KeyCode::Enter));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| carnet::ui::render(frame, &a, &carnet::ui::Theme::mono()))
        .unwrap();
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("Aucun changement dans le texte"),
        "{screen}"
    );
    assert!(!screen.contains("- Dernière ligne"), "{screen}");
}
