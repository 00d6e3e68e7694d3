//! What Today and Progress show from everything recorded, by concern: the date ranges and buckets
//! ([`periods`]), the active days and their streak ([`streaks`]), the week in words ([`week`]), the series
//! behind every chart ([`series`]), chart axes ([`axes`]) and what each chart says in words ([`sentences`]).
//! Pure functions over plain slices, so each is tested natively; everything is used as `insights::…`.

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

pub use super::collection_table::UserData;

impl<'a> UserData<'a> {
    /// Moments the user did something that the charts do not show (trigger log, trap practice, self-assessments,
    /// worksheets with something written), as stored times.
    pub fn other_activity(&self) -> impl Iterator<Item = &'a str> {
        let worksheets = self.worksheets.iter().filter(|w| !w.is_blank());
        (self.triggers.iter().map(|t| t.created_at.as_str()))
            .chain(self.trap_practice.attempts.iter().map(|a| a.at.as_str()))
            .chain(self.assessments.iter().map(|r| r.created_at.as_str()))
            .chain(worksheets.flat_map(|w| [w.created_at.as_str(), w.updated_at.as_str()]))
    }

    /// The day (YYYY-MM-DD) of every "keeping trust alive" habit check-in, one per check-in.
    pub fn habit_days(&self) -> impl Iterator<Item = &'a str> {
        let habits = self.worksheets.iter().filter(|w| w.worksheet == HABITS_WORKSHEET);
        habits.flat_map(|w| w.checkins.iter().map(|c| c.day.as_str()))
    }
}

/// The mean of `count` values adding up to `sum`; 0 for none.
fn average(sum: f64, count: usize) -> f64 {
    if count == 0 {
        0.0
    } else {
        sum / count as f64
    }
}
