//! Which lessons the user has opened and finished.

use super::merge::Merge;
use crate::storage::{keys, Stored, Versioned};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The state of one lesson.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LessonState {
    /// When it was marked done; `None` when not done (or marked not done again).
    pub done_at: Option<String>,
    /// When it was last opened.
    pub opened_at: Option<String>,
    /// Last change to this lesson's state; the newer change wins when merging.
    pub updated_at: String,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Progress through the course, by lesson slug.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LessonProgress {
    /// Per-lesson state, keyed by lesson slug.
    pub lessons: BTreeMap<String, LessonState>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Versioned for LessonProgress {
    const SCHEMA: u32 = 1;
}

impl Stored for LessonProgress {
    const KEY: &'static str = keys::LESSON_PROGRESS;
    /// Every lesson's state carries its own time (merged lesson by lesson): nothing to stamp on the whole.
    fn touch(&mut self, _now: &str) {}
}

impl LessonProgress {
    /// True when the lesson is marked done.
    pub fn is_done(&self, slug: &str) -> bool {
        self.lessons.get(slug).is_some_and(|s| s.done_at.is_some())
    }

    /// Marks a lesson done or not done at time `now`.
    pub fn set_done(&mut self, slug: &str, done: bool, now: &str) {
        let state = self.lessons.entry(slug.to_owned()).or_default();
        state.done_at = done.then(|| now.to_owned());
        state.updated_at = now.to_owned();
    }

    /// Records that a lesson was opened at time `now`.
    pub fn opened(&mut self, slug: &str, now: &str) {
        let state = self.lessons.entry(slug.to_owned()).or_default();
        state.opened_at = Some(now.to_owned());
        state.updated_at = now.to_owned();
    }

    /// The most recently opened lesson, for "Continue where you left off".
    pub fn last_opened(&self) -> Option<&str> {
        self.lessons
            .iter()
            .filter_map(|(slug, s)| s.opened_at.as_deref().map(|at| (at, slug)))
            .max()
            .map(|(_, slug)| slug.as_str())
    }

    /// How many of the given lessons are done.
    pub fn done_count<'a>(&self, slugs: impl IntoIterator<Item = &'a str>) -> usize {
        slugs.into_iter().filter(|s| self.is_done(s)).count()
    }
}

impl Merge for LessonProgress {
    fn merge(mut self, other: Self) -> Self {
        for (slug, theirs) in other.lessons {
            match self.lessons.get(&slug) {
                Some(ours) if ours.updated_at >= theirs.updated_at => {}
                _ => {
                    self.lessons.insert(slug, theirs);
                }
            }
        }
        for (field, value) in other.extra {
            self.extra.entry(field).or_insert(value);
        }
        self
    }
}
