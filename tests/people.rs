//! People: the trust map's evidence score, profile gaps and patterns, name checks and quick entries, and their
//! storage round trips that keep fields from newer versions. The disclosure ladder, promises, calendar days and
//! self-assessments have their own files (ladder.rs, promises.rs, calendar.rs, assessments.rs).

#![cfg(not(target_arch = "wasm32"))] // native tests; the browser tests are in wasm_storage.rs
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use serde_json::json;
use trust_steps::domain::people::{
    evidence_score, evidence_trend, newest_first, observation_counts, observations_for, patterns, person_summary,
    profile, sort_people, validate_person_name, Direction, EvidenceSummary, NameProblem, Observation, ObservationDraft,
    ObservationFields, ObservationProblem, PatternWindow, Person, QuickKind, Relationship, TrustPart, MAX_NAME_CHARS,
    NEUTRAL_WEIGHT,
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
// Storage
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn every_record_has_its_own_key_prefix() {
    assert_eq!(person("p1", "Sam").key(), "trust-steps/people/p1");
    assert_eq!(quick("o1", "p1", QuickKind::ToldTruth, "2026-03-01").key(), "trust-steps/observations/o1");
    for prefix in [keys::PEOPLE_PREFIX, keys::OBSERVATIONS_PREFIX] {
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
