//! A bilan for others: JSON (a stable shape other tools read), CSV (one row per dimension and
//! value), Markdown (a report). Each says the period and the counting rules; a breakdown's
//! person count under the small-numbers threshold is masked (« < 3 »; `null` in JSON), the
//! usual protection against recognising someone; totals stay exact.

use crate::config::Config;
use crate::domain::bilan::{Chiffres, Ligne, vocabulary_of};
use crate::i18n::{I18n, arg};
use serde::Serialize;

/// The formats a bilan is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Markdown,
    Html,
    Xlsx,
}

impl Format {
    /// The format a file name asks for by its extension.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "md" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// The bilan's bytes in `format`, with the period's written bilan where the format has room
/// for it (the only failure: a workbook that cannot be built).
pub fn render(
    format: Format,
    figures: &Chiffres,
    written: Option<&crate::domain::Bilan>,
    config: &Config,
    i18n: &I18n,
) -> Result<Vec<u8>, String> {
    Ok(match format {
        Format::Json => json(figures, config, i18n).into_bytes(),
        Format::Csv => csv(figures, config, i18n).into_bytes(),
        Format::Markdown => markdown(figures, written, config, i18n).into_bytes(),
        Format::Html => html(figures, written, config, i18n).into_bytes(),
        Format::Xlsx => xlsx(figures, written, config, i18n).map_err(|e| e.to_string())?,
    })
}

/// The label of a dimension's value: its vocabulary's, a bucket's message, or the text.
pub fn value_label(config: &Config, i18n: &I18n, dimension: &str, value: &str) -> String {
    if dimension == "durees" {
        return i18n.t(&format!("bilan-duree-{value}"));
    }
    if value == "inconnue" && dimension == "issues_orientation" {
        return i18n.t("bilan-issue-inconnue");
    }
    match vocabulary_of(dimension).and_then(|v| config.vocab.get(v)) {
        Some(vocab) => vocab.label(value, i18n.lang()).into_owned(),
        None => value.to_string(),
    }
}

/// Persons as shown to others: masked under the threshold (never zero: nobody to hide).
fn shown_persons(persons: u32, threshold: u32) -> Option<u32> {
    (persons == 0 || persons >= threshold).then_some(persons)
}

#[derive(Serialize)]
struct JsonBilan<'a> {
    format: &'static str,
    version: u32,
    periode: JsonPeriode,
    regles: Vec<String>,
    seuil_petits_nombres: u32,
    totaux: &'a crate::domain::bilan::Totaux,
    tables: Vec<JsonTable<'a>>,
    activite: Vec<JsonSlice>,
}

#[derive(Serialize)]
struct JsonPeriode {
    du: String,
    au: String,
}

#[derive(Serialize)]
struct JsonTable<'a> {
    dimension: &'a str,
    libelle: String,
    lignes: Vec<JsonLigne<'a>>,
}

#[derive(Serialize)]
struct JsonLigne<'a> {
    valeur: &'a str,
    libelle: String,
    interactions: u32,
    /// `null` when under the small-numbers threshold.
    personnes: Option<u32>,
    minutes: u32,
}

#[derive(Serialize)]
struct JsonSlice {
    du: String,
    interactions: u32,
}

/// The counting rules, in the UI language, as every export states them.
pub fn rules(i18n: &I18n, threshold: u32) -> Vec<String> {
    [
        "bilan-rule-multi",
        "bilan-rule-persons",
        "bilan-rule-time",
        "bilan-rule-period",
    ]
    .iter()
    .map(|id| i18n.t(id))
    .chain([i18n.t_args("bilan-rule-small", &[arg("threshold", threshold)])])
    .collect()
}

pub fn json(bilan: &Chiffres, config: &Config, i18n: &I18n) -> String {
    let threshold = config.small_numbers;
    let doc = JsonBilan {
        format: "carnet-bilan",
        version: 1,
        periode: JsonPeriode {
            du: bilan.periode.du.to_string(),
            au: bilan.periode.au.to_string(),
        },
        regles: rules(i18n, threshold),
        seuil_petits_nombres: threshold,
        totaux: &bilan.totaux,
        tables: bilan
            .tables
            .iter()
            .map(|t| JsonTable {
                dimension: t.dimension,
                libelle: i18n.t(&format!("bilan-dim-{}", t.dimension)),
                lignes: t
                    .lignes
                    .iter()
                    .map(|l| JsonLigne {
                        valeur: &l.valeur,
                        libelle: value_label(config, i18n, t.dimension, &l.valeur),
                        interactions: l.interactions,
                        personnes: shown_persons(l.personnes, threshold),
                        minutes: l.minutes,
                    })
                    .collect(),
            })
            .collect(),
        activite: bilan
            .activite
            .iter()
            .map(|(du, n)| JsonSlice {
                du: du.to_string(),
                interactions: *n,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// « Interactions par semaine » (or month, quarter, year): how the activity is cut.
fn activity_title(bilan: &Chiffres, i18n: &I18n) -> String {
    i18n.t(&format!("bilan-activite-{}", bilan.tranche.name()))
}

/// The totals as every export lists them: a message id and the figure (`bilan-temps` in
/// minutes; `None`: a delay with nothing resolved to measure it).
fn totals_list(t: &crate::domain::bilan::Totaux) -> [(&'static str, Option<u32>); 19] {
    [
        ("bilan-interactions", Some(t.interactions)),
        ("bilan-personnes", Some(t.personnes)),
        ("bilan-suivis", Some(t.suivis)),
        ("bilan-temps", Some(t.minutes)),
        ("bilan-premiers-contacts", Some(t.premiers_contacts)),
        ("bilan-connues", Some(t.personnes_connues)),
        ("bilan-suites-faites", Some(t.suites_faites)),
        ("bilan-suites-retard", Some(t.suites_en_retard)),
        ("bilan-signalements", Some(t.signalements)),
        ("bilan-signalements-resolus", Some(t.signalements_resolus)),
        ("bilan-delai-resolution", t.delai_resolution_jours),
        ("bilan-fiches-creees", Some(t.fiches_creees)),
        ("bilan-fiches-revisees", Some(t.fiches_revisees)),
        ("bilan-evenements-securite", Some(t.evenements_securite)),
        ("bilan-cas", Some(t.cas)),
        ("bilan-cas-clos", Some(t.cas_clos)),
        ("bilan-duree-cas", t.duree_cas_jours),
        ("bilan-seances", Some(t.seances)),
        ("bilan-participants", Some(t.participants)),
    ]
}

/// `totals_list` as text: labels in the UI language, time as hours and minutes.
fn totals_text(t: &crate::domain::bilan::Totaux, i18n: &I18n) -> Vec<(String, String)> {
    totals_list(t)
        .into_iter()
        .map(|(id, value)| {
            let value = match (id, value) {
                ("bilan-temps", Some(m)) => crate::domain::text::duration(m),
                (_, Some(n)) => n.to_string(),
                (_, None) => "—".to_string(),
            };
            (i18n.t(id), value)
        })
        .collect()
}

/// The figure columns of a breakdown, as message ids: interactions with their persons and
/// time; rencontres with their time; veille and signalements counted only.
fn figure_columns(dimension: &str) -> &'static [&'static str] {
    if crate::domain::bilan::counts_interactions(dimension) {
        &[
            "bilan-col-interactions",
            "bilan-col-personnes",
            "bilan-col-minutes",
        ]
    } else if dimension == "rencontres" {
        &["bilan-col-nombre", "bilan-col-minutes"]
    } else if dimension == "seances" {
        &[
            "bilan-col-nombre",
            "bilan-col-participants",
            "bilan-col-minutes",
        ]
    } else {
        &["bilan-col-nombre"]
    }
}

/// A line's figures under `figure_columns`; `None` is a person count masked.
fn figures_of(dimension: &str, l: &Ligne, threshold: u32) -> Vec<Option<u32>> {
    if crate::domain::bilan::counts_interactions(dimension) {
        vec![
            Some(l.interactions),
            shown_persons(l.personnes, threshold),
            Some(l.minutes),
        ]
    } else if dimension == "rencontres" {
        vec![Some(l.interactions), Some(l.minutes)]
    } else if dimension == "seances" {
        // Participants of collective séances are not persons met one by one: no mask.
        vec![Some(l.interactions), Some(l.personnes), Some(l.minutes)]
    } else {
        vec![Some(l.interactions)]
    }
}

fn figure_text(figure: Option<u32>, threshold: u32) -> String {
    figure.map_or_else(|| format!("< {threshold}"), |n| n.to_string())
}

pub fn csv(bilan: &Chiffres, config: &Config, i18n: &I18n) -> String {
    let sep = config.csv_separator;
    let threshold = config.small_numbers;
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = [
        "bilan-col-dimension",
        "bilan-col-valeur",
        "bilan-col-libelle",
        "bilan-col-interactions",
        "bilan-col-personnes",
        "bilan-col-minutes",
    ]
    .iter()
    .map(|id| i18n.t(id))
    .collect();
    super::csv::row(&mut out, &header, sep);
    let totals = &bilan.totaux;
    super::csv::row(
        &mut out,
        &[
            i18n.t("bilan-dim-total"),
            format!("{}..{}", bilan.periode.du, bilan.periode.au),
            i18n.t("bilan-total"),
            totals.interactions.to_string(),
            totals.personnes.to_string(),
            totals.minutes.to_string(),
        ],
        sep,
    );
    for t in &bilan.tables {
        for l in &t.lignes {
            super::csv::row(
                &mut out,
                &[
                    t.dimension.to_string(),
                    l.valeur.clone(),
                    value_label(config, i18n, t.dimension, &l.valeur),
                    l.interactions.to_string(),
                    figure_text(shown_persons(l.personnes, threshold), threshold),
                    l.minutes.to_string(),
                ],
                sep,
            );
        }
    }
    out
}

pub fn markdown(
    bilan: &Chiffres,
    written: Option<&crate::domain::Bilan>,
    config: &Config,
    i18n: &I18n,
) -> String {
    let threshold = config.small_numbers;
    let date = crate::domain::text::date;
    let mut out = format!(
        "# {}\n\n",
        i18n.t_args(
            "bilan-title",
            &[
                arg("du", date(bilan.periode.du)),
                arg("au", date(bilan.periode.au))
            ]
        )
    );
    let t = &bilan.totaux;
    out.push_str(&format!("## {}\n\n", i18n.t("bilan-totaux")));
    for (label, value) in totals_text(t, i18n) {
        out.push_str(&format!("- {label} : {value}\n"));
    }
    if let Some(w) = written {
        out.push_str(&format!("\n## {}\n", i18n.t("bilan-written")));
        for (id, text) in written_parts(w) {
            out.push_str(&format!("\n**{}**\n\n{}\n", i18n.t(id), text.trim()));
        }
    }
    for table in bilan.tables.iter().filter(|t| !t.lignes.is_empty()) {
        let columns = figure_columns(table.dimension);
        out.push_str(&format!(
            "\n## {}\n\n| {} |",
            i18n.t(&format!("bilan-dim-{}", table.dimension)),
            i18n.t("bilan-col-libelle"),
        ));
        for id in columns {
            out.push_str(&format!(" {} |", i18n.t(id)));
        }
        out.push_str(&format!("\n|---|{}\n", "--:|".repeat(columns.len())));
        for l in &table.lignes {
            let label = value_label(config, i18n, table.dimension, &l.valeur).replace('|', "\\|");
            out.push_str(&format!("| {label} |"));
            for figure in figures_of(table.dimension, l, threshold) {
                out.push_str(&format!(" {} |", figure_text(figure, threshold)));
            }
            out.push('\n');
        }
    }
    out.push_str(&format!("\n## {}\n\n", i18n.t("bilan-regles")));
    for rule in rules(i18n, threshold) {
        out.push_str(&format!("- {rule}\n"));
    }
    out
}

/// The written bilan's parts that hold text, with their labels' ids.
fn written_parts(w: &crate::domain::Bilan) -> Vec<(&'static str, &str)> {
    [
        ("field-titre-bilan", w.titre.as_str()),
        ("field-destinataire-bilan", w.destinataire.as_str()),
        ("field-faits-marquants", w.faits_marquants.as_str()),
        ("field-difficultes", w.difficultes.as_str()),
        ("field-perspectives", w.perspectives.as_str()),
    ]
    .into_iter()
    .filter(|(_, text)| !text.trim().is_empty())
    .collect()
}

/// A horizontal bar chart as SVG, drawn by plotters: one bar per label, in grey so it
/// prints and reads without colour.
fn bar_chart_svg(labels: &[String], values: &[u32]) -> Result<String, String> {
    use plotters::prelude::*;
    let fail = |e: &dyn std::fmt::Display| e.to_string();
    let labels: Vec<String> = labels
        .iter()
        .map(|l| {
            let l = crate::domain::text::one_line(l);
            if l.chars().count() > 40 {
                format!("{}…", l.chars().take(39).collect::<String>())
            } else {
                l
            }
        })
        .collect();
    let rows = u32::try_from(labels.len()).unwrap_or(u32::MAX).min(200);
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 36 + 20 * rows)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| fail(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .margin(6)
            .x_label_area_size(22)
            .y_label_area_size(250)
            .build_cartesian_2d(0u32..max, (0..labels.len()).into_segmented())
            .map_err(|e| fail(&e))?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(labels.len())
            .light_line_style(WHITE)
            // The first label on top: plotters counts segments from the bottom.
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => labels
                    .len()
                    .checked_sub(i + 1)
                    .and_then(|k| labels.get(k))
                    .cloned()
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .x_label_style(("sans-serif", 11))
            .y_label_style(("sans-serif", 11))
            .draw()
            .map_err(|e| fail(&e))?;
        chart
            .draw_series(values.iter().rev().enumerate().map(|(i, v)| {
                let mut bar = Rectangle::new(
                    [
                        (0, SegmentValue::Exact(i)),
                        (*v, SegmentValue::Exact(i + 1)),
                    ],
                    RGBColor(80, 80, 80).filled(),
                );
                bar.set_margin(3, 3, 0, 0);
                bar
            }))
            .map_err(|e| fail(&e))?;
        root.present().map_err(|e| fail(&e))?;
    }
    Ok(svg)
}

const BILAN_CSS: &str = "td.n, th.n { text-align: right; }
figure { margin: 0.5em 0; } figure svg { max-width: 100%; height: auto; }
.texte { white-space: pre-wrap; }
";

/// A printable A4 report: the period, the totals, the activity chart, the written bilan's
/// text, each breakdown as a table and an SVG bar chart, and the counting rules.
pub fn html(
    bilan: &Chiffres,
    written: Option<&crate::domain::Bilan>,
    config: &Config,
    i18n: &I18n,
) -> String {
    let e = super::html_escape;
    let threshold = config.small_numbers;
    let date = crate::domain::text::date;
    let lang = match i18n.lang() {
        crate::domain::Lang::Fr => "fr",
        crate::domain::Lang::En => "en",
    };
    let title = e(&i18n.t_args(
        "bilan-title",
        &[
            arg("du", date(bilan.periode.du)),
            arg("au", date(bilan.periode.au)),
        ],
    ));
    let figure = |svg: Result<String, String>| match svg {
        Ok(svg) => format!("<figure>{svg}</figure>\n"),
        Err(detail) => format!(
            "<p>{}</p>\n",
            e(&i18n.t_args("bilan-chart-failed", &[arg("detail", detail)]))
        ),
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{}{BILAN_CSS}</style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        super::PRINT_CSS
    );
    let t = &bilan.totaux;
    out.push_str(&format!(
        "<section>\n<h2>{}</h2>\n<table>\n<tbody>\n",
        e(&i18n.t("bilan-totaux"))
    ));
    for (label, value) in totals_text(t, i18n) {
        out.push_str(&format!(
            "<tr><td>{}</td><td class=\"n\">{}</td></tr>\n",
            e(&label),
            e(&value)
        ));
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    out.push_str(&format!(
        "<section>\n<h2>{}</h2>\n",
        e(&activity_title(bilan, i18n))
    ));
    let (labels, values): (Vec<String>, Vec<u32>) =
        bilan.activite.iter().map(|(du, n)| (date(*du), *n)).unzip();
    out.push_str(&figure(bar_chart_svg(&labels, &values)));
    out.push_str("</section>\n");
    if let Some(w) = written {
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            e(&i18n.t("bilan-written"))
        ));
        for (id, text) in written_parts(w) {
            out.push_str(&format!(
                "<h3>{}</h3>\n<p class=\"texte\">{}</p>\n",
                e(&i18n.t(id)),
                e(text.trim())
            ));
        }
        out.push_str("</section>\n");
    }
    for table in bilan.tables.iter().filter(|t| !t.lignes.is_empty()) {
        let labels: Vec<String> = table
            .lignes
            .iter()
            .map(|l| value_label(config, i18n, table.dimension, &l.valeur))
            .collect();
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th>",
            e(&i18n.t(&format!("bilan-dim-{}", table.dimension))),
            e(&i18n.t("bilan-col-libelle")),
        ));
        for id in figure_columns(table.dimension) {
            out.push_str(&format!("<th class=\"n\">{}</th>", e(&i18n.t(id))));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for (l, label) in table.lignes.iter().zip(&labels) {
            out.push_str(&format!("<tr><td>{}</td>", e(label)));
            for figure in figures_of(table.dimension, l, threshold) {
                out.push_str(&format!(
                    "<td class=\"n\">{}</td>",
                    e(&figure_text(figure, threshold))
                ));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        let values: Vec<u32> = table.lignes.iter().map(|l| l.interactions).collect();
        out.push_str(&figure(bar_chart_svg(&labels, &values)));
        out.push_str("</section>\n");
    }
    out.push_str(&format!(
        "<section>\n<h2>{}</h2>\n<ul>\n",
        e(&i18n.t("bilan-regles"))
    ));
    for rule in rules(i18n, threshold) {
        out.push_str(&format!("<li>{}</li>\n", e(&rule)));
    }
    out.push_str("</ul>\n</section>\n</body>\n</html>\n");
    out
}

/// Excel's limit on a sheet name, in characters.
const SHEET_NAME_MAX: usize = 31;
/// Characters a written part's line holds across the Synthèse's merged columns.
const WRAP_CHARS: usize = 95;
/// Excel's limit on a cell's text, in UTF-16 units.
const CELL_TEXT_MAX: usize = 32_767;

/// A sheet name Excel accepts, unique in the workbook: no `[]:*?/\`, no apostrophe at either
/// end, at most 31 characters (labels come from the config and may break any of these).
fn sheet_name(label: &str, taken: &mut Vec<String>) -> String {
    let clean: String = label
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let base: String = clean.chars().take(SHEET_NAME_MAX).collect();
    let base = if base.is_empty() {
        "-".to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        let suffix = format!(" ({n})");
        let keep = SHEET_NAME_MAX.saturating_sub(suffix.chars().count());
        name = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
        n += 1;
    }
    taken.push(name.clone());
    name
}

fn cell_text(text: &str) -> String {
    excel_text(&crate::domain::text::one_line(text))
}

/// Text a cell accepts: no control characters but line breaks, and within Excel's limit,
/// which counts UTF-16 units (an emoji is two).
fn excel_text(text: &str) -> String {
    let mut room = CELL_TEXT_MAX;
    crate::domain::text::sanitize(text, true)
        .chars()
        .take_while(|c| {
            let units = c.len_utf16();
            let fits = units <= room;
            room = room.saturating_sub(units);
            fits
        })
        .collect()
}

/// An Excel workbook: a « Synthèse » sheet with the totals, the activity and its chart (and
/// the written bilan's text), then one sheet per breakdown. Numbers are number cells,
/// dates date cells; header rows are frozen and columns fitted.
pub fn xlsx(
    bilan: &Chiffres,
    written: Option<&crate::domain::Bilan>,
    config: &Config,
    i18n: &I18n,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Chart, ChartType, ExcelDateTime, Format, Workbook};
    let threshold = config.small_numbers;
    let date = crate::domain::text::date;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let day = Format::new().set_num_format("dd/mm/yyyy");
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let excel_day = |d: chrono::NaiveDate| {
        use chrono::Datelike;
        ExcelDateTime::from_ymd(
            u16::try_from(d.year()).unwrap_or(1900),
            u8::try_from(d.month()).unwrap_or(1),
            u8::try_from(d.day()).unwrap_or(1),
        )
    };
    let mut workbook = Workbook::new();
    let mut taken = Vec::new();
    let synthese = sheet_name(&i18n.t("bilan-sheet-synthese"), &mut taken);
    let sheet = workbook.add_worksheet();
    sheet.set_name(&synthese)?;
    sheet.write_string_with_format(
        0,
        0,
        i18n.t_args(
            "bilan-title",
            &[
                arg("du", date(bilan.periode.du)),
                arg("au", date(bilan.periode.au)),
            ],
        ),
        &title,
    )?;
    let t = &bilan.totaux;
    sheet.write_string_with_format(2, 0, i18n.t("bilan-totaux"), &bold)?;
    let mut row = 3;
    for (id, value) in totals_list(t) {
        let id = if id == "bilan-temps" {
            "bilan-minutes-total"
        } else {
            id
        };
        sheet.write_string(row, 0, i18n.t(id))?;
        if let Some(value) = value {
            sheet.write_number(row, 1, f64::from(value))?;
        }
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, activity_title(bilan, i18n), &bold)?;
    row += 1;
    sheet.write_string_with_format(row, 0, i18n.t("bilan-col-debut"), &bold)?;
    sheet.write_string_with_format(row, 1, i18n.t("bilan-col-interactions"), &bold)?;
    let header = row;
    row += 1;
    let first = row;
    for (du, n) in &bilan.activite {
        if let Ok(d) = excel_day(*du) {
            sheet.write_datetime_with_format(row, 0, &d, &day)?;
        }
        sheet.write_number(row, 1, f64::from(*n))?;
        row += 1;
    }
    if row > first {
        let mut chart = Chart::new(ChartType::Column);
        chart
            .add_series()
            .set_categories((synthese.as_str(), first, 0, row - 1, 0))
            .set_values((synthese.as_str(), first, 1, row - 1, 1))
            .set_name((synthese.as_str(), header, 1));
        chart.title().set_name(&activity_title(bilan, i18n));
        chart.legend().set_hidden();
        chart.x_axis().set_num_format("dd/mm");
        sheet.insert_chart(2, 3, &chart)?;
    }
    row += 1;
    if let Some(w) = written {
        sheet.write_string_with_format(row, 0, i18n.t("bilan-written"), &bold)?;
        row += 1;
        // Each part under its label, across the sheet's first columns, its row as high as
        // its wrapped lines (neither Excel nor LibreOffice measures merged cells).
        for (id, text) in written_parts(w) {
            sheet.write_string_with_format(row, 0, i18n.t(id), &bold)?;
            row += 1;
            let text = excel_text(text.trim());
            let lines = text
                .lines()
                .map(|l| l.chars().count().div_ceil(WRAP_CHARS).max(1))
                .sum::<usize>()
                .clamp(1, 400);
            sheet.merge_range(row, 0, row, 7, &text, &wrap)?;
            sheet.set_row_height(row, 15.0 * lines as f64)?;
            row += 1;
        }
        if let Some(d) = w.remis_le.and_then(|d| excel_day(d).ok()) {
            sheet.write_string(row, 0, i18n.t("field-remis-le"))?;
            sheet.write_datetime_with_format(row, 1, &d, &day)?;
            row += 1;
        }
        row += 1;
    }
    sheet.write_string_with_format(row, 0, i18n.t("bilan-regles"), &bold)?;
    for rule in rules(i18n, threshold) {
        row += 1;
        sheet.write_string(row, 0, rule)?;
    }
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 14)?;
    for table in bilan.tables.iter().filter(|t| !t.lignes.is_empty()) {
        let label = i18n.t(&format!("bilan-dim-{}", table.dimension));
        let name = sheet_name(&label, &mut taken);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        sheet.write_string_with_format(0, 0, i18n.t("bilan-col-libelle"), &bold)?;
        for (col, id) in (1u16..).zip(figure_columns(table.dimension)) {
            sheet.write_string_with_format(0, col, i18n.t(id), &bold)?;
        }
        for (row, l) in (1u32..).zip(&table.lignes) {
            sheet.write_string(
                row,
                0,
                cell_text(&value_label(config, i18n, table.dimension, &l.valeur)),
            )?;
            for (col, figure) in (1u16..).zip(figures_of(table.dimension, l, threshold)) {
                match figure {
                    Some(n) => sheet.write_number(row, col, f64::from(n))?,
                    None => sheet.write_string(row, col, figure_text(None, threshold))?,
                };
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_autofit_max_width(400);
        sheet.autofit();
    }
    workbook.save_to_buffer()
}
