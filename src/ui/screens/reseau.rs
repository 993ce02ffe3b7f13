//! The Réseau tab: the directory, « à relancer », the record views of the listed kinds
//! (columns, cells and detail come from `app::kinds`) and the overview.

use super::*;

pub(super) fn reseau<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    match app.reseau.mode {
        ReseauMode::List => directory(app, theme),
        ReseauMode::Relancer => relancer(app, theme),
        ReseauMode::Records(kind) => records(app, theme, kind),
        ReseauMode::Overview => overview(app, theme),
    }
}

pub(super) fn view_title(app: &App, len: usize) -> String {
    format!(
        "{} · {}",
        app.t(&format!("view-{}", app.reseau.mode.name())),
        format::count(lang(app), len)
    )
}

/// The detail pane of record `i` of a listed kind, as `app::kinds` describes it, with its
/// evidence.
pub(super) fn record_detail(
    app: &App,
    theme: &Theme,
    kind: RecordKind,
    i: usize,
) -> Vec<Line<'static>> {
    use crate::app::kinds::{self, Detail};
    let Some((parts, meta)) = kinds::detail(&app.ctx(), kind, i) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for part in parts {
        match part {
            Detail::Header(text) => lines.push(Line::styled(one_line(&text), theme.header)),
            Detail::Field(label, value) => push(&mut lines, field(app, theme, label, &value)),
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
            Detail::Note(id) => {
                lines.push(Line::raw(""));
                lines.extend(paragraph_lines(&app.t(id), theme.dim));
            }
        }
    }
    evidence_lines(app, theme, meta, &mut lines);
    lines
}

/// The records of a listed kind (veille, signalements…): its columns, its cells and its
/// detail pane come from `app::kinds`.
pub(super) fn records<'a>(app: &'a App, theme: &'a Theme, kind: RecordKind) -> ScreenView<'a> {
    use crate::app::kinds::{self, Tone};
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
                Tone::Strong => Line::from(Span::styled(one_line(&c.text), theme.key)),
                Tone::Faint => Line::from(Span::styled(one_line(&c.text), theme.dim)),
            })
            .collect()
    };
    let detail = app
        .selected_record()
        .map(|(kind, i)| record_detail(app, theme, kind, i))
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
            .map(|c| col(app, c.header, c.width))
            .collect(),
        len: rows.len(),
        row: Box::new(row),
        empty: vec![Line::styled(app.t("empty-records"), theme.header)],
        detail_title: app.t(view.detail_title),
        detail,
    }
}

/// A horizontal bar that reads in colour and in monochrome alike.
pub(super) fn bar(value: usize, max: usize, width: usize) -> String {
    let filled = if max == 0 {
        0
    } else {
        (value * width).div_ceil(max)
    };
    "█".repeat(filled.min(width))
}

pub(super) fn bar_lines(
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
pub(super) fn overview<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
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
            col(app, "col-partner", Width::Main(MAIN_MIN)),
            col(app, "col-orientations", Width::Fit(7)),
            col(app, "col-known", Width::Fit(6)),
            col(app, "col-done", Width::Fit(8)),
            col(app, "col-last", Width::Fixed(10)),
        ],
        len,
        row: Box::new(row),
        empty: vec![Line::styled(app.t("empty-orientations"), theme.header)],
        detail_title: app.t("detail-overview"),
        detail: lines,
    }
}

/// "3 j", "5 sem.", "14 mois": how long ago, in a narrow column.
pub(super) fn ago(app: &App, date: Option<chrono::NaiveDate>) -> String {
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
pub(super) fn directory_title(app: &App) -> String {
    let f = &app.reseau.filter;
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
    let search = (app.reseau.searching || !app.reseau.query.is_empty())
        .then(|| (app.reseau.query_input.text(), app.reseau.searching));
    list_title(
        app,
        "tab-reseau",
        (Some(app.reseau.rows.len()), app.data.structures.len()),
        app.reseau_is_filtered(),
        &parts,
        search,
    )
}

pub(super) fn directory<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let vocab = &app.config.vocab;
    let l = lang(app);
    let rows = &app.reseau.rows;
    let data = &app.data;
    let terms = app.reseau.query.highlight_terms();
    let row = move |i: usize| {
        let s = &data.structures[rows[i]];
        vec![
            Line::from(highlighted(
                &one_line(&s.nom),
                &terms,
                theme.base,
                theme.warn,
            )),
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
            col(app, "col-name", Width::Main(MAIN_MIN)),
            col(app, "col-typologies", Width::Share(1)),
            col(app, "col-quartier", Width::Share(1)),
            col(app, "col-relation", Width::Share(1)),
            col(app, "col-last-contact", Width::Fixed(10)),
            col(app, "col-verified", Width::Fit(8)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty,
        detail_title: app.t("detail-structure"),
        detail,
    }
}

pub(super) fn relance_reason(app: &App, reason: Reason) -> String {
    match reason {
        Reason::NoContact { days, cadence } => app.i18n.t_args(
            "relance-no-contact",
            &[arg("days", days), arg("cadence", cadence)],
        ),
        Reason::NeverContacted => app.t("relance-never"),
        Reason::NotVerified { days: Some(days) } => app
            .i18n
            .t_args("relance-not-verified", &[arg("days", days)]),
        Reason::NotVerified { days: None } => app.t("relance-never-verified"),
    }
}

pub(super) fn relancer<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let rows = &app.reseau.relance;
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
            Line::from(Span::styled(relance_reason(app, r.reason), style)),
        ]
    };
    let detail = app
        .selected_structure()
        .map(|i| structure_detail(app, theme, &data.structures[i]))
        .unwrap_or_default();
    ScreenView {
        title: {
            let held = data
                .relances_reportees
                .iter()
                .filter(|r| r.holds(app.today()))
                .count();
            if held == 0 {
                app.i18n
                    .t_args("relance-title", &[arg("count", rows.len())])
            } else {
                app.i18n.t_args(
                    "relance-title-held",
                    &[arg("count", rows.len()), arg("held", held)],
                )
            }
        },
        columns: vec![
            col(app, "col-name", Width::Main(MAIN_MIN)),
            col(app, "col-kind", Width::Fit(9)),
            col(app, "col-reason", Width::Fit(40)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty: vec![Line::styled(app.t("relance-empty"), theme.header)],
        detail_title: app.t("detail-structure"),
        detail,
    }
}

pub(super) fn structure_detail(app: &App, theme: &Theme, s: &Structure) -> Vec<Line<'static>> {
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
            let mut text = format!("• {}", vocab.types_service.label(&svc.type_service, l));
            if !svc.thematiques.is_empty() {
                text.push_str(" — ");
                text.push_str(&vocab.thematiques.labels(&svc.thematiques, l));
            }
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
pub(super) fn structure_activity(
    app: &App,
    theme: &Theme,
    s: &Structure,
    lines: &mut Vec<Line<'static>>,
) {
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
