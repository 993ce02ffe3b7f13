//! The Réseau tab: the directory, « à relancer », the record views of the listed kinds and
//! the overview; its state, its keys and the hints its footer shows.

use crate::app::*;

/// The delays « plus tard » offers, in days.
const PUT_OFF_DAYS: [i64; 4] = [3, 7, 14, 30];

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

/// What the Réseau tab shows and remembers.
#[derive(Debug, Clone)]
pub struct ReseauState {
    pub(crate) mode: ReseauMode,
    /// « À relancer », most urgent first.
    pub(crate) relance: Vec<network::RelanceRow>,
    /// The annuaire as shown: structures by name, filtered and searched.
    pub(crate) rows: Vec<usize>,
    pub(crate) filter: network::Filter,
    pub(crate) query_input: input::Input,
    pub(crate) query: crate::search::Query,
    pub(crate) searching: bool,
}

impl Default for ReseauState {
    fn default() -> ReseauState {
        ReseauState {
            mode: ReseauMode::List,
            relance: Vec::new(),
            rows: Vec::new(),
            filter: network::Filter::default(),
            query_input: input::Input::new("", false, 200),
            query: crate::search::Query::default(),
            searching: false,
        }
    }
}

impl App {
    pub(in crate::app) fn reseau_action(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::View {
            let names: Vec<&str> = ReseauMode::all().iter().map(|m| m.name()).collect();
            let current = self.reseau.mode.name();
            self.open_view_picker("picker-views", &names, current, picker::Purpose::ReseauView);
            return Vec::new();
        }
        if matches!(self.reseau.mode, ReseauMode::Records(_)) {
            return self.record_view_action(action);
        }
        let selected = self.selected_structure();
        match action {
            Action::Search => {
                self.reseau.mode = ReseauMode::List;
                self.reseau.searching = true;
            }
            Action::Filter => {
                self.reseau.mode = ReseauMode::List;
                let form = network::filter_form(&self.reseau.filter);
                self.modals.push(Modal::Form(Box::new(form)));
            }
            Action::ClearFilter
                if self.reseau.mode == ReseauMode::List && self.reseau_is_filtered() =>
            {
                self.reseau.filter = network::Filter::default();
                self.reseau.query_input.set("");
                self.reseau.query = crate::search::Query::default();
                self.refresh_reseau_rows();
                self.cursors[1] = Cursor::default();
            }
            Action::New => {
                let meta = RecordMeta::new(Id(0), Timestamp(self.now_ms));
                if let Some(blank) = kinds::blank::<Structure>(meta, self.today) {
                    self.open_form(&blank.into_any(), true);
                }
            }
            Action::Edit => {
                let contact_row = match (
                    self.reseau.mode,
                    self.reseau.relance.get(self.cursors[1].selected),
                ) {
                    (ReseauMode::Relancer, Some(row)) => match row.subject {
                        network::Subject::Contact(i) => Some(i),
                        network::Subject::Structure(_) => None,
                    },
                    _ => None,
                };
                if let Some(c) = contact_row.and_then(|i| self.data.get_at(RecordKind::Contact, i))
                {
                    self.open_form(&c, false);
                } else if let Some(i) = selected {
                    let record = self.data.structures[i].clone().into_any();
                    self.open_form(&record, false);
                }
            }
            Action::Delete => {
                if let Some(i) = selected {
                    self.ask_delete_structure(self.data.structures[i].meta.id);
                }
            }
            Action::NewContact => {
                let meta = RecordMeta::new(Id(0), Timestamp(self.now_ms));
                if let Some(i) = selected
                    && let Some(mut contact) = kinds::blank::<Contact>(meta, self.today)
                {
                    contact.structure = self.data.structures[i].meta.id;
                    self.open_form(&contact.into_any(), true);
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
                    let form =
                        kinds::structure::service_form(&self.data.structures[i], None, &self.ctx());
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
                let met = structures.first().map(|l| l.nom.to_string());
                let meta = RecordMeta::new(Id(0), Timestamp(self.now_ms));
                if let Some(r) = kinds::blank::<Rencontre>(meta, self.today) {
                    self.open_form(&Rencontre { structures, ..r }.into_any(), true);
                }
                // Said on opening: the structure field is further down the form.
                if let Some(name) = met {
                    self.set_status(
                        self.i18n
                            .t_args("status-rencontre-with", &[crate::i18n::arg("name", name)]),
                        false,
                    );
                }
            }
            Action::Todo => {
                self.reseau.mode = match self.reseau.mode {
                    ReseauMode::Relancer => ReseauMode::List,
                    _ => ReseauMode::Relancer,
                };
                self.cursors[1] = Cursor::default();
            }
            Action::Later if self.reseau.mode == ReseauMode::Relancer => self.ask_put_off(),
            Action::ClearFilter if self.reseau.mode == ReseauMode::Relancer => {
                self.reseau.mode = ReseauMode::List;
                self.cursors[1] = Cursor::default();
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    /// n, e, d in the rencontres, veille, signalements and notes views.
    /// Keys of the Réseau tab's record views (rencontres and the listed kinds).
    pub(in crate::app) fn record_view_action(&mut self, action: Action) -> Vec<Effect> {
        let meta = RecordMeta::new(Id(0), Timestamp(self.now_ms));
        let form = match (action, self.reseau.mode, self.selected_record()) {
            // From the rencontres view, a rencontre starts with no structure: the one under
            // the cursor there is a rencontre, not a partner met.
            (Action::NewRencontre, ReseauMode::Records(RecordKind::Rencontre), _) => {
                kinds::new_form(RecordKind::Rencontre, meta, self.today, &self.ctx())
            }
            // A séance from the projet under the cursor, or (from the séances) for the latest
            // projet begun.
            (Action::NewSeance, ReseauMode::Records(RecordKind::Projet), selected) => {
                let projet = selected
                    .and_then(|(_, i)| self.data.projets.get(i))
                    .map(|p| p.meta.id);
                self.seance_form(projet, meta)
            }
            (Action::New, ReseauMode::Records(RecordKind::Seance), _) => {
                let projet = self.latest_projet();
                self.seance_form(projet, meta)
            }
            (Action::Export, ReseauMode::Records(RecordKind::Projet), Some((_, i))) => {
                self.open_projet_export(i);
                return Vec::new();
            }
            (Action::New, ReseauMode::Records(kind), _) => {
                kinds::new_form(kind, meta, self.today, &self.ctx())
            }
            (Action::Edit, _, Some((kind, i))) => self
                .data
                .get_at(kind, i)
                .and_then(|r| kinds::form(&r, false, &self.ctx())),
            (Action::Delete, _, Some((kind, i))) => {
                if let Some(r) = self.data.get_at(kind, i) {
                    self.ask_delete_record(kind, r.id());
                }
                return Vec::new();
            }
            (Action::Todo, _, _) => {
                self.reseau.mode = ReseauMode::Relancer;
                self.cursors[1] = Cursor::default();
                return Vec::new();
            }
            (Action::ClearFilter, _, _) => {
                self.reseau.mode = ReseauMode::List;
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

    /// A new séance of `projet`; without a projet, a status says to choose or create one.
    fn seance_form(&mut self, projet: Option<Id>, meta: RecordMeta) -> Option<Form> {
        let Some(projet) = projet else {
            self.set_status(self.t("status-seance-needs-projet"), false);
            return None;
        };
        let mut seance = kinds::blank::<Seance>(meta, self.today)?;
        seance.projet = projet;
        kinds::form(&seance.into_any(), true, &self.ctx())
    }

    /// `X` on a projet: where to write its fiche, once nothing in it seems to identify
    /// anyone (the Dossier's gate; the status names the first passage).
    fn open_projet_export(&mut self, i: usize) {
        let Some(p) = self.data.projets.get(i) else {
            return;
        };
        let warnings = crate::app::dossier::projet_warnings(&self.data, &self.config, p);
        if let Some(first) = warnings.first() {
            let text = self.i18n.t_args(
                "status-projet-gate",
                &[
                    arg("count", warnings.len()),
                    arg("field", self.field_label(first.field)),
                    arg("matched", crate::domain::text::one_line(&first.matched)),
                ],
            );
            self.set_status(text, true);
            return;
        }
        let slug = match crate::domain::text::slug(&p.titre, 40) {
            s if s.is_empty() => "projet".to_string(),
            s => s,
        };
        let id = p.meta.id;
        self.modals.push(Modal::Form(Box::new(Form::new(
            form::Purpose::ExportProjet(id),
            "form-export-projet",
            vec![form::Field::text("fichier_projet", &format!("~/fiche-{slug}.docx")).required()],
        ))));
    }

    pub(in crate::app) fn export_projet(&mut self, mut form: Box<Form>, id: Id) -> Vec<Effect> {
        use crate::export::dossier::Format;
        let path = typed_path(
            &form
                .value("fichier_projet")
                .map_or(String::new(), |v| v.text().to_string()),
        );
        let Some(format) = Format::of_path(&path) else {
            let message = if path.as_os_str().is_empty() {
                "err-required"
            } else {
                "err-dp-extension"
            };
            form.set_error("fichier_projet", message);
            self.modals.push(Modal::Form(form));
            return Vec::new();
        };
        let Some(p) = self.data.find::<Projet>(id) else {
            return Vec::new();
        };
        let fiches = crate::export::projet::Fiches {
            data: &self.data,
            config: &self.config,
            i18n: &self.i18n,
            today: self.today,
        };
        let bytes = fiches.render(&[p], format, self.now);
        self.write_export(path, bytes)
    }

    /// The projet most recently begun that is not over, else the most recent one.
    fn latest_projet(&self) -> Option<Id> {
        let recent = |p: &&Projet| p.debut;
        self.data
            .projets
            .iter()
            .filter(|p| p.etat(self.today) != "termine")
            .max_by_key(recent)
            .or_else(|| self.data.projets.iter().max_by_key(recent))
            .map(|p| p.meta.id)
    }

    pub(in crate::app) fn select_structure(&mut self, id: Id) {
        self.tab = Tab::Reseau;
        self.reseau.mode = ReseauMode::List;
        let Ok(index) = self
            .data
            .structures
            .binary_search_by_key(&id, |s| s.meta.id)
        else {
            return;
        };
        if !self.reseau.rows.contains(&index) {
            // Out of the current filter or search: show everything rather than hide it.
            self.reseau.filter = network::Filter::default();
            self.reseau.query_input.set("");
            self.reseau.query = crate::search::Query::default();
            self.refresh_reseau_rows();
        }
        if let Some(row) = self.reseau.rows.iter().position(|&i| i == index) {
            let len = self.reseau.rows.len();
            let height = self.list_height();
            self.cursors[1].select(row, len, height);
            self.detail_scroll = 0;
        }
    }

    /// How many records mention a structure (they keep its name when it is deleted).
    pub(in crate::app) fn mentions(&self, id: Id) -> (usize, usize) {
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

    pub(in crate::app) fn ask_delete_structure(&mut self, id: Id) {
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
    pub(in crate::app) fn delete_structure(&mut self, id: Id) -> Vec<Effect> {
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

    pub(in crate::app) fn unlink_rencontres(
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

    pub(in crate::app) fn delete_contact(&mut self, id: Id) -> Vec<Effect> {
        // The contact's form is under the question: close it too.
        if matches!(self.modals.last(), Some(Modal::Form(_))) {
            self.modals.pop();
        }
        let changed = self.unlink_rencontres(&[], &[id], Timestamp(self.now_ms));
        let effects = self.commit("undo-deleted", changed, vec![(RecordKind::Contact, id)]);
        self.set_status(self.t("status-contact-deleted"), false);
        effects
    }

    pub(in crate::app) fn mark_verified(&mut self) -> Vec<Effect> {
        let now = Timestamp(self.now_ms);
        let contact_row = match (
            self.reseau.mode,
            self.reseau.relance.get(self.cursors[1].selected),
        ) {
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

    /// The structure or contact of the selected « à relancer » row: its id and name.
    fn relance_subject(&self) -> Option<(Id, Text)> {
        let row = self.reseau.relance.get(self.cursors[1].selected)?;
        match row.subject {
            network::Subject::Structure(i) => {
                let s = self.data.structures.get(i)?;
                Some((s.meta.id, s.nom.clone()))
            }
            network::Subject::Contact(i) => {
                let c = self.data.contacts.get(i)?;
                Some((c.meta.id, c.nom.clone()))
            }
        }
    }

    /// « Plus tard »: how long to leave the selected item off the list.
    fn ask_put_off(&mut self) {
        let Some((_, name)) = self.relance_subject() else {
            return;
        };
        let items = PUT_OFF_DAYS
            .iter()
            .map(|&days| {
                let until = crate::domain::text::date(self.today + chrono::Duration::days(days));
                let label = self.i18n.t_args(
                    "put-off-choice",
                    &[
                        crate::i18n::arg("days", days),
                        crate::i18n::arg("date", until),
                    ],
                );
                picker::PickItem::plain(days.to_string(), label)
            })
            .collect();
        let title = self.i18n.t_args(
            "picker-put-off",
            &[crate::i18n::arg("name", name.to_string())],
        );
        let p = Picker::new(title, items, false, vec![], 0).for_purpose(picker::Purpose::PutOff);
        self.modals.push(Modal::Picker(Box::new(p)));
    }

    /// Leaves the selected item off « à relancer » for `days`: one put-off per structure or
    /// contact, moved when put off again.
    pub(in crate::app) fn put_off(&mut self, days: i64) -> Vec<Effect> {
        let Some((sujet, name)) = self.relance_subject() else {
            return Vec::new();
        };
        let jusqu_au = self.today + chrono::Duration::days(days);
        let existing = self
            .data
            .relances_reportees
            .iter()
            .find(|r| r.sujet == sujet)
            .cloned();
        let record = match existing {
            Some(mut r) => {
                r.jusqu_au = jusqu_au;
                r.meta.updated_at = Timestamp(self.now_ms);
                r
            }
            None => RelanceReportee {
                meta: RecordMeta::new(self.ids.next(self.now_ms), Timestamp(self.now_ms)),
                sujet,
                jusqu_au,
            },
        };
        let effects = self.commit("undo-put-off", vec![record.into_any()], Vec::new());
        self.set_status(
            self.i18n.t_args(
                "status-put-off",
                &[
                    crate::i18n::arg("name", name.to_string()),
                    crate::i18n::arg("date", crate::domain::text::date(jusqu_au)),
                ],
            ),
            false,
        );
        effects
    }

    /// The Réseau tab's footer hints for the view shown.
    pub(in crate::app) fn reseau_hints(&self) -> &'static [Action] {
        match self.reseau.mode {
            ReseauMode::Relancer => &[
                Action::Edit,
                Action::Verified,
                Action::Later,
                Action::Todo,
                Action::Help,
                Action::Quit,
            ],
            ReseauMode::List => &[
                Action::New,
                Action::Edit,
                Action::NewContact,
                Action::Todo,
                Action::View,
                Action::Help,
                Action::Quit,
            ],
            ReseauMode::Overview => &[Action::View, Action::Help, Action::Quit],
            ReseauMode::Records(RecordKind::Projet) => &[
                Action::New,
                Action::Edit,
                Action::NewSeance,
                Action::Export,
                Action::View,
                Action::Help,
                Action::Quit,
            ],
            ReseauMode::Records(_) => &[
                Action::New,
                Action::Edit,
                Action::Delete,
                Action::View,
                Action::Help,
                Action::Quit,
            ],
        }
    }
}

impl App {
    /// The annuaire's rows: every structure by name, narrowed by the filter and the search.
    pub(in crate::app) fn refresh_reseau_rows(&mut self) {
        let filtered: Vec<usize> = self
            .views
            .structures
            .iter()
            .copied()
            .filter(|&i| self.reseau.filter.matches(&self.data.structures[i]))
            .collect();
        self.reseau.rows = if self.reseau.query.is_empty() {
            filtered
        } else {
            crate::search::run(
                &self.reseau.query,
                &self.views.structure_haystacks,
                &filtered,
            )
        };
    }

    pub fn reseau_is_filtered(&self) -> bool {
        !self.reseau.query.is_empty() || !self.reseau.filter.is_empty()
    }

    /// The structure under the cursor in the Réseau tab (for a contact row: its structure).
    pub fn selected_structure(&self) -> Option<usize> {
        let selected = self.cursors[Tab::Reseau.index()].selected;
        match self.reseau.mode {
            ReseauMode::List => self.reseau.rows.get(selected).copied(),
            ReseauMode::Relancer => match self.reseau.relance.get(selected)?.subject {
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
        let (kind, order) = match self.reseau.mode {
            ReseauMode::Records(kind) => (kind, self.views.records(kind)),
            _ => return None,
        };
        order.get(selected).map(|&i| (kind, i))
    }
}
