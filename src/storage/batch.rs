//! All-or-nothing writes of many keys (an import): either every change lands, or storage is put back as it was.

use super::kv::{KvStore, StoreError};
use std::fmt;

/// Why a batch did not land.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchError {
    /// A write failed; everything written before it was put back, so storage is as it was.
    RolledBack(StoreError),
    /// A write failed and putting some keys back failed too (storage stopped accepting writes): those keys.
    Partial {
        /// The first failure.
        error: StoreError,
        /// Keys that could not be restored.
        keys: Vec<String>,
    },
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchError::RolledBack(e) => write!(f, "Nothing was changed: {e}."),
            BatchError::Partial { error, keys } => write!(
                f,
                "The import stopped ({error}) and {} entries could not be put back as they were. Keep your backup file and import it again once there is space.",
                keys.len()
            ),
        }
    }
}

/// Applies `changes` (write with `Some`, remove with `None`) in order. If one fails, every earlier change is
/// undone in reverse order from the values read before the first write.
pub fn apply_all_or_nothing<S: KvStore + ?Sized>(
    store: &S,
    changes: &[(String, Option<String>)],
) -> Result<(), BatchError> {
    let mut before = Vec::with_capacity(changes.len());
    for (key, _) in changes {
        before.push(store.get(key).map_err(BatchError::RolledBack)?);
    }
    for (done, (key, change)) in changes.iter().enumerate() {
        let result = match change {
            Some(text) => store.set(key, text),
            None => store.remove(key),
        };
        if let Err(error) = result {
            let mut lost = Vec::new();
            for ((key, _), old) in changes[..done].iter().zip(&before).rev() {
                let restored = match old {
                    Some(text) => store.set(key, text),
                    None => store.remove(key),
                };
                if restored.is_err() {
                    lost.push(key.clone());
                }
            }
            // The failed key itself: a failed set/remove leaves it unchanged in localStorage.
            return Err(if lost.is_empty() {
                BatchError::RolledBack(error)
            } else {
                BatchError::Partial { error, keys: lost }
            });
        }
    }
    Ok(())
}
