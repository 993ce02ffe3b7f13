//! The records Carnet keeps. No field can hold the name, phone or address of
//! a person helped: people appear as anonymous counts or as a pseudonymous suivi code.
//!
//! These shapes are encoded with bincode, which is not self-describing: any change to a
//! stored shape needs a new schema version in `storage::codec` (see the note there).

use super::Bilan;
use super::CasMediation;
use super::EvenementSecurite;
use super::Modele;
use super::RelanceReportee;
use super::hash::Fx;
use super::id::{Id, Timestamp};
use super::{Projet, Seance};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// Text of records: strings up to 24 bytes (vocabulary ids, names, codes) live inline, so a
/// store of 100,000 interactions does not pay a heap allocation per id.
pub type Text = compact_str::CompactString;

/// A list records share in memory when they hold the same one (an interaction's types,
/// thématiques, réponses, attribute counts): a store loads each distinct list once, through
/// a [`ListPool`]. It is stored and exported exactly as a list.
pub type SharedList<T> = std::sync::Arc<[T]>;

/// The lists already met while loading records, to share the next equal one instead of
/// keeping a copy: a journal repeats a few hundred combinations of vocabulary ids across
/// 100,000 interactions (~30 MB saved).
#[derive(Default)]
pub struct ListPool {
    codes: std::collections::HashSet<SharedList<Text>, Fx>,
    attributs: std::collections::HashSet<SharedList<AttributCount>, Fx>,
}

impl ListPool {
    fn share<T: Eq + std::hash::Hash>(
        seen: &mut std::collections::HashSet<SharedList<T>, Fx>,
        list: &mut SharedList<T>,
    ) {
        match seen.get(&**list) {
            Some(known) => *list = std::sync::Arc::clone(known),
            None => {
                seen.insert(std::sync::Arc::clone(list));
            }
        }
    }
}

/// A field most records leave empty, kept behind a pointer: 8 bytes when empty instead of
/// the value's own 24 (every record's tags, an interaction's suites and private note).
/// Reads see the value (empty when absent); it is stored and exported exactly as the value.
#[derive(Clone, Default)]
pub struct Rare<T: RareValue>(Option<Box<T>>);

/// A value a [`Rare`] can hold: one with a shared empty value to read when absent.
pub trait RareValue: PartialEq + Sized + 'static {
    fn empty() -> &'static Self;
    fn is_empty(&self) -> bool;
}

impl RareValue for Text {
    fn empty() -> &'static Text {
        static EMPTY: Text = Text::const_new("");
        &EMPTY
    }
    fn is_empty(&self) -> bool {
        Text::is_empty(self)
    }
}

/// Lists as rare values (a static cannot be generic, hence one per item type).
macro_rules! rare_lists {
    ($($item:ty),+) => {$(
        impl RareValue for Vec<$item> {
            fn empty() -> &'static Vec<$item> {
                static EMPTY: Vec<$item> = Vec::new();
                &EMPTY
            }
            fn is_empty(&self) -> bool {
                Vec::is_empty(self)
            }
        }
    )+};
}

rare_lists!(Suite, Text);

impl<T: RareValue> Rare<T> {
    /// The value to change in place, when there is one.
    pub fn present_mut(&mut self) -> Option<&mut T> {
        self.0.as_deref_mut()
    }

    /// The value to change, made present if it was not.
    pub fn make_mut(&mut self) -> &mut T
    where
        T: Default,
    {
        self.0.get_or_insert_with(Box::default)
    }
}

impl<T: RareValue> From<T> for Rare<T> {
    fn from(value: T) -> Rare<T> {
        Rare((!value.is_empty()).then(|| Box::new(value)))
    }
}

impl From<&str> for Rare<Text> {
    fn from(text: &str) -> Rare<Text> {
        Rare::from(Text::from(text))
    }
}

impl<T: RareValue> std::ops::Deref for Rare<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0.as_deref().unwrap_or_else(|| T::empty())
    }
}

impl<T: RareValue> PartialEq for Rare<T> {
    fn eq(&self, other: &Rare<T>) -> bool {
        **self == **other
    }
}

impl<T: RareValue + std::fmt::Debug> std::fmt::Debug for Rare<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: RareValue + Serialize> Serialize for Rare<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

impl<'de, T: RareValue + Deserialize<'de>> Deserialize<'de> for Rare<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Rare<T>, D::Error> {
        T::deserialize(deserializer).map(Rare::from)
    }
}

/// What every record carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordMeta {
    pub id: Id,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub tags: Rare<Vec<Text>>,
    pub evidence: Vec<EvidenceLink>,
}

impl RecordMeta {
    pub fn new(id: Id, now: Timestamp) -> RecordMeta {
        RecordMeta {
            id,
            created_at: now,
            updated_at: now,
            tags: Rare::default(),
            evidence: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Principale,
    Secondaire,
}

/// A record shown as evidence of a competence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceLink {
    /// Qualified competence id, e.g. `tms-2004/CCP2.C3`.
    pub competence: Text,
    pub strength: Strength,
    pub justification: Text,
    pub date: NaiveDate,
}

/// Anonymous description of the person(s) met: a count and, per attribute dimension
/// (tranche d'âge, genre, statut, résidence), how many persons had each value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PublicAnonyme {
    pub nombre: u16,
    pub attributs: SharedList<AttributCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributCount {
    /// Vocabulary name: `tranches_age`, `genres`, `statuts` or `residences`.
    pub dimension: Text,
    pub valeur: Text,
    pub nombre: u16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Personnes {
    Anonyme(PublicAnonyme),
    Suivi(Id),
}

impl Personnes {
    pub fn count(&self) -> u16 {
        match self {
            Personnes::Anonyme(p) => p.nombre,
            Personnes::Suivi(_) => 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suite {
    pub action: Text,
    pub echeance: Option<NaiveDate>,
    pub faite: bool,
}

/// A link to a record of the network that keeps its name, so the record that holds it stays
/// readable if the target is deleted (the id then becomes `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lien {
    pub id: Option<Id>,
    pub nom: Text,
}

impl Lien {
    /// Links to the chosen records, named now, followed by the links of `kept` whose
    /// record was deleted (they keep their name).
    pub fn relink(ids: Vec<Id>, name: impl Fn(Id) -> Option<Text>, kept: &[Lien]) -> Vec<Lien> {
        ids.into_iter()
            .map(|id| Lien {
                id: Some(id),
                nom: name(id).unwrap_or_default(),
            })
            .chain(kept.iter().filter(|l| l.id.is_none()).cloned())
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Orientation {
    /// The structure of the network, when it is one.
    pub structure: Option<Id>,
    /// The structure's name at the time, kept so the record stays readable if it is deleted.
    pub nom: Text,
    /// Outcome id (`issues_orientation`), when known.
    pub issue: Option<Text>,
}

/// An interaction's date and time, written as chrono writes them and read faster: a
/// journal's load reads 100,000 of each, and chrono's general parser was a tenth of
/// decoding them. Plain `YYYY-MM-DD` and `HH:MM:SS` are read here; anything else goes to
/// chrono, which accepts or refuses it as before.
mod iso {
    use chrono::{NaiveDate, NaiveTime};
    use serde::de::{self, Deserializer, Visitor};

    /// The numbers of `text`, when it is exactly digits of these widths with `sep`
    /// between them.
    fn numbers<const N: usize>(text: &[u8], sep: u8, widths: [usize; N]) -> Option<[u32; N]> {
        let mut out = [0; N];
        let mut at = 0;
        for (k, width) in widths.into_iter().enumerate() {
            if k > 0 {
                (text.get(at) == Some(&sep)).then_some(())?;
                at += 1;
            }
            for &b in text.get(at..at + width)? {
                out[k] = out[k] * 10 + u32::from(b.checked_sub(b'0').filter(|d| *d < 10)?);
            }
            at += width;
        }
        (at == text.len()).then_some(out)
    }

    struct Date;

    impl Visitor<'_> for Date {
        type Value = NaiveDate;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a date as YYYY-MM-DD")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
            numbers(v.as_bytes(), b'-', [4, 2, 2])
                .and_then(|[y, m, d]| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d))
                .map_or_else(|| v.parse().map_err(E::custom), Ok)
        }
    }

    struct Time;

    impl Visitor<'_> for Time {
        type Value = NaiveTime;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a time as HH:MM:SS")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveTime, E> {
            numbers(v.as_bytes(), b':', [2, 2, 2])
                .and_then(|[h, m, s]| NaiveTime::from_hms_opt(h, m, s))
                .map_or_else(|| v.parse().map_err(E::custom), Ok)
        }
    }

    struct SomeTime;

    impl<'de> Visitor<'de> for SomeTime {
        type Value = Option<NaiveTime>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a time as HH:MM:SS, or none")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(Time).map(Some)
        }
    }

    pub mod date {
        use chrono::NaiveDate;
        use serde::{Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
            date.serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
            d.deserialize_str(super::Date)
        }
    }

    pub mod time {
        use chrono::NaiveTime;
        use serde::{Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(time: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
            time.serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
            d.deserialize_option(super::SomeTime)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interaction {
    pub meta: RecordMeta,
    #[serde(with = "iso::date")]
    pub date: NaiveDate,
    #[serde(default, with = "iso::time")]
    pub heure: Option<NaiveTime>,
    pub duree_min: u16,
    pub types: SharedList<Text>,
    pub canal: Text,
    pub lieu: Text,
    pub quartier: Text,
    pub personnes: Personnes,
    pub thematiques: SharedList<Text>,
    pub demande: Text,
    pub besoin: Text,
    pub reponses: SharedList<Text>,
    pub orientation: Option<Box<Orientation>>,
    pub autonomie: Option<Text>,
    pub premier_contact: bool,
    pub suites: Rare<Vec<Suite>>,
    pub note_pro: Text,
    /// Never exported, never shown outside the record's own detail.
    pub note_privee: Rare<Text>,
}

/// The canal of a first interaction, before there is a previous one to copy.
pub const DEFAULT_CANAL: &str = "accueil_spontane";
pub const DEFAULT_DURATION_MIN: u16 = 30;

impl Interaction {
    /// Shares this interaction's lists with the equal ones `pool` has met.
    pub fn share_lists(&mut self, pool: &mut ListPool) {
        for list in [&mut self.types, &mut self.thematiques, &mut self.reponses] {
            ListPool::share(&mut pool.codes, list);
        }
        if let Personnes::Anonyme(p) = &mut self.personnes {
            ListPool::share(&mut pool.attributs, &mut p.attributs);
        }
    }

    /// A new interaction with the defaults a mediator expects: the given moment, 30 minutes,
    /// one anonymous person, and the canal, lieu and quartier of the previous interaction.
    pub fn blank(
        meta: RecordMeta,
        date: NaiveDate,
        heure: NaiveTime,
        previous: Option<&Interaction>,
    ) -> Interaction {
        Interaction {
            meta,
            date,
            heure: Some(heure),
            duree_min: DEFAULT_DURATION_MIN,
            types: SharedList::default(),
            canal: previous.map_or_else(|| DEFAULT_CANAL.into(), |p| p.canal.clone()),
            lieu: previous.map(|p| p.lieu.clone()).unwrap_or_default(),
            quartier: previous.map(|p| p.quartier.clone()).unwrap_or_default(),
            personnes: Personnes::Anonyme(PublicAnonyme {
                nombre: 1,
                attributs: SharedList::default(),
            }),
            thematiques: SharedList::default(),
            demande: Text::default(),
            besoin: Text::default(),
            reponses: SharedList::default(),
            orientation: None,
            autonomie: None,
            premier_contact: false,
            suites: Rare::default(),
            note_pro: Text::default(),
            note_privee: Rare::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suivi {
    pub meta: RecordMeta,
    /// Pseudonymous code such as `P-2026-017`.
    pub code: Text,
    pub public: PublicAnonyme,
    pub thematiques: Vec<Text>,
    pub actif: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub type_service: Text,
    pub thematiques: Vec<Text>,
    pub conditions: Text,
    pub frais: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Structure {
    pub meta: RecordMeta,
    pub nom: Text,
    pub typologies: Vec<Text>,
    pub adresse: Text,
    pub commune: Text,
    pub quartier: Text,
    pub telephone: Text,
    pub courriel: Text,
    pub site: Text,
    pub horaires: Text,
    pub services: Vec<Service>,
    pub publics: Text,
    pub niveau_relation: Text,
    pub date_verification: Option<NaiveDate>,
    pub notes: Text,
}

/// A professional in a structure of the network (never a person helped).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub meta: RecordMeta,
    pub structure: Id,
    pub nom: Text,
    pub fonction: Text,
    pub telephone: Text,
    pub courriel: Text,
    pub canal_prefere: Option<Text>,
    pub actif: bool,
    pub date_verification: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rencontre {
    pub meta: RecordMeta,
    pub date: NaiveDate,
    pub duree_min: u16,
    pub type_rencontre: Text,
    pub initiative: Text,
    pub structures: Vec<Lien>,
    pub contacts: Vec<Lien>,
    pub objet: Text,
    pub compte_rendu: Text,
    pub suites: Vec<Suite>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Veille {
    pub meta: RecordMeta,
    pub date: NaiveDate,
    pub source_type: Text,
    pub source: Text,
    pub fiabilite: Text,
    pub thematiques: Vec<Text>,
    pub resume: Text,
    pub diffusion: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    pub titre: Text,
    pub url: Text,
    pub consultee: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    pub date: Timestamp,
    pub resume: Text,
    pub contenu_precedent: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fiche {
    pub meta: RecordMeta,
    pub titre: Text,
    pub type_fiche: Text,
    pub thematiques: Vec<Text>,
    /// Markdown.
    pub contenu: Text,
    pub sources: Vec<SourceDoc>,
    /// Node id of the plan de classement.
    pub classement: Text,
    pub statut: Text,
    pub date_verification: Option<NaiveDate>,
    pub date_revision: Option<NaiveDate>,
    pub revisions: Vec<Revision>,
    pub structures: Vec<Lien>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Analyse {
    pub meta: RecordMeta,
    pub date: NaiveDate,
    pub interaction: Option<Id>,
    pub format: Text,
    pub situation: Text,
    pub ce_que_jai_fait: Text,
    pub ressenti: Text,
    pub analyse_posture: Text,
    pub autrement: Text,
    pub retenu: Text,
}

/// A technical dysfunction reported to the structure in charge (a lift, a street light): a place, never
/// a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signalement {
    pub meta: RecordMeta,
    pub date: NaiveDate,
    pub lieu: Text,
    pub categorie: Text,
    pub description: Text,
    pub destinataire: Option<Lien>,
    pub statut: Text,
    /// Each change of status, oldest first.
    pub etapes: Vec<Etape>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Etape {
    pub date: NaiveDate,
    pub statut: Text,
}

/// What the mediator learns of the territory's history and life (CCP1.C1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteTerritoire {
    pub meta: RecordMeta,
    pub date: NaiveDate,
    pub territoire: Text,
    pub theme: Text,
    pub periode: Text,
    pub texte: Text,
    pub sources: Vec<SourceDoc>,
}

/// A change the team made to the plan de classement: a new node, or a node of the default
/// plan renamed, moved or removed. The plan shown is the config's plan with these applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanNode {
    pub meta: RecordMeta,
    /// The node's id, as fiches refer to it.
    pub code: Text,
    pub parent: Option<Text>,
    pub libelle: Text,
    /// Removed (only ever set on a node that holds no fiche and no child).
    pub supprime: bool,
}

/// Who keeps this carnet, for the Dossier Professionnel and the certification countdown. A
/// store holds at most one live profil: the newest. No identity here: the name on the
/// dossier's cover is typed at export time and never stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profil {
    pub meta: RecordMeta,
    /// salarie, stagiaire or vae.
    pub role: Text,
    /// The employer or training placement, from the network.
    pub employeur: Option<Id>,
    /// « Chantier, atelier, service » on the dossier.
    pub service: Text,
    pub periode_debut: Option<NaiveDate>,
    pub periode_fin: Option<NaiveDate>,
    pub date_ecf: Option<NaiveDate>,
    pub date_remise_dp: Option<NaiveDate>,
    pub date_jury: Option<NaiveDate>,
}

/// A record an example of the Dossier Professionnel was drafted from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// `RecordKind::name()` of the record.
    pub kind: Text,
    pub id: Id,
}

/// A sharing warning the user read and accepted for this example (field and matched text),
/// so the export's anonymisation gate does not ask again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptedWarning {
    pub field: Text,
    pub matched: Text,
}

/// An example of professional practice for the Dossier Professionnel: 1 to 3
/// per CCP, five rubriques, written in the first person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exemple {
    pub meta: RecordMeta,
    /// Qualified CCP id, e.g. `tms-2004/CCP1`.
    pub ccp: Text,
    /// Order within the CCP, from 1.
    pub rang: u8,
    pub titre: Text,
    pub taches: Text,
    pub moyens: Text,
    pub avec_qui: Text,
    pub entreprise: Text,
    pub service: Text,
    pub du: Option<NaiveDate>,
    pub au: Option<NaiveDate>,
    pub infos: Text,
    pub sources: Vec<SourceRef>,
    pub accepted: Vec<AcceptedWarning>,
}

/// The plan de classement in effect: the config's nodes with the team's changes, in tree
/// order (each node followed by its children).
pub fn effective_plan(base: &super::Vocabulary, changes: &[PlanNode]) -> super::Vocabulary {
    use super::VocabEntry;
    let mut entries: Vec<VocabEntry> = base.entries.clone();
    for change in changes {
        match entries.iter_mut().find(|e| e.id == change.code.as_str()) {
            Some(e) => {
                e.fr = change.libelle.to_string();
                e.en = change.libelle.to_string();
                e.parent = change.parent.as_ref().map(Text::to_string);
            }
            None => entries.push(VocabEntry {
                id: change.code.to_string(),
                fr: change.libelle.to_string(),
                en: change.libelle.to_string(),
                registre: None,
                competences: Vec::new(),
                cadence_jours: None,
                parent: change.parent.as_ref().map(Text::to_string),
                montre: Vec::new(),
                recit: None,
            }),
        }
    }
    entries.retain(|e| {
        !changes
            .iter()
            .any(|c| c.supprime && c.code.as_str() == e.id)
    });
    // Tree order: roots in their order, each followed by its subtree; orphans become roots.
    let known: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
    let mut ordered = Vec::with_capacity(entries.len());
    fn visit(
        parent: Option<&str>,
        entries: &[VocabEntry],
        known: &[String],
        out: &mut Vec<VocabEntry>,
        depth: usize,
    ) {
        if depth > 16 {
            return;
        }
        for e in entries {
            let p = e.parent.as_deref().filter(|p| known.iter().any(|k| k == p));
            if p == parent {
                out.push(e.clone());
                visit(Some(&e.id), entries, known, out, depth + 1);
            }
        }
    }
    visit(None, &entries, &known, &mut ordered, 0);
    number_plan(&mut ordered);
    super::Vocabulary { entries: ordered }
}

/// A plan section's name without the number it may have been typed with (« 1.2 Santé »,
/// « 3. Partenaires » → « Santé », « Partenaires »): numbers follow the tree, not the text.
pub fn plan_label_unnumbered(label: &str) -> &str {
    let number_len = label
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(label.len());
    let (number, rest) = label.split_at(number_len);
    // « 1. » or « 1.2 », not a year: « 2024 en chiffres » keeps its name.
    let numbered = number.starts_with(|c: char| c.is_ascii_digit())
        && number.contains('.')
        && (rest.starts_with(' ') || rest.is_empty());
    if numbered && !rest.trim().is_empty() {
        rest.trim_start()
    } else {
        label
    }
}

/// Numbers the sections of a plan in tree order: « 1. » for the first root, « 1.2 » for its
/// second child, « 1.2.1 »… A section created, moved or removed renumbers the others.
fn number_plan(entries: &mut [super::VocabEntry]) {
    // The path of counters down to the section being numbered.
    let mut path: Vec<(String, usize)> = Vec::new();
    for e in entries.iter_mut() {
        let depth = match e.parent.as_deref() {
            Some(p) => path.iter().position(|(id, _)| id == p).map_or(0, |i| i + 1),
            None => 0,
        };
        let counter = path.get(depth).map_or(1, |(_, n)| n + 1);
        path.truncate(depth);
        path.push((e.id.clone(), counter));
        let number = match path.as_slice() {
            [(_, n)] => format!("{n}."),
            many => many
                .iter()
                .map(|(_, n)| n.to_string())
                .collect::<Vec<_>>()
                .join("."),
        };
        for label in [&mut e.fr, &mut e.en] {
            *label = format!("{number} {}", plan_label_unnumbered(label));
        }
    }
}

/// The one list of record kinds, in the order they are shown and exported: `Type => field`,
/// where `field` names the kind's list in [`Dataset`], its sled tree and its JSON key.
///
/// Every piece of per-kind plumbing is generated from this list by handing it to a local
/// macro: `for_each_kind!(my_macro)` expands to `my_macro! { Interaction => interactions, … }`.
/// [`RecordKind`], [`Dataset`], [`AnyRecord`] and the [`Record`] impls are generated below;
/// storage (trees, codec envelopes, indexes), JSON import checks and the app's record
/// plumbing generate theirs the same way, so a kind added here is a compile error wherever
/// something about it is missing.
#[macro_export]
macro_rules! for_each_kind {
    ($callback:ident) => {
        $callback! {
            Interaction => interactions,
            Suivi => suivis,
            Structure => structures,
            Contact => contacts,
            Rencontre => rencontres,
            Veille => veille,
            Fiche => fiches,
            Analyse => analyses,
            Signalement => signalements,
            NoteTerritoire => notes_territoire,
            PlanNode => plan,
            Profil => profil,
            Exemple => exemples,
            EvenementSecurite => evenements_securite,
            Modele => modeles,
            RelanceReportee => relances_reportees,
            Bilan => bilans,
            Projet => projets,
            Seance => seances,
            CasMediation => cas_mediation,
        }
    };
}

macro_rules! define_kinds {
    ($($t:ident => $field:ident),+ $(,)?) => {
        /// The record kinds, in the order they are shown and exported.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RecordKind {
            $($t),+
        }

        impl RecordKind {
            pub const ALL: &'static [RecordKind] = &[$(RecordKind::$t),+];

            /// Stable name: sled tree, JSON key, message id suffix.
            pub fn name(self) -> &'static str {
                match self {
                    $(RecordKind::$t => stringify!($field)),+
                }
            }

            /// The kind with this stable name.
            pub fn from_name(name: &str) -> Option<RecordKind> {
                RecordKind::ALL.iter().copied().find(|k| k.name() == name)
            }

            pub fn tag(self) -> u8 {
                self as u8
            }
        }

        $(
            impl Record for $t {
                const KIND: RecordKind = RecordKind::$t;
                fn meta(&self) -> &RecordMeta { &self.meta }
                fn meta_mut(&mut self) -> &mut RecordMeta { &mut self.meta }
                fn list(data: &Dataset) -> &Vec<Self> { &data.$field }
                fn list_mut(data: &mut Dataset) -> &mut Vec<Self> { &mut data.$field }
                fn into_any(self) -> AnyRecord { AnyRecord::$t(Box::new(self)) }
                fn from_any(record: &AnyRecord) -> Option<&Self> {
                    match record {
                        AnyRecord::$t(r) => Some(r),
                        #[allow(unreachable_patterns)]
                        _ => None,
                    }
                }
            }
        )+

        /// Everything in a store, in memory. Each list is kept sorted by id.
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Dataset {
            $(#[serde(default)] pub $field: Vec<$t>,)+
        }

        impl Dataset {
            pub fn count(&self, kind: RecordKind) -> usize {
                match kind {
                    $(RecordKind::$t => self.$field.len()),+
                }
            }

            /// Every evidence link with the kind and id of the record that carries it.
            pub fn evidence(&self) -> impl Iterator<Item = (RecordKind, Id, &EvidenceLink)> {
                fn links<R: Record>(
                    records: &[R],
                ) -> impl Iterator<Item = (RecordKind, Id, &EvidenceLink)> {
                    records
                        .iter()
                        .flat_map(|r| r.meta().evidence.iter().map(move |e| (R::KIND, r.id(), e)))
                }
                std::iter::empty()$(.chain(links(&self.$field)))+
            }

            /// The newest id of any record, so new ids keep sorting after it.
            pub fn last_id(&self) -> Option<Id> {
                [$(self.$field.iter().map(Record::id).max()),+]
                    .into_iter()
                    .flatten()
                    .max()
            }

            pub fn sort(&mut self) {
                // Ids are unique within a kind, so an unstable sort gives the same order, in
                // place: a stable one allocates half the records' size as scratch (24 MB for
                // 100 000 interactions).
                $(self.$field.sort_unstable_by_key(Record::id);)+
            }

            /// Every record's meta, to change what all kinds share.
            pub fn metas_mut(&mut self) -> impl Iterator<Item = &mut RecordMeta> {
                std::iter::empty()$(.chain(self.$field.iter_mut().map(|r| &mut r.meta)))+
            }

            /// The record of this kind and id, if there is one.
            pub fn get(&self, kind: RecordKind, id: Id) -> Option<AnyRecord> {
                match kind {
                    $(RecordKind::$t => self.find::<$t>(id).cloned().map(Record::into_any)),+
                }
            }

            /// Where the record of this kind and id is in its kind's list.
            pub fn index_of(&self, kind: RecordKind, id: Id) -> Option<usize> {
                match kind {
                    $(RecordKind::$t => self.$field.binary_search_by_key(&id, Record::id).ok()),+
                }
            }

            /// The record at `index` in its kind's list.
            pub fn get_at(&self, kind: RecordKind, index: usize) -> Option<AnyRecord> {
                match kind {
                    $(RecordKind::$t => self.$field.get(index).cloned().map(Record::into_any)),+
                }
            }

            /// Puts a record in its list (replacing the one with its id), keeping the order.
            pub fn upsert(&mut self, record: AnyRecord) {
                match record {
                    $(AnyRecord::$t(r) => self.put(*r)),+
                }
            }

            /// Takes the record of this kind and id out of its list.
            pub fn take(&mut self, kind: RecordKind, id: Id) -> Option<AnyRecord> {
                match kind {
                    $(RecordKind::$t => self.take_one::<$t>(id).map(Record::into_any)),+
                }
            }
        }

        /// A record of any kind, as the app changes it and the store writes it (and a kept
        /// form's draft holds it, named by kind in snake case).
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum AnyRecord {
            $($t(Box<$t>)),+
        }

        impl AnyRecord {
            pub fn kind(&self) -> RecordKind {
                match self {
                    $(AnyRecord::$t(_) => RecordKind::$t),+
                }
            }

            pub fn meta(&self) -> &RecordMeta {
                match self {
                    $(AnyRecord::$t(r) => &r.meta),+
                }
            }

            pub fn meta_mut(&mut self) -> &mut RecordMeta {
                match self {
                    $(AnyRecord::$t(r) => &mut r.meta),+
                }
            }

            pub fn id(&self) -> Id {
                self.meta().id
            }
        }
    };
}

for_each_kind!(define_kinds);

/// Gives generic code (storage, export, evidence counts) access to what all records share.
pub trait Record: Clone + Sized + 'static {
    const KIND: RecordKind;
    fn meta(&self) -> &RecordMeta;
    fn meta_mut(&mut self) -> &mut RecordMeta;
    /// The kind's list in a dataset.
    fn list(data: &Dataset) -> &Vec<Self>;
    fn list_mut(data: &mut Dataset) -> &mut Vec<Self>;
    fn into_any(self) -> AnyRecord;
    fn from_any(record: &AnyRecord) -> Option<&Self>;
    fn id(&self) -> Id {
        self.meta().id
    }
}

impl Dataset {
    pub fn is_empty(&self) -> bool {
        RecordKind::ALL.iter().all(|&k| self.count(k) == 0)
    }

    /// The record of kind `R` with this id (lists are sorted by id).
    pub fn find<R: Record>(&self, id: Id) -> Option<&R> {
        let list = R::list(self);
        list.binary_search_by_key(&id, Record::id)
            .ok()
            .map(|i| &list[i])
    }

    /// Puts a record in its list, replacing the one with its id, keeping the order.
    pub fn put<R: Record>(&mut self, record: R) {
        let list = R::list_mut(self);
        match list.binary_search_by_key(&record.id(), Record::id) {
            Ok(i) => list[i] = record,
            Err(i) => list.insert(i, record),
        }
    }

    fn take_one<R: Record>(&mut self, id: Id) -> Option<R> {
        let list = R::list_mut(self);
        list.binary_search_by_key(&id, Record::id)
            .ok()
            .map(|i| list.remove(i))
    }

    pub fn structure(&self, id: Id) -> Option<&Structure> {
        self.find(id)
    }

    pub fn suivi(&self, id: Id) -> Option<&Suivi> {
        self.find(id)
    }

    /// The profil in effect: the most recently updated one.
    pub fn profil(&self) -> Option<&Profil> {
        self.profil
            .iter()
            .max_by_key(|p| (p.meta.updated_at, p.meta.id))
    }
}

/// A change to the store: records to write and records to delete, applied whole or not at
/// all.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Changes {
    pub put: Vec<AnyRecord>,
    pub remove: Vec<(RecordKind, Id)>,
}

impl Dataset {
    /// Applies a change in memory, as the store applies it on disk.
    pub fn apply(&mut self, changes: &Changes) {
        for record in &changes.put {
            self.upsert(record.clone());
        }
        for &(kind, id) in &changes.remove {
            self.take(kind, id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An interaction's date and time read back as chrono reads them, whatever the text:
    /// the fast path changes speed only. Stored bytes are chrono's own (the golden
    /// fixtures in `tests/` hold them).
    #[test]
    fn an_interaction_date_and_time_read_as_chrono_reads_them() {
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct Fast {
            #[serde(with = "iso::date")]
            date: NaiveDate,
            #[serde(default, with = "iso::time")]
            heure: Option<NaiveTime>,
        }
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct Chrono {
            date: NaiveDate,
            heure: Option<NaiveTime>,
        }
        let dates = [
            "2026-12-04",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-4",
            "+12026-01-04",
            "-0044-03-15",
            "2026-12-04 ",
            "2026/12/04",
            "２026-12-04",
            "",
            "é",
        ];
        let times = [
            "null",
            "\"14:30:00\"",
            "\"00:00:00\"",
            "\"23:59:59\"",
            "\"24:00:00\"",
            "\"23:59:60\"",
            "\"14:30:00.5\"",
            "\"14:30\"",
            "\"14:3:00\"",
            "\"\"",
            "\"1430:00\"",
        ];
        for date in dates {
            for time in times {
                let json = format!(r#"{{"date":"{date}","heure":{time}}}"#);
                let fast = serde_json::from_str::<Fast>(&json).map_err(|e| e.to_string());
                let chrono = serde_json::from_str::<Chrono>(&json).map_err(|e| e.to_string());
                match (&fast, &chrono) {
                    (Ok(f), Ok(c)) => {
                        assert_eq!((f.date, f.heure), (c.date, c.heure), "{json}");
                        assert_eq!(serde_json::to_string(f).ok(), serde_json::to_string(c).ok());
                        let config = bincode::config::standard();
                        let stored = bincode::serde::encode_to_vec(c, config).ok();
                        assert_eq!(bincode::serde::encode_to_vec(f, config).ok(), stored);
                        let read = stored.and_then(|bytes| {
                            bincode::serde::decode_from_slice::<Fast, _>(&bytes, config).ok()
                        });
                        assert_eq!(read.map(|(r, _)| r).as_ref(), Some(f), "{json}");
                    }
                    (Err(_), Err(_)) => {}
                    _ => panic!("{json}: {fast:?} / {chrono:?}"),
                }
            }
        }
        // A missing time reads as none, as it did.
        let missing = serde_json::from_str::<Fast>(r#"{"date":"2026-12-04"}"#);
        assert_eq!(missing.ok().and_then(|f| f.heure), None);
        assert!(serde_json::from_str::<Fast>(r#"{"date":"2026-12-04"}"#).is_ok());
    }

    #[test]
    fn a_typed_section_number_is_dropped_but_a_year_is_a_name() {
        assert_eq!(plan_label_unnumbered("1.2 Santé"), "Santé");
        assert_eq!(plan_label_unnumbered("3. Partenaires"), "Partenaires");
        assert_eq!(plan_label_unnumbered("2.1.4  Aides"), "Aides");
        assert_eq!(
            plan_label_unnumbered("2024 en chiffres"),
            "2024 en chiffres"
        );
        assert_eq!(
            plan_label_unnumbered("1.5"),
            "1.5",
            "a number alone is a name"
        );
        assert_eq!(plan_label_unnumbered("Santé"), "Santé");
    }

    #[test]
    fn a_rare_field_is_stored_and_compared_as_its_value() {
        #[derive(Serialize)]
        struct Plain<'a> {
            suites: &'a Vec<Suite>,
            note: &'a str,
        }
        #[derive(Serialize, Deserialize)]
        struct Packed {
            suites: Rare<Vec<Suite>>,
            note: Rare<Text>,
        }
        let suites = vec![Suite {
            action: "Rappeler la CAF".into(),
            echeance: None,
            faite: false,
        }];
        let config = bincode::config::standard();
        for (suites, note) in [(Vec::new(), ""), (suites, "note privée 😀")] {
            let plain = Plain {
                suites: &suites,
                note,
            };
            let packed = Packed {
                suites: suites.clone().into(),
                note: note.into(),
            };
            let bytes = bincode::serde::encode_to_vec(&packed, config).unwrap();
            assert_eq!(
                bytes,
                bincode::serde::encode_to_vec(&plain, config).unwrap()
            );
            assert_eq!(
                serde_json::to_string(&packed).unwrap(),
                serde_json::to_string(&plain).unwrap()
            );
            let (back, _): (Packed, usize) =
                bincode::serde::decode_from_slice(&bytes, config).unwrap();
            assert_eq!(*back.suites, suites);
            assert_eq!(&**back.note, note);
            // Empty values take no box, read back or not.
            assert_eq!(back.note.0.is_none(), note.is_empty());
            assert_eq!(back.suites.0.is_none(), suites.is_empty());
        }
        // A value made present then left empty equals an absent one.
        let mut edited = Rare::<Text>::default();
        edited.make_mut();
        assert_eq!(edited, Rare::default());
        assert_eq!(format!("{edited:?}"), "\"\"");
    }
}
