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
