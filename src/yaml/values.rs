//! serde's words for a value of the wrong kind ("invalid type: sequence, expected a
//! string"), said the way a social worker would: for site.yaml and front matter alike.

/// serde's "invalid type: sequence, expected a string" in words a social worker knows.
pub(crate) fn explain_type_error(key: &str, message: &str) -> (String, String) {
    let message = message.split(" at line ").next().unwrap_or(message);
    explain_value(&format!("`{key}`"), key, message)
}

/// [`explain_type_error`] for a field named `label` ("`name` under `authors`"), whose
/// own name `key` is used in the example.
pub(crate) fn explain_value(label: &str, key: &str, message: &str) -> (String, String) {
    if let Some(rest) = message.strip_prefix("missing field ") {
        let field = rest.trim_matches('`');
        return (
            format!("`{key}` is missing `{field}`"),
            format!("add `{field}:` under `{key}:`, indented by two spaces"),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = rest.split('`').nth(1).unwrap_or(rest);
        return (
            format!("`{key}` has a field `{field}` that is not allowed"),
            format!("check the spelling of `{field}`; {}", allowed_part(message)),
        );
    }
    let found = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.split(", expected ").next())
        .map(describe_found)
        .unwrap_or_else(|| message.to_string());
    let expected = message
        .split(", expected ")
        .nth(1)
        .map(describe_expected)
        .unwrap_or("a different kind of value");
    (
        format!("{label} should be {expected}, but it is {found}"),
        example_for(key, expected),
    )
}

fn allowed_part(message: &str) -> String {
    match message.split_once("expected ") {
        Some((_, allowed)) => format!("allowed: {}", allowed.replace('`', "")),
        None => "see the list of fields in the README".into(),
    }
}

fn describe_found(found: &str) -> String {
    if found.starts_with("sequence") {
        "a list".into()
    } else if found.starts_with("map") {
        "a group of fields".into()
    } else if found.starts_with("unit") {
        "empty".into()
    } else if let Some(rest) = found.strip_prefix("string ") {
        format!("the text {rest}")
    } else if let Some(rest) = found.strip_prefix("integer ") {
        format!("the number {}", rest.trim_matches('`'))
    } else if let Some(rest) = found.strip_prefix("floating point ") {
        format!("the number {}", rest.trim_matches('`'))
    } else if let Some(rest) = found.strip_prefix("boolean ") {
        format!("{} (yes/no)", rest.trim_matches('`'))
    } else {
        found.to_string()
    }
}

fn describe_expected(expected: &str) -> &'static str {
    if expected.contains("string") {
        "text"
    } else if expected.contains("bool") {
        "true or false"
    } else if expected.contains("sequence") {
        "a list"
    } else if expected.contains("struct") || expected.contains("map") {
        "a group of fields"
    } else if expected.contains("f64") || expected.contains("u32") || expected.contains("int") {
        "a number"
    } else {
        "a different kind of value"
    }
}

fn example_for(key: &str, expected: &str) -> String {
    if matches!(key, "date" | "updated" | "expires") {
        return format!("write the date as YYYY-MM-DD, like `{key}: 2026-03-02`");
    }
    match expected {
        "text" => format!("write it on one line, like `{key}: Some words`"),
        "true or false" => format!("write `{key}: true` or `{key}: false`"),
        "a list" => format!("write a list, like `{key}: [first, second]`"),
        "a number" => format!("write a number, like `{key}: 45`"),
        "a group of fields" => format!(
            "write the fields of `{key}` on the following lines, each indented by two spaces"
        ),
        _ => format!("see the README for what `{key}` should contain"),
    }
}
