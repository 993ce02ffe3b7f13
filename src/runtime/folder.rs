//! Reading the documentation folder (team sharing) — the file side of `export::markdown`.
//! A shared folder may hold anything: only regular `.md` files really inside it are read,
//! each within a size bound; links, FIFOs and devices are listed, never opened.

use crate::export::markdown::{FileIssue, FolderFiles, parse};
use crate::files::{ReadRefused, read_regular};
use std::path::{Path, PathBuf};

/// A fiche is a few pages of text; anything larger is not one.
pub const MAX_FICHE_BYTES: u64 = 1024 * 1024;

/// Every `.md` file under `dir`, sorted so reports are stable, with what it parsed to, and
/// every entry that was skipped with why. Hidden entries (`.git`) are passed over. Only the
/// folder itself failing to open is an error; a sub-folder that cannot be read is reported.
pub fn read(dir: &Path) -> std::io::Result<FolderFiles> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        visit(dir, entry, &mut out);
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

fn visit(root: &Path, entry: std::io::Result<std::fs::DirEntry>, out: &mut FolderFiles) {
    let entry = match entry {
        Ok(e) => e,
        Err(e) => {
            out.push((PathBuf::new(), Err(io_issue(&e))));
            return;
        }
    };
    let path = entry.path();
    let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
    if entry.file_name().to_string_lossy().starts_with('.') {
        return;
    }
    // The entry's own type: a link is not followed.
    let kind = match entry.file_type() {
        Ok(k) => k,
        Err(e) => {
            out.push((relative, Err(io_issue(&e))));
            return;
        }
    };
    if kind.is_symlink() {
        out.push((relative, Err(FileIssue::Link)));
    } else if kind.is_dir() {
        match std::fs::read_dir(&path) {
            Ok(entries) => {
                for e in entries {
                    visit(root, e, out);
                }
            }
            Err(e) => out.push((relative, Err(io_issue(&e)))),
        }
    } else if path.extension().is_some_and(|e| e == "md") {
        let parsed = match read_regular(&path, MAX_FICHE_BYTES) {
            Ok(text) => parse(&text).map_err(FileIssue::Parse),
            Err(ReadRefused::NotRegular) => Err(FileIssue::NotRegular),
            Err(ReadRefused::TooLarge(limit)) => Err(FileIssue::TooLarge { limit }),
            Err(ReadRefused::NotUtf8) => Err(FileIssue::NotUtf8),
            Err(ReadRefused::Io(e)) => Err(io_issue(&e)),
        };
        out.push((relative, parsed));
    }
}

fn io_issue(e: &std::io::Error) -> FileIssue {
    FileIssue::Io {
        kind: e.kind(),
        message: e.to_string(),
    }
}
