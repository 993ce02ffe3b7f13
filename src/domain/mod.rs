//! Pure domain: records, ids, vocabularies, the référentiel, validation and text rules.
//! No terminal, no storage, no I/O, no clock reads: time comes in as values.

pub mod bilan;
pub mod cas;
pub mod coverage;
pub mod dossier;
pub mod evenement_securite;
pub mod hash;
pub mod id;
pub mod modele;
pub mod parse;
pub mod personne;
pub mod projet;
pub mod recit;
pub mod records;
pub mod referentiel;
pub mod relance;
pub mod situation;
pub mod text;
pub mod validate;
pub mod vocab;

pub use bilan::Bilan;
pub use cas::CasMediation;
pub use evenement_securite::EvenementSecurite;
pub use id::{Id, IdGen, Timestamp};
pub use modele::Modele;
pub use projet::{Projet, Seance};
pub use records::*;
pub use referentiel::{Ccp, Competence, Referentiel};
pub use relance::RelanceReportee;
pub use vocab::{Lang, VocabEntry, Vocabularies, Vocabulary};
