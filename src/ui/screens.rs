//! The four tabs, each declared as a table (columns and a row builder) and a detail pane
//! for the selected record, drawn by the shared widgets.

use super::Theme;
use super::format;
use super::modals::highlighted;
use super::widgets::{ScreenView, field, heading, label_span, paragraph_lines};
use crate::app::docs::Review;
use crate::app::journal::{Mode, Period};
use crate::app::network::{Reason, Subject};
use crate::app::{App, CompView, CompetenceRow, DocsMode, EvidenceCount, ReseauMode, Tab};
use crate::domain::text::one_line;
use crate::domain::*;
use crate::i18n::arg;
use chrono::NaiveDate;
use ratatui::layout::Constraint;
use ratatui::text::{Line, Span};
use ratatui::widgets::Cell;

pub fn current<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    match app.tab {
        Tab::Journal => journal(app, theme),
        Tab::Reseau => reseau(app, theme),
        Tab::Documentation => documentation(app, theme),
        Tab::Competences => competences(app, theme),
    }
}

/// A table title with the number of records, e.g. "Journal · 1 500".
fn counted(app: &App, title_id: &str, len: usize) -> String {
    format!("{} · {}", app.t(title_id), format::count(lang(app), len))
}

fn col(app: &App, id: &str, width: Constraint) -> (String, Constraint) {
    (app.t(id), width)
}

fn empty_store<'a>(app: &App, theme: &Theme, id: &str) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(app.t(id), theme.header), Line::raw("")];
    if app.data.is_empty() {
        for hint in ["empty-start-demo", "empty-start-import"] {
            lines.push(Line::raw(app.t(hint)));
        }
    }
    lines
}

fn cell<'a>(text: impl AsRef<str>) -> Cell<'a> {
    Cell::from(one_line(text.as_ref()))
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

// ---------------------------------------------------------------- Journal

fn journal<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    match app.journal.mode {
        Mode::List => journal_list(app, theme),
        Mode::Todo => todo(app, theme),
    }
}

/// What the journal list shows: count, active filters, and the search being typed.
fn journal_title(app: &App) -> String {
    let j = &app.journal;
    let f = &j.filter;
    let v = &app.config.vocab;
    let mut parts: Vec<String> = Vec::new();
    if f.period != Period::All {
        let (from, to) = f.range(app.today);
        parts.push(match f.period {
            Period::Custom => format!("{} → {}", format::opt_date(from), format::opt_date(to)),
            other => app.t(&format!("period-{}", other.id())),
        });
    }
    if let Some(t) = &f.type_id {
        parts.push(v.types_interaction.label(t, lang(app)).into_owned());
    }
    if let Some(t) = &f.theme {
        parts.push(v.thematiques.label(t, lang(app)).into_owned());
    }
    if let Some(id) = f.suivi {
        parts.push(
            app.data
                .suivi(id)
                .map_or_else(|| id.to_string(), |s| s.code.to_string()),
        );
    }
    if let Some(id) = f.structure {
        parts.push(
            app.data
                .structure(id)
                .map_or_else(|| id.to_string(), |s| s.nom.to_string()),
        );
    }
    if f.suites_due {
        parts.push(app.t("field-suites-dues"));
    }
    let search = (j.searching || !j.query.is_empty()).then(|| (j.query_input.text(), j.searching));
    list_title(
        app,
        "tab-journal",
        (j.rows.len(), app.data.interactions.len()),
        j.is_filtered(),
        &parts,
        search,
    )
}

/// A searchable list's title: its count (shown / total when narrowed), the filters in
/// force, and the search as typed (with a cursor while typing).
fn list_title(
    app: &App,
    title_id: &str,
    (shown, total): (usize, usize),
    narrowed: bool,
    filters: &[String],
    search: Option<(&str, bool)>,
) -> String {
    let mut title = if narrowed {
        format!(
            "{} · {} / {}",
            app.t(title_id),
            format::count(lang(app), shown),
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

fn journal_list<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let vocab = &app.config.vocab;
    let l = lang(app);
    let rows = &app.journal.rows;
    let data = &app.data;
    let terms = app.journal.query.highlight_terms();
    let row = move |i: usize| {
        let it = &data.interactions[rows[i]];
        let first_of_day = i == 0 || data.interactions[rows[i - 1]].date != it.date;
        let day = if first_of_day {
            Cell::from(Span::styled(
                format::day_heading(&app.i18n, it.date),
                theme.group,
            ))
        } else {
            Cell::from("")
        };
        vec![
            day,
            cell(format::time(it.heure)),
            cell(format::duration(it.duree_min)),
            cell(vocab.types_interaction.labels(&it.types, l)),
            cell(vocab.thematiques.labels(&it.thematiques, l)),
            Cell::from(Line::from(highlighted(
                &one_line(&it.demande),
                &terms,
                theme.base,
                theme.warn,
            ))),
        ]
    };
    let detail = selected(app, rows)
        .map(|i| interaction_detail(app, theme, &data.interactions[i]))
        .unwrap_or_default();
    let empty = if app.journal.is_filtered() {
        vec![Line::styled(app.t("empty-journal-filtered"), theme.header)]
    } else {
        empty_store(app, theme, "empty-journal")
    };
    ScreenView {
        title: journal_title(app),
        columns: vec![
            col(app, "col-day", Constraint::Length(16)),
            col(app, "col-time", Constraint::Length(5)),
            col(app, "col-duration", Constraint::Length(7)),
            col(app, "col-types", Constraint::Fill(3)),
            col(app, "col-themes", Constraint::Fill(2)),
            col(app, "col-demande", Constraint::Fill(4)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty,
        detail_title: app.t("detail-interaction"),
        detail,
    }
}

fn todo<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let rows = &app.journal.todo;
    let data = &app.data;
    let today = app.today;
    let overdue = rows.iter().filter(|r| r.due < today).count();
    let row = move |i: usize| {
        let r = rows[i];
        let it = &data.interactions[r.interaction];
        let action = it
            .suites
            .get(r.suite)
            .map(|s| s.action.as_str())
            .unwrap_or_default();
        let due_style = if r.due < today {
            theme.warn
        } else {
            theme.base
        };
        let when = if r.due < today {
            app.t("todo-overdue")
        } else if r.due == today {
            app.t("todo-today")
        } else {
            app.t("todo-soon")
        };
        vec![
            Cell::from(Span::styled(format::date(r.due), due_style)),
            Cell::from(Span::styled(when, due_style)),
            cell(action),
            cell(&it.demande),
            cell(format::date(it.date)),
        ]
    };
    let detail = rows
        .get(app.cursor().selected)
        .map(|r| interaction_detail(app, theme, &data.interactions[r.interaction]))
        .unwrap_or_default();
    ScreenView {
        title: app.i18n.t_args(
            "todo-title",
            &[arg("count", rows.len()), arg("overdue", overdue)],
        ),
        columns: vec![
            col(app, "col-due", Constraint::Length(10)),
            col(app, "col-when", Constraint::Length(9)),
            col(app, "col-action", Constraint::Fill(3)),
            col(app, "col-demande", Constraint::Fill(3)),
            col(app, "col-day", Constraint::Length(10)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty: vec![Line::styled(app.t("todo-empty"), theme.header)],
        detail_title: app.t("detail-interaction"),
        detail,
    }
}

fn personnes_text(app: &App, p: &Personnes) -> String {
    let vocab = &app.config.vocab;
    match p {
        Personnes::Suivi(id) => match app.data.suivi(*id) {
            Some(s) => app
                .i18n
                .t_args("persons-suivi", &[arg("code", s.code.to_string())]),
            None => app.t("persons-suivi-missing"),
        },
        Personnes::Anonyme(public) => {
            let attrs: Vec<String> = public
                .attributs
                .iter()
                .map(|a| {
                    let list = match a.dimension.as_str() {
                        "tranches_age" => &vocab.tranches_age,
                        "genres" => &vocab.genres,
                        "statuts" => &vocab.statuts,
                        "residences" => &vocab.residences,
                        _ => return format!("{}={}", a.dimension, a.valeur),
                    };
                    let label = list.label(&a.valeur, lang(app)).into_owned();
                    if a.nombre > 1 {
                        format!("{label} ×{}", a.nombre)
                    } else {
                        label
                    }
                })
                .collect();
            let count = app
                .i18n
                .t_args("persons-count", &[arg("count", public.nombre)]);
            if attrs.is_empty() {
                count
            } else {
                format!("{count} — {}", attrs.join(", "))
            }
        }
    }
}

fn interaction_detail(app: &App, theme: &Theme, it: &Interaction) -> Vec<Line<'static>> {
    let vocab = &app.config.vocab;
    let l = lang(app);
    let mut lines = vec![Line::styled(
        format!(
            "{} {} · {}",
            format::day_heading(&app.i18n, it.date),
            format::time(it.heure),
            format::duration(it.duree_min)
        ),
        theme.header,
    )];
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-types",
            &vocab.types_interaction.labels(&it.types, l),
        ),
    );
    push(
        &mut lines,
        field(app, theme, "field-canal", &vocab.canaux.label(&it.canal, l)),
    );
    let lieu = [it.lieu.as_str(), it.quartier.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" — ");
    push(&mut lines, field(app, theme, "field-lieu", &lieu));
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-personnes",
            &personnes_text(app, &it.personnes),
        ),
    );
    if it.premier_contact {
        push(
            &mut lines,
            field(app, theme, "field-premier-contact", &app.t("yes")),
        );
    }
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-thematiques",
            &vocab.thematiques.labels(&it.thematiques, l),
        ),
    );
    if !it.demande.is_empty() {
        let terms = app.journal.query.highlight_terms();
        let mut spans = vec![label_span(app, theme, "field-demande")];
        spans.extend(highlighted(
            &one_line(&it.demande),
            &terms,
            theme.base,
            theme.warn,
        ));
        lines.push(Line::from(spans));
    }
    push(&mut lines, field(app, theme, "field-besoin", &it.besoin));
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-reponses",
            &vocab.reponses.labels(&it.reponses, l),
        ),
    );
    if let Some(o) = &it.orientation {
        let issue = o
            .issue
            .as_deref()
            .map(|i| format!(" ({})", vocab.issues_orientation.label(i, l)))
            .unwrap_or_default();
        push(
            &mut lines,
            field(
                app,
                theme,
                "field-orientation",
                &format!("{}{issue}", o.nom),
            ),
        );
    }
    if let Some(a) = &it.autonomie {
        push(
            &mut lines,
            field(app, theme, "field-autonomie", &vocab.autonomie.label(a, l)),
        );
    }
    for s in &it.suites {
        let due = s
            .echeance
            .map(|d| format!(" — {}", format::date(d)))
            .unwrap_or_default();
        let done = if s.faite {
            format!(" ✓ {}", app.t("suite-done"))
        } else {
            String::new()
        };
        push(
            &mut lines,
            field(
                app,
                theme,
                "field-suite",
                &format!("{}{due}{done}", s.action),
            ),
        );
    }
    if !it.note_pro.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading(theme, app.t("field-note-pro")));
        lines.extend(paragraph_lines(&it.note_pro, theme.base));
    }
    if !it.note_privee.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading(theme, app.t("field-note-privee")));
        lines.extend(paragraph_lines(&it.note_privee, theme.dim));
    }
    evidence_lines(app, theme, &it.meta, &mut lines);
    lines
}

// ---------------------------------------------------------------- Réseau

fn reseau<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    match app.reseau_mode {
        ReseauMode::List => directory(app, theme),
        ReseauMode::Relancer => relancer(app, theme),
        ReseauMode::Records(kind) => records(app, theme, kind),
        ReseauMode::Overview => overview(app, theme),
    }
}

fn view_title(app: &App, len: usize) -> String {
    format!(
        "{} · {}",
        app.t(&format!("view-{}", app.reseau_mode.name())),
        format::count(lang(app), len)
    )
}

/// The records of a listed kind (veille, signalements…): its columns, its cells and its
/// detail pane come from `app::kinds`.
fn records<'a>(app: &'a App, theme: &'a Theme, kind: RecordKind) -> ScreenView<'a> {
    use crate::app::kinds::{self, Detail, Tone, Width};
    let rows = app.views.records(kind);
    let Some(view) = kinds::view(&app.data, kind) else {
        // Only listed kinds have a view: anything else shows the directory.
        return directory(app, theme);
    };
    let row = move |i: usize| {
        kinds::cells(&app.ctx(), kind, rows[i])
            .into_iter()
            .map(|c| match c.tone {
                Tone::Plain => cell(c.text),
                Tone::Strong => Cell::from(Span::styled(one_line(&c.text), theme.key)),
                Tone::Faint => Cell::from(Span::styled(one_line(&c.text), theme.dim)),
            })
            .collect()
    };
    let detail = app
        .selected_record()
        .and_then(|(kind, i)| kinds::detail(&app.ctx(), kind, i))
        .map(|(parts, meta)| {
            let mut lines = Vec::new();
            for part in parts {
                match part {
                    Detail::Header(text) => lines.push(Line::styled(one_line(&text), theme.header)),
                    Detail::Field(label, value) => {
                        push(&mut lines, field(app, theme, label, &value))
                    }
                    Detail::Section(title, items) => {
                        lines.push(Line::raw(""));
                        lines.push(heading(theme, app.t(title)));
                        for item in items {
                            lines.extend(paragraph_lines(&item, theme.base));
                        }
                    }
                    Detail::Paragraph(text) => {
                        lines.push(Line::raw(""));
                        lines.extend(paragraph_lines(&text, theme.base));
                    }
                }
            }
            evidence_lines(app, theme, meta, &mut lines);
            lines
        })
        .unwrap_or_default();
    ScreenView {
        title: match view.done {
            Some((title, done)) => app
                .i18n
                .t_args(title, &[arg("count", rows.len()), arg("resolved", done)]),
            None => view_title(app, rows.len()),
        },
        columns: view
            .columns
            .iter()
            .map(|c| {
                let width = match c.width {
                    Width::Fixed(n) => Constraint::Length(n),
                    Width::Fill(n) => Constraint::Fill(n),
                };
                col(app, c.header, width)
            })
            .collect(),
        len: rows.len(),
        row: Box::new(row),
        empty: vec![Line::styled(app.t("empty-records"), theme.header)],
        detail_title: app.t(view.detail_title),
        detail,
    }
}

/// A horizontal bar that reads in colour and in monochrome alike.
fn bar(value: usize, max: usize, width: usize) -> String {
    let filled = if max == 0 {
        0
    } else {
        (value * width).div_ceil(max)
    };
    "█".repeat(filled.min(width))
}

fn bar_lines(
    app: &App,
    theme: &Theme,
    title: String,
    counts: Vec<(String, usize)>,
    lines: &mut Vec<Line<'static>>,
) {
    lines.push(heading(theme, title));
    let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let label_width = counts
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    for (label, n) in counts {
        let label: String = label.chars().take(label_width).collect();
        lines.push(Line::from(vec![
            Span::raw(format!("{label:<label_width$} ")),
            Span::styled(bar(n, max, 20), theme.key),
            Span::raw(format!(" {}", format::count(lang(app), n))),
        ]));
    }
    lines.push(Line::raw(""));
}

/// Partners by orientations (with outcomes), then charts of the network and who meets whom.
fn overview<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let data = &app.data;
    let v = &app.config.vocab;
    let l = lang(app);
    let partners = &app.views.partners;
    let row = move |i: usize| {
        let p = partners[i];
        vec![
            cell(
                data.structure(p.structure)
                    .map_or_else(|| p.structure.to_string(), |s| s.nom.to_string()),
            ),
            cell(p.orientations.to_string()),
            cell(p.known.to_string()),
            cell(p.successful.to_string()),
            cell(format::date(p.last)),
        ]
    };
    let len = partners.len();
    let mut lines = Vec::new();
    let mut typologies: std::collections::BTreeMap<String, usize> = Default::default();
    let mut levels: Vec<(String, usize)> = v
        .niveaux_relation
        .entries
        .iter()
        .map(|e| (e.label(l).to_string(), 0))
        .collect();
    for s in &data.structures {
        for t in &s.typologies {
            *typologies
                .entry(v.typologies_structure.label(t, l).into_owned())
                .or_default() += 1;
        }
        if let Some(pos) = v
            .niveaux_relation
            .entries
            .iter()
            .position(|e| e.id == s.niveau_relation)
        {
            levels[pos].1 += 1;
        }
    }
    let mut typologies: Vec<(String, usize)> = typologies.into_iter().collect();
    typologies.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    bar_lines(app, theme, app.t("chart-relation"), levels, &mut lines);
    bar_lines(
        app,
        theme,
        app.t("chart-typologies"),
        typologies,
        &mut lines,
    );
    // Who meets whom: structures linked through shared rencontres.
    let mut pairs: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for r in &data.rencontres {
        let names: Vec<&str> = r.structures.iter().map(|l| l.nom.as_str()).collect();
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                let key = if a <= b {
                    (a.to_string(), b.to_string())
                } else {
                    (b.to_string(), a.to_string())
                };
                *pairs.entry(key).or_default() += 1;
            }
        }
    }
    let mut by_structure: std::collections::BTreeMap<String, Vec<(String, usize)>> =
        Default::default();
    for ((a, b), n) in pairs {
        by_structure
            .entry(a.clone())
            .or_default()
            .push((b.clone(), n));
        by_structure.entry(b).or_default().push((a, n));
    }
    lines.push(heading(theme, app.t("chart-network")));
    if by_structure.is_empty() {
        lines.push(Line::styled(app.t("chart-network-empty"), theme.dim));
    }
    for (name, mut links) in by_structure {
        links.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        lines.push(Line::styled(one_line(&name), theme.label));
        let last = links.len().saturating_sub(1);
        for (k, (other, n)) in links.into_iter().enumerate() {
            let branch = if k == last { "└─" } else { "├─" };
            lines.push(Line::raw(format!("  {branch} {} ({n})", one_line(&other))));
        }
    }
    ScreenView {
        title: app.t("view-overview"),
        columns: vec![
            col(app, "col-partner", Constraint::Fill(3)),
            col(app, "col-orientations", Constraint::Length(7)),
            col(app, "col-known", Constraint::Length(6)),
            col(app, "col-done", Constraint::Length(8)),
            col(app, "col-last", Constraint::Length(10)),
        ],
        len,
        row: Box::new(row),
        empty: vec![Line::styled(app.t("empty-orientations"), theme.header)],
        detail_title: app.t("detail-overview"),
        detail: lines,
    }
}

/// "3 j", "5 sem.", "14 mois": how long ago, in a narrow column.
fn ago(app: &App, date: Option<chrono::NaiveDate>) -> String {
    match date {
        None => "—".to_string(),
        Some(d) => {
            let days = (app.today - d).num_days().max(0);
            let (n, id) = match days {
                0..=13 => (days, "ago-days"),
                14..=59 => (days / 7, "ago-weeks"),
                _ => (days / 30, "ago-months"),
            };
            app.i18n.t_args(id, &[arg("n", n)])
        }
    }
}

/// The annuaire's title: count, active filters, and the search being typed.
fn directory_title(app: &App) -> String {
    let f = &app.reseau_filter;
    let v = &app.config.vocab;
    let mut parts = Vec::new();
    if let Some(t) = &f.typologie {
        parts.push(v.typologies_structure.label(t, lang(app)).into_owned());
    }
    if let Some(q) = &f.quartier {
        parts.push(q.to_string());
    }
    if let Some(r) = &f.relation {
        parts.push(v.niveaux_relation.label(r, lang(app)).into_owned());
    }
    if let Some(t) = &f.theme {
        parts.push(v.thematiques.label(t, lang(app)).into_owned());
    }
    let search = (app.reseau_searching || !app.reseau_query.is_empty())
        .then(|| (app.reseau_query_input.text(), app.reseau_searching));
    list_title(
        app,
        "tab-reseau",
        (app.reseau_rows.len(), app.data.structures.len()),
        app.reseau_is_filtered(),
        &parts,
        search,
    )
}

fn directory<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let vocab = &app.config.vocab;
    let l = lang(app);
    let rows = &app.reseau_rows;
    let data = &app.data;
    let terms = app.reseau_query.highlight_terms();
    let row = move |i: usize| {
        let s = &data.structures[rows[i]];
        vec![
            Cell::from(Line::from(highlighted(
                &one_line(&s.nom),
                &terms,
                theme.base,
                theme.warn,
            ))),
            cell(vocab.typologies_structure.labels(&s.typologies, l)),
            cell(&s.quartier),
            cell(vocab.niveaux_relation.label(&s.niveau_relation, l)),
            cell(format::opt_date(
                app.views.last_contact.get(&s.meta.id).copied(),
            )),
            cell(ago(app, s.date_verification)),
        ]
    };
    let detail = selected(app, rows)
        .map(|i| structure_detail(app, theme, &data.structures[i]))
        .unwrap_or_default();
    let empty = if app.reseau_is_filtered() {
        vec![Line::styled(app.t("empty-reseau-filtered"), theme.header)]
    } else {
        empty_store(app, theme, "empty-reseau")
    };
    ScreenView {
        title: directory_title(app),
        columns: vec![
            col(app, "col-name", Constraint::Fill(3)),
            col(app, "col-typologies", Constraint::Fill(1)),
            col(app, "col-quartier", Constraint::Length(12)),
            col(app, "col-relation", Constraint::Length(16)),
            col(app, "col-last-contact", Constraint::Length(13)),
            col(app, "col-verified", Constraint::Length(8)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty,
        detail_title: app.t("detail-structure"),
        detail,
    }
}

fn relance_reason(app: &App, reason: Reason) -> String {
    match reason {
        Reason::NoContact { days, cadence } => app.i18n.t_args(
            "relance-no-contact",
            &[arg("days", days), arg("cadence", cadence)],
        ),
        Reason::NeverContacted => app.t("relance-never"),
        Reason::NotVerified { days } => app
            .i18n
            .t_args("relance-not-verified", &[arg("days", days)]),
    }
}

fn relancer<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let rows = &app.relance;
    let data = &app.data;
    let row = move |i: usize| {
        let r = rows[i];
        let (name, kind) = match r.subject {
            Subject::Structure(k) => (data.structures[k].nom.to_string(), app.t("kind-structure")),
            Subject::Contact(k) => {
                let c = &data.contacts[k];
                let s = data
                    .structure(c.structure)
                    .map(|s| s.nom.to_string())
                    .unwrap_or_default();
                (format!("{} ({s})", c.nom), app.t("kind-contact"))
            }
        };
        let style = if r.urgency > 60 {
            theme.warn
        } else {
            theme.base
        };
        vec![
            cell(name),
            cell(kind),
            Cell::from(Span::styled(relance_reason(app, r.reason), style)),
        ]
    };
    let detail = app
        .selected_structure()
        .map(|i| structure_detail(app, theme, &data.structures[i]))
        .unwrap_or_default();
    ScreenView {
        title: app
            .i18n
            .t_args("relance-title", &[arg("count", rows.len())]),
        columns: vec![
            col(app, "col-name", Constraint::Fill(3)),
            col(app, "col-kind", Constraint::Length(9)),
            col(app, "col-reason", Constraint::Fill(3)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty: vec![Line::styled(app.t("relance-empty"), theme.header)],
        detail_title: app.t("detail-structure"),
        detail,
    }
}

fn structure_detail(app: &App, theme: &Theme, s: &Structure) -> Vec<Line<'static>> {
    let vocab = &app.config.vocab;
    let l = lang(app);
    let mut lines = vec![Line::styled(one_line(&s.nom), theme.header)];
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-typologies",
            &vocab.typologies_structure.labels(&s.typologies, l),
        ),
    );
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-relation",
            &vocab.niveaux_relation.label(&s.niveau_relation, l),
        ),
    );
    let last = app.views.last_contact.get(&s.meta.id).copied();
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-last-contact",
            &last.map_or_else(|| app.t("never"), format::date),
        ),
    );
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-verified",
            &format::opt_date(s.date_verification),
        ),
    );
    let address = [s.adresse.as_str(), s.commune.as_str()]
        .iter()
        .filter(|x| !x.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    push(&mut lines, field(app, theme, "field-adresse", &address));
    push(&mut lines, field(app, theme, "field-quartier", &s.quartier));
    push(
        &mut lines,
        field(app, theme, "field-telephone", &s.telephone),
    );
    push(&mut lines, field(app, theme, "field-courriel", &s.courriel));
    push(&mut lines, field(app, theme, "field-site", &s.site));
    push(&mut lines, field(app, theme, "field-horaires", &s.horaires));
    push(&mut lines, field(app, theme, "field-publics", &s.publics));
    if !s.services.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading(theme, app.t("detail-services")));
        for svc in &s.services {
            let mut text = format!(
                "• {} — {}",
                vocab.types_service.label(&svc.type_service, l),
                vocab.thematiques.labels(&svc.thematiques, l)
            );
            for extra in [&svc.conditions, &svc.frais] {
                if !extra.is_empty() {
                    text.push_str(&format!(" · {}", one_line(extra)));
                }
            }
            lines.push(Line::raw(text));
        }
    }
    let contacts = app.views.contacts_by_structure.get(&s.meta.id);
    lines.push(Line::raw(""));
    lines.push(heading(theme, app.t("detail-contacts")));
    match contacts {
        Some(list) if !list.is_empty() => {
            for &ci in list {
                let c = &app.data.contacts[ci];
                let inactive = if c.actif {
                    String::new()
                } else {
                    format!(" ({})", app.t("contact-inactive"))
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("• {}", one_line(&c.nom)), theme.label),
                    Span::raw(format!(" — {}{inactive}", one_line(&c.fonction))),
                ]));
                let reach = [c.telephone.as_str(), c.courriel.as_str()]
                    .iter()
                    .filter(|x| !x.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" · ");
                if !reach.is_empty() {
                    lines.push(Line::styled(format!("  {}", one_line(&reach)), theme.dim));
                }
            }
        }
        _ => lines.push(Line::styled(app.t("no-contacts"), theme.dim)),
    }
    structure_activity(app, theme, s, &mut lines);
    if !s.notes.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading(theme, app.t("field-notes")));
        lines.extend(paragraph_lines(&s.notes, theme.base));
    }
    evidence_lines(app, theme, &s.meta, &mut lines);
    lines
}

/// How many shown in a detail list before "… and N more".
const RECENT: usize = 5;

/// Orientations to the structure (with how many outcomes are known) and rencontres with it,
/// newest first.
fn structure_activity(app: &App, theme: &Theme, s: &Structure, lines: &mut Vec<Line<'static>>) {
    let id = s.meta.id;
    let mut oriented: Vec<&Interaction> = app
        .data
        .interactions
        .iter()
        .filter(|i| i.orientation.as_ref().and_then(|o| o.structure) == Some(id))
        .collect();
    oriented.sort_by_key(|i| std::cmp::Reverse((i.date, i.heure)));
    let known = oriented
        .iter()
        .filter(|i| {
            i.orientation
                .as_ref()
                .and_then(|o| o.issue.as_deref())
                .is_some_and(|x| x != "inconnue")
        })
        .count();
    lines.push(Line::raw(""));
    lines.push(heading(
        theme,
        app.i18n.t_args(
            "detail-orientations",
            &[arg("count", oriented.len()), arg("known", known)],
        ),
    ));
    for it in oriented.iter().take(RECENT) {
        let issue = it
            .orientation
            .as_ref()
            .and_then(|o| o.issue.as_deref())
            .map(|x| {
                format!(
                    " ({})",
                    app.config.vocab.issues_orientation.label(x, lang(app))
                )
            })
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", format::date(it.date)), theme.key),
            Span::raw(format!("{}{issue}", one_line(&it.demande))),
        ]));
    }
    if oriented.len() > RECENT {
        lines.push(Line::styled(
            app.i18n
                .t_args("more-records", &[arg("count", oriented.len() - RECENT)]),
            theme.dim,
        ));
    }
    let mut met: Vec<&Rencontre> = app
        .data
        .rencontres
        .iter()
        .filter(|r| r.structures.iter().any(|l| l.id == Some(id)))
        .collect();
    met.sort_by_key(|r| std::cmp::Reverse(r.date));
    lines.push(Line::raw(""));
    lines.push(heading(
        theme,
        app.i18n
            .t_args("detail-rencontres", &[arg("count", met.len())]),
    ));
    for r in met.iter().take(RECENT) {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", format::date(r.date)), theme.key),
            Span::raw(format!(
                "{} — {}",
                app.config
                    .vocab
                    .types_rencontre
                    .label(&r.type_rencontre, lang(app)),
                one_line(&r.objet)
            )),
        ]));
    }
    if met.len() > RECENT {
        lines.push(Line::styled(
            app.i18n
                .t_args("more-records", &[arg("count", met.len() - RECENT)]),
            theme.dim,
        ));
    }
}

// ---------------------------------------------------------------- Documentation

fn plan_label(app: &App, id: &str) -> String {
    app.config
        .vocab
        .plan_classement
        .label(id, lang(app))
        .into_owned()
}

fn documentation<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    match app.docs_mode {
        DocsMode::AReviser => return to_review(app, theme),
        DocsMode::Plan => return plan_tree(app, theme),
        DocsMode::List => {}
    }
    let vocab = &app.config.vocab;
    let l = lang(app);
    let rows = &app.docs_rows;
    let data = &app.data;
    let row = move |i: usize| {
        let f = &data.fiches[rows[i]];
        let first_of_node = i == 0 || data.fiches[rows[i - 1]].classement != f.classement;
        let node = if first_of_node {
            let depth = app.config.vocab.plan_depth(&f.classement);
            Cell::from(Span::styled(
                format!("{}{}", "  ".repeat(depth), plan_label(app, &f.classement)),
                theme.group,
            ))
        } else {
            Cell::from("")
        };
        vec![
            node,
            cell(&f.titre),
            cell(vocab.types_fiche.label(&f.type_fiche, l)),
            cell(vocab.statuts_fiche.label(&f.statut, l)),
            cell(format::opt_date(f.date_revision)),
        ]
    };
    let detail = selected(app, rows)
        .map(|i| fiche_detail(app, theme, &data.fiches[i]))
        .unwrap_or_default();
    ScreenView {
        title: list_title(
            app,
            "tab-documentation",
            (rows.len(), app.data.fiches.len()),
            !app.docs_query.is_empty(),
            &[],
            (app.docs_searching || !app.docs_query.is_empty())
                .then(|| (app.docs_query_input.text(), app.docs_searching)),
        ),
        columns: vec![
            col(app, "col-classement", Constraint::Fill(2)),
            col(app, "col-titre", Constraint::Fill(3)),
            col(app, "col-type", Constraint::Length(14)),
            col(app, "col-statut", Constraint::Length(10)),
            col(app, "col-revision", Constraint::Length(10)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty: empty_store(app, theme, "empty-documentation"),
        detail_title: app.t("detail-fiche"),
        detail,
    }
}

/// The plan de classement as a tree, with how many fiches each node holds (itself and
/// below); the detail lists the fiches of the selected node.
fn plan_tree<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let plan = &app.config.vocab.plan_classement;
    let row = move |i: usize| {
        let node = &plan.entries[i];
        let depth = app.config.vocab.plan_depth(&node.id);
        vec![
            Cell::from(Span::styled(
                format!("{}{}", "  ".repeat(depth), one_line(node.label(lang(app)))),
                if depth == 0 { theme.group } else { theme.base },
            )),
            cell(app.fiches_under(&node.id).to_string()),
        ]
    };
    let detail = app
        .selected_node()
        .map(|node| {
            let mut lines = vec![
                Line::styled(plan_path(app, &node.id), theme.header),
                Line::raw(""),
            ];
            let mut fiches: Vec<&Fiche> = app
                .data
                .fiches
                .iter()
                .filter(|f| f.classement == node.id.as_str())
                .collect();
            fiches.sort_by_cached_key(|f| crate::domain::text::fold(&f.titre));
            if fiches.is_empty() {
                lines.push(Line::styled(app.t("plan-node-empty"), theme.dim));
            }
            lines.extend(
                fiches
                    .iter()
                    .map(|f| Line::raw(format!("• {}", one_line(&f.titre)))),
            );
            lines
        })
        .unwrap_or_default();
    ScreenView {
        title: app.t("plan-title"),
        columns: vec![
            col(app, "col-classement", Constraint::Fill(1)),
            col(app, "col-fiches", Constraint::Length(7)),
        ],
        len: plan.entries.len(),
        row: Box::new(row),
        empty: vec![Line::styled(app.t("plan-empty"), theme.header)],
        detail_title: app.t("detail-node"),
        detail,
    }
}

fn to_review<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let rows = &app.docs_review;
    let data = &app.data;
    let row = move |i: usize| {
        let r = rows[i];
        let f = &data.fiches[r.fiche];
        let why = match r.reason {
            Review::Due(days) => app.i18n.t_args("review-due", &[arg("days", days)]),
            Review::Marked => app.t("review-marked"),
            Review::StructureChanged => app.t("review-structure"),
        };
        vec![
            cell(&f.titre),
            cell(plan_label(app, &f.classement)),
            Cell::from(Span::styled(
                why,
                if r.urgency > 60 {
                    theme.warn
                } else {
                    theme.base
                },
            )),
        ]
    };
    let detail = app
        .selected_fiche()
        .map(|i| fiche_detail(app, theme, &data.fiches[i]))
        .unwrap_or_default();
    ScreenView {
        title: app.i18n.t_args("review-title", &[arg("count", rows.len())]),
        columns: vec![
            col(app, "col-titre", Constraint::Fill(3)),
            col(app, "col-classement", Constraint::Fill(2)),
            col(app, "col-reason", Constraint::Fill(2)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty: vec![Line::styled(app.t("review-empty"), theme.header)],
        detail_title: app.t("detail-fiche"),
        detail,
    }
}

fn plan_path(app: &App, id: &str) -> String {
    let plan = &app.config.vocab.plan_classement;
    let mut parts = vec![plan_label(app, id)];
    let mut current = plan.get(id).and_then(|n| n.parent.clone());
    while let Some(parent) = current {
        if parts.len() > 16 {
            break;
        }
        parts.push(plan_label(app, &parent));
        current = plan.get(&parent).and_then(|n| n.parent.clone());
    }
    parts.reverse();
    parts.join(" › ")
}

fn fiche_detail(app: &App, theme: &Theme, f: &Fiche) -> Vec<Line<'static>> {
    let vocab = &app.config.vocab;
    let l = lang(app);
    let mut lines = vec![Line::styled(one_line(&f.titre), theme.header)];
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-classement",
            &plan_path(app, &f.classement),
        ),
    );
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-type",
            &vocab.types_fiche.label(&f.type_fiche, l),
        ),
    );
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-statut",
            &vocab.statuts_fiche.label(&f.statut, l),
        ),
    );
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-thematiques",
            &vocab.thematiques.labels(&f.thematiques, l),
        ),
    );
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-verified",
            &format::opt_date(f.date_verification),
        ),
    );
    push(
        &mut lines,
        field(
            app,
            theme,
            "field-revision",
            &format::opt_date(f.date_revision),
        ),
    );
    if !f.revisions.is_empty() {
        push(
            &mut lines,
            field(
                app,
                theme,
                "field-revisions",
                &f.revisions.len().to_string(),
            ),
        );
    }
    let linked: Vec<String> = f.structures.iter().map(|l| l.nom.to_string()).collect();
    push(
        &mut lines,
        field(app, theme, "field-structures", &linked.join(", ")),
    );
    if !f.sources.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading(theme, app.t("detail-sources")));
        for s in &f.sources {
            let when = s
                .consultee
                .map(|d| format!(" ({})", format::date(d)))
                .unwrap_or_default();
            lines.push(Line::raw(format!(
                "• {} — {}{when}",
                one_line(&s.titre),
                one_line(&s.url)
            )));
        }
    }
    lines.push(Line::raw(""));
    lines.push(heading(theme, app.t("detail-contenu")));
    lines.extend(super::markdown::render(&f.contenu, theme));
    evidence_lines(app, theme, &f.meta, &mut lines);
    lines
}

// ---------------------------------------------------------------- Compétences

fn count_cells<'a>(count: EvidenceCount, theme: &Theme) -> [Cell<'a>; 3] {
    let style = if count.total() == 0 {
        theme.dim
    } else {
        theme.base
    };
    [
        Cell::from(Span::styled(count.principale.to_string(), style)),
        Cell::from(Span::styled(count.secondaire.to_string(), style)),
        Cell::from(Span::styled(format::opt_date(count.latest), style)),
    ]
}

fn coverage_label(app: &App, count: EvidenceCount, theme: &Theme) -> Span<'static> {
    let state = count.coverage(app.config.coverage);
    let style = match state {
        crate::app::Coverage::Aucune => theme.warn,
        crate::app::Coverage::Amorcee => theme.base,
        crate::app::Coverage::Solide => theme.key,
    };
    Span::styled(app.t(&format!("coverage-{}", state.id())), style)
}

/// Principal links as a bar against the "solide" threshold: full means solid.
fn coverage_bar(app: &App, count: EvidenceCount) -> String {
    let solid = app.config.coverage.1.max(1) as usize;
    let width = 10;
    let full = (count.principale.min(solid) * width).div_ceil(solid);
    let partial = if full == 0 && count.total() > 0 { 1 } else { 0 };
    format!(
        "{}{}{}",
        "█".repeat(full),
        "▒".repeat(partial),
        "·".repeat(width - full - partial)
    )
}

/// Competences, the gaps first, with a bar each; the detail sums up each CCP.
fn coverage<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let r = &app.config.referentiel;
    let l = lang(app);
    let rows = app.gaps_first();
    let detail_row = rows
        .get(app.cursor().selected)
        .map(|&(ci, k, _)| CompetenceRow::Competence(ci, k));
    let mut summary = vec![heading(theme, app.t("coverage-by-ccp")), Line::raw("")];
    for ccp in &r.ccp {
        let counts: Vec<EvidenceCount> = ccp
            .competences
            .iter()
            .map(|c| {
                app.views
                    .evidence
                    .get(r.qualify(&c.id).as_str())
                    .copied()
                    .unwrap_or_default()
            })
            .collect();
        let solid = counts
            .iter()
            .filter(|c| c.coverage(app.config.coverage) == crate::app::Coverage::Solide)
            .count();
        let started = counts
            .iter()
            .filter(|c| c.coverage(app.config.coverage) == crate::app::Coverage::Amorcee)
            .count();
        let none = counts.len() - solid - started;
        let bar: String = counts
            .iter()
            .map(|c| match c.coverage(app.config.coverage) {
                crate::app::Coverage::Solide => '█',
                crate::app::Coverage::Amorcee => '▒',
                crate::app::Coverage::Aucune => '·',
            })
            .collect();
        summary.push(Line::from(vec![
            Span::styled(format!("{:<5} ", ccp.id), theme.label),
            Span::styled(bar, theme.key),
            Span::raw(format!(
                "  {}",
                app.i18n.t_args(
                    "coverage-ccp-line",
                    &[
                        arg("solid", solid),
                        arg("started", started),
                        arg("none", none)
                    ]
                )
            )),
        ]));
    }
    summary.push(Line::raw(""));
    summary.push(Line::styled(app.t("coverage-legend"), theme.dim));
    let mut detail = summary;
    if let Some(row) = detail_row {
        detail.push(Line::raw(""));
        detail.extend(competence_detail(app, theme, row));
    }
    let row = move |i: usize| {
        let (ci, k, count) = rows[i];
        let c = &r.ccp[ci].competences[k];
        vec![
            cell(format!("{} {}", c.id, c.label(l))),
            Cell::from(coverage_label(app, count, theme)),
            Cell::from(Span::styled(coverage_bar(app, count), theme.key)),
            cell(count.total().to_string()),
        ]
    };
    ScreenView {
        title: app.t("coverage-title"),
        columns: vec![
            col(app, "col-competence", Constraint::Fill(1)),
            col(app, "col-state", Constraint::Length(9)),
            col(app, "col-bar", Constraint::Length(10)),
            col(app, "col-links", Constraint::Length(6)),
        ],
        len: r.competences().count(),
        row: Box::new(row),
        empty: vec![Line::raw(app.t("empty-competences"))],
        detail_title: app.t("detail-coverage"),
        detail,
    }
}

/// The reflective journal: newest first, the detail walks through the guided prompts.
fn analyses<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let rows = &app.views.analyses;
    let data = &app.data;
    let v = &app.config.vocab;
    let row = move |i: usize| {
        let a = &data.analyses[rows[i]];
        vec![
            cell(format::date(a.date)),
            cell(v.formats_analyse.label(&a.format, lang(app))),
            cell(&a.situation),
        ]
    };
    let detail = rows
        .get(app.cursor().selected)
        .map(|&i| {
            let a = &data.analyses[i];
            let mut lines = vec![Line::styled(
                format!(
                    "{} · {}",
                    format::date(a.date),
                    v.formats_analyse.label(&a.format, lang(app))
                ),
                theme.header,
            )];
            if let Some(id) = a.interaction
                && let Ok(k) = data.interactions.binary_search_by_key(&id, |x| x.meta.id)
            {
                let it = &data.interactions[k];
                push(
                    &mut lines,
                    field(
                        app,
                        theme,
                        "field-interaction-liee",
                        &format!("{} — {}", format::date(it.date), it.demande),
                    ),
                );
            }
            for (id, text) in [
                ("field-situation", &a.situation),
                ("field-ce-que-jai-fait", &a.ce_que_jai_fait),
                ("field-ressenti", &a.ressenti),
                ("field-analyse-posture", &a.analyse_posture),
                ("field-autrement", &a.autrement),
                ("field-retenu", &a.retenu),
            ] {
                if !text.is_empty() {
                    lines.push(Line::raw(""));
                    lines.push(heading(theme, app.t(id)));
                    lines.extend(paragraph_lines(text, theme.base));
                }
            }
            evidence_lines(app, theme, &a.meta, &mut lines);
            lines
        })
        .unwrap_or_default();
    ScreenView {
        title: format!(
            "{} · {}",
            app.t("view-analyses"),
            format::count(lang(app), rows.len())
        ),
        columns: vec![
            col(app, "col-date", Constraint::Length(10)),
            col(app, "col-format", Constraint::Length(16)),
            col(app, "col-situation", Constraint::Fill(1)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty: vec![Line::styled(app.t("empty-records"), theme.header)],
        detail_title: app.t("detail-analyse"),
        detail,
    }
}

fn competences<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let mut view = match app.comp_view {
        CompView::Coverage => coverage(app, theme),
        CompView::Analyses => analyses(app, theme),
        CompView::Profil => profil(app, theme),
        CompView::Dossier => dossier(app, theme),
        CompView::Referentiel => referentiel(app, theme),
    };
    // The next certification date stays in sight whatever the view.
    if let Some((id, date)) = app
        .data
        .profil()
        .and_then(|p| crate::app::profil::next_milestone(p, app.today))
    {
        view.title = format!("{} · {}", view.title, countdown(app, id, date));
    }
    view
}

/// "Jury dans 42 jours", "Jury aujourd'hui".
fn countdown(app: &App, label_id: &str, date: NaiveDate) -> String {
    app.i18n.t_args(
        "countdown",
        &[
            arg("what", app.t(label_id)),
            arg("days", (date - app.today).num_days()),
        ],
    )
}

/// The Dossier Professionnel: per CCP its examples (1 to 3, at most 3 pages each), with
/// the warnings first.
fn dossier<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    use crate::app::dossier::{self as dp, Row};
    let r = &app.config.referentiel;
    let l = lang(app);
    let rows = dp::rows(&app.data, &app.config);
    let data = &app.data;
    let detail = match rows.get(app.cursor().selected) {
        Some(Row::Ccp(ci)) => {
            let ccp = &r.ccp[*ci];
            let count = dp::examples_of(data, &r.qualify(&ccp.id)).len();
            let mut lines = vec![
                Line::styled(format!("{} — {}", ccp.id, ccp.label(l)), theme.header),
                Line::raw(""),
                Line::raw(app.i18n.t_args("dp-ccp-count", &[arg("count", count)])),
            ];
            if let Some(id) = dp::ccp_warning(count) {
                lines.push(Line::styled(format!("⚠ {}", app.t(id)), theme.warn));
            }
            lines.push(Line::raw(""));
            lines.push(Line::styled(app.t("dp-hint"), theme.dim));
            lines.push(Line::styled(app.t("dp-export-hint"), theme.dim));
            if app.config.presentation.is_none() {
                lines.push(Line::styled(app.t("dp-no-presentation"), theme.dim));
            }
            lines
        }
        Some(Row::Exemple(i)) => {
            let x = &data.exemples[*i];
            let mut lines = vec![Line::styled(
                app.i18n.t_args(
                    "dp-example-heading",
                    &[arg("rang", x.rang), arg("titre", one_line(&x.titre))],
                ),
                theme.header,
            )];
            let pages = dp::pages(x);
            if pages > dp::MAX_PAGES {
                lines.push(Line::styled(
                    format!(
                        "⚠ {}",
                        app.i18n.t_args("dp-too-long", &[arg("pages", pages)])
                    ),
                    theme.warn,
                ));
            }
            for (id, text) in [
                ("dp-rubrique-taches", &x.taches),
                ("dp-rubrique-moyens", &x.moyens),
                ("dp-rubrique-avec-qui", &x.avec_qui),
            ] {
                lines.push(Line::raw(""));
                lines.push(heading(theme, app.t(id)));
                lines.extend(paragraph_lines(text, theme.base));
            }
            lines.push(Line::raw(""));
            lines.push(heading(theme, app.t("dp-rubrique-contexte")));
            push(
                &mut lines,
                field(app, theme, "dp-entreprise", &x.entreprise),
            );
            push(&mut lines, field(app, theme, "dp-service", &x.service));
            if let (Some(du), Some(au)) = (x.du, x.au) {
                push(
                    &mut lines,
                    field(
                        app,
                        theme,
                        "dp-periode",
                        &app.i18n.t_args(
                            "profil-period",
                            &[arg("from", format::date(du)), arg("to", format::date(au))],
                        ),
                    ),
                );
            }
            if !x.infos.is_empty() {
                lines.push(Line::raw(""));
                lines.push(heading(theme, app.t("dp-rubrique-infos")));
                lines.extend(paragraph_lines(&x.infos, theme.base));
            }
            if !x.sources.is_empty() {
                lines.push(Line::raw(""));
                lines.push(heading(theme, app.t("dp-sources-heading")));
                for s in &x.sources {
                    let found = RecordKind::from_name(&s.kind).and_then(|kind| {
                        crate::app::evidence::summary(
                            data,
                            &app.config,
                            app.i18n.lang(),
                            kind,
                            s.id,
                        )
                    });
                    lines.push(match found {
                        Some((date, summary)) => Line::from(vec![
                            Span::styled(format!("{}  ", format::date(date)), theme.dim),
                            Span::styled(summary, theme.base),
                        ]),
                        None => Line::styled(app.t("dp-source-gone"), theme.dim),
                    });
                }
            }
            let warnings = app.sharing_warnings(x);
            lines.push(Line::raw(""));
            lines.push(heading(theme, app.t("dp-sharing-heading")));
            if warnings.is_empty() {
                lines.push(Line::styled(app.t("dp-sharing-none"), theme.dim));
            }
            for (w, accepted) in &warnings {
                let text = format!(
                    "« {} » — {} ({})",
                    one_line(&w.matched),
                    app.t(w.kind.message_id()),
                    app.field_label(w.field)
                );
                lines.push(if *accepted {
                    Line::styled(format!("✓ {text}"), theme.dim)
                } else {
                    Line::styled(format!("⚠ {text}"), theme.warn)
                });
            }
            if warnings.iter().any(|(_, accepted)| !accepted) {
                lines.push(Line::styled(app.t("dp-sharing-hint"), theme.dim));
            }
            lines
        }
        None => Vec::new(),
    };
    let len = rows.len();
    let row = move |i: usize| match rows[i] {
        Row::Ccp(ci) => {
            let ccp = &r.ccp[ci];
            let count = dp::examples_of(data, &r.qualify(&ccp.id)).len();
            let state = match dp::ccp_warning(count) {
                Some(id) => Span::styled(app.t(id), theme.warn),
                None => Span::styled(
                    app.i18n.t_args("dp-ccp-count", &[arg("count", count)]),
                    theme.dim,
                ),
            };
            vec![
                Cell::from(Span::styled(
                    format!("{} {}", ccp.id, ccp.label(l)),
                    theme.group,
                )),
                Cell::from(""),
                Cell::from(state),
            ]
        }
        Row::Exemple(i) => {
            let x = &data.exemples[i];
            let pages = dp::pages(x);
            let period = match (x.du, x.au) {
                (Some(a), Some(b)) => format!("{} → {}", format::date(a), format::date(b)),
                _ => String::new(),
            };
            let pending = app
                .sharing_warnings(x)
                .iter()
                .filter(|(_, accepted)| !accepted)
                .count();
            let state = if pending > 0 {
                Span::styled(
                    app.i18n.t_args("dp-pending", &[arg("count", pending)]),
                    theme.warn,
                )
            } else {
                let size = app.i18n.t_args("dp-pages", &[arg("pages", pages)]);
                if pages > dp::MAX_PAGES {
                    Span::styled(size, theme.warn)
                } else {
                    Span::raw(size)
                }
            };
            vec![
                cell(format!("  {}. {}", x.rang, x.titre)),
                cell(period),
                Cell::from(state),
            ]
        }
    };
    ScreenView {
        title: app.t("view-dossier"),
        columns: vec![
            col(app, "col-exemple", Constraint::Fill(1)),
            col(app, "col-periode", Constraint::Length(23)),
            col(app, "col-taille", Constraint::Length(16)),
        ],
        len,
        row: Box::new(row),
        empty: vec![Line::raw(app.t("empty-competences"))],
        detail_title: app.t("detail-exemple"),
        detail,
    }
}

/// The profil, in the list area; the certification dates with their countdown beside it.
fn profil<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let mut lines = Vec::new();
    let mut detail = Vec::new();
    match app.data.profil() {
        None => {
            lines.push(Line::styled(app.t("profil-none"), theme.header));
            lines.push(Line::raw(""));
            lines.push(Line::raw(app.t("profil-hint-new")));
        }
        Some(p) => {
            let l = lang(app);
            let role = crate::app::profil::ROLES
                .iter()
                .find(|(id, _)| *id == p.role.as_str())
                .map_or_else(|| p.role.to_string(), |(_, label)| app.t(label));
            push(&mut lines, field(app, theme, "field-role", &role));
            push(
                &mut lines,
                field(
                    app,
                    theme,
                    "profil-referentiel",
                    app.config.referentiel.title(l),
                ),
            );
            let employeur = p
                .employeur
                .and_then(|id| app.data.structure(id))
                .map(|s| s.nom.to_string())
                .unwrap_or_default();
            push(&mut lines, field(app, theme, "field-employeur", &employeur));
            push(&mut lines, field(app, theme, "field-service", &p.service));
            let period = match (p.periode_debut, p.periode_fin) {
                (Some(a), Some(b)) => app.i18n.t_args(
                    "profil-period",
                    &[arg("from", format::date(a)), arg("to", format::date(b))],
                ),
                (Some(a), None) => app
                    .i18n
                    .t_args("profil-period-from", &[arg("from", format::date(a))]),
                (None, Some(b)) => app
                    .i18n
                    .t_args("profil-period-to", &[arg("to", format::date(b))]),
                (None, None) => String::new(),
            };
            push(&mut lines, field(app, theme, "profil-periode", &period));
            lines.push(Line::raw(""));
            lines.push(Line::raw(app.t("profil-hint-edit")));
            for (id, date) in crate::app::profil::milestones(p) {
                let Some(date) = date else {
                    continue;
                };
                let when = if date < app.today {
                    app.i18n
                        .t_args("countdown-past", &[arg("date", format::date(date))])
                } else {
                    let days = (date - app.today).num_days();
                    let when = app.i18n.t_args("countdown-in", &[arg("days", days)]);
                    format!("{when} ({})", format::date(date))
                };
                push(&mut detail, field(app, theme, id, &when));
            }
            if detail.is_empty() {
                detail.push(Line::raw(app.t("profil-no-dates")));
            }
        }
    }
    ScreenView {
        title: app.t("view-profil"),
        columns: Vec::new(),
        len: 0,
        row: Box::new(|_| Vec::new()),
        empty: lines,
        detail_title: app.t("detail-certification"),
        detail,
    }
}

fn referentiel<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let r = &app.config.referentiel;
    let l = lang(app);
    let rows = &app.views.competences;
    let row = move |i: usize| match rows[i] {
        CompetenceRow::Ccp(ci) => {
            let ccp = &r.ccp[ci];
            let count = app.views.ccp_evidence(&app.config, ccp);
            let mut cells = vec![Cell::from(Span::styled(
                format!("{} {}", ccp.id, ccp.label(l)),
                theme.group,
            ))];
            cells.extend(count_cells(count, theme));
            cells
        }
        CompetenceRow::Competence(ci, k) => {
            let c = &r.ccp[ci].competences[k];
            let count = app
                .views
                .evidence
                .get(r.qualify(&c.id).as_str())
                .copied()
                .unwrap_or_default();
            let mut cells = vec![cell(format!("  {} {}", c.id, c.label(l)))];
            cells.extend(count_cells(count, theme));
            cells.push(Cell::from(coverage_label(app, count, theme)));
            cells
        }
        CompetenceRow::OrphanHeader => vec![Cell::from(Span::styled(
            app.t("orphans-heading"),
            theme.group,
        ))],
        CompetenceRow::Orphan(i) => {
            let id = &app.views.orphans[i];
            let count = app.views.evidence.get(id).copied().unwrap_or_default();
            let mut cells = vec![cell(format!("  {id}"))];
            cells.extend(count_cells(count, theme));
            cells.push(Cell::from(Span::styled(
                app.t("annex-orphan-state"),
                theme.warn,
            )));
            cells
        }
    };
    let detail = rows
        .get(app.cursor().selected)
        .map(|row| competence_detail(app, theme, *row))
        .unwrap_or_default();
    ScreenView {
        title: format!("{} — {}", app.t("tab-competences"), r.title(l)),
        columns: vec![
            col(app, "col-competence", Constraint::Fill(1)),
            col(app, "col-principale", Constraint::Length(6)),
            col(app, "col-secondaire", Constraint::Length(5)),
            col(app, "col-latest", Constraint::Length(10)),
            col(app, "col-state", Constraint::Length(9)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty: vec![Line::raw(app.t("empty-competences"))],
        detail_title: app.t("detail-competence"),
        detail,
    }
}

/// A one-line summary of a record, to list it under the competence it evidences.
const MAX_LISTED_EVIDENCE: usize = 50;

fn competence_detail(app: &App, theme: &Theme, row: CompetenceRow) -> Vec<Line<'static>> {
    let r = &app.config.referentiel;
    let l = lang(app);
    match row {
        CompetenceRow::Ccp(ci) => {
            let ccp = &r.ccp[ci];
            let count = app.views.ccp_evidence(&app.config, ccp);
            let mut lines = vec![
                Line::styled(format!("{} — {}", ccp.id, ccp.label(l)), theme.header),
                Line::raw(""),
                Line::raw(app.i18n.t_args(
                    "ccp-summary",
                    &[
                        arg("competences", ccp.competences.len()),
                        arg("links", count.total()),
                    ],
                )),
                Line::raw(""),
            ];
            for c in &ccp.competences {
                let n = app
                    .views
                    .evidence
                    .get(r.qualify(&c.id).as_str())
                    .map_or(0, EvidenceCount::total);
                let style = if n == 0 { theme.warn } else { theme.base };
                lines.push(Line::styled(
                    format!("{:>4}  {} {}", n, c.id, c.label(l)),
                    style,
                ));
            }
            lines
        }
        CompetenceRow::Competence(ci, k) => {
            let c = &r.ccp[ci].competences[k];
            let qualified = r.qualify(&c.id);
            let mut lines = vec![
                Line::styled(format!("{} — {}", c.id, c.label(l)), theme.header),
                Line::styled(
                    format!("{} · {}", r.ccp[ci].id, r.ccp[ci].label(l)),
                    theme.dim,
                ),
            ];
            let observables = c.observables(l);
            if !observables.is_empty() {
                lines.push(Line::raw(""));
                lines.push(heading(theme, app.t("detail-observables")));
                lines.extend(
                    observables
                        .iter()
                        .map(|o| Line::raw(format!("• {}", one_line(o)))),
                );
            }
            if !c.criteres.is_empty() {
                lines.push(Line::raw(""));
                lines.push(heading(theme, app.t("detail-criteres")));
                lines.extend(
                    c.criteres
                        .iter()
                        .map(|o| Line::raw(format!("• {}", one_line(o)))),
                );
            }
            linked_lines(app, theme, &qualified, &mut lines);
            lines
        }
        CompetenceRow::OrphanHeader => vec![
            Line::styled(app.t("orphans-heading"), theme.header),
            Line::raw(""),
            Line::raw(app.t("orphans-explain")),
        ],
        CompetenceRow::Orphan(i) => {
            let id = app.views.orphans[i].clone();
            let mut lines = vec![
                Line::styled(id.to_string(), theme.header),
                Line::styled(app.t("competence-orphan"), theme.warn),
                Line::raw(""),
                Line::raw(app.t("orphans-explain")),
            ];
            linked_lines(app, theme, &id, &mut lines);
            lines
        }
    }
}

/// The records linked to a competence, newest first, each with its justification.
fn linked_lines(app: &App, theme: &Theme, competence: &str, lines: &mut Vec<Line<'static>>) {
    let (links, total) = crate::app::evidence::linked(
        &app.data,
        &app.config,
        lang(app),
        competence,
        MAX_LISTED_EVIDENCE,
    );
    lines.push(Line::raw(""));
    lines.push(heading(
        theme,
        app.i18n
            .t_args("detail-linked-records", &[arg("count", total)]),
    ));
    if links.is_empty() {
        lines.push(Line::styled(app.t("no-evidence"), theme.dim));
    }
    for link in &links {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", format::date(link.date)), theme.key),
            Span::styled(
                format!("[{}] ", app.t(&format!("kind-{}", link.kind.name()))),
                theme.dim,
            ),
            Span::raw(one_line(&link.summary)),
        ]));
        if !link.justification.is_empty() {
            lines.push(Line::styled(
                format!("  « {} »", one_line(&link.justification)),
                theme.dim,
            ));
        }
    }
    if total > links.len() {
        lines.push(Line::styled(
            app.i18n
                .t_args("more-records", &[arg("count", total - links.len())]),
            theme.dim,
        ));
    }
}
