//! Thought records: the guided eight-step CBT flow, drafts, feelings before and after, search and filters.

use crate::domain::danger::{detect_danger, DangerSignal};
use crate::domain::stable_sort::{sort_stable_by, sort_stable_by_key};
use crate::domain::traps::{suggest_traps, TrapSuggestion};
use crate::domain::words::count_of;
use crate::storage::keys;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A feeling and how strong it was (0–100) before and after working through the thought.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FeelingRating {
    /// The feeling, in the user's words or from the list.
    pub name: String,
    /// Intensity at the start, 0–100.
    pub before: u8,
    /// Intensity after the balanced thought, 0–100; `None` until re-rated.
    pub after: Option<u8>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Whether a record is still being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RecordStatus {
    /// Autosaved while typing; listed under drafts until finished.
    #[default]
    Draft,
    /// Finished.
    Complete,
}

/// One thought record.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ThoughtRecord {
    /// Stable random id.
    pub id: String,
    /// When it was started (UTC, ISO 8601).
    pub created_at: String,
    /// Last change (UTC, ISO 8601).
    pub updated_at: String,
    /// Draft or complete.
    pub status: RecordStatus,
    /// The step the user was on (1–8), to resume a draft where it was left.
    pub step: u8,
    /// The day it happened (YYYY-MM-DD, the user's local date).
    pub happened_on: String,
    /// What happened.
    pub situation: String,
    /// A person from People this is about, by id.
    pub person_id: Option<String>,
    /// The automatic thought.
    pub thought: String,
    /// Feelings with intensities.
    pub feelings: Vec<FeelingRating>,
    /// Thinking traps spotted (catalogue slugs or the user's own names).
    pub traps: Vec<String>,
    /// Evidence that supports the thought.
    pub evidence_for: String,
    /// Evidence that does not support it.
    pub evidence_against: String,
    /// Other explanations for the other person's behaviour.
    pub alternatives: String,
    /// The balanced thought.
    pub balanced: String,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::stored_record!(ThoughtRecord, keys::JOURNAL_PREFIX);

/// The eight steps of the flow: title and a one-line prompt.
pub const STEPS: [(&str, &str); 8] = [
    ("Situation", "Start with the facts. The thought and the feelings come next."),
    ("Automatic thought", "Catch the thought in its own words; the next steps look at it from every side."),
    ("Feelings", "What did you feel, and how strongly (0–100)?"),
    ("Thinking traps", "Do any of these patterns fit your thought?"),
    ("Evidence", "What supports the thought, and what does not?"),
    ("Other explanations", "What else could explain what the other person did?"),
    ("Balanced thought", "What is a fairer way to see it?"),
    ("Re-rate your feelings", "How strong are the same feelings now?"),
];

/// The steps as a record that reads as danger asks them (see [`ThoughtRecord::danger`]): the same eight places
/// for the same answers, but steps 5–7 ask about what happened, support and a kind word instead of weighing the
/// thought, because fear of someone who hurts you is not something to argue yourself out of.
pub const SAFETY_STEPS: [(&str, &str); 8] = [
    STEPS[0],
    STEPS[1],
    STEPS[2],
    ("Thinking traps", "You can skip this step. The list is below if you want it."),
    ("What worries you", "What has worried you, and what helps you feel safer?"),
    ("Support", "Who could you tell, and where could you get help?"),
    ("A kind word", "What would you say to a friend who was going through this?"),
    STEPS[7],
];

/// A question of steps 5–7 as the flow asks it, and the heading its answer has on the record's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerQuestion {
    /// The field's label in the flow.
    pub label: &'static str,
    /// The hint under it.
    pub hint: &'static str,
    /// The heading of the answer when the record is read back.
    pub heading: &'static str,
}

/// The questions of steps 5–7, in the order of the answers they fill: evidence for, evidence against, other
/// explanations, balanced thought.
pub type AnswerQuestions = [AnswerQuestion; 4];

const fn question(label: &'static str, hint: &'static str, heading: &'static str) -> AnswerQuestion {
    AnswerQuestion { label, hint, heading }
}

/// Steps 5–7 of an ordinary record: weighing the thought.
pub const WEIGHING_QUESTIONS: AnswerQuestions = [
    question("What supports the thought?", "Facts you could show someone, not feelings.", "Evidence for the thought"),
    question(
        "What does not fit the thought?",
        "Times it went differently, things you might be leaving out.",
        "Evidence against the thought",
    ),
    question(
        "Other explanations",
        "If a friend told you this, what else might be going on for the other person?",
        "Other explanations",
    ),
    question(
        "A balanced thought",
        "Something you can believe that takes all the evidence into account.",
        "Balanced thought",
    ),
];

/// Steps 5–7 of a record that reads as danger: what happened, what helps, support and a kind word.
pub const SAFETY_QUESTIONS: AnswerQuestions = [
    question(
        "What has happened that worries you?",
        "What they said or did, with dates if you can. Write only what feels safe to keep on this device.",
        "What has worried me",
    ),
    question(
        "What helps you feel even a little safer?",
        "People, places, things you do. Small things count.",
        "What helps me feel safer",
    ),
    question(
        "Who could you tell, or where could you get help?",
        "A friend, a relative, a doctor, a helpline. Help lists lines you can call or text.",
        "Who I could tell",
    ),
    question(
        "Something kind and true to tell yourself",
        "For example “Being afraid makes sense. It is not my fault, and I deserve to be safe.”",
        "A kind word",
    ),
];

/// The flow's steps: [`SAFETY_STEPS`] for a record that reads as danger, else [`STEPS`].
pub fn steps_for(reads_as_danger: bool) -> &'static [(&'static str, &'static str); 8] {
    if reads_as_danger {
        &SAFETY_STEPS
    } else {
        &STEPS
    }
}

/// The questions of steps 5–7: [`SAFETY_QUESTIONS`] for a record that reads as danger, else
/// [`WEIGHING_QUESTIONS`].
pub fn answer_questions_for(reads_as_danger: bool) -> &'static AnswerQuestions {
    if reads_as_danger {
        &SAFETY_QUESTIONS
    } else {
        &WEIGHING_QUESTIONS
    }
}

/// Feelings offered as chips (the user can add their own).
pub const COMMON_FEELINGS: [&str; 16] = [
    "Anxious",
    "Hurt",
    "Angry",
    "Sad",
    "Afraid",
    "Jealous",
    "Ashamed",
    "Lonely",
    "Suspicious",
    "Disappointed",
    "Embarrassed",
    "Guilty",
    "Rejected",
    "Overwhelmed",
    "Numb",
    "Hopeful",
];

impl ThoughtRecord {
    /// A new, empty draft.
    pub fn new(id: String, now: &str, today: &str) -> Self {
        ThoughtRecord {
            id,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            step: 1,
            happened_on: today.to_owned(),
            ..Default::default()
        }
    }

    /// True when nothing has been typed yet (such a draft is not worth keeping).
    pub fn is_blank(&self) -> bool {
        [&self.situation, &self.thought, &self.evidence_for, &self.evidence_against, &self.alternatives, &self.balanced]
            .iter()
            .all(|t| t.trim().is_empty())
            && self.feelings.is_empty()
            && self.traps.is_empty()
    }

    /// The record can be finished once it has an automatic thought.
    pub fn can_finish(&self) -> bool {
        !self.thought.trim().is_empty()
    }

    /// Marks the record complete. Feelings left un-re-rated count as unchanged (the slider showed the same value).
    pub fn finish(&mut self) {
        self.status = RecordStatus::Complete;
        self.step = 8;
        for feeling in &mut self.feelings {
            feeling.after.get_or_insert(feeling.before);
        }
    }

    /// Adds a feeling (case-insensitively once) at `before` intensity.
    pub fn add_feeling(&mut self, name: &str, before: u8) {
        let name = name.trim();
        if name.is_empty() || self.feelings.iter().any(|f| f.name.eq_ignore_ascii_case(name)) {
            return;
        }
        self.feelings.push(FeelingRating { name: name.to_owned(), before: before.min(100), ..Default::default() });
    }

    /// Removes a feeling by name.
    pub fn remove_feeling(&mut self, name: &str) {
        self.feelings.retain(|f| !f.name.eq_ignore_ascii_case(name));
    }

    /// Adds or removes a thinking trap.
    pub fn toggle_trap(&mut self, trap: &str) {
        let trap = trap.trim();
        if trap.is_empty() {
            return;
        }
        if let Some(i) = self.traps.iter().position(|t| t == trap) {
            self.traps.remove(i);
        } else {
            self.traps.push(trap.to_owned());
        }
    }

    /// Average drop in intensity over the re-rated feelings (positive = felt better), if any were re-rated.
    pub fn average_drop(&self) -> Option<f64> {
        let drops: Vec<f64> =
            self.feelings.iter().filter_map(|f| f.after.map(|after| f64::from(f.before) - f64::from(after))).collect();
        (!drops.is_empty()).then(|| drops.iter().sum::<f64>() / drops.len() as f64)
    }

    /// What the situation and the thought say about safety; `None` for an ordinary record. A record that reads as
    /// danger is never offered thinking traps: fear of someone who hurts you is not a thinking error.
    pub fn danger(&self) -> Option<DangerSignal> {
        // Read as separate sentences, so words at the end of one and the start of the other never form a match.
        detect_danger(&format!("{}. {}", self.situation, self.thought))
    }

    /// The thinking traps to suggest for the thought: none when the record reads as a matter of safety.
    pub fn trap_suggestions(&self) -> Vec<TrapSuggestion> {
        if self.danger().is_some() {
            Vec::new()
        } else {
            suggest_traps(&self.thought)
        }
    }

    /// What step 7 shows above its field, as (heading, text) with the empty answers left out: the evidence for
    /// and against and the other explanations of steps 5 and 6; for a record that reads as danger, what helps and
    /// who could help (never what worries them again, right before a kind word).
    pub fn recap_for_step_seven(&self) -> Vec<(&'static str, String)> {
        let reads_as_danger = self.danger().is_some();
        let [for_it, against_it, other, _] = answer_questions_for(reads_as_danger).map(|q| q.heading);
        let answers = if reads_as_danger {
            vec![(against_it, &self.evidence_against), (other, &self.alternatives)]
        } else {
            vec![(for_it, &self.evidence_for), (against_it, &self.evidence_against), (other, &self.alternatives)]
        };
        answers
            .into_iter()
            .filter(|(_, text)| !text.trim().is_empty())
            .map(|(h, text)| (h, text.trim().to_owned()))
            .collect()
    }

    /// The calm line shown once the record is saved from the flow: `first_time` when it was a draft until now.
    /// Never praise for a number and never a streak; a record that reads as danger gets thanks and company.
    pub fn finished_note(&self, first_time: bool) -> String {
        if !first_time {
            return "Your changes are saved.".into();
        }
        if self.danger().is_some() {
            return "Saved. Thank you for writing this down. What you feel makes sense, and you do not have to carry it \
                    alone."
                .into();
        }
        let steady = "Saved. You worked through this thought step by step.";
        match self.average_drop().map(f64::round) {
            Some(drop) if drop >= 1.0 => {
                format!("{steady} Your feelings eased by {} on average.", count_of(drop as usize, "point", "points"))
            }
            Some(drop) if drop <= -1.0 => {
                "Saved. You stayed with a hard thought all the way through. If it weighs more \
                                           right now, go gently: a pause, a walk or a kind voice can help."
                    .into()
            }
            _ => format!("{steady} Even when a feeling stays, it is written down now, and you can come back to it."),
        }
    }

    /// All the record's text, lower-cased, for search.
    pub fn search_text(&self) -> String {
        let mut text = [
            &self.situation,
            &self.thought,
            &self.evidence_for,
            &self.evidence_against,
            &self.alternatives,
            &self.balanced,
        ]
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
        for feeling in &self.feelings {
            text.push('\n');
            text.push_str(&feeling.name);
        }
        for trap in &self.traps {
            text.push('\n');
            text.push_str(trap);
        }
        text.to_lowercase()
    }
}

/// What the journal list is narrowed to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JournalFilter {
    /// Words that must all appear somewhere in the record.
    pub text: String,
    /// Only records with this trap.
    pub trap: Option<String>,
    /// Only records with this feeling (case-insensitive).
    pub feeling: Option<String>,
    /// Only records about this person (by id).
    pub person: Option<String>,
    /// Only records on or after this day (YYYY-MM-DD).
    pub from: Option<String>,
    /// Only records on or before this day (YYYY-MM-DD).
    pub to: Option<String>,
}

/// One of the list's filters besides the search words, each behind the list's "Filter" button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// [`JournalFilter::trap`].
    Trap,
    /// [`JournalFilter::feeling`].
    Feeling,
    /// [`JournalFilter::person`].
    Person,
    /// [`JournalFilter::from`].
    From,
    /// [`JournalFilter::to`].
    To,
}

impl FilterKind {
    /// Every kind, in the order the filters are shown.
    pub const ALL: [FilterKind; 5] =
        [FilterKind::Trap, FilterKind::Feeling, FilterKind::Person, FilterKind::From, FilterKind::To];

    /// The filter's label, as its field is labelled.
    pub fn label(self) -> &'static str {
        match self {
            FilterKind::Trap => "Thinking trap",
            FilterKind::Feeling => "Feeling",
            FilterKind::Person => "Person",
            FilterKind::From => "From",
            FilterKind::To => "To",
        }
    }
}

/// From how many finished records the list offers the filters (trap, feeling, person, dates) behind its "Filter"
/// button: with fewer, every record fits on a screen or two and the search box is all that is needed.
pub const FILTERS_FROM: usize = 5;

/// Whether the list offers its "Filter" button: from [`FILTERS_FROM`] finished records, and always while a filter
/// is set (so a filter still narrowing the list after records were deleted can be seen and cleared).
pub fn offers_filters(finished: usize, filter: &JournalFilter) -> bool {
    finished >= FILTERS_FROM || filter.active_count() > 0
}

/// The line above the list: "8 records" while nothing narrows it; "3 of 8 records match", "1 of 8 records
/// matches", "Your 1 record matches" or "Your 1 record does not match" while searching or filtering.
pub fn count_line(matching: usize, finished: usize, narrowed: bool) -> String {
    let records = count_of(finished, "record", "records");
    match (narrowed, finished, matching) {
        (false, _, _) => records,
        (true, 1, 0) => "Your 1 record does not match".into(),
        (true, 1, _) => "Your 1 record matches".into(),
        (true, _, 1) => format!("1 of {records} matches"),
        (true, _, n) => format!("{n} of {records} match"),
    }
}

/// How the feelings changed on average (before minus after, see [`ThoughtRecord::average_drop`]), rounded to
/// whole points: "Feelings eased by 21 points on average", "Feelings grew by 1 point on average", "Feelings
/// stayed about the same".
pub fn change_line(average_drop: f64) -> String {
    let points = average_drop.round();
    if points >= 1.0 {
        format!("Feelings eased by {} on average", count_of(points as usize, "point", "points"))
    } else if points <= -1.0 {
        format!("Feelings grew by {} on average", count_of((-points) as usize, "point", "points"))
    } else {
        "Feelings stayed about the same".into()
    }
}

impl JournalFilter {
    /// The filters set (besides the search words), with their values, in the order of [`FilterKind::ALL`].
    pub fn active(&self) -> Vec<(FilterKind, String)> {
        FilterKind::ALL.into_iter().filter_map(|kind| self.value(kind).map(|v| (kind, v.to_owned()))).collect()
    }

    /// How many filters are set (the search words not counted): the number on the "Filter" button.
    pub fn active_count(&self) -> usize {
        FilterKind::ALL.into_iter().filter(|&kind| self.value(kind).is_some()).count()
    }

    /// The value of one filter, if set.
    pub fn value(&self, kind: FilterKind) -> Option<&str> {
        match kind {
            FilterKind::Trap => self.trap.as_deref(),
            FilterKind::Feeling => self.feeling.as_deref(),
            FilterKind::Person => self.person.as_deref(),
            FilterKind::From => self.from.as_deref(),
            FilterKind::To => self.to.as_deref(),
        }
    }

    /// Sets one filter; an empty value (a select's "Any", a cleared date) unsets it.
    pub fn set(&mut self, kind: FilterKind, value: String) {
        let value = (!value.trim().is_empty()).then_some(value);
        match kind {
            FilterKind::Trap => self.trap = value,
            FilterKind::Feeling => self.feeling = value,
            FilterKind::Person => self.person = value,
            FilterKind::From => self.from = value,
            FilterKind::To => self.to = value,
        }
    }

    /// True when nothing narrows the list.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.trap.is_none()
            && self.feeling.is_none()
            && self.person.is_none()
            && self.from.is_none()
            && self.to.is_none()
    }

    /// Does `record` (with its pre-computed lower-case `search_text`) pass the filter?
    pub fn matches(&self, record: &ThoughtRecord, search_text: &str) -> bool {
        let words_ok = self.text.to_lowercase().split_whitespace().all(|word| search_text.contains(word));
        let trap_ok = self.trap.as_ref().is_none_or(|t| record.traps.contains(t));
        let feeling_ok =
            self.feeling.as_ref().is_none_or(|f| record.feelings.iter().any(|r| r.name.eq_ignore_ascii_case(f)));
        let person_ok = self.person.as_ref().is_none_or(|p| record.person_id.as_ref() == Some(p));
        let from_ok = self.from.as_ref().is_none_or(|d| record.happened_on.as_str() >= d.as_str());
        let to_ok = self.to.as_ref().is_none_or(|d| record.happened_on.as_str() <= d.as_str());
        words_ok && trap_ok && feeling_ok && person_ok && from_ok && to_ok
    }
}

/// Sorts records newest first: by the day it happened, then by when it was written.
pub fn newest_first(records: &mut [ThoughtRecord]) {
    sort_stable_by(records, newer_first);
}

/// The list order: the later day first, then the later-written record.
pub fn newer_first(a: &ThoughtRecord, b: &ThoughtRecord) -> std::cmp::Ordering {
    b.happened_on.cmp(&a.happened_on).then_with(|| b.created_at.cmp(&a.created_at))
}

/// Lower-cased search text per record, rebuilt only for records that changed since it was last asked for.
#[derive(Debug, Default)]
pub struct SearchTextCache {
    texts: std::collections::HashMap<String, (String, String)>,
}

impl SearchTextCache {
    /// The record's search text (see [`ThoughtRecord::search_text`]), from the cache when still current.
    pub fn text_for(&mut self, record: &ThoughtRecord) -> &str {
        let entry = self.texts.entry(record.id.clone()).or_insert_with(|| (String::new(), String::new()));
        if entry.0 != record.updated_at || entry.1.is_empty() {
            *entry = (record.updated_at.clone(), record.search_text());
        }
        &entry.1
    }
}

/// Positions in `records` of the finished records that pass `filter`, newest first. Search text is only
/// computed when the filter has words, and then through `cache`.
pub fn matching_records(records: &[ThoughtRecord], filter: &JournalFilter, cache: &mut SearchTextCache) -> Vec<usize> {
    let needs_text = !filter.text.trim().is_empty();
    let mut positions: Vec<usize> = (0..records.len())
        .filter(|&i| {
            let record = &records[i];
            record.status == RecordStatus::Complete
                && filter.matches(record, if needs_text { cache.text_for(record) } else { "" })
        })
        .collect();
    sort_stable_by(&mut positions, |&a, &b| newer_first(&records[a], &records[b]));
    positions
}

/// Every feeling name used in `records`, for the filter (case-insensitively unique, sorted).
pub fn feelings_used(records: &[ThoughtRecord]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for feeling in records.iter().flat_map(|r| &r.feelings) {
        if !names.iter().any(|n| n.eq_ignore_ascii_case(&feeling.name)) {
            names.push(feeling.name.clone());
        }
    }
    sort_stable_by_key(&mut names, |n| n.to_lowercase());
    names
}

/// Every trap used in `records` (catalogue slugs and the user's own), sorted.
pub fn traps_used(records: &[ThoughtRecord]) -> Vec<String> {
    let mut traps: Vec<String> = records.iter().flat_map(|r| r.traps.iter().cloned()).collect();
    traps.sort();
    traps.dedup();
    traps
}
