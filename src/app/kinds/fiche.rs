//! Fiches of the team documentation (CCP2.C1): a changed body keeps the text it replaces
//! as a revision, with a summary.

use super::{Access, Ctx, FieldSpec, FormSpec, Kind, OwnFields, Reading};
use crate::app::form::{Field, Form, Options, RefList, Value};
use crate::domain::text::one_line;
use crate::domain::*;
use chrono::NaiveDate;

static FORM: FormSpec<Fiche> = FormSpec::new(
    ("form-new-fiche", "form-edit-fiche"),
    &[
        FieldSpec::new("titre", Access::Line(|f: &mut Fiche| &mut f.titre)).required(),
        FieldSpec::new(
            "type_fiche",
            Access::Choice(Options::Vocab("types_fiche"), |f: &mut Fiche| {
                &mut f.type_fiche
            }),
        )
        .required(),
        FieldSpec::new(
            "classement",
            Access::Choice(Options::Vocab("plan_classement"), |f: &mut Fiche| {
                &mut f.classement
            }),
        )
        .required(),
        FieldSpec::new(
            "thematiques",
            Access::Multi(Options::Vocab("thematiques"), |f: &mut Fiche| {
                &mut f.thematiques
            }),
        ),
        FieldSpec::new(
            "statut_fiche",
            Access::Choice(Options::Vocab("statuts_fiche"), |f: &mut Fiche| {
                &mut f.statut
            }),
        )
        .required(),
        FieldSpec::new("contenu", Access::Long(|f: &mut Fiche| &mut f.contenu)),
        FieldSpec::new("sources", Access::Sources(|f: &mut Fiche| &mut f.sources)),
        FieldSpec::new(
            "structures_liees",
            Access::Liens(RefList::Structures, |f: &mut Fiche| &mut f.structures),
        ),
        FieldSpec::new(
            "verifiee",
            Access::OptDate(|f: &mut Fiche| &mut f.date_verification),
        ),
        FieldSpec::new(
            "revision_prevue",
            Access::OptDate(|f: &mut Fiche| &mut f.date_revision),
        ),
        FieldSpec::new(
            "resume_revision",
            Access::Own(OwnFields {
                show: show_revision,
                read: read_revision,
            }),
        ),
    ],
    // A new fiche is a draft checked today, to review in a year; the screen files it.
    |meta, today| Fiche {
        meta,
        titre: Text::default(),
        type_fiche: "fiche_pratique".into(),
        thematiques: Vec::new(),
        contenu: Text::default(),
        sources: Vec::new(),
        classement: Text::default(),
        statut: "brouillon".into(),
        date_verification: Some(today),
        date_revision: today.checked_add_months(chrono::Months::new(12)),
        revisions: Vec::new(),
        structures: Vec::new(),
    },
)
// Writing or revising a fiche is documentation work (CCP2.C1 and the référentiel's
// « enrichir la documentation » competence), whether it is new or not.
.suggest_on_edit()
.saved_as("status-record-saved");

/// The summary of the revision, asked when a fiche already saved is edited.
fn show_revision(_: &Fiche, is_new: bool, _: &Ctx) -> Vec<Field> {
    if is_new {
        Vec::new()
    } else {
        vec![Field::text("resume_revision", "")]
    }
}

/// A changed body keeps the text it replaces, with the summary (required then).
fn read_revision(form: &mut Form, f: &mut Fiche, base: &Fiche, r: &mut Reading) {
    if r.is_new || f.contenu == base.contenu {
        return;
    }
    let resume = one_line(form.value("resume_revision").map_or("", Value::text));
    if resume.is_empty() {
        form.set_error("resume_revision", "err-revision-summary");
        return;
    }
    f.revisions.push(Revision {
        date: r.now,
        resume: resume.into(),
        contenu_precedent: base.contenu.clone(),
    });
}

impl Kind for Fiche {
    const EVIDENCE: bool = true;

    fn form_spec() -> Option<&'static FormSpec<Fiche>> {
        Some(&FORM)
    }

    fn summary(&self, _: &Ctx) -> Option<(NaiveDate, String)> {
        Some((super::created(&self.meta)?, self.titre.to_string()))
    }
}
