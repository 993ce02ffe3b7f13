//! The Journal tab's own state: search, filters, the "À faire" view, and the folded
//! haystacks the search runs on (built at load, refreshed per saved interaction).

use crate::config::Config;
use crate::domain::text::{fold, fold_into};
use crate::domain::*;
use crate::search::{self, Query};
use chrono::{Datelike, Duration, NaiveDate};

use super::input::Input;
use std::sync::Arc;

/// A journal search to run beside the loop: everything it reads, owned or shared, so input
/// and drawing never wait for it.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchJob {
    pub generation: u64,
    pub query: Query,
    haystacks: Arc<search::Haystacks>,
    lexicon: Arc<search::Lexicon>,
    labels: Arc<Vec<String>>,
    candidates: Vec<u32>,
}

impl SearchJob {
    /// The rows found, best first: what comes back to the app. `room` is where the
    /// candidates are scored; a thread that runs searches one after another keeps it.
    pub fn run(self, room: &mut search::Scored<u32>) -> super::Msg {
        let rows = self.rows(room);
        super::Msg::Searched {
            generation: self.generation,
            query: self.query,
            rows,
        }
    }

    fn rows(&self, room: &mut search::Scored<u32>) -> Vec<u32> {
        search::run_labelled(
            &self.query,
            &self.haystacks,
            &self.lexicon,
            &self.labels,
            &self.candidates,
            room,
        )
    }
}

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
    /// The interactions behind a figure of the Bilan tab.
    pub behind: Option<Behind>,
}

/// The interactions a figure of the Bilan tab counts, and what the figure is (« Thématiques :
/// Logement »), for the journal's title. A snapshot: what is logged afterwards is not in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Behind {
    pub label: String,
    /// Sorted.
    pub ids: Vec<Id>,
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
            && self
                .behind
                .as_ref()
                .is_none_or(|b| b.ids.binary_search(&it.meta.id).is_ok())
    }
}

pub fn has_due_suite(it: &Interaction, today: NaiveDate) -> bool {
    it.suites
        .iter()
        .any(|s| !s.faite && s.echeance.is_some_and(|d| d <= today))
}

/// How far ahead the "À faire" view looks, besides what is due or overdue.
pub const TODO_HORIZON_DAYS: i64 = 7;

/// One thing to do in « À faire », and when it is (or was) due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TodoRow {
    pub subject: Todo,
    pub due: NaiveDate,
}

/// What is to be done; indices into the dataset's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Todo {
    /// A suite of an interaction.
    Suite { interaction: usize, suite: usize },
    /// A tâche of a projet.
    Tache { projet: usize, tache: usize },
    /// A cas de médiation waiting on a party past the configured delay; due the day the
    /// delay ran out.
    Cas { cas: usize },
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
    /// Folded searchable text of each interaction, parallel to `data.interactions`; shared
    /// with the search running beside the loop.
    pub haystacks: Arc<search::Haystacks>,
    /// The words the haystacks are written with.
    lexicon: Arc<search::Lexicon>,
    /// The search asked of the background whose answer is awaited (its number).
    pub pending: Option<u64>,
    /// The number of the latest search: an older answer is not shown.
    generation: u64,
    /// The number when the records last changed: answers from before are not kept.
    changed_at: u64,
    /// Recent searches of this typing session (query and results): narrowing when the
    /// query grows, instant answers when Backspace returns to an earlier query. Rows as
    /// `u32`, at most twice the journal's rows in all (`remember`).
    recent: Vec<(Query, Vec<u32>)>,
    pub labels: FoldedLabels,
}

/// Vocabulary labels in the UI language, folded once: the label table of the journal's
/// labelled haystacks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FoldedLabels {
    /// Per list, each id's index in `texts` (looked up for every interaction at load: the
    /// fast hash, as the lexicon's; the ids are the configuration's own).
    lists: [std::collections::HashMap<String, u16, crate::domain::hash::Fx>; 4],
    texts: Arc<Vec<String>>,
}

const TYPES: usize = 0;
const THEMES: usize = 1;
const CANAUX: usize = 2;
const REPONSES: usize = 3;

impl FoldedLabels {
    pub fn new(config: &Config) -> FoldedLabels {
        let v = &config.vocab;
        let mut texts = Vec::new();
        let mut fold_list = |vocab: &Vocabulary| {
            vocab
                .entries
                .iter()
                .filter_map(|e| {
                    let index = u16::try_from(texts.len()).ok()?;
                    texts.push(fold(e.label(config.lang)));
                    Some((e.id.clone(), index))
                })
                .collect()
        };
        let lists = [
            fold_list(&v.types_interaction),
            fold_list(&v.thematiques),
            fold_list(&v.canaux),
            fold_list(&v.reponses),
        ];
        FoldedLabels {
            lists,
            texts: Arc::new(texts),
        }
    }

    pub fn texts(&self) -> &[String] {
        &self.texts
    }

    /// The label's index, or, for an id the configuration no longer knows, the id itself
    /// in the text (it is what the journal shows).
    fn push(&self, list: usize, id: &str, labels: &mut Vec<u16>, text: &mut String) {
        match self.lists[list].get(id) {
            Some(&index) => labels.push(index),
            None => {
                fold_into(id, text);
                text.push(' ');
            }
        }
    }
}

/// An interaction's haystack is about 130 bytes (demo journals, 100,000 interactions): room
/// for a little more, which takes no memory until written.
const HAYSTACK_BYTES: usize = 160;

/// The journal's search text, folded: the label table and each interaction's haystack, in
/// `Dataset::interactions` order. Built where the records are loaded, off the loop.
#[derive(Debug, Clone, PartialEq)]
pub struct Folded {
    labels: FoldedLabels,
    lexicon: search::Lexicon,
    haystacks: search::Haystacks,
}

impl Folded {
    pub fn of(data: &Dataset, config: &Config) -> Folded {
        let labels = FoldedLabels::new(config);
        // Folding every text is most of installing a large journal: on both halves at once,
        // each in its own lexicon, the second's then renumbered in the first's. The first
        // half's block has room for both from the start.
        let fold_all = |part: &[Interaction], room_for: usize| {
            let mut lexicon = search::Lexicon::default();
            let mut haystacks = search::Haystacks::with_capacity(room_for, HAYSTACK_BYTES);
            let mut text = String::new();
            for it in part {
                haystacks.push(haystack(it, data, &labels, &mut lexicon, &mut text));
            }
            (lexicon, haystacks)
        };
        let (first, second) = data.interactions.split_at(data.interactions.len() / 2);
        let ((mut lexicon, mut haystacks), (other_lexicon, others)) = std::thread::scope(|scope| {
            let other = scope.spawn(|| fold_all(second, second.len()));
            let mine = fold_all(first, data.interactions.len());
            // Should the thread fail, its half is folded here.
            (
                mine,
                other
                    .join()
                    .unwrap_or_else(|_| fold_all(second, second.len())),
            )
        });
        let renumbered = lexicon.absorb(&other_lexicon);
        haystacks.extend_renumbered(&others, &renumbered);
        haystacks.fit_for_edits();
        Folded {
            labels,
            lexicon,
            haystacks,
        }
    }

    /// Whether these were folded from `data`'s interactions.
    pub fn fits(&self, data: &Dataset) -> bool {
        self.haystacks.len() == data.interactions.len()
    }
}

/// Everything a search may look at in an interaction, folded once.
/// `text` is a buffer to write it in, kept between calls.
fn haystack(
    it: &Interaction,
    data: &Dataset,
    labels: &FoldedLabels,
    lexicon: &mut search::Lexicon,
    text: &mut String,
) -> search::Labelled {
    text.clear();
    let mut ids = Vec::with_capacity(4);
    for field in [
        &it.demande,
        &it.besoin,
        &it.note_pro,
        &it.note_privee,
        &it.lieu,
        &it.quartier,
    ] {
        fold_into(field, text);
        text.push_str(" \u{1f} ");
    }
    for t in it.types.iter() {
        labels.push(TYPES, t, &mut ids, text);
    }
    for t in it.thematiques.iter() {
        labels.push(THEMES, t, &mut ids, text);
    }
    labels.push(CANAUX, &it.canal, &mut ids, text);
    for r in it.reponses.iter() {
        labels.push(REPONSES, r, &mut ids, text);
    }
    if let Some(o) = &it.orientation {
        fold_into(&o.nom, text);
        text.push(' ');
    }
    if let Personnes::Suivi(id) = it.personnes
        && let Some(s) = data.suivi(id)
    {
        fold_into(&s.code, text);
        text.push(' ');
    }
    for s in it.suites.iter() {
        fold_into(&s.action, text);
        text.push(' ');
    }
    search::Labelled::new(lexicon, text, &ids)
}

impl Journal {
    pub fn new() -> Journal {
        Journal {
            query_input: Input::new("", false, 200),
            ..Journal::default()
        }
    }

    pub fn rebuild_haystacks(&mut self, data: &Dataset, config: &Config) {
        self.install_folded(Folded::of(data, config));
    }

    /// Haystacks folded elsewhere (on the loading thread) for these records.
    pub fn install_folded(&mut self, folded: Folded) {
        self.labels = folded.labels;
        self.lexicon = Arc::new(folded.lexicon);
        self.haystacks = Arc::new(folded.haystacks);
        self.recent.clear();
        self.changed_at = self.generation;
    }

    /// The haystacks to change: copied first only while a search beside the loop still
    /// reads them.
    pub fn haystacks_mut(&mut self) -> &mut search::Haystacks {
        Arc::make_mut(&mut self.haystacks)
    }

    /// An interaction's haystack, its new words added to the lexicon (copied first while a
    /// search beside the loop reads it).
    pub fn haystack(&mut self, it: &Interaction, data: &Dataset) -> search::Labelled {
        let lexicon = Arc::make_mut(&mut self.lexicon);
        haystack(it, data, &self.labels, lexicon, &mut String::new())
    }

    pub fn is_filtered(&self) -> bool {
        !self.query.is_empty() || !self.filter.is_empty()
    }

    /// Recomputes the rows from the journal order, the filter and the query. While the user
    /// types (`typing`), earlier results are reused: narrowing when the query grows, the
    /// cached answer when it comes back to an earlier query; a search that must look at the
    /// records is then returned to run beside the loop, the rows staying as they are until
    /// its answer (`answered`). Otherwise the rows are found here.
    pub fn refresh(
        &mut self,
        data: &Dataset,
        order: &[usize],
        today: NaiveDate,
        typing: bool,
    ) -> Option<SearchJob> {
        // Whatever was asked before is no longer what the rows should show.
        self.generation += 1;
        self.pending = None;
        if !typing {
            self.recent.clear();
            self.changed_at = self.generation;
        }
        if let Some((_, rows)) = self.recent.iter().rev().find(|(q, _)| *q == self.query) {
            widen_into(rows, &mut self.rows);
            return None;
        }
        let kept = || {
            order.iter().copied().filter(|&i| {
                self.filter.is_empty() || self.filter.matches(&data.interactions[i], today)
            })
        };
        // A query of single letters would match nearly everything: wait for two.
        if self.query.is_empty() || self.query.is_too_short() {
            self.rows.clear();
            if self.filter.is_empty() {
                self.rows.extend_from_slice(order);
            } else {
                self.rows.extend(kept());
            }
            return None;
        }
        let narrowed = self
            .recent
            .iter()
            .rev()
            .find(|(previous, _)| !previous.is_too_short() && self.query.narrows(previous));
        let candidates = match narrowed {
            // Results are in score order; searching them again in journal order keeps ties
            // newest first.
            Some((_, results)) => {
                let mut keep = vec![false; data.interactions.len()];
                for &i in results {
                    if let Some(k) = keep.get_mut(i as usize) {
                        *k = true;
                    }
                }
                order
                    .iter()
                    .copied()
                    .filter(|&i| keep.get(i).copied().unwrap_or(false))
                    .filter_map(row32)
                    .collect()
            }
            None => kept().filter_map(row32).collect(),
        };
        let job = SearchJob {
            generation: self.generation,
            query: self.query.clone(),
            haystacks: Arc::clone(&self.haystacks),
            lexicon: Arc::clone(&self.lexicon),
            labels: Arc::clone(&self.labels.texts),
            candidates,
        };
        if typing {
            self.pending = Some(job.generation);
            return Some(job);
        }
        let rows = job.rows(&mut search::Scored::default());
        widen_into(&rows, &mut self.rows);
        self.remember(job.query, rows);
        None
    }

    /// A search's answer: shown when it is the latest asked, kept for narrowing and going
    /// back either way. Whether the rows changed.
    pub fn answered(&mut self, generation: u64, query: Query, rows: Vec<u32>) -> bool {
        let shown = self.pending == Some(generation);
        if shown {
            self.pending = None;
            widen_into(&rows, &mut self.rows);
        }
        if generation > self.changed_at {
            self.remember(query, rows);
        }
        shown
    }

    /// Keeps an answer, forgetting the oldest beyond 32 answers or twice the journal's
    /// rows in all: the first letters of a query match most of a journal, and a few dozen
    /// such lists held 2.7 MB at 100,000 interactions.
    fn remember(&mut self, query: Query, rows: Vec<u32>) {
        self.recent.push((query, rows));
        let budget = 2 * self.haystacks.len().max(RECENT_ROWS_FLOOR);
        let mut held: usize = self.recent.iter().map(|(_, r)| r.len()).sum();
        let mut forget = 0;
        while forget + 1 < self.recent.len() && (self.recent.len() - forget > 32 || held > budget) {
            held -= self.recent[forget].1.len();
            forget += 1;
        }
        self.recent.drain(..forget);
    }

    pub fn refresh_todo(&mut self, data: &Dataset, today: NaiveDate, delai_cas_jours: u32) {
        self.todo = todo_rows(data, today, delai_cas_jours);
    }
}

/// Below this many interactions, the recent answers are counted as if there were this many.
const RECENT_ROWS_FLOOR: usize = 1_000;

/// A row as the search keeps it: a journal never holds 2³² interactions (they would not
/// fit in memory), so no row is left out.
fn row32(i: usize) -> Option<u32> {
    u32::try_from(i).ok()
}

/// Into the rows already there: a search answers many times while the user types, and
/// refilling one list spares taking a new one each time.
fn widen_into(rows: &[u32], into: &mut Vec<usize>) {
    into.clear();
    into.extend(rows.iter().map(|&i| i as usize));
}

/// Open suites and projet tâches with a due date up to a week ahead, and cases waiting on
/// a party longer than `delai_cas_jours`: the most urgent first.
pub fn todo_rows(data: &Dataset, today: NaiveDate, delai_cas_jours: u32) -> Vec<TodoRow> {
    let horizon = today + Duration::days(TODO_HORIZON_DAYS);
    let soon = |faite: bool, echeance: Option<NaiveDate>| match echeance {
        Some(due) if !faite && due <= horizon => Some(due),
        _ => None,
    };
    let suites = data.interactions.iter().enumerate().flat_map(|(i, it)| {
        it.suites.iter().enumerate().filter_map(move |(k, s)| {
            soon(s.faite, s.echeance).map(|due| TodoRow {
                subject: Todo::Suite {
                    interaction: i,
                    suite: k,
                },
                due,
            })
        })
    });
    let taches = data.projets.iter().enumerate().flat_map(|(p, projet)| {
        projet.taches.iter().enumerate().filter_map(move |(k, t)| {
            soon(t.faite, t.echeance).map(|due| TodoRow {
                subject: Todo::Tache {
                    projet: p,
                    tache: k,
                },
                due,
            })
        })
    });
    let delai = i64::from(delai_cas_jours);
    let cas = data.cas_mediation.iter().enumerate().filter_map(|(i, c)| {
        c.attend_depuis(today, delai).map(|_| TodoRow {
            subject: Todo::Cas { cas: i },
            due: c.since() + Duration::days(delai),
        })
    });
    let mut rows: Vec<TodoRow> = suites.chain(taches).chain(cas).collect();
    rows.sort_by_key(|r| (r.due, r.subject.rank()));
    rows
}

impl Todo {
    /// Orders rows due the same day: suites, tâches, cases, each in list order.
    fn rank(self) -> (u8, usize, usize) {
        match self {
            Todo::Suite { interaction, suite } => (0, interaction, suite),
            Todo::Tache { projet, tache } => (1, projet, tache),
            Todo::Cas { cas } => (2, cas, 0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A typing session keeps its answers for narrowing and Backspace, but not without
    /// bound: the oldest go once they hold more than twice the journal's rows, the newest
    /// always stays, and at most 32 are kept.
    #[test]
    fn recent_answers_are_kept_within_twice_the_journal() {
        let mut hay = search::Haystacks::default();
        for _ in 0..5_000 {
            hay.push(search::Labelled::default());
        }
        let mut journal = Journal {
            haystacks: Arc::new(hay),
            ..Journal::default()
        };
        let held = |j: &Journal| j.recent.iter().map(|(_, r)| r.len()).sum::<usize>();
        let answer = |n: u32| (0..n).collect::<Vec<u32>>();
        for (k, query) in ["lo", "log", "loge", "logem", "logeme"].iter().enumerate() {
            journal.remember(Query::parse(query), answer(4_000 - 500 * k as u32));
        }
        // « loge » brought 10 500 rows (> 10 000): « lo » went; « logeme » 11 000: « log ».
        assert_eq!(held(&journal), 3_000 + 2_500 + 2_000);
        assert_eq!(
            journal.recent.first().map(|(q, _)| q.clone()),
            Some(Query::parse("loge"))
        );
        // One answer larger than the whole budget is still kept, alone.
        journal.remember(Query::parse("l o"), answer(12_000));
        assert_eq!(journal.recent.len(), 1);
        assert_eq!(held(&journal), 12_000);
        // Small answers: 32 at most.
        for n in 0..40 {
            journal.remember(Query::parse(&format!("q{n}")), answer(10));
        }
        assert_eq!(journal.recent.len(), 32);
        assert_eq!(
            journal.recent.last().map(|(q, _)| q.clone()),
            Some(Query::parse("q39"))
        );
    }

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
