//! Interactions, the journal's records: the form puts the common case first (types,
//! thématiques, demande, then save); the people helped are counted, never named.

use super::{Access, Ctx, FieldSpec, FormSpec, Kind, OwnFields, Reading};
use crate::app::form::{Field, FieldKind, Form, Options, Purpose, RefList, StructureRef, Value};
use crate::config::Config;
use crate::domain::*;
use chrono::NaiveTime;

/// The anonymous counts' dimensions: (form field, attribute dimension, its vocabulary).
const DIMENSIONS: [(&str, &str, Options); 4] = [
    (
        "tranche_age",
        "tranches_age",
        Options::Vocab("tranches_age"),
    ),
    ("genre", "genres", Options::Vocab("genres")),
    ("statut", "statuts", Options::Vocab("statuts")),
    ("residence", "residences", Options::Vocab("residences")),
];

static FORM: FormSpec<Interaction> = FormSpec::new(
    ("form-new-interaction", "form-edit-interaction"),
    &[
        FieldSpec::new(
            "types",
            Access::Multi(
                Options::Vocab("types_interaction"),
                |i: &mut Interaction| &mut i.types,
            ),
        )
        .required(),
        FieldSpec::new(
            "cas",
            Access::Own(OwnFields {
                show: show_cas,
                read: read_cas,
            }),
        ),
        FieldSpec::new(
            "thematiques",
            Access::Multi(Options::Vocab("thematiques"), |i: &mut Interaction| {
                &mut i.thematiques
            }),
        ),
        FieldSpec::new(
            "demande",
            Access::Line(|i: &mut Interaction| &mut i.demande),
        )
        .guarded(),
        FieldSpec::new("date", Access::Date(|i: &mut Interaction| &mut i.date)).required(),
        FieldSpec::new("heure", Access::Time(|i: &mut Interaction| &mut i.heure)),
        FieldSpec::new(
            "duree",
            Access::Duration(|i: &mut Interaction| &mut i.duree_min),
        )
        .required(),
        FieldSpec::new(
            "canal",
            Access::Choice(Options::Vocab("canaux"), |i: &mut Interaction| &mut i.canal),
        )
        .required(),
        FieldSpec::new("lieu", Access::Line(|i: &mut Interaction| &mut i.lieu)).guarded(),
        FieldSpec::new(
            "quartier",
            Access::Line(|i: &mut Interaction| &mut i.quartier),
        ),
        FieldSpec::new(
            "suivi",
            Access::Own(OwnFields {
                show: show_people,
                read: read_people,
            }),
        ),
        FieldSpec::new(
            "premier_contact",
            Access::Flag(|i: &mut Interaction| &mut i.premier_contact),
        ),
        FieldSpec::new("besoin", Access::Line(|i: &mut Interaction| &mut i.besoin)).guarded(),
        FieldSpec::new(
            "reponses",
            Access::Multi(Options::Vocab("reponses"), |i: &mut Interaction| {
                &mut i.reponses
            }),
        ),
        FieldSpec::new(
            "orientation",
            Access::Own(OwnFields {
                show: show_orientation,
                read: read_orientation,
            }),
        ),
        FieldSpec::new(
            "autonomie",
            Access::OptChoice(Options::Vocab("autonomie"), |i: &mut Interaction| {
                &mut i.autonomie
            }),
        ),
        FieldSpec::new(
            "suite",
            Access::Suite(|i: &mut Interaction| i.suites.make_mut()),
        )
        .guarded(),
        FieldSpec::new(
            "note_pro",
            Access::Long(|i: &mut Interaction| &mut i.note_pro),
        )
        .guarded(),
        FieldSpec::new(
            "note_privee",
            Access::Long(|i: &mut Interaction| i.note_privee.make_mut()),
        )
        .guarded(),
    ],
    // A new interaction's time is the moment it is logged: the journal gives it.
    |meta, today| Interaction {
        heure: None,
        ..Interaction::blank(meta, today, NaiveTime::MIN, None)
    },
)
.competences_follow(|form, config| {
    suggested_competences(form.value("types").map_or(&[], Value::multi), config)
})
.reports(&[("personnes", "nombre")])
.saved_as("status-saved");

/// The types after which Tab offers the case field.
const MEDIATION_TYPES: &[&str] = &["mediation_interpersonnelle", "mediation_institution"];

/// The cas de médiation this interaction belongs to: offered right after the types for a
/// mediation, absent while the carnet has no case.
fn show_cas(it: &Interaction, _: bool, ctx: &Ctx) -> Vec<Field> {
    if ctx.data.cas_mediation.is_empty() {
        return Vec::new();
    }
    let chosen = case_of(ctx.data, it.meta.id)
        .map(|c| vec![c.meta.id.to_string().into()])
        .unwrap_or_default();
    vec![
        Field::refs("cas", RefList::One(RecordKind::CasMediation), chosen)
            .offered_for("types", MEDIATION_TYPES),
    ]
}

/// The case whose interactions hold `id`.
fn case_of(data: &Dataset, id: Id) -> Option<&CasMediation> {
    data.cas_mediation
        .iter()
        .find(|c| c.interactions.contains(&id))
}

/// Moves the interaction to the case chosen: the case it leaves and the case it joins are
/// saved with it. A new interaction gets its id here, so the case can name it.
fn read_cas(form: &mut Form, it: &mut Interaction, _: &Interaction, r: &mut Reading) {
    if form.field("cas").is_none() {
        return;
    }
    let chosen = form.ids("cas").first().copied();
    if it.meta.id == Id(0) {
        it.meta.id = r.ids.next(r.now.0);
    }
    let id = it.meta.id;
    let before = case_of(r.data, id).map(|c| c.meta.id);
    if before == chosen {
        return;
    }
    if let Some(mut old) = before.and_then(|c| r.data.find::<CasMediation>(c)).cloned() {
        old.interactions.retain(|&i| i != id);
        old.meta.updated_at = r.now;
        r.created.push(old.into_any());
    }
    if let Some(mut new) = chosen.and_then(|c| r.data.find::<CasMediation>(c)).cloned() {
        new.interactions.push(id);
        new.meta.updated_at = r.now;
        r.created.push(new.into_any());
    }
}

/// Who was helped: a suivi's code, or a number of people and what is known of them.
fn show_people(it: &Interaction, _: bool, ctx: &Ctx) -> Vec<Field> {
    let (suivi, nombre, attrs) = match &it.personnes {
        Personnes::Suivi(id) => (Some(super::suivi_ref(ctx, *id)), 1, &[][..]),
        Personnes::Anonyme(p) => (None, p.nombre, &p.attributs[..]),
    };
    let first_attr = |dimension: &str| {
        attrs
            .iter()
            .find(|a| a.dimension == dimension)
            .map(|a| a.valeur.clone())
    };
    let mut fields = vec![
        Field::suivi("suivi", suivi).creating(),
        Field::typed("nombre", FieldKind::Count, &nombre.to_string()),
    ];
    for (id, dimension, options) in DIMENSIONS {
        fields.push(Field::choice(id, options, first_attr(dimension)));
    }
    fields
}

/// A suivi chosen (a new code creates it), else the people counted; counts left as they
/// were keep their attributes' own numbers.
fn read_people(form: &mut Form, it: &mut Interaction, base: &Interaction, r: &mut Reading) {
    let choice = |form: &Form, id: &str| form.value(id).and_then(|v| v.choice().cloned());
    let nombre = match form.value("nombre").map_or("", Value::text).trim().parse() {
        Ok(n) if (1..=999).contains(&n) => n,
        _ => {
            form.set_error("nombre", "err-persons-count");
            return;
        }
    };
    it.personnes = match super::read_suivi(form.value("suivi"), r, &it.thematiques) {
        Some(id) => Personnes::Suivi(id),
        None => {
            let people_changed = DIMENSIONS
                .iter()
                .any(|(id, _, _)| form.field(id).is_some_and(|f| f.changed()))
                || form.field("nombre").is_some_and(|f| f.changed());
            match (&base.personnes, people_changed) {
                (Personnes::Anonyme(p), false) => Personnes::Anonyme(p.clone()),
                _ => Personnes::Anonyme(PublicAnonyme {
                    nombre,
                    attributs: DIMENSIONS
                        .iter()
                        .filter_map(|(id, dimension, _)| {
                            choice(form, id).map(|valeur| AttributCount {
                                dimension: (*dimension).into(),
                                valeur,
                                nombre,
                            })
                        })
                        .collect(),
                }),
            }
        }
    };
}

/// The structure the person was oriented to (one typed in the picker is created) and
/// what came of it.
fn show_orientation(it: &Interaction, _: bool, _: &Ctx) -> Vec<Field> {
    let orientation = it.orientation.as_ref().map(|o| match o.structure {
        Some(id) => StructureRef::Existing(id, o.nom.clone()),
        None => StructureRef::New {
            nom: o.nom.clone(),
            typologie: "AUTRE".into(),
        },
    });
    vec![
        Field::structure("orientation", orientation).creating(),
        Field::choice(
            "issue",
            Options::Vocab("issues_orientation"),
            it.orientation.as_ref().and_then(|o| o.issue.clone()),
        ),
    ]
}

fn read_orientation(form: &mut Form, it: &mut Interaction, _: &Interaction, r: &mut Reading) {
    let issue = form.value("issue").and_then(|v| v.choice().cloned());
    it.orientation = match form.value("orientation") {
        Some(Value::Structure(Some(StructureRef::Existing(id, nom)))) => {
            Some(Box::new(Orientation {
                structure: Some(*id),
                nom: nom.clone(),
                issue,
            }))
        }
        Some(Value::Structure(Some(StructureRef::New { nom, typologie }))) => {
            let id = r.ids.next(r.now.0);
            r.created.push(AnyRecord::Structure(Box::new(new_structure(
                id, r.now, nom, typologie,
            ))));
            Some(Box::new(Orientation {
                structure: Some(id),
                nom: nom.clone(),
                issue,
            }))
        }
        _ => None,
    };
}

/// Competences suggested by the chosen types, qualified, without repeats.
pub fn suggested_competences(types: &[Text], config: &Config) -> Vec<Text> {
    let mut out: Vec<Text> = Vec::new();
    for t in types {
        for c in config
            .vocab
            .types_interaction
            .get(t)
            .map(|e| e.competences.as_slice())
            .unwrap_or_default()
        {
            let q: Text = config.referentiel.qualify(c).into();
            if !out.contains(&q) {
                out.push(q);
            }
        }
    }
    out
}

/// A structure created on the spot from a picker: a name and a typology, the rest later.
pub fn new_structure(id: Id, now: Timestamp, nom: &Text, typologie: &Text) -> Structure {
    Structure {
        meta: RecordMeta::new(id, now),
        nom: nom.clone(),
        typologies: vec![typologie.clone()],
        adresse: Text::default(),
        commune: Text::default(),
        quartier: Text::default(),
        telephone: Text::default(),
        courriel: Text::default(),
        site: Text::default(),
        horaires: Text::default(),
        services: Vec::new(),
        publics: Text::default(),
        niveau_relation: "identifie".into(),
        date_verification: None,
        notes: Text::default(),
    }
}

/// The small form that creates a structure from the orientation picker.
pub fn quick_structure_form(nom: &str) -> Form {
    Form::new(
        Purpose::QuickStructure,
        "form-new-structure",
        vec![
            Field::text("nom", nom).required(),
            Field::choice("typologie", Options::Vocab("typologies_structure"), None).required(),
        ],
    )
}

impl Kind for Interaction {
    const EVIDENCE: bool = true;

    fn form_spec() -> Option<&'static FormSpec<Interaction>> {
        Some(&FORM)
    }

    fn summary(&self, ctx: &Ctx) -> Option<(chrono::NaiveDate, String)> {
        Some((
            self.date,
            format!(
                "{} — {}",
                ctx.labels("types_interaction", &self.types),
                self.demande
            ),
        ))
    }
}

impl Kind for Suivi {
    fn summary(&self, _: &Ctx) -> Option<(chrono::NaiveDate, String)> {
        Some((super::created(&self.meta)?, self.code.to_string()))
    }
}
