//! The Dossier Professionnel's model and its examples: the ministry's labels, a drafted
//! example's rubriques (`recit` writes them from a situation), the questions a draft leaves.

use chrono::NaiveDate;

use super::*;

/// The ministry's model of the dossier: its official labels, word for word
/// (`config/dossier.toml`). The « Présentation du dossier » text is supplied separately.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub titre: String,
    pub nom_naissance: String,
    pub nom_usage: String,
    pub prenom: String,
    pub adresse: String,
    pub titre_vise: String,
    pub modalite: String,
    pub parcours_formation: String,
    pub vae: String,
    pub presentation: String,
    pub sommaire: String,
    pub exemples: String,
    pub activite_type: String,
    pub exemple: String,
    /// The five rubriques of an example, in order; the fourth is « Contexte ».
    pub rubriques: [String; 5],
    pub entreprise: String,
    pub service: String,
    pub periode: String,
    pub du: String,
    pub au: String,
    pub titres: String,
    pub titres_sommaire: String,
    pub titres_colonnes: [String; 3],
    pub declaration: String,
    /// With `{nom}`; `{lieu}` and `{date}` in `declaration_fait`.
    pub declaration_texte: String,
    pub declaration_fait: String,
    pub signature: String,
    pub documents: String,
    pub documents_sommaire: String,
    pub documents_colonnes: [String; 1],
    pub annexes: String,
    pub annexes_sommaire: String,
}

/// The prefilled rubriques of one example.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub titre: String,
    /// « Décrivez les tâches ou opérations que vous avez effectuées, et dans quelles conditions »
    pub taches: String,
    /// « Précisez les moyens utilisés »
    pub moyens: String,
    /// « Avec qui avez-vous travaillé ? »
    pub avec_qui: String,
    /// « Nom de l'entreprise, organisme ou association »
    pub entreprise: String,
    /// « Chantier, atelier, service »
    pub service: String,
    /// « Période d'exercice » of the selected records.
    pub du: Option<NaiveDate>,
    pub au: Option<NaiveDate>,
    /// « Informations complémentaires »: a projet's indicators and bilan, a case's issue.
    pub infos: String,
}

impl Draft {
    /// The example of a CCP (qualified id) this draft starts, ranked `rang`.
    pub fn into_exemple(
        self,
        meta: RecordMeta,
        ccp: Text,
        rang: u8,
        sources: Vec<SourceRef>,
    ) -> Exemple {
        Exemple {
            meta,
            ccp,
            rang,
            titre: self.titre.into(),
            taches: self.taches.into(),
            moyens: self.moyens.into(),
            avec_qui: self.avec_qui.into(),
            entreprise: self.entreprise.into(),
            service: self.service.into(),
            du: self.du,
            au: self.au,
            infos: self.infos.into(),
            sources,
            accepted: Vec::new(),
        }
    }
}

/// The questions a draft left for its author (`[… ?]`, see `recit::question`) still in
/// `text`: each must be answered or removed before the dossier is shared.
pub fn questions(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        let after = &rest[start + 1..];
        let Some(len) = after.find([']', '[', '\n']) else {
            break;
        };
        if after[len..].starts_with(']') && after[..len].trim_end().ends_with('?') {
            out.push(&rest[start..start + len + 2]);
        }
        rest = &after[len..];
    }
    out
}

/// The examples of a CCP (qualified id), by rank then creation.
pub fn examples_of(data: &Dataset, ccp: &str) -> Vec<usize> {
    let mut list: Vec<usize> = (0..data.exemples.len())
        .filter(|&i| data.exemples[i].ccp == ccp)
        .collect();
    list.sort_by_key(|&i| (data.exemples[i].rang, data.exemples[i].meta.id));
    list
}
