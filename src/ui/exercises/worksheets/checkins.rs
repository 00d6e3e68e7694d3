//! Keeping trust alive: this period's check-in on the five habits (saved as it is filled in), how the habits
//! have gone lately, and the history.

use super::Change;
use crate::domain::worksheets::{
    checkin_stats, count_of, days_ago, HabitCheckIn, Rhythm, WorksheetEntry, HABITS, HABIT_RATINGS,
};
use crate::state::{now_iso, today};
use crate::ui::components::disclosure::Disclosure;
use crate::ui::components::fields::TextArea;
use crate::ui::dom::local_day;
use leptos::prelude::*;

/// The check-in form for today (or this week), the stats and the history.
#[component]
pub(super) fn HabitCheckIns(entry: RwSignal<WorksheetEntry>, edit: Callback<Change>) -> impl IntoView {
    // The form is for today's (or this week's) check-in. `today()` is reactive, so a page left open past midnight
    // moves on to the new day; an answer also reads the date itself, in case it comes before the date watch.
    let rhythm = Memo::new(move |_| entry.with(|e| Rhythm::from_answer(e.answer("rhythm"))));
    let current = Memo::new(move |_| entry.with(|e| e.checkin_for(rhythm.get(), &today()).cloned()));
    // Each answer updates this period's check-in at once (one per day or week; the history keeps the rest).
    let save = move |change: Box<dyn FnOnce(&mut HabitCheckIn)>| {
        let (day, now, rhythm) = (today(), now_iso(), rhythm.get_untracked());
        let mut checkin = entry.with_untracked(|e| e.checkin_for(rhythm, &day).cloned()).unwrap_or_default();
        change(&mut checkin);
        edit.run(Box::new(move |e| {
            e.check_in(rhythm, &day, checkin.ratings, &checkin.note, &now);
        }));
    };
    let note = Memo::new(move |_| current.with(|c| c.as_ref().map(|c| c.note.clone()).unwrap_or_default()));
    let stats = Memo::new(move |_| entry.with(|e| checkin_stats(e, rhythm.get(), &today())));
    let history = Memo::new(move |_| entry.with(|e| e.checkins.iter().rev().cloned().collect::<Vec<_>>()));
    let heading = move || match rhythm.get() {
        Rhythm::Daily => "Today's check-in",
        Rhythm::Weekly => "This week's check-in",
    };
    view! {
        <h3 id="ws-checkin-heading">{heading}</h3>
        <p class="hint">"Saved as you answer. Answering again today (or this week) updates it."</p>
        {HABITS
            .iter()
            .map(|(key, name, question)| {
                let rating = Memo::new(move |_| current.with(|c| c.as_ref().and_then(|c| c.ratings.get(*key).copied())));
                view! {
                    <fieldset class="choice-group habit">
                        <legend>{format!("{name}: {question}")}</legend>
                        <div class="habit__choices">
                            {HABIT_RATINGS
                                .iter()
                                .enumerate()
                                .map(|(value, label)| {
                                    let value = value as u8;
                                    view! {
                                        <label class="choice">
                                            <input
                                                type="radio"
                                                name=format!("ws-habit-{key}")
                                                prop:checked=move || { rating.get() == Some(value) }
                                                on:change=move |_| save(Box::new(move |c| {
                                                    c.ratings.insert((*key).to_owned(), value);
                                                }))
                                            />
                                            <span>{*label}</span>
                                        </label>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </fieldset>
                }
            })
            .collect_view()}
        <TextArea
            id="ws-checkin-note"
            label="A note (optional)"
            hint="What went well, or one thing to do differently."
            rows=2
            value=note
            on_input=move |t: String| save(Box::new(move |c| c.note = t))
        />
        <div class="checkin-stats" role="group" aria-labelledby="ws-checkin-stats">
            <h3 id="ws-checkin-stats">"Lately"</h3>
            {move || {
                let s = stats.get();
                if s.count == 0 {
                    return view! { <p class="empty-state">"Your first check-in will start the history."</p> }.into_any();
                }
                let unit = rhythm.get().run_words(s.run);
                let last = history.with(|h| h.first().map(|c| days_ago(&c.day, &today())));
                view! {
                    <p>
                        {count_of(s.count, "check-in", "check-ins")}
                        {last.map(|l| format!(" · last {l}"))}
                        {(s.run > 1).then(|| format!(" · {unit} in a row"))}
                    </p>
                    <ul class="habit-scores">
                        {HABITS
                            .iter()
                            .zip(s.recent)
                            .map(|((_, name, _), score)| {
                                let text = score.map_or("not rated yet".to_owned(), |p| format!("{p}%"));
                                view! {
                                    <li>
                                        <span class="habit-scores__name">{*name}</span>
                                        <meter min="0" max="100" value=score.unwrap_or(0).to_string() aria-label=format!("{name}: {text}")></meter>
                                        <span>{text.clone()}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <p class="hint">"Over the last four check-ins. “Yes” counts fully, “Partly” half."</p>
                    {s.focus.map(|name| view! { <p>{format!("A habit to give a little attention to: {name}.")}</p> })}
                }
                    .into_any()
            }}
        </div>
        <Show when=move || history.with(|h| !h.is_empty())>
            <Disclosure label="Show check-in history">
                <ul class="checkin-history">
                    {move || {
                        history
                            .get()
                            .into_iter()
                            .map(|c| {
                                let answers = HABITS
                                    .iter()
                                    .map(|(key, name, _)| {
                                        let r = c.ratings.get(*key).and_then(|r| HABIT_RATINGS.get(usize::from(*r))).copied().unwrap_or("–");
                                        format!("{name}: {r}")
                                    })
                                    .collect::<Vec<_>>()
                                    .join(" · ");
                                view! {
                                    <li>
                                        <strong>{local_day(&c.day)}</strong>
                                        <span class="checkin-history__answers">{answers}</span>
                                        {(!c.note.trim().is_empty()).then(|| view! { <span class="user-text">{c.note.clone()}</span> })}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Disclosure>
        </Show>
    }
}
