//! The time as Carnet reads it: the system clock, or a fixed moment taken from
//! `CARNET_TODAY`, so tests, demos and reproductions give the same result on any day.
//! Every read of "now" in the program goes through here.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::sync::OnceLock;

/// The environment variable that fixes the clock: `2026-11-27` (noon) or
/// `2026-11-27T10:30[:00]`.
pub const ENV: &str = "CARNET_TODAY";

/// Reads a fixed moment as `CARNET_TODAY` holds it.
pub fn parse(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date.and_time(NaiveTime::from_hms_opt(12, 0, 0)?));
    }
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
}

/// The fixed moment, if `CARNET_TODAY` is set; `Err` holds a value that is not a date.
pub fn fixed() -> Result<Option<NaiveDateTime>, String> {
    static FIXED: OnceLock<Result<Option<NaiveDateTime>, String>> = OnceLock::new();
    FIXED
        .get_or_init(|| match std::env::var(ENV) {
            // `CARNET_TODAY= carnet …` means the system clock, as an unset variable does.
            Err(_) => Ok(None),
            Ok(value) if value.trim().is_empty() => Ok(None),
            Ok(value) => parse(&value).map(Some).ok_or(value),
        })
        .clone()
}

/// Local time, for dates shown and typed.
pub fn now_local() -> NaiveDateTime {
    match fixed() {
        Ok(Some(moment)) => moment,
        // A bad value is refused by `cli::main` before anything runs.
        _ => chrono::Local::now().naive_local(),
    }
}

pub fn today() -> NaiveDate {
    now_local().date()
}

/// Milliseconds since the Unix epoch, for ids and stamps; a fixed local moment is taken as UTC.
pub fn now_utc_ms() -> i64 {
    match fixed() {
        Ok(Some(moment)) => moment.and_utc().timestamp_millis(),
        _ => chrono::Utc::now().timestamp_millis(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_moment_is_a_date_or_a_date_and_time() {
        let noon = NaiveDate::from_ymd_opt(2027, 2, 28)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        assert_eq!(parse("2027-02-28"), Some(noon));
        assert_eq!(
            parse("2027-02-28T09:15"),
            Some(noon.date().and_hms_opt(9, 15, 0).unwrap())
        );
        assert_eq!(
            parse(" 2027-02-28T09:15:30 "),
            Some(noon.date().and_hms_opt(9, 15, 30).unwrap())
        );
        for bad in ["", "demain", "2027-02-30", "28/02/2027", "2027-02-28T25:00"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
