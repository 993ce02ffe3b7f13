//! Cas de médiation: the list shows each case's status and how long it has been in it;
//! the detail pane is its timeline (the dated steps and the interactions that belong to
//! it, in order). Parties are suivi codes (a new code is created on the spot) or a
//! structure of the network.

use super::steps::{self, Steps};
use super::{
    Access, CellText, Column, Ctx, Detail, FieldSpec, FormSpec, Kind, Listing, OwnFields, Reading,
    Tone,
};
use crate::app::form::{Field, Form, Options};
use crate::domain::text::{date, one_line};
use crate::domain::*;
use chrono::NaiveDate;

type C = CasMediation;

impl Steps for CasMediation {
    const BEFORE_START: &'static str = "err-status-before-saisine";

    fn start(&self) -> NaiveDate {
        self.date
    }

    fn statut(&self) -> &Text {
        &self.statut
    }

    fn etapes_mut(&mut self) -> &mut Vec<Etape> {
        &mut self.etapes
    }
}

/// The suivi code of a party, or nothing.
fn code(ctx: &Ctx, id: Option<Id>) -> Option<String> {
    id.and_then(|id| ctx.data.suivi(id))
        .map(|s| s.code.to_string())
}

/// Who the case is between: codes and structure, « A ↔ B ».
pub fn parties(c: &C, ctx: &Ctx) -> String {
    let first = code(ctx, c.demandeur).unwrap_or_else(|| "?".into());
    let other = code(ctx, c.autre_partie)
        .or_else(|| c.structure.as_ref().map(|l| l.nom.to_string()))
        .unwrap_or_else(|| "?".into());
    format!("{first} ↔ {other}")
}

static LISTING: Listing<C> = Listing {
    view: "cas",
    detail_title: "detail-cas",
    columns: &[
        Column::DATE,
        Column::main("col-intitule"),
        Column::fit("col-statut", 18),
        Column::fixed("col-depuis", 7),
    ],
    cells: |c, ctx| {
        let waiting = c
            .attend_depuis(ctx.today, i64::from(ctx.config.delai_cas_jours))
            .is_some();
        vec![
            CellText::plain(date(c.date)),
            CellText::plain(c.intitule.as_str()),
            CellText {
                text: ctx.label("statuts_cas", &c.statut),
                tone: if c.is_closed() {
                    Tone::Faint
                } else if waiting {
                    Tone::Strong
                } else {
                    Tone::Plain
                },
            },
            CellText::plain(if c.is_closed() {
                String::new()
            } else {
                let days = (ctx.today - c.since()).num_days().max(0);
                match ctx.lang {
                    Lang::Fr => format!("{days} j"),
                    Lang::En => format!("{days} d"),
                }
            }),
        ]
    },
    detail,
    date: |c| c.date,
    done: Some(("cas-title", CasMediation::is_closed)),
    form: Some(
        FormSpec::new(
            ("form-new-cas", "form-edit-cas"),
            &[
                FieldSpec::new("intitule", Access::Line(|c: &mut C| &mut c.intitule))
                    .required()
                    .guarded(),
                FieldSpec::new(
                    "type_cas",
                    Access::Choice(Options::Vocab("types_cas"), |c: &mut C| &mut c.type_cas),
                )
                .required(),
                FieldSpec::new(
                    "origine",
                    Access::Choice(Options::Vocab("origines_cas"), |c: &mut C| &mut c.origine),
                ),
                FieldSpec::new(
                    "demandeur",
                    Access::Own(OwnFields {
                        show: |c, _, ctx| party_field("demandeur", c.demandeur, ctx),
                        read: |form, c, _, r| c.demandeur = read_party(form, "demandeur", r),
                    }),
                ),
                FieldSpec::new(
                    "autre_partie",
                    Access::Own(OwnFields {
                        show: |c, _, ctx| party_field("autre_partie", c.autre_partie, ctx),
                        read: |form, c, _, r| c.autre_partie = read_party(form, "autre_partie", r),
                    }),
                ),
                FieldSpec::new(
                    "structure_partie",
                    Access::Structure(|c: &mut C| &mut c.structure),
                ),
                FieldSpec::new(
                    "consentement_le",
                    Access::OptDate(|c: &mut C| &mut c.consentement_le),
                ),
                FieldSpec::new(
                    "statut_cas",
                    Access::Choice(Options::Vocab("statuts_cas"), |c: &mut C| &mut c.statut),
                )
                .required(),
                FieldSpec::new(
                    "date_statut",
                    Access::Own(OwnFields {
                        show: steps::show_date::<C>,
                        read: steps::read_date::<C>,
                    }),
                ),
                FieldSpec::new(
                    "issue_cas",
                    Access::OptChoice(Options::Vocab("issues_cas"), |c: &mut C| &mut c.issue),
                ),
                FieldSpec::new("bilan_cas", Access::Long(|c: &mut C| &mut c.bilan)).guarded(),
                FieldSpec::new(
                    "analyses_liees",
                    Access::Records(RecordKind::Analyse, |c: &mut C| &mut c.analyses),
                ),
                FieldSpec::new("date", Access::Date(|c: &mut C| &mut c.date)).required(),
            ],
            |meta, today| CasMediation {
                meta,
                date: today,
                intitule: Text::default(),
                type_cas: Text::default(),
                origine: "personne".into(),
                demandeur: None,
                autre_partie: None,
                structure: None,
                consentement_le: None,
                statut: "a_traiter".into(),
                etapes: Vec::new(),
                issue: None,
                bilan: Text::default(),
                interactions: Vec::new(),
                analyses: Vec::new(),
            },
        )
        .after_read(steps::record::<C>)
        .more_evidence(CasMediation::competences),
    ),
};

fn party_field(id: &'static str, party: Option<Id>, ctx: &Ctx) -> Vec<Field> {
    vec![Field::suivi(id, party.map(|id| super::suivi_ref(ctx, id))).creating()]
}

fn read_party(form: &mut Form, id: &str, r: &mut Reading) -> Option<Id> {
    super::read_suivi(form.value(id), r, &[])
}

/// The case's page: parties and consent, then its timeline — steps and interactions by
/// date — then its issue and bilan.
fn detail(c: &C, ctx: &Ctx) -> Vec<Detail> {
    let mut detail = vec![
        Detail::Header(format!("{} · {}", date(c.date), one_line(&c.intitule))),
        Detail::Field("field-type-cas", ctx.label("types_cas", &c.type_cas)),
        Detail::Field("field-origine", ctx.label("origines_cas", &c.origine)),
        Detail::Field("detail-parties", parties(c, ctx)),
        Detail::Field(
            "field-consentement-le",
            c.consentement_le.map_or_else(String::new, date),
        ),
        Detail::Field("field-statut-cas", ctx.label("statuts_cas", &c.statut)),
    ];
    if c.consentement_le.is_none() && !c.is_closed() {
        detail.push(Detail::Note("note-consentement"));
    }
    let mut timeline: Vec<(NaiveDate, u8, String)> = c
        .etapes
        .iter()
        .map(|e| {
            (
                e.date,
                0,
                format!("{} ▸ {}", date(e.date), ctx.label("statuts_cas", &e.statut)),
            )
        })
        .collect();
    timeline.extend(
        c.interactions
            .iter()
            .filter_map(|&id| ctx.data.find::<Interaction>(id))
            .map(|i| {
                (
                    i.date,
                    1,
                    format!("{} • {}", date(i.date), one_line(&i.demande)),
                )
            }),
    );
    timeline.sort_by_key(|t| (t.0, t.1));
    if !timeline.is_empty() {
        detail.push(Detail::Section(
            "detail-chronologie",
            timeline.into_iter().map(|(_, _, line)| line).collect(),
        ));
    }
    if let Some(issue) = &c.issue {
        detail.push(Detail::Field(
            "field-issue-cas",
            ctx.label("issues_cas", issue),
        ));
    }
    if !c.bilan.is_empty() {
        detail.push(Detail::Section(
            "field-bilan-cas",
            vec![c.bilan.to_string()],
        ));
    }
    let analyses: Vec<String> = c
        .analyses
        .iter()
        .filter_map(|&id| ctx.data.find::<Analyse>(id))
        .map(|a| format!("• {} — {}", date(a.date), one_line(&a.situation)))
        .collect();
    if !analyses.is_empty() {
        detail.push(Detail::Section("field-analyses-liees", analyses));
    }
    detail
}

impl Kind for CasMediation {
    fn listing() -> Option<&'static Listing<C>> {
        Some(&LISTING)
    }

    const EVIDENCE: bool = true;

    fn summary(&self, ctx: &Ctx) -> Option<(NaiveDate, String)> {
        Some((
            self.date,
            format!(
                "{} — {}",
                one_line(&self.intitule),
                ctx.label("statuts_cas", &self.statut)
            ),
        ))
    }
}
