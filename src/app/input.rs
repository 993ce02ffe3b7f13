//! A text being edited: the cursor is a char index, edits keep the text clean (no control
//! characters; single-line fields join pasted lines), and a length limit protects the form
//! from a 100 KB paste. Multi-line texts wrap at the field's width ([`wrap_rows`], which the
//! view draws too): the cursor moves by visual row, edits can be undone.
//!
//! Wrapping lives here rather than in a text-area widget so that key handling stays pure and
//! testable: moving up a wrapped row needs the wrap, and the view only draws it.

use crate::config::keymap::{Key, KeyCode};
use unicode_width::UnicodeWidthChar;

/// Undo steps kept per field.
const HISTORY: usize = 200;
/// Rows PageUp and PageDown move in a multi-line text: a window of the field, less one
/// row kept in view.
const PAGE_ROWS: usize = super::layout::MULTILINE_ROWS - 1;

/// One visual row of a wrapped text: chars `start..end` (a line break is not part of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    /// Ends at a line break or the end of the text, not at a soft wrap: the cursor may sit
    /// at `end`.
    pub hard: bool,
}

/// The visual rows of `chars` at `width` columns: breaks after the last space that fits (a
/// space may hang past the edge), inside a word only when it is wider than the row.
pub fn wrap_rows(chars: &[char], width: usize) -> Vec<Row> {
    let width = width.max(1);
    let w = |c: char| c.width().unwrap_or(0);
    let mut rows = Vec::new();
    let (mut start, mut col, mut i) = (0, 0, 0);
    let mut after_space: Option<usize> = None;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            rows.push(Row {
                start,
                end: i,
                hard: true,
            });
            (start, col, after_space, i) = (i + 1, 0, None, i + 1);
            continue;
        }
        if c != ' ' && col + w(c) > width && i > start {
            let at = after_space.filter(|&b| b > start).unwrap_or(i);
            rows.push(Row {
                start,
                end: at,
                hard: false,
            });
            start = at;
            col = chars[start..i].iter().map(|&c| w(c)).sum();
            after_space = None;
            continue;
        }
        col += w(c);
        if c == ' ' {
            after_space = Some(i + 1);
        }
        i += 1;
    }
    rows.push(Row {
        start,
        end: chars.len(),
        hard: true,
    });
    rows
}

/// The row the cursor `at` is shown on.
pub fn row_of(rows: &[Row], at: usize) -> usize {
    rows.iter()
        .position(|r| at >= r.start && (at < r.end || (at == r.end && r.hard)))
        .unwrap_or(rows.len().saturating_sub(1))
}

/// What an edit was, so that typing a word is undone as one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Last {
    #[default]
    Other,
    Typing,
    /// Spaces after a word: part of its step; the next letter starts another.
    Spacing,
    Deleting,
}

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
    /// Earlier states (text, cursor), the latest last; and those undone, to redo.
    undo: Vec<(String, usize)>,
    redo: Vec<(String, usize)>,
    last: Last,
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
            undo: Vec::new(),
            redo: Vec::new(),
            last: Last::Other,
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
            ..Input::default()
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

    /// Inserts pasted text at the cursor, several paragraphs at once: one undo step. A paste
    /// over a selected value replaces it, as typing does.
    pub fn paste(&mut self, text: &str) {
        self.remember(Last::Other);
        if std::mem::take(&mut self.selected_all) {
            self.text.clear();
            self.cursor = 0;
        }
        self.insert_str(text);
    }

    /// Applies an editing key; keys that are not editing keys are `Ignored`.
    pub fn key(&mut self, key: Key) -> Edit {
        self.key_wrapped(key, usize::MAX)
    }

    /// Applies an editing key to the text as wrapped at `width` columns: in a multi-line
    /// text, Up, Down, Home, End, PageUp and PageDown move by visual row (Up on the first
    /// row and Down on the last are `Ignored`: they leave the field).
    pub fn key_wrapped(&mut self, key: Key, width: usize) -> Edit {
        let ctrl = key.mods.ctrl;
        if std::mem::take(&mut self.selected_all) {
            let replaces = matches!(key.code, KeyCode::Char(_) if !ctrl && !key.mods.alt)
                || matches!(key.code, KeyCode::Backspace | KeyCode::Delete);
            if replaces {
                self.remember(Last::Other);
                self.text.clear();
                self.cursor = 0;
                if !matches!(key.code, KeyCode::Char(_)) {
                    return Edit::Changed;
                }
            }
        }
        let word = ctrl || key.mods.alt;
        match key.code {
            KeyCode::Char(c) if !ctrl && !key.mods.alt => {
                // A word typed and its spaces are one undo step.
                self.remember(if c == ' ' {
                    Last::Spacing
                } else {
                    Last::Typing
                });
                self.insert_str(&c.to_string());
                Edit::Changed
            }
            KeyCode::Char('z') if ctrl => self.restore(true),
            KeyCode::Char('y') if ctrl => self.restore(false),
            KeyCode::Char('w') if ctrl => {
                self.remember(Last::Other);
                self.delete_word_back()
            }
            KeyCode::Char('u') if ctrl => {
                self.remember(Last::Other);
                let at = self.byte_at(self.cursor);
                self.text.drain(..at);
                self.cursor = 0;
                Edit::Changed
            }
            KeyCode::Char('k') if ctrl => {
                self.remember(Last::Other);
                let at = self.byte_at(self.cursor);
                self.text.truncate(at);
                Edit::Changed
            }
            KeyCode::Char('a') if ctrl => self.move_to(0),
            KeyCode::Char('e') if ctrl => self.move_to(self.char_len()),
            KeyCode::Char('b') if key.mods.alt => self.move_to(self.word_start()),
            KeyCode::Char('f') if key.mods.alt => self.move_to(self.word_end()),
            KeyCode::Enter if self.multiline => {
                self.remember(Last::Other);
                self.insert_str("\n");
                Edit::Changed
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.remember(Last::Deleting);
                let at = self.byte_at(self.cursor - 1);
                self.text.remove(at);
                self.cursor -= 1;
                Edit::Changed
            }
            KeyCode::Delete if self.cursor < self.char_len() => {
                self.remember(Last::Deleting);
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
                Edit::Changed
            }
            KeyCode::Left if word => self.move_to(self.word_start()),
            KeyCode::Right if word => self.move_to(self.word_end()),
            KeyCode::Left if self.cursor > 0 => self.move_to(self.cursor - 1),
            KeyCode::Right if self.cursor < self.char_len() => self.move_to(self.cursor + 1),
            KeyCode::Home if ctrl || !self.multiline => self.move_to(0),
            KeyCode::End if ctrl || !self.multiline => self.move_to(self.char_len()),
            KeyCode::Home => {
                let (rows, r) = self.rows(width);
                self.move_to(rows[r].start)
            }
            KeyCode::End => {
                let (rows, r) = self.rows(width);
                let row = rows[r];
                // A soft-wrapped row's end is the next row's start: stop before it.
                self.move_to(if row.hard { row.end } else { row.end - 1 })
            }
            KeyCode::Up if self.multiline => self.move_rows(-1, width, false),
            KeyCode::Down if self.multiline => self.move_rows(1, width, false),
            KeyCode::PageUp if self.multiline => self.move_rows(-(PAGE_ROWS as isize), width, true),
            KeyCode::PageDown if self.multiline => self.move_rows(PAGE_ROWS as isize, width, true),
            _ => Edit::Ignored,
        }
    }

    /// The text's visual rows at `width`, and the cursor's.
    fn rows(&self, width: usize) -> (Vec<Row>, usize) {
        let chars: Vec<char> = self.text.chars().collect();
        let rows = wrap_rows(&chars, width);
        let r = row_of(&rows, self.cursor);
        (rows, r)
    }

    /// Moves the cursor `delta` visual rows, keeping its column; `Ignored` when there is no
    /// row that way, unless `clamp` (a page) lets it stop on the first or last one.
    fn move_rows(&mut self, delta: isize, width: usize, clamp: bool) -> Edit {
        let chars: Vec<char> = self.text.chars().collect();
        let rows = wrap_rows(&chars, width);
        let r = row_of(&rows, self.cursor);
        let target = r.saturating_add_signed(delta).min(rows.len() - 1);
        let target = if delta < 0 && r < delta.unsigned_abs() {
            if clamp { 0 } else { return Edit::Ignored }
        } else {
            target
        };
        if target == r {
            return if clamp && delta > 0 {
                self.move_to(rows[r].end)
            } else if clamp {
                self.move_to(rows[r].start)
            } else {
                Edit::Ignored
            };
        }
        let w = |c: &char| c.width().unwrap_or(0);
        let column: usize = chars[rows[r].start..self.cursor].iter().map(w).sum();
        let row = rows[target];
        let (mut at, mut acc) = (row.start, 0);
        while at < row.end && acc + w(&chars[at]) <= column {
            acc += w(&chars[at]);
            at += 1;
        }
        if !row.hard && at == row.end {
            at = row.end - 1;
        }
        self.move_to(at)
    }

    /// Keeps the state before an edit, to undo it; a run of the same kind of edit (the
    /// letters of a word, several Backspaces) is one step.
    fn remember(&mut self, kind: Last) {
        let continues = (kind != Last::Other && kind == self.last)
            || (kind == Last::Spacing && self.last == Last::Typing);
        self.last = kind;
        if continues {
            return;
        }
        if self.undo.len() == HISTORY {
            self.undo.remove(0);
        }
        self.undo.push((self.text.clone(), self.cursor));
        self.redo.clear();
    }

    /// Undoes (or redoes) one step; `Ignored` when there is none.
    fn restore(&mut self, undo: bool) -> Edit {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some((text, cursor)) = from.pop() else {
            return Edit::Ignored;
        };
        to.push((std::mem::replace(&mut self.text, text), self.cursor));
        self.cursor = cursor.min(self.char_len());
        self.last = Last::Other;
        Edit::Changed
    }

    /// Where the word before the cursor starts (Ctrl-←).
    fn word_start(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut at = self.cursor.min(chars.len());
        while at > 0 && !chars[at - 1].is_alphanumeric() {
            at -= 1;
        }
        while at > 0 && chars[at - 1].is_alphanumeric() {
            at -= 1;
        }
        at
    }

    /// Where the word after the cursor ends (Ctrl-→).
    fn word_end(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut at = self.cursor.min(chars.len());
        while at < chars.len() && !chars[at].is_alphanumeric() {
            at += 1;
        }
        while at < chars.len() && chars[at].is_alphanumeric() {
            at += 1;
        }
        at
    }

    fn move_to(&mut self, position: usize) -> Edit {
        self.cursor = position.min(self.char_len());
        self.last = Last::Other;
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

    fn k(code: KeyCode) -> Key {
        Key::plain(code)
    }

    fn ctrl(code: KeyCode) -> Key {
        Key::new(
            code,
            Mods {
                ctrl: true,
                ..Mods::default()
            },
        )
    }

    /// The rows as strings, to read what the user sees.
    fn shown(text: &str, width: usize) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        wrap_rows(&chars, width)
            .iter()
            .map(|r| chars[r.start..r.end].iter().collect())
            .collect()
    }

    #[test]
    fn long_text_wraps_between_words_and_keeps_its_line_breaks() {
        assert_eq!(
            shown("La personne souhaite déposer un dossier", 16),
            ["La personne ", "souhaite déposer ", "un dossier"]
        );
        // A word wider than the row is cut; a line break starts a row; an empty line stays.
        assert_eq!(shown("abcdefghij kl", 4), ["abcd", "efgh", "ij ", "kl"]);
        assert_eq!(shown("un\n\ndeux", 10), ["un", "", "deux"]);
        // Wide characters count for two columns.
        assert_eq!(shown("🙂🙂🙂", 4), ["🙂🙂", "🙂"]);
        assert_eq!(shown("", 10), [""]);
    }

    #[test]
    fn the_cursor_moves_by_visual_row_keeping_its_column() {
        let mut i = Input::new("", true, 10_000);
        i.paste("La personne souhaite déposer un dossier");
        let width = 16;
        // At the end ("un dossier|"), Up goes to the row above at the same column.
        let at = |text: &str| text.chars().count();
        assert_eq!(i.key_wrapped(k(KeyCode::Up), width), Edit::Moved);
        assert_eq!(i.cursor(), at("La personne souhaite d"));
        i.key_wrapped(k(KeyCode::Home), width);
        assert_eq!(i.cursor(), at("La personne "));
        i.key_wrapped(k(KeyCode::End), width);
        assert_eq!(
            i.cursor(),
            at("La personne souhaite déposer"),
            "End stops before the row's hanging space"
        );
        i.key_wrapped(k(KeyCode::PageUp), width);
        assert_eq!(
            i.cursor(),
            at("La personne"),
            "a page up stops on the first row"
        );
        assert_eq!(
            i.key_wrapped(k(KeyCode::Up), width),
            Edit::Ignored,
            "Up on the first row leaves the field"
        );
        i.key_wrapped(k(KeyCode::PageDown), width);
        assert_eq!(i.cursor(), i.text().chars().count());
        assert_eq!(i.key_wrapped(k(KeyCode::Down), width), Edit::Ignored);
        // Ctrl-← and Ctrl-→ go by word.
        i.key_wrapped(ctrl(KeyCode::Left), width);
        assert_eq!(i.cursor(), at("La personne souhaite déposer un "));
        i.key_wrapped(ctrl(KeyCode::Left), width);
        i.key_wrapped(ctrl(KeyCode::Right), width);
        assert_eq!(i.cursor(), at("La personne souhaite déposer un"));
        // Ctrl-Home and Ctrl-End: the whole text's start and end.
        i.key_wrapped(ctrl(KeyCode::Home), width);
        assert_eq!(i.cursor(), 0);
    }

    #[test]
    fn a_word_typed_or_a_paste_is_one_undo_step_and_can_be_redone() {
        let mut i = Input::new("", true, 10_000);
        for c in "Premier paragraphe".chars() {
            i.key(Key::char(c));
        }
        i.paste("\n\nDeuxième.\nTroisième.");
        assert_eq!(i.text(), "Premier paragraphe\n\nDeuxième.\nTroisième.");
        let z = Key::new(
            KeyCode::Char('z'),
            Mods {
                ctrl: true,
                ..Mods::default()
            },
        );
        let y = Key::new(
            KeyCode::Char('y'),
            Mods {
                ctrl: true,
                ..Mods::default()
            },
        );
        assert_eq!(i.key(z), Edit::Changed);
        assert_eq!(i.text(), "Premier paragraphe", "the paste, at once");
        i.key(z);
        assert_eq!(i.text(), "Premier ");
        i.key(y);
        assert_eq!(i.text(), "Premier paragraphe");
        i.key(Key::plain(KeyCode::Backspace));
        i.key(Key::plain(KeyCode::Backspace));
        assert_eq!(i.text(), "Premier paragrap");
        assert_eq!(i.key(y), Edit::Ignored, "an edit drops what was undone");
        i.key(z);
        assert_eq!(
            i.text(),
            "Premier paragraphe",
            "Backspaces in a row: one step"
        );
        i.key(z);
        assert_eq!(i.text(), "Premier ", "a word and its space: one step");
        i.key(z);
        assert_eq!(i.text(), "");
        assert_eq!(i.key(z), Edit::Ignored);
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
