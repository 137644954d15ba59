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

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Serialize;

use crate::config::Settings;
use crate::diagnostic::suggest::did_you_mean;
use crate::load::convert::parse_date;
use crate::load::load_library;
use crate::names::NameMatcher;
pub use crate::rules::{blank_nomination_template, blank_story_template, Vocabulary};
use crate::rules::{
    comments, nomination_guidance, story_guidance, NominationRules, MAX_SUMMARY_CHARS,
    MAX_TITLE_CHARS,
};
use crate::util::{slugify, FsError};

/// What went wrong while making a new file.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// Interactive input ran out before every question had an answer.
    #[error("the answers ended before every question was answered; nothing was written")]
    InputEnded,
    /// With `--no-input`: values missing or wrong, each explained.
    #[error("some details are missing or wrong; nothing was written:\n{}", .0.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<String>),
    #[error("cannot talk to the terminal: {0}")]
    Terminal(#[source] std::io::Error),
    #[error(transparent)]
    Fs(#[from] FsError),
}

impl Vocabulary {
    /// The site's vocabularies and the councils its content already names.
    pub fn of_site(settings: &Settings) -> Vocabulary {
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

// ---------------------------------------------------------------------------------------
// Questions and answers.

/// What a question accepts.
#[derive(Debug, Clone)]
pub enum Expect {
    Text {
        required: bool,
        max_chars: Option<usize>,
    },
    Date {
        required: bool,
    },
    /// One of `options`, by number or by value; any text when `other_allowed`.
    Choice {
        options: Vec<String>,
        other_allowed: bool,
        required: bool,
    },
    /// Any number of `options`, separated by commas.
    Choices {
        options: Vec<String>,
    },
    /// Free words separated by commas.
    List,
    YesNo,
}

/// One question: its key (also the flag name, with `-` for `_`), words and rule.
#[derive(Debug, Clone)]
pub struct Question {
    pub key: &'static str,
    pub prompt: String,
    pub hint: Option<String>,
    pub default: Option<String>,
    pub expect: Expect,
}

/// A checked answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Text(String),
    Date(Date),
    List(Vec<String>),
    Bool(bool),
    Blank,
}

impl Answer {
    pub fn text(&self) -> String {
        match self {
            Answer::Text(t) => t.clone(),
            Answer::Date(d) => d.to_string(),
            _ => String::new(),
        }
    }

    pub fn list(&self) -> Vec<String> {
        match self {
            Answer::List(items) => items.clone(),
            _ => Vec::new(),
        }
    }

    pub fn yes(&self) -> bool {
        matches!(self, Answer::Bool(true))
    }

    fn date(&self) -> Option<Date> {
        match self {
            Answer::Date(d) => Some(*d),
            _ => None,
        }
    }
}

impl Question {
    pub fn new(key: &'static str, prompt: impl Into<String>, expect: Expect) -> Self {
        Question {
            key,
            prompt: prompt.into(),
            hint: None,
            default: None,
            expect,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn default(mut self, default: impl Into<String>) -> Self {
        let default = default.into();
        self.default = (!default.trim().is_empty()).then_some(default);
        self
    }

    /// The command-line flag that answers this question.
    pub fn flag(&self) -> String {
        format!("--{}", self.key.replace('_', "-"))
    }

    fn required(&self) -> bool {
        match &self.expect {
            Expect::Text { required, .. }
            | Expect::Date { required }
            | Expect::Choice { required, .. } => *required,
            Expect::YesNo => true,
            Expect::Choices { .. } | Expect::List => false,
        }
    }

    /// Checks one typed answer. The error is a reason a writer can act on.
    pub fn parse(&self, raw: &str) -> Result<Answer, String> {
        let raw = raw.trim();
        if raw.is_empty() {
            return if self.required() {
                Err("this one is needed: please type an answer".into())
            } else {
                Ok(Answer::Blank)
            };
        }
        match &self.expect {
            Expect::Text { max_chars, .. } => parse_text(raw, *max_chars),
            Expect::Date { .. } => parse_date(raw)
                .map(|(date, _)| Answer::Date(date))
                .map_err(|reason| not_a_date(raw, &reason)),
            Expect::Choice {
                options,
                other_allowed,
                ..
            } => parse_choice(raw, options, *other_allowed).map(Answer::Text),
            Expect::Choices { options } => split_list(raw)
                .iter()
                .map(|item| parse_choice(item, options, false))
                .collect::<Result<Vec<_>, _>>()
                .map(dedup)
                .map(Answer::List),
            Expect::List => Ok(Answer::List(dedup(split_list(raw)))),
            Expect::YesNo => parse_yes_no(raw).map(Answer::Bool),
        }
    }
}

fn not_a_date(raw: &str, reason: &str) -> String {
    if reason.contains("YYYY") {
        format!("`{raw}` is not a date: {reason}")
    } else {
        format!(
            "`{raw}` is not a real date: {reason}; write it as YYYY-MM-DD, for example 2026-03-02"
        )
    }
}

fn parse_text(raw: &str, max_chars: Option<usize>) -> Result<Answer, String> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    match max_chars {
        Some(max) if text.chars().count() > max => Err(format!(
            "that is {} characters long; please keep it to {max} or fewer",
            text.chars().count()
        )),
        _ => Ok(Answer::Text(text)),
    }
}

/// A choice by its number in the list or by its value (any case); a misspelt value gets
/// a suggestion rather than a bare "no".
fn parse_choice(raw: &str, options: &[String], other_allowed: bool) -> Result<String, String> {
    let raw = raw.trim();
    if let Ok(number) = raw.parse::<usize>() {
        return match number.checked_sub(1).and_then(|i| options.get(i)) {
            Some(option) => Ok(option.clone()),
            None if other_allowed => Ok(raw.to_string()),
            None => Err(format!(
                "there is no number {number} in the list; type a number from 1 to {}",
                options.len()
            )),
        };
    }
    if let Some(option) = options.iter().find(|o| o.eq_ignore_ascii_case(raw)) {
        return Ok(option.clone());
    }
    if other_allowed || options.is_empty() {
        return Ok(raw.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    let candidates: Vec<&str> = options.iter().map(String::as_str).collect();
    let suggestion = did_you_mean(raw, &candidates)
        .map(|s| format!(" Did you mean `{s}`?"))
        .unwrap_or_default();
    Err(format!(
        "`{raw}` is not in the list.{suggestion} Type a number from the list, or one of the names exactly"
    ))
}

fn parse_yes_no(raw: &str) -> Result<bool, String> {
    match raw.to_ascii_lowercase().as_str() {
        "y" | "yes" | "true" => Ok(true),
        "n" | "no" | "false" => Ok(false),
        _ => Err(format!("please answer yes or no (y or n), not `{raw}`")),
    }
}

fn split_list(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(|item| item.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|item| !item.is_empty())
        .collect()
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut seen = Vec::with_capacity(items.len());
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

/// The terminal: where questions are written and answers read.
pub struct Console<'a> {
    pub input: &'a mut dyn BufRead,
    pub output: &'a mut dyn Write,
}

/// Gets an answer to each question: from a flag if one was given, else by asking, else
/// (with `--no-input`) from the default, collecting every missing or wrong value so a
/// script's author sees them all at once.
pub struct Asker<'a> {
    preset: BTreeMap<String, String>,
    console: Option<Console<'a>>,
    problems: Vec<String>,
}

impl<'a> Asker<'a> {
    /// `preset` maps question keys to values given as flags; `console` is None with
    /// `--no-input`.
    pub fn new(preset: BTreeMap<String, String>, console: Option<Console<'a>>) -> Self {
        Asker {
            preset,
            console,
            problems: Vec::new(),
        }
    }

    /// The answer to `question`, re-asking until it is acceptable.
    pub fn ask(&mut self, question: &Question) -> Result<Answer, NewError> {
        self.ask_checked(question, |_| Ok(()))
    }

    /// As [`ask`](Self::ask), with a further rule that needs earlier answers.
    pub fn ask_checked(
        &mut self,
        question: &Question,
        extra: impl Fn(&Answer) -> Result<(), String>,
    ) -> Result<Answer, NewError> {
        let check = |raw: &str| question.parse(raw).and_then(|a| extra(&a).map(|()| a));
        if let Some(raw) = self.preset.remove(question.key) {
            match check(&raw) {
                Ok(answer) => return Ok(answer),
                Err(reason) => match &mut self.console {
                    Some(console) => {
                        say(console, &format!("{}: {reason}.", question.flag()))?;
                    }
                    None => {
                        self.problems.push(format!("{}: {reason}", question.flag()));
                        return Ok(Answer::Blank);
                    }
                },
            }
        }
        let Some(console) = &mut self.console else {
            return Ok(self.unattended(question, check));
        };
        loop {
            write_question(console, question)?;
            let Some(line) = read_answer(console)? else {
                return Err(NewError::InputEnded);
            };
            let raw = match (&question.default, line.trim().is_empty()) {
                (Some(default), true) => default.clone(),
                _ => line,
            };
            match check(&raw) {
                Ok(answer) => return Ok(answer),
                Err(reason) => say(console, &format!("  Sorry: {reason}."))?,
            }
        }
    }

    fn unattended(
        &mut self,
        question: &Question,
        check: impl Fn(&str) -> Result<Answer, String>,
    ) -> Answer {
        let raw = question.default.clone().unwrap_or_default();
        match check(&raw) {
            Ok(answer) => answer,
            Err(reason) => {
                let reason = if raw.is_empty() {
                    format!("is needed ({})", question.prompt)
                } else {
                    reason
                };
                self.problems.push(format!("{} {reason}", question.flag()));
                Answer::Blank
            }
        }
    }

    /// Every problem found with `--no-input`, or Ok once all answers are good.
    pub fn finish(&mut self) -> Result<(), NewError> {
        let mut problems = std::mem::take(&mut self.problems);
        problems.extend(std::mem::take(&mut self.preset).keys().map(|k| {
            format!(
                "--{} is not a question for this kind of file",
                k.replace('_', "-")
            )
        }));
        if problems.is_empty() {
            Ok(())
        } else {
            Err(NewError::Invalid(problems))
        }
    }

    /// Writes a line of information (not a question) to the terminal, if there is one.
    pub fn tell(&mut self, text: &str) -> Result<(), NewError> {
        match &mut self.console {
            Some(console) => say(console, text),
            None => Ok(()),
        }
    }
}

fn say(console: &mut Console, text: &str) -> Result<(), NewError> {
    writeln!(console.output, "{text}").map_err(NewError::Terminal)
}

fn write_question(console: &mut Console, question: &Question) -> Result<(), NewError> {
    let mut text = format!("\n{}\n", question.prompt);
    if let Some(hint) = &question.hint {
        text.push_str(&format!("  {hint}\n"));
    }
    let options = match &question.expect {
        Expect::Choice { options, .. } | Expect::Choices { options } => options.as_slice(),
        _ => &[],
    };
    for (i, option) in options.iter().enumerate() {
        text.push_str(&format!("  {:>2}. {option}\n", i + 1));
    }
    let mut help = answer_help(question).to_string();
    if let Some(default) = &question.default {
        help = format!("{help} Press Enter for: {default}");
    }
    if !help.trim().is_empty() {
        text.push_str(&format!("  {}\n", help.trim()));
    }
    text.push_str("> ");
    write!(console.output, "{text}")
        .and_then(|()| console.output.flush())
        .map_err(NewError::Terminal)
}

fn answer_help(question: &Question) -> &'static str {
    match &question.expect {
        Expect::Choice {
            other_allowed: true,
            ..
        } => "Type a number from the list, or type a name.",
        Expect::Choice { .. } => "Type a number or a name from the list.",
        Expect::Choices { .. } => {
            "Type numbers or names separated by commas, or press Enter to skip."
        }
        Expect::List => "Separate them with commas, or press Enter to skip.",
        Expect::YesNo => "Type yes or no.",
        Expect::Date { .. } => "Write the date as YYYY-MM-DD.",
        Expect::Text {
            required: false, ..
        } => "Press Enter to skip.",
        Expect::Text { .. } => "",
    }
}

/// One line of input without its line ending, or None at the end of input.
fn read_answer(console: &mut Console) -> Result<Option<String>, NewError> {
    let mut line = String::new();
    let read = console
        .input
        .read_line(&mut line)
        .map_err(NewError::Terminal)?;
    if read == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim_end_matches(['\r', '\n']).to_string()))
}

// ---------------------------------------------------------------------------------------
// The files, as serde_yaml writes them.

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PersonFile {
    pub name: String,
    pub role: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    pub anonymous: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ConsentFile {
    pub recorded: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

/// A story's front matter, in the order the conventions list the fields.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoryFile {
    pub title: String,
    pub date: String,
    pub summary: String,
    pub council: String,
    pub service: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub practice_areas: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub authors: Vec<PersonFile>,
    pub consent: ConsentFile,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sensitive_terms: Vec<String>,
}

/// A nomination's front matter.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NominationFile {
    pub title: String,
    pub date: String,
    pub nominee: PersonFile,
    pub nominator: PersonFile,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub council: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sensitive_terms: Vec<String>,
}

/// A new file ready to write: where it goes and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFile {
    /// The folder below the site root, e.g. `content/stories/2026`.
    pub folder: PathBuf,
    pub slug: String,
    pub text: String,
    /// Notes for the writer, e.g. why the file is a draft.
    pub notes: Vec<String>,
}

// ---------------------------------------------------------------------------------------
// The conversations.

fn text_question(key: &'static str, prompt: &str, max: Option<usize>) -> Question {
    Question::new(
        key,
        prompt,
        Expect::Text {
            required: true,
            max_chars: max,
        },
    )
}

fn council_question(
    key: &'static str,
    prompt: &str,
    vocab: &Vocabulary,
    required: bool,
) -> Question {
    Question::new(
        key,
        prompt,
        Expect::Choice {
            options: vocab.councils.clone(),
            other_allowed: true,
            required,
        },
    )
}

fn service_question(vocab: &Vocabulary, required: bool) -> Question {
    Question::new(
        "service",
        "Which service is it about?",
        Expect::Choice {
            options: vocab.services.clone(),
            other_allowed: vocab.services.is_empty(),
            required,
        },
    )
}

fn date_question(today: Date, prompt: &str) -> Question {
    Question::new("date", prompt, Expect::Date { required: true }).default(today.to_string())
}

/// A rule for text that will be published: it must not hold an anonymous person's name.
fn no_anonymous_name<'n>(names: &'n [String]) -> impl Fn(&Answer) -> Result<(), String> + 'n {
    move |answer: &Answer| {
        let text = answer.text();
        match names.iter().find(|n| !NameMatcher::new(n).find_in(&text).is_empty()) {
            Some(_) => Err("this contains the name of someone who asked to be anonymous; describe them by their role instead, e.g. \"our duty social worker\"".into()),
            None => Ok(()),
        }
    }
}

/// Asks every question for a story and builds its file.
pub fn ask_story(asker: &mut Asker, vocab: &Vocabulary, today: Date) -> Result<NewFile, NewError> {
    asker.tell("A new good-practice story. Answer each question; you will write the story itself in the file afterwards.")?;
    let author_name = asker.ask(
        &text_question("author_name", "What is your full name?", None).hint(
            "We need it to accept the story. If you ask to be anonymous, it is never published.",
        ),
    )?;
    let author_role = asker.ask(
        &text_question("author_role", "What is your job title or role?", None)
            .hint("For example: Social worker, children in care team. It is shown with the story."),
    )?;
    let anonymous = asker.ask(
        &Question::new(
            "author_anonymous",
            "Do you want to be anonymous (shown by your role only, not your name)?",
            Expect::YesNo,
        )
        .default("no"),
    )?;
    let hidden: Vec<String> = anonymous
        .yes()
        .then(|| author_name.text())
        .into_iter()
        .collect();
    let title = asker.ask_checked(
        &text_question("title", "What is the title of your story?", Some(MAX_TITLE_CHARS))
            .hint(format!("A short title, at most {MAX_TITLE_CHARS} characters. It appears in lists of stories and when the story is shared.")),
        no_anonymous_name(&hidden),
    )?;
    let summary = asker.ask_checked(
        &text_question("summary", "Sum up the story in one or two sentences.", Some(MAX_SUMMARY_CHARS))
            .hint(format!("At most {MAX_SUMMARY_CHARS} characters. It is shown in lists, search results and social media previews.")),
        no_anonymous_name(&hidden),
    )?;
    let date = asker.ask(&date_question(today, "What date should the story have?"))?;
    let council = asker.ask(&council_question(
        "council",
        "Which council or organisation is the story from?",
        vocab,
        true,
    ))?;
    let service = asker.ask(&service_question(vocab, true))?;
    let practice_areas = asker.ask(&Question::new(
        "practice_areas",
        "Which practice areas does it show? (optional)",
        Expect::Choices {
            options: vocab.practice_areas.clone(),
        },
    ))?;
    let tags = asker.ask(
        &Question::new("tags", "Any other key words? (optional)", Expect::List)
            .hint("For example: fathers, court, retention."),
    )?;
    let consent = ask_consent(asker, today)?;
    let sensitive_terms = ask_sensitive_terms(asker)?;
    asker.finish()?;

    let date = date.date().unwrap_or(today);
    let mut notes = Vec::new();
    if consent.draft {
        notes.push("The story is a draft (`draft: true`) because consent is not recorded yet: it will not be published until everyone identifiable has agreed and you change `recorded: false` to `recorded: true`, add the date, and delete the `draft: true` line.".to_string());
    }
    let file = StoryFile {
        title: title.text(),
        date: date.to_string(),
        summary: summary.text(),
        council: council.text(),
        service: service.text(),
        practice_areas: practice_areas.list(),
        tags: tags.list(),
        authors: vec![PersonFile {
            name: author_name.text(),
            role: author_role.text(),
            organisation: String::new(),
            anonymous: anonymous.yes(),
        }],
        consent: consent.file,
        draft: consent.draft,
        sensitive_terms: sensitive_terms.list(),
    };
    Ok(story_file(&file, &hidden, date, notes))
}

struct ConsentAnswers {
    file: ConsentFile,
    draft: bool,
}

fn ask_consent(asker: &mut Asker, today: Date) -> Result<ConsentAnswers, NewError> {
    let agreed = asker.ask(
        &Question::new("consent", "Has everyone identifiable agreed to publication?", Expect::YesNo)
            .hint("Everyone who could recognise themselves in the story must agree. If not yet, the story is saved as a draft and is not published."),
    )?;
    let by = asker.ask(
        &Question::new(
            "consent_by",
            if agreed.yes() {
                "Who recorded their agreement?"
            } else {
                "Who will record their agreement? (optional)"
            },
            Expect::Text {
                required: agreed.yes(),
                max_chars: None,
            },
        )
        .hint("A role is enough, for example: Team manager. This is kept in the file and never published."),
    )?;
    if !agreed.yes() {
        return Ok(ConsentAnswers {
            file: ConsentFile {
                recorded: false,
                by: by.text(),
                date: None,
                expires: None,
            },
            draft: true,
        });
    }
    let date = asker.ask(
        &Question::new(
            "consent_date",
            "On what date was consent recorded?",
            Expect::Date { required: true },
        )
        .default(today.to_string()),
    )?;
    let expires = asker.ask(
        &Question::new(
            "consent_expires",
            "Did anyone ask for the story to come down on a date? (optional)",
            Expect::Date { required: false },
        )
        .hint("If so, type the date: the story leaves the site then. Otherwise press Enter."),
    )?;
    Ok(ConsentAnswers {
        file: ConsentFile {
            recorded: true,
            by: by.text(),
            date: date.date().map(|d| d.to_string()),
            expires: expires.date().map(|d| d.to_string()),
        },
        draft: false,
    })
}

fn ask_sensitive_terms(asker: &mut Asker) -> Result<Answer, NewError> {
    asker.ask(
        &Question::new("sensitive_terms", "Did you use anyone's real name while drafting? (optional)", Expect::List)
            .hint("List any real names or words that must never be published, for example a child's first name. `check` will warn if one is left in."),
    )
}

fn ask_person(
    asker: &mut Asker,
    who: &'static str,
    words: &PersonWords,
    vocab: &Vocabulary,
    organisation_default: &str,
) -> Result<PersonFile, NewError> {
    let key = |field: &str| -> &'static str {
        match (who, field) {
            ("nominee", "name") => "nominee_name",
            ("nominee", "role") => "nominee_role",
            ("nominee", "organisation") => "nominee_organisation",
            ("nominee", _) => "nominee_anonymous",
            (_, "name") => "nominator_name",
            (_, "role") => "nominator_role",
            (_, "organisation") => "nominator_organisation",
            _ => "nominator_anonymous",
        }
    };
    let name = asker.ask(
        &text_question(key("name"), words.name, None)
            .hint("Needed to accept the nomination. If anonymous, the name is never published."),
    )?;
    let role = asker.ask(
        &text_question(key("role"), words.role, None)
            .hint("For example: Duty social worker. It is shown on the website."),
    )?;
    let organisation = asker.ask(
        &council_question(key("organisation"), words.organisation, vocab, true)
            .default(organisation_default),
    )?;
    let anonymous = asker.ask(
        &Question::new(key("anonymous"), words.anonymous, Expect::YesNo)
            .hint(words.anonymous_hint)
            .default("no"),
    )?;
    Ok(PersonFile {
        name: name.text(),
        role: role.text(),
        organisation: organisation.text(),
        anonymous: anonymous.yes(),
    })
}

struct PersonWords {
    name: &'static str,
    role: &'static str,
    organisation: &'static str,
    anonymous: &'static str,
    anonymous_hint: &'static str,
}

const NOMINEE: PersonWords = PersonWords {
    name: "What is the full name of the colleague you are nominating?",
    role: "What is their job title or role?",
    organisation: "Which council or organisation do they work for?",
    anonymous: "Does your colleague want to be anonymous on the website?",
    anonymous_hint: "If yes, the website shows only their role and organisation.",
};

const NOMINATOR: PersonWords = PersonWords {
    name: "What is your full name?",
    role: "What is your job title or role?",
    organisation: "Which council or organisation do you work for?",
    anonymous: "Do you want to be anonymous on the website?",
    anonymous_hint: "If yes, the website shows only your role and organisation.",
};

/// Asks every question for a nomination and builds its file.
pub fn ask_nomination(
    asker: &mut Asker,
    vocab: &Vocabulary,
    today: Date,
) -> Result<NewFile, NewError> {
    asker.tell("A new My Brilliant Colleague nomination. Answer each question; you will write the nomination itself in the file afterwards.")?;
    let nominee = ask_person(asker, "nominee", &NOMINEE, vocab, "")?;
    let nominator = ask_person(asker, "nominator", &NOMINATOR, vocab, &nominee.organisation)?;
    let hidden: Vec<String> = [&nominee, &nominator]
        .into_iter()
        .filter(|p| p.anonymous)
        .map(|p| p.name.clone())
        .collect();
    let title = asker.ask_checked(
        &text_question("title", "Give your nomination a short title.", Some(MAX_TITLE_CHARS))
            .hint("For example: The duty manager who stayed. It appears in lists and when the nomination is shared."),
        no_anonymous_name(&hidden),
    )?;
    let date = asker.ask(&date_question(
        today,
        "What date should the nomination have?",
    ))?;
    let council = asker.ask(
        &council_question(
            "council",
            "Which council should it be listed under?",
            vocab,
            false,
        )
        .default(nominee.organisation.clone()),
    )?;
    let service =
        asker.ask(&service_question(vocab, false).hint("Optional: press Enter to skip."))?;
    let tags = asker.ask(&Question::new(
        "tags",
        "Any key words? (optional)",
        Expect::List,
    ))?;
    let sensitive_terms = ask_sensitive_terms(asker)?;
    asker.finish()?;

    let date = date.date().unwrap_or(today);
    let file = NominationFile {
        title: title.text(),
        date: date.to_string(),
        nominee,
        nominator,
        council: Some(council.text()).filter(|c| !c.is_empty()),
        service: Some(service.text()).filter(|s| !s.is_empty()),
        tags: tags.list(),
        sensitive_terms: sensitive_terms.list(),
    };
    Ok(nomination_file(&file, &hidden, date, &vocab.nominations))
}

// ---------------------------------------------------------------------------------------
// Turning answers into files.

/// Front matter between `---` lines, then the body.
fn document(front_matter: &impl Serialize, body: &str) -> String {
    // Serialising plain structs of strings, bools and lists cannot fail; an empty block
    // is still a file `check` explains rather than a panic.
    let yaml = serde_yaml::to_string(front_matter).unwrap_or_default();
    format!("---\n{yaml}---\n\n{body}")
}

/// The story file for `file`.
pub fn story_file(file: &StoryFile, hidden: &[String], date: Date, notes: Vec<String>) -> NewFile {
    let body = comments(&story_guidance(file.draft), hidden);
    NewFile {
        folder: Path::new("content/stories").join(date.year().to_string()),
        slug: safe_slug(&file.title, hidden, "story", date),
        text: document(file, &body),
        notes,
    }
}

/// The nomination file for `file`.
pub fn nomination_file(
    file: &NominationFile,
    hidden: &[String],
    date: Date,
    rules: &NominationRules,
) -> NewFile {
    let body = comments(&nomination_guidance(rules), hidden);
    NewFile {
        folder: PathBuf::from("content/nominations"),
        slug: safe_slug(&file.title, hidden, "nomination", date),
        text: document(file, &body),
        notes: Vec::new(),
    }
}

/// The file name from the title, without any word that is part of an anonymous
/// person's name: `check` refuses an address that carries one, even in small letters
/// ("the-colleague-who-will-listen" for someone called Will).
pub fn safe_slug(title: &str, hidden: &[String], kind: &str, date: Date) -> String {
    let forbidden: Vec<String> = hidden
        .iter()
        .flat_map(|name| {
            name.split(|c: char| !c.is_alphanumeric())
                .map(slugify)
                .collect::<Vec<_>>()
        })
        .filter(|part| part.chars().count() >= 3)
        .collect();
    let slug = slugify(title)
        .split('-')
        .filter(|word| !forbidden.iter().any(|f| f == word))
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        format!("{kind}-{date}")
    } else {
        slug
    }
}

/// Writes `file` under `site_root`, never replacing a file: a slug already used by
/// another file of the same kind (in any year folder) gets `-2`, `-3`, … so two files
/// never share an address.
pub fn write_new_file(site_root: &Path, file: &NewFile) -> Result<PathBuf, NewError> {
    let folder = site_root.join(&file.folder);
    std::fs::create_dir_all(&folder).map_err(|e| FsError::new("cannot create", &folder, e))?;
    let section = site_root.join(section_of(&file.folder));
    let taken = slugs_in(&section);
    for n in 1.. {
        let slug = if n == 1 {
            file.slug.clone()
        } else {
            format!("{}-{n}", file.slug)
        };
        if taken.contains(&slug) {
            continue;
        }
        let path = folder.join(format!("{slug}.md"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut out) => {
                out.write_all(file.text.as_bytes())
                    .map_err(|e| FsError::new("cannot write", &path, e))?;
                return Ok(path
                    .strip_prefix(site_root)
                    .map(Path::to_path_buf)
                    .unwrap_or(path));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(FsError::new("cannot write", &path, e).into()),
        }
    }
    unreachable!("the numbered names never run out")
}

/// `content/stories` for `content/stories/2026`.
fn section_of(folder: &Path) -> PathBuf {
    folder.components().take(2).collect()
}

/// The slug of every markdown file below `section`, as `check` derives it.
fn slugs_in(section: &Path) -> Vec<String> {
    walkdir::WalkDir::new(section)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| e.path().file_stem().map(|s| slugify(&s.to_string_lossy())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for text in [
            blank_story_template(&vocab()),
            blank_nomination_template(&vocab()),
        ] {
            let yaml = text.split("---\n").nth(1).unwrap();
            let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
            assert!(value.get("title").is_some());
            assert!(text.contains("children, adults"));
        }
        assert!(blank_story_template(&vocab()).contains("supervision, advocacy"));
    }
}
