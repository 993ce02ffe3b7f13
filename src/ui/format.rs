//! Dates, durations and counts as the user reads them, in the UI language.

use crate::domain::Lang;
use crate::i18n::I18n;
use chrono::{Datelike, NaiveDate, NaiveTime};

pub use crate::domain::text::{date, opt_date};

pub fn day_heading(i18n: &I18n, d: NaiveDate) -> String {
    let weekday = i18n.t(&format!("weekday-{}", d.weekday().number_from_monday()));
    format!("{weekday} {}", date(d))
}

/// A day in a list, in ten cells: « ven. 27/11 » within `today`'s year, « 27/11/2025 »
/// before it (the year then matters more than the weekday).
pub fn short_day(i18n: &I18n, d: NaiveDate, today: NaiveDate) -> String {
    if d.year() == today.year() {
        let weekday = i18n.t(&format!("weekday-{}", d.weekday().number_from_monday()));
        format!("{weekday} {}", d.format("%d/%m"))
    } else {
        date(d)
    }
}

/// A bilan's period as a title: « novembre 2026 », « semaine du 23/11/2026 », « 4e trimestre
/// 2026 », « année 2026 », or its two dates.
pub fn period(i18n: &I18n, p: &crate::domain::bilan::Period) -> String {
    use crate::domain::bilan::PeriodKind;
    use crate::i18n::arg;
    let year = arg("annee", p.du.year().to_string());
    match p.kind {
        PeriodKind::Semaine => i18n.t_args("bilan-period-semaine", &[arg("du", date(p.du))]),
        PeriodKind::Mois => i18n.t_args(
            "bilan-period-mois",
            &[
                arg("mois", i18n.t(&format!("month-{}", p.du.month()))),
                year,
            ],
        ),
        PeriodKind::Trimestre => i18n.t_args(
            "bilan-period-trimestre",
            &[arg("trimestre", p.du.month0() / 3 + 1), year],
        ),
        PeriodKind::Annee => i18n.t_args("bilan-period-annee", &[year]),
        PeriodKind::Libre => i18n.t_args(
            "bilan-period-libre",
            &[arg("du", date(p.du)), arg("au", date(p.au))],
        ),
    }
}

pub fn time(t: Option<NaiveTime>) -> String {
    t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
}

pub use crate::domain::text::duration;

/// Thousands separated the way each language writes them.
pub fn count(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Fr => '\u{202F}',
        Lang::En => ',',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The text cut to `width` terminal columns, with "…" when something was cut.
pub fn ellipsis(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `text` in lines of at most `width` columns, broken between words (a word longer than a
/// line is cut): a message never loses its end, nor a number its digits.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    // French puts a space before « : ; ! ? » and after « « »: those stay with their word.
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match words.last_mut() {
            Some(last) if matches!(word, ":" | ";" | "!" | "?" | "»") || last == "«" => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
    }
    for word in words.iter().map(String::as_str) {
        let needed = if line.is_empty() { 0 } else { 1 } + word.width();
        if !line.is_empty() && line.width() + needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Several values on one line of `width` columns: as many as fit whole, then "+N" for the
/// others, so a collapsed list never looks like a single value.
pub fn fit_list(values: &[String], width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let joined = values.join(", ");
    if joined.width() <= width {
        return joined;
    }
    for shown in (1..values.len()).rev() {
        let text = format!("{} +{}", values[..shown].join(", "), values.len() - shown);
        if text.width() <= width {
            return text;
        }
    }
    let more = if values.len() > 1 {
        format!(" +{}", values.len() - 1)
    } else {
        String::new()
    };
    format!(
        "{}{more}",
        ellipsis(&values[0], width.saturating_sub(more.width()))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_message_keeps_its_words_and_numbers_whole() {
        assert_eq!(
            wrap_words("révision en retard de 397 j", 24),
            ["révision en retard de", "397 j"]
        );
        assert_eq!(wrap_words("court", 24), ["court"]);
        assert_eq!(wrap_words("", 24), [""]);
        assert_eq!(
            wrap_words("anticonstitutionnellement", 10),
            ["anticonsti", "tutionnell", "ement"]
        );
        assert_eq!(wrap_words("a  b\n c", 10), ["a b c"]);
        assert_eq!(
            wrap_words("noté après coup : 20/11", 16),
            ["noté après", "coup : 20/11"],
            "a French colon stays with its word"
        );
    }

    #[test]
    fn a_list_that_does_not_fit_says_how_many_are_left() {
        let v: Vec<String> = ["Orientation", "Aide technique", "Médiation"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(fit_list(&v, 60), "Orientation, Aide technique, Médiation");
        assert_eq!(fit_list(&v, 30), "Orientation, Aide technique +1");
        assert_eq!(fit_list(&v, 16), "Orientation +2");
        assert_eq!(fit_list(&v, 10), "Orient… +2");
        assert_eq!(fit_list(&v[..1], 8), "Orienta…");
    }

    #[test]
    fn durations_and_counts_read_naturally() {
        assert_eq!(duration(30u16), "30 min");
        assert_eq!(duration(60u16), "1 h");
        assert_eq!(duration(90u16), "1 h 30");
        assert_eq!(count(Lang::En, 100_000), "100,000");
        assert_eq!(count(Lang::Fr, 1_500), "1\u{202F}500");
        assert_eq!(count(Lang::Fr, 999), "999");
    }

    #[test]
    fn ellipsis_cuts_by_terminal_columns_and_says_so() {
        assert_eq!(super::ellipsis("Réseau", 6), "Réseau");
        assert_eq!(super::ellipsis("Réseaux du territoire", 8), "Réseaux…");
        // A wide character is never split: it goes whole or not at all.
        assert_eq!(super::ellipsis("ab🙂cd", 4), "ab…");
    }
}
