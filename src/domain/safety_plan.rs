//! The safety plan (Stanley & Brown's safety-planning steps): the lines a new copy starts with for the user's
//! country, and the plan as numbered steps for its one-page printout. What it asks is in `worksheet_defs`.

use super::helplines::{
    emergency_for, how_to_reach, own_lines, Helpline, LineKind, COUNTRIES, DIRECTORY, OTHER_COUNTRY,
};
use super::worksheet_defs::worksheet_by_slug;
use super::worksheets::{FieldKind, WorksheetEntry};

/// The worksheet's slug (`/practice/safety-plan`).
pub const SLUG: &str = "safety-plan";

/// The field holding "professionals and crisis lines", filled in for the user's country when a copy starts.
pub const LINES_FIELD: &str = "lines";

/// The field "What can you do to make things safer?", under which the plan points to the domestic-abuse lines.
pub const SAFER_FIELD: &str = "safer";

/// The last line of the filled-in list, left for the user to complete.
pub const OWN_CONTACT_LINE: &str = "My doctor or therapist:";

fn line_text(line: &Helpline) -> String {
    format!("{}: {}", line.name, how_to_reach(line))
}

/// The lines a new safety plan starts with, one per row, for `country` (a stored code or `None`): its
/// emergency number, its crisis and domestic-abuse lines, the findahelpline.com directory when it has no
/// crisis line of its own, and a row for the user's own doctor or therapist. Plain text: the user's to change.
pub fn prefill(country: Option<&str>) -> String {
    let mut rows = Vec::new();
    rows.push(match emergency_for(country) {
        Some(line) => format!("Emergency: {}", how_to_reach(line)),
        None => "Emergency: call your local emergency number".to_owned(),
    });
    let crisis = own_lines(country, LineKind::Crisis);
    if crisis.is_empty() {
        rows.push(format!("A crisis line: look one up at {DIRECTORY}"));
    }
    rows.extend(crisis.into_iter().map(line_text));
    rows.extend(own_lines(country, LineKind::DomesticAbuse).into_iter().map(line_text));
    rows.push(OWN_CONTACT_LINE.to_owned());
    rows.join("\n")
}

/// True when `text` is exactly what a new plan starts with for some country (or none), untouched by the user:
/// it does not count as filled in, and a change of country may replace it. Trailing spaces are ignored.
pub fn is_prefill(text: &str) -> bool {
    let text = text.trim_end();
    [None, Some(OTHER_COUNTRY)]
        .into_iter()
        .chain(COUNTRIES.iter().map(|c| Some(c.code)))
        .any(|country| prefill(country) == text)
}

/// True when the lines field of a safety plan holds the user's own words (not empty, not an untouched
/// [`prefill`]). Only these count towards "filled in".
pub fn lines_written(entry: &WorksheetEntry) -> bool {
    entry.answer(LINES_FIELD).is_some_and(|text| !is_prefill(text))
}

/// After the user picks a country: a safety plan whose lines are still the untouched pre-fill gets the lines
/// for `country` instead. The user's own words are never replaced. True when something changed.
pub fn refill_for_country(entry: &mut WorksheetEntry, country: Option<&str>) -> bool {
    let fresh = prefill(country);
    let untouched = entry.answer(LINES_FIELD).is_some_and(is_prefill);
    if entry.worksheet != SLUG || !untouched || entry.answer(LINES_FIELD) == Some(fresh.as_str()) {
        return false;
    }
    entry.set_answer(LINES_FIELD, fresh);
    true
}

/// A new copy of the worksheet `slug`: empty, except that a safety plan starts with [`prefill`] for `country`
/// in its lines field. Nothing is stored until the user changes something.
pub fn new_copy(slug: &str, id: String, now: &str, country: Option<&str>) -> WorksheetEntry {
    let mut entry = WorksheetEntry::new(id, slug, now);
    if slug == SLUG {
        entry.set_answer(LINES_FIELD, prefill(country));
    }
    entry
}

/// One step of a printed plan: its numbered title and each question's answer (`None` when not written yet,
/// so the printout leaves room to write by hand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanStep {
    /// "1. My warning signs".
    pub title: String,
    /// The question (shown when a step asks more than one) and the answer as typed.
    pub answers: Vec<(&'static str, Option<String>)>,
}

/// The plan as numbered steps in the worksheet's order, for printing. Empty for an entry that is not a safety
/// plan.
pub fn plan_steps(entry: &WorksheetEntry) -> Vec<PlanStep> {
    let Some(def) = worksheet_by_slug(SLUG).filter(|_| entry.worksheet == SLUG) else {
        return Vec::new();
    };
    def.sections
        .iter()
        .filter(|s| s.fields.iter().any(|f| matches!(f.kind, FieldKind::Text | FieldKind::Line)))
        .enumerate()
        .map(|(i, section)| PlanStep {
            title: format!("{}. {}", i + 1, section.title),
            answers: section
                .fields
                .iter()
                .filter(|f| matches!(f.kind, FieldKind::Text | FieldKind::Line))
                .map(|f| (f.label, entry.answer(f.key).map(|a| a.trim_end().to_owned())))
                .collect(),
        })
        .collect()
}
