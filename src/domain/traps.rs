//! Thinking traps: the catalogue, an offline rule-based finder that suggests likely traps while you write a
//! thought, the labelled sets that measure it, and the practice answer key.
//!
//! The finder matches short word patterns ("always", "what if", "she must think", "I feel … so …") on the
//! lower-cased words of a thought. Each pattern has a weight; a trap is suggested when its patterns add up to
//! [`SUGGEST_AT`], each trap at most once, at most three, strongest first. It is a hint, not a verdict: the
//! person writing decides. When the thought tells of danger ([`crate::domain::danger`]) it suggests nothing at all.
//!
//! How good it is, measured by [`score_finder`] (micro-averaged over (thought, trap) pairs) and checked by
//! `tests/traps.rs`, which fails if a change drops a figure below the measured value rounded down to 0.05:
//!
//! | set | thoughts | precision | recall | asserted at least |
//! |---|---|---|---|---|
//! | [`LABELLED_THOUGHTS`] (the rules were tuned on it) | 78 | 0.96 (79/82) | 0.96 (79/82) | 0.95 / 0.95 |
//! | [`HELD_OUT_THOUGHTS`] (never used for tuning) | 29 | 0.86 (24/28) | 0.83 (24/29) | 0.85 / 0.80 |
//! | [`PRACTICE_ITEMS`] (answer key, for information) | 28 | 0.81 (22/27) | 0.65 (22/34) | not asserted |
//!
//! Take these figures with care: all three sets and the rules were written by the same team, so they
//! share phrasing, and real journal entries are likely to score lower. The practice key, written for people to puzzle
//! over rather than for keywords, is the closest to that.

#[path = "trap_data.rs"]
mod trap_data;

pub use trap_data::{HELD_OUT_THOUGHTS, LABELLED_THOUGHTS, PRACTICE_ITEMS, TRAPS};

use crate::domain::danger::detect_danger;
use crate::domain::patterns::{compile_rules, negated, quote, tokenize, DistinctWords, Rule, RuleSource};
use crate::domain::stable_sort::{sort_stable_by, sort_stable_by_key};
use std::sync::OnceLock;

/// A thinking trap (cognitive distortion).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThinkingTrap {
    /// Stable id, also stored in thought records.
    pub slug: &'static str,
    /// Name shown to the user.
    pub name: &'static str,
    /// What it is, in one or two plain sentences.
    pub explanation: &'static str,
    /// A short example thought.
    pub example: &'static str,
}

/// The catalogue entry for a slug, if there is one.
pub fn trap_by_slug(slug: &str) -> Option<&'static ThinkingTrap> {
    TRAPS.iter().find(|t| t.slug == slug)
}

/// Step 4 of the thought record: the catalogue split into the suggested traps (in the finder's order, shown in
/// full) and the others (in catalogue order, shown as names that open), so every trap can still be chosen.
pub fn suggested_first(suggestions: &[TrapSuggestion]) -> (Vec<&'static ThinkingTrap>, Vec<&'static ThinkingTrap>) {
    let suggested: Vec<&'static ThinkingTrap> = suggestions.iter().filter_map(|s| trap_by_slug(s.trap)).collect();
    let others = TRAPS.iter().filter(|t| !suggested.iter().any(|s| s.slug == t.slug)).collect();
    (suggested, others)
}

/// A suggested trap with the reason it was suggested.
#[derive(Debug, Clone, PartialEq)]
pub struct TrapSuggestion {
    /// The trap's slug (see [`TRAPS`]).
    pub trap: &'static str,
    /// Why, quoting the words that matched.
    pub reason: String,
}

/// An example thought with the traps we (people) see in it; empty when the thought is fair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelledThought {
    /// The thought as someone might write it.
    pub text: &'static str,
    /// Slugs of the traps in it.
    pub traps: &'static [&'static str],
}

/// Precision and recall of the finder on a labelled set (micro-averaged over (thought, trap) pairs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FinderScore {
    /// Share of suggestions that match a label (1.0 when nothing was suggested).
    pub precision: f64,
    /// Share of labels that were suggested (1.0 when there were no labels).
    pub recall: f64,
    /// Suggestions that match a label.
    pub true_positives: usize,
    /// Suggestions with no matching label.
    pub false_positives: usize,
    /// Labels that were not suggested.
    pub false_negatives: usize,
}

/// A practice thought and its answer key. Items are only ever appended: practice history refers to them by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PracticeItem {
    /// The thought to look at.
    pub thought: &'static str,
    /// Slugs of the traps in it.
    pub answer: &'static [&'static str],
    /// Why, in one or two kind sentences.
    pub explanation: &'static str,
}

/// Feedback on one practice answer.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeGrade {
    /// Traps in the answer that were picked.
    pub correct: Vec<&'static str>,
    /// Traps in the answer that were not picked.
    pub missed: Vec<&'static str>,
    /// Picks that are not in the answer.
    pub wrong: Vec<String>,
    /// True when every answer trap was picked and nothing else.
    pub is_right: bool,
}

/// Grades a practice answer: which picks were right, which traps were missed, which picks were not in the key.
pub fn grade_practice(item: &PracticeItem, picked: &[String]) -> PracticeGrade {
    let picked: Vec<&str> = picked.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect();
    let correct: Vec<&'static str> = item.answer.iter().copied().filter(|a| picked.contains(a)).collect();
    let missed: Vec<&'static str> = item.answer.iter().copied().filter(|a| !picked.contains(a)).collect();
    let mut wrong: Vec<String> = Vec::new();
    for p in picked {
        if !item.answer.contains(&p) && !wrong.iter().any(|w| w == p) {
            wrong.push(p.to_owned());
        }
    }
    let is_right = missed.is_empty() && wrong.is_empty();
    PracticeGrade { correct, missed, wrong, is_right }
}

/// Measures [`suggest_traps`] against a labelled set.
pub fn score_finder(set: &[LabelledThought]) -> FinderScore {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for thought in set {
        let suggested = suggest_traps(thought.text);
        for s in &suggested {
            if thought.traps.contains(&s.trap) {
                tp += 1;
            } else {
                fp += 1;
            }
        }
        fn_ += thought.traps.iter().filter(|l| !suggested.iter().any(|s| s.trap == **l)).count();
    }
    let ratio = |num: usize, den: usize| if den == 0 { 1.0 } else { num as f64 / den as f64 };
    FinderScore {
        precision: ratio(tp, tp + fp),
        recall: ratio(tp, tp + fn_),
        true_positives: tp,
        false_positives: fp,
        false_negatives: fn_,
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The finder
// ---------------------------------------------------------------------------------------------------------------

/// A trap is suggested once the weights of its matched patterns add up to this.
pub const SUGGEST_AT: f32 = 0.75;

/// At most this many suggestions.
const MAX_SUGGESTIONS: usize = 3;

/// Pronouns and people a thought can be about, for patterns like "{someone} must think".
const SOMEONE: &str = "she|he|they|everyone|everybody|people|he's|she's|they're|you|mum|mom|dad|boss|partner|friend|\
                       colleague|colleagues|husband|wife|boyfriend|girlfriend|sister|brother|mother|father|parents";

/// Words that, just before a match, usually undo it ("not always", "isn't my fault").
const NEGATIONS: &[&str] =
    &["not", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "hardly", "nor"];

/// Ways of saying something will happen.
const FUTURE: &str = "will|he'll|she'll|they'll|it'll|i'll|you'll|we'll|won't|gonna";

/// Things fear predicts, for patterns like "{FUTURE} leave".
const BAD_FUTURE: &str =
    "leave|leaves|cheat|betray|end|lie|hurt|abandon|reject|dump|laugh|fail|forget|lose|break|stop|never|hate|regret";

/// How each trap is named inside a reason, and what that trap does, in a few words.
const REASONS: &[(&str, &str, &str)] = &[
    ("catastrophizing", "catastrophizing", "the worst outcome treated as the likely one"),
    ("overgeneralization", "overgeneralization", "one event stretched into a rule"),
    ("mind-reading", "mind-reading", "a guess about another person's inner world, treated as fact"),
    ("personalization", "personalization", "someone else's mood or choice taken as being about you"),
    ("all-or-nothing", "all-or-nothing thinking", "two boxes only, when most things sit in between"),
    ("labelling", "labelling", "one action turned into a whole identity"),
    ("emotional-reasoning", "emotional reasoning", "an emotion taken as proof"),
    ("should-statements", "a should statement", "a rigid rule about how you or others have to be"),
    ("discounting-the-positive", "discounting the positive", "good evidence brushed aside as if it hardly mattered"),
    ("fortune-telling", "fortune-telling", "a guess about the future treated as a fact"),
    ("mental-filter", "a mental filter", "one detail kept while the rest is screened out"),
    ("blaming", "blaming", "all the responsibility put in one place, when most things have several causes"),
];

/// A rule the negation check applies to.
const fn r(trap: &'static str, weight: f32, pattern: &'static str) -> RuleSource<&'static str> {
    RuleSource { label: trap, weight, pattern, negatable: true }
}

/// A rule that already contains its own negation ("doesn't count", "at all").
const fn keep(trap: &'static str, weight: f32, pattern: &'static str) -> RuleSource<&'static str> {
    RuleSource { label: trap, weight, pattern, negatable: false }
}

// The pattern language is described in `patterns.rs`: `word`, `a|b|c`, `word*`, `!a|b`, `..N` (a gap) and `$` (a
// pause); `{SOMEONE}`, `{FUTURE}` and `{BAD_FUTURE}` expand to the lists above.
const RULES: &[RuleSource<&'static str>] = &[
    // Catastrophizing
    r("catastrophizing", 1.0, "what if"),
    r("catastrophizing", 1.0, "disaster*"),
    r("catastrophizing", 1.0, "catastroph*"),
    r("catastrophizing", 1.0, "nightmare"),
    r("catastrophizing", 0.5, "terrible|awful|horrible|unbearable"),
    r("catastrophizing", 1.0, "something terrible|awful|horrible|bad|dreadful has|must|happened"),
    r("catastrophizing", 1.0, "end of the world"),
    r("catastrophizing", 1.0, "beginning of the end"),
    r("catastrophizing", 0.75, "the end of"),
    r("catastrophizing", 1.0, "can't|couldn't|won't|cannot survive|cope|bear|handle"),
    r("catastrophizing", 1.0, "ruin|ruins|ruined ..1 my|our|whole life|lives|future|chances"),
    r("catastrophizing", 0.75, "will be ruined|over|destroyed"),
    r("catastrophizing", 0.5, "ruin|ruined|ruins|destroyed|destroy"),
    r("catastrophizing", 0.75, "lose|losing everything|everyone|all|my"),
    r("catastrophizing", 1.0, "hospital|accident|dead|dying"),
    r("catastrophizing", 0.75, "it's over|finished"),
    r("catastrophizing", 0.5, "for good|forever"),
    // Overgeneralization
    r("overgeneralization", 1.0, "always"),
    // In "must always" the rule, not the generalisation, is the trap.
    r("overgeneralization", -1.0, "must|should|shouldn't always|never"),
    r("overgeneralization", 1.0, "never"),
    r("overgeneralization", 1.0, "every time"),
    r("overgeneralization", 1.0, "everyone|everybody"),
    r("overgeneralization", 1.0, "no one"),
    r("overgeneralization", 1.0, "nobody|noone"),
    r("overgeneralization", 1.0, "all men|women|people|friends|guys|girls|exes|partners|relationships|others"),
    r("overgeneralization", 1.0, "all of them|us"),
    r("overgeneralization", 1.0, "all the others|same|rest"),
    r("overgeneralization", 1.0, "every single|man|woman|friend|person|partner|promise|relationship"),
    r("overgeneralization", 1.0, "like everyone|everybody else"),
    r("overgeneralization", 0.75, "like the last one"),
    r("overgeneralization", 0.5, "anyone|anybody"),
    r("overgeneralization", 0.5, "again and again"),
    // Mind-reading
    r("mind-reading", 1.0, "{SOMEONE} think|thinks"),
    r(
        "mind-reading",
        1.0,
        "{SOMEONE} must|probably|obviously|clearly|secretly|definitely|surely \
         think|thinks|hate|hates|see|sees",
    ),
    r(
        "mind-reading",
        1.0,
        "{SOMEONE} must be ..1 \
         annoyed|angry|bored|upset|disappointed|mad|sick|tired|fed|judging|laughing",
    ),
    // "he must be cheating": a hidden act concluded from an ambiguous sign (not "she must be lying in hospital").
    r(
        "mind-reading",
        1.0,
        "{SOMEONE} must be ..1 \
         cheating|hiding|seeing|texting|messaging|flirting|using|ignoring|avoiding|testing|punishing|pretending|faking|\
         plotting",
    ),
    r(
        "mind-reading",
        1.0,
        "{SOMEONE} must be ..1 lying ~in|on|down|there|ill|awake|low|around|asleep|still|flat|injured|hurt",
    ),
    // "I feel jealous, so he must be hiding something": a feeling taken as the proof is emotional reasoning.
    r("mind-reading", -1.0, "feel|feels|feeling|felt ..6 so|which|that {SOMEONE} must be"),
    r("mind-reading", 1.0, "{SOMEONE} must be ..1 sleeping with"),
    r("mind-reading", 1.0, "{SOMEONE} must be ..1 with someone|somebody|another|her|him"),
    r("mind-reading", 1.0, "{SOMEONE} must be up to something"),
    r("mind-reading", 1.0, "{SOMEONE} must have ..1 someone|somebody else"),
    r("mind-reading", 0.75, "annoyed|angry|bored|upset|disappointed|mad|cross with|by me"),
    r("mind-reading", 1.0, "i know ..1 what {SOMEONE} ..1 thinking|thinks|think|feels|wants"),
    r("mind-reading", 0.75, "what he's|she's|they're thinking"),
    r("mind-reading", 0.75, "{SOMEONE} doesn't|don't|didn't ..1 care|love|like|want|respect ..1 me"),
    r("mind-reading", 0.75, "sees|see me as"),
    r("mind-reading", 0.5, "secretly|obviously|clearly"),
    r("mind-reading", 0.5, "deep down"),
    // Personalization
    r("personalization", 1.0, "my fault"),
    r("personalization", 1.0, "because of me"),
    r("personalization", 1.0, "i made him|her|them|it|things"),
    r("personalization", 1.0, "i must have ..1 done|said|upset|caused"),
    r("personalization", 0.75, "i did something wrong"),
    r("personalization", 0.75, "must have done something"),
    r("personalization", 1.0, "i caused|ruined"),
    r("personalization", 1.0, "i'm|am to blame"),
    r("personalization", 1.0, "blame myself"),
    r("personalization", 1.0, "if i'd|only been|done|said"),
    r("personalization", 1.0, "if i had been|done|said"),
    r("personalization", 0.5, "about me"),
    // All-or-nothing
    r("all-or-nothing", 1.0, "completely|totally|entirely|utterly"),
    r("all-or-nothing", 1.0, "100 %|percent"),
    keep("all-or-nothing", 1.0, "at all"),
    r("all-or-nothing", 1.0, "either ..6 or"),
    r("all-or-nothing", 1.0, "ruined|ruins|ruin|spoiled|spoils everything"),
    r("all-or-nothing", 1.0, "everything is|was ruined|spoiled|over"),
    keep("all-or-nothing", 0.75, "perfect|perfectly|flawless"),
    r("all-or-nothing", 1.0, "all or nothing"),
    r("all-or-nothing", 0.75, "once so"),
    r("all-or-nothing", 0.75, "one time so"),
    r("all-or-nothing", 0.5, "failure|worthless|pointless"),
    r("all-or-nothing", 0.5, "whole"),
    // Labelling
    r("labelling", 1.0, "i'm|am|he's|she's|is|you're|they're|are such a|an"),
    r("labelling", 0.5, "such a|an"),
    r("labelling", 1.0, "liar|liars|idiot|idiots|loser|losers|pathetic|fool|fools|moron|backstabber|backstabbers"),
    r("labelling", 1.0, "cheater|cheaters|traitor|narcissist|unlovable|psycho|snake|fraud|coward|monster"),
    r("labelling", 0.75, "selfish|useless|naive|gullible|toxic|manipulative|heartless|weak|worthless"),
    r("labelling", 0.5, "stupid|failure|mess|joke"),
    r(
        "labelling",
        1.0,
        "a|an bad|terrible|awful|horrible|useless|hopeless|rubbish|lousy|selfish \
         mother|father|parent|friend|partner|person|wife|husband|girlfriend|boyfriend|daughter|son|sister|brother|\
         colleague|boss",
    ),
    // Emotional reasoning
    r(
        "emotional-reasoning",
        1.0,
        "feel|feels|feeling ..6 so \
         i|he|she|they|it|something|there|we|you|that|this|my|people",
    ),
    r(
        "emotional-reasoning",
        1.0,
        "feel|feels|feeling|anxious|uneasy|suspicious|jealous|scared|afraid|nervous|worried|unsafe|insecure \
         ..4 which|that|this|so means|proves|must",
    ),
    r("emotional-reasoning", 1.0, "because|since i feel|felt"),
    r("emotional-reasoning", 1.0, "feels|felt true|real"),
    r("emotional-reasoning", 1.0, "feels|felt like proof"),
    r("emotional-reasoning", 0.75, "my gut|instinct|instincts"),
    r("emotional-reasoning", 0.75, "gut feeling"),
    r("emotional-reasoning", 0.75, "i just know"),
    r("emotional-reasoning", 0.75, "i can feel it"),
    r("emotional-reasoning", 0.5, "feels off|wrong"),
    // Should statements
    r("should-statements", 1.0, "should|shouldn't|should've"),
    r("should-statements", 1.0, "ought|oughtn't"),
    r("should-statements", 1.0, "must always|never|not|ever"),
    r("should-statements", 0.75, "i must !have|'ve|be"),
    r(
        "should-statements",
        0.5,
        "must \
         !be|have|'ve|think|thinks|hate|mean|feel|know|see|want|like|love|secretly|really|still|already|find",
    ),
    r("should-statements", 0.75, "supposed to"),
    r("should-statements", 0.5, "has to|have to always|never"),
    // Discounting the positive
    r("discounting-the-positive", 1.0, "only because|cause"),
    r("discounting-the-positive", 0.75, "but only"),
    r("discounting-the-positive", 1.0, "just|only|pure|sheer luck|lucky"),
    r("discounting-the-positive", 0.75, "luck|fluke"),
    keep("discounting-the-positive", 1.0, "doesn't|don't|didn't|won't count"),
    keep("discounting-the-positive", 1.0, "does|do|did not count"),
    r("discounting-the-positive", 1.0, "anyone|anybody would|could|can"),
    r("discounting-the-positive", 1.0, "just being polite|nice|kind|friendly"),
    r("discounting-the-positive", 0.5, "he|she|they had|has to"),
    r("discounting-the-positive", 1.0, "means|meant nothing"),
    r("discounting-the-positive", 0.75, "to make up for"),
    r("discounting-the-positive", 0.5, "only|just"),
    // Fortune-telling
    r("fortune-telling", 1.0, "{FUTURE} ..2 {BAD_FUTURE}"),
    r("fortune-telling", 1.0, "going to ..2 {BAD_FUTURE}"),
    r("fortune-telling", 1.0, "{FUTURE} ..2 go|turn|end|get wrong|badly|bored|sour|tired"),
    r("fortune-telling", 1.0, "going to ..2 go|turn|end|get wrong|badly|bored|sour|tired"),
    r("fortune-telling", 1.0, "{FUTURE} ..2 let me|us down"),
    r("fortune-telling", 1.0, "{FUTURE} ..2 use it|this|that|me against"),
    r("fortune-telling", 1.0, "i know he'll|she'll|they'll|it'll|i'll"),
    r("fortune-telling", 1.0, "bound to"),
    r("fortune-telling", 1.0, "sooner or later"),
    r("fortune-telling", 1.0, "matter of time"),
    r("fortune-telling", 1.0, "doomed"),
    r("fortune-telling", 1.0, "beginning of the end"),
    r("fortune-telling", 0.5, "next time"),
    r("fortune-telling", 0.5, "i can tell"),
    // Mental filter
    r("mental-filter", 1.0, "all i ..2 think|remember|see|notice|hear|focus"),
    r("mental-filter", 1.0, "the one thing"),
    r("mental-filter", 1.0, "the only thing|one|part i ..1 remember|see|notice|think"),
    r("mental-filter", 1.0, "only remember|see|notice|focus|think"),
    r("mental-filter", 1.0, "keep replaying|rehearsing|dwelling"),
    r("mental-filter", 1.0, "keep going|coming over|back"),
    r("mental-filter", 0.75, "keep thinking about|of"),
    r("mental-filter", 1.0, "can't stop thinking|replaying"),
    r("mental-filter", 1.0, "can't get past|over"),
    r("mental-filter", 0.75, "stuck on"),
    r("mental-filter", 0.75, "forget|ignore|overlook|forgetting|ignoring ..2 good|nice|kind|positive"),
    r("mental-filter", 0.5, "single|one critical|negative|bad|mean|curt|short"),
    // Blaming
    r("blaming", 1.0, "his|her|their|your fault"),
    r("blaming", 1.0, "because of him|her|them|you"),
    r("blaming", 1.0, "{SOMEONE} made me"),
    r("blaming", 0.5, "made me"),
    // Someone who made you laugh, or made you a cup of tea, is not being blamed.
    r("blaming", -1.5, "made me laugh|smile|happy|proud|a|an|some|dinner|breakfast|lunch|tea|coffee"),
    r("blaming", 0.75, "i had no choice"),
    r("blaming", 1.0, "blame him|her|them|you"),
    r("blaming", 1.0, "{SOMEONE} ruined|destroyed|wrecked"),
    r("blaming", 1.0, "i did nothing wrong"),
    r("blaming", 1.0, "it's on them|him|her"),
    r("blaming", 0.75, "thanks to him|her|them"),
    r("blaming", 1.0, "did this to me"),
];

/// The rules, compiled once.
fn rules() -> &'static [Rule<&'static str>] {
    static COMPILED: OnceLock<Vec<Rule<&'static str>>> = OnceLock::new();
    COMPILED
        .get_or_init(|| compile_rules(RULES, &[("SOMEONE", SOMEONE), ("FUTURE", FUTURE), ("BAD_FUTURE", BAD_FUTURE)]))
}

/// What the finder found for one trap.
struct Found {
    trap: &'static str,
    score: f32,
    first_at: usize,
    /// Distinct quotes: where each starts, the token positions it quotes, and the quote.
    cues: Vec<(usize, Vec<usize>, String)>,
}

/// Suggests up to three likely thinking traps in a thought, strongest first, each with a reason.
///
/// Empty for empty or fair-sounding text, and always empty when the text tells of danger
/// ([`detect_danger`]): danger is a matter of safety, never a thinking trap. Never panics, and runs in time linear
/// in the length of the text.
pub fn suggest_traps(thought: &str) -> Vec<TrapSuggestion> {
    if detect_danger(thought).is_some() {
        return Vec::new();
    }
    let tokens = tokenize(thought);
    if tokens.is_empty() {
        return Vec::new();
    }
    let distinct = DistinctWords::of(&tokens);
    let mut found: Vec<Found> = Vec::new();
    let mut matched: Vec<usize> = Vec::new();
    for rule in rules().iter().filter(|r| r.pattern.could_match(&distinct)) {
        // Each rule counts once per thought, at its first un-negated match.
        for at in 0..tokens.len() {
            matched.clear();
            if !rule.pattern.match_at(&tokens, at, &mut matched) || matched.is_empty() {
                continue;
            }
            if rule.negatable && negated(&tokens, at, 2, NEGATIONS) {
                continue;
            }
            let cue = quote(thought, &tokens, &matched);
            let entry = match found.iter_mut().position(|f| f.trap == rule.label) {
                Some(i) => &mut found[i],
                None => {
                    found.push(Found { trap: rule.label, score: 0.0, first_at: at, cues: Vec::new() });
                    let last = found.len() - 1;
                    &mut found[last]
                }
            };
            entry.score += rule.weight;
            entry.first_at = entry.first_at.min(at);
            let lower = cue.to_lowercase();
            // A rule that lowers the score is no reason at all. Two cues sharing words ("He must be angry" and
            // "angry with me") become one quote of both, so the reason does not repeat them; a cue inside one
            // already quoted ("ruined" in "ruined everything") adds nothing.
            if rule.weight > 0.0 {
                if let Some(i) =
                    entry.cues.iter().position(|(_, positions, _)| positions.iter().any(|p| matched.contains(p)))
                {
                    let (start, positions, text) = &mut entry.cues[i];
                    positions.extend(matched.iter().copied());
                    sort_stable_by_key(positions, |p| *p);
                    positions.dedup();
                    *start = (*start).min(at);
                    *text = quote(thought, &tokens, positions);
                } else if !entry
                    .cues
                    .iter()
                    .any(|(_, _, c)| c.to_lowercase().contains(&lower) || lower.contains(&c.to_lowercase()))
                {
                    entry.cues.push((at, matched.clone(), cue));
                }
            }
            break;
        }
    }
    found.retain(|f| f.score >= SUGGEST_AT);
    sort_stable_by(&mut found, |a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.first_at.cmp(&b.first_at))
            .then(catalogue_index(a.trap).cmp(&catalogue_index(b.trap)))
    });
    found.truncate(MAX_SUGGESTIONS);
    found.into_iter().map(|f| TrapSuggestion { trap: f.trap, reason: reason(&f) }).collect()
}

/// Where a trap sits in the catalogue, for a stable order between equal scores.
fn catalogue_index(slug: &str) -> usize {
    TRAPS.iter().position(|t| t.slug == slug).unwrap_or(usize::MAX)
}

/// "“always” and “never” often signal overgeneralization: one event stretched into a rule."
fn reason(found: &Found) -> String {
    let (name, what) = REASONS
        .iter()
        .find(|(slug, _, _)| *slug == found.trap)
        .map_or((found.trap, ""), |(_, name, what)| (*name, *what));
    let mut cues: Vec<&(usize, Vec<usize>, String)> = found.cues.iter().collect();
    sort_stable_by_key(&mut cues, |(at, _, _)| *at);
    let quoted: Vec<String> = cues.iter().take(2).map(|(_, _, c)| format!("\u{201c}{c}\u{201d}")).collect();
    let (words, verb) = match quoted.as_slice() {
        [one] => (one.clone(), "often signals"),
        [one, two, ..] => (format!("{one} and {two}"), "often signal"),
        [] => (String::from("These words"), "often signal"),
    };
    if what.is_empty() {
        format!("{words} {verb} {name}.")
    } else {
        format!("{words} {verb} {name}: {what}.")
    }
}
