//! How well each competence is evidenced: links counted by strength, and the state the
//! référentiel's thresholds give them.

use super::{EvidenceLink, Strength};
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EvidenceCount {
    pub principale: usize,
    pub secondaire: usize,
    pub latest: Option<NaiveDate>,
}

/// How well a competence is evidenced: aucune (no record), amorcée (some, not enough),
/// solide (enough records, as the référentiel counts them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Coverage {
    Aucune,
    Amorcee,
    Solide,
}

impl Coverage {
    pub fn id(self) -> &'static str {
        match self {
            Coverage::Aucune => "aucune",
            Coverage::Amorcee => "amorcee",
            Coverage::Solide => "solide",
        }
    }
}

impl EvidenceCount {
    /// The state for the thresholds (links for "amorcée", principal links for "solide").
    pub fn coverage(&self, (amorcee, solide): (u32, u32)) -> Coverage {
        if self.principale >= solide as usize {
            Coverage::Solide
        } else if self.total() >= amorcee as usize {
            Coverage::Amorcee
        } else {
            Coverage::Aucune
        }
    }

    pub fn total(&self) -> usize {
        self.principale + self.secondaire
    }

    pub fn add(&mut self, link: &EvidenceLink) {
        match link.strength {
            Strength::Principale => self.principale += 1,
            Strength::Secondaire => self.secondaire += 1,
        }
        self.latest = self.latest.max(Some(link.date));
    }
}
