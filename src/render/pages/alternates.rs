//! The same page in the site's other languages: `hreflang` links for search engines and
//! the visible language switcher. Both stay empty on a one-language site.

use serde::Serialize;

use crate::resolve::Site;

/// `<link rel="alternate" hreflang="…" href="…">`.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub(super) struct Alternate {
    pub(super) hreflang: String,
    pub(super) url: String,
}

/// A link in the language switcher, in the language it leads to.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub(super) struct LanguageSwitch {
    pub(super) code: String,
    /// The language's own name for itself ("Cymraeg", "English").
    pub(super) name: String,
    pub(super) url: String,
    /// False when the page has no version in that language and the link leads to that
    /// language's home page instead.
    pub(super) same_page: bool,
}

/// Every language's address of the page at `path` (as `/stories/a/`), and x-default
/// (the default language's), when it exists in more than one language.
pub(super) fn alternates(site: &Site, path: &str) -> Vec<Alternate> {
    let languages = &site.languages.all;
    if languages.len() < 2 {
        return Vec::new();
    }
    let mut links: Vec<Alternate> = languages
        .iter()
        .filter(|l| !l.missing.contains(path))
        .map(|l| Alternate {
            hreflang: l.code.clone(),
            url: format!("{}{}", l.base_url, path),
        })
        .collect();
    if links.len() < 2 {
        return Vec::new();
    }
    links.push(Alternate {
        hreflang: "x-default".into(),
        url: format!("{}{}", languages[0].base_url, path),
    });
    links
}

/// The switcher's links: each other language's version of the page, or its home page
/// where the page has none. `names` are the languages' own names, in `site.languages` order.
pub(super) fn switcher(site: &Site, names: &[String], path: &str) -> Vec<LanguageSwitch> {
    let languages = &site.languages;
    if languages.all.len() < 2 {
        return Vec::new();
    }
    languages
        .all
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != languages.current)
        .map(|(index, l)| {
            let same_page = !l.missing.contains(path);
            let url = if same_page {
                format!("{}{}", l.base_path, path.trim_start_matches('/'))
            } else {
                l.base_path.clone()
            };
            LanguageSwitch {
                code: l.code.clone(),
                name: names.get(index).cloned().unwrap_or_else(|| l.code.clone()),
                url,
                same_page,
            }
        })
        .collect()
}

/// Each language's name for itself, from the theme's words (`language-name`), or its
/// code for a language the theme does not speak.
pub(super) fn language_names(site: &Site) -> Vec<String> {
    site.languages
        .all
        .iter()
        .map(|l| {
            let spoken = crate::i18n::THEME_LANGUAGES
                .iter()
                .any(|(code, _)| code.eq_ignore_ascii_case(&l.code));
            spoken
                .then(|| crate::i18n::Strings::load(&l.code, None).ok())
                .flatten()
                .and_then(|strings| {
                    strings
                        .format("language-name", &fluent_bundle::FluentArgs::new())
                        .ok()
                })
                .unwrap_or_else(|| l.code.clone())
        })
        .collect()
}
