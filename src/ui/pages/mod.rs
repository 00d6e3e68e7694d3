//! One component per route.

mod help;
pub mod journal;
mod learn;
mod lesson;
mod not_found;
pub mod people;
mod practice;
mod privacy;
mod progress;
mod report;
pub mod settings;
mod today;

pub use help::Help;
pub use journal::{Journal, JournalEditor, JournalEntry, NewJournalEntry};
pub use learn::{Faq, Glossary, Learn, Sources};
pub use lesson::LessonPage;
pub use not_found::NotFound;
pub use people::{People, PersonPage};
pub use practice::{ExercisePage, Practice};
pub use privacy::Privacy;
pub use progress::Progress;
pub use report::TherapyReport;
pub use settings::SettingsPage;
pub use today::Today;

/// The route's `:id` ("" when it has none), read reactively: the record or person a page shows.
pub fn route_id() -> leptos::prelude::Memo<String> {
    use leptos::prelude::*;
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()))
}
