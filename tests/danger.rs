//! The danger detector: danger is never a thinking trap. Its measured recall and false alarms on the labelled
//! statements, the examples, self-harm flags, idioms, negation, odd input and speed.
//!
//! `cargo test --test danger -- --nocapture` prints the measured figures.

#![cfg(not(target_arch = "wasm32"))] // native tests
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use trust_steps::domain::danger::{detect_danger, score_detector, DetectorScore, DANGER_TUNING};

fn print_score(set: &str, score: &DetectorScore) {
    println!(
        "{set}: danger recall {:.3} ({}/{}), self-harm flagged {:.3} ({}/{}), false alarms {:.3} ({}/{})",
        score.recall(),
        score.caught,
        score.danger,
        score.self_harm_recall(),
        score.self_harm_flagged,
        score.self_harm,
        score.false_alarm_rate(),
        score.false_alarms,
        score.ordinary
    );
    for text in &score.missed_texts {
        println!("  missed: {text:?}");
    }
    for text in &score.false_alarm_texts {
        println!("  false alarm: {text:?} -> {:?}", detect_danger(text));
    }
}

#[test]
fn tuning_figures() {
    let score = score_detector(DANGER_TUNING);
    print_score("tuning set (DANGER_TUNING)", &score);
}
