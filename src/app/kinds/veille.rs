//! Veille (CCP1.C4): what the mediator reads, hears and sees on the territory, with its
//! source and how far it can be trusted.

use super::{Access, CellText, Column, Ctx, Detail, FieldSpec, FormSpec, Kind, Listing};
use crate::app::form::Options;
use crate::domain::text::{date, one_line};
use crate::domain::*;

static LISTING: Listing<Veille> = Listing {
    view: "veille",
    detail_title: "detail-veille",
    columns: &[
        Column::DATE,
        Column::share("col-source", 2),
        Column::fit("col-fiabilite", 11),
        Column::main("col-resume"),
    ],
    cells: |w, ctx| {
        vec![
            CellText::plain(date(w.date)),
            CellText::plain(w.source.as_str()),
            CellText::plain(ctx.label("fiabilites", &w.fiabilite)),
            CellText::plain(w.resume.as_str()),
        ]
    },
    detail: |w, ctx| {
        vec![
            Detail::Header(format!("{} · {}", date(w.date), one_line(&w.source))),
            Detail::Field("field-resume", w.resume.to_string()),
            Detail::Field(
                "field-source-type",
                ctx.label("sources_veille", &w.source_type),
            ),
            Detail::Field("field-fiabilite", ctx.label("fiabilites", &w.fiabilite)),
            Detail::Field(
                "field-thematiques",
                ctx.labels("thematiques", &w.thematiques),
            ),
            Detail::Field("field-diffusion", ctx.label("diffusions", &w.diffusion)),
        ]
    },
    date: |w| w.date,
    done: None,
    form: Some(FormSpec::new(
        ("form-new-veille", "form-edit-veille"),
        &[
            FieldSpec::new("resume", Access::Line(|v: &mut Veille| &mut v.resume))
                .required()
                .guarded(),
            FieldSpec::new(
                "source_type",
                Access::Choice(Options::Vocab("sources_veille"), |v: &mut Veille| {
                    &mut v.source_type
                }),
            ),
            FieldSpec::new("source", Access::Line(|v: &mut Veille| &mut v.source)),
            FieldSpec::new(
                "fiabilite",
                Access::Choice(Options::Vocab("fiabilites"), |v: &mut Veille| {
                    &mut v.fiabilite
                }),
            ),
            FieldSpec::new(
                "thematiques",
                Access::Multi(Options::Vocab("thematiques"), |v: &mut Veille| {
                    &mut v.thematiques
                }),
            ),
            FieldSpec::new(
                "diffusion",
                Access::Choice(Options::Vocab("diffusions"), |v: &mut Veille| {
                    &mut v.diffusion
                }),
            ),
            FieldSpec::new("date", Access::Date(|v: &mut Veille| &mut v.date)).required(),
        ],
        |meta, today| Veille {
            meta,
            date: today,
            source_type: Text::default(),
            source: Text::default(),
            fiabilite: "a_verifier".into(),
            thematiques: Vec::new(),
            resume: Text::default(),
            diffusion: "equipe".into(),
        },
    )),
};

impl Kind for Veille {
    fn listing() -> Option<&'static Listing<Veille>> {
        Some(&LISTING)
    }

    const EVIDENCE: bool = true;

    fn summary(&self, _: &Ctx) -> Option<(chrono::NaiveDate, String)> {
        Some((self.date, self.resume.to_string()))
    }
}
