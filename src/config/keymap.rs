//! Keys as data: `config/keymap.toml` (and the user's `[keys]`) map keys to actions per
//! context. Hints and help are generated from the same table, so they cannot drift.

use crate::action::{Action, Context};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Mods {
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub mods: Mods,
}

impl Key {
    /// Builds a key the way terminals report it: a character carries its own case, so Shift
    /// is dropped for characters and Shift-Tab is BackTab.
    pub fn new(code: KeyCode, mods: Mods) -> Key {
        let mut mods = mods;
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.shift = false;
        }
        let code = match code {
            KeyCode::Char(c) if mods.ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            KeyCode::Tab if mods.shift => {
                mods.shift = false;
                KeyCode::BackTab
            }
            c => c,
        };
        Key { code, mods }
    }

    pub fn plain(code: KeyCode) -> Key {
        Key::new(code, Mods::default())
    }

    pub fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub fn ctrl(c: char) -> Key {
        Key::new(
            KeyCode::Char(c),
            Mods {
                ctrl: true,
                ..Mods::default()
            },
        )
    }

    pub fn parse(text: &str) -> Option<Key> {
        let mut mods = Mods::default();
        let mut rest = text.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.len() > 1 && lower.starts_with("ctrl-") {
                mods.ctrl = true;
                rest = &rest[5..];
            } else if rest.len() > 1 && lower.starts_with("alt-") {
                mods.alt = true;
                rest = &rest[4..];
            } else if rest.len() > 1 && lower.starts_with("shift-") {
                mods.shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" => KeyCode::Enter,
                "esc" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "space" => KeyCode::Char(' '),
                f if f.starts_with('f') => {
                    KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
                }
                _ => return None,
            },
        };
        Some(Key::new(code, mods))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.mods.alt {
            f.write_str("Alt-")?;
        }
        if self.mods.shift {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.mods.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}

/// Bindings as written in a keymap file: context → action → key strings.
pub type RawBindings = BTreeMap<Context, BTreeMap<Action, Vec<toml::Spanned<String>>>>;

#[derive(Debug, Clone, PartialEq)]
pub enum KeymapProblem {
    BadKey {
        text: String,
        span: std::ops::Range<usize>,
    },
    Conflict {
        context: Context,
        key: Key,
        first: Action,
        second: Action,
    },
}

#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: BTreeMap<Context, Vec<(Action, Vec<Key>)>>,
}

impl Keymap {
    /// Builds the keymap from the defaults, then the user's bindings: a user entry replaces
    /// all keys of that action in that context.
    pub fn build(defaults: &RawBindings, user: &RawBindings) -> (Keymap, Vec<KeymapProblem>) {
        let mut problems = Vec::new();
        let mut merged: BTreeMap<Context, BTreeMap<Action, Vec<Key>>> = BTreeMap::new();
        for raw in [defaults, user] {
            for (context, actions) in raw {
                for (action, keys) in actions {
                    let parsed = keys
                        .iter()
                        .filter_map(|k| {
                            let key = Key::parse(k.get_ref());
                            if key.is_none() {
                                problems.push(KeymapProblem::BadKey {
                                    text: k.get_ref().clone(),
                                    span: k.span(),
                                });
                            }
                            key
                        })
                        .collect();
                    merged.entry(*context).or_default().insert(*action, parsed);
                }
            }
        }
        let keymap = Keymap {
            bindings: merged
                .into_iter()
                .map(|(c, actions)| (c, actions.into_iter().collect()))
                .collect(),
        };
        problems.extend(keymap.conflicts());
        (keymap, problems)
    }

    fn conflicts(&self) -> Vec<KeymapProblem> {
        let mut problems = Vec::new();
        for context in Context::ALL {
            let mut seen: Vec<(Key, Action)> = Vec::new();
            for layer in context.layers() {
                for (action, keys) in self.bindings.get(layer).into_iter().flatten() {
                    for key in keys {
                        match seen.iter().find(|(k, _)| k == key) {
                            Some((_, first)) if first != action => {
                                let problem = KeymapProblem::Conflict {
                                    context,
                                    key: *key,
                                    first: *first,
                                    second: *action,
                                };
                                if !problems.contains(&problem) {
                                    problems.push(problem);
                                }
                            }
                            Some(_) => {}
                            None => seen.push((*key, *action)),
                        }
                    }
                }
            }
        }
        problems
    }

    /// The action a key triggers in a context, most specific layer first.
    pub fn resolve(&self, context: Context, key: Key) -> Option<Action> {
        context.layers().iter().find_map(|layer| {
            self.bindings
                .get(layer)?
                .iter()
                .find(|(_, keys)| keys.contains(&key))
                .map(|(action, _)| *action)
        })
    }

    /// The bindings of one context table, in keymap order (for help and hints).
    pub fn bindings(&self, context: Context) -> &[(Action, Vec<Key>)] {
        self.bindings.get(&context).map_or(&[], Vec::as_slice)
    }

    pub fn keys_for(&self, context: Context, action: Action) -> &[Key] {
        self.bindings(context)
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, k)| k.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_normalise_like_terminals_report_them() {
        assert_eq!(Key::parse("Ctrl-s"), Some(Key::ctrl('s')));
        assert_eq!(Key::parse("ctrl-S"), Some(Key::ctrl('s')));
        assert_eq!(Key::parse("Shift-Tab"), Some(Key::plain(KeyCode::BackTab)));
        assert_eq!(Key::parse("G"), Some(Key::char('G')));
        assert_eq!(Key::parse("-"), Some(Key::char('-')));
        assert_eq!(Key::parse("F5"), Some(Key::plain(KeyCode::F(5))));
        assert_eq!(Key::parse("Hyper-x"), None);
        assert_eq!(Key::parse("F13"), None);
        assert_eq!(Key::ctrl('s').to_string(), "Ctrl-S");
    }
}
