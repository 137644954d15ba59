//! `practice-press check`: every rule with a fixture and the exact diagnostic a writer
//! sees (file, line, column, code and message), one module per family of rules.

mod all_at_once;
mod anonymity_channels;
mod catalogue;
mod cli;
mod fields;
mod files;
mod front_matter;
mod links;
mod nominations;
mod privacy;
mod summary;
