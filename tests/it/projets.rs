//! Projets d'activités (CCP3), their séances and cas de médiation as a mediator meets
//! them: forms that refuse what cannot be, « À faire », the fiche projet a funder
//! receives, the CCP3 example drafted from a projet — on the demo, with a fixed clock.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common::{self, ctrl, fill, focus, press, typed};

use carnet::app::journal::{Mode, Todo};
use carnet::app::{App, Modal, Msg};
use carnet::config::keymap::{Key, KeyCode};
use carnet::domain::{CasMediation, Dataset, Lang, Projet, RecordKind};

fn app(data: Dataset) -> App {
    let mut app = App::new(common::config(Lang::Fr), data, common::now());
    app.update(Msg::Resize(100, 30));
    app
}

fn enter(a: &mut App) {
    press(a, Key::plain(KeyCode::Enter));
}

/// Chooses in a choice field: opens its list, narrows it, takes the first line.
fn choose(a: &mut App, field: &str, query: &str) {
    focus(a, field);
    enter(a);
    typed(a, query);
    enter(a);
}

/// Opens a Réseau view by (part of) its name.
fn view(a: &mut App, name: &str) {
    press(a, Key::char('2'));
    press(a, Key::char('w'));
    typed(a, name);
    enter(a);
}

fn form_error(a: &App, field: &str) -> Option<&'static str> {
    a.modals().iter().rev().find_map(|m| match m {
        Modal::Form(f) => f.field(field).and_then(|f| f.error),
        _ => None,
    })
}

fn demo() -> Dataset {
    common::sample(300)
}

#[test]
fn a_seance_before_its_projet_and_a_negative_budget_are_refused_with_a_message() {
    let mut a = app(demo());
    view(&mut a, "projets");
    // The projet under the cursor is the newest: the fête, begun 20 days ago.
    let fete = a
        .data()
        .projets
        .iter()
        .max_by_key(|p| p.debut)
        .unwrap()
        .clone();
    press(&mut a, Key::char('+'));
    fill(&mut a, "date", "-40");
    fill(&mut a, "lieu", "Square des Tilleuls");
    press(&mut a, ctrl('s'));
    assert_eq!(form_error(&a, "date"), Some("err-seance-before-projet"));
    fill(&mut a, "date", "hier");
    fill(&mut a, "participants", "12");
    fill(&mut a, "repartition", "Féminin ; 8\nmasculin 6");
    press(&mut a, ctrl('s'));
    assert_eq!(
        form_error(&a, "repartition"),
        Some("err-breakdown-over-total")
    );
    fill(
        &mut a,
        "repartition",
        "Féminin ; 8\nmasculin 4\n18-24 ans ; 3",
    );
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let seance = a
        .data()
        .seances
        .iter()
        .find(|s| s.projet == fete.meta.id)
        .unwrap();
    assert_eq!(seance.participants.nombre, 12);
    assert_eq!(seance.participants.attributs.len(), 3);
    // Séances show CCP3.C4 as the vocabularies suggest.
    assert!(
        seance
            .meta
            .evidence
            .iter()
            .any(|e| e.competence.ends_with("CCP3.C4"))
    );

    // The projet's budget: a negative amount, then a word, are refused by line.
    enter(&mut a);
    fill(
        &mut a,
        "budget",
        "Animations ; 400 ; Habitat Brumois\nRemboursement ; -50",
    );
    press(&mut a, ctrl('s'));
    assert_eq!(form_error(&a, "budget"), Some("err-amount-negative"));
    fill(&mut a, "budget", "Animations ; quatre cents");
    press(&mut a, ctrl('s'));
    assert_eq!(form_error(&a, "budget"), Some("err-amount-format"));
    fill(&mut a, "partenaires", "Mairie de Nulle-Part ; salle");
    fill(&mut a, "budget", "Animations ; 1 200,50 ; Habitat Brumois");
    press(&mut a, ctrl('s'));
    assert_eq!(
        form_error(&a, "partenaires"),
        Some("err-partenaire-unknown")
    );
    fill(
        &mut a,
        "partenaires",
        "mairie de val-de-brume ; salle\nhabitat ; financeur",
    );
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let saved = a.data().find::<Projet>(fete.meta.id).unwrap();
    assert_eq!(saved.budget_total(), 120_050);
    let names: Vec<&str> = saved
        .partenaires
        .iter()
        .map(|p| p.structure.nom.as_str())
        .collect();
    assert_eq!(names, ["Mairie de Val-de-Brume", "Habitat Brumois"]);
}

#[test]
fn an_implausible_realise_is_warned_not_refused() {
    let mut a = app(demo());
    view(&mut a, "projets");
    enter(&mut a);
    fill(&mut a, "indicateurs", "Habitants présents ; 200 ; 50000");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "saved: {:?}", a.modals().last());
    let (detail, _) = carnet::app::kinds::detail(&a.ctx(), RecordKind::Projet, {
        let (_, i) = a.selected_record().unwrap();
        i
    })
    .unwrap();
    assert!(detail.contains(&carnet::app::kinds::Detail::Note(
        "note-indicateur-implausible"
    )));
}

#[test]
fn a_case_closes_only_with_an_issue_and_its_steps_are_dated() {
    let mut a = app(demo());
    view(&mut a, "cas");
    press(&mut a, Key::char('n'));
    fill(&mut a, "intitule", "Haie mitoyenne, rue des Lilas");
    choose(&mut a, "type_cas", "voisinage");
    // A party code that does not exist yet is created with the case.
    focus(&mut a, "demandeur");
    enter(&mut a);
    typed(&mut a, "P-2026-900");
    enter(&mut a);
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let case = a
        .data()
        .cas_mediation
        .iter()
        .find(|c| c.intitule == "Haie mitoyenne, rue des Lilas")
        .unwrap()
        .clone();
    let code = a.data().suivi(case.demandeur.unwrap()).unwrap();
    assert!(code.code.starts_with("P-"), "{}", code.code);
    assert_eq!(case.etapes.len(), 1);
    assert_eq!(case.etapes[0].date, common::today());

    // Closing without an issue is asked for.
    let row = a
        .views()
        .records(RecordKind::CasMediation)
        .iter()
        .position(|&i| a.data().cas_mediation[i].meta.id == case.meta.id)
        .unwrap();
    for _ in 0..row {
        press(&mut a, Key::char('j'));
    }
    enter(&mut a);
    choose(&mut a, "statut_cas", "clos");
    // A step cannot come before the saisine (today).
    fill(&mut a, "date_statut", "hier");
    press(&mut a, ctrl('s'));
    assert_eq!(
        form_error(&a, "date_statut"),
        Some("err-status-before-saisine")
    );
    fill(&mut a, "date_statut", "");
    press(&mut a, ctrl('s'));
    assert_eq!(
        form_error(&a, "issue_cas"),
        Some("err-closed-without-issue")
    );
    choose(&mut a, "issue_cas", "partiel");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let closed = a.data().find::<CasMediation>(case.meta.id).unwrap();
    assert!(closed.is_closed());
    assert_eq!(closed.issue.as_deref(), Some("accord_partiel"));
    let steps: Vec<(&str, chrono::NaiveDate)> = closed
        .etapes
        .iter()
        .map(|e| (e.statut.as_str(), e.date))
        .collect();
    assert_eq!(
        steps,
        [("a_traiter", common::today()), ("clos", common::today())]
    );
}

#[test]
fn a_mediation_interaction_is_offered_its_case_and_joins_its_timeline() {
    let mut a = app(demo());
    press(&mut a, Key::char('n'));
    choose(&mut a, "types", "entre personnes");
    // Chosen from the list, the types hand over to the case field.
    let focused = match a.modals().last() {
        Some(Modal::Form(f)) => f.focused().id,
        other => panic!("{other:?}"),
    };
    assert_eq!(focused, "cas");
    let waiting = a
        .data()
        .cas_mediation
        .iter()
        .find(|c| c.intitule.contains("Bruit"))
        .unwrap()
        .clone();
    enter(&mut a);
    typed(&mut a, "Bruit de voisinage");
    enter(&mut a);
    fill(&mut a, "demande", "Second échange sur le bruit");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let new = a
        .data()
        .interactions
        .iter()
        .find(|i| i.demande == "Second échange sur le bruit")
        .unwrap()
        .meta
        .id;
    let case = a.data().find::<CasMediation>(waiting.meta.id).unwrap();
    assert!(case.interactions.contains(&new));
    // Undo takes back both the interaction and the case's link.
    press(&mut a, Key::char('u'));
    let case = a.data().find::<CasMediation>(waiting.meta.id).unwrap();
    assert!(!case.interactions.contains(&new));
}

#[test]
fn a_faire_lists_tache_due_and_cases_waiting_and_marks_a_tache_done() {
    let mut a = app(demo());
    press(&mut a, Key::char('a'));
    assert_eq!(a.journal().mode, Mode::Todo);
    let rows = a.journal().todo.clone();
    let tache = rows
        .iter()
        .position(|r| matches!(r.subject, Todo::Tache { .. }))
        .expect("the atelier's overdue tâche");
    let waiting: Vec<_> = rows
        .iter()
        .filter_map(|r| match r.subject {
            Todo::Cas { cas } => Some(a.data().cas_mediation[cas].intitule.to_string()),
            _ => None,
        })
        .collect();
    // Waiting on the other party for longer than delai_cas_jours (14): the neighbours'
    // case; the one just begun does not wait on anyone yet.
    assert_eq!(waiting, ["Bruit de voisinage, bâtiment C"]);
    for _ in 0..tache {
        press(&mut a, Key::char('j'));
    }
    let Todo::Tache { projet, tache: k } = rows[tache].subject else {
        unreachable!()
    };
    press(&mut a, Key::char('x'));
    assert!(a.data().projets[projet].taches[k].faite);
    assert!(
        a.journal()
            .todo
            .iter()
            .all(|r| r.subject != rows[tache].subject)
    );
    press(&mut a, Key::char('u'));
    assert!(!a.data().projets[projet].taches[k].faite);
}

#[test]
fn the_ccp3_draft_tells_a_projet_without_naming_anyone() {
    let data = demo();
    let config = common::config(Lang::Fr);
    let cafe = data
        .projets
        .iter()
        .find(|p| p.titre.starts_with("Café"))
        .unwrap();
    let x = carnet::app::dossier::drafted(
        &data,
        &config,
        "tms-2004/CCP3",
        &format!("projet:{}", cafe.meta.id),
        carnet::domain::Timestamp(0),
        common::today(),
    )
    .unwrap();
    assert_eq!(x.titre, "Café des parents du collège des Tilleuls");
    assert!(
        x.taches.starts_with(&format!(
            "À partir du {}, j'ai co-porté le projet",
            carnet::domain::text::date(cafe.debut)
        )),
        "{}",
        x.taches
    );
    assert!(
        x.taches
            .contains("Au départ, j'ai fait un constat : des parents")
    );
    assert!(
        x.taches
            .contains("J'ai animé 4 séances qui ont réuni 37 participants au total"),
        "{}",
        x.taches
    );
    assert!(
        x.taches
            .contains("parents venus (cumul) : 37 pour un objectif de 40"),
        "{}",
        x.taches
    );
    assert!(x.taches.contains("Quatre cafés"));
    assert!(x.moyens.contains("Un budget de 240 €"), "{}", x.moyens);
    assert!(x.avec_qui.contains("Collège des Tilleuls (co-porteur"));
    assert_eq!(x.du, Some(cafe.debut));
    let codes: Vec<&str> = data.suivis.iter().map(|s| s.code.as_str()).collect();
    for text in [&x.taches, &x.moyens, &x.avec_qui, &x.infos] {
        assert!(codes.iter().all(|c| !text.contains(c)));
    }
    // The situations of CCP3 offer the projets.
    let label = |k: carnet::domain::situation::SituationKind| k.name().to_string();
    let items = carnet::app::dossier::situation_items(
        &common::ctx(&data, &config),
        &label,
        "tms-2004/CCP3",
    );
    assert!(items.iter().any(|i| i.id.starts_with("projet:")));
}

#[test]
fn the_json_export_carries_projets_seances_and_cases() {
    let data = demo();
    let json: serde_json::Value =
        serde_json::from_str(&carnet::export::json::to_json(&data)).unwrap();
    let records = &json["records"];
    assert_eq!(records["projets"].as_array().unwrap().len(), 3);
    assert!(records["seances"].as_array().unwrap().len() >= 9);
    assert_eq!(records["cas_mediation"].as_array().unwrap().len(), 8);
    assert_eq!(
        records["projets"][0]["indicateurs"][0]["realise"],
        "seances"
    );
}

/// A demo store for the command line.
fn store(home: &std::path::Path) -> String {
    let dir = home.join("c");
    let d = dir.to_str().unwrap().to_string();
    let out = crate::cli::carnet(
        home,
        &[
            "--data-dir",
            &d,
            "demo",
            "--generate-only",
            "--interactions",
            "300",
        ],
    );
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    d
}

fn export(home: &std::path::Path, d: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--data-dir", d, "export", "--what", "projets"];
    all.extend(args);
    crate::cli::carnet(home, &all)
}

#[test]
fn the_fiche_projet_exports_as_markdown_html_and_docx() {
    let home = tempfile::tempdir().unwrap();
    let d = store(home.path());
    let out = export(home.path(), &d, &["--format", "md", "--id", "café"]);
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    insta::assert_snapshot!("fiche_projet_md", crate::cli::text(&out.stdout));
    let out = export(home.path(), &d, &["--format", "html", "--id", "atelier"]);
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    insta::assert_snapshot!("fiche_projet_html", crate::cli::text(&out.stdout));

    let path = home.path().join("fiches.docx");
    let out = export(
        home.path(),
        &d,
        &["--format", "docx", "-o", path.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    for title in [
        "Café des parents du collège des Tilleuls",
        "Atelier « démarches en ligne sans stress »",
        "Fête de quartier des Tilleuls",
        "Contexte et diagnostic",
        "Partenaires",
        "Moyens et budget",
        "Calendrier",
        "Séances",
        "Indicateurs",
        "Bilan du projet",
    ] {
        assert!(xml.contains(title), "{title}");
    }

    // An id that names nothing, or several projets, says which there are.
    let out = export(home.path(), &d, &["--format", "md", "--id", "kermesse"]);
    assert_eq!(out.status.code(), Some(2));
    let err = crate::cli::text(&out.stderr);
    assert!(
        err.contains("Aucun projet ne correspond à « kermesse »"),
        "{err}"
    );
    assert!(err.contains("Fête de quartier des Tilleuls"));
    let out = export(home.path(), &d, &["--format", "docx", "--id", "café"]);
    assert_eq!(out.status.code(), Some(2), "a DOCX needs a file");
}

#[test]
fn the_anonymisation_gate_holds_a_fiche_naming_a_person() {
    let home = tempfile::tempdir().unwrap();
    let d = store(home.path());
    // The projet's bilan names a person: exported as JSON, edited, imported elsewhere.
    let out = crate::cli::carnet(home.path(), &["--data-dir", &d, "export"]);
    assert!(out.status.success());
    let mut json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["records"]["projets"][0]["bilan"] =
        "Mme Durand, 06 12 34 56 78, est venue à chaque café.".into();
    let file = home.path().join("edited.json");
    std::fs::write(&file, serde_json::to_vec(&json).unwrap()).unwrap();
    let other = home.path().join("other");
    let o = other.to_str().unwrap();
    let out = crate::cli::carnet(
        home.path(),
        &["--data-dir", o, "import", file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    let out = export(home.path(), o, &["--format", "md", "--id", "café"]);
    assert_eq!(out.status.code(), Some(1));
    let err = crate::cli::text(&out.stderr);
    assert!(err.contains("06 12 34 56 78"), "{err}");
    assert!(err.contains("--accept-warnings"), "{err}");
    assert!(out.stdout.is_empty(), "nothing written");
    let out = export(
        home.path(),
        o,
        &["--format", "md", "--id", "café", "--accept-warnings"],
    );
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
}

#[test]
fn a_projet_goes_with_its_seances_and_comes_back_with_them() {
    let mut a = app(demo());
    view(&mut a, "projets");
    press(&mut a, Key::char('j'));
    let (_, i) = a.selected_record().unwrap();
    let atelier = a.data().projets[i].meta.id;
    let count = a
        .data()
        .seances
        .iter()
        .filter(|s| s.projet == atelier)
        .count();
    assert_eq!(count, 5);
    press(&mut a, Key::char('d'));
    let message = match a.modals().last() {
        Some(Modal::Confirm { message, .. }) => message.clone(),
        other => panic!("{other:?}"),
    };
    assert!(message.contains("et ses 5 séance(s)"), "{message}");
    press(&mut a, Key::char('o'));
    assert!(a.data().find::<Projet>(atelier).is_none());
    assert!(a.data().seances.iter().all(|s| s.projet != atelier));
    press(&mut a, Key::char('u'));
    assert!(a.data().find::<Projet>(atelier).is_some());
    assert_eq!(
        a.data()
            .seances
            .iter()
            .filter(|s| s.projet == atelier)
            .count(),
        5
    );
}

#[test]
fn x_on_a_projet_writes_its_fiche_once_nothing_in_it_names_anyone() {
    let mut data = demo();
    let fete = data
        .projets
        .iter()
        .position(|p| p.titre.starts_with("Fête"))
        .unwrap();
    data.projets[fete].bilan = "Merci à Mme Durand, 06 12 34 56 78.".into();
    let mut a = app(data);
    view(&mut a, "projets");
    // The fête is the newest: first in the list.
    press(&mut a, Key::char('X'));
    assert!(a.modals().is_empty(), "held: no form");
    let status = a.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(status.contains("06 12 34 56 78"), "{status}");
    // The atelier has nothing of the kind: its fiche is written where asked.
    press(&mut a, Key::char('j'));
    press(&mut a, Key::char('X'));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fiche.md");
    fill(&mut a, "fichier_projet", path.to_str().unwrap());
    let effects = press(&mut a, ctrl('s'));
    let written = effects.iter().find_map(|e| match e {
        carnet::app::Effect::WriteFile { path: p, bytes } if *p == path => Some(bytes.clone()),
        _ => None,
    });
    let text = String::from_utf8(written.expect("a file written")).unwrap();
    assert!(text.starts_with("# Atelier « démarches en ligne sans stress »"));
    assert!(text.contains("## Indicateurs"));
}

/// A competence nothing proves yet says what would: the kinds whose records suggest or show
/// it, and the interaction types that suggest it.
#[test]
fn an_unproven_competence_says_which_records_would_show_it() {
    let config = common::config(Lang::Fr);
    let (kinds, types) = carnet::app::evidence::shown_by(&config, "CCP3.C2", Lang::Fr);
    assert_eq!(kinds, ["Projets d'activités"]);
    assert_eq!(types, ["Appui à un projet d'habitants"]);
    let (kinds, types) = carnet::app::evidence::shown_by(&config, "CCP1.C2", Lang::En);
    assert_eq!(kinds, ["Structures"]);
    assert!(types.is_empty());
    let (kinds, _) = carnet::app::evidence::shown_by(&config, "CCP2.C7", Lang::Fr);
    assert_eq!(kinds, ["Cas de médiation"]);
}
