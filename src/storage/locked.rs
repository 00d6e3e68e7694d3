//! [`LockedStore`]: a [`KvStore`] wrapper that seals every app value (except settings and the lock itself) with
//! the data key while the passphrase lock is on, and opens sealed values on read. The lock's own record
//! ([`LockRecord`]) is plaintext, like settings.

use super::batch::{apply_all_or_nothing, BatchError};
use super::crypto::{from_base64, is_sealed, iterations_problem, to_base64, unwrap_key, wrap_key, CryptoError, Sealer};
use super::keys::{self, is_app_key};
use super::kv::{KvStore, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;

/// The passphrase lock as stored (plaintext) under [`keys::LOCK`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LockRecord {
    /// PBKDF2 salt (16 random bytes), base64.
    pub salt: String,
    /// PBKDF2-SHA256 iterations.
    pub iterations: u32,
    /// The data key, wrapped (AES-256-GCM) under the passphrase's key, base64.
    pub wrapped_key: String,
    /// Lock again after this many minutes without a key press, click or touch (0: only on start and Hide).
    pub idle_minutes: u32,
    /// Names the data key (random, base64; kept when the passphrase changes, new when the lock is turned on
    /// again), so a tab can tell that the key it holds is no longer the one in use. Empty in older records.
    pub key_id: String,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl LockRecord {
    /// A new lock: `salt`, the data key wrapped under `passphrase_key` with `iv`, named `key_id`.
    pub fn new(
        salt: &[u8],
        passphrase_key: &Sealer,
        data_key: &[u8; 32],
        iv: [u8; 12],
        idle_minutes: u32,
        key_id: &str,
    ) -> Self {
        Self {
            salt: super::crypto::to_base64(salt),
            iterations: super::crypto::PBKDF2_ITERATIONS,
            wrapped_key: wrap_key(passphrase_key, data_key, iv),
            idle_minutes,
            key_id: key_id.to_owned(),
            extra: Map::new(),
        }
    }

    /// What names the data key of this lock: its `key_id`, or for records written before there was one, the
    /// wrapped key itself (which changes with the passphrase, so such a tab asks to unlock once more).
    pub fn key_name(&self) -> &str {
        if self.key_id.is_empty() {
            &self.wrapped_key
        } else {
            &self.key_id
        }
    }

    /// Reads the stored lock; `Ok(None)` when the lock is off.
    pub fn read(store: &dyn KvStore) -> Result<Option<LockRecord>, StoreError> {
        let Some(text) = store.get(keys::LOCK)? else { return Ok(None) };
        Self::parse(&text).map(Some).ok_or_else(|| StoreError::Other("the lock settings are unreadable".into()))
    }

    /// The lock in its stored text; `None` when it is unreadable.
    pub fn parse(text: &str) -> Option<LockRecord> {
        let envelope: super::Envelope = serde_json::from_str(text).ok()?;
        serde_json::from_value(envelope.data).ok()
    }

    /// The stored text.
    pub fn to_stored(&self) -> String {
        let data = serde_json::to_value(self).unwrap_or_default();
        serde_json::to_string(&super::Envelope { schema: 1, data, extra: Map::new() }).unwrap_or_default()
    }

    /// The salt bytes, or what is wrong with the record (damaged, or key settings out of range).
    pub fn salt_bytes(&self) -> Result<Vec<u8>, LockError> {
        if let Some(problem) = iterations_problem(self.iterations) {
            return Err(LockError::Unusable(problem));
        }
        super::crypto::from_base64(&self.salt).ok_or(LockError::Damaged)
    }

    /// The data key, given the key derived from the passphrase.
    pub fn open(&self, passphrase_key: &Sealer) -> Result<[u8; 32], CryptoError> {
        unwrap_key(passphrase_key, &self.wrapped_key)
    }
}

/// True for keys sealed while the lock is on: every app key except settings and the device-only markers (the
/// lock, its signal, the replace marker and the backup dates), which other tabs and the start-up must read.
pub fn is_sealed_key(key: &str) -> bool {
    is_app_key(key) && key != keys::SETTINGS && !keys::DEVICE_ONLY.contains(&key) && !key.ends_with("/.probe")
}

/// A store that seals and opens values with the data key while it holds one, and fails closed: while a lock
/// record is stored, a sealed key is neither written nor read unless this store holds that lock's data key.
pub struct LockedStore<S: KvStore> {
    inner: S,
    /// The data key and the [`LockRecord::key_name`] of the lock it was opened from.
    sealer: RefCell<Option<(Sealer, String)>>,
    random_iv: Box<dyn Fn() -> [u8; 12]>,
    /// The lock record's text as last read and the key name parsed from it (`None`: unreadable), so the check
    /// before each sealed read and write compares text instead of parsing JSON on every keystroke.
    lock_seen: RefCell<Option<(String, Option<String>)>>,
}

/// How turning the lock off ended when it did not: the lock stays on (record and key kept), and `plain`
/// values were left in plain text by a write that could not be undone (they are sealed at the next unlock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnOffError {
    /// Why it stopped.
    pub error: StoreError,
    /// Values of sealed keys now stored plain (0 when storage is exactly as it was).
    pub plain: usize,
}

/// Why turning the lock on or off, unlocking, changing the passphrase or the idle time did not happen. Its
/// `Display` is the message the user sees (Settings, the lock screen, the "Not saved yet" banner).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// Storage refused to read or write the lock record (or to finish sealing at an unlock).
    Store(StoreError),
    /// The operation needs the lock on, and it is off.
    NotOn,
    /// The passphrase does not open the lock.
    WrongPassphrase,
    /// The lock record's salt or wrapped key is damaged.
    Damaged,
    /// The lock record's key settings are out of range: what is wrong with them.
    Unusable(String),
    /// The browser could not derive the key from the passphrase (Web Crypto's message).
    KeyDerivation(String),
    /// Turning the lock on failed and was undone.
    NotTurnedOn(StoreError),
    /// Turning the lock off failed: the lock stays on (see [`TurnOffError`]).
    StillOn(TurnOffError),
}

/// "1 entry" / "3 entries" (as `domain::words::count_of` says it; storage does not depend on the domain).
fn entries(n: usize) -> String {
    if n == 1 {
        "1 entry".to_owned()
    } else {
        format!("{n} entries")
    }
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::Store(e) => write!(f, "{e}"),
            LockError::NotOn => write!(f, "The lock is not on."),
            LockError::WrongPassphrase => write!(f, "That passphrase is not right. Nothing was changed; try again."),
            LockError::Damaged => write!(f, "The lock settings are damaged."),
            LockError::Unusable(problem) => write!(f, "The lock settings cannot be used: {problem}."),
            LockError::KeyDerivation(message) => write!(f, "{message}"),
            LockError::NotTurnedOn(e) => write!(f, "The lock was not turned on: {e}. Nothing was changed."),
            LockError::StillOn(TurnOffError { error, plain: 0 }) => {
                write!(f, "The lock is still on: {error}. Nothing was changed.")
            }
            LockError::StillOn(TurnOffError { error, plain }) => {
                let one = *plain == 1;
                write!(
                    f,
                    "The lock is still on: {error}. {} could not be put back as {} {} and {} now in plain text on this device; {} encrypted again the next time you unlock.",
                    entries(*plain),
                    if one { "it" } else { "they" },
                    if one { "was" } else { "were" },
                    if one { "is" } else { "are" },
                    if one { "it will be" } else { "they will be" },
                )
            }
        }
    }
}

impl std::error::Error for LockError {}

impl From<StoreError> for LockError {
    fn from(error: StoreError) -> Self {
        LockError::Store(error)
    }
}

/// What to tell the user once the lock is on, given how many values storage refused to seal (left plain until
/// the next unlock).
pub fn turned_on_message(plain: usize) -> String {
    match plain {
        0 => "The lock is on. Your entries are now encrypted on this device.".into(),
        _ => format!(
            "The lock is on, but {} could not be encrypted yet (the browser refused to save) and {} still in plain text on this device. {} encrypted the next time you unlock.",
            entries(plain),
            if plain == 1 { "is" } else { "are" },
            if plain == 1 { "It will be" } else { "They will be" },
        ),
    }
}

/// What the stored lock says about this store's key, checked before every sealed read and write.
enum KeyState {
    /// No lock record: values are written plain.
    Off,
    /// A lock record, and this store holds its data key.
    Current,
    /// A lock record (or an unreadable one) and no key, or a key from another lock: refuse (fail closed).
    Refused,
}

impl<S: KvStore> LockedStore<S> {
    /// Wraps `inner`; `random_iv` gives 12 fresh random bytes per call.
    pub fn new(inner: S, random_iv: Box<dyn Fn() -> [u8; 12]>) -> Self {
        Self { inner, sealer: RefCell::new(None), random_iv, lock_seen: RefCell::new(None) }
    }

    /// The store underneath (sealed values as stored).
    pub fn inner(&self) -> &S {
        &self.inner
    }

    /// Starts sealing with `data_key` opened from `lock` (after unlocking or turning the lock on); `None` stops
    /// (locked, or the lock turned off).
    pub fn set_key(&self, key: Option<(&[u8; 32], &LockRecord)>) {
        *self.sealer.borrow_mut() = key.map(|(data_key, lock)| (Sealer::new(data_key), lock.key_name().to_owned()));
    }

    /// True while it holds a data key (which may be an older lock's: see [`LockedStore::holds_current_key`]).
    pub fn has_key(&self) -> bool {
        self.sealer.borrow().is_some()
    }

    /// True when a lock record is stored and this store holds that lock's data key.
    pub fn holds_current_key(&self) -> bool {
        matches!(self.key_state(), KeyState::Current)
    }

    /// The stored lock and its data key, for a backup file that opens with the lock's passphrase: `Ok(None)`
    /// while the lock is off, [`StoreError::Locked`] while a lock is stored and this store does not hold its key
    /// (so a caller never falls back to plain text).
    pub fn current_lock(&self) -> Result<Option<(LockRecord, Sealer)>, StoreError> {
        let Some(lock) = LockRecord::read(&self.inner)? else { return Ok(None) };
        match self.sealer.borrow().as_ref() {
            Some((sealer, name)) if name == lock.key_name() => Ok(Some((lock, sealer.clone()))),
            _ => Err(StoreError::Locked),
        }
    }

    /// True when a lock record is stored (an unreadable one counts: fail closed).
    pub fn lock_stored(&self) -> bool {
        !matches!(self.key_state(), KeyState::Off)
    }

    /// One read of the lock record's text; it is parsed only when that text changed since the last check.
    fn key_state(&self) -> KeyState {
        let text = match self.inner.get(keys::LOCK) {
            Ok(None) => return KeyState::Off,
            Ok(Some(text)) => text,
            Err(_) => return KeyState::Refused,
        };
        let mut seen = self.lock_seen.borrow_mut();
        let name = match seen.as_ref() {
            Some((known, name)) if *known == text => name.clone(),
            _ => {
                let name = LockRecord::parse(&text).map(|lock| lock.key_name().to_owned());
                *seen = Some((text, name.clone()));
                name
            }
        };
        match (name, self.sealer.borrow().as_ref()) {
            (Some(name), Some((_, held))) if *held == name => KeyState::Current,
            _ => KeyState::Refused,
        }
    }

    /// Values of sealed keys stored in plain text (left by an interrupted turn-on or turn-off).
    pub fn plain_values(&self) -> usize {
        let keys = self.inner.keys().unwrap_or_default();
        keys.iter()
            .filter(|key| is_sealed_key(key))
            .filter(|key| self.inner.get(key).ok().flatten().is_some_and(|text| !is_sealed(&text)))
            .count()
    }

    /// Turns the lock on with `record` and the `data_key` it wraps: the record is written first (so a crash
    /// midway leaves a lock that opens and finishes sealing at the next unlock), then every value is sealed
    /// all-or-nothing. Returns how many values are still plain (0 when all are sealed).
    ///
    /// If sealing fails and everything was put back plain ([`BatchError::RolledBack`]), the record is removed
    /// and the key dropped: the lock is off, as before. If some values could not be put back
    /// ([`BatchError::Partial`]), they are sealed under this key, so the record and the key stay: every value
    /// remains readable, the lock is on, and the rest is sealed at the next unlock.
    pub fn turn_on(&self, record: &LockRecord, data_key: &[u8; 32]) -> Result<usize, StoreError> {
        if self.lock_stored() {
            return Err(StoreError::Other("the lock is already on".into()));
        }
        self.inner.set(keys::LOCK, &record.to_stored())?;
        self.set_key(Some((data_key, record)));
        let changes = match self.conversion(None) {
            Ok(changes) => changes,
            Err(error) => return self.undo_turn_on(error),
        };
        match apply_all_or_nothing(&self.inner, &changes) {
            // Partial: some values are sealed now and could not be put back, so the lock stays on.
            Ok(()) | Err(BatchError::Partial { .. }) => Ok(self.plain_values()),
            Err(BatchError::RolledBack(error)) => self.undo_turn_on(error),
        }
    }

    /// Every value is plain as it was: the lock goes off again. If even the record cannot be removed, the key is
    /// kept so this store goes on reading and writing (the lock is on, its values plain until the next unlock).
    fn undo_turn_on(&self, error: StoreError) -> Result<usize, StoreError> {
        if self.inner.remove(keys::LOCK).is_err() {
            return Ok(self.plain_values());
        }
        self.set_key(None);
        Err(error)
    }

    /// Turns the lock off with its `data_key` (checked by the caller against the passphrase): every sealed value
    /// is opened and written plain, all-or-nothing, and only then the record removed and the key dropped.
    ///
    /// On any failure the lock stays on and this store keeps the key, so every value stays readable; the error
    /// says how many values a write that could not be undone left plain ([`BatchError::Partial`]), to be sealed
    /// again at the next unlock.
    pub fn turn_off(&self, data_key: &[u8; 32]) -> Result<(), TurnOffError> {
        let record = match LockRecord::read(&self.inner) {
            Ok(Some(record)) => record,
            Ok(None) => return Err(TurnOffError { error: StoreError::Other("the lock is not on".into()), plain: 0 }),
            Err(error) => return Err(TurnOffError { error, plain: 0 }),
        };
        let keep = || self.set_key(Some((data_key, &record)));
        let previous = self.sealer.borrow_mut().take();
        let opened = self.conversion(Some(&Sealer::new(data_key)));
        *self.sealer.borrow_mut() = previous;
        let changes = opened.map_err(|error| TurnOffError { error, plain: 0 })?;
        keep();
        match apply_all_or_nothing(&self.inner, &changes) {
            Ok(()) => {}
            Err(BatchError::RolledBack(error)) => return Err(TurnOffError { error, plain: 0 }),
            Err(BatchError::Partial { error, .. }) => return Err(TurnOffError { error, plain: self.plain_values() }),
        }
        match self.inner.remove(keys::LOCK) {
            Ok(()) => {
                self.set_key(None);
                Ok(())
            }
            Err(error) => Err(TurnOffError { error, plain: self.plain_values() }),
        }
    }

    /// Seals changes not yet saved (`key`, `Some(text)` to write or `None` to remove) with the current lock's
    /// data key, to be kept in the tab's session storage across a lock (a reload). `None` unless this store
    /// holds the current lock's key: plain user text never goes there while a lock is stored.
    pub fn seal_unsaved(&self, changes: &[(String, Option<String>)]) -> Option<String> {
        if !self.holds_current_key() {
            return None;
        }
        let sealer = self.sealer.borrow();
        let (sealer, name) = sealer.as_ref()?;
        let json = serde_json::to_string(changes).ok()?;
        let aad = format!("{UNSAVED_AAD}{name}");
        Some(format!(
            "{UNSAVED_PREFIX}{}",
            to_base64(&sealer.seal_bytes(aad.as_bytes(), json.as_bytes(), (self.random_iv)()))
        ))
    }

    /// Opens what [`LockedStore::seal_unsaved`] made, with the current lock's key; `None` if it does not open
    /// (another lock's key, altered, or not such text).
    pub fn open_unsaved(&self, text: &str) -> Option<Vec<(String, Option<String>)>> {
        if !self.holds_current_key() {
            return None;
        }
        let sealer = self.sealer.borrow();
        let (sealer, name) = sealer.as_ref()?;
        let bytes = from_base64(text.strip_prefix(UNSAVED_PREFIX)?)?;
        let aad = format!("{UNSAVED_AAD}{name}");
        let json = sealer.open_bytes(aad.as_bytes(), &bytes).ok()?;
        let changes: Vec<(String, Option<String>)> = serde_json::from_slice(&json).ok()?;
        // Only app data goes back into the queue.
        Some(changes.into_iter().filter(|(key, _)| is_sealed_key(key) || key == keys::SETTINGS).collect())
    }

    /// The changes that bring storage in line with the key: with a key, every plain value of a sealed key is
    /// sealed (turning the lock on, or finishing a turn-on a crash interrupted); without one, every sealed value
    /// is opened with `opener` (turning the lock off). Fails, writing nothing, if a value does not open.
    pub fn conversion(&self, opener: Option<&Sealer>) -> Result<Vec<(String, Option<String>)>, StoreError> {
        let mut changes = Vec::new();
        let sealer = self.sealer.borrow();
        let sealer = sealer.as_ref().map(|(sealer, _)| sealer);
        for key in self.inner.keys()?.into_iter().filter(|k| is_sealed_key(k)) {
            let Some(text) = self.inner.get(&key)? else { continue };
            match (sealer, is_sealed(&text)) {
                (Some(sealer), false) => {
                    changes.push((key.clone(), Some(sealer.seal(&key, &text, (self.random_iv)()))))
                }
                (None, true) => {
                    let opener = opener.ok_or(StoreError::Locked)?;
                    let plain = opener.open(&key, &text).map_err(|_| StoreError::NotOpened(key.clone()))?;
                    changes.push((key, Some(plain)));
                }
                _ => {}
            }
        }
        Ok(changes)
    }
}

impl<S: KvStore> KvStore for LockedStore<S> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let Some(text) = self.inner.get(key)? else { return Ok(None) };
        if !is_sealed(&text) {
            return Ok(Some(text));
        }
        // With the lock off a tab that still holds the key may read what is not opened yet; with it on, only
        // the current lock's key is used, so an older key never takes a value it cannot open for damaged.
        if matches!(self.key_state(), KeyState::Refused) {
            return Err(StoreError::Locked);
        }
        match self.sealer.borrow().as_ref() {
            Some((sealer, _)) => sealer.open(key, &text).map(Some).map_err(|_| StoreError::NotOpened(key.to_owned())),
            None => Err(StoreError::Locked),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if !is_sealed_key(key) {
            return self.inner.set(key, value);
        }
        match self.key_state() {
            KeyState::Off => self.inner.set(key, value),
            KeyState::Refused => Err(StoreError::Locked),
            KeyState::Current => {
                let sealed = match self.sealer.borrow().as_ref() {
                    Some((sealer, _)) => sealer.seal(key, value, (self.random_iv)()),
                    None => return Err(StoreError::Locked),
                };
                self.inner.set(key, &sealed)
            }
        }
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }

    fn raw(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
}

/// The start of the text [`LockedStore::seal_unsaved`] makes.
pub const UNSAVED_PREFIX: &str = "unsaved1:";
/// Associated data of a sealed unsaved queue (followed by the key name), so it never opens as anything else.
const UNSAVED_AAD: &str = "trust-steps/unsaved changes ";

/// Shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Why a new passphrase (typed twice) cannot be used, or `None` when it can.
pub fn passphrase_problem(new: &str, again: &str) -> Option<&'static str> {
    if new.chars().count() < MIN_PASSPHRASE_CHARS {
        Some("Use at least 8 characters; a few ordinary words are easy to remember and hard to guess.")
    } else if new != again {
        Some("The two passphrases are not the same.")
    } else {
        None
    }
}
