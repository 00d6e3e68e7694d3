//! Keeping entries safe: which browsers get the seven-day warning and the Home Screen steps, and when Today asks
//! for a backup (and in which words).

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use trust_steps::domain::calendar::Day;
use trust_steps::domain::keep_safe::{
    backup_ask, days_ago, is_apple_touch_webkit, BackupAsk, BrowserFacts, EntryTimes, ERASE_RISK_DAYS, FIRST_ASK_DAYS,
    REMINDER_DAYS,
};

const IPHONE_SAFARI: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const IPHONE_CHROME: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1";
const IPAD_SAFARI: &str = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const IPOD: &str = "Mozilla/5.0 (iPod touch; CPU iPhone OS 15_8 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6 Mobile/15E148 Safari/604.1";
/// iPadOS Safari asks for desktop sites, so it reads as a Mac; a Mac's Safari says the same.
const MAC_SAFARI: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
const MAC_CHROME: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const ANDROID_CHROME: &str =
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const LINUX_CHROMIUM: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36";
const WINDOWS_FIREFOX: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

fn facts(user_agent: &str, max_touch_points: u32, standalone: bool) -> BrowserFacts {
    BrowserFacts { user_agent: user_agent.to_owned(), max_touch_points, standalone }
}

#[test]
fn iphone_ipad_and_ipod_browsers_are_apple_webkit_whatever_their_name() {
    for ua in [IPHONE_SAFARI, IPHONE_CHROME, IPAD_SAFARI, IPOD] {
        assert!(is_apple_touch_webkit(ua, 5), "{ua}");
        assert!(is_apple_touch_webkit(ua, 0), "the user agent alone is enough: {ua}");
    }
}

#[test]
fn an_ipad_asking_for_the_desktop_site_is_told_apart_from_a_mac_by_its_touch_screen() {
    assert!(is_apple_touch_webkit(MAC_SAFARI, 5));
    assert!(!is_apple_touch_webkit(MAC_SAFARI, 0), "a Mac has no Home Screen");
    assert!(!is_apple_touch_webkit(MAC_SAFARI, 1), "one touch point is not an iPad");
    assert!(!is_apple_touch_webkit(MAC_CHROME, 5), "Chrome on a Mac with a touch device is not Safari");
}

#[test]
fn other_browsers_are_not_apple_webkit() {
    for ua in [ANDROID_CHROME, LINUX_CHROMIUM, WINDOWS_FIREFOX, MAC_CHROME, ""] {
        assert!(!is_apple_touch_webkit(ua, 10), "{ua:?}");
    }
}

#[test]
fn the_warning_needs_an_entry_and_a_browser_tab_not_the_home_screen_app() {
    let safari = facts(IPHONE_SAFARI, 5, false);
    assert!(safari.may_erase_after_seven_days());
    assert!(safari.needs_home_screen_steps(), "Settings explains the steps even before anything is saved");
    assert!(!safari.shows_seven_day_warning(0), "nothing to lose yet");
    assert!(safari.shows_seven_day_warning(1));

    let installed = facts(IPHONE_SAFARI, 5, true);
    assert!(!installed.may_erase_after_seven_days(), "Home Screen apps are exempt");
    assert!(!installed.shows_seven_day_warning(40));
    assert!(!installed.needs_home_screen_steps());

    for other in [facts(LINUX_CHROMIUM, 0, false), facts(ANDROID_CHROME, 5, false), facts(MAC_SAFARI, 0, false)] {
        assert!(!other.shows_seven_day_warning(40), "{other:?}");
        assert!(!other.needs_home_screen_steps(), "{other:?}");
    }
    assert!(!BrowserFacts::default().shows_seven_day_warning(3), "unknown browser: no warning");
}

const NOW: &str = "2026-11-27T10:00:00.000Z";

/// An entry made `made` days before NOW and last changed `changed` days before it.
fn entry(made: i64, changed: i64) -> EntryTimes {
    let day = |n: i64| format!("{}T09:00:00.000Z", Day::parse("2026-11-27").unwrap() - n);
    EntryTimes::new(&day(made), &day(changed))
}

#[test]
fn nothing_to_keep_means_no_ask() {
    assert_eq!(backup_ask(&[], None, None, NOW, false), None);
    assert_eq!(backup_ask(&[], None, None, NOW, true), None);
    assert_eq!(backup_ask(&[], Some("2026-10-01T00:00:00Z"), None, NOW, false), None);
}

#[test]
fn the_first_ask_waits_a_week_after_the_first_entry_not_minutes_after_install() {
    // Written today, and many of them: still too soon.
    let fresh: Vec<EntryTimes> = (0..12).map(|_| entry(0, 0)).collect();
    assert_eq!(backup_ask(&fresh, None, None, NOW, false), None);
    // The first entry is what counts, not the newest.
    let mut week = vec![entry(FIRST_ASK_DAYS - 1, 0), entry(1, 1)];
    assert_eq!(backup_ask(&week, None, None, NOW, false), None);
    week.push(entry(FIRST_ASK_DAYS, 2));
    let ask = backup_ask(&week, None, None, NOW, false).unwrap();
    assert_eq!(ask, BackupAsk { entries: 3, unsaved: 3, days_since_backup: None, erase_risk: false });
    assert_eq!(ask.situation(), "You have 3 entries and no backup yet.");
    assert!(ask.reason().contains("kept only in this browser"));
    assert!(!ask.reason().contains("Safari"));
}

#[test]
fn after_a_backup_it_asks_only_for_what_changed_since_and_only_after_two_weeks() {
    let backup = "2026-11-01T12:00:00.000Z"; // 26 days before NOW
                                             // Everything is older than the backup: the backup holds it all, however long ago it was.
    let saved = vec![entry(26, 26), entry(26, 26)];
    let saved: Vec<EntryTimes> =
        saved.into_iter().map(|e| EntryTimes::new(&e.created_at, "2026-11-01T11:00:00.000Z")).collect();
    assert_eq!(backup_ask(&saved, Some(backup), None, NOW, false), None);

    // One entry changed 13 days ago: not yet.
    let mut entries = saved.clone();
    entries.push(entry(30, REMINDER_DAYS - 1));
    assert_eq!(backup_ask(&entries, Some(backup), None, NOW, false), None);

    // Changed 14 days ago: ask, naming only what changed.
    entries.push(entry(REMINDER_DAYS + 3, REMINDER_DAYS));
    let ask = backup_ask(&entries, Some(backup), None, NOW, false).unwrap();
    assert_eq!((ask.entries, ask.unsaved, ask.days_since_backup), (4, 2, Some(26)));
    assert_eq!(ask.situation(), "2 entries are new or changed since your last backup, 26 days ago.");
}

#[test]
fn one_entry_reads_in_the_singular() {
    let ask = backup_ask(&[entry(8, 8)], None, None, NOW, false).unwrap();
    assert_eq!(ask.situation(), "You have 1 entry and no backup yet.");
    let ask = backup_ask(&[entry(20, 15)], Some("2026-11-26T08:00:00Z"), None, NOW, true);
    assert_eq!(ask, None, "the change is older than the backup");
    let ask = backup_ask(&[entry(20, 4)], Some("2026-11-11T08:00:00Z"), None, NOW, true).unwrap();
    assert_eq!(ask.situation(), "1 entry is new or changed since your last backup, 16 days ago.");
}

#[test]
fn where_safari_may_erase_it_asks_after_three_days_well_before_seven() {
    let entries = vec![entry(ERASE_RISK_DAYS - 1, 0), entry(1, 1)];
    assert_eq!(backup_ask(&entries, None, None, NOW, true), None);
    let entries = vec![entry(ERASE_RISK_DAYS, 0), entry(1, 1)];
    let ask = backup_ask(&entries, None, None, NOW, true).unwrap();
    assert!(ask.erase_risk);
    assert!(ask.reason().contains("Safari can erase them"), "{}", ask.reason());
    assert!(ask.reason().contains("Home Screen"));
    assert!(ask.reason().contains("seven days"));
    // The same entries in an ordinary browser: not yet.
    assert_eq!(backup_ask(&entries, None, None, NOW, false), None);
    // After a backup: three days after the first change since.
    let backup = Some("2026-11-20T08:00:00.000Z");
    assert_eq!(backup_ask(&[entry(30, 2)], backup, None, NOW, true), None);
    assert!(backup_ask(&[entry(30, 3)], backup, None, NOW, true).is_some());
}

#[test]
fn not_now_holds_for_two_weeks_or_three_days_where_safari_may_erase() {
    let entries = vec![entry(40, 1)];
    assert!(backup_ask(&entries, None, None, NOW, false).is_some());
    assert_eq!(backup_ask(&entries, None, Some("2026-11-14T08:00:00Z"), NOW, false), None, "13 days ago");
    assert!(backup_ask(&entries, None, Some("2026-11-13T08:00:00Z"), NOW, false).is_some(), "14 days ago");
    assert_eq!(backup_ask(&entries, None, Some("2026-11-25T08:00:00Z"), NOW, true), None, "2 days ago");
    assert!(backup_ask(&entries, None, Some("2026-11-24T08:00:00Z"), NOW, true).is_some(), "3 days ago");
}

#[test]
fn unreadable_times_are_left_out_and_never_panic() {
    let odd = vec![EntryTimes::new("", ""), EntryTimes::new("yesterday", "soon")];
    assert_eq!(backup_ask(&odd, None, None, NOW, false), None, "no readable first entry");
    assert_eq!(backup_ask(&[entry(30, 30)], None, None, "not a time", false), None);
    // An unreadable backup time counts as no backup.
    let ask = backup_ask(&[entry(30, 30)], Some("garbage"), None, NOW, false).unwrap();
    assert_eq!(ask.days_since_backup, None);
    // A hand-written record whose updated_at is before created_at counts from its later time.
    let backup = Some("2026-11-10T00:00:00.000Z");
    let backwards = EntryTimes::new("2026-11-12T00:00:00.000Z", "2026-11-01T00:00:00.000Z");
    assert_eq!(backup_ask(&[backwards], backup, None, NOW, false).map(|a| a.unsaved), Some(1));
}

#[test]
fn days_ago_reads_as_a_person_would_say_it() {
    assert_eq!(days_ago(0), "today");
    assert_eq!(days_ago(-2), "today", "a clock set back never reads as the future");
    assert_eq!(days_ago(1), "yesterday");
    assert_eq!(days_ago(9), "9 days ago");
}
