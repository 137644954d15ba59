//! Shared rules: the limits, addresses, vocabularies, templates and the Markdown dialect
//! that more than one stage must agree on.
//!
//! It sits below every stage (load, validate, resolve, render, the scaffolding), so the
//! check that refuses a 121-character title, the form that counts characters as a
//! writer types and the template that says "at most 120 characters" read one constant,
//! and no stage reaches forward into a later one to find it.

mod addresses;
mod language;
mod limits;
pub(crate) mod markdown;
mod template_words;
mod templates;
mod templates_cy;
mod vocabulary;

pub(crate) use addresses::alias_path;
pub(crate) use language::{english_name, is_language_tag};
pub(crate) use limits::{NominationRules, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS};
pub(crate) use templates::{
    blank_nomination_template, blank_story_template, comments, nomination_guidance, story_guidance,
};
pub(crate) use vocabulary::Vocabulary;
