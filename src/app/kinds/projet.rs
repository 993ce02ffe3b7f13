//! Projets d'activités supports (CCP3): the list shows where each stands and its next
//! échéance; the detail pane is the projet's page (phases, tâches due, séances, indicateurs
//! as bars against their cible). The nested lists are typed one item per line
//! (`domain::projet::lines`).

use super::{
    Access, CellText, Column, Ctx, Detail, FieldSpec, FormSpec, Kind, Listing, OwnFields, Reading,
    Tone,
};
use crate::app::form::{Field, FieldKind, Form, Options, Value};
use crate::domain::projet::{PHASES, PhaseEtat, lines, phase_field};
use crate::domain::text::{date, duration, fold, one_line, opt_date};
use crate::domain::*;
use chrono::NaiveDate;

type P = Projet;

/// A bar of `width` cells: `value` against `target`, full at the target.
pub fn gauge(value: u32, target: u32, width: usize) -> String {
    let filled = if target == 0 {
        width
    } else {
        ((value as usize) * width)
            .div_ceil(target as usize)
            .min(width)
    };
    format!("{}{}", "█".repeat(filled), "·".repeat(width - filled))
}

/// The projet's next tâche due, and whether it is late.
fn next_due(p: &P, today: NaiveDate) -> Option<(NaiveDate, bool)> {
    p.prochaine_tache()
        .and_then(|t| t.echeance)
        .map(|d| (d, d < today))
}

static LISTING: Listing<P> = Listing {
    view: "projets",
    detail_title: "detail-projet",
    columns: &[
        Column::DATE,
        Column::main("col-titre"),
        Column::fit("col-state", 16),
        Column::fixed("col-due", 10),
    ],
    cells: |p, ctx| {
        let etat = p.etat(ctx.today);
        vec![
            CellText::plain(date(p.debut)),
            CellText::plain(p.titre.as_str()),
            CellText {
                text: ctx.label("etats_projet", etat),
                tone: if etat == "termine" {
                    Tone::Faint
                } else {
                    Tone::Plain
                },
            },
            match next_due(p, ctx.today) {
                Some((d, late)) => CellText {
                    text: date(d),
                    tone: if late { Tone::Strong } else { Tone::Plain },
                },
                None => CellText::plain(""),
            },
        ]
    },
    detail,
    date: |p| p.debut,
    done: Some(("projets-title", |p| !p.bilan.trim().is_empty())),
    form: Some(
        FormSpec::new(
            ("form-new-projet", "form-edit-projet"),
            &[
                FieldSpec::new("titre", Access::Line(|p: &mut P| &mut p.titre))
                    .required()
                    .guarded(),
                FieldSpec::new(
                    "type_projet",
                    Access::Choice(Options::Vocab("types_projet"), |p: &mut P| {
                        &mut p.type_projet
                    }),
                )
                .required(),
                FieldSpec::new(
                    "role_projet",
                    Access::Choice(Options::Vocab("roles_projet"), |p: &mut P| &mut p.role),
                )
                .required(),
                FieldSpec::new("debut", Access::Date(|p: &mut P| &mut p.debut)).required(),
                FieldSpec::new("diagnostic", Access::Long(|p: &mut P| &mut p.diagnostic)).guarded(),
                FieldSpec::new(
                    "constats_veille",
                    Access::Records(RecordKind::Veille, |p: &mut P| &mut p.constats_veille),
                ),
                FieldSpec::new(
                    "constats_notes",
                    Access::Records(RecordKind::NoteTerritoire, |p: &mut P| {
                        &mut p.constats_notes
                    }),
                ),
                FieldSpec::new(
                    "constats_interactions",
                    Access::Interactions(|p: &mut P| &mut p.constats_interactions),
                ),
                FieldSpec::new("objectifs", Access::Long(|p: &mut P| &mut p.objectifs)).guarded(),
                FieldSpec::new("public_vise", Access::Line(|p: &mut P| &mut p.public_vise))
                    .guarded(),
                FieldSpec::new(
                    "partenaires",
                    Access::Own(OwnFields {
                        show: |p, _, _| {
                            vec![Field::multiline(
                                "partenaires",
                                &lines::partenaires_text(&p.partenaires),
                            )]
                        },
                        read: read_partenaires,
                    }),
                ),
                FieldSpec::new("moyens_projet", Access::Long(|p: &mut P| &mut p.moyens)).guarded(),
                FieldSpec::new(
                    "budget",
                    Access::Own(OwnFields {
                        show: |p, _, _| {
                            vec![Field::multiline("budget", &lines::budget_text(&p.budget))]
                        },
                        read: read_budget,
                    }),
                ),
                FieldSpec::new(
                    "phases",
                    Access::Own(OwnFields {
                        show: show_phases,
                        read: read_phases,
                    }),
                ),
                FieldSpec::new(
                    "taches_projet",
                    Access::Own(OwnFields {
                        show: |p, _, _| {
                            vec![
                                Field::multiline("taches_projet", &lines::taches_text(&p.taches))
                                    .guarded(),
                            ]
                        },
                        read: read_taches,
                    }),
                ),
                FieldSpec::new(
                    "indicateurs",
                    Access::Own(OwnFields {
                        show: |p, _, ctx| {
                            vec![Field::multiline(
                                "indicateurs",
                                &lines::indicateurs_text(&p.indicateurs, ctx.lang),
                            )]
                        },
                        read: read_indicateurs,
                    }),
                ),
                FieldSpec::new(
                    "fiches_projet",
                    Access::Records(RecordKind::Fiche, |p: &mut P| &mut p.fiches),
                ),
                FieldSpec::new("sources", Access::Sources(|p: &mut P| &mut p.sources)),
                FieldSpec::new("bilan_projet", Access::Long(|p: &mut P| &mut p.bilan)).guarded(),
            ],
            Projet::new,
        )
        .reports(&[("role", "role_projet")])
        .more_evidence(evidence_of_parts),
    ),
};

/// What each part of the projet shows: its design CCP3.C2, its steering C3, its
/// evaluation C5, the documentation it draws on C1 (séances show C4 on their own).
fn evidence_of_parts(p: &P) -> Vec<&'static str> {
    let mut out = Vec::new();
    if !p.diagnostic.trim().is_empty() || !p.objectifs.trim().is_empty() {
        out.push("CCP3.C2");
    }
    if p.phases.iter().any(|ph| ph.debut.is_some()) || !p.taches.is_empty() {
        out.push("CCP3.C3");
    }
    if !p.indicateurs.is_empty() || !p.bilan.trim().is_empty() {
        out.push("CCP3.C5");
    }
    if !p.fiches.is_empty() || !p.sources.is_empty() {
        out.push("CCP3.C1");
    }
    out
}

fn set_line_error(form: &mut Form, id: &str, e: &lines::LineError) {
    form.set_error(id, e.message);
}

fn text_of<'f>(form: &'f Form, id: &str) -> &'f str {
    form.value(id).map_or("", Value::text)
}

fn read_partenaires(form: &mut Form, p: &mut P, _: &P, r: &mut Reading) {
    let data = r.data;
    // A structure by its name as in the network (any case, accents), else the one
    // structure whose name starts so.
    let resolve = |name: &str| {
        let wanted = fold(name);
        let exact = data.structures.iter().find(|s| fold(&s.nom) == wanted);
        let found = exact.or_else(|| {
            let mut starting = data
                .structures
                .iter()
                .filter(|s| !wanted.is_empty() && fold(&s.nom).starts_with(&wanted));
            match (starting.next(), starting.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        });
        found.map(|s| (s.meta.id, s.nom.clone()))
    };
    match lines::partenaires(text_of(form, "partenaires"), resolve) {
        Ok(list) => p.partenaires = list,
        Err(e) => set_line_error(form, "partenaires", &e),
    }
}

fn read_budget(form: &mut Form, p: &mut P, _: &P, _: &mut Reading) {
    match lines::budget(text_of(form, "budget")) {
        Ok(list) => p.budget = list,
        Err(e) => set_line_error(form, "budget", &e),
    }
}

fn read_taches(form: &mut Form, p: &mut P, _: &P, r: &mut Reading) {
    match lines::taches(text_of(form, "taches_projet"), r.today) {
        Ok(list) => p.taches = list,
        Err(e) => set_line_error(form, "taches_projet", &e),
    }
}

fn read_indicateurs(form: &mut Form, p: &mut P, _: &P, _: &mut Reading) {
    match lines::indicateurs(text_of(form, "indicateurs")) {
        Ok(list) => p.indicateurs = list,
        Err(e) => set_line_error(form, "indicateurs", &e),
    }
}

/// Each phase's start and end dates, empty while not known.
fn show_phases(p: &P, _: bool, _: &Ctx) -> Vec<Field> {
    let mut fields = Vec::new();
    for id in PHASES {
        let phase = p.phase(id);
        for debut in [true, false] {
            let value = phase.and_then(|ph| if debut { ph.debut } else { ph.fin });
            fields.push(Field::typed(
                phase_field(id, debut),
                FieldKind::Date,
                &opt_date(value),
            ));
        }
    }
    fields
}

fn read_phases(form: &mut Form, p: &mut P, _: &P, r: &mut Reading) {
    let mut phases = Vec::new();
    for id in PHASES {
        let mut dates = [None, None];
        for (slot, debut) in dates.iter_mut().zip([true, false]) {
            let field = phase_field(id, debut);
            let raw = text_of(form, field).trim().to_string();
            if raw.is_empty() {
                continue;
            }
            match parse::date(&raw, r.today) {
                Ok(d) => *slot = Some(d),
                Err(e) => form.set_error(field, e),
            }
        }
        if dates.iter().any(Option::is_some) {
            phases.push(projet::Phase {
                phase: id.into(),
                debut: dates[0],
                fin: dates[1],
            });
        }
    }
    p.phases = phases;
}

/// The projet's page: where it stands and what is due first, then its indicators,
/// séances and phases, then its design and its bilan.
fn detail(p: &P, ctx: &Ctx) -> Vec<Detail> {
    let today = ctx.today;
    let seances = p.seances(&ctx.data.seances);
    let mut detail = vec![
        Detail::Header(one_line(&p.titre)),
        Detail::Field(
            "col-state",
            format!(
                "{} · {} · {}",
                ctx.label("etats_projet", p.etat(today)),
                ctx.label("types_projet", &p.type_projet),
                ctx.label("roles_projet", &p.role)
            ),
        ),
    ];
    let mut due: Vec<&projet::Tache> = p.taches.iter().filter(|t| !t.faite).collect();
    due.sort_by_key(|t| (t.echeance.is_none(), t.echeance));
    if !due.is_empty() {
        detail.push(Detail::Section(
            "detail-taches-a-faire",
            due.iter()
                .map(|t| {
                    let late = t.echeance.is_some_and(|d| d < today);
                    let mut line = format!(
                        "{} {} {}",
                        if late { "⚠" } else { "•" },
                        opt_date(t.echeance),
                        t.action
                    );
                    if !t.qui.is_empty() {
                        line.push_str(&format!(" ({})", t.qui));
                    }
                    line
                })
                .collect(),
        ));
    }
    if !p.indicateurs.is_empty() {
        let width = p
            .indicateurs
            .iter()
            .map(|i| i.libelle.chars().count())
            .max()
            .unwrap_or(0)
            .min(24);
        detail.push(Detail::Section(
            "field-indicateurs",
            p.indicateurs
                .iter()
                .map(|i| {
                    let label: String = i.libelle.chars().take(width).collect();
                    match i.valeur(&seances) {
                        Some(v) => format!(
                            "{label:<width$} {} {v} / {}{}",
                            gauge(v, i.cible, 10),
                            i.cible,
                            if i.implausible(&seances) { " ⚠" } else { "" }
                        ),
                        None => format!("{label:<width$} {} – / {}", gauge(0, 1, 10), i.cible),
                    }
                })
                .collect(),
        ));
        if p.indicateurs.iter().any(|i| i.implausible(&seances)) {
            detail.push(Detail::Note("note-indicateur-implausible"));
        }
    }
    if !seances.is_empty() {
        detail.push(Detail::Section(
            "detail-seances",
            seances
                .iter()
                .map(|s| {
                    format!(
                        "• {} · {} · {} · {}",
                        date(s.date),
                        duration(s.duree_min),
                        s.participants.nombre,
                        one_line(&s.lieu)
                    )
                })
                .collect(),
        ));
    }
    let phases: Vec<String> = p
        .phases
        .iter()
        .map(|ph| {
            let mark = match ph.etat(today) {
                PhaseEtat::Terminee => "✓",
                PhaseEtat::EnCours => "▶",
                PhaseEtat::AVenir => "·",
            };
            format!(
                "{mark} {} : {} → {}",
                ctx.label("etats_projet", &ph.phase),
                opt_date(ph.debut),
                opt_date(ph.fin)
            )
        })
        .collect();
    if !phases.is_empty() {
        detail.push(Detail::Section("field-phases", phases));
    }
    for (id, text) in [
        ("field-diagnostic", &p.diagnostic),
        ("field-objectifs", &p.objectifs),
    ] {
        if !text.is_empty() {
            detail.push(Detail::Section(id, vec![text.to_string()]));
        }
    }
    detail.push(Detail::Field(
        "field-public-vise",
        p.public_vise.to_string(),
    ));
    if !p.partenaires.is_empty() {
        detail.push(Detail::Section(
            "field-partenaires",
            p.partenaires
                .iter()
                .map(|x| match x.role.is_empty() {
                    true => format!("• {}", x.structure.nom),
                    false => format!("• {} — {}", x.structure.nom, x.role),
                })
                .collect(),
        ));
    }
    if !p.moyens.is_empty() {
        detail.push(Detail::Section(
            "field-moyens-projet",
            vec![p.moyens.to_string()],
        ));
    }
    if !p.budget.is_empty() {
        let mut lines: Vec<String> = p
            .budget
            .iter()
            .map(|l| {
                let mut line = format!("• {} · {}", l.libelle, lines::euros(l.montant_centimes));
                if !l.financeur.is_empty() {
                    line.push_str(&format!(" · {}", l.financeur));
                }
                line
            })
            .collect();
        lines.push(format!("= {}", lines::euros(p.budget_total())));
        detail.push(Detail::Section("field-budget", lines));
    }
    let fiches: Vec<String> = p
        .fiches
        .iter()
        .filter_map(|&id| ctx.data.find::<Fiche>(id))
        .map(|f| format!("• {}", one_line(&f.titre)))
        .chain(p.sources.iter().map(|s| format!("• {}", s.titre)))
        .collect();
    if !fiches.is_empty() {
        detail.push(Detail::Section("detail-documents", fiches));
    }
    if !p.bilan.is_empty() {
        detail.push(Detail::Section(
            "field-bilan-projet",
            vec![p.bilan.to_string()],
        ));
    }
    detail
}

impl Kind for Projet {
    fn listing() -> Option<&'static Listing<P>> {
        Some(&LISTING)
    }

    const EVIDENCE: bool = true;

    fn summary(&self, ctx: &Ctx) -> Option<(NaiveDate, String)> {
        Some((
            self.debut,
            format!(
                "{} — {}",
                one_line(&self.titre),
                ctx.label("types_projet", &self.type_projet)
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gauges_fill_up_to_their_target() {
        assert_eq!(gauge(0, 60, 10), "··········");
        assert_eq!(gauge(30, 60, 10), "█████·····");
        assert_eq!(gauge(600, 60, 10), "██████████");
        assert_eq!(gauge(1, 0, 4), "████");
    }
}
