//! Commands run by the open interface for another terminal (`runtime::remote` carries
//! them): the client side, which sends a command when the store is held, and the serving
//! side, which runs it with the interface's store through the same `run` as always.

use super::*;
use crate::runtime::Served;
use crate::runtime::remote::{self as socket, Answer, Request, SendError};

/// Whether the open interface runs this command for another terminal: the commands that
/// read, and `note`. What replaces or rewrites the store (import, restore, compact,
/// encrypt, an erasure, retention) still waits for the interface to close.
pub fn served(command: &Command) -> bool {
    match command {
        Command::Note(_) | Command::Export { .. } | Command::Doctor => true,
        // What would be anonymised, without doing it.
        Command::Retention { apply, .. } => !apply,
        Command::Suivi { action } => matches!(action, SuiviCommand::Export { .. }),
        _ => false,
    }
}

/// The cover's identity as the flags that give it (the ones filled in).
pub fn identity_args(identity: &crate::export::dossier::Identity) -> Vec<std::ffi::OsString> {
    [
        ("--nom", &identity.nom_naissance),
        ("--nom-usage", &identity.nom_usage),
        ("--prenom", &identity.prenom),
        ("--adresse", &identity.adresse),
        ("--fait-a", &identity.lieu),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .flat_map(|(flag, value)| [flag.into(), value.into()])
    .collect()
}

/// Sends the command line to the interface that holds `dir`'s store. `None` when no
/// interface listens there: the lock's message stands.
pub fn forward(
    i18n: &I18n,
    args: &[std::ffi::OsString],
    env: &Env,
    dir: &Path,
) -> Option<Result<u8, Failure>> {
    let args: Option<Vec<String>> = args
        .iter()
        .skip(1)
        .map(|a| a.to_str().map(str::to_string))
        .collect();
    let request = Request {
        version: socket::VERSION,
        // Arguments that are not text (a file name in another encoding) cannot be sent.
        args: args?,
        cwd: std::env::current_dir().ok()?,
        env: env.vars.clone(),
    };
    match socket::send(dir, &request) {
        Ok(answer) => {
            output::out(&answer.stdout);
            output::err(&answer.stderr);
            Some(Ok(answer.code))
        }
        Err(SendError::NoInterface | SendError::NotOurs) => None,
        Err(SendError::NotTaken) => Some(Err(Failure::new(
            EXIT_LOCKED,
            i18n.t("err-remote-not-taken"),
        ))),
        Err(SendError::Broken(e)) => Some(Err(Failure::new(
            EXIT_OTHER,
            i18n.t_args("err-remote-broken", &[arg("detail", e.to_string())]),
        ))),
    }
}

/// Runs a request from another terminal on the interface's store, its output kept for
/// the client; the records it wrote go to the interface.
pub fn serve(request: &Request, store: &Store) -> Served {
    let env = Env {
        vars: request.env.clone(),
    };
    let before = last_interaction(store);
    // The failure's message too is the client's, as `main` would print it.
    let (code, out) = output::captured(|| match run_request(request, &env, store) {
        Ok(()) => 0,
        Err(f) => {
            if !f.message.is_empty() {
                warn!("{}", f.message);
            }
            f.code
        }
    });
    let answer = Answer {
        code,
        stdout: out.stdout,
        stderr: out.stderr,
    };
    Served {
        answer,
        written: written_since(store, before),
    }
}

fn last_interaction(store: &Store) -> Option<crate::domain::Id> {
    store
        .last::<crate::domain::Interaction>()
        .ok()
        .flatten()
        .map(|i| i.meta.id)
}

/// The interaction a served `note` wrote, with the suivi it may have created.
fn written_since(
    store: &Store,
    before: Option<crate::domain::Id>,
) -> Vec<crate::domain::AnyRecord> {
    use crate::domain::{Interaction, Personnes, Record, Suivi};
    let Ok(Some(last)) = store.last::<Interaction>() else {
        return Vec::new();
    };
    if Some(last.meta.id) == before {
        return Vec::new();
    }
    let mut written = Vec::new();
    if let Personnes::Suivi(id) = last.personnes
        && let Ok(suivis) = store.all::<Suivi>()
        && let Some(suivi) = suivis.into_iter().find(|s| s.meta.id == id)
    {
        written.push(suivi.into_any());
    }
    written.push(last.into_any());
    written
}

fn run_request(request: &Request, env: &Env, store: &Store) -> Result<(), Failure> {
    let args: Vec<std::ffi::OsString> = std::iter::once("carnet".into())
        .chain(request.args.iter().map(Into::into))
        .collect();
    let i18n = I18n::new(asked_lang(&args).unwrap_or_else(|| env.locale_lang()));
    let cli = localized_command(&i18n)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
        .map_err(|e| Failure::new(EXIT_USAGE, e.to_string()))?;
    let mut cli = cli;
    if !cli.command.as_ref().is_some_and(served) {
        return Err(Failure::new(EXIT_LOCKED, i18n.t("err-remote-not-served")));
    }
    // Paths as the client meant them: from where it was typed.
    let resolve = |p: &mut Option<PathBuf>| {
        if let Some(path) = p
            && path.is_relative()
        {
            *path = request.cwd.join(&*path);
        }
    };
    resolve(&mut cli.data_dir);
    resolve(&mut cli.config);
    match &mut cli.command {
        Some(Command::Export { output, .. }) => resolve(output),
        Some(Command::Suivi {
            action: SuiviCommand::Export { output, .. },
        }) => resolve(output),
        _ => {}
    }
    // Only the carnet this interface holds.
    let overrides = Overrides {
        config_file: cli.config.clone(),
        lang: None,
        data_dir: cli.data_dir.clone(),
    };
    let asked = config::paths::data_dir(&overrides, env);
    let same = |p: &Path| std::fs::canonicalize(p).ok();
    if same(&asked).is_none() || same(&asked) != same(store.data_dir()) {
        return Err(Failure::new(EXIT_LOCKED, i18n.t("err-remote-other-carnet")));
    }
    let lang_flag = cli.lang.map(|l| match l {
        LangArg::Fr => Lang::Fr,
        LangArg::En => Lang::En,
    });
    run(cli, lang_flag, env, Some(store))
}
