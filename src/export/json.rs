//! The full store as versioned JSON: the escape hatch off any storage format.
//!
//! Shape (documented in README.md, "Export JSON"):
//! `{ "format": "carnet", "version": 1, "records": { "interactions": [...], ... } }`
//! Field names are those of `domain::records`; dates are `YYYY-MM-DD`, times `HH:MM:SS`,
//! timestamps milliseconds since the Unix epoch, ids integers. The output depends only on the
//! records, so export → import → export gives identical bytes.

use crate::domain::Dataset;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "carnet";
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    format: String,
    version: u32,
    records: Dataset,
}

#[derive(Debug, thiserror::Error)]
pub enum JsonError {
    #[error("not a Carnet export (format \"{0}\")")]
    NotCarnet(String),
    #[error("export version {0} is newer than this Carnet reads ({VERSION})")]
    NewerVersion(u32),
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
}

pub fn to_json(data: &Dataset) -> String {
    #[derive(Serialize)]
    struct Borrowed<'a> {
        format: &'a str,
        version: u32,
        records: &'a Dataset,
    }
    let doc = Borrowed {
        format: FORMAT,
        version: VERSION,
        records: data,
    };
    // Serialising plain structs to a String cannot fail.
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

pub fn from_json(text: &str) -> Result<Dataset, JsonError> {
    let doc: Document = serde_json::from_str(text).map_err(|e| JsonError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if doc.format != FORMAT {
        return Err(JsonError::NotCarnet(doc.format));
    }
    if doc.version > VERSION {
        return Err(JsonError::NewerVersion(doc.version));
    }
    let mut data = doc.records;
    data.sort();
    Ok(data)
}
