//! A reminder put off: « à relancer » leaves a structure or a contact alone until a date
//! the mediator chose (« plus tard »), then lists it again if it is still due.

use super::Id;
use super::records::RecordMeta;
use super::validate::{FieldError, Validate, norm_meta};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelanceReportee {
    pub meta: RecordMeta,
    /// The structure or contact put off.
    pub sujet: Id,
    /// Listed again from this day on.
    pub jusqu_au: NaiveDate,
}

impl RelanceReportee {
    /// Whether it still keeps its subject off the list on `today`.
    pub fn holds(&self, today: NaiveDate) -> bool {
        self.jusqu_au > today
    }
}

impl Validate for RelanceReportee {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
    }

    fn validate(&self) -> Vec<FieldError> {
        Vec::new()
    }
}
