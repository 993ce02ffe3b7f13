//! The layers of `src/lib.rs` hold: imports only go down. Read from the sources, so a
//! shortcut through a layer fails here rather than in a review.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir),
        &mut out,
    );
    assert!(!out.is_empty(), "no sources under src/{dir}");
    out
}

/// Lines of code (comments left out) that mention `needle`.
fn mentions(dir: &str, needle: &str) -> Vec<String> {
    sources(dir)
        .into_iter()
        .flat_map(|(path, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, l)| !l.trim_start().starts_with("//") && l.contains(needle))
                .map(|(n, l)| format!("{}:{}: {}", path.display(), n + 1, l.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn lower_layers_import_nothing_from_upper_ones() {
    for (dir, upper) in [
        (
            "domain",
            &[
                "crate::app",
                "crate::ui",
                "crate::runtime",
                "crate::storage",
                "crate::export",
                "crate::config",
            ][..],
        ),
        // Storage writes its backups in the export's JSON: siblings, both below the app.
        ("storage", &["crate::app", "crate::ui", "crate::runtime"]),
        ("export", &["crate::app", "crate::ui", "crate::runtime"]),
        ("app", &["crate::ui", "crate::runtime", "crate::cli"]),
        ("ui", &["crate::runtime", "crate::cli"]),
    ] {
        for needle in upper {
            let found = mentions(dir, needle);
            assert!(
                found.is_empty(),
                "src/{dir} uses {needle}:\n{}",
                found.join("\n")
            );
        }
    }
}

#[test]
fn the_parsers_words_are_read_without_the_crate() {
    // Both the export (below i18n) and the configuration read them.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/parse_fault.rs");
    let text = std::fs::read_to_string(path).unwrap();
    let found: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//") && l.contains("crate::"))
        .collect();
    assert!(
        found.is_empty(),
        "src/parse_fault.rs uses:\n{}",
        found.join("\n")
    );
}

#[test]
fn sled_lives_in_storage_and_the_terminal_in_ui_and_runtime() {
    for dir in ["domain", "app", "export", "ui", "config", "demo"] {
        let found = mentions(dir, "sled");
        assert!(
            found.is_empty(),
            "sled outside storage:\n{}",
            found.join("\n")
        );
    }
    for dir in ["domain", "app", "storage", "export", "config", "demo"] {
        let found = [mentions(dir, "ratatui"), mentions(dir, "crossterm")].concat();
        assert!(
            found.is_empty(),
            "terminal code in src/{dir}:\n{}",
            found.join("\n")
        );
    }
}
