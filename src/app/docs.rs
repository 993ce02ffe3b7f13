//! Documentation (CCP2.C1): the plan de classement, restoring a fiche's revision, folder
//! imports and the "à revoir" rules.

use super::form::{Field, Form, Purpose};
use crate::config::Config;
use crate::domain::*;
use chrono::NaiveDate;

pub fn node_form(code: Option<Text>, parent: Option<Text>, label: &str) -> Form {
    let title = if code.is_some() {
        "form-rename-node"
    } else {
        "form-new-node"
    };
    Form::new(
        Purpose::PlanNode { code, parent },
        title,
        vec![Field::text("libelle", label).required()],
    )
}

/// A readable, unique id for a new node: the parent's id and the label's words.
pub fn new_node_code(plan: &crate::domain::Vocabulary, parent: Option<&str>, label: &str) -> Text {
    let words: String = crate::domain::text::fold(label)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4)
        .collect::<Vec<_>>()
        .join("_");
    let stem = match parent {
        Some(p) => format!("{p}.{words}"),
        None => {
            if words.is_empty() {
                "noeud".to_string()
            } else {
                words
            }
        }
    };
    let mut code = stem.clone();
    let mut n = 2;
    while plan.contains(&code) {
        code = format!("{stem}_{n}");
        n += 1;
    }
    code.into()
}

pub fn import_form() -> Form {
    Form::new(
        Purpose::ImportFolder,
        "form-import-folder",
        vec![Field::text("dossier", "").required()],
    )
}

/// Restores the text of revision `k` as the current body; the text it replaces becomes a
/// new revision, so nothing is lost.
pub fn restore(f: &Fiche, k: usize, now: Timestamp, summary: String) -> Option<Fiche> {
    let old = f.revisions.get(k)?;
    let mut restored = f.clone();
    restored.revisions.push(Revision {
        date: now,
        resume: summary.into(),
        contenu_precedent: f.contenu.clone(),
    });
    restored.contenu = old.contenu_precedent.clone();
    restored.meta.updated_at = now;
    Some(restored)
}

/// The text the fiche had after revision `k` (the next revision's previous text, or the
/// current body for the last one).
pub fn text_after(f: &Fiche, k: usize) -> &str {
    f.revisions
        .get(k + 1)
        .map_or(f.contenu.as_str(), |r| r.contenu_precedent.as_str())
}

/// "2 créées, 1 mise à jour, …" for the CLI and the status line.
pub fn import_summary(
    i18n: &crate::i18n::I18n,
    r: &crate::export::markdown::ImportReport,
) -> String {
    use crate::i18n::arg;
    i18n.t_args(
        "docs-imported",
        &[
            arg("created", r.created),
            arg("updated", r.updated),
            arg("unchanged", r.unchanged),
            arg("conflicts", r.conflicts.len()),
            arg("problems", r.problems.len()),
        ],
    )
}

/// A file the folder import skipped, and why, in the UI language.
pub fn problem_text(i18n: &crate::i18n::I18n, p: &crate::export::markdown::FileProblem) -> String {
    use crate::export::markdown::{FileIssue, ParseError as E};
    use crate::i18n::arg;
    let detail = match &p.issue {
        FileIssue::Parse(e) => match e {
            E::NoFrontMatter => i18n.t("docs-issue-no-front"),
            E::FrontNotClosed => i18n.t("docs-issue-front-open"),
            E::BadLine { line } => i18n.t_args("docs-issue-bad-line", &[arg("line", *line)]),
            E::UnknownKey { line, key } => i18n.t_args(
                "docs-issue-unknown-key",
                &[arg("line", *line), arg("key", key.clone())],
            ),
            E::BadDate { key, value } => i18n.t_args(
                "docs-issue-bad-date",
                &[arg("key", *key), arg("value", value.clone())],
            ),
            E::BadId { value } => i18n.t_args("docs-issue-bad-id", &[arg("value", value.clone())]),
            E::BadNumber { key, value } => i18n.t_args(
                "docs-issue-bad-number",
                &[arg("key", *key), arg("value", value.clone())],
            ),
            E::NoTitle => i18n.t("docs-issue-no-title"),
        },
        FileIssue::Link => i18n.t("docs-issue-link"),
        FileIssue::NotRegular => i18n.t("docs-issue-not-regular"),
        FileIssue::TooLarge { limit } => {
            i18n.t_args("docs-issue-too-large", &[arg("mib", limit / (1024 * 1024))])
        }
        FileIssue::NotUtf8 => i18n.t("docs-issue-not-utf8"),
        FileIssue::Io { kind, message } => i18n.io_detail_of(*kind, message),
    };
    i18n.t_args(
        "docs-bad-file",
        &[
            arg("file", p.file.display().to_string()),
            arg("detail", detail),
        ],
    )
}

/// Why a fiche needs a new look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    /// Its planned review date has passed (by so many days).
    Due(i64),
    /// Marked "à revoir".
    Marked,
    /// A linked structure changed after the fiche was last verified.
    StructureChanged,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewRow {
    pub fiche: usize,
    pub reason: Review,
    pub urgency: i64,
}

pub fn review_rows(data: &Dataset, today: NaiveDate) -> Vec<ReviewRow> {
    let mut rows = Vec::new();
    for (i, f) in data.fiches.iter().enumerate() {
        if let Some(d) = f.date_revision
            && d < today
        {
            let days = (today - d).num_days();
            rows.push(ReviewRow {
                fiche: i,
                reason: Review::Due(days),
                urgency: days,
            });
        } else if f.statut == "a_revoir" {
            rows.push(ReviewRow {
                fiche: i,
                reason: Review::Marked,
                urgency: 30,
            });
        } else {
            let verified = f.date_verification.map(|d| {
                d.and_hms_opt(23, 59, 59)
                    .map_or(0, |t| t.and_utc().timestamp_millis())
            });
            let changed = f
                .structures
                .iter()
                .filter_map(|l| l.id)
                .filter_map(|id| data.structure(id))
                .any(|s| verified.is_none_or(|v| s.meta.updated_at.0 > v));
            if changed && verified.is_some() {
                rows.push(ReviewRow {
                    fiche: i,
                    reason: Review::StructureChanged,
                    urgency: 15,
                });
            }
        }
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.urgency));
    rows
}

/// Merges a documentation folder into the fiches, as both the `i` key and `carnet import
/// DIR` do: files without a classement go under the plan's first node; conflicts and
/// imports are noted in the revisions in the UI language.
pub fn merge_folder(
    data: &Dataset,
    files: crate::export::markdown::FolderFiles,
    config: &Config,
    i18n: &crate::i18n::I18n,
    now: Timestamp,
    ids: &mut IdGen,
) -> crate::export::markdown::ImportReport {
    let default_node = config
        .vocab
        .plan_classement
        .entries
        .first()
        .map(|e| e.id.clone())
        .unwrap_or_default();
    crate::export::markdown::merge(
        data,
        files,
        now,
        ids,
        &default_node,
        &i18n.t("revision-conflict"),
        &i18n.t("revision-import"),
    )
}
