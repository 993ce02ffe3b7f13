//! Rencontres réseau (CCP1.C3): meetings with partners, listed with the other record views;
//! their form (structures and contacts met, a suite) is their own.

use super::{CellText, Column, Ctx, Detail, Kind, Listing};
use crate::app::form::{Field, FieldKind, Form, Options, Purpose};
use crate::config::Config;
use crate::domain::text::{date, duration, one_line};
use crate::domain::validate::Validate;
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
        Column::fill("col-type", 2),
        Column::fill("col-structures", 3),
        Column::fill("col-objet", 3),
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
    form: None,
};

pub fn rencontre_form(r: &Rencontre, is_new: bool, config: &Config) -> Form {
    let ids = |liens: &[Lien]| {
        liens
            .iter()
            .filter_map(|l| l.id)
            .map(|id| Text::from(id.to_string()))
            .collect()
    };
    let suite = r.suites.first();
    let suggested = super::suggest(config, is_new, RecordKind::Rencontre);
    let mut fields = vec![
        Field::choice(
            "type_rencontre",
            Options::Vocab("types_rencontre"),
            Some(r.type_rencontre.clone()).filter(|t| !t.is_empty()),
        )
        .required(),
        Field::refs(
            "structures_met",
            crate::app::form::RefList::Structures,
            ids(&r.structures),
        ),
        Field::text("objet", &r.objet).required().guarded(),
        Field::typed("date", FieldKind::Date, &crate::domain::text::date(r.date)).required(),
        Field::typed("duree", FieldKind::Duration, &r.duree_min.to_string()).required(),
        Field::refs(
            "contacts_met",
            crate::app::form::RefList::Contacts,
            ids(&r.contacts),
        ),
        Field::choice(
            "initiative",
            Options::Vocab("initiatives"),
            Some(r.initiative.clone()).filter(|t| !t.is_empty()),
        ),
        Field::multiline("compte_rendu", &r.compte_rendu).guarded(),
        Field::text("suite", suite.map_or("", |s| s.action.as_str())).guarded(),
        Field::typed(
            "echeance",
            FieldKind::Date,
            &crate::domain::text::opt_date(suite.and_then(|s| s.echeance)),
        ),
    ];
    fields.extend(crate::app::form::evidence_fields(
        &r.meta.evidence,
        &suggested,
    ));
    let title = if is_new {
        "form-new-rencontre"
    } else {
        "form-edit-rencontre"
    };
    let mut form = Form::new(
        Purpose::Rencontre {
            base: Box::new(r.clone()),
            is_new,
        },
        title,
        fields,
    );
    form.competences_touched = true;
    form
}

pub fn read_rencontre(
    form: &mut Form,
    data: &Dataset,
    today: NaiveDate,
    now: Timestamp,
) -> Option<Rencontre> {
    let Purpose::Rencontre { base, .. } = &form.purpose else {
        return None;
    };
    let base = base.clone();
    let mut r = (*base).clone();
    form.check_required();
    let raw = |form: &Form, id: &str| {
        form.value(id)
            .map(|v| v.text().trim().to_string())
            .unwrap_or_default()
    };
    match parse::date(&raw(form, "date"), today) {
        Ok(d) => r.date = d,
        Err(e) => form.set_error("date", e),
    }
    match parse::duration(&raw(form, "duree")) {
        Ok(d) => r.duree_min = d,
        Err(e) => form.set_error("duree", e),
    }
    let echeance = crate::app::network::optional_date(form, "echeance", today);
    let suite = crate::app::network::text(form, "suite");
    if suite.is_empty() && echeance.is_some() {
        form.set_error("suite", "err-suite-action");
    }
    if form.focus_first_error() {
        return None;
    }
    r.structures = Lien::relink(
        form.ids("structures_met"),
        |id| data.structure(id).map(|s| s.nom.clone()),
        &base.structures,
    );
    r.contacts = Lien::relink(
        form.ids("contacts_met"),
        |id| {
            data.contacts
                .binary_search_by_key(&id, |c| c.meta.id)
                .ok()
                .map(|i| data.contacts[i].nom.clone())
        },
        &base.contacts,
    );
    r.type_rencontre = form
        .value("type_rencontre")
        .and_then(|v| v.choice().cloned())
        .unwrap_or_default();
    r.initiative = form
        .value("initiative")
        .and_then(|v| v.choice().cloned())
        .unwrap_or_default();
    r.objet = crate::app::network::text(form, "objet");
    r.compte_rendu = form
        .value("compte_rendu")
        .map(|v| v.text().trim_end().to_string())
        .unwrap_or_default()
        .into();
    match (r.suites.is_empty(), suite.is_empty()) {
        (_, false) => {
            let done = r.suites.first().is_some_and(|s| s.faite);
            let first = Suite {
                action: suite,
                echeance,
                faite: done,
            };
            if r.suites.is_empty() {
                r.suites.push(first);
            } else {
                r.suites[0] = first;
            }
        }
        (false, true) => {
            r.suites.remove(0);
        }
        (true, true) => {}
    }
    r.meta.evidence = crate::app::form::read_evidence(form, &base.meta.evidence, r.date);
    r.meta.updated_at = now;
    r.normalize();
    if crate::app::network::report(form, r.validate()) {
        return None;
    }
    Some(r)
}

impl Kind for Rencontre {
    fn listing() -> Option<&'static Listing<Rencontre>> {
        Some(&LISTING)
    }

    const EVIDENCE: bool = true;

    fn form(&self, is_new: bool, ctx: &Ctx) -> Option<Form> {
        Some(rencontre_form(self, is_new, ctx.config))
    }

    fn summary(&self, _: &Ctx) -> Option<(NaiveDate, String)> {
        Some((self.date, self.objet.to_string()))
    }
}
