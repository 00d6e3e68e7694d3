//! Promises to myself: when one is due, check-ins per day or week, kept-rate and streaks across month and year
//! ends, the kind words after a miss; as Today and the promises page offer them, due ones oldest first and the
//! calm words after a check-in; and storage round trips that keep fields from newer versions.

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use serde_json::json;
use trust_steps::domain::promises::{
    due_in_order, due_on, kept_line, prompt_for_missed, Promise, Recurrence, KEPT_LINES, MISSED_LINE,
    SELF_COMPASSION_PROMPTS, STARTER_PROMISES,
};
use trust_steps::storage::{keys, MemoryStore, Record, Vault};

const NOW: &str = "2026-03-10T20:00:00.000Z";

fn promise(id: &str, created_at: &str, recurrence: Recurrence) -> Promise {
    Promise::new(id.to_owned(), &format!("promise {id}"), recurrence, "2026-11-01", created_at)
}

#[test]
fn due_promises_come_oldest_first_and_leave_once_checked_in() {
    let mut list = vec![
        promise("b", "2026-11-03T10:00:00.000Z", Recurrence::Daily),
        promise("a", "2026-11-02T10:00:00.000Z", Recurrence::Weekly),
        promise("c", "2026-11-04T10:00:00.000Z", Recurrence::Once),
    ];
    let mut archived = promise("z", "2026-11-01T10:00:00.000Z", Recurrence::Daily);
    archived.archived = true;
    list.push(archived);
    let mut later = promise("later", "2026-11-01T09:00:00.000Z", Recurrence::Daily);
    later.start_day = "2026-12-01".into();
    list.push(later);

    let ids = |day: &str, list: &[Promise]| due_in_order(list, day).iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids("2026-11-27", &list), ["a", "b", "c"], "archived and not yet started are left out");

    assert!(list[0].check_in("2026-11-27", true, "", "2026-11-27T08:00:00.000Z"));
    assert!(list[1].check_in("2026-11-25", false, "", "2026-11-25T08:00:00.000Z"));
    assert_eq!(ids("2026-11-27", &list), ["c"], "the daily one is done today, the weekly one this week");
    assert_eq!(ids("2026-11-30", &list), ["a", "b", "c"], "a new week and a new day");
}

#[test]
fn the_words_after_a_check_in_are_calm_and_never_keep_score() {
    let pressure = ["streak", "!", "amazing", "well done", "congrat", "don't break", "in a row"];
    let blame = ["fail", "lazy", "should have", "disappoint", "shame"];
    for line in KEPT_LINES {
        assert!(line.starts_with("Kept."), "{line}");
        for word in pressure.iter().chain(&blame) {
            assert!(!line.to_lowercase().contains(word), "{line} contains {word}");
        }
    }
    for word in pressure.iter().chain(&blame) {
        assert!(!MISSED_LINE.to_lowercase().contains(word), "{MISSED_LINE} contains {word}");
    }
    // Every line is reachable and the pick wraps round.
    let picked: std::collections::BTreeSet<&str> = (0..KEPT_LINES.len()).map(kept_line).collect();
    assert_eq!(picked.len(), KEPT_LINES.len());
    assert_eq!(kept_line(KEPT_LINES.len()), kept_line(0));
}

#[test]
fn a_streak_reads_in_the_promises_own_periods() {
    assert_eq!(Recurrence::Daily.streak_words(1), "1 day");
    assert_eq!(Recurrence::Daily.streak_words(4), "4 days");
    assert_eq!(Recurrence::Weekly.streak_words(1), "1 week");
    assert_eq!(Recurrence::Weekly.streak_words(0), "0 weeks");
    assert_eq!(Recurrence::Weekly.streak_words(3), "3 weeks");
    assert_eq!(Recurrence::Once.streak_words(1), "kept");
    assert_eq!(Recurrence::Once.streak_words(0), "not yet");
}

// ---------------------------------------------------------------------------------------------------------------
// Check-ins, streaks and kind words (moved from tests/people.rs)
// ---------------------------------------------------------------------------------------------------------------

fn walk(recurrence: Recurrence, start: &str) -> Promise {
    Promise::new("prom0001".into(), "  Take a walk  ", recurrence, start, NOW)
}

fn keep(p: &mut Promise, days: &[&str]) {
    for day in days {
        assert!(p.check_in(day, true, "", NOW));
    }
}

#[test]
fn a_daily_promise_is_due_from_its_start_day_until_checked_in() {
    let mut p = walk(Recurrence::Daily, "2026-02-27");
    assert_eq!(p.text, "Take a walk");
    assert!(!p.is_due("2026-02-26"));
    assert!(p.is_due("2026-02-27"));
    assert!(!p.is_due("not a day"));
    p.check_in("2026-02-27", true, "", NOW);
    assert!(!p.is_due("2026-02-27"));
    assert!(p.is_due("2026-02-28"));
    p.archived = true;
    assert!(!p.is_due("2026-02-28"));
    let mut no_start = walk(Recurrence::Daily, "");
    assert!(no_start.is_due("2001-01-01"));
    no_start.archived = true;
    assert!(due_on(&[no_start, walk(Recurrence::Daily, "2026-01-01")], "2026-03-01").len() == 1);
}

#[test]
fn checking_in_again_the_same_day_replaces_the_check_in() {
    let mut p = walk(Recurrence::Daily, "2026-02-27");
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
    let mut p = walk(Recurrence::Weekly, "2026-03-02");
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
    let mut p = walk(Recurrence::Once, "2026-03-01");
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
    let mut p = walk(Recurrence::Daily, "2026-03-01");
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
    let mut p = walk(Recurrence::Daily, "2026-03-01");
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
    let mut p = walk(Recurrence::Daily, "2026-03-01");
    keep(&mut p, &["2026-03-01", "2026-03-02", "2026-03-04"]);
    assert_eq!(p.current_streak("2026-03-04"), 1);
    assert_eq!(p.best_streak(), 2);
    let mut single = walk(Recurrence::Daily, "2026-03-01");
    keep(&mut single, &["2026-03-01"]);
    assert_eq!(
        (single.current_streak("2026-03-01"), single.current_streak("2026-03-02"), single.best_streak()),
        (1, 1, 1)
    );
}

#[test]
fn daily_streaks_run_across_month_year_and_leap_day_ends() {
    let mut p = walk(Recurrence::Daily, "2026-12-01");
    keep(&mut p, &["2026-12-30", "2026-12-31", "2027-01-01"]);
    assert_eq!(p.current_streak("2027-01-02"), 3);
    let mut leap = walk(Recurrence::Daily, "2028-02-01");
    keep(&mut leap, &["2028-02-28", "2028-02-29", "2028-03-01"]);
    assert_eq!((leap.current_streak("2028-03-01"), leap.best_streak()), (3, 3));
    let mut plain = walk(Recurrence::Daily, "2026-02-01");
    keep(&mut plain, &["2026-02-28", "2026-03-01"]);
    assert_eq!(plain.best_streak(), 2, "no 29 February in 2026");
}

#[test]
fn weekly_streaks_count_weeks_across_the_year_end() {
    let mut p = walk(Recurrence::Weekly, "2026-12-01");
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

#[test]
fn a_weekly_period_runs_from_monday_to_sunday() {
    // Moved from the date tests (now tests/calendar.rs).
    assert_eq!(Recurrence::Weekly.period_of("2026-03-02"), Recurrence::Weekly.period_of("2026-03-08"));
    assert_ne!(Recurrence::Weekly.period_of("2026-03-08"), Recurrence::Weekly.period_of("2026-03-09"));
    assert_eq!(Recurrence::Weekly.period_of("1969-12-29"), Recurrence::Weekly.period_of("1970-01-04"));
}

#[test]
fn promises_are_stored_under_their_own_prefix_and_keep_fields_from_newer_versions() {
    // Moved from tests/people.rs (storage round trips of every record of that file).
    assert_eq!(walk(Recurrence::Daily, "").key(), "trust-steps/promises/prom0001");
    assert!(keys::is_app_key(keys::PROMISES_PREFIX) && keys::PROMISES_PREFIX.ends_with('/'));

    let mut vault = Vault::new(MemoryStore::new(), Box::new(|| NOW.to_owned()));
    let mut p = walk(Recurrence::Weekly, "2026-03-02");
    p.check_in("2026-03-03", true, "felt good", NOW);
    vault.save_record(&p).unwrap();
    assert_eq!(vault.load_record::<Promise>("prom0001").unwrap(), Some(p));

    let p: Promise = serde_json::from_value(json!({
        "id": "p1", "recurrence": "weekly", "reminder": "20:00", "checkins": [{ "day": "2026-03-02", "kept": true, "mood": 4 }]
    }))
    .unwrap();
    assert_eq!(p.recurrence, Recurrence::Weekly);
    let back = serde_json::to_value(&p).unwrap();
    assert_eq!((&back["reminder"], &back["checkins"][0]["mood"]), (&json!("20:00"), &json!(4)));
}
