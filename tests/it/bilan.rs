//! Bilan: the figures equal what the journal holds, and the exports say them in a stable
//! shape, small numbers masked.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common;
use carnet::domain::bilan::{Period, PeriodKind, compute};
use carnet::domain::{Lang, Personnes};
use chrono::Duration;
use std::collections::HashSet;

#[test]
fn the_totals_of_a_period_equal_what_the_journal_holds() {
    let data = common::sample(800);
    let vocab = common::config(Lang::Fr).vocab;
    let today = common::today();
    for periode in [
        Period::containing(PeriodKind::Mois, today),
        Period::containing(PeriodKind::Trimestre, today).shifted(-1),
        Period::containing(PeriodKind::Annee, today),
        Period::range(today - Duration::days(400), today),
    ] {
        let b = compute(&data, &vocab, periode, today);
        let inside: Vec<_> = data
            .interactions
            .iter()
            .filter(|i| periode.du <= i.date && i.date <= periode.au)
            .collect();
        assert_eq!(b.totaux.interactions as usize, inside.len());
        assert_eq!(
            b.totaux.minutes,
            inside.iter().map(|i| u32::from(i.duree_min)).sum::<u32>()
        );
        let anonymous: u32 = inside
            .iter()
            .map(|i| match &i.personnes {
                Personnes::Anonyme(p) => u32::from(p.nombre),
                Personnes::Suivi(_) => 0,
            })
            .sum();
        let suivis: HashSet<_> = inside
            .iter()
            .filter_map(|i| match i.personnes {
                Personnes::Suivi(id) => Some(id),
                Personnes::Anonyme(_) => None,
            })
            .collect();
        assert_eq!(b.totaux.personnes, anonymous + suivis.len() as u32);
        // Each interaction has one canal and one duration bucket: those tables add up.
        for dim in ["canaux", "durees"] {
            let table = b.tables.iter().find(|t| t.dimension == dim).unwrap();
            assert_eq!(
                table.lignes.iter().map(|l| l.interactions).sum::<u32>(),
                b.totaux.interactions,
                "{dim}"
            );
        }
        assert_eq!(
            b.activite.iter().map(|(_, n)| n).sum::<u32>(),
            b.totaux.interactions
        );
    }
}

#[test]
fn the_json_export_has_its_documented_shape_and_masks_small_numbers() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    let d = dir.to_str().unwrap();
    let out = crate::cli::carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "demo",
            "--generate-only",
            "--interactions",
            "400",
        ],
    );
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    let out = crate::cli::carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "bilan",
            "--format",
            "json",
            "--du",
            "01/09/2026",
            "--au",
            "30/11/2026",
        ],
    );
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["periode"]["du"], "2026-09-01");
    assert_eq!(v["periode"]["au"], "2026-11-30");
    assert_eq!(v["seuil_petits_nombres"], 3);
    let interactions = v["totaux"]["interactions"].as_u64().unwrap();
    assert!(interactions > 20, "{interactions}");
    let tables = v["tables"].as_array().unwrap();
    let types = tables.iter().find(|t| t["dimension"] == "types").unwrap();
    let first = &types["lignes"][0];
    for key in ["valeur", "libelle", "interactions", "personnes", "minutes"] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    // A line of fewer than three persons says null, never the number.
    let masked = tables
        .iter()
        .flat_map(|t| t["lignes"].as_array().unwrap())
        .filter(|l| l["personnes"].is_null())
        .count();
    let small = tables
        .iter()
        .flat_map(|t| t["lignes"].as_array().unwrap())
        .filter(|l| l["personnes"].as_u64().is_some_and(|n| (1..3).contains(&n)))
        .count();
    assert!(masked > 0 && small == 0, "{masked} masked, {small} shown");
    // The same period in CSV says « < 3 » where JSON says null.
    let out = crate::cli::carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "bilan",
            "--format",
            "csv",
            "--du",
            "01/09/2026",
            "--au",
            "30/11/2026",
            "--sep",
            ";",
        ],
    );
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    let csv = crate::cli::text(&out.stdout);
    assert!(csv.contains(";< 3;"), "{csv}");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .contains(&format!(";{interactions};"))
    );
    // An impossible period is a usage error, in words.
    let out = crate::cli::carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "bilan",
            "--par",
            "decennie",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}
