//! A form left open when the session ended by a signal (SIGTERM, SIGHUP, a closed SSH
//! window): its record and values, kept in the data dir and offered back at the next start.
//! Pure: the runtime writes and removes the file.

use super::form::{Form, Purpose, StructureRef, SuiviRef, Value};
use crate::domain::*;
use serde::{Deserialize, Serialize};

/// A field's value as typed or chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftValue {
    Text(String),
    Choice(Option<Text>),
    Multi(Vec<Text>),
    Bool(bool),
    Structure(Option<StructureRef>),
    Suivi(Option<SuiviRef>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The record the form was writing, as it was before the form changed it.
    pub record: AnyRecord,
    pub is_new: bool,
    /// Field id → value, for the fields that differ from the record.
    pub values: Vec<(String, DraftValue)>,
    pub focus: usize,
    /// Local time the form was kept.
    pub kept_at: chrono::NaiveDateTime,
}

impl Draft {
    /// What an open form holds that is not saved yet; `None` for a form that changed nothing
    /// or does not write a record (a filter, an export).
    pub fn of(form: &Form, kept_at: chrono::NaiveDateTime) -> Option<Draft> {
        if !form.dirty() {
            return None;
        }
        let (record, is_new) = match &form.purpose {
            Purpose::Record { base, is_new } => (base.as_ref().clone(), *is_new),
            _ => return None,
        };
        let values = form
            .fields
            .iter()
            .filter(|f| f.changed())
            .map(|f| {
                let value = match &f.value {
                    Value::Text(input) => DraftValue::Text(input.text().to_string()),
                    Value::Choice(c) => DraftValue::Choice(c.clone()),
                    Value::Multi(m) => DraftValue::Multi(m.clone()),
                    Value::Bool(b) => DraftValue::Bool(*b),
                    Value::Structure(s) => DraftValue::Structure(s.clone()),
                    Value::Suivi(s) => DraftValue::Suivi(s.clone()),
                };
                (f.id.to_string(), value)
            })
            .collect();
        Some(Draft {
            record,
            is_new,
            values,
            focus: form.focus,
            kept_at,
        })
    }

    /// The form again, as the screen that opened it builds it, with the kept values;
    /// `None` for a record no form edits.
    pub fn into_form(self, ctx: &super::kinds::Ctx) -> Option<Form> {
        let mut form = super::kinds::form(&self.record, self.is_new, ctx)?;
        for (id, value) in self.values {
            let Some(field) = form.field_mut(&id) else {
                continue;
            };
            // A value only goes into a field of the same sort (a draft from another version
            // of Carnet may not match).
            match (&mut field.value, value) {
                (Value::Text(input), DraftValue::Text(text)) => input.set(&text),
                (Value::Choice(c), DraftValue::Choice(v)) => *c = v,
                (Value::Multi(m), DraftValue::Multi(v)) => *m = v,
                (Value::Bool(b), DraftValue::Bool(v)) => *b = v,
                (Value::Structure(s), DraftValue::Structure(v)) => *s = v,
                (Value::Suivi(s), DraftValue::Suivi(v)) => *s = v,
                _ => {}
            }
        }
        form.focus_on(self.focus);
        Some(form)
    }

    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }

    pub fn from_json(bytes: &[u8]) -> Option<Draft> {
        serde_json::from_slice(bytes).ok()
    }
}
