//! Backups: the whole store as the JSON export (`export::json`), gzip-compressed, in
//! `sauvegardes/` inside the data dir, private (0600). Written before a documentation import
//! and at most once a day on a clean quit; the newest of the last N days and M weeks are kept.
//! `carnet restore FILE` reads one back into an empty data dir.

use crate::domain::Dataset;
use crate::storage::crypt::PassphraseKey;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

pub const DIR: &str = "sauvegardes";
const PREFIX: &str = "carnet-";
const SUFFIX: &str = ".json.gz";
const STAMP: &str = "%Y-%m-%d-%H%M%S";

/// How many backups to keep: the newest of each of the last `daily` days that have one, and
/// of each of the last `weekly` weeks. Both zero: no backups are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub daily: u32,
    pub weekly: u32,
}

impl Retention {
    pub fn enabled(self) -> bool {
        self.daily > 0 || self.weekly > 0
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    pub taken: NaiveDateTime,
    pub bytes: u64,
}

fn file_name(at: NaiveDateTime) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.format(STAMP))
}

fn taken(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    NaiveDateTime::parse_from_str(stamp, STAMP).ok()
}

pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join(DIR)
}

/// Carnet's backups in the data dir, oldest first: regular files named as Carnet names them.
/// Anything else in the folder is not Carnet's and is left alone.
pub fn list(data_dir: &Path) -> Vec<Backup> {
    let Ok(entries) = std::fs::read_dir(dir(data_dir)) else {
        return Vec::new();
    };
    let mut backups: Vec<Backup> = entries
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            let taken = taken(&e.file_name().to_string_lossy())?;
            Some(Backup {
                path: e.path(),
                taken,
                bytes: meta.len(),
            })
        })
        .collect();
    backups.sort_by_key(|b| b.taken);
    backups
}

/// Whether today's backup is still to be written.
pub fn due(data_dir: &Path, today: NaiveDate, retention: Retention) -> bool {
    retention.enabled() && !list(data_dir).iter().any(|b| b.taken.date() == today)
}

/// Writes a backup of `data` taken at `at`, then drops the ones the retention no longer keeps.
pub fn write(
    data_dir: &Path,
    data: &Dataset,
    at: NaiveDateTime,
    retention: Retention,
    seal: Option<&PassphraseKey>,
) -> std::io::Result<PathBuf> {
    let folder = dir(data_dir);
    crate::files::create_private_dir_all(&folder)?;
    let path = folder.join(file_name(at));
    write_backup(&path, data, seal)?;
    prune(data_dir, retention)?;
    Ok(path)
}

/// A backup's content: the JSON export, gzip-compressed. Written when the user quits: fast
/// compression (100,000 interactions in about two seconds, 10 MB) over the smallest file.
fn write_gz(file: &mut std::fs::File, data: &Dataset) -> std::io::Result<()> {
    let buffered = std::io::BufWriter::new(file);
    let mut gz = flate2::write::GzEncoder::new(buffered, flate2::Compression::fast());
    crate::export::json::write_json(&mut gz, data, false)?;
    gz.finish()?.flush()
}

/// Writes a backup file: compressed, then sealed under the passphrase for an encrypted store
/// (a backup of an encrypted store is encrypted too).
fn write_backup(path: &Path, data: &Dataset, seal: Option<&PassphraseKey>) -> std::io::Result<()> {
    match seal {
        None => crate::files::replace_with(path, &mut |file| write_gz(file, data)),
        Some(key) => {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            crate::export::json::write_json(&mut gz, data, false)?;
            let sealed = key
                .seal_file(&gz.finish()?)
                .map_err(std::io::Error::other)?;
            crate::files::replace_atomically(path, &sealed)
        }
    }
}

/// Rewrites every backup with `change` applied (an erasure reaches the backups too). Each
/// is read whole, changed, and replaced atomically; one that cannot be read is left as it
/// is and reported, so nothing is lost. Returns how many were rewritten, and the unreadable.
pub fn rewrite_all(
    data_dir: &Path,
    change: &dyn Fn(&mut Dataset),
    seal: Option<&PassphraseKey>,
) -> std::io::Result<(usize, Vec<PathBuf>)> {
    const LIMIT: u64 = 4 * 1024 * 1024 * 1024;
    let mut rewritten = 0;
    let mut unreadable = Vec::new();
    for backup in list(data_dir) {
        let bytes = crate::files::read_regular_bytes(&backup.path, LIMIT).ok();
        let was_sealed = bytes
            .as_deref()
            .is_some_and(crate::storage::crypt::is_sealed_file);
        let read = bytes
            .and_then(|bytes| decode(&bytes, LIMIT).ok())
            .and_then(|text| crate::export::json::from_json(&text).ok());
        let Some(mut data) = read else {
            unreadable.push(backup.path);
            continue;
        };
        let before = data.clone();
        change(&mut data);
        // Rewritten when its records change, or when the store was encrypted or decrypted.
        if data == before && was_sealed == seal.is_some() {
            continue;
        }
        write_backup(&backup.path, &data, seal)?;
        rewritten += 1;
    }
    Ok((rewritten, unreadable))
}

/// Temporary files of backups a killed process never finished (`.carnet-….tmp` of a pid that
/// is gone): Carnet's own, removed.
fn remove_unfinished(data_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir(data_dir)) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name
            .strip_prefix('.')
            .filter(|n| n.starts_with(PREFIX))
            .and_then(|n| n.strip_suffix(".tmp"))
        else {
            continue;
        };
        // `.NAME.PID.N.tmp`, as `files::replace_with` names them.
        let pid = rest.rsplit('.').nth(1).and_then(|p| p.parse::<u32>().ok());
        let gone = pid.is_some_and(|p| !Path::new(&format!("/proc/{p}")).exists());
        if gone && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The backups the retention keeps; the others are removed, with unfinished ones.
pub fn prune(data_dir: &Path, retention: Retention) -> std::io::Result<()> {
    remove_unfinished(data_dir);
    let mut newest_first = list(data_dir);
    newest_first.reverse();
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut weeks: Vec<(i32, u32)> = Vec::new();
    for b in newest_first {
        let day = b.taken.date();
        let week = (day.iso_week().year(), day.iso_week().week());
        let mut keep = false;
        if !days.contains(&day) && days.len() < retention.daily as usize {
            days.push(day);
            keep = true;
        }
        if !weeks.contains(&week) && weeks.len() < retention.weekly as usize {
            weeks.push(week);
            keep = true;
        }
        if !keep {
            std::fs::remove_file(&b.path)?;
        }
    }
    Ok(())
}

/// Why an export file's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// An encrypted backup, and no passphrase was given for this run.
    NeedsPassphrase,
    /// An encrypted backup that the run's passphrase does not open.
    WrongPassphrase,
    /// The compressed stream is damaged (the decoder's words).
    Compressed(String),
    TooLarge,
    NotUtf8,
}

/// The text of an export file, compressed (a backup) or not, never more than `limit` bytes.
pub fn decode(bytes: &[u8], limit: u64) -> Result<String, DecodeError> {
    let opened;
    let bytes = if crate::storage::crypt::is_sealed_file(bytes) {
        let passphrase = crate::storage::crypt::passphrase().ok_or(DecodeError::NeedsPassphrase)?;
        opened =
            PassphraseKey::open_file(&passphrase, bytes).ok_or(DecodeError::WrongPassphrase)?;
        opened.as_slice()
    } else {
        bytes
    };
    let text = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| DecodeError::Compressed(e.to_string()))?;
        if out.len() as u64 > limit {
            return Err(DecodeError::TooLarge);
        }
        out
    } else {
        bytes.to_vec()
    };
    String::from_utf8(text).map_err(|_| DecodeError::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(d: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(d, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn the_newest_of_each_recent_day_and_week_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join(DIR);
        std::fs::create_dir(&folder).unwrap();
        // Forty days, two backups a day, and a file that is not Carnet's.
        let first = at("2026-10-01 09:00");
        for day in 0..40 {
            for hour in [9, 17] {
                let t = first + chrono::Duration::days(day) + chrono::Duration::hours(hour - 9);
                std::fs::write(folder.join(file_name(t)), b"x").unwrap();
            }
        }
        std::fs::write(folder.join("notes.txt"), b"mine").unwrap();
        // A backup a killed process left half-written, and one being written now.
        let dead = folder.join(".carnet-2026-11-09-170000.json.gz.4294967295.0.tmp");
        let live = folder.join(format!(
            ".carnet-2026-11-09-170000.json.gz.{}.0.tmp",
            std::process::id()
        ));
        std::fs::write(&dead, b"x").unwrap();
        std::fs::write(&live, b"x").unwrap();
        prune(
            dir.path(),
            Retention {
                daily: 7,
                weekly: 4,
            },
        )
        .unwrap();
        let kept: Vec<String> = list(dir.path())
            .iter()
            .map(|b| b.taken.format("%Y-%m-%d %H").to_string())
            .collect();
        // The last 7 days (3–9 Nov) at 17 h, and the newest of weeks 44 and 43 (Sundays
        // 1 Nov and 25 Oct): weeks 46 and 45 are already among the days.
        assert_eq!(
            kept,
            [
                "2026-10-25 17",
                "2026-11-01 17",
                "2026-11-03 17",
                "2026-11-04 17",
                "2026-11-05 17",
                "2026-11-06 17",
                "2026-11-07 17",
                "2026-11-08 17",
                "2026-11-09 17",
            ]
        );
        assert!(
            folder.join("notes.txt").exists(),
            "not Carnet's: left alone"
        );
    }

    #[test]
    fn a_backup_decodes_to_the_export_and_a_bomb_is_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let data = Dataset::default();
        let path = write(
            dir.path(),
            &data,
            at("2026-11-27 10:30"),
            Retention {
                daily: 7,
                weekly: 4,
            },
            None,
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let bytes = std::fs::read(&path).unwrap();
        let text = decode(&bytes, 1 << 20).unwrap();
        assert_eq!(crate::export::json::from_json(&text).unwrap(), data);
        assert!(decode(&bytes, 10).is_err());
        assert!(due(
            dir.path(),
            at("2026-11-28 08:00").date(),
            Retention {
                daily: 7,
                weekly: 4
            }
        ));
        assert!(!due(
            dir.path(),
            at("2026-11-27 18:00").date(),
            Retention {
                daily: 7,
                weekly: 4
            }
        ));
    }
}
