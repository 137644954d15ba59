//! YAML problems explained in plain English, with the place to show them.
//!
//! Both site.yaml (read by `config`) and every file's front matter (read by `load`)
//! are YAML, and a writer should meet the same words for the same mistake in either,
//! so the explanations live here, below both.

pub(crate) mod syntax;
mod values;

pub(crate) use values::explain_type_error;
pub(crate) use values::explain_value;
