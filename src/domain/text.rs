//! Text rules shared by every layer: NFC storage, accent/case folding, safe display.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Text is stored in NFC so that equal words compare equal whatever the keyboard produced.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Folds case and accents (`Élève` → `eleve`, `œuvre` → `oeuvre`) for search and comparison.
/// ASCII, most of any French text, takes a fast path; other characters are decomposed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folded text to `out` (building a haystack without intermediate strings).
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            fold_char(c, out);
        }
    }
}

/// Folds one non-ASCII character into `out`.
pub fn fold_char(c: char, out: &mut String) {
    match c {
        // French's accented letters without decomposing them: most of what is folded.
        'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => out.push('a'),
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => out.push('e'),
        'î' | 'ï' | 'Î' | 'Ï' => out.push('i'),
        'ô' | 'ö' | 'Ô' | 'Ö' => out.push('o'),
        'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => out.push('u'),
        'ç' | 'Ç' => out.push('c'),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        '’' | '‘' => out.push('\''),
        _ => {
            for d in std::iter::once(c).nfd() {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

/// Removes control, escape and bidirectional-override characters so stored text can never
/// drive the terminal. Tabs become spaces; newlines are kept only when `keep_newlines`.
pub fn sanitize(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    strip(s, keep_newlines, false)
}

/// The same for text written to a file (a Markdown fiche): newlines and tabs are kept.
pub fn sanitize_document(s: &str) -> Cow<'_, str> {
    strip(s, true, true)
}

fn strip(s: &str, keep_newlines: bool, keep_tabs: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !(keep_newlines && c == '\n') && !(keep_tabs && c == '\t'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
    };
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\t' if !keep_tabs => Some(' '),
                '\r' => None,
                c if unsafe_char(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// A date as French users write it (dd/mm/yyyy), in every language, form and export.
pub fn date(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A duration as people write it: `45 min`, `1 h`, `1 h 30`.
pub fn duration(minutes: impl Into<u32>) -> String {
    let minutes: u32 = minutes.into();
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

/// The same, empty when there is no date.
pub fn opt_date(d: Option<chrono::NaiveDate>) -> String {
    d.map(date).unwrap_or_default()
}

/// One line for a table cell: newlines and runs of blanks become single spaces.
pub fn one_line(s: &str) -> String {
    let clean = sanitize(s, true);
    clean.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sources one per line, « Titre — adresse » when they have one (read back by
/// `parse::sources`).
/// A title as a file name's part: ASCII letters and digits, words joined by `-`, at most
/// `max` characters (empty when nothing is left).
pub fn slug(title: &str, max: usize) -> String {
    let mut out = String::new();
    for c in fold(title).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').chars().take(max).collect()
}

pub fn sources(sources: &[super::SourceDoc]) -> String {
    sources
        .iter()
        .map(|s| {
            if s.url.is_empty() {
                s.titre.to_string()
            } else {
                format!("{} — {}", s.titre, s.url)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_accents_case_and_ligatures() {
        assert_eq!(fold("Élève"), "eleve");
        assert_eq!(fold("ŒUVRE à Noël"), "oeuvre a noel");
        // Combining accent typed as two code points folds the same as the precomposed one.
        assert_eq!(fold("E\u{301}cole"), fold("École"));
    }

    /// The accented letters folded without decomposing fold as decomposing would.
    #[test]
    fn the_quick_accents_fold_as_decomposition_does() {
        for c in "àâäÀÂÄéèêëÉÈÊËîïÎÏôöÔÖùûüÙÛÜçÇ".chars() {
            let mut quick = String::new();
            fold_char(c, &mut quick);
            let slow: String = std::iter::once(c)
                .nfd()
                .filter(|d| !is_combining_mark(*d))
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(quick, slow, "{c}");
        }
    }

    #[test]
    fn nfc_composes_combining_accents() {
        assert_eq!(nfc("e\u{301}"), "é");
    }

    #[test]
    fn sanitize_strips_escape_sequences_and_bidi_overrides() {
        assert_eq!(sanitize("a\u{1b}[31mb\u{7}c", false), "a[31mbc");
        assert_eq!(sanitize("x\u{202E}y", false), "xy");
        assert_eq!(sanitize("l1\nl2\tz", true), "l1\nl2 z");
        assert_eq!(sanitize("l1\nl2", false), "l1l2");
        assert!(matches!(sanitize("plain é 🙂", false), Cow::Borrowed(_)));
        assert_eq!(one_line("a\n  b\r\n c"), "a b c");
        assert_eq!(
            sanitize_document("t\u{1b}]0;x\u{7}\r\n\tcode"),
            "t]0;x\n\tcode"
        );
    }
}
