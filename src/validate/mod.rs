//! Validate: every rule of the content conventions, over every file, all at once.
//!
//! Rules never stop at the first problem: each returns its findings and the caller keeps
//! going, so a social worker sees everything to fix in one run. The modules
//! `personal_data`, `suggest` and `words` are pure text checks returning byte ranges;
//! `fields` and `privacy` turn them into diagnostics at the file's own lines.

pub(crate) mod fields;
mod leak_hint;
mod media_names;
pub(crate) mod personal_data;
pub(crate) mod privacy;
mod translations;
mod untranslated;
pub(crate) mod words;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::load::Library;
pub(crate) use fields::KnownPaths;

/// Runs every rule over a loaded library. Loading problems are not repeated here.
pub fn validate(settings: &Settings, library: &Library) -> Vec<Diagnostic> {
    let mut problems = validate_files(settings, library, &|_| true);
    problems.extend(validate_site_wide(settings, library));
    problems
}

/// The rules about single files, for the files `chosen` picks (by path relative to the
/// site), with the whole library as context. Such a rule may look at other files only
/// for the addresses they publish (links); the preview server relies on this to
/// re-check only the files that changed. Rules across files go in
/// [`validate_site_wide`].
pub(crate) fn validate_files(
    settings: &Settings,
    library: &Library,
    chosen: &(dyn Fn(&std::path::Path) -> bool + Sync),
) -> Vec<Diagnostic> {
    validate_files_known(
        settings,
        library,
        chosen,
        &KnownPaths::new(settings, library),
    )
}

/// [`validate_files`] with the site's addresses already gathered: gathering them takes
/// longer than checking one file, so the preview server keeps them between saves.
pub(crate) fn validate_files_known(
    settings: &Settings,
    library: &Library,
    chosen: &(dyn Fn(&std::path::Path) -> bool + Sync),
    known: &KnownPaths,
) -> Vec<Diagnostic> {
    let mut problems = fields::check_chosen_documents(settings, library, chosen, known);
    problems.extend(privacy::check_chosen_documents(settings, library, chosen));
    problems
}

/// The documents (complete or not) whose paths `chosen` picks, in parallel.
fn chosen_documents<'a>(
    library: &'a Library,
    chosen: &'a (dyn Fn(&std::path::Path) -> bool + Sync),
) -> impl rayon::iter::ParallelIterator<Item = &'a crate::load::Document> + 'a {
    use rayon::prelude::*;
    library
        .documents
        .par_iter()
        .chain(&library.incomplete)
        .filter(move |document| chosen(&document.source.path))
}

/// The rules across files (two files with one address, reserved addresses).
pub(crate) fn validate_site_wide(settings: &Settings, library: &Library) -> Vec<Diagnostic> {
    let mut problems = validate_addresses_and_names(settings, library);
    problems.extend(validate_translations(settings, library));
    problems
}

/// The rules across files that read only the addresses files publish, the names they
/// mark anonymous and the media files' names: the preview runs them again only when
/// one of those moved.
pub(crate) fn validate_addresses_and_names(
    settings: &Settings,
    library: &Library,
) -> Vec<Diagnostic> {
    let mut problems = fields::check_site_wide(settings, library);
    problems.extend(media_names::check_media_names(settings, library));
    problems
}

/// Each translation against its original.
pub(crate) fn validate_translations(settings: &Settings, library: &Library) -> Vec<Diagnostic> {
    translations::check_translations(settings, library)
}

/// The translations `chosen` picks against their originals, each translation's problems
/// by its path.
pub(crate) fn validate_chosen_translations(
    settings: &Settings,
    library: &Library,
    chosen: &(dyn Fn(&crate::load::Translation) -> bool + Sync),
) -> Vec<(std::path::PathBuf, Vec<Diagnostic>)> {
    translations::check_chosen_translations(settings, library, chosen)
}
