//! The Journal tab's own state: search, filters, the "À faire" view, and the folded
//! haystacks the search runs on (built at load, refreshed per saved interaction).

use crate::config::Config;
use crate::domain::text::fold;
use crate::domain::*;
use crate::search::{self, Query};
use chrono::{Datelike, Duration, NaiveDate};

use super::input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    #[default]
    All,
    Today,
    Week,
    Month,
    Custom,
}

impl Period {
    pub const OPTIONS: &'static [(&'static str, &'static str)] = &[
        ("all", "period-all"),
        ("today", "period-today"),
        ("week", "period-week"),
        ("month", "period-month"),
        ("custom", "period-custom"),
    ];

    pub fn id(self) -> &'static str {
        match self {
            Period::All => "all",
            Period::Today => "today",
            Period::Week => "week",
            Period::Month => "month",
            Period::Custom => "custom",
        }
    }

    pub fn from_id(id: &str) -> Period {
        match id {
            "today" => Period::Today,
            "week" => Period::Week,
            "month" => Period::Month,
            "custom" => Period::Custom,
            _ => Period::All,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub period: Period,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub type_id: Option<Text>,
    pub theme: Option<Text>,
    pub suivi: Option<Id>,
    pub structure: Option<Id>,
    pub suites_due: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The dates the period covers, both ends included.
    pub fn range(&self, today: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
        match self.period {
            Period::All => (None, None),
            Period::Today => (Some(today), Some(today)),
            Period::Week => {
                let monday =
                    today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
                (Some(monday), Some(monday + Duration::days(6)))
            }
            Period::Month => (
                today.with_day(1),
                today
                    .with_day(1)
                    .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                    .map(|d| d - Duration::days(1)),
            ),
            Period::Custom => (self.from, self.to),
        }
    }

    pub fn matches(&self, it: &Interaction, today: NaiveDate) -> bool {
        let (from, to) = self.range(today);
        from.is_none_or(|f| it.date >= f)
            && to.is_none_or(|t| it.date <= t)
            && self.type_id.as_ref().is_none_or(|t| it.types.contains(t))
            && self
                .theme
                .as_ref()
                .is_none_or(|t| it.thematiques.contains(t))
            && self
                .suivi
                .is_none_or(|s| it.personnes == Personnes::Suivi(s))
            && self
                .structure
                .is_none_or(|s| it.orientation.as_ref().and_then(|o| o.structure) == Some(s))
            && (!self.suites_due || has_due_suite(it, today))
    }
}

pub fn has_due_suite(it: &Interaction, today: NaiveDate) -> bool {
    it.suites
        .iter()
        .any(|s| !s.faite && s.echeance.is_some_and(|d| d <= today))
}

/// How far ahead the "À faire" view looks, besides what is due or overdue.
pub const TODO_HORIZON_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TodoRow {
    pub interaction: usize,
    pub suite: usize,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    List,
    Todo,
}

#[derive(Debug, Clone, Default)]
pub struct Journal {
    pub mode: Mode,
    pub query_input: Input,
    /// The search bar has the keyboard.
    pub searching: bool,
    pub query: Query,
    pub filter: Filter,
    /// Interactions shown (indices into `data.interactions`), in display order.
    pub rows: Vec<usize>,
    pub todo: Vec<TodoRow>,
    /// Folded searchable text of each interaction, parallel to `data.interactions`.
    pub haystacks: Vec<String>,
    /// The last search (query and its results), to narrow on when the query grows.
    last: Option<(Query, Vec<usize>)>,
}

/// Everything a search may look at in an interaction, folded once.
pub fn haystack(it: &Interaction, data: &Dataset, config: &Config) -> String {
    let v = &config.vocab;
    let lang = config.lang;
    let mut parts: Vec<String> = vec![
        it.demande.to_string(),
        it.besoin.to_string(),
        it.note_pro.to_string(),
        it.note_privee.to_string(),
        it.lieu.to_string(),
        it.quartier.to_string(),
        v.types_interaction.labels(&it.types, lang),
        v.thematiques.labels(&it.thematiques, lang),
        v.canaux.label(&it.canal, lang).into_owned(),
        v.reponses.labels(&it.reponses, lang),
    ];
    if let Some(o) = &it.orientation {
        parts.push(o.nom.to_string());
    }
    if let Personnes::Suivi(id) = it.personnes
        && let Some(s) = data.suivi(id)
    {
        parts.push(s.code.to_string());
    }
    parts.extend(it.suites.iter().map(|s| s.action.to_string()));
    fold(&parts.join(" \u{1f} "))
}

impl Journal {
    pub fn new() -> Journal {
        Journal {
            query_input: Input::new("", false, 200),
            ..Journal::default()
        }
    }

    pub fn rebuild_haystacks(&mut self, data: &Dataset, config: &Config) {
        self.haystacks = data
            .interactions
            .iter()
            .map(|it| haystack(it, data, config))
            .collect();
        self.last = None;
    }

    pub fn is_filtered(&self) -> bool {
        !self.query.is_empty() || !self.filter.is_empty()
    }

    /// Recomputes the rows from the journal order, the filter and the query. When the query
    /// only grew since the last search, only the previous results are searched again.
    pub fn refresh(&mut self, data: &Dataset, order: &[usize], today: NaiveDate, narrow: bool) {
        let filtered: Vec<usize> = if self.filter.is_empty() {
            order.to_vec()
        } else {
            order
                .iter()
                .copied()
                .filter(|&i| self.filter.matches(&data.interactions[i], today))
                .collect()
        };
        if self.query.is_empty() {
            self.rows = filtered;
            self.last = None;
        } else {
            let candidates = match (&self.last, narrow) {
                (Some((previous, results)), true) if self.query.narrows(previous) => {
                    // Keep the journal order among the previous results for tie-breaking.
                    let mut keep = vec![false; data.interactions.len()];
                    for &i in results {
                        if let Some(k) = keep.get_mut(i) {
                            *k = true;
                        }
                    }
                    filtered
                        .iter()
                        .copied()
                        .filter(|&i| keep.get(i).copied().unwrap_or(false))
                        .collect()
                }
                _ => filtered,
            };
            self.rows = search::run(&self.query, &self.haystacks, &candidates);
            self.last = Some((self.query.clone(), self.rows.clone()));
        }
        self.todo = todo_rows(data, today);
    }
}

/// Open suites with a due date up to a week ahead, the most urgent first.
pub fn todo_rows(data: &Dataset, today: NaiveDate) -> Vec<TodoRow> {
    let horizon = today + Duration::days(TODO_HORIZON_DAYS);
    let mut rows: Vec<TodoRow> = data
        .interactions
        .iter()
        .enumerate()
        .flat_map(|(i, it)| {
            it.suites
                .iter()
                .enumerate()
                .filter_map(move |(k, s)| match s.echeance {
                    Some(due) if !s.faite && due <= horizon => Some(TodoRow {
                        interaction: i,
                        suite: k,
                        due,
                    }),
                    _ => None,
                })
        })
        .collect();
    rows.sort_by_key(|r| (r.due, r.interaction));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_cover_the_expected_days() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(); // a Thursday
        let f = |period| {
            Filter {
                period,
                ..Filter::default()
            }
            .range(today)
        };
        let d = |m, day| Some(NaiveDate::from_ymd_opt(2026, m, day).unwrap());
        assert_eq!(f(Period::Today), (d(11, 26), d(11, 26)));
        assert_eq!(f(Period::Week), (d(11, 23), d(11, 29)));
        assert_eq!(f(Period::Month), (d(11, 1), d(11, 30)));
        assert_eq!(f(Period::All), (None, None));
    }
}
