//! Storage rules, checked against the in-memory store: migration, unknown fields kept, quarantine,
//! failed saves kept and retried, and merging another tab's changes.

#![cfg(not(target_arch = "wasm32"))] // native tests; the browser tests are in wasm_storage.rs
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use trust_steps::domain::{LessonProgress, Merge, Settings, ThemeChoice};
use trust_steps::storage::{keys, KvStore, LoadProblem, MemoryStore, SaveError, StoreError, Stored, Vault, Versioned};

fn vault() -> Vault<MemoryStore> {
    Vault::new(MemoryStore::new(), Box::new(|| "2026-11-27T10:00:00.000Z".to_owned()))
}

/// A collection with a real two-step history, to exercise the migration chain.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Journalish {
    entries: Vec<String>,
    title: String,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

impl Stored for Journalish {
    const KEY: &'static str = "trust-steps/test-journal";
    fn touch(&mut self, _now: &str) {}
}

impl Versioned for Journalish {
    const SCHEMA: u32 = 3;
    fn upgrade(from: u32, data: Value) -> Result<Value, String> {
        match from {
            // v1 was a bare list of strings.
            1 => Ok(json!({ "items": data })),
            // v2 called the list `items` and had no title.
            2 => {
                let items = data.get("items").cloned().ok_or("v2 data has no items")?;
                Ok(json!({ "entries": items, "title": "My journal" }))
            }
            other => Err(format!("no upgrade from {other}")),
        }
    }
}

#[test]
fn missing_data_loads_the_default_without_a_problem() {
    let mut v = vault();
    let loaded = v.load::<Settings>();
    assert_eq!(loaded.value, Settings::default());
    assert_eq!(loaded.problem, None);
}

#[test]
fn saved_settings_load_back() {
    let mut v = vault();
    let settings =
        Settings { theme: ThemeChoice::Dark, updated_at: "2026-11-27T10:00:00.000Z".into(), ..Default::default() };
    v.save(&settings).unwrap();
    let raw = v.store().get(keys::SETTINGS).unwrap().unwrap();
    let envelope: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(envelope["schema"], 1);
    assert_eq!(envelope["data"]["theme"], "dark");
    assert_eq!(v.load::<Settings>().value, settings);
}

#[test]
fn every_old_schema_migrates_to_the_current_one() {
    for raw in [
        r#"{"schema":1,"data":["first","second"]}"#,
        r#"{"schema":2,"data":{"items":["first","second"]}}"#,
        r#"{"schema":3,"data":{"entries":["first","second"],"title":"My journal"}}"#,
    ] {
        let mut v = vault();
        v.store().set(Journalish::KEY, raw).unwrap();
        let loaded = v.load::<Journalish>();
        assert_eq!(loaded.problem, None, "{raw}");
        assert_eq!(loaded.value.entries, vec!["first", "second"], "{raw}");
        assert_eq!(loaded.value.title, "My journal", "{raw}");
    }
}

#[test]
fn a_failing_migration_quarantines_instead_of_losing_data() {
    let mut v = vault();
    let raw = r#"{"schema":2,"data":{"no-items":true}}"#;
    v.store().set(Journalish::KEY, raw).unwrap();
    let loaded = v.load::<Journalish>();
    assert!(matches!(loaded.problem, Some(LoadProblem::Quarantined { .. })));
    let items = v.quarantined();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].1.raw, raw);
}

#[test]
fn unknown_fields_from_a_newer_version_survive_a_save() {
    let mut v = vault();
    let newer = r#"{"schema":7,"written_by":"trust-steps 9","data":{"theme":"light","updated_at":"2026-01-01T00:00:00.000Z","font_size":"large","reminders":{"hour":20}}}"#;
    v.store().set(keys::SETTINGS, newer).unwrap();
    let mut settings = v.load::<Settings>().value;
    assert_eq!(settings.theme, ThemeChoice::Light);
    settings.theme = ThemeChoice::Dark;
    v.save(&settings).unwrap();
    let saved: Value = serde_json::from_str(&v.store().get(keys::SETTINGS).unwrap().unwrap()).unwrap();
    assert_eq!(saved["schema"], 7, "a newer schema number is never downgraded");
    assert_eq!(saved["written_by"], "trust-steps 9", "unknown envelope fields are kept");
    assert_eq!(saved["data"]["font_size"], "large");
    assert_eq!(saved["data"]["reminders"]["hour"], 20);
    assert_eq!(saved["data"]["theme"], "dark");
}

#[test]
fn unknown_fields_inside_nested_records_survive_a_save() {
    let mut v = vault();
    let raw = r#"{"schema":1,"data":{"lessons":{"what-trust-is":{"done_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z","rating":5}},"streak":3}}"#;
    v.store().set(keys::LESSON_PROGRESS, raw).unwrap();
    let mut progress = v.load::<LessonProgress>().value;
    progress.set_done("self-trust", true, "2026-02-01T00:00:00.000Z");
    v.save(&progress).unwrap();
    let saved: Value = serde_json::from_str(&v.store().get(keys::LESSON_PROGRESS).unwrap().unwrap()).unwrap();
    assert_eq!(saved["data"]["lessons"]["what-trust-is"]["rating"], 5);
    assert_eq!(saved["data"]["streak"], 3);
    assert!(saved["data"]["lessons"]["self-trust"]["done_at"].is_string());
}

#[test]
fn garbage_is_moved_to_quarantine_and_never_overwritten() {
    let mut v = vault();
    let garbage = "{not json at all";
    v.store().set(keys::SETTINGS, garbage).unwrap();
    let loaded = v.load::<Settings>();
    assert_eq!(loaded.value, Settings::default());
    let Some(LoadProblem::Quarantined { quarantine_key, .. }) = loaded.problem else {
        panic!("expected quarantine, got {:?}", loaded.problem);
    };
    assert!(quarantine_key.starts_with(keys::QUARANTINE_PREFIX));
    assert_eq!(
        v.store().get(keys::SETTINGS).unwrap(),
        None,
        "the original key is freed only after the copy is written"
    );
    let items = v.quarantined();
    assert_eq!(items[0].1.raw, garbage);
    assert_eq!(items[0].1.original_key, keys::SETTINGS);
    // Saving new settings now cannot touch the quarantined copy.
    v.save(&Settings { theme: ThemeChoice::Dark, ..Default::default() }).unwrap();
    assert_eq!(v.quarantined()[0].1.raw, garbage);
}

#[test]
fn wrong_shapes_are_quarantined_too() {
    for raw in [r#"{"schema":1}"#, r#"[1,2,3]"#, r#"{"schema":1,"data":{"lessons":"oops"}}"#, r#""just a string""#] {
        let mut v = vault();
        v.store().set(keys::LESSON_PROGRESS, raw).unwrap();
        let loaded = v.load::<LessonProgress>();
        assert!(matches!(loaded.problem, Some(LoadProblem::Quarantined { .. })), "{raw}");
        assert_eq!(v.quarantined()[0].1.raw, raw);
    }
}

#[test]
fn two_quarantines_of_the_same_key_do_not_overwrite_each_other() {
    let mut v = vault();
    v.store().set(keys::SETTINGS, "first garbage").unwrap();
    v.load::<Settings>();
    v.store().set(keys::SETTINGS, "second garbage").unwrap();
    v.load::<Settings>();
    let raws: Vec<String> = v.quarantined().into_iter().map(|(_, item)| item.raw).collect();
    assert_eq!(raws, vec!["first garbage", "second garbage"]);
}

#[test]
fn when_quarantine_cannot_be_written_the_original_is_left_alone_and_saves_are_refused() {
    let mut v = vault();
    v.store().set(keys::SETTINGS, "garbage").unwrap();
    v.store().fail_writes(Some(StoreError::QuotaExceeded));
    let loaded = v.load::<Settings>();
    assert!(matches!(loaded.problem, Some(LoadProblem::Blocked { .. })));
    v.store().fail_writes(None);
    let result = v.save(&Settings::default());
    assert!(matches!(result, Err(SaveError::Blocked(_))));
    assert_eq!(v.store().get(keys::SETTINGS).unwrap().as_deref(), Some("garbage"));
    assert_eq!(v.blocked().get(keys::SETTINGS).map(String::as_str), Some("garbage"));
}

#[test]
fn a_failed_save_keeps_the_value_and_retries_on_the_next_save() {
    let mut v = vault();
    v.store().set_quota(Some(10));
    let mut progress = LessonProgress::default();
    progress.set_done("what-trust-is", true, "2026-11-27T10:00:00.000Z");
    assert_eq!(v.save(&progress), Err(SaveError::Store(StoreError::QuotaExceeded)));
    assert!(v.has_unsaved());
    assert!(v.is_unsaved(keys::LESSON_PROGRESS));
    // Space frees up; saving anything else also writes the queued progress.
    v.store().set_quota(None);
    v.save(&Settings::default()).unwrap();
    assert!(!v.has_unsaved());
    assert!(v.load::<LessonProgress>().value.is_done("what-trust-is"));
}

#[test]
fn storage_turned_off_mid_session_reports_and_keeps_the_value() {
    let mut v = vault();
    v.store().fail_writes(Some(StoreError::Unavailable));
    let settings = Settings { theme: ThemeChoice::Dark, ..Default::default() };
    let error = v.save(&settings).unwrap_err();
    assert!(error.to_string().contains("kept on screen"));
    v.store().fail_writes(None);
    v.flush().unwrap();
    assert_eq!(v.load::<Settings>().value.theme, ThemeChoice::Dark);
}

#[test]
fn memory_store_counts_quota_like_a_browser() {
    let store = MemoryStore::new();
    store.set_quota(Some(8));
    store.set("ab", "cdef").unwrap();
    assert_eq!(store.used_units(), 6);
    assert_eq!(store.set("ab", "cdefghij"), Err(StoreError::QuotaExceeded));
    store.set("ab", "cdefgh").unwrap();
    assert_eq!(store.used_units(), 8);
}

#[test]
fn used_units_counts_only_app_keys() {
    let mut v = vault();
    v.store().set("someone-else", "xxxxxxxxxx").unwrap();
    v.save(&Settings::default()).unwrap();
    let used = v.used_units().unwrap();
    let raw = v.store().get(keys::SETTINGS).unwrap().unwrap();
    assert_eq!(used, keys::SETTINGS.len() + raw.len());
}

#[test]
fn another_tabs_lesson_progress_merges_without_losing_either_side() {
    let mut ours = LessonProgress::default();
    ours.set_done("what-trust-is", true, "2026-11-27T10:00:00.000Z");
    let mut theirs = LessonProgress::default();
    theirs.set_done("self-trust", true, "2026-11-27T10:01:00.000Z");
    let merged = ours.clone().merge(theirs.clone());
    assert!(merged.is_done("what-trust-is") && merged.is_done("self-trust"));
    assert_eq!(merged, theirs.merge(ours), "merging is symmetric here");
}

#[test]
fn the_newer_edit_of_the_same_lesson_wins() {
    let mut ours = LessonProgress::default();
    ours.set_done("what-trust-is", true, "2026-11-27T10:00:00.000Z");
    let mut theirs = LessonProgress::default();
    theirs.set_done("what-trust-is", false, "2026-11-27T10:05:00.000Z");
    assert!(!ours.clone().merge(theirs.clone()).is_done("what-trust-is"));
    assert!(!theirs.merge(ours).is_done("what-trust-is"));
}

#[test]
fn settings_merge_takes_the_newer_change() {
    let older =
        Settings { theme: ThemeChoice::Light, updated_at: "2026-01-01T00:00:00.000Z".into(), ..Default::default() };
    let newer =
        Settings { theme: ThemeChoice::Dark, updated_at: "2026-02-01T00:00:00.000Z".into(), ..Default::default() };
    assert_eq!(older.clone().merge(newer.clone()).theme, ThemeChoice::Dark);
    assert_eq!(newer.merge(older).theme, ThemeChoice::Dark);
}

#[test]
fn last_opened_lesson_is_the_most_recent() {
    let mut p = LessonProgress::default();
    p.opened("small-steps", "2026-11-27T10:00:00.000Z");
    p.opened("self-trust", "2026-11-27T11:00:00.000Z");
    p.set_done("what-trust-is", true, "2026-11-27T12:00:00.000Z");
    assert_eq!(p.last_opened(), Some("self-trust"));
    assert_eq!(p.done_count(["what-trust-is", "self-trust"]), 1);
}

#[test]
fn an_unknown_theme_from_a_newer_version_falls_back_to_system() {
    let s: Settings = serde_json::from_str(r#"{"theme":"sepia"}"#).unwrap();
    assert_eq!(s.theme, ThemeChoice::System);
}

/// A record kept under its own key, like a journal entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Note {
    id: String,
    updated_at: String,
    text: String,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

impl Versioned for Note {
    const SCHEMA: u32 = 1;
}

impl trust_steps::storage::Record for Note {
    const PREFIX: &'static str = "trust-steps/test-notes/";
    fn id(&self) -> &str {
        &self.id
    }
    fn updated_at(&self) -> &str {
        &self.updated_at
    }
    fn touch(&mut self, now: &str) {
        self.updated_at = now.to_owned();
    }
}

fn note(id: &str, text: &str) -> Note {
    Note { id: id.into(), updated_at: "2026-11-27T10:00:00.000Z".into(), text: text.into(), ..Default::default() }
}

#[test]
fn saving_one_record_leaves_the_others_untouched() {
    let mut v = vault();
    v.save_record(&note("a", "first")).unwrap();
    v.save_record(&note("b", "second")).unwrap();
    // Another tab (or a newer version) edits b directly; saving a must not write b back.
    v.store().set("trust-steps/test-notes/b", r#"{"schema":1,"data":{"id":"b","text":"edited elsewhere"}}"#).unwrap();
    v.save_record(&note("a", "first, edited")).unwrap();
    let (mut notes, problems) = v.load_records::<Note>();
    notes.sort_by(|x, y| x.id.cmp(&y.id));
    assert!(problems.is_empty());
    assert_eq!(notes[0].text, "first, edited");
    assert_eq!(notes[1].text, "edited elsewhere");
}

#[test]
fn one_unreadable_record_is_quarantined_and_the_rest_load() {
    let mut v = vault();
    v.save_record(&note("a", "fine")).unwrap();
    v.store().set("trust-steps/test-notes/b", "{{{broken").unwrap();
    let (notes, problems) = v.load_records::<Note>();
    assert_eq!(notes.len(), 1);
    assert_eq!(problems.len(), 1);
    assert_eq!(v.quarantined()[0].1.raw, "{{{broken");
    assert_eq!(v.quarantined()[0].1.original_key, "trust-steps/test-notes/b");
}

#[test]
fn deleting_a_record_removes_only_its_key_and_a_refused_delete_is_retried() {
    let mut v = vault();
    v.save_record(&note("a", "keep")).unwrap();
    v.save_record(&note("b", "remove")).unwrap();
    v.store().fail_writes(Some(StoreError::Other("busy".into())));
    assert!(v.delete_record::<Note>("b").is_err());
    assert!(v.has_unsaved());
    v.store().fail_writes(None);
    v.save_record(&note("a", "keep, edited")).unwrap();
    let (notes, _) = v.load_records::<Note>();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "keep, edited");
    assert_eq!(v.load_record::<Note>("b").unwrap(), None);
}

#[test]
fn unknown_fields_of_a_record_survive_its_save() {
    let mut v = vault();
    v.store().set("trust-steps/test-notes/a", r#"{"schema":2,"data":{"id":"a","text":"x","mood":"calm"}}"#).unwrap();
    let mut a = v.load_record::<Note>("a").unwrap().unwrap();
    a.text = "y".into();
    v.save_record(&a).unwrap();
    let saved: Value = serde_json::from_str(&v.store().get("trust-steps/test-notes/a").unwrap().unwrap()).unwrap();
    assert_eq!(saved["schema"], 2);
    assert_eq!(saved["data"]["mood"], "calm");
    assert_eq!(saved["data"]["text"], "y");
}
