//! View structs: the exact fields templates can use, built from the public [`Site`].
//!
//! Templates get these borrowed views, never the model, so template fields stay stable
//! and nothing outside the public model can be reached from a template.

use fluent_bundle::FluentValue;
use serde::Serialize;

use crate::i18n::Strings;
use crate::model::{Entry, EntryKind, People, Person};
use crate::resolve::{Site, TaxonomyKind};
use crate::util::slugify;

/// Site-wide values every template sees as `site`.
#[derive(Serialize)]
pub(crate) struct SiteView<'a> {
    pub(crate) title: &'a str,
    pub(crate) description: &'a str,
    pub(crate) language: &'a str,
    pub(crate) organisation: &'a str,
    pub(crate) base_url: &'a str,
    /// "/" or "/sub/": prefix for every link to a page in this language ("/cy/").
    pub(crate) base_path: &'a str,
    /// The site's root ("/" or "/sub/"), where the theme's files and media are.
    pub(crate) root_path: &'a str,
    pub(crate) press_office: Option<&'a crate::model::Contact>,
    pub(crate) accessibility: &'a crate::config::AccessibilitySettings,
    /// `last_reviewed` as "1 November 2026" when it is a date, else as written.
    pub(crate) accessibility_reviewed: String,
    /// `last_reviewed` for a `<time datetime>`, only when it is a real date.
    pub(crate) accessibility_reviewed_iso: Option<String>,
    pub(crate) submissions_email: &'a str,
    pub(crate) nominations: &'a crate::config::NominationRules,
    pub(crate) year: i16,
    pub(crate) nav: Vec<Link>,
    pub(crate) footer: Vec<FooterLink>,
    pub(crate) feed_atom: String,
    /// A deploy preview that search engines must not index.
    pub(crate) noindex: bool,
    /// The Content-Security-Policy for the pages' meta tag.
    pub(crate) csp: &'static str,
}

impl<'a> SiteView<'a> {
    /// The site's values, with the navigation and dates in the words of `strings`.
    pub(crate) fn new(site: &'a Site, strings: &Strings) -> Self {
        let s = &site.settings;
        let link = |title: String, path: &str| Link {
            title,
            url: s.site_url(path),
        };
        let say = |id: &str| strings.say(id);
        let mut footer: Vec<FooterLink> = [
            link(say("page-submit-story"), "/submit/story/"),
            link(say("page-submit-nomination"), "/submit/nomination/"),
            link(say("page-accessibility"), "/accessibility/"),
            link(say("page-press"), "/press/"),
            link(say("page-stats"), "/stats/"),
            link(say("page-feeds"), "/feeds/"),
        ]
        .into_iter()
        .chain(site.pages.iter().map(|p| link(p.title.clone(), &p.path())))
        .map(FooterLink::from)
        .collect();
        // Pages not translated yet are still offered, in their own words and language,
        // after the ones in the page's language.
        footer.extend(
            site.languages
                .untranslated_pages
                .iter()
                .map(|p| FooterLink {
                    title: p.title.clone(),
                    url: s.root_site_url(&p.path),
                    lang: Some(p.language.clone()),
                }),
        );
        SiteView {
            title: &s.title,
            description: &s.description,
            language: &s.language,
            organisation: &s.organisation,
            base_url: &s.base_url,
            base_path: &s.base_path,
            root_path: &s.root_path,
            press_office: s.press_office.as_ref(),
            accessibility: &s.accessibility,
            accessibility_reviewed: crate::load::convert::parse_date(
                &s.accessibility.last_reviewed,
            )
            .map(|(date, _)| strings.date(date))
            .unwrap_or_else(|_| s.accessibility.last_reviewed.clone()),
            accessibility_reviewed_iso: crate::load::convert::parse_date(
                &s.accessibility.last_reviewed,
            )
            .ok()
            .map(|(date, _)| date.to_string()),
            submissions_email: &s.submissions.email,
            noindex: s.noindex,
            csp: super::csp::CONTENT_SECURITY_POLICY,
            nominations: &s.nominations,
            year: site.now.to_zoned(jiff::tz::TimeZone::UTC).year(),
            nav: vec![
                link(say("nav-stories"), "/stories/"),
                link(say("nav-nominations"), "/nominations/"),
                link(say("nav-councils"), "/councils/"),
                link(say("nav-services"), "/services/"),
                link(say("nav-practice-areas"), "/practice-areas/"),
                link(say("page-search"), "/search/"),
            ],
            footer,
            feed_atom: s.site_url("/feeds/atom.xml"),
        }
    }
}

#[derive(Serialize, Clone, Debug)]
pub(crate) struct Link {
    pub(crate) title: String,
    pub(crate) url: String,
}

/// A link in the footer. `lang` is set for a page not translated into the page's
/// language: the link leads to the page in its own language and says so.
#[derive(Serialize, Clone, Debug)]
pub(crate) struct FooterLink {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) lang: Option<String>,
}

impl From<Link> for FooterLink {
    fn from(link: Link) -> Self {
        FooterLink {
            title: link.title,
            url: link.url,
            lang: None,
        }
    }
}

/// A term link with its label, e.g. a council on a card.
#[derive(Serialize, Clone, Debug)]
pub(crate) struct TermLink {
    pub(crate) label: String,
    pub(crate) url: String,
}

/// An entry as a card in a listing.
#[derive(Serialize)]
pub(crate) struct CardView<'a> {
    pub(crate) kind: EntryKind,
    /// The language of the title and summary when it is not the page's: an entry not
    /// translated yet, shown in its own words and linked to its own page.
    pub(crate) lang: Option<&'a str>,
    pub(crate) kind_label: String,
    pub(crate) url: String,
    pub(crate) title: &'a str,
    pub(crate) summary: &'a str,
    pub(crate) date_iso: String,
    pub(crate) date_human: String,
    pub(crate) council: Option<TermLink>,
    pub(crate) service: Option<TermLink>,
    pub(crate) people: Vec<&'a str>,
    pub(crate) image: Option<ImageView<'a>>,
}

#[derive(Serialize)]
pub(crate) struct ImageView<'a> {
    pub(crate) src: String,
    pub(crate) alt: &'a str,
    pub(crate) credit: &'a str,
    pub(crate) decorative: bool,
}

#[derive(Serialize)]
pub(crate) struct PersonView<'a> {
    pub(crate) public_name: &'a str,
    pub(crate) role: &'a str,
    pub(crate) organisation: &'a str,
    pub(crate) anonymous: bool,
    /// The language `role` is written in when it is not the page's.
    pub(crate) role_lang: Option<&'a str>,
    /// "Written by", "Nominee", "Nominated by".
    pub(crate) relation: String,
}

/// An entry's own page.
#[derive(Serialize)]
pub(crate) struct EntryView<'a> {
    #[serde(flatten)]
    pub(crate) card: CardView<'a>,
    pub(crate) body_html: &'a str,
    /// The entry's own image as responsive markup (see [`super::picture`]).
    pub(crate) image_html: Option<String>,
    pub(crate) canonical_url: String,
    pub(crate) updated_iso: Option<String>,
    pub(crate) updated_human: Option<String>,
    pub(crate) people: Vec<PersonView<'a>>,
    pub(crate) practice_areas: Vec<TermLink>,
    pub(crate) tags: Vec<TermLink>,
    pub(crate) year: TermLink,
    pub(crate) voice_note: Option<VoiceNoteView<'a>>,
    pub(crate) media_contact: Option<&'a crate::model::Contact>,
    pub(crate) draft: bool,
    pub(crate) text_url: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct VoiceNoteView<'a> {
    pub(crate) src: String,
    pub(crate) duration_human: String,
    pub(crate) mime: &'static str,
    pub(crate) transcript: &'a str,
}

/// "Story" or "Nomination", in the interface's language.
pub(crate) fn kind_label(strings: &Strings, kind: EntryKind) -> String {
    strings.say(match kind {
        EntryKind::Story => "kind-story",
        EntryKind::Nomination => "kind-nomination",
    })
}

pub(crate) fn term_link(site: &Site, kind: TaxonomyKind, name: &str) -> TermLink {
    TermLink {
        label: crate::resolve::term_label(&site.settings.labels, kind, name),
        url: site
            .settings
            .site_url(&format!("/{}/{}/", kind.section(), slugify(name))),
    }
}

/// The link to a term's page, or None for a term made only of symbols (a tag `]]>`),
/// which gets no page: see `build_taxonomy`.
pub(crate) fn published_term_link(site: &Site, kind: TaxonomyKind, name: &str) -> Option<TermLink> {
    (!slugify(name).is_empty()).then(|| term_link(site, kind, name))
}

pub(crate) fn card<'a>(site: &Site, strings: &Strings, entry: &'a Entry) -> CardView<'a> {
    CardView {
        kind: entry.kind,
        lang: entry.text_language.as_deref(),
        kind_label: kind_label(strings, entry.kind),
        url: entry_url(site, entry),
        title: &entry.title,
        summary: &entry.summary,
        date_iso: entry.date.to_string(),
        date_human: strings.date(entry.date),
        council: entry
            .council
            .as_deref()
            .and_then(|c| published_term_link(site, TaxonomyKind::Council, c)),
        service: entry
            .service
            .as_deref()
            .and_then(|s| published_term_link(site, TaxonomyKind::Service, s)),
        people: entry
            .people()
            .into_iter()
            .map(|p| p.public_name.as_str())
            .collect(),
        image: entry.image.as_ref().map(|i| ImageView {
            src: site.settings.root_site_url(&i.src),
            alt: &i.alt,
            credit: &i.credit,
            decorative: i.decorative,
        }),
    }
}

/// Where an entry's page is: in the page's language, or in the entry's own language
/// for one not translated yet (the default language's pages are at the root).
pub fn entry_url(site: &Site, entry: &Entry) -> String {
    if entry.text_language.is_some() {
        site.settings.root_site_url(&entry.path())
    } else {
        site.settings.site_url(&entry.path())
    }
}

fn person_view<'a>(person: &'a Person, relation: String) -> PersonView<'a> {
    PersonView {
        public_name: &person.public_name,
        role: &person.role,
        organisation: &person.organisation,
        anonymous: person.anonymous,
        role_lang: person.role_language.as_deref(),
        relation,
    }
}

pub(crate) fn entry_view<'a>(
    site: &'a Site,
    strings: &Strings,
    entry: &'a Entry,
    body_html: &'a str,
) -> EntryView<'a> {
    let people = match &entry.people {
        People::Story { authors } => authors
            .iter()
            .map(|a| person_view(a, strings.say("person-written-by")))
            .collect(),
        People::Nomination { nominee, nominator } => vec![
            person_view(nominee, strings.say("person-nominee")),
            person_view(nominator, strings.say("person-nominated-by")),
        ],
    };
    EntryView {
        card: card(site, strings, entry),
        body_html,
        image_html: entry.image.as_ref().map(|image| {
            super::picture::Pictures::of(site).html(&super::picture::ImageRef {
                src: &image.src,
                alt: &image.alt,
                title: None,
                lang: image.alt_language.as_deref(),
                first: true,
            })
        }),
        canonical_url: site.settings.absolute_url(&entry.path()),
        updated_iso: entry.updated.map(|d| d.to_string()),
        updated_human: entry.updated.map(|date| strings.date(date)),
        people,
        practice_areas: entry
            .practice_areas
            .iter()
            .filter_map(|a| published_term_link(site, TaxonomyKind::PracticeArea, a))
            .collect(),
        tags: entry
            .tags
            .iter()
            .filter_map(|t| published_term_link(site, TaxonomyKind::Tag, t))
            .collect(),
        year: term_link(site, TaxonomyKind::Year, &entry.date.year().to_string()),
        voice_note: entry.voice_note.as_ref().map(|v| VoiceNoteView {
            src: site.settings.root_site_url(&v.src),
            duration_human: duration_human(strings, v.duration_seconds),
            mime: audio_mime(&v.src),
            transcript: &v.transcript,
        }),
        media_contact: entry
            .media_contact
            .as_ref()
            .or(site.settings.press_office.as_ref()),
        draft: entry.draft,
        text_url: (entry.kind == EntryKind::Story).then(|| {
            site.settings
                .site_url(&format!("{}story.txt", entry.path()))
        }),
    }
}

/// How many of the latest stories the press page shows.
pub(crate) const PRESS_STORIES: usize = 20;

/// A story on the press page: its card and what a journalist needs to use it.
#[derive(Serialize)]
pub(crate) struct PressItemView<'a> {
    #[serde(flatten)]
    pub(crate) card: CardView<'a>,
    pub(crate) canonical_url: String,
    /// The story's own contact, or the site's press office.
    pub(crate) media_contact: Option<&'a crate::model::Contact>,
    pub(crate) text_url: String,
}

/// The latest published stories for the press page, newest first.
pub(crate) fn press_items<'a>(site: &'a Site, strings: &Strings) -> Vec<PressItemView<'a>> {
    site.entries_of(EntryKind::Story)
        .take(PRESS_STORIES)
        .map(|(_, entry)| PressItemView {
            card: card(site, strings, entry),
            canonical_url: site.settings.absolute_url(&entry.path()),
            media_contact: entry
                .media_contact
                .as_ref()
                .or(site.settings.press_office.as_ref()),
            text_url: format!("{}story.txt", entry_url(site, entry)),
        })
        .collect()
}

fn duration_human(strings: &Strings, seconds: f64) -> String {
    let total = seconds.round() as u64;
    let (minutes, seconds) = (total / 60, total % 60);
    let values = [
        ("minutes", FluentValue::from(minutes)),
        ("seconds", FluentValue::from(seconds)),
    ];
    let id = match (minutes, seconds) {
        (0, _) => "duration-seconds",
        (_, 0) => "duration-minutes",
        _ => "duration-minutes-seconds",
    };
    strings.say_with(id, &values)
}

fn audio_mime(src: &str) -> &'static str {
    match src
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("mp3") => "audio/mpeg",
        Some("m4a") => "audio/mp4",
        Some("ogg") | Some("oga") => "audio/ogg",
        Some("wav") => "audio/wav",
        _ => "audio/mpeg",
    }
}

/// GOV.UK-style pagination: previous/next and page numbers with ellipses.
#[derive(Serialize, Debug)]
pub(crate) struct PaginationView {
    pub(crate) current: usize,
    pub(crate) total: usize,
    pub(crate) previous: Option<String>,
    pub(crate) next: Option<String>,
    pub(crate) items: Vec<PageItem>,
}

#[derive(Serialize, Debug)]
pub(crate) struct PageItem {
    pub(crate) number: usize,
    pub(crate) url: String,
    pub(crate) current: bool,
    pub(crate) ellipsis: bool,
}

/// `section_url` is the first page's URL (with base path), e.g. `/stories/`.
pub(crate) fn pagination(section_url: &str, current: usize, total: usize) -> PaginationView {
    let url = |n: usize| {
        if n == 1 {
            section_url.to_string()
        } else {
            format!("{section_url}page/{n}/")
        }
    };
    let mut items = Vec::new();
    let mut last_shown = 0;
    for n in 1..=total {
        let show = n == 1 || n == total || n.abs_diff(current) <= 1;
        if show {
            if last_shown != 0 && n > last_shown + 1 {
                items.push(PageItem {
                    number: 0,
                    url: String::new(),
                    current: false,
                    ellipsis: true,
                });
            }
            items.push(PageItem {
                number: n,
                url: url(n),
                current: n == current,
                ellipsis: false,
            });
            last_shown = n;
        }
    }
    PaginationView {
        current,
        total,
        previous: (current > 1).then(|| url(current - 1)),
        next: (current < total).then(|| url(current + 1)),
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_shows_neighbours_and_ends() {
        let view = pagination("/stories/", 5, 9);
        let numbers: Vec<_> = view
            .items
            .iter()
            .map(|i| if i.ellipsis { 0 } else { i.number })
            .collect();
        assert_eq!(numbers, vec![1, 0, 4, 5, 6, 0, 9]);
        assert_eq!(view.previous.as_deref(), Some("/stories/page/4/"));
        assert_eq!(view.next.as_deref(), Some("/stories/page/6/"));
        let first = pagination("/stories/", 1, 1);
        assert!(first.previous.is_none() && first.next.is_none());
    }

    #[test]
    fn dates_read_naturally() {
        let english = Strings::load("en-GB", None).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(english.date(jiff::civil::date(2026, 3, 2)), "2 March 2026");
    }

    #[test]
    fn voice_note_lengths_read_naturally_in_both_languages() {
        let english = Strings::load("en-GB", None).unwrap_or_else(|e| panic!("{e:?}"));
        let welsh = Strings::load("cy", None).unwrap_or_else(|e| panic!("{e:?}"));
        let read = |strings: &Strings| {
            [45.0, 60.0, 120.0, 95.4]
                .map(|seconds| duration_human(strings, seconds))
                .to_vec()
        };
        assert_eq!(
            read(&english),
            ["45 seconds", "1 minute", "2 minutes", "1 min 35 s"]
        );
        assert_eq!(
            read(&welsh),
            ["45 eiliad", "1 munud", "2 funud", "1 munud 35 eiliad"]
        );
    }
}
