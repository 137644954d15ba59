//! `practice-press check`: every rule with a fixture and the exact diagnostic a writer
//! sees (file, line, column, code and message), one module per family of rules.

#![allow(dead_code)]

mod all_at_once;
mod front_matter;
mod support;
