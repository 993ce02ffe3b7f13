//! Examples of the Dossier Professionnel: five rubriques in the first person, drafted from
//! records (`domain::dossier::draft`) then edited here. They draw on evidence rather than
//! being evidence, so their form has no competences.

use super::{Access, FieldSpec, FormSpec, Kind};
use crate::domain::*;

type X = Exemple;

static FORM: FormSpec<X> = FormSpec::new(
    ("form-new-exemple", "form-edit-exemple"),
    &[
        FieldSpec::new("titre_exemple", Access::Line(|x: &mut X| &mut x.titre)).required(),
        FieldSpec::new("taches", Access::Long(|x: &mut X| &mut x.taches)).guarded(),
        FieldSpec::new("moyens", Access::Long(|x: &mut X| &mut x.moyens)).guarded(),
        FieldSpec::new("avec_qui", Access::Long(|x: &mut X| &mut x.avec_qui)).guarded(),
        FieldSpec::new("entreprise", Access::Line(|x: &mut X| &mut x.entreprise)),
        FieldSpec::new("service_exemple", Access::Line(|x: &mut X| &mut x.service)),
        FieldSpec::new("du_exemple", Access::OptDate(|x: &mut X| &mut x.du)),
        FieldSpec::new("au_exemple", Access::OptDate(|x: &mut X| &mut x.au)),
        FieldSpec::new("infos", Access::Long(|x: &mut X| &mut x.infos)).guarded(),
    ],
    |meta, _| Exemple {
        meta,
        ccp: Text::default(),
        rang: 1,
        titre: Text::default(),
        taches: Text::default(),
        moyens: Text::default(),
        avec_qui: Text::default(),
        entreprise: Text::default(),
        service: Text::default(),
        du: None,
        au: None,
        infos: Text::default(),
        sources: Vec::new(),
        accepted: Vec::new(),
    },
)
.without_evidence();

impl Kind for Exemple {
    fn form_spec() -> Option<&'static FormSpec<X>> {
        Some(&FORM)
    }
}
