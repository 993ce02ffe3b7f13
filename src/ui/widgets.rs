//! The reusable pieces every screen is drawn with: one record table, one detail pane,
//! the tab bar, the footer of key hints, the help overlay and the too-small screen.

use super::Theme;
use super::format;
use crate::action::{Action, Context};
use crate::app::{App, Tab, layout};
use crate::config::keymap::Key;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap,
};

pub use crate::app::kinds::Width;
use unicode_width::UnicodeWidthStr;

/// What a screen shows: a table of records and the detail of the selected one.
pub struct ScreenView<'a> {
    pub title: String,
    pub columns: Vec<(String, Width)>,
    pub len: usize,
    /// Builds the cells of row `i`, one line each; called only for visible rows.
    pub row: Box<dyn Fn(usize) -> Vec<Line<'a>> + 'a>,
    /// Text shown when the table has no rows.
    pub empty: Vec<Line<'a>>,
    pub detail_title: String,
    pub detail: Vec<Line<'a>>,
}

fn block<'a>(title: String, theme: &Theme, focused: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(Span::styled(format!(" {title} "), theme.title))
}

pub fn record_table(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, view: &ScreenView) {
    let cursor = app.cursor();
    let block = block(view.title.clone(), theme, true);
    if view.len == 0 {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(view.empty.clone()).wrap(Wrap { trim: false }),
            inner,
        );
        return;
    }
    let height = usize::from(area.height.saturating_sub(3));
    let end = (cursor.offset + height).min(view.len);
    let cells: Vec<Vec<Line>> = (cursor.offset..end).map(|i| (view.row)(i)).collect();
    // What each column holds on screen, its header included (a fitted column shows it whole).
    let content: Vec<u16> = view
        .columns
        .iter()
        .enumerate()
        .map(|(c, (title, width))| {
            let rows = cells.iter().filter_map(|r| r.get(c)).map(Line::width);
            let header = match width {
                Width::Fit(_) => title.width(),
                _ => 0,
            };
            u16::try_from(rows.fold(header, usize::max)).unwrap_or(u16::MAX)
        })
        .collect();
    let specs: Vec<Width> = view.columns.iter().map(|(_, w)| *w).collect();
    let gaps = u16::try_from(view.columns.len().saturating_sub(1)).unwrap_or(0);
    // Borders, the selection mark and one space between columns.
    let available = area.width.saturating_sub(3 + gaps);
    let widths_cells = column_widths(available, &specs, &content);
    // A column of right-aligned figures has its header over them.
    let right: Vec<bool> = (0..view.columns.len())
        .map(|c| {
            cells
                .iter()
                .filter_map(|r| r.get(c))
                .any(|l| l.alignment == Some(ratatui::layout::Alignment::Right) && l.width() > 0)
        })
        .collect();
    let rows: Vec<Row> = cells
        .into_iter()
        .map(|r| {
            Row::new(
                r.into_iter()
                    .zip(&widths_cells)
                    .map(|(line, w)| Cell::from(cut_line(line, usize::from(*w)))),
            )
        })
        .collect();
    let header = Row::new(
        view.columns
            .iter()
            .zip(&right)
            .map(|((title, _), right)| {
                let title = Line::from(title.clone());
                Cell::from(if *right { title.right_aligned() } else { title })
            })
            .collect::<Vec<_>>(),
    )
    .style(theme.header);
    let widths = widths_cells.iter().copied().map(Constraint::Length);
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(theme.selected)
        .highlight_symbol("▌")
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    let mut state =
        TableState::default().with_selected(Some(cursor.selected.saturating_sub(cursor.offset)));
    frame.render_stateful_widget(table, area, &mut state);
}

/// A cell's line in at most `width` cells: a cut one ends with « … », so a reader knows
/// there is more (in the detail pane).
fn cut_line(line: Line<'_>, width: usize) -> Line<'_> {
    if line.width() <= width {
        return line;
    }
    let mut room = width.saturating_sub(1);
    let mut spans = Vec::new();
    for span in line.spans {
        if room == 0 {
            break;
        }
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if w > room {
                room = 0;
                break;
            }
            room -= w;
            kept.push(c);
        }
        spans.push(Span::styled(kept, span.style));
    }
    // « Maison des… », not « Maison des … ».
    while spans.len() > 1
        && spans
            .last()
            .is_some_and(|s| s.content.trim_end().is_empty())
    {
        spans.pop();
    }
    if let Some(last) = spans.last_mut() {
        let trimmed = last.content.trim_end().len();
        last.content.to_mut().truncate(trimmed);
    }
    let style = spans.last().map(|s| s.style).unwrap_or_default();
    if width > 0 {
        spans.push(Span::styled("…", style));
    }
    Line::from(spans).style(line.style)
}

/// The width of each column in `available` cells: fixed and fitted columns first, then the
/// main text keeps at least its minimum and half of the rest, shared columns get their part
/// of what is left (by weight, never more than their content, what one does not need going
/// to the others), and the main text takes the remainder. More width means more text.
pub fn column_widths(available: u16, specs: &[Width], content: &[u16]) -> Vec<u16> {
    let content_of = |i: usize| content.get(i).copied().unwrap_or(0);
    let mut out: Vec<u16> = specs
        .iter()
        .enumerate()
        .map(|(i, w)| match w {
            Width::Fixed(n) => *n,
            Width::Fit(max) => content_of(i).min(*max),
            Width::Share(_) | Width::Main(_) => 0,
        })
        .collect();
    let rest = available.saturating_sub(out.iter().fold(0, |a, w| a.saturating_add(*w)));
    let main = specs.iter().position(|w| matches!(w, Width::Main(_)));
    let main_floor = match main.map(|i| specs[i]) {
        Some(Width::Main(min)) => min.max(rest / 2).min(rest),
        _ => 0,
    };
    let mut budget = rest - main_floor;
    let mut open: Vec<usize> = (0..specs.len())
        .filter(|i| matches!(specs[*i], Width::Share(_)))
        .collect();
    let weight = |i: usize| match specs[i] {
        Width::Share(w) => u32::from(w.max(1)),
        _ => 1,
    };
    while !open.is_empty() {
        let total: u32 = open.iter().map(|i| weight(*i)).sum();
        let part =
            |i: usize| u16::try_from(u32::from(budget) * weight(i) / total).unwrap_or(u16::MAX);
        // Columns whose content fits in their part take just that; the others share again.
        let (small, large): (Vec<usize>, Vec<usize>) =
            open.iter().partition(|i| content_of(**i) <= part(**i));
        if small.is_empty() {
            let parts: Vec<(usize, u16)> = large.iter().map(|i| (*i, part(*i))).collect();
            for (i, w) in parts {
                out[i] = w;
                budget -= w;
            }
            break;
        }
        for i in small {
            out[i] = content_of(i);
            budget -= content_of(i);
        }
        open = large;
    }
    match main {
        Some(i) => out[i] = main_floor + budget,
        // Without a main text, the last shared column takes what is left.
        None => {
            if let Some(i) = specs.iter().rposition(|w| matches!(w, Width::Share(_))) {
                out[i] += budget;
            }
        }
    }
    out
}

pub fn detail(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, view: &ScreenView) {
    let block = block(view.detail_title.clone(), theme, false);
    let inner = block.inner(area);
    let text = Paragraph::new(view.detail.clone()).wrap(Wrap { trim: false });
    // Never scroll past the last line: the pane would look empty.
    let max = text
        .line_count(inner.width)
        .saturating_sub(usize::from(inner.height));
    app.detail_max_scroll.set(max);
    let scroll = u16::try_from(app.detail_scroll.min(max)).unwrap_or(u16::MAX);
    frame.render_widget(text.block(block).scroll((scroll, 0)), area);
}

pub fn tabs_bar(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let wide = area.width >= layout::SIDE_BY_SIDE_WIDTH;
    let mut spans = Vec::new();
    if wide {
        spans.push(Span::styled(" Carnet ", theme.title));
    }
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let style = if *tab == app.tab {
            theme.tab_active
        } else {
            theme.tab
        };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            format!(" {} {} ", i + 1, app.t(tab.title_id())),
            style,
        ));
    }
    let left = Line::from(spans);
    // Narrow screens keep the tabs whole and drop the date before the demo badge.
    let mut right = if wide {
        format::date(app.today)
    } else {
        String::new()
    };
    if app.demo {
        right = if right.is_empty() {
            app.t("demo-badge")
        } else {
            format!("{} · {right}", app.t("demo-badge"))
        };
    }
    let right_width = u16::try_from(right.width() + 1).unwrap_or(0);
    let [l, r] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(area);
    frame.render_widget(Paragraph::new(left), l);
    frame.render_widget(Paragraph::new(Line::styled(right, theme.dim)), r);
}

/// Where an action means something narrower in one context (Enter opens a record among a
/// competence's evidence), the Fluent id of that meaning, for the footer and for help.
fn context_label(context: Context, action: Action) -> Option<&'static str> {
    match (context, action) {
        (Context::History, Action::Select) => Some("action-show-changes"),
        (Context::Evidence, Action::Select) => Some("action-open-record"),
        (Context::Evidence, Action::New) => Some("action-add-link"),
        (Context::Evidence, Action::Delete) => Some("action-unlink"),
        _ => None,
    }
}

/// The label of an action in the footer: the same as in help, except where one key means
/// a tab's own view ("À relancer" in the Réseau tab).
fn hint_label(app: &App, action: Action) -> String {
    action_label(app, app.context(), action, true)
}

/// What an action does on the current screen; `short` for the footer (the help keeps the
/// full names).
fn action_label(app: &App, context: Context, action: Action, short: bool) -> String {
    if let Some(id) = context_label(context, action) {
        return app.t(id);
    }
    if matches!(app.modals.last(), Some(crate::app::Modal::Guard { .. })) {
        match action {
            Action::Yes => return app.t("action-save-anyway"),
            Action::Cancel => return app.t("action-back-to-form"),
            _ => {}
        }
    }
    match (app.tab, action) {
        (Tab::Documentation, Action::Timeline) => app.t("action-history"),
        // The footer must fit 80 columns; the help keeps the full names.
        (Tab::Bilan, Action::Edit) if short => app.t("action-bilan-open-short"),
        (Tab::Bilan, Action::Edit) => app.t("action-bilan-open"),
        (Tab::Bilan, Action::Filter) => app.t("action-bilan-range"),
        (Tab::Bilan, Action::New) if short => app.t("action-new-bilan-short"),
        (Tab::Bilan, Action::New) => app.t("action-new-bilan"),
        (Tab::Bilan, Action::PrevPeriod) if short => app.t("action-prev-period-short"),
        (Tab::Bilan, Action::NextPeriod) if short => app.t("action-next-period-short"),
        (Tab::Bilan, Action::CyclePeriod) if short => app.t("action-cycle-period-short"),
        (Tab::Competences, Action::New) if app.comp.view == crate::app::CompView::Dossier => {
            app.t("action-new-exemple")
        }
        (Tab::Competences, Action::New) => app.t("action-new-analyse"),
        (Tab::Competences, Action::Edit) if app.comp.view == crate::app::CompView::Profil => {
            app.t("action-edit-profil")
        }
        (Tab::Competences, Action::Edit)
            if matches!(
                app.comp.view,
                crate::app::CompView::Referentiel | crate::app::CompView::Coverage
            ) =>
        {
            app.t("action-evidence")
        }
        (Tab::Documentation, Action::Todo) => app.t(match app.docs.mode {
            crate::app::DocsMode::AReviser => "action-all-fiches",
            _ => "action-to-review",
        }),
        (Tab::Documentation, Action::New) if app.docs.mode == crate::app::DocsMode::Plan => {
            app.t("action-new-node")
        }
        (Tab::Documentation, Action::Edit) if app.docs.mode == crate::app::DocsMode::Plan => {
            app.t("action-rename-node")
        }
        (Tab::Documentation, Action::Plan) if app.docs.mode == crate::app::DocsMode::Plan => {
            app.t("action-back-to-fiches")
        }
        // The footer must fit 80 columns; the help keeps the full name.
        (Tab::Documentation, Action::Plan) if short => app.t("action-plan-short"),
        (Tab::Competences, Action::Todo) if app.comp.view == crate::app::CompView::Dossier => {
            app.t("action-accept-warning")
        }
        (_, Action::Export) if short => app.t("action-export-short"),
        (_, Action::Erase) if short => app.t("action-erase-short"),
        (Tab::Competences, Action::Todo) => {
            app.t(if app.comp.view == crate::app::CompView::Coverage {
                "action-referentiel"
            } else {
                "action-coverage"
            })
        }
        (Tab::Reseau, Action::Todo) => app.t(match app.reseau.mode {
            crate::app::ReseauMode::Relancer => "action-directory",
            _ => "action-todo-reseau",
        }),
        _ => app.t(&format!("action-{}", action.name())),
    }
}

/// A key as the user's keyboard names it (Entrée, Échap… in French).
pub fn key_name(app: &App, key: Key) -> String {
    use crate::config::keymap::KeyCode;
    let mut name = String::new();
    if key.mods.ctrl {
        name.push_str("Ctrl-");
    }
    if key.mods.alt {
        name.push_str("Alt-");
    }
    if key.mods.shift && key.code != KeyCode::BackTab {
        name.push_str(&app.t("key-shift"));
        name.push('-');
    }
    let id = match key.code {
        KeyCode::Enter => "key-enter",
        KeyCode::Esc => "key-esc",
        KeyCode::Char(' ') => "key-space",
        KeyCode::BackTab => "key-backtab",
        KeyCode::Home => "key-home",
        KeyCode::End => "key-end",
        KeyCode::Backspace => "key-backspace",
        KeyCode::Delete => "key-delete",
        KeyCode::PageUp => "key-pageup",
        KeyCode::PageDown => "key-pagedown",
        // The rest (letters, arrows, F-keys) read the same in both languages; a letter
        // with Ctrl is written in capitals, as the keymap's own names do.
        KeyCode::Char(c) if key.mods.ctrl => {
            name.push(c.to_ascii_uppercase());
            return name;
        }
        _ => {
            let bare = Key {
                mods: crate::config::keymap::Mods::default(),
                ..key
            };
            name.push_str(&bare.to_string());
            return name;
        }
    };
    name.push_str(&app.t(id));
    name
}

/// Keys of an action as bound in a context, looking through its layers.
fn keys_in(app: &App, context: Context, action: Action) -> Vec<Key> {
    context
        .layers()
        .iter()
        .map(|layer| app.config.keymap.keys_for(*layer, action))
        .find(|keys| !keys.is_empty())
        .map(<[Key]>::to_vec)
        .unwrap_or_default()
}

/// The hints that fit in `width` columns, in order. Help and quit are never the ones left
/// out: help lists every key, so the footer can drop the others from its end.
fn fit_hints(hints: Vec<(Action, [Span<'static>; 2])>, width: u16) -> Vec<Span<'static>> {
    let kept = |a: Action| matches!(a, Action::Help | Action::Quit);
    let hint_width = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
    let mut room = usize::from(width).saturating_sub(
        hints
            .iter()
            .filter(|(a, _)| kept(*a))
            .map(|(_, s)| hint_width(s))
            .sum(),
    );
    let mut spans = Vec::new();
    for (action, pair) in hints {
        if !kept(action) {
            let w = hint_width(&pair);
            if w > room {
                // Later hints would skip this one and read out of order: stop here.
                room = 0;
                continue;
            }
            room -= w;
        }
        spans.extend(pair);
    }
    spans
}

pub fn footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let context = app.context();
    // Each hint is a key and its label; they are laid out once the room is known.
    let mut hints: Vec<(Action, [Span; 2])> = Vec::new();
    for action in app.hints() {
        let keys = keys_in(app, context, *action);
        if keys.is_empty() {
            continue;
        }
        // One key only: the footer must fit 80 columns; help lists them all. "Yes" is
        // o (oui) in French and y in English when both are bound.
        let yes = match app.i18n.lang() {
            crate::domain::Lang::Fr => 'o',
            crate::domain::Lang::En => 'y',
        };
        let key = keys
            .iter()
            .find(|k| *action == Action::Yes && k.code == crate::config::keymap::KeyCode::Char(yes))
            .unwrap_or(&keys[0]);
        hints.push((
            *action,
            [
                Span::styled(format!(" {}", key_name(app, *key)), theme.key),
                Span::styled(format!(" {} ", hint_label(app, *action)), theme.dim),
            ],
        ));
    }
    let status = if let Some(status) = &app.status {
        Some(Span::styled(
            format!(" {} ", status.text),
            if status.error { theme.warn } else { theme.key },
        ))
    } else if app.decode_failures > 0 {
        Some(Span::styled(
            app.i18n.t_args(
                "status-decode-failures",
                &[crate::i18n::arg("count", app.decode_failures)],
            ),
            theme.warn,
        ))
    } else {
        None
    };
    // A message takes the room it needs and the other hints give way; help and quit stay.
    // A message too long for what they leave is shown whole on lines above the footer.
    let kept_width: usize = hints
        .iter()
        .filter(|(a, _)| matches!(a, Action::Help | Action::Quit))
        .flat_map(|(_, spans)| spans.iter().map(Span::width))
        .sum();
    let room = usize::from(area.width).saturating_sub(kept_width + 1);
    let (inline, above) = match status {
        Some(s) if s.width() > room => (None, Some(s)),
        s => (s, None),
    };
    let status_width = inline.as_ref().map_or(0, |s| s.width() + 1);
    let [l, r] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(u16::try_from(status_width).unwrap_or(0)),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Line::from(fit_hints(hints, l.width))), l);
    if let Some(status) = inline {
        frame.render_widget(Paragraph::new(Line::from(status)), r);
    }
    if let Some(status) = above {
        let width = usize::from(area.width.saturating_sub(2)).max(1);
        let lines: Vec<Line> = format::wrap_words(status.content.trim(), width)
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), status.style))
            .collect();
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(area.y);
        let rect = Rect::new(area.x, area.y - height, area.width, height);
        frame.render_widget(Clear, rect);
        // The last lines, if ever there were more than the screen: they hold the outcome.
        let skip = lines.len() - usize::from(height);
        frame.render_widget(
            Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()),
            rect,
        );
    }
}

/// Help is generated from the keymap: every binding of the contexts the user can be in;
/// the « cadre légal » card ends it.
pub fn help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, scroll: usize) {
    let mut lines = Vec::new();
    let section = |lines: &mut Vec<Line<'static>>,
                   title: String,
                   context: Context,
                   actions: &mut dyn Iterator<Item = Action>| {
        lines.push(Line::styled(title, theme.heading));
        for action in actions {
            let keys = keys_in(app, context, action);
            if keys.is_empty() {
                continue;
            }
            let keys = keys
                .iter()
                .map(|k| key_name(app, *k))
                .collect::<Vec<_>>()
                .join(", ");
            let label = match context_label(context, action) {
                Some(id) => app.t(id),
                None if context == Context::List => action_label(app, context, action, false),
                None => app.t(&format!("action-{}", action.name())),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<18} "), theme.key),
                Span::raw(label),
            ]));
        }
        lines.push(Line::raw(""));
    };
    // The screen the help was opened from comes first, then what works everywhere, then
    // the other contexts (search, forms, pickers…).
    let under = app.context_under_help();
    // Over a form, the screen is that form.
    let form_title = app.modals.iter().rev().find_map(|m| match m {
        crate::app::Modal::Form(form) if under == Context::Form => Some(form.title),
        _ => None,
    });
    let screen = app.t(form_title.unwrap_or(app.tab.title_id()));
    section(
        &mut lines,
        app.i18n
            .t_args("help-this-screen", &[crate::i18n::arg("screen", screen)]),
        under,
        &mut app.screen_actions().into_iter(),
    );
    for context in Context::ALL {
        if context == Context::Help {
            continue;
        }
        let bindings: Vec<Action> = app
            .config
            .keymap
            .bindings(context)
            .iter()
            .map(|(action, _)| *action)
            .collect();
        section(
            &mut lines,
            app.t(&format!("context-{}", context.name())),
            context,
            &mut bindings.into_iter(),
        );
    }
    // The editing keys of text fields are the text input's own, not the keymap's.
    lines.push(Line::styled(app.t("help-text-title"), theme.heading));
    for (keys, id) in text_editing_keys() {
        let keys = keys
            .iter()
            .map(|k| key_name(app, *k))
            .collect::<Vec<_>>()
            .join(", ");
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<18} "), theme.key),
            Span::raw(app.t(id)),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t("help-config"), theme.dim));
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t("cadre-legal-title"), theme.heading));
    lines.extend(cadre_legal_lines(app, theme));
    scrolling_popup(frame, area, theme, app.t("help-title"), lines, scroll);
}

/// The keys `app::input::Input` handles in a text field, with their help's message id.
fn text_editing_keys() -> Vec<(Vec<Key>, &'static str)> {
    use crate::config::keymap::{KeyCode, Mods};
    let ctrl = |code| {
        Key::new(
            code,
            Mods {
                ctrl: true,
                ..Mods::default()
            },
        )
    };
    vec![
        (
            vec![ctrl(KeyCode::Left), ctrl(KeyCode::Right)],
            "help-text-words",
        ),
        (vec![ctrl(KeyCode::Char('w'))], "help-text-delete-word"),
        (
            vec![ctrl(KeyCode::Char('u')), ctrl(KeyCode::Char('k'))],
            "help-text-delete-line",
        ),
        (
            vec![ctrl(KeyCode::Char('z')), ctrl(KeyCode::Char('y'))],
            "help-text-undo",
        ),
        (vec![Key::plain(KeyCode::Enter)], "help-text-newline"),
        (
            vec![Key::plain(KeyCode::Up), Key::plain(KeyCode::Down)],
            "help-text-rows",
        ),
        (
            vec![Key::plain(KeyCode::Home), Key::plain(KeyCode::End)],
            "help-text-row-ends",
        ),
        (
            vec![ctrl(KeyCode::Home), ctrl(KeyCode::End)],
            "help-text-ends",
        ),
        (
            vec![Key::plain(KeyCode::PageUp), Key::plain(KeyCode::PageDown)],
            "help-text-pages",
        ),
    ]
}

/// The « cadre légal » card alone, opened from the form of an événement de sécurité.
pub fn cadre_legal(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, scroll: usize) {
    let lines = cadre_legal_lines(app, theme);
    scrolling_popup(
        frame,
        area,
        theme,
        app.t("cadre-legal-title"),
        lines,
        scroll,
    );
}

/// The emergency numbers first (what is needed in a hurry), then the duties.
fn cadre_legal_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let card = &app.config.cadre_legal;
    let lang = app.i18n.lang();
    let mut lines = vec![Line::styled(app.t("cadre-legal-numeros"), theme.label)];
    for n in &card.numeros {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:>5}  ", n.numero), theme.key),
            Span::raw(crate::domain::text::one_line(n.label(lang))),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t("cadre-legal-devoirs"), theme.label));
    for d in &card.devoirs {
        lines.push(Line::raw(format!(
            "• {}",
            crate::domain::text::one_line(d.get(lang))
        )));
    }
    lines
}

/// A centred box of wrapped lines, scrolled (help, the cadre légal card).
fn scrolling_popup(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    title: String,
    lines: Vec<Line<'static>>,
    scroll: usize,
) {
    let width = area.width.saturating_sub(8).clamp(20, 76);
    let height = area.height.saturating_sub(4);
    let popup = Rect::new(
        area.x + (area.width.saturating_sub(width)) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    );
    let inner_height = usize::from(height.saturating_sub(2));
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    // Wrapped lines count, not source lines: the last ones must be reachable.
    let total = paragraph.line_count(width.saturating_sub(2));
    let max_scroll = total.saturating_sub(inner_height);
    let scroll = u16::try_from(scroll.min(max_scroll)).unwrap_or(0);
    let paragraph = paragraph
        .block(block(title, theme, true))
        .scroll((scroll, 0));
    frame.render_widget(Clear, popup);
    frame.render_widget(paragraph, popup);
}

pub fn too_small(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let text = app.i18n.t_args(
        "too-small",
        &[
            crate::i18n::arg("width", layout::MIN_WIDTH),
            crate::i18n::arg("height", layout::MIN_HEIGHT),
            crate::i18n::arg("current_width", area.width),
            crate::i18n::arg("current_height", area.height),
            crate::i18n::arg(
                "quit",
                keys_in(app, Context::Global, Action::Quit)
                    .first()
                    .map(|k| key_name(app, *k))
                    .unwrap_or_default(),
            ),
        ],
    );
    let paragraph = Paragraph::new(text)
        .style(theme.warn)
        .wrap(Wrap { trim: true })
        .centered();
    let y = area.height / 3;
    frame.render_widget(
        paragraph,
        Rect::new(area.x, area.y + y, area.width, area.height - y),
    );
}

/// A "label: value" line for detail panes; the value is sanitised store text. Empty values
/// give no line, so details stay short.
pub fn field<'a>(app: &App, theme: &Theme, label_id: &str, value: &str) -> Option<Line<'a>> {
    let value = crate::domain::text::one_line(value);
    if value.is_empty() {
        return None;
    }
    Some(Line::from(vec![
        label_span(app, theme, label_id),
        Span::raw(value),
    ]))
}

/// "Label : " as each language writes it (French puts a no-break space before the colon).
pub fn label_span<'a>(app: &App, theme: &Theme, label_id: &str) -> Span<'a> {
    Span::styled(format!("{}{}", app.t(label_id), colon(app)), theme.label)
}

/// A colon before a value, as each language writes it.
fn colon(app: &App) -> &'static str {
    match app.i18n.lang() {
        crate::domain::Lang::Fr => "\u{a0}: ",
        crate::domain::Lang::En => ": ",
    }
}

/// A heading line inside a detail pane.
pub fn heading<'a>(theme: &Theme, text: String) -> Line<'a> {
    Line::styled(text, theme.heading)
}

/// Multi-line store text, sanitised, one `Line` per line.
pub fn paragraph_lines<'a>(text: &str, style: Style) -> Vec<Line<'a>> {
    crate::domain::text::sanitize(text, true)
        .lines()
        .map(|l| Line::styled(l.to_string(), style))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Width::*;

    // The Journal's columns: day, time, duration, types, thématiques, demande.
    const JOURNAL: [Width; 6] = [Fit(10), Fixed(5), Fit(7), Share(3), Share(2), Main(31)];
    const CONTENT: [u16; 6] = [10, 5, 6, 40, 25, 90];

    #[test]
    fn the_main_text_keeps_its_minimum_at_80_columns_and_grows_with_the_terminal() {
        // 80 columns: borders, selection mark and five gaps leave 72 cells.
        let at_80 = column_widths(72, &JOURNAL, &CONTENT);
        assert_eq!(at_80.iter().sum::<u16>(), 72);
        assert!(at_80[5] >= 31, "{at_80:?}");
        assert_eq!(
            &at_80[..3],
            &[10, 5, 6],
            "short columns shrink to their content"
        );
        let at_120 = column_widths(112, &JOURNAL, &CONTENT);
        assert_eq!(at_120.iter().sum::<u16>(), 112);
        assert!(at_120[5] > at_80[5] && at_120[3] > at_80[3], "{at_120:?}");
    }

    #[test]
    fn a_shared_column_takes_no_more_than_its_content_and_gives_the_rest_away() {
        let w = column_widths(112, &JOURNAL, &[10, 5, 6, 30, 8, 90]);
        assert_eq!(w[4], 8);
        assert_eq!(w[3], 30, "the types take what the themes left: {w:?}");
        assert_eq!(w[5], 112 - 21 - 38, "the main text takes the rest");
    }

    #[test]
    fn a_narrow_table_never_overflows() {
        for available in [0, 10, 25, 40] {
            let w = column_widths(available, &JOURNAL, &CONTENT);
            let fixed: u16 = 21;
            assert!(
                w.iter().sum::<u16>() <= available.max(fixed),
                "{available}: {w:?}"
            );
        }
    }

    #[test]
    fn a_cut_cell_ends_with_an_ellipsis_and_keeps_its_style() {
        let style = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let line = Line::from(vec![
            Span::raw("Maison "),
            Span::styled("des Solidarités", style),
        ]);
        let cut = cut_line(line, 12);
        assert_eq!(cut.to_string(), "Maison des…");
        assert_eq!(cut.spans.last().map(|s| s.style), Some(style));
        assert_eq!(cut_line(Line::raw("court"), 12).to_string(), "court");
        assert_eq!(cut_line(Line::raw("été 🙂 ok"), 6).to_string(), "été…");
        assert_eq!(cut_line(Line::raw("🙂🙂🙂"), 4).to_string(), "🙂…");
    }
}
