//! Chart sentences: what each Progress chart says in words, with plurals, ties and empty periods read as a person
//! would write them.

use super::{whole, Bar, DateRange, Line, Pair};
use crate::domain::words::count_of;

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

/// The person chart: the parts where gut and evidence are [`GAP_WORTH_NOTICING`](crate::domain::people::GAP_WORTH_NOTICING)
/// or more apart, else what the chart compares.
/// `pairs` are [`person_gut_vs_evidence`]'s (a gut of 0 means not rated).
pub fn person_sentence(name: &str, pairs: &[Pair], range: DateRange) -> String {
    let gaps: Vec<String> = pairs
        .iter()
        .filter_map(|p| {
            let e = p.after?;
            (p.before > 0.0 && (p.before - e).abs() >= f64::from(crate::domain::people::GAP_WORTH_NOTICING))
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

/// The beliefs chart: how the first three beliefs moved ("“…” went from 80 to 55."), or what the chart shows when
/// none was rated.
pub fn beliefs_sentence(lines: &[Line]) -> String {
    let moves: Vec<String> = lines
        .iter()
        .take(3)
        .filter_map(|l| match (l.points.first(), l.points.last()) {
            (Some(first), Some(last)) if l.points.len() > 1 => {
                Some(format!("“{}” went from {} to {}.", l.name, whole(first.1), whole(last.1)))
            }
            (_, Some(last)) => Some(format!("“{}” was rated {}.", l.name, whole(last.1))),
            _ => None,
        })
        .collect();
    if moves.is_empty() {
        "How strongly you hold each belief you track (0–100), each time you re-rate it.".into()
    } else {
        moves.join(" ")
    }
}

/// The person trend chart's description, for `name` ("" before anyone is chosen).
pub fn person_trend_sentence(name: &str) -> String {
    if name.is_empty() {
        "How the evidence score for each part of trust moves as you log what someone does (0–100).".to_owned()
    } else {
        format!("How the evidence score for each part of trust in {name} moved as you logged what they did (0–100).")
    }
}
