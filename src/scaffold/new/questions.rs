//! One question at a time: what it accepts, and each answer checked as it is given,
//! with a plain-English reason when it is refused.

use jiff::civil::Date;

use crate::diagnostic::suggest::did_you_mean;
use crate::load::convert::parse_date;

/// What a question accepts.
#[derive(Debug, Clone)]
pub(crate) enum Expect {
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
pub(crate) struct Question {
    pub(crate) key: &'static str,
    pub(crate) prompt: String,
    pub(crate) hint: Option<String>,
    pub(crate) default: Option<String>,
    pub(crate) expect: Expect,
}

/// A checked answer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Answer {
    Text(String),
    Date(Date),
    List(Vec<String>),
    Bool(bool),
    Blank,
}

impl Answer {
    pub(crate) fn text(&self) -> String {
        match self {
            Answer::Text(t) => t.clone(),
            Answer::Date(d) => d.to_string(),
            _ => String::new(),
        }
    }

    pub(crate) fn list(&self) -> Vec<String> {
        match self {
            Answer::List(items) => items.clone(),
            _ => Vec::new(),
        }
    }

    pub(crate) fn yes(&self) -> bool {
        matches!(self, Answer::Bool(true))
    }

    pub(super) fn date(&self) -> Option<Date> {
        match self {
            Answer::Date(d) => Some(*d),
            _ => None,
        }
    }
}

impl Question {
    pub(crate) fn new(key: &'static str, prompt: impl Into<String>, expect: Expect) -> Self {
        Question {
            key,
            prompt: prompt.into(),
            hint: None,
            default: None,
            expect,
        }
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub(crate) fn default(mut self, default: impl Into<String>) -> Self {
        let default = default.into();
        self.default = (!default.trim().is_empty()).then_some(default);
        self
    }

    /// The command-line flag that answers this question.
    pub(crate) fn flag(&self) -> String {
        format!("--{}", self.key.replace('_', "-"))
    }

    pub(super) fn required(&self) -> bool {
        match &self.expect {
            Expect::Text { required, .. }
            | Expect::Date { required }
            | Expect::Choice { required, .. } => *required,
            Expect::YesNo => true,
            Expect::Choices { .. } | Expect::List => false,
        }
    }

    /// Checks one typed answer. The error is a reason a writer can act on.
    pub(crate) fn parse(&self, raw: &str) -> Result<Answer, String> {
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

pub(super) fn dedup(items: Vec<String>) -> Vec<String> {
    let mut seen = Vec::with_capacity(items.len());
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}
