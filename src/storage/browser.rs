//! [`KvStore`] over `window.localStorage`. Every call is guarded: failures become [`StoreError`]s, never panics.

use super::kv::{KvStore, StoreError};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

/// The browser's localStorage.
pub struct BrowserStore {
    storage: Storage,
}

impl BrowserStore {
    /// Opens localStorage, or says why it cannot be used (disabled, blocked, or throwing on access).
    pub fn open() -> Result<Self, StoreError> {
        let window = web_sys::window().ok_or(StoreError::Unavailable)?;
        let storage = window.local_storage().map_err(|_| StoreError::Unavailable)?.ok_or(StoreError::Unavailable)?;
        // Some browsers hand out a storage object that throws on first use (Safari private mode of old).
        let probe = "trust-steps/.probe";
        storage.set_item(probe, "1").map_err(to_store_error)?;
        storage.remove_item(probe).map_err(to_store_error)?;
        Ok(Self { storage })
    }
}

/// Maps a thrown JS value to a [`StoreError`], recognising the quota error by its DOMException name.
fn to_store_error(error: JsValue) -> StoreError {
    match error.dyn_ref::<DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StoreError::QuotaExceeded,
        Some(e) if e.name() == "SecurityError" => StoreError::Unavailable,
        Some(e) => StoreError::Other(e.message()),
        None => StoreError::Other(error.as_string().unwrap_or_else(|| "unknown error".into())),
    }
}

impl KvStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(to_store_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(to_store_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(to_store_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let length = self.storage.length().map_err(to_store_error)?;
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            if let Some(key) = self.storage.key(index).map_err(to_store_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
