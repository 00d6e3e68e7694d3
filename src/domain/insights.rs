//! What Today and Progress show from everything recorded: the date ranges, the active-day streak, the week in
//! words, and the series behind every chart. Pure functions over plain slices, so each is tested natively.

use super::beliefs::Belief;
use super::journal::{RecordStatus, ThoughtRecord};
use super::ladder::LadderStep;
use super::people::{Direction, Observation, Person, TrustPart};
use super::progress::LessonProgress;
use super::promises::{add_days, day_from_number, day_number, week_start, Promise};
use super::traps::trap_by_slug;
use super::words::count_of;
use super::worksheets::WorksheetEntry;
use crate::domain::order::sort_stable_by;
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------------------------------------------------------
// Days and ranges
// ---------------------------------------------------------------------------------------------------------------

/// "Now" as the user sees it: today's local day and the offset of local time from UTC, so stored UTC times
/// (`2026-03-01T23:30:00Z`) fall on the user's own day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    /// Today, YYYY-MM-DD, in the user's time zone.
    pub today: String,
    /// Minutes to add to UTC to get local time (east of Greenwich is positive; JS `-getTimezoneOffset()`).
    pub offset_minutes: i64,
}

impl Clock {
    /// A clock at `today` in UTC (tests, and a fallback).
    pub fn utc(today: &str) -> Self {
        Clock { today: today.to_owned(), offset_minutes: 0 }
    }

    /// The local day of a stored time (UTC ISO 8601) or a day (YYYY-MM-DD, returned as it is).
    pub fn day_of(&self, day_or_time: &str) -> Option<String> {
        let day = day_or_time.get(0..10)?;
        let number = day_number(day)?;
        if day_or_time.len() == 10 || self.offset_minutes == 0 {
            return Some(day.to_owned());
        }
        let hours: i64 = day_or_time.get(11..13)?.parse().ok()?;
        let minutes: i64 = day_or_time.get(14..16)?.parse().ok()?;
        let local = hours * 60 + minutes + self.offset_minutes;
        Some(day_from_number(number + local.div_euclid(24 * 60)))
    }
}

/// How far back the Progress charts look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateRange {
    /// The last 28 days.
    #[default]
    FourWeeks,
    /// The last 91 days (13 weeks).
    ThreeMonths,
    /// The last 365 days.
    Year,
    /// Everything ever recorded.
    All,
}

impl DateRange {
    /// Every range, as the selector offers them.
    pub const ALL: [DateRange; 4] = [DateRange::FourWeeks, DateRange::ThreeMonths, DateRange::Year, DateRange::All];

    /// What the selector calls it: short, to fit a segmented control on a phone (its legend says "Period").
    pub fn label(self) -> &'static str {
        match self {
            DateRange::FourWeeks => "4 weeks",
            DateRange::ThreeMonths => "3 months",
            DateRange::Year => "12 months",
            DateRange::All => "All time",
        }
    }

    /// How many days it spans, ending today; `None` for all time.
    pub fn days(self) -> Option<i64> {
        match self {
            DateRange::FourWeeks => Some(28),
            DateRange::ThreeMonths => Some(91),
            DateRange::Year => Some(365),
            DateRange::All => None,
        }
    }

    /// The first day inside the range; `None` for all time.
    pub fn first_day(self, today: &str) -> Option<String> {
        add_days(today, -(self.days()? - 1))
    }

    /// The span before this one of the same length (`from`, `to`), for "how that changes"; `None` for all time.
    pub fn previous(self, today: &str) -> Option<(String, String)> {
        let days = self.days()?;
        Some((add_days(today, -(2 * days - 1))?, add_days(today, -days)?))
    }
}

/// The days a chart covers: from `from` (inclusive; `None` = no lower bound) up to and including `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// First day, or `None` for "from the beginning".
    pub from: Option<String>,
    /// Last day (today).
    pub to: String,
}

impl Window {
    /// The window of a range ending today.
    pub fn of(range: DateRange, today: &str) -> Self {
        Window { from: range.first_day(today), to: today.to_owned() }
    }

    /// True when `day` (YYYY-MM-DD) is inside.
    pub fn contains(&self, day: &str) -> bool {
        self.from.as_deref().is_none_or(|f| day >= f) && day <= self.to.as_str()
    }
}

/// How points are grouped so a chart never has more marks than it can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// One mark per day.
    Day,
    /// One mark per week (Monday to Sunday).
    Week,
    /// One mark per calendar month.
    Month,
}

impl Bucket {
    /// The grouping for a span of days: days up to five weeks, weeks up to two years, months beyond.
    pub fn for_span(first: &str, last: &str) -> Bucket {
        let span = match (day_number(first), day_number(last)) {
            (Some(a), Some(b)) => b - a,
            _ => 0,
        };
        if span <= 35 {
            Bucket::Day
        } else if span <= 730 {
            Bucket::Week
        } else {
            Bucket::Month
        }
    }

    /// The first day of the bucket that holds `day`.
    pub fn start_of(self, day: &str) -> Option<String> {
        match self {
            Bucket::Day => day_number(day).map(|_| day.to_owned()),
            Bucket::Week => week_start(day),
            Bucket::Month => day_number(day).and_then(|_| day.get(0..8)).map(|ym| format!("{ym}01")),
        }
    }

    /// What several buckets are called in a sentence: "days", "weeks", "months".
    pub fn plural(self) -> &'static str {
        match self {
            Bucket::Day => "days",
            Bucket::Week => "weeks",
            Bucket::Month => "months",
        }
    }

    /// How a bucket is named in a table heading.
    pub fn noun(self) -> &'static str {
        match self {
            Bucket::Day => "Day",
            Bucket::Week => "Week of",
            Bucket::Month => "Month of",
        }
    }
}

fn average(sum: f64, count: usize) -> f64 {
    if count == 0 {
        0.0
    } else {
        sum / count as f64
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Activity: streak and the week in words
// ---------------------------------------------------------------------------------------------------------------

pub use super::collections::UserData;

impl<'a> UserData<'a> {
    /// Moments the user did something that the charts do not show (trigger log, trap practice, self-assessments,
    /// worksheets with something written), as stored times.
    pub fn other_activity(&self) -> impl Iterator<Item = &'a str> {
        let worksheets = self.worksheets.iter().filter(|w| !w.is_blank());
        (self.triggers.iter().map(|t| t.created_at.as_str()))
            .chain(self.trap_practice.attempts.iter().map(|a| a.at.as_str()))
            .chain(self.assessments.iter().map(|r| r.created_at.as_str()))
            .chain(worksheets.flat_map(|w| [w.created_at.as_str(), w.updated_at.as_str()]))
    }

    /// The day (YYYY-MM-DD) of every "keeping trust alive" habit check-in, one per check-in.
    pub fn habit_days(&self) -> impl Iterator<Item = &'a str> {
        let habits = self.worksheets.iter().filter(|w| w.worksheet == HABITS_WORKSHEET);
        habits.flat_map(|w| w.checkins.iter().map(|c| c.day.as_str()))
    }
}

/// Every local day on which the user recorded something.
pub fn active_days(data: &UserData, clock: &Clock) -> BTreeSet<String> {
    active_days_in(data, clock, &Window { from: None, to: clock.today.clone() })
}

/// The local days inside `window` on which the user recorded something. Stored times more than a day before the
/// window are skipped before they are read, so a short window over a long history stays cheap.
pub fn active_days_in(data: &UserData, clock: &Clock, window: &Window) -> BTreeSet<String> {
    // A UTC date is at most one day from the local one, so comparing the text's date with the day before the
    // window's first day keeps everything that can fall inside it.
    let earliest = window.from.as_deref().and_then(|f| add_days(f, -1));
    let mut times: Vec<&str> = Vec::new();
    times.extend(data.journal.iter().filter(|r| !r.is_blank()).flat_map(|r| [r.created_at.as_str(), &r.updated_at]));
    for belief in data.beliefs {
        times.extend(belief.ratings.iter().map(|r| r.at.as_str()));
        times.extend(belief.evidence_for.iter().chain(&belief.evidence_against).map(|e| e.at.as_str()));
    }
    times.extend(data.people.iter().flat_map(|p| p.gut.iter().map(|g| g.at.as_str())));
    times.extend(data.observations.iter().map(|o| o.created_at.as_str()));
    for experiment in data.ladder.iter().flat_map(|s| &s.experiments) {
        times.push(&experiment.planned_at);
        times.extend(experiment.done_at.as_deref());
    }
    times.extend(data.promises.iter().flat_map(|p| p.checkins.iter().map(|c| c.at.as_str())));
    for lesson in data.progress.lessons.values() {
        times.extend(lesson.done_at.as_deref());
        times.extend(lesson.opened_at.as_deref());
    }
    times.extend(data.other_activity());
    times.extend(data.habit_days());
    times
        .into_iter()
        .filter(|t| earliest.as_deref().is_none_or(|e| t.get(0..10).is_some_and(|d| d >= e)))
        .filter_map(|t| clock.day_of(t))
        .filter(|d| window.contains(d))
        .collect()
}

/// Consecutive active days ending today — or ending yesterday while today has nothing yet, so the count does not
/// drop to zero in the morning. 0 when neither today nor yesterday was active.
pub fn active_streak(days: &BTreeSet<String>, today: &str) -> u32 {
    let Some(mut day) = day_number(today) else { return 0 };
    let has = |n: i64| days.contains(&day_from_number(n));
    if !has(day) {
        day -= 1;
    }
    let mut streak = 0;
    while has(day) {
        streak += 1;
        day -= 1;
    }
    streak
}

/// The last seven days (today and the six before), counted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeekSummary {
    /// Days with anything recorded.
    pub active_days: usize,
    /// Thought records finished (by the day they happened).
    pub records_finished: usize,
    /// Average drop in feeling intensity over those records (positive = felt better), if any were re-rated.
    pub average_drop: Option<f64>,
    /// Promise check-ins kept.
    pub promises_kept: usize,
    /// Promise check-ins made.
    pub promises_checked: usize,
    /// Observations logged about people.
    pub observations: usize,
    /// Of those, how many built trust.
    pub observations_built: usize,
    /// Ladder experiments finished.
    pub experiments_done: usize,
    /// Of those, how many the feared outcome came true in.
    pub fears_came_true: usize,
    /// Beliefs re-rated.
    pub beliefs_rerated: usize,
    /// Lessons marked done.
    pub lessons_done: usize,
    /// Habit check-ins.
    pub habit_checkins: usize,
}

/// Counts what happened in the last seven days.
pub fn week_summary(data: &UserData, clock: &Clock) -> WeekSummary {
    let window = Window { from: add_days(&clock.today, -6), to: clock.today.clone() };
    let inside = |t: &str| clock.day_of(t).is_some_and(|d| window.contains(&d));
    let finished: Vec<&ThoughtRecord> =
        data.journal.iter().filter(|r| r.status == RecordStatus::Complete && window.contains(&r.happened_on)).collect();
    let drops: Vec<f64> = finished.iter().filter_map(|r| r.average_drop()).collect();
    let checkins: Vec<bool> =
        data.promises.iter().flat_map(|p| &p.checkins).filter(|c| window.contains(&c.day)).map(|c| c.kept).collect();
    let observations: Vec<&Observation> =
        data.observations.iter().filter(|o| window.contains(&o.happened_on)).collect();
    let experiments: Vec<Option<bool>> = data
        .ladder
        .iter()
        .flat_map(|s| &s.experiments)
        .filter(|e| e.done_at.as_deref().is_some_and(inside))
        .map(|e| e.fear_came_true)
        .collect();
    WeekSummary {
        active_days: active_days_in(data, clock, &window).len(),
        records_finished: finished.len(),
        average_drop: (!drops.is_empty()).then(|| average(drops.iter().sum(), drops.len())),
        promises_kept: checkins.iter().filter(|k| **k).count(),
        promises_checked: checkins.len(),
        observations: observations.len(),
        observations_built: observations.iter().filter(|o| o.direction == Direction::Built).count(),
        experiments_done: experiments.len(),
        fears_came_true: experiments.iter().filter(|f| **f == Some(true)).count(),
        beliefs_rerated: data.beliefs.iter().filter(|b| b.ratings.iter().skip(1).any(|r| inside(&r.at))).count(),
        lessons_done: data.progress.lessons.values().filter(|l| l.done_at.as_deref().is_some_and(inside)).count(),
        habit_checkins: data.habit_days().filter(|d| window.contains(d)).count(),
    }
}

impl WeekSummary {
    /// True when nothing at all was recorded this week.
    pub fn is_empty(&self) -> bool {
        self.active_days == 0
    }

    /// The week in plain, kind sentences (the weekly review card). One gentle line when the week was quiet.
    pub fn sentences(&self) -> Vec<String> {
        if self.is_empty() {
            return vec![
                "A quiet week here. That is fine: whenever you are ready, one small step is enough.".to_owned()
            ];
        }
        let mut lines = vec![format!("You came back on {} of the last 7.", count_of(self.active_days, "day", "days"))];
        if self.records_finished > 0 {
            let mut line =
                format!("You worked through {}.", count_of(self.records_finished, "thought record", "thought records"));
            if let Some(drop) = self.average_drop {
                if drop >= 0.5 {
                    line = format!(
                        "You worked through {}; afterwards your feelings were {:.0} points less intense on average.",
                        count_of(self.records_finished, "thought record", "thought records"),
                        drop
                    );
                }
            }
            lines.push(line);
        }
        if self.promises_checked > 0 {
            lines.push(format!(
                "You kept {} of {} to yourself.",
                self.promises_kept,
                count_of(self.promises_checked, "promise check-in", "promise check-ins")
            ));
        }
        if self.observations > 0 {
            let built = match (self.observations, self.observations_built) {
                (1, 1) => "it built trust".to_owned(),
                (1, _) => "it did not build trust".to_owned(),
                (_, 0) => "none of them built trust".to_owned(),
                (n, b) if n == b => "all of them built trust".to_owned(),
                (_, b) => format!("{b} of them built trust"),
            };
            lines.push(format!(
                "You noticed {} about the people in your life; {built}.",
                count_of(self.observations, "thing", "things")
            ));
        }
        if self.experiments_done > 0 {
            let outcome = match (self.experiments_done, self.fears_came_true) {
                (1, 0) => "the outcome you feared did not come true".to_owned(),
                (1, _) => "the outcome you feared came true".to_owned(),
                (_, 0) => "the outcome you feared came true in none of them".to_owned(),
                (n, k) if n == k => "the outcome you feared came true in all of them".to_owned(),
                (_, k) => format!("the outcome you feared came true in {k} of them"),
            };
            lines.push(format!(
                "You tried {}; {outcome}.",
                count_of(self.experiments_done, "small step", "small steps")
            ));
        }
        if self.beliefs_rerated > 0 {
            lines.push(format!("You re-rated {}.", count_of(self.beliefs_rerated, "belief", "beliefs")));
        }
        if self.lessons_done > 0 {
            lines.push(format!("You finished {}.", count_of(self.lessons_done, "lesson", "lessons")));
        }
        if self.habit_checkins > 0 {
            lines.push(format!("You checked in on your habits {}.", count_of(self.habit_checkins, "time", "times")));
        }
        lines
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Chart series
// ---------------------------------------------------------------------------------------------------------------

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
    super::people::profile(person, &theirs)
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
            let points: Vec<(String, f64)> = super::people::evidence_trend(&theirs, part)
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
        let Some(week) = week_start(&c.day) else { continue };
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
        if let Some(week) = week_start(day) {
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

// ---------------------------------------------------------------------------------------------------------------
// Chart axes: round tops, ticks that never repeat, and how many marks a chart needs before it is drawn
// ---------------------------------------------------------------------------------------------------------------

/// Fewest marks (days, weeks or months with data) a chart over time needs before it is drawn: with fewer, one or
/// two dots on an empty axis say less than a sentence or a big number does.
pub const MIN_POINTS: usize = 3;

/// True when a chart over time has enough marks to be drawn (see [`MIN_POINTS`]).
pub fn enough_points(marks: usize) -> bool {
    marks >= MIN_POINTS
}

/// Said under a big number while a chart waits for more: "A chart appears here once 3 weeks have entries."
/// `unit` is the plural of what each mark stands for ("days", "weeks", "different days").
pub fn chart_waits_for(unit: &str) -> String {
    format!("A chart appears here once {MIN_POINTS} {unit} have entries.")
}

/// A whole number as a person writes it: rounded, and never "-0" (a sum of nothing, or -0.4, reads "0").
pub fn whole(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    // Adding 0.0 turns a negative zero into a positive one.
    format!("{:.0}", value.round() + 0.0)
}

/// A round number at or above `value` for the top of a count axis (at least 1): 1, 2, 5, 10, 20, 50…
pub fn nice_max(value: f64) -> f64 {
    let value = if value.is_finite() { value.max(1.0) } else { 1.0 };
    let magnitude = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|m| *m >= value).unwrap_or(value)
}

/// True for a step of 1, 2, 2.5 or 5 times a power of ten.
fn is_round_step(step: f64) -> bool {
    let magnitude = 10f64.powf(step.log10().floor());
    let mantissa = step / magnitude;
    [1.0, 2.0, 2.5, 5.0].iter().any(|m| (mantissa - m).abs() < 1e-9)
}

/// The values to mark on a value axis from 0 to `top` (rounded up to a whole number, at least 1): whole numbers,
/// evenly spaced, `0` and `top` included, none repeated, at most six. A round step is preferred (0, 20 … 100;
/// 0, 5 … 20), then any whole step (0, 4 … 16), else just `0` and `top`. "0, 1", never "0, 0, 1".
pub fn value_ticks(top: f64) -> Vec<f64> {
    let top = if top.is_finite() { top.ceil().max(1.0) } else { 1.0 };
    let whole_step = |k: f64| {
        let step = top / k;
        (step >= 1.0 && step.fract() == 0.0).then_some(step)
    };
    let intervals = [5.0, 4.0, 3.0, 2.0];
    let step = intervals
        .iter()
        .filter_map(|k| whole_step(*k))
        .find(|s| is_round_step(*s))
        .or_else(|| intervals.iter().find_map(|k| whole_step(*k)))
        .unwrap_or(top);
    let count = (top / step).round() as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

/// Which of `len` evenly spaced marks to label when at most `max` labels fit: the first and the last, and the rest
/// spread evenly between them, each index once.
pub fn spread_indices(len: usize, max: usize) -> Vec<usize> {
    match (len, max) {
        (0, _) | (_, 0) => Vec::new(),
        (1, _) | (_, 1) => vec![0],
        _ => {
            let n = max.min(len);
            let last = (len - 1) as f64;
            let mut picked: Vec<usize> = (0..n).map(|i| (i as f64 * last / (n - 1) as f64).round() as usize).collect();
            picked.dedup();
            picked
        }
    }
}

/// The days to label on a time axis from `from` to `to` (YYYY-MM-DD): at most `max`, the first and last day
/// included, evenly spread, no day twice. Empty when a day cannot be read.
pub fn axis_days(from: &str, to: &str, max: usize) -> Vec<String> {
    let (Some(first), Some(last)) = (day_number(from), day_number(to)) else { return Vec::new() };
    let (first, last) = (first.min(last), first.max(last));
    let len = usize::try_from(last - first + 1).unwrap_or(1);
    spread_indices(len, max).into_iter().map(|i| day_from_number(first + i as i64)).collect()
}

// ---------------------------------------------------------------------------------------------------------------
// Chart sentences: what each Progress chart says in words, with plurals, ties and empty periods read as a person
// would write them
// ---------------------------------------------------------------------------------------------------------------

impl DateRange {
    /// The period in a sentence: "in the last 4 weeks", "so far".
    pub fn words(self) -> &'static str {
        match self {
            DateRange::FourWeeks => "in the last 4 weeks",
            DateRange::ThreeMonths => "in the last 3 months",
            DateRange::Year => "in the last 12 months",
            DateRange::All => "so far",
        }
    }
}

/// Names joined as a person lists them: "A", "A and B", "A, B and C".
pub fn joined(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The feelings chart: how many finished records, and their average intensity before and after (0–100).
pub fn feelings_sentence(records: usize, before: f64, after: f64, range: DateRange) -> String {
    if records == 0 {
        return "How intense your feelings were before and after each thought record you finish (0–100).".to_owned();
    }
    format!(
        "{} {}. Feelings averaged {} before and {} after working through them (0–100).",
        count_of(records, "thought record", "thought records"),
        range.words(),
        whole(before),
        whole(after)
    )
}

/// The thinking-trap chart (`bars` most frequent first): the trap that came up most, or every trap tied for
/// most named together, never one of them picked as "the one".
pub fn traps_sentence(bars: &[Bar], range: DateRange) -> String {
    let Some(top) = bars.first() else {
        return "Thinking traps you spot in finished thought records are counted here.".to_owned();
    };
    let times = |n: f64| count_of(n.max(0.0).round() as usize, "time", "times");
    let tied: Vec<&Bar> = bars.iter().filter(|b| b.value == top.value).collect();
    if tied.len() > 1 {
        let names: Vec<&str> = tied.iter().map(|b| b.label.as_str()).collect();
        return format!("{} came up equally often {}: {} each.", joined(&names), range.words(), times(top.value));
    }
    let mut text = if bars.len() == 1 {
        format!("{} was the one thinking trap you marked {}: {}", top.label, range.words(), times(top.value))
    } else {
        format!("{} came up most {}: {}", top.label, range.words(), times(top.value))
    };
    if let Some(other) = top.other {
        text.push_str(&format!(", against {} in the same span before", whole(other)));
    }
    text + "."
}

/// The promises chart: kept of checked in, over how many weeks.
pub fn promises_sentence(kept: usize, checked: usize, weeks: usize, range: DateRange) -> String {
    if checked == 0 {
        return "How many of your promise check-ins you kept, week by week.".to_owned();
    }
    format!(
        "You kept {kept} of {} {}, over {}.",
        count_of(checked, "promise check-in", "promise check-ins"),
        range.words(),
        count_of(weeks, "week", "weeks")
    )
}

/// The habits chart: how many check-ins.
pub fn habits_sentence(checkins: usize, range: DateRange) -> String {
    if checkins == 0 {
        return "How often you check in on the everyday habits of trust, week by week.".to_owned();
    }
    format!("{} {}.", count_of(checkins, "habit check-in", "habit check-ins"), range.words())
}

/// The ladder chart: how likely the feared outcome felt (%) beside how often it came true (%).
pub fn ladder_sentence(experiments: usize, expected: f64, happened: f64, range: DateRange) -> String {
    if experiments == 0 {
        return "How likely the outcome you feared felt before each disclosure-ladder experiment, beside how often \
                it came true."
            .to_owned();
    }
    format!(
        "In {} {}, you rated the feared outcome about {}% likely beforehand; it came true in {}%.",
        count_of(experiments, "experiment", "experiments"),
        range.words(),
        whole(expected),
        whole(happened)
    )
}

/// The course chart: lessons done in all, and how many of them in the period.
pub fn course_sentence(done: usize, lessons: usize, in_range: usize, range: DateRange) -> String {
    if done == 0 {
        return format!("No lesson marked done yet. The course has {}.", count_of(lessons, "lesson", "lessons"));
    }
    let total = format!("You have finished {done} of {}", count_of(lessons, "lesson", "lessons"));
    match (range, in_range) {
        (DateRange::All, _) => format!("{total}."),
        (_, 0) => format!("{total}; none of them {}.", range.words()),
        (_, n) if n == done && n > 1 => format!("{total}, all of them {}.", range.words()),
        (_, n) => format!("{total}; {n} of them {}.", range.words()),
    }
}

/// The person chart: the parts where gut and evidence are 20 or more apart, else what the chart compares.
/// `pairs` are [`person_gut_vs_evidence`]'s (a gut of 0 means not rated).
pub fn person_sentence(name: &str, pairs: &[Pair], range: DateRange) -> String {
    let gaps: Vec<String> = pairs
        .iter()
        .filter_map(|p| {
            let e = p.after?;
            (p.before > 0.0 && (p.before - e).abs() >= 20.0)
                .then(|| format!("{}: your gut says {}, the evidence points to {}", p.label, whole(p.before), whole(e)))
        })
        .collect();
    if !gaps.is_empty() {
        return format!("{name}: {}.", gaps.join("; "));
    }
    let logged: usize = pairs.iter().map(|p| p.count).sum();
    match logged {
        0 => {
            format!("{name}: your latest gut rating for each part of trust (0–100); nothing logged {}.", range.words())
        }
        1 => format!(
            "{name}: your latest gut rating beside what the 1 observation logged {} supports, for each part of trust \
             (0–100).",
            range.words()
        ),
        n => format!(
            "{name}: your latest gut rating beside what the {n} observations logged {} support, for each part of trust \
             (0–100).",
            range.words()
        ),
    }
}
