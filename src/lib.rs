//! practice-press: a static-site generator for social work good-practice stories and
//! "My Brilliant Colleague" nominations.
//!
//! The pipeline runs forward through one module per stage:
//! [`load`] → [`validate`] → [`resolve`] → [`render`] → [`write`]; [`build`] runs them in
//! order for the command line ([`cli`]) and the preview server ([`serve`]).
//!
//! Everything the `practice-press` binary, the integration tests, the examples and the
//! fuzz targets use is `pub`; the rest is `pub(crate)`.

#![warn(missing_docs)]

pub mod build;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod i18n;
pub mod load;
pub mod media;
pub(crate) mod model;
pub(crate) mod names;
pub mod render;
pub mod report;
pub mod resolve;
pub(crate) mod rules;
pub(crate) mod scaffold;
pub mod search;
pub mod serve;
pub(crate) mod util;
pub mod validate;
pub mod write;
pub(crate) mod yaml;
