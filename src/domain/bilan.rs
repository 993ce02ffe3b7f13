//! Bilan: what the journal and the network hold for a period, counted the way employers,
//! funders and the jury ask (CCP2.C8, CCP3.C5; DOMAIN.md §5). Pure: the period, the records
//! and the vocabularies in, the figures out.
//!
//! Counting rules (also said in the README and in every export):
//! - an interaction counts once in each value it has (an interaction with two types counts
//!   in both; a breakdown's lines can add up to more than the total);
//! - persons: an anonymous interaction counts its number of persons; a suivi counts once per
//!   period (and once per line) however many times the person came;
//! - time is the interactions' duration, in minutes;
//! - a period runs from its first day to its last day, both included.

use super::Id;
use super::records::{Dataset, Interaction, Personnes, RecordKind, RecordMeta, Text};
use super::validate::{FieldError, Validate, norm, norm_meta, required};
use super::vocab::Vocabularies;
use chrono::{Datelike, Duration, NaiveDate};
use serde::Deserialize;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hash (FxHash's) for the counting maps: their keys are short ids from
/// the user's own store, hashed about a million times for a year's bilan, where the
/// standard SipHash's resistance to crafted keys buys nothing and costs a third of the time.
#[derive(Default)]
struct CountHasher(u64);

impl Hasher for CountHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type CountMap<K, V> = HashMap<K, V, BuildHasherDefault<CountHasher>>;
type CountSet<K> = HashSet<K, BuildHasherDefault<CountHasher>>;

/// A bilan as handed in: a period, the mediator's own text and when it was given, evidence
/// for CCP2.C8 / CCP3.C5. Its figures are never stored: they are counted from the records
/// whenever it is shown or exported, so they always agree with the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilan {
    pub meta: RecordMeta,
    /// « Bilan du 3e trimestre — France Services » (optional: the period names it).
    pub titre: Text,
    pub du: NaiveDate,
    pub au: NaiveDate,
    /// Who it is for: the hierarchy, a funder, the comité de pilotage.
    pub destinataire: Text,
    pub faits_marquants: Text,
    pub difficultes: Text,
    pub perspectives: Text,
    /// The day it was handed in; `None` while it is a draft.
    pub remis_le: Option<NaiveDate>,
}

impl Bilan {
    pub fn periode(&self) -> Period {
        Period::range(self.du, self.au)
    }
}

/// The written bilan of a period: the newest one with exactly its dates.
pub fn written_for(data: &Dataset, periode: Period) -> Option<&Bilan> {
    data.bilans
        .iter()
        .rev()
        .find(|b| b.du == periode.du && b.au == periode.au)
}

impl Validate for Bilan {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [
            &mut self.titre,
            &mut self.destinataire,
            &mut self.faits_marquants,
            &mut self.difficultes,
            &mut self.perspectives,
        ]);
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        if self.au < self.du {
            e.push(FieldError {
                field: "au",
                message: "err-period-order",
            });
        }
        if self.remis_le.is_some_and(|d| d < self.du) {
            e.push(FieldError {
                field: "remis_le",
                message: "err-handed-before-period",
            });
        }
        required(&mut e, "faits_marquants", &self.faits_marquants);
        e
    }
}

/// How a period is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Semaine,
    Mois,
    Trimestre,
    Annee,
    /// Any range of days.
    Libre,
}

impl PeriodKind {
    pub const CYCLE: [PeriodKind; 4] = [
        PeriodKind::Semaine,
        PeriodKind::Mois,
        PeriodKind::Trimestre,
        PeriodKind::Annee,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PeriodKind::Semaine => "semaine",
            PeriodKind::Mois => "mois",
            PeriodKind::Trimestre => "trimestre",
            PeriodKind::Annee => "annee",
            PeriodKind::Libre => "libre",
        }
    }

    pub fn parse(name: &str) -> Option<PeriodKind> {
        PeriodKind::CYCLE.into_iter().find(|k| k.name() == name)
    }
}

/// Days from `du` to `au`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub du: NaiveDate,
    pub au: NaiveDate,
    #[serde(skip)]
    pub kind: PeriodKind,
}

fn first_of_month(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

/// The month `months` after (or before) the month of `day`, as its first day.
fn add_months(day: NaiveDate, months: i32) -> NaiveDate {
    let index = day.year() * 12 + day.month0() as i32 + months;
    first_of_month(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

impl Period {
    /// The period of `kind` that holds `day` (a week starts on Monday).
    pub fn containing(kind: PeriodKind, day: NaiveDate) -> Period {
        let (du, au) = match kind {
            PeriodKind::Semaine => {
                let du = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
                (du, du + Duration::days(6))
            }
            PeriodKind::Mois | PeriodKind::Libre => {
                let du = first_of_month(day.year(), day.month());
                (du, add_months(du, 1) - Duration::days(1))
            }
            PeriodKind::Trimestre => {
                let du = first_of_month(day.year(), day.month0() / 3 * 3 + 1);
                (du, add_months(du, 3) - Duration::days(1))
            }
            PeriodKind::Annee => {
                let du = first_of_month(day.year(), 1);
                (du, first_of_month(day.year() + 1, 1) - Duration::days(1))
            }
        };
        Period {
            du,
            au,
            kind: if kind == PeriodKind::Libre {
                PeriodKind::Mois
            } else {
                kind
            },
        }
    }

    /// Any range (`au` before `du` is taken the other way round).
    pub fn range(du: NaiveDate, au: NaiveDate) -> Period {
        Period {
            du: du.min(au),
            au: du.max(au),
            kind: PeriodKind::Libre,
        }
    }

    pub fn days(&self) -> i64 {
        (self.au - self.du).num_days() + 1
    }

    /// The period `steps` before (negative) or after this one, of the same kind.
    pub fn shifted(&self, steps: i32) -> Period {
        match self.kind {
            PeriodKind::Semaine => Period::containing(
                PeriodKind::Semaine,
                self.du + Duration::weeks(i64::from(steps)),
            ),
            PeriodKind::Mois => Period::containing(PeriodKind::Mois, add_months(self.du, steps)),
            PeriodKind::Trimestre => {
                Period::containing(PeriodKind::Trimestre, add_months(self.du, 3 * steps))
            }
            PeriodKind::Annee => {
                Period::containing(PeriodKind::Annee, add_months(self.du, 12 * steps))
            }
            PeriodKind::Libre => {
                let shift = Duration::days(self.days() * i64::from(steps));
                Period::range(self.du + shift, self.au + shift)
            }
        }
    }

    /// The same days a year earlier (29 February becomes the 28th).
    pub fn year_before(&self) -> Period {
        let back = |d: NaiveDate| {
            d.with_year(d.year() - 1)
                .or_else(|| d.with_day(28).and_then(|d| d.with_year(d.year() - 1)))
                .unwrap_or(d)
        };
        Period {
            du: back(self.du),
            au: back(self.au),
            kind: self.kind,
        }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.du <= day && day <= self.au
    }

    /// Where the activity chart cuts the period by default: weeks up to three months, then
    /// months.
    pub fn slice_kind(&self) -> PeriodKind {
        if self.days() <= 93 {
            PeriodKind::Semaine
        } else {
            PeriodKind::Mois
        }
    }

    pub fn slices(&self) -> Vec<Period> {
        self.slices_by(self.slice_kind())
    }

    /// The period cut into weeks, months, quarters or years (the first and last cut to it);
    /// a free range cuts like the default.
    pub fn slices_by(&self, kind: PeriodKind) -> Vec<Period> {
        let kind = if kind == PeriodKind::Libre {
            self.slice_kind()
        } else {
            kind
        };
        let mut out = Vec::new();
        let mut at = Period::containing(kind, self.du);
        while at.du <= self.au && out.len() < 120 {
            out.push(Period {
                du: at.du.max(self.du),
                au: at.au.min(self.au),
                kind,
            });
            at = at.shifted(1);
        }
        out
    }
}

/// The period's totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totaux {
    pub interactions: u32,
    /// Anonymous persons as counted, plus each suivi once.
    pub personnes: u32,
    /// Distinct persons followed (suivis) seen in the period.
    pub suivis: u32,
    pub minutes: u32,
    /// Interactions marked « premier contact ».
    pub premiers_contacts: u32,
    /// The others: persons already known.
    pub personnes_connues: u32,
    /// Suites due in the period: done, and not done with their date passed.
    pub suites_faites: u32,
    pub suites_en_retard: u32,
    /// Signalements made in the period, those resolved since, and the median days it took.
    pub signalements: u32,
    pub signalements_resolus: u32,
    pub delai_resolution_jours: Option<u32>,
    /// Fiches created in the period, and revisions written in it.
    pub fiches_creees: u32,
    pub fiches_revisees: u32,
    pub evenements_securite: u32,
    /// Cas de médiation opened in the period, those closed in it, and the median days
    /// from saisine to closing of the latter.
    pub cas: u32,
    pub cas_clos: u32,
    pub duree_cas_jours: Option<u32>,
    /// Séances of projets held in the period, and their participants added up.
    pub seances: u32,
    pub participants: u32,
}

/// One value of a breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ligne {
    /// The vocabulary id (or the text, for a place).
    pub valeur: String,
    pub interactions: u32,
    pub personnes: u32,
    pub minutes: u32,
}

/// A breakdown: its dimension's name and its values, the most frequent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub dimension: &'static str,
    pub lignes: Vec<Ligne>,
}

/// The figures of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chiffres {
    pub periode: Period,
    pub totaux: Totaux,
    pub tables: Vec<Table>,
    /// Interactions per slice of the period (weeks or months), for the activity chart.
    pub activite: Vec<(NaiveDate, u32)>,
    /// What the activity is cut into.
    pub tranche: PeriodKind,
}

/// The breakdowns, in the order shown, and the vocabulary their values come from.
pub const DIMENSIONS: [(&str, Option<&str>); 23] = [
    ("types", Some("types_interaction")),
    ("registres", Some("registres")),
    ("thematiques", Some("thematiques")),
    ("canaux", Some("canaux")),
    ("lieux", None),
    ("quartiers", None),
    ("tranches_age", Some("tranches_age")),
    ("genres", Some("genres")),
    ("statuts", Some("statuts")),
    ("residences", Some("residences")),
    ("reponses", Some("reponses")),
    ("autonomie", Some("autonomie")),
    ("durees", None),
    ("orientations_typologie", Some("typologies_structure")),
    ("orientations_structure", None),
    ("issues_orientation", Some("issues_orientation")),
    ("rencontres", Some("types_rencontre")),
    ("veille", Some("sources_veille")),
    ("signalements", Some("categories_signalement")),
    ("signalements_statut", Some("statuts_signalement")),
    ("seances", Some("types_projet")),
    ("cas_types", Some("types_cas")),
    ("cas_issues", Some("issues_cas")),
];

/// Whether a dimension breaks down interactions (the others count rencontres, veille and
/// signalements).
pub fn counts_interactions(dimension: &str) -> bool {
    !matches!(
        dimension,
        "rencontres"
            | "veille"
            | "signalements"
            | "signalements_statut"
            | "seances"
            | "cas_types"
            | "cas_issues"
    )
}

/// The vocabulary a dimension's values are ids of (`None`: free text or fixed ids).
pub fn vocabulary_of(dimension: &str) -> Option<&'static str> {
    DIMENSIONS
        .iter()
        .find(|(d, _)| *d == dimension)
        .and_then(|(_, v)| *v)
}

/// The duration buckets of DOMAIN.md §5.
pub const DUREES: [&str; 4] = ["moins_30", "30_60", "60_120", "120_plus"];

fn bucket(minutes: u16) -> &'static str {
    match minutes {
        0..30 => DUREES[0],
        30..60 => DUREES[1],
        60..120 => DUREES[2],
        _ => DUREES[3],
    }
}

/// What a line adds up while counting.
#[derive(Default)]
struct Acc {
    interactions: u32,
    anonymes: u32,
    suivis: CountSet<Id>,
    minutes: u32,
}

impl Acc {
    fn merge(&mut self, other: Acc) {
        self.interactions += other.interactions;
        self.anonymes += other.anonymes;
        self.minutes += other.minutes;
        self.suivis.extend(other.suivis);
    }

    fn add(&mut self, persons: Persons, minutes: u32) {
        self.interactions += 1;
        self.minutes += minutes;
        match persons {
            Persons::Anonymous(n) => self.anonymes += n,
            Persons::Followed(id) => {
                self.suivis.insert(id);
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Persons {
    Anonymous(u32),
    Followed(Id),
}

fn persons_of(it: &Interaction) -> Persons {
    match &it.personnes {
        Personnes::Anonyme(p) => Persons::Anonymous(u32::from(p.nombre)),
        Personnes::Suivi(id) => Persons::Followed(*id),
    }
}

// Where the interaction breakdowns sit in `DIMENSIONS` (a test checks each name): counting
// looks them up for every interaction, so by index, not by name.
const TYPES: usize = 0;
const REGISTRES: usize = 1;
const THEMATIQUES: usize = 2;
const CANAUX: usize = 3;
const LIEUX: usize = 4;
const QUARTIERS: usize = 5;
const REPONSES: usize = 10;
const AUTONOMIE: usize = 11;
const DUREES_DIM: usize = 12;
const ORIENTATIONS_TYPOLOGIE: usize = 13;
const ORIENTATIONS_STRUCTURE: usize = 14;
const ISSUES_ORIENTATION: usize = 15;

fn dimension_index(name: &str) -> usize {
    DIMENSIONS.iter().position(|(d, _)| *d == name).unwrap_or(0)
}

/// Each interaction type's registre, looked up once per count rather than per interaction.
type Registres<'a> = CountMap<&'a str, &'a str>;

fn registres(vocab: &Vocabularies) -> Registres<'_> {
    vocab
        .types_interaction
        .entries
        .iter()
        .filter_map(|e| Some((e.id.as_str(), e.registre.as_deref()?)))
        .collect()
}

/// Calls `f` with each (dimension, value) an interaction counts in, once each, and the
/// persons it counts there: the one rule both the counting and the drill-down follow.
fn for_each_value<'a>(
    it: &'a Interaction,
    data: &'a Dataset,
    registres: &Registres<'a>,
    mut f: impl FnMut(usize, &'a str, Persons),
) {
    let persons = persons_of(it);
    let mut add = |dim: usize, value: &'a str| f(dim, value, persons);
    for t in it.types.iter() {
        add(TYPES, t);
    }
    // Two types of one registre count once in it.
    let registre = |t: &Text| registres.get(t.as_str()).copied();
    for (i, t) in it.types.iter().enumerate() {
        if let Some(r) = registre(t)
            && !it.types[..i].iter().any(|u| registre(u) == Some(r))
        {
            add(REGISTRES, r);
        }
    }
    for t in it.thematiques.iter() {
        add(THEMATIQUES, t);
    }
    add(CANAUX, &it.canal);
    if !it.lieu.trim().is_empty() {
        add(LIEUX, it.lieu.trim());
    }
    if !it.quartier.trim().is_empty() {
        add(QUARTIERS, it.quartier.trim());
    }
    for r in it.reponses.iter() {
        add(REPONSES, r);
    }
    if let Some(a) = &it.autonomie {
        add(AUTONOMIE, a);
    }
    add(DUREES_DIM, bucket(it.duree_min));
    if let Some(o) = &it.orientation {
        let typo = o
            .structure
            .and_then(|id| data.structure(id))
            .and_then(|s| s.typologies.first())
            .map_or("AUTRE", |t| t.as_str());
        add(ORIENTATIONS_TYPOLOGIE, typo);
        add(ORIENTATIONS_STRUCTURE, &o.nom);
        add(
            ISSUES_ORIENTATION,
            o.issue
                .as_deref()
                .filter(|i| !i.is_empty())
                .unwrap_or("inconnue"),
        );
    }
    // The public's attributes count the persons that have them.
    if let Personnes::Anonyme(p) = &it.personnes {
        for a in p.attributs.iter() {
            if DIMENSIONS.iter().any(|(d, _)| *d == a.dimension.as_str()) {
                f(
                    dimension_index(&a.dimension),
                    a.valeur.as_str(),
                    Persons::Anonymous(u32::from(a.nombre)),
                );
            }
        }
    }
}

/// The interactions a breakdown's line counts (the records behind a figure), by id.
pub fn interactions_counted_in(
    data: &Dataset,
    vocab: &Vocabularies,
    periode: Period,
    dimension: &str,
    value: &str,
) -> Vec<Id> {
    let dim = dimension_index(dimension);
    let registres = registres(vocab);
    let mut ids: Vec<Id> = data
        .interactions
        .iter()
        .filter(|it| periode.contains(it.date))
        .filter(|it| {
            let mut found = false;
            for_each_value(it, data, &registres, |d, v, _| {
                found |= d == dim && v == value
            });
            found
        })
        .map(|it| it.meta.id)
        .collect();
    ids.sort_unstable();
    ids
}

/// Counts the period. `today` says which suites are overdue.
pub fn compute<'a>(
    data: &'a Dataset,
    vocab: &'a Vocabularies,
    periode: Period,
    today: NaiveDate,
) -> Chiffres {
    count(
        data,
        vocab,
        periode,
        today,
        true,
        PARALLEL_FROM,
        periode.slice_kind(),
    )
}

/// `compute`, with the activity cut into `tranche` (`carnet export --par`).
pub fn compute_by<'a>(
    data: &'a Dataset,
    vocab: &'a Vocabularies,
    periode: Period,
    today: NaiveDate,
    tranche: PeriodKind,
) -> Chiffres {
    count(data, vocab, periode, today, true, PARALLEL_FROM, tranche)
}

/// Only the period's totals, for comparing with another period: a third of the work.
pub fn totals(data: &Dataset, vocab: &Vocabularies, periode: Period, today: NaiveDate) -> Totaux {
    count(
        data,
        vocab,
        periode,
        today,
        false,
        PARALLEL_FROM,
        periode.slice_kind(),
    )
    .totaux
}

/// Calls `f` with each (dimension, value, persons, minutes, record) the period's rencontres,
/// veille, signalements, séances and cas de médiation count in: the one rule for their
/// breakdowns and the records behind them. A case counts by type in the period of its
/// saisine, by issue in the period it closed.
fn for_each_record<'a>(
    data: &'a Dataset,
    periode: Period,
    mut f: impl FnMut(&str, &'a str, u32, u32, (RecordKind, Id)),
) {
    for r in data.rencontres.iter().filter(|r| periode.contains(r.date)) {
        let id = (RecordKind::Rencontre, r.meta.id);
        f(
            "rencontres",
            &r.type_rencontre,
            0,
            u32::from(r.duree_min),
            id,
        );
    }
    for v in data.veille.iter().filter(|v| periode.contains(v.date)) {
        f(
            "veille",
            &v.source_type,
            0,
            0,
            (RecordKind::Veille, v.meta.id),
        );
    }
    for s in data
        .signalements
        .iter()
        .filter(|s| periode.contains(s.date))
    {
        let id = (RecordKind::Signalement, s.meta.id);
        f("signalements", &s.categorie, 0, 0, id);
        f("signalements_statut", &s.statut, 0, 0, id);
    }
    for s in data.seances.iter().filter(|s| periode.contains(s.date)) {
        let type_projet = data
            .find::<super::Projet>(s.projet)
            .map_or("autre", |p| p.type_projet.as_str());
        let id = (RecordKind::Seance, s.meta.id);
        let persons = u32::from(s.participants.nombre);
        f("seances", type_projet, persons, u32::from(s.duree_min), id);
    }
    for c in &data.cas_mediation {
        let id = (RecordKind::CasMediation, c.meta.id);
        if periode.contains(c.date) {
            f("cas_types", &c.type_cas, 0, 0, id);
        }
        if let Some(issue) = c.issue.as_deref().filter(|_| c.is_closed())
            && periode.contains(c.since())
        {
            f("cas_issues", issue, 0, 0, id);
        }
    }
}

/// The rencontres, veille or signalements a breakdown's line counts, oldest first.
pub fn records_counted_in(
    data: &Dataset,
    periode: Period,
    dimension: &str,
    value: &str,
) -> Vec<(RecordKind, Id)> {
    let mut out = Vec::new();
    for_each_record(data, periode, |d, v, _, _, id| {
        if d == dimension && v == value {
            out.push(id);
        }
    });
    out
}

/// The day (UTC) of a record's timestamp.
fn day_of(t: super::Timestamp) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp_millis(t.0).map(|d| d.date_naive())
}

/// The totals that come from other records than interactions: signalements and how soon
/// they were resolved, the documentation written, the événements de sécurité, the cases
/// opened and closed (and how long the closed ones took), the séances and their
/// participants.
fn others(data: &Dataset, periode: Period, totaux: &mut Totaux) {
    let mut delays: Vec<i64> = Vec::new();
    for s in data
        .signalements
        .iter()
        .filter(|s| periode.contains(s.date))
    {
        totaux.signalements += 1;
        if s.statut == "resolu" {
            totaux.signalements_resolus += 1;
            if let Some(e) = s.etapes.iter().find(|e| e.statut == "resolu") {
                delays.push((e.date - s.date).num_days().max(0));
            }
        }
    }
    delays.sort_unstable();
    totaux.delai_resolution_jours = delays
        .get(delays.len() / 2)
        .and_then(|d| u32::try_from(*d).ok());
    let in_period = |t| day_of(t).is_some_and(|d| periode.contains(d));
    totaux.fiches_creees = count_u32(data.fiches.iter().filter(|f| in_period(f.meta.created_at)));
    totaux.fiches_revisees = count_u32(
        data.fiches
            .iter()
            .flat_map(|f| &f.revisions)
            .filter(|r| in_period(r.date)),
    );
    totaux.evenements_securite = count_u32(
        data.evenements_securite
            .iter()
            .filter(|e| periode.contains(e.date)),
    );
    let mut durations: Vec<i64> = Vec::new();
    for c in &data.cas_mediation {
        if periode.contains(c.date) {
            totaux.cas += 1;
        }
        if c.is_closed() && periode.contains(c.since()) {
            totaux.cas_clos += 1;
            durations.push((c.since() - c.date).num_days().max(0));
        }
    }
    durations.sort_unstable();
    totaux.duree_cas_jours = durations
        .get(durations.len() / 2)
        .and_then(|d| u32::try_from(*d).ok());
    for s in data.seances.iter().filter(|s| periode.contains(s.date)) {
        totaux.seances += 1;
        totaux.participants += u32::from(s.participants.nombre);
    }
}

fn count_u32<T>(items: impl Iterator<Item = T>) -> u32 {
    u32::try_from(items.count()).unwrap_or(u32::MAX)
}

/// From this many interactions in each half, the halves are counted on two threads.
const PARALLEL_FROM: usize = 5_000;

/// What a part of the journal adds up.
struct Partial<'a> {
    tables: Vec<CountMap<&'a str, Acc>>,
    total: Acc,
    totaux: Totaux,
    activite: Vec<(NaiveDate, u32)>,
}

impl<'a> Partial<'a> {
    fn merge(&mut self, other: Partial<'a>) {
        for (mine, theirs) in self.tables.iter_mut().zip(other.tables) {
            for (value, acc) in theirs {
                mine.entry(value).or_default().merge(acc);
            }
        }
        self.total.merge(other.total);
        self.totaux.premiers_contacts += other.totaux.premiers_contacts;
        self.totaux.suites_faites += other.totaux.suites_faites;
        self.totaux.suites_en_retard += other.totaux.suites_en_retard;
        for (mine, theirs) in self.activite.iter_mut().zip(other.activite) {
            mine.1 += theirs.1;
        }
    }
}

fn count_interactions<'a>(
    list: impl Iterator<Item = &'a Interaction>,
    data: &'a Dataset,
    registres: &Registres<'a>,
    periode: Period,
    slices: &[Period],
    today: NaiveDate,
    breakdowns: bool,
) -> Partial<'a> {
    let mut tables: Vec<CountMap<&str, Acc>> =
        DIMENSIONS.iter().map(|_| CountMap::default()).collect();
    let mut totaux = Totaux::default();
    let mut total = Acc::default();
    let mut activite: Vec<(NaiveDate, u32)> = slices.iter().map(|s| (s.du, 0)).collect();
    for it in list {
        // A suite counts in the period it is due in, whenever it was decided.
        for s in it.suites.iter() {
            match s.echeance {
                Some(d) if periode.contains(d) && s.faite => totaux.suites_faites += 1,
                Some(d) if periode.contains(d) && d < today => totaux.suites_en_retard += 1,
                _ => {}
            }
        }
        if !periode.contains(it.date) {
            continue;
        }
        let minutes = u32::from(it.duree_min);
        total.add(persons_of(it), minutes);
        if it.premier_contact {
            totaux.premiers_contacts += 1;
        }
        if let Some(slot) = slices.iter().position(|s| s.contains(it.date)) {
            activite[slot].1 += 1;
        }
        if breakdowns {
            for_each_value(it, data, registres, |dim, value, persons| {
                tables[dim].entry(value).or_default().add(persons, minutes);
            });
        }
    }
    Partial {
        tables,
        total,
        totaux,
        activite,
    }
}

fn count<'a>(
    data: &'a Dataset,
    vocab: &'a Vocabularies,
    periode: Period,
    today: NaiveDate,
    breakdowns: bool,
    parallel_from: usize,
    tranche: PeriodKind,
) -> Chiffres {
    let at = dimension_index;
    let slices = periode.slices_by(tranche);
    let tranche = slices.first().map_or(tranche, |s| s.kind);
    // Two halves of the journal counted side by side (the figures are sums and sets, so
    // the halves merge exactly): a year's bilan stays within a frame or two on 2 cores.
    // Interleaved, not cut in the middle: the journal is in time order, and a recent period
    // would otherwise fall almost wholly in one half.
    let half = data.interactions.len() / 2;
    let registres = registres(vocab);
    let part = |skip: usize| {
        let list = data.interactions.iter().skip(skip).step_by(2);
        count_interactions(list, data, &registres, periode, &slices, today, breakdowns)
    };
    let (mut whole, other) = if half >= parallel_from {
        std::thread::scope(|s| {
            let handle = s.spawn(|| part(1));
            let first = part(0);
            // A panic in the other half goes on as it would have in this one.
            let second = handle
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (first, second)
        })
    } else {
        (part(0), part(1))
    };
    whole.merge(other);
    let Partial {
        mut tables,
        total,
        mut totaux,
        activite,
    } = whole;
    if breakdowns {
        for_each_record(data, periode, |dim, value, persons, minutes, _| {
            tables[at(dim)]
                .entry(value)
                .or_default()
                .add(Persons::Anonymous(persons), minutes);
        });
    }
    others(data, periode, &mut totaux);
    totaux.interactions = total.interactions;
    totaux.suivis = u32::try_from(total.suivis.len()).unwrap_or(u32::MAX);
    totaux.personnes = total.anonymes + totaux.suivis;
    totaux.minutes = total.minutes;
    totaux.personnes_connues = totaux.interactions - totaux.premiers_contacts;
    let tables = DIMENSIONS
        .iter()
        .zip(tables)
        .map(|((dimension, _), values)| {
            let mut lignes: Vec<Ligne> = values
                .into_iter()
                .map(|(valeur, acc)| Ligne {
                    valeur: valeur.to_string(),
                    interactions: acc.interactions,
                    personnes: acc.anonymes + u32::try_from(acc.suivis.len()).unwrap_or(0),
                    minutes: acc.minutes,
                })
                .collect();
            if *dimension == "durees" {
                // Buckets keep their order, from short to long.
                lignes.sort_by_key(|l| DUREES.iter().position(|d| *d == l.valeur));
            } else {
                lignes.sort_by(|a, b| {
                    (b.interactions, b.minutes)
                        .cmp(&(a.interactions, a.minutes))
                        .then_with(|| a.valeur.cmp(&b.valeur))
                });
            }
            Table { dimension, lignes }
        })
        .collect();
    Chiffres {
        periode,
        totaux,
        tables,
        activite,
        tranche,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{PublicAnonyme, RecordMeta, Suite, Timestamp};
    use chrono::NaiveTime;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn each_breakdown_index_names_its_dimension() {
        for (index, name) in [
            (TYPES, "types"),
            (REGISTRES, "registres"),
            (THEMATIQUES, "thematiques"),
            (CANAUX, "canaux"),
            (LIEUX, "lieux"),
            (QUARTIERS, "quartiers"),
            (REPONSES, "reponses"),
            (AUTONOMIE, "autonomie"),
            (DUREES_DIM, "durees"),
            (ORIENTATIONS_TYPOLOGIE, "orientations_typologie"),
            (ORIENTATIONS_STRUCTURE, "orientations_structure"),
            (ISSUES_ORIENTATION, "issues_orientation"),
        ] {
            assert_eq!(DIMENSIONS[index].0, name);
            assert_eq!(dimension_index(name), index);
        }
    }

    /// The types of the test and their registres, as `config/vocabulaires.toml` has them.
    fn vocab() -> Vocabularies {
        let mut v = Vocabularies::default();
        for (id, registre) in [
            ("accueil_information", Some("mise_en_relation")),
            ("orientation", Some("mise_en_relation")),
            ("accompagnement", Some("mise_en_relation")),
            ("ecoute", None),
        ] {
            v.types_interaction.entries.push(crate::domain::VocabEntry {
                id: id.into(),
                fr: id.into(),
                en: id.into(),
                registre: registre.map(Into::into),
                competences: Vec::new(),
                cadence_jours: None,
                parent: None,
                montre: Vec::new(),
                recit: None,
            });
        }
        v
    }

    fn it(
        id: u64,
        date: NaiveDate,
        minutes: u16,
        types: &[&str],
        personnes: Personnes,
    ) -> Interaction {
        let mut i = Interaction::blank(
            RecordMeta::new(Id(id), Timestamp(0)),
            date,
            NaiveTime::MIN,
            None,
        );
        i.duree_min = minutes;
        i.types = types.iter().map(|&t| t.into()).collect();
        i.personnes = personnes;
        i
    }

    fn anon(n: u16) -> Personnes {
        Personnes::Anonyme(PublicAnonyme {
            nombre: n,
            attributs: Default::default(),
        })
    }

    fn line<'b>(b: &'b Chiffres, dim: &str, value: &str) -> Option<&'b Ligne> {
        b.tables
            .iter()
            .find(|t| t.dimension == dim)?
            .lignes
            .iter()
            .find(|l| l.valeur == value)
    }

    #[test]
    fn persons_suivis_durations_and_the_period_boundaries_are_counted_as_the_readme_says() {
        let mut data = Dataset::default();
        let suivi = Personnes::Suivi(Id(99));
        data.interactions = vec![
            // The day before the month: not counted.
            it(1, day(10, 31), 30, &["accueil_information"], anon(5)),
            it(
                2,
                day(11, 1),
                20,
                &["accueil_information", "orientation"],
                anon(2),
            ),
            it(3, day(11, 10), 45, &["accompagnement"], suivi.clone()),
            it(4, day(11, 20), 90, &["accompagnement"], suivi.clone()),
            // The last day counts.
            it(5, day(11, 30), 120, &["ecoute"], anon(1)),
            // The day after: not counted.
            it(6, day(12, 1), 30, &["ecoute"], anon(1)),
        ];
        data.interactions[1].premier_contact = true;
        let month = Period::containing(PeriodKind::Mois, day(11, 17));
        assert_eq!((month.du, month.au), (day(11, 1), day(11, 30)));
        let b = compute(&data, &vocab(), month, day(12, 2));
        assert_eq!(b.totaux.interactions, 4);
        // 2 anonymous + 1 anonymous + the suivi once (it came twice).
        assert_eq!(b.totaux.personnes, 4);
        assert_eq!(b.totaux.suivis, 1);
        assert_eq!(b.totaux.minutes, 20 + 45 + 90 + 120);
        assert_eq!(
            (b.totaux.premiers_contacts, b.totaux.personnes_connues),
            (1, 3)
        );
        // An interaction counts in each of its types; the suivi once in its line.
        let acc = line(&b, "types", "accompagnement").unwrap();
        assert_eq!((acc.interactions, acc.personnes, acc.minutes), (2, 1, 135));
        assert_eq!(line(&b, "types", "orientation").unwrap().interactions, 1);
        // Two types of the same registre count once in it.
        assert_eq!(
            line(&b, "registres", "mise_en_relation")
                .unwrap()
                .interactions,
            3
        );
        // Buckets, in their order: < 30, 30–60, 60–120, ≥ 120.
        let buckets: Vec<(&str, u32)> = b
            .tables
            .iter()
            .find(|t| t.dimension == "durees")
            .unwrap()
            .lignes
            .iter()
            .map(|l| (l.valeur.as_str(), l.interactions))
            .collect();
        assert_eq!(
            buckets,
            [
                ("moins_30", 1),
                ("30_60", 1),
                ("60_120", 1),
                ("120_plus", 1)
            ]
        );
        // Weeks of the month in the chart, adding up to the total.
        assert_eq!(b.activite.iter().map(|(_, n)| n).sum::<u32>(), 4);
        assert_eq!(b.activite[0].0, day(11, 1));
    }

    #[test]
    fn two_halves_counted_side_by_side_equal_one_count() {
        let types = [
            "accueil_information",
            "orientation",
            "accompagnement",
            "ecoute",
        ];
        let mut data = Dataset::default();
        for n in 0..12_000u64 {
            let date = day(1, 1) + Duration::days((n % 365) as i64);
            let who = if n % 7 == 0 {
                // The same suivis in both halves: each counts once.
                Personnes::Suivi(Id(n % 50))
            } else {
                anon((n % 3 + 1) as u16)
            };
            let mut i = it(
                n + 1,
                date,
                (n % 150 + 5) as u16,
                &[types[(n % 4) as usize]],
                who,
            );
            i.canal = ["physique", "telephone"][(n % 2) as usize].into();
            i.premier_contact = n % 5 == 0;
            data.interactions.push(i);
        }
        let year = Period::containing(PeriodKind::Annee, day(6, 1));
        let by = PeriodKind::Mois;
        let one = count(&data, &vocab(), year, day(12, 31), true, usize::MAX, by);
        let two = count(&data, &vocab(), year, day(12, 31), true, 1, by);
        assert_eq!(one, two);
        assert_eq!(one.totaux.interactions, 12_000);
        assert_eq!(one.totaux.suivis, 50);
    }

    #[test]
    fn signalements_resolved_and_the_median_delay_count_those_made_in_the_period() {
        use crate::domain::{Etape, Signalement};
        let signalement = |id, date: NaiveDate, resolved: Option<NaiveDate>| Signalement {
            meta: RecordMeta::new(Id(id), Timestamp(0)),
            date,
            lieu: "Hall B".into(),
            categorie: "eclairage".into(),
            description: String::new().into(),
            destinataire: None,
            statut: if resolved.is_some() {
                "resolu"
            } else {
                "signale"
            }
            .into(),
            etapes: resolved
                .map(|d| Etape {
                    date: d,
                    statut: "resolu".into(),
                })
                .into_iter()
                .collect(),
        };
        let data = Dataset {
            signalements: vec![
                signalement(1, day(11, 2), Some(day(11, 6))),
                signalement(2, day(11, 3), Some(day(11, 13))),
                signalement(3, day(11, 4), Some(day(11, 24))),
                signalement(4, day(11, 20), None),
                // Made before the month: not this month's, even resolved in it.
                signalement(5, day(10, 30), Some(day(11, 2))),
            ],
            ..Dataset::default()
        };
        let month = Period::containing(PeriodKind::Mois, day(11, 1));
        let t = totals(&data, &vocab(), month, day(11, 30));
        assert_eq!((t.signalements, t.signalements_resolus), (4, 3));
        // 4, 10 and 20 days: the median is 10.
        assert_eq!(t.delai_resolution_jours, Some(10));
        let october = totals(&data, &vocab(), month.shifted(-1), day(11, 30));
        assert_eq!(october.delai_resolution_jours, Some(3));
        let none = totals(&Dataset::default(), &vocab(), month, day(11, 30));
        assert_eq!(none.delai_resolution_jours, None);
    }

    #[test]
    fn suites_count_in_the_period_they_are_due_in_and_totals_match_the_full_count() {
        let suite = |d: NaiveDate, faite| Suite {
            action: "Rappeler".into(),
            echeance: Some(d),
            faite,
        };
        let mut data = Dataset {
            interactions: vec![
                it(1, day(10, 20), 30, &["ecoute"], anon(1)),
                it(2, day(11, 5), 30, &["ecoute"], anon(1)),
            ],
            ..Dataset::default()
        };
        // Decided in October, due in November: November's suites.
        data.interactions[0].suites =
            vec![suite(day(11, 3), true), suite(day(11, 10), false)].into();
        // Due after `today`: neither done nor overdue yet.
        data.interactions[1].suites =
            vec![suite(day(11, 28), false), suite(day(12, 3), false)].into();
        let month = Period::containing(PeriodKind::Mois, day(11, 1));
        let b = compute(&data, &vocab(), month, day(11, 20));
        assert_eq!((b.totaux.suites_faites, b.totaux.suites_en_retard), (1, 1));
        assert_eq!(totals(&data, &vocab(), month, day(11, 20)), b.totaux);
        let october = month.shifted(-1);
        assert_eq!(
            totals(&data, &vocab(), october, day(11, 20)).suites_faites,
            0
        );
    }

    #[test]
    fn periods_move_by_their_own_length_and_compare_with_the_year_before() {
        let week = Period::containing(PeriodKind::Semaine, day(11, 27));
        assert_eq!((week.du, week.au), (day(11, 23), day(11, 29)));
        assert_eq!(week.shifted(-1).du, day(11, 16));
        let quarter = Period::containing(PeriodKind::Trimestre, day(11, 27));
        assert_eq!((quarter.du, quarter.au), (day(10, 1), day(12, 31)));
        let next = quarter.shifted(1);
        assert_eq!(
            (next.du, next.au),
            (
                NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
                NaiveDate::from_ymd_opt(2027, 3, 31).unwrap()
            )
        );
        let year = Period::containing(PeriodKind::Annee, day(3, 29));
        assert_eq!(year.days(), 365, "a year across the spring time change");
        assert_eq!(
            year.year_before().du,
            NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
        );
        let leap = Period::range(
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap(),
            NaiveDate::from_ymd_opt(2028, 3, 1).unwrap(),
        );
        assert_eq!(
            leap.year_before().du,
            NaiveDate::from_ymd_opt(2027, 2, 28).unwrap()
        );
        assert_eq!(year.slices().len(), 12, "a year is charted by month");
        assert_eq!(
            Period::containing(PeriodKind::Mois, day(2, 10))
                .shifted(-3)
                .du,
            NaiveDate::from_ymd_opt(2025, 11, 1).unwrap()
        );
    }
}
