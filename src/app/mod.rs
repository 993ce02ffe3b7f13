//! Application state and `update()`: pure, no terminal, no storage, no clock reads.
//! The runtime feeds `Msg`s in and executes the returned `Effect`s.

pub mod layout;
pub mod views;

use crate::action::{Action, Context};
use crate::config::Config;
use crate::config::keymap::Key;
use crate::domain::Dataset;
use crate::i18n::I18n;
use chrono::NaiveDate;
pub use views::{CompetenceRow, EvidenceCount, Views, unknown_ids};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Journal,
    Reseau,
    Documentation,
    Competences,
}

impl Tab {
    pub const ALL: [Tab; 4] = [
        Tab::Journal,
        Tab::Reseau,
        Tab::Documentation,
        Tab::Competences,
    ];

    pub fn index(self) -> usize {
        match self {
            Tab::Journal => 0,
            Tab::Reseau => 1,
            Tab::Documentation => 2,
            Tab::Competences => 3,
        }
    }

    /// Fluent id of the tab's title.
    pub fn title_id(self) -> &'static str {
        match self {
            Tab::Journal => "tab-journal",
            Tab::Reseau => "tab-reseau",
            Tab::Documentation => "tab-documentation",
            Tab::Competences => "tab-competences",
        }
    }
}

/// Selection and scroll position of a list, in rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    /// Moves the selection by `delta` within `len` rows and keeps it inside a viewport of
    /// `height` rows.
    pub fn move_by(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        let target = self.selected.saturating_add_signed(delta).min(len - 1);
        self.select(target, len, height);
    }

    pub fn select(&mut self, index: usize, len: usize, height: usize) {
        self.selected = index.min(len.saturating_sub(1));
        self.clamp(len, height);
    }

    pub fn clamp(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    Help { scroll: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(Key),
    /// Text pasted (bracketed paste); lists ignore it.
    Paste(String),
    Resize(u16, u16),
    /// The date changed (the runtime checks the clock).
    Today(NaiveDate),
    /// The store finished loading.
    Loaded {
        data: Box<Dataset>,
        decode_failures: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
}

pub struct App {
    pub config: Config,
    pub i18n: I18n,
    pub data: Dataset,
    pub views: Views,
    pub tab: Tab,
    pub cursors: [Cursor; 4],
    pub detail_scroll: usize,
    pub modals: Vec<Modal>,
    pub size: (u16, u16),
    pub today: NaiveDate,
    pub loading: bool,
    pub decode_failures: usize,
    /// Whether the screen needs drawing again.
    pub dirty: bool,
    /// Whether this is the demo store (shown in the title bar).
    pub demo: bool,
}

impl App {
    pub fn new(config: Config, data: Dataset, today: NaiveDate) -> App {
        let i18n = I18n::new(config.lang);
        let views = Views::build(&data, &config);
        App {
            config,
            i18n,
            data,
            views,
            tab: Tab::Journal,
            cursors: [Cursor::default(); 4],
            detail_scroll: 0,
            modals: Vec::new(),
            size: (80, 24),
            today,
            loading: false,
            decode_failures: 0,
            dirty: true,
            demo: false,
        }
    }

    /// An app waiting for its data: the first frame is drawn before the store is read.
    pub fn loading(config: Config, today: NaiveDate) -> App {
        let mut app = App::new(config, Dataset::default(), today);
        app.loading = true;
        app
    }

    pub fn context(&self) -> Context {
        match self.modals.last() {
            Some(Modal::Help { .. }) => Context::Help,
            None => Context::List,
        }
    }

    pub fn t(&self, id: &str) -> String {
        self.i18n.t(id)
    }

    /// Number of rows in the current tab's list.
    pub fn row_count(&self, tab: Tab) -> usize {
        match tab {
            Tab::Journal => self.views.journal.len(),
            Tab::Reseau => self.views.structures.len(),
            Tab::Documentation => self.views.fiches.len(),
            Tab::Competences => self.views.competences.len(),
        }
    }

    pub fn cursor(&self) -> Cursor {
        self.cursors[self.tab.index()]
    }

    pub fn too_small(&self) -> bool {
        layout::too_small(self.size)
    }

    fn list_height(&self) -> usize {
        layout::screen(self.size).list_rows()
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        self.dirty = true;
        match msg {
            Msg::Key(key) => return self.on_key(key),
            Msg::Paste(_) => self.dirty = false,
            Msg::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_cursors();
            }
            Msg::Today(today) => {
                self.dirty = today != self.today;
                self.today = today;
            }
            Msg::Loaded {
                data,
                decode_failures,
            } => {
                self.views = Views::build(&data, &self.config);
                self.data = *data;
                self.loading = false;
                self.decode_failures = decode_failures;
                self.clamp_cursors();
            }
        }
        Vec::new()
    }

    fn clamp_cursors(&mut self) {
        let height = self.list_height();
        for tab in Tab::ALL {
            let len = self.row_count(tab);
            self.cursors[tab.index()].clamp(len, height);
        }
    }

    fn on_key(&mut self, key: Key) -> Vec<Effect> {
        let Some(action) = self.config.keymap.resolve(self.context(), key) else {
            self.dirty = false;
            return Vec::new();
        };
        self.apply(action)
    }

    /// Performs an action in the current context. Public so tests and a future command
    /// palette can drive the app by intent rather than by key.
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        if let Some(Modal::Help { scroll }) = self.modals.last_mut() {
            match action {
                Action::Close | Action::Help => {
                    self.modals.pop();
                }
                Action::Down => *scroll += 1,
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::PageDown => *scroll += 10,
                Action::PageUp => *scroll = scroll.saturating_sub(10),
                Action::Quit => return vec![Effect::Quit],
                _ => {}
            }
            return Vec::new();
        }
        let page = self.list_height().saturating_sub(1).max(1) as isize;
        match action {
            Action::Quit => return vec![Effect::Quit],
            Action::Help => self.modals.push(Modal::Help { scroll: 0 }),
            Action::NextTab => self.switch_tab((self.tab.index() + 1) % Tab::ALL.len()),
            Action::PrevTab => {
                self.switch_tab((self.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len())
            }
            Action::TabJournal => self.switch_tab(0),
            Action::TabReseau => self.switch_tab(1),
            Action::TabDocumentation => self.switch_tab(2),
            Action::TabCompetences => self.switch_tab(3),
            Action::Down => self.move_selection(1),
            Action::Up => self.move_selection(-1),
            Action::PageDown => self.move_selection(page),
            Action::PageUp => self.move_selection(-page),
            Action::First => self.move_selection(isize::MIN / 2),
            Action::Last => self.move_selection(isize::MAX / 2),
            Action::DetailDown => self.detail_scroll += 3,
            Action::DetailUp => self.detail_scroll = self.detail_scroll.saturating_sub(3),
            Action::Close => self.dirty = false,
        }
        Vec::new()
    }

    fn switch_tab(&mut self, index: usize) {
        self.tab = Tab::ALL[index % Tab::ALL.len()];
        self.detail_scroll = 0;
    }

    fn move_selection(&mut self, delta: isize) {
        let len = self.row_count(self.tab);
        let height = self.list_height();
        let cursor = &mut self.cursors[self.tab.index()];
        let before = cursor.selected;
        cursor.move_by(delta, len, height);
        if cursor.selected != before {
            self.detail_scroll = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_keeps_selection_visible() {
        let mut c = Cursor::default();
        c.move_by(5, 100, 10);
        assert_eq!((c.selected, c.offset), (5, 0));
        c.move_by(10, 100, 10);
        assert_eq!((c.selected, c.offset), (15, 6));
        c.move_by(-12, 100, 10);
        assert_eq!((c.selected, c.offset), (3, 3));
        c.move_by(isize::MAX / 2, 100, 10);
        assert_eq!((c.selected, c.offset), (99, 90));
        c.move_by(1, 0, 10);
        assert_eq!(c, Cursor::default());
    }
}
