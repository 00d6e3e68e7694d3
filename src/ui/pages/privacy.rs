//! `/privacy`: what is stored where, and what never happens.

use crate::state::set_title;
use crate::storage::keys::PREFIX;
use leptos::prelude::*;

/// The privacy page.
#[component]
pub fn Privacy() -> impl IntoView {
    set_title("Privacy");
    view! {
        <article class="prose">
            <h1>"Your privacy"</h1>
            <p class="lead">"What you write in Trust Steps stays on this device. There is no account, no server and no one else reading it."</p>
            <h2>"Where your entries are kept"</h2>
            <p>
                "Everything is saved in this browser's own storage (called localStorage), on this device, under names starting with "
                <code>{PREFIX}</code>". Another browser or another device does not see it."
            </p>
            <h2>"What never happens"</h2>
            <ul>
                <li>"Nothing you write is sent over the internet. The app has no server to send it to."</li>
                <li>"No analytics, no tracking, no advertising, no third-party scripts or fonts."</li>
                <li>"After the first visit the app works with the network switched off."</li>
                <li>"A strict security policy stops the page from loading anything from elsewhere."</li>
            </ul>
            <h2>"What you control"</h2>
            <ul>
                <li>"Choose your theme and see how much storage is used in "<a href="/settings">"Settings"</a>"."</li>
                <li>"If something saved cannot be read, it is kept to one side rather than deleted, and you can download it from Settings."</li>
                <li>"Download a backup of everything from "<a href="/settings#backup">"Settings"</a>" and restore it on another device. While the passphrase lock is on, the backup file is encrypted too and opens with the lock's passphrase; without the lock it is plain text unless you choose a passphrase for it, so keep it somewhere private."</li>
                <li>"Turn on the passphrase lock in "<a href="/settings#lock">"Settings"</a>" to keep your entries encrypted on this device (AES-256, with a key made from your passphrase that is never stored). Only the colour theme stays readable. A forgotten passphrase cannot be recovered."</li>
                <li>"Press "<strong>"Hide"</strong>" at the top of any screen, or Escape twice, to cover the screen at once with a plain page."</li>
                <li>"“Delete everything” in Settings removes every entry, your settings and the app's offline copy from this browser. Clearing this site's data in your browser settings does the same."</li>
            </ul>
            <h2>"What to know"</h2>
            <p>
                "Because nothing leaves your device, nobody can recover your entries for you. Browsers may clear site data when space runs low; Trust Steps asks the browser to keep it, and installing the app helps too."
            </p>
        </article>
    }
}
