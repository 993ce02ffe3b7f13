//! Pure exports: data in, bytes out.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod vcard;
