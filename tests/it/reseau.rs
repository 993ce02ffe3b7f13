//! The Réseau tab through `update()` with a fixed clock: structures, contacts, last contact
//! derived from what is logged, à relancer, deletion that keeps names.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common::{self, ctrl, press, tab, typed};

use carnet::action::{Action, Context};
use carnet::app::network::{Reason, Subject};
use carnet::app::{App, Modal, Msg, ReseauMode, Tab};
use carnet::config::keymap::{Key, KeyCode};
use carnet::domain::{Dataset, Lang};
use chrono::Duration;

fn app(data: Dataset) -> App {
    let mut a = App::new(common::config(Lang::Fr), data, common::now());
    a.update(Msg::Resize(100, 30));
    a.update(Msg::Key(Key::char('2')));
    assert_eq!(a.tab(), Tab::Reseau);
    a
}

fn form_error(a: &App, field: &str) -> Option<&'static str> {
    a.modals().iter().rev().find_map(|m| match m {
        Modal::Form(f) => f.field(field).map(|f| f.error),
        _ => None,
    })?
}

/// Creates "Les Restos du Cœur du Val" (ASSO, partenaire actif) with the keyboard.
fn create_structure(a: &mut App, name: &str) {
    press(a, Key::char('n'));
    typed(a, name);
    tab(a, 1);
    typed(a, "asso");
    press(a, Key::plain(KeyCode::Enter));
    typed(a, "partenaire");
    press(a, Key::plain(KeyCode::Enter));
    press(a, ctrl('s'));
}

#[test]
fn a_structure_with_a_contact_gets_its_last_contact_from_an_orientation() {
    let mut a = app(common::sample(40));
    create_structure(&mut a, "Les Restos du Cœur du Val");
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let s = a
        .data()
        .structures
        .iter()
        .find(|s| s.nom == "Les Restos du Cœur du Val")
        .unwrap()
        .clone();
    assert_eq!(s.typologies, ["ASSO"]);
    assert_eq!(s.niveau_relation, "partenaire_actif");
    assert_eq!(
        a.data().structures[a.selected_structure().unwrap()].meta.id,
        s.meta.id,
        "selected"
    );
    assert_eq!(a.views().last_contact.get(&s.meta.id), None);

    press(&mut a, Key::char('c'));
    typed(&mut a, "Martine Roussel");
    tab(&mut a, 1);
    typed(&mut a, "Coordinatrice");
    tab(&mut a, 1);
    typed(&mut a, "03 27 11 22 33");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let contact = a
        .data()
        .contacts
        .iter()
        .find(|c| c.nom == "Martine Roussel")
        .unwrap();
    assert_eq!(contact.structure, s.meta.id);

    // Orient an interaction to it from the journal: its last contact follows.
    press(&mut a, Key::char('1'));
    press(&mut a, Key::char('n'));
    typed(&mut a, "ori");
    press(&mut a, Key::plain(KeyCode::Enter));
    while !matches!(a.modals().last(), Some(Modal::Form(f)) if f.focused().id == "orientation") {
        press(&mut a, Key::plain(KeyCode::Tab));
    }
    typed(&mut a, "restos coeur");
    press(&mut a, Key::plain(KeyCode::Enter));
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    assert_eq!(
        a.views().last_contact.get(&s.meta.id),
        Some(&common::today())
    );
}

#[test]
fn phone_and_email_are_checked_with_a_clear_message() {
    let mut a = app(common::sample(10));
    press(&mut a, Key::char('n'));
    typed(&mut a, "Structure test");
    tab(&mut a, 1);
    typed(&mut a, "asso");
    press(&mut a, Key::plain(KeyCode::Enter));
    typed(&mut a, "iden");
    press(&mut a, Key::plain(KeyCode::Enter));
    tab(&mut a, 3);
    typed(&mut a, "12 34");
    tab(&mut a, 1);
    typed(&mut a, "accueil@caf");
    press(&mut a, ctrl('s'));
    assert_eq!(form_error(&a, "telephone"), Some("err-phone"));
    assert_eq!(form_error(&a, "courriel"), Some("err-email"));
    assert!(a.i18n().t("err-phone").contains("01 23 45 67 89"));

    // A contact's address is checked the same way: nothing is saved until it is right.
    press(&mut a, Key::plain(KeyCode::Esc));
    while !a.modals().is_empty() {
        press(&mut a, Key::char('o'));
        press(&mut a, Key::plain(KeyCode::Esc));
    }
    let before = a.data().contacts.len();
    press(&mut a, Key::char('c'));
    typed(&mut a, "Claire Martin");
    tab(&mut a, 3);
    typed(&mut a, "claire@@mds");
    press(&mut a, ctrl('s'));
    assert!(
        matches!(a.modals(), [Modal::Form(f)] if f.title == "form-new-contact"),
        "the contact form stays open: {:?}",
        a.modals().last()
    );
    assert_eq!(form_error(&a, "courriel"), Some("err-email"));
    assert_eq!(a.data().contacts.len(), before, "nothing saved");
}

#[test]
fn a_close_name_offers_the_existing_structure() {
    let mut a = app(common::sample(10));
    let count = a.data().structures.len();
    create_structure(&mut a, "caf de val de brume");
    let Some(Modal::Confirm { message, .. }) = a.modals().last() else {
        panic!("question expected")
    };
    assert!(message.contains("CAF de Val-de-Brume"), "{message}");
    press(&mut a, Key::char('o'));
    assert!(a.modals().is_empty());
    assert_eq!(a.data().structures.len(), count, "nothing created");
    assert_eq!(
        a.data().structures[a.selected_structure().unwrap()].nom,
        "CAF de Val-de-Brume"
    );

    create_structure(&mut a, "caf de val de brume");
    press(&mut a, Key::char('n'));
    assert_eq!(a.data().structures.len(), count + 1, "created anyway");
}

#[test]
fn deleting_a_structure_says_how_many_records_mention_it_and_they_keep_its_name() {
    let mut a = app(common::sample(300));
    let (target, mentions) = a
        .data()
        .structures
        .iter()
        .map(|s| {
            let n = a
                .data()
                .interactions
                .iter()
                .filter(|i| i.orientation.as_ref().and_then(|o| o.structure) == Some(s.meta.id))
                .count();
            (s.clone(), n)
        })
        .max_by_key(|(_, n)| *n)
        .unwrap();
    assert!(mentions > 0);
    let before = a.data().clone();
    let row = a
        .views()
        .structures
        .iter()
        .position(|&i| a.data().structures[i].meta.id == target.meta.id)
        .unwrap();
    for _ in 0..row {
        press(&mut a, Key::char('j'));
    }
    press(&mut a, Key::char('d'));
    let Some(Modal::Confirm { message, .. }) = a.modals().last() else {
        panic!()
    };
    assert!(
        message.contains(&format!("{mentions} interaction")),
        "{message}"
    );
    press(&mut a, Key::char('o'));
    assert!(a.data().structure(target.meta.id).is_none());
    assert!(
        a.data()
            .contacts
            .iter()
            .all(|c| c.structure != target.meta.id),
        "its contacts go with it"
    );
    let kept = a
        .data()
        .interactions
        .iter()
        .filter(|i| {
            i.orientation
                .as_ref()
                .is_some_and(|o| o.nom == target.nom && o.structure.is_none())
        })
        .count();
    assert_eq!(kept, mentions, "the interactions keep the name");
    press(&mut a, Key::char('u'));
    assert_eq!(*a.data(), before, "undo brings everything back");
}

#[test]
fn a_relancer_follows_cadence_and_verification_and_v_marks_verified() {
    let mut data = common::sample(30);
    let today = common::today();
    // A partenaire actif (cadence 60 days) last met 70 days ago, verified two years ago.
    let s = &mut data.structures[0];
    s.niveau_relation = "partenaire_actif".into();
    s.date_verification = Some(today - Duration::days(730));
    let id = s.meta.id;
    for i in &mut data.interactions {
        i.orientation = None;
    }
    for r in &mut data.rencontres {
        r.structures.retain(|l| l.id != Some(id));
    }
    data.rencontres[0].structures.push(carnet::domain::Lien {
        id: Some(id),
        nom: "x".into(),
    });
    data.rencontres[0].date = today - Duration::days(70);
    let mut a = app(data);
    press(&mut a, Key::char('a'));
    assert_eq!(a.reseau_mode(), ReseauMode::Relancer);
    let reasons: Vec<Reason> = a
        .relance()
        .iter()
        .filter(|r| r.subject == Subject::Structure(0))
        .map(|r| r.reason)
        .collect();
    assert!(
        reasons.contains(&Reason::NoContact {
            days: 10,
            cadence: 60
        }),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&Reason::NotVerified { days: Some(365) }),
        "{reasons:?}"
    );
    // Grouped by structure, most urgent group first: a structure's rows are together.
    let groups: Vec<Option<carnet::domain::Id>> = a
        .relance()
        .iter()
        .map(|r| match r.subject {
            Subject::Structure(i) => Some(a.data().structures[i].meta.id),
            Subject::Contact(i) => Some(a.data().contacts[i].structure),
        })
        .collect();
    let mut seen = Vec::new();
    for g in groups.windows(2) {
        if g[0] != g[1] {
            assert!(!seen.contains(&g[1]), "a structure's items come together");
            seen.push(g[0]);
        }
    }
    let row = a
        .relance()
        .iter()
        .position(|r| {
            r.subject == Subject::Structure(0) && matches!(r.reason, Reason::NotVerified { .. })
        })
        .unwrap();
    for _ in 0..row {
        press(&mut a, Key::char('j'));
    }
    press(&mut a, Key::char('v'));
    assert_eq!(a.data().structures[0].date_verification, Some(today));
    assert!(
        !a.relance()
            .iter()
            .any(|r| r.subject == Subject::Structure(0)
                && matches!(r.reason, Reason::NotVerified { .. }))
    );
    press(&mut a, Key::char('u'));
    assert_eq!(
        a.data().structures[0].date_verification,
        Some(today - Duration::days(730))
    );
}

#[test]
fn an_item_put_off_leaves_a_relancer_until_its_day_then_comes_back() {
    let mut data = common::sample(60);
    data.relances_reportees.clear();
    let mut a = app(data.clone());
    press(&mut a, Key::char('a'));
    let first = a.relance()[0];
    let subject_id = |a: &App, s: Subject| match s {
        Subject::Structure(i) => a.data().structures[i].meta.id,
        Subject::Contact(i) => a.data().contacts[i].meta.id,
    };
    let id = subject_id(&a, first.subject);
    let before = a.relance().len();
    // z: « plus tard », a week.
    press(&mut a, Key::char('z'));
    let title = match a.modals().last() {
        Some(Modal::Picker(p)) => p.title.clone(),
        other => panic!("the delays are offered: {other:?}"),
    };
    assert!(title.starts_with("Relancer « "), "{title}");
    typed(&mut a, "7");
    press(&mut a, Key::plain(KeyCode::Enter));
    let until = common::today() + Duration::days(7);
    assert!(
        a.status().is_some_and(|s| s
            .text
            .contains(&format!("relance reportée au {}", until.format("%d/%m/%Y")))),
        "{:?}",
        a.status()
    );
    assert!(
        a.relance().iter().all(|r| subject_id(&a, r.subject) != id),
        "no longer listed"
    );
    assert!(a.relance().len() < before);
    assert_eq!(a.data().relances_reportees.len(), 1);
    assert_eq!(a.data().relances_reportees[0].sujet, id);
    assert_eq!(a.data().relances_reportees[0].jusqu_au, until);

    // Seven days later, still due, it is listed again.
    let later = (common::today() + Duration::days(7)).and_time(common::now().time());
    let mut back = App::new(common::config(Lang::Fr), a.data().clone(), later);
    back.update(Msg::Resize(100, 30));
    assert!(
        back.relance()
            .iter()
            .any(|r| subject_id(&back, r.subject) == id),
        "listed again on its day"
    );
    // u takes the put-off back at once.
    press(&mut a, Key::char('u'));
    assert!(a.data().relances_reportees.is_empty());
    assert!(a.relance().iter().any(|r| subject_id(&a, r.subject) == id));
}

#[test]
fn contacts_are_edited_from_a_picker_and_deleted_from_their_form() {
    let mut a = app(common::sample(40));
    let s = a.data().structures[a.selected_structure().unwrap()].clone();
    let first = a
        .data()
        .contacts
        .iter()
        .find(|c| c.structure == s.meta.id)
        .unwrap()
        .clone();
    press(&mut a, Key::char('C'));
    assert_eq!(a.context(), Context::Picker);
    typed(&mut a, &first.nom.split(' ').next().unwrap().to_lowercase());
    press(&mut a, Key::plain(KeyCode::Enter));
    assert_eq!(a.context(), Context::Form);
    a.apply(Action::DeleteRecord);
    press(&mut a, Key::char('o'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    assert!(a.data().contacts.iter().all(|c| c.meta.id != first.meta.id));
    let kept = a
        .data()
        .rencontres
        .iter()
        .flat_map(|r| &r.contacts)
        .filter(|l| l.nom == first.nom)
        .all(|l| l.id.is_none());
    assert!(kept, "rencontres keep the name, without the id");
}

#[test]
fn a_rencontre_is_logged_from_the_structure_in_a_few_keys_and_counts_as_contact() {
    let mut a = app(common::sample(40));
    let s = a.data().structures[a.selected_structure().unwrap()].clone();
    let count = a.data().rencontres.len();
    press(&mut a, Key::char('r'));
    typed(&mut a, "visite");
    press(&mut a, Key::plain(KeyCode::Enter));
    tab(&mut a, 1);
    typed(&mut a, "Présentation du point conseil budget");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    assert_eq!(a.data().rencontres.len(), count + 1);
    let r = a
        .data()
        .rencontres
        .iter()
        .max_by_key(|r| r.meta.id)
        .unwrap();
    assert_eq!(r.type_rencontre, "visite_structure");
    assert_eq!(
        r.structures,
        [carnet::domain::Lien {
            id: Some(s.meta.id),
            nom: s.nom.clone()
        }]
    );
    assert_eq!(r.date, common::today());
    assert_eq!(
        r.meta.evidence[0].competence, "tms-2004/CCP1.C3",
        "suggested evidence"
    );
    assert_eq!(
        a.views().last_contact.get(&s.meta.id),
        Some(&common::today())
    );
}

#[test]
fn every_reseau_form_field_has_a_label_in_both_languages() {
    for lang in [Lang::Fr, Lang::En] {
        let mut a = App::new(common::config(lang), common::sample(20), common::now());
        a.update(Msg::Key(Key::char('2')));
        let mut ids = Vec::new();
        for key in ['n', 'c', 'r'] {
            press(&mut a, Key::char(key));
            if let Some(Modal::Form(f)) = a.modals().last() {
                ids.extend(f.fields.iter().map(|f| f.id));
            }
            press(&mut a, Key::plain(KeyCode::Esc));
            if !a.modals().is_empty() {
                press(&mut a, Key::char('o'));
            }
        }
        assert!(ids.len() > 20);
        for id in ids {
            let label = format!("field-{}", id.replace('_', "-"));
            assert!(a.i18n().has(&label), "{label} missing in {}", lang.code());
        }
    }
}

fn view(a: &mut App, name: &str) {
    press(a, Key::char('w'));
    typed(a, name);
    press(a, Key::plain(KeyCode::Enter));
}

#[test]
fn a_signalement_follows_its_lifecycle_with_dated_steps() {
    let mut a = app(common::sample(60));
    view(&mut a, "signal");
    assert_eq!(
        a.reseau_mode(),
        ReseauMode::Records(carnet::domain::RecordKind::Signalement)
    );
    let count = a.data().signalements.len();
    press(&mut a, Key::char('n'));
    typed(&mut a, "Hall de la tour B");
    tab(&mut a, 1);
    typed(&mut a, "ascen");
    press(&mut a, Key::plain(KeyCode::Enter));
    typed(&mut a, "En panne depuis lundi");
    tab(&mut a, 1);
    typed(&mut a, "habitat");
    press(&mut a, Key::plain(KeyCode::Enter));
    // Reported a week ago.
    while !matches!(a.modals().last(), Some(Modal::Form(f)) if f.focused().id == "date") {
        press(&mut a, Key::plain(KeyCode::Tab));
    }
    typed(&mut a, "20/11/2026");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    assert_eq!(a.data().signalements.len(), count + 1);
    let x = a
        .data()
        .signalements
        .iter()
        .max_by_key(|x| x.meta.id)
        .unwrap()
        .clone();
    assert_eq!(
        (x.categorie.as_str(), x.statut.as_str()),
        ("ascenseur", "signale")
    );
    assert_eq!(x.destinataire.as_ref().unwrap().nom, "Habitat Brumois");
    assert_eq!(x.etapes.len(), 1);
    assert_eq!(x.meta.evidence[0].competence, "tms-2004/CCP1.C4");
    // Resolved: a second, dated step. The new signalement is the one selected.
    press(&mut a, Key::char('e'));
    while !matches!(a.modals().last(), Some(Modal::Form(f)) if f.focused().id == "statut_signalement")
    {
        press(&mut a, Key::plain(KeyCode::Tab));
    }
    typed(&mut a, "resolu");
    press(&mut a, Key::plain(KeyCode::Enter));
    // Noted afterwards: the change is dated, never in the future.
    let dated = |a: &App| matches!(a.modals().last(), Some(Modal::Form(f)) if f.focused().id == "date_statut");
    assert!(dated(&a), "the status change's date follows the status");
    typed(&mut a, "31/12/2026");
    press(&mut a, ctrl('s'));
    assert!(
        matches!(a.modals().last(), Some(Modal::Form(f))
            if f.field("date_statut").and_then(|f| f.error) == Some("err-date-future")),
        "{:?}",
        a.modals().last()
    );
    while !dated(&a) {
        press(&mut a, Key::plain(KeyCode::Tab));
    }
    press(&mut a, ctrl('u'));
    typed(&mut a, "-2");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let x = a
        .data()
        .signalements
        .iter()
        .find(|s| s.meta.id == x.meta.id)
        .unwrap();
    assert_eq!(x.statut, "resolu");
    assert_eq!(
        x.etapes
            .iter()
            .map(|e| (e.statut.as_str(), e.date))
            .collect::<Vec<_>>(),
        [
            ("signale", x.date),
            ("resolu", common::today() - Duration::days(2))
        ]
    );
}

#[test]
fn veille_and_territory_notes_are_logged_with_their_evidence() {
    let mut a = app(common::sample(30));
    view(&mut a, "veille");
    press(&mut a, Key::char('n'));
    typed(&mut a, "Fermeture estivale de la CAF du 1er au 15 août");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let v = a.data().veille.iter().max_by_key(|v| v.meta.id).unwrap();
    assert_eq!(v.meta.evidence[0].competence, "tms-2004/CCP1.C4");
    view(&mut a, "notes");
    press(&mut a, Key::char('n'));
    typed(&mut a, "hist");
    press(&mut a, Key::plain(KeyCode::Enter)); // the picker moves on to "territoire"
    tab(&mut a, 1);
    typed(&mut a, "1960-1970");
    tab(&mut a, 1);
    typed(&mut a, "Construction des premières tours.");
    tab(&mut a, 1);
    typed(&mut a, "Archives municipales — https://archives.ville.fr");
    press(&mut a, Key::plain(KeyCode::Enter));
    typed(&mut a, "Mémoire des habitants");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let n = a
        .data()
        .notes_territoire
        .iter()
        .max_by_key(|n| n.meta.id)
        .unwrap();
    assert_eq!(n.theme, "histoire");
    assert_eq!(n.sources.len(), 2);
    assert_eq!(n.sources[0].url, "https://archives.ville.fr");
    assert_eq!(n.sources[1].titre, "Mémoire des habitants");
    assert_eq!(n.meta.evidence[0].competence, "tms-2004/CCP1.C1");
    press(&mut a, Key::char('d'));
    press(&mut a, Key::char('o'));
    assert!(
        a.data()
            .notes_territoire
            .iter()
            .all(|m| m.texte != "Construction des premières tours.")
    );
}

#[test]
fn the_overview_counts_orientation_outcomes_per_partner() {
    let mut a = app(common::sample(300));
    view(&mut a, "ensemble");
    assert_eq!(a.reseau_mode(), ReseauMode::Overview);
    let top = a.views().partners[0];
    let by_hand = a
        .data()
        .interactions
        .iter()
        .filter(|i| i.orientation.as_ref().and_then(|o| o.structure) == Some(top.structure))
        .count();
    assert_eq!(top.orientations, by_hand);
    assert!(
        a.views()
            .partners
            .windows(2)
            .all(|w| w[0].orientations >= w[1].orientations)
    );
    assert!(top.known >= top.successful);
}

#[test]
fn services_are_added_edited_and_removed() {
    let mut a = app(common::sample(20));
    let i = a.selected_structure().unwrap();
    let before = a.data().structures[i].services.len();
    press(&mut a, Key::char('s'));
    typed(&mut a, "atel");
    press(&mut a, Key::plain(KeyCode::Enter));
    typed(&mut a, "numer");
    press(&mut a, Key::plain(KeyCode::Enter));
    typed(&mut a, "Sur inscription");
    tab(&mut a, 1);
    typed(&mut a, "Gratuit");
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let s = &a.data().structures[i];
    assert_eq!(s.services.len(), before + 1);
    let added = s.services.last().unwrap();
    assert_eq!(
        (
            added.type_service.as_str(),
            added.conditions.as_str(),
            added.frais.as_str()
        ),
        ("atelier", "Sur inscription", "Gratuit")
    );
    assert_eq!(added.thematiques, ["numerique"]);
    // Edit it from the picker, then delete it from its form.
    press(&mut a, Key::char('S'));
    typed(&mut a, "atelier");
    press(&mut a, Key::plain(KeyCode::Enter));
    a.apply(Action::DeleteRecord);
    press(&mut a, Key::char('o'));
    assert_eq!(a.data().structures[i].services.len(), before);
    press(&mut a, Key::char('u'));
    assert_eq!(a.data().structures[i].services.len(), before + 1);
}

#[test]
fn the_directory_is_searched_and_filtered_like_the_journal() {
    let mut a = app(common::sample(40));
    press(&mut a, Key::char('/'));
    typed(&mut a, "epicerie");
    assert_eq!(a.reseau_rows().len(), 1);
    assert_eq!(
        a.data().structures[a.reseau_rows()[0]].nom,
        "Épicerie solidaire Le Panier"
    );
    press(&mut a, Key::plain(KeyCode::Enter));
    press(&mut a, Key::plain(KeyCode::Esc));
    assert_eq!(a.reseau_rows().len(), 40);
    // By a contact's name, too.
    let contact = a.data().contacts[0].clone();
    press(&mut a, Key::char('/'));
    typed(&mut a, &carnet::domain::text::fold(&contact.nom));
    assert!(
        a.reseau_rows()
            .iter()
            .any(|&i| a.data().structures[i].meta.id == contact.structure)
    );
    press(&mut a, Key::plain(KeyCode::Esc));
    // Filter: typology and a service thématique.
    press(&mut a, Key::char('f'));
    typed(&mut a, "centre soc");
    press(&mut a, Key::plain(KeyCode::Enter));
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty());
    assert!(!a.reseau_rows().is_empty());
    assert!(
        a.reseau_rows()
            .iter()
            .all(|&i| a.data().structures[i].typologies.contains(&"CS".into()))
    );
    press(&mut a, Key::char('f'));
    tab(&mut a, 3);
    typed(&mut a, "numer");
    press(&mut a, Key::plain(KeyCode::Enter));
    press(&mut a, ctrl('s'));
    assert!(a.reseau_rows().iter().all(|&i| {
        let s = &a.data().structures[i];
        s.services
            .iter()
            .any(|svc| svc.thematiques.contains(&"numerique".into()))
    }));
    press(&mut a, Key::plain(KeyCode::Esc));
    assert_eq!(a.reseau_rows().len(), 40);
}

#[test]
fn an_orientation_to_a_structure_counts_as_a_contact_with_its_people() {
    let mut data = common::sample(30);
    let today = common::today();
    // A partenaire actif (cadence 60 days) with two contacts or more.
    let s = data
        .structures
        .iter()
        .position(|s| {
            data.contacts
                .iter()
                .filter(|c| c.structure == s.meta.id && c.actif)
                .count()
                >= 2
        })
        .unwrap();
    let id = data.structures[s].meta.id;
    data.structures[s].niveau_relation = "partenaire_actif".into();
    let people: Vec<carnet::domain::Lien> = data
        .contacts
        .iter()
        .filter(|c| c.structure == id && c.actif)
        .map(|c| carnet::domain::Lien {
            id: Some(c.meta.id),
            nom: c.nom.clone(),
        })
        .collect();
    for r in &mut data.rencontres {
        r.structures.retain(|l| l.id != Some(id));
        r.contacts.clear();
    }
    for i in &mut data.interactions {
        i.orientation = None;
    }
    let lien = carnet::domain::Lien {
        id: Some(id),
        nom: "x".into(),
    };
    // Everyone met by name 400 days ago; ten days ago, the structure met about one of them.
    data.rencontres[0].structures = vec![lien.clone()];
    data.rencontres[0].contacts = people.clone();
    data.rencontres[0].date = today - Duration::days(400);
    data.rencontres[1].structures = vec![lien];
    data.rencontres[1].contacts = people[..1].to_vec();
    data.rencontres[1].date = today - Duration::days(10);
    let late = |a: &App| {
        a.relance()
            .iter()
            .filter(|r| {
                matches!(r.subject, Subject::Contact(i) if a.data().contacts[i].structure == id)
            })
            .count()
    };
    let a = app(data.clone());
    assert_eq!(
        late(&a),
        people.len() - 1,
        "the others: 400 days without news"
    );
    // A person oriented there today, without naming anyone: they are all up to date.
    let it = data.interactions.last_mut().unwrap();
    it.date = today;
    it.orientation = Some(Box::new(carnet::domain::Orientation {
        structure: Some(id),
        nom: "x".into(),
        issue: None,
    }));
    let a = app(data);
    assert_eq!(late(&a), 0);
}

#[test]
fn a_rencontre_starts_with_the_structure_only_from_the_directory() {
    let structures = |a: &App| match a.modals().last() {
        Some(carnet::app::Modal::Form(f)) => f.value("structures_met").map(|v| v.multi().to_vec()),
        _ => None,
    };
    let mut a = app(common::sample(60));
    press(&mut a, Key::char('r'));
    let name = a.data().structures[a.reseau_rows()[0]].nom.clone();
    assert_eq!(structures(&a).map(|s| s.len()), Some(1));
    assert!(
        a.status()
            .is_some_and(|s| s.text.contains(&format!("« {name} »"))),
        "the structure met is named on opening"
    );
    press(&mut a, Key::plain(KeyCode::Esc));
    view(&mut a, "renc");
    for key in ['j', 'j', 'r'] {
        press(&mut a, Key::char(key));
    }
    assert_eq!(
        structures(&a),
        Some(Vec::new()),
        "from the rencontres view: no structure picked from the cursor"
    );
}

/// A structure recorded through its form is evidence of CCP1.C2 (« identifier les acteurs
/// du territoire »), as the vocabularies suggest: the form offers it like any other.
#[test]
fn a_new_structure_shows_ccp1_c2() {
    let mut a = app(Dataset::default());
    press(&mut a, Key::char('2'));
    press(&mut a, Key::char('n'));
    common::fill(&mut a, "nom", "Régie de quartier des Tilleuls");
    common::focus(&mut a, "typologies");
    press(&mut a, Key::plain(KeyCode::Enter));
    typed(&mut a, "association");
    press(&mut a, Key::plain(KeyCode::Tab));
    press(&mut a, Key::plain(KeyCode::Enter));
    common::focus(&mut a, "relation");
    press(&mut a, Key::plain(KeyCode::Enter));
    typed(&mut a, "identif");
    press(&mut a, Key::plain(KeyCode::Enter));
    press(&mut a, ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let s = &a.data().structures[0];
    let linked: Vec<&str> = s
        .meta
        .evidence
        .iter()
        .map(|e| e.competence.as_str())
        .collect();
    assert_eq!(linked, ["tms-2004/CCP1.C2"]);
}
