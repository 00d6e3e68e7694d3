//! "Are you safe with this person?": which worksheets ask it, which parts each shows for *No*, *Yes*, *I'm not
//! sure* and an unanswered question (old copies included), the cautions and the safety route, the disclosure
//! ladder per person (old people included), readable copies, the trust profile's gap sentence, and Today never
//! nudging toward repair with someone the user may not be safe with.

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use serde_json::json;
use trust_steps::domain::collection_table::Snapshot;
use trust_steps::domain::insights::Clock;
use trust_steps::domain::ladder::{ladder_view, offers_new_experiments, Experiment, LadderStep, SAFETY_ROUTE};
use trust_steps::domain::next_step::{candidates, unfinished_worksheets, NextStep};
use trust_steps::domain::people::{PartProfile, Person, Relationship, TrustPart};
use trust_steps::domain::readable_copy::{person_item, worksheet_item, Part};
use trust_steps::domain::repair_safety::{
    may_suggest_repair, person_page_leads_with_safety, route_paragraphs, RepairView, SafetyAnswer, NOT_SURE_NOTE,
    NOT_THE_GOAL, QUESTION,
};
use trust_steps::domain::worksheet_defs::{worksheet_by_slug, WORKSHEETS};
use trust_steps::domain::worksheets::{SectionSafety, WorksheetDef, WorksheetEntry};
use trust_steps::storage::{MemoryStore, Vault};

const NOW: &str = "2026-03-04T10:00:00.000Z";
const LATER: &str = "2026-03-05T10:00:00.000Z";
const ANSWERS: [Option<SafetyAnswer>; 4] =
    [None, Some(SafetyAnswer::No), Some(SafetyAnswer::Yes), Some(SafetyAnswer::NotSure)];

fn def(slug: &str) -> &'static WorksheetDef {
    worksheet_by_slug(slug).unwrap()
}

fn copy(slug: &str, safety: Option<SafetyAnswer>) -> WorksheetEntry {
    WorksheetEntry { safety, ..WorksheetEntry::new("sheet0001".into(), slug, NOW) }
}

/// The titles of the parts shown for this copy, in order.
fn shown(def: &WorksheetDef, entry: &WorksheetEntry) -> Vec<&'static str> {
    def.sections.iter().filter(|s| def.section_shown(s, entry)).map(|s| s.title).collect()
}

/// The keys of every field shown for this copy.
fn shown_fields(def: &WorksheetDef, entry: &WorksheetEntry) -> Vec<&'static str> {
    def.sections.iter().filter(|s| def.section_shown(s, entry)).flat_map(|s| s.fields).map(|f| f.key).collect()
}

/// (title, caution) of each part shown that has a caution now.
fn cautions(def: &WorksheetDef, entry: &WorksheetEntry) -> Vec<&'static str> {
    def.sections
        .iter()
        .filter(|s| def.section_shown(s, entry) && def.section_caution(s, entry).is_some())
        .map(|s| s.title)
        .collect()
}

// --- the answer itself ---------------------------------------------------------------------------------------

#[test]
fn yes_and_not_sure_set_repair_aside_no_allows_it_and_no_answer_asks_first() {
    assert_eq!(SafetyAnswer::ALL.map(SafetyAnswer::label), ["No", "Yes", "I'm not sure"]);
    assert_eq!(RepairView::of(None), RepairView::Ask);
    assert_eq!(RepairView::of(Some(SafetyAnswer::No)), RepairView::Repair);
    assert_eq!(RepairView::of(Some(SafetyAnswer::Yes)), RepairView::SafetyRoute(SafetyAnswer::Yes));
    assert_eq!(RepairView::of(Some(SafetyAnswer::NotSure)), RepairView::SafetyRoute(SafetyAnswer::NotSure));
    assert!(RepairView::of(Some(SafetyAnswer::No)).allows_repair());
    for view in [RepairView::of(None), RepairView::of(Some(SafetyAnswer::Yes))] {
        assert!(!view.allows_repair());
    }
    assert!(!RepairView::of(None).shows_route() && RepairView::of(Some(SafetyAnswer::NotSure)).shows_route());
    // Suggestions: only a Yes or Not sure stops them (an unanswered question is asked when it is followed).
    assert!(may_suggest_repair(None) && may_suggest_repair(Some(SafetyAnswer::No)));
    assert!(!may_suggest_repair(Some(SafetyAnswer::Yes)) && !may_suggest_repair(Some(SafetyAnswer::NotSure)));
    // Plain words: the question names fear, hurt, threats and control; the route says what is not the goal.
    for word in ["afraid", "hurt", "threatened", "controlled"] {
        assert!(QUESTION.contains(word), "the question lacks {word}");
    }
    assert!(NOT_THE_GOAL.starts_with("Rebuilding trust is not the goal while someone is unsafe."));
    assert!(NOT_SURE_NOTE.contains("Not being sure is worth taking seriously"));
}

#[test]
fn the_answer_is_stored_by_name_and_each_name_reads_back() {
    for (answer, name) in [(SafetyAnswer::No, "no"), (SafetyAnswer::Yes, "yes"), (SafetyAnswer::NotSure, "not_sure")] {
        assert_eq!(serde_json::to_value(answer).unwrap(), json!(name));
        assert_eq!(serde_json::from_value::<SafetyAnswer>(json!(name)).unwrap(), answer);
    }
    assert!(serde_json::from_value::<SafetyAnswer>(json!("maybe")).is_err());
}

// --- which worksheets ask ------------------------------------------------------------------------------------

#[test]
fn the_repair_worksheets_ask_and_the_others_do_not() {
    let asking: Vec<&str> = WORKSHEETS.iter().filter(|w| w.safety.is_some()).map(|w| w.slug).collect();
    assert_eq!(asking, ["forgiveness", "boundaries", "rebuilding-trust"]);
    for def in WORKSHEETS {
        let Some(check) = def.safety else {
            // A worksheet without the question has no parts that depend on it, and ignores a stray answer.
            assert!(def.sections.iter().all(|s| s.safety == SectionSafety::Any), "{}", def.slug);
            let stray = copy(def.slug, Some(SafetyAnswer::Yes));
            assert_eq!(shown(def, &stray), shown(def, &copy(def.slug, None)), "{}", def.slug);
            assert_eq!(def.repair_view(&stray), None);
            continue;
        };
        assert!(check.question.ends_with('?') && !check.route.is_empty(), "{}", def.slug);
        assert!(check.question.contains("afraid") && check.question.contains("controlled"), "{}", def.slug);
        // Each of them sets something aside or cautions about something while the answer is Yes.
        assert!(def.sections.iter().any(|s| s.safety != SectionSafety::Any), "{}", def.slug);
    }
}

#[test]
fn until_the_question_is_answered_no_part_of_a_repair_worksheet_shows() {
    for def in WORKSHEETS.iter().filter(|w| w.safety.is_some()) {
        let mut sheet = copy(def.slug, None);
        sheet.title = "Alex".into();
        sheet.set_answer("plan", "infidelity-hurt".into());
        sheet.set_answer("decision", "forgive".into());
        assert_eq!(def.repair_view(&sheet), Some(RepairView::Ask));
        assert!(shown(def, &sheet).is_empty(), "{} shows {:?} before asking", def.slug, shown(def, &sheet));
        // The question is the one thing to answer.
        let c = def.completion(&sheet);
        assert_eq!((c.answered, c.total), (0, 1), "{}", def.slug);
        // No progress and no "Mark as done" before it is answered; both once it is, whatever the answer.
        assert!(!def.shows_progress(&sheet), "{}", def.slug);
        for answer in SafetyAnswer::ALL {
            sheet.safety = Some(answer);
            assert!(def.shows_progress(&sheet), "{} {answer:?}", def.slug);
        }
    }
    // A worksheet without the question shows its progress from the start.
    for def in WORKSHEETS.iter().filter(|w| w.safety.is_none()) {
        assert!(def.shows_progress(&copy(def.slug, None)), "{}", def.slug);
    }
}

#[test]
fn the_question_asks_about_what_they_might_do_not_about_hurt_feelings() {
    // "Are you afraid of this person" can be read as "afraid of being hurt again" after a betrayal.
    assert!(QUESTION.contains("afraid of what this person might do to you"), "{QUESTION}");
    let boundaries = def("boundaries").safety.unwrap();
    assert!(boundaries.question.contains("afraid might harm you"), "{}", boundaries.question);
}

#[test]
fn not_sure_leads_the_route_with_taking_it_seriously() {
    let route = def("rebuilding-trust").safety.unwrap().route;
    let yes = route_paragraphs(SafetyAnswer::Yes, route);
    assert_eq!(yes, route.to_vec());
    assert_eq!(yes[0], NOT_THE_GOAL);
    let unsure = route_paragraphs(SafetyAnswer::NotSure, route);
    assert_eq!(unsure[0], NOT_SURE_NOTE);
    assert!(NOT_SURE_NOTE.starts_with("Not being sure is worth taking seriously"));
    assert_eq!(&unsure[1..], route);
}

#[test]
fn a_persons_page_leads_with_safety_only_for_yes_or_not_sure() {
    assert!(!person_page_leads_with_safety(None));
    assert!(!person_page_leads_with_safety(Some(SafetyAnswer::No)));
    assert!(person_page_leads_with_safety(Some(SafetyAnswer::Yes)));
    assert!(person_page_leads_with_safety(Some(SafetyAnswer::NotSure)));
}

// --- the rebuilding plan -------------------------------------------------------------------------------------

#[test]
fn rebuilding_no_shows_the_plan_with_couples_therapy() {
    let def = def("rebuilding-trust");
    for (plan, therapy) in [("infidelity-hurt", "h-therapy"), ("lie-broke", "b-therapy")] {
        let mut sheet = copy(def.slug, Some(SafetyAnswer::No));
        assert_eq!(shown(def, &sheet), ["Which plan", "Where you want to get to"]);
        sheet.set_answer("plan", plan.into());
        let fields = shown_fields(def, &sheet);
        assert!(fields.contains(&therapy), "{plan}: {fields:?}");
        assert!(fields.contains(&"goal"));
        assert!(cautions(def, &sheet).is_empty());
    }
}

#[test]
fn rebuilding_yes_or_not_sure_hides_every_repair_step_and_couples_therapy() {
    let def = def("rebuilding-trust");
    for answer in [SafetyAnswer::Yes, SafetyAnswer::NotSure] {
        for plan in ["infidelity-broke", "infidelity-hurt", "lie-broke", "lie-hurt", "friendship"] {
            let mut sheet = copy(def.slug, Some(answer));
            sheet.set_answer("plan", plan.into());
            sheet.tick("h-therapy", true, "2026-03-04");
            assert_eq!(def.repair_view(&sheet), Some(RepairView::SafetyRoute(answer)));
            assert!(shown(def, &sheet).is_empty(), "{answer:?} {plan}: {:?}", shown(def, &sheet));
            // Nothing is thrown away: the answers and ticks come back with "No".
            sheet.safety = Some(SafetyAnswer::No);
            let fields = shown_fields(def, &sheet);
            assert!(fields.contains(&"plan") && fields.contains(&"goal"), "{plan}");
            assert_eq!(fields.iter().any(|k| k.ends_with("therapy")), plan != "friendship", "{plan}");
            assert_eq!(sheet.answer("plan"), Some(plan));
        }
    }
    let check = def.safety.unwrap();
    assert_eq!(check.route[0], NOT_THE_GOAL);
    assert!(check.route.iter().any(|p| p.contains("Couples therapy is not advised")));
    // With the plan set aside, the one question is answered: the copy can be marked done.
    let sheet = copy(def.slug, Some(SafetyAnswer::Yes));
    let c = def.completion(&sheet);
    assert_eq!((c.answered, c.total, c.percent()), (1, 1, 100));
}

// --- forgiveness ---------------------------------------------------------------------------------------------

#[test]
fn forgiveness_letting_them_back_in_shows_only_when_safe_and_choosing_to_forgive() {
    let def = def("forgiveness");
    let mut sheet = copy(def.slug, Some(SafetyAnswer::No));
    assert_eq!(
        shown(def, &sheet),
        ["Before you start", "Acknowledge the pain", "Gain perspective", "Decide", "Let go"]
    );
    for decision in ["not-yet", "no"] {
        sheet.set_answer("decision", decision.into());
        assert!(!shown(def, &sheet).contains(&"Letting them back in"), "{decision}");
    }
    sheet.set_answer("decision", "forgive".into());
    assert_eq!(
        shown(def, &sheet),
        ["Before you start", "Acknowledge the pain", "Gain perspective", "Decide", "Letting them back in", "Let go"]
    );
    assert!(cautions(def, &sheet).is_empty());
}

#[test]
fn forgiveness_yes_or_not_sure_keeps_your_own_parts_and_sets_their_side_and_reconnecting_aside() {
    let def = def("forgiveness");
    for answer in [SafetyAnswer::Yes, SafetyAnswer::NotSure] {
        let mut sheet = copy(def.slug, Some(answer));
        sheet.set_answer("decision", "forgive".into());
        assert_eq!(shown(def, &sheet), ["Before you start", "Acknowledge the pain", "Decide", "Let go"], "{answer:?}");
        let fields = shown_fields(def, &sheet);
        for hidden in ["circumstances", "motives", "back-in-first", "back-in-signs", "back-in-limits"] {
            assert!(!fields.contains(&hidden), "{answer:?} shows {hidden}");
        }
        // Deciding carries a caution: forgiving never means going back.
        assert_eq!(cautions(def, &sheet), ["Decide"]);
        let decide = def.sections.iter().find(|s| s.title == "Decide").unwrap();
        assert!(def.section_caution(decide, &sheet).unwrap().contains("never means going back"));
    }
    assert_eq!(def.safety.unwrap().route[0], NOT_THE_GOAL);
}

// --- boundaries ----------------------------------------------------------------------------------------------

#[test]
fn boundaries_keep_every_part_and_yes_or_not_sure_adds_cautions_and_the_helpline_first_route() {
    let def = def("boundaries");
    let all = ["Identify", "Communicate", "Keep"];
    let safe = copy(def.slug, Some(SafetyAnswer::No));
    assert_eq!(shown(def, &safe), all);
    assert!(cautions(def, &safe).is_empty());
    for answer in [SafetyAnswer::Yes, SafetyAnswer::NotSure] {
        let sheet = copy(def.slug, Some(answer));
        assert_eq!(shown(def, &sheet), all, "{answer:?}");
        assert_eq!(cautions(def, &sheet), ["Communicate", "Keep"], "{answer:?}");
        let communicate = def.sections.iter().find(|s| s.title == "Communicate").unwrap();
        assert!(def.section_caution(communicate, &sheet).unwrap().contains("helpline first"));
    }
    let route = def.safety.unwrap().route;
    assert!(route[0].starts_with("Where setting a limit could make things more dangerous, talk to a helpline first."));
    // Boundaries are not a repair path: the route does not say rebuilding is not the goal.
    assert!(!route.contains(&NOT_THE_GOAL));
}

// --- storing the answer, old copies --------------------------------------------------------------------------

#[test]
fn an_old_copy_without_an_answer_loads_and_asks_the_question_and_keeps_its_words() {
    // A rebuilding plan saved before the question existed.
    let stored = json!({
        "id": "sheet0001", "created_at": NOW, "updated_at": NOW, "worksheet": "rebuilding-trust",
        "title": "Alex", "answers": { "plan": "infidelity-hurt", "goal": "Honest talks" },
        "ticked": { "h-therapy": "2026-03-01" }, "notes": {}, "checkins": [], "done_at": null
    });
    let mut sheet: WorksheetEntry = serde_json::from_value(stored).unwrap();
    let def = def("rebuilding-trust");
    assert_eq!(sheet.safety, None);
    assert_eq!(def.repair_view(&sheet), Some(RepairView::Ask));
    assert!(shown(def, &sheet).is_empty());
    // Answering it brings the plan back as it was.
    sheet.safety = Some(SafetyAnswer::No);
    assert!(shown_fields(def, &sheet).contains(&"h-therapy"));
    assert_eq!(sheet.ticked["h-therapy"], "2026-03-01");
    // A readable copy of the old, unanswered copy still holds everything written.
    sheet.safety = None;
    let item = worksheet_item(&sheet, None, None);
    assert!(item.parts.iter().any(|(label, _)| *label == "What would rebuilt trust look like for you?"));
}

#[test]
fn the_answer_is_stored_with_the_copy_survives_a_round_trip_and_can_be_changed() {
    let mut vault = Vault::new(MemoryStore::new(), Box::new(|| NOW.to_owned()));
    let mut sheet = copy("rebuilding-trust", None);
    assert!(sheet.is_blank());
    sheet.safety = Some(SafetyAnswer::Yes);
    // The answer alone is something the user did: the copy is kept, and shows in the list.
    assert!(!sheet.is_blank());
    vault.save_record(&sheet).unwrap();
    let mut back = vault.load_record::<WorksheetEntry>("sheet0001").unwrap().unwrap();
    assert_eq!(back.safety, Some(SafetyAnswer::Yes));
    assert_eq!(serde_json::to_value(&back).unwrap()["safety"], json!("yes"));
    back.safety = Some(SafetyAnswer::No);
    back.updated_at = LATER.into();
    vault.save_record(&back).unwrap();
    assert_eq!(vault.load_record::<WorksheetEntry>("sheet0001").unwrap().unwrap().safety, Some(SafetyAnswer::No));
}

#[test]
fn a_readable_copy_says_the_answer_first_and_keeps_what_was_written_before() {
    let mut sheet = copy("rebuilding-trust", Some(SafetyAnswer::Yes));
    sheet.set_answer("plan", "lie-hurt".into());
    sheet.set_answer("goal", "Calm evenings".into());
    let item = worksheet_item(&sheet, None, None);
    assert_eq!(item.parts[1], (QUESTION, Part::Text("Yes".into())));
    assert!(item.parts.contains(&("What would rebuilt trust look like for you?", Part::Text("Calm evenings".into()))));
    // Unanswered: nothing is said about it.
    let unanswered = worksheet_item(&copy("boundaries", None), None, None);
    assert!(unanswered.parts.iter().all(|(label, _)| !label.contains("afraid")));
}

// --- the disclosure ladder -----------------------------------------------------------------------------------

fn person(id: &str, safety: Option<SafetyAnswer>) -> Person {
    Person { safety, ..Person::new(id.into(), &format!("Person {id}"), Relationship::Partner, NOW) }
}

fn waiting_step(id: &str, person_id: &str) -> LadderStep {
    let mut step = LadderStep::new(id.into(), person_id, "Share a worry", 0, NOW);
    step.plan(Experiment::new(format!("exp-{id}"), "They will laugh", 60, 5, NOW), NOW);
    step
}

#[test]
fn the_ladder_offers_new_experiments_only_once_the_answer_is_no() {
    for answer in ANSWERS {
        let expected = answer == Some(SafetyAnswer::No);
        assert_eq!(offers_new_experiments(answer), expected, "{answer:?}");
        assert_eq!(ladder_view(answer), RepairView::of(answer));
    }
    assert!(
        ladder_view(Some(SafetyAnswer::Yes)).shows_route() && ladder_view(Some(SafetyAnswer::NotSure)).shows_route()
    );
    assert_eq!(SAFETY_ROUTE[0], NOT_THE_GOAL);
    assert!(SAFETY_ROUTE.iter().any(|p| p.contains("no new steps or experiments are offered")));
    assert!(SAFETY_ROUTE.iter().any(|p| p.contains("stays here to read")));
}

#[test]
fn the_answer_is_stored_with_the_person_and_an_old_person_is_asked() {
    // A person saved before the question existed (the shape of the version 1 backup fixture).
    let stored = json!({
        "id": "aa11bb22cc33dd44ee55ff6677889900", "created_at": NOW, "updated_at": NOW,
        "name": "Sam", "relationship": "friend", "marker": "", "archived": false,
        "gut": [{ "at": NOW, "part": "reliability", "rating": 55 }]
    });
    let mut sam: Person = serde_json::from_value(stored).unwrap();
    assert_eq!(sam.safety, None);
    assert_eq!(ladder_view(sam.safety), RepairView::Ask);
    sam.set_safety(SafetyAnswer::NotSure, LATER);
    assert_eq!((sam.safety, sam.updated_at.as_str()), (Some(SafetyAnswer::NotSure), LATER));
    let back: Person = serde_json::from_value(serde_json::to_value(&sam).unwrap()).unwrap();
    assert_eq!(back, sam);
    assert!(!offers_new_experiments(back.safety));
    sam.set_safety(SafetyAnswer::No, LATER);
    assert!(offers_new_experiments(sam.safety));
    // The readable copy of a person says the answer once there is one.
    let item = person_item(&sam, &[], None, None);
    assert!(item.parts.contains(&(QUESTION, Part::Text("No".into()))));
}

#[test]
fn a_careful_gut_about_someone_the_user_may_not_be_safe_with_is_never_called_a_thinking_trap() {
    let row = |gut: u8, evidence: u8| PartProfile {
        part: TrustPart::Benevolence,
        gut: Some(gut),
        evidence: Some(evidence),
        gap: Some(i16::from(gut) - i16::from(evidence)),
        evidence_count: 4,
    };
    let careful = row(20, 80);
    // Unanswered or No: the usual sentence, as before.
    for answer in [None, Some(SafetyAnswer::No)] {
        let sentence = careful.gap_sentence_for(answer).unwrap();
        assert_eq!(Some(sentence.clone()), careful.gap_sentence());
        assert!(sentence.contains("thinking trap"), "{answer:?}");
    }
    for answer in [SafetyAnswer::Yes, SafetyAnswer::NotSure] {
        let sentence = careful.gap_sentence_for(Some(answer)).unwrap();
        assert!(sentence.starts_with("For benevolence, your gut says 20 and what you have logged points to 80."));
        assert!(!sentence.contains("thinking trap"), "{answer:?}: {sentence}");
        assert!(sentence.contains("a careful gut is worth listening to"));
        let hopeful = row(85, 30).gap_sentence_for(Some(answer)).unwrap();
        assert!(!hopeful.contains("thinking trap") && hopeful.contains("more weight than hope"), "{hopeful}");
    }
    // No notable gap: nothing is said, whatever the answer.
    assert_eq!(row(60, 55).gap_sentence_for(Some(SafetyAnswer::Yes)), None);
}

// --- Today ---------------------------------------------------------------------------------------------------

#[test]
fn today_never_suggests_an_experiment_with_someone_the_user_may_not_be_safe_with() {
    let people: Vec<Person> = ANSWERS.iter().enumerate().map(|(i, a)| person(&format!("p{i}"), *a)).collect();
    let ladder: Vec<LadderStep> = (0..4).map(|i| waiting_step(&format!("s{i}"), &format!("p{i}"))).collect();
    let data = Snapshot { people, ladder, ..Snapshot::default() };
    let suggested: Vec<String> = candidates(&data.view(), &[], &[], &Clock::utc("2026-03-06"))
        .into_iter()
        .filter_map(|s| match s {
            NextStep::FinishExperiment { person_id, .. } => Some(person_id),
            _ => None,
        })
        .collect();
    // Unanswered (p0) and No (p1) are suggested; Yes (p2) and Not sure (p3) never are.
    assert_eq!(suggested, ["p0", "p1"]);
}

#[test]
fn today_never_suggests_finishing_a_worksheet_set_aside_for_safety() {
    let mut sheets = Vec::new();
    for (i, answer) in ANSWERS.iter().enumerate() {
        for slug in ["rebuilding-trust", "boundaries"] {
            let mut sheet = WorksheetEntry::new(format!("{slug}-{i}"), slug, NOW);
            sheet.title = "Alex".into();
            sheet.safety = *answer;
            sheets.push(sheet);
        }
    }
    let offered: Vec<String> =
        unfinished_worksheets(&sheets, |_| Some("A worksheet")).into_iter().map(|w| w.id).collect();
    assert_eq!(offered, ["rebuilding-trust-0", "boundaries-0", "rebuilding-trust-1", "boundaries-1"]);
}
