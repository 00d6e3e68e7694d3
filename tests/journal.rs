//! The thought journal's rules: the flow's record, feelings and traps, the intensity drop, search and filters,
//! beliefs, the trigger log, practice history, and storage of hostile text exactly as typed.

#![cfg(not(target_arch = "wasm32"))] // native tests; the browser tests are in wasm_storage.rs
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::cell::Cell;
use trust_steps::domain::beliefs::EvidenceNote;
use trust_steps::domain::journal::{feelings_used, newest_first, traps_used, RecordStatus};
use trust_steps::domain::{Belief, JournalFilter, Merge, PracticeHistory, ThoughtRecord, TriggerEntry};
use trust_steps::storage::{KvStore, MemoryStore, Record, StoreError, Vault};

const NOW: &str = "2026-11-27T10:00:00.000Z";

fn record(id: &str, day: &str, thought: &str) -> ThoughtRecord {
    let mut r = ThoughtRecord::new(id.into(), NOW, day);
    r.thought = thought.into();
    r
}

#[test]
fn a_new_record_is_a_blank_draft_on_step_one() {
    let r = ThoughtRecord::new("abc12345".into(), NOW, "2026-11-27");
    assert_eq!(r.status, RecordStatus::Draft);
    assert_eq!(r.step, 1);
    assert!(r.is_blank());
    assert!(!r.can_finish());
    assert_eq!(r.happened_on, "2026-11-27");
}

#[test]
fn a_record_that_reads_as_danger_gets_no_traps_whether_the_danger_is_in_the_thought_or_the_situation() {
    let threat = record("a1b2c3d4", "2026-11-27", "He said he will hurt me if I leave, he always checks my phone");
    assert!(threat.danger().is_some_and(|d| d.someone_else));
    assert!(threat.trap_suggestions().is_empty(), "{:?}", threat.trap_suggestions());

    // The same ordinary-looking thought is offered traps, unless the situation it came from is dangerous.
    let mut blame = record("a1b2c3d5", "2026-11-27", "It's all my fault, I always make him angry");
    assert!(blame.danger().is_none());
    assert!(!blame.trap_suggestions().is_empty());
    blame.situation = "He pushed me against the wall when I came home late.".into();
    assert!(blame.danger().is_some_and(|d| d.someone_else));
    assert!(blame.trap_suggestions().is_empty());

    let dark = record("a1b2c3d6", "2026-11-27", "I want to end my life, nobody would even notice");
    assert!(dark.danger().is_some_and(|d| d.self_harm));
    assert!(dark.trap_suggestions().is_empty());
}

#[test]
fn a_record_that_reads_as_danger_asks_about_safety_and_support_instead_of_weighing_the_thought() {
    use trust_steps::domain::journal::{answer_questions_for, steps_for, SAFETY_STEPS, STEPS, WEIGHING_QUESTIONS};
    use trust_steps::domain::readable_copy::thought_record_item;

    let ordinary = steps_for(false);
    assert_eq!(ordinary, &STEPS);
    let safety = steps_for(true);
    assert_eq!(safety, &SAFETY_STEPS);
    // The same eight places, so a draft's step number means the same in both.
    assert_eq!(safety.len(), ordinary.len());
    for (i, (step, ordinary_step)) in safety.iter().zip(ordinary.iter()).enumerate() {
        let same = [0, 1, 2, 7].contains(&i);
        assert_eq!(step == ordinary_step, same, "step {}: {step:?}", i + 1);
    }
    let words = |questions: &[trust_steps::domain::journal::AnswerQuestion; 4]| {
        questions.iter().map(|q| format!("{} {} {}", q.label, q.hint, q.heading).to_lowercase()).collect::<String>()
    };
    let asked = words(answer_questions_for(true));
    for weighing in ["supports the thought", "does not fit", "other explanation", "balanced", "fairer", "evidence"] {
        assert!(!asked.contains(weighing), "a danger record is not asked to weigh the thought: {weighing:?}");
    }
    assert_eq!(answer_questions_for(false), &WEIGHING_QUESTIONS);

    let mut r = record("a1b2c3d9", "2026-11-27", "She said she will kill me if I tell anyone");
    r.evidence_for = "The bruise on my arm.".into();
    r.balanced = "It is not my fault.".into();
    let headings: Vec<&str> = thought_record_item(&r).parts.iter().map(|(label, _)| *label).collect();
    assert!(headings.contains(&"What has worried me"), "{headings:?}");
    assert!(headings.contains(&"A kind word"), "{headings:?}");
    assert!(!headings.iter().any(|h| h.contains("Evidence") || h.contains("Balanced")), "{headings:?}");
}

#[test]
fn an_ordinary_anxious_thought_still_gets_its_traps() {
    let r = record("a1b2c3d7", "2026-11-27", "He didn't answer for 5 hours, he must be cheating on me");
    assert!(r.danger().is_none());
    assert!(!r.trap_suggestions().is_empty());
    let idiom = record("a1b2c3d8", "2026-11-27", "My boss will kill me if I'm late again, I always mess up");
    assert!(idiom.danger().is_none());
    assert!(idiom.trap_suggestions().iter().any(|s| s.trap == "overgeneralization"));
}

#[test]
fn finishing_needs_a_thought_and_counts_unrated_feelings_as_unchanged() {
    let mut r = record("a1b2c3d4", "2026-11-27", "He is going to leave me");
    r.add_feeling("Anxious", 80);
    r.add_feeling("Hurt", 60);
    r.feelings[0].after = Some(40);
    assert!(r.can_finish());
    r.finish();
    assert_eq!(r.status, RecordStatus::Complete);
    assert_eq!(r.feelings[1].after, Some(60));
    assert_eq!(r.average_drop(), Some(20.0));
}

#[test]
fn feelings_are_added_once_case_insensitively_and_clamped() {
    let mut r = record("a1b2c3d4", "2026-11-27", "x");
    r.add_feeling("Anxious", 50);
    r.add_feeling("anxious", 90);
    r.add_feeling("  ", 10);
    r.add_feeling("Jealous", 250);
    assert_eq!(r.feelings.len(), 2);
    assert_eq!(r.feelings[1].before, 100);
    r.remove_feeling("ANXIOUS");
    assert_eq!(r.feelings.len(), 1);
}

#[test]
fn traps_toggle_on_and_off_including_the_users_own() {
    let mut r = record("a1b2c3d4", "2026-11-27", "x");
    r.toggle_trap("mind-reading");
    r.toggle_trap("My old story");
    assert_eq!(r.traps, vec!["mind-reading", "My old story"]);
    r.toggle_trap("mind-reading");
    assert_eq!(r.traps, vec!["My old story"]);
    assert!(!r.is_blank());
}

#[test]
fn average_drop_is_none_until_something_is_re_rated_and_can_be_negative() {
    let mut r = record("a1b2c3d4", "2026-11-27", "x");
    assert_eq!(r.average_drop(), None);
    r.add_feeling("Angry", 30);
    assert_eq!(r.average_drop(), None);
    r.feelings[0].after = Some(50);
    assert_eq!(r.average_drop(), Some(-20.0));
}

#[test]
fn search_needs_every_word_somewhere_in_the_record() {
    let mut r = record("a1b2c3d4", "2026-11-20", "She didn't text back");
    r.situation = "Friday night, waiting".into();
    r.balanced = "She was at her sister's".into();
    r.add_feeling("Jealous", 70);
    let text = r.search_text();
    let f = |t: &str| JournalFilter { text: t.into(), ..Default::default() };
    assert!(f("text friday").matches(&r, &text));
    assert!(f("SISTER jealous").matches(&r, &text));
    assert!(!f("text monday").matches(&r, &text));
    assert!(f("   ").matches(&r, &text));
}

#[test]
fn filters_by_trap_feeling_person_and_date_range() {
    let mut r = record("a1b2c3d4", "2026-11-20", "x");
    r.toggle_trap("catastrophizing");
    r.add_feeling("Afraid", 50);
    r.person_id = Some("p1".into());
    let text = r.search_text();
    let yes = |f: JournalFilter| assert!(f.matches(&r, &text), "{f:?}");
    let no = |f: JournalFilter| assert!(!f.matches(&r, &text), "{f:?}");
    yes(JournalFilter { trap: Some("catastrophizing".into()), ..Default::default() });
    no(JournalFilter { trap: Some("blaming".into()), ..Default::default() });
    yes(JournalFilter { feeling: Some("afraid".into()), ..Default::default() });
    no(JournalFilter { feeling: Some("Sad".into()), ..Default::default() });
    yes(JournalFilter { person: Some("p1".into()), ..Default::default() });
    no(JournalFilter { person: Some("p2".into()), ..Default::default() });
    yes(JournalFilter { from: Some("2026-11-20".into()), to: Some("2026-11-20".into()), ..Default::default() });
    no(JournalFilter { from: Some("2026-11-21".into()), ..Default::default() });
    no(JournalFilter { to: Some("2026-11-19".into()), ..Default::default() });
    assert!(JournalFilter::default().is_empty());
    assert!(JournalFilter { text: "  ".into(), ..Default::default() }.is_empty());
    assert!(!JournalFilter { trap: Some("x".into()), ..Default::default() }.is_empty());
}

#[test]
fn newest_first_orders_by_day_then_time_written() {
    let mut a = record("aaaaaaaa", "2026-11-01", "a");
    let mut b = record("bbbbbbbb", "2026-11-03", "b");
    let mut c = record("cccccccc", "2026-11-03", "c");
    a.created_at = "2026-11-05T00:00:00.000Z".into();
    b.created_at = "2026-11-03T09:00:00.000Z".into();
    c.created_at = "2026-11-03T10:00:00.000Z".into();
    let mut list = vec![a, b, c];
    newest_first(&mut list);
    let order: Vec<&str> = list.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(order, vec!["cccccccc", "bbbbbbbb", "aaaaaaaa"]);
}

#[test]
fn the_filter_lists_offer_what_was_used() {
    let mut a = record("aaaaaaaa", "2026-11-01", "a");
    a.add_feeling("Hurt", 10);
    a.toggle_trap("labelling");
    let mut b = record("bbbbbbbb", "2026-11-01", "b");
    b.add_feeling("hurt", 10);
    b.add_feeling("Angry", 10);
    b.toggle_trap("blaming");
    b.toggle_trap("labelling");
    assert_eq!(feelings_used(&[a.clone(), b.clone()]), vec!["Angry", "Hurt"]);
    assert_eq!(traps_used(&[a, b]), vec!["blaming", "labelling"]);
}

#[test]
fn hostile_text_is_stored_and_read_back_exactly_as_typed() {
    let mut vault = Vault::new(MemoryStore::new(), Box::new(|| NOW.to_owned()));
    let long = "ä🙂".repeat(25_000);
    let samples = [
        long.as_str(),
        "<script>alert('x')</script><img src=x onerror=alert(1)>",
        "שלום, אני לא בטוח שהוא יחזור",
        "emoji 👩‍👩‍👧 and \u{202e}reversed\u{202c} and \u{0} nul and \u{7} bell",
        "{\"schema\":99,\"data\":null}",
    ];
    for (i, text) in samples.iter().enumerate() {
        let mut r = record(&format!("hostile{i}"), "2026-11-27", text);
        r.situation = (*text).to_owned();
        vault.save_record(&r).unwrap();
        let back = vault.load_record::<ThoughtRecord>(&r.id).unwrap().unwrap();
        assert_eq!(back.thought, *text);
        assert_eq!(back, r);
    }
    assert_eq!(vault.load_records::<ThoughtRecord>().0.len(), samples.len());
}

/// Counts writes, to prove saving one record touches one key.
struct CountingStore {
    inner: MemoryStore,
    writes: Cell<usize>,
}

impl KvStore for CountingStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.writes.set(self.writes.get() + 1);
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

#[test]
fn saving_one_record_of_two_thousand_writes_one_key() {
    let store = CountingStore { inner: MemoryStore::new(), writes: Cell::new(0) };
    let mut vault = Vault::new(store, Box::new(|| NOW.to_owned()));
    for i in 0..2000 {
        vault.save_record(&record(&format!("record{i:05}"), "2026-11-01", "a thought")).unwrap();
    }
    let before = vault.store().writes.get();
    let mut one = record("record00042", "2026-11-01", "edited");
    one.updated_at = "2026-11-28T00:00:00.000Z".into();
    vault.save_record(&one).unwrap();
    assert_eq!(vault.store().writes.get() - before, 1);
    assert_eq!(one.key(), "trust-steps/journal/record00042");
}

#[test]
fn beliefs_keep_their_strength_history() {
    let mut b = Belief::new("belief01".into(), "  People always let me down  ", 90, NOW);
    assert_eq!(b.statement, "People always let me down");
    assert_eq!(b.change(), None);
    b.rate(70, "2026-12-01T00:00:00.000Z");
    b.rate(55, "2026-12-15T00:00:00.000Z");
    assert_eq!(b.current_strength(), Some(55));
    assert_eq!(b.change(), Some(-35));
    assert_eq!(b.last_rated(), Some("2026-12-15T00:00:00.000Z"));
    b.rate(150, "2026-12-16T00:00:00.000Z");
    assert_eq!(b.current_strength(), Some(100));
    b.evidence_against.push(EvidenceNote {
        at: NOW.into(),
        text: "Sam kept his word".into(),
        record_id: Some("r1".into()),
        ..Default::default()
    });
    let json = serde_json::to_string(&b).unwrap();
    let back: Belief = serde_json::from_str(&json).unwrap();
    assert_eq!(back, b);
}

#[test]
fn trigger_entries_need_some_content() {
    let mut e = TriggerEntry::default();
    assert!(!e.has_content());
    e.felt = "  ".into();
    assert!(!e.has_content());
    e.trigger = "No reply for a day".into();
    assert!(e.has_content());
}

#[test]
fn practice_history_scores_by_day_and_picks_what_to_practise_next() {
    let mut h = PracticeHistory::default();
    assert_eq!(h.next_item(28), 0);
    assert!(h.by_day().is_empty());
    h.record(0, true, "2026-11-26T09:00:00.000Z");
    h.record(1, false, "2026-11-26T09:01:00.000Z");
    h.record(1, true, "2026-11-27T09:00:00.000Z");
    let days = h.by_day();
    assert_eq!(days.len(), 2);
    assert_eq!((days[0].answered, days[0].right), (2, 1));
    assert_eq!((days[1].answered, days[1].right), (1, 1));
    assert_eq!(h.next_item(3), 2);
    assert_eq!(h.next_item(2), 0, "all answered right: the one answered longest ago");
    assert_eq!(h.next_item(0), 0);
}

#[test]
fn practice_history_from_two_tabs_merges_without_duplicates() {
    let mut a = PracticeHistory::default();
    a.record(0, true, "2026-11-26T09:00:00.000Z");
    let mut b = a.clone();
    b.record(1, false, "2026-11-26T10:00:00.000Z");
    a.record(2, true, "2026-11-26T11:00:00.000Z");
    let merged = a.merge(b);
    assert_eq!(merged.attempts.len(), 3);
    assert!(merged.attempts.windows(2).all(|w| w[0].at <= w[1].at));
}

#[test]
fn matching_records_lists_finished_records_newest_first_and_searches_through_the_cache() {
    use trust_steps::domain::journal::{matching_records, SearchTextCache};
    let mut old = record("aaaaaaaa", "2026-10-01", "old thought about the phone");
    old.finish();
    let mut new = record("bbbbbbbb", "2026-11-01", "new thought");
    new.finish();
    let draft = record("cccccccc", "2026-12-01", "draft about the phone");
    let mut records = vec![old, draft, new];
    let mut cache = SearchTextCache::default();
    assert_eq!(matching_records(&records, &JournalFilter::default(), &mut cache), vec![2, 0]);
    let phone = JournalFilter { text: "PHONE".into(), ..Default::default() };
    assert_eq!(matching_records(&records, &phone, &mut cache), vec![0]);
    // An edit (newer updated_at) is searched with its new text, not the cached one.
    records[2].thought = "new thought about the phone".into();
    records[2].updated_at = "2026-11-02T00:00:00.000Z".into();
    assert_eq!(matching_records(&records, &phone, &mut cache), vec![2, 0]);
}

#[test]
fn step_two_asks_what_went_through_your_mind_only_in_its_field_and_no_step_repeats_its_field() {
    use trust_steps::domain::journal::{SAFETY_STEPS, STEPS};
    // The field of step 1 is labelled "What happened?" and that of step 2 "What went through your mind?"
    // (src/ui/pages/journal/flow.rs): the step's prompt above it says something else.
    for steps in [&STEPS, &SAFETY_STEPS] {
        assert!(!steps[0].1.contains("What happened?"), "{:?}", steps[0]);
        assert!(!steps[1].1.contains("What went through your mind?"), "{:?}", steps[1]);
        assert!(!steps[1].0.contains("What went through your mind?"), "{:?}", steps[1]);
    }
}

#[test]
fn step_seven_recalls_the_evidence_and_other_explanations_just_written() {
    let mut r = record("a1b2c3e1", "2026-11-27", "He always ignores me");
    assert!(r.recap_for_step_seven().is_empty());
    r.evidence_for = "  He did not answer tonight.  ".into();
    r.evidence_against = "He answered every message last week.".into();
    assert_eq!(
        r.recap_for_step_seven(),
        vec![
            ("Evidence for the thought", "He did not answer tonight.".to_owned()),
            ("Evidence against the thought", "He answered every message last week.".to_owned()),
        ]
    );
    r.evidence_for = "   ".into();
    r.alternatives = "His night shift.".into();
    assert_eq!(
        r.recap_for_step_seven(),
        vec![
            ("Evidence against the thought", "He answered every message last week.".to_owned()),
            ("Other explanations", "His night shift.".to_owned()),
        ]
    );

    // A record that reads as danger recalls what helps and who could help, not what worries the person.
    let mut fear = record("a1b2c3e2", "2026-11-27", "He said he will hurt me if I leave");
    fear.evidence_for = "He threw my phone.".into();
    fear.evidence_against = "My sister's flat.".into();
    fear.alternatives = "The helpline.".into();
    let headings: Vec<&str> = fear.recap_for_step_seven().iter().map(|(h, _)| *h).collect();
    assert_eq!(headings, vec!["What helps me feel safer", "Who I could tell"]);
    assert!(!fear.recap_for_step_seven().iter().any(|(_, t)| t.contains("phone")));
}

#[test]
fn a_finished_record_gets_a_calm_line_that_fits_how_it_went() {
    let mut r = record("a1b2c3e3", "2026-11-27", "He is going to leave me");
    // No feelings rated: no number, no praise for one.
    let plain = r.finished_note(true);
    assert!(plain.starts_with("Saved. You worked through this thought step by step."), "{plain}");
    assert!(!plain.contains("point"), "{plain}");

    r.add_feeling("Anxious", 80);
    r.feelings[0].after = Some(79);
    assert!(r.finished_note(true).contains("eased by 1 point on average"), "{}", r.finished_note(true));
    r.feelings[0].after = Some(50);
    assert!(r.finished_note(true).contains("eased by 30 points on average"));
    r.feelings[0].after = Some(80);
    assert!(!r.finished_note(true).contains("point"));
    r.feelings[0].after = Some(90);
    let heavier = r.finished_note(true);
    assert!(heavier.contains("go gently"), "{heavier}");
    assert!(!heavier.contains("grew"), "{heavier}");

    // Saving an edit of a finished record says only that.
    assert_eq!(r.finished_note(false), "Your changes are saved.");

    // Fear is met with thanks and company, never with a word about thinking.
    let fear = record("a1b2c3e4", "2026-11-27", "He said he will hurt me if I leave");
    let note = fear.finished_note(true);
    assert!(note.contains("Thank you for writing this down"), "{note}");
    assert!(!note.contains("thought"), "{note}");

    // Calm words that say it is saved: no exclamation marks, no streaks, no scores to beat.
    for note in [plain, heavier, note] {
        assert!(note.starts_with("Saved. "), "{note}");
        assert!(!note.contains('!') && !note.to_lowercase().contains("streak"), "{note}");
    }
}

#[test]
fn the_list_offers_filters_from_five_records_or_while_one_is_set() {
    use trust_steps::domain::journal::{offers_filters, FilterKind, FILTERS_FROM};
    let none = JournalFilter::default();
    assert_eq!(FILTERS_FROM, 5);
    assert!(!offers_filters(0, &none));
    assert!(!offers_filters(4, &none));
    assert!(offers_filters(5, &none));
    assert!(offers_filters(40, &none));
    // Search words alone do not count as a filter; a set filter keeps the button (to see and clear it).
    let words = JournalFilter { text: "night".into(), ..Default::default() };
    assert!(!offers_filters(2, &words));
    assert_eq!(words.active_count(), 0);
    let mut set = JournalFilter::default();
    set.set(FilterKind::Trap, "blaming".into());
    set.set(FilterKind::From, "2026-11-01".into());
    assert!(offers_filters(2, &set));
    assert_eq!(set.active_count(), 2);
    assert_eq!(
        set.active(),
        vec![(FilterKind::Trap, "blaming".to_owned()), (FilterKind::From, "2026-11-01".to_owned())]
    );
    assert_eq!(set.value(FilterKind::Trap), Some("blaming"));
    assert_eq!(FilterKind::From.label(), "From");
    // An empty value ("Any", a cleared date) unsets the filter.
    set.set(FilterKind::Trap, String::new());
    set.set(FilterKind::From, "  ".into());
    assert_eq!(set.active_count(), 0);
    assert!(set.is_empty());
    // Every kind can be set and cleared on its own.
    for kind in FilterKind::ALL {
        let mut f = JournalFilter::default();
        f.set(kind, "x".into());
        assert_eq!(f.active(), vec![(kind, "x".to_owned())]);
        assert!(!f.is_empty());
    }
}

#[test]
fn counts_and_changes_read_as_a_person_writes_them() {
    use trust_steps::domain::journal::{change_line, count_line};
    assert_eq!(count_line(1, 1, false), "1 record");
    assert_eq!(count_line(8, 8, false), "8 records");
    assert_eq!(count_line(0, 0, false), "0 records");
    assert_eq!(count_line(3, 8, true), "3 of 8 records match");
    assert_eq!(count_line(0, 8, true), "0 of 8 records match");
    assert_eq!(count_line(1, 8, true), "1 of 8 records matches");
    assert_eq!(count_line(1, 1, true), "Your 1 record matches");
    assert_eq!(count_line(0, 1, true), "Your 1 record does not match");

    assert_eq!(change_line(21.4), "Feelings eased by 21 points on average");
    assert_eq!(change_line(1.0), "Feelings eased by 1 point on average");
    assert_eq!(change_line(0.6), "Feelings eased by 1 point on average");
    assert_eq!(change_line(0.4), "Feelings stayed about the same");
    assert_eq!(change_line(-0.4), "Feelings stayed about the same");
    assert_eq!(change_line(0.0), "Feelings stayed about the same");
    assert_eq!(change_line(-1.0), "Feelings grew by 1 point on average");
    assert_eq!(change_line(-12.0), "Feelings grew by 12 points on average");
}
