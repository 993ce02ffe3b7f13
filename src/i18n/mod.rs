//! Fluent bundles (fr, en) embedded in the binary. Isolation marks are off: they would break
//! display-width arithmetic in the terminal.

use crate::domain::Lang;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

pub const FR: &str = include_str!("../../config/locales/fr.ftl");
pub const EN: &str = include_str!("../../config/locales/en.ftl");

pub struct I18n {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "I18n({})", self.lang.code())
    }
}

pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => FR,
        Lang::En => EN,
    }
}

impl I18n {
    pub fn new(lang: Lang) -> I18n {
        let langid: unic_langid::LanguageIdentifier = match lang {
            Lang::Fr => "fr".parse().unwrap_or_default(),
            Lang::En => "en".parse().unwrap_or_default(),
        };
        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(false);
        // The embedded files are checked by tests; a broken entry is skipped, not fatal.
        let resource = FluentResource::try_new(source(lang).to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
        I18n { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The kind of value a field or a setting takes.
    pub fn expected(&self, expected: &crate::parse_fault::Expected) -> String {
        use crate::parse_fault::Expected;
        self.t(match expected {
            Expected::Count => "expected-count",
            Expected::Text => "expected-text",
            Expected::Bool => "expected-bool",
            Expected::List => "expected-list",
            Expected::Date => "expected-date",
            Expected::Time => "expected-time",
            Expected::Other => "expected-other",
        })
    }

    /// What went wrong with a file, in the UI language for the common cases; the system's
    /// own words otherwise.
    pub fn io_detail(&self, e: &std::io::Error) -> String {
        self.io_detail_of(e.kind(), &e.to_string())
    }

    /// The same, from an error's kind and the system's message.
    pub fn io_detail_of(&self, kind: std::io::ErrorKind, system: &str) -> String {
        use std::io::ErrorKind as K;
        let id = match kind {
            K::NotFound => "io-not-found",
            K::PermissionDenied => "io-permission",
            K::IsADirectory => "io-is-directory",
            K::NotADirectory => "io-not-directory",
            K::AlreadyExists => "io-exists",
            K::StorageFull => "io-full",
            K::ReadOnlyFilesystem => "io-read-only",
            _ => return system.to_string(),
        };
        self.t(id)
    }

    /// The message, or `None` when this language has no such id.
    pub fn get(&self, id: &str) -> Option<String> {
        self.bundle.has_message(id).then(|| self.t(id))
    }

    /// The message, or its id when missing (a test makes sure none is).
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    pub fn t_args(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            fa.set(*name, value.clone());
        }
        self.format(id, Some(&fa))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.get_message(id).is_some()
    }
}

/// Shorthand for building Fluent arguments.
pub fn arg<'a>(name: &'a str, value: impl Into<FluentValue<'a>>) -> (&'a str, FluentValue<'a>) {
    (name, value.into())
}

/// Message ids defined in a Fluent source (lines `id = …` at column 0), for completeness tests.
pub fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| {
            let (id, _) = line.split_once(" =")?;
            let valid = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            valid.then(|| id.to_string())
        })
        .collect()
}

/// Whether a Fluent source parses without errors.
pub fn parses(source: &str) -> bool {
    FluentResource::try_new(source.to_string()).is_ok()
}

/// What opening the store repaired, said the same way by the command line and the interface.
pub fn recovered(i18n: &I18n, files: &[String]) -> String {
    i18n.t_args("store-recovered", &[arg("files", files.join(", "))])
}
