//! Structures of the territorial network (CCP1.C2) and the services each offers.

use super::{Access, Ctx, FieldSpec, FormSpec, Kind, Reading};
use crate::app::form::{Form, Options, Purpose};
use crate::domain::validate::Validate;
use crate::domain::*;
use chrono::NaiveDate;

static FORM: FormSpec<Structure> = FormSpec::new(
    ("form-new-structure", "form-edit-structure"),
    &[
        FieldSpec::new("nom", Access::Line(|s: &mut Structure| &mut s.nom)).required(),
        FieldSpec::new(
            "typologies",
            Access::Multi(
                Options::Vocab("typologies_structure"),
                |s: &mut Structure| &mut s.typologies,
            ),
        )
        .required(),
        FieldSpec::new(
            "relation",
            Access::Choice(Options::Vocab("niveaux_relation"), |s: &mut Structure| {
                &mut s.niveau_relation
            }),
        )
        .required(),
        FieldSpec::new(
            "quartier",
            Access::Line(|s: &mut Structure| &mut s.quartier),
        ),
        FieldSpec::new("adresse", Access::Line(|s: &mut Structure| &mut s.adresse)),
        FieldSpec::new("commune", Access::Line(|s: &mut Structure| &mut s.commune)),
        FieldSpec::new(
            "telephone",
            Access::Line(|s: &mut Structure| &mut s.telephone),
        ),
        FieldSpec::new(
            "courriel",
            Access::Line(|s: &mut Structure| &mut s.courriel),
        ),
        FieldSpec::new("site", Access::Line(|s: &mut Structure| &mut s.site)),
        FieldSpec::new(
            "horaires",
            Access::Line(|s: &mut Structure| &mut s.horaires),
        ),
        FieldSpec::new("publics", Access::Line(|s: &mut Structure| &mut s.publics)),
        FieldSpec::new(
            "verifiee",
            Access::OptDate(|s: &mut Structure| &mut s.date_verification),
        ),
        FieldSpec::new("notes", Access::Long(|s: &mut Structure| &mut s.notes)),
    ],
    |meta, _| {
        let base = super::interaction::new_structure(
            meta.id,
            meta.created_at,
            &Text::default(),
            &Text::default(),
        );
        // The meta as given: a structure created for a competence keeps its link.
        Structure {
            meta,
            typologies: Vec::new(),
            ..base
        }
    },
)
.reports(&[("niveau_relation", "relation")])
.saved_as("status-structure-saved");

impl Kind for Structure {
    const EVIDENCE: bool = true;

    fn form_spec() -> Option<&'static FormSpec<Structure>> {
        Some(&FORM)
    }

    fn summary(&self, _: &Ctx) -> Option<(NaiveDate, String)> {
        Some((super::created(&self.meta)?, self.nom.to_string()))
    }
}

/// A service's fields.
pub static SERVICE: &[FieldSpec<Service>] = &[
    FieldSpec::new(
        "type_service",
        Access::Choice(Options::Vocab("types_service"), |s: &mut Service| {
            &mut s.type_service
        }),
    )
    .required(),
    FieldSpec::new(
        "thematiques",
        Access::Multi(Options::Vocab("thematiques"), |s: &mut Service| {
            &mut s.thematiques
        }),
    ),
    FieldSpec::new(
        "conditions",
        Access::Line(|s: &mut Service| &mut s.conditions),
    ),
    FieldSpec::new("frais", Access::Line(|s: &mut Service| &mut s.frais)),
];

/// The form of service `index` of `structure` (`None` for a new one).
pub fn service_form(structure: &Structure, index: Option<usize>, ctx: &Ctx) -> Form {
    let service = index
        .and_then(|k| structure.services.get(k))
        .cloned()
        .unwrap_or_default();
    let title = if index.is_none() {
        "form-new-service"
    } else {
        "form-edit-service"
    };
    Form::new(
        Purpose::Service {
            structure: structure.meta.id,
            index,
        },
        title,
        super::fields_of(SERVICE, &service, index.is_none(), ctx),
    )
}

/// The structure with the form's service added or replaced; `None`, with the problems set
/// on the form, when something is wrong.
pub fn read_service(form: &mut Form, reading: &mut Reading) -> Option<Structure> {
    let Purpose::Service { structure, index } = form.purpose.clone() else {
        return None;
    };
    let mut s = reading.data.structure(structure)?.clone();
    let mut service = index
        .and_then(|k| s.services.get(k))
        .cloned()
        .unwrap_or_default();
    if !super::read_fields(SERVICE, form, &mut service, reading) {
        return None;
    }
    match index {
        Some(i) if i < s.services.len() => s.services[i] = service,
        _ => s.services.push(service),
    }
    s.meta.updated_at = reading.now;
    s.normalize();
    Some(s)
}
