//! Promises to myself (self-trust): one-off, daily or weekly promises, check-ins kept or missed, kept-rate and
//! streaks, and a self-compassion prompt for a missed one.

use crate::domain::calendar::Day;
use crate::domain::stable_sort::sort_stable_by;
use crate::storage::keys;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// How often a promise comes round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    /// Once, on or after the start day.
    #[default]
    Once,
    /// Every day.
    Daily,
    /// Once a week (Monday to Sunday).
    Weekly,
}

impl Recurrence {
    /// Every choice, as the form offers them.
    pub const ALL: [Recurrence; 3] = [Recurrence::Once, Recurrence::Daily, Recurrence::Weekly];

    /// A streak of `n` periods in words: "1 day", "3 weeks"; for a one-off promise "kept" (1) or "not yet".
    pub fn streak_words(self, n: u32) -> String {
        let n_usize = usize::try_from(n).unwrap_or(usize::MAX);
        match self {
            Recurrence::Daily => crate::domain::words::count_of(n_usize, "day", "days"),
            Recurrence::Weekly => crate::domain::words::count_of(n_usize, "week", "weeks"),
            Recurrence::Once if n == 1 => "kept".to_owned(),
            Recurrence::Once => "not yet".to_owned(),
        }
    }

    /// What the form calls it.
    pub fn label(self) -> &'static str {
        match self {
            Recurrence::Once => "Once",
            Recurrence::Daily => "Every day",
            Recurrence::Weekly => "Every week",
        }
    }

    /// The period a day falls in: the day itself (daily), its ISO week (weekly), or the single period (once).
    pub fn period_of(self, day: &str) -> Option<i64> {
        let day = Day::parse(day)?;
        Some(match self {
            Recurrence::Once => 0,
            Recurrence::Daily => day.number(),
            // Weeks counted from a Monday (1970-01-05 is day 4), so Monday–Sunday share one number.
            Recurrence::Weekly => (day.number() - 4).div_euclid(7),
        })
    }
}

/// One check-in: did I keep the promise in this period?
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckIn {
    /// The day checked in for (YYYY-MM-DD); for weekly promises any day of the week.
    pub day: String,
    /// Kept (`true`) or missed (`false`).
    pub kept: bool,
    /// An optional note.
    pub note: String,
    /// When the check-in was made (UTC, ISO 8601).
    pub at: String,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A promise to myself.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Promise {
    /// Stable random id.
    pub id: String,
    /// When it was made (UTC, ISO 8601).
    pub created_at: String,
    /// Last change (UTC, ISO 8601).
    pub updated_at: String,
    /// The promise, in the user's words.
    pub text: String,
    /// Once, daily or weekly.
    pub recurrence: Recurrence,
    /// The first day it applies (YYYY-MM-DD).
    pub start_day: String,
    /// Put away: no longer due, history kept.
    pub archived: bool,
    /// Check-ins, oldest day first; at most one per period.
    pub checkins: Vec<CheckIn>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::stored_record!(Promise, keys::PROMISES_PREFIX);

impl Promise {
    /// A new promise starting on `start_day`.
    pub fn new(id: String, text: &str, recurrence: Recurrence, start_day: &str, now: &str) -> Self {
        Promise {
            id,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            text: text.trim().to_owned(),
            recurrence,
            start_day: start_day.to_owned(),
            ..Default::default()
        }
    }

    /// Records kept or missed for the period holding `day`, replacing an earlier check-in for the same period
    /// (same day, same week, or — for a one-off — any). Returns `false` and changes nothing for an invalid day.
    pub fn check_in(&mut self, day: &str, kept: bool, note: &str, now: &str) -> bool {
        let Some(period) = self.recurrence.period_of(day) else {
            return false;
        };
        let recurrence = self.recurrence;
        self.checkins.retain(|c| recurrence.period_of(&c.day) != Some(period));
        self.checkins.push(CheckIn {
            day: day.to_owned(),
            kept,
            note: note.trim().to_owned(),
            at: now.to_owned(),
            ..Default::default()
        });
        sort_stable_by(&mut self.checkins, |a, b| a.day.cmp(&b.day));
        self.updated_at = now.to_owned();
        true
    }

    /// The check-in covering the period that holds `day`, if any.
    pub fn checkin_for(&self, day: &str) -> Option<&CheckIn> {
        let period = self.recurrence.period_of(day)?;
        self.checkins.iter().rev().find(|c| self.recurrence.period_of(&c.day) == Some(period))
    }

    /// True when the promise should be offered for a check-in on `day`: not archived, started, and not yet
    /// checked in for that day's period (a one-off stays due until it is checked in once).
    pub fn is_due(&self, day: &str) -> bool {
        let Some(today) = Day::parse(day) else {
            return false;
        };
        let started = Day::parse(&self.start_day).is_none_or(|start| today >= start);
        !self.archived && started && self.checkin_for(day).is_none()
    }

    /// Kept or missed per period, one entry per period (the latest check-in wins if two share one).
    fn by_period(&self) -> BTreeMap<i64, bool> {
        let mut ordered: Vec<&CheckIn> = self.checkins.iter().collect();
        sort_stable_by(&mut ordered, |a, b| a.at.cmp(&b.at));
        let mut periods = BTreeMap::new();
        for c in ordered {
            if let Some(period) = self.recurrence.period_of(&c.day) {
                periods.insert(period, c.kept);
            }
        }
        periods
    }

    /// `(kept, checked in)` over all periods; `None` before the first check-in.
    pub fn kept_rate(&self) -> Option<(usize, usize)> {
        let periods = self.by_period();
        let kept = periods.values().filter(|k| **k).count();
        (!periods.is_empty()).then_some((kept, periods.len()))
    }

    /// Consecutive periods kept up to `today`. Today's period, while not yet checked in, does not break it; a
    /// missed or skipped earlier period does. A one-off counts 1 once kept.
    pub fn current_streak(&self, today: &str) -> u32 {
        let periods = self.by_period();
        if self.recurrence == Recurrence::Once {
            return u32::from(periods.values().any(|k| *k));
        }
        let Some(now) = self.recurrence.period_of(today) else {
            return 0;
        };
        let mut streak = 0u32;
        let mut period = match periods.get(&now) {
            Some(false) => return 0,
            Some(true) => {
                streak = 1;
                now - 1
            }
            None => now - 1,
        };
        while periods.get(&period) == Some(&true) {
            streak += 1;
            period -= 1;
        }
        streak
    }

    /// The longest run of consecutive periods kept, ever.
    pub fn best_streak(&self) -> u32 {
        let periods = self.by_period();
        if self.recurrence == Recurrence::Once {
            return u32::from(periods.values().any(|k| *k));
        }
        let (mut best, mut run) = (0u32, 0u32);
        let mut previous: Option<i64> = None;
        for (&period, &kept) in &periods {
            run = match (kept, previous) {
                (false, _) => 0,
                (true, Some(p)) if p + 1 == period && run > 0 => run + 1,
                (true, _) => 1,
            };
            best = best.max(run);
            previous = Some(period);
        }
        best
    }
}

/// The promises to offer for a check-in on `day`, in the order given.
pub fn due_on<'a>(promises: &'a [Promise], day: &str) -> Vec<&'a Promise> {
    promises.iter().filter(|p| p.is_due(day)).collect()
}

/// The promises to offer for a check-in on `day`, oldest first (the order Today and the promises page list them).
pub fn due_in_order<'a>(promises: &'a [Promise], day: &str) -> Vec<&'a Promise> {
    let mut due = due_on(promises, day);
    sort_stable_by(&mut due, |a, b| a.created_at.cmp(&b.created_at));
    due
}

/// Small, kind promises to start with, and how often each suits.
pub const STARTER_PROMISES: [(&str, Recurrence); 8] = [
    ("Drink a glass of water when I get up", Recurrence::Daily),
    ("Go to bed at the time I chose", Recurrence::Daily),
    ("Take a ten-minute walk outside", Recurrence::Daily),
    ("Write one line about my day", Recurrence::Daily),
    ("Pause for three breaths before I reply when I feel upset", Recurrence::Daily),
    ("Do the one small task I have been putting off", Recurrence::Weekly),
    ("Say no once when I mean no", Recurrence::Weekly),
    ("Spend an hour on something I enjoy, just for me", Recurrence::Weekly),
];

/// Gentle prompts shown after a missed check-in, instead of a scolding.
pub const SELF_COMPASSION_PROMPTS: [&str; 7] = [
    "You missed this one — that's information, not failure. What got in the way?",
    "Everyone misses sometimes. Would a smaller version of this promise be easier to keep?",
    "What would you say to a friend who missed this? Try saying it to yourself.",
    "One missed day does not undo the days you kept it. What helped on those days?",
    "Was this promise the right size for this week? It is fine to make it smaller.",
    "Notice any harsh words you are using with yourself. Can you soften them a little?",
    "You came back and checked in honestly. That is keeping a promise to yourself too.",
];

/// A self-compassion prompt for a missed promise; `seed` (e.g. the day number) picks one so it varies.
pub fn prompt_for_missed(seed: usize) -> &'static str {
    SELF_COMPASSION_PROMPTS[seed % SELF_COMPASSION_PROMPTS.len()]
}

/// Calm lines for a promise just kept: a quiet acknowledgement, not a prize (no streak counting, no fanfare).
pub const KEPT_LINES: [&str; 5] = [
    "Kept. You did what you told yourself you would.",
    "Kept. Your word to yourself held today.",
    "Kept. A small promise kept is how trust in yourself grows.",
    "Kept. Take a moment to notice how that feels.",
    "Kept. Quietly done, and it counts.",
];

/// A line for a promise just kept; `seed` (e.g. the day number) picks one so it varies from day to day.
pub fn kept_line(seed: usize) -> &'static str {
    KEPT_LINES[seed % KEPT_LINES.len()]
}

/// What the check-in toast says after a miss: noted, without blame (the kind prompt is on the promise's card).
pub const MISSED_LINE: &str = "Noted as missed. That is honest, and it is fine.";
