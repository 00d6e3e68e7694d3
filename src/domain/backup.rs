//! Backup files: export every stored collection to one JSON file, and read one back — validate it whole,
//! preview what it would change, and plan a merge or a replace. Generic over every `trust-steps/` key, so
//! collections added later are carried without changes here.
//!
//! The file: `{ "app": "trust-steps", "kind": "backup", "schema": 1, "exported_at", "counts": { collection: n },
//! "data": { key: stored envelope } }`. Stored envelopes go in as they are (with their own schema), so loading a
//! backup runs the same migrations as loading storage.
//!
//! An encrypted backup (`"kind": "encrypted-backup"`) holds that text sealed with AES-256-GCM. Format 2 (this
//! build) seals it with a 256-bit file key and carries that key wrapped under a passphrase's PBKDF2 key: the
//! lock's own salt, iterations and wrapped data key while the passphrase lock is on (so the file needs no typing
//! and opens with the lock's passphrase), or a fresh wrapping under a passphrase chosen for the file. Format 1
//! (older builds) sealed the text with the passphrase's key directly; it still opens. Older builds refuse
//! format 2 as "made by a newer version" rather than calling the passphrase wrong.

use super::merge::Merge;
use crate::domain::stable_sort::sort_stable_by_key;
use crate::storage::crypto::{from_base64, iterations_problem, to_base64, unwrap_key, wrap_key, CryptoError, Sealer};
use crate::storage::keys::{self, collection_of, is_backed_up, is_record_key};
use crate::storage::locked::LockRecord;
use crate::storage::{Envelope, Stored, StoredEntries};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// The `app` field of every Trust Steps file.
pub const APP_ID: &str = "trust-steps";
/// The `kind` of a plain backup.
pub const KIND_BACKUP: &str = "backup";
/// The `kind` of a backup encrypted with a passphrase.
pub const KIND_ENCRYPTED: &str = "encrypted-backup";
/// The plain backup format this build writes and the newest it reads.
pub const FORMAT_SCHEMA: u32 = 1;
/// The encrypted backup format this build writes and the newest it reads (format 2: a wrapped file key).
pub const ENCRYPTED_SCHEMA: u32 = 2;
/// `opens_with` of an encrypted backup sealed while the lock was on: the lock's passphrase of that day opens it.
pub const OPENS_WITH_LOCK: &str = "lock";
/// `opens_with` of an encrypted backup sealed with a passphrase chosen for the file.
pub const OPENS_WITH_OWN: &str = "own";
/// Larger files are refused before they are read (a full localStorage is about 10 MiB of UTF-8 at most).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Files with brackets nested deeper than this are refused before they are parsed. A backup nests about eight
/// levels (file, data, entry, record, a list of check-ins and their ratings); serde_json stops at 128 anyway,
/// and this check gives such a file its own message instead of "damaged" or "not JSON".
pub const MAX_NESTING: usize = 100;

/// A backup file, as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupFile {
    /// Always [`APP_ID`].
    pub app: String,
    /// [`KIND_BACKUP`].
    pub kind: String,
    /// Format version ([`FORMAT_SCHEMA`]).
    pub schema: u32,
    /// When it was made (UTC, ISO 8601).
    pub exported_at: String,
    /// How many keys of each collection it holds; checked on import to catch a cut-short file.
    #[serde(default)]
    pub counts: BTreeMap<String, usize>,
    /// Every backed-up key with its stored envelope.
    pub data: BTreeMap<String, Value>,
    /// Fields a newer version added.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What an export produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// The file's text.
    pub text: String,
    /// Keys per collection in it.
    pub counts: BTreeMap<String, usize>,
    /// Keys left out because their stored text is not JSON (they are set aside and can be downloaded in Settings).
    pub skipped: Vec<String>,
    /// Keys left out because their sealed value does not open (listed and offered for download in Settings).
    pub unopened: Vec<String>,
}

impl Export {
    /// Says what the file leaves out and where those entries are, or `None` when it holds everything.
    pub fn left_out(&self) -> Option<String> {
        let count = self.skipped.len() + self.unopened.len();
        (count > 0).then(|| {
            format!(
                "{} could not go in the file (unreadable, or not opened by the lock's key); they are kept on this device as they are and listed under “Data that could not be read” in Settings.",
                super::words::count_of(count, "entry", "entries")
            )
        })
    }
}

/// Builds a backup of what storage holds (see [`export`]); values that do not open are listed as left out.
pub fn export_stored(entries: &StoredEntries, now: &str) -> Export {
    let mut exported = export(entries.readable.clone(), now);
    exported.unopened = entries.unopened.keys().filter(|k| is_backed_up(k)).cloned().collect();
    exported
}

/// Builds a backup of `entries` (stored key and text; keys a backup does not carry are left out) made at `now`.
pub fn export(entries: impl IntoIterator<Item = (String, String)>, now: &str) -> Export {
    let mut data = BTreeMap::new();
    let mut skipped = Vec::new();
    for (key, raw) in entries.into_iter().filter(|(k, _)| is_backed_up(k)) {
        match serde_json::from_str::<Value>(&raw) {
            Ok(value) => {
                data.insert(key, value);
            }
            Err(_) => skipped.push(key),
        }
    }
    let counts = count_by_collection(data.keys());
    let file = BackupFile {
        app: APP_ID.into(),
        kind: KIND_BACKUP.into(),
        schema: FORMAT_SCHEMA,
        exported_at: now.into(),
        counts: counts.clone(),
        data,
        extra: Map::new(),
    };
    // A map of strings to JSON values always serializes.
    let text = serde_json::to_string_pretty(&file).unwrap_or_default();
    Export { text, counts, skipped, unopened: Vec::new() }
}

fn count_by_collection<'a>(keys: impl Iterator<Item = &'a String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for key in keys {
        *counts.entry(collection_of(key).to_owned()).or_insert(0) += 1;
    }
    counts
}

/// Why a file cannot be imported. Nothing is changed in any of these cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Over [`MAX_BYTES`].
    TooLarge {
        /// The file's size.
        bytes: usize,
    },
    /// Not JSON at all.
    NotJson,
    /// JSON, but not a file Trust Steps made.
    NotTrustSteps,
    /// Made by a newer version of the app, in a format this one does not know.
    NewerSchema {
        /// The file's format version.
        found: u32,
        /// The newest format of that kind this build reads.
        newest: u32,
    },
    /// A Trust Steps file that was cut short or damaged; says what is wrong.
    Corrupted(String),
    /// An encrypted backup and the passphrase does not open it (or it was altered).
    WrongPassphrase,
    /// Brackets nested deeper than [`MAX_NESTING`]: never a backup, and refused before it is parsed.
    TooDeep,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is too large to be a Trust Steps backup ({} MiB; backups are at most {} MiB). Nothing was changed.",
                bytes.div_ceil(1024 * 1024),
                MAX_BYTES / 1024 / 1024
            ),
            ImportError::NotJson => write!(
                f,
                "This file is not a backup: it is not in the JSON format backups use. Nothing was changed. Choose the .json file that Trust Steps downloaded."
            ),
            ImportError::NotTrustSteps => write!(
                f,
                "This file was not made by Trust Steps, so it cannot be imported. Nothing was changed."
            ),
            ImportError::NewerSchema { found, newest } => write!(
                f,
                "This backup was made by a newer version of Trust Steps (format {found}; this version reads up to {newest}). Update the app (reload it while online), then try again. Nothing was changed."
            ),
            ImportError::Corrupted(what) => write!(
                f,
                "This backup is damaged or incomplete ({what}), so none of it was imported. Nothing was changed. Try the file again, or an earlier backup."
            ),
            ImportError::WrongPassphrase => write!(
                f,
                "That passphrase does not open this backup (or the file was altered). Nothing was changed. Check the passphrase and try again."
            ),
            ImportError::TooDeep => write!(
                f,
                "This file is not a Trust Steps backup: its contents are nested more than {MAX_NESTING} levels deep, and a backup needs about eight. Nothing was changed."
            ),
        }
    }
}

/// A file that passed the first checks.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadFile {
    /// A plain backup, fully validated.
    Plain(Backup),
    /// An encrypted backup: ask for its passphrase, decrypt, then [`read_backup`] the result.
    Encrypted(EncryptedFile),
}

/// An encrypted backup file: the plain backup's text, sealed with AES-256-GCM. Format 1: under the key derived
/// from a passphrase with PBKDF2-SHA256. Format 2: under a file key, which `wrapped_key` holds wrapped under that
/// derived key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedFile {
    /// Always [`APP_ID`].
    pub app: String,
    /// [`KIND_ENCRYPTED`].
    pub kind: String,
    /// Format version (1, or [`ENCRYPTED_SCHEMA`]).
    pub schema: u32,
    /// When it was made.
    pub exported_at: String,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// PBKDF2 salt, base64.
    pub salt: String,
    /// AES-GCM nonce (96 bits), base64.
    pub iv: String,
    /// The sealed backup text with its 128-bit tag, base64.
    pub ciphertext: String,
    /// Format 2: the file key, wrapped under the passphrase's key (base64 of IV, key and tag). Absent in format 1.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wrapped_key: String,
    /// Format 2: which passphrase opens it, [`OPENS_WITH_LOCK`] or [`OPENS_WITH_OWN`]. Only words for the
    /// question asked on import; nothing relies on it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub opens_with: String,
}

/// A validated backup, ready to preview.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// When it was made.
    pub exported_at: String,
    /// Every key with its stored text (compact JSON), in key order.
    pub entries: BTreeMap<String, String>,
    /// Set when the file is an archive of older entries (not a whole backup): Replace is not offered for it.
    pub archive: Option<super::archive::ArchiveMark>,
}

/// Reads a file the user chose: size, JSON, app, kind and format, then every entry. Never panics on any input.
pub fn read_file(bytes: &[u8]) -> Result<ReadFile, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if nested_deeper_than(bytes, MAX_NESTING) {
        return Err(ImportError::TooDeep);
    }
    let json: Value = serde_json::from_slice(bytes).map_err(|e| classify_json_error(bytes, &e))?;
    let Some(object) = json.as_object() else { return Err(ImportError::NotTrustSteps) };
    if object.get("app").and_then(Value::as_str) != Some(APP_ID) {
        return Err(ImportError::NotTrustSteps);
    }
    let schema = object
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(ImportError::Corrupted("it has no format version".into()))?;
    let schema = u32::try_from(schema).unwrap_or(u32::MAX);
    let kind = object.get("kind").and_then(Value::as_str);
    // Each kind has its own newest format: an encrypted backup moved to format 2 while plain ones stayed at 1.
    let newest = if kind == Some(KIND_ENCRYPTED) { ENCRYPTED_SCHEMA } else { FORMAT_SCHEMA };
    if schema > newest {
        return Err(ImportError::NewerSchema { found: schema, newest });
    }
    match kind {
        Some(KIND_BACKUP) => read_backup_value(json).map(ReadFile::Plain),
        Some(KIND_ENCRYPTED) => {
            let file: EncryptedFile = serde_json::from_value(json)
                .map_err(|e| ImportError::Corrupted(format!("its encryption details are missing: {e}")))?;
            if file.schema >= 2 && file.wrapped_key.is_empty() {
                return Err(ImportError::Corrupted("its key is missing".into()));
            }
            Ok(ReadFile::Encrypted(file))
        }
        _ => Err(ImportError::NotTrustSteps),
    }
}

/// True when `[` and `{` outside JSON strings open more than `limit` levels at some point (one pass, no
/// recursion, so a file of 20 MiB of brackets costs nothing but the scan).
fn nested_deeper_than(bytes: &[u8], limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &byte in bytes {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Reads the text of a plain backup (what an encrypted backup decrypts to).
pub fn read_backup(bytes: &[u8]) -> Result<Backup, ImportError> {
    match read_file(bytes)? {
        ReadFile::Plain(backup) => Ok(backup),
        ReadFile::Encrypted(_) => Err(ImportError::Corrupted("it is encrypted twice".into())),
    }
}

/// Tells a cut-short or damaged Trust Steps file apart from something that was never JSON.
fn classify_json_error(bytes: &[u8], error: &serde_json::Error) -> ImportError {
    let text = String::from_utf8_lossy(bytes.get(..bytes.len().min(4096)).unwrap_or_default());
    let looks_like_ours = text.trim_start().starts_with('{') && text.contains(APP_ID);
    match (looks_like_ours, error.classify()) {
        (true, serde_json::error::Category::Eof) => ImportError::Corrupted("the file ends too early".into()),
        (true, _) => ImportError::Corrupted(format!("unreadable at line {}", error.line())),
        (false, _) => ImportError::NotJson,
    }
}

fn read_backup_value(json: Value) -> Result<Backup, ImportError> {
    let file: BackupFile =
        serde_json::from_value(json).map_err(|e| ImportError::Corrupted(format!("its layout is wrong: {e}")))?;
    let mut entries = BTreeMap::new();
    for (key, value) in file.data {
        if !keys::is_app_key(&key) || key.starts_with(keys::QUARANTINE_PREFIX) {
            return Err(ImportError::Corrupted(format!("it holds an unexpected name, {key}")));
        }
        if !is_backed_up(&key) {
            // Device-only keys (from a hand-edited file): not the user's data, never imported.
            continue;
        }
        let raw = value.to_string();
        validate_entry(&key, &raw).map_err(|why| ImportError::Corrupted(format!("{key}: {why}")))?;
        entries.insert(key, raw);
    }
    let found = count_by_collection(entries.keys());
    for (collection, expected) in &file.counts {
        let got = found.get(collection).copied().unwrap_or(0);
        if got != *expected {
            return Err(ImportError::Corrupted(format!("it lists {expected} in {collection} but holds {got}")));
        }
    }
    let archive = super::archive::ArchiveMark::from_fields(&file.extra);
    Ok(Backup { exported_at: file.exported_at, entries, archive })
}

/// Checks one entry: an envelope, and for collections this build knows, data of the right shape.
fn validate_entry(key: &str, raw: &str) -> Result<(), String> {
    let envelope: Envelope = serde_json::from_str(raw).map_err(|_| "not a stored entry".to_owned())?;
    if is_record_key(key) {
        let data = envelope.data.as_object().ok_or("the entry is not a record")?;
        let id = key.rsplit('/').next().unwrap_or_default();
        if data.get("id").and_then(Value::as_str) != Some(id) {
            return Err("the record's id does not match its name".into());
        }
    }
    super::collection_table::check(key, raw).unwrap_or(Ok(())).map_err(|e| e.to_string())
}

/// Merge (newer edit wins, nothing dropped) or replace (the backup becomes the data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Add new entries, take the backup's version where it is newer, keep everything else.
    Merge,
    /// Make this device hold exactly what the backup holds.
    Replace,
}

/// What an import does to one collection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CollectionPreview {
    /// In the backup only: added.
    pub new: usize,
    /// Changed, and the backup's version is taken (newer, or merged, or replacing).
    pub updated: usize,
    /// The same in both.
    pub identical: usize,
    /// Changed on both sides and this device's version is newer: kept (merge only).
    pub conflicting: usize,
    /// On this device only: kept (merge) or removed (replace).
    pub only_here: usize,
}

/// A planned import: the preview and the exact writes. Nothing is written until it is applied.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// Merge or replace.
    pub mode: ImportMode,
    /// Per collection name.
    pub collections: BTreeMap<String, CollectionPreview>,
    /// Keys to write (`Some`) or remove (`None`).
    pub writes: Vec<(String, Option<String>)>,
    /// Keys on this device whose stored text is not JSON or does not open: neither removed nor overwritten by
    /// any import (no backup holds them, so they would be lost), and left out of the counts.
    pub kept_unreadable: Vec<String>,
}

impl ImportPlan {
    /// Totals over every collection.
    pub fn total(&self) -> CollectionPreview {
        self.collections.values().fold(CollectionPreview::default(), |a, c| CollectionPreview {
            new: a.new + c.new,
            updated: a.updated + c.updated,
            identical: a.identical + c.identical,
            conflicting: a.conflicting + c.conflicting,
            only_here: a.only_here + c.only_here,
        })
    }
}

/// Plans importing `backup` into storage that holds `current` (every key and its text). Keys whose text is
/// not JSON are kept as they are (see [`ImportPlan::kept_unreadable`]).
pub fn plan(backup: &Backup, current: &BTreeMap<String, String>, mode: ImportMode) -> ImportPlan {
    plan_keeping(backup, current, &BTreeMap::new(), mode)
}

/// Plans importing `backup` into storage as [`crate::storage::Vault::entries`] read it: values that do not open
/// are kept as they are, like text that is not JSON.
pub fn plan_import(backup: &Backup, current: &StoredEntries, mode: ImportMode) -> ImportPlan {
    plan_keeping(backup, &current.readable, &current.unopened, mode)
}

fn plan_keeping(
    backup: &Backup,
    current: &BTreeMap<String, String>,
    unopened: &BTreeMap<String, String>,
    mode: ImportMode,
) -> ImportPlan {
    let mut collections: BTreeMap<String, CollectionPreview> = BTreeMap::new();
    let mut writes = Vec::new();
    // An older backup keeps the country and set-aside suggestions in its settings: they arrive sealed.
    let entries = super::settings::split_stored(&backup.entries);
    let unreadable = |key: &String| {
        unopened.contains_key(key) || current.get(key).is_some_and(|t| serde_json::from_str::<Value>(t).is_err())
    };
    let mut kept_unreadable: Vec<String> =
        current.keys().chain(unopened.keys()).filter(|k| is_backed_up(k) && unreadable(k)).cloned().collect();
    kept_unreadable.sort();
    kept_unreadable.dedup();
    for (key, theirs) in &entries {
        if unreadable(key) {
            continue;
        }
        let preview = collections.entry(collection_of(key).to_owned()).or_default();
        let Some(ours) = current.get(key) else {
            preview.new += 1;
            writes.push((key.clone(), Some(theirs.clone())));
            continue;
        };
        if same_json(ours, theirs) {
            preview.identical += 1;
            continue;
        }
        match mode {
            ImportMode::Replace => {
                preview.updated += 1;
                writes.push((key.clone(), Some(theirs.clone())));
            }
            ImportMode::Merge => match merge_entry(key, ours, theirs) {
                Some(merged) => {
                    preview.updated += 1;
                    writes.push((key.clone(), Some(merged)));
                }
                None => preview.conflicting += 1,
            },
        }
    }
    for key in current.keys().filter(|k| is_backed_up(k) && !entries.contains_key(*k) && !unreadable(k)) {
        collections.entry(collection_of(key).to_owned()).or_default().only_here += 1;
        if mode == ImportMode::Replace {
            writes.push((key.clone(), None));
        }
    }
    // Removals first: they free space for the writes that follow.
    sort_stable_by_key(&mut writes, |(_, change)| change.is_some());
    ImportPlan { mode, collections, writes, kept_unreadable }
}

fn same_json(a: &str, b: &str) -> bool {
    match (serde_json::from_str::<Value>(a), serde_json::from_str::<Value>(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Merges two differing versions of one key. `Some(text)` to write; `None` keeps ours (a conflict ours wins).
fn merge_entry(key: &str, ours: &str, theirs: &str) -> Option<String> {
    if is_record_key(key) {
        // One record: the newer edit wins; a tie or an unreadable time keeps this device's.
        return match (updated_at(ours), updated_at(theirs)) {
            (Some(ours_at), Some(theirs_at)) if theirs_at > ours_at => Some(theirs.to_owned()),
            _ => None,
        };
    }
    // A whole-key collection: its own merge rule (none known for it: keep this device's).
    let merged = super::collection_table::merge_whole(key, ours, theirs)?;
    (!same_json(&merged, ours)).then_some(merged)
}

fn updated_at(raw: &str) -> Option<String> {
    let value: Value = serde_json::from_str(raw).ok()?;
    value.get("data")?.get("updated_at")?.as_str().map(str::to_owned)
}

/// What Settings calls a collection, by its key name (the name itself for collections this build does not know).
pub fn collection_label(name: &str) -> String {
    super::collection_table::label_of(name).map_or_else(|| name.replace('-', " "), str::to_owned)
}

/// When this device last saved a backup, and when the Today reminder was put off. Stored under
/// [`keys::BACKUP_STATUS`], which backups do not carry (it describes this device).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupStatus {
    /// The last backup downloaded from this device (UTC, ISO 8601).
    pub last_backup_at: Option<String>,
    /// The last "not now" on the Today reminder.
    pub reminder_snoozed_at: Option<String>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl crate::storage::Versioned for BackupStatus {
    const SCHEMA: u32 = 1;
}

impl Stored for BackupStatus {
    const KEY: &'static str = keys::BACKUP_STATUS;
    /// Each of its times is set by the change it records (merged field by field, the later time wins).
    fn touch(&mut self, _now: &str) {}
}

impl Merge for BackupStatus {
    /// The later of each time.
    fn merge(mut self, other: Self) -> Self {
        self.last_backup_at = self.last_backup_at.max(other.last_backup_at);
        self.reminder_snoozed_at = self.reminder_snoozed_at.max(other.reminder_snoozed_at);
        for (field, value) in other.extra {
            self.extra.entry(field).or_insert(value);
        }
        self
    }
}

/// Associated data of a format-1 encrypted backup's ciphertext.
const BACKUP_AAD: &[u8] = b"trust-steps encrypted backup";
/// Associated data of a format-2 encrypted backup's ciphertext (a different text, so the two never mix).
const BACKUP_AAD_2: &[u8] = b"trust-steps encrypted backup 2";
/// The shortest and longest PBKDF2 salt accepted from a file (Trust Steps writes 16 bytes).
const SALT_BYTES: std::ops::RangeInclusive<usize> = 8..=64;

/// How a downloaded backup file is protected, and so what opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProtection {
    /// Not encrypted: anyone with the file can read every entry in it.
    Plain,
    /// Encrypted while the lock was on: the lock's passphrase of that day opens it.
    LockPassphrase,
    /// Encrypted with a passphrase chosen for this file.
    OwnPassphrase,
}

impl FileProtection {
    /// One sentence saying what opens the file, for the message after a download.
    pub fn opens_with(self) -> &'static str {
        match self {
            FileProtection::Plain => {
                "The file is not encrypted: anyone who has it can read every entry. Keep it somewhere private."
            }
            FileProtection::LockPassphrase => {
                "The file is encrypted: it opens with the passphrase your lock has now (if you change that passphrase later, the file still opens with today's)."
            }
            FileProtection::OwnPassphrase => "The file is encrypted: it opens only with the passphrase you chose for it.",
        }
    }

    /// The end of the file's name: `-encrypted` for an encrypted file, nothing for a plain one.
    pub fn file_suffix(self) -> &'static str {
        match self {
            FileProtection::Plain => "",
            FileProtection::LockPassphrase | FileProtection::OwnPassphrase => "-encrypted",
        }
    }
}

/// The text a backup download writes for the lock as it is: sealed with the lock's data key while the lock is on
/// (`lock` is that lock and its key), plain while it is off. `plain` is the file's text (a backup, or an
/// archive); `iv` is fresh and random. A caller that wants a plain file while the lock is on must ask for it in
/// so many words: there is no flag here to forget.
pub fn protect(plain: &str, lock: Option<(&LockRecord, &Sealer)>, iv: [u8; 12], now: &str) -> (String, FileProtection) {
    match lock {
        Some((record, data_key)) => {
            (seal_backup_for_lock(plain, record, data_key, iv, now), FileProtection::LockPassphrase)
        }
        None => (plain.to_owned(), FileProtection::Plain),
    }
}

/// Seals a backup's text with the lock's data key into a format-2 file that carries the lock's salt,
/// iterations and wrapped data key: it opens with the passphrase the lock has now, and needs no typing.
pub fn seal_backup_for_lock(plain: &str, lock: &LockRecord, data_key: &Sealer, iv: [u8; 12], now: &str) -> String {
    seal_format_2(plain, data_key, (&lock.salt, lock.iterations, &lock.wrapped_key), iv, now, OPENS_WITH_LOCK)
}

/// Seals a backup's text into a format-2 file that opens with a passphrase chosen for it: `file_key` (random)
/// seals the text and is wrapped (with `wrap_iv`) under `passphrase_key`, derived from the passphrase and
/// `salt` with `iterations` rounds.
pub fn seal_backup_with_passphrase(
    plain: &str,
    passphrase_key: &Sealer,
    (salt, iterations): (&[u8], u32),
    file_key: &[u8; 32],
    (wrap_iv, iv): ([u8; 12], [u8; 12]),
    now: &str,
) -> String {
    let wrapped = wrap_key(passphrase_key, file_key, wrap_iv);
    seal_format_2(plain, &Sealer::new(file_key), (&to_base64(salt), iterations, &wrapped), iv, now, OPENS_WITH_OWN)
}

fn seal_format_2(
    plain: &str,
    file_key: &Sealer,
    (salt, iterations, wrapped_key): (&str, u32, &str),
    iv: [u8; 12],
    now: &str,
    opens_with: &str,
) -> String {
    let file = EncryptedFile {
        app: APP_ID.into(),
        kind: KIND_ENCRYPTED.into(),
        schema: ENCRYPTED_SCHEMA,
        exported_at: now.into(),
        iterations,
        salt: salt.to_owned(),
        iv: to_base64(&iv),
        ciphertext: to_base64(file_key.seal_bytes(BACKUP_AAD_2, plain.as_bytes(), iv).get(12..).unwrap_or_default()),
        wrapped_key: wrapped_key.to_owned(),
        opens_with: opens_with.to_owned(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

impl EncryptedFile {
    /// The PBKDF2 salt, or why the file cannot be opened (damaged, or iterations out of range: refused before
    /// any key is derived).
    pub fn salt_bytes(&self) -> Result<Vec<u8>, ImportError> {
        if let Some(problem) = iterations_problem(self.iterations) {
            return Err(ImportError::Corrupted(problem));
        }
        from_base64(&self.salt)
            .filter(|salt| SALT_BYTES.contains(&salt.len()))
            .ok_or_else(|| ImportError::Corrupted("its salt is unreadable".into()))
    }

    /// True when it was sealed while the lock was on, so the lock's passphrase (of that day) opens it.
    pub fn opens_with_lock(&self) -> bool {
        self.opens_with == OPENS_WITH_LOCK
    }
}

/// Opens an encrypted backup with the key derived from its passphrase (its salt and iterations), then reads it
/// like a plain one. Format 2: that key unwraps the file key, which opens the text.
pub fn open_backup(file: &EncryptedFile, key: &Sealer) -> Result<Backup, ImportError> {
    file.salt_bytes()?;
    let iv = from_base64(&file.iv).filter(|iv| iv.len() == 12);
    let body = from_base64(&file.ciphertext);
    let (Some(iv), Some(body)) = (iv, body) else {
        return Err(ImportError::Corrupted("its encrypted part is unreadable".into()));
    };
    let sealed = [iv, body].concat();
    let plain = if file.schema >= 2 {
        let file_key = unwrap_key(key, &file.wrapped_key).map_err(|e| match e {
            CryptoError::NotOpened => ImportError::WrongPassphrase,
            CryptoError::Malformed => ImportError::Corrupted("its key is unreadable".into()),
        })?;
        // The passphrase was right (its key opened the file key): a failure now means the file was altered.
        Sealer::new(&file_key)
            .open_bytes(BACKUP_AAD_2, &sealed)
            .map_err(|_| ImportError::Corrupted("its encrypted part was altered".into()))?
    } else {
        key.open_bytes(BACKUP_AAD, &sealed).map_err(|_| ImportError::WrongPassphrase)?
    };
    read_backup(&plain)
}
