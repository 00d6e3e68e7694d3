//! Pure domain logic: plain serde types and rules, no Leptos and no browser APIs, tested with `cargo test`.

pub mod assessments;
pub mod backup;
pub mod beliefs;
pub mod collections;
pub mod danger;
pub mod helplines;
pub mod ids;
pub mod insights;
pub mod journal;
pub mod keep_safe;
pub mod ladder;
pub mod merge;
pub mod message;
pub mod next_step;
pub mod order;
pub(crate) mod patterns;
pub mod people;
pub mod practice;
pub mod progress;
pub mod promises;
pub mod readable;
pub mod repair_safety;
pub mod safety_plan;
pub mod settings;
pub mod traps;
pub mod triggers;
pub mod words;
pub mod worksheet_defs;
pub mod worksheets;

pub use beliefs::Belief;
pub use journal::{JournalFilter, ThoughtRecord};
pub use merge::{newer_of, Merge};
pub use practice::PracticeHistory;
pub use progress::{LessonProgress, LessonState};
pub use settings::{Preferences, Settings, ThemeChoice};
pub use triggers::TriggerEntry;
