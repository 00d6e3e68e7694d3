//! The belief tracker's change sentence reads as a person writes it.

use trust_steps::domain::beliefs::StrengthRating;
use trust_steps::domain::Belief;

fn belief(strengths: &[u8]) -> Belief {
    Belief {
        ratings: strengths
            .iter()
            .enumerate()
            .map(|(i, s)| StrengthRating { at: format!("2026-01-0{}T10:00:00Z", i + 1), strength: *s })
            .collect(),
        ..Belief::default()
    }
}

#[test]
fn change_sentence_uses_singular_and_plural_and_says_nothing_before_a_second_rating() {
    assert_eq!(belief(&[70]).change_sentence(), None);
    assert_eq!(belief(&[70, 69]).change_sentence().as_deref(), Some("Loosened by 1 point since you first rated it."));
    assert_eq!(belief(&[70, 40]).change_sentence().as_deref(), Some("Loosened by 30 points since you first rated it."));
    assert_eq!(belief(&[40, 41]).change_sentence().as_deref(), Some("Stronger by 1 point since you first rated it."));
    assert_eq!(belief(&[40, 60, 40]).change_sentence().as_deref(), Some("The same as when you first rated it."));
}
