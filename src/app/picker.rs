//! One picker for every choice: a query folded like the search, a filtered list, single or
//! multiple selection, and an optional "create" row (a structure, the next suivi code).

use super::form::Options;
use super::input::Input;
use crate::config::Config;
use crate::domain::text::fold;
use crate::domain::{Dataset, Lang, RecordKind, Text};
use crate::search::{self, Query};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    pub id: Text,
    pub label: String,
    folded: String,
    /// A heading (a CCP above its competences): shown, never chosen.
    pub header: bool,
}

impl PickItem {
    pub fn new(id: impl Into<Text>, label: String) -> PickItem {
        let id = id.into();
        let folded = fold(&format!("{label} {id}"));
        PickItem {
            id,
            label,
            folded,
            header: false,
        }
    }

    /// An item found by its label only (its id is internal, such as a record id).
    pub fn plain(id: impl Into<Text>, label: String) -> PickItem {
        let folded = fold(&label);
        PickItem {
            folded,
            ..PickItem::new(id, label)
        }
    }

    fn header(label: String) -> PickItem {
        PickItem {
            header: true,
            ..PickItem::new("", label)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Create {
    /// Offer to create a structure named like the query.
    Structure,
    /// Offer the next suivi code.
    Suivi(Text),
}

/// What the picker's choice is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Purpose {
    /// A field of the form under the picker.
    #[default]
    Field,
    /// Open the chosen contact's form.
    EditContact,
    /// Switch the Réseau tab's view.
    ReseauView,
    /// Open the chosen service's form.
    EditService,
    /// Move the selected plan node under the chosen one.
    MoveNode,
    /// Focus the chosen field of the form under the picker.
    GoToField,
    /// Fill the interaction form under the picker from the chosen modèle.
    Modele,
    /// Put the selected « à relancer » item off for the chosen number of days.
    PutOff,
    /// Switch the Compétences tab's view.
    CompView,
    /// Link the chosen record to the competence of the evidence modal.
    AddEvidence,
    /// Draft a Dossier Professionnel example from the chosen records.
    DraftExemple,
    /// Accept one sharing warning of a Dossier Professionnel example.
    AcceptWarning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub title: String,
    pub query: Input,
    pub items: Vec<PickItem>,
    pub filtered: Vec<usize>,
    pub cursor: usize,
    pub multi: bool,
    pub chosen: Vec<Text>,
    /// The form field (in the form under the picker) that receives the choice.
    pub field: usize,
    pub create: Option<Create>,
    pub purpose: Purpose,
    /// What to say when there is nothing to choose yet (the message id): what to create.
    pub empty: &'static str,
    haystacks: Vec<String>,
}

/// What Enter on the current row means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Item(Text),
    CreateStructure(Text),
    CreateSuivi(Text),
    Nothing,
}

impl Picker {
    pub fn new(
        title: String,
        items: Vec<PickItem>,
        multi: bool,
        chosen: Vec<Text>,
        field: usize,
    ) -> Picker {
        let haystacks = items.iter().map(|i| i.folded.clone()).collect();
        let mut p = Picker {
            title,
            query: Input::new("", false, 100),
            filtered: Vec::new(),
            items,
            cursor: 0,
            multi,
            chosen,
            field,
            create: None,
            purpose: Purpose::Field,
            empty: "picker-empty",
            haystacks,
        };
        p.refilter();
        // Start on the current choice, so Enter keeps it.
        if let Some(first) = p.chosen.first()
            && let Some(pos) = p.filtered.iter().position(|&i| p.items[i].id == *first)
        {
            p.cursor = pos;
        } else {
            p.skip_headers(1);
        }
        p
    }

    pub fn with_create(mut self, create: Create) -> Picker {
        self.create = Some(create);
        if self.create_first() {
            // The new-suivi row comes first: on it, unless a suivi is already chosen.
            let on_chosen = self.chosen.first().is_some_and(|first| {
                self.filtered
                    .get(self.cursor)
                    .is_some_and(|&i| self.items[i].id == *first)
            });
            self.cursor = if on_chosen { self.cursor + 1 } else { 0 };
        }
        self
    }

    /// A new suivi is offered on the first row, before any match: a person seen for the
    /// first time is one Enter away. A new structure needs its name typed: it comes last.
    fn create_first(&self) -> bool {
        matches!(self.create, Some(Create::Suivi(_)))
    }

    /// The item shown on `row` (an index into `items`), if that row is not the create row.
    pub fn item_at(&self, row: usize) -> Option<usize> {
        let row = if self.create_first() {
            row.checked_sub(1)?
        } else {
            row
        };
        self.filtered.get(row).copied()
    }

    pub fn when_empty(mut self, message: &'static str) -> Picker {
        self.empty = message;
        self
    }

    pub fn for_purpose(mut self, purpose: Purpose) -> Picker {
        self.purpose = purpose;
        self
    }

    pub fn with_query(mut self, text: &str) -> Picker {
        self.query.set(text);
        self.refilter();
        self
    }

    pub fn refilter(&mut self) {
        let query = Query::parse(self.query.text());
        self.filtered = if query.is_empty() {
            (0..self.items.len()).collect()
        } else {
            let candidates: Vec<usize> = (0..self.items.len())
                .filter(|&i| !self.items[i].header)
                .collect();
            search::run_fuzzy(&query, &self.haystacks, &candidates)
        };
        // With a query, the first match; without one, with no match, or with a whole new
        // code typed, the new-suivi row.
        let typed_new_code = self.create_first()
            && !query.is_empty()
            && self.suivi_code().is_some_and(|code| {
                self.query.text().chars().any(|c| c.is_ascii_digit())
                    && !self
                        .items
                        .iter()
                        .any(|i| i.label.eq_ignore_ascii_case(&code))
            });
        self.cursor = usize::from(
            self.create_first()
                && !query.is_empty()
                && !self.filtered.is_empty()
                && !typed_new_code,
        );
        self.skip_headers(1);
    }

    /// Rows shown: the filtered items, then the create row when there is one.
    pub fn row_count(&self) -> usize {
        self.filtered.len() + usize::from(self.create_label_visible())
    }

    pub fn create_label_visible(&self) -> bool {
        match &self.create {
            Some(Create::Structure) => !self.query.text().trim().is_empty(),
            Some(Create::Suivi(_)) => true,
            None => false,
        }
    }

    fn skip_headers(&mut self, direction: isize) {
        while self
            .item_at(self.cursor)
            .is_some_and(|i| self.items[i].header)
        {
            match self.cursor.checked_add_signed(direction) {
                Some(c) if c < self.row_count() => self.cursor = c,
                _ => {
                    // Nothing selectable that way: go the other way.
                    if direction > 0 {
                        return;
                    }
                    self.cursor += 1;
                }
            }
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        let rows = self.row_count();
        if rows == 0 {
            return;
        }
        self.cursor = self.cursor.saturating_add_signed(delta).min(rows - 1);
        self.skip_headers(if delta < 0 { -1 } else { 1 });
        if self
            .item_at(self.cursor)
            .is_some_and(|i| self.items[i].header)
        {
            self.skip_headers(1);
        }
    }

    pub fn current(&self) -> Choice {
        if let Some(i) = self.item_at(self.cursor) {
            let item = &self.items[i];
            return if item.header {
                Choice::Nothing
            } else {
                Choice::Item(item.id.clone())
            };
        }
        match &self.create {
            Some(Create::Structure) if self.create_label_visible() => {
                Choice::CreateStructure(self.query.text().trim().into())
            }
            Some(Create::Suivi(_)) => match self.suivi_code() {
                Some(code) => Choice::CreateSuivi(code),
                None => Choice::Nothing,
            },
            _ => Choice::Nothing,
        }
    }

    /// The code a "new suivi" row creates: the next one, or the code being typed when the
    /// query looks like one (then it must have the right shape).
    pub fn suivi_code(&self) -> Option<Text> {
        let Some(Create::Suivi(next)) = &self.create else {
            return None;
        };
        let typed = self.query.text().trim().to_uppercase();
        if typed.chars().any(|c| c.is_ascii_digit() || c == '-') {
            crate::domain::validate::is_suivi_code(&typed).then(|| typed.into())
        } else {
            Some(next.clone())
        }
    }

    /// Tab in a multiple choice: toggles the current item and stays.
    pub fn toggle_current(&mut self) {
        if let Choice::Item(id) = self.current() {
            match self.chosen.iter().position(|c| *c == id) {
                Some(pos) => {
                    self.chosen.remove(pos);
                }
                None => self.chosen.push(id),
            }
        }
    }
}

/// Options of a vocabulary (or fixed list), labelled in the UI language.
pub fn option_items(options: Options, config: &Config, i18n: &crate::i18n::I18n) -> Vec<PickItem> {
    match options {
        Options::Fixed(list) => list
            .iter()
            .map(|(id, label)| PickItem::new(*id, i18n.t(label)))
            .collect(),
        other => other
            .vocab(&config.vocab)
            .map(|v| {
                v.entries
                    .iter()
                    .map(|e| PickItem::new(e.id.as_str(), e.label(config.lang).to_string()))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The référentiel as a list: each CCP as a heading above its competences.
pub fn competence_items(config: &Config) -> Vec<PickItem> {
    let r = &config.referentiel;
    let lang: Lang = config.lang;
    let mut items = Vec::new();
    for ccp in &r.ccp {
        items.push(PickItem::header(format!("{} {}", ccp.id, ccp.label(lang))));
        for c in &ccp.competences {
            items.push(PickItem::new(
                r.qualify(&c.id),
                format!("  {} {}", c.id, c.label(lang)),
            ));
        }
    }
    items
}

pub fn structure_items(data: &Dataset) -> Vec<PickItem> {
    let mut items: Vec<PickItem> = data
        .structures
        .iter()
        .map(|s| PickItem::plain(s.meta.id.to_string(), s.nom.to_string()))
        .collect();
    items.sort_by(|a, b| a.folded.cmp(&b.folded));
    items
}

/// The records of a kind shown as evidence, newest first, labelled with their date and
/// summary (the veille or fiches a projet's diagnostic draws on).
pub fn record_items(ctx: &crate::app::kinds::Ctx, kind: RecordKind) -> Vec<PickItem> {
    let mut dated = crate::app::kinds::summaries(ctx, kind);
    dated.sort_by_key(|d| std::cmp::Reverse((d.0, d.1)));
    dated
        .into_iter()
        .map(|(date, id, what)| {
            PickItem::plain(
                id.to_string(),
                format!("{} — {}", crate::domain::text::date(date), what),
            )
        })
        .collect()
}

/// The most recent interactions, newest first, labelled with their date and demande.
pub fn interaction_items(data: &Dataset, order: &[usize]) -> Vec<PickItem> {
    order
        .iter()
        .take(500)
        .map(|&i| {
            let it = &data.interactions[i];
            PickItem::plain(
                it.meta.id.to_string(),
                format!(
                    "{} — {}",
                    crate::domain::text::date(it.date),
                    crate::domain::text::one_line(&it.demande)
                ),
            )
        })
        .collect()
}

/// Contacts labelled with their structure, so two homonyms stay apart.
pub fn contact_items(data: &Dataset) -> Vec<PickItem> {
    let mut items: Vec<PickItem> = data
        .contacts
        .iter()
        .map(|c| {
            let s = data
                .structure(c.structure)
                .map(|s| s.nom.as_str())
                .unwrap_or_default();
            PickItem::plain(c.meta.id.to_string(), format!("{} ({s})", c.nom))
        })
        .collect();
    items.sort_by(|a, b| a.folded.cmp(&b.folded));
    items
}

pub fn suivi_items(data: &Dataset) -> Vec<PickItem> {
    let mut items: Vec<PickItem> = data
        .suivis
        .iter()
        .map(|s| PickItem::plain(s.meta.id.to_string(), s.code.to_string()))
        .collect();
    items.sort_by(|a, b| b.label.cmp(&a.label));
    items
}

/// The next pseudonymous code of the year: `P-2026-018` after `P-2026-017`.
pub fn next_suivi_code(data: &Dataset, year: i32) -> Text {
    let prefix = format!("P-{year}-");
    let last = data
        .suivis
        .iter()
        .filter_map(|s| s.code.strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{:03}", last + 1).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<PickItem> {
        vec![
            PickItem::new("logement", "Logement".into()),
            PickItem::new("numerique", "Numérique".into()),
            PickItem::new("energie_eau", "Énergie - Eau".into()),
        ]
    }

    #[test]
    fn typing_narrows_with_folding_and_enter_takes_the_best() {
        let mut p = Picker::new("t".into(), items(), false, vec![], 0);
        p.query.set("ener");
        p.refilter();
        assert_eq!(p.current(), Choice::Item("energie_eau".into()));
        p.query.set("zzz");
        p.refilter();
        assert_eq!(p.current(), Choice::Nothing);
    }

    #[test]
    fn letters_in_order_across_words_find_a_structure_below_substring_matches() {
        let names = [
            "CCAS de Val-de-Brume",
            "Centre médico-social des Tilleuls",
            "Centre social des Tilleuls",
            "Collège des Tilleuls",
            "Conciliateur de justice du canton",
        ];
        let items: Vec<PickItem> = names
            .iter()
            .enumerate()
            .map(|(i, n)| PickItem::plain(i.to_string(), n.to_string()))
            .collect();
        let found = |q: &str| -> Vec<&str> {
            let mut p = Picker::new("s".into(), items.clone(), false, vec![], 0);
            p.query.set(q);
            p.refilter();
            p.filtered.iter().map(|&i| names[i]).collect()
        };
        assert_eq!(found("cstil")[0], "Centre social des Tilleuls");
        assert_eq!(found("conjus"), ["Conciliateur de justice du canton"]);
        let ccas = found("ccas");
        assert_eq!(ccas[0], "CCAS de Val-de-Brume", "the word itself first");
        assert!(ccas.len() > 1, "then labels with its letters in order");
        assert_eq!(
            found("centre social")[0],
            "Centre social des Tilleuls",
            "among equal word matches, the closest run first"
        );
        assert!(
            found("cstil !college")
                .iter()
                .all(|n| !n.starts_with("Coll"))
        );
        assert!(found("zzq").is_empty());
    }

    #[test]
    fn headers_are_skipped_and_never_chosen() {
        let config = crate::config::Config::builtin(Lang::Fr).unwrap();
        let mut p = Picker::new("c".into(), competence_items(&config), true, vec![], 0);
        assert_eq!(p.current(), Choice::Item("tms-2004/CCP1.C1".into()));
        p.move_by(5);
        assert_eq!(
            p.current(),
            Choice::Item("tms-2004/CCP2.C1".into()),
            "skips the CCP2 heading"
        );
        p.move_by(-1);
        assert_eq!(p.current(), Choice::Item("tms-2004/CCP1.C5".into()));
    }

    #[test]
    fn a_typed_suivi_code_must_have_the_right_shape() {
        let mut p = Picker::new("s".into(), vec![], false, vec![], 0)
            .with_create(Create::Suivi("P-2026-004".into()));
        assert_eq!(p.current(), Choice::CreateSuivi("P-2026-004".into()));
        p.query.set("p-2026-120");
        p.refilter();
        assert_eq!(p.current(), Choice::CreateSuivi("P-2026-120".into()));
        p.query.set("P-26-1");
        p.refilter();
        assert_eq!(p.current(), Choice::Nothing);
        assert_eq!(p.suivi_code(), None);
    }

    #[test]
    fn a_new_suivi_is_the_first_row_and_a_typed_code_finds_its_person() {
        let codes = ["P-2026-001", "P-2026-002", "P-2026-010"];
        let items: Vec<PickItem> = codes
            .iter()
            .enumerate()
            .map(|(i, c)| PickItem::plain(i.to_string(), c.to_string()))
            .collect();
        let picker = |chosen: Vec<Text>| {
            Picker::new("s".into(), items.clone(), false, chosen, 0)
                .with_create(Create::Suivi("P-2026-011".into()))
        };
        let mut p = picker(vec![]);
        assert_eq!(p.row_count(), 4);
        assert_eq!(p.current(), Choice::CreateSuivi("P-2026-011".into()));
        p.move_by(1);
        assert_eq!(p.current(), Choice::Item("0".into()));
        p.query.set("010");
        p.refilter();
        assert_eq!(p.current(), Choice::Item("2".into()), "the person typed");
        p.query.set("P-2026-020");
        p.refilter();
        assert_eq!(
            p.current(),
            Choice::CreateSuivi("P-2026-020".into()),
            "a whole new code typed is created, not matched to a near one"
        );
        assert_eq!(
            picker(vec!["1".into()]).current(),
            Choice::Item("1".into()),
            "an interaction's own suivi stays chosen"
        );
    }

    #[test]
    fn create_rows_offer_a_structure_or_the_next_code() {
        let mut p =
            Picker::new("s".into(), items(), false, vec![], 0).with_create(Create::Structure);
        p.query.set("Nouvelle asso");
        p.refilter();
        assert_eq!(p.current(), Choice::CreateStructure("Nouvelle asso".into()));
        let mut data = Dataset::default();
        assert_eq!(next_suivi_code(&data, 2026), "P-2026-001");
        data.suivis.push(crate::domain::Suivi {
            meta: crate::domain::RecordMeta::new(crate::domain::Id(1), crate::domain::Timestamp(0)),
            code: "P-2026-017".into(),
            public: Default::default(),
            thematiques: vec![],
            actif: true,
        });
        assert_eq!(next_suivi_code(&data, 2026), "P-2026-018");
        assert_eq!(next_suivi_code(&data, 2027), "P-2027-001");
    }
}
