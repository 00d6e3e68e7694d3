//! The app's one stable sort (src/domain/stable_sort.rs) orders exactly like `slice::sort_by`, ties included, and the
//! source uses it instead of the standard library's generic sorts.

#![cfg(not(target_arch = "wasm32"))] // native test
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::cmp::Ordering;
use trust_steps::domain::stable_sort::{sort_stable_by, sort_stable_by_key};

/// A small deterministic pseudo-random sequence (xorshift), so the cases are the same on every run.
fn numbers(seed: u64, count: usize) -> Vec<u64> {
    let mut x = seed.max(1);
    (0..count)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        })
        .collect()
}

#[test]
fn orders_like_the_standard_stable_sort_with_ties_kept_in_place() {
    for (seed, len) in [(1, 0), (2, 1), (3, 2), (4, 7), (5, 50), (6, 333), (7, 2000)] {
        // (key with many ties, original position): equal keys must keep their positions' order.
        let items: Vec<(u64, usize)> = numbers(seed, len).into_iter().map(|n| n % 13).zip(0..).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|a| a.0);
        let mut ours = items.clone();
        sort_stable_by(&mut ours, |a, b| a.0.cmp(&b.0));
        assert_eq!(ours, expected, "seed {seed}, {len} items");
    }
}

#[test]
fn sorts_descending_and_by_key_of_owned_values() {
    let mut words = vec!["pear".to_owned(), "Apple".into(), "fig".into(), "apple".into(), "Fig".into()];
    sort_stable_by_key(&mut words, |w| w.to_lowercase());
    assert_eq!(words, ["Apple", "apple", "fig", "Fig", "pear"]);
    sort_stable_by(&mut words, |a, b| b.len().cmp(&a.len()).then(Ordering::Equal));
    assert_eq!(words, ["Apple", "apple", "pear", "fig", "Fig"]);
}

#[test]
fn an_already_sorted_or_reversed_list_comes_out_sorted() {
    let mut up: Vec<u32> = (0..100).collect();
    sort_stable_by(&mut up, |a, b| a.cmp(b));
    assert_eq!(up, (0..100).collect::<Vec<_>>());
    let mut down: Vec<u32> = (0..100).rev().collect();
    sort_stable_by(&mut down, |a, b| a.cmp(b));
    assert_eq!(down, (0..100).collect::<Vec<_>>());
}

/// Every `sort_by`/`sort_by_key` in `src/` goes through `domain::stable_sort` (one compiled copy of the sort); a new
/// direct call would bring back a copy of the standard sort per element type.
#[test]
fn the_source_sorts_only_through_domain_stable_sort() {
    let mut offenders = Vec::new();
    let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("domain/stable_sort.rs") {
                let text = std::fs::read_to_string(&path).expect("a source file is readable");
                for (n, line) in text.lines().enumerate() {
                    if line.contains(".sort_by(") || line.contains(".sort_by_key(") {
                        offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(offenders.is_empty(), "sort through trust_steps::domain::stable_sort instead:\n{}", offenders.join("\n"));
}
