//! Front matter as written: every field optional at this stage, so one file reports
//! every wrong, unknown, duplicated or missing field in a single run.
//!
//! A key is parsed on its own (`set`), so a wrong type in `date` does not hide a typo
//! in `summary`. Required fields are checked afterwards by the caller.

use std::path::Path;

use serde::Deserialize;
use serde_yaml::Value;

use super::locate;
use super::source::{Parts, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::util::LineIndex;
use crate::yaml::{explain_type_error, explain_value};

/// A person in front matter: a story author, a nominee or a nominator.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPerson {
    #[serde(default)]
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) role: String,
    #[serde(default)]
    pub(crate) organisation: String,
    #[serde(default)]
    pub(crate) anonymous: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawConsent {
    #[serde(default)]
    pub(crate) recorded: bool,
    #[serde(default)]
    pub(crate) by: String,
    #[serde(default)]
    pub(crate) date: Option<String>,
    #[serde(default)]
    pub(crate) expires: Option<String>,
    #[serde(default)]
    pub(crate) withdrawn: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawImage {
    #[serde(default)]
    pub(crate) src: String,
    pub(crate) alt: Option<String>,
    pub(crate) credit: Option<String>,
    #[serde(default)]
    pub(crate) decorative: bool,
    /// Where to crop for the social card, e.g. `top` or `30% 20%`.
    pub(crate) focus: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVoiceNote {
    #[serde(default)]
    pub(crate) src: String,
    pub(crate) duration_seconds: Option<f64>,
    pub(crate) transcript: Option<String>,
}

pub(crate) use crate::config::Contact as RawContact;

/// A YAML scalar written as text, a number or a date: titles like `2025 in review` and
/// unquoted dates both arrive as text without forcing writers to add quotes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Text(pub(crate) String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::String(s) => Ok(Text(s)),
            Value::Number(n) => Ok(Text(n.to_string())),
            Value::Bool(b) => Ok(Text(b.to_string())),
            Value::Sequence(_) => Err(serde::de::Error::custom(
                "invalid type: sequence, expected a string",
            )),
            Value::Mapping(_) => Err(serde::de::Error::custom(
                "invalid type: map, expected a string",
            )),
            _ => Err(serde::de::Error::custom(
                "invalid type: unit value, expected a string",
            )),
        }
    }
}

/// Declares a front matter struct whose fields are all optional, with a `set` that
/// parses one key, and the list of accepted keys for "did you mean" suggestions.
macro_rules! front_matter {
    ($(#[$doc:meta])* $name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Default, Clone)]
        pub(crate) struct $name { $(pub(crate) $field: Option<$ty>,)* }

        impl $name {
            pub(crate) const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// None for an unknown key; Some(Err) for a value of the wrong type.
            ///
            /// `lines` is the key's own text. A value that does not fit is read again from
            /// it: reading text is as lenient as the writer expects (`expires: 2025` is
            /// text), and when it still fails the error names the nested field
            /// (`authors[0].name`) and its place.
            fn set(&mut self, key: &str, value: Value, lines: Option<&str>) -> Option<Result<(), FieldError>> {
                match key {
                    $(stringify!($field) => Some(match serde_yaml::from_value::<$ty>(value) {
                        Ok(parsed) => {
                            self.$field = Some(parsed);
                            Ok(())
                        }
                        Err(error) => match lines.map(serde_yaml::from_str::<std::collections::BTreeMap<String, $ty>>) {
                            Some(Ok(mut read)) => match read.remove(key) {
                                Some(parsed) => {
                                    self.$field = Some(parsed);
                                    Ok(())
                                }
                                None => Err(FieldError { error, within_lines: false }),
                            },
                            Some(Err(error)) => Err(FieldError { error, within_lines: true }),
                            None => Err(FieldError { error, within_lines: false }),
                        },
                    }),)*
                    _ => None,
                }
            }
        }

        impl FrontMatter for $name {
            fn fields() -> &'static [&'static str] { Self::FIELDS }
            fn set_field(&mut self, key: &str, value: Value, lines: Option<&str>) -> Option<Result<(), FieldError>> {
                self.set(key, value, lines)
            }
        }
    };
}

front_matter!(
    /// A good-practice story's front matter.
    RawStory {
        title: Text, date: Text, updated: Text, summary: Text, council: Text, service: Text,
        practice_areas: Vec<Text>, tags: Vec<Text>, authors: Vec<RawPerson>, consent: RawConsent,
        image: RawImage, media_contact: RawContact, embargo: Text, draft: bool,
        sensitive_terms: Vec<Text>, slug: Text, aliases: Vec<Text>, allow_personal_data: Vec<Text>,
    }
);

front_matter!(
    /// A "My Brilliant Colleague" nomination's front matter.
    RawNomination {
        title: Text, date: Text, updated: Text, summary: Text, nominee: RawPerson,
        nominator: RawPerson, voice_note: RawVoiceNote, image: RawImage, embargo: Text,
        draft: bool, tags: Vec<Text>, council: Text, service: Text, practice_areas: Vec<Text>,
        sensitive_terms: Vec<Text>, slug: Text, aliases: Vec<Text>, allow_personal_data: Vec<Text>,
    }
);

front_matter!(
    /// A plain page's front matter (about, privacy, how to submit).
    RawPage { title: Text, summary: Text, slug: Text, draft: bool }
);

/// Implemented by the front matter structs so one parser serves all three.
pub(crate) trait FrontMatter: Default {
    fn fields() -> &'static [&'static str];
    fn set_field(
        &mut self,
        key: &str,
        value: Value,
        lines: Option<&str>,
    ) -> Option<Result<(), FieldError>>;
}

/// A value of the wrong kind.
#[derive(Debug)]
pub(crate) struct FieldError {
    pub(crate) error: serde_yaml::Error,
    /// The error comes from reading the key's own lines: its message starts with the
    /// path of the nested field, and its place is an offset into those lines.
    pub(crate) within_lines: bool,
}

/// A file's front matter as far as it could be read, with every problem found.
#[derive(Debug)]
pub(crate) struct Parsed<T> {
    pub(crate) raw: T,
    pub(crate) problems: Vec<Diagnostic>,
    /// False when the YAML could not be read at all. Every field then looks missing,
    /// and saying so would bury the one real mistake under a screenful of others.
    pub(crate) readable: bool,
    /// Keys already reported: written with a wrong value, or misspelt so that a
    /// "did you mean" names them. They are not reported again as missing.
    pub(crate) reported: Vec<String>,
    /// Keys written with nothing after the colon (`title:`), to be reported as empty
    /// at their own line rather than as missing.
    pub(crate) empty: Vec<String>,
}

/// Parses a file's front matter into `T`, collecting every problem.
pub(crate) fn parse<T: FrontMatter>(file: &SourceFile, parts: &Parts) -> Parsed<T> {
    let yaml = parts.yaml(&file.text);
    let place = Placer::new(file, parts);
    let mut parsed = Parsed {
        raw: T::default(),
        problems: Vec::new(),
        readable: true,
        reported: Vec::new(),
        empty: Vec::new(),
    };
    let mapping = match parse_mapping(file, parts, &place, yaml, &mut parsed.problems) {
        Some(mapping) => mapping,
        None => {
            parsed.readable = false;
            return parsed;
        }
    };
    let mut unknown = 0usize;
    for (key, value) in mapping {
        let Some(key) = key.as_str().map(str::to_string) else {
            continue;
        };
        let known = T::fields().contains(&key.as_str());
        if !known {
            unknown += 1;
            // Each one is looked up in the text; thousands would take minutes and
            // bury the message that matters.
            if unknown > MAX_UNKNOWN_FIELDS_REPORTED {
                continue;
            }
        }
        if value.is_null() {
            if known {
                parsed.empty.push(key);
            } else {
                parsed
                    .problems
                    .push(unknown_field(&place, yaml, &key, T::fields()));
            }
            continue;
        }
        let block = locate::key_block(yaml, &key);
        let lines = block.clone().map(|range| &yaml[range]);
        match parsed.raw.set_field(&key, value, lines) {
            None => {
                if let Some(meant) = crate::load::suggest(&key, T::fields()) {
                    parsed.reported.push(meant.to_string());
                }
                parsed
                    .problems
                    .push(unknown_field(&place, yaml, &key, T::fields()));
            }
            Some(Err(err)) => {
                let start = block.map_or(0, |range| range.start);
                parsed
                    .problems
                    .push(wrong_type(&place, yaml, &key, &err, start));
                parsed.reported.push(key);
            }
            Some(Ok(())) => {}
        }
    }
    if unknown > MAX_UNKNOWN_FIELDS_REPORTED {
        parsed.problems.push(
            Diagnostic::error(
                "PP0104",
                &file.path,
                format!(
                    "and {} more fields that are not part of the front matter",
                    unknown - MAX_UNKNOWN_FIELDS_REPORTED
                ),
            )
            .at(parts.yaml_first_line, 1, 1)
            .with_hint("this is usually text pasted between the --- lines by mistake"),
        );
    }
    parsed
}

/// How many unknown fields one file reports one by one before counting the rest.
const MAX_UNKNOWN_FIELDS_REPORTED: usize = 20;

/// How many keys written twice one file reports; each one costs a fresh read of the
/// front matter, so a pasted list of thousands must not take minutes.
const MAX_DUPLICATES_REPORTED: usize = 20;

/// The front matter as a mapping. A key written twice is reported at its second
/// place and left out, and the rest is read again, so one duplicate does not hide the
/// other problems of the file. None when the YAML cannot be read (already reported).
/// The front matter as plain YAML, for a file whose fields are not a fixed set (a
/// translation may repeat any field of its original). Problems are located in the file.
pub fn parse_any(
    file: &SourceFile,
    parts: &Parts,
) -> (Option<serde_yaml::Mapping>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let place = Placer::new(file, parts);
    let mapping = parse_mapping(file, parts, &place, parts.yaml(&file.text), &mut problems);
    (mapping, problems)
}

fn parse_mapping(
    file: &SourceFile,
    parts: &Parts,
    place: &Placer,
    yaml: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<serde_yaml::Mapping> {
    if yaml.trim().is_empty() {
        return Some(serde_yaml::Mapping::new());
    }
    if let Some(offset) = crate::util::too_many_flow_collections(yaml) {
        problems.push(
            place
                .at(
                    offset,
                    1,
                    Diagnostic::error(
                        "PP0107",
                        &file.path,
                        format!(
                            "the front matter has more than {} lists or groups in brackets ([ or {{), too many to read safely",
                            crate::util::MAX_YAML_FLOW_COLLECTIONS
                        ),
                    ),
                )
                .with_hint("write lists one item per line (`- item`) instead of inside brackets"),
        );
        return None;
    }
    let mut text = yaml.to_string();
    for _ in 0..=MAX_DUPLICATES_REPORTED {
        let err = match serde_yaml::from_str::<Value>(&text) {
            Ok(Value::Mapping(mapping)) => return Some(mapping),
            Ok(_) => {
                problems.push(
                    Diagnostic::error(
                        "PP0106",
                        &file.path,
                        "the front matter must be a list of `name: value` lines",
                    )
                    .at(parts.yaml_first_line, 1, 1)
                    .with_hint("write each detail on its own line, like `title: My story`"),
                );
                return None;
            }
            Err(err) => err,
        };
        match duplicate(&text, &err) {
            Some((key, parent, at, block)) => {
                let message = match parent {
                    Some(parent) => format!("`{key}` is written twice under `{parent}`"),
                    None => format!("`{key}` is written twice in the front matter"),
                };
                problems.push(
                    place
                        .at(
                            at,
                            key.chars().count(),
                            Diagnostic::error("PP0105", &file.path, message),
                        )
                        .with_hint(format!("keep one `{key}:` line and delete the other")),
                );
                // Spaces keep every later line and column where it was.
                let blank: String = text[block.clone()]
                    .chars()
                    .map(|c| if c == '\n' { '\n' } else { ' ' })
                    .collect();
                text.replace_range(block, &blank);
            }
            None => {
                let explained = crate::yaml::syntax::explain(&text, &err);
                problems.push(
                    place
                        .at(
                            explained.offset,
                            explained.length,
                            Diagnostic::error("PP0101", &file.path, explained.message),
                        )
                        .with_hint(explained.hint),
                );
                return None;
            }
        }
    }
    None
}

/// A duplicate key error: the key, the field it is under (if not top level), and the
/// later occurrence's offset and block in `yaml`.
fn duplicate(
    yaml: &str,
    err: &serde_yaml::Error,
) -> Option<(String, Option<String>, usize, std::ops::Range<usize>)> {
    let message = err.to_string();
    let core = message.split(" at line ").next().unwrap_or(&message);
    let (parent, rest) = match core.split_once(": duplicate entry with key ") {
        Some((parent, rest)) => (Some(parent), rest),
        None => (None, core.strip_prefix("duplicate entry with key ")?),
    };
    let key = rest.trim().trim_matches('"').to_string();
    let start = err.location().map_or(0, |l| l.index());
    let (at, block) = locate::later_duplicate(yaml, &key, start)?;
    // `authors[0]` names the list; which item is clear from the line shown.
    let parent = parent.map(|p| p.split('[').next().unwrap_or(p).to_string());
    Some((key, parent, at, block))
}

/// Turns offsets inside the YAML block into positions in the whole `.md` file.
struct Placer<'a> {
    yaml_start: usize,
    index: LineIndex<'a>,
}

impl<'a> Placer<'a> {
    fn new(file: &'a SourceFile, parts: &Parts) -> Self {
        Placer {
            yaml_start: parts.yaml_start,
            index: LineIndex::new(&file.text),
        }
    }

    fn at(&self, yaml_offset: usize, length: usize, diagnostic: Diagnostic) -> Diagnostic {
        let (line, column) = self.index.position(self.yaml_start + yaml_offset);
        diagnostic.at(line, column, length)
    }
}

fn unknown_field(place: &Placer, yaml: &str, key: &str, fields: &[&str]) -> Diagnostic {
    let offset = locate::key_offset(yaml, &[key]).unwrap_or(0);
    let diagnostic = Diagnostic::error(
        "PP0102",
        "",
        format!("`{key}` is not a field this kind of file can have"),
    );
    let hint = match crate::load::suggest(key, fields) {
        Some(better) => format!("did you mean `{better}`?"),
        None => format!("the fields allowed here are: {}", fields.join(", ")),
    };
    let mut diagnostic = place
        .at(offset, key.chars().count(), diagnostic)
        .with_hint(hint);
    diagnostic.file = Path::new("").to_path_buf();
    diagnostic
}

fn wrong_type(
    place: &Placer,
    yaml: &str,
    key: &str,
    err: &FieldError,
    lines_start: usize,
) -> Diagnostic {
    let full = err.error.to_string();
    let core = full.split(" at line ").next().unwrap_or(&full);
    let nested = err
        .within_lines
        .then(|| core.split_once(": "))
        .flatten()
        .filter(|(path, problem)| {
            !path.contains(' ') && (*path != key || problem.starts_with("unknown field "))
        });
    let (Some((path, problem)), Some(location)) = (nested, err.error.location()) else {
        // A top-level value: underline it when it is on the key's line.
        let problem = core.strip_prefix(&format!("{key}: ")).unwrap_or(core);
        let (offset, length) = match locate::value_on_key_line(yaml, &[key]) {
            Some(range) => (range.start, yaml[range].chars().count()),
            None => (
                locate::key_offset(yaml, &[key]).unwrap_or(0),
                key.chars().count(),
            ),
        };
        let (message, hint) = explain_type_error(key, problem);
        return place
            .at(offset, length, Diagnostic::error("PP0104", "", message))
            .with_hint(hint);
    };
    // "authors[0].name" → the field `name`, under `authors`.
    let segments: Vec<&str> = path
        .split('.')
        .map(|s| s.split('[').next().unwrap_or(s))
        .filter(|s| !s.is_empty())
        .collect();
    let field = segments.last().copied().unwrap_or(key);
    let label = if segments.len() > 1 {
        format!("`{field}` under `{key}`")
    } else {
        format!("`{key}`")
    };
    let offset = lines_start + location.index();
    if let Some(rest) = problem.strip_prefix("unknown field ") {
        let unknown = rest.split('`').nth(1).unwrap_or(rest);
        let allowed: Vec<&str> = rest
            .split_once("expected ")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let hint = match crate::load::suggest(unknown, &allowed) {
            Some(meant) => format!("did you mean `{meant}`?"),
            None => format!("the fields allowed here are: {}", allowed.join(", ")),
        };
        return place
            .at(
                offset,
                unknown.chars().count(),
                Diagnostic::error(
                    "PP0104",
                    "",
                    format!("`{unknown}` is not a field {label} can have"),
                ),
            )
            .with_hint(hint);
    }
    let (message, hint) = explain_value(&label, field, problem);
    place
        .at(offset, 1, Diagnostic::error("PP0104", "", message))
        .with_hint(hint)
}

/// Gives diagnostics made without a file the file's path.
pub(crate) fn with_file(mut problems: Vec<Diagnostic>, file: &Path) -> Vec<Diagnostic> {
    for problem in &mut problems {
        if problem.file.as_os_str().is_empty() {
            problem.file = file.to_path_buf();
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::source::split_front_matter;

    fn parse_story(text: &str) -> (RawStory, Vec<Diagnostic>) {
        let file = SourceFile::from_bytes(Path::new("s.md"), text.as_bytes().to_vec()).unwrap();
        let parts = split_front_matter(&file).unwrap();
        let parsed = parse::<RawStory>(&file, &parts);
        (parsed.raw, with_file(parsed.problems, &file.path))
    }

    #[test]
    fn every_problem_in_a_file_is_reported() {
        let (_, problems) = parse_story("---\ntitle: [a, b]\ntitel: x\ndraft: maybe\n---\n");
        let codes: Vec<_> = problems.iter().map(|p| (p.code, p.line)).collect();
        assert_eq!(codes, vec![("PP0104", 2), ("PP0102", 3), ("PP0104", 4)]);
        assert_eq!(
            problems[0].message,
            "`title` should be text, but it is a list"
        );
        assert_eq!(problems[1].hint.as_deref(), Some("did you mean `title`?"));
        assert_eq!(problems[1].file, Path::new("s.md"));
    }

    #[test]
    fn duplicate_keys_point_at_the_second_one() {
        let (_, problems) = parse_story("---\ntitle: a\nsummary: s\ntitle: b\n---\n");
        assert_eq!(problems[0].code, "PP0105");
        assert_eq!((problems[0].line, problems[0].column), (4, 1));
    }

    #[test]
    fn duplicates_at_any_depth_are_each_reported_and_the_rest_is_read() {
        let (raw, problems) = parse_story(
            "---\ntitle: a\nconsent:\n  date: 2024-01-01\n  date: 2024-01-02\ntitle: b\nsummary: [x]\n---\n",
        );
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.code, p.line, p.column, p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("PP0105", 5, 3, "`date` is written twice under `consent`"),
                (
                    "PP0105",
                    6,
                    1,
                    "`title` is written twice in the front matter"
                ),
                (
                    "PP0104",
                    7,
                    10,
                    "`summary` should be text, but it is a list"
                ),
            ]
        );
        assert_eq!(raw.title, Some(Text("a".into())));
    }

    #[test]
    fn yaml_syntax_errors_use_file_lines() {
        let (_, problems) = parse_story("---\ntitle: a\nsummary: \"unclosed\n---\n");
        assert_eq!(problems[0].code, "PP0101");
        assert_eq!((problems[0].line, problems[0].column), (3, 10));
    }

    #[test]
    fn unreadable_front_matter_says_so() {
        let file =
            SourceFile::from_bytes(Path::new("s.md"), b"---\ntitle: \"a\n---\n".to_vec()).unwrap();
        let parts = split_front_matter(&file).unwrap();
        let parsed = parse::<RawStory>(&file, &parts);
        assert!(!parsed.readable);
        assert_eq!(parsed.problems.len(), 1);
    }

    #[test]
    fn empty_and_misspelt_keys_are_remembered() {
        let file = SourceFile::from_bytes(
            Path::new("s.md"),
            b"---\ntitle:\ndaet: 2024-01-01\nsummary: [a]\nzzz:\n---\n".to_vec(),
        )
        .unwrap();
        let parts = split_front_matter(&file).unwrap();
        let parsed = parse::<RawStory>(&file, &parts);
        assert_eq!(parsed.empty, vec!["title"]);
        assert_eq!(parsed.reported, vec!["date", "summary"]);
        let codes: Vec<_> = parsed.problems.iter().map(|p| (p.code, p.line)).collect();
        assert_eq!(codes, vec![("PP0102", 3), ("PP0104", 4), ("PP0102", 5)]);
    }

    #[test]
    fn numbers_and_dates_are_accepted_as_text() {
        let (raw, problems) = parse_story("---\ntitle: 2025\ndate: 2025-01-02\n---\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(raw.title, Some(Text("2025".into())));
        assert_eq!(raw.date, Some(Text("2025-01-02".into())));
    }

    #[test]
    fn nested_wrong_values_name_the_nested_field_at_its_place() {
        let (_, problems) = parse_story(
            "---\nauthors:\n  - name: [Sam, Jones]\n    anonymus: true\nimage:\n  src: /media/a.jpg\n  alt: [a]\n---\n",
        );
        let found: Vec<_> = problems
            .iter()
            .map(|p| {
                (
                    p.line,
                    p.column,
                    p.message.as_str(),
                    p.hint.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    3,
                    11,
                    "`name` under `authors` should be text, but it is a list",
                    "write it on one line, like `name: Some words`"
                ),
                (
                    7,
                    8,
                    "`alt` under `image` should be text, but it is a list",
                    "write it on one line, like `alt: Some words`"
                ),
            ]
        );
    }

    #[test]
    fn a_nested_misspelt_field_suggests_the_right_one() {
        let (_, problems) = parse_story("---\nauthors:\n  - name: Sam\n    anonymus: true\n---\n");
        assert_eq!(
            (
                problems[0].line,
                problems[0].column,
                problems[0].message.as_str()
            ),
            (4, 5, "`anonymus` is not a field `authors` can have")
        );
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("did you mean `anonymous`?")
        );
    }

    #[test]
    fn numbers_written_where_text_is_expected_are_read_as_text() {
        let (raw, problems) =
            parse_story("---\nconsent:\n  recorded: true\n  by: 123\n  expires: 2025\n---\n");
        assert!(problems.is_empty(), "{problems:?}");
        let consent = raw.consent.unwrap();
        assert_eq!(
            (consent.by.as_str(), consent.expires.as_deref()),
            ("123", Some("2025"))
        );
    }

    #[test]
    fn nested_missing_fields_are_explained() {
        let (_, problems) = parse_story("---\nauthors:\n  - name: A\n    rank: b\n---\n");
        assert_eq!((problems[0].line, problems[0].column), (4, 5));
        assert!(
            problems[0].message.contains("`rank`"),
            "{}",
            problems[0].message
        );
    }
}
