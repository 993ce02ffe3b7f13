//! Where messages come from: the terminal, or a script (tests drive the real loop with it).

use crate::app::Msg;
use crate::config::keymap::{Key, KeyCode, Mods};
use ratatui::crossterm::event::{self, Event, KeyEventKind, KeyModifiers};
use std::collections::VecDeque;
use std::io;
use std::time::Duration;

pub trait EventSource {
    /// The next message, waiting at most `timeout`; `None` when nothing came.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Msg>>;
}

pub struct TerminalEvents;

fn key_from(code: event::KeyCode, modifiers: KeyModifiers) -> Option<Key> {
    use event::KeyCode as C;
    let code = match code {
        C::Char(c) => KeyCode::Char(c),
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Backspace => KeyCode::Backspace,
        C::Delete => KeyCode::Delete,
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        C::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let mods = Mods {
        ctrl: modifiers.contains(KeyModifiers::CONTROL),
        alt: modifiers.contains(KeyModifiers::ALT),
        shift: modifiers.contains(KeyModifiers::SHIFT),
    };
    Some(Key::new(code, mods))
}

/// Pasted text arrives with the terminal's line endings; store text is NFC with `\n`.
pub fn normalize_paste(text: &str) -> String {
    crate::domain::text::nfc(&text.replace("\r\n", "\n").replace('\r', "\n"))
}

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Msg>> {
        if !event::poll(timeout)? {
            return Ok(None);
        }
        Ok(match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                key_from(k.code, k.modifiers).map(Msg::Key)
            }
            Event::Paste(text) => Some(Msg::Paste(normalize_paste(&text))),
            Event::Resize(w, h) => Some(Msg::Resize(w, h)),
            _ => None,
        })
    }
}

/// A fixed list of messages; when it runs out, the source says so with an error so a test
/// loop that forgot to quit ends instead of hanging.
pub struct ScriptedEvents(pub VecDeque<Msg>);

impl EventSource for ScriptedEvents {
    fn next(&mut self, _timeout: Duration) -> io::Result<Option<Msg>> {
        match self.0.pop_front() {
            Some(msg) => Ok(Some(msg)),
            None => Err(io::Error::new(io::ErrorKind::UnexpectedEof, "script ended")),
        }
    }
}
