//! `t(key="message-id", name=value, …)` in templates: an interface string in the page's
//! language, which is `site.language` in the page's context. The message text is the theme's own (like template text, it may hold
//! markup); every value filled into it is escaped exactly as `{{ value }}` would be.

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Kwargs, State, TeraResult, Value};

use crate::i18n::Strings;

use super::languages::Languages;

/// The templates' `t()` function.
pub struct Translate(pub(crate) Languages);

impl Translate {
    /// `t()` for a tool that renders a template with one language's strings.
    pub fn single(strings: Strings) -> Translate {
        Translate(Languages::single(strings))
    }
}

impl tera::Function<TeraResult<String>> for Translate {
    fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<String> {
        let id: String = kwargs.must_get("key")?;
        let mut args = FluentArgs::new();
        for (name, value) in kwargs.iter() {
            let name = name.to_string();
            if name != "key" {
                args.set(name, fluent_value(value)?);
            }
        }
        let site: Option<Value> = state.get("site")?;
        let language = site
            .as_ref()
            .and_then(|site| site.get_from_path("language"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        self.0
            .get(language)
            .format(&id, &args)
            .map_err(|missing| tera::Error::message(missing.to_string()))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// Numbers stay numbers, so they choose the plural form; everything else becomes
/// escaped text.
fn fluent_value(value: &Value) -> TeraResult<FluentValue<'static>> {
    if let Some(whole) = value.as_i64() {
        return Ok(FluentValue::from(whole));
    }
    if value.is_number() {
        return Ok(FluentValue::from(value.as_f64().unwrap_or_default()));
    }
    let text = value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_string);
    let mut escaped = Vec::with_capacity(text.len());
    tera::escape_html(&text, &mut escaped).map_err(|err| tera::Error::message(err.to_string()))?;
    Ok(FluentValue::from(
        String::from_utf8_lossy(&escaped).into_owned(),
    ))
}
