//! Readable copies: the items made from each kind of entry (worksheets with their answers too), the date range, and Markdown that shows the user's
//! words exactly (escaped, never read as formatting).

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use trust_steps::domain::beliefs::{EvidenceNote, StrengthRating};
use trust_steps::domain::collection_table::Snapshot;
use trust_steps::domain::journal::{FeelingRating, RecordStatus};
use trust_steps::domain::people::{Observation, Person, Relationship};
use trust_steps::domain::promises::{CheckIn, Promise};
use trust_steps::domain::readable_copy::{
    belief_item, escape_markdown, in_range, markdown, person_item, promise_item, report_markdown, section_items,
    thought_record_item, trigger_item, worksheet_item, Part, Section,
};
use trust_steps::domain::worksheets::{Rhythm, WorksheetEntry, HABITS};
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

/// A therapy-prep worksheet as a user fills it in: texts (one with markup and line breaks), ticked kinds of
/// therapy, a consultation question ticked with a noted answer, one ticked without, and a note still in its box.
fn therapy_prep() -> WorksheetEntry {
    let mut sheet = WorksheetEntry::new("ws1".into(), "therapy-prep", "2026-11-01T09:00:00Z");
    sheet.updated_at = "2026-11-20T18:30:00Z".into();
    sheet.title = "First consultation".into();
    sheet.set_answer("w-what", "Trusting Sam again\nwithout checking <b>his</b> phone".into());
    sheet.set_answer("w-goal", "   ".into());
    sheet.set_answer("k-why", "I like *practical* work".into());
    sheet.tick("k-cbt", true, "2026-11-02");
    sheet.tick("k-couples", true, "2026-11-03");
    sheet.tick("q-experience", true, "2026-11-20");
    sheet.add_note("q-experience", "Yes, for ten years", "2026-11-20T18:00:00Z");
    sheet.tick("q-cost", true, "2026-11-20");
    sheet.set_answer("q-approach--draft", "half-typed note".into());
    sheet
}

#[test]
fn a_worksheet_reads_as_its_answers_in_the_order_asked() {
    let item = worksheet_item(&therapy_prep(), None, None);
    assert_eq!((item.id.as_str(), item.day.as_str()), ("ws1", "2026-11-20"));
    assert_eq!(item.title, "Preparing for therapy: First consultation");
    let labels: Vec<&str> = item.parts.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        labels,
        [
            "Status",
            "What would you like help with?",
            "Kinds of therapy that may fit",
            "Why these appeal to you",
            "Have you worked with people who find it hard to trust?",
            "Questions for a first consultation",
        ]
    );
    assert_eq!(item.parts[0].1, Part::Text("In progress".into()));
    // Typed text is kept as written (markup, line breaks); a blank answer and a note still being typed are not.
    assert_eq!(item.parts[1].1, Part::Text("Trusting Sam again\nwithout checking <b>his</b> phone".into()));
    assert_eq!(
        item.parts[2].1,
        Part::List(vec![
            "Cognitive behavioural therapy (CBT) (ticked 2026-11-02)".into(),
            "Couples therapy (ticked 2026-11-03)".into()
        ])
    );
    assert_eq!(item.parts[4].1, Part::List(vec!["Ticked 2026-11-20".into(), "2026-11-20: Yes, for ten years".into()]));
    assert_eq!(
        item.parts[5].1,
        Part::List(vec!["What does it cost, and is any of it covered? (ticked 2026-11-20)".into()])
    );
    assert!(!format!("{item:?}").contains("half-typed"));
    let mut done = therapy_prep();
    done.mark_done("2026-11-21T08:00:00Z").unwrap();
    done.title = String::new();
    let item = worksheet_item(&done, None, None);
    assert_eq!(item.parts[0].1, Part::Text("Done".into()));
    assert_eq!(item.title, "Preparing for therapy: Untitled");
}

#[test]
fn other_worksheets_read_too_messages_scripts_choices_logs_and_check_ins() {
    let mut message = WorksheetEntry::new("m".into(), "message-builder", "2026-11-01T09:00:00Z");
    message.set_answer("observation", "You looked at your phone at dinner".into());
    message.set_answer("feeling", "lonely".into());
    let parts = worksheet_item(&message, None, None).parts;
    assert_eq!(parts[1], ("What happened", Part::Text("You looked at your phone at dinner".into())));
    assert_eq!(parts[2], ("How I feel", Part::Text("lonely".into())));
    assert_eq!(parts.len(), 3, "no composed message until all four parts are written");
    message.set_answer("need", "to be heard".into());
    message.set_answer("request", "keep phones in the hall".into());
    message.set_answer("style", "i-statement".into());
    let parts = worksheet_item(&message, None, None).parts;
    assert_eq!(
        parts.last().unwrap(),
        &(
            "The message",
            Part::Text(
                "I feel lonely when you looked at your phone at dinner. I'd like to be heard. Could you keep phones in the hall?"
                    .into()
            )
        )
    );

    let mut boundary = WorksheetEntry::new("b".into(), "boundaries", "2026-11-01T09:00:00Z");
    boundary.set_answer("when", "you call after 10pm".into());
    boundary.add_note("tested", "He called at 11. I let it ring.", "2026-11-05T23:00:00Z");
    let parts = worksheet_item(&boundary, None, None).parts;
    assert!(parts.contains(&("When …", Part::Text("you call after 10pm".into()))));
    assert!(parts.contains(&(
        "Put together",
        Part::Text(
            "When you call after 10pm, I feel [not written yet]. What I'd like is [not written yet]. If it happens again, I will [not written yet]."
                .into()
        )
    )));
    assert!(parts.contains(&(
        "When was it tested, and what did you do?",
        Part::List(vec!["2026-11-05: He called at 11. I let it ring.".into()])
    )));

    // A choice reads by its label; parts tied to a choice only once it is made.
    let mut plan = WorksheetEntry::new("p".into(), "rebuilding-trust", "2026-11-01T09:00:00Z");
    plan.tick("b-disclosure", true, "2026-11-02");
    assert_eq!(worksheet_item(&plan, None, None).parts.len(), 1, "a tick in a part not shown is not listed");
    plan.set_answer("plan", "lie-broke".into());
    let parts = worksheet_item(&plan, None, None).parts;
    assert!(matches!(&parts[1], (_, Part::Text(t)) if t.contains("lie")), "{parts:?}");
    assert!(parts.iter().any(|(_, p)| matches!(p, Part::List(l) if l.iter().any(|l| l.contains("ticked 2026-11-02")))));

    // Habit check-ins: "How often" reads as its default; check-ins only in the range.
    let mut habits = WorksheetEntry::new("h".into(), "keeping-trust", "2026-11-01T09:00:00Z");
    let all = |r: u8| HABITS.iter().map(|(k, _, _)| ((*k).to_owned(), r)).collect();
    habits.check_in(Rhythm::Daily, "2026-10-30", all(0), "", "2026-10-30T20:00:00Z");
    habits.check_in(Rhythm::Daily, "2026-11-02", all(2), "Told Jo early", "2026-11-02T20:00:00Z");
    let parts = worksheet_item(&habits, Some("2026-11-01"), None).parts;
    assert_eq!(parts[1], ("Check in", Part::Text("Every day".into())));
    assert_eq!(
        parts[2],
        (
            "Check-ins",
            Part::List(vec![
                "2026-11-02: Consistent yes, Honest yes, Transparent yes, Respectful yes, Accountable yes — Told Jo early"
                    .into()
            ])
        )
    );

    // A worksheet from a newer version still shows its answers.
    let mut unknown = WorksheetEntry::new("u".into(), "gratitude", "2026-11-01T09:00:00Z");
    unknown.set_answer("thanks", "My sister".into());
    let item = worksheet_item(&unknown, None, None);
    assert_eq!(item.title, "gratitude: Untitled");
    assert_eq!(item.parts[1], ("Answers", Part::List(vec!["thanks: My sister".into()])));
}

#[test]
fn the_worksheet_section_holds_every_worksheet_with_something_in_it_within_the_dates() {
    let blank = WorksheetEntry::new("blank".into(), "forgiveness", "2026-11-25T09:00:00Z");
    let mut old = WorksheetEntry::new("old".into(), "boundaries", "2026-09-01T09:00:00Z");
    old.title = "Work calls".into();
    let sheets = [therapy_prep(), blank, old];
    let data = Snapshot { worksheets: sheets.to_vec(), ..Snapshot::default() };
    let entries = data.view();
    let ids = |from: Option<&str>| -> Vec<String> {
        section_items(Section::Worksheets, entries, from, None).into_iter().map(|i| i.id).collect()
    };
    assert_eq!(ids(None), ["ws1", "old"], "newest first, the blank copy left out");
    assert_eq!(ids(Some("2026-11-01")), ["ws1"]);
    assert!(Section::ALL.contains(&Section::Worksheets));
    assert_eq!(Section::Worksheets.title(), "Worksheets");
}

#[test]
fn the_report_in_markdown_has_only_the_sections_given_and_the_answers_escaped() {
    let text = report_markdown(
        "20 November 2026",
        &[
            (Section::ThoughtRecords, vec![thought_record_item(&record())]),
            (Section::Worksheets, vec![worksheet_item(&therapy_prep(), None, None)]),
        ],
    );
    assert!(text.starts_with("# Notes to bring to my session\n\nPrepared on 20 November 2026.\n"), "{text}");
    assert!(text.contains("## Thought records (1)\n"));
    assert!(text.contains("## Worksheets (1)\n\n### 2026-11-20 — Preparing for therapy: First consultation\n"));
    assert!(text.contains(
        "**What would you like help with?:** Trusting Sam again  \nwithout checking \\<b\\>his\\</b\\> phone\n"
    ));
    assert!(text.contains("**Why these appeal to you:** I like \\*practical\\* work\n"));
    assert!(text.contains("**Have you worked with people who find it hard to trust?:**\n\n- Ticked 2026-11-20\n- 2026-11-20: Yes, for ten years\n"));
    assert!(!text.contains("Core beliefs") && !text.contains("Trigger log"));
}
