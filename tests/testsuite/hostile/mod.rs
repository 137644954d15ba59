//! Hostile content and bad luck: one integration test binary for the promises that a
//! pasted snippet, a careless photo or a crafted file cannot run script in a reader's
//! browser, leak a person, or damage anyone's files; and that builds survive scale,
//! failures and each other.

mod checks;
mod failures;
mod injection;
mod media;
mod overwrite;
mod parsing;
mod paths;
mod scale;
mod xml_checks;
