//! Evidence of one competence: the records linked to it, and the changes made from the
//! Compétences tab (open the record, add or remove a link, principale or secondaire).

use chrono::NaiveDate;

use super::kinds::Ctx;
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
pub fn linked(ctx: &Ctx, competence: &str, limit: usize) -> (Vec<Linked>, usize) {
    let mut entries: Vec<(NaiveDate, RecordKind, Id, usize, &EvidenceLink)> = Vec::new();
    // Links of one record arrive together: count them to know each one's position.
    let mut previous: Option<(RecordKind, Id)> = None;
    let mut index = 0;
    for (kind, id, e) in ctx.data.evidence() {
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
            let (date, summary) = super::kinds::summary(ctx, kind, id)?;
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

/// Records that could be linked to the competence (the kinds that say so in `app::kinds`,
/// not linked yet), newest first. The item
/// id is `kind:id`; the label starts with the date and the kind.
pub fn candidates(
    ctx: &Ctx,
    kind_label: &dyn Fn(RecordKind) -> String,
    competence: &str,
) -> Vec<PickItem> {
    let mut rows = super::kinds::evidence_candidates(ctx, competence);
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.2.cmp(&a.2)));
    rows.truncate(MAX_CANDIDATES);
    rows.into_iter()
        .filter_map(|(_, kind, id)| {
            let (date, text) = super::kinds::summary(ctx, kind, id)?;
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

/// What would show a competence (its id within the référentiel), as the vocabularies say:
/// the kinds of record that suggest it or show it by what they hold, and the interaction
/// types that suggest it — labels in `lang`.
pub fn shown_by(config: &Config, competence: &str, lang: Lang) -> (Vec<String>, Vec<String>) {
    let vocab = &config.vocab;
    let kinds: Vec<String> = vocab
        .suggestions_preuves
        .entries
        .iter()
        .filter(|e| {
            e.competences
                .iter()
                .chain(&e.montre)
                .any(|c| c == competence)
        })
        .map(|e| e.label(lang).to_string())
        .collect();
    let types: Vec<String> = vocab
        .types_interaction
        .entries
        .iter()
        .filter(|e| e.competences.iter().any(|c| c == competence))
        .map(|e| e.label(lang).to_string())
        .collect();
    (kinds, types)
}

/// What a new record showing `competence` (qualified) can be, offered before the records to
/// link: one item per kind the vocabularies name for it that has a form (`new:KIND`), then
/// one per interaction type suggesting it (`new-type:TYPE`).
pub fn creations(
    config: &Config,
    competence: &str,
    kind_label: &dyn Fn(RecordKind) -> String,
    new_label: &dyn Fn(&str) -> String,
) -> Vec<PickItem> {
    let r = &config.referentiel;
    let vocab = &config.vocab;
    let shows = |e: &crate::domain::VocabEntry| {
        e.competences
            .iter()
            .chain(&e.montre)
            .any(|c| r.qualify(c) == competence)
    };
    let kinds = vocab
        .suggestions_preuves
        .entries
        .iter()
        .filter(|e| shows(e))
        .filter_map(|e| RecordKind::from_name(&e.id))
        .filter(|&k| super::kinds::has_form(k))
        .map(|k| PickItem::plain(format!("new:{}", k.name()), new_label(&kind_label(k))));
    let types = vocab
        .types_interaction
        .entries
        .iter()
        .filter(|e| e.competences.iter().any(|c| r.qualify(c) == competence))
        .map(|e| {
            PickItem::plain(
                format!("new-type:{}", e.id),
                new_label(&format!(
                    "{} — {}",
                    kind_label(RecordKind::Interaction),
                    e.label(config.lang)
                )),
            )
        });
    kinds.chain(types).collect()
}

/// Parses a candidate's `kind:id` back.
pub fn parse_candidate(item: &str) -> Option<(RecordKind, Id)> {
    let (kind, id) = item.split_once(':')?;
    let kind = RecordKind::from_name(kind)?;
    Some((kind, id.parse().ok()?))
}
