//! The competence référentiel of a professional title, loaded from data.

use super::vocab::Lang;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Referentiel {
    pub id: String,
    pub titre: String,
    pub titre_en: String,
    #[serde(default)]
    pub arrete: String,
    /// Defaults to empty so `check` reports a référentiel without CCP in plain words.
    #[serde(default)]
    pub ccp: Vec<Ccp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ccp {
    pub id: String,
    pub key: String,
    pub libelle: String,
    pub libelle_en: String,
    /// Defaults to empty so `check` can name the CCP that lacks competences.
    #[serde(default)]
    pub competences: Vec<Competence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competence {
    pub id: String,
    pub key: String,
    pub libelle: String,
    pub libelle_en: String,
    #[serde(default)]
    pub observables: Vec<String>,
    #[serde(default)]
    pub observables_en: Vec<String>,
    #[serde(default)]
    pub criteres: Vec<String>,
}

impl Ccp {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.libelle,
            Lang::En => &self.libelle_en,
        }
    }
}

impl Competence {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.libelle,
            Lang::En => &self.libelle_en,
        }
    }

    pub fn observables(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En if !self.observables_en.is_empty() => &self.observables_en,
            _ => &self.observables,
        }
    }
}

impl Referentiel {
    pub fn title(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.titre,
            Lang::En => &self.titre_en,
        }
    }

    /// The id stored in evidence links: `tms-2004/CCP2.C3`.
    pub fn qualify(&self, competence_id: &str) -> String {
        format!("{}/{}", self.id, competence_id)
    }

    /// Finds a competence by its qualified id; `None` for another référentiel's id or an
    /// id this one lacks (such links are kept and shown as orphans).
    pub fn find(&self, qualified: &str) -> Option<(&Ccp, &Competence)> {
        let local = qualified.strip_prefix(&self.id)?.strip_prefix('/')?;
        self.ccp.iter().find_map(|ccp| {
            ccp.competences
                .iter()
                .find(|c| c.id == local)
                .map(|c| (ccp, c))
        })
    }

    pub fn competences(&self) -> impl Iterator<Item = (&Ccp, &Competence)> {
        self.ccp
            .iter()
            .flat_map(|ccp| ccp.competences.iter().map(move |c| (ccp, c)))
    }

    /// Structural problems: no CCP, a CCP without competences, or an id used twice.
    pub fn check(&self) -> Vec<ReferentielProblem> {
        let mut problems = Vec::new();
        if self.ccp.is_empty() {
            problems.push(ReferentielProblem::NoCcp);
        }
        let mut seen: Vec<&str> = Vec::new();
        for ccp in &self.ccp {
            if ccp.competences.is_empty() {
                problems.push(ReferentielProblem::EmptyCcp(ccp.id.clone()));
            }
            let ids = std::iter::once(ccp.id.as_str())
                .chain(ccp.competences.iter().map(|c| c.id.as_str()));
            for id in ids {
                if seen.contains(&id) {
                    problems.push(ReferentielProblem::Duplicate(id.to_string()));
                }
                seen.push(id);
            }
        }
        problems
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferentielProblem {
    NoCcp,
    EmptyCcp(String),
    Duplicate(String),
}

impl ReferentielProblem {
    /// The id whose `id = "…"` line the problem is about, and which occurrence of it (0-based).
    pub fn locate(&self) -> Option<(&str, usize)> {
        match self {
            ReferentielProblem::NoCcp => None,
            ReferentielProblem::EmptyCcp(id) => Some((id, 0)),
            ReferentielProblem::Duplicate(id) => Some((id, 1)),
        }
    }
}
