//! The Compétences tab: référentiel, coverage, evidence of a competence, analyses, profil
//! and the Dossier Professionnel; its state, its keys and the hints its footer shows.

use crate::app::*;
use crate::domain::situation::SituationKind;

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

/// What the Compétences tab shows and remembers.
#[derive(Debug, Clone, Default)]
pub struct CompState {
    pub(crate) view: CompView,
    /// The CCP (qualified id) a Dossier Professionnel example is being drafted for.
    pub(crate) draft_ccp: Text,
    /// The example whose sharing warning is being accepted.
    pub(crate) draft_exemple: Option<Id>,
}

impl App {
    pub(in crate::app) fn competences_action(&mut self, action: Action) -> Vec<Effect> {
        let selected_analyse = (self.comp.view == CompView::Analyses)
            .then(|| self.views.analyses.get(self.cursors[3].selected).copied())
            .flatten();
        match action {
            Action::View => {
                let names: Vec<&str> = CompView::ALL.iter().map(|m| m.name()).collect();
                let current = self.comp.view.name();
                self.open_view_picker(
                    "picker-comp-views",
                    &names,
                    current,
                    picker::Purpose::CompView,
                );
            }
            Action::New
            | Action::Edit
            | Action::Delete
            | Action::Todo
            | Action::Export
            | Action::Move
                if self.comp.view == CompView::Dossier =>
            {
                return self.dossier_action(action);
            }
            Action::Todo => {
                self.comp.view = if self.comp.view == CompView::Coverage {
                    CompView::Referentiel
                } else {
                    CompView::Coverage
                };
                self.cursors[3] = Cursor::default();
            }
            Action::New | Action::Edit if self.comp.view == CompView::Profil => {
                let (p, is_new) = match self.data.profil() {
                    Some(p) => (p.clone(), false),
                    None => (kinds::profil::empty(Timestamp(self.now_ms)), true),
                };
                self.open_form(&p.into_any(), is_new);
            }
            Action::New => {
                let meta = RecordMeta::new(Id(0), Timestamp(self.now_ms));
                self.comp.view = CompView::Analyses;
                if let Some(form) =
                    kinds::new_form(RecordKind::Analyse, meta, self.today, &self.ctx())
                {
                    self.modals.push(Modal::Form(Box::new(form)));
                }
            }
            Action::Edit
                if matches!(self.comp.view, CompView::Referentiel | CompView::Coverage) =>
            {
                if let Some(competence) = self.selected_competence() {
                    self.modals.push(Modal::Evidence {
                        competence,
                        cursor: 0,
                    });
                }
            }
            Action::Edit if selected_analyse.is_some() => {
                if let Some(r) =
                    selected_analyse.and_then(|i| self.data.get_at(RecordKind::Analyse, i))
                {
                    self.open_form(&r, false);
                }
            }
            Action::Delete if selected_analyse.is_some() => {
                if let Some(i) = selected_analyse {
                    self.ask_delete_record(RecordKind::Analyse, self.data.analyses[i].meta.id);
                }
            }
            Action::ClearFilter if self.comp.view != CompView::Referentiel => {
                self.comp.view = CompView::Referentiel;
                self.cursors[3] = Cursor::default();
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
    /// An export's bytes written to the file the user named, or why they could not be made.
    pub(in crate::app) fn write_export(
        &mut self,
        path: std::path::PathBuf,
        bytes: Result<Vec<u8>, String>,
    ) -> Vec<Effect> {
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

    pub(in crate::app) fn export_dossier(&mut self, mut form: Box<Form>) -> Vec<Effect> {
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
            now: self.now,
        };
        let bytes = dossier.render(format);
        // As the command line says: the ministry's fixed page is not shipped.
        self.written_note = self
            .config
            .presentation
            .is_none()
            .then_some("warn-dp-no-presentation");
        self.write_export(path, bytes)
    }

    /// `m` on an example: one rank up within its CCP (the first goes last), ranks renumbered
    /// 1, 2, 3 so the export's « Exemple n°k » follows the order the user chose.
    pub(in crate::app) fn move_exemple_up(&mut self, i: usize) -> Vec<Effect> {
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

    pub(in crate::app) fn dossier_action(&mut self, action: Action) -> Vec<Effect> {
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
                let label = |k: SituationKind| self.t(&format!("situation-{}", k.name()));
                let items = dossier::situation_items(&self.ctx(), &label, &ccp);
                if items.is_empty() {
                    self.set_status(self.t("status-no-situation"), true);
                    return Vec::new();
                }
                self.comp.draft_ccp = ccp;
                let p = Picker::new(
                    self.t("picker-draft-situation"),
                    items,
                    false,
                    Vec::new(),
                    0,
                )
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
                self.comp.draft_exemple = Some(x.meta.id);
                let p = Picker::new(self.t("picker-accept-warning"), items, false, Vec::new(), 0)
                    .for_purpose(picker::Purpose::AcceptWarning);
                self.modals.push(Modal::Picker(Box::new(p)));
            }
            (Action::Move, Some(dossier::Row::Exemple(i))) => return self.move_exemple_up(i),
            (Action::Export, _) => {
                let questions = dossier::unanswered_questions(&self.data, &self.config).len();
                if questions > 0 {
                    let text = self
                        .i18n
                        .t_args("status-dp-questions", &[arg("count", questions)]);
                    self.set_status(text, true);
                    return Vec::new();
                }
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
                if let Some(x) = self.data.get_at(RecordKind::Exemple, i) {
                    self.open_form(&x, false);
                }
            }
            (Action::Delete, Some(dossier::Row::Exemple(i))) => {
                if let Some(x) = self.data.exemples.get(i) {
                    self.ask_delete_record(RecordKind::Exemple, x.meta.id);
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
        let (ci, k) = match self.comp.view {
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
        evidence::linked(&self.ctx(), competence, usize::MAX).0
    }

    pub(in crate::app) fn evidence_action(&mut self, action: Action) -> Vec<Effect> {
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
                if let Some(r) = current.and_then(|l| self.current(l.kind, l.id)) {
                    self.open_form(&r, false);
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
                // Creating a record that shows it comes first, then linking one that exists.
                let new_label = |what: &str| {
                    self.i18n
                        .t_args("picker-evidence-new", &[arg("what", what.to_string())])
                };
                let mut items = evidence::creations(&self.config, &competence, &kinds, &new_label);
                items.extend(evidence::candidates(&self.ctx(), &kinds, &competence));
                let p = Picker::new(self.t("picker-add-evidence"), items, false, Vec::new(), 0)
                    .for_purpose(picker::Purpose::AddEvidence);
                self.modals.push(Modal::Picker(Box::new(p)));
            }
            _ => self.dirty = false,
        }
        Vec::new()
    }

    /// Links the chosen record to the competence of the evidence modal below the picker,
    /// or opens the form of a new record showing it.
    pub(in crate::app) fn add_evidence(&mut self, item: &str) -> Vec<Effect> {
        let Some(Modal::Evidence { competence, .. }) = self.modals.last() else {
            return Vec::new();
        };
        let competence = competence.clone();
        if item.starts_with("new:") || item.starts_with("new-type:") {
            self.create_evidence(item, competence);
            return Vec::new();
        }
        let Some((kind, id)) = evidence::parse_candidate(item) else {
            return Vec::new();
        };
        let Some(mut record) = self.current(kind, id) else {
            return Vec::new();
        };
        let date = kinds::summary(&self.ctx(), kind, id).map_or(self.today, |(d, _)| d);
        let meta = record.meta_mut();
        meta.evidence.push(EvidenceLink {
            competence: competence.clone(),
            strength: Strength::Secondaire,
            justification: Text::default(),
            date,
        });
        meta.updated_at = Timestamp(self.now_ms);
        let effects = self.commit("undo-edited", vec![record], Vec::new());
        // The selection goes to the new link, so that `p` or `d` right after act on it.
        let position = self
            .evidence_links(&competence)
            .iter()
            .rposition(|l| l.kind == kind && l.id == id)
            .unwrap_or(0);
        if let Some(Modal::Evidence { cursor, .. }) = self.modals.last_mut() {
            *cursor = position;
        }
        self.set_status(self.t("status-link-added"), false);
        effects
    }

    /// The form of a new record showing `competence`: of a kind (`new:KIND`), or an
    /// interaction of a type (`new-type:TYPE`) with the competences that type suggests.
    /// Saved, it is listed in the evidence modal left below.
    fn create_evidence(&mut self, item: &str, competence: Text) {
        let link = |c: Text| EvidenceLink {
            competence: c,
            strength: Strength::Principale,
            justification: Text::default(),
            date: self.today,
        };
        let mut meta = RecordMeta::new(Id(0), Timestamp(self.now_ms));
        if let Some(t) = item.strip_prefix("new-type:") {
            let r = &self.config.referentiel;
            let mut competences: Vec<Text> = self
                .config
                .vocab
                .types_interaction
                .get(t)
                .map(|e| e.competences.iter().map(|c| r.qualify(c).into()).collect())
                .unwrap_or_default();
            if !competences.contains(&competence) {
                competences.push(competence);
            }
            meta.evidence = competences.into_iter().map(link).collect();
            let mut base = Interaction::blank(
                meta,
                self.today,
                self.now.time(),
                self.data.interactions.last(),
            );
            base.types = [Text::from(t)].into();
            self.open_form(&base.into_any(), true);
        } else if let Some(kind) = item.strip_prefix("new:").and_then(RecordKind::from_name) {
            meta.evidence = vec![link(competence)];
            if let Some(form) = kinds::new_form(kind, meta, self.today, &self.ctx()) {
                self.modals.push(Modal::Form(Box::new(form)));
            }
        }
    }

    /// The Compétences tab's footer hints for the view shown.
    pub(in crate::app) fn competences_hints(&self) -> &'static [Action] {
        match self.comp.view {
            CompView::Profil => &[Action::Edit, Action::View, Action::Help, Action::Quit],
            // d (delete) and m (move up) are in the help: the footer keeps what builds the
            // dossier.
            CompView::Dossier => &[
                Action::New,
                Action::Edit,
                Action::Todo,
                Action::Export,
                Action::View,
                Action::Help,
                Action::Quit,
            ],
            CompView::Analyses => &[
                Action::New,
                Action::Edit,
                Action::Delete,
                Action::View,
                Action::Help,
                Action::Quit,
            ],
            _ => &[
                Action::Edit,
                Action::Todo,
                Action::View,
                Action::DetailDown,
                Action::Help,
                Action::Quit,
            ],
        }
    }

    /// The evidence modal's hints.
    pub(in crate::app) fn evidence_hints(&self) -> &'static [Action] {
        &[
            Action::Select,
            Action::Strength,
            Action::Delete,
            Action::New,
            Action::Close,
        ]
    }
}

impl App {
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
}
