//! Days and ranges: the user's clock, the ranges Progress offers, the window a chart covers, and how its points
//! are grouped into days, weeks or months.

use crate::domain::calendar::Day;

/// "Now" as the user sees it: today's local day and the offset of local time from UTC, so stored UTC times
/// (`2026-03-01T23:30:00Z`) fall on the user's own day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    /// Today, YYYY-MM-DD, in the user's time zone.
    pub today: String,
    /// Minutes to add to UTC to get local time (east of Greenwich is positive; JS `-getTimezoneOffset()`).
    pub offset_minutes: i64,
}

impl Clock {
    /// A clock at `today` in UTC (tests, and a fallback).
    pub fn utc(today: &str) -> Self {
        Clock { today: today.to_owned(), offset_minutes: 0 }
    }

    /// The local day of a stored time (UTC ISO 8601) or a day (YYYY-MM-DD, returned as it is).
    pub fn day_of(&self, day_or_time: &str) -> Option<String> {
        self.local_day(day_or_time).map(|day| day.to_string())
    }

    /// [`Clock::day_of`] as a [`Day`], for arithmetic.
    pub fn local_day(&self, day_or_time: &str) -> Option<Day> {
        let day = Day::of(day_or_time)?;
        if day_or_time.len() == 10 || self.offset_minutes == 0 {
            return Some(day);
        }
        let hours: i64 = day_or_time.get(11..13)?.parse().ok()?;
        let minutes: i64 = day_or_time.get(14..16)?.parse().ok()?;
        let local = hours * 60 + minutes + self.offset_minutes;
        Some(day + local.div_euclid(24 * 60))
    }
}

/// How far back the Progress charts look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateRange {
    /// The last 28 days.
    #[default]
    FourWeeks,
    /// The last 91 days (13 weeks).
    ThreeMonths,
    /// The last 365 days.
    Year,
    /// Everything ever recorded.
    All,
}

impl DateRange {
    /// Every range, as the selector offers them.
    pub const ALL: [DateRange; 4] = [DateRange::FourWeeks, DateRange::ThreeMonths, DateRange::Year, DateRange::All];

    /// What the selector calls it: short, to fit a segmented control on a phone (its legend says "Period").
    pub fn label(self) -> &'static str {
        match self {
            DateRange::FourWeeks => "4 weeks",
            DateRange::ThreeMonths => "3 months",
            DateRange::Year => "12 months",
            DateRange::All => "All time",
        }
    }

    /// How many days it spans, ending today; `None` for all time.
    pub fn days(self) -> Option<i64> {
        match self {
            DateRange::FourWeeks => Some(28),
            DateRange::ThreeMonths => Some(91),
            DateRange::Year => Some(365),
            DateRange::All => None,
        }
    }

    /// The first day inside the range; `None` for all time.
    pub fn first_day(self, today: &str) -> Option<String> {
        Some((Day::parse(today)? - (self.days()? - 1)).to_string())
    }

    /// The span before this one of the same length (`from`, `to`), for "how that changes"; `None` for all time.
    pub fn previous(self, today: &str) -> Option<(String, String)> {
        let days = self.days()?;
        let today = Day::parse(today)?;
        Some(((today - (2 * days - 1)).to_string(), (today - days).to_string()))
    }
}

/// The days a chart covers: from `from` (inclusive; `None` = no lower bound) up to and including `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// First day, or `None` for "from the beginning".
    pub from: Option<String>,
    /// Last day (today).
    pub to: String,
}

impl Window {
    /// The window of a range ending today.
    pub fn of(range: DateRange, today: &str) -> Self {
        Window { from: range.first_day(today), to: today.to_owned() }
    }

    /// True when `day` (YYYY-MM-DD) is inside.
    pub fn contains(&self, day: &str) -> bool {
        self.from.as_deref().is_none_or(|f| day >= f) && day <= self.to.as_str()
    }
}

/// How points are grouped so a chart never has more marks than it can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// One mark per day.
    Day,
    /// One mark per week (Monday to Sunday).
    Week,
    /// One mark per calendar month.
    Month,
}

impl Bucket {
    /// The grouping for a span of days: days up to five weeks, weeks up to two years, months beyond.
    pub fn for_span(first: &str, last: &str) -> Bucket {
        let span = match (Day::parse(first), Day::parse(last)) {
            (Some(a), Some(b)) => b - a,
            _ => 0,
        };
        if span <= 35 {
            Bucket::Day
        } else if span <= 730 {
            Bucket::Week
        } else {
            Bucket::Month
        }
    }

    /// The first day of the bucket that holds `day`.
    pub fn start_of(self, day: &str) -> Option<String> {
        match self {
            Bucket::Day => Day::parse(day).map(|day| day.to_string()),
            Bucket::Week => Day::parse(day).map(|day| day.week_start().to_string()),
            Bucket::Month => Day::parse(day).map(|day| day.month_start().to_string()),
        }
    }

    /// What several buckets are called in a sentence: "days", "weeks", "months".
    pub fn plural(self) -> &'static str {
        match self {
            Bucket::Day => "days",
            Bucket::Week => "weeks",
            Bucket::Month => "months",
        }
    }

    /// How a bucket is named in a table heading.
    pub fn noun(self) -> &'static str {
        match self {
            Bucket::Day => "Day",
            Bucket::Week => "Week of",
            Bucket::Month => "Month of",
        }
    }
}
