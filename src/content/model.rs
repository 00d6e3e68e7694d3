//! The course as compiled-in Rust data. `build.rs` generates the values from the files in `src/content/`.

/// A run of inline text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(&'static str),
    /// Strong emphasis.
    Strong(&'static str),
    /// Emphasis.
    Em(&'static str),
    /// A link inside the app.
    Link {
        /// Visible text.
        text: &'static str,
        /// App path, e.g. `/learn/glossary#reliability`.
        href: &'static str,
    },
}

/// A block of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// A section heading with its anchor id.
    Heading {
        /// Heading text.
        text: &'static str,
        /// Anchor id.
        id: &'static str,
    },
    /// A smaller heading.
    Subheading(&'static str),
    /// A paragraph.
    Paragraph(&'static [Inline]),
    /// A bullet list.
    Bullets(&'static [&'static [Inline]]),
    /// A numbered list.
    Numbered(&'static [&'static [Inline]]),
    /// A worked example.
    Example {
        /// The example's title.
        title: &'static str,
        /// Its body.
        body: &'static [Block],
    },
    /// A gentle aside.
    Note(&'static [Block]),
    /// The lesson's recap.
    Recap(&'static [Block]),
}

/// The four groups the lessons are arranged in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    /// Lessons 1–3.
    Understanding,
    /// Lessons 4–7.
    FirstSteps,
    /// Lessons 8–12.
    Relationships,
    /// Lessons 13–15.
    WiderWorld,
}

impl Module {
    /// Every module, in course order.
    pub const ALL: [Module; 4] = [Module::Understanding, Module::FirstSteps, Module::Relationships, Module::WiderWorld];

    /// The module's title.
    pub fn title(self) -> &'static str {
        match self {
            Module::Understanding => "Understanding trust",
            Module::FirstSteps => "First steps",
            Module::Relationships => "Relationships over time",
            Module::WiderWorld => "Trust in the wider world",
        }
    }
}

/// One lesson of the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lesson {
    /// Position in the course, 1–15.
    pub number: u8,
    /// Route segment under `/learn/`.
    pub slug: &'static str,
    /// Title.
    pub title: &'static str,
    /// One-line summary.
    pub summary: &'static str,
    /// The module it belongs to.
    pub module: Module,
    /// Reading time in minutes (from the word count at 200 words a minute).
    pub minutes: u8,
    /// Numbers of the reference article's sections this lesson covers.
    pub article_sections: &'static [u8],
    /// Exercise slugs for the "Try it" block.
    pub try_exercises: &'static [&'static str],
    /// The lesson body.
    pub body: &'static [Block],
}

/// A glossary entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GlossaryTerm {
    /// Anchor id, linked as `/learn/glossary#slug`.
    pub slug: &'static str,
    /// The term.
    pub term: &'static str,
    /// Its explanation.
    pub body: &'static [Block],
}

/// A frequently asked question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FaqEntry {
    /// Anchor id.
    pub slug: &'static str,
    /// The question.
    pub question: &'static str,
    /// The answer.
    pub body: &'static [Block],
}
