//! Readable copies of the user's entries: the same items feed the Markdown download and the printable
//! "bring to therapy" report, so both always say the same thing.

use super::collection_table::UserData;
use super::exercise_catalog::exercise_by_slug;
use super::journal::{RecordStatus, SAFETY_QUESTIONS};
use super::message::{compose, is_complete, MessageParts, MessageStyle};
use super::people::Observation;
use super::promises::Promise;
use super::traps::trap_by_slug;
use super::worksheet_defs::worksheet_by_slug;
use super::worksheets::{fill_template, FieldKind, WorksheetDef, WorksheetEntry, HABITS, HABIT_RATINGS};
use super::{Belief, ThoughtRecord, TriggerEntry};
use crate::domain::people::Person;
use crate::domain::repair_safety::QUESTION as SAFETY_QUESTION;
use crate::domain::stable_sort::sort_stable_by;

/// A part of a readable export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    /// Thought records.
    ThoughtRecords,
    /// Core beliefs.
    Beliefs,
    /// The trigger log.
    Triggers,
    /// Worksheets of the Practice hub (preparing for therapy, boundaries, …), each copy with its answers.
    Worksheets,
    /// Promises to myself with their check-ins.
    Promises,
    /// People with their observations.
    People,
}

impl Section {
    /// Every section, in export order.
    pub const ALL: [Section; 6] = [
        Section::ThoughtRecords,
        Section::Beliefs,
        Section::Triggers,
        Section::Worksheets,
        Section::Promises,
        Section::People,
    ];

    /// Its heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::ThoughtRecords => "Thought records",
            Section::Beliefs => "Core beliefs",
            Section::Triggers => "Trigger log",
            Section::Worksheets => "Worksheets",
            Section::Promises => "Promises to myself",
            Section::People => "People and what I noticed",
        }
    }
}

/// One entry made readable: a heading, its day and labelled parts (empty parts left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportItem {
    /// The record's id (for picking it in the report).
    pub id: String,
    /// The day it is about (YYYY-MM-DD).
    pub day: String,
    /// A one-line heading in the user's words.
    pub title: String,
    /// Label and text, in reading order.
    pub parts: Vec<(&'static str, Part)>,
}

/// The text of one labelled part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// The user's words (may have line breaks).
    Text(String),
    /// A list of short lines (evidence notes, check-ins, observations).
    List(Vec<String>),
}

fn day_of(day: &str, time: &str) -> String {
    if day.is_empty() { time.get(..10).unwrap_or(time) } else { day }.to_owned()
}

fn first_line(text: &str, fallback: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(fallback);
    let mut short: String = line.chars().take(80).collect();
    if short.len() < line.len() {
        short.push('…');
    }
    short
}

fn push(parts: &mut Vec<(&'static str, Part)>, label: &'static str, text: &str) {
    if !text.trim().is_empty() {
        parts.push((label, Part::Text(text.trim().to_owned())));
    }
}

fn push_list(parts: &mut Vec<(&'static str, Part)>, label: &'static str, lines: Vec<String>) {
    if !lines.is_empty() {
        parts.push((label, Part::List(lines)));
    }
}

/// A thought record, readable.
pub fn thought_record_item(record: &ThoughtRecord) -> ReportItem {
    let mut parts = Vec::new();
    if record.status == RecordStatus::Draft {
        parts.push(("Status", Part::Text("Draft (not finished)".to_owned())));
    }
    push(&mut parts, "What happened", &record.situation);
    push(&mut parts, "The thought", &record.thought);
    let feelings: Vec<String> = record
        .feelings
        .iter()
        .map(|f| match f.after {
            Some(after) => format!("{} {} → {}", f.name, f.before, after),
            None => format!("{} {}", f.name, f.before),
        })
        .collect();
    push(&mut parts, "Feelings (0–100, before → after)", &feelings.join("; "));
    let traps: Vec<&str> =
        record.traps.iter().map(|slug| trap_by_slug(slug).map_or(slug.as_str(), |t| t.name)).collect();
    push(&mut parts, "Thinking traps", &traps.join(", "));
    // A record that reads as danger asked about what happened and support, not about weighing the thought.
    let headings = if record.danger().is_some() {
        SAFETY_QUESTIONS.map(|q| q.heading)
    } else {
        ["Evidence for the thought", "Evidence against it", "Other explanations", "Balanced thought"]
    };
    let answers = [&record.evidence_for, &record.evidence_against, &record.alternatives, &record.balanced];
    for (heading, answer) in headings.into_iter().zip(answers) {
        push(&mut parts, heading, answer);
    }
    ReportItem {
        id: record.id.clone(),
        day: day_of(&record.happened_on, &record.created_at),
        title: first_line(&record.situation, "Thought record"),
        parts,
    }
}

/// A core belief, readable.
pub fn belief_item(belief: &Belief) -> ReportItem {
    let mut parts = Vec::new();
    let strengths: Vec<String> =
        belief.ratings.iter().map(|r| format!("{} ({})", r.strength, day_of("", &r.at))).collect();
    push(&mut parts, "How true it felt (0–100)", &strengths.join(" → "));
    let notes = |notes: &[super::beliefs::EvidenceNote]| notes.iter().map(|n| n.text.trim().to_owned()).collect();
    push_list(&mut parts, "Evidence for it", notes(&belief.evidence_for));
    push_list(&mut parts, "Evidence against it", notes(&belief.evidence_against));
    push(&mut parts, "A more balanced belief", &belief.reframed);
    ReportItem {
        id: belief.id.clone(),
        day: day_of("", &belief.updated_at),
        title: first_line(&belief.statement, "Belief"),
        parts,
    }
}

/// A trigger-log entry, readable.
pub fn trigger_item(entry: &TriggerEntry) -> ReportItem {
    let mut parts = Vec::new();
    push(&mut parts, "What set it off", &entry.trigger);
    push(&mut parts, "What I felt", &entry.felt);
    push(&mut parts, "What I did", &entry.did);
    push(&mut parts, "Next time I'd like to", &entry.next_time);
    ReportItem {
        id: entry.id.clone(),
        day: day_of(&entry.happened_on, &entry.created_at),
        title: first_line(&entry.trigger, "Trigger"),
        parts,
    }
}

/// A promise with its check-ins in `[from, to]`, readable.
pub fn promise_item(promise: &Promise, from: Option<&str>, to: Option<&str>) -> ReportItem {
    let mut parts = vec![("How often", Part::Text(promise.recurrence.label().to_owned()))];
    let checkins: Vec<String> = promise
        .checkins
        .iter()
        .filter(|c| in_range(&c.day, from, to))
        .map(|c| {
            let note = if c.note.trim().is_empty() { String::new() } else { format!(" — {}", c.note.trim()) };
            format!("{}: {}{note}", c.day, if c.kept { "kept" } else { "missed" })
        })
        .collect();
    push_list(&mut parts, "Check-ins", checkins);
    ReportItem {
        id: promise.id.clone(),
        day: day_of(&promise.start_day, &promise.created_at),
        title: first_line(&promise.text, "Promise"),
        parts,
    }
}

/// A person with their observations in `[from, to]`, readable.
pub fn person_item(person: &Person, observations: &[Observation], from: Option<&str>, to: Option<&str>) -> ReportItem {
    let mut seen: Vec<&Observation> =
        observations.iter().filter(|o| o.person_id == person.id && in_range(&o.happened_on, from, to)).collect();
    sort_stable_by(&mut seen, |a, b| a.happened_on.cmp(&b.happened_on));
    let lines: Vec<String> = seen
        .iter()
        .map(|o| format!("{}: {} ({}, {})", o.happened_on, o.what.trim(), o.part.label(), o.direction.label()))
        .collect();
    let mut parts = vec![("Who they are to me", Part::Text(person.relationship.label().to_owned()))];
    if let Some(answer) = person.safety {
        push(&mut parts, SAFETY_QUESTION, answer.label());
    }
    push_list(&mut parts, "What I noticed", lines);
    ReportItem { id: person.id.clone(), day: day_of("", &person.created_at), title: person.name.clone(), parts }
}

/// A worksheet copy with its answers, readable: the safety answer, then every part that applies by its choices
/// (parts set aside for safety included), in the editor's order, with the user's words as typed; check-ins only
/// those in `[from, to]`. Unanswered questions are left out.
pub fn worksheet_item(entry: &WorksheetEntry, from: Option<&str>, to: Option<&str>) -> ReportItem {
    let name = exercise_by_slug(&entry.worksheet).map_or(entry.worksheet.as_str(), |e| e.title);
    let mut parts = vec![("Status", Part::Text(if entry.is_done() { "Done" } else { "In progress" }.to_owned()))];
    match worksheet_by_slug(&entry.worksheet) {
        Some(def) => worksheet_parts(def, entry, from, to, &mut parts),
        // A worksheet this version does not know (written by a newer one): its answers as they are.
        None => push_list(
            &mut parts,
            "Answers",
            entry
                .answers
                .iter()
                .filter(|(_, a)| !a.trim().is_empty())
                .map(|(key, answer)| format!("{key}: {}", answer.trim()))
                .collect(),
        ),
    }
    ReportItem {
        id: entry.id.clone(),
        day: day_of("", &entry.updated_at),
        title: format!("{name}: {}", first_line(&entry.title, "Untitled")),
        parts,
    }
}

/// The answered parts of a known worksheet, in the order the editor shows them.
fn worksheet_parts(
    def: &WorksheetDef,
    entry: &WorksheetEntry,
    from: Option<&str>,
    to: Option<&str>,
    parts: &mut Vec<(&'static str, Part)>,
) {
    let dated = |key: &str| -> Vec<String> {
        entry.notes.get(key).map_or_else(Vec::new, |notes| {
            notes
                .iter()
                .filter(|n| !n.text.trim().is_empty())
                .map(|n| format!("{}: {}", day_of("", &n.at), n.text.trim()))
                .collect()
        })
    };
    // The safety question comes first, as in the editor. The parts it sets aside are still written out: a copy
    // for the user (or their therapist) holds everything they wrote.
    if let (Some(check), Some(answer)) = (def.safety, entry.safety) {
        push(parts, check.question, answer.label());
    }
    for section in def.sections.iter().filter(|s| def.section_applies(s, entry)) {
        // Ticked steps without notes are listed together under the part's title, where the first one is.
        let mut ticked: Option<(usize, Vec<String>)> = None;
        for field in section.fields {
            match field.kind {
                FieldKind::Line | FieldKind::Text => push(parts, field.label, entry.answer(field.key).unwrap_or("")),
                FieldKind::Choice { .. } => {
                    if let Some(answer) = def.answer_or_default(field.key, entry) {
                        push(parts, field.label, def.choice_label(field.key, answer));
                    }
                }
                FieldKind::Step { .. } => {
                    let day = entry.ticked.get(field.key);
                    let notes = dated(field.key);
                    if notes.is_empty() {
                        if let Some(day) = day {
                            let line = format!("{} (ticked {day})", field.label);
                            ticked.get_or_insert_with(|| (parts.len(), Vec::new())).1.push(line);
                        }
                    } else {
                        let lines = day.map(|d| format!("Ticked {d}")).into_iter().chain(notes).collect();
                        push_list(parts, field.label, lines);
                    }
                }
                FieldKind::Log => push_list(parts, field.label, dated(field.key)),
                FieldKind::Message => message_parts(entry, parts),
                FieldKind::HabitCheckIns => push_list(parts, "Check-ins", checkin_lines(entry, from, to)),
            }
        }
        if let Some((at, lines)) = ticked {
            parts.insert(at, (section.title, Part::List(lines)));
        }
        if let Some(template) = section.template {
            if section.fields.iter().any(|f| entry.answer(f.key).is_some()) {
                push(parts, "Put together", &fill_template(template, def, entry));
            }
        }
    }
}

/// The message builder's four parts and, once all are written, the composed message.
fn message_parts(entry: &WorksheetEntry, parts: &mut Vec<(&'static str, Part)>) {
    let answer = |key: &str| entry.answer(key).unwrap_or("");
    let message = MessageParts {
        observation: answer("observation"),
        feeling: answer("feeling"),
        need: answer("need"),
        request: answer("request"),
    };
    push(parts, "What happened", message.observation);
    push(parts, "How I feel", message.feeling);
    push(parts, "What I need", message.need);
    push(parts, "What I am asking for", message.request);
    if is_complete(message) {
        push(parts, "The message", &compose(message, MessageStyle::from_answer(entry.answer("style"))));
    }
}

/// One line per habit check-in in `[from, to]`: the day, each habit's answer and the note.
fn checkin_lines(entry: &WorksheetEntry, from: Option<&str>, to: Option<&str>) -> Vec<String> {
    entry
        .checkins
        .iter()
        .filter(|c| in_range(&c.day, from, to))
        .map(|c| {
            let answers: Vec<String> = HABITS
                .iter()
                .map(|(key, name, _)| {
                    let rating = c.ratings.get(*key).and_then(|r| HABIT_RATINGS.get(usize::from(*r)));
                    format!("{name} {}", rating.map_or("–".to_owned(), |r| r.to_lowercase()))
                })
                .collect();
            let note = if c.note.trim().is_empty() { String::new() } else { format!(" — {}", c.note.trim()) };
            format!("{}: {}{note}", c.day, answers.join(", "))
        })
        .collect()
}

/// True when `day` (YYYY-MM-DD…) is within the optional inclusive range.
pub fn in_range(day: &str, from: Option<&str>, to: Option<&str>) -> bool {
    let day = day.get(..10).unwrap_or(day);
    from.is_none_or(|f| f.is_empty() || day >= f) && to.is_none_or(|t| t.is_empty() || day <= t)
}

/// Escapes what Markdown would read as formatting, so the user's words come out as written.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let starts_block = trimmed.starts_with(['#', '>', '+', '='])
            || trimmed.starts_with("- ")
            || trimmed.starts_with("---")
            || trimmed.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if starts_block {
            out.push('\\');
        }
        for c in line.chars() {
            if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// The Markdown file: a title, when and what it covers, then each section's items (user text escaped).
pub fn markdown(
    generated_on: &str,
    from: Option<&str>,
    to: Option<&str>,
    sections: &[(Section, Vec<ReportItem>)],
) -> String {
    let mut out = String::from("# Trust Steps — my entries\n\n");
    let range = match (from.filter(|f| !f.is_empty()), to.filter(|t| !t.is_empty())) {
        (Some(f), Some(t)) => format!("from {f} to {t}"),
        (Some(f), None) => format!("from {f} on"),
        (None, Some(t)) => format!("up to {t}"),
        (None, None) => "all dates".to_owned(),
    };
    out.push_str(&format!("Written on {generated_on}; covers {range}.\n"));
    push_sections(&mut out, sections);
    out
}

/// The therapy report as Markdown: the same title and entries as its print view, only the sections given
/// (the caller passes those with something picked).
pub fn report_markdown(prepared_on: &str, sections: &[(Section, Vec<ReportItem>)]) -> String {
    let mut out = String::from("# Notes to bring to my session\n\n");
    out.push_str(&format!("Prepared on {prepared_on}.\n"));
    push_sections(&mut out, sections);
    out
}

/// Each section's heading and items, user text escaped.
fn push_sections(out: &mut String, sections: &[(Section, Vec<ReportItem>)]) {
    for (section, items) in sections {
        out.push_str(&format!("\n## {} ({})\n", section.title(), items.len()));
        if items.is_empty() {
            out.push_str("\nNothing in this range.\n");
        }
        for item in items {
            out.push_str(&format!("\n### {} — {}\n", item.day, escape_markdown(&item.title)));
            for (label, part) in &item.parts {
                match part {
                    Part::List(lines) => {
                        out.push_str(&format!("\n**{label}:**\n\n"));
                        for line in lines {
                            out.push_str(&format!("- {}\n", escape_markdown(line).replace('\n', " ")));
                        }
                    }
                    Part::Text(text) => {
                        out.push_str(&format!("\n**{label}:** {}\n", escape_markdown(text).replace('\n', "  \n")));
                    }
                }
            }
        }
    }
}

/// One section's items in `[from, to]`, newest first. Beliefs, promises and people are in range when they
/// were changed (beliefs, worksheets) or have anything in it (check-ins, observations); empty thought records
/// and worksheets are left out.
pub fn section_items(section: Section, entries: UserData<'_>, from: Option<&str>, to: Option<&str>) -> Vec<ReportItem> {
    let mut items: Vec<ReportItem> = match section {
        Section::ThoughtRecords => entries
            .journal
            .iter()
            .map(thought_record_item)
            .filter(|i| in_range(&i.day, from, to) && i.parts.iter().any(|(l, _)| *l != "Status"))
            .collect(),
        Section::Beliefs => {
            entries.beliefs.iter().filter(|b| in_range(&b.updated_at, from, to)).map(belief_item).collect()
        }
        Section::Triggers => entries.triggers.iter().map(trigger_item).filter(|i| in_range(&i.day, from, to)).collect(),
        Section::Worksheets => entries
            .worksheets
            .iter()
            .filter(|w| !w.is_blank() && in_range(&w.updated_at, from, to))
            .map(|w| worksheet_item(w, from, to))
            .collect(),
        Section::Promises => entries
            .promises
            .iter()
            .map(|p| promise_item(p, from, to))
            .filter(|i| i.parts.len() > 1 || in_range(&i.day, from, to))
            .collect(),
        Section::People => entries
            .people
            .iter()
            .map(|p| person_item(p, entries.observations, from, to))
            .filter(|i| i.parts.len() > 1)
            .collect(),
    };
    sort_stable_by(&mut items, |a, b| b.day.cmp(&a.day));
    items
}
