//! The site's Content-Security-Policy, in one place: the default theme's meta tag and
//! the header files for hosts (`_headers`, `staticwebapp.config.json`) both take it from
//! here, so the policy a page carries and the policy its host sends cannot drift apart.

/// Nothing is allowed unless named: the site's own scripts (plain JavaScript: search
/// needs no WebAssembly, `eval` or worker), styles, pictures, sound and fonts; no inline
/// script or style, no other origin, no `<base>`. See docs/security.md.
pub(crate) const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self' mailto:";

/// The policy as a header, which may say what a meta tag cannot: that no other site may
/// show these pages in a frame.
pub(crate) fn header_policy() -> String {
    format!("{CONTENT_SECURITY_POLICY}; frame-ancestors 'none'")
}
