//! Veille (CCP1.C4): veille entries, signalements techniques with their status lifecycle,
//! notes de territoire (CCP1.C1) — declared through the form engine.

use super::form::{
    Field, FieldKind, Form, Options, Purpose, StructureRef, Value, evidence_fields, read_evidence,
};
use crate::config::Config;
use crate::domain::validate::Validate;
use crate::domain::*;
use chrono::NaiveDate;

fn date_field(d: NaiveDate) -> Field {
    Field::typed("date", FieldKind::Date, &crate::domain::text::date(d)).required()
}

/// Competences suggested for a new record of a kind (`suggestions_preuves` in the
/// vocabularies), qualified by the référentiel.
pub fn suggest(config: &Config, is_new: bool, kind: RecordKind) -> Vec<Text> {
    if !is_new {
        return Vec::new();
    }
    config
        .vocab
        .suggestions_preuves
        .get(kind.name())
        .map(|e| {
            e.competences
                .iter()
                .map(|c| config.referentiel.qualify(c).into())
                .collect()
        })
        .unwrap_or_default()
}

fn one(form: &Form, id: &str) -> Text {
    crate::domain::text::one_line(form.value(id).map_or("", Value::text)).into()
}

fn choice(form: &Form, id: &str) -> Text {
    form.value(id)
        .and_then(|v| v.choice().cloned())
        .unwrap_or_default()
}

/// Required fields and the date, shared by the three readers.
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

pub fn veille_form(v: &Veille, is_new: bool, config: &Config) -> Form {
    let mut fields = vec![
        Field::text("resume", &v.resume).required().guarded(),
        Field::choice(
            "source_type",
            Options::Vocab("sources_veille"),
            Some(v.source_type.clone()).filter(|x| !x.is_empty()),
        ),
        Field::text("source", &v.source),
        Field::choice(
            "fiabilite",
            Options::Vocab("fiabilites"),
            Some(v.fiabilite.clone()).filter(|x| !x.is_empty()),
        ),
        Field::multi(
            "thematiques",
            Options::Vocab("thematiques"),
            v.thematiques.clone(),
        ),
        Field::choice(
            "diffusion",
            Options::Vocab("diffusions"),
            Some(v.diffusion.clone()).filter(|x| !x.is_empty()),
        ),
        date_field(v.date),
    ];
    fields.extend(evidence_fields(
        &v.meta.evidence,
        &suggest(config, is_new, RecordKind::Veille),
    ));
    Form::new(
        Purpose::Veille {
            base: Box::new(v.clone()),
            is_new,
        },
        if is_new {
            "form-new-veille"
        } else {
            "form-edit-veille"
        },
        fields,
    )
}

pub fn read_veille(form: &mut Form, today: NaiveDate, now: Timestamp) -> Option<Veille> {
    let Purpose::Veille { base, .. } = &form.purpose else {
        return None;
    };
    let base = base.clone();
    let date = read_common(form, today)?;
    let mut v = (*base).clone();
    v.date = date;
    v.resume = one(form, "resume");
    v.source_type = choice(form, "source_type");
    v.source = one(form, "source");
    v.fiabilite = choice(form, "fiabilite");
    v.thematiques = form
        .value("thematiques")
        .map(|x| x.multi().to_vec())
        .unwrap_or_default();
    v.diffusion = choice(form, "diffusion");
    v.meta.evidence = read_evidence(form, &base.meta.evidence, date);
    v.meta.updated_at = now;
    finish(form, &mut v).then_some(v)
}

pub fn signalement_form(x: &Signalement, is_new: bool, config: &Config) -> Form {
    let destinataire = x.destinataire.as_ref().map(|l| match l.id {
        Some(id) => StructureRef::Existing(id, l.nom.clone()),
        None => StructureRef::New {
            nom: l.nom.clone(),
            typologie: "AUTRE".into(),
        },
    });
    let mut fields = vec![
        Field::text("lieu", &x.lieu).required().guarded(),
        Field::choice(
            "categorie",
            Options::Vocab("categories_signalement"),
            Some(x.categorie.clone()).filter(|c| !c.is_empty()),
        )
        .required(),
        Field::text("description", &x.description).guarded(),
        Field::structure("destinataire", destinataire),
        Field::choice(
            "statut_signalement",
            Options::Vocab("statuts_signalement"),
            Some(x.statut.clone()).filter(|c| !c.is_empty()),
        )
        .required(),
        date_field(x.date),
    ];
    fields.extend(evidence_fields(
        &x.meta.evidence,
        &suggest(config, is_new, RecordKind::Signalement),
    ));
    Form::new(
        Purpose::Signalement {
            base: Box::new(x.clone()),
            is_new,
        },
        if is_new {
            "form-new-signalement"
        } else {
            "form-edit-signalement"
        },
        fields,
    )
}

/// Reads a signalement; a change of status is recorded as a dated step.
pub fn read_signalement(form: &mut Form, today: NaiveDate, now: Timestamp) -> Option<Signalement> {
    let Purpose::Signalement { base, .. } = &form.purpose else {
        return None;
    };
    let base = base.clone();
    let date = read_common(form, today)?;
    let mut x = (*base).clone();
    x.date = date;
    x.lieu = one(form, "lieu");
    x.categorie = choice(form, "categorie");
    x.description = one(form, "description");
    x.destinataire = match form.value("destinataire") {
        Some(Value::Structure(Some(StructureRef::Existing(id, nom)))) => Some(Lien {
            id: Some(*id),
            nom: nom.clone(),
        }),
        Some(Value::Structure(Some(StructureRef::New { nom, .. }))) => Some(Lien {
            id: None,
            nom: nom.clone(),
        }),
        _ => None,
    };
    let statut = choice(form, "statut_signalement");
    if statut != x.statut || x.etapes.is_empty() {
        x.etapes.push(Etape {
            date: if x.etapes.is_empty() { date } else { today },
            statut: statut.clone(),
        });
    }
    x.statut = statut;
    x.meta.evidence = read_evidence(form, &base.meta.evidence, date);
    x.meta.updated_at = now;
    finish(form, &mut x).then_some(x)
}

pub fn note_form(n: &NoteTerritoire, is_new: bool, config: &Config) -> Form {
    let mut fields = vec![
        Field::choice(
            "theme_territoire",
            Options::Vocab("themes_territoire"),
            Some(n.theme.clone()).filter(|t| !t.is_empty()),
        )
        .required(),
        Field::text("territoire", &n.territoire),
        Field::text("periode", &n.periode),
        Field::multiline("texte", &n.texte).required().guarded(),
        Field::text(
            "sources_texte",
            &n.sources
                .iter()
                .map(|s| s.titre.as_str())
                .collect::<Vec<_>>()
                .join(" ; "),
        ),
        date_field(n.date),
    ];
    fields.extend(evidence_fields(
        &n.meta.evidence,
        &suggest(config, is_new, RecordKind::NoteTerritoire),
    ));
    Form::new(
        Purpose::NoteTerritoire {
            base: Box::new(n.clone()),
            is_new,
        },
        if is_new {
            "form-new-note"
        } else {
            "form-edit-note"
        },
        fields,
    )
}

pub fn read_note(form: &mut Form, today: NaiveDate, now: Timestamp) -> Option<NoteTerritoire> {
    let Purpose::NoteTerritoire { base, .. } = &form.purpose else {
        return None;
    };
    let base = base.clone();
    let date = read_common(form, today)?;
    let mut n = (*base).clone();
    n.date = date;
    n.theme = choice(form, "theme_territoire");
    n.territoire = one(form, "territoire");
    n.periode = one(form, "periode");
    n.texte = form
        .value("texte")
        .map(|v| v.text().trim_end().to_string())
        .unwrap_or_default()
        .into();
    // Sources as typed: titles separated by ";"; known ones keep their URL and date.
    let typed = one(form, "sources_texte");
    n.sources = typed
        .split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            base.sources
                .iter()
                .find(|s| s.titre == t)
                .cloned()
                .unwrap_or(SourceDoc {
                    titre: t.into(),
                    url: Text::default(),
                    consultee: Some(date),
                })
        })
        .collect();
    n.meta.evidence = read_evidence(form, &base.meta.evidence, date);
    n.meta.updated_at = now;
    finish(form, &mut n).then_some(n)
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
        &suggest(config, is_new, RecordKind::Analyse),
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
