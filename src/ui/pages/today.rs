//! `/`: one suggested next step, quick actions, and the week so far — or, for someone new, a welcome and where
//! to start instead of empty widgets.

use crate::content::exercise_by_slug;
use crate::content::{lesson_by_slug, LESSONS};
use crate::domain::insights::{active_days, active_streak, week_summary};
use crate::domain::keep_safe::backup_ask;
use crate::domain::next_step::{is_new_user, next_step, unfinished_worksheets, NextStep};
use crate::domain::promises::{due_in_order, due_on, Promise};
use crate::state::{browser_facts, clock, now_iso, set_title, today, AppState};
use crate::ui::components::fields::FieldError;
use crate::ui::components::home_screen::SevenDayWarning;
use crate::ui::exercises::DueCard;
use crate::ui::pages::settings::{download_backup, SpaceWarningCard};
use leptos::prelude::*;

/// The suggestion's card: eyebrow, heading, one line, and the button's words.
struct StepText {
    eyebrow: &'static str,
    heading: String,
    line: String,
    button: &'static str,
}

fn step_text(step: &NextStep) -> StepText {
    let eyebrow = "Your next step";
    match step {
        NextStep::CheckInPromises { due, first } => StepText {
            eyebrow,
            heading: "Check in on your promises".into(),
            line: match due {
                1 => format!("“{first}” is waiting for today’s check-in."),
                n => format!("“{first}” and {} more are waiting for today’s check-in.", n - 1),
            },
            button: "All your promises",
        },
        NextStep::FinishExperiment { person, step, .. } => StepText {
            eyebrow,
            heading: "Write down how it went".into(),
            line: format!("You planned to try “{step}” with {person}. What actually happened?"),
            button: "Add what happened",
        },
        NextStep::ResumeDraft { preview, .. } => StepText {
            eyebrow,
            heading: "Finish your thought record".into(),
            line: if preview.is_empty() {
                "You started one and did not finish it yet.".into()
            } else {
                format!("“{preview}”")
            },
            button: "Resume it",
        },
        NextStep::ResumeWorksheet(sheet) => StepText {
            eyebrow,
            heading: "Finish a worksheet".into(),
            line: format!("“{}” is saved where you left it.", sheet.title),
            button: "Resume it",
        },
        NextStep::RerateBelief { statement, days, .. } => StepText {
            eyebrow,
            heading: "Re-rate a belief".into(),
            line: format!("“{statement}” was last rated {days} days ago. How true does it feel today?"),
            button: "Re-rate it",
        },
        NextStep::ReadLesson { slug, continuing } => {
            let lesson = lesson_by_slug(slug);
            StepText {
                eyebrow: if *continuing { "Continue where you left off" } else { "Your next step" },
                heading: lesson.map_or_else(|| slug.clone(), |l| l.title.to_owned()),
                line: lesson.map(|l| l.summary.to_owned()).unwrap_or_default(),
                button: if *continuing { "Continue reading" } else { "Start the lesson" },
            }
        }
    }
}

/// The home page.
#[component]
pub fn Today() -> impl IntoView {
    set_title("Today");
    let state = AppState::get();
    let lessons: Vec<&'static str> = LESSONS.iter().map(|l| l.slug).collect();
    let first_lesson = LESSONS.first();
    let new_user = Memo::new(move |_| state.with_user_data(is_new_user));
    let step = Memo::new(move |_| {
        let now = clock();
        let dismissed = state.preferences.with(|p| p.dismissed_steps.clone());
        let worksheets =
            state.worksheets.with(|w| unfinished_worksheets(w, |slug| exercise_by_slug(slug).map(|e| e.title)));
        state.with_user_data(|data| next_step(data, &worksheets, &lessons, &now, &dismissed))
    });
    let week = Memo::new(move |_| {
        let now = clock();
        state.with_user_data(|data| {
            (active_streak(&active_days(data, &now), &now.today), week_summary(data, &now).sentences())
        })
    });
    let due = Memo::new(move |_| state.promises.with(|p| due_on(p, &today()).len()));
    let due_list = Memo::new(move |_| {
        state.promises.with(|all| due_in_order(all, &today()).into_iter().cloned().collect::<Vec<Promise>>())
    });
    let dismiss = move |key: String| {
        state.change(state.preferences, |p| p.dismissed_steps.dismiss(&key, &today()));
    };

    let suggestion = move || {
        match step.get() {
        Some(step) => {
            let text = step_text(&step);
            let key = step.key();
            // Promises are checked in right here, one tap each; the link to the page becomes the quiet way on.
            let promises = matches!(step, NextStep::CheckInPromises { .. });
            let line = if let NextStep::CheckInPromises { due, .. } = &step {
                let them = if *due == 1 { "it" } else { "them" };
                view! { <p>{format!("Did you keep {them}? Kept or Missed: either is an honest answer.")}</p> }.into_any()
            } else {
                view! { <p class="user-text">{text.line}</p> }.into_any()
            };
            let due_cards = promises.then(|| {
                view! {
                    <ul class="card-list today-promises" aria-label="Promises due today">
                        <For each=move || due_list.get() key=|p| p.id.clone() let:promise>
                            <DueCard promise=promise/>
                        </For>
                    </ul>
                }
            });
            let link_class = if promises { "button button--secondary" } else { "button button--primary" };
            view! {
                <section class="card card--next" aria-labelledby="next-heading">
                    <p class="card__eyebrow">{text.eyebrow}</p>
                    <h2 id="next-heading">{text.heading}</h2>
                    {line}
                    {due_cards}
                    <div class="button-row">
                        <a class=link_class href=step.href()>{text.button}</a>
                        <Show when=move || !new_user.get()>
                            {
                                let key = key.clone();
                                view! {
                                    <button type="button" class="button button--quiet" on:click=move |_| dismiss(key.clone())>
                                        "Not today"
                                    </button>
                                }
                            }
                        </Show>
                    </div>
                </section>
            }
            .into_any()
        }
        None => view! {
            <section class="card card--next" aria-labelledby="next-heading">
                <p class="card__eyebrow">"Your next step"</p>
                <h2 id="next-heading">"Nothing waiting today"</h2>
                <p>"You are up to date. Rest is part of it too — or pick any exercise in "<a href="/practice">"Practice"</a>"."</p>
            </section>
        }
        .into_any(),
    }
    };

    view! {
        <h1>"Today"</h1>
        <Show
            when=move || new_user.get()
            fallback=move || {
                view! {
                    <SpaceRunningLow/>
                    {suggestion}
                    <SevenDayWarning steps_here=true/>
                    <BackupReminder/>
                    <nav class="quick-actions" aria-labelledby="quick-heading">
                        <h2 id="quick-heading">"Quick actions"</h2>
                        <ul class="quick-actions__list">
                            <li><a class="button button--secondary" href="/journal/new">"New thought record"</a></li>
                            <li><a class="button button--secondary" href="/people">"Log something about a person"</a></li>
                            <li>
                                <a class="button button--secondary" href="/practice/promises">
                                    {move || match due.get() {
                                        0 => "Today’s promises".to_owned(),
                                        n => format!("Check in today’s promises ({n})"),
                                    }}
                                </a>
                            </li>
                            <li><a class="button button--secondary" href="/practice/keeping-trust">"Habits check-in"</a></li>
                        </ul>
                    </nav>
                    <section class="card week-summary" aria-labelledby="week-heading">
                        <h2 id="week-heading">"Your week"</h2>
                        {move || {
                            let (streak, _) = week.get();
                            (streak > 1).then(|| view! { <p class="week-summary__streak">{format!("{streak} days in a row with something done for yourself.")}</p> })
                        }}
                        <ul class="weekly-review__list">{move || week.get().1.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                        <p><a href="/progress">"See your progress"</a></p>
                    </section>
                }
            }
        >
            // The welcome's one action sits right under its first lines, so a phone's first screen holds it.
            <section class="card card--welcome" aria-labelledby="welcome-heading">
                <h2 id="welcome-heading">"Welcome to Trust Steps"</h2>
                <p>"A quiet place to understand why trusting feels hard, and to practise small, safe steps at your own pace."</p>
                {first_lesson.map(|l| view! {
                    <div class="button-row">
                        <a class="button button--primary" href=format!("/learn/{}", l.slug)>"Start the first lesson"</a>
                    </div>
                    <p class="hint">{format!("“{}”, about {} minutes.", l.title, l.minutes)}</p>
                })}
                <p>"What you write stays on this device. There is no account and nothing is sent anywhere. "<a href="/privacy">"How that works"</a></p>
            </section>
            <section class="card first-run" aria-labelledby="start-heading">
                <h2 id="start-heading">"Where to start"</h2>
                <ol class="first-run__steps">
                    <li>{first_lesson.map(|l| view! { "Read the first lesson, "<a href=format!("/learn/{}", l.slug)>{l.title}</a>". It is a course of short lessons with exercises beside each one." })}</li>
                    <li>"When something upsets you, slow it down with a "<a href="/journal/new">"thought record"</a>"."</li>
                    <li>"Make one small "<a href="/practice/promises">"promise to yourself"</a>" you can keep this week."</li>
                </ol>
                <p class="hint">"If you need someone to talk to now, "<a href="/help">"Help"</a>" lists crisis lines."</p>
            </section>
        </Show>
    }
}

/// A quiet request for a backup, below the next step: only when there is something a backup would keep and
/// enough days have passed (the rules and the words: `domain::keep_safe::backup_ask`).
#[component]
fn BackupReminder() -> impl IntoView {
    let state = AppState::get();
    let erase_risk = browser_facts().may_erase_after_seven_days();
    let message = RwSignal::new(None::<String>);
    let ask = Memo::new(move |_| {
        let entries = state.entry_times();
        state.backup_status.with(|s| {
            backup_ask(&entries, s.last_backup_at.as_deref(), s.reminder_snoozed_at.as_deref(), &now_iso(), erase_risk)
        })
    });
    view! {
        {move || ask.get().map(|ask| view! {
            <section class="card card--reminder" aria-labelledby="backup-reminder-heading" data-testid="backup-reminder">
                <h2 id="backup-reminder-heading">"Keep a copy of your entries"</h2>
                <p>{ask.situation()}" "{ask.reason()}</p>
                <div class="button-row">
                    <button type="button" class="button button--secondary" on:click=move |_| message.set(download_backup(state).err())>
                        "Download a backup"
                    </button>
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=move |_| state.change(state.backup_status, |s| s.reminder_snoozed_at = Some(now_iso()))
                    >
                        "Not now"
                    </button>
                </div>
                <FieldError message=move || message.get()/>
            </section>
        })}
    }
}

/// The space warning, first on the page and only from 80% of the planned quota (`domain::storage_space`).
#[component]
fn SpaceRunningLow() -> impl IntoView {
    let state = AppState::get();
    let warning = Memo::new(move |_| {
        crate::domain::storage_space::SpaceUse::planned(state.storage.with(|s| s.used_bytes) / 2).warning()
    });
    move || warning.get().map(|w| view! { <SpaceWarningCard warning=w/> })
}
