//! Encryption at rest from the command line: `carnet encrypt`, `carnet decrypt`, and the
//! passphrase every command asks before opening an encrypted store (`CARNET_PASSPHRASE` for
//! scripts).

use super::*;
use crate::storage::{Encryption, crypt};

/// The shortest passphrase accepted: a lost laptop gives an attacker all the time they want.
const MIN_PASSPHRASE_CHARS: usize = 10;

/// Gets the passphrase of an encrypted store in `dir` before anything opens it: from
/// `CARNET_PASSPHRASE`, else asked on the terminal.
pub(super) fn provide_passphrase(i18n: &I18n, env: &Env, dir: &Path) -> Result<(), Failure> {
    if !storage::is_encrypted(dir) {
        return Ok(());
    }
    provide_backup_passphrase(i18n, env)
}

/// The run's passphrase, if not given yet: `CARNET_PASSPHRASE`, else asked on the terminal
/// (an encrypted store's, or an encrypted backup's being restored).
pub(super) fn provide_backup_passphrase(i18n: &I18n, env: &Env) -> Result<(), Failure> {
    if crypt::passphrase().is_some() {
        return Ok(());
    }
    let passphrase = match env.get("CARNET_PASSPHRASE") {
        Some(p) => p.to_string(),
        None => runtime::terminal::read_secret(&i18n.t("ask-passphrase"))
            .map_err(|_| Failure::new(EXIT_USAGE, i18n.t("err-backup-passphrase-needed")))?,
    };
    crypt::set_passphrase(passphrase);
    Ok(())
}

/// A new passphrase: `CARNET_NEW_PASSPHRASE` (or `CARNET_PASSPHRASE` for a plain store), else
/// typed twice.
fn new_passphrase(i18n: &I18n, env: &Env, encrypted: bool) -> Result<String, Failure> {
    let from_env = env
        .get("CARNET_NEW_PASSPHRASE")
        .or_else(|| (!encrypted).then(|| env.get("CARNET_PASSPHRASE")).flatten());
    let passphrase = match from_env {
        Some(p) => p.to_string(),
        None => {
            let ask = |id: &str| {
                runtime::terminal::read_secret(&i18n.t(id))
                    .map_err(|_| Failure::new(EXIT_USAGE, i18n.t("err-passphrase-needed")))
            };
            let first = ask("ask-new-passphrase")?;
            if ask("ask-new-passphrase-again")? != first {
                return Err(Failure::new(EXIT_USAGE, i18n.t("err-passphrase-mismatch")));
            }
            first
        }
    };
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Failure::new(
            EXIT_USAGE,
            i18n.t_args("err-passphrase-short", &[arg("min", MIN_PASSPHRASE_CHARS)]),
        ));
    }
    Ok(passphrase)
}

/// `carnet encrypt`: the store and its backups encrypted under a passphrase (or a new
/// passphrase for an encrypted one).
pub(super) fn encrypt(i18n: &I18n, env: &Env, dir: &Path) -> Result<(), Failure> {
    let encrypted = storage::is_encrypted(dir);
    let passphrase = new_passphrase(i18n, env, encrypted)?;
    let started = Instant::now();
    Store::rebuild_with(dir, Encryption::Encrypt(passphrase.clone()), |_| {})
        .map_err(|e| store_failure(i18n, &e))?;
    crypt::set_passphrase(passphrase);
    let key = Store::open(dir)
        .map_err(|e| store_failure(i18n, &e))?
        .backup_key();
    let backups = personne::rewrite_backups(i18n, dir, &|_| {}, key.as_ref())?;
    say!(
        "{}",
        i18n.t_args(
            "encrypt-done",
            &[
                arg("backups", backups),
                arg("seconds", format!("{:.1}", started.elapsed().as_secs_f64())),
            ]
        )
    );
    Ok(())
}

/// `carnet decrypt`: the store and its backups back to plain files.
pub(super) fn decrypt(i18n: &I18n, dir: &Path) -> Result<(), Failure> {
    if !storage::is_encrypted(dir) {
        say!("{}", i18n.t("decrypt-already"));
        return Ok(());
    }
    Store::rebuild_with(dir, Encryption::Decrypt, |_| {}).map_err(|e| store_failure(i18n, &e))?;
    let backups = personne::rewrite_backups(i18n, dir, &|_| {}, None)?;
    say!(
        "{}",
        i18n.t_args("decrypt-done", &[arg("backups", backups)])
    );
    Ok(())
}
