//! The coverage matrix, a working annex to the Dossier Professionnel: one row per competence
//! of the référentiel, in its order, with the evidence counts, the latest evidence and the
//! state. Markdown and printable HTML group the rows per CCP; CSV is flat for a spreadsheet.

use std::collections::HashMap;

use crate::config::Config;
use crate::domain::coverage::{Coverage, EvidenceCount};
use crate::domain::*;
use crate::i18n::{I18n, arg};

/// One competence with its evidence, ready to print.
struct Row<'a> {
    ccp: &'a Ccp,
    competence: &'a Competence,
    count: EvidenceCount,
    state: Coverage,
}

fn rows<'a>(config: &'a Config, evidence: &HashMap<Text, EvidenceCount>) -> Vec<Row<'a>> {
    let r = &config.referentiel;
    r.ccp
        .iter()
        .flat_map(|ccp| {
            ccp.competences.iter().map(move |competence| {
                let count = evidence
                    .get(r.qualify(&competence.id).as_str())
                    .copied()
                    .unwrap_or_default();
                Row {
                    ccp,
                    competence,
                    count,
                    state: count.coverage(config.coverage),
                }
            })
        })
        .collect()
}

/// Evidence linked to competences the current référentiel lacks: kept, and listed apart.
fn orphans<'e>(
    config: &Config,
    evidence: &'e HashMap<Text, EvidenceCount>,
) -> Vec<(&'e Text, EvidenceCount)> {
    let mut list: Vec<(&Text, EvidenceCount)> = evidence
        .iter()
        .filter(|(id, _)| config.referentiel.find(id).is_none())
        .map(|(id, count)| (id, *count))
        .collect();
    list.sort_by(|a, b| a.0.cmp(b.0));
    list
}

fn orphan_cells(i18n: &I18n, id: &str, count: &EvidenceCount) -> [String; 6] {
    [
        id.to_string(),
        i18n.t("competence-orphan"),
        count.principale.to_string(),
        count.secondaire.to_string(),
        latest(count),
        i18n.t("annex-orphan-state"),
    ]
}

fn state_label(i18n: &I18n, state: Coverage) -> String {
    i18n.t(match state {
        Coverage::Aucune => "coverage-aucune",
        Coverage::Amorcee => "coverage-amorcee",
        Coverage::Solide => "coverage-solide",
    })
}

fn latest(count: &EvidenceCount) -> String {
    text::opt_date(count.latest)
}

/// The header cells, shared by every format.
fn header(i18n: &I18n) -> [String; 6] {
    [
        "annex-competence",
        "annex-libelle",
        "annex-principales",
        "annex-secondaires",
        "annex-derniere",
        "annex-etat",
    ]
    .map(|id| i18n.t(id))
}

fn cells(i18n: &I18n, row: &Row) -> [String; 6] {
    let lang = i18n.lang();
    [
        row.competence.id.clone(),
        row.competence.label(lang).to_string(),
        row.count.principale.to_string(),
        row.count.secondaire.to_string(),
        latest(&row.count),
        state_label(i18n, row.state),
    ]
}

/// The summary line of a CCP ("3 solides, 1 amorcée, 1 sans preuve").
fn ccp_summary(i18n: &I18n, rows: &[&Row]) -> String {
    let count = |s: Coverage| rows.iter().filter(|r| r.state == s).count();
    i18n.t_args(
        "coverage-ccp-line",
        &[
            arg("solid", count(Coverage::Solide)),
            arg("started", count(Coverage::Amorcee)),
            arg("none", count(Coverage::Aucune)),
        ],
    )
}

fn by_ccp<'r, 'a>(rows: &'r [Row<'a>]) -> Vec<(&'a Ccp, Vec<&'r Row<'a>>)> {
    let mut groups: Vec<(&Ccp, Vec<&Row>)> = Vec::new();
    for row in rows {
        match groups.last_mut() {
            Some((ccp, list)) if std::ptr::eq(*ccp, row.ccp) => list.push(row),
            _ => groups.push((row.ccp, vec![row])),
        }
    }
    groups
}

/// The annex prints on two A4 pages: smaller type, tight cells, and a CCP's table may
/// continue on the next page (rows never split) instead of leaving the title alone.
const COMPACT_CSS: &str = "body { font-size: 8.5pt; line-height: 1.2; }
h1 { font-size: 13pt; margin: 0 0 0.3em; } h2 { font-size: 10.5pt; margin: 0.7em 0 0.2em; }
p { margin: 0.2em 0; } th, td { padding: 1pt 3pt; }
section { page-break-inside: auto; }
";

/// The thresholds as values (« amorcée dès 1 preuve ; solide à partir de 3 preuves
/// principales »), for the screen's legend and the annex.
pub fn rule(config: &Config, i18n: &I18n) -> String {
    let (started, solid) = config.coverage;
    i18n.t_args(
        "coverage-rule",
        &[arg("started", started), arg("solid", solid)],
    )
}

fn title(config: &Config, i18n: &I18n, today: chrono::NaiveDate) -> String {
    i18n.t_args(
        "annex-title",
        &[
            arg(
                "referentiel",
                config.referentiel.title(i18n.lang()).to_string(),
            ),
            arg("date", text::date(today)),
        ],
    )
}

/// What the annex is made of: the référentiel and thresholds, the labels, the evidence
/// counts per qualified competence id, and the date it is printed on.
pub struct Annex<'a> {
    pub config: &'a Config,
    pub i18n: &'a I18n,
    pub evidence: &'a HashMap<Text, EvidenceCount>,
    pub today: chrono::NaiveDate,
}

impl Annex<'_> {
    /// Markdown: a heading and a table per CCP. Cells are on one line, with `|` escaped.
    pub fn markdown(&self) -> String {
        let i18n = self.i18n;
        let cell = |s: &str| text::one_line(s).replace('|', "\\|");
        let rows = rows(self.config, self.evidence);
        let mut out = format!(
            "# {}\n\n{}\n\n",
            cell(&title(self.config, i18n, self.today)),
            rule(self.config, i18n)
        );
        for (ccp, list) in by_ccp(&rows) {
            out.push_str(&format!(
                "## {} — {}\n\n{}\n\n",
                ccp.id,
                cell(ccp.label(i18n.lang())),
                ccp_summary(i18n, &list)
            ));
            out.push_str(&format!("| {} |\n", header(i18n).join(" | ")));
            out.push_str("|---|---|--:|--:|---|---|\n");
            for row in list {
                let cells: Vec<String> = cells(i18n, row).iter().map(|c| cell(c)).collect();
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
            out.push('\n');
        }
        let orphans = orphans(self.config, self.evidence);
        if !orphans.is_empty() {
            out.push_str(&format!("## {}\n\n", i18n.t("annex-orphans")));
            out.push_str(&format!("| {} |\n", header(i18n).join(" | ")));
            out.push_str("|---|---|--:|--:|---|---|\n");
            for (id, count) in orphans {
                let cells: Vec<String> = orphan_cells(i18n, id, &count)
                    .iter()
                    .map(|c| cell(c))
                    .collect();
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
            out.push('\n');
        }
        out
    }

    /// Printable HTML: self-contained, A4, a table per CCP kept on one page when it fits.
    pub fn html(&self) -> String {
        let i18n = self.i18n;
        let e = super::html_escape;
        let rows = rows(self.config, self.evidence);
        let title = e(&title(self.config, i18n, self.today));
        let lang = match i18n.lang() {
            Lang::Fr => "fr",
            Lang::En => "en",
        };
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{}{COMPACT_CSS}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<p>{}</p>\n",
            super::PRINT_CSS,
            e(&rule(self.config, i18n)),
        );
        for (ccp, list) in by_ccp(&rows) {
            out.push_str(&format!(
                "<section>\n<h2>{} — {}</h2>\n<p>{}</p>\n<table>\n<thead><tr>",
                e(&ccp.id),
                e(ccp.label(i18n.lang())),
                e(&ccp_summary(i18n, &list))
            ));
            for h in header(i18n) {
                out.push_str(&format!("<th>{}</th>", e(&h)));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in list {
                let class = match row.state {
                    Coverage::Aucune => "aucune",
                    Coverage::Amorcee => "amorcee",
                    Coverage::Solide => "solide",
                };
                out.push_str(&format!("<tr class=\"{class}\">"));
                for c in cells(i18n, row) {
                    out.push_str(&format!("<td>{}</td>", e(&c)));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n</section>\n");
        }
        let orphans = orphans(self.config, self.evidence);
        if !orphans.is_empty() {
            out.push_str(&format!(
                "<section>\n<h2>{}</h2>\n<table>\n<thead><tr>",
                e(&i18n.t("annex-orphans"))
            ));
            for h in header(i18n) {
                out.push_str(&format!("<th>{}</th>", e(&h)));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for (id, count) in orphans {
                out.push_str("<tr>");
                for c in orphan_cells(i18n, id, &count) {
                    out.push_str(&format!("<td>{}</td>", e(&c)));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n</section>\n");
        }
        out.push_str("</body>\n</html>\n");
        out
    }

    /// CSV: one row per competence, with its CCP, in the same dialect as the journal's CSV.
    pub fn csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        let mut head = vec![self.i18n.t("annex-ccp")];
        head.extend(header(self.i18n));
        super::csv::row(&mut out, &head, self.config.csv_separator);
        for row in rows(self.config, self.evidence) {
            let mut values = vec![row.ccp.id.clone()];
            values.extend(cells(self.i18n, &row));
            super::csv::row(&mut out, &values, self.config.csv_separator);
        }
        for (id, count) in orphans(self.config, self.evidence) {
            let mut values = vec![String::new()];
            values.extend(orphan_cells(self.i18n, id, &count));
            super::csv::row(&mut out, &values, self.config.csv_separator);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(lang: Lang) -> (Config, I18n) {
        let config = Config::builtin(lang).unwrap();
        let i18n = I18n::new(lang);
        (config, i18n)
    }

    #[test]
    fn every_competence_appears_once_in_referentiel_order_with_its_state() {
        let (config, i18n) = setup(Lang::Fr);
        let mut evidence = HashMap::new();
        let first = &config.referentiel.ccp[0].competences[0];
        evidence.insert(
            Text::from(config.referentiel.qualify(&first.id)),
            EvidenceCount {
                principale: 3,
                secondaire: 1,
                latest: chrono::NaiveDate::from_ymd_opt(2026, 11, 2),
            },
        );
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let annex = Annex {
            config: &config,
            i18n: &i18n,
            evidence: &evidence,
            today,
        };
        let out = annex.csv();
        let lines: Vec<&str> = out.lines().collect();
        let total: usize = config
            .referentiel
            .ccp
            .iter()
            .map(|c| c.competences.len())
            .sum();
        assert_eq!(
            lines.len(),
            total + 1,
            "a header and one line per competence"
        );
        assert!(
            lines[1].starts_with(&format!("CCP1,{},", first.id)),
            "{}",
            lines[1]
        );
        assert!(lines[1].ends_with(",3,1,02/11/2026,solide"), "{}", lines[1]);
        assert!(lines[2].ends_with(",0,0,,aucune"), "{}", lines[2]);
    }

    #[test]
    fn links_to_a_competence_the_referentiel_lacks_are_listed_apart_not_dropped() {
        let (config, i18n) = setup(Lang::Fr);
        let mut evidence = HashMap::new();
        let count = EvidenceCount {
            principale: 1,
            secondaire: 0,
            latest: None,
        };
        evidence.insert(Text::from("msads-2026/CCP4.C1"), count);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let annex = Annex {
            config: &config,
            i18n: &i18n,
            evidence: &evidence,
            today,
        };
        let csv = annex.csv();
        assert!(
            csv.lines()
                .last()
                .unwrap()
                .starts_with(",msads-2026/CCP4.C1,"),
            "{csv}"
        );
        let md = annex.markdown();
        assert!(md.contains(&format!("## {}", i18n.t("annex-orphans"))));
        assert!(md.contains("| msads-2026/CCP4.C1 |"));
        assert!(annex.html().contains("<td>msads-2026/CCP4.C1</td>"));
    }

    #[test]
    fn markdown_and_html_group_per_ccp_and_escape_what_they_print() {
        let (config, i18n) = setup(Lang::En);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let evidence = HashMap::new();
        let annex = Annex {
            config: &config,
            i18n: &i18n,
            evidence: &evidence,
            today,
        };
        let md = annex.markdown();
        assert_eq!(md.matches("\n## CCP").count(), config.referentiel.ccp.len());
        assert!(md.contains("without evidence"));
        let html = annex.html();
        assert_eq!(
            html.matches("<section>").count(),
            config.referentiel.ccp.len()
        );
        assert!(html.contains("<html lang=\"en\">"));
    }
}
