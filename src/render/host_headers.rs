//! Header files for static hosts that read them from the published folder: `_headers`
//! (Netlify, Cloudflare Pages) and `staticwebapp.config.json` (Azure Static Web Apps).
//!
//! A meta tag cannot forbid framing or stop a browser guessing a file's type; real
//! headers can. Only files whose names change with their content (the search index's
//! fingerprinted pieces) are cached for a year: every page must be fetched again soon,
//! or a story whose consent was withdrawn would stay in visitors' caches.

use serde_json::json;

use super::csp::header_policy;

/// The names of the two files, at the top of the published folder.
pub(crate) const NETLIFY_FILE: &str = "_headers";
pub(crate) const AZURE_FILE: &str = "staticwebapp.config.json";

/// A year, the longest lifetime a browser or CDN is asked to keep a fingerprinted file.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Folders (from the site's base path) of files named by their content: the search
/// index keeps everything but its `meta.json` in a folder named by a hash of the whole
/// index, under `search-index/g/`. `meta.json`, whose name never changes, keeps the
/// default caching.
const FINGERPRINTED: &[&str] = &["search-index/g/*"];

/// Every header sent with every file, as (name, value) pairs.
pub(crate) fn security_headers() -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", header_policy()),
        (
            "Strict-Transport-Security",
            "max-age=31536000; includeSubDomains".to_string(),
        ),
        ("X-Content-Type-Options", "nosniff".to_string()),
        ("X-Frame-Options", "DENY".to_string()),
        (
            "Referrer-Policy",
            "strict-origin-when-cross-origin".to_string(),
        ),
        (
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
                .to_string(),
        ),
    ]
}

/// `_headers`: a path pattern, then its headers indented below it. `base_path` is the
/// site's path on its host (`/` or `/stories/`).
pub(crate) fn netlify_headers(base_path: &str) -> String {
    let mut out = String::from(
        "# Written by practice-press build; edit the site, not this file.\n# Read by Netlify and Cloudflare Pages.\n",
    );
    out.push_str(&format!("{base_path}*\n"));
    for (name, value) in security_headers() {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    for pattern in FINGERPRINTED {
        out.push_str(&format!(
            "\n{base_path}{pattern}\n  Cache-Control: {IMMUTABLE}\n"
        ));
    }
    out
}

/// `staticwebapp.config.json`: the same headers as `globalHeaders`, long caching as
/// routes, and the site's own 404 page for missing addresses.
pub(crate) fn azure_config(base_path: &str) -> String {
    let global: serde_json::Map<String, serde_json::Value> = security_headers()
        .into_iter()
        .map(|(name, value)| (name.to_string(), json!(value)))
        .collect();
    let routes: Vec<serde_json::Value> = FINGERPRINTED
        .iter()
        .map(|pattern| {
            json!({
                "route": format!("{base_path}{pattern}"),
                "headers": { "Cache-Control": IMMUTABLE },
            })
        })
        .collect();
    let config = json!({
        "globalHeaders": global,
        "routes": routes,
        "responseOverrides": {
            "404": { "rewrite": format!("{base_path}404.html") },
        },
    });
    serde_json::to_string_pretty(&config).unwrap_or_else(|_| String::from("{}"))
}
