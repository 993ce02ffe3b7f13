//! The modals that write: forms (the one save path), pickers, confirmations and the
//! free-text guard; their keys and the hints they show.

use crate::app::*;

impl App {
    pub(in crate::app) fn confirm_action(&mut self, action: Action) -> Vec<Effect> {
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
                ConfirmAction::EraseSuivi(id) => self.erase_suivi(id),
                ConfirmAction::ApplyRetention => self.apply_retention(),
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
                    let mut deleted = vec![(kind, id)];
                    deleted.extend(self.deleted_with(kind, id));
                    let effects = self.commit("undo-deleted", Vec::new(), deleted);
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
                    if let Some(form) = draft.into_form(&self.ctx()) {
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
                    form.focus_on(i);
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    pub(in crate::app) fn form_key(&mut self, key: Key) -> Option<Vec<Effect>> {
        let Some(Modal::Form(form)) = self.modals.last_mut() else {
            return None;
        };
        let kind = form.focused().kind;
        let printable = matches!(key.code, KeyCode::Char(_)) && !key.mods.ctrl && !key.mods.alt;
        if kind.is_typed() {
            let width = crate::app::layout::form_text_width(self.size.0);
            if let Value::Text(input) = &mut form.focused_mut().value {
                match input.key_wrapped(key, width) {
                    Edit::Changed => {
                        form.focused_mut().error = None;
                        form.guard_accepted = false;
                        return Some(Vec::new());
                    }
                    // A key that moved the cursor is spent: Down inside a text is not
                    // also the next field.
                    Edit::Moved => return Some(Vec::new()),
                    Edit::Ignored => {}
                }
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

    pub(in crate::app) fn form_action(&mut self, action: Action) -> Vec<Effect> {
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
            Action::Help => self.modals.push(Modal::Help { scroll: 0 }),
            Action::GoToField => {
                // A few letters of a label take the focus there: no walking through fields.
                let ids: Vec<&'static str> = form.fields.iter().map(|f| f.id).collect();
                let focus = form.focus;
                let items = ids
                    .iter()
                    .enumerate()
                    .map(|(i, id)| picker::PickItem::plain(i.to_string(), self.field_label(id)))
                    .collect();
                let p = Picker::new(self.t("picker-go-to-field"), items, false, vec![], focus)
                    .for_purpose(picker::Purpose::GoToField);
                self.modals.push(Modal::Picker(Box::new(p)));
            }
            Action::SameAsLast => return self.same_as_last(),
            Action::Modele => self.open_modele_picker(),
            Action::CadreLegal => self.modals.push(Modal::CadreLegal { scroll: 0 }),
            Action::DeleteRecord => {
                let question = match &form.purpose {
                    Purpose::Record {
                        base,
                        is_new: false,
                    } if base.kind() == RecordKind::Contact => {
                        Some(ConfirmAction::DeleteContact(base.id()))
                    }
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
                    return vec![Effect::EditExternally(
                        input.text().to_string(),
                        self.i18n.lang(),
                    )];
                }
                self.set_status(self.t("status-editor-text-only"), false);
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    /// Keeps dependent fields in step: the competences follow the types until the user
    /// chooses them.
    pub(in crate::app) fn after_field_change(&mut self) {
        let Some(Modal::Form(form)) = self.modals.last_mut() else {
            return;
        };
        if !form.competences_touched
            && let Some(suggested) = kinds::following(form, &self.config)
            && let Some(f) = form.field_mut("competences")
        {
            f.value = Value::Multi(suggested);
        }
        form.guard_accepted = false;
    }

    pub(in crate::app) fn save_form(&mut self) -> Vec<Effect> {
        let Some(Modal::Form(mut form)) = self.modals.pop() else {
            return Vec::new();
        };
        match form.purpose.clone() {
            Purpose::Service { structure, .. } => {
                let mut reading = self.reading(false);
                let updated = kinds::structure::read_service(&mut form, &mut reading);
                let saved = Saved {
                    record: updated.map(Record::into_any),
                    created: Vec::new(),
                    status: "status-structure-saved",
                };
                let (id, effects) = self.save(form, saved, false);
                if id.is_some() {
                    self.select_structure(structure);
                }
                effects
            }
            Purpose::PlanNode { code, parent } => {
                // Numbers follow the tree: one typed with the name is dropped.
                let label = form
                    .value("libelle")
                    .map(|v| text::one_line(v.text()))
                    .unwrap_or_default();
                let label = crate::domain::plan_label_unnumbered(&label).to_string();
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
            Purpose::ExportBilan => self.export_bilan(form),
            Purpose::ExportProjet(id) => self.export_projet(form, id),
            Purpose::BilanRange => {
                if !self.apply_bilan_range(&mut form) {
                    self.modals.push(Modal::Form(form));
                }
                Vec::new()
            }
            Purpose::SuiviExport(id) => self.export_suivi(form, id),
            Purpose::Record { is_new, .. } => {
                let mut reading = self.reading(is_new);
                let record = kinds::read(&mut form, &mut reading);
                let created = reading.created;
                if is_new
                    && !form.guard_accepted
                    && let Some(AnyRecord::Structure(s)) = &record
                    && let Some(existing) = network::similar_structure(&self.data, &s.nom, None)
                {
                    return self.ask_similar_structure(form, existing);
                }
                let contact_of = match &record {
                    Some(AnyRecord::Contact(c)) => Some(c.structure),
                    _ => None,
                };
                let kind = record.as_ref().map(AnyRecord::kind);
                let saved = Saved {
                    record,
                    created,
                    status: kinds::saved_message(&form),
                };
                let (id, effects) = self.save(form, saved, is_new);
                // The record saved is shown where it is listed: an interaction in the
                // journal, a structure in the directory, a contact under its structure.
                match (id, kind, contact_of) {
                    (Some(id), Some(RecordKind::Interaction), _) => {
                        self.journal.mode = Mode::List;
                        self.select_interaction(id);
                    }
                    (Some(id), Some(RecordKind::Structure), _) => self.select_structure(id),
                    (Some(_), _, Some(structure)) => self.select_structure(structure),
                    (Some(id), Some(kind), None) => self.select_listed(kind, id),
                    _ => {}
                }
                effects
            }
            Purpose::ReseauFilter => {
                self.reseau.filter = network::read_filter(&form);
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
                        // The structure field the picker was opened from.
                        if let Some(Modal::Form(parent)) = self.modals.last_mut()
                            && let f = parent.focused_mut()
                            && f.kind == FieldKind::Structure
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
        }
    }

    /// What reading a form may use, over the app's records, config and clock.
    fn reading(&mut self, is_new: bool) -> kinds::Reading<'_> {
        kinds::Reading {
            data: &self.data,
            config: &self.config,
            today: self.today,
            now: Timestamp(self.now_ms),
            is_new,
            ids: &mut self.ids,
            created: Vec::new(),
        }
    }

    /// A new structure named like `existing`: asks whether to open that one instead, the
    /// form kept behind the question.
    fn ask_similar_structure(&mut self, form: Box<Form>, existing: Id) -> Vec<Effect> {
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
        Vec::new()
    }

    /// The one save path of the forms that write records: back to the form on errors
    /// (`record` None) or guard warnings; a new id for a new record; the record and the
    /// records created beside it (a structure, a suivi) in one commit with undo; a status.
    /// The id saved comes back with the effects.
    pub(in crate::app) fn save(
        &mut self,
        form: Box<Form>,
        saved: Saved,
        is_new: bool,
    ) -> (Option<Id>, Vec<Effect>) {
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
            // Reading may have given it its id already, for a record created beside it
            // to name it (the case a new interaction joins).
            if meta.id == Id(0) {
                meta.id = self.ids.next(self.now_ms);
            }
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
    pub(in crate::app) fn guard(&self) -> Guard<'_> {
        dossier::guard(&self.data, &self.config)
    }

    pub fn sharing_warnings(&self, x: &Exemple) -> Vec<(GuardWarning, bool)> {
        dossier::sharing_warnings(&self.data, &self.config, x)
    }

    /// The writing view beside an example's form: its text as typed so far, measured.
    /// `None` for any other form.
    pub fn writing_aid(&self, form: &Form) -> Option<dossier::WritingAid> {
        let Purpose::Record { base, .. } = &form.purpose else {
            return None;
        };
        let AnyRecord::Exemple(base) = base.as_ref() else {
            return None;
        };
        let mut x = base.as_ref().clone();
        let text = |id: &str| form.value(id).map(|v| Text::from(v.text()));
        for (id, slot) in [
            ("titre_exemple", &mut x.titre),
            ("taches", &mut x.taches),
            ("moyens", &mut x.moyens),
            ("avec_qui", &mut x.avec_qui),
            ("entreprise", &mut x.entreprise),
            ("service_exemple", &mut x.service),
            ("infos", &mut x.infos),
        ] {
            if let Some(t) = text(id) {
                *slot = t;
            }
        }
        let focused = form.fields.get(form.focus).map_or("", |f| f.id);
        Some(dossier::writing_aid(&self.data, &self.config, &x, focused))
    }

    pub(in crate::app) fn guard_warnings(&self, form: &Form) -> Vec<GuardWarning> {
        let guard = self.guard();
        form.fields
            .iter()
            .filter(|f| f.guarded)
            .flat_map(|f| guard.check(f.id, f.value.text()))
            .collect()
    }

    pub(in crate::app) fn open_picker(&mut self, query: &str) {
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
                if field.creates {
                    p.with_create(Create::Structure)
                        .when_empty("picker-empty-structure-create")
                } else {
                    p.when_empty("picker-empty-structures")
                }
            }
            (FieldKind::Suivi, Value::Suivi(current)) => {
                let chosen = match current {
                    Some(SuiviRef::Existing(id, _)) => vec![id.to_string().into()],
                    _ => Vec::new(),
                };
                let p = Picker::new(title, picker::suivi_items(&self.data), false, chosen, index);
                if field.creates {
                    p.with_create(Create::Suivi(picker::next_suivi_code(
                        &self.data,
                        chrono::Datelike::year(&self.today),
                    )))
                } else {
                    p
                }
            }
            (FieldKind::Refs(list), Value::Multi(current)) => {
                let (items, multi, empty) = match list {
                    RefList::Structures => (
                        picker::structure_items(&self.data),
                        true,
                        "picker-empty-structures",
                    ),
                    RefList::Contacts => (
                        picker::contact_items(&self.data),
                        true,
                        "picker-empty-contacts",
                    ),
                    RefList::Interactions => (
                        picker::interaction_items(&self.data, &self.views.journal),
                        false,
                        "picker-empty-interactions",
                    ),
                    RefList::Records(kind) => (
                        picker::record_items(&self.ctx(), kind),
                        true,
                        "picker-empty-records",
                    ),
                    RefList::One(kind) => (
                        picker::record_items(&self.ctx(), kind),
                        false,
                        "picker-empty-records",
                    ),
                };
                Picker::new(title, items, multi, current.clone(), index).when_empty(empty)
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

    pub(in crate::app) fn picker_action(&mut self, action: Action) -> Vec<Effect> {
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

    pub(in crate::app) fn picker_select(&mut self) -> Vec<Effect> {
        let Some(Modal::Picker(mut p)) = self.modals.pop() else {
            return Vec::new();
        };
        let choice = p.current();
        if p.purpose == picker::Purpose::PutOff {
            if let Choice::Item(days) = choice
                && let Ok(days) = days.parse::<i64>()
            {
                return self.put_off(days);
            }
            return Vec::new();
        }
        if p.purpose == picker::Purpose::Modele {
            if let Choice::Item(id) = choice
                && let Ok(id) = id.parse::<u64>()
            {
                self.apply_modele(Id(id));
            }
            return Vec::new();
        }
        if p.purpose == picker::Purpose::GoToField {
            if let (Choice::Item(i), Some(Modal::Form(form))) = (choice, self.modals.last_mut())
                && let Ok(i) = i.parse::<usize>()
            {
                form.focus_on(i);
            }
            return Vec::new();
        }
        if p.purpose == picker::Purpose::MoveNode {
            if let (Choice::Item(parent), Some(node)) = (choice, self.selected_node().cloned()) {
                let parent = (!parent.is_empty()).then_some(parent);
                return self.save_node(&node.id, None, Some(parent), false);
            }
            return Vec::new();
        }
        if p.purpose == picker::Purpose::AcceptWarning {
            let (Choice::Item(item), Some(id)) = (choice, self.comp.draft_exemple) else {
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
            if let Choice::Item(item) = choice
                && let Some(x) = dossier::drafted(
                    &self.data,
                    &self.config,
                    &self.comp.draft_ccp,
                    &item,
                    Timestamp(self.now_ms),
                    self.today,
                )
            {
                self.open_form(&x.into_any(), true);
            }
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
                self.comp.view = *view;
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
                self.reseau.mode = mode;
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
                let form = kinds::structure::service_form(s, Some(k), &self.ctx());
                self.modals.push(Modal::Form(Box::new(form)));
            }
            return Vec::new();
        }
        if p.purpose == picker::Purpose::EditContact {
            if let Choice::Item(id) = choice
                && let Ok(id) = id.parse::<Id>()
                && let Some(c) = self.data.get(RecordKind::Contact, id)
            {
                self.open_form(&c, false);
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
        let mut offer_same_as_last = false;
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
                    // A known person: their last interaction is one key away.
                    offer_same_as_last =
                        matches!(&form.purpose, Purpose::Record { is_new: true, .. })
                            && self
                                .data
                                .interactions
                                .iter()
                                .any(|i| i.personnes == Personnes::Suivi(id));
                }
            }
            (FieldKind::Suivi, Choice::CreateSuivi(code)) => {
                field.value = Value::Suivi(Some(SuiviRef::New(code)))
            }
            (FieldKind::Structure, Choice::CreateStructure(nom)) => {
                let mut quick = kinds::interaction::quick_structure_form(&nom);
                quick.focus_on(1);
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
        if offer_same_as_last {
            let key = self
                .config
                .keymap
                .keys_for(crate::action::Context::Form, Action::SameAsLast)
                .first()
                .map(ToString::to_string)
                .unwrap_or_default();
            self.set_status(
                self.i18n
                    .t_args("status-same-as-last-offer", &[crate::i18n::arg("key", key)]),
                false,
            );
        }
        Vec::new()
    }

    /// A form's hints: what the focused field takes, and the cadre légal card where the
    /// form offers it (right after saving: it is what is needed in a hurry).
    pub(in crate::app) fn form_hints(&self) -> &'static [Action] {
        let Some(Modal::Form(form)) = self.modal_under_help() else {
            return &[Action::Save, Action::Cancel];
        };
        let kind = form.focused().kind;
        // On a new interaction's first field, the modèles are one key away.
        if form.focus == 0 && self.new_interaction_form() && !self.data.modeles.is_empty() {
            return &[
                Action::Save,
                Action::Modele,
                Action::NextField,
                Action::Open,
                Action::Cancel,
                Action::GoToField,
            ];
        }
        match (kinds::offers_cadre_legal(form), kind) {
            (true, k) if k.opens_picker() => &[
                Action::Save,
                Action::CadreLegal,
                Action::NextField,
                Action::Open,
                Action::Cancel,
            ],
            (true, _) => &[
                Action::Save,
                Action::CadreLegal,
                Action::NextField,
                Action::Cancel,
            ],
            (false, k) if k.opens_picker() => &[
                Action::Save,
                Action::NextField,
                Action::Open,
                Action::Cancel,
                Action::GoToField,
            ],
            (false, FieldKind::Text | FieldKind::Multiline) => &[
                Action::Save,
                Action::NextField,
                Action::ExternalEditor,
                Action::Cancel,
                Action::GoToField,
            ],
            (false, _) => &[
                Action::Save,
                Action::NextField,
                Action::PrevField,
                Action::Cancel,
                Action::GoToField,
            ],
        }
    }

    /// A picker's hints: Tab marks in a multiple choice.
    pub(in crate::app) fn picker_hints(&self) -> &'static [Action] {
        match self.modals.last() {
            Some(Modal::Picker(p)) if p.multi => &[Action::Select, Action::Mark, Action::Cancel],
            _ => &[Action::Select, Action::Cancel],
        }
    }

    /// The picker of a tab's views (labels `view-NAME`), on the current one.
    pub(in crate::app) fn open_view_picker(
        &mut self,
        title_id: &str,
        names: &[&'static str],
        current: &str,
        purpose: picker::Purpose,
    ) {
        let items = names
            .iter()
            .map(|&name| picker::PickItem::plain(name, self.t(&format!("view-{name}"))))
            .collect();
        let p = Picker::new(self.t(title_id), items, false, vec![current.into()], 0)
            .for_purpose(purpose);
        self.modals.push(Modal::Picker(Box::new(p)));
    }

    /// Opens the form that edits `record` (a new one when `is_new`).
    /// The modal on top, or the one the help was opened over.
    fn modal_under_help(&self) -> Option<&Modal> {
        self.modals
            .iter()
            .rev()
            .find(|m| !matches!(m, Modal::Help { .. }))
    }

    /// Whether the form on top creates an interaction.
    fn new_interaction_form(&self) -> bool {
        matches!(
            self.modal_under_help(),
            Some(Modal::Form(form)) if matches!(
                &form.purpose,
                Purpose::Record { base, is_new: true } if base.kind() == RecordKind::Interaction
            )
        )
    }

    /// Sets the interaction form's `fields` to what they would show for `from`, leaving the
    /// others as typed; the competences follow the types again.
    fn fill_interaction_form(&mut self, from: &Interaction, fields: &[&str]) {
        let Some(spec) = <Interaction as kinds::Kind>::form_spec() else {
            return;
        };
        let filled = kinds::fields_of(spec.fields, from, true, &self.ctx());
        if let Some(Modal::Form(form)) = self.modals.last_mut() {
            for field in filled.into_iter().filter(|f| fields.contains(&f.id)) {
                if let Some(own) = form.field_mut(field.id) {
                    own.value = field.value;
                    own.error = None;
                }
            }
        }
        self.after_field_change();
    }

    /// « Même chose que la dernière fois »: a new interaction for a known suivi takes what
    /// that person's last interaction said (types, thématiques, demande, duration, canal,
    /// place, need, answers); the date, time, notes and suites stay the form's own.
    fn same_as_last(&mut self) -> Vec<Effect> {
        const COPIED: [&str; 10] = [
            "types",
            "thematiques",
            "demande",
            "duree",
            "canal",
            "lieu",
            "quartier",
            "besoin",
            "reponses",
            "autonomie",
        ];
        let Some(Modal::Form(form)) = self.modals.last() else {
            return Vec::new();
        };
        let suivi = match form.value("suivi") {
            Some(Value::Suivi(Some(SuiviRef::Existing(id, _)))) if self.new_interaction_form() => {
                *id
            }
            _ => {
                self.set_status(self.t("status-same-as-last-needs-suivi"), false);
                return Vec::new();
            }
        };
        let last = self
            .data
            .interactions
            .iter()
            .filter(|i| i.personnes == Personnes::Suivi(suivi))
            .max_by_key(|i| (i.date, i.heure, i.meta.id))
            .cloned();
        let Some(last) = last else {
            self.set_status(self.t("status-same-as-last-none"), false);
            return Vec::new();
        };
        self.fill_interaction_form(&last, &COPIED);
        let date = crate::domain::text::date(last.date);
        self.set_status(
            self.i18n
                .t_args("status-same-as-last", &[crate::i18n::arg("date", date)]),
            false,
        );
        Vec::new()
    }

    /// The modèles, to fill an interaction's form from one (any interaction form: a new
    /// one, or one being corrected).
    fn open_modele_picker(&mut self) {
        let interaction_form = matches!(
            self.modals.last(),
            Some(Modal::Form(form)) if matches!(
                &form.purpose,
                Purpose::Record { base, .. } if base.kind() == RecordKind::Interaction
            )
        );
        if !interaction_form {
            self.set_status(self.t("status-modele-interaction-only"), false);
            return;
        }
        let ctx = self.ctx();
        let mut modeles: Vec<&Modele> = self.data.modeles.iter().collect();
        modeles.sort_by_cached_key(|m| crate::domain::text::fold(&m.nom));
        let items = modeles
            .into_iter()
            .map(|m| {
                // Short values first: the types' labels are long.
                let what = [
                    crate::domain::text::duration(m.duree_min),
                    m.canal
                        .as_ref()
                        .map(|c| ctx.label("canaux", c))
                        .unwrap_or_default(),
                    ctx.labels("types_interaction", &m.types),
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
                let label = format!("{} — {what}", m.nom);
                picker::PickItem::plain(m.meta.id.0.to_string(), label)
            })
            .collect();
        let p = Picker::new(self.t("picker-modele"), items, false, vec![], 0)
            .for_purpose(picker::Purpose::Modele)
            .when_empty("picker-modele-empty");
        self.modals.push(Modal::Picker(Box::new(p)));
    }

    /// Fills the interaction form from a modèle: only what the modèle sets.
    fn apply_modele(&mut self, id: Id) {
        let Some(modele) = self.data.modeles.iter().find(|m| m.meta.id == id).cloned() else {
            return;
        };
        let mut from = Interaction::blank(
            RecordMeta::new(Id(0), Timestamp(self.now_ms)),
            self.today,
            self.now.time(),
            None,
        );
        modele.apply(&mut from);
        self.fill_interaction_form(&from, &modele.fields());
        // What a modèle never gives is what is left to type.
        if let Some(Modal::Form(form)) = self.modals.last_mut()
            && let Some(demande) = form.fields.iter().position(|f| f.id == "demande")
        {
            form.focus_on(demande);
        }
        self.set_status(
            self.i18n.t_args(
                "status-modele-applied",
                &[crate::i18n::arg("name", modele.nom.to_string())],
            ),
            false,
        );
    }

    pub(in crate::app) fn open_form(&mut self, record: &AnyRecord, is_new: bool) {
        if let Some(form) = kinds::form(record, is_new, &self.ctx()) {
            self.modals.push(Modal::Form(Box::new(form)));
        }
    }
}
