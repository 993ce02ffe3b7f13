//! Projets d'activités supports (CCP3: « concevoir, conduire, mettre en œuvre, évaluer un
//! projet d'activité support à la médiation sociale ») and their séances.
//!
//! A projet carries its design (diagnostic, objectifs, public, partenaires, moyens, budget),
//! its steering (four dated phases, tâches) and its evaluation (indicateurs, bilan); each
//! séance is a record of its own, pointing at its projet, so adding one takes a short form
//! and the journal of séances can be listed and counted like any record. Participants are
//! anonymous counts, never names.
//!
//! The nested lists are typed in forms one item per line, fields separated by `;` (the key
//! beside the comma on a French keyboard); [`lines`] reads and writes those lines so what a
//! form shows reads back unchanged.

use super::records::{Lien, PublicAnonyme, RecordMeta, SourceDoc, Text};
use super::validate::{FieldError, Validate, duration, norm, norm_meta, required};
use super::{Id, Lang};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// The phases of a projet, in order (`phases_projet` in the vocabularies labels them).
pub const PHASES: [&str; 4] = ["conception", "preparation", "mise_en_oeuvre", "evaluation"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Projet {
    pub meta: RecordMeta,
    pub titre: Text,
    /// `types_projet`.
    pub type_projet: Text,
    /// `roles_projet`: porteur, co-porteur, participant (« concevoir ou participer »).
    pub role: Text,
    /// When the projet started: no séance before it.
    pub debut: NaiveDate,
    /// The need observed, and what shows it.
    pub diagnostic: Text,
    pub constats_veille: Vec<Id>,
    pub constats_notes: Vec<Id>,
    pub constats_interactions: Vec<Id>,
    pub objectifs: Text,
    pub public_vise: Text,
    pub partenaires: Vec<Partenaire>,
    pub moyens: Text,
    pub budget: Vec<LigneBudget>,
    /// The four phases, each dated when known (`PHASES` order).
    pub phases: Vec<Phase>,
    pub taches: Vec<Tache>,
    pub indicateurs: Vec<Indicateur>,
    /// Fiches of the documentation used or produced.
    pub fiches: Vec<Id>,
    pub sources: Vec<SourceDoc>,
    pub bilan: Text,
}

/// A structure of the network taking part, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partenaire {
    pub structure: Lien,
    pub role: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LigneBudget {
    pub libelle: Text,
    /// In euro cents, never negative.
    pub montant_centimes: i64,
    pub financeur: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// One of `PHASES`.
    pub phase: Text,
    pub debut: Option<NaiveDate>,
    pub fin: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tache {
    pub action: Text,
    pub qui: Text,
    pub echeance: Option<NaiveDate>,
    pub faite: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicateur {
    pub libelle: Text,
    pub cible: u32,
    pub realise: Realise,
}

/// What an indicator reached: typed, or counted from the projet's séances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Realise {
    NonRenseigne,
    Saisi(u32),
    /// Participants of all séances, added up.
    Participants,
    /// Séances held.
    Seances,
    /// Hours of séances, rounded down.
    Heures,
}

/// Where a phase stands on a day, from its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseEtat {
    AVenir,
    EnCours,
    Terminee,
}

impl Phase {
    pub fn etat(&self, today: NaiveDate) -> PhaseEtat {
        match (self.debut, self.fin) {
            (_, Some(fin)) if fin < today => PhaseEtat::Terminee,
            (Some(debut), _) if debut <= today => PhaseEtat::EnCours,
            _ => PhaseEtat::AVenir,
        }
    }
}

/// Above this many times its cible, a réalisé is most likely a typing slip: shown with a
/// warning, never refused.
pub const IMPLAUSIBLE_FACTOR: u32 = 10;

impl Indicateur {
    /// The value reached, counted from `seances` (this projet's) when it is computed.
    pub fn valeur(&self, seances: &[&Seance]) -> Option<u32> {
        let sum = |f: fn(&Seance) -> u32| seances.iter().map(|s| f(s)).sum::<u32>();
        match self.realise {
            Realise::NonRenseigne => None,
            Realise::Saisi(n) => Some(n),
            Realise::Participants => Some(sum(|s| u32::from(s.participants.nombre))),
            Realise::Seances => Some(u32::try_from(seances.len()).unwrap_or(u32::MAX)),
            Realise::Heures => Some(sum(|s| u32::from(s.duree_min)) / 60),
        }
    }

    /// Whether the réalisé is far beyond anything the cible lets expect.
    pub fn implausible(&self, seances: &[&Seance]) -> bool {
        self.valeur(seances)
            .is_some_and(|v| v > self.cible.max(1).saturating_mul(IMPLAUSIBLE_FACTOR))
    }
}

impl Projet {
    /// A projet begun on `debut`, its conception with it, the mediator its porteur.
    pub fn new(meta: RecordMeta, debut: NaiveDate) -> Projet {
        Projet {
            meta,
            titre: Text::default(),
            type_projet: Text::default(),
            role: "porteur".into(),
            debut,
            diagnostic: Text::default(),
            constats_veille: Vec::new(),
            constats_notes: Vec::new(),
            constats_interactions: Vec::new(),
            objectifs: Text::default(),
            public_vise: Text::default(),
            partenaires: Vec::new(),
            moyens: Text::default(),
            budget: Vec::new(),
            phases: vec![Phase {
                phase: PHASES[0].into(),
                debut: Some(debut),
                fin: None,
            }],
            taches: Vec::new(),
            indicateurs: Vec::new(),
            fiches: Vec::new(),
            sources: Vec::new(),
            bilan: Text::default(),
        }
    }

    /// The phase with this id, if dated.
    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.phase == id)
    }

    /// Where the projet stands: the latest phase begun (its id), `termine` once the last
    /// phase begun is over and it is the evaluation, `a_venir` before any.
    pub fn etat(&self, today: NaiveDate) -> &'static str {
        let begun = PHASES.iter().rev().find_map(|&id| {
            self.phase(id)
                .filter(|p| p.etat(today) != PhaseEtat::AVenir)
                .map(|p| (id, p))
        });
        match begun {
            Some(("evaluation", p)) if p.etat(today) == PhaseEtat::Terminee => "termine",
            Some((id, _)) => id,
            None => "a_venir",
        }
    }

    /// The next tâche to do that has a due date (the earliest, late ones included).
    pub fn prochaine_tache(&self) -> Option<&Tache> {
        self.taches
            .iter()
            .filter(|t| !t.faite && t.echeance.is_some())
            .min_by_key(|t| t.echeance)
    }

    /// The total of the budget, in cents.
    pub fn budget_total(&self) -> i64 {
        self.budget.iter().map(|l| l.montant_centimes).sum()
    }

    /// The projet's séances in `all`, oldest first.
    pub fn seances<'a>(&self, all: &'a [Seance]) -> Vec<&'a Seance> {
        let mut list: Vec<&Seance> = all.iter().filter(|s| s.projet == self.meta.id).collect();
        list.sort_by_key(|s| (s.date, s.heure));
        list
    }
}

/// One session of a projet's activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seance {
    pub meta: RecordMeta,
    pub projet: Id,
    pub date: NaiveDate,
    pub heure: Option<NaiveTime>,
    pub duree_min: u16,
    pub lieu: Text,
    /// How many came, and what is known of them, as counts (never names).
    pub participants: PublicAnonyme,
    /// Structures of the network that animated or attended.
    pub partenaires: Vec<Lien>,
    /// Who animated (roles, « 2 médiateurs », never a person helped).
    pub animateurs: Text,
    pub deroule: Text,
    pub reussites: Text,
    pub a_changer: Text,
}

/// The most participants a séance may count (a neighbourhood fête, not a stadium).
pub const MAX_PARTICIPANTS: u16 = 9_999;

impl Validate for Projet {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [
            &mut self.titre,
            &mut self.diagnostic,
            &mut self.objectifs,
            &mut self.public_vise,
            &mut self.moyens,
            &mut self.bilan,
        ]);
        for p in &mut self.partenaires {
            norm(&mut [&mut p.structure.nom, &mut p.role]);
        }
        for l in &mut self.budget {
            norm(&mut [&mut l.libelle, &mut l.financeur]);
        }
        for t in &mut self.taches {
            norm(&mut [&mut t.action, &mut t.qui]);
        }
        for i in &mut self.indicateurs {
            norm(&mut [&mut i.libelle]);
        }
        for s in &mut self.sources {
            norm(&mut [&mut s.titre]);
        }
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "titre", &self.titre);
        required(&mut e, "type_projet", &self.type_projet);
        required(&mut e, "role", &self.role);
        if self.budget.iter().any(|l| l.montant_centimes < 0) {
            e.push(FieldError {
                field: "budget",
                message: "err-amount-negative",
            });
        }
        for p in &self.phases {
            if let (Some(debut), Some(fin)) = (p.debut, p.fin)
                && fin < debut
            {
                e.push(FieldError {
                    field: phase_field(&p.phase, false),
                    message: "err-period-order",
                });
            }
        }
        e
    }
}

/// The form field of a phase's start (or end) date: `conception_debut`…
pub fn phase_field(phase: &str, debut: bool) -> &'static str {
    match (phase, debut) {
        ("conception", true) => "conception_debut",
        ("conception", false) => "conception_fin",
        ("preparation", true) => "preparation_debut",
        ("preparation", false) => "preparation_fin",
        ("mise_en_oeuvre", true) => "mise_en_oeuvre_debut",
        ("mise_en_oeuvre", false) => "mise_en_oeuvre_fin",
        ("evaluation", true) => "evaluation_debut",
        _ => "evaluation_fin",
    }
}

impl Validate for Seance {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [
            &mut self.lieu,
            &mut self.animateurs,
            &mut self.deroule,
            &mut self.reussites,
            &mut self.a_changer,
        ]);
        for l in &mut self.partenaires {
            norm(&mut [&mut l.nom]);
        }
        for a in std::sync::Arc::make_mut(&mut self.participants.attributs) {
            norm(&mut [&mut a.valeur]);
        }
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        duration(&mut e, "duree", self.duree_min);
        if self.participants.nombre > MAX_PARTICIPANTS {
            e.push(FieldError {
                field: "participants",
                message: "err-participants-range",
            });
        }
        // Each attribute's counts describe the same people: never more than came.
        let mut by_dimension: Vec<(&str, u32)> = Vec::new();
        for a in self.participants.attributs.iter() {
            match by_dimension
                .iter_mut()
                .find(|(d, _)| *d == a.dimension.as_str())
            {
                Some((_, n)) => *n += u32::from(a.nombre),
                None => by_dimension.push((a.dimension.as_str(), u32::from(a.nombre))),
            }
        }
        if by_dimension
            .iter()
            .any(|(_, n)| *n > u32::from(self.participants.nombre))
        {
            e.push(FieldError {
                field: "repartition",
                message: "err-breakdown-over-total",
            });
        }
        e
    }
}

/// Reading and writing the one-item-per-line fields of a projet's form.
pub mod lines {
    use super::*;
    use crate::domain::parse;
    use crate::domain::records::AttributCount;
    use crate::domain::text::fold;
    use crate::domain::vocab::Vocabularies;

    /// A line that could not be read: its number (from 1) and why (a message id).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct LineError {
        pub line: usize,
        pub message: &'static str,
    }

    fn items(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim()))
            .filter(|(_, l)| !l.is_empty())
            .map(|(n, l)| (n, l.split(';').map(str::trim).collect()))
    }

    fn err<T>(line: usize, message: &'static str) -> Result<T, LineError> {
        Err(LineError { line, message })
    }

    /// `Libellé ; montant ; financeur` — `1 200,50`, `1200.5 €`, `300`.
    pub fn budget(text: &str) -> Result<Vec<LigneBudget>, LineError> {
        items(text)
            .map(|(n, parts)| {
                let (libelle, montant, financeur) = match parts.as_slice() {
                    [l, m] => (*l, *m, ""),
                    [l, m, f] => (*l, *m, *f),
                    _ => return err(n, "err-line-budget"),
                };
                if libelle.is_empty() {
                    return err(n, "err-line-budget");
                }
                let montant_centimes = match amount(montant) {
                    Some(c) if c < 0 => return err(n, "err-amount-negative"),
                    Some(c) => c,
                    None => return err(n, "err-amount-format"),
                };
                Ok(LigneBudget {
                    libelle: libelle.into(),
                    montant_centimes,
                    financeur: financeur.into(),
                })
            })
            .collect()
    }

    pub fn budget_text(budget: &[LigneBudget]) -> String {
        join(budget.iter().map(|l| {
            let mut line = format!("{} ; {}", l.libelle, euros(l.montant_centimes));
            if !l.financeur.is_empty() {
                line.push_str(&format!(" ; {}", l.financeur));
            }
            line
        }))
    }

    /// An amount in euros as cents: spaces and `€` ignored, `,` or `.` before the cents.
    pub fn amount(text: &str) -> Option<i64> {
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{202f}')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        let (units, cents) = digits.split_once('.').unwrap_or((digits, ""));
        if units.is_empty()
            || units.len() > 12
            || !units.bytes().all(|b| b.is_ascii_digit())
            || cents.len() > 2
            || !cents.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let units: i64 = units.parse().ok()?;
        let cents: i64 = match cents.len() {
            0 => 0,
            1 => cents.parse::<i64>().ok()? * 10,
            _ => cents.parse().ok()?,
        };
        let value = units * 100 + cents;
        Some(if negative { -value } else { value })
    }

    /// Cents as French euros: `1 200,50 €`, `300 €`.
    pub fn euros(cents: i64) -> String {
        let sign = if cents < 0 { "-" } else { "" };
        let cents = cents.unsigned_abs();
        let units = (cents / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in units.chars().enumerate() {
            if i > 0 && (units.len() - i).is_multiple_of(3) {
                grouped.push('\u{a0}');
            }
            grouped.push(c);
        }
        match cents % 100 {
            0 => format!("{sign}{grouped} €"),
            c => format!("{sign}{grouped},{c:02} €"),
        }
    }

    /// `[x] Action ; qui ; échéance` — `[x]` when done, qui and échéance optional.
    pub fn taches(text: &str, today: NaiveDate) -> Result<Vec<Tache>, LineError> {
        items(text)
            .map(|(n, parts)| {
                let (first, rest) = parts.split_first().map_or(("", &[][..]), |(f, r)| (*f, r));
                let (faite, action) = done_mark(first);
                if action.is_empty() || rest.len() > 2 {
                    return err(n, "err-line-tache");
                }
                let qui = rest.first().copied().unwrap_or("");
                let echeance = match rest.get(1).copied().unwrap_or("") {
                    "" => None,
                    raw => match parse::date(raw, today) {
                        Ok(d) => Some(d),
                        Err(e) => return err(n, e),
                    },
                };
                Ok(Tache {
                    action: action.into(),
                    qui: qui.into(),
                    echeance,
                    faite,
                })
            })
            .collect()
    }

    fn done_mark(text: &str) -> (bool, &str) {
        for (mark, done) in [("[x]", true), ("[X]", true), ("[ ]", false)] {
            if let Some(rest) = text.strip_prefix(mark) {
                return (done, rest.trim());
            }
        }
        (false, text)
    }

    pub fn taches_text(taches: &[Tache]) -> String {
        join(taches.iter().map(|t| {
            let mark = if t.faite { "[x]" } else { "[ ]" };
            let mut line = format!("{mark} {}", t.action);
            match (t.qui.is_empty(), t.echeance) {
                (true, None) => {}
                (_, None) => line.push_str(&format!(" ; {}", t.qui)),
                (_, Some(d)) => {
                    line.push_str(&format!(" ; {} ; {}", t.qui, crate::domain::text::date(d)))
                }
            }
            line
        }))
    }

    /// The words that make an indicator computed from the séances.
    const COMPUTED: [(&str, Realise); 6] = [
        ("participants", Realise::Participants),
        ("seances", Realise::Seances),
        ("sessions", Realise::Seances),
        ("heures", Realise::Heures),
        ("hours", Realise::Heures),
        ("attendees", Realise::Participants),
    ];

    /// `Libellé ; cible ; réalisé` — réalisé a number, `participants`, `séances` or
    /// `heures` (counted from the séances), or nothing yet.
    pub fn indicateurs(text: &str) -> Result<Vec<Indicateur>, LineError> {
        items(text)
            .map(|(n, parts)| {
                let (libelle, cible, realise) = match parts.as_slice() {
                    [l, c] => (*l, *c, ""),
                    [l, c, r] => (*l, *c, *r),
                    _ => return err(n, "err-line-indicateur"),
                };
                let Ok(cible) = cible.replace([' ', '\u{a0}'], "").parse::<u32>() else {
                    return err(n, "err-line-indicateur");
                };
                if libelle.is_empty() {
                    return err(n, "err-line-indicateur");
                }
                let folded = fold(realise);
                let realise = if folded.is_empty() {
                    Realise::NonRenseigne
                } else if let Some((_, r)) = COMPUTED.iter().find(|(w, _)| *w == folded) {
                    *r
                } else {
                    match folded.replace(' ', "").parse::<u32>() {
                        Ok(v) => Realise::Saisi(v),
                        Err(_) => return err(n, "err-line-indicateur"),
                    }
                };
                Ok(Indicateur {
                    libelle: libelle.into(),
                    cible,
                    realise,
                })
            })
            .collect()
    }

    pub fn indicateurs_text(indicateurs: &[Indicateur], lang: Lang) -> String {
        join(indicateurs.iter().map(|i| {
            let realise = match (i.realise, lang) {
                (Realise::NonRenseigne, _) => String::new(),
                (Realise::Saisi(v), _) => v.to_string(),
                (Realise::Participants, Lang::Fr) => "participants".into(),
                (Realise::Participants, Lang::En) => "attendees".into(),
                (Realise::Seances, Lang::Fr) => "séances".into(),
                (Realise::Seances, Lang::En) => "sessions".into(),
                (Realise::Heures, Lang::Fr) => "heures".into(),
                (Realise::Heures, Lang::En) => "hours".into(),
            };
            if realise.is_empty() {
                format!("{} ; {}", i.libelle, i.cible)
            } else {
                format!("{} ; {} ; {realise}", i.libelle, i.cible)
            }
        }))
    }

    /// `Structure ; rôle` — the structure named as in the network (any case or accents);
    /// `resolve` finds it. A name the network lacks is refused: partners are structures.
    pub fn partenaires(
        text: &str,
        resolve: impl Fn(&str) -> Option<(Id, Text)>,
    ) -> Result<Vec<Partenaire>, LineError> {
        items(text)
            .map(|(n, parts)| {
                let (nom, role) = match parts.as_slice() {
                    [s] => (*s, ""),
                    [s, r] => (*s, *r),
                    _ => return err(n, "err-line-partenaire"),
                };
                match resolve(nom) {
                    Some((id, nom)) => Ok(Partenaire {
                        structure: Lien { id: Some(id), nom },
                        role: role.into(),
                    }),
                    None => err(n, "err-partenaire-unknown"),
                }
            })
            .collect()
    }

    pub fn partenaires_text(partenaires: &[Partenaire]) -> String {
        join(partenaires.iter().map(|p| {
            if p.role.is_empty() {
                p.structure.nom.to_string()
            } else {
                format!("{} ; {}", p.structure.nom, p.role)
            }
        }))
    }

    /// The dimensions counted for participants, as the interaction's people are.
    pub const DIMENSIONS: [&str; 4] = ["tranches_age", "genres", "statuts", "residences"];

    /// `Féminin ; 8` (or `feminin 8`): a value of one of the four dimensions, by its label
    /// or id in either language, and how many participants had it.
    pub fn repartition(text: &str, vocab: &Vocabularies) -> Result<Vec<AttributCount>, LineError> {
        let mut out: Vec<AttributCount> = Vec::new();
        for (n, parts) in items(text) {
            let (label, count) = match parts.as_slice() {
                [l, c] => (l.to_string(), c.to_string()),
                [one] => match one.rsplit_once(char::is_whitespace) {
                    Some((l, c)) => (l.trim().to_string(), c.to_string()),
                    None => return err(n, "err-line-repartition"),
                },
                _ => return err(n, "err-line-repartition"),
            };
            let Ok(nombre) = count.parse::<u16>() else {
                return err(n, "err-line-repartition");
            };
            let wanted = fold(label.trim_end_matches(':').trim());
            // A value by its id or label in either language, else the one value whose
            // label starts so (`fem` for Féminin).
            let entries = || {
                DIMENSIONS.iter().flat_map(|&dimension| {
                    vocab
                        .get(dimension)
                        .into_iter()
                        .flat_map(move |v| v.entries.iter().map(move |e| (dimension, e)))
                })
            };
            let exact = entries().find(|(_, e)| {
                fold(&e.id) == wanted || fold(&e.fr) == wanted || fold(&e.en) == wanted
            });
            let found = exact
                .or_else(|| {
                    let mut starting = entries().filter(|(_, e)| {
                        !wanted.is_empty()
                            && (fold(&e.fr).starts_with(&wanted)
                                || fold(&e.en).starts_with(&wanted))
                    });
                    match (starting.next(), starting.next()) {
                        (Some(one), None) => Some(one),
                        _ => None,
                    }
                })
                .map(|(dimension, e)| (dimension, e.id.clone()));
            let Some((dimension, valeur)) = found else {
                return err(n, "err-repartition-unknown");
            };
            match out
                .iter_mut()
                .find(|a| a.dimension == dimension && a.valeur.as_str() == valeur)
            {
                Some(a) => a.nombre = a.nombre.saturating_add(nombre),
                None => out.push(AttributCount {
                    dimension: dimension.into(),
                    valeur: valeur.into(),
                    nombre,
                }),
            }
        }
        Ok(out)
    }

    pub fn repartition_text(
        attributs: &[AttributCount],
        vocab: &Vocabularies,
        lang: Lang,
    ) -> String {
        join(attributs.iter().map(|a| {
            let label = vocab.get(&a.dimension).map_or_else(
                || a.valeur.to_string(),
                |v| v.label(&a.valeur, lang).into_owned(),
            );
            format!("{label} ; {}", a.nombre)
        }))
    }

    fn join(lines: impl Iterator<Item = String>) -> String {
        lines.collect::<Vec<_>>().join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::lines::*;
    use super::*;
    use crate::domain::Timestamp;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn seance(projet: u64, participants: u16, duree_min: u16) -> Seance {
        Seance {
            meta: RecordMeta::new(Id(100 + u64::from(participants)), Timestamp(0)),
            projet: Id(projet),
            date: d(2026, 10, 1),
            heure: None,
            duree_min,
            lieu: "Centre social".into(),
            participants: PublicAnonyme {
                nombre: participants,
                attributs: Default::default(),
            },
            partenaires: Vec::new(),
            animateurs: Text::default(),
            deroule: Text::default(),
            reussites: Text::default(),
            a_changer: Text::default(),
        }
    }

    #[test]
    fn realise_is_counted_from_the_seances() {
        let all = [seance(1, 8, 90), seance(1, 12, 120), seance(2, 30, 60)];
        let projet_seances: Vec<&Seance> = all.iter().filter(|s| s.projet == Id(1)).collect();
        let ind = |realise| Indicateur {
            libelle: "x".into(),
            cible: 20,
            realise,
        };
        assert_eq!(ind(Realise::Participants).valeur(&projet_seances), Some(20));
        assert_eq!(ind(Realise::Seances).valeur(&projet_seances), Some(2));
        assert_eq!(ind(Realise::Heures).valeur(&projet_seances), Some(3));
        assert_eq!(ind(Realise::Saisi(7)).valeur(&projet_seances), Some(7));
        assert_eq!(ind(Realise::NonRenseigne).valeur(&projet_seances), None);
        assert!(!ind(Realise::Participants).implausible(&projet_seances));
        assert!(ind(Realise::Saisi(201)).implausible(&projet_seances));
    }

    #[test]
    fn state_follows_the_phases_dates() {
        let phase = |phase: &str, debut, fin| Phase {
            phase: phase.into(),
            debut,
            fin,
        };
        let mut p = Projet {
            titre: "Atelier".into(),
            type_projet: "atelier_collectif".into(),
            phases: vec![
                phase("conception", Some(d(2026, 9, 1)), Some(d(2026, 9, 30))),
                phase(
                    "mise_en_oeuvre",
                    Some(d(2026, 10, 1)),
                    Some(d(2026, 12, 15)),
                ),
                phase("evaluation", Some(d(2026, 12, 16)), Some(d(2027, 1, 10))),
            ],
            ..Projet::new(RecordMeta::new(Id(1), Timestamp(0)), d(2026, 9, 1))
        };
        assert_eq!(p.etat(d(2026, 8, 1)), "a_venir");
        assert_eq!(p.etat(d(2026, 9, 10)), "conception");
        assert_eq!(p.etat(d(2026, 11, 27)), "mise_en_oeuvre");
        assert_eq!(p.etat(d(2026, 12, 20)), "evaluation");
        assert_eq!(p.etat(d(2027, 2, 1)), "termine");
        p.phases[2].fin = Some(d(2026, 12, 1));
        assert_eq!(
            p.validate(),
            [FieldError {
                field: "evaluation_fin",
                message: "err-period-order"
            }]
        );
    }

    #[test]
    fn lines_read_back_what_they_write() {
        let today = d(2026, 11, 27);
        let taches = taches(
            "[x] Réserver la salle ; Nadia ; 15/11\nAfficher 🙂 ; ; 02/12/2026\nAppeler",
            today,
        )
        .unwrap();
        assert_eq!(taches.len(), 3);
        assert!(taches[0].faite);
        assert_eq!(taches[0].echeance, Some(d(2026, 11, 15)));
        assert_eq!(taches[1].action, "Afficher 🙂");
        assert_eq!(taches[2].echeance, None);
        assert_eq!(
            super::lines::taches(&taches_text(&taches), today).unwrap(),
            taches
        );

        let budget = budget("Salle ; 0 ; Mairie\nGoûter ; 1 200,5 € ; CAF\nAffiches;45").unwrap();
        assert_eq!(budget[1].montant_centimes, 120_050);
        assert_eq!(euros(120_050), "1\u{a0}200,50 €");
        assert_eq!(super::lines::budget(&budget_text(&budget)).unwrap(), budget);

        let ind = indicateurs("Participants ; 60 ; participants\nSéances ; 6 ; Séances\nSatisfaits ; 80 ; 75\nÀ venir ; 3").unwrap();
        assert_eq!(ind[0].realise, Realise::Participants);
        assert_eq!(ind[1].realise, Realise::Seances);
        assert_eq!(ind[2].realise, Realise::Saisi(75));
        assert_eq!(ind[3].realise, Realise::NonRenseigne);
        for lang in [Lang::Fr, Lang::En] {
            assert_eq!(
                super::lines::indicateurs(&indicateurs_text(&ind, lang)).unwrap(),
                ind
            );
        }
    }

    #[test]
    fn bad_lines_say_which_and_why() {
        let today = d(2026, 11, 27);
        assert_eq!(
            budget("Salle ; 100\nGoûter ; -20 ; CAF"),
            Err(LineError {
                line: 2,
                message: "err-amount-negative"
            })
        );
        assert_eq!(
            budget("Goûter ; beaucoup"),
            Err(LineError {
                line: 1,
                message: "err-amount-format"
            })
        );
        assert_eq!(
            taches("Afficher ; Nadia ; 31/02", today),
            Err(LineError {
                line: 1,
                message: "err-date-impossible"
            })
        );
        assert_eq!(
            indicateurs("Participants ; soixante"),
            Err(LineError {
                line: 1,
                message: "err-line-indicateur"
            })
        );
        let resolve = |name: &str| {
            (crate::domain::text::fold(name) == "caf").then(|| (Id(7), Text::from("CAF")))
        };
        assert_eq!(
            partenaires("caf ; financeur\nMairie de Nulle-Part ; salle", resolve),
            Err(LineError {
                line: 2,
                message: "err-partenaire-unknown"
            })
        );
        let ok = partenaires("Caf ; financeur", resolve).unwrap();
        assert_eq!(ok[0].structure.nom, "CAF");
        assert_eq!(ok[0].role, "financeur");
    }

    #[test]
    fn a_breakdown_value_is_found_by_id_label_or_a_unique_start() {
        use crate::domain::vocab::{VocabEntry, Vocabularies, Vocabulary};
        let entry = |id: &str, fr: &str, en: &str| VocabEntry {
            id: id.into(),
            fr: fr.into(),
            en: en.into(),
            registre: None,
            competences: Vec::new(),
            cadence_jours: None,
            parent: None,
            montre: Vec::new(),
            recit: None,
        };
        let vocab = Vocabularies {
            genres: Vocabulary {
                entries: vec![
                    entry("feminin", "Féminin", "Female"),
                    entry("masculin", "Masculin", "Male"),
                    entry("non_communique", "Non communiqué", "Not given"),
                ],
            },
            tranches_age: Vocabulary {
                entries: vec![
                    entry("18_24", "18-24 ans", "18-24"),
                    entry("non_communique", "Non communiqué", "Not given"),
                ],
            },
            ..Vocabularies::default()
        };
        let r = repartition("Féminin ; 8\nmale 3\nfem 1\n18_24 : 2", &vocab).unwrap();
        let got: Vec<(&str, &str, u16)> = r
            .iter()
            .map(|a| (a.dimension.as_str(), a.valeur.as_str(), a.nombre))
            .collect();
        assert_eq!(
            got,
            [
                ("genres", "feminin", 9),
                ("genres", "masculin", 3),
                ("tranches_age", "18_24", 2)
            ]
        );
        // « non » starts several values (non communiqué in each dimension): refused.
        assert_eq!(
            repartition("non ; 2", &vocab),
            Err(LineError {
                line: 1,
                message: "err-repartition-unknown"
            })
        );
    }

    #[test]
    fn a_breakdown_above_the_participants_is_refused() {
        let mut s = seance(1, 10, 60);
        s.participants.attributs = vec![
            crate::domain::records::AttributCount {
                dimension: "genres".into(),
                valeur: "feminin".into(),
                nombre: 8,
            },
            crate::domain::records::AttributCount {
                dimension: "genres".into(),
                valeur: "masculin".into(),
                nombre: 4,
            },
        ]
        .into();
        assert_eq!(
            s.validate(),
            [FieldError {
                field: "repartition",
                message: "err-breakdown-over-total"
            }]
        );
        s.participants.nombre = 12;
        assert!(s.validate().is_empty());
    }
}
