//! People and small steps: the trust map's evidence score, profile gaps and patterns, name checks, quick entries;
//! the disclosure ladder; promises to myself with check-ins, streaks and the date math under them; and the
//! self-assessments' scoring. Plus storage round trips that keep fields from newer versions.

#![cfg(not(target_arch = "wasm32"))] // native tests; the browser tests are in wasm_storage.rs
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use serde_json::json;
use trust_steps::content::{lesson_by_slug, Block};
use trust_steps::domain::assessments::{
    history, item_to_promise_text, origins_notes, score_origins, score_trustworthiness, trustworthiness_change,
    AnswerProblem, Area, AssessmentKind, AssessmentRun, Band, Level, OriginsNote, Tendency, NOT_A_DIAGNOSIS,
    NOT_A_VALIDATED_TEST, ORIGINS_ITEMS, TRUSTWORTHINESS_ITEMS,
};
use trust_steps::domain::ladder::{
    default_ladder, ladder_for, ladder_stats, next_step, reorder, waiting_for_after, After, Before, Experiment,
    LadderStep, Response, RungStatus, DEFAULT_STEPS,
};
use trust_steps::domain::people::{
    evidence_score, evidence_trend, months_before, newest_first, observation_counts, observations_for, patterns,
    person_summary, profile, sort_people, validate_person_name, Direction, EvidenceSummary, NameProblem, Observation,
    ObservationDraft, ObservationFields, ObservationProblem, PatternWindow, Person, QuickKind, Relationship, TrustPart,
    MAX_NAME_CHARS, NEUTRAL_WEIGHT,
};
use trust_steps::domain::promises::{
    add_days, civil_from_days, day_from_number, day_number, days_from_civil, due_on, is_leap_year, iso_week, parse_day,
    prompt_for_missed, week_start, weekday, Promise, Recurrence, SELF_COMPASSION_PROMPTS, STARTER_PROMISES,
};
use trust_steps::storage::{keys, MemoryStore, Record, Vault};

const NOW: &str = "2026-03-10T20:00:00.000Z";

fn person(id: &str, name: &str) -> Person {
    Person::new(id.into(), name, Relationship::Friend, NOW)
}

fn quick(id: &str, person_id: &str, kind: QuickKind, day: &str) -> Observation {
    Observation::quick(id.into(), person_id, kind, day, NOW)
}

fn observation(part: TrustPart, direction: Direction, weight: u8, day: &str) -> Observation {
    Observation { part, direction, weight, ..Observation::new("obs00001".into(), "p1", day, NOW) }
}

// ---------------------------------------------------------------------------------------------------------------
// People: names
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn a_name_is_trimmed_and_must_not_be_empty_or_too_long() {
    assert_eq!(validate_person_name("  Sam  ", &[], None), Ok("Sam".into()));
    assert_eq!(validate_person_name("", &[], None), Err(NameProblem::Empty));
    assert_eq!(validate_person_name(" \t\n ", &[], None), Err(NameProblem::Empty));
    let longest = "🙂".repeat(MAX_NAME_CHARS);
    assert_eq!(validate_person_name(&longest, &[], None), Ok(longest.clone()), "characters, not bytes, are counted");
    assert_eq!(validate_person_name(&format!("{longest}a"), &[], None), Err(NameProblem::TooLong));
    for problem in [NameProblem::Empty, NameProblem::TooLong, NameProblem::Duplicate] {
        assert!(!problem.message().is_empty());
    }
}

#[test]
fn a_duplicate_name_is_reported_separately_and_renaming_yourself_is_fine() {
    let mut archived = person("p2", "Álex");
    archived.archived = true;
    let people = vec![person("p1", "Sam"), archived];
    assert_eq!(validate_person_name("sam", &people, None), Err(NameProblem::Duplicate));
    assert_eq!(validate_person_name(" SAM ", &people, None), Err(NameProblem::Duplicate));
    assert_eq!(validate_person_name("álex", &people, None), Err(NameProblem::Duplicate), "archived people count");
    assert_eq!(validate_person_name("sam", &people, Some("p1")), Ok("sam".into()), "renaming p1 itself");
    assert_eq!(validate_person_name("Sam", &people, Some("p2")), Err(NameProblem::Duplicate));
    assert_eq!(validate_person_name("Samantha", &people, None), Ok("Samantha".into()));
}

#[test]
fn people_sort_active_first_then_by_name() {
    let mut zoe = person("p3", "zoe");
    zoe.archived = true;
    let mut list = vec![zoe, person("p1", "Sam"), person("p2", "alex")];
    sort_people(&mut list);
    let names: Vec<&str> = list.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["alex", "Sam", "zoe"]);
}

#[test]
fn enums_have_labels_and_parts_have_slugs() {
    assert_eq!(Relationship::ALL.len(), 5);
    assert_eq!(Relationship::default(), Relationship::Other);
    assert_eq!(TrustPart::ALL.len(), 5);
    for part in TrustPart::ALL {
        assert_eq!(TrustPart::from_slug(part.slug()), Some(part));
        assert!(!part.label().is_empty() && part.question().ends_with('?'));
    }
    assert_eq!(TrustPart::from_slug("nope"), None);
    assert_eq!(Direction::Built.label(), "Built trust");
}

// ---------------------------------------------------------------------------------------------------------------
// People: quick entries, evidence score, profile, trend, patterns
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn quick_entries_fill_in_part_direction_weight_and_text() {
    let expected = [
        (QuickKind::KeptCommitment, TrustPart::Reliability, Direction::Built),
        (QuickKind::BrokeCommitment, TrustPart::Reliability, Direction::Broke),
        (QuickKind::ToldTruth, TrustPart::Honesty, Direction::Built),
        (QuickKind::CaughtInLie, TrustPart::Honesty, Direction::Broke),
        (QuickKind::SupportedWhenVulnerable, TrustPart::Benevolence, Direction::Built),
        (QuickKind::Dismissed, TrustPart::Benevolence, Direction::Broke),
    ];
    assert_eq!(QuickKind::ALL.len(), expected.len());
    for (kind, part, direction) in expected {
        let d = kind.defaults();
        assert_eq!((d.part, d.direction), (part, direction), "{kind:?}");
        assert!((1..=3).contains(&d.weight));
        assert_eq!(kind.label(), d.text);
        let o = quick("obs00001", "p1", kind, "2026-03-01");
        assert_eq!((o.part, o.direction, o.weight, o.kind), (part, direction, d.weight, Some(kind)));
        assert_eq!(o.what, d.text);
        assert_eq!((o.person_id.as_str(), o.happened_on.as_str()), ("p1", "2026-03-01"));
    }
}

#[test]
fn evidence_score_is_none_without_evidence_and_moves_part_way_for_one_entry() {
    assert_eq!(evidence_score(&[], TrustPart::Reliability), None);
    let kept = [quick("o1", "p1", QuickKind::KeptCommitment, "2026-03-01")];
    assert_eq!(evidence_score(&kept, TrustPart::Reliability), Some(70), "50 × (4 + 3) / (2 + 3)");
    assert_eq!(evidence_score(&kept, TrustPart::Honesty), None, "only the part it speaks to");
    let broke = [quick("o1", "p1", QuickKind::BrokeCommitment, "2026-03-01")];
    assert_eq!(evidence_score(&broke, TrustPart::Reliability), Some(30));
}

#[test]
fn evidence_score_weighs_built_against_broke() {
    let even = [
        observation(TrustPart::Integrity, Direction::Built, 2, "2026-03-01"),
        observation(TrustPart::Integrity, Direction::Broke, 2, "2026-03-02"),
    ];
    assert_eq!(evidence_score(&even, TrustPart::Integrity), Some(50));
    let ten_kept: Vec<Observation> =
        (0..10).map(|i| quick(&format!("o{i}"), "p1", QuickKind::KeptCommitment, "2026-03-01")).collect();
    assert_eq!(evidence_score(&ten_kept, TrustPart::Reliability), Some(93));
    let many_broken: Vec<Observation> =
        (0..100).map(|_| observation(TrustPart::Honesty, Direction::Broke, 3, "2026-03-01")).collect();
    assert_eq!(evidence_score(&many_broken, TrustPart::Honesty), Some(0));
    let heavy = [
        observation(TrustPart::Competence, Direction::Built, 3, "2026-03-01"),
        observation(TrustPart::Competence, Direction::Broke, 1, "2026-03-01"),
    ];
    assert_eq!(evidence_score(&heavy, TrustPart::Competence), Some(64), "50 × 9 / 7 = 64.3");
}

#[test]
fn weights_outside_one_to_three_count_as_the_nearest_allowed() {
    let zero = [observation(TrustPart::Honesty, Direction::Built, 0, "2026-03-01")];
    assert_eq!(evidence_score(&zero, TrustPart::Honesty), Some(63), "weight 1: 50 × 5 / 4 = 62.5, rounded up");
    let nine = [observation(TrustPart::Honesty, Direction::Built, 9, "2026-03-01")];
    assert_eq!(evidence_score(&nine, TrustPart::Honesty), Some(75), "weight 3: 50 × 9 / 6");
}

#[test]
fn the_profile_sets_gut_beside_evidence_and_shows_the_gap() {
    let mut sam = person("p1", "Sam");
    sam.rate_gut(TrustPart::Honesty, 30, "2026-03-01T00:00:00.000Z");
    sam.rate_gut(TrustPart::Honesty, 40, "2026-03-05T00:00:00.000Z");
    sam.rate_gut(TrustPart::Competence, 250, "2026-03-05T00:00:00.000Z");
    let log = vec![
        quick("o1", "p1", QuickKind::ToldTruth, "2026-03-02"),
        quick("o2", "p1", QuickKind::ToldTruth, "2026-03-03"),
        quick("o3", "p1", QuickKind::KeptCommitment, "2026-03-03"),
        quick("o4", "p2", QuickKind::CaughtInLie, "2026-03-03"),
    ];
    let rows = profile(&sam, &log);
    assert_eq!(rows.iter().map(|r| r.part).collect::<Vec<_>>(), TrustPart::ALL.to_vec());
    let honesty = &rows[1];
    assert_eq!(
        (honesty.gut, honesty.evidence, honesty.gap, honesty.evidence_count),
        (Some(40), Some(79), Some(-39), 2)
    );
    assert!(honesty.gap_is_notable());
    let sentence = honesty.gap_sentence().unwrap();
    assert!(sentence.contains("40") && sentence.contains("79") && sentence.contains("less"), "{sentence}");
    let reliability = &rows[0];
    assert_eq!((reliability.gut, reliability.evidence, reliability.gap), (None, Some(70), None));
    assert_eq!(reliability.gap_sentence(), None);
    let competence = &rows[3];
    assert_eq!((competence.gut, competence.evidence, competence.evidence_count), (Some(100), None, 0));
    let benevolence = &rows[4];
    assert_eq!((benevolence.gut, benevolence.evidence, benevolence.gap), (None, None, None));
}

#[test]
fn the_gap_note_says_what_a_gap_may_mean_without_repeating_the_scores() {
    let mut sam = person("p1", "Sam");
    sam.rate_gut(TrustPart::Honesty, 40, NOW);
    let log =
        [quick("o1", "p1", QuickKind::ToldTruth, "2026-03-01"), quick("o2", "p1", QuickKind::ToldTruth, "2026-03-03")];
    let honesty = profile(&sam, &log).remove(1);
    let note = honesty.gap_note_for(None).unwrap();
    // The picture shows 40 and 79 once each; the note must not say them again.
    assert!(!note.chars().any(|c| c.is_ascii_digit()), "{note}");
    assert!(note.starts_with("Your gut trusts less than the evidence so far."), "{note}");
    // The full sentence is the scores, then the same note.
    let sentence = honesty.gap_sentence().unwrap();
    assert_eq!(sentence, format!("For honesty, your gut says 40 and what you have logged points to 79. {note}"));
    // Someone the user may not be safe with: a careful gut is never called a thinking trap.
    let careful = honesty.gap_note_for(Some(trust_steps::domain::repair_safety::SafetyAnswer::Yes)).unwrap();
    assert!(!careful.contains("thinking trap") && careful.contains("worth listening to"), "{careful}");
    // No gap worth noting, or a side missing: no note.
    assert_eq!(profile(&sam, &log)[0].gap_note_for(None), None);
    sam.rate_gut(TrustPart::Honesty, 75, "2026-03-11T00:00:00.000Z");
    assert_eq!(profile(&sam, &log)[1].gap_note_for(None), None);
}

#[test]
fn a_persons_card_counts_in_words() {
    assert_eq!(person_summary(0, 0), "No observations yet");
    assert_eq!(person_summary(1, 0), "1 observation");
    assert_eq!(person_summary(5, 0), "5 observations");
    assert_eq!(person_summary(0, 1), "No observations yet · 1 ladder step");
    assert_eq!(person_summary(1, 6), "1 observation · 6 ladder steps");
}

#[test]
fn an_empty_profile_has_five_rows_of_nothing() {
    let rows = profile(&person("p1", "Sam"), &[]);
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r.gut.is_none() && r.evidence.is_none() && r.gap.is_none() && r.evidence_count == 0));
}

#[test]
fn a_small_gap_is_not_pointed_out() {
    let mut sam = person("p1", "Sam");
    sam.rate_gut(TrustPart::Reliability, 60, NOW);
    let rows = profile(&sam, &[quick("o1", "p1", QuickKind::KeptCommitment, "2026-03-01")]);
    assert_eq!(rows[0].gap, Some(-10));
    assert!(!rows[0].gap_is_notable());
    assert_eq!(rows[0].gap_sentence(), None);
    sam.rate_gut(TrustPart::Reliability, 95, "2026-03-11T00:00:00.000Z");
    let rows = profile(&sam, &[quick("o1", "p1", QuickKind::KeptCommitment, "2026-03-01")]);
    assert_eq!(rows[0].gap, Some(25));
    assert!(rows[0].gap_sentence().unwrap().contains("more"));
}

#[test]
fn gut_history_is_per_part_and_oldest_first() {
    let mut sam = person("p1", "Sam");
    assert!(sam.gut_history(TrustPart::Honesty).is_empty());
    assert_eq!(sam.current_gut(TrustPart::Honesty), None);
    sam.rate_gut(TrustPart::Honesty, 50, "2026-03-05T00:00:00.000Z");
    sam.rate_gut(TrustPart::Reliability, 10, "2026-03-06T00:00:00.000Z");
    sam.rate_gut(TrustPart::Honesty, 20, "2026-03-01T00:00:00.000Z");
    assert_eq!(
        sam.gut_history(TrustPart::Honesty),
        vec![("2026-03-01T00:00:00.000Z".to_owned(), 20), ("2026-03-05T00:00:00.000Z".to_owned(), 50)]
    );
    assert_eq!(sam.current_gut(TrustPart::Honesty), Some(50), "the latest by time, not by order added");
    assert_eq!(sam.updated_at, "2026-03-01T00:00:00.000Z");
}

#[test]
fn the_evidence_trend_is_cumulative_one_point_per_day() {
    assert!(evidence_trend(&[], TrustPart::Reliability).is_empty());
    let log = vec![
        quick("o3", "p1", QuickKind::KeptCommitment, "2026-03-04"),
        quick("o1", "p1", QuickKind::KeptCommitment, "2026-03-01"),
        quick("o2", "p1", QuickKind::BrokeCommitment, "2026-03-01"),
        quick("o4", "p1", QuickKind::ToldTruth, "2026-03-02"),
    ];
    assert_eq!(
        evidence_trend(&log, TrustPart::Reliability),
        vec![("2026-03-01".to_owned(), 50), ("2026-03-04".to_owned(), 61)]
    );
    assert_eq!(evidence_trend(&log[..1], TrustPart::Reliability), vec![("2026-03-04".to_owned(), 70)]);
}

/// Days as they are stored; the browser writes them in the user's locale instead.
fn as_stored(day: &str) -> String {
    day.to_owned()
}

const TODAY: &str = "2026-06-10";

/// Patterns over everything logged.
fn all_time(log: &[Observation]) -> Vec<String> {
    patterns(log, &PatternWindow::AllTime, TODAY, as_stored)
}

#[test]
fn patterns_count_commitments_since_a_day_in_plain_numbers() {
    let mut log = Vec::new();
    for i in 0..8 {
        log.push(quick(&format!("k{i}"), "p1", QuickKind::KeptCommitment, "2026-03-02"));
    }
    for i in 0..2 {
        log.push(quick(&format!("b{i}"), "p1", QuickKind::BrokeCommitment, "2026-03-05"));
    }
    log.push(quick("old", "p1", QuickKind::BrokeCommitment, "2026-02-28"));
    let since = PatternWindow::Since("2026-03-01".into());
    let sentences = patterns(&log, &since, TODAY, |d| format!("1 March ({d})"));
    assert_eq!(
        sentences,
        vec![
            "You logged 10 things since 1 March (2026-03-01): 8 built trust and 2 broke it.".to_owned(),
            "Kept 8 of 10 commitments since 1 March (2026-03-01).".to_owned(),
        ]
    );
    assert_eq!(all_time(&log)[1], "Kept 8 of 11 commitments.");
    // The last 3 months up to 10 June start on 10 March, after everything in this log.
    assert!(patterns(&log, &PatternWindow::LastMonths(3), TODAY, as_stored).is_empty());
    let recent = patterns(&log, &PatternWindow::LastMonths(3), "2026-06-02", as_stored);
    assert_eq!(recent[1], "Kept 8 of 10 commitments in the last 3 months.", "from 2 March on");
    assert_eq!(
        patterns(&log, &PatternWindow::LastMonths(12), TODAY, as_stored)[1],
        "Kept 8 of 11 commitments in the last year."
    );
    assert_eq!(
        patterns(&log, &PatternWindow::LastMonths(1), "2026-04-05", as_stored)[0],
        "You logged 2 things in the last month: 0 built trust and 2 broke it.",
        "5 March to 5 April: the first day counts"
    );
}

#[test]
fn pattern_windows_come_from_the_picker_and_say_what_is_wrong_with_a_day() {
    for (value, _) in PatternWindow::CHOICES {
        assert_eq!(PatternWindow::from_choice(value, "2026-03-01").choice(), value, "round trip of {value}");
    }
    assert_eq!(PatternWindow::from_choice("nonsense", ""), PatternWindow::AllTime);
    assert_eq!(PatternWindow::from_choice("3m", ""), PatternWindow::LastMonths(3));
    assert_eq!(PatternWindow::from_choice("since", "2026-03-01"), PatternWindow::Since("2026-03-01".into()));

    assert_eq!(PatternWindow::AllTime.problem(TODAY), None);
    assert_eq!(PatternWindow::LastMonths(3).problem(TODAY), None);
    assert_eq!(PatternWindow::Since(TODAY.into()).problem(TODAY), None, "today is fine");
    assert!(PatternWindow::Since(String::new()).problem(TODAY).unwrap().contains("Choose the day"));
    assert!(PatternWindow::Since("2026-02-30".into()).problem(TODAY).unwrap().contains("not a day"));
    assert!(PatternWindow::Since("2026-06-11".into()).problem(TODAY).unwrap().contains("still to come"));

    assert_eq!(PatternWindow::AllTime.first_day(TODAY), None);
    assert_eq!(PatternWindow::LastMonths(3).first_day(TODAY), Some("2026-03-10".into()));
    assert_eq!(PatternWindow::Since("2026-03-01".into()).first_day(TODAY), Some("2026-03-01".into()));
    assert_eq!(PatternWindow::Since("soon".into()).first_day(TODAY), None);

    assert_eq!(PatternWindow::AllTime.phrase(as_stored), "");
    assert_eq!(PatternWindow::LastMonths(1).phrase(as_stored), " in the last month");
    assert_eq!(PatternWindow::LastMonths(3).phrase(as_stored), " in the last 3 months");
    assert_eq!(PatternWindow::LastMonths(12).phrase(as_stored), " in the last year");
    assert_eq!(PatternWindow::Since("2026-03-01".into()).phrase(|_| "1/3/2026".into()), " since 1/3/2026");
    assert_eq!(PatternWindow::Since(String::new()).phrase(as_stored), "");
}

#[test]
fn months_before_keeps_the_day_or_takes_the_end_of_a_shorter_month() {
    assert_eq!(months_before("2026-06-10", 3).as_deref(), Some("2026-03-10"));
    assert_eq!(months_before("2026-05-31", 3).as_deref(), Some("2026-02-28"));
    assert_eq!(months_before("2024-05-31", 3).as_deref(), Some("2024-02-29"), "leap year");
    assert_eq!(months_before("2026-01-15", 1).as_deref(), Some("2025-12-15"), "across the year end");
    assert_eq!(months_before("2026-03-31", 12).as_deref(), Some("2025-03-31"));
    assert_eq!(months_before("2026-03-31", 0).as_deref(), Some("2026-03-31"));
    assert_eq!(months_before("0001-02-01", 2), None, "before year 1");
    assert_eq!(months_before("not a day", 1), None);
}

#[test]
fn patterns_about_truth_and_support_read_naturally() {
    let mut log = vec![
        quick("t1", "p1", QuickKind::ToldTruth, "2026-03-02"),
        quick("t2", "p1", QuickKind::ToldTruth, "2026-03-03"),
        quick("t3", "p1", QuickKind::ToldTruth, "2026-03-04"),
        quick("l1", "p1", QuickKind::CaughtInLie, "2026-03-04"),
    ];
    assert_eq!(all_time(&log)[1], "Told the truth 3 times, was caught in a lie once.");
    assert_eq!(all_time(&log[..2])[1], "Told the truth twice.");
    assert_eq!(all_time(&log[3..])[1], "Was caught in a lie once.");
    log.push(quick("s1", "p1", QuickKind::SupportedWhenVulnerable, "2026-03-05"));
    log.push(quick("d1", "p1", QuickKind::Dismissed, "2026-03-06"));
    log.push(quick("d2", "p1", QuickKind::Dismissed, "2026-03-07"));
    let all = all_time(&log);
    assert_eq!(all[0], "You logged 7 things: 4 built trust and 3 broke it.");
    assert_eq!(all[2], "Supported you when you were vulnerable once, dismissed you twice.");
    assert_eq!(all.len(), 3, "no commitment sentence without commitments");
}

#[test]
fn patterns_of_nothing_or_one_entry() {
    assert!(all_time(&[]).is_empty());
    let one = [quick("k1", "p1", QuickKind::KeptCommitment, "2026-03-02")];
    assert!(
        patterns(&one, &PatternWindow::Since("2026-04-01".into()), TODAY, as_stored).is_empty(),
        "nothing since that day"
    );
    assert_eq!(
        all_time(&one),
        vec!["You logged 1 thing: 1 built trust and 0 broke it.".to_owned(), "Kept 1 of 1 commitment.".to_owned()]
    );
    let custom = [observation(TrustPart::Competence, Direction::Broke, 1, "2026-03-02")];
    assert_eq!(all_time(&custom), vec!["You logged 1 thing: 0 built trust and 1 broke it.".to_owned()]);
}

#[test]
fn an_evidence_summary_adds_up_the_same_as_the_profile() {
    let log = vec![
        quick("k1", "p1", QuickKind::KeptCommitment, "2026-03-01"),
        quick("k2", "p1", QuickKind::KeptCommitment, "2026-03-02"),
        quick("b1", "p1", QuickKind::BrokeCommitment, "2026-03-03"),
        quick("l1", "p1", QuickKind::CaughtInLie, "2026-03-03"),
        quick("x1", "p2", QuickKind::Dismissed, "2026-03-03"),
    ];
    let summary = EvidenceSummary::of(log.iter().filter(|o| o.person_id == "p1"));
    assert_eq!(summary.observations, 4);
    let reliability = summary.part(TrustPart::Reliability);
    assert_eq!((reliability.built, reliability.broke, reliability.count), (4, 2, 3));
    assert_eq!(summary.part(TrustPart::Honesty).broke, 3);
    assert_eq!(summary.part(TrustPart::Benevolence).count, 0, "another person's entry is not counted");
    let mut sam = person("p1", "Sam");
    sam.rate_gut(TrustPart::Honesty, 40, NOW);
    assert_eq!(summary.profile(&sam), profile(&sam, &log));
    assert_eq!(EvidenceSummary::of(&[]), EvidenceSummary::default());
}

#[test]
fn observations_for_a_person_come_newest_first_and_counts_are_per_person() {
    let mut a = quick("a", "p1", QuickKind::ToldTruth, "2026-03-01");
    let mut b = quick("b", "p1", QuickKind::ToldTruth, "2026-03-03");
    let mut c = quick("c", "p1", QuickKind::ToldTruth, "2026-03-03");
    a.created_at = "2026-03-09T00:00:00.000Z".into();
    b.created_at = "2026-03-03T08:00:00.000Z".into();
    c.created_at = "2026-03-03T09:00:00.000Z".into();
    let other = quick("d", "p2", QuickKind::Dismissed, "2026-03-04");
    let log = vec![a, b, c, other];
    let ids: Vec<&str> = observations_for(&log, "p1").iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, vec!["c", "b", "a"]);
    assert_eq!(newest_first(&log, "p1"), vec![2, 1, 0], "positions in the collection, in the same order");
    assert_eq!(newest_first(&log, "p2"), vec![3]);
    assert!(observations_for(&log, "nobody").is_empty());
    let counts = observation_counts(&log);
    assert_eq!((counts.get("p1"), counts.get("p2"), counts.get("p3")), (Some(&3), Some(&1), None));
}

#[test]
fn editing_an_observation_keeps_its_id_and_bumps_updated() {
    let mut o = quick("o1", "p1", QuickKind::KeptCommitment, "2026-03-02");
    o.extra.insert("from_a_newer_version".into(), json!(1));
    let later = "2026-03-11T08:00:00.000Z";
    let mut fields = o.fields();
    assert_eq!(fields.what, "Kept a commitment");
    assert_eq!((fields.part, fields.direction, fields.weight), (TrustPart::Reliability, Direction::Built, 2));
    fields.what = "Kept a commitment: picked me up on time".into();
    fields.weight = 3;
    fields.happened_on = "2026-03-01".into();
    o.revise(fields.clone(), later);
    assert_eq!((o.id.as_str(), o.person_id.as_str(), o.created_at.as_str()), ("o1", "p1", NOW));
    assert_eq!(o.updated_at, later);
    assert_eq!((o.what.as_str(), o.weight, o.happened_on.as_str()), (fields.what.as_str(), 3, "2026-03-01"));
    assert_eq!(o.kind, Some(QuickKind::KeptCommitment), "more words keep it a kept commitment");
    assert_eq!(o.extra.get("from_a_newer_version"), Some(&json!(1)), "unknown fields survive an edit");

    // Turned into a broken commitment, it no longer counts as a kept one.
    fields.direction = Direction::Broke;
    o.revise(fields.clone(), later);
    assert_eq!(o.kind, None);
    assert_eq!(all_time(std::slice::from_ref(&o)).len(), 1, "no commitment sentence any more");

    fields.weight = 9;
    o.revise(fields, later);
    assert_eq!(o.weight, 3, "weights stay within 1–3");
}

#[test]
fn the_observation_form_needs_words_and_a_past_day() {
    let fields = |what: &str, day: &str| ObservationFields {
        what: what.into(),
        part: TrustPart::Honesty,
        direction: Direction::Built,
        weight: 2,
        happened_on: day.into(),
    };
    assert_eq!(fields("Told me", "2026-06-10").check(TODAY), Ok(()));
    assert_eq!(fields("  \n ", "2026-06-10").check(TODAY), Err(ObservationProblem::NothingWritten));
    assert_eq!(fields("Told me", "").check(TODAY), Err(ObservationProblem::NoDay));
    assert_eq!(fields("Told me", "2026-13-01").check(TODAY), Err(ObservationProblem::NoDay));
    assert_eq!(fields("Told me", "2026-06-11").check(TODAY), Err(ObservationProblem::FutureDay));
    for problem in [ObservationProblem::NothingWritten, ObservationProblem::NoDay, ObservationProblem::FutureDay] {
        assert!(!problem.message().is_empty());
    }
}

#[test]
fn a_new_observation_starts_neutral_and_must_say_built_or_broke() {
    let blank = ObservationDraft::blank(TODAY);
    assert_eq!(blank.what, "");
    assert_eq!(blank.direction, None, "neither built nor broke is chosen for the user");
    assert_eq!(blank.weight, NEUTRAL_WEIGHT);
    assert_eq!(blank.happened_on, TODAY);
    assert_eq!(blank.check(TODAY), Err(ObservationProblem::NothingWritten));
    let written = ObservationDraft { what: "Came late again".into(), ..blank.clone() };
    assert_eq!(written.check(TODAY), Err(ObservationProblem::NoDirection));
    assert!(!ObservationProblem::NoDirection.message().is_empty());
    let broke = ObservationDraft { direction: Some(Direction::Broke), weight: 1, ..written.clone() };
    let fields = broke.check(TODAY).unwrap();
    assert_eq!((fields.direction, fields.weight, fields.what.as_str()), (Direction::Broke, 1, "Came late again"));
    let future = ObservationDraft { happened_on: "2026-06-11".into(), ..broke.clone() };
    assert_eq!(future.check(TODAY), Err(ObservationProblem::FutureDay));
    // After a save the form starts from `blank` again: the last entry's "broke · a little" is not carried over.
    assert_ne!(ObservationDraft::blank(TODAY).direction, broke.direction);
    assert_ne!(ObservationDraft::blank(TODAY).weight, broke.weight);
    // An existing entry opens in the edit form with everything it has.
    let o = quick("o1", "p1", QuickKind::CaughtInLie, "2026-06-01");
    let draft = ObservationDraft::of(&o);
    assert_eq!((draft.direction, draft.weight, draft.part), (Some(Direction::Broke), 3, TrustPart::Honesty));
    assert_eq!(draft.check(TODAY).unwrap(), o.fields());
}

#[test]
fn patterns_count_one_thing_and_one_commitment_in_words() {
    let log = [quick("o1", "p1", QuickKind::KeptCommitment, "2026-06-01")];
    let lines = patterns(&log, &PatternWindow::AllTime, TODAY, |d| d.to_owned());
    assert_eq!(lines, vec!["You logged 1 thing: 1 built trust and 0 broke it.", "Kept 1 of 1 commitment."]);
}

// ---------------------------------------------------------------------------------------------------------------
// Disclosure ladder
// ---------------------------------------------------------------------------------------------------------------

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("step{i:04}")).collect()
}

#[test]
fn a_default_ladder_has_six_steps_from_low_to_higher_risk() {
    let ladder = default_ladder("p1", ids(6), NOW);
    assert_eq!(ladder.len(), 6);
    for (i, step) in ladder.iter().enumerate() {
        assert_eq!(step.title, DEFAULT_STEPS[i]);
        assert_eq!(step.position as usize, i);
        assert_eq!((step.person_id.as_str(), step.created_at.as_str()), ("p1", NOW));
        assert!(step.experiments.is_empty());
    }
    assert_eq!(DEFAULT_STEPS[0], "Share an opinion");
    assert_eq!(DEFAULT_STEPS[5], "Rely on them for something that matters");
    assert_eq!(default_ladder("p1", ids(2), NOW).len(), 2, "stops when the ids run out");
    assert!(default_ladder("p1", Vec::new(), NOW).is_empty());
}

fn positions(steps: &[LadderStep]) -> Vec<(&str, u32)> {
    let mut list: Vec<(&str, u32)> = steps.iter().map(|s| (s.id.as_str(), s.position)).collect();
    list.sort_by_key(|(_, p)| *p);
    list
}

#[test]
fn reordering_renumbers_and_reports_only_the_steps_that_moved() {
    let later = "2026-03-11T00:00:00.000Z";
    let mut ladder = default_ladder("p1", ids(4), NOW);
    let changed = reorder(&mut ladder, "step0001", 2, later);
    assert_eq!(changed, vec!["step0002".to_owned(), "step0001".to_owned()]);
    assert_eq!(positions(&ladder), vec![("step0000", 0), ("step0002", 1), ("step0001", 2), ("step0003", 3)]);
    assert_eq!(ladder.iter().filter(|s| s.updated_at == later).count(), 2);

    let changed = reorder(&mut ladder, "step0003", 0, later);
    assert_eq!(changed.len(), 4);
    assert_eq!(positions(&ladder)[0], ("step0003", 0));

    let changed = reorder(&mut ladder, "step0003", 99, later);
    assert_eq!(positions(&ladder)[3], ("step0003", 3), "past the end goes last");
    assert_eq!(changed.len(), 4);

    assert!(reorder(&mut ladder, "missing1", 0, later).is_empty());
    assert!(reorder(&mut ladder, "step0000", 0, later).is_empty(), "no move, nothing to save");
    let mut empty: Vec<LadderStep> = Vec::new();
    assert!(reorder(&mut empty, "step0000", 0, later).is_empty());
}

#[test]
fn reordering_heals_gaps_and_duplicate_positions() {
    let mut ladder = default_ladder("p1", ids(3), NOW);
    ladder[0].position = 5;
    ladder[1].position = 5;
    ladder[2].position = 9;
    reorder(&mut ladder, "step0002", 0, NOW);
    assert_eq!(positions(&ladder), vec![("step0002", 0), ("step0000", 1), ("step0001", 2)]);
}

#[test]
fn a_ladder_is_per_person_and_the_next_step_is_the_lowest_untried() {
    let mut all = default_ladder("p1", ids(3), NOW);
    all.push(LadderStep::new("other001".into(), "p2", "  Ask for a lift  ", 0, NOW));
    assert_eq!(all[3].title, "Ask for a lift");
    assert_eq!(ladder_for(&all, "p1").len(), 3);
    assert_eq!(next_step(&all, "p1").unwrap().id, "step0000");
    let mut experiment = Experiment::new("exp00001".into(), "They laugh", 60, 5, NOW);
    all[0].plan(experiment.clone(), NOW);
    assert_eq!(next_step(&all, "p1").unwrap().id, "step0000", "planned is not yet tried");
    experiment.record_outcome("They listened", Some(Response::Supportive), Some(false), "It was fine", NOW);
    all[0].experiments[0] = experiment;
    assert_eq!(next_step(&all, "p1").unwrap().id, "step0001");
    assert!(next_step(&all, "nobody").is_none());
}

#[test]
fn experiments_clamp_their_ratings_and_record_the_outcome() {
    let mut e = Experiment::new("exp00001".into(), "  They will think I'm silly ", 150, 42, NOW);
    assert_eq!((e.fear.as_str(), e.fear_likelihood, e.anxiety), ("They will think I'm silly", 100, 10));
    assert!(!e.is_done());
    e.record_outcome(" They asked more ", Some(Response::Neutral), Some(false), " Not so bad ", "2026-03-12T00:00:00Z");
    assert!(e.is_done());
    assert_eq!((e.what_happened.as_str(), e.learned.as_str()), ("They asked more", "Not so bad"));
    let mut step = LadderStep::new("step0000".into(), "p1", "Share an opinion", 0, NOW);
    step.plan(e, "2026-03-12T00:00:00Z");
    assert!(step.experiment_mut("exp00001").is_some());
    assert!(step.experiment_mut("nope").is_none());
    assert!(step.is_tried());
}

#[test]
fn editing_an_experiment_keeps_its_id_and_dates_and_bumps_updated() {
    let mut e = Experiment::new("exp00001".into(), "They laugh", 70, 6, NOW);
    assert_eq!(e.updated_at, NOW);
    let later = "2026-03-12T00:00:00Z";
    let mut before = e.before();
    assert_eq!(before, Before { fear: "They laugh".into(), likelihood: 70, anxiety: 6 });
    before.fear = "  They laugh at me ".into();
    before.likelihood = 200;
    let after = After { what_happened: "Ignored".into(), ..Default::default() };
    e.revise(before.clone(), Some(after.clone()), later);
    assert_eq!((e.fear.as_str(), e.fear_likelihood, e.anxiety), ("They laugh at me", 100, 6));
    assert_eq!((e.id.as_str(), e.planned_at.as_str(), e.updated_at.as_str()), ("exp00001", NOW, later));
    assert!(!e.is_done() && e.what_happened.is_empty(), "an edit never records an outcome");

    e.record_outcome("They listened", Some(Response::Supportive), Some(false), "Safe", later);
    let mut after = e.after();
    assert_eq!(after.response, Some(Response::Supportive));
    after.fear_came_true = Some(true);
    after.learned = " Less safe than I hoped ".into();
    e.revise(before, Some(after), "2026-03-13T00:00:00Z");
    assert_eq!(e.done_at.as_deref(), Some(later), "when it was done stays");
    assert_eq!((e.fear_came_true, e.learned.as_str()), (Some(true), "Less safe than I hoped"));
    assert_eq!(e.updated_at, "2026-03-13T00:00:00Z");

    assert!(Before { fear: " ".into(), likelihood: 0, anxiety: 0 }.check().is_err());
    assert!(After::default().check().is_err());
    assert!(After { what_happened: "x".into(), ..Default::default() }.check().is_ok());
}

#[test]
fn an_experiment_can_be_removed_and_put_back_where_it_was() {
    let mut step = LadderStep::new("step0000".into(), "p1", "Share an opinion", 0, NOW);
    for id in ["e1", "e2", "e3"] {
        step.plan(Experiment::new(id.into(), "fear", 50, 5, NOW), NOW);
    }
    let later = "2026-03-12T00:00:00Z";
    assert!(step.remove_experiment("nope", later).is_none());
    assert_eq!(step.updated_at, NOW, "nothing removed, nothing changed");
    let (index, removed) = step.remove_experiment("e2", later).unwrap();
    assert_eq!((index, removed.id.as_str(), step.updated_at.as_str()), (1, "e2", later));
    assert_eq!(step.experiments.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), vec!["e1", "e3"]);
    step.put_back_experiment(index, removed.clone(), "2026-03-13T00:00:00Z");
    assert_eq!(step.experiments.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), vec!["e1", "e2", "e3"]);
    step.put_back_experiment(index, removed.clone(), NOW);
    assert_eq!(step.experiments.len(), 3, "never twice");
    step.experiments.clear();
    step.put_back_experiment(5, removed, NOW);
    assert_eq!(step.experiments.len(), 1, "at the end when the list got shorter");
}

fn done(id: &str, likelihood: u8, came_true: Option<bool>, response: Option<Response>) -> Experiment {
    let mut e = Experiment::new(id.into(), "fear", likelihood, 5, NOW);
    e.record_outcome("what happened", response, came_true, "", NOW);
    e
}

#[test]
fn a_rung_says_where_it_stands() {
    let mut step = LadderStep::new("s1".into(), "p1", "Share a worry", 0, NOW);
    assert_eq!(step.status(), RungStatus::NotTried);
    assert_eq!(step.status_line(), "Not tried yet");
    step.plan(Experiment::new("e1".into(), "They will laugh", 60, 5, NOW), NOW);
    assert_eq!(step.status(), RungStatus::Planned);
    assert_eq!(step.status_line(), "Planned: waiting for how it went");
    if let Some(e) = step.experiment_mut("e1") {
        e.record_outcome("They listened", Some(Response::Supportive), Some(false), "", NOW);
    }
    assert_eq!(step.status(), RungStatus::Tried);
    assert_eq!(step.status_line(), "Tried: 1 experiment done");
    step.plan(Experiment::new("e2".into(), "They will be busy", 40, 3, NOW), NOW);
    assert_eq!(step.status(), RungStatus::Tried, "a rung once tried stays tried");
    assert_eq!(step.status_line(), "Tried: 1 experiment done, 1 waiting");
    if let Some(e) = step.experiment_mut("e2") {
        e.record_outcome("They were", None, Some(true), "", NOW);
    }
    assert_eq!(step.status_line(), "Tried: 2 experiments done");
}

#[test]
fn ladder_stats_count_how_often_the_fear_came_true() {
    let mut ladder = default_ladder("p1", ids(2), NOW);
    ladder[0].experiments = vec![
        done("e1", 80, Some(true), Some(Response::Hurtful)),
        done("e2", 60, Some(false), Some(Response::Supportive)),
        Experiment::new("e3".into(), "fear", 90, 7, "2026-03-09T00:00:00.000Z"),
    ];
    ladder[1].experiments = vec![
        done("e4", 70, Some(false), Some(Response::Neutral)),
        done("e5", 95, None, Some(Response::Supportive)),
        Experiment::new("e6".into(), "fear", 50, 3, "2026-03-08T00:00:00.000Z"),
    ];
    let stats = ladder_stats(&ladder);
    assert_eq!((stats.planned, stats.done, stats.feared_came_true, stats.feared_did_not), (2, 4, 1, 2));
    assert_eq!(stats.average_predicted_likelihood, Some(70), "(80 + 60 + 70) / 3, only where the outcome is known");
    assert_eq!(
        stats.response_counts,
        [(Response::Supportive, 2), (Response::Neutral, 1), (Response::Dismissive, 0), (Response::Hurtful, 1)]
    );
    assert_eq!(stats.answered(), 3);
    assert_eq!(stats.came_true_percent(), Some(33));
    assert_eq!(
        stats.sentence().unwrap(),
        "The outcome you feared came true in 1 of 3 experiments. Beforehand you rated it about 70% likely on average."
    );
    let waiting = waiting_for_after(&ladder);
    let waiting_ids: Vec<&str> = waiting.iter().map(|(_, e)| e.id.as_str()).collect();
    assert_eq!(waiting_ids, vec!["e6", "e3"], "oldest plan first");
    assert_eq!(waiting[0].0.id, "step0001");
}

#[test]
fn ladder_stats_of_nothing_and_of_one_experiment() {
    let empty = ladder_stats(&[]);
    assert_eq!((empty.planned, empty.done, empty.answered()), (0, 0, 0));
    assert_eq!((empty.average_predicted_likelihood, empty.came_true_percent(), empty.sentence()), (None, None, None));
    assert!(waiting_for_after(&[]).is_empty());
    let mut ladder = default_ladder("p1", ids(1), NOW);
    ladder[0].experiments.push(done("e1", 40, Some(false), None));
    let stats = ladder_stats(&ladder);
    assert_eq!(
        stats.sentence().unwrap(),
        "The outcome you feared came true in 0 of 1 experiment. Beforehand you rated it about 40% likely on average."
    );
    assert_eq!(stats.came_true_percent(), Some(0));
    assert!(stats.response_counts.iter().all(|(_, n)| *n == 0));
    assert_eq!(Response::ALL.map(Response::label), ["Supportive", "Neutral", "Dismissive", "Hurtful"]);
}

// ---------------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn days_parse_strictly() {
    assert_eq!(parse_day("2026-03-10"), Some((2026, 3, 10)));
    assert_eq!(parse_day("2028-02-29"), Some((2028, 2, 29)));
    assert_eq!(parse_day("2000-02-29"), Some((2000, 2, 29)));
    for bad in [
        "2026-02-29",
        "1900-02-29",
        "2026-02-30",
        "2026-04-31",
        "2026-01-32",
        "2026-13-01",
        "2026-00-10",
        "2026-01-00",
        "0000-01-01",
        "2026-3-1",
        "2026/03/10",
        "+026-03-10",
        "2026-03-10T00:00:00Z",
        "abcd-ef-gh",
        "２０２６-03-10",
        "",
    ] {
        assert_eq!(parse_day(bad), None, "{bad}");
    }
    assert!(is_leap_year(2024) && is_leap_year(2000) && !is_leap_year(1900) && !is_leap_year(2026));
}

#[test]
fn day_numbers_count_from_1970_and_round_trip() {
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(days_from_civil(1969, 12, 31), -1);
    assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    assert_eq!(day_number("2026-03-10"), Some(20_522));
    assert_eq!(day_number("nope"), None);
    let (first, last) = (day_number("0001-01-01").unwrap(), day_number("9999-12-31").unwrap());
    assert_eq!((first, last), (-719_162, 2_932_896));
    for z in (first..=last).step_by(997).chain([last]) {
        let day = day_from_number(z);
        assert_eq!(day_number(&day), Some(z), "{day}");
    }
    for z in 20_000..21_500 {
        let (y, m, d) = civil_from_days(z);
        assert_eq!(days_from_civil(y, m, d), z);
    }
}

#[test]
fn adding_days_crosses_month_year_and_leap_day_ends() {
    assert_eq!(add_days("2026-12-31", 1).as_deref(), Some("2027-01-01"));
    assert_eq!(add_days("2027-01-01", -1).as_deref(), Some("2026-12-31"));
    assert_eq!(add_days("2028-02-28", 1).as_deref(), Some("2028-02-29"));
    assert_eq!(add_days("2028-02-29", 1).as_deref(), Some("2028-03-01"));
    assert_eq!(add_days("2026-02-28", 1).as_deref(), Some("2026-03-01"));
    assert_eq!(add_days("2026-03-01", -1).as_deref(), Some("2026-02-28"));
    assert_eq!(add_days("2026-04-30", 1).as_deref(), Some("2026-05-01"));
    assert_eq!(add_days("2026-03-10", 365).as_deref(), Some("2027-03-10"));
    assert_eq!(add_days("2026-02-30", 1), None);
}

#[test]
fn weekdays_and_iso_weeks() {
    assert_eq!(weekday("1970-01-01"), Some(4), "a Thursday");
    assert_eq!(weekday("2026-01-01"), Some(4));
    assert_eq!(weekday("2026-03-02"), Some(1));
    assert_eq!(weekday("2026-03-08"), Some(7));
    assert_eq!(weekday("2024-02-29"), Some(4));
    assert_eq!(weekday("1969-12-29"), Some(1), "before 1970 too");
    assert_eq!(weekday("bad"), None);
    assert_eq!(iso_week("2026-01-01"), Some((2026, 1)));
    assert_eq!(iso_week("2027-01-01"), Some((2026, 53)), "a Friday belongs to the old year's last week");
    assert_eq!(iso_week("2024-12-30"), Some((2025, 1)), "a Monday can belong to the new year");
    assert_eq!(iso_week("2021-01-03"), Some((2020, 53)));
    assert_eq!(iso_week("2008-12-29"), Some((2009, 1)));
    assert_eq!(iso_week("2026-03-10"), Some((2026, 11)));
    assert_eq!(iso_week("2026-12-31"), Some((2026, 53)));
    assert_eq!(week_start("2026-03-08").as_deref(), Some("2026-03-02"));
    assert_eq!(week_start("2026-03-02").as_deref(), Some("2026-03-02"));
    assert_eq!(week_start("2027-01-01").as_deref(), Some("2026-12-28"));
    assert_eq!(Recurrence::Weekly.period_of("2026-03-02"), Recurrence::Weekly.period_of("2026-03-08"));
    assert_ne!(Recurrence::Weekly.period_of("2026-03-08"), Recurrence::Weekly.period_of("2026-03-09"));
    assert_eq!(Recurrence::Weekly.period_of("1969-12-29"), Recurrence::Weekly.period_of("1970-01-04"));
}

// ---------------------------------------------------------------------------------------------------------------
// Promises to myself
// ---------------------------------------------------------------------------------------------------------------

fn promise(recurrence: Recurrence, start: &str) -> Promise {
    Promise::new("prom0001".into(), "  Take a walk  ", recurrence, start, NOW)
}

fn keep(p: &mut Promise, days: &[&str]) {
    for day in days {
        assert!(p.check_in(day, true, "", NOW));
    }
}

#[test]
fn a_daily_promise_is_due_from_its_start_day_until_checked_in() {
    let mut p = promise(Recurrence::Daily, "2026-02-27");
    assert_eq!(p.text, "Take a walk");
    assert!(!p.is_due("2026-02-26"));
    assert!(p.is_due("2026-02-27"));
    assert!(!p.is_due("not a day"));
    p.check_in("2026-02-27", true, "", NOW);
    assert!(!p.is_due("2026-02-27"));
    assert!(p.is_due("2026-02-28"));
    p.archived = true;
    assert!(!p.is_due("2026-02-28"));
    let mut no_start = promise(Recurrence::Daily, "");
    assert!(no_start.is_due("2001-01-01"));
    no_start.archived = true;
    assert!(due_on(&[no_start, promise(Recurrence::Daily, "2026-01-01")], "2026-03-01").len() == 1);
}

#[test]
fn checking_in_again_the_same_day_replaces_the_check_in() {
    let mut p = promise(Recurrence::Daily, "2026-02-27");
    assert!(p.check_in("2026-02-28", true, "", NOW));
    assert!(p.check_in("2026-02-27", true, "", NOW));
    assert!(p.check_in("2026-02-27", false, "  too tired  ", "2026-02-27T23:00:00.000Z"));
    assert_eq!(p.checkins.len(), 2);
    assert_eq!(p.checkins[0].day, "2026-02-27", "oldest day first");
    assert!(!p.checkins[0].kept);
    assert_eq!(p.checkins[0].note, "too tired");
    assert_eq!(p.updated_at, "2026-02-27T23:00:00.000Z");
    assert_eq!(p.checkin_for("2026-02-27").map(|c| c.kept), Some(false));
    assert!(!p.check_in("2026-02-30", true, "", NOW), "an impossible day changes nothing");
    assert_eq!(p.checkins.len(), 2);
}

#[test]
fn a_weekly_promise_is_checked_once_per_iso_week() {
    let mut p = promise(Recurrence::Weekly, "2026-03-02");
    p.check_in("2026-03-02", true, "", NOW);
    assert!(!p.is_due("2026-03-08"), "Sunday is the same week");
    assert!(p.is_due("2026-03-09"), "Monday starts a new week");
    p.check_in("2026-03-08", false, "", NOW);
    assert_eq!(p.checkins.len(), 1, "same week: replaced");
    assert_eq!(p.checkins[0].day, "2026-03-08");
    assert_eq!(p.kept_rate(), Some((0, 1)));
}

#[test]
fn a_one_off_promise_is_due_until_checked_in_once() {
    let mut p = promise(Recurrence::Once, "2026-03-01");
    assert!(p.is_due("2026-03-20"));
    assert_eq!((p.current_streak("2026-03-20"), p.best_streak()), (0, 0));
    p.check_in("2026-03-05", false, "", NOW);
    assert!(!p.is_due("2026-03-20"));
    p.check_in("2026-03-06", true, "", NOW);
    assert_eq!(p.checkins.len(), 1);
    assert_eq!(p.kept_rate(), Some((1, 1)));
    assert_eq!((p.current_streak("2026-03-20"), p.best_streak()), (1, 1));
}

#[test]
fn kept_rate_counts_one_check_in_per_period() {
    let mut p = promise(Recurrence::Daily, "2026-03-01");
    assert_eq!(p.kept_rate(), None);
    keep(&mut p, &["2026-03-01", "2026-03-02", "2026-03-04"]);
    p.check_in("2026-03-03", false, "", NOW);
    assert_eq!(p.kept_rate(), Some((3, 4)));
    // Two tabs merged by hand could leave two check-ins for one day: the later one counts.
    p.checkins.push(trust_steps::domain::promises::CheckIn {
        day: "2026-03-03".into(),
        kept: true,
        at: "2026-03-11T00:00:00.000Z".into(),
        ..Default::default()
    });
    assert_eq!(p.kept_rate(), Some((4, 4)));
}

#[test]
fn streaks_survive_today_being_unchecked_but_not_a_missed_day() {
    let mut p = promise(Recurrence::Daily, "2026-03-01");
    assert_eq!((p.current_streak("2026-03-04"), p.best_streak()), (0, 0));
    keep(&mut p, &["2026-03-01", "2026-03-02", "2026-03-03"]);
    assert_eq!(p.current_streak("2026-03-04"), 3, "today not checked yet");
    assert_eq!(p.current_streak("2026-03-05"), 0, "yesterday was skipped");
    keep(&mut p, &["2026-03-04"]);
    assert_eq!(p.current_streak("2026-03-04"), 4);
    p.check_in("2026-03-05", false, "", NOW);
    assert_eq!(p.current_streak("2026-03-05"), 0);
    assert_eq!(p.current_streak("2026-03-06"), 0);
    keep(&mut p, &["2026-03-06", "2026-03-07"]);
    assert_eq!(p.current_streak("2026-03-07"), 2);
    assert_eq!(p.best_streak(), 4);
    assert_eq!(p.current_streak("not a day"), 0);
}

#[test]
fn a_gap_day_without_a_check_in_ends_a_streak() {
    let mut p = promise(Recurrence::Daily, "2026-03-01");
    keep(&mut p, &["2026-03-01", "2026-03-02", "2026-03-04"]);
    assert_eq!(p.current_streak("2026-03-04"), 1);
    assert_eq!(p.best_streak(), 2);
    let mut single = promise(Recurrence::Daily, "2026-03-01");
    keep(&mut single, &["2026-03-01"]);
    assert_eq!(
        (single.current_streak("2026-03-01"), single.current_streak("2026-03-02"), single.best_streak()),
        (1, 1, 1)
    );
}

#[test]
fn daily_streaks_run_across_month_year_and_leap_day_ends() {
    let mut p = promise(Recurrence::Daily, "2026-12-01");
    keep(&mut p, &["2026-12-30", "2026-12-31", "2027-01-01"]);
    assert_eq!(p.current_streak("2027-01-02"), 3);
    let mut leap = promise(Recurrence::Daily, "2028-02-01");
    keep(&mut leap, &["2028-02-28", "2028-02-29", "2028-03-01"]);
    assert_eq!((leap.current_streak("2028-03-01"), leap.best_streak()), (3, 3));
    let mut plain = promise(Recurrence::Daily, "2026-02-01");
    keep(&mut plain, &["2026-02-28", "2026-03-01"]);
    assert_eq!(plain.best_streak(), 2, "no 29 February in 2026");
}

#[test]
fn weekly_streaks_count_weeks_across_the_year_end() {
    let mut p = promise(Recurrence::Weekly, "2026-12-01");
    keep(&mut p, &["2026-12-21", "2026-12-31", "2027-01-04"]);
    assert_eq!(p.current_streak("2027-01-06"), 3, "this week already kept");
    assert_eq!(p.current_streak("2027-01-12"), 3, "next week, not checked yet");
    assert_eq!(p.current_streak("2027-01-19"), 0, "a whole week was skipped");
    assert_eq!(p.best_streak(), 3);
    p.check_in("2027-01-13", false, "", NOW);
    assert_eq!(p.current_streak("2027-01-13"), 0);
    keep(&mut p, &["2027-01-18"]);
    assert_eq!((p.current_streak("2027-01-18"), p.best_streak()), (1, 3));
}

#[test]
fn starter_promises_and_self_compassion_prompts_are_kind_and_varied() {
    assert!(STARTER_PROMISES.len() >= 6);
    assert!(STARTER_PROMISES.iter().any(|(_, r)| *r == Recurrence::Daily));
    assert!(STARTER_PROMISES.iter().any(|(_, r)| *r == Recurrence::Weekly));
    assert!(SELF_COMPASSION_PROMPTS.len() >= 5);
    let mut seen: Vec<&str> = (0..SELF_COMPASSION_PROMPTS.len()).map(prompt_for_missed).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), SELF_COMPASSION_PROMPTS.len(), "every prompt is reachable");
    assert_eq!(prompt_for_missed(usize::MAX), SELF_COMPASSION_PROMPTS[usize::MAX % SELF_COMPASSION_PROMPTS.len()]);
    for text in SELF_COMPASSION_PROMPTS.iter().chain(STARTER_PROMISES.iter().map(|(t, _)| t)) {
        let lower = text.to_lowercase();
        assert!(!lower.contains("should") && !lower.contains("lazy") && !lower.contains('!'), "{text}");
    }
    assert_eq!(Recurrence::ALL.map(Recurrence::label), ["Once", "Every day", "Every week"]);
}

// ---------------------------------------------------------------------------------------------------------------
// Self-assessments
// ---------------------------------------------------------------------------------------------------------------

/// Answers that are as trustworthy as possible (`best`) or as little as possible.
fn trustworthiness_answers(best: bool) -> Vec<u8> {
    TRUSTWORTHINESS_ITEMS.iter().map(|item| if item.reverse != best { 5 } else { 1 }).collect()
}

#[test]
fn the_trustworthiness_items_cover_three_areas_with_some_reversed() {
    assert!(TRUSTWORTHINESS_ITEMS.len() >= 15);
    for area in Area::ALL {
        let items: Vec<_> = TRUSTWORTHINESS_ITEMS.iter().filter(|i| i.area == area).collect();
        assert!(items.len() >= 5, "{area:?}");
        assert!(items.iter().any(|i| i.reverse) && items.iter().any(|i| !i.reverse), "{area:?}");
    }
}

#[test]
fn trustworthiness_scores_turn_reverse_items_round() {
    let best = score_trustworthiness(&trustworthiness_answers(true)).unwrap();
    assert_eq!(best.iter().map(|s| s.area).collect::<Vec<_>>(), Area::ALL.to_vec());
    assert!(best.iter().all(|s| s.score == 100 && s.band == Band::High));
    assert_eq!(best[0].explanation, Area::Reliability.explanation(Band::High));
    let worst = score_trustworthiness(&trustworthiness_answers(false)).unwrap();
    assert!(worst.iter().all(|s| s.score == 0 && s.band == Band::Low));
    let middle = score_trustworthiness(&[3; TRUSTWORTHINESS_ITEMS.len()]).unwrap();
    assert!(middle.iter().all(|s| s.score == 50 && s.band == Band::Middle));
    // "Always" to everything: the reverse items pull the score down (4 normal + 2 reverse per area → 16 of 24).
    let always = score_trustworthiness(&[5; TRUSTWORTHINESS_ITEMS.len()]).unwrap();
    assert!(always.iter().all(|s| s.score == 67), "{always:?}");
}

#[test]
fn trustworthiness_needs_one_answer_from_one_to_five_per_item() {
    let n = TRUSTWORTHINESS_ITEMS.len();
    assert_eq!(score_trustworthiness(&[]), Err(AnswerProblem::WrongCount { expected: n, got: 0 }));
    assert_eq!(score_trustworthiness(&vec![3; n - 1]), Err(AnswerProblem::WrongCount { expected: n, got: n - 1 }));
    assert_eq!(score_trustworthiness(&vec![3; n + 1]), Err(AnswerProblem::WrongCount { expected: n, got: n + 1 }));
    let mut answers = vec![3; n];
    answers[4] = 0;
    answers[7] = 6;
    let problem = score_trustworthiness(&answers).unwrap_err();
    assert_eq!(problem, AnswerProblem::OutOfRange { index: 4, value: 0 });
    assert_eq!(problem.to_string(), "Statement 5 still needs an answer from 1 to 5.");
}

#[test]
fn bands_and_levels_have_clear_edges() {
    assert_eq!([39, 40, 70, 71].map(Band::of), [Band::Low, Band::Middle, Band::Middle, Band::High]);
    assert_eq!(
        [0, 33, 34, 66, 67, 100].map(Level::of),
        [Level::Low, Level::Low, Level::Some, Level::Some, Level::Strong, Level::Strong]
    );
    for area in Area::ALL {
        let texts = [Band::Low, Band::Middle, Band::High].map(|b| area.explanation(b));
        assert!(texts[0] != texts[1] && texts[1] != texts[2]);
    }
}

#[test]
fn any_trustworthiness_item_can_become_a_promise() {
    assert_eq!(item_to_promise_text(0).as_deref(), Some("I will do one thing I said I would, when I said I would."));
    for i in 0..TRUSTWORTHINESS_ITEMS.len() {
        let text = item_to_promise_text(i).unwrap();
        assert!(text.starts_with("I will ") && text.ends_with('.') && !text.ends_with(".."), "{text}");
    }
    assert_eq!(item_to_promise_text(TRUSTWORTHINESS_ITEMS.len()), None);
}

#[test]
fn origins_results_are_tendencies_with_a_note_that_this_is_not_a_diagnosis() {
    assert!(ORIGINS_ITEMS.len() >= 12);
    for tendency in Tendency::ALL {
        assert!(ORIGINS_ITEMS.iter().filter(|(_, t)| *t == tendency).count() >= 2, "{tendency:?}");
        assert!(tendency.reflection_prompt().ends_with('?'));
    }
    assert!(NOT_A_DIAGNOSIS.contains("not a diagnosis"));
    let n = ORIGINS_ITEMS.len();
    let low = score_origins(&vec![1; n]).unwrap();
    assert_eq!(low.len(), Tendency::ALL.len());
    assert!(low.iter().all(|r| r.level == Level::Low && r.score == 0));
    let some = score_origins(&vec![3; n]).unwrap();
    assert!(some.iter().all(|r| r.level == Level::Some && r.score == 50));
    let anxious: Vec<u8> =
        ORIGINS_ITEMS.iter().map(|(_, t)| if *t == Tendency::AnxiousAttachment { 5 } else { 1 }).collect();
    let results = score_origins(&anxious).unwrap();
    let strong: Vec<Tendency> = results.iter().filter(|r| r.level == Level::Strong).map(|r| r.tendency).collect();
    assert_eq!(strong, vec![Tendency::AnxiousAttachment]);
    let result = results.iter().find(|r| r.tendency == Tendency::AnxiousAttachment).unwrap();
    assert_eq!((result.score, result.description), (100, Tendency::AnxiousAttachment.description(Level::Strong)));
    assert_eq!(score_origins(&[3; 3]), Err(AnswerProblem::WrongCount { expected: n, got: 3 }));
    let mut bad = vec![2; n];
    bad[n - 1] = 9;
    assert_eq!(score_origins(&bad), Err(AnswerProblem::OutOfRange { index: n - 1, value: 9 }));
}

/// Origins answers: 5 ("Very much like me") for the statements of `strong` tendencies, 1 for the rest.
fn origins_answers(strong: &[Tendency]) -> Vec<u8> {
    ORIGINS_ITEMS.iter().map(|(_, t)| if strong.contains(t) { 5 } else { 1 }).collect()
}

#[test]
fn strong_worry_about_closeness_and_keeping_a_distance_together_is_named_the_fearful_avoidant_pattern() {
    let both = score_origins(&origins_answers(&[Tendency::AnxiousAttachment, Tendency::AvoidantAttachment])).unwrap();
    assert_eq!(origins_notes(&both), vec![OriginsNote::FearfulAvoidant]);
    let text = OriginsNote::FearfulAvoidant.text();
    assert!(text.contains("fearful-avoidant") && text.contains("high anxiety and high avoidance"), "{text}");
    assert!(text.contains("abuse"));
    // One of the two alone, or both only somewhat, is not that pattern.
    for strong in [[Tendency::AnxiousAttachment], [Tendency::AvoidantAttachment]] {
        assert!(origins_notes(&score_origins(&origins_answers(&strong)).unwrap()).is_empty(), "{strong:?}");
    }
    let somewhat: Vec<u8> = ORIGINS_ITEMS
        .iter()
        .map(|(_, t)| if matches!(t, Tendency::AnxiousAttachment | Tendency::AvoidantAttachment) { 3 } else { 1 })
        .collect();
    assert!(origins_notes(&score_origins(&somewhat).unwrap()).is_empty());
    // "Quite like me" to every statement of both (9 of 12 points, 75 of 100) is strong too.
    let quite: Vec<u8> = ORIGINS_ITEMS
        .iter()
        .map(|(_, t)| if matches!(t, Tendency::AnxiousAttachment | Tendency::AvoidantAttachment) { 4 } else { 1 })
        .collect();
    assert_eq!(origins_notes(&score_origins(&quite).unwrap()), vec![OriginsNote::FearfulAvoidant]);
}

#[test]
fn a_strong_past_betrayal_result_points_to_help_and_the_lesson_on_getting_support() {
    let betrayal = score_origins(&origins_answers(&[Tendency::PastBetrayal])).unwrap();
    assert_eq!(origins_notes(&betrayal), vec![OriginsNote::HeavyPastHurt]);
    let hrefs: Vec<&str> = OriginsNote::HeavyPastHurt.links().iter().map(|l| l.href).collect();
    assert!(hrefs.contains(&"/help") && hrefs.contains(&"/learn/professional-help"), "{hrefs:?}");
    assert!(hrefs.contains(&"/learn/abuse-and-control"), "someone still afraid is pointed to safety first");
    // Only a strong sign calls for it.
    let some: Vec<u8> = ORIGINS_ITEMS.iter().map(|(_, t)| if *t == Tendency::PastBetrayal { 3 } else { 1 }).collect();
    assert!(origins_notes(&score_origins(&some).unwrap()).is_empty());
    // Everything strong: support comes first, then the pattern.
    let all = score_origins(&[5; ORIGINS_ITEMS.len()]).unwrap();
    assert_eq!(origins_notes(&all), vec![OriginsNote::HeavyPastHurt, OriginsNote::FearfulAvoidant]);
    assert!(origins_notes(&[]).is_empty());
}

#[test]
fn every_origins_note_link_opens_a_lesson_section_or_help() {
    for note in [OriginsNote::FearfulAvoidant, OriginsNote::HeavyPastHurt] {
        assert!(!note.title().is_empty() && !note.links().is_empty());
        for link in note.links() {
            if link.href == "/help" {
                continue;
            }
            let path = link.href.strip_prefix("/learn/").unwrap_or_else(|| panic!("{}", link.href));
            let (slug, section) = path.split_once('#').map_or((path, None), |(s, id)| (s, Some(id)));
            let lesson = lesson_by_slug(slug).unwrap_or_else(|| panic!("{} is not a lesson", link.href));
            if let Some(id) = section {
                assert!(
                    lesson.body.iter().any(|b| matches!(b, Block::Heading { id: h, .. } if *h == id)),
                    "{} has no section {id}",
                    slug
                );
            }
        }
    }
}

#[test]
fn my_trustworthiness_says_plainly_it_is_not_a_validated_test() {
    assert!(NOT_A_VALIDATED_TEST.contains("not a validated test"));
    assert!(NOT_A_VALIDATED_TEST.contains("compare yourself with yourself"));
}

#[test]
fn assessment_texts_stay_calm_and_never_diagnose() {
    let mut texts: Vec<&str> = Vec::new();
    for area in Area::ALL {
        texts.extend([Band::Low, Band::Middle, Band::High].map(|b| area.explanation(b)));
    }
    for tendency in Tendency::ALL {
        texts.extend([Level::Low, Level::Some, Level::Strong].map(|l| tendency.description(l)));
    }
    texts.extend([OriginsNote::FearfulAvoidant, OriginsNote::HeavyPastHurt].map(OriginsNote::text));
    texts.push(NOT_A_VALIDATED_TEST);
    for text in texts {
        let lower = text.to_lowercase();
        for word in ["disorder", "diagnos", "should", "bad person", "!"] {
            assert!(!lower.contains(word), "{word:?} in {text}");
        }
    }
}

#[test]
fn assessment_runs_resume_complete_and_keep_history() {
    let mut run = AssessmentRun::new("run00001".into(), AssessmentKind::Trustworthiness, NOW);
    assert_eq!(run.answers.len(), TRUSTWORTHINESS_ITEMS.len());
    assert_eq!(run.next_unanswered(), Some(0));
    assert!(!run.is_complete());
    assert!(run.trustworthiness().is_err());
    for (i, answer) in trustworthiness_answers(false).into_iter().enumerate() {
        run.answer(i, answer, NOW);
    }
    run.answer(99, 5, NOW);
    assert!(run.is_complete());
    assert!(run.trustworthiness().unwrap().iter().all(|s| s.score == 0));

    let mut second = AssessmentRun::new("run00002".into(), AssessmentKind::Trustworthiness, "2026-04-10T00:00:00Z");
    second.answers = trustworthiness_answers(true);
    let mut unfinished = AssessmentRun::new("run00003".into(), AssessmentKind::Trustworthiness, "2026-05-10T00:00:00Z");
    unfinished.answer(0, 9, NOW);
    assert_eq!(unfinished.answers[0], 5, "clamped");
    assert_eq!(unfinished.next_unanswered(), Some(1));
    let origins = AssessmentRun::new("run00004".into(), AssessmentKind::Origins, NOW);
    let runs = vec![second, unfinished, run, origins];
    let ids: Vec<&str> = history(&runs, AssessmentKind::Trustworthiness).iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec!["run00001", "run00002"], "complete runs, oldest first");
    assert_eq!(
        trustworthiness_change(&runs),
        vec![(Area::Reliability, 100, 100), (Area::Honesty, 100, 100), (Area::Integrity, 100, 100)]
    );
    assert!(trustworthiness_change(&runs[..1]).is_empty());
    assert!(history(&runs, AssessmentKind::Origins).is_empty());
}

#[test]
fn origins_runs_keep_a_reflection_per_section() {
    let mut run = AssessmentRun::new("run00001".into(), AssessmentKind::Origins, NOW);
    assert_eq!(run.answers.len(), ORIGINS_ITEMS.len());
    run.reflect(2, "I leave first", NOW);
    run.reflect(50, "ignored", NOW);
    assert_eq!(run.reflections, vec!["".to_owned(), "".to_owned(), "I leave first".to_owned()]);
    run.answers = vec![4; ORIGINS_ITEMS.len()];
    assert!(run.origins().unwrap().iter().all(|r| r.level == Level::Strong));
}

// ---------------------------------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn every_record_has_its_own_key_prefix() {
    assert_eq!(person("p1", "Sam").key(), "trust-steps/people/p1");
    assert_eq!(quick("o1", "p1", QuickKind::ToldTruth, "2026-03-01").key(), "trust-steps/observations/o1");
    assert_eq!(LadderStep::new("s1".into(), "p1", "x", 0, NOW).key(), "trust-steps/ladder/s1");
    assert_eq!(promise(Recurrence::Daily, "").key(), "trust-steps/promises/prom0001");
    assert_eq!(AssessmentRun::new("a1".into(), AssessmentKind::Origins, NOW).key(), "trust-steps/assessments/a1");
    for prefix in [
        keys::PEOPLE_PREFIX,
        keys::OBSERVATIONS_PREFIX,
        keys::LADDER_PREFIX,
        keys::PROMISES_PREFIX,
        keys::ASSESSMENTS_PREFIX,
    ] {
        assert!(keys::is_app_key(prefix) && prefix.ends_with('/'));
    }
}

#[test]
fn records_round_trip_through_the_vault() {
    let mut vault = Vault::new(MemoryStore::new(), Box::new(|| NOW.to_owned()));
    let mut sam = person("person01", "Sam 🙂 <b>");
    sam.marker = "🌿".into();
    sam.rate_gut(TrustPart::Benevolence, 55, NOW);
    vault.save_record(&sam).unwrap();
    assert_eq!(vault.load_record::<Person>("person01").unwrap(), Some(sam));

    let obs = quick("observ01", "person01", QuickKind::SupportedWhenVulnerable, "2026-03-01");
    vault.save_record(&obs).unwrap();
    assert_eq!(vault.load_record::<Observation>("observ01").unwrap(), Some(obs));

    let mut step = LadderStep::new("ladder01".into(), "person01", "Share a worry", 3, NOW);
    step.plan(done("exp00001", 70, Some(false), Some(Response::Supportive)), NOW);
    vault.save_record(&step).unwrap();
    assert_eq!(vault.load_record::<LadderStep>("ladder01").unwrap(), Some(step));

    let mut p = promise(Recurrence::Weekly, "2026-03-02");
    p.check_in("2026-03-03", true, "felt good", NOW);
    vault.save_record(&p).unwrap();
    assert_eq!(vault.load_record::<Promise>("prom0001").unwrap(), Some(p));

    let mut run = AssessmentRun::new("assess01".into(), AssessmentKind::Origins, NOW);
    run.reflect(0, "שלום", NOW);
    vault.save_record(&run).unwrap();
    assert_eq!(vault.load_record::<AssessmentRun>("assess01").unwrap(), Some(run));
}

#[test]
fn unknown_fields_from_a_newer_version_are_kept_and_missing_ones_default() {
    let stored = json!({
        "id": "person01",
        "name": "Sam",
        "relationship": "partner",
        "pronouns": "they",
        "gut": [{ "at": NOW, "part": "honesty", "rating": 40, "confidence": 3 }]
    });
    let sam: Person = serde_json::from_value(stored).unwrap();
    assert_eq!((sam.relationship, sam.archived, sam.marker.as_str()), (Relationship::Partner, false, ""));
    assert_eq!(sam.extra.get("pronouns"), Some(&json!("they")));
    assert_eq!(sam.gut[0].extra.get("confidence"), Some(&json!(3)));
    let back = serde_json::to_value(&sam).unwrap();
    assert_eq!(back["pronouns"], json!("they"));
    assert_eq!(back["gut"][0]["confidence"], json!(3));

    let obs: Observation = serde_json::from_value(json!({
        "id": "o1", "person_id": "p1", "kind": "caught_in_lie", "direction": "broke", "part": "honesty",
        "weight": 3, "mood": "sad"
    }))
    .unwrap();
    assert_eq!((obs.kind, obs.direction), (Some(QuickKind::CaughtInLie), Direction::Broke));
    assert_eq!(serde_json::to_value(&obs).unwrap()["mood"], json!("sad"));

    let step: LadderStep = serde_json::from_value(json!({
        "id": "s1", "colour": "blue", "experiments": [{ "id": "e1", "response": "hurtful", "body": "tense" }]
    }))
    .unwrap();
    assert_eq!(step.experiments[0].response, Some(Response::Hurtful));
    let back = serde_json::to_value(&step).unwrap();
    assert_eq!((&back["colour"], &back["experiments"][0]["body"]), (&json!("blue"), &json!("tense")));

    let p: Promise = serde_json::from_value(json!({
        "id": "p1", "recurrence": "weekly", "reminder": "20:00", "checkins": [{ "day": "2026-03-02", "kept": true, "mood": 4 }]
    }))
    .unwrap();
    assert_eq!(p.recurrence, Recurrence::Weekly);
    let back = serde_json::to_value(&p).unwrap();
    assert_eq!((&back["reminder"], &back["checkins"][0]["mood"]), (&json!("20:00"), &json!(4)));

    let run: AssessmentRun =
        serde_json::from_value(json!({ "id": "a1", "kind": "origins", "answers": [1, 2], "version_note": "x" }))
            .unwrap();
    assert_eq!(run.kind, AssessmentKind::Origins);
    assert_eq!(serde_json::to_value(&run).unwrap()["version_note"], json!("x"));
}

#[test]
fn a_duplicate_name_is_accepted_only_once_confirmed() {
    use trust_steps::domain::people::{accept_person_name, NameProblem, Person, Relationship};
    let existing = vec![Person::new("p1".into(), "Sam", Relationship::Friend, "2026-11-27T10:00:00.000Z")];
    assert_eq!(accept_person_name(" sam ", &existing, None, false), Err(NameProblem::Duplicate));
    assert_eq!(accept_person_name(" sam ", &existing, None, true), Ok("sam".to_owned()));
    assert_eq!(accept_person_name("   ", &existing, None, true), Err(NameProblem::Empty));
    assert_eq!(accept_person_name("Sam", &existing, Some("p1"), false), Ok("Sam".to_owned()));
}

#[test]
fn a_stored_marker_is_nothing_a_colour_or_text_shown_as_it_is() {
    use trust_steps::domain::people::{clean_emoji_marker, is_colour_marker, Marker, MARKER_COLOURS, MAX_MARKER_CHARS};
    assert_eq!(Marker::of(""), Marker::None);
    assert_eq!(Marker::of("teal"), Marker::Colour { slug: "teal", name: "Teal" });
    assert_eq!(Marker::of("grey"), Marker::Colour { slug: "grey", name: "Grey" });
    // Colour names are matched as stored: anything else is shown as text, never dropped.
    assert_eq!(Marker::of("Teal"), Marker::Emoji("Teal"));
    assert_eq!(Marker::of("🌿"), Marker::Emoji("🌿"));
    for (slug, name) in MARKER_COLOURS {
        assert!(is_colour_marker(slug));
        assert_eq!(Marker::of(slug), Marker::Colour { slug, name });
    }
    assert!(!is_colour_marker("") && !is_colour_marker("🙂") && !is_colour_marker("blue"));
    // A typed emoji is trimmed and cut to the longest kept.
    assert_eq!(clean_emoji_marker("  🙂 "), "🙂");
    assert_eq!(clean_emoji_marker("🇳🇿👨‍👩‍👧‍👦 and more").chars().count(), MAX_MARKER_CHARS);
    assert_eq!(clean_emoji_marker("   "), "");
}

#[test]
fn a_part_of_the_profile_says_what_it_rests_on_in_words() {
    use trust_steps::domain::people::evidence_basis;
    assert_eq!(evidence_basis(0), "Nothing logged about this part yet.");
    assert_eq!(evidence_basis(1), "Based on 1 observation.");
    assert_eq!(evidence_basis(12), "Based on 12 observations.");
}
