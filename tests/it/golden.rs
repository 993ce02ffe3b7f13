//! Golden byte fixtures: the bytes of every schema version ever written stay decodable.
//! `CARNET_WRITE_FIXTURES=1 cargo test golden::` writes the current version's files;
//! files of past versions are never rewritten.
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
fn richest<R: Record + Serialize>(records: &[R]) -> R {
    records
        .iter()
        .max_by_key(|r| serde_json::to_string(r).unwrap().len())
        .cloned()
        .unwrap()
}

fn write<R: Stored + Serialize>(name: &str, record: &R) {
    let d = dir(SCHEMA_VERSION);
    std::fs::create_dir_all(&d).unwrap();
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
    let bytes = std::fs::read(d.join(format!("{name}.bin")))
        .unwrap_or_else(|e| panic!("missing fixture v{version}/{name}.bin: {e}"));
    let expected: R =
        serde_json::from_str(&std::fs::read_to_string(d.join(format!("{name}.json"))).unwrap())
            .unwrap();
    let decoded = R::decode(&bytes)
        .unwrap_or_else(|e| panic!("v{version}/{name}.bin no longer decodes: {e}"));
    assert_eq!(decoded, expected, "v{version}/{name}");
}

#[test]
fn fixtures_of_every_schema_version_still_decode() {
    if std::env::var_os("CARNET_WRITE_FIXTURES").is_some() {
        let d = common::sample(400);
        write("interaction", &richest(&d.interactions));
        write("suivi", &richest(&d.suivis));
        write("structure", &richest(&d.structures));
        write("contact", &richest(&d.contacts));
        write("rencontre", &richest(&d.rencontres));
        write("veille", &richest(&d.veille));
        write("fiche", &richest(&d.fiches));
        write("analyse", &richest(&d.analyses));
        write("signalement", &richest(&d.signalements));
        write("note_territoire", &richest(&d.notes_territoire));
        write("profil", &richest(&d.profil));
        let mut exemple = richest(&d.exemples);
        exemple.infos = "Atelier mené avec l'équipe.".into();
        exemple.accepted.push(AcceptedWarning {
            field: "taches".into(),
            matched: "mot de passe".into(),
        });
        write("exemple", &exemple);
        write(
            "plan_node",
            &PlanNode {
                meta: RecordMeta::new(
                    Id::from_parts(1_795_000_000_000, 1),
                    Timestamp(1_795_000_000_000),
                ),
                code: "acces_droits.mobilite".into(),
                parent: Some("acces_droits".into()),
                libelle: "1.4 Mobilité, permis".into(),
                supprime: false,
            },
        );
    }
    for version in 1..=SCHEMA_VERSION {
        check::<Interaction>(version, "interaction");
        check::<Suivi>(version, "suivi");
        check::<Structure>(version, "structure");
        check::<Contact>(version, "contact");
        check::<Rencontre>(version, "rencontre");
        check::<Veille>(version, "veille");
        check::<Fiche>(version, "fiche");
        check::<Analyse>(version, "analyse");
        check::<Signalement>(version, "signalement");
        check::<NoteTerritoire>(version, "note_territoire");
        check::<PlanNode>(version, "plan_node");
        check::<Profil>(version, "profil");
        check::<Exemple>(version, "exemple");
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
