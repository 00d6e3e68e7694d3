//! Every storage key the app uses, in one table.

/// Prefix of every key Trust Steps writes; nothing outside it is ever touched.
pub const PREFIX: &str = "trust-steps/";
/// App settings (theme and other preferences).
pub const SETTINGS: &str = "trust-steps/settings";
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
