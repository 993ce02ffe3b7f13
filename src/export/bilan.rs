//! A bilan for others: JSON (a stable shape other tools read), CSV (one row per dimension and
//! value), Markdown (a report). Each says the period and the counting rules; a breakdown's
//! person count under the small-numbers threshold is masked (« < 3 »; `null` in JSON), the
//! usual protection against recognising someone; totals stay exact.

use crate::config::Config;
use crate::domain::bilan::{Chiffres, Ligne, vocabulary_of};
use crate::i18n::{I18n, arg};
use serde::Serialize;

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

fn persons_cell(l: &Ligne, threshold: u32) -> String {
    match shown_persons(l.personnes, threshold) {
        Some(n) => n.to_string(),
        None => format!("< {threshold}"),
    }
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
                    persons_cell(l, threshold),
                    l.minutes.to_string(),
                ],
                sep,
            );
        }
    }
    out
}

pub fn markdown(bilan: &Chiffres, config: &Config, i18n: &I18n) -> String {
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
    for (id, value) in [
        ("bilan-interactions", t.interactions.to_string()),
        ("bilan-personnes", t.personnes.to_string()),
        ("bilan-suivis", t.suivis.to_string()),
        ("bilan-temps", crate::domain::text::duration(t.minutes)),
        ("bilan-premiers-contacts", t.premiers_contacts.to_string()),
        ("bilan-connues", t.personnes_connues.to_string()),
        ("bilan-suites-faites", t.suites_faites.to_string()),
        ("bilan-suites-retard", t.suites_en_retard.to_string()),
    ] {
        out.push_str(&format!("- {} : {value}\n", i18n.t(id)));
    }
    for table in bilan.tables.iter().filter(|t| !t.lignes.is_empty()) {
        out.push_str(&format!(
            "\n## {}\n\n| {} | {} | {} | {} |\n|---|--:|--:|--:|\n",
            i18n.t(&format!("bilan-dim-{}", table.dimension)),
            i18n.t("bilan-col-libelle"),
            i18n.t("bilan-col-interactions"),
            i18n.t("bilan-col-personnes"),
            i18n.t("bilan-col-minutes"),
        ));
        for l in &table.lignes {
            let label = value_label(config, i18n, table.dimension, &l.valeur).replace('|', "\\|");
            out.push_str(&format!(
                "| {label} | {} | {} | {} |\n",
                l.interactions,
                persons_cell(l, threshold),
                l.minutes
            ));
        }
    }
    out.push_str(&format!("\n## {}\n\n", i18n.t("bilan-regles")));
    for rule in rules(i18n, threshold) {
        out.push_str(&format!("- {rule}\n"));
    }
    out
}
