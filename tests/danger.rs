//! The danger detector: danger is never a thinking trap. Its measured recall and false alarms on the labelled
//! statements, the issue's examples, self-harm flags, idioms, negation, odd input and speed.
//!
//! `cargo test --test danger -- --nocapture` prints the measured figures.

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::collections::BTreeSet;
use std::time::{Duration, Instant};
use trust_steps::domain::danger::{
    detect_danger, score_detector, DangerSignal, DetectorScore, LabelledStatement, DANGER_HELD_OUT, DANGER_TUNING,
};
use trust_steps::domain::traps::{suggest_traps, HELD_OUT_THOUGHTS, LABELLED_THOUGHTS, PRACTICE_ITEMS};

// What the issue asks for, on both sets. The held-out set measured recall 1.00 (40/40) and false alarms 0.033
// (2/60) the first time it was run, after the rules were tuned on the tuning set alone (commit 8e96b51).
const MIN_RECALL: f64 = 0.95;
const MAX_FALSE_ALARMS: f64 = 0.05;

fn print_score(set: &str, score: &DetectorScore) {
    println!(
        "{set}: danger recall {:.3} ({}/{}), self-harm flagged as self-harm {:.3} ({}/{}), false alarms {:.3} ({}/{})",
        score.recall(),
        score.caught,
        score.danger,
        score.self_harm_recall(),
        score.self_harm_flagged,
        score.self_harm,
        score.false_alarm_rate(),
        score.false_alarms,
        score.ordinary
    );
    for text in &score.missed_texts {
        println!("  missed: {text:?}");
    }
    for text in &score.false_alarm_texts {
        println!("  false alarm: {text:?} (quoted: {:?})", detect_danger(text).map(|s| s.quote));
    }
}

fn flagged(text: &str) -> bool {
    detect_danger(text).is_some()
}

fn signal(text: &str) -> DangerSignal {
    detect_danger(text).unwrap_or_else(|| panic!("not flagged: {text:?}"))
}

// ----- The labelled sets ----------------------------------------------------------------------------------------

fn counts(set: &[LabelledStatement]) -> (usize, usize, usize) {
    let danger = set.iter().filter(|s| s.is_danger()).count();
    let self_harm = set.iter().filter(|s| s.self_harm).count();
    (danger, self_harm, set.len() - danger)
}

#[test]
fn the_sets_are_big_enough_and_mixed() {
    let (danger, self_harm, ordinary) = counts(DANGER_HELD_OUT);
    println!("held-out: {danger} danger ({self_harm} self-harm), {ordinary} ordinary");
    assert!(danger >= 30 && ordinary >= 45, "held-out: {danger} danger, {ordinary} ordinary");
    assert!(self_harm >= 8 && danger - self_harm >= 20, "held-out mix: {self_harm} self-harm of {danger}");
    let (t_danger, t_self_harm, t_ordinary) = counts(DANGER_TUNING);
    println!("tuning: {t_danger} danger ({t_self_harm} self-harm), {t_ordinary} ordinary");
    assert!(t_self_harm >= 15 && t_danger - t_self_harm >= 40, "tuning mix: {t_self_harm} self-harm of {t_danger}");
    assert!(danger + t_danger >= 80, "{} danger statements in all", danger + t_danger);
    assert!(ordinary + t_ordinary >= 120, "{} ordinary statements in all", ordinary + t_ordinary);
}

#[test]
fn every_statement_is_written_once() {
    let mut seen = BTreeSet::new();
    for statement in DANGER_HELD_OUT.iter().chain(DANGER_TUNING) {
        assert!(!statement.text.trim().is_empty(), "empty statement");
        assert!(seen.insert(statement.text.to_lowercase()), "{:?} appears twice", statement.text);
    }
}

#[test]
fn the_issues_idioms_are_in_the_ordinary_statements() {
    let ordinary: Vec<&str> = DANGER_TUNING.iter().filter(|s| !s.is_danger()).map(|s| s.text).collect();
    for idiom in [
        "my boss will kill me if I'm late",
        "I'd die of embarrassment",
        "I hurt her feelings",
        "this is killing me",
        "I'm afraid he'll leave me",
        "I'm scared she's cheating",
    ] {
        assert!(ordinary.iter().any(|t| t.starts_with(idiom)), "{idiom:?} is not in the ordinary statements");
    }
}

// ----- Measured figures -----------------------------------------------------------------------------------------

#[test]
fn held_out_recall_and_false_alarms() {
    let score = score_detector(DANGER_HELD_OUT);
    print_score("held-out set (DANGER_HELD_OUT)", &score);
    assert!(score.recall() >= MIN_RECALL, "{score:?}");
    assert!(score.false_alarm_rate() <= MAX_FALSE_ALARMS, "{score:?}");
}

#[test]
fn tuning_recall_and_false_alarms() {
    let score = score_detector(DANGER_TUNING);
    print_score("tuning set (DANGER_TUNING)", &score);
    assert!(score.recall() >= MIN_RECALL, "{score:?}");
    assert!(score.false_alarm_rate() <= MAX_FALSE_ALARMS, "{score:?}");
}

#[test]
fn every_self_harm_statement_is_flagged_as_self_harm() {
    for statement in DANGER_HELD_OUT.iter().chain(DANGER_TUNING).filter(|s| s.self_harm) {
        assert!(signal(statement.text).self_harm, "{:?} is not flagged as self-harm", statement.text);
    }
}

#[test]
fn danger_from_someone_else_is_flagged_as_such() {
    let statements: Vec<&LabelledStatement> =
        DANGER_HELD_OUT.iter().chain(DANGER_TUNING).filter(|s| s.someone_else).collect();
    let as_such = statements.iter().filter(|s| detect_danger(s.text).is_some_and(|d| d.someone_else)).count();
    let wrongly_self_harm: Vec<&str> =
        statements.iter().filter(|s| detect_danger(s.text).is_some_and(|d| d.self_harm)).map(|s| s.text).collect();
    println!("danger from someone else flagged as such: {as_such}/{}", statements.len());
    println!("danger from someone else also flagged as self-harm: {wrongly_self_harm:?}");
    assert!(as_such as f64 / statements.len() as f64 >= MIN_RECALL, "{as_such}/{}", statements.len());
}

#[test]
fn the_finders_thoughts_are_not_flagged() {
    // The trap finder's 135 labelled and practice thoughts (all but "he must be cheating" written before this
    // detector existed): a flag here would also take their trap suggestions away.
    let texts: Vec<&str> = LABELLED_THOUGHTS
        .iter()
        .map(|t| t.text)
        .chain(HELD_OUT_THOUGHTS.iter().map(|t| t.text))
        .chain(PRACTICE_ITEMS.iter().map(|p| p.thought))
        .collect();
    let flagged_texts: Vec<&&str> = texts.iter().filter(|t| flagged(t)).collect();
    println!("finder thoughts flagged as danger: {} of {}: {flagged_texts:?}", flagged_texts.len(), texts.len());
    assert!(flagged_texts.is_empty(), "{flagged_texts:?}");
}

#[test]
fn score_detector_counts_statements() {
    const SET: &[LabelledStatement] = &[
        LabelledStatement { text: "he choked me", someone_else: true, self_harm: false },
        LabelledStatement { text: "i want to die", someone_else: false, self_harm: true },
        LabelledStatement { text: "we had a lovely lunch", someone_else: true, self_harm: false },
        LabelledStatement { text: "he checks my phone every night", someone_else: false, self_harm: false },
        LabelledStatement { text: "she was late again", someone_else: false, self_harm: false },
    ];
    let score = score_detector(SET);
    assert_eq!((score.danger, score.caught, score.ordinary, score.false_alarms), (3, 2, 2, 1), "{score:?}");
    assert_eq!((score.self_harm, score.self_harm_flagged), (1, 1));
    assert_eq!(score.missed_texts, ["we had a lovely lunch"]);
    assert_eq!(score.false_alarm_texts, ["he checks my phone every night"]);
    assert!((score.recall() - 2.0 / 3.0).abs() < 1e-9);
    assert!((score.false_alarm_rate() - 0.5).abs() < 1e-9);
    let empty = score_detector(&[]);
    assert_eq!((empty.recall(), empty.self_harm_recall(), empty.false_alarm_rate()), (1.0, 1.0, 0.0));
}

// ----- Danger is never a trap -----------------------------------------------------------------------------------

#[test]
fn the_issues_example_is_flagged_and_gets_no_traps() {
    let text = "He said he will hurt me if I leave, he always checks my phone";
    let found = signal(text);
    assert!(found.someone_else && !found.self_harm, "{found:?}");
    assert!(text.contains(&found.quote), "the quote is the writer's own words: {found:?}");
    assert!(suggest_traps(text).is_empty(), "{:?}", suggest_traps(text));
}

#[test]
fn blaming_and_labelling_inside_a_danger_statement_get_no_traps() {
    // On their own these get traps, so the test below is not empty.
    assert!(suggest_traps("It's his fault.").iter().any(|s| s.trap == "blaming"));
    assert!(suggest_traps("He's manipulative.").iter().any(|s| s.trap == "labelling"));
    for text in [
        "It's his fault. He said he will hurt me if I leave.",
        "He hit me again last night and it's his fault, not mine.",
        "He's manipulative. He checks my phone and won't let me see my friends.",
        "she's manipulative and she threatened to post my photos if i leave",
        "It's all his fault, he's a monster, and I'm scared to go home tonight.",
    ] {
        assert!(flagged(text), "not flagged: {text:?}");
        assert!(suggest_traps(text).is_empty(), "{text:?}: {:?}", suggest_traps(text));
    }
}

#[test]
fn every_danger_statement_gets_no_traps() {
    for statement in DANGER_HELD_OUT.iter().chain(DANGER_TUNING).filter(|s| s.is_danger()) {
        if flagged(statement.text) {
            assert!(suggest_traps(statement.text).is_empty(), "{:?}", statement.text);
        }
    }
}

#[test]
fn ordinary_anxious_thoughts_still_get_their_traps() {
    for (text, trap) in [
        ("I'm afraid he'll leave me, everyone always does.", "overgeneralization"),
        ("My boss will kill me if I'm late, and she must think I'm useless.", "mind-reading"),
        ("I hurt her feelings, so I'm a terrible friend.", "labelling"),
    ] {
        assert!(!flagged(text), "{text:?}");
        assert!(suggest_traps(text).iter().any(|s| s.trap == trap), "{text:?}: {:?}", suggest_traps(text));
    }
}

// ----- What it reads ----------------------------------------------------------------------------------------------

#[test]
fn each_kind_of_danger_the_issue_lists_is_flagged() {
    for text in [
        // Threats and violence
        "he hit me",
        "she said she'd hurt me",
        "he choked me",
        "my wife pushed me against the door",
        "he threatened to kill me",
        // Fear of a person
        "I'm afraid of what he'll do",
        "I'm scared to go home",
        // Coercive control
        "he checks my phone",
        "she demands my passwords",
        "he tracks my location",
        "my partner takes my money",
        "he won't let me see my friends",
        "he threatens the children",
        "she threatened to hurt the dog",
        "he threatens to share my photos",
        // Stalking
        "my ex is stalking me",
        "he keeps turning up outside my house",
        // Sexual coercion
        "he pressures me into sex",
        // Self-harm and suicide
        "I want to kill myself",
        "I have been hurting myself again",
    ] {
        assert!(flagged(text), "not flagged: {text:?}");
    }
}

#[test]
fn ordinary_idioms_and_hurt_feelings_are_not_danger() {
    for text in [
        "my boss will kill me if I'm late",
        "I'd die of embarrassment",
        "I hurt her feelings",
        "this is killing me",
        "I'm afraid he'll leave me",
        "I'm scared she's cheating",
        "it hit me that he was right",
        "she pushed me to apply for the job",
        "he pushed me away when I tried to talk",
        "I checked his phone and I feel awful",
        "I'm dying to know what she said",
        "he hurt me when he lied",
        "I'm killing myself trying to make this work",
        "I want to end it with him",
        "I'm scared of what she'll think",
    ] {
        assert_eq!(detect_danger(text), None, "{text:?}");
    }
}

#[test]
fn self_harm_and_danger_from_others_are_told_apart() {
    let own = signal("i want to die");
    assert!(own.self_harm && !own.someone_else, "{own:?}");
    let other = signal("he punched me");
    assert!(other.someone_else && !other.self_harm, "{other:?}");
    let both = signal("he hits me and I want to kill myself");
    assert!(both.someone_else && both.self_harm, "{both:?}");
    // Self-harm is quoted first, as it is answered first.
    assert!(both.quote.ends_with("kill myself"), "{both:?}");
    // A partner's threat to harm himself if you leave is a threat to you, not your self-harm.
    let threat = signal("he says he'll kill himself if I leave");
    assert!(threat.someone_else && !threat.self_harm, "{threat:?}");
}

#[test]
fn weak_cues_need_a_second_one() {
    // Each alone is common in ordinary writing; together they tell of fear of a person.
    assert_eq!(detect_danger("I walk on eggshells around my boss"), None);
    assert_eq!(detect_danger("he snapped at the waiter"), None);
    let both = signal("I walk on eggshells at home because he snaps over nothing");
    assert!(both.someone_else, "{both:?}");
    assert_eq!(both.quote, "walk on eggshells \u{2026} he snaps");
}

#[test]
fn negation_undoes_a_cue_but_not_an_admission() {
    for text in [
        "he would never hit me",
        "he has never hurt me",
        "I'm not scared of him",
        "she doesn't check my phone",
        "I don't want to die",
        "he didn't threaten me",
    ] {
        assert_eq!(detect_danger(text), None, "{text:?}");
    }
    // "didn't mean to" admits that it happened.
    assert!(flagged("he didn't mean to hit me"));
    // Some cues carry their own negation.
    assert!(flagged("he won't let me see my sister"));
    assert!(flagged("I don't want to be here anymore"));
    assert!(flagged("I'm not allowed to see my family"));
}

#[test]
fn case_curly_apostrophes_and_missing_apostrophes_do_not_matter() {
    for text in [
        "I\u{2019}M SCARED OF WHAT HE\u{2019}LL DO",
        "he doesnt let me see my friends",
        "He Won\u{2019}t Let Me See My Friends",
        "i dont want to be here anymore",
        "im scared to go home",
        "HE CHOKED ME",
    ] {
        assert!(flagged(text), "not flagged: {text:?}");
    }
}

#[test]
fn the_quote_is_the_writers_words_short_and_clean() {
    let found = signal("Last night, after dinner, my husband\tchoked  me.");
    assert_eq!(found.quote, "husband choked me");
    assert_eq!(signal("He said he will hurt me if I leave").quote, "He said he will hurt me");
    for statement in DANGER_HELD_OUT.iter().chain(DANGER_TUNING).filter(|s| s.is_danger()) {
        let found = signal(statement.text);
        assert!(!found.quote.trim().is_empty(), "{:?}", statement.text);
        assert!(found.quote.chars().count() <= 60, "{:?}", found.quote);
        assert!(!found.quote.chars().any(char::is_control), "{:?}", found.quote);
    }
}

#[test]
fn empty_and_odd_input_never_panics() {
    assert_eq!(detect_danger(""), None);
    assert_eq!(detect_danger("   \n\t "), None);
    assert_eq!(detect_danger("...?!;;,,,"), None);
    let control: String = (0u8..32).map(char::from).chain(['\u{7f}', '\u{200b}', '\u{feff}']).collect();
    let long_plain = "word ".repeat(10_000);
    let long_danger = "He hit me. ".repeat(4_000);
    for text in [
        control.as_str(),
        long_plain.as_str(),
        "\u{1f494}\u{1f62d} kill \u{1f62d}\u{1f494} myself",
        "<script>alert('he hit me')</script>",
        "\u{130}stanbul \u{130}\u{130} I\u{307} hurt",
        "$ ~ ! .. * | { }",
        "he",
        "kill",
        "myself",
    ] {
        if let Some(found) = detect_danger(text) {
            assert!(!found.quote.chars().any(char::is_control), "{:?}", found.quote);
        }
    }
    assert!(signal(&long_danger).someone_else);
    assert_eq!(detect_danger(&long_plain), None);
}

#[test]
fn the_detector_is_fast_and_linear() {
    let sentence = "She hasn't replied, so she must think I'm too much and he checks my phone. ";
    let thought: String = sentence.repeat(10).chars().take(500).collect();
    let runs: u32 = 50;
    let started = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(detect_danger(std::hint::black_box(&thought)));
    }
    let per_thought = started.elapsed() / runs;
    let big = sentence.repeat(700);
    let started = Instant::now();
    std::hint::black_box(detect_danger(&big));
    let big_time = started.elapsed();
    println!("500 characters: {per_thought:?} per thought; {} characters: {big_time:?}", big.len());
    // Generous bounds for a debug build on a busy machine.
    assert!(per_thought < Duration::from_millis(25), "{per_thought:?}");
    assert!(big_time < Duration::from_secs(3), "{big_time:?}");
}
