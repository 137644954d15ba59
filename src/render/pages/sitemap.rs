//! `sitemap.xml` and `robots.txt`.

use crate::resolve::Site;
use crate::util::xml_escape;

pub(super) fn sitemap(site: &Site) -> Vec<u8> {
    let languages = &site.languages.all;
    let multilingual = languages.len() > 1;
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"");
    if multilingual {
        xml.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    xml.push_str(">\n");
    let mut add = |path: &str, lastmod: Option<String>| {
        if !multilingual {
            push_url(&mut xml, &site.settings.absolute_url(path), &lastmod, &[]);
            return;
        }
        // Every language's page of `path`, each listing all of them (itself included),
        // as search engines ask of sitemap alternates.
        let alternates: Vec<(&str, String)> = languages
            .iter()
            .filter(|l| !l.missing.contains(path))
            .map(|l| (l.code.as_str(), format!("{}{path}", l.base_url)))
            .collect();
        let links = if alternates.len() > 1 {
            alternates.as_slice()
        } else {
            &[]
        };
        for (_, url) in &alternates {
            push_url(&mut xml, url, &lastmod, links);
        }
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

/// One `<url>`, with its language alternates when there are any.
fn push_url(xml: &mut String, url: &str, lastmod: &Option<String>, alternates: &[(&str, String)]) {
    xml.push_str("  <url><loc>");
    xml.push_str(&xml_escape(url));
    xml.push_str("</loc>");
    if let Some(date) = lastmod {
        xml.push_str("<lastmod>");
        xml.push_str(date);
        xml.push_str("</lastmod>");
    }
    for (code, href) in alternates {
        xml.push_str("<xhtml:link rel=\"alternate\" hreflang=\"");
        xml.push_str(&xml_escape(code));
        xml.push_str("\" href=\"");
        xml.push_str(&xml_escape(href));
        xml.push_str("\"/>");
    }
    xml.push_str("</url>\n");
}

pub(super) fn robots(site: &Site) -> Vec<u8> {
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
