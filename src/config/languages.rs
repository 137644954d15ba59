//! `languages:` and `translations:` in site.yaml: which languages a site publishes,
//! where each lives, and the settings of each in its own words.

use super::{
    default_language, located_setting_error, setting_error, RawSettings, Settings, SiteLanguage,
};
use crate::diagnostic::Diagnostic;

/// The first path parts the site's own pages and files use: a language's prefix must
/// not take one, or its pages would land on top of theirs.
const TAKEN_PREFIXES: &[&str] = &[
    "stories",
    "nominations",
    "search",
    "press",
    "stats",
    "feeds",
    "accessibility",
    "submit",
    "councils",
    "services",
    "practice-areas",
    "tags",
    "years",
    "static",
    "media",
    "cards",
    "search-index",
];

/// The site's languages, default first, and every problem with `language`,
/// `languages` and `translations`, located in site.yaml.
pub(super) fn site_languages(
    raw: &RawSettings,
    text: &str,
) -> (Vec<SiteLanguage>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let codes: Vec<String> = match (&raw.language, &raw.languages) {
        (Some(_), Some(_)) => {
            problems.push(setting_error(
                text,
                "language",
                "PP0009",
                "site.yaml has both `language` and `languages`".into(),
                "delete the `language:` line: the first language of `languages` is the site's default",
            ));
            raw.languages.clone().unwrap_or_default()
        }
        (None, Some(list)) => list.clone(),
        (Some(one), None) => vec![one.clone()],
        (None, None) => vec![default_language()],
    };
    if raw.languages.as_ref().is_some_and(Vec::is_empty) {
        problems.push(setting_error(
            text,
            "languages",
            "PP0009",
            "`languages` is an empty list".into(),
            "list the site's languages, the default first, such as `languages: [en-GB, cy]`",
        ));
    }
    for (index, code) in codes.iter().enumerate() {
        if raw.languages.is_some() && !crate::rules::is_language_tag(code) {
            problems.push(setting_error(
                text,
                "languages",
                "PP0009",
                format!("`{code}` in `languages` is not a language tag"),
                "write tags such as `en-GB` (British English) and `cy` (Welsh)",
            ));
        }
        if codes[..index].contains(code) {
            problems.push(setting_error(
                text,
                "languages",
                "PP0009",
                format!("`{code}` is in `languages` twice"),
                "list each language once",
            ));
        }
    }
    let mut languages: Vec<SiteLanguage> = Vec::new();
    for (index, code) in codes.iter().enumerate() {
        if languages.iter().any(|l| l.code == *code) {
            continue;
        }
        let prefix = if index == 0 {
            String::new()
        } else {
            raw.translations
                .get(code)
                .and_then(|t| t.prefix.clone())
                .unwrap_or_else(|| code.to_lowercase())
        };
        if index > 0 {
            if let Some(problem) = prefix_problem(code, &prefix, &languages, text) {
                problems.push(problem);
            }
        }
        languages.push(SiteLanguage {
            code: code.clone(),
            prefix,
        });
    }
    for code in raw.translations.keys() {
        let place = nested_key_place(text, "translations", code);
        if codes.first() == Some(code) {
            problems.push(located_setting_error(
                place,
                code,
                "PP0009",
                format!("`translations` has settings for `{code}`, the site's default language"),
                "move these settings to the top of site.yaml (title, description, …): `translations` is for the other languages",
            ));
        } else if !codes.contains(code) {
            problems.push(located_setting_error(
                place,
                code,
                "PP0009",
                format!("`translations` has settings for `{code}`, which is not one of the site's languages"),
                &format!(
                    "add `{code}` to `languages` (such as `languages: [{}, {code}]`), or delete these settings",
                    codes.first().map_or("en-GB", String::as_str)
                ),
            ));
        }
    }
    (languages, problems)
}

/// Why `prefix` cannot hold `code`'s pages, if it cannot.
fn prefix_problem(
    code: &str,
    prefix: &str,
    before: &[SiteLanguage],
    text: &str,
) -> Option<Diagnostic> {
    let well_formed = !prefix.is_empty()
        && prefix
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let problem = if !well_formed {
        format!("the prefix `{prefix}` for `{code}` is not one folder name of small letters, digits and hyphens")
    } else if TAKEN_PREFIXES.contains(&prefix) {
        format!("the prefix `{prefix}` for `{code}` is already a part of the site (/{prefix}/)")
    } else if before.iter().any(|l| l.prefix == prefix) {
        format!("two languages have the prefix `{prefix}`")
    } else {
        return None;
    };
    let place = nested_key_place(text, code, "prefix");
    Some(located_setting_error(
        place,
        "prefix",
        "PP0009",
        problem,
        &format!("choose a short folder name for the {code} pages, such as `prefix: {}`, or delete the line to use the language code", code.to_lowercase()),
    ))
}

/// Where `key` is written below the line of `parent:` (indented under it); `parent:`
/// itself when `key` is not found there, and the start of the file when neither is.
fn nested_key_place(text: &str, parent: &str, key: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let parent_line = lines.iter().position(|line| {
        let trimmed = line.trim_start();
        trimmed
            .strip_prefix(parent)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    });
    let Some(parent_line) = parent_line else {
        return (1, 1);
    };
    let parent_indent = lines[parent_line].len() - lines[parent_line].trim_start().len();
    for (index, line) in lines.iter().enumerate().skip(parent_line + 1) {
        let indent = line.len() - line.trim_start().len();
        if !line.trim().is_empty() && indent <= parent_indent {
            break;
        }
        let trimmed = line.trim_start();
        if trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
        {
            return (index + 1, indent + 1);
        }
    }
    (parent_line + 1, parent_indent + 1)
}

/// `https://e.org/sub` with a language's folder: `https://e.org/sub/cy`.
pub(super) fn with_prefix_url(root_url: &str, prefix: &str) -> String {
    if prefix.is_empty() {
        root_url.to_string()
    } else {
        format!("{root_url}/{prefix}")
    }
}

/// `/sub/` with a language's folder: `/sub/cy/`.
pub(super) fn with_prefix_path(root_path: &str, prefix: &str) -> String {
    if prefix.is_empty() {
        root_path.to_string()
    } else {
        format!("{root_path}{prefix}/")
    }
}

/// The settings of the site's pages in `language`, which is not the default one.
pub(super) fn localised(settings: &Settings, language: &SiteLanguage) -> Settings {
    let mut local = settings.clone();
    local.language = language.code.clone();
    local.base_url = with_prefix_url(&settings.root_url, &language.prefix);
    local.base_path = with_prefix_path(&settings.root_path, &language.prefix);
    let Some(words) = settings.translations.get(&language.code) else {
        local.labels = super::Labels::default();
        return local;
    };
    if let Some(title) = &words.title {
        local.title = title.trim().to_string();
    }
    if let Some(description) = &words.description {
        local.description = description.clone();
    }
    if let Some(organisation) = &words.organisation {
        local.organisation = organisation.clone();
    }
    if let Some(press_office) = &words.press_office {
        local.press_office = Some(press_office.clone());
    }
    if let Some(accessibility) = &words.accessibility {
        let own = &mut local.accessibility;
        if let Some(email) = &accessibility.contact_email {
            own.contact_email = email.clone();
        }
        if let Some(phone) = &accessibility.contact_phone {
            own.contact_phone = phone.clone();
        }
        if let Some(issues) = &accessibility.known_issues {
            own.known_issues = issues.clone();
        }
    }
    local.labels = words.labels.clone();
    local
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn parse(text: &str) -> Result<Settings, Vec<Diagnostic>> {
        Settings::parse(Path::new("."), text)
    }

    const BILINGUAL: &str = "title: Practice stories\nbase_url: https://e.org/sub\nlanguages: [en-GB, cy]\nservices: [children]\ntranslations:\n  cy:\n    title: Straeon ymarfer\n    labels:\n      services: { children: Gwasanaethau plant }\n";

    #[test]
    fn the_first_language_is_the_default_at_the_root() {
        let settings = parse(BILINGUAL).unwrap();
        assert_eq!(settings.language, "en-GB");
        assert_eq!(settings.prefix(), "");
        assert!(settings.is_multilingual());
        let welsh = settings.in_language(&settings.languages[1]);
        assert_eq!(welsh.language, "cy");
        assert_eq!(welsh.title, "Straeon ymarfer");
        assert_eq!(welsh.site_url("/stories/"), "/sub/cy/stories/");
        assert_eq!(welsh.absolute_url("/"), "https://e.org/sub/cy/");
        assert_eq!(welsh.root_site_url("/media/a.jpg"), "/sub/media/a.jpg");
        assert_eq!(welsh.root_absolute_url("/"), "https://e.org/sub/");
        assert_eq!(welsh.labels.services["children"], "Gwasanaethau plant");
        let moved = welsh.with_base_url("https://preview.example").unwrap();
        assert_eq!(moved.site_url("/"), "/cy/");
        assert_eq!(moved.root_site_url("/"), "/");
    }

    #[test]
    fn a_one_language_site_is_as_before() {
        let settings = parse("title: T\nbase_url: https://e.org\nlanguage: cy\n").unwrap();
        assert_eq!(settings.language, "cy");
        assert!(!settings.is_multilingual());
        assert_eq!(settings.root_path, settings.base_path);
    }

    #[test]
    fn language_and_languages_together_are_an_error_with_a_fix() {
        let errors =
            parse("title: T\nbase_url: https://e.org\nlanguage: en-GB\nlanguages: [en-GB, cy]\n")
                .unwrap_err();
        assert_eq!(errors[0].code, "PP0009");
        assert_eq!((errors[0].line, errors[0].column), (3, 1));
        assert!(errors[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("delete the `language:` line"));
    }

    #[test]
    fn translations_for_a_language_the_site_lacks_are_located() {
        let errors = parse(
            "title: T\nbase_url: https://e.org\nlanguages: [en-GB, cy]\ntranslations:\n  fr:\n    title: Histoires\n",
        )
        .unwrap_err();
        assert_eq!(errors[0].code, "PP0009");
        assert_eq!((errors[0].line, errors[0].column), (5, 3));
        assert!(errors[0].message.contains("`fr`"));
    }

    #[test]
    fn a_prefix_must_be_a_free_folder_name() {
        for prefix in ["stories", "a/b", "Cy", "\"\""] {
            let text = format!(
                "title: T\nbase_url: https://e.org\nlanguages: [en-GB, cy]\ntranslations:\n  cy:\n    prefix: {prefix}\n"
            );
            let errors = parse(&text).unwrap_err();
            assert_eq!(errors[0].code, "PP0009", "{prefix}");
            assert_eq!((errors[0].line, errors[0].column), (6, 5), "{prefix}");
        }
        let text = "title: T\nbase_url: https://e.org\nlanguages: [en-GB, cy]\ntranslations:\n  cy:\n    prefix: cymraeg\n";
        let settings = parse(text).unwrap();
        assert_eq!(settings.languages[1].prefix, "cymraeg");
    }

    #[test]
    fn bad_language_tags_and_repeats_are_errors() {
        let errors = parse("title: T\nbase_url: https://e.org\nlanguages: [en-GB, welsh, en-GB]\n")
            .unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert!(
            messages.iter().any(|m| m.contains("`welsh`")),
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.contains("twice")), "{messages:?}");
    }
}
