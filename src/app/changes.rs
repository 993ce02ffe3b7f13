//! Changing the records: one commit per change (the store writes it in one transaction),
//! each undoable.

use crate::app::*;

impl App {
    /// Asks before deleting a record, naming it (its date and summary), so that the right
    /// one goes.
    pub(in crate::app) fn ask_delete_record(&mut self, kind: RecordKind, id: Id) {
        let with = self.deleted_with(kind, id).len();
        let message = match kinds::summary(&self.ctx(), kind, id) {
            Some((date, summary)) => self.i18n.t_args(
                if with > 0 {
                    "confirm-delete-projet"
                } else {
                    "confirm-delete-named"
                },
                &[
                    crate::i18n::arg("date", crate::domain::text::date(date)),
                    crate::i18n::arg("summary", crate::domain::text::one_line(&summary)),
                    crate::i18n::arg("count", with),
                ],
            ),
            None => self.t("confirm-delete-record"),
        };
        self.modals.push(Modal::Confirm {
            message,
            action: ConfirmAction::DeleteRecord(kind, id),
        });
    }

    /// The records that go with one deleted (a projet's séances): deleted in the same
    /// commit, and back with it on undo.
    pub(in crate::app) fn deleted_with(&self, kind: RecordKind, id: Id) -> Vec<(RecordKind, Id)> {
        match kind {
            RecordKind::Projet => self
                .data
                .seances
                .iter()
                .filter(|s| s.projet == id)
                .map(|s| (RecordKind::Seance, s.meta.id))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Puts a record in memory; the journal's search text follows its interactions.
    pub(in crate::app) fn upsert(&mut self, record: AnyRecord) {
        let hay = match &record {
            AnyRecord::Interaction(it) => Some((it.meta.id, self.journal.haystack(it, &self.data))),
            _ => None,
        };
        let existed = hay
            .as_ref()
            .is_some_and(|(id, _)| self.data.find::<Interaction>(*id).is_some());
        self.data.upsert(record);
        if let Some((id, hay)) = hay
            && let Ok(i) = self.data.interactions.binary_search_by_key(&id, Record::id)
        {
            let haystacks = self.journal.haystacks_mut();
            if existed {
                haystacks.replace(i, hay);
            } else {
                haystacks.insert(i, hay);
            }
        }
    }

    pub(in crate::app) fn remove(&mut self, kind: RecordKind, id: Id) -> Option<AnyRecord> {
        if kind == RecordKind::Interaction
            && let Ok(i) = self.data.interactions.binary_search_by_key(&id, Record::id)
            && i < self.journal.haystacks.len()
        {
            self.journal.haystacks_mut().remove(i);
        }
        self.data.take(kind, id)
    }

    pub(in crate::app) fn current(&self, kind: RecordKind, id: Id) -> Option<AnyRecord> {
        self.data.get(kind, id)
    }

    /// Writes records (memory now, store through effects) and remembers how to undo.
    pub(in crate::app) fn commit(
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
            self.refresh_after_interaction();
        } else {
            self.refresh();
        }
        vec![Effect::Commit(changes)]
    }

    /// What follows from one interaction saved, its views already updated in place.
    fn refresh_after_interaction(&mut self) {
        self.journal
            .refresh(&self.data, &self.views.journal, self.today, false);
        self.journal
            .refresh_todo(&self.data, self.today, self.config.delai_cas_jours);
        self.reseau.relance =
            network::relance_rows(&self.data, &self.views, &self.config, self.today);
        self.clamp_cursors();
        self.bilan_after_change();
    }

    /// Records another terminal wrote through this interface (`carnet note`): shown at
    /// once, with the selection kept on its record and any open form left as it is. They
    /// are not in the undo history: they were not made here.
    pub(in crate::app) fn written_elsewhere(&mut self, records: Vec<AnyRecord>) {
        if records.is_empty() {
            return;
        }
        let selected = self
            .selected_interaction()
            .map(|i| self.data.interactions[i].meta.id);
        let notes = records
            .iter()
            .filter(|r| r.kind() == RecordKind::Interaction)
            .count();
        let incremental = match records.as_slice() {
            [AnyRecord::Interaction(new)]
                if self.data.find::<Interaction>(new.meta.id).is_none() =>
            {
                let new = new.clone();
                self.ids.observe(new.meta.id);
                self.upsert(AnyRecord::Interaction(new.clone()));
                self.views.update_interaction(&self.data, None, &new)
            }
            _ => false,
        };
        if incremental {
            self.refresh_after_interaction();
        } else {
            for r in records {
                self.ids.observe(r.id());
                self.upsert(r);
            }
            self.refresh();
        }
        if let Some(id) = selected
            && self.journal.mode == journal::Mode::List
        {
            self.select_interaction(id);
        }
        if notes > 0 {
            self.set_status(
                self.i18n
                    .t_args("status-written-elsewhere", &[arg("count", notes)]),
                false,
            );
        }
    }

    pub(in crate::app) fn undo(&mut self) -> Vec<Effect> {
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
}
