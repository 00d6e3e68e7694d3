//! Every storage key the app uses, in one table.

/// Prefix of every key Trust Steps writes; nothing outside it is ever touched.
pub const PREFIX: &str = "trust-steps/";
/// What the app needs to start, readable while the lock is on: only the theme
/// ([`Settings`](crate::domain::Settings)).
pub const SETTINGS: &str = "trust-steps/settings";
/// Everything else the user chooses (the country, the suggestions set aside), sealed while the lock is on
/// ([`Preferences`](crate::domain::settings::Preferences)).
pub const PREFERENCES: &str = "trust-steps/preferences";
/// Which lessons are done and which was read last.
pub const LESSON_PROGRESS: &str = "trust-steps/lesson-progress";
/// Unreadable data is moved under this prefix instead of being overwritten.
pub const QUARANTINE_PREFIX: &str = "trust-steps/quarantine/";

/// True for keys that belong to the app.
pub fn is_app_key(key: &str) -> bool {
    key.starts_with(PREFIX)
}
/// Thought records, one key per record.
pub const JOURNAL_PREFIX: &str = "trust-steps/journal/";
/// Core beliefs, one key per belief.
pub const BELIEFS_PREFIX: &str = "trust-steps/beliefs/";
/// Self-sabotage trigger log, one key per entry.
pub const TRIGGERS_PREFIX: &str = "trust-steps/triggers/";
/// Thinking-trap practice answers.
pub const TRAP_PRACTICE: &str = "trust-steps/trap-practice";
/// People on the trust map, one key per person.
pub const PEOPLE_PREFIX: &str = "trust-steps/people/";
/// Evidence-log observations about people, one key per observation.
pub const OBSERVATIONS_PREFIX: &str = "trust-steps/observations/";
/// Disclosure-ladder steps with their experiments, one key per step.
pub const LADDER_PREFIX: &str = "trust-steps/ladder/";
/// Promises to myself with their check-ins, one key per promise.
pub const PROMISES_PREFIX: &str = "trust-steps/promises/";
/// Self-assessment runs, one key per run.
pub const ASSESSMENTS_PREFIX: &str = "trust-steps/assessments/";
/// Worksheets of the Practice hub (forgiveness, boundaries, messages…), one key per filled-in copy.
pub const WORKSHEETS_PREFIX: &str = "trust-steps/worksheets/";

/// When this device last made a backup and when the reminder was put off. Device-local: never in a backup.
pub const BACKUP_STATUS: &str = "trust-steps/backup-status";

/// The passphrase lock (salt, iterations, wrapped data key, idle time); plaintext, present only while it is on.
pub const LOCK: &str = "trust-steps/lock";
/// Written when a tab locks, so other tabs lock too (through the `storage` event).
pub const LOCK_SIGNAL: &str = "trust-steps/lock-signal";

/// Marks a Replace import for other open tabs (through the `storage` event): written as
/// `"started <time>"` before the imported keys and `"done <time>"` after them, so those tabs take every key as
/// storage now holds it instead of merging their older copy back in. A tab sees each write only when it arrives,
/// so a single marker before (the rest not there yet) or after (the merges already done) would not do.
pub const REPLACED: &str = "trust-steps/replaced";
/// The start of [`REPLACED`]'s value while a replace is being written.
pub const REPLACE_STARTED: &str = "started";

/// Keys that describe this device rather than the user's data, so backups neither carry nor replace them.
pub const DEVICE_ONLY: [&str; 4] = [BACKUP_STATUS, LOCK, LOCK_SIGNAL, REPLACED];

/// True for keys a backup carries: every app key except set-aside data and device-only keys.
pub fn is_backed_up(key: &str) -> bool {
    is_app_key(key) && !key.starts_with(QUARANTINE_PREFIX) && !DEVICE_ONLY.contains(&key) && !key.ends_with("/.probe")
}

/// The collection a key belongs to: `journal` for `trust-steps/journal/<id>`, `settings` for `trust-steps/settings`.
pub fn collection_of(key: &str) -> &str {
    let rest = key.strip_prefix(PREFIX).unwrap_or(key);
    rest.split_once('/').map_or(rest, |(collection, _)| collection)
}

/// True for one-key-per-record keys (`prefix/<id>`), false for collections stored whole under one key.
pub fn is_record_key(key: &str) -> bool {
    key.strip_prefix(PREFIX).is_some_and(|rest| rest.contains('/'))
}
