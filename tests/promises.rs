//! Promises as Today and the promises page offer them: due ones oldest first, and the calm words after a
//! check-in.

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use trust_steps::domain::promises::{due_in_order, kept_line, Promise, Recurrence, KEPT_LINES, MISSED_LINE};

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
