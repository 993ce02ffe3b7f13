//! A pure view of the app: `render(frame, &app)` draws, and never changes state.

pub mod format;
pub mod markdown;
mod modals;
mod screens;
pub mod theme;
mod widgets;

use crate::app::journal::Mode;
use crate::app::{App, Load, Modal, Tab, layout};
use crate::config::Env;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
pub use theme::Theme;

pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if layout::too_small((area.width, area.height)) {
        widgets::too_small(frame, app, theme);
        return;
    }
    let screen = layout::screen((area.width, area.height));
    let rect = |a: layout::Area| Rect::new(area.x + a.x, area.y + a.y, a.width, a.height);
    widgets::tabs_bar(frame, rect(screen.tabs), app, theme);
    let loading_line = |frame: &mut Frame, area: Rect| {
        let text = Paragraph::new(Line::styled(app.t("loading"), theme.dim)).centered();
        let body = Rect::new(area.x, area.y + area.height / 2, area.width, 1);
        frame.render_widget(text, body);
    };
    match app.load() {
        // The newest rows are the journal's first screen; what depends on the rest waits.
        Load::Newest
            if app.tab == Tab::Journal
                && app.journal.mode == Mode::List
                && !app.journal.rows.is_empty() =>
        {
            let view = screens::current(app, theme);
            widgets::record_table(frame, rect(screen.list), app, theme, &view);
            loading_line(frame, rect(screen.detail));
        }
        Load::Waiting | Load::Newest => loading_line(frame, area),
        Load::Complete => {
            let view = screens::current(app, theme);
            widgets::record_table(frame, rect(screen.list), app, theme, &view);
            widgets::detail(frame, rect(screen.detail), app, theme, &view);
        }
    }
    // Every modal is drawn, bottom to top: a picker appears over its form.
    for modal in &app.modals {
        match modal {
            Modal::Help { scroll } => widgets::help(frame, area, app, theme, *scroll),
            Modal::CadreLegal { scroll } => widgets::cadre_legal(frame, area, app, theme, *scroll),
            Modal::Form(form) => modals::form(frame, area, app, theme, form),
            Modal::Picker(p) => modals::picker(frame, area, app, theme, p),
            Modal::Confirm { message, .. } => modals::confirm(frame, area, app, theme, message),
            Modal::Guard { warnings } => modals::guard(frame, area, app, theme, warnings),
            Modal::History {
                fiche,
                cursor,
                diff,
            } => modals::history(frame, area, app, theme, *fiche, *cursor, *diff),
            Modal::Evidence { competence, cursor } => {
                modals::evidence(frame, area, app, theme, competence, *cursor)
            }
        }
    }
    // Last: a message too long for the footer's line shows above it, over any modal.
    widgets::footer(frame, rect(screen.footer), app, theme);
}

/// The theme the user asked for, given the environment.
pub fn theme_for(app: &App, env: &Env) -> Theme {
    Theme::new(app.config.mono(env))
}
