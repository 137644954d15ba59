//! `practice-press new story|nomination`: a new content file built from answers.
//!
//! Most writers have never seen YAML, so they never write it here: each field is a
//! question (asked in the terminal, or answered by a flag for scripts), every answer is
//! checked as it is given with a plain-English reason, and the front matter is
//! serialised by serde_yaml from a struct so quoting is never the writer's problem.
//! The file passes `check` except for the body, which only the writer can write, and
//! which `check` reports (PP0213 for a story with no text, PP0301 for a short
//! nomination).
//!
//! Questions and answers go through [`Asker`], which takes its input and output as
//! trait objects so the whole conversation can be tested with scripted text.

mod asker;
mod files;
mod interviews;
mod questions;
mod translation;
mod writer;

pub(crate) use crate::rules::Vocabulary;
#[cfg(test)]
pub(crate) use crate::rules::{blank_nomination_template, blank_story_template};
pub(crate) use asker::{Asker, Console};
pub(crate) use files::NewFile;
#[cfg(test)]
pub(crate) use files::{safe_slug, story_file, ConsentFile, PersonFile, StoryFile};
pub(crate) use interviews::{ask_nomination, ask_story};
#[cfg(test)]
pub(crate) use questions::{Answer, Expect, Question};
pub(crate) use translation::{translation_file, write_translation};
pub(crate) use writer::write_new_file;

use crate::config::Settings;
use crate::load::load_library;
use crate::util::FsError;

/// What went wrong while making a new file.
#[derive(Debug, thiserror::Error)]
pub(crate) enum NewError {
    /// Interactive input ran out before every question had an answer.
    #[error("the answers ended before every question was answered; nothing was written")]
    InputEnded,
    /// With `--no-input`: values missing or wrong, each explained.
    #[error("some details are missing or wrong; nothing was written:\n{}", .0.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<String>),
    /// A translation that cannot be started, and why.
    #[error("{0}")]
    Refused(String),
    #[error("cannot talk to the terminal: {0}")]
    Terminal(#[source] std::io::Error),
    #[error(transparent)]
    Fs(#[from] FsError),
}

impl Vocabulary {
    /// The site's vocabularies and the councils its content already names.
    pub(crate) fn of_site(settings: &Settings) -> Vocabulary {
        let library = load_library(settings);
        let mut councils: Vec<String> = library
            .documents
            .iter()
            .filter_map(|d| d.entry.council.clone())
            .collect();
        councils.sort();
        councils.dedup();
        Vocabulary {
            services: settings.services.clone(),
            practice_areas: settings.practice_areas.clone(),
            councils,
            nominations: settings.nominations.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{comments, story_guidance, NominationRules};
    use interviews::{date_question, service_question, text_question};
    use std::collections::BTreeMap;
    use std::path::Path;

    fn vocab() -> Vocabulary {
        Vocabulary {
            services: vec!["children".into(), "adults".into()],
            practice_areas: vec!["supervision".into(), "advocacy".into()],
            councils: vec!["Anytown Council".into()],
            nominations: NominationRules::default(),
        }
    }

    /// Runs one question against scripted input; returns the answer and the transcript.
    fn converse(question: &Question, input: &str) -> (Result<Answer, NewError>, String) {
        let mut input = input.as_bytes();
        let mut output = Vec::new();
        let answer = {
            let console = Console {
                input: &mut input,
                output: &mut output,
            };
            Asker::new(BTreeMap::new(), Some(console)).ask(question)
        };
        (answer, String::from_utf8_lossy(&output).into_owned())
    }

    #[test]
    fn impossible_dates_are_asked_again_with_the_reason() {
        let q = Question::new("date", "When?", Expect::Date { required: true });
        let (answer, said) = converse(&q, "2024-13-01\n2024-02-29\n");
        assert_eq!(
            answer.unwrap(),
            Answer::Date(jiff::civil::date(2024, 2, 29))
        );
        assert!(said.contains("there is no month 13"), "{said}");
    }

    #[test]
    fn choices_take_a_number_or_a_value_and_suggest_near_misses() {
        let q = service_question(&vocab(), true);
        let (answer, said) = converse(&q, "adlts\n7\n2\n");
        assert_eq!(answer.unwrap(), Answer::Text("adults".into()));
        assert!(said.contains("Did you mean `adults`?"), "{said}");
        assert!(said.contains("no number 7"), "{said}");
        assert!(said.contains(" 1. children"), "{said}");
    }

    #[test]
    fn defaults_apply_on_enter_and_end_of_input_is_an_error() {
        let q = date_question(jiff::civil::date(2026, 3, 2), "When?");
        let (answer, _) = converse(&q, "\n");
        assert_eq!(answer.unwrap(), Answer::Date(jiff::civil::date(2026, 3, 2)));
        let q = text_question("title", "Title?", Some(5));
        let (answer, said) = converse(&q, "too long a title\n");
        assert!(matches!(answer, Err(NewError::InputEnded)));
        assert!(said.contains("keep it to 5 or fewer"), "{said}");
    }

    #[test]
    fn several_practice_areas_by_number_and_name() {
        let q = Question::new(
            "practice_areas",
            "Areas?",
            Expect::Choices {
                options: vocab().practice_areas,
            },
        );
        assert_eq!(
            q.parse("2, Supervision, 2").unwrap(),
            Answer::List(vec!["advocacy".into(), "supervision".into()])
        );
        assert!(q.parse("1, plumbing").unwrap_err().contains("`plumbing`"));
        assert_eq!(q.parse("  ").unwrap(), Answer::Blank);
    }

    #[test]
    fn yes_and_no_in_their_usual_forms() {
        let q = Question::new("consent", "Agreed?", Expect::YesNo);
        assert_eq!(q.parse("Y").unwrap(), Answer::Bool(true));
        assert_eq!(q.parse("no").unwrap(), Answer::Bool(false));
        assert!(q.parse("maybe").unwrap_err().contains("yes or no"));
    }

    #[test]
    fn without_input_every_missing_flag_is_reported_at_once() {
        let mut asker = Asker::new(BTreeMap::new(), None);
        let today = jiff::civil::date(2026, 3, 2);
        let result = ask_story(&mut asker, &vocab(), today);
        let Err(NewError::Invalid(problems)) = result else {
            panic!("expected missing flags, got {result:?}");
        };
        let text = problems.join("\n");
        for flag in [
            "--title",
            "--summary",
            "--council",
            "--service",
            "--author-name",
            "--consent ",
        ] {
            assert!(text.contains(flag), "{flag} missing from {text}");
        }
        assert!(!text.contains("--date"), "date has a default: {text}");
    }

    #[test]
    fn wrong_flags_are_explained() {
        let preset = BTreeMap::from([("date".to_string(), "2024-13-01".to_string())]);
        let mut asker = Asker::new(preset, None);
        let _ = asker.ask(&date_question(jiff::civil::date(2026, 1, 1), "When?"));
        let Err(NewError::Invalid(problems)) = asker.finish() else {
            panic!("expected a problem");
        };
        assert!(problems[0].starts_with("--date: `2024-13-01` is not a real date"));
    }

    #[test]
    fn front_matter_survives_awkward_text() {
        let title = "Family time: \"what worked\" #1 – it's O'Brien's idea";
        let file = StoryFile {
            title: title.into(),
            date: "2026-03-02".into(),
            summary: "- starts like a list: and has colons".into(),
            council: "yes".into(),
            service: "children".into(),
            practice_areas: vec![],
            tags: vec!["null".into(), "1.5".into()],
            authors: vec![PersonFile {
                name: "Sam".into(),
                role: "@role".into(),
                organisation: String::new(),
                anonymous: false,
            }],
            consent: ConsentFile {
                recorded: true,
                by: "Team manager".into(),
                date: Some("2026-03-01".into()),
                expires: None,
            },
            draft: false,
            sensitive_terms: vec![],
        };
        let made = story_file(&file, &[], jiff::civil::date(2026, 3, 2), vec![]);
        let yaml = made.text.split("---\n").nth(1).unwrap();
        let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
        assert_eq!(value["title"].as_str(), Some(title));
        assert_eq!(value["council"].as_str(), Some("yes"));
        assert_eq!(value["tags"][0].as_str(), Some("null"));
        assert_eq!(value["authors"][0]["role"].as_str(), Some("@role"));
        assert_eq!(made.folder, Path::new("content/stories/2026"));
        assert_eq!(made.slug, "family-time-what-worked-1-its-obriens-idea");
    }

    #[test]
    fn slugs_leave_out_anonymous_name_parts() {
        let date = jiff::civil::date(2026, 3, 2);
        let hidden = vec!["Will Smith".to_string()];
        assert_eq!(
            safe_slug(
                "The colleague who will always listen",
                &hidden,
                "nomination",
                date
            ),
            "the-colleague-who-always-listen"
        );
        assert_eq!(
            safe_slug("Will!", &hidden, "nomination", date),
            "nomination-2026-03-02"
        );
    }

    #[test]
    fn guidance_lines_holding_a_name_part_are_left_out() {
        let hidden = vec!["Aim Write".to_string()];
        let body = comments(&story_guidance(false), &hidden);
        assert!(!body.contains("Write your story"));
        assert!(!body.contains("Aim for"));
        assert!(body.contains("What changed"));
    }

    #[test]
    fn blank_templates_are_yaml_with_the_site_lists() {
        for text in ["en-GB", "cy"].into_iter().flat_map(|language| {
            [
                blank_story_template(&vocab(), language),
                blank_nomination_template(&vocab(), language),
            ]
        }) {
            let yaml = text.split("---\n").nth(1).unwrap();
            let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
            assert!(value.get("title").is_some());
            assert!(text.contains("children, adults"));
        }
        assert!(blank_story_template(&vocab(), "en-GB").contains("supervision, advocacy"));
    }
}
