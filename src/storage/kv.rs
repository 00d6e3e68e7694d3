//! The key–value store abstraction every saved byte goes through.

use std::fmt;

/// Why a storage operation failed. Never a panic: the caller decides what to tell the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser gives no storage at all (disabled, private mode, blocked by policy).
    Unavailable,
    /// The write did not fit in the browser's quota (about 5 MiB for localStorage).
    QuotaExceeded,
    /// The passphrase lock is on and this tab does not hold its key (or holds an older one): nothing sealed
    /// can be read, and nothing is written in plain text (fail closed). Unlocking lets the save go through.
    Locked,
    /// A sealed value that the data key does not open (altered, or sealed under a key that no longer exists).
    NotOpened(String),
    /// Any other failure, with the browser's message.
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable => {
                write!(f, "this browser is not letting Trust Steps save anything")
            }
            StoreError::QuotaExceeded => write!(f, "the browser's storage for Trust Steps is full"),
            StoreError::Locked => write!(f, "Trust Steps is locked in this tab; unlock it to save"),
            StoreError::NotOpened(key) => {
                write!(f, "{key} could not be decrypted (it was altered, or sealed with a key that no longer exists)")
            }
            StoreError::Other(message) => write!(f, "the browser refused to save ({message})"),
        }
    }
}

impl std::error::Error for StoreError {}

/// A string-to-string store with the semantics of `window.localStorage`.
pub trait KvStore {
    /// Reads a value; `Ok(None)` when the key is absent.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes a value, replacing any previous one.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes a key; removing an absent key is not an error.
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Lists every key currently stored (in no particular order).
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// The text exactly as stored, even where [`KvStore::get`] cannot open it (a sealed value). Used to set
    /// unreadable data aside and to offer it for download; never shown as the user's data.
    fn raw(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.get(key)
    }
}

/// Implements [`KvStore`] for smart pointers by forwarding to the store they point to.
macro_rules! forward_kv_store {
    ($($pointer:ty),*) => {$(
        impl<S: KvStore + ?Sized> KvStore for $pointer {
            fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
                (**self).get(key)
            }
            fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
                (**self).set(key, value)
            }
            fn remove(&self, key: &str) -> Result<(), StoreError> {
                (**self).remove(key)
            }
            fn keys(&self) -> Result<Vec<String>, StoreError> {
                (**self).keys()
            }
            fn raw(&self, key: &str) -> Result<Option<String>, StoreError> {
                (**self).raw(key)
            }
        }
    )*};
}
forward_kv_store!(Box<S>, std::rc::Rc<S>);
