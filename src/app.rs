//! The root component: state, router, and the route table.

use crate::state::AppState;
use crate::ui::layout::Shell;
use crate::ui::pages::*;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    crate::ui::theme::apply_theme(state.settings);
    Effect::new(move |_| crate::ui::platform::mark_ready());
    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Today/>
                    <Route path=path!("/learn") view=Learn/>
                    <Route path=path!("/learn/glossary") view=Glossary/>
                    <Route path=path!("/learn/faq") view=Faq/>
                    <Route path=path!("/learn/:lesson") view=LessonPage/>
                    <Route path=path!("/practice") view=Practice/>
                    <Route path=path!("/practice/:exercise") view=ExercisePage/>
                    <Route path=path!("/journal") view=Journal/>
                    <Route path=path!("/journal/new") view=NewJournalEntry/>
                    <Route path=path!("/journal/:id") view=JournalEntry/>
                    <Route path=path!("/journal/:id/edit") view=JournalEditor/>
                    <Route path=path!("/people") view=People/>
                    <Route path=path!("/people/:id") view=PersonPage/>
                    <Route path=path!("/progress") view=Progress/>
                    <Route path=path!("/settings") view=SettingsPage/>
                    <Route path=path!("/settings/report") view=TherapyReport/>
                    <Route path=path!("/help") view=Help/>
                    <Route path=path!("/privacy") view=Privacy/>
                </Routes>
            </Shell>
        </Router>
    }
}
