//! practice-press's integration tests, in one binary: one module per feature, one support
//! module shared by all of them. Run one feature with `cargo test --test testsuite <module>::`.

mod support;

mod architecture;
mod bilingual;
mod build;
mod cards;
mod check;
mod hostile;
mod media;
mod media_sharing;
mod new_command;
mod publishing;
mod search_engine;
mod search_page;
mod search_privacy;
mod serve;
mod welsh_theme;
