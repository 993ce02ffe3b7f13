//! The profil: who keeps this carnet (role, period, employer) and the certification dates,
//! counted down on the Compétences tab.

use chrono::NaiveDate;

use super::{Access, FieldSpec, FormSpec, Kind};
use crate::app::form::Options;
use crate::domain::*;

/// Roles (id, Fluent label id): the title is prepared in training, in employment or by VAE.
pub const ROLES: &[(&str, &str)] = &[
    ("stagiaire", "role-stagiaire"),
    ("salarie", "role-salarie"),
    ("vae", "role-vae"),
];

/// The certification dates, in the order they come, with their Fluent label ids.
pub fn milestones(p: &Profil) -> [(&'static str, Option<NaiveDate>); 3] {
    [
        ("field-date-ecf", p.date_ecf),
        ("field-date-remise-dp", p.date_remise_dp),
        ("field-date-jury", p.date_jury),
    ]
}

/// The next certification date from `today` on (today included), if any.
pub fn next_milestone(p: &Profil, today: NaiveDate) -> Option<(&'static str, NaiveDate)> {
    milestones(p)
        .into_iter()
        .filter_map(|(id, d)| d.filter(|d| *d >= today).map(|d| (id, d)))
        .min_by_key(|(_, d)| *d)
}

pub fn empty(now: Timestamp) -> Profil {
    Profil {
        meta: RecordMeta::new(Id(0), now),
        role: "stagiaire".into(),
        employeur: None,
        service: Text::default(),
        periode_debut: None,
        periode_fin: None,
        date_ecf: None,
        date_remise_dp: None,
        date_jury: None,
    }
}

type P = Profil;

/// The profil's form: one title, new or not; no evidence (it describes who keeps the carnet).
static FORM: FormSpec<P> = FormSpec::new(
    ("form-profil", "form-profil"),
    &[
        FieldSpec::new(
            "role",
            Access::Choice(Options::Fixed(ROLES), |p: &mut P| &mut p.role),
        )
        .required(),
        FieldSpec::new(
            "employeur",
            Access::StructureId(|p: &mut P| &mut p.employeur),
        ),
        FieldSpec::new("service", Access::Line(|p: &mut P| &mut p.service)),
        FieldSpec::new(
            "periode_debut",
            Access::OptDate(|p: &mut P| &mut p.periode_debut),
        ),
        FieldSpec::new(
            "periode_fin",
            Access::OptDate(|p: &mut P| &mut p.periode_fin),
        ),
        FieldSpec::new("date_ecf", Access::OptDate(|p: &mut P| &mut p.date_ecf)),
        FieldSpec::new(
            "date_remise_dp",
            Access::OptDate(|p: &mut P| &mut p.date_remise_dp),
        ),
        FieldSpec::new("date_jury", Access::OptDate(|p: &mut P| &mut p.date_jury)),
    ],
    |meta, _| Profil {
        meta,
        ..empty(Timestamp(0))
    },
)
.without_evidence();

impl Kind for Profil {
    fn form_spec() -> Option<&'static FormSpec<P>> {
        Some(&FORM)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_points_at_the_next_date_to_come() {
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day);
        let mut p = empty(Timestamp(0));
        p.date_ecf = d(1, 10);
        p.date_remise_dp = d(3, 1);
        p.date_jury = d(4, 15);
        let today = NaiveDate::from_ymd_opt(2027, 1, 11).unwrap();
        assert_eq!(
            next_milestone(&p, today),
            Some(("field-date-remise-dp", d(3, 1).unwrap()))
        );
        let jury_day = d(4, 15).unwrap();
        assert_eq!(
            next_milestone(&p, jury_day),
            Some(("field-date-jury", jury_day))
        );
        assert_eq!(next_milestone(&p, d(4, 16).unwrap()), None);
    }
}
