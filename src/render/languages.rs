//! The interface strings of every language a site publishes: one [`Strings`] each, the
//! site theme's own `i18n/<language>.ftl` over the default theme's.

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
    pub(crate) fn load(
        settings: &Settings,
        site_theme: &Path,
    ) -> Result<Languages, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut loaded = Vec::new();
        for language in published_languages(settings) {
            match interface_strings(settings, site_theme, &language) {
                Ok(strings) => loaded.push(Arc::new(strings)),
                Err(mut found) => problems.append(&mut found),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut loaded = loaded.into_iter();
        let first = match loaded.next() {
            Some(first) => first,
            None => Arc::new(interface_strings(
                settings,
                site_theme,
                crate::i18n::FALLBACK,
            )?),
        };
        let others = loaded
            .map(|strings| (strings.language().to_string(), strings))
            .collect();
        Ok(Languages {
            first,
            others: Arc::new(others),
        })
    }

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

/// The languages whose pages this site publishes, the default first. A one-language
/// site speaks its own `language`: `language: cy` makes the whole theme Welsh.
fn published_languages(settings: &Settings) -> Vec<String> {
    vec![settings.language.clone()]
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
