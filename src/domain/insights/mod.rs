//! What Today and Progress show from everything recorded, by concern: the date ranges and buckets
//! ([`periods`]), the active days and their streak ([`streaks`]), the week in words ([`week`]), the series
//! behind every chart ([`series`]), chart axes ([`axes`]) and what each chart says in words ([`sentences`]).
//! Pure functions over plain slices, so each is tested natively; everything is used as `insights::…`.

use super::beliefs::Belief;
use super::journal::ThoughtRecord;
use super::ladder::LadderStep;
use super::people::{Observation, Person};
use super::progress::LessonProgress;
use super::promises::Promise;

pub mod axes;
pub mod periods;
pub mod sentences;
pub mod series;
pub mod streaks;
pub mod week;

pub use axes::*;
pub use periods::*;
pub use sentences::*;
pub use series::*;
pub use streaks::*;
pub use week::*;

/// Everything the insights read, by reference. Collections another part of the app has not built yet
/// (habit check-ins, worksheets) are plain lists so adding them is one field.
#[derive(Debug, Clone, Copy)]
pub struct UserData<'a> {
    /// Thought records, drafts included.
    pub journal: &'a [ThoughtRecord],
    /// Core beliefs with their ratings.
    pub beliefs: &'a [Belief],
    /// People on the trust map.
    pub people: &'a [Person],
    /// The evidence log.
    pub observations: &'a [Observation],
    /// Disclosure-ladder steps with their experiments.
    pub ladder: &'a [LadderStep],
    /// Promises with their check-ins.
    pub promises: &'a [Promise],
    /// Course progress.
    pub progress: &'a LessonProgress,
    /// Other moments the user did something (trigger log, trap practice, assessments…), as stored times or days.
    pub other_activity: &'a [String],
    /// Days of "keeping trust alive" habit check-ins (YYYY-MM-DD), one entry per check-in.
    pub habit_days: &'a [String],
}

/// The mean of `count` values adding up to `sum`; 0 for none.
fn average(sum: f64, count: usize) -> f64 {
    if count == 0 {
        0.0
    } else {
        sum / count as f64
    }
}
