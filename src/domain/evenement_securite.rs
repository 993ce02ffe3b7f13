//! Événements de sécurité (CCP2.C10, « se protéger et protéger l'autre dans un cadre
//! légal »): an incident or a person in danger, and what the mediator did about it. No
//! identity: a place, a type, the actions taken, the legal frame used, what was learnt.

use super::Id;
use super::records::{RecordMeta, Text};
use super::validate::{FieldError, Validate, norm, norm_list, norm_meta, required};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvenementSecurite {
    pub meta: RecordMeta,
    pub date: NaiveDate,
    /// Where it happened (a place, never a person).
    pub lieu: Text,
    /// `types_evenement_securite`.
    pub type_evenement: Text,
    /// What happened, factually and without identity.
    pub deroule: Text,
    /// `actions_securite`: mise en sécurité, binôme, hiérarchie informée…
    pub actions: Vec<Text>,
    /// `cadres_legaux`: the duties and texts the mediator acted under.
    pub cadre_legal: Vec<Text>,
    /// Retour d'expérience: what the mediator and the team learnt (CCP2.C9 too).
    pub retour_experience: Text,
    /// Interactions of the journal this event relates to.
    pub interactions: Vec<Id>,
}

impl Validate for EvenementSecurite {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [
            &mut self.lieu,
            &mut self.deroule,
            &mut self.retour_experience,
        ]);
        norm_list(&mut self.actions);
        norm_list(&mut self.cadre_legal);
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "type_evenement", &self.type_evenement);
        required(&mut e, "lieu", &self.lieu);
        if self.actions.is_empty() {
            e.push(FieldError {
                field: "actions_securite",
                message: "err-required",
            });
        }
        e
    }
}

/// The « cadre légal » card: the duties a mediator keeps and the emergency numbers, as the
/// config gives them (`config/cadre_legal.toml`), in both languages.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CadreLegal {
    pub devoirs: Vec<Bilingue>,
    pub numeros: Vec<Numero>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingue {
    pub fr: String,
    pub en: String,
}

impl Bilingue {
    pub fn get(&self, lang: super::Lang) -> &str {
        match lang {
            super::Lang::Fr => &self.fr,
            super::Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numero {
    pub numero: String,
    pub fr: String,
    pub en: String,
}

impl Numero {
    pub fn label(&self, lang: super::Lang) -> &str {
        match lang {
            super::Lang::Fr => &self.fr,
            super::Lang::En => &self.en,
        }
    }
}
