//! The Documentation tab: fiches by plan de classement, the plan itself, what to review.

use super::*;

pub(super) fn plan_label(app: &App, id: &str) -> String {
    app.config
        .vocab
        .plan_classement
        .label(id, lang(app))
        .into_owned()
}

pub(super) fn documentation<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    match app.docs.mode {
        DocsMode::AReviser => return to_review(app, theme),
        DocsMode::Plan => return plan_tree(app, theme),
        DocsMode::List => {}
    }
    let vocab = &app.config.vocab;
    let l = lang(app);
    let rows = &app.docs.rows;
    let data = &app.data;
    let row = move |i: usize| {
        let f = &data.fiches[rows[i]];
        let first_of_node = i == 0 || data.fiches[rows[i - 1]].classement != f.classement;
        let node = if first_of_node {
            let depth = app.config.vocab.plan_depth(&f.classement);
            Line::from(Span::styled(
                format!("{}{}", "  ".repeat(depth), plan_label(app, &f.classement)),
                theme.group,
            ))
        } else {
            Line::from("")
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
            (Some(rows.len()), app.data.fiches.len()),
            !app.docs.query.is_empty(),
            &[],
            (app.docs.searching || !app.docs.query.is_empty())
                .then(|| (app.docs.query_input.text(), app.docs.searching)),
        ),
        columns: vec![
            col(app, "col-classement", Width::Share(1)),
            col(app, "col-titre", Width::Main(MAIN_MIN)),
            col(app, "col-type", Width::Share(1)),
            col(app, "col-statut", Width::Fit(10)),
            col(app, "col-revision", Width::Fixed(10)),
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
pub(super) fn plan_tree<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let plan = &app.config.vocab.plan_classement;
    let row = move |i: usize| {
        let node = &plan.entries[i];
        let depth = app.config.vocab.plan_depth(&node.id);
        vec![
            Line::from(Span::styled(
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
            col(app, "col-classement", Width::Main(MAIN_MIN)),
            col(app, "col-fiches", Width::Fit(7)),
        ],
        len: plan.entries.len(),
        row: Box::new(row),
        empty: vec![Line::styled(app.t("plan-empty"), theme.header)],
        detail_title: app.t("detail-node"),
        detail,
    }
}

pub(super) fn to_review<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let rows = &app.docs.review;
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
            Line::from(Span::styled(
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
            col(app, "col-titre", Width::Main(MAIN_MIN)),
            col(app, "col-classement", Width::Share(1)),
            col(app, "col-reason", Width::Fit(40)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty: vec![Line::styled(app.t("review-empty"), theme.header)],
        detail_title: app.t("detail-fiche"),
        detail,
    }
}

pub(super) fn plan_path(app: &App, id: &str) -> String {
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

pub(super) fn fiche_detail(app: &App, theme: &Theme, f: &Fiche) -> Vec<Line<'static>> {
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
    lines.extend(crate::ui::markdown::render(&f.contenu, theme));
    evidence_lines(app, theme, &f.meta, &mut lines);
    lines
}
