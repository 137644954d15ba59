//! The site in each of its languages. The default language's [`Site`] is resolved as
//! always; each other language's is made from it, so both publish exactly the same
//! entries: an entry translated into the language shows its translation, one that is not
//! shows its own words, marked with their language. Nothing held back in the default
//! language can appear in another.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use super::people::{label_people, translate_roles};
use super::{entry_order, taxonomies, PublishOptions, Site};
use crate::config::{Settings, SiteLanguage};
use crate::load::convert::summary_from_body;
use crate::load::{Library, Translation};

/// The site's languages as the pages of one of them see them: for `hreflang` links and
/// the language switcher.
#[derive(Debug, Clone, Default)]
pub(crate) struct Languages {
    /// Which of `all` these pages are in.
    pub(crate) current: usize,
    pub(crate) all: Vec<LanguagePages>,
    /// The default language's plain pages not translated into this language, which its
    /// footer still lists, in their own words, as it lists untranslated entries.
    pub(crate) untranslated_pages: Vec<UntranslatedPage>,
}

/// A plain page this language has no translation of: its title in its own language and
/// its address in the default language.
#[derive(Debug, Clone)]
pub(crate) struct UntranslatedPage {
    pub(crate) title: String,
    pub(crate) path: String,
    /// The language the page is written in (the default language).
    pub(crate) language: String,
}

/// One language's pages: where they are, and which pages of the default language it
/// lacks (entries and plain pages not translated into it).
#[derive(Debug, Clone)]
pub(crate) struct LanguagePages {
    pub(crate) code: String,
    /// The address its pages are below, e.g. `/cy/`.
    pub(crate) base_path: String,
    /// The same, absolute: `https://stories.example/cy`.
    pub(crate) base_url: String,
    /// Site paths (`/stories/a/`) the default language has and this one has not.
    pub(crate) missing: Arc<HashSet<String>>,
}

impl Languages {
    /// One language: no alternates, no switcher.
    pub(crate) fn single(settings: &Settings) -> Languages {
        Languages {
            current: 0,
            all: vec![LanguagePages {
                code: settings.language.clone(),
                base_path: settings.base_path.clone(),
                base_url: settings.base_url.clone(),
                missing: Arc::default(),
            }],
            untranslated_pages: Vec::new(),
        }
    }
}

/// Every language's site, the default's first. `default` is the resolved site; the
/// others are made from it and the library's translations.
pub(crate) fn language_sites(
    default: Site,
    library: &Library,
    options: PublishOptions,
) -> Vec<Site> {
    let mut default = default;
    label_people(&mut default);
    let languages = default.settings.languages.clone();
    if languages.len() < 2 {
        return vec![default];
    }
    let mut sites: Vec<Site> = languages[1..]
        .iter()
        .map(|language| {
            let mut site = localise(&default, library, language, options);
            label_people(&mut site);
            site
        })
        .collect();
    let mut all = vec![LanguagePages {
        code: default.settings.language.clone(),
        base_path: default.settings.base_path.clone(),
        base_url: default.settings.base_url.clone(),
        missing: Arc::default(),
    }];
    all.extend(sites.iter().map(|site| LanguagePages {
        code: site.settings.language.clone(),
        base_path: site.settings.base_path.clone(),
        base_url: site.settings.base_url.clone(),
        missing: Arc::new(missing_pages(&default, site)),
    }));
    for (index, site) in sites.iter_mut().enumerate() {
        site.languages = Languages {
            current: index + 1,
            all: all.clone(),
            untranslated_pages: untranslated_pages(&default, site),
        };
    }
    default.languages = Languages {
        current: 0,
        all,
        untranslated_pages: Vec::new(),
    };
    sites.insert(0, default);
    sites
}

/// The site in `language`: every published entry, translated where a translation is
/// ready, and the plain pages that are translated.
fn localise(
    default: &Site,
    library: &Library,
    language: &SiteLanguage,
    options: PublishOptions,
) -> Site {
    let settings = default.settings.in_language(language);
    let own_language = &default.settings.language;
    // One lookup per entry: a scan each time would cost the square of the site's size.
    let translations: HashMap<&Path, &Translation> = library
        .translations
        .iter()
        .filter(|t| t.language == language.code)
        .map(|t| (t.original.as_path(), t))
        .collect();
    let mut entries: Vec<_> = default
        .entries
        .iter()
        .map(|entry| {
            let mut local = entry.clone();
            match translations.get(entry.source.as_path()) {
                Some(t) if options.include_drafts || !t.draft => {
                    local.source = t.source.path.clone();
                    local.title = t.title.clone();
                    if !t.summary.is_empty() {
                        local.summary = t.summary.clone();
                    } else if entry.summary == summary_from_body(&entry.body) {
                        // A nomination that gives no summary is summed up by its opening
                        // words: in this language, the translation's.
                        local.summary = summary_from_body(&t.body);
                    }
                    local.body = t.body.clone();
                    local.body_line = t.body_line;
                    translate_roles(&mut local.people, &t.roles, own_language);
                    if let Some(image) = local.image.as_mut().filter(|i| !i.decorative) {
                        match &t.image_alt {
                            Some(alt) => image.alt = alt.clone(),
                            None => image.alt_language = Some(own_language.clone()),
                        }
                    }
                }
                _ => local.text_language = Some(own_language.clone()),
            }
            local
        })
        .collect();
    entries.sort_by(entry_order);
    let pages = default
        .pages
        .iter()
        .filter_map(|page| {
            let t = translations.get(page.source.as_path())?;
            (options.include_drafts || !t.draft).then(|| {
                let mut local = page.clone();
                local.source = t.source.path.clone();
                local.title = t.title.clone();
                local.summary = t.summary.clone();
                local.body = t.body.to_string();
                local.body_line = t.body_line;
                local
            })
        })
        .collect();
    let taxonomies = taxonomies(&settings, &entries);
    Site {
        settings,
        now: default.now,
        entries,
        pages,
        taxonomies,
        images: default.images.clone(),
        languages: Languages::default(),
    }
}

/// The plain pages of `default` that `other` has no translation of, in `default`'s order.
fn untranslated_pages(default: &Site, other: &Site) -> Vec<UntranslatedPage> {
    let translated: HashSet<String> = other.pages.iter().map(|p| p.path()).collect();
    default
        .pages
        .iter()
        .filter(|page| !translated.contains(&page.path()))
        .map(|page| UntranslatedPage {
            title: page.title.clone(),
            path: page.path(),
            language: default.settings.language.clone(),
        })
        .collect()
}

/// The paths of `default` that `other` has no page for.
fn missing_pages(default: &Site, other: &Site) -> HashSet<String> {
    let mut missing: HashSet<String> = other
        .entries
        .iter()
        .filter(|e| e.text_language.is_some())
        .map(|e| e.path())
        .collect();
    let translated: HashSet<String> = other.pages.iter().map(|p| p.path()).collect();
    missing.extend(
        default
            .pages
            .iter()
            .map(|p| p.path())
            .filter(|path| !translated.contains(path)),
    );
    missing
}
