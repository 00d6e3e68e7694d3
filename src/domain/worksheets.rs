//! Worksheets: one record type and one set of rules for every worksheet of the Practice hub. What each worksheet
//! asks is data ([`WorksheetDef`], in `worksheet_defs`); a filled-in copy is a [`WorksheetEntry`], one per
//! situation or person, stored under its own key.

use super::calendar::Day;
use super::repair_safety::{RepairView, SafetyAnswer};
use super::safety_plan;
use crate::domain::stable_sort::sort_stable_by;
use crate::storage::keys;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One option of a choice field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// What is stored.
    pub value: &'static str,
    /// What the user reads.
    pub label: &'static str,
}

/// What kind of answer a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text.
    Line,
    /// A text area.
    Text,
    /// One of a few options (radio buttons).
    Choice {
        /// The options, in order.
        choices: &'static [Choice],
        /// The value that holds until the user picks one (shown selected), for a choice that is a setting
        /// with a sensible answer already ("Every day"); `None` for a question the user answers, which stays
        /// unselected until they do.
        default: Option<&'static str>,
    },
    /// A checklist step that can be ticked; with `notes`, dated notes can be added to it.
    Step {
        /// Whether dated notes can be added.
        notes: bool,
    },
    /// A log of dated entries (for example each time a boundary was tested).
    Log,
    /// The message builder (observation, feeling, need, request; see `message`).
    Message,
    /// Check-ins on the five habits of keeping trust, with their history.
    HabitCheckIns,
}

/// One question or checklist step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Key of the answer in the entry (unique within the worksheet, safe in an element id).
    pub key: &'static str,
    /// The question or step.
    pub label: &'static str,
    /// A short hint or example; empty for none.
    pub hint: &'static str,
    /// What kind of answer it takes.
    pub kind: FieldKind,
}

/// A part of a worksheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// Its heading.
    pub title: &'static str,
    /// A sentence or two before the fields; empty for none.
    pub intro: &'static str,
    /// Points to keep in mind, shown as a list.
    pub points: &'static [&'static str],
    /// Shown only while the choice field `.0` holds one of `.1`.
    pub shown_when: Option<(&'static str, &'static [&'static str])>,
    /// The questions and steps.
    pub fields: &'static [Field],
    /// A text composed from the answers, `{key}` standing for an answer (see [`fill_template`]).
    pub template: Option<&'static str>,
    /// What the worksheet's safety question does to this part (nothing in a worksheet without one).
    pub safety: SectionSafety,
}

/// What a worksheet's "are you safe with this person?" answer does to one of its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionSafety {
    /// Shown whatever the answer (once it is answered).
    Any,
    /// A repair step (couples therapy, seeing their side, reconnecting): shown only when the answer is *No*.
    RepairOnly,
    /// Shown whatever the answer; while the repair steps are set aside, this caution is shown first.
    Caution(&'static str),
}

/// The safety question a worksheet asks before its parts, and the sentence its safety route adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SafetyCheck {
    /// The question, in this worksheet's words (usually [`crate::domain::repair_safety::QUESTION`]).
    pub question: &'static str,
    /// What the safety route says about this worksheet when the answer is *Yes* or *I'm not sure*, one
    /// paragraph each.
    pub route: &'static [&'static str],
}

/// What a worksheet asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorksheetDef {
    /// The exercise slug (`/practice/<slug>`); stored in each entry.
    pub slug: &'static str,
    /// What one copy is about, singular and plural ("boundary", "boundaries").
    pub noun: (&'static str, &'static str),
    /// The button that starts a copy, in this worksheet's own words: the first one, and another once there is one
    /// ("Start a check-in for a relationship", "Start a check-in for another relationship").
    pub start: (&'static str, &'static str),
    /// One sentence under the introduction saying what a copy of this worksheet is for.
    pub copies: &'static str,
    /// Label of the name field of a copy.
    pub title_label: &'static str,
    /// Hint under the name field.
    pub title_hint: &'static str,
    /// A short introduction shown above the list.
    pub intro: &'static str,
    /// The parts, in order.
    pub sections: &'static [Section],
    /// The "are you safe with this person?" question asked before the parts, for a worksheet about repairing or
    /// continuing a relationship; `None` for the others.
    pub safety: Option<SafetyCheck>,
}

/// A note with the day it was written.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DatedNote {
    /// When (UTC, ISO 8601).
    pub at: String,
    /// The note, exactly as typed.
    pub text: String,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One check-in on the five habits.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct HabitCheckIn {
    /// When it was saved (UTC, ISO 8601).
    pub at: String,
    /// The user's day it is for (YYYY-MM-DD, local).
    pub day: String,
    /// How each habit went, by habit key: 0 not really, 1 partly, 2 yes.
    pub ratings: BTreeMap<String, u8>,
    /// A note, exactly as typed.
    pub note: String,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One filled-in copy of a worksheet.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WorksheetEntry {
    /// Stable random id.
    pub id: String,
    /// When it was started (UTC, ISO 8601).
    pub created_at: String,
    /// Last change (UTC, ISO 8601).
    pub updated_at: String,
    /// Which worksheet (its slug).
    pub worksheet: String,
    /// What or who this copy is about, in the user's words.
    pub title: String,
    /// Text and choice answers by field key.
    pub answers: BTreeMap<String, String>,
    /// Ticked steps: field key → the day it was ticked (YYYY-MM-DD, local).
    pub ticked: BTreeMap<String, String>,
    /// Dated notes and log entries by field key, oldest first.
    pub notes: BTreeMap<String, Vec<DatedNote>>,
    /// Habit check-ins, oldest first.
    pub checkins: Vec<HabitCheckIn>,
    /// When it was marked done (UTC); `None` while in progress.
    pub done_at: Option<String>,
    /// The answer to the worksheet's safety question ([`WorksheetDef::safety`]); `None` until answered (and in
    /// copies saved before the question was asked, which then ask it).
    pub safety: Option<SafetyAnswer>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::stored_record!(WorksheetEntry, keys::WORKSHEETS_PREFIX);

/// How much of a worksheet is filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completion {
    /// Questions answered and steps ticked (in the parts shown).
    pub answered: usize,
    /// Questions and steps in the parts shown.
    pub total: usize,
}

impl Completion {
    /// Whole percent, 0–100.
    pub fn percent(self) -> usize {
        (self.answered * 100).checked_div(self.total).unwrap_or(0)
    }
}

/// Why a worksheet cannot be marked done yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoneProblem {
    /// Nothing has been written or ticked.
    Empty,
}

impl DoneProblem {
    /// The message shown.
    pub fn message(self) -> &'static str {
        match self {
            DoneProblem::Empty => "Write or tick at least one thing first; then you can mark it done.",
        }
    }
}

/// The message builder's parts, stored as answers under these keys.
pub const MESSAGE_KEYS: [&str; 4] = ["observation", "feeling", "need", "request"];

impl WorksheetDef {
    /// What this copy shows, as far as safety goes: `None` for a worksheet without a safety question.
    pub fn repair_view(&self, entry: &WorksheetEntry) -> Option<RepairView> {
        self.safety.map(|_| RepairView::of(entry.safety))
    }

    /// Whether the progress line, its bar and "Mark as done" are shown for this copy (in the editor, and the
    /// "filled in" count in the list): not while its safety question is unanswered, so nothing counts toward
    /// finishing a plan before the user has said whether they are safe. Always in a worksheet without one.
    pub fn shows_progress(&self, entry: &WorksheetEntry) -> bool {
        self.repair_view(entry) != Some(RepairView::Ask)
    }

    /// Whether a part is shown for this entry. In a worksheet with a safety question, no part shows until it is
    /// answered, and repair parts only while the answer is *No*. Parts tied to a choice show once that choice
    /// is made.
    pub fn section_shown(&self, section: &Section, entry: &WorksheetEntry) -> bool {
        let safe_enough = match self.repair_view(entry) {
            None | Some(RepairView::Repair) => true,
            Some(RepairView::Ask) => false,
            Some(RepairView::SafetyRoute(_)) => section.safety != SectionSafety::RepairOnly,
        };
        safe_enough && self.section_applies(section, entry)
    }

    /// Whether a part applies to this entry by its choice condition alone (a part tied to a choice applies once
    /// that choice is made), whatever the safety answer: readable copies use this, so an export holds
    /// everything the user wrote.
    pub fn section_applies(&self, section: &Section, entry: &WorksheetEntry) -> bool {
        match section.shown_when {
            None => true,
            Some((key, values)) => self.answer_or_default(key, entry).is_some_and(|v| values.contains(&v)),
        }
    }

    /// The caution shown first in a part while the repair steps are set aside, if it has one.
    pub fn section_caution(&self, section: &Section, entry: &WorksheetEntry) -> Option<&'static str> {
        match (section.safety, self.repair_view(entry)) {
            (SectionSafety::Caution(text), Some(RepairView::SafetyRoute(_))) => Some(text),
            _ => None,
        }
    }

    /// The answer under `key`, or the field's default while the user has not picked one.
    pub fn answer_or_default<'a>(&self, key: &str, entry: &'a WorksheetEntry) -> Option<&'a str> {
        entry.answer(key).or_else(|| match self.field(key).map(|f| f.kind) {
            Some(FieldKind::Choice { default, .. }) => default,
            _ => None,
        })
    }

    /// Answered and total questions over the parts shown. A choice with a default is a setting that always
    /// has a value, not a question, so it counts neither way.
    pub fn completion(&self, entry: &WorksheetEntry) -> Completion {
        // The safety question is a question like any other.
        let mut done = match self.safety {
            Some(_) => Completion { answered: usize::from(entry.safety.is_some()), total: 1 },
            None => Completion { answered: 0, total: 0 },
        };
        for section in self.sections.iter().filter(|s| self.section_shown(s, entry)) {
            for field in section.fields {
                let (answered, total) = if self.slug == safety_plan::SLUG && field.key == safety_plan::LINES_FIELD {
                    // The lines a new plan starts with are not the user's yet.
                    (usize::from(safety_plan::lines_written(entry)), 1)
                } else {
                    field_completion(field, entry)
                };
                done.answered += answered;
                done.total += total;
            }
        }
        done
    }

    /// A field by key.
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.sections.iter().flat_map(|s| s.fields.iter()).find(|f| f.key == key)
    }

    /// The label of a choice field's stored value (the value itself if unknown).
    pub fn choice_label<'a>(&self, key: &str, value: &'a str) -> &'a str {
        match self.field(key).map(|f| f.kind) {
            Some(FieldKind::Choice { choices, .. }) => {
                choices.iter().find(|c| c.value == value).map_or(value, |c| c.label)
            }
            _ => value,
        }
    }

    /// "2 boundaries, 1 done" for the Practice hub; `None` when there are none yet.
    /// The label of the button that starts a copy, given whether the user has one already.
    pub fn start_label(&self, has_copies: bool) -> &'static str {
        if has_copies {
            self.start.1
        } else {
            self.start.0
        }
    }

    /// One line of progress for the Practice hub ("2 hurts, 1 done"), or `None` before the first copy.
    pub fn progress_line(&self, entries: &[WorksheetEntry]) -> Option<String> {
        let mine: Vec<&WorksheetEntry> = entries.iter().filter(|e| e.worksheet == self.slug).collect();
        if mine.is_empty() {
            return None;
        }
        let done = mine.iter().filter(|e| e.is_done()).count();
        Some(format!("{}, {done} done", count_of(mine.len(), self.noun.0, self.noun.1)))
    }
}

/// (answered, total) for one field.
fn field_completion(field: &Field, entry: &WorksheetEntry) -> (usize, usize) {
    match field.kind {
        FieldKind::Choice { default: Some(_), .. } => (0, 0),
        FieldKind::Line | FieldKind::Text | FieldKind::Choice { .. } => {
            (usize::from(entry.answer(field.key).is_some()), 1)
        }
        FieldKind::Step { .. } => (usize::from(entry.ticked.contains_key(field.key)), 1),
        FieldKind::Log => (usize::from(entry.notes.get(field.key).is_some_and(|n| !n.is_empty())), 1),
        FieldKind::Message => (MESSAGE_KEYS.iter().filter(|k| entry.answer(k).is_some()).count(), MESSAGE_KEYS.len()),
        FieldKind::HabitCheckIns => (usize::from(!entry.checkins.is_empty()), 1),
    }
}

pub use super::words::count_of;

impl WorksheetEntry {
    /// A new, empty copy of a worksheet.
    pub fn new(id: String, worksheet: &str, now: &str) -> Self {
        WorksheetEntry {
            id,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            worksheet: worksheet.to_owned(),
            ..Default::default()
        }
    }

    /// The answer under `key`, if it is not blank (returned exactly as typed).
    pub fn answer(&self, key: &str) -> Option<&str> {
        self.answers.get(key).map(String::as_str).filter(|a| !a.trim().is_empty())
    }

    /// Sets an answer, keeping the text exactly as typed.
    pub fn set_answer(&mut self, key: &str, text: String) {
        self.answers.insert(key.to_owned(), text);
    }

    /// Ticks a step on `day` or unticks it.
    pub fn tick(&mut self, key: &str, ticked: bool, day: &str) {
        if ticked {
            self.ticked.insert(key.to_owned(), day.to_owned());
        } else {
            self.ticked.remove(key);
        }
    }

    /// Adds a dated note to a step or log; a blank note is ignored (returns whether it was added).
    pub fn add_note(&mut self, key: &str, text: &str, now: &str) -> bool {
        if text.trim().is_empty() {
            return false;
        }
        let note = DatedNote { at: now.to_owned(), text: text.to_owned(), ..Default::default() };
        self.notes.entry(key.to_owned()).or_default().push(note);
        true
    }

    /// Removes the note of `key` written at `at`.
    pub fn remove_note(&mut self, key: &str, at: &str) {
        if let Some(notes) = self.notes.get_mut(key) {
            notes.retain(|n| n.at != at);
            if notes.is_empty() {
                self.notes.remove(key);
            }
        }
    }

    /// True while nothing at all has been written, ticked or checked in (such a copy is not saved).
    pub fn is_blank(&self) -> bool {
        self.title.trim().is_empty()
            && self.answers.values().all(|a| a.trim().is_empty())
            && self.ticked.is_empty()
            && self.notes.values().all(Vec::is_empty)
            && self.checkins.is_empty()
            && self.safety.is_none()
    }

    /// Whether it has been marked done.
    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }

    /// Marks it done (it stays editable), or says why not yet.
    pub fn mark_done(&mut self, now: &str) -> Result<(), DoneProblem> {
        if self.is_blank() {
            return Err(DoneProblem::Empty);
        }
        self.done_at = Some(now.to_owned());
        Ok(())
    }

    /// Puts it back in progress.
    pub fn reopen(&mut self) {
        self.done_at = None;
    }

    /// Its name, or a fallback naming the day it was started.
    pub fn display_title(&self, started_on: &str) -> String {
        let title = self.title.trim();
        if title.is_empty() {
            format!("Untitled, started {started_on}")
        } else {
            self.title.clone()
        }
    }
}

/// What a composed text shows for a question not answered yet.
pub const NOT_WRITTEN: &str = "[not written yet]";
/// What a composed text shows for a choice not made yet.
pub const NOT_CHOSEN: &str = "[not chosen yet]";

/// Fills `{key}` placeholders with answers (choice values shown by their labels); an empty answer shows as
/// [`NOT_WRITTEN`] (or [`NOT_CHOSEN`] for a choice), so the gap is plain to see.
pub fn fill_template(template: &str, def: &WorksheetDef, entry: &WorksheetEntry) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let key = &after[..end];
                match def.answer_or_default(key, entry).map(|a| trim_end_punctuation(def.choice_label(key, a))) {
                    Some(answer) if !answer.is_empty() => out.push_str(answer),
                    _ if matches!(def.field(key).map(|f| f.kind), Some(FieldKind::Choice { .. })) => {
                        out.push_str(NOT_CHOSEN);
                    }
                    _ => out.push_str(NOT_WRITTEN),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Trims whitespace and a final full stop, so an answer can sit inside a sentence.
pub fn trim_end_punctuation(text: &str) -> &str {
    text.trim().trim_end_matches(['.', '!', '?', ',', ';']).trim_end()
}

/// The five habits of keeping trust: key, name, the question asked.
pub const HABITS: [(&str, &str, &str); 5] = [
    ("consistent", "Consistent", "Did I act the way I usually do, so I was easy to rely on?"),
    ("honest", "Honest", "Did I say what is true, including the small, awkward things?"),
    ("transparent", "Transparent", "Did I share what the other person would want to know?"),
    ("respectful", "Respectful", "Did I treat their time, feelings and limits with care?"),
    ("accountable", "Accountable", "When I got something wrong, did I own it and put it right?"),
];

/// The answers a habit can get, by rating.
pub const HABIT_RATINGS: [&str; 3] = ["Not really", "Partly", "Yes"];

/// How often check-ins are meant to happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rhythm {
    /// One a day.
    Daily,
    /// One a week.
    Weekly,
}

impl Rhythm {
    /// A run of `n` periods in words: "1 day", "4 days", "1 week", "2 weeks".
    pub fn run_words(self, n: usize) -> String {
        match self {
            Rhythm::Daily => crate::domain::words::count_of(n, "day", "days"),
            Rhythm::Weekly => crate::domain::words::count_of(n, "week", "weeks"),
        }
    }

    /// From the stored choice ("weekly" or anything else, which means daily).
    pub fn from_answer(answer: Option<&str>) -> Rhythm {
        if answer == Some("weekly") {
            Rhythm::Weekly
        } else {
            Rhythm::Daily
        }
    }

    /// Whether two days fall in the same period (same day, or same ISO week).
    pub fn same_period(self, a: &str, b: &str) -> bool {
        match self {
            Rhythm::Daily => a == b,
            Rhythm::Weekly => {
                let week = |day: &str| Day::parse(day).map(Day::iso_week);
                week(a).is_some() && week(a) == week(b)
            }
        }
    }
}

impl WorksheetEntry {
    /// Records a check-in for `day`. A second check-in in the same period (day or week) updates that one, so
    /// the history holds one per period. Ratings above 2 are capped. Returns whether it replaced one.
    pub fn check_in(
        &mut self,
        rhythm: Rhythm,
        day: &str,
        ratings: BTreeMap<String, u8>,
        note: &str,
        now: &str,
    ) -> bool {
        let ratings = ratings.into_iter().map(|(k, v)| (k, v.min(2))).collect();
        let checkin = HabitCheckIn {
            at: now.to_owned(),
            day: day.to_owned(),
            ratings,
            note: note.to_owned(),
            ..Default::default()
        };
        let replaced = match self.checkins.iter_mut().find(|c| rhythm.same_period(&c.day, day)) {
            Some(existing) => {
                let extra = std::mem::take(&mut existing.extra);
                *existing = HabitCheckIn { extra, ..checkin };
                true
            }
            None => {
                self.checkins.push(checkin);
                false
            }
        };
        sort_stable_by(&mut self.checkins, |a, b| a.day.cmp(&b.day).then_with(|| a.at.cmp(&b.at)));
        replaced
    }

    /// The check-in of the period `day` falls in, if any.
    pub fn checkin_for(&self, rhythm: Rhythm, day: &str) -> Option<&HabitCheckIn> {
        self.checkins.iter().rev().find(|c| rhythm.same_period(&c.day, day))
    }

    /// The day of the latest check-in.
    pub fn last_checkin_day(&self) -> Option<&str> {
        self.checkins.iter().map(|c| c.day.as_str()).max()
    }
}

/// How the habits have gone lately.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInStats {
    /// Check-ins in all.
    pub count: usize,
    /// Per habit (in [`HABITS`] order): percent of the best possible over the recent check-ins; `None` if never rated.
    pub recent: Vec<Option<u8>>,
    /// The habit with the lowest recent score, if any habit is below full marks.
    pub focus: Option<&'static str>,
    /// Check-ins in a row, period after period, up to the current or the previous period.
    pub run: usize,
}

/// How many recent check-ins the per-habit scores look at.
pub const RECENT_CHECKINS: usize = 4;

/// Stats over an entry's check-ins as of `today`.
pub fn checkin_stats(entry: &WorksheetEntry, rhythm: Rhythm, today: &str) -> CheckInStats {
    let recent_list: Vec<&HabitCheckIn> = entry.checkins.iter().rev().take(RECENT_CHECKINS).collect();
    let recent: Vec<Option<u8>> = HABITS
        .iter()
        .map(|(key, _, _)| {
            let rated: Vec<u8> = recent_list.iter().filter_map(|c| c.ratings.get(*key).copied()).collect();
            let sum: usize = rated.iter().map(|r| usize::from((*r).min(2))).sum();
            (!rated.is_empty()).then(|| u8::try_from(sum * 50 / rated.len()).unwrap_or(100))
        })
        .collect();
    let focus = HABITS
        .iter()
        .zip(&recent)
        .filter_map(|((_, name, _), score)| score.filter(|s| *s < 100).map(|s| (s, *name)))
        .min_by_key(|(s, _)| *s)
        .map(|(_, name)| name);
    CheckInStats { count: entry.checkins.len(), recent, focus, run: run_length(entry, rhythm, today) }
}

/// Periods in a row with a check-in, counting back from this period (or the one before, if this one has none
/// yet — a check-in still to come today is not a broken run).
fn run_length(entry: &WorksheetEntry, rhythm: Rhythm, today: &str) -> usize {
    let Some(today) = Day::parse(today) else { return 0 };
    let step = match rhythm {
        Rhythm::Daily => 1,
        Rhythm::Weekly => 7,
    };
    let has = |day: Day| {
        let day = day.to_string();
        entry.checkins.iter().any(|c| rhythm.same_period(&c.day, &day))
    };
    let mut day = if has(today) { today } else { today - step };
    let mut run = 0;
    while has(day) && run < 10_000 {
        run += 1;
        day = day - step;
    }
    run
}

/// "today", "yesterday", "3 days ago" (or the day itself if it cannot be read).
pub fn days_ago(day: &str, today: &str) -> String {
    match (Day::parse(day), Day::parse(today)) {
        (Some(d), Some(t)) => match t - d {
            0 => "today".to_owned(),
            1 => "yesterday".to_owned(),
            n if n < 0 => day.to_owned(),
            n => format!("{n} days ago"),
        },
        _ => day.to_owned(),
    }
}

/// The latest check-in day over all entries of a worksheet.
pub fn last_checkin(entries: &[WorksheetEntry], slug: &str) -> Option<String> {
    entries.iter().filter(|e| e.worksheet == slug).filter_map(|e| e.last_checkin_day()).max().map(str::to_owned)
}
