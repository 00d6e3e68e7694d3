//! Archive files: which entries go (history only, last changed before the cut-off), what the file holds and how
//! it is marked, that it imports by Merge like any backup, and that removal takes only what is unchanged.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::collections::BTreeMap;
use trust_steps::domain::archive::{
    archive_file, cutoff_problem, day_after, default_cutoff, last_changed, plan, removal, ArchiveMark, ARCHIVABLE,
};
use trust_steps::domain::backup::{self, BackupFile, ImportMode};

fn record(id: &str, updated_at: &str) -> String {
    format!(r#"{{"schema":1,"data":{{"id":"{id}","created_at":"2020-01-01T00:00:00Z","updated_at":"{updated_at}"}}}}"#)
}

/// Entries with their text parsed, so key order inside the JSON does not matter.
fn parsed(entries: &BTreeMap<String, String>) -> BTreeMap<String, serde_json::Value> {
    entries.iter().map(|(k, v)| (k.clone(), serde_json::from_str(v).unwrap())).collect()
}

fn stored() -> BTreeMap<String, String> {
    let mut s = BTreeMap::new();
    for (collection, id, at) in [
        ("journal", "old1", "2024-03-01T10:00:00Z"),
        ("journal", "old2", "2025-12-05T23:59:59Z"),
        ("journal", "edge", "2025-12-06T00:00:00Z"),
        ("journal", "new", "2026-11-30T08:00:00Z"),
        ("triggers", "t1", "2023-05-01T10:00:00Z"),
        ("observations", "o1", "2024-01-01T10:00:00Z"),
        ("assessments", "a1", "2024-01-01T10:00:00Z"),
        ("worksheets", "w1", "2024-01-01T10:00:00Z"),
        // Still in use however old: never archived.
        ("people", "p1", "2020-01-01T10:00:00Z"),
        ("ladder", "l1", "2020-01-01T10:00:00Z"),
        ("promises", "pr1", "2020-01-01T10:00:00Z"),
        ("beliefs", "b1", "2020-01-01T10:00:00Z"),
    ] {
        s.insert(format!("trust-steps/{collection}/{id}"), record(id, at));
    }
    s.insert("trust-steps/settings".into(), r#"{"schema":1,"data":{"updated_at":"2020-01-01T00:00:00Z"}}"#.into());
    s.insert("trust-steps/lesson-progress".into(), r#"{"schema":1,"data":{}}"#.into());
    // No readable date: never archived.
    s.insert("trust-steps/journal/nodate".into(), r#"{"schema":1,"data":{"id":"nodate","updated_at":"soon"}}"#.into());
    s
}

#[test]
fn only_history_last_changed_before_the_day_goes_and_its_size_is_what_storage_holds() {
    let stored = stored();
    let mut sizes = BTreeMap::new();
    sizes.insert("trust-steps/journal/old1".to_owned(), 100);
    let p = plan(&stored, &sizes, "2025-12-06");
    let keys: Vec<&str> = p.entries.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "trust-steps/assessments/a1",
            "trust-steps/journal/old1",
            "trust-steps/journal/old2",
            "trust-steps/observations/o1",
            "trust-steps/triggers/t1",
            "trust-steps/worksheets/w1",
        ]
    );
    assert_eq!(p.counts["journal"], 2);
    assert_eq!(
        p.summary(),
        "2 thought records, 1 trigger-log entry, 1 observation about a person, 1 self-assessment, 1 worksheet"
    );
    // old1 counts the size storage reported (sealed, say); the others their key and text.
    let others: usize = p
        .entries
        .iter()
        .filter(|(k, _)| !k.ends_with("old1"))
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    assert_eq!(p.units, 100 + others);
    assert!(plan(&stored, &sizes, "2020-01-01").is_empty());
    assert_eq!(plan(&stored, &sizes, "2020-01-01").summary(), "nothing");
    assert!(plan(&stored, &sizes, "not a day").is_empty());
    assert_eq!(ARCHIVABLE, ["journal", "triggers", "observations", "assessments", "worksheets"]);
}

#[test]
fn last_changed_is_updated_at_or_else_created_at() {
    assert_eq!(last_changed(&record("a", "2025-01-02T03:04:05Z")).as_deref(), Some("2025-01-02T03:04:05Z"));
    assert_eq!(
        last_changed(r#"{"schema":1,"data":{"id":"a","created_at":"2024-02-02T00:00:00Z"}}"#).as_deref(),
        Some("2024-02-02T00:00:00Z")
    );
    assert_eq!(last_changed(r#"{"schema":1,"data":{"id":"a","updated_at":""}}"#), None);
    assert_eq!(last_changed("not json"), None);
}

#[test]
fn the_default_cut_off_is_a_year_back_and_the_day_is_checked() {
    assert_eq!(default_cutoff("2026-12-06"), "2025-12-06");
    assert_eq!(default_cutoff("2028-02-29"), "2027-02-28");
    assert_eq!(day_after("2025-12-31").as_deref(), Some("2026-01-01"));
    assert_eq!(cutoff_problem("2025-12-06", "2026-12-06"), None);
    assert_eq!(cutoff_problem("2026-12-07", "2026-12-06"), None, "tomorrow: everything up to today");
    assert!(cutoff_problem("2027-01-01", "2026-12-06").unwrap().contains("future"));
    assert!(cutoff_problem("", "2026-12-06").unwrap().contains("Choose a day"));
    assert!(cutoff_problem("2026-02-30", "2026-12-06").is_some());
}

#[test]
fn the_archive_is_a_marked_backup_of_exactly_those_entries_and_merges_back() {
    let stored = stored();
    let p = plan(&stored, &BTreeMap::new(), "2025-12-06");
    let text = archive_file(&p, "2026-12-06T10:00:00Z");
    let file: BackupFile = serde_json::from_str(&text).unwrap();
    assert_eq!((file.app.as_str(), file.kind.as_str()), ("trust-steps", "backup"));
    assert_eq!(ArchiveMark::from_fields(&file.extra).map(|m| m.before).as_deref(), Some("2025-12-06"));
    assert_eq!(file.counts.values().sum::<usize>(), 6);
    // It reads like any backup, with exactly those entries as they were stored.
    let backup = backup::read_backup(text.as_bytes()).unwrap();
    assert_eq!(parsed(&backup.entries), parsed(&p.entries));
    // Restoring by Merge onto the device without them brings each one back.
    let mut after: BTreeMap<String, String> = stored.clone();
    let gone = removal(&p.entries, &stored);
    for key in &gone.remove {
        after.remove(key);
    }
    let merge = backup::plan(&backup, &after, ImportMode::Merge);
    let mut restored = after.clone();
    for (key, value) in &merge.writes {
        match value {
            Some(v) => restored.insert(key.clone(), v.clone()),
            None => restored.remove(key),
        };
    }
    assert_eq!(parsed(&restored), parsed(&stored));
    // A whole backup carries no mark.
    let whole: BackupFile = serde_json::from_str(&backup::export(stored, "now").text).unwrap();
    assert_eq!(ArchiveMark::from_fields(&whole.extra), None);
}

#[test]
fn removal_takes_only_what_is_still_exactly_as_archived() {
    let stored = stored();
    let p = plan(&stored, &BTreeMap::new(), "2025-12-06");
    let mut now = stored.clone();
    // Edited in another tab since the archive was made, and one already removed.
    now.insert("trust-steps/journal/old1".into(), record("old1", "2026-12-06T09:00:00Z"));
    now.remove("trust-steps/triggers/t1");
    let r = removal(&p.entries, &now);
    assert_eq!(r.changed, ["trust-steps/journal/old1"]);
    assert_eq!(
        r.remove,
        [
            "trust-steps/assessments/a1",
            "trust-steps/journal/old2",
            "trust-steps/observations/o1",
            "trust-steps/worksheets/w1"
        ]
    );
}
