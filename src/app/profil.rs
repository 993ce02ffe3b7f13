//! The profil: who keeps this carnet (role, period, employer) and the certification dates,
//! counted down on the Compétences tab.

use chrono::NaiveDate;

use super::form::{Field, FieldKind, Form, Options, Purpose, StructureRef, Value};
use super::network::{optional_date, text};
use crate::domain::validate::Validate;
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

pub fn profil_form(p: &Profil, is_new: bool, data: &Dataset) -> Form {
    let employeur = p.employeur.and_then(|id| {
        data.structure(id)
            .map(|s| StructureRef::Existing(id, s.nom.clone()))
    });
    let date = |id: &'static str, d: Option<NaiveDate>| {
        Field::typed(id, FieldKind::Date, &crate::domain::text::opt_date(d))
    };
    let fields = vec![
        Field::choice(
            "role",
            Options::Fixed(ROLES),
            Some(p.role.clone()).filter(|r| !r.is_empty()),
        )
        .required(),
        Field::structure("employeur", employeur),
        Field::text("service", &p.service),
        date("periode_debut", p.periode_debut),
        date("periode_fin", p.periode_fin),
        date("date_ecf", p.date_ecf),
        date("date_remise_dp", p.date_remise_dp),
        date("date_jury", p.date_jury),
    ];
    Form::new(
        Purpose::Profil {
            base: Box::new(p.clone()),
            is_new,
        },
        "form-profil",
        fields,
    )
}

pub fn read_profil(form: &mut Form, today: NaiveDate, now: Timestamp) -> Option<Profil> {
    let Purpose::Profil { base, .. } = &form.purpose else {
        return None;
    };
    let mut p = (**base).clone();
    form.check_required();
    p.role = form
        .value("role")
        .and_then(|v| v.choice().cloned())
        .unwrap_or_default();
    p.employeur = match form.value("employeur") {
        Some(Value::Structure(Some(StructureRef::Existing(id, _)))) => Some(*id),
        _ => None,
    };
    p.service = text(form, "service");
    p.periode_debut = optional_date(form, "periode_debut", today);
    p.periode_fin = optional_date(form, "periode_fin", today);
    p.date_ecf = optional_date(form, "date_ecf", today);
    p.date_remise_dp = optional_date(form, "date_remise_dp", today);
    p.date_jury = optional_date(form, "date_jury", today);
    p.meta.updated_at = now;
    p.normalize();
    for e in p.validate() {
        form.set_error(e.field, e.message);
    }
    (!form.focus_first_error()).then_some(p)
}

impl super::kinds::Kind for crate::domain::Profil {
    fn form(&self, is_new: bool, ctx: &super::kinds::Ctx) -> Option<Form> {
        Some(profil_form(self, is_new, ctx.data))
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
