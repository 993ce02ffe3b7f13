//! Evidence of one competence: the records linked to it, and the changes made from the
//! Compétences tab (open the record, add or remove a link, principale or secondaire).

use chrono::NaiveDate;

use super::picker::PickItem;
use crate::config::Config;
use crate::domain::*;

/// One link of a record to the competence, as listed (newest first).
#[derive(Debug, Clone, PartialEq)]
pub struct Linked {
    pub kind: RecordKind,
    pub id: Id,
    /// Position of the link in the record's `meta.evidence`.
    pub index: usize,
    pub date: NaiveDate,
    pub strength: Strength,
    pub summary: String,
    pub justification: Text,
}

/// The records linked to a (qualified) competence, newest first (by the link's date); at
/// most `limit` of them are summarised, and the total number of links comes along.
pub fn linked(
    data: &Dataset,
    config: &Config,
    l: Lang,
    competence: &str,
    limit: usize,
) -> (Vec<Linked>, usize) {
    let mut entries: Vec<(NaiveDate, RecordKind, Id, usize, &EvidenceLink)> = Vec::new();
    // Links of one record arrive together: count them to know each one's position.
    let mut previous: Option<(RecordKind, Id)> = None;
    let mut index = 0;
    for (kind, id, e) in data.evidence() {
        if previous == Some((kind, id)) {
            index += 1;
        } else {
            previous = Some((kind, id));
            index = 0;
        }
        let listed = !matches!(
            kind,
            RecordKind::PlanNode | RecordKind::Profil | RecordKind::Exemple
        );
        if listed && e.competence == competence {
            entries.push((e.date, kind, id, index, e));
        }
    }
    entries.sort_by(|a, b| b.0.cmp(&a.0).then(b.2.cmp(&a.2)));
    let total = entries.len();
    let out = entries
        .into_iter()
        .filter_map(|(_, kind, id, index, e)| {
            let (date, summary) = summary(data, config, l, kind, id)?;
            Some(Linked {
                kind,
                id,
                index,
                date,
                strength: e.strength,
                summary,
                justification: e.justification.clone(),
            })
        })
        .take(limit)
        .collect();
    (out, total)
}

/// At most this many records are offered when adding a link (the picker filters them).
const MAX_CANDIDATES: usize = 2_000;

/// Records that could be linked to the competence (interactions, structures, rencontres,
/// veille, fiches, analyses, signalements, notes; not linked yet), newest first. The item
/// id is `kind:id`; the label starts with the date and the kind.
pub fn candidates(
    data: &Dataset,
    config: &Config,
    l: Lang,
    kind_label: &dyn Fn(RecordKind) -> String,
    competence: &str,
) -> Vec<PickItem> {
    // Dates first (cheap), summaries only for the newest kept.
    fn unlinked<R: Record>(
        list: &[R],
        competence: &str,
        date: impl Fn(&R) -> Option<NaiveDate>,
        out: &mut Vec<(NaiveDate, RecordKind, Id)>,
    ) {
        for r in list {
            if r.meta().evidence.iter().all(|e| e.competence != competence)
                && let Some(d) = date(r)
            {
                out.push((d, R::KIND, r.id()));
            }
        }
    }
    let mut rows: Vec<(NaiveDate, RecordKind, Id)> = Vec::new();
    let c = competence;
    unlinked(&data.interactions, c, |x| Some(x.date), &mut rows);
    unlinked(&data.structures, c, |x| created(&x.meta), &mut rows);
    unlinked(&data.rencontres, c, |x| Some(x.date), &mut rows);
    unlinked(&data.veille, c, |x| Some(x.date), &mut rows);
    unlinked(&data.fiches, c, |x| created(&x.meta), &mut rows);
    unlinked(&data.analyses, c, |x| Some(x.date), &mut rows);
    unlinked(&data.signalements, c, |x| Some(x.date), &mut rows);
    unlinked(&data.notes_territoire, c, |x| Some(x.date), &mut rows);
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.2.cmp(&a.2)));
    rows.truncate(MAX_CANDIDATES);
    rows.into_iter()
        .filter_map(|(_, kind, id)| {
            let (date, text) = summary(data, config, l, kind, id)?;
            Some(PickItem::plain(
                format!("{}:{id}", kind.name()),
                format!(
                    "{} [{}] {}",
                    crate::domain::text::date(date),
                    kind_label(kind),
                    text::one_line(&text)
                ),
            ))
        })
        .collect()
}

/// The day a record without a date of its own (a fiche, a structure) was created.
fn created(meta: &RecordMeta) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp_millis(meta.created_at.0).map(|d| d.date_naive())
}

/// Parses a candidate's `kind:id` back.
pub fn parse_candidate(item: &str) -> Option<(RecordKind, Id)> {
    let (kind, id) = item.split_once(':')?;
    let kind = RecordKind::from_name(kind)?;
    Some((kind, id.parse().ok()?))
}

/// A one-line summary of a record and its date, to list it as evidence of a competence.
/// `None` for kinds that are not shown as evidence (the same as skipped by `linked`).
pub fn summary(
    d: &Dataset,
    config: &Config,
    l: Lang,
    kind: RecordKind,
    id: Id,
) -> Option<(NaiveDate, String)> {
    fn find<R: Record>(list: &[R], id: Id) -> Option<&R> {
        list.binary_search_by_key(&id, Record::id)
            .ok()
            .map(|i| &list[i])
    }
    Some(match kind {
        RecordKind::Interaction => {
            let x = find(&d.interactions, id)?;
            (
                x.date,
                format!(
                    "{} — {}",
                    config.vocab.types_interaction.labels(&x.types, l),
                    x.demande
                ),
            )
        }
        RecordKind::Rencontre => {
            let x = find(&d.rencontres, id)?;
            (x.date, x.objet.to_string())
        }
        RecordKind::Veille => {
            let x = find(&d.veille, id)?;
            (x.date, x.resume.to_string())
        }
        RecordKind::Fiche => {
            let x = find(&d.fiches, id)?;
            (created(&x.meta)?, x.titre.to_string())
        }
        RecordKind::Analyse => {
            let x = find(&d.analyses, id)?;
            (x.date, x.situation.to_string())
        }
        RecordKind::Structure => {
            let x = find(&d.structures, id)?;
            (created(&x.meta)?, x.nom.to_string())
        }
        RecordKind::Signalement => {
            let x = find(&d.signalements, id)?;
            (x.date, format!("{} — {}", x.lieu, x.description))
        }
        RecordKind::NoteTerritoire => {
            let x = find(&d.notes_territoire, id)?;
            (x.date, format!("{} — {}", x.territoire, x.texte))
        }
        RecordKind::Contact => {
            let x = find(&d.contacts, id)?;
            let structure = d.structure(x.structure).map(|s| s.nom.as_str());
            let who = [x.nom.as_str(), x.fonction.as_str()]
                .into_iter()
                .chain(structure)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" — ");
            (created(&x.meta)?, who)
        }
        RecordKind::Suivi => {
            let x = find(&d.suivis, id)?;
            (created(&x.meta)?, x.code.to_string())
        }
        RecordKind::PlanNode | RecordKind::Profil | RecordKind::Exemple => {
            return None;
        }
    })
}
