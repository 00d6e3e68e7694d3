//! [`LockedStore`]: a [`KvStore`] wrapper that seals every app value (except settings and the lock itself) with
//! the data key while the passphrase lock is on, and opens sealed values on read. The lock's own record
//! ([`LockRecord`]) is plaintext, like settings.

use super::crypto::{is_sealed, unwrap_key, wrap_key, CryptoError, Sealer, MIN_ITERATIONS};
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
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl LockRecord {
    /// A new lock: `salt`, the data key wrapped under `passphrase_key` with `iv`.
    pub fn new(salt: &[u8], passphrase_key: &Sealer, data_key: &[u8; 32], iv: [u8; 12], idle_minutes: u32) -> Self {
        Self {
            salt: super::crypto::to_base64(salt),
            iterations: super::crypto::PBKDF2_ITERATIONS,
            wrapped_key: wrap_key(passphrase_key, data_key, iv),
            idle_minutes,
            extra: Map::new(),
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

    /// The salt bytes, or `None` if the record is damaged (or claims too few iterations).
    pub fn salt_bytes(&self) -> Option<Vec<u8>> {
        (self.iterations >= MIN_ITERATIONS).then(|| super::crypto::from_base64(&self.salt)).flatten()
    }

    /// The data key, given the key derived from the passphrase.
    pub fn open(&self, passphrase_key: &Sealer) -> Result<[u8; 32], CryptoError> {
        unwrap_key(passphrase_key, &self.wrapped_key)
    }
}

/// True for keys sealed while the lock is on: every app key except settings, the lock and the lock signal.
pub fn is_sealed_key(key: &str) -> bool {
    is_app_key(key) && !matches!(key, keys::SETTINGS | keys::LOCK | keys::LOCK_SIGNAL) && !key.ends_with("/.probe")
}

/// A store that seals and opens values with the data key while it holds one.
pub struct LockedStore<S: KvStore> {
    inner: S,
    sealer: RefCell<Option<Sealer>>,
    random_iv: Box<dyn Fn() -> [u8; 12]>,
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

    /// Starts sealing with `data_key` (after unlocking or turning the lock on); `None` stops (lock off).
    pub fn set_key(&self, data_key: Option<&[u8; 32]>) {
        *self.sealer.borrow_mut() = data_key.map(Sealer::new);
    }

    /// True while it holds the data key.
    pub fn has_key(&self) -> bool {
        self.sealer.borrow().is_some()
    }

    /// The changes that bring storage in line with the key: with a key, every plain value of a sealed key is
    /// sealed (turning the lock on, or finishing a turn-on a crash interrupted); without one, every sealed value
    /// is opened with `opener` (turning the lock off). Fails, writing nothing, if a value does not open.
    pub fn conversion(&self, opener: Option<&Sealer>) -> Result<Vec<(String, Option<String>)>, StoreError> {
        let mut changes = Vec::new();
        for key in self.inner.keys()?.into_iter().filter(|k| is_sealed_key(k)) {
            let Some(text) = self.inner.get(&key)? else { continue };
            match (self.sealer.borrow().as_ref(), is_sealed(&text)) {
                (Some(sealer), false) => {
                    changes.push((key.clone(), Some(sealer.seal(&key, &text, (self.random_iv)()))))
                }
                (None, true) => {
                    let opener = opener.ok_or(StoreError::Other("locked".into()))?;
                    let plain = opener.open(&key, &text).map_err(|e| StoreError::Other(format!("{key}: {e}")))?;
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
        match self.sealer.borrow().as_ref() {
            Some(sealer) => sealer
                .open(key, &text)
                .map(Some)
                .map_err(|e| StoreError::Other(format!("{key} could not be decrypted: {e}"))),
            None => Err(StoreError::Other("Trust Steps is locked".into())),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        match self.sealer.borrow().as_ref() {
            Some(sealer) if is_sealed_key(key) => self.inner.set(key, &sealer.seal(key, value, (self.random_iv)())),
            _ => self.inner.set(key, value),
        }
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
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
