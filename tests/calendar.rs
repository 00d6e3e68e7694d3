//! Calendar days (`domain::calendar::Day`): strict parsing, day numbers from 1970, adding days across month,
//! year and leap-day ends, weekdays, ISO weeks, week and month starts, and "the same day N months before".

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use trust_steps::domain::calendar::{days_in_month, is_leap_year, Day, NotADay};

/// The day a test writes as text.
fn day(text: &str) -> Day {
    Day::parse(text).unwrap_or_else(|| panic!("{text} is a day"))
}

/// `day + n` as text, or `None` when `text` is not a day.
fn add_days(text: &str, n: i64) -> Option<String> {
    Day::parse(text).map(|d| (d + n).to_string())
}

#[test]
fn days_parse_strictly() {
    assert_eq!(Day::parse("2026-03-10").map(Day::year_month_day), Some((2026, 3, 10)));
    assert_eq!(Day::parse("2028-02-29").map(Day::year_month_day), Some((2028, 2, 29)));
    assert_eq!(Day::parse("2000-02-29").map(Day::year_month_day), Some((2000, 2, 29)));
    for bad in [
        "2026-02-29",
        "1900-02-29",
        "2026-02-30",
        "2026-04-31",
        "2026-01-32",
        "2026-13-01",
        "2026-00-10",
        "2026-01-00",
        "0000-01-01",
        "2026-3-1",
        "2026/03/10",
        "+026-03-10",
        "2026-03-10T00:00:00Z",
        "abcd-ef-gh",
        "２０２６-03-10",
        "",
    ] {
        assert_eq!(Day::parse(bad), None, "{bad}");
        assert_eq!(bad.parse::<Day>(), Err(NotADay), "{bad}");
    }
    assert!(is_leap_year(2024) && is_leap_year(2000) && !is_leap_year(1900) && !is_leap_year(2026));
}

#[test]
fn day_numbers_count_from_1970_and_round_trip() {
    assert_eq!(Day::from_ymd(1970, 1, 1).map(Day::number), Some(0));
    assert_eq!(Day::from_ymd(1969, 12, 31).map(Day::number), Some(-1));
    assert_eq!(Day::from_ymd(2000, 3, 1).map(Day::number), Some(11_017));
    assert_eq!(Day::parse("2026-03-10").map(Day::number), Some(20_522));
    assert_eq!(Day::parse("nope"), None);
    let (first, last) = (day("0001-01-01").number(), day("9999-12-31").number());
    assert_eq!((first, last), (-719_162, 2_932_896));
    for z in (first..=last).step_by(997).chain([last]) {
        let text = Day::from_number(z).to_string();
        assert_eq!(Day::parse(&text).map(Day::number), Some(z), "{text}");
    }
    for z in 20_000..21_500 {
        let (y, m, d) = Day::from_number(z).year_month_day();
        assert_eq!(Day::from_ymd(y, m, d).map(Day::number), Some(z));
    }
}

#[test]
fn a_stored_time_gives_the_day_it_starts_with_and_nonsense_gives_none() {
    // Moved from tests/backup.rs, where backups read whole-day spans from stored times.
    assert_eq!(Day::of("1970-01-01").map(Day::number), Some(0));
    assert_eq!(Day::of("2000-03-01").map(Day::number), Some(11_017));
    assert_eq!(Day::of("2024-02-29T23:59:59Z").unwrap() + 1, Day::of("2024-03-01").unwrap());
    assert_eq!(Day::of("nonsense"), None);
    assert_eq!(Day::of("2026-03-10T08:30:00.000Z"), Some(day("2026-03-10")));
    assert_eq!(Day::of("2026-02-30T08:30:00.000Z"), None, "an impossible day is not read as another one");
    assert_eq!(Day::of("2026-03"), None);
    assert_eq!(Day::parse("2026-03-10T08:30:00.000Z"), None, "parse wants a day, not a time");
}

#[test]
fn adding_days_crosses_month_year_and_leap_day_ends() {
    assert_eq!(add_days("2026-12-31", 1).as_deref(), Some("2027-01-01"));
    assert_eq!(add_days("2027-01-01", -1).as_deref(), Some("2026-12-31"));
    assert_eq!(add_days("2028-02-28", 1).as_deref(), Some("2028-02-29"));
    assert_eq!(add_days("2028-02-29", 1).as_deref(), Some("2028-03-01"));
    assert_eq!(add_days("2026-02-28", 1).as_deref(), Some("2026-03-01"));
    assert_eq!(add_days("2026-03-01", -1).as_deref(), Some("2026-02-28"));
    assert_eq!(add_days("2026-04-30", 1).as_deref(), Some("2026-05-01"));
    assert_eq!(add_days("2026-03-10", 365).as_deref(), Some("2027-03-10"));
    assert_eq!(add_days("2026-02-30", 1), None);
    assert_eq!(day("2026-03-10") - 9, day("2026-03-01"));
    assert_eq!(day("2024-03-01") - 1, day("2024-02-29"));
    assert_eq!(day("2000-03-01") - 1, day("2000-02-29"), "2000 is a leap year");
    assert_eq!(day("1900-03-01") - 1, day("1900-02-28"), "1900 is not");
}

#[test]
fn days_between_and_order() {
    assert_eq!(day("2027-01-01") - day("2026-12-31"), 1);
    assert_eq!(day("2026-12-31").days_since(day("2027-01-01")), -1);
    assert_eq!(day("2025-03-01") - day("2024-03-01"), 365);
    assert_eq!(day("2024-03-01") - day("2023-03-01"), 366, "across a leap day");
    assert_eq!(day("2026-03-10") - day("2026-03-10"), 0);
    assert!(day("2026-12-31") < day("2027-01-01"));
    assert!(day("2026-02-28") < day("2026-03-01") && day("2026-03-01") > day("2026-02-28"));
    let mut days = [day("2027-01-01"), day("1999-12-31"), day("2026-03-10")];
    days.sort();
    let shown: Vec<String> = days.iter().map(Day::to_string).collect();
    assert_eq!(shown, ["1999-12-31", "2026-03-10", "2027-01-01"], "the same order as the stored text");
}

#[test]
fn a_day_shows_as_it_is_stored() {
    for text in ["2026-03-10", "0001-01-01", "9999-12-31", "2028-02-29", "1969-12-31"] {
        assert_eq!(day(text).to_string(), text);
        assert_eq!(text.parse::<Day>().map(|d| d.to_string()).as_deref(), Ok(text));
    }
    assert_eq!(Day::from_number(0).to_string(), "1970-01-01");
}

#[test]
fn months_have_their_lengths() {
    let lengths: Vec<u32> = (1..=12).map(|m| days_in_month(2026, m)).collect();
    assert_eq!(lengths, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    assert_eq!((days_in_month(2024, 2), days_in_month(2000, 2), days_in_month(2100, 2)), (29, 29, 28));
    assert_eq!((days_in_month(2026, 0), days_in_month(2026, 13)), (0, 0));
    assert_eq!(Day::from_ymd(2026, 4, 31), None);
    assert_eq!(Day::from_ymd(2026, 4, 30).map(|d| d.to_string()).as_deref(), Some("2026-04-30"));
    assert_eq!(Day::from_ymd(0, 1, 1), None);
    assert_eq!(Day::from_ymd(10_000, 1, 1), None);
}

#[test]
fn weekdays_and_iso_weeks() {
    let weekday = |text: &str| Day::parse(text).map(Day::weekday);
    let iso_week = |text: &str| Day::parse(text).map(Day::iso_week);
    let week_start = |text: &str| Day::parse(text).map(|d| d.week_start().to_string());
    assert_eq!(weekday("1970-01-01"), Some(4), "a Thursday");
    assert_eq!(weekday("2026-01-01"), Some(4));
    assert_eq!(weekday("2026-03-02"), Some(1));
    assert_eq!(weekday("2026-03-08"), Some(7));
    assert_eq!(weekday("2024-02-29"), Some(4));
    assert_eq!(weekday("1969-12-29"), Some(1), "before 1970 too");
    assert_eq!(weekday("bad"), None);
    assert_eq!(iso_week("2026-01-01"), Some((2026, 1)));
    assert_eq!(iso_week("2027-01-01"), Some((2026, 53)), "a Friday belongs to the old year's last week");
    assert_eq!(iso_week("2024-12-30"), Some((2025, 1)), "a Monday can belong to the new year");
    assert_eq!(iso_week("2021-01-03"), Some((2020, 53)));
    assert_eq!(iso_week("2008-12-29"), Some((2009, 1)));
    assert_eq!(iso_week("2026-03-10"), Some((2026, 11)));
    assert_eq!(iso_week("2026-12-31"), Some((2026, 53)));
    assert_eq!(week_start("2026-03-08").as_deref(), Some("2026-03-02"));
    assert_eq!(week_start("2026-03-02").as_deref(), Some("2026-03-02"));
    assert_eq!(week_start("2027-01-01").as_deref(), Some("2026-12-28"));
}

#[test]
fn a_month_starts_on_its_first_day() {
    assert_eq!(day("2026-03-31").month_start(), day("2026-03-01"));
    assert_eq!(day("2024-02-29").month_start(), day("2024-02-01"));
    assert_eq!(day("2027-01-01").month_start(), day("2027-01-01"));
    assert_eq!(day("2026-12-31").month_start(), day("2026-12-01"));
}

#[test]
fn months_before_keeps_the_day_or_takes_the_end_of_a_shorter_month() {
    // Moved from tests/people.rs (the "last N months" pattern window).
    let months_before = |text: &str, n: u32| Day::parse(text)?.months_before(n).map(|d| d.to_string());
    assert_eq!(months_before("2026-06-10", 3).as_deref(), Some("2026-03-10"));
    assert_eq!(months_before("2026-05-31", 3).as_deref(), Some("2026-02-28"));
    assert_eq!(months_before("2024-05-31", 3).as_deref(), Some("2024-02-29"), "leap year");
    assert_eq!(months_before("2026-01-15", 1).as_deref(), Some("2025-12-15"), "across the year end");
    assert_eq!(months_before("2026-03-31", 12).as_deref(), Some("2025-03-31"));
    assert_eq!(months_before("2026-03-31", 0).as_deref(), Some("2026-03-31"));
    assert_eq!(months_before("0001-02-01", 2), None, "before year 1");
    assert_eq!(months_before("not a day", 1), None);
    assert_eq!(months_before("2024-02-29", 12).as_deref(), Some("2023-02-28"), "a year before a leap day");
    assert_eq!(months_before("2026-03-31", 1).as_deref(), Some("2026-02-28"));
    assert_eq!(months_before("2026-01-31", 25).as_deref(), Some("2023-12-31"), "two years and a month");
}
