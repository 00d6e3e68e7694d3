//! Backup files: export → import round trips for generated data of every collection, the preview, merge and
//! replace rules, every error case, old fixture files, all-or-nothing writes, and 10,000+ fuzzed inputs.

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::Rng;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use trust_steps::domain::assessments::AssessmentRun;
use trust_steps::domain::backup::{
    self, export, plan, read_backup, read_file, CollectionPreview, ImportError, ImportMode, ReadFile,
};
use trust_steps::domain::ladder::LadderStep;
use trust_steps::domain::people::{Observation, Person};
use trust_steps::domain::promises::Promise;
use trust_steps::domain::worksheets::WorksheetEntry;
use trust_steps::domain::{
    Belief, LessonProgress, PracticeHistory, Settings, ThemeChoice, ThoughtRecord, TriggerEntry,
};
use trust_steps::storage::{keys, KvStore, MemoryStore, Record, StoreError, Stored, Vault};

const NOW: &str = "2026-11-27T10:00:00.000Z";

fn vault() -> Vault<MemoryStore> {
    Vault::new(MemoryStore::new(), Box::new(|| NOW.to_owned()))
}

/// What the round trips write: text with awkward characters, times, ids (the generator is `common::Rng`).
impl Rng {
    fn text(&mut self) -> String {
        const PIECES: [&str; 12] = ["a", "Sam", " ", "\"", "\\", "\n", "é", "🙂", "<b>", "{", "trust-steps/", "\u{0}"];
        (0..self.below(12)).map(|_| PIECES[self.below(PIECES.len() as u64) as usize]).collect()
    }
    fn time(&mut self) -> String {
        format!("2026-{:02}-{:02}T{:02}:00:00.000Z", 1 + self.below(12), 1 + self.below(28), self.below(24))
    }
    fn id(&mut self) -> String {
        format!("{:016x}{:016x}", self.next(), self.next())
    }
}

/// Fills every string, number and bool of `T`'s default shape with random values (and one element in each
/// empty list, shaped like a sibling when there is one), then reads it back as a `T`.
fn random_like<T: Serialize + DeserializeOwned + Default>(rng: &mut Rng) -> T {
    fn fill(value: &mut Value, rng: &mut Rng) {
        match value {
            Value::String(s) => *s = rng.text(),
            Value::Number(_) => *value = json!(rng.below(6)),
            Value::Bool(b) => *b = rng.below(2) == 1,
            Value::Object(map) => map.values_mut().for_each(|v| fill(v, rng)),
            Value::Array(items) => items.iter_mut().for_each(|v| fill(v, rng)),
            Value::Null => {}
        }
    }
    let mut value = serde_json::to_value(T::default()).unwrap();
    fill(&mut value, rng);
    serde_json::from_value(value).unwrap_or_default()
}

/// A record with a random shape plus a valid id and time.
fn record<R: Record + Serialize + DeserializeOwned + Default>(rng: &mut Rng) -> R {
    let mut value = serde_json::to_value(random_like::<R>(rng)).unwrap();
    value["id"] = json!(rng.id());
    value["updated_at"] = json!(rng.time());
    serde_json::from_value(value).unwrap()
}

/// Saves random data into every collection this build has.
fn fill_every_collection(vault: &mut Vault<MemoryStore>, rng: &mut Rng) {
    let mut settings: Settings = random_like(rng);
    settings.theme = [ThemeChoice::Light, ThemeChoice::Dark][rng.below(2) as usize];
    vault.save(&settings).unwrap();
    let mut progress = LessonProgress::default();
    for _ in 0..rng.below(4) {
        progress.set_done(&rng.text(), rng.below(2) == 1, &rng.time());
    }
    vault.save(&progress).unwrap();
    let mut practice = PracticeHistory::default();
    for _ in 0..rng.below(4) {
        practice.record(rng.below(9) as usize, rng.below(2) == 1, &rng.time());
    }
    vault.save(&practice).unwrap();
    for _ in 0..rng.below(3) {
        vault.save_record(&record::<ThoughtRecord>(rng)).unwrap();
        vault.save_record(&record::<Belief>(rng)).unwrap();
        vault.save_record(&record::<TriggerEntry>(rng)).unwrap();
        vault.save_record(&record::<Person>(rng)).unwrap();
        vault.save_record(&record::<Observation>(rng)).unwrap();
        vault.save_record(&record::<LadderStep>(rng)).unwrap();
        vault.save_record(&record::<Promise>(rng)).unwrap();
        vault.save_record(&record::<AssessmentRun>(rng)).unwrap();
        vault.save_record(&record::<WorksheetEntry>(rng)).unwrap();
    }
}

fn as_json(entries: &BTreeMap<String, String>) -> BTreeMap<String, Value> {
    entries.iter().map(|(k, v)| (k.clone(), serde_json::from_str(v).unwrap())).collect()
}

fn backed_up(vault: &Vault<MemoryStore>) -> BTreeMap<String, Value> {
    let mut entries = vault.entries().unwrap().readable;
    entries.retain(|k, _| keys::is_backed_up(k));
    as_json(&entries)
}

/// Imports `text` into `vault` the way Settings does: read, plan, apply.
fn import(vault: &mut Vault<MemoryStore>, text: &str, mode: ImportMode) -> backup::ImportPlan {
    let backup = read_backup(text.as_bytes()).unwrap();
    let plan = plan(&backup, &vault.entries().unwrap().readable, mode);
    vault.apply_all_or_nothing(&plan.writes).unwrap();
    plan
}

#[test]
fn export_then_import_gives_back_exactly_the_same_data_for_every_collection() {
    for seed in 1..=300 {
        let mut rng = Rng(seed);
        let mut source = vault();
        fill_every_collection(&mut source, &mut rng);
        let exported = export(source.entries().unwrap().readable, NOW);
        assert!(exported.skipped.is_empty());
        let mut fresh = vault();
        let plan = import(&mut fresh, &exported.text, ImportMode::Merge);
        assert_eq!(backed_up(&fresh), backed_up(&source), "seed {seed}");
        assert_eq!(plan.total().new, backed_up(&source).len());
        // Loaded back as typed values too.
        assert_eq!(fresh.load::<Settings>().value, source.load::<Settings>().value);
        assert_eq!(fresh.load_records::<ThoughtRecord>().0.len(), source.load_records::<ThoughtRecord>().0.len());
        // Importing the same file again changes nothing.
        let again = import(&mut fresh, &exported.text, ImportMode::Merge);
        assert!(again.writes.is_empty(), "seed {seed}");
        assert_eq!(again.total().identical, backed_up(&source).len());
    }
}

#[test]
fn export_carries_every_app_key_but_set_aside_and_device_only_data() {
    let mut v = vault();
    let store = v.store();
    store.set("trust-steps/worksheets/abc12345", r#"{"schema":1,"data":{"id":"abc12345","updated_at":"x"}}"#).unwrap();
    store.set("trust-steps/quarantine/journal/x", r#"{"raw":"broken"}"#).unwrap();
    store.set(keys::BACKUP_STATUS, r#"{"schema":1,"data":{}}"#).unwrap();
    store.set(keys::REPLACED, "2026-11-27T17:00:00.000Z").unwrap();
    store.set("another-app/key", "1").unwrap();
    store.set("trust-steps/journal/notjson", "{oops").unwrap();
    let exported = export(v.entries().unwrap().readable, NOW);
    let file: Value = serde_json::from_str(&exported.text).unwrap();
    assert_eq!(file["app"], "trust-steps");
    assert_eq!(file["kind"], "backup");
    assert_eq!(file["schema"], 1);
    assert_eq!(file["exported_at"], NOW);
    assert_eq!(file["counts"], json!({ "worksheets": 1 }));
    assert_eq!(file["data"].as_object().unwrap().keys().collect::<Vec<_>>(), ["trust-steps/worksheets/abc12345"]);
    assert_eq!(exported.skipped, ["trust-steps/journal/notjson"]);
    // A collection this build does not know imports too.
    let mut fresh = vault();
    import(&mut fresh, &exported.text, ImportMode::Merge);
    assert!(fresh.store().get("trust-steps/worksheets/abc12345").unwrap().is_some());
    v.load::<Settings>();
}

fn journal(id: &str, updated_at: &str, situation: &str) -> ThoughtRecord {
    ThoughtRecord { id: id.into(), updated_at: updated_at.into(), situation: situation.into(), ..Default::default() }
}

/// A device and a backup that overlap: one record the same, one newer in the backup, one newer here, one on
/// each side only.
fn overlapping() -> (Vault<MemoryStore>, String) {
    let mut backup_side = vault();
    backup_side.save_record(&journal("same0001", "2026-11-01T00:00:00Z", "same")).unwrap();
    backup_side.save_record(&journal("theirs01", "2026-11-05T00:00:00Z", "edited in backup")).unwrap();
    backup_side.save_record(&journal("ours0001", "2026-11-01T00:00:00Z", "old in backup")).unwrap();
    backup_side.save_record(&journal("newone01", "2026-11-01T00:00:00Z", "only in backup")).unwrap();
    let text = export(backup_side.entries().unwrap().readable, NOW).text;
    let mut device = vault();
    device.save_record(&journal("same0001", "2026-11-01T00:00:00Z", "same")).unwrap();
    device.save_record(&journal("theirs01", "2026-11-01T00:00:00Z", "old here")).unwrap();
    device.save_record(&journal("ours0001", "2026-11-09T00:00:00Z", "edited here")).unwrap();
    device.save_record(&journal("local001", "2026-11-01T00:00:00Z", "only here")).unwrap();
    (device, text)
}

fn situations(v: &mut Vault<MemoryStore>) -> BTreeMap<String, String> {
    v.load_records::<ThoughtRecord>().0.into_iter().map(|r| (r.id, r.situation)).collect()
}

#[test]
fn merge_takes_newer_edits_adds_new_records_and_drops_nothing() {
    let (mut device, text) = overlapping();
    let plan = import(&mut device, &text, ImportMode::Merge);
    assert_eq!(
        plan.collections["journal"],
        CollectionPreview { new: 1, updated: 1, identical: 1, conflicting: 1, only_here: 1 }
    );
    let got = situations(&mut device);
    assert_eq!(got["same0001"], "same");
    assert_eq!(got["theirs01"], "edited in backup");
    assert_eq!(got["ours0001"], "edited here");
    assert_eq!(got["newone01"], "only in backup");
    assert_eq!(got["local001"], "only here");
}

#[test]
fn replace_makes_the_device_hold_exactly_the_backup() {
    let (mut device, text) = overlapping();
    let plan = import(&mut device, &text, ImportMode::Replace);
    assert_eq!(
        plan.collections["journal"],
        CollectionPreview { new: 1, updated: 2, identical: 1, conflicting: 0, only_here: 1 }
    );
    let got = situations(&mut device);
    assert_eq!(got.len(), 4);
    assert_eq!(got["ours0001"], "old in backup");
    assert!(!got.contains_key("local001"));
}

#[test]
fn replace_keeps_set_aside_and_device_only_keys() {
    let (device, text) = overlapping();
    device.store().set("trust-steps/quarantine/journal/2026", "{}").unwrap();
    device.store().set(keys::BACKUP_STATUS, "{}").unwrap();
    let mut device = device;
    import(&mut device, &text, ImportMode::Replace);
    assert!(device.store().get("trust-steps/quarantine/journal/2026").unwrap().is_some());
    assert!(device.store().get(keys::BACKUP_STATUS).unwrap().is_some());
}

#[test]
fn no_import_removes_or_overwrites_text_that_is_not_json_or_does_not_open() {
    let (device, text) = overlapping();
    // Text that is not JSON in a collection this build does not load (so nothing set it aside), and in one it
    // does, under a name the backup also holds.
    device.store().set("trust-steps/future-notes/n1", "{half written").unwrap();
    device.store().set("trust-steps/journal/ours0001", "not json").unwrap();
    let mut current = device.entries().unwrap();
    // A value the lock's key does not open, as `Vault::entries` lists it (under a name the backup holds too).
    current.unopened.insert("trust-steps/journal/newone01".into(), "enc1:AAAA".into());
    let backup = read_backup(text.as_bytes()).unwrap();
    for mode in [ImportMode::Replace, ImportMode::Merge] {
        let planned = backup::plan_import(&backup, &current, mode);
        let touched: Vec<&String> = planned.writes.iter().map(|(k, _)| k).collect();
        for kept in ["trust-steps/future-notes/n1", "trust-steps/journal/ours0001", "trust-steps/journal/newone01"] {
            assert!(!touched.contains(&&kept.to_owned()), "{mode:?} touches {kept}");
            assert!(planned.kept_unreadable.contains(&kept.to_owned()), "{mode:?} lists {kept}");
        }
    }
    // Without the rule, Replace would have removed the first two and written over the third.
    let replace = backup::plan_import(&backup, &current, ImportMode::Replace);
    assert!(replace.writes.iter().any(|(k, v)| k == "trust-steps/journal/local001" && v.is_none()), "the rest goes");
    let mut device = device;
    device.apply_all_or_nothing(&replace.writes).unwrap();
    assert_eq!(device.store().get("trust-steps/future-notes/n1").unwrap().as_deref(), Some("{half written"));
    assert_eq!(device.store().get("trust-steps/journal/ours0001").unwrap().as_deref(), Some("not json"));
    // The plain `plan` keeps text that is not JSON too.
    let plain = plan(&backup, &device.entries().unwrap().readable, ImportMode::Replace);
    assert!(plain
        .writes
        .iter()
        .all(|(k, _)| k != "trust-steps/future-notes/n1" && k != "trust-steps/journal/ours0001"));
}

#[test]
fn a_backup_leaves_out_values_that_do_not_open_and_says_so() {
    let mut v = vault();
    v.save_record(&journal("rec00001", "2026-11-01T00:00:00Z", "kept")).unwrap();
    let mut entries = v.entries().unwrap();
    entries.unopened.insert("trust-steps/journal/altered1".into(), "enc1:AAAA".into());
    entries.unopened.insert("trust-steps/quarantine/journal/x".into(), "enc1:BBBB".into());
    entries.readable.insert("trust-steps/journal/notjson1".into(), "{oops".into());
    let exported = backup::export_stored(&entries, NOW);
    assert_eq!(exported.unopened, ["trust-steps/journal/altered1"], "set-aside data is never in a backup anyway");
    assert_eq!(exported.skipped, ["trust-steps/journal/notjson1"]);
    assert!(!exported.text.contains("altered1") && !exported.text.contains("enc1:"));
    let backup = read_backup(exported.text.as_bytes()).unwrap();
    assert_eq!(backup.entries.keys().collect::<Vec<_>>(), ["trust-steps/journal/rec00001"]);
    let said = exported.left_out().unwrap();
    assert!(said.starts_with("2 entries could not go in the file"), "{said}");
    assert!(said.contains("Data that could not be read"), "{said}");
    assert_eq!(backup::export_stored(&v.entries().unwrap(), NOW).left_out(), None);
}

#[test]
fn whole_key_collections_merge_with_their_own_rules() {
    let mut backup_side = vault();
    let mut progress = LessonProgress::default();
    progress.set_done("what-trust-is", true, "2026-11-02T00:00:00Z");
    backup_side.save(&progress).unwrap();
    backup_side
        .save(&Settings { theme: ThemeChoice::Dark, updated_at: "2026-11-01T00:00:00Z".into(), ..Default::default() })
        .unwrap();
    let mut practice = PracticeHistory::default();
    practice.record(1, true, "2026-11-01T00:00:00Z");
    backup_side.save(&practice).unwrap();
    let text = export(backup_side.entries().unwrap().readable, NOW).text;

    let mut device = vault();
    let mut progress = LessonProgress::default();
    progress.set_done("self-trust", true, "2026-11-03T00:00:00Z");
    device.save(&progress).unwrap();
    device
        .save(&Settings { theme: ThemeChoice::Light, updated_at: "2026-11-05T00:00:00Z".into(), ..Default::default() })
        .unwrap();
    let mut practice = PracticeHistory::default();
    practice.record(2, false, "2026-11-02T00:00:00Z");
    device.save(&practice).unwrap();

    let plan = import(&mut device, &text, ImportMode::Merge);
    assert_eq!(plan.collections["lesson-progress"].updated, 1);
    assert_eq!(plan.collections["settings"].conflicting, 1, "this device's settings are newer");
    let progress = device.load::<LessonProgress>().value;
    assert!(progress.is_done("what-trust-is") && progress.is_done("self-trust"));
    assert_eq!(device.load::<Settings>().value.theme, ThemeChoice::Light);
    assert_eq!(device.load::<PracticeHistory>().value.attempts.len(), 2);
}

#[test]
fn an_unknown_whole_key_collection_keeps_this_devices_copy_when_merging() {
    let backup_side = vault();
    backup_side.store().set("trust-steps/future-thing", r#"{"schema":1,"data":{"a":1}}"#).unwrap();
    let text = export(backup_side.entries().unwrap().readable, NOW).text;
    let mut device = vault();
    device.store().set("trust-steps/future-thing", r#"{"schema":1,"data":{"a":2}}"#).unwrap();
    let plan = import(&mut device, &text, ImportMode::Merge);
    assert_eq!(plan.collections["future-thing"].conflicting, 1);
    assert_eq!(device.store().get("trust-steps/future-thing").unwrap().unwrap(), r#"{"schema":1,"data":{"a":2}}"#);
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn the_version_1_fixture_imports_forever() {
    let mut device = vault();
    let plan = import(&mut device, &fixture("backup-v1.json"), ImportMode::Merge);
    assert_eq!(plan.total().new, 12);
    assert_eq!(device.load::<Settings>().value.theme, ThemeChoice::Dark);
    let progress = device.load::<LessonProgress>().value;
    assert!(progress.is_done("what-trust-is"));
    assert_eq!(device.load::<PracticeHistory>().value.attempts.len(), 2);
    let records = device.load_records::<ThoughtRecord>();
    assert!(records.1.is_empty());
    let sam = records.0.iter().find(|r| r.id == "0f1e2d3c4b5a69788796a5b4c3d2e1f0").unwrap();
    assert_eq!(sam.balanced, "I don't know why yet; I can ask tomorrow.");
    assert_eq!(sam.feelings[0].after, Some(40));
    let draft = records.0.iter().find(|r| r.id == "1234567890abcdef1234567890abcdef").unwrap();
    assert!(draft.situation.contains("🙂"));
    assert_eq!(device.load_records::<Belief>().0[0].ratings.len(), 2);
    assert_eq!(device.load_records::<TriggerEntry>().0[0].next_time, "Say it stung.");
    assert_eq!(device.load_records::<Person>().0[0].name, "Sam");
    assert_eq!(device.load_records::<Observation>().0[0].what, "Came on time.");
    assert_eq!(device.load_records::<LadderStep>().0[0].title, "Share a small worry");
    assert_eq!(device.load_records::<Promise>().0[0].checkins.len(), 1);
    assert_eq!(device.load_records::<AssessmentRun>().0[0].answers, [4, 3, 5]);
    for problems in [device.load_records::<Person>().1, device.load_records::<Promise>().1] {
        assert!(problems.is_empty());
    }
}

#[test]
fn the_fixture_with_unknown_fields_and_collections_keeps_them() {
    let mut device = vault();
    import(&mut device, &fixture("backup-v1-unknown-fields.json"), ImportMode::Merge);
    let record = device.load_records::<ThoughtRecord>().0.pop().unwrap();
    assert_eq!(record.extra["mood_colour"], "teal");
    device.save_record(&record).unwrap();
    let raw: Value = serde_json::from_str(
        &device.store().get("trust-steps/journal/feedfeedfeedfeedfeedfeedfeedfeed").unwrap().unwrap(),
    )
    .unwrap();
    assert_eq!(raw["written_by"], "2.0", "envelope fields survive a save");
    assert_eq!(raw["data"]["mood_colour"], "teal");
    let future = device.store().get("trust-steps/worksheets-future/c0ffeec0ffeec0ffeec0ffeec0ffee00").unwrap().unwrap();
    assert_eq!(serde_json::from_str::<Value>(&future).unwrap()["schema"], 3);
}

fn error_of(bytes: &[u8]) -> ImportError {
    read_file(bytes).expect_err("should be refused")
}

#[test]
fn every_bad_file_gets_its_own_message() {
    let good = fixture("backup-v1.json");
    assert_eq!(error_of(b"hello, this is a text file"), ImportError::NotJson);
    assert_eq!(error_of(b"\x89PNG\r\n\x1a\n\0\0"), ImportError::NotJson);
    assert_eq!(error_of(b""), ImportError::NotJson);
    assert_eq!(error_of(b"[1, 2, 3]"), ImportError::NotTrustSteps);
    assert_eq!(error_of(br#"{"app":"other-app","schema":1,"kind":"backup","data":{}}"#), ImportError::NotTrustSteps);
    assert_eq!(error_of(br#"{"app":"trust-steps","schema":1,"kind":"photos"}"#), ImportError::NotTrustSteps);
    assert_eq!(
        error_of(good.replacen("\"schema\": 1,", "\"schema\": 2,", 1).as_bytes()),
        ImportError::NewerSchema { found: 2, newest: 1 }
    );
    // Encrypted backups have their own newest format (2): a format-3 one is "newer", never "wrong passphrase".
    let mut encrypted: Value = serde_json::from_str(&fixture("encrypted-backup-v1.json")).unwrap();
    encrypted["schema"] = json!(3);
    assert_eq!(error_of(encrypted.to_string().as_bytes()), ImportError::NewerSchema { found: 3, newest: 2 });
    let truncated = &good.as_bytes()[..good.len() / 2];
    assert!(matches!(error_of(truncated), ImportError::Corrupted(why) if why.contains("ends too early")));
    let damaged = good.replacen("\"status\": \"complete\"", "\"status\" \"complete\"", 1);
    assert!(matches!(error_of(damaged.as_bytes()), ImportError::Corrupted(_)));
    // A record cut out of the middle: the counts no longer match.
    let mut file: Value = serde_json::from_str(&good).unwrap();
    file["data"].as_object_mut().unwrap().remove("trust-steps/triggers/7r7r7r7r7r7r7r7r7r7r7r7r7r7r7r7r");
    assert!(
        matches!(error_of(file.to_string().as_bytes()), ImportError::Corrupted(why) if why.contains("lists 1 in triggers but holds 0"))
    );
    // A record of the wrong shape.
    let mut file: Value = serde_json::from_str(&good).unwrap();
    file["data"]["trust-steps/people/aa11bb22cc33dd44ee55ff6677889900"]["data"]["gut"] = json!("not a list");
    assert!(matches!(error_of(file.to_string().as_bytes()), ImportError::Corrupted(why) if why.contains("people")));
    // A record filed under another id, and a key outside the app.
    let mut file: Value = serde_json::from_str(&good).unwrap();
    file["data"]["trust-steps/journal/0f1e2d3c4b5a69788796a5b4c3d2e1f0"]["data"]["id"] = json!("someoneelse");
    assert!(matches!(error_of(file.to_string().as_bytes()), ImportError::Corrupted(why) if why.contains("id")));
    let mut file: Value = serde_json::from_str(&good).unwrap();
    file["data"]["evil/key"] = json!({"schema": 1, "data": {}});
    assert!(matches!(error_of(file.to_string().as_bytes()), ImportError::Corrupted(why) if why.contains("evil/key")));
    let mut file: Value = serde_json::from_str(&good).unwrap();
    file["data"]["trust-steps/quarantine/x"] = json!({"schema": 1, "data": {}});
    assert!(matches!(error_of(file.to_string().as_bytes()), ImportError::Corrupted(_)));
    let oversized = vec![b' '; backup::MAX_BYTES + 1];
    assert_eq!(error_of(&oversized), ImportError::TooLarge { bytes: backup::MAX_BYTES + 1 });
    // Every message says nothing was changed.
    for error in [
        ImportError::NotJson,
        ImportError::NotTrustSteps,
        ImportError::NewerSchema { found: 2, newest: 1 },
        ImportError::Corrupted("x".into()),
        ImportError::TooLarge { bytes: 1 },
        ImportError::WrongPassphrase,
        ImportError::TooDeep,
    ] {
        assert!(error.to_string().contains("Nothing was changed"), "{error}");
    }
}

/// `depth` arrays inside each other around `core` (`[[1]]`), or objects (`{"a":{"a":1}}`) when `objects`.
fn nested(depth: usize, objects: bool, core: &str) -> String {
    let (open, close) = if objects { (r#"{"a":"#, "}") } else { ("[", "]") };
    format!("{}{core}{}", open.repeat(depth), close.repeat(depth))
}

/// The version 1 fixture with `value` (JSON text) as a field of its first thought record, four levels down
/// (file, data, envelope, record), where a newer version's unknown field would be.
fn fixture_with_field(value: &str) -> String {
    let mut file: Value = serde_json::from_str(&fixture("backup-v1.json")).unwrap();
    file["data"]["trust-steps/journal/0f1e2d3c4b5a69788796a5b4c3d2e1f0"]["data"]["nested"] = json!("HERE");
    file.to_string().replacen(r#""HERE""#, value, 1)
}

#[test]
fn deeply_nested_json_is_refused_with_its_own_message_whole_or_inside_an_entry() {
    let deep = [
        ("10,000 arrays", nested(10_000, false, "1")),
        ("10,000 objects", nested(10_000, true, "1")),
        ("10,000 opening brackets, never closed", "[".repeat(10_000)),
        ("10,000 arrays in a record", fixture_with_field(&nested(10_000, false, "1"))),
        ("10,000 objects in a record", fixture_with_field(&nested(10_000, true, "null"))),
        ("one level over the limit", fixture_with_field(&nested(backup::MAX_NESTING - 4, false, "[]"))),
    ];
    for (what, text) in &deep {
        assert_eq!(read_file(text.as_bytes()), Err(ImportError::TooDeep), "{what}");
    }
    let message = ImportError::TooDeep.to_string();
    assert!(message.contains("nested") && message.contains("Nothing was changed"), "{message}");

    // Inside an encrypted backup the text is checked the same way once the passphrase opens it.
    let key = trust_steps::storage::crypto::Sealer::new(&[7; 32]);
    let sealed =
        backup::seal_backup_with_passphrase(&deep[3].1, &key, (&[1; 16], 600_000), &[8; 32], ([2; 12], [3; 12]), NOW);
    let Ok(ReadFile::Encrypted(file)) = read_file(sealed.as_bytes()) else { panic!("not read as encrypted") };
    assert_eq!(backup::open_backup(&file, &key), Err(ImportError::TooDeep));

    // Up to the limit is fine and kept as it is (a newer version's field), and brackets inside text are text.
    let mut device = vault();
    let at_limit = nested(backup::MAX_NESTING - 4, false, "\"[{\"");
    import(&mut device, &fixture_with_field(&at_limit), ImportMode::Merge);
    let stored = device.store().get("trust-steps/journal/0f1e2d3c4b5a69788796a5b4c3d2e1f0").unwrap().unwrap();
    let stored: Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(stored["data"]["nested"], serde_json::from_str::<Value>(&at_limit).unwrap());
    let mut file: Value = serde_json::from_str(&fixture("backup-v1.json")).unwrap();
    let brackets = format!("{}{}", "[{".repeat(10_000), "\\\"");
    file["data"]["trust-steps/journal/0f1e2d3c4b5a69788796a5b4c3d2e1f0"]["data"]["situation"] = json!(brackets);
    let backup = read_backup(file.to_string().as_bytes()).unwrap();
    let entry = &backup.entries["trust-steps/journal/0f1e2d3c4b5a69788796a5b4c3d2e1f0"];
    assert_eq!(serde_json::from_str::<Value>(entry).unwrap()["data"]["situation"], json!(brackets));
}

#[test]
fn a_byte_order_mark_is_fine_and_an_encrypted_backup_asks_for_its_passphrase() {
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(fixture("backup-v1.json").as_bytes());
    assert!(matches!(read_file(&with_bom), Ok(ReadFile::Plain(_))));
    let encrypted = json!({
        "app": "trust-steps", "kind": "encrypted-backup", "schema": 1, "exported_at": NOW,
        "iterations": 600000, "salt": "AAAA", "iv": "AAAA", "ciphertext": "AAAA"
    });
    assert!(matches!(read_file(encrypted.to_string().as_bytes()), Ok(ReadFile::Encrypted(_))));
    let mut missing = encrypted.clone();
    missing.as_object_mut().unwrap().remove("iv");
    assert!(matches!(read_file(missing.to_string().as_bytes()), Err(ImportError::Corrupted(_))));
}

#[test]
fn an_import_that_fails_midway_puts_everything_back() {
    let (device, text) = overlapping();
    let before = device.entries().unwrap().readable;
    // No room to grow: the first change (a removal) lands, the next write does not fit.
    device.store().set_quota(Some(device.store().used_units()));
    let backup = read_backup(text.as_bytes()).unwrap();
    let mut device = device;
    let plan = plan(&backup, &device.entries().unwrap().readable, ImportMode::Replace);
    assert!(plan.writes[0].1.is_none(), "removals go first");
    let error = device.apply_all_or_nothing(&plan.writes).unwrap_err();
    assert!(matches!(error, trust_steps::storage::BatchError::RolledBack(StoreError::QuotaExceeded)), "{error:?}");
    assert_eq!(device.entries().unwrap().readable, before);
}

/// Byte-level mutations of a real backup plus random bytes: reading and planning must never panic.
#[test]
fn ten_thousand_arbitrary_and_mutated_files_never_panic() {
    let good = fixture("backup-v1.json").into_bytes();
    let small = export(
        [(
            "trust-steps/journal/abcdefgh".to_owned(),
            r#"{"schema":1,"data":{"id":"abcdefgh","updated_at":"1"}}"#.to_owned(),
        )],
        NOW,
    )
    .text
    .into_bytes();
    let (device, _) = overlapping();
    let current = device.entries().unwrap().readable;
    let mut rng = Rng(0x5EED);
    let mut accepted = 0;
    for case in 0..12_000 {
        let bytes: Vec<u8> = match case % 4 {
            0 => (0..rng.below(64)).map(|_| rng.next() as u8).collect(),
            1 => {
                let mut b = if case % 8 == 1 { good.clone() } else { small.clone() };
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(b.len() as u64) as usize;
                    b[at] = rng.next() as u8;
                }
                b
            }
            2 => {
                let b = if case % 8 == 2 { &good } else { &small };
                b[..rng.below(b.len() as u64) as usize].to_vec()
            }
            _ => {
                let mut b = small.clone();
                let at = rng.below(b.len() as u64) as usize;
                let insert =
                    [b"{".as_slice(), b"\"", b"null", b"[]", b"1e999", b"-1", b"\\u0000"][rng.below(7) as usize];
                b.splice(at..at, insert.iter().copied());
                b
            }
        };
        if let Ok(ReadFile::Plain(backup)) = read_file(&bytes) {
            accepted += 1;
            let _ = plan(&backup, &current, ImportMode::Merge);
            let _ = plan(&backup, &current, ImportMode::Replace);
        }
    }
    assert!(accepted > 0, "some mutations (e.g. inside text) still import");
}

#[test]
fn labels_name_known_collections_and_fall_back_to_the_key() {
    assert_eq!(backup::collection_label("journal"), "Thought records");
    assert_eq!(backup::collection_label("values-worksheets"), "values worksheets");
    assert_eq!(Settings::KEY, keys::SETTINGS);
}
