//! The interface in the site's language: every word the theme prints, from Project Fluent
//! files (`themes/default/i18n/<language>.ftl`, which a site's theme can override message
//! by message). Fluent, not a table of strings, because plurals differ by language: Welsh
//! has six forms (zero, one, two, few, many, other), which an English if/else cannot say.

mod dates;

use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::diagnostic::Diagnostic;
use crate::util::LineIndex;

pub(crate) use dates::long_date;

/// The languages the default theme speaks, as (language tag, Fluent source).
pub(crate) const THEME_LANGUAGES: [(&str, &str); 2] = [
    ("en-GB", include_str!("../../themes/default/i18n/en-GB.ftl")),
    ("cy", include_str!("../../themes/default/i18n/cy.ftl")),
];

/// The language every other falls back to, message by message.
pub const FALLBACK: &str = "en-GB";

/// The interface strings of one language, with English behind them for any message a
/// site's own translation leaves out.
pub struct Strings {
    language: String,
    bundles: Vec<FluentBundle<FluentResource>>,
}

/// A message the theme asked for that no file defines.
#[derive(Debug, thiserror::Error)]
#[error("no interface string `{id}` in {language}: add it to the theme's i18n/{language}.ftl")]
pub(crate) struct MissingString {
    pub(crate) id: String,
    pub(crate) language: String,
}

impl Strings {
    /// The theme's strings for `language` (its own file, or English where the theme has
    /// none), with `overrides` (a site theme's file for that language: path and text)
    /// replacing messages of the same name. A mistake in an override is reported at its
    /// line and column.
    pub fn load(
        language: &str,
        overrides: Option<(&Path, &str)>,
    ) -> Result<Strings, Vec<Diagnostic>> {
        let mut strings = Strings::embedded(language);
        if let Some((path, text)) = overrides {
            strings.bundles[0].add_resource_overriding(parse_override(path, text)?);
        }
        Ok(strings)
    }

    /// The default theme's own strings for `language`, with English behind them: what
    /// [`Strings::load`] gives without a site theme's file, and cannot fail.
    pub(crate) fn embedded(language: &str) -> Strings {
        let own = theme_source(language);
        let mut primary = new_bundle(language);
        add_embedded(&mut primary, own.1);
        let mut bundles = vec![primary];
        if own.0 != FALLBACK {
            let mut fallback = new_bundle(FALLBACK);
            add_embedded(&mut fallback, theme_source(FALLBACK).1);
            bundles.push(fallback);
        }
        Strings {
            language: language.to_string(),
            bundles,
        }
    }

    /// The message `id` with its arguments filled in. Numbers choose the plural form.
    pub(crate) fn format(&self, id: &str, args: &FluentArgs) -> Result<String, MissingString> {
        for bundle in &self.bundles {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(args), &mut errors);
            if errors.is_empty() {
                return Ok(text.into_owned());
            }
        }
        Err(MissingString {
            id: id.to_string(),
            language: self.language.clone(),
        })
    }

    /// The language these strings are for, as the site names it.
    pub(crate) fn language(&self) -> &str {
        &self.language
    }

    /// A message without arguments.
    pub(crate) fn text(&self, id: &str) -> Result<String, MissingString> {
        self.format(id, &FluentArgs::new())
    }

    /// A message the program itself names (a page title, a label), in plain text. The
    /// theme's English file defines every such message and stands behind every other
    /// language, so a missing one is a misspelt id in the code: debug builds stop on it.
    pub(crate) fn say(&self, id: &str) -> String {
        self.say_with(id, &[])
    }

    /// [`Strings::say`] with arguments; numbers choose the plural form.
    pub(crate) fn say_with(&self, id: &str, values: &[(&str, FluentValue<'_>)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in values {
            args.set(*name, value.clone());
        }
        self.format(id, &args).unwrap_or_else(|missing| {
            // Every test build renders pages, so a misspelt id stops the tests there.
            debug_assert!(false, "{missing}");
            id.to_string()
        })
    }

    /// A date as readers write it: "7 December 2026", "7 Rhagfyr 2026".
    pub(crate) fn date(&self, date: jiff::civil::Date) -> String {
        long_date(self, date).unwrap_or_else(|_| date.to_string())
    }

    /// A message with one number, for plurals: `count(“stories-count”, 3)`.
    #[cfg(test)]
    pub(crate) fn count(&self, id: &str, count: i64) -> Result<String, MissingString> {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        self.format(id, &args)
    }
}

/// The theme's file for a language tag: the exact tag, else its primary language
/// (`cy-GB` → `cy`, `en-US` → `en-GB`), else English.
fn theme_source(language: &str) -> (&'static str, &'static str) {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    THEME_LANGUAGES
        .iter()
        .find(|(tag, _)| tag.eq_ignore_ascii_case(language))
        .or_else(|| {
            THEME_LANGUAGES
                .iter()
                .find(|(tag, _)| tag.split('-').next() == Some(primary.as_str()))
        })
        .copied()
        .unwrap_or(THEME_LANGUAGES[0])
}

fn new_bundle(language: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = language
        .parse()
        .unwrap_or_else(|_| LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Fluent wraps each placeable in Unicode isolation marks by default. Our pages give
    // the direction in markup, and the marks would land inside addresses and counts.
    bundle.set_use_isolating(false);
    bundle
}

/// The theme's own files are checked by the tests (they parse, and define each message
/// once), so neither error can ship; the parser still keeps every message it could read.
fn add_embedded(bundle: &mut FluentBundle<FluentResource>, text: &'static str) {
    let resource =
        FluentResource::try_new(text.to_string()).unwrap_or_else(|(resource, _)| resource);
    let _ = bundle.add_resource(resource);
}

fn parse_override(path: &Path, text: &str) -> Result<FluentResource, Vec<Diagnostic>> {
    FluentResource::try_new(text.to_string()).map_err(|(_, errors)| {
        let lines = LineIndex::new(text);
        errors
            .iter()
            .map(|error| {
                let (line, column) = lines.position(error.pos.start);
                Diagnostic::error("PP0604", path, format!("this translation file has a mistake: {}", error.kind))
                    .at(line, column, error.pos.end.saturating_sub(error.pos.start).max(1))
                    .with_hint("write each message as `message-id = text` on its own line; see the theme's i18n/en-GB.ftl for every message and its form")
            })
            .collect()
    })
}

#[cfg(test)]
mod tests;
