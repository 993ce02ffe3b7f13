//! The command line: clap grammar, dispatch, and plain-language errors with exit codes
//! (0 success, 2 usage or configuration, 3 store locked, 1 anything else).

use crate::app::App;
use crate::config::{self, Config, ConfigError, Env, Overrides};
use crate::demo::{self, DemoSpec};
use crate::domain::{Lang, RecordKind};
use crate::export::json;
use crate::i18n::{I18n, arg};
use crate::runtime;
use crate::storage::{self, LockError, Store, StoreError, StoreLock};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, Parser)]
#[command(
    name = "carnet",
    version,
    about = "Carnet — le journal de bord des médiateurs sociaux"
)]
pub struct Cli {
    /// Store folder (default: $CARNET_DATA_DIR, else $XDG_DATA_HOME/carnet)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Configuration file (default: $CARNET_CONFIG, else $XDG_CONFIG_HOME/carnet/config.toml)
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Interface language
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate the demo store (a fictional territory) and open it
    Demo {
        /// Number of interactions; the other records scale along
        #[arg(long, default_value_t = demo::DEFAULT_INTERACTIONS)]
        interactions: usize,
        /// Seed of the generator: the same seed gives the same store
        #[arg(long, default_value_t = demo::DEFAULT_SEED)]
        seed: u64,
        /// Generate, then exit without opening the interface
        #[arg(long)]
        generate_only: bool,
    },
    /// Log an interaction without opening the interface; prints its id
    Note {
        /// Interaction type id (repeatable); default: accueil_information
        #[arg(long = "type", value_name = "ID")]
        types: Vec<String>,
        /// Thématique id (repeatable)
        #[arg(long = "theme", value_name = "ID")]
        themes: Vec<String>,
        /// Canal id; default: the canal of the last interaction
        #[arg(long, value_name = "ID")]
        canal: Option<String>,
        /// Duration in minutes (or 1h30)
        #[arg(long, value_name = "MINUTES")]
        duree: Option<String>,
        /// Date: 29/11/2026, 29/11, hier, -2…; default: today
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Structure of the network the person was oriented to (name or part of it)
        #[arg(long, value_name = "STRUCTURE")]
        vers: Option<String>,
        /// Save even when the free-text guard warns
        #[arg(long)]
        yes: bool,
        /// The demande, in a few words
        text: String,
    },
    /// Export the store
    Export {
        /// What to export: everything (json), the journal (csv), the network directory (csv),
        /// the network's contacts (vcard), the documentation (md, a folder), the coverage
        /// matrix (md, html or csv), the Dossier Professionnel (md, html or docx)
        #[arg(long, value_enum, default_value_t = ExportWhat::All)]
        what: ExportWhat,
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Output file (standard output without it)
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        #[command(flatten)]
        identity: IdentityArgs,
        /// Export the dossier even though some examples still have sharing warnings
        #[arg(long)]
        accept_warnings: bool,
    },
    /// Load a JSON export into an empty store, or read a documentation folder (Markdown)
    Import { path: PathBuf },
    /// Restore a backup (sauvegardes/carnet-….json.gz) or a JSON export into an empty store
    Restore { backup: PathBuf },
    /// Check the installation, the configuration and the store
    Doctor,
    /// Measure generation, size on disk, opening and memory on a generated store
    Bench {
        #[arg(long, default_value_t = 100_000)]
        interactions: usize,
        #[arg(long, default_value_t = demo::DEFAULT_SEED)]
        seed: u64,
    },
    /// Open a store and draw its first frame (the second half of `bench`, in a fresh process)
    #[command(hide = true)]
    BenchOpen { dir: PathBuf },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Vcard,
    Md,
    Html,
    Docx,
}

/// The identity on the dossier's cover: typed at export time, never stored. Without these
/// flags, a terminal is asked.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct IdentityArgs {
    /// Dossier: nom de naissance
    #[arg(long, value_name = "NOM")]
    nom: Option<String>,
    /// Dossier: nom d'usage, if different
    #[arg(long, value_name = "NOM")]
    nom_usage: Option<String>,
    /// Dossier: prénom
    #[arg(long, value_name = "PRENOM")]
    prenom: Option<String>,
    /// Dossier: adresse
    #[arg(long, value_name = "ADRESSE")]
    adresse: Option<String>,
    /// Dossier: where the déclaration sur l'honneur is signed (dated today)
    #[arg(long, value_name = "LIEU")]
    fait_a: Option<String>,
    /// Dossier: modalité d'accès; default from the profil (stagiaire: formation, VAE: vae)
    #[arg(long, value_enum, value_name = "MODALITE")]
    modalite: Option<ModaliteArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModaliteArg {
    Formation,
    Vae,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportWhat {
    All,
    Journal,
    Reseau,
    Contacts,
    Documentation,
    Couverture,
    Dossier,
}

/// Prints a line on standard output. Every line the command line prints goes through here
/// or `warn!`: names and values read from data (a file name, an imported id) are stripped
/// of control characters, so they can never drive the user's terminal.
macro_rules! say {
    ($($arg:tt)*) => {
        println!("{}", crate::domain::text::sanitize(&format!($($arg)*), true))
    };
}

/// The same on standard error.
macro_rules! warn {
    ($($arg:tt)*) => {
        eprintln!("{}", crate::domain::text::sanitize(&format!($($arg)*), true))
    };
}

/// A failure, already worded for the user, and its exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    fn new(code: u8, message: String) -> Failure {
        Failure { message, code }
    }
}

pub const EXIT_OTHER: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_LOCKED: u8 = 3;

fn config_failure(i18n: &I18n, e: &ConfigError) -> Failure {
    let message = match e.line {
        Some(line) => i18n.t_args(
            "err-config-line",
            &[
                arg("file", e.file.display().to_string()),
                arg("line", line),
                arg("detail", e.detail.clone()),
            ],
        ),
        None => i18n.t_args(
            "err-config",
            &[
                arg("file", e.file.display().to_string()),
                arg("detail", e.detail.clone()),
            ],
        ),
    };
    Failure::new(EXIT_USAGE, message)
}

pub fn store_failure(i18n: &I18n, e: &StoreError) -> Failure {
    match e {
        StoreError::Lock(LockError::Held(owner)) => Failure::new(
            EXIT_LOCKED,
            i18n.t_args(
                "err-locked",
                &[
                    arg("user", owner.user.clone()),
                    arg("host", owner.host.clone()),
                    arg("pid", owner.pid),
                ],
            ),
        ),
        StoreError::NewerSchema {
            path,
            found,
            supported,
        } => Failure::new(
            EXIT_OTHER,
            i18n.t_args(
                "err-newer-schema",
                &[
                    arg("path", path.display().to_string()),
                    arg("found", *found),
                    arg("supported", *supported),
                ],
            ),
        ),
        e if storage::cannot_write(e) => Failure::new(EXIT_OTHER, i18n.t("err-disk-full")),
        StoreError::BadSchemaFile { path } => Failure::new(
            EXIT_OTHER,
            i18n.t_args(
                "err-bad-schema",
                &[
                    arg("path", path.display().to_string()),
                    arg("supported", storage::SCHEMA_VERSION),
                ],
            ),
        ),
        StoreError::NotEmpty { path } => Failure::new(
            EXIT_OTHER,
            i18n.t_args("err-not-empty", &[arg("path", path.display().to_string())]),
        ),
        StoreError::NotDemo { path } => Failure::new(
            EXIT_USAGE,
            i18n.t_args("err-not-demo", &[arg("path", path.display().to_string())]),
        ),
        other => Failure::new(
            EXIT_OTHER,
            i18n.t_args("err-store", &[arg("detail", other.to_string())]),
        ),
    }
}

/// Opens the store for a command that writes to it, and says what opening it repaired.
fn open_store(i18n: &I18n, dir: &Path) -> Result<Store, Failure> {
    open_store_with(i18n, dir, false)
}

/// The same for a command that only reads it: when nothing can be written where it lives
/// (a full disk), it is read from a temporary copy, so the data can still get out.
fn open_store_to_read(i18n: &I18n, dir: &Path) -> Result<Store, Failure> {
    open_store_with(i18n, dir, true)
}

fn open_store_with(i18n: &I18n, dir: &Path, reading: bool) -> Result<Store, Failure> {
    let store = match Store::open(dir) {
        Err(e) if reading && storage::cannot_write(&e) => {
            let store = Store::open_read_only(dir).map_err(|e| store_failure(i18n, &e))?;
            warn!("{}", i18n.t("warn-read-only"));
            store
        }
        other => other.map_err(|e| store_failure(i18n, &e))?,
    };
    if !store.recovered().is_empty() {
        warn!("{}", crate::i18n::recovered(i18n, store.recovered()));
    }
    Ok(store)
}

fn io_failure(i18n: &I18n, path: &Path, e: &std::io::Error) -> Failure {
    Failure::new(
        EXIT_OTHER,
        i18n.t_args(
            "err-io",
            &[
                arg("path", path.display().to_string()),
                arg("detail", i18n.io_detail(e)),
            ],
        ),
    )
}

/// Parses arguments, runs, and prints any failure in the UI language.
pub fn main() -> ExitCode {
    let env = Env::from_process();
    // Help and usage errors come before parsing, so `--lang` is looked for by hand.
    // Arguments need not be UTF-8 (a file name): they stay OsStrings for clap.
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // `carnet help [COMMAND]` as a habit from other tools: the same as `--help`.
    let mut i = 1;
    while let Some(a) = args.get(i) {
        match a.to_str().unwrap_or_default() {
            "--lang" | "--data-dir" | "--config" => i += 2,
            a if a.starts_with('-') => i += 1,
            "help" => {
                args.remove(i);
                args.push("--help".into());
                break;
            }
            _ => break,
        }
    }
    let asked = args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        let value = a
            .strip_prefix("--lang=")
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).and_then(|v| v.to_str()))?)?;
        Lang::parse(value)
    });
    let i18n = I18n::new(asked.unwrap_or_else(|| env.locale_lang()));
    let parsed = localized_command(&i18n)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            match usage_message(&i18n, &e) {
                Some(message) => warn!("{message}\n{}", i18n.t("err-usage")),
                None => warn!("{}\n{e}", i18n.t("err-usage")),
            }
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if let Err(value) = crate::clock::fixed() {
        warn!("{}", i18n.t_args("err-clock", &[arg("value", value)]));
        return ExitCode::from(EXIT_USAGE);
    }
    let lang_flag = cli.lang.map(|l| match l {
        LangArg::Fr => Lang::Fr,
        LangArg::En => Lang::En,
    });
    let code = match run(cli, lang_flag, &env) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.is_empty() {
                warn!("{}", f.message);
            }
            ExitCode::from(f.code)
        }
    };
    if env.get(runtime::bench::REPORT_IO).is_some()
        && let Some(bytes) = runtime::bench::written_bytes()
    {
        eprintln!("carnet-io write_bytes={bytes}");
    }
    code
}

/// The grammar of `Cli` with its help in the UI language: about and help texts come from
/// `cli-*` messages, clap's own words (usage, commands, defaults, possible values, help and
/// version flags) are replaced.
pub fn localized_command(i18n: &I18n) -> clap::Command {
    use clap::{Arg, ArgAction};
    fn localize(cmd: clap::Command, i18n: &I18n, path: &str) -> clap::Command {
        // Our own headings, so French gets its space before the colon.
        let mut template = format!(
            "{{about-with-newline}}\n{} {{usage}}\n",
            i18n.t("cli-usage")
        );
        let sections = [
            (cmd.has_subcommands(), "cli-commands", "{subcommands}"),
            (
                cmd.get_positionals().next().is_some(),
                "cli-arguments",
                "{positionals}",
            ),
            (true, "cli-options-heading", "{options}"),
        ];
        for (present, heading, body) in sections {
            if present {
                template.push_str(&format!("\n{}\n{body}\n", i18n.t(heading)));
            }
        }
        let about_id = if path.is_empty() {
            "cli-about".to_string()
        } else {
            format!("cli-{path}")
        };
        let mut cmd = cmd
            .help_template(template)
            .subcommand_value_name(i18n.t("cli-command-name"))
            .disable_help_flag(true)
            .disable_help_subcommand(true)
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help(i18n.t("cli-help-flag"))
                    .display_order(usize::MAX),
            );
        if let Some(about) = i18n.get(&about_id) {
            cmd = cmd.about(about);
        }
        let ids: Vec<String> = cmd
            .get_arguments()
            .filter(|a| !a.is_global_set() || path.is_empty())
            .map(|a| a.get_id().to_string())
            .filter(|id| id != "help" && id != "version")
            .collect();
        for id in ids {
            let key = format!("cli-arg-{}", id.replace('_', "-"));
            cmd = cmd.mut_arg(&id, |a| {
                let mut help = i18n.get(&key).unwrap_or_default();
                let defaults: Vec<String> = a
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                let possible: Vec<String> = a
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect();
                let takes_values = a.get_action().takes_values();
                if !defaults.is_empty() && takes_values {
                    help.push_str(&format!(
                        " [{}]",
                        i18n.t_args("cli-default", &[arg("value", defaults.join(", "))])
                    ));
                }
                if !possible.is_empty() && takes_values {
                    help.push_str(&format!(
                        " [{}]",
                        i18n.t_args("cli-possible", &[arg("values", possible.join(", "))])
                    ));
                }
                let a = a.help(help.trim().to_string());
                // clap's own "[default: …]" and "[possible values: …]" give way to ours;
                // it allows hiding them only on arguments that take a value.
                if a.get_action().takes_values() {
                    a.hide_default_value(true).hide_possible_values(true)
                } else {
                    a
                }
            });
        }
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        for name in names {
            cmd = cmd.mut_subcommand(&name, |sub| localize(sub, i18n, &name));
        }
        cmd
    }
    let cmd = Cli::command().disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(i18n.t("cli-version-flag")),
    );
    localize(cmd, i18n, "")
}

/// clap's most common complaints, in the UI language; `None` leaves the rare ones to clap.
fn usage_message(i18n: &I18n, e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        _ => None,
    };
    let option = get(ContextKind::InvalidArg).unwrap_or_default();
    let suggestion = get(ContextKind::SuggestedSubcommand)
        .or_else(|| get(ContextKind::SuggestedArg))
        .map(|s| {
            format!(
                " {}",
                i18n.t_args("usage-did-you-mean", &[arg("suggestion", s)])
            )
        })
        .unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => i18n.t_args("usage-unknown-option", &[arg("option", option)]),
        ErrorKind::InvalidSubcommand => i18n.t_args(
            "usage-unknown-command",
            &[arg(
                "command",
                get(ContextKind::InvalidSubcommand).unwrap_or_default(),
            )],
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            match get(ContextKind::InvalidValue).filter(|v| !v.is_empty()) {
                None => i18n.t_args("usage-missing-value", &[arg("option", option)]),
                Some(value) => {
                    let mut text = i18n.t_args(
                        "usage-invalid-value",
                        &[arg("value", value), arg("option", option)],
                    );
                    if let Some(possible) = get(ContextKind::ValidValue) {
                        text.push(' ');
                        text.push_str(&i18n.t_args("usage-possible", &[arg("possible", possible)]));
                    }
                    text
                }
            }
        }
        ErrorKind::MissingRequiredArgument => {
            i18n.t_args("usage-missing-argument", &[arg("argument", option)])
        }
        _ => return None,
    };
    Some(message + &suggestion)
}

fn run(cli: Cli, lang_flag: Option<Lang>, env: &Env) -> Result<(), Failure> {
    let overrides = Overrides {
        config_file: cli.config.clone(),
        lang: lang_flag,
        data_dir: cli.data_dir.clone(),
    };
    let config = match Config::load(&overrides, env) {
        Ok(c) => c,
        Err(e) => {
            let i18n = I18n::new(lang_flag.unwrap_or_else(|| env.locale_lang()));
            return Err(config_failure(&i18n, &e));
        }
    };
    let i18n = I18n::new(config.lang);
    match cli.command {
        None => {
            let dir = config::paths::data_dir(&overrides, env);
            let store = Store::open_interactive(&dir).map_err(|e| store_failure(&i18n, &e))?;
            require_terminal(&i18n)?;
            open_tui(config, &store, env, false, &i18n)
        }
        Some(Command::Demo {
            interactions,
            seed,
            generate_only,
        }) => {
            let dir = config::paths::demo_dir(&overrides, env);
            let store = if generate_only {
                open_store(&i18n, &dir)?
            } else {
                let store = Store::open_interactive(&dir).map_err(|e| store_failure(&i18n, &e))?;
                require_terminal(&i18n)?;
                store
            };
            let started = Instant::now();
            generate_demo(&store, &config, seed, interactions)
                .map_err(|e| store_failure(&i18n, &e))?;
            if generate_only {
                let secs = started.elapsed().as_secs_f64();
                say!(
                    "{}",
                    i18n.t_args(
                        "demo-generated",
                        &[
                            arg("count", crate::ui::format::count(config.lang, interactions)),
                            arg("seconds", format!("{secs:.2}")),
                            arg("path", dir.display().to_string()),
                        ],
                    )
                );
                return Ok(());
            }
            open_tui(config, &store, env, true, &i18n)
        }
        Some(Command::Note {
            types,
            themes,
            canal,
            duree,
            date,
            vers,
            yes,
            text,
        }) => {
            let note = NoteArgs {
                types,
                themes,
                canal,
                duree,
                date,
                vers,
                yes,
                text,
            };
            let dir = config::paths::data_dir(&overrides, env);
            let store = open_store(&i18n, &dir)?;
            let id = quick_note(&store, &config, &i18n, note)?;
            say!("{id}");
            Ok(())
        }
        Some(Command::Export {
            what,
            format,
            output,
            identity,
            accept_warnings,
        }) => {
            let combination = matches!(
                (what, format),
                (ExportWhat::All, ExportFormat::Json)
                    | (ExportWhat::Journal, ExportFormat::Csv)
                    | (ExportWhat::Reseau, ExportFormat::Csv)
                    | (ExportWhat::Contacts, ExportFormat::Vcard)
                    | (ExportWhat::Documentation, ExportFormat::Md)
                    | (
                        ExportWhat::Couverture,
                        ExportFormat::Md | ExportFormat::Html | ExportFormat::Csv
                    )
                    | (
                        ExportWhat::Dossier,
                        ExportFormat::Md | ExportFormat::Html | ExportFormat::Docx
                    )
            );
            if !combination {
                return Err(Failure::new(EXIT_USAGE, i18n.t("err-export-combination")));
            }
            let dir = config::paths::data_dir(&overrides, env);
            let store = open_store_to_read(&i18n, &dir)?;
            let (data, failures) = store.load().map_err(|e| store_failure(&i18n, &e))?;
            if !failures.is_empty() {
                warn!(
                    "{}",
                    i18n.t_args("warn-decode-failures", &[arg("count", failures.len())])
                );
            }
            if what == ExportWhat::Documentation {
                let Some(dir) = output else {
                    return Err(Failure::new(EXIT_USAGE, i18n.t("err-md-needs-dir")));
                };
                let count = export_documentation(&data, &config, &dir)
                    .map_err(|e| io_failure(&i18n, &dir, &e))?;
                say!(
                    "{}",
                    i18n.t_args(
                        "docs-exported",
                        &[arg("count", count), arg("path", dir.display().to_string())]
                    )
                );
                return Ok(());
            }
            if what == ExportWhat::Dossier {
                return export_dossier(
                    &data,
                    &config,
                    &i18n,
                    format,
                    output,
                    identity,
                    accept_warnings,
                );
            }
            let text = match (what, format) {
                (_, ExportFormat::Json) => json::to_json(&data),
                (ExportWhat::Couverture, _) => {
                    let views = crate::app::Views::build(&data, &config);
                    let annex = crate::export::coverage::Annex {
                        config: &config,
                        i18n: &i18n,
                        evidence: &views.evidence,
                        today: crate::clock::today(),
                    };
                    match format {
                        ExportFormat::Html => annex.html(),
                        ExportFormat::Csv => annex.csv(),
                        _ => annex.markdown(),
                    }
                }
                (ExportWhat::Reseau, _) => {
                    let views = crate::app::Views::build(&data, &config);
                    crate::export::csv::reseau(&data, &config, &i18n, &|id| {
                        views.last_contact.get(&id).copied()
                    })
                }
                (_, ExportFormat::Vcard) => crate::export::vcard::contacts(&data),
                _ => crate::export::csv::journal(&data, &config, &i18n),
            };
            write_output(&i18n, output.as_deref(), text.as_bytes())
        }
        Some(Command::Import { path }) if path.is_dir() => {
            let dir = config::paths::data_dir(&overrides, env);
            let store = open_store(&i18n, &dir)?;
            import_documentation(&store, &config, &i18n, &path)
        }
        Some(Command::Import { path }) => {
            let dir = config::paths::data_dir(&overrides, env);
            let data = read_export(&i18n, &path)?;
            import_all(&i18n, &dir, &data)
        }
        Some(Command::Restore { backup }) => {
            let dir = config::paths::data_dir(&overrides, env);
            let data = read_export(&i18n, &backup)?;
            import_all(&i18n, &dir, &data)
        }
        Some(Command::Doctor) => {
            let (report, healthy) = doctor(&config, &overrides, env, &i18n);
            say!("{}", report.trim_end());
            if healthy {
                Ok(())
            } else {
                Err(Failure::new(EXIT_OTHER, i18n.t("doctor-unhealthy")))
            }
        }
        Some(Command::Bench { interactions, seed }) => bench(&config, &i18n, interactions, seed),
        Some(Command::BenchOpen { dir }) => {
            let f = runtime::bench::open_and_draw(&dir, config).map_err(|e| {
                Failure::new(EXIT_OTHER, i18n.t_args("err-store", &[arg("detail", e)]))
            })?;
            say!("{}", f.to_line());
            Ok(())
        }
    }
}

/// The largest export file read: a store of 100,000 interactions exports to about 180 MB.
const MAX_EXPORT_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Reads and checks a JSON export (or a backup, gzip-compressed), before anything is written.
fn read_export(i18n: &I18n, path: &Path) -> Result<crate::domain::Dataset, Failure> {
    let refused = |detail: String| {
        Failure::new(
            EXIT_OTHER,
            i18n.t_args(
                "err-import",
                &[
                    arg("path", path.display().to_string()),
                    arg("detail", detail),
                ],
            ),
        )
    };
    let bytes = crate::files::read_regular_bytes(path, MAX_EXPORT_BYTES).map_err(|e| match e {
        crate::files::ReadRefused::Io(e) => io_failure(i18n, path, &e),
        crate::files::ReadRefused::NotRegular => refused(i18n.t("err-import-not-regular")),
        crate::files::ReadRefused::TooLarge(_) => refused(i18n.t("err-import-too-large")),
        crate::files::ReadRefused::NotUtf8 => refused(i18n.t("err-import-not-utf8")),
    })?;
    let text = storage::backup::decode(&bytes, MAX_EXPORT_BYTES)
        .map_err(|e| refused(i18n.t_args("err-import-gzip", &[arg("detail", e)])))?;
    let mut data = json::from_json(&text).map_err(|e| refused(json_error(i18n, &e)))?;
    let problems = json::check(&mut data);
    if problems.is_empty() {
        return Ok(data);
    }
    const SHOWN: usize = 20;
    let mut message = i18n.t_args(
        "err-import-invalid",
        &[
            arg("path", path.display().to_string()),
            arg("count", problems.len()),
        ],
    );
    for p in problems.iter().take(SHOWN) {
        let issue = match &p.issue {
            json::Issue::Rule(id) => i18n.t(id),
            json::Issue::TooLong(chars) => i18n.t_args(
                "err-import-too-long",
                &[
                    arg("chars", *chars),
                    arg("max", crate::domain::validate::MAX_TEXT_CHARS),
                ],
            ),
            json::Issue::DuplicateId => i18n.t("err-import-duplicate-id"),
            json::Issue::ImpossibleId => i18n.t("err-import-impossible-id"),
        };
        message.push_str(&format!(
            "\n  {} n° {} (id {}) · {} : {}",
            i18n.t(&format!("kind-{}", p.kind.name())),
            p.position,
            p.id,
            p.field,
            issue
        ));
    }
    if problems.len() > SHOWN {
        message.push_str("\n  ");
        message.push_str(&i18n.t_args("err-import-more", &[arg("count", problems.len() - SHOWN)]));
    }
    Err(Failure::new(EXIT_OTHER, message))
}

fn json_error(i18n: &I18n, e: &json::JsonError) -> String {
    match e {
        json::JsonError::NotCarnet(format) => {
            i18n.t_args("err-json-not-carnet", &[arg("format", format.clone())])
        }
        json::JsonError::NewerVersion(version) => i18n.t_args(
            "err-json-newer",
            &[arg("version", *version), arg("supported", json::VERSION)],
        ),
        json::JsonError::Syntax {
            line,
            column,
            message,
        } => i18n.t_args(
            "err-json-syntax",
            &[
                arg("line", *line),
                arg("column", *column),
                arg("detail", message.clone()),
            ],
        ),
    }
}

/// Loads checked records into an empty store, all or nothing.
fn import_all(i18n: &I18n, dir: &Path, data: &crate::domain::Dataset) -> Result<(), Failure> {
    Store::import(dir, data).map_err(|e| store_failure(i18n, &e))?;
    let total: usize = RecordKind::ALL.iter().map(|k| data.count(*k)).sum();
    say!(
        "{}",
        i18n.t_args(
            "import-done",
            &[arg("count", total), arg("path", dir.display().to_string())]
        )
    );
    Ok(())
}

/// `carnet export --what dossier`: the anonymisation gate, the identity, then the document.
fn export_dossier(
    data: &crate::domain::Dataset,
    config: &Config,
    i18n: &I18n,
    format: ExportFormat,
    output: Option<PathBuf>,
    identity: IdentityArgs,
    accept_warnings: bool,
) -> Result<(), Failure> {
    use crate::export::dossier::{Dossier, Modalite};
    if format == ExportFormat::Docx && output.is_none() {
        return Err(Failure::new(EXIT_USAGE, i18n.t("err-docx-needs-file")));
    }
    let pending = crate::app::dossier::unaccepted_warnings(data, config);
    if !pending.is_empty() && !accept_warnings {
        let mut message = i18n.t_args("err-dp-warnings", &[arg("count", pending.len())]);
        for (x, w) in &pending {
            message.push_str(&format!(
                "\n  {} · {} · {} : « {} » — {}",
                x.ccp.rsplit('/').next().unwrap_or_default(),
                crate::domain::text::one_line(&x.titre),
                i18n.t(&format!("field-{}", w.field.replace('_', "-"))),
                crate::domain::text::one_line(&w.matched),
                i18n.t(w.kind.message_id()),
            ));
        }
        message.push('\n');
        message.push_str(&i18n.t("err-dp-warnings-hint"));
        return Err(Failure::new(EXIT_OTHER, message));
    }
    let modalite = match identity.modalite {
        Some(ModaliteArg::Formation) => Some(Modalite::Formation),
        Some(ModaliteArg::Vae) => Some(Modalite::Vae),
        None => data.profil().and_then(|p| Modalite::from_role(&p.role)),
    };
    let identity = ask_identity(i18n, identity);
    if config.presentation.is_none() {
        warn!("{}", i18n.t("warn-dp-no-presentation"));
    }
    // The ministry's rules (1 to 3 examples per CCP, 3 pages each) are said, not enforced:
    // a dossier in progress is still worth printing.
    use crate::app::dossier::{MAX_PAGES, ccp_warning, examples_of, pages};
    for ccp in &config.referentiel.ccp {
        let examples = examples_of(data, &config.referentiel.qualify(&ccp.id));
        let mut notes: Vec<String> = ccp_warning(examples.len())
            .map(|id| i18n.t(id))
            .into_iter()
            .collect();
        for &i in &examples {
            let x = &data.exemples[i];
            if pages(x) > MAX_PAGES {
                notes.push(format!(
                    "« {} » : {}",
                    crate::domain::text::one_line(&x.titre),
                    i18n.t_args("dp-too-long", &[arg("pages", pages(x))])
                ));
            }
        }
        for note in notes {
            warn!(
                "{}",
                i18n.t_args(
                    "warn-dp-ccp",
                    &[arg("ccp", ccp.id.clone()), arg("note", note)]
                )
            );
        }
    }
    let dossier = Dossier {
        config,
        data,
        identity: &identity,
        modalite,
        today: crate::clock::today(),
    };
    let format = match format {
        ExportFormat::Docx => crate::export::dossier::Format::Docx,
        ExportFormat::Html => crate::export::dossier::Format::Html,
        _ => crate::export::dossier::Format::Markdown,
    };
    let bytes = dossier.render(format).map_err(|detail| {
        Failure::new(
            EXIT_OTHER,
            i18n.t_args("err-docx", &[arg("detail", detail)]),
        )
    })?;
    write_output(i18n, output.as_deref(), &bytes)?;
    Ok(())
}

/// The cover's identity: the flags, else asked on the terminal (never stored).
fn ask_identity(i18n: &I18n, args: IdentityArgs) -> crate::export::dossier::Identity {
    use std::io::{BufRead, IsTerminal, Write};
    let given = args.nom.is_some() || args.prenom.is_some() || args.adresse.is_some();
    let interactive = !given && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let ask = |id: &str, value: Option<String>| -> String {
        if let Some(v) = value {
            return v;
        }
        if !interactive {
            return String::new();
        }
        eprint!("{} ", i18n.t(id));
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        let _ = std::io::stdin().lock().read_line(&mut line);
        line.trim().to_string()
    };
    let identity = crate::export::dossier::Identity {
        nom_naissance: ask("dp-ask-nom", args.nom),
        nom_usage: ask("dp-ask-nom-usage", args.nom_usage),
        prenom: ask("dp-ask-prenom", args.prenom),
        adresse: ask("dp-ask-adresse", args.adresse),
        lieu: ask("dp-ask-lieu", args.fait_a),
    };
    if !given && !interactive {
        warn!("{}", i18n.t("warn-dp-no-identity"));
    }
    identity
}

/// Writes an export to its file (see `files::write_private`), or to standard output.
fn write_output(i18n: &I18n, output: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        Some(path) => {
            crate::files::write_private(path, bytes).map_err(|e| io_failure(i18n, path, &e))
        }
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            // A closed pipe (`carnet export | head`) is not an error worth reporting.
            let _ = out.write_all(bytes);
            Ok(())
        }
    }
}

fn bench(config: &Config, i18n: &I18n, interactions: usize, seed: u64) -> Result<(), Failure> {
    let dir = std::env::temp_dir().join(format!("carnet-bench-{}", std::process::id()));
    let fail = |detail: String| {
        Failure::new(
            EXIT_OTHER,
            i18n.t_args("err-store", &[arg("detail", detail)]),
        )
    };
    let result = (|| {
        let started = Instant::now();
        let spec = DemoSpec {
            seed,
            interactions,
            today: crate::clock::today(),
        };
        let data = demo::generate(spec, &config.vocab);
        let generate_s = started.elapsed().as_secs_f64();
        let store = Store::open(&dir).map_err(|e| fail(e.to_string()))?;
        let write_start = Instant::now();
        store.insert_all(&data).map_err(|e| fail(e.to_string()))?;
        let write_s = write_start.elapsed().as_secs_f64();
        drop(store);
        let size = storage::Store::open(&dir)
            .and_then(|s| s.info())
            .map_err(|e| fail(e.to_string()))?
            .size_on_disk;
        let exe = std::env::current_exe().map_err(|e| fail(e.to_string()))?;
        let out = std::process::Command::new(&exe)
            .args(["--lang", config.lang.code(), "bench-open"])
            .arg(&dir)
            .output()
            .map_err(|e| fail(e.to_string()))?;
        let line = String::from_utf8_lossy(&out.stdout).into_owned();
        let Some(f) = runtime::bench::OpenFigures::from_line(&line) else {
            return Err(fail(String::from_utf8_lossy(&out.stderr).into_owned()));
        };
        let written = disk_writes(&exe, &dir, config.lang).map_err(fail)?;
        let count = crate::ui::format::count(config.lang, interactions);
        let row = |label: &str, value: String| say!("  {:<40} {value}", i18n.t(label));
        say!(
            "{}",
            i18n.t_args(
                "bench-title",
                &[arg("count", count), arg("records", f.records)]
            )
        );
        row("bench-generate", format!("{generate_s:.2} s"));
        row("bench-write", format!("{write_s:.2} s"));
        row(
            "bench-size",
            format!("{:.1} MiB", size as f64 / 1_048_576.0),
        );
        row("bench-open", format!("{:.0} ms", f.open_ms));
        row("bench-load", format!("{:.0} ms", f.load_ms));
        row("bench-first-frame", format!("{:.0} ms", f.first_frame_ms));
        row("bench-rss", format!("{:.0} MiB", f.peak_rss_mib));
        row(
            "bench-search",
            format!(
                "p50 {:.1} ms · p95 {:.1} ms · max {:.1} ms",
                f.search_p50_ms, f.search_p95_ms, f.search_max_ms
            ),
        );
        row(
            "bench-save-store",
            format!("p95 {:.2} ms", f.save_store_p95_ms),
        );
        row("bench-save-app", format!("p95 {:.2} ms", f.save_app_p95_ms));
        let kib = |b: u64| format!("{:.0} KiB", b as f64 / 1024.0);
        for (label, runs) in [
            ("bench-io-note", &written.note),
            ("bench-io-doctor", &written.doctor),
            ("bench-io-export", &written.export),
        ] {
            let mut sorted = runs.clone();
            sorted.sort_unstable();
            let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0);
            let max = sorted.last().copied().unwrap_or(0);
            row(label, format!("{} ({} max)", kib(median), kib(max)));
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Bytes written to disk by each run of a command on a closed store, in fresh processes.
struct DiskWrites {
    note: Vec<u64>,
    doctor: Vec<u64>,
    export: Vec<u64>,
}

fn disk_writes(exe: &Path, dir: &Path, lang: Lang) -> Result<DiskWrites, String> {
    let run = |args: &[&str]| -> Result<u64, String> {
        let out = std::process::Command::new(exe)
            .args(["--lang", lang.code(), "--data-dir"])
            .arg(dir)
            .args(args)
            .env(runtime::bench::REPORT_IO, "1")
            .output()
            .map_err(|e| e.to_string())?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        match runtime::bench::parse_written(&stderr) {
            Some(bytes) if out.status.success() => Ok(bytes),
            _ => Err(stderr.into_owned()),
        }
    };
    let times = |n: usize, args: &[&str]| (0..n).map(|_| run(args)).collect::<Result<Vec<_>, _>>();
    // The first read after a bulk write consolidates sled's pages; measure the steady state.
    run(&["doctor"])?;
    Ok(DiskWrites {
        note: times(5, &["note", "--yes", "Question sur la prime d'activité"])?,
        doctor: times(3, &["doctor"])?,
        export: times(3, &["export", "-o", "/dev/null"])?,
    })
}

/// The interface needs a terminal on both ends; say so before doing any work.
fn require_terminal(i18n: &I18n) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(Failure::new(EXIT_USAGE, i18n.t("err-no-terminal")))
    }
}

fn open_tui(
    config: Config,
    store: &Store,
    env: &Env,
    demo: bool,
    i18n: &I18n,
) -> Result<(), Failure> {
    let mono = config.mono(env);
    let mut app = App::loading(config, crate::clock::now_local());
    app.demo = demo;
    let ended = runtime::run_tui(app, store, crate::ui::Theme::new(mono)).map_err(|e| {
        Failure::new(
            EXIT_OTHER,
            i18n.t_args("err-terminal", &[arg("detail", e.to_string())]),
        )
    })?;
    match ended {
        runtime::Ended::Quit => Ok(()),
        // Ended by a signal: no message, the status says it (128 + the signal).
        signal => Err(Failure::new(signal.exit_code(), String::new())),
    }
}

pub struct NoteArgs {
    pub types: Vec<String>,
    pub themes: Vec<String>,
    pub canal: Option<String>,
    pub duree: Option<String>,
    pub date: Option<String>,
    pub vers: Option<String>,
    pub yes: bool,
    pub text: String,
}

/// A wrong vocabulary id: name the argument and list what it accepts.
fn check_ids(
    i18n: &I18n,
    flag: &str,
    ids: &[String],
    vocab: &crate::domain::Vocabulary,
) -> Result<(), Failure> {
    match ids.iter().find(|id| !vocab.contains(id)) {
        None => Ok(()),
        Some(bad) => {
            let valid = vocab
                .entries
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            Err(Failure::new(
                EXIT_USAGE,
                i18n.t_args(
                    "err-note-id",
                    &[
                        arg("flag", flag.to_string()),
                        arg("value", bad.clone()),
                        arg("valid", valid),
                    ],
                ),
            ))
        }
    }
}

/// `carnet note`: one interaction with the defaults, the text as its demande.
fn quick_note(
    store: &Store,
    config: &Config,
    i18n: &I18n,
    note: NoteArgs,
) -> Result<crate::domain::Id, Failure> {
    use crate::domain::{
        IdGen, Interaction, Orientation, RecordMeta, Structure, Text, Timestamp, validate::Validate,
    };
    let v = &config.vocab;
    let usage = |id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]| {
        Failure::new(EXIT_USAGE, i18n.t_args(id, args))
    };
    let mut types = note.types;
    if types.is_empty() {
        types.push(
            if note.vers.is_some() {
                "orientation"
            } else {
                "accueil_information"
            }
            .to_string(),
        );
    }
    check_ids(i18n, "--type", &types, &v.types_interaction)?;
    check_ids(i18n, "--theme", &note.themes, &v.thematiques)?;
    if let Some(c) = &note.canal {
        check_ids(i18n, "--canal", std::slice::from_ref(c), &v.canaux)?;
    }
    let now = crate::clock::now_local();
    let date = match &note.date {
        Some(d) => crate::domain::parse::date(d, now.date()).map_err(|e| {
            usage(
                "err-note-value",
                &[
                    arg("flag", "--date"),
                    arg("value", d.clone()),
                    arg("detail", i18n.t(e)),
                ],
            )
        })?,
        None => now.date(),
    };
    let duree = match &note.duree {
        Some(d) => crate::domain::parse::duration(d).map_err(|e| {
            usage(
                "err-note-value",
                &[
                    arg("flag", "--duree"),
                    arg("value", d.clone()),
                    arg("detail", i18n.t(e)),
                ],
            )
        })?,
        None => crate::domain::DEFAULT_DURATION_MIN,
    };
    let text = crate::domain::text::one_line(&note.text);
    if text.is_empty() {
        return Err(usage(
            "err-note-value",
            &[
                arg("flag", "TEXT"),
                arg("value", ""),
                arg("detail", i18n.t("err-required")),
            ],
        ));
    }
    let structures: Vec<Structure> = store.all().map_err(|e| store_failure(i18n, &e))?;
    let orientation = match &note.vers {
        None => None,
        Some(query) => {
            let q = crate::domain::text::fold(query.trim());
            let matches: Vec<&Structure> = structures
                .iter()
                .filter(|s| crate::domain::text::fold(&s.nom).contains(&q))
                .collect();
            let exact = matches
                .iter()
                .find(|s| crate::domain::text::fold(&s.nom) == q);
            let s = match (exact, matches.as_slice()) {
                (Some(s), _) => *s,
                (None, [one]) => *one,
                (None, []) => {
                    return Err(usage(
                        "err-note-structure-none",
                        &[arg("value", query.clone())],
                    ));
                }
                (None, many) => {
                    let names = many
                        .iter()
                        .take(8)
                        .map(|s| s.nom.as_str())
                        .collect::<Vec<_>>()
                        .join(" ; ");
                    return Err(usage(
                        "err-note-structure-many",
                        &[arg("value", query.clone()), arg("names", names)],
                    ));
                }
            };
            Some(Orientation {
                structure: Some(s.meta.id),
                nom: s.nom.clone(),
                issue: None,
            })
        }
    };
    let guard_names = structures.iter().map(|s| s.nom.as_str());
    let guard = crate::privacy::Guard::new(&config.privacy, guard_names);
    let warnings = guard.check("demande", &text);
    if !warnings.is_empty() && !note.yes {
        let list = warnings
            .iter()
            .map(|w| {
                let quoted = i18n.t_args("quoted", &[arg("text", w.matched.clone())]);
                i18n.t_args(
                    "guard-item",
                    &[
                        arg("quoted", quoted),
                        arg("why", i18n.t(w.kind.message_id())),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        return Err(Failure::new(
            EXIT_USAGE,
            i18n.t_args("err-note-guard", &[arg("list", list)]),
        ));
    }
    let previous: Option<Interaction> = store.last().map_err(|e| store_failure(i18n, &e))?;
    let ms = crate::clock::now_utc_ms();
    let id = IdGen::after(previous.as_ref().map(|p| p.meta.id)).next(ms);
    let mut it = Interaction::blank(
        RecordMeta::new(id, Timestamp(ms)),
        date,
        now.time(),
        previous.as_ref(),
    );
    it.types = types.into_iter().map(Text::from).collect();
    it.thematiques = note.themes.into_iter().map(Text::from).collect();
    if let Some(c) = note.canal {
        it.canal = c.into();
    }
    it.duree_min = duree;
    it.demande = text.into();
    if orientation.is_some() {
        it.reponses.push("orientation".into());
    }
    it.orientation = orientation;
    // Linked to the competences its types suggest, as the form would link it.
    it.meta.evidence = crate::app::form::evidence_links(
        crate::app::interaction_form::suggested_competences(&it.types, config),
        &Text::default(),
        &[],
        it.date,
    );
    it.normalize();
    if let Some(e) = it.validate().into_iter().next() {
        return Err(usage(
            "err-note-value",
            &[
                arg("flag", e.field),
                arg("value", ""),
                arg("detail", i18n.t(e.message)),
            ],
        ));
    }
    store.put(&it).map_err(|e| store_failure(i18n, &e))?;
    Ok(id)
}

/// The folder path of a plan node: its ancestors' ids, root first.
pub fn plan_path(plan: &crate::domain::Vocabulary, id: &str) -> Vec<String> {
    let mut parts = vec![id.to_string()];
    let mut current = plan.get(id).and_then(|n| n.parent.clone());
    while let Some(parent) = current {
        if parts.len() > 16 {
            break;
        }
        current = plan.get(&parent).and_then(|n| n.parent.clone());
        parts.push(parent);
    }
    parts.reverse();
    parts
        .into_iter()
        .map(|p| {
            p.chars()
                .map(|c| {
                    if c.is_alphanumeric() || c == '.' || c == '_' || c == '-' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect()
        })
        .collect()
}

fn export_documentation(
    data: &crate::domain::Dataset,
    config: &Config,
    dir: &Path,
) -> std::io::Result<usize> {
    let plan = crate::domain::effective_plan(&config.vocab.plan_classement, &data.plan);
    let files = crate::export::markdown::export(data, &|node| plan_path(&plan, node));
    for (relative, text) in &files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            crate::files::create_private_dir_all(parent)?;
        }
        crate::files::write_private(&path, text.as_bytes())?;
    }
    Ok(files.len())
}

fn import_documentation(
    store: &Store,
    config: &Config,
    i18n: &I18n,
    dir: &Path,
) -> Result<(), Failure> {
    use crate::domain::{IdGen, Record, Timestamp};
    let files = runtime::folder::read(dir).map_err(|e| io_failure(i18n, dir, &e))?;
    let (data, _) = store.load().map_err(|e| store_failure(i18n, &e))?;
    // Before the fiches change: the documentation as it was, in sauvegardes/.
    store
        .backup_of(&data, config.backups)
        .map_err(|e| store_failure(i18n, &e))?;
    let now = Timestamp(crate::clock::now_utc_ms());
    let mut ids = IdGen::after(data.last_id());
    let report = crate::app::docs::merge_folder(&data, files, config, i18n, now, &mut ids);
    // Every fiche of the folder in one transaction: imported whole or not at all.
    let changes = crate::domain::Changes {
        put: report
            .fiches
            .iter()
            .cloned()
            .map(Record::into_any)
            .collect(),
        remove: Vec::new(),
    };
    store
        .commit(&changes)
        .map_err(|e| store_failure(i18n, &e))?;
    say!("{}", crate::app::docs::import_summary(i18n, &report));
    for p in &report.problems {
        warn!("{}", crate::app::docs::problem_text(i18n, p));
    }
    for title in &report.conflicts {
        warn!(
            "{}",
            i18n.t_args("docs-conflict", &[arg("title", title.to_string())])
        );
    }
    Ok(())
}

/// Regenerates the demo: only into an empty store or an earlier demo, never a real one.
pub fn generate_demo(
    store: &Store,
    config: &Config,
    seed: u64,
    interactions: usize,
) -> Result<(), StoreError> {
    let info = store.info()?;
    if info.demo_seed.is_none() && !store.is_empty()? {
        return Err(StoreError::NotDemo {
            path: store.path().to_path_buf(),
        });
    }
    let spec = DemoSpec {
        seed,
        interactions,
        today: crate::clock::today(),
    };
    let data = demo::generate(spec, &config.vocab);
    store.clear_records()?;
    store.mark_demo(seed)?;
    store.insert_all(&data)
}

/// The `doctor` report: everything useful to understand an installation, in plain words;
/// `false` when the store exists but cannot be opened.
pub fn doctor(config: &Config, overrides: &Overrides, env: &Env, i18n: &I18n) -> (String, bool) {
    use std::fmt::Write;
    let mut out = String::new();
    let data_dir = config::paths::data_dir(overrides, env);
    let line = |out: &mut String, label: &str, value: String| {
        let _ = writeln!(out, "{:<28} {value}", i18n.t(label));
    };
    let _ = writeln!(out, "Carnet {}", env!("CARGO_PKG_VERSION"));
    line(&mut out, "doctor-data-dir", data_dir.display().to_string());
    line(
        &mut out,
        "doctor-demo-dir",
        config::paths::demo_dir(overrides, env)
            .display()
            .to_string(),
    );
    line(
        &mut out,
        "doctor-config",
        config
            .file
            .as_ref()
            .map_or_else(|| i18n.t("doctor-config-none"), |p| p.display().to_string()),
    );
    line(&mut out, "doctor-lang", config.lang.code().to_string());
    let r = &config.referentiel;
    line(
        &mut out,
        "doctor-referentiel",
        format!(
            "{} — {} ({} CCP, {} compétences){}",
            r.id,
            r.title(config.lang),
            r.ccp.len(),
            r.competences().count(),
            config
                .referentiel_file
                .as_ref()
                .map(|p| format!(" [{}]", p.display()))
                .unwrap_or_default()
        ),
    );
    line(
        &mut out,
        "doctor-presentation",
        match &config.presentation {
            Some(text) => i18n.t_args(
                "doctor-presentation-given",
                &[arg("chars", text.chars().count())],
            ),
            None => i18n.t("doctor-presentation-missing"),
        },
    );
    line(
        &mut out,
        "doctor-term",
        env.get("TERM").unwrap_or("-").to_string(),
    );
    line(
        &mut out,
        "doctor-colorterm",
        env.get("COLORTERM").unwrap_or("-").to_string(),
    );
    line(
        &mut out,
        "doctor-theme",
        if config.mono(env) {
            i18n.t("doctor-theme-mono")
        } else {
            i18n.t("doctor-theme-color")
        },
    );
    line(
        &mut out,
        "doctor-no-color",
        if env.get("NO_COLOR").is_some() {
            i18n.t("yes")
        } else {
            i18n.t("no")
        },
    );

    let _ = writeln!(out);
    if !storage::store_dir(&data_dir).exists() {
        line(&mut out, "doctor-store", i18n.t("doctor-store-missing"));
        return (out, true);
    }
    if let Some(owner) = StoreLock::holder(&data_dir) {
        line(
            &mut out,
            "doctor-lock",
            i18n.t_args(
                "doctor-locked-by",
                &[
                    arg("user", owner.user),
                    arg("host", owner.host),
                    arg("pid", owner.pid),
                ],
            ),
        );
        return (out, true);
    }
    line(&mut out, "doctor-lock", i18n.t("doctor-unlocked"));
    let foreign = storage::foreign_entries(&data_dir);
    if !foreign.is_empty() {
        line(
            &mut out,
            "doctor-foreign",
            i18n.t_args(
                "doctor-foreign-value",
                &[
                    arg("count", foreign.len()),
                    arg("names", foreign.join(", ")),
                ],
            ),
        );
    }
    let backups = storage::backup::list(&data_dir);
    let today = crate::clock::today();
    let backups_line = match backups.last() {
        None if config.backups.enabled() => i18n.t("doctor-backups-none"),
        None => i18n.t("doctor-backups-off"),
        Some(newest) => {
            let mut text = i18n.t_args(
                "doctor-backups-value",
                &[
                    arg("count", backups.len()),
                    arg("date", newest.taken.format("%d/%m/%Y %H:%M").to_string()),
                    arg("days", (today - newest.taken.date()).num_days().max(0)),
                    arg(
                        "path",
                        storage::backup::dir(&data_dir).display().to_string(),
                    ),
                ],
            );
            for b in backups.iter().rev() {
                // Under the value column (28 for the label, one space).
                text.push_str(&format!(
                    "\n{:<29}{} · {:.1} MiB",
                    "",
                    b.path
                        .file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default(),
                    b.bytes as f64 / 1_048_576.0
                ));
            }
            text
        }
    };
    line(&mut out, "doctor-backups", backups_line);
    let opened = match Store::open(&data_dir) {
        Err(e) if storage::cannot_write(&e) => {
            line(&mut out, "doctor-read-only", i18n.t("warn-read-only"));
            Store::open_read_only(&data_dir)
        }
        other => other,
    };
    let store = match opened {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(out, "{}", store_failure(i18n, &e).message);
            let _ = writeln!(
                out,
                "{}",
                i18n.t_args(
                    "doctor-cannot-open",
                    &[arg("path", data_dir.display().to_string())]
                )
            );
            return (out, false);
        }
    };
    if !store.recovered().is_empty() {
        line(
            &mut out,
            "doctor-recovered",
            crate::i18n::recovered(i18n, store.recovered()),
        );
    }
    let (aside, count) = storage::set_aside(&data_dir);
    if count > 0 {
        line(
            &mut out,
            "doctor-set-aside",
            i18n.t_args(
                "doctor-set-aside-value",
                &[
                    arg("count", count),
                    arg("path", aside.display().to_string()),
                ],
            ),
        );
    }
    if let Ok(info) = store.info() {
        line(
            &mut out,
            "doctor-schema",
            i18n.t_args(
                "doctor-schema-value",
                &[
                    arg("version", info.schema_version),
                    arg("supported", storage::SCHEMA_VERSION),
                    arg("by", info.created_by),
                ],
            ),
        );
        line(
            &mut out,
            "doctor-size",
            format!("{:.1} MiB", info.size_on_disk as f64 / 1_048_576.0),
        );
        if let Some(seed) = info.demo_seed {
            line(
                &mut out,
                "doctor-demo",
                i18n.t_args("doctor-demo-seed", &[arg("seed", seed)]),
            );
        }
    }
    match store.load() {
        Ok((data, failures)) => {
            let _ = writeln!(out, "\n{}", i18n.t("doctor-counts"));
            for &kind in RecordKind::ALL {
                let _ = writeln!(
                    out,
                    "  {:<26} {}",
                    i18n.t(&format!("kind-{}", kind.name())),
                    data.count(kind)
                );
            }
            let _ = writeln!(out);
            if failures.is_empty() {
                let _ = writeln!(out, "{}", i18n.t("doctor-no-decode-failures"));
            } else {
                let _ = writeln!(
                    out,
                    "{}",
                    i18n.t_args("doctor-decode-failures", &[arg("count", failures.len())])
                );
                for f in &failures {
                    let _ = writeln!(out, "  {} / {} : {}", f.tree, f.key, f.reason);
                }
            }
            let unknown = crate::app::unknown_ids(&data, config);
            if unknown.is_empty() {
                let _ = writeln!(out, "{}", i18n.t("doctor-no-unknown-ids"));
            } else {
                let _ = writeln!(
                    out,
                    "{}",
                    i18n.t_args("doctor-unknown-ids", &[arg("count", unknown.len())])
                );
                for (list, id, uses) in unknown {
                    let _ = writeln!(out, "  {list} : {id} ({uses})");
                }
            }
        }
        Err(e) => {
            let _ = writeln!(out, "{}", store_failure(i18n, &e).message);
            return (out, false);
        }
    }
    (out, true)
}
