//! The interface strings a site speaks in one language: the site theme's own
//! `i18n/<language>.ftl` over the default theme's. Resolving needs them for the words an
//! anonymous person is labelled with; rendering for every other word on a page.

use std::path::Path;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::i18n::Strings;

/// The interface strings of the language of `settings`' pages, with the site theme's
/// own file over the default theme's: what the social cards of that language say.
pub(crate) fn site_strings(settings: &Settings) -> Result<Strings, Vec<Diagnostic>> {
    let site_theme = settings.root.join("themes").join(&settings.theme);
    interface_strings(settings, &site_theme, &settings.language)
}

/// The interface strings of one language, with the site theme's own
/// `i18n/<language>.ftl` over the default theme's, message by message.
pub(crate) fn interface_strings(
    settings: &Settings,
    site_theme: &Path,
    language: &str,
) -> Result<Strings, Vec<Diagnostic>> {
    let path = site_theme.join("i18n").join(format!("{language}.ftl"));
    if !path.is_file() {
        return Strings::load(language, None);
    }
    let display = crate::load::display_path(settings, &path);
    let text = std::fs::read_to_string(&path).map_err(|err| {
        vec![Diagnostic::error(
            "PP0603",
            &display,
            format!("this theme file cannot be read: {err}"),
        )
        .with_hint("check that the file exists and that you have permission to read it")]
    })?;
    Strings::load(language, Some((&display, &text)))
}
