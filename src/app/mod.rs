//! Application state and `update()`: pure, no terminal, no storage, no clock reads.
//! The runtime feeds `Msg`s in and executes the returned `Effect`s.

pub mod analyse;
pub mod docs;
pub mod dossier;
pub mod draft;
pub mod evidence;
pub mod form;
pub mod input;
pub mod interaction_form;
pub mod journal;
pub mod kinds;
pub mod layout;
pub mod network;
pub mod picker;
pub mod profil;
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
pub use views::{CompetenceRow, Views, unknown_ids};

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
}

/// The Compétences tab shows the référentiel, the coverage (gaps first) or the analyses de
/// pratique.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompView {
    #[default]
    Referentiel,
    Coverage,
    Analyses,
    Profil,
    Dossier,
}

impl CompView {
    pub const ALL: [CompView; 5] = [
        CompView::Referentiel,
        CompView::Coverage,
        CompView::Analyses,
        CompView::Profil,
        CompView::Dossier,
    ];

    /// Stable name; the label's Fluent id is `view-NAME`.
    pub fn name(self) -> &'static str {
        match self {
            CompView::Referentiel => "referentiel",
            CompView::Coverage => "couverture",
            CompView::Analyses => "analyses",
            CompView::Profil => "profil",
            CompView::Dossier => "dossier",
        }
    }
}

/// The Documentation tab shows the fiches by plan de classement, or those to review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocsMode {
    #[default]
    List,
    AReviser,
    /// The plan de classement itself, to add, rename, move and remove nodes.
    Plan,
}

/// The Réseau tab shows the directory, what needs a call, the overview, or the records of a
/// listed kind (rencontres, veille, signalements…: `app::kinds`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReseauMode {
    #[default]
    List,
    Relancer,
    Records(RecordKind),
    Overview,
}

impl ReseauMode {
    /// Every view, in the order the view picker lists them.
    pub fn all() -> Vec<ReseauMode> {
        [ReseauMode::List, ReseauMode::Relancer]
            .into_iter()
            .chain(kinds::listed().into_iter().map(ReseauMode::Records))
            .chain([ReseauMode::Overview])
            .collect()
    }

    /// Stable name; the label's Fluent id is `view-NAME`.
    pub fn name(self) -> &'static str {
        match self {
            ReseauMode::List => "annuaire",
            ReseauMode::Relancer => "relancer",
            ReseauMode::Records(kind) => kinds::view_name(kind).unwrap_or(kind.name()),
            ReseauMode::Overview => "overview",
        }
    }
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
    /// The store finished loading.
    Loaded {
        data: Box<Dataset>,
        decode_failures: usize,
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
    EditExternally(String),
    /// Read a documentation folder (Markdown files).
    ReadFolder(std::path::PathBuf),
    /// Remove the kept form (offered back, then resumed or declined).
    DiscardDraft,
}

/// A line for the footer: information, or a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub config: Config,
    pub i18n: I18n,
    pub data: Dataset,
    pub views: Views,
    pub journal: Journal,
    pub reseau_mode: ReseauMode,
    pub relance: Vec<network::RelanceRow>,
    /// The annuaire as shown: structures by name, filtered and searched.
    pub reseau_rows: Vec<usize>,
    pub reseau_filter: network::Filter,
    pub reseau_query_input: input::Input,
    pub reseau_query: crate::search::Query,
    pub reseau_searching: bool,
    pub docs_mode: DocsMode,
    /// What the Compétences tab shows.
    pub comp_view: CompView,
    /// The CCP (qualified id) a Dossier Professionnel example is being drafted for.
    draft_ccp: Text,
    /// The example whose sharing warning is being accepted.
    draft_exemple: Option<Id>,
    /// The config's plan de classement, before the team's changes.
    base_plan: Vocabulary,
    /// The fiches as shown: by plan de classement, searched.
    pub docs_rows: Vec<usize>,
    pub docs_review: Vec<docs::ReviewRow>,
    pub docs_query_input: input::Input,
    pub docs_query: crate::search::Query,
    pub docs_searching: bool,
    pub tab: Tab,
    pub cursors: [Cursor; 4],
    pub detail_scroll: usize,
    /// How far the detail pane can scroll, as the last frame measured it (wrapped lines
    /// depend on the pane's width, which only drawing knows).
    pub detail_max_scroll: std::cell::Cell<usize>,
    pub modals: Vec<Modal>,
    pub size: (u16, u16),
    pub today: NaiveDate,
    pub now: NaiveDateTime,
    pub now_ms: i64,
    pub loading: bool,
    pub decode_failures: usize,
    pub undo: Vec<Undo>,
    pub status: Option<Status>,
    ids: IdGen,
    /// Whether the screen needs drawing again.
    pub dirty: bool,
    /// Whether this is the demo store (shown in the title bar).
    pub demo: bool,
}

/// What a form read, for the one save path: the record (`None` when the form has
/// problems), the records created beside it, the status message's id.
struct Saved {
    record: Option<AnyRecord>,
    created: Vec<AnyRecord>,
    status: &'static str,
}

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
            reseau_mode: ReseauMode::List,
            relance: Vec::new(),
            reseau_rows: Vec::new(),
            reseau_filter: network::Filter::default(),
            reseau_query_input: input::Input::new("", false, 200),
            reseau_query: crate::search::Query::default(),
            reseau_searching: false,
            docs_mode: DocsMode::List,
            comp_view: CompView::Referentiel,
            draft_ccp: Text::default(),
            draft_exemple: None,
            base_plan: Vocabulary::default(),
            docs_rows: Vec::new(),
            docs_review: Vec::new(),
            docs_query_input: input::Input::new("", false, 200),
            docs_query: crate::search::Query::default(),
            docs_searching: false,
            tab: Tab::Journal,
            cursors: [Cursor::default(); 4],
            detail_scroll: 0,
            detail_max_scroll: std::cell::Cell::new(usize::MAX),
            modals: Vec::new(),
            size: (80, 24),
            today: now.date(),
            now,
            now_ms: now.and_utc().timestamp_millis(),
            loading: false,
            decode_failures: 0,
            undo: Vec::new(),
            status: None,
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
        app.loading = true;
        app
    }

    fn install(&mut self, data: Dataset) {
        self.ids = IdGen::after(data.last_id());
        self.data = data;
        self.journal.rebuild_haystacks(&self.data, &self.config);
        self.refresh();
    }

    /// Rebuilds what is derived from the data after a change, keeping selections in range.
    fn refresh(&mut self) {
        self.config.vocab.plan_classement = effective_plan(&self.base_plan, &self.data.plan);
        self.views = Views::build(&self.data, &self.config);
        self.journal
            .refresh(&self.data, &self.views.journal, self.today, false);
        self.journal.refresh_todo(&self.data, self.today);
        self.relance = network::relance_rows(&self.data, &self.views, &self.config, self.today);
        self.refresh_reseau_rows();
        self.refresh_docs_rows();
        self.docs_review = docs::review_rows(&self.data, self.today);
        self.clamp_cursors();
    }

    /// The fiches shown: in plan order, narrowed by the search over titles, bodies and sources.
    fn refresh_docs_rows(&mut self) {
        self.docs_rows = if self.docs_query.is_empty() {
            self.views.fiches.clone()
        } else {
            let haystacks: Vec<String> = self
                .data
                .fiches
                .iter()
                .map(|f| {
                    let sources = f
                        .sources
                        .iter()
                        .map(|s| format!("{} {}", s.titre, s.url))
                        .collect::<Vec<_>>()
                        .join(" ");
                    text::fold(&format!(
                        "{} \u{1f} {} \u{1f} {}",
                        f.titre, f.contenu, sources
                    ))
                })
                .collect();
            crate::search::run(&self.docs_query, &haystacks, &self.views.fiches)
        };
    }

    /// The fiche under the cursor in the Documentation tab.
    pub fn selected_fiche(&self) -> Option<usize> {
        let selected = self.cursors[Tab::Documentation.index()].selected;
        match self.docs_mode {
            DocsMode::List => self.docs_rows.get(selected).copied(),
            DocsMode::AReviser => self.docs_review.get(selected).map(|r| r.fiche),
            DocsMode::Plan => None,
        }
    }

    /// The plan node under the cursor in the plan view.
    pub fn selected_node(&self) -> Option<&VocabEntry> {
        if self.docs_mode != DocsMode::Plan {
            return None;
        }
        self.config
            .vocab
            .plan_classement
            .entries
            .get(self.cursors[Tab::Documentation.index()].selected)
    }

    /// Fiches filed in a node or below it.
    pub fn fiches_under(&self, code: &str) -> usize {
        let plan = &self.config.vocab.plan_classement;
        self.data
            .fiches
            .iter()
            .filter(|f| {
                let mut node = Some(f.classement.as_str());
                let mut depth = 0;
                while let Some(n) = node {
                    if n == code {
                        return true;
                    }
                    depth += 1;
                    node = plan
                        .get(n)
                        .and_then(|e| e.parent.as_deref())
                        .filter(|_| depth < 16);
                }
                false
            })
            .count()
    }

    /// The annuaire's rows: every structure by name, narrowed by the filter and the search.
    fn refresh_reseau_rows(&mut self) {
        let filtered: Vec<usize> = self
            .views
            .structures
            .iter()
            .copied()
            .filter(|&i| self.reseau_filter.matches(&self.data.structures[i]))
            .collect();
        self.reseau_rows = if self.reseau_query.is_empty() {
            filtered
        } else {
            // A few thousand structures: folding them per search costs less than keeping
            // haystacks in step with every edit.
            let haystacks: Vec<String> = self
                .data
                .structures
                .iter()
                .map(|s| network::haystack(s, &self.data, &self.views, &self.config))
                .collect();
            crate::search::run(&self.reseau_query, &haystacks, &filtered)
        };
    }

    pub fn reseau_is_filtered(&self) -> bool {
        !self.reseau_query.is_empty() || !self.reseau_filter.is_empty()
    }

    pub fn context(&self) -> Context {
        match self.modals.last() {
            Some(Modal::Help { .. } | Modal::CadreLegal { .. }) => Context::Help,
            Some(Modal::Form(_)) => Context::Form,
            Some(Modal::Picker(_)) => Context::Picker,
            Some(Modal::Confirm { .. } | Modal::Guard { .. }) => Context::Confirm,
            None if self.tab == Tab::Journal && self.journal.searching => Context::Search,
            None if self.tab == Tab::Reseau && self.reseau_searching => Context::Search,
            None if self.tab == Tab::Documentation && self.docs_searching => Context::Search,
            Some(Modal::History { .. }) => Context::History,
            Some(Modal::Evidence { .. }) => Context::Evidence,
            None => Context::List,
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
            Tab::Reseau => match self.reseau_mode {
                ReseauMode::List => self.reseau_rows.len(),
                ReseauMode::Relancer => self.relance.len(),
                ReseauMode::Records(kind) => self.views.records(kind).len(),
                ReseauMode::Overview => self.views.partners.len(),
            },
            Tab::Documentation => match self.docs_mode {
                DocsMode::List => self.docs_rows.len(),
                DocsMode::AReviser => self.docs_review.len(),
                DocsMode::Plan => self.config.vocab.plan_classement.entries.len(),
            },
            Tab::Competences => match self.comp_view {
                CompView::Referentiel => self.views.competences.len(),
                CompView::Coverage => self.config.referentiel.competences().count(),
                CompView::Analyses => self.views.analyses.len(),
                CompView::Profil => 0,
                CompView::Dossier => dossier::rows(&self.data, &self.config).len(),
            },
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

    /// The interaction under the cursor in the Journal tab (list or "À faire").
    pub fn selected_interaction(&self) -> Option<usize> {
        let selected = self.cursors[Tab::Journal.index()].selected;
        match self.journal.mode {
            Mode::List => self.journal.rows.get(selected).copied(),
            Mode::Todo => self.journal.todo.get(selected).map(|r| r.interaction),
        }
    }

    /// Competences with their evidence, the least covered first (then in référentiel order).
    pub fn gaps_first(&self) -> Vec<(usize, usize, EvidenceCount)> {
        let r = &self.config.referentiel;
        let mut rows: Vec<(usize, usize, EvidenceCount)> = r
            .ccp
            .iter()
            .enumerate()
            .flat_map(|(ci, ccp)| {
                ccp.competences.iter().enumerate().map(move |(k, c)| {
                    let count = self
                        .views
                        .evidence
                        .get(r.qualify(&c.id).as_str())
                        .copied()
                        .unwrap_or_default();
                    (ci, k, count)
                })
            })
            .collect();
        rows.sort_by_key(|&(ci, k, count)| {
            (count.coverage(self.config.coverage), count.total(), ci, k)
        });
        rows
    }

    /// The structure under the cursor in the Réseau tab (for a contact row: its structure).
    pub fn selected_structure(&self) -> Option<usize> {
        let selected = self.cursors[Tab::Reseau.index()].selected;
        match self.reseau_mode {
            ReseauMode::List => self.reseau_rows.get(selected).copied(),
            ReseauMode::Relancer => match self.relance.get(selected)?.subject {
                network::Subject::Structure(i) => Some(i),
                network::Subject::Contact(i) => {
                    let id = self.data.contacts.get(i)?.structure;
                    self.data
                        .structures
                        .binary_search_by_key(&id, |s| s.meta.id)
                        .ok()
                }
            },
            _ => None,
        }
    }

    /// The record under the cursor in the Réseau tab's record views (rencontres, veille…).
    pub fn selected_record(&self) -> Option<(RecordKind, usize)> {
        let selected = self.cursors[Tab::Reseau.index()].selected;
        let (kind, order) = match self.reseau_mode {
            ReseauMode::Records(kind) => (kind, self.views.records(kind)),
            _ => return None,
        };
        order.get(selected).map(|&i| (kind, i))
    }

    /// The unsaved form to keep if the session ends now: the last one open that writes a
    /// record, when it changed something.
    pub fn draft(&self) -> Option<draft::Draft> {
        self.modals.iter().rev().find_map(|m| match m {
            Modal::Form(form) => draft::Draft::of(form, self.now),
            _ => None,
        })
    }

    fn set_status(&mut self, text: String, error: bool) {
        self.status = Some(Status { text, error });
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        self.dirty = true;
        match msg {
            Msg::Key(key) => {
                self.status = None;
                return self.on_key(key);
            }
            Msg::Paste(text) => self.on_paste(&text),
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
            Msg::Loaded {
                data,
                decode_failures,
            } => {
                self.install(*data);
                self.loading = false;
                self.decode_failures = decode_failures;
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
                let detail = format!(
                    "{} : {}",
                    path.display(),
                    self.i18n.io_detail_of(kind, &message)
                );
                let text = self
                    .i18n
                    .t_args("status-folder-failed", &[arg("detail", detail)]);
                self.set_status(text, true);
            }
            Msg::FolderRead(Ok(files)) => return self.merge_folder(files),
            Msg::FileWritten(Ok(path)) => {
                let text = self.i18n.t_args(
                    "status-dp-written",
                    &[arg("path", path.display().to_string())],
                );
                self.set_status(text, false);
            }
            Msg::FileWritten(Err((path, kind, message))) => {
                let detail = format!(
                    "{} : {}",
                    path.display(),
                    self.i18n.io_detail_of(kind, &message)
                );
                let text = self
                    .i18n
                    .t_args("status-write-failed", &[arg("detail", detail)]);
                self.set_status(text, true);
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

    fn on_paste(&mut self, text: &str) {
        let searching = self.context() == Context::Search;
        match self.modals.last_mut() {
            Some(Modal::Form(form)) => {
                if let Value::Text(input) = &mut form.focused_mut().value {
                    input.insert_str(text);
                }
            }
            Some(Modal::Picker(p)) => {
                p.query.insert_str(text);
                p.refilter();
            }
            None if searching => {
                self.search_input().insert_str(text);
                self.search_changed();
            }
            // A paste is never taken as keystrokes in a list.
            _ => self.dirty = false,
        }
    }

    fn on_key(&mut self, key: Key) -> Vec<Effect> {
        let context = self.context();
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
                self.search_changed();
                return Vec::new();
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
            Action::New if journal => self.open_new_interaction(),
            Action::Edit if journal => self.open_edit_interaction(),
            Action::Delete if journal => self.ask_delete(),
            Action::Duplicate if journal => return self.duplicate(),
            Action::Search if journal => {
                self.journal.mode = Mode::List;
                self.journal.searching = true;
            }
            Action::Filter if journal => self.open_filter_form(),
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

    /// Puts the journal cursor on an interaction, if it is shown.
    fn select_interaction(&mut self, id: Id) {
        let Ok(index) = self
            .data
            .interactions
            .binary_search_by_key(&id, |i| i.meta.id)
        else {
            return;
        };
        if let Some(row) = self.journal.rows.iter().position(|&i| i == index) {
            let len = self.journal.rows.len();
            let height = self.list_height();
            self.cursors[0].select(row, len, height);
            self.detail_scroll = 0;
        }
    }

    // ------------------------------------------------------------ search and filters

    /// The search being typed in the current tab.
    fn search_input(&mut self) -> &mut input::Input {
        match self.tab {
            Tab::Reseau => &mut self.reseau_query_input,
            Tab::Documentation => &mut self.docs_query_input,
            _ => &mut self.journal.query_input,
        }
    }

    fn search_changed(&mut self) {
        if self.tab == Tab::Documentation {
            self.docs_query = crate::search::Query::parse(self.docs_query_input.text());
            self.refresh_docs_rows();
            self.cursors[2] = Cursor::default();
            return;
        }
        if self.tab == Tab::Reseau {
            self.reseau_query = crate::search::Query::parse(self.reseau_query_input.text());
            self.refresh_reseau_rows();
            self.cursors[1] = Cursor::default();
            return;
        }
        self.journal.query = crate::search::Query::parse(self.journal.query_input.text());
        self.journal
            .refresh(&self.data, &self.views.journal, self.today, true);
        self.cursors[0] = Cursor::default();
    }

    fn search_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Select => {
                self.journal.searching = false;
                self.reseau_searching = false;
                self.docs_searching = false;
            }
            Action::Cancel => {
                self.journal.searching = false;
                self.reseau_searching = false;
                self.docs_searching = false;
                self.search_input().set("");
                self.search_changed();
            }
            Action::Down => self.move_selection(1),
            Action::Up => self.move_selection(-1),
            _ => self.dirty = false,
        }
        Vec::new()
    }

    fn clear_filters(&mut self) {
        if !self.journal.is_filtered() && self.journal.mode == Mode::List {
            self.dirty = false;
            return;
        }
        self.journal.mode = Mode::List;
        self.journal.filter = journal::Filter::default();
        self.journal.query_input.set("");
        self.journal.query = crate::search::Query::default();
        self.journal
            .refresh(&self.data, &self.views.journal, self.today, false);
        self.cursors[0] = Cursor::default();
    }

    fn timeline(&mut self) {
        let Some(i) = self.selected_interaction() else {
            return;
        };
        match self.data.interactions[i].personnes {
            Personnes::Suivi(id) => {
                self.journal.mode = Mode::List;
                self.journal.filter = journal::Filter {
                    suivi: Some(id),
                    ..journal::Filter::default()
                };
                self.journal
                    .refresh(&self.data, &self.views.journal, self.today, false);
                self.cursors[0] = Cursor::default();
            }
            Personnes::Anonyme(_) => self.set_status(self.t("status-no-suivi"), false),
        }
    }

    fn open_filter_form(&mut self) {
        let f = &self.journal.filter;
        let date = crate::domain::text::opt_date;
        let suivi = f.suivi.and_then(|id| {
            self.data
                .suivi(id)
                .map(|s| SuiviRef::Existing(id, s.code.clone()))
        });
        let structure = f.structure.and_then(|id| {
            self.data
                .structure(id)
                .map(|s| StructureRef::Existing(id, s.nom.clone()))
        });
        let fields = vec![
            form::Field::choice(
                "periode",
                Options::Fixed(Period::OPTIONS),
                Some(f.period.id().into()),
            ),
            form::Field::typed("du", FieldKind::Date, &date(f.from)),
            form::Field::typed("au", FieldKind::Date, &date(f.to)),
            form::Field::choice(
                "type",
                Options::Vocab("types_interaction"),
                f.type_id.clone(),
            ),
            form::Field::choice("theme", Options::Vocab("thematiques"), f.theme.clone()),
            form::Field::suivi("suivi", suivi),
            form::Field::structure("structure", structure),
            form::Field::flag("suites_dues", f.suites_due),
        ];
        self.modals.push(Modal::Form(Box::new(Form::new(
            Purpose::JournalFilter,
            "form-filter",
            fields,
        ))));
    }

    fn apply_filter_form(&mut self, form: &mut Form) -> bool {
        form.clear_errors();
        let mut filter = journal::Filter {
            period: Period::from_id(
                form.value("periode")
                    .and_then(|v| v.choice())
                    .map_or("all", |c| c.as_str()),
            ),
            ..journal::Filter::default()
        };
        for (id, slot) in [("du", &mut filter.from), ("au", &mut filter.to)] {
            let text = form
                .value(id)
                .map(|v| v.text().trim().to_string())
                .unwrap_or_default();
            if !text.is_empty() {
                match parse::date(&text, self.today) {
                    Ok(d) => *slot = Some(d),
                    Err(e) => form.set_error(id, e),
                }
            }
        }
        if form.focus_first_error() {
            return false;
        }
        if (filter.from.is_some() || filter.to.is_some()) && filter.period == Period::All {
            filter.period = Period::Custom;
        }
        filter.type_id = form.value("type").and_then(|v| v.choice().cloned());
        filter.theme = form.value("theme").and_then(|v| v.choice().cloned());
        filter.suivi = match form.value("suivi") {
            Some(Value::Suivi(Some(SuiviRef::Existing(id, _)))) => Some(*id),
            _ => None,
        };
        filter.structure = match form.value("structure") {
            Some(Value::Structure(Some(StructureRef::Existing(id, _)))) => Some(*id),
            _ => None,
        };
        filter.suites_due = form.value("suites_dues").is_some_and(Value::flag);
        self.journal.filter = filter;
        self.journal.mode = Mode::List;
        self.journal
            .refresh(&self.data, &self.views.journal, self.today, false);
        self.cursors[0] = Cursor::default();
        true
    }

    // ------------------------------------------------------------ records in memory

    /// Puts a record in memory; the journal's search text follows its interactions.
    fn upsert(&mut self, record: AnyRecord) {
        let hay = match &record {
            AnyRecord::Interaction(it) => Some((
                it.meta.id,
                journal::haystack(it, &self.data, &self.journal.labels),
            )),
            _ => None,
        };
        let existed = hay
            .as_ref()
            .is_some_and(|(id, _)| self.data.find::<Interaction>(*id).is_some());
        self.data.upsert(record);
        if let Some((id, hay)) = hay
            && let Ok(i) = self.data.interactions.binary_search_by_key(&id, Record::id)
        {
            if existed {
                if let Some(h) = self.journal.haystacks.get_mut(i) {
                    *h = hay;
                }
            } else {
                self.journal.haystacks.insert(i, hay);
            }
        }
    }

    fn remove(&mut self, kind: RecordKind, id: Id) -> Option<AnyRecord> {
        if kind == RecordKind::Interaction
            && let Ok(i) = self.data.interactions.binary_search_by_key(&id, Record::id)
            && i < self.journal.haystacks.len()
        {
            self.journal.haystacks.remove(i);
        }
        self.data.take(kind, id)
    }

    fn current(&self, kind: RecordKind, id: Id) -> Option<AnyRecord> {
        self.data.get(kind, id)
    }

    /// Writes records (memory now, store through effects) and remembers how to undo.
    fn commit(
        &mut self,
        what: &'static str,
        records: Vec<AnyRecord>,
        removals: Vec<(RecordKind, Id)>,
    ) -> Vec<Effect> {
        let mut undo = Undo {
            what,
            restore: Vec::new(),
            remove: Vec::new(),
        };
        let mut changes = Changes::default();
        for r in records {
            match self.current(r.kind(), r.id()) {
                Some(old) => undo.restore.push(old),
                None => undo.remove.push((r.kind(), r.id())),
            }
            self.upsert(r.clone());
            changes.put.push(r);
        }
        for (kind, id) in removals {
            if let Some(old) = self.remove(kind, id) {
                undo.restore.push(old);
                changes.remove.push((kind, id));
            }
        }
        // One interaction saved (the usual case) updates the views in place; anything else
        // rebuilds them.
        let incremental = match (
            undo.restore.as_slice(),
            undo.remove.as_slice(),
            changes.put.as_slice(),
            changes.remove.as_slice(),
        ) {
            ([], [(RecordKind::Interaction, _)], [AnyRecord::Interaction(new)], [])
            | ([AnyRecord::Interaction(_)], [], [AnyRecord::Interaction(new)], []) => {
                let old = match undo.restore.first() {
                    Some(AnyRecord::Interaction(old)) => Some(old.as_ref()),
                    _ => None,
                };
                self.views.update_interaction(&self.data, old, new)
            }
            _ => false,
        };
        self.undo.push(undo);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        if incremental {
            self.journal
                .refresh(&self.data, &self.views.journal, self.today, false);
            self.journal.refresh_todo(&self.data, self.today);
            self.relance = network::relance_rows(&self.data, &self.views, &self.config, self.today);
            self.clamp_cursors();
        } else {
            self.refresh();
        }
        vec![Effect::Commit(changes)]
    }

    fn undo(&mut self) -> Vec<Effect> {
        let Some(undo) = self.undo.pop() else {
            self.set_status(self.t("status-nothing-to-undo"), false);
            return Vec::new();
        };
        let mut changes = Changes::default();
        for &(kind, id) in &undo.remove {
            self.remove(kind, id);
            changes.remove.push((kind, id));
        }
        let mut reselect = None;
        for r in undo.restore {
            if let AnyRecord::Interaction(it) = &r {
                reselect = Some(it.meta.id);
            }
            self.upsert(r.clone());
            changes.put.push(r);
        }
        let effects = vec![Effect::Commit(changes)];
        self.refresh();
        if let Some(id) = reselect {
            self.select_interaction(id);
        }
        let text = self
            .i18n
            .t_args("status-undone", &[arg("what", self.t(undo.what))]);
        self.set_status(text, false);
        effects
    }

    // ------------------------------------------------------------ journal actions

    fn open_new_interaction(&mut self) {
        let base = Interaction::blank(
            RecordMeta::new(Id(0), Timestamp(self.now_ms)),
            self.today,
            self.now.time(),
            self.data.interactions.last(),
        );
        let form = interaction_form::form(&base, true, &self.data);
        self.modals.push(Modal::Form(Box::new(form)));
    }

    fn open_edit_interaction(&mut self) {
        if let Some(i) = self.selected_interaction() {
            let form = interaction_form::form(&self.data.interactions[i], false, &self.data);
            self.modals.push(Modal::Form(Box::new(form)));
        }
    }

    fn ask_delete(&mut self) {
        let Some(i) = self.selected_interaction() else {
            return;
        };
        let it = &self.data.interactions[i];
        let message = self.i18n.t_args(
            "confirm-delete-interaction",
            &[
                arg("date", crate::domain::text::date(it.date)),
                arg("demande", text::one_line(&it.demande)),
            ],
        );
        self.modals.push(Modal::Confirm {
            message,
            action: ConfirmAction::DeleteInteraction(it.meta.id),
        });
    }

    fn duplicate(&mut self) -> Vec<Effect> {
        let Some(i) = self.selected_interaction() else {
            return Vec::new();
        };
        let mut copy = self.data.interactions[i].clone();
        let id = self.ids.next(self.now_ms);
        copy.meta = RecordMeta {
            id,
            created_at: Timestamp(self.now_ms),
            updated_at: Timestamp(self.now_ms),
            tags: copy.meta.tags,
            evidence: copy
                .meta
                .evidence
                .into_iter()
                .map(|e| EvidenceLink {
                    date: self.today,
                    ..e
                })
                .collect(),
        };
        copy.date = self.today;
        copy.heure = Some(self.now.time());
        for s in &mut copy.suites {
            s.faite = false;
        }
        let effects = self.commit(
            "undo-duplicated",
            vec![AnyRecord::Interaction(Box::new(copy))],
            Vec::new(),
        );
        self.journal.mode = Mode::List;
        self.select_interaction(id);
        self.set_status(self.t("status-duplicated"), false);
        effects
    }

    fn mark_done(&mut self) -> Vec<Effect> {
        let selected = self.cursors[0].selected;
        let Some(row) = self.journal.todo.get(selected).copied() else {
            return Vec::new();
        };
        let mut it = self.data.interactions[row.interaction].clone();
        if let Some(s) = it.suites.get_mut(row.suite) {
            s.faite = true;
        }
        it.meta.updated_at = Timestamp(self.now_ms);
        let effects = self.commit(
            "undo-marked-done",
            vec![AnyRecord::Interaction(Box::new(it))],
            Vec::new(),
        );
        self.set_status(self.t("status-marked-done"), false);
        effects
    }

    fn confirm_action(&mut self, action: Action) -> Vec<Effect> {
        // Yes, no, or cancel (Esc): for most questions cancel means no; for the
        // close-name question, no means "create anyway" and cancel goes back to the form.
        let answer = match action {
            Action::Yes => Some(true),
            Action::No => Some(false),
            Action::Cancel => None,
            _ => {
                self.dirty = false;
                return Vec::new();
            }
        };
        let yes = answer == Some(true);
        match self.modals.pop() {
            Some(Modal::Confirm { action, .. }) if yes => match action {
                ConfirmAction::DeleteInteraction(id) => {
                    let effects = self.commit(
                        "undo-deleted",
                        Vec::new(),
                        vec![(RecordKind::Interaction, id)],
                    );
                    self.set_status(self.t("status-deleted"), false);
                    effects
                }
                ConfirmAction::DeleteStructure(id) => self.delete_structure(id),
                ConfirmAction::DeleteContact(id) => self.delete_contact(id),
                ConfirmAction::DeleteNode(code) => self.save_node(&code, None, None, true),
                ConfirmAction::DeleteService(structure, k) => {
                    if matches!(self.modals.last(), Some(Modal::Form(_))) {
                        self.modals.pop();
                    }
                    let Some(mut s) = self.data.structure(structure).cloned() else {
                        return Vec::new();
                    };
                    if k < s.services.len() {
                        s.services.remove(k);
                    }
                    s.meta.updated_at = Timestamp(self.now_ms);
                    let effects = self.commit(
                        "undo-edited",
                        vec![AnyRecord::Structure(Box::new(s))],
                        Vec::new(),
                    );
                    self.set_status(self.t("status-record-deleted"), false);
                    effects
                }
                ConfirmAction::DeleteRecord(kind, id) => {
                    let effects = self.commit("undo-deleted", Vec::new(), vec![(kind, id)]);
                    self.set_status(self.t("status-record-deleted"), false);
                    effects
                }
                ConfirmAction::OpenSimilarStructure(id) => {
                    self.modals.pop();
                    self.select_structure(id);
                    Vec::new()
                }
                ConfirmAction::DiscardForm => {
                    self.modals.pop();
                    Vec::new()
                }
                ConfirmAction::ResumeDraft(draft) => {
                    if let Some(form) = draft.into_form(&self.config, &self.data) {
                        self.modals.push(Modal::Form(Box::new(form)));
                    }
                    vec![Effect::DiscardDraft]
                }
            },
            Some(Modal::Confirm {
                action: ConfirmAction::ResumeDraft(_),
                ..
            }) if answer == Some(false) => vec![Effect::DiscardDraft],
            Some(Modal::Confirm {
                action: ConfirmAction::OpenSimilarStructure(_),
                ..
            }) if answer == Some(false) => {
                if let Some(Modal::Form(form)) = self.modals.last_mut() {
                    form.guard_accepted = true;
                }
                self.save_form()
            }
            Some(Modal::Guard { .. }) if yes => {
                if let Some(Modal::Form(form)) = self.modals.last_mut() {
                    form.guard_accepted = true;
                }
                self.save_form()
            }
            Some(Modal::Guard { warnings }) => {
                // Back to the form, on the first field with a warning.
                if let (Some(Modal::Form(form)), Some(first)) =
                    (self.modals.last_mut(), warnings.first())
                    && let Some(i) = form.index_of(first.field)
                {
                    form.focus = i;
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    // ------------------------------------------------------------ réseau

    fn reseau_action(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::View {
            let items = ReseauMode::all()
                .iter()
                .map(|m| picker::PickItem::plain(m.name(), self.t(&format!("view-{}", m.name()))))
                .collect();
            let p = Picker::new(
                self.t("picker-views"),
                items,
                false,
                vec![self.reseau_mode.name().into()],
                0,
            )
            .for_purpose(picker::Purpose::ReseauView);
            self.modals.push(Modal::Picker(Box::new(p)));
            return Vec::new();
        }
        if matches!(self.reseau_mode, ReseauMode::Records(_)) {
            return self.record_view_action(action);
        }
        let selected = self.selected_structure();
        match action {
            Action::Search => {
                self.reseau_mode = ReseauMode::List;
                self.reseau_searching = true;
            }
            Action::Filter => {
                self.reseau_mode = ReseauMode::List;
                let form = network::filter_form(&self.reseau_filter);
                self.modals.push(Modal::Form(Box::new(form)));
            }
            Action::ClearFilter
                if self.reseau_mode == ReseauMode::List && self.reseau_is_filtered() =>
            {
                self.reseau_filter = network::Filter::default();
                self.reseau_query_input.set("");
                self.reseau_query = crate::search::Query::default();
                self.refresh_reseau_rows();
                self.cursors[1] = Cursor::default();
            }
            Action::New => {
                let blank = interaction_form::new_structure(
                    Id(0),
                    Timestamp(self.now_ms),
                    &Text::default(),
                    &Text::default(),
                );
                let mut blank = blank;
                blank.typologies.clear();
                self.modals
                    .push(Modal::Form(Box::new(network::structure_form(&blank, true))));
            }
            Action::Edit => {
                let contact_row =
                    match (self.reseau_mode, self.relance.get(self.cursors[1].selected)) {
                        (ReseauMode::Relancer, Some(row)) => match row.subject {
                            network::Subject::Contact(i) => Some(i),
                            network::Subject::Structure(_) => None,
                        },
                        _ => None,
                    };
                if let Some(i) = contact_row {
                    let form = network::contact_form(&self.data.contacts[i], false);
                    self.modals.push(Modal::Form(Box::new(form)));
                } else if let Some(i) = selected {
                    let form = network::structure_form(&self.data.structures[i], false);
                    self.modals.push(Modal::Form(Box::new(form)));
                }
            }
            Action::Delete => {
                if let Some(i) = selected {
                    self.ask_delete_structure(self.data.structures[i].meta.id);
                }
            }
            Action::NewContact => {
                if let Some(i) = selected {
                    let s = &self.data.structures[i];
                    let contact = Contact {
                        meta: RecordMeta::new(Id(0), Timestamp(self.now_ms)),
                        structure: s.meta.id,
                        nom: Text::default(),
                        fonction: Text::default(),
                        telephone: Text::default(),
                        courriel: Text::default(),
                        canal_prefere: None,
                        actif: true,
                        date_verification: Some(self.today),
                    };
                    self.modals
                        .push(Modal::Form(Box::new(network::contact_form(&contact, true))));
                }
            }
            Action::EditContact => {
                let Some(i) = selected else {
                    return Vec::new();
                };
                let id = self.data.structures[i].meta.id;
                let items: Vec<picker::PickItem> = self
                    .views
                    .contacts_by_structure
                    .get(&id)
                    .into_iter()
                    .flatten()
                    .map(|&c| {
                        let c = &self.data.contacts[c];
                        picker::PickItem::plain(
                            c.meta.id.to_string(),
                            format!("{} — {}", c.nom, c.fonction),
                        )
                    })
                    .collect();
                if items.is_empty() {
                    self.set_status(self.t("status-no-contacts"), false);
                } else {
                    let p = Picker::new(self.t("picker-contacts"), items, false, Vec::new(), 0)
                        .for_purpose(picker::Purpose::EditContact);
                    self.modals.push(Modal::Picker(Box::new(p)));
                }
            }
            Action::Verified => return self.mark_verified(),
            Action::NewService => {
                if let Some(i) = selected {
                    let form = network::service_form(self.data.structures[i].meta.id, None, None);
                    self.modals.push(Modal::Form(Box::new(form)));
                }
            }
            Action::EditService => {
                let Some(i) = selected else {
                    return Vec::new();
                };
                let s = &self.data.structures[i];
                let items: Vec<picker::PickItem> = s
                    .services
                    .iter()
                    .enumerate()
                    .map(|(k, svc)| {
                        let label = format!(
                            "{} — {}",
                            self.config
                                .vocab
                                .types_service
                                .label(&svc.type_service, self.config.lang),
                            self.config
                                .vocab
                                .thematiques
                                .labels(&svc.thematiques, self.config.lang)
                        );
                        picker::PickItem::plain(k.to_string(), label)
                    })
                    .collect();
                if items.is_empty() {
                    self.set_status(self.t("status-no-services"), false);
                } else {
                    let p = Picker::new(self.t("picker-services"), items, false, Vec::new(), 0)
                        .for_purpose(picker::Purpose::EditService);
                    self.modals.push(Modal::Picker(Box::new(p)));
                }
            }
            Action::NewRencontre => {
                let structures = selected
                    .map(|i| {
                        let s = &self.data.structures[i];
                        vec![Lien {
                            id: Some(s.meta.id),
                            nom: s.nom.clone(),
                        }]
                    })
                    .unwrap_or_default();
                let r = Rencontre {
                    meta: RecordMeta::new(Id(0), Timestamp(self.now_ms)),
                    date: self.today,
                    duree_min: 60,
                    type_rencontre: Text::default(),
                    initiative: Text::default(),
                    structures,
                    contacts: Vec::new(),
                    objet: Text::default(),
                    compte_rendu: Text::default(),
                    suites: Vec::new(),
                };
                let form = kinds::rencontre::rencontre_form(&r, true, &self.config);
                self.modals.push(Modal::Form(Box::new(form)));
            }
            Action::Todo => {
                self.reseau_mode = match self.reseau_mode {
                    ReseauMode::Relancer => ReseauMode::List,
                    _ => ReseauMode::Relancer,
                };
                self.cursors[1] = Cursor::default();
            }
            Action::ClearFilter if self.reseau_mode == ReseauMode::Relancer => {
                self.reseau_mode = ReseauMode::List;
                self.cursors[1] = Cursor::default();
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    /// n, e, d in the rencontres, veille, signalements and notes views.
    /// Keys of the Réseau tab's record views (rencontres and the listed kinds).
    fn record_view_action(&mut self, action: Action) -> Vec<Effect> {
        let meta = RecordMeta::new(Id(0), Timestamp(self.now_ms));
        let form = match (action, self.reseau_mode, self.selected_record()) {
            // A rencontre starts from the directory, with the selected structure met.
            (Action::New | Action::NewRencontre, ReseauMode::Records(RecordKind::Rencontre), _) => {
                return self.reseau_action_new_rencontre();
            }
            (Action::New, ReseauMode::Records(kind), _) => {
                kinds::new_form(kind, meta, self.today, &self.config)
            }
            (Action::Edit, _, Some((kind, i))) => self
                .data
                .get_at(kind, i)
                .and_then(|r| kinds::form(&r, false, &self.ctx())),
            (Action::Delete, _, Some((kind, i))) => {
                if let Some(r) = self.data.get_at(kind, i) {
                    let message = self.t("confirm-delete-record");
                    self.modals.push(Modal::Confirm {
                        message,
                        action: ConfirmAction::DeleteRecord(kind, r.id()),
                    });
                }
                return Vec::new();
            }
            (Action::Todo, _, _) => {
                self.reseau_mode = ReseauMode::Relancer;
                self.cursors[1] = Cursor::default();
                return Vec::new();
            }
            (Action::ClearFilter, _, _) => {
                self.reseau_mode = ReseauMode::List;
                self.cursors[1] = Cursor::default();
                return Vec::new();
            }
            _ => {
                self.dirty = false;
                return Vec::new();
            }
        };
        if let Some(form) = form {
            self.modals.push(Modal::Form(Box::new(form)));
        }
        Vec::new()
    }

    fn reseau_action_new_rencontre(&mut self) -> Vec<Effect> {
        let mode = self.reseau_mode;
        self.reseau_mode = ReseauMode::List;
        let effects = self.reseau_action(Action::NewRencontre);
        self.reseau_mode = mode;
        effects
    }

    fn docs_action(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::Plan {
            self.docs_mode = if self.docs_mode == DocsMode::Plan {
                DocsMode::List
            } else {
                DocsMode::Plan
            };
            self.cursors[2] = Cursor::default();
            return Vec::new();
        }
        if self.docs_mode == DocsMode::Plan {
            return self.plan_action(action);
        }
        let selected = self.selected_fiche();
        match action {
            Action::New => {
                let classement = selected
                    .map(|i| self.data.fiches[i].classement.clone())
                    .or_else(|| {
                        self.config
                            .vocab
                            .plan_classement
                            .entries
                            .first()
                            .map(|e| e.id.as_str().into())
                    })
                    .unwrap_or_default();
                let f = Fiche {
                    meta: RecordMeta::new(Id(0), Timestamp(self.now_ms)),
                    titre: Text::default(),
                    type_fiche: "fiche_pratique".into(),
                    thematiques: Vec::new(),
                    contenu: Text::default(),
                    sources: Vec::new(),
                    classement,
                    statut: "brouillon".into(),
                    date_verification: Some(self.today),
                    date_revision: self.today.checked_add_months(chrono::Months::new(12)),
                    revisions: Vec::new(),
                    structures: Vec::new(),
                };
                self.modals.push(Modal::Form(Box::new(docs::fiche_form(
                    &f,
                    true,
                    &self.config,
                ))));
            }
            Action::Edit => {
                if let Some(i) = selected {
                    let form = docs::fiche_form(&self.data.fiches[i], false, &self.config);
                    self.modals.push(Modal::Form(Box::new(form)));
                }
            }
            Action::Delete => {
                if let Some(i) = selected {
                    let message = self.t("confirm-delete-record");
                    self.modals.push(Modal::Confirm {
                        message,
                        action: ConfirmAction::DeleteRecord(
                            RecordKind::Fiche,
                            self.data.fiches[i].meta.id,
                        ),
                    });
                }
            }
            Action::Import => self.modals.push(Modal::Form(Box::new(docs::import_form()))),
            Action::Timeline => {
                if let Some(i) = selected {
                    let f = &self.data.fiches[i];
                    if f.revisions.is_empty() {
                        self.set_status(self.t("status-no-revisions"), false);
                    } else {
                        self.modals.push(Modal::History {
                            fiche: f.meta.id,
                            cursor: 0,
                            diff: false,
                        });
                    }
                }
            }
            Action::Todo => {
                self.docs_mode = match self.docs_mode {
                    DocsMode::AReviser => DocsMode::List,
                    _ => DocsMode::AReviser,
                };
                self.cursors[2] = Cursor::default();
            }
            Action::Search => {
                self.docs_mode = DocsMode::List;
                self.docs_searching = true;
            }
            Action::ClearFilter => {
                self.docs_mode = DocsMode::List;
                self.docs_query_input.set("");
                self.docs_query = crate::search::Query::default();
                self.refresh_docs_rows();
                self.cursors[2] = Cursor::default();
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    fn merge_folder(&mut self, files: crate::export::markdown::FolderFiles) -> Vec<Effect> {
        let report = docs::merge_folder(
            &self.data,
            files,
            &self.config,
            &self.i18n,
            Timestamp(self.now_ms),
            &mut self.ids,
        );
        let mut summary = docs::import_summary(&self.i18n, &report);
        if let Some(p) = report.problems.first() {
            summary.push(' ');
            summary.push_str(&docs::problem_text(&self.i18n, p));
        }
        let records = report
            .fiches
            .into_iter()
            .map(|f| AnyRecord::Fiche(Box::new(f)))
            .collect::<Vec<_>>();
        let effects = if records.is_empty() {
            Vec::new()
        } else {
            self.commit("undo-imported", records, Vec::new())
        };
        let error = !report.problems.is_empty() || !report.conflicts.is_empty();
        self.set_status(summary, error);
        effects
    }

    fn plan_action(&mut self, action: Action) -> Vec<Effect> {
        let node = self.selected_node().cloned();
        match (action, node) {
            (Action::New, parent) => {
                let form = docs::node_form(None, parent.map(|p| p.id.as_str().into()), "");
                self.modals.push(Modal::Form(Box::new(form)));
            }
            (Action::Edit, Some(n)) => {
                let label = n.label(self.config.lang).to_string();
                let form = docs::node_form(
                    Some(n.id.as_str().into()),
                    n.parent.as_deref().map(Text::from),
                    &label,
                );
                self.modals.push(Modal::Form(Box::new(form)));
            }
            (Action::Move, Some(n)) => {
                // Any node outside its own subtree, or the root.
                let plan = &self.config.vocab.plan_classement;
                let inside = |id: &str| {
                    let mut cur = Some(id);
                    let mut depth = 0;
                    while let Some(c) = cur {
                        if c == n.id {
                            return true;
                        }
                        depth += 1;
                        cur = plan
                            .get(c)
                            .and_then(|e| e.parent.as_deref())
                            .filter(|_| depth < 16);
                    }
                    false
                };
                let mut items = vec![picker::PickItem::plain("", self.t("plan-root"))];
                items.extend(plan.entries.iter().filter(|e| !inside(&e.id)).map(|e| {
                    picker::PickItem::plain(e.id.as_str(), e.label(self.config.lang).to_string())
                }));
                let p = Picker::new(self.t("picker-move-node"), items, false, Vec::new(), 0)
                    .for_purpose(picker::Purpose::MoveNode);
                self.modals.push(Modal::Picker(Box::new(p)));
            }
            (Action::Delete, Some(n)) => {
                let fiches = self.fiches_under(&n.id);
                let children = self
                    .config
                    .vocab
                    .plan_classement
                    .entries
                    .iter()
                    .filter(|e| e.parent.as_deref() == Some(n.id.as_str()))
                    .count();
                if fiches > 0 || children > 0 {
                    let text = self.i18n.t_args(
                        "status-node-not-empty",
                        &[arg("fiches", fiches), arg("children", children)],
                    );
                    self.set_status(text, true);
                } else {
                    let message = self.i18n.t_args(
                        "confirm-delete-node",
                        &[arg("name", n.label(self.config.lang).to_string())],
                    );
                    self.modals.push(Modal::Confirm {
                        message,
                        action: ConfirmAction::DeleteNode(n.id.as_str().into()),
                    });
                }
            }
            (Action::ClearFilter, _) => {
                self.docs_mode = DocsMode::List;
                self.cursors[2] = Cursor::default();
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    /// Saves a change to a plan node (one change record per node, updated in place).
    fn save_node(
        &mut self,
        code: &str,
        label: Option<Text>,
        parent: Option<Option<Text>>,
        remove: bool,
    ) -> Vec<Effect> {
        let now = Timestamp(self.now_ms);
        let current = self.config.vocab.plan_classement.get(code).cloned();
        let mut record = match self.data.plan.iter().find(|p| p.code == code) {
            Some(existing) => existing.clone(),
            None => PlanNode {
                meta: RecordMeta::new(self.ids.next(self.now_ms), now),
                code: code.into(),
                parent: current
                    .as_ref()
                    .and_then(|c| c.parent.as_deref().map(Text::from)),
                libelle: current
                    .as_ref()
                    .map(|c| Text::from(c.label(self.config.lang)))
                    .unwrap_or_default(),
                supprime: false,
            },
        };
        if let Some(label) = label {
            record.libelle = label;
        }
        if let Some(parent) = parent {
            record.parent = parent;
        }
        record.supprime = remove;
        record.meta.updated_at = now;
        let effects = self.commit(
            "undo-plan",
            vec![AnyRecord::PlanNode(Box::new(record))],
            Vec::new(),
        );
        self.set_status(
            self.t(if remove {
                "status-node-deleted"
            } else {
                "status-node-saved"
            }),
            false,
        );
        effects
    }

    fn competences_action(&mut self, action: Action) -> Vec<Effect> {
        let selected_analyse = (self.comp_view == CompView::Analyses)
            .then(|| self.views.analyses.get(self.cursors[3].selected).copied())
            .flatten();
        match action {
            Action::View => {
                let items = CompView::ALL
                    .iter()
                    .map(|m| {
                        picker::PickItem::plain(m.name(), self.t(&format!("view-{}", m.name())))
                    })
                    .collect();
                let p = Picker::new(
                    self.t("picker-comp-views"),
                    items,
                    false,
                    vec![self.comp_view.name().into()],
                    0,
                )
                .for_purpose(picker::Purpose::CompView);
                self.modals.push(Modal::Picker(Box::new(p)));
            }
            Action::New
            | Action::Edit
            | Action::Delete
            | Action::Todo
            | Action::Export
            | Action::Move
                if self.comp_view == CompView::Dossier =>
            {
                return self.dossier_action(action);
            }
            Action::Todo => {
                self.comp_view = if self.comp_view == CompView::Coverage {
                    CompView::Referentiel
                } else {
                    CompView::Coverage
                };
                self.cursors[3] = Cursor::default();
            }
            Action::New | Action::Edit if self.comp_view == CompView::Profil => {
                let (p, is_new) = match self.data.profil() {
                    Some(p) => (p.clone(), false),
                    None => (profil::empty(Timestamp(self.now_ms)), true),
                };
                self.modals.push(Modal::Form(Box::new(profil::profil_form(
                    &p, is_new, &self.data,
                ))));
            }
            Action::New => {
                let a = Analyse {
                    meta: RecordMeta::new(Id(0), Timestamp(self.now_ms)),
                    date: self.today,
                    interaction: None,
                    format: "individuelle".into(),
                    situation: Text::default(),
                    ce_que_jai_fait: Text::default(),
                    ressenti: Text::default(),
                    analyse_posture: Text::default(),
                    autrement: Text::default(),
                    retenu: Text::default(),
                };
                self.comp_view = CompView::Analyses;
                self.modals.push(Modal::Form(Box::new(analyse::analyse_form(
                    &a,
                    true,
                    &self.config,
                    &self.data,
                ))));
            }
            Action::Edit
                if matches!(self.comp_view, CompView::Referentiel | CompView::Coverage) =>
            {
                if let Some(competence) = self.selected_competence() {
                    self.modals.push(Modal::Evidence {
                        competence,
                        cursor: 0,
                    });
                }
            }
            Action::Edit if selected_analyse.is_some() => {
                if let Some(i) = selected_analyse {
                    let form = analyse::analyse_form(
                        &self.data.analyses[i],
                        false,
                        &self.config,
                        &self.data,
                    );
                    self.modals.push(Modal::Form(Box::new(form)));
                }
            }
            Action::Delete if selected_analyse.is_some() => {
                if let Some(i) = selected_analyse {
                    let message = self.t("confirm-delete-record");
                    self.modals.push(Modal::Confirm {
                        message,
                        action: ConfirmAction::DeleteRecord(
                            RecordKind::Analyse,
                            self.data.analyses[i].meta.id,
                        ),
                    });
                }
            }
            Action::ClearFilter if self.comp_view != CompView::Referentiel => {
                self.comp_view = CompView::Referentiel;
                self.cursors[3] = Cursor::default();
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    fn history_action(&mut self, action: Action) -> Vec<Effect> {
        let Some(Modal::History {
            fiche,
            cursor,
            diff,
        }) = self.modals.last_mut()
        else {
            return Vec::new();
        };
        let id = *fiche;
        let Ok(i) = self.data.fiches.binary_search_by_key(&id, |f| f.meta.id) else {
            self.modals.pop();
            return Vec::new();
        };
        let count = self.data.fiches[i].revisions.len();
        match action {
            Action::Down => *cursor = (*cursor + 1).min(count.saturating_sub(1)),
            Action::Up => *cursor = cursor.saturating_sub(1),
            Action::Select => *diff = !*diff,
            Action::Close | Action::Cancel => {
                self.modals.pop();
            }
            Action::Restore => {
                // Newest first on screen: row 0 is the last revision.
                let k = count.saturating_sub(1 + *cursor);
                let f = &self.data.fiches[i];
                let when = f.revisions.get(k).map(|r| {
                    chrono::DateTime::from_timestamp_millis(r.date.0)
                        .map_or_else(String::new, |d| crate::domain::text::date(d.date_naive()))
                });
                let summary = self.i18n.t_args(
                    "revision-restored",
                    &[arg("date", when.unwrap_or_default())],
                );
                if let Some(restored) = docs::restore(f, k, Timestamp(self.now_ms), summary) {
                    self.modals.pop();
                    let effects = self.commit(
                        "undo-edited",
                        vec![AnyRecord::Fiche(Box::new(restored))],
                        Vec::new(),
                    );
                    self.set_status(self.t("status-restored"), false);
                    return effects;
                }
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    /// The row under the cursor in the Dossier Professionnel view.
    pub fn selected_dossier_row(&self) -> Option<dossier::Row> {
        let selected = self.cursors[Tab::Competences.index()].selected;
        dossier::rows(&self.data, &self.config)
            .get(selected)
            .copied()
    }

    /// The export form was saved: the document is built here (pure) and written by the
    /// runtime. The identity lives only in the form, which is dropped.
    fn export_dossier(&mut self, mut form: Box<Form>) -> Vec<Effect> {
        use crate::export::dossier as export;
        let text = |id: &str| {
            form.value(id)
                .map_or(String::new(), |v| v.text().to_string())
        };
        let path = typed_path(&text("fichier"));
        let identity = export::Identity {
            nom_naissance: text("nom_naissance"),
            nom_usage: text("nom_usage"),
            prenom: text("prenom"),
            adresse: text("adresse_candidat"),
            lieu: text("fait_a"),
        };
        let Some(format) = export::Format::of_path(&path) else {
            let message = if path.as_os_str().is_empty() {
                "err-required"
            } else {
                "err-dp-extension"
            };
            form.set_error("fichier", message);
            self.modals.push(Modal::Form(form));
            return Vec::new();
        };
        let dossier = export::Dossier {
            config: &self.config,
            data: &self.data,
            identity: &identity,
            modalite: self
                .data
                .profil()
                .and_then(|p| export::Modalite::from_role(&p.role)),
            today: self.today,
        };
        let bytes = dossier.render(format);
        match bytes {
            Ok(bytes) => vec![Effect::WriteFile { path, bytes }],
            Err(detail) => {
                let text = self
                    .i18n
                    .t_args("status-write-failed", &[arg("detail", detail)]);
                self.set_status(text, true);
                Vec::new()
            }
        }
    }

    /// `m` on an example: one rank up within its CCP (the first goes last), ranks renumbered
    /// 1, 2, 3 so the export's « Exemple n°k » follows the order the user chose.
    fn move_exemple_up(&mut self, i: usize) -> Vec<Effect> {
        let Some(x) = self.data.exemples.get(i) else {
            return Vec::new();
        };
        let id = x.meta.id;
        let mut order = dossier::examples_of(&self.data, &x.ccp);
        let Some(pos) = order.iter().position(|&j| j == i) else {
            return Vec::new();
        };
        if order.len() < 2 {
            return Vec::new();
        }
        let moved = order.remove(pos);
        order.insert(pos.checked_sub(1).unwrap_or(order.len()), moved);
        let now = Timestamp(self.now_ms);
        let changed: Vec<AnyRecord> = order
            .iter()
            .zip(1u8..)
            .filter(|&(&j, rang)| self.data.exemples[j].rang != rang)
            .map(|(&j, rang)| {
                let mut e = self.data.exemples[j].clone();
                e.rang = rang;
                e.meta.updated_at = now;
                AnyRecord::Exemple(Box::new(e))
            })
            .collect();
        let effects = self.commit("undo-edited", changed, Vec::new());
        // The cursor follows the example to its new row.
        let rows = dossier::rows(&self.data, &self.config);
        if let Some(row) = rows.iter().position(
            |r| matches!(r, dossier::Row::Exemple(j) if self.data.exemples[*j].meta.id == id),
        ) {
            let height = self.list_height();
            self.cursors[Tab::Competences.index()].select(row, rows.len(), height);
            if let Some(x) = self.data.exemples.iter().find(|x| x.meta.id == id) {
                let text = self
                    .i18n
                    .t_args("status-exemple-moved", &[arg("rang", x.rang)]);
                self.set_status(text, false);
            }
        }
        effects
    }

    fn dossier_action(&mut self, action: Action) -> Vec<Effect> {
        let row = self.selected_dossier_row();
        let r = &self.config.referentiel;
        match (action, row) {
            (Action::New, Some(row)) => {
                let ccp = match row {
                    dossier::Row::Ccp(ci) => r.ccp.get(ci).map(|c| r.qualify(&c.id).into()),
                    dossier::Row::Exemple(i) => self.data.exemples.get(i).map(|x| x.ccp.clone()),
                };
                let Some(ccp) = ccp else {
                    return Vec::new();
                };
                let items = dossier::source_items(&self.data, &self.config, self.i18n.lang(), &ccp);
                self.draft_ccp = ccp;
                let p = Picker::new(self.t("picker-draft-sources"), items, true, Vec::new(), 0)
                    .for_purpose(picker::Purpose::DraftExemple);
                self.modals.push(Modal::Picker(Box::new(p)));
            }
            (Action::Todo, Some(dossier::Row::Exemple(i))) => {
                let Some(x) = self.data.exemples.get(i) else {
                    return Vec::new();
                };
                let items: Vec<picker::PickItem> = self
                    .sharing_warnings(x)
                    .into_iter()
                    .filter(|(_, accepted)| !accepted)
                    .map(|(w, _)| {
                        let label = format!(
                            "« {} » — {} ({})",
                            w.matched,
                            self.t(w.kind.message_id()),
                            self.field_label(w.field)
                        );
                        picker::PickItem::plain(format!("{}\u{1f}{}", w.field, w.matched), label)
                    })
                    .collect();
                if items.is_empty() {
                    self.set_status(self.t("status-no-sharing-warning"), false);
                    return Vec::new();
                }
                self.draft_exemple = Some(x.meta.id);
                let p = Picker::new(self.t("picker-accept-warning"), items, false, Vec::new(), 0)
                    .for_purpose(picker::Purpose::AcceptWarning);
                self.modals.push(Modal::Picker(Box::new(p)));
            }
            (Action::Move, Some(dossier::Row::Exemple(i))) => return self.move_exemple_up(i),
            (Action::Export, _) => {
                let pending = dossier::unaccepted_warnings(&self.data, &self.config).len();
                if pending > 0 {
                    let text = self.i18n.t_args("status-dp-gate", &[arg("count", pending)]);
                    self.set_status(text, true);
                    return Vec::new();
                }
                self.modals
                    .push(Modal::Form(Box::new(dossier::export_form())));
            }
            (Action::Edit, Some(dossier::Row::Exemple(i))) => {
                if let Some(x) = self.data.exemples.get(i) {
                    let form = dossier::exemple_form(x, false);
                    self.modals.push(Modal::Form(Box::new(form)));
                }
            }
            (Action::Delete, Some(dossier::Row::Exemple(i))) => {
                if let Some(x) = self.data.exemples.get(i) {
                    let message = self.t("confirm-delete-record");
                    self.modals.push(Modal::Confirm {
                        message,
                        action: ConfirmAction::DeleteRecord(RecordKind::Exemple, x.meta.id),
                    });
                }
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    /// The qualified id of the competence under the cursor (référentiel or coverage view).
    pub fn selected_competence(&self) -> Option<Text> {
        let r = &self.config.referentiel;
        let selected = self.cursors[Tab::Competences.index()].selected;
        let (ci, k) = match self.comp_view {
            CompView::Referentiel => match self.views.competences.get(selected)? {
                CompetenceRow::Competence(ci, k) => (*ci, *k),
                CompetenceRow::Orphan(i) => return self.views.orphans.get(*i).cloned(),
                CompetenceRow::Ccp(_) | CompetenceRow::OrphanHeader => return None,
            },
            CompView::Coverage => {
                let (ci, k, _) = *self.gaps_first().get(selected)?;
                (ci, k)
            }
            _ => return None,
        };
        Some(r.qualify(&r.ccp.get(ci)?.competences.get(k)?.id).into())
    }

    /// The links listed by the evidence modal, newest first.
    pub fn evidence_links(&self, competence: &str) -> Vec<evidence::Linked> {
        evidence::linked(
            &self.data,
            &self.config,
            self.i18n.lang(),
            competence,
            usize::MAX,
        )
        .0
    }

    /// What the kinds' views read: the records, the config, the UI language.
    pub fn ctx(&self) -> kinds::Ctx<'_> {
        kinds::Ctx {
            data: &self.data,
            config: &self.config,
            lang: self.i18n.lang(),
        }
    }

    fn evidence_action(&mut self, action: Action) -> Vec<Effect> {
        let Some(Modal::Evidence { competence, cursor }) = self.modals.last() else {
            return Vec::new();
        };
        let competence = competence.clone();
        let links = self.evidence_links(&competence);
        let current = links.get(*cursor).cloned();
        let set_cursor = |app: &mut App, value: usize| {
            if let Some(Modal::Evidence { cursor, .. }) = app.modals.last_mut() {
                *cursor = value;
            }
        };
        let at = *cursor;
        match action {
            Action::Down => set_cursor(self, (at + 1).min(links.len().saturating_sub(1))),
            Action::Up => set_cursor(self, at.saturating_sub(1)),
            Action::Close | Action::Cancel => {
                self.modals.pop();
            }
            Action::Undo => return self.undo(),
            Action::Select => {
                if let Some(form) = current
                    .and_then(|l| self.current(l.kind, l.id))
                    .and_then(|r| kinds::form(&r, false, &self.ctx()))
                {
                    self.modals.push(Modal::Form(Box::new(form)));
                }
            }
            Action::Strength | Action::Delete => {
                let Some(link) = current else {
                    return Vec::new();
                };
                let Some(mut record) = self.current(link.kind, link.id) else {
                    return Vec::new();
                };
                let meta = record.meta_mut();
                let status = if action == Action::Delete {
                    if link.index < meta.evidence.len() {
                        meta.evidence.remove(link.index);
                    }
                    set_cursor(self, at.min(links.len().saturating_sub(2)));
                    "status-link-removed"
                } else {
                    let Some(e) = meta.evidence.get_mut(link.index) else {
                        return Vec::new();
                    };
                    e.strength = match e.strength {
                        Strength::Principale => Strength::Secondaire,
                        Strength::Secondaire => Strength::Principale,
                    };
                    "status-link-strength"
                };
                meta.updated_at = Timestamp(self.now_ms);
                let effects = self.commit("undo-edited", vec![record], Vec::new());
                self.set_status(self.t(status), false);
                return effects;
            }
            Action::New => {
                let kinds = |k: RecordKind| self.t(&format!("kind-{}", k.name()));
                let items = evidence::candidates(
                    &self.data,
                    &self.config,
                    self.i18n.lang(),
                    &kinds,
                    &competence,
                );
                let p = Picker::new(self.t("picker-add-evidence"), items, false, Vec::new(), 0)
                    .for_purpose(picker::Purpose::AddEvidence);
                self.modals.push(Modal::Picker(Box::new(p)));
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    /// Links the chosen record to the competence of the evidence modal below the picker.
    fn add_evidence(&mut self, item: &str) -> Vec<Effect> {
        let Some(Modal::Evidence { competence, .. }) = self.modals.last() else {
            return Vec::new();
        };
        let competence = competence.clone();
        let Some((kind, id)) = evidence::parse_candidate(item) else {
            return Vec::new();
        };
        let Some(mut record) = self.current(kind, id) else {
            return Vec::new();
        };
        let date = evidence::summary(&self.data, &self.config, self.i18n.lang(), kind, id)
            .map_or(self.today, |(d, _)| d);
        let meta = record.meta_mut();
        meta.evidence.push(EvidenceLink {
            competence,
            strength: Strength::Secondaire,
            justification: Text::default(),
            date,
        });
        meta.updated_at = Timestamp(self.now_ms);
        let effects = self.commit("undo-edited", vec![record], Vec::new());
        if let Some(Modal::Evidence { cursor, .. }) = self.modals.last_mut() {
            *cursor = 0;
        }
        self.set_status(self.t("status-link-added"), false);
        effects
    }

    fn select_structure(&mut self, id: Id) {
        self.tab = Tab::Reseau;
        self.reseau_mode = ReseauMode::List;
        let Ok(index) = self
            .data
            .structures
            .binary_search_by_key(&id, |s| s.meta.id)
        else {
            return;
        };
        if !self.reseau_rows.contains(&index) {
            // Out of the current filter or search: show everything rather than hide it.
            self.reseau_filter = network::Filter::default();
            self.reseau_query_input.set("");
            self.reseau_query = crate::search::Query::default();
            self.refresh_reseau_rows();
        }
        if let Some(row) = self.reseau_rows.iter().position(|&i| i == index) {
            let len = self.reseau_rows.len();
            let height = self.list_height();
            self.cursors[1].select(row, len, height);
            self.detail_scroll = 0;
        }
    }

    /// How many records mention a structure (they keep its name when it is deleted).
    fn mentions(&self, id: Id) -> (usize, usize) {
        let interactions = self
            .data
            .interactions
            .iter()
            .filter(|i| i.orientation.as_ref().and_then(|o| o.structure) == Some(id))
            .count();
        let rencontres = self
            .data
            .rencontres
            .iter()
            .filter(|r| r.structures.iter().any(|l| l.id == Some(id)))
            .count();
        (interactions, rencontres)
    }

    fn ask_delete_structure(&mut self, id: Id) {
        let Some(s) = self.data.structure(id) else {
            return;
        };
        let (interactions, rencontres) = self.mentions(id);
        let contacts = self
            .views
            .contacts_by_structure
            .get(&id)
            .map_or(0, Vec::len);
        let message = self.i18n.t_args(
            "confirm-delete-structure",
            &[
                arg("name", text::one_line(&s.nom)),
                arg("contacts", contacts),
                arg("interactions", interactions),
                arg("rencontres", rencontres),
            ],
        );
        self.modals.push(Modal::Confirm {
            message,
            action: ConfirmAction::DeleteStructure(id),
        });
    }

    /// Deletes a structure and its contacts; records that mention them keep the names.
    fn delete_structure(&mut self, id: Id) -> Vec<Effect> {
        let now = Timestamp(self.now_ms);
        let contact_ids: Vec<Id> = self
            .data
            .contacts
            .iter()
            .filter(|c| c.structure == id)
            .map(|c| c.meta.id)
            .collect();
        let mut changed: Vec<AnyRecord> = Vec::new();
        for it in &self.data.interactions {
            if it.orientation.as_ref().and_then(|o| o.structure) == Some(id) {
                let mut it = it.clone();
                if let Some(o) = &mut it.orientation {
                    o.structure = None;
                }
                it.meta.updated_at = now;
                changed.push(AnyRecord::Interaction(Box::new(it)));
            }
        }
        changed.extend(self.unlink_rencontres(&[id], &contact_ids, now));
        for f in &self.data.fiches {
            if f.structures.iter().any(|l| l.id == Some(id)) {
                let mut f = f.clone();
                for l in &mut f.structures {
                    if l.id == Some(id) {
                        l.id = None;
                    }
                }
                f.meta.updated_at = now;
                changed.push(AnyRecord::Fiche(Box::new(f)));
            }
        }
        let mut removals = vec![(RecordKind::Structure, id)];
        removals.extend(contact_ids.iter().map(|c| (RecordKind::Contact, *c)));
        let effects = self.commit("undo-deleted", changed, removals);
        self.set_status(self.t("status-structure-deleted"), false);
        effects
    }

    fn unlink_rencontres(
        &self,
        structures: &[Id],
        contacts: &[Id],
        now: Timestamp,
    ) -> Vec<AnyRecord> {
        let hit = |l: &Lien, ids: &[Id]| l.id.is_some_and(|id| ids.contains(&id));
        self.data
            .rencontres
            .iter()
            .filter(|r| {
                r.structures.iter().any(|l| hit(l, structures))
                    || r.contacts.iter().any(|l| hit(l, contacts))
            })
            .map(|r| {
                let mut r = r.clone();
                for l in r.structures.iter_mut().filter(|l| hit(l, structures)) {
                    l.id = None;
                }
                for l in r.contacts.iter_mut().filter(|l| hit(l, contacts)) {
                    l.id = None;
                }
                r.meta.updated_at = now;
                AnyRecord::Rencontre(Box::new(r))
            })
            .collect()
    }

    fn delete_contact(&mut self, id: Id) -> Vec<Effect> {
        // The contact's form is under the question: close it too.
        if matches!(self.modals.last(), Some(Modal::Form(_))) {
            self.modals.pop();
        }
        let changed = self.unlink_rencontres(&[], &[id], Timestamp(self.now_ms));
        let effects = self.commit("undo-deleted", changed, vec![(RecordKind::Contact, id)]);
        self.set_status(self.t("status-contact-deleted"), false);
        effects
    }

    fn mark_verified(&mut self) -> Vec<Effect> {
        let now = Timestamp(self.now_ms);
        let contact_row = match (self.reseau_mode, self.relance.get(self.cursors[1].selected)) {
            (
                ReseauMode::Relancer,
                Some(network::RelanceRow {
                    subject: network::Subject::Contact(i),
                    ..
                }),
            ) => Some(*i),
            _ => None,
        };
        let record = if let Some(i) = contact_row {
            let mut c = self.data.contacts[i].clone();
            c.date_verification = Some(self.today);
            c.meta.updated_at = now;
            AnyRecord::Contact(Box::new(c))
        } else if let Some(i) = self.selected_structure() {
            let mut s = self.data.structures[i].clone();
            s.date_verification = Some(self.today);
            s.meta.updated_at = now;
            AnyRecord::Structure(Box::new(s))
        } else {
            return Vec::new();
        };
        let effects = self.commit("undo-verified", vec![record], Vec::new());
        self.set_status(self.t("status-verified"), false);
        effects
    }

    // ------------------------------------------------------------ forms

    fn form_key(&mut self, key: Key) -> Option<Vec<Effect>> {
        let Some(Modal::Form(form)) = self.modals.last_mut() else {
            return None;
        };
        let kind = form.focused().kind;
        let printable = matches!(key.code, KeyCode::Char(_)) && !key.mods.ctrl && !key.mods.alt;
        if kind.is_typed() {
            if let Value::Text(input) = &mut form.focused_mut().value
                && input.key(key) == Edit::Changed
            {
                form.focused_mut().error = None;
                form.guard_accepted = false;
                return Some(Vec::new());
            }
            return None;
        }
        match (kind, key.code) {
            (FieldKind::Bool, KeyCode::Char(' ')) => {
                let f = form.focused_mut();
                f.value = Value::Bool(!f.value.flag());
                Some(Vec::new())
            }
            (FieldKind::Bool, KeyCode::Char(c)) if printable && "oOyYnN".contains(c) => {
                form.focused_mut().value = Value::Bool("oOyY".contains(c));
                Some(Vec::new())
            }
            (k, KeyCode::Char(c)) if printable && k.opens_picker() => {
                self.open_picker(&c.to_string());
                Some(Vec::new())
            }
            (k, KeyCode::Backspace | KeyCode::Delete) if k.opens_picker() => {
                let f = form.focused_mut();
                f.value = match f.value {
                    Value::Choice(_) => Value::Choice(None),
                    Value::Multi(_) => Value::Multi(Vec::new()),
                    Value::Structure(_) => Value::Structure(None),
                    Value::Suivi(_) => Value::Suivi(None),
                    ref other => other.clone(),
                };
                if kind == FieldKind::Competences {
                    form.competences_touched = true;
                }
                self.after_field_change();
                Some(Vec::new())
            }
            _ => None,
        }
    }

    fn form_action(&mut self, action: Action) -> Vec<Effect> {
        let Some(Modal::Form(form)) = self.modals.last_mut() else {
            return Vec::new();
        };
        match action {
            Action::NextField => form.next(),
            Action::PrevField => form.prev(),
            Action::Open => {
                let kind = form.focused().kind;
                if kind.opens_picker() {
                    self.open_picker("");
                } else if kind == FieldKind::Bool {
                    let f = form.focused_mut();
                    f.value = Value::Bool(!f.value.flag());
                } else {
                    form.next();
                }
            }
            Action::Save => return self.save_form(),
            Action::CadreLegal => self.modals.push(Modal::CadreLegal { scroll: 0 }),
            Action::DeleteRecord => {
                let question = match &form.purpose {
                    Purpose::Contact {
                        base,
                        is_new: false,
                    } => Some(ConfirmAction::DeleteContact(base.meta.id)),
                    Purpose::Service {
                        structure,
                        index: Some(k),
                    } => Some(ConfirmAction::DeleteService(*structure, *k)),
                    _ => None,
                };
                match question {
                    Some(action) => {
                        let message = self.t("confirm-delete-contact");
                        self.modals.push(Modal::Confirm { message, action });
                    }
                    None => self.set_status(self.t("status-delete-from-list"), false),
                }
            }
            Action::Cancel => {
                if form.dirty()
                    && !matches!(form.purpose, Purpose::JournalFilter | Purpose::ReseauFilter)
                {
                    let message = self.t("confirm-discard");
                    self.modals.push(Modal::Confirm {
                        message,
                        action: ConfirmAction::DiscardForm,
                    });
                } else {
                    self.modals.pop();
                }
            }
            Action::ExternalEditor => {
                if let Value::Text(input) = &form.focused().value
                    && matches!(form.focused().kind, FieldKind::Text | FieldKind::Multiline)
                {
                    return vec![Effect::EditExternally(input.text().to_string())];
                }
                self.set_status(self.t("status-editor-text-only"), false);
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    /// Keeps dependent fields in step: the competences follow the types until the user
    /// chooses them.
    fn after_field_change(&mut self) {
        let Some(Modal::Form(form)) = self.modals.last_mut() else {
            return;
        };
        if matches!(form.purpose, Purpose::Interaction { .. }) && !form.competences_touched {
            let types = form
                .value("types")
                .map(|v| v.multi().to_vec())
                .unwrap_or_default();
            let suggested = interaction_form::suggested_competences(&types, &self.config);
            if let Some(f) = form.field_mut("competences") {
                f.value = Value::Multi(suggested);
            }
        }
        form.guard_accepted = false;
    }

    fn save_form(&mut self) -> Vec<Effect> {
        let Some(Modal::Form(mut form)) = self.modals.pop() else {
            return Vec::new();
        };
        match form.purpose.clone() {
            Purpose::Structure { is_new, .. } => {
                let now = Timestamp(self.now_ms);
                let Some(mut structure) = network::read_structure(&mut form, self.today, now)
                else {
                    self.modals.push(Modal::Form(form));
                    return Vec::new();
                };
                if is_new
                    && !form.guard_accepted
                    && let Some(existing) =
                        network::similar_structure(&self.data, &structure.nom, None)
                {
                    let name = self
                        .data
                        .structure(existing)
                        .map(|s| s.nom.to_string())
                        .unwrap_or_default();
                    let message = self
                        .i18n
                        .t_args("confirm-similar-structure", &[arg("name", name)]);
                    self.modals.push(Modal::Form(form));
                    self.modals.push(Modal::Confirm {
                        message,
                        action: ConfirmAction::OpenSimilarStructure(existing),
                    });
                    return Vec::new();
                }
                if is_new {
                    structure.meta.id = self.ids.next(self.now_ms);
                    structure.meta.created_at = now;
                }
                let id = structure.meta.id;
                let what = if is_new {
                    "undo-created"
                } else {
                    "undo-edited"
                };
                let effects = self.commit(
                    what,
                    vec![AnyRecord::Structure(Box::new(structure))],
                    Vec::new(),
                );
                self.select_structure(id);
                self.set_status(self.t("status-structure-saved"), false);
                effects
            }
            Purpose::Service { structure, .. } => {
                let Some(updated) =
                    network::read_service(&mut form, &self.data, Timestamp(self.now_ms))
                else {
                    self.modals.push(Modal::Form(form));
                    return Vec::new();
                };
                let effects = self.commit(
                    "undo-edited",
                    vec![AnyRecord::Structure(Box::new(updated))],
                    Vec::new(),
                );
                self.select_structure(structure);
                self.set_status(self.t("status-structure-saved"), false);
                effects
            }
            Purpose::PlanNode { code, parent } => {
                let label = form
                    .value("libelle")
                    .map(|v| text::one_line(v.text()))
                    .unwrap_or_default();
                if label.is_empty() {
                    form.set_error("libelle", "err-required");
                    form.focus_first_error();
                    self.modals.push(Modal::Form(form));
                    return Vec::new();
                }
                let code = code.unwrap_or_else(|| {
                    docs::new_node_code(
                        &self.config.vocab.plan_classement,
                        parent.as_deref(),
                        &label,
                    )
                });
                self.save_node(&code, Some(label.into()), Some(parent), false)
            }
            Purpose::ImportFolder => {
                let path = typed_path(form.value("dossier").map_or("", |v| v.text()));
                if path.as_os_str().is_empty() {
                    form.set_error("dossier", "err-required");
                    self.modals.push(Modal::Form(form));
                    return Vec::new();
                }
                vec![Effect::ReadFolder(path)]
            }
            Purpose::ExportDossier => self.export_dossier(form),
            Purpose::Fiche { is_new, .. } => {
                let record =
                    docs::read_fiche(&mut form, &self.data, self.today, Timestamp(self.now_ms))
                        .map(|f| AnyRecord::Fiche(Box::new(f)));
                self.save_record(form, record, is_new)
            }
            Purpose::Exemple { is_new, .. } => {
                let record = dossier::read_exemple(&mut form, self.today, Timestamp(self.now_ms))
                    .map(|r| AnyRecord::Exemple(Box::new(r)));
                self.save_record(form, record, is_new)
            }
            Purpose::Profil { is_new, .. } => {
                let record = profil::read_profil(&mut form, self.today, Timestamp(self.now_ms))
                    .map(|r| AnyRecord::Profil(Box::new(r)));
                self.save_record(form, record, is_new)
            }
            Purpose::Analyse { is_new, .. } => {
                let record = analyse::read_analyse(&mut form, self.today, Timestamp(self.now_ms))
                    .map(|r| AnyRecord::Analyse(Box::new(r)));
                self.save_record(form, record, is_new)
            }
            Purpose::Record { is_new, .. } => {
                let record =
                    kinds::read(&mut form, &self.config, self.today, Timestamp(self.now_ms));
                self.save_record(form, record, is_new)
            }
            Purpose::Rencontre { is_new, .. } => {
                let record = kinds::rencontre::read_rencontre(
                    &mut form,
                    &self.data,
                    self.today,
                    Timestamp(self.now_ms),
                );
                let saved = Saved {
                    record: record.map(Record::into_any),
                    created: Vec::new(),
                    status: "status-rencontre-saved",
                };
                self.save(form, saved, is_new).1
            }
            Purpose::Contact { is_new, .. } => {
                let now = Timestamp(self.now_ms);
                let Some(mut contact) = network::read_contact(&mut form, self.today, now) else {
                    self.modals.push(Modal::Form(form));
                    return Vec::new();
                };
                if is_new {
                    contact.meta.id = self.ids.next(self.now_ms);
                    contact.meta.created_at = now;
                }
                let structure = contact.structure;
                let what = if is_new {
                    "undo-created"
                } else {
                    "undo-edited"
                };
                let effects = self.commit(
                    what,
                    vec![AnyRecord::Contact(Box::new(contact))],
                    Vec::new(),
                );
                self.select_structure(structure);
                self.set_status(self.t("status-contact-saved"), false);
                effects
            }
            Purpose::ReseauFilter => {
                self.reseau_filter = network::read_filter(&form);
                self.refresh_reseau_rows();
                self.cursors[1] = Cursor::default();
                Vec::new()
            }
            Purpose::JournalFilter => {
                if !self.apply_filter_form(&mut form) {
                    self.modals.push(Modal::Form(form));
                }
                Vec::new()
            }
            Purpose::QuickStructure => {
                let nom = form
                    .value("nom")
                    .map(|v| text::one_line(v.text()))
                    .unwrap_or_default();
                let typologie = form.value("typologie").and_then(|v| v.choice().cloned());
                form.clear_errors();
                if nom.is_empty() {
                    form.set_error("nom", "err-required");
                }
                if typologie.is_none() {
                    form.set_error("typologie", "err-required");
                }
                match typologie {
                    Some(typologie) if !nom.is_empty() => {
                        if let Some(Modal::Form(parent)) = self.modals.last_mut()
                            && let Some(f) = parent.field_mut("orientation")
                        {
                            f.value = Value::Structure(Some(StructureRef::New {
                                nom: nom.into(),
                                typologie,
                            }));
                        }
                    }
                    _ => {
                        form.focus_first_error();
                        self.modals.push(Modal::Form(form));
                    }
                }
                Vec::new()
            }
            Purpose::Interaction { is_new, .. } => {
                let read = interaction_form::read(
                    &mut form,
                    self.today,
                    Timestamp(self.now_ms),
                    &mut self.ids,
                );
                let (record, created) = match read {
                    Some((it, created)) => (Some(it.into_any()), created),
                    None => (None, Vec::new()),
                };
                let saved = Saved {
                    record,
                    created,
                    status: "status-saved",
                };
                let (id, effects) = self.save(form, saved, is_new);
                if let Some(id) = id {
                    self.journal.mode = Mode::List;
                    self.select_interaction(id);
                }
                effects
            }
        }
    }

    /// Saves a record read from a form: back to the form on errors or guard warnings, a new
    /// id for a new record, then commit with undo.
    fn save_record(
        &mut self,
        form: Box<Form>,
        record: Option<AnyRecord>,
        is_new: bool,
    ) -> Vec<Effect> {
        let saved = Saved {
            record,
            created: Vec::new(),
            status: "status-record-saved",
        };
        self.save(form, saved, is_new).1
    }

    /// The one save path of the forms that write records: back to the form on errors
    /// (`record` None) or guard warnings; a new id for a new record; the record and the
    /// records created beside it (a structure, a suivi) in one commit with undo; a status.
    /// The id saved comes back with the effects.
    fn save(&mut self, form: Box<Form>, saved: Saved, is_new: bool) -> (Option<Id>, Vec<Effect>) {
        let Some(mut record) = saved.record else {
            self.modals.push(Modal::Form(form));
            return (None, Vec::new());
        };
        if !form.guard_accepted {
            let warnings = self.guard_warnings(&form);
            if !warnings.is_empty() {
                self.modals.push(Modal::Form(form));
                self.modals.push(Modal::Guard { warnings });
                return (None, Vec::new());
            }
        }
        if is_new {
            let meta = record.meta_mut();
            meta.id = self.ids.next(self.now_ms);
            meta.created_at = Timestamp(self.now_ms);
        }
        let id = record.id();
        let what = if is_new {
            "undo-created"
        } else {
            "undo-edited"
        };
        let mut records = saved.created;
        records.push(record);
        let effects = self.commit(what, records, Vec::new());
        self.set_status(self.t(saved.status), false);
        (Some(id), effects)
    }

    /// The free-text guard, knowing the network's names (never a warning).
    fn guard(&self) -> Guard<'_> {
        dossier::guard(&self.data, &self.config)
    }

    pub fn sharing_warnings(&self, x: &Exemple) -> Vec<(GuardWarning, bool)> {
        dossier::sharing_warnings(&self.data, &self.config, x)
    }

    fn guard_warnings(&self, form: &Form) -> Vec<GuardWarning> {
        let guard = self.guard();
        form.fields
            .iter()
            .filter(|f| f.guarded)
            .flat_map(|f| guard.check(f.id, f.value.text()))
            .collect()
    }

    // ------------------------------------------------------------ pickers

    fn open_picker(&mut self, query: &str) {
        let Some(Modal::Form(form)) = self.modals.last() else {
            return;
        };
        let field = form.focused();
        let title = self.field_label(field.id);
        let index = form.focus;
        let picker = match (field.kind, &field.value) {
            (FieldKind::Choice(options), Value::Choice(current)) => Picker::new(
                title,
                picker::option_items(options, &self.config, &self.i18n),
                false,
                current.iter().cloned().collect(),
                index,
            ),
            (FieldKind::Multi(options), Value::Multi(current)) => Picker::new(
                title,
                picker::option_items(options, &self.config, &self.i18n),
                true,
                current.clone(),
                index,
            ),
            (FieldKind::Competences, Value::Multi(current)) => Picker::new(
                title,
                picker::competence_items(&self.config),
                true,
                current.clone(),
                index,
            ),
            (FieldKind::Structure, Value::Structure(current)) => {
                let chosen = match current {
                    Some(StructureRef::Existing(id, _)) => vec![id.to_string().into()],
                    _ => Vec::new(),
                };
                let p = Picker::new(
                    title,
                    picker::structure_items(&self.data),
                    false,
                    chosen,
                    index,
                );
                if matches!(form.purpose, Purpose::Interaction { .. }) {
                    p.with_create(Create::Structure)
                } else {
                    p
                }
            }
            (FieldKind::Suivi, Value::Suivi(current)) => {
                let chosen = match current {
                    Some(SuiviRef::Existing(id, _)) => vec![id.to_string().into()],
                    _ => Vec::new(),
                };
                let p = Picker::new(title, picker::suivi_items(&self.data), false, chosen, index);
                if matches!(form.purpose, Purpose::Interaction { .. }) {
                    p.with_create(Create::Suivi(picker::next_suivi_code(
                        &self.data,
                        chrono::Datelike::year(&self.today),
                    )))
                } else {
                    p
                }
            }
            (FieldKind::Refs(list), Value::Multi(current)) => {
                let (items, multi) = match list {
                    RefList::Structures => (picker::structure_items(&self.data), true),
                    RefList::Contacts => (picker::contact_items(&self.data), true),
                    RefList::Interactions => (
                        picker::interaction_items(&self.data, &self.views.journal),
                        false,
                    ),
                };
                Picker::new(title, items, multi, current.clone(), index)
            }
            _ => return,
        };
        let picker = if query.is_empty() {
            picker
        } else {
            picker.with_query(query)
        };
        self.modals.push(Modal::Picker(Box::new(picker)));
    }

    fn picker_action(&mut self, action: Action) -> Vec<Effect> {
        let Some(Modal::Picker(p)) = self.modals.last_mut() else {
            return Vec::new();
        };
        match action {
            Action::Down => p.move_by(1),
            Action::Up => p.move_by(-1),
            Action::PageDown => p.move_by(10),
            Action::PageUp => p.move_by(-10),
            Action::Mark if p.multi => p.toggle_current(),
            Action::Cancel => {
                self.modals.pop();
            }
            Action::Select => return self.picker_select(),
            _ => self.dirty = false,
        }
        Vec::new()
    }

    fn picker_select(&mut self) -> Vec<Effect> {
        let Some(Modal::Picker(mut p)) = self.modals.pop() else {
            return Vec::new();
        };
        let choice = p.current();
        if p.purpose == picker::Purpose::MoveNode {
            if let (Choice::Item(parent), Some(node)) = (choice, self.selected_node().cloned()) {
                let parent = (!parent.is_empty()).then_some(parent);
                return self.save_node(&node.id, None, Some(parent), false);
            }
            return Vec::new();
        }
        if p.purpose == picker::Purpose::AcceptWarning {
            let (Choice::Item(item), Some(id)) = (choice, self.draft_exemple) else {
                return Vec::new();
            };
            let Some((field, matched)) = item.split_once('\u{1f}') else {
                return Vec::new();
            };
            let Some(AnyRecord::Exemple(mut x)) = self.current(RecordKind::Exemple, id) else {
                return Vec::new();
            };
            x.accepted.push(AcceptedWarning {
                field: field.into(),
                matched: matched.into(),
            });
            x.meta.updated_at = Timestamp(self.now_ms);
            let effects = self.commit("undo-edited", vec![AnyRecord::Exemple(x)], Vec::new());
            self.set_status(self.t("status-warning-accepted"), false);
            return effects;
        }
        if p.purpose == picker::Purpose::DraftExemple {
            // Enter takes the ticked records, or the one under the cursor when none is.
            let mut chosen = p.chosen.clone();
            if chosen.is_empty()
                && let Choice::Item(item) = choice
            {
                chosen.push(item);
            }
            let x = dossier::drafted(
                &self.data,
                &self.config,
                &self.draft_ccp,
                &chosen,
                Timestamp(self.now_ms),
            );
            self.modals
                .push(Modal::Form(Box::new(dossier::exemple_form(&x, true))));
            return Vec::new();
        }
        if p.purpose == picker::Purpose::AddEvidence {
            if let Choice::Item(item) = choice {
                return self.add_evidence(&item);
            }
            return Vec::new();
        }
        if p.purpose == picker::Purpose::CompView {
            if let Choice::Item(id) = choice
                && let Some(view) = CompView::ALL.iter().find(|m| m.name() == id.as_str())
            {
                self.comp_view = *view;
                self.cursors[3] = Cursor::default();
                self.detail_scroll = 0;
            }
            return Vec::new();
        }
        if p.purpose == picker::Purpose::ReseauView {
            if let Choice::Item(id) = choice
                && let Some(mode) = ReseauMode::all()
                    .into_iter()
                    .find(|m| m.name() == id.as_str())
            {
                self.reseau_mode = mode;
                self.cursors[1] = Cursor::default();
                self.detail_scroll = 0;
            }
            return Vec::new();
        }
        if p.purpose == picker::Purpose::EditService {
            if let (Choice::Item(k), Some(i)) = (choice, self.selected_structure())
                && let Ok(k) = k.parse::<usize>()
            {
                let s = &self.data.structures[i];
                let form = network::service_form(s.meta.id, Some(k), s.services.get(k));
                self.modals.push(Modal::Form(Box::new(form)));
            }
            return Vec::new();
        }
        if p.purpose == picker::Purpose::EditContact {
            if let Choice::Item(id) = choice
                && let Ok(id) = id.parse::<Id>()
                && let Ok(i) = self.data.contacts.binary_search_by_key(&id, |c| c.meta.id)
            {
                let form = network::contact_form(&self.data.contacts[i], false);
                self.modals.push(Modal::Form(Box::new(form)));
            }
            return Vec::new();
        }
        // Enter confirms what is ticked; with nothing ticked, it takes the highlighted row.
        if p.multi
            && p.chosen.is_empty()
            && let Choice::Item(id) = &choice
        {
            p.chosen.push(id.clone());
        }
        let Some(Modal::Form(form)) = self.modals.last_mut() else {
            return Vec::new();
        };
        let field_index = p.field.min(form.fields.len().saturating_sub(1));
        let field = &mut form.fields[field_index];
        let kind = field.kind;
        match (kind, choice) {
            (FieldKind::Choice(_), Choice::Item(id)) => field.value = Value::Choice(Some(id)),
            // A single reference: choosing the current one again clears it.
            (FieldKind::Refs(_), Choice::Item(id)) if !p.multi => {
                field.value = Value::Multi(if p.chosen.contains(&id) {
                    Vec::new()
                } else {
                    vec![id]
                })
            }
            (
                FieldKind::Multi(_) | FieldKind::Competences | FieldKind::Refs(_),
                Choice::Item(_),
            ) => field.value = Value::Multi(p.chosen.clone()),
            (FieldKind::Structure, Choice::Item(id)) => {
                if let Ok(id) = id.parse::<Id>() {
                    let nom = self
                        .data
                        .structure(id)
                        .map(|s| s.nom.clone())
                        .unwrap_or_default();
                    field.value = Value::Structure(Some(StructureRef::Existing(id, nom)));
                }
            }
            (FieldKind::Suivi, Choice::Item(id)) => {
                if let Ok(id) = id.parse::<Id>() {
                    let code = self
                        .data
                        .suivi(id)
                        .map(|s| s.code.clone())
                        .unwrap_or_default();
                    field.value = Value::Suivi(Some(SuiviRef::Existing(id, code)));
                }
            }
            (FieldKind::Suivi, Choice::CreateSuivi(code)) => {
                field.value = Value::Suivi(Some(SuiviRef::New(code)))
            }
            (FieldKind::Structure, Choice::CreateStructure(nom)) => {
                let mut quick = interaction_form::quick_structure_form(&nom);
                quick.focus = 1;
                self.modals.push(Modal::Form(Box::new(quick)));
                return Vec::new();
            }
            (_, Choice::Nothing) => {
                // Nothing matches: go back to the picker so the query can be corrected.
                self.modals.push(Modal::Picker(p));
                return Vec::new();
            }
            _ => {}
        }
        if kind == FieldKind::Competences {
            form.competences_touched = true;
        }
        field.error = None;
        if !matches!(kind, FieldKind::Competences) {
            form.next();
        }
        self.after_field_change();
        Vec::new()
    }
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
