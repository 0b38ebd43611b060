//! The code's layout as enforced rules, for the whole workspace (the engine, the command line,
//! the worker and the app):
//! - the engine's folders are stages, and a module imports only from its own stage or the ones
//!   before it: `scenario/` → `model/` → `analysis/` → `formats/` → `wire/`;
//! - no module imports one that imports it back, however long the circle (a folder's `mod.rs`
//!   declaring and re-exporting its own children is not an import of them);
//! - no source file is over 400 lines.
//!
//! Imports are read from the text: `use crate::…`, `use super::…` and paths written inline, in the
//! code before any `#[cfg(test)]` (tests may reach anywhere).

// Native tests only, never linked into the page: the size rules of clippy.toml do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const STAGES: [&str; 5] = ["scenario", "model", "analysis", "formats", "wire"];
const MAX_LINES: usize = 400;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A file's module path within its crate: `src/model/step.rs` → `["model", "step"]`,
/// `src/model/mod.rs` → `["model"]`, `src/lib.rs` → `[]`.
fn module_of(root: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root).unwrap();
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_owned());
    }
    parts
}

/// The code of a file before its tests, without comments (doc links name paths too).
fn code(text: &str) -> String {
    let code = text.find("#[cfg(test)]").map_or(text, |i| &text[..i]);
    code.lines().map(|l| l.find("//").map_or(l, |i| &l[..i])).collect::<Vec<_>>().join("\n")
}

/// Module paths a file names: `crate::a::b::{c, d}`, `super::x`, `self::y`, resolved against the
/// file's own module (for a `mod.rs`, its folder's). Paths are cut at the first segment that is
/// not a module of the crate.
fn imports(text: &str, here: &[String], modules: &BTreeSet<Vec<String>>) -> BTreeSet<Vec<String>> {
    let mut found = BTreeSet::new();
    let code = code(text);
    let code = code.as_str();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start) {
            let i = from + at;
            from = i + start.len();
            // `crate::` inside `$crate::` or an identifier is not a path start.
            if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b'$') {
                continue;
            }
            // The module a relative path starts from: a `mod.rs` is its folder's module.
            let mut path: Vec<String> = match start {
                "crate::" => vec![],
                "super::" => here[..here.len().saturating_sub(1)].to_vec(),
                _ => here.to_vec(),
            };
            let mut rest = &code[i + start.len()..];
            loop {
                let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if name == "super" {
                    path.pop();
                } else {
                    let mut next = path.clone();
                    next.push(name.clone());
                    if name.is_empty() || !modules.contains(&next) {
                        break;
                    }
                    path = next;
                }
                rest = &rest[name.len()..];
                match rest.strip_prefix("::") {
                    Some(r) => rest = r,
                    None => break,
                }
            }
            found.insert(path);
        }
    }
    found
}

/// One crate's module graph: module → modules it imports (other than itself and its own children
/// when it is their folder's `mod.rs`), with each module's line count.
struct Crate {
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
    lines: Vec<(PathBuf, usize)>,
}

fn read_crate(root: &Path) -> Crate {
    let files = sources(root);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(root, f)).collect();
    let mut edges = BTreeMap::new();
    let mut lines = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        lines.push((file.clone(), text.lines().count()));
        let here = module_of(root, file);
        let is_mod_file = file.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs" || n == "main.rs");
        let targets = imports(&text, &here, &modules)
            .into_iter()
            .filter(|t| *t != here && !(is_mod_file && t.starts_with(&here)))
            .collect();
        edges.insert(here, targets);
    }
    Crate { edges, lines }
}

/// A circle of imports, if there is one (depth-first search).
fn circle(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    fn visit(
        node: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut found = stack[at..].to_vec();
            found.push(node.clone());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, edges, stack, done) {
                return Some(found);
            }
        }
        stack.pop();
        done.insert(node.clone());
        None
    }
    let (mut stack, mut done) = (Vec::new(), BTreeSet::new());
    edges.keys().find_map(|n| visit(n, edges, &mut stack, &mut done))
}

fn crates() -> Vec<(&'static str, PathBuf)> {
    let w = workspace();
    vec![
        ("engine", w.join("crates/engine/src")),
        ("cli", w.join("crates/cli/src")),
        ("worker", w.join("crates/worker/src")),
        ("app", w.join("src")),
    ]
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    for (name, root) in crates() {
        let c = read_crate(&root);
        if let Some(found) = circle(&c.edges) {
            let names: Vec<String> = found.iter().map(|m| format!("{name}::{}", m.join("::"))).collect();
            panic!("modules import each other: {}", names.join(" → "));
        }
    }
}

#[test]
fn the_engine_imports_only_from_earlier_stages() {
    let c = read_crate(&workspace().join("crates/engine/src"));
    let stage = |m: &Vec<String>| m.first().and_then(|s| STAGES.iter().position(|t| t == s));
    let mut wrong = Vec::new();
    for (from, targets) in &c.edges {
        let Some(a) = stage(from) else { continue }; // lib.rs sits above every stage
        for to in targets {
            match stage(to) {
                Some(b) if b <= a => {}
                _ => wrong.push(format!("{} imports {}", from.join("::"), to.join("::"))),
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the stage order {STAGES:?}:\n{}", wrong.join("\n"));
    // The folders themselves: every stage exists and nothing else sits beside them but lib.rs.
    let top: BTreeSet<String> = c.edges.keys().filter_map(|m| m.first().cloned()).collect();
    assert_eq!(top, STAGES.iter().map(|s| s.to_string()).collect(), "the engine's top-level modules are its stages");
}

#[test]
fn no_source_file_is_over_400_lines() {
    let w = workspace();
    let mut roots: Vec<PathBuf> = crates().into_iter().map(|(_, r)| r).collect();
    roots.extend(["crates/engine/tests", "crates/engine/benches", "crates/cli/tests"].map(|d| w.join(d)));
    let long: Vec<String> = roots
        .iter()
        .flat_map(|r| read_crate(r).lines)
        .filter(|(_, n)| *n > MAX_LINES)
        .map(|(f, n)| format!("{} has {n} lines", f.display()))
        .collect();
    assert!(long.is_empty(), "split these by purpose:\n{}", long.join("\n"));
}

#[test]
fn the_checker_finds_a_circle_and_an_upward_import() {
    let modules: BTreeSet<Vec<String>> =
        [vec![], vec!["model".into()], vec!["model".into(), "step".into()], vec!["wire".into()]].into_iter().collect();
    let here = vec!["model".to_owned(), "step".to_owned()];
    let found = imports("use crate::wire::Frame;\nuse super::Model;\n", &here, &modules);
    assert_eq!(found, [vec!["wire".to_owned()], vec!["model".to_owned()]].into_iter().collect());
    let ignored = imports("fn f() {}\n#[cfg(test)]\nuse crate::wire::Frame;", &here, &modules);
    assert!(ignored.is_empty(), "tests may import anything");
    let mut edges = BTreeMap::new();
    edges.insert(vec!["a".to_owned()], [vec!["b".to_owned()]].into_iter().collect());
    edges.insert(vec!["b".to_owned()], [vec!["a".to_owned()]].into_iter().collect());
    assert!(circle(&edges).is_some());
    edges.insert(vec!["b".to_owned()], BTreeSet::new());
    assert!(circle(&edges).is_none());
}
