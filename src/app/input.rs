//! A text being edited: the cursor is a char index, edits keep the text clean (no control
//! characters; single-line fields join pasted lines), and a length limit protects the form
//! from a 100 KB paste.

use crate::config::keymap::{Key, KeyCode};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    text: String,
    /// Cursor position in chars.
    cursor: usize,
    pub multiline: bool,
    pub max_chars: usize,
    /// Set when the last edit had to drop text over the limit.
    pub truncated: bool,
    /// The whole value is selected: typing replaces it (a prefilled date, time or duration
    /// just focused), any other key keeps it.
    selected_all: bool,
}

/// What a key did to the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Changed,
    Moved,
    Ignored,
}

impl Input {
    pub fn new(text: &str, multiline: bool, max_chars: usize) -> Input {
        let mut input = Input {
            text: String::new(),
            cursor: 0,
            multiline,
            max_chars,
            truncated: false,
            selected_all: false,
        };
        input.set(text);
        input
    }

    /// A single-line view of `text` with the cursor at char `cursor` (for drawing).
    pub fn with_cursor(text: &str, cursor: usize) -> Input {
        Input {
            text: text.to_string(),
            cursor: cursor.min(text.chars().count()),
            multiline: false,
            max_chars: usize::MAX,
            truncated: false,
            selected_all: false,
        }
    }

    /// Selects the whole value, so that the next character typed replaces it.
    pub fn select_all(&mut self) {
        self.selected_all = !self.text.is_empty();
        self.cursor = self.char_len();
    }

    pub fn is_all_selected(&self) -> bool {
        self.selected_all
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set(&mut self, text: &str) {
        self.text.clear();
        self.cursor = 0;
        self.insert_str(text);
        self.cursor = self.char_len();
    }

    fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Inserts text as typed or pasted: line ends normalised, other control characters
    /// dropped, lines joined with a space in single-line fields, NFC.
    pub fn insert_str(&mut self, raw: &str) {
        let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
        let mut clean = String::with_capacity(unified.len());
        for c in unified.chars() {
            match c {
                '\n' if self.multiline => clean.push('\n'),
                '\n' | '\t' => {
                    if !clean.ends_with(' ') && !clean.is_empty() {
                        clean.push(' ');
                    }
                }
                c if c.is_control() => {}
                '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
                c => clean.push(c),
            }
        }
        let room = self.max_chars.saturating_sub(self.char_len());
        let count = clean.chars().count();
        self.truncated = count > room;
        let clean: String = clean.chars().take(room).collect();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
        // Recompose accents typed as separate code points; the cursor stays at the end of
        // what was inserted, measured again after composition.
        if !clean.is_ascii() {
            let before: String = self.text[..self.byte_at(self.cursor)].to_string();
            let before_nfc = crate::domain::text::nfc(&before);
            let after = self.text[self.byte_at(self.cursor)..].to_string();
            self.cursor = before_nfc.chars().count();
            self.text = before_nfc + &crate::domain::text::nfc(&after);
        }
    }

    /// Applies an editing key; keys that are not editing keys are `Ignored`.
    pub fn key(&mut self, key: Key) -> Edit {
        let ctrl = key.mods.ctrl;
        if std::mem::take(&mut self.selected_all) {
            let replaces = matches!(key.code, KeyCode::Char(_) if !ctrl && !key.mods.alt)
                || matches!(key.code, KeyCode::Backspace | KeyCode::Delete);
            if replaces {
                self.text.clear();
                self.cursor = 0;
                if !matches!(key.code, KeyCode::Char(_)) {
                    return Edit::Changed;
                }
            }
        }
        match key.code {
            KeyCode::Char(c) if !ctrl && !key.mods.alt => {
                self.insert_str(&c.to_string());
                Edit::Changed
            }
            KeyCode::Char('w') if ctrl => self.delete_word_back(),
            KeyCode::Char('u') if ctrl => {
                let at = self.byte_at(self.cursor);
                self.text.drain(..at);
                self.cursor = 0;
                Edit::Changed
            }
            KeyCode::Char('k') if ctrl => {
                let at = self.byte_at(self.cursor);
                self.text.truncate(at);
                Edit::Changed
            }
            KeyCode::Char('a') if ctrl => self.move_to(0),
            KeyCode::Char('e') if ctrl => self.move_to(self.char_len()),
            KeyCode::Enter if self.multiline => {
                self.insert_str("\n");
                Edit::Changed
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.text.remove(at);
                self.cursor -= 1;
                Edit::Changed
            }
            KeyCode::Delete if self.cursor < self.char_len() => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
                Edit::Changed
            }
            KeyCode::Left if self.cursor > 0 => self.move_to(self.cursor - 1),
            KeyCode::Right if self.cursor < self.char_len() => self.move_to(self.cursor + 1),
            KeyCode::Home => self.move_to(0),
            KeyCode::End => self.move_to(self.char_len()),
            _ => Edit::Ignored,
        }
    }

    fn move_to(&mut self, position: usize) -> Edit {
        self.cursor = position.min(self.char_len());
        Edit::Moved
    }

    fn delete_word_back(&mut self) -> Edit {
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !chars[start - 1].is_whitespace() {
            start -= 1;
        }
        let (from, to) = (self.byte_at(start), self.byte_at(self.cursor));
        self.text.drain(from..to);
        self.cursor = start;
        Edit::Changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::keymap::Mods;

    #[test]
    fn a_selected_value_is_replaced_by_typing_and_kept_by_moving() {
        let mut i = Input::new("02/12/2026", false, 100);
        i.select_all();
        for c in "09/11".chars() {
            i.key(Key::char(c));
        }
        assert_eq!(i.text(), "09/11");
        i.select_all();
        i.key(Key::plain(KeyCode::Backspace));
        assert_eq!(i.text(), "");
        let mut i = Input::new("10:30", false, 100);
        i.select_all();
        i.key(Key::plain(KeyCode::Left));
        i.key(Key::char('5'));
        assert_eq!(i.text(), "10:350");
    }

    #[test]
    fn typing_editing_and_moving() {
        let mut i = Input::new("", false, 100);
        for c in "élève".chars() {
            i.key(Key::char(c));
        }
        i.key(Key::plain(KeyCode::Left));
        i.key(Key::plain(KeyCode::Backspace));
        assert_eq!(i.text(), "élèe");
        i.key(Key::plain(KeyCode::Home));
        i.key(Key::plain(KeyCode::Delete));
        assert_eq!(i.text(), "lèe");
        i.set("un deux trois");
        i.key(Key::new(
            KeyCode::Char('w'),
            Mods {
                ctrl: true,
                ..Mods::default()
            },
        ));
        assert_eq!(i.text(), "un deux ");
    }

    #[test]
    fn pasted_lines_are_joined_in_single_line_fields_and_kept_in_notes() {
        let mut single = Input::new("", false, 1000);
        single.insert_str("ligne 1\r\nligne 2\n\tfin\u{1b}[31m");
        assert_eq!(single.text(), "ligne 1 ligne 2 fin[31m");
        let mut multi = Input::new("", true, 1000);
        multi.insert_str("a\r\nb\rc");
        assert_eq!(multi.text(), "a\nb\nc");
    }

    #[test]
    fn a_huge_paste_is_cut_at_the_limit_and_says_so() {
        let mut i = Input::new("", false, 500);
        i.insert_str(&"x".repeat(100_000));
        assert_eq!(i.text().chars().count(), 500);
        assert!(i.truncated);
    }

    #[test]
    fn combining_accents_are_composed() {
        let mut i = Input::new("", false, 100);
        i.insert_str("e");
        i.insert_str("\u{301}");
        assert_eq!(i.text(), "é");
        assert_eq!(i.cursor(), 1);
        i.insert_str("🙂");
        assert_eq!(i.text(), "é🙂");
    }
}
