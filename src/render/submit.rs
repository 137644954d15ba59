//! What the "Share a story" and "Nominate a colleague" pages need: the site's lists for
//! the form, the blank templates for writers without JavaScript, and the writing guide.
//!
//! The forms run entirely in the browser (there is no server), so everything the
//! script checks against travels in the page as `data-*` attributes.

use serde::Serialize;

use crate::model::EntryKind;
use crate::resolve::{humanise, Site, TaxonomyKind};
use crate::rules::{
    blank_nomination_template, blank_story_template, Vocabulary, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS,
};

/// The writers' guide in each language it is written in, kept in the repository's docs
/// and published at `/submit/guide/` in each of the site's languages.
const GUIDES: [(&str, &str); 2] = [
    ("en-GB", include_str!("../../docs/writing-guide.md")),
    ("cy", include_str!("../../docs/writing-guide.cy.md")),
];

/// The writers' guide for pages in `language`, and the language it is written in: the
/// English guide where the language has none of its own, so the page can mark it.
pub(crate) fn writing_guide(language: &str) -> (&'static str, &'static str) {
    GUIDES
        .iter()
        .find(|(code, _)| same_language(code, language))
        .copied()
        .unwrap_or(GUIDES[0])
}

/// `cy` and `cy-GB` are one language for choosing a text; `en-GB` and `en-US` too.
pub(crate) fn same_language(a: &str, b: &str) -> bool {
    let primary = |tag: &str| {
        tag.split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    primary(a) == primary(b)
}

/// A value and the words shown for it in a form.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub(crate) struct Choice {
    pub(crate) value: String,
    pub(crate) label: String,
}

/// What a submit page's template sees as `form`.
#[derive(Serialize, Debug)]
pub(crate) struct SubmitView {
    /// "story" or "nomination".
    pub(crate) kind: &'static str,
    pub(crate) services: Vec<Choice>,
    pub(crate) practice_areas: Vec<Choice>,
    /// Councils and organisations named on the published site.
    pub(crate) councils: Vec<String>,
    pub(crate) min_words: usize,
    pub(crate) max_words: usize,
    pub(crate) max_title_chars: usize,
    pub(crate) max_summary_chars: usize,
    /// JSON of the lists above, for the script (escaped by the template).
    pub(crate) settings_json: String,
    pub(crate) template_url: String,
    pub(crate) guide_url: String,
    pub(crate) other_form_url: String,
}

/// The site's vocabularies as the forms offer them: councils from published entries.
pub(crate) fn vocabulary(site: &Site) -> Vocabulary {
    Vocabulary {
        services: site.settings.services.clone(),
        practice_areas: site.settings.practice_areas.clone(),
        councils: site
            .taxonomy(TaxonomyKind::Council)
            .terms
            .iter()
            .map(|t| t.name.clone())
            .collect(),
        nominations: site.settings.nominations.clone(),
    }
}

fn choices(values: &[String]) -> Vec<Choice> {
    values
        .iter()
        .map(|v| Choice {
            value: v.clone(),
            label: humanise(v),
        })
        .collect()
}

#[derive(Serialize)]
struct ScriptSettings<'a> {
    kind: &'a str,
    services: &'a [String],
    practice_areas: &'a [String],
    councils: &'a [String],
    min_words: usize,
    max_words: usize,
    max_title_chars: usize,
    max_summary_chars: usize,
    email: &'a str,
    /// Every word the script shows, in the page's language.
    words: std::collections::BTreeMap<&'static str, serde_json::Value>,
}

pub(crate) fn submit_view(
    site: &Site,
    strings: &crate::i18n::Strings,
    kind: EntryKind,
) -> SubmitView {
    let vocab = vocabulary(site);
    let kind_name = match kind {
        EntryKind::Story => "story",
        EntryKind::Nomination => "nomination",
    };
    let other = match kind {
        EntryKind::Story => "nomination",
        EntryKind::Nomination => "story",
    };
    let rules = &vocab.nominations;
    let settings = ScriptSettings {
        kind: kind_name,
        services: &vocab.services,
        practice_areas: &vocab.practice_areas,
        councils: &vocab.councils,
        min_words: rules.min_words,
        max_words: rules.max_words,
        max_title_chars: MAX_TITLE_CHARS,
        max_summary_chars: MAX_SUMMARY_CHARS,
        email: &site.settings.submissions.email,
        words: super::submit_words::script_words(strings),
    };
    SubmitView {
        kind: kind_name,
        services: choices(&vocab.services),
        practice_areas: choices(&vocab.practice_areas),
        councils: vocab.councils.clone(),
        min_words: rules.min_words,
        max_words: rules.max_words,
        max_title_chars: MAX_TITLE_CHARS,
        max_summary_chars: MAX_SUMMARY_CHARS,
        settings_json: serde_json::to_string(&settings).unwrap_or_else(|_| "{}".into()),
        template_url: site
            .settings
            .site_url(&format!("/submit/{kind_name}-template.md")),
        guide_url: site.settings.site_url("/submit/guide/"),
        other_form_url: site.settings.site_url(&format!("/submit/{other}/")),
    }
}

/// The blank file offered to writers without JavaScript, and where it is published.
pub(crate) fn blank_template(site: &Site, kind: EntryKind) -> (String, String) {
    let vocab = vocabulary(site);
    let language = &site.settings.language;
    match kind {
        EntryKind::Story => (
            "submit/story-template.md".into(),
            blank_story_template(&vocab, language),
        ),
        EntryKind::Nomination => (
            "submit/nomination-template.md".into(),
            blank_nomination_template(&vocab, language),
        ),
    }
}

/// The guide's title (its first `# ` heading) and the markdown after it: the page
/// template shows the title as the page's only h1.
pub(crate) fn guide_parts(markdown: &str) -> (String, &str) {
    let trimmed = markdown.trim_start();
    if let Some(rest) = trimmed.strip_prefix("# ") {
        let (title, body) = rest.split_once('\n').unwrap_or((rest, ""));
        return (title.trim().to_string(), body);
    }
    ("How to write a story or a nomination".into(), markdown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_title_becomes_the_page_title() {
        let (title, body) = guide_parts("# Writing guide\n\nIntro.\n");
        assert_eq!(title, "Writing guide");
        assert_eq!(body.trim(), "Intro.");
        for (_, guide) in GUIDES {
            let (title, _) = guide_parts(guide);
            assert!(!title.is_empty() && !title.starts_with('#'));
        }
    }

    #[test]
    fn each_language_gets_its_own_guide_or_the_english_one() {
        assert_eq!(writing_guide("cy").0, "cy");
        assert_eq!(writing_guide("cy-GB").0, "cy");
        assert_eq!(writing_guide("en-GB").0, "en-GB");
        assert_eq!(writing_guide("fr").0, "en-GB");
        assert!(writing_guide("cy").1.starts_with("# Sut i ysgrifennu"));
    }

    #[test]
    fn vocabularies_read_as_words_in_the_form() {
        let made = choices(&["fostering-adoption".to_string()]);
        assert_eq!(made[0].value, "fostering-adoption");
        assert_eq!(made[0].label, "Fostering adoption");
    }
}
