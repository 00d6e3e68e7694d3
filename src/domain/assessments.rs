//! Self-assessments: "My trustworthiness" (reliability, honesty, integrity, scored per area) and "Where my trust
//! issues come from" (a guided reflection described as tendencies). Runs are stored so they can be repeated and
//! compared. These describe tendencies; they are not a diagnosis.

use crate::domain::stable_sort::sort_stable_by;
use crate::domain::words::signed_whole;
use crate::storage::keys;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;
use std::ops::Range;

/// What the answers 1–5 mean for "My trustworthiness".
pub const FREQUENCY_LABELS: [&str; 5] = ["Never", "Rarely", "Sometimes", "Often", "Always"];

/// What the answers 1–5 mean for "Where my trust issues come from".
pub const AGREEMENT_LABELS: [&str; 5] =
    ["Not like me at all", "A little like me", "Somewhat like me", "Quite like me", "Very much like me"];

/// Shown with every origins result.
pub const NOT_A_DIAGNOSIS: &str = "This is a reflection, not a diagnosis. It describes tendencies you may recognise \
    in yourself, and tendencies can change. If what comes up feels heavy, talking it through with a therapist or \
    someone you trust can help.";

/// Shown with "My trustworthiness", before it starts and with every result.
pub const NOT_A_VALIDATED_TEST: &str = "This is not a validated test. Its statements and scores have not been checked \
    in research, so they say nothing about how you compare with other people. Use it only to compare yourself with \
    yourself over time.";

/// Why a set of answers cannot be scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerProblem {
    /// Not one answer per statement.
    WrongCount {
        /// How many statements there are.
        expected: usize,
        /// How many answers were given.
        got: usize,
    },
    /// An answer outside 1–5 (0 means not answered yet).
    OutOfRange {
        /// Which statement (0-based).
        index: usize,
        /// The answer given.
        value: u8,
    },
}

impl fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerProblem::WrongCount { expected, got } => {
                write!(f, "There are {expected} statements and {got} answers, so it can't be scored yet.")
            }
            AnswerProblem::OutOfRange { index, .. } => {
                write!(f, "Statement {} still needs an answer from 1 to 5.", index + 1)
            }
        }
    }
}

/// True for an answer to a statement, 1–5 (a stored 0, or anything else, means not answered).
pub fn is_answer(value: u8) -> bool {
    (1..=5).contains(&value)
}

/// Checks there is one answer from 1 to 5 per item.
fn check_answers(answers: &[u8], expected: usize) -> Result<(), AnswerProblem> {
    if answers.len() != expected {
        return Err(AnswerProblem::WrongCount { expected, got: answers.len() });
    }
    match answers.iter().position(|a| !is_answer(*a)) {
        Some(index) => Err(AnswerProblem::OutOfRange { index, value: answers[index] }),
        None => Ok(()),
    }
}

/// Points 0–4 from an answer 1–5, turned round for reverse-scored items.
fn points(answer: u8, reverse: bool) -> u32 {
    let a = u32::from(answer.clamp(1, 5));
    if reverse {
        5 - a
    } else {
        a - 1
    }
}

/// `points` out of `4 × items` as 0–100, rounded.
fn percent(points: u32, items: u32) -> u8 {
    if items == 0 {
        return 0;
    }
    let max = 4 * items;
    u8::try_from((200 * points + max) / (2 * max)).unwrap_or(100)
}

/// Where a 0–100 area score sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// Below 40.
    Low,
    /// 40–70.
    Middle,
    /// Above 70.
    High,
}

impl Band {
    /// The band of a 0–100 score.
    pub fn of(score: u8) -> Band {
        match score {
            0..=39 => Band::Low,
            40..=70 => Band::Middle,
            _ => Band::High,
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// My trustworthiness
// ---------------------------------------------------------------------------------------------------------------

/// An area of the trustworthiness self-assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Doing what I say I will do.
    Reliability,
    /// Telling the truth.
    Honesty,
    /// Acting on my values.
    Integrity,
}

impl Area {
    /// The three areas, in the order results are shown.
    pub const ALL: [Area; 3] = [Area::Reliability, Area::Honesty, Area::Integrity];

    /// Its name on screen.
    pub fn label(self) -> &'static str {
        match self {
            Area::Reliability => "Reliability",
            Area::Honesty => "Honesty",
            Area::Integrity => "Integrity",
        }
    }

    /// What the result says for a band: a tendency, described kindly.
    pub fn explanation(self, band: Band) -> &'static str {
        match (self, band) {
            (Area::Reliability, Band::Low) => {
                "Following through is hard for you at the moment. That is common when life is full, or when you say \
                 yes to keep the peace. Small promises you can keep are a good place to start."
            }
            (Area::Reliability, Band::Middle) => {
                "You follow through on a lot of what you say, and some things slip. Noticing which ones slip, and \
                 why, shows you where a small change would help."
            }
            (Area::Reliability, Band::High) => {
                "You tend to do what you say you will, and people can usually plan around your word. Watch for \
                 saying yes to more than you can manage."
            }
            (Area::Honesty, Band::Low) => {
                "You often soften or hold back the truth, perhaps to avoid conflict or to protect someone. That is \
                 understandable. One small honest moment at a time can make it feel safer."
            }
            (Area::Honesty, Band::Middle) => {
                "You are honest much of the time, and sometimes the easier answer wins. Noticing when that happens \
                 is the first step."
            }
            (Area::Honesty, Band::High) => {
                "You tend to say what is true, even when it is uncomfortable. Honesty said with kindness is one of \
                 the strongest ways to build trust."
            }
            (Area::Integrity, Band::Low) => {
                "What you value and what you do don't always line up right now. Many people feel that gap. Choosing \
                 one value to act on this week is a gentle start."
            }
            (Area::Integrity, Band::Middle) => {
                "Your actions often match your values, with some exceptions. Looking at the exceptions without \
                 judging yourself shows you what gets in the way."
            }
            (Area::Integrity, Band::High) => {
                "Your actions tend to match what you say you value, whether or not anyone is watching. That \
                 consistency is what others come to rely on."
            }
        }
    }
}

/// One statement of the trustworthiness self-assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustworthinessItem {
    /// The statement, answered Never … Always.
    pub text: &'static str,
    /// The area it belongs to.
    pub area: Area,
    /// True when "Always" is the less trustworthy answer (scored the other way round).
    pub reverse: bool,
    /// A small promise to myself that practises it.
    pub promise: &'static str,
}

/// Shorthand for the item table.
const fn item(text: &'static str, area: Area, reverse: bool, promise: &'static str) -> TrustworthinessItem {
    TrustworthinessItem { text, area, reverse, promise }
}

/// The statements of "My trustworthiness", in the order they are asked.
pub const TRUSTWORTHINESS_ITEMS: [TrustworthinessItem; 18] = [
    item(
        "When I say I will do something, I do it.",
        Area::Reliability,
        false,
        "do one thing I said I would, when I said I would",
    ),
    item(
        "I turn up when I said I would, or let people know in good time if I can't.",
        Area::Reliability,
        false,
        "be on time, or send a message before I am late",
    ),
    item(
        "I forget things I told someone I would do.",
        Area::Reliability,
        true,
        "write down what I agree to do, so I don't forget it",
    ),
    item(
        "I say yes to more than I can manage.",
        Area::Reliability,
        true,
        "say yes only to what I can manage this week",
    ),
    item("I finish what I start.", Area::Reliability, false, "finish one thing I have started before I begin another"),
    item(
        "People can count on me when things get hard.",
        Area::Reliability,
        false,
        "check in on someone who is going through a hard time",
    ),
    item(
        "I tell the truth, even when it is uncomfortable.",
        Area::Honesty,
        false,
        "tell the truth once this week when it would be easier not to",
    ),
    item(
        "I bend the facts a little to avoid an argument.",
        Area::Honesty,
        true,
        "say what actually happened, even in small things",
    ),
    item("I say so when I don't know something.", Area::Honesty, false, "say \"I don't know\" when I don't know"),
    item("I own up to my mistakes.", Area::Honesty, false, "own up to one mistake, plainly and without excuses"),
    item(
        "I tell people what they want to hear rather than what I think.",
        Area::Honesty,
        true,
        "share my honest view once, kindly",
    ),
    item(
        "I let people know how I really feel when it matters.",
        Area::Honesty,
        false,
        "tell someone how I really feel about one small thing",
    ),
    item(
        "I act the same way whether or not anyone is watching.",
        Area::Integrity,
        false,
        "do one right thing that no one will see",
    ),
    item(
        "I keep what people tell me in confidence to myself.",
        Area::Integrity,
        false,
        "keep what I am told in confidence to myself",
    ),
    item(
        "I talk about people behind their backs in ways I wouldn't to their face.",
        Area::Integrity,
        true,
        "speak about people as if they could hear me",
    ),
    item(
        "What I do matches the values I say I hold.",
        Area::Integrity,
        false,
        "pick one value and act on it once today",
    ),
    item(
        "I cut corners when I think no one will notice.",
        Area::Integrity,
        true,
        "do one task properly, even if no one checks",
    ),
    item(
        "I stand up for what is fair, even when it costs me something.",
        Area::Integrity,
        false,
        "speak up once when something is not fair",
    ),
];

/// The result for one area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaScore {
    /// The area.
    pub area: Area,
    /// 0–100: how strongly the answers lean toward trustworthy habits in this area.
    pub score: u8,
    /// Low, middle or high.
    pub band: Band,
    /// What that tends to mean, in plain words.
    pub explanation: &'static str,
}

/// Scores "My trustworthiness": one answer 1–5 per item in [`TRUSTWORTHINESS_ITEMS`] order. Each answer gives
/// 0–4 points (reverse items the other way round); an area's score is its points as a share of the most possible.
pub fn score_trustworthiness(answers: &[u8]) -> Result<Vec<AreaScore>, AnswerProblem> {
    check_answers(answers, TRUSTWORTHINESS_ITEMS.len())?;
    Ok(Area::ALL
        .into_iter()
        .map(|area| {
            let (mut total, mut count) = (0u32, 0u32);
            for (item, &answer) in TRUSTWORTHINESS_ITEMS.iter().zip(answers).filter(|(i, _)| i.area == area) {
                total += points(answer, item.reverse);
                count += 1;
            }
            let score = percent(total, count);
            let band = Band::of(score);
            AreaScore { area, score, band, explanation: area.explanation(band) }
        })
        .collect())
}

/// A trustworthiness item turned into a small promise to myself ("I will …"); `None` for an index out of range.
pub fn item_to_promise_text(item_index: usize) -> Option<String> {
    TRUSTWORTHINESS_ITEMS.get(item_index).map(|item| format!("I will {}.", item.promise))
}

// ---------------------------------------------------------------------------------------------------------------
// Where my trust issues come from
// ---------------------------------------------------------------------------------------------------------------

/// A theme of the origins reflection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tendency {
    /// Past betrayals still shaping what I expect.
    PastBetrayal,
    /// Lessons about trust learned in childhood.
    Childhood,
    /// Patterns that repeat across relationships.
    RelationshipPatterns,
    /// Worry about closeness being lost (anxious attachment tendency).
    AnxiousAttachment,
    /// Unease with closeness and depending on others (avoidant attachment tendency).
    AvoidantAttachment,
}

impl Tendency {
    /// The themes, in the order the reflection walks through them (one section each).
    pub const ALL: [Tendency; 5] = [
        Tendency::PastBetrayal,
        Tendency::Childhood,
        Tendency::RelationshipPatterns,
        Tendency::AnxiousAttachment,
        Tendency::AvoidantAttachment,
    ];

    /// The section title.
    pub fn label(self) -> &'static str {
        match self {
            Tendency::PastBetrayal => "Past betrayals",
            Tendency::Childhood => "Childhood",
            Tendency::RelationshipPatterns => "Relationship patterns",
            Tendency::AnxiousAttachment => "Worrying about closeness",
            Tendency::AvoidantAttachment => "Keeping a safe distance",
        }
    }

    /// The free-text question at the end of the section (stored in [`AssessmentRun::reflections`]).
    pub fn reflection_prompt(self) -> &'static str {
        match self {
            Tendency::PastBetrayal => {
                "Is there a time your trust was broken that still comes back to you? What happened?"
            }
            Tendency::Childhood => "What did you learn about trusting people when you were growing up?",
            Tendency::RelationshipPatterns => "Do you notice something that repeats in your relationships?",
            Tendency::AnxiousAttachment => "When you worry someone is pulling away, what do you usually do?",
            Tendency::AvoidantAttachment => "When someone gets close, what makes you want to step back?",
        }
    }

    /// What the result says for a level: a tendency, never a label.
    pub fn description(self, level: Level) -> &'static str {
        match (self, level) {
            (Tendency::PastBetrayal, Level::Low) => "Past hurts don't seem to weigh much on how you trust today.",
            (Tendency::PastBetrayal, Level::Some) => {
                "Some past hurt still shows up in how you trust. That makes sense: the mind learns from pain and \
                 tries to protect you from it happening again."
            }
            (Tendency::PastBetrayal, Level::Strong) => {
                "A past betrayal seems to still shape a lot of what you expect from people. That is a natural way \
                 to protect yourself after being hurt. Noticing when an old hurt speaks about a new person is a \
                 first step in loosening its hold."
            }
            (Tendency::Childhood, Level::Low) => {
                "Growing up, you seem to have had mostly steady experiences of being able to rely on people."
            }
            (Tendency::Childhood, Level::Some) => {
                "Some of what you learned about trust as a child may still be with you — for example, that it is \
                 safer to rely on yourself."
            }
            (Tendency::Childhood, Level::Strong) => {
                "Growing up, relying on others may often not have felt safe, and you may have learned to manage on \
                 your own. That was a clever way to cope then. Today you can choose, step by step, where it still \
                 fits."
            }
            (Tendency::RelationshipPatterns, Level::Low) => {
                "You don't notice many repeating patterns of hurt or testing in your relationships."
            }
            (Tendency::RelationshipPatterns, Level::Some) => {
                "Some patterns seem to repeat in your relationships. Seeing a pattern is useful: it is something you \
                 can work with."
            }
            (Tendency::RelationshipPatterns, Level::Strong) => {
                "Similar things seem to happen again and again in your relationships, such as testing people or \
                 leaving before you can be left. These patterns usually started as protection, and they can change."
            }
            (Tendency::AnxiousAttachment, Level::Low) => "You don't tend to worry much about people pulling away.",
            (Tendency::AnxiousAttachment, Level::Some) => {
                "Sometimes you worry that people will pull away, and reassurance helps. Many people feel this, \
                 especially under stress."
            }
            (Tendency::AnxiousAttachment, Level::Strong) => {
                "You tend to worry about losing the people you are close to, and silence can feel alarming. This is \
                 sometimes called an anxious attachment tendency. Checking the evidence before acting on the worry \
                 can bring some calm."
            }
            (Tendency::AvoidantAttachment, Level::Low) => {
                "Closeness and depending on others don't seem to make you very uneasy."
            }
            (Tendency::AvoidantAttachment, Level::Some) => {
                "Sometimes you keep people at a distance or prefer to manage alone. That can feel safer, and it can \
                 also keep support away."
            }
            (Tendency::AvoidantAttachment, Level::Strong) => {
                "You tend to keep your feelings to yourself and step back when someone gets close. This is sometimes \
                 called an avoidant attachment tendency. Small, safe steps of openness — like the disclosure ladder \
                 — can help closeness feel less risky."
            }
        }
    }
}

/// How strongly a tendency showed in the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Little sign of it (below 34 of 100).
    Low,
    /// Some sign of it (34–66).
    Some,
    /// A strong sign of it (67 and above).
    Strong,
}

impl Level {
    /// The level of a 0–100 score.
    pub fn of(score: u8) -> Level {
        match score {
            0..=33 => Level::Low,
            34..=66 => Level::Some,
            _ => Level::Strong,
        }
    }

    /// Its name on screen.
    pub fn label(self) -> &'static str {
        match self {
            Level::Low => "Little sign of this",
            Level::Some => "Some sign of this",
            Level::Strong => "A strong sign of this",
        }
    }
}

/// The statements of "Where my trust issues come from", with the tendency each speaks to, in the order asked.
pub const ORIGINS_ITEMS: [(&str, Tendency); 15] = [
    ("Someone I trusted deeply lied to me or let me down in a way that still hurts.", Tendency::PastBetrayal),
    ("When I think about a past betrayal, I can still feel it in my body.", Tendency::PastBetrayal),
    ("I expect new people to hurt me the way someone once did.", Tendency::PastBetrayal),
    ("Growing up, promises made to me were often broken.", Tendency::Childhood),
    ("As a child, I learned it was safer to rely only on myself.", Tendency::Childhood),
    ("The adults around me when I was young were hard to predict.", Tendency::Childhood),
    ("I keep ending up in relationships where I feel let down.", Tendency::RelationshipPatterns),
    ("I test people to see whether they will stay.", Tendency::RelationshipPatterns),
    ("I end things before the other person can hurt me.", Tendency::RelationshipPatterns),
    ("When someone doesn't reply quickly, I worry something is wrong between us.", Tendency::AnxiousAttachment),
    ("I need a lot of reassurance that people care about me.", Tendency::AnxiousAttachment),
    ("I worry that the people I love will leave me.", Tendency::AnxiousAttachment),
    ("I feel uneasy when someone wants to be very close to me.", Tendency::AvoidantAttachment),
    ("I prefer not to depend on others, even when I could use help.", Tendency::AvoidantAttachment),
    ("I keep my feelings to myself, even with people I am close to.", Tendency::AvoidantAttachment),
];

/// The result for one tendency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TendencyResult {
    /// The tendency.
    pub tendency: Tendency,
    /// 0–100: how much the answers lean toward it.
    pub score: u8,
    /// Low, some or strong.
    pub level: Level,
    /// What that tends to mean, in plain words.
    pub description: &'static str,
}

/// Scores "Where my trust issues come from": one answer 1–5 per item in [`ORIGINS_ITEMS`] order; each tendency's
/// score is its points (answer − 1) as a share of the most possible.
pub fn score_origins(answers: &[u8]) -> Result<Vec<TendencyResult>, AnswerProblem> {
    check_answers(answers, ORIGINS_ITEMS.len())?;
    Ok(Tendency::ALL
        .into_iter()
        .map(|tendency| {
            let (mut total, mut count) = (0u32, 0u32);
            for (_, &answer) in ORIGINS_ITEMS.iter().zip(answers).filter(|((_, t), _)| *t == tendency) {
                total += points(answer, false);
                count += 1;
            }
            let score = percent(total, count);
            let level = Level::of(score);
            TendencyResult { tendency, score, level, description: tendency.description(level) }
        })
        .collect())
}

/// A link from an origins note to a page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdviceLink {
    /// The link's text.
    pub text: &'static str,
    /// The app path it opens.
    pub href: &'static str,
}

/// Something worth saying about an origins result as a whole, beyond each tendency on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OriginsNote {
    /// Worry about closeness and keeping a distance both showed strongly: the fearful-avoidant pattern.
    FearfulAvoidant,
    /// A strong sign that a past betrayal still shapes much of what you expect.
    HeavyPastHurt,
}

impl OriginsNote {
    /// Its heading.
    pub fn title(self) -> &'static str {
        match self {
            OriginsNote::FearfulAvoidant => "Wanting closeness and fearing it",
            OriginsNote::HeavyPastHurt => "An old hurt that still weighs a lot",
        }
    }

    /// What it says, in plain words: a tendency, never a label.
    pub fn text(self) -> &'static str {
        match self {
            OriginsNote::FearfulAvoidant => {
                "Both worrying about closeness and keeping a safe distance showed strongly in your answers. Wanting \
                 to be close and being afraid of it at the same time is sometimes called a fearful-avoidant pattern: \
                 high anxiety and high avoidance together. It can feel like reaching for people and pushing them away \
                 at once. It is common in people who were hurt by someone close, including through abuse, and it made \
                 sense as a way to stay safe. It is a tendency, not a label, and it can ease, often with the help of \
                 a therapist."
            }
            OriginsNote::HeavyPastHurt => {
                "Your answers suggest a past betrayal still weighs heavily on you. You don't have to carry that \
                 alone. A therapist, especially one who works with betrayal or trauma, can help, and the Help page \
                 lists where to find support today. If the person who hurt you is still in your life and you are \
                 afraid of them, start with the lesson on abuse and control."
            }
        }
    }

    /// Where to go next.
    pub fn links(self) -> &'static [AdviceLink] {
        match self {
            OriginsNote::FearfulAvoidant => &[
                AdviceLink { text: "Attachment styles", href: "/learn/where-trust-issues-come-from#attachment-styles" },
                AdviceLink { text: "When and how to get support", href: "/learn/professional-help" },
            ],
            OriginsNote::HeavyPastHurt => &[
                AdviceLink { text: "Help and crisis lines", href: "/help" },
                AdviceLink { text: "When and how to get support", href: "/learn/professional-help" },
                AdviceLink { text: "When the problem is their behaviour", href: "/learn/abuse-and-control" },
            ],
        }
    }
}

/// The notes an origins result calls for, in the order to show them: support first for a strong sign of past
/// betrayal, then the fearful-avoidant pattern when worry about closeness and keeping a distance are both strong.
pub fn origins_notes(results: &[TendencyResult]) -> Vec<OriginsNote> {
    let strong = |tendency: Tendency| results.iter().any(|r| r.tendency == tendency && r.level == Level::Strong);
    let mut notes = Vec::new();
    if strong(Tendency::PastBetrayal) {
        notes.push(OriginsNote::HeavyPastHurt);
    }
    if strong(Tendency::AnxiousAttachment) && strong(Tendency::AvoidantAttachment) {
        notes.push(OriginsNote::FearfulAvoidant);
    }
    notes
}

// ---------------------------------------------------------------------------------------------------------------
// Stored runs
// ---------------------------------------------------------------------------------------------------------------

/// Which self-assessment a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentKind {
    /// "My trustworthiness".
    #[default]
    Trustworthiness,
    /// "Where my trust issues come from".
    Origins,
}

impl AssessmentKind {
    /// Its title.
    pub fn label(self) -> &'static str {
        match self {
            AssessmentKind::Trustworthiness => "My trustworthiness",
            AssessmentKind::Origins => "Where my trust issues come from",
        }
    }

    /// How many statements it has.
    pub fn item_count(self) -> usize {
        match self {
            AssessmentKind::Trustworthiness => TRUSTWORTHINESS_ITEMS.len(),
            AssessmentKind::Origins => ORIGINS_ITEMS.len(),
        }
    }

    /// The words of statement `index` (empty past the last one).
    pub fn item_text(self, index: usize) -> &'static str {
        match self {
            AssessmentKind::Trustworthiness => TRUSTWORTHINESS_ITEMS.get(index).map_or("", |i| i.text),
            AssessmentKind::Origins => ORIGINS_ITEMS.get(index).map_or("", |(text, _)| text),
        }
    }

    /// What the answers 1–5 mean.
    pub fn answer_labels(self) -> [&'static str; 5] {
        match self {
            AssessmentKind::Trustworthiness => FREQUENCY_LABELS,
            AssessmentKind::Origins => AGREEMENT_LABELS,
        }
    }

    /// What an answer means in words ("Often"); `None` for an unanswered statement.
    pub fn answer_label(self, answer: u8) -> Option<&'static str> {
        is_answer(answer).then(|| self.answer_labels()[usize::from(answer) - 1])
    }

    /// The screens a run is asked in: [`STATEMENTS_PER_SCREEN`] statements each for "My trustworthiness", one
    /// theme each (with its reflection) for "Where my trust issues come from".
    pub fn screens(self) -> Vec<Screen> {
        match self {
            AssessmentKind::Trustworthiness => (0..TRUSTWORTHINESS_ITEMS.len())
                .step_by(STATEMENTS_PER_SCREEN)
                .map(|start| {
                    let end = (start + STATEMENTS_PER_SCREEN).min(TRUSTWORTHINESS_ITEMS.len());
                    Screen { title: format!("Statements {}–{end}", start + 1), items: start..end, reflection: None }
                })
                .collect(),
            AssessmentKind::Origins => Tendency::ALL
                .into_iter()
                .enumerate()
                .map(|(section, tendency)| {
                    let first = ORIGINS_ITEMS.iter().position(|(_, t)| *t == tendency).unwrap_or(0);
                    let count = ORIGINS_ITEMS.iter().filter(|(_, t)| *t == tendency).count();
                    Screen {
                        title: tendency.label().to_owned(),
                        items: first..first + count,
                        reflection: Some(section),
                    }
                })
                .collect(),
        }
    }
}

/// Statements per screen of "My trustworthiness".
pub const STATEMENTS_PER_SCREEN: usize = 6;

/// One screen of a run: a title, the statements on it and, for origins, the reflection it ends with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    /// Its heading ("Statements 1–6", or the theme's name).
    pub title: String,
    /// The statements on it (indices into the kind's items).
    pub items: Range<usize>,
    /// Origins only: the section (index in [`Tendency::ALL`]) whose reflection ends the screen.
    pub reflection: Option<usize>,
}

/// Which of `screens` holds statement `item` (the first screen when none does), to resume a run where it was left.
pub fn screen_holding(screens: &[Screen], item: usize) -> usize {
    screens.iter().position(|s| s.items.contains(&item)).unwrap_or(0)
}

/// One time through a self-assessment, saved as it is answered.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AssessmentRun {
    /// Stable random id.
    pub id: String,
    /// When it was started (UTC, ISO 8601).
    pub created_at: String,
    /// Last change (UTC, ISO 8601).
    pub updated_at: String,
    /// Which assessment.
    pub kind: AssessmentKind,
    /// Answers 1–5 in item order; 0 = not answered yet.
    pub answers: Vec<u8>,
    /// Origins only: free-text reflections, one per section in [`Tendency::ALL`] order (may be empty).
    pub reflections: Vec<String>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

crate::stored_record!(AssessmentRun, keys::ASSESSMENTS_PREFIX);

impl AssessmentRun {
    /// A new, unanswered run.
    pub fn new(id: String, kind: AssessmentKind, now: &str) -> Self {
        AssessmentRun {
            id,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            kind,
            answers: vec![0; kind.item_count()],
            ..Default::default()
        }
    }

    /// Sets the answer (1–5, clamped) to item `index`; ignored for an index past the last item.
    pub fn answer(&mut self, index: usize, value: u8, now: &str) {
        if index >= self.kind.item_count() {
            return;
        }
        if self.answers.len() <= index {
            self.answers.resize(index + 1, 0);
        }
        self.answers[index] = value.clamp(1, 5);
        self.updated_at = now.to_owned();
    }

    /// Sets the reflection for an origins section (index in [`Tendency::ALL`] order).
    pub fn reflect(&mut self, section: usize, text: &str, now: &str) {
        if section >= Tendency::ALL.len() {
            return;
        }
        if self.reflections.len() <= section {
            self.reflections.resize(section + 1, String::new());
        }
        self.reflections[section] = text.to_owned();
        self.updated_at = now.to_owned();
    }

    /// True when statement `index` has an answer 1–5.
    pub fn is_answered(&self, index: usize) -> bool {
        self.answers.get(index).is_some_and(|a| is_answer(*a))
    }

    /// How many answers 1–5 it holds.
    pub fn answered_count(&self) -> usize {
        self.answers.iter().filter(|a| is_answer(**a)).count()
    }

    /// The first item still unanswered, to resume where the user left off; `None` when all are answered.
    pub fn next_unanswered(&self) -> Option<usize> {
        (0..self.kind.item_count()).find(|&i| !self.is_answered(i))
    }

    /// True when every statement of `screen` has an answer 1–5 (the screen may be left forward).
    pub fn screen_done(&self, screen: &Screen) -> bool {
        screen.items.clone().all(|i| self.is_answered(i))
    }

    /// True when every item has an answer 1–5.
    pub fn is_complete(&self) -> bool {
        self.answers.len() == self.kind.item_count() && self.next_unanswered().is_none()
    }

    /// Area scores, for a complete trustworthiness run.
    pub fn trustworthiness(&self) -> Result<Vec<AreaScore>, AnswerProblem> {
        score_trustworthiness(&self.answers)
    }

    /// Tendency results, for a complete origins run.
    pub fn origins(&self) -> Result<Vec<TendencyResult>, AnswerProblem> {
        score_origins(&self.answers)
    }
}

/// Complete runs of one kind, oldest first — the history to compare against.
pub fn history(runs: &[AssessmentRun], kind: AssessmentKind) -> Vec<&AssessmentRun> {
    let mut list: Vec<&AssessmentRun> = runs.iter().filter(|r| r.kind == kind && r.is_complete()).collect();
    sort_stable_by(&mut list, |a, b| a.created_at.cmp(&b.created_at));
    list
}

/// Change in each area's score from the previous complete trustworthiness run to the latest, as
/// `(area, latest score, change)`; empty with fewer than two complete runs.
pub fn trustworthiness_change(runs: &[AssessmentRun]) -> Vec<(Area, u8, i16)> {
    let list = history(runs, AssessmentKind::Trustworthiness);
    let [.., previous, latest] = list.as_slice() else {
        return Vec::new();
    };
    match (previous.trustworthiness(), latest.trustworthiness()) {
        (Ok(before), Ok(after)) => area_changes(&before, &after),
        _ => Vec::new(),
    }
}

/// Each area's score in `after` with its change from `before`, as `(area, score, change)`, area by area.
pub fn area_changes(before: &[AreaScore], after: &[AreaScore]) -> Vec<(Area, u8, i16)> {
    before.iter().zip(after).map(|(b, a)| (a.area, a.score, i16::from(a.score) - i16::from(b.score))).collect()
}

/// A change in points with its sign: "+8", "−3", or "no change".
pub fn points_change(delta: i16) -> String {
    match delta {
        0 => "no change".to_owned(),
        d => signed_whole(f64::from(d)),
    }
}

/// "Since last time: Reliability +8, Honesty no change, Integrity −3." for the latest result; `None` without a
/// run to compare with (see [`trustworthiness_change`]).
pub fn since_last_time(changes: &[(Area, u8, i16)]) -> Option<String> {
    if changes.is_empty() {
        return None;
    }
    let parts: Vec<String> =
        changes.iter().map(|(area, _, delta)| format!("{} {}", area.label(), points_change(*delta))).collect();
    Some(format!("Since last time: {}.", parts.join(", ")))
}

/// One complete run in the history, without its day: each area's score with the change from `previous`
/// ("Reliability 75 (+8) · Honesty 50 (no change) · …"), or each theme's level for origins
/// ("Past betrayals: some sign of this · …").
pub fn run_summary(run: &AssessmentRun, previous: Option<&AssessmentRun>) -> String {
    match run.kind {
        AssessmentKind::Trustworthiness => {
            let now = run.trustworthiness().unwrap_or_default();
            let changes = previous.and_then(|p| p.trustworthiness().ok()).map(|before| area_changes(&before, &now));
            now.iter()
                .enumerate()
                .map(|(i, s)| {
                    let change = changes
                        .as_ref()
                        .and_then(|c| c.get(i))
                        .map(|(_, _, delta)| format!(" ({})", points_change(*delta)))
                        .unwrap_or_default();
                    format!("{} {}{change}", s.area.label(), s.score)
                })
                .collect::<Vec<_>>()
                .join(" · ")
        }
        AssessmentKind::Origins => run
            .origins()
            .unwrap_or_default()
            .iter()
            .map(|r| format!("{}: {}", r.tendency.label(), r.level.label().to_lowercase()))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}
