//! How counts and signed numbers read in a sentence: "1 record", "3 records", "no change" instead of "-0".

/// "1 boundary" / "3 boundaries" / "0 boundaries": the count with the noun that fits it.
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A whole-number change with its sign, as a person writes it: "+3", "−2", and "0" (never "-0" or "+0").
/// Rounds to the nearest whole number first, so -0.4 reads "0".
pub fn signed_whole(value: f64) -> String {
    let rounded = value.round();
    if rounded == 0.0 || !rounded.is_finite() {
        "0".into()
    } else if rounded > 0.0 {
        format!("+{rounded:.0}")
    } else {
        format!("−{:.0}", -rounded)
    }
}
