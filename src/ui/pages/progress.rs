//! `/progress`: the week in words and a chart of each kind of change, all over one chosen period.

use crate::content::LESSONS;
use crate::domain::insights::{
    belief_lines, beliefs_sentence, chart_waits_for, course_progress, course_sentence, enough_points,
    feelings_before_after, feelings_sentence, habit_days, habits_per_week, habits_sentence, ladder_feared_vs_happened,
    ladder_sentence, people_by_activity, person_gut_vs_evidence, person_sentence, person_trend, person_trend_sentence,
    promises_per_week, promises_sentence, trap_frequency, traps_sentence, week_summary, Bucket, DateRange, Line, Pair,
    PairAverages, Window,
};
use crate::domain::words::count_of;
use crate::state::{clock, set_title, AppState};
use crate::ui::charts::{number, Chart, ChartData, Instead, Plot};
use crate::ui::components::fields::RadioGroup;
use crate::ui::dom::local_day;
use leptos::prelude::*;

/// How many traps the trap chart lists.
const TOP_TRAPS: usize = 8;

/// Where a line chart's time axis starts: the earliest of `days` (the lines' first points), so the lines use the
/// whole width rather than a corner of a long, empty period; else the window's first day, or today.
fn axis_start<'a>(window: &Window, days: impl Iterator<Item = &'a String>) -> String {
    days.min().cloned().or_else(|| window.from.clone()).unwrap_or_else(|| window.to.clone())
}

/// What a chart over time shows instead of its drawing: `empty` with no marks, the `figure` while there are
/// fewer than three (see [`enough_points`]) marks of `bucket`, else nothing (it is drawn).
fn instead_of(marks: usize, empty: &str, bucket: Bucket, figure: impl FnOnce() -> (String, String)) -> Option<Instead> {
    if marks == 0 {
        Some(Instead::Note(empty.to_owned()))
    } else if !enough_points(marks) {
        let (figure, what) = figure();
        Some(Instead::Figure { figure, caption: format!("{what}. {}", chart_waits_for(bucket.plural())) })
    } else {
        None
    }
}

/// What a line chart shows instead while no line has three points: one line's first and latest value as a big
/// figure ("90 → 70"), or, for several lines, a note (the description and table hold every value).
fn lines_instead(lines: &[Line], empty: &str, what: &str) -> Option<Instead> {
    let most = lines.iter().map(|l| l.points.len()).max().unwrap_or(0);
    match lines {
        [] => Some(Instead::Note(empty.to_owned())),
        _ if enough_points(most) => None,
        [line] => {
            let first = line.points.first().map(|p| p.1).unwrap_or_default();
            let last = line.points.last().map(|p| p.1).unwrap_or_default();
            let figure =
                if line.points.len() > 1 { format!("{} → {}", number(first), number(last)) } else { number(last) };
            Some(Instead::Figure { figure, caption: format!("{what}. {}", chart_waits_for("different days")) })
        }
        _ => Some(Instead::Note(
            "Each line is drawn once it has points on 3 different days. Until then, the words above and the table \
             show them."
                .to_owned(),
        )),
    }
}

/// A line chart's data over the window: one legend entry and one table row per point, "`series`, Day, `value`".
/// Table rows of pairs by day: the day, how many entries, then the first and second value as `value` writes them.
fn dated_pair_rows(pairs: &[Pair], value: impl Fn(Option<f64>) -> String) -> Vec<Vec<String>> {
    pairs
        .iter()
        .map(|p| vec![local_day(&p.label), p.count.to_string(), value(Some(p.before)), value(p.after)])
        .collect()
}

fn lines_chart(
    lines: Vec<Line>,
    window: &Window,
    description: String,
    empty: &str,
    what: &str,
    headers: [&str; 2],
) -> ChartData {
    let from = axis_start(window, lines.iter().flat_map(|l| l.points.first().map(|p| &p.0)));
    ChartData {
        description,
        instead: lines_instead(&lines, empty, what),
        legend: lines.iter().map(|l| l.name.clone()).collect(),
        headers: vec![headers[0].into(), "Day".into(), headers[1].into()],
        rows: lines
            .iter()
            .flat_map(|l| l.points.iter().map(|(day, v)| vec![l.name.clone(), local_day(day), number(*v)]))
            .collect(),
        plot: Plot::Lines { lines, from, to: window.to.clone(), y_max: 100.0 },
    }
}

/// The Progress page.
#[component]
pub fn Progress() -> impl IntoView {
    set_title("Progress");
    let state = AppState::get();
    let range = RwSignal::new(DateRange::FourWeeks);
    let window = Memo::new(move |_| Window::of(range.get(), &clock().today));

    let feelings = Memo::new(move |_| {
        let w = window.get();
        let (bucket, pairs) = state.journal.with(|j| feelings_before_after(j, &w));
        let PairAverages { entries: n, before, after } = PairAverages::of(&pairs);
        ChartData {
            description: feelings_sentence(n, before, after, range.get()),
            instead: instead_of(
                pairs.len(),
                "No finished thought records with re-rated feelings in this period.",
                bucket,
                || {
                    let records = count_of(n, "thought record", "thought records");
                    (
                        format!("{} → {}", number(before), number(after)),
                        format!("Average feeling before → after, {records}"),
                    )
                },
            ),
            legend: vec!["Before".into(), "After".into()],
            headers: vec![bucket.noun().into(), "Thought records".into(), "Before".into(), "After".into()],
            rows: dated_pair_rows(&pairs, |v| v.map(number).unwrap_or_default()),
            plot: Plot::Pairs { pairs, y_max: 100.0, over_time: true },
        }
    });

    let traps = Memo::new(move |_| {
        let r = range.get();
        let w = window.get();
        let today = w.to.clone();
        let before = r.previous(&today).map(|(from, to)| Window { from: Some(from), to });
        let bars = state.journal.with(|j| trap_frequency(j, &w, before.as_ref(), TOP_TRAPS));
        let description = traps_sentence(&bars, r);
        let mut headers = vec!["Thinking trap".to_owned(), "Times".to_owned()];
        if before.is_some() {
            headers.push("The period before".into());
        }
        ChartData {
            description,
            instead: bars.is_empty().then(|| Instead::Note("No thinking traps marked in this period.".into())),
            legend: vec![],
            headers,
            rows: bars
                .iter()
                .map(|b| {
                    let mut row = vec![b.label.clone(), number(b.value)];
                    row.extend(b.other.map(number));
                    row
                })
                .collect(),
            plot: Plot::bars(bars, true),
        }
    });

    let beliefs = Memo::new(move |_| {
        let w = window.get();
        let lines = state.beliefs.with(|b| belief_lines(b, &w, &clock()));
        let description = beliefs_sentence(&lines);
        lines_chart(
            lines,
            &w,
            description,
            "No belief was rated in this period.",
            "How strongly you hold it, first and latest rating (0–100)",
            ["Belief", "Strength"],
        )
    });

    let people = Memo::new(move |_| {
        let w = window.get();
        state.people.with(|people| {
            state.observations.with(|obs| {
                people_by_activity(people, obs, &w)
                    .into_iter()
                    .map(|(p, n)| (p.id.clone(), p.name.clone(), n))
                    .collect::<Vec<_>>()
            })
        })
    });
    let chosen = RwSignal::new(None::<String>);
    let person_id = Memo::new(move |_| {
        let list = people.get();
        chosen.get().filter(|id| list.iter().any(|(p, _, _)| p == id)).or_else(|| list.first().map(|p| p.0.clone()))
    });
    let person_profile = Memo::new(move |_| {
        let w = window.get();
        let id = person_id.get();
        let found = state.people.with(|people| {
            let person = people.iter().find(|p| Some(&p.id) == id.as_ref())?;
            let pairs = state.observations.with(|obs| person_gut_vs_evidence(person, obs, &w));
            Some((person.name.clone(), pairs))
        });
        let (name, pairs) = found.unwrap_or_default();
        ChartData {
            description: if name.is_empty() {
                "Your gut feeling about someone beside what the evidence you log supports, part by part (0–100).".into()
            } else {
                person_sentence(&name, &pairs, range.get())
            },
            instead: (pairs.is_empty() || name.is_empty())
                .then(|| Instead::Note("Add someone in People and log what they do to see this.".into())),
            legend: vec!["Gut feeling".into(), "What the evidence supports".into()],
            headers: vec!["Part of trust".into(), "Gut feeling".into(), "Evidence".into(), "Observations".into()],
            rows: pairs
                .iter()
                .map(|p| {
                    let gut = if p.before > 0.0 { number(p.before) } else { "not rated".into() };
                    vec![
                        p.label.clone(),
                        gut,
                        p.after.map(number).unwrap_or_else(|| "nothing logged".into()),
                        p.count.to_string(),
                    ]
                })
                .collect(),
            plot: Plot::Pairs { pairs, y_max: 100.0, over_time: false },
        }
    });
    let person_trend_data = Memo::new(move |_| {
        let w = window.get();
        let id = person_id.get();
        let found = state.people.with(|people| {
            let person = people.iter().find(|p| Some(&p.id) == id.as_ref())?;
            Some((person.name.clone(), state.observations.with(|obs| person_trend(person, obs, &w))))
        });
        let (name, lines) = found.unwrap_or_default();
        lines_chart(
            lines,
            &w,
            person_trend_sentence(&name),
            "Nothing logged about this person in this period.",
            "Evidence score, first and latest (0–100)",
            ["Part of trust", "Evidence score"],
        )
    });

    let promises = Memo::new(move |_| {
        let w = window.get();
        let bars = state.promises.with(|p| promises_per_week(p, &w));
        let kept = bars.iter().map(|b| b.value).sum::<f64>().round() as usize;
        let checked = bars.iter().filter_map(|b| b.other).sum::<f64>().round() as usize;
        ChartData {
            description: promises_sentence(kept, checked, bars.len(), range.get()),
            instead: instead_of(bars.len(), "No promise check-ins in this period.", Bucket::Week, || {
                (format!("{kept} of {checked}"), "Promise check-ins kept".to_owned())
            }),
            legend: vec![],
            headers: vec!["Week of".into(), "Kept".into(), "Checked in".into()],
            rows: bars
                .iter()
                .map(|b| vec![local_day(&b.label), number(b.value), b.other.map(number).unwrap_or_default()])
                .collect(),
            plot: Plot::bars(bars, false),
        }
    });

    let habits = Memo::new(move |_| {
        let w = window.get();
        let bars = state.worksheets.with(|ws| habits_per_week(&habit_days(ws), &w));
        let total = bars.iter().map(|b| b.value).sum::<f64>().round() as usize;
        ChartData {
            description: habits_sentence(total, range.get()),
            instead: instead_of(
                bars.len(),
                "No habit check-ins in this period. The habits check-in is part of “Keeping trust alive” in Practice.",
                Bucket::Week,
                || (total.to_string(), if total == 1 { "Habit check-in" } else { "Habit check-ins" }.to_owned()),
            ),
            legend: vec![],
            headers: vec!["Week of".into(), "Check-ins".into()],
            rows: bars.iter().map(|b| vec![local_day(&b.label), number(b.value)]).collect(),
            plot: Plot::bars(bars, false),
        }
    });

    let ladder = Memo::new(move |_| {
        let w = window.get();
        let (bucket, pairs) = state.ladder.with(|l| ladder_feared_vs_happened(l, &w, &clock()));
        let PairAverages { entries: n, before: expected, after: happened } = PairAverages::of(&pairs);
        ChartData {
            description: ladder_sentence(n, expected, happened, range.get()),
            instead: instead_of(
                pairs.len(),
                "No disclosure-ladder experiments finished in this period.",
                bucket,
                || {
                    (
                        format!("{}% → {}%", number(expected), number(happened)),
                        format!(
                            "How likely the feared outcome felt → how often it came true, over {}",
                            count_of(n, "experiment", "experiments")
                        ),
                    )
                },
            ),
            legend: vec!["How likely it felt (%)".into(), "How often it happened (%)".into()],
            headers: vec![
                bucket.noun().into(),
                "Experiments".into(),
                "How likely it felt".into(),
                "It happened".into(),
            ],
            rows: dated_pair_rows(&pairs, |v| format!("{}%", number(v.unwrap_or(0.0)))),
            plot: Plot::Pairs { pairs, y_max: 100.0, over_time: true },
        }
    });

    let course = Memo::new(move |_| {
        let w = window.get();
        let line = state.progress.with(|p| course_progress(p, &w, &clock()));
        let done = state.progress.with(|p| p.done_count(LESSONS.iter().map(|l| l.slug)));
        let in_range = state.progress.with(|p| {
            p.lessons
                .values()
                .filter(|l| l.done_at.as_deref().and_then(|d| clock().day_of(d)).is_some_and(|d| w.contains(&d)))
                .count()
        });
        let from = axis_start(&w, line.points.first().map(|p| &p.0).into_iter());
        ChartData {
            description: course_sentence(done, LESSONS.len(), in_range, range.get()),
            instead: match line.points.len() {
                0 => Some(Instead::Note("No lesson marked done in this period.".into())),
                n if !enough_points(n) => Some(Instead::Figure {
                    figure: format!("{done} of {}", LESSONS.len()),
                    caption: format!("Lessons done. {}", chart_waits_for("different days")),
                }),
                _ => None,
            },
            legend: vec![],
            headers: vec!["Day".into(), "Lessons done in total".into()],
            rows: line.points.iter().map(|(day, v)| vec![local_day(day), number(*v)]).collect(),
            plot: Plot::Lines { lines: vec![line], from, to: w.to.clone(), y_max: LESSONS.len() as f64 },
        }
    });

    let review = Memo::new(move |_| state.with_user_data(|data| week_summary(data, &clock()).sentences()));

    view! {
        <h1>"Progress"</h1>
        <section class="card weekly-review" aria-labelledby="review-heading">
            <h2 id="review-heading">"Your week"</h2>
            <ul class="weekly-review__list">{move || review.get().into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
        </section>
        <RadioGroup
            name="progress-range"
            legend="Period"
            options=DateRange::ALL.into_iter().map(|r| (r, r.label())).collect()
            value=range
            class="range-picker segmented"
        />
        <h2>"Your thoughts"</h2>
        <Chart id="chart-feelings" title="Feelings before and after a thought record" data=feelings/>
        <Chart id="chart-traps" title="Thinking traps that come up most" data=traps/>
        <Chart id="chart-beliefs" title="Belief strength over time" data=beliefs/>
        <h2>"The people in your life"</h2>
        <Show when=move || { people.with(|p| p.len() > 1) }>
            <div class="field">
                <label for="progress-person">"Person"</label>
                <select
                    id="progress-person"
                    on:change=move |ev| chosen.set(Some(event_target_value(&ev)))
                >
                    {move || {
                        let selected = person_id.get();
                        people
                            .get()
                            .into_iter()
                            .map(|(id, name, n)| {
                                let is_selected = Some(&id) == selected.as_ref();
                                view! { <option value=id selected=is_selected>{format!("{name} — {n} logged")}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </Show>
        <Chart id="chart-person" title="Gut feeling and evidence, part by part" data=person_profile/>
        <Chart id="chart-person-trend" title="How the evidence moved" data=person_trend_data/>
        <Chart id="chart-ladder" title="Disclosure ladder: what you feared and what happened" data=ladder/>
        <h2>"Trust in yourself"</h2>
        <Chart id="chart-promises" title="Promises kept per week" data=promises/>
        <Chart id="chart-habits" title="Habit check-ins" data=habits/>
        <Chart id="chart-course" title="Course progress" data=course/>
    }
}
