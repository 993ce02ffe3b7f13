//! Screens as a user sees them, at 80×24 and 120×40, in French and English.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common;

use carnet::action::Action;
use carnet::app::{App, Msg};
use carnet::domain::{Dataset, Lang};
use carnet::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(lang: Lang, data: Dataset, size: (u16, u16)) -> App {
    let mut app = App::new(common::config(lang), data, common::now());
    app.update(Msg::Resize(size.0, size.1));
    app
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size().0, app.size().1)).unwrap();
    terminal
        .draw(|f| ui::render(f, app, &Theme::mono()))
        .unwrap();
    terminal.backend().to_string()
}

fn lang_name(lang: Lang) -> &'static str {
    lang.code()
}

#[test]
fn each_tab_in_each_language_and_size() {
    let data = common::frozen(300);
    for lang in [Lang::Fr, Lang::En] {
        for size in [(80, 24), (100, 30), (120, 40)] {
            let mut a = app(lang, data.clone(), size);
            for (tab, action) in [
                ("journal", Action::TabJournal),
                ("reseau", Action::TabReseau),
                ("documentation", Action::TabDocumentation),
                ("competences", Action::TabCompetences),
                ("bilan", Action::TabBilan),
            ] {
                a.apply(action);
                // Select a row below the first so the snapshot shows movement and grouping.
                a.apply(Action::Down);
                a.apply(Action::Down);
                let name = format!("{tab}_{}_{}x{}", lang_name(lang), size.0, size.1);
                insta::assert_snapshot!(name, screen(&a));
            }
        }
    }
}

/// How many characters of its main text the selected row shows: the longest start of one of
/// `texts` drawn on it, and that text's length.
fn shown_of(screen: &str, texts: &[String]) -> (usize, usize) {
    let row = screen.lines().find(|l| l.contains('▌')).unwrap_or_default();
    texts
        .iter()
        .map(|text| {
            let len = text.chars().count();
            let shown = (1..=len)
                .rev()
                .find(|n| row.contains(&text.chars().take(*n).collect::<String>()))
                .unwrap_or(0);
            (shown, len)
        })
        .max()
        .unwrap_or_default()
}

#[test]
fn the_main_text_of_each_list_reads_on_at_80_columns_and_more_at_120() {
    let data = common::frozen(300);
    let demandes: Vec<String> = data
        .interactions
        .iter()
        .map(|i| i.demande.to_string())
        .collect();
    let noms: Vec<String> = data.structures.iter().map(|s| s.nom.to_string()).collect();
    let titres: Vec<String> = data.fiches.iter().map(|f| f.titre.to_string()).collect();
    let mut shown = Vec::new();
    for size in [(80, 24), (120, 40)] {
        let mut a = app(Lang::Fr, data.clone(), size);
        let mut row = Vec::new();
        for (tab, texts, min) in [
            (Action::TabJournal, &demandes, 30),
            (Action::TabReseau, &noms, 28),
            (Action::TabDocumentation, &titres, 30),
        ] {
            a.apply(tab);
            // The longest text of the list, so that it has to be cut somewhere.
            let longest = (0..40)
                .map(|_| {
                    let s = screen(&a);
                    a.apply(Action::Down);
                    shown_of(&s, texts)
                })
                .max_by_key(|(_, len)| *len)
                .unwrap_or_default();
            assert!(
                longest.0 >= min.min(longest.1),
                "{size:?}: {longest:?}\n{}",
                screen(&a)
            );
            row.push(longest.0);
        }
        shown.push(row);
    }
    assert!(
        shown[1]
            .iter()
            .zip(&shown[0])
            .all(|(wide, narrow)| wide > narrow),
        "{shown:?}"
    );
}

#[test]
fn help_overlay() {
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang, common::frozen(50), (80, 24));
        a.apply(Action::Help);
        insta::assert_snapshot!(format!("help_{}_80x24", lang_name(lang)), screen(&a));
    }
}

#[test]
fn help_starts_with_the_keys_of_the_screen_it_was_opened_from() {
    for (lang, title, enter, backtab) in [
        (Lang::Fr, "Cet écran : Réseau", "e, Entrée", "Maj-Tab"),
        (Lang::En, "This screen: Network", "e, Enter", "Shift-Tab"),
    ] {
        // Tall enough to show the screen's keys and the global ones.
        let mut a = app(lang, common::frozen(50), (80, 50));
        a.apply(Action::TabReseau);
        a.apply(Action::Help);
        let s = screen(&a);
        let body: Vec<&str> = s.lines().skip(3).collect();
        assert!(body[0].contains(title), "{s}");
        assert!(s.contains(enter) && s.contains(backtab), "{s}");
        assert!(
            lang == Lang::En || !s.contains("Shift"),
            "keys named in French: {s}"
        );
        insta::assert_snapshot!(format!("help_reseau_{}_80x50", lang_name(lang)), s);
    }
}

#[test]
fn help_over_a_form_starts_with_the_forms_keys_and_says_how_to_edit_text() {
    for (lang, title, save, undo) in [
        (
            Lang::Fr,
            "Cet écran : Nouvelle interaction",
            "Ctrl-S             Enregistrer",
            "Ctrl-Z, Ctrl-Y     annuler, rétablir",
        ),
        (
            Lang::En,
            "This screen: New interaction",
            "Ctrl-S             Save",
            "Ctrl-Z, Ctrl-Y     undo, redo",
        ),
    ] {
        let mut a = app(lang, common::frozen(50), (80, 24));
        key(&mut a, carnet::config::keymap::Key::char('n'));
        // In a form, ? is a character to type: F1 opens the help.
        key(
            &mut a,
            carnet::config::keymap::Key::plain(carnet::config::keymap::KeyCode::F(1)),
        );
        let s = screen(&a);
        let lines: Vec<&str> = s.lines().collect();
        let at = lines.iter().position(|l| l.contains(title));
        assert!(
            at.is_some_and(|at| lines[at + 1].contains(save)),
            "the form's own keys first: {s}"
        );
        // Further down, the keys of a text field.
        let found = (0..40).any(|_| {
            key(
                &mut a,
                carnet::config::keymap::Key::plain(carnet::config::keymap::KeyCode::PageDown),
            );
            screen(&a).contains(undo)
        });
        assert!(found, "{}", screen(&a));
    }
}

#[test]
fn keys_are_ignored_while_the_screen_is_too_small() {
    let mut a = app(Lang::Fr, common::frozen(50), (40, 10));
    for c in ['n', 'd', '2'] {
        key(&mut a, carnet::config::keymap::Key::char(c));
    }
    assert!(a.modals().is_empty(), "no form opened blind");
    assert_eq!(a.tab(), carnet::app::Tab::Journal);
    let s = screen(&a);
    assert!(s.contains("ignorées") && s.contains("(q quitte)"), "{s}");
    let effects = a.update(Msg::Key(carnet::config::keymap::Key::char('q')));
    assert!(matches!(effects.as_slice(), [carnet::app::Effect::Quit]));
}

#[test]
fn too_small_screen() {
    for lang in [Lang::Fr, Lang::En] {
        let a = app(lang, common::frozen(50), (40, 10));
        insta::assert_snapshot!(format!("too_small_{}", lang_name(lang)), screen(&a));
    }
}

#[test]
fn first_launch_on_an_empty_store_says_how_to_start() {
    for lang in [Lang::Fr, Lang::En] {
        let a = app(lang, Dataset::default(), (80, 24));
        insta::assert_snapshot!(format!("empty_{}_80x24", lang_name(lang)), screen(&a));
    }
}

#[test]
fn stored_control_and_escape_characters_never_reach_the_terminal() {
    let mut data = common::frozen(5);
    for it in &mut data.interactions {
        it.demande = "Rappel \u{1b}[2J\u{1b}]52;c;AAAA\u{7} urgent\u{202E}".into();
        it.note_pro = "ligne 1\r\nligne\u{0}2\tfin 🙂 e\u{301}".into();
    }
    let a = app(Lang::Fr, data, (120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| ui::render(f, &a, &Theme::mono()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        let symbol = cell.symbol();
        assert!(
            !symbol
                .chars()
                .any(|c| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c)),
            "control character drawn: {symbol:?}"
        );
    }
    let text = terminal.backend().to_string();
    assert!(text.contains("Rappel [2J]52;c;AAAA"), "{text}");
    assert!(text.contains("ligne2 fin"), "{text}");
}

use common::{press as key, typed};

#[test]
fn interaction_form_empty_with_errors_and_with_guard_warnings() {
    use carnet::config::keymap::{Key, KeyCode, Mods};
    let ctrl_s = Key::new(
        KeyCode::Char('s'),
        Mods {
            ctrl: true,
            ..Mods::default()
        },
    );
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang, common::frozen(30), (80, 24));
        key(&mut a, Key::char('n'));
        insta::assert_snapshot!(format!("form_empty_{}_80x24", lang_name(lang)), screen(&a));

        key(&mut a, Key::plain(KeyCode::Tab));
        key(&mut a, Key::plain(KeyCode::Tab));
        key(&mut a, Key::plain(KeyCode::Tab));
        key(
            &mut a,
            Key::new(
                KeyCode::Char('u'),
                Mods {
                    ctrl: true,
                    ..Mods::default()
                },
            ),
        );
        typed(&mut a, "31/02");
        key(&mut a, ctrl_s);
        insta::assert_snapshot!(format!("form_errors_{}_80x24", lang_name(lang)), screen(&a));

        typed(&mut a, "acc");
        key(&mut a, Key::plain(KeyCode::Enter));
        key(&mut a, Key::plain(KeyCode::Tab));
        typed(&mut a, "Rappeler Mme Martin au 06 12 34 56 78, enceinte");
        key(&mut a, Key::plain(KeyCode::Tab));
        key(
            &mut a,
            Key::new(
                KeyCode::Char('u'),
                Mods {
                    ctrl: true,
                    ..Mods::default()
                },
            ),
        );
        typed(&mut a, "27/11/2026");
        key(&mut a, ctrl_s);
        insta::assert_snapshot!(format!("form_guard_{}_80x24", lang_name(lang)), screen(&a));
    }
}

#[test]
fn picker_search_and_todo_views() {
    use carnet::config::keymap::{Key, KeyCode};
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang, common::frozen(300), (80, 24));
        key(&mut a, Key::char('n'));
        typed(&mut a, "me");
        insta::assert_snapshot!(format!("picker_{}_80x24", lang_name(lang)), screen(&a));
        key(&mut a, Key::plain(KeyCode::Esc));
        key(&mut a, Key::plain(KeyCode::Esc));
        key(&mut a, Key::char('/'));
        typed(&mut a, "logement");
        insta::assert_snapshot!(format!("search_{}_80x24", lang_name(lang)), screen(&a));
        key(&mut a, Key::plain(KeyCode::Esc));
        key(&mut a, Key::char('a'));
        insta::assert_snapshot!(format!("todo_{}_80x24", lang_name(lang)), screen(&a));
    }
}

#[test]
fn reseau_views_and_forms() {
    use carnet::config::keymap::{Key, KeyCode};
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang, common::frozen(300), (80, 24));
        key(&mut a, Key::char('2'));
        key(&mut a, Key::char('a'));
        insta::assert_snapshot!(format!("relancer_{}_80x24", lang_name(lang)), screen(&a));
        for (name, query) in [("overview", "ensemble"), ("signalements", "signal")] {
            key(&mut a, Key::char('w'));
            if lang == Lang::En {
                typed(
                    &mut a,
                    if name == "overview" {
                        "overview"
                    } else {
                        "reports"
                    },
                );
            } else {
                typed(&mut a, query);
            }
            key(&mut a, Key::plain(KeyCode::Enter));
            insta::assert_snapshot!(format!("{name}_{}_80x24", lang_name(lang)), screen(&a));
        }
        key(&mut a, Key::char('n'));
        insta::assert_snapshot!(
            format!("signalement_form_{}_80x24", lang_name(lang)),
            screen(&a)
        );
        key(&mut a, Key::plain(KeyCode::Esc));
        key(&mut a, Key::char('w'));
        typed(
            &mut a,
            if lang == Lang::En {
                "directory"
            } else {
                "annuaire"
            },
        );
        key(&mut a, Key::plain(KeyCode::Enter));
        key(&mut a, Key::char('n'));
        insta::assert_snapshot!(
            format!("structure_form_{}_80x24", lang_name(lang)),
            screen(&a)
        );
        key(&mut a, Key::plain(KeyCode::Esc));
        key(&mut a, Key::char('c'));
        insta::assert_snapshot!(
            format!("contact_form_{}_80x24", lang_name(lang)),
            screen(&a)
        );
        key(&mut a, Key::plain(KeyCode::Esc));
        key(&mut a, Key::char('r'));
        insta::assert_snapshot!(
            format!("rencontre_form_{}_80x24", lang_name(lang)),
            screen(&a)
        );
    }
}

/// Projets (the list with each one's state and next échéance, the page of the running
/// one, a new séance from it), the cases with how long each waits, and « À faire » with
/// a projet's tâche and a waiting case.
#[test]
fn projets_cases_and_their_a_faire() {
    use carnet::config::keymap::{Key, KeyCode};
    for lang in [Lang::Fr, Lang::En] {
        let l = lang_name(lang);
        let mut a = app(lang, common::frozen_as("demo-projets-300", 300), (80, 24));
        let view = |a: &mut App, fr: &str, en: &str| {
            key(a, Key::char('w'));
            typed(a, if lang == Lang::En { en } else { fr });
            key(a, Key::plain(KeyCode::Enter));
        };
        key(&mut a, Key::char('2'));
        view(&mut a, "projets", "projects");
        key(&mut a, Key::char('j'));
        insta::assert_snapshot!(format!("projets_{l}_80x24"), screen(&a));
        for _ in 0..4 {
            key(&mut a, Key::char('J'));
        }
        insta::assert_snapshot!(format!("projet_page_{l}_80x24"), screen(&a));
        key(&mut a, Key::char('+'));
        insta::assert_snapshot!(format!("seance_form_{l}_80x24"), screen(&a));
        key(&mut a, Key::plain(KeyCode::Esc));
        view(&mut a, "cas de", "mediation cases");
        key(&mut a, Key::char('j'));
        insta::assert_snapshot!(format!("cas_{l}_80x24"), screen(&a));
        key(&mut a, Key::char('1'));
        key(&mut a, Key::char('a'));
        let row = a
            .journal()
            .todo
            .iter()
            .position(|r| matches!(r.subject, carnet::app::journal::Todo::Cas { .. }))
            .unwrap();
        for _ in 0..row {
            key(&mut a, Key::char('j'));
        }
        insta::assert_snapshot!(format!("a_faire_cas_{l}_80x24"), screen(&a));
    }
}

#[test]
fn documentation_form_history_and_review() {
    use carnet::config::keymap::{Key, KeyCode};
    for lang in [Lang::Fr, Lang::En] {
        let mut data = common::frozen(60);
        data.fiches[0].revisions.push(carnet::domain::Revision {
            date: carnet::domain::Timestamp(
                common::now().and_utc().timestamp_millis() - 86_400_000,
            ),
            resume: "Horaires mis à jour".into(),
            contenu_precedent: "# Ancien titre\n\nAncienne ligne".into(),
        });
        let id = data.fiches[0].meta.id;
        let mut a = app(lang, data, (80, 24));
        key(&mut a, Key::char('3'));
        key(&mut a, Key::char('n'));
        insta::assert_snapshot!(format!("fiche_form_{}_80x24", lang_name(lang)), screen(&a));
        key(&mut a, Key::plain(KeyCode::Esc));
        common::walk_to_fiche(&mut a, id);
        key(&mut a, Key::char('t'));
        key(&mut a, Key::plain(KeyCode::Enter));
        insta::assert_snapshot!(format!("history_{}_80x24", lang_name(lang)), screen(&a));
        key(&mut a, Key::plain(KeyCode::Esc));
        key(&mut a, Key::char('a'));
        insta::assert_snapshot!(format!("to_review_{}_80x24", lang_name(lang)), screen(&a));
        key(&mut a, Key::char('p'));
        key(&mut a, Key::char('j'));
        insta::assert_snapshot!(format!("plan_{}_80x24", lang_name(lang)), screen(&a));
    }
}

#[test]
fn coverage_view() {
    use carnet::config::keymap::Key;
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang, common::frozen(300), (80, 24));
        key(&mut a, Key::char('4'));
        key(&mut a, Key::char('a'));
        insta::assert_snapshot!(format!("coverage_{}_80x24", lang_name(lang)), screen(&a));
    }
}

#[test]
fn profil_view() {
    use carnet::config::keymap::Key;
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang, common::frozen(300), (80, 24));
        key(&mut a, Key::char('4'));
        a.show_comp_view(carnet::app::CompView::Profil);
        insta::assert_snapshot!(format!("profil_{}_80x24", lang_name(lang)), screen(&a));
    }
}

#[test]
fn evidence_modal() {
    use carnet::config::keymap::{Key, KeyCode};
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang, common::frozen(300), (80, 24));
        key(&mut a, Key::char('4'));
        key(&mut a, Key::char('j'));
        key(&mut a, Key::plain(KeyCode::Enter));
        insta::assert_snapshot!(format!("evidence_{}_80x24", lang_name(lang)), screen(&a));
    }
}

#[test]
fn dossier_view() {
    use carnet::config::keymap::Key;
    for lang in [Lang::Fr, Lang::En] {
        let mut a = app(lang, common::frozen(300), (80, 24));
        key(&mut a, Key::char('4'));
        a.show_comp_view(carnet::app::CompView::Dossier);
        key(&mut a, Key::char('j'));
        insta::assert_snapshot!(format!("dossier_{}_80x24", lang_name(lang)), screen(&a));
    }
}

#[test]
fn a_long_message_is_shown_whole_and_the_footer_keeps_help_and_quit() {
    for (lang, end, help, quit) in [
        (Lang::Fr, "contenu.", "? Aide", "q Quitter"),
        (Lang::En, "first.", "? Help", "q Quit"),
    ] {
        let mut a = app(lang, common::frozen(50), (60, 20));
        a.apply(Action::TabDocumentation);
        a.apply(Action::Plan);
        // The first section holds fiches: it cannot be deleted, and the message says why.
        a.apply(Action::Delete);
        let s = screen(&a);
        let lines: Vec<&str> = s.lines().collect();
        let footer = lines[lines.len() - 1];
        assert!(footer.contains(help) && footer.contains(quit), "{s}");
        let above = lines[lines.len() - 2];
        assert!(above.trim_end_matches(['"', ' ']).ends_with(end), "{s}");
    }
}
