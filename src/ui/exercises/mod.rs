//! Exercises that live on their `/practice/:exercise` page.

mod assessments;
mod beliefs;
mod promises;
mod trap_practice;
mod trigger_log;
mod worksheets;

pub use assessments::{TrustOrigins, TrustworthinessCheck};
pub use beliefs::BeliefTracker;
pub use promises::{DueCard, PromisesTool};
pub use trap_practice::TrapPractice;
pub use trigger_log::TriggerLog;
pub use worksheets::WorksheetTool;
