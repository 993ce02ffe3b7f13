use super::*;

fn terms() -> PrivacyTerms {
    toml::from_str(DEFAULT_TERMS).unwrap()
}

fn kinds(text: &str) -> Vec<GuardKind> {
    let t = terms();
    let guard = Guard::new(&t, ["Fatou Diallo", "Maison Jean Macé"]);
    guard
        .check("demande", text)
        .into_iter()
        .map(|w| w.kind)
        .collect()
}

#[test]
fn sharing_check_warns_on_what_identifies_a_person_and_nothing_else() {
    let t = terms();
    let guard = Guard::new(&t, ["CAF de Val-de-Brume", "Karim Benali"]);
    let codes = ["Q-7"];
    let warn: &[(&str, GuardKind)] = &[
        ("J'ai reçu Mme Durand à l'accueil.", GuardKind::PersonName),
        (
            "Nathalie Martin est revenue le lendemain.",
            GuardKind::PersonName,
        ),
        ("Rappeler au 06 12 34 56 78.", GuardKind::Phone),
        ("Contact : n.martin@exemple.fr", GuardKind::Email),
        ("Suivi P-2026-017 : dossier complet.", GuardKind::SuiviCode),
        ("La personne (Q-7) est revenue.", GuardKind::SuiviCode),
        ("NIR 1 84 12 75 123 456 78", GuardKind::Nir),
    ];
    for (text, kind) in warn {
        let found = guard.check_for_sharing("x", text, &codes);
        assert!(found.iter().any(|w| w.kind == *kind), "{text}: {found:?}");
    }
    let quiet = [
        "J'ai orienté la personne vers la CAF de Val-de-Brume.",
        "Karim Benali, référent de la structure, a rappelé.",
        "Le 12/03/2026 à 14h30, permanence de 2 heures.",
        "Compétence CCP2.C3, article L. 262-2 du code.",
        "Une famille de 5 personnes, arrivée en 2024-2025.",
        "Atelier numérique : 8 participants.",
    ];
    for text in quiet {
        let found = guard.check_for_sharing("x", text, &codes);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn the_matched_words_are_given_back() {
    let t = terms();
    let g = Guard::new(&t, []);
    let w = g.check("note_pro", "Appeler Mme Martin au 06 12 34 56 78");
    assert_eq!(w.len(), 2, "{w:?}");
    assert_eq!(w[0].matched, "06 12 34 56 78");
    assert_eq!(w[1].matched, "Mme Martin");
    assert!(w.iter().all(|w| w.field == "note_pro"));
}

#[test]
fn first_names_are_read_from_their_list() {
    let names = FirstNames::default();
    assert_eq!(names.kind("karim"), Some(NameKind::Sure));
    assert_eq!(names.kind("claire"), Some(NameKind::AlsoWord));
    assert_eq!(names.kind("marie-laure"), Some(NameKind::Sure));
    assert_eq!(names.kind("val-de-brume"), None);
    assert!(names.only.len() + names.also_words.len() > 2000);
}

/// The guard's own table: what must warn (with the kind expected among the warnings) and
/// what must stay quiet. Its recall and false-alarm rate are printed (`--nocapture`).
#[test]
fn the_guard_table() {
    use GuardKind::*;
    let warn: &[(&str, GuardKind)] = include!("cases_warn.rs");
    let quiet: &[&str] = include!("cases_quiet.rs");
    let mut missed = Vec::new();
    for (text, kind) in warn {
        let found = kinds(text);
        if !found.contains(kind) {
            missed.push(format!("{text:?}: expected {kind:?}, got {found:?}"));
        }
    }
    let mut alarms = Vec::new();
    for text in quiet {
        let found = kinds(text);
        if !found.is_empty() {
            alarms.push(format!("{text:?}: {found:?}"));
        }
    }
    println!(
        "guard table: recall {}/{} ({:.1} %), false alarms {}/{} ({:.1} %)",
        warn.len() - missed.len(),
        warn.len(),
        100.0 * (warn.len() - missed.len()) as f64 / warn.len() as f64,
        alarms.len(),
        quiet.len(),
        100.0 * alarms.len() as f64 / quiet.len() as f64
    );
    assert!(
        missed.is_empty() && alarms.is_empty(),
        "missed:\n{}\nfalse alarms:\n{}",
        missed.join("\n"),
        alarms.join("\n")
    );
}

#[test]
fn a_number_named_by_its_keyword_is_warned_about_once() {
    let t = terms();
    let g = Guard::new(&t, []);
    let w = g.check("demande", "numéro allocataire CAF 1234567");
    let identifiers: Vec<&str> = w
        .iter()
        .filter(|w| w.kind == GuardKind::Identifier)
        .map(|w| w.matched.as_str())
        .collect();
    assert_eq!(identifiers, ["CAF 1234567"], "{w:?}");
}

/// Contacts listed one after the other (« Interlocuteurs : A, B », as drafts write them)
/// are each a name of the network; a stranger after them still warns.
#[test]
fn names_separated_by_commas_are_read_one_by_one() {
    let t = terms();
    let guard = Guard::new(&t, ["Hélène Mercier", "Samir Lefèvre", "Karim Benali"]);
    for text in [
        "Interlocuteurs : Hélène Mercier, Samir Lefèvre.",
        "Interlocuteurs : M. Benali, Mme Mercier, Samir Lefèvre",
    ] {
        assert!(guard.check("avec_qui", text).is_empty(), "{text}");
    }
    let found = guard.check(
        "avec_qui",
        "Interlocuteurs : Hélène Mercier, Nathalie Durand",
    );
    let names: Vec<&str> = found.iter().map(|w| w.matched.as_str()).collect();
    assert_eq!(names, ["Nathalie Durand"]);
}
