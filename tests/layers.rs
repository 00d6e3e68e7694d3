//! The pure layers import in one direction only: `content` (the course) may use `domain` (the rules), but
//! `domain` never uses `content`, and `storage` uses neither. A cycle between `domain` and `content` once made
//! each of them impossible to read without the other.

#![cfg(not(target_arch = "wasm32"))] // native test
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The places in the files of `layer` (a folder of `src`) that name another layer of the crate, as
/// "file:line: text".
fn uses_of(layer: &str, others: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(layer);
    let files = rust_files(&root);
    assert!(!files.is_empty(), "no Rust files in src/{layer}");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if others.iter().any(|other| code.contains(&format!("crate::{other}"))) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn domain_never_uses_content_or_the_browser_layers() {
    assert_eq!(uses_of("domain", &["content", "state", "ui", "app"]), Vec::<String>::new());
}

#[test]
fn content_and_storage_never_use_the_browser_layers() {
    assert_eq!(uses_of("content", &["state", "ui", "app"]), Vec::<String>::new());
    assert_eq!(uses_of("storage", &["domain", "content", "state", "ui", "app"]), Vec::<String>::new());
}

#[test]
fn the_check_finds_a_use_when_there_is_one() {
    // content does use domain (its search sorts with domain::stable_sort, and it re-exports the exercise catalogue), so
    // the same check must see that; otherwise the tests above could pass by reading nothing.
    assert!(!uses_of("content", &["domain"]).is_empty());
}
