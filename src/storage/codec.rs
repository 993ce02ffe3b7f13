//! Values on disk: one versioned enum per record kind, encoded with bincode 2 (serde).
//!
//! bincode is not self-describing: adding, removing or reordering a field changes the bytes.
//! The envelopes are generated for every kind of the list (`for_each_kind!`). To change a
//! record's shape: freeze the current struct as `v1::Interaction` (say) in this module, give
//! that kind a hand-written envelope whose `V2` variant holds the new shape and whose
//! `decode` upgrades `V1`, leave it out of the generated ones, bump `SCHEMA_VERSION`, and
//! commit golden fixtures of the new version under tests/fixtures/. A new kind needs none
//! of this: its `V1` is generated. Never remove or reorder variants.

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

/// Each kind is stored in an envelope whose variants are its versions (only `V1` so far).
macro_rules! versioned {
    ($($t:ident => $field:ident),+ $(,)?) => {$(
        impl Stored for $t {
            fn encode(&self) -> Result<Vec<u8>, CodecError> {
                // Serialize a borrowed envelope to avoid cloning the record.
                #[derive(Serialize)]
                enum Borrowed<'a> {
                    V1(&'a $t),
                }
                bincode::serde::encode_to_vec(Borrowed::V1(self), config())
                    .map_err(|e| CodecError(e.to_string()))
            }

            fn decode(bytes: &[u8]) -> Result<Self, CodecError> {
                #[derive(Deserialize)]
                enum Envelope {
                    V1($t),
                }
                let (envelope, read): (Envelope, usize) =
                    bincode::serde::decode_from_slice(bytes, config())
                        .map_err(|e| CodecError(e.to_string()))?;
                if read != bytes.len() {
                    return Err(CodecError(format!("{} trailing bytes", bytes.len() - read)));
                }
                match envelope {
                    Envelope::V1(record) => Ok(record),
                }
            }
        }
    )+};
}

crate::for_each_kind!(versioned);

use crate::domain::validate::Validate;
