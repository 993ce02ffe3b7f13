//! Where the command line writes: the terminal, or — for a command an open interface serves
//! for another terminal — buffers sent back to that terminal. Every line and file body the
//! commands print goes through here, so a served command prints exactly what it would print
//! on its own, and never reads from or writes to the interface's terminal.

use std::cell::RefCell;
use std::io::Write;

/// What a served command printed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Captured {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

thread_local! {
    static SINK: RefCell<Option<Captured>> = const { RefCell::new(None) };
}

/// Runs `f` with its output kept instead of printed.
pub fn captured<R>(f: impl FnOnce() -> R) -> (R, Captured) {
    SINK.with(|s| *s.borrow_mut() = Some(Captured::default()));
    let result = f();
    let out = SINK.with(|s| s.borrow_mut().take()).unwrap_or_default();
    (result, out)
}

/// Whether the command may ask its user on the terminal: never while served (the terminal
/// is the interface's).
pub fn can_ask() -> bool {
    use std::io::IsTerminal;
    SINK.with(|s| s.borrow().is_none())
        && std::io::stdin().is_terminal()
        && std::io::stderr().is_terminal()
}

/// Writes to standard output (a closed pipe, as `carnet export | head`, is no error).
pub fn out(bytes: &[u8]) {
    let kept = SINK.with(|s| match s.borrow_mut().as_mut() {
        Some(c) => {
            c.stdout.extend_from_slice(bytes);
            true
        }
        None => false,
    });
    if !kept {
        let _ = std::io::stdout().lock().write_all(bytes);
    }
}

/// Writes to standard output what `write` streams (kept whole only while served).
pub fn out_with(write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>) {
    let served = SINK.with(|s| s.borrow().is_some());
    if served {
        let mut bytes = Vec::new();
        let _ = write(&mut bytes);
        out(&bytes);
    } else {
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        // A closed pipe (`carnet export | head`) is no error.
        let _ = write(&mut stdout).and_then(|()| stdout.flush());
    }
}

/// Writes to standard error.
pub fn err(bytes: &[u8]) {
    let kept = SINK.with(|s| match s.borrow_mut().as_mut() {
        Some(c) => {
            c.stderr.extend_from_slice(bytes);
            true
        }
        None => false,
    });
    if !kept {
        let _ = std::io::stderr().lock().write_all(bytes);
    }
}
