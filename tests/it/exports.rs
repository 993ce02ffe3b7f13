//! The network's exports as a spreadsheet and an address book read them.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common;

use carnet::domain::{Dataset, Lang};
use carnet::export::{csv, vcard};
use carnet::i18n::I18n;

/// Three structures and their contacts, one with awkward characters.
fn small() -> Dataset {
    let full = common::frozen(60);
    let mut data = Dataset {
        structures: full.structures.iter().take(3).cloned().collect(),
        ..Dataset::default()
    };
    data.structures[1].nom = "Association « Lire, écrire; compter »".into();
    data.structures[1].notes = "Ligne 1\nLigne 2 avec \"guillemets\"".into();
    let ids: Vec<_> = data.structures.iter().map(|s| s.meta.id).collect();
    data.contacts = full
        .contacts
        .iter()
        .filter(|c| ids.contains(&c.structure))
        .cloned()
        .collect();
    data.contacts[0].fonction = "Chargée d'accueil, référente; famille".into();
    data.contacts[0].actif = false;
    data
}

#[test]
fn directory_csv_snapshot() {
    let config = common::config(Lang::Fr);
    let text = csv::reseau(&small(), &config, &I18n::new(Lang::Fr), &|_| {
        common::today().checked_sub_days(chrono::Days::new(3))
    });
    assert!(text.starts_with('\u{feff}'));
    insta::assert_snapshot!(
        "reseau_csv_fr",
        text.trim_start_matches('\u{feff}').replace("\r\n", "⏎\n")
    );
}

#[test]
fn vcard_snapshot() {
    insta::assert_snapshot!(
        "contacts_vcard",
        vcard::contacts(&small()).replace("\r\n", "⏎\n")
    );
}

/// RFC 6350 §3: CRLF lines of at most 75 octets, BEGIN/VERSION/FN/END in every card, no
/// unescaped separators in single-valued text properties.
#[test]
fn every_card_is_well_formed_for_the_whole_demo_network() {
    let data = common::frozen(600);
    let text = vcard::contacts(&data);
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    for physical in text.split("\r\n") {
        assert!(
            physical.len() <= 75,
            "line of {} octets: {physical}",
            physical.len()
        );
    }
    let unfolded = text.replace("\r\n ", "");
    let cards: Vec<&str> = unfolded.split("BEGIN:VCARD\r\n").skip(1).collect();
    assert_eq!(cards.len(), data.contacts.len());
    for card in cards {
        let lines: Vec<&str> = card.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], "VERSION:4.0");
        assert_eq!(*lines.last().unwrap(), "END:VCARD");
        assert!(lines.iter().any(|l| l.starts_with("FN:") && l.len() > 3));
        assert_eq!(lines.iter().filter(|l| l.starts_with("N:")).count(), 1);
        for l in lines
            .iter()
            .filter(|l| l.starts_with("FN:") || l.starts_with("TITLE:"))
        {
            let value = l.split_once(':').unwrap().1;
            let bare = value
                .replace("\\,", "")
                .replace("\\;", "")
                .replace("\\\\", "");
            assert!(
                !bare.contains(',') && !bare.contains(';'),
                "unescaped separator: {l}"
            );
        }
    }
    // A real parser, when one is installed (`pip install vobject`).
    let probe = std::process::Command::new("python3")
        .args(["-c", "import vobject"])
        .output();
    if probe.is_ok_and(|o| o.status.success()) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.vcf");
        std::fs::write(&file, &text).unwrap();
        let script = "import sys, vobject\ncards = list(vobject.readComponents(open(sys.argv[1], encoding='utf-8').read()))\nassert all(c.version.value == '4.0' for c in cards)\nprint(len(cards))";
        let out = std::process::Command::new("python3")
            .args(["-c", script])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            data.contacts.len().to_string()
        );
    } else {
        eprintln!("python3 vobject not installed: parser check skipped");
    }
}

/// Two CCPs with examples (one given out of rank order), one without; typed text with
/// Markdown and HTML markup, several lines, accents and emoji.
fn dossier_data() -> Dataset {
    let exemple = |id: u64, ccp: &str, rang: u8, titre: &str| {
        common::exemple(
            id,
            ccp,
            rang,
            titre,
            "J'ai accueilli une personne *sans* rendez-vous.\n\n- Aide à la démarche <en ligne>\n# pas un titre\n1. étape [un] 🙂",
        )
    };
    Dataset {
        exemples: vec![
            exemple(3, "tms-2004/CCP2", 2, "Une médiation avec le bailleur"),
            exemple(
                1,
                "tms-2004/CCP1",
                1,
                "Construire mon réseau de partenaires",
            ),
            exemple(
                2,
                "tms-2004/CCP2",
                1,
                "Une démarche en ligne \"accompagnée\"",
            ),
        ],
        ..Dataset::default()
    }
}

#[test]
fn dossier_markdown_and_html_snapshots() {
    use carnet::export::dossier::{Dossier, Identity, Modalite, html, markdown};
    let mut config = common::config(Lang::En);
    config.presentation = Some("Texte officiel fourni par l'utilisateur.".into());
    let data = dossier_data();
    let identity = Identity {
        nom_naissance: "Martin".into(),
        nom_usage: String::new(),
        prenom: "Léa".into(),
        adresse: "3 rue des <Lilas>".into(),
        lieu: "Val-de-Brume".into(),
    };
    let dossier = Dossier {
        config: &config,
        data: &data,
        identity: &identity,
        modalite: Some(Modalite::Vae),
        now: common::now(),
    };
    let blocks = dossier.blocks();
    insta::assert_snapshot!("dossier_md", markdown(&blocks));
    insta::assert_snapshot!("dossier_html", html(&blocks));
}

#[test]
fn the_dossier_docx_is_a_word_package_even_from_hostile_text() {
    use carnet::export::dossier::{Dossier, Identity, docx};
    use std::io::Read;
    let config = common::config(Lang::Fr);
    let mut data = dossier_data();
    data.exemples[0].infos = "Texte \u{1b}[31mrouge\u{7}\u{ffff} & <fin>".into();
    let identity = Identity::default();
    let dossier = Dossier {
        config: &config,
        data: &data,
        identity: &identity,
        modalite: None,
        now: common::now(),
    };
    let bytes = docx(&dossier.blocks(), common::now()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("Texte [31mrouge &amp; &lt;fin&gt;"), "{xml}");
    assert!(!xml.contains('\u{1b}') && !xml.contains('\u{ffff}'));
    // Real heading styles, so Word's navigation pane and a table of contents find them.
    assert!(xml.contains("w:val=\"Heading2\""));
    assert!(zip.by_name("word/styles.xml").is_ok());
    // Each line of the sommaire ends with a page-number field Word and LibreOffice fill,
    // pointing at a bookmark on the part it names.
    let lines = dossier
        .blocks()
        .iter()
        .filter(|b| matches!(b, carnet::export::dossier::Block::Toc(..)))
        .count();
    assert!(lines > 4);
    assert_eq!(xml.matches("PAGEREF carnet_").count(), lines, "{xml}");
    for mark in ["carnet_exemples", "carnet_declaration", "carnet_annexes"] {
        assert!(
            xml.contains(&format!("w:name=\"{mark}\"")),
            "bookmark {mark}: {xml}"
        );
    }
    // Its real creation date and Carnet as the application, not 1970 and « unknown ».
    let part = |zip: &mut zip::ZipArchive<_>, name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let core = part(&mut zip, "docProps/core.xml");
    assert!(core.contains(">2026-11-27T10:30:00"), "{core}");
    assert!(
        !core.contains("1970") && !core.contains("unknown"),
        "{core}"
    );
    assert!(part(&mut zip, "docProps/app.xml").contains("<Application>Carnet</Application>"));
}
