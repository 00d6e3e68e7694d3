//! Activity: the local days on which the user recorded something, and the streak of active days.

use super::{Clock, UserData, Window};
use crate::domain::calendar::Day;
use std::collections::BTreeSet;

/// Every local day on which the user recorded something.
pub fn active_days(data: &UserData, clock: &Clock) -> BTreeSet<String> {
    active_days_in(data, clock, &Window { from: None, to: clock.today.clone() })
}

/// The local days inside `window` on which the user recorded something. Stored times more than a day before the
/// window are skipped before they are read, so a short window over a long history stays cheap.
pub fn active_days_in(data: &UserData, clock: &Clock, window: &Window) -> BTreeSet<String> {
    // A UTC date is at most one day from the local one, so comparing the text's date with the day before the
    // window's first day keeps everything that can fall inside it.
    let earliest = window.from.as_deref().and_then(Day::parse).map(|first| (first - 1).to_string());
    let mut times: Vec<&str> = Vec::new();
    times.extend(data.journal.iter().filter(|r| !r.is_blank()).flat_map(|r| [r.created_at.as_str(), &r.updated_at]));
    for belief in data.beliefs {
        times.extend(belief.ratings.iter().map(|r| r.at.as_str()));
        times.extend(belief.evidence_for.iter().chain(&belief.evidence_against).map(|e| e.at.as_str()));
    }
    times.extend(data.people.iter().flat_map(|p| p.gut.iter().map(|g| g.at.as_str())));
    times.extend(data.observations.iter().map(|o| o.created_at.as_str()));
    for experiment in data.ladder.iter().flat_map(|s| &s.experiments) {
        times.push(&experiment.planned_at);
        times.extend(experiment.done_at.as_deref());
    }
    times.extend(data.promises.iter().flat_map(|p| p.checkins.iter().map(|c| c.at.as_str())));
    for lesson in data.progress.lessons.values() {
        times.extend(lesson.done_at.as_deref());
        times.extend(lesson.opened_at.as_deref());
    }
    times.extend(data.other_activity());
    times.extend(data.habit_days());
    times
        .into_iter()
        .filter(|t| earliest.as_deref().is_none_or(|e| t.get(0..10).is_some_and(|d| d >= e)))
        .filter_map(|t| clock.day_of(t))
        .filter(|d| window.contains(d))
        .collect()
}

/// Consecutive active days ending today — or ending yesterday while today has nothing yet, so the count does not
/// drop to zero in the morning. 0 when neither today nor yesterday was active.
pub fn active_streak(days: &BTreeSet<String>, today: &str) -> u32 {
    let Some(mut day) = Day::parse(today) else { return 0 };
    let has = |day: Day| days.contains(&day.to_string());
    if !has(day) {
        day = day - 1;
    }
    let mut streak = 0;
    while has(day) {
        streak += 1;
        day = day - 1;
    }
    streak
}
