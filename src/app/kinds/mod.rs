//! What the app knows about each record kind, one module per kind.
//!
//! Every kind of the list (`for_each_kind!`) implements [`Kind`]: how it is summarised as
//! evidence of a competence, and — for the kinds shown in the Réseau tab's record views
//! (veille, signalements, notes de territoire, événements de sécurité…) — a [`Listing`]: its
//! form as field specs (each field's id beside the record field it reads and writes), its
//! table columns and cells, its detail pane and its blank record. One generic form builder,
//! one reader, one list screen and one detail pane serve every listed kind.
//!
//! Nothing here draws: columns, cells and detail lines are data the `ui` renders.

pub mod analyse;
pub mod bilan;
pub mod cas;
pub mod contact;
pub mod evenement_securite;
pub mod exemple;
pub mod fiche;
pub mod interaction;
pub mod modele;
pub mod note;
pub mod profil;
pub mod projet;
pub mod rencontre;
pub mod seance;
pub mod signalement;
pub mod steps;
pub mod structure;
pub mod veille;

use super::form::{
    Field, FieldKind, Form, Options, Purpose, RefList, StructureRef, SuiviRef, Value,
    evidence_fields, read_evidence,
};
use crate::config::Config;
use crate::domain::validate::Validate;
use crate::domain::*;
use chrono::{NaiveDate, NaiveTime};

/// What the views of a kind may read: the records, the config, the UI language, and the
/// day (where a projet stands, how long a case has waited).
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub data: &'a Dataset,
    pub config: &'a Config,
    pub lang: Lang,
    pub today: NaiveDate,
}

impl<'a> Ctx<'a> {
    /// The label of a vocabulary id (the raw id when the config does not know it).
    pub fn label(&self, vocab: &str, id: &str) -> String {
        self.config
            .vocab
            .get(vocab)
            .map_or_else(|| id.to_string(), |v| v.label(id, self.lang).into_owned())
    }

    /// The labels of several ids, comma-separated.
    pub fn labels(&self, vocab: &str, ids: &[Text]) -> String {
        ids.iter()
            .map(|id| self.label(vocab, id))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The fewest cells a list's main text gets: at 80 columns a demande, a name or a title
/// shows at least 30 characters, and « … » when it goes on.
pub const MAIN_MIN: u16 = 31;

/// How wide a column of a list is, sized from the terminal's width when drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// Always this many cells (a date).
    Fixed(u16),
    /// As wide as its header and the rows on screen, at most this many cells.
    Fit(u16),
    /// A part (by weight) of what the main column leaves, never more than its content.
    Share(u16),
    /// The list's main text: at least this many cells, and at least half of what the
    /// fixed and fitted columns leave; it takes whatever the others do not need.
    Main(u16),
}

/// A column of a record list: its header's message id and its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub header: &'static str,
    pub width: Width,
}

impl Column {
    /// The date every record view starts with.
    pub const DATE: Column = Column::fixed("col-date", 10);

    pub const fn fixed(header: &'static str, cells: u16) -> Column {
        Column {
            header,
            width: Width::Fixed(cells),
        }
    }

    pub const fn fit(header: &'static str, max: u16) -> Column {
        Column {
            header,
            width: Width::Fit(max),
        }
    }

    pub const fn share(header: &'static str, weight: u16) -> Column {
        Column {
            header,
            width: Width::Share(weight),
        }
    }

    pub const fn main(header: &'static str) -> Column {
        Column {
            header,
            width: Width::Main(MAIN_MIN),
        }
    }
}

/// How a cell stands out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Something still to do (an open signalement).
    Strong,
    /// Something settled.
    Faint,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellText {
    pub text: String,
    pub tone: Tone,
}

impl CellText {
    pub fn plain(text: impl Into<String>) -> CellText {
        CellText {
            text: text.into(),
            tone: Tone::Plain,
        }
    }
}

/// One element of a record's detail pane; the ui turns each into lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// The pane's first line.
    Header(String),
    /// A labelled value (left out when empty); the label is a message id.
    Field(&'static str, String),
    /// A heading (message id) after a blank line, then its lines.
    Section(&'static str, Vec<String>),
    /// Free text, wrapped, after a blank line.
    Paragraph(String),
    /// A word of guidance (message id), wrapped and faint, after a blank line.
    Note(&'static str),
}

/// A record's list of vocabulary ids, however the record keeps it.
pub trait IdList {
    fn ids(&self) -> &[Text];
    fn set(&mut self, ids: &[Text]);
}

impl IdList for Vec<Text> {
    fn ids(&self) -> &[Text] {
        self
    }
    fn set(&mut self, ids: &[Text]) {
        *self = ids.to_vec();
    }
}

impl IdList for SharedList<Text> {
    fn ids(&self) -> &[Text] {
        self
    }
    fn set(&mut self, ids: &[Text]) {
        *self = ids.into();
    }
}

/// Where a form field's value lives in the record. One accessor serves reading the record
/// into the form and writing the form back.
pub enum Access<R> {
    /// One line of text.
    Line(fn(&mut R) -> &mut Text),
    /// Several lines of text.
    Long(fn(&mut R) -> &mut Text),
    /// A date, typed as the user likes (`27/11`, `hier`…).
    Date(fn(&mut R) -> &mut NaiveDate),
    /// A date that may stay empty.
    OptDate(fn(&mut R) -> &mut Option<NaiveDate>),
    /// One vocabulary id (empty when none is chosen).
    Choice(Options, fn(&mut R) -> &mut Text),
    /// One vocabulary id, or none.
    OptChoice(Options, fn(&mut R) -> &mut Option<Text>),
    /// Yes or no.
    Flag(fn(&mut R) -> &mut bool),
    /// Several vocabulary ids.
    Multi(Options, fn(&mut R) -> &mut dyn IdList),
    /// A structure of the network, named so the record stays readable if it goes.
    Structure(fn(&mut R) -> &mut Option<Lien>),
    /// A structure of the network by id only (none when it is gone).
    StructureId(fn(&mut R) -> &mut Option<Id>),
    /// Interactions of the journal.
    Interactions(fn(&mut R) -> &mut Vec<Id>),
    /// One interaction of the journal, or none.
    Interaction(fn(&mut R) -> &mut Option<Id>),
    /// Records of another kind (veille, fiches, analyses…), by id.
    Records(RecordKind, fn(&mut R) -> &mut Vec<Id>),
    /// Sources, one per line as « Titre — https://adresse » (known ones keep their
    /// consultation date; a malformed address is refused).
    Sources(fn(&mut R) -> &mut Vec<SourceDoc>),
    /// A time of day that may stay empty (`14h30`).
    Time(fn(&mut R) -> &mut Option<NaiveTime>),
    /// A duration in minutes, typed as `45`, `1h30`…
    Duration(fn(&mut R) -> &mut u16),
    /// Structures or contacts of the network, named so the record stays readable if they
    /// go (links to deleted ones are kept).
    Liens(RefList, fn(&mut R) -> &mut Vec<Lien>),
    /// The first suite à donner: its action (this field) and its due date (`echeance`).
    Suite(fn(&mut R) -> &mut Vec<Suite>),
    /// Fields only this kind has (several form fields read together, records created
    /// beside the record): how they are shown and how they are read.
    Own(OwnFields<R>),
}

/// A kind's own fields: `show` gives the form fields for the record; `read` writes them
/// back (problems set on the form), given the record as it was before the form.
pub struct OwnFields<R> {
    /// The fields for the record; `bool` is whether it is new.
    pub show: fn(&R, bool, &Ctx) -> Vec<Field>,
    pub read: fn(&mut Form, &mut R, &R, &mut Reading),
}

/// What reading a form may use: the records and config, the clock, whether the record is
/// new, and the ids for records created beside it (a structure named in an orientation).
pub struct Reading<'a> {
    pub data: &'a Dataset,
    pub config: &'a Config,
    pub today: NaiveDate,
    pub now: Timestamp,
    pub is_new: bool,
    pub ids: &'a mut IdGen,
    /// Records to save with the record read.
    pub created: Vec<AnyRecord>,
}

/// A field of a kind's form: its id (the label is `field-ID`), where its value lives, and
/// whether it is required or checked by the privacy guard.
pub struct FieldSpec<R> {
    pub id: &'static str,
    pub access: Access<R>,
    pub required: bool,
    pub guarded: bool,
}

impl<R> FieldSpec<R> {
    pub const fn new(id: &'static str, access: Access<R>) -> FieldSpec<R> {
        FieldSpec {
            id,
            access,
            required: false,
            guarded: false,
        }
    }

    pub const fn required(mut self) -> FieldSpec<R> {
        self.required = true;
        self
    }

    /// Free text the privacy guard reads before saving.
    pub const fn guarded(mut self) -> FieldSpec<R> {
        self.guarded = true;
        self
    }

    /// The form fields showing this spec's value in `record` (links to interactions that
    /// are gone are left out).
    fn fields(&self, record: &mut R, is_new: bool, ctx: &Ctx, out: &mut Vec<Field>) {
        let data = ctx.data;
        let lien_ids = |liens: &[Lien]| -> Vec<Text> {
            liens
                .iter()
                .filter_map(|l| l.id)
                .map(|id| id.to_string().into())
                .collect()
        };
        let interaction_ids = |ids: &mut dyn Iterator<Item = Id>| -> Vec<Text> {
            ids.filter(|&id| data.find::<Interaction>(id).is_some())
                .map(|id| id.to_string().into())
                .collect()
        };
        let field = match &self.access {
            Access::Line(get) => Field::text(self.id, get(record)),
            Access::Long(get) => Field::multiline(self.id, get(record)),
            Access::Date(get) => Field::typed(self.id, FieldKind::Date, &text::date(*get(record))),
            Access::OptDate(get) => {
                Field::typed(self.id, FieldKind::Date, &text::opt_date(*get(record)))
            }
            Access::Choice(options, get) => {
                let value = Some(get(record).clone()).filter(|v| !v.is_empty());
                Field::choice(self.id, *options, value)
            }
            Access::OptChoice(options, get) => Field::choice(
                self.id,
                *options,
                get(record).clone().filter(|v| !v.is_empty()),
            ),
            Access::Flag(get) => Field::flag(self.id, *get(record)),
            Access::Multi(options, get) => {
                Field::multi(self.id, *options, get(record).ids().to_vec())
            }
            Access::Structure(get) => {
                let value = get(record).as_ref().map(|l| match l.id {
                    Some(id) => StructureRef::Existing(id, l.nom.clone()),
                    None => StructureRef::New {
                        nom: l.nom.clone(),
                        typologie: "AUTRE".into(),
                    },
                });
                Field::structure(self.id, value)
            }
            Access::StructureId(get) => {
                let value = get(record).and_then(|id| {
                    data.structure(id)
                        .map(|s| StructureRef::Existing(id, s.nom.clone()))
                });
                // A structure missing from the network is created on the spot.
                Field::structure(self.id, value).creating()
            }
            Access::Interactions(get) => {
                let ids = interaction_ids(&mut get(record).iter().copied());
                Field::refs(self.id, RefList::Interactions, ids)
            }
            Access::Interaction(get) => {
                let ids = interaction_ids(&mut get(record).iter().copied());
                Field::refs(self.id, RefList::Interactions, ids)
            }
            Access::Records(kind, get) => {
                let ids = get(record)
                    .iter()
                    .filter(|&&id| data.index_of(*kind, id).is_some())
                    .map(|id| id.to_string().into())
                    .collect();
                Field::refs(self.id, RefList::Records(*kind), ids)
            }
            Access::Sources(get) => Field::multiline(self.id, &text::sources(get(record))),
            Access::Time(get) => Field::typed(
                self.id,
                FieldKind::Time,
                &get(record)
                    .map(|h| h.format("%H:%M").to_string())
                    .unwrap_or_default(),
            ),
            Access::Duration(get) => {
                Field::typed(self.id, FieldKind::Duration, &get(record).to_string())
            }
            Access::Liens(list, get) => Field::refs(self.id, *list, lien_ids(get(record))),
            Access::Suite(get) => {
                let suite = get(record).first();
                let due = Field::typed(
                    SUITE_DUE,
                    FieldKind::Date,
                    &text::opt_date(suite.and_then(|s| s.echeance)),
                );
                let action = Field::text(self.id, suite.map_or("", |s| s.action.as_str()));
                out.push(self.marked(action));
                out.push(due);
                return;
            }
            Access::Own(own) => {
                out.extend((own.show)(record, is_new, ctx));
                return;
            }
        };
        out.push(self.marked(field));
    }

    fn marked(&self, field: Field) -> Field {
        let field = if self.required {
            field.required()
        } else {
            field
        };
        if self.guarded { field.guarded() } else { field }
    }

    /// Writes the form's value into `record`; a problem is set on the form's field.
    fn read(&self, form: &mut Form, record: &mut R, base: &R, reading: &mut Reading) {
        if let Access::Own(own) = &self.access {
            return (own.read)(form, record, base, reading);
        }
        let today = reading.today;
        let Some(value) = form.value(self.id).cloned() else {
            return;
        };
        match &self.access {
            Access::Line(set) => *set(record) = text::one_line(value.text()).into(),
            Access::Long(set) => *set(record) = value.text().trim_end().into(),
            Access::Date(set) => match parse::date(value.text().trim(), today) {
                Ok(d) => *set(record) = d,
                Err(e) => form.set_error(self.id, e),
            },
            Access::OptDate(set) => match value.text().trim() {
                "" => *set(record) = None,
                raw => match parse::date(raw, today) {
                    Ok(d) => *set(record) = Some(d),
                    Err(e) => form.set_error(self.id, e),
                },
            },
            Access::Choice(_, set) => *set(record) = value.choice().cloned().unwrap_or_default(),
            Access::OptChoice(_, set) => *set(record) = value.choice().cloned(),
            Access::Flag(set) => *set(record) = value.flag(),
            Access::Multi(_, set) => set(record).set(value.multi()),
            Access::Structure(set) => {
                *set(record) = match value {
                    Value::Structure(Some(StructureRef::Existing(id, nom))) => {
                        Some(Lien { id: Some(id), nom })
                    }
                    Value::Structure(Some(StructureRef::New { nom, .. })) => {
                        Some(Lien { id: None, nom })
                    }
                    _ => None,
                }
            }
            Access::StructureId(set) => {
                *set(record) = match value {
                    Value::Structure(Some(StructureRef::Existing(id, _))) => Some(id),
                    Value::Structure(Some(StructureRef::New { nom, typologie })) => {
                        // Saved in the same commit as the record that names it.
                        let id = reading.ids.next(reading.now.0);
                        reading.created.push(AnyRecord::Structure(Box::new(
                            interaction::new_structure(id, reading.now, &nom, &typologie),
                        )));
                        Some(id)
                    }
                    _ => None,
                }
            }
            Access::Interactions(set) => *set(record) = form.ids(self.id),
            Access::Interaction(set) => *set(record) = form.ids(self.id).first().copied(),
            Access::Records(_, set) => *set(record) = form.ids(self.id),
            Access::Sources(set) => match parse::sources(value.text(), set(record), today) {
                Ok(sources) => *set(record) = sources,
                Err(_) => form.set_error(self.id, "err-url"),
            },
            Access::Time(set) => match value.text().trim() {
                "" => *set(record) = None,
                raw => match parse::time(raw) {
                    Ok(t) => *set(record) = Some(t),
                    Err(e) => form.set_error(self.id, e),
                },
            },
            Access::Duration(set) => match parse::duration(value.text().trim()) {
                Ok(d) => *set(record) = d,
                Err(e) => form.set_error(self.id, e),
            },
            Access::Liens(list, set) => {
                let data = reading.data;
                let name = |id| match list {
                    RefList::Structures => data.structure(id).map(|s| s.nom.clone()),
                    RefList::Contacts => data.find::<Contact>(id).map(|c| c.nom.clone()),
                    RefList::Interactions | RefList::Records(_) | RefList::One(_) => None,
                };
                // The record starts as it was: its links to deleted records are kept.
                let kept = std::mem::take(set(record));
                *set(record) = Lien::relink(form.ids(self.id), name, &kept);
            }
            Access::Suite(set) => {
                let action = text::one_line(value.text());
                let due = match form.value(SUITE_DUE).map_or("", Value::text).trim() {
                    "" => None,
                    raw => match parse::date(raw, today) {
                        Ok(d) => Some(d),
                        Err(e) => {
                            form.set_error(SUITE_DUE, e);
                            None
                        }
                    },
                };
                if action.is_empty() && due.is_some() {
                    form.set_error(self.id, "err-suite-action");
                }
                let suites = set(record);
                match (suites.is_empty(), action.is_empty()) {
                    (_, false) => {
                        let first = Suite {
                            action: action.into(),
                            echeance: due,
                            faite: suites.first().is_some_and(|s| s.faite),
                        };
                        match suites.first_mut() {
                            Some(s) => *s = first,
                            None => suites.push(first),
                        }
                    }
                    (false, true) => {
                        suites.remove(0);
                    }
                    (true, true) => {}
                }
            }
            Access::Own(_) => {}
        }
    }

    /// The vocabulary this field chooses from, if any.
    fn vocab(&self) -> Option<&'static str> {
        match &self.access {
            Access::Choice(Options::Vocab(name), _)
            | Access::OptChoice(Options::Vocab(name), _)
            | Access::Multi(Options::Vocab(name), _) => Some(name),
            _ => None,
        }
    }
}

/// A suivi as its form field shows it (its code, or its id when it is gone).
pub fn suivi_ref(ctx: &Ctx, id: Id) -> SuiviRef {
    let code = ctx
        .data
        .suivi(id)
        .map(|s| s.code.clone())
        .unwrap_or_else(|| id.to_string().into());
    SuiviRef::Existing(id, code)
}

/// The suivi a suivi field names: an existing one, or a new code, created beside the
/// record (with these thématiques).
pub fn read_suivi(value: Option<&Value>, r: &mut Reading, thematiques: &[Text]) -> Option<Id> {
    match value {
        Some(Value::Suivi(Some(SuiviRef::Existing(id, _)))) => Some(*id),
        Some(Value::Suivi(Some(SuiviRef::New(code)))) => {
            let id = r.ids.next(r.now.0);
            r.created.push(AnyRecord::Suivi(Box::new(Suivi {
                meta: RecordMeta::new(id, r.now),
                code: code.clone(),
                public: PublicAnonyme::default(),
                thematiques: thematiques.to_vec(),
                actif: true,
            })));
            Some(id)
        }
        _ => None,
    }
}

/// The id of the due date that follows a `Suite` field.
const SUITE_DUE: &str = "echeance";

/// A title counting settled records (message id with `count` and `resolved`), and which
/// records are settled.
pub type Done<R> = (&'static str, fn(&R) -> bool);

/// A form field whose value no two records share, and where the record keeps it.
pub type Unique<R> = (&'static str, fn(&R) -> &Text);

/// How a kind is listed and shown in the Réseau tab's record views.
pub struct Listing<R: 'static> {
    /// The view's stable name; its label is `view-NAME`.
    pub view: &'static str,
    /// Message id of the detail pane's title.
    pub detail_title: &'static str,
    pub columns: &'static [Column],
    pub cells: fn(&R, &Ctx) -> Vec<CellText>,
    pub detail: fn(&R, &Ctx) -> Vec<Detail>,
    /// The date the list is ordered by, newest first.
    pub date: fn(&R) -> NaiveDate,
    /// A title counting the records that are settled (`count`, `done`), and which are.
    pub done: Option<Done<R>>,
    /// Its form as field specs; `None` for a kind with a form of its own (`Kind::form`).
    pub form: Option<FormSpec<R>>,
}

impl<R> FormSpec<R> {
    /// A form of these fields, with nothing following from them.
    pub const fn new(
        (title_new, title_edit): (&'static str, &'static str),
        fields: &'static [FieldSpec<R>],
        blank: fn(RecordMeta, NaiveDate) -> R,
    ) -> FormSpec<R> {
        FormSpec {
            title_new,
            title_edit,
            fields,
            blank,
            after_read: None,
            unique: None,
            more_evidence: None,
            cadre_legal: false,
            evidence: true,
            suggest_on_edit: false,
            follows: None,
            reports: &[],
            saved: "status-record-saved",
        }
    }

    /// Suggests the kind's competences whenever the record has no evidence yet, not only
    /// when it is new (a fiche revised is documentation work too).
    pub const fn suggest_on_edit(mut self) -> FormSpec<R> {
        self.suggest_on_edit = true;
        self
    }

    /// The competences follow what is typed (an interaction's types) until the user
    /// chooses them.
    pub const fn competences_follow(mut self, f: fn(&Form, &Config) -> Vec<Text>) -> FormSpec<R> {
        self.follows = Some(f);
        self
    }

    /// Validation problems of these record fields are shown on these form fields.
    pub const fn reports(mut self, pairs: &'static [(&'static str, &'static str)]) -> FormSpec<R> {
        self.reports = pairs;
        self
    }

    pub const fn saved_as(mut self, message_id: &'static str) -> FormSpec<R> {
        self.saved = message_id;
        self
    }

    pub const fn without_evidence(mut self) -> FormSpec<R> {
        self.evidence = false;
        self
    }

    pub const fn after_read(mut self, f: fn(&mut R, &R, NaiveDate)) -> FormSpec<R> {
        self.after_read = Some(f);
        self
    }

    /// The field whose value names one record of the kind (any case, accents).
    pub const fn unique(mut self, field: &'static str, key: fn(&R) -> &Text) -> FormSpec<R> {
        self.unique = Some((field, key));
        self
    }

    pub const fn more_evidence(mut self, f: fn(&R) -> Vec<&'static str>) -> FormSpec<R> {
        self.more_evidence = Some(f);
        self
    }

    pub const fn with_cadre_legal(mut self) -> FormSpec<R> {
        self.cadre_legal = true;
        self
    }
}

/// A listed kind's form, read and written through field specs.
pub struct FormSpec<R: 'static> {
    /// Message ids of the new and edit forms' titles.
    pub title_new: &'static str,
    pub title_edit: &'static str,
    /// The form's fields, in order; the evidence fields follow them.
    pub fields: &'static [FieldSpec<R>],
    /// A new record as the form opens on it.
    pub blank: fn(RecordMeta, NaiveDate) -> R,
    /// What follows from the fields once read (a signalement's steps): the record, the
    /// record before the form, today.
    pub after_read: Option<fn(&mut R, &R, NaiveDate)>,
    /// A field no two records of the kind share (a modèle's name, by which it is chosen).
    pub unique: Option<Unique<R>>,
    /// Competences (ids within the référentiel) the record also shows, given what was
    /// written: added when the user left the competences as suggested.
    pub more_evidence: Option<fn(&R) -> Vec<&'static str>>,
    /// The form offers the « cadre légal » card (duties, emergency numbers).
    pub cadre_legal: bool,
    /// The form ends with the competences the record evidences (not for a Dossier
    /// Professionnel example, which draws on evidence instead).
    pub evidence: bool,
    /// Competences are suggested for a record edited without evidence, not only a new one.
    pub suggest_on_edit: bool,
    /// The competences suggested from what the form holds, followed until the user
    /// chooses them.
    pub follows: Option<fn(&Form, &Config) -> Vec<Text>>,
    /// (record field, form field) for validation problems of fields named otherwise.
    pub reports: &'static [(&'static str, &'static str)],
    /// Message id of the status once saved.
    pub saved: &'static str,
}

/// What the app knows about one kind.
pub trait Kind: Record + Validate + 'static {
    /// Its record view in the Réseau tab, for kinds without a screen of their own.
    fn listing() -> Option<&'static Listing<Self>> {
        None
    }

    /// Its form as field specs: a listed kind's comes with its listing; a kind with a
    /// screen of its own (an analyse de pratique) may give one too.
    fn form_spec() -> Option<&'static FormSpec<Self>> {
        Self::listing().and_then(|l| l.form.as_ref())
    }

    /// Offered when linking records to a competence.
    const EVIDENCE: bool = false;

    /// The record's date and one line naming it, to list it as evidence; `None` for kinds
    /// never shown as evidence.
    fn summary(&self, _ctx: &Ctx) -> Option<(NaiveDate, String)> {
        None
    }
}

/// Plan nodes are edited in place, in the plan de classement.
impl Kind for PlanNode {}

/// Put off from « à relancer » with one key, never edited in a form.
impl Kind for RelanceReportee {}

/// A new record of a kind with a form spec, as its form opens on it.
pub fn blank<R: Kind>(meta: RecordMeta, today: NaiveDate) -> Option<R> {
    R::form_spec().map(|f| (f.blank)(meta, today))
}

/// The day a record without a date of its own (a fiche, a structure) was created.
pub fn created(meta: &RecordMeta) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp_millis(meta.created_at.0).map(|d| d.date_naive())
}

/// Competences suggested for a new record of a kind (`suggestions_preuves` in the
/// vocabularies), qualified by the référentiel.
pub fn suggest(config: &Config, is_new: bool, kind: RecordKind) -> Vec<Text> {
    if !is_new {
        return Vec::new();
    }
    config
        .vocab
        .suggestions_preuves
        .get(kind.name())
        .map(|e| {
            e.competences
                .iter()
                .map(|c| config.referentiel.qualify(c).into())
                .collect()
        })
        .unwrap_or_default()
}

fn form_of<R: Kind>(spec: &FormSpec<R>, record: &R, is_new: bool, ctx: &Ctx) -> Form {
    let mut fields = fields_of(spec.fields, record, is_new, ctx);
    if spec.evidence {
        let suggested = match spec.follows {
            Some(_) => Vec::new(),
            None => suggest(ctx.config, is_new || spec.suggest_on_edit, R::KIND),
        };
        fields.extend(evidence_fields(&record.meta().evidence, &suggested));
    }
    let mut form = Form::new(
        Purpose::Record {
            base: Box::new(record.clone().into_any()),
            is_new,
        },
        if is_new {
            spec.title_new
        } else {
            spec.title_edit
        },
        fields,
    );
    if spec.follows.is_some() {
        form.competences_touched = !record.meta().evidence.is_empty();
    }
    form
}

/// The form fields of `specs` showing `record` (a kind's form, or part of a record such as
/// a structure's service).
pub fn fields_of<R: Clone>(
    specs: &[FieldSpec<R>],
    record: &R,
    is_new: bool,
    ctx: &Ctx,
) -> Vec<Field> {
    let mut scratch = record.clone();
    let mut fields = Vec::new();
    for spec in specs {
        spec.fields(&mut scratch, is_new, ctx, &mut fields);
    }
    fields
}

/// Reads the fields of `specs` over `record`, which holds what the form started from;
/// false, with the problems set on the form, when something is wrong.
pub fn read_fields<R: Clone>(
    specs: &[FieldSpec<R>],
    form: &mut Form,
    record: &mut R,
    reading: &mut Reading,
) -> bool {
    form.check_required();
    let base = record.clone();
    for field in specs {
        field.read(form, record, &base, reading);
    }
    !form.focus_first_error()
}

/// Reads a listed kind's form over `base`: each field, then what follows, the evidence, the
/// rules. `None`, with the problems set on the form, when something is wrong.
fn read_of<R: Kind>(
    spec: &FormSpec<R>,
    form: &mut Form,
    base: &R,
    reading: &mut Reading,
) -> Option<R> {
    let mut record = base.clone();
    if !read_fields(spec.fields, form, &mut record, reading) {
        return None;
    }
    if let Some(after) = spec.after_read {
        after(&mut record, base, reading.today);
    }
    if spec.evidence {
        read_record_evidence(spec, form, base, &mut record, reading.config, reading.today);
    }
    record.meta_mut().updated_at = reading.now;
    record.normalize();
    for e in record.validate() {
        let field = spec
            .reports
            .iter()
            .find(|(of, _)| *of == e.field)
            .map_or(e.field, |(_, on)| on);
        form.set_error(field, e.message);
    }
    if let Some((field, key)) = spec.unique {
        let name = crate::domain::text::fold(key(&record).trim());
        let taken = R::list(reading.data).iter().any(|other| {
            other.meta().id != record.meta().id
                && crate::domain::text::fold(key(other).trim()) == name
        });
        if taken {
            form.set_error(field, "err-name-taken");
        }
    }
    (!form.focus_first_error()).then_some(record)
}

/// The record's evidence from the form's competences and justification, dated like the
/// record (its "date" field, else today), with what its content adds.
fn read_record_evidence<R: Kind>(
    spec: &FormSpec<R>,
    form: &Form,
    base: &R,
    record: &mut R,
    config: &Config,
    today: NaiveDate,
) {
    // New evidence is dated like the record (its "date" field), else today.
    let date = spec
        .fields
        .iter()
        .find_map(|f| match f.access {
            Access::Date(get) if f.id == "date" => Some(*get(record)),
            _ => None,
        })
        .unwrap_or(today);
    record.meta_mut().evidence = read_evidence(form, &base.meta().evidence, date);
    if let Some(more) = spec.more_evidence
        && !form.competences_touched
    {
        for id in more(record) {
            let competence: Text = config.referentiel.qualify(id).into();
            let evidence = &mut record.meta_mut().evidence;
            if evidence.iter().all(|e| e.competence != competence) {
                evidence.push(EvidenceLink {
                    competence,
                    strength: if evidence.is_empty() {
                        Strength::Principale
                    } else {
                        Strength::Secondaire
                    },
                    justification: Text::default(),
                    date,
                });
            }
        }
    }
}

/// Vocabulary ids `record` holds in the fields of `specs` that the config does not know.
pub fn unknown_in<R: Clone>(
    specs: &[FieldSpec<R>],
    record: &R,
    config: &Config,
    found: &mut dyn FnMut(&'static str, &str),
) {
    let mut scratch = record.clone();
    for spec in specs {
        let Some(name) = spec.vocab() else { continue };
        let Some(v) = config.vocab.get(name) else {
            continue;
        };
        let ids: Vec<Text> = match &spec.access {
            Access::Choice(_, get) => vec![get(&mut scratch).clone()],
            Access::OptChoice(_, get) => get(&mut scratch).iter().cloned().collect(),
            Access::Multi(_, get) => get(&mut scratch).ids().to_vec(),
            _ => Vec::new(),
        };
        for id in ids.iter().filter(|id| !id.is_empty() && !v.contains(id)) {
            found(name, id);
        }
    }
}

/// A listed kind's view: what the ui needs to draw its list and the selected record.
pub struct RecordView {
    pub columns: &'static [Column],
    pub detail_title: &'static str,
    /// The title's message id and its `done` count, when the kind counts settled records.
    pub done: Option<(&'static str, usize)>,
}

macro_rules! dispatch {
    ($($t:ident => $field:ident),+ $(,)?) => {
        /// The kinds with a record view in the Réseau tab, in the list's order.
        pub fn listed() -> Vec<RecordKind> {
            let mut kinds = Vec::new();
            $(if <$t as Kind>::listing().is_some() {
                kinds.push(RecordKind::$t);
            })+
            kinds
        }

        /// Whether records of a kind are created in a form of their own spec (what
        /// `new_form` opens).
        pub fn has_form(kind: RecordKind) -> bool {
            match kind {
                $(RecordKind::$t => <$t as Kind>::form_spec().is_some()),+
            }
        }

        /// Whether a form offers the « cadre légal » card.
        pub fn offers_cadre_legal(form: &Form) -> bool {
            let Purpose::Record { base, .. } = &form.purpose else {
                return false;
            };
            match base.kind() {
                $(RecordKind::$t => <$t as Kind>::form_spec().is_some_and(|f| f.cadre_legal)),+
            }
        }

        /// The stable name of a listed kind's view.
        pub fn view_name(kind: RecordKind) -> Option<&'static str> {
            match kind {
                $(RecordKind::$t => <$t as Kind>::listing().map(|l| l.view)),+
            }
        }

        /// A listed kind's records, newest first (indexes into its list).
        pub fn order(data: &Dataset, kind: RecordKind) -> Vec<usize> {
            match kind {
                $(RecordKind::$t => <$t as Kind>::listing()
                    .map(|l| super::views::newest_first(&data.$field, l.date))
                    .unwrap_or_default()),+
            }
        }

        pub fn view(data: &Dataset, kind: RecordKind) -> Option<RecordView> {
            match kind {
                $(RecordKind::$t => <$t as Kind>::listing().map(|l| RecordView {
                    columns: l.columns,
                    detail_title: l.detail_title,
                    done: l.done.map(|(title, done)| {
                        (title, data.$field.iter().filter(|r| done(r)).count())
                    }),
                })),+
            }
        }

        /// The cells of record `i` (in its list) of a listed kind.
        pub fn cells(ctx: &Ctx, kind: RecordKind, i: usize) -> Vec<CellText> {
            match kind {
                $(RecordKind::$t => match (<$t as Kind>::listing(), ctx.data.$field.get(i)) {
                    (Some(l), Some(r)) => (l.cells)(r, ctx),
                    _ => Vec::new(),
                }),+
            }
        }

        /// The detail pane of record `i` of a listed kind, and its evidence links.
        pub fn detail<'a>(
            ctx: &Ctx<'a>,
            kind: RecordKind,
            i: usize,
        ) -> Option<(Vec<Detail>, &'a RecordMeta)> {
            match kind {
                $(RecordKind::$t => {
                    let (l, r) = (<$t as Kind>::listing()?, ctx.data.$field.get(i)?);
                    Some(((l.detail)(r, ctx), r.meta()))
                }),+
            }
        }

        /// The form for a new record of a kind with a form spec (`None` when its form is
        /// its own).
        pub fn new_form(
            kind: RecordKind,
            meta: RecordMeta,
            today: NaiveDate,
            ctx: &Ctx,
        ) -> Option<Form> {
            match kind {
                $(RecordKind::$t => <$t as Kind>::form_spec()
                    .map(|f| form_of(f, &(f.blank)(meta, today), true, ctx))),+
            }
        }

        /// The form that edits any record.
        pub fn form(record: &AnyRecord, is_new: bool, ctx: &Ctx) -> Option<Form> {
            match record {
                $(AnyRecord::$t(r) => <$t as Kind>::form_spec()
                    .map(|f| form_of(f, r, is_new, ctx))),+
            }
        }

        /// The status message once a form of `Purpose::Record` is saved.
        pub fn saved_message(form: &Form) -> &'static str {
            let Purpose::Record { base, .. } = &form.purpose else {
                return "status-record-saved";
            };
            match base.kind() {
                $(RecordKind::$t => <$t as Kind>::form_spec()
                    .map_or("status-record-saved", |f| f.saved)),+
            }
        }

        /// Reads a form of `Purpose::Record` back into its record; records to create
        /// beside it are left in `reading.created`.
        pub fn read(form: &mut Form, reading: &mut Reading) -> Option<AnyRecord> {
            let Purpose::Record { base, .. } = &form.purpose else {
                return None;
            };
            match base.as_ref().clone() {
                $(AnyRecord::$t(r) => {
                    let spec = <$t as Kind>::form_spec()?;
                    read_of(spec, form, &r, reading).map(Record::into_any)
                }),+
            }
        }

        /// The competences a form suggests from what it holds now, for a kind whose
        /// competences follow its fields (`None` otherwise).
        pub fn following(form: &Form, config: &Config) -> Option<Vec<Text>> {
            let Purpose::Record { base, .. } = &form.purpose else {
                return None;
            };
            match base.kind() {
                $(RecordKind::$t => <$t as Kind>::form_spec()?.follows.map(|f| f(form, config))),+
            }
        }

        /// The date and one-line summary of a record shown as evidence.
        pub fn summary(ctx: &Ctx, kind: RecordKind, id: Id) -> Option<(NaiveDate, String)> {
            match kind {
                $(RecordKind::$t => ctx.data.find::<$t>(id)?.summary(ctx)),+
            }
        }

        /// The records of a kind with their date and summary (none for kinds never shown
        /// as evidence): what a picker of such records lists.
        pub fn summaries(ctx: &Ctx, kind: RecordKind) -> Vec<(NaiveDate, Id, String)> {
            match kind {
                $(RecordKind::$t => ctx
                    .data
                    .$field
                    .iter()
                    .filter_map(|r| r.summary(ctx).map(|(date, what)| (date, r.id(), what)))
                    .collect()),+
            }
        }

        /// Records not yet linked to `competence` that may be: (date, kind, id).
        pub fn evidence_candidates(
            ctx: &Ctx,
            competence: &str,
        ) -> Vec<(NaiveDate, RecordKind, Id)> {
            let mut out = Vec::new();
            $(if <$t as Kind>::EVIDENCE {
                for r in &ctx.data.$field {
                    if r.meta().evidence.iter().all(|e| e.competence != competence)
                        && let Some((date, _)) = r.summary(ctx)
                    {
                        out.push((date, RecordKind::$t, r.id()));
                    }
                }
            })+
            out
        }

        /// Vocabulary ids the kinds' records hold that the config does not know:
        /// (vocabulary, id), once per record field.
        pub fn unknown_ids(data: &Dataset, config: &Config, found: &mut dyn FnMut(&'static str, &str)) {
            $(if let Some(f) = <$t as Kind>::form_spec() {
                for r in &data.$field {
                    unknown_in(f.fields, r, config, found);
                }
            })+
        }
    };
}

crate::for_each_kind!(dispatch);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_spec_names_a_vocabulary_the_config_has() {
        let config = Config::builtin(Lang::Fr).unwrap();
        macro_rules! check {
            ($($t:ident => $field:ident),+ $(,)?) => {$(
                if let Some(f) = <$t as Kind>::form_spec() {
                    for spec in f.fields {
                        if let Some(name) = spec.vocab() {
                            assert!(
                                config.vocab.get(name).is_some_and(|v| !v.entries.is_empty()),
                                "{}: unknown vocabulary {name}",
                                stringify!($t)
                            );
                        }
                    }
                }
            )+};
        }
        crate::for_each_kind!(check);
    }

    #[test]
    fn ids_the_config_lacks_are_found_in_every_listed_kind() {
        let config = Config::builtin(Lang::Fr).unwrap();
        let mut data = Dataset::default();
        let meta = |n| RecordMeta::new(Id(n), Timestamp(0));
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mut veille: Veille = blank(meta(1), today).unwrap();
        veille.fiabilite = "ragot".into();
        data.veille.push(veille);
        let mut event: EvenementSecurite = blank(meta(2), today).unwrap();
        event.actions = vec!["mise_en_securite".into(), "teleportation".into()];
        data.evenements_securite.push(event);
        let mut found = Vec::new();
        unknown_ids(&data, &config, &mut |list, id| {
            found.push((list, id.to_string()))
        });
        assert_eq!(
            found,
            [
                ("fiabilites", "ragot".to_string()),
                ("actions_securite", "teleportation".to_string())
            ]
        );
    }
}
