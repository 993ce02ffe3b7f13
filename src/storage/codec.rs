//! Values on disk: one versioned enum per record kind, encoded with bincode 2 (serde).
//!
//! bincode is not self-describing: adding, removing or reordering a field changes the bytes.
//! To change a record's shape: freeze the current struct as `v1::Interaction` (say) in this
//! module, append a `V2` variant holding the new shape, upgrade `V1` in `decode`, bump
//! `SCHEMA_VERSION`, and commit golden fixtures of the new version under tests/fixtures/.
//! Never remove or reorder variants.

use crate::domain::*;
use serde::{Deserialize, Serialize};

/// The schema this build writes. A store whose meta says more is refused.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CodecError(pub String);

fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

/// A record kind as stored: its versioned envelope and how to upgrade it.
pub trait Stored: Record + Validate + Sized {
    fn encode(&self) -> Result<Vec<u8>, CodecError>;
    fn decode(bytes: &[u8]) -> Result<Self, CodecError>;
}

macro_rules! versioned {
    ($($envelope:ident => $t:ident),+ $(,)?) => {$(
        #[derive(Serialize, Deserialize)]
        pub enum $envelope {
            V1($t),
        }

        impl Stored for $t {
            fn encode(&self) -> Result<Vec<u8>, CodecError> {
                // Serialize a borrowed envelope to avoid cloning the record.
                #[derive(Serialize)]
                enum Borrowed<'a> { V1(&'a $t) }
                bincode::serde::encode_to_vec(Borrowed::V1(self), config())
                    .map_err(|e| CodecError(e.to_string()))
            }

            fn decode(bytes: &[u8]) -> Result<Self, CodecError> {
                let (envelope, read): ($envelope, usize) =
                    bincode::serde::decode_from_slice(bytes, config())
                        .map_err(|e| CodecError(e.to_string()))?;
                if read != bytes.len() {
                    return Err(CodecError(format!("{} trailing bytes", bytes.len() - read)));
                }
                match envelope {
                    $envelope::V1(record) => Ok(record),
                }
            }
        }
    )+};
}

versioned!(
    InteractionRecord => Interaction,
    SuiviRecord => Suivi,
    StructureRecord => Structure,
    ContactRecord => Contact,
    RencontreRecord => Rencontre,
    VeilleRecord => Veille,
    FicheRecord => Fiche,
    AnalyseRecord => Analyse,
    SignalementRecord => Signalement,
    NoteTerritoireRecord => NoteTerritoire,
    PlanNodeRecord => PlanNode,
    ProfilRecord => Profil,
    ExempleRecord => Exemple,
);

use crate::domain::validate::Validate;
