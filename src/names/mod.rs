//! Finding people's names in text: one matcher for the validator (`check`), the output
//! guard and the preview, so what one refuses the others refuse.
//!
//! It sits below `validate` and `write`, which both use it; it uses neither.

mod common;
pub(crate) mod declared;
pub(crate) mod finder;
pub(crate) mod set;
pub(crate) mod skeleton;

pub(crate) use finder::{find_terms, NameMatcher};
