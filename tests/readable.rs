//! Readable copies: the items made from each kind of entry, the date range, and Markdown that shows the user's
//! words exactly (escaped, never read as formatting).

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use trust_steps::domain::beliefs::{EvidenceNote, StrengthRating};
use trust_steps::domain::journal::{FeelingRating, RecordStatus};
use trust_steps::domain::people::{Observation, Person, Relationship};
use trust_steps::domain::promises::{CheckIn, Promise};
use trust_steps::domain::readable::{
    belief_item, escape_markdown, in_range, markdown, person_item, promise_item, thought_record_item, trigger_item,
    Part, Section,
};
use trust_steps::domain::{Belief, ThoughtRecord, TriggerEntry};

fn record() -> ThoughtRecord {
    ThoughtRecord {
        id: "r1".into(),
        created_at: "2026-11-10T20:00:00Z".into(),
        status: RecordStatus::Complete,
        happened_on: "2026-11-10".into(),
        situation: "Sam didn't answer.\nAll day.".into(),
        thought: "They are *ignoring* me".into(),
        feelings: vec![FeelingRating { name: "Anxious".into(), before: 80, after: Some(40), ..Default::default() }],
        traps: vec!["mind-reading".into(), "my-own-trap".into()],
        balanced: "I don't know yet.".into(),
        ..Default::default()
    }
}

#[test]
fn a_thought_record_reads_in_order_and_leaves_out_empty_parts() {
    let item = thought_record_item(&record());
    assert_eq!(item.day, "2026-11-10");
    assert_eq!(item.title, "Sam didn't answer.");
    let labels: Vec<&str> = item.parts.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        labels,
        ["What happened", "The thought", "Feelings (0–100, before → after)", "Thinking traps", "Balanced thought"]
    );
    assert_eq!(item.parts[2].1, Part::Text("Anxious 80 → 40".into()));
    let Part::Text(traps) = &item.parts[3].1 else { panic!() };
    assert!(traps.contains("my-own-trap") && !traps.contains("mind-reading"), "known traps by name: {traps}");
    let draft = thought_record_item(&ThoughtRecord { status: RecordStatus::Draft, ..record() });
    assert_eq!(draft.parts[0], ("Status", Part::Text("Draft (not finished)".into())));
}

#[test]
fn beliefs_triggers_promises_and_people_read_too() {
    let belief = Belief {
        id: "b1".into(),
        updated_at: "2026-11-09T10:00:00Z".into(),
        statement: "People let me down".into(),
        ratings: vec![
            StrengthRating { at: "2026-11-01T00:00:00Z".into(), strength: 90 },
            StrengthRating { at: "2026-11-09T00:00:00Z".into(), strength: 60 },
        ],
        evidence_against: vec![EvidenceNote { text: "Sam helped".into(), ..Default::default() }],
        ..Default::default()
    };
    let item = belief_item(&belief);
    assert_eq!(item.parts[0].1, Part::Text("90 (2026-11-01) → 60 (2026-11-09)".into()));
    assert_eq!(item.parts[1], ("Evidence against it", Part::List(vec!["Sam helped".into()])));
    let trigger = TriggerEntry {
        id: "t".into(),
        happened_on: "2026-11-06".into(),
        trigger: "Cancelled".into(),
        ..Default::default()
    };
    assert_eq!(trigger_item(&trigger).parts, [("What set it off", Part::Text("Cancelled".into()))]);
    let promise = Promise {
        id: "p".into(),
        text: "Walk".into(),
        checkins: vec![
            CheckIn { day: "2026-10-01".into(), kept: true, ..Default::default() },
            CheckIn { day: "2026-11-02".into(), kept: false, note: "rain".into(), ..Default::default() },
        ],
        ..Default::default()
    };
    let item = promise_item(&promise, Some("2026-11-01"), None);
    assert_eq!(item.parts[1].1, Part::List(vec!["2026-11-02: missed — rain".into()]));
    let person =
        Person { id: "p1".into(), name: "Sam".into(), relationship: Relationship::Friend, ..Default::default() };
    let seen = Observation {
        id: "o".into(),
        person_id: "p1".into(),
        happened_on: "2026-11-07".into(),
        what: "On time".into(),
        ..Default::default()
    };
    let other = Observation { person_id: "p2".into(), ..seen.clone() };
    let item = person_item(&person, &[seen, other], None, None);
    let Part::List(lines) = &item.parts[1].1 else { panic!() };
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("2026-11-07: On time ("));
}

#[test]
fn the_date_range_is_inclusive_and_optional() {
    assert!(in_range("2026-11-10", Some("2026-11-10"), Some("2026-11-10")));
    assert!(!in_range("2026-11-09", Some("2026-11-10"), None));
    assert!(!in_range("2026-11-11T00:00:00Z", None, Some("2026-11-10")));
    assert!(in_range("2026-11-11", Some(""), Some("")));
}

#[test]
fn markdown_keeps_the_users_words_as_written() {
    assert_eq!(escape_markdown("# not a heading"), "\\# not a heading");
    assert_eq!(escape_markdown("1. not a list"), "\\1. not a list");
    assert_eq!(escape_markdown("a *b* [c](d) <script>"), "a \\*b\\* \\[c\\](d) \\<script\\>");
    let text = markdown(
        "2026-11-27",
        Some("2026-11-01"),
        None,
        &[(Section::ThoughtRecords, vec![thought_record_item(&record())]), (Section::Beliefs, vec![])],
    );
    assert!(text.starts_with("# Trust Steps — my entries\n\nWritten on 2026-11-27; covers from 2026-11-01 on.\n"));
    assert!(text.contains("## Thought records (1)\n\n### 2026-11-10 — Sam didn't answer.\n"));
    assert!(text.contains("**What happened:** Sam didn't answer.  \nAll day.\n"));
    assert!(text.contains("**The thought:** They are \\*ignoring\\* me\n"));
    assert!(text.contains("## Core beliefs (0)\n\nNothing in this range.\n"));
}
