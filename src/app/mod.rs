//! Application state and `update()`: pure, no terminal, no storage, no clock reads.
//! The runtime feeds `Msg`s in and executes the returned `Effect`s.

mod changes;
pub mod docs;
pub mod dossier;
pub mod draft;
pub mod evidence;
pub mod form;
pub mod input;
pub mod journal;
pub mod kinds;
pub mod layout;
pub mod network;
mod personne;
pub mod picker;
mod screen;
pub mod views;

use crate::action::{Action, Context};
use crate::config::Config;
use crate::config::keymap::{Key, KeyCode};
pub use crate::domain::coverage::{Coverage, EvidenceCount};
use crate::domain::*;
use crate::i18n::{I18n, arg};
use crate::privacy::{Guard, GuardWarning};
use chrono::{NaiveDate, NaiveDateTime};
use form::{FieldKind, Form, Options, Purpose, RefList, StructureRef, SuiviRef, Value};
use input::Edit;
use journal::{Journal, Mode, Period};
use picker::{Choice, Create, Picker};
pub use screen::{BilanRow, CompView, DocsMode, ReseauMode};
pub use views::{CompetenceRow, Views, unknown_ids};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Journal,
    Reseau,
    Documentation,
    Competences,
    Bilan,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Journal,
        Tab::Reseau,
        Tab::Documentation,
        Tab::Competences,
        Tab::Bilan,
    ];

    pub fn index(self) -> usize {
        match self {
            Tab::Journal => 0,
            Tab::Reseau => 1,
            Tab::Documentation => 2,
            Tab::Competences => 3,
            Tab::Bilan => 4,
        }
    }

    /// Fluent id of the tab's title.
    pub fn title_id(self) -> &'static str {
        match self {
            Tab::Journal => "tab-journal",
            Tab::Reseau => "tab-reseau",
            Tab::Documentation => "tab-documentation",
            Tab::Competences => "tab-competences",
            Tab::Bilan => "tab-bilan",
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

/// How to take back one change: records to put back as they were, records to remove.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    /// Fluent id describing the change ("undo-created", "undo-edited"…).
    pub what: &'static str,
    pub restore: Vec<AnyRecord>,
    pub remove: Vec<(RecordKind, Id)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ConfirmAction {
    DeleteInteraction(Id),
    DeleteStructure(Id),
    DeleteContact(Id),
    /// A rencontre, veille entry, signalement or note de territoire.
    DeleteRecord(RecordKind, Id),
    /// A service of a structure (by position).
    DeleteService(Id, usize),
    /// An empty node of the plan de classement.
    DeleteNode(Text),
    /// A structure with a close name exists: yes opens it, no creates the new one anyway.
    OpenSimilarStructure(Id),
    DiscardForm,
    /// A form kept when the last session ended by a signal: yes reopens it, no drops it,
    /// Esc asks again next time.
    ResumeDraft(Box<draft::Draft>),
    /// Erase a suivi and its interactions, in the store and the backups (no undo).
    EraseSuivi(Id),
    /// Anonymise what is past the retention period (no undo; a backup is made first).
    ApplyRetention,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Help {
        scroll: usize,
    },
    /// The « cadre légal » card: duties and emergency numbers.
    CadreLegal {
        scroll: usize,
    },
    Form(Box<Form>),
    Picker(Box<Picker>),
    Confirm {
        message: String,
        action: ConfirmAction,
    },
    /// The revisions of a fiche, newest first; `diff` shows what the selected one changed.
    History {
        fiche: Id,
        cursor: usize,
        diff: bool,
    },
    /// The records linked to one competence (qualified id): open, relink, unlink.
    Evidence {
        competence: Text,
        cursor: usize,
    },
    /// Free-text guard warnings for the form below, before it is saved.
    Guard {
        warnings: Vec<GuardWarning>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(Key),
    /// Text pasted (bracketed paste), already with `\n` line ends.
    Paste(String),
    Resize(u16, u16),
    /// The time now, local and as a UTC instant (the runtime reads the clock).
    Clock {
        local: NaiveDateTime,
        utc_ms: i64,
    },
    /// A journal search run beside the loop has answered.
    Searched {
        generation: u64,
        query: crate::search::Query,
        rows: Vec<u32>,
    },
    /// The newest interactions, read first so the journal shows rows while the rest loads.
    Newest(Vec<Interaction>),
    /// The store finished loading; its journal's search text too when the loading thread
    /// folded it (otherwise the app does).
    Loaded {
        data: Box<Dataset>,
        decode_failures: usize,
        folded: Option<Box<journal::Folded>>,
    },
    /// A write to the store failed (the change stays in memory and on screen).
    PersistFailed(String),
    /// Opening the store moved aside files an interrupted run left.
    Recovered,
    /// A form kept when the last session was ended by a signal.
    DraftFound(Box<draft::Draft>),
    /// The text came back from $EDITOR (or the editor could not run).
    ExternalEdited(Result<String, String>),
    /// A documentation folder was read (or could not be).
    FolderRead(
        Result<
            crate::export::markdown::FolderFiles,
            (std::path::PathBuf, std::io::ErrorKind, String),
        >,
    ),
    /// An export was written, or why not (the path and the system's error).
    FileWritten(Result<std::path::PathBuf, (std::path::PathBuf, std::io::ErrorKind, String)>),
    /// Records written through this interface from another terminal (`carnet note`).
    WrittenElsewhere(Vec<AnyRecord>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    /// Write an export to a file (private, atomically).
    WriteFile {
        path: std::path::PathBuf,
        bytes: Vec<u8>,
    },
    /// Write and delete records with their index entries in one transaction, then flush.
    Commit(Changes),
    /// Suspend the screen and edit this text in $VISUAL/$EDITOR.
    /// A text to edit in the user's editor, and the language to say which one opens in.
    EditExternally(String, crate::domain::Lang),
    /// Read a documentation folder (Markdown files).
    ReadFolder(std::path::PathBuf),
    /// Run a journal search beside the loop; its answer comes back as `Msg::Searched`.
    Search(journal::SearchJob),
    /// Remove the kept form (offered back, then resumed or declined).
    DiscardDraft,
    /// Erase a suivi: its records out of the backups, then `changes` committed; logged by
    /// counts, the store rebuilt when the session ends.
    EraseSuivi {
        suivi: Id,
        changes: Changes,
        counts: Vec<(&'static str, usize)>,
        /// When, for the privacy log.
        at: NaiveDateTime,
    },
    /// Anonymise what is past the retention period: a backup, then `changes` committed;
    /// logged by counts, the store rebuilt when the session ends.
    Anonymise {
        changes: Changes,
        counts: Vec<(&'static str, usize)>,
        backups: crate::storage::backup::Retention,
        at: NaiveDateTime,
    },
}

/// How far the store has loaded: the first frame is drawn before anything is read, the
/// journal's newest rows before the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Load {
    /// Nothing read yet.
    Waiting,
    /// Only the newest interactions: the journal's first rows, nothing else.
    Newest,
    Complete,
}

/// A line for the footer: information, or a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub(crate) config: Config,
    pub(crate) i18n: I18n,
    pub(crate) data: Dataset,
    pub(crate) views: Views,
    pub(crate) journal: Journal,
    /// The Réseau tab's state (`app/screen/reseau.rs`).
    pub(crate) reseau: screen::ReseauState,
    /// The Documentation tab's state (`app/screen/documentation.rs`).
    pub(crate) docs: screen::DocsState,
    /// The Compétences tab's state (`app/screen/competences.rs`).
    pub(crate) comp: screen::CompState,
    /// The Bilan tab's state (`app/screen/bilan.rs`).
    pub(crate) bilan: screen::BilanState,
    /// The config's plan de classement, before the team's changes.
    base_plan: Vocabulary,
    pub(crate) tab: Tab,
    pub(crate) cursors: [Cursor; 5],
    pub(crate) detail_scroll: usize,
    /// How far the detail pane can scroll, as the last frame measured it (wrapped lines
    /// depend on the pane's width, which only drawing knows).
    pub(crate) detail_max_scroll: std::cell::Cell<usize>,
    pub(crate) modals: Vec<Modal>,
    pub(crate) size: (u16, u16),
    pub(crate) today: NaiveDate,
    pub(crate) now: NaiveDateTime,
    pub(crate) now_ms: i64,
    pub(crate) load: Load,
    pub(crate) decode_failures: usize,
    pub(crate) undo: Vec<Undo>,
    pub(crate) status: Option<Status>,
    /// Said with the next « file written » (a Dossier written without its « Présentation du
    /// dossier » page).
    pub(crate) written_note: Option<&'static str>,
    ids: IdGen,
    /// Whether the screen needs drawing again.
    pub(crate) dirty: bool,
    /// Whether this is the demo store (shown in the title bar).
    pub(crate) demo: bool,
}

/// What a form read, for the one save path: the record (`None` when the form has
/// problems), the records created beside it, the status message's id.
struct Saved {
    record: Option<AnyRecord>,
    created: Vec<AnyRecord>,
    status: &'static str,
}

/// What the app shows, for the ui, the runtime and the tests: read through methods, so the
/// state can be arranged by screen without changing them.
impl App {
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn i18n(&self) -> &I18n {
        &self.i18n
    }

    pub fn views(&self) -> &Views {
        &self.views
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// The open modals, bottom to top.
    pub fn modals(&self) -> &[Modal] {
        &self.modals
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn reseau_mode(&self) -> ReseauMode {
        self.reseau.mode
    }

    pub fn comp_view(&self) -> CompView {
        self.comp.view
    }

    /// Shows a view of the Compétences tab, as its view picker does.
    pub fn show_comp_view(&mut self, view: CompView) {
        self.comp.view = view;
        self.cursors[Tab::Competences.index()] = Cursor::default();
        self.detail_scroll = 0;
        self.dirty = true;
    }

    pub fn docs_mode(&self) -> DocsMode {
        self.docs.mode
    }

    /// The directory as shown (indexes of structures).
    pub fn reseau_rows(&self) -> &[usize] {
        &self.reseau.rows
    }

    /// « À relancer », most urgent first.
    pub fn relance(&self) -> &[network::RelanceRow] {
        &self.reseau.relance
    }

    /// The fiches as shown (indexes).
    pub fn docs_rows(&self) -> &[usize] {
        &self.docs.rows
    }

    /// The fiches to review, and why.
    pub fn docs_review(&self) -> &[docs::ReviewRow] {
        &self.docs.review
    }

    /// The footer's message, if any.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The terminal's size, as last told.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Whether the store is still loading.
    pub fn is_loading(&self) -> bool {
        self.load != Load::Complete
    }

    /// How far the store has loaded.
    pub fn load(&self) -> Load {
        self.load
    }

    /// Records of the store that could not be read.
    pub fn decode_failures(&self) -> usize {
        self.decode_failures
    }

    /// Whether the screen needs drawing again.
    pub fn needs_drawing(&self) -> bool {
        self.dirty
    }

    /// The screen was drawn.
    pub fn drawn(&mut self) {
        self.dirty = false;
    }
}

/// What the lists answer while the store loads: moving, changing tab, help, quitting.
const WHILE_LOADING: [Action; 17] = [
    Action::Quit,
    Action::Help,
    Action::NextTab,
    Action::PrevTab,
    Action::TabJournal,
    Action::TabReseau,
    Action::TabDocumentation,
    Action::TabCompetences,
    Action::TabBilan,
    Action::Down,
    Action::Up,
    Action::PageDown,
    Action::PageUp,
    Action::First,
    Action::Last,
    Action::DetailDown,
    Action::DetailUp,
];

/// How many changes `u` can take back.
const UNDO_DEPTH: usize = 100;

impl App {
    pub fn new(config: Config, data: Dataset, now: NaiveDateTime) -> App {
        let i18n = I18n::new(config.lang);
        let base_plan = config.vocab.plan_classement.clone();
        let mut app = App {
            config,
            i18n,
            data: Dataset::default(),
            views: Views::default(),
            journal: Journal::new(),
            reseau: screen::ReseauState::default(),
            docs: screen::DocsState::default(),
            comp: screen::CompState::default(),
            bilan: screen::BilanState::new(now.date()),
            base_plan: Vocabulary::default(),
            tab: Tab::Journal,
            cursors: [Cursor::default(); 5],
            detail_scroll: 0,
            detail_max_scroll: std::cell::Cell::new(usize::MAX),
            modals: Vec::new(),
            size: (80, 24),
            today: now.date(),
            now,
            now_ms: now.and_utc().timestamp_millis(),
            load: Load::Complete,
            decode_failures: 0,
            undo: Vec::new(),
            status: None,
            written_note: None,
            ids: IdGen::default(),
            dirty: true,
            demo: false,
        };
        app.base_plan = base_plan;
        app.install(data);
        app
    }

    /// An app waiting for its data: the first frame is drawn before the store is read.
    pub fn loading(config: Config, now: NaiveDateTime) -> App {
        let mut app = App::new(config, Dataset::default(), now);
        app.load = Load::Waiting;
        app
    }

    fn install(&mut self, data: Dataset) {
        self.install_folded(data, None);
    }

    fn install_folded(&mut self, data: Dataset, folded: Option<journal::Folded>) {
        self.ids = IdGen::after(data.last_id());
        self.data = data;
        match folded {
            Some(folded) if folded.fits(&self.data) => self.journal.install_folded(folded),
            _ => self.journal.rebuild_haystacks(&self.data, &self.config),
        }
        self.refresh();
    }

    /// Rebuilds what is derived from the data after a change, keeping selections in range.
    fn refresh(&mut self) {
        self.config.vocab.plan_classement = effective_plan(&self.base_plan, &self.data.plan);
        self.views = Views::build(&self.data, &self.config);
        self.journal
            .refresh(&self.data, &self.views.journal, self.today, false);
        self.journal
            .refresh_todo(&self.data, self.today, self.config.delai_cas_jours);
        self.reseau.relance =
            network::relance_rows(&self.data, &self.views, &self.config, self.today);
        self.refresh_reseau_rows();
        self.refresh_docs_rows();
        self.docs.review = docs::review_rows(&self.data, self.today);
        self.clamp_cursors();
        self.bilan_after_change();
    }

    pub fn context(&self) -> Context {
        self.context_of(self.modals.last())
    }

    /// Where the user was when they opened the help: what the help is about.
    pub fn context_under_help(&self) -> Context {
        let mut below = self.modals.iter().rev();
        let top = match below.next() {
            Some(Modal::Help { .. }) => below.next(),
            top => top,
        };
        self.context_of(top)
    }

    /// The actions of the screen under the help, for its first section: the footer's, then
    /// the others the screen handles.
    pub fn screen_actions(&self) -> Vec<Action> {
        // Over a form: the form's keys, those of its footer first.
        if self.context_under_help() == Context::Form {
            let mut actions: Vec<Action> = self.form_hints().to_vec();
            for (a, _) in self.config.keymap.bindings(Context::Form) {
                if *a != Action::Help && !actions.contains(a) {
                    actions.push(*a);
                }
            }
            return actions;
        }
        let more: &[Action] = match self.tab {
            Tab::Journal => &[
                Action::Delete,
                Action::Undo,
                Action::Duplicate,
                Action::SaveAsModele,
                Action::Timeline,
                Action::MarkDone,
                Action::ClearFilter,
            ],
            Tab::Reseau => &[
                Action::Delete,
                Action::Undo,
                Action::Search,
                Action::EditContact,
                Action::Verified,
                Action::NewRencontre,
                Action::NewService,
                Action::EditService,
                Action::NewSeance,
            ],
            Tab::Documentation => &[
                Action::Delete,
                Action::Undo,
                Action::Timeline,
                Action::Plan,
                Action::Move,
                Action::Import,
            ],
            Tab::Competences => &[Action::Delete, Action::Move, Action::Export],
            Tab::Bilan => &[],
        };
        let mut actions: Vec<Action> = Vec::new();
        for a in self.hints_in(Context::List).iter().chain(more) {
            if !matches!(a, Action::Help | Action::Quit) && !actions.contains(a) {
                actions.push(*a);
            }
        }
        actions
    }

    fn context_of(&self, top: Option<&Modal>) -> Context {
        match top {
            Some(Modal::Help { .. } | Modal::CadreLegal { .. }) => Context::Help,
            Some(Modal::Form(_)) => Context::Form,
            Some(Modal::Picker(_)) => Context::Picker,
            Some(Modal::Confirm { .. } | Modal::Guard { .. }) => Context::Confirm,
            None if self.tab == Tab::Journal && self.journal.searching => Context::Search,
            None if self.tab == Tab::Reseau && self.reseau.searching => Context::Search,
            None if self.tab == Tab::Documentation && self.docs.searching => Context::Search,
            Some(Modal::History { .. }) => Context::History,
            Some(Modal::Evidence { .. }) => Context::Evidence,
            None => Context::List,
        }
    }

    /// The actions worth a hint in the footer where the user is, in the order shown; each
    /// screen lists its own beside its key handling (`app/screen/`).
    pub fn hints(&self) -> &'static [Action] {
        self.hints_in(self.context())
    }

    fn hints_in(&self, context: Context) -> &'static [Action] {
        match context {
            Context::Help => &[Action::Close, Action::Down, Action::Up],
            Context::Search => &[Action::Select, Action::Cancel, Action::Down, Action::Up],
            Context::Form => self.form_hints(),
            Context::Picker => self.picker_hints(),
            // The guard's warning: save anyway, or back to the form, as its box says.
            Context::Confirm if matches!(self.modals.last(), Some(Modal::Guard { .. })) => {
                &[Action::Yes, Action::Cancel]
            }
            Context::Confirm => &[Action::Yes, Action::No],
            Context::History => self.history_hints(),
            Context::Evidence => self.evidence_hints(),
            // While the store loads, only what works then.
            Context::List | Context::Global if self.is_loading() => {
                &[Action::Down, Action::Up, Action::Help, Action::Quit]
            }
            Context::List | Context::Global => match self.tab {
                Tab::Journal => self.journal_hints(),
                Tab::Reseau => self.reseau_hints(),
                Tab::Documentation => self.documentation_hints(),
                Tab::Competences => self.competences_hints(),
                Tab::Bilan => self.bilan_hints(),
            },
        }
    }

    /// The label of a form field: `field-ID` with dashes.
    pub fn field_label(&self, id: &str) -> String {
        self.t(&format!("field-{}", id.replace('_', "-")))
    }

    pub fn t(&self, id: &str) -> String {
        self.i18n.t(id)
    }

    /// Number of rows in a tab's list.
    pub fn row_count(&self, tab: Tab) -> usize {
        match tab {
            Tab::Journal => match self.journal.mode {
                Mode::List => self.journal.rows.len(),
                Mode::Todo => self.journal.todo.len(),
            },
            Tab::Reseau => match self.reseau.mode {
                ReseauMode::List => self.reseau.rows.len(),
                ReseauMode::Relancer => self.reseau.relance.len(),
                ReseauMode::Records(kind) => self.views.records(kind).len(),
                ReseauMode::Overview => self.views.partners.len(),
            },
            Tab::Documentation => match self.docs.mode {
                DocsMode::List => self.docs.rows.len(),
                DocsMode::AReviser => self.docs.review.len(),
                DocsMode::Plan => self.config.vocab.plan_classement.entries.len(),
            },
            Tab::Competences => match self.comp.view {
                CompView::Referentiel => self.views.competences.len(),
                CompView::Coverage => self.config.referentiel.competences().count(),
                CompView::Analyses => self.views.analyses.len(),
                CompView::Profil => 0,
                CompView::Dossier => dossier::rows(&self.data, &self.config).len(),
            },
            Tab::Bilan => self.bilan.rows.len(),
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

    /// The unsaved form to keep if the session ends now: the last one open that writes a
    /// record, when it changed something.
    pub fn draft(&self) -> Option<draft::Draft> {
        self.modals.iter().rev().find_map(|m| match m {
            Modal::Form(form) => draft::Draft::of(form, self.now),
            _ => None,
        })
    }

    /// A file the runtime could not read or write, said in the UI language.
    fn io_failed(
        &mut self,
        message_id: &str,
        path: &std::path::Path,
        kind: std::io::ErrorKind,
        message: &str,
    ) {
        let detail = format!(
            "{} : {}",
            path.display(),
            self.i18n.io_detail_of(kind, message)
        );
        let text = self.i18n.t_args(message_id, &[arg("detail", detail)]);
        self.set_status(text, true);
    }

    fn set_status(&mut self, text: String, error: bool) {
        self.status = Some(Status { text, error });
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        self.dirty = true;
        match msg {
            Msg::Key(key) => {
                self.status = None;
                // The detail pane reads from its top for each record it shows.
                let shown = self.detail_subject();
                let effects = self.on_key(key);
                if self.detail_subject() != shown {
                    self.detail_scroll = 0;
                }
                return effects;
            }
            Msg::Paste(text) => return self.on_paste(&text),
            Msg::Searched {
                generation,
                query,
                rows,
            } => {
                if self.journal.answered(generation, query, rows) {
                    self.cursors[0] = Cursor::default();
                } else {
                    self.dirty = false;
                }
            }
            Msg::WrittenElsewhere(records) => self.written_elsewhere(records),
            Msg::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_cursors();
            }
            Msg::Clock { local, utc_ms } => {
                let new_day = local.date() != self.today;
                self.now = local;
                self.now_ms = utc_ms;
                self.dirty = new_day;
                if new_day {
                    self.today = local.date();
                    self.refresh();
                }
            }
            Msg::Newest(interactions) => {
                // Only before the whole store: never over what it loaded.
                if self.load == Load::Waiting {
                    self.install(Dataset {
                        interactions,
                        ..Dataset::default()
                    });
                    self.load = Load::Newest;
                }
            }
            Msg::Loaded {
                data,
                decode_failures,
                folded,
            } => {
                // The newest rows were the journal's first rows: the selection stays on them.
                self.install_folded(*data, folded.map(|f| *f));
                self.load = Load::Complete;
                if self
                    .status
                    .as_ref()
                    .is_some_and(|s| s.text == self.t("status-still-loading"))
                {
                    self.status = None;
                }
                self.decode_failures = decode_failures;
                self.offer_retention();
            }
            Msg::PersistFailed(detail) => {
                let text = self
                    .i18n
                    .t_args("status-persist-failed", &[arg("detail", detail)]);
                self.set_status(text, true);
            }
            Msg::Recovered => {
                // One status line: the full account is in `carnet doctor`.
                self.set_status(self.t("status-recovered"), false);
            }
            Msg::DraftFound(draft) => {
                let message = self.i18n.t_args(
                    "confirm-resume-draft",
                    &[
                        arg("date", crate::domain::text::date(draft.kept_at.date())),
                        arg("time", draft.kept_at.format("%H:%M").to_string()),
                    ],
                );
                self.modals.push(Modal::Confirm {
                    message,
                    action: ConfirmAction::ResumeDraft(draft),
                });
            }
            Msg::FolderRead(Err((path, kind, message))) => {
                self.io_failed("status-folder-failed", &path, kind, &message);
            }
            Msg::FolderRead(Ok(files)) => return self.merge_folder(files),
            Msg::FileWritten(Ok(path)) => {
                let mut text = self.i18n.t_args(
                    "status-file-written",
                    &[arg("path", path.display().to_string())],
                );
                if let Some(note) = self.written_note.take() {
                    text.push(' ');
                    text.push_str(&self.t(note));
                }
                self.set_status(text, false);
            }
            Msg::FileWritten(Err((path, kind, message))) => {
                self.written_note = None;
                self.io_failed("status-write-failed", &path, kind, &message);
            }
            Msg::ExternalEdited(result) => match result {
                Ok(text) => {
                    if let Some(Modal::Form(form)) = self.modals.last_mut()
                        && let Value::Text(input) = &mut form.focused_mut().value
                    {
                        input.set(text.trim_end_matches('\n'));
                    }
                }
                Err(detail) => {
                    let text = self
                        .i18n
                        .t_args("status-editor-failed", &[arg("detail", detail)]);
                    self.set_status(text, true);
                }
            },
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

    fn on_paste(&mut self, text: &str) -> Vec<Effect> {
        let searching = self.context() == Context::Search;
        match self.modals.last_mut() {
            Some(Modal::Form(form)) => {
                if let Value::Text(input) = &mut form.focused_mut().value {
                    input.paste(text);
                }
            }
            Some(Modal::Picker(p)) => {
                p.query.insert_str(text);
                p.refilter();
            }
            None if searching => {
                self.search_input().insert_str(text);
                return self.search_changed();
            }
            // A paste is never taken as keystrokes in a list.
            _ => self.dirty = false,
        }
        Vec::new()
    }

    fn on_key(&mut self, key: Key) -> Vec<Effect> {
        let context = self.context();
        // Nothing is acted on blind: while the screen is too small to show what a key would
        // do, keys are ignored, except quitting from the lists.
        if layout::too_small(self.size) {
            let quits = self.modals.is_empty()
                && self.config.keymap.resolve(Context::Global, key) == Some(Action::Quit);
            return if quits {
                vec![Effect::Quit]
            } else {
                Vec::new()
            };
        }
        // A focused text field takes printable and editing keys first.
        match context {
            Context::Form => {
                if let Some(effects) = self.form_key(key) {
                    return effects;
                }
            }
            Context::Picker => {
                if let Some(Modal::Picker(p)) = self.modals.last_mut()
                    && p.query.key(key) == Edit::Changed
                {
                    p.refilter();
                    return Vec::new();
                }
            }
            Context::Search if self.search_input().key(key) == Edit::Changed => {
                return self.search_changed();
            }
            _ => {}
        }
        let Some(action) = self.config.keymap.resolve(context, key) else {
            // Over SSH and in tmux, Esc quickly followed by a key arrives as Alt+key; Carnet
            // binds no Alt chords, so take it as the two keys it was.
            if key.mods.alt {
                let mut plain = key;
                plain.mods.alt = false;
                let mut effects = self.on_key(Key::plain(KeyCode::Esc));
                if !effects.contains(&Effect::Quit) {
                    effects.extend(self.on_key(plain));
                }
                return effects;
            }
            self.dirty = self.status.is_some();
            return Vec::new();
        };
        self.apply(action)
    }

    /// Performs an action in the current context. Public so tests (and a command palette)
    /// drive the app by intent rather than by key.
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        match self.context() {
            Context::Help => self.help_action(action),
            Context::History => self.history_action(action),
            Context::Evidence => self.evidence_action(action),
            Context::Form => self.form_action(action),
            Context::Picker => self.picker_action(action),
            Context::Confirm => self.confirm_action(action),
            Context::Search => self.search_action(action),
            Context::List | Context::Global
                if self.is_loading() && !WHILE_LOADING.contains(&action) =>
            {
                // Searching, filtering or writing on part of the store would show wrong
                // counts or miss records: a moment more.
                self.set_status(self.t("status-still-loading"), false);
                Vec::new()
            }
            Context::List | Context::Global => self.list_action(action),
        }
    }

    fn help_action(&mut self, action: Action) -> Vec<Effect> {
        if let Some(Modal::Help { scroll } | Modal::CadreLegal { scroll }) = self.modals.last_mut()
        {
            match action {
                Action::Close | Action::Help | Action::CadreLegal => {
                    self.modals.pop();
                }
                Action::Down => *scroll += 1,
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::PageDown => *scroll += 10,
                Action::PageUp => *scroll = scroll.saturating_sub(10),
                Action::Quit => return vec![Effect::Quit],
                _ => {}
            }
        }
        Vec::new()
    }

    fn list_action(&mut self, action: Action) -> Vec<Effect> {
        let page = self.list_height().saturating_sub(1).max(1) as isize;
        let journal = self.tab == Tab::Journal;
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
            Action::TabBilan => self.switch_tab(4),
            Action::Down => self.move_selection(1),
            Action::Up => self.move_selection(-1),
            Action::PageDown => self.move_selection(page),
            Action::PageUp => self.move_selection(-page),
            Action::First => self.move_selection(isize::MIN / 2),
            Action::Last => self.move_selection(isize::MAX / 2),
            Action::DetailDown => {
                self.detail_scroll = (self.detail_scroll + 3).min(self.detail_max_scroll.get());
            }
            Action::DetailUp => self.detail_scroll = self.detail_scroll.saturating_sub(3),
            Action::Undo => return self.undo(),
            _ if self.tab == Tab::Reseau => return self.reseau_action(action),
            _ if self.tab == Tab::Documentation => return self.docs_action(action),
            _ if self.tab == Tab::Competences => return self.competences_action(action),
            _ if self.tab == Tab::Bilan => return self.bilan_action(action),
            Action::New if journal => self.open_new_interaction(),
            Action::Edit if journal => self.open_edit_interaction(),
            Action::Delete if journal => self.ask_delete(),
            Action::Duplicate if journal => return self.duplicate(),
            Action::SaveAsModele if journal => self.open_modele_from_selected(),
            Action::Search if journal => {
                self.journal.mode = Mode::List;
                self.journal.searching = true;
            }
            Action::Filter if journal => self.open_filter_form(),
            Action::Export if journal => self.open_suivi_export(),
            Action::Erase if journal => self.ask_erase_suivi(),
            Action::Todo if journal => {
                self.journal.mode = match self.journal.mode {
                    Mode::List => Mode::Todo,
                    Mode::Todo => Mode::List,
                };
                self.cursors[0] = Cursor::default();
            }
            Action::MarkDone if journal && self.journal.mode == Mode::Todo => {
                return self.mark_done();
            }
            Action::Timeline if journal => self.timeline(),
            Action::ClearFilter if journal => self.clear_filters(),
            _ => self.dirty = false,
        }
        Vec::new()
    }

    /// What the detail pane is about: the tab, the selected row and the rows of the list.
    fn detail_subject(&self) -> (Tab, usize, usize) {
        (self.tab, self.cursor().selected, self.row_count(self.tab))
    }

    fn switch_tab(&mut self, index: usize) {
        self.tab = Tab::ALL[index % Tab::ALL.len()];
        self.detail_scroll = 0;
        if self.tab == Tab::Bilan && self.bilan.stale {
            self.count_bilan();
        }
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

    // ------------------------------------------------------------ records in memory

    // ------------------------------------------------------------ réseau

    /// What the kinds' views read: the records, the config, the UI language, today.
    pub fn ctx(&self) -> kinds::Ctx<'_> {
        kinds::Ctx {
            data: &self.data,
            config: &self.config,
            lang: self.i18n.lang(),
            today: self.today,
        }
    }

    // ------------------------------------------------------------ pickers
}

/// A path as typed in a form: trimmed, `~/` meaning the home folder as in a shell.
fn typed_path(raw: &str) -> std::path::PathBuf {
    let raw = raw.trim();
    match raw.strip_prefix("~/") {
        Some(rest) => {
            std::path::PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(rest)
        }
        None => std::path::PathBuf::from(raw),
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
