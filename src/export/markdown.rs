//! Team sharing of the documentation as a folder of Markdown files: one file per fiche, a
//! folder per plan de classement node, a small front matter (`key: value` lines between
//! `---`). A team can keep the folder in git. Reading it back detects fiches changed on both
//! sides since the last exchange: both versions are kept, nothing is overwritten silently.

use crate::domain::*;
use chrono::NaiveDate;
use std::path::PathBuf;

const FRONT: &str = "---";

fn slug(title: &str) -> String {
    let out = crate::domain::text::slug(title, 60);
    if out.is_empty() { "fiche".into() } else { out }
}

/// A value on one front-matter line: newlines and leading/trailing spaces would break it.
fn one(value: &str) -> String {
    crate::domain::text::one_line(value)
}

fn list(values: &[Text]) -> String {
    values.iter().map(|v| one(v)).collect::<Vec<_>>().join(", ")
}

/// The relative path and text of each fiche's file.
pub fn export(data: &Dataset, plan_path: &dyn Fn(&str) -> Vec<String>) -> Vec<(PathBuf, String)> {
    data.fiches
        .iter()
        .map(|f| {
            let mut path: PathBuf = plan_path(&f.classement).iter().collect();
            path.push(format!("{}--{}.md", slug(&f.titre), f.meta.id));
            let date = |d: Option<NaiveDate>| {
                d.map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default()
            };
            let sources = f
                .sources
                .iter()
                .map(|s| {
                    format!("{} <{}> {}", one(&s.titre), one(&s.url), date(s.consultee))
                        .trim()
                        .to_string()
                })
                .collect::<Vec<_>>();
            let mut text = String::new();
            text.push_str(FRONT);
            text.push('\n');
            for (key, value) in [
                ("id", f.meta.id.to_string()),
                ("titre", one(&f.titre)),
                ("type", one(&f.type_fiche)),
                ("thematiques", list(&f.thematiques)),
                ("classement", one(&f.classement)),
                ("statut", one(&f.statut)),
                ("verification", date(f.date_verification)),
                ("revision_prevue", date(f.date_revision)),
                ("revision", f.revisions.len().to_string()),
                (
                    "structures",
                    f.structures
                        .iter()
                        .map(|l| one(&l.nom).replace(',', " "))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ] {
                text.push_str(&format!("{key}: {value}\n"));
            }
            for s in sources {
                text.push_str(&format!("source: {s}\n"));
            }
            text.push_str(FRONT);
            text.push_str("\n\n");
            // A fiche is read in editors and terminals: no escape sequence reaches them.
            let contenu = crate::domain::text::sanitize_document(&f.contenu);
            text.push_str(&contenu);
            if !contenu.ends_with('\n') {
                text.push('\n');
            }
            (path, text)
        })
        .collect()
}

/// A fiche as read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub id: Option<Id>,
    pub titre: Text,
    pub type_fiche: Text,
    pub thematiques: Vec<Text>,
    pub classement: Text,
    pub statut: Text,
    pub verification: Option<NaiveDate>,
    pub revision_prevue: Option<NaiveDate>,
    /// The number of revisions the fiche had when the file was written.
    pub revision: usize,
    pub sources: Vec<SourceDoc>,
    pub contenu: Text,
}

/// What is wrong with a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// The file does not start with `---`.
    NoFrontMatter,
    /// The front matter has no closing `---`.
    FrontNotClosed,
    /// A front-matter line without `key: value`.
    BadLine {
        line: usize,
    },
    UnknownKey {
        line: usize,
        key: String,
    },
    BadDate {
        key: &'static str,
        value: String,
    },
    BadId {
        value: String,
    },
    BadNumber {
        key: &'static str,
        value: String,
    },
    NoTitle,
}

/// Why a file of the folder was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileIssue {
    Parse(ParseError),
    /// A symlink: only what is really inside the folder is read.
    Link,
    /// A FIFO, device or socket named like a fiche.
    NotRegular,
    /// Over the size bound, in bytes.
    TooLarge {
        limit: u64,
    },
    NotUtf8,
    /// The system's error (a folder or file that cannot be read).
    Io {
        kind: std::io::ErrorKind,
        message: String,
    },
}

/// The files of a folder (relative paths) with what each parsed to.
pub type FolderFiles = Vec<(PathBuf, Result<Imported, FileIssue>)>;

/// A file that was not imported, for the import report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub file: PathBuf,
    pub issue: FileIssue,
}

/// A value quoted in an error: short, so a hostile file cannot flood the report.
fn quoted(value: &str) -> String {
    const MAX: usize = 60;
    let value = crate::domain::text::one_line(value);
    if value.chars().count() > MAX {
        value.chars().take(MAX).chain(['…']).collect()
    } else {
        value
    }
}

pub fn parse(text: &str) -> Result<Imported, ParseError> {
    let text = text.replace("\r\n", "\n");
    let rest = text
        .strip_prefix("---\n")
        .ok_or(ParseError::NoFrontMatter)?;
    let (front, body) = rest
        .split_once("\n---\n")
        .or_else(|| rest.split_once("\n---"))
        .ok_or(ParseError::FrontNotClosed)?;
    let mut f = Imported {
        id: None,
        titre: Text::default(),
        type_fiche: "fiche_pratique".into(),
        thematiques: Vec::new(),
        classement: Text::default(),
        statut: "brouillon".into(),
        verification: None,
        revision_prevue: None,
        revision: 0,
        sources: Vec::new(),
        contenu: body.trim_start_matches('\n').trim_end().into(),
    };
    let date = |key: &'static str, v: &str| -> Result<Option<NaiveDate>, ParseError> {
        if v.is_empty() {
            Ok(None)
        } else {
            NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| ParseError::BadDate {
                    key,
                    value: quoted(v),
                })
        }
    };
    for (n, line) in front.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or(ParseError::BadLine { line: n + 2 })?;
        let value = value.trim();
        match key.trim() {
            "id" => {
                f.id = Some(value.parse().map_err(|_| ParseError::BadId {
                    value: quoted(value),
                })?)
            }
            "titre" => f.titre = value.into(),
            "type" => f.type_fiche = value.into(),
            "thematiques" => {
                f.thematiques = value
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(Text::from)
                    .collect()
            }
            "classement" => f.classement = value.into(),
            "statut" => f.statut = value.into(),
            "verification" => f.verification = date("verification", value)?,
            "revision_prevue" => f.revision_prevue = date("revision_prevue", value)?,
            "revision" => {
                f.revision = value.parse().map_err(|_| ParseError::BadNumber {
                    key: "revision",
                    value: quoted(value),
                })?
            }
            "structures" => {}
            "source" => {
                let (titre, rest) = value.split_once('<').unwrap_or((value, ""));
                let (url, when) = rest.split_once('>').unwrap_or(("", ""));
                f.sources.push(SourceDoc {
                    titre: titre.trim().into(),
                    url: url.trim().into(),
                    consultee: date("source", when.trim())?,
                });
            }
            other => {
                return Err(ParseError::UnknownKey {
                    line: n + 2,
                    key: quoted(other),
                });
            }
        }
    }
    if f.titre.trim().is_empty() {
        return Err(ParseError::NoTitle);
    }
    Ok(f)
}

/// What reading a folder did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Changed on both sides since the last exchange: titles.
    pub conflicts: Vec<Text>,
    pub problems: Vec<FileProblem>,
    /// The fiches to save (new or changed).
    pub fiches: Vec<Fiche>,
}

/// The text a fiche had when it had `n` revisions.
fn text_at(f: &Fiche, n: usize) -> &str {
    f.revisions
        .get(n)
        .map_or(f.contenu.as_str(), |r| r.contenu_precedent.as_str())
}

/// Merges the files into the fiches. `ids` hands out ids for new fiches.
pub fn merge(
    data: &Dataset,
    files: FolderFiles,
    now: Timestamp,
    ids: &mut IdGen,
    default_node: &str,
    conflict_note: &str,
    import_note: &str,
) -> ImportReport {
    let mut report = ImportReport::default();
    // Fiche ids already read from this folder, with where their fiche is in the report.
    let mut seen: std::collections::HashMap<Id, Option<usize>> = Default::default();
    for (file, parsed) in files {
        let imported = match parsed {
            Ok(i) => i,
            Err(issue) => {
                report.problems.push(FileProblem { file, issue });
                continue;
            }
        };
        if let Some(id) = imported.id
            && let Some(&slot) = seen.get(&id)
        {
            // Two files carry the same fiche (a copy edited apart): the first was merged,
            // the second's text is kept in the history, as in any conflict.
            let at = match slot {
                Some(at) => at,
                None => {
                    let Ok(i) = data.fiches.binary_search_by_key(&id, |f| f.meta.id) else {
                        continue;
                    };
                    report.fiches.push(data.fiches[i].clone());
                    report.fiches.len() - 1
                }
            };
            seen.insert(id, Some(at));
            let f = &mut report.fiches[at];
            if f.contenu == imported.contenu {
                report.unchanged += 1;
            } else {
                f.revisions.push(Revision {
                    date: now,
                    resume: conflict_note.into(),
                    contenu_precedent: imported.contenu,
                });
                f.meta.updated_at = now;
                report.conflicts.push(f.titre.clone());
            }
            continue;
        }
        let before = report.fiches.len();
        if let Some(id) = imported.id {
            seen.insert(id, None);
        }
        let file_id = imported.id;
        let existing = imported
            .id
            .and_then(|id| data.fiches.binary_search_by_key(&id, |f| f.meta.id).ok());
        match existing {
            None => {
                let id = ids.next(now.0);
                let mut meta = RecordMeta::new(id, now);
                meta.evidence = Vec::new();
                report.created += 1;
                report.fiches.push(Fiche {
                    meta,
                    titre: imported.titre,
                    type_fiche: imported.type_fiche,
                    thematiques: imported.thematiques,
                    contenu: imported.contenu,
                    sources: imported.sources,
                    classement: if imported.classement.is_empty() {
                        default_node.into()
                    } else {
                        imported.classement
                    },
                    statut: imported.statut,
                    date_verification: imported.verification,
                    date_revision: imported.revision_prevue,
                    revisions: Vec::new(),
                    structures: Vec::new(),
                });
            }
            Some(i) => {
                let local = &data.fiches[i];
                let same_body = local.contenu == imported.contenu;
                let same_meta = local.titre == imported.titre
                    && local.statut == imported.statut
                    && local.classement == imported.classement
                    && local.thematiques == imported.thematiques
                    && local.date_revision == imported.revision_prevue
                    && local.date_verification == imported.verification
                    && local
                        .sources
                        .iter()
                        .map(|s| (&s.titre, &s.url))
                        .eq(imported.sources.iter().map(|s| (&s.titre, &s.url)));
                if same_body && same_meta {
                    report.unchanged += 1;
                    continue;
                }
                let at_export = text_at(local, imported.revision.min(local.revisions.len()));
                let file_changed = imported.contenu.as_str() != at_export;
                let local_changed = local.contenu.as_str() != at_export;
                let mut f = local.clone();
                if file_changed && local_changed && !same_body {
                    // Both sides wrote: keep the local text current and the file's as a
                    // revision that can be restored.
                    f.revisions.push(Revision {
                        date: now,
                        resume: conflict_note.into(),
                        contenu_precedent: imported.contenu.clone(),
                    });
                    report.conflicts.push(f.titre.clone());
                } else if !file_changed && local_changed {
                    // Only this side changed since the exchange: the file has nothing new.
                    report.unchanged += 1;
                    continue;
                } else {
                    if !same_body {
                        f.revisions.push(Revision {
                            date: now,
                            resume: import_note.into(),
                            contenu_precedent: f.contenu.clone(),
                        });
                        f.contenu = imported.contenu;
                    }
                    f.titre = imported.titre;
                    f.statut = imported.statut;
                    if !imported.classement.is_empty() {
                        f.classement = imported.classement;
                    }
                    f.thematiques = imported.thematiques;
                    f.date_revision = imported.revision_prevue;
                    f.date_verification = imported.verification;
                    f.sources = imported.sources;
                    report.updated += 1;
                }
                f.meta.updated_at = now;
                report.fiches.push(f);
            }
        }
        if let Some(id) = file_id
            && report.fiches.len() > before
        {
            seen.insert(id, Some(before));
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fiche(id: u64, contenu: &str) -> Fiche {
        Fiche {
            meta: RecordMeta::new(Id(id), Timestamp(0)),
            titre: "Fiche test".into(),
            type_fiche: "fiche_pratique".into(),
            thematiques: vec!["logement".into()],
            contenu: contenu.into(),
            sources: vec![SourceDoc {
                titre: "Service-Public".into(),
                url: "https://www.service-public.fr".into(),
                consultee: NaiveDate::from_ymd_opt(2026, 1, 2),
            }],
            classement: "acces_droits".into(),
            statut: "validee".into(),
            date_verification: NaiveDate::from_ymd_opt(2026, 1, 2),
            date_revision: None,
            revisions: Vec::new(),
            structures: Vec::new(),
        }
    }

    fn round(data: &Dataset) -> FolderFiles {
        export(data, &|node| vec![node.to_string()])
            .into_iter()
            .map(|(p, t)| (p, parse(&t).map_err(FileIssue::Parse)))
            .collect()
    }

    fn merge_files(data: &Dataset, files: FolderFiles) -> ImportReport {
        merge(
            data,
            files,
            Timestamp(10),
            &mut IdGen::after(Some(Id(100))),
            "acces_droits",
            "conflit",
            "import",
        )
    }

    #[test]
    fn an_exported_folder_reads_back_unchanged() {
        let data = Dataset {
            fiches: vec![fiche(1, "# Titre\n\nTexte")],
            ..Dataset::default()
        };
        let files = round(&data);
        assert_eq!(
            files[0].0,
            PathBuf::from("acces_droits/fiche-test--0000000000000001.md")
        );
        let report = merge_files(&data, files);
        assert_eq!(
            (report.unchanged, report.updated, report.created),
            (1, 0, 0)
        );
        assert!(report.conflicts.is_empty());
    }

    #[test]
    fn one_side_changed_updates_both_sides_changed_is_a_conflict_kept_as_revision() {
        let data = Dataset {
            fiches: vec![fiche(1, "v1")],
            ..Dataset::default()
        };
        let mut files = round(&data);
        if let Ok(i) = &mut files[0].1 {
            i.contenu = "v2 (équipe)".into();
        }
        // Only the file changed: the fiche takes it, the old text is a revision.
        let report = merge_files(&data, files.clone());
        assert_eq!(report.updated, 1);
        assert_eq!(report.fiches[0].contenu, "v2 (équipe)");
        assert_eq!(report.fiches[0].revisions[0].contenu_precedent, "v1");
        // Both changed: the local text stays, the file's is kept as a revision, listed.
        let mut local = data.clone();
        local.fiches[0].revisions.push(Revision {
            date: Timestamp(5),
            resume: "moi".into(),
            contenu_precedent: "v1".into(),
        });
        local.fiches[0].contenu = "v2 (moi)".into();
        let report = merge_files(&local, files);
        assert_eq!(report.conflicts, vec![Text::from("Fiche test")]);
        assert_eq!(report.fiches[0].contenu, "v2 (moi)");
        assert_eq!(
            report.fiches[0].revisions.last().unwrap().contenu_precedent,
            "v2 (équipe)"
        );
        // Only the local side changed: the file has nothing new.
        let unchanged = round(&data);
        let report = merge_files(&local, unchanged);
        assert_eq!(report.unchanged, 1);
        assert!(report.fiches.is_empty());
    }

    #[test]
    fn two_files_with_the_same_fiche_keep_both_texts_as_a_conflict() {
        let data = Dataset {
            fiches: vec![fiche(1, "v1")],
            ..Dataset::default()
        };
        let mut files = round(&data);
        let mut copy = files[0].clone();
        if let Ok(i) = &mut files[0].1 {
            i.contenu = "v2 (Amina)".into();
        }
        copy.0 = PathBuf::from("copie.md");
        if let Ok(i) = &mut copy.1 {
            i.contenu = "v2 (Karim)".into();
        }
        files.push(copy);
        let report = merge_files(&data, files);
        assert_eq!((report.updated, report.conflicts.len()), (1, 1));
        assert_eq!(report.fiches.len(), 1, "one fiche, not two");
        let f = &report.fiches[0];
        assert_eq!(f.contenu, "v2 (Amina)");
        let kept: Vec<&str> = f
            .revisions
            .iter()
            .map(|r| r.contenu_precedent.as_str())
            .collect();
        assert_eq!(kept, ["v1", "v2 (Karim)"], "no text is lost");

        // The same when the first copy changed nothing, and for a fiche new to this store.
        let mut files = round(&data);
        let mut copy = files[0].clone();
        if let Ok(i) = &mut copy.1 {
            i.contenu = "v2 (Karim)".into();
        }
        files.push(copy.clone());
        let report = merge_files(&data, files);
        assert_eq!((report.unchanged, report.conflicts.len()), (1, 1));
        assert_eq!(
            report.fiches[0].revisions[0].contenu_precedent,
            "v2 (Karim)"
        );
        let mut first = copy.clone();
        if let Ok(i) = &mut first.1 {
            i.contenu = "autre".into();
        }
        let report = merge_files(&Dataset::default(), vec![first, copy]);
        assert_eq!((report.created, report.conflicts.len()), (1, 1));
        assert_eq!(report.fiches.len(), 1);
        assert_eq!(
            report.fiches[0].revisions[0].contenu_precedent,
            "v2 (Karim)"
        );
    }

    #[test]
    fn malformed_front_matter_is_reported_by_name() {
        use ParseError as E;
        let long = "k".repeat(500);
        for (text, expected) in [
            ("pas de front matter".to_string(), E::NoFrontMatter),
            ("---\ntitre: x\n".into(), E::FrontNotClosed),
            ("---\ntitre x\n---\n".into(), E::BadLine { line: 2 }),
            (
                "---\ntitre: x\ncouleur: bleu\n---\n".into(),
                E::UnknownKey {
                    line: 3,
                    key: "couleur".into(),
                },
            ),
            (
                format!("---\n{long}: x\n---\n"),
                E::UnknownKey {
                    line: 2,
                    key: format!("{}…", "k".repeat(60)),
                },
            ),
            (
                "---\nid: zz\ntitre: x\n---\n".into(),
                E::BadId { value: "zz".into() },
            ),
            (
                "---\ntitre: x\nverification: 2026-13-01\n---\n".into(),
                E::BadDate {
                    key: "verification",
                    value: "2026-13-01".into(),
                },
            ),
            ("---\ntype: fiche_pratique\n---\n".into(), E::NoTitle),
        ] {
            assert_eq!(parse(&text), Err(expected), "{text:?}");
        }
    }
}
