//! The interface strings a theme speaks: the site theme's own `i18n/<language>.ftl` over
//! the default theme's. A bilingual site loads one theme per language.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::i18n::Strings;

/// One [`Strings`] per language the site publishes. Shared with the templates' `t()`,
/// which picks the page's language from `site.language` in the page's context.
#[derive(Clone)]
pub(crate) struct Languages {
    first: Arc<Strings>,
    others: Arc<BTreeMap<String, Arc<Strings>>>,
}

impl Languages {
    pub(crate) fn single(strings: Strings) -> Languages {
        Languages {
            first: Arc::new(strings),
            others: Arc::new(BTreeMap::new()),
        }
    }

    pub(crate) fn get(&self, language: &str) -> &Strings {
        if self.first.language() == language {
            return &self.first;
        }
        self.others.get(language).unwrap_or(&self.first)
    }
}

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
