//! The frame around every page: skip link, header with navigation, Help and Hide, the phone's tab bar,
//! banners, footer, and the quick-hide cover.
//!
//! On a phone (under 56 rem) the header stays at the top of the screen (Help and Hide always in reach) and a
//! tab bar at the bottom holds the sections used most (`TABS`); the header's "More" button opens the rest. On a
//! wider screen the header shows every section and there is no tab bar (styles.css, "Header and navigation").

use crate::ui::components::banners::{PwaBanner, StorageBanners};
use crate::ui::components::toast::ToastRegion;
use crate::ui::dom::focus_target;
use crate::ui::start_up;
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

/// The sections in the phone's tab bar (paths of `NAV`), in its order; the header's "More" menu holds the rest.
pub const TABS: [&str; 5] = ["/", "/learn", "/practice", "/journal", "/people"];

/// The page frame. On narrow screens the sections in `TABS` move to a tab bar at the bottom and the rest
/// collapse behind the header's "More" button.
#[component]
pub fn Shell(children: ChildrenFn) -> impl IntoView {
    let menu_open = RwSignal::new(false);
    let location = use_location();
    let page_shown = start_up::page_shown();
    crate::ui::dom::blur_before_page_change();
    // After each navigation: close the menu and move focus to the new page's heading (or the linked anchor).
    // At start-up only once the app is on screen: until then the prerendered copy holds the same ids.
    Effect::new(move |previous: Option<Option<(String, String)>>| {
        if !start_up::started() {
            return None;
        }
        let here = (location.pathname.get(), location.hash.get());
        let previous = previous.flatten();
        let first_visit_with_anchor = previous.is_none() && !here.1.is_empty();
        if first_visit_with_anchor || previous.is_some_and(|p| p != here) {
            menu_open.set(false);
            let anchor = here.1.trim_start_matches('#').to_owned();
            leptos::prelude::request_animation_frame(move || focus_target(&anchor));
        }
        Some(here)
    });
    let hidden = quick_hide_signal();
    // On a phone, the page is in a section of the "More" menu (Progress, Settings): More is marked instead of a tab.
    let in_more = move || {
        let here = location.pathname.get();
        NAV.iter().any(|(_, path)| {
            !TABS.contains(path) && (here == *path || here.strip_prefix(path).is_some_and(|rest| rest.starts_with('/')))
        })
    };
    // Escape closes the open menu and gives focus back to its button (a second Escape still hides the screen).
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
            crate::ui::dom::focus_element("menu-button");
        }
    };
    view! {
        <QuickHideCover hidden/>
        <div class="app-frame" hidden=move || hidden.get()>
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header" on:keydown=close_on_escape>
            <div class="app-header__bar">
                <A href="/" exact=true attr:class="brand">
                    <span class="brand__mark" aria-hidden="true"></span>
                    <span class="brand__name">"Trust Steps"</span>
                </A>
                <a class="help-link" href="/help">
                    "Help"<span class="visually-hidden">" and crisis lines"</span>
                </a>
                <HideButton hidden/>
                <button
                    type="button"
                    id="menu-button"
                    class="menu-button"
                    class:menu-button--here=in_more
                    aria-controls="primary-nav"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| menu_open.update(|open| *open = !*open)
                >
                    "More"
                </button>
            </div>
            <nav id="primary-nav" class="primary-nav" class:primary-nav--open=move || menu_open.get() aria-label="Main">
                <ul>
                    {NAV
                        .iter()
                        .map(|(label, path)| {
                            view! {
                                <li class:primary-nav__item--in-tabs=TABS.contains(path)>
                                    <A href=*path exact=*path == "/">{*label}</A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
        <TabBar/>
        <div class="banners">
            <StorageBanners/>
            <PwaBanner/>
        </div>
        <main id="main" class="page" tabindex="-1">
            {move || page_shown.get().then(|| children())}
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
        </div>
    }
}

/// The phone's tab bar: the sections of `TABS`, each with its icon, the current one marked (`aria-current`,
/// set by the router's link). Hidden on wide screens, where the header lists every section.
#[component]
fn TabBar() -> impl IntoView {
    view! {
        <nav class="tab-bar" aria-label="Sections">
            <ul class="tab-bar__list">
                {TABS
                    .iter()
                    .filter_map(|path| NAV.iter().find(|(_, p)| p == path))
                    .map(|(label, path)| {
                        view! {
                            <li class="tab-bar__item">
                                <A href=*path exact=*path == "/" attr:class="tab-bar__link">
                                    <TabIcon path=*path/>
                                    <span class="tab-bar__label">{*label}</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// A tab's icon: a small line drawing in the text colour (decorative: the label names the tab).
#[component]
fn TabIcon(
    /// The tab's path in `NAV`.
    path: &'static str,
) -> impl IntoView {
    let shape = match path {
        // A sun rising: today.
        "/" => view! {
            <circle cx="12" cy="12" r="4"/>
            <path d="M12 2.5v2.5M12 19v2.5M2.5 12H5M19 12h2.5M5.3 5.3l1.8 1.8M16.9 16.9l1.8 1.8M5.3 18.7l1.8-1.8M16.9 7.1l1.8-1.8"/>
        }
        .into_any(),
        // An open book.
        "/learn" => view! {
            <path d="M12 6.5C9.5 4.8 6.5 4.5 3 5v13.5c3.5-.5 6.5-.2 9 1.5 2.5-1.7 5.5-2 9-1.5V5c-3.5-.5-6.5-.2-9 1.5z"/>
            <path d="M12 6.5V20"/>
        }
        .into_any(),
        // A sprout: small steps that grow.
        "/practice" => view! {
            <path d="M12 21v-8"/>
            <path d="M12 13c0-4.5 2.8-7.5 8-7.5 0 4.8-3 7.5-8 7.5z"/>
            <path d="M12 15.5c0-3.3-2.2-5.5-7-5.5 0 3.6 2.3 5.5 7 5.5z"/>
        }
        .into_any(),
        // A notebook with lines.
        "/journal" => view! {
            <rect x="5" y="3" width="14" height="18" rx="2"/>
            <path d="M9 8h6M9 12h6M9 16h3"/>
        }
        .into_any(),
        // Two people.
        _ => view! {
            <circle cx="9" cy="8" r="3.25"/>
            <path d="M3 20c0-3.6 2.7-6 6-6s6 2.4 6 6"/>
            <path d="M15.5 4.9a3.25 3.25 0 0 1 0 6.2M17.5 14.4c2.1.8 3.5 2.9 3.5 5.6"/>
        }
        .into_any(),
    };
    view! {
        <svg class="tab-bar__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            {shape}
        </svg>
    }
}

/// Escape pressed twice within this many milliseconds hides the screen.
const DOUBLE_ESCAPE_MS: f64 = 800.0;

/// The quick-hide switch, with its keyboard shortcut (Escape twice) listening for the page's lifetime.
pub(crate) fn quick_hide_signal() -> RwSignal<bool> {
    let hidden = RwSignal::new(false);
    let last_escape = std::cell::Cell::new(f64::NEG_INFINITY);
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "Escape" || ev.repeat() {
            return;
        }
        let now = js_sys::Date::now();
        if now - last_escape.get() <= DOUBLE_ESCAPE_MS {
            last_escape.set(f64::NEG_INFINITY);
            hide_now(hidden);
        } else {
            last_escape.set(now);
        }
    });
    on_cleanup(move || handle.remove());
    hidden
}

/// The session flag that brings the cover back after Hide locked the app (a reload).
const COVERED_FLAG: &str = "ts-covered";

/// True (once) when the page was reloaded by Hide with the lock on: show the cover before the lock screen.
pub fn take_covered_flag() -> bool {
    let Some(session) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) else { return false };
    let covered = session.get_item(COVERED_FLAG).ok().flatten().is_some();
    let _ = session.remove_item(COVERED_FLAG);
    covered
}

/// Covers the app at once with a neutral page and gives the tab a neutral title. With the lock on it also
/// locks: the page reloads without the key, showing the cover first and the lock screen behind it.
pub(crate) fn hide_now(hidden: RwSignal<bool>) {
    if hidden.get_untracked() {
        return;
    }
    if !matches!(crate::state::lock::lock_record(), Ok(None)) {
        if let Some(session) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
            let _ = session.set_item(COVERED_FLAG, "1");
        }
        crate::state::lock::lock_for(crate::state::lock::LockReason::Hide);
    }
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        COVERED_TITLE.with(|t| t.replace(Some(document.title())));
        document.set_title("Notes");
    }
    hidden.set(true);
}

thread_local! {
    /// The page title while covered, restored afterwards.
    static COVERED_TITLE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The header's Hide button: covers the screen at once ([`hide_now`]), the same on every page and the lock screen.
#[component]
pub fn HideButton(
    /// True while covered.
    hidden: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="hide-button"
            title="Hide this screen now (or press Esc twice)"
            on:click=move |_| hide_now(hidden)
        >
            "Hide"<span class="visually-hidden">" this screen now (or press Escape twice)"</span>
        </button>
    }
}

/// The neutral page shown by quick hide. Nothing on it names the app.
#[component]
pub fn QuickHideCover(
    /// True while covered; Back sets it false.
    hidden: RwSignal<bool>,
) -> impl IntoView {
    let back = move |_| {
        if let (Some(document), Some(title)) =
            (web_sys::window().and_then(|w| w.document()), COVERED_TITLE.with(|t| t.take()))
        {
            document.set_title(&title);
        }
        hidden.set(false);
    };
    view! {
        <Show when=move || hidden.get()>
            <div class="quick-hide-cover" data-testid="quick-hide-cover">
                <h1 class="quick-hide-cover__title">"Notes"</h1>
                <p class="quick-hide-cover__empty">"No notes yet."</p>
                <button type="button" class="quick-hide-cover__back" on:click=back>
                    "Back"
                </button>
            </div>
        </Show>
    }
}
