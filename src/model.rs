//! The public content model: what a visitor may see about each story, nomination and page.
//!
//! This is the privacy boundary. Anonymous people are stored here only as a public label
//! (role and organisation); their names never enter these types, so no later stage —
//! templates, feeds, the search index — can print them by mistake.

use std::path::PathBuf;
use std::sync::LazyLock;

use fluent_bundle::FluentValue;

use jiff::civil::Date;
use jiff::Timestamp;

use crate::i18n::{Strings, FALLBACK};

/// Pages every site publishes whatever its content, in sitemap order.
pub(crate) const SITE_PAGES: &[&str] = &[
    "/",
    "/stories/",
    "/nominations/",
    "/search/",
    "/press/",
    "/stats/",
    "/feeds/",
    "/accessibility/",
    "/submit/story/",
    "/submit/nomination/",
    "/submit/guide/",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    Story,
    Nomination,
}

impl EntryKind {
    /// The URL section: `stories` or `nominations`.
    pub(crate) fn section(self) -> &'static str {
        match self {
            EntryKind::Story => "stories",
            EntryKind::Nomination => "nominations",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            EntryKind::Story => "Story",
            EntryKind::Nomination => "Nomination",
        }
    }
}

/// A person as the public may see them. For an anonymous person `public_name` is a label
/// such as "A team manager at Anytown Council", in the words of the theme's Fluent files;
/// their name does not exist in this type.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Person {
    pub(crate) public_name: String,
    pub(crate) role: String,
    pub(crate) organisation: String,
    pub(crate) anonymous: bool,
    /// The language `role` is written in, on a page in another language: a translation
    /// that gives no role of its own for this person. None: the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) role_language: Option<String>,
}

/// The words an anonymous person is labelled with as the files are loaded: the default
/// theme's English. Each language's site labels them again in its own words.
static LOAD_STRINGS: LazyLock<Strings> = LazyLock::new(|| Strings::embedded(FALLBACK));

impl Person {
    /// Builds the public form. The name is consumed here and dropped when anonymous.
    pub(crate) fn public(
        name: String,
        role: String,
        organisation: String,
        anonymous: bool,
    ) -> Person {
        let public_name = if anonymous {
            anonymous_label(&role, &organisation, &LOAD_STRINGS)
        } else {
            name
        };
        Person {
            public_name,
            role,
            organisation,
            anonymous,
            role_language: None,
        }
    }

    /// Labels an anonymous person again in the language of `strings`: by their role when
    /// it is written in that language, else by the general word for a colleague, so a
    /// label never puts a role in one language inside a phrase in another.
    pub(crate) fn relabel(&mut self, strings: &Strings) {
        if !self.anonymous {
            return;
        }
        let role = match self.role_language {
            Some(_) => "",
            None => self.role.as_str(),
        };
        self.public_name = anonymous_label(role, &self.organisation, strings);
    }
}

/// "A team manager at Anytown Council", "An advanced practitioner", "A colleague" in
/// English; "Rheolwr tîm, Anytown Council" in Welsh: the theme's `anonymous-*` messages.
pub(crate) fn anonymous_label(role: &str, organisation: &str, strings: &Strings) -> String {
    let role = role.trim();
    let organisation = organisation.trim();
    let at = ("organisation", FluentValue::from(organisation));
    if role.is_empty() {
        return if organisation.is_empty() {
            strings.say("anonymous-colleague")
        } else {
            strings.say_with("anonymous-colleague-at", &[at])
        };
    }
    let within = if starts_with_acronym(role) {
        role.to_string()
    } else {
        with_first(role, char::to_lowercase)
    };
    let sound = if within.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "vowel"
    } else {
        "consonant"
    };
    let mut args = vec![
        (
            "role-capital",
            FluentValue::from(with_first(role, char::to_uppercase)),
        ),
        ("role", FluentValue::from(within)),
        ("sound", FluentValue::from(sound)),
    ];
    if organisation.is_empty() {
        strings.say_with("anonymous-person", &args)
    } else {
        args.push(at);
        strings.say_with("anonymous-person-at", &args)
    }
}

/// `text` with its first letter changed by `change` (which may give more than one).
fn with_first<I: Iterator<Item = char>>(text: &str, change: fn(char) -> I) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| change(first).chain(chars).collect())
        .unwrap_or_default()
}

fn starts_with_acronym(role: &str) -> bool {
    role.chars().take(2).filter(|c| c.is_uppercase()).count() == 2
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Image {
    /// Site path, e.g. `/media/images/a.jpg`.
    pub(crate) src: String,
    pub(crate) alt: String,
    pub(crate) credit: String,
    pub(crate) decorative: bool,
    /// The part of the photo to keep when it is cropped (for the social card).
    pub(crate) focus: Focus,
    /// The language `alt` is written in, on a page in another language: a translation
    /// that gives no `image.alt` of its own shows the original's. None: the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) alt_language: Option<String>,
}

/// A point of a photo, in percent of its width and height from the top left corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Focus {
    pub(crate) x: u8,
    pub(crate) y: u8,
}

impl Default for Focus {
    fn default() -> Self {
        Focus { x: 50, y: 50 }
    }
}

impl Focus {
    /// Reads `top`, `bottom left`, `center`, `30% 20%` (across, then down), as CSS's
    /// `object-position` does. None when it is none of these.
    pub(crate) fn parse(text: &str) -> Option<Focus> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut focus = Focus::default();
        let percent = |word: &str| -> Option<u8> {
            let number: u8 = word.strip_suffix('%')?.trim().parse().ok()?;
            (number <= 100).then_some(number)
        };
        if let [x, y] = words.as_slice() {
            if let (Some(x), Some(y)) = (percent(x), percent(y)) {
                return Some(Focus { x, y });
            }
        }
        if words.is_empty() || words.len() > 2 {
            return None;
        }
        let (mut across, mut down) = (false, false);
        for word in words {
            match word.to_ascii_lowercase().as_str() {
                "left" if !across => (focus.x, across) = (0, true),
                "right" if !across => (focus.x, across) = (100, true),
                "top" if !down => (focus.y, down) = (0, true),
                "bottom" if !down => (focus.y, down) = (100, true),
                "center" | "centre" => {}
                _ => return None,
            }
        }
        Some(focus)
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) struct VoiceNote {
    pub(crate) src: String,
    pub(crate) duration_seconds: f64,
    pub(crate) transcript: String,
}

/// Who gave consent is kept out of the public model; only the dates matter for publishing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Consent {
    pub(crate) recorded: bool,
    pub(crate) date: Option<Date>,
    pub(crate) expires: Option<Date>,
    pub(crate) withdrawn: bool,
}

/// The people an entry is about or by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum People {
    Story { authors: Vec<Person> },
    Nomination { nominee: Person, nominator: Person },
}

/// A person or office journalists can call.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Contact {
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) email: String,
    #[serde(default)]
    pub(crate) phone: String,
}

/// A story or a nomination, public fields only.
#[derive(Debug, Clone)]
pub struct Entry {
    pub(crate) kind: EntryKind,
    /// The source file, relative to the site root (for messages and the rebuild log).
    pub source: PathBuf,
    pub slug: String,
    pub title: String,
    pub(crate) summary: String,
    pub(crate) date: Date,
    /// When the entry was published: `date` at midnight UTC, or the exact time given.
    pub(crate) published: Timestamp,
    pub(crate) updated: Option<Date>,
    pub(crate) council: Option<String>,
    pub(crate) service: Option<String>,
    pub(crate) practice_areas: Vec<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) people: People,
    pub(crate) consent: Option<Consent>,
    pub(crate) image: Option<Image>,
    pub(crate) media_contact: Option<Contact>,
    pub(crate) voice_note: Option<VoiceNote>,
    pub(crate) embargo: Option<Timestamp>,
    pub(crate) draft: bool,
    pub(crate) aliases: Vec<String>,
    /// The markdown body. Shared, not copied, by the site in each language: a large
    /// site's bodies are most of its memory, and an untranslated entry shows the same.
    pub body: std::sync::Arc<str>,
    /// 1-based line of the file where the body starts (for diagnostics from rendering).
    pub(crate) body_line: usize,
    /// The language of the title, summary and body when it is not the language of the
    /// pages showing the entry: an entry not translated yet, listed in another
    /// language's pages in its own words and linked to its own page.
    pub(crate) text_language: Option<String>,
}

impl Entry {
    /// The entry's URL path below the site root, e.g. `/stories/my-story/`.
    pub(crate) fn path(&self) -> String {
        format!("/{}/{}/", self.kind.section(), self.slug)
    }

    /// Every public person on the entry, in the order shown on the page.
    pub(crate) fn people(&self) -> Vec<&Person> {
        match &self.people {
            People::Story { authors } => authors.iter().collect(),
            People::Nomination { nominee, nominator } => vec![nominee, nominator],
        }
    }
}

/// The groupings a visitor can browse by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaxonomyKind {
    Council,
    Service,
    PracticeArea,
    Tag,
    Year,
}

impl TaxonomyKind {
    pub(crate) const ALL: [TaxonomyKind; 5] = [
        TaxonomyKind::Council,
        TaxonomyKind::Service,
        TaxonomyKind::PracticeArea,
        TaxonomyKind::Tag,
        TaxonomyKind::Year,
    ];

    /// The URL section, e.g. `practice-areas`.
    pub(crate) fn section(self) -> &'static str {
        match self {
            TaxonomyKind::Council => "councils",
            TaxonomyKind::Service => "services",
            TaxonomyKind::PracticeArea => "practice-areas",
            TaxonomyKind::Tag => "tags",
            TaxonomyKind::Year => "years",
        }
    }

    /// The values an entry has in this taxonomy.
    pub(crate) fn values_of(self, entry: &Entry) -> Vec<String> {
        match self {
            TaxonomyKind::Council => entry.council.iter().cloned().collect(),
            TaxonomyKind::Service => entry.service.iter().cloned().collect(),
            TaxonomyKind::PracticeArea => entry.practice_areas.clone(),
            TaxonomyKind::Tag => entry.tags.clone(),
            TaxonomyKind::Year => vec![entry.date.year().to_string()],
        }
    }
}

/// A plain page from content/pages/.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    pub(crate) source: PathBuf,
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) draft: bool,
    pub(crate) body: String,
    pub(crate) body_line: usize,
}

impl Page {
    pub(crate) fn path(&self) -> String {
        format!("/{}/", self.slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymous_people_keep_only_a_label() {
        let person = Person::public(
            "Priya Raman".into(),
            "Team manager".into(),
            "Anytown Council".into(),
            true,
        );
        assert_eq!(person.public_name, "A team manager at Anytown Council");
        assert!(!format!("{person:?}").contains("Priya"));
    }

    #[test]
    fn a_focus_is_read_as_words_or_percentages() {
        assert_eq!(Focus::parse("top"), Some(Focus { x: 50, y: 0 }));
        assert_eq!(Focus::parse("bottom left"), Some(Focus { x: 0, y: 100 }));
        assert_eq!(Focus::parse("Centre"), Some(Focus { x: 50, y: 50 }));
        assert_eq!(Focus::parse("30% 20%"), Some(Focus { x: 30, y: 20 }));
        assert_eq!(Focus::parse("130% 20%"), None);
        assert_eq!(Focus::parse("top bottom"), None);
        assert_eq!(Focus::parse("middle"), None);
        assert_eq!(Focus::parse(""), None);
    }

    #[test]
    fn labels_use_the_right_article_and_keep_acronyms() {
        let english = Strings::embedded("en-GB");
        assert_eq!(
            anonymous_label("Advanced practitioner", "", &english),
            "An advanced practitioner"
        );
        assert_eq!(
            anonymous_label("AMHP", "Northmoor", &english),
            "An AMHP at Northmoor"
        );
        assert_eq!(anonymous_label("", "", &english), "A colleague");
        assert_eq!(
            anonymous_label(" ", "Northmoor Council", &english),
            "A colleague at Northmoor Council"
        );
    }

    #[test]
    fn welsh_labels_need_no_article_and_no_mutation() {
        let welsh = Strings::embedded("cy");
        assert_eq!(
            anonymous_label("rheolwr tîm", "Cyngor Brackenford", &welsh),
            "Rheolwr tîm, Cyngor Brackenford"
        );
        assert_eq!(anonymous_label("AMHP", "", &welsh), "AMHP");
        assert_eq!(
            anonymous_label("", "Cyngor Brackenford", &welsh),
            "Cydweithiwr, Cyngor Brackenford"
        );
    }

    #[test]
    fn a_role_in_another_language_is_not_put_in_a_label() {
        let mut person = Person::public(
            "Priya Raman".into(),
            "Team manager".into(),
            "Anytown Council".into(),
            true,
        );
        person.role_language = Some("en-GB".into());
        person.relabel(&Strings::embedded("cy"));
        assert_eq!(person.public_name, "Cydweithiwr, Anytown Council");
        person.role_language = None;
        person.role = "Rheolwr tîm".into();
        person.relabel(&Strings::embedded("cy"));
        assert_eq!(person.public_name, "Rheolwr tîm, Anytown Council");
    }
}
