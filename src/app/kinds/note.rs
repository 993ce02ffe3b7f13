//! Notes de territoire (CCP1.C1): what the mediator learns of the territory's history and
//! life, with its sources.

use super::{Access, CellText, Column, Ctx, Detail, FieldSpec, FormSpec, Kind, Listing};
use crate::app::form::Options;
use crate::domain::text::{date, one_line};
use crate::domain::*;

static LISTING: Listing<NoteTerritoire> = Listing {
    view: "notes",
    detail_title: "detail-note",
    columns: &[
        Column::DATE,
        Column::share("col-theme", 2),
        Column::fit("col-periode", 12),
        Column::main("col-texte"),
    ],
    cells: |n, ctx| {
        vec![
            CellText::plain(date(n.date)),
            CellText::plain(ctx.label("themes_territoire", &n.theme)),
            CellText::plain(n.periode.as_str()),
            CellText::plain(n.texte.as_str()),
        ]
    },
    detail: |n, ctx| {
        let mut detail = vec![
            Detail::Header(
                [
                    ctx.label("themes_territoire", &n.theme),
                    one_line(&n.periode),
                ]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
            ),
            Detail::Field("field-territoire", n.territoire.to_string()),
            Detail::Paragraph(n.texte.to_string()),
        ];
        if !n.sources.is_empty() {
            detail.push(Detail::Section(
                "detail-sources",
                text::sources(&n.sources)
                    .lines()
                    .map(|line| format!("• {line}"))
                    .collect(),
            ));
        }
        detail
    },
    date: |n| n.date,
    done: None,
    form: Some(FormSpec::new(
        ("form-new-note", "form-edit-note"),
        &[
            FieldSpec::new(
                "theme_territoire",
                Access::Choice(
                    Options::Vocab("themes_territoire"),
                    |n: &mut NoteTerritoire| &mut n.theme,
                ),
            )
            .required(),
            FieldSpec::new(
                "territoire",
                Access::Line(|n: &mut NoteTerritoire| &mut n.territoire),
            ),
            FieldSpec::new(
                "periode",
                Access::Line(|n: &mut NoteTerritoire| &mut n.periode),
            ),
            FieldSpec::new("texte", Access::Long(|n: &mut NoteTerritoire| &mut n.texte))
                .required()
                .guarded(),
            FieldSpec::new(
                "sources",
                Access::Sources(|n: &mut NoteTerritoire| &mut n.sources),
            ),
            FieldSpec::new("date", Access::Date(|n: &mut NoteTerritoire| &mut n.date)).required(),
        ],
        |meta, today| NoteTerritoire {
            meta,
            date: today,
            territoire: Text::default(),
            theme: Text::default(),
            periode: Text::default(),
            texte: Text::default(),
            sources: Vec::new(),
        },
    )),
};

impl Kind for NoteTerritoire {
    fn listing() -> Option<&'static Listing<NoteTerritoire>> {
        Some(&LISTING)
    }

    const EVIDENCE: bool = true;

    fn summary(&self, _: &Ctx) -> Option<(chrono::NaiveDate, String)> {
        Some((self.date, format!("{} — {}", self.territoire, self.texte)))
    }
}
