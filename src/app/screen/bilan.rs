//! The Bilan tab: a period's figures (`domain::bilan`), compared with the period before and
//! the same period a year earlier; the period moves with ← and →, `P` changes its kind.
//! Counted when the tab is shown or the period moves, never on every change elsewhere.

use crate::app::*;
use crate::domain::bilan::{self, Chiffres, Period, PeriodKind, Totaux};

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
    pub figures: Option<Chiffres>,
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

    /// The written bilan of the period shown: the one with exactly its dates.
    pub fn period_bilan(&self) -> Option<&Bilan> {
        bilan::written_for(&self.data, self.bilan.period)
    }

    /// Other written bilans whose period overlaps the one shown.
    pub fn overlapping_bilans(&self) -> usize {
        let p = self.bilan.period;
        self.data
            .bilans
            .iter()
            .filter(|b| b.du <= p.au && p.du <= b.au && !(b.du == p.du && b.au == p.au))
            .count()
    }

    /// Writes the period's bilan: opens the one written, or a new one on the period's dates.
    fn write_bilan(&mut self) {
        if let Some(b) = self.period_bilan() {
            let record = b.clone().into_any();
            self.open_form(&record, false);
            return;
        }
        let meta = RecordMeta::new(Id(0), Timestamp(self.now_ms));
        if let Some(mut b) = kinds::blank::<Bilan>(meta, self.today) {
            b.du = self.bilan.period.du;
            b.au = self.bilan.period.au;
            self.open_form(&b.into_any(), true);
        }
    }

    /// Enter on a line: the journal, narrowed to the interactions that line counts.
    fn open_behind(&mut self) {
        let Some(BilanRow::Line(t, k)) = self.bilan.rows.get(self.cursor().selected).copied()
        else {
            self.dirty = false;
            return;
        };
        let Some(figures) = self.bilan.figures.as_ref() else {
            return;
        };
        let table = &figures.tables[t];
        let value = &table.lignes[k].valeur;
        if !bilan::counts_interactions(table.dimension) {
            self.set_status(self.t("status-bilan-records-in-detail"), false);
            return;
        }
        let period = self.bilan.period;
        let ids = bilan::interactions_counted_in(
            &self.data,
            &self.config.vocab,
            period,
            table.dimension,
            value,
        );
        let label = self.i18n.t_args(
            "bilan-behind",
            &[
                arg(
                    "dimension",
                    self.t(&format!("bilan-dim-{}", table.dimension)),
                ),
                arg(
                    "value",
                    crate::export::bilan::value_label(
                        &self.config,
                        &self.i18n,
                        table.dimension,
                        value,
                    ),
                ),
            ],
        );
        self.journal.mode = journal::Mode::List;
        self.journal.filter = journal::Filter {
            period: journal::Period::Custom,
            from: Some(period.du),
            to: Some(period.au),
            behind: Some(journal::Behind { label, ids }),
            ..journal::Filter::default()
        };
        self.journal
            .refresh(&self.data, &self.views.journal, self.today, false);
        self.cursors[Tab::Journal.index()] = Cursor::default();
        self.switch_tab(Tab::Journal.index());
    }

    /// `f`: any range of days, the shown period's dates to start from.
    fn open_bilan_range(&mut self) {
        let p = self.bilan.period;
        let date = crate::domain::text::date;
        self.modals.push(Modal::Form(Box::new(Form::new(
            Purpose::BilanRange,
            "form-bilan-range",
            vec![
                form::Field::typed("du", FieldKind::Date, &date(p.du)).required(),
                form::Field::typed("au", FieldKind::Date, &date(p.au)).required(),
            ],
        ))));
    }

    /// Reads the range form: both dates, the first not after the second.
    pub(in crate::app) fn apply_bilan_range(&mut self, form: &mut Form) -> bool {
        form.clear_errors();
        let mut read = |id: &'static str| {
            let text = form
                .value(id)
                .map(|v| v.text().trim().to_string())
                .unwrap_or_default();
            match crate::domain::parse::date(&text, self.today) {
                Ok(d) => Some(d),
                Err(e) => {
                    form.set_error(id, if text.is_empty() { "err-required" } else { e });
                    None
                }
            }
        };
        let (du, au) = (read("du"), read("au"));
        if let (Some(du), Some(au)) = (du, au)
            && au < du
        {
            form.set_error("au", "err-period-order");
        }
        if form.focus_first_error() {
            return false;
        }
        let (Some(du), Some(au)) = (du, au) else {
            return false;
        };
        self.move_period(Period::range(du, au));
        true
    }

    /// `X`: where to write the period's bilan; the file's extension says the format.
    fn open_bilan_export(&mut self) {
        let p = self.bilan.period;
        let name = format!(
            "~/bilan-{}-{}.xlsx",
            p.du.format("%Y%m%d"),
            p.au.format("%Y%m%d")
        );
        self.modals.push(Modal::Form(Box::new(Form::new(
            Purpose::ExportBilan,
            "form-export-bilan",
            vec![form::Field::text("fichier_bilan", &name).required()],
        ))));
    }

    pub(in crate::app) fn export_bilan(&mut self, mut form: Box<Form>) -> Vec<Effect> {
        use crate::export::bilan as export;
        let path = typed_path(
            &form
                .value("fichier_bilan")
                .map_or(String::new(), |v| v.text().to_string()),
        );
        let Some(format) = export::Format::of_path(&path) else {
            let message = if path.as_os_str().is_empty() {
                "err-required"
            } else {
                "err-bilan-extension"
            };
            form.set_error("fichier_bilan", message);
            self.modals.push(Modal::Form(form));
            return Vec::new();
        };
        let period = self.bilan.period;
        let figures = bilan::compute(&self.data, &self.config.vocab, period, self.today);
        let written = bilan::written_for(&self.data, period);
        let bytes = export::render(format, &figures, written, &self.config, &self.i18n);
        self.write_export(path, bytes)
    }

    pub(in crate::app) fn bilan_action(&mut self, action: Action) -> Vec<Effect> {
        let period = self.bilan.period;
        match action {
            Action::Export => self.open_bilan_export(),
            Action::Filter => self.open_bilan_range(),
            Action::New => self.write_bilan(),
            Action::Edit => self.open_behind(),
            Action::Delete => match self.period_bilan().map(|b| b.meta.id) {
                Some(id) => self.ask_delete_record(RecordKind::Bilan, id),
                None => self.dirty = false,
            },
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
            Action::Edit,
            Action::New,
            Action::Export,
            Action::Filter,
            Action::Help,
            Action::Quit,
        ]
    }

    pub fn bilan(&self) -> &BilanState {
        &self.bilan
    }
}
