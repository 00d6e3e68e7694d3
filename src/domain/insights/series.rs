//! Chart series: the points, bars and lines behind every Progress chart, over a window of days.

use super::{average, Bucket, Clock, Window};
use crate::domain::beliefs::Belief;
use crate::domain::calendar::Day;
use crate::domain::journal::{RecordStatus, ThoughtRecord};
use crate::domain::ladder::LadderStep;
use crate::domain::people::{Observation, Person, TrustPart};
use crate::domain::progress::LessonProgress;
use crate::domain::promises::Promise;
use crate::domain::stable_sort::sort_stable_by;
use crate::domain::traps::trap_by_slug;
use crate::domain::worksheets::WorksheetEntry;
use std::collections::BTreeMap;

/// One mark of a paired chart: a "before" and an "after" value for one label (a period or a part).
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The period's first day (YYYY-MM-DD) or the label of a category.
    pub label: String,
    /// The first value (before, predicted, gut).
    pub before: f64,
    /// The second value (after, happened, evidence); `None` when there is none.
    pub after: Option<f64>,
    /// How many entries the mark stands for.
    pub count: usize,
}

/// [`Pair`]s added up over every entry they stand for: how many entries, and the average `before` and `after`
/// with each pair counted [`Pair::count`] times (a missing `after` counts as 0; both are 0 with no entries).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairAverages {
    /// How many entries the pairs stand for.
    pub entries: usize,
    /// The average first value (before, predicted).
    pub before: f64,
    /// The average second value (after, happened).
    pub after: f64,
}

impl PairAverages {
    /// The averages of `pairs`, weighted by how many entries each stands for.
    pub fn of(pairs: &[Pair]) -> PairAverages {
        let entries: usize = pairs.iter().map(|p| p.count).sum();
        let before: f64 = pairs.iter().map(|p| p.before * p.count as f64).sum();
        let after: f64 = pairs.iter().map(|p| p.after.unwrap_or(0.0) * p.count as f64).sum();
        let d = entries.max(1) as f64;
        PairAverages { entries, before: before / d, after: after / d }
    }
}

/// One bar: a label and a value, with an optional second number for the table (e.g. check-ins made).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the bar stands for (a period's first day, or a name).
    pub label: String,
    /// Its height.
    pub value: f64,
    /// A second figure shown in the table (the period before, or the total it is a share of).
    pub other: Option<f64>,
}

/// One line of a line chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// What the line stands for.
    pub name: String,
    /// `(day, value)`, oldest first, one per day.
    pub points: Vec<(String, f64)>,
}

/// Groups `(day, value)` items into buckets over `window`, averaging pairs per bucket.
fn bucketed_pairs(items: Vec<(String, f64, Option<f64>)>, window: &Window) -> (Bucket, Vec<Pair>) {
    let first = window.from.clone().or_else(|| items.iter().map(|i| i.0.clone()).min()).unwrap_or_default();
    let bucket = Bucket::for_span(&first, &window.to);
    let mut groups: BTreeMap<String, (f64, f64, usize, usize)> = BTreeMap::new();
    for (day, before, after) in items {
        let Some(start) = bucket.start_of(&day) else { continue };
        let entry = groups.entry(start).or_default();
        entry.0 += before;
        entry.2 += 1;
        if let Some(after) = after {
            entry.1 += after;
            entry.3 += 1;
        }
    }
    let pairs = groups
        .into_iter()
        .map(|(label, (before, after, n, n_after))| Pair {
            label,
            before: average(before, n),
            after: (n_after > 0).then(|| average(after, n_after)),
            count: n,
        })
        .collect();
    (bucket, pairs)
}

/// Feelings before vs after, over time: per finished thought record in the window with re-rated feelings, the
/// average intensity before and after, averaged per day, week or month (see [`Bucket::for_span`]).
pub fn feelings_before_after(records: &[ThoughtRecord], window: &Window) -> (Bucket, Vec<Pair>) {
    let items = records
        .iter()
        .filter(|r| r.status == RecordStatus::Complete && window.contains(&r.happened_on))
        .filter_map(|r| {
            let rated: Vec<(f64, f64)> =
                r.feelings.iter().filter_map(|f| f.after.map(|a| (f64::from(f.before), f64::from(a)))).collect();
            (!rated.is_empty()).then(|| {
                let n = rated.len();
                let before = rated.iter().map(|p| p.0).sum::<f64>();
                let after = rated.iter().map(|p| p.1).sum::<f64>();
                (r.happened_on.clone(), average(before, n), Some(average(after, n)))
            })
        })
        .collect();
    bucketed_pairs(items, window)
}

/// A trap's name for charts: the catalogue's name, or the user's own words as they are.
pub fn trap_name(slug: &str) -> String {
    trap_by_slug(slug).map_or_else(|| slug.to_owned(), |t| t.name.to_owned())
}

/// Which thinking traps come up most in finished records of the window, most frequent first (ties by name), at
/// most `limit`. `other` holds the count in `previous` (the span before) when given, to show the change.
pub fn trap_frequency(records: &[ThoughtRecord], window: &Window, previous: Option<&Window>, limit: usize) -> Vec<Bar> {
    let count = |w: &Window| {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for r in records.iter().filter(|r| r.status == RecordStatus::Complete && w.contains(&r.happened_on)) {
            for trap in &r.traps {
                *counts.entry(trap.as_str()).or_insert(0) += 1;
            }
        }
        counts
    };
    let now = count(window);
    let before = previous.map(count);
    let mut bars: Vec<(&str, usize)> = now.into_iter().collect();
    sort_stable_by(&mut bars, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    bars.into_iter()
        .take(limit)
        .map(|(slug, n)| Bar {
            label: trap_name(slug),
            value: n as f64,
            other: before.as_ref().map(|b| b.get(slug).copied().unwrap_or(0) as f64),
        })
        .collect()
}

/// Belief strength over time: one line per belief rated in the window (ratings in the window, the day's last
/// rating per day), beliefs in the order they were written down.
pub fn belief_lines(beliefs: &[Belief], window: &Window, clock: &Clock) -> Vec<Line> {
    let mut sorted: Vec<&Belief> = beliefs.iter().collect();
    sort_stable_by(&mut sorted, |a, b| a.created_at.cmp(&b.created_at));
    sorted
        .into_iter()
        .filter_map(|belief| {
            let mut ratings: Vec<(&str, u8)> = belief.ratings.iter().map(|r| (r.at.as_str(), r.strength)).collect();
            sort_stable_by(&mut ratings, |a, b| a.0.cmp(b.0));
            let mut points: Vec<(String, f64)> = Vec::new();
            for (at, strength) in ratings {
                let Some(day) = clock.day_of(at).filter(|d| window.contains(d)) else { continue };
                match points.last_mut() {
                    Some((last, value)) if *last == day => *value = f64::from(strength),
                    _ => points.push((day, f64::from(strength))),
                }
            }
            (!points.is_empty()).then(|| Line { name: belief.statement.clone(), points })
        })
        .collect()
}

/// The people worth a chart in the window, busiest first: `(person, observations in the window)`, active people
/// with at least one observation or gut rating. Archived people are left out.
pub fn people_by_activity<'a>(
    people: &'a [Person],
    observations: &[Observation],
    window: &Window,
) -> Vec<(&'a Person, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for o in observations.iter().filter(|o| window.contains(&o.happened_on)) {
        *counts.entry(o.person_id.as_str()).or_insert(0) += 1;
    }
    let mut list: Vec<(&Person, usize)> = people
        .iter()
        .filter(|p| !p.archived)
        .map(|p| (p, counts.get(p.id.as_str()).copied().unwrap_or(0)))
        .filter(|(p, n)| *n > 0 || !p.gut.is_empty())
        .collect();
    sort_stable_by(&mut list, |a, b| b.1.cmp(&a.1).then_with(|| a.0.name.to_lowercase().cmp(&b.0.name.to_lowercase())));
    list
}

/// One person's five-part profile from the evidence logged in the window: per part, the latest gut rating
/// (`before`, 0 when never rated) beside what that evidence supports (`after`), in [`TrustPart::ALL`] order.
pub fn person_gut_vs_evidence(person: &Person, observations: &[Observation], window: &Window) -> Vec<Pair> {
    let theirs: Vec<Observation> =
        observations.iter().filter(|o| o.person_id == person.id && window.contains(&o.happened_on)).cloned().collect();
    crate::domain::people::profile(person, &theirs)
        .into_iter()
        .map(|p| Pair {
            label: p.part.label().to_owned(),
            before: f64::from(p.gut.unwrap_or(0)),
            after: p.evidence.map(f64::from),
            count: p.evidence_count,
        })
        .collect()
}

/// How the evidence for each part of one person's trust moved: per part, the running evidence score after each
/// day with an observation (everything logged up to that day counts), only days inside the window shown.
pub fn person_trend(person: &Person, observations: &[Observation], window: &Window) -> Vec<Line> {
    let theirs: Vec<Observation> = observations.iter().filter(|o| o.person_id == person.id).cloned().collect();
    TrustPart::ALL
        .into_iter()
        .filter_map(|part| {
            let points: Vec<(String, f64)> = crate::domain::people::evidence_trend(&theirs, part)
                .into_iter()
                .filter(|(day, _)| window.contains(day))
                .map(|(day, score)| (day, f64::from(score)))
                .collect();
            (!points.is_empty()).then(|| Line { name: part.label().to_owned(), points })
        })
        .collect()
}

/// Promises kept per week in the window: one bar per week with a check-in (`value` kept, `other` checked in).
pub fn promises_per_week(promises: &[Promise], window: &Window) -> Vec<Bar> {
    let mut weeks: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for c in promises.iter().flat_map(|p| &p.checkins).filter(|c| window.contains(&c.day)) {
        let Some(week) = Day::parse(&c.day).map(|day| day.week_start().to_string()) else { continue };
        let entry = weeks.entry(week).or_default();
        entry.0 += usize::from(c.kept);
        entry.1 += 1;
    }
    weeks.into_iter().map(|(label, (kept, all))| Bar { label, value: kept as f64, other: Some(all as f64) }).collect()
}

/// The worksheet whose check-ins are the "keeping trust alive" habits.
pub const HABITS_WORKSHEET: &str = "keeping-trust";

/// The day of every habit check-in, over every copy of the habits worksheet.
pub fn habit_days(worksheets: &[WorksheetEntry]) -> Vec<String> {
    worksheets
        .iter()
        .filter(|w| w.worksheet == HABITS_WORKSHEET)
        .flat_map(|w| w.checkins.iter().map(|c| c.day.clone()))
        .collect()
}

/// Habit check-ins per week in the window: one bar per week with a check-in.
pub fn habits_per_week(habit_days: &[String], window: &Window) -> Vec<Bar> {
    let mut weeks: BTreeMap<String, usize> = BTreeMap::new();
    for day in habit_days.iter().filter(|d| window.contains(d)) {
        if let Some(week) = Day::parse(day).map(|day| day.week_start().to_string()) {
            *weeks.entry(week).or_insert(0) += 1;
        }
    }
    weeks.into_iter().map(|(label, n)| Bar { label, value: n as f64, other: None }).collect()
}

/// Ladder experiments, feared vs what happened: per period (by the day the "after" was filled in), the average
/// likelihood predicted beforehand (%) beside the share (%) in which the feared outcome came true. Only done
/// experiments whose outcome was answered count.
pub fn ladder_feared_vs_happened(steps: &[LadderStep], window: &Window, clock: &Clock) -> (Bucket, Vec<Pair>) {
    let items = steps
        .iter()
        .flat_map(|s| &s.experiments)
        .filter_map(|e| {
            let day = clock.day_of(e.done_at.as_deref()?)?;
            let came_true = e.fear_came_true?;
            window
                .contains(&day)
                .then(|| (day, f64::from(e.fear_likelihood.min(100)), Some(if came_true { 100.0 } else { 0.0 })))
        })
        .collect();
    bucketed_pairs(items, window)
}

/// Course progress: lessons done so far, as a running total — the count done before the window at its first
/// day, a point after each day a lesson was finished in it, and the total again today — so the line always spans
/// the window. Empty until a lesson is done. Lessons marked not done again do not count.
pub fn course_progress(progress: &LessonProgress, window: &Window, clock: &Clock) -> Line {
    let mut days: Vec<String> = progress.lessons.values().filter_map(|l| clock.day_of(l.done_at.as_deref()?)).collect();
    days.sort();
    let mut points: Vec<(String, f64)> = Vec::new();
    let before = days.iter().filter(|d| window.from.as_deref().is_some_and(|f| d.as_str() < f)).count();
    if let (Some(from), true) = (&window.from, before > 0) {
        points.push((from.clone(), before as f64));
    }
    let mut total = before;
    for day in days.into_iter().filter(|d| window.contains(d)) {
        total += 1;
        match points.last_mut() {
            Some((last, value)) if *last == day => *value = total as f64,
            _ => points.push((day, total as f64)),
        }
    }
    if total > 0 && points.last().is_some_and(|(day, _)| *day != window.to) {
        points.push((window.to.clone(), total as f64));
    }
    Line { name: "Lessons done".to_owned(), points }
}
