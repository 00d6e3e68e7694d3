//! The course: lessons, FAQ, glossary, Help and sources text, compiled in from `src/content/*.md` by `build.rs`,
//! the exercise catalogue (re-exported from `domain::exercise_catalog`) and the offline search over all of it.
//! `content` may use `domain`; `domain` never uses `content`.

#[cfg(not(target_arch = "wasm32"))]
pub mod markup;
pub mod model;
pub mod search;

pub use crate::domain::exercise_catalog::{exercise_by_slug, ExerciseInfo, EXERCISES};
pub use model::{Block, FaqEntry, GlossaryTerm, Inline, Lesson, Module};

/// The course as `build.rs` generated it (each static documented there).
mod generated {
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/course.rs"));
}

pub use generated::{FAQ, GLOSSARY, HELP, LESSONS, SOURCES};

/// Looks a lesson up by slug.
pub fn lesson_by_slug(slug: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.slug == slug)
}

/// The lessons of one module, in order.
pub fn lessons_in(module: Module) -> impl Iterator<Item = &'static Lesson> {
    LESSONS.iter().filter(move |l| l.module == module)
}
