//! The Compétences tab: référentiel, coverage, analyses, profil and the Dossier
//! Professionnel.

use super::*;

pub(super) fn count_cells<'a>(count: EvidenceCount, theme: &Theme) -> [Line<'a>; 3] {
    let style = if count.total() == 0 {
        theme.dim
    } else {
        theme.base
    };
    [
        Line::from(Span::styled(count.principale.to_string(), style)),
        Line::from(Span::styled(count.secondaire.to_string(), style)),
        Line::from(Span::styled(format::opt_date(count.latest), style)),
    ]
}

pub(super) fn coverage_label(app: &App, count: EvidenceCount, theme: &Theme) -> Span<'static> {
    let state = count.coverage(app.config.coverage);
    let style = match state {
        crate::app::Coverage::Aucune => theme.warn,
        crate::app::Coverage::Amorcee => theme.base,
        crate::app::Coverage::Solide => theme.key,
    };
    Span::styled(app.t(&format!("coverage-{}", state.id())), style)
}

/// Principal links as a bar against the "solide" threshold: full means solid.
pub(super) fn coverage_bar(app: &App, count: EvidenceCount) -> String {
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
pub(super) fn coverage<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
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
    summary.push(Line::styled(
        app.i18n.t_args(
            "coverage-legend",
            &[
                arg(
                    "rule",
                    crate::export::coverage::rule(&app.config, &app.i18n),
                ),
                arg("solid", app.config.coverage.1),
            ],
        ),
        theme.dim,
    ));
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
            Line::from(coverage_label(app, count, theme)),
            Line::from(Span::styled(coverage_bar(app, count), theme.key)),
            cell(count.total().to_string()),
        ]
    };
    ScreenView {
        title: app.t("coverage-title"),
        columns: vec![
            col(app, "col-competence", Width::Main(MAIN_MIN)),
            col(app, "col-state", Width::Fit(9)),
            col(app, "col-bar", Width::Fixed(10)),
            col(app, "col-links", Width::Fit(6)),
        ],
        len: r.competences().count(),
        row: Box::new(row),
        empty: vec![Line::raw(app.t("empty-competences"))],
        detail_title: app.t("detail-coverage"),
        detail,
    }
}

/// The reflective journal: newest first, the detail walks through the guided prompts.
pub(super) fn analyses<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
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
            col(app, "col-date", Width::Fixed(10)),
            col(app, "col-format", Width::Fit(16)),
            col(app, "col-situation", Width::Main(MAIN_MIN)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty: vec![Line::styled(app.t("empty-records"), theme.header)],
        detail_title: app.t("detail-analyse"),
        detail,
    }
}

pub(super) fn competences<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let mut view = match app.comp.view {
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
        .and_then(|p| crate::app::kinds::profil::next_milestone(p, app.today))
    {
        view.title = format!("{} · {}", view.title, countdown(app, id, date));
    }
    view
}

/// "Jury dans 42 jours", "Jury aujourd'hui".
pub(super) fn countdown(app: &App, label_id: &str, date: NaiveDate) -> String {
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
pub(super) fn dossier<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
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
            let shown = dp::shown_by_example(data, x);
            if !shown.is_empty() {
                let ids: Vec<&str> = shown
                    .iter()
                    .map(|c| c.rsplit('/').next().unwrap_or(c))
                    .collect();
                lines.push(Line::styled(
                    app.i18n
                        .t_args("dp-example-shows", &[arg("competences", ids.join(" · "))]),
                    theme.dim,
                ));
            }
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
                    let found = RecordKind::from_name(&s.kind)
                        .and_then(|kind| crate::app::kinds::summary(&app.ctx(), kind, s.id));
                    lines.push(match found {
                        Some((date, summary)) => Line::from(vec![
                            Span::styled(format!("{}  ", format::date(date)), theme.dim),
                            Span::styled(summary, theme.base),
                        ]),
                        None => Line::styled(app.t("dp-source-gone"), theme.dim),
                    });
                }
            }
            let questions = dp::open_questions(x);
            if !questions.is_empty() {
                lines.push(Line::raw(""));
                lines.push(heading(theme, app.t("dp-questions-heading")));
                for (field, q) in &questions {
                    lines.push(Line::styled(
                        format!("? {q} ({})", app.field_label(field)),
                        theme.warn,
                    ));
                }
                lines.push(Line::styled(app.t("dp-questions-hint"), theme.dim));
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
                Line::from(Span::styled(
                    format!("{} {}", ccp.id, ccp.label(l)),
                    theme.group,
                )),
                Line::from(""),
                Line::from(state),
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
                .count()
                + dp::open_questions(x).len();
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
                Line::from(state),
            ]
        }
    };
    ScreenView {
        title: app.t("view-dossier"),
        columns: vec![
            col(app, "col-exemple", Width::Main(MAIN_MIN)),
            col(app, "col-periode", Width::Fit(23)),
            col(app, "col-taille", Width::Fit(16)),
        ],
        len,
        row: Box::new(row),
        empty: vec![Line::raw(app.t("empty-competences"))],
        detail_title: app.t("detail-exemple"),
        detail,
    }
}

/// The profil, in the list area; the certification dates with their countdown beside it.
pub(super) fn profil<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
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
            let role = crate::app::kinds::profil::ROLES
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
            for (id, date) in crate::app::kinds::profil::milestones(p) {
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

pub(super) fn referentiel<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let r = &app.config.referentiel;
    let l = lang(app);
    let rows = &app.views.competences;
    let row = move |i: usize| match rows[i] {
        CompetenceRow::Ccp(ci) => {
            let ccp = &r.ccp[ci];
            let count = app.views.ccp_evidence(&app.config, ccp);
            let mut cells = vec![Line::from(Span::styled(
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
            cells.push(Line::from(coverage_label(app, count, theme)));
            cells
        }
        CompetenceRow::OrphanHeader => vec![Line::from(Span::styled(
            app.t("orphans-heading"),
            theme.group,
        ))],
        CompetenceRow::Orphan(i) => {
            let id = &app.views.orphans[i];
            let count = app.views.evidence.get(id).copied().unwrap_or_default();
            let mut cells = vec![cell(format!("  {id}"))];
            cells.extend(count_cells(count, theme));
            cells.push(Line::from(Span::styled(
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
            col(app, "col-competence", Width::Main(MAIN_MIN)),
            col(app, "col-principale", Width::Fit(6)),
            col(app, "col-secondaire", Width::Fit(5)),
            col(app, "col-latest", Width::Fixed(10)),
            col(app, "col-state", Width::Fit(9)),
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

pub(super) fn competence_detail(
    app: &App,
    theme: &Theme,
    row: CompetenceRow,
) -> Vec<Line<'static>> {
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
            // Nothing shows it yet: which records would, and how to link one.
            let unproven = app
                .views
                .evidence
                .get(qualified.as_str())
                .is_none_or(|n| n.total() == 0);
            let (kinds, types) = crate::app::evidence::shown_by(&app.config, &c.id, l);
            if unproven && (!kinds.is_empty() || !types.is_empty()) {
                lines.push(Line::raw(""));
                lines.push(heading(theme, app.t("detail-shown-by")));
                if !types.is_empty() {
                    let text = app
                        .i18n
                        .t_args("detail-shown-by-types", &[arg("types", types.join(" ; "))]);
                    lines.extend(paragraph_lines(&text, theme.base));
                }
                lines.extend(kinds.iter().map(|k| Line::raw(format!("• {k}"))));
                lines.extend(paragraph_lines(&app.t("detail-shown-by-hint"), theme.dim));
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
pub(super) fn linked_lines(
    app: &App,
    theme: &Theme,
    competence: &str,
    lines: &mut Vec<Line<'static>>,
) {
    let (links, total) = crate::app::evidence::linked(&app.ctx(), competence, MAX_LISTED_EVIDENCE);
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
