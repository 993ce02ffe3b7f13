//! The « fiche projet » a funder or a partner receives: context and diagnostic,
//! objectives, partners, means and budget, planning, séances, indicators, documents and
//! bilan. Built as the Dossier's blocks, so Markdown, printable HTML (A4) and DOCX render
//! it the same way; written in the interface language.

use super::dossier::{Block, Format, docx, html, markdown};
use crate::config::Config;
use crate::domain::projet::{PhaseEtat, lines::euros};
use crate::domain::text::{date, duration, one_line, opt_date};
use crate::domain::*;
use crate::i18n::I18n;

/// What a fiche needs besides its projets.
pub struct Fiches<'a> {
    pub data: &'a Dataset,
    pub config: &'a Config,
    pub i18n: &'a I18n,
    pub today: chrono::NaiveDate,
}

impl Fiches<'_> {
    fn label(&self, vocab: &str, id: &str) -> String {
        self.config.vocab.get(vocab).map_or_else(
            || id.to_string(),
            |v| v.label(id, self.i18n.lang()).into_owned(),
        )
    }

    fn t(&self, id: &str) -> String {
        self.i18n.t(id)
    }

    /// The fiches of `projets`, one after the other, each from a new page.
    pub fn render(
        &self,
        projets: &[&Projet],
        format: Format,
        now: chrono::NaiveDateTime,
    ) -> Result<Vec<u8>, String> {
        let mut blocks = Vec::new();
        for (k, p) in projets.iter().enumerate() {
            if k > 0 {
                blocks.push(Block::PageBreak);
            }
            blocks.extend(self.blocks(p));
        }
        match format {
            Format::Markdown => Ok(markdown(&blocks).into_bytes()),
            Format::Html => Ok(html(&blocks).into_bytes()),
            Format::Docx => docx(&blocks, now),
        }
    }

    /// One projet's fiche; a part with nothing in it is left out.
    pub fn blocks(&self, p: &Projet) -> Vec<Block> {
        let seances = p.seances(&self.data.seances);
        let mut out = vec![Block::Title(one_line(&p.titre))];
        out.push(Block::Field(
            self.t("field-type-projet"),
            self.label("types_projet", &p.type_projet),
        ));
        out.push(Block::Field(
            self.t("projet-notre-role"),
            self.label("roles_projet", &p.role),
        ));
        let end = p
            .phases
            .iter()
            .filter_map(|ph| ph.fin)
            .chain(seances.iter().map(|s| s.date))
            .max();
        out.push(Block::Field(
            self.t("projet-periode"),
            match end {
                Some(end) => format!("{} → {}", date(p.debut), date(end)),
                None => date(p.debut),
            },
        ));
        out.push(Block::Field(
            self.t("col-state"),
            self.label("etats_projet", p.etat(self.today)),
        ));
        if !p.public_vise.is_empty() {
            out.push(Block::Field(
                self.t("field-public-vise"),
                one_line(&p.public_vise),
            ));
        }

        let mut contexte = Vec::new();
        if !p.diagnostic.is_empty() {
            contexte.push(Block::Text(p.diagnostic.to_string()));
        }
        let constats: Vec<String> = p
            .constats_veille
            .iter()
            .filter_map(|&id| self.data.find::<Veille>(id))
            .map(|v| {
                format!(
                    "• {} ({}, {})",
                    one_line(&v.resume),
                    one_line(&v.source),
                    date(v.date)
                )
            })
            .chain(
                p.constats_notes
                    .iter()
                    .filter_map(|&id| self.data.find::<NoteTerritoire>(id))
                    .map(|n| {
                        format!(
                            "• {} — {}",
                            self.label("themes_territoire", &n.theme),
                            one_line(&n.territoire)
                        )
                    }),
            )
            .collect();
        if !constats.is_empty() {
            contexte.push(Block::Text(constats.join("\n")));
        }
        section(&mut out, self.t("projet-h-contexte"), contexte);

        let objectifs = text_blocks(&p.objectifs);
        section(&mut out, self.t("field-objectifs"), objectifs);

        let partenaires: Vec<Vec<String>> = p
            .partenaires
            .iter()
            .map(|x| vec![one_line(&x.structure.nom), one_line(&x.role)])
            .collect();
        section(
            &mut out,
            self.t("projet-h-partenaires"),
            table(
                vec![self.t("projet-col-structure"), self.t("projet-col-role")],
                partenaires,
            ),
        );

        let mut moyens = text_blocks(&p.moyens);
        if !p.budget.is_empty() {
            let mut rows: Vec<Vec<String>> = p
                .budget
                .iter()
                .map(|l| {
                    vec![
                        one_line(&l.libelle),
                        euros(l.montant_centimes),
                        one_line(&l.financeur),
                    ]
                })
                .collect();
            rows.push(vec![
                self.t("projet-total"),
                euros(p.budget_total()),
                String::new(),
            ]);
            moyens.extend(table(
                vec![
                    self.t("projet-col-poste"),
                    self.t("projet-col-montant"),
                    self.t("projet-col-financeur"),
                ],
                rows,
            ));
        }
        section(&mut out, self.t("projet-h-moyens"), moyens);

        let phases: Vec<Vec<String>> = p
            .phases
            .iter()
            .map(|ph| {
                let etat = match ph.etat(self.today) {
                    PhaseEtat::AVenir => "projet-phase-a-venir",
                    PhaseEtat::EnCours => "projet-phase-en-cours",
                    PhaseEtat::Terminee => "projet-phase-terminee",
                };
                vec![
                    self.label("etats_projet", &ph.phase),
                    opt_date(ph.debut),
                    opt_date(ph.fin),
                    self.t(etat),
                ]
            })
            .collect();
        let mut planning = table(
            vec![
                self.t("projet-col-phase"),
                self.t("projet-col-du"),
                self.t("projet-col-au"),
                self.t("col-state"),
            ],
            phases,
        );
        let taches: Vec<Vec<String>> = p
            .taches
            .iter()
            .map(|t| {
                vec![
                    one_line(&t.action),
                    one_line(&t.qui),
                    opt_date(t.echeance),
                    if t.faite { "✓".into() } else { String::new() },
                ]
            })
            .collect();
        if !taches.is_empty() {
            planning.push(Block::Heading(2, self.t("field-taches-projet")));
            planning.extend(table(
                vec![
                    self.t("projet-col-action"),
                    self.t("projet-col-qui"),
                    self.t("col-due"),
                    self.t("projet-col-faite"),
                ],
                taches,
            ));
        }
        section(&mut out, self.t("projet-h-planning"), planning);

        let mut seance_blocks = table(
            vec![
                self.t("col-date"),
                self.t("col-lieu"),
                self.t("field-duree"),
                self.t("col-participants"),
            ],
            seances
                .iter()
                .map(|s| {
                    vec![
                        date(s.date),
                        one_line(&s.lieu),
                        duration(s.duree_min),
                        s.participants.nombre.to_string(),
                    ]
                })
                .collect(),
        );
        for s in &seances {
            let parts: Vec<String> = [
                ("field-deroule-seance", &s.deroule),
                ("field-reussites", &s.reussites),
                ("field-a-changer", &s.a_changer),
            ]
            .into_iter()
            .filter(|(_, text)| !text.is_empty())
            .map(|(label, text)| format!("{} : {}", self.t(label), one_line(text)))
            .collect();
            if !parts.is_empty() {
                seance_blocks.push(Block::Heading(
                    3,
                    format!("{} — {}", date(s.date), one_line(&s.lieu)),
                ));
                seance_blocks.push(Block::Text(parts.join("\n")));
            }
        }
        section(&mut out, self.t("projet-h-seances"), seance_blocks);

        let indicateurs: Vec<Vec<String>> = p
            .indicateurs
            .iter()
            .map(|i| {
                vec![
                    one_line(&i.libelle),
                    i.cible.to_string(),
                    i.valeur(&seances)
                        .map_or_else(|| "—".into(), |v| v.to_string()),
                ]
            })
            .collect();
        section(
            &mut out,
            self.t("field-indicateurs"),
            table(
                vec![
                    self.t("projet-col-indicateur"),
                    self.t("projet-col-cible"),
                    self.t("projet-col-realise"),
                ],
                indicateurs,
            ),
        );

        let documents: Vec<String> = p
            .fiches
            .iter()
            .filter_map(|&id| self.data.find::<Fiche>(id))
            .map(|f| format!("• {}", one_line(&f.titre)))
            .chain(p.sources.iter().map(|s| match s.url.is_empty() {
                true => format!("• {}", one_line(&s.titre)),
                false => format!("• {} — {}", one_line(&s.titre), s.url),
            }))
            .collect();
        let documents = if documents.is_empty() {
            Vec::new()
        } else {
            vec![Block::Text(documents.join("\n"))]
        };
        section(&mut out, self.t("detail-documents"), documents);
        section(
            &mut out,
            self.t("field-bilan-projet"),
            text_blocks(&p.bilan),
        );
        out
    }
}

/// A heading and its blocks, unless there are none.
fn section(out: &mut Vec<Block>, title: String, blocks: Vec<Block>) {
    if !blocks.is_empty() {
        out.push(Block::Heading(1, title));
        out.extend(blocks);
    }
}

fn text_blocks(text: &str) -> Vec<Block> {
    if text.trim().is_empty() {
        Vec::new()
    } else {
        vec![Block::Text(text.to_string())]
    }
}

/// A table, or nothing without rows (the Dossier's empty tables are forms to fill; a
/// fiche's are not).
fn table(head: Vec<String>, rows: Vec<Vec<String>>) -> Vec<Block> {
    if rows.is_empty() {
        Vec::new()
    } else {
        vec![Block::Table(head, rows)]
    }
}
