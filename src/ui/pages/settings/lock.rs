//! Settings › Passphrase lock: turn it on (after a plain warning and the offer of a backup), lock now, the
//! idle time, change the passphrase, turn it off. The work is in `state::lock`.

use super::backup::{download_backup, LockShown};
use super::SettingsSection;
use crate::state::{lock, AppState};
use crate::storage::locked::passphrase_problem;
use crate::ui::components::fields::{FieldError, PasswordInput};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Idle times offered, in minutes (0: only at start and with Hide).
const IDLE_CHOICES: [(u32, &str); 5] = [
    (0, "Only when I open the app or press Hide"),
    (1, "1 minute"),
    (5, "5 minutes"),
    (15, "15 minutes"),
    (30, "30 minutes"),
];

/// The idle-time choice.
#[component]
fn IdleChoice(value: RwSignal<u32>, on_change: impl Fn(u32) + 'static) -> impl IntoView {
    view! {
        <div class="field">
            <label for="lock-idle">"Lock again after no use for"</label>
            <select
                id="lock-idle"
                prop:value=move || value.get().to_string()
                on:change=move |ev| {
                    let minutes = event_target_value(&ev).parse().unwrap_or(0);
                    value.set(minutes);
                    on_change(minutes);
                }
            >
                {IDLE_CHOICES
                    .iter()
                    .map(|(minutes, label)| view! { <option value=minutes.to_string()>{*label}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The passphrase-lock section.
#[component]
pub fn LockSection() -> impl IntoView {
    let state = AppState::get();
    let record = lock::lock_record().ok().flatten();
    let on = LockShown::signal();
    on.set(record.is_some());
    let idle = RwSignal::new(record.map_or(5, |r| r.idle_minutes));
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<Result<String, String>>);
    let (new, again, understood) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(false));
    let (current, change_new, change_again, off_passphrase) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let clear = move || {
        [new, again, current, change_new, change_again, off_passphrase].iter().for_each(|s| s.set(String::new()))
    };
    // Runs one lock operation, with the busy state and its message.
    let run = move |work: std::pin::Pin<Box<dyn std::future::Future<Output = Result<String, String>>>>,
                    turns: Option<bool>| {
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            let result = work.await;
            if result.is_ok() {
                clear();
                if let Some(now_on) = turns {
                    on.set(now_on);
                }
            }
            message.set(Some(result));
            busy.set(false);
        });
    };
    let turn_on = move |_| {
        if let Some(problem) = passphrase_problem(&new.get_untracked(), &again.get_untracked()) {
            message.set(Some(Err(problem.to_owned())));
            return;
        }
        if !understood.get_untracked() {
            message.set(Some(Err(
                "Tick the box to say you understand that a forgotten passphrase cannot be recovered.".into(),
            )));
            return;
        }
        let (passphrase, minutes) = (new.get_untracked(), idle.get_untracked());
        run(Box::pin(async move { lock::turn_on(&passphrase, minutes).await.map_err(|e| e.to_string()) }), Some(true));
    };
    let change = move |_| {
        if let Some(problem) = passphrase_problem(&change_new.get_untracked(), &change_again.get_untracked()) {
            message.set(Some(Err(problem.to_owned())));
            return;
        }
        let (old, next) = (current.get_untracked(), change_new.get_untracked());
        run(
            Box::pin(async move {
                lock::change_passphrase(&old, &next).await.map_err(|e| e.to_string())?;
                Ok("The passphrase is changed.".to_owned())
            }),
            None,
        );
    };
    let turn_off = move |_| {
        let passphrase = off_passphrase.get_untracked();
        run(
            Box::pin(async move {
                lock::turn_off(&passphrase).await.map_err(|e| e.to_string())?;
                Ok("The lock is off. Your entries are stored unencrypted again.".to_owned())
            }),
            Some(false),
        );
    };
    // Encrypted with the lock's passphrase when the lock is on (see `download_backup_file`).
    let backup_first = move |_| message.set(Some(download_backup(state)));
    view! {
        <SettingsSection id="lock" heading_id="lock-heading" heading="Passphrase lock">
            <p data-testid="lock-status">
                {move || if on.get() {
                    "The lock is on: your entries are encrypted on this device (AES-256), and Trust Steps asks for the passphrase when it opens."
                } else {
                    "The lock is off. Turn it on to encrypt your entries on this device and ask for a passphrase whenever Trust Steps opens. Only the colour theme stays readable, so the app can start in your colours."
                }}
            </p>
            <Show
                when=move || on.get()
                fallback=move || view! {
                    <p class="banner banner--warning">
                        "If you forget the passphrase, your entries cannot be recovered — not by you, not by anyone. Download a backup first and keep it somewhere safe."
                    </p>
                    <button type="button" class="button button--secondary" on:click=backup_first>"Download a backup first"</button>
                    <PasswordInput id="lock-new" label="New passphrase" value=new autocomplete="new-password"/>
                    <PasswordInput id="lock-again" label="Type it again" value=again autocomplete="new-password"/>
                    <IdleChoice value=idle on_change=|_| {}/>
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || understood.get() on:change=move |ev| understood.set(event_target_checked(&ev))/>
                        <span>"I understand that a forgotten passphrase means my entries cannot be recovered."</span>
                    </label>
                    <button type="button" class="button button--primary" disabled=move || busy.get() on:click=turn_on>
                        "Turn on the lock"
                    </button>
                }
            >
                <button type="button" class="button button--secondary" on:click=|_| lock::lock_now()>"Lock now"</button>
                <IdleChoice
                    value=idle
                    on_change=move |minutes| {
                        if let Err(e) = lock::set_idle_minutes(minutes) {
                            message.set(Some(Err(e.to_string())));
                        }
                    }
                />
                <h3>"Change the passphrase"</h3>
                <p>"A new passphrase you forget locks you out as surely as the first. Download a backup first: it opens with the passphrase the lock has now."</p>
                <button type="button" class="button button--secondary" on:click=backup_first>"Download a backup first"</button>
                <PasswordInput id="lock-current" label="Current passphrase" value=current autocomplete="current-password"/>
                <PasswordInput id="lock-change-new" label="New passphrase" value=change_new autocomplete="new-password"/>
                <PasswordInput id="lock-change-again" label="Type the new one again" value=change_again autocomplete="new-password"/>
                <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=change>
                    "Change the passphrase"
                </button>
                <h3>"Turn the lock off"</h3>
                <PasswordInput id="lock-off" label="Passphrase to turn the lock off" value=off_passphrase autocomplete="current-password"/>
                <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=turn_off>
                    "Turn off the lock"
                </button>
            </Show>
            <Show when=move || busy.get()>
                <p role="status">"Working… (deriving the key takes a moment)"</p>
            </Show>
            {move || message.get().map(|m| match m {
                Ok(text) => view! { <p class="banner banner--info" role="status" data-testid="lock-message">{text}</p> }.into_any(),
                Err(text) => view! { <FieldError message=move || Some(text.clone()) test_id="lock-message"/> }.into_any(),
            })}
        </SettingsSection>
    }
}
