//! Documentation (CCP2.C1): fiches through the form engine, their revisions and the
//! "à revoir" rules.

use super::form::{
    Field, FieldKind, Form, Options, Purpose, RefList, Value, evidence_fields, read_evidence,
};
use crate::config::Config;
use crate::domain::text::one_line;
use crate::domain::validate::Validate;
use crate::domain::*;
use chrono::NaiveDate;

/// Sources as the form shows them: one per line, "Titre — https://adresse".
fn sources_text(sources: &[SourceDoc]) -> String {
    sources
        .iter()
        .map(|s| {
            if s.url.is_empty() {
                s.titre.to_string()
            } else {
                format!("{} — {}", s.titre, s.url)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A web address people can open: http(s), a host with a dot, no spaces.
pub fn is_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !r.chars().any(char::is_whitespace)
    })
}

/// Reads "Titre — https://adresse" lines; the address is the last word when it looks like
/// one. Known titles keep their consultation date; new ones are dated `today`.
fn parse_sources(
    text: &str,
    old: &[SourceDoc],
    today: NaiveDate,
) -> Result<Vec<SourceDoc>, String> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (titre, url) = match line.rsplit_once(char::is_whitespace) {
            Some((t, u)) if u.contains("://") || u.starts_with("www.") => {
                (t.trim().trim_end_matches(['—', '-', ':']).trim(), u)
            }
            _ if line.contains("://") => ("", line),
            _ => (line, ""),
        };
        if !url.is_empty() && !is_url(url) {
            return Err(url.to_string());
        }
        let titre = if titre.is_empty() { url } else { titre };
        let consultee = old
            .iter()
            .find(|s| s.titre == titre && s.url == url)
            .map_or(Some(today), |s| s.consultee);
        out.push(SourceDoc {
            titre: titre.into(),
            url: url.into(),
            consultee,
        });
    }
    Ok(out)
}

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

pub fn fiche_form(f: &Fiche, is_new: bool, config: &Config) -> Form {
    let mut fields = vec![
        Field::text("titre", &f.titre).required(),
        Field::choice(
            "type_fiche",
            Options::Vocab("types_fiche"),
            Some(f.type_fiche.clone()).filter(|t| !t.is_empty()),
        )
        .required(),
        Field::choice(
            "classement",
            Options::Vocab("plan_classement"),
            Some(f.classement.clone()).filter(|t| !t.is_empty()),
        )
        .required(),
        Field::multi(
            "thematiques",
            Options::Vocab("thematiques"),
            f.thematiques.clone(),
        ),
        Field::choice(
            "statut_fiche",
            Options::Vocab("statuts_fiche"),
            Some(f.statut.clone()).filter(|t| !t.is_empty()),
        )
        .required(),
        Field::multiline("contenu", &f.contenu),
        Field::multiline("sources_fiche", &sources_text(&f.sources)),
        Field::refs(
            "structures_liees",
            RefList::Structures,
            f.structures
                .iter()
                .filter_map(|l| l.id)
                .map(|id| Text::from(id.to_string()))
                .collect(),
        ),
        Field::typed(
            "verifiee",
            FieldKind::Date,
            &crate::domain::text::opt_date(f.date_verification),
        ),
        Field::typed(
            "revision_prevue",
            FieldKind::Date,
            &crate::domain::text::opt_date(f.date_revision),
        ),
    ];
    if !is_new {
        fields.push(Field::text("resume_revision", ""));
    }
    // Writing or revising a fiche shows CCP2.C1 and info_tools (the référentiel's
    // « enrichir la documentation » competences): suggested
    // whenever the fiche has no evidence yet, not only when it is new.
    fields.extend(evidence_fields(
        &f.meta.evidence,
        &super::kinds::suggest(config, true, RecordKind::Fiche),
    ));
    Form::new(
        Purpose::Fiche {
            base: Box::new(f.clone()),
            is_new,
        },
        if is_new {
            "form-new-fiche"
        } else {
            "form-edit-fiche"
        },
        fields,
    )
}

/// Reads a fiche; a changed body records a revision with the summary the form asks for.
pub fn read_fiche(
    form: &mut Form,
    data: &Dataset,
    today: NaiveDate,
    now: Timestamp,
) -> Option<Fiche> {
    let Purpose::Fiche { base, is_new } = &form.purpose else {
        return None;
    };
    let (base, is_new) = (base.clone(), *is_new);
    form.check_required();
    let raw = |form: &Form, id: &str| {
        form.value(id)
            .map(|v| v.text().trim().to_string())
            .unwrap_or_default()
    };
    let mut dates = [None, None];
    for (k, id) in ["verifiee", "revision_prevue"].iter().enumerate() {
        let text = raw(form, id);
        if !text.is_empty() {
            match parse::date(&text, today) {
                Ok(d) => dates[k] = Some(d),
                Err(e) => form.set_error(id, e),
            }
        }
    }
    let mut f = (*base).clone();
    match parse_sources(
        form.value("sources_fiche").map_or("", Value::text),
        &base.sources,
        today,
    ) {
        Ok(sources) => f.sources = sources,
        Err(_) => form.set_error("sources_fiche", "err-url"),
    }
    let contenu: Text = form
        .value("contenu")
        .map(|v| v.text().trim_end().to_string())
        .unwrap_or_default()
        .into();
    let resume = one_line(&raw(form, "resume_revision"));
    let body_changed = !is_new && contenu != base.contenu;
    if body_changed && resume.is_empty() {
        form.set_error("resume_revision", "err-revision-summary");
    }
    if form.focus_first_error() {
        return None;
    }
    f.titre = one_line(&raw(form, "titre")).into();
    f.type_fiche = form
        .value("type_fiche")
        .and_then(|v| v.choice().cloned())
        .unwrap_or_default();
    f.classement = form
        .value("classement")
        .and_then(|v| v.choice().cloned())
        .unwrap_or_default();
    f.thematiques = form
        .value("thematiques")
        .map(|v| v.multi().to_vec())
        .unwrap_or_default();
    f.statut = form
        .value("statut_fiche")
        .and_then(|v| v.choice().cloned())
        .unwrap_or_default();
    f.structures = Lien::relink(
        form.ids("structures_liees"),
        |id| data.structure(id).map(|s| s.nom.clone()),
        &base.structures,
    );
    f.date_verification = dates[0];
    f.date_revision = dates[1];
    if body_changed {
        f.revisions.push(Revision {
            date: now,
            resume: resume.into(),
            contenu_precedent: base.contenu.clone(),
        });
    }
    f.contenu = contenu;
    f.meta.evidence = read_evidence(form, &base.meta.evidence, today);
    f.meta.updated_at = now;
    f.normalize();
    for e in f.validate() {
        form.set_error(e.field, e.message);
    }
    if form.focus_first_error() {
        None
    } else {
        Some(f)
    }
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

impl super::kinds::Kind for Fiche {
    const EVIDENCE: bool = true;

    fn form(&self, is_new: bool, ctx: &super::kinds::Ctx) -> Option<Form> {
        Some(fiche_form(self, is_new, ctx.config))
    }

    fn summary(&self, _: &super::kinds::Ctx) -> Option<(chrono::NaiveDate, String)> {
        Some((super::kinds::created(&self.meta)?, self.titre.to_string()))
    }
}

impl super::kinds::Kind for PlanNode {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_source_lines() {
        assert!(is_url("https://www.service-public.fr/particuliers"));
        assert!(is_url("http://caf.fr"));
        for bad in [
            "www.caf.fr",
            "https://caf",
            "https://exa mple.fr",
            "ftp://x.fr",
            "https://.fr",
        ] {
            assert!(!is_url(bad), "{bad}");
        }
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let s = parse_sources(
            "Service-Public — https://www.service-public.fr\nGuide papier",
            &[],
            today,
        )
        .unwrap();
        assert_eq!(
            (s[0].titre.as_str(), s[0].url.as_str()),
            ("Service-Public", "https://www.service-public.fr")
        );
        assert_eq!(
            (s[1].titre.as_str(), s[1].url.as_str()),
            ("Guide papier", "")
        );
        assert_eq!(
            parse_sources("Site — https://caf", &[], today),
            Err("https://caf".to_string())
        );
    }
}
