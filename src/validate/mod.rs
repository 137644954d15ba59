//! Validate: every rule of the content conventions, over every file, all at once.
//!
//! Rules never stop at the first problem: each returns its findings and the caller keeps
//! going, so a social worker sees everything to fix in one run. The modules `anonymity`,
//! `personal_data`, `suggest` and `words` are pure text checks returning byte ranges;
//! `fields` and `privacy` turn them into diagnostics at the file's own lines.

pub mod anonymity;
pub mod fields;
pub mod personal_data;
pub mod privacy;
pub mod suggest;
pub mod words;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::Library;

/// Runs every rule over a loaded library. Loading problems are not repeated here.
pub fn validate(settings: &Settings, library: &Library) -> Vec<Diagnostic> {
    let mut problems = fields::check_documents(settings, library);
    problems.extend(fields::check_site_wide(settings, library));
    problems.extend(privacy::check_documents(settings, library));
    problems
}
