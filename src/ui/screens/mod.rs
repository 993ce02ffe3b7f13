//! The five tabs, one module each, each view declared as a table (columns and a row
//! builder) and a detail pane for the selected record, drawn by the shared widgets. What
//! the views share is here.

use super::Theme;
use super::format;
use super::modals::highlighted;
use super::widgets::{ScreenView, Width, field, heading, label_span, paragraph_lines};
use crate::app::docs::Review;
use crate::app::journal::{Mode, Period};
use crate::app::kinds::MAIN_MIN;
use crate::app::network::{Reason, Subject};
use crate::app::{App, CompView, CompetenceRow, DocsMode, EvidenceCount, ReseauMode, Tab};
use crate::domain::text::one_line;
use crate::domain::*;
use crate::i18n::arg;
use chrono::NaiveDate;
use ratatui::text::{Line, Span};

mod bilan;
mod competences;
mod documentation;
mod journal;
mod reseau;

use bilan::*;
use competences::*;
use documentation::*;
use journal::*;
use reseau::*;

pub fn current<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    match app.tab {
        Tab::Journal => journal(app, theme),
        Tab::Reseau => reseau(app, theme),
        Tab::Documentation => documentation(app, theme),
        Tab::Competences => competences(app, theme),
        Tab::Bilan => bilan(app, theme),
    }
}

/// A table title with the number of records, e.g. "Journal · 1 500".
fn counted(app: &App, title_id: &str, len: usize) -> String {
    format!("{} · {}", app.t(title_id), format::count(lang(app), len))
}

fn col(app: &App, id: &str, width: Width) -> (String, Width) {
    (app.t(id), width)
}

fn empty_store<'a>(app: &App, theme: &Theme, id: &str) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(app.t(id), theme.header), Line::raw("")];
    if app.data.is_empty() {
        // A new carnet: the first steps, in the order that makes the rest easier.
        lines.push(Line::styled(app.t("empty-first-steps"), theme.heading));
        for step in [
            "empty-step-profil",
            "empty-step-reseau",
            "empty-step-interaction",
        ] {
            lines.push(Line::raw(app.t(step)));
        }
        lines.push(Line::raw(""));
        for hint in ["empty-start-demo", "empty-start-import"] {
            lines.push(Line::styled(app.t(hint), theme.dim));
        }
    }
    lines
}

fn cell<'a>(text: impl AsRef<str>) -> Line<'a> {
    Line::from(one_line(text.as_ref()))
}

fn selected(app: &App, order: &[usize]) -> Option<usize> {
    order.get(app.cursor().selected).copied()
}

fn lang(app: &App) -> Lang {
    app.i18n.lang()
}

fn push(lines: &mut Vec<Line<'_>>, line: Option<Line<'static>>) {
    if let Some(line) = line {
        lines.push(line);
    }
}

fn evidence_lines(app: &App, theme: &Theme, meta: &RecordMeta, lines: &mut Vec<Line<'static>>) {
    if meta.evidence.is_empty() {
        return;
    }
    lines.push(Line::raw(""));
    lines.push(heading(theme, app.t("detail-evidence")));
    for link in &meta.evidence {
        let (id, label) = match app.config.referentiel.find(&link.competence) {
            Some((_, c)) => (c.id.clone(), c.label(lang(app)).to_string()),
            None => (link.competence.to_string(), app.t("competence-orphan")),
        };
        let strength = app.t(match link.strength {
            Strength::Principale => "strength-principale",
            Strength::Secondaire => "strength-secondaire",
        });
        lines.push(Line::from(vec![
            Span::styled(format!("{id} "), theme.key),
            Span::raw(format!("{label} ({strength})")),
        ]));
        if !link.justification.is_empty() {
            lines.push(Line::styled(
                format!("  « {} »", one_line(&link.justification)),
                theme.dim,
            ));
        }
    }
}

/// A searchable list's title: its count (shown / total when narrowed), the filters in
/// force, and the search as typed (with a cursor while typing).
fn list_title(
    app: &App,
    title_id: &str,
    (shown, total): (Option<usize>, usize),
    narrowed: bool,
    filters: &[String],
    search: Option<(&str, bool)>,
) -> String {
    let mut title = if narrowed {
        // `None` while a search is still looking: the count of the last query would be wrong.
        format!(
            "{} · {} / {}",
            app.t(title_id),
            shown.map_or_else(|| "…".to_string(), |n| format::count(lang(app), n)),
            format::count(lang(app), total)
        )
    } else {
        counted(app, title_id, total)
    };
    if !filters.is_empty() {
        title.push_str(&format!(" · {}", filters.join(", ")));
    }
    if let Some((query, typing)) = search {
        let cursor = if typing { "▏" } else { "" };
        title.push_str(&format!(" · / {query}{cursor}"));
    }
    title
}
