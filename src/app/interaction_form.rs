//! The interaction form: which fields, in which order (the common case first: types,
//! thématiques, demande, then save), and the two-way mapping with `Interaction`.

use super::AnyRecord;
use super::form::{Field, FieldKind, Form, Options, Purpose, StructureRef, SuiviRef, Value};
use crate::config::Config;
use crate::domain::validate::Validate;
use crate::domain::*;
use chrono::NaiveDate;

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

/// The form for an interaction (`is_new` for a new one or a duplicate).
pub fn form(it: &Interaction, is_new: bool, data: &Dataset) -> Form {
    let (suivi, nombre, attrs) = match &it.personnes {
        Personnes::Suivi(id) => {
            let code = data
                .suivi(*id)
                .map(|s| s.code.clone())
                .unwrap_or_else(|| id.to_string().into());
            (Some(SuiviRef::Existing(*id, code)), 1, &[][..])
        }
        Personnes::Anonyme(p) => (None, p.nombre, p.attributs.as_slice()),
    };
    let first_attr = |dimension: &str| {
        attrs
            .iter()
            .find(|a| a.dimension == dimension)
            .map(|a| a.valeur.clone())
    };
    let orientation = it.orientation.as_ref().map(|o| match o.structure {
        Some(id) => StructureRef::Existing(id, o.nom.clone()),
        None => StructureRef::New {
            nom: o.nom.clone(),
            typologie: "AUTRE".into(),
        },
    });
    let suite = it.suites.first();
    let justification = it
        .meta
        .evidence
        .iter()
        .map(|e| e.justification.as_str())
        .find(|j| !j.is_empty())
        .unwrap_or_default();
    let mut fields = vec![
        Field::multi(
            "types",
            Options::Vocab("types_interaction"),
            it.types.clone(),
        )
        .required(),
        Field::multi(
            "thematiques",
            Options::Vocab("thematiques"),
            it.thematiques.clone(),
        ),
        Field::text("demande", &it.demande).guarded(),
        Field::typed("date", FieldKind::Date, &crate::domain::text::date(it.date)).required(),
        Field::typed(
            "heure",
            FieldKind::Time,
            &it.heure
                .map(|h| h.format("%H:%M").to_string())
                .unwrap_or_default(),
        ),
        Field::typed("duree", FieldKind::Duration, &it.duree_min.to_string()).required(),
        Field::choice(
            "canal",
            Options::Vocab("canaux"),
            Some(it.canal.clone()).filter(|c| !c.is_empty()),
        )
        .required(),
        Field::text("lieu", &it.lieu).guarded(),
        Field::text("quartier", &it.quartier),
        Field::suivi("suivi", suivi),
        Field::typed("nombre", FieldKind::Count, &nombre.to_string()),
    ];
    for (id, dimension, options) in DIMENSIONS {
        fields.push(Field::choice(id, options, first_attr(dimension)));
    }
    fields.extend([
        Field::flag("premier_contact", it.premier_contact),
        Field::text("besoin", &it.besoin).guarded(),
        Field::multi("reponses", Options::Vocab("reponses"), it.reponses.clone()),
        Field::structure("orientation", orientation),
        Field::choice(
            "issue",
            Options::Vocab("issues_orientation"),
            it.orientation.as_ref().and_then(|o| o.issue.clone()),
        ),
        Field::choice(
            "autonomie",
            Options::Vocab("autonomie"),
            it.autonomie.clone(),
        ),
        Field::text("suite", suite.map_or("", |s| s.action.as_str())).guarded(),
        Field::typed(
            "echeance",
            FieldKind::Date,
            &crate::domain::text::opt_date(suite.and_then(|s| s.echeance)),
        ),
        Field::multiline("note_pro", &it.note_pro).guarded(),
        Field::multiline("note_privee", &it.note_privee).guarded(),
        Field::competences(
            "competences",
            it.meta
                .evidence
                .iter()
                .map(|e| e.competence.clone())
                .collect(),
        ),
        Field::text("justification", justification).guarded(),
    ]);
    let title = if is_new {
        "form-new-interaction"
    } else {
        "form-edit-interaction"
    };
    let mut form = Form::new(
        Purpose::Interaction {
            base: Box::new(it.clone()),
            is_new,
        },
        title,
        fields,
    );
    form.competences_touched = !it.meta.evidence.is_empty();
    form
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

/// Reads the form into an interaction. Field errors are set on the form and `None` returned.
pub fn read(
    form: &mut Form,
    today: NaiveDate,
    now: Timestamp,
    ids: &mut IdGen,
) -> Option<(Interaction, Vec<AnyRecord>)> {
    let Purpose::Interaction { base, .. } = &form.purpose else {
        return None;
    };
    let base = base.clone();
    let mut it = (*base).clone();
    form.clear_errors();
    let mut errors: Vec<(&'static str, &'static str)> = Vec::new();
    for f in &form.fields {
        if f.required && f.is_empty() {
            errors.push((f.id, "err-required"));
        }
    }
    let text = |id: &str| {
        form.value(id)
            .map(|v| v.text().trim().to_string())
            .unwrap_or_default()
    };
    match parse::date(&text("date"), today) {
        Ok(d) => it.date = d,
        Err(e) => errors.push(("date", e)),
    }
    let heure = text("heure");
    it.heure = if heure.is_empty() {
        None
    } else {
        match parse::time(&heure) {
            Ok(t) => Some(t),
            Err(e) => {
                errors.push(("heure", e));
                None
            }
        }
    };
    match parse::duration(&text("duree")) {
        Ok(d) => it.duree_min = d,
        Err(e) => errors.push(("duree", e)),
    }
    let nombre: u16 = match text("nombre").parse::<u16>() {
        Ok(n) if (1..=999).contains(&n) => n,
        _ => {
            errors.push(("nombre", "err-persons-count"));
            1
        }
    };
    let echeance_text = text("echeance");
    let echeance = if echeance_text.is_empty() {
        None
    } else {
        match parse::date(&echeance_text, today) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(("echeance", e));
                None
            }
        }
    };
    let suite_text = text("suite");
    if suite_text.is_empty() && echeance.is_some() {
        errors.push(("suite", "err-suite-action"));
    }
    let mut seen = Vec::new();
    errors.retain(|(id, _)| {
        let first = !seen.contains(id);
        seen.push(*id);
        first
    });
    if !errors.is_empty() {
        for (id, message) in errors {
            form.set_error(id, message);
        }
        form.focus_first_error();
        return None;
    }

    let multi = |id: &str| {
        form.value(id)
            .map(|v| v.multi().to_vec())
            .unwrap_or_default()
    };
    let choice = |id: &str| form.value(id).and_then(|v| v.choice().cloned());
    it.types = multi("types");
    it.thematiques = multi("thematiques");
    it.reponses = multi("reponses");
    it.canal = choice("canal").unwrap_or_default();
    it.autonomie = choice("autonomie");
    it.demande = text("demande").into();
    it.besoin = text("besoin").into();
    it.lieu = text("lieu").into();
    it.quartier = text("quartier").into();
    it.note_pro = form
        .value("note_pro")
        .map(|v| v.text().trim_end().to_string())
        .unwrap_or_default()
        .into();
    it.note_privee = form
        .value("note_privee")
        .map(|v| v.text().trim_end().to_string())
        .unwrap_or_default()
        .into();
    it.premier_contact = form.value("premier_contact").is_some_and(Value::flag);

    let mut created = Vec::new();
    let ms = now.0;
    it.personnes = match form.value("suivi") {
        Some(Value::Suivi(Some(SuiviRef::Existing(id, _)))) => Personnes::Suivi(*id),
        Some(Value::Suivi(Some(SuiviRef::New(code)))) => {
            let id = ids.next(ms);
            created.push(AnyRecord::Suivi(Box::new(Suivi {
                meta: RecordMeta::new(id, now),
                code: code.clone(),
                public: PublicAnonyme::default(),
                thematiques: it.thematiques.clone(),
                actif: true,
            })));
            Personnes::Suivi(id)
        }
        _ => {
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
                            choice(id).map(|valeur| AttributCount {
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
    let issue = choice("issue");
    it.orientation = match form.value("orientation") {
        Some(Value::Structure(Some(StructureRef::Existing(id, nom)))) => Some(Orientation {
            structure: Some(*id),
            nom: nom.clone(),
            issue,
        }),
        Some(Value::Structure(Some(StructureRef::New { nom, typologie }))) => {
            let id = ids.next(ms);
            created.push(AnyRecord::Structure(Box::new(new_structure(
                id, now, nom, typologie,
            ))));
            Some(Orientation {
                structure: Some(id),
                nom: nom.clone(),
                issue,
            })
        }
        _ => None,
    };
    match (it.suites.is_empty(), suite_text.is_empty()) {
        (_, false) => {
            let first = Suite {
                action: suite_text.into(),
                echeance,
                faite: it.suites.first().is_some_and(|s| s.faite),
            };
            if it.suites.is_empty() {
                it.suites.push(first);
            } else {
                it.suites[0] = first;
            }
        }
        (false, true) => {
            it.suites.remove(0);
        }
        (true, true) => {}
    }
    it.meta.evidence = super::form::read_evidence(form, &base.meta.evidence, it.date);
    it.meta.updated_at = now;
    it.normalize();
    let problems = it.validate();
    if !problems.is_empty() {
        for p in problems {
            let field = if p.field == "personnes" {
                "nombre"
            } else {
                p.field
            };
            form.set_error(field, p.message);
        }
        form.focus_first_error();
        return None;
    }
    Some((it, created))
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

impl super::kinds::Kind for Interaction {
    const EVIDENCE: bool = true;

    fn form(&self, is_new: bool, ctx: &super::kinds::Ctx) -> Option<Form> {
        Some(form(self, is_new, ctx.data))
    }

    fn summary(&self, ctx: &super::kinds::Ctx) -> Option<(chrono::NaiveDate, String)> {
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

impl super::kinds::Kind for Suivi {
    fn summary(&self, _: &super::kinds::Ctx) -> Option<(chrono::NaiveDate, String)> {
        Some((super::kinds::created(&self.meta)?, self.code.to_string()))
    }
}
