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
    Note(NoteArgs),
    /// Export the store
    Export {
        /// What to export: everything (json), the journal (csv), the network directory (csv),
        /// the network's contacts (vcard), the documentation (md, a folder), the coverage
        /// matrix (md, html or csv), the Dossier Professionnel (md, html or docx), the
        /// bilan (json, csv, md, html or xlsx), the fiches projet (md, html or docx)
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
        /// CSV separator: "," ";" or "tab" (default: separateur_csv in the configuration)
        #[arg(long, value_name = "SEP", value_parser = separator)]
        sep: Option<char>,
        /// Bilan: first day (29/11/2026, 1/11, -30…)
        #[arg(long, value_name = "DATE")]
        du: Option<String>,
        /// Bilan: last day, included (default: today)
        #[arg(long, value_name = "DATE")]
        au: Option<String>,
        /// Bilan without dates: this semaine, mois (default), trimestre or annee
        #[arg(long, value_name = "PERIODE")]
        par: Option<String>,
        /// Projets: only this one, by its id or a part of its title (default: all)
        #[arg(long, value_name = "ID")]
        id: Option<String>,
    },
    /// Load a JSON export into an empty store, or read a documentation folder (Markdown)
    Import { path: PathBuf },
    /// Restore a backup (sauvegardes/carnet-….json.gz) or a JSON export into an empty store
    Restore { backup: PathBuf },
    /// Check the installation, the configuration and the store
    Doctor,
    /// What Carnet holds about a suivi code: export it, or erase it
    Suivi {
        #[command(subcommand)]
        action: SuiviCommand,
    },
    /// Anonymise the records past the retention period (shows what would change without --apply)
    Retention {
        /// Anonymise, after a backup
        #[arg(long)]
        apply: bool,
        /// Do it without asking
        #[arg(long)]
        yes: bool,
    },
    /// Rebuild the store from its live records, so that nothing removed stays in its files
    Compact,
    /// Encrypt the store and its backups under a passphrase (or change the passphrase)
    Encrypt,
    /// Store the values in plain files again
    Decrypt,
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
    /// Print a completion script for a shell (bash, zsh, fish, elvish, powershell)
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff), in the UI language
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Vcard,
    Md,
    Html,
    Docx,
    Xlsx,
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
    Bilan,
    Projets,
}

/// Prints a line on standard output. Every line the command line prints goes through here
/// or `warn!`: names and values read from data (a file name, an imported id) are stripped
/// of control characters, so they can never drive the user's terminal.
macro_rules! say {
    ($($arg:tt)*) => {
        crate::cli::output::out(
            format!("{}\n", crate::domain::text::sanitize(&format!($($arg)*), true)).as_bytes(),
        )
    };
}

/// The same on standard error.
macro_rules! warn {
    ($($arg:tt)*) => {
        crate::cli::output::err(
            format!("{}\n", crate::domain::text::sanitize(&format!($($arg)*), true)).as_bytes(),
        )
    };
}

// After the macros: the commands print through them.
mod bench;
mod chiffrement;
mod doctor;
mod note;
pub mod output;
mod personne;
pub mod remote;
mod transfer;

use bench::*;
pub use doctor::doctor;
pub use note::NoteArgs;
use note::*;
use personne::SuiviCommand;
pub use transfer::plan_path;
use transfer::*;

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
                arg("detail", e.detail.message(i18n)),
            ],
        ),
        None => i18n.t_args(
            "err-config",
            &[
                arg("file", e.file.display().to_string()),
                arg("detail", e.detail.message(i18n)),
            ],
        ),
    };
    Failure::new(EXIT_USAGE, message)
}

/// « depuis le 02/12/2026 à 14:05 », local time, when the lock says when it was taken.
fn locked_since(i18n: &I18n, since: Option<i64>) -> String {
    since
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map(|at| at.with_timezone(&chrono::Local).naive_local())
        .map_or(String::new(), |at| {
            i18n.t_args(
                "locked-since",
                &[
                    arg("date", at.format("%d/%m/%Y").to_string()),
                    arg("time", at.format("%H:%M").to_string()),
                ],
            )
        })
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
                    arg("since", locked_since(i18n, owner.since)),
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
        StoreError::Encrypted { .. } => Failure::new(EXIT_USAGE, i18n.t("err-passphrase-needed")),
        StoreError::WrongPassphrase { .. } => {
            Failure::new(EXIT_USAGE, i18n.t("err-wrong-passphrase"))
        }
        StoreError::NoRoom {
            path,
            needed,
            available,
        } => Failure::new(
            EXIT_OTHER,
            i18n.t_args(
                "err-no-room",
                &[
                    arg("path", path.display().to_string()),
                    arg("needed", format!("{:.1}", *needed as f64 / 1_000_000.0)),
                    arg(
                        "available",
                        format!("{:.1}", *available as f64 / 1_000_000.0),
                    ),
                ],
            ),
        ),
        StoreError::Unreadable { count, .. } => Failure::new(
            EXIT_OTHER,
            i18n.t_args("err-unreadable-records", &[arg("count", *count)]),
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

/// The store a served command works on: the one the open interface holds, or its own.
enum Opened<'a> {
    Own(Box<Store>),
    Held(&'a Store),
}

impl std::ops::Deref for Opened<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        match self {
            Opened::Own(store) => store,
            Opened::Held(store) => store,
        }
    }
}

/// The held store when there is one (a command served by the open interface), else the
/// store of `dir`; a command that only reads (`reading`) finds it, when nothing can be
/// written where it lives (a full disk), in a temporary copy, so the data can still get out.
fn open_or_held<'a>(
    i18n: &I18n,
    dir: &Path,
    reading: bool,
    held: Option<&'a Store>,
) -> Result<Opened<'a>, Failure> {
    match held {
        Some(store) => Ok(Opened::Held(store)),
        None => open_store_with(i18n, dir, reading).map(|s| Opened::Own(Box::new(s))),
    }
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

/// The language a command line asks for with `--lang`, looked for by hand: help and usage
/// errors come before parsing.
fn asked_lang(args: &[std::ffi::OsString]) -> Option<Lang> {
    args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        let value = a
            .strip_prefix("--lang=")
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).and_then(|v| v.to_str()))?)?;
        Lang::parse(value)
    })
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
    let i18n = I18n::new(asked_lang(&args).unwrap_or_else(|| env.locale_lang()));
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
    // Where the store is, for a command the open interface may run instead.
    let served = cli.command.as_ref().is_some_and(remote::served);
    let dir = config::paths::data_dir(
        &Overrides {
            config_file: cli.config.clone(),
            lang: lang_flag,
            data_dir: cli.data_dir.clone(),
        },
        &env,
    );
    // Held by an open interface: it runs the command (`doctor` included, which would
    // otherwise only report the lock); with no interface answering, the command runs here
    // and meets the lock as before.
    let held = served && StoreLock::holder(&dir).is_some();
    if held
        && output::can_ask()
        && let Some(Command::Export {
            what: ExportWhat::Dossier,
            identity,
            ..
        }) = &cli.command
    {
        // The cover's identity is asked here, on the user's own terminal, as it would be.
        args.extend(remote::identity_args(&ask_identity(
            &i18n,
            identity.clone(),
        )));
    }
    let forwarded = held
        .then(|| remote::forward(&i18n, &args, &env, &dir))
        .flatten();
    let result = match forwarded {
        Some(result) => result,
        None => run(cli, lang_flag, &env, None).map(|()| 0),
    };
    let code = match result {
        Ok(code) => ExitCode::from(code),
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
            let sub_path = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}-{name}")
            };
            cmd = cmd.mut_subcommand(&name, |sub| localize(sub, i18n, &sub_path));
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

/// Runs a parsed command line. `held` is the store of an open interface serving the command
/// for another terminal (`remote`); the command then neither opens the store nor asks for
/// its passphrase.
fn run(cli: Cli, lang_flag: Option<Lang>, env: &Env, held: Option<&Store>) -> Result<(), Failure> {
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
    // An encrypted store's passphrase is asked once, before anything opens it.
    let dir = match cli.command {
        Some(Command::Demo { .. }) => config::paths::demo_dir(&overrides, env),
        _ => config::paths::data_dir(&overrides, env),
    };
    if held.is_none() {
        chiffrement::provide_passphrase(&i18n, env, &dir)?;
    }
    match cli.command {
        None => {
            let dir = config::paths::data_dir(&overrides, env);
            let store = Store::open_interactive(&dir).map_err(|e| store_failure(&i18n, &e))?;
            require_terminal(&i18n)?;
            open_tui(config, store, env, false, &i18n)
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
            open_tui(config, store, env, true, &i18n)
        }
        Some(Command::Suivi { action }) => {
            let dir = config::paths::data_dir(&overrides, env);
            personne::suivi(&i18n, &config, &dir, action, held)
        }
        Some(Command::Retention { apply, yes }) => {
            let dir = config::paths::data_dir(&overrides, env);
            personne::retention(&i18n, &config, &dir, apply, yes, held)
        }
        Some(Command::Compact) => {
            let dir = config::paths::data_dir(&overrides, env);
            personne::compact(&i18n, &dir)
        }
        Some(Command::Encrypt) => chiffrement::encrypt(&i18n, env, &dir),
        Some(Command::Decrypt) => chiffrement::decrypt(&i18n, &dir),
        Some(Command::Note(note)) => {
            let dir = config::paths::data_dir(&overrides, env);
            let store = open_or_held(&i18n, &dir, false, held)?;
            let quiet = note.quiet;
            let id = quick_note(&store, &config, &i18n, note)?;
            if quiet {
                say!("{id}");
            } else {
                say!(
                    "{}",
                    i18n.t_args("note-saved", &[arg("id", id.to_string())])
                );
            }
            Ok(())
        }
        Some(Command::Export {
            what,
            format,
            output,
            identity,
            accept_warnings,
            sep,
            du,
            au,
            par,
            id,
        }) => {
            let mut config = config;
            if let Some(sep) = sep {
                config.csv_separator = sep;
            }
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
                        ExportWhat::Dossier | ExportWhat::Projets,
                        ExportFormat::Md | ExportFormat::Html | ExportFormat::Docx
                    )
                    | (
                        ExportWhat::Bilan,
                        ExportFormat::Json
                            | ExportFormat::Csv
                            | ExportFormat::Md
                            | ExportFormat::Html
                            | ExportFormat::Xlsx
                    )
            );
            if !combination {
                return Err(Failure::new(EXIT_USAGE, i18n.t("err-export-combination")));
            }
            let dir = config::paths::data_dir(&overrides, env);
            let store = open_or_held(&i18n, &dir, true, held)?;
            let whole_document = format == ExportFormat::Json
                && !matches!(
                    what,
                    ExportWhat::Documentation
                        | ExportWhat::Dossier
                        | ExportWhat::Projets
                        | ExportWhat::Bilan
                );
            if whole_document {
                // Streamed from the store: each record decoded as it is written, so the
                // document of 100 000 interactions, and its records, never sit in memory.
                let records = store.streamed();
                transfer::stream_output(&i18n, output.as_deref(), &mut |out| {
                    json::write_records(out, &records, true)
                })?;
                if records.failures() > 0 {
                    warn!(
                        "{}",
                        i18n.t_args("warn-decode-failures", &[arg("count", records.failures())])
                    );
                }
                return Ok(());
            }
            // An export that needs a few kinds reads only those.
            use crate::domain::RecordKind as K;
            let needs: Option<&[K]> = match what {
                ExportWhat::Contacts => Some(&[K::Structure, K::Contact]),
                ExportWhat::Documentation => Some(&[K::Fiche, K::PlanNode]),
                ExportWhat::Dossier => {
                    Some(&[K::Exemple, K::Profil, K::Structure, K::Contact, K::Suivi])
                }
                _ => None,
            };
            let loaded = match needs {
                Some(kinds) => store.load_only(kinds),
                None => store.load(),
            };
            let (data, failures) = loaded.map_err(|e| store_failure(&i18n, &e))?;
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
            if what == ExportWhat::Projets {
                return transfer::export_projets(
                    &data,
                    &config,
                    &i18n,
                    format,
                    output,
                    id.as_deref(),
                    accept_warnings,
                );
            }
            if what == ExportWhat::Bilan {
                let (periode, tranche) =
                    bilan_period(&i18n, du.as_deref(), au.as_deref(), par.as_deref())?;
                return transfer::export_bilan(
                    &data, &config, &i18n, periode, tranche, format, output,
                );
            }
            let text = match (what, format) {
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
            import_all(&i18n, &dir, &data, None)
        }
        Some(Command::Restore { backup }) => {
            let dir = config::paths::data_dir(&overrides, env);
            // An encrypted backup restores into an encrypted store, under its passphrase.
            let sealed = crate::files::read_regular_bytes(&backup, MAX_EXPORT_BYTES)
                .is_ok_and(|head| storage::crypt::is_sealed_file(&head));
            if sealed {
                chiffrement::provide_backup_passphrase(&i18n, env)?;
            }
            let data = read_export(&i18n, &backup)?;
            let passphrase = storage::crypt::passphrase().filter(|_| sealed);
            import_all(&i18n, &dir, &data, passphrase.as_deref())
        }
        Some(Command::Doctor) => {
            let (report, healthy) = doctor(&config, &overrides, env, &i18n, held);
            say!("{}", report.trim_end());
            if healthy {
                Ok(())
            } else {
                Err(Failure::new(EXIT_OTHER, i18n.t("doctor-unhealthy")))
            }
        }
        Some(Command::Bench { interactions, seed }) => bench(&config, &i18n, interactions, seed),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut localized_command(&i18n), "carnet", &mut out);
            write_output(&i18n, None, &out)
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            clap_mangen::Man::new(localized_command(&i18n))
                .render(&mut out)
                .map_err(|e| Failure::new(EXIT_OTHER, e.to_string()))?;
            write_output(&i18n, None, &out)
        }
        Some(Command::BenchOpen { dir }) => {
            let f = runtime::bench::open_and_draw(&dir, config).map_err(|e| {
                Failure::new(EXIT_OTHER, i18n.t_args("err-store", &[arg("detail", e)]))
            })?;
            say!("{}", f.to_line());
            Ok(())
        }
    }
}

/// The bilan's period from `--du`, `--au` and `--par` (dates as the forms take them).
fn bilan_period(
    i18n: &I18n,
    du: Option<&str>,
    au: Option<&str>,
    par: Option<&str>,
) -> Result<
    (
        crate::domain::bilan::Period,
        crate::domain::bilan::PeriodKind,
    ),
    Failure,
> {
    use crate::domain::bilan::{Period, PeriodKind};
    let today = crate::clock::today();
    let date =
        |flag: &str, text: &str| parsed(i18n, flag, text, crate::domain::parse::date(text, today));
    let du = du.map(|d| date("--du", d)).transpose()?;
    let au = au.map(|d| date("--au", d)).transpose()?;
    let kind = match par {
        None => None,
        Some(p) => Some(PeriodKind::parse(p).ok_or_else(|| {
            Failure::new(
                EXIT_USAGE,
                i18n.t_args(
                    "err-note-value",
                    &[
                        arg("flag", "--par"),
                        arg("value", p.to_string()),
                        arg("detail", "semaine, mois, trimestre, annee".to_string()),
                    ],
                ),
            )
        })?),
    };
    // With dates, --par cuts the activity; without, it names the current period to count.
    let period = match (du, au) {
        (Some(du), Some(au)) => Period::range(du, au),
        (Some(du), None) => Period::range(du, today),
        (None, Some(au)) => Period::range(
            Period::containing(kind.unwrap_or(PeriodKind::Mois), au).du,
            au,
        ),
        (None, None) => {
            let period = Period::containing(kind.unwrap_or(PeriodKind::Mois), today);
            return Ok((period, period.slice_kind()));
        }
    };
    Ok((period, kind.unwrap_or_else(|| period.slice_kind())))
}

/// `--sep`: the separators `parse_separator` knows (clap says which value it refused).
fn separator(text: &str) -> Result<char, String> {
    crate::export::csv::parse_separator(text).ok_or_else(|| "\",\" \";\" tab".to_string())
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

/// Runs the interface on `store`; after a clean quit, a store left with removed values in
/// its files (a deletion, an erasure, an anonymisation) is rebuilt, once the interface has
/// let go of it.
fn open_tui(
    config: Config,
    store: Store,
    env: &Env,
    demo: bool,
    i18n: &I18n,
) -> Result<(), Failure> {
    let mono = config.mono(env);
    let mut app = App::loading(config, crate::clock::now_local());
    // The badge says what the store is, however it was opened (`--data-dir` on a demo too).
    app.demo = demo || store.info().is_ok_and(|info| info.demo_seed.is_some());
    let ended = runtime::run_tui(app, &store, crate::ui::Theme::new(mono), &remote::serve)
        .map_err(|e| {
            Failure::new(
                EXIT_OTHER,
                i18n.t_args("err-terminal", &[arg("detail", e.to_string())]),
            )
        })?;
    let data_dir = store.data_dir().to_path_buf();
    drop(store);
    match ended {
        runtime::Ended::Quit => {
            if storage::rebuild_due(&data_dir) {
                warn!("{}", i18n.t("rebuild-in-progress"));
                if let Err(e) = Store::rebuild(&data_dir, |_| {}) {
                    // Nothing is lost: the store is as the session left it, and the next
                    // end of session (or `carnet compact`) tries again.
                    warn!("{}", store_failure(i18n, &e).message);
                }
            }
            Ok(())
        }
        // Ended by a signal: no message, the status says it (128 + the signal).
        signal => Err(Failure::new(signal.exit_code(), String::new())),
    }
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
        now: crate::clock::now_local(),
    };
    let data = demo::generate(spec, &config.vocab);
    store.clear_records()?;
    store.mark_demo(seed)?;
    store.insert_all(&data)
}
