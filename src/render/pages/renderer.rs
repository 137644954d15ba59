//! What every page shares: the values computed once per build, the `page` value each
//! template gets, and rendering a template into an output file.

use serde::Serialize;
use tera::{Context, Value};

use super::alternates::{alternates, switcher, Alternate, LanguageSwitch};
use crate::diagnostic::Diagnostic;
use crate::i18n::Strings;
use crate::render::feeds::FeedLink;
use crate::render::metadata::{self, SocialMeta};
use crate::render::output::Output;
use crate::render::theme::{template_diagnostic, Theme};
use crate::render::views::{Link, SiteView};
use crate::resolve::Site;

/// Values computed once per build and shared by every job.
pub(crate) struct SharedContext<'a> {
    pub(super) site: Value,
    /// Where entry jobs send their search records, when the build has search.
    pub(super) search: Option<&'a dyn crate::render::Records>,
    /// Each of the site's languages' name for itself, for the language switcher.
    pub(super) language_names: Vec<String>,
    /// Where links in this language's translations lead (None for the default language).
    pub(super) language_links: Option<crate::render::links::LanguageLinks>,
}

impl<'a> SharedContext<'a> {
    /// The values every page of one language shares, in that language's words.
    pub(crate) fn new(
        site: &Site,
        strings: &Strings,
        search: Option<&'a dyn crate::render::Records>,
    ) -> Self {
        SharedContext {
            site: Value::try_from_serializable(&SiteView::new(site, strings))
                .unwrap_or_else(|_| Value::from("")),
            search,
            language_names: super::alternates::language_names(site),
            language_links: crate::render::links::LanguageLinks::of(site),
        }
    }
}

/// What every page template gets as `page`.
#[derive(Serialize)]
pub(super) struct PageMeta {
    pub(super) title: String,
    pub(super) description: String,
    pub(super) canonical_url: String,
    /// "home", "story", "nomination", "listing", "terms", "page", "search", "404", …
    pub(super) kind: &'static str,
    pub(super) breadcrumbs: Vec<Link>,
    /// Feeds advertised with `<link rel="alternate">`.
    pub(super) feeds: Vec<FeedLink>,
    /// Open Graph, Twitter card and JSON-LD (None where a preview makes no sense).
    pub(super) social: Option<SocialMeta>,
    /// This page in every language it exists in, for `hreflang` (empty on a
    /// one-language site).
    pub(super) alternates: Vec<Alternate>,
    /// The language switcher's links (empty on a one-language site).
    pub(super) switcher: Vec<LanguageSwitch>,
}

pub(super) struct Renderer<'a> {
    pub(super) site: &'a Site,
    pub(super) theme: &'a Theme,
    pub(super) shared: &'a SharedContext<'a>,
    /// The words of the page's language, for what the program writes itself.
    pub(super) strings: &'a Strings,
}

impl Renderer<'_> {
    /// A message of the page's language, as plain text.
    pub(super) fn say(&self, id: &str) -> String {
        self.strings.say(id)
    }

    pub(super) fn meta(
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
        let alternates = match kind {
            "404" | "redirect" => Vec::new(),
            _ => alternates(self.site, path),
        };
        PageMeta {
            title: title.to_string(),
            description: description.to_string(),
            canonical_url,
            kind,
            breadcrumbs,
            feeds: Vec::new(),
            social,
            alternates,
            // A missing page's other-language link goes to that language's home.
            switcher: switcher(
                self.site,
                &self.shared.language_names,
                if kind == "404" { "/" } else { path },
            ),
        }
    }

    /// A translation's rendered body with its links led to this language's pages; the
    /// default language's bodies are returned as they are.
    pub(super) fn localised(&self, html: String, page_path: &str) -> String {
        match &self.shared.language_links {
            Some(links) => crate::render::links::localise_links(&html, page_path, links),
            None => html,
        }
    }

    pub(super) fn crumb(&self, title: &str, path: &str) -> Link {
        Link {
            title: title.to_string(),
            url: self.site.settings.site_url(path),
        }
    }

    pub(super) fn home_crumb(&self) -> Link {
        self.crumb(&self.say("crumb-home"), "/")
    }

    pub(super) fn render(
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

    pub(super) fn html(
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
pub(crate) fn index_file(path: &str) -> String {
    format!("{}index.html", path.trim_start_matches('/'))
}
