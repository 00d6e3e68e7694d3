//! Small SVG charts of our own — lines over time, bars, and paired before/after bars — each in a figure with a
//! title, a description in words, and a "show as table" toggle. Colours come from CSS custom properties (classes
//! only; CSP forbids `style=`), so both themes work; the drawing is a focusable image described by its text.

use crate::domain::insights::{Bar, Line, Pair};
use crate::domain::promises::day_number;
use crate::ui::platform::{local_day, perf_mark};
use leptos::prelude::*;

/// Drawing width and height in SVG units (the figure scales to its container).
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 26.0;
/// Series colours available (`--chart-1` … in styles.css); more series reuse them in turn.
const COLOURS: usize = 6;
/// Up to this many points a line also gets a dot per point.
const MAX_DOTS: usize = 60;

/// What one chart draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Plot {
    /// Lines over days from `from` to `to`, values 0..`y_max`.
    Lines {
        /// The lines.
        lines: Vec<Line>,
        /// First day of the x axis.
        from: String,
        /// Last day of the x axis.
        to: String,
        /// Top of the y axis.
        y_max: f64,
    },
    /// One bar per label, values 0..`y_max`; `horizontal` for named categories, else columns over time.
    Bars {
        /// The bars.
        bars: Vec<Bar>,
        /// Top of the value axis.
        y_max: f64,
        /// Bars across (labels readable) rather than columns.
        horizontal: bool,
    },
    /// Two columns per label (before and after), values 0..`y_max`.
    Pairs {
        /// The pairs.
        pairs: Vec<Pair>,
        /// Top of the y axis.
        y_max: f64,
        /// True when labels are days (shown as dates, only the first and last); false for named categories.
        over_time: bool,
    },
}

impl Plot {
    /// Bars with the value axis topped at a round number above the tallest.
    pub fn bars(bars: Vec<Bar>, horizontal: bool) -> Plot {
        let y_max = nice_max(bars.iter().map(|b| b.value).fold(0.0, f64::max));
        Plot::Bars { bars, y_max, horizontal }
    }
}

/// A chart's content: the drawing, the same numbers as a table, and their description in words.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// One or two sentences saying what the chart shows.
    pub description: String,
    /// Shown instead of the drawing when there is nothing to draw.
    pub empty: Option<String>,
    /// The drawing.
    pub plot: Plot,
    /// Names of the series, in colour order (a legend is shown when there are two or more).
    pub legend: Vec<String>,
    /// Column headings of the table.
    pub headers: Vec<String>,
    /// Table rows, already formatted.
    pub rows: Vec<Vec<String>>,
}

/// A round number at or above `value` for the top of a count axis (at least 1).
pub fn nice_max(value: f64) -> f64 {
    let value = value.max(1.0);
    let magnitude = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|m| *m >= value).unwrap_or(value)
}

/// A number for the table and axis: whole numbers without decimals.
pub fn number(value: f64) -> String {
    format!("{value:.0}")
}

fn series_class(base: &str, index: usize) -> String {
    format!("{base} chart__s{}", index % COLOURS + 1)
}

fn y_of(value: f64, y_max: f64) -> f64 {
    let plot = HEIGHT - TOP - BOTTOM;
    TOP + plot - (value.clamp(0.0, y_max) / y_max) * plot
}

/// The y axis: three grid lines with their values.
fn y_axis(y_max: f64) -> impl IntoView {
    [0.0, y_max / 2.0, y_max]
        .into_iter()
        .map(|v| {
            let y = y_of(v, y_max);
            view! {
                <line class="chart__grid" x1=LEFT x2=WIDTH - RIGHT y1=y y2=y/>
                <text class="chart__axis" x=LEFT - 4.0 y=y + 4.0 text-anchor="end">{number(v)}</text>
            }
        })
        .collect_view()
}

/// First and last x labels under the plot.
fn x_labels(first: String, last: String) -> impl IntoView {
    let y = HEIGHT - 6.0;
    view! {
        <text class="chart__axis" x=LEFT y=y text-anchor="start">{first}</text>
        <text class="chart__axis" x=WIDTH - RIGHT y=y text-anchor="end">{last}</text>
    }
}

fn draw_lines(lines: &[Line], from: &str, to: &str, y_max: f64) -> AnyView {
    let (Some(start), Some(end)) = (day_number(from), day_number(to)) else { return ().into_any() };
    let span = (end - start).max(1) as f64;
    let x_of = |day: &str| LEFT + (day_number(day).unwrap_or(start) - start) as f64 / span * (WIDTH - LEFT - RIGHT);
    let dots = lines.iter().map(|l| l.points.len()).sum::<usize>() <= MAX_DOTS;
    let drawn = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let points = line
                .points
                .iter()
                .map(|(day, v)| format!("{:.1},{:.1}", x_of(day), y_of(*v, y_max)))
                .collect::<Vec<_>>()
                .join(" ");
            let marks = dots.then(|| {
                line.points
                    .iter()
                    .map(|(day, v)| view! { <circle class=series_class("chart__dot", i) cx=x_of(day) cy=y_of(*v, y_max) r="3.5"/> })
                    .collect_view()
            });
            view! {
                <polyline class=series_class("chart__line", i) points=points/>
                {marks}
            }
        })
        .collect_view();
    view! {
        {y_axis(y_max)}
        {drawn}
        {x_labels(local_day(from), local_day(to))}
    }
    .into_any()
}

fn draw_columns(bars: &[Bar], y_max: f64) -> AnyView {
    let slot = (WIDTH - LEFT - RIGHT) / bars.len().max(1) as f64;
    let width = (slot * 0.7).max(1.0);
    let columns = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = y_of(bar.value, y_max);
            let x = LEFT + i as f64 * slot + (slot - width) / 2.0;
            view! { <rect class="chart__bar chart__s1" x=x y=y width=width height=(HEIGHT - BOTTOM - y).max(0.0)/> }
        })
        .collect_view();
    let first = bars.first().map(|b| local_day(&b.label)).unwrap_or_default();
    let last = bars.last().map(|b| local_day(&b.label)).unwrap_or_default();
    view! { {y_axis(y_max)} {columns} {x_labels(first, last)} }.into_any()
}

/// Height of a horizontal-bar drawing with `rows` rows.
fn rows_height(rows: usize) -> f64 {
    rows as f64 * 28.0 + 8.0
}

fn draw_rows(bars: &[Bar], y_max: f64) -> AnyView {
    let label_width = 190.0;
    let plot = WIDTH - label_width - 40.0;
    bars.iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = 4.0 + i as f64 * 28.0;
            let label: String = if bar.label.chars().count() > 28 {
                format!("{}…", bar.label.chars().take(27).collect::<String>())
            } else {
                bar.label.clone()
            };
            let width = (bar.value / y_max).clamp(0.0, 1.0) * plot;
            view! {
                <text class="chart__label" x=label_width - 6.0 y=y + 15.0 text-anchor="end">{label}</text>
                <rect class="chart__bar chart__s1" x=label_width y=y width=width.max(1.0) height="20"/>
                <text class="chart__value" x=label_width + width + 6.0 y=y + 15.0>{number(bar.value)}</text>
            }
        })
        .collect_view()
        .into_any()
}

fn draw_pairs(pairs: &[Pair], y_max: f64, over_time: bool) -> AnyView {
    let slot = (WIDTH - LEFT - RIGHT) / pairs.len().max(1) as f64;
    let width = (slot * 0.38).max(0.5);
    let groups = pairs
        .iter()
        .enumerate()
        .map(|(i, pair)| {
            let x = LEFT + i as f64 * slot + slot * 0.1;
            let before = y_of(pair.before, y_max);
            let after = pair.after.map(|a| y_of(a, y_max));
            let label = (!over_time).then(|| {
                view! { <text class="chart__axis" x=x + width y=HEIGHT - 6.0 text-anchor="middle">{pair.label.clone()}</text> }
            });
            view! {
                <rect class="chart__bar chart__s1" x=x y=before width=width height=(HEIGHT - BOTTOM - before).max(0.0)/>
                {after.map(|a| view! { <rect class="chart__bar chart__s2" x=x + width y=a width=width height=(HEIGHT - BOTTOM - a).max(0.0)/> })}
                {label}
            }
        })
        .collect_view();
    let labels = over_time.then(|| {
        let first = pairs.first().map(|p| local_day(&p.label)).unwrap_or_default();
        let last = pairs.last().map(|p| local_day(&p.label)).unwrap_or_default();
        x_labels(first, last)
    });
    view! { {y_axis(y_max)} {groups} {labels} }.into_any()
}

/// The SVG for a plot.
fn drawing(plot: &Plot, labelled_by: String) -> impl IntoView {
    let height = match plot {
        Plot::Bars { bars, horizontal: true, .. } => rows_height(bars.len()),
        _ => HEIGHT,
    };
    let inner = match plot {
        Plot::Lines { lines, from, to, y_max } => draw_lines(lines, from, to, *y_max),
        Plot::Bars { bars, y_max, horizontal: true } => draw_rows(bars, *y_max),
        Plot::Bars { bars, y_max, horizontal: false } => draw_columns(bars, *y_max),
        Plot::Pairs { pairs, y_max, over_time } => draw_pairs(pairs, *y_max, *over_time),
    };
    view! {
        <svg
            class="chart__svg"
            viewBox=format!("0 0 {WIDTH} {height}")
            role="img"
            tabindex="0"
            aria-labelledby=labelled_by
            preserveAspectRatio="xMidYMid meet"
        >
            {inner}
        </svg>
    }
}

/// One chart: title, description, drawing (or an empty note), legend, and a "show as table" toggle.
/// Marks `ts-chart:<id>` when it starts drawing, so the benchmark can time each chart.
#[component]
pub fn Chart(
    /// Element id of the figure (also the prefix of its inner ids).
    id: &'static str,
    /// The chart's title.
    title: &'static str,
    /// What to draw; the chart redraws when it changes.
    #[prop(into)]
    data: Signal<ChartData>,
) -> impl IntoView {
    let show_table = RwSignal::new(false);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let table_id = StoredValue::new(format!("{id}-table"));
    let labelled_by = format!("{title_id} {desc_id}");
    let figure_labelled_by = title_id.clone();
    let body = {
        let desc_id = desc_id.clone();
        move || {
            perf_mark(&format!("ts-chart:{id}"));
            data.with(|d| {
                let legend = (d.legend.len() > 1).then(|| {
                    view! {
                        <ul class="chart__legend">
                            {d.legend
                                .iter()
                                .enumerate()
                                .map(|(i, name)| view! { <li><span class=series_class("chart__swatch", i) aria-hidden="true"></span>{name.clone()}</li> })
                                .collect_view()}
                        </ul>
                    }
                });
                let picture = match &d.empty {
                    Some(note) => view! { <p class="chart__empty">{note.clone()}</p> }.into_any(),
                    None => view! { {drawing(&d.plot, labelled_by.clone())} {legend} }.into_any(),
                };
                view! {
                    <p class="chart__desc" id=desc_id.clone()>{d.description.clone()}</p>
                    {picture}
                }
            })
        }
    };
    let table = move || {
        data.with(|d| {
            view! {
                <table class="history-table chart__table" id=table_id.get_value()>
                    <caption>{title}</caption>
                    <thead><tr>{d.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {d.rows
                            .iter()
                            .map(|row| view! { <tr>{row.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr> })
                            .collect_view()}
                    </tbody>
                </table>
            }
        })
    };
    let has_rows = move || data.with(|d| !d.rows.is_empty());
    view! {
        <figure class="card chart" id=id aria-labelledby=figure_labelled_by>
            <h3 class="chart__title" id=title_id>{title}</h3>
            {body}
            <Show when=has_rows>
                <button
                    type="button"
                    class="button button--quiet chart__toggle"
                    aria-expanded=move || show_table.get().to_string()
                    aria-controls=move || table_id.get_value()
                    on:click=move |_| show_table.update(|s| *s = !*s)
                >
                    {move || if show_table.get() { "Hide the table" } else { "Show as table" }}
                </button>
                <Show when=move || show_table.get()>{table}</Show>
            </Show>
        </figure>
    }
}
