//! Thinking-trap practice history: every answer, and scores over time.

use super::merge::Merge;
use crate::domain::stable_sort::sort_stable_by;
use crate::storage::{keys, Stored, Versioned};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One practice answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PracticeAttempt {
    /// When (UTC, ISO 8601).
    pub at: String,
    /// Which practice item (index into the practice set).
    pub item: usize,
    /// Whether every trap was found and nothing else picked.
    pub right: bool,
}

/// All practice answers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PracticeHistory {
    /// Answers, oldest first.
    pub attempts: Vec<PracticeAttempt>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Versioned for PracticeHistory {
    const SCHEMA: u32 = 1;
}

impl Stored for PracticeHistory {
    const KEY: &'static str = keys::TRAP_PRACTICE;
    /// Every answer carries its own time (merged answer by answer): nothing to stamp on the whole.
    fn touch(&mut self, _now: &str) {}
}

/// A day's practice: how many answered and how many right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayScore {
    /// The day (YYYY-MM-DD, UTC).
    pub day: String,
    /// Answers that day.
    pub answered: usize,
    /// Right answers that day.
    pub right: usize,
}

impl PracticeHistory {
    /// Records an answer.
    pub fn record(&mut self, item: usize, right: bool, now: &str) {
        self.attempts.push(PracticeAttempt { at: now.to_owned(), item, right });
    }

    /// Scores per day, oldest first.
    pub fn by_day(&self) -> Vec<DayScore> {
        let mut days: Vec<DayScore> = Vec::new();
        for attempt in &self.attempts {
            let day = attempt.at.get(..10).unwrap_or(&attempt.at).to_owned();
            match days.iter_mut().find(|d| d.day == day) {
                Some(d) => {
                    d.answered += 1;
                    d.right += usize::from(attempt.right);
                }
                None => days.push(DayScore { day, answered: 1, right: usize::from(attempt.right) }),
            }
        }
        sort_stable_by(&mut days, |a, b| a.day.cmp(&b.day));
        days
    }

    /// The next item to practise: the first never answered right, else the one answered longest ago.
    pub fn next_item(&self, item_count: usize) -> usize {
        if item_count == 0 {
            return 0;
        }
        (0..item_count).find(|i| !self.attempts.iter().any(|a| a.item == *i && a.right)).unwrap_or_else(|| {
            (0..item_count)
                .min_by_key(|i| self.attempts.iter().filter(|a| a.item == *i).map(|a| a.at.clone()).max())
                .unwrap_or(0)
        })
    }
}

impl Merge for PracticeHistory {
    fn merge(mut self, other: Self) -> Self {
        for attempt in other.attempts {
            if !self.attempts.contains(&attempt) {
                self.attempts.push(attempt);
            }
        }
        sort_stable_by(&mut self.attempts, |a, b| a.at.cmp(&b.at));
        for (field, value) in other.extra {
            self.extra.entry(field).or_insert(value);
        }
        self
    }
}
