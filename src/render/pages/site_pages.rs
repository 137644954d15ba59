//! The pages every site has once: home, plain pages, feeds, press, stats, and the
//! submit forms with their guide.

use serde::Serialize;

use super::renderer::Renderer;
use crate::diagnostic::Diagnostic;
use crate::model::EntryKind;
use crate::render::chart::bar_chart;
use crate::render::feeds::{self, FeedScope};
use crate::render::markdown::render_markdown;
use crate::render::output::Output;
use crate::render::stats::{csv, Figures, Table, CSV_PATH};
use crate::render::submit;
use crate::render::views::{card, press_items};
use crate::resolve::TaxonomyKind;

pub(super) fn submit_page(r: &Renderer, kind: EntryKind) -> Result<Vec<Output>, Diagnostic> {
    let form = submit::submit_view(r.site, r.strings, kind);
    let (page, template) = match kind {
        EntryKind::Story => ("page-submit-story", "submit_story.html"),
        EntryKind::Nomination => ("page-submit-nomination", "submit_nomination.html"),
    };
    let title = r.say(page);
    let description = r.say(&format!("{page}-description"));
    let path = format!("/submit/{}/", form.kind);
    let meta = r.meta(&title, &description, &path, "submit", vec![r.home_crumb()]);
    let mut outputs = r.html(&path, template, &meta, |c| c.insert("form", &form))?;
    let (file, text) = submit::blank_template(r.site, kind);
    outputs.push(Output::new(file, text));
    Ok(outputs)
}

pub(super) fn guide_page(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let language = &r.site.settings.language;
    let (guide_language, guide) = submit::writing_guide(language);
    let (title, markdown) = submit::guide_parts(guide);
    // Its links lead to the forms in the page's language, whatever the guide's own.
    let body = render_markdown(markdown, &r.site.settings.base_path);
    let description = r.say("page-guide-description");
    let crumbs = vec![r.home_crumb()];
    let meta = r.meta(&title, &description, "/submit/guide/", "page", crumbs);
    // A language without a guide of its own shows the English one, marked as English.
    let content_lang = (!submit::same_language(guide_language, language)).then_some(guide_language);
    r.html("/submit/guide/", "page.html", &meta, |c| {
        c.insert("body_html", &body.html);
        if let Some(lang) = content_lang {
            c.insert("content_lang", lang);
        }
    })
}

pub(super) fn home(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let latest = |kind| {
        site.entries_of(kind)
            .take(6)
            .map(|(_, e)| card(site, r.strings, e))
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
    meta.feeds = feeds::feed_links(site, r.strings, FeedScope::All);
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

pub(super) fn plain_page(r: &Renderer, index: usize) -> Result<Vec<Output>, Diagnostic> {
    let page = &r.site.pages[index];
    let body = render_markdown(&page.body, &r.site.settings.root_path);
    let meta = r.meta(
        &page.title,
        &page.summary,
        &page.path(),
        "page",
        vec![r.home_crumb()],
    );
    let body_html = r.localised(body.html, &page.path());
    r.html(&page.path(), "page.html", &meta, |c| {
        c.insert("body_html", &body_html)
    })
}

pub(super) fn feeds_page(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let mut meta = r.meta(
        &r.say("page-feeds"),
        &r.say("page-feeds-description"),
        "/feeds/",
        "feeds",
        vec![r.home_crumb()],
    );
    meta.feeds = feeds::feed_links(site, r.strings, FeedScope::All);
    let groups = feeds::feed_directory(site, r.strings);
    r.html("/feeds/", "feeds.html", &meta, |c| {
        c.insert("groups", &groups);
        c.insert("limit", &feeds::FEED_LIMIT);
    })
}

pub(super) fn press_page(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let mut meta = r.meta(
        &r.say("page-press"),
        &r.say("page-press-description"),
        "/press/",
        "press",
        vec![r.home_crumb()],
    );
    meta.feeds = feeds::feed_links(site, r.strings, FeedScope::Section(EntryKind::Story));
    let stories = press_items(site, r.strings);
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
    table: &'a Table,
}

pub(super) fn stats_page(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let figures = Figures::new(r.site, r.strings);
    let sections: Vec<StatsSection> = figures
        .tables
        .iter()
        .map(|table| {
            let title = r
                .strings
                .say_with("stats-section-title", &[("kind", table.id.into())]);
            StatsSection {
                chart: bar_chart(table, &title, r.strings),
                title,
                table,
            }
        })
        .collect();
    let meta = r.meta(
        &r.say("page-stats"),
        &r.say("page-stats-description"),
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
    outputs.push(Output::new(CSV_PATH, csv(&figures, r.strings)));
    Ok(outputs)
}
