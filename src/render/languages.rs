//! The interface strings a theme speaks: the site theme's own `i18n/<language>.ftl` over
//! the default theme's. A bilingual site loads one theme per language.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::i18n::Strings;
pub(crate) use crate::resolve::strings::{interface_strings, site_strings};

/// One [`Strings`] per language the site publishes. Shared with the templates' `t()`,
/// which picks the page's language from `site.language` in the page's context.
#[derive(Clone)]
pub(crate) struct Languages {
    first: Arc<Strings>,
    others: Arc<BTreeMap<String, Arc<Strings>>>,
}

impl Languages {
    pub(crate) fn single(strings: Strings) -> Languages {
        Languages {
            first: Arc::new(strings),
            others: Arc::new(BTreeMap::new()),
        }
    }

    pub(crate) fn get(&self, language: &str) -> &Strings {
        if self.first.language() == language {
            return &self.first;
        }
        self.others.get(language).unwrap_or(&self.first)
    }
}
