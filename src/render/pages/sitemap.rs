//! `sitemap.xml` and `robots.txt`.

use crate::resolve::Site;
use crate::util::xml_escape;

pub(super) fn sitemap(site: &Site) -> Vec<u8> {
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
