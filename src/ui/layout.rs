//! The frame around every page: skip link, header with navigation and Help, banners, footer.

use crate::ui::components::banners::{PwaBanner, StorageBanners};
use crate::ui::components::toast::ToastRegion;
use crate::ui::platform::focus_target;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// The primary navigation: label and path.
pub const NAV: [(&str, &str); 7] = [
    ("Today", "/"),
    ("Learn", "/learn"),
    ("Practice", "/practice"),
    ("Journal", "/journal"),
    ("People", "/people"),
    ("Progress", "/progress"),
    ("Settings", "/settings"),
];

/// The page frame. The menu collapses behind a button on narrow screens.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let menu_open = RwSignal::new(false);
    let location = use_location();
    // After each navigation: close the menu and move focus to the new page's heading (or the linked anchor).
    Effect::new(move |previous: Option<(String, String)>| {
        let here = (location.pathname.get(), location.hash.get());
        let first_visit_with_anchor = previous.is_none() && !here.1.is_empty();
        if first_visit_with_anchor || previous.is_some_and(|p| p != here) {
            menu_open.set(false);
            let anchor = here.1.trim_start_matches('#').to_owned();
            leptos::prelude::request_animation_frame(move || focus_target(&anchor));
        }
        here
    });
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header">
            <div class="app-header__bar">
                <A href="/" exact=true attr:class="brand">
                    <span class="brand__mark" aria-hidden="true"></span>
                    <span class="brand__name">"Trust Steps"</span>
                </A>
                <a class="help-link" href="/help">
                    "Help"<span class="visually-hidden">" and crisis lines"</span>
                </a>
                <button
                    type="button"
                    class="menu-button"
                    aria-controls="primary-nav"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| menu_open.update(|open| *open = !*open)
                >
                    "Menu"
                </button>
            </div>
            <nav id="primary-nav" class="primary-nav" class:primary-nav--open=move || menu_open.get() aria-label="Main">
                <ul>
                    {NAV
                        .iter()
                        .map(|(label, path)| {
                            view! {
                                <li>
                                    <A href=*path exact=*path == "/">{*label}</A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
        <div class="banners">
            <StorageBanners/>
            <PwaBanner/>
        </div>
        <main id="main" class="page" tabindex="-1">
            {children()}
        </main>
        <ToastRegion/>
        <footer class="app-footer">
            <p>
                "Trust Steps is a self-help tool, not a substitute for therapy. In a crisis, "
                <a href="/help">"get help now"</a>"."
            </p>
            <p>
                "Everything you write stays on this device. "<a href="/privacy">"How your data is kept"</a>
            </p>
        </footer>
    }
}
