//! The Réseau tab's directory: its filters, the "à relancer" rules, and the near-duplicate
//! check on structure names.

use super::Views;
use super::form::{Field, Form, Options, Purpose, Value};
use crate::config::Config;
use crate::domain::text::fold;
use crate::domain::*;
use chrono::{Duration, NaiveDate};

/// The annuaire's filters (all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub typologie: Option<Text>,
    pub quartier: Option<Text>,
    pub relation: Option<Text>,
    /// A thématique one of the structure's services covers.
    pub theme: Option<Text>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn matches(&self, s: &Structure) -> bool {
        self.typologie
            .as_ref()
            .is_none_or(|t| s.typologies.contains(t))
            && self
                .quartier
                .as_ref()
                .is_none_or(|q| fold(&s.quartier).contains(&fold(q)))
            && self
                .relation
                .as_ref()
                .is_none_or(|r| s.niveau_relation == *r)
            && self
                .theme
                .as_ref()
                .is_none_or(|t| s.services.iter().any(|svc| svc.thematiques.contains(t)))
    }
}

pub fn filter_form(f: &Filter) -> Form {
    Form::new(
        Purpose::ReseauFilter,
        "form-filter-reseau",
        vec![
            Field::choice(
                "typologie",
                Options::Vocab("typologies_structure"),
                f.typologie.clone(),
            ),
            Field::text("quartier", f.quartier.as_deref().unwrap_or_default()),
            Field::choice(
                "relation",
                Options::Vocab("niveaux_relation"),
                f.relation.clone(),
            ),
            Field::choice("theme", Options::Vocab("thematiques"), f.theme.clone()),
        ],
    )
}

pub fn read_filter(form: &Form) -> Filter {
    let choice = |id: &str| form.value(id).and_then(|v| v.choice().cloned());
    let quartier: Text =
        crate::domain::text::one_line(form.value("quartier").map_or("", Value::text)).into();
    Filter {
        typologie: choice("typologie"),
        quartier: (!quartier.is_empty()).then_some(quartier),
        relation: choice("relation"),
        theme: choice("theme"),
    }
}

/// What a search looks at in a structure: name, typologies, quartier, commune, services,
/// publics, notes and the names of its contacts — folded like the journal's search.
pub fn haystack(s: &Structure, data: &Dataset, views: &Views, config: &Config) -> String {
    let v = &config.vocab;
    let mut parts = vec![
        s.nom.to_string(),
        v.typologies_structure.labels(&s.typologies, config.lang),
        s.typologies
            .iter()
            .map(Text::as_str)
            .collect::<Vec<_>>()
            .join(" "),
        s.quartier.to_string(),
        s.commune.to_string(),
        s.publics.to_string(),
        s.notes.to_string(),
    ];
    for svc in &s.services {
        parts.push(
            v.types_service
                .label(&svc.type_service, config.lang)
                .into_owned(),
        );
        parts.push(v.thematiques.labels(&svc.thematiques, config.lang));
        parts.push(svc.conditions.to_string());
    }
    for &i in views
        .contacts_by_structure
        .get(&s.meta.id)
        .into_iter()
        .flatten()
    {
        let c = &data.contacts[i];
        parts.push(format!("{} {}", c.nom, c.fonction));
    }
    fold(&parts.join(" \u{1f} "))
}

/// Names compared without case, accents, punctuation or a leading article.
fn name_key(name: &str) -> String {
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty() && !matches!(*w, "le" | "la" | "les" | "l" | "de" | "du" | "des" | "d")
        })
        .collect();
    words.join(" ")
}

/// An existing structure whose name is close to `nom` (same words, or a small typo).
pub fn similar_structure(data: &Dataset, nom: &str, except: Option<Id>) -> Option<Id> {
    let key = name_key(nom);
    if key.is_empty() {
        return None;
    }
    data.structures
        .iter()
        .filter(|s| Some(s.meta.id) != except)
        .find(|s| {
            let other = name_key(&s.nom);
            other == key || (key.len() >= 6 && strsim::normalized_levenshtein(&other, &key) >= 0.85)
        })
        .map(|s| s.meta.id)
}

/// Why a structure or a contact is on the "à relancer" list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// No contact for longer than the cadence of its relation level (days over).
    NoContact { days: i64, cadence: u32 },
    /// Never contacted although its level has a cadence.
    NeverContacted,
    /// Information not verified for longer than the configured period (days over), or
    /// never verified (`None`).
    NotVerified { days: Option<i64> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Structure(usize),
    Contact(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelanceRow {
    pub subject: Subject,
    pub reason: Reason,
    /// Days past the limit; the list is sorted by it, most urgent first.
    pub urgency: i64,
}

/// The "à relancer" rules: a partner is due a call when its relation level's cadence (from
/// the vocabularies) has passed since the last contact, derived from what is logged, or when
/// its details are older than the config's verification period.
pub fn relance_rows(
    data: &Dataset,
    views: &Views,
    config: &Config,
    today: NaiveDate,
) -> Vec<RelanceRow> {
    let mut rows = Vec::new();
    let levels = &config.vocab.niveaux_relation;
    // Put off until a later day: a structure with its contacts, or one contact.
    let held: std::collections::HashSet<Id> = data
        .relances_reportees
        .iter()
        .filter(|r| r.holds(today))
        .map(|r| r.sujet)
        .collect();
    for (i, s) in data.structures.iter().enumerate() {
        if held.contains(&s.meta.id) {
            continue;
        }
        let cadence = levels.get(&s.niveau_relation).and_then(|l| l.cadence_jours);
        if let Some(cadence) = cadence {
            match views.last_contact.get(&s.meta.id) {
                Some(last) => {
                    let over = (today - *last).num_days() - i64::from(cadence);
                    if over > 0 {
                        rows.push(RelanceRow {
                            subject: Subject::Structure(i),
                            reason: Reason::NoContact {
                                days: over,
                                cadence,
                            },
                            urgency: over,
                        });
                    }
                }
                None => rows.push(RelanceRow {
                    subject: Subject::Structure(i),
                    reason: Reason::NeverContacted,
                    urgency: i64::from(cadence),
                }),
            }
        }
        let verified_limit = today - Duration::days(i64::from(config.verification_days));
        match s.date_verification {
            Some(d) if d >= verified_limit => {}
            other => {
                let days = other.map(|d| (verified_limit - d).num_days());
                rows.push(RelanceRow {
                    subject: Subject::Structure(i),
                    reason: Reason::NotVerified { days },
                    // Checking details waits behind a partner not heard from.
                    urgency: days.map_or(0, |d| d / 4),
                });
            }
        }
    }
    // A structure overdue is one call: its contacts are not listed again under it.
    let overdue: std::collections::HashSet<Id> = rows
        .iter()
        .filter(|r| !matches!(r.reason, Reason::NotVerified { .. }))
        .filter_map(|r| match r.subject {
            Subject::Structure(i) => data.structures.get(i).map(|s| s.meta.id),
            Subject::Contact(_) => None,
        })
        .collect();
    for (i, c) in data.contacts.iter().enumerate() {
        if !c.actif
            || overdue.contains(&c.structure)
            || held.contains(&c.meta.id)
            || held.contains(&c.structure)
        {
            continue;
        }
        let cadence = data
            .structure(c.structure)
            .and_then(|s| levels.get(&s.niveau_relation))
            .and_then(|l| l.cadence_jours);
        if let (Some(cadence), Some(last)) = (cadence, views.contact_last.get(&c.meta.id)) {
            let over = (today - *last).num_days() - i64::from(cadence);
            if over > 0 {
                rows.push(RelanceRow {
                    subject: Subject::Contact(i),
                    reason: Reason::NoContact {
                        days: over,
                        cadence,
                    },
                    urgency: over,
                });
            }
        }
    }
    // Grouped by structure, the most urgent structure first: one call covers its items.
    let structure_of = |r: &RelanceRow| match r.subject {
        Subject::Structure(i) => data.structures.get(i).map(|s| s.meta.id),
        Subject::Contact(i) => data.contacts.get(i).map(|c| c.structure),
    };
    let mut group_urgency: std::collections::HashMap<Option<Id>, i64> =
        std::collections::HashMap::new();
    for r in &rows {
        let entry = group_urgency.entry(structure_of(r)).or_insert(r.urgency);
        *entry = (*entry).max(r.urgency);
    }
    rows.sort_by_key(|r| {
        let group = structure_of(r);
        (
            std::cmp::Reverse(group_urgency.get(&group).copied().unwrap_or(0)),
            group,
            matches!(r.subject, Subject::Contact(_)),
            std::cmp::Reverse(r.urgency),
        )
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_names_are_found_whatever_the_case_accents_and_articles() {
        let mut data = Dataset::default();
        let mut s = crate::app::kinds::interaction::new_structure(
            Id(1),
            Timestamp(0),
            &"Épicerie solidaire Le Panier".into(),
            &"ES".into(),
        );
        data.structures.push(s.clone());
        s.meta.id = Id(2);
        s.nom = "Mission locale du Val".into();
        data.structures.push(s);
        assert_eq!(
            similar_structure(&data, "epicerie solidaire panier", None),
            Some(Id(1))
        );
        assert_eq!(
            similar_structure(&data, "Mision locale du Val", None),
            Some(Id(2))
        );
        assert_eq!(
            similar_structure(&data, "Mission locale du Val", Some(Id(2))),
            None
        );
        assert_eq!(similar_structure(&data, "CAF", None), None);
    }
}
