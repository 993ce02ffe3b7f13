//! The Documentation tab: fiches, the plan de classement, revisions, folder import; its
//! state, its keys and the hints its footer shows.

use crate::app::*;

/// The Documentation tab shows the fiches by plan de classement, or those to review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocsMode {
    #[default]
    List,
    AReviser,
    /// The plan de classement itself, to add, rename, move and remove nodes.
    Plan,
}

/// What the Documentation tab shows and remembers.
#[derive(Debug, Clone)]
pub struct DocsState {
    pub(crate) mode: DocsMode,
    /// The fiches as shown: by plan de classement, searched.
    pub(crate) rows: Vec<usize>,
    /// The fiches to review, and why.
    pub(crate) review: Vec<docs::ReviewRow>,
    pub(crate) query_input: input::Input,
    pub(crate) query: crate::search::Query,
    pub(crate) searching: bool,
}

impl Default for DocsState {
    fn default() -> DocsState {
        DocsState {
            mode: DocsMode::List,
            rows: Vec::new(),
            review: Vec::new(),
            query_input: input::Input::new("", false, 200),
            query: crate::search::Query::default(),
            searching: false,
        }
    }
}

impl App {
    pub(in crate::app) fn docs_action(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::Plan {
            self.docs.mode = if self.docs.mode == DocsMode::Plan {
                DocsMode::List
            } else {
                DocsMode::Plan
            };
            self.cursors[2] = Cursor::default();
            return Vec::new();
        }
        if self.docs.mode == DocsMode::Plan {
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
                let meta = RecordMeta::new(Id(0), Timestamp(self.now_ms));
                if let Some(f) = kinds::blank::<Fiche>(meta, self.today) {
                    self.open_form(&Fiche { classement, ..f }.into_any(), true);
                }
            }
            Action::Edit => {
                if let Some(i) = selected {
                    let record = self.data.fiches[i].clone().into_any();
                    self.open_form(&record, false);
                }
            }
            Action::Delete => {
                if let Some(i) = selected {
                    self.ask_delete_record(RecordKind::Fiche, self.data.fiches[i].meta.id);
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
                self.docs.mode = match self.docs.mode {
                    DocsMode::AReviser => DocsMode::List,
                    _ => DocsMode::AReviser,
                };
                self.cursors[2] = Cursor::default();
            }
            Action::Search => {
                self.docs.mode = DocsMode::List;
                self.docs.searching = true;
            }
            Action::ClearFilter => {
                self.docs.mode = DocsMode::List;
                self.docs.query_input.set("");
                self.docs.query = crate::search::Query::default();
                self.refresh_docs_rows();
                self.cursors[2] = Cursor::default();
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    pub(in crate::app) fn merge_folder(
        &mut self,
        files: crate::export::markdown::FolderFiles,
    ) -> Vec<Effect> {
        let report = docs::merge_folder(
            &self.data,
            files,
            &self.config,
            &self.i18n,
            Timestamp(self.now_ms),
            &mut self.ids,
        );
        let mut summary = docs::import_summary(&self.i18n, &report);
        // The first conflict and the first unreadable file are named (the CLI lists all).
        if let Some(title) = report.conflicts.first() {
            summary.push(' ');
            summary.push_str(&self.i18n.t_args(
                "docs-conflict",
                &[crate::i18n::arg("title", title.to_string())],
            ));
        }
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

    pub(in crate::app) fn plan_action(&mut self, action: Action) -> Vec<Effect> {
        let node = self.selected_node().cloned();
        match (action, node) {
            (Action::New, parent) => {
                let form = docs::node_form(None, parent.map(|p| p.id.as_str().into()), "");
                self.modals.push(Modal::Form(Box::new(form)));
            }
            (Action::Edit, Some(n)) => {
                let label =
                    crate::domain::plan_label_unnumbered(n.label(self.config.lang)).to_string();
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
                self.docs.mode = DocsMode::List;
                self.cursors[2] = Cursor::default();
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    /// Saves a change to a plan node (one change record per node, updated in place).
    pub(in crate::app) fn save_node(
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
                    .map(|c| {
                        Text::from(crate::domain::plan_label_unnumbered(
                            c.label(self.config.lang),
                        ))
                    })
                    .unwrap_or_default(),
                supprime: false,
            },
        };
        if let Some(label) = label {
            // Numbers follow the tree: one typed with the name is not kept.
            record.libelle = crate::domain::plan_label_unnumbered(&label).into();
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
        // The selection follows the section created, renamed or moved to its new place.
        let entries = &self.config.vocab.plan_classement.entries;
        if !remove
            && self.docs.mode == DocsMode::Plan
            && let Some(row) = entries.iter().position(|e| e.id == code)
        {
            let (len, height) = (entries.len(), self.list_height());
            self.cursors[Tab::Documentation.index()].select(row, len, height);
            self.detail_scroll = 0;
        }
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

    pub(in crate::app) fn history_action(&mut self, action: Action) -> Vec<Effect> {
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

    /// The Documentation tab's footer hints.
    pub(in crate::app) fn documentation_hints(&self) -> &'static [Action] {
        match self.docs.mode {
            DocsMode::Plan => &[
                Action::New,
                Action::Edit,
                Action::Move,
                Action::Delete,
                Action::Plan,
                Action::Help,
                Action::Quit,
            ],
            DocsMode::List | DocsMode::AReviser => &[
                Action::New,
                Action::Edit,
                Action::Timeline,
                Action::Search,
                Action::Todo,
                Action::Plan,
                Action::Help,
                Action::Quit,
            ],
        }
    }

    /// The revisions modal's hints.
    pub(in crate::app) fn history_hints(&self) -> &'static [Action] {
        &[Action::Select, Action::Restore, Action::Down, Action::Close]
    }
}

impl App {
    /// The fiches shown: in plan order, narrowed by the search over titles, bodies and sources.
    pub(in crate::app) fn refresh_docs_rows(&mut self) {
        self.docs.rows = if self.docs.query.is_empty() {
            self.views.fiches.clone()
        } else {
            crate::search::run(
                &self.docs.query,
                &self.views.fiche_haystacks,
                &self.views.fiches,
            )
        };
    }

    /// Puts the selection on a record just saved where the current screen lists it: a
    /// fiche in the Documentation list, an analyse among the analyses, a record of the
    /// Réseau tab's views in its view. Elsewhere the selection stays.
    pub(in crate::app) fn select_listed(&mut self, kind: RecordKind, id: Id) {
        let position = |list: &[usize], found: Option<usize>| {
            found.and_then(|index| list.iter().position(|&i| i == index))
        };
        let index = self.data.index_of(kind, id);
        let (tab, row, len) = match (self.tab, kind) {
            (Tab::Documentation, RecordKind::Fiche) if self.docs.mode == DocsMode::List => {
                if position(&self.docs.rows, index).is_none() {
                    // Out of the current search: show every fiche rather than hide it.
                    self.docs.query_input.set("");
                    self.docs.query = crate::search::Query::default();
                    self.refresh_docs_rows();
                }
                (
                    Tab::Documentation,
                    position(&self.docs.rows, index),
                    self.docs.rows.len(),
                )
            }
            (Tab::Competences, RecordKind::Analyse) if self.comp.view == CompView::Analyses => (
                Tab::Competences,
                position(&self.views.analyses, index),
                self.views.analyses.len(),
            ),
            (Tab::Reseau, kind) if self.reseau.mode == ReseauMode::Records(kind) => {
                let list = self.views.records(kind);
                (Tab::Reseau, position(list, index), list.len())
            }
            _ => return,
        };
        if let Some(row) = row {
            let height = self.list_height();
            self.cursors[tab.index()].select(row, len, height);
            self.detail_scroll = 0;
        }
    }

    /// The fiche under the cursor in the Documentation tab.
    pub fn selected_fiche(&self) -> Option<usize> {
        let selected = self.cursors[Tab::Documentation.index()].selected;
        match self.docs.mode {
            DocsMode::List => self.docs.rows.get(selected).copied(),
            DocsMode::AReviser => self.docs.review.get(selected).map(|r| r.fiche),
            DocsMode::Plan => None,
        }
    }

    /// The plan node under the cursor in the plan view.
    pub fn selected_node(&self) -> Option<&VocabEntry> {
        if self.docs.mode != DocsMode::Plan {
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
}
