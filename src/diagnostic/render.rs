//! Temporary plain renderer; replaced by the rules branch.
use crate::diagnostic::Diagnostic;
use std::path::Path;
pub fn render_human(d: &[Diagnostic], _s: &dyn Fn(&Path) -> Option<String>, _c: bool) -> String {
    d.iter().map(|x| format!("{x}\n")).collect()
}
pub fn render_json(d: &[Diagnostic]) -> String {
    serde_json::to_string_pretty(d).unwrap_or_default()
}
pub fn color_wanted(t: bool) -> bool {
    t
}
