//! The one stylesheet stays well-formed: every block is closed, and rules nest only inside at-rules. Two merges
//! once left a rule open, which silently nested every later rule inside it (CSS nesting) so none applied.

#![cfg(not(target_arch = "wasm32"))] // native test
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

#[test]
fn every_block_is_closed_and_rules_nest_only_in_at_rules() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/styles.css")).unwrap();
    // Comments may hold braces; drop them first.
    let mut text = String::new();
    let mut rest = css.as_str();
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("an unclosed comment") + start + 2;
        rest = &rest[end..];
    }
    text.push_str(rest);

    let mut open: Vec<(usize, String)> = Vec::new();
    let mut since = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => {
                let selector = text[since..i].rsplit([';', '}', '{']).next().unwrap_or("").trim().to_owned();
                let line = text[..i].lines().count();
                if let Some((parent_line, parent)) = open.last() {
                    assert!(
                        parent.starts_with('@'),
                        "`{selector}` (line {line}) is inside `{parent}` (line {parent_line}): is a `}}` missing?"
                    );
                }
                open.push((line, selector));
                since = i + 1;
            }
            '}' => {
                assert!(open.pop().is_some(), "a `}}` closes nothing (line {})", text[..i].lines().count());
                since = i + 1;
            }
            ';' => since = i + 1,
            _ => {}
        }
    }
    assert!(open.is_empty(), "blocks left open: {open:?}");
}
