//! Validate: the rules every content file must pass before anything is published.
//!
//! The modules here are pure text checks that return byte ranges; the pipeline turns
//! those ranges into [`crate::diagnostic::Diagnostic`]s with the file's own positions.

pub mod anonymity;
pub mod personal_data;
pub mod suggest;
pub mod words;
