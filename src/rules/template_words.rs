//! What a blank file says in one language, shared by each language's table of words.

/// The words of the blank files and of the notes in them, in one language. The YAML
/// keys stay English in every language: they are the format `check` reads.
pub(super) struct Words {
    pub(super) notes_are_private: &'static str,
    pub(super) no_contact_details: &'static str,
    pub(super) draft_story: &'static str,
    pub(super) story: [&'static str; 5],
    /// `{min}` and `{max}` are the site's word limits.
    pub(super) nomination_length: &'static str,
    pub(super) nomination: [&'static str; 2],
    pub(super) intro: &'static str,
    pub(super) story_fields: &'static str,
    pub(super) story_people: &'static str,
    pub(super) nomination_fields: &'static str,
    pub(super) one_of: &'static str,
    pub(super) optional_list: &'static str,
    pub(super) optional_one_of: &'static str,
}
