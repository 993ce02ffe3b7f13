//! The rights of the person and the retention limit from the command line: `carnet suivi
//! export|erase CODE`, `carnet retention [--apply]`, and `carnet compact`, which rebuilds
//! the store so that nothing removed stays in its files.

use super::*;
use crate::domain::personne;
use crate::domain::text::date;
use crate::domain::*;
use crate::storage::audit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuiviFormat {
    Md,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum SuiviCommand {
    /// Write everything Carnet holds about a suivi code (right of access)
    Export {
        code: String,
        /// Output file (standard output without it)
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = SuiviFormat::Md)]
        format: SuiviFormat,
    },
    /// Erase every record of a suivi code, in the store and in the backups (right to erasure)
    Erase {
        code: String,
        /// Erase without asking
        #[arg(long)]
        yes: bool,
    },
}

/// Asks a yes/no question on the terminal; `--yes` answers it. Without a terminal and
/// without `--yes`, nothing is done.
fn confirm(i18n: &I18n, question: &str, yes: bool) -> Result<bool, Failure> {
    use std::io::{BufRead, Write};
    if yes {
        return Ok(true);
    }
    if !super::output::can_ask() {
        return Err(Failure::new(EXIT_USAGE, i18n.t("err-needs-yes")));
    }
    eprint!("{question} {} ", i18n.t("confirm-yes-no"));
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
    Ok(matches!(
        crate::domain::text::fold(line.trim()).as_str(),
        "o" | "oui" | "y" | "yes"
    ))
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_000_000.0)
}

/// `carnet compact`: the store rebuilt from its live records.
pub(super) fn compact(i18n: &I18n, dir: &Path) -> Result<(), Failure> {
    let started = Instant::now();
    let rebuilt = Store::rebuild(dir, |_| {}).map_err(|e| store_failure(i18n, &e))?;
    say!(
        "{}",
        i18n.t_args(
            "compact-done",
            &[
                arg("before", megabytes(rebuilt.before)),
                arg("after", megabytes(rebuilt.after)),
                arg("seconds", format!("{:.1}", started.elapsed().as_secs_f64())),
            ]
        )
    );
    Ok(())
}

/// The suivi `code`, or a message saying there is none.
fn find(i18n: &I18n, data: &Dataset, code: &str) -> Result<Id, Failure> {
    personne::find_suivi(data, code)
        .map(|s| s.meta.id)
        .ok_or_else(|| {
            Failure::new(
                EXIT_USAGE,
                i18n.t_args("err-no-suivi", &[arg("code", code.to_string())]),
            )
        })
}

pub(super) fn suivi(
    i18n: &I18n,
    config: &Config,
    dir: &Path,
    command: SuiviCommand,
    held: Option<&Store>,
) -> Result<(), Failure> {
    match command {
        SuiviCommand::Export {
            code,
            output,
            format,
        } => {
            let store = open_or_held(i18n, dir, true, held)?;
            let (data, _) = store.load().map_err(|e| store_failure(i18n, &e))?;
            let id = find(i18n, &data, &code)?;
            let Some(about) = personne::about_suivi(&data, id) else {
                return Err(Failure::new(EXIT_OTHER, String::new()));
            };
            let bytes = match format {
                SuiviFormat::Json => {
                    let mut json = serde_json::to_vec_pretty(&about).unwrap_or_default();
                    json.push(b'\n');
                    json
                }
                SuiviFormat::Md => {
                    crate::export::acces::markdown(i18n, config, &about, crate::clock::today())
                        .into_bytes()
                }
            };
            write_output(i18n, output.as_deref(), &bytes)
        }
        SuiviCommand::Erase { code, yes } => {
            let (id, about, backup_key) = {
                let store = open_store(i18n, dir)?;
                let (data, _) = store.load().map_err(|e| store_failure(i18n, &e))?;
                let id = find(i18n, &data, &code)?;
                (id, personne::about_suivi(&data, id), store.backup_key())
            };
            let Some(about) = about else {
                return Err(Failure::new(EXIT_OTHER, String::new()));
            };
            let linked = about.analyses.len() + about.evenements.len() + about.exemples.len();
            say!(
                "{}",
                i18n.t_args(
                    "erase-preview",
                    &[
                        arg("code", about.suivi.code.to_string()),
                        arg("interactions", about.interactions.len()),
                    ]
                )
            );
            if linked > 0 {
                say!(
                    "{}",
                    i18n.t_args("erase-preview-linked", &[arg("linked", linked)])
                );
            }
            if !confirm(i18n, &i18n.t("erase-confirm"), yes)? {
                say!("{}", i18n.t("erase-cancelled"));
                return Ok(());
            }
            // The backups first: if this stops half-way, the store still holds the records
            // and the command can be run again.
            let rewritten = rewrite_backups(
                i18n,
                dir,
                &|d: &mut Dataset| {
                    personne::erase_suivi(d, id);
                },
                backup_key.as_ref(),
            )?;
            let mut erased = personne::Erased::default();
            Store::rebuild(dir, |d| erased = personne::erase_suivi(d, id))
                .map_err(|e| store_failure(i18n, &e))?;
            log(
                i18n,
                dir,
                audit::Operation::Erasure,
                &[
                    ("suivis", erased.suivis),
                    ("interactions", erased.interactions),
                    ("liens", erased.unlinked),
                    ("sauvegardes", rewritten),
                ],
            );
            say!(
                "{}",
                i18n.t_args(
                    "erase-done",
                    &[
                        arg("interactions", erased.interactions),
                        arg("backups", rewritten),
                    ]
                )
            );
            Ok(())
        }
    }
}

/// Rewrites every backup with `change` applied, sealed with `key` (or plain); a backup that
/// cannot be read is left as it is and named. Returns how many were rewritten.
pub(super) fn rewrite_backups(
    i18n: &I18n,
    dir: &Path,
    change: &dyn Fn(&mut Dataset),
    key: Option<&storage::crypt::PassphraseKey>,
) -> Result<usize, Failure> {
    let (rewritten, unreadable) = storage::backup::rewrite_all(dir, change, key)
        .map_err(|e| io_failure(i18n, &storage::backup::dir(dir), &e))?;
    for path in &unreadable {
        warn!(
            "{}",
            i18n.t_args(
                "warn-backup-unreadable",
                &[arg("path", path.display().to_string())]
            )
        );
    }
    Ok(rewritten)
}

/// Adds a count-only entry to the privacy log; a log that cannot be written is said, the
/// work done stays done.
fn log(i18n: &I18n, dir: &Path, operation: audit::Operation, counts: &[(&str, usize)]) {
    if let Err(e) = audit::append(dir, crate::clock::now_local(), operation, counts) {
        warn!(
            "{}",
            i18n.t_args(
                "warn-audit-log",
                &[
                    arg("path", dir.join(audit::FILE).display().to_string()),
                    arg("detail", i18n.io_detail(&e)),
                ]
            )
        );
    }
}

/// `carnet retention [--apply [--yes]]`: what is past the retention period, by kind and
/// year; anonymised with `--apply`, after a backup.
pub(super) fn retention(
    i18n: &I18n,
    config: &Config,
    dir: &Path,
    apply: bool,
    yes: bool,
    held: Option<&Store>,
) -> Result<(), Failure> {
    let today = crate::clock::today();
    let cutoff = personne::retention_cutoff(today, config.retention_months);
    // Applying keeps the store open until its backup is written from what was loaded here
    // (never served: `held` is for the dry run).
    let store = open_or_held(i18n, dir, !apply, held)?;
    let (data, failures) = store.load().map_err(|e| store_failure(i18n, &e))?;
    if apply && !failures.is_empty() {
        return Err(store_failure(
            i18n,
            &storage::StoreError::Unreadable {
                path: store.path().to_path_buf(),
                count: failures.len(),
            },
        ));
    }
    let plan = personne::retention_plan(&data, cutoff);
    say!(
        "{}",
        i18n.t_args(
            "retention-period",
            &[
                arg("months", config.retention_months),
                arg("cutoff", date(cutoff)),
            ]
        )
    );
    if plan.is_empty() {
        say!("{}", i18n.t("retention-nothing"));
        return Ok(());
    }
    for (kind, counts) in [
        ("retention-suivis", &plan.suivis),
        ("retention-interactions", &plan.interactions),
    ] {
        for (year, count) in counts {
            say!(
                "  {}",
                i18n.t_args(kind, &[arg("year", *year), arg("count", *count)])
            );
        }
    }
    if !apply {
        say!("{}", i18n.t("retention-how"));
        return Ok(());
    }
    if !confirm(i18n, &i18n.t("retention-confirm"), yes)? {
        say!("{}", i18n.t("erase-cancelled"));
        return Ok(());
    }
    if let Some(path) = store
        .backup_of(&data, config.backups)
        .map_err(|e| store_failure(i18n, &e))?
    {
        say!(
            "{}",
            i18n.t_args(
                "retention-backup",
                &[arg("path", path.display().to_string())]
            )
        );
    }
    drop(store);
    let mut applied = personne::RetentionPlan::default();
    Store::rebuild(dir, |d| applied = personne::apply_retention(d, cutoff))
        .map_err(|e| store_failure(i18n, &e))?;
    log(
        i18n,
        dir,
        audit::Operation::Retention,
        &[
            ("suivis", applied.suivi_count()),
            ("interactions", applied.interaction_count()),
        ],
    );
    say!(
        "{}",
        i18n.t_args(
            "retention-done",
            &[
                arg("suivis", applied.suivi_count()),
                arg("interactions", applied.interaction_count()),
            ]
        )
    );
    Ok(())
}
