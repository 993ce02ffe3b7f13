//! What a parser's message says went wrong. serde_json and toml word their errors in
//! English only, through serde's fixed phrases ("unknown field `x`, expected …") and, for
//! dates and times, chrono's; reading those phrases back lets each interface language say
//! it in its own words.

/// The kind of value a field or a setting takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Count,
    Text,
    Bool,
    List,
    Date,
    Time,
    /// Some other shape (an object, a number with a fraction…).
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseFault {
    UnknownField(String),
    MissingField(String),
    DuplicateField(String),
    /// A value outside a fixed list, and that list (empty when the parser gives none).
    UnknownValue {
        value: String,
        expected: Vec<String>,
    },
    /// A value of another kind than the field takes, or out of its range.
    WrongType(Expected),
    /// A date or a time that does not exist or is not written as one.
    DateTime,
    /// Anything else, in the parser's words.
    Other(String),
}

/// Reads one line of a serde-based parser's message (without its position).
pub fn read(message: &str) -> ParseFault {
    let message = message.trim();
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once('`'))
    };
    if let Some((name, _)) = quoted("unknown field `") {
        return ParseFault::UnknownField(name.to_string());
    }
    if let Some((name, _)) = quoted("missing field `") {
        return ParseFault::MissingField(name.to_string());
    }
    if let Some((name, _)) = quoted("duplicate field `") {
        return ParseFault::DuplicateField(name.to_string());
    }
    if let Some((value, rest)) = quoted("unknown variant `") {
        // "…, expected `a` or `b`", "…, expected one of `a`, `b`, `c`": the names quoted.
        let expected = rest
            .split_once("expected ")
            .map(|(_, list)| {
                list.split('`')
                    .skip(1)
                    .step_by(2)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        return ParseFault::UnknownValue {
            value: value.to_string(),
            expected,
        };
    }
    if let Some((_, expected)) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .or_else(|| message.strip_prefix("invalid length "))
        .and_then(|rest| rest.rsplit_once(", expected "))
    {
        return ParseFault::WrongType(expected_kind(expected));
    }
    if CHRONO_WORDS.contains(&message) {
        return ParseFault::DateTime;
    }
    ParseFault::Other(message.to_string())
}

/// Values of a fixed list as a message shows them: `"a", "b"`.
pub fn quoted_list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn expected_kind(words: &str) -> Expected {
    match words {
        "u8" | "u16" | "u32" | "u64" | "usize" | "an integer" => Expected::Count,
        "a string" | "a path" | "a character" => Expected::Text,
        "a boolean" => Expected::Bool,
        "a sequence" => Expected::List,
        w if w.starts_with("a date") || w.starts_with("a formatted date") => Expected::Date,
        w if w.starts_with("a time") => Expected::Time,
        _ => Expected::Other,
    }
}

/// chrono's `ParseError` messages, as its serde support and `FromStr` give them.
const CHRONO_WORDS: [&str; 7] = [
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "bad or unsupported format string",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Each phrase as the parsers really word it: produced here, not copied.
    fn json_message<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let e = serde_json::from_str::<T>(text).unwrap_err().to_string();
        e[..e.rfind(" at line ").unwrap()].to_string()
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        count: u16,
        date: chrono::NaiveDate,
        kind: Kind,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Anonyme,
        Suivi,
    }

    #[test]
    fn serde_and_chrono_phrases_read_back_as_what_went_wrong() {
        let ok = r#""count": 1, "date": "2026-02-28", "kind": "suivi""#;
        let with = |extra: &str| format!("{{{ok}, {extra}}}");
        assert_eq!(
            read(&json_message::<Sample>(&with(r#""zzz": 1"#))),
            ParseFault::UnknownField("zzz".into())
        );
        assert_eq!(
            read(&json_message::<Sample>(r#"{"count": 1, "kind": "suivi"}"#)),
            ParseFault::MissingField("date".into())
        );
        assert_eq!(
            read(&json_message::<Sample>(&with(r#""count": 2"#))),
            ParseFault::DuplicateField("count".into())
        );
        assert_eq!(
            read(&json_message::<Sample>(
                r#"{"count": 1, "date": "2026-02-28", "kind": "bogus"}"#
            )),
            ParseFault::UnknownValue {
                value: "bogus".into(),
                expected: vec!["anonyme".into(), "suivi".into()]
            }
        );
        for (count, expected) in [
            (r#""abc""#, Expected::Count),
            ("-5", Expected::Count),
            ("70000", Expected::Count),
        ] {
            let text = format!(r#"{{"count": {count}, "date": "2026-02-28", "kind": "suivi"}}"#);
            assert_eq!(
                read(&json_message::<Sample>(&text)),
                ParseFault::WrongType(expected)
            );
        }
        assert_eq!(
            read(&json_message::<Sample>(&with(r#""tags": "one""#))),
            ParseFault::WrongType(Expected::List)
        );
        assert_eq!(
            read(&json_message::<Sample>(
                r#"{"count": 1, "date": 20260228, "kind": "suivi"}"#
            )),
            ParseFault::WrongType(Expected::Date)
        );
        for date in ["2026-02-30", "2026-13-01", "26/02/2026", "2026-02-28x", ""] {
            let text = format!(r#"{{"count": 1, "date": "{date}", "kind": "suivi"}}"#);
            assert_eq!(
                read(&json_message::<Sample>(&text)),
                ParseFault::DateTime,
                "{date}"
            );
        }
        assert_eq!(
            read("expected value"),
            ParseFault::Other("expected value".into())
        );
    }
}
