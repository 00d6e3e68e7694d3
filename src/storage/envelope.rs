//! The versioned envelope `{ "schema": N, "data": … }` around every stored collection, and its migrations.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// Data with a schema version and a migration path from every older version.
pub trait Versioned: Serialize + DeserializeOwned + Clone {
    /// The schema version this build writes.
    const SCHEMA: u32;
    /// Upgrades `data` from schema `from` to `from + 1`. The default accepts data unchanged.
    fn upgrade(from: u32, data: Value) -> Result<Value, String> {
        let _ = from;
        Ok(data)
    }
}

/// A collection stored whole under one key (settings, course progress).
pub trait Stored: Versioned + Default {
    /// Its storage key (from [`super::keys`]).
    const KEY: &'static str;
    /// Marks it changed at `now` (UTC, ISO 8601), for collections merged by their last change. The app's one
    /// update path calls it on every change, so no caller stamps the time by hand.
    fn touch(&mut self, now: &str);
}

/// A record stored under its own key (`PREFIX` + id), so saving one never rewrites the others.
pub trait Record: Versioned {
    /// Key prefix of the collection, ending in `/` (from [`super::keys`]).
    const PREFIX: &'static str;
    /// The record's stable random id.
    fn id(&self) -> &str;
    /// Last change (UTC, ISO 8601); the newer edit wins when merging.
    fn updated_at(&self) -> &str;
    /// Marks the record changed at `now` (UTC, ISO 8601). The app's one save path calls it on every change, so
    /// no caller stamps the time by hand (and none can forget, losing the change in a merge).
    fn touch(&mut self, now: &str);
    /// The record's storage key.
    fn key(&self) -> String {
        format!("{}{}", Self::PREFIX, self.id())
    }
}

/// What is written to storage: a schema number and the data, plus any envelope fields a newer build added.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Envelope {
    /// Schema version of `data`.
    pub schema: u32,
    /// The collection itself.
    pub data: Value,
    /// Fields a newer version put in the envelope; kept so saving back does not drop them.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A collection read back from storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<T> {
    /// The value, migrated to this build's schema.
    pub value: T,
    /// The schema to write it back with: the stored one when it is newer than ours, so we never downgrade it.
    pub schema: u32,
    /// Envelope fields from a newer version.
    pub extra: Map<String, Value>,
}

/// Why stored or imported text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all (truncated, corrupted, or another program's data).
    NotJson(String),
    /// JSON, but not a `{ "schema", "data" }` envelope.
    NotAnEnvelope,
    /// A migration step from an older schema failed.
    Migration {
        /// The schema the failing step started from.
        from: u32,
        /// What went wrong.
        message: String,
    },
    /// The data does not have the shape this collection needs.
    Shape(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "it is not readable JSON ({e})"),
            DecodeError::NotAnEnvelope => write!(f, "it is not in the format Trust Steps saves"),
            DecodeError::Migration { from, message } => {
                write!(f, "it could not be upgraded from version {from} ({message})")
            }
            DecodeError::Shape(e) => write!(f, "its contents are not what was expected ({e})"),
        }
    }
}

/// Runs every migration step from `schema` up to `T::SCHEMA`.
pub fn migrate<T: Versioned>(mut schema: u32, mut data: Value) -> Result<Value, DecodeError> {
    while schema < T::SCHEMA {
        data = T::upgrade(schema, data).map_err(|message| DecodeError::Migration { from: schema, message })?;
        schema += 1;
    }
    Ok(data)
}

/// Reads an envelope from stored text, migrating older data and keeping unknown fields of newer data.
pub fn decode<T: Versioned>(raw: &str) -> Result<Decoded<T>, DecodeError> {
    let json: Value = serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let envelope: Envelope = serde_json::from_value(json).map_err(|_| DecodeError::NotAnEnvelope)?;
    let data = migrate::<T>(envelope.schema, envelope.data)?;
    let value = serde_json::from_value(data).map_err(|e| DecodeError::Shape(e.to_string()))?;
    Ok(Decoded { value, schema: envelope.schema.max(T::SCHEMA), extra: envelope.extra })
}

/// Writes a value inside its envelope.
pub fn encode<T: Versioned>(value: &T, schema: u32, extra: &Map<String, Value>) -> Result<String, String> {
    let data = serde_json::to_value(value).map_err(|e| e.to_string())?;
    let envelope = Envelope { schema, data, extra: extra.clone() };
    serde_json::to_string(&envelope).map_err(|e| e.to_string())
}

/// Implements [`Versioned`] (schema 1) and [`Record`] for a struct with `id` and `updated_at` fields,
/// stored under `prefix`. Bump to a hand-written `Versioned` impl when a record's schema changes.
#[macro_export]
macro_rules! stored_record {
    ($record:ty, $prefix:expr) => {
        impl $crate::storage::Versioned for $record {
            const SCHEMA: u32 = 1;
        }

        impl $crate::storage::Record for $record {
            const PREFIX: &'static str = $prefix;
            fn id(&self) -> &str {
                &self.id
            }
            fn updated_at(&self) -> &str {
                &self.updated_at
            }
            fn touch(&mut self, now: &str) {
                self.updated_at = now.to_owned();
            }
        }
    };
}
