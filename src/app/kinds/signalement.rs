//! Signalements techniques: a dysfunction of a place (a lift, a street light) reported to
//! the structure in charge, followed through its statuses. A place, never a person.

use super::{
    Access, CellText, Column, Ctx, Detail, FieldSpec, FormSpec, Kind, Listing, OwnFields, Reading,
    Tone,
};
use crate::app::form::{Field, FieldKind, Form, Options, Value};
use crate::domain::text::{date, one_line};
use crate::domain::*;

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
                        show: show_status_date,
                        read: read_status_date,
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
        // A change of status is a dated step (today unless the form dates it); the first is
        // dated like the signalement.
        .after_read(|x, _, today| {
            if x.etapes.last().is_none_or(|last| last.statut != x.statut) {
                x.etapes.push(Etape {
                    date: if x.etapes.is_empty() { x.date } else { today },
                    statut: x.statut.clone(),
                });
            }
        }),
    ),
};

/// When the status changed, for a change noted afterwards: empty means today.
fn show_status_date(_: &Signalement, is_new: bool, _: &Ctx) -> Vec<Field> {
    if is_new {
        Vec::new()
    } else {
        vec![Field::typed("date_statut", FieldKind::Date, "")]
    }
}

/// A new status with its date, between the signalement's date and today.
fn read_status_date(form: &mut Form, x: &mut Signalement, base: &Signalement, r: &mut Reading) {
    let raw = form.value("date_statut").map_or("", Value::text).trim();
    if raw.is_empty() || x.statut == base.statut {
        return;
    }
    match crate::domain::parse::date(raw, r.today) {
        Ok(d) if d > r.today => form.set_error("date_statut", "err-date-future"),
        Ok(d) if d < x.date => form.set_error("date_statut", "err-status-before-signalement"),
        Ok(date) => x.etapes.push(Etape {
            date,
            statut: x.statut.clone(),
        }),
        Err(e) => form.set_error("date_statut", e),
    }
}

impl Kind for Signalement {
    fn listing() -> Option<&'static Listing<Signalement>> {
        Some(&LISTING)
    }

    const EVIDENCE: bool = true;

    fn summary(&self, _: &Ctx) -> Option<(chrono::NaiveDate, String)> {
        Some((self.date, format!("{} — {}", self.lieu, self.description)))
    }
}
