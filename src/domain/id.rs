//! Time-sortable record ids: milliseconds since the Unix epoch in the high 48 bits and a
//! sequence in the low 16, so big-endian keys sort by creation time in sled.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub u64);

impl Id {
    pub fn from_parts(millis: i64, seq: u16) -> Id {
        let millis = u64::try_from(millis.max(0)).unwrap_or(0) & 0xFFFF_FFFF_FFFF;
        Id((millis << 16) | u64::from(seq))
    }

    /// An id Carnet could have made: not zero, and dated before year 10000. Anything else
    /// comes from a damaged or forged file (`u64::MAX` would leave no id after it).
    pub fn is_plausible(self) -> bool {
        const YEAR_10000_MS: i64 = 253_402_300_800_000;
        self.0 != 0 && self.millis() < YEAR_10000_MS
    }

    pub fn millis(self) -> i64 {
        i64::try_from(self.0 >> 16).unwrap_or(i64::MAX)
    }

    pub fn to_key(self) -> [u8; 8] {
        self.0.to_be_bytes()
    }

    pub fn from_key(bytes: &[u8]) -> Option<Id> {
        let arr: [u8; 8] = bytes.try_into().ok()?;
        Some(Id(u64::from_be_bytes(arr)))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl FromStr for Id {
    type Err = std::num::ParseIntError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        u64::from_str_radix(s.trim(), 16).map(Id)
    }
}

/// Hands out strictly increasing ids, even when the clock stands still or goes back.
#[derive(Debug, Default, Clone)]
pub struct IdGen {
    last: u64,
}

impl IdGen {
    /// Starts after `last`; an implausible id (from a damaged store) is passed over rather
    /// than pinning every later id to it.
    pub fn after(last: Option<Id>) -> IdGen {
        IdGen {
            last: last.filter(|id| id.is_plausible()).map_or(0, |id| id.0),
        }
    }

    /// Keeps later ids after `id`, written elsewhere (another terminal's note).
    pub fn observe(&mut self, id: Id) {
        if id.is_plausible() {
            self.last = self.last.max(id.0);
        }
    }

    pub fn next(&mut self, now_millis: i64) -> Id {
        let candidate = Id::from_parts(now_millis, 0).0;
        self.last = candidate.max(self.last.saturating_add(1));
        Id(self.last)
    }
}

/// A UTC instant in milliseconds since the Unix epoch.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_by_time_and_never_repeat() {
        let mut g = IdGen::default();
        let a = g.next(1_000);
        let b = g.next(1_000);
        let c = g.next(999);
        let d = g.next(2_000);
        assert!(a < b && b < c && c < d);
        assert_eq!(d.millis(), 2_000);
        assert!(a.to_key() < d.to_key());
    }

    #[test]
    fn ids_round_trip_through_text_and_keys() {
        let id = Id::from_parts(1_764_412_800_000, 7);
        assert_eq!(id.to_string().parse::<Id>(), Ok(id));
        assert_eq!(Id::from_key(&id.to_key()), Some(id));
    }
}
