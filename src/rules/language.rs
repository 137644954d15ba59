//! Language tags: site.yaml's `language`, which also chooses the search index's stemmer.

/// A language's name in English, for messages to the people who build the site
/// ("Welsh (cy)"); the code alone for a language not listed.
pub fn english_name(code: &str) -> String {
    let primary = code.split('-').next().unwrap_or(code).to_ascii_lowercase();
    let name = match primary.as_str() {
        "cy" => "Welsh",
        "en" => "English",
        "ga" => "Irish",
        "gd" => "Scottish Gaelic",
        "kw" => "Cornish",
        "gv" => "Manx",
        _ => return format!("`{code}`"),
    };
    format!("{name} ({code})")
}

/// A BCP 47 tag of the everyday shape: a 2–3 letter language, then up to three parts
/// of letters and digits (`en`, `en-GB`, `cy`, `zh-Hant-TW`).
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    let rest: Vec<&str> = parts.collect();
    language_ok
        && rest.len() <= 3
        && rest
            .iter()
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}
