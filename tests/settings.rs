//! Only what must be plain stays plain (issue 20): settings keep the theme, everything else the user chooses
//! (the country, the suggestions set aside, fields nobody here knows) moves into the sealed preferences. Older
//! settings are split on load, with the lock on or off, the sealed part written first; an older backup's
//! settings are split before an import, so a Merge loses nothing either.

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::locked_store;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::rc::Rc;
use trust_steps::domain::backup::{collection_label, plan, Backup, ImportMode};
use trust_steps::domain::settings::{load_split, split, split_stored};
use trust_steps::domain::{Merge, Preferences, Settings, ThemeChoice};
use trust_steps::storage::crypto::{is_sealed, Sealer};
use trust_steps::storage::locked::{is_sealed_key, LockRecord, LockedStore};
use trust_steps::storage::{keys, KvStore, MemoryStore, SaveError, StoreError, Stored, Vault};

const TODAY: &str = "2026-12-06";

/// Settings as a version before issue 20 wrote them: the country, the set-aside suggestions and a field from
/// a newer version, all in the plain key.
fn old_settings(updated_at: &str) -> String {
    json!({
        "schema": 1,
        "data": {
            "theme": "dark",
            "dismissed_steps": { "day": TODAY, "keys": ["lesson:what-trust-is"] },
            "country": "GB",
            "font_size": "large",
            "updated_at": updated_at,
        }
    })
    .to_string()
}

fn data(raw: &str) -> Value {
    serde_json::from_str::<Value>(raw).unwrap()["data"].clone()
}

fn plain_vault() -> Vault<MemoryStore> {
    Vault::new(MemoryStore::new(), Box::new(|| "2026-12-06T10:00:00.000Z".to_owned()))
}

/// Stores a lock record (as turning the lock on does) and returns it with its data key.
fn store_lock(store: &LockedStore<MemoryStore>) -> (LockRecord, [u8; 32]) {
    let data_key = [5; 32];
    let record = LockRecord::new(&[9; 16], &Sealer::new(&[1; 32]), &data_key, [4; 12], 0, "key-a");
    store.inner().set(keys::LOCK, &record.to_stored()).unwrap();
    (record, data_key)
}

fn locked_vault(store: &Rc<LockedStore<MemoryStore>>) -> Vault<Rc<LockedStore<MemoryStore>>> {
    Vault::new(store.clone(), Box::new(|| "2026-12-06T10:00:00.000Z".to_owned()))
}

#[test]
fn split_moves_everything_but_the_theme_into_the_preferences() {
    let mut settings: Settings = serde_json::from_value(data(&old_settings("2026-11-01T09:00:00.000Z"))).unwrap();
    let moved = split(&mut settings, &Preferences::default()).expect("there is something to move");
    assert_eq!(settings.theme, ThemeChoice::Dark);
    assert!(settings.extra.is_empty(), "nothing but the theme and its time stays: {:?}", settings.extra);
    let plain = serde_json::to_value(&settings).unwrap();
    assert_eq!(plain, json!({ "theme": "dark", "updated_at": "2026-11-01T09:00:00.000Z" }));
    assert_eq!(moved.country(), Some("GB"));
    assert!(moved.dismissed_steps.contains("lesson:what-trust-is", TODAY));
    assert_eq!(moved.extra.get("font_size"), Some(&json!("large")), "an unknown field is sealed too");
    assert_eq!(moved.updated_at, "2026-11-01T09:00:00.000Z", "the moved fields keep their time");
    assert_eq!(split(&mut settings, &moved), None, "slim settings have nothing left to move");
}

#[test]
fn split_keeps_newer_preferences_and_takes_older_fields_when_none_are_stored() {
    let mut stored = Preferences { updated_at: "2026-12-01T00:00:00.000Z".into(), ..Default::default() };
    stored.set_country(Some("IE"));
    stored.extra.insert("kept".into(), json!(1));

    // Settings from an older tab, changed before the stored preferences: those win; nothing unknown is lost.
    let mut older: Settings = serde_json::from_value(data(&old_settings("2026-11-01T00:00:00.000Z"))).unwrap();
    let merged = split(&mut older, &stored).unwrap();
    assert_eq!(merged.country(), Some("IE"));
    assert_eq!(merged.extra.get("kept"), Some(&json!(1)));
    assert_eq!(merged.extra.get("font_size"), Some(&json!("large")), "the losing side's unknown field is kept");

    // Changed later than the stored preferences: the moved fields win.
    let mut newer: Settings = serde_json::from_value(data(&old_settings("2026-12-05T00:00:00.000Z"))).unwrap();
    assert_eq!(split(&mut newer, &stored).unwrap().country(), Some("GB"));

    // Settings that never recorded a time still hand their country over when no preferences are stored.
    let mut timeless: Settings = serde_json::from_value(json!({ "theme": "light", "country": "NZ" })).unwrap();
    assert_eq!(split(&mut timeless, &Preferences::default()).unwrap().country(), Some("NZ"));
}

#[test]
fn preferences_merge_takes_the_newer_change_and_keeps_both_sides_unknown_fields() {
    let mut older = Preferences { updated_at: "2026-01-01T00:00:00.000Z".into(), ..Default::default() };
    older.set_country(Some("US"));
    older.extra.insert("only_older".into(), json!("a"));
    older.extra.insert("both".into(), json!("older"));
    let mut newer = Preferences { updated_at: "2026-02-01T00:00:00.000Z".into(), ..Default::default() };
    newer.set_country(Some("DE"));
    newer.extra.insert("both".into(), json!("newer"));
    for merged in [older.clone().merge(newer.clone()), newer.clone().merge(older.clone())] {
        assert_eq!(merged.country(), Some("DE"));
        assert_eq!(merged.extra.get("only_older"), Some(&json!("a")));
        assert_eq!(merged.extra.get("both"), Some(&json!("newer")), "the winner's value on a clash");
    }
}

#[test]
fn preferences_are_sealed_and_backed_up_settings_stay_plain() {
    assert!(is_sealed_key(keys::PREFERENCES));
    assert!(!is_sealed_key(keys::SETTINGS));
    assert!(keys::is_backed_up(keys::PREFERENCES));
    assert!(!keys::is_record_key(keys::PREFERENCES));
    assert_eq!(Preferences::KEY, keys::PREFERENCES);
    assert_eq!(keys::collection_of(keys::PREFERENCES), "preferences");
    assert_eq!(collection_label("preferences"), "Preferences");
}

#[test]
fn old_settings_are_split_on_load_with_the_lock_off() {
    let mut vault = plain_vault();
    vault.store().set(keys::SETTINGS, &old_settings("2026-11-01T09:00:00.000Z")).unwrap();
    let mut problems = Vec::new();
    let (settings, preferences, written) = load_split(&mut vault, &mut problems);
    assert!(problems.is_empty());
    assert_eq!(written, Some(Ok(())));
    assert_eq!(settings.theme, ThemeChoice::Dark);
    assert_eq!(preferences.country(), Some("GB"));
    let plain = vault.store().get(keys::SETTINGS).unwrap().unwrap();
    assert_eq!(data(&plain), json!({ "theme": "dark", "updated_at": "2026-11-01T09:00:00.000Z" }));
    let sealed_side = data(&vault.store().get(keys::PREFERENCES).unwrap().unwrap());
    assert_eq!(sealed_side["country"], "GB");
    assert_eq!(sealed_side["dismissed_steps"]["keys"][0], "lesson:what-trust-is");
    assert_eq!(sealed_side["font_size"], "large");

    // The next start finds nothing to move and reads the same values.
    let (again_settings, again_preferences, again) = load_split(&mut vault, &mut problems);
    assert_eq!(again, None);
    assert_eq!((again_settings, again_preferences), (settings, preferences));
}

#[test]
fn old_settings_are_split_on_load_with_the_lock_on_and_only_the_theme_stays_readable() {
    let store = locked_store();
    store.inner().set(keys::SETTINGS, &old_settings("2026-11-01T09:00:00.000Z")).unwrap();
    let (record, data_key) = store_lock(&store);
    store.set_key(Some((&data_key, &record)));
    let mut vault = locked_vault(&store);
    let (_, preferences, written) = load_split(&mut vault, &mut Vec::new());
    assert_eq!(written, Some(Ok(())));
    assert_eq!(preferences.country(), Some("GB"));

    let raw_preferences = store.inner().get(keys::PREFERENCES).unwrap().unwrap();
    assert!(is_sealed(&raw_preferences), "the moved fields are sealed: {raw_preferences}");
    let plain = store.inner().get(keys::SETTINGS).unwrap().unwrap();
    assert_eq!(data(&plain), json!({ "theme": "dark", "updated_at": "2026-11-01T09:00:00.000Z" }));
    for (key, _) in store.inner().keys().unwrap().iter().map(|k| (k.clone(), ())) {
        let text = store.inner().get(&key).unwrap().unwrap();
        for secret in ["GB", "lesson:what-trust-is", "font_size"] {
            assert!(!text.contains(secret), "{key} shows {secret} in plain text: {text}");
        }
    }
    // And it opens again with the key.
    assert_eq!(locked_vault(&store).load::<Preferences>().value.country(), Some("GB"));
}

#[test]
fn a_tab_without_the_key_moves_nothing_and_leaves_the_old_settings_whole() {
    let store = locked_store();
    let old = old_settings("2026-11-01T09:00:00.000Z");
    store.inner().set(keys::SETTINGS, &old).unwrap();
    store_lock(&store); // the lock is on; this tab holds no key
    let mut vault = locked_vault(&store);
    let (_, _, written) = load_split(&mut vault, &mut Vec::new());
    assert_eq!(written, Some(Err(SaveError::Store(StoreError::Locked))), "fails closed");
    assert_eq!(store.inner().get(keys::PREFERENCES).unwrap(), None, "nothing plain was written");
    assert_eq!(store.inner().get(keys::SETTINGS).unwrap(), Some(old), "the settings are not slimmed");
}

#[test]
fn when_the_sealed_write_fails_the_settings_keep_their_fields_and_the_retry_writes_the_preferences_first() {
    let mut vault = plain_vault();
    let old = old_settings("2026-11-01T09:00:00.000Z");
    vault.store().set(keys::SETTINGS, &old).unwrap();
    vault.store().fail_writes(Some(StoreError::QuotaExceeded));
    let (mut settings, preferences, written) = load_split(&mut vault, &mut Vec::new());
    assert!(matches!(written, Some(Err(_))));
    assert_eq!(preferences.country(), Some("GB"), "kept in memory");
    assert_eq!(vault.store().get(keys::SETTINGS).unwrap(), Some(old.clone()), "storage unchanged");

    // The theme changes while storage still refuses: the slimmer settings wait behind the preferences.
    settings.theme = ThemeChoice::Light;
    assert!(vault.save(&settings).is_err());
    assert_eq!(vault.store().get(keys::SETTINGS).unwrap(), Some(old), "never slimmed before the move");

    // Storage works again: the next save writes both, preferences included.
    vault.store().fail_writes(None);
    vault.flush().unwrap();
    assert_eq!(data(&vault.store().get(keys::PREFERENCES).unwrap().unwrap())["country"], "GB");
    let plain = data(&vault.store().get(keys::SETTINGS).unwrap().unwrap());
    assert_eq!(plain["theme"], "light");
    assert!(plain.get("country").is_none());
}

fn backup_with(entries: &[(&str, String)]) -> Backup {
    Backup {
        exported_at: "2026-11-02T00:00:00.000Z".into(),
        entries: entries.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect(),
        archive: None,
    }
}

fn write_of<'a>(writes: &'a [(String, Option<String>)], key: &str) -> Option<&'a str> {
    writes.iter().find(|(k, _)| k == key).and_then(|(_, v)| v.as_deref())
}

#[test]
fn a_merge_import_of_an_old_backup_brings_its_country_into_the_preferences() {
    let backup = backup_with(&[(keys::SETTINGS, old_settings("2026-11-01T09:00:00.000Z"))]);
    for mode in [ImportMode::Merge, ImportMode::Replace] {
        let import = plan(&backup, &BTreeMap::new(), mode);
        let settings = data(write_of(&import.writes, keys::SETTINGS).unwrap());
        assert_eq!(settings, json!({ "theme": "dark", "updated_at": "2026-11-01T09:00:00.000Z" }), "{mode:?}");
        let preferences = data(write_of(&import.writes, keys::PREFERENCES).unwrap());
        assert_eq!(preferences["country"], "GB", "{mode:?}");
        assert_eq!(preferences["dismissed_steps"]["keys"][0], "lesson:what-trust-is", "{mode:?}");
        assert_eq!(preferences["font_size"], "large", "{mode:?}");
        assert_eq!(import.collections["preferences"].new, 1, "{mode:?}");
    }
}

#[test]
fn a_merge_import_of_an_old_backup_follows_the_newer_change_against_preferences_here() {
    let mut here = Preferences { updated_at: "2026-10-01T00:00:00.000Z".into(), ..Default::default() };
    here.set_country(Some("US"));
    here.extra.insert("only_here".into(), json!(true));
    let current: BTreeMap<String, String> = [
        (
            keys::SETTINGS.to_owned(),
            json!({"schema":1,"data":{"theme":"light","updated_at":"2026-10-01T00:00:00.000Z"}}).to_string(),
        ),
        (keys::PREFERENCES.to_owned(), trust_steps::storage::encode(&here, 1, &Default::default()).unwrap()),
    ]
    .into();

    // The backup's settings changed later than the preferences here: its country wins, nothing here is lost.
    let newer = backup_with(&[(keys::SETTINGS, old_settings("2026-11-01T09:00:00.000Z"))]);
    let import = plan(&newer, &current, ImportMode::Merge);
    let preferences = data(write_of(&import.writes, keys::PREFERENCES).unwrap());
    assert_eq!(preferences["country"], "GB");
    assert_eq!(preferences["only_here"], true);
    assert_eq!(import.collections["preferences"].updated, 1);

    // Older than the preferences here: they are kept as they are.
    let older = backup_with(&[(keys::SETTINGS, old_settings("2026-09-01T00:00:00.000Z"))]);
    let import = plan(&older, &current, ImportMode::Merge);
    let kept = write_of(&import.writes, keys::PREFERENCES).map(data);
    assert!(kept.is_none() || kept.unwrap()["country"] == "US", "{:?}", import.writes);
    assert!(write_of(&import.writes, keys::SETTINGS).is_none_or(|s| data(s).get("country").is_none()));
}

#[test]
fn a_backup_with_unreadable_preferences_is_left_for_the_import_to_report() {
    let entries: BTreeMap<String, String> = [
        (keys::SETTINGS.to_owned(), old_settings("2026-11-01T09:00:00.000Z")),
        (keys::PREFERENCES.to_owned(), "not json".to_owned()),
    ]
    .into();
    assert_eq!(split_stored(&entries), entries, "nothing is moved onto a value that cannot be read");
    let slim: BTreeMap<String, String> =
        [(keys::SETTINGS.to_owned(), json!({"schema":1,"data":{"theme":"dark","updated_at":"x"}}).to_string())].into();
    assert_eq!(split_stored(&slim), slim, "slim settings are left as they are");
}
