//! Numbers that identify a person: phone numbers in every common layout (spaces, dots,
//! dashes, slashes, +33, 0033, « (0) »), NIR, IBAN in any case and grouping, and long
//! numbers issued by organisations. Dates, times, years, amounts and references such as
//! `2026-0042` are not.

use super::GuardKind;

/// Characters a written number is made of.
fn numeric(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '+' | '(' | ')' | '.' | '-' | '/')
}

/// A run of numbers separated by single spaces, as typed.
struct Run {
    text: String,
    digits: String,
    plus: bool,
    /// The text right after the run (to tell an amount: « 1 234 567 € »).
    after: String,
}

/// Whether a number as typed is a date (`12/03/2026`, `12.03`, `2026-03-12`), a year range
/// (`2024-2025`) or a reference that starts with a year (`2026-0042`).
fn is_date_or_reference(segment: &str) -> bool {
    let parts: Vec<&str> = segment.split(['/', '.', '-']).collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if !all_digits || parts.len() < 2 {
        return false;
    }
    let n = |k: usize| parts[k].parse::<u32>().unwrap_or(0);
    let year_first =
        parts[0].len() == 4 && (parts[0].starts_with("19") || parts[0].starts_with("20"));
    match parts.len() {
        2 => {
            year_first
                || ((1..=31).contains(&n(0)) && (1..=12).contains(&n(1)) && parts[1].len() <= 2)
        }
        3 => {
            year_first
                || ((1..=31).contains(&n(0))
                    && (1..=12).contains(&n(1))
                    && matches!(parts[2].len(), 2 | 4))
        }
        _ => false,
    }
}

fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        if !numeric(c) {
            // A single space (or no-break space) between two numbers keeps the run going.
            let single_space = matches!(c, ' ' | '\u{a0}' | '\u{202f}')
                && chars.get(k + 1).is_some_and(|&(_, n)| numeric(n));
            if !single_space && let Some(run) = current.take() {
                out.push(finish(run, &text[start..]));
            }
            k += 1;
            continue;
        }
        let mut end_k = k;
        while end_k < chars.len() && numeric(chars[end_k].1) {
            end_k += 1;
        }
        let end = chars.get(end_k).map_or(text.len(), |&(i, _)| i);
        let segment = text[start..end].trim_matches(['.', '-', '/', '(', ')']);
        let has_digit = segment.chars().any(|c| c.is_ascii_digit());
        // A number glued to letters (« 3e », « T3 », « CCP2 ») is not part of a run.
        let glued = text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            || text[end..].chars().next().is_some_and(char::is_alphabetic);
        if !has_digit || glued || is_date_or_reference(segment) {
            if let Some(run) = current.take() {
                out.push(finish(run, &text[start..]));
            }
        } else {
            let run = current.get_or_insert_with(|| Run {
                text: String::new(),
                digits: String::new(),
                plus: segment.starts_with('+'),
                after: String::new(),
            });
            if !run.text.is_empty() {
                run.text.push(' ');
            }
            run.text.push_str(segment);
            run.digits
                .extend(segment.chars().filter(char::is_ascii_digit));
        }
        k = end_k;
    }
    if let Some(run) = current.take() {
        out.push(finish(run, ""));
    }
    out
}

fn finish(mut run: Run, after: &str) -> Run {
    run.after = after.chars().take(8).collect::<String>().to_lowercase();
    run
}

/// Phone numbers, NIR and long issued numbers in `text`.
pub(super) fn scan(text: &str) -> Vec<(GuardKind, String)> {
    let mut out = Vec::new();
    for run in runs(text) {
        let d = run.digits.as_str();
        let national = d.len() == 10 && d.starts_with('0') && !d.starts_with("00");
        let international = (run.plus && (8..=15).contains(&d.len()))
            || (d.starts_with("00") && (11..=15).contains(&d.len()));
        let nir =
            matches!(d.len(), 13 | 15) && matches!(d.as_bytes()[0], b'1' | b'2' | b'7' | b'8');
        let after = run.after.trim_start();
        let amount = after.starts_with('€') || after.starts_with("eur") || after.starts_with('%');
        if national || international {
            out.push((GuardKind::Phone, run.text));
        } else if nir {
            out.push((GuardKind::Nir, run.text));
        } else if d.len() >= 7 && !amount {
            out.push((GuardKind::Identifier, run.text));
        }
    }
    out.extend(ibans(text).into_iter().map(|i| (GuardKind::Iban, i)));
    out
}

/// One word that is a whole IBAN (`FR7630006000011234567890189`).
pub(super) fn looks_like_iban(word: &str) -> bool {
    iban_start(word)
        && (15..=34).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_alphanumeric())
}

fn iban_start(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 4
        && b[..2].iter().all(u8::is_ascii_alphabetic)
        && b[2..4].iter().all(u8::is_ascii_digit)
}

/// IBANs in any case and grouping (spaces, dashes or none).
fn ibans(text: &str) -> Vec<String> {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == ':' || c == ',' || c == ';')
        .map(|t| t.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !iban_start(tokens[i]) || !tokens[i].chars().all(|c| c.is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut compact = tokens[i].to_string();
        let mut parts = vec![tokens[i]];
        let mut k = i + 1;
        while k < tokens.len()
            && compact.len() < 34
            && !tokens[k].is_empty()
            && tokens[k].len() <= 4
            && tokens[k].chars().all(|c| c.is_ascii_alphanumeric())
        {
            compact.push_str(tokens[k]);
            parts.push(tokens[k]);
            k += 1;
        }
        let digits = compact.chars().filter(char::is_ascii_digit).count();
        if (15..=34).contains(&compact.len()) && digits >= 10 {
            out.push(parts.join(" "));
            i = k;
        } else {
            i += 1;
        }
    }
    out
}
