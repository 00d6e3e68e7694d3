//! The week in words: what the last seven days held, counted, and said as Today says it.

use super::{active_days_in, average, Clock, UserData, Window};
use crate::domain::calendar::Day;
use crate::domain::journal::{RecordStatus, ThoughtRecord};
use crate::domain::people::{Direction, Observation};
use crate::domain::words::count_of;

/// The last seven days (today and the six before), counted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeekSummary {
    /// Days with anything recorded.
    pub active_days: usize,
    /// Thought records finished (by the day they happened).
    pub records_finished: usize,
    /// Average drop in feeling intensity over those records (positive = felt better), if any were re-rated.
    pub average_drop: Option<f64>,
    /// Promise check-ins kept.
    pub promises_kept: usize,
    /// Promise check-ins made.
    pub promises_checked: usize,
    /// Observations logged about people.
    pub observations: usize,
    /// Of those, how many built trust.
    pub observations_built: usize,
    /// Ladder experiments finished.
    pub experiments_done: usize,
    /// Of those, how many the feared outcome came true in.
    pub fears_came_true: usize,
    /// Beliefs re-rated.
    pub beliefs_rerated: usize,
    /// Lessons marked done.
    pub lessons_done: usize,
    /// Habit check-ins.
    pub habit_checkins: usize,
}

/// Counts what happened in the last seven days.
pub fn week_summary(data: &UserData, clock: &Clock) -> WeekSummary {
    let week_ago = Day::parse(&clock.today).map(|today| (today - 6).to_string());
    let window = Window { from: week_ago, to: clock.today.clone() };
    let inside = |t: &str| clock.day_of(t).is_some_and(|d| window.contains(&d));
    let finished: Vec<&ThoughtRecord> =
        data.journal.iter().filter(|r| r.status == RecordStatus::Complete && window.contains(&r.happened_on)).collect();
    let drops: Vec<f64> = finished.iter().filter_map(|r| r.average_drop()).collect();
    let checkins: Vec<bool> =
        data.promises.iter().flat_map(|p| &p.checkins).filter(|c| window.contains(&c.day)).map(|c| c.kept).collect();
    let observations: Vec<&Observation> =
        data.observations.iter().filter(|o| window.contains(&o.happened_on)).collect();
    let experiments: Vec<Option<bool>> = data
        .ladder
        .iter()
        .flat_map(|s| &s.experiments)
        .filter(|e| e.done_at.as_deref().is_some_and(inside))
        .map(|e| e.fear_came_true)
        .collect();
    WeekSummary {
        active_days: active_days_in(data, clock, &window).len(),
        records_finished: finished.len(),
        average_drop: (!drops.is_empty()).then(|| average(drops.iter().sum(), drops.len())),
        promises_kept: checkins.iter().filter(|k| **k).count(),
        promises_checked: checkins.len(),
        observations: observations.len(),
        observations_built: observations.iter().filter(|o| o.direction == Direction::Built).count(),
        experiments_done: experiments.len(),
        fears_came_true: experiments.iter().filter(|f| **f == Some(true)).count(),
        beliefs_rerated: data.beliefs.iter().filter(|b| b.ratings.iter().skip(1).any(|r| inside(&r.at))).count(),
        lessons_done: data.progress.lessons.values().filter(|l| l.done_at.as_deref().is_some_and(inside)).count(),
        habit_checkins: data.habit_days().filter(|d| window.contains(d)).count(),
    }
}

impl WeekSummary {
    /// True when nothing at all was recorded this week.
    pub fn is_empty(&self) -> bool {
        self.active_days == 0
    }

    /// The week in plain, kind sentences (the weekly review card). One gentle line when the week was quiet.
    pub fn sentences(&self) -> Vec<String> {
        if self.is_empty() {
            return vec![
                "A quiet week here. That is fine: whenever you are ready, one small step is enough.".to_owned()
            ];
        }
        let mut lines = vec![format!("You came back on {} of the last 7.", count_of(self.active_days, "day", "days"))];
        if self.records_finished > 0 {
            let mut line =
                format!("You worked through {}.", count_of(self.records_finished, "thought record", "thought records"));
            if let Some(drop) = self.average_drop {
                if drop >= 0.5 {
                    line = format!(
                        "You worked through {}; afterwards your feelings were {:.0} points less intense on average.",
                        count_of(self.records_finished, "thought record", "thought records"),
                        drop
                    );
                }
            }
            lines.push(line);
        }
        if self.promises_checked > 0 {
            lines.push(format!(
                "You kept {} of {} to yourself.",
                self.promises_kept,
                count_of(self.promises_checked, "promise check-in", "promise check-ins")
            ));
        }
        if self.observations > 0 {
            let built = how_many(
                self.observations,
                self.observations_built,
                ["it built trust", "it did not build trust", "none of them built trust", "all of them built trust"],
                |b| format!("{b} of them built trust"),
            );
            lines.push(format!(
                "You noticed {} about the people in your life; {built}.",
                count_of(self.observations, "thing", "things")
            ));
        }
        if self.experiments_done > 0 {
            let outcome = how_many(
                self.experiments_done,
                self.fears_came_true,
                [
                    "the outcome you feared came true",
                    "the outcome you feared did not come true",
                    "the outcome you feared came true in none of them",
                    "the outcome you feared came true in all of them",
                ],
                |k| format!("the outcome you feared came true in {k} of them"),
            );
            lines.push(format!(
                "You tried {}; {outcome}.",
                count_of(self.experiments_done, "small step", "small steps")
            ));
        }
        if self.beliefs_rerated > 0 {
            lines.push(format!("You re-rated {}.", count_of(self.beliefs_rerated, "belief", "beliefs")));
        }
        if self.lessons_done > 0 {
            lines.push(format!("You finished {}.", count_of(self.lessons_done, "lesson", "lessons")));
        }
        if self.habit_checkins > 0 {
            lines.push(format!("You checked in on your habits {}.", count_of(self.habit_checkins, "time", "times")));
        }
        lines
    }
}

/// How many of `total` things did something, in words: `[the one did, the one did not, none did, all did]`, or
/// `some(did)` for part of several.
fn how_many(total: usize, did: usize, words: [&str; 4], some: impl Fn(usize) -> String) -> String {
    match (total, did) {
        (1, 1) => words[0].to_owned(),
        (1, _) => words[1].to_owned(),
        (_, 0) => words[2].to_owned(),
        (n, k) if n == k => words[3].to_owned(),
        (_, k) => some(k),
    }
}
