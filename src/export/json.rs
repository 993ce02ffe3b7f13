//! The full store as versioned JSON: the escape hatch off any storage format.
//!
//! Shape (documented in README.md, "Export JSON"):
//! `{ "format": "carnet", "version": 1, "records": { "interactions": [...], ... } }`
//! Field names are those of `domain::records`; dates are `YYYY-MM-DD`, times `HH:MM:SS`,
//! timestamps milliseconds since the Unix epoch, ids integers. The output depends only on the
//! records, so export → import → export gives identical bytes.

use crate::domain::validate::{MAX_TEXT_CHARS, Validate};
use crate::domain::{Dataset, Id, Record, RecordKind};
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
    let mut bytes = Vec::new();
    // Writing plain structs into memory cannot fail.
    let _ = write_json(&mut bytes, data, true);
    String::from_utf8(bytes).unwrap_or_default()
}

/// The same document, streamed (a backup of 100,000 interactions never sits in memory);
/// without `pretty`, on one line (a backup: 45 % fewer bytes to compress).
pub fn write_json(
    out: &mut dyn std::io::Write,
    data: &Dataset,
    pretty: bool,
) -> std::io::Result<()> {
    write_records(out, data, pretty)
}

/// The document around `records`: a dataset, or anything serialised as one (the store's
/// records streamed as they are decoded).
pub fn write_records<T: Serialize + ?Sized>(
    out: &mut dyn std::io::Write,
    records: &T,
    pretty: bool,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Borrowed<'a, T: ?Sized> {
        format: &'a str,
        version: u32,
        records: &'a T,
    }
    let doc = Borrowed {
        format: FORMAT,
        version: VERSION,
        records,
    };
    // serde_json writes a few bytes at a time: into a buffer whose type it sees (inlined
    // copies), not through a `dyn Write` call each (a quarter of a large export's time).
    use std::io::Write;
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, out);
    if pretty {
        serde_json::to_writer_pretty(&mut buffered, &doc).map_err(std::io::Error::other)?;
    } else {
        serde_json::to_writer(&mut buffered, &doc).map_err(std::io::Error::other)?;
    }
    buffered.write_all(b"\n")?;
    buffered.flush()
}

pub fn from_json(text: &str) -> Result<Dataset, JsonError> {
    let doc: Document = serde_json::from_str(text).map_err(|e| {
        // serde's message ends with the position, given apart.
        let message = e.to_string();
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_string(),
            None => message,
        };
        JsonError::Syntax {
            line: e.line(),
            column: e.column(),
            message,
        }
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

/// A record of an import that breaks a rule typed records obey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: RecordKind,
    /// Position in its list in the file, from 1.
    pub position: usize,
    pub id: Id,
    /// The field (a dotted path for nested values).
    pub field: String,
    pub issue: Issue,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// A validation rule: the message id the forms show.
    Rule(&'static str),
    /// A text longer than any form accepts (its length in characters).
    TooLong(usize),
    /// Another record of the same kind has this id.
    DuplicateId,
    /// An id no Carnet makes (zero, or a date past year 9999).
    ImpossibleId,
}

/// Brings imported records to NFC and checks them as the forms do: each rule, the size of
/// each text, ids unique per kind and plausible. Records come in the file's order.
pub fn check(data: &mut Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    macro_rules! check_all {
        ($($t:ident => $field:ident),+ $(,)?) => {
            $(check_kind(&mut data.$field, &mut problems);)+
        };
    }
    crate::for_each_kind!(check_all);
    problems
}

fn check_kind<R: Record + Validate + Serialize>(records: &mut [R], problems: &mut Vec<Problem>) {
    let mut seen = std::collections::HashSet::with_capacity(records.len());
    for (i, r) in records.iter_mut().enumerate() {
        r.normalize();
        let id = r.id();
        let problem = |field: String, issue: Issue| Problem {
            kind: R::KIND,
            position: i + 1,
            id,
            field,
            issue,
        };
        if !id.is_plausible() {
            problems.push(problem("id".into(), Issue::ImpossibleId));
        } else if !seen.insert(id) {
            problems.push(problem("id".into(), Issue::DuplicateId));
        }
        for e in r.validate() {
            problems.push(problem(e.field.into(), Issue::Rule(e.message)));
        }
        // Serialising a record to a JSON value cannot fail; it lists every text with its path.
        if let Ok(value) = serde_json::to_value(&*r) {
            long_texts(&value, &mut String::new(), &mut |field, chars| {
                problems.push(problem(field, Issue::TooLong(chars)));
            });
        }
    }
}

fn long_texts(value: &serde_json::Value, path: &mut String, found: &mut dyn FnMut(String, usize)) {
    match value {
        serde_json::Value::String(s) if s.len() > MAX_TEXT_CHARS => {
            let chars = s.chars().count();
            if chars > MAX_TEXT_CHARS {
                found(path.clone(), chars);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{}]", i + 1));
                long_texts(item, path, found);
                path.truncate(len);
            }
        }
        serde_json::Value::Object(fields) => {
            for (name, item) in fields {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name);
                long_texts(item, path, found);
                path.truncate(len);
            }
        }
        _ => {}
    }
}
