//! Golden byte fixtures: the bytes of every schema version ever written stay decodable.
//! Every kind of the list has one. `CARNET_WRITE_FIXTURES=1 cargo test golden::` writes the
//! current version's missing files (a new kind's); existing files are never rewritten.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common;

use carnet::domain::*;
use carnet::storage::{SCHEMA_VERSION, Stored};
use serde::{Serialize, de::DeserializeOwned};
use std::path::PathBuf;

fn dir(version: u32) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v{version}"))
}

/// Picks a record rich enough to exercise most fields (evidence, options set).
fn richest<R: Record + Serialize>(records: &[R]) -> Option<R> {
    records
        .iter()
        .max_by_key(|r| serde_json::to_string(r).unwrap().len())
        .cloned()
}

/// A kind's fixture name: its type in snake case (`NoteTerritoire` → `note_territoire`).
fn fixture_name(type_name: &str) -> String {
    let mut name = String::new();
    for (i, c) in type_name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            name.push('_');
        }
        name.extend(c.to_lowercase());
    }
    name
}

/// Writes the current version's fixture of a kind, unless it exists.
fn write<R: Stored + Serialize>(name: &str, record: &R) {
    let d = dir(SCHEMA_VERSION);
    std::fs::create_dir_all(&d).unwrap();
    if d.join(format!("{name}.bin")).exists() {
        return;
    }
    std::fs::write(d.join(format!("{name}.bin")), record.encode().unwrap()).unwrap();
    std::fs::write(
        d.join(format!("{name}.json")),
        serde_json::to_string_pretty(record).unwrap() + "\n",
    )
    .unwrap();
}

/// Decodes the bytes of schema `version` and compares with the expected current value.
fn check<R: Stored + DeserializeOwned + PartialEq + std::fmt::Debug>(version: u32, name: &str) {
    let d = dir(version);
    let bytes = std::fs::read(d.join(format!("{name}.bin"))).unwrap_or_else(|e| {
        panic!(
            "missing fixture v{version}/{name}.bin ({e}): `CARNET_WRITE_FIXTURES=1 cargo test golden::` writes it"
        )
    });
    let expected: R =
        serde_json::from_str(&std::fs::read_to_string(d.join(format!("{name}.json"))).unwrap())
            .unwrap();
    let decoded = R::decode(&bytes)
        .unwrap_or_else(|e| panic!("v{version}/{name}.bin no longer decodes: {e}"));
    assert_eq!(decoded, expected, "v{version}/{name}");
}

/// Records to write fixtures from: the demo's richest of each kind, and what the demo never
/// writes (a plan node, an example's optional parts).
fn fixture_data() -> Dataset {
    let mut d = common::sample(400);
    for x in &mut d.exemples {
        x.infos = "Atelier mené avec l'équipe.".into();
        x.accepted.push(AcceptedWarning {
            field: "taches".into(),
            matched: "mot de passe".into(),
        });
    }
    d.plan.push(PlanNode {
        meta: RecordMeta::new(
            Id::from_parts(1_795_000_000_000, 1),
            Timestamp(1_795_000_000_000),
        ),
        code: "acces_droits.mobilite".into(),
        parent: Some("acces_droits".into()),
        libelle: "1.4 Mobilité, permis".into(),
        supprime: false,
    });
    d
}

macro_rules! golden {
    ($($t:ident => $field:ident),+ $(,)?) => {
        fn write_missing(d: &Dataset) {
            $(if let Some(r) = richest(&d.$field) {
                write(&fixture_name(stringify!($t)), &r);
            })+
        }

        fn check_every_kind(version: u32) {
            $(check::<$t>(version, &fixture_name(stringify!($t)));)+
        }
    };
}

carnet::for_each_kind!(golden);

#[test]
fn fixtures_of_every_schema_version_still_decode() {
    if std::env::var_os("CARNET_WRITE_FIXTURES").is_some() {
        write_missing(&fixture_data());
    }
    for version in 1..=SCHEMA_VERSION {
        check_every_kind(version);
    }
}

#[test]
fn the_current_encoding_of_the_fixtures_is_byte_identical() {
    // If this fails, the stored shape changed: add a schema version (see storage::codec).
    let d = dir(SCHEMA_VERSION);
    let json = std::fs::read_to_string(d.join("interaction.json")).unwrap();
    let record: Interaction = serde_json::from_str(&json).unwrap();
    assert_eq!(
        record.encode().unwrap(),
        std::fs::read(d.join("interaction.bin")).unwrap()
    );
}
