//! What a mediator types for dates, times and durations, read the way they mean it.
//! Errors are Fluent message ids.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

use super::text::fold;
use super::validate::MAX_DURATION_MIN;

/// `29/11/2026`, `29/11/26`, `29/11` (this year), `2026-11-29`, `aujourd'hui`/`today`,
/// `hier`/`yesterday`, `demain`/`tomorrow`, `-2` (two days ago), `+3`.
pub fn date(input: &str, today: NaiveDate) -> Result<NaiveDate, &'static str> {
    let text = fold(input.trim());
    let text = text.as_str();
    if text.is_empty() {
        return Err("err-required");
    }
    match text {
        "aujourd'hui" | "aujourdhui" | "auj" | "today" | "0" => return Ok(today),
        "hier" | "yesterday" => return Ok(today - Duration::days(1)),
        "avant-hier" | "avant hier" => return Ok(today - Duration::days(2)),
        "demain" | "tomorrow" => return Ok(today + Duration::days(1)),
        _ => {}
    }
    if let Some(rest) = text.strip_prefix(['-', '+']) {
        let days: i64 = rest.trim().parse().map_err(|_| "err-date-format")?;
        if days > 3660 {
            return Err("err-date-format");
        }
        let sign = if text.starts_with('-') { -1 } else { 1 };
        return Ok(today + Duration::days(sign * days));
    }
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(d);
    }
    let parts: Vec<&str> = text.split(['/', '.']).map(str::trim).collect();
    let number = |s: &str| s.parse::<u32>().map_err(|_| "err-date-format");
    let (day, month, year) = match parts.as_slice() {
        [d, m] => (number(d)?, number(m)?, today.year()),
        [d, m, y] => {
            let y = number(y)?;
            let year = match y {
                0..=99 => 2000 + y as i32,
                1900..=2200 => y as i32,
                _ => return Err("err-date-format"),
            };
            (number(d)?, number(m)?, year)
        }
        _ => return Err("err-date-format"),
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or("err-date-impossible")
}

/// `14h30`, `14:30`, `14h`, `9h05`, `14`.
pub fn time(input: &str) -> Result<NaiveTime, &'static str> {
    let text = input.trim().to_lowercase();
    if text.is_empty() {
        return Err("err-required");
    }
    let (h, m) = match text.split_once(['h', ':']) {
        Some((h, m)) => (h.trim(), m.trim()),
        None => (text.as_str(), ""),
    };
    let hours: u32 = h.parse().map_err(|_| "err-time-format")?;
    let minutes: u32 = if m.is_empty() {
        0
    } else {
        m.parse().map_err(|_| "err-time-format")?
    };
    NaiveTime::from_hms_opt(hours, minutes, 0).ok_or("err-time-format")
}

/// Minutes: `30`, `45 min`, `1h30`, `1 h 30`, `2h`, `1:30`. Between 1 minute and 24 hours.
pub fn duration(input: &str) -> Result<u16, &'static str> {
    let text: String = input
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        return Err("err-required");
    }
    if text.starts_with('-') {
        return Err("err-duration-range");
    }
    let text = text
        .trim_end_matches("minutes")
        .trim_end_matches("min")
        .trim_end_matches("mn");
    let minutes: u64 = match text.split_once(['h', ':']) {
        Some((h, m)) => {
            let h: u64 = h.parse().map_err(|_| "err-duration-format")?;
            let m: u64 = if m.is_empty() {
                0
            } else {
                m.parse().map_err(|_| "err-duration-format")?
            };
            if m >= 60 {
                return Err("err-duration-format");
            }
            h.saturating_mul(60).saturating_add(m)
        }
        None => text.parse().map_err(|_| "err-duration-format")?,
    };
    if minutes == 0 || minutes > u64::from(MAX_DURATION_MIN) {
        return Err("err-duration-range");
    }
    u16::try_from(minutes).map_err(|_| "err-duration-range")
}

/// A web address people can open: http(s), a host with a dot, no spaces.
pub fn is_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !r.chars().any(char::is_whitespace)
    })
}

/// Reads "Titre — https://adresse" lines; the address is the last word when it looks like
/// one. Known titles keep their consultation date; new ones are dated `today`.
pub fn sources(
    text: &str,
    old: &[super::SourceDoc],
    today: NaiveDate,
) -> Result<Vec<super::SourceDoc>, String> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (titre, url) = match line.rsplit_once(char::is_whitespace) {
            Some((t, u)) if u.contains("://") || u.starts_with("www.") => {
                (t.trim().trim_end_matches(['—', '-', ':']).trim(), u)
            }
            _ if line.contains("://") => ("", line),
            _ => (line, ""),
        };
        if !url.is_empty() && !is_url(url) {
            return Err(url.to_string());
        }
        let titre = if titre.is_empty() { url } else { titre };
        let consultee = old
            .iter()
            .find(|s| s.titre == titre && s.url == url)
            .map_or(Some(today), |s| s.consultee);
        out.push(super::SourceDoc {
            titre: titre.into(),
            url: url.into(),
            consultee,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }

    fn d(y: i32, m: u32, day: u32) -> Result<NaiveDate, &'static str> {
        Ok(NaiveDate::from_ymd_opt(y, m, day).unwrap())
    }

    #[test]
    fn dates_as_people_type_them() {
        let table: &[(&str, Result<NaiveDate, &str>)] = &[
            ("29/11/2026", d(2026, 11, 29)),
            ("1/2/2026", d(2026, 2, 1)),
            ("29/11", d(2026, 11, 29)),
            ("03/01/26", d(2026, 1, 3)),
            ("2026-11-02", d(2026, 11, 2)),
            ("aujourd'hui", d(2026, 11, 29)),
            ("Aujourd’hui", d(2026, 11, 29)),
            ("today", d(2026, 11, 29)),
            ("hier", d(2026, 11, 28)),
            ("yesterday", d(2026, 11, 28)),
            ("-2", d(2026, 11, 27)),
            ("+3", d(2026, 12, 2)),
            (" 29.11.2026 ", d(2026, 11, 29)),
            ("31/02", Err("err-date-impossible")),
            ("31/02/2026", Err("err-date-impossible")),
            ("29/13/2026", Err("err-date-impossible")),
            ("0/11/2026", Err("err-date-impossible")),
            ("29/11/20266", Err("err-date-format")),
            ("demain matin", Err("err-date-format")),
            ("-abc", Err("err-date-format")),
            ("", Err("err-required")),
            ("🙂", Err("err-date-format")),
        ];
        for (input, expected) in table {
            assert_eq!(&date(input, today()), expected, "{input:?}");
        }
    }

    #[test]
    fn times_in_french_and_international_forms() {
        let t = |h, m| Ok(NaiveTime::from_hms_opt(h, m, 0).unwrap());
        assert_eq!(time("14h30"), t(14, 30));
        assert_eq!(time("14:30"), t(14, 30));
        assert_eq!(time("9h05"), t(9, 5));
        assert_eq!(time("14h"), t(14, 0));
        assert_eq!(time("8"), t(8, 0));
        assert_eq!(time("25h"), Err("err-time-format"));
        assert_eq!(time("14h75"), Err("err-time-format"));
        assert_eq!(time("midi"), Err("err-time-format"));
    }

    #[test]
    fn durations_within_a_day() {
        assert_eq!(duration("30"), Ok(30));
        assert_eq!(duration("45 min"), Ok(45));
        assert_eq!(duration("1h30"), Ok(90));
        assert_eq!(duration("1 h 30"), Ok(90));
        assert_eq!(duration("2h"), Ok(120));
        assert_eq!(duration("1:15"), Ok(75));
        assert_eq!(duration("0"), Err("err-duration-range"));
        assert_eq!(duration("-30"), Err("err-duration-range"));
        assert_eq!(duration("25h"), Err("err-duration-range"));
        assert_eq!(duration("99999999999999999999"), Err("err-duration-format"));
        assert_eq!(duration("1h75"), Err("err-duration-format"));
        assert_eq!(duration("beaucoup"), Err("err-duration-format"));
    }

    #[test]
    fn urls_and_source_lines() {
        assert!(is_url("https://www.service-public.fr/particuliers"));
        assert!(is_url("http://caf.fr"));
        for bad in [
            "www.caf.fr",
            "https://caf",
            "https://exa mple.fr",
            "ftp://x.fr",
            "https://.fr",
        ] {
            assert!(!is_url(bad), "{bad}");
        }
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let s = sources(
            "Service-Public — https://www.service-public.fr\nGuide papier",
            &[],
            today,
        )
        .unwrap();
        assert_eq!(
            (s[0].titre.as_str(), s[0].url.as_str()),
            ("Service-Public", "https://www.service-public.fr")
        );
        assert_eq!(
            (s[1].titre.as_str(), s[1].url.as_str()),
            ("Guide papier", "")
        );
        assert_eq!(
            sources("Site — https://caf", &[], today),
            Err("https://caf".to_string())
        );
    }
}
