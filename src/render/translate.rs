//! `t(key="message-id", name=value, …)` in templates: an interface string in the site's
//! language. The message text is the theme's own (like template text, it may hold
//! markup); every value filled into it is escaped exactly as `{{ value }}` would be.

use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Kwargs, State, TeraResult, Value};

use crate::i18n::Strings;

/// The template function `t`, holding the interface strings of one language.
pub struct Translate(pub Arc<Strings>);

impl tera::Function<TeraResult<String>> for Translate {
    fn call(&self, kwargs: Kwargs, _: &State) -> TeraResult<String> {
        let id: String = kwargs.must_get("key")?;
        let mut args = FluentArgs::new();
        for (name, value) in kwargs.iter() {
            let name = name.to_string();
            if name != "key" {
                args.set(name, fluent_value(value)?);
            }
        }
        self.0
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
