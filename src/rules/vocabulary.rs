//! A site's own lists as writers choose from them: in `new`, the forms and the templates.

use super::NominationRules;

/// The site's own lists, offered as choices.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub services: Vec<String>,
    pub practice_areas: Vec<String>,
    /// Councils and organisations already named on the site, sorted.
    pub councils: Vec<String>,
    pub nominations: NominationRules,
}
