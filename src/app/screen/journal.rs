//! The Journal tab: its keys (search, filters, the follow-ups due, new, edit, delete,
//! duplicate) and the hints its footer shows.

use crate::app::*;

impl App {
    /// The search being typed in the current tab.
    pub(in crate::app) fn search_input(&mut self) -> &mut input::Input {
        match self.tab {
            Tab::Reseau => &mut self.reseau.query_input,
            Tab::Documentation => &mut self.docs.query_input,
            _ => &mut self.journal.query_input,
        }
    }

    /// The query typed changed: the rows follow, at once for the network and the
    /// documentation (a few thousand records), beside the loop for the journal's search.
    pub(in crate::app) fn search_changed(&mut self) -> Vec<Effect> {
        if self.tab == Tab::Documentation {
            self.docs.query = crate::search::Query::parse(self.docs.query_input.text());
            self.refresh_docs_rows();
            self.cursors[2] = Cursor::default();
            return Vec::new();
        }
        if self.tab == Tab::Reseau {
            self.reseau.query = crate::search::Query::parse(self.reseau.query_input.text());
            self.refresh_reseau_rows();
            self.cursors[1] = Cursor::default();
            return Vec::new();
        }
        self.journal.query = crate::search::Query::parse(self.journal.query_input.text());
        let job = self
            .journal
            .refresh(&self.data, &self.views.journal, self.today, true);
        if job.is_none() {
            self.cursors[0] = Cursor::default();
        }
        job.map(Effect::Search).into_iter().collect()
    }

    pub(in crate::app) fn search_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Select => {
                self.journal.searching = false;
                self.reseau.searching = false;
                self.docs.searching = false;
            }
            Action::Cancel => {
                self.journal.searching = false;
                self.reseau.searching = false;
                self.docs.searching = false;
                self.search_input().set("");
                return self.search_changed();
            }
            Action::Down => self.move_selection(1),
            Action::Up => self.move_selection(-1),
            _ => self.dirty = false,
        }
        Vec::new()
    }

    pub(in crate::app) fn clear_filters(&mut self) {
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

    pub(in crate::app) fn timeline(&mut self) {
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

    pub(in crate::app) fn open_filter_form(&mut self) {
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

    pub(in crate::app) fn apply_filter_form(&mut self, form: &mut Form) -> bool {
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

    pub(in crate::app) fn open_new_interaction(&mut self) {
        let base = Interaction::blank(
            RecordMeta::new(Id(0), Timestamp(self.now_ms)),
            self.today,
            self.now.time(),
            self.data.interactions.last(),
        );
        self.open_form(&base.into_any(), true);
    }

    /// Edits the interaction under the cursor, or the projet or case of an « À faire » row.
    pub(in crate::app) fn open_edit_interaction(&mut self) {
        if let Some(i) = self.selected_interaction() {
            let record = self.data.interactions[i].clone().into_any();
            self.open_form(&record, false);
        } else if let Some(record) = self.selected_todo_record() {
            self.open_form(&record, false);
        }
    }

    /// A new modèle taking what the selected interaction shares with its kind (types,
    /// thématiques, canal, lieu, durée, réponses); its name is typed in the form.
    pub(in crate::app) fn open_modele_from_selected(&mut self) {
        let Some(i) = self.selected_interaction() else {
            return;
        };
        let modele = Modele::from_interaction(
            RecordMeta::new(Id(0), Timestamp(self.now_ms)),
            Text::default(),
            &self.data.interactions[i],
        );
        self.open_form(&modele.into_any(), true);
    }

    pub(in crate::app) fn ask_delete(&mut self) {
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

    pub(in crate::app) fn duplicate(&mut self) -> Vec<Effect> {
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
        for s in copy.suites.present_mut().into_iter().flatten() {
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

    /// Marks the suite or tâche under the cursor done; a case is moved on in its form.
    pub(in crate::app) fn mark_done(&mut self) -> Vec<Effect> {
        let selected = self.cursors[0].selected;
        let Some(row) = self.journal.todo.get(selected).copied() else {
            return Vec::new();
        };
        let now = Timestamp(self.now_ms);
        let record = match row.subject {
            journal::Todo::Suite { interaction, suite } => {
                let mut it = self.data.interactions[interaction].clone();
                if let Some(s) = it.suites.present_mut().and_then(|s| s.get_mut(suite)) {
                    s.faite = true;
                }
                it.meta.updated_at = now;
                it.into_any()
            }
            journal::Todo::Tache { projet, tache } => {
                let mut p = self.data.projets[projet].clone();
                if let Some(t) = p.taches.get_mut(tache) {
                    t.faite = true;
                }
                p.meta.updated_at = now;
                p.into_any()
            }
            journal::Todo::Cas { .. } => {
                self.set_status(self.t("status-cas-next-step"), false);
                return Vec::new();
            }
        };
        let effects = self.commit("undo-marked-done", vec![record], Vec::new());
        self.set_status(self.t("status-marked-done"), false);
        effects
    }

    /// The projet or case of the « À faire » row under the cursor (a suite's interaction
    /// is `selected_interaction`).
    pub(in crate::app) fn selected_todo_record(&self) -> Option<AnyRecord> {
        let row = self.journal.todo.get(self.cursors[0].selected)?;
        match (self.journal.mode, row.subject) {
            (Mode::Todo, journal::Todo::Tache { projet, .. }) => {
                self.data.get_at(RecordKind::Projet, projet)
            }
            (Mode::Todo, journal::Todo::Cas { cas }) => {
                self.data.get_at(RecordKind::CasMediation, cas)
            }
            _ => None,
        }
    }

    /// The journal's footer hints, in the order shown.
    pub(in crate::app) fn journal_hints(&self) -> &'static [Action] {
        match self.journal.mode {
            Mode::Todo => &[
                Action::MarkDone,
                Action::Edit,
                Action::Todo,
                Action::Undo,
                Action::Help,
                Action::Quit,
            ],
            // A suivi's timeline: what the carnet holds about it can be given or erased.
            Mode::List if self.timeline_suivi().is_some() => &[
                Action::Edit,
                Action::Export,
                Action::Erase,
                Action::ClearFilter,
                Action::Help,
                Action::Quit,
            ],
            Mode::List => &[
                Action::New,
                Action::Edit,
                Action::Search,
                Action::Filter,
                Action::Todo,
                Action::Help,
                Action::Quit,
            ],
        }
    }
}

impl App {
    /// The interaction under the cursor in the Journal tab (list or "À faire").
    pub fn selected_interaction(&self) -> Option<usize> {
        let selected = self.cursors[Tab::Journal.index()].selected;
        match self.journal.mode {
            Mode::List => self.journal.rows.get(selected).copied(),
            Mode::Todo => match self.journal.todo.get(selected)?.subject {
                journal::Todo::Suite { interaction, .. } => Some(interaction),
                _ => None,
            },
        }
    }

    /// Puts the journal cursor on an interaction, if it is shown.
    pub(in crate::app) fn select_interaction(&mut self, id: Id) {
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
}
