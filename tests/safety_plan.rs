//! The safety plan: its Stanley–Brown steps, the lines a new copy starts with for the user's country (the
//! user's own text from then on), its numbered printout, and that backups and the therapy report carry it
//! like every worksheet.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use trust_steps::content::exercise_by_slug;
use trust_steps::domain::backup::{self, export, read_backup, ImportMode};
use trust_steps::domain::collection_table::Snapshot;
use trust_steps::domain::readable_copy::{section_items, worksheet_item, Part, Section};
use trust_steps::domain::safety_plan::{
    is_prefill, lines_written, new_copy, plan_steps, prefill, refill_for_country, LINES_FIELD, OWN_CONTACT_LINE, SLUG,
};
use trust_steps::domain::worksheet_defs::worksheet_by_slug;
use trust_steps::domain::worksheets::{FieldKind, WorksheetEntry};
use trust_steps::storage::{MemoryStore, Vault};

const NOW: &str = "2026-03-04T10:00:00.000Z";

#[test]
fn it_follows_the_stanley_brown_steps_and_sits_in_the_catalogue() {
    let def = worksheet_by_slug(SLUG).unwrap();
    let titles: Vec<&str> = def.sections.iter().map(|s| s.title).collect();
    assert_eq!(
        titles,
        [
            "My warning signs",
            "Things I can do on my own",
            "People and places that take my mind off it",
            "People I can ask for help",
            "Professionals and crisis lines",
            "Making my surroundings safer",
            "My reasons to keep going",
        ]
    );
    assert!(def.sections.iter().flat_map(|s| s.fields).all(|f| matches!(f.kind, FieldKind::Text | FieldKind::Line)));
    assert_eq!(def.field(LINES_FIELD).unwrap().kind, FieldKind::Text);
    let exercise = exercise_by_slug(SLUG).unwrap();
    assert_eq!(exercise.title, "Safety plan");
    assert_eq!(exercise.lesson, "professional-help");
    // The setback plan no longer calls itself a safety plan; it points to the real one.
    let setback = worksheet_by_slug("setback-plan").unwrap();
    assert!(!setback.intro.to_lowercase().contains("like a safety plan"), "{}", setback.intro);
    assert!(setback.intro.contains("the safety plan"));
}

#[test]
fn a_new_plan_starts_with_the_lines_for_the_users_country() {
    assert_eq!(
        prefill(Some("GB")),
        "Emergency: call 999\n\
         Samaritans: call 116 123\n\
         Shout: text SHOUT to 85258\n\
         National Domestic Abuse Helpline: call 0808 2000 247\n\
         My doctor or therapist:"
    );
    assert_eq!(
        prefill(Some("US")),
        "Emergency: call 911\n\
         988 Suicide & Crisis Lifeline: call 988 or text 988\n\
         Crisis Text Line: text HOME to 741741\n\
         National Domestic Violence Hotline: call 1-800-799-7233 or text START to 88788\n\
         My doctor or therapist:"
    );
    assert!(
        prefill(Some("CA")).starts_with("Emergency: call 911\n9-8-8 Suicide Crisis Helpline: call 988 or text 988\n")
    );
    assert!(prefill(Some("IE"))
        .contains("Samaritans: call 116 123\nWomen's Aid National Freephone Helpline: call 1800 341 900"));
    assert_eq!(
        prefill(Some("DE")),
        "Emergency: call 112\n\
         TelefonSeelsorge: call 0800 111 0 111\n\
         TelefonSeelsorge: call 0800 111 0 222\n\
         Hilfetelefon Gewalt gegen Frauen: call 116 016\n\
         My doctor or therapist:"
    );
    // A country with an emergency number but no crisis line here: 112 and the directory.
    assert_eq!(
        prefill(Some("AT")),
        "Emergency: call 112\nA crisis line: look one up at findahelpline.com\nMy doctor or therapist:"
    );
    // Not chosen (or another country): no one country's numbers, only what holds everywhere.
    for country in [None, Some("other"), Some("JP")] {
        assert_eq!(
            prefill(country),
            "Emergency: call your local emergency number\nA crisis line: look one up at findahelpline.com\nMy doctor or therapist:",
            "{country:?}"
        );
    }
    assert!(prefill(Some("AU")).ends_with(OWN_CONTACT_LINE));
}

#[test]
fn the_filled_in_lines_are_the_users_own_text_from_then_on() {
    let mut plan = new_copy(SLUG, "plan0001".into(), NOW, Some("NZ"));
    assert_eq!(plan.worksheet, SLUG);
    assert_eq!(plan.answer(LINES_FIELD), Some(prefill(Some("NZ")).as_str()));
    assert!(plan.answer(LINES_FIELD).unwrap().contains("1737, Need to talk?: call 1737 or text 1737"));
    // Edited like any answer and kept exactly as typed; a later country change does not touch it.
    let edited = format!("{}\nDr Rua: 09 000 0000  ", plan.answer(LINES_FIELD).unwrap());
    plan.set_answer(LINES_FIELD, edited.clone());
    let mut vault = Vault::new(MemoryStore::default(), Box::new(|| NOW.to_owned()));
    vault.save_record(&plan).unwrap();
    let (loaded, problems) = vault.load_records::<WorksheetEntry>();
    assert!(problems.is_empty());
    assert_eq!(loaded[0].answers[LINES_FIELD], edited);
    // Other worksheets start empty.
    let other = new_copy("setback-plan", "plan0002".into(), NOW, Some("NZ"));
    assert!(other.is_blank());
    assert_eq!(other, WorksheetEntry::new("plan0002".into(), "setback-plan", NOW));
}

#[test]
fn the_printout_numbers_the_steps_and_leaves_room_where_nothing_is_written() {
    let mut plan = new_copy(SLUG, "plan0001".into(), NOW, Some("GB"));
    plan.set_answer("signs", "Not sleeping\nSkipping meals  \n".into());
    plan.set_answer("distract-places", "The library".into());
    let steps = plan_steps(&plan);
    assert_eq!(steps.len(), 7);
    assert_eq!(steps[0].title, "1. My warning signs");
    assert_eq!(
        steps[0].answers,
        [("What tells you things are getting very hard?", Some("Not sleeping\nSkipping meals".into()))]
    );
    assert_eq!(steps[1].answers[0].1, None, "not written yet: room to write by hand");
    assert_eq!(steps[2].title, "3. People and places that take my mind off it");
    assert_eq!(steps[2].answers.len(), 2);
    assert_eq!(steps[2].answers[0].1, None);
    assert_eq!(steps[2].answers[1].1.as_deref(), Some("The library"));
    assert_eq!(steps[4].answers[0].1.as_deref(), Some(prefill(Some("GB")).as_str()));
    assert_eq!(steps[6].title, "7. My reasons to keep going");
    assert!(plan_steps(&WorksheetEntry::new("x".into(), "boundaries", NOW)).is_empty());
}

#[test]
fn backups_and_the_therapy_report_carry_the_plan_like_every_worksheet() {
    let mut plan = new_copy(SLUG, "plan0001".into(), NOW, Some("US"));
    plan.title = "My plan".into();
    plan.set_answer("reasons", "My daughter <3 and *the* sea".into());
    let mut vault = Vault::new(MemoryStore::default(), Box::new(|| NOW.to_owned()));
    vault.save_record(&plan).unwrap();
    let exported = export(vault.entries().unwrap().readable, NOW);
    let file: serde_json::Value = serde_json::from_str(&exported.text).unwrap();
    assert_eq!(file["counts"]["worksheets"], 1);
    let key = "trust-steps/worksheets/plan0001";
    assert_eq!(file["data"][key]["data"]["answers"]["reasons"], "My daughter <3 and *the* sea");
    let mut fresh = Vault::new(MemoryStore::default(), Box::new(|| NOW.to_owned()));
    let file_read = read_backup(exported.text.as_bytes()).unwrap();
    let import = backup::plan(&file_read, &fresh.entries().unwrap().readable, ImportMode::Merge);
    fresh.apply_all_or_nothing(&import.writes).unwrap();
    assert_eq!(fresh.load_records::<WorksheetEntry>().0, vec![plan.clone()]);

    let item = worksheet_item(&plan, None, None);
    assert_eq!(item.title, "Safety plan: My plan");
    assert!(item.parts.contains(&("Who can you call or text in a crisis?", Part::Text(prefill(Some("US"))))));
    assert!(item.parts.contains(&(
        "What matters to you and is worth staying safe for?",
        Part::Text("My daughter <3 and *the* sea".into())
    )));
    let sheets = [plan];
    let data = Snapshot { worksheets: sheets.to_vec(), ..Snapshot::default() };
    let entries = data.view();
    let ids: Vec<String> = section_items(Section::Worksheets, entries, None, None).into_iter().map(|i| i.id).collect();
    assert_eq!(ids, ["plan0001"]);
}

#[test]
fn the_lines_a_plan_starts_with_do_not_count_as_filled_in() {
    let def = worksheet_by_slug(SLUG).unwrap();
    for country in [None, Some("other"), Some("GB"), Some("DE"), Some("JP")] {
        let plan = new_copy(SLUG, "plan0001".into(), NOW, country);
        assert!(is_prefill(plan.answer(LINES_FIELD).unwrap()), "{country:?}");
        assert!(!lines_written(&plan));
        let done = def.completion(&plan);
        assert_eq!((done.answered, done.total), (0, 8), "nothing typed yet: {country:?}");
    }
    // A line added, or a word changed, makes it the user's own: it counts.
    let mut plan = new_copy(SLUG, "plan0001".into(), NOW, Some("GB"));
    plan.set_answer(LINES_FIELD, format!("{} Dr Khan 0161 000 0000", prefill(Some("GB"))));
    assert!(lines_written(&plan));
    assert_eq!(def.completion(&plan).answered, 1);
    plan.set_answer("signs", "Not sleeping".into());
    assert_eq!(def.completion(&plan).answered, 2);
    // Trailing spaces alone do not make it the user's; other worksheets count their text as always.
    assert!(is_prefill(&format!("{}  \n", prefill(None))));
    assert!(!is_prefill(""));
    assert!(!is_prefill("Emergency: call 999"));
}

#[test]
fn choosing_a_country_refills_an_untouched_plan_but_never_the_users_words() {
    let mut plan = new_copy(SLUG, "plan0001".into(), NOW, None);
    assert!(refill_for_country(&mut plan, Some("FR")));
    assert_eq!(plan.answer(LINES_FIELD), Some(prefill(Some("FR")).as_str()));
    assert!(plan.answer(LINES_FIELD).unwrap().contains("3919, Violences Femmes Info: call 3919"));
    assert!(!refill_for_country(&mut plan, Some("FR")), "already the lines for France");
    assert!(refill_for_country(&mut plan, None));
    assert_eq!(plan.answer(LINES_FIELD), Some(prefill(None).as_str()));
    let mine = format!("{}\nDr Martin: 01 00 00 00 00", prefill(Some("FR")));
    plan.set_answer(LINES_FIELD, mine.clone());
    assert!(!refill_for_country(&mut plan, Some("ES")));
    assert_eq!(plan.answer(LINES_FIELD), Some(mine.as_str()));
    plan.set_answer(LINES_FIELD, String::new());
    assert!(!refill_for_country(&mut plan, Some("ES")), "an emptied list stays as the user left it");
    let mut other = new_copy("setback-plan", "x0000001".into(), NOW, None);
    assert!(!refill_for_country(&mut other, Some("ES")));
    assert!(other.is_blank());
}
