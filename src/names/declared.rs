//! Where front matter gives a person's name (`name: Alex Brennan`): the one place an
//! anonymous person's name is written on purpose, and never published.
//!
//! YAML can write the same person many ways: block or flow style (`- { name: …,
//! anonymous: true }`), quoted keys and values, folded (`>-`) or literal (`|`) blocks,
//! and a value wrapped over lines. The value is found as text, in any of these.

use std::ops::Range;

use super::skeleton::{skeleton, Skeletons};

/// Byte ranges of `yaml` where `name` is written as the value of a `name` key.
pub(crate) fn name_values(yaml: &str, name: &str) -> Vec<Range<usize>> {
    Skeletons::new([skeleton(name)], 1)
        .find_in(yaml)
        .into_iter()
        .filter(|range| is_name_value(&yaml[..range.start]))
        .collect()
}

/// Whether the text before a value ends with a `name` key and its colon, with quotes
/// and a block scalar indicator allowed between.
fn is_name_value(before: &str) -> bool {
    let rest = before.trim_end().trim_end_matches(['"', '\'']).trim_end();
    let rest = strip_block_indicator(rest).trim_end();
    let Some(rest) = rest.strip_suffix(':') else {
        return false;
    };
    let rest = rest.trim_end().trim_end_matches(['"', '\'']);
    let Some(rest) = rest.strip_suffix("name") else {
        return false;
    };
    !rest
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// `>-`, `|`, `>+2` and the like, at the end of `text`.
fn strip_block_indicator(text: &str) -> &str {
    let trimmed = text.trim_end_matches(['-', '+', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    match trimmed.strip_suffix(['>', '|']) {
        Some(rest) if rest.trim_end().ends_with(':') => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(yaml: &str) -> Vec<&str> {
        name_values(yaml, "Alex Brennan")
            .into_iter()
            .map(|r| &yaml[r])
            .collect()
    }

    #[test]
    fn every_way_of_writing_the_name_value() {
        for (yaml, value) in [
            ("nominee:\n  name: Alex Brennan\n", "Alex Brennan"),
            ("authors:\n  - name: \"Alex Brennan\"\n", "Alex Brennan"),
            (
                "authors: [ { name: Alex Brennan, role: x } ]\n",
                "Alex Brennan",
            ),
            ("nominee: {\"name\": 'Alex Brennan'}\n", "Alex Brennan"),
            ("nominee:\n  \"name\": Alex Brennan\n", "Alex Brennan"),
            (
                "nominee:\n  name: >-\n    Alex\n    Brennan\n",
                "Alex\n    Brennan",
            ),
            ("nominee:\n  name: |\n    Alex Brennan\n", "Alex Brennan"),
            ("nominee:\n  name: Alex\n    Brennan\n", "Alex\n    Brennan"),
        ] {
            assert_eq!(values(yaml), [value], "{yaml}");
        }
    }

    #[test]
    fn the_name_elsewhere_is_not_a_name_value() {
        for yaml in [
            "summary: Alex Brennan\n",
            "nominee:\n  role: Alex Brennan\n",
            "nickname: Alex Brennan\n",
            "nominee: { role: x, name: Sam, surname: Alex Brennan }\n",
        ] {
            assert_eq!(values(yaml), Vec::<&str>::new(), "{yaml}");
        }
    }
}
