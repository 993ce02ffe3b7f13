//! Analyses de pratique (CCP2.C9): a situation looked back on with guided prompts.

use super::form::{Field, FieldKind, Form, Options, Purpose, evidence_fields, read_evidence};
use crate::config::Config;
use crate::domain::validate::Validate;
use crate::domain::*;
use chrono::NaiveDate;

fn date_field(d: NaiveDate) -> Field {
    Field::typed("date", FieldKind::Date, &crate::domain::text::date(d)).required()
}

fn choice(form: &Form, id: &str) -> Text {
    form.value(id)
        .and_then(|v| v.choice().cloned())
        .unwrap_or_default()
}

/// Required fields and the date.
fn read_common(form: &mut Form, today: NaiveDate) -> Option<NaiveDate> {
    form.check_required();
    let raw = form
        .value("date")
        .map(|v| v.text().trim().to_string())
        .unwrap_or_default();
    let date = match parse::date(&raw, today) {
        Ok(d) => Some(d),
        Err(e) => {
            form.set_error("date", e);
            None
        }
    };
    if form.focus_first_error() { None } else { date }
}

fn finish<R: Validate>(form: &mut Form, record: &mut R) -> bool {
    record.normalize();
    for e in record.validate() {
        form.set_error(e.field, e.message);
    }
    !form.focus_first_error()
}

/// An analyse de pratique (CCP2.C9) with its guided prompts.
pub fn analyse_form(a: &Analyse, is_new: bool, config: &Config, data: &Dataset) -> Form {
    let interaction: Vec<Text> = a
        .interaction
        .filter(|id| {
            data.interactions
                .binary_search_by_key(id, |i| i.meta.id)
                .is_ok()
        })
        .map(|id| vec![Text::from(id.to_string())])
        .unwrap_or_default();
    let mut fields = vec![
        Field::multiline("situation", &a.situation)
            .required()
            .guarded(),
        Field::choice(
            "format_analyse",
            Options::Vocab("formats_analyse"),
            Some(a.format.clone()).filter(|f| !f.is_empty()),
        )
        .required(),
        Field::refs(
            "interaction_liee",
            super::form::RefList::Interactions,
            interaction,
        ),
        Field::multiline("ce_que_jai_fait", &a.ce_que_jai_fait).guarded(),
        Field::multiline("ressenti", &a.ressenti).guarded(),
        Field::multiline("analyse_posture", &a.analyse_posture).guarded(),
        Field::multiline("autrement", &a.autrement).guarded(),
        Field::multiline("retenu", &a.retenu).guarded(),
        date_field(a.date),
    ];
    fields.extend(evidence_fields(
        &a.meta.evidence,
        &super::kinds::suggest(config, is_new, RecordKind::Analyse),
    ));
    Form::new(
        Purpose::Analyse {
            base: Box::new(a.clone()),
            is_new,
        },
        if is_new {
            "form-new-analyse"
        } else {
            "form-edit-analyse"
        },
        fields,
    )
}

pub fn read_analyse(form: &mut Form, today: NaiveDate, now: Timestamp) -> Option<Analyse> {
    let Purpose::Analyse { base, .. } = &form.purpose else {
        return None;
    };
    let base = base.clone();
    let date = read_common(form, today)?;
    let mut a = (*base).clone();
    let long = |form: &Form, id: &str| -> Text {
        form.value(id)
            .map(|v| v.text().trim_end().to_string())
            .unwrap_or_default()
            .into()
    };
    a.date = date;
    a.format = choice(form, "format_analyse");
    a.interaction = form.ids("interaction_liee").first().copied();
    a.situation = long(form, "situation");
    a.ce_que_jai_fait = long(form, "ce_que_jai_fait");
    a.ressenti = long(form, "ressenti");
    a.analyse_posture = long(form, "analyse_posture");
    a.autrement = long(form, "autrement");
    a.retenu = long(form, "retenu");
    a.meta.evidence = read_evidence(form, &base.meta.evidence, date);
    a.meta.updated_at = now;
    finish(form, &mut a).then_some(a)
}

impl super::kinds::Kind for Analyse {
    const EVIDENCE: bool = true;

    fn form(&self, is_new: bool, ctx: &super::kinds::Ctx) -> Option<Form> {
        Some(analyse_form(self, is_new, ctx.config, ctx.data))
    }

    fn summary(&self, _: &super::kinds::Ctx) -> Option<(NaiveDate, String)> {
        Some((self.date, self.situation.to_string()))
    }
}
