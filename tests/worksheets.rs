//! Worksheets: the definitions of the eleven worksheets, completion and marking done, composed scripts, the
//! message builder's word checks and composition, habit check-ins with their history and stats, and storage
//! round trips that keep text exactly as typed and fields from newer versions.

#![cfg(not(target_arch = "wasm32"))] // native tests; the browser tests are in wasm_storage.rs
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use trust_steps::content::{exercise_by_slug, lesson_by_slug};
use trust_steps::domain::message::{
    add_word, compose, feeling_words, hidden_judgments, is_complete, judging_words, need_words, request_warnings,
    MessageParts, MessageStyle,
};
use trust_steps::domain::repair_safety::SafetyAnswer;
use trust_steps::domain::worksheet_defs::{worksheet_by_slug, WORKSHEETS};
use trust_steps::domain::worksheets::{
    checkin_stats, count_of, days_ago, fill_template, last_checkin, DoneProblem, FieldKind, Rhythm, WorksheetEntry,
    HABITS,
};
use trust_steps::storage::{keys, MemoryStore, Record, Vault};

const NOW: &str = "2026-03-04T10:00:00.000Z";

fn entry(slug: &str) -> WorksheetEntry {
    WorksheetEntry::new("sheet0001".into(), slug, NOW)
}

fn ratings(values: [u8; 5]) -> BTreeMap<String, u8> {
    HABITS.iter().zip(values).map(|((key, _, _), v)| ((*key).to_owned(), v)).collect()
}

#[test]
fn there_are_eleven_worksheets_each_a_catalogue_exercise_with_a_lesson() {
    assert_eq!(WORKSHEETS.len(), 11);
    let slugs: BTreeSet<&str> = WORKSHEETS.iter().map(|w| w.slug).collect();
    assert_eq!(slugs.len(), 11);
    for def in WORKSHEETS {
        let exercise = exercise_by_slug(def.slug).unwrap_or_else(|| panic!("{} is not in the catalogue", def.slug));
        assert!(lesson_by_slug(exercise.lesson).is_some(), "{} has no lesson", def.slug);
        assert_eq!(worksheet_by_slug(def.slug), Some(def));
        assert!(!def.sections.is_empty() && !def.title_label.is_empty() && !def.intro.is_empty());
    }
    for slug in [
        "forgiveness",
        "boundaries",
        "message-builder",
        "active-listening",
        "rebuilding-trust",
        "setback-plan",
        "keeping-trust",
        "trust-online",
        "trust-at-work",
        "therapy-prep",
        "safety-plan",
    ] {
        assert!(worksheet_by_slug(slug).is_some(), "{slug} has no worksheet");
    }
}

#[test]
fn field_keys_are_unique_id_safe_and_what_templates_and_conditions_name() {
    for def in WORKSHEETS {
        let mut seen = BTreeSet::new();
        for field in def.sections.iter().flat_map(|s| s.fields.iter()) {
            assert!(seen.insert(field.key), "{}: key {} twice", def.slug, field.key);
            assert!(
                field.key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}: key {} is not id-safe",
                def.slug,
                field.key
            );
            assert!(!field.label.is_empty());
        }
        for section in def.sections {
            if let Some((key, values)) = section.shown_when {
                match def.field(key).map(|f| f.kind) {
                    Some(FieldKind::Choice { choices, .. }) => {
                        for v in values {
                            assert!(
                                choices.iter().any(|c| c.value == *v),
                                "{}: {v} is not a choice of {key}",
                                def.slug
                            );
                        }
                    }
                    other => panic!("{}: condition on {key}, which is {other:?}", def.slug),
                }
            }
            if let Some(template) = section.template {
                for part in template.split('{').skip(1) {
                    let key = part.split('}').next().unwrap();
                    assert!(section.fields.iter().any(|f| f.key == key), "{}: template names {key}", def.slug);
                }
            }
        }
    }
}

#[test]
fn the_issue_asks_for_these_parts() {
    let labels = |slug: &str| -> String {
        let def = worksheet_by_slug(slug).unwrap();
        def.sections
            .iter()
            .flat_map(|s| std::iter::once(s.title).chain(s.fields.iter().map(|f| f.label)))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let online = labels("trust-online");
    for part in [
        "fake profile",
        "reverse image search",
        "video call",
        "money",
        "privacy settings",
        "passwords",
        "permissions",
        "privacy policies",
    ] {
        assert!(online.contains(part), "trust online lacks {part}");
    }
    let work = labels("trust-at-work");
    for part in ["Integrity", "Competence", "Empathy", "Transparency", "team"] {
        assert!(work.contains(part), "trust at work lacks {part}");
    }
    let therapy = labels("therapy-prep");
    for part in ["CBT", "EMDR", "Attachment", "Group", "consultation", "work on"] {
        assert!(therapy.contains(part), "therapy prep lacks {part}");
    }
    let rebuilding = worksheet_by_slug("rebuilding-trust").unwrap();
    let plans = match rebuilding.field("plan").unwrap().kind {
        FieldKind::Choice { choices: c, .. } => c.iter().map(|c| c.value).collect::<Vec<_>>(),
        _ => panic!("plan is a choice"),
    };
    assert_eq!(plans, ["infidelity-broke", "infidelity-hurt", "lie-broke", "lie-hurt", "friendship"]);
    let steps = labels("rebuilding-trust");
    for part in ["Full disclosure", "Take responsibility", "Make amends", "consistent over time", "couples therapy"] {
        assert!(steps.contains(part), "rebuilding lacks {part}");
    }
    let setback = labels("setback-plan");
    for part in ["disappointment", "betrayal", "grieve", "turn to", "forgiveness", "triggers", "instead"] {
        assert!(setback.contains(part), "setback plan lacks {part}");
    }
}

#[test]
fn completion_counts_only_the_parts_shown() {
    let def = worksheet_by_slug("rebuilding-trust").unwrap();
    let mut sheet = entry(def.slug);
    // The safety question counts as a question (its effect on the parts is in repair_safety.rs).
    sheet.safety = Some(SafetyAnswer::No);
    // Before a plan is chosen: the safety question, the choice and the goal.
    assert_eq!((def.completion(&sheet).answered, def.completion(&sheet).total), (1, 3));
    sheet.set_answer("plan", "lie-broke".into());
    let c = def.completion(&sheet);
    assert_eq!((c.answered, c.total), (2, 8));
    sheet.tick("b-disclosure", true, "2026-03-04");
    sheet.tick("h-care", true, "2026-03-04"); // a step of a part not shown does not count
    assert_eq!(def.completion(&sheet).answered, 3);
    assert_eq!(def.completion(&sheet).percent(), 37);
    sheet.set_answer("plan", "friendship".into());
    assert_eq!((def.completion(&sheet).answered, def.completion(&sheet).total), (2, 8));
    // The other side's ticks are kept, not thrown away, if the plan changes back.
    assert!(sheet.ticked.contains_key("b-disclosure"));
    sheet.tick("b-disclosure", false, "2026-03-05");
    assert!(!sheet.ticked.contains_key("b-disclosure"));

    let message = worksheet_by_slug("message-builder").unwrap();
    let mut draft = entry(message.slug);
    draft.set_answer("observation", "  ".into());
    draft.set_answer("feeling", "worried".into());
    assert_eq!((message.completion(&draft).answered, message.completion(&draft).total), (1, 5));
}

#[test]
fn a_worksheet_is_marked_done_once_something_is_in_it_and_can_be_reopened() {
    let mut sheet = entry("forgiveness");
    assert!(sheet.is_blank());
    assert_eq!(sheet.mark_done(NOW), Err(DoneProblem::Empty));
    assert!(!sheet.is_done());
    assert!(!DoneProblem::Empty.message().is_empty());
    sheet.title = "The wedding".into();
    assert!(!sheet.is_blank());
    assert_eq!(sheet.mark_done(NOW), Ok(()));
    assert_eq!(sheet.done_at.as_deref(), Some(NOW));
    sheet.reopen();
    assert!(!sheet.is_done());
    assert_eq!(entry("x").display_title("4 Mar"), "Untitled, started 4 Mar");
    assert_eq!(sheet.display_title("4 Mar"), "The wedding");
}

#[test]
fn dated_notes_are_added_as_typed_and_removed_by_time() {
    let mut sheet = entry("boundaries");
    assert!(!sheet.add_note("tested", "   ", NOW));
    assert!(sheet.add_note("tested", "  He called at 11pm. <i>I didn't pick up</i>\nand felt fine  ", NOW));
    assert!(sheet.add_note("tested", "Again on Friday", "2026-03-06T09:00:00.000Z"));
    let notes = &sheet.notes["tested"];
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].text, "  He called at 11pm. <i>I didn't pick up</i>\nand felt fine  ");
    sheet.remove_note("tested", NOW);
    assert_eq!(sheet.notes["tested"].len(), 1);
    sheet.remove_note("tested", "2026-03-06T09:00:00.000Z");
    assert!(!sheet.notes.contains_key("tested"));
    assert!(sheet.is_blank());
}

#[test]
fn templates_fill_answers_and_choice_labels_and_mark_the_gaps() {
    let def = worksheet_by_slug("boundaries").unwrap();
    let template = def.sections.iter().find_map(|s| s.template).unwrap();
    let mut sheet = entry(def.slug);
    assert_eq!(
        fill_template(template, def, &sheet),
        "When [not written yet], I feel [not written yet]. What I'd like is [not written yet]. If it happens again, I will [not written yet]."
    );
    // Blank and punctuation-only answers are gaps too.
    sheet.set_answer("when", "   ".into());
    sheet.set_answer("i-feel", ".".into());
    assert!(fill_template(template, def, &sheet).starts_with("When [not written yet], I feel [not written yet]."));
    sheet.set_answer("when", "you call after 10pm.".into());
    sheet.set_answer("i-feel", "tense".into());
    sheet.set_answer("i-need", "calls before 9".into());
    sheet.set_answer("i-will", "let it ring and call back the next day".into());
    assert_eq!(
        fill_template(template, def, &sheet),
        "When you call after 10pm, I feel tense. What I'd like is calls before 9. If it happens again, I will let it ring and call back the next day."
    );
    let listening = worksheet_by_slug("active-listening").unwrap();
    let card = listening.sections.iter().find_map(|s| s.template).unwrap();
    let mut talk = entry(listening.slug);
    assert_eq!(
        fill_template(card, listening, &talk),
        "With [not written yet], I will practise [not chosen yet]. I want to understand [not written yet]."
    );
    talk.set_answer("skill", "reflect".into());
    assert!(fill_template(card, listening, &talk).contains("I will practise saying back what I heard."));
}

#[test]
fn the_vocabularies_are_large_enough_and_have_no_repeats() {
    let feelings: Vec<&str> = feeling_words().collect();
    let needs: Vec<&str> = need_words().collect();
    assert!(feelings.len() >= 60, "{} feelings", feelings.len());
    assert!(needs.len() >= 40, "{} needs", needs.len());
    assert_eq!(feelings.iter().collect::<BTreeSet<_>>().len(), feelings.len());
    assert_eq!(needs.iter().collect::<BTreeSet<_>>().len(), needs.len());
    // No word in the feelings list is itself a hidden judgment.
    for word in &feelings {
        assert!(hidden_judgments(word).is_empty(), "{word} is listed as a feeling and flagged");
    }
}

#[test]
fn judging_words_in_an_observation_are_found_as_whole_words() {
    let words = |text: &str| judging_words(text).into_iter().map(|f| f.word).collect::<Vec<_>>();
    assert_eq!(words("You ALWAYS check your phone and never listen"), ["always", "never"]);
    assert_eq!(words("You’re so selfish"), ["you're so", "selfish"]);
    assert_eq!(words("you are such a typical man"), ["you are such", "typical"]);
    assert!(words("You checked your phone three times at dinner on Tuesday.").is_empty());
    // Parts of other words are not flagged.
    assert!(words("We walked down the hallways; nevertheless it was a rudest-free evening").is_empty());
    assert!(judging_words("always").iter().all(|f| !f.why.is_empty()));
}

#[test]
fn feelings_that_hide_a_judgment_get_the_feelings_underneath() {
    let found = hidden_judgments("I feel betrayed and Ignored, totally manipulated");
    let words: Vec<&str> = found.iter().map(|h| h.word).collect();
    assert_eq!(words, ["betrayed", "ignored", "manipulated"]);
    assert!(found[0].underneath.contains(&"hurt"));
    assert!(found.iter().all(|h| !h.underneath.is_empty()));
    // British and American spellings share one suggestion.
    assert_eq!(hidden_judgments("criticised, criticized").len(), 1);
    assert_eq!(hidden_judgments("let down").len(), 1);
    assert!(hidden_judgments("sad and a bit lonely").is_empty());
}

#[test]
fn requests_that_are_negative_vague_or_demands_are_flagged_once_each() {
    let words = |text: &str| request_warnings(text).into_iter().map(|f| f.word).collect::<Vec<_>>();
    assert_eq!(words("Don't stop calling"), ["don't"]);
    assert_eq!(words("You need to care more"), ["more", "you need to"]);
    assert!(words("Could we keep phones in the hall during dinner this week?").is_empty());
}

#[test]
fn the_message_is_composed_in_either_shape_with_the_gaps_shown() {
    let parts = MessageParts {
        observation: "you looked at your phone three times while I was talking.",
        feeling: "hurt",
        need: "to feel heard",
        request: "keep phones away during dinner",
    };
    assert!(is_complete(parts));
    assert_eq!(
        compose(parts, MessageStyle::Nvc),
        "When you looked at your phone three times while I was talking, I feel hurt, because I need to feel heard. Would you be willing to keep phones away during dinner?"
    );
    assert_eq!(
        compose(parts, MessageStyle::IStatement),
        "I feel hurt when you looked at your phone three times while I was talking. I'd like to feel heard. Could you keep phones away during dinner?"
    );
    // Typed as whole sentences: the capital of an ordinary first word and a repeated opening go; names stay.
    let sentences = MessageParts {
        observation: "When You came home at 11 and didn't text.",
        feeling: "I feel worried.",
        need: "I need to know you're safe.",
        request: "Would you text me if you'll be later than 10?",
    };
    assert_eq!(
        compose(sentences, MessageStyle::Nvc),
        "When you came home at 11 and didn't text, I feel worried, because I need to know you're safe. Would you text me if you'll be later than 10?"
    );
    let named = MessageParts { observation: "Sam said I was overreacting", ..sentences };
    assert!(compose(named, MessageStyle::IStatement).starts_with("I feel worried when Sam said I was overreacting."));
    let asking = MessageParts { request: "Could we talk on Sunday?", ..parts };
    assert!(compose(asking, MessageStyle::Nvc).ends_with("Could we talk on Sunday?"));
    let empty = MessageParts::default();
    assert!(!is_complete(empty));
    assert_eq!(
        compose(empty, MessageStyle::Nvc),
        "When [what happened], I feel [your feeling], because I need [your need]. [your request]"
    );
    assert_eq!(
        compose(empty, MessageStyle::IStatement),
        "I feel [your feeling] when [what happened]. I'd like [your need]. [your request]"
    );
    // One part missing: only that gap is named; an opening typed alone ("I feel") or a lone full stop is a gap.
    let no_need = MessageParts { need: "I need ", request: " . ", ..parts };
    assert_eq!(
        compose(no_need, MessageStyle::Nvc),
        "When you looked at your phone three times while I was talking, I feel hurt, because I need [your need]. [your request]"
    );
    assert!(!compose(parts, MessageStyle::Nvc).contains('['), "a complete message has no placeholder");
    assert_eq!(MessageStyle::from_answer(Some("i-statement")), MessageStyle::IStatement);
    assert_eq!(MessageStyle::from_answer(None), MessageStyle::Nvc);
    // Text is kept as typed inside the message (markup included).
    let markup = MessageParts { observation: "you wrote <b>fine</b>", ..parts };
    assert!(compose(markup, MessageStyle::Nvc).starts_with("When you wrote <b>fine</b>, I feel"));
}

#[test]
fn words_are_added_to_a_list_once() {
    assert_eq!(add_word("", "hurt"), "hurt");
    assert_eq!(add_word("hurt", "sad"), "hurt, sad");
    assert_eq!(add_word("hurt, sad, ", "lonely"), "hurt, sad, lonely");
    assert_eq!(add_word("Hurt, sad", "hurt"), "Hurt, sad");
}

#[test]
fn a_check_in_per_period_updates_and_the_history_is_kept() {
    let mut sheet = entry("keeping-trust");
    assert!(!sheet.check_in(Rhythm::Daily, "2026-03-02", ratings([2, 2, 1, 2, 0]), "", NOW));
    assert!(!sheet.check_in(Rhythm::Daily, "2026-03-03", ratings([2, 1, 1, 2, 1]), "talked it through", NOW));
    // Same day again: updated, not added.
    assert!(sheet.check_in(Rhythm::Daily, "2026-03-03", ratings([2, 2, 2, 2, 9]), "better", NOW));
    assert_eq!(sheet.checkins.len(), 2);
    let today = sheet.checkin_for(Rhythm::Daily, "2026-03-03").unwrap();
    assert_eq!((today.note.as_str(), today.ratings["accountable"]), ("better", 2)); // capped at 2
    assert_eq!(sheet.last_checkin_day(), Some("2026-03-03"));

    // Weekly: Monday and Thursday of one ISO week are one period.
    let mut weekly = entry("keeping-trust");
    weekly.check_in(Rhythm::Weekly, "2026-03-02", ratings([1; 5]), "", NOW);
    assert!(weekly.check_in(Rhythm::Weekly, "2026-03-05", ratings([2; 5]), "", NOW));
    weekly.check_in(Rhythm::Weekly, "2026-03-09", ratings([2; 5]), "", NOW);
    assert_eq!(weekly.checkins.len(), 2);
    assert_eq!(Rhythm::from_answer(Some("weekly")), Rhythm::Weekly);
    assert_eq!(Rhythm::from_answer(None), Rhythm::Daily);
}

#[test]
fn how_often_to_check_in_defaults_to_every_day_and_is_a_setting_not_a_question() {
    let def = worksheet_by_slug("keeping-trust").unwrap();
    let mut sheet = entry(def.slug);
    // Shown as "Every day" before anything is picked, which is what the check-ins already do.
    assert_eq!(def.answer_or_default("rhythm", &sheet), Some("daily"));
    assert_eq!(Rhythm::from_answer(sheet.answer("rhythm")), Rhythm::Daily);
    // The default is not stored, so a copy with nothing in it stays blank (and is not saved).
    assert!(sheet.is_blank());
    // It has a value either way, so it is not counted as a question left open.
    assert_eq!((def.completion(&sheet).answered, def.completion(&sheet).total), (0, 1));
    sheet.set_answer("rhythm", "weekly".into());
    assert_eq!(def.answer_or_default("rhythm", &sheet), Some("weekly"));
    assert_eq!(Rhythm::from_answer(sheet.answer("rhythm")), Rhythm::Weekly);
    assert_eq!((def.completion(&sheet).answered, def.completion(&sheet).total), (0, 1));
    sheet.check_in(Rhythm::Weekly, "2026-03-02", ratings([2; 5]), "", NOW);
    assert_eq!((def.completion(&sheet).answered, def.completion(&sheet).total), (1, 1));
    // Every other choice is a question: unselected until answered, and counted.
    let choices_with_default: Vec<(&str, &str)> = WORKSHEETS
        .iter()
        .flat_map(|w| w.sections.iter().flat_map(move |s| s.fields.iter().map(move |f| (w.slug, f))))
        .filter_map(|(slug, f)| match f.kind {
            FieldKind::Choice { choices, default: Some(d) } => {
                assert!(choices.iter().any(|c| c.value == d), "{slug}: default {d} is not a choice");
                Some((slug, f.key))
            }
            _ => None,
        })
        .collect();
    assert_eq!(choices_with_default, [("keeping-trust", "rhythm")]);
    let rebuilding = worksheet_by_slug("rebuilding-trust").unwrap();
    assert_eq!(rebuilding.answer_or_default("plan", &entry(rebuilding.slug)), None);
}

#[test]
fn check_in_stats_show_recent_habits_the_focus_and_the_run() {
    let mut sheet = entry("keeping-trust");
    let empty = checkin_stats(&sheet, Rhythm::Daily, "2026-03-05");
    assert_eq!((empty.count, empty.run, empty.focus), (0, 0, None));
    assert!(empty.recent.iter().all(Option::is_none));

    sheet.check_in(Rhythm::Daily, "2026-02-20", ratings([0, 0, 0, 0, 0]), "", NOW); // older than the last four
    sheet.check_in(Rhythm::Daily, "2026-03-02", ratings([2, 2, 1, 2, 2]), "", NOW);
    sheet.check_in(Rhythm::Daily, "2026-03-03", ratings([2, 2, 0, 2, 2]), "", NOW);
    sheet.check_in(Rhythm::Daily, "2026-03-04", ratings([2, 1, 1, 2, 2]), "", NOW);
    sheet.check_in(Rhythm::Daily, "2026-03-05", ratings([2, 2, 1, 2, 2]), "", NOW);
    let stats = checkin_stats(&sheet, Rhythm::Daily, "2026-03-05");
    assert_eq!(stats.count, 5);
    assert_eq!(stats.recent, [Some(100), Some(87), Some(37), Some(100), Some(100)]);
    assert_eq!(stats.focus, Some("Transparent"));
    assert_eq!(stats.run, 4);
    // Not yet checked in today: the run up to yesterday still counts.
    assert_eq!(checkin_stats(&sheet, Rhythm::Daily, "2026-03-06").run, 4);
    assert_eq!(checkin_stats(&sheet, Rhythm::Daily, "2026-03-08").run, 0);

    let mut weekly = entry("keeping-trust");
    for day in ["2026-02-16", "2026-02-25", "2026-03-04"] {
        weekly.check_in(Rhythm::Weekly, day, ratings([2; 5]), "", NOW);
    }
    let stats = checkin_stats(&weekly, Rhythm::Weekly, "2026-03-08");
    assert_eq!((stats.run, stats.focus), (3, None));
}

#[test]
fn hub_lines_count_copies_and_say_when_the_last_check_in_was() {
    let def = worksheet_by_slug("boundaries").unwrap();
    assert_eq!(def.progress_line(&[]), None);
    let mut a = entry("boundaries");
    a.title = "Work calls".into();
    a.mark_done(NOW).unwrap();
    let b = WorksheetEntry::new("sheet0002".into(), "boundaries", NOW);
    let other = WorksheetEntry::new("sheet0003".into(), "forgiveness", NOW);
    assert_eq!(def.progress_line(&[a.clone(), b, other.clone()]).as_deref(), Some("2 boundaries, 1 done"));
    assert_eq!(def.progress_line(&[a]).as_deref(), Some("1 boundary, 1 done"));
    assert_eq!(count_of(0, "plan", "plans"), "0 plans");

    let mut habits = entry("keeping-trust");
    habits.check_in(Rhythm::Daily, "2026-03-02", ratings([2; 5]), "", NOW);
    assert_eq!(last_checkin(&[habits, other], "keeping-trust").as_deref(), Some("2026-03-02"));
    assert_eq!(days_ago("2026-03-02", "2026-03-05"), "3 days ago");
    assert_eq!(days_ago("2026-03-04", "2026-03-05"), "yesterday");
    assert_eq!(days_ago("2026-03-05", "2026-03-05"), "today");
    assert_eq!(days_ago("soon", "2026-03-05"), "soon");
}

#[test]
fn worksheets_round_trip_through_the_vault_exactly_as_typed() {
    assert!(keys::is_app_key(keys::WORKSHEETS_PREFIX) && keys::WORKSHEETS_PREFIX.ends_with('/'));
    assert_eq!(WorksheetEntry::PREFIX, keys::WORKSHEETS_PREFIX);
    let mut vault = Vault::new(MemoryStore::new(), Box::new(|| NOW.to_owned()));
    let mut sheet = entry("forgiveness");
    sheet.title = "  <script>alert(1)</script> & שלום 🙂".into();
    sheet.set_answer("happened", "Line one\n\n  line three <b>bold</b>  ".repeat(200));
    sheet.tick("ritual", true, "2026-03-04");
    sheet.add_note("tested", "a note", NOW);
    sheet.check_in(Rhythm::Weekly, "2026-03-04", ratings([1; 5]), "ok", NOW);
    sheet.mark_done(NOW).unwrap();
    vault.save_record(&sheet).unwrap();
    let back = vault.load_record::<WorksheetEntry>("sheet0001").unwrap().unwrap();
    assert_eq!(back, sheet);
    assert_eq!(back.answers["happened"].len(), "Line one\n\n  line three <b>bold</b>  ".len() * 200);
}

#[test]
fn unknown_fields_from_a_newer_version_are_kept() {
    let stored = json!({
        "id": "sheet0001",
        "worksheet": "keeping-trust",
        "mood": "calm",
        "checkins": [{ "day": "2026-03-04", "ratings": { "honest": 2 }, "energy": 3 }],
        "notes": { "tested": [{ "at": NOW, "text": "x", "place": "home" }] }
    });
    let mut sheet: WorksheetEntry = serde_json::from_value(stored).unwrap();
    assert_eq!(sheet.extra.get("mood"), Some(&json!("calm")));
    assert!(sheet.done_at.is_none() && sheet.title.is_empty());
    // Updating a check-in keeps what a newer version stored on it.
    sheet.check_in(Rhythm::Daily, "2026-03-04", ratings([2; 5]), "", NOW);
    let back = serde_json::to_value(&sheet).unwrap();
    assert_eq!(back["mood"], json!("calm"));
    assert_eq!(back["checkins"][0]["energy"], json!(3));
    assert_eq!(back["notes"]["tested"][0]["place"], json!("home"));
}

#[test]
fn each_worksheet_says_in_its_own_words_what_a_copy_is_for() {
    let mut firsts = BTreeSet::new();
    for def in WORKSHEETS {
        let (first, another) = def.start;
        // Not the template's "Start a new relationship" / "Start a new hurt".
        assert!(!first.starts_with("Start a new") && !another.starts_with("Start a new"), "{}: {first:?}", def.slug);
        assert!(another.contains("another"), "{}: {another:?} should say it is another copy", def.slug);
        assert_ne!(first, another, "{}", def.slug);
        assert!(firsts.insert(first), "{}: {first:?} is used by another worksheet", def.slug);
        assert_eq!(def.start_label(false), first);
        assert_eq!(def.start_label(true), another);
        assert!(
            def.copies.ends_with('.') && def.copies.split_whitespace().count() >= 5,
            "{}: {:?} should be a sentence",
            def.slug,
            def.copies
        );
    }
    let habits = worksheet_by_slug("keeping-trust").unwrap();
    assert_eq!(habits.start, ("Start a check-in for a relationship", "Start a check-in for another relationship"));
    assert!(habits.copies.contains("each relationship"));
    assert_eq!(worksheet_by_slug("forgiveness").unwrap().start.1, "Start on another hurt");
}

#[test]
fn a_run_of_check_ins_reads_in_days_or_weeks() {
    use trust_steps::domain::worksheets::Rhythm;
    assert_eq!(Rhythm::Daily.run_words(1), "1 day");
    assert_eq!(Rhythm::Daily.run_words(5), "5 days");
    assert_eq!(Rhythm::Weekly.run_words(1), "1 week");
    assert_eq!(Rhythm::Weekly.run_words(2), "2 weeks");
}
