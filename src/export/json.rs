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
        fault: Fault,
        /// The parser's own words (English).
        message: String,
    },
}

/// What is wrong where a JSON import stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// The file ends before the document does (a copy cut short).
    Truncated,
    /// The text is not JSON there.
    NotJson,
    /// JSON, but not what a Carnet export holds there.
    Value(crate::parse_fault::ParseFault),
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
        let mut serializer =
            serde_json::Serializer::with_formatter(&mut buffered, Indented::default());
        doc.serialize(&mut serializer)
            .map_err(std::io::Error::other)?;
    } else {
        serde_json::to_writer(&mut buffered, &doc).map_err(std::io::Error::other)?;
    }
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// serde_json's pretty layout (two spaces a level), each separator and indentation written at
/// once instead of two bytes at a time: a large export spends much of its time there.
#[derive(Default)]
struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    /// Closes a list or an object: on a line of its own after values, at once when empty.
    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(out, true)?;
        }
        out.write_all(bracket)
    }

    /// A newline (after a comma unless `first`) and the indentation of the current depth.
    fn new_line<W: ?Sized + std::io::Write>(
        &self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        const LINE: &[u8] = b",\n                                                                ";
        let start = usize::from(first);
        let end = 2 + 2 * self.depth;
        match LINE.get(start..end) {
            Some(line) => out.write_all(line),
            None => {
                out.write_all(&LINE[start..2])?;
                (0..self.depth).try_for_each(|_| out.write_all(b"  "))
            }
        }
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(out, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(out, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
    ) -> std::io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

pub fn from_json(text: &str) -> Result<Dataset, JsonError> {
    let doc: Document = serde_json::from_str(text).map_err(|e| {
        // serde's message ends with the position, given apart.
        let message = e.to_string();
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_string(),
            None => message,
        };
        let fault = match e.classify() {
            serde_json::error::Category::Eof => Fault::Truncated,
            serde_json::error::Category::Syntax => Fault::NotJson,
            serde_json::error::Category::Data | serde_json::error::Category::Io => {
                Fault::Value(crate::parse_fault::read(&message))
            }
        };
        JsonError::Syntax {
            line: e.line(),
            column: e.column(),
            fault,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Exports are read by people and diffed by tools: the layout stays serde_json's own,
    /// deep nesting, empty lists and objects, and escaped newlines included.
    #[test]
    fn the_layout_is_serde_jsons_pretty_one() {
        use serde_json::json;
        let deep = (0..40).fold(json!([]), |inner, i| json!({"k": [inner, i, {}], "e": []}));
        let config = crate::config::Config::builtin(crate::domain::Lang::Fr).unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 29)
            .and_then(|d| d.and_hms_opt(10, 30, 0))
            .unwrap();
        let spec = crate::demo::DemoSpec {
            seed: 3,
            interactions: 200,
            now,
        };
        let data = crate::demo::generate(spec, &config.vocab);
        let document = Document {
            format: FORMAT.into(),
            version: VERSION,
            records: data.clone(),
        };
        let values = [
            deep,
            json!({}),
            json!([]),
            json!({"a": "x\ny « é » 😀", "b": [1, {"c": null}, []]}),
            serde_json::to_value(&document).unwrap(),
        ];
        for value in values {
            let mut ours = Vec::new();
            let mut serializer =
                serde_json::Serializer::with_formatter(&mut ours, Indented::default());
            value.serialize(&mut serializer).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
        assert_eq!(
            to_json(&data),
            serde_json::to_string_pretty(&document).unwrap() + "\n"
        );
    }
}
