//! The rights of the person and the retention limit, on the records: what Carnet holds about
//! a suivi code (right of access), erasing it (right to erasure), and anonymising what is
//! past the retention period. Pure: the caller loads, saves, rebuilds the store and logs.
//!
//! A person's records carry their last contact: a suivi its last interaction, an anonymous
//! interaction its own date. Past the period, what could identify them goes (the suivi code,
//! every free text, the justifications drawn from them); what statistics need stays (date,
//! duration, types, thématiques, canal, lieu, réponses, orientation, anonymous attributes),
//! so the bilans of past years still add up.

use super::*;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// The longest retention, in months: two years after the last contact. The configuration
/// may shorten it, never lengthen it.
pub const MAX_RETENTION_MONTHS: u32 = 24;

/// Everything Carnet holds about one suivi: the suivi, its interactions, and the records
/// that refer to them.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AboutSuivi {
    pub suivi: Suivi,
    pub interactions: Vec<Interaction>,
    pub analyses: Vec<Analyse>,
    pub evenements: Vec<EvenementSecurite>,
    pub exemples: Vec<Exemple>,
}

/// The suivi whose code is `code` (as typed, case and spaces aside).
pub fn find_suivi<'a>(data: &'a Dataset, code: &str) -> Option<&'a Suivi> {
    let wanted = code.trim().to_uppercase();
    data.suivis
        .iter()
        .find(|s| s.code.trim().to_uppercase() == wanted)
}

/// What Carnet holds about the suivi `id`.
pub fn about_suivi(data: &Dataset, id: Id) -> Option<AboutSuivi> {
    let suivi = data.suivi(id)?.clone();
    let interactions: Vec<Interaction> = data
        .interactions
        .iter()
        .filter(|i| i.personnes == Personnes::Suivi(id))
        .cloned()
        .collect();
    let ids: Vec<Id> = interactions.iter().map(|i| i.meta.id).collect();
    let refers = |id: &Id| ids.contains(id);
    Some(AboutSuivi {
        analyses: data
            .analyses
            .iter()
            .filter(|a| a.interaction.as_ref().is_some_and(refers))
            .cloned()
            .collect(),
        evenements: data
            .evenements_securite
            .iter()
            .filter(|e| e.interactions.iter().any(refers))
            .cloned()
            .collect(),
        exemples: data
            .exemples
            .iter()
            .filter(|x| {
                x.sources
                    .iter()
                    .any(|s| s.kind == RecordKind::Interaction.name() && refers(&s.id))
            })
            .cloned()
            .collect(),
        suivi,
        interactions,
    })
}

/// What an erasure removed, and the records that only lost a link to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Erased {
    pub suivis: usize,
    pub interactions: usize,
    /// Analyses, événements and exemples that referred to an erased interaction: the link
    /// goes, the record stays (it is the mediator's own writing).
    pub unlinked: usize,
}

/// The change that erases the suivi `id` and its interactions; links to them from other
/// records go (`None` when there is no such suivi).
pub fn erasure(data: &Dataset, id: Id) -> Option<(Changes, Erased)> {
    let about = about_suivi(data, id)?;
    let gone: Vec<Id> = about.interactions.iter().map(|i| i.meta.id).collect();
    let mut changes = Changes::default();
    changes.remove.push((RecordKind::Suivi, id));
    changes
        .remove
        .extend(gone.iter().map(|&i| (RecordKind::Interaction, i)));
    for mut a in about.analyses {
        a.interaction = None;
        changes.put.push(a.into_any());
    }
    for mut e in about.evenements {
        e.interactions.retain(|i| !gone.contains(i));
        changes.put.push(e.into_any());
    }
    for mut x in about.exemples {
        x.sources
            .retain(|s| !(s.kind == RecordKind::Interaction.name() && gone.contains(&s.id)));
        changes.put.push(x.into_any());
    }
    let erased = Erased {
        suivis: 1,
        interactions: gone.len(),
        unlinked: changes.put.len(),
    };
    Some((changes, erased))
}

/// Erases the suivi `id` and its interactions from `data` (see `erasure`).
pub fn erase_suivi(data: &mut Dataset, id: Id) -> Erased {
    match erasure(data, id) {
        Some((changes, erased)) => {
            data.apply(&changes);
            erased
        }
        None => Erased::default(),
    }
}

/// The first day still kept: `months` before `today`.
pub fn retention_cutoff(today: NaiveDate, months: u32) -> NaiveDate {
    today
        .checked_sub_months(chrono::Months::new(months.min(MAX_RETENTION_MONTHS)))
        .unwrap_or(today)
}

/// What a retention run changes, per kind and per year of the last contact.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RetentionPlan {
    /// Suivis whose code goes (their interactions become anonymous), by year.
    pub suivis: BTreeMap<i32, usize>,
    /// Interactions whose free text goes, by year.
    pub interactions: BTreeMap<i32, usize>,
}

impl RetentionPlan {
    pub fn is_empty(&self) -> bool {
        self.suivis.is_empty() && self.interactions.is_empty()
    }

    pub fn suivi_count(&self) -> usize {
        self.suivis.values().sum()
    }

    pub fn interaction_count(&self) -> usize {
        self.interactions.values().sum()
    }
}

/// Whether an interaction still holds text that could identify someone.
fn has_free_text(i: &Interaction) -> bool {
    !i.demande.is_empty()
        || !i.besoin.is_empty()
        || !i.note_pro.is_empty()
        || !i.note_privee.is_empty()
        || !i.suites.is_empty()
        || i.meta.evidence.iter().any(|e| !e.justification.is_empty())
}

/// The last contact of each suivi (its newest interaction; its creation when it has none).
fn last_contacts(data: &Dataset) -> BTreeMap<Id, NaiveDate> {
    let mut last: BTreeMap<Id, NaiveDate> = data
        .suivis
        .iter()
        .filter_map(|s| {
            let created = chrono::DateTime::from_timestamp_millis(s.meta.created_at.0)?;
            Some((s.meta.id, created.date_naive()))
        })
        .collect();
    for i in &data.interactions {
        if let Personnes::Suivi(id) = i.personnes {
            let entry = last.entry(id).or_insert(i.date);
            *entry = (*entry).max(i.date);
        }
    }
    last
}

/// Whether interaction `i` is past the period: its suivi's last contact, or its own date.
fn past(i: &Interaction, last: &BTreeMap<Id, NaiveDate>, cutoff: NaiveDate) -> bool {
    match i.personnes {
        Personnes::Suivi(id) => last.get(&id).is_some_and(|d| *d < cutoff),
        Personnes::Anonyme(_) => i.date < cutoff,
    }
}

/// What anonymising records whose last contact is before `cutoff` would change.
pub fn retention_plan(data: &Dataset, cutoff: NaiveDate) -> RetentionPlan {
    let last = last_contacts(data);
    let mut plan = RetentionPlan::default();
    for s in &data.suivis {
        if let Some(d) = last.get(&s.meta.id).filter(|d| **d < cutoff) {
            *plan.suivis.entry(d.year()).or_default() += 1;
        }
    }
    for i in &data.interactions {
        let suivi_goes = matches!(i.personnes, Personnes::Suivi(_));
        if past(i, &last, cutoff) && (has_free_text(i) || suivi_goes) {
            *plan.interactions.entry(i.date.year()).or_default() += 1;
        }
    }
    plan
}

/// The change that anonymises what is past the period, and what it changes.
pub fn retention_changes(data: &Dataset, cutoff: NaiveDate) -> (Changes, RetentionPlan) {
    let plan = retention_plan(data, cutoff);
    let last = last_contacts(data);
    let gone: BTreeMap<Id, PublicAnonyme> = data
        .suivis
        .iter()
        .filter(|s| last.get(&s.meta.id).is_some_and(|d| *d < cutoff))
        .map(|s| (s.meta.id, s.public.clone()))
        .collect();
    let mut changes = Changes::default();
    for i in &data.interactions {
        let suivi_goes = matches!(i.personnes, Personnes::Suivi(_));
        if !past(i, &last, cutoff) || !(has_free_text(i) || suivi_goes) {
            continue;
        }
        let mut i = i.clone();
        if let Personnes::Suivi(id) = i.personnes {
            // The suivi's anonymous description stays, for the counts.
            let mut public = gone.get(&id).cloned().unwrap_or_default();
            public.nombre = public.nombre.max(1);
            i.personnes = Personnes::Anonyme(public);
        }
        i.demande = Text::default();
        i.besoin = Text::default();
        i.note_pro = Text::default();
        i.note_privee = Rare::default();
        i.suites = Rare::default();
        for e in &mut i.meta.evidence {
            e.justification = Text::default();
        }
        changes.put.push(i.into_any());
    }
    changes
        .remove
        .extend(gone.keys().map(|&id| (RecordKind::Suivi, id)));
    (changes, plan)
}

/// Anonymises what is past the period in `data` (see `retention_changes`).
pub fn apply_retention(data: &mut Dataset, cutoff: NaiveDate) -> RetentionPlan {
    let (changes, plan) = retention_changes(data, cutoff);
    data.apply(&changes);
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn interaction(id: u64, date: NaiveDate, personnes: Personnes, demande: &str) -> Interaction {
        let mut i = Interaction::blank(
            RecordMeta::new(Id(id), Timestamp(0)),
            date,
            chrono::NaiveTime::MIN,
            None,
        );
        i.types = vec!["accueil_information".into()].into();
        i.personnes = personnes;
        i.demande = demande.into();
        i.note_privee = Text::from("privé").into();
        i
    }

    fn suivi(id: u64, code: &str) -> Suivi {
        Suivi {
            meta: RecordMeta::new(Id(id), Timestamp(0)),
            code: code.into(),
            public: PublicAnonyme {
                nombre: 2,
                attributs: Default::default(),
            },
            thematiques: Vec::new(),
            actif: true,
        }
    }

    fn data() -> Dataset {
        let anonymous = || Personnes::Anonyme(PublicAnonyme::default());
        Dataset {
            suivis: vec![suivi(1, "P-2023-001"), suivi(2, "P-2024-002")],
            interactions: vec![
                interaction(10, day(2023, 3, 1), Personnes::Suivi(Id(1)), "ancienne"),
                interaction(11, day(2023, 6, 1), Personnes::Suivi(Id(2)), "début"),
                // The suivi 2 was seen again recently: all of it is kept.
                interaction(12, day(2026, 10, 1), Personnes::Suivi(Id(2)), "récente"),
                interaction(13, day(2022, 1, 5), anonymous(), "très ancienne"),
                interaction(14, day(2026, 11, 1), anonymous(), "du mois"),
            ],
            analyses: vec![Analyse {
                meta: RecordMeta::new(Id(20), Timestamp(0)),
                date: day(2023, 3, 2),
                interaction: Some(Id(10)),
                format: "ecrit".into(),
                situation: "s".into(),
                ce_que_jai_fait: Text::default(),
                ressenti: Text::default(),
                analyse_posture: Text::default(),
                autrement: Text::default(),
                retenu: Text::default(),
            }],
            ..Dataset::default()
        }
    }

    #[test]
    fn retention_anonymises_what_is_past_and_keeps_the_counts() {
        let mut d = data();
        let cutoff = retention_cutoff(day(2026, 12, 2), 24);
        assert_eq!(cutoff, day(2024, 12, 2));
        let plan = retention_plan(&d, cutoff);
        assert_eq!(plan.suivi_count(), 1);
        assert_eq!(plan.interactions, BTreeMap::from([(2022, 1), (2023, 1)]));
        let applied = apply_retention(&mut d, cutoff);
        assert_eq!(applied, plan);
        assert_eq!(d.suivis.len(), 1);
        assert_eq!(d.suivis[0].code, "P-2024-002");
        let old = d.interactions.iter().find(|i| i.meta.id == Id(10)).unwrap();
        assert_eq!(old.demande, "");
        assert_eq!(*old.note_privee, "");
        // Still counted, with the suivi's anonymous description.
        assert_eq!(old.personnes.count(), 2);
        assert_eq!(*old.types, ["accueil_information"]);
        let kept = d.interactions.iter().find(|i| i.meta.id == Id(11)).unwrap();
        assert_eq!(kept.demande, "début");
        assert_eq!(d.interactions.len(), 5);
        // A second run has nothing left to do.
        assert!(retention_plan(&d, cutoff).is_empty());
    }

    #[test]
    fn a_suivi_is_found_by_its_code_and_erased_with_its_interactions() {
        let mut d = data();
        let s = find_suivi(&d, " p-2023-001 ").unwrap().meta.id;
        let about = about_suivi(&d, s).unwrap();
        assert_eq!(about.interactions.len(), 1);
        assert_eq!(about.analyses.len(), 1);
        let erased = erase_suivi(&mut d, s);
        assert_eq!(
            erased,
            Erased {
                suivis: 1,
                interactions: 1,
                unlinked: 1
            }
        );
        assert!(find_suivi(&d, "P-2023-001").is_none());
        assert_eq!(d.interactions.len(), 4);
        assert_eq!(d.analyses[0].interaction, None);
        assert_eq!(erase_suivi(&mut d, s), Erased::default());
    }
}
