//! Moving data in and out: the JSON export and import, the Dossier Professionnel, the
//! documentation folder.

use super::*;

/// The largest export file read: a store of 100,000 interactions exports to about 180 MB.
pub(super) const MAX_EXPORT_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Reads and checks a JSON export (or a backup, gzip-compressed), before anything is written.
pub(super) fn read_export(i18n: &I18n, path: &Path) -> Result<crate::domain::Dataset, Failure> {
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
    use storage::backup::DecodeError;
    let text = storage::backup::decode(&bytes, MAX_EXPORT_BYTES).map_err(|e| match e {
        DecodeError::NeedsPassphrase => Failure::new(
            EXIT_USAGE,
            i18n.t_args(
                "err-import-sealed",
                &[arg("path", path.display().to_string())],
            ),
        ),
        DecodeError::WrongPassphrase => {
            Failure::new(EXIT_USAGE, i18n.t("err-backup-wrong-passphrase"))
        }
        DecodeError::Compressed(detail) => {
            refused(i18n.t_args("err-import-gzip", &[arg("detail", detail)]))
        }
        DecodeError::TooLarge => refused(i18n.t("err-import-too-large")),
        DecodeError::NotUtf8 => refused(i18n.t("err-import-not-utf8")),
    })?;
    // What is not JSON at all is named for what it looks like, with what can be imported.
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if !start.starts_with('{') {
        let csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
            || start
                .lines()
                .next()
                .is_some_and(|l| l.contains([',', ';', '\t']));
        let markdown = start.starts_with("---") || start.starts_with('#');
        let id = if csv {
            "err-import-csv"
        } else if markdown {
            "err-import-markdown"
        } else {
            "err-import-not-json"
        };
        return Err(refused(i18n.t(id)));
    }
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

pub(super) fn json_error(i18n: &I18n, e: &json::JsonError) -> String {
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
            fault,
            ..
        } => i18n.t_args(
            "err-json-syntax",
            &[
                arg("line", *line),
                arg("column", *column),
                arg("detail", json_fault(i18n, fault)),
            ],
        ),
    }
}

/// The most columns of a field's name or value an import error shows.
const SHOWN_NAME_COLUMNS: usize = 60;

/// What is wrong where an import stops, in the interface's language: the parser's own
/// words are English only.
fn json_fault(i18n: &I18n, fault: &json::Fault) -> String {
    use crate::parse_fault::ParseFault;
    // Names and values come from the file: a line of a message, never a page of it.
    let cut = |text: &str| crate::ui::format::ellipsis(text, SHOWN_NAME_COLUMNS);
    let named = |id: &str, name: &str| i18n.t_args(id, &[arg("name", cut(name))]);
    match fault {
        json::Fault::Truncated => i18n.t("json-truncated"),
        json::Fault::NotJson => i18n.t("json-not-json"),
        json::Fault::Value(ParseFault::UnknownField(name)) => named("json-unknown-field", name),
        json::Fault::Value(ParseFault::MissingField(name)) => named("json-missing-field", name),
        json::Fault::Value(ParseFault::DuplicateField(name)) => named("json-duplicate-field", name),
        json::Fault::Value(ParseFault::UnknownValue { value, expected }) => i18n.t_args(
            "json-unknown-value",
            &[
                arg("value", cut(value)),
                arg("expected", crate::parse_fault::quoted_list(expected)),
            ],
        ),
        json::Fault::Value(ParseFault::WrongType(expected)) => i18n.t_args(
            "json-wrong-type",
            &[arg("expected", i18n.expected(expected))],
        ),
        json::Fault::Value(ParseFault::DateTime) => i18n.t("json-date-time"),
        json::Fault::Value(ParseFault::Other(_)) => i18n.t("json-unexpected"),
    }
}

/// Loads checked records into an empty store, all or nothing.
pub(super) fn import_all(
    i18n: &I18n,
    dir: &Path,
    data: &crate::domain::Dataset,
    encrypt_with: Option<&str>,
) -> Result<(), Failure> {
    Store::import(dir, data, encrypt_with).map_err(|e| store_failure(i18n, &e))?;
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
pub(super) fn export_dossier(
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
    // One refusal lists everything to review: the questions (no flag lets them through),
    // then the warnings not yet accepted.
    let questions = crate::app::dossier::unanswered_questions(data, config);
    let mut pending = crate::app::dossier::unaccepted_warnings(data, config);
    if accept_warnings {
        pending.clear();
    }
    if !questions.is_empty() || !pending.is_empty() {
        let where_ = |x: &crate::domain::Exemple, field: &str| {
            format!(
                "\n  {} · {} · {} : ",
                x.ccp.rsplit('/').next().unwrap_or_default(),
                crate::domain::text::one_line(&x.titre),
                i18n.t(&format!("field-{}", field.replace('_', "-"))),
            )
        };
        let mut parts = Vec::new();
        if !questions.is_empty() {
            let mut part = i18n.t_args("err-dp-questions", &[arg("count", questions.len())]);
            for (x, field, q) in &questions {
                part.push_str(&where_(x, field));
                part.push_str(q);
            }
            part.push('\n');
            part.push_str(&i18n.t("err-dp-questions-hint"));
            parts.push(part);
        }
        if !pending.is_empty() {
            let mut part = i18n.t_args("err-dp-warnings", &[arg("count", pending.len())]);
            for (x, w) in &pending {
                part.push_str(&where_(x, w.field));
                part.push_str(&format!(
                    "« {} » — {}",
                    crate::domain::text::one_line(&w.matched),
                    i18n.t(w.kind.message_id()),
                ));
            }
            part.push('\n');
            part.push_str(&i18n.t("err-dp-warnings-hint"));
            parts.push(part);
        }
        return Err(Failure::new(EXIT_OTHER, parts.join("\n\n")));
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
        now: crate::clock::now_local(),
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

/// The fiches projet (all, or the one `--id` names by id or title), once the
/// anonymisation gate of the Dossier lets them through.
pub(super) fn export_projets(
    data: &crate::domain::Dataset,
    config: &Config,
    i18n: &I18n,
    format: ExportFormat,
    output: Option<PathBuf>,
    wanted: Option<&str>,
    accept_warnings: bool,
) -> Result<(), Failure> {
    use crate::domain::Projet;
    if format == ExportFormat::Docx && output.is_none() {
        return Err(Failure::new(EXIT_USAGE, i18n.t("err-docx-needs-file")));
    }
    let listing = || {
        data.projets
            .iter()
            .map(|p| {
                format!(
                    "\n  {} · {}",
                    p.meta.id,
                    crate::domain::text::one_line(&p.titre)
                )
            })
            .collect::<String>()
    };
    let projets: Vec<&Projet> = match wanted {
        None => data.projets.iter().collect(),
        Some(wanted) => {
            let folded = crate::domain::text::fold(wanted.trim());
            let by_id: Vec<&Projet> = data
                .projets
                .iter()
                .filter(|p| p.meta.id.to_string() == wanted.trim())
                .collect();
            if by_id.is_empty() {
                data.projets
                    .iter()
                    .filter(|p| {
                        !folded.is_empty() && crate::domain::text::fold(&p.titre).contains(&folded)
                    })
                    .collect()
            } else {
                by_id
            }
        }
    };
    if projets.is_empty() {
        let id = if wanted.is_some() {
            "err-projet-unknown"
        } else {
            "err-no-projet"
        };
        return Err(Failure::new(
            EXIT_USAGE,
            i18n.t_args(
                id,
                &[
                    arg("id", wanted.unwrap_or_default().to_string()),
                    arg("list", listing()),
                ],
            ),
        ));
    }
    if wanted.is_some() && projets.len() > 1 {
        return Err(Failure::new(
            EXIT_USAGE,
            i18n.t_args(
                "err-projet-ambiguous",
                &[
                    arg("id", wanted.unwrap_or_default().to_string()),
                    arg("list", listing()),
                ],
            ),
        ));
    }
    let pending: Vec<(&Projet, crate::privacy::GuardWarning)> = projets
        .iter()
        .flat_map(|p| {
            crate::app::dossier::projet_warnings(data, config, p)
                .into_iter()
                .map(move |w| (*p, w))
        })
        .collect();
    if !pending.is_empty() && !accept_warnings {
        let mut message = i18n.t_args("err-projet-warnings", &[arg("count", pending.len())]);
        for (p, w) in &pending {
            message.push_str(&format!(
                "\n  {} · {} : « {} » — {}",
                crate::domain::text::one_line(&p.titre),
                i18n.t(&format!("field-{}", w.field.replace('_', "-"))),
                crate::domain::text::one_line(&w.matched),
                i18n.t(w.kind.message_id()),
            ));
        }
        message.push('\n');
        message.push_str(&i18n.t("err-projet-warnings-hint"));
        return Err(Failure::new(EXIT_OTHER, message));
    }
    let fiches = crate::export::projet::Fiches {
        data,
        config,
        i18n,
        today: crate::clock::today(),
    };
    let format = match format {
        ExportFormat::Docx => crate::export::dossier::Format::Docx,
        ExportFormat::Html => crate::export::dossier::Format::Html,
        _ => crate::export::dossier::Format::Markdown,
    };
    let bytes = fiches
        .render(&projets, format, crate::clock::now_local())
        .map_err(|detail| {
            Failure::new(
                EXIT_OTHER,
                i18n.t_args("err-docx", &[arg("detail", detail)]),
            )
        })?;
    write_output(i18n, output.as_deref(), &bytes)
}

/// The cover's identity: the flags, else asked on the terminal (never stored).
pub(super) fn ask_identity(i18n: &I18n, args: IdentityArgs) -> crate::export::dossier::Identity {
    use std::io::{BufRead, Write};
    let given = args.nom.is_some() || args.prenom.is_some() || args.adresse.is_some();
    let interactive = !given && super::output::can_ask();
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
pub(super) fn write_output(
    i18n: &I18n,
    output: Option<&Path>,
    bytes: &[u8],
) -> Result<(), Failure> {
    stream_output(i18n, output, &mut |out| out.write_all(bytes))
}

/// The same, the content streamed by `write` to the file or standard output.
pub(super) fn stream_output(
    i18n: &I18n,
    output: Option<&Path>,
    write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    match output {
        Some(path) => {
            crate::files::write_private_with(path, write).map_err(|e| io_failure(i18n, path, &e))
        }
        None => {
            super::output::out_with(write);
            Ok(())
        }
    }
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

pub(super) fn export_documentation(
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

pub(super) fn import_documentation(
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

/// `carnet export --what bilan`: the period counted now, with its written bilan if any.
pub(super) fn export_bilan(
    data: &crate::domain::Dataset,
    config: &Config,
    i18n: &I18n,
    periode: crate::domain::bilan::Period,
    tranche: crate::domain::bilan::PeriodKind,
    format: ExportFormat,
    output: Option<PathBuf>,
) -> Result<(), Failure> {
    use crate::export::bilan;
    if format == ExportFormat::Xlsx && output.is_none() {
        return Err(Failure::new(EXIT_USAGE, i18n.t("err-xlsx-needs-file")));
    }
    let today = crate::clock::today();
    let figures = crate::domain::bilan::compute_by(data, &config.vocab, periode, today, tranche);
    let written = crate::domain::bilan::written_for(data, periode);
    let format = match format {
        ExportFormat::Json => bilan::Format::Json,
        ExportFormat::Csv => bilan::Format::Csv,
        ExportFormat::Html => bilan::Format::Html,
        ExportFormat::Xlsx => bilan::Format::Xlsx,
        _ => bilan::Format::Markdown,
    };
    let bytes = bilan::render(format, &figures, written, config, i18n).map_err(|detail| {
        Failure::new(
            EXIT_OTHER,
            i18n.t_args("err-xlsx", &[arg("detail", detail)]),
        )
    })?;
    write_output(i18n, output.as_deref(), &bytes)
}
