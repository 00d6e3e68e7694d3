//! Help lines by country: the table holds the lines the issue names, the user's country comes first, links are
//! built from digits only, and the country choice is kept in the sealed preferences (old settings load, unknown codes are kept).

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::collections::BTreeSet;
use trust_steps::domain::helplines::{
    area_for, country_by_code, country_from_languages, emergency_for, how_to_reach, lines_best_first, lines_for,
    own_lines, sms_href, tel_href, Helpline, LineKind, COUNTRIES, DIRECTORY, HELPLINES, OTHER_COUNTRY,
};
use trust_steps::domain::Preferences;
use trust_steps::storage::{MemoryStore, Vault};

fn ids(lines: &[&trust_steps::domain::helplines::Helpline]) -> Vec<&'static str> {
    lines.iter().map(|l| l.id).collect()
}

fn line(id: &str) -> &'static trust_steps::domain::helplines::Helpline {
    HELPLINES.iter().find(|l| l.id == id).unwrap_or_else(|| panic!("no line {id}"))
}

#[test]
fn the_table_holds_the_lines_the_issue_names() {
    let call = |id: &str| line(id).call.unwrap();
    assert_eq!(call("us-ca-911"), "911");
    assert_eq!(call("gb-999"), "999");
    assert_eq!(call("eu-112"), "112");
    assert_eq!(call("au-000"), "000");
    assert_eq!(call("nz-111"), "111");
    assert_eq!(call("us-988"), "988");
    assert_eq!(line("us-988").sms().unwrap(), "sms:988");
    assert_eq!(call("ca-988"), "988");
    assert_eq!(line("ca-988").sms().unwrap(), "sms:988");
    assert_eq!(call("gb-ie-samaritans"), "116 123");
    assert!(line("gb-ie-samaritans").serves("GB") && line("gb-ie-samaritans").serves("IE"));
    assert_eq!(line("us-ndvh").tel().unwrap(), "tel:18007997233");
    assert_eq!(line("us-ndvh").sms().unwrap(), "sms:88788?body=START");
    assert_eq!(line("gb-ndah").tel().unwrap(), "tel:08082000247");
    for kind in [LineKind::Crisis, LineKind::DomesticAbuse] {
        let directory = HELPLINES.iter().find(|l| l.kind == kind && l.is_directory()).unwrap();
        assert!(directory.purpose.contains(DIRECTORY), "{kind:?} names the directory");
        assert!(directory.purpose.contains("local emergency number"), "{kind:?} names the emergency number");
        assert!(directory.call.is_none() && directory.text.is_none());
    }
    let emergency_elsewhere = HELPLINES.iter().find(|l| l.kind == LineKind::Emergency && l.is_directory()).unwrap();
    assert!(emergency_elsewhere.name.contains("local emergency number"));
}

#[test]
fn every_line_can_be_reached_and_every_pickable_country_has_an_emergency_number() {
    let mut seen = BTreeSet::new();
    for l in &HELPLINES {
        assert!(seen.insert(l.id), "duplicate id {}", l.id);
        assert!(!l.name.is_empty() && !l.purpose.is_empty() && !l.area.is_empty());
        if !l.is_directory() {
            assert!(l.call.is_some() || l.text.is_some(), "{} has a number", l.id);
            for code in l.countries {
                assert!(country_by_code(code).is_some(), "{} serves {code}, which the picker offers", l.id);
            }
        }
    }
    for country in &COUNTRIES {
        let emergency =
            emergency_for(Some(country.code)).unwrap_or_else(|| panic!("{} has no emergency", country.name));
        assert!(emergency.call.is_some());
    }
    let codes: BTreeSet<&str> = COUNTRIES.iter().map(|c| c.code).collect();
    assert_eq!(codes.len(), COUNTRIES.len(), "no country twice");
    let names: Vec<&str> = COUNTRIES.iter().map(|c| c.name).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "the picker lists countries by name");
}

#[test]
fn the_users_country_comes_first_then_the_directory_then_the_rest() {
    let uk = lines_for(Some("GB"), LineKind::Crisis);
    assert_eq!(ids(&uk)[..3], ["gb-ie-samaritans", "gb-shout", "elsewhere-crisis"]);
    assert!(ids(&uk).contains(&"us-988"), "other countries' lines are still there, after");
    let us = lines_for(Some("US"), LineKind::DomesticAbuse);
    assert_eq!(ids(&us)[..2], ["us-ndvh", "elsewhere-domestic-abuse"]);
    let ca = lines_for(Some("CA"), LineKind::Crisis);
    assert_eq!(ids(&ca)[0], "ca-988");
    let ie = lines_for(Some("ie"), LineKind::Crisis);
    assert_eq!(ids(&ie)[0], "gb-ie-samaritans", "codes match in any case");
    let nz = lines_for(Some("NZ"), LineKind::Emergency);
    assert_eq!(ids(&nz)[0], "nz-111");
    let de = lines_for(Some("DE"), LineKind::Emergency);
    assert_eq!(ids(&de)[0], "eu-112");
    // Every list holds every line of its kind exactly once, whatever the country.
    for kind in LineKind::ALL {
        let all: BTreeSet<&str> = HELPLINES.iter().filter(|l| l.kind == kind).map(|l| l.id).collect();
        for country in [None, Some("US"), Some("DE"), Some(OTHER_COUNTRY), Some("ZZ")] {
            let listed = ids(&lines_for(country, kind));
            assert_eq!(listed.len(), all.len(), "{kind:?} {country:?}");
            assert_eq!(listed.iter().copied().collect::<BTreeSet<_>>(), all, "{kind:?} {country:?}");
            assert!(lines_for(country, kind).iter().all(|l| l.kind == kind));
        }
    }
}

#[test]
fn a_country_without_its_own_line_or_no_country_is_pointed_to_the_directory() {
    // Austria has 112 but no crisis line in the table: the directory comes first.
    assert_eq!(ids(&lines_for(Some("AT"), LineKind::Crisis))[0], "elsewhere-crisis");
    assert_eq!(ids(&lines_for(Some(OTHER_COUNTRY), LineKind::DomesticAbuse))[0], "elsewhere-domestic-abuse");
    assert_eq!(ids(&lines_for(Some("ZZ"), LineKind::Emergency))[0], "elsewhere-emergency");
    assert!(own_lines(Some("AT"), LineKind::Crisis).is_empty());
    assert!(own_lines(None, LineKind::Crisis).is_empty());
    // Not chosen: the table's order, the directory last.
    let none = ids(&lines_for(None, LineKind::Crisis));
    assert_eq!(none[0], "us-988");
    assert_eq!(*none.last().unwrap(), "elsewhere-crisis");
    assert_eq!(emergency_for(None), None);
    assert_eq!(emergency_for(Some(OTHER_COUNTRY)), None);
    assert_eq!(emergency_for(Some("US")).unwrap().call, Some("911"));
    assert_eq!(emergency_for(Some("GB")).unwrap().call, Some("999"));
    assert_eq!(emergency_for(Some("IE")).unwrap().call, Some("112"));
    assert_eq!(emergency_for(Some("AU")).unwrap().call, Some("000"));
}

#[test]
fn links_keep_only_digits_and_a_leading_plus() {
    assert_eq!(tel_href("1-800-799-7233"), "tel:18007997233");
    assert_eq!(tel_href("116 123"), "tel:116123");
    assert_eq!(tel_href("+44 (0)808 2000 247"), "tel:+4408082000247");
    assert_eq!(tel_href(" +1 988"), "tel:+1988");
    assert_eq!(tel_href("13 11 14"), "tel:131114");
    assert_eq!(tel_href("1+2"), "tel:12", "a plus inside the number is dropped");
    assert_eq!(tel_href("javascript:alert(1)"), "tel:1", "nothing but digits gets through");
    assert_eq!(sms_href("88788", Some("START")), "sms:88788?body=START");
    assert_eq!(sms_href("85 258", Some("SHOUT")), "sms:85258?body=SHOUT");
    assert_eq!(sms_href("988", None), "sms:988");
    assert_eq!(sms_href("988", Some("")), "sms:988");
    assert_eq!(sms_href("741741", Some("hi there & more")), "sms:741741?body=hi%20there%20%26%20more");
    for l in &HELPLINES {
        for href in [l.tel(), l.sms()].into_iter().flatten() {
            let rest = href.split_once(':').unwrap().1;
            let number = rest.split('?').next().unwrap();
            assert!(!number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '+'), "{href}");
        }
    }
}

#[test]
fn how_to_reach_a_line_reads_as_words() {
    assert_eq!(how_to_reach(line("us-988")), "call 988 or text 988");
    assert_eq!(how_to_reach(line("us-ndvh")), "call 1-800-799-7233 or text START to 88788");
    assert_eq!(how_to_reach(line("gb-shout")), "text SHOUT to 85258");
    assert_eq!(how_to_reach(line("gb-ie-samaritans")), "call 116 123");
    assert_eq!(how_to_reach(line("elsewhere-crisis")), "look up findahelpline.com");
}

#[test]
fn the_country_choice_round_trips_through_storage() {
    let mut vault = Vault::new(MemoryStore::default(), Box::new(|| "2026-03-04T10:00:00.000Z".to_owned()));
    let mut preferences = Preferences::default();
    assert_eq!(preferences.country(), None, "not chosen until the user picks");
    preferences.set_country(Some("GB"));
    vault.save(&preferences).unwrap();
    let back = vault.load::<Preferences>().value;
    assert_eq!(back.country(), Some("GB"));
    assert_eq!(back, preferences);
    let mut cleared = back.clone();
    cleared.set_country(Some("  "));
    assert_eq!(cleared.country(), None, "an empty choice clears it");
    cleared.set_country(Some(OTHER_COUNTRY));
    assert_eq!(cleared.country(), Some(OTHER_COUNTRY));
    cleared.set_country(None);
    assert_eq!(cleared.country, None);
}

#[test]
fn old_preferences_load_without_a_country_and_an_unknown_one_is_kept() {
    let old: Preferences = serde_json::from_str(r#"{"updated_at":"x"}"#).unwrap();
    assert_eq!(old.country(), None);
    assert_eq!(ids(&lines_for(old.country(), LineKind::Crisis))[0], "us-988");
    let newer: Preferences = serde_json::from_str(r#"{"country":"JP","updated_at":"x"}"#).unwrap();
    assert_eq!(newer.country(), Some("JP"), "a code this version does not know is kept");
    assert_eq!(country_by_code("JP"), None);
    assert_eq!(ids(&lines_for(newer.country(), LineKind::Crisis))[0], "elsewhere-crisis");
    let json = serde_json::to_value(&newer).unwrap();
    assert_eq!(json["country"], "JP", "and written back as it was");
    let odd: Preferences = serde_json::from_str(r#"{"country":42,"updated_at":"x"}"#).unwrap();
    assert_eq!(odd.country(), None, "a country that is not text reads as not chosen");
    assert_eq!(odd.updated_at, "x", "and the rest of the preferences still load");
}

#[test]
fn the_biggest_eu_countries_have_their_own_lines() {
    let own =
        |code: &str, kind: LineKind| own_lines(Some(code), kind).iter().map(|l| l.call.unwrap()).collect::<Vec<_>>();
    assert_eq!(own("DE", LineKind::Crisis), ["0800 111 0 111", "0800 111 0 222"]);
    assert_eq!(own("DE", LineKind::DomesticAbuse), ["116 016"]);
    assert_eq!(own("FR", LineKind::Crisis), ["3114"]);
    assert_eq!(own("FR", LineKind::DomesticAbuse), ["3919"]);
    assert_eq!(own("ES", LineKind::Crisis), ["024"]);
    assert_eq!(own("ES", LineKind::DomesticAbuse), ["016"]);
    assert_eq!(own("NL", LineKind::Crisis), ["0800 0113", "113"]);
    assert_eq!(own("NL", LineKind::DomesticAbuse), ["0800 2000"]);
    assert_eq!(own("IT", LineKind::DomesticAbuse), ["1522"]);
    assert!(own("IT", LineKind::Crisis).is_empty(), "only numbers we are sure of");
    assert_eq!(line("de-hilfetelefon").tel().unwrap(), "tel:116016");
    assert_eq!(line("es-024").tel().unwrap(), "tel:024");
    assert_eq!(
        ids(&lines_for(Some("DE"), LineKind::Crisis))[..3],
        ["de-telefonseelsorge-1", "de-telefonseelsorge-2", "elsewhere-crisis"]
    );
}

#[test]
fn the_area_shown_names_the_users_country() {
    let eu = line("eu-112");
    assert_eq!(area_for(eu, Some("DE")), "Germany", "112 for a German user names Germany, not the EU");
    assert_eq!(area_for(eu, Some("ie")), "Ireland");
    assert_eq!(area_for(eu, None), eu.area, "no country: the table's wording");
    assert_eq!(area_for(eu, Some("US")), eu.area, "a line of another country keeps its own area");
    assert_eq!(area_for(line("gb-ie-samaritans"), Some("GB")), "United Kingdom");
    // The directory: "For <country>" once one is chosen, never "Anywhere else".
    let directory = line("elsewhere-crisis");
    assert_eq!(area_for(directory, None), "Anywhere else");
    assert_eq!(area_for(directory, Some("IT")), "For Italy");
    assert_eq!(area_for(directory, Some(OTHER_COUNTRY)), "For your country");
    assert_eq!(area_for(directory, Some("JP")), "For your country");
    for country in &COUNTRIES {
        for kind in LineKind::ALL {
            for l in lines_for(Some(country.code), kind) {
                assert_ne!(area_for(l, Some(country.code)), "Anywhere else", "{} {}", country.code, l.id);
            }
        }
    }
}

#[test]
fn the_browsers_language_names_a_country_only_when_the_picker_knows_its_region() {
    assert_eq!(country_from_languages(&["en-GB"]), Some("GB"));
    assert_eq!(country_from_languages(&["en-gb"]), Some("GB"));
    assert_eq!(country_from_languages(&["en_AU"]), Some("AU"));
    assert_eq!(country_from_languages(&["de", "fr-FR"]), Some("FR"));
    // Serbia is not in the picker: the next tag decides.
    assert_eq!(country_from_languages(&["sr-Latn-RS", "nl-NL"]), Some("NL"));
    assert_eq!(country_from_languages(&["zh-Hant-TW"]), None);
    assert_eq!(country_from_languages(&["es-419"]), None);
    assert_eq!(country_from_languages(&["en", "de"]), None);
    // Not regions: a private-use part, and "UK", which is no ISO code.
    assert_eq!(country_from_languages(&["en-x-gb"]), None);
    assert_eq!(country_from_languages(&["en-UK"]), None);
    assert_eq!(country_from_languages::<&str>(&[]), None);
}

#[test]
fn a_guessed_country_puts_its_lines_first_and_leaves_none_out() {
    let set = |lines: &[&Helpline]| ids(lines).into_iter().collect::<BTreeSet<_>>();
    for kind in LineKind::ALL {
        let unguessed = lines_for(None, kind);
        for code in ["GB", "DE", "AU", "IT"] {
            let guessed = lines_best_first(None, Some(code), kind);
            assert_eq!(set(&guessed), set(&unguessed), "{code} {kind:?}: the same lines");
            assert!(guessed.last().unwrap().is_directory(), "{code} {kind:?}: the directory last");
            let own = own_lines(Some(code), kind);
            assert_eq!(ids(&guessed[..own.len()]), ids(&own), "{code} {kind:?}: its own lines first");
        }
        // No guess, or the table's first country: the order with no country at all.
        assert_eq!(ids(&lines_best_first(None, None, kind)), ids(&unguessed));
        assert_eq!(ids(&lines_best_first(None, Some("US"), kind)), ids(&unguessed));
        // A chosen country wins over the guess.
        assert_eq!(ids(&lines_best_first(Some("DE"), Some("GB"), kind)), ids(&lines_for(Some("DE"), kind)));
    }
    assert_eq!(ids(&lines_best_first(None, Some("GB"), LineKind::Crisis))[..2], ["gb-ie-samaritans", "gb-shout"]);
    assert_eq!(ids(&lines_best_first(None, Some("GB"), LineKind::DomesticAbuse))[0], "gb-ndah");
}
