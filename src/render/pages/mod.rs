//! The list of files a site publishes, and how each one is rendered: [`Job`] names one
//! unit of work, [`render_job`] sends it to the file that knows that kind of page.

mod alternates;
mod entry;
mod listings;
mod renderer;
mod site_pages;
mod sitemap;

pub(crate) use listings::page_count;
pub(crate) use renderer::SharedContext;

use crate::diagnostic::Diagnostic;
use crate::i18n::Strings;
use crate::model::EntryKind;
use crate::render::feeds::{self, FeedScope};
use crate::render::output::Output;
use crate::render::theme::Theme;
use crate::resolve::{Site, TaxonomyKind};
use entry::entry_page;
use listings::{section, taxonomy_index, term_page};
use renderer::Renderer;
use site_pages::{feeds_page, guide_page, home, plain_page, press_page, stats_page, submit_page};
use sitemap::{robots, sitemap};

/// The style sheet only a site in more than one language needs (the switcher).
const LANGUAGES_CSS: &str = "languages.css";

/// One unit of rendering work; jobs are independent so they run in parallel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Job {
    /// The home page.
    Home,
    /// One story or nomination page, by its index in the site's entries.
    Entry(usize),
    /// One page of a section's listing (stories or nominations).
    Section {
        /// Which section.
        kind: EntryKind,
        /// Which page of the listing, from 0.
        page: usize,
    },
    /// The page listing every term of a taxonomy.
    TaxonomyIndex(TaxonomyKind),
    /// One page of the listing of one term's entries.
    Term {
        /// Which taxonomy.
        kind: TaxonomyKind,
        /// The term, by its index in the taxonomy.
        term: usize,
        /// Which page of the listing, from 0.
        page: usize,
    },
    /// One plain page, by its index in the site's pages.
    Page(usize),
    /// The accessibility statement.
    Accessibility,
    /// The search page.
    Search,
    /// The page shown for an address that does not exist.
    NotFound,
    /// sitemap.xml.
    Sitemap,
    /// robots.txt.
    Robots,
    /// The theme's static files (stylesheets, scripts, fonts).
    StaticFiles,
    /// One feed in Atom, RSS and JSON Feed.
    Feeds(FeedScope),
    /// The `/feeds/` page listing every feed.
    FeedsPage,
    /// The `/press/` page for journalists.
    Press,
    /// The "Share a story" form and its blank template.
    SubmitStory,
    /// The "Nominate a colleague" form and its blank template.
    SubmitNomination,
    /// The writers' guide from docs/writing-guide.md.
    SubmitGuide,
    /// The `/stats/` page and its CSV download.
    Stats,
}

/// Every job for a full build.
pub fn all_jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![
        Job::Home,
        Job::Accessibility,
        Job::Search,
        Job::NotFound,
        Job::Sitemap,
        Job::Robots,
        Job::StaticFiles,
        Job::FeedsPage,
        Job::Press,
        Job::SubmitStory,
        Job::SubmitNomination,
        Job::SubmitGuide,
        Job::Stats,
    ];
    jobs.extend(feeds::all_scopes(site).into_iter().map(Job::Feeds));
    jobs.extend((0..site.entries.len()).map(Job::Entry));
    for kind in [EntryKind::Story, EntryKind::Nomination] {
        let count = site.entries_of(kind).count();
        jobs.extend(
            (1..=page_count(count, site.settings.page_size))
                .map(|page| Job::Section { kind, page }),
        );
    }
    for taxonomy in &site.taxonomies {
        jobs.push(Job::TaxonomyIndex(taxonomy.kind));
        for (term, t) in taxonomy.terms.iter().enumerate() {
            let pages = page_count(t.entries.len(), site.settings.page_size);
            jobs.extend((1..=pages).map(|page| Job::Term {
                kind: taxonomy.kind,
                term,
                page,
            }));
        }
    }
    jobs.extend((0..site.pages.len()).map(Job::Page));
    jobs
}

/// Renders one job into its output files.
pub(crate) fn render_job(
    site: &Site,
    theme: &Theme,
    shared: &SharedContext,
    job: &Job,
) -> Result<Vec<Output>, Diagnostic> {
    let r = Renderer {
        site,
        theme,
        shared,
        strings: theme.strings(&site.settings.language),
    };
    match *job {
        Job::Home => home(&r),
        Job::Entry(index) => entry_page(&r, index),
        Job::Section { kind, page } => section(&r, kind, page),
        Job::TaxonomyIndex(kind) => taxonomy_index(&r, kind),
        Job::Term { kind, term, page } => term_page(&r, kind, term, page),
        Job::Page(index) => plain_page(&r, index),
        Job::Accessibility => {
            let meta = r.meta(
                &r.say("page-accessibility"),
                &r.say("page-accessibility-description"),
                "/accessibility/",
                "page",
                vec![r.home_crumb()],
            );
            r.html("/accessibility/", "accessibility.html", &meta, |_| {})
        }
        Job::Search => {
            let meta = r.meta(
                &r.say("page-search"),
                &r.say("page-search-description"),
                "/search/",
                "search",
                vec![r.home_crumb()],
            );
            r.html("/search/", "search.html", &meta, |_| {})
        }
        Job::NotFound => {
            let title = r.say("not-found-heading");
            let meta = r.meta(&title, "", "/404.html", "404", Vec::new());
            let other_languages = other_languages_not_found(site);
            Ok(vec![Output::new(
                "404.html",
                r.render("404.html", &meta, |context| {
                    context.insert("other_languages", &other_languages);
                })?,
            )])
        }
        Job::Sitemap => Ok(vec![Output::new("sitemap.xml", sitemap(site))]),
        Job::Robots => Ok(vec![Output::new("robots.txt", robots(site))]),
        Job::StaticFiles => Ok(theme
            .static_files
            .iter()
            .filter(|(name, _)| site.settings.is_multilingual() || name != LANGUAGES_CSS)
            .map(|(name, bytes)| Output::new(format!("static/{name}"), bytes.clone()))
            .collect()),
        Job::Feeds(scope) => Ok(feeds::render_feed(site, r.strings, scope)),
        Job::FeedsPage => feeds_page(&r),
        Job::Press => press_page(&r),
        Job::SubmitStory => submit_page(&r, EntryKind::Story),
        Job::SubmitNomination => submit_page(&r, EntryKind::Nomination),
        Job::SubmitGuide => guide_page(&r),
        Job::Stats => stats_page(&r),
    }
}

/// A note in a language of the site, in that language, on another language's page.
#[derive(serde::Serialize)]
struct InLanguage {
    code: String,
    /// Markup from the theme's own words (with a link).
    html: String,
}

/// On the default language's 404 page of a site in more than one language, a short
/// note in each other language leading to its home page: a static host answers every
/// missing address with this page, `/cy/…` ones included. Empty elsewhere.
fn other_languages_not_found(site: &Site) -> Vec<InLanguage> {
    if site.languages.current != 0 {
        return Vec::new();
    }
    let settings = &site.settings;
    let site_theme = settings.root.join("themes").join(&settings.theme);
    site.languages
        .all
        .iter()
        .skip(1)
        .map(|language| {
            // A site theme's broken file for that language stops its own pages with
            // its line and column; the default theme's words stand in here.
            let strings =
                crate::render::languages::interface_strings(settings, &site_theme, &language.code)
                    .unwrap_or_else(|_| Strings::embedded(&language.code));
            InLanguage {
                code: language.code.clone(),
                html: strings.say_with(
                    "not-found-in-this-language",
                    &[("home_url", escape_attribute(&language.base_path).into())],
                ),
            }
        })
        .collect()
}

/// Text safe inside a double-quoted HTML attribute.
fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
