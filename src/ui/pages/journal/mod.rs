//! The thought journal: list with drafts, search and filters; the guided flow; one record.

mod entry;
mod flow;
mod list;

pub use entry::JournalEntry;
pub use flow::{JournalEditor, NewJournalEntry};
pub use list::Journal;

use crate::domain::traps::trap_by_slug;

/// The display name of a trap: the catalogue name, or the user's own words.
pub fn trap_name(trap: &str) -> String {
    trap_by_slug(trap).map_or_else(|| trap.to_owned(), |t| t.name.to_owned())
}

/// Shortens text for a list, on a character boundary.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_owned(),
    }
}
