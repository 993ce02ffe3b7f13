//! Contacts: the professionals of a structure of the network (never a person helped), edited
//! from their structure in the directory. Not evidence themselves: no competences.

use super::{Access, Ctx, FieldSpec, FormSpec, Kind};
use crate::app::form::Options;
use crate::domain::*;

type C = Contact;

static FORM: FormSpec<C> = FormSpec::new(
    ("form-new-contact", "form-edit-contact"),
    &[
        FieldSpec::new("nom", Access::Line(|c: &mut C| &mut c.nom)).required(),
        FieldSpec::new("fonction", Access::Line(|c: &mut C| &mut c.fonction)),
        FieldSpec::new("telephone", Access::Line(|c: &mut C| &mut c.telephone)),
        FieldSpec::new("courriel", Access::Line(|c: &mut C| &mut c.courriel)),
        FieldSpec::new(
            "canal_prefere",
            Access::OptChoice(Options::Vocab("canaux"), |c: &mut C| &mut c.canal_prefere),
        ),
        FieldSpec::new("actif", Access::Flag(|c: &mut C| &mut c.actif)),
        FieldSpec::new(
            "verifiee",
            Access::OptDate(|c: &mut C| &mut c.date_verification),
        ),
    ],
    // The structure comes from where the contact is added; its details are checked today.
    |meta, today| Contact {
        meta,
        structure: Id(0),
        nom: Text::default(),
        fonction: Text::default(),
        telephone: Text::default(),
        courriel: Text::default(),
        canal_prefere: None,
        actif: true,
        date_verification: Some(today),
    },
)
.without_evidence()
.saved_as("status-contact-saved");

impl Kind for Contact {
    fn form_spec() -> Option<&'static FormSpec<C>> {
        Some(&FORM)
    }

    fn summary(&self, ctx: &Ctx) -> Option<(chrono::NaiveDate, String)> {
        let structure = ctx.data.structure(self.structure).map(|s| s.nom.as_str());
        let who = [self.nom.as_str(), self.fonction.as_str()]
            .into_iter()
            .chain(structure)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" — ");
        Some((super::created(&self.meta)?, who))
    }
}
