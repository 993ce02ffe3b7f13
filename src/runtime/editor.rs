//! Editing a text in $VISUAL or $EDITOR with the screen handed back meanwhile. The text goes
//! through a private temporary file (0600) that is removed afterwards.

use super::terminal;
use std::io::Write;
use std::process::Command;

/// The editor to run: `$VISUAL`, else `$EDITOR`, else nano when it is installed (the
/// friendliest for a newcomer), else vi.
fn chosen_editor(
    visual: Option<String>,
    editor: Option<String>,
    installed: impl Fn(&str) -> bool,
) -> String {
    let set = |value: Option<String>| value.filter(|e| !e.trim().is_empty());
    set(visual)
        .or_else(|| set(editor))
        .unwrap_or_else(|| if installed("nano") { "nano" } else { "vi" }.to_string())
}

/// Whether `program` is an executable file in one of `$PATH`'s directories.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// Suspends the screen, says which editor opens, runs it on `text`, returns the edited
/// text. The caller resumes the screen.
pub fn edit(text: &str, i18n: &crate::i18n::I18n) -> Result<String, String> {
    let editor = chosen_editor(
        std::env::var("VISUAL").ok(),
        std::env::var("EDITOR").ok(),
        on_path,
    );
    let path = std::env::temp_dir().join(format!(
        "carnet-note-{}-{}.md",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let written = options
        .open(&path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    if let Err(e) = written {
        return Err(e.to_string());
    }
    terminal::restore();
    println!(
        "{}",
        i18n.t_args(
            "editor-opening",
            &[crate::i18n::arg("editor", editor.as_str())]
        )
    );
    // The editor command may carry arguments ("code -w", "emacs -nw").
    let mut parts = editor.split_whitespace();
    let program = parts.next().unwrap_or("vi");
    let status = Command::new(program).args(parts).arg(&path).status();
    let result = match status {
        Ok(s) if s.success() => std::fs::read_to_string(&path).map_err(|e| e.to_string()),
        Ok(s) => Err(format!("{editor}: {s}")),
        Err(e) => Err(format!("{editor}: {e}")),
    };
    let _ = std::fs::remove_file(&path);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_then_editor_then_nano_then_vi() {
        let some = |s: &str| Some(s.to_string());
        let nano = |p: &str| p == "nano";
        assert_eq!(chosen_editor(some("code -w"), some("vim"), nano), "code -w");
        assert_eq!(chosen_editor(some(" "), some("vim"), nano), "vim");
        assert_eq!(chosen_editor(None, None, nano), "nano");
        assert_eq!(chosen_editor(None, some(""), |_| false), "vi");
    }
}
