//! The one table of collections (`domain::collection_table`): every declared collection round-trips through storage,
//! is found again from its keys (what another tab's `storage` event is dispatched by), passes the import's shape
//! check, and comes back whole through a backup and its import, replaced or merged; `touch` stamps every record.

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;
use trust_steps::domain::backup::{collection_label, export, plan, read_backup, BackupStatus, ImportMode};
use trust_steps::domain::collection_table::{self, find, label_of, Collection, KeyTarget, Snapshot};
use trust_steps::domain::{LessonProgress, PracticeHistory, Preferences, Settings, ThemeChoice};
use trust_steps::storage::{keys, KvStore, MemoryStore, Record, Vault};

const NOW: &str = "2026-11-27T10:00:00.000Z";

fn vault() -> Vault<MemoryStore> {
    Vault::new(MemoryStore::new(), Box::new(|| NOW.to_owned()))
}

/// A record of type `R` with this id, changed at `at`, everything else as it is by default.
fn record<R: Record + Serialize + DeserializeOwned + Default>(id: &str, at: &str) -> R {
    let mut value = serde_json::to_value(R::default()).unwrap();
    value["id"] = json!(id);
    value["updated_at"] = json!(at);
    serde_json::from_value(value).unwrap()
}

/// Something in every collection. Written without `..Default::default()` on purpose: a collection added to the
/// table does not compile here until it has a sample, so every test below covers it.
fn sample() -> Snapshot {
    let at = "2026-11-20T09:00:00.000Z";
    let mut progress = LessonProgress::default();
    progress.set_done("what-trust-is", true, at);
    let mut trap_practice = PracticeHistory::default();
    trap_practice.record(2, true, at);
    let mut preferences = Preferences { updated_at: at.into(), ..Preferences::default() };
    preferences.set_country(Some("GB"));
    Snapshot {
        settings: Settings { theme: ThemeChoice::Dark, updated_at: at.into(), ..Settings::default() },
        preferences,
        progress,
        trap_practice,
        journal: vec![record("journal1", at), record("journal2", at)],
        beliefs: vec![record("belief01", at)],
        triggers: vec![record("trigger1", at)],
        people: vec![record("person01", at)],
        observations: vec![record("observe1", at)],
        ladder: vec![record("ladder01", at)],
        promises: vec![record("promise1", at)],
        assessments: vec![record("assess01", at)],
        worksheets: vec![record("sheet001", at)],
        backup_status: BackupStatus { last_backup_at: Some(at.into()), ..BackupStatus::default() },
    }
}

/// Records come back in key order; sorted the same way, two snapshots compare field by field.
fn sorted(mut s: Snapshot) -> Snapshot {
    s.journal.sort_by(|a, b| a.id.cmp(&b.id));
    s
}

/// Every stored key and its text.
fn stored(v: &Vault<MemoryStore>) -> BTreeMap<String, String> {
    let store = v.store();
    store.keys().unwrap().into_iter().map(|k| (k.clone(), store.get(&k).unwrap().unwrap())).collect()
}

/// The collection of every stored key, as the storage-event dispatch finds it.
fn collection_of(key: &str) -> Collection {
    match find(key) {
        Some(KeyTarget::Whole(c) | KeyTarget::Record(c, _)) => c,
        None => panic!("{key} is not found as any collection"),
    }
}

#[test]
fn every_collection_round_trips_through_storage() {
    let mut source = vault();
    sample().save(&mut source).unwrap();
    // Every collection wrote something.
    let written = stored(&source);
    for c in Collection::ALL {
        assert!(written.keys().any(|k| collection_of(k) == *c), "{c:?} wrote nothing");
    }
    // Read back by a fresh vault over the same text.
    let mut fresh = vault();
    written.iter().for_each(|(k, v)| fresh.store().set(k, v).unwrap());
    let mut problems = Vec::new();
    let loaded = Snapshot::load(&mut fresh, &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(sorted(loaded), sorted(sample()));
    // The view insights and the readable copy read holds what was recorded.
    let loaded = Snapshot::load(&mut fresh, &mut problems);
    let view = loaded.view();
    assert_eq!((view.journal.len(), view.worksheets.len()), (2, 1));
    assert_eq!(view.progress, &sample().progress);
}

#[test]
fn every_stored_key_is_dispatched_to_its_collection_and_nothing_else_is() {
    let mut v = vault();
    sample().save(&mut v).unwrap();
    for key in stored(&v).keys() {
        match find(key).unwrap() {
            KeyTarget::Whole(c) => {
                assert!(!c.is_records());
                assert_eq!(c.key(), key);
            }
            KeyTarget::Record(c, id) => {
                assert!(c.is_records());
                assert_eq!(format!("{}{id}", c.key()), *key);
                assert!(id.len() == 8, "{key}: the id is the rest of the key");
            }
        }
    }
    // One key or prefix per collection, none inside another's, all under the app's prefix.
    for a in Collection::ALL {
        assert!(keys::is_app_key(a.key()), "{a:?}");
        assert_eq!(a.is_records(), a.key().ends_with('/'), "{a:?}: prefixes end in /, whole keys do not");
        for b in Collection::ALL.iter().filter(|b| *b != a) {
            assert!(!a.key().starts_with(b.key()), "{a:?} is inside {b:?}");
        }
    }
    // Keys that are no collection: another tab's write only refreshes the storage status.
    for key in [
        keys::LOCK,
        keys::LOCK_SIGNAL,
        keys::REPLACED,
        "trust-steps/quarantine/journal/x",
        "trust-steps/settings-old",
        "trust-steps/later-collection/abc",
        "other-app/journal/abc",
    ] {
        assert_eq!(find(key), None, "{key}");
    }
    assert_eq!(find("trust-steps/journal/abc"), Some(KeyTarget::Record(Collection::Journal, "abc")));
    assert_eq!(find(keys::SETTINGS), Some(KeyTarget::Whole(Collection::Settings)));
}

#[test]
fn every_backed_up_collection_is_checked_and_named_on_import_and_device_ones_are_not() {
    let mut v = vault();
    sample().save(&mut v).unwrap();
    for (key, raw) in stored(&v) {
        let c = collection_of(&key);
        let name = keys::collection_of(&key);
        if c.is_backed_up() {
            assert_eq!(collection_table::check(&key, &raw), Some(Ok(())), "{key}");
            // Another collection's shape is refused (a person's text is not a list of lessons).
            assert!(collection_table::check(&key, r#"{"schema":1,"data":[1,2]}"#).unwrap().is_err(), "{key}");
            let label = c.label().unwrap();
            assert_eq!((label_of(name), collection_label(name)), (Some(label), label.to_owned()));
        } else {
            assert!(!keys::is_backed_up(&key), "{key}");
            assert_eq!(collection_table::check(&key, &raw), None);
            assert_eq!(c.label(), None);
        }
        assert_eq!(c.is_backed_up(), keys::is_backed_up(&key), "{key}");
    }
    assert_eq!(collection_label("later-collection"), "later collection");
}

/// What a backup of [`sample`] brings back: everything but what describes the device.
fn carried() -> Snapshot {
    Snapshot { backup_status: BackupStatus::default(), ..sample() }
}

/// Exports `source`, then imports the file into `target` the way Settings does: read, plan, apply.
fn back_up_and_import(source: &Vault<MemoryStore>, target: &mut Vault<MemoryStore>, mode: ImportMode) {
    let file = export(stored(source), NOW);
    let backup = read_backup(file.text.as_bytes()).unwrap();
    let plan = plan(&backup, &stored(target), mode);
    target.apply_all_or_nothing(&plan.writes).unwrap();
}

#[test]
fn every_collection_round_trips_through_a_backup_and_its_import() {
    let mut source = vault();
    sample().save(&mut source).unwrap();
    for mode in [ImportMode::Replace, ImportMode::Merge] {
        let mut target = vault();
        back_up_and_import(&source, &mut target, mode);
        let loaded = Snapshot::load(&mut target, &mut Vec::new());
        assert_eq!(sorted(loaded), sorted(carried()), "{mode:?}");
    }
    // Merged into a device holding older values of every whole collection: each one's own rule takes the newer.
    let mut target = vault();
    let older = Snapshot {
        settings: Settings {
            theme: ThemeChoice::Light,
            updated_at: "2026-01-01T00:00:00.000Z".into(),
            ..Settings::default()
        },
        preferences: Preferences { updated_at: "2026-01-01T00:00:00.000Z".into(), ..Preferences::default() },
        ..Snapshot::default()
    };
    older.save(&mut target).unwrap();
    back_up_and_import(&source, &mut target, ImportMode::Merge);
    let loaded = Snapshot::load(&mut target, &mut Vec::new());
    assert_eq!(sorted(loaded), sorted(carried()));
    // Each whole collection's merge rule, straight from stored text: the older copy and the newer give the newer.
    let mut old = vault();
    older.save(&mut old).unwrap();
    let (old, new) = (stored(&old), stored(&source));
    let data = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap()["data"].clone();
    for c in Collection::ALL.iter().filter(|c| !c.is_records()) {
        let key = c.key();
        let merged = collection_table::merge_whole(key, &old[key], &new[key]);
        if c.is_backed_up() {
            assert_eq!(data(&merged.unwrap()), data(&new[key]), "{c:?}");
        } else {
            assert_eq!(merged, None, "{c:?}: a backup never carries it, so it is never merged from one");
        }
    }
    let journal = "trust-steps/journal/journal1";
    assert_eq!(collection_table::merge_whole(journal, &new[journal], &new[journal]), None, "records merge one by one");
}

#[test]
fn touch_marks_every_record_and_every_dated_whole_collection_changed_and_the_newer_wins() {
    use trust_steps::domain::newer_of;
    use trust_steps::storage::Stored;
    let later = "2026-12-01T08:00:00.000Z";
    let before = sample();
    let mut s = sample();
    s.journal[0].touch(later);
    s.beliefs[0].touch(later);
    s.triggers[0].touch(later);
    s.people[0].touch(later);
    s.observations[0].touch(later);
    s.ladder[0].touch(later);
    s.promises[0].touch(later);
    s.assessments[0].touch(later);
    s.worksheets[0].touch(later);
    let times = [
        s.journal[0].updated_at(),
        s.beliefs[0].updated_at(),
        s.triggers[0].updated_at(),
        s.people[0].updated_at(),
        s.observations[0].updated_at(),
        s.ladder[0].updated_at(),
        s.promises[0].updated_at(),
        s.assessments[0].updated_at(),
        s.worksheets[0].updated_at(),
    ];
    assert!(times.iter().all(|t| *t == later), "{times:?}");
    assert_eq!(newer_of(before.people[0].clone(), s.people[0].clone()), s.people[0]);
    s.settings.touch(later);
    s.preferences.touch(later);
    assert_eq!((s.settings.updated_at.as_str(), s.preferences.updated_at.as_str()), (later, later));
    // Progress, practice and backup status date each change inside them: touching the whole changes nothing.
    s.progress.touch(later);
    s.trap_practice.touch(later);
    s.backup_status.touch(later);
    assert_eq!(
        (&s.progress, &s.trap_practice, &s.backup_status),
        (&before.progress, &before.trap_practice, &before.backup_status)
    );
}
