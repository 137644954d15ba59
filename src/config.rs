//! Site settings: `site.yaml` read strictly, then resolved into [`Settings`].
//!
//! Two stages, so a typo in site.yaml is a located error (raw stage) and everything
//! later works with checked, defaulted values (resolved stage).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Diagnostic;
pub(crate) use crate::model::Contact;
pub(crate) use crate::rules::NominationRules;

mod languages;

/// `site.yaml` exactly as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    title: String,
    base_url: String,
    language: Option<String>,
    languages: Option<Vec<String>>,
    #[serde(default)]
    translations: BTreeMap<String, RawTranslation>,
    #[serde(default)]
    labels: Labels,
    #[serde(default)]
    description: String,
    #[serde(default)]
    organisation: String,
    press_office: Option<Contact>,
    #[serde(default)]
    services: Vec<String>,
    #[serde(default)]
    practice_areas: Vec<String>,
    #[serde(default)]
    nominations: NominationRules,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default = "default_page_size")]
    page_size: usize,
    #[serde(default)]
    accessibility: Option<AccessibilitySettings>,
    #[serde(default)]
    submissions: Option<SubmissionSettings>,
    #[serde(default)]
    images: ImageSettings,
}

fn default_language() -> String {
    "en-GB".into()
}

/// What `translations: <code>:` may say about the site in one of its other languages;
/// anything left out is taken from the top of site.yaml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslation {
    prefix: Option<String>,
    title: Option<String>,
    description: Option<String>,
    organisation: Option<String>,
    press_office: Option<Contact>,
    accessibility: Option<RawAccessibilityWords>,
    #[serde(default)]
    labels: Labels,
}

/// The parts of `accessibility:` that are words or contacts, so a language may have its own.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAccessibilityWords {
    contact_email: Option<String>,
    contact_phone: Option<String>,
    known_issues: Option<Vec<String>>,
}

/// How services and practice areas are named in one language (`labels:`). Slugs, and so
/// addresses, are the same in every language; only the words shown change.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Labels {
    /// Service slug → its name, e.g. `children: Gwasanaethau plant`.
    #[serde(default)]
    pub(crate) services: BTreeMap<String, String>,
    /// Practice-area slug → its name, e.g. `advocacy: Eiriolaeth`.
    #[serde(default)]
    pub(crate) practice_areas: BTreeMap<String, String>,
}

/// One language a site publishes in, and where its pages live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SiteLanguage {
    /// The language tag, e.g. `en-GB` or `cy`.
    pub(crate) code: String,
    /// The folder its pages are in below the site's address: empty for the default
    /// language, which is at the root.
    pub(crate) prefix: String,
}
fn default_theme() -> String {
    "default".into()
}
fn default_page_size() -> usize {
    20
}

/// What the generated accessibility statement says (Public Sector Bodies Accessibility Regulations).
#[derive(Debug, Clone, Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct AccessibilitySettings {
    /// Who to contact about an accessibility problem (e-mail address).
    #[serde(default)]
    pub(crate) contact_email: String,
    #[serde(default)]
    pub(crate) contact_phone: String,
    /// `YYYY-MM-DD` the statement was last reviewed.
    #[serde(default)]
    pub(crate) last_reviewed: String,
    /// Known problems, each a plain sentence.
    #[serde(default)]
    pub(crate) known_issues: Vec<String>,
}

/// Where the "Share a story" and "Nominate a colleague" forms send their files.
#[derive(Debug, Clone, Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct SubmissionSettings {
    #[serde(default)]
    pub(crate) email: String,
}

/// How photos are published (`images:` in site.yaml): the widths each photo is made in,
/// and whether the original file goes out too.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct ImageSettings {
    /// Widths in pixels; a photo narrower than one is never enlarged to it.
    pub(crate) widths: Vec<u32>,
    /// Also publish each photo's original file (with its metadata removed) under its own
    /// name; otherwise that name holds the largest re-encoded copy.
    pub(crate) publish_original: bool,
    /// Quality of the re-encoded JPEG and WebP files, 1 to 100.
    pub(crate) quality: u8,
    /// The `sizes` attribute: how wide the theme shows a content image.
    pub(crate) sizes: String,
}

/// The smallest and largest width site.yaml may ask for.
pub(crate) const IMAGE_WIDTH_RANGE: std::ops::RangeInclusive<u32> = 16..=8000;

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            widths: vec![480, 800, 1200, 1600],
            publish_original: false,
            quality: 80,
            // The default theme's text column: 42rem beside the facts, the window less
            // its margins below that.
            sizes: "(min-width: 45rem) 42rem, calc(100vw - 2rem)".into(),
        }
    }
}

/// Checked, defaulted site settings used by every later stage.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The folder holding site.yaml and content/.
    pub(crate) root: PathBuf,
    pub(crate) title: String,
    /// Absolute base URL without a trailing slash, e.g. `https://example.org/stories`.
    pub(crate) base_url: String,
    /// The path part of `base_url` with a trailing slash, e.g. `/stories/` (or `/`).
    pub base_path: String,
    /// The site's own address, where the default language, the theme's files, media and
    /// social cards are: `base_url` itself, except in another language's settings
    /// (see [`Settings::in_language`]), whose `base_url` ends in its prefix.
    pub(crate) root_url: String,
    /// The path part of `root_url` with a trailing slash.
    pub(crate) root_path: String,
    /// The language of these settings' pages.
    pub(crate) language: String,
    /// Every language the site publishes, the default first; one for most sites.
    pub(crate) languages: Vec<SiteLanguage>,
    /// How services and practice areas are named in `language`.
    pub(crate) labels: Labels,
    pub(crate) description: String,
    pub(crate) organisation: String,
    pub(crate) press_office: Option<Contact>,
    pub(crate) services: Vec<String>,
    pub(crate) practice_areas: Vec<String>,
    pub(crate) nominations: NominationRules,
    pub(crate) theme: String,
    pub(crate) page_size: usize,
    pub(crate) accessibility: AccessibilitySettings,
    pub(crate) submissions: SubmissionSettings,
    pub(crate) images: ImageSettings,
    /// Ask search engines to keep out (`robots.txt` and a robots meta tag): set for a
    /// deploy preview built at another address, never by site.yaml.
    pub(crate) noindex: bool,
    /// What `translations:` says for each other language, by code.
    translations: BTreeMap<String, RawTranslation>,
}

pub(crate) const SITE_FILE: &str = "site.yaml";

impl Settings {
    /// Reads `<root>/site.yaml`. Every problem comes back as a located diagnostic.
    pub(crate) fn load(root: &Path) -> Result<Settings, Vec<Diagnostic>> {
        let path = root.join(SITE_FILE);
        let text = std::fs::read_to_string(&path).map_err(|err| {
            vec![Diagnostic::error(
                "PP0001",
                SITE_FILE,
                format!("cannot read the site settings file: {err}"),
            )
            .with_hint(format!(
                "run practice-press in the folder that holds {SITE_FILE}, pass --site DIR, or create one with `practice-press init`"
            ))]
        })?;
        Self::parse(root, &text)
    }

    /// Parses site.yaml text; `root` is only recorded, never read.
    pub fn parse(root: &Path, text: &str) -> Result<Settings, Vec<Diagnostic>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Some(offset) = crate::util::too_many_flow_collections(text) {
            let (line, column) = crate::util::LineIndex::new(text).position(offset);
            return Err(vec![Diagnostic::error(
                "PP0005",
                SITE_FILE,
                format!(
                    "site.yaml has more than {} lists or groups in brackets ([ or {{), too many to read safely",
                    crate::util::MAX_YAML_FLOW_COLLECTIONS
                ),
            )
            .at(line, column, 1)
            .with_hint("write lists one item per line (`- item`) instead of inside brackets")]);
        }
        let raw: RawSettings =
            serde_yaml::from_str(text).map_err(|err| vec![read_error(text, &err)])?;
        Self::resolve(root, raw, text)
    }

    fn resolve(root: &Path, raw: RawSettings, text: &str) -> Result<Settings, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let base_url = raw.base_url.trim().trim_end_matches('/').to_string();
        let base_path = match base_path_of(&base_url) {
            Some(path) => path,
            None => {
                problems.push(setting_error(
                    text,
                    "base_url",
                    "PP0002",
                    format!("base_url `{}` is not an absolute http(s) address", raw.base_url),
                    "write the full address the site will be published at, e.g. https://stories.anytown.gov.uk",
                ));
                "/".to_string()
            }
        };
        if raw.title.trim().is_empty() {
            problems.push(setting_error(
                text,
                "title",
                "PP0003",
                "the site title is empty".into(),
                "give the site a title, e.g. `title: Practice stories from Anytown`",
            ));
        }
        let theme_name_ok = !raw.theme.is_empty()
            && raw
                .theme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !theme_name_ok {
            // The theme's static files are published, so a path here could publish any
            // folder on the computer that has a static/ inside.
            problems.push(setting_error(
                text,
                "theme",
                "PP0006",
                format!("the theme `{}` is not a folder name", raw.theme),
                "write the name of a folder in themes/, such as `theme: default` or `theme: anytown`",
            ));
        }
        if let Some(language) = &raw.language {
            if !crate::rules::is_language_tag(language) {
                // The language names search index files and lands in every page's <html lang>.
                problems.push(setting_error(
                    text,
                    "language",
                    "PP0007",
                    format!("the language `{language}` is not a language tag"),
                    "write a tag such as `en-GB` (British English) or `cy` (Welsh), or remove the line to use en-GB",
                ));
            }
        }
        let (languages, language_problems) = languages::site_languages(&raw, text);
        problems.extend(language_problems);
        if raw.page_size == 0 {
            problems.push(setting_error(
                text,
                "page_size",
                "PP0004",
                "page_size must be at least 1".into(),
                "use a number such as 20, or remove the line to get the default of 20",
            ));
        }
        problems.extend(image_setting_problems(&raw.images, text));
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut images = raw.images;
        images.widths.sort_unstable();
        images.widths.dedup();
        let language = languages
            .first()
            .map_or_else(default_language, |l| l.code.clone());
        Ok(Settings {
            root: root.to_path_buf(),
            title: raw.title.trim().to_string(),
            root_url: base_url.clone(),
            root_path: base_path.clone(),
            base_url,
            base_path,
            language,
            languages,
            labels: raw.labels,
            translations: raw.translations,
            description: raw.description,
            organisation: raw.organisation,
            press_office: raw.press_office,
            services: raw.services,
            practice_areas: raw.practice_areas,
            nominations: raw.nominations,
            theme: raw.theme,
            page_size: raw.page_size,
            accessibility: raw.accessibility.unwrap_or_default(),
            submissions: raw.submissions.unwrap_or_default(),
            images,
            noindex: false,
        })
    }

    /// The same settings published at another address for one build (a deploy preview),
    /// or why `base_url` cannot be used.
    pub(crate) fn with_base_url(&self, base_url: &str) -> Result<Settings, String> {
        let trimmed = base_url.trim().trim_end_matches('/').to_string();
        let base_path = base_path_of(&trimmed).ok_or_else(|| {
            format!("--base-url `{base_url}` is not an absolute http(s) address, e.g. https://deploy-preview-12--anytown.netlify.app")
        })?;
        let prefix = self.prefix();
        Ok(Settings {
            root_url: trimmed.clone(),
            root_path: base_path.clone(),
            base_url: languages::with_prefix_url(&trimmed, prefix),
            base_path: languages::with_prefix_path(&base_path, prefix),
            ..self.clone()
        })
    }

    /// The folder this language's pages are in (empty for the default language).
    pub(crate) fn prefix(&self) -> &str {
        self.languages
            .iter()
            .find(|l| l.code == self.language)
            .map_or("", |l| l.prefix.as_str())
    }

    /// Whether the site publishes in more than one language.
    pub(crate) fn is_multilingual(&self) -> bool {
        self.languages.len() > 1
    }

    /// These settings for the site's pages in `language`: its words from
    /// `translations:`, and its address below the root (`/cy/`). The default language's
    /// settings come back as they are.
    pub(crate) fn in_language(&self, language: &SiteLanguage) -> Settings {
        if language.prefix.is_empty() {
            return self.clone();
        }
        languages::localised(self, language)
    }

    /// The content folder (`<root>/content`).
    pub(crate) fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    /// A site path such as `/stories/x/` made absolute against base_url.
    pub(crate) fn absolute_url(&self, site_path: &str) -> String {
        let origin_end = self.base_url.len() - self.base_path.trim_end_matches('/').len();
        let origin = &self.base_url[..origin_end];
        format!("{origin}{}", self.site_url(site_path))
    }

    /// A site path such as `/stories/x/` prefixed with the base path (`/sub/stories/x/`).
    pub(crate) fn site_url(&self, site_path: &str) -> String {
        format!("{}{}", self.base_path, site_path.trim_start_matches('/'))
    }

    /// A path at the site's root, whatever the language: the theme's files, media,
    /// social cards, and the default language's pages (`/sub/media/a.jpg`).
    pub(crate) fn root_site_url(&self, site_path: &str) -> String {
        format!("{}{}", self.root_path, site_path.trim_start_matches('/'))
    }

    /// [`Settings::root_site_url`] made absolute.
    pub(crate) fn root_absolute_url(&self, site_path: &str) -> String {
        let origin_end = self.root_url.len() - self.root_path.trim_end_matches('/').len();
        let origin = &self.root_url[..origin_end];
        format!("{origin}{}", self.root_site_url(site_path))
    }
}

/// Whether `url` can be a site's base address (an absolute http or https address).
pub(crate) fn is_base_url(url: &str) -> bool {
    base_path_of(url.trim().trim_end_matches('/')).is_some()
}

/// `/` or `/sub/path/` for an absolute http(s) URL, or None when it is not one.
fn base_path_of(base_url: &str) -> Option<String> {
    let rest = base_url
        .strip_prefix("https://")
        .or_else(|| base_url.strip_prefix("http://"))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if host.is_empty() || host.contains(char::is_whitespace) {
        return None;
    }
    // The path is written into the hosts' header files, one rule a line: a space or a
    // line break would split a rule (and is not valid in an address anyway).
    if path.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let path = path.trim_end_matches('/');
    Some(format!("{path}/"))
}

/// A site.yaml that cannot be read, explained: a misspelt or missing setting, a value
/// of the wrong kind, or a YAML syntax mistake, at its line and column.
fn read_error(text: &str, err: &serde_yaml::Error) -> Diagnostic {
    let full = err.to_string();
    let core = full.split(" at line ").next().unwrap_or(&full);
    // serde_yaml names the setting a nested problem is under: "nominations.max_words: …".
    let (path, problem) = match core.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') && is_about_a_value(rest) => (Some(path), rest),
        _ => (None, core),
    };
    let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
    let located = |message: String, hint: String| {
        Diagnostic::error("PP0101", SITE_FILE, message)
            .at(line, column, 1)
            .with_hint(hint)
    };
    if let Some(rest) = problem.strip_prefix("unknown field ") {
        let field = rest.split('`').nth(1).unwrap_or(rest);
        let allowed: Vec<&str> = rest
            .split_once("expected ")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let message = match path {
            Some(parent) => format!("`{field}` is not a setting of `{parent}`"),
            None => format!("`{field}` is not a setting site.yaml can have"),
        };
        let hint = match crate::diagnostic::suggest::did_you_mean(field, &allowed) {
            Some(meant) => format!("did you mean `{meant}`?"),
            None => format!("the settings allowed here are: {}", allowed.join(", ")),
        };
        let length = field.chars().count();
        return located(message, hint).at(line, column, length);
    }
    if let Some(rest) = problem.strip_prefix("missing field ") {
        let field = rest.trim_matches('`');
        let (message, hint) = match path {
            Some(parent) => (
                format!("`{parent}` is missing `{field}`"),
                format!("add `{field}:` under `{parent}:`, indented by two spaces"),
            ),
            None => (
                format!("the required setting `{field}` is missing"),
                format!("add a line such as `{}`", setting_example(field)),
            ),
        };
        return located(message, hint);
    }
    if is_about_a_value(problem) {
        let (message, hint) = crate::yaml::explain_type_error(path.unwrap_or("site.yaml"), problem);
        return located(message, hint);
    }
    let explained = crate::yaml::syntax::explain(text, err);
    let (line, column) = crate::util::LineIndex::new(text).position(explained.offset);
    Diagnostic::error("PP0101", SITE_FILE, explained.message)
        .at(line, column, explained.length)
        .with_hint(explained.hint)
}

fn is_about_a_value(problem: &str) -> bool {
    [
        "invalid type",
        "invalid value",
        "unknown field",
        "missing field",
    ]
    .iter()
    .any(|start| problem.starts_with(start))
}

fn setting_example(field: &str) -> String {
    match field {
        "title" => "title: Practice stories from Anytown".into(),
        "base_url" => "base_url: https://stories.anytown.gov.uk".into(),
        other => format!("{other}: …"),
    }
}

/// Where `images:`'s `key` is written, in block or flow style; else `images:` itself.
fn image_key_place(text: &str, key: &str) -> (usize, usize) {
    let Some((images_line, _)) = crate::util::find_key(text, "images") else {
        return (1, 1);
    };
    let lines = text.lines().enumerate().skip(images_line - 1);
    for (index, line) in lines {
        let inside =
            index + 1 == images_line || line.starts_with([' ', '\t']) || line.trim().is_empty();
        if !inside {
            break;
        }
        let found = line.match_indices(key).find(|(at, _)| {
            let before_ok = line[..*at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_');
            let after = line[at + key.len()..].trim_start();
            before_ok && after.starts_with(':')
        });
        if let Some((at, _)) = found {
            return (index + 1, line[..at].chars().count() + 1);
        }
    }
    (images_line, 1)
}

fn image_setting_problems(images: &ImageSettings, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let out_of_range = images.widths.iter().any(|w| !IMAGE_WIDTH_RANGE.contains(w));
    if images.widths.is_empty() || out_of_range {
        problems.push(image_setting_error(
            text,
            "widths",
            "PP0008",
            format!(
                "images: widths must list at least one width between {} and {} pixels",
                IMAGE_WIDTH_RANGE.start(),
                IMAGE_WIDTH_RANGE.end()
            ),
            "write the widths photos are published in, such as `widths: [480, 800, 1200, 1600]`, or remove the line to use those",
        ));
    }
    if !(1..=100).contains(&images.quality) {
        problems.push(image_setting_error(
            text,
            "quality",
            "PP0008",
            format!(
                "images: quality must be between 1 and 100, not {}",
                images.quality
            ),
            "use a number such as 80, or remove the line to use 80",
        ));
    }
    if images.sizes.trim().is_empty() || images.sizes.contains(['"', '<', '>']) {
        problems.push(image_setting_error(
            text,
            "sizes",
            "PP0008",
            "images: sizes must be a CSS `sizes` value, such as `(min-width: 45rem) 42rem, 100vw`".into(),
            "write how wide your theme shows content images, or remove the line to use the default theme's value",
        ));
    }
    problems
}

fn setting_error(
    text: &str,
    key: &str,
    code: &'static str,
    message: String,
    hint: &str,
) -> Diagnostic {
    let place = crate::util::find_key(text, key).unwrap_or((1, 1));
    located_setting_error(place, key, code, message, hint)
}

/// A setting inside `images:`, found below that key rather than anywhere in the file.
fn image_setting_error(
    text: &str,
    key: &str,
    code: &'static str,
    message: String,
    hint: &str,
) -> Diagnostic {
    located_setting_error(image_key_place(text, key), key, code, message, hint)
}

fn located_setting_error(
    (line, column): (usize, usize),
    key: &str,
    code: &'static str,
    message: String,
    hint: &str,
) -> Diagnostic {
    Diagnostic::error(code, SITE_FILE, message)
        .at(line, column, key.chars().count())
        .with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Settings, Vec<Diagnostic>> {
        Settings::parse(Path::new("."), text)
    }

    #[test]
    fn sub_path_base_url_gives_prefixed_links() {
        let settings = parse("title: T\nbase_url: https://example.org/stories/\n").unwrap();
        assert_eq!(settings.base_path, "/stories/");
        assert_eq!(settings.site_url("/search/"), "/stories/search/");
        assert_eq!(
            settings.absolute_url("/search/"),
            "https://example.org/stories/search/"
        );
    }

    #[test]
    fn a_base_url_with_a_space_or_line_break_in_its_path_is_refused() {
        assert!(!is_base_url("https://example.org/our stories/"));
        assert!(!is_base_url(
            "https://example.org/a\nContent-Security-Policy: none"
        ));
        assert!(is_base_url("https://example.org/our%20stories/"));
    }

    #[test]
    fn relative_base_url_is_rejected_with_its_line() {
        let errors = parse("title: T\nbase_url: stories.example.org\n").unwrap_err();
        assert_eq!(errors[0].code, "PP0002");
        assert_eq!((errors[0].line, errors[0].column), (2, 1));
    }

    #[test]
    fn a_theme_is_a_folder_name_not_a_path() {
        for theme in ["../../etc", "/usr/share", "a/b", ""] {
            let text = format!("title: T\nbase_url: https://e.org\ntheme: \"{theme}\"\n");
            let errors = parse(&text).unwrap_err();
            assert_eq!(errors[0].code, "PP0006", "{theme}");
        }
        assert!(parse("title: T\nbase_url: https://e.org\ntheme: anytown_2\n").is_ok());
    }

    #[test]
    fn the_language_must_be_a_language_tag() {
        for language in [
            "en-GB\\\"><svg onload=alert(1)>",
            "english",
            "e",
            "en-GB-oxendict-x-y-z",
            "",
        ] {
            let text = format!("title: T\nbase_url: https://e.org\nlanguage: '{language}'\n");
            let errors = parse(&text).unwrap_err();
            assert_eq!(errors[0].code, "PP0007", "{language}");
        }
        for language in ["en", "en-GB", "cy", "zh-Hant-TW"] {
            let text = format!("title: T\nbase_url: https://e.org\nlanguage: {language}\n");
            assert!(parse(&text).is_ok(), "{language}");
        }
    }

    #[test]
    fn unknown_setting_is_an_error() {
        let errors = parse("title: T\nbase_url: https://e.org\ntitel: x\n").unwrap_err();
        assert_eq!(
            errors[0].message,
            "`titel` is not a setting site.yaml can have"
        );
        assert_eq!(errors[0].hint.as_deref(), Some("did you mean `title`?"));
        assert_eq!((errors[0].line, errors[0].column), (3, 1));
    }

    #[test]
    fn settings_problems_are_explained() {
        let first = |text: &str| {
            let errors = parse(text).unwrap_err();
            (errors[0].message.clone(), errors[0].line, errors[0].column)
        };
        assert_eq!(
            first("title: T\n"),
            ("the required setting `base_url` is missing".into(), 1, 1)
        );
        assert_eq!(
            first("title: T\nbase_url: https://e.org\nservices: children\n"),
            (
                "`services` should be a list, but it is the text \"children\"".into(),
                3,
                11
            )
        );
        assert_eq!(
            first("title: T\nbase_url: https://e.org\nnominations:\n  max_word: 9\n"),
            ("`max_word` is not a setting of `nominations`".into(), 4, 3)
        );
        assert_eq!(
            first("title: \"T\nbase_url: https://e.org\n"),
            ("this quotation mark is never closed".into(), 1, 8)
        );
    }
}
