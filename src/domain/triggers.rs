//! The self-sabotage trigger log: what set it off, what I felt, what I did, what I'd like to do next time.

use crate::storage::keys;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One trigger log entry.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TriggerEntry {
    /// Stable random id.
    pub id: String,
    /// When it was written.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
    /// The day it happened (YYYY-MM-DD).
    pub happened_on: String,
    /// What set it off.
    pub trigger: String,
    /// What I felt.
    pub felt: String,
    /// What I did.
    pub did: String,
    /// What I would like to do next time.
    pub next_time: String,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::stored_record!(TriggerEntry, keys::TRIGGERS_PREFIX);

impl TriggerEntry {
    /// True when the entry has something in it worth saving.
    pub fn has_content(&self) -> bool {
        [&self.trigger, &self.felt, &self.did, &self.next_time].iter().any(|t| !t.trim().is_empty())
    }
}
