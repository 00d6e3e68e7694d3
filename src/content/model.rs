//! The course as compiled-in Rust data. `build.rs` generates the values from the files in `src/content/`.

/// A line of course text in compact form, decoded into [`Inline`] spans by [`Text::spans`].
///
/// Plain text, with control characters marking spans: `\u{1}…\u{1}` strong, `\u{2}…\u{2}` emphasis,
/// `\u{3}text\u{1f}href\u{3}` a link. Strong and emphasised text may hold links (`\u{1}\u{3}Integrity\u{1f}…\u{3}.\u{1}`),
/// never each other. One string per paragraph or list item instead of one per span keeps
/// the course small in the wasm (build.rs writes it and refuses content containing these characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(pub &'static str);

/// Marks strong text.
pub const STRONG: char = '\u{1}';
/// Marks emphasised text.
pub const EM: char = '\u{2}';
/// Opens and closes a link.
pub const LINK: char = '\u{3}';
/// Separates a link's text from its target.
pub const LINK_TARGET: char = '\u{1f}';

impl Text {
    /// The spans of this text, in order.
    pub fn spans(self) -> Spans {
        Spans { rest: self.0 }
    }

    /// The plain text and links of this text in reading order, with what is inside bold or emphasis taken out
    /// of it: only [`Inline::Text`] and [`Inline::Link`].
    pub fn leaves(self) -> Vec<Inline> {
        let mut out = Vec::new();
        for span in self.spans() {
            match span {
                Inline::Strong(inner) | Inline::Em(inner) => out.extend(inner.leaves()),
                leaf => out.push(leaf),
            }
        }
        out
    }

    /// The words as a reader sees them (links by their text), markers removed.
    pub fn plain(self) -> String {
        let mut out = String::new();
        for leaf in self.leaves() {
            if let Inline::Text(t) | Inline::Link { text: t, .. } = leaf {
                out.push_str(t);
            }
        }
        out
    }
}

/// Iterator over the [`Inline`] spans of a [`Text`].
#[derive(Debug, Clone)]
pub struct Spans {
    rest: &'static str,
}

impl Iterator for Spans {
    type Item = Inline;

    fn next(&mut self) -> Option<Inline> {
        let rest = self.rest;
        let mut chars = rest.chars();
        let marker = chars.next()?;
        let body = chars.as_str();
        let closed = |close: char| body.find(close).map(|end| (&body[..end], &body[end + close.len_utf8()..]));
        let (span, after) = match marker {
            STRONG => closed(STRONG).map(|(t, after)| (Inline::Strong(Text(t)), after))?,
            EM => closed(EM).map(|(t, after)| (Inline::Em(Text(t)), after))?,
            LINK => {
                let (inner, after) = closed(LINK)?;
                let (text, href) = inner.split_once(LINK_TARGET)?;
                (Inline::Link { text, href }, after)
            }
            _ => {
                let end = rest.find([STRONG, EM, LINK]).unwrap_or(rest.len());
                (Inline::Text(&rest[..end]), &rest[end..])
            }
        };
        self.rest = after;
        Some(span)
    }
}

/// A run of inline text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(&'static str),
    /// Strong emphasis: plain text and links.
    Strong(Text),
    /// Emphasis: plain text and links.
    Em(Text),
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
    Paragraph(Text),
    /// A bullet list.
    Bullets(&'static [Text]),
    /// A numbered list.
    Numbered(&'static [Text]),
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

/// The four groups the lessons are arranged in, in course order (each lesson's front matter names its module;
/// `build.rs` checks that a module's lessons follow one another).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    /// What trust is, where trust issues come from, abuse and control, self-trust.
    Understanding,
    /// Small steps, thinking traps, forgiveness, getting support.
    FirstSteps,
    /// Talking and listening, the science, keeping and rebuilding trust, setbacks.
    Relationships,
    /// Trust online, at work, and as a journey.
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
    /// Position in the course, from 1. It changes when a lesson is added before it, so nothing stored refers to it.
    pub number: u8,
    /// Route segment under `/learn/`, and the key of the lesson's stored progress: never changes.
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
