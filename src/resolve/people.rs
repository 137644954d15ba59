//! People in each language: a translation's roles over its original's, and anonymous
//! people labelled in the words of the language of the pages that show them.

use super::Site;
use crate::i18n::Strings;
use crate::load::translation::Roles;
use crate::model::{People, Person};
use crate::resolve::strings::site_strings;

/// Gives each person the role the translation writes for them; a person it gives none
/// keeps the original's role, marked as written in `original_language`.
pub(crate) fn translate_roles(people: &mut People, roles: &Roles, original_language: &str) {
    let give = |person: &mut Person, role: Option<&String>| match role {
        Some(role) => person.role = role.clone(),
        None => person.role_language = Some(original_language.to_string()),
    };
    match people {
        People::Story { authors } => {
            for (index, author) in authors.iter_mut().enumerate() {
                give(author, roles.authors.get(index).and_then(Option::as_ref));
            }
        }
        People::Nomination { nominee, nominator } => {
            give(nominee, roles.nominee.as_ref());
            give(nominator, roles.nominator.as_ref());
        }
    }
}

/// Labels every anonymous person on the site's entries in the site's language, with the
/// site theme's words. An entry shown in another language's words (not translated yet)
/// keeps the labels of its own language, as it keeps its title.
pub(crate) fn label_people(site: &mut Site) {
    // A site theme's broken strings file stops the render with its line and column;
    // until then the default theme's words stand in.
    let strings =
        site_strings(&site.settings).unwrap_or_else(|_| Strings::embedded(&site.settings.language));
    for entry in site
        .entries
        .iter_mut()
        .filter(|e| e.text_language.is_none())
    {
        match &mut entry.people {
            People::Story { authors } => authors.iter_mut().for_each(|a| a.relabel(&strings)),
            People::Nomination { nominee, nominator } => {
                nominee.relabel(&strings);
                nominator.relabel(&strings);
            }
        }
    }
}
