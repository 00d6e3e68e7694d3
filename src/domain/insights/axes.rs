//! Chart axes: round tops, ticks that never repeat, the days a time axis labels, and how many marks a chart needs
//! before it is drawn.

use crate::domain::calendar::Day;

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
    let (Some(first), Some(last)) = (Day::parse(from), Day::parse(to)) else { return Vec::new() };
    let (first, last) = (first.min(last), first.max(last));
    let len = usize::try_from(last - first + 1).unwrap_or(1);
    spread_indices(len, max).into_iter().map(|i| (first + i as i64).to_string()).collect()
}
