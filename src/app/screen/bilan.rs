//! The Bilan tab: a period's figures (`domain::bilan`), compared with the period before and
//! the same period a year earlier; the period moves with ← and →, `P` changes its kind.
//! Counted when the tab is shown or the period moves, never on every change elsewhere.

use crate::app::*;
use crate::domain::bilan::{self, Bilan, Period, PeriodKind, Totaux};

/// One row of the Bilan's list: a breakdown's heading, or one of its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BilanRow {
    Heading(usize),
    Line(usize, usize),
}

/// What the Bilan tab shows and remembers.
#[derive(Debug, Clone)]
pub struct BilanState {
    pub period: Period,
    /// The figures of `period`, and the totals it is compared with; `None` until counted.
    pub figures: Option<Bilan>,
    pub previous: Totaux,
    pub year_before: Totaux,
    pub rows: Vec<BilanRow>,
    /// The data changed since the figures were counted.
    pub stale: bool,
}

impl BilanState {
    pub fn new(today: chrono::NaiveDate) -> BilanState {
        BilanState {
            period: Period::containing(PeriodKind::Mois, today),
            figures: None,
            previous: Totaux::default(),
            year_before: Totaux::default(),
            rows: Vec::new(),
            stale: true,
        }
    }
}

impl App {
    /// Counts the period again (and the two it is compared with).
    pub(in crate::app) fn count_bilan(&mut self) {
        let b = &mut self.bilan;
        let figures = bilan::compute(&self.data, &self.config.vocab, b.period, self.today);
        b.previous = bilan::totals(
            &self.data,
            &self.config.vocab,
            b.period.shifted(-1),
            self.today,
        );
        b.year_before = bilan::totals(
            &self.data,
            &self.config.vocab,
            b.period.year_before(),
            self.today,
        );
        b.rows = figures
            .tables
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.lignes.is_empty())
            .flat_map(|(t, table)| {
                std::iter::once(BilanRow::Heading(t))
                    .chain((0..table.lignes.len()).map(move |l| BilanRow::Line(t, l)))
            })
            .collect();
        b.figures = Some(figures);
        b.stale = false;
        self.clamp_cursors();
    }

    /// Counts only what the Bilan tab shows, when it shows it.
    pub(in crate::app) fn bilan_after_change(&mut self) {
        self.bilan.stale = true;
        if self.tab == Tab::Bilan {
            self.count_bilan();
        }
    }

    fn move_period(&mut self, period: Period) {
        self.bilan.period = period;
        self.cursors[Tab::Bilan.index()] = Cursor::default();
        self.detail_scroll = 0;
        self.count_bilan();
    }

    pub(in crate::app) fn bilan_action(&mut self, action: Action) -> Vec<Effect> {
        let period = self.bilan.period;
        match action {
            Action::PrevPeriod => self.move_period(period.shifted(-1)),
            Action::NextPeriod => self.move_period(period.shifted(1)),
            Action::CyclePeriod => {
                let cycle = PeriodKind::CYCLE;
                let next = cycle
                    .iter()
                    .position(|k| *k == period.kind)
                    .map_or(PeriodKind::Mois, |i| cycle[(i + 1) % cycle.len()]);
                // The new kind's period that holds the old one's last day (today's, if
                // the period runs on past it).
                self.move_period(Period::containing(next, period.au.min(self.today)));
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    pub(in crate::app) fn bilan_hints(&self) -> &'static [Action] {
        &[
            Action::PrevPeriod,
            Action::NextPeriod,
            Action::CyclePeriod,
            Action::Help,
            Action::Quit,
        ]
    }

    pub fn bilan(&self) -> &BilanState {
        &self.bilan
    }
}
