//! Configuration: embedded defaults (config/ at build time), the user's TOML file, paths.
//! Everything is validated before the terminal switches to full screen.

pub mod keymap;
pub mod paths;

use crate::domain::vocab::VocabProblem;
use crate::domain::{Lang, Referentiel, Vocabularies};
pub use crate::parse_fault::Expected;
use crate::parse_fault::ParseFault;
use keymap::{Keymap, KeymapProblem, RawBindings};
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const DEFAULT_REFERENTIEL: &str = include_str!("../../config/referentiels/tms-2004.toml");
pub const DEFAULT_VOCABULARIES: &str = include_str!("../../config/vocabulaires.toml");
pub const DEFAULT_KEYMAP: &str = include_str!("../../config/keymap.toml");
pub const DEFAULT_CONFIG: &str = include_str!("../../config/defaults.toml");
pub const DOSSIER_MODEL: &str = include_str!("../../config/dossier.toml");
pub const CADRE_LEGAL: &str = include_str!("../../config/cadre_legal.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Colours unless NO_COLOR is set or TERM is dumb.
    #[default]
    Auto,
    Color,
    Mono,
}

/// The user's config file. Unknown keys are errors, reported with file and line.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    lang: Option<toml::Spanned<String>>,
    theme: Option<ThemeChoice>,
    referentiel: Option<PathBuf>,
    /// Days after which a structure's information counts as not verified.
    verification_jours: Option<u32>,
    /// Evidence links from which a competence is "amorcée", and principal links from which
    /// it is "solide".
    seuil_amorcee: Option<u32>,
    seuil_solide: Option<u32>,
    /// A text file with the ministry's « Présentation du dossier », relative to the config file.
    presentation_dossier: Option<PathBuf>,
    /// Backups kept in `sauvegardes/`: the newest of so many days, and of so many weeks.
    sauvegardes_quotidiennes: Option<u32>,
    sauvegardes_hebdomadaires: Option<u32>,
    /// Months after the last contact past which a person's records are anonymised; at most
    /// 24 (the CNIL's guidance for the social sector), never more.
    conservation_mois: Option<toml::Spanned<u32>>,
    /// The separator of CSV exports: "," (default), ";" or "tab".
    separateur_csv: Option<toml::Spanned<String>>,
    /// In a bilan for others, a breakdown's person count under this is shown « < N ».
    seuil_petits_nombres: Option<u32>,
    /// Days a cas de médiation may wait on a party before it shows in « À faire ».
    delai_cas_jours: Option<u32>,
    #[serde(default)]
    keys: RawBindings,
    #[serde(default)]
    vocabulaires: Vocabularies,
}

/// Where a configuration problem is, and what it is.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}{}: {}", file.display(), line.map(|l| format!(", line {l}")).unwrap_or_default(), detail.message(&crate::i18n::I18n::new(Lang::En)))]
pub struct ConfigError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub detail: ConfigDetail,
}

/// What is wrong in a configuration file, said in the UI language by `message`.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigDetail {
    NotFound,
    /// The file exists but cannot be read as text.
    Unreadable(std::io::ErrorKind),
    /// A setting the file does not know (a misspelling).
    UnknownSetting(String),
    /// A value of the wrong kind for its setting.
    WrongType {
        key: String,
        expected: Expected,
    },
    /// A value the setting does not offer, with those it does.
    UnknownValue {
        key: String,
        value: String,
        expected: String,
    },
    /// A setting a table needs and does not have.
    MissingSetting(String),
    /// A setting written twice in one table.
    RepeatedSetting(String),
    /// Text that is not TOML: the column (from 1) where the parser stopped, and the sign
    /// it expected there when it says so.
    Syntax {
        column: Option<usize>,
        expected: Option<String>,
    },
    Lang(String),
    Retention {
        months: u32,
        max: u32,
    },
    CsvSeparator(String),
    BadKey(String),
    KeyConflict {
        key: String,
        first: &'static str,
        second: &'static str,
        context: &'static str,
    },
    Vocab(VocabProblem),
    Referentiel(crate::domain::referentiel::ReferentielProblem),
}

impl ConfigDetail {
    pub fn message(&self, i18n: &crate::i18n::I18n) -> String {
        use crate::domain::referentiel::ReferentielProblem;
        use crate::i18n::arg;
        match self {
            ConfigDetail::NotFound => i18n.t("config-not-found"),
            ConfigDetail::Unreadable(kind) => i18n.t(match kind {
                std::io::ErrorKind::PermissionDenied => "config-permission",
                std::io::ErrorKind::InvalidData => "config-not-utf8",
                std::io::ErrorKind::IsADirectory => "config-is-dir",
                std::io::ErrorKind::NotFound => "config-not-found",
                _ => "config-unreadable",
            }),
            ConfigDetail::UnknownSetting(name) => {
                i18n.t_args("config-unknown-setting", &[arg("name", name.as_str())])
            }
            ConfigDetail::WrongType { key, expected } => {
                let expected = i18n.expected(expected);
                i18n.t_args(
                    "config-wrong-type",
                    &[arg("key", key.as_str()), arg("expected", expected)],
                )
            }
            ConfigDetail::UnknownValue {
                key,
                value,
                expected,
            } => i18n.t_args(
                "config-unknown-value",
                &[
                    arg("key", key.as_str()),
                    arg("value", value.as_str()),
                    arg("expected", expected.as_str()),
                ],
            ),
            ConfigDetail::MissingSetting(name) => {
                i18n.t_args("config-missing-setting", &[arg("name", name.as_str())])
            }
            ConfigDetail::RepeatedSetting(name) => {
                i18n.t_args("config-repeated-setting", &[arg("name", name.as_str())])
            }
            ConfigDetail::Syntax { column, expected } => {
                let mut message = match column {
                    Some(column) => i18n.t_args("config-syntax-at", &[arg("column", *column)]),
                    None => i18n.t("config-syntax"),
                };
                if let Some(sign) = expected {
                    message.push_str(
                        &i18n.t_args("config-syntax-expected", &[arg("sign", sign.as_str())]),
                    );
                }
                message
            }
            ConfigDetail::Lang(value) => {
                i18n.t_args("config-lang", &[arg("value", value.as_str())])
            }
            ConfigDetail::Retention { months, max } => i18n.t_args(
                "config-retention",
                &[arg("months", *months), arg("max", *max)],
            ),
            ConfigDetail::CsvSeparator(value) => {
                i18n.t_args("config-csv-separator", &[arg("value", value.as_str())])
            }
            ConfigDetail::BadKey(text) => {
                i18n.t_args("config-bad-key", &[arg("key", text.as_str())])
            }
            ConfigDetail::KeyConflict {
                key,
                first,
                second,
                context,
            } => i18n.t_args(
                "config-key-conflict",
                &[
                    arg("key", key.as_str()),
                    arg("first", *first),
                    arg("second", *second),
                    arg("context", *context),
                ],
            ),
            ConfigDetail::Vocab(VocabProblem::Duplicate { list, id }) => i18n.t_args(
                "config-vocab-duplicate",
                &[arg("list", *list), arg("id", id.as_str())],
            ),
            ConfigDetail::Vocab(VocabProblem::UnknownParent { id, parent }) => i18n.t_args(
                "config-vocab-parent",
                &[arg("id", id.as_str()), arg("parent", parent.as_str())],
            ),
            ConfigDetail::Vocab(VocabProblem::Empty { list }) => {
                i18n.t_args("config-vocab-empty", &[arg("list", *list)])
            }
            ConfigDetail::Referentiel(ReferentielProblem::NoCcp) => i18n.t("config-ref-no-ccp"),
            ConfigDetail::Referentiel(ReferentielProblem::EmptyCcp(id)) => {
                i18n.t_args("config-ref-empty-ccp", &[arg("id", id.as_str())])
            }
            ConfigDetail::Referentiel(ReferentielProblem::Duplicate(id)) => {
                i18n.t_args("config-ref-duplicate", &[arg("id", id.as_str())])
            }
        }
    }
}

impl ConfigError {
    fn at(
        file: &Path,
        text: &str,
        span: Option<std::ops::Range<usize>>,
        detail: ConfigDetail,
    ) -> ConfigError {
        ConfigError {
            file: file.to_path_buf(),
            line: span.map(|s| line_of(text, s.start)),
            detail,
        }
    }
}

/// The line (from 1) of the last `key = "value"` in a TOML text: where a repeated or
/// dangling id was written.
fn last_line_setting(text: &str, key: &str, value: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (k, v) = line.split_once('=')?;
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
            (k.trim() == key && v == value).then_some(i + 1)
        })
        .last()
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset.min(text.len()))
        .map_or(1, |before| before.matches('\n').count() + 1)
}

/// The first line of toml's message: the rest repeats the source line with a caret.
fn toml_detail(e: &toml::de::Error, text: &str) -> ConfigDetail {
    let first = e.message().lines().next().unwrap_or_default().trim();
    // Where the parser points: the start of that line, and the column (from 1).
    let place = e.span().and_then(|s| {
        let before = text.get(..s.start)?;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Some((line_start, before[line_start..].chars().count() + 1))
    });
    // The setting on that line: `seuil_solide = "trois"` → seuil_solide.
    let key = place
        .and_then(|(line_start, _)| {
            let line = text[line_start..].lines().next().unwrap_or_default();
            line.split_once('=').map(|(k, _)| k.trim().to_string())
        })
        .unwrap_or_default();
    match crate::parse_fault::read(first) {
        ParseFault::UnknownField(name) => ConfigDetail::UnknownSetting(name),
        ParseFault::WrongType(expected) => ConfigDetail::WrongType { key, expected },
        ParseFault::UnknownValue { value, expected } => ConfigDetail::UnknownValue {
            key,
            value,
            expected: crate::parse_fault::quoted_list(&expected),
        },
        ParseFault::MissingField(name) => ConfigDetail::MissingSetting(name),
        ParseFault::DuplicateField(name) => ConfigDetail::RepeatedSetting(name),
        _ if first.starts_with("duplicate key") => ConfigDetail::RepeatedSetting(key),
        _ => ConfigDetail::Syntax {
            column: place.map(|(_, column)| column),
            // toml's words end with what it expected: "unclosed array, expected `]`".
            expected: first
                .rsplit_once("expected `")
                .and_then(|(_, rest)| rest.split_once('`'))
                .map(|(sign, _)| sign.to_string()),
        },
    }
}

fn parse<T: for<'de> Deserialize<'de>>(file: &Path, text: &str) -> Result<T, ConfigError> {
    toml::from_str(text).map_err(|e| ConfigError::at(file, text, e.span(), toml_detail(&e, text)))
}

/// Command-line and environment choices that override the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub config_file: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub lang: Lang,
    pub theme: ThemeChoice,
    pub referentiel: Referentiel,
    pub referentiel_file: Option<PathBuf>,
    pub vocab: Vocabularies,
    pub keymap: Keymap,
    /// Words the free-text guard looks for.
    pub privacy: crate::privacy::PrivacyTerms,
    /// Days after which a structure's information counts as not verified ("à relancer").
    pub verification_days: u32,
    /// Coverage thresholds: links for "amorcée", principal links for "solide".
    pub coverage: (u32, u32),
    /// The Dossier Professionnel's official labels.
    pub dossier: crate::domain::dossier::Model,
    /// The duties and emergency numbers recalled by the événements de sécurité.
    pub cadre_legal: crate::domain::evenement_securite::CadreLegal,
    /// The ministry's « Présentation du dossier », when the user supplied it.
    pub presentation: Option<String>,
    /// How many daily and weekly backups to keep.
    pub backups: crate::storage::backup::Retention,
    /// Months after the last contact past which a person's records are anonymised.
    pub retention_months: u32,
    /// Between the fields of a CSV export (`;` for French spreadsheets).
    pub csv_separator: char,
    /// A bilan's person counts under this are masked in exports (`seuil_petits_nombres`).
    pub small_numbers: u32,
    /// Days a cas de médiation may wait on a party before it is « à faire » (`delai_cas_jours`).
    pub delai_cas_jours: u32,
    /// The user config file read, if any.
    pub file: Option<PathBuf>,
}

/// Environment the config depends on, passed in so tests can fix it.
#[derive(Debug, Clone, Default)]
pub struct Env {
    pub vars: Vec<(String, String)>,
}

impl Env {
    pub fn from_process() -> Env {
        Env {
            vars: std::env::vars().collect(),
        }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .iter()
            .find(|(k, v)| k == name && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// English only when the locale asks for it; French otherwise, whatever it is.
    pub fn locale_lang(&self) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| self.get(v))
            .unwrap_or("");
        if locale.starts_with("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    pub fn no_color(&self) -> bool {
        self.get("NO_COLOR").is_some() || self.get("TERM") == Some("dumb")
    }
}

impl Config {
    pub fn load(overrides: &Overrides, env: &Env) -> Result<Config, ConfigError> {
        let embedded = |name: &str| PathBuf::from(format!("(built-in) config/{name}"));
        let defaults: FileConfig = parse(&embedded("defaults.toml"), DEFAULT_CONFIG)?;
        let default_keys: RawBindings = parse(&embedded("keymap.toml"), DEFAULT_KEYMAP)?;
        let mut vocab: Vocabularies = parse(&embedded("vocabulaires.toml"), DEFAULT_VOCABULARIES)?;

        let file = paths::config_file(overrides, env)?;
        let (user, user_text) = match &file {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
                    file: path.clone(),
                    line: None,
                    detail: ConfigDetail::Unreadable(e.kind()),
                })?;
                (parse::<FileConfig>(path, &text)?, text)
            }
            None => (FileConfig::default(), String::new()),
        };
        let user_path = file.clone().unwrap_or_default();

        let lang = match (&overrides.lang, &user.lang) {
            (Some(lang), _) => *lang,
            (None, Some(spanned)) => Lang::parse(spanned.get_ref()).ok_or_else(|| {
                ConfigError::at(
                    &user_path,
                    &user_text,
                    Some(spanned.span()),
                    ConfigDetail::Lang(spanned.get_ref().clone()),
                )
            })?,
            // The locale only decides when neither the flag nor a config file does.
            (None, None) => env.locale_lang(),
        };

        let max = crate::domain::personne::MAX_RETENTION_MONTHS;
        let retention_months = match &user.conservation_mois {
            Some(months) if *months.get_ref() > max || *months.get_ref() == 0 => {
                return Err(ConfigError::at(
                    &user_path,
                    &user_text,
                    Some(months.span()),
                    ConfigDetail::Retention {
                        months: *months.get_ref(),
                        max,
                    },
                ));
            }
            Some(months) => *months.get_ref(),
            None => max,
        };

        let csv_separator = match &user.separateur_csv {
            Some(sep) => crate::export::csv::parse_separator(sep.get_ref()).ok_or_else(|| {
                ConfigError::at(
                    &user_path,
                    &user_text,
                    Some(sep.span()),
                    ConfigDetail::CsvSeparator(sep.get_ref().clone()),
                )
            })?,
            None => ',',
        };

        vocab.extend(user.vocabulaires);
        if let Some(problem) = vocab.check().into_iter().next() {
            let line = match &problem {
                VocabProblem::Duplicate { id, .. } => last_line_setting(&user_text, "id", id),
                VocabProblem::UnknownParent { parent, .. } => {
                    last_line_setting(&user_text, "parent", parent)
                }
                VocabProblem::Empty { .. } => None,
            };
            let detail = ConfigDetail::Vocab(problem);
            return Err(ConfigError {
                file: user_path,
                line,
                detail,
            });
        }

        // Files named in the config are read relative to it.
        let read_beside = |path: &Path| -> Result<(PathBuf, String), ConfigError> {
            let path = if path.is_relative() {
                user_path.parent().unwrap_or(Path::new(".")).join(path)
            } else {
                path.to_path_buf()
            };
            let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
                file: path.clone(),
                line: None,
                detail: ConfigDetail::Unreadable(e.kind()),
            })?;
            Ok((path, text))
        };
        let referentiel_file = user.referentiel.clone();
        let referentiel = match &referentiel_file {
            Some(path) => {
                let (path, text) = read_beside(path)?;
                let r: Referentiel = parse(&path, &text)?;
                check_referentiel(&path, &text, &r)?;
                r
            }
            None => {
                let r: Referentiel =
                    parse(&embedded("referentiels/tms-2004.toml"), DEFAULT_REFERENTIEL)?;
                check_referentiel(
                    &embedded("referentiels/tms-2004.toml"),
                    DEFAULT_REFERENTIEL,
                    &r,
                )?;
                r
            }
        };

        let (keymap, problems) = Keymap::build(&default_keys, &user.keys);
        if let Some(problem) = problems.into_iter().next() {
            return Err(match problem {
                KeymapProblem::BadKey { text, span } => ConfigError::at(
                    &user_path,
                    &user_text,
                    Some(span),
                    ConfigDetail::BadKey(text),
                ),
                KeymapProblem::Conflict {
                    context,
                    key,
                    first,
                    second,
                } => ConfigError {
                    file: user_path,
                    line: None,
                    detail: ConfigDetail::KeyConflict {
                        key: key.to_string(),
                        first: first.name(),
                        second: second.name(),
                        context: context.name(),
                    },
                },
            });
        }

        let privacy = parse(&embedded("privacy.toml"), crate::privacy::DEFAULT_TERMS)?;
        let dossier = parse(&embedded("dossier.toml"), DOSSIER_MODEL)?;
        let cadre_legal = parse(&embedded("cadre_legal.toml"), CADRE_LEGAL)?;
        let presentation = match &user.presentation_dossier {
            Some(path) => {
                let (_, text) = read_beside(path)?;
                let text = crate::domain::text::sanitize(&text, true)
                    .trim()
                    .to_string();
                (!text.is_empty()).then_some(text)
            }
            None => None,
        };
        let amorcee = user
            .seuil_amorcee
            .or(defaults.seuil_amorcee)
            .unwrap_or(1)
            .max(1);
        let solide = user
            .seuil_solide
            .or(defaults.seuil_solide)
            .unwrap_or(3)
            .max(amorcee);
        let backups = crate::storage::backup::Retention {
            daily: user
                .sauvegardes_quotidiennes
                .or(defaults.sauvegardes_quotidiennes)
                .unwrap_or(7),
            weekly: user
                .sauvegardes_hebdomadaires
                .or(defaults.sauvegardes_hebdomadaires)
                .unwrap_or(4),
        };
        // The plan's sections are numbered from the tree, wherever they are shown.
        vocab.plan_classement = crate::domain::effective_plan(&vocab.plan_classement, &[]);
        Ok(Config {
            backups,
            retention_months,
            csv_separator,
            small_numbers: user
                .seuil_petits_nombres
                .or(defaults.seuil_petits_nombres)
                .unwrap_or(3),
            coverage: (amorcee, solide),
            delai_cas_jours: user
                .delai_cas_jours
                .or(defaults.delai_cas_jours)
                .unwrap_or(14)
                .max(1),
            verification_days: user
                .verification_jours
                .or(defaults.verification_jours)
                .unwrap_or(365)
                .max(1),
            privacy,
            dossier,
            cadre_legal,
            presentation,
            lang,
            theme: user.theme.or(defaults.theme).unwrap_or_default(),
            referentiel,
            referentiel_file,
            vocab,
            keymap,
            file,
        })
    }

    /// The built-in configuration, as a fresh user without a config file gets it.
    pub fn builtin(lang: Lang) -> Result<Config, ConfigError> {
        let env = Env {
            vars: vec![("CARNET_CONFIG".into(), String::new())],
        };
        let overrides = Overrides {
            lang: Some(lang),
            config_file: None,
            data_dir: None,
        };
        let mut config = Config::load(&overrides, &env)?;
        config.file = None;
        Ok(config)
    }

    pub fn mono(&self, env: &Env) -> bool {
        match self.theme {
            ThemeChoice::Mono => true,
            ThemeChoice::Color => false,
            ThemeChoice::Auto => env.no_color(),
        }
    }
}

/// The first structural problem of a référentiel, with the line of the `id` it is about.
fn check_referentiel(file: &Path, text: &str, r: &Referentiel) -> Result<(), ConfigError> {
    let Some(problem) = r.check().into_iter().next() else {
        return Ok(());
    };
    let line = problem.locate().and_then(|(id, nth)| {
        text.lines()
            .enumerate()
            .filter(|(_, l)| {
                let l = l.trim();
                l.strip_prefix("id")
                    .map(str::trim_start)
                    .and_then(|rest| rest.strip_prefix('='))
                    .is_some_and(|v| v.trim().trim_matches(['"', '\'']) == id)
            })
            .nth(nth)
            .map(|(i, _)| i + 1)
    });
    Err(ConfigError {
        file: file.to_path_buf(),
        line,
        detail: ConfigDetail::Referentiel(problem),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_with_config(path: &Path) -> Env {
        Env {
            vars: vec![("CARNET_CONFIG".into(), path.display().to_string())],
        }
    }

    #[test]
    fn builtin_config_loads_with_the_full_referentiel() -> Result<(), ConfigError> {
        let c = Config::builtin(Lang::Fr)?;
        assert_eq!(c.referentiel.ccp.len(), 3);
        assert_eq!(c.referentiel.competences().count(), 20);
        assert!(c.vocab.types_interaction.contains("mediation_institution"));
        Ok(())
    }

    #[test]
    fn french_is_the_default_unless_the_locale_is_english() {
        let env = |lang: &str| Env {
            vars: vec![("LANG".into(), lang.into())],
        };
        assert_eq!(env("de_DE.UTF-8").locale_lang(), Lang::Fr);
        assert_eq!(env("").locale_lang(), Lang::Fr);
        assert_eq!(env("en_GB.UTF-8").locale_lang(), Lang::En);
    }

    #[test]
    fn misspelled_key_is_reported_with_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "lang = \"fr\"\n\nthme = \"mono\"\n").unwrap();
        let err = Config::load(&Overrides::default(), &env_with_config(&path)).unwrap_err();
        assert_eq!(err.file, path);
        assert_eq!(err.line, Some(3));
        assert_eq!(err.detail, ConfigDetail::UnknownSetting("thme".into()));
    }

    #[test]
    fn user_config_sets_lang_extends_vocabularies_and_rebinds_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "lang = \"en\"\n[keys.global]\nquit = [\"Q\"]\n[[vocabulaires.thematiques]]\nid = \"sport\"\nfr = \"Sport\"\nen = \"Sport\"\n",
        )
        .unwrap();
        let c = Config::load(&Overrides::default(), &env_with_config(&path)).unwrap();
        assert_eq!(c.lang, Lang::En);
        assert!(c.vocab.thematiques.contains("sport"));
        assert!(c.vocab.thematiques.contains("logement"));
        use crate::action::{Action, Context};
        use keymap::Key;
        assert_eq!(
            c.keymap.resolve(Context::List, Key::char('Q')),
            Some(Action::Quit)
        );
        assert_eq!(c.keymap.resolve(Context::List, Key::char('q')), None);
    }

    #[test]
    fn conflicting_and_unknown_keys_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[keys.list]\ndown = [\"q\"]\n").unwrap();
        let err = Config::load(&Overrides::default(), &env_with_config(&path)).unwrap_err();
        assert!(
            matches!(&err.detail, ConfigDetail::KeyConflict { key, .. } if key == "q"),
            "{err}"
        );

        std::fs::write(&path, "[keys.list]\ndown = [\"Hyper-j\"]\n").unwrap();
        let err = Config::load(&Overrides::default(), &env_with_config(&path)).unwrap_err();
        assert_eq!(err.line, Some(2));

        std::fs::write(&path, "[keys.list]\nfly = [\"j\"]\n").unwrap();
        let err = Config::load(&Overrides::default(), &env_with_config(&path)).unwrap_err();
        assert_eq!(err.line, Some(2));
    }

    /// The error a configuration file holding `text` is refused with.
    fn refused(text: &str) -> ConfigError {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        Config::load(&Overrides::default(), &env_with_config(&path)).unwrap_err()
    }

    #[test]
    fn a_value_of_the_wrong_kind_names_its_setting_and_what_it_takes() {
        let err = refused("lang = \"fr\"\nseuil_solide = \"trois\"\n");
        assert_eq!(err.line, Some(2));
        assert_eq!(
            err.detail,
            ConfigDetail::WrongType {
                key: "seuil_solide".into(),
                expected: Expected::Count
            }
        );
        let fr = crate::i18n::I18n::new(Lang::Fr);
        assert_eq!(
            err.detail.message(&fr),
            "seuil_solide attend un nombre entier positif, sans guillemets"
        );
        let err = refused("theme = \"rose\"\n");
        assert_eq!(
            err.detail.message(&fr),
            "theme = « rose » : les valeurs possibles sont \"auto\", \"color\", \"mono\""
        );
        let err = refused("[keys.list]\ndown = \"j\"\n");
        assert_eq!(
            err.detail,
            ConfigDetail::WrongType {
                key: "down".into(),
                expected: Expected::List
            }
        );
    }

    #[test]
    fn text_that_is_not_toml_is_said_in_the_interface_language_with_its_place() {
        let fr = crate::i18n::I18n::new(Lang::Fr);
        let en = crate::i18n::I18n::new(Lang::En);
        let err = refused("lang = \"fr\"\n[keys\n");
        assert_eq!(err.line, Some(2));
        assert_eq!(
            err.detail.message(&fr),
            "syntaxe TOML invalide vers la colonne 6 (« ] » attendu)"
        );
        assert_eq!(
            err.detail.message(&en),
            "invalid TOML syntax near column 6 (`]` expected)"
        );
        let err = refused("lang = \"fr\"\nlang = \"en\"\n");
        assert_eq!(err.line, Some(2));
        assert_eq!(
            err.detail.message(&fr),
            "le réglage « lang » est écrit deux fois"
        );
    }

    #[test]
    fn a_bad_lang_value_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "\nlang = \"de\"\n").unwrap();
        let err = Config::load(&Overrides::default(), &env_with_config(&path)).unwrap_err();
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn a_dangling_parent_in_the_plan_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[[vocabulaires.plan_classement]]\nid = \"x\"\nfr = \"X\"\nen = \"X\"\nparent = \"nulle_part\"\n",
        )
        .unwrap();
        let err = Config::load(&Overrides::default(), &env_with_config(&path)).unwrap_err();
        assert_eq!(err.line, Some(5), "{err}");
        assert!(
            err.to_string().contains("unknown parent \"nulle_part\""),
            "{err}"
        );
    }
}
