//! The disclosure ladder: a default ladder, reordering, experiments and what they found, and storage round trips
//! that keep fields from newer versions.

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use serde_json::json;
use trust_steps::domain::ladder::{
    default_ladder, ladder_for, ladder_stats, next_step, reorder, waiting_for_after, After, Before, Experiment,
    LadderStep, Response, RungStatus, DEFAULT_STEPS,
};
use trust_steps::storage::{keys, MemoryStore, Record, Vault};

const NOW: &str = "2026-03-10T20:00:00.000Z";

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

#[test]
fn ladder_steps_are_stored_under_their_own_prefix_and_keep_fields_from_newer_versions() {
    // Moved from tests/people.rs (storage round trips of every record of that file).
    assert_eq!(LadderStep::new("s1".into(), "p1", "x", 0, NOW).key(), "trust-steps/ladder/s1");
    assert!(keys::is_app_key(keys::LADDER_PREFIX) && keys::LADDER_PREFIX.ends_with('/'));

    let mut vault = Vault::new(MemoryStore::new(), Box::new(|| NOW.to_owned()));
    let mut step = LadderStep::new("ladder01".into(), "person01", "Share a worry", 3, NOW);
    step.plan(done("exp00001", 70, Some(false), Some(Response::Supportive)), NOW);
    vault.save_record(&step).unwrap();
    assert_eq!(vault.load_record::<LadderStep>("ladder01").unwrap(), Some(step));

    let step: LadderStep = serde_json::from_value(json!({
        "id": "s1", "colour": "blue", "experiments": [{ "id": "e1", "response": "hurtful", "body": "tense" }]
    }))
    .unwrap();
    assert_eq!(step.experiments[0].response, Some(Response::Hurtful));
    let back = serde_json::to_value(&step).unwrap();
    assert_eq!((&back["colour"], &back["experiments"][0]["body"]), (&json!("blue"), &json!("tense")));
}
