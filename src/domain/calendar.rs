//! Calendar days: one [`Day`] type for every date rule in the app (promises, habits, streaks, charts, backups,
//! archives, patterns about people).
//!
//! A day is the user's local date with no time and no time zone, in the proleptic Gregorian calendar. Stored
//! fields keep days as "YYYY-MM-DD" text (old data loads as it always did); code reads them with [`Day::parse`]
//! (a day) or [`Day::of`] (a day or a stored time), does its arithmetic on `Day`, and writes them back with
//! `to_string()`.

use std::fmt;
use std::ops::{Add, Sub};
use std::str::FromStr;

/// True for leap years (every 4th year, except centuries not divisible by 400).
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (1–12) of a year; 0 for a month out of range.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// One calendar day. Ordered from earlier to later; `day + n` and `day - n` move by whole days and `later -
/// earlier` counts the days between. Shown as "YYYY-MM-DD".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Days since 1970-01-01 (negative before it).
    number: i64,
}

impl Day {
    /// A strict "YYYY-MM-DD" day (years 0001–9999); `None` for anything else, including impossible dates like
    /// 2026-02-30 and times ("2026-02-03T10:00Z": use [`Day::of`] for those).
    pub fn parse(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        let digits_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !digits_ok {
            return None;
        }
        let year: i32 = text.get(0..4)?.parse().ok()?;
        let month: u32 = text.get(5..7)?.parse().ok()?;
        let day: u32 = text.get(8..10)?.parse().ok()?;
        Day::from_ymd(year, month, day)
    }

    /// The day a "YYYY-MM-DD" day or a stored time ("2026-02-03T10:00:00.000Z") starts with, as written (no
    /// time-zone shift: see `insights::Clock::day_of` for the user's local day of a UTC time).
    pub fn of(day_or_time: &str) -> Option<Day> {
        day_or_time.get(0..10).and_then(Day::parse)
    }

    /// The day of a year (1–9999), month (1–12) and day of the month; `None` when there is no such day.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        ((1..=9999).contains(&year) && (1..=days_in_month(year, month)).contains(&day))
            .then(|| Day { number: days_from_civil(year, month, day) })
    }

    /// The day `number` days after 1970-01-01 (before it when negative).
    pub fn from_number(number: i64) -> Day {
        Day { number }
    }

    /// Days since 1970-01-01 (negative before it): a plain number, e.g. to pick a line that varies by day.
    pub fn number(self) -> i64 {
        self.number
    }

    /// `(year, month 1–12, day of the month)`.
    pub fn year_month_day(self) -> (i32, u32, u32) {
        civil_from_days(self.number)
    }

    /// Whole days from `earlier` to this day (negative when `earlier` is later).
    pub fn days_since(self, earlier: Day) -> i64 {
        self.number - earlier.number
    }

    /// Day of the week, ISO style: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        u32::try_from((self.number + 3).rem_euclid(7) + 1).unwrap_or(1)
    }

    /// The Monday starting the week (Monday to Sunday) that holds this day.
    pub fn week_start(self) -> Day {
        self - i64::from(self.weekday() - 1)
    }

    /// The ISO week `(week-based year, week 1–53)`: weeks start on Monday, and week 1 holds the year's first
    /// Thursday.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.week_start() + 3;
        let (year, _, _) = thursday.year_month_day();
        let week = (thursday.number - days_from_civil(year, 1, 1)) / 7 + 1;
        (year, u32::try_from(week).unwrap_or(1))
    }

    /// The first day of this day's month.
    pub fn month_start(self) -> Day {
        let (_, _, day) = self.year_month_day();
        self - i64::from(day - 1)
    }

    /// The same day `months` months earlier, or the last day of that month when it is shorter (31 May − 3
    /// months = 28 or 29 February); `None` before the year 1.
    pub fn months_before(self, months: u32) -> Option<Day> {
        let (year, month, day) = self.year_month_day();
        let index = i64::from(year) * 12 + i64::from(month) - 1 - i64::from(months);
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
        Day::from_ymd(year, month, day.min(days_in_month(year, month)))
    }
}

impl Add<i64> for Day {
    type Output = Day;

    /// The day `days` days later (earlier when negative).
    fn add(self, days: i64) -> Day {
        Day { number: self.number + days }
    }
}

impl Sub<i64> for Day {
    type Output = Day;

    /// The day `days` days earlier (later when negative).
    fn sub(self, days: i64) -> Day {
        Day { number: self.number - days }
    }
}

impl Sub<Day> for Day {
    type Output = i64;

    /// Whole days from `earlier` to this day, as [`Day::days_since`].
    fn sub(self, earlier: Day) -> i64 {
        self.days_since(earlier)
    }
}

impl fmt::Display for Day {
    /// "YYYY-MM-DD", the form days are stored in.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.year_month_day();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

/// A text that is not a "YYYY-MM-DD" day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotADay;

impl fmt::Display for NotADay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a day in the form YYYY-MM-DD")
    }
}

impl std::error::Error for NotADay {}

impl FromStr for Day {
    type Err = NotADay;

    /// As [`Day::parse`].
    fn from_str(text: &str) -> Result<Day, NotADay> {
        Day::parse(text).ok_or(NotADay)
    }
}

/// Days since 1970-01-01 of a civil date (negative before it).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    // Howard Hinnant's algorithm: count from 0000-03-01 so the leap day falls at the end of each year.
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let m = i64::from(month);
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date `(year, month, day)` of a count of days since 1970-01-01.
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (i32::try_from(year).unwrap_or(i32::MAX), u32::try_from(month).unwrap_or(1), u32::try_from(day).unwrap_or(1))
}
