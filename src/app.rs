//! The root component: the lock screen when the passphrase lock is on, else state, router and the route table.

use crate::state::{lock, AppState};
use crate::ui::layout::{QuickHideCover, Shell};
use crate::ui::lock_screen::LockScreen;
use crate::ui::pages::*;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let locked = RwSignal::new(lock::is_locked());
    // After Hide locked the app (a reload), the neutral cover comes back first.
    let covered = RwSignal::new(crate::ui::layout::take_covered_flag());
    lock::follow_other_tabs();
    move || {
        if covered.get() {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title("Notes");
            }
            view! { <QuickHideCover hidden=covered/> }.into_any()
        } else if locked.get() {
            lock::set_at_lock_screen(true);
            view! { <LockScreen on_unlock=move || locked.set(false)/> }.into_any()
        } else {
            lock::set_at_lock_screen(false);
            view! { <UnlockedApp/> }.into_any()
        }
    }
}

/// The app once open: state, router and every route.
#[component]
fn UnlockedApp() -> impl IntoView {
    let state = AppState::provide();
    crate::ui::theme::apply_theme(state.settings);
    lock::lock_when_idle();
    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Today/>
                    <Route path=path!("/learn") view=Learn/>
                    <Route path=path!("/learn/glossary") view=Glossary/>
                    <Route path=path!("/learn/faq") view=Faq/>
                    <Route path=path!("/learn/sources") view=Sources/>
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
