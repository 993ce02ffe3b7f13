//! The free-text guard (privacy by design: no person helped is ever identifiable in
//! Carnet): before free text is saved, find what looks like an
//! identifier of a person helped or a sensitive term, so the user can rephrase. It warns; it
//! never blocks. Word lists are data (`config/privacy.toml`).

use crate::domain::text::fold;
use serde::Deserialize;

pub const DEFAULT_TERMS: &str = include_str!("../../config/privacy.toml");

#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PrivacyTerms {
    pub sante: Vec<String>,
    pub religion: Vec<String>,
    pub secrets: Vec<String>,
    pub civilites: Vec<String>,
    pub prenoms: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuardKind {
    Nir,
    Iban,
    Phone,
    Email,
    PersonName,
    Health,
    Religion,
    Secret,
    /// A pseudonymous suivi code: fine in the logbook, never in what others read.
    SuiviCode,
}

impl GuardKind {
    /// Fluent id of the kind's explanation.
    pub fn message_id(self) -> &'static str {
        match self {
            GuardKind::Nir => "guard-nir",
            GuardKind::Iban => "guard-iban",
            GuardKind::Phone => "guard-phone",
            GuardKind::Email => "guard-email",
            GuardKind::PersonName => "guard-name",
            GuardKind::Health => "guard-health",
            GuardKind::Religion => "guard-religion",
            GuardKind::Secret => "guard-secret",
            GuardKind::SuiviCode => "guard-suivi",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuardWarning {
    pub field: &'static str,
    pub kind: GuardKind,
    pub matched: String,
}

pub struct Guard<'a> {
    terms: &'a PrivacyTerms,
    /// Names of the network (structures, contacts): never a warning. Folded only when a
    /// likely name turns up, so a guard costs nothing to build for each check.
    known_names: Vec<&'a str>,
}

/// A word of the text with its byte range, as typed.
struct Word<'t> {
    text: &'t str,
}

fn words(text: &str) -> Vec<Word<'_>> {
    text.split(|c: char| {
        !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '.' || c == '@' || c == '_')
    })
    .map(|w| w.trim_matches(|c: char| c == '.' || c == '\'' || c == '-'))
    .filter(|w| !w.is_empty())
    .map(|text| Word { text })
    .collect()
}

fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_alphabetic)
}

fn term_matches(term: &str, folded_word: &str) -> bool {
    match term.strip_suffix('*') {
        Some(prefix) => folded_word.starts_with(prefix),
        None => folded_word == term,
    }
}

impl<'a> Guard<'a> {
    pub fn new(
        terms: &'a PrivacyTerms,
        known_names: impl IntoIterator<Item = &'a str>,
    ) -> Guard<'a> {
        Guard {
            terms,
            known_names: known_names.into_iter().collect(),
        }
    }

    pub fn check(&self, field: &'static str, text: &str) -> Vec<GuardWarning> {
        let mut out = Vec::new();
        let mut push = |kind: GuardKind, matched: String| {
            let w = GuardWarning {
                field,
                kind,
                matched,
            };
            if !out.contains(&w) {
                out.push(w);
            }
        };
        for (kind, matched) in digit_patterns(text) {
            push(kind, matched);
        }
        let ws = words(text);
        for (i, w) in ws.iter().enumerate() {
            if w.text.contains('@') && w.text.split('@').nth(1).is_some_and(|d| d.contains('.')) {
                push(GuardKind::Email, w.text.to_string());
            }
            if let Some(iban) = iban_at(&ws, i) {
                push(GuardKind::Iban, iban);
            }
            let folded = fold(w.text);
            let next = ws.get(i + 1).map(|n| n.text);
            if let Some(next) = next.filter(|n| capitalised(n)) {
                let is_civility = self
                    .terms
                    .civilites
                    .iter()
                    .any(|c| c.trim_end_matches('.') == folded);
                let is_first_name = capitalised(w.text) && self.terms.prenoms.contains(&folded);
                let phrase = format!("{} {next}", w.text);
                if (is_civility || is_first_name) && !self.is_network_name(&phrase) {
                    push(GuardKind::PersonName, phrase);
                }
            }
            for (kind, list) in [
                (GuardKind::Health, &self.terms.sante),
                (GuardKind::Religion, &self.terms.religion),
                (GuardKind::Secret, &self.terms.secrets),
            ] {
                if list
                    .iter()
                    .any(|t| !t.contains(' ') && term_matches(t, &folded))
                {
                    push(kind, w.text.to_string());
                }
            }
        }
        // Multi-word terms ("mot de passe") are matched on the folded text, word-bounded.
        let folded_text = format!(
            " {} ",
            words(text)
                .iter()
                .map(|w| fold(w.text))
                .collect::<Vec<_>>()
                .join(" ")
        );
        for (kind, list) in [
            (GuardKind::Health, &self.terms.sante),
            (GuardKind::Religion, &self.terms.religion),
            (GuardKind::Secret, &self.terms.secrets),
        ] {
            for term in list.iter().filter(|t| t.contains(' ')) {
                if folded_text.contains(&format!(" {term} ")) {
                    push(kind, term.clone());
                }
            }
        }
        out
    }

    /// The check before text leaves the carnet for a reader (the Dossier Professionnel): the
    /// free-text guard, plus suivi codes, written like `P-2026-017` or as the store knows them.
    pub fn check_for_sharing(
        &self,
        field: &'static str,
        text: &str,
        suivi_codes: &[&str],
    ) -> Vec<GuardWarning> {
        let mut out = self.check(field, text);
        for w in words(text) {
            if looks_like_suivi_code(w.text) || suivi_codes.contains(&w.text) {
                let warning = GuardWarning {
                    field,
                    kind: GuardKind::SuiviCode,
                    matched: w.text.to_string(),
                };
                if !out.contains(&warning) {
                    out.push(warning);
                }
            }
        }
        out
    }

    fn is_network_name(&self, phrase: &str) -> bool {
        let folded = fold(phrase);
        self.known_names.iter().any(|n| fold(n).contains(&folded))
    }
}

/// `P-2026-017`: one or two capital letters, a year, a number.
fn looks_like_suivi_code(word: &str) -> bool {
    let mut parts = word.split('-');
    let (Some(prefix), Some(year), Some(number), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    (1..=2).contains(&prefix.len())
        && prefix.chars().all(|c| c.is_ascii_uppercase())
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && (1..=5).contains(&number.len())
        && number.chars().all(|c| c.is_ascii_digit())
}

/// Runs of digits with single separators: French phone numbers and NIR-like numbers.
fn digit_patterns(text: &str) -> Vec<(GuardKind, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_plus = chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !(chars[i].is_ascii_digit() || starts_plus) || (i > 0 && chars[i - 1].is_alphanumeric())
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        let mut j = if starts_plus { i + 1 } else { i };
        let mut end = j;
        while j < chars.len() {
            if chars[j].is_ascii_digit() {
                digits.push(chars[j]);
                j += 1;
                end = j;
            } else if matches!(chars[j], ' ' | '.' | '-' | '\u{a0}')
                && chars.get(j + 1).is_some_and(char::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        let matched: String = chars[start..end].iter().collect();
        let phone = (digits.len() == 10 && digits.starts_with('0') && !digits.starts_with("00"))
            || (starts_plus && digits.starts_with("33") && digits.len() == 11);
        let nir = (digits.len() == 13 || digits.len() == 15)
            && matches!(digits.as_bytes()[0], b'1' | b'2');
        if phone {
            out.push((GuardKind::Phone, matched));
        } else if nir {
            out.push((GuardKind::Nir, matched));
        }
        i = end.max(i + 1);
    }
    out
}

/// `FR76 3000 6000 0112 3456 7890 189`: two letters, two digits, then 11 to 30 letters or
/// digits, possibly in groups.
fn iban_at(ws: &[Word<'_>], i: usize) -> Option<String> {
    let first = ws[i].text;
    let b = first.as_bytes();
    if b.len() < 4
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[2..4].iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let mut compact: String = first.to_string();
    let mut parts = vec![first];
    for w in &ws[i + 1..] {
        if compact.len() >= 34
            || !w
                .text
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            || w.text.len() > 4
        {
            break;
        }
        compact.push_str(w.text);
        parts.push(w.text);
    }
    (15..=34).contains(&compact.len()).then(|| parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms() -> PrivacyTerms {
        toml::from_str(DEFAULT_TERMS).unwrap()
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
    fn what_must_warn() {
        use GuardKind::*;
        let table: &[(&str, &[GuardKind])] = &[
            ("rappeler au 06 12 34 56 78", &[Phone]),
            ("tel 0612345678", &[Phone]),
            ("+33 6 12 34 56 78", &[Phone]),
            ("NIR 1 84 12 75 123 456 78", &[Nir]),
            ("secu 2840675123456", &[Nir]),
            ("IBAN FR76 3000 6000 0112 3456 7890 189", &[Iban]),
            ("écrire à jean.dupont@example.fr", &[Email]),
            ("Mme Martin est venue", &[PersonName]),
            ("vu avec M. Benali", &[PersonName]),
            ("Fatima Benali a appelé", &[PersonName]),
            ("suivi de son cancer", &[Health]),
            ("elle est enceinte", &[Health]),
            ("Dépression signalée", &[Health]),
            ("pendant le ramadan", &[Religion]),
            ("donné son mot de passe", &[Secret]),
            ("MDP oublié", &[Secret]),
        ];
        for (text, expected) in table {
            assert_eq!(&kinds(text), expected, "{text:?}");
        }
    }

    #[test]
    fn what_must_not_warn() {
        let table = [
            "Demande de logement social : dossier à compléter",
            "RDV le 12/11/2026 à 14h30, durée 45 min",
            "Orientée vers la CAF de Val-de-Brume",
            "Vue avec Fatou Diallo de la CADA",
            "Atelier à la Maison Jean Macé",
            "Numéro de dossier 2026-0042",
            "Montant 1 234,56 €",
            "Code postal 59000",
            "Les Tilleuls, tour B, 3e étage",
            "France Travail puis Mission locale",
            "Martine a fait sa démarche seule",
            "",
        ];
        for text in table {
            assert_eq!(kinds(text), Vec::<GuardKind>::new(), "{text:?}");
        }
    }

    #[test]
    fn the_matched_words_are_given_back() {
        let t = terms();
        let g = Guard::new(&t, []);
        let w = g.check("note_pro", "Appeler Mme Martin au 06 12 34 56 78");
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].matched, "06 12 34 56 78");
        assert_eq!(w[1].matched, "Mme Martin");
        assert!(w.iter().all(|w| w.field == "note_pro"));
    }
}
