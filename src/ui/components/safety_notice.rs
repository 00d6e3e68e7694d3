//! The calm notice shown instead of thinking-trap suggestions when what someone wrote sounds like a matter of
//! safety (see `domain::danger`): fear of a person who hurts, threatens or controls you is not a thinking error.

use crate::domain::danger::DangerSignal;
use crate::domain::helplines::LineKind;
use crate::ui::components::helplines::HelplineList;
use leptos::prelude::*;

/// A notice for writing that reads as danger: where to get help, the safety plan, and — for self-harm or
/// suicide wording — the crisis lines themselves. Renders nothing while `signal` is `None`.
#[component]
pub fn SafetyNotice(
    /// What the detector found, or `None` for ordinary writing.
    #[prop(into)]
    signal: Signal<Option<DangerSignal>>,
    /// Only the heading and the links, for the steps where the person is writing (the full notice, lines
    /// included, is shown where it first appears).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    move || {
        signal.get().map(|found| {
            if compact {
                return view! {
                    <aside class="safety-notice safety-notice--compact" aria-label="Safety">
                        <p class="safety-notice__title">"This sounds like a matter of safety, not a thinking trap."</p>
                        <ul class="safety-notice__links">
                            <li><a href="/help">"Help and helplines"</a></li>
                            <li><a href="/practice/safety-plan">"Make a safety plan"</a></li>
                        </ul>
                    </aside>
                }
                .into_any();
            }
            view! {
                <aside class="safety-notice" aria-labelledby="safety-notice-title">
                    <h3 id="safety-notice-title" class="safety-notice__title">
                        "This sounds like a matter of safety, not a thinking trap"
                    </h3>
                    {found
                        .someone_else
                        .then(|| {
                            view! {
                                <p>
                                    "Being afraid of someone who hurts, threatens or controls you is not a thinking error. It can be your mind \
                                     trying to keep you safe. You deserve support, and you do not have to decide anything today. \
                                     A domestic-abuse line can listen and help you plan:"
                                </p>
                                <HelplineList kind=LineKind::DomesticAbuse/>
                            }
                        })}
                    {found
                        .self_harm
                        .then(|| {
                            view! {
                                <p>
                                    "If you are thinking about hurting yourself or ending your life, or you are worried about someone who is, \
                                     please talk to someone now. These lines are free and someone will listen:"
                                </p>
                                <HelplineList kind=LineKind::Crisis/>
                            }
                        })}
                    <ul class="safety-notice__links">
                        <li><a href="/help">"Help and helplines"</a></li>
                        <li><a href="/practice/safety-plan">"Make a safety plan"</a></li>
                    </ul>
                    <p class="hint">
                        "You can still write this record and save it. It stays on this device; if someone else may look at it, "
                        <a href="/settings">"a passphrase lock"</a>" and the Hide button can help."
                    </p>
                </aside>
            }
            .into_any()
        })
    }
}
