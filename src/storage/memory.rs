//! An in-memory [`KvStore`]: the test double, and the fallback when the browser gives no storage.

use super::kv::{KvStore, StoreError};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// A [`KvStore`] held in memory, with an optional quota so tests can provoke "storage full".
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    /// Total bytes (keys plus values, UTF-16 units like the browser counts) allowed; `None` is unlimited.
    quota: Cell<Option<usize>>,
    /// When set, every write fails with this error (simulates storage switched off mid-session).
    failing: RefCell<Option<StoreError>>,
}

impl MemoryStore {
    /// An empty store without a quota.
    pub fn new() -> Self {
        Self::default()
    }

    /// Limits the total size, as the browser's quota does.
    pub fn set_quota(&self, units: Option<usize>) {
        self.quota.set(units);
    }

    /// Makes every following write fail with `error` (or succeed again with `None`).
    pub fn fail_writes(&self, error: Option<StoreError>) {
        *self.failing.borrow_mut() = error;
    }

    /// Size in UTF-16 code units of everything stored, the way browsers account for localStorage.
    pub fn used_units(&self) -> usize {
        self.entries.borrow().iter().map(|(k, v)| utf16_len(k) + utf16_len(v)).sum()
    }
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

impl KvStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(error) = self.failing.borrow().clone() {
            return Err(error);
        }
        if let Some(quota) = self.quota.get() {
            let previous = self.entries.borrow().get(key).map_or(0, |old| utf16_len(key) + utf16_len(old));
            let after = self.used_units() - previous + utf16_len(key) + utf16_len(value);
            if after > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.entries.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if let Some(error) = self.failing.borrow().clone() {
            return Err(error);
        }
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}
