//! The library's imports point one way: each stage uses only the stages and shared
//! modules below it in [`LAYERS`], and no files import each other in a circle.
//!
//! The check reads `src/**/*.rs` as text (the binary's `main.rs` is left out: it only
//! calls `practice_press::cli::main`, and `crate::` there means the binary). Comments, strings and `#[cfg(test)]` items are blanked first, so a unit
//! test may reach any stage and a doc comment may mention one. Every `crate::`,
//! `super::` and `self::` path, and every path through a child module a file declares,
//! is resolved to the file that defines that module.
//!
//! Circles are looked for between files that share a parent folder, by lifting each
//! import to the two siblings below the lowest module the two files share. A folder's
//! `mod.rs` using its own children (to re-export or call them), and children using
//! what their `mod.rs` defines, is how Rust modules are built, so an import between a
//! module and its own descendant is not counted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The library's top-level modules, lowest first. A module may import only modules
/// that come before it. The pipeline runs load → validate → resolve → render → write;
/// `write` sits low because render and media are handed a sink as a value and the
/// sinks know nothing of pages, and `media` sits below `render` because pages name
/// the social cards and photos media makes.
const LAYERS: &[(&str, &str)] = &[
    (
        "diagnostic",
        "located problems, their wording and \"did you mean\"",
    ),
    ("util", "file-system errors, line indexes, slugs, escaping"),
    ("names", "finding a person's name in text"),
    ("yaml", "YAML problems explained in plain English"),
    (
        "i18n",
        "the theme's words in Project Fluent, plurals and dates",
    ),
    (
        "rules",
        "limits, addresses, vocabularies, templates, the Markdown dialect",
    ),
    ("write", "the output sinks and the leak guard"),
    ("model", "the public content model"),
    ("config", "site.yaml"),
    ("load", "stage 1: files into a library"),
    ("validate", "stage 2: every rule, every file"),
    ("resolve", "stage 3: what is published now, grouped"),
    ("search", "the search index render feeds"),
    ("media", "photos stripped, social cards drawn"),
    ("render", "stage 4: pages, feeds and files"),
    ("scaffold", "init and new: files for writers"),
    ("build", "runs the stages in order"),
    ("report", "the build's summary"),
    ("serve", "the preview server: a driver of the same stages"),
    ("cli", "the command line: flags into one library call each"),
];

#[test]
fn library_imports_point_one_way_without_circles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = library_sources(&src);
    assert!(
        files.len() > 50,
        "expected the library's sources under {}, found {} files",
        src.display(),
        files.len()
    );
    let problems = check(&files);
    assert!(
        problems.is_empty(),
        "{} import problem(s):\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

#[test]
fn a_backward_import_is_named_with_its_file_line_and_path() {
    let files = vec![
        source("lib.rs", "pub mod model;\npub mod render;\npub mod validate;\n"),
        source("model.rs", "pub struct Entry;\n"),
        source("render/mod.rs", "pub mod pages;\n"),
        source(
            "render/pages.rs",
            "use crate::model::Entry;\npub fn alias_path() {}\n",
        ),
        source(
            "validate/mod.rs",
            "//! Uses crate::render in a comment only.\nuse crate::model::Entry;\n\nfn f() {\n    let _ = crate::render::pages::alias_path();\n}\n",
        ),
    ];
    let problems = check(&files);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("src/validate/mod.rs:5: `crate::render::pages::alias_path`"),
        "{}",
        problems[0]
    );
    assert!(
        problems[0].contains("validate may not import render"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_circle_between_sibling_files_is_named_edge_by_edge() {
    let files = vec![
        source("lib.rs", "pub mod render;\n"),
        source(
            "render/mod.rs",
            "pub mod feeds;\npub mod pages;\npub mod plain_text;\npub use pages::Job;\n",
        ),
        source(
            "render/feeds.rs",
            "use super::plain_text::FILE_NAME;\npub fn feed() {}\n",
        ),
        source(
            "render/plain_text.rs",
            "pub const FILE_NAME: &str = \"x\";\nuse crate::render::pages::Job;\n",
        ),
        source(
            "render/pages.rs",
            "pub enum Job {}\nfn f() { super::feeds::feed(); }\n",
        ),
    ];
    let problems = check(&files);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let circle = &problems[0];
    for step in [
        "src/render/feeds.rs:1: `super::plain_text::FILE_NAME`",
        "src/render/plain_text.rs:2: `crate::render::pages::Job`",
        "src/render/pages.rs:2: `super::feeds::feed`",
    ] {
        assert!(circle.contains(step), "missing {step} in:\n{circle}");
    }
}

#[test]
fn strings_comments_and_unit_tests_are_not_imports() {
    let files = vec![
        source("lib.rs", "pub mod load;\npub mod render;\n"),
        source("render/mod.rs", "pub fn page() {}\n"),
        source(
            "load/mod.rs",
            concat!(
                "/* crate::render::page() /* nested */ crate::render */\n",
                "const A: &str = \"crate::render::page\";\n",
                "const B: &str = r#\"use crate::render;\"#;\n",
                "const C: char = '\"';\n",
                "fn f<'a>(x: &'a str) -> &'a str { x }\n",
                "#[cfg(test)]\n",
                "mod tests {\n    use crate::render::page;\n    #[test]\n    fn t() { page() }\n}\n",
            ),
        ),
    ];
    assert_eq!(check(&files), Vec::<String>::new());
    let mut with_import = files.clone();
    with_import[2].1.push_str("use crate::render::page;\n");
    let problems = check(&with_import);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("src/load/mod.rs:12:"),
        "{}",
        problems[0]
    );
}

fn source(relative: &str, text: &str) -> (PathBuf, String) {
    (PathBuf::from(relative), text.to_string())
}

/// Every library source below `src`, as (path relative to `src`, text).
fn library_sources(src: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut folders = vec![src.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", folder.display()));
        for entry in entries {
            let path = entry
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", folder.display()))
                .path();
            let relative = path.strip_prefix(src).unwrap_or(&path).to_path_buf();
            if relative == Path::new("main.rs") {
                continue;
            }
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                files.push((relative, text));
            }
        }
    }
    files.sort();
    files
}

/// One import: the file and line it is written on, the path as written, and the
/// module file it reaches.
#[derive(Debug, Clone)]
struct Import {
    file: PathBuf,
    line: usize,
    written: String,
    target: Vec<String>,
}

impl Import {
    fn place(&self) -> String {
        format!(
            "src/{}:{}: `{}`",
            self.file.display().to_string().replace('\\', "/"),
            self.line,
            self.written
        )
    }
}

/// Every problem with the imports of `files` (paths relative to `src`), in words.
fn check(files: &[(PathBuf, String)]) -> Vec<String> {
    let modules: BTreeMap<Vec<String>, &PathBuf> = files
        .iter()
        .map(|(path, _)| (module_of(path), path))
        .collect();
    let imports: Vec<Import> = files
        .iter()
        .flat_map(|(path, text)| imports_of(path, text, &modules))
        .collect();
    let mut problems = backward_imports(&imports);
    problems.extend(circles(&imports));
    problems
}

/// `render/pages/mod.rs` → `["render", "pages"]`; `lib.rs` → `[]`.
fn module_of(path: &Path) -> Vec<String> {
    let mut parts: Vec<String> = path
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|last| last == "mod" || last == "lib")
    {
        parts.pop();
    }
    parts
}

fn backward_imports(imports: &[Import]) -> Vec<String> {
    let rank = |module: &str| LAYERS.iter().position(|(name, _)| *name == module);
    let mut problems = Vec::new();
    for import in imports {
        let from = module_of(&import.file);
        let (Some(from_top), Some(to_top)) = (from.first(), import.target.first()) else {
            continue;
        };
        if from_top == to_top {
            continue;
        }
        match (rank(from_top), rank(to_top)) {
            (Some(a), Some(b)) if b < a => {}
            (Some(_), Some(_)) => problems.push(format!(
                "{}: {from_top} may not import {to_top}, which comes after it in the layers \
                 ({}); move what both need into a module below both (for example rules/), \
                 or pass it in as a value",
                import.place(),
                layer_order()
            )),
            (None, _) => problems.push(format!(
                "{}: the module {from_top} is not in the layer table of \
                 tests/testsuite/architecture.rs; add it where it belongs",
                import.place()
            )),
            (_, None) => problems.push(format!(
                "{}: the module {to_top} is not in the layer table of \
                 tests/testsuite/architecture.rs; add it where it belongs",
                import.place()
            )),
        }
    }
    problems
}

fn layer_order() -> String {
    LAYERS
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(" → ")
}

/// Circles between sibling modules, each named by the imports that make it.
fn circles(imports: &[Import]) -> Vec<String> {
    // parent module → (sibling → sibling it imports → the first import that does).
    type Siblings<'a> = BTreeMap<String, BTreeMap<String, &'a Import>>;
    let mut graphs: BTreeMap<Vec<String>, Siblings> = BTreeMap::new();
    for import in imports {
        let from = module_of(&import.file);
        let shared = from
            .iter()
            .zip(&import.target)
            .take_while(|(a, b)| a == b)
            .count();
        let (Some(a), Some(b)) = (from.get(shared), import.target.get(shared)) else {
            continue; // one is the other's ancestor
        };
        graphs
            .entry(from[..shared].to_vec())
            .or_default()
            .entry(a.clone())
            .or_default()
            .entry(b.clone())
            .or_insert(import);
    }
    let mut problems = Vec::new();
    for (parent, graph) in &graphs {
        let mut reported: BTreeSet<BTreeSet<String>> = BTreeSet::new();
        for start in graph.keys() {
            let Some(cycle) = cycle_through(graph, start) else {
                continue;
            };
            if !reported.insert(cycle.iter().cloned().collect()) {
                continue;
            }
            let steps: Vec<String> = cycle
                .iter()
                .zip(cycle.iter().cycle().skip(1))
                .map(|(a, b)| format!("  {} ({a} → {b})", graph[a][b].place()))
                .collect();
            let folder = if parent.is_empty() {
                "the crate root".to_string()
            } else {
                parent.join("::")
            };
            problems.push(format!(
                "import circle in {folder}: {}\n{}\nmove what they share into a file both can \
                 import, so the imports point one way",
                cycle.join(" → "),
                steps.join("\n")
            ));
        }
    }
    problems
}

/// The shortest path from `start` back to itself, if there is one.
fn cycle_through(
    graph: &BTreeMap<String, BTreeMap<String, &Import>>,
    start: &str,
) -> Option<Vec<String>> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for next in graph.get(node).into_iter().flat_map(|n| n.keys()) {
            if next == start {
                let mut path = vec![node.to_string()];
                let mut at = node;
                while at != start {
                    at = came_from[at];
                    path.push(at.to_string());
                }
                path.reverse();
                return Some(path);
            }
            if !came_from.contains_key(next.as_str()) {
                came_from.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    None
}

/// The imports written in one file, each resolved to the module file it reaches.
fn imports_of(path: &Path, text: &str, modules: &BTreeMap<Vec<String>, &PathBuf>) -> Vec<Import> {
    let code = without_tests(&blank_comments_and_strings(text));
    let here = module_of(path);
    let children: BTreeSet<String> = declared_modules(&code);
    let mut imports = Vec::new();
    for (offset, written) in paths_in(&code) {
        let segments: Vec<&str> = written.split("::").collect();
        let first = segments[0];
        if !matches!(first, "crate" | "super" | "self") && !children.contains(first) {
            continue;
        }
        let Some(full) = absolute(&here, &segments) else {
            continue;
        };
        let Some(target) = (1..=full.len())
            .rev()
            .map(|n| full[..n].to_vec())
            .find(|candidate| modules.contains_key(candidate))
        else {
            continue;
        };
        if target == here || target.is_empty() {
            continue;
        }
        imports.push(Import {
            file: path.to_path_buf(),
            line: code[..offset].matches('\n').count() + 1,
            written,
            target,
        });
    }
    imports
}

/// A path as written, from inside module `here`, as segments from the crate root.
fn absolute(here: &[String], segments: &[&str]) -> Option<Vec<String>> {
    let mut base: Vec<String> = match segments[0] {
        "crate" => Vec::new(),
        _ => here.to_vec(),
    };
    let mut rest = segments;
    if matches!(rest[0], "crate" | "self") {
        rest = &rest[1..];
    }
    while rest.first() == Some(&"super") {
        base.pop()?;
        rest = &rest[1..];
    }
    base.extend(rest.iter().map(|s| s.to_string()));
    Some(base)
}

/// `mod name;` declarations: bare paths through these are imports too.
fn declared_modules(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for statement in code.split([';', '{', '}']) {
        let words: Vec<&str> = statement.split_whitespace().collect();
        if let Some(at) = words.iter().position(|w| *w == "mod") {
            if let Some(name) = words.get(at + 1) {
                if words[..at]
                    .iter()
                    .all(|w| w.starts_with("pub") || w.starts_with('#'))
                {
                    names.insert(name.to_string());
                }
            }
        }
    }
    names
}

/// Every path of two or more segments (`a::b::c`) with its byte offset, `use` trees
/// (`use a::{b, c::{d}}`) expanded into one path per leaf.
fn paths_in(code: &str) -> Vec<(usize, String)> {
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !is_ident(bytes[i]) || (i > 0 && (is_ident(bytes[i - 1]) || bytes[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut segments = 0;
        loop {
            let mut j = end;
            while j < bytes.len() && is_ident(bytes[j]) {
                j += 1;
            }
            if j == end {
                break;
            }
            segments += 1;
            end = j;
            let after = skip_spaces(bytes, j);
            if bytes[after..].starts_with(b"::") {
                let next = skip_spaces(bytes, after + 2);
                if bytes.get(next) == Some(&b'{') {
                    let prefix = squeeze(&code[start..after]);
                    let close = matching_brace(bytes, next);
                    for (offset, leaf) in use_tree(code, next + 1, close) {
                        found.push((offset, format!("{prefix}::{leaf}")));
                    }
                    end = close;
                    segments = 0;
                    break;
                }
                end = next;
            } else {
                break;
            }
        }
        if segments >= 2 {
            found.push((start, squeeze(&code[start..end])));
        }
        i = end.max(start + 1);
    }
    found
}

/// The leaves of a `use` tree between `{` and its `}`, with their offsets.
fn use_tree(code: &str, from: usize, to: usize) -> Vec<(usize, String)> {
    let bytes = code.as_bytes();
    let mut leaves = Vec::new();
    let mut item_start = from;
    let mut i = from;
    while i <= to {
        if i == to || bytes[i] == b',' {
            let item = &code[item_start..i];
            let trimmed = item.trim();
            if !trimmed.is_empty() {
                let offset = item_start + (item.len() - item.trim_start().len());
                if let Some(open) = trimmed.find('{') {
                    let prefix = squeeze(trimmed[..open].trim_end().trim_end_matches("::"));
                    let inner_open = offset + open;
                    let inner_close = matching_brace(bytes, inner_open);
                    for (at, leaf) in use_tree(code, inner_open + 1, inner_close) {
                        leaves.push((at, format!("{prefix}::{leaf}")));
                    }
                    i = inner_close + 1;
                    item_start = i;
                    continue;
                }
                let name = trimmed.split_whitespace().next().unwrap_or(trimmed);
                leaves.push((offset, squeeze(name)));
            }
            item_start = i + 1;
        }
        i += 1;
    }
    leaves
}

fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

fn matching_brace(bytes: &[u8], open: usize) -> usize {
    let mut depth = 0;
    for (i, b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    bytes.len()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `text` with comments, strings and character literals replaced by spaces (line
/// breaks kept, so offsets and line numbers stay true).
fn blank_comments_and_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    // Each character becomes as many spaces as it has bytes, so offsets stay true.
    let blank = |out: &mut String, c: char| match c {
        '\n' => out.push('\n'),
        c => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
        } else if let Some(hashes) = raw_string_start(&chars, i) {
            // r"…", r#"…"#, br#"…"#: no escapes; ends at a quote and as many #.
            let open = chars[i..].iter().position(|&c| c == '"').unwrap_or(0) + i;
            for &c in &chars[i..=open] {
                blank(&mut out, c);
            }
            i = open + 1;
            while i < chars.len() {
                let closes =
                    chars[i] == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#'));
                if closes {
                    for _ in 0..=hashes {
                        out.push(' ');
                    }
                    i += 1 + hashes;
                    break;
                }
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
                if i < chars.len() {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{1F600}'), not a lifetime ('a).
            let end = if next == Some('\\') {
                chars[i + 2..]
                    .iter()
                    .position(|&c| c == '\'')
                    .map(|p| i + 2 + p)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    for &c in &chars[i..=end] {
                        blank(&mut out, c);
                    }
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The number of `#` if a raw string starts at `i`.
fn raw_string_start(chars: &[char], i: usize) -> Option<usize> {
    let before_ok = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    if !before_ok {
        return None;
    }
    let mut j = i;
    if chars.get(j) == Some(&'b') {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let mut hashes = 0;
    while chars.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    (chars.get(j) == Some(&'"')).then_some(hashes)
}

/// `code` with each item marked `#[cfg(test)]` blanked out.
fn without_tests(code: &str) -> String {
    let mut out = code.to_string();
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(at) = code[from..].find("#[cfg(test)]") {
        let start = from + at;
        let mut i = start + "#[cfg(test)]".len();
        let mut end = bytes.len();
        while i < bytes.len() {
            match bytes[i] {
                b';' => {
                    end = i + 1;
                    break;
                }
                b'{' => {
                    end = matching_brace(bytes, i) + 1;
                    break;
                }
                _ => i += 1,
            }
        }
        let end = end.min(bytes.len());
        let blanked: String = code[start..end]
            .bytes()
            .map(|b| if b == b'\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(start..end, &blanked);
        from = end;
    }
    out
}
