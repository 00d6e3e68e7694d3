//! The self-assessments' rules that the screens used to hold (issue 21): which statements go on which screen,
//! what counts as an answer, and the change since the last run in words.

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use trust_steps::domain::assessments::{
    area_changes, is_answer, points_change, run_summary, score_trustworthiness, screen_holding, since_last_time,
    trustworthiness_change, Area, AssessmentKind, AssessmentRun, Screen, Tendency, AGREEMENT_LABELS, FREQUENCY_LABELS,
    ORIGINS_ITEMS, STATEMENTS_PER_SCREEN, TRUSTWORTHINESS_ITEMS,
};

/// A complete run of `kind` started at `at`, every statement answered by `answer(index)`.
fn run(id: &str, kind: AssessmentKind, at: &str, answer: impl Fn(usize) -> u8) -> AssessmentRun {
    let mut run = AssessmentRun::new(id.into(), kind, at);
    for i in 0..kind.item_count() {
        run.answer(i, answer(i), at);
    }
    run
}

/// Every trustworthiness statement answered "Sometimes" (50 in each area), or the most trustworthy way (100).
fn trustworthiness(id: &str, at: &str, best: bool) -> AssessmentRun {
    run(id, AssessmentKind::Trustworthiness, at, |i| match (best, TRUSTWORTHINESS_ITEMS[i].reverse) {
        (false, _) => 3,
        (true, false) => 5,
        (true, true) => 1,
    })
}

#[test]
fn my_trustworthiness_is_asked_six_statements_a_screen() {
    let screens = AssessmentKind::Trustworthiness.screens();
    assert_eq!(STATEMENTS_PER_SCREEN, 6);
    assert_eq!(
        screens,
        vec![
            Screen { title: "Statements 1–6".into(), items: 0..6, reflection: None },
            Screen { title: "Statements 7–12".into(), items: 6..12, reflection: None },
            Screen { title: "Statements 13–18".into(), items: 12..18, reflection: None },
        ]
    );
}

#[test]
fn where_trust_issues_come_from_is_asked_one_theme_a_screen_each_ending_with_its_reflection() {
    let screens = AssessmentKind::Origins.screens();
    assert_eq!(screens.len(), Tendency::ALL.len());
    for (section, (screen, tendency)) in screens.iter().zip(Tendency::ALL).enumerate() {
        assert_eq!(screen.title, tendency.label());
        assert_eq!(screen.reflection, Some(section));
        assert!(!screen.items.is_empty());
        assert!(screen.items.clone().all(|i| ORIGINS_ITEMS[i].1 == tendency), "{}", screen.title);
    }
}

#[test]
fn every_statement_is_on_exactly_one_screen_in_order_and_a_run_resumes_on_its_screen() {
    for kind in [AssessmentKind::Trustworthiness, AssessmentKind::Origins] {
        let screens = kind.screens();
        let asked: Vec<usize> = screens.iter().flat_map(|s| s.items.clone()).collect();
        assert_eq!(asked, (0..kind.item_count()).collect::<Vec<_>>(), "{kind:?}");
        for (index, screen) in screens.iter().enumerate() {
            for item in screen.items.clone() {
                assert_eq!(screen_holding(&screens, item), index);
            }
        }
        // Past the last statement (a complete run): the first screen.
        assert_eq!(screen_holding(&screens, kind.item_count()), 0);
    }
    let screens = AssessmentKind::Trustworthiness.screens();
    assert_eq!(screen_holding(&screens, 7), 1);
}

#[test]
fn an_answer_is_one_to_five_and_a_screen_is_done_when_each_of_its_statements_has_one() {
    assert!((1..=5).all(is_answer));
    assert!(!is_answer(0) && !is_answer(6) && !is_answer(u8::MAX));

    let kind = AssessmentKind::Trustworthiness;
    let screens = kind.screens();
    let mut run = AssessmentRun::new("a1".into(), kind, "2026-03-01T10:00:00.000Z");
    assert_eq!(run.answered_count(), 0);
    assert!(!run.screen_done(&screens[0]));
    for i in 0..5 {
        run.answer(i, 4, "2026-03-01T10:01:00.000Z");
    }
    assert!(run.is_answered(4) && !run.is_answered(5));
    assert_eq!(run.answered_count(), 5);
    assert!(!run.screen_done(&screens[0]), "one statement of the first screen is still open");
    run.answer(5, 1, "2026-03-01T10:02:00.000Z");
    assert!(run.screen_done(&screens[0]) && !run.screen_done(&screens[1]));
    assert_eq!(run.next_unanswered(), Some(6));
    // A stored value outside 1–5 (from an older or altered file) is not an answer.
    run.answers[2] = 9;
    assert!(!run.is_answered(2) && !run.screen_done(&screens[0]));
    assert_eq!(run.answered_count(), 5);
    assert_eq!(run.next_unanswered(), Some(2));
}

#[test]
fn statements_and_answers_read_in_words() {
    let tw = AssessmentKind::Trustworthiness;
    let origins = AssessmentKind::Origins;
    assert_eq!(tw.item_text(0), TRUSTWORTHINESS_ITEMS[0].text);
    assert_eq!(origins.item_text(14), ORIGINS_ITEMS[14].0);
    assert_eq!((tw.item_text(18), origins.item_text(15)), ("", ""));
    assert_eq!((tw.answer_labels(), origins.answer_labels()), (FREQUENCY_LABELS, AGREEMENT_LABELS));
    assert_eq!(tw.answer_label(4), Some("Often"));
    assert_eq!(tw.answer_label(1), Some("Never"));
    assert_eq!(origins.answer_label(5), Some("Very much like me"));
    assert_eq!((tw.answer_label(0), tw.answer_label(6)), (None, None));
}

#[test]
fn a_change_in_points_reads_with_its_sign_or_as_no_change() {
    assert_eq!(points_change(0), "no change");
    assert_eq!(points_change(8), "+8");
    assert_eq!(points_change(-3), "−3"); // a real minus sign, as elsewhere in the app
    assert_eq!(points_change(-100), "−100");
}

#[test]
fn the_change_since_last_time_is_worked_out_once_area_by_area() {
    let before = score_trustworthiness(&trustworthiness("a", "2026-03-01T10:00:00.000Z", false).answers).unwrap();
    let after = score_trustworthiness(&trustworthiness("b", "2026-03-08T10:00:00.000Z", true).answers).unwrap();
    assert_eq!(
        area_changes(&before, &after),
        vec![(Area::Reliability, 100, 50), (Area::Honesty, 100, 50), (Area::Integrity, 100, 50)]
    );
    assert_eq!(area_changes(&after, &before)[0], (Area::Reliability, 50, -50));

    let runs = vec![
        trustworthiness("b", "2026-03-08T10:00:00.000Z", true),
        trustworthiness("a", "2026-03-01T10:00:00.000Z", false),
    ];
    let change = trustworthiness_change(&runs);
    assert_eq!(change, area_changes(&before, &after));
    assert_eq!(
        since_last_time(&change).as_deref(),
        Some("Since last time: Reliability +50, Honesty +50, Integrity +50.")
    );
    let same = area_changes(&before, &before);
    assert_eq!(
        since_last_time(&same).as_deref(),
        Some("Since last time: Reliability no change, Honesty no change, Integrity no change.")
    );
    assert_eq!(since_last_time(&trustworthiness_change(&runs[..1])), None);
}

#[test]
fn a_run_in_the_history_shows_its_scores_and_the_change_from_the_run_before() {
    let first = trustworthiness("a", "2026-03-01T10:00:00.000Z", false);
    let second = trustworthiness("b", "2026-03-08T10:00:00.000Z", true);
    assert_eq!(run_summary(&first, None), "Reliability 50 · Honesty 50 · Integrity 50");
    assert_eq!(run_summary(&second, Some(&first)), "Reliability 100 (+50) · Honesty 100 (+50) · Integrity 100 (+50)");
    assert_eq!(run_summary(&first, Some(&second)), "Reliability 50 (−50) · Honesty 50 (−50) · Integrity 50 (−50)");
    assert_eq!(
        run_summary(&second, Some(&second)),
        "Reliability 100 (no change) · Honesty 100 (no change) · Integrity 100 (no change)"
    );
    let origins = run("o", AssessmentKind::Origins, "2026-03-01T10:00:00.000Z", |_| 1);
    assert_eq!(
        run_summary(&origins, None),
        "Past betrayals: little sign of this · Childhood: little sign of this · Relationship patterns: little sign \
         of this · Worrying about closeness: little sign of this · Keeping a safe distance: little sign of this"
    );
}
