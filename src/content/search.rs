//! Offline search over lessons, FAQ and glossary: every query word must match the start of a word in the
//! text (small words such as "my" or "the" are left out when the query has others); results are ranked
//! (title hits first) and come with a snippet whose matching words are marked.

use super::model::{Block, Text};
use super::{FAQ, GLOSSARY, LESSONS};
use crate::domain::order::sort_stable_by;

/// Which part of the course a result comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultKind {
    /// A section of a lesson.
    Lesson,
    /// A FAQ entry.
    Faq,
    /// A glossary term.
    Glossary,
}

impl ResultKind {
    /// How the result list names it.
    pub fn label(self) -> &'static str {
        match self {
            ResultKind::Lesson => "Lesson",
            ResultKind::Faq => "Question",
            ResultKind::Glossary => "Glossary",
        }
    }
}

/// One searchable piece of the course.
#[derive(Debug, Clone)]
pub struct SearchDoc {
    /// Lesson, FAQ or glossary.
    pub kind: ResultKind,
    /// What the result is called (lesson title and section, question, or term).
    pub title: String,
    /// Where it lives in the app.
    pub href: String,
    /// Its text, as written.
    pub text: String,
    title_lower: String,
    text_lower: String,
}

/// Text with marked (matching) parts: `(text, is_match)` runs.
pub type Marked = Vec<(String, bool)>;

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// Lesson, FAQ or glossary.
    pub kind: ResultKind,
    /// The title, with matches marked.
    pub title: Marked,
    /// Where to go.
    pub href: String,
    /// A short piece of the text around the first match, with matches marked.
    pub snippet: Marked,
    /// Higher is better.
    pub score: u32,
}

/// The whole course split into searchable pieces (lesson sections, FAQ entries, glossary terms).
pub struct SearchIndex {
    docs: Vec<SearchDoc>,
}

fn push_inlines(text: Text, out: &mut String) {
    out.push_str(&text.plain());
    out.push(' ');
}

fn push_blocks(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match *block {
            Block::Heading { text, .. } | Block::Subheading(text) => {
                out.push_str(text);
                out.push(' ');
            }
            Block::Paragraph(spans) => push_inlines(spans, out),
            Block::Bullets(items) | Block::Numbered(items) => items.iter().for_each(|i| push_inlines(*i, out)),
            Block::Example { title, body } => {
                out.push_str(title);
                out.push(' ');
                push_blocks(body, out);
            }
            Block::Note(body) | Block::Recap(body) => push_blocks(body, out),
        }
    }
}

fn doc(kind: ResultKind, title: String, href: String, text: String) -> SearchDoc {
    SearchDoc { kind, title_lower: title.to_lowercase(), text_lower: text.to_lowercase(), title, href, text }
}

/// Small words a reader types in a phrase ("he reads my messages") that say nothing about what they look for.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "are", "at", "be", "do", "for", "he", "her", "him", "his", "i", "i'm", "in", "is", "it", "me",
    "my", "of", "on", "or", "our", "she", "so", "that", "the", "their", "them", "they", "to", "we", "you", "your",
];

/// Splits a query into lower-case words (letters and digits), leaving out [`SMALL_WORDS`] unless the query has
/// nothing else.
pub fn query_words(query: &str) -> Vec<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’').replace('’', "'").to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let meaningful: Vec<String> = words.iter().filter(|w| !SMALL_WORDS.contains(&w.as_str())).cloned().collect();
    if meaningful.is_empty() {
        words
    } else {
        meaningful
    }
}

/// Byte ranges in `lower` where a word starts with `word`.
fn word_starts(lower: &str, word: &str) -> Vec<(usize, usize)> {
    lower
        .match_indices(word)
        .filter(|(i, _)| lower[..*i].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
        .map(|(i, m)| (i, i + m.len()))
        .collect()
}

/// Marks the ranges of `text` where any of `words` starts a word.
fn mark(text: &str, lower: &str, words: &[String]) -> Marked {
    let mut ranges: Vec<(usize, usize)> = words.iter().flat_map(|w| word_starts(lower, w)).collect();
    ranges.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        // Lower-casing can change byte lengths for a few scripts; only mark where the boundaries line up.
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) || lower.len() != text.len() {
            continue;
        }
        if start > at {
            out.push((text[at..start].to_owned(), false));
        }
        out.push((text[start..end].to_owned(), true));
        at = end;
    }
    if at < text.len() {
        out.push((text[at..].to_owned(), false));
    }
    out
}

/// Cuts about `width` bytes of `text` around byte `at`, on word boundaries, with ellipses.
fn window(text: &str, at: usize, width: usize) -> (usize, usize) {
    let mut start = at.saturating_sub(width / 3);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        start = text[start..].find(' ').map_or(start, |i| start + i + 1);
    }
    let mut end = (start + width).min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    if end < text.len() {
        end = text[..end].rfind(' ').unwrap_or(end);
    }
    (start, end.max(start))
}

impl SearchIndex {
    /// Builds the index from the compiled-in course.
    pub fn build() -> SearchIndex {
        let mut docs = Vec::new();
        for lesson in LESSONS {
            // Each lesson becomes one piece per `##` section, plus its opening.
            let mut section_title = lesson.title.to_owned();
            let mut section_href = format!("/learn/{}", lesson.slug);
            let mut text = format!("{} ", lesson.summary);
            for block in lesson.body {
                if let Block::Heading { text: heading, id } = *block {
                    docs.push(doc(ResultKind::Lesson, section_title, section_href, std::mem::take(&mut text)));
                    section_title = format!("{} — {}", lesson.title, heading);
                    section_href = format!("/learn/{}#{}", lesson.slug, id);
                } else {
                    push_blocks(std::slice::from_ref(block), &mut text);
                }
            }
            docs.push(doc(ResultKind::Lesson, section_title, section_href, text));
        }
        for entry in FAQ {
            let mut text = String::new();
            push_blocks(entry.body, &mut text);
            docs.push(doc(ResultKind::Faq, entry.question.to_owned(), format!("/learn/faq#{}", entry.slug), text));
        }
        for term in GLOSSARY {
            let mut text = String::new();
            push_blocks(term.body, &mut text);
            docs.push(doc(ResultKind::Glossary, term.term.to_owned(), format!("/learn/glossary#{}", term.slug), text));
        }
        SearchIndex { docs }
    }

    /// Every searchable piece.
    pub fn docs(&self) -> &[SearchDoc] {
        &self.docs
    }

    /// Finds the pieces containing every word of `query` (as a word start), best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let words = query_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u32, usize, usize)> = Vec::new();
        for (index, d) in self.docs.iter().enumerate() {
            let mut score = 0;
            let mut first = usize::MAX;
            let mut all = true;
            for word in &words {
                let in_title = word_starts(&d.title_lower, word).len() as u32;
                let in_text = word_starts(&d.text_lower, word);
                if in_title == 0 && in_text.is_empty() {
                    all = false;
                    break;
                }
                score += in_title * 10 + (in_text.len() as u32).min(5);
                if let Some((start, _)) = in_text.first() {
                    first = first.min(*start);
                }
            }
            if all {
                if d.kind == ResultKind::Glossary && words.len() == 1 && d.title_lower.starts_with(&words[0]) {
                    score += 20;
                }
                hits.push((score, index, if first == usize::MAX { 0 } else { first }));
            }
        }
        sort_stable_by(&mut hits, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.truncate(limit);
        hits.into_iter()
            .map(|(score, index, first)| {
                let d = &self.docs[index];
                let (start, end) = window(&d.text, first, 160);
                let lower_window = &d.text_lower.get(start..end).unwrap_or_default();
                let mut snippet = mark(&d.text[start..end], lower_window, &words);
                if start > 0 {
                    snippet.insert(0, ("… ".to_owned(), false));
                }
                if end < d.text.len() {
                    snippet.push((" …".to_owned(), false));
                }
                SearchHit {
                    kind: d.kind,
                    title: mark(&d.title, &d.title_lower, &words),
                    href: d.href.clone(),
                    snippet,
                    score,
                }
            })
            .collect()
    }
}

/// The course index, built on first use and kept for the page's lifetime.
pub fn course_index() -> &'static SearchIndex {
    static INDEX: std::sync::OnceLock<SearchIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(SearchIndex::build)
}
