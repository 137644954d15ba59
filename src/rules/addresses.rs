//! Addresses written by people, turned into the site paths the build publishes.

/// An alias written as `/stories/old/` or `stories/old` → `/stories/old/`.
pub(crate) fn alias_path(alias: &str) -> String {
    let trimmed = alias.trim().trim_matches('/');
    let clean: Vec<&str> = trimmed
        .split('/')
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .collect();
    if clean.is_empty() {
        return "/".to_string();
    }
    format!("/{}/", clean.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_cannot_climb_out_of_the_site() {
        assert_eq!(alias_path("/stories/old/"), "/stories/old/");
        assert_eq!(alias_path("stories/../../etc"), "/stories/etc/");
        assert_eq!(alias_path("/../"), "/");
    }
}
