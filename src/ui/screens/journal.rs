//! The Journal tab: the interactions and the follow-ups due, with an interaction's detail.

use super::*;
use crate::app::journal::Todo;

pub(super) fn journal<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    match app.journal.mode {
        Mode::List => journal_list(app, theme),
        Mode::Todo => todo(app, theme),
    }
}

/// What the journal list shows: count, active filters, and the search being typed.
pub(super) fn journal_title(app: &App) -> String {
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
    if let Some(b) = &f.behind {
        parts.push(b.label.clone());
    }
    if app.is_loading() {
        // Part of the journal: no count until all of it is there.
        return format!("{} · {}", app.t("tab-journal"), app.t("loading-short"));
    }
    let search = (j.searching || !j.query.is_empty()).then(|| (j.query_input.text(), j.searching));
    list_title(
        app,
        "tab-journal",
        (
            j.pending.is_none().then_some(j.rows.len()),
            app.data.interactions.len(),
        ),
        j.is_filtered(),
        &parts,
        search,
    )
}

pub(super) fn journal_list<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let vocab = &app.config.vocab;
    let l = lang(app);
    let rows = &app.journal.rows;
    let data = &app.data;
    let terms = app.journal.query.highlight_terms();
    let row = move |i: usize| {
        let it = &data.interactions[rows[i]];
        let first_of_day = i == 0 || data.interactions[rows[i - 1]].date != it.date;
        let day = if first_of_day {
            Line::from(Span::styled(
                format::short_day(&app.i18n, it.date, app.today),
                theme.group,
            ))
        } else {
            Line::from("")
        };
        vec![
            day,
            cell(format::time(it.heure)),
            cell(format::duration(it.duree_min)),
            cell(vocab.types_interaction.labels(&it.types, l)),
            cell(vocab.thematiques.labels(&it.thematiques, l)),
            Line::from(highlighted(
                &one_line(&it.demande),
                &terms,
                theme.base,
                theme.warn,
            )),
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
            col(app, "col-day", Width::Fit(10)),
            col(app, "col-time", Width::Fixed(5)),
            col(app, "col-duration", Width::Fit(7)),
            col(app, "col-types", Width::Share(3)),
            col(app, "col-themes", Width::Share(2)),
            col(app, "col-demande", Width::Main(MAIN_MIN)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty,
        detail_title: app.t("detail-interaction"),
        detail,
    }
}

pub(super) fn todo<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let rows = &app.journal.todo;
    let data = &app.data;
    let today = app.today;
    let overdue = rows.iter().filter(|r| r.due < today).count();
    let row = move |i: usize| {
        let r = rows[i];
        // What to do, what it is about, and the day of what it is about.
        let (action, about, day) = match r.subject {
            Todo::Suite { interaction, suite } => {
                let it = &data.interactions[interaction];
                let action = it.suites.get(suite).map(|s| s.action.to_string());
                (action.unwrap_or_default(), it.demande.to_string(), it.date)
            }
            Todo::Tache { projet, tache } => {
                let p = &data.projets[projet];
                let action = p.taches.get(tache).map(|t| t.action.to_string());
                (action.unwrap_or_default(), p.titre.to_string(), p.debut)
            }
            Todo::Cas { cas } => {
                let c = &data.cas_mediation[cas];
                let waited = (today - c.since()).num_days();
                let action = app.i18n.t_args(
                    "todo-cas-waiting",
                    &[
                        arg("status", app.ctx().label("statuts_cas", &c.statut)),
                        arg("days", waited),
                    ],
                );
                (action, c.intitule.to_string(), c.date)
            }
        };
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
            Line::from(Span::styled(format::date(r.due), due_style)),
            Line::from(Span::styled(when, due_style)),
            cell(action),
            cell(about),
            cell(format::date(day)),
        ]
    };
    let detail = rows
        .get(app.cursor().selected)
        .map(|r| match r.subject {
            Todo::Suite { interaction, .. } => {
                interaction_detail(app, theme, &data.interactions[interaction])
            }
            Todo::Tache { projet, .. } => {
                super::reseau::record_detail(app, theme, RecordKind::Projet, projet)
            }
            Todo::Cas { cas } => {
                super::reseau::record_detail(app, theme, RecordKind::CasMediation, cas)
            }
        })
        .unwrap_or_default();
    ScreenView {
        title: app.i18n.t_args(
            "todo-title",
            &[arg("count", rows.len()), arg("overdue", overdue)],
        ),
        columns: vec![
            col(app, "col-due", Width::Fixed(10)),
            col(app, "col-when", Width::Fit(9)),
            col(app, "col-action", Width::Share(1)),
            col(app, "col-sujet", Width::Main(MAIN_MIN)),
            col(app, "col-day", Width::Fixed(10)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty: vec![Line::styled(app.t("todo-empty"), theme.header)],
        detail_title: app.t(match rows.get(app.cursor().selected).map(|r| r.subject) {
            Some(Todo::Tache { .. }) => "detail-projet",
            Some(Todo::Cas { .. }) => "detail-cas",
            _ => "detail-interaction",
        }),
        detail,
    }
}

pub(super) fn personnes_text(app: &App, p: &Personnes) -> String {
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

pub(super) fn interaction_detail(app: &App, theme: &Theme, it: &Interaction) -> Vec<Line<'static>> {
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
    for s in it.suites.iter() {
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
