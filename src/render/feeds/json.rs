//! JSON Feed 1.1, as a serde_json value.

use serde_json::{json, Map, Value};

use super::item::{Head, Item};
use super::scope::FeedFormat;

pub(super) fn json_feed(head: &Head, items: &[Item]) -> String {
    let settings = &head.site.settings;
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": head.title,
        "home_page_url": head.page_url,
        "feed_url": head.file_url(FeedFormat::Json),
        "description": head.description,
        "language": settings.language,
        "authors": [{ "name": head.publisher, "url": settings.absolute_url("/") }],
        "items": items.iter().map(|item| json_item(item, &settings.language)).collect::<Vec<_>>(),
    });
    format!("{feed:#}\n")
}

fn json_item(item: &Item, language: &str) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), json!(item.url));
    object.insert("url".into(), json!(item.url));
    object.insert("title".into(), json!(item.entry.title));
    object.insert("summary".into(), json!(item.entry.summary));
    object.insert("content_html".into(), json!(item.content_html));
    object.insert("date_published".into(), json!(item.published.to_string()));
    if let Some(modified) = item.modified {
        object.insert("date_modified".into(), json!(modified.to_string()));
    }
    let authors: Vec<Value> = item
        .authors
        .iter()
        .map(|p| json!({ "name": p.public_name }))
        .collect();
    object.insert("authors".into(), Value::Array(authors));
    let mut tags: Vec<&str> = Vec::new();
    for category in &item.categories {
        if !tags.contains(&category.label.as_str()) {
            tags.push(&category.label);
        }
    }
    object.insert("tags".into(), json!(tags));
    object.insert("language".into(), json!(language));
    if let Some(image) = &item.image {
        object.insert("image".into(), json!(image.url));
        // JSON Feed has no place for alt text or credit; `_` marks an extension.
        let mut extension = json!({ "image_alt": image.alt, "image_credit": image.credit });
        if let Some(alt_language) = image.alt_language {
            extension["image_alt_language"] = json!(alt_language);
        }
        object.insert("_practice_press".into(), extension);
    }
    Value::Object(object)
}
