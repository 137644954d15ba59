//! `init --languages en-GB,cy`: the new site's `site.yaml` in one language or several,
//! in the agreed format (`languages:` with the default first, a `translations:` block for
//! each other language). Each language's block holds real sentences about the example
//! site in that language, to be replaced with the council's own.

use super::ScaffoldError;

/// The example site's words in one language the theme speaks.
struct SiteWords {
    title: &'static str,
    description: &'static str,
    organisation: &'static str,
    press_office: &'static str,
    /// `services:` and `practice_areas:` labels for the example's slugs, as YAML lines
    /// indented by two spaces; empty where the slugs already read well (English).
    labels: &'static str,
}

const ENGLISH: SiteWords = SiteWords {
    title: "Practice stories from Anytown",
    description: "Good practice and brilliant colleagues in Anytown social care.",
    organisation: "Anytown Council",
    press_office: "Anytown press office",
    labels: "",
};

const WELSH: SiteWords = SiteWords {
    title: "Straeon ymarfer o Anytown",
    description: "Ymarfer da a chydweithwyr gwych ym maes gofal cymdeithasol yn Anytown.",
    organisation: "Cyngor Anytown",
    press_office: "Swyddfa’r wasg Anytown",
    labels: "  services:
    children: Gwasanaethau plant
    adults: Gwasanaethau oedolion
    mental-health: Iechyd meddwl
    fostering-adoption: Maethu a mabwysiadu
    leaving-care: Gadael gofal
    youth-justice: Cyfiawnder ieuenctid
    disabilities: Anableddau
  practice_areas:
    assessment: Asesu
    supervision: Goruchwyliaeth
    practice-leadership: Arweinyddiaeth ymarfer
    kinship-care: Gofal gan berthnasau
    family-group-conferencing: Cynadleddau grŵp teulu
    life-story-work: Gwaith stori bywyd
    transitions: Pontio
    advocacy: Eiriolaeth
",
};

/// The languages named by `--languages`, checked: language codes the theme speaks,
/// each once. The first is the site's default.
pub(crate) fn parse_languages(list: &str) -> Result<Vec<String>, ScaffoldError> {
    let refuse = |reason: String| Err(ScaffoldError::Languages(reason));
    let languages: Vec<String> = list
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if languages.is_empty() {
        return refuse("--languages needs at least one language code, such as en-GB,cy".into());
    }
    for (n, language) in languages.iter().enumerate() {
        if !crate::rules::is_language_tag(language) {
            return refuse(format!(
                "{language:?} is not a language code: write codes such as en-GB (English) and cy (Welsh), separated by commas"
            ));
        }
        if words(language).is_none() {
            return refuse(format!(
                "the default theme has no words in {language} yet: it speaks en-GB (English) and cy (Welsh)"
            ));
        }
        if languages[..n]
            .iter()
            .any(|earlier| primary(earlier) == primary(language))
        {
            return refuse(format!(
                "{language} is named twice in --languages: name each language once"
            ));
        }
    }
    Ok(languages)
}

fn primary(language: &str) -> String {
    language
        .split('-')
        .next()
        .unwrap_or(language)
        .to_ascii_lowercase()
}

fn words(language: &str) -> Option<&'static SiteWords> {
    match primary(language).as_str() {
        "en" => Some(&ENGLISH),
        "cy" => Some(&WELSH),
        _ => None,
    }
}

/// `template` (the English one-language site.yaml) for `languages`, the first the
/// default. One English language gives the template unchanged.
pub(crate) fn site_yaml(template: &str, languages: &[String]) -> String {
    let Some((first, others)) = languages.split_first() else {
        return template.to_string();
    };
    let main = words(first).unwrap_or(&ENGLISH);
    let mut yaml = String::with_capacity(template.len() + 1500);
    for line in template.lines() {
        let line = match line.split_once(':').map(|(key, _)| key) {
            Some("language") if others.is_empty() => format!("language: {first}"),
            Some("language") => format!(
                "# The first language is the default, at \"/\"; each other one lives under /<prefix>/.\nlanguages: [{}]",
                languages.join(", ")
            ),
            Some("title") => format!("title: {}", main.title),
            Some("description") => format!("description: {}", main.description),
            Some("organisation") => format!("organisation: {}", main.organisation),
            Some("press_office") => line.replacen(ENGLISH.press_office, main.press_office, 1),
            _ => line.to_string(),
        };
        yaml.push_str(&line);
        yaml.push('\n');
    }
    if !main.labels.is_empty() {
        yaml.push_str("# How the services and practice areas are named on pages (slugs stay the same).\nlabels:\n");
        yaml.push_str(main.labels);
    }
    if !others.is_empty() {
        yaml.push_str("# The site's words in each other language. Pages, dates and the theme's own words\n# follow the language; stories are translated in files beside them (story.cy.md).\ntranslations:\n");
    }
    for language in others {
        let other = words(language).unwrap_or(&ENGLISH);
        yaml.push_str(&format!(
            "  {language}:\n    prefix: {prefix}\n    title: {}\n    description: {}\n    organisation: {}\n    press_office: {{ name: {}, email: press@anytown.example, phone: \"01632 960000\" }}\n",
            other.title,
            other.description,
            other.organisation,
            other.press_office,
            prefix = language.to_ascii_lowercase(),
        ));
        if !other.labels.is_empty() {
            yaml.push_str("    labels:\n");
            for label_line in other.labels.lines() {
                yaml.push_str("    ");
                yaml.push_str(label_line);
                yaml.push('\n');
            }
        }
    }
    yaml
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = include_str!("init/site.yaml");

    #[test]
    fn one_english_language_keeps_the_template() {
        let languages = parse_languages("en-GB").unwrap_or_default();
        assert_eq!(site_yaml(TEMPLATE, &languages), TEMPLATE);
    }

    #[test]
    fn codes_the_theme_lacks_and_repeats_are_refused_in_plain_english() {
        for (list, expected) in [
            ("en-GB,fr", "the default theme has no words in fr yet"),
            ("en-GB,en", "en is named twice"),
            ("en GB", "is not a language code"),
            (" , ", "needs at least one language code"),
        ] {
            let err = parse_languages(list)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(err.contains(expected), "{list}: {err}");
        }
    }
}
