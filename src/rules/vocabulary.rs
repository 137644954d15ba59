//! A site's own lists as writers choose from them: in `new`, the forms and the templates.

use super::NominationRules;

/// The site's own lists, offered as choices.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabulary {
    pub(crate) services: Vec<String>,
    pub(crate) practice_areas: Vec<String>,
    /// Councils and organisations already named on the site, sorted.
    pub(crate) councils: Vec<String>,
    pub(crate) nominations: NominationRules,
}
