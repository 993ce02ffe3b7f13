//! Records followed through dated statuses (a signalement, a cas de médiation): each change
//! of status is a step, dated today unless the form dates it afterwards.

use super::{Ctx, Reading};
use crate::app::form::{Field, FieldKind, Form, Value};
use crate::domain::{Etape, Text};
use chrono::NaiveDate;

/// A record whose status changes are kept as dated steps.
pub trait Steps {
    /// Message id for a step dated before the record's own date.
    const BEFORE_START: &'static str;
    /// The record's own date: its first step's, and the earliest a step may have.
    fn start(&self) -> NaiveDate;
    fn statut(&self) -> &Text;
    fn etapes_mut(&mut self) -> &mut Vec<Etape>;
}

/// When the status changed, for a change noted afterwards: empty means today. Only when
/// editing: a new record's first step is its own date.
pub fn show_date<R: Steps>(_: &R, is_new: bool, _: &Ctx) -> Vec<Field> {
    if is_new {
        Vec::new()
    } else {
        vec![Field::typed("date_statut", FieldKind::Date, "")]
    }
}

/// A new status with its date, between the record's date and today.
pub fn read_date<R: Steps>(form: &mut Form, x: &mut R, base: &R, r: &mut Reading) {
    let raw = form.value("date_statut").map_or("", Value::text).trim();
    if raw.is_empty() || x.statut() == base.statut() {
        return;
    }
    match crate::domain::parse::date(raw, r.today) {
        Ok(d) if d > r.today => form.set_error("date_statut", "err-date-future"),
        Ok(d) if d < x.start() => form.set_error("date_statut", R::BEFORE_START),
        Ok(date) => {
            let statut = x.statut().clone();
            x.etapes_mut().push(Etape { date, statut });
        }
        Err(e) => form.set_error("date_statut", e),
    }
}

/// After reading: a change of status not dated by the form is a step today; the first
/// is dated like the record.
pub fn record<R: Steps>(x: &mut R, _: &R, today: NaiveDate) {
    let statut = x.statut().clone();
    let start = x.start();
    let etapes = x.etapes_mut();
    if etapes.last().is_none_or(|last| last.statut != statut) {
        let date = if etapes.is_empty() { start } else { today };
        etapes.push(Etape { date, statut });
    }
}
