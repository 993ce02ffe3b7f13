//! The free-text guard (privacy by design: no person helped is ever identifiable in
//! Carnet): before free text is saved, find what identifies a person helped or exposes them
//! (names, contact details, addresses, dates of birth, identifiers issued by organisations,
//! secrets, the RGPD's special categories and judicial data), so the user can rephrase. It
//! warns with the words that triggered it; it never blocks. Word lists are data
//! (`config/privacy.toml`, `config/prenoms.txt`).

mod numbers;

use crate::domain::text::fold;
use serde::Deserialize;
use std::collections::HashSet;

pub const DEFAULT_TERMS: &str = include_str!("../../config/privacy.toml");
const FIRST_NAMES: &str = include_str!("../../config/prenoms.txt");

#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PrivacyTerms {
    pub sante: Vec<String>,
    pub religion: Vec<String>,
    pub orientation: Vec<String>,
    pub origine: Vec<String>,
    pub opinions: Vec<String>,
    pub judiciaire: Vec<String>,
    pub secrets: Vec<String>,
    pub identifiants: Vec<String>,
    pub pas_identifiants: Vec<String>,
    pub phrases_neutres: Vec<String>,
    pub eponymes: Vec<String>,
    pub civilites: Vec<String>,
    pub familles: Vec<String>,
    pub lieux: Vec<String>,
    pub lieux_qualificatifs: Vec<String>,
    /// The first names of `config/prenoms.txt`.
    #[serde(skip)]
    pub names: FirstNames,
}

/// First names, folded: those that are only names, and those that are also ordinary words.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstNames {
    only: HashSet<String>,
    also_words: HashSet<String>,
}

impl Default for FirstNames {
    fn default() -> FirstNames {
        FirstNames::parse(FIRST_NAMES)
    }
}

/// How surely a word is a first name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameKind {
    /// Only ever a name (« karim », even in lower case).
    Sure,
    /// Also an ordinary word (« claire », « rose »): a name only when written as one.
    AlsoWord,
}

impl FirstNames {
    fn parse(text: &str) -> FirstNames {
        let mut names = FirstNames {
            only: HashSet::new(),
            also_words: HashSet::new(),
        };
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.strip_prefix('~') {
                Some(word) => names.also_words.insert(fold(word)),
                None => names.only.insert(fold(line)),
            };
        }
        names
    }

    fn kind(&self, folded: &str) -> Option<NameKind> {
        if self.only.contains(folded) {
            return Some(NameKind::Sure);
        }
        if self.also_words.contains(folded) {
            return Some(NameKind::AlsoWord);
        }
        // A compound name (« marie-laure », « jean-baptiste ») by its parts.
        let mut parts = folded.split('-').filter(|p| !p.is_empty());
        let first = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        if rest.is_empty() || rest.len() > 2 {
            return None;
        }
        let first = self.kind(first)?;
        let all_names = rest
            .iter()
            .all(|p| self.only.contains(*p) || self.also_words.contains(*p));
        all_names.then_some(
            if first == NameKind::Sure || rest.iter().any(|p| self.only.contains(*p)) {
                NameKind::Sure
            } else {
                NameKind::AlsoWord
            },
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuardKind {
    Nir,
    Iban,
    Phone,
    Email,
    PersonName,
    Address,
    BirthDate,
    /// A number or code issued by an organisation (allocataire, fiscal, passport…).
    Identifier,
    Health,
    Religion,
    SexualLife,
    Origin,
    /// Political opinions or union membership.
    Opinion,
    /// Offences, convictions, custody.
    Judicial,
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
            GuardKind::Address => "guard-address",
            GuardKind::BirthDate => "guard-birth",
            GuardKind::Identifier => "guard-identifier",
            GuardKind::Health => "guard-health",
            GuardKind::Religion => "guard-religion",
            GuardKind::SexualLife => "guard-sexual-life",
            GuardKind::Origin => "guard-origin",
            GuardKind::Opinion => "guard-opinion",
            GuardKind::Judicial => "guard-judicial",
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

/// A word of the text as typed, folded, and whether it starts a sentence.
struct Word<'t> {
    text: &'t str,
    folded: String,
    sentence_start: bool,
    /// A comma (or a list's other separators) comes before it: a name does not run on
    /// across it (« Hélène Mercier, Samir Lefèvre » are two names).
    after_separator: bool,
}

impl Word<'_> {
    fn capitalised(&self) -> bool {
        let mut chars = self.text.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_alphabetic)
    }

    fn alphabetic(&self) -> bool {
        self.text.chars().all(|c| c.is_alphabetic() || c == '-')
    }
}

/// The words of a text: letters and digits with the `-`, `.`, `@` and `_` inside them;
/// apostrophes split (« d'Ahmed » gives « d » and « Ahmed »).
fn words(text: &str) -> Vec<Word<'_>> {
    let keep = |c: char| c.is_alphanumeric() || matches!(c, '-' | '.' | '@' | '_');
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, keep(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                push_word(text, s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn push_word<'t>(text: &'t str, from: usize, to: usize, out: &mut Vec<Word<'t>>) {
    let raw = &text[from..to];
    let trimmed = raw.trim_matches(|c: char| matches!(c, '.' | '-' | '_'));
    if trimmed.is_empty() {
        return;
    }
    let offset = raw.find(trimmed).unwrap_or(0);
    let before = text[..from + offset].trim_end_matches([' ', '\u{a0}', '«', '"', '(']);
    let sentence_start = before.is_empty()
        || before.ends_with(['.', '!', '?', '\n', ':', ';', '-', '•', '*'])
        || out.is_empty();
    let after_separator = sentence_start || before.ends_with([',', '/', ')', '»']);
    out.push(Word {
        text: trimmed,
        folded: fold(trimmed),
        sentence_start,
        after_separator,
    });
}

/// Whether `term` (one folded word, `*` for a prefix) matches a folded word.
fn term_matches(term: &str, folded_word: &str) -> bool {
    match term.strip_suffix('*') {
        Some(prefix) => folded_word.starts_with(prefix),
        None => folded_word == term,
    }
}

/// A list entry as words, split like the text (a final `*` kept: it marks a prefix).
fn term_words(term: &str) -> Vec<String> {
    fold(term)
        .split([' ', '\'', '’'])
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Where a list's entries occur in the words: (first word, word count, entry).
fn find_terms<'l>(ws: &[Word<'_>], list: &'l [String]) -> Vec<(usize, usize, &'l str)> {
    let mut out = Vec::new();
    for term in list {
        let parts = term_words(term);
        if parts.is_empty() || parts.len() > ws.len() {
            continue;
        }
        for i in 0..=ws.len() - parts.len() {
            if parts
                .iter()
                .zip(&ws[i..])
                .all(|(t, w)| term_matches(t, &w.folded))
            {
                out.push((i, parts.len(), term.as_str()));
            }
        }
    }
    out
}

/// Words that never are a surname after a civility or a first name.
const STOP_WORDS: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "a", "au", "aux",
    "est", "sont", "the", "and", "qui", "que", "se", "sa", "son", "ses", "en", "y", "il", "elle",
    "nous", "vous", "ils", "elles", "on", "ne", "pas", "n", "s", "c", "j", "m", "t", "qu",
];

/// Particles inside a full name (« Fatima Ben Salah », « Jean de La Tour »).
const PARTICLES: &[&str] = &[
    "ben", "bent", "bint", "ibn", "el", "al", "ould", "abu", "bou", "de", "du", "des", "la", "le",
    "van", "von", "da", "di", "dos", "das", "del", "della", "mac", "mc", "o",
];

/// Civilities after which only a capitalised word is a name (« il me dit » is not « Me Dit »).
const WEAK_CIVILITIES: &[&str] = &["m", "me", "ms", "miss", "mr", "dr"];

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
        let ws = words(text);
        let neutral = self.neutral_mask(&ws);
        for (kind, matched) in numbers::scan(text) {
            push(kind, matched);
        }
        for (kind, matched) in self.emails(&ws, text) {
            push(kind, matched);
        }
        for (kind, matched) in self.identifiers(&ws) {
            push(kind, matched);
        }
        for (kind, matched) in self.addresses(&ws) {
            push(kind, matched);
        }
        if let Some(matched) = birth_date(text, &ws) {
            push(GuardKind::BirthDate, matched);
        }
        for matched in self.person_names(&ws, &neutral) {
            push(GuardKind::PersonName, matched);
        }
        for (kind, list) in [
            (GuardKind::Health, &self.terms.sante),
            (GuardKind::Religion, &self.terms.religion),
            (GuardKind::SexualLife, &self.terms.orientation),
            (GuardKind::Origin, &self.terms.origine),
            (GuardKind::Opinion, &self.terms.opinions),
            (GuardKind::Judicial, &self.terms.judiciaire),
            (GuardKind::Secret, &self.terms.secrets),
        ] {
            for (i, n, _) in find_terms(&ws, list) {
                if (i..i + n).all(|k| neutral[k]) {
                    continue;
                }
                push(kind, phrase(&ws[i..i + n]));
            }
        }
        // « CAF 1234567 » says it all: the bare « 1234567 » found by its shape goes.
        let inside_another = |w: &GuardWarning| {
            out.iter().any(|o| {
                o != w
                    && o.kind == w.kind
                    && o.matched.len() > w.matched.len()
                    && o.matched.contains(&w.matched)
            })
        };
        let redundant: Vec<bool> = out.iter().map(inside_another).collect();
        let mut keep = redundant.into_iter().map(|r| !r);
        out.retain(|_| keep.next().unwrap_or(true));
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

    /// Words inside an ordinary phrase (« assurance maladie ») or a famous name places are
    /// named after (« Jean Jaurès »): they never warn.
    fn neutral_mask(&self, ws: &[Word<'_>]) -> Vec<bool> {
        let mut mask = vec![false; ws.len()];
        for list in [&self.terms.phrases_neutres, &self.terms.eponymes] {
            for (i, n, _) in find_terms(ws, list) {
                mask[i..i + n].iter_mut().for_each(|m| *m = true);
            }
        }
        mask
    }

    fn is_network_name(&self, phrase: &str) -> bool {
        let folded = fold(phrase);
        self.known_names.iter().any(|n| fold(n).contains(&folded))
    }

    /// Whether word `i` names a place: a place word (« rue », « école ») before it, with
    /// only names, particles or qualifiers (« centre social ») between.
    fn in_place_name(&self, ws: &[Word<'_>], i: usize) -> bool {
        let lieux = &self.terms.lieux;
        let qualifiers = &self.terms.lieux_qualificatifs;
        let mut k = i;
        while k > 0 && i - k < 5 {
            k -= 1;
            let w = &ws[k];
            if lieux.contains(&w.folded) {
                return true;
            }
            let between = w.capitalised()
                || qualifiers
                    .iter()
                    .any(|q| fold(q.trim_end_matches('\'')) == w.folded)
                || self
                    .terms
                    .civilites
                    .iter()
                    .any(|c| c.trim_end_matches('.') == w.folded);
            if !between {
                return false;
            }
        }
        false
    }

    /// Civility + name, « la famille X », first names (alone, compound, in lower case when
    /// they are only names), with the surname that follows.
    fn person_names(&self, ws: &[Word<'_>], neutral: &[bool]) -> Vec<String> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let found = self.name_at(ws, i, neutral);
            match found {
                Some(end) => {
                    let matched = phrase(&ws[i..end]);
                    // A contact's name, in full or the surname after a civility.
                    let known = self.is_network_name(&matched)
                        || (end - i > 1 && self.is_network_name(&phrase(&ws[i + 1..end])));
                    if !known {
                        out.push(matched);
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The end (exclusive) of a person's name starting at word `i`, if one does.
    fn name_at(&self, ws: &[Word<'_>], i: usize, neutral: &[bool]) -> Option<usize> {
        let w = &ws[i];
        if neutral[i] || !w.alphabetic() {
            return None;
        }
        let next = ws.get(i + 1).filter(|n| n.alphabetic() && !neutral[i + 1]);
        let next_is_name_word = |n: &Word<'_>| {
            !STOP_WORDS.contains(&n.folded.as_str())
                && (n.capitalised() || self.terms.names.kind(&n.folded).is_some())
        };
        let civility = self
            .terms
            .civilites
            .iter()
            .any(|c| c.trim_end_matches('.') == w.folded);
        if civility {
            let weak = WEAK_CIVILITIES.contains(&w.folded.as_str());
            let n = next?;
            let ok = if weak {
                n.capitalised() && !STOP_WORDS.contains(&n.folded.as_str())
            } else {
                next_is_name_word(n)
            };
            if !ok || self.in_place_name(ws, i) {
                return None;
            }
            return Some(self.surname_end(ws, i + 2));
        }
        if self.terms.familles.contains(&w.folded)
            && let Some(n) = next
            && n.capitalised()
            && !STOP_WORDS.contains(&n.folded.as_str())
            && !self.in_place_name(ws, i)
        {
            return Some(self.surname_end(ws, i + 2));
        }
        let kind = self.terms.names.kind(&w.folded)?;
        let followed_by_surname =
            next.is_some_and(|n| n.capitalised() && !STOP_WORDS.contains(&n.folded.as_str()));
        let written_as_name = match kind {
            NameKind::Sure => true,
            NameKind::AlsoWord => w.capitalised() && (!w.sentence_start || followed_by_surname),
        };
        if !written_as_name || self.in_place_name(ws, i) {
            return None;
        }
        Some(self.surname_end(ws, i + 1))
    }

    /// Where the surname that may follow a first name or civility ends: capitalised words,
    /// with particles between (« Ben Salah »), at most three words.
    fn surname_end(&self, ws: &[Word<'_>], from: usize) -> usize {
        let mut end = from;
        let mut k = from;
        while k < ws.len() && k < from + 3 {
            let w = &ws[k];
            if w.after_separator {
                break;
            }
            if w.capitalised() && w.alphabetic() && !STOP_WORDS.contains(&w.folded.as_str()) {
                k += 1;
                end = k;
            } else if PARTICLES.contains(&w.folded.as_str())
                && ws.get(k + 1).is_some_and(|n| n.capitalised())
            {
                k += 1;
            } else {
                break;
            }
        }
        end
    }

    /// E-mail addresses, also written with spaces around « @ », or as « (at) » / « arobase ».
    fn emails(&self, ws: &[Word<'_>], text: &str) -> Vec<(GuardKind, String)> {
        const PROVIDERS: &[&str] = &[
            "gmail",
            "hotmail",
            "yahoo",
            "orange",
            "free",
            "sfr",
            "laposte",
            "outlook",
            "live",
            "wanadoo",
            "icloud",
            "aol",
            "gmx",
            "protonmail",
            "proton",
            "msn",
            "neuf",
            "bbox",
        ];
        let mut out = Vec::new();
        for (i, w) in ws.iter().enumerate() {
            if let Some((local, domain)) = w.text.split_once('@') {
                let domain_ok = domain.contains('.')
                    || PROVIDERS.contains(&fold(domain).as_str())
                    || (domain.is_empty() && ws.get(i + 1).is_some_and(|n| n.text.contains('.')));
                // « jean.dupont @ gmail.com »: the name is the word before.
                let local_ok = !local.is_empty() || i > 0;
                if domain_ok && local_ok {
                    let matched = if w.text == "@" {
                        phrase(&ws[i - 1..(i + 2).min(ws.len())])
                    } else {
                        w.text.to_string()
                    };
                    out.push((GuardKind::Email, matched));
                }
            }
            if matches!(w.folded.as_str(), "arobase" | "arobace")
                || (w.folded == "at"
                    && i > 0
                    && ws.get(i + 1).is_some_and(|n| {
                        n.text.contains('.') || PROVIDERS.contains(&n.folded.as_str())
                    }))
            {
                let from = i.saturating_sub(1);
                let to = (i + 2).min(ws.len());
                out.push((GuardKind::Email, phrase(&ws[from..to])));
            }
        }
        let lower = text.to_lowercase();
        for marker in ["(at)", "[at]", "{at}"] {
            if lower.contains(marker) {
                out.push((GuardKind::Email, marker.to_string()));
            }
        }
        out
    }

    /// A number or code after a word that says whose it is (« allocataire 1234567 », « code du
    /// compte : 4711 »), and letter-and-digit codes that look issued (« 12AB34567 »).
    fn identifiers(&self, ws: &[Word<'_>]) -> Vec<(GuardKind, String)> {
        let mut out = Vec::new();
        let excluded: Vec<(usize, usize)> = find_terms(ws, &self.terms.pas_identifiants)
            .into_iter()
            .map(|(i, n, _)| (i, i + n))
            .collect();
        for (i, n, _) in find_terms(ws, &self.terms.identifiants) {
            if excluded.iter().any(|&(a, b)| i >= a && i < b) {
                continue;
            }
            let mut k = i + n;
            let mut skipped = 0;
            while k < ws.len()
                && skipped < 3
                && matches!(
                    ws[k].folded.as_str(),
                    "n" | "no"
                        | "num"
                        | "numero"
                        | "de"
                        | "du"
                        | "d"
                        | "est"
                        | "le"
                        | "son"
                        | "sa"
                        | "ses"
                        | "a"
                        | "nr"
                )
            {
                k += 1;
                skipped += 1;
            }
            if let Some(value) = ws.get(k)
                && looks_like_issued_value(value.text)
            {
                out.push((GuardKind::Identifier, phrase(&ws[i..=k])));
            }
        }
        for w in ws {
            let digits = w.text.chars().filter(char::is_ascii_digit).count();
            let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
            if digits >= 5
                && letters >= 1
                && !w.text.contains('@')
                && !looks_like_suivi_code(w.text)
                && !numbers::looks_like_iban(w.text)
            {
                out.push((GuardKind::Identifier, w.text.to_string()));
            }
        }
        out
    }

    /// A number before a street (« 12 bis rue des Lilas »), a floor and its door (« 3e étage
    /// porte gauche »), a flat number, a postcode before a town.
    fn addresses(&self, ws: &[Word<'_>]) -> Vec<(GuardKind, String)> {
        const STREETS: &[&str] = &[
            "rue",
            "avenue",
            "av",
            "bd",
            "boulevard",
            "allee",
            "allees",
            "impasse",
            "place",
            "square",
            "quai",
            "chemin",
            "route",
            "cours",
            "passage",
            "chaussee",
            "faubourg",
            "fbg",
            "rond-point",
            "residence",
            "lotissement",
            "cite",
            "villa",
            "sentier",
            "voie",
            "hameau",
            "lieu-dit",
            "parvis",
            "promenade",
            "esplanade",
            "mail",
            "rte",
            "ave",
            "street",
            "road",
            "chem",
            "imp",
            "pl",
            "res",
        ];
        const REPEATS: &[&str] = &["bis", "ter", "quater", "b", "c", "a"];
        let mut out = Vec::new();
        for (i, w) in ws.iter().enumerate() {
            let number =
                w.text.len() <= 6 && w.text.chars().next().is_some_and(|c| c.is_ascii_digit()) && {
                    let digits: String = w.text.chars().take_while(char::is_ascii_digit).collect();
                    let rest = fold(&w.text[digits.len()..]);
                    digits.len() <= 4 && (rest.is_empty() || REPEATS.contains(&rest.as_str()))
                };
            if number {
                let mut k = i + 1;
                if ws
                    .get(k)
                    .is_some_and(|n| REPEATS.contains(&n.folded.as_str()))
                {
                    k += 1;
                }
                if let Some(street) = ws.get(k)
                    && STREETS.contains(&street.folded.as_str())
                    && ws.get(k + 1).is_some()
                {
                    let end = (k + 4).min(ws.len());
                    out.push((GuardKind::Address, phrase(&ws[i..end])));
                }
                // A postcode then a town: « 59000 Lille ».
                if w.text.len() == 5
                    && w.text.chars().all(|c| c.is_ascii_digit())
                    && ws
                        .get(i + 1)
                        .is_some_and(|n| n.capitalised() && n.alphabetic())
                    && i.checked_sub(1)
                        .is_none_or(|p| !matches!(ws[p].folded.as_str(), "postal" | "cp"))
                {
                    out.push((GuardKind::Address, phrase(&ws[i..i + 2])));
                }
            }
            // « 3e étage porte gauche », « appartement 12 », « appt 34 ».
            if matches!(w.folded.as_str(), "porte" | "pte")
                && ws[i.saturating_sub(3)..i]
                    .iter()
                    .any(|p| p.folded == "etage")
                && i + 1 < ws.len()
            {
                out.push((GuardKind::Address, phrase(&ws[i.saturating_sub(2)..i + 2])));
            }
            if matches!(
                w.folded.as_str(),
                "appartement" | "appt" | "apt" | "appart" | "logement" | "chambre"
            ) {
                let mut k = i + 1;
                if ws
                    .get(k)
                    .is_some_and(|n| matches!(n.folded.as_str(), "n" | "no" | "numero"))
                {
                    k += 1;
                }
                if ws
                    .get(k)
                    .is_some_and(|v| v.text.chars().any(|c| c.is_ascii_digit()))
                {
                    out.push((GuardKind::Address, phrase(&ws[i..=k])));
                }
            }
        }
        out
    }
}

/// « né le 3 mars 1985 », « née en 1990 », « date de naissance : … », « DDN ».
fn birth_date(text: &str, ws: &[Word<'_>]) -> Option<String> {
    let lower = text.to_lowercase();
    for marker in [
        "né(e) le",
        "né le",
        "née le",
        "né en",
        "née en",
        "né à",
        "née à",
        "nés le",
        "nées le",
    ] {
        if let Some(at) = lower.find(marker) {
            let before = lower[..at].chars().next_back();
            if before.is_none_or(|c| !c.is_alphanumeric()) {
                let end = lower[at..]
                    .char_indices()
                    .nth(marker.chars().count() + 12)
                    .map_or(lower.len(), |(k, _)| at + k);
                return Some(lower[at..end].trim().to_string());
            }
        }
    }
    let folded: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
    for (i, pair) in folded.windows(3).enumerate() {
        if pair == ["date", "de", "naissance"] || pair == ["date", "of", "birth"] {
            return Some(phrase(&ws[i..i + 3]));
        }
    }
    ws.iter()
        .find(|w| matches!(w.folded.as_str(), "ddn" | "dob"))
        .map(|w| w.text.to_string())
        .or_else(|| {
            folded
                .windows(2)
                .position(|p| p == ["born", "on"] || p == ["born", "in"])
                .map(|i| phrase(&ws[i..i + 2]))
        })
}

/// A value that looks issued to a person: five digits or more, four that are not a year, or
/// letters with at least three digits.
fn looks_like_issued_value(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let year = text.len() == 4 && (text.starts_with("19") || text.starts_with("20"));
    digits >= 5 || (digits == 4 && letters == 0 && !year) || (digits >= 3 && letters >= 1)
}

fn phrase(ws: &[Word<'_>]) -> String {
    ws.iter().map(|w| w.text).collect::<Vec<_>>().join(" ")
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

#[cfg(test)]
mod tests;
