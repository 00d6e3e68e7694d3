//! Small SVG charts of our own — lines over time, bars, and paired before/after bars — each in a figure with a
//! title, a description in words, and a "show as table" toggle. Colours come from CSS custom properties (classes
//! only; CSP forbids `style=`), so both themes work; the drawing is a focusable image described by its text.
//!
//! Each drawing is made at the width it is shown at (measured, and again when the window changes size), one SVG
//! unit to one CSS pixel, so its text is as large on a phone as the stylesheet says (12–13 px), never scaled down.
//! Until a chart over time has enough marks to draw ([`enough_points`]) it shows a big number or a sentence instead.

use crate::domain::calendar::Day;
use crate::domain::insights::{axis_days, spread_indices, value_ticks, whole, Bar, Line, Pair};
use crate::ui::dom::perf_mark;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub use crate::domain::insights::{enough_points, nice_max};

/// Width drawn at when the browser cannot report size changes (no `ResizeObserver`).
const DEFAULT_WIDTH: f64 = 600.0;
/// The narrowest a chart is ever drawn at.
const MIN_WIDTH: f64 = 240.0;
/// Drawing height of a chart over time, in CSS pixels.
const HEIGHT: f64 = 220.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 28.0;
/// About how wide one character of the axis text is (12 px system font), for fitting labels.
const CHAR_WIDTH: f64 = 7.0;
/// Room each date label on the x axis gets.
const DATE_LABEL_SPACE: f64 = 96.0;
/// Below this width, a bar's name goes above its bar instead of beside it.
const STACKED_BELOW: f64 = 520.0;
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
        /// True when labels are days (shown as dates); false for named categories.
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

/// What a chart shows instead of its drawing.
#[derive(Debug, Clone, PartialEq)]
pub enum Instead {
    /// Nothing to draw: a short note.
    Note(String),
    /// Too few marks to draw: one big figure ("2", "80 → 30") and what it counts.
    Figure {
        /// The figure, large.
        figure: String,
        /// What it is, in a few words.
        caption: String,
    },
}

/// A chart's content: the drawing, the same numbers as a table, and their description in words.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// One or two sentences saying what the chart shows.
    pub description: String,
    /// Shown instead of the drawing when there is nothing, or too little, to draw.
    pub instead: Option<Instead>,
    /// The drawing.
    pub plot: Plot,
    /// Names of the series, in colour order (a legend is shown when there are two or more).
    pub legend: Vec<String>,
    /// Column headings of the table.
    pub headers: Vec<String>,
    /// Table rows, already formatted.
    pub rows: Vec<Vec<String>>,
}

/// A number for the table and axis: whole numbers, never "-0".
pub fn number(value: f64) -> String {
    whole(value)
}

fn series_class(base: &str, index: usize) -> String {
    format!("{base} chart__s{}", index % COLOURS + 1)
}

/// A day (YYYY-MM-DD) as a short date in the user's own languages ("3 Mar", "Mar 3", "3. März"), or month and
/// year ("Mar 2026") when the axis spans most of a year or more.
fn axis_date(day: &str, long_span: bool) -> String {
    thread_local! {
        static SHORT: Option<js_sys::Function> = date_format(&[("day", "numeric"), ("month", "short")]);
        static MONTH: Option<js_sys::Function> = date_format(&[("month", "short"), ("year", "numeric")]);
    }
    let date = js_sys::Date::new(&JsValue::from_str(&format!("{day}T12:00:00")));
    if date.get_time().is_nan() {
        return day.to_owned();
    }
    let format = |f: &Option<js_sys::Function>| {
        f.as_ref().and_then(|f| f.call1(&JsValue::UNDEFINED, &date).ok()).and_then(|s| s.as_string())
    };
    let text = if long_span { MONTH.with(format) } else { SHORT.with(format) };
    text.unwrap_or_else(|| day.to_owned())
}

/// An `Intl.DateTimeFormat` for the browser's preferred languages (`navigator.languages`) with these options.
fn date_format(options: &[(&str, &str)]) -> Option<js_sys::Function> {
    let languages = web_sys::window().map(|w| w.navigator().languages()).unwrap_or_default();
    let object = js_sys::Object::new();
    for (key, value) in options {
        js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value)).ok()?;
    }
    Some(js_sys::Intl::DateTimeFormat::new(&languages, &object).format())
}

/// True when the days from `first` to `last` are better labelled by month than by day.
fn long_span(first: &str, last: &str) -> bool {
    matches!((Day::parse(first), Day::parse(last)), (Some(a), Some(b)) if (b - a).abs() > 240)
}

/// Where the plot area of a chart over time sits inside a drawing `width` wide.
#[derive(Debug, Clone, Copy)]
struct Frame {
    left: f64,
    right: f64,
    y_max: f64,
}

impl Frame {
    fn new(width: f64, y_max: f64) -> Self {
        let ticks = value_ticks(y_max);
        let top = ticks.last().copied().unwrap_or(1.0);
        let widest = ticks.iter().map(|t| number(*t).len()).max().unwrap_or(1) as f64;
        Frame { left: 10.0 + widest * CHAR_WIDTH, right: width - RIGHT, y_max: top }
    }

    fn plot_width(&self) -> f64 {
        (self.right - self.left).max(1.0)
    }

    fn y_of(&self, value: f64) -> f64 {
        let plot = HEIGHT - TOP - BOTTOM;
        TOP + plot - (value.clamp(0.0, self.y_max) / self.y_max) * plot
    }

    /// How many date labels fit under the plot.
    fn date_labels(&self) -> usize {
        ((self.plot_width() / DATE_LABEL_SPACE).floor() as usize).max(2)
    }

    /// The y axis: a grid line and its value at each tick.
    fn y_axis(&self) -> impl IntoView {
        let frame = *self;
        value_ticks(self.y_max)
            .into_iter()
            .map(move |v| {
                let y = frame.y_of(v);
                view! {
                    <line class="chart__grid" x1=frame.left x2=frame.right y1=y y2=y/>
                    <text class="chart__axis" x=frame.left - 5.0 y=y + 4.0 text-anchor="end">{number(v)}</text>
                }
            })
            .collect_view()
    }

    /// Date labels under the plot at `x` positions: the first starts at its mark, the last ends at its mark, the
    /// others are centred on theirs, so none runs off the drawing.
    fn x_labels(&self, labels: Vec<(f64, String)>) -> impl IntoView {
        let y = HEIGHT - 8.0;
        let last = labels.len().saturating_sub(1);
        let (left, right) = (self.left, self.right);
        labels
            .into_iter()
            .enumerate()
            .map(move |(i, (x, text))| {
                let (x, anchor) = match i {
                    0 if last > 0 => (x.max(left), "start"),
                    i if i == last && last > 0 => (x.min(right), "end"),
                    _ => (x, "middle"),
                };
                view! { <text class="chart__axis" x=x y=y text-anchor=anchor>{text}</text> }
            })
            .collect_view()
    }
}

fn draw_lines(lines: &[Line], from: &str, to: &str, y_max: f64, width: f64) -> AnyView {
    let (Some(start), Some(end)) = (Day::parse(from), Day::parse(to)) else { return ().into_any() };
    let frame = Frame::new(width, y_max);
    let span = (end - start).max(1) as f64;
    let x_of =
        move |day: &str| frame.left + (Day::parse(day).unwrap_or(start) - start) as f64 / span * frame.plot_width();
    let dots = lines.iter().map(|l| l.points.len()).sum::<usize>() <= MAX_DOTS;
    let drawn = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let points = line
                .points
                .iter()
                .map(|(day, v)| format!("{:.1},{:.1}", x_of(day), frame.y_of(*v)))
                .collect::<Vec<_>>()
                .join(" ");
            let marks = dots.then(|| {
                line.points
                    .iter()
                    .map(|(day, v)| view! { <circle class=series_class("chart__dot", i) cx=x_of(day) cy=frame.y_of(*v) r="3.5"/> })
                    .collect_view()
            });
            view! {
                <polyline class=series_class("chart__line", i) points=points/>
                {marks}
            }
        })
        .collect_view();
    let long = long_span(from, to);
    let labels =
        axis_days(from, to, frame.date_labels()).into_iter().map(|d| (x_of(&d), axis_date(&d, long))).collect();
    view! {
        {frame.y_axis()}
        {drawn}
        {frame.x_labels(labels)}
    }
    .into_any()
}

/// Date labels for marks in equal slots (one slot per bar or pair), as many as fit.
fn slot_labels(frame: &Frame, days: &[&str], slot: f64) -> Vec<(f64, String)> {
    let long = days.first().zip(days.last()).is_some_and(|(a, b)| long_span(a, b));
    spread_indices(days.len(), frame.date_labels())
        .into_iter()
        .map(|i| {
            let centre = frame.left + (i as f64 + 0.5) * slot;
            let x = match i {
                0 => frame.left + slot * 0.15,
                i if i + 1 == days.len() => frame.left + (i as f64 + 0.85) * slot,
                _ => centre,
            };
            (x, axis_date(days[i], long))
        })
        .collect()
}

fn draw_columns(bars: &[Bar], y_max: f64, width: f64) -> AnyView {
    let frame = Frame::new(width, y_max);
    let slot = frame.plot_width() / bars.len().max(1) as f64;
    let bar_width = (slot * 0.7).max(1.0);
    let columns = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = frame.y_of(bar.value);
            let x = frame.left + i as f64 * slot + (slot - bar_width) / 2.0;
            view! { <rect class="chart__bar chart__s1" x=x y=y width=bar_width height=(HEIGHT - BOTTOM - y).max(0.0)/> }
        })
        .collect_view();
    let days: Vec<&str> = bars.iter().map(|b| b.label.as_str()).collect();
    let labels = slot_labels(&frame, &days, slot);
    view! { {frame.y_axis()} {columns} {frame.x_labels(labels)} }.into_any()
}

/// Height of a horizontal-bar drawing with `rows` rows.
fn rows_height(rows: usize, stacked: bool) -> f64 {
    rows as f64 * if stacked { 46.0 } else { 30.0 } + 8.0
}

/// `label`, cut with an ellipsis to about `chars` characters.
fn fit(label: &str, chars: usize) -> String {
    if label.chars().count() > chars {
        format!("{}…", label.chars().take(chars.saturating_sub(1)).collect::<String>())
    } else {
        label.to_owned()
    }
}

fn draw_rows(bars: &[Bar], y_max: f64, width: f64) -> AnyView {
    // Names beside their bars when there is room; above them on a phone, so a name can use the whole width.
    let stacked = width < STACKED_BELOW;
    let label_width = if stacked { 0.0 } else { (width * 0.38).min(240.0) };
    let value_room = 44.0;
    let plot = (width - label_width - value_room).max(1.0);
    let label_chars = (if stacked { width } else { label_width - 8.0 } / CHAR_WIDTH).floor() as usize;
    bars.iter()
        .enumerate()
        .map(|(i, bar)| {
            let label = fit(&bar.label, label_chars.max(8));
            let bar_width = (bar.value / y_max).clamp(0.0, 1.0) * plot;
            let (label_x, label_y, anchor, bar_x, bar_y) = if stacked {
                let y = 4.0 + i as f64 * 46.0;
                (0.0, y + 13.0, "start", 0.0, y + 20.0)
            } else {
                let y = 4.0 + i as f64 * 30.0;
                (label_width - 8.0, y + 15.0, "end", label_width, y)
            };
            view! {
                <text class="chart__label" x=label_x y=label_y text-anchor=anchor>{label}</text>
                <rect class="chart__bar chart__s1" x=bar_x y=bar_y width=bar_width.max(1.0) height="20"/>
                <text class="chart__value" x=bar_x + bar_width + 6.0 y=bar_y + 15.0>{number(bar.value)}</text>
            }
        })
        .collect_view()
        .into_any()
}

/// Height of a drawing of named pairs as rows (see [`draw_pair_rows`]).
fn pair_rows_height(rows: usize) -> f64 {
    rows as f64 * 62.0 + 4.0
}

/// Named pairs on a narrow screen: each name on its own line with its two bars across under it, so names are
/// never cut. A bar of 0 gets no figure (for the gut rating, 0 means not rated; the table says so).
fn draw_pair_rows(pairs: &[Pair], y_max: f64, width: f64) -> AnyView {
    let plot = (width - 44.0).max(1.0);
    let label_chars = ((width / CHAR_WIDTH).floor() as usize).max(8);
    pairs
        .iter()
        .enumerate()
        .map(|(i, pair)| {
            let y = 4.0 + i as f64 * 62.0;
            let bar = |value: f64, series: usize, bar_y: f64| {
                let w = (value / y_max).clamp(0.0, 1.0) * plot;
                let figure = (value > 0.0).then(|| {
                    view! { <text class="chart__value" x=w + 6.0 y=bar_y + 13.0>{number(value)}</text> }
                });
                view! {
                    <rect class=series_class("chart__bar", series) x="0" y=bar_y width=w.max(1.0) height="16"/>
                    {figure}
                }
            };
            view! {
                <text class="chart__label" x="0" y=y + 13.0>{fit(&pair.label, label_chars)}</text>
                {bar(pair.before, 0, y + 20.0)}
                {pair.after.map(|a| bar(a, 1, y + 38.0))}
            }
        })
        .collect_view()
        .into_any()
}

fn draw_pairs(pairs: &[Pair], y_max: f64, over_time: bool, width: f64) -> AnyView {
    if !over_time && width < STACKED_BELOW {
        return draw_pair_rows(pairs, y_max, width);
    }
    let frame = Frame::new(width, y_max);
    let slot = frame.plot_width() / pairs.len().max(1) as f64;
    let bar_width = (slot * 0.38).max(0.5);
    // Category names (the parts of trust) under their pair, cut to the slot's width.
    let name_chars = ((slot - 4.0) / CHAR_WIDTH).floor() as usize;
    let groups = pairs
        .iter()
        .enumerate()
        .map(|(i, pair)| {
            let x = frame.left + i as f64 * slot + slot * 0.12;
            let before = frame.y_of(pair.before);
            let after = pair.after.map(|a| frame.y_of(a));
            let label = (!over_time).then(|| {
                view! {
                    <text class="chart__axis" x=x + bar_width y=HEIGHT - 8.0 text-anchor="middle">
                        {fit(&pair.label, name_chars.max(4))}
                    </text>
                }
            });
            view! {
                <rect class="chart__bar chart__s1" x=x y=before width=bar_width height=(HEIGHT - BOTTOM - before).max(0.0)/>
                {after.map(|a| view! { <rect class="chart__bar chart__s2" x=x + bar_width y=a width=bar_width height=(HEIGHT - BOTTOM - a).max(0.0)/> })}
                {label}
            }
        })
        .collect_view();
    let labels = over_time.then(|| {
        let days: Vec<&str> = pairs.iter().map(|p| p.label.as_str()).collect();
        frame.x_labels(slot_labels(&frame, &days, slot))
    });
    view! { {frame.y_axis()} {groups} {labels} }.into_any()
}

/// The SVG for a plot, drawn `width` CSS pixels wide.
fn drawing(plot: &Plot, labelled_by: String, width: f64) -> impl IntoView {
    let height = match plot {
        Plot::Bars { bars, horizontal: true, .. } => rows_height(bars.len(), width < STACKED_BELOW),
        Plot::Pairs { pairs, over_time: false, .. } if width < STACKED_BELOW => pair_rows_height(pairs.len()),
        _ => HEIGHT,
    };
    let inner = match plot {
        Plot::Lines { lines, from, to, y_max } => draw_lines(lines, from, to, *y_max, width),
        Plot::Bars { bars, y_max, horizontal: true } => draw_rows(bars, *y_max, width),
        Plot::Bars { bars, y_max, horizontal: false } => draw_columns(bars, *y_max, width),
        Plot::Pairs { pairs, y_max, over_time } => draw_pairs(pairs, *y_max, *over_time, width),
    };
    view! {
        <svg
            class="chart__svg"
            viewBox=format!("0 0 {width:.0} {height:.0}")
            width=format!("{width:.0}")
            height=format!("{height:.0}")
            role="img"
            tabindex="0"
            aria-labelledby=labelled_by
            preserveAspectRatio="xMinYMin meet"
        >
            {inner}
        </svg>
    }
}

/// The width of `element`'s content box in CSS pixels, whole, or `None` before it is laid out.
fn measured(element: &web_sys::HtmlElement) -> Option<f64> {
    let width = f64::from(element.client_width());
    (width > 0.0).then(|| width.max(MIN_WIDTH).floor())
}

/// One chart: title, description, drawing (or a figure or note instead), legend, and a "show as table" toggle.
/// Marks `ts-chart:<id>` when it starts drawing and `ts-chart-end:<id>` once the drawing's nodes are made (or
/// updated, on a redraw), so the benchmark can time each chart.
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

    // The drawing is made once, at the width it is shown at: measured as soon as its box is laid out (right after
    // it is mounted, or later when the app's frame was built hidden), and again whenever that box changes size
    // (a phone turned, the page zoomed). Until then only the description is there.
    let body_ref = NodeRef::<Div>::new();
    let width = RwSignal::new(None::<f64>);
    let measure = move || {
        if let Some(w) = body_ref.get_untracked().and_then(|el| measured(&el)) {
            if width.get_untracked().is_none_or(|drawn| (w - drawn).abs() >= 1.0) {
                width.set(Some(w));
            }
        }
    };
    let observer = StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn Fn()>)>);
    Effect::new(move |_| {
        let Some(body) = body_ref.get() else { return };
        measure();
        if observer.with_value(Option::is_some) {
            return;
        }
        let callback = Closure::<dyn Fn()>::new(measure);
        match web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            Ok(watch) => {
                watch.observe(&body);
                observer.set_value(Some((watch, callback)));
            }
            // No size changes will be reported: draw at the default width rather than never.
            Err(_) if width.get_untracked().is_none() => width.set(Some(DEFAULT_WIDTH)),
            Err(_) => {}
        }
    });
    on_cleanup(move || {
        observer.update_value(|o| {
            if let Some((watch, _)) = o.take() {
                watch.disconnect();
            }
        })
    });

    let body = {
        let desc_id = desc_id.clone();
        move || {
            perf_mark(&format!("ts-chart:{id}"));
            let width = width.get();
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
                let picture = match &d.instead {
                    Some(Instead::Note(note)) => view! { <p class="chart__empty">{note.clone()}</p> }.into_any(),
                    Some(Instead::Figure { figure, caption }) => view! {
                        <p class="chart__figure">
                            <span class="chart__big">{figure.clone()}</span>
                            <span class="chart__caption">{caption.clone()}</span>
                        </p>
                    }
                    .into_any(),
                    None => match width {
                        Some(width) => view! { {drawing(&d.plot, labelled_by.clone(), width)} {legend} }.into_any(),
                        None => legend.into_any(),
                    },
                };
                view! {
                    <p class="chart__desc" id=desc_id.clone()>{d.description.clone()}</p>
                    {picture}
                    // Built, so run, after the parts above: on every drawing, once their nodes are made.
                    {move || perf_mark(&format!("ts-chart-end:{id}"))}
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
            <div class="chart__body" node_ref=body_ref>{body}</div>
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
