//! The message builder's rules: word lists for feelings and needs, checks that catch judging words, and the
//! composed message (Nonviolent Communication or a plain I-statement).

use super::worksheets::trim_end_punctuation;

/// Feeling words, grouped.
pub const FEELING_GROUPS: &[(&str, &[&str])] = &[
    (
        "Hurt or sad",
        &[
            "hurt",
            "sad",
            "lonely",
            "disappointed",
            "discouraged",
            "heartbroken",
            "down",
            "helpless",
            "hopeless",
            "grieving",
            "homesick",
            "left out",
            "regretful",
            "tired",
            "drained",
            "overwhelmed",
        ],
    ),
    (
        "Afraid or uneasy",
        &[
            "afraid",
            "anxious",
            "worried",
            "nervous",
            "scared",
            "insecure",
            "uneasy",
            "tense",
            "on edge",
            "vulnerable",
            "confused",
            "torn",
            "unsure",
            "suspicious",
            "jealous",
            "embarrassed",
            "ashamed",
        ],
    ),
    (
        "Angry or fed up",
        &["angry", "annoyed", "frustrated", "irritated", "resentful", "impatient", "bitter", "exasperated", "fed up"],
    ),
    (
        "Glad or at ease",
        &[
            "calm",
            "relieved",
            "grateful",
            "hopeful",
            "happy",
            "glad",
            "safe",
            "relaxed",
            "close",
            "connected",
            "moved",
            "touched",
            "proud",
            "confident",
            "curious",
            "excited",
            "warm",
            "content",
            "trusting",
            "loved",
        ],
    ),
];

/// Needs, grouped.
pub const NEED_GROUPS: &[(&str, &[&str])] = &[
    (
        "Connection",
        &[
            "closeness",
            "to be heard",
            "to be understood",
            "to be seen",
            "acceptance",
            "appreciation",
            "belonging",
            "care",
            "companionship",
            "empathy",
            "warmth",
            "support",
            "intimacy",
            "affection",
            "respect",
        ],
    ),
    (
        "Trust and safety",
        &[
            "honesty",
            "reliability",
            "consistency",
            "openness",
            "safety",
            "security",
            "predictability",
            "reassurance",
            "clarity",
            "fairness",
            "loyalty",
            "follow-through",
        ],
    ),
    (
        "Me and my life",
        &[
            "rest",
            "space",
            "time to myself",
            "choice",
            "independence",
            "ease",
            "peace",
            "order",
            "fun",
            "meaning",
            "growth",
            "shared effort",
            "to matter",
            "to contribute",
        ],
    ),
];

/// Words that sound like feelings but say what someone else did; each with feelings that may lie underneath.
pub const HIDDEN_JUDGMENTS: &[(&str, &[&str])] = &[
    ("betrayed", &["hurt", "shocked", "sad", "angry"]),
    ("ignored", &["lonely", "hurt", "unsure"]),
    ("manipulated", &["uneasy", "suspicious", "angry", "confused"]),
    ("abandoned", &["lonely", "afraid", "sad"]),
    ("rejected", &["hurt", "sad", "embarrassed"]),
    ("used", &["resentful", "hurt", "drained"]),
    ("unappreciated", &["sad", "discouraged", "resentful"]),
    ("disrespected", &["hurt", "angry", "frustrated"]),
    ("attacked", &["scared", "hurt", "defensive"]),
    ("criticised", &["hurt", "embarrassed", "discouraged"]),
    ("criticized", &["hurt", "embarrassed", "discouraged"]),
    ("blamed", &["hurt", "frustrated", "anxious"]),
    ("let down", &["disappointed", "sad", "discouraged"]),
    ("lied to", &["hurt", "shocked", "uneasy"]),
    ("cheated", &["hurt", "angry", "heartbroken"]),
    ("neglected", &["lonely", "sad", "hurt"]),
    ("unheard", &["frustrated", "lonely", "sad"]),
    ("misunderstood", &["frustrated", "lonely", "sad"]),
    ("pressured", &["tense", "anxious", "resentful"]),
    ("controlled", &["frustrated", "tense", "angry"]),
    ("judged", &["hurt", "embarrassed", "uneasy"]),
    ("patronised", &["annoyed", "frustrated", "hurt"]),
    ("patronized", &["annoyed", "frustrated", "hurt"]),
    ("taken for granted", &["resentful", "sad", "tired"]),
    ("invisible", &["lonely", "sad", "hurt"]),
    ("smothered", &["tense", "overwhelmed", "irritated"]),
    ("cornered", &["scared", "tense", "angry"]),
    ("humiliated", &["embarrassed", "hurt", "angry"]),
];

/// Words and phrases in an observation that judge rather than describe; each with why it gets in the way.
pub const JUDGING_WORDS: &[(&str, &str)] = &[
    ("always", "“Always” turns one moment into a verdict. Name the time it happened."),
    ("never", "“Never” is hard to hear without arguing. Describe the specific time instead."),
    ("every time", "“Every time” invites a debate about the exceptions. Pick the one time you mean."),
    ("constantly", "“Constantly” sounds like a charge. Say when, and how often, as plainly as you can."),
    ("you're so", "“You're so …” describes the person, not what they did. Say what you saw or heard."),
    ("you are so", "“You are so …” describes the person, not what they did. Say what you saw or heard."),
    ("you're such", "“You're such a …” is a label. Say what happened instead."),
    ("you are such", "“You are such a …” is a label. Say what happened instead."),
    ("you don't care", "This guesses at what they feel. Describe what they did."),
    ("you make me", "This hands them your feeling. Keep the feeling for the next part."),
    ("obviously", "“Obviously” presents a guess as fact. Stick to what a camera would record."),
    ("typical", "“Typical” adds up old scores. Keep to this one time."),
    ("selfish", "“Selfish” is a judgment of the person. What did they do?"),
    ("lazy", "“Lazy” is a judgment of the person. What did they do, or not do?"),
    ("rude", "“Rude” is a judgment. What did they say or do?"),
    ("inconsiderate", "“Inconsiderate” is a judgment. What did they do?"),
    ("ridiculous", "“Ridiculous” is a judgment. Describe what happened."),
    ("useless", "“Useless” is a judgment. Describe what happened."),
];

/// Words in a request that make it hard to say yes to: negative or vague, or a demand.
pub const REQUEST_WARNINGS: &[(&str, &str)] = &[
    ("don't", "Ask for what you'd like them to do, rather than what to stop."),
    ("do not", "Ask for what you'd like them to do, rather than what to stop."),
    ("stop", "Ask for what you'd like them to do, rather than what to stop."),
    ("never", "Ask for what you'd like them to do, rather than what never to do."),
    ("more", "“More” is hard to act on. Say how much, or when."),
    ("better", "“Better” is hard to act on. Say what it would look like."),
    ("respect me", "Say what respect would look like in this situation: one thing they could do."),
    ("understand", "Understanding happens inside them. Ask for something they can do, like listen for ten minutes."),
    ("you have to", "“You have to” is a demand. A request leaves room for a no and a talk."),
    ("you must", "“You must” is a demand. A request leaves room for a no and a talk."),
    ("you need to", "“You need to” is a demand. A request leaves room for a no and a talk."),
];

/// How the message is put together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageStyle {
    /// "When …, I feel … because I need … Would you be willing to …?"
    Nvc,
    /// "I feel … when … I'd like … Could you …?"
    IStatement,
}

impl MessageStyle {
    /// From the stored choice (`i-statement`, or anything else for NVC).
    pub fn from_answer(answer: Option<&str>) -> MessageStyle {
        if answer == Some("i-statement") {
            MessageStyle::IStatement
        } else {
            MessageStyle::Nvc
        }
    }
}

/// The four parts, as typed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MessageParts<'a> {
    /// What happened, as a camera would record it.
    pub observation: &'a str,
    /// How I feel.
    pub feeling: &'a str,
    /// What I need.
    pub need: &'a str,
    /// What I am asking for.
    pub request: &'a str,
}

/// A word or phrase found in the text, with why it matters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordFlag {
    /// The word as listed (lower case).
    pub word: &'static str,
    /// Why it gets in the way.
    pub why: &'static str,
}

/// A judgment hidden in a feeling word, with feelings that may be underneath.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenJudgment {
    /// The word as listed.
    pub word: &'static str,
    /// Feelings that may lie underneath.
    pub underneath: &'static [&'static str],
}

/// Lower case with curly apostrophes made straight, so "You’re" matches "you're".
fn normalise(text: &str) -> String {
    text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'")
}

/// Whether `phrase` occurs in `text` as whole words.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'';
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// The listed entries whose word occurs in `text`, in list order.
fn find_listed<T: Copy>(text: &str, list: &[(&'static str, T)]) -> Vec<(&'static str, T)> {
    let text = normalise(text);
    list.iter().filter(|(word, _)| contains_phrase(&text, word)).copied().collect()
}

/// Judging words in an observation.
pub fn judging_words(observation: &str) -> Vec<WordFlag> {
    find_listed(observation, JUDGING_WORDS).into_iter().map(|(word, why)| WordFlag { word, why }).collect()
}

/// Like [`find_listed`], keeping only the first entry of each value (entries that share an explanation or a
/// suggestion, such as "criticised" and "criticized", are shown once).
fn find_listed_once<T: Copy + PartialEq>(text: &str, list: &[(&'static str, T)]) -> Vec<(&'static str, T)> {
    let mut found: Vec<(&'static str, T)> = Vec::new();
    for (word, value) in find_listed(text, list) {
        if !found.iter().any(|(_, v)| *v == value) {
            found.push((word, value));
        }
    }
    found
}

/// Feeling words that hide a judgment of the other person.
pub fn hidden_judgments(feeling: &str) -> Vec<HiddenJudgment> {
    find_listed_once(feeling, HIDDEN_JUDGMENTS)
        .into_iter()
        .map(|(word, underneath)| HiddenJudgment { word, underneath })
        .collect()
}

/// Things in a request that make it hard to say yes to.
pub fn request_warnings(request: &str) -> Vec<WordFlag> {
    find_listed_once(request, REQUEST_WARNINGS).into_iter().map(|(word, why)| WordFlag { word, why }).collect()
}

/// Every feeling word in the vocabulary.
pub fn feeling_words() -> impl Iterator<Item = &'static str> {
    FEELING_GROUPS.iter().flat_map(|(_, words)| words.iter().copied())
}

/// Every need in the list.
pub fn need_words() -> impl Iterator<Item = &'static str> {
    NEED_GROUPS.iter().flat_map(|(_, words)| words.iter().copied())
}

/// Adds a word to a comma-separated list as typed, unless it is already there; returns the new text.
pub fn add_word(list: &str, word: &str) -> String {
    let trimmed = list.trim_end().trim_end_matches(',').trim_end();
    if normalise(trimmed).split(',').any(|w| w.trim() == word) {
        return list.to_owned();
    }
    if trimmed.is_empty() {
        word.to_owned()
    } else {
        format!("{trimmed}, {word}")
    }
}

/// The request as a question: kept as typed if it already asks ("Could you…"), otherwise wrapped.
fn as_question(request: &str, style: MessageStyle) -> String {
    let request = trim_end_punctuation(request);
    let lower = normalise(request);
    let asks = ["would you", "could you", "can you", "will you", "would it", "could we", "can we", "shall we"];
    if asks.iter().any(|a| lower.starts_with(a)) {
        format!("{request}?")
    } else {
        match style {
            MessageStyle::Nvc => format!("Would you be willing to {request}?"),
            MessageStyle::IStatement => format!("Could you {request}?"),
        }
    }
}

/// Words that start a sentence but not a name: their capital goes when the part moves mid-sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "you",
    "he",
    "she",
    "they",
    "we",
    "it",
    "my",
    "your",
    "his",
    "her",
    "their",
    "our",
    "the",
    "this",
    "that",
    "there",
    "yesterday",
    "today",
    "tonight",
    "last",
    "on",
    "at",
    "after",
    "before",
    "during",
    "in",
];

/// One part made ready to sit inside the sentence: trimmed, without a final full stop, without an opening the
/// sentence already has ("When …", "I feel …", "I need …"), and without the capital of an ordinary first word
/// ("You looked" → "you looked"; names keep theirs). `missing` when empty, so the shape shows while typing.
fn sentence_part(text: &str, openings: &[&str], missing: &str) -> String {
    let mut part = trim_end_punctuation(text);
    let lower = normalise(part);
    if let Some(opening) = openings.iter().find(|o| lower.starts_with(*o)) {
        part = part.get(opening.len()..).unwrap_or(part).trim_start();
    } else if openings.iter().any(|o| lower == o.trim_end()) {
        part = ""; // only the opening typed so far ("I need")
    }
    if part.is_empty() {
        return missing.to_owned();
    }
    let first_word = part.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let mut chars = part.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() && SENTENCE_STARTERS.contains(&first_word.to_lowercase().as_str()) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => part.to_owned(),
    }
}

/// What the composed message shows for a part not written yet: the part's name in square brackets, so the
/// shape is visible while typing and a gap reads as a gap (a lone "…" looked like part of the sentence).
pub const MISSING_PARTS: MessageParts<'static> = MessageParts {
    observation: "[what happened]",
    feeling: "[your feeling]",
    need: "[your need]",
    request: "[your request]",
};

/// The composed message. Missing parts show as [`MISSING_PARTS`] so the shape is visible while typing.
pub fn compose(parts: MessageParts<'_>, style: MessageStyle) -> String {
    let request = if trim_end_punctuation(parts.request).is_empty() {
        MISSING_PARTS.request.to_owned()
    } else {
        as_question(parts.request, style)
    };
    let observation = sentence_part(parts.observation, &["when "], MISSING_PARTS.observation);
    let feeling = sentence_part(parts.feeling, &["i feel ", "i'm feeling ", "i am feeling "], MISSING_PARTS.feeling);
    let need = sentence_part(parts.need, &["because i need ", "i need ", "i'd like "], MISSING_PARTS.need);
    match style {
        MessageStyle::Nvc => format!("When {observation}, I feel {feeling}, because I need {need}. {request}"),
        MessageStyle::IStatement => format!("I feel {feeling} when {observation}. I'd like {need}. {request}"),
    }
}

/// True when all four parts are filled in.
pub fn is_complete(parts: MessageParts<'_>) -> bool {
    [parts.observation, parts.feeling, parts.need, parts.request].iter().all(|p| !p.trim().is_empty())
}
