//! The one save path: loads collections (migrating or quarantining), saves them, and retries failed saves.

use super::batch::{apply_all_or_nothing, BatchError};
use super::envelope::{decode, encode, DecodeError, Record, Stored, Versioned};
use super::keys::{is_app_key, QUARANTINE_PREFIX};
use super::kv::{KvStore, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// A collection as loaded, with what went wrong while loading it, if anything.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    /// The stored value, or the default when nothing usable was stored.
    pub value: T,
    /// Set when the stored data could not be used; the user must be told.
    pub problem: Option<LoadProblem>,
}

/// Why a collection came back empty although something was stored.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadProblem {
    /// Unreadable data was moved aside to `quarantine_key`; nothing was lost.
    Quarantined {
        /// Where the data was.
        key: String,
        /// Where it is now.
        quarantine_key: String,
        /// Why it could not be read.
        reason: String,
    },
    /// Unreadable data could not even be moved aside, so the key is left untouched and saving to it is refused.
    Blocked {
        /// The key left alone.
        key: String,
        /// Why it could not be read.
        reason: String,
    },
    /// Storage refused the read itself.
    ReadFailed(StoreError),
}

/// Why a save did not reach storage. The value is still held and is retried on the next save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Storage refused the write.
    Store(StoreError),
    /// The key holds unreadable data that could not be set aside; writing would destroy it.
    Blocked(String),
    /// The value could not be turned into JSON (a bug, reported rather than hidden).
    Encode(String),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Store(e) => {
                write!(f, "Not saved: {e}. What you entered is kept on screen and will be saved on the next try.")
            }
            SaveError::Blocked(key) => write!(
                f,
                "Not saved: {key} holds data that could not be read or moved aside, and saving would overwrite it."
            ),
            SaveError::Encode(e) => write!(f, "Not saved: the entry could not be prepared for saving ({e})."),
        }
    }
}

/// Unreadable data set aside under the quarantine prefix, as stored there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuarantineItem {
    /// The key the data was found under.
    pub original_key: String,
    /// Why it could not be read.
    pub reason: String,
    /// When it was set aside (UTC, ISO 8601).
    pub quarantined_at: String,
    /// The stored text exactly as it was.
    pub raw: String,
}

/// Every app key as stored, split by whether its value could be opened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredEntries {
    /// Keys and their text (opened, when sealed).
    pub readable: BTreeMap<String, String>,
    /// Sealed values the data key does not open, as stored (for download, never for display).
    pub unopened: BTreeMap<String, String>,
}

/// The storage facade: every load and save in the app goes through one `Vault`.
pub struct Vault<S: KvStore> {
    store: S,
    /// Writes (`Some`) and removals (`None`) not yet accepted by storage, retried on every save.
    pending: BTreeMap<String, Option<String>>,
    /// Keys whose stored schema is newer than this build's, with that schema and its extra envelope fields.
    newer: BTreeMap<String, (u32, Map<String, Value>)>,
    /// Keys with unreadable data that could not be moved aside, and that data.
    blocked: BTreeMap<String, String>,
    clock: Box<dyn Fn() -> String>,
}

impl<S: KvStore> Vault<S> {
    /// Wraps a store; `clock` gives the current UTC time as ISO 8601.
    pub fn new(store: S, clock: Box<dyn Fn() -> String>) -> Self {
        Self { store, pending: BTreeMap::new(), newer: BTreeMap::new(), blocked: BTreeMap::new(), clock }
    }

    /// The underlying store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Loads a collection. Unreadable data is moved to quarantine (never overwritten) and reported.
    pub fn load<T: Stored>(&mut self) -> Loaded<T> {
        match self.load_key::<T>(T::KEY) {
            Ok(value) => Loaded { value: value.unwrap_or_default(), problem: None },
            Err(problem) => Loaded { value: T::default(), problem: Some(problem) },
        }
    }

    /// The value of a change still waiting to be saved under `key`: `Some(None)` for a removal, `None` when
    /// nothing is waiting there.
    pub fn unsaved_value<T: Versioned>(&self, key: &str) -> Option<Option<T>> {
        let change = self.pending.get(key)?;
        Some(change.as_deref().and_then(|text| decode::<T>(text).ok()).map(|decoded| decoded.value))
    }

    /// Drops the change waiting under `key` (to save it again through a merge); true if there was one.
    pub fn forget_unsaved(&mut self, key: &str) -> bool {
        self.pending.remove(key).is_some()
    }

    /// A record as this tab last wrote it while storage has not taken it yet, else as stored.
    fn load_record_key<R: Record>(&mut self, key: &str) -> Result<Option<R>, LoadProblem> {
        match self.unsaved_value::<R>(key) {
            Some(unsaved) => Ok(unsaved),
            None => self.load_key(key),
        }
    }

    /// Reads and decodes one key; `Ok(None)` when absent. Unreadable data is quarantined.
    fn load_key<T: Versioned>(&mut self, key: &str) -> Result<Option<T>, LoadProblem> {
        let raw = match self.store.get(key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Ok(None),
            Err(StoreError::NotOpened(_)) => {
                // Sealed under the current lock's key and still not opening: altered, or stray. Set it aside
                // like unreadable JSON, so no save overwrites it and its text can be downloaded.
                let Ok(Some(raw)) = self.store.raw(key) else { return Ok(None) };
                return Err(self.quarantine_text(key, &raw, StoreError::NotOpened(key.to_owned()).to_string()));
            }
            Err(e) => return Err(LoadProblem::ReadFailed(e)),
        };
        match decode::<T>(&raw) {
            Ok(decoded) => {
                if decoded.schema > T::SCHEMA || !decoded.extra.is_empty() {
                    self.newer.insert(key.to_owned(), (decoded.schema, decoded.extra));
                }
                Ok(Some(decoded.value))
            }
            Err(error) => Err(self.quarantine(key, &raw, &error)),
        }
    }

    /// Loads every record of a collection; unreadable ones are quarantined and reported, the rest load. Records
    /// this tab wrote that storage has not taken yet are read as written.
    pub fn load_records<R: Record>(&mut self) -> (Vec<R>, Vec<LoadProblem>) {
        let mut keys = match self.store.keys() {
            Ok(keys) => keys,
            Err(e) => return (Vec::new(), vec![LoadProblem::ReadFailed(e)]),
        };
        // Records written here that storage has not taken yet.
        let unsaved: Vec<String> = self.pending.keys().filter(|k| !keys.contains(k)).cloned().collect();
        keys.extend(unsaved);
        let mut records = Vec::new();
        let mut problems = Vec::new();
        for key in keys.into_iter().filter(|k| k.starts_with(R::PREFIX)) {
            match self.load_record_key::<R>(&key) {
                Ok(Some(record)) => records.push(record),
                Ok(None) => {}
                Err(problem) => problems.push(problem),
            }
        }
        (records, problems)
    }

    /// Loads one record by id (after another tab changed it); `Ok(None)` when it was deleted.
    pub fn load_record<R: Record>(&mut self, id: &str) -> Result<Option<R>, LoadProblem> {
        self.load_record_key::<R>(&format!("{}{id}", R::PREFIX))
    }

    /// Moves unreadable text aside. The original is removed only after its copy is safely written.
    fn quarantine(&mut self, key: &str, raw: &str, error: &DecodeError) -> LoadProblem {
        self.quarantine_text(key, raw, error.to_string())
    }

    /// Moves `raw` from `key` to a new quarantine key with `reason`; see [`Vault::quarantine`].
    fn quarantine_text(&mut self, key: &str, raw: &str, reason: String) -> LoadProblem {
        let at = (self.clock)();
        let name = key.strip_prefix(super::keys::PREFIX).unwrap_or(key);
        let existing = self.store.keys().unwrap_or_default();
        let mut quarantine_key = format!("{QUARANTINE_PREFIX}{name}/{at}");
        let mut n = 1;
        while existing.contains(&quarantine_key) {
            n += 1;
            quarantine_key = format!("{QUARANTINE_PREFIX}{name}/{at}-{n}");
        }
        let item = QuarantineItem {
            original_key: key.to_owned(),
            reason: reason.clone(),
            quarantined_at: at,
            raw: raw.to_owned(),
        };
        let written = serde_json::to_string(&item)
            .map_err(|e| StoreError::Other(e.to_string()))
            .and_then(|text| self.store.set(&quarantine_key, &text));
        if written.is_ok() && self.store.remove(key).is_ok() {
            LoadProblem::Quarantined { key: key.to_owned(), quarantine_key, reason }
        } else {
            self.blocked.insert(key.to_owned(), raw.to_owned());
            LoadProblem::Blocked { key: key.to_owned(), reason }
        }
    }

    /// Saves a collection, then retries every earlier write that failed. On failure the value stays queued.
    pub fn save<T: Stored>(&mut self, value: &T) -> Result<(), SaveError> {
        self.save_key(T::KEY, value)
    }

    /// Saves one record under its own key; the rest of its collection is not rewritten.
    pub fn save_record<R: Record>(&mut self, record: &R) -> Result<(), SaveError> {
        self.save_key(&record.key(), record)
    }

    /// Deletes one record. A refused removal is queued and retried like a failed save.
    pub fn delete_record<R: Record>(&mut self, id: &str) -> Result<(), SaveError> {
        let key = format!("{}{id}", R::PREFIX);
        if self.blocked.contains_key(&key) {
            return Err(SaveError::Blocked(key));
        }
        self.newer.remove(&key);
        self.pending.insert(key, None);
        self.flush().map_err(SaveError::Store)
    }

    fn save_key<T: Versioned>(&mut self, key: &str, value: &T) -> Result<(), SaveError> {
        if self.blocked.contains_key(key) {
            return Err(SaveError::Blocked(key.to_owned()));
        }
        let (schema, extra) = self.newer.get(key).cloned().unwrap_or_else(|| (T::SCHEMA, Map::new()));
        let text = encode(value, schema, &extra).map_err(SaveError::Encode)?;
        self.pending.insert(key.to_owned(), Some(text));
        self.flush().map_err(SaveError::Store)
    }

    /// Writes every queued change; stops at the first refusal and keeps the rest queued.
    pub fn flush(&mut self) -> Result<(), StoreError> {
        while let Some((key, change)) = self.pending.first_key_value() {
            match change {
                Some(text) => self.store.set(key, text)?,
                None => self.store.remove(key)?,
            }
            self.pending.pop_first();
        }
        Ok(())
    }

    /// The changes not yet accepted by storage (`Some` to write, `None` to remove), in key order.
    pub fn unsaved(&self) -> Vec<(String, Option<String>)> {
        self.pending.iter().map(|(key, change)| (key.clone(), change.clone())).collect()
    }

    /// Queues `changes` kept from before a reload (see [`Vault::unsaved`]); a change queued since wins. Call
    /// [`Vault::flush`] to write them.
    pub fn requeue(&mut self, changes: Vec<(String, Option<String>)>) {
        for (key, change) in changes {
            self.pending.entry(key).or_insert(change);
        }
    }

    /// True while some change has not reached storage yet.
    pub fn has_unsaved(&self) -> bool {
        !self.pending.is_empty()
    }

    /// True when `key` has a change that has not reached storage yet.
    pub fn is_unsaved(&self, key: &str) -> bool {
        self.pending.contains_key(key)
    }

    /// Everything set aside as unreadable, oldest first, with its storage key.
    pub fn quarantined(&self) -> Vec<(String, QuarantineItem)> {
        let mut keys: Vec<String> =
            self.store.keys().unwrap_or_default().into_iter().filter(|k| k.starts_with(QUARANTINE_PREFIX)).collect();
        keys.sort();
        keys.into_iter()
            .filter_map(|key| {
                let raw = self.store.get(&key).ok()??;
                let item = serde_json::from_str(&raw).unwrap_or_else(|_| QuarantineItem {
                    original_key: key.clone(),
                    reason: "unknown".into(),
                    quarantined_at: String::new(),
                    raw,
                });
                Some((key, item))
            })
            .collect()
    }

    /// Unreadable data that could not be moved aside, by key (offered for download like quarantine).
    pub fn blocked(&self) -> &BTreeMap<String, String> {
        &self.blocked
    }

    /// Deletes one quarantined item, after the user chose to discard it.
    pub fn discard_quarantined(&mut self, key: &str) -> Result<(), StoreError> {
        if key.starts_with(QUARANTINE_PREFIX) {
            self.store.remove(key)
        } else {
            Ok(())
        }
    }

    /// Space used by the app's keys, in UTF-16 code units (what the browser's ~5 MiB quota counts): the text as
    /// stored, so a sealed value counts its sealed size.
    pub fn used_units(&self) -> Result<usize, StoreError> {
        Ok(self.units_by_key()?.values().sum())
    }

    /// Each app key's size as stored (key and value, UTF-16 code units).
    pub fn units_by_key(&self) -> Result<BTreeMap<String, usize>, StoreError> {
        let mut sizes = BTreeMap::new();
        for key in self.store.keys()?.into_iter().filter(|k| is_app_key(k)) {
            let value = self.store.raw(&key)?.unwrap_or_default();
            sizes.insert(key.clone(), key.encode_utf16().count() + value.encode_utf16().count());
        }
        Ok(sizes)
    }

    /// Every app key and its stored text (set-aside data included; backups filter it out), with values that do
    /// not open listed apart so one of them never stops a backup. Fails while locked (nothing opens then).
    pub fn entries(&self) -> Result<StoredEntries, StoreError> {
        let mut entries = StoredEntries::default();
        for key in self.store.keys()?.into_iter().filter(|k| is_app_key(k)) {
            match self.store.get(&key) {
                Ok(Some(text)) => {
                    entries.readable.insert(key, text);
                }
                Ok(None) => {}
                Err(StoreError::NotOpened(_)) => {
                    if let Some(raw) = self.store.raw(&key)? {
                        entries.unopened.insert(key, raw);
                    }
                }
                Err(e) => return Err(e),
            }
        }
        Ok(entries)
    }

    /// Writes many keys all-or-nothing (an import). Earlier unsaved changes are written first; if they still
    /// cannot be, nothing is imported.
    pub fn apply_all_or_nothing(&mut self, changes: &[(String, Option<String>)]) -> Result<(), BatchError> {
        self.flush().map_err(BatchError::RolledBack)?;
        if let Some((key, _)) = changes.iter().find(|(key, _)| self.blocked.contains_key(key)) {
            return Err(BatchError::RolledBack(StoreError::Other(format!(
                "{key} holds data that could not be read or moved aside"
            ))));
        }
        apply_all_or_nothing(&self.store, changes)?;
        for (key, _) in changes {
            // The next load reads the schema and unknown fields afresh from what was imported.
            self.newer.remove(key);
        }
        Ok(())
    }

    /// Removes every app key (set-aside data too) and forgets unsaved changes. Returns the app keys still
    /// there afterwards (none, unless the browser refused).
    pub fn erase_everything(&mut self) -> Result<Vec<String>, StoreError> {
        self.pending.clear();
        self.newer.clear();
        self.blocked.clear();
        let mut first_error = None;
        for key in self.store.keys()?.into_iter().filter(|k| is_app_key(k)) {
            if let Err(e) = self.store.remove(&key) {
                first_error.get_or_insert(e);
            }
        }
        let left: Vec<String> = self.store.keys()?.into_iter().filter(|k| is_app_key(k)).collect();
        match first_error {
            Some(e) if !left.is_empty() => Err(e),
            _ => Ok(left),
        }
    }
}
