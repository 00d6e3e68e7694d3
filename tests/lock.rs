//! The lock's edges (issue 20): turning it on or off never leaves values sealed under a key that is gone (a
//! partial rollback keeps the record and the key), the stored lock is re-read cheaply but never missed, and
//! changes not yet saved survive a lock sealed with the data key (never plain) and come back into the queue.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::cell::Cell;
use std::ops::Range;
use std::rc::Rc;
use trust_steps::domain::ThoughtRecord;
use trust_steps::storage::crypto::{is_sealed, Sealer};
use trust_steps::storage::locked::{LockRecord, LockedStore, TurnOffError, UNSAVED_PREFIX};
use trust_steps::storage::{keys, KvStore, MemoryStore, StoreError, Vault};

/// A memory store whose writes (sets and removes, counted from 0) fail inside `failing`, with "storage full".
#[derive(Default)]
struct FlakyStore {
    memory: MemoryStore,
    writes: Cell<usize>,
    failing: Cell<Option<(usize, usize)>>,
}

impl FlakyStore {
    /// Makes writes number `range` (counted from the next one) fail.
    fn fail(&self, range: Range<usize>) {
        let now = self.writes.get();
        self.failing.set(Some((now + range.start, now + range.end)));
    }

    fn write(&self) -> Result<(), StoreError> {
        let n = self.writes.get();
        self.writes.set(n + 1);
        match self.failing.get() {
            Some((from, to)) if (from..to).contains(&n) => Err(StoreError::QuotaExceeded),
            _ => Ok(()),
        }
    }
}

impl KvStore for FlakyStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.memory.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.write()?;
        self.memory.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.write()?;
        self.memory.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.memory.keys()
    }
}

fn new_store() -> Rc<LockedStore<FlakyStore>> {
    let counter = Cell::new(0u8);
    Rc::new(LockedStore::new(
        FlakyStore::default(),
        Box::new(move || {
            counter.set(counter.get().wrapping_add(1));
            [counter.get(); 12]
        }),
    ))
}

fn record(data_key: [u8; 32], key_id: &str) -> LockRecord {
    LockRecord::new(&[9; 16], &Sealer::new(&[1; 32]), &data_key, [4; 12], 0, key_id)
}

const KEYS: [&str; 4] =
    ["trust-steps/journal/a", "trust-steps/journal/b", "trust-steps/journal/c", "trust-steps/people/d"];

/// Four plain values, as before the lock is turned on.
fn with_values(store: &LockedStore<FlakyStore>) {
    for key in KEYS {
        store.set(key, &format!("words of {key}")).unwrap();
    }
}

fn all_readable(store: &LockedStore<FlakyStore>) {
    for key in KEYS {
        assert_eq!(store.get(key).unwrap(), Some(format!("words of {key}")), "{key}");
    }
}

fn sealed_count(store: &LockedStore<FlakyStore>) -> usize {
    KEYS.iter().filter(|k| is_sealed(&store.inner().get(k).unwrap().unwrap())).count()
}

#[test]
fn turning_the_lock_on_seals_everything_and_says_none_is_left_plain() {
    let store = new_store();
    with_values(&store);
    assert_eq!(store.turn_on(&record([5; 32], "k1"), &[5; 32]), Ok(0));
    assert!(store.holds_current_key());
    assert_eq!(sealed_count(&store), 4);
    all_readable(&store);
    assert_eq!(
        store.turn_on(&record([6; 32], "k2"), &[6; 32]),
        Err(StoreError::Other("the lock is already on".into())),
        "a second lock never replaces the first (its values would not open)"
    );
    assert!(store.holds_current_key());
}

#[test]
fn a_failed_turn_on_that_rolled_back_leaves_the_lock_off_and_every_value_plain() {
    let store = new_store();
    with_values(&store);
    // Write 0 is the record, 1 and 2 seal two values, 3 fails; the rollback (4, 5) succeeds.
    store.inner().fail(3..4);
    assert_eq!(store.turn_on(&record([5; 32], "k1"), &[5; 32]), Err(StoreError::QuotaExceeded));
    assert_eq!(store.inner().get(keys::LOCK).unwrap(), None, "the record is removed");
    assert!(!store.has_key());
    assert_eq!(sealed_count(&store), 0);
    all_readable(&store);
    store.set("trust-steps/journal/a", "plain again").unwrap();
    assert_eq!(store.inner().get("trust-steps/journal/a").unwrap().as_deref(), Some("plain again"));
}

#[test]
fn a_partial_rollback_of_turning_on_keeps_the_record_and_the_key_so_nothing_is_lost() {
    let store = new_store();
    with_values(&store);
    // Record, two values sealed, then storage stops taking writes: the rollback cannot put them back plain.
    store.inner().fail(3..100);
    let record = record([5; 32], "k1");
    assert_eq!(store.turn_on(&record, &[5; 32]), Ok(2), "two values are still plain");
    assert_eq!(LockRecord::read(store.inner()).unwrap().as_ref(), Some(&record), "the record stays");
    assert!(store.holds_current_key(), "and the key: the sealed values still open");
    assert_eq!(sealed_count(&store), 2);
    all_readable(&store);
    // Storage takes writes again; the next unlock's conversion seals the rest.
    store.inner().fail(0..0);
    let changes = store.conversion(None).unwrap();
    assert_eq!(changes.len(), 2);
    trust_steps::storage::apply_all_or_nothing(store.inner(), &changes).unwrap();
    assert_eq!(store.plain_values(), 0);
    all_readable(&store);
}

#[test]
fn turning_the_lock_off_opens_everything_then_removes_the_record_and_the_key() {
    let store = new_store();
    with_values(&store);
    store.turn_on(&record([5; 32], "k1"), &[5; 32]).unwrap();
    assert_eq!(store.turn_off(&[5; 32]), Ok(()));
    assert_eq!(store.inner().get(keys::LOCK).unwrap(), None);
    assert!(!store.has_key());
    assert_eq!(sealed_count(&store), 0);
    all_readable(&store);
    assert!(matches!(store.turn_off(&[5; 32]), Err(TurnOffError { plain: 0, .. })), "not on");
}

#[test]
fn a_failed_turn_off_keeps_the_lock_and_the_key_and_counts_what_is_plain() {
    let store = new_store();
    with_values(&store);
    store.turn_on(&record([5; 32], "k1"), &[5; 32]).unwrap();
    // A wrong key opens nothing and writes nothing.
    let before = store.inner().memory.used_units();
    assert!(matches!(store.turn_off(&[6; 32]), Err(TurnOffError { error: StoreError::NotOpened(_), plain: 0 })));
    assert!(store.holds_current_key(), "the key this tab held is kept");
    assert_eq!(store.inner().memory.used_units(), before);
    // Rolled back: storage exactly as it was, every value sealed.
    store.inner().fail(2..3);
    assert_eq!(store.turn_off(&[5; 32]), Err(TurnOffError { error: StoreError::QuotaExceeded, plain: 0 }));
    assert!(store.holds_current_key());
    assert_eq!(sealed_count(&store), 4);
    all_readable(&store);
    // Partial: two values opened, then no write works (the rollback neither): they stay plain, the lock on.
    store.inner().fail(2..100);
    assert_eq!(store.turn_off(&[5; 32]), Err(TurnOffError { error: StoreError::QuotaExceeded, plain: 2 }));
    assert!(store.inner().get(keys::LOCK).unwrap().is_some());
    assert!(store.holds_current_key());
    all_readable(&store);
    // Everything opened but the record cannot be removed: still on, the key kept, all four plain.
    store.inner().fail(2..3);
    assert_eq!(store.turn_off(&[5; 32]), Err(TurnOffError { error: StoreError::QuotaExceeded, plain: 4 }));
    assert!(store.holds_current_key());
    all_readable(&store);
}

#[test]
fn the_stored_lock_is_read_again_on_every_sealed_write_so_a_change_is_never_missed() {
    let store = new_store();
    let first = record([5; 32], "k1");
    store.turn_on(&first, &[5; 32]).unwrap();
    store.set("trust-steps/journal/a", "one").unwrap();
    // Elsewhere: off, then on again with a new key (no event reaches this store).
    store.inner().set(keys::LOCK, &record([6; 32], "k2").to_stored()).unwrap();
    assert!(!store.holds_current_key());
    assert_eq!(store.set("trust-steps/journal/a", "two"), Err(StoreError::Locked));
    // The first lock back (its passphrase changed: same key name, other text): this key is current again.
    let rewrapped = LockRecord::new(&[3; 16], &Sealer::new(&[2; 32]), &[5; 32], [7; 12], 5, "k1");
    store.inner().set(keys::LOCK, &rewrapped.to_stored()).unwrap();
    assert!(store.holds_current_key());
    store.set("trust-steps/journal/a", "three").unwrap();
    store.inner().set(keys::LOCK, "damaged").unwrap();
    assert_eq!(store.set("trust-steps/journal/a", "four"), Err(StoreError::Locked), "unreadable: fail closed");
    store.inner().remove(keys::LOCK).unwrap();
    assert!(!store.lock_stored());
    store.set("trust-steps/journal/a", "five").unwrap();
    assert_eq!(store.inner().get("trust-steps/journal/a").unwrap().as_deref(), Some("five"));
}

#[test]
fn unsaved_changes_are_kept_sealed_with_the_current_key_and_never_as_plain_text() {
    let store = new_store();
    let changes = vec![
        ("trust-steps/journal/a".to_owned(), Some("my private words".to_owned())),
        ("trust-steps/journal/b".to_owned(), None),
    ];
    assert_eq!(store.seal_unsaved(&changes), None, "lock off: nothing to seal with, so nothing is kept");
    let first = record([5; 32], "k1");
    store.turn_on(&first, &[5; 32]).unwrap();
    let kept = store.seal_unsaved(&changes).unwrap();
    assert!(kept.starts_with(UNSAVED_PREFIX) && !kept.contains("private") && !kept.contains("journal"));
    // After the reload: no key until the unlock, then it opens.
    store.set_key(None);
    assert_eq!(store.open_unsaved(&kept), None);
    store.set_key(Some((&[5; 32], &first)));
    assert_eq!(store.open_unsaved(&kept), Some(changes.clone()));
    // Altered, or under another lock's key: it does not open.
    let mut altered = kept.clone();
    altered.replace_range(20..21, if &altered[20..21] == "A" { "B" } else { "A" });
    assert_eq!(store.open_unsaved(&altered), None);
    assert_eq!(store.open_unsaved("trust-steps/journal/a"), None);
    let other = new_store();
    let second = record([6; 32], "k2");
    other.turn_on(&second, &[6; 32]).unwrap();
    assert_eq!(other.open_unsaved(&kept), None);
    // A sealed value is not a queue either (other associated data).
    let sealed_value = Sealer::new(&[5; 32]).seal("trust-steps/journal/a", "[]", [1; 12]);
    assert_eq!(store.open_unsaved(&sealed_value.replacen("enc1:", UNSAVED_PREFIX, 1)), None);
    // Without the current key (another tab turned the lock off and on) nothing is sealed.
    store.inner().set(keys::LOCK, &second.to_stored()).unwrap();
    assert_eq!(store.seal_unsaved(&changes), None);
}

#[test]
fn a_failed_save_stays_queued_is_read_back_and_comes_back_after_a_reload() {
    let memory = Rc::new(MemoryStore::new());
    let mut vault = Vault::new(memory.clone(), Box::new(|| "2026-12-06T10:00:00Z".into()));
    memory.fail_writes(Some(StoreError::QuotaExceeded));
    let draft = ThoughtRecord { id: "r1".into(), situation: "typed while full".into(), ..Default::default() };
    assert!(vault.save_record(&draft).is_err());
    // This tab still reads what it typed (a reload of the list must not drop it).
    assert_eq!(vault.load_records::<ThoughtRecord>().0, vec![draft.clone()]);
    let queue = vault.unsaved();
    assert_eq!(queue.len(), 1);
    // The page reloads (a lock): a new vault, the queue put back, storage has room again.
    let mut again = Vault::new(memory.clone(), Box::new(|| "2026-12-06T10:01:00Z".into()));
    let newer = ThoughtRecord { situation: "typed after the unlock".into(), ..draft.clone() };
    memory.fail_writes(Some(StoreError::QuotaExceeded));
    let _ = again.save_record(&newer);
    again.requeue(queue);
    assert_eq!(again.load_records::<ThoughtRecord>().0, vec![newer.clone()], "a change queued since wins");
    memory.fail_writes(None);
    again.flush().unwrap();
    assert!(!again.has_unsaved());
    assert_eq!(again.load_records::<ThoughtRecord>().0, vec![newer]);
}

// --- the lock's typed errors (issue 21): the messages the user has always seen ---------------------------------

#[test]
fn lock_errors_say_what_they_always_said() {
    use trust_steps::storage::locked::LockError;
    let full = || StoreError::QuotaExceeded;
    let said = |e: LockError| e.to_string();
    assert_eq!(said(LockError::NotOn), "The lock is not on.");
    assert_eq!(said(LockError::WrongPassphrase), "That passphrase is not right. Nothing was changed; try again.");
    assert_eq!(said(LockError::Damaged), "The lock settings are damaged.");
    assert_eq!(said(LockError::KeyDerivation("no window".into())), "no window");
    assert_eq!(said(LockError::Store(full())), "the browser's storage for Trust Steps is full");
    assert_eq!(said(full().into()), "the browser's storage for Trust Steps is full");
    assert_eq!(
        said(LockError::NotTurnedOn(full())),
        "The lock was not turned on: the browser's storage for Trust Steps is full. Nothing was changed."
    );
    assert_eq!(
        said(LockError::StillOn(TurnOffError { error: full(), plain: 0 })),
        "The lock is still on: the browser's storage for Trust Steps is full. Nothing was changed."
    );
    assert_eq!(
        said(LockError::StillOn(TurnOffError { error: full(), plain: 1 })),
        "The lock is still on: the browser's storage for Trust Steps is full. 1 entry could not be put back as it was \
         and is now in plain text on this device; it will be encrypted again the next time you unlock."
    );
    assert_eq!(
        said(LockError::StillOn(TurnOffError { error: full(), plain: 3 })),
        "The lock is still on: the browser's storage for Trust Steps is full. 3 entries could not be put back as they \
         were and are now in plain text on this device; they will be encrypted again the next time you unlock."
    );
}

#[test]
fn turning_the_lock_on_says_how_many_entries_wait_to_be_encrypted() {
    use trust_steps::storage::locked::turned_on_message;
    assert_eq!(turned_on_message(0), "The lock is on. Your entries are now encrypted on this device.");
    assert_eq!(
        turned_on_message(1),
        "The lock is on, but 1 entry could not be encrypted yet (the browser refused to save) and is still in plain \
         text on this device. It will be encrypted the next time you unlock."
    );
    assert_eq!(
        turned_on_message(2),
        "The lock is on, but 2 entries could not be encrypted yet (the browser refused to save) and are still in \
         plain text on this device. They will be encrypted the next time you unlock."
    );
}

#[test]
fn a_lock_record_with_a_damaged_salt_or_unusable_key_settings_says_which() {
    use trust_steps::storage::locked::LockError;
    let good = record([7; 32], "k1");
    assert!(good.salt_bytes().is_ok());
    let damaged = LockRecord { salt: "not base64 !!".into(), ..good.clone() };
    assert_eq!(damaged.salt_bytes(), Err(LockError::Damaged));
    let weak = LockRecord { iterations: 1_000, ..good };
    let Err(LockError::Unusable(problem)) = weak.salt_bytes() else { panic!("weak key settings must be refused") };
    assert_eq!(
        LockError::Unusable(problem).to_string(),
        "The lock settings cannot be used: its key settings (1000 rounds) are weaker than Trust Steps ever writes, \
         so it was altered."
    );
}
