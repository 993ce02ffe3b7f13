//! Vocabularies (types, canaux, thématiques…) as data: stable ids with fr/en labels.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VocabEntry {
    pub id: String,
    pub fr: String,
    pub en: String,
    /// Registre d'intervention (interaction types only).
    #[serde(default)]
    pub registre: Option<String>,
    /// Competences suggested as evidence, ids within the référentiel.
    #[serde(default)]
    pub competences: Vec<String>,
    /// Days without contact before "à relancer" (relation levels only).
    #[serde(default)]
    pub cadence_jours: Option<u32>,
    /// Parent node (plan de classement only).
    #[serde(default)]
    pub parent: Option<String>,
    /// Competences a kind's records can show by what they hold, beyond those suggested
    /// when one is created (`suggestions_preuves` only: a projet's parts, a case's type).
    #[serde(default)]
    pub montre: Vec<String>,
    /// How a Dossier Professionnel draft tells it, in the first person and the past tense
    /// (« j'ai orienté {qui} »): the dossier is written in French whatever the interface.
    #[serde(default)]
    pub recit: Option<String>,
}

impl VocabEntry {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Vocabulary {
    pub entries: Vec<VocabEntry>,
}

impl Vocabulary {
    pub fn get(&self, id: &str) -> Option<&VocabEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The label in `lang`, or the raw id when the current config does not know it.
    pub fn label<'a>(&'a self, id: &'a str, lang: Lang) -> Cow<'a, str> {
        match self.get(id) {
            Some(e) => Cow::Borrowed(e.label(lang)),
            None => Cow::Borrowed(id),
        }
    }

    /// How a draft tells this entry (`recit`), `{qui}` replaced; the lowercased French
    /// label when the config gives no recit (an entry a user added).
    pub fn recit(&self, id: &str, qui: &str) -> String {
        match self.get(id).and_then(|e| e.recit.as_deref()) {
            // « auprès de un groupe » → « auprès d'un groupe ».
            Some(r) => r
                .replace("{qui}", qui)
                .replace("de un ", "d'un ")
                .replace("de une ", "d'une "),
            None => self.label(id, Lang::Fr).to_lowercase(),
        }
    }

    pub fn labels(&self, ids: &[impl AsRef<str>], lang: Lang) -> String {
        ids.iter()
            .map(|id| self.label(id.as_ref(), lang).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn position(&self, id: &str) -> usize {
        self.entries
            .iter()
            .position(|e| e.id == id)
            .unwrap_or(self.entries.len())
    }

    /// Appends new ids; an entry whose id exists replaces it (a user relabelling an entry).
    fn extend(&mut self, other: Vocabulary) {
        for entry in other.entries {
            match self.entries.iter_mut().find(|e| e.id == entry.id) {
                Some(existing) => *existing = entry,
                None => self.entries.push(entry),
            }
        }
    }

    fn first_duplicate(&self) -> Option<&str> {
        self.entries.iter().enumerate().find_map(|(i, e)| {
            self.entries[..i]
                .iter()
                .any(|p| p.id == e.id)
                .then_some(e.id.as_str())
        })
    }
}

macro_rules! vocabularies {
    ($($field:ident),+ $(,)?) => {
        /// Every vocabulary Carnet knows. The same shape serves the embedded defaults and a
        /// user's extensions (where each list may be absent).
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
        #[serde(deny_unknown_fields, default)]
        pub struct Vocabularies {
            $(pub $field: Vocabulary,)+
        }

        impl Vocabularies {
            pub fn lists(&self) -> Vec<(&'static str, &Vocabulary)> {
                vec![$((stringify!($field), &self.$field),)+]
            }

            /// The vocabulary with this name.
            pub fn get(&self, name: &str) -> Option<&Vocabulary> {
                match name {
                    $(stringify!($field) => Some(&self.$field),)+
                    _ => None,
                }
            }

            pub fn extend(&mut self, other: Vocabularies) {
                $(self.$field.extend(other.$field);)+
            }
        }
    };
}

vocabularies!(
    registres,
    types_interaction,
    canaux,
    reponses,
    autonomie,
    issues_orientation,
    tranches_age,
    genres,
    statuts,
    residences,
    thematiques,
    typologies_structure,
    niveaux_relation,
    types_service,
    types_rencontre,
    initiatives,
    sources_veille,
    fiabilites,
    diffusions,
    types_fiche,
    statuts_fiche,
    plan_classement,
    formats_analyse,
    categories_signalement,
    statuts_signalement,
    themes_territoire,
    types_evenement_securite,
    actions_securite,
    cadres_legaux,
    types_projet,
    roles_projet,
    etats_projet,
    types_cas,
    origines_cas,
    statuts_cas,
    issues_cas,
    suggestions_preuves,
);

/// A problem in vocabulary data, named by list and id.
#[derive(Debug, Clone, PartialEq)]
pub enum VocabProblem {
    Duplicate { list: &'static str, id: String },
    UnknownParent { id: String, parent: String },
    Empty { list: &'static str },
}

impl Vocabularies {
    pub fn check(&self) -> Vec<VocabProblem> {
        let mut problems = Vec::new();
        for (list, vocab) in self.lists() {
            if vocab.entries.is_empty() {
                problems.push(VocabProblem::Empty { list });
            }
            if let Some(id) = vocab.first_duplicate() {
                problems.push(VocabProblem::Duplicate {
                    list,
                    id: id.to_string(),
                });
            }
        }
        for node in &self.plan_classement.entries {
            if let Some(parent) = &node.parent
                && !self.plan_classement.contains(parent)
            {
                problems.push(VocabProblem::UnknownParent {
                    id: node.id.clone(),
                    parent: parent.clone(),
                });
            }
        }
        problems
    }

    /// Depth of a plan de classement node (0 for a root), for indentation.
    pub fn plan_depth(&self, id: &str) -> usize {
        let mut depth = 0;
        let mut current = self.plan_classement.get(id);
        while let Some(parent) = current.and_then(|n| n.parent.as_deref()) {
            depth += 1;
            current = self.plan_classement.get(parent);
            if depth > 16 {
                break;
            }
        }
        depth
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, fr: &str) -> VocabEntry {
        VocabEntry {
            id: id.into(),
            fr: fr.into(),
            en: fr.into(),
            registre: None,
            competences: vec![],
            cadence_jours: None,
            parent: None,
            montre: Vec::new(),
            recit: None,
        }
    }

    #[test]
    fn unknown_ids_show_raw_and_extension_replaces_or_appends() {
        let mut v = Vocabulary {
            entries: vec![entry("a", "A")],
        };
        assert_eq!(v.label("zz", Lang::Fr), "zz");
        v.extend(Vocabulary {
            entries: vec![entry("a", "A2"), entry("b", "B")],
        });
        assert_eq!(v.label("a", Lang::Fr), "A2");
        assert_eq!(v.label("b", Lang::Fr), "B");
        assert_eq!(v.first_duplicate(), None);
    }
}
