//! Today and Progress: date ranges and buckets, the active-day streak, the week in words, every chart series and
//! the next-step rules with their dismissals — each with the empty and the single-entry case.

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::collections::BTreeSet;
use trust_steps::domain::collection_table::Snapshot as Data;
use trust_steps::domain::insights::{
    active_days, active_streak, belief_lines, course_progress, feelings_before_after, habits_per_week,
    ladder_feared_vs_happened, people_by_activity, person_gut_vs_evidence, person_trend, promises_per_week,
    trap_frequency, trap_name, week_summary, Bucket, Clock, DateRange, Window,
};
use trust_steps::domain::journal::{FeelingRating, RecordStatus};
use trust_steps::domain::ladder::{Experiment, LadderStep};
use trust_steps::domain::next_step::{
    candidates, is_new_user, next_step, unfinished_worksheets, Dismissed, NextStep, UnfinishedWorksheet,
    RERATE_AFTER_DAYS,
};
use trust_steps::domain::people::{Direction, Observation, Person, Relationship, TrustPart};
use trust_steps::domain::promises::{Promise, Recurrence};
use trust_steps::domain::worksheets::{Rhythm, WorksheetEntry};
use trust_steps::domain::{Belief, LessonProgress, Preferences, ThoughtRecord, TriggerEntry};

const TODAY: &str = "2026-03-18"; // a Wednesday
const LESSONS: [&str; 3] = ["what-trust-is", "where-trust-issues-come-from", "self-trust"];

fn at(day: &str) -> String {
    format!("{day}T12:00:00.000Z")
}

fn clock() -> Clock {
    Clock::utc(TODAY)
}

fn finished(id: &str, day: &str, feelings: &[(u8, u8)], traps: &[&str]) -> ThoughtRecord {
    let mut r = ThoughtRecord::new(id.into(), &at(day), day);
    r.thought = "They are ignoring me".into();
    r.feelings = feelings
        .iter()
        .enumerate()
        .map(|(i, (b, a))| FeelingRating { name: format!("f{i}"), before: *b, after: Some(*a), ..Default::default() })
        .collect();
    r.traps = traps.iter().map(|t| (*t).to_owned()).collect();
    r.status = RecordStatus::Complete;
    r
}

fn belief(id: &str, ratings: &[(&str, u8)]) -> Belief {
    let mut b = Belief::new(id.into(), &format!("belief {id}"), ratings[0].1, &at(ratings[0].0));
    for (day, strength) in &ratings[1..] {
        b.rate(*strength, &at(day));
    }
    b
}

fn person(id: &str, name: &str) -> Person {
    Person::new(id.into(), name, Relationship::Friend, &at("2026-01-01"))
}

fn observation(id: &str, person_id: &str, day: &str, part: TrustPart, direction: Direction, weight: u8) -> Observation {
    Observation { part, direction, weight, ..Observation::new(id.into(), person_id, day, &at(day)) }
}

fn experiment(id: &str, likelihood: u8, planned: &str, done: Option<(&str, bool)>) -> Experiment {
    let mut e = Experiment::new(id.into(), "They will laugh", likelihood, 5, &at(planned));
    if let Some((day, came_true)) = done {
        e.record_outcome("They listened", None, Some(came_true), "", &at(day));
    }
    e
}

fn step(id: &str, person_id: &str, experiments: Vec<Experiment>) -> LadderStep {
    let mut s = LadderStep::new(id.into(), person_id, "Share a worry", 0, &at("2026-01-01"));
    s.experiments = experiments;
    s
}

/// A trigger-log entry made at `time`: activity the charts do not show.
fn trigger_at(time: &str) -> TriggerEntry {
    TriggerEntry { id: format!("t-{time}"), created_at: time.into(), updated_at: time.into(), ..Default::default() }
}

/// A copy of the habits worksheet with one check-in on `day`, made and changed that day.
fn habit_on(day: &str) -> WorksheetEntry {
    let mut habits = WorksheetEntry::new(format!("h-{day}"), "keeping-trust", &at(day));
    habits.check_in(Rhythm::Daily, day, std::collections::BTreeMap::new(), "", &at(day));
    habits
}

fn window(range: DateRange) -> Window {
    Window::of(range, TODAY)
}

// --- days, ranges, buckets ---------------------------------------------------------------------------------

#[test]
fn ranges_end_today_and_count_their_days() {
    assert_eq!(DateRange::FourWeeks.first_day(TODAY).as_deref(), Some("2026-02-19"));
    assert_eq!(DateRange::ThreeMonths.first_day(TODAY).as_deref(), Some("2025-12-18"));
    assert_eq!(DateRange::Year.first_day(TODAY).as_deref(), Some("2025-03-19"));
    assert_eq!(DateRange::All.first_day(TODAY), None);
    assert_eq!(DateRange::FourWeeks.previous(TODAY), Some(("2026-01-22".to_owned(), "2026-02-18".to_owned())));
    assert_eq!(DateRange::All.previous(TODAY), None);
    let w = window(DateRange::FourWeeks);
    assert!(w.contains("2026-02-19") && w.contains(TODAY));
    assert!(!w.contains("2026-02-18") && !w.contains("2026-03-19"));
    assert!(window(DateRange::All).contains("1999-01-01"));
}

#[test]
fn stored_utc_times_fall_on_the_users_local_day() {
    let berlin = Clock { today: TODAY.into(), offset_minutes: 60 };
    assert_eq!(berlin.day_of("2026-03-01T23:30:00.000Z").as_deref(), Some("2026-03-02"));
    let new_york = Clock { today: TODAY.into(), offset_minutes: -300 };
    assert_eq!(new_york.day_of("2026-03-01T03:00:00.000Z").as_deref(), Some("2026-02-28"));
    assert_eq!(new_york.day_of("2026-03-01").as_deref(), Some("2026-03-01"));
    assert_eq!(new_york.day_of("garbage"), None);
    assert_eq!(new_york.day_of(""), None);
}

#[test]
fn buckets_grow_with_the_span() {
    assert_eq!(Bucket::for_span("2026-02-19", TODAY), Bucket::Day);
    assert_eq!(Bucket::for_span("2025-03-19", TODAY), Bucket::Week);
    assert_eq!(Bucket::for_span("2020-01-01", TODAY), Bucket::Month);
    assert_eq!(Bucket::Week.start_of(TODAY).as_deref(), Some("2026-03-16"));
    assert_eq!(Bucket::Month.start_of(TODAY).as_deref(), Some("2026-03-01"));
    assert_eq!(Bucket::Day.start_of("nope"), None);
}

// --- streak and week ---------------------------------------------------------------------------------------

#[test]
fn streak_counts_consecutive_active_days_and_keeps_yesterdays_until_today_is_done() {
    let days = |list: &[&str]| list.iter().map(|d| (*d).to_owned()).collect::<BTreeSet<String>>();
    assert_eq!(active_streak(&days(&[]), TODAY), 0);
    assert_eq!(active_streak(&days(&[TODAY]), TODAY), 1);
    assert_eq!(active_streak(&days(&["2026-03-17"]), TODAY), 1, "yesterday still counts in the morning");
    assert_eq!(active_streak(&days(&["2026-03-16"]), TODAY), 0);
    assert_eq!(active_streak(&days(&["2026-03-15", "2026-03-16", "2026-03-17", TODAY]), TODAY), 4);
    assert_eq!(active_streak(&days(&["2026-03-14", "2026-03-16", "2026-03-17", TODAY]), TODAY), 3);
}

#[test]
fn active_days_gather_every_kind_of_entry() {
    let mut data = Data::default();
    assert!(active_days(&data.view(), &clock()).is_empty());
    data.journal.push(finished("r1", "2026-03-10", &[(80, 40)], &[]));
    data.journal.push(ThoughtRecord::new("blank".into(), &at("2026-03-11"), "2026-03-11"));
    data.observations.push(observation("o1", "p1", "2026-03-12", TrustPart::Reliability, Direction::Built, 2));
    data.progress.set_done("what-trust-is", true, &at("2026-03-13"));
    data.triggers.push(trigger_at(&at("2026-03-14")));
    data.worksheets.push(habit_on("2026-03-15"));
    let days: Vec<String> = active_days(&data.view(), &clock()).into_iter().collect();
    assert_eq!(days, ["2026-03-10", "2026-03-12", "2026-03-13", "2026-03-14", "2026-03-15"]);
}

#[test]
fn activity_outside_the_charts_counts_too_and_blank_worksheets_do_not() {
    use trust_steps::domain::assessments::{AssessmentKind, AssessmentRun};
    let mut data = Data::default();
    data.triggers.push(trigger_at(&at("2026-03-01")));
    data.trap_practice.record(0, true, &at("2026-03-02"));
    data.assessments.push(AssessmentRun::new("a1".into(), AssessmentKind::Trustworthiness, &at("2026-03-03")));
    let mut sheet = WorksheetEntry::new("w1".into(), "boundaries", &at("2026-03-04"));
    sheet.title = "Work emails".into();
    sheet.updated_at = at("2026-03-05");
    data.worksheets.push(sheet);
    data.worksheets.push(WorksheetEntry::new("blank".into(), "boundaries", &at("2026-03-06")));
    data.worksheets.push(habit_on("2026-03-07"));
    let view = data.view();
    let mut other: Vec<&str> = view.other_activity().collect();
    other.sort_unstable();
    let h = at("2026-03-07");
    assert_eq!(
        other,
        [&at("2026-03-01"), &at("2026-03-02"), &at("2026-03-03"), &at("2026-03-04"), &at("2026-03-05"), &h, &h]
    );
    assert_eq!(view.habit_days().collect::<Vec<_>>(), ["2026-03-07"]);
    assert!(!is_new_user(&view));
    let days: Vec<String> = active_days(&view, &clock()).into_iter().collect();
    assert_eq!(days, ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-07"]);
    let blank_only =
        Data { worksheets: vec![WorksheetEntry::new("b".into(), "boundaries", &at("2026-03-06"))], ..Data::default() };
    assert!(is_new_user(&blank_only.view()));
}

#[test]
fn a_quiet_week_gets_one_kind_line_and_a_busy_one_is_summed_up() {
    let data = Data::default();
    let summary = week_summary(&data.view(), &clock());
    assert!(summary.is_empty());
    assert_eq!(summary.sentences().len(), 1);
    assert!(summary.sentences()[0].contains("quiet week"));

    let mut data = Data::default();
    data.journal.push(finished("r1", "2026-03-17", &[(80, 40), (60, 40)], &[]));
    data.journal.push(finished("old", "2026-03-01", &[(80, 0)], &[]));
    let mut p = Promise::new("p1".into(), "Walk", Recurrence::Daily, "2026-03-01", &at("2026-03-01"));
    p.check_in("2026-03-16", true, "", &at("2026-03-16"));
    p.check_in("2026-03-17", false, "", &at("2026-03-17"));
    data.promises.push(p);
    data.observations.push(observation("o1", "a", "2026-03-18", TrustPart::Honesty, Direction::Built, 1));
    data.ladder.push(step("s1", "a", vec![experiment("e1", 80, "2026-03-10", Some(("2026-03-15", false)))]));
    data.beliefs.push(belief("b1", &[("2026-02-01", 80), ("2026-03-16", 60)]));
    data.progress.set_done("self-trust", true, &at("2026-03-12"));
    data.worksheets.push(habit_on("2026-03-18"));
    let s = week_summary(&data.view(), &clock());
    assert_eq!(s.records_finished, 1);
    assert_eq!(s.average_drop, Some(30.0));
    assert_eq!((s.promises_kept, s.promises_checked), (1, 2));
    assert_eq!((s.observations, s.observations_built), (1, 1));
    assert_eq!((s.experiments_done, s.fears_came_true), (1, 0));
    assert_eq!(s.beliefs_rerated, 1);
    assert_eq!(s.lessons_done, 1);
    assert_eq!(s.habit_checkins, 1);
    // 12, 15, 16, 17, 18 (the experiment was planned on the 10th, outside the week)
    assert_eq!(s.active_days, 5);
    let text = s.sentences().join(" ");
    assert!(text.contains("5 days of the last 7"), "{text}");
    assert!(text.contains("1 thought record; afterwards your feelings were 30 points less intense"), "{text}");
    assert!(text.contains("kept 1 of 2 promise check-ins"), "{text}");
    assert!(text.contains("You tried 1 small step; the outcome you feared did not come true."), "{text}");
    assert!(text.contains("You noticed 1 thing about the people in your life; it built trust."), "{text}");
}

// --- chart series ------------------------------------------------------------------------------------------

#[test]
fn feelings_pairs_average_before_and_after_per_bucket() {
    let (_, empty) = feelings_before_after(&[], &window(DateRange::FourWeeks));
    assert!(empty.is_empty());

    let one = [finished("r1", "2026-03-10", &[(80, 40), (60, 20)], &[])];
    let (bucket, pairs) = feelings_before_after(&one, &window(DateRange::FourWeeks));
    assert_eq!(bucket, Bucket::Day);
    assert_eq!(pairs.len(), 1);
    assert_eq!(
        (pairs[0].label.as_str(), pairs[0].before, pairs[0].after, pairs[0].count),
        ("2026-03-10", 70.0, Some(30.0), 1)
    );

    let mut draft = finished("d", "2026-03-10", &[(100, 0)], &[]);
    draft.status = RecordStatus::Draft;
    let records = [
        finished("r1", "2026-03-16", &[(80, 40)], &[]),
        finished("r2", "2026-03-17", &[(60, 40)], &[]),
        finished("old", "2024-01-01", &[(90, 10)], &[]),
        draft,
    ];
    let (bucket, pairs) = feelings_before_after(&records, &window(DateRange::Year));
    assert_eq!(bucket, Bucket::Week);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!(
        (pairs[0].label.as_str(), pairs[0].before, pairs[0].after, pairs[0].count),
        ("2026-03-16", 70.0, Some(40.0), 2)
    );
    let (_, all) = feelings_before_after(&records, &window(DateRange::All));
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].label, "2024-01-01");
}

#[test]
fn trap_frequency_ranks_traps_and_shows_the_period_before() {
    let w = window(DateRange::FourWeeks);
    let before = Window { from: Some("2026-01-22".into()), to: "2026-02-18".into() };
    assert!(trap_frequency(&[], &w, Some(&before), 8).is_empty());
    let records = [
        finished("r1", "2026-03-10", &[], &["mind-reading", "my own trap"]),
        finished("r2", "2026-03-11", &[], &["mind-reading"]),
        finished("r3", "2026-02-01", &[], &["mind-reading", "catastrophizing"]),
    ];
    let bars = trap_frequency(&records, &w, Some(&before), 8);
    assert_eq!(bars.len(), 2);
    assert_eq!((bars[0].label.as_str(), bars[0].value, bars[0].other), ("Mind-reading", 2.0, Some(1.0)));
    assert_eq!((bars[1].label.as_str(), bars[1].value, bars[1].other), ("my own trap", 1.0, Some(0.0)));
    assert_eq!(trap_frequency(&records, &w, None, 1).len(), 1);
    assert_eq!(trap_frequency(&records, &w, None, 8)[0].other, None);
    assert_eq!(trap_name("catastrophizing"), "Catastrophizing");
}

#[test]
fn belief_lines_keep_each_days_last_rating_inside_the_window() {
    assert!(belief_lines(&[], &window(DateRange::All), &clock()).is_empty());
    let one = [belief("b1", &[("2026-03-01", 90)])];
    let lines = belief_lines(&one, &window(DateRange::FourWeeks), &clock());
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].points, vec![("2026-03-01".to_owned(), 90.0)]);

    let mut b = belief("b2", &[("2025-01-01", 95), ("2026-03-05", 80)]);
    b.rate(70, "2026-03-05T18:00:00.000Z");
    let old = belief("b3", &[("2025-01-01", 50)]);
    let lines = belief_lines(&[b, old], &window(DateRange::FourWeeks), &clock());
    assert_eq!(lines.len(), 1, "a belief not rated in the window has no line");
    assert_eq!(lines[0].points, vec![("2026-03-05".to_owned(), 70.0)]);
}

#[test]
fn a_persons_profile_compares_gut_with_the_windows_evidence_and_trends_per_part() {
    let mut sam = person("p1", "Sam");
    let w = window(DateRange::FourWeeks);
    let empty = person_gut_vs_evidence(&sam, &[], &w);
    assert_eq!(empty.len(), 5);
    assert!(empty.iter().all(|p| p.before == 0.0 && p.after.is_none()));
    assert!(person_trend(&sam, &[], &w).is_empty());

    sam.rate_gut(TrustPart::Reliability, 30, &at("2026-03-01"));
    let obs = [
        observation("o1", "p1", "2026-03-10", TrustPart::Reliability, Direction::Built, 2),
        observation("o2", "p1", "2026-03-12", TrustPart::Reliability, Direction::Built, 2),
        observation("o3", "p1", "2025-01-01", TrustPart::Reliability, Direction::Broke, 3),
        observation("o4", "other", "2026-03-10", TrustPart::Reliability, Direction::Broke, 3),
    ];
    let pairs = person_gut_vs_evidence(&sam, &obs, &w);
    assert_eq!(pairs[0].label, "Reliability");
    assert_eq!((pairs[0].before, pairs[0].after, pairs[0].count), (30.0, Some(79.0), 2));
    let trend = person_trend(&sam, &obs, &w);
    assert_eq!(trend.len(), 1);
    // The running score counts the old broken commitment too; only days in the window are drawn.
    assert_eq!(trend[0].points.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), ["2026-03-10", "2026-03-12"]);
    assert_eq!(trend[0].points[0].1, 44.0);

    let alex = person("p2", "Alex");
    let mut gone = person("p3", "Archived");
    gone.archived = true;
    let people = [alex, sam, gone];
    let busiest = people_by_activity(&people, &obs, &w);
    assert_eq!(busiest.iter().map(|(p, n)| (p.name.as_str(), *n)).collect::<Vec<_>>(), [("Sam", 2)]);
    assert!(people_by_activity(&[], &obs, &w).is_empty());
}

#[test]
fn promises_and_habits_are_counted_per_week() {
    let w = window(DateRange::FourWeeks);
    assert!(promises_per_week(&[], &w).is_empty());
    assert!(habits_per_week(&[], &w).is_empty());
    let mut p = Promise::new("p1".into(), "Walk", Recurrence::Daily, "2026-03-01", &at("2026-03-01"));
    p.check_in("2026-03-16", true, "", &at("2026-03-16"));
    let bars = promises_per_week(std::slice::from_ref(&p), &w);
    assert_eq!(bars.len(), 1);
    assert_eq!((bars[0].label.as_str(), bars[0].value, bars[0].other), ("2026-03-16", 1.0, Some(1.0)));
    p.check_in("2026-03-17", false, "", &at("2026-03-17"));
    p.check_in("2026-03-09", true, "", &at("2026-03-09"));
    p.check_in("2025-03-09", true, "", &at("2025-03-09"));
    let bars = promises_per_week(&[p], &w);
    assert_eq!(
        bars.iter().map(|b| (b.label.as_str(), b.value, b.other)).collect::<Vec<_>>(),
        [("2026-03-09", 1.0, Some(1.0)), ("2026-03-16", 1.0, Some(2.0))]
    );
    let habits = habits_per_week(&["2026-03-16".into(), "2026-03-18".into(), "2026-03-10".into()], &w);
    assert_eq!(
        habits.iter().map(|b| (b.label.as_str(), b.value)).collect::<Vec<_>>(),
        [("2026-03-09", 1.0), ("2026-03-16", 2.0)]
    );
}

#[test]
fn ladder_compares_the_predicted_likelihood_with_how_often_fears_came_true() {
    let w = window(DateRange::FourWeeks);
    let (_, none) = ladder_feared_vs_happened(&[], &w, &clock());
    assert!(none.is_empty());
    let one = [step("s1", "a", vec![experiment("e1", 70, "2026-03-01", Some(("2026-03-05", false)))])];
    let (_, pairs) = ladder_feared_vs_happened(&one, &w, &clock());
    assert_eq!(pairs.len(), 1);
    assert_eq!((pairs[0].before, pairs[0].after, pairs[0].count), (70.0, Some(0.0), 1));
    let mixed = [step(
        "s1",
        "a",
        vec![
            experiment("e1", 80, "2026-03-01", Some(("2026-03-05", true))),
            experiment("e2", 60, "2026-03-01", Some(("2026-03-05", false))),
            experiment("e3", 90, "2026-03-01", None),
        ],
    )];
    let (_, pairs) = ladder_feared_vs_happened(&mixed, &w, &clock());
    assert_eq!((pairs[0].before, pairs[0].after, pairs[0].count), (70.0, Some(50.0), 2));
}

#[test]
fn course_progress_is_a_running_total_starting_from_earlier_lessons() {
    let w = window(DateRange::FourWeeks);
    let empty = course_progress(&LessonProgress::default(), &w, &clock());
    assert!(empty.points.is_empty());
    let mut progress = LessonProgress::default();
    progress.set_done("what-trust-is", true, &at("2026-03-01"));
    let points = |p: &LessonProgress, w: &Window| course_progress(p, w, &clock()).points;
    assert_eq!(points(&progress, &w), vec![("2026-03-01".to_owned(), 1.0), (TODAY.to_owned(), 1.0)]);
    progress.set_done("self-trust", true, &at("2025-01-01"));
    progress.set_done("small-steps", true, &at("2026-03-01"));
    progress.set_done("forgiveness", true, &at("2026-03-02"));
    progress.set_done("forgiveness", false, &at("2026-03-03"));
    assert_eq!(
        points(&progress, &w),
        vec![("2026-02-19".to_owned(), 1.0), ("2026-03-01".to_owned(), 3.0), (TODAY.to_owned(), 3.0)]
    );
    // Nothing finished in the window: a flat line at the earlier total.
    let earlier = Window { from: Some("2026-03-05".into()), to: TODAY.into() };
    assert_eq!(points(&progress, &earlier), vec![("2026-03-05".to_owned(), 3.0), (TODAY.to_owned(), 3.0)]);
    let all = window(DateRange::All);
    assert_eq!(points(&progress, &all).first(), Some(&("2025-01-01".to_owned(), 1.0)));
}

// --- next step ---------------------------------------------------------------------------------------------

#[test]
fn a_new_user_is_offered_the_first_lesson() {
    let data = Data::default();
    assert!(is_new_user(&data.view()));
    let step = next_step(&data.view(), &[], &LESSONS, &clock(), &Dismissed::default());
    assert_eq!(step, Some(NextStep::ReadLesson { slug: "what-trust-is".into(), continuing: false }));
    assert_eq!(step.unwrap().href(), "/learn/what-trust-is");
}

#[test]
fn the_rules_follow_their_priority_order() {
    let mut data = Data::default();
    data.progress.opened("where-trust-issues-come-from", &at("2026-03-01"));
    data.progress.set_done("what-trust-is", true, &at("2026-03-01"));
    data.beliefs.push(belief("b-recent", &[("2026-03-10", 70)]));
    data.beliefs.push(belief("b-old", &[("2026-01-01", 70)]));
    data.beliefs.push(belief("b-older", &[("2025-12-01", 70)]));
    let mut draft = ThoughtRecord::new("draft".into(), &at("2026-03-17"), "2026-03-17");
    draft.situation = "A message went unanswered".into();
    data.journal.push(draft);
    data.journal.push(ThoughtRecord::new("blank".into(), &at("2026-03-17"), "2026-03-17"));
    data.people.push(person("p1", "Sam"));
    data.ladder.push(step("s1", "p1", vec![experiment("e1", 60, "2026-03-10", None)]));
    data.ladder.push(step("s2", "deleted-person", vec![experiment("e2", 60, "2026-03-09", None)]));
    data.promises.push(Promise::new("pr".into(), "Walk", Recurrence::Daily, "2026-03-01", &at("2026-03-01")));
    let sheet = UnfinishedWorksheet {
        id: "w1".into(),
        title: "Boundaries".into(),
        href: "/practice/boundaries".into(),
        updated_at: at("2026-03-15"),
    };
    assert!(!is_new_user(&data.view()));

    let keys: Vec<String> =
        candidates(&data.view(), std::slice::from_ref(&sheet), &LESSONS, &clock()).iter().map(NextStep::key).collect();
    assert_eq!(
        keys,
        [
            "promises",
            "experiment:e1",
            "draft:draft",
            "worksheet:w1",
            "belief:b-older",
            "belief:b-old",
            "lesson:where-trust-issues-come-from",
            "lesson:self-trust",
        ]
    );
    let all = candidates(&data.view(), &[], &LESSONS, &clock());
    assert_eq!(all[0], NextStep::CheckInPromises { due: 1, first: "Walk".into() });
    assert_eq!(all[2], NextStep::ResumeDraft { id: "draft".into(), preview: "A message went unanswered".into() });
    assert_eq!(all[2].href(), "/journal/draft/edit");
    assert!(matches!(&all[1], NextStep::FinishExperiment { .. }));
    assert!(all[1].href().ends_with("#ladder"), "a waiting experiment opens the person's ladder: {}", all[1].href());
    assert!(matches!(&all[3], NextStep::RerateBelief { days, .. } if *days == 107));
    assert!(matches!(&all[5], NextStep::ReadLesson { continuing: true, .. }));
}

#[test]
fn a_belief_is_due_for_re_rating_after_two_weeks() {
    let mut data = Data::default();
    let day = |n: i64| (trust_steps::domain::calendar::Day::parse(TODAY).unwrap() - n).to_string();
    data.beliefs.push(belief("b", &[(&day(RERATE_AFTER_DAYS - 1), 50)]));
    assert!(!candidates(&data.view(), &[], &[], &clock()).iter().any(|s| s.key() == "belief:b"));
    data.beliefs[0] = belief("b", &[(&day(RERATE_AFTER_DAYS), 50)]);
    assert_eq!(
        candidates(&data.view(), &[], &[], &clock()),
        vec![NextStep::RerateBelief { id: "b".into(), statement: "belief b".into(), days: RERATE_AFTER_DAYS }]
    );
}

#[test]
fn a_dismissed_step_gives_way_to_the_next_until_tomorrow() {
    let mut data = Data::default();
    data.promises.push(Promise::new("pr".into(), "Walk", Recurrence::Daily, "2026-03-01", &at("2026-03-01")));
    let mut dismissed = Dismissed::default();
    assert_eq!(next_step(&data.view(), &[], &LESSONS, &clock(), &dismissed).unwrap().key(), "promises");
    dismissed.dismiss("promises", TODAY);
    dismissed.dismiss("promises", TODAY);
    assert_eq!(dismissed.keys.len(), 1);
    assert_eq!(next_step(&data.view(), &[], &LESSONS, &clock(), &dismissed).unwrap().key(), "lesson:what-trust-is");
    dismissed.dismiss("lesson:what-trust-is", TODAY);
    assert_eq!(next_step(&data.view(), &[], &[], &clock(), &dismissed), None);
    // The next day everything is offered again.
    let tomorrow = Clock::utc("2026-03-19");
    assert_eq!(next_step(&data.view(), &[], &LESSONS, &tomorrow, &dismissed).unwrap().key(), "promises");
    dismissed.dismiss("lesson:what-trust-is", "2026-03-19");
    assert_eq!(dismissed.keys, ["lesson:what-trust-is"]);
}

#[test]
fn dismissals_are_kept_in_preferences_and_old_ones_still_load() {
    let mut preferences = Preferences::default();
    preferences.dismissed_steps.dismiss("promises", TODAY);
    let json = serde_json::to_string(&preferences).unwrap();
    let back: Preferences = serde_json::from_str(&json).unwrap();
    assert!(back.dismissed_steps.contains("promises", TODAY));
    let old: Preferences = serde_json::from_str(r#"{"country":"GB","updated_at":"x"}"#).unwrap();
    assert_eq!(old.dismissed_steps, Dismissed::default());
    let odd: Preferences = serde_json::from_str(r#"{"dismissed_steps":[1,2],"country":"GB"}"#).unwrap();
    assert_eq!(odd.dismissed_steps, Dismissed::default(), "a damaged value reads as nothing set aside");
    assert_eq!(odd.country(), Some("GB"), "and the rest still loads");
}

#[test]
fn everything_done_leaves_no_lesson_to_suggest() {
    let mut data = Data::default();
    for slug in LESSONS {
        data.progress.set_done(slug, true, &at("2026-03-01"));
    }
    assert_eq!(next_step(&data.view(), &[], &LESSONS, &clock(), &Dismissed::default()), None);
}

#[test]
fn active_days_in_a_window_skip_older_entries_but_keep_the_edges() {
    let mut data = Data::default();
    let times = [at("2026-03-10"), at("2026-03-11"), "2026-03-12T23:30:00.000Z".into(), at("2026-03-19")];
    data.triggers = times.iter().map(|t| trigger_at(t)).collect();
    let berlin = Clock { today: TODAY.into(), offset_minutes: 60 };
    let window = Window { from: Some("2026-03-11".into()), to: TODAY.into() };
    let days: Vec<String> =
        trust_steps::domain::insights::active_days_in(&data.view(), &berlin, &window).into_iter().collect();
    assert_eq!(days, ["2026-03-11", "2026-03-13"]);
}

#[test]
fn habit_check_ins_and_unfinished_worksheets_come_from_the_worksheets() {
    use std::collections::BTreeMap;
    use trust_steps::domain::insights::habit_days;
    assert!(habit_days(&[]).is_empty());
    assert!(unfinished_worksheets(&[], |_| None).is_empty());

    let mut habits = WorksheetEntry::new("h1".into(), "keeping-trust", &at("2026-03-01"));
    habits.check_in(Rhythm::Daily, "2026-03-16", BTreeMap::new(), "", &at("2026-03-16"));
    habits.check_in(Rhythm::Daily, "2026-03-17", BTreeMap::new(), "", &at("2026-03-17"));
    let mut boundaries = WorksheetEntry::new("w1".into(), "boundaries", &at("2026-03-10"));
    boundaries.title = "Work emails at night".into();
    boundaries.updated_at = at("2026-03-12");
    let mut untitled = WorksheetEntry::new("w2".into(), "forgiveness", &at("2026-03-11"));
    untitled.set_answer("acknowledge", "It hurt".into());
    untitled.updated_at = at("2026-03-11");
    let mut done = WorksheetEntry::new("w3".into(), "boundaries", &at("2026-03-10"));
    done.title = "Done one".into();
    done.mark_done(&at("2026-03-11")).unwrap();
    let blank = WorksheetEntry::new("w4".into(), "boundaries", &at("2026-03-10"));
    let all = [habits, boundaries, untitled, done, blank];

    assert_eq!(habit_days(&all), ["2026-03-16", "2026-03-17"]);
    let title_of = |slug: &str| match slug {
        "boundaries" => Some("Boundaries"),
        _ => None,
    };
    let sheets = unfinished_worksheets(&all, title_of);
    assert_eq!(
        sheets.iter().map(|w| (w.id.as_str(), w.title.as_str(), w.href.as_str())).collect::<Vec<_>>(),
        [
            ("w1", "Boundaries: Work emails at night", "/practice/boundaries?entry=w1"),
            ("w2", "a worksheet", "/practice/forgiveness?entry=w2"),
        ]
    );
    // The more recently touched one is offered first.
    let steps = candidates(&Data::default().view(), &sheets, &[], &clock());
    assert_eq!(steps.iter().map(NextStep::key).collect::<Vec<_>>(), ["worksheet:w1", "worksheet:w2"]);
}

#[test]
fn counts_and_signed_numbers_read_as_a_person_writes_them() {
    use trust_steps::domain::words::{count_of, signed_whole};
    assert_eq!(count_of(1, "record", "records"), "1 record");
    assert_eq!(count_of(0, "record", "records"), "0 records");
    assert_eq!(count_of(2, "time", "times"), "2 times");
    assert_eq!(signed_whole(-0.0), "0");
    assert_eq!(signed_whole(-0.4), "0");
    assert_eq!(signed_whole(0.4), "0");
    assert_eq!(signed_whole(2.6), "+3");
    assert_eq!(signed_whole(-2.0), "−2");
}

// --- chart axes and sentences (issue 19) ----------------------------------------------------------------------

use trust_steps::domain::insights::{
    axis_days, course_sentence, enough_points, feelings_sentence, habits_sentence, joined, ladder_sentence, nice_max,
    person_sentence, promises_sentence, spread_indices, traps_sentence, value_ticks, whole, Bar, Pair,
};

#[test]
fn whole_numbers_never_read_minus_zero() {
    // A sum over nothing is -0.0 in Rust; averages of it too.
    let nothing: f64 = Vec::<f64>::new().into_iter().sum();
    assert!(nothing.is_sign_negative());
    assert_eq!(whole(nothing), "0");
    assert_eq!(whole(nothing / 1.0), "0");
    assert_eq!(whole(-0.4), "0");
    assert_eq!(whole(-0.6), "-1");
    assert_eq!(whole(2.5), "3");
    assert_eq!(whole(70.0), "70");
    assert_eq!(whole(f64::NAN), "0");
}

#[test]
fn value_ticks_are_whole_evenly_spaced_and_never_repeat() {
    assert_eq!(value_ticks(1.0), [0.0, 1.0], "one check-in: 0 and 1, not 0, 0, 1");
    assert_eq!(value_ticks(0.0), [0.0, 1.0]);
    assert_eq!(value_ticks(0.3), [0.0, 1.0]);
    assert_eq!(value_ticks(2.0), [0.0, 1.0, 2.0]);
    assert_eq!(value_ticks(5.0), [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
    assert_eq!(value_ticks(10.0), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    assert_eq!(value_ticks(20.0), [0.0, 5.0, 10.0, 15.0, 20.0]);
    assert_eq!(value_ticks(100.0), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
    assert_eq!(value_ticks(16.0), [0.0, 4.0, 8.0, 12.0, 16.0], "the course's 16 lessons");
    assert_eq!(value_ticks(7.0), [0.0, 7.0]);
    assert_eq!(value_ticks(f64::INFINITY), [0.0, 1.0]);
    for top in 1..=500 {
        let ticks = value_ticks(f64::from(top));
        assert!(ticks.len() >= 2 && ticks.len() <= 6, "{top}: {ticks:?}");
        assert_eq!(ticks[0], 0.0);
        assert_eq!(*ticks.last().unwrap(), f64::from(top), "{top}: {ticks:?}");
        assert!(ticks.windows(2).all(|w| w[1] > w[0] && w[1].fract() == 0.0), "{top}: {ticks:?}");
        let step = ticks[1] - ticks[0];
        assert!(ticks.windows(2).all(|w| (w[1] - w[0] - step).abs() < 1e-9), "{top}: {ticks:?}");
    }
    // The top of a count axis is round, so its ticks are too.
    assert_eq!(nice_max(0.0), 1.0);
    assert_eq!(nice_max(3.0), 5.0);
    assert_eq!(nice_max(7.0), 10.0);
    assert_eq!(nice_max(11.0), 20.0);
    assert_eq!(value_ticks(nice_max(3.0)), [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
}

#[test]
fn axis_labels_spread_over_the_span_first_and_last_included_no_day_twice() {
    assert_eq!(spread_indices(0, 4), Vec::<usize>::new());
    assert_eq!(spread_indices(5, 0), Vec::<usize>::new());
    assert_eq!(spread_indices(1, 4), [0]);
    assert_eq!(spread_indices(2, 4), [0, 1]);
    assert_eq!(spread_indices(10, 1), [0]);
    assert_eq!(spread_indices(10, 2), [0, 9]);
    assert_eq!(spread_indices(10, 4), [0, 3, 6, 9]);
    assert_eq!(spread_indices(3, 10), [0, 1, 2]);
    for len in 1..60 {
        for max in 1..8 {
            let picked = spread_indices(len, max);
            assert!(picked.len() <= max && picked.len() <= len);
            assert_eq!(picked[0], 0);
            if max > 1 {
                assert_eq!(*picked.last().unwrap(), len - 1);
            }
            assert!(picked.windows(2).all(|w| w[1] > w[0]), "{len} {max}: {picked:?}");
        }
    }
    assert_eq!(axis_days("2026-03-01", "2026-03-01", 4), ["2026-03-01"]);
    assert_eq!(axis_days("2026-03-01", "2026-03-02", 4), ["2026-03-01", "2026-03-02"]);
    assert_eq!(axis_days("2026-02-19", "2026-03-18", 3), ["2026-02-19", "2026-03-05", "2026-03-18"]);
    assert_eq!(axis_days("2026-03-18", "2026-02-19", 2), ["2026-02-19", "2026-03-18"]);
    assert!(axis_days("soon", "2026-03-18", 3).is_empty());
}

#[test]
fn a_chart_over_time_is_drawn_from_three_marks() {
    assert!(!enough_points(0));
    assert!(!enough_points(1));
    assert!(!enough_points(2));
    assert!(enough_points(3));
}

fn bar(label: &str, value: f64, other: Option<f64>) -> Bar {
    Bar { label: label.into(), value, other }
}

#[test]
fn chart_sentences_read_plurals_zero_and_ties_as_a_person_writes_them() {
    let r = DateRange::FourWeeks;
    assert_eq!(joined(&[]), "");
    assert_eq!(joined(&["A"]), "A");
    assert_eq!(joined(&["A", "B"]), "A and B");
    assert_eq!(joined(&["A", "B", "C"]), "A, B and C");

    // Nothing recorded: what the chart will show, never "0 … -0".
    let empty = [
        feelings_sentence(0, -0.0, -0.0, r),
        traps_sentence(&[], r),
        promises_sentence(0, 0, 0, r),
        habits_sentence(0, r),
        ladder_sentence(0, -0.0, -0.0, r),
        course_sentence(0, 16, 0, r),
        person_sentence("Sam", &[], r),
    ];
    for text in &empty {
        assert!(!text.contains("-0") && !text.contains(" 0 ") && !text.starts_with("0 "), "{text}");
    }

    assert_eq!(
        feelings_sentence(1, 80.0, 30.0, r),
        "1 thought record in the last 4 weeks. Feelings averaged 80 before and 30 after working through them (0–100)."
    );
    assert!(feelings_sentence(2, 70.0, 35.0, r).starts_with("2 thought records in the last 4 weeks."));

    // One trap, one time; a clear leader; a tie of two; a tie of three.
    assert_eq!(
        traps_sentence(&[bar("Mind-reading", 1.0, None)], r),
        "Mind-reading was the one thinking trap you marked in the last 4 weeks: 1 time."
    );
    assert_eq!(
        traps_sentence(&[bar("Mind-reading", 2.0, Some(0.0)), bar("Catastrophizing", 1.0, Some(0.0))], r),
        "Mind-reading came up most in the last 4 weeks: 2 times, against 0 in the same span before."
    );
    assert_eq!(
        traps_sentence(&[bar("Labelling", 1.0, None), bar("Mind-reading", 1.0, None)], r),
        "Labelling and Mind-reading came up equally often in the last 4 weeks: 1 time each."
    );
    let three = [bar("A", 3.0, None), bar("B", 3.0, None), bar("C", 3.0, None), bar("D", 1.0, None)];
    assert_eq!(traps_sentence(&three, DateRange::All), "A, B and C came up equally often so far: 3 times each.");
    assert!(!traps_sentence(&three, r).contains("most"));

    assert_eq!(promises_sentence(1, 1, 1, r), "You kept 1 of 1 promise check-in in the last 4 weeks, over 1 week.");
    assert_eq!(promises_sentence(2, 3, 2, r), "You kept 2 of 3 promise check-ins in the last 4 weeks, over 2 weeks.");
    assert_eq!(habits_sentence(1, r), "1 habit check-in in the last 4 weeks.");
    assert_eq!(habits_sentence(2, r), "2 habit check-ins in the last 4 weeks.");
    assert_eq!(
        ladder_sentence(1, 80.0, 0.0, r),
        "In 1 experiment in the last 4 weeks, you rated the feared outcome about 80% likely beforehand; it came true in 0%."
    );
    assert_eq!(course_sentence(0, 16, 0, r), "No lesson marked done yet. The course has 16 lessons.");
    assert_eq!(course_sentence(1, 16, 1, r), "You have finished 1 of 16 lessons; 1 of them in the last 4 weeks.");
    assert_eq!(course_sentence(3, 16, 3, r), "You have finished 3 of 16 lessons, all of them in the last 4 weeks.");
    assert_eq!(course_sentence(3, 16, 0, r), "You have finished 3 of 16 lessons; none of them in the last 4 weeks.");
    assert_eq!(course_sentence(3, 16, 3, DateRange::All), "You have finished 3 of 16 lessons.");

    let pair = |label: &str, gut: f64, evidence: Option<f64>, count: usize| Pair {
        label: label.into(),
        before: gut,
        after: evidence,
        count,
    };
    assert_eq!(
        person_sentence("Sam", &[pair("Reliability", 30.0, Some(83.0), 3)], r),
        "Sam: Reliability: your gut says 30, the evidence points to 83."
    );
    assert!(person_sentence("Sam", &[pair("Reliability", 0.0, Some(83.0), 1)], r)
        .contains("what the 1 observation logged in the last 4 weeks supports"));
    assert!(person_sentence("Sam", &[pair("Reliability", 0.0, Some(83.0), 2)], r)
        .contains("what the 2 observations logged in the last 4 weeks support"));
    assert!(
        person_sentence("Sam", &[pair("Reliability", 50.0, None, 0)], r).contains("nothing logged in the last 4 weeks")
    );
}

#[test]
fn the_week_in_words_says_none_and_all_instead_of_zero() {
    use trust_steps::domain::insights::WeekSummary;
    let base = WeekSummary { active_days: 1, ..WeekSummary::default() };
    let text = |s: WeekSummary| s.sentences().join(" ");
    assert!(text(WeekSummary { observations: 3, observations_built: 0, ..base.clone() })
        .contains("You noticed 3 things about the people in your life; none of them built trust."));
    assert!(text(WeekSummary { observations: 2, observations_built: 2, ..base.clone() })
        .contains("all of them built trust"));
    assert!(
        text(WeekSummary { observations: 3, observations_built: 1, ..base.clone() }).contains("1 of them built trust")
    );
    assert!(
        text(WeekSummary { observations: 1, observations_built: 0, ..base.clone() }).contains("it did not build trust")
    );
    assert!(text(WeekSummary { experiments_done: 2, fears_came_true: 0, ..base.clone() })
        .contains("You tried 2 small steps; the outcome you feared came true in none of them."));
    assert!(text(WeekSummary { experiments_done: 1, fears_came_true: 1, ..base.clone() })
        .contains("You tried 1 small step; the outcome you feared came true."));
    assert!(text(WeekSummary { promises_kept: 1, promises_checked: 1, ..base.clone() })
        .contains("You kept 1 of 1 promise check-in to yourself."));
    assert!(text(WeekSummary { habit_checkins: 1, ..base.clone() }).contains("You checked in on your habits 1 time."));
    assert!(text(base).contains("You came back on 1 day of the last 7."));
}

// --- rules moved out of the Progress page (issue 21) -----------------------------------------------------------

#[test]
fn pair_averages_count_each_pair_as_often_as_the_entries_it_stands_for() {
    use trust_steps::domain::insights::PairAverages;
    let pair =
        |before: f64, after: Option<f64>, count: usize| Pair { label: "2026-03-02".into(), before, after, count };
    // Two records at 80 → 20 and one at 50 → 50: 70 → 30, not the 65 → 35 of averaging the pairs.
    let averages = PairAverages::of(&[pair(80.0, Some(20.0), 2), pair(50.0, Some(50.0), 1)]);
    assert_eq!(averages.entries, 3);
    assert!((averages.before - 70.0).abs() < 1e-9, "{averages:?}");
    assert!((averages.after - 30.0).abs() < 1e-9, "{averages:?}");
    // A missing second value counts as 0; a pair of no entries weighs nothing.
    let averages = PairAverages::of(&[pair(60.0, None, 1), pair(100.0, Some(100.0), 0)]);
    assert_eq!((averages.entries, averages.before, averages.after), (1, 60.0, 0.0));
    // Nothing at all: zeros, never NaN.
    assert_eq!(PairAverages::of(&[]), PairAverages { entries: 0, before: 0.0, after: 0.0 });
}

#[test]
fn the_person_chart_points_out_the_same_gaps_as_the_profile() {
    use trust_steps::domain::people::GAP_WORTH_NOTICING;
    let r = DateRange::FourWeeks;
    let gap = f64::from(GAP_WORTH_NOTICING);
    let pair = |gut: f64, evidence: f64| Pair { label: "Honesty".into(), before: gut, after: Some(evidence), count: 2 };
    let noticed = |gut: f64, evidence: f64| person_sentence("Sam", &[pair(gut, evidence)], r).contains("your gut says");
    assert!(noticed(50.0, 50.0 + gap) && noticed(50.0 + gap, 50.0), "a gap of exactly the threshold is noticed");
    assert!(!noticed(50.0, 50.0 + gap - 1.0) && !noticed(50.0 + gap - 1.0, 50.0), "one point less is not");
}

#[test]
fn the_beliefs_and_person_trend_charts_say_what_moved() {
    use trust_steps::domain::insights::{beliefs_sentence, person_trend_sentence, Line};
    let line = |name: &str, points: &[f64]| Line {
        name: name.into(),
        points: points.iter().enumerate().map(|(i, v)| (format!("2026-03-0{}", i + 1), *v)).collect(),
    };
    assert_eq!(
        beliefs_sentence(&[line("I am too much", &[80.0, 55.4]), line("People leave", &[60.0])]),
        "“I am too much” went from 80 to 55. “People leave” was rated 60."
    );
    let four: Vec<Line> = (0..4).map(|i| line(&format!("b{i}"), &[10.0])).collect();
    assert_eq!(beliefs_sentence(&four).matches("was rated").count(), 3, "the first three only");
    assert!(beliefs_sentence(&[]).starts_with("How strongly you hold each belief"));
    assert!(beliefs_sentence(&[line("empty", &[])]).starts_with("How strongly"), "a line without points says nothing");
    assert!(person_trend_sentence("").contains("what someone does"));
    assert!(person_trend_sentence("Sam").contains("trust in Sam moved"));
}
