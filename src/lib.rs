//! practice-press: a static-site generator for social work good-practice stories and
//! "My Brilliant Colleague" nominations.
//!
//! The pipeline runs forward through one module per stage:
//! [`load`] → [`validate`] → [`resolve`] → [`render`] → [`write`], with [`serve`] on top.

pub mod config;
pub mod diagnostic;
pub mod search;
pub mod util;
