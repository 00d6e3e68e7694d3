//! Danger is not a thinking trap: a detector that notices when a piece of writing tells of danger (threats,
//! violence, fear of a person, coercive control, stalking, sexual coercion, or self-harm and suicide), so the app
//! can answer with a calm safety notice instead of calling the fear a thinking error.
//!
//! It reads text with the same word patterns as the trap finder (`patterns.rs`). Each rule has a weight and
//! a kind (danger from someone else, or self-harm); a kind fires when its matched rules add up to [`FIRES_AT`],
//! each rule counting once. Most rules fire alone ("he choked me", "checks my phone", "i want to die"); weaker
//! cues ("walking on eggshells", "he snaps", a bruise) need a second one. A negation in the two words before a
//! cue, or skipped inside it, undoes it ("he would never hit me"), and a handful of masks take ordinary idioms
//! out of play ("it hit me that…", "my boss will kill me if I'm late", "I'd die of embarrassment").
//!
//! [`crate::domain::traps::suggest_traps`] asks this detector first and suggests nothing when it fires, so no
//! caller of the finder can call danger a thinking trap.
//!
//! How good it is, measured by [`score_detector`] and checked by `tests/danger.rs` (which fails below a recall of
//! 0.95 or above 5% false alarms on either set):
//!
//! | set | danger / ordinary | danger flagged | self-harm flagged as such | false alarms |
//! |---|---|---|---|---|
//! | [`DANGER_HELD_OUT`] (never used for tuning) | 40 / 60 | 1.00 (40/40) | 1.00 (12/12) | 0.033 (2/60) |
//! | [`DANGER_TUNING`] (the rules were tuned on it) | 74 / 102 | 1.00 (74/74) | 1.00 (22/22) | 0.00 (0/102) |
//! | the finder's labelled and practice thoughts | 0 / 135 | | | 0.00 (0/135) |
//!
//! The held-out set was written and committed before any rule existed, and the figures above are from the first
//! time the rules met it. Its two false alarms are left as they are, unfixed, so the figure stays honest: "he read my
//! message" (one message read, taken for checking a phone) and "I felt like I was going to die" (a panic attack).
//! Every statement labelled as danger from someone else is flagged as such (80/80), and none as self-harm.
//!
//! Take these figures with care. The same person wrote the statements and the rules, so they share a way of
//! writing; real journal entries will be more varied, and recall on them will be lower. With 40 held-out danger
//! statements, 40/40 is consistent with a true recall as low as 0.91 (95% Wilson interval), and 2/60 false alarms
//! with a true rate up to 0.11.
//!
//! It is a safety net, not a verdict: it will miss danger written in words it does not know, and it cannot tell
//! whether a person is safe. It only decides whether to show the safety notice instead of trap suggestions.

#[path = "danger_data.rs"]
mod danger_data;

pub use danger_data::{DANGER_HELD_OUT, DANGER_TUNING};

use crate::domain::patterns::{
    compile_rules, expand_alternatives, quote, tokenize, DistinctWords, Rule, RuleSource, Token, SENTENCE_END,
};
use crate::domain::stable_sort::sort_stable_by_key;
use std::sync::OnceLock;

/// What a piece of writing says about safety.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DangerSignal {
    /// Danger from another person: threats or violence, fear of a person, coercive control, stalking, sexual
    /// coercion.
    pub someone_else: bool,
    /// Self-harm or suicide wording.
    pub self_harm: bool,
    /// The words that matched, for a calm "you wrote: …".
    pub quote: String,
}

/// A statement with what a careful reader sees in it about safety; both flags false for an ordinary thought.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelledStatement {
    /// The statement as someone might write it.
    pub text: &'static str,
    /// It tells of danger from another person.
    pub someone_else: bool,
    /// It tells of self-harm or suicide.
    pub self_harm: bool,
}

impl LabelledStatement {
    /// True when the statement tells of any danger.
    pub const fn is_danger(&self) -> bool {
        self.someone_else || self.self_harm
    }
}

/// How the detector does on a labelled set.
#[derive(Debug, Clone, PartialEq)]
pub struct DetectorScore {
    /// Danger statements in the set.
    pub danger: usize,
    /// Danger statements the detector flagged.
    pub caught: usize,
    /// Self-harm statements in the set.
    pub self_harm: usize,
    /// Self-harm statements flagged with `self_harm`.
    pub self_harm_flagged: usize,
    /// Ordinary statements in the set.
    pub ordinary: usize,
    /// Ordinary statements the detector flagged.
    pub false_alarms: usize,
    /// Danger statements that were not flagged.
    pub missed_texts: Vec<&'static str>,
    /// Ordinary statements that were flagged.
    pub false_alarm_texts: Vec<&'static str>,
}

impl DetectorScore {
    /// Share of danger statements flagged (1.0 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.caught, self.danger, 1.0)
    }

    /// Share of self-harm statements flagged as self-harm (1.0 when there are none).
    pub fn self_harm_recall(&self) -> f64 {
        ratio(self.self_harm_flagged, self.self_harm, 1.0)
    }

    /// Share of ordinary statements flagged (0.0 when there are none).
    pub fn false_alarm_rate(&self) -> f64 {
        ratio(self.false_alarms, self.ordinary, 0.0)
    }
}

/// `num / den`, or `empty` when `den` is 0.
fn ratio(num: usize, den: usize, empty: f64) -> f64 {
    if den == 0 {
        empty
    } else {
        num as f64 / den as f64
    }
}

/// Measures [`detect_danger`] against a labelled set.
pub fn score_detector(set: &[LabelledStatement]) -> DetectorScore {
    let mut score = DetectorScore {
        danger: 0,
        caught: 0,
        self_harm: 0,
        self_harm_flagged: 0,
        ordinary: 0,
        false_alarms: 0,
        missed_texts: Vec::new(),
        false_alarm_texts: Vec::new(),
    };
    for statement in set {
        let signal = detect_danger(statement.text);
        if statement.is_danger() {
            score.danger += 1;
            if signal.is_some() {
                score.caught += 1;
            } else {
                score.missed_texts.push(statement.text);
            }
        } else {
            score.ordinary += 1;
            if signal.is_some() {
                score.false_alarms += 1;
                score.false_alarm_texts.push(statement.text);
            }
        }
        if statement.self_harm {
            score.self_harm += 1;
            if signal.is_some_and(|s| s.self_harm) {
                score.self_harm_flagged += 1;
            }
        }
    }
    score
}

// ---------------------------------------------------------------------------------------------------------------
// The detector
// ---------------------------------------------------------------------------------------------------------------

/// A kind fires once the weights of its matched rules add up to this.
pub const FIRES_AT: f32 = 1.0;

/// What a rule points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Danger from someone else.
    Other,
    /// Self-harm or suicide.
    SelfHarm,
    /// Words used in an ordinary sense ("it hit me"): a cue made only partly of them does not count.
    Mask,
}

/// Danger from someone else; a negation undoes it.
const fn other(weight: f32, pattern: &'static str) -> RuleSource<Kind> {
    RuleSource { label: Kind::Other, weight, pattern, negatable: true }
}

/// Danger from someone else, with its own negation ("won't let me see my friends").
const fn other_keep(weight: f32, pattern: &'static str) -> RuleSource<Kind> {
    RuleSource { label: Kind::Other, weight, pattern, negatable: false }
}

/// Self-harm or suicide; a negation undoes it.
const fn self_harm(weight: f32, pattern: &'static str) -> RuleSource<Kind> {
    RuleSource { label: Kind::SelfHarm, weight, pattern, negatable: true }
}

/// Self-harm or suicide, with its own negation ("I don't want to be here anymore").
const fn self_harm_keep(weight: f32, pattern: &'static str) -> RuleSource<Kind> {
    RuleSource { label: Kind::SelfHarm, weight, pattern, negatable: false }
}

/// An ordinary idiom: words matched here cannot be part of a cue.
const fn mask(pattern: &'static str) -> RuleSource<Kind> {
    RuleSource { label: Kind::Mask, weight: 0.0, pattern, negatable: false }
}

/// Words that, before a cue or skipped inside it, undo it ("he would never hit me").
const NEGATIONS: &[&str] = &[
    "not",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "never",
    "wouldn't",
    "won't",
    "can't",
    "couldn't",
    "cannot",
    "nor",
    "hardly",
    "haven't",
    "hasn't",
    "hadn't",
    "shouldn't",
];

/// The named word lists the patterns use, as `{NAME}`.
const LISTS: &[(&str, &str)] = &[
    // Someone who can harm, as the subject of a sentence.
    (
        "PERSON",
        "he|she|they|he's|she's|they're|he'd|she'd|they'd|he'll|she'll|they'll|{CLOSE}|boss|manager|coach|teacher|\
         someone|somebody|guy|man|woman|bloke|stranger",
    ),
    // A partner, someone in the family or someone living with you.
    (
        "CLOSE",
        "husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|dad|father|stepdad|stepfather|mum|mom|mother|stepmum|\
         stepmom|stepmother|brother|sister|son|daughter|uncle|aunt|cousin|grandad|grandpa|grandfather|flatmate|\
         roommate|housemate|fiance|fiancé|fiancee|fiancée|landlord|stepbrother|stepsister|hubby|spouse|parents|\
         family|grandma|nan|carer",
    ),
    // Who or what a threat is made against.
    (
        "VICTIM",
        "me|you|us|kids|children|child|baby|son|daughter|dog|dogs|cat|cats|pet|pets|puppy|kitten|family|mum|mom|\
         mother|dad|sister|brother|horse",
    ),
    // Ways of making a threat.
    (
        "SAY",
        "said|says|say|saying|told|tells|threat*|thret*|swore|swears|screamed|screams|yelled|yells|shouted|shouts|\
         texted|texts|warned|warns|promised|promises|messaged|whispered",
    ),
    // Harm that can be threatened.
    (
        "HARM",
        "kill|kills|killing|hurt|hurts|hurting|hit|hits|hitting|beat|beats|beating|stab|stabs|shoot|shoots|\
         strangle|strangles|choke|chokes|punch|punches|kick|kicks|slap|slaps|burn|burns|harm|harms|murder|murders|\
         smack|smacks|batter|drown|bash|throttle|suffocate",
    ),
    // Blows, in any tense.
    (
        "HIT",
        "hit|hits|hitting|slap|slaps|slapped|slapping|punch|punches|punched|punching|choke|chokes|choked|choking|\
         chocked|strangle|strangles|strangled|strangling|smack|smacks|smacked|shove|shoves|shoved|shoving|\
         headbutted|battered|batters|bashed|throttled|suffocated|stabbed|beat|beats|beating|beaten|kick|kicks|\
         kicked|kicking|bit|bites|scratched|scratches|spat|spits|whipped|whips|burned|burnt|attacked|attacks|\
         assaulted|strangle|smashed|elbowed|kneed|tripped",
    ),
    // Where a blow lands.
    (
        "BODY",
        "face|head|arm|arms|back|stomach|belly|chest|leg|legs|eye|eyes|mouth|nose|neck|throat|body|ribs|jaw|ear|\
         hair|wrist|wrists|hand|hands|shoulder|side",
    ),
    // Private things another person has no business checking.
    (
        "PRIVATE",
        "phone|phones|messages|texts|emails|email|chats|dms|whatsapp|browser|history|calls|accounts|account|socials|\
         facebook|instagram|snapchat|bank|receipts|receipt|location|diary|journal|bag|handbag|pockets|laptop|\
         computer|letters|mail|message|search|photos|camera|car",
    ),
    // Ways of checking them.
    (
        "CHECK",
        "check|checks|checked|checking|read|reads|reading|search|searches|searched|searching|snoop*|scroll|scrolls|\
         scrolled|go|goes|went|going|look|looks|looked|looking|monitor*|spy|spies|spied|spying|track|tracks|tracked|\
         tracking|watch|watches|watching|listen*|screenshot*|hack*|access*|log|logs|logged|logging|demand*",
    ),
    // What someone may stop you doing.
    ("WONT", "won't|doesn't|didn't|don't|never|can't|wouldn't|not|stopped|refuses|refused|hardly"),
    // People someone may keep you from.
    (
        "PEOPLE",
        "friends|friend|family|anyone|anybody|people|mum|mom|mother|dad|father|sister|sisters|brother|brothers|\
         parents|kids|children|colleagues|therapist|doctor|mates|neighbours|neighbors|grandma|nan|cousin|cousins",
    ),
    // A private, intimate image.
    ("IMAGES", "photo|photos|picture|pictures|pic|pics|nude|nudes|video|videos|image|images|tape|sexts|selfies|naked"),
    // Leaving or telling, the things threats are often about.
    ("LEAVE", "leave|leaving|left|go|tell|told|report|call|break|try|ever|say|said|split|end"),
    // Words that may follow "scared of him" when he is the one feared (not "scared of him leaving").
    (
        "AFTER_FEAR",
        "when|because|and|so|but|since|now|sometimes|too|again|at|in|more|anymore|i|he|she|if|though|really|\
         right|tonight|lately|still|every|all|after|cos|cause|tbh|honestly|lol",
    ),
    // Places someone may keep turning up at.
    (
        "PLACES",
        "work|house|flat|home|door|doorstep|job|school|gym|place|window|car|office|workplace|university|uni|college|\
         parents|street|building|church|class",
    ),
    // A feeling of fear.
    ("FEAR", "afraid|scared|terrified|frightened|petrified|fear|fearful|scard|frightend|terrfied|terified|scaredd"),
];

/// The rules. The pattern language is described in `patterns.rs`: one step per space-separated token, so a
/// phrase of several words is several steps, never one alternative.
const RULES: &[RuleSource<Kind>] = &[
    // ----- Threats --------------------------------------------------------------------------------------------
    other(1.0, "{PERSON} ..2 {SAY} ..4 {HARM} ..2 {VICTIM}"),
    other(1.0, "threat*|thret* ..4 {HARM} ..2 {VICTIM}|himself|herself|themselves|themself"),
    other(1.0, "threat*|thret* me|us|my"),
    other(1.0, "threat*|thret* ..1 the|my|our|your ..1 {VICTIM}"),
    other(1.0, "threatening|threatned|threatend messages|texts|calls|voicemails|voice|letters|notes|emails"),
    other(1.0, "death threat|threats"),
    other(1.0, "{HARM} me|you|us ..2 if|when|unless|before i|you ..4 {LEAVE}|don't|won't|refuse|tell"),
    other(1.0, "if|when|once i|you ..3 {LEAVE} ..8 {HARM}|find|finds|come|comes ..2 me|you|us|kids|children|baby"),
    other(1.0, "if|when|once i|you ..3 {LEAVE} ..8 take|took|get|keep ..2 kids|children|baby|son|daughter|custody"),
    other(1.0, "threat*|thret* ..3 take|took ..2 kids|children|baby|son|daughter"),
    other(1.0, "if|when i ..3 {LEAVE} ..3 {PERSON} ..3 ruin|destroy|wreck ..1 me|my"),
    other(1.0, "threat*|thret* ..4 report|deport|deported|immigration|visa|papers|social"),
    other(0.5, "gun|guns|knife|knives|weapon|weapons|rifle|shotgun"),
    other(0.5, "{SAY} ..3 use ..1 it|them"),
    other(1.0, "{PERSON} ..4 to scare|frighten|intimidate|threaten me"),
    other(1.0, "drugged|spiked ..1 me|my drink|drinks|food"),
    other(1.0, "{PERSON} ..2 sat|sits|knelt|kneeled|kneels|lay|lies on me|my"),
    other(1.0, "{PERSON} ..2 controls|controlled|controlling everything|every ..1 i|move|part|aspect|decision"),
    other(0.75, "hiding|hid|hide ..4 from|because ..1 him|her|them|he|she|he's|she's|they're|{CLOSE}"),
    other(0.5, "{FEAR} for my|the kids|children|baby|son|daughter"),
    other(1.0, "{PERSON} ..2 {SAY} ..6 never see ..2 kids|children|baby|son|daughter|them ..1 again"),
    other(0.5, "{PERSON} ..2 will|'ll|going|gonna|would|'d ..2 kill|murder me"),
    other(1.0, "threat*|thret* ..4 post|share|send|leak|show|upload|put|release|spread ..4 {IMAGES}|messages"),
    other(
        1.0,
        "{PERSON} ..2 {SAY} ..4 post|share|send|leak|show|upload|release|spread ..3 my|our|the|those ..1 {IMAGES}",
    ),
    other(1.0, "{PERSON} ..2 {SAY} ..4 kill|hurt|harm himself|herself|themselves|themself"),
    other(1.0, "{PERSON} ..3 kill|hurt|harm himself|herself|themselves|themself ..1 if|unless|when i|you"),
    other(1.0, "threat*|thret* ..3 kill|hurt|harm himself|herself|themselves|themself|suicide"),
    other(1.0, "threat*|thret* ..3 throw|kick|kicking|throwing me|us out"),
    other(
        1.0,
        "held|holds|hold|pointed|points|waved|waves|pulled|pulls|came ..4 knife|knives|gun|guns|weapon|hammer|bat|belt",
    ),
    // ----- Violence -------------------------------------------------------------------------------------------
    other(1.0, "{PERSON} ..3 {HIT} me|us"),
    other(1.0, "slapped|punched|choked|strangled|smacked|headbutted|throttled|suffocated|stabbed|battered me|us ~up"),
    other(1.0, "{PERSON} ..3 {HIT} my|our|the ..1 {BODY}|{CLOSE}|kids|children|child|baby|dog|cat|pets|puppy"),
    other(
        1.0,
        "i ..1 was|got|been|get|am|were ..1 {HIT}|pushed|raped|hurt|attacked|beaten|strangled ..3 by ..1 him|her|them|\
         {CLOSE}",
    ),
    other(1.0, "beat|beats|beating|beaten ..1 me|her|him|us|mum|mom up"),
    other(
        1.0,
        "pushed|pushes|pushing|push|shoved me ..1 against|down|over|onto|off|across|into|through|to|out|from|up ..1 \
         the|a|an|my|his|her|their|floor|ground|wall|walls|stairs|door|bed|car|road|sofa|counter",
    ),
    other(1.0, "{PERSON} ..2 pushed|pushes|shoved|push me $"),
    other(
        1.0,
        "grab*|yank*|pull*|drag*|twist*|squeez*|wrench* ..3 throat|neck|hair|wrist|wrists|arm|arms|jaw|collar|face",
    ),
    other(1.0, "held|holds|hold|holding|pinned|pins|pin|pinning me|us ..1 down|against|under"),
    other(1.0, "held|holds|hold|holding|grabbed|grabs me|us by the throat|neck|hair"),
    other(1.0, "pinned|pins|pinning me|my"),
    other(1.0, "threw|throws|thrown|throwing|chucked ..4 at me|my"),
    other(1.0, "threw|throws|thrown|throwing me ..1 against|into|out|down|across|onto|on|to"),
    other(1.0, "locked|locks|lock me|us in|out|inside"),
    other(1.0, "{PERSON} ..2 spat|spits|spit at|in|on ..1 me|my"),
    other(
        1.0,
        "{PERSON} ..3 punch*|smash*|kick*|hit|hits|break|breaks|broke|threw|throws|throw|throwing ..2 wall|walls|\
         holes|hole|things|stuff|furniture|plates|glasses|mugs|chairs|table|doors|door|mirror|window|windows ~away|\
         out|off|together|up|down|in|into|over",
    ),
    other(
        1.0,
        "throws|threw|throwing|smashes|smashed|smashing|breaks|broke|breaking ..1 things|stuff|plates|glasses|mugs|\
         furniture|chairs ~away|out|off|together|up|down|in|into|over",
    ),
    other(0.25, "screams|screamed|screaming|yells|yelled|yelling|shouts|shouted|shouting|roars at me"),
    other(
        1.0,
        "{PERSON} ..2 smashed|smashes|smash|broke|breaks|destroyed|destroys|hid|hides|stole|steals ..1 my|our ..1 \
         phone|keys|passport|laptop|glasses|documents|id|car|medication|meds",
    ),
    other(0.5, "{PERSON} ..2 took|takes|take ..1 my ..1 phone|keys|passport|documents|id|car"),
    other(
        1.0,
        "{PERSON} ..3 hurt|hurts|hurting me|us when|if {PERSON} ..2 drunk|drinks|drinking|angry|mad|high|jealous|\
         upset|loses|cross|stressed",
    ),
    other(1.0, "{PERSON} ..2 hurts|hurt me physically"),
    other(1.0, "physically ..2 hurt|hurts|hurting|attacked|abused|abusive"),
    other(0.5, "bruise|bruises|bruised|bruising|stitches"),
    other(0.5, "black|blackened eye"),
    other(0.5, "split lip"),
    other(0.5, "marks on my"),
    other(0.5, "broken|broke|cracked ..1 rib|ribs|nose|jaw"),
    other(0.5, "couldn't|can't breathe"),
    // ----- Sexual violence and coercion -----------------------------------------------------------------------
    other(1.0, "rape|raped|rapes|raping|rapist|molest*|groped|gropes|groping|grope"),
    other(1.0, "sexually ..1 assaulted|abused|abusing|assaulting|attacked"),
    other(1.0, "sexual assault|abuse"),
    other(
        1.0,
        "make|makes|made|making|force|forces|forced|forcing|pressure|pressures|pressured|pressuring|guilt*|coerce*|\
         push|pushes|pushed|pushing ..4 sex|sexual|oral|porn",
    ),
    other(
        1.0,
        "make|makes|made|making|force|forces|forced|forcing|pressure|pressures|pressured|pressuring|guilt*|coerce* \
         ..2 me ..2 sleep with",
    ),
    other(1.0, "forced|forces|force himself|herself|themselves on|upon"),
    other(
        1.0,
        "sex|sexual ..6 when|though|after|while|even i ..2 don't|didn't|said|say|asleep|drunk|passed|crying|want",
    ),
    other(
        1.0,
        "sleep|sleeping|slept with ..1 him|her|them ..6 when|though|after|while|even i ..2 don't|didn't|said|say|\
         asleep|drunk|passed|crying|want",
    ),
    other(1.0, "i ..1 say|said|says|saying|told ..2 no ..12 anyway|kept|keeps|carried|continued|still"),
    other(1.0, "i ..1 say|said|says|saying|told ..2 no ..12 didn't|wouldn't|doesn't|won't stop"),
    other(
        1.0,
        "{PERSON} ..2 touched|touches|touching|grabbed|kissed|kisses|undressed|filmed|films ..1 me|my ..6 asleep|\
         drunk|without|no|consent",
    ),
    other(
        1.0,
        "{PERSON} ..2 touched|touches|touching|grabbed|kissed|kisses|undressed|filmed|films ..1 me|my ..6 didn't|\
         don't want",
    ),
    other(1.0, "against my will"),
    other(0.75, "comes|came|coming|come ..1 into my room|bed ..3 night|asleep|sleeping"),
    // ----- Fear of a person -----------------------------------------------------------------------------------
    other(1.0, "{FEAR} ..1 of him|her|them|{CLOSE} $"),
    other(1.0, "{FEAR} ..1 of my|our {CLOSE} $"),
    other(1.0, "{FEAR} ..1 of him|her|them|{CLOSE} {AFTER_FEAR}"),
    other(1.0, "{FEAR} ..1 of my|our {CLOSE} {AFTER_FEAR}"),
    other(
        1.0,
        "{PERSON} ..2 scares|frightens|terrifies|intimidates|scared|frightened|terrified|intimidated me ~with|by|into|\
         off|away|half|lol|when|for|at|in",
    ),
    other(
        1.0,
        "{FEAR} ..2 what {PERSON} ..3 do|does|did|capable ~with|for|about|today|tomorrow|this|that|now|then|\
         differently|instead|wrong|it|right|better",
    ),
    other(1.0, "{FEAR}|dread|dreading|dreads ..1 to|of|about ..1 go|going|be|being|get|getting ..1 back home"),
    other(1.0, "{FEAR}|dread|dreading|dreads ..1 to|of|about ..1 go|going|be|being|get|getting home"),
    other(1.0, "{FEAR} ..1 to|of be|being alone with ..1 him|her|them|{CLOSE}"),
    other(1.0, "{FEAR} ..4 {HARM} ..1 me|kids|children|baby|dog|cat|pets"),
    other(1.0, "{FEAR} ..2 {PERSON} ..2 snap|snaps|explode|explodes|flip|flips|rage|rages|erupt|erupts"),
    other(1.0, "{FEAR} ..2 {PERSON} ..2 lose|loses it"),
    other(1.0, "{FEAR} ..2 {PERSON} ..2 kick|kicks|blow|blows|lash|lashes|flip|flips off|up|out"),
    other(1.0, "{FEAR} ..2 {PERSON} ..2 go|goes mad|crazy|nuts|ballistic|off"),
    other(1.0, "{FEAR} ..2 {PERSON} ..2 get|gets violent|physical|aggressive|rough"),
    other(1.0, "{FEAR} for my life|safety"),
    other(1.0, "unsafe ..3 at home"),
    other(1.0, "unsafe ..2 in my ..1 home|house|flat"),
    other_keep(1.0, "not|don't|never|isn't|doesn't|didn't ..2 safe ..3 at home"),
    other_keep(1.0, "not|don't|never|isn't|doesn't|didn't ..2 safe ..2 in my ..1 home|house|flat"),
    other(0.5, "unsafe"),
    other_keep(0.5, "not|don't|never|isn't|doesn't|didn't ..2 safe"),
    other(0.5, "walk*|tread*|treading on eggshells|egg"),
    other(0.5, "{PERSON} ..2 loses|lost it"),
    other(0.5, "{PERSON} ..2 snaps|snapped|explodes|exploded|rages|raged"),
    other(0.5, "{PERSON} ..2 kicks|kicked|blows|blew|flips|flipped|lashes|lashed off|up|out"),
    other(0.5, "{PERSON} ..2 goes|went mad|crazy|nuts|ballistic"),
    other(0.5, "{PERSON} ..2 gets|got violent|physical|aggressive|rough"),
    other(0.25, "{FEAR}|scary|scares|frightens|terrifies"),
    other(1.0, "abusive|abuser|domestic"),
    other(1.0, "abusing|abuses|abused me"),
    other(1.0, "coercive|coercion"),
    other(1.0, "violent to|towards|with me"),
    other(1.0, "restraining|protection|protective|molestation order"),
    other(1.0, "called|call|calling|rang|ring the police ..1 on|about ..1 him|her|them|my"),
    other(0.5, "police|999|911|refuge|shelter"),
    // ----- Coercive control -----------------------------------------------------------------------------------
    other(1.0, "{PERSON} ..3 {CHECK} ..2 my ..1 {PRIVATE}"),
    other(1.0, "{PERSON} ..3 {CHECK} every ..1 {PRIVATE}|single"),
    other(1.0, "demand*|insist*|forces|forced|force|forcing ..3 password*|passcode*|pin|pins|login*"),
    other(
        1.0,
        "make|makes|made|making me ..3 give|tell|hand|share|show|unlock|send|forward ..5 password*|passcode*|pin|pins|\
         login*|phone|messages|texts|location|screenshot*|chats|dms|emails",
    ),
    other(
        1.0,
        "{PERSON} ..2 decides|decide|decided|controls|control|chooses|choose|dictates|tells ..1 what|who|where i ..2 \
         wear|eat|see|go|spend|talk|text|meet",
    ),
    other(1.0, "account|justify ..1 every ..1 penny|pound|dollar|cent|minute|hour|euro"),
    other(1.0, "without ..1 his|her|their permission"),
    other(
        1.0,
        "put|puts|installed|installs|hid|hidden|planted|set ..3 camera|cameras|microphone|microphones|recorder|bug",
    ),
    other(
        1.0,
        "make|makes|made|making me ..1 give|hand|transfer|send ..3 my ..2 card|cards|wages|money|pay|salary|savings|\
         benefits",
    ),
    other(
        1.0,
        "have|had|has to ..1 give|tell|hand|share|show|unlock ..3 password*|passcode*|pin|pins|login*|phone|messages|\
         texts",
    ),
    other(1.0, "changed|changes|change|reset|resets|resetting|changing my ..1 password*|passcode*|pin|login*"),
    other(
        1.0,
        "changed|changes|change|reset|resets|resetting|changing ..3 password*|passcode*|pin|login* ..1 on|to|for|of my",
    ),
    other(1.0, "{PERSON} ..3 track*|monitor* me|my|where"),
    other(1.0, "tracker|trackers|tracking|airtag|airtags|spyware|stalkerware|gps ..3 on|in|under my"),
    other(
        1.0,
        "put|puts|installed|installs|install|hid|hidden|planted|found ..3 tracker|trackers|tracking|airtag|airtags|\
         spyware|stalkerware|spy|gps",
    ),
    other(1.0, "make|makes|made|making me ..3 keep|share|leave|turn ..2 location"),
    other(
        1.0,
        "send|sending|sent ..3 photo|photos|picture|pictures|pic|pics|selfie|selfies|video|videos ..4 where|who|prove",
    ),
    other(0.5, "where i am ..3 all|every|always|24"),
    other(0.5, "know|knows|needs|wants|demands ..2 where i am"),
    other(
        1.0,
        "{PERSON} ..3 take|takes|took|taking|control|controls|controlled|controlling|keep|keeps|kept|holds ..2 my \
         money|wages|pay|salary|paycheck|paycheque|benefits|card|cards|savings|income|pension|finances",
    ),
    other(
        1.0,
        "{PERSON} ..3 take|takes|took|taking|control|controls|controlled|controlling|keep|keeps|kept|holds ..2 my \
         bank ..1 card|cards|account|accounts",
    ),
    other(
        1.0,
        "control|controls|controlled|controlling ..2 the|all|our money|finances|bank|account|accounts|cards|spending",
    ),
    other(1.0, "have|had|has to ..1 ask|beg ..1 him|her|them ..1 for ..1 money|cash|fare|permission"),
    other(1.0, "have|had|has to ..1 ask|beg for ..1 money|cash|fare|permission"),
    other(1.0, "ask|asking|need|needs ..1 his|her|their permission"),
    other(1.0, "hand|hands|handed|handing over ..1 my ..1 wages|money|pay|salary|card|cards|payslip|benefits|phone"),
    other(1.0, "gives|give|gave me ..1 an|a ..1 allowance"),
    other_keep(
        1.0,
        "{WONT} ..1 let|lets|allow|allows me ..1 see|visit|meet|talk|speak|call|phone|text|contact|message ..2 \
         {PEOPLE}",
    ),
    other_keep(
        1.0,
        "{WONT} ..1 let|lets|allow|allows me ..1 go|leave|get ..2 out|anywhere|alone|outside|house|flat|home|without|\
         room|car",
    ),
    other_keep(
        1.0,
        "{WONT} ..1 let|lets|allow|allows me ..1 have|get|keep ..2 own|job|money|phone|bank|car|friends|account|card",
    ),
    other_keep(1.0, "{WONT} ..1 let|lets|allow|allows me ..1 work|study|drive|wear|sleep|eat|leave"),
    other_keep(1.0, "not|never allowed ..1 to ..1 see|visit|meet|talk|speak|call|phone|text|contact ..2 {PEOPLE}"),
    other_keep(1.0, "not|never allowed ..1 to ..1 go|leave|get ..2 out|anywhere|alone|outside|house|flat|home|without"),
    other_keep(1.0, "not|never allowed ..1 to ..1 have|keep ..2 own|job|money|phone|bank|friends|account|card"),
    other_keep(1.0, "not|never allowed ..1 to ..1 work|study|drive|wear"),
    other(
        1.0,
        "stops|stopped|stop|keeps|kept|keeping|stopping me|us from ..1 seeing|going|leaving|working|talking|visiting|\
         having|calling|contacting",
    ),
    other(1.0, "cut|cuts|cutting me off from"),
    other(1.0, "isolat* me"),
    other(1.0, "made|makes|make me ..1 stop|quit ..2 seeing|talking|going|working|job|uni|college|school"),
    // ----- Stalking -------------------------------------------------------------------------------------------
    other(1.0, "stalking|stalks|stalked|stalk me|us"),
    other(1.0, "my|a|have|has stalker"),
    other(1.0, "{PERSON} ..2 follow*|followed me ..1 home|to|from|into|back|after"),
    other(0.5, "{PERSON} ..2 follow*|followed me ..1 everywhere|around"),
    other(
        1.0,
        "keeps|kept|keep|always|still ..1 turning|showing|coming|waiting|hanging|parking|driving|sitting|standing|\
         leaving ..2 up|round|around|by|past|outside|at|on ..2 my ..1 {PLACES}",
    ),
    other(
        1.0,
        "keeps|kept|keep|always|still ..1 turning|showing|coming|waiting|hanging|parking|driving|sitting|standing ..2 \
         up|round|around|by|past|outside|at ..2 wherever|where i",
    ),
    other(
        0.5,
        "{PERSON} ..3 turns|turned|turning|shows|showed|showing|waits|waited|waiting|parks|parked|sits|sat|stands|\
         stood ..2 outside|at|by ..2 my ..1 work|house|flat|home|door|job|school|gym|place|window|car",
    ),
    other(0.5, "every day|night"),
    other(0.5, "all the time"),
    other(0.5, "uninvited|unannounced"),
    other(0.5, "even though"),
    other(0.5, "at night"),
    other(0.75, "his|her|their car|van ..3 outside|near|by|at my"),
    other(0.5, "keep|kept seeing ..1 his|her|their"),
    other(
        1.0,
        "blocked ..6 new|another|different|fake|second|other ..1 number|numbers|account|accounts|profile|profiles|\
         email|phone",
    ),
    other(
        1.0,
        "blocked ..6 still|keeps|keep|kept ..2 messaging|texting|calling|contacting|emailing|turning|showing|coming|\
         finding|following",
    ),
    other_keep(
        1.0,
        "keeps|keep|kept|stop ..1 calling|texting|messaging|contacting|emailing|ringing ..4 after|even|though i ..2 \
         asked|told|said|begged|blocked",
    ),
    other(0.75, "{PERSON} ..1 won't|doesn't|didn't|not leave me|us alone"),
    other(1.0, "{PERSON} ..3 found|finds|tracked|track|got ..2 my new|address"),
    other(1.0, "{PERSON} ..3 found|finds|tracked|track|got ..2 where i live|work|am|'m"),
    other(0.75, "{PERSON} ..2 knows|know ..1 my new|address"),
    other(0.75, "{PERSON} ..2 knows|know ..1 where i live|work"),
    other(0.5, "notes|letters|flowers|gifts|things ..2 on|at|under|through my ..1 car|door|doorstep|window|letterbox"),
    // ----- Self-harm and suicide ------------------------------------------------------------------------------
    self_harm(1.0, "kill|killing|kil myself"),
    self_harm(1.0, "kms"),
    self_harm(1.0, "end|ending|ended|take|taking|took my ..1 life"),
    self_harm(1.0, "end|ending it all|tonight|today"),
    self_harm(1.0, "end|ending everything"),
    self_harm(
        0.75,
        "want|wanted|wanna|thinking|thought|think|going|gonna|ready|plan|planning|decided|just ..2 end|ending it \
         ~with|between|off|there|here|properly|now|for|because|and|but|so",
    ),
    self_harm(
        1.0,
        "want|wanted|wanna|thinking|thought|think|going|gonna|ready|plan|planning|decided|just ..2 end|ending it $",
    ),
    self_harm(1.0, "suicid*"),
    self_harm(
        1.0,
        "want|wanted|wanting|wish|wished|ready|deserve|deserved|decided|planning|plan|going|prefer|just ..2 to die|\
         dead",
    ),
    self_harm(1.0, "wanna|gonna die"),
    self_harm(1.0, "wish ..1 i ..1 was|were|wasn't|weren't|had|could|never ..1 dead|die|born|alive|exist|gone"),
    self_harm(1.0, "better|rather ..1 off|be dead"),
    self_harm(1.0, "better off ..2 without me"),
    self_harm(1.0, "better off ..2 if i ..1 was|were|wasn't|weren't|died|disappeared|gone|dead|never"),
    self_harm(
        1.0,
        "nobody|noone ..3 miss|notice|care ..2 if|when i ..1 died|die|was|were|wasn't|weren't|disappeared|killed|dead|\
         gone",
    ),
    self_harm(
        1.0,
        "no one ..3 miss|notice|care ..2 if|when i ..1 died|die|was|were|wasn't|weren't|disappeared|killed|dead|gone",
    ),
    self_harm_keep(1.0, "don't|didn't|not ..1 want|wanna ..1 be|to ..1 alive|live|exist|living|around"),
    self_harm_keep(1.0, "don't|didn't|not ..1 want|wanna ..1 wake up"),
    self_harm_keep(1.0, "don't|didn't|not ..1 want|wanna ..2 be here ..1 anymore|longer|$"),
    self_harm_keep(1.0, "no point ..2 living|alive|life|existing|anymore"),
    self_harm_keep(1.0, "point ..1 in|of ..1 living|alive|existing"),
    self_harm_keep(1.0, "nothing|no|nothin ..2 to live for"),
    self_harm_keep(1.0, "no reason|reasons ..1 to live|living|stay|be"),
    self_harm_keep(1.0, "can't|cannot go on ..1 living"),
    self_harm_keep(0.5, "can't|cannot go|do on|this ..1 anymore"),
    self_harm(1.0, "self harm*"),
    self_harm(1.0, "selfharm*"),
    self_harm(
        1.0,
        "cut|cutting|cuts myself ~on|shaving|while|chopping|slicing|accidentally|by|opening|badly|slightly|a",
    ),
    self_harm(1.0, "cut|cutting|cuts ..3 razor|blade|blades|wrist|wrists|thighs"),
    self_harm(
        1.0,
        "want|wanted|wanting|wanna|urge|urges|urged|tempted|going|gonna|planning|plan|need|needed|thinking|thought|\
         started|start|keep|kept|been|begun|begin|stop|stopped ..3 hurt|hurting|harm|harming|burn|burning|starve|\
         starving|hit|hitting|punch|punching|scratch|scratching|cut|cutting|kill|killing myself",
    ),
    self_harm(
        1.0,
        "hurt|hurting|harm|harming|burn|burning|burnt|burned|cut|hit|hitting|punch|punched|scratched|scratch myself \
         ..3 again|purpose|deliberately|intentionally",
    ),
    self_harm(
        1.0,
        "hurt|hurting|harm|harming|burn|burning|burnt|burned|cut|hit|hitting|punch|punched|scratched|scratch myself \
         to|so ..2 feel|punish|cope|stop|numb|release|calm",
    ),
    self_harm(1.0, "overdose|overdosing|overdosed|od"),
    self_harm(1.0, "too many ..1 pills|tablets|meds|painkillers|paracetamol|sleeping"),
    self_harm(
        1.0,
        "been|started|start|stop|stopped|urge|urges|relapsed ..2 cutting|burning ~my|the|his|her|back|down|off|out|\
         class|classes|school|corners|ties|people|carbs|sugar|hair|it|them|him|in|up",
    ),
    self_harm(1.0, "cutting again"),
    self_harm(1.0, "to ..1 hurt|kill|harm|cut|burn|end myself"),
    self_harm(1.0, "given|giving|gave|give away ..1 my ..1 things|stuff|belongings|possessions|everything"),
    self_harm(1.0, "want|wish|wanna ..2 sleep forever"),
    self_harm(1.0, "tired|sick of ..1 living|alive"),
    self_harm(1.0, "done with ..1 living"),
    self_harm(1.0, "done with life $"),
    self_harm_keep(1.0, "isn't|not|ain't|aint ..1 worth ..1 living"),
    self_harm_keep(1.0, "life|living isn't|aint|ain't ..1 worth it"),
    self_harm_keep(1.0, "life|living is not ..1 worth it"),
    self_harm(1.0, "why ..1 am|are i ..2 alive|living|still"),
    self_harm(
        1.0,
        "take|taking|took|swallow*|down ..3 all|whole|entire|every ..3 pills|tablets|meds|medication|packet|bottle|\
         painkillers|paracetamol",
    ),
    self_harm(
        1.0,
        "saving|saved|stockpil*|hoarding|hoard|collecting|stash* ..2 pills|tablets|meds|medication|painkillers|\
         paracetamol",
    ),
    self_harm(1.0, "how many ..2 pills|tablets|paracetamol|painkillers|meds ..4 take|kill|enough|fatal|lethal|die"),
    self_harm(1.0, "hang|hanging|drown|drowning|hanged|strangle|suffocate myself"),
    self_harm(
        1.0,
        "jump|jumping|step|stepping|throw ..2 off|from|front ..3 bridge|building|roof|cliff|train|car|bus|balcony|\
         window|tower|lorry|truck",
    ),
    self_harm_keep(1.0, "sleep|asleep ..3 never|not ..1 wake"),
    self_harm_keep(
        1.0,
        "wish|want|hope|hoping|pray ..4 never|not|don't|wouldn't ..1 wake up ~late|early|in|on|at|until|till|before|\
         with",
    ),
    self_harm(1.0, "disappear|vanish forever|permanently"),
    self_harm(1.0, "stop|cease existing"),
    // ----- Ordinary idioms (masks) ----------------------------------------------------------------------------
    mask(
        "it|that|this|reality|then|suddenly|truth|news|realisation|realization|what|which|everything|something|words \
         ..2 hit|hits|hitting|hurt|hurts|hurting|kill|kills|killing|beat|beats ..1 me|us",
    ),
    mask("hit|hits me up"),
    mask(
        "hit|hits me with ..1 the|a|this|that|his|her ..1 news|idea|question|bill|fact|facts|request|guilt|truth|line|\
         joke|silent|bombshell|revelation|surprise|reality|comment|remark|story|announcement|ultimatum|compliment|\
         proposal|offer",
    ),
    mask("beat|beats|beaten me at|in|to"),
    mask("it|that beats me"),
    mask("kicked|kicks|kick me under"),
    mask("kicked|kicks|kick me out ..3 chat|group|team|band|game|class|club|meeting"),
    mask(
        "kill|kills|murder|murders me ..6 late|early|forget|forgot|forgotten|spent|spend|spending|dent|dented|crash|\
         crashed|mess|messed|miss|missed|lose|lost|broke|break|eat|ate|burn|burnt|fail|failed|skip|skipped|sees|see|\
         saw|again|grades|results|bill|tattoo|hair",
    ),
    mask("die|dying|died ..1 of|from|laughing|for|inside|alone"),
    mask("dying to"),
    mask("killing myself to|trying|for|at|over|working|with|laughing|doing"),
    mask("like|such a stalker"),
    mask("go|going|be|get|getting home for|at|over christmas|easter|the|summer|thanksgiving|eid|diwali"),
    mask("hurting|hurt|punishing|torturing myself by|with|over|for|trusting|believing|thinking|worrying|waiting"),
    mask("pushed|pushes|push|pushing me ..3 limit|limits|edge|brink|max|comfort"),
    mask("broke|break|breaks things off"),
    // "when she's out i keep checking my phone": the writer is the one checking.
    mask("i|i'm|i've|i'd|we|we've {CHECK} ..2 my ..1 {PRIVATE}"),
    mask("i|i'm|i've|i'd|we|we've !{PERSON}|him|her|them|you {CHECK} ..2 my ..1 {PRIVATE}"),
    mask("i|i'm|i've|i'd|we|we've !{PERSON}|him|her|them|you !{PERSON}|him|her|them|you {CHECK} ..2 my ..1 {PRIVATE}"),
    mask("end|ending it with|between"),
];

/// The rules, compiled once.
fn rules() -> &'static [Rule<Kind>] {
    static COMPILED: OnceLock<Vec<Rule<Kind>>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let lists: Vec<(&str, &'static str)> = lists().iter().map(|(name, list)| (*name, list.as_str())).collect();
        compile_rules(RULES, &lists)
    })
}

/// The named lists with the `{NAME}` entries inside them replaced by those lists (one level), built once.
fn lists() -> &'static [(&'static str, String)] {
    static EXPANDED: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    EXPANDED
        .get_or_init(|| LISTS.iter().map(|(name, list)| (*name, expand_alternatives(list, LISTS).join("|"))).collect())
}

/// True when a negation sits in the two words before `at` (same sentence), or in a word a gap skipped inside the
/// match. "didn't mean to" is no negation: it admits what happened.
fn negated(tokens: &[Token], at: usize, matched: &[usize]) -> bool {
    let last = matched.last().copied().unwrap_or(at);
    let before = (at.saturating_sub(2)..at).rev().take_while(|&i| tokens[i].word != SENTENCE_END);
    let inside = (at..last).filter(|i| !matched.contains(i));
    let is_negation = |i: usize| {
        NEGATIONS.contains(&tokens[i].word.as_str())
            && !tokens.get(i + 1).is_some_and(|t| matches!(t.word.as_str(), "mean" | "meant"))
    };
    let mut positions = before.chain(inside);
    positions.any(is_negation)
}

/// A matched cue: its kind, weight, first word and quote.
struct Cue {
    kind: Kind,
    weight: f32,
    at: usize,
    quote: String,
}

/// Reads a piece of writing for danger: from someone else (threats, violence, fear of a person, coercive control,
/// stalking, sexual coercion) or to oneself (self-harm, suicide). `None` when nothing points to danger.
///
/// Never panics, and runs in time linear in the length of the text.
pub fn detect_danger(text: &str) -> Option<DangerSignal> {
    let tokens = tokenize(text);
    if tokens.is_empty() {
        return None;
    }
    let distinct = DistinctWords::of(&tokens);
    let rules: Vec<&Rule<Kind>> = rules().iter().filter(|r| r.pattern.could_match(&distinct)).collect();
    let mut matched: Vec<usize> = Vec::new();
    // Words used in an ordinary sense.
    let mut masked = vec![false; tokens.len()];
    for rule in rules.iter().filter(|r| r.label == Kind::Mask) {
        for at in 0..tokens.len() {
            matched.clear();
            if rule.pattern.match_at(&tokens, at, &mut matched) {
                for &p in &matched {
                    masked[p] = true;
                }
            }
        }
    }
    let mut cues: Vec<Cue> = Vec::new();
    for rule in rules.iter().filter(|r| r.label != Kind::Mask) {
        // Each rule counts once, at its first match that is neither negated nor masked.
        for at in 0..tokens.len() {
            matched.clear();
            if !rule.pattern.match_at(&tokens, at, &mut matched) || matched.is_empty() {
                continue;
            }
            if matched.iter().any(|&p| masked[p]) || (rule.negatable && negated(&tokens, at, &matched)) {
                continue;
            }
            // The quote runs from the first matched word to the last, so it reads as the writer wrote it.
            let last = matched.last().copied().unwrap_or(at);
            let span: Vec<usize> = (at..=last).collect();
            cues.push(Cue { kind: rule.label, weight: rule.weight, at, quote: quote(text, &tokens, &span) });
            break;
        }
    }
    let total = |kind: Kind| cues.iter().filter(|c| c.kind == kind).map(|c| c.weight).sum::<f32>();
    let someone_else = total(Kind::Other) >= FIRES_AT;
    let self_harm = total(Kind::SelfHarm) >= FIRES_AT;
    if !someone_else && !self_harm {
        return None;
    }
    // Self-harm is quoted first: it is what the notice answers first.
    let kind = if self_harm { Kind::SelfHarm } else { Kind::Other };
    Some(DangerSignal { someone_else, self_harm, quote: quote_for(&cues, kind) })
}

/// The quote for a fired kind: its first cue strong enough on its own, or else its first two cues in text order.
fn quote_for(cues: &[Cue], kind: Kind) -> String {
    let mut own: Vec<&Cue> = cues.iter().filter(|c| c.kind == kind).collect();
    sort_stable_by_key(&mut own, |c| c.at);
    if let Some(strong) = own.iter().find(|c| c.weight >= FIRES_AT) {
        return strong.quote.clone();
    }
    let mut parts: Vec<&str> = Vec::new();
    for cue in own.iter().filter(|c| c.weight > 0.0) {
        if !parts.iter().any(|p| p.contains(cue.quote.as_str()) || cue.quote.contains(*p)) {
            parts.push(&cue.quote);
        }
        if parts.len() == 2 {
            break;
        }
    }
    parts.join(" \u{2026} ")
}
