//! Pure domain logic: plain serde types and rules, no Leptos and no browser APIs, tested with `cargo test`.

pub mod merge;
pub mod progress;
pub mod settings;

pub use merge::Merge;
pub use progress::{LessonProgress, LessonState};
pub use settings::{Settings, ThemeChoice};
