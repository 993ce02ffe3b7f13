//! The Dossier Professionnel in the ministry's structure and labels (its official model, as
//! `config/dossier.toml` holds it): cover,
//! présentation, sommaire, one to three examples per activité-type under the five rubriques,
//! titres, déclaration sur l'honneur, documents, annexes. The document is built once as
//! blocks; Markdown, printable HTML and DOCX only render them.
//!
//! The dossier is a French ministry document, so it is written in French whatever the
//! interface language. The identity on the cover is given at export time and never stored.

use crate::config::Config;
use crate::domain::dossier::Model;
use crate::domain::text::{self, one_line, sanitize};
use crate::domain::*;

/// The candidate as the cover and the déclaration name them; typed at export time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub nom_naissance: String,
    pub nom_usage: String,
    pub prenom: String,
    pub adresse: String,
    /// « Fait à … »: where the déclaration is signed.
    pub lieu: String,
}

/// « MODALITÉ D'ACCÈS »: the box ticked on the cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modalite {
    Formation,
    Vae,
}

impl Modalite {
    /// From the profil's role: a trainee follows a training course, VAE is VAE; an
    /// employee may be either, so nothing is ticked for them.
    pub fn from_role(role: &str) -> Option<Modalite> {
        match role {
            "stagiaire" => Some(Modalite::Formation),
            "vae" => Some(Modalite::Vae),
            _ => None,
        }
    }
}

/// The files the dossier is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Docx,
}

impl Format {
    /// The format a file name asks for by its extension (`.md`, `.html`/`.htm`, `.docx`).
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

impl Dossier<'_> {
    /// The dossier's bytes in `format` (the only failure: a DOCX that cannot be built).
    pub fn render(&self, format: Format) -> Result<Vec<u8>, String> {
        let blocks = self.blocks();
        match format {
            Format::Markdown => Ok(markdown(&blocks).into_bytes()),
            Format::Html => Ok(html(&blocks).into_bytes()),
            Format::Docx => docx(&blocks, self.now),
        }
    }
}

/// What the dossier is made of, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The cover's title.
    Title(String),
    /// A heading: 1 for a part of the dossier, 2 for an example, 3 for a rubrique.
    Heading(u8, String),
    /// Text as typed: each line a paragraph.
    Text(String),
    /// « label ► value » on one line.
    Field(String, String),
    /// A check box and its label.
    Choice(bool, String),
    /// A line of the sommaire, indented by level (0 to 2), and the bookmark of the part it
    /// names (the DOCX gives its page number).
    Toc(u8, String, String),
    /// Where a part of the sommaire starts: a bookmark on the next heading.
    Anchor(String),
    Table(Vec<String>, Vec<Vec<String>>),
    PageBreak,
}

pub struct Dossier<'a> {
    pub config: &'a Config,
    pub data: &'a Dataset,
    pub identity: &'a Identity,
    pub modalite: Option<Modalite>,
    /// When it is made: the déclaration's date (when its place is given) and the DOCX's
    /// creation date.
    pub now: chrono::NaiveDateTime,
}

fn check_box(checked: bool) -> &'static str {
    if checked { "☒" } else { "☐" }
}

/// A blank to fill by hand, where the export knows nothing.
const BLANK: &str = "…………………………";

fn or_blank(s: &str) -> String {
    let s = one_line(s);
    if s.is_empty() { BLANK.to_string() } else { s }
}

impl Dossier<'_> {
    /// The CCPs of the référentiel with their examples, in dossier order.
    fn activities(&self) -> Vec<(&Ccp, Vec<&Exemple>)> {
        let r = &self.config.referentiel;
        r.ccp
            .iter()
            .map(|ccp| {
                let examples = crate::domain::dossier::examples_of(self.data, &r.qualify(&ccp.id))
                    .into_iter()
                    .map(|i| &self.data.exemples[i])
                    .collect();
                (ccp, examples)
            })
            .collect()
    }

    pub fn blocks(&self) -> Vec<Block> {
        let m: &Model = &self.config.dossier;
        let id = self.identity;
        let mut out = vec![
            Block::Title(m.titre.clone()),
            Block::Field(m.nom_naissance.clone(), one_line(&id.nom_naissance)),
            Block::Field(m.nom_usage.clone(), one_line(&id.nom_usage)),
            Block::Field(m.prenom.clone(), one_line(&id.prenom)),
            Block::Field(m.adresse.clone(), one_line(&id.adresse)),
            Block::Heading(1, m.titre_vise.clone()),
            Block::Text(self.config.referentiel.titre.clone()),
            Block::Heading(1, m.modalite.clone()),
            Block::Choice(
                self.modalite == Some(Modalite::Formation),
                m.parcours_formation.clone(),
            ),
            Block::Choice(self.modalite == Some(Modalite::Vae), m.vae.clone()),
            Block::PageBreak,
        ];
        if let Some(text) = &self.config.presentation {
            out.push(Block::Heading(1, m.presentation.clone()));
            out.push(Block::Text(text.clone()));
            out.push(Block::PageBreak);
        }

        let activities = self.activities();
        // « Activité-type N – intitulé », in the sommaire and above each example.
        let activity =
            |n: usize, ccp: &Ccp| format!("{} {} – {}", m.activite_type, n + 1, ccp.libelle);
        // Bookmarks the sommaire points at: « exemples » and each activity at its first
        // example, each example, and the closing parts.
        let activity_mark = |n: usize| format!("carnet_activite_{}", n + 1);
        let example_mark = |n: usize, k: usize| format!("carnet_exemple_{}_{}", n + 1, k + 1);
        out.push(Block::Heading(1, m.sommaire.clone()));
        out.push(Block::Toc(0, m.exemples.clone(), "carnet_exemples".into()));
        for (n, (ccp, examples)) in activities.iter().enumerate() {
            out.push(Block::Toc(1, activity(n, ccp), activity_mark(n)));
            for (k, x) in examples.iter().enumerate() {
                out.push(Block::Toc(
                    2,
                    format!("► {}", one_line(&x.titre)),
                    example_mark(n, k),
                ));
            }
        }
        for (line, mark) in [
            (&m.titres_sommaire, "carnet_titres"),
            (&m.declaration, "carnet_declaration"),
            (&m.documents_sommaire, "carnet_documents"),
            (&m.annexes_sommaire, "carnet_annexes"),
        ] {
            out.push(Block::Toc(0, line.clone(), mark.into()));
        }

        for (n, (ccp, examples)) in activities.iter().enumerate() {
            for (k, x) in examples.iter().enumerate() {
                out.push(Block::PageBreak);
                if n == 0 && k == 0 {
                    out.push(Block::Anchor("carnet_exemples".into()));
                }
                if k == 0 {
                    out.push(Block::Anchor(activity_mark(n)));
                }
                out.push(Block::Anchor(example_mark(n, k)));
                out.push(Block::Heading(1, activity(n, ccp)));
                out.push(Block::Heading(
                    2,
                    format!("{}{} ► {}", m.exemple, k + 1, one_line(&x.titre)),
                ));
                self.example(&mut out, x);
            }
        }

        out.push(Block::PageBreak);
        out.push(Block::Anchor("carnet_titres".into()));
        out.push(Block::Heading(1, m.titres.clone()));
        out.push(Block::Table(m.titres_colonnes.to_vec(), Vec::new()));
        out.push(Block::Anchor("carnet_declaration".into()));
        out.push(Block::Heading(1, m.declaration.clone()));
        let nom = one_line(&format!("{} {}", id.prenom, id.nom_naissance));
        out.push(Block::Text(
            m.declaration_texte.replace("{nom}", &or_blank(&nom)),
        ));
        let (lieu, date) = if one_line(&id.lieu).is_empty() {
            (BLANK.to_string(), BLANK.to_string())
        } else {
            (one_line(&id.lieu), text::date(self.now.date()))
        };
        out.push(Block::Text(
            m.declaration_fait
                .replace("{lieu}", &lieu)
                .replace("{date}", &date),
        ));
        out.push(Block::Text(m.signature.clone()));
        out.push(Block::PageBreak);
        out.push(Block::Anchor("carnet_documents".into()));
        out.push(Block::Heading(1, m.documents.clone()));
        out.push(Block::Table(m.documents_colonnes.to_vec(), Vec::new()));
        out.push(Block::Anchor("carnet_annexes".into()));
        out.push(Block::Heading(1, m.annexes.clone()));
        out
    }

    fn example(&self, out: &mut Vec<Block>, x: &Exemple) {
        let m = &self.config.dossier;
        let rubrique = |i: usize| Block::Heading(3, format!("{}. {}", i + 1, m.rubriques[i]));
        for (i, text) in [(0, &x.taches), (1, &x.moyens), (2, &x.avec_qui)] {
            out.push(rubrique(i));
            out.push(Block::Text(text.to_string()));
        }
        out.push(rubrique(3));
        out.push(Block::Field(m.entreprise.clone(), one_line(&x.entreprise)));
        out.push(Block::Field(m.service.clone(), one_line(&x.service)));
        out.push(Block::Field(
            m.periode.clone(),
            format!(
                "{} {} {} {}",
                m.du,
                text::opt_date(x.du),
                m.au,
                text::opt_date(x.au)
            ),
        ));
        out.push(rubrique(4));
        out.push(Block::Text(x.infos.to_string()));
    }
}

/// The paragraphs of typed text: one per non-blank line, without control characters.
fn paragraphs(text: &str) -> Vec<String> {
    sanitize(text, true)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Typed text made inert in Markdown: emphasis, code, links and HTML read as written. A
/// line the user started with "- " or "1. " stays a list, which is what it means.
fn md_escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    if line.starts_with(['#', '>']) {
        out.push('\\');
    }
    for c in line.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", md_escape(t))),
            Block::Heading(level, t) => out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(usize::from(*level) + 1),
                md_escape(t)
            )),
            Block::Text(t) => {
                for p in paragraphs(t) {
                    out.push_str(&format!("{}\n\n", md_escape(&p)));
                }
            }
            Block::Field(label, value) => {
                out.push_str(&format!(
                    "**{} ►** {}\n\n",
                    md_escape(label),
                    md_escape(value)
                ));
            }
            Block::Choice(checked, label) => {
                out.push_str(&format!("{} {}\n\n", check_box(*checked), md_escape(label)))
            }
            Block::Toc(level, t, _) => out.push_str(&format!(
                "{}- {}\n",
                "  ".repeat(usize::from(*level)),
                md_escape(t)
            )),
            Block::Anchor(_) => {}
            Block::Table(head, rows) => {
                let line = |cells: &[String]| {
                    let cells: Vec<String> = cells
                        .iter()
                        .map(|c| md_escape(c).replace('|', "\\|"))
                        .collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&line(head));
                out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                for row in rows {
                    out.push_str(&line(row));
                }
                out.push('\n');
            }
            Block::PageBreak => out.push_str("\n---\n\n"),
        }
    }
    out
}

/// Printable HTML: self-contained, A4, each example starting on a new page.
pub fn html(blocks: &[Block]) -> String {
    let e = super::html_escape;
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(e(t)),
            _ => None,
        })
        .unwrap_or_default();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{}{DOSSIER_CSS}</style>\n</head>\n<body>\n",
        super::PRINT_CSS
    );
    let mut in_toc = false;
    for block in blocks {
        let toc = matches!(block, Block::Toc(..));
        if in_toc && !toc {
            out.push_str("</ul>\n");
        }
        if toc && !in_toc {
            out.push_str("<ul class=\"sommaire\">\n");
        }
        in_toc = toc;
        match block {
            Block::Title(t) => out.push_str(&format!("<h1 class=\"cover\">{}</h1>\n", e(t))),
            Block::Heading(level, t) => {
                let n = level + 1;
                out.push_str(&format!("<h{n}>{}</h{n}>\n", e(t)));
            }
            Block::Text(t) => {
                for p in paragraphs(t) {
                    out.push_str(&format!("<p>{}</p>\n", e(&p)));
                }
            }
            Block::Field(label, value) => out.push_str(&format!(
                "<p class=\"field\"><strong>{} ►</strong> {}</p>\n",
                e(label),
                e(value)
            )),
            Block::Choice(checked, label) => out.push_str(&format!(
                "<p class=\"choice\">{} {}</p>\n",
                check_box(*checked),
                e(label)
            )),
            // The sommaire links to its parts in a browser.
            Block::Toc(level, t, mark) => out.push_str(&format!(
                "<li class=\"level{level}\"><a href=\"#{}\">{}</a></li>\n",
                e(mark),
                e(t)
            )),
            Block::Anchor(mark) => out.push_str(&format!("<a id=\"{}\"></a>\n", e(mark))),
            Block::Table(head, rows) => {
                out.push_str("<table>\n<thead><tr>");
                for h in head {
                    out.push_str(&format!("<th>{}</th>", e(h)));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for c in row {
                        out.push_str(&format!("<td>{}</td>", e(c)));
                    }
                    out.push_str("</tr>\n");
                }
                // An empty row to fill by hand, as on the ministry's form.
                if rows.is_empty() {
                    out.push_str(&format!(
                        "<tr class=\"blank\">{}</tr>\n",
                        "<td></td>".repeat(head.len())
                    ));
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
        }
    }
    if in_toc {
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

const DOSSIER_CSS: &str = "h1.cover { font-size: 22pt; text-align: center; margin: 3cm 0 2cm; }
h4 { font-size: 11pt; margin-bottom: 0.3em; }
.page-break { page-break-after: always; break-after: page; }
ul.sommaire { list-style: none; padding-left: 0; }
ul.sommaire li.level1 { padding-left: 1.5em; }
ul.sommaire li.level2 { padding-left: 3em; }
tr.blank td { height: 2.5em; }
";

/// Characters XML 1.0 cannot carry, even escaped.
fn xml_safe(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}') && (!c.is_control() || *c == '\n'))
        .collect()
}

/// The width of the text on an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11_906 - 2 * 1134;

/// A Word document (the format trainers and jurors use): A4, 2 cm margins, real heading
/// styles (so the navigation pane and a table of contents work), page numbers in the footer.
pub fn docx(blocks: &[Block], made: chrono::NaiveDateTime) -> Result<Vec<u8>, String> {
    use docx_rs::*;

    let heading = |id: &str, name: &str, size: usize, level: usize, before: u32| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .size(size)
            .bold()
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(before).after(120))
    };
    let text_run = |s: &str| Run::new().add_text(xml_safe(s));
    let mut doc = Docx::new()
        .page_size(11_906, 16_838)
        .page_margin(
            PageMargin::new()
                .top(1134)
                .bottom(1134)
                .left(1134)
                .right(1134),
        )
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(100).line(276))
        .add_style(heading("Title", "Title", 44, 0, 2400))
        .add_style(heading("Heading1", "heading 1", 30, 0, 360))
        .add_style(heading("Heading2", "heading 2", 26, 1, 240))
        .add_style(heading("Heading3", "heading 3", 22, 2, 200))
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .add_page_num(PageNum::new())
                    .align(AlignmentType::Center),
            ),
        );
    // Bookmarks wait for the heading they mark.
    let mut anchors: Vec<String> = Vec::new();
    let mut bookmark_id = 0;
    for block in blocks {
        doc = match block {
            Block::Title(t) => doc.add_paragraph(
                Paragraph::new()
                    .style("Title")
                    .align(AlignmentType::Center)
                    .add_run(text_run(t)),
            ),
            Block::Heading(level, t) => {
                let mut p = Paragraph::new().style(&format!("Heading{level}"));
                let marks: Vec<String> = std::mem::take(&mut anchors);
                for mark in &marks {
                    p = p.add_bookmark_start(bookmark_id + 1, mark.as_str());
                    bookmark_id += 1;
                }
                p = p.add_run(text_run(t));
                for k in 0..marks.len() {
                    p = p.add_bookmark_end(bookmark_id - k);
                }
                doc.add_paragraph(p)
            }
            Block::Text(t) => paragraphs(t).iter().fold(doc, |doc, p| {
                doc.add_paragraph(Paragraph::new().add_run(text_run(p)))
            }),
            Block::Field(label, value) => doc.add_paragraph(
                Paragraph::new()
                    .add_run(text_run(&format!("{label} ► ")).bold())
                    .add_run(text_run(value)),
            ),
            Block::Choice(checked, label) => doc.add_paragraph(
                Paragraph::new().add_run(text_run(&format!("{} {label}", check_box(*checked)))),
            ),
            // The sommaire keeps the ministry's wording; each line ends with a PAGEREF field
            // to its part's bookmark, marked for update: Word and LibreOffice fill in the
            // page number.
            Block::Toc(level, t, mark) => doc.add_paragraph(
                Paragraph::new()
                    .indent(Some(567 * i32::from(*level)), None, None, None)
                    .add_tab(
                        Tab::new()
                            .val(TabValueType::Right)
                            .leader(TabLeaderType::Dot)
                            .pos(TEXT_WIDTH),
                    )
                    .add_run(text_run(t))
                    .add_run(Run::new().add_tab())
                    .add_run(
                        Run::new()
                            .add_field_char(FieldCharType::Begin, true)
                            .add_instr_text(InstrText::PAGEREF(
                                InstrPAGEREF::new(mark.as_str()).hyperlink(),
                            ))
                            .add_field_char(FieldCharType::Separate, false)
                            .add_text("…")
                            .add_field_char(FieldCharType::End, false),
                    ),
            ),
            Block::Anchor(mark) => {
                anchors.push(mark.clone());
                doc
            }
            Block::Table(head, rows) => {
                let cell = |s: &str, bold: bool| {
                    let run = if bold {
                        text_run(s).bold()
                    } else {
                        text_run(s)
                    };
                    TableCell::new().add_paragraph(Paragraph::new().add_run(run))
                };
                let mut table_rows =
                    vec![TableRow::new(head.iter().map(|h| cell(h, true)).collect())];
                table_rows.extend(
                    rows.iter()
                        .map(|r| TableRow::new(r.iter().map(|c| cell(c, false)).collect())),
                );
                if rows.is_empty() {
                    table_rows.push(TableRow::new(
                        head.iter().map(|_| cell("", false)).collect(),
                    ));
                }
                doc.add_table(Table::new(table_rows))
            }
            Block::PageBreak => {
                doc.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
            }
        };
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.pack(&mut bytes).map_err(|e| e.to_string())?;
    // The document's title in its properties: the first title block (the dossier's cover).
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(super::html_escape(&xml_safe(t))),
            _ => None,
        })
        .unwrap_or_default();
    with_properties(&bytes.into_inner(), made, &title).map_err(|e| e.to_string())
}

/// The package with its real creation date and Carnet as the application: docx-rs writes
/// 1970-01-01 and « unknown » and has no setter for either, so its two property parts are
/// replaced; every other part is copied as it is.
fn with_properties(
    package: &[u8],
    made: chrono::NaiveDateTime,
    title: &str,
) -> zip::result::ZipResult<Vec<u8>> {
    use chrono::TimeZone;
    let when = chrono::Local
        .from_local_datetime(&made)
        .earliest()
        .map_or_else(
            || made.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            |t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        );
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{title}</dc:title><cp:revision>1</cp:revision><dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>"
    );
    let app = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>Carnet</Application></Properties>";
    let mut source = zip::ZipArchive::new(std::io::Cursor::new(package))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..source.len() {
        let entry = source.by_index_raw(i)?;
        let name = entry.name()?.into_owned();
        match name.as_str() {
            "docProps/core.xml" => {
                drop(entry);
                out.start_file("docProps/core.xml", options)?;
                std::io::Write::write_all(&mut out, core.as_bytes())?;
            }
            "docProps/app.xml" => {
                drop(entry);
                out.start_file("docProps/app.xml", options)?;
                std::io::Write::write_all(&mut out, app.as_bytes())?;
            }
            _ => out.raw_copy_file(entry)?,
        }
    }
    Ok(out.finish()?.into_inner())
}
