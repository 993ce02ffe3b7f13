//! Field-level validation returning message ids (the UI translates them), and NFC
//! normalisation of every text field before a record is stored.

use super::records::*;
use super::text::nfc;

/// A problem with one field; `message` is a Fluent message id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

impl FieldError {
    fn new(field: &'static str, message: &'static str) -> FieldError {
        FieldError { field, message }
    }
}

pub const MAX_DURATION_MIN: u16 = 24 * 60;

/// The longest text any form accepts (a multi-line note), in characters. Imports are held to
/// it too: one 5 MB field made every search keystroke take seconds.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The longest single-line field, in characters.
pub const MAX_LINE_CHARS: usize = 1_000;

pub trait Validate {
    /// Brings every text field to NFC.
    fn normalize(&mut self);
    fn validate(&self) -> Vec<FieldError>;
}

pub(crate) fn norm(fields: &mut [&mut Text]) {
    for f in fields {
        if !f.is_ascii() {
            **f = nfc(f).into();
        }
    }
}

pub(crate) fn norm_list(list: &mut [Text]) {
    for s in list {
        if !s.is_ascii() {
            *s = nfc(s).into();
        }
    }
}

pub(crate) fn norm_meta(meta: &mut RecordMeta) {
    if let Some(tags) = meta.tags.present_mut() {
        norm_list(tags);
    }
    for e in &mut meta.evidence {
        norm(&mut [&mut e.justification]);
    }
}

fn norm_suites(suites: &mut [Suite]) {
    for s in suites {
        norm(&mut [&mut s.action]);
    }
}

pub(crate) fn required(errors: &mut Vec<FieldError>, field: &'static str, value: &str) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, "err-required"));
    }
}

pub(crate) fn duration(errors: &mut Vec<FieldError>, field: &'static str, minutes: u16) {
    if minutes == 0 || minutes > MAX_DURATION_MIN {
        errors.push(FieldError::new(field, "err-duration-range"));
    }
}

impl Validate for Interaction {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [
            &mut self.lieu,
            &mut self.quartier,
            &mut self.demande,
            &mut self.besoin,
            &mut self.note_pro,
        ]);
        if let Some(note) = self.note_privee.present_mut() {
            norm(&mut [note]);
        }
        if let Some(o) = &mut self.orientation {
            norm(&mut [&mut o.nom]);
        }
        if let Some(suites) = self.suites.present_mut() {
            norm_suites(suites);
        }
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        if self.types.is_empty() {
            e.push(FieldError::new("types", "err-required"));
        }
        required(&mut e, "canal", &self.canal);
        duration(&mut e, "duree", self.duree_min);
        if let Personnes::Anonyme(p) = &self.personnes
            && p.nombre == 0
        {
            e.push(FieldError::new("personnes", "err-persons-zero"));
        }
        e
    }
}

impl Validate for Suivi {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        self.code = self.code.trim().to_uppercase().into();
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        if !is_suivi_code(&self.code) {
            e.push(FieldError::new("code", "err-suivi-code"));
        }
        e
    }
}

/// `P-2026-017`: a letter, a year, a number of at least three digits.
pub fn is_suivi_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let (Some(prefix), Some(year), Some(num), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    prefix.len() == 1
        && prefix.chars().all(|c| c.is_ascii_uppercase())
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && num.len() >= 3
        && num.chars().all(|c| c.is_ascii_digit())
}

/// French phone numbers as people write them: `01 23 45 67 89`, `0123456789`,
/// `+33 1 23 45 67 89` (dots and dashes accepted as separators), and the short public
/// numbers a network lists: emergency and social lines (15, 115, 119, 116 006…) and the
/// four-digit services numbers (3230 for the CAF, 3949 for France Travail, 3919…).
pub fn is_phone(s: &str) -> bool {
    const EMERGENCY: [&str; 11] = [
        "15", "17", "18", "110", "112", "114", "115", "119", "191", "196", "197",
    ];
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{a0}'))
        .collect();
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    if let Some(rest) = compact.strip_prefix("+33") {
        return rest.len() == 9 && digits(rest) && !rest.starts_with('0');
    }
    if !digits(&compact) {
        return false;
    }
    match compact.len() {
        10 => compact.starts_with('0'),
        4 => compact.starts_with('3') || compact.starts_with("10"),
        6 => compact.starts_with("116"),
        _ => EMERGENCY.contains(&compact.as_str()),
    }
}

/// A plausible e-mail address: one `@`, a non-empty local part, a domain with a dot, no spaces.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

fn reachable(errors: &mut Vec<FieldError>, telephone: &str, courriel: &str) {
    if !telephone.trim().is_empty() && !is_phone(telephone) {
        errors.push(FieldError::new("telephone", "err-phone"));
    }
    if !courriel.trim().is_empty() && !is_email(courriel) {
        errors.push(FieldError::new("courriel", "err-email"));
    }
}

impl Validate for Structure {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [
            &mut self.nom,
            &mut self.adresse,
            &mut self.commune,
            &mut self.quartier,
            &mut self.horaires,
            &mut self.publics,
            &mut self.notes,
        ]);
        for s in &mut self.services {
            norm(&mut [&mut s.conditions, &mut s.frais]);
        }
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "nom", &self.nom);
        if self.typologies.is_empty() {
            e.push(FieldError::new("typologies", "err-required"));
        }
        reachable(&mut e, &self.telephone, &self.courriel);
        e
    }
}

impl Validate for Contact {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [&mut self.nom, &mut self.fonction]);
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "nom", &self.nom);
        reachable(&mut e, &self.telephone, &self.courriel);
        e
    }
}

fn norm_liens(liens: &mut [Lien]) {
    for l in liens {
        norm(&mut [&mut l.nom]);
    }
}

impl Validate for Rencontre {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [&mut self.objet, &mut self.compte_rendu]);
        norm_liens(&mut self.structures);
        norm_liens(&mut self.contacts);
        norm_suites(&mut self.suites);
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "objet", &self.objet);
        duration(&mut e, "duree", self.duree_min);
        e
    }
}

impl Validate for Veille {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [&mut self.source, &mut self.resume]);
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "resume", &self.resume);
        e
    }
}

impl Validate for Fiche {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [&mut self.titre, &mut self.contenu]);
        for s in &mut self.sources {
            norm(&mut [&mut s.titre]);
        }
        for r in &mut self.revisions {
            norm(&mut [&mut r.resume, &mut r.contenu_precedent]);
        }
        norm_liens(&mut self.structures);
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "titre", &self.titre);
        required(&mut e, "classement", &self.classement);
        e
    }
}

impl Validate for Analyse {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [
            &mut self.situation,
            &mut self.ce_que_jai_fait,
            &mut self.ressenti,
            &mut self.analyse_posture,
            &mut self.autrement,
            &mut self.retenu,
        ]);
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "situation", &self.situation);
        e
    }
}

impl Validate for Profil {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [&mut self.service]);
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        if let (Some(from), Some(to)) = (self.periode_debut, self.periode_fin)
            && to < from
        {
            e.push(FieldError::new("periode_fin", "err-period-order"));
        }
        e
    }
}

impl Validate for Exemple {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [
            &mut self.titre,
            &mut self.taches,
            &mut self.moyens,
            &mut self.avec_qui,
            &mut self.entreprise,
            &mut self.service,
            &mut self.infos,
        ]);
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "titre_exemple", &self.titre);
        if let (Some(from), Some(to)) = (self.du, self.au)
            && to < from
        {
            e.push(FieldError::new("au_exemple", "err-period-order"));
        }
        e
    }
}

impl Validate for Signalement {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [&mut self.lieu, &mut self.description]);
        if let Some(d) = &mut self.destinataire {
            norm(&mut [&mut d.nom]);
        }
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "lieu", &self.lieu);
        required(&mut e, "categorie", &self.categorie);
        e
    }
}

impl Validate for NoteTerritoire {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [&mut self.territoire, &mut self.periode, &mut self.texte]);
        for s in &mut self.sources {
            norm(&mut [&mut s.titre]);
        }
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "texte", &self.texte);
        e
    }
}

impl Validate for PlanNode {
    fn normalize(&mut self) {
        norm_meta(&mut self.meta);
        norm(&mut [&mut self.libelle]);
    }

    fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        required(&mut e, "libelle", &self.libelle);
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_phone_numbers_and_email_addresses() {
        for ok in [
            "01 23 45 67 89",
            "0123456789",
            "+33 1 23 45 67 89",
            "06.12.34.56.78",
            "+33612345678",
            "3230",
            "39 49",
            "115",
            "116 006",
            "0 800 130 000",
        ] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in [
            "123",
            "4230",
            "1234567",
            "01 23 45 67",
            "+33 01 23 45 67 89",
            "abcdefghij",
            "01 23 45 67 89 10",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
        for ok in ["accueil@caf.fr", "prenom.nom@ville-valdebrume.fr"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "accueil",
            "@caf.fr",
            "accueil@caf",
            "a@@b.fr",
            "a b@c.fr",
            "a@b..fr",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn suivi_codes_have_one_shape() {
        assert!(is_suivi_code("P-2026-017"));
        assert!(is_suivi_code("P-2026-1234"));
        for bad in [
            "",
            "P-2026-17",
            "p-2026-017",
            "P2026017",
            "P-26-017",
            "P-2026-01A",
            "P-2026-017-1",
        ] {
            assert!(!is_suivi_code(bad), "{bad} must be refused");
        }
    }
}
