//! Pure exports: data in, bytes out.

pub mod json;
