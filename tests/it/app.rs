//! `update()` as a user drives it: keys in, state and effects out, no terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common::{self, press};

use carnet::action::{Action, Context};
use carnet::app::{App, Effect, Msg, Tab};
use carnet::config::keymap::{Key, KeyCode};
use carnet::domain::{Dataset, Lang};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(data: Dataset) -> App {
    let mut app = App::new(common::config(Lang::Fr), data, common::now());
    app.update(Msg::Resize(80, 24));
    app
}

#[test]
fn number_keys_and_tab_switch_tabs_and_wrap_around() {
    let mut a = app(common::sample(100));
    assert_eq!(a.tab(), Tab::Journal);
    press(&mut a, Key::char('3'));
    assert_eq!(a.tab(), Tab::Documentation);
    press(&mut a, Key::plain(KeyCode::Tab));
    assert_eq!(a.tab(), Tab::Competences);
    press(&mut a, Key::char('5'));
    assert_eq!(a.tab(), Tab::Bilan);
    press(&mut a, Key::plain(KeyCode::Tab));
    assert_eq!(a.tab(), Tab::Journal);
    press(&mut a, Key::plain(KeyCode::BackTab));
    assert_eq!(a.tab(), Tab::Bilan);
}

#[test]
fn each_tab_keeps_its_own_selection() {
    let mut a = app(common::sample(100));
    press(&mut a, Key::char('j'));
    press(&mut a, Key::char('j'));
    press(&mut a, Key::char('2'));
    assert_eq!(a.cursor().selected, 0);
    press(&mut a, Key::plain(KeyCode::Down));
    press(&mut a, Key::char('1'));
    assert_eq!(a.cursor().selected, 2);
    press(&mut a, Key::char('2'));
    assert_eq!(a.cursor().selected, 1);
}

#[test]
fn paging_and_ends_stay_within_the_list() {
    let mut a = app(common::sample(300));
    let len = a.views().journal.len();
    press(&mut a, Key::char('G'));
    assert_eq!(a.cursor().selected, len - 1);
    press(&mut a, Key::char('j'));
    assert_eq!(a.cursor().selected, len - 1, "no wrap past the end");
    press(&mut a, Key::char('g'));
    assert_eq!(a.cursor().selected, 0);
    press(&mut a, Key::char('k'));
    assert_eq!(a.cursor().selected, 0);
    press(&mut a, Key::plain(KeyCode::PageDown));
    let page = a.cursor().selected;
    assert!(page > 3, "a page moves several rows, got {page}");
    // The selection is always inside the visible window.
    let c = a.cursor();
    assert!(c.selected >= c.offset);
}

#[test]
fn the_journal_lists_the_newest_interaction_first() {
    let a = app(common::sample(200));
    let first = &a.data().interactions[a.views().journal[0]];
    let newest = a
        .data()
        .interactions
        .iter()
        .map(|i| (i.date, i.heure))
        .max()
        .unwrap();
    assert_eq!((first.date, first.heure), newest);
}

#[test]
fn moving_resets_the_detail_scroll() {
    let mut a = app(common::sample(100));
    press(&mut a, Key::char('J'));
    assert_eq!(a.detail_scroll(), 3);
    press(&mut a, Key::char('j'));
    assert_eq!(a.detail_scroll(), 0);
}

#[test]
fn help_opens_scrolls_and_closes_and_q_closes_it_rather_than_quitting() {
    let mut a = app(common::sample(50));
    press(&mut a, Key::char('?'));
    assert_eq!(a.context(), Context::Help);
    press(&mut a, Key::char('j'));
    assert_eq!(
        a.cursor().selected,
        0,
        "keys go to the help, not the list behind it"
    );
    assert!(press(&mut a, Key::char('q')).is_empty());
    assert_eq!(a.context(), Context::List);
    press(&mut a, Key::plain(KeyCode::F(1)));
    press(&mut a, Key::plain(KeyCode::Esc));
    assert!(a.modals().is_empty());
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut a = app(common::sample(10));
    assert_eq!(press(&mut a, Key::char('q')), vec![Effect::Quit]);
    assert_eq!(press(&mut a, Key::ctrl('c')), vec![Effect::Quit]);
    a.apply(Action::Help);
    assert_eq!(press(&mut a, Key::ctrl('c')), vec![Effect::Quit]);
}

#[test]
fn unbound_keys_and_pastes_change_nothing_and_draw_nothing() {
    let mut a = app(common::sample(10));
    a.drawn();
    press(&mut a, Key::char('z'));
    a.update(Msg::Paste("q\nq".into()));
    assert!(!a.needs_drawing());
    assert_eq!(a.tab(), Tab::Journal);
}

#[test]
fn shrinking_the_terminal_keeps_the_selection_visible() {
    let mut a = app(common::sample(300));
    for _ in 0..40 {
        press(&mut a, Key::char('j'));
    }
    a.update(Msg::Resize(80, 16));
    let c = a.cursor();
    assert_eq!(c.selected, 40);
    let rows = carnet::app::layout::screen((80, 16)).list_rows();
    assert!(c.selected < c.offset + rows);
    a.update(Msg::Resize(30, 8));
    assert!(a.too_small());
}

#[test]
fn data_arrives_after_the_first_frame() {
    let mut a = App::loading(common::config(Lang::Fr), common::now());
    assert!(a.is_loading());
    a.update(Msg::Loaded {
        data: Box::new(common::sample(20)),
        decode_failures: 2,
        folded: None,
    });
    assert!(!a.is_loading());
    assert_eq!(a.views().journal.len(), 20);
    assert_eq!(a.decode_failures(), 2);
}

/// The newest interactions come first: the journal's first screen shows them while the rest
/// loads; no count, no detail, no other tab, nothing that would act on part of the store.
#[test]
fn the_newest_rows_show_before_the_rest_and_nothing_acts_on_them_alone() {
    let data = common::sample(120);
    let full = App::new(common::config(Lang::Fr), data.clone(), common::now());
    let order = full.views().journal.clone();
    let newest: Vec<_> = order[..30]
        .iter()
        .map(|&i| data.interactions[i].clone())
        .collect();
    let mut a = App::loading(common::config(Lang::Fr), common::now());
    a.update(Msg::Resize(80, 24));
    a.update(Msg::Newest(newest));
    assert!(a.is_loading());
    let screen = |a: &App| {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| carnet::ui::render(f, a, &carnet::ui::Theme::mono()))
            .unwrap();
        terminal.backend().to_string()
    };
    let first = screen(&a);
    assert!(first.contains("Journal · chargement…"), "{first}");
    let demande = |i: usize| {
        carnet::domain::text::one_line(&data.interactions[order[i]].demande)
            .chars()
            .take(12)
            .collect::<String>()
    };
    assert!(first.contains(&demande(0)), "{first}");
    assert!(first.contains("Chargement du carnet…"), "{first}");
    // The footer offers only what works while loading.
    assert!(
        first.contains("q Quitter") && !first.contains("n Nouvelle"),
        "{first}"
    );
    // Moving works on the rows there; anything else waits, and says so.
    press(&mut a, Key::char('j'));
    press(&mut a, Key::char('j'));
    assert_eq!(a.cursor().selected, 2);
    for key in ['n', '/', 'f', 'a'] {
        press(&mut a, Key::char(key));
        assert!(a.modals().is_empty() && !a.journal().searching, "{key}");
        let shown = screen(&a);
        assert!(shown.contains("finit de se charger"), "{key}: {shown}");
    }
    press(&mut a, Key::char('2'));
    let reseau = screen(&a);
    assert!(
        reseau.contains("Chargement du carnet…") && !reseau.contains("Réseau ·"),
        "{reseau}"
    );
    press(&mut a, Key::char('1'));
    a.update(Msg::Loaded {
        data: Box::new(data.clone()),
        decode_failures: 0,
        folded: None,
    });
    assert!(!a.is_loading());
    // The same row stays selected, now with its detail and the whole count.
    assert_eq!(a.cursor().selected, 2);
    let loaded = screen(&a);
    assert!(loaded.contains("Journal · 120"), "{loaded}");
    assert!(!loaded.contains("finit de se charger"), "{loaded}");
    // Arriving late, the newest rows never replace the whole store.
    a.update(Msg::Newest(Vec::new()));
    assert_eq!(a.views().journal.len(), 120);
}

/// The search text folded on the loading thread finds what the app's own folding finds;
/// folded from other records, it is not used.
#[test]
fn search_text_folded_while_loading_finds_the_same() {
    use carnet::app::journal::Folded;
    let data = common::sample(120);
    let config = common::config(Lang::Fr);
    let found = |folded: Option<Folded>| {
        let mut a = App::loading(common::config(Lang::Fr), common::now());
        a.update(Msg::Resize(100, 30));
        a.update(Msg::Loaded {
            data: Box::new(data.clone()),
            decode_failures: 0,
            folded: folded.map(Box::new),
        });
        press(&mut a, Key::char('/'));
        common::typed(&mut a, "logement");
        a.journal().rows.clone()
    };
    let own = found(None);
    assert!(!own.is_empty() && own.len() < 120, "{}", own.len());
    assert_eq!(found(Some(Folded::of(&data, &config))), own);
    assert_eq!(found(Some(Folded::of(&common::sample(30), &config))), own);
}

/// The real loop, driven by a script on an in-memory terminal.
#[test]
fn scripted_session_switches_tabs_and_quits() {
    let mut a = app(common::sample(120));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let script = vec![
        Msg::Key(Key::char('2')),
        Msg::Key(Key::char('j')),
        Msg::Key(Key::char('4')),
        Msg::Key(Key::char('?')),
        Msg::Key(Key::plain(KeyCode::Esc)),
        Msg::Key(Key::char('q')),
        Msg::Key(Key::char('1')),
    ];
    let mut host = carnet::runtime::TestHost {
        terminal: &mut terminal,
        store: None,
        theme: carnet::ui::Theme::mono(),
        edited: None,
    };
    carnet::runtime::run_scripted(&mut a, &mut host, script).unwrap();
    assert_eq!(
        a.tab(),
        Tab::Competences,
        "the key after q was never handled"
    );
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Compétences"), "{screen}");
}

#[test]
fn esc_then_a_key_typed_fast_arrives_as_alt_and_is_taken_as_both() {
    let mut a = app(common::sample(50));
    press(&mut a, Key::char('/'));
    for c in "logement".chars() {
        press(&mut a, Key::char(c));
    }
    press(&mut a, Key::plain(KeyCode::Enter));
    assert!(a.journal().is_filtered());
    let alt_a = Key::new(
        KeyCode::Char('a'),
        carnet::config::keymap::Mods {
            alt: true,
            ..Default::default()
        },
    );
    press(&mut a, alt_a);
    assert!(!a.journal().is_filtered(), "Esc cleared the search");
    assert_eq!(
        a.journal().mode,
        carnet::app::journal::Mode::Todo,
        "then a opened À faire"
    );
}

#[test]
fn coverage_lists_the_gaps_first_with_thresholds_from_config() {
    // The demo proves every competence: take one's evidence away to make a gap.
    let mut data = common::sample(300);
    for meta in data.metas_mut() {
        meta.evidence.retain(|e| !e.competence.ends_with("CCP3.C3"));
    }
    let mut a = app(data);
    press(&mut a, Key::char('4'));
    press(&mut a, Key::char('a'));
    assert_eq!(a.comp_view(), carnet::app::CompView::Coverage);
    let rows = a.gaps_first();
    assert_eq!(rows.len(), 20);
    let states: Vec<carnet::app::Coverage> = rows
        .iter()
        .map(|r| r.2.coverage(a.config().coverage))
        .collect();
    assert!(
        states.windows(2).all(|w| w[0] <= w[1]),
        "gaps first: {states:?}"
    );
    assert_eq!(states[0], carnet::app::Coverage::Aucune);
    assert_eq!(
        states[1..]
            .iter()
            .filter(|s| **s == carnet::app::Coverage::Aucune)
            .count(),
        0
    );
    assert_eq!(a.config().coverage, (1, 3));
    let solid = carnet::app::EvidenceCount {
        principale: 3,
        secondaire: 0,
        latest: None,
    };
    assert_eq!(solid.coverage((1, 3)), carnet::app::Coverage::Solide);
    let started = carnet::app::EvidenceCount {
        principale: 0,
        secondaire: 1,
        latest: None,
    };
    assert_eq!(started.coverage((1, 3)), carnet::app::Coverage::Amorcee);
}

#[test]
fn an_analyse_de_pratique_follows_the_guided_prompts_and_links_an_interaction() {
    let mut a = app(common::sample(100));
    press(&mut a, Key::char('4'));
    let count = a.data().analyses.len();
    press(&mut a, Key::char('n'));
    for c in "Tension à l'accueil".chars() {
        press(&mut a, Key::char(c));
    }
    press(&mut a, Key::plain(KeyCode::Tab));
    press(&mut a, Key::plain(KeyCode::Tab)); // format: individuelle already chosen
    press(&mut a, Key::plain(KeyCode::Enter)); // the interaction picker, newest first
    press(&mut a, Key::plain(KeyCode::Enter));
    for c in "J'ai proposé de continuer à l'écart.".chars() {
        press(&mut a, Key::char(c));
    }
    press(
        &mut a,
        Key::new(
            KeyCode::Char('s'),
            carnet::config::keymap::Mods {
                ctrl: true,
                ..Default::default()
            },
        ),
    );
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    assert_eq!(a.data().analyses.len(), count + 1);
    let analyse = a.data().analyses.iter().max_by_key(|x| x.meta.id).unwrap();
    assert_eq!(analyse.situation, "Tension à l'accueil");
    assert_eq!(
        analyse.ce_que_jai_fait,
        "J'ai proposé de continuer à l'écart."
    );
    let newest = a.data().interactions[a.views().journal[0]].meta.id;
    assert_eq!(analyse.interaction, Some(newest));
    assert_eq!(analyse.meta.evidence[0].competence, "tms-2004/CCP2.C9");
    assert_eq!(a.comp_view(), carnet::app::CompView::Analyses);
}

#[test]
fn a_fiche_links_structures_through_the_reference_picker() {
    let mut a = app(common::sample(100));
    press(&mut a, Key::char('3'));
    press(&mut a, Key::char('n'));
    common::focus(&mut a, "structures_liees");
    press(&mut a, Key::plain(KeyCode::Enter));
    let Some(carnet::app::Modal::Picker(p)) = a.modals().last() else {
        panic!(
            "Enter on the structures field opens a picker: {:?}",
            a.modals().last()
        );
    };
    assert!(p.multi, "a fiche may cite several structures");
    let first = p.items[p.filtered[0]].id.to_string();
    let second = p.items[p.filtered[1]].id.to_string();
    assert!(
        a.data()
            .structures
            .iter()
            .any(|s| s.meta.id.to_string() == first)
    );
    press(&mut a, Key::plain(KeyCode::Tab)); // tick the first
    press(&mut a, Key::plain(KeyCode::Down));
    press(&mut a, Key::plain(KeyCode::Tab)); // and the second
    press(&mut a, Key::plain(KeyCode::Enter)); // Enter confirms what is ticked
    let Some(carnet::app::Modal::Form(form)) = a.modals().last() else {
        panic!("the picker returns to the form");
    };
    let mut chosen: Vec<String> = form
        .value("structures_liees")
        .unwrap()
        .multi()
        .iter()
        .map(|t| t.to_string())
        .collect();
    chosen.sort();
    let mut expected = vec![first, second];
    expected.sort();
    assert_eq!(chosen, expected);
}

#[test]
fn a_profil_is_created_from_the_competences_tab_and_its_dates_are_checked() {
    let mut data = common::sample(50);
    data.profil.clear();
    let mut a = app(data);
    press(&mut a, Key::char('4'));
    a.show_comp_view(carnet::app::CompView::Profil);
    press(&mut a, Key::char('e'));
    assert!(
        matches!(a.modals().last(), Some(carnet::app::Modal::Form(_))),
        "e opens the profil form even before one exists"
    );
    let today = a.today();
    common::fill(&mut a, "periode_debut", "01/09/2026");
    common::fill(&mut a, "periode_fin", "30/06/2026");
    let jury = today + chrono::Duration::days(10);
    common::fill(&mut a, "date_jury", &jury.format("%d/%m/%Y").to_string());
    let save = Key::new(
        KeyCode::Char('s'),
        carnet::config::keymap::Mods {
            ctrl: true,
            ..Default::default()
        },
    );
    press(&mut a, save);
    let Some(carnet::app::Modal::Form(form)) = a.modals().last() else {
        panic!("a period ending before it starts keeps the form open");
    };
    assert_eq!(
        form.field("periode_fin").unwrap().error,
        Some("err-period-order")
    );
    assert!(a.data().profil.is_empty());
    common::fill(&mut a, "periode_fin", "30/06/2027");
    press(&mut a, save);
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let p = a.data().profil().unwrap();
    assert_eq!(p.role, "stagiaire");
    assert_eq!(p.date_jury, Some(jury));
    let screen = render(&a);
    assert!(screen.contains("Jury dans 10 jours"), "{screen}");
}

fn render(a: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| carnet::ui::render(f, a, &carnet::ui::Theme::mono()))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn deleting_an_analyse_removes_it_and_u_brings_it_back() {
    let mut a = app(common::sample(100));
    press(&mut a, Key::char('4'));
    a.show_comp_view(carnet::app::CompView::Analyses);
    let count = a.data().analyses.len();
    let first = a.data().analyses[a.views().analyses[0]].meta.id;
    press(&mut a, Key::char('d'));
    let effects = press(&mut a, Key::char('o'));
    assert_eq!(a.data().analyses.len(), count - 1);
    assert!(a.data().analyses.iter().all(|x| x.meta.id != first));
    assert!(
        effects.iter().any(
            |e| matches!(e, Effect::Commit(c) if c.remove == [(carnet::domain::RecordKind::Analyse, first)])
        ),
        "{effects:?}"
    );
    press(&mut a, Key::char('u'));
    assert_eq!(a.data().analyses.len(), count);
}

#[test]
fn a_competence_s_evidence_is_relinked_unlinked_and_extended_from_the_competences_tab() {
    let mut a = app(common::sample(300));
    press(&mut a, Key::char('4'));
    press(&mut a, Key::char('j')); // CCP1.C1, the first competence
    let competence = a.selected_competence().unwrap();
    assert_eq!(competence, "tms-2004/CCP1.C1");
    press(&mut a, Key::plain(KeyCode::Enter));
    assert_eq!(a.context(), Context::Evidence);
    let before = a.evidence_links(&competence);
    assert!(!before.is_empty());
    let first = before[0].clone();

    press(&mut a, Key::char('p'));
    let after = a.evidence_links(&competence);
    assert_ne!(
        after[0].strength, first.strength,
        "p switches principale / secondaire"
    );

    let effects = press(&mut a, Key::char('d'));
    assert_eq!(a.evidence_links(&competence).len(), before.len() - 1);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Commit(c) if c.put.len() == 1)),
        "the record is saved"
    );
    press(&mut a, Key::char('u'));
    assert_eq!(
        a.evidence_links(&competence).len(),
        before.len(),
        "u puts the link back"
    );

    press(&mut a, Key::char('n'));
    assert_eq!(a.context(), Context::Picker);
    // Past the records to create, the first record to link.
    let Some(carnet::app::Modal::Picker(p)) = a.modals().last() else {
        panic!("{:?}", a.modals().last());
    };
    let creations = p.items.iter().filter(|i| i.id.starts_with("new")).count();
    for _ in 0..creations {
        press(&mut a, Key::plain(KeyCode::Down));
    }
    press(&mut a, Key::plain(KeyCode::Enter));
    let links = a.evidence_links(&competence);
    assert_eq!(links.len(), before.len() + 1);
    assert!(
        links
            .iter()
            .any(|l| l.strength == carnet::domain::Strength::Secondaire
                && l.justification.is_empty())
    );
    // The selection is on the new link: p right after switches it, not the first row's.
    let new: Vec<_> = links
        .iter()
        .filter(|l| !before.iter().any(|b| b.kind == l.kind && b.id == l.id))
        .cloned()
        .collect();
    assert_eq!(new.len(), 1);
    press(&mut a, Key::char('p'));
    let switched = a.evidence_links(&competence);
    let now = switched
        .iter()
        .find(|l| l.kind == new[0].kind && l.id == new[0].id)
        .unwrap();
    assert_eq!(now.strength, carnet::domain::Strength::Principale);
    press(&mut a, Key::char('u'));

    press(&mut a, Key::plain(KeyCode::Enter));
    assert_eq!(a.context(), Context::Form, "Enter opens the linked record");
    press(&mut a, Key::plain(KeyCode::Esc));
    press(&mut a, Key::plain(KeyCode::Esc));
    assert_eq!(a.context(), Context::List);
}

#[test]
fn links_to_a_competence_the_referentiel_lacks_are_listed_as_orphans_and_kept() {
    let mut data = common::sample(100);
    let date = data.interactions[0].date;
    data.interactions[0]
        .meta
        .evidence
        .push(carnet::domain::EvidenceLink {
            competence: "msads-2026/CCP4.C2".into(),
            strength: carnet::domain::Strength::Principale,
            justification: "Lien d'un autre référentiel".into(),
            date,
        });
    let mut a = app(data);
    press(&mut a, Key::char('4'));
    assert_eq!(
        a.views().orphans,
        vec![carnet::domain::Text::from("msads-2026/CCP4.C2")]
    );
    press(&mut a, Key::char('G')); // the last row: the orphan
    assert_eq!(
        a.selected_competence().as_deref(),
        Some("msads-2026/CCP4.C2")
    );
    let screen = render(&a);
    assert!(
        screen.contains("msads-2026/CCP4.C2") && screen.contains("orpheline"),
        "{screen}"
    );
    press(&mut a, Key::plain(KeyCode::Enter));
    assert_eq!(a.context(), Context::Evidence);
    assert_eq!(a.evidence_links("msads-2026/CCP4.C2").len(), 1);
}

#[test]
fn the_detail_pane_scrolls_to_its_last_line_and_no_further() {
    let mut a = app(common::sample(300));
    press(&mut a, Key::char('4'));
    a.show_comp_view(carnet::app::CompView::Dossier);
    press(&mut a, Key::char('j')); // an example: a long detail
    render(&a);
    for _ in 0..100 {
        press(&mut a, Key::char('J'));
        render(&a);
    }
    let bottom = render(&a);
    assert!(
        bottom.contains("Rien ne semble identifier une personne accompagnée."),
        "the end of the example stays in view: {bottom}"
    );
    // One step back up moves the text at once: no hidden overshoot to climb back.
    press(&mut a, Key::char('K'));
    assert_ne!(render(&a), bottom);
}

#[test]
fn contacts_and_suivis_linked_as_evidence_are_listed_with_the_others() {
    use carnet::domain::{EvidenceLink, Strength};
    let mut data = common::sample(200);
    let date = common::today();
    let link = |justification: &str| EvidenceLink {
        competence: "tms-2004/CCP1.C3".into(),
        strength: Strength::Secondaire,
        justification: justification.into(),
        date,
    };
    data.contacts[0].meta.evidence.push(link("Nouveau contact"));
    data.suivis[0]
        .meta
        .evidence
        .push(link("Suivi sur plusieurs rencontres"));
    let contact = data.contacts[0].nom.to_string();
    let code = data.suivis[0].code.to_string();
    let config = common::config(carnet::domain::Lang::Fr);
    let (linked, total) =
        carnet::app::evidence::linked(&common::ctx(&data, &config), "tms-2004/CCP1.C3", usize::MAX);
    assert_eq!(linked.len(), total, "every link is listed");
    assert!(linked.iter().any(|l| l.summary.starts_with(&contact)));
    assert!(linked.iter().any(|l| l.summary == code));
}

#[test]
fn the_employer_is_created_on_the_spot_from_an_empty_network() {
    let mut a = app(Dataset::default());
    press(&mut a, Key::char('4'));
    a.show_comp_view(carnet::app::CompView::Profil);
    press(&mut a, Key::char('e'));
    common::focus(&mut a, "employeur");
    press(&mut a, Key::plain(KeyCode::Enter));
    // Nothing to choose yet: the picker says how to create it, not « correct the search ».
    let screen = render(&a);
    assert!(screen.contains("tapez son nom"), "{screen}");
    common::typed(&mut a, "Mission locale du Val");
    press(&mut a, Key::plain(KeyCode::Enter));
    // The small structure form, on its typology.
    press(&mut a, Key::plain(KeyCode::Enter));
    common::typed(&mut a, "asso");
    press(&mut a, Key::plain(KeyCode::Enter));
    press(&mut a, common::ctrl('s'));
    press(&mut a, common::ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let data = a.data();
    let employer = data.profil().and_then(|p| p.employeur).unwrap();
    assert_eq!(
        data.structure(employer).map(|s| s.nom.as_str()),
        Some("Mission locale du Val")
    );
}
