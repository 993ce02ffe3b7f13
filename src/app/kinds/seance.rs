//! Séances of a projet (CCP3.C4, « mettre en œuvre »): when, how long, where, how many
//! came (counts by attribute, never names), who animated, how it went. Opened with `+`
//! from the projet under the cursor, its projet already chosen.

use super::{
    Access, CellText, Column, Ctx, Detail, FieldSpec, FormSpec, Kind, Listing, OwnFields, Reading,
};
use crate::app::form::{Field, FieldKind, Form, RefList, Value};
use crate::domain::projet::lines;
use crate::domain::text::{date, duration, one_line};
use crate::domain::*;
use chrono::NaiveDate;

type S = Seance;

fn projet_title(ctx: &Ctx, id: Id) -> String {
    ctx.data
        .find::<Projet>(id)
        .map_or_else(String::new, |p| one_line(&p.titre))
}

static LISTING: Listing<S> = Listing {
    view: "seances",
    detail_title: "detail-seance",
    columns: &[
        Column::DATE,
        Column::main("col-projet"),
        Column::fit("col-participants", 12),
        Column::share("col-lieu", 1),
    ],
    cells: |s, ctx| {
        vec![
            CellText::plain(date(s.date)),
            CellText::plain(projet_title(ctx, s.projet)),
            CellText::plain(s.participants.nombre.to_string()),
            CellText::plain(s.lieu.as_str()),
        ]
    },
    detail: |s, ctx| {
        let mut detail = vec![
            Detail::Header(format!(
                "{} · {}",
                date(s.date),
                projet_title(ctx, s.projet)
            )),
            Detail::Field("field-duree", duration(s.duree_min)),
            Detail::Field("field-lieu", s.lieu.to_string()),
            Detail::Field("field-participants", s.participants.nombre.to_string()),
        ];
        if !s.participants.attributs.is_empty() {
            detail.push(Detail::Section(
                "field-repartition",
                lines::repartition_text(&s.participants.attributs, &ctx.config.vocab, ctx.lang)
                    .lines()
                    .map(|l| format!("• {l}"))
                    .collect(),
            ));
        }
        detail.push(Detail::Field("field-animateurs", s.animateurs.to_string()));
        if !s.partenaires.is_empty() {
            detail.push(Detail::Section(
                "field-partenaires-presents",
                s.partenaires
                    .iter()
                    .map(|l| format!("• {}", l.nom))
                    .collect(),
            ));
        }
        for (id, text) in [
            ("field-deroule-seance", &s.deroule),
            ("field-reussites", &s.reussites),
            ("field-a-changer", &s.a_changer),
        ] {
            if !text.is_empty() {
                detail.push(Detail::Section(id, vec![text.to_string()]));
            }
        }
        detail
    },
    date: |s| s.date,
    done: None,
    form: Some(
        FormSpec::new(
            ("form-new-seance", "form-edit-seance"),
            &[
                FieldSpec::new("date", Access::Date(|s: &mut S| &mut s.date)).required(),
                FieldSpec::new(
                    "projet",
                    Access::Own(OwnFields {
                        show: show_projet,
                        read: read_projet,
                    }),
                ),
                FieldSpec::new("heure", Access::Time(|s: &mut S| &mut s.heure)),
                FieldSpec::new("duree", Access::Duration(|s: &mut S| &mut s.duree_min)),
                FieldSpec::new("lieu", Access::Line(|s: &mut S| &mut s.lieu))
                    .required()
                    .guarded(),
                FieldSpec::new(
                    "participants",
                    Access::Own(OwnFields {
                        show: show_participants,
                        read: read_participants,
                    }),
                ),
                FieldSpec::new("animateurs", Access::Line(|s: &mut S| &mut s.animateurs)).guarded(),
                FieldSpec::new(
                    "partenaires_presents",
                    Access::Liens(RefList::Structures, |s: &mut S| &mut s.partenaires),
                ),
                FieldSpec::new("deroule_seance", Access::Long(|s: &mut S| &mut s.deroule))
                    .guarded(),
                FieldSpec::new("reussites", Access::Long(|s: &mut S| &mut s.reussites)).guarded(),
                FieldSpec::new("a_changer", Access::Long(|s: &mut S| &mut s.a_changer)).guarded(),
            ],
            |meta, today| Seance {
                meta,
                projet: Id(0),
                date: today,
                heure: None,
                duree_min: 120,
                lieu: Text::default(),
                participants: PublicAnonyme::default(),
                partenaires: Vec::new(),
                animateurs: Text::default(),
                deroule: Text::default(),
                reussites: Text::default(),
                a_changer: Text::default(),
            },
        )
        .reports(&[("duree", "duree")]),
    ),
};

fn show_projet(s: &S, _: bool, ctx: &Ctx) -> Vec<Field> {
    let chosen = ctx
        .data
        .find::<Projet>(s.projet)
        .map(|p| vec![p.meta.id.to_string().into()])
        .unwrap_or_default();
    vec![Field::refs("projet", RefList::One(RecordKind::Projet), chosen).required()]
}

/// The projet chosen; a séance before the projet started is refused.
fn read_projet(form: &mut Form, s: &mut S, _: &S, r: &mut Reading) {
    let Some(projet) = form
        .ids("projet")
        .first()
        .and_then(|&id| r.data.find::<Projet>(id))
    else {
        form.set_error("projet", "err-required");
        return;
    };
    s.projet = projet.meta.id;
    if s.date < projet.debut {
        form.set_error("date", "err-seance-before-projet");
    }
}

fn show_participants(s: &S, _: bool, ctx: &Ctx) -> Vec<Field> {
    vec![
        Field::typed(
            "participants",
            FieldKind::Count,
            &s.participants.nombre.to_string(),
        ),
        Field::multiline(
            "repartition",
            &lines::repartition_text(&s.participants.attributs, &ctx.config.vocab, ctx.lang),
        ),
    ]
}

fn read_participants(form: &mut Form, s: &mut S, _: &S, r: &mut Reading) {
    let raw = form.value("participants").map_or("", Value::text).trim();
    match raw.parse::<u16>() {
        Ok(n) if n <= projet::MAX_PARTICIPANTS => s.participants.nombre = n,
        _ => form.set_error("participants", "err-participants-range"),
    }
    let text = form
        .value("repartition")
        .map_or("", Value::text)
        .to_string();
    match lines::repartition(&text, &r.config.vocab) {
        Ok(attributs) => s.participants.attributs = attributs.into(),
        Err(e) => form.set_error("repartition", e.message),
    }
}

impl Kind for Seance {
    fn listing() -> Option<&'static Listing<S>> {
        Some(&LISTING)
    }

    const EVIDENCE: bool = true;

    fn summary(&self, ctx: &Ctx) -> Option<(NaiveDate, String)> {
        Some((
            self.date,
            format!(
                "{} — {} · {}",
                projet_title(ctx, self.projet),
                one_line(&self.lieu),
                self.participants.nombre
            ),
        ))
    }
}
