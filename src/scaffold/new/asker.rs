//! The conversation: each answer from a flag, from the terminal, or (with `--no-input`)
//! from the default, every missing or wrong answer collected so a script's author sees
//! them all at once.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use super::questions::{Answer, Expect, Question};
use super::NewError;

/// The terminal: where questions are written and answers read.
pub(crate) struct Console<'a> {
    pub(crate) input: &'a mut dyn BufRead,
    pub(crate) output: &'a mut dyn Write,
}

/// Gets an answer to each question: from a flag if one was given, else by asking, else
/// (with `--no-input`) from the default, collecting every missing or wrong value so a
/// script's author sees them all at once.
pub(crate) struct Asker<'a> {
    pub(super) preset: BTreeMap<String, String>,
    pub(super) console: Option<Console<'a>>,
    pub(super) problems: Vec<String>,
}

impl<'a> Asker<'a> {
    /// `preset` maps question keys to values given as flags; `console` is None with
    /// `--no-input`.
    pub(crate) fn new(preset: BTreeMap<String, String>, console: Option<Console<'a>>) -> Self {
        Asker {
            preset,
            console,
            problems: Vec::new(),
        }
    }

    /// The answer to `question`, re-asking until it is acceptable.
    pub(crate) fn ask(&mut self, question: &Question) -> Result<Answer, NewError> {
        self.ask_checked(question, |_| Ok(()))
    }

    /// As [`ask`](Self::ask), with a further rule that needs earlier answers.
    pub(crate) fn ask_checked(
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
    pub(crate) fn finish(&mut self) -> Result<(), NewError> {
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
    pub(crate) fn tell(&mut self, text: &str) -> Result<(), NewError> {
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
