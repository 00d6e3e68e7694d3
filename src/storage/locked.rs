//! [`LockedStore`]: a [`KvStore`] wrapper that seals every app value (except settings and the lock itself) with
//! the data key while the passphrase lock is on, and opens sealed values on read. The lock's own record
//! ([`LockRecord`]) is plaintext, like settings.

use super::crypto::{is_sealed, iterations_problem, unwrap_key, wrap_key, CryptoError, Sealer};
use super::keys::{self, is_app_key};
use super::kv::{KvStore, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::cell::RefCell;

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
        let envelope: super::Envelope =
            serde_json::from_str(&text).map_err(|_| StoreError::Other("the lock settings are unreadable".into()))?;
        let lock: LockRecord = serde_json::from_value(envelope.data)
            .map_err(|_| StoreError::Other("the lock settings are unreadable".into()))?;
        Ok(Some(lock))
    }

    /// The stored text.
    pub fn to_stored(&self) -> String {
        let data = serde_json::to_value(self).unwrap_or_default();
        serde_json::to_string(&super::Envelope { schema: 1, data, extra: Map::new() }).unwrap_or_default()
    }

    /// The salt bytes, or what is wrong with the record (damaged, or key settings out of range).
    pub fn salt_bytes(&self) -> Result<Vec<u8>, String> {
        if let Some(problem) = iterations_problem(self.iterations) {
            return Err(format!("The lock settings cannot be used: {problem}."));
        }
        super::crypto::from_base64(&self.salt).ok_or_else(|| "The lock settings are damaged.".to_owned())
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
        Self { inner, sealer: RefCell::new(None), random_iv }
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

    fn key_state(&self) -> KeyState {
        match LockRecord::read(&self.inner) {
            Ok(None) => KeyState::Off,
            Ok(Some(lock)) => match self.sealer.borrow().as_ref() {
                Some((_, name)) if name == lock.key_name() => KeyState::Current,
                _ => KeyState::Refused,
            },
            Err(_) => KeyState::Refused,
        }
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
