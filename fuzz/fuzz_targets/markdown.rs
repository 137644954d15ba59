//! Arbitrary markdown rendered as a story body: never a panic, never a script element,
//! an event handler, or a link or image a browser would run (javascript:, data:,
//! vbscript:). The text "javascript:" may appear as words on the page; it is checked
//! where it matters, in URL attributes, with the same checks as the integration tests.

#![no_main]

#[path = "../../tests/testsuite/hostile/checks.rs"]
#[allow(dead_code)]
mod checks;

use libfuzzer_sys::fuzz_target;
use practice_press::render::markdown::{plain_text_of, render_markdown};

fuzz_target!(|data: &[u8]| {
    let markdown = String::from_utf8_lossy(data);
    // Nothing may be allowed as a script source: the body is never the theme.
    let policy = checks::ScriptPolicy {
        static_prefix: "\0no script is allowed in a body",
    };
    for base in ["/", "/sub/"] {
        let body = render_markdown(&markdown, base);
        assert!(
            !body.html.to_ascii_lowercase().contains("<script"),
            "a script tag in {:?}",
            body.html
        );
        let problems = checks::check_html("body", &body.html, &policy);
        assert!(problems.is_empty(), "{problems:?} in {:?}", body.html);
    }
    let _ = plain_text_of(&markdown);
});
