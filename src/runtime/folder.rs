//! Reading and writing the documentation folder (team sharing) — the file side of
//! `export::markdown`.

use crate::export::markdown::{FolderFiles, parse};
use std::path::{Path, PathBuf};

/// Every `.md` file under `dir`, sorted so reports are stable, with what it parsed to.
/// Hidden folders (`.git`) are skipped.
pub fn read(dir: &Path) -> std::io::Result<FolderFiles> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if path.is_dir() && !hidden {
                walk(&path, out)?;
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths)?;
    paths.sort();
    Ok(paths
        .into_iter()
        .map(|p| {
            let parsed = std::fs::read_to_string(&p)
                .map_err(|e| e.to_string())
                .and_then(|t| parse(&t));
            let relative = p.strip_prefix(dir).map(Path::to_path_buf).unwrap_or(p);
            (relative, parsed)
        })
        .collect())
}
