//! The Bilan tab: each breakdown of the period as rows under its heading, with a bar of its
//! share; the detail compares the totals with the period before and the year before, then
//! charts the activity week by week (or month by month).

use super::reseau::{bar, bar_lines};
use super::*;
use crate::app::BilanRow;
use crate::domain::bilan::{self, Chiffres, Totaux};
use crate::export::bilan::value_label;
use chrono::Datelike;

/// Cells of a row's bar: its value against the largest of its breakdown.
const BAR_WIDTH: usize = 10;

pub(super) fn bilan<'a>(app: &'a App, theme: &'a Theme) -> ScreenView<'a> {
    let state = app.bilan();
    let l = lang(app);
    let title = format!(
        "{} · {}",
        app.t("tab-bilan"),
        format::period(&app.i18n, &state.period)
    );
    let Some(figures) = state.figures.as_ref() else {
        return ScreenView {
            title,
            columns: Vec::new(),
            len: 0,
            row: Box::new(|_| Vec::new()),
            empty: vec![Line::styled(app.t("loading"), theme.dim)],
            detail_title: app.t("detail-bilan"),
            detail: Vec::new(),
        };
    };
    let rows = &state.rows;
    // A breakdown of interactions is shared against the period's interactions (a line
    // may hold several values: the shares can add up to more than 100 %); one of other
    // records (rencontres, veille, signalements), against its own lines.
    let of = |table: &crate::domain::bilan::Table| {
        if bilan::counts_interactions(table.dimension) {
            figures.totaux.interactions
        } else {
            table.lignes.iter().map(|l| l.interactions).sum()
        }
    };
    let row = move |i: usize| match rows[i] {
        BilanRow::Heading(t) => {
            let mut cells = vec![Line::styled(
                app.t(&format!("bilan-dim-{}", figures.tables[t].dimension)),
                theme.group,
            )];
            cells.resize(6, Line::default());
            cells
        }
        BilanRow::Line(t, k) => {
            let table = &figures.tables[t];
            let line = &table.lignes[k];
            let max = table
                .lignes
                .iter()
                .map(|l| l.interactions)
                .max()
                .unwrap_or(0);
            vec![
                cell(format!(
                    "  {}",
                    value_label(&app.config, &app.i18n, table.dimension, &line.valeur)
                )),
                figure(format::count(l, line.interactions as usize)),
                figure(format!("{}\u{a0}%", share(line.interactions, of(table)))),
                figure(if line.personnes == 0 {
                    String::new()
                } else {
                    format::count(l, line.personnes as usize)
                }),
                figure(if line.minutes == 0 {
                    String::new()
                } else {
                    format::duration(line.minutes)
                }),
                Line::styled(
                    bar(line.interactions as usize, max as usize, BAR_WIDTH),
                    theme.key,
                ),
            ]
        }
    };
    ScreenView {
        title,
        columns: vec![
            col(app, "bilan-col-libelle", Width::Main(MAIN_MIN)),
            col(app, "bilan-col-nombre", Width::Fit(8)),
            col(app, "bilan-col-part", Width::Fit(6)),
            col(app, "bilan-col-personnes", Width::Fit(9)),
            col(app, "bilan-col-temps", Width::Fit(10)),
            (String::new(), Width::Fixed(BAR_WIDTH as u16)),
        ],
        len: rows.len(),
        row: Box::new(row),
        empty: vec![
            Line::styled(app.t("bilan-empty"), theme.header),
            Line::raw(""),
            Line::styled(app.t("bilan-empty-hint"), theme.dim),
        ],
        detail_title: app.t("detail-bilan"),
        detail: detail(app, theme, figures),
    }
}

/// `part` of `whole` in whole percent, rounded.
fn share(part: u32, whole: u32) -> u64 {
    (u64::from(part) * 100 + u64::from(whole.max(1)) / 2) / u64::from(whole.max(1))
}

/// A number, right-aligned so that units line up.
fn figure(text: String) -> Line<'static> {
    Line::from(text).right_aligned()
}

/// The records behind a selected line of other records, the totals against the two periods
/// they are compared with, the written bilan, then the activity chart.
fn detail(app: &App, theme: &Theme, figures: &Chiffres) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    behind(app, theme, figures, &mut lines);
    compare(app, theme, figures, &mut lines);
    lines.push(Line::raw(""));
    written(app, theme, &mut lines);
    let counts = figures
        .activite
        .iter()
        .map(|(du, n)| (slice_label(app, figures.tranche, *du), *n as usize))
        .collect();
    let title = app.t(&format!("bilan-activite-{}", figures.tranche.name()));
    bar_lines(app, theme, title, counts, &mut lines);
    lines
}

/// A selected line of rencontres, veille or signalements: the records it counts (the
/// journal shows those behind an interaction line).
fn behind(app: &App, theme: &Theme, figures: &Chiffres, lines: &mut Vec<Line<'static>>) {
    let Some(BilanRow::Line(t, k)) = app.bilan().rows.get(app.cursor().selected).copied() else {
        return;
    };
    let table = &figures.tables[t];
    if bilan::counts_interactions(table.dimension) {
        return;
    }
    let value = &table.lignes[k].valeur;
    lines.push(heading(
        theme,
        format!(
            "{} › {}",
            app.t(&format!("bilan-dim-{}", table.dimension)),
            one_line(&value_label(&app.config, &app.i18n, table.dimension, value))
        ),
    ));
    let ctx = app.ctx();
    for (kind, id) in
        bilan::records_counted_in(&app.data, app.bilan().period, table.dimension, value)
    {
        if let Some((date, summary)) = crate::app::kinds::summary(&ctx, kind, id) {
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", format::date(date)), theme.dim),
                Span::raw(one_line(&summary)),
            ]));
        }
    }
    lines.push(Line::raw(""));
}

/// The period's written bilan: its title, when it was handed in, and its text.
fn written(app: &App, theme: &Theme, lines: &mut Vec<Line<'static>>) {
    lines.push(heading(theme, app.t("bilan-written")));
    match app.period_bilan() {
        Some(b) => {
            let state = match b.remis_le {
                Some(d) => app
                    .i18n
                    .t_args("bilan-written-handed", &[arg("date", format::date(d))]),
                None => app.t("bilan-written-draft"),
            };
            let title = if b.titre.is_empty() {
                format::period(&app.i18n, &app.bilan().period)
            } else {
                one_line(&b.titre)
            };
            lines.push(Line::from(vec![
                Span::styled(title, theme.header),
                Span::styled(format!(" · {state}"), theme.dim),
            ]));
            push(
                lines,
                field(app, theme, "field-destinataire-bilan", &b.destinataire),
            );
            for (id, text) in [
                ("field-faits-marquants", &b.faits_marquants),
                ("field-difficultes", &b.difficultes),
                ("field-perspectives", &b.perspectives),
            ] {
                if !text.is_empty() {
                    lines.push(Line::from(label_span(app, theme, id)));
                    lines.extend(paragraph_lines(text, theme.base));
                }
            }
        }
        None => lines.push(Line::styled(app.t("bilan-written-none"), theme.dim)),
    }
    let more = app.overlapping_bilans();
    if more > 0 {
        lines.push(Line::styled(
            app.i18n.t_args("bilan-written-more", &[arg("count", more)]),
            theme.dim,
        ));
    }
    lines.push(Line::raw(""));
}

/// A slice of the activity chart: its first day, or its month, quarter or year.
fn slice_label(app: &App, tranche: bilan::PeriodKind, du: chrono::NaiveDate) -> String {
    use bilan::PeriodKind;
    match tranche {
        PeriodKind::Mois => format!("{} {}", app.t(&format!("month-{}", du.month())), du.year()),
        PeriodKind::Trimestre | PeriodKind::Annee => {
            format::period(&app.i18n, &bilan::Period::containing(tranche, du))
        }
        PeriodKind::Semaine | PeriodKind::Libre => du.format("%d/%m").to_string(),
    }
}

/// The totals, one row each, in three columns: this period, the one before, a year before.
fn compare(app: &App, theme: &Theme, figures: &Chiffres, lines: &mut Vec<Line<'static>>) {
    let state = app.bilan();
    let l = lang(app);
    let n = |v: u32| format::count(l, v as usize);
    let pair = |a: u32, b: u32| format!("{} / {}", n(a), n(b));
    let value = |t: &Totaux, row: usize| match row {
        0 => n(t.interactions),
        1 => pair(t.personnes, t.suivis),
        2 => format::duration(t.minutes),
        3 => pair(t.premiers_contacts, t.personnes_connues),
        4 => pair(t.suites_faites, t.suites_en_retard),
        5 => pair(t.signalements, t.signalements_resolus),
        6 => t.delai_resolution_jours.map_or_else(
            || "—".to_string(),
            |d| app.i18n.t_args("bilan-days", &[arg("count", d)]),
        ),
        7 => pair(t.fiches_creees, t.fiches_revisees),
        8 => n(t.evenements_securite),
        9 => pair(t.cas, t.cas_clos),
        10 => t.duree_cas_jours.map_or_else(
            || "—".to_string(),
            |d| app.i18n.t_args("bilan-days", &[arg("count", d)]),
        ),
        _ => pair(t.seances, t.participants),
    };
    let columns = [&figures.totaux, &state.previous, &state.year_before];
    let cells: Vec<(String, [String; 3])> = [
        "bilan-interactions",
        "bilan-personnes-suivis",
        "bilan-temps",
        "bilan-contacts",
        "bilan-suites",
        "bilan-signalements-pair",
        "bilan-delai-resolution",
        "bilan-fiches-pair",
        "bilan-evenements-securite",
        "bilan-cas-pair",
        "bilan-duree-cas",
        "bilan-seances-pair",
    ]
    .iter()
    .enumerate()
    .map(|(row, id)| (app.t(id), columns.map(|t| value(t, row))))
    .collect();
    let headers = [
        app.t("bilan-compare-periode"),
        app.t("bilan-compare-precedente"),
        app.t("bilan-compare-an"),
    ];
    let label_width = cells
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0);
    let widths: Vec<usize> = (0..3)
        .map(|c| {
            cells
                .iter()
                .map(|(_, v)| v[c].chars().count())
                .chain([headers[c].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let row = |label: &str, values: &[String; 3]| {
        let mut text = format!("{label:<label_width$}");
        for (value, width) in values.iter().zip(&widths) {
            text.push_str(&format!("  {value:>width$}"));
        }
        text
    };
    lines.push(Line::styled(row("", &headers), theme.dim));
    for (label, values) in &cells {
        lines.push(Line::from(Span::styled(row(label, values), theme.base)));
    }
}
