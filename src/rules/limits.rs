//! Lengths and word counts: what `check` enforces, the forms count and the templates state.

use serde::Deserialize;

/// The most characters a title may have.
pub(crate) const MAX_TITLE_CHARS: usize = 120;
/// The most characters a story's summary may have.
pub(crate) const MAX_SUMMARY_CHARS: usize = 300;

/// Word and length limits for "My Brilliant Colleague" nominations.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct NominationRules {
    pub(crate) min_words: usize,
    pub(crate) max_words: usize,
    pub(crate) voice_note_max_seconds: u32,
}

impl Default for NominationRules {
    fn default() -> Self {
        NominationRules {
            min_words: 100,
            max_words: 250,
            voice_note_max_seconds: 90,
        }
    }
}
