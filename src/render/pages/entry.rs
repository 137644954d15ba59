//! A story's or nomination's page, its plain-text copy and the redirects from its old
//! addresses.

use super::renderer::{index_file, Renderer};
use crate::diagnostic::Diagnostic;
use crate::model::EntryKind;
use crate::render::feeds;
use crate::render::markdown::render_body;
use crate::render::metadata;
use crate::render::output::Output;
use crate::render::plain_text;
use crate::render::views::entry_view;
use crate::resolve::TaxonomyKind;
use crate::rules::alias_path;
use crate::util::slugify;

pub(super) fn entry_page(r: &Renderer, index: usize) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site;
    let entry = &site.entries[index];
    let pictures = crate::render::picture::Pictures::of(site);
    let body = render_body(&entry.body, &pictures, entry.image.is_some());
    if let Some(search) = r.shared.search {
        search.add(crate::render::records::search_record(
            site, entry, &body.text,
        ));
    }
    if entry.text_language.is_some() {
        // Not translated into this language: its page is its own language's, and this
        // language's search finds it there.
        return Ok(Vec::new());
    }
    let body_html = r.localised(body.html, &entry.path());
    let view = entry_view(site, r.strings, entry, &body_html);
    let section = entry.kind.section();
    let crumbs = vec![
        r.home_crumb(),
        r.crumb(
            &r.say(if entry.kind == EntryKind::Story {
                "nav-stories"
            } else {
                "nav-nominations"
            }),
            &format!("/{section}/"),
        ),
    ];
    let kind = if entry.kind == EntryKind::Story {
        "story"
    } else {
        "nomination"
    };
    let mut meta = r.meta(&entry.title, &entry.summary, &entry.path(), kind, crumbs);
    let mut social = metadata::article(&site.settings, r.strings, entry);
    // Only the languages the entry is translated into are its alternates.
    social.properties.retain(|t| {
        t.key != "og:locale:alternate"
            || meta
                .alternates
                .iter()
                .any(|a| metadata::og_locale(&a.hreflang) == t.content)
    });
    meta.social = Some(social);
    if let Some(scope) = entry
        .council
        .as_deref()
        .and_then(|c| feeds::term_scope(site, TaxonomyKind::Council, &slugify(c)))
    {
        meta.feeds = feeds::feed_links(site, r.strings, scope);
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
            plain_text::story_text(site, r.strings, entry),
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
