//! Seeing a full storage coming: the planned quota, the share used, what is left in words, the 80% warning, and
//! that usage counts values as stored (sealed values at their sealed size).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::rc::Rc;
use trust_steps::domain::storage_space::{SpaceUse, PLANNED_QUOTA_UNITS, WARN_AT_PERMILLE};
use trust_steps::storage::crypto::{sealed_units, Sealer};
use trust_steps::storage::locked::{LockRecord, LockedStore};
use trust_steps::storage::{keys, KvStore, MemoryStore, Vault};

const MIB_UNITS: usize = 1024 * 1024 / 2;

#[test]
fn the_planned_quota_is_webkits_five_mib_counted_as_utf16_units() {
    assert_eq!(PLANNED_QUOTA_UNITS, 2_621_440);
    assert_eq!(WARN_AT_PERMILLE, 800);
    assert_eq!(SpaceUse::planned(0).permille(), 0);
    assert_eq!(SpaceUse::planned(PLANNED_QUOTA_UNITS / 2).permille(), 500);
    assert_eq!(SpaceUse::planned(PLANNED_QUOTA_UNITS * 2).permille(), 2000, "a browser that gives more");
    assert_eq!(SpaceUse { used_units: 5, quota_units: 0 }.permille(), 1000, "no quota, no division by zero");
}

#[test]
fn the_warning_starts_at_80_percent_and_not_a_unit_before() {
    let at = PLANNED_QUOTA_UNITS * 8 / 10;
    assert!(!SpaceUse::planned(at - 1).nearly_full());
    assert!(SpaceUse::planned(at - 1).warning().is_none());
    assert!(SpaceUse::planned(at).nearly_full());
    let warning = SpaceUse::planned(at).warning().unwrap();
    assert_eq!(warning.heading, "Space for your entries is running low");
    assert_eq!(
        warning.situation,
        "Trust Steps is using 80% of the space some browsers give it; about 1.0 MB is left. Everything you have written is still saved."
    );
    assert!(warning.ways_out.contains("download a backup") && warning.ways_out.contains("archive"));
    let full = SpaceUse::planned(PLANNED_QUOTA_UNITS + 10).warning().unwrap();
    assert!(full.situation.contains("all the space"), "{}", full.situation);
}

#[test]
fn what_is_left_reads_in_plain_words_and_is_never_rounded_up() {
    let left = |units_left: usize| SpaceUse::planned(PLANNED_QUOTA_UNITS - units_left).left_words();
    assert_eq!(left(MIB_UNITS), "about 1.0 MB");
    assert_eq!(left(MIB_UNITS - 1), "about 0.9 MB", "0.99 MB is not called 1.0");
    assert_eq!(left(MIB_UNITS / 2), "about 0.5 MB");
    assert_eq!(left(MIB_UNITS / 10 - 1), "less than 0.1 MB");
    assert_eq!(left(1), "less than 0.1 MB");
    assert_eq!(left(0), "almost nothing");
    assert_eq!(SpaceUse::planned(PLANNED_QUOTA_UNITS * 3).left_words(), "almost nothing");
    assert_eq!(SpaceUse::planned(0).left_words(), "about 5.0 MB");
}

#[test]
fn the_usage_figure_keeps_its_form() {
    assert_eq!(SpaceUse::planned(0).used_words(), "0.0 KiB of about 5 MiB used (0.0%).");
    assert_eq!(SpaceUse::planned(512).used_words(), "1.0 KiB of about 5 MiB used (0.0%).");
    assert_eq!(SpaceUse::planned(2_202_010).used_words(), "4300.8 KiB of about 5 MiB used (84.0%).");
}

#[test]
fn usage_counts_values_as_stored_so_a_sealed_value_counts_its_sealed_size() {
    let data_key = [3; 32];
    let store = Rc::new(LockedStore::new(MemoryStore::new(), Box::new(|| [1; 12])));
    let lock = LockRecord::new(&[1; 16], &Sealer::new(&[2; 32]), &data_key, [4; 12], 5, "key");
    store.inner().set(keys::LOCK, &lock.to_stored()).unwrap();
    store.set_key(Some((&data_key, &lock)));
    let vault = Vault::new(store.clone(), Box::new(|| "2026-12-06T10:00:00Z".into()));
    let key = "trust-steps/journal/r1";
    let plain = "x".repeat(1000);
    store.set(key, &plain).unwrap();
    let sizes = vault.units_by_key().unwrap();
    assert_eq!(sizes[key], key.len() + sealed_units(1000));
    assert!(sizes[key] < key.len() + 600, "sealed densely: about half the plain text");
    let lock_units = keys::LOCK.len() + lock.to_stored().encode_utf16().count();
    assert_eq!(vault.used_units().unwrap(), sizes[key] + lock_units);
    // Locked again (no key): usage is still counted, from the stored text.
    store.set_key(None);
    assert_eq!(vault.used_units().unwrap(), sizes[key] + lock_units);
}
