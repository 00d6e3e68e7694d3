//! The People pages as `ui::warm_up` draws them off-screen: the list and a profile, over a small made-up trust
//! map that takes every part of the pages (gut ratings over time, quick and typed observations that built and
//! broke trust, a ladder with a planned and a finished experiment, an archived person).

use super::ladder::Ladder;
use super::list::{AddPerson, PeopleContent};
use super::person::PersonView;
use crate::domain::calendar::Day;
use crate::domain::ladder::{default_ladder, Experiment, Response};
use crate::domain::people::{Direction, Observation, Person, QuickKind, Relationship, TrustPart};
use crate::domain::repair_safety::SafetyAnswer;
use crate::state::{now_iso, today, AppState};
use crate::ui::warm_up::OffScreenPage;
use leptos::prelude::*;

/// The made-up person's id.
const EXAMPLE_ID: &str = "off-screen-example";

/// The list, then the example's profile. The list's form and the profile's ladder come first on their own: drawn
/// with the rest of their page, each made one task of over 50 ms on a phone (a 4× slower CPU) the first time.
pub const OFF_SCREEN_PAGES: [OffScreenPage; 4] =
    [("people-form", add_person), ("people", people_list), ("ladder", ladder), ("profile", profile)];

fn add_person() -> AnyView {
    with_example_map(|| view! { <AddPerson/> })
}

fn people_list() -> AnyView {
    with_example_map(|| view! { <PeopleContent/> })
}

fn ladder() -> AnyView {
    with_example_map(|| view! { <Ladder id=EXAMPLE_ID.to_owned()/> })
}

fn profile() -> AnyView {
    with_example_map(|| view! { <PersonView id=EXAMPLE_ID.to_owned()/> })
}

/// Provides the example map as the state, then makes the view (its components read the state as they are made).
fn with_example_map<V: IntoView + 'static>(page: impl FnOnce() -> V) -> AnyView {
    provide_context(example_map());
    page().into_any()
}

/// How many more people the example map holds: enough for the list's sorting and counting to take the paths a
/// real list of dozens takes (Rust's sort and `BTreeMap` change strategy past 20 and 11 entries).
const MORE_PEOPLE: usize = 24;

/// One person with a month of history, and [`MORE_PEOPLE`] with an observation each.
fn example_map() -> AppState {
    let now = now_iso();
    let day = today();
    let month_ago = Day::parse(&day).and_then(|d| d.months_before(1)).map_or_else(|| day.clone(), |d| d.to_string());
    let mut person = Person::new(EXAMPLE_ID.to_owned(), "Example", Relationship::Friend, &now);
    person.marker = "teal".to_owned();
    // Answered "No", so the ladder draws what most people see: its steps with "Plan an experiment".
    person.safety = Some(SafetyAnswer::No);
    for (part, before, after) in [(TrustPart::Reliability, 40, 60), (TrustPart::Honesty, 70, 50)] {
        person.rate_gut(part, before, &format!("{month_ago}T12:00:00.000Z"));
        person.rate_gut(part, after, &now);
    }
    let quick = [QuickKind::KeptCommitment, QuickKind::BrokeCommitment, QuickKind::ToldTruth, QuickKind::Dismissed];
    let mut observations: Vec<Observation> = quick
        .into_iter()
        .enumerate()
        .map(|(i, kind)| {
            let on = if i % 2 == 0 { &month_ago } else { &day };
            Observation::quick(format!("{EXAMPLE_ID}-o{i}"), EXAMPLE_ID, kind, on, &now)
        })
        .collect();
    let mut typed = Observation::new(format!("{EXAMPLE_ID}-typed"), EXAMPLE_ID, &day, &now);
    typed.what = "Kept something I told them to themselves".to_owned();
    typed.part = TrustPart::Integrity;
    typed.direction = Direction::Built;
    observations.push(typed);
    let mut people = vec![person];
    for i in 1..=MORE_PEOPLE {
        let id = format!("{EXAMPLE_ID}-p{i}");
        let mut other = Person::new(id.clone(), &format!("Example {i}"), Relationship::Colleague, &now);
        other.marker = if i % 2 == 0 { "🙂" } else { "amber" }.to_owned();
        other.archived = i == MORE_PEOPLE;
        observations.push(Observation::quick(format!("{id}-o"), &id, QuickKind::ToldTruth, &day, &now));
        people.push(other);
    }
    let ids = (0..).map(|i| format!("{EXAMPLE_ID}-s{i}"));
    let mut ladder = default_ladder(EXAMPLE_ID, ids, &now);
    if let [first, second, ..] = ladder.as_mut_slice() {
        let mut tried = Experiment::new(format!("{EXAMPLE_ID}-e1"), "They will laugh", 60, 6, &now);
        tried.record_outcome("They listened", Some(Response::Supportive), Some(false), "It went better", &now);
        first.plan(tried, &now);
        second.plan(Experiment::new(format!("{EXAMPLE_ID}-e2"), "They will be too busy", 40, 4, &now), &now);
    }
    AppState::off_screen(people, observations, ladder)
}
