//! The path from a pull request to the published site: annotations for review tools,
//! the CI workflows `init --ci` writes, deploy previews (`--base-url`), the host header
//! files and the time the site next changes by itself.

mod base_url;
mod formats;
mod host_headers;
mod next_change;
#[cfg(unix)] // runs the workflows' shell steps with bash, as the runners do
mod workflows;
