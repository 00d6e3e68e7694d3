//! People on the trust map: gut ratings of the five parts of trust, a dated evidence log, the score the evidence
//! supports, where gut and evidence disagree, and plain patterns ("Kept 8 of 10 commitments since …").

use crate::domain::calendar::Day;
use crate::domain::repair_safety::SafetyAnswer;
use crate::domain::stable_sort::sort_stable_by;
use crate::domain::words::count_of;
use crate::storage::keys;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Longest name or nickname, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// How much neutral evidence every score starts with, in weight points, so one entry moves it only part-way.
pub const EVIDENCE_PRIOR_WEIGHT: u32 = 3;

/// A gap between gut and evidence at least this large (points out of 100) is worth pointing out.
pub const GAP_WORTH_NOTICING: i16 = 20;

/// Who the person is to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    /// A partner or spouse.
    Partner,
    /// A family member.
    Family,
    /// A friend.
    Friend,
    /// Someone from work or study.
    Colleague,
    /// Anyone else.
    #[default]
    Other,
}

impl Relationship {
    /// Every relationship, in the order the form offers them.
    pub const ALL: [Relationship; 5] = [
        Relationship::Partner,
        Relationship::Family,
        Relationship::Friend,
        Relationship::Colleague,
        Relationship::Other,
    ];

    /// What the form calls it.
    pub fn label(self) -> &'static str {
        match self {
            Relationship::Partner => "Partner",
            Relationship::Family => "Family",
            Relationship::Friend => "Friend",
            Relationship::Colleague => "Colleague",
            Relationship::Other => "Other",
        }
    }
}

/// One of the five parts trust is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrustPart {
    /// Doing what they say they will do.
    #[default]
    Reliability,
    /// Telling the truth.
    Honesty,
    /// Acting on their values, even unobserved.
    Integrity,
    /// Being able to do what they take on.
    Competence,
    /// Having my interests at heart.
    Benevolence,
}

impl TrustPart {
    /// The five parts, in the order the profile shows them.
    pub const ALL: [TrustPart; 5] = [
        TrustPart::Reliability,
        TrustPart::Honesty,
        TrustPart::Integrity,
        TrustPart::Competence,
        TrustPart::Benevolence,
    ];

    /// Its name on screen.
    pub fn label(self) -> &'static str {
        match self {
            TrustPart::Reliability => "Reliability",
            TrustPart::Honesty => "Honesty",
            TrustPart::Integrity => "Integrity",
            TrustPart::Competence => "Competence",
            TrustPart::Benevolence => "Benevolence",
        }
    }

    /// Its stored and URL name.
    pub fn slug(self) -> &'static str {
        match self {
            TrustPart::Reliability => "reliability",
            TrustPart::Honesty => "honesty",
            TrustPart::Integrity => "integrity",
            TrustPart::Competence => "competence",
            TrustPart::Benevolence => "benevolence",
        }
    }

    /// The part with this slug.
    pub fn from_slug(slug: &str) -> Option<TrustPart> {
        TrustPart::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// A one-line plain explanation, for hints under the slider.
    pub fn question(self) -> &'static str {
        match self {
            TrustPart::Reliability => "Do they do what they say they will do?",
            TrustPart::Honesty => "Do they tell you the truth, even when it is hard?",
            TrustPart::Integrity => "Do their actions match their values, even when no one is watching?",
            TrustPart::Competence => "Can they do the things they take on?",
            TrustPart::Benevolence => "Do they have your interests at heart?",
        }
    }
}

/// One gut rating of one part of trust.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GutRating {
    /// When (UTC, ISO 8601).
    pub at: String,
    /// Which part of trust.
    pub part: TrustPart,
    /// How much the user trusts this part, 0–100.
    pub rating: u8,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Someone on the trust map. Observations and ladder steps refer to the person by id, so renaming never breaks them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    /// Stable random id.
    pub id: String,
    /// When the person was added (UTC, ISO 8601).
    pub created_at: String,
    /// Last change (UTC, ISO 8601).
    pub updated_at: String,
    /// Name or nickname, trimmed.
    pub name: String,
    /// Who they are to the user.
    pub relationship: Relationship,
    /// An emoji or colour name shown beside the name; empty for none.
    pub marker: String,
    /// Hidden from the main list, history kept.
    pub archived: bool,
    /// Gut ratings of every part, oldest first.
    pub gut: Vec<GutRating>,
    /// The answer to "are you afraid of what this person might do to you, or have they hurt, threatened or
    /// controlled you?", asked before the disclosure ladder offers anything new with them; `None` until answered
    /// (and for people saved before it was asked, who are then asked).
    pub safety: Option<SafetyAnswer>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::stored_record!(Person, keys::PEOPLE_PREFIX);

impl Person {
    /// A new person (the name should already have passed [`validate_person_name`]).
    pub fn new(id: String, name: &str, relationship: Relationship, now: &str) -> Self {
        Person {
            id,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            name: name.trim().to_owned(),
            relationship,
            ..Default::default()
        }
    }

    /// Adds a gut rating for one part (clamped to 100).
    pub fn rate_gut(&mut self, part: TrustPart, rating: u8, now: &str) {
        self.gut.push(GutRating { at: now.to_owned(), part, rating: rating.min(100), ..Default::default() });
        self.updated_at = now.to_owned();
    }

    /// Records the answer to the safety question about them.
    pub fn set_safety(&mut self, answer: SafetyAnswer, now: &str) {
        self.safety = Some(answer);
        self.updated_at = now.to_owned();
    }

    /// The latest gut rating of one part.
    pub fn current_gut(&self, part: TrustPart) -> Option<u8> {
        self.gut.iter().filter(|g| g.part == part).max_by(|a, b| a.at.cmp(&b.at)).map(|g| g.rating)
    }

    /// Every gut rating of one part as `(when, rating)`, oldest first.
    pub fn gut_history(&self, part: TrustPart) -> Vec<(String, u8)> {
        let mut history: Vec<(String, u8)> =
            self.gut.iter().filter(|g| g.part == part).map(|g| (g.at.clone(), g.rating)).collect();
        sort_stable_by(&mut history, |a, b| a.0.cmp(&b.0));
        history
    }
}

/// Why a name cannot be used as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`MAX_NAME_CHARS`].
    TooLong,
    /// Someone else already has this name; the UI may allow it after saying so.
    Duplicate,
}

impl NameProblem {
    /// A calm message for the form.
    pub fn message(self) -> &'static str {
        match self {
            NameProblem::Empty => "Add a name or nickname so you can find this person again.",
            NameProblem::TooLong => {
                "That name is quite long. A shorter name or nickname (up to 60 characters) works best."
            }
            NameProblem::Duplicate => {
                "You already have someone with this name. You can add them anyway, or add a detail to tell them apart."
            }
        }
    }
}

/// Checks a name for a person being added (`editing_id` = `None`) or renamed; returns it trimmed.
///
/// A duplicate is the same name, ignoring case, as any other stored person (archived ones included).
pub fn validate_person_name(name: &str, existing: &[Person], editing_id: Option<&str>) -> Result<String, NameProblem> {
    let name = name.trim();
    if name.is_empty() {
        return Err(NameProblem::Empty);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(NameProblem::TooLong);
    }
    let lower = name.to_lowercase();
    let taken =
        existing.iter().filter(|p| editing_id != Some(p.id.as_str())).any(|p| p.name.trim().to_lowercase() == lower);
    if taken {
        return Err(NameProblem::Duplicate);
    }
    Ok(name.to_owned())
}

/// Like [`validate_person_name`], but a duplicate name is accepted once the person has confirmed it (the
/// second press of "Add anyway" / "Save anyway"): two friends can share a name.
pub fn accept_person_name(
    name: &str,
    existing: &[Person],
    editing_id: Option<&str>,
    duplicate_confirmed: bool,
) -> Result<String, NameProblem> {
    match validate_person_name(name, existing, editing_id) {
        Err(NameProblem::Duplicate) if duplicate_confirmed => Ok(name.trim().to_owned()),
        other => other,
    }
}

/// People sorted for the list: active before archived, then by name ignoring case.
pub fn sort_people(people: &mut [Person]) {
    sort_stable_by(people, |a, b| {
        a.archived.cmp(&b.archived).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
}

/// The colour markers a person can have, as stored (`marker`) and as shown.
pub const MARKER_COLOURS: [(&str, &str); 6] = [
    ("teal", "Teal"),
    ("amber", "Amber"),
    ("rose", "Rose"),
    ("violet", "Violet"),
    ("green", "Green"),
    ("grey", "Grey"),
];

/// Longest emoji marker kept, in characters (a flag or a family emoji is several characters).
pub const MAX_MARKER_CHARS: usize = 8;

/// True when `marker` is one of the [`MARKER_COLOURS`].
pub fn is_colour_marker(marker: &str) -> bool {
    MARKER_COLOURS.iter().any(|(slug, _)| *slug == marker)
}

/// An emoji marker as typed, trimmed and cut to [`MAX_MARKER_CHARS`].
pub fn clean_emoji_marker(text: &str) -> String {
    text.trim().chars().take(MAX_MARKER_CHARS).collect()
}

/// What a stored `marker` stands for: nothing, one of the [`MARKER_COLOURS`], or any other text, shown as it is
/// (an emoji as typed; text from an older version or a backup is shown too, never dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker<'a> {
    /// No marker (the empty string).
    None,
    /// A colour: its stored slug and its name on screen.
    Colour {
        /// As stored, e.g. `"teal"` (also the CSS modifier).
        slug: &'static str,
        /// As shown, e.g. `"Teal"`.
        name: &'static str,
    },
    /// Any other text, shown as it is.
    Emoji(&'a str),
}

impl<'a> Marker<'a> {
    /// Reads a stored marker.
    pub fn of(stored: &'a str) -> Marker<'a> {
        if stored.is_empty() {
            return Marker::None;
        }
        match MARKER_COLOURS.iter().find(|(slug, _)| *slug == stored) {
            Some(&(slug, name)) => Marker::Colour { slug, name },
            None => Marker::Emoji(stored),
        }
    }
}

/// Whether an observation built trust or broke it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// It built trust.
    #[default]
    Built,
    /// It broke trust.
    Broke,
}

impl Direction {
    /// Both directions, as the form offers them.
    pub const ALL: [Direction; 2] = [Direction::Built, Direction::Broke];

    /// What the form calls it.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Built => "Built trust",
            Direction::Broke => "Broke trust",
        }
    }
}

/// The common observations, logged with one tap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuickKind {
    /// They kept a commitment.
    KeptCommitment,
    /// They broke a commitment.
    BrokeCommitment,
    /// They told the truth.
    ToldTruth,
    /// They were caught in a lie.
    CaughtInLie,
    /// They supported me when I was vulnerable.
    SupportedWhenVulnerable,
    /// They dismissed me.
    Dismissed,
}

/// What a quick entry fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuickDefaults {
    /// The part of trust it speaks to.
    pub part: TrustPart,
    /// Built or broke.
    pub direction: Direction,
    /// How much it counts, 1–3.
    pub weight: u8,
    /// The text put in "what happened" (the user can add to it).
    pub text: &'static str,
}

impl QuickKind {
    /// Every quick entry, in the order the buttons show them.
    pub const ALL: [QuickKind; 6] = [
        QuickKind::KeptCommitment,
        QuickKind::BrokeCommitment,
        QuickKind::ToldTruth,
        QuickKind::CaughtInLie,
        QuickKind::SupportedWhenVulnerable,
        QuickKind::Dismissed,
    ];

    /// What it fills in.
    pub fn defaults(self) -> QuickDefaults {
        let (part, direction, weight, text) = match self {
            QuickKind::KeptCommitment => (TrustPart::Reliability, Direction::Built, 2, "Kept a commitment"),
            QuickKind::BrokeCommitment => (TrustPart::Reliability, Direction::Broke, 2, "Broke a commitment"),
            QuickKind::ToldTruth => (TrustPart::Honesty, Direction::Built, 2, "Told me the truth"),
            QuickKind::CaughtInLie => (TrustPart::Honesty, Direction::Broke, 3, "Was caught in a lie"),
            QuickKind::SupportedWhenVulnerable => {
                (TrustPart::Benevolence, Direction::Built, 3, "Supported me when I was vulnerable")
            }
            QuickKind::Dismissed => (TrustPart::Benevolence, Direction::Broke, 2, "Dismissed me"),
        };
        QuickDefaults { part, direction, weight, text }
    }

    /// The button label.
    pub fn label(self) -> &'static str {
        self.defaults().text
    }
}

/// One dated entry in a person's evidence log.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Observation {
    /// Stable random id.
    pub id: String,
    /// When it was logged (UTC, ISO 8601).
    pub created_at: String,
    /// Last change (UTC, ISO 8601).
    pub updated_at: String,
    /// The person it is about, by id.
    pub person_id: String,
    /// The day it happened (YYYY-MM-DD).
    pub happened_on: String,
    /// What happened, in the user's words.
    pub what: String,
    /// The part of trust it speaks to.
    pub part: TrustPart,
    /// Whether it built or broke trust.
    pub direction: Direction,
    /// How much it counts, 1 (a little) to 3 (a lot).
    pub weight: u8,
    /// The quick entry it came from, if any.
    pub kind: Option<QuickKind>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::stored_record!(Observation, keys::OBSERVATIONS_PREFIX);

impl Observation {
    /// A new observation that built reliability with weight 2, for the form to fill in.
    pub fn new(id: String, person_id: &str, happened_on: &str, now: &str) -> Self {
        Observation {
            id,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            person_id: person_id.to_owned(),
            happened_on: happened_on.to_owned(),
            weight: 2,
            ..Default::default()
        }
    }

    /// A quick entry with its defaults filled in.
    pub fn quick(id: String, person_id: &str, kind: QuickKind, happened_on: &str, now: &str) -> Self {
        let d = kind.defaults();
        Observation {
            what: d.text.to_owned(),
            part: d.part,
            direction: d.direction,
            weight: d.weight,
            kind: Some(kind),
            ..Observation::new(id, person_id, happened_on, now)
        }
    }

    /// The weight used for scoring: 1–3 (a missing or out-of-range weight counts as the nearest allowed one).
    pub fn effective_weight(&self) -> u8 {
        self.weight.clamp(1, 3)
    }

    /// Changes what the form edits, keeping the id, person, creation time and unknown fields, and sets
    /// `updated_at`. A quick entry stays one (and keeps counting in its pattern, e.g. "Kept 8 of 10
    /// commitments") only while its part and direction still match it; changing only the words keeps it.
    pub fn revise(&mut self, fields: ObservationFields, now: &str) {
        let ObservationFields { what, part, direction, weight, happened_on } = fields;
        self.what = what;
        self.part = part;
        self.direction = direction;
        self.weight = weight.clamp(1, 3);
        self.happened_on = happened_on;
        self.kind = self.kind.filter(|k| {
            let d = k.defaults();
            d.part == part && d.direction == direction
        });
        self.updated_at = now.to_owned();
    }

    /// What the form shows for this observation.
    pub fn fields(&self) -> ObservationFields {
        ObservationFields {
            what: self.what.clone(),
            part: self.part,
            direction: self.direction,
            weight: self.effective_weight(),
            happened_on: self.happened_on.clone(),
        }
    }
}

/// What the observation form edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObservationFields {
    /// What happened, as typed.
    pub what: String,
    /// The part of trust it speaks to.
    pub part: TrustPart,
    /// Built or broke.
    pub direction: Direction,
    /// How much it counts, 1–3.
    pub weight: u8,
    /// The day it happened (YYYY-MM-DD).
    pub happened_on: String,
}

/// Why the observation form cannot be saved as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObservationProblem {
    /// "What happened" is empty.
    NothingWritten,
    /// Neither "built trust" nor "broke trust" is chosen (a new entry starts with neither).
    NoDirection,
    /// The day is not a real day (YYYY-MM-DD).
    NoDay,
    /// The day is after today.
    FutureDay,
}

impl ObservationProblem {
    /// A calm message for the form.
    pub fn message(self) -> &'static str {
        match self {
            ObservationProblem::NothingWritten => "Write what happened, in a few words.",
            ObservationProblem::NoDirection => "Choose whether it built trust or broke it.",
            ObservationProblem::NoDay => "Choose the day it happened.",
            ObservationProblem::FutureDay => "That day is still to come. Choose today or a day before.",
        }
    }
}

impl ObservationFields {
    /// Checks the form before saving (the text is kept exactly as typed).
    pub fn check(&self, today: &str) -> Result<(), ObservationProblem> {
        if self.what.trim().is_empty() {
            return Err(ObservationProblem::NothingWritten);
        }
        if Day::parse(&self.happened_on).is_none() {
            return Err(ObservationProblem::NoDay);
        }
        if self.happened_on.as_str() > today {
            return Err(ObservationProblem::FutureDay);
        }
        Ok(())
    }
}

/// The observation form as typed, before it is checked: built or broke may still be unchosen.
///
/// A new entry starts from [`ObservationDraft::blank`] every time (after each save too), so one entry's
/// "broke trust · a lot" never becomes the next one's default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObservationDraft {
    /// What happened, as typed.
    pub what: String,
    /// The part of trust it speaks to.
    pub part: TrustPart,
    /// Built or broke; `None` until chosen.
    pub direction: Option<Direction>,
    /// How much it counts, 1–3.
    pub weight: u8,
    /// The day it happened (YYYY-MM-DD).
    pub happened_on: String,
}

/// The weight a new entry starts with: the middle one, "Some".
pub const NEUTRAL_WEIGHT: u8 = 2;

impl ObservationDraft {
    /// A new, empty entry for `today`: nothing written, the first part, neither built nor broke chosen, the
    /// middle weight.
    pub fn blank(today: &str) -> Self {
        ObservationDraft {
            what: String::new(),
            part: TrustPart::default(),
            direction: None,
            weight: NEUTRAL_WEIGHT,
            happened_on: today.to_owned(),
        }
    }

    /// An existing observation as the edit form starts it (everything chosen).
    pub fn of(observation: &Observation) -> Self {
        let f = observation.fields();
        ObservationDraft {
            what: f.what,
            part: f.part,
            direction: Some(f.direction),
            weight: f.weight,
            happened_on: f.happened_on,
        }
    }

    /// Checks the form (words first, then built or broke, then the day) and gives the fields to save.
    pub fn check(&self, today: &str) -> Result<ObservationFields, ObservationProblem> {
        if self.what.trim().is_empty() {
            return Err(ObservationProblem::NothingWritten);
        }
        let direction = self.direction.ok_or(ObservationProblem::NoDirection)?;
        let fields = ObservationFields {
            what: self.what.clone(),
            part: self.part,
            direction,
            weight: self.weight,
            happened_on: self.happened_on.clone(),
        };
        fields.check(today)?;
        Ok(fields)
    }
}

/// What a person's card on the list says: "No observations yet", "1 observation", "5 observations · 1 ladder
/// step".
pub fn person_summary(observations: usize, steps: usize) -> String {
    let logged = match observations {
        0 => "No observations yet".to_owned(),
        n => count_of(n, "observation", "observations"),
    };
    match steps {
        0 => logged,
        n => format!("{logged} · {}", count_of(n, "ladder step", "ladder steps")),
    }
}

/// What one part of a person's trust profile rests on: "Nothing logged about this part yet." or "Based on
/// 3 observations."
pub fn evidence_basis(observations: usize) -> String {
    match observations {
        0 => "Nothing logged about this part yet.".to_owned(),
        n => format!("Based on {}.", count_of(n, "observation", "observations")),
    }
}

/// The observations about one person, newest first (by day, then by when they were logged).
pub fn observations_for<'a>(observations: &'a [Observation], person_id: &str) -> Vec<&'a Observation> {
    newest_first(observations, person_id).into_iter().filter_map(|i| observations.get(i)).collect()
}

/// Where one person's observations are in `observations`, newest first (as [`observations_for`] orders them):
/// a page of the log can then be copied without copying the whole log.
pub fn newest_first(observations: &[Observation], person_id: &str) -> Vec<usize> {
    let mut list: Vec<usize> = (0..observations.len()).filter(|&i| observations[i].person_id == person_id).collect();
    sort_stable_by(&mut list, |&a, &b| {
        let (a, b) = (&observations[a], &observations[b]);
        b.happened_on.cmp(&a.happened_on).then_with(|| b.created_at.cmp(&a.created_at))
    });
    list
}

/// How many observations each person has, by person id (for the people list).
pub fn observation_counts(observations: &[Observation]) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for o in observations {
        *counts.entry(o.person_id.as_str()).or_insert(0) += 1;
    }
    counts
}

/// Score from summed weights: `50 × (2·built + prior) / (built + broke + prior)`, rounded, with
/// `prior` = [`EVIDENCE_PRIOR_WEIGHT`]. Only-built evidence approaches 100, only-broke approaches 0.
fn score_from_weights(built: u32, broke: u32) -> u8 {
    let numerator = 50 * (2 * built + EVIDENCE_PRIOR_WEIGHT);
    let denominator = built + broke + EVIDENCE_PRIOR_WEIGHT;
    let rounded = (2 * numerator + denominator) / (2 * denominator);
    u8::try_from(rounded.min(100)).unwrap_or(100)
}

/// The trust the evidence supports for one part, 0–100; `None` when nothing about that part is logged.
///
/// Each observation counts with its weight (1–3). The score is the weighted share of evidence that built trust,
/// pulled gently toward the middle (50) as if there were [`EVIDENCE_PRIOR_WEIGHT`] points of neutral evidence:
/// `50 × (2·built + 3) / (built + broke + 3)`. Equal built and broke give 50; one kept commitment (weight 2)
/// gives 70, ten give 93. So a single event never swings the score to an extreme.
pub fn evidence_score(observations: &[Observation], part: TrustPart) -> Option<u8> {
    let (built, broke, count) = weights(observations.iter(), part);
    (count > 0).then(|| score_from_weights(built, broke))
}

/// Summed built and broke weights and the count of observations for one part.
fn weights<'a>(observations: impl Iterator<Item = &'a Observation>, part: TrustPart) -> (u32, u32, usize) {
    let (mut built, mut broke, mut count) = (0u32, 0u32, 0usize);
    for o in observations.filter(|o| o.part == part) {
        match o.direction {
            Direction::Built => built += u32::from(o.effective_weight()),
            Direction::Broke => broke += u32::from(o.effective_weight()),
        }
        count += 1;
    }
    (built, broke, count)
}

/// One row of a person's trust profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartProfile {
    /// The part of trust.
    pub part: TrustPart,
    /// The latest gut rating, if rated.
    pub gut: Option<u8>,
    /// What the evidence supports ([`evidence_score`]), if anything is logged.
    pub evidence: Option<u8>,
    /// Gut minus evidence when both exist: negative = the gut trusts less than the evidence suggests.
    pub gap: Option<i16>,
    /// How many observations speak to this part.
    pub evidence_count: usize,
}

impl PartProfile {
    /// True when gut and evidence differ by at least [`GAP_WORTH_NOTICING`].
    pub fn gap_is_notable(&self) -> bool {
        self.gap.is_some_and(|g| g.abs() >= GAP_WORTH_NOTICING)
    }

    /// A plain sentence about a notable gap, without judging which side is right.
    pub fn gap_sentence(&self) -> Option<String> {
        self.gap_sentence_for(None)
    }

    /// [`PartProfile::gap_sentence`] for a person about whom the safety question was answered `safety`. For
    /// someone the user may not be safe with (*Yes* or *I'm not sure*), a cautious gut is never put down to a
    /// thinking trap, and a hopeful one is not weighed above what they did.
    pub fn gap_sentence_for(&self, safety: Option<SafetyAnswer>) -> Option<String> {
        let note = self.gap_note_for(safety)?;
        let (gut, evidence) = (self.gut?, self.evidence?);
        let part = self.part.label().to_lowercase();
        Some(format!("For {part}, your gut says {gut} and what you have logged points to {evidence}. {note}"))
    }

    /// What a notable gap may mean, without repeating the two scores (the profile's picture shows them once):
    /// the second half of [`PartProfile::gap_sentence_for`].
    pub fn gap_note_for(&self, safety: Option<SafetyAnswer>) -> Option<String> {
        let gap = self.gap?;
        if self.gut.is_none() || self.evidence.is_none() || !self.gap_is_notable() {
            return None;
        }
        let lean = if gap < 0 { "less" } else { "more" };
        let unsafe_with_them = safety.is_some_and(SafetyAnswer::sets_repair_aside);
        Some(match (unsafe_with_them, gap < 0) {
            (false, _) => format!(
                "Your gut trusts {lean} than the evidence so far. The difference can point to a thinking trap, or \
                 to something the log has not caught yet."
            ),
            (true, true) => "Your gut is more careful than the log. You said you may not be safe with them: a \
                             careful gut is worth listening to, and a log cannot catch everything."
                .to_owned(),
            (true, false) => "Your gut trusts more than the log so far. You said you may not be safe with them: \
                              what they have done deserves more weight than hope."
                .to_owned(),
        })
    }
}

/// What one part of trust adds up to in a log: summed weights and how many observations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartEvidence {
    /// Summed weights of what built trust.
    pub built: u32,
    /// Summed weights of what broke trust.
    pub broke: u32,
    /// How many observations speak to this part.
    pub count: usize,
}

/// One person's evidence log added up in a single pass: enough to draw the profile without keeping (or copying)
/// the observations themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EvidenceSummary {
    /// How many observations there are.
    pub observations: usize,
    /// Per part, in [`TrustPart::ALL`] order.
    pub parts: [PartEvidence; 5],
}

impl EvidenceSummary {
    /// Adds up `observations` (pass one person's).
    pub fn of<'a>(observations: impl IntoIterator<Item = &'a Observation>) -> Self {
        let mut summary = EvidenceSummary::default();
        for o in observations {
            summary.observations += 1;
            let part = &mut summary.parts[o.part as usize];
            match o.direction {
                Direction::Built => part.built += u32::from(o.effective_weight()),
                Direction::Broke => part.broke += u32::from(o.effective_weight()),
            }
            part.count += 1;
        }
        summary
    }

    /// What was logged about one part.
    pub fn part(&self, part: TrustPart) -> PartEvidence {
        self.parts[part as usize]
    }

    /// The trust profile: for each of the five parts, the person's gut beside what this evidence supports.
    pub fn profile(&self, person: &Person) -> Vec<PartProfile> {
        TrustPart::ALL
            .into_iter()
            .map(|part| {
                let PartEvidence { built, broke, count } = self.part(part);
                let evidence = (count > 0).then(|| score_from_weights(built, broke));
                let gut = person.current_gut(part);
                let gap = match (gut, evidence) {
                    (Some(g), Some(e)) => Some(i16::from(g) - i16::from(e)),
                    _ => None,
                };
                PartProfile { part, gut, evidence, gap, evidence_count: count }
            })
            .collect()
    }
}

/// The trust profile of one person: for each of the five parts, gut beside evidence. Only observations with this
/// person's id are counted.
pub fn profile(person: &Person, observations: &[Observation]) -> Vec<PartProfile> {
    EvidenceSummary::of(observations.iter().filter(|o| o.person_id == person.id)).profile(person)
}

/// How the evidence score for one part changed: `(day, score)` after each day with an observation, oldest first,
/// each counting everything logged up to and including that day. Pass one person's observations.
pub fn evidence_trend<'a>(
    observations: impl IntoIterator<Item = &'a Observation>,
    part: TrustPart,
) -> Vec<(String, u8)> {
    let mut relevant: Vec<&Observation> = observations.into_iter().filter(|o| o.part == part).collect();
    sort_stable_by(&mut relevant, |a, b| a.happened_on.cmp(&b.happened_on));
    let (mut built, mut broke) = (0u32, 0u32);
    let mut trend: Vec<(String, u8)> = Vec::new();
    for o in relevant {
        match o.direction {
            Direction::Built => built += u32::from(o.effective_weight()),
            Direction::Broke => broke += u32::from(o.effective_weight()),
        }
        let score = score_from_weights(built, broke);
        match trend.last_mut() {
            Some((day, last)) if *day == o.happened_on => *last = score,
            _ => trend.push((o.happened_on.clone(), score)),
        }
    }
    trend
}

/// Which stretch of the log the patterns describe.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PatternWindow {
    /// Everything logged.
    #[default]
    AllTime,
    /// The last `n` months up to today (from the same day `n` months ago).
    LastMonths(u32),
    /// From this day (YYYY-MM-DD, as typed; checked by [`PatternWindow::problem`]) up to today.
    Since(String),
}

impl PatternWindow {
    /// The choices the picker offers, as `(value, label)`; `"since"` asks for a day.
    pub const CHOICES: [(&'static str, &'static str); 5] = [
        ("all", "All time"),
        ("1m", "The last month"),
        ("3m", "The last 3 months"),
        ("12m", "The last year"),
        ("since", "Since a day you choose"),
    ];

    /// The window for a picker value, with the day typed for `"since"`; all time for anything unknown.
    pub fn from_choice(value: &str, day: &str) -> Self {
        match value {
            "1m" => PatternWindow::LastMonths(1),
            "3m" => PatternWindow::LastMonths(3),
            "12m" => PatternWindow::LastMonths(12),
            "since" => PatternWindow::Since(day.to_owned()),
            _ => PatternWindow::AllTime,
        }
    }

    /// The picker value of this window.
    pub fn choice(&self) -> &'static str {
        match self {
            PatternWindow::AllTime => "all",
            PatternWindow::LastMonths(1) => "1m",
            PatternWindow::LastMonths(12) => "12m",
            PatternWindow::LastMonths(_) => "3m",
            PatternWindow::Since(_) => "since",
        }
    }

    /// Why the patterns cannot be shown for this window yet (a day still to choose, or one in the future).
    pub fn problem(&self, today: &str) -> Option<&'static str> {
        match self {
            PatternWindow::Since(day) if day.is_empty() => Some("Choose the day to count from."),
            PatternWindow::Since(day) if Day::parse(day).is_none() => {
                Some("That is not a day that can be read. Choose one with the date field.")
            }
            PatternWindow::Since(day) if day.as_str() > today => {
                Some("That day is still to come. Choose today or a day before.")
            }
            _ => None,
        }
    }

    /// The first day counted (YYYY-MM-DD), or `None` for everything (also while there is a [`problem`]).
    ///
    /// [`problem`]: PatternWindow::problem
    pub fn first_day(&self, today: &str) -> Option<String> {
        match self {
            PatternWindow::AllTime => None,
            PatternWindow::LastMonths(n) => Day::parse(today)?.months_before(*n).map(|day| day.to_string()),
            PatternWindow::Since(day) => Day::parse(day).is_some().then(|| day.clone()),
        }
    }

    /// How the sentences name the window: "", " in the last 3 months", " since 1 March 2026" (the day as
    /// `show_day` writes it, in the user's locale).
    pub fn phrase(&self, show_day: impl Fn(&str) -> String) -> String {
        match self {
            PatternWindow::AllTime => String::new(),
            PatternWindow::LastMonths(1) => " in the last month".to_owned(),
            PatternWindow::LastMonths(12) => " in the last year".to_owned(),
            PatternWindow::LastMonths(n) => format!(" in the last {n} months"),
            PatternWindow::Since(day) if Day::parse(day).is_some() => format!(" since {}", show_day(day)),
            PatternWindow::Since(_) => String::new(),
        }
    }
}

/// "once", "twice" or "N times".
fn times(n: usize) -> String {
    match n {
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        _ => format!("{n} times"),
    }
}

/// Plain sentences about what the log shows in `window` (up to `today`), e.g. "Kept 8 of 10 commitments in the
/// last 3 months." Pass one person's observations; `show_day` writes a day for the sentence. Empty when nothing
/// was logged in the window.
pub fn patterns<'a>(
    observations: impl IntoIterator<Item = &'a Observation>,
    window: &PatternWindow,
    today: &str,
    show_day: impl Fn(&str) -> String,
) -> Vec<String> {
    let first_day = window.first_day(today).unwrap_or_default();
    let recent: Vec<&Observation> =
        observations.into_iter().filter(|o| o.happened_on.as_str() >= first_day.as_str()).collect();
    let count = |kind: QuickKind| recent.iter().filter(|o| o.kind == Some(kind)).count();
    let since = window.phrase(show_day);
    let mut sentences = Vec::new();
    if recent.is_empty() {
        return sentences;
    }

    let built = recent.iter().filter(|o| o.direction == Direction::Built).count();
    let broke = recent.len() - built;
    let things = count_of(recent.len(), "thing", "things");
    sentences.push(format!("You logged {things}{since}: {built} built trust and {broke} broke it."));

    let (kept, broken) = (count(QuickKind::KeptCommitment), count(QuickKind::BrokeCommitment));
    if kept + broken > 0 {
        let of = count_of(kept + broken, "commitment", "commitments");
        sentences.push(format!("Kept {kept} of {of}{since}."));
    }

    let (truth, lies) = (count(QuickKind::ToldTruth), count(QuickKind::CaughtInLie));
    match (truth, lies) {
        (0, 0) => {}
        (t, 0) => sentences.push(format!("Told the truth {}{since}.", times(t))),
        (0, l) => sentences.push(format!("Was caught in a lie {}{since}.", times(l))),
        (t, l) => sentences.push(format!("Told the truth {}, was caught in a lie {}{since}.", times(t), times(l))),
    }

    let (support, dismissed) = (count(QuickKind::SupportedWhenVulnerable), count(QuickKind::Dismissed));
    match (support, dismissed) {
        (0, 0) => {}
        (s, 0) => sentences.push(format!("Supported you when you were vulnerable {}{since}.", times(s))),
        (0, d) => sentences.push(format!("Dismissed you {}{since}.", times(d))),
        (s, d) => sentences.push(format!(
            "Supported you when you were vulnerable {}, dismissed you {}{since}.",
            times(s),
            times(d)
        )),
    }
    sentences
}
