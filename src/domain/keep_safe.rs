//! Keeping entries safe on this device: when Today asks for a backup, and whether this browser may erase a
//! site's saved data after seven days away (Safari and the other iPhone and iPad browsers, which share its
//! engine, unless Trust Steps runs as an app added to the Home Screen).
//!
//! The browser is read in `state::browser`; everything here is plain values in, a decision out.

use super::calendar::Day;
use super::words::count_of;

/// Days after the first entry before Today first asks for a backup, when none was ever saved.
pub const FIRST_ASK_DAYS: i64 = 7;
/// Days after the first change that is not in a backup before Today asks again, once a backup exists; also how
/// long a "Not now" holds.
pub const REMINDER_DAYS: i64 = 14;
/// In a browser that erases a site's data after seven days away: days after the first change not in a backup
/// before Today asks (well before seven days can pass), and how long a "Not now" holds.
pub const ERASE_RISK_DAYS: i64 = 3;

/// What the app can read about the browser it runs in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrowserFacts {
    /// `navigator.userAgent`.
    pub user_agent: String,
    /// `navigator.maxTouchPoints` (0 without a touch screen).
    pub max_touch_points: u32,
    /// True when running as an installed app: `navigator.standalone` (iOS) or `display-mode: standalone`.
    pub standalone: bool,
}

/// True for a WebKit browser on an iPhone, iPad or iPod: the user agent names one, or it says "Macintosh" with
/// a touch screen and Safari (iPadOS asks for desktop sites as a Mac) and is not Chrome or Android.
pub fn is_apple_touch_webkit(user_agent: &str, max_touch_points: u32) -> bool {
    if ["iPhone", "iPad", "iPod"].iter().any(|device| user_agent.contains(device)) {
        return true;
    }
    let not_chrome = !["Chrome", "Chromium", "CriOS", "Android"].iter().any(|other| user_agent.contains(other));
    user_agent.contains("Macintosh") && max_touch_points > 1 && user_agent.contains("Safari") && not_chrome
}

impl BrowserFacts {
    /// True when this browser may erase everything Trust Steps saved after seven days without a visit: an
    /// iPhone or iPad browser not running as a Home Screen app (those are exempt).
    pub fn may_erase_after_seven_days(&self) -> bool {
        is_apple_touch_webkit(&self.user_agent, self.max_touch_points) && !self.standalone
    }

    /// True when the seven-day warning and the Home Screen steps should be shown: the browser may erase, and
    /// there is something to lose (at least one entry).
    pub fn shows_seven_day_warning(&self, entries: usize) -> bool {
        entries > 0 && self.may_erase_after_seven_days()
    }

    /// True where Settings should explain adding to the Home Screen step by step instead of an Install button
    /// (iOS offers no install prompt), whether or not anything is saved yet.
    pub fn needs_home_screen_steps(&self) -> bool {
        self.may_erase_after_seven_days()
    }
}

/// When one entry was made and last changed (UTC, ISO 8601), whatever kind of entry it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryTimes {
    /// When it was made.
    pub created_at: String,
    /// When it last changed.
    pub updated_at: String,
}

impl EntryTimes {
    /// An entry made at `created_at` and last changed at `updated_at`.
    pub fn new(created_at: &str, updated_at: &str) -> Self {
        EntryTimes { created_at: created_at.to_owned(), updated_at: updated_at.to_owned() }
    }

    /// The later of its two times (a record written by hand may have an `updated_at` before `created_at`).
    fn changed_at(&self) -> &str {
        self.created_at.as_str().max(self.updated_at.as_str())
    }
}

/// Today's request for a backup, with the facts its words are made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupAsk {
    /// Every entry on this device.
    pub entries: usize,
    /// Entries new or changed since the last backup (all of them when there was none).
    pub unsaved: usize,
    /// Whole days since the last backup; `None` when none was ever saved from this device.
    pub days_since_backup: Option<i64>,
    /// True in a browser that may erase the entries after seven days away.
    pub erase_risk: bool,
}

impl BackupAsk {
    /// What is true now, in one sentence: "You have 5 entries and no backup yet." or "2 entries are new or
    /// changed since your last backup, 16 days ago."
    pub fn situation(&self) -> String {
        match self.days_since_backup {
            None => format!("You have {} and no backup yet.", count_of(self.entries, "entry", "entries")),
            Some(days) => format!(
                "{} {} new or changed since your last backup, {}.",
                count_of(self.unsaved, "entry", "entries"),
                if self.unsaved == 1 { "is" } else { "are" },
                days_ago(days)
            ),
        }
    }

    /// Why a backup helps, for this browser.
    pub fn reason(&self) -> &'static str {
        if self.erase_risk {
            "Until Trust Steps is on your Home Screen, Safari can erase them after seven days without a visit. A backup file is a copy you can bring back."
        } else {
            "Your entries are kept only in this browser, and a browser can clear a site's data, for example when the device runs short of space. A backup file is a copy you can bring back."
        }
    }
}

/// "today", "yesterday", "3 days ago".
pub fn days_ago(days: i64) -> String {
    match days {
        i64::MIN..=0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        n => format!("{n} days ago"),
    }
}

/// Whether Today should ask for a backup now, and with which facts.
///
/// It asks only when there is something a backup would keep — entries new or changed since the last backup
/// (every entry when there was none) — and enough days have passed: since the first entry ([`FIRST_ASK_DAYS`])
/// when no backup was ever saved, since the first change after the last backup ([`REMINDER_DAYS`]) otherwise,
/// and [`ERASE_RISK_DAYS`] in both cases in a browser that may erase after seven days away. A "Not now" holds for
/// the same span ([`REMINDER_DAYS`], or [`ERASE_RISK_DAYS`] with the erase risk). Unreadable times are left out.
pub fn backup_ask(
    entries: &[EntryTimes],
    last_backup_at: Option<&str>,
    snoozed_at: Option<&str>,
    now: &str,
    erase_risk: bool,
) -> Option<BackupAsk> {
    let today = Day::of(now)?;
    let backup = last_backup_at.filter(|at| Day::of(at).is_some());
    // Since when something has been waiting for a backup.
    let (unsaved, waiting_since) = match backup {
        None => (entries.len(), entries.iter().filter_map(|e| Day::of(&e.created_at)).min()),
        Some(at) => {
            let changed: Vec<&EntryTimes> = entries.iter().filter(|e| e.changed_at() > at).collect();
            (changed.len(), changed.iter().filter_map(|e| Day::of(e.changed_at())).min())
        }
    };
    let waiting_since = waiting_since?;
    let wait = match (erase_risk, backup) {
        (true, _) => ERASE_RISK_DAYS,
        (false, None) => FIRST_ASK_DAYS,
        (false, Some(_)) => REMINDER_DAYS,
    };
    let snooze = if erase_risk { ERASE_RISK_DAYS } else { REMINDER_DAYS };
    let snoozed = snoozed_at.and_then(Day::of).is_some_and(|day| today - day < snooze);
    (unsaved > 0 && today - waiting_since >= wait && !snoozed).then(|| BackupAsk {
        entries: entries.len(),
        unsaved,
        days_since_backup: backup.and_then(Day::of).map(|day| today - day),
        erase_risk,
    })
}
