//! The disclosure ladder: per person, small steps from low to higher risk, each tried as an experiment — what I
//! fear before, what actually happened after — and how often the feared outcome came true.

use crate::domain::repair_safety::{RepairView, SafetyAnswer, NOT_THE_GOAL};
use crate::domain::stable_sort::sort_stable_by;
use crate::domain::words::count_of;
use crate::storage::keys;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The steps a new ladder starts with, lowest risk first.
pub const DEFAULT_STEPS: [&str; 6] = [
    "Share an opinion",
    "Share a small personal fact",
    "Ask a small favour",
    "Share a worry",
    "Ask for support",
    "Rely on them for something that matters",
];

/// How the other person responded to my openness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// Warm, encouraging, caring.
    Supportive,
    /// Neither warm nor cold.
    Neutral,
    /// Brushed it off.
    Dismissive,
    /// It hurt.
    Hurtful,
}

impl Response {
    /// Every response, as the form offers them.
    pub const ALL: [Response; 4] = [Response::Supportive, Response::Neutral, Response::Dismissive, Response::Hurtful];

    /// What the form calls it.
    pub fn label(self) -> &'static str {
        match self {
            Response::Supportive => "Supportive",
            Response::Neutral => "Neutral",
            Response::Dismissive => "Dismissive",
            Response::Hurtful => "Hurtful",
        }
    }
}

/// One try of a step: the prediction before, the outcome after.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Experiment {
    /// Stable random id.
    pub id: String,
    /// When it was planned (UTC, ISO 8601).
    pub planned_at: String,
    /// Before: what I fear will happen.
    pub fear: String,
    /// Before: how likely the fear feels, 0–100 (%).
    pub fear_likelihood: u8,
    /// Before: how anxious I feel, 0–10.
    pub anxiety: u8,
    /// When the "after" part was filled in; `None` while waiting to try it.
    pub done_at: Option<String>,
    /// After: what actually happened.
    pub what_happened: String,
    /// After: how they responded to my openness.
    pub response: Option<Response>,
    /// After: did the feared outcome happen?
    pub fear_came_true: Option<bool>,
    /// After: what I learned.
    pub learned: String,
    /// Last change (UTC, ISO 8601); empty for experiments saved before it was kept.
    pub updated_at: String,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The "before" answers of an experiment, as the form edits them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Before {
    /// What I fear will happen.
    pub fear: String,
    /// How likely the fear feels, 0–100 (%).
    pub likelihood: u8,
    /// How anxious I feel, 0–10.
    pub anxiety: u8,
}

impl Before {
    /// Checks the answers before saving: the fear needs a few words.
    pub fn check(&self) -> Result<(), &'static str> {
        needs_words(&self.fear, "Write what you fear might happen — one line is enough.")
    }
}

/// The "after" answers of an experiment, as the form edits them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct After {
    /// What actually happened.
    pub what_happened: String,
    /// How they responded to my openness.
    pub response: Option<Response>,
    /// Did the feared outcome happen? `None` = not sure.
    pub fear_came_true: Option<bool>,
    /// What I learned.
    pub learned: String,
}

impl After {
    /// Checks the answers before saving: what happened needs a line.
    pub fn check(&self) -> Result<(), &'static str> {
        needs_words(&self.what_happened, "Write a line about what actually happened.")
    }
}

/// Fine when `text` has words in it; otherwise `ask`, the message asking for them.
fn needs_words(text: &str, ask: &'static str) -> Result<(), &'static str> {
    if text.trim().is_empty() {
        Err(ask)
    } else {
        Ok(())
    }
}

impl Experiment {
    /// A planned experiment (likelihood clamped to 100, anxiety to 10).
    pub fn new(id: String, fear: &str, fear_likelihood: u8, anxiety: u8, now: &str) -> Self {
        Experiment {
            id,
            planned_at: now.to_owned(),
            fear: fear.trim().to_owned(),
            fear_likelihood: fear_likelihood.min(100),
            anxiety: anxiety.min(10),
            updated_at: now.to_owned(),
            ..Default::default()
        }
    }

    /// The "before" answers, for the edit form.
    pub fn before(&self) -> Before {
        Before { fear: self.fear.clone(), likelihood: self.fear_likelihood.min(100), anxiety: self.anxiety.min(10) }
    }

    /// The "after" answers, for the edit form.
    pub fn after(&self) -> After {
        After {
            what_happened: self.what_happened.clone(),
            response: self.response,
            fear_came_true: self.fear_came_true,
            learned: self.learned.clone(),
        }
    }

    /// Corrects the answers, keeping the id, when it was planned and when it was done; sets `updated_at`.
    /// `after` is only applied to a done experiment (recording the outcome is [`Experiment::record_outcome`]).
    pub fn revise(&mut self, before: Before, after: Option<After>, now: &str) {
        self.fear = before.fear.trim().to_owned();
        self.fear_likelihood = before.likelihood.min(100);
        self.anxiety = before.anxiety.min(10);
        if let Some(after) = after.filter(|_| self.is_done()) {
            self.what_happened = after.what_happened.trim().to_owned();
            self.response = after.response;
            self.fear_came_true = after.fear_came_true;
            self.learned = after.learned.trim().to_owned();
        }
        self.updated_at = now.to_owned();
    }

    /// True once the "after" part has been filled in.
    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }

    /// Fills in the "after" part.
    pub fn record_outcome(
        &mut self,
        what_happened: &str,
        response: Option<Response>,
        fear_came_true: Option<bool>,
        learned: &str,
        now: &str,
    ) {
        self.what_happened = what_happened.trim().to_owned();
        self.response = response;
        self.fear_came_true = fear_came_true;
        self.learned = learned.trim().to_owned();
        self.done_at = Some(now.to_owned());
        self.updated_at = now.to_owned();
    }
}

/// One step on a person's ladder, with its experiments.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LadderStep {
    /// Stable random id.
    pub id: String,
    /// When it was added (UTC, ISO 8601).
    pub created_at: String,
    /// Last change (UTC, ISO 8601).
    pub updated_at: String,
    /// The person this ladder is with, by id.
    pub person_id: String,
    /// Place on the ladder, 0 = lowest risk.
    pub position: u32,
    /// What the step is, in the user's words.
    pub title: String,
    /// Tries of this step, oldest first.
    pub experiments: Vec<Experiment>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::stored_record!(LadderStep, keys::LADDER_PREFIX);

impl LadderStep {
    /// A new step.
    pub fn new(id: String, person_id: &str, title: &str, position: u32, now: &str) -> Self {
        LadderStep {
            id,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            person_id: person_id.to_owned(),
            position,
            title: title.trim().to_owned(),
            ..Default::default()
        }
    }

    /// Adds a planned experiment.
    pub fn plan(&mut self, experiment: Experiment, now: &str) {
        self.experiments.push(experiment);
        self.updated_at = now.to_owned();
    }

    /// An experiment of this step, by id, for editing (set `updated_at` after changing it).
    pub fn experiment_mut(&mut self, id: &str) -> Option<&mut Experiment> {
        self.experiments.iter_mut().find(|e| e.id == id)
    }

    /// Takes an experiment out, returning where it was and what it was (for Undo); sets `updated_at`.
    pub fn remove_experiment(&mut self, id: &str, now: &str) -> Option<(usize, Experiment)> {
        let index = self.experiments.iter().position(|e| e.id == id)?;
        self.updated_at = now.to_owned();
        Some((index, self.experiments.remove(index)))
    }

    /// Puts a removed experiment back where it was (or at the end, if the list got shorter); nothing happens if
    /// an experiment with its id is already there. Sets `updated_at`.
    pub fn put_back_experiment(&mut self, index: usize, experiment: Experiment, now: &str) {
        if self.experiments.iter().any(|e| e.id == experiment.id) {
            return;
        }
        let index = index.min(self.experiments.len());
        self.experiments.insert(index, experiment);
        self.updated_at = now.to_owned();
    }

    /// True when at least one experiment of this step has been done.
    pub fn is_tried(&self) -> bool {
        self.experiments.iter().any(Experiment::is_done)
    }
}

/// Where a rung of the ladder stands, as the ladder draws it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RungStatus {
    /// Nothing planned yet.
    NotTried,
    /// Planned, and waiting for how it went.
    Planned,
    /// At least one experiment done.
    Tried,
}

impl LadderStep {
    /// Where this rung stands: tried once any experiment is done, planned while one waits for its "after".
    pub fn status(&self) -> RungStatus {
        if self.is_tried() {
            RungStatus::Tried
        } else if self.experiments.is_empty() {
            RungStatus::NotTried
        } else {
            RungStatus::Planned
        }
    }

    /// The rung's status in words: "Not tried yet", "Planned: waiting for how it went", "Tried: 1 experiment
    /// done", "Tried: 2 experiments done, 1 waiting".
    pub fn status_line(&self) -> String {
        let done = self.experiments.iter().filter(|e| e.is_done()).count();
        let waiting = self.experiments.len() - done;
        match self.status() {
            RungStatus::NotTried => "Not tried yet".to_owned(),
            RungStatus::Planned => "Planned: waiting for how it went".to_owned(),
            RungStatus::Tried if waiting == 0 => {
                format!("Tried: {} done", count_of(done, "experiment", "experiments"))
            }
            RungStatus::Tried => {
                format!("Tried: {} done, {waiting} waiting", count_of(done, "experiment", "experiments"))
            }
        }
    }
}

/// A new ladder with the [`DEFAULT_STEPS`], one id per step (stops early if `ids` runs out).
pub fn default_ladder(person_id: &str, ids: impl IntoIterator<Item = String>, now: &str) -> Vec<LadderStep> {
    DEFAULT_STEPS
        .iter()
        .zip(ids)
        .zip(0u32..)
        .map(|((title, id), position)| LadderStep::new(id, person_id, title, position, now))
        .collect()
}

/// One person's ladder, lowest step first (by position, then by when added).
pub fn ladder_for<'a>(steps: &'a [LadderStep], person_id: &str) -> Vec<&'a LadderStep> {
    let mut ladder: Vec<&LadderStep> = steps.iter().filter(|s| s.person_id == person_id).collect();
    sort_stable_by(&mut ladder, |a, b| a.position.cmp(&b.position).then_with(|| a.created_at.cmp(&b.created_at)));
    ladder
}

/// Moves step `id` to `new_index` (clamped to the end) within `steps` — one person's ladder — and renumbers
/// positions 0, 1, 2…. Returns the ids whose position changed (their `updated_at` is set to `now`), so only those
/// need saving; empty when `id` is not found.
pub fn reorder(steps: &mut Vec<LadderStep>, id: &str, new_index: usize, now: &str) -> Vec<String> {
    sort_stable_by(steps, |a, b| a.position.cmp(&b.position).then_with(|| a.created_at.cmp(&b.created_at)));
    let Some(from) = steps.iter().position(|s| s.id == id) else {
        return Vec::new();
    };
    let step = steps.remove(from);
    let to = new_index.min(steps.len());
    steps.insert(to, step);
    let mut changed = Vec::new();
    for (step, position) in steps.iter_mut().zip(0u32..) {
        if step.position != position {
            step.position = position;
            step.updated_at = now.to_owned();
            changed.push(step.id.clone());
        }
    }
    changed
}

/// What the ladder's safety route says, one paragraph each.
pub const SAFETY_ROUTE: &[&str] = &[
    NOT_THE_GOAL,
    "So no new steps or experiments are offered with them. Opening up to someone is only worth practising where \
     it is safe to. What you wrote before stays here to read.",
];

/// What a person's ladder shows, given the answer to the safety question about them (see
/// [`RepairView`]): the question first while unanswered; new steps and experiments only once it is *No*. The
/// steps and experiments recorded before stay readable whatever the answer.
pub fn ladder_view(answer: Option<SafetyAnswer>) -> RepairView {
    RepairView::of(answer)
}

/// True when new steps and experiments may be offered with this person.
pub fn offers_new_experiments(answer: Option<SafetyAnswer>) -> bool {
    ladder_view(answer).allows_repair()
}

/// The lowest step not yet tried: the obvious next thing to try.
pub fn next_step<'a>(steps: &'a [LadderStep], person_id: &str) -> Option<&'a LadderStep> {
    ladder_for(steps, person_id).into_iter().find(|s| !s.is_tried())
}

/// Experiments planned but not yet done ("waiting for the after part"), oldest plan first.
pub fn waiting_for_after(steps: &[LadderStep]) -> Vec<(&LadderStep, &Experiment)> {
    let mut waiting: Vec<(&LadderStep, &Experiment)> =
        steps.iter().flat_map(|s| s.experiments.iter().filter(|e| !e.is_done()).map(move |e| (s, e))).collect();
    sort_stable_by(&mut waiting, |a, b| a.1.planned_at.cmp(&b.1.planned_at));
    waiting
}

/// What the experiments so far show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LadderStats {
    /// Planned and still waiting for the "after" part.
    pub planned: usize,
    /// Done.
    pub done: usize,
    /// Done, and the feared outcome came true.
    pub feared_came_true: usize,
    /// Done, and the feared outcome did not come true.
    pub feared_did_not: usize,
    /// Average likelihood (%) predicted beforehand, over done experiments where the outcome was answered.
    pub average_predicted_likelihood: Option<u8>,
    /// How often each response was met, in [`Response::ALL`] order.
    pub response_counts: [(Response, usize); 4],
}

impl LadderStats {
    /// Done experiments where it is known whether the fear came true.
    pub fn answered(&self) -> usize {
        self.feared_came_true + self.feared_did_not
    }

    /// Share (%) of answered experiments where the feared outcome came true.
    pub fn came_true_percent(&self) -> Option<u8> {
        let answered = self.answered();
        (answered > 0).then(|| {
            let percent = (200 * self.feared_came_true + answered) / (2 * answered);
            u8::try_from(percent).unwrap_or(100)
        })
    }

    /// A plain sentence, e.g. "The outcome you feared came true in 1 of 6 experiments. Beforehand you rated it
    /// about 70% likely on average." `None` until an experiment has an answer.
    pub fn sentence(&self) -> Option<String> {
        let answered = self.answered();
        if answered == 0 {
            return None;
        }
        let of = count_of(answered, "experiment", "experiments");
        let mut text = format!("The outcome you feared came true in {} of {of}.", self.feared_came_true);
        if let Some(predicted) = self.average_predicted_likelihood {
            text.push_str(&format!(" Beforehand you rated it about {predicted}% likely on average."));
        }
        Some(text)
    }
}

/// Counts and averages over every experiment in `steps` (one person's ladder, or all of them).
pub fn ladder_stats(steps: &[LadderStep]) -> LadderStats {
    let mut stats = LadderStats {
        planned: 0,
        done: 0,
        feared_came_true: 0,
        feared_did_not: 0,
        average_predicted_likelihood: None,
        response_counts: Response::ALL.map(|r| (r, 0)),
    };
    let mut predicted_sum = 0u32;
    for experiment in steps.iter().flat_map(|s| &s.experiments) {
        if !experiment.is_done() {
            stats.planned += 1;
            continue;
        }
        stats.done += 1;
        match experiment.fear_came_true {
            Some(true) => stats.feared_came_true += 1,
            Some(false) => stats.feared_did_not += 1,
            None => {}
        }
        if experiment.fear_came_true.is_some() {
            predicted_sum += u32::from(experiment.fear_likelihood.min(100));
        }
        if let Some(response) = experiment.response {
            if let Some(entry) = stats.response_counts.iter_mut().find(|(r, _)| *r == response) {
                entry.1 += 1;
            }
        }
    }
    let answered = u32::try_from(stats.answered()).unwrap_or(u32::MAX);
    if answered > 0 {
        let average = (2 * predicted_sum + answered) / (2 * answered);
        stats.average_predicted_likelihood = Some(u8::try_from(average).unwrap_or(100));
    }
    stats
}
