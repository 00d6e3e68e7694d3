//! `/help`: the emergency number, crisis and domestic-abuse lines as tappable links (drawn from
//! `domain::helplines`, the user's country first), the country picker, the safety plan, then kinds of therapy
//! and finding a therapist (`content/help.md`).

use crate::content::HELP;
use crate::domain::helplines::LineKind;
use crate::state::set_title;
use crate::ui::components::helplines::{CountryPicker, HelplineList, HELP_PICKER_ID};
use crate::ui::components::rich_text::blocks;
use leptos::prelude::*;

/// The Help page, reachable from every screen.
#[component]
pub fn Help() -> impl IntoView {
    set_title("Help");
    view! {
        <article class="prose help">
            <h1>"Help and crisis lines"</h1>
            <p class="lead">
                "If you are in danger, or you might hurt yourself, please reach out now. Tap a number to call or text."
            </p>
            <nav class="help__jump" aria-label="Jump to">
                <ul>
                    <li><a href="#lines-emergency">"In danger now"</a></li>
                    <li><a href="#lines-crisis">"Suicide or crisis"</a></li>
                    <li><a href="#lines-domestic-abuse">"Someone is hurting me"</a></li>
                </ul>
            </nav>
            <CountryPicker id=HELP_PICKER_ID/>
            <section class="help__lines" aria-labelledby="lines-emergency">
                <h2 id="lines-emergency">"In danger right now"</h2>
                <HelplineList kind=LineKind::Emergency on_help_page=true/>
            </section>
            <section class="help__lines" aria-labelledby="lines-crisis">
                <h2 id="lines-crisis">"Crisis lines"</h2>
                <p>"If you are thinking about suicide, or you feel you can't cope, you can talk to someone now. It is free and you don't have to give your name."</p>
                <HelplineList kind=LineKind::Crisis on_help_page=true/>
            </section>
            <section class="help__lines" aria-labelledby="lines-domestic-abuse">
                <h2 id="lines-domestic-abuse">"If someone is hurting, threatening or controlling you"</h2>
                <p>
                    "A domestic-abuse line can listen and help you plan how to stay safe, whether you stay, leave or haven't decided. You don't have to be sure it \u{201c}counts\u{201d} to call."
                </p>
                <HelplineList kind=LineKind::DomesticAbuse on_help_page=true/>
                <p class="help__device">
                    "If someone may look at this device: the Hide button at the top covers the screen at once, and your browser's history may show that you visited these pages."
                </p>
            </section>
            <section class="help__plan card" aria-labelledby="safety-plan-heading">
                <h2 id="safety-plan-heading">"A safety plan"</h2>
                <p>"A short list, in your own words, of the signs to watch for, what helps, who to contact and how to stay safe when things get very hard. Make it on a calmer day; keep it, or print it, for a hard one."</p>
                <p>
                    <a class="button button--primary" href="/practice/safety-plan">"Make or open my safety plan"</a>
                </p>
            </section>
            {blocks(HELP)}
        </article>
    }
}
