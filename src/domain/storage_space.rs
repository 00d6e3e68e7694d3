//! How full the browser's storage is, and when to say so: the quota Trust Steps plans for, the share used, how
//! much is left in plain words, and the warning from 80% on (shown on Today and in Settings).
//!
//! localStorage holds about 5 MiB per site. Safari (WebKit) and Firefox count UTF-16 code units of keys and
//! values, WebKit at two bytes each against 5 MiB; Chromium gives more. We plan for the strictest, so a journal
//! kept in any browser sees the wall coming.

/// The quota Trust Steps plans for, in UTF-16 code units: 5 MiB at two bytes a unit (WebKit's count).
pub const PLANNED_QUOTA_UNITS: usize = 5 * 1024 * 1024 / 2;
/// From this share of the planned quota on (in thousandths: 80%), Today and Settings say that space is running
/// low and offer the ways out.
pub const WARN_AT_PERMILLE: usize = 800;

const MIB: usize = 1024 * 1024;

/// Storage used by the app against the quota it plans for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpaceUse {
    /// UTF-16 code units of the app's keys and values as stored.
    pub used_units: usize,
    /// The quota, in the same units.
    pub quota_units: usize,
}

impl SpaceUse {
    /// `used_units` against [`PLANNED_QUOTA_UNITS`].
    pub fn planned(used_units: usize) -> Self {
        Self { used_units, quota_units: PLANNED_QUOTA_UNITS }
    }

    /// Bytes used, as the strictest browser counts them (two per unit).
    pub fn used_bytes(&self) -> usize {
        self.used_units * 2
    }

    /// The share used, in thousandths (rounded down; more than 1000 in a browser that gives more room).
    pub fn permille(&self) -> usize {
        (self.used_units * 1000).checked_div(self.quota_units).unwrap_or(1000)
    }

    /// Units left before the planned quota (0 when it is reached or passed).
    pub fn left_units(&self) -> usize {
        self.quota_units.saturating_sub(self.used_units)
    }

    /// True from [`WARN_AT_PERMILLE`] on.
    pub fn nearly_full(&self) -> bool {
        self.permille() >= WARN_AT_PERMILLE
    }

    /// The figure Settings shows: "123.4 KiB of about 5 MiB used (2.4%)." (tenths in integers: no float
    /// formatting code in the wasm).
    pub fn used_words(&self) -> String {
        let bytes = self.used_bytes();
        let kib = bytes * 10 / 1024;
        let percent = self.permille();
        format!(
            "{}.{} KiB of about {} MiB used ({}.{}%).",
            kib / 10,
            kib % 10,
            self.quota_units * 2 / MIB,
            percent / 10,
            percent % 10
        )
    }

    /// How much is left, in plain words, rounded down so it never promises more than there is: "about 0.8 MB",
    /// "less than 0.1 MB", or "almost nothing".
    pub fn left_words(&self) -> String {
        size_words(self.left_units())
    }

    /// The warning's words when [`SpaceUse::nearly_full`], `None` otherwise.
    pub fn warning(&self) -> Option<SpaceWarning> {
        if !self.nearly_full() {
            return None;
        }
        let percent = self.permille().min(100 * 10) / 10;
        let situation = if self.left_units() == 0 {
            "Trust Steps is using all the space some browsers give it. This browser may allow a little more, but a new entry could soon fail to save.".to_owned()
        } else {
            format!(
                "Trust Steps is using {percent}% of the space some browsers give it; {} is left. Everything you have written is still saved.",
                self.left_words()
            )
        };
        Some(SpaceWarning {
            heading: "Space for your entries is running low",
            situation,
            ways_out: "To make room, download a backup first, then move older entries into an archive file you keep. You can bring them back any time by restoring that file.",
        })
    }
}

/// A size in UTF-16 units as plain words, at two bytes a unit and rounded down: "about 0.8 MB",
/// "less than 0.1 MB", or "almost nothing" for none.
pub fn size_words(units: usize) -> String {
    let bytes = units * 2;
    let tenths = bytes * 10 / MIB;
    match (bytes, tenths) {
        (0, _) => "almost nothing".into(),
        (_, 0) => "less than 0.1 MB".into(),
        _ => format!("about {}.{} MB", tenths / 10, tenths % 10),
    }
}

/// What Today and Settings say when space runs low.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpaceWarning {
    /// The card's heading.
    pub heading: &'static str,
    /// How full it is and how much is left.
    pub situation: String,
    /// The ways out: a backup, then an archive of older entries.
    pub ways_out: &'static str,
}
