//! Today's one suggested next step, chosen by plain rules from the user's own records, and the per-day
//! "not today" dismissals.
//!
//! Priority, first match wins (each rule can offer several candidates; dismissed ones are skipped):
//! 1. a promise due today — it only counts today;
//! 2. a ladder experiment waiting for its "after" — something already tried out in life, worth writing down
//!    while it is fresh (oldest first) — unless the user said they may not be safe with that person;
//! 3. an unfinished thought-record draft (most recently touched first);
//! 4. an unfinished worksheet (most recently touched first), leaving out copies set aside for safety;
//! 5. a belief not re-rated for [`RERATE_AFTER_DAYS`] days (longest-waiting first);
//! 6. the next lesson: the one last opened if not done, else the first not done in course order.

use super::calendar::Day;
use super::insights::{Clock, UserData, HABITS_WORKSHEET};
use super::journal::RecordStatus;
use super::ladder::waiting_for_after;
use super::promises::due_on;
use super::repair_safety::may_suggest_repair;
use super::worksheets::WorksheetEntry;
use crate::domain::stable_sort::{sort_stable_by, sort_stable_by_key};
use serde::{Deserialize, Serialize};

/// A belief is suggested for re-rating after this many days without a rating.
pub const RERATE_AFTER_DAYS: i64 = 14;

/// A worksheet started but not finished, as the worksheets report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnfinishedWorksheet {
    /// Stable id of the saved worksheet.
    pub id: String,
    /// The worksheet's name.
    pub title: String,
    /// Where to resume it.
    pub href: String,
    /// Last change (UTC, ISO 8601).
    pub updated_at: String,
}

/// The worksheets started and not marked done, as Today offers them: not blank, not the habits check-in (an
/// ongoing log with nothing to finish), and not a copy whose safety question was answered *Yes* or *I'm not
/// sure* (Today never nudges toward repair, or a limit, with someone the user may not be safe with). `title_of`
/// names a worksheet by its slug (the exercise catalogue).
pub fn unfinished_worksheets(
    entries: &[WorksheetEntry],
    title_of: impl Fn(&str) -> Option<&'static str>,
) -> Vec<UnfinishedWorksheet> {
    entries
        .iter()
        .filter(|e| !e.is_done() && !e.is_blank() && e.worksheet != HABITS_WORKSHEET && may_suggest_repair(e.safety))
        .map(|e| {
            let name = title_of(&e.worksheet).unwrap_or("a worksheet");
            let title = e.title.trim();
            UnfinishedWorksheet {
                id: e.id.clone(),
                title: if title.is_empty() { name.to_owned() } else { format!("{name}: {}", preview(title)) },
                href: format!("/practice/{}?entry={}", e.worksheet, e.id),
                updated_at: e.updated_at.clone(),
            }
        })
        .collect()
}

/// One suggestion for Today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// Promises still to check in for today.
    CheckInPromises {
        /// How many are due.
        due: usize,
        /// The first one's words.
        first: String,
    },
    /// A ladder experiment waiting for what happened.
    FinishExperiment {
        /// The person, by id.
        person_id: String,
        /// The person's name.
        person: String,
        /// The ladder step's title.
        step: String,
        /// The experiment's id.
        experiment_id: String,
    },
    /// A thought record draft to finish.
    ResumeDraft {
        /// The record's id.
        id: String,
        /// Its automatic thought or situation, as far as written.
        preview: String,
    },
    /// A worksheet to finish.
    ResumeWorksheet(UnfinishedWorksheet),
    /// A belief to re-rate.
    RerateBelief {
        /// The belief's id.
        id: String,
        /// Its words.
        statement: String,
        /// Days since it was last rated.
        days: i64,
    },
    /// The next lesson.
    ReadLesson {
        /// Its slug.
        slug: String,
        /// True when it was opened before and not finished.
        continuing: bool,
    },
}

impl NextStep {
    /// The key a dismissal is stored under: the kind and, where it names one thing, that thing's id.
    pub fn key(&self) -> String {
        match self {
            NextStep::CheckInPromises { .. } => "promises".to_owned(),
            NextStep::FinishExperiment { experiment_id, .. } => format!("experiment:{experiment_id}"),
            NextStep::ResumeDraft { id, .. } => format!("draft:{id}"),
            NextStep::ResumeWorksheet(w) => format!("worksheet:{}", w.id),
            NextStep::RerateBelief { id, .. } => format!("belief:{id}"),
            NextStep::ReadLesson { slug, .. } => format!("lesson:{slug}"),
        }
    }

    /// Where the suggestion's button leads.
    pub fn href(&self) -> String {
        match self {
            NextStep::CheckInPromises { .. } => "/practice/promises".to_owned(),
            NextStep::FinishExperiment { person_id, .. } => format!("/people/{person_id}#ladder"),
            NextStep::ResumeDraft { id, .. } => format!("/journal/{id}/edit"),
            NextStep::ResumeWorksheet(w) => w.href.clone(),
            NextStep::RerateBelief { .. } => "/practice/belief-tracker".to_owned(),
            NextStep::ReadLesson { slug, .. } => format!("/learn/{slug}"),
        }
    }
}

/// The suggestions dismissed for one day ("not today"); stored in settings, forgotten the next day.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Dismissed {
    /// The day the dismissals are for (YYYY-MM-DD).
    pub day: String,
    /// Keys ([`NextStep::key`]) dismissed that day.
    pub keys: Vec<String>,
}

impl Dismissed {
    /// True when `key` was dismissed on `today`.
    pub fn contains(&self, key: &str, today: &str) -> bool {
        self.day == today && self.keys.iter().any(|k| k == key)
    }

    /// Dismisses `key` for `today` (earlier days' dismissals are dropped).
    pub fn dismiss(&mut self, key: &str, today: &str) {
        if self.day != today {
            self.day = today.to_owned();
            self.keys.clear();
        }
        if !self.keys.iter().any(|k| k == key) {
            self.keys.push(key.to_owned());
        }
    }
}

/// Shortens user text for a one-line preview (on a character boundary).
fn preview(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// Every candidate, in priority order (see the module docs). `lessons` is the course order of lesson slugs.
pub fn candidates(
    data: &UserData,
    worksheets: &[UnfinishedWorksheet],
    lessons: &[&str],
    clock: &Clock,
) -> Vec<NextStep> {
    let today = clock.today.as_str();
    let mut steps = Vec::new();

    let due = due_on(data.promises, today);
    if let Some(first) = due.iter().min_by(|a, b| a.created_at.cmp(&b.created_at)) {
        steps.push(NextStep::CheckInPromises { due: due.len(), first: first.text.clone() });
    }

    for (step, experiment) in waiting_for_after(data.ladder) {
        // Never a nudge toward an experiment with someone the user said they may not be safe with.
        let person = data.people.iter().find(|p| p.id == step.person_id && may_suggest_repair(p.safety));
        if let Some(person) = person {
            steps.push(NextStep::FinishExperiment {
                person_id: person.id.clone(),
                person: person.name.clone(),
                step: step.title.clone(),
                experiment_id: experiment.id.clone(),
            });
        }
    }

    let mut drafts: Vec<_> = data.journal.iter().filter(|r| r.status == RecordStatus::Draft && !r.is_blank()).collect();
    sort_stable_by(&mut drafts, |a, b| b.updated_at.cmp(&a.updated_at));
    steps.extend(drafts.into_iter().map(|r| NextStep::ResumeDraft {
        id: r.id.clone(),
        preview: preview(if r.thought.trim().is_empty() { &r.situation } else { &r.thought }),
    }));

    let mut sheets: Vec<&UnfinishedWorksheet> = worksheets.iter().collect();
    sort_stable_by(&mut sheets, |a, b| b.updated_at.cmp(&a.updated_at));
    steps.extend(sheets.into_iter().cloned().map(NextStep::ResumeWorksheet));

    if let Some(today) = Day::parse(today) {
        let limit = today - RERATE_AFTER_DAYS;
        let mut stale: Vec<(i64, NextStep)> = data
            .beliefs
            .iter()
            .filter_map(|b| {
                let last = clock.local_day(b.last_rated()?)?;
                (last <= limit).then(|| {
                    let days = today - last;
                    (days, NextStep::RerateBelief { id: b.id.clone(), statement: preview(&b.statement), days })
                })
            })
            .collect();
        sort_stable_by_key(&mut stale, |s| std::cmp::Reverse(s.0));
        steps.extend(stale.into_iter().map(|(_, s)| s));
    }

    let progress = data.progress;
    let continuing = progress.last_opened().filter(|s| !progress.is_done(s) && lessons.contains(s));
    if let Some(slug) = continuing {
        steps.push(NextStep::ReadLesson { slug: slug.to_owned(), continuing: true });
    }
    if let Some(slug) = lessons.iter().find(|s| !progress.is_done(s) && Some(**s) != continuing) {
        steps.push(NextStep::ReadLesson { slug: (*slug).to_owned(), continuing: false });
    }
    steps
}

/// The one suggestion to show today: the first candidate not dismissed today; `None` when there is nothing
/// left (everything done or dismissed).
pub fn next_step(
    data: &UserData,
    worksheets: &[UnfinishedWorksheet],
    lessons: &[&str],
    clock: &Clock,
    dismissed: &Dismissed,
) -> Option<NextStep> {
    candidates(data, worksheets, lessons, clock).into_iter().find(|s| !dismissed.contains(&s.key(), &clock.today))
}

/// True for someone who has not recorded anything yet (no lesson opened, nothing written): Today then shows the
/// first-run path instead of empty widgets.
pub fn is_new_user(data: &UserData) -> bool {
    data.progress.lessons.is_empty()
        && data.journal.iter().all(|r| r.is_blank())
        && data.beliefs.is_empty()
        && data.people.is_empty()
        && data.promises.is_empty()
        && data.other_activity().next().is_none()
        && data.habit_days().next().is_none()
}
