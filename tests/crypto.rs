//! Encryption at rest: AES-256-GCM known answers, sealing bound to the key name, tamper detection, the wrapped
//! data key, and the locked store (sealing on write, opening on read, turning the lock on and off).

#![cfg(not(target_arch = "wasm32"))] // native tests; PBKDF2 (Web Crypto) is checked in tests/wasm_crypto.rs
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::{locked_store as locked, Rng};
use trust_steps::domain::backup::{self, ImportError};
use trust_steps::domain::{Settings, ThemeChoice, ThoughtRecord};
use trust_steps::storage::crypto::{is_sealed, unwrap_key, wrap_key, CryptoError, Sealer};
use trust_steps::storage::locked::{is_sealed_key, LockRecord, LockedStore};
use trust_steps::storage::{apply_all_or_nothing, keys, KvStore, LoadProblem, MemoryStore, StoreError, Vault};

fn hex(text: &str) -> Vec<u8> {
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap()).collect()
}

fn key32(text: &str) -> [u8; 32] {
    hex(text).try_into().unwrap()
}

fn iv12(text: &str) -> [u8; 12] {
    hex(text).try_into().unwrap()
}

/// Test cases 13, 14 and 16 of the GCM specification (McGrew and Viega), AES-256.
#[test]
fn aes_256_gcm_known_answers() {
    let zero = Sealer::new(&[0; 32]);
    assert_eq!(zero.seal_bytes(b"", b"", [0; 12]), [vec![0; 12], hex("530f8afbc74536b9a963b4f1c4cb738b")].concat());
    assert_eq!(
        zero.seal_bytes(b"", &[0; 16], [0; 12]),
        [vec![0; 12], hex("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919")].concat()
    );
    let sealer = Sealer::new(&key32("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"));
    let plain = hex(
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
    );
    let aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    let iv = iv12("cafebabefacedbaddecaf888");
    let expected = [
        iv.to_vec(),
        hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"),
        hex("76fc6ece0f4e1768cddf8853bb2d551b"),
    ]
    .concat();
    assert_eq!(sealer.seal_bytes(&aad, &plain, iv), expected);
    assert_eq!(sealer.open_bytes(&aad, &expected).unwrap(), plain);
}

#[test]
fn sealed_text_opens_only_with_its_key_and_name_and_untouched() {
    let sealer = Sealer::new(&[7; 32]);
    let sealed = sealer.seal("trust-steps/journal/a", "{\"secret\":\"words\"}", [1; 12]);
    assert!(is_sealed(&sealed) && !sealed.contains("secret"));
    assert_eq!(sealer.open("trust-steps/journal/a", &sealed).unwrap(), "{\"secret\":\"words\"}");
    assert_eq!(sealer.open("trust-steps/journal/b", &sealed), Err(CryptoError::NotOpened), "moved to another key");
    assert_eq!(Sealer::new(&[8; 32]).open("trust-steps/journal/a", &sealed), Err(CryptoError::NotOpened));
    // Change one character of the ciphertext (keeping it within the dense alphabet).
    let mut tampered: Vec<char> = sealed.chars().collect();
    let at = tampered.len() - 4;
    tampered[at] = if tampered[at] == '\u{4E00}' { '\u{4E01}' } else { '\u{4E00}' };
    assert_eq!(
        sealer.open("trust-steps/journal/a", &tampered.into_iter().collect::<String>()),
        Err(CryptoError::NotOpened)
    );
    assert_eq!(sealer.open("trust-steps/journal/a", "enc1:AAAA"), Err(CryptoError::Malformed));
    assert_eq!(sealer.open("trust-steps/journal/a", "enc1:not base64!"), Err(CryptoError::Malformed));
}

#[test]
fn the_data_key_unwraps_only_with_the_right_passphrase_key() {
    let data_key = [42; 32];
    let wrapped = wrap_key(&Sealer::new(&[1; 32]), &data_key, [3; 12]);
    assert_eq!(unwrap_key(&Sealer::new(&[1; 32]), &wrapped), Ok(data_key));
    assert_eq!(unwrap_key(&Sealer::new(&[2; 32]), &wrapped), Err(CryptoError::NotOpened));
    let record = LockRecord::new(&[9; 16], &Sealer::new(&[1; 32]), &data_key, [4; 12], 5, "key-a");
    assert_eq!(record.iterations, 600_000);
    assert_eq!(record.salt_bytes().unwrap(), [9; 16]);
    assert_eq!(record.open(&Sealer::new(&[1; 32])), Ok(data_key));
    let weakened = LockRecord { iterations: 1000, ..record.clone() };
    assert!(
        weakened.salt_bytes().unwrap_err().to_string().contains("weaker"),
        "a lock claiming fewer iterations is refused"
    );
    let store = MemoryStore::new();
    store.set(keys::LOCK, &record.to_stored()).unwrap();
    assert_eq!(LockRecord::read(&store).unwrap(), Some(record));
}

#[test]
fn absurd_key_stretching_in_a_lock_or_a_backup_is_refused_before_any_work() {
    use trust_steps::storage::crypto::{iterations_problem, MAX_ITERATIONS, PBKDF2_ITERATIONS};
    assert_eq!(iterations_problem(PBKDF2_ITERATIONS), None);
    assert_eq!(iterations_problem(MAX_ITERATIONS), None, "room for later builds to raise the figure");
    assert!(iterations_problem(MAX_ITERATIONS + 1).unwrap().contains("far more"));
    assert!(iterations_problem(u32::MAX).unwrap().contains("refused"));
    let record = LockRecord::new(&[9; 16], &Sealer::new(&[1; 32]), &[1; 32], [4; 12], 5, "key-a");
    let hostile = LockRecord { iterations: 2_000_000_000, ..record };
    assert!(hostile.salt_bytes().unwrap_err().to_string().contains("far more"));
}

/// Stores a lock whose data key is `data_key`, named `key_id`, as turning the lock on does (no key held yet).
fn store_lock(store: &LockedStore<MemoryStore>, data_key: [u8; 32], key_id: &str) -> LockRecord {
    let record = LockRecord::new(&[9; 16], &Sealer::new(&[1; 32]), &data_key, [4; 12], 0, key_id);
    store.inner().set(keys::LOCK, &record.to_stored()).unwrap();
    record
}

/// Stores a lock and starts sealing with its key, as this tab turning the lock on or unlocking does.
fn lock_on(store: &LockedStore<MemoryStore>, data_key: [u8; 32]) -> LockRecord {
    let record = store_lock(store, data_key, &format!("id-{}", data_key[0]));
    store.set_key(Some((&data_key, &record)));
    record
}

#[test]
fn with_the_key_every_value_but_settings_and_the_lock_is_sealed_with_a_fresh_iv() {
    let store = locked();
    lock_on(&store, [5; 32]);
    store.set("trust-steps/journal/abc", "same").unwrap();
    let first = store.inner().get("trust-steps/journal/abc").unwrap().unwrap();
    store.set("trust-steps/journal/abc", "same").unwrap();
    let second = store.inner().get("trust-steps/journal/abc").unwrap().unwrap();
    assert!(is_sealed(&first) && first != second, "fresh IV per write");
    assert_eq!(store.get("trust-steps/journal/abc").unwrap().as_deref(), Some("same"));
    store.set(keys::SETTINGS, "plain settings").unwrap();
    assert_eq!(store.inner().get(keys::SETTINGS).unwrap().as_deref(), Some("plain settings"));
    assert!(is_sealed_key("trust-steps/quarantine/x/1") && is_sealed_key(keys::LESSON_PROGRESS));
    assert!(!is_sealed_key(keys::LOCK) && !is_sealed_key(keys::LOCK_SIGNAL) && !is_sealed_key("other-app/key"));
    store.set_key(None);
    assert_eq!(store.get("trust-steps/journal/abc"), Err(StoreError::Locked), "locked: nothing opens");
    // A value sealed under this lock's key that does not open is named as such (not "locked").
    let record = LockRecord::read(store.inner()).unwrap().unwrap();
    store.set_key(Some((&[6; 32], &record)));
    let error = store.get("trust-steps/journal/abc").unwrap_err();
    assert_eq!(error, StoreError::NotOpened("trust-steps/journal/abc".into()));
    assert!(error.to_string().contains("could not be decrypted"), "{error}");
}

#[test]
fn device_only_markers_stay_plain_so_other_tabs_and_the_start_can_read_them() {
    let store = locked();
    lock_on(&store, [5; 32]);
    for key in keys::DEVICE_ONLY {
        assert!(!is_sealed_key(key), "{key}");
    }
    store.set(keys::REPLACED, "started 2026-12-06T10:00:00Z").unwrap();
    assert_eq!(store.inner().get(keys::REPLACED).unwrap().as_deref(), Some("started 2026-12-06T10:00:00Z"));
    store.set(keys::BACKUP_STATUS, "{}").unwrap();
    assert_eq!(store.inner().get(keys::BACKUP_STATUS).unwrap().as_deref(), Some("{}"));
}

#[test]
fn a_tab_without_the_key_never_writes_plain_text_while_a_lock_is_stored() {
    // A tab that missed the lock being turned on elsewhere (a lost storage event, the back/forward cache).
    let store = locked();
    store.set("trust-steps/journal/a", "written before the lock").unwrap();
    store_lock(&store, [5; 32], "elsewhere");
    assert!(!store.has_key() && !store.holds_current_key());
    assert_eq!(store.set("trust-steps/journal/a", "secret words"), Err(StoreError::Locked));
    assert_eq!(store.set("trust-steps/journal/b", "secret words"), Err(StoreError::Locked));
    assert_eq!(store.inner().get("trust-steps/journal/a").unwrap().as_deref(), Some("written before the lock"));
    assert_eq!(store.inner().get("trust-steps/journal/b").unwrap(), None);
    // What is not sealed still works: the theme, the markers, removing.
    store.set(keys::SETTINGS, "theme").unwrap();
    store.set(keys::REPLACED, "done").unwrap();
    store.remove("trust-steps/journal/a").unwrap();
    // An unreadable lock record counts as a lock (fail closed).
    store.inner().set(keys::LOCK, "not json").unwrap();
    assert_eq!(store.set("trust-steps/journal/b", "secret words"), Err(StoreError::Locked));
}

#[test]
fn a_tab_holding_an_older_lock_key_neither_writes_nor_reads_with_it() {
    // This tab unlocked; elsewhere the lock was turned off and on again: a new data key.
    let store = locked();
    lock_on(&store, [5; 32]);
    store.set("trust-steps/journal/a", "first").unwrap();
    store.inner().remove(keys::LOCK).unwrap();
    store_lock(&store, [6; 32], "id-new");
    assert!(store.has_key() && !store.holds_current_key());
    let before = store.inner().get("trust-steps/journal/a").unwrap();
    assert_eq!(store.set("trust-steps/journal/a", "sealed with the old key"), Err(StoreError::Locked));
    assert_eq!(store.inner().get("trust-steps/journal/a").unwrap(), before, "nothing written");
    assert_eq!(store.get("trust-steps/journal/a"), Err(StoreError::Locked), "locked, not reported as damaged");
}

#[test]
fn a_changed_passphrase_keeps_the_key_name_so_other_tabs_keep_saving() {
    let store = locked();
    let first = lock_on(&store, [5; 32]);
    // Another tab rewraps the same data key under a new passphrase, keeping its name.
    let rewrapped = LockRecord {
        idle_minutes: 5,
        ..LockRecord::new(&[2; 16], &Sealer::new(&[7; 32]), &[5; 32], [8; 12], 0, &first.key_id)
    };
    assert_ne!(rewrapped.wrapped_key, first.wrapped_key);
    store.inner().set(keys::LOCK, &rewrapped.to_stored()).unwrap();
    assert!(store.holds_current_key());
    store.set("trust-steps/journal/a", "still saving").unwrap();
    assert_eq!(store.get("trust-steps/journal/a").unwrap().as_deref(), Some("still saving"));
    // A record from before key names: the wrapped key names the data key.
    let legacy = LockRecord { key_id: String::new(), ..first };
    assert_eq!(legacy.key_name(), legacy.wrapped_key);
}

#[test]
fn with_the_lock_turned_off_elsewhere_a_tab_holding_the_key_writes_plain_again() {
    let store = locked();
    lock_on(&store, [5; 32]);
    store.inner().remove(keys::LOCK).unwrap();
    store.set("trust-steps/journal/a", "plain now").unwrap();
    assert_eq!(store.inner().get("trust-steps/journal/a").unwrap().as_deref(), Some("plain now"));
}

#[test]
fn turning_the_lock_on_then_off_seals_then_opens_everything_and_loses_nothing() {
    let store = locked();
    let mut vault = Vault::new(store.clone(), Box::new(|| "2026-11-27T10:00:00Z".into()));
    vault.save(&Settings { theme: ThemeChoice::Dark, ..Default::default() }).unwrap();
    let record = ThoughtRecord { id: "r1234567".into(), situation: "private words".into(), ..Default::default() };
    vault.save_record(&record).unwrap();
    let before = vault.entries().unwrap().readable;

    let lock = lock_on(&store, [9; 32]);
    let changes = store.conversion(None).unwrap();
    assert_eq!(changes.len(), 1, "only the record; settings stay plain");
    apply_all_or_nothing(store.inner(), &changes).unwrap();
    let raw = store.inner().get("trust-steps/journal/r1234567").unwrap().unwrap();
    assert!(is_sealed(&raw) && !raw.contains("private"));
    let mut now = vault.entries().unwrap().readable;
    now.remove(keys::LOCK);
    assert_eq!(now, before, "reads open transparently");
    assert_eq!(vault.load_records::<ThoughtRecord>().0, vec![record.clone()]);
    // A backup made while locked holds plain envelopes.
    let exported = backup::export(vault.entries().unwrap().readable, "now");
    assert!(exported.text.contains("private words"));

    store.set_key(None);
    let changes = store.conversion(Some(&Sealer::new(&[9; 32]))).unwrap();
    apply_all_or_nothing(store.inner(), &changes).unwrap();
    assert_eq!(
        store.inner().get("trust-steps/journal/r1234567").unwrap(),
        before.get("trust-steps/journal/r1234567").cloned()
    );
    // Opening with the wrong key writes nothing.
    store.set_key(Some((&[9; 32], &lock)));
    apply_all_or_nothing(store.inner(), &store.conversion(None).unwrap()).unwrap();
    store.set_key(None);
    let sealed_now = store.inner().get("trust-steps/journal/r1234567").unwrap();
    assert!(store.conversion(Some(&Sealer::new(&[1; 32]))).is_err());
    assert_eq!(store.inner().get("trust-steps/journal/r1234567").unwrap(), sealed_now);
}

#[test]
fn tampered_stored_ciphertext_is_set_aside_with_its_text_and_the_rest_backs_up() {
    let store = locked();
    lock_on(&store, [3; 32]);
    let mut vault = Vault::new(store.clone(), Box::new(|| "2026-11-27T10:00:00Z".into()));
    vault.save_record(&ThoughtRecord { id: "r7654321".into(), ..Default::default() }).unwrap();
    let key = "trust-steps/journal/r7654321";
    let raw = store.inner().get(key).unwrap().unwrap();
    // Change the next-to-last character, keeping it in the dense alphabet (enc2).
    let mut chars: Vec<char> = raw.chars().collect();
    let at = chars.len() - 2;
    chars[at] = if chars[at] == '\u{4E00}' { '\u{4E01}' } else { '\u{4E00}' };
    let tampered: String = chars.into_iter().collect();
    store.inner().set(key, &tampered).unwrap();
    vault.save_record(&ThoughtRecord { id: "r1111111".into(), ..Default::default() }).unwrap();
    // Listed apart: a backup of everything else still works.
    let entries = vault.entries().unwrap();
    assert_eq!(entries.unopened.get(key), Some(&tampered));
    assert!(entries.readable.contains_key("trust-steps/journal/r1111111") && !entries.readable.contains_key(key));
    // Loading sets it aside with its stored text, so no save can overwrite it.
    let (records, problems) = vault.load_records::<ThoughtRecord>();
    assert_eq!(records.len(), 1);
    assert!(
        matches!(&problems[..], [LoadProblem::Quarantined { reason, .. }] if reason.contains("decrypted")),
        "{problems:?}"
    );
    assert_eq!(store.inner().get(key).unwrap(), None);
    let set_aside = vault.quarantined();
    assert_eq!(set_aside.len(), 1);
    assert_eq!(set_aside[0].1.raw, tampered, "its text as it was stored");
    // The set-aside copy is itself sealed (it is data under the lock).
    assert!(is_sealed(&store.inner().get(&set_aside[0].0).unwrap().unwrap()));
}

/// A plain backup holding one thought record whose situation is `secret`.
fn plain_backup(secret: &str) -> String {
    let record = format!(
        r#"{{"schema":1,"data":{{"id":"r1234567","updated_at":"2026-11-27T10:00:00Z","situation":"{secret}"}}}}"#
    );
    backup::export([("trust-steps/journal/r1234567".to_owned(), record)], "2026-11-27T10:00:00Z").text
}

fn encrypted(text: &str) -> backup::EncryptedFile {
    match backup::read_file(text.as_bytes()) {
        Ok(backup::ReadFile::Encrypted(file)) => file,
        other => panic!("not read as an encrypted backup: {other:?}"),
    }
}

fn situation(opened: &backup::Backup) -> String {
    let entry: serde_json::Value = serde_json::from_str(&opened.entries["trust-steps/journal/r1234567"]).unwrap();
    entry["data"]["situation"].as_str().unwrap().to_owned()
}

#[test]
fn while_the_lock_is_on_a_backup_is_sealed_with_its_key_and_opens_with_the_lock_passphrase() {
    let (passphrase_key, data_key) = (Sealer::new(&[1; 32]), [5; 32]);
    let record = LockRecord::new(&[9; 16], &passphrase_key, &data_key, [4; 12], 5, "key-a");
    let plain = plain_backup("Sam did not call back");
    let (text, protection) =
        backup::protect(&plain, Some((&record, &Sealer::new(&data_key))), [6; 12], "2026-11-27T10:00:00Z");
    assert_eq!(protection, backup::FileProtection::LockPassphrase);
    assert!(!text.contains("Sam") && !text.contains("journal"), "no user text and no key names in the file");
    let file = encrypted(&text);
    // Format 2, carrying the lock's own key settings: no typing to make it, the lock's passphrase opens it.
    assert_eq!(file.schema, backup::ENCRYPTED_SCHEMA);
    // Older builds checked one format number (1) for every kind before anything else, as a plain backup still
    // is: so they call this file "made by a newer version", never "wrong passphrase".
    let mut as_older_builds_read_it: serde_json::Value = serde_json::from_str(&text).unwrap();
    as_older_builds_read_it["kind"] = serde_json::json!("backup");
    assert_eq!(
        backup::read_file(as_older_builds_read_it.to_string().as_bytes()),
        Err(ImportError::NewerSchema { found: 2, newest: 1 })
    );
    assert_eq!((file.salt.as_str(), file.iterations), (record.salt.as_str(), record.iterations));
    assert_eq!(file.wrapped_key, record.wrapped_key);
    assert!(file.opens_with_lock());
    assert_eq!(file.salt_bytes().unwrap(), vec![9; 16]);
    assert_eq!(situation(&backup::open_backup(&file, &passphrase_key).unwrap()), "Sam did not call back");
    assert_eq!(backup::open_backup(&file, &Sealer::new(&[2; 32])), Err(ImportError::WrongPassphrase));
    // The passphrase changes later (same data key, wrapped anew): the file still opens with the old one only.
    let changed = LockRecord::new(&[8; 16], &Sealer::new(&[3; 32]), &data_key, [7; 12], 5, "key-a");
    assert_ne!(changed.wrapped_key, record.wrapped_key);
    assert!(backup::open_backup(&file, &passphrase_key).is_ok());
    assert_eq!(backup::open_backup(&file, &Sealer::new(&[3; 32])), Err(ImportError::WrongPassphrase));
    // Every file gets a fresh IV.
    let (again, _) = backup::protect(&plain, Some((&record, &Sealer::new(&data_key))), [7; 12], "2026-11-27T10:00:00Z");
    assert_ne!(encrypted(&again).ciphertext, file.ciphertext);
}

#[test]
fn with_the_lock_off_the_usual_backup_is_plain_and_says_so() {
    let plain = plain_backup("a walk");
    let (text, protection) = backup::protect(&plain, None, [6; 12], "now");
    assert_eq!((text.as_str(), protection), (plain.as_str(), backup::FileProtection::Plain));
    assert!(protection.opens_with().contains("anyone who has it can read every entry"));
    assert_eq!(protection.file_suffix(), "");
    assert!(backup::FileProtection::LockPassphrase.opens_with().contains("the passphrase your lock has now"));
    assert_eq!(backup::FileProtection::LockPassphrase.file_suffix(), "-encrypted");
}

#[test]
fn the_lock_and_its_key_are_given_only_to_a_store_holding_the_current_key() {
    let store = locked();
    assert!(matches!(store.current_lock(), Ok(None)), "lock off: nothing to seal with, a plain file");
    let record = store_lock(&store, [5; 32], "key-a");
    assert_eq!(store.current_lock().err(), Some(StoreError::Locked), "a lock and no key: refuse, never plain");
    store.set_key(Some((&[5; 32], &record)));
    let (lock, key) = store.current_lock().unwrap().unwrap();
    assert_eq!(lock, record);
    let (text, _) = backup::protect(&plain_backup("x"), Some((&lock, &key)), [1; 12], "now");
    assert!(backup::open_backup(&encrypted(&text), &Sealer::new(&[1; 32])).is_ok());
    // The lock turned off and on again elsewhere: a new data key; the old one is refused.
    store_lock(&store, [6; 32], "key-b");
    assert_eq!(store.current_lock().err(), Some(StoreError::Locked));
    store.inner().set(keys::LOCK, "{not json").unwrap();
    assert!(store.current_lock().is_err(), "an unreadable lock counts as on");
}

#[test]
fn a_backup_with_its_own_passphrase_opens_with_that_passphrase_only() {
    let own = Sealer::new(&[4; 32]);
    let text = backup::seal_backup_with_passphrase(
        &plain_backup("the bus was late"),
        &own,
        (&[1; 16], 600_000),
        &[9; 32],
        ([2; 12], [3; 12]),
        "now",
    );
    assert!(!text.contains("bus"));
    let file = encrypted(&text);
    assert_eq!((file.schema, file.iterations, file.opens_with_lock()), (2, 600_000, false));
    assert_eq!(situation(&backup::open_backup(&file, &own).unwrap()), "the bus was late");
    assert_eq!(backup::open_backup(&file, &Sealer::new(&[5; 32])), Err(ImportError::WrongPassphrase));
}

#[test]
fn an_encrypted_backup_of_format_1_from_an_older_build_still_opens() {
    // tests/fixtures/encrypted-backup-v1.json: the version-1 fixture sealed as builds before format 2 did, with
    // the passphrase "old format stone" (PBKDF2-SHA256, 600,000 rounds, salt 00…0f), which gives this key.
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/encrypted-backup-v1.json"))
        .unwrap();
    let file = encrypted(&text);
    assert_eq!((file.schema, file.wrapped_key.as_str()), (1, ""));
    let key = Sealer::new(&key32("0e1242aa3060dea08c3630e1ea922a8a5f698cbe38911fd23f98585470067455"));
    let opened = backup::open_backup(&file, &key).unwrap();
    assert_eq!(opened.entries.len(), 12);
    assert_eq!(backup::open_backup(&file, &Sealer::new(&[5; 32])), Err(ImportError::WrongPassphrase));
    let mut altered = file.clone();
    altered.ciphertext.replace_range(4..5, if &altered.ciphertext[4..5] == "A" { "B" } else { "A" });
    assert_eq!(backup::open_backup(&altered, &key), Err(ImportError::WrongPassphrase));
}

#[test]
fn absurd_or_malformed_fields_of_an_encrypted_backup_are_refused_with_a_reason() {
    let own = Sealer::new(&[4; 32]);
    let text = backup::seal_backup_with_passphrase(
        &plain_backup("x"),
        &own,
        (&[1; 16], 600_000),
        &[9; 32],
        ([2; 12], [3; 12]),
        "now",
    );
    let file = encrypted(&text);
    let corrupted = |f: backup::EncryptedFile| match backup::open_backup(&f, &own) {
        Err(ImportError::Corrupted(why)) => why,
        other => panic!("expected a damaged-file message, got {other:?}"),
    };
    // Key stretching out of range: refused before any key is derived (salt_bytes is what the UI asks first).
    for iterations in [0, 1, 599_999, 4_800_001, u32::MAX] {
        let hostile = backup::EncryptedFile { iterations, ..file.clone() };
        assert!(hostile.salt_bytes().is_err(), "{iterations}");
        let why = corrupted(hostile);
        assert!(why.contains("weaker") || why.contains("far more"), "{why}");
    }
    for salt in ["", "AAAA", "not base64!", &"A".repeat(200)] {
        let why = corrupted(backup::EncryptedFile { salt: salt.into(), ..file.clone() });
        assert!(why.contains("salt"), "{salt}: {why}");
    }
    assert!(corrupted(backup::EncryptedFile { iv: "AAAA".into(), ..file.clone() }).contains("unreadable"));
    assert!(corrupted(backup::EncryptedFile { ciphertext: "%%".into(), ..file.clone() }).contains("unreadable"));
    assert!(corrupted(backup::EncryptedFile { wrapped_key: "%%".into(), ..file.clone() }).contains("key"));
    assert!(corrupted(backup::EncryptedFile { wrapped_key: "AAAA".into(), ..file.clone() }).contains("key"));
    // The passphrase opens the file key but the text was changed: damaged, not "wrong passphrase".
    let mut altered = file.clone();
    altered.ciphertext.replace_range(4..5, if &altered.ciphertext[4..5] == "A" { "B" } else { "A" });
    assert!(corrupted(altered).contains("altered"));
    // Format 2 without its key is refused on reading, before any passphrase is asked for.
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json.as_object_mut().unwrap().remove("wrapped_key");
    assert!(
        matches!(backup::read_file(json.to_string().as_bytes()), Err(ImportError::Corrupted(why)) if why.contains("key is missing"))
    );
    // Unknown "opens_with" words change nothing but the question asked.
    json["wrapped_key"] = serde_json::Value::String(file.wrapped_key.clone());
    json["opens_with"] = serde_json::json!("someone else");
    assert!(backup::open_backup(&encrypted(&json.to_string()), &own).is_ok());
}

#[test]
fn a_new_passphrase_needs_eight_characters_typed_the_same_twice() {
    use trust_steps::storage::locked::passphrase_problem;
    assert!(passphrase_problem("short", "short").unwrap().contains("at least 8"));
    assert_eq!(passphrase_problem("long enough", "long enough!"), Some("The two passphrases are not the same."));
    assert_eq!(passphrase_problem("ĉiu tago 🙂", "ĉiu tago 🙂"), None);
}

// ---- The dense sealed form (`enc2:`, 15 bits per UTF-16 unit) ----

fn in_alphabets(text: &str) {
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(units.len(), text.chars().count(), "one UTF-16 unit per character");
    for (i, c) in text.chars().enumerate() {
        let code = u32::from(c);
        let last = i + 1 == units.len();
        assert!(
            (0x4E00..=0xCDFF).contains(&code) || (last && (0x3400..=0x347F).contains(&code)),
            "U+{code:04X} at {i} of {}",
            units.len()
        );
    }
}

#[test]
fn dense_text_round_trips_every_length_to_300_with_every_unit_in_its_alphabet() {
    use trust_steps::storage::crypto::{dense_units, from_dense, to_dense};
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for len in 0..300 {
        for bytes in [rng.bytes(len), vec![0; len], vec![0xFF; len]] {
            let text = to_dense(&bytes);
            assert_eq!(text.encode_utf16().count(), dense_units(len), "length {len}");
            in_alphabets(&text);
            assert_eq!(from_dense(&text), Some(bytes), "length {len}");
        }
    }
    // The tail rule: 1 byte leaves 8 bits (a 15-bit character), 2 bytes leave 1 bit (a 7-bit one).
    assert_eq!(to_dense(&[0x80]), "\u{8E00}");
    assert_eq!(to_dense(&[0, 1]), "\u{4E00}\u{3440}");
    assert_eq!(to_dense(&[]), "");
}

#[test]
fn dense_text_that_is_not_what_to_dense_writes_is_refused_without_a_panic() {
    use trust_steps::storage::crypto::{from_dense, to_dense};
    let ok = to_dense(&[1, 2]);
    assert_eq!(from_dense(&ok), Some(vec![1, 2]));
    for bad in [
        "A",                // ASCII
        "\u{4DFF}",         // just below the 15-bit alphabet
        "\u{CE00}",         // just above it
        "\u{3480}",         // just above the 7-bit alphabet
        "\u{3400}\u{4E00}", // a 7-bit character that is not the last
        "\u{3400}",         // a 7-bit character carrying only padding
        "\u{4E01}",         // one byte with a padding bit set
        "\u{FFFD}",         // the replacement character
        "\u{1F600}",        // outside the BMP (two UTF-16 units)
        "\u{4E00}\u{0}",    // a control character
    ] {
        assert_eq!(from_dense(bad), None, "{bad:?}");
    }
    let sealer = Sealer::new(&[7; 32]);
    for bad in ["enc2:", "enc2:\u{4E00}", "enc2:hello", "enc2:\u{3400}\u{4E00}", "enc3:\u{4E00}", "\u{4E00}"] {
        assert_eq!(sealer.open("trust-steps/journal/a", bad), Err(CryptoError::Malformed), "{bad:?}");
    }
    // Random text from the alphabets and around them: never a panic, and whatever decodes is canonical.
    let mut rng = Rng(42);
    let pool = [0x41u32, 0x3400, 0x347F, 0x3480, 0x4DFF, 0x4E00, 0x8000, 0xCDFF, 0xCE00, 0xE000, 0xFFFF];
    for _ in 0..20_000 {
        let len = (rng.next() % 12) as usize;
        let text: String = (0..len)
            .map(|_| {
                let base = pool[(rng.next() % pool.len() as u64) as usize];
                let code = if rng.next() % 2 == 0 { base } else { 0x4E00 + (rng.next() % 0x8000) as u32 };
                char::from_u32(code).unwrap_or('?')
            })
            .collect();
        if let Some(bytes) = from_dense(&text) {
            assert_eq!(to_dense(&bytes), text, "only the canonical form decodes");
        }
        let _ = sealer.open("trust-steps/journal/a", &format!("enc2:{text}"));
    }
}

#[test]
fn values_are_sealed_densely_and_older_base64_values_still_open_and_are_rewritten_when_saved() {
    use trust_steps::storage::crypto::{sealed_units, to_base64, SEALED_PREFIX};
    let sealer = Sealer::new(&[7; 32]);
    let name = "trust-steps/journal/a";
    let sealed = sealer.seal(name, "{\"secret\":\"words\"}", [1; 12]);
    assert!(sealed.starts_with("enc2:") && SEALED_PREFIX == "enc2:");
    in_alphabets(sealed.strip_prefix("enc2:").unwrap());
    let old = format!("enc1:{}", to_base64(&sealer.seal_bytes(name.as_bytes(), b"{\"old\":1}", [2; 12])));
    assert!(is_sealed(&old) && is_sealed(&sealed));
    assert_eq!(sealer.open(name, &old).unwrap(), "{\"old\":1}");

    // In the locked store: an enc1 value reads back, and the next save writes enc2.
    let data_key = [9; 32];
    let lock = LockRecord::new(&[1; 16], &Sealer::new(&[1; 32]), &data_key, [3; 12], 5, "key-a");
    let inner = MemoryStore::new();
    inner.set(keys::LOCK, &lock.to_stored()).unwrap();
    let old =
        format!("enc1:{}", to_base64(&Sealer::new(&data_key).seal_bytes(name.as_bytes(), b"{\"old\":1}", [2; 12])));
    inner.set(name, &old).unwrap();
    let store = LockedStore::new(inner, Box::new(|| [5; 12]));
    store.set_key(Some((&data_key, &lock)));
    assert_eq!(store.get(name).unwrap().as_deref(), Some("{\"old\":1}"));
    store.set(name, "{\"old\":2}").unwrap();
    let raw = store.inner().get(name).unwrap().unwrap();
    assert!(raw.starts_with("enc2:"), "{raw}");
    assert_eq!(store.get(name).unwrap().as_deref(), Some("{\"old\":2}"));

    // The size: the formula is exact, and a typical record sealed takes about half its JSON's UTF-16 units
    // (base64 took about 1.37 times).
    for len in [0, 1, 2, 14, 15, 100, 599, 600, 4000] {
        let plain = "x".repeat(len);
        assert_eq!(sealer.seal(name, &plain, [1; 12]).encode_utf16().count(), sealed_units(len), "{len}");
    }
    let json = format!(
        "{{\"schema\":1,\"data\":{{\"id\":\"{}\",\"situation\":\"{}\"}}}}",
        "a".repeat(32),
        "words ".repeat(100)
    );
    let dense = sealer.seal(name, &json, [1; 12]).encode_utf16().count() as f64 / json.encode_utf16().count() as f64;
    let base64 = (5 + to_base64(&sealer.seal_bytes(b"", json.as_bytes(), [1; 12])).len()) as f64
        / json.encode_utf16().count() as f64;
    assert!((0.50..0.57).contains(&dense), "dense {dense}");
    assert!((1.33..1.42).contains(&base64), "base64 {base64}");
}
