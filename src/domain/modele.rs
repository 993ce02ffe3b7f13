//! Modèles: named presets for the interactions a mediator logs ten times a day
//! (« Permanence CAF », « Appel bailleur »). A modèle holds what such interactions share —
//! types, thématiques, canal, lieu, durée, réponses — never anything about a person.

use super::records::{DEFAULT_DURATION_MIN, Interaction, RecordMeta, Text};
use super::validate::{FieldError, Validate, norm, norm_list, norm_meta, required};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Modele {
    pub meta: RecordMeta,
    /// How it is chosen: unique, any case and accents.
    pub nom: Text,
    /// `types_interaction`; empty leaves the interaction's own.
    pub types: Vec<Text>,
    /// `thematiques`; empty leaves the interaction's own.
    pub thematiques: Vec<Text>,
    /// `canaux`; none leaves the interaction's own.
    pub canal: Option<Text>,
    /// A place (never a person); empty leaves the interaction's own.
    pub lieu: Text,
    pub duree_min: u16,
    /// `reponses`; empty leaves the interaction's own.
    pub reponses: Vec<Text>,
}

impl Modele {
    /// A modèle named `nom` that gives what `it` has in common with its kind.
    pub fn from_interaction(meta: RecordMeta, nom: Text, it: &Interaction) -> Modele {
        Modele {
            meta,
            nom,
            types: it.types.to_vec(),
            thematiques: it.thematiques.to_vec(),
            canal: (!it.canal.is_empty()).then(|| it.canal.clone()),
            lieu: it.lieu.clone(),
            duree_min: it.duree_min,
            reponses: it.reponses.to_vec(),
        }
    }

    pub fn blank(meta: RecordMeta) -> Modele {
        Modele {
            meta,
            nom: Text::default(),
            types: Vec::new(),
            thematiques: Vec::new(),
            canal: None,
            lieu: Text::default(),
            duree_min: DEFAULT_DURATION_MIN,
            reponses: Vec::new(),
        }
    }

    /// The interaction's fields (their form ids) this modèle sets: what it leaves empty
    /// stays the interaction's own.
    pub fn fields(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut set = |id, yes: bool| {
            if yes {
                out.push(id);
            }
        };
        set("types", !self.types.is_empty());
        set("thematiques", !self.thematiques.is_empty());
        set("canal", self.canal.is_some());
        set("lieu", !self.lieu.is_empty());
        set("duree", true);
        set("reponses", !self.reponses.is_empty());
        out
    }

    /// Gives `it` what this modèle sets.
    pub fn apply(&self, it: &mut Interaction) {
        if !self.types.is_empty() {
            it.types = self.types.as_slice().into();
        }
        if !self.thematiques.is_empty() {
            it.thematiques = self.thematiques.as_slice().into();
        }
        if let Some(canal) = &self.canal {
            it.canal = canal.clone();
        }
        if !self.lieu.is_empty() {
            it.lieu = self.lieu.clone();
        }
        it.duree_min = self.duree_min;
        if !self.reponses.is_empty() {
            it.reponses = self.reponses.as_slice().into();
        }
    }
}

/// The modèle called `name`, any case and accents.
pub fn named<'a>(modeles: &'a [Modele], name: &str) -> Option<&'a Modele> {
    let wanted = super::text::fold(name.trim());
    modeles
        .iter()
        .find(|m| super::text::fold(m.nom.trim()) == wanted)
}

impl Validate for Modele {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [&mut self.nom, &mut self.lieu]);
        if let Some(canal) = &mut self.canal {
            norm(&mut [canal]);
        }
        norm_list(&mut self.types);
        norm_list(&mut self.thematiques);
        norm_list(&mut self.reponses);
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "nom_modele", &self.nom);
        super::validate::duration(&mut e, "duree", self.duree_min);
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Id, Timestamp};
    use chrono::{NaiveDate, NaiveTime};

    fn interaction() -> Interaction {
        let mut it = Interaction::blank(
            RecordMeta::new(Id(1), Timestamp(0)),
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            NaiveTime::MIN,
            None,
        );
        it.types = vec!["accueil_information".into()].into();
        it.thematiques = vec!["logement".into()].into();
        it.lieu = "Mairie annexe".into();
        it.demande = "Dossier APL".into();
        it
    }

    #[test]
    fn a_modele_sets_what_it_has_and_leaves_the_rest() {
        let mut m = Modele::blank(RecordMeta::new(Id(2), Timestamp(0)));
        m.nom = "Appel bailleur".into();
        m.types = vec!["mediation".into()];
        m.canal = Some("telephone".into());
        m.duree_min = 10;
        let mut it = interaction();
        m.apply(&mut it);
        assert_eq!(*it.types, vec![Text::from("mediation")]);
        assert_eq!(it.canal, "telephone");
        assert_eq!(it.duree_min, 10);
        // What the modèle leaves empty, and the demande, stay the interaction's own.
        assert_eq!(*it.thematiques, vec![Text::from("logement")]);
        assert_eq!(it.lieu, "Mairie annexe");
        assert_eq!(it.demande, "Dossier APL");
        assert_eq!(m.fields(), ["types", "canal", "duree"]);
    }

    #[test]
    fn a_modele_from_an_interaction_never_keeps_its_demande_and_is_found_by_name() {
        let m = Modele::from_interaction(
            RecordMeta::new(Id(2), Timestamp(0)),
            "Permanence CAF".into(),
            &interaction(),
        );
        assert_eq!(m.lieu, "Mairie annexe");
        let list = [m];
        assert!(named(&list, "  permanence caf ").is_some());
        assert!(named(&list, "Permanence ÇAF").is_some());
        assert!(named(&list, "Permanence").is_none());
    }
}
