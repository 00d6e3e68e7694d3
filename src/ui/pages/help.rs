//! `/help`: crisis lines, kinds of therapy, finding a therapist.

use crate::content::HELP;
use crate::state::set_title;
use crate::ui::components::rich_text::blocks;
use leptos::prelude::*;

/// The Help page, reachable from every screen.
#[component]
pub fn Help() -> impl IntoView {
    set_title("Help");
    view! {
        <article class="prose">
            <h1>"Help and crisis lines"</h1>
            {blocks(HELP)}
        </article>
    }
}
