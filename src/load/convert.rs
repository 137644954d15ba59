//! Raw front matter → the public model, checking required fields and dates on the way.
//!
//! Names of anonymous people are taken out here into [`Private`], which only the
//! validate stage reads; the public [`Entry`] never holds them.

use jiff::civil::Date;
use jiff::Timestamp;

use super::front_matter::{
    RawConsent, RawImage, RawNomination, RawPerson, RawStory, RawVoiceNote, Text,
};
use super::locate;
use super::source::{Parts, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::model::{Consent, Entry, EntryKind, Focus, Image, People, Person, VoiceNote};
use crate::util::{slugify, LineIndex};

/// What validation needs to know about a file that must never be published.
#[derive(Debug, Clone, Default)]
pub struct Private {
    /// Full names of the file's anonymous people.
    pub anonymous_names: Vec<String>,
    pub sensitive_terms: Vec<String>,
    pub(crate) allow_personal_data: Vec<String>,
    /// Who recorded consent (kept for the check, not shown).
    pub(crate) consent_recorded_by: Option<String>,
}

/// Converts located raw values, reporting problems against the file's own lines.
pub(crate) struct Converter<'a> {
    pub(crate) file: &'a SourceFile,
    pub(crate) parts: &'a Parts,
    index: LineIndex<'a>,
    pub(crate) problems: Vec<Diagnostic>,
    /// False when the front matter could not be read; nothing is then reported missing.
    pub(crate) readable: bool,
    /// Keys whose problem has been reported already (see [`super::front_matter::Parsed`]).
    pub(crate) reported: Vec<String>,
    /// Keys written with no value.
    pub(crate) empty: Vec<String>,
}

impl<'a> Converter<'a> {
    pub(crate) fn new(file: &'a SourceFile, parts: &'a Parts) -> Self {
        Converter {
            file,
            parts,
            index: LineIndex::new(&file.text),
            problems: Vec::new(),
            readable: true,
            reported: Vec::new(),
            empty: Vec::new(),
        }
    }

    /// Takes the problems and what is known about the keys from parsed front matter,
    /// returning the raw values.
    pub(crate) fn take<T>(&mut self, parsed: super::front_matter::Parsed<T>) -> T {
        self.problems.extend(parsed.problems);
        self.readable = parsed.readable;
        self.reported = parsed.reported;
        self.empty = parsed.empty;
        parsed.raw
    }

    /// Whether a key path is written in the front matter at all.
    pub(crate) fn has_key(&self, path: &[&str]) -> bool {
        locate::key_offset(self.yaml(), path).is_some()
    }

    fn yaml(&self) -> &'a str {
        self.parts.yaml(&self.file.text)
    }

    /// A diagnostic at a key path of the front matter (or at the opening `---`).
    pub(crate) fn at_key(&self, path: &[&str], code: &'static str, message: String) -> Diagnostic {
        let diagnostic = Diagnostic::error(code, &self.file.path, message);
        match locate::key_offset(self.yaml(), path) {
            Some(offset) => {
                let (line, column) = self.index.position(self.parts.yaml_start + offset);
                let length = path.last().map_or(1, |k| k.chars().count());
                diagnostic.at(line, column, length)
            }
            None => diagnostic.at(1, 1, 3),
        }
    }

    /// A diagnostic at the value written on a key's line (`date: 2024-13-01` underlines
    /// the date), or at the key when the value is on later lines.
    pub(crate) fn at_value_of(
        &self,
        path: &[&str],
        code: &'static str,
        message: String,
    ) -> Diagnostic {
        match locate::value_on_key_line(self.yaml(), path) {
            Some(range) => {
                let (line, column) = self.index.position(self.parts.yaml_start + range.start);
                let length = self.yaml()[range].chars().count();
                Diagnostic::error(code, &self.file.path, message).at(line, column, length)
            }
            None => self.at_key(path, code, message),
        }
    }

    /// A diagnostic at a value inside a top-level key's block, or at the key itself.
    pub(crate) fn at_value(
        &self,
        key: &str,
        value: &str,
        code: &'static str,
        message: String,
    ) -> Diagnostic {
        match locate::value_offset(self.yaml(), key, value) {
            Some(offset) => {
                let (line, column) = self.index.position(self.parts.yaml_start + offset);
                Diagnostic::error(code, &self.file.path, message).at(
                    line,
                    column,
                    value.chars().count(),
                )
            }
            None => self.at_key(&[key], code, message),
        }
    }

    /// Reports a required field that is not there, at the opening `---` (there is no
    /// line of its own to point at), or at its line when it is written with no value.
    pub(crate) fn missing(&mut self, key: &str, example: &str) {
        if !self.readable || self.reported.iter().any(|k| k == key) {
            return;
        }
        if self.empty.iter().any(|k| k == key) {
            let diagnostic = self
                .at_key(&[key], "PP0210", format!("`{key}` is empty"))
                .with_hint(format!(
                    "write something after `{key}:`, e.g. `{key}: {example}`"
                ));
            self.problems.push(diagnostic);
            return;
        }
        let diagnostic = Diagnostic::error(
            "PP0103",
            &self.file.path,
            format!("the required field `{key}` is missing"),
        )
        .at(1, 1, 3)
        .with_hint(format!(
            "add a line such as `{key}: {example}` between the --- lines"
        ));
        self.problems.push(diagnostic);
    }

    fn required_text(&mut self, value: Option<Text>, key: &str, example: &str) -> Option<String> {
        match value.map(|t| t.0.trim().to_string()) {
            Some(text) if !text.is_empty() => Some(text),
            Some(_) => {
                let diagnostic = self
                    .at_key(&[key], "PP0210", format!("`{key}` is empty"))
                    .with_hint(format!(
                        "write something after `{key}:`, e.g. `{key}: {example}`"
                    ));
                self.problems.push(diagnostic);
                None
            }
            None => {
                self.missing(key, example);
                None
            }
        }
    }

    fn date(&mut self, value: &str, path: &[&str]) -> Option<Date> {
        match parse_date(value) {
            Ok((date, _)) => Some(date),
            Err(reason) => {
                let diagnostic = self
                    .at_value_of(
                        path,
                        "PP0203",
                        format!("`{}` is not a real date: {reason}", value),
                    )
                    .with_hint(
                        "write the date as YYYY-MM-DD, for example 2026-03-02 for 2 March 2026",
                    );
                self.problems.push(diagnostic);
                None
            }
        }
    }

    fn timestamp(&mut self, value: &str, key: &str) -> Option<Timestamp> {
        match value.parse::<Timestamp>() {
            Ok(ts) if has_explicit_offset(value) => Some(ts),
            _ => {
                let diagnostic = self
                    .at_value_of(&[key], "PP0209", format!("`{key}` must be a date and time with its time zone, but it is `{value}`"))
                    .with_hint(format!("write it like `{key}: 2026-03-02T09:00:00+00:00` (09:00 UK winter time); use +01:00 in British Summer Time"));
                self.problems.push(diagnostic);
                None
            }
        }
    }

    fn slug(&mut self, explicit: Option<Text>) -> String {
        let stem = self
            .file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match explicit {
            Some(Text(slug)) => {
                let clean = slugify(&slug);
                if clean.is_empty() {
                    self.problems.push(self.no_address(true));
                } else if clean != slug {
                    let diagnostic = self
                        .at_key(&["slug"], "PP0211", format!("the slug `{slug}` can only use lower-case letters, digits and hyphens"))
                        .with_hint(format!("use `slug: {clean}`"));
                    self.problems.push(diagnostic);
                }
                clean
            }
            None => {
                let slug = slugify(&stem);
                if slug.is_empty() {
                    self.problems.push(self.no_address(false));
                }
                slug
            }
        }
    }

    /// A file whose name (or `slug:`) has no letter or digit a web address can use, such
    /// as `日本語.md` or `...md`, would be published at `/stories//`.
    pub(crate) fn no_address(&self, explicit: bool) -> Diagnostic {
        let message = if explicit {
            "the `slug` has no letters or digits a web address can use, so this file has no address"
        } else {
            "the file name has no letters or digits a web address can use, so this file has no address"
        };
        let diagnostic = if explicit {
            self.at_key(&["slug"], "PP0212", message.into())
        } else {
            Diagnostic::error("PP0212", &self.file.path, message).at(1, 1, 3)
        };
        diagnostic.with_hint("add a line such as `slug: family-time-at-the-kitchen-table` (a-z, 0-9 and hyphens) between the --- lines, or rename the file")
    }
}

fn has_explicit_offset(value: &str) -> bool {
    let time = value.split_once('T').map_or("", |(_, t)| t);
    time.ends_with('Z') || time.ends_with('z') || time.contains('+') || time.rfind('-').is_some()
}

/// A `YYYY-MM-DD` date or an RFC 3339 date-time; the timestamp is midnight UTC for a date.
pub(crate) fn parse_date(value: &str) -> Result<(Date, Timestamp), String> {
    let value = value.trim();
    if value.len() > 10 {
        let ts: Timestamp = value.parse().map_err(|_| {
            "use YYYY-MM-DD, or a full date and time like 2026-03-02T09:00:00+00:00".to_string()
        })?;
        let date = ts.to_zoned(jiff::tz::TimeZone::UTC).date();
        return Ok((date, ts));
    }
    let mut parts = value.splitn(3, '-');
    let mut number = |name: &str| -> Result<i64, String> {
        parts
            .next()
            .and_then(|p| p.parse::<i64>().ok())
            .ok_or_else(|| format!("the {name} is missing or not a number"))
    };
    let (year, month, day) = (number("year")?, number("month")?, number("day")?);
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    let date = i16::try_from(year)
        .ok()
        .and_then(|y| Date::new(y, month as i8, i8::try_from(day).ok()?).ok())
        .ok_or_else(|| format!("day {day} does not exist in that month"))?;
    let ts = date
        .to_zoned(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp())
        .map_err(|err| err.to_string())?;
    Ok((date, ts))
}

fn texts(values: Option<Vec<Text>>) -> Vec<String> {
    values
        .unwrap_or_default()
        .into_iter()
        .map(|t| t.0.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

fn optional_text(value: Option<Text>) -> Option<String> {
    value
        .map(|t| t.0.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// The parts every entry shares, converted once for stories and nominations alike.
struct Common {
    title: Option<String>,
    date: Option<(Date, Timestamp)>,
    updated: Option<Date>,
    embargo: Option<Timestamp>,
    slug: String,
}

impl Converter<'_> {
    fn common(
        &mut self,
        title: Option<Text>,
        date: Option<Text>,
        updated: Option<Text>,
        embargo: Option<Text>,
        slug: Option<Text>,
    ) -> Common {
        let title = self.required_text(title, "title", "Family time at the kitchen table");
        let date = match self.required_text(date, "date", "2026-03-02") {
            Some(text) => match parse_date(&text) {
                Ok(parsed) => Some(parsed),
                Err(_) => {
                    self.date(&text, &["date"]);
                    None
                }
            },
            None => None,
        };
        let updated = optional_text(updated).and_then(|text| self.date(&text, &["updated"]));
        let embargo = optional_text(embargo).and_then(|text| self.timestamp(&text, "embargo"));
        let slug = self.slug(slug);
        Common {
            title,
            date,
            updated,
            embargo,
            slug,
        }
    }

    fn person(
        &mut self,
        raw: RawPerson,
        key: &str,
        organisation: &str,
        private: &mut Private,
    ) -> Person {
        if raw.name.trim().is_empty() {
            let diagnostic = self
                .at_key(&[key], "PP0103", format!("`{key}` has no `name`"))
                .with_hint("names are needed to accept the entry; set `anonymous: true` to keep the name off the published site");
            self.problems.push(diagnostic);
        }
        if raw.role.trim().is_empty() {
            let diagnostic = self
                .at_key(&[key], "PP0103", format!("`{key}` has no `role`"))
                .with_hint("add a role such as `role: Social worker`: it is shown publicly, and instead of the name when anonymous");
            self.problems.push(diagnostic);
        }
        let organisation = if raw.organisation.trim().is_empty() {
            organisation.to_string()
        } else {
            raw.organisation.trim().to_string()
        };
        let name = raw.name.trim().to_string();
        if raw.anonymous && !name.is_empty() {
            private.anonymous_names.push(name.clone());
        }
        Person::public(
            name,
            raw.role.trim().to_string(),
            organisation,
            raw.anonymous,
        )
    }

    fn image(&mut self, raw: Option<RawImage>) -> Option<Image> {
        let raw = raw?;
        Some(Image {
            src: raw.src.trim().to_string(),
            alt: raw.alt.unwrap_or_default().trim().to_string(),
            credit: raw.credit.unwrap_or_default().trim().to_string(),
            decorative: raw.decorative,
            focus: self.focus(raw.focus.as_deref()),
            alt_language: None,
        })
    }

    fn focus(&mut self, raw: Option<&str>) -> Focus {
        let Some(text) = raw else {
            return Focus::default();
        };
        Focus::parse(text).unwrap_or_else(|| {
            let diagnostic = self
                .at_value_of(
                    &["image", "focus"],
                    "PP0104",
                    format!("the image `focus` “{text}” is not a place in the photo"),
                )
                .with_hint("write where the important part of the photo is: `top`, `bottom`, `left`, `right`, `center`, two of them such as `top left`, or two percentages across then down, such as `30% 20%`");
            self.problems.push(diagnostic);
            Focus::default()
        })
    }

    fn consent(&mut self, raw: Option<RawConsent>, private: &mut Private) -> Option<Consent> {
        let raw = raw?;
        private.consent_recorded_by = Some(raw.by.trim().to_string());
        let date = raw
            .date
            .as_deref()
            .and_then(|d| self.date(d, &["consent", "date"]));
        let expires = raw
            .expires
            .as_deref()
            .and_then(|d| self.date(d, &["consent", "expires"]));
        Some(Consent {
            recorded: raw.recorded,
            date,
            expires,
            withdrawn: raw.withdrawn,
        })
    }

    fn voice_note(&mut self, raw: Option<RawVoiceNote>) -> Option<VoiceNote> {
        let raw = raw?;
        Some(VoiceNote {
            src: raw.src.trim().to_string(),
            duration_seconds: raw.duration_seconds.unwrap_or(0.0),
            transcript: raw.transcript.unwrap_or_default().trim().to_string(),
        })
    }

    /// A story. When a required field is missing (already reported) the entry is
    /// still made, with blanks in its place, and marked incomplete: the other rules can
    /// then check it, but it is never published.
    pub(crate) fn story(&mut self, raw: RawStory, body: String, body_line: usize) -> Converted {
        let mut private = Private {
            sensitive_terms: texts(raw.sensitive_terms),
            allow_personal_data: texts(raw.allow_personal_data),
            ..Private::default()
        };
        let common = self.common(raw.title, raw.date, raw.updated, raw.embargo, raw.slug);
        let summary = self.required_text(
            raw.summary,
            "summary",
            "One or two sentences for listings and previews",
        );
        let council = self.required_text(raw.council, "council", "Anytown Council");
        let service = self.required_text(raw.service, "service", "children");
        let council_name = council.clone().unwrap_or_default();
        let authors = match raw.authors {
            Some(list) if !list.is_empty() => list
                .into_iter()
                .map(|a| self.person(a, "authors", &council_name, &mut private))
                .collect(),
            _ => {
                self.missing("authors", "[{ name: Your Name, role: Social worker }]");
                Vec::new()
            }
        };
        let draft = raw.draft.unwrap_or(false);
        let consent = self.consent(raw.consent, &mut private);
        if consent.is_none() && !draft {
            self.missing(
                "consent",
                "{ recorded: true, by: Team manager, date: 2026-01-10 }",
            );
        }
        let image = self.image(raw.image);
        let complete = common.date.is_some() && common.title.is_some() && summary.is_some();
        let (date, published) = common.date.unwrap_or_default();
        Converted {
            entry: Entry {
                kind: EntryKind::Story,
                source: self.file.path.clone(),
                slug: common.slug,
                title: common.title.unwrap_or_default(),
                summary: summary.unwrap_or_default(),
                date,
                published,
                updated: common.updated,
                council,
                service,
                practice_areas: texts(raw.practice_areas),
                tags: texts(raw.tags),
                people: People::Story { authors },
                consent,
                image,
                media_contact: raw.media_contact,
                voice_note: None,
                embargo: common.embargo,
                draft,
                aliases: texts(raw.aliases),
                body: body.into(),
                body_line,
                text_language: None,
            },
            private,
            complete,
        }
    }

    /// A nomination; like [`Converter::story`], incomplete when a required field is
    /// missing.
    pub(crate) fn nomination(
        &mut self,
        raw: RawNomination,
        body: String,
        body_line: usize,
    ) -> Converted {
        let mut private = Private {
            sensitive_terms: texts(raw.sensitive_terms),
            allow_personal_data: texts(raw.allow_personal_data),
            ..Private::default()
        };
        let common = self.common(raw.title, raw.date, raw.updated, raw.embargo, raw.slug);
        let council = optional_text(raw.council);
        let default_org = council.clone().unwrap_or_default();
        let nominee = match raw.nominee {
            Some(p) => Some(self.person(p, "nominee", &default_org, &mut private)),
            None => {
                self.missing(
                    "nominee",
                    "{ name: Their Name, role: Social worker, organisation: Anytown Council }",
                );
                None
            }
        };
        let nominator = match raw.nominator {
            Some(p) => Some(self.person(p, "nominator", &default_org, &mut private)),
            None => {
                self.missing(
                    "nominator",
                    "{ name: Your Name, role: Team manager, organisation: Anytown Council }",
                );
                None
            }
        };
        let summary = optional_text(raw.summary).unwrap_or_else(|| summary_from_body(&body));
        let image = self.image(raw.image);
        let voice_note = self.voice_note(raw.voice_note);
        let complete = common.date.is_some()
            && common.title.is_some()
            && nominee.is_some()
            && nominator.is_some();
        let (date, published) = common.date.unwrap_or_default();
        let nobody = || Person::public(String::new(), String::new(), String::new(), false);
        Converted {
            entry: Entry {
                kind: EntryKind::Nomination,
                source: self.file.path.clone(),
                slug: common.slug,
                title: common.title.unwrap_or_default(),
                summary,
                date,
                published,
                updated: common.updated,
                council,
                service: optional_text(raw.service),
                practice_areas: texts(raw.practice_areas),
                tags: texts(raw.tags),
                people: People::Nomination {
                    nominee: nominee.unwrap_or_else(nobody),
                    nominator: nominator.unwrap_or_else(nobody),
                },
                consent: None,
                image,
                media_contact: None,
                voice_note,
                embargo: common.embargo,
                draft: raw.draft.unwrap_or(false),
                aliases: texts(raw.aliases),
                body: body.into(),
                body_line,
                text_language: None,
            },
            private,
            complete,
        }
    }
}

/// A converted story or nomination.
#[derive(Debug)]
pub(crate) struct Converted {
    pub(crate) entry: Entry,
    pub(crate) private: Private,
    /// False when a required field is missing or unreadable: the entry has blanks and
    /// must never be published, though every other rule still checks it.
    pub(crate) complete: bool,
}

/// The first sentences of a nomination, up to about 200 characters, for listings.
pub(crate) fn summary_from_body(body: &str) -> String {
    let text: String = body
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with(['#', '<', '>', '|', '!']))
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.replace(['*', '_', '`'], "");
    if text.chars().count() <= 200 {
        return text;
    }
    let cut: String = text.chars().take(200).collect();
    match cut.rfind(". ") {
        Some(end) if end > 80 => cut[..=end].to_string(),
        _ => format!("{}…", cut.trim_end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_are_refused() {
        assert!(parse_date("2024-13-01").unwrap_err().contains("month 13"));
        assert!(parse_date("2023-02-29").unwrap_err().contains("day 29"));
        assert_eq!(
            parse_date("2024-02-29").unwrap().0,
            Date::new(2024, 2, 29).unwrap()
        );
        assert!(parse_date("2026-03-02T09:00:00+00:00").is_ok());
    }

    #[test]
    fn embargo_needs_an_offset() {
        assert!(has_explicit_offset("2026-03-02T09:00:00+00:00"));
        assert!(has_explicit_offset("2026-03-02T09:00:00Z"));
        assert!(!has_explicit_offset("2026-03-02T09:00:00"));
    }

    #[test]
    fn summaries_from_bodies_stop_at_a_sentence() {
        let body = "# Heading\n\nShe listened. ".to_string() + &"Word ".repeat(60);
        let summary = summary_from_body(&body);
        assert!(summary.starts_with("She listened."));
        assert!(summary.chars().count() <= 201);
    }
}
