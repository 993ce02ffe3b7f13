//! Dossier Professionnel examples told from one situation: a story per kind of situation
//! (snapshots of the Markdown, on a frozen demo and a fixed clock), the questions the draft
//! leaves and the gate that waits for their answers, the strongest situations per CCP, the
//! page estimate and the writing view.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common;

use carnet::app::dossier::{
    CHARS_PER_PAGE, MAX_PAGES, chars, open_questions, page_tenths, pages, unanswered_questions,
};
use carnet::app::{App, Msg};
use carnet::domain::recit::{draft, question};
use carnet::domain::situation::{Situation, SituationKind, rank};
use carnet::domain::*;
use chrono::NaiveDate;

fn frozen() -> Dataset {
    common::frozen_as("demo-projets-300", 300)
}

/// The situation of a kind that gathers the most records — a partner the most rencontres
/// and veille first (the first of equals).
fn richest(data: &Dataset, kind: SituationKind) -> Situation {
    carnet::domain::situation::candidates(data)
        .into_iter()
        .filter(|s| s.kind == kind)
        .max_by_key(|s| {
            let g = carnet::domain::situation::gather(data, *s).unwrap();
            (
                g.rencontres.len() + g.veille.len(),
                g.len(),
                std::cmp::Reverse(s.id),
            )
        })
        .unwrap()
}

fn markdown(d: &carnet::domain::dossier::Draft) -> String {
    format!(
        "# {}\n\n## Tâches\n\n{}\n\n## Moyens\n\n{}\n\n## Avec qui\n\n{}\n\n## Contexte\n\n{} · {} · {} → {}\n\n## Informations complémentaires\n\n{}\n",
        d.titre,
        d.taches.replace('\n', "\n\n"),
        d.moyens.replace('\n', "\n\n"),
        d.avec_qui.replace('\n', "\n\n"),
        d.entreprise,
        d.service,
        d.du.map(text::date).unwrap_or_default(),
        d.au.map(text::date).unwrap_or_default(),
        d.infos.replace('\n', "\n\n"),
    )
}

#[test]
fn each_kind_of_situation_is_told_as_a_first_person_story() {
    let mut data = frozen();
    let config = common::config(Lang::En);
    // Secrets planted where a draft must never look.
    for i in &mut data.interactions {
        i.note_privee = "SECRET-PRIVE".into();
        i.note_pro = "NOTE-PRO".into();
    }
    let codes: Vec<String> = data.suivis.iter().map(|s| s.code.to_string()).collect();
    for kind in SituationKind::ALL {
        let s = richest(&data, kind);
        let d = draft(s, &data, &config.vocab, data.profil(), common::today()).unwrap();
        let md = markdown(&d);
        // In the first person, with no list of record summaries, nothing private.
        assert!(
            d.taches.contains("j'ai") || d.taches.contains("J'ai"),
            "{kind:?}: {}",
            d.taches
        );
        assert!(
            md.lines().all(|l| !l.starts_with("- ")),
            "{kind:?} lists records: {md}"
        );
        for secret in ["SECRET-PRIVE", "NOTE-PRO"]
            .into_iter()
            .chain(codes.iter().map(String::as_str))
        {
            assert!(!md.contains(secret), "{kind:?}: {secret} in {md}");
        }
        // Told in order: each paragraph's first date never goes back.
        let firsts: Vec<NaiveDate> = d
            .taches
            .lines()
            .filter_map(|l| {
                l.split(|c: char| !(c.is_ascii_digit() || c == '/'))
                    .find_map(|w| NaiveDate::parse_from_str(w, "%d/%m/%Y").ok())
            })
            .collect();
        assert!(
            firsts.windows(2).all(|w| w[0] <= w[1]),
            "{kind:?} out of order: {firsts:?}"
        );
        // Nothing after today is told as done.
        assert!(d.au.is_none_or(|au| au <= common::today()), "{kind:?}");
        insta::assert_snapshot!(format!("recit_{}", kind.name()), md);
    }
}

#[test]
fn a_group_is_told_as_a_group_and_no_canal_comes_from_elsewhere() {
    let mut data = frozen();
    let config = common::config(Lang::Fr);
    let s = richest(&data, SituationKind::Cas);
    // A collective action joins the case.
    let first = data.interactions[0].meta.id;
    let k = data
        .cas_mediation
        .iter()
        .position(|c| c.meta.id == s.id)
        .unwrap();
    data.cas_mediation[k].interactions.push(first);
    let c = data.cas_mediation[k].clone();
    let i = &mut data.interactions[0];
    i.types = vec!["action_collective".into()].into();
    i.personnes = Personnes::Anonyme(PublicAnonyme {
        nombre: 6,
        attributs: Default::default(),
    });
    // Another interaction, not the case's, with a canal and a lieu of its own.
    let other = data
        .interactions
        .iter_mut()
        .find(|i| !c.interactions.contains(&i.meta.id))
        .unwrap();
    other.lieu = "Gymnase Étranger-au-cas".into();
    other.canal = "visio".into();
    let d = draft(s, &data, &config.vocab, data.profil(), common::today()).unwrap();
    assert!(
        d.taches
            .contains("j'ai animé une action collective auprès d'un groupe de 6 personnes"),
        "{}",
        d.taches
    );
    assert!(!d.taches.contains("J'ai reçu une personne"));
    let all = format!("{} {}", d.taches, d.moyens);
    assert!(!all.contains("Étranger-au-cas"), "{all}");
    assert!(!all.to_lowercase().contains("visioconférence"), "{all}");
}

#[test]
fn questions_are_found_where_the_draft_left_them() {
    use carnet::domain::dossier::questions;
    let text = format!(
        "Le 01/02/2026, j'ai orienté une personne. {}\nUne note [sic] et un lien [1].\n[Qui ?] [ouvert",
        question::POURQUOI
    );
    assert_eq!(questions(&text), [question::POURQUOI, "[Qui ?]"]);
    assert!(questions("Rien à compléter [voir annexe].").is_empty());
}

#[test]
fn unanswered_questions_hold_the_export_until_each_is_answered() {
    use carnet::config::keymap::Key;
    let mut data = frozen();
    let config = common::config(Lang::Fr);
    data.exemples.truncate(1);
    data.exemples[0].infos =
        format!("{} Et encore : {}", question::APPRIS, question::OUTILS).into();
    assert_eq!(open_questions(&data.exemples[0]).len(), 2);
    assert_eq!(unanswered_questions(&data, &config).len(), 2);
    let mut a = App::new(config, data, common::now());
    a.update(Msg::Resize(80, 24));
    common::press(&mut a, Key::char('4'));
    a.show_comp_view(carnet::app::CompView::Dossier);
    common::press(&mut a, Key::char('X'));
    let status = a.status().unwrap();
    assert!(status.error, "{}", status.text);
    assert!(status.text.contains("2 questions"), "{}", status.text);
    assert!(a.modals().is_empty(), "no export form while questions wait");
    // Answered in the text (e on the example): the export form opens.
    common::press(&mut a, Key::plain(carnet::config::keymap::KeyCode::Down));
    common::press(&mut a, Key::char('e'));
    common::fill(
        &mut a,
        "infos",
        "J'en retiens qu'un partenaire se rencontre avant d'y orienter.",
    );
    common::press(&mut a, common::ctrl('s'));
    if let Some(carnet::app::Modal::Guard { .. }) = a.modals().last() {
        common::press(&mut a, Key::plain(carnet::config::keymap::KeyCode::Enter));
    }
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    assert!(open_questions(&a.data().exemples[0]).is_empty());
    common::press(&mut a, Key::char('X'));
    assert!(
        matches!(a.modals().last(), Some(carnet::app::Modal::Form(_))),
        "{:?}",
        a.status()
    );
}

#[test]
fn the_command_line_refuses_a_dossier_with_questions_even_accepting_warnings() {
    use crate::cli::{carnet, import};
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("store");
    let mut data = frozen();
    data.exemples.truncate(1);
    data.exemples[0].taches = format!("{}\n{}", data.exemples[0].taches, question::POURQUOI).into();
    data.exemples[0].infos = "Reçue avec Mme Durand.".into();
    import(home.path(), &dir, &data);
    let export = |extra: &[&str]| {
        let mut args = vec![
            "--data-dir",
            dir.to_str().unwrap(),
            "--lang",
            "fr",
            "export",
            "--what",
            "dossier",
            "--format",
            "md",
        ];
        args.extend_from_slice(extra);
        carnet(home.path(), &args)
    };
    // Without the flag, one refusal lists the question and the warning.
    let both = String::from_utf8_lossy(&export(&[]).stderr).to_string();
    assert!(
        both.contains(question::POURQUOI) && both.contains("« Mme Durand »"),
        "{both}"
    );
    // The flag accepts the warning, not the question.
    let out = export(&["--accept-warnings"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("Mme Durand"), "{err}");
    assert!(
        err.contains("une question laissée par le brouillon attend encore votre réponse"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "CCP1 · {} · Tâches et conditions : {}",
            data.exemples[0].titre,
            question::POURQUOI
        )),
        "each question names its CCP, example and rubrique: {err}"
    );
    assert!(
        out.stdout.is_empty(),
        "nothing is written while a question waits"
    );
}

/// CCP2 of a small store built by hand: which situations are suggested, in which order.
#[test]
fn the_strongest_situations_are_suggested_with_variety() {
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    let meta = |id: u64, competences: &[&str]| {
        let mut m = RecordMeta::new(Id(id), Timestamp(0));
        m.evidence = competences
            .iter()
            .map(|c| EvidenceLink {
                competence: format!("tms-2004/CCP2.{c}").into(),
                strength: Strength::Principale,
                justification: Text::default(),
                date: day(1),
            })
            .collect();
        m
    };
    let interaction = |id: u64, suivi: u64, d: u32, competences: &[&str]| {
        let mut i = Interaction::blank(meta(id, competences), day(d), chrono::NaiveTime::MIN, None);
        i.personnes = Personnes::Suivi(Id(suivi));
        i
    };
    let suivi = |id: u64, code: &str| Suivi {
        meta: meta(id, &[]),
        code: code.into(),
        public: PublicAnonyme::default(),
        thematiques: Vec::new(),
        actif: true,
    };
    // A case shows C7 and C9; a bilan C8.
    let cas = CasMediation {
        meta: meta(20, &["C7", "C9"]),
        date: day(7),
        intitule: "Litige de facture".into(),
        type_cas: "usager_institution".into(),
        origine: "personne".into(),
        demandeur: None,
        autre_partie: None,
        structure: None,
        consentement_le: None,
        statut: "a_traiter".into(),
        etapes: Vec::new(),
        issue: None,
        bilan: Text::default(),
        interactions: Vec::new(),
        analyses: Vec::new(),
    };
    let mut bilan = common::sample(50).bilans[0].clone();
    bilan.meta = meta(30, &["C8"]);
    let mut data = Dataset {
        // Suivi A shows C3, C4 and C5; suivi B only C3 and C5 (more records, less shown).
        suivis: vec![suivi(10, "A-1"), suivi(11, "B-1")],
        interactions: vec![
            interaction(100, 10, 2, &["C3", "C5"]),
            interaction(101, 10, 3, &["C4"]),
            interaction(102, 11, 4, &["C3"]),
            interaction(103, 11, 5, &["C5"]),
            interaction(104, 11, 6, &["C3"]),
        ],
        cas_mediation: vec![cas],
        bilans: vec![bilan],
        ..Dataset::default()
    };
    data.sort();

    let ranked = rank(&data, "tms-2004/CCP2", &[]);
    let order: Vec<(SituationKind, u64, bool)> = ranked
        .iter()
        .map(|r| (r.situation.kind, r.situation.id.0, r.suggested))
        .collect();
    assert_eq!(
        order,
        [
            // The most competences first; then what adds most to it (the case's two new
            // ones), then the bilan's one new competence before suivi B, which adds none.
            (SituationKind::Suivi, 10, true),
            (SituationKind::Cas, 20, true),
            (SituationKind::Bilan, 30, true),
            (SituationKind::Suivi, 11, false),
        ]
    );
    let covers: Vec<&str> = ranked[0].covers.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        covers,
        ["tms-2004/CCP2.C3", "tms-2004/CCP2.C4", "tms-2004/CCP2.C5"]
    );
    // With an example already telling C3–C5, the case comes first.
    let told = ranked[0].covers.clone();
    let again = rank(&data, "tms-2004/CCP2", &told);
    assert_eq!(again[0].situation.kind, SituationKind::Cas);
    // Nothing of CCP3 there: nothing to suggest.
    assert!(rank(&data, "tms-2004/CCP3", &[]).is_empty());
}

#[test]
fn the_page_estimate_counts_three_thousand_characters_a_page() {
    assert_eq!(CHARS_PER_PAGE, 3_000);
    assert_eq!(page_tenths(0), 0);
    assert_eq!(page_tenths(1), 1);
    assert_eq!(page_tenths(3_000), 10);
    assert_eq!(page_tenths(3_001), 11);
    assert_eq!(page_tenths(9_000), 30);
    let mut x = common::exemple(1, "tms-2004/CCP1", 1, "", "");
    for text in [
        &mut x.moyens,
        &mut x.avec_qui,
        &mut x.entreprise,
        &mut x.service,
        &mut x.infos,
    ] {
        *text = Text::default();
    }
    x.taches = "é".repeat(9_000).into();
    assert_eq!((chars(&x), pages(&x)), (9_000, MAX_PAGES));
    x.taches = "é".repeat(9_001).into();
    assert_eq!(pages(&x), MAX_PAGES + 1, "one character over is over");
}

/// The writing view of a drafted example, as a trainee sees it at 80×24.
#[test]
fn the_writing_view_snapshots() {
    use carnet::config::keymap::{Key, KeyCode};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    for lang in [Lang::Fr, Lang::En] {
        let mut data = frozen();
        data.exemples.clear();
        let mut a = App::new(common::config(lang), data, common::now());
        a.update(Msg::Resize(80, 24));
        common::press(&mut a, Key::char('4'));
        a.show_comp_view(carnet::app::CompView::Dossier);
        common::press(&mut a, Key::char('n'));
        common::press(&mut a, Key::plain(KeyCode::Enter));
        // Into the tâches, opened.
        common::focus(&mut a, "taches");
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| carnet::ui::render(f, &a, &carnet::ui::Theme::mono()))
            .unwrap();
        let screen = terminal.backend().to_string();
        insta::assert_snapshot!(format!("writing_view_{}_80x24", lang.code()), screen);
    }
}

/// From a competence, the evidence modal offers first to create a record that shows it,
/// already linked, then the records to link.
#[test]
fn a_competence_offers_to_create_a_record_that_shows_it() {
    use carnet::config::keymap::{Key, KeyCode};
    let data = frozen();
    let structures = data.structures.len();
    let mut a = App::new(common::config(Lang::Fr), data, common::now());
    a.update(Msg::Resize(80, 24));
    common::press(&mut a, Key::char('4'));
    // CCP1, then C1, then C2 (« Identifier les acteurs du territoire »).
    common::press(&mut a, Key::plain(KeyCode::Down));
    common::press(&mut a, Key::plain(KeyCode::Down));
    assert_eq!(a.selected_competence().as_deref(), Some("tms-2004/CCP1.C2"));
    common::press(&mut a, Key::plain(KeyCode::Enter));
    common::press(&mut a, Key::char('n'));
    let Some(carnet::app::Modal::Picker(p)) = a.modals().last() else {
        panic!("{:?}", a.modals().last());
    };
    assert_eq!(p.items[0].id.as_str(), "new:structures");
    assert_eq!(p.items[0].label, "＋ Créer : Structures");
    assert!(
        !p.items[1].id.starts_with("new"),
        "then the records to link"
    );
    common::press(&mut a, Key::plain(KeyCode::Enter));
    let Some(carnet::app::Modal::Form(form)) = a.modals().last() else {
        panic!("{:?}", a.modals().last());
    };
    assert_eq!(
        form.value("competences").unwrap().multi(),
        ["tms-2004/CCP1.C2"]
    );
    common::fill(&mut a, "nom", "Épicerie solidaire du Val");
    common::focus(&mut a, "typologies");
    common::typed(&mut a, "association");
    common::press(&mut a, Key::plain(KeyCode::Enter));
    common::press(&mut a, common::ctrl('s'));
    assert!(
        matches!(a.modals().last(), Some(carnet::app::Modal::Evidence { .. })),
        "back to the competence's evidence: {:?}",
        a.modals().last()
    );
    assert_eq!(a.data().structures.len(), structures + 1);
    let s = a
        .data()
        .structures
        .iter()
        .find(|s| s.nom == "Épicerie solidaire du Val")
        .unwrap();
    assert_eq!(s.meta.evidence[0].competence, "tms-2004/CCP1.C2");
    assert_eq!(s.meta.evidence[0].strength, Strength::Principale);
    assert!(
        a.evidence_links("tms-2004/CCP1.C2")
            .iter()
            .any(|l| l.id == s.meta.id)
    );
}

/// A trainee's first weeks: anonymous interactions oriented to the same partner, no
/// rencontre yet. The partner is a situation to tell, from the orientations alone.
#[test]
fn orientations_alone_make_a_partner_situation() {
    let config = common::config(Lang::Fr);
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 10, d).unwrap();
    let caf = carnet::app::kinds::interaction::new_structure(
        Id(1),
        Timestamp(0),
        &"CAF de Val-de-Brume".into(),
        &Text::default(),
    );
    let interactions: Vec<Interaction> = (0..3u32)
        .map(|k| {
            let mut meta = RecordMeta::new(Id(10 + u64::from(k)), Timestamp(0));
            meta.evidence.push(EvidenceLink {
                competence: "tms-2004/CCP2.C3".into(),
                strength: Strength::Principale,
                justification: Text::default(),
                date: day(1 + k),
            });
            let mut i = Interaction::blank(meta, day(1 + k * 7), chrono::NaiveTime::MIN, None);
            i.types = vec!["orientation".into()].into();
            i.demande = "Prime d'activité".into();
            i.orientation = Some(Box::new(Orientation {
                structure: Some(Id(1)),
                nom: "CAF de Val-de-Brume".into(),
                issue: Some("aboutie".into()),
            }));
            i
        })
        .collect();
    let data = Dataset {
        structures: vec![caf],
        interactions,
        ..Dataset::default()
    };
    let ranked = rank(&data, "tms-2004/CCP2", &[]);
    assert_eq!(ranked.len(), 1);
    let s = ranked[0].situation;
    assert_eq!((s.kind, s.id), (SituationKind::Partenaire, Id(1)));
    let d = draft(s, &data, &config.vocab, None, common::today()).unwrap();
    assert!(
        d.taches.contains(
            "Entre le 01/10/2026 et le 15/10/2026, j'ai orienté 3 personnes ou groupes vers CAF de Val-de-Brume ; 3 de ces orientations ont abouti."
        ),
        "{}",
        d.taches
    );
    assert!(
        d.taches.starts_with(
            "CAF de Val-de-Brume est un acteur du territoire avec lequel j'ai construit une relation de travail."
        ),
        "{}",
        d.taches
    );
    assert_eq!((d.du, d.au), (Some(day(1)), Some(day(15))));
}
