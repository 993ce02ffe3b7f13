//! Rencontres réseau (CCP1.C3): meetings with partners, the structures and contacts met,
//! and what follows.

use super::{Access, CellText, Column, Ctx, Detail, FieldSpec, FormSpec, Kind, Listing};
use crate::app::form::{Options, RefList};
use crate::domain::text::{date, duration, one_line};
use crate::domain::*;
use chrono::NaiveDate;

fn names(liens: &[Lien]) -> String {
    liens
        .iter()
        .map(|l| l.nom.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

static LISTING: Listing<Rencontre> = Listing {
    view: "rencontres",
    detail_title: "detail-rencontre",
    columns: &[
        Column::DATE,
        Column::share("col-type", 2),
        Column::share("col-structures", 3),
        Column::main("col-objet"),
    ],
    cells: |r, ctx| {
        vec![
            CellText::plain(date(r.date)),
            CellText::plain(ctx.label("types_rencontre", &r.type_rencontre)),
            CellText::plain(names(&r.structures)),
            CellText::plain(r.objet.as_str()),
        ]
    },
    detail: |r, ctx| {
        let mut detail = vec![
            Detail::Header(format!(
                "{} · {} · {}",
                date(r.date),
                duration(r.duree_min),
                ctx.label("types_rencontre", &r.type_rencontre)
            )),
            Detail::Field("field-objet", r.objet.to_string()),
            Detail::Field("field-structures-met", names(&r.structures)),
            Detail::Field("field-contacts-met", names(&r.contacts)),
            Detail::Field("field-initiative", ctx.label("initiatives", &r.initiative)),
        ];
        for s in &r.suites {
            let due = s
                .echeance
                .map(|d| format!(" — {}", date(d)))
                .unwrap_or_default();
            detail.push(Detail::Field(
                "field-suite",
                format!("{}{due}", one_line(&s.action)),
            ));
        }
        if !r.compte_rendu.is_empty() {
            detail.push(Detail::Section(
                "field-compte-rendu",
                vec![r.compte_rendu.to_string()],
            ));
        }
        detail
    },
    date: |r| r.date,
    done: None,
    form: Some(
        FormSpec::new(
            ("form-new-rencontre", "form-edit-rencontre"),
            &[
                FieldSpec::new(
                    "type_rencontre",
                    Access::Choice(Options::Vocab("types_rencontre"), |r: &mut Rencontre| {
                        &mut r.type_rencontre
                    }),
                )
                .required(),
                FieldSpec::new(
                    "structures_met",
                    Access::Liens(RefList::Structures, |r: &mut Rencontre| &mut r.structures),
                ),
                FieldSpec::new("objet", Access::Line(|r: &mut Rencontre| &mut r.objet))
                    .required()
                    .guarded(),
                FieldSpec::new("date", Access::Date(|r: &mut Rencontre| &mut r.date)).required(),
                FieldSpec::new(
                    "duree",
                    Access::Duration(|r: &mut Rencontre| &mut r.duree_min),
                )
                .required(),
                FieldSpec::new(
                    "contacts_met",
                    Access::Liens(RefList::Contacts, |r: &mut Rencontre| &mut r.contacts),
                ),
                FieldSpec::new(
                    "initiative",
                    Access::Choice(Options::Vocab("initiatives"), |r: &mut Rencontre| {
                        &mut r.initiative
                    }),
                ),
                FieldSpec::new(
                    "compte_rendu",
                    Access::Long(|r: &mut Rencontre| &mut r.compte_rendu),
                )
                .guarded(),
                FieldSpec::new("suite", Access::Suite(|r: &mut Rencontre| &mut r.suites)).guarded(),
            ],
            |meta, today| Rencontre {
                meta,
                date: today,
                duree_min: 60,
                type_rencontre: Text::default(),
                initiative: Text::default(),
                structures: Vec::new(),
                contacts: Vec::new(),
                objet: Text::default(),
                compte_rendu: Text::default(),
                suites: Vec::new(),
            },
        )
        .saved_as("status-rencontre-saved"),
    ),
};

impl Kind for Rencontre {
    fn listing() -> Option<&'static Listing<Rencontre>> {
        Some(&LISTING)
    }

    const EVIDENCE: bool = true;

    fn summary(&self, _: &Ctx) -> Option<(NaiveDate, String)> {
        Some((self.date, self.objet.to_string()))
    }
}
