//! One form engine for every entity: a form is a list of declared fields (text, date,
//! duration, choice, multi-choice, reference…); screens never draw their own inputs.

use super::input::Input;
use crate::domain::{Id, Text, Vocabularies, Vocabulary};

/// Limits that keep a 100 KB paste from freezing a form, generous for real notes.
pub use crate::domain::validate::{MAX_LINE_CHARS, MAX_TEXT_CHARS as MAX_NOTE_CHARS};

/// Where a choice field takes its options from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Options {
    /// A vocabulary of the config, by its name in `vocabulaires.toml` (`thematiques`…).
    Vocab(&'static str),
    /// Options defined by the app (id, Fluent label id), such as filter periods.
    Fixed(&'static [(&'static str, &'static str)]),
}

impl Options {
    pub fn vocab(self, v: &Vocabularies) -> Option<&Vocabulary> {
        match self {
            Options::Vocab(name) => v.get(name),
            Options::Fixed(_) => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Multiline,
    Date,
    Time,
    Duration,
    Count,
    Choice(Options),
    Multi(Options),
    Bool,
    /// A structure of the network; a missing one can be created on the spot.
    Structure,
    /// A pseudonymous suivi code; the next code can be created.
    Suivi,
    /// Competences of the référentiel (qualified ids).
    Competences,
    /// Several records of the network (their ids).
    Refs(RefList),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefList {
    Structures,
    Contacts,
    /// The most recent interactions (a reflective note refers to one situation).
    Interactions,
    /// Records of a kind shown as evidence (veille, notes, fiches, analyses…), newest first.
    Records(crate::domain::RecordKind),
    /// One record of a kind (a séance's projet).
    One(crate::domain::RecordKind),
}

impl FieldKind {
    /// Fields edited by typing (printable keys go to the input first).
    pub fn is_typed(self) -> bool {
        matches!(
            self,
            FieldKind::Text
                | FieldKind::Multiline
                | FieldKind::Date
                | FieldKind::Time
                | FieldKind::Duration
                | FieldKind::Count
        )
    }

    pub fn opens_picker(self) -> bool {
        matches!(
            self,
            FieldKind::Choice(_)
                | FieldKind::Multi(_)
                | FieldKind::Structure
                | FieldKind::Suivi
                | FieldKind::Competences
                | FieldKind::Refs(_)
        )
    }
}

/// A structure chosen in a form: one of the network, or one to create on save.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StructureRef {
    Existing(Id, Text),
    New { nom: Text, typologie: Text },
}

/// A suivi chosen in a form: an existing one, or the next code to create on save.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SuiviRef {
    Existing(Id, Text),
    New(Text),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(Input),
    Choice(Option<Text>),
    Multi(Vec<Text>),
    Bool(bool),
    Structure(Option<StructureRef>),
    Suivi(Option<SuiviRef>),
}

impl Value {
    pub fn text(&self) -> &str {
        match self {
            Value::Text(i) => i.text(),
            _ => "",
        }
    }

    pub fn choice(&self) -> Option<&Text> {
        match self {
            Value::Choice(c) => c.as_ref(),
            _ => None,
        }
    }

    pub fn multi(&self) -> &[Text] {
        match self {
            Value::Multi(m) => m,
            _ => &[],
        }
    }

    pub fn flag(&self) -> bool {
        matches!(self, Value::Bool(true))
    }

    /// Whether two values hold the same content (the cursor of a text does not count).
    pub fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Text(a), Value::Text(b)) => a.text() == b.text(),
            (a, b) => a == b,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Stable name; the label's Fluent id is `field-ID`.
    pub id: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    /// Free text checked by the privacy guard before saving.
    pub guarded: bool,
    /// A reference whose picker offers to create the record typed (saved with the form).
    pub creates: bool,
    pub value: Value,
    pub initial: Value,
    /// Fluent id of the problem with this field, shown beside it.
    pub error: Option<&'static str>,
    /// Tab and Shift-Tab stop here only while this other field holds one of these values
    /// (a mediation's case after its types); Ctrl-G reaches it otherwise.
    pub offered_for: Option<(&'static str, &'static [&'static str])>,
}

impl Field {
    fn new(id: &'static str, kind: FieldKind, value: Value) -> Field {
        Field {
            id,
            kind,
            required: false,
            guarded: false,
            creates: false,
            initial: value.clone(),
            value,
            error: None,
            offered_for: None,
        }
    }

    /// Offered by Tab only while field `trigger` holds one of `values`.
    pub fn offered_for(mut self, trigger: &'static str, values: &'static [&'static str]) -> Field {
        self.offered_for = Some((trigger, values));
        self
    }

    pub fn text(id: &'static str, value: &str) -> Field {
        Field::new(
            id,
            FieldKind::Text,
            Value::Text(Input::new(value, false, MAX_LINE_CHARS)),
        )
    }

    pub fn multiline(id: &'static str, value: &str) -> Field {
        Field::new(
            id,
            FieldKind::Multiline,
            Value::Text(Input::new(value, true, MAX_NOTE_CHARS)),
        )
    }

    pub fn typed(id: &'static str, kind: FieldKind, value: &str) -> Field {
        Field::new(id, kind, Value::Text(Input::new(value, false, 40)))
    }

    pub fn choice(id: &'static str, options: Options, value: Option<Text>) -> Field {
        Field::new(id, FieldKind::Choice(options), Value::Choice(value))
    }

    pub fn multi(id: &'static str, options: Options, value: Vec<Text>) -> Field {
        Field::new(id, FieldKind::Multi(options), Value::Multi(value))
    }

    pub fn competences(id: &'static str, value: Vec<Text>) -> Field {
        Field::new(id, FieldKind::Competences, Value::Multi(value))
    }

    pub fn refs(id: &'static str, list: RefList, value: Vec<Text>) -> Field {
        Field::new(id, FieldKind::Refs(list), Value::Multi(value))
    }

    pub fn flag(id: &'static str, value: bool) -> Field {
        Field::new(id, FieldKind::Bool, Value::Bool(value))
    }

    pub fn structure(id: &'static str, value: Option<StructureRef>) -> Field {
        Field::new(id, FieldKind::Structure, Value::Structure(value))
    }

    pub fn suivi(id: &'static str, value: Option<SuiviRef>) -> Field {
        Field::new(id, FieldKind::Suivi, Value::Suivi(value))
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn guarded(mut self) -> Field {
        self.guarded = true;
        self
    }

    pub fn creating(mut self) -> Field {
        self.creates = true;
        self
    }

    pub fn changed(&self) -> bool {
        !self.value.same(&self.initial)
    }

    pub fn is_empty(&self) -> bool {
        match &self.value {
            Value::Text(i) => i.text().trim().is_empty(),
            Value::Choice(c) => c.is_none(),
            Value::Multi(m) => m.is_empty(),
            Value::Bool(_) => false,
            Value::Structure(s) => s.is_none(),
            Value::Suivi(s) => s.is_none(),
        }
    }
}

/// What a form is for; decides how its values are saved.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// A new or edited record of a kind listed in the Réseau tab (`app::kinds`).
    Record {
        base: Box<crate::domain::AnyRecord>,
        is_new: bool,
    },
    /// A service a structure offers: `index` is its position, `None` for a new one.
    Service {
        structure: crate::domain::Id,
        index: Option<usize>,
    },
    /// A documentation folder to read (team sharing).
    ImportFolder,
    /// Where to write the Dossier Professionnel, and the identity on its cover.
    ExportDossier,
    /// Where to write the Bilan tab's period, the format by the file's extension.
    ExportBilan,
    /// Where to write a projet's fiche, the format by the file's extension.
    ExportProjet(crate::domain::Id),
    /// Any range of days for the Bilan tab.
    BilanRange,
    /// Where to write what the carnet holds about a suivi (right of access).
    SuiviExport(crate::domain::Id),
    /// A node of the plan de classement: a new one (`code` None) or a renamed one.
    PlanNode {
        code: Option<crate::domain::Text>,
        parent: Option<crate::domain::Text>,
    },
    /// The journal's filters.
    JournalFilter,
    /// The annuaire's filters.
    ReseauFilter,
    /// A structure created from a picker: name and typology, then back to the parent form.
    QuickStructure,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub purpose: Purpose,
    /// Fluent id of the title.
    pub title: &'static str,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Set once the user edits the competences, so changing types stops re-suggesting them.
    pub competences_touched: bool,
    /// Guard warnings already shown and accepted for this exact content.
    pub guard_accepted: bool,
}

impl Form {
    pub fn new(purpose: Purpose, title: &'static str, fields: Vec<Field>) -> Form {
        let mut form = Form {
            purpose,
            title,
            fields,
            focus: 0,
            competences_touched: false,
            guard_accepted: false,
        };
        form.focus_on(0);
        form
    }

    /// Moves the focus to field `i`. A prefilled date, time, duration or count is selected
    /// whole there: typing replaces it instead of adding to it.
    pub fn focus_on(&mut self, i: usize) {
        self.focus = i.min(self.fields.len().saturating_sub(1));
        let field = self.focused_mut();
        let replaced = matches!(
            field.kind,
            FieldKind::Date | FieldKind::Time | FieldKind::Duration | FieldKind::Count
        );
        if replaced && let Value::Text(input) = &mut field.value {
            input.select_all();
        }
    }

    pub fn dirty(&self) -> bool {
        self.fields.iter().any(Field::changed)
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus.min(self.fields.len().saturating_sub(1))]
    }

    pub fn focused_mut(&mut self) -> &mut Field {
        let i = self.focus.min(self.fields.len().saturating_sub(1));
        &mut self.fields[i]
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn field_mut(&mut self, id: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.id == id)
    }

    pub fn value(&self, id: &str) -> Option<&Value> {
        self.field(id).map(|f| &f.value)
    }

    /// The records chosen in a reference field (their ids).
    pub fn ids(&self, id: &str) -> Vec<crate::domain::Id> {
        self.value(id)
            .map(|v| v.multi().iter().filter_map(|t| t.parse().ok()).collect())
            .unwrap_or_default()
    }

    pub fn next(&mut self) {
        self.step(true);
    }

    pub fn prev(&mut self) {
        self.step(false);
    }

    /// The next (or previous) field, passing over those not offered for what the form
    /// holds.
    fn step(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        let advance = |i: usize| {
            if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }
        };
        let mut i = advance(self.focus);
        for _ in 0..n {
            if self.fields.get(i).is_some_and(|f| !self.offers(f)) {
                i = advance(i);
            } else {
                break;
            }
        }
        self.focus_on(i);
    }

    /// Whether Tab stops at `field` given the other fields' values.
    fn offers(&self, field: &Field) -> bool {
        let Some((trigger, values)) = field.offered_for else {
            return true;
        };
        match self.value(trigger) {
            Some(Value::Multi(ids)) => ids.iter().any(|id| values.contains(&id.as_str())),
            Some(Value::Choice(Some(id))) => values.contains(&id.as_str()),
            _ => false,
        }
    }

    pub fn set_error(&mut self, id: &str, message: &'static str) {
        // The first problem found stays: an empty required date is « required », not
        // « not a date ».
        if let Some(f) = self.field_mut(id)
            && f.error.is_none()
        {
            f.error = Some(message);
        }
    }

    pub fn clear_errors(&mut self) {
        for f in &mut self.fields {
            f.error = None;
        }
    }

    /// Starts reading the form again: earlier errors go, empty required fields are marked.
    pub fn check_required(&mut self) {
        for f in &mut self.fields {
            f.error = (f.required && f.is_empty()).then_some("err-required");
        }
    }

    /// Focuses the first field with an error; false when there is none.
    pub fn focus_first_error(&mut self) -> bool {
        match self.fields.iter().position(|f| f.error.is_some()) {
            Some(i) => {
                self.focus_on(i);
                true
            }
            None => false,
        }
    }
}

/// The evidence links a form's "competences" and "justification" fields describe.
pub fn read_evidence(
    form: &Form,
    old: &[crate::domain::EvidenceLink],
    date: chrono::NaiveDate,
) -> Vec<crate::domain::EvidenceLink> {
    let justification: Text =
        crate::domain::text::one_line(form.value("justification").map_or("", Value::text)).into();
    let chosen = form
        .value("competences")
        .map(|v| v.multi().to_vec())
        .unwrap_or_default();
    evidence_links(chosen, &justification, old, date)
}

/// Links to the chosen competences (qualified ids): links kept from `old` keep their
/// strength and date (and their justification when none is given); new ones are
/// principale for the first, secondaire after, dated `date`. The forms and `carnet note`
/// link records this way.
pub fn evidence_links(
    chosen: Vec<Text>,
    justification: &Text,
    old: &[crate::domain::EvidenceLink],
    date: chrono::NaiveDate,
) -> Vec<crate::domain::EvidenceLink> {
    use crate::domain::{EvidenceLink, Strength};
    chosen
        .into_iter()
        .enumerate()
        .map(
            |(k, competence)| match old.iter().find(|e| e.competence == competence) {
                Some(e) => EvidenceLink {
                    justification: if justification.is_empty() {
                        e.justification.clone()
                    } else {
                        justification.clone()
                    },
                    ..e.clone()
                },
                None => EvidenceLink {
                    competence,
                    strength: if k == 0 {
                        Strength::Principale
                    } else {
                        Strength::Secondaire
                    },
                    justification: justification.clone(),
                    date,
                },
            },
        )
        .collect()
}

/// The "competences" and "justification" fields every evidence-linkable form ends with;
/// `suggested` (qualified ids) adds competences for a new record.
pub fn evidence_fields(evidence: &[crate::domain::EvidenceLink], suggested: &[Text]) -> [Field; 2] {
    // A new record created for a competence keeps it beside those its kind suggests.
    let mut chosen: Vec<Text> = evidence.iter().map(|e| e.competence.clone()).collect();
    for c in suggested {
        if !chosen.contains(c) {
            chosen.push(c.clone());
        }
    }
    let justification = evidence
        .iter()
        .map(|e| e.justification.as_str())
        .find(|j| !j.is_empty())
        .unwrap_or_default();
    [
        Field::competences("competences", chosen),
        Field::text("justification", justification).guarded(),
    ]
}
