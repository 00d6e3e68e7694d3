//! The lock screen shown at start (and after idle or Hide) while the passphrase lock is on: the passphrase,
//! help lines one tap away ("Need help now?", the same lines as the top of Help), and Hide. Nothing on it reads
//! stored data: the saved country is sealed, so the lines start general and a country chosen here is kept on
//! this screen only ([`UnsavedCountry`]).

use crate::domain::helplines::LineKind;
use crate::state::lock;
use crate::ui::components::disclosure::ToggleButton;
use crate::ui::components::helplines::{CountryPicker, HelplineList, UnsavedCountry};
use crate::ui::components::unlock::{UnlockForm, UnlockPlace};
use crate::ui::layout::{quick_hide_signal, HideButton, QuickHideCover};
use leptos::prelude::*;

/// The id of the help part the "Need help now?" button opens.
const HELP_ID: &str = "lock-help";

/// Asks for the passphrase; calls `on_unlock` once the data key is open.
#[component]
pub fn LockScreen<F: Fn() + Copy + 'static>(
    /// Called once the lock is open.
    on_unlock: F,
) -> impl IntoView {
    crate::state::set_title("Locked");
    let unlocked = move || {
        on_unlock();
        lock::mark_unlocked();
    };
    let help_open = RwSignal::new(false);
    provide_context(UnsavedCountry(RwSignal::new(None)));
    let hidden = quick_hide_signal();
    view! {
        <QuickHideCover hidden/>
        <div class="app-frame" hidden=move || hidden.get()>
            <header class="app-header">
                <div class="app-header__bar lock-screen__bar">
                    <ToggleButton open=help_open controls=HELP_ID class="help-link lock-screen__help-toggle">
                        "Need help now?"
                    </ToggleButton>
                    <HideButton hidden/>
                </div>
            </header>
            <main id="main" class="page lock-screen" tabindex="-1">
                <h1>"Trust Steps is locked"</h1>
                <section
                    id=HELP_ID
                    class="lock-screen__help"
                    aria-labelledby="lock-help-heading"
                    hidden=move || !help_open.get()
                >
                    <h2 id="lock-help-heading">"Help now"</h2>
                    <p class="lead">
                        "You don't need to unlock for this. If you are in danger, or you might hurt yourself, tap a number to call or text."
                    </p>
                    <CountryPicker id="lock-country"/>
                    {LineKind::ALL
                        .map(|kind| {
                            view! {
                                <h3 id=format!("lock-lines-{}", kind.as_str())>{lines_heading(kind)}</h3>
                                <HelplineList kind on_help_page=true/>
                            }
                        })
                        .collect_view()}
                </section>
                <UnlockForm place=UnlockPlace::LockScreen on_unlocked=unlocked/>
                <p class="hint">
                    "Your entries are encrypted on this device. Without the passphrase they cannot be opened by anyone, including you; if it is lost, clearing this site's data in the browser's settings starts Trust Steps afresh."
                </p>
            </main>
        </div>
    }
}

/// The lock screen's heading over each kind of line (the same words as Help's).
fn lines_heading(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Emergency => "In danger right now",
        LineKind::Crisis => "Crisis lines",
        LineKind::DomesticAbuse => "If someone is hurting, threatening or controlling you",
    }
}
