//! Signalements techniques: a dysfunction of a place (a lift, a street light) reported to
//! the structure in charge, followed through its statuses. A place, never a person.

use super::steps::{self, Steps};
use super::{
    Access, CellText, Column, Ctx, Detail, FieldSpec, FormSpec, Kind, Listing, OwnFields, Tone,
};
use crate::app::form::Options;
use crate::domain::text::{date, one_line};
use crate::domain::*;
use chrono::NaiveDate;

/// Statuses still waiting for the structure in charge.
fn open(x: &Signalement) -> bool {
    matches!(x.statut.as_str(), "signale" | "pris_en_compte")
}

static LISTING: Listing<Signalement> = Listing {
    view: "signalements",
    detail_title: "detail-signalement",
    columns: &[
        Column::DATE,
        Column::fit("col-categorie", 14),
        Column::main("col-lieu"),
        Column::fit("col-statut", 15),
    ],
    cells: |x, ctx| {
        vec![
            CellText::plain(date(x.date)),
            CellText::plain(ctx.label("categories_signalement", &x.categorie)),
            CellText::plain(x.lieu.as_str()),
            CellText {
                text: ctx.label("statuts_signalement", &x.statut),
                tone: if open(x) { Tone::Strong } else { Tone::Faint },
            },
        ]
    },
    detail: |x, ctx| {
        let mut detail = vec![
            Detail::Header(format!("{} · {}", date(x.date), one_line(&x.lieu))),
            Detail::Field(
                "field-categorie",
                ctx.label("categories_signalement", &x.categorie),
            ),
            Detail::Field("field-description", x.description.to_string()),
            Detail::Field(
                "field-destinataire",
                x.destinataire
                    .as_ref()
                    .map_or_else(String::new, |l| l.nom.to_string()),
            ),
            Detail::Field(
                "field-statut-signalement",
                ctx.label("statuts_signalement", &x.statut),
            ),
        ];
        if !x.etapes.is_empty() {
            detail.push(Detail::Section(
                "detail-etapes",
                x.etapes
                    .iter()
                    .map(|e| {
                        format!(
                            "{} — {}",
                            date(e.date),
                            ctx.label("statuts_signalement", &e.statut)
                        )
                    })
                    .collect(),
            ));
        }
        detail
    },
    date: |x| x.date,
    done: Some(("signalements-title", |x| x.statut == "resolu")),
    form: Some(
        FormSpec::new(
            ("form-new-signalement", "form-edit-signalement"),
            &[
                FieldSpec::new("lieu", Access::Line(|x: &mut Signalement| &mut x.lieu))
                    .required()
                    .guarded(),
                FieldSpec::new(
                    "categorie",
                    Access::Choice(
                        Options::Vocab("categories_signalement"),
                        |x: &mut Signalement| &mut x.categorie,
                    ),
                )
                .required(),
                FieldSpec::new(
                    "description",
                    Access::Line(|x: &mut Signalement| &mut x.description),
                )
                .guarded(),
                FieldSpec::new(
                    "destinataire",
                    Access::Structure(|x: &mut Signalement| &mut x.destinataire),
                ),
                FieldSpec::new(
                    "statut_signalement",
                    Access::Choice(
                        Options::Vocab("statuts_signalement"),
                        |x: &mut Signalement| &mut x.statut,
                    ),
                )
                .required(),
                FieldSpec::new(
                    "date_statut",
                    Access::Own(OwnFields {
                        show: steps::show_date::<Signalement>,
                        read: steps::read_date::<Signalement>,
                    }),
                ),
                FieldSpec::new("date", Access::Date(|x: &mut Signalement| &mut x.date)).required(),
            ],
            |meta, today| Signalement {
                meta,
                date: today,
                lieu: Text::default(),
                categorie: Text::default(),
                description: Text::default(),
                destinataire: None,
                statut: "signale".into(),
                etapes: Vec::new(),
            },
        )
        .after_read(steps::record::<Signalement>),
    ),
};

impl Steps for Signalement {
    const BEFORE_START: &'static str = "err-status-before-signalement";

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

impl Kind for Signalement {
    fn listing() -> Option<&'static Listing<Signalement>> {
        Some(&LISTING)
    }

    const EVIDENCE: bool = true;

    fn summary(&self, _: &Ctx) -> Option<(NaiveDate, String)> {
        Some((self.date, format!("{} — {}", self.lieu, self.description)))
    }
}
