//! The privacy log: one line per erasure or retention run, with its date, what was done and
//! how many records of each kind it touched — never a code, a name or a word of content.
//! `doctor` shows it; the employer, as data controller, may be asked for it.

use std::path::Path;

pub const FILE: &str = "journal-confidentialite.log";

/// What an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// A suivi's records erased on request (`carnet suivi erase`).
    Erasure,
    /// Records past the retention period anonymised.
    Retention,
}

impl Operation {
    fn name(self) -> &'static str {
        match self {
            Operation::Erasure => "effacement",
            Operation::Retention => "conservation",
        }
    }
}

/// Appends an entry: `2026-12-02T17:30:00 effacement interactions=3 suivis=1`.
pub fn append(
    data_dir: &Path,
    at: chrono::NaiveDateTime,
    operation: Operation,
    counts: &[(&str, usize)],
) -> std::io::Result<()> {
    let mut line = format!("{} {}", at.format("%Y-%m-%dT%H:%M:%S"), operation.name());
    for (what, n) in counts.iter().filter(|(_, n)| *n > 0) {
        line.push_str(&format!(" {what}={n}"));
    }
    line.push('\n');
    crate::files::append_private(&data_dir.join(FILE), line.as_bytes())
}

/// The entries so far, oldest first (none when there is no log, or it is not a file Carnet
/// wrote).
pub fn entries(data_dir: &Path) -> Vec<String> {
    crate::files::read_regular(&data_dir.join(FILE), 4 * 1024 * 1024)
        .map(|text| text.lines().map(str::to_string).collect())
        .unwrap_or_default()
}
