//! Archive files: older history moved off this device into a backup file of just those entries, to make room.
//!
//! An archive is an ordinary backup file (`domain::backup`, so any import restores it by Merge) holding only the
//! chosen entries, with one more top-level field, `"archive": {"before": "YYYY-MM-DD"}` ([`ARCHIVE_FIELD`],
//! [`ArchiveMark`]), so an import preview can say it is an archive and not offer Replace for it (an archive is
//! not the whole of anyone's data). Older builds ignore the field and import it as a backup.
//!
//! Only collections whose old entries are history are archived ([`ARCHIVABLE`]); people, their ladders,
//! promises and beliefs stay, since they are still in use however old they are. Removal is a second step after
//! the download, and removes only what is still exactly as it was archived ([`removal`]).

use super::backup::{export, BackupFile};
use super::calendar::Day;
use super::words::count_of;
use crate::storage::keys::{collection_of, is_record_key};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Collections whose entries can be moved into an archive, in the order a preview lists them.
pub const ARCHIVABLE: [&str; 5] = ["journal", "triggers", "observations", "assessments", "worksheets"];
/// The top-level field that marks a backup file as an archive.
pub const ARCHIVE_FIELD: &str = "archive";

/// What the [`ARCHIVE_FIELD`] of an archive file holds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ArchiveMark {
    /// The cut-off: the file holds entries last changed before this day ("YYYY-MM-DD").
    pub before: String,
    /// Fields a newer version added.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ArchiveMark {
    /// The mark of a backup file, read from its top-level fields other than the known ones (`BackupFile::extra`);
    /// `None` for a whole backup.
    pub fn from_fields(fields: &Map<String, Value>) -> Option<ArchiveMark> {
        fields.get(ARCHIVE_FIELD).and_then(|v| serde_json::from_value(v.clone()).ok())
    }
}

/// "2025-12-06" for "2026-12-06": the default cut-off, a year before `today` (29 February gives 28 February).
pub fn default_cutoff(today: &str) -> String {
    Day::parse(today).and_then(|day| day.months_before(12)).map_or_else(|| today.to_owned(), |day| day.to_string())
}

/// The day after `day` ("YYYY-MM-DD"), or `None` if it is not a day.
pub fn day_after(day: &str) -> Option<String> {
    Day::parse(day).map(|day| (day + 1).to_string())
}

/// When a stored record was last changed: its `updated_at`, or its `created_at` if that is missing; `None` when
/// neither is readable (such a record is never archived).
pub fn last_changed(raw: &str) -> Option<String> {
    let envelope: Value = serde_json::from_str(raw).ok()?;
    let data = envelope.get("data")?;
    ["updated_at", "created_at"]
        .iter()
        .filter_map(|field| data.get(*field).and_then(Value::as_str))
        .find(|at| Day::of(at).is_some())
        .map(str::to_owned)
}

/// The entries an archive made now would hold, and what removing them would free.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArchivePlan {
    /// The cut-off day: entries last changed before it ("YYYY-MM-DD", compared with their UTC times).
    pub before: String,
    /// Each entry's key and stored text (opened, when the lock is on).
    pub entries: BTreeMap<String, String>,
    /// How many of each archivable collection, by collection name.
    pub counts: BTreeMap<String, usize>,
    /// UTF-16 units their keys and values take in storage now (what removing them frees).
    pub units: usize,
}

impl ArchivePlan {
    /// True when nothing is old enough.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The counts in words, in [`ARCHIVABLE`] order: "12 thought records, 1 trigger-log entry".
    pub fn summary(&self) -> String {
        let parts: Vec<String> = ARCHIVABLE
            .iter()
            .filter_map(|c| self.counts.get(*c).filter(|n| **n > 0).map(|n| kind_count(c, *n)))
            .collect();
        match parts.len() {
            0 => "nothing".into(),
            _ => parts.join(", "),
        }
    }
}

/// "3 thought records", "1 observation about a person"… for an archivable collection.
pub fn kind_count(collection: &str, n: usize) -> String {
    let (one, many) = match collection {
        "journal" => ("thought record", "thought records"),
        "triggers" => ("trigger-log entry", "trigger-log entries"),
        "observations" => ("observation about a person", "observations about people"),
        "assessments" => ("self-assessment", "self-assessments"),
        "worksheets" => ("worksheet", "worksheets"),
        other => (other, other),
    };
    count_of(n, one, many)
}

/// Why a cut-off cannot be used, or `None`.
pub fn cutoff_problem(before: &str, today: &str) -> Option<&'static str> {
    match (Day::parse(before), Day::parse(today)) {
        (None, _) => Some("Choose a day, like 2025-01-31."),
        (Some(cut), Some(now)) if cut > now + 1 => Some("Choose a day that is not in the future."),
        _ => None,
    }
}

/// The entries of `stored` (key → stored text) an archive with cut-off `before` would hold: records of the
/// [`ARCHIVABLE`] collections last changed before that day. `units` gives each key's size as stored (key and
/// value, UTF-16 units); a key it does not know counts its text here.
pub fn plan(stored: &BTreeMap<String, String>, units: &BTreeMap<String, usize>, before: &str) -> ArchivePlan {
    let mut result = ArchivePlan { before: before.to_owned(), ..Default::default() };
    if Day::parse(before).is_none() {
        return result;
    }
    for (key, raw) in stored {
        let collection = collection_of(key);
        if !is_record_key(key) || !ARCHIVABLE.contains(&collection) {
            continue;
        }
        // ISO 8601 times sort as text: "2025-01-05T23:59Z" < "2025-01-06" ≤ "2025-01-06T00:00Z".
        let old_enough = last_changed(raw).is_some_and(|at| at.as_str() < before);
        if !old_enough {
            continue;
        }
        *result.counts.entry(collection.to_owned()).or_insert(0) += 1;
        result.units +=
            units.get(key).copied().unwrap_or_else(|| key.encode_utf16().count() + raw.encode_utf16().count());
        result.entries.insert(key.clone(), raw.clone());
    }
    result
}

/// The archive file's text: a backup of just the plan's entries, made at `now`, marked with [`ARCHIVE_FIELD`].
pub fn archive_file(plan: &ArchivePlan, now: &str) -> String {
    let exported = export(plan.entries.clone(), now);
    let Ok(mut file) = serde_json::from_str::<BackupFile>(&exported.text) else { return exported.text };
    let mark = ArchiveMark { before: plan.before.clone(), extra: Map::new() };
    file.extra.insert(ARCHIVE_FIELD.to_owned(), serde_json::to_value(mark).unwrap_or_default());
    serde_json::to_string_pretty(&file).unwrap_or(exported.text)
}

/// What the second step removes: only the archived entries still stored exactly as they went into the file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Removal {
    /// Keys to remove.
    pub remove: Vec<String>,
    /// Keys changed since the archive was made (in another tab, or by an import): kept on this device, since
    /// the file holds an older copy.
    pub changed: Vec<String>,
}

/// Compares the archived entries with what `current` storage holds now (key → stored text, opened).
pub fn removal(archived: &BTreeMap<String, String>, current: &BTreeMap<String, String>) -> Removal {
    let mut result = Removal::default();
    for (key, text) in archived {
        match current.get(key) {
            Some(now) if now == text => result.remove.push(key.clone()),
            Some(_) => result.changed.push(key.clone()),
            None => {}
        }
    }
    result
}
