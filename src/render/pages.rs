//! The list of files a site publishes, and how each one is rendered.

use serde::Serialize;
use tera::{Context, Value};

use super::chart::bar_chart;
use super::feeds::{self, FeedLink, FeedScope};
use super::markdown::render_markdown;
use super::metadata::{self, SocialMeta};
use super::plain_text;
use super::stats::{csv, Figures, CSV_PATH};
use super::theme::{template_diagnostic, Theme};
use super::views::{card, entry_view, pagination, press_items, Link, SiteView};
use super::Output;
use crate::diagnostic::Diagnostic;
use crate::model::EntryKind;
use crate::resolve::{Site, TaxonomyKind};
use crate::search::SearchIndexer;
use crate::util::slugify;
use crate::util::xml_escape;

/// One unit of rendering work; jobs are independent so they run in parallel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Job {
    Home,
    Entry(usize),
    Section {
        kind: EntryKind,
        page: usize,
    },
    TaxonomyIndex(TaxonomyKind),
    Term {
        kind: TaxonomyKind,
        term: usize,
        page: usize,
    },
    Page(usize),
    Accessibility,
    Search,
    NotFound,
    Sitemap,
    Robots,
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

/// Listings always have a first page, even when empty.
pub fn page_count(items: usize, page_size: usize) -> usize {
    items.div_ceil(page_size.max(1)).max(1)
}

/// Values computed once per build and shared by every job.
pub struct SharedContext<'a> {
    site: Value,
    /// Where entry jobs send their search records, when the build has search.
    search: Option<&'a SearchIndexer>,
}

impl<'a> SharedContext<'a> {
    pub fn new(site: &Site, search: Option<&'a SearchIndexer>) -> Self {
        SharedContext {
            site: Value::try_from_serializable(&SiteView::new(site))
                .unwrap_or_else(|_| Value::from("")),
            search,
        }
    }
}

/// What every page template gets as `page`.
#[derive(Serialize)]
struct PageMeta {
    title: String,
    description: String,
    canonical_url: String,
    /// "home", "story", "nomination", "listing", "terms", "page", "search", "404", …
    kind: &'static str,
    breadcrumbs: Vec<Link>,
    /// Feeds advertised with `<link rel="alternate">`.
    feeds: Vec<FeedLink>,
    /// Open Graph, Twitter card and JSON-LD (None where a preview makes no sense).
    social: Option<SocialMeta>,
}

struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    shared: &'a SharedContext<'a>,
}

impl Renderer<'_> {
    fn meta(
        &self,
        title: &str,
        description: &str,
        path: &str,
        kind: &'static str,
        breadcrumbs: Vec<Link>,
    ) -> PageMeta {
        let canonical_url = self.site.settings.absolute_url(path);
        let social = (!matches!(kind, "404" | "redirect"))
            .then(|| metadata::website(&self.site.settings, title, description, &canonical_url));
        PageMeta {
            title: title.to_string(),
            description: description.to_string(),
            canonical_url,
            kind,
            breadcrumbs,
            feeds: Vec::new(),
            social,
        }
    }

    fn crumb(&self, title: &str, path: &str) -> Link {
        Link {
            title: title.to_string(),
            url: self.site.settings.site_url(path),
        }
    }

    fn home_crumb(&self) -> Link {
        self.crumb("Home", "/")
    }

    fn render(
        &self,
        template: &str,
        meta: &PageMeta,
        extra: impl FnOnce(&mut Context),
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut context = Context::new();
        context.insert_value("site", self.shared.site.clone());
        context.insert("page", meta);
        extra(&mut context);
        self.theme
            .tera
            .render(template, &context)
            .map(String::into_bytes)
            .map_err(|err| template_diagnostic(&err, &self.theme.template_sources))
    }

    fn html(
        &self,
        path: &str,
        template: &str,
        meta: &PageMeta,
        extra: impl FnOnce(&mut Context),
    ) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![Output::new(
            index_file(path),
            self.render(template, meta, extra)?,
        )])
    }
}

/// `/stories/a/` → `stories/a/index.html`.
pub fn index_file(path: &str) -> String {
    format!("{}index.html", path.trim_start_matches('/'))
}

/// Renders one job into its output files.
pub fn render_job(
    site: &Site,
    theme: &Theme,
    shared: &SharedContext,
    job: &Job,
) -> Result<Vec<Output>, Diagnostic> {
    let r = Renderer {
        site,
        theme,
        shared,
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
                "Accessibility statement",
                "How accessible this website is and how to report a problem.",
                "/accessibility/",
                "page",
                vec![r.home_crumb()],
            );
            r.html("/accessibility/", "accessibility.html", &meta, |_| {})
        }
        Job::Search => {
            let meta = r.meta(
                "Search",
                "Search every story and nomination.",
                "/search/",
                "search",
                vec![r.home_crumb()],
            );
            r.html("/search/", "search.html", &meta, |_| {})
        }
        Job::NotFound => {
            let meta = r.meta("Page not found", "", "/404.html", "404", Vec::new());
            Ok(vec![Output::new(
                "404.html",
                r.render("404.html", &meta, |_| {})?,
            )])
        }
        Job::Sitemap => Ok(vec![Output::new("sitemap.xml", sitemap(site))]),
        Job::Robots => Ok(vec![Output::new("robots.txt", robots(site))]),
        Job::StaticFiles => Ok(theme
            .static_files
            .iter()
            .map(|(name, bytes)| Output::new(format!("static/{name}"), bytes.clone()))
            .collect()),
        Job::Feeds(scope) => Ok(feeds::render_feed(site, scope)),
        Job::FeedsPage => feeds_page(&r),
        Job::Press => press_page(&r),
        Job::SubmitStory => submit_page(&r, EntryKind::Story),
        Job::SubmitNomination => submit_page(&r, EntryKind::Nomination),
        Job::SubmitGuide => guide_page(&r),
        Job::Stats => stats_page(&r),
    }
}

fn submit_page(r: &Renderer, kind: EntryKind) -> Result<Vec<Output>, Diagnostic> {
    let form = super::submit::submit_view(r.site, kind);
    let (title, description, template) = match kind {
        EntryKind::Story => (
            "Share a story",
            "Tell other social workers about practice you are proud of: this form helps you write it and makes the file to send us.",
            "submit_story.html",
        ),
        EntryKind::Nomination => (
            "Nominate a colleague",
            "Tell us about a brilliant colleague: this form helps you write your nomination and makes the file to send us.",
            "submit_nomination.html",
        ),
    };
    let path = format!("/submit/{}/", form.kind);
    let meta = r.meta(title, description, &path, "submit", vec![r.home_crumb()]);
    let mut outputs = r.html(&path, template, &meta, |c| c.insert("form", &form))?;
    let (file, text) = super::submit::blank_template(r.site, kind);
    outputs.push(Output::new(file, text));
    Ok(outputs)
}

fn guide_page(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let (title, markdown) = super::submit::guide_parts(super::submit::WRITING_GUIDE);
    let body = render_markdown(markdown, &r.site.settings.base_path);
    let description =
        "Plain-English help for writers, with a complete example of each kind of file.";
    let crumbs = vec![r.home_crumb()];
    let meta = r.meta(&title, description, "/submit/guide/", "page", crumbs);
    r.html("/submit/guide/", "page.html", &meta, |c| {
        c.insert("body_html", &body.html)
    })
}

fn home(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let latest = |kind| {
        site.entries_of(kind)
            .take(6)
            .map(|(_, e)| card(site, e))
            .collect::<Vec<_>>()
    };
    let stories = latest(EntryKind::Story);
    let nominations = latest(EntryKind::Nomination);
    let mut meta = r.meta(
        &site.settings.title,
        &site.settings.description,
        "/",
        "home",
        Vec::new(),
    );
    meta.feeds = feeds::feed_links(site, FeedScope::All);
    let counts = Counts {
        stories: site.entries_of(EntryKind::Story).count(),
        nominations: site.entries_of(EntryKind::Nomination).count(),
        councils: site.taxonomy(TaxonomyKind::Council).terms.len(),
    };
    r.html("/", "home.html", &meta, |c| {
        c.insert("stories", &stories);
        c.insert("nominations", &nominations);
        c.insert("counts", &counts);
    })
}

#[derive(Serialize)]
struct Counts {
    stories: usize,
    nominations: usize,
    councils: usize,
}

fn entry_page(r: &Renderer, index: usize) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let entry = &site.entries[index];
    let pictures = super::picture::Pictures::of(site);
    let body = super::markdown::render_body(&entry.body, &pictures, entry.image.is_some());
    if let Some(search) = r.shared.search {
        search.add(super::records::search_record(site, entry, &body.text));
    }
    let view = entry_view(site, entry, &body.html);
    let section = entry.kind.section();
    let crumbs = vec![
        r.home_crumb(),
        r.crumb(
            if entry.kind == EntryKind::Story {
                "Stories"
            } else {
                "Nominations"
            },
            &format!("/{section}/"),
        ),
    ];
    let kind = if entry.kind == EntryKind::Story {
        "story"
    } else {
        "nomination"
    };
    let mut meta = r.meta(&entry.title, &entry.summary, &entry.path(), kind, crumbs);
    meta.social = Some(metadata::article(&site.settings, entry));
    if let Some(scope) = entry
        .council
        .as_deref()
        .and_then(|c| feeds::term_scope(site, TaxonomyKind::Council, &slugify(c)))
    {
        meta.feeds = feeds::feed_links(site, scope);
    }
    let mut outputs = r.html(&entry.path(), "entry.html", &meta, |c| {
        c.insert("entry", &view)
    })?;
    if entry.kind == EntryKind::Story {
        outputs.push(Output::new(
            format!(
                "{}{}",
                entry.path().trim_start_matches('/'),
                plain_text::FILE_NAME
            ),
            plain_text::story_text(site, entry),
        ));
    }
    for alias in &entry.aliases {
        let meta = r.meta(
            &entry.title,
            &entry.summary,
            &entry.path(),
            "redirect",
            Vec::new(),
        );
        let target = site.settings.site_url(&entry.path());
        outputs.push(Output::new(
            index_file(&alias_path(alias)),
            r.render("redirect.html", &meta, |c| c.insert("target", &target))?,
        ));
    }
    Ok(outputs)
}

/// An alias written as `/stories/old/` or `stories/old` → `/stories/old/`.
pub fn alias_path(alias: &str) -> String {
    let trimmed = alias.trim().trim_matches('/');
    let clean: Vec<&str> = trimmed
        .split('/')
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .collect();
    if clean.is_empty() {
        return "/".to_string();
    }
    format!("/{}/", clean.join("/"))
}

fn section(r: &Renderer, kind: EntryKind, page: usize) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let title = if kind == EntryKind::Story {
        "Good-practice stories"
    } else {
        "My Brilliant Colleague nominations"
    };
    let intro = if kind == EntryKind::Story {
        "Social workers describe practice that made a difference, in their own words."
    } else {
        "Colleagues tell us about someone whose work deserves recognition."
    };
    let indices: Vec<usize> = site.entries_of(kind).map(|(i, _)| i).collect();
    let path = format!("/{}/", kind.section());
    let feeds = feeds::feed_links(site, FeedScope::Section(kind));
    let links = ListingLinks {
        crumbs: vec![r.home_crumb()],
        feeds,
    };
    listing(r, &path, title, intro, &indices, page, links)
}

/// A listing's breadcrumbs and the feeds it advertises.
struct ListingLinks {
    crumbs: Vec<Link>,
    feeds: Vec<FeedLink>,
}

fn listing(
    r: &Renderer,
    path: &str,
    title: &str,
    intro: &str,
    indices: &[usize],
    page: usize,
    links: ListingLinks,
) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let size = site.settings.page_size;
    let total = page_count(indices.len(), size);
    let cards: Vec<_> = indices
        .iter()
        .skip((page - 1) * size)
        .take(size)
        .map(|&i| card(site, &site.entries[i]))
        .collect();
    let first_url = site.settings.site_url(path);
    let pages = pagination(&first_url, page, total);
    let page_path = if page == 1 {
        path.to_string()
    } else {
        format!("{path}page/{page}/")
    };
    let heading = if page == 1 {
        title.to_string()
    } else {
        format!("{title} (page {page} of {total})")
    };
    let mut meta = r.meta(&heading, intro, &page_path, "listing", links.crumbs);
    meta.feeds = links.feeds;
    let first = (page - 1) * size + 1;
    let range = Range {
        first,
        last: first + cards.len().saturating_sub(1),
        of: indices.len(),
    };
    r.html(&page_path, "listing.html", &meta, |c| {
        c.insert("heading", title);
        c.insert("intro", intro);
        c.insert("entries", &cards);
        c.insert("pagination", &pages);
        c.insert("range", &range);
    })
}

#[derive(Serialize)]
struct Range {
    first: usize,
    last: usize,
    of: usize,
}

#[derive(Serialize)]
struct TermView {
    label: String,
    url: String,
    count: usize,
}

fn taxonomy_index(r: &Renderer, kind: TaxonomyKind) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let taxonomy = site.taxonomy(kind);
    let terms: Vec<TermView> = taxonomy
        .terms
        .iter()
        .map(|t| TermView {
            label: t.label.clone(),
            url: site
                .settings
                .site_url(&format!("/{}/{}/", kind.section(), t.slug)),
            count: t.entries.len(),
        })
        .collect();
    let path = format!("/{}/", kind.section());
    let description = format!("Browse stories and nominations by {}.", kind.singular());
    let meta = r.meta(
        kind.title(),
        &description,
        &path,
        "terms",
        vec![r.home_crumb()],
    );
    r.html(&path, "terms.html", &meta, |c| {
        c.insert("heading", kind.title());
        c.insert("terms", &terms);
    })
}

fn term_page(
    r: &Renderer,
    kind: TaxonomyKind,
    term: usize,
    page: usize,
) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let Some(t) = site.taxonomy(kind).terms.get(term) else {
        return Ok(Vec::new());
    };
    let path = format!("/{}/{}/", kind.section(), t.slug);
    let title = match kind {
        TaxonomyKind::Council => format!("Stories and nominations from {}", t.label),
        TaxonomyKind::Year => format!("Stories and nominations from {}", t.label),
        TaxonomyKind::Tag => format!("Tagged “{}”", t.label),
        _ => format!("{}: stories and nominations", t.label),
    };
    let intro = format!(
        "{} published {} with the {} “{}”.",
        count_phrase(t.entries.len()),
        "items",
        kind.singular(),
        t.label
    );
    let crumbs = vec![
        r.home_crumb(),
        r.crumb(kind.title(), &format!("/{}/", kind.section())),
    ];
    let feeds = if feeds::FEED_TAXONOMIES.contains(&kind) {
        feeds::feed_links(site, FeedScope::Term { kind, term })
    } else {
        Vec::new()
    };
    let links = ListingLinks { crumbs, feeds };
    listing(r, &path, &title, &intro, &t.entries, page, links)
}

fn count_phrase(n: usize) -> String {
    match n {
        1 => "One item".into(),
        n => format!("{n}"),
    }
}

fn plain_page(r: &Renderer, index: usize) -> Result<Vec<Output>, Diagnostic> {
    let page = &r.site.pages[index];
    let body = render_markdown(&page.body, &r.site.settings.base_path);
    let meta = r.meta(
        &page.title,
        &page.summary,
        &page.path(),
        "page",
        vec![r.home_crumb()],
    );
    r.html(&page.path(), "page.html", &meta, |c| {
        c.insert("body_html", &body.html)
    })
}

fn feeds_page(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let mut meta = r.meta(
        "Feeds",
        "Follow new stories and nominations in a feed reader: everything, or one council, service or practice area.",
        "/feeds/",
        "feeds",
        vec![r.home_crumb()],
    );
    meta.feeds = feeds::feed_links(site, FeedScope::All);
    let groups = feeds::feed_directory(site);
    r.html("/feeds/", "feeds.html", &meta, |c| {
        c.insert("groups", &groups);
        c.insert("limit", &feeds::FEED_LIMIT);
    })
}

fn press_page(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let mut meta = r.meta(
        "For journalists",
        "The latest good-practice stories with their media contacts, image credits and copy-ready text.",
        "/press/",
        "press",
        vec![r.home_crumb()],
    );
    meta.feeds = feeds::feed_links(site, FeedScope::Section(EntryKind::Story));
    let stories = press_items(site);
    r.html("/press/", "press.html", &meta, |c| {
        c.insert("stories", &stories);
        c.insert("story_feeds", &meta.feeds);
    })
}

/// One grouping on the stats page: its chart beside its table.
#[derive(Serialize)]
struct StatsSection<'a> {
    title: String,
    chart: Option<String>,
    table: &'a super::stats::Table,
}

fn stats_page(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let figures = Figures::new(r.site);
    let sections: Vec<StatsSection> = figures
        .tables
        .iter()
        .map(|table| {
            let title = format!(
                "Published stories and nominations by {}",
                table.grouping.to_lowercase()
            );
            StatsSection {
                chart: bar_chart(table, &title),
                title,
                table,
            }
        })
        .collect();
    let meta = r.meta(
        "Facts and figures",
        "How many good-practice stories and nominations have been published, by year, council, service and practice area.",
        "/stats/",
        "stats",
        vec![r.home_crumb()],
    );
    let csv_url = r.site.settings.site_url(&format!("/{CSV_PATH}"));
    let mut outputs = r.html("/stats/", "stats.html", &meta, |c| {
        c.insert("figures", &figures);
        c.insert("sections", &sections);
        c.insert("csv_url", &csv_url);
    })?;
    outputs.push(Output::new(CSV_PATH, csv(&figures)));
    Ok(outputs)
}

fn sitemap(site: &Site) -> Vec<u8> {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let mut add = |path: &str, lastmod: Option<String>| {
        xml.push_str("  <url><loc>");
        xml.push_str(&xml_escape(&site.settings.absolute_url(path)));
        xml.push_str("</loc>");
        if let Some(date) = lastmod {
            xml.push_str("<lastmod>");
            xml.push_str(&date);
            xml.push_str("</lastmod>");
        }
        xml.push_str("</url>\n");
    };
    for path in crate::model::SITE_PAGES {
        add(path, None);
    }
    for entry in &site.entries {
        add(
            &entry.path(),
            Some(entry.updated.unwrap_or(entry.date).to_string()),
        );
    }
    for taxonomy in &site.taxonomies {
        add(&format!("/{}/", taxonomy.kind.section()), None);
        for term in &taxonomy.terms {
            add(
                &format!("/{}/{}/", taxonomy.kind.section(), term.slug),
                None,
            );
        }
    }
    for page in &site.pages {
        add(&page.path(), None);
    }
    xml.push_str("</urlset>\n");
    xml.into_bytes()
}

fn robots(site: &Site) -> Vec<u8> {
    if site.settings.noindex {
        // A deploy preview: the real site must be the one people find.
        return b"User-agent: *\nDisallow: /\n".to_vec();
    }
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.settings.absolute_url("/sitemap.xml")
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_cannot_climb_out_of_the_site() {
        assert_eq!(alias_path("/stories/old/"), "/stories/old/");
        assert_eq!(alias_path("stories/../../etc"), "/stories/etc/");
        assert_eq!(alias_path("/../"), "/");
    }

    #[test]
    fn empty_listings_still_have_a_page() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
        assert_eq!(page_count(41, 20), 3);
    }
}
