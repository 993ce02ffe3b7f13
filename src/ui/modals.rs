//! Forms, pickers and confirmations, drawn over the screen. One form widget draws every
//! entity's form from its declared fields.

use super::Theme;
use crate::app::App;
use crate::app::form::{Field, FieldKind, Form, Options, RefList, StructureRef, SuiviRef, Value};
use crate::app::input::{Input, row_of, wrap_rows};
use crate::app::picker::{Create, Picker};
use crate::privacy::GuardWarning;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::layout::{FORM_LABEL_WIDTH as LABEL_WIDTH, MULTILINE_ROWS, form_text_width};

fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width.saturating_sub(2)).max(10);
    let height = height.min(area.height.saturating_sub(2)).max(3);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

fn frame_block<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focus)
        .title(Span::styled(format!(" {title} "), theme.title))
}

fn option_label(app: &App, options: Options, id: &str) -> String {
    match options {
        Options::Fixed(list) => list
            .iter()
            .find(|(i, _)| *i == id)
            .map_or_else(|| id.to_string(), |(_, label)| app.t(label)),
        other => other.vocab(&app.config.vocab).map_or_else(
            || id.to_string(),
            |v| v.label(id, app.config.lang).into_owned(),
        ),
    }
}

fn competence_label(app: &App, id: &str) -> String {
    match app.config.referentiel.find(id) {
        Some((_, c)) => c.id.clone(),
        None => id.rsplit('/').next().unwrap_or(id).to_string(),
    }
}

/// The labels of a multi-valued field's values, `None` for other fields.
fn value_labels(app: &App, field: &Field) -> Option<Vec<String>> {
    let Value::Multi(ids) = &field.value else {
        return None;
    };
    let labels = match &field.kind {
        FieldKind::Multi(o) => ids.iter().map(|id| option_label(app, *o, id)).collect(),
        FieldKind::Refs(list) => ids
            .iter()
            .map(|id| {
                let id = id.parse::<crate::domain::Id>().ok();
                let name = match list {
                    RefList::Structures => id
                        .and_then(|id| app.data.structure(id))
                        .map(|s| s.nom.to_string()),
                    RefList::Contacts => id
                        .and_then(|id| {
                            app.data
                                .contacts
                                .binary_search_by_key(&id, |c| c.meta.id)
                                .ok()
                        })
                        .map(|i| app.data.contacts[i].nom.to_string()),
                    RefList::Records(kind) | RefList::One(kind) => id.and_then(|id| {
                        crate::app::kinds::summary(&app.ctx(), *kind, id).map(|(date, what)| {
                            format!("{} — {what}", crate::domain::text::date(date))
                        })
                    }),
                    RefList::Interactions => id
                        .and_then(|id| {
                            app.data
                                .interactions
                                .binary_search_by_key(&id, |i| i.meta.id)
                                .ok()
                        })
                        .map(|i| {
                            let it = &app.data.interactions[i];
                            format!(
                                "{} — {}",
                                crate::domain::text::date(it.date),
                                crate::domain::text::one_line(&it.demande)
                            )
                        }),
                };
                name.unwrap_or_else(|| "?".into())
            })
            .collect(),
        FieldKind::Competences => ids.iter().map(|id| competence_label(app, id)).collect(),
        _ => return None,
    };
    Some(labels)
}

/// The value of a field as one line of text (not focused, or not typed).
fn value_text(app: &App, field: &Field) -> String {
    let none = || "—".to_string();
    if let Some(labels) = value_labels(app, field) {
        return if labels.is_empty() {
            none()
        } else {
            labels.join(", ")
        };
    }
    match (&field.kind, &field.value) {
        (_, Value::Text(input)) => crate::domain::text::one_line(input.text()),
        (FieldKind::Choice(o), Value::Choice(Some(id))) => option_label(app, *o, id),
        (_, Value::Bool(b)) => format!(
            "[{}] {}",
            if *b { "x" } else { " " },
            app.t(if *b { "yes" } else { "no" })
        ),
        (_, Value::Structure(Some(StructureRef::Existing(_, nom)))) => nom.to_string(),
        (_, Value::Structure(Some(StructureRef::New { nom, .. }))) => {
            format!("{nom} ({})", app.t("new-record"))
        }
        (_, Value::Suivi(Some(SuiviRef::Existing(_, code)))) => code.to_string(),
        (_, Value::Suivi(Some(SuiviRef::New(code)))) => format!("{code} ({})", app.t("new-record")),
        _ => none(),
    }
}

/// A multi-line text wrapped at `width` as the input wraps it, the window of
/// `MULTILINE_ROWS` around the cursor's row, the cursor shown on its character.
fn multiline_lines<'a>(input: &Input, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let chars: Vec<char> = input.text().chars().collect();
    let cursor = input.cursor().min(chars.len());
    let rows = wrap_rows(&chars, width);
    let cursor_row = row_of(&rows, cursor);
    let first = cursor_row.saturating_sub(MULTILINE_ROWS - 1);
    let text = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    rows.iter()
        .enumerate()
        .skip(first)
        .take(MULTILINE_ROWS)
        .map(|(r, row)| {
            if r != cursor_row {
                return Line::raw(text(row.start, row.end));
            }
            let (at, after) = if cursor < row.end {
                (chars[cursor].to_string(), text(cursor + 1, row.end))
            } else {
                (" ".to_string(), String::new())
            };
            Line::from(vec![
                Span::raw(text(row.start, cursor)),
                Span::styled(at, theme.selected),
                Span::raw(after),
            ])
        })
        .collect()
}

/// A text input with its cursor, scrolled so the cursor stays in `width` columns.
fn input_spans<'a>(input: &Input, width: usize, theme: &Theme, focused: bool) -> Vec<Span<'a>> {
    let chars: Vec<char> = input
        .text()
        .chars()
        .map(|c| if c == '\n' { '↵' } else { c })
        .collect();
    let cursor = input.cursor().min(chars.len());
    if !focused {
        return vec![Span::raw(chars.iter().collect::<String>())];
    }
    if input.is_all_selected() {
        // Shown selected: the next character typed replaces it.
        return vec![Span::styled(
            chars.iter().collect::<String>(),
            theme.selected,
        )];
    }
    // Scroll so that the cursor is visible, measuring display width.
    let mut start = 0;
    let widths: Vec<usize> = chars.iter().map(|c| c.to_string().width()).collect();
    while widths[start..cursor].iter().sum::<usize>() + 1 > width && start < cursor {
        start += 1;
    }
    let before: String = chars[start..cursor].iter().collect();
    let at: String = chars.get(cursor).map_or(" ".to_string(), |c| c.to_string());
    let after: String = chars.iter().skip(cursor + 1).collect();
    vec![
        Span::raw(before),
        Span::styled(at, theme.selected),
        Span::raw(after),
    ]
}

pub fn form(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, form: &Form) {
    // Forms take the whole body (between the tab bar and the footer): every column counts
    // at 80×24.
    let rect = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(2),
    );
    let block = frame_block(app.t(form.title), theme);
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    if inner.height < 3 {
        return;
    }
    let value_width = usize::from(inner.width)
        .saturating_sub(LABEL_WIDTH + 2)
        .max(8);
    // Where multi-line texts wrap: the input moves its cursor by these rows.
    let text_width = form_text_width(rect.width);
    // Lines of each field: the field itself, then its error or, when focused, its help.
    let mut lines: Vec<Line> = Vec::new();
    let mut focus_line = 0;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        if focused {
            focus_line = lines.len();
        }
        let mut label = app.field_label(field.id);
        if field.required {
            label.push_str(" *");
        }
        let label_style = if focused { theme.selected } else { theme.label };
        // Labels keep their column: a long one is cut with an ellipsis.
        let label = if label.width() > LABEL_WIDTH {
            let mut cut: String = String::new();
            for c in label.chars() {
                if cut.width() + 2 > LABEL_WIDTH {
                    break;
                }
                cut.push(c);
            }
            format!("{cut}…")
        } else {
            label
        };
        let pad = LABEL_WIDTH.saturating_sub(label.width());
        let label = format!("{label}{}", " ".repeat(pad));
        let mut spans = vec![Span::styled(label, label_style), Span::raw("  ")];
        match &field.value {
            Value::Text(input) if field.kind == FieldKind::Multiline && focused => {
                // The text as wrapped rows, a window around the cursor.
                let block = multiline_lines(input, text_width, theme);
                let mut rest = block.into_iter();
                if let Some(first) = rest.next() {
                    spans.extend(first.spans);
                }
                lines.push(Line::from(std::mem::take(&mut spans)));
                for line in rest {
                    let mut indented = vec![Span::raw(" ".repeat(LABEL_WIDTH + 2))];
                    indented.extend(line.spans);
                    lines.push(Line::from(indented));
                }
            }
            Value::Text(input) if field.kind == FieldKind::Multiline => {
                // Its first row, and how many more it has when opened.
                let chars: Vec<char> = input.text().chars().collect();
                let more = wrap_rows(&chars, text_width).len() - 1;
                let suffix = (more > 0).then(|| {
                    format!(
                        " (+{})",
                        app.i18n
                            .t_args("more-lines", &[crate::i18n::arg("count", more)])
                    )
                });
                let room = text_width.saturating_sub(suffix.as_deref().map_or(0, str::width));
                let first = wrap_rows(&chars, room)[0];
                spans.push(Span::raw(
                    chars[first.start..first.end].iter().collect::<String>(),
                ));
                if let Some(suffix) = suffix {
                    spans.push(Span::styled(suffix, theme.dim));
                }
            }
            Value::Text(input) => spans.extend(input_spans(input, value_width, theme, focused)),
            _ => {
                let text = match value_labels(app, field) {
                    // Every value, or as many as fit and "+N": never just the first.
                    Some(labels) if !labels.is_empty() => {
                        super::format::fit_list(&labels, value_width)
                    }
                    _ => value_text(app, field),
                };
                let style = if text == "—" { theme.dim } else { theme.base };
                spans.push(Span::styled(text, style));
            }
        }
        if !spans.is_empty() {
            lines.push(Line::from(spans));
        }
        let hint_id = format!("hint-{}", field.id.replace('_', "-"));
        // Under the field: its error, or when focused its help, wrapped under the value.
        let note = if let Some(error) = field.error {
            Some((format!("⚠ {}", app.t(error)), theme.warn))
        } else if focused
            && let Value::Text(input) = &field.value
            && input.truncated
        {
            Some((format!("⚠ {}", app.t("input-truncated")), theme.warn))
        } else if focused && app.i18n.has(&hint_id) {
            Some((app.t(&hint_id), theme.dim))
        } else if focused && field.kind.opens_picker() {
            Some((app.t("form-hint-picker"), theme.dim))
        } else if focused && field.guarded {
            Some((app.t("guard-reminder"), theme.dim))
        } else {
            None
        };
        if let Some((text, style)) = note {
            let indent = " ".repeat(LABEL_WIDTH + 2);
            for line in super::format::wrap_words(&text, value_width) {
                lines.push(Line::styled(format!("{indent}{line}"), style));
            }
        }
    }
    // An example of the Dossier keeps its writing view in view under the fields.
    let aid = app
        .writing_aid(form)
        .map(|aid| writing_lines(app, theme, &aid, usize::from(inner.width)))
        .filter(|aid| aid.len() + 4 <= usize::from(inner.height))
        .unwrap_or_default();
    let aid_height = u16::try_from(aid.len()).unwrap_or(0);
    let fields = Rect {
        height: inner.height.saturating_sub(aid_height),
        ..inner
    };
    let height = usize::from(fields.height);
    let scroll = focus_line
        .saturating_sub(height.saturating_sub(3) / 2)
        .min(lines.len().saturating_sub(height));
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(visible), fields);
    if !aid.is_empty() {
        let band = Rect {
            y: fields.y + fields.height,
            height: aid_height,
            ..inner
        };
        frame.render_widget(Paragraph::new(aid), band);
    }
}

/// The writing view of an example: a rule, the focused rubrique's expectation, the live
/// page estimate with the questions left, and the relecture checklist — ✓ checked, ✗ to
/// fix, ? for the author to check.
fn writing_lines<'a>(
    app: &App,
    theme: &Theme,
    aid: &crate::app::dossier::WritingAid,
    width: usize,
) -> Vec<Line<'a>> {
    use crate::app::dossier::{MAX_PAGES, page_tenths};
    use crate::i18n::arg;
    let mut out = vec![Line::styled("─".repeat(width), theme.dim)];
    for line in super::format::wrap_words(&app.t(aid.expectation), width) {
        out.push(Line::styled(line, theme.dim));
    }
    let tenths = page_tenths(aid.chars);
    let separator = if app.config.lang == crate::domain::Lang::Fr {
        ","
    } else {
        "."
    };
    let pages = format!("{}{separator}{}", tenths / 10, tenths % 10);
    let over = aid.chars > crate::app::dossier::CHARS_PER_PAGE * MAX_PAGES;
    let mut size = vec![Span::styled(
        app.i18n.t_args(
            if over {
                "writing-pages-over"
            } else {
                "writing-pages"
            },
            &[arg("pages", pages), arg("chars", aid.chars)],
        ),
        if over { theme.warn } else { theme.base },
    )];
    if aid.questions > 0 {
        size.push(Span::raw(" · "));
        size.push(Span::styled(
            app.i18n
                .t_args("writing-questions", &[arg("count", aid.questions)]),
            theme.warn,
        ));
    }
    out.push(Line::from(size));
    let mark = |ok: Option<bool>| match ok {
        Some(true) => ("✓", theme.base),
        Some(false) => ("✗", theme.warn),
        None => ("?", theme.dim),
    };
    let checks = [
        ("writing-check-je", Some(aid.first_person)),
        ("writing-check-une", None),
        ("writing-check-ordre", aid.chronological),
        ("writing-check-resultat", aid.result_open.then_some(false)),
        ("writing-check-anonyme", Some(aid.warnings == 0)),
    ];
    let mut spans = vec![Span::styled(app.t("writing-check"), theme.label)];
    let mut used = spans[0].content.width();
    for (id, ok) in checks {
        let (m, style) = mark(ok);
        let item = format!("{m} {}", app.t(id));
        // Items wrap whole onto the next line, two spaces apart.
        if used + 2 + item.width() > width && used > 0 {
            out.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        if used > 0 {
            spans.push(Span::raw("  "));
            used += 2;
        }
        used += item.width();
        spans.push(Span::styled(item, style));
    }
    out.push(Line::from(spans));
    out
}

pub fn picker(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, p: &Picker) {
    let rows = p.row_count();
    let height = u16::try_from(rows + 4)
        .unwrap_or(u16::MAX)
        .clamp(6, area.height.saturating_sub(4).max(6));
    let rect = popup(area, 70, height);
    let block = frame_block(p.title.clone(), theme);
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let mut lines = vec![Line::from({
        let mut spans = vec![Span::styled("› ", theme.key)];
        spans.extend(input_spans(
            &p.query,
            usize::from(inner.width).saturating_sub(3),
            theme,
            true,
        ));
        spans
    })];
    let list_height = usize::from(inner.height).saturating_sub(1);
    let offset = p.cursor.saturating_sub(list_height.saturating_sub(1));
    for row in offset..rows.min(offset + list_height) {
        let selected = row == p.cursor;
        let line = match p.item_at(row) {
            Some(i) => {
                let item = &p.items[i];
                if item.header {
                    Line::styled(item.label.clone(), theme.group)
                } else {
                    let mark = if p.multi {
                        if p.chosen.contains(&item.id) {
                            "[x] "
                        } else {
                            "[ ] "
                        }
                    } else {
                        ""
                    };
                    Line::from(format!("{mark}{}", item.label))
                }
            }
            None => {
                let text = match &p.create {
                    Some(Create::Structure) => app.i18n.t_args(
                        "picker-create-structure",
                        &[crate::i18n::arg("name", p.query.text().trim().to_string())],
                    ),
                    Some(Create::Suivi(_)) => match p.suivi_code() {
                        Some(code) => app.i18n.t_args(
                            "picker-new-suivi",
                            &[crate::i18n::arg("code", code.to_string())],
                        ),
                        None => app.t("err-suivi-code"),
                    },
                    None => String::new(),
                };
                let invalid =
                    matches!(p.create, Some(Create::Suivi(_))) && p.suivi_code().is_none();
                if invalid {
                    Line::styled(format!("⚠ {text}"), theme.warn)
                } else {
                    Line::styled(format!("+ {text}"), theme.key)
                }
            }
        };
        lines.push(if selected {
            line.style(theme.selected)
        } else {
            line
        });
    }
    if rows == 0 {
        // Nothing to choose yet says what to create; a search that finds nothing, to correct it.
        let message = if p.items.is_empty() || p.query.text().trim().is_empty() {
            p.empty
        } else {
            "picker-none"
        };
        for line in super::format::wrap_words(&app.t(message), usize::from(inner.width)) {
            lines.push(Line::styled(line, theme.dim));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn confirm(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, message: &str) {
    let rect = popup(area, 64, 7);
    let block = frame_block(app.t("confirm-title"), theme);
    frame.render_widget(Clear, rect);
    let text = vec![
        Line::raw(crate::domain::text::one_line(message)),
        Line::raw(""),
        Line::styled(app.t("confirm-keys"), theme.key),
    ];
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: false }),
        rect,
    );
}

pub fn guard(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, warnings: &[GuardWarning]) {
    let height = u16::try_from(warnings.len() + 7).unwrap_or(u16::MAX);
    let rect = popup(area, 76, height);
    let block = frame_block(app.t("guard-title"), theme);
    frame.render_widget(Clear, rect);
    let mut lines = vec![
        Line::styled(app.t("guard-reminder"), theme.header),
        Line::raw(""),
    ];
    for w in warnings {
        let quoted = app.i18n.t_args(
            "quoted",
            &[crate::i18n::arg(
                "text",
                crate::domain::text::one_line(&w.matched),
            )],
        );
        lines.push(Line::from(vec![
            super::widgets::label_span(app, theme, &format!("field-{}", w.field.replace('_', "-"))),
            Span::styled(quoted, theme.warn),
            Span::raw(format!(" — {}", app.t(w.kind.message_id()))),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t("guard-keys"), theme.key));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// Highlights search terms inside a text (the match positions come from folded text).
pub fn highlighted<'a>(text: &str, terms: &[&str], base: Style, mark: Style) -> Vec<Span<'a>> {
    let ranges = crate::search::highlight_ranges(text, terms);
    if ranges.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut at = 0;
    for (s, e) in ranges {
        if s > at {
            spans.push(Span::styled(chars[at..s].iter().collect::<String>(), base));
        }
        spans.push(Span::styled(
            chars[s..e.min(chars.len())].iter().collect::<String>(),
            mark,
        ));
        at = e.min(chars.len());
    }
    if at < chars.len() {
        spans.push(Span::styled(chars[at..].iter().collect::<String>(), base));
    }
    spans
}

/// A fiche's revisions, newest first; with `diff`, the lines the selected one changed.
pub fn history(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    fiche: crate::domain::Id,
    cursor: usize,
    diff: bool,
) {
    let Ok(i) = app.data.fiches.binary_search_by_key(&fiche, |f| f.meta.id) else {
        return;
    };
    let f = &app.data.fiches[i];
    let rect = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(2),
    );
    let block = frame_block(
        app.i18n.t_args(
            "history-title",
            &[crate::i18n::arg(
                "title",
                crate::domain::text::one_line(&f.titre),
            )],
        ),
        theme,
    );
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let count = f.revisions.len();
    let mut lines: Vec<Line> = Vec::new();
    for (row, k) in (0..count).rev().enumerate() {
        let r = &f.revisions[k];
        let when =
            chrono::DateTime::from_timestamp_millis(r.date.0).map_or_else(String::new, |d| {
                d.with_timezone(&chrono::Local)
                    .format("%d/%m/%Y %H:%M")
                    .to_string()
            });
        let line = Line::from(vec![
            Span::styled(format!("{when}  "), theme.key),
            Span::raw(crate::domain::text::one_line(&r.resume)),
        ]);
        lines.push(if row == cursor {
            line.style(theme.selected)
        } else {
            line
        });
    }
    if diff && let Some(k) = count.checked_sub(1 + cursor) {
        let before = f.revisions[k].contenu_precedent.as_str();
        let after = crate::app::docs::text_after(f, k);
        lines.push(Line::raw(""));
        lines.push(Line::styled(app.t("history-diff"), theme.heading));
        // A last line with or without its newline is the same line: compare both ended.
        let ended = |t: &str| {
            if t.ends_with('\n') {
                t.to_string()
            } else {
                format!("{t}\n")
            }
        };
        let (before, after) = (ended(before), ended(after));
        let changes = similar::TextDiff::from_lines(&before, &after);
        if before == after {
            lines.push(Line::styled(app.t("history-diff-same"), theme.dim));
        }
        for change in changes.iter_all_changes() {
            let text = crate::domain::text::sanitize(change.value().trim_end_matches('\n'), false)
                .into_owned();
            let (mark, style) = match change.tag() {
                similar::ChangeTag::Delete => ("- ", theme.warn),
                similar::ChangeTag::Insert => ("+ ", theme.key),
                similar::ChangeTag::Equal => ("  ", theme.dim),
            };
            lines.push(Line::styled(format!("{mark}{text}"), style));
        }
    } else {
        lines.push(Line::raw(""));
        lines.push(Line::styled(app.t("history-hint"), theme.dim));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// The records linked to one competence, one line each (newest first); the selected link's
/// justification below.
pub fn evidence(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    competence: &str,
    cursor: usize,
) {
    let rect = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(2),
    );
    let r = &app.config.referentiel;
    let l = app.i18n.lang();
    let title = match r.find(competence) {
        Some((_, c)) => format!("{} — {}", c.id, c.label(l)),
        None => format!("{competence} — {}", app.t("competence-orphan")),
    };
    let links = app.evidence_links(competence);
    // A long libellé is cut so the count stays in view.
    let count = format!(" · {}", super::format::count(l, links.len()));
    let room = usize::from(rect.width.saturating_sub(4))
        .saturating_sub(unicode_width::UnicodeWidthStr::width(count.as_str()));
    let block = frame_block(
        format!("{}{count}", super::format::ellipsis(&title, room)),
        theme,
    );
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    // Two lines stay for the justification of the selected link.
    let rows = usize::from(inner.height.saturating_sub(2)).max(1);
    let offset = cursor.saturating_sub(rows - 1);
    let mut lines: Vec<Line> = Vec::new();
    if links.is_empty() {
        lines.push(Line::styled(app.t("no-evidence"), theme.dim));
    }
    for (row, link) in links.iter().enumerate().skip(offset).take(rows) {
        let strength = app.t(match link.strength {
            crate::domain::Strength::Principale => "strength-principale-short",
            crate::domain::Strength::Secondaire => "strength-secondaire-short",
        });
        let line = Line::from(vec![
            Span::styled(format!("{} ", super::format::date(link.date)), theme.key),
            Span::styled(format!("{strength} "), theme.heading),
            Span::styled(
                format!("[{}] ", app.t(&format!("kind-{}", link.kind.name()))),
                theme.dim,
            ),
            Span::raw(crate::domain::text::one_line(&link.summary)),
        ]);
        lines.push(if row == cursor {
            line.style(theme.selected)
        } else {
            line
        });
    }
    while lines.len() < rows {
        lines.push(Line::raw(""));
    }
    lines.push(Line::raw(""));
    let justification = links
        .get(cursor)
        .map(|l| crate::domain::text::one_line(&l.justification))
        .filter(|j| !j.is_empty())
        .map_or_else(
            || app.t("evidence-no-justification"),
            |j| format!("« {j} »"),
        );
    lines.push(Line::styled(justification, theme.dim));
    frame.render_widget(Paragraph::new(lines), inner);
}
