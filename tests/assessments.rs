//! Self-assessments: the trustworthiness check's and the origins reflection's scoring, bands, notes and links,
//! their calm wording, runs that resume and keep history, and storage round trips that keep fields from newer
//! versions.

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use serde_json::json;
use trust_steps::content::{lesson_by_slug, Block};
use trust_steps::domain::assessments::{
    history, item_to_promise_text, origins_notes, score_origins, score_trustworthiness, trustworthiness_change,
    AnswerProblem, Area, AssessmentKind, AssessmentRun, Band, Level, OriginsNote, Tendency, NOT_A_DIAGNOSIS,
    NOT_A_VALIDATED_TEST, ORIGINS_ITEMS, TRUSTWORTHINESS_ITEMS,
};
use trust_steps::storage::{keys, MemoryStore, Record, Vault};

const NOW: &str = "2026-03-10T20:00:00.000Z";

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

#[test]
fn assessment_runs_are_stored_under_their_own_prefix_and_keep_fields_from_newer_versions() {
    // Moved from tests/people.rs (storage round trips of every record of that file).
    assert_eq!(AssessmentRun::new("a1".into(), AssessmentKind::Origins, NOW).key(), "trust-steps/assessments/a1");
    assert!(keys::is_app_key(keys::ASSESSMENTS_PREFIX) && keys::ASSESSMENTS_PREFIX.ends_with('/'));

    let mut vault = Vault::new(MemoryStore::new(), Box::new(|| NOW.to_owned()));
    let mut run = AssessmentRun::new("assess01".into(), AssessmentKind::Origins, NOW);
    run.reflect(0, "שלום", NOW);
    vault.save_record(&run).unwrap();
    assert_eq!(vault.load_record::<AssessmentRun>("assess01").unwrap(), Some(run));

    let run: AssessmentRun =
        serde_json::from_value(json!({ "id": "a1", "kind": "origins", "answers": [1, 2], "version_note": "x" }))
            .unwrap();
    assert_eq!(run.kind, AssessmentKind::Origins);
    assert_eq!(serde_json::to_value(&run).unwrap()["version_note"], json!("x"));
}

/// The rules the assessment screens used to hold (issue 21): which statements go on which screen, what counts as
/// an answer, and the change since the last run in words.
mod screens_and_changes {
    use trust_steps::domain::assessments::{
        area_changes, is_answer, points_change, run_summary, score_trustworthiness, screen_holding, since_last_time,
        trustworthiness_change, Area, AssessmentKind, AssessmentRun, Screen, Tendency, AGREEMENT_LABELS,
        FREQUENCY_LABELS, ORIGINS_ITEMS, STATEMENTS_PER_SCREEN, TRUSTWORTHINESS_ITEMS,
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
        assert_eq!(
            run_summary(&second, Some(&first)),
            "Reliability 100 (+50) · Honesty 100 (+50) · Integrity 100 (+50)"
        );
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
}
