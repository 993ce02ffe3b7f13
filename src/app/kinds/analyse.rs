//! Analyses de pratique (CCP2.C9): a situation looked back on with guided prompts (each
//! field's hint, `hint-…` in the locales). Listed in the Compétences tab, not the Réseau's:
//! a form spec without a listing.

use super::{Access, Ctx, FieldSpec, FormSpec, Kind};
use crate::app::form::Options;
use crate::domain::*;

type A = Analyse;

static FORM: FormSpec<A> = FormSpec::new(
    ("form-new-analyse", "form-edit-analyse"),
    &[
        FieldSpec::new("situation", Access::Long(|a: &mut A| &mut a.situation))
            .required()
            .guarded(),
        FieldSpec::new(
            "format_analyse",
            Access::Choice(Options::Vocab("formats_analyse"), |a: &mut A| &mut a.format),
        )
        .required(),
        FieldSpec::new(
            "interaction_liee",
            Access::Interaction(|a: &mut A| &mut a.interaction),
        ),
        FieldSpec::new(
            "ce_que_jai_fait",
            Access::Long(|a: &mut A| &mut a.ce_que_jai_fait),
        )
        .guarded(),
        FieldSpec::new("ressenti", Access::Long(|a: &mut A| &mut a.ressenti)).guarded(),
        FieldSpec::new(
            "analyse_posture",
            Access::Long(|a: &mut A| &mut a.analyse_posture),
        )
        .guarded(),
        FieldSpec::new("autrement", Access::Long(|a: &mut A| &mut a.autrement)).guarded(),
        FieldSpec::new("retenu", Access::Long(|a: &mut A| &mut a.retenu)).guarded(),
        FieldSpec::new("date", Access::Date(|a: &mut A| &mut a.date)).required(),
    ],
    |meta, today| Analyse {
        meta,
        date: today,
        interaction: None,
        format: "individuelle".into(),
        situation: Text::default(),
        ce_que_jai_fait: Text::default(),
        ressenti: Text::default(),
        analyse_posture: Text::default(),
        autrement: Text::default(),
        retenu: Text::default(),
    },
);

impl Kind for Analyse {
    fn form_spec() -> Option<&'static FormSpec<A>> {
        Some(&FORM)
    }

    const EVIDENCE: bool = true;

    fn summary(&self, _: &Ctx) -> Option<(chrono::NaiveDate, String)> {
        Some((self.date, self.situation.to_string()))
    }
}
