//! Bilans as handed in (CCP2.C8, CCP3.C5): a period and the mediator's own text. Written
//! from the Bilan tab, where the period's figures are shown beside the text; no listing of
//! their own (the tab shows the bilan of the period it counts).

use super::{Access, Ctx, FieldSpec, FormSpec, Kind};
use crate::domain::*;

type B = Bilan;

static FORM: FormSpec<B> = FormSpec::new(
    ("form-new-bilan", "form-edit-bilan"),
    &[
        FieldSpec::new("titre_bilan", Access::Line(|b: &mut B| &mut b.titre)),
        FieldSpec::new("du", Access::Date(|b: &mut B| &mut b.du)).required(),
        FieldSpec::new("au", Access::Date(|b: &mut B| &mut b.au)).required(),
        FieldSpec::new(
            "destinataire_bilan",
            Access::Line(|b: &mut B| &mut b.destinataire),
        ),
        FieldSpec::new(
            "faits_marquants",
            Access::Long(|b: &mut B| &mut b.faits_marquants),
        )
        .required()
        .guarded(),
        FieldSpec::new("difficultes", Access::Long(|b: &mut B| &mut b.difficultes)).guarded(),
        FieldSpec::new(
            "perspectives",
            Access::Long(|b: &mut B| &mut b.perspectives),
        )
        .guarded(),
        FieldSpec::new("remis_le", Access::OptDate(|b: &mut B| &mut b.remis_le)),
    ],
    |meta, today| {
        let month = bilan::Period::containing(bilan::PeriodKind::Mois, today);
        Bilan {
            meta,
            titre: Text::default(),
            du: month.du,
            au: month.au,
            destinataire: Text::default(),
            faits_marquants: Text::default(),
            difficultes: Text::default(),
            perspectives: Text::default(),
            remis_le: None,
        }
    },
);

impl Kind for Bilan {
    fn form_spec() -> Option<&'static FormSpec<B>> {
        Some(&FORM)
    }

    const EVIDENCE: bool = true;

    fn summary(&self, _: &Ctx) -> Option<(chrono::NaiveDate, String)> {
        // Untitled, its dates say which one it is, in any language.
        let title = if self.titre.is_empty() {
            format!(
                "{} – {}",
                crate::domain::text::date(self.du),
                crate::domain::text::date(self.au)
            )
        } else {
            self.titre.to_string()
        };
        Some((self.remis_le.unwrap_or(self.au), title))
    }
}
