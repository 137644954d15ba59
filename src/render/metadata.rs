//! Link previews and search-engine facts for a page: Open Graph, the Twitter card and
//! schema.org JSON-LD.
//!
//! Everything is read from the public [`Entry`] and the site settings, and people appear
//! only by [`Person::public_name`](crate::model::Person), so an anonymous person is their
//! label here as everywhere else. Tag values are plain strings that the template escapes
//! as attributes; the JSON-LD is built with serde_json and escaped here for its
//! `<script>` element, because a template cannot know it is inside one.

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::config::Settings;
use crate::i18n::Strings;
use crate::media::card::{card_alt, card_mime, card_path, CARD_HEIGHT, CARD_WIDTH};
use crate::model::{Entry, EntryKind, Image, People, Person};
use crate::resolve::{term_label, TaxonomyKind};

/// One `<meta>` tag: `key` is the `property` (Open Graph) or `name` (Twitter) attribute.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub(crate) struct MetaTag {
    pub(crate) key: &'static str,
    pub(crate) content: String,
}

/// What `partials/social.html` prints in a page's `<head>`.
#[derive(Serialize, Debug, Clone, Default)]
pub(crate) struct SocialMeta {
    /// `<meta property="…">`: Open Graph and `article:` tags.
    pub(crate) properties: Vec<MetaTag>,
    /// `<meta name="…">`: the Twitter card.
    pub(crate) names: Vec<MetaTag>,
    /// JSON-LD text, already safe between `<script type="application/ld+json">` tags.
    pub(crate) json_ld: Option<String>,
}

/// When an entry became public: its date, or the moment its embargo lifted if that is
/// later, so a feed reader or search engine never sees a time before the embargo.
pub(crate) fn published_time(entry: &Entry) -> Timestamp {
    match entry.embargo {
        Some(embargo) if embargo > entry.published => embargo,
        _ => entry.published,
    }
}

/// When an entry was last changed: `updated` (midnight UTC), never before it was published.
pub(crate) fn modified_time(entry: &Entry) -> Option<Timestamp> {
    let updated = entry
        .updated?
        .to_zoned(jiff::tz::TimeZone::UTC)
        .ok()?
        .timestamp();
    Some(updated.max(published_time(entry)))
}

/// The absolute address of an image, with characters a URL cannot hold percent-encoded.
pub(crate) fn image_url(settings: &Settings, image: &Image) -> String {
    settings.root_absolute_url(&encode_path(&image.src))
}

/// Percent-encodes what may not appear in a URL path (spaces, quotes, non-ASCII), leaving
/// existing `%XX` escapes and the path's own separators alone.
pub(crate) fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@%".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The image's media type from its extension, for feeds and `og:image:type`.
pub(crate) fn image_mime(src: &str) -> Option<&'static str> {
    let extension = src.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

/// `en-GB` as Open Graph writes it: `en_GB`. Open Graph wants a territory, and Welsh
/// is written with none, so a bare `cy` becomes `cy_GB`.
pub fn og_locale(language: &str) -> String {
    if language == "cy" {
        return "cy_GB".to_string();
    }
    language.replace('-', "_")
}

fn tag(key: &'static str, content: impl Into<String>) -> MetaTag {
    MetaTag {
        key,
        content: content.into(),
    }
}

/// `og:locale:alternate` for each of the site's other languages.
fn locale_alternates(settings: &Settings) -> Vec<MetaTag> {
    settings
        .languages
        .iter()
        .filter(|l| l.code != settings.language)
        .map(|l| tag("og:locale:alternate", og_locale(&l.code)))
        .collect()
}

/// Tags for any page that is not a story or nomination (home, listings, press, feeds).
pub(crate) fn website(
    settings: &Settings,
    title: &str,
    description: &str,
    url: &str,
) -> SocialMeta {
    let mut properties = vec![
        tag("og:type", "website"),
        tag("og:title", title),
        tag("og:url", url),
        tag("og:site_name", settings.title.as_str()),
        tag("og:locale", og_locale(&settings.language)),
    ];
    properties.extend(locale_alternates(settings));
    if !description.is_empty() {
        properties.push(tag("og:description", description));
    }
    SocialMeta {
        properties,
        names: vec![tag("twitter:card", "summary")],
        json_ld: None,
    }
}

/// Open Graph, Twitter card and JSON-LD for a story or nomination page, in the
/// language of `settings` and `strings`.
pub(crate) fn article(settings: &Settings, strings: &Strings, entry: &Entry) -> SocialMeta {
    let url = settings.absolute_url(&entry.path());
    let mut properties = vec![
        tag("og:type", "article"),
        tag("og:title", entry.title.as_str()),
        tag("og:description", entry.summary.as_str()),
        tag("og:url", url.as_str()),
        tag("og:site_name", settings.title.as_str()),
        tag("og:locale", og_locale(&settings.language)),
    ];
    properties.extend(locale_alternates(settings));
    // Every entry has a 1200 × 630 card (its cropped photo or a generated one in the
    // page's language), made by the media stage at the address `card_path` gives.
    let card = settings.root_absolute_url(&format!("/{}", card_path(settings, entry)));
    let alt = card_alt(settings, strings, entry);
    properties.extend([
        tag("og:image", card.as_str()),
        tag("og:image:type", card_mime(entry)),
        tag("og:image:width", CARD_WIDTH.to_string()),
        tag("og:image:height", CARD_HEIGHT.to_string()),
        tag("og:image:alt", alt.as_str()),
    ]);
    let names = vec![
        tag("twitter:card", "summary_large_image"),
        tag("twitter:image", card),
        tag("twitter:image:alt", alt),
    ];
    properties.push(tag(
        "article:published_time",
        published_time(entry).to_string(),
    ));
    if let Some(modified) = modified_time(entry) {
        properties.push(tag("article:modified_time", modified.to_string()));
    }
    if let Some(service) = &entry.service {
        properties.push(tag(
            "article:section",
            term_label(&settings.labels, TaxonomyKind::Service, service),
        ));
    }
    properties.extend(entry.tags.iter().map(|t| {
        tag(
            "article:tag",
            term_label(&settings.labels, TaxonomyKind::Tag, t),
        )
    }));
    SocialMeta {
        properties,
        names,
        json_ld: Some(script_safe_json(&json_ld(settings, entry))),
    }
}

fn person_ld(person: &Person) -> Value {
    let mut object = Map::new();
    object.insert("@type".into(), json!("Person"));
    object.insert("name".into(), json!(person.public_name));
    // An anonymous person's label already says their role and organisation.
    if !person.anonymous {
        if !person.role.is_empty() {
            object.insert(
                "jobTitle".into(),
                in_language(&person.role, person.role_language.as_deref()),
            );
        }
        if !person.organisation.is_empty() {
            object.insert(
                "worksFor".into(),
                json!({ "@type": "Organization", "name": person.organisation }),
            );
        }
    }
    Value::Object(object)
}

/// The schema.org description of an entry: `NewsArticle` for a story, `Article` for a
/// nomination (written by the nominator, about the nominee).
pub(crate) fn json_ld(settings: &Settings, entry: &Entry) -> Value {
    let url = settings.absolute_url(&entry.path());
    let publisher_name = if settings.organisation.is_empty() {
        &settings.title
    } else {
        &settings.organisation
    };
    let published = published_time(entry);
    let mut object = Map::new();
    object.insert("@context".into(), json!("https://schema.org"));
    let kind = match entry.kind {
        EntryKind::Story => "NewsArticle",
        EntryKind::Nomination => "Article",
    };
    object.insert("@type".into(), json!(kind));
    object.insert("headline".into(), json!(entry.title));
    object.insert("description".into(), json!(entry.summary));
    object.insert("url".into(), json!(url));
    object.insert(
        "mainEntityOfPage".into(),
        json!({ "@type": "WebPage", "@id": url }),
    );
    object.insert("datePublished".into(), json!(published.to_string()));
    object.insert(
        "dateModified".into(),
        json!(modified_time(entry).unwrap_or(published).to_string()),
    );
    object.insert("inLanguage".into(), json!(settings.language));
    let (authors, about) = match &entry.people {
        People::Story { authors } => (authors.iter().map(person_ld).collect(), None),
        People::Nomination { nominee, nominator } => {
            (vec![person_ld(nominator)], Some(person_ld(nominee)))
        }
    };
    object.insert("author".into(), Value::Array(authors));
    if let Some(about) = about {
        object.insert("about".into(), about);
    }
    object.insert(
        "publisher".into(),
        json!({ "@type": "Organization", "name": publisher_name, "url": settings.absolute_url("/") }),
    );
    if let Some(image) = &entry.image {
        object.insert("image".into(), image_ld(settings, image));
    }
    Value::Object(object)
}

/// Text in the page's language as a plain string; text in another (an English photo
/// description or role on a Welsh page) as a JSON-LD value marked with its language.
fn in_language(text: &str, language: Option<&str>) -> Value {
    match language {
        Some(language) => json!({ "@value": text, "@language": language }),
        None => json!(text),
    }
}

fn image_ld(settings: &Settings, image: &Image) -> Value {
    let mut object = Map::new();
    object.insert("@type".into(), json!("ImageObject"));
    object.insert("url".into(), json!(image_url(settings, image)));
    if !image.alt.is_empty() {
        object.insert(
            "caption".into(),
            in_language(&image.alt, image.alt_language.as_deref()),
        );
    }
    if !image.credit.is_empty() {
        object.insert("creditText".into(), json!(image.credit));
    }
    Value::Object(object)
}

/// JSON that cannot end or disturb the `<script>` element it sits in: `<`, `>` and `&`
/// become `\u003c`, `\u003e` and `\u0026`, so `</script>` or `<!--` in a title stays
/// text. They can only occur inside JSON strings, where these escapes mean the same.
/// U+2028 and U+2029 are escaped too, for consumers that read the block as JavaScript.
pub(crate) fn script_safe_json(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len() + 16);
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_cannot_close_its_element_and_parses_back() {
        let title = "Ends </script><script>alert(1)</script> & <!-- \u{2028} 🎉";
        let text = script_safe_json(&json!({ "headline": title }));
        for bad in ["<", ">", "&", "\u{2028}"] {
            assert!(!text.contains(bad), "{bad} in {text}");
        }
        let parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["headline"], title);
    }

    #[test]
    fn paths_are_percent_encoded_once() {
        assert_eq!(
            encode_path("/media/my photo é.jpg"),
            "/media/my%20photo%20%C3%A9.jpg"
        );
        assert_eq!(encode_path("/media/a%20b.jpg"), "/media/a%20b.jpg");
    }

    #[test]
    fn image_types_come_from_the_extension() {
        assert_eq!(image_mime("/media/a.JPG"), Some("image/jpeg"));
        assert_eq!(image_mime("/media/a.webp"), Some("image/webp"));
        assert_eq!(image_mime("/media/a"), None);
    }
}
