//! The rights of the person and retention in the interface: on a suivi's timeline, `X`
//! writes what the carnet holds about it (right of access) and `E` erases it (right to
//! erasure); when the carnet opens with records past the retention period, it offers to
//! anonymise them. Neither an erasure nor an anonymisation can be undone.

use crate::app::*;
use crate::domain::personne;

impl App {
    /// The suivi whose timeline the journal shows, if it does.
    pub(in crate::app) fn timeline_suivi(&self) -> Option<Id> {
        self.journal.filter.suivi
    }

    /// At opening: records past the retention period are offered for anonymisation.
    pub(in crate::app) fn offer_retention(&mut self) {
        let cutoff = personne::retention_cutoff(self.today, self.config.retention_months);
        let plan = personne::retention_plan(&self.data, cutoff);
        if plan.is_empty() {
            return;
        }
        let message = self.i18n.t_args(
            "confirm-retention",
            &[
                arg("months", self.config.retention_months),
                arg("suivis", plan.suivi_count()),
                arg("interactions", plan.interaction_count()),
            ],
        );
        self.modals.push(Modal::Confirm {
            message,
            action: ConfirmAction::ApplyRetention,
        });
    }

    pub(in crate::app) fn apply_retention(&mut self) -> Vec<Effect> {
        let cutoff = personne::retention_cutoff(self.today, self.config.retention_months);
        let (changes, plan) = personne::retention_changes(&self.data, cutoff);
        let counts = vec![
            ("suivis", plan.suivi_count()),
            ("interactions", plan.interaction_count()),
        ];
        self.apply_without_undo(&changes);
        let text = self.i18n.t_args(
            "status-anonymised",
            &[
                arg("suivis", plan.suivi_count()),
                arg("interactions", plan.interaction_count()),
            ],
        );
        self.set_status(text, false);
        vec![Effect::Anonymise {
            changes,
            counts,
            backups: self.config.backups,
            at: self.now,
        }]
    }

    /// `E` on a suivi's timeline: what will go, then the question.
    pub(in crate::app) fn ask_erase_suivi(&mut self) {
        let Some(about) = self
            .timeline_suivi()
            .and_then(|id| personne::about_suivi(&self.data, id))
        else {
            self.set_status(self.t("status-timeline-first"), false);
            return;
        };
        let message = self.i18n.t_args(
            "confirm-erase-suivi",
            &[
                arg("code", about.suivi.code.to_string()),
                arg("interactions", about.interactions.len()),
                arg(
                    "linked",
                    about.analyses.len() + about.evenements.len() + about.exemples.len(),
                ),
            ],
        );
        self.modals.push(Modal::Confirm {
            message,
            action: ConfirmAction::EraseSuivi(about.suivi.meta.id),
        });
    }

    pub(in crate::app) fn erase_suivi(&mut self, id: Id) -> Vec<Effect> {
        let Some((changes, erased)) = personne::erasure(&self.data, id) else {
            return Vec::new();
        };
        self.apply_without_undo(&changes);
        self.clear_filters();
        let text = self
            .i18n
            .t_args("status-erased", &[arg("interactions", erased.interactions)]);
        self.set_status(text, false);
        vec![Effect::EraseSuivi {
            suivi: id,
            changes,
            counts: vec![
                ("suivis", erased.suivis),
                ("interactions", erased.interactions),
                ("liens", erased.unlinked),
            ],
            at: self.now,
        }]
    }

    /// A change that must not come back: applied in memory, and every undo dropped (an
    /// earlier undo could restore what was erased).
    fn apply_without_undo(&mut self, changes: &Changes) {
        for record in &changes.put {
            self.upsert(record.clone());
        }
        for &(kind, id) in &changes.remove {
            self.remove(kind, id);
        }
        self.undo.clear();
        self.refresh();
    }

    /// `X` on a suivi's timeline: where to write what the carnet holds about it.
    pub(in crate::app) fn open_suivi_export(&mut self) {
        let Some(id) = self.timeline_suivi() else {
            self.set_status(self.t("status-timeline-first"), false);
            return;
        };
        let code = self
            .data
            .suivi(id)
            .map(|s| s.code.to_string())
            .unwrap_or_default();
        let fields =
            vec![form::Field::text("fichier_acces", &format!("acces-{code}.md")).required()];
        self.modals.push(Modal::Form(Box::new(Form::new(
            Purpose::SuiviExport(id),
            "form-suivi-export",
            fields,
        ))));
    }

    pub(in crate::app) fn export_suivi(&mut self, mut form: Box<Form>, id: Id) -> Vec<Effect> {
        let path = typed_path(form.value("fichier_acces").map_or("", Value::text));
        if path.as_os_str().is_empty() {
            form.set_error("fichier_acces", "err-required");
            self.modals.push(Modal::Form(form));
            return Vec::new();
        }
        let Some(about) = personne::about_suivi(&self.data, id) else {
            return Vec::new();
        };
        let json = path.extension().is_some_and(|e| e == "json");
        let bytes = if json {
            let mut bytes = serde_json::to_vec_pretty(&about).unwrap_or_default();
            bytes.push(b'\n');
            bytes
        } else {
            crate::export::acces::markdown(&self.i18n, &self.config, &about, self.today)
                .into_bytes()
        };
        vec![Effect::WriteFile { path, bytes }]
    }
}
