//! Cas de médiation (CCP2.C7 with an institution; C4–C6 between people): a process over
//! weeks, from the saisine to an issue, with the parties' consent and dated steps. The
//! parties are pseudonymous suivi codes or structures of the network, never names.

use super::Id;
use super::records::{Etape, Lien, RecordMeta, Text};
use super::validate::{FieldError, Validate, norm, norm_meta, required};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The status of a closed case (`statuts_cas` in the vocabularies).
pub const CLOS: &str = "clos";
/// The status of a case waiting on a party's answer.
pub const ATTENTE_REPONSE: &str = "attente_reponse";
/// The statuses waiting on someone else: « à relancer » once the delay is over.
pub const EN_ATTENTE: [&str; 2] = ["solliciter_autre_partie", ATTENTE_REPONSE];
/// The case type of a mediation with an institution (CCP2.C7).
pub const USAGER_INSTITUTION: &str = "usager_institution";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CasMediation {
    pub meta: RecordMeta,
    /// The day of the saisine.
    pub date: NaiveDate,
    /// A short, non-identifying title (« Bruit de voisinage, bâtiment C »).
    pub intitule: Text,
    /// `types_cas`.
    pub type_cas: Text,
    /// `origines_cas`: the person, a partner, the mediator's own observation.
    pub origine: Text,
    /// The party who asked, by suivi code.
    pub demandeur: Option<Id>,
    /// The other party, by suivi code (a neighbour)…
    pub autre_partie: Option<Id>,
    /// …or a structure of the network (an institution, a landlord, a school).
    pub structure: Option<Lien>,
    /// When the parties' consent was given; `None` while it is not.
    pub consentement_le: Option<NaiveDate>,
    /// `statuts_cas`.
    pub statut: Text,
    /// Each change of status, oldest first.
    pub etapes: Vec<Etape>,
    /// `issues_cas`, once closed.
    pub issue: Option<Text>,
    pub bilan: Text,
    /// Interactions of the journal that are part of the case.
    pub interactions: Vec<Id>,
    /// Analyses de pratique about the case.
    pub analyses: Vec<Id>,
}

impl CasMediation {
    pub fn is_closed(&self) -> bool {
        self.statut == CLOS
    }

    /// Since when the case is in its current status.
    pub fn since(&self) -> NaiveDate {
        self.etapes
            .iter()
            .rev()
            .find(|e| e.statut == self.statut)
            .map_or(self.date, |e| e.date)
    }

    /// Days from the saisine to the closing step (to `today` while open).
    pub fn duree_jours(&self, today: NaiveDate) -> i64 {
        let end = if self.is_closed() {
            self.since()
        } else {
            today
        };
        (end - self.date).num_days().max(0)
    }

    /// Waiting on a party for longer than `delai_jours` on `today`.
    pub fn attend_depuis(&self, today: NaiveDate, delai_jours: i64) -> Option<i64> {
        let days = (today - self.since()).num_days();
        (EN_ATTENTE.contains(&self.statut.as_str()) && days > delai_jours).then_some(days)
    }

    /// The competences the case shows, ids within the référentiel: CCP2.C7 with an
    /// institution, CCP2.C4–C6 between people, CCP2.C9 once an analyse looks back at it.
    pub fn competences(&self) -> Vec<&'static str> {
        let mut out = if self.type_cas == USAGER_INSTITUTION {
            vec!["CCP2.C7"]
        } else {
            vec!["CCP2.C4", "CCP2.C5", "CCP2.C6"]
        };
        if !self.analyses.is_empty() {
            out.push("CCP2.C9");
        }
        out
    }
}

impl Validate for CasMediation {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [&mut self.intitule, &mut self.bilan]);
        if let Some(l) = &mut self.structure {
            norm(&mut [&mut l.nom]);
        }
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "intitule", &self.intitule);
        required(&mut e, "type_cas", &self.type_cas);
        required(&mut e, "statut_cas", &self.statut);
        if self.is_closed() && self.issue.as_ref().is_none_or(|i| i.trim().is_empty()) {
            e.push(FieldError {
                field: "issue_cas",
                message: "err-closed-without-issue",
            });
        }
        if self.consentement_le.is_some_and(|c| c < self.date) {
            e.push(FieldError {
                field: "consentement_le",
                message: "err-consent-before-saisine",
            });
        }
        if self.demandeur.is_some() && self.demandeur == self.autre_partie {
            e.push(FieldError {
                field: "autre_partie",
                message: "err-same-party",
            });
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Timestamp;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn cas() -> CasMediation {
        CasMediation {
            meta: RecordMeta::new(Id(1), Timestamp(0)),
            date: d(10, 1),
            intitule: "Bruit, bâtiment C".into(),
            type_cas: "voisinage".into(),
            origine: "personne".into(),
            demandeur: Some(Id(5)),
            autre_partie: Some(Id(6)),
            structure: None,
            consentement_le: None,
            statut: "a_traiter".into(),
            etapes: vec![Etape {
                date: d(10, 1),
                statut: "a_traiter".into(),
            }],
            issue: None,
            bilan: Text::default(),
            interactions: Vec::new(),
            analyses: Vec::new(),
        }
    }

    /// A case through its life on fixed days: waiting shows once the delay is over, the
    /// duration runs until it closes, closing needs an issue.
    #[test]
    fn lifecycle_with_a_fixed_clock() {
        let mut c = cas();
        let step = |c: &mut CasMediation, statut: &str, date| {
            c.statut = statut.into();
            c.etapes.push(Etape {
                date,
                statut: statut.into(),
            });
        };
        step(&mut c, "contact_demandeur", d(10, 3));
        assert_eq!(c.attend_depuis(d(11, 27), 14), None);
        step(&mut c, ATTENTE_REPONSE, d(10, 10));
        assert_eq!(c.attend_depuis(d(10, 20), 14), None);
        assert_eq!(c.attend_depuis(d(10, 25), 14), Some(15));
        assert_eq!(c.duree_jours(d(10, 25)), 24);
        step(&mut c, "rencontre", d(10, 28));
        assert_eq!(c.attend_depuis(d(11, 27), 14), None);
        step(&mut c, CLOS, d(11, 5));
        assert_eq!(
            c.validate(),
            [FieldError {
                field: "issue_cas",
                message: "err-closed-without-issue"
            }]
        );
        c.issue = Some("accord_partiel".into());
        assert!(c.validate().is_empty());
        assert_eq!(c.duree_jours(d(12, 31)), 35);
    }

    #[test]
    fn competences_follow_the_type_and_the_analyses() {
        let mut c = cas();
        assert_eq!(c.competences(), ["CCP2.C4", "CCP2.C5", "CCP2.C6"]);
        c.type_cas = USAGER_INSTITUTION.into();
        c.analyses.push(Id(9));
        assert_eq!(c.competences(), ["CCP2.C7", "CCP2.C9"]);
    }

    #[test]
    fn consent_and_parties_are_checked() {
        let mut c = cas();
        c.consentement_le = Some(d(9, 1));
        c.autre_partie = c.demandeur;
        let fields: Vec<&str> = c.validate().iter().map(|e| e.field).collect();
        assert_eq!(fields, ["consentement_le", "autre_partie"]);
    }
}
