//! The thought journal: list with drafts, search and filters; the guided flow; one record.

mod entry;
mod flow;
mod list;

pub use entry::JournalEntry;
pub use flow::{JournalEditor, NewJournalEntry};
pub use list::Journal;

use crate::domain::traps::trap_by_slug;
use std::cell::RefCell;

thread_local! {
    /// The record the flow has just saved, and whether that finished it for the first time (it was a draft).
    static JUST_SAVED: RefCell<Option<(String, bool)>> = const { RefCell::new(None) };
}

/// Remembers that the flow has just saved record `id` (`first_time`: it was a draft until now), for the record's
/// page to acknowledge once.
fn remember_saved(id: String, first_time: bool) {
    JUST_SAVED.with(|saved| *saved.borrow_mut() = Some((id, first_time)));
}

/// Whether record `id` was just saved by the flow (and if for the first time); forgets it, so the line shows once.
fn take_saved(id: &str) -> Option<bool> {
    JUST_SAVED.with(|saved| {
        let mut saved = saved.borrow_mut();
        match saved.take() {
            Some((saved_id, first_time)) if saved_id == id => Some(first_time),
            _ => None,
        }
    })
}

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
