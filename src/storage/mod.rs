//! Storage: a key–value trait with browser and in-memory implementations, versioned envelopes,
//! migrations, quarantine of unreadable data and the single save path ([`Vault`]).

pub mod batch;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod crypto;
pub mod envelope;
pub mod keys;
pub mod kv;
pub mod locked;
pub mod memory;
pub mod vault;

pub use batch::{apply_all_or_nothing, BatchError};
pub use envelope::{decode, encode, DecodeError, Decoded, Envelope, Record, Stored, Versioned};
pub use kv::{KvStore, StoreError};
pub use memory::MemoryStore;
pub use vault::{LoadProblem, Loaded, QuarantineItem, SaveError, StoredEntries, Vault};
