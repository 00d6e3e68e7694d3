//! Offline search over lessons, FAQ and glossary: every query word must match a word in the text, either as
//! the start of it ("forgiv" finds "forgiveness") or as another form of the same word, by a small stemmer
//! ("cheating" finds "cheated" and "cheats", "jealous" finds "jealousy"). Small words such as "my" or "the" are
//! left out when the query has others. Results are ranked (title hits first) and come with a snippet whose
//! matching words are marked.

use super::model::{Block, Text};
use super::{FAQ, GLOSSARY, LESSONS};
use crate::domain::stable_sort::sort_stable_by;

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

/// One word of a text: where it is (byte range in the text as written), lower-cased with a straight apostrophe,
/// and its stem.
#[derive(Debug, Clone)]
struct Token {
    start: usize,
    end: usize,
    lower: String,
    stem: String,
}

/// The words of `text`: runs of letters and digits, with an apostrophe inside a word kept ("don't", "don’t").
fn tokens(text: &str) -> Vec<Token> {
    let is_quote = |c: char| c == '\'' || c == '’';
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            let inside_quote =
                is_quote(c) && text[i + c.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric);
            if !(c.is_alphanumeric() || inside_quote) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        let lower = text[start..end].replace('’', "'").to_lowercase();
        out.push(Token { start, end, stem: stem(&lower), lower });
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// A word's stem, so that forms of one word meet: "cheating", "cheated", "cheats" → "cheat"; "jealousy",
/// "jealous" → "jealous"; "worries", "worried", "worrying", "worry" → "worr"; "lies", "lied", "lying" → "lie".
/// Small and predictable rather than complete: a possessive, a plural or third-person "s", "ed" and "ing", a
/// final consonant "y" or "e", and a doubled final consonant are taken off, in that order. Expects lower case.
pub fn stem(word: &str) -> String {
    let mut w: String = word.strip_suffix("'s").unwrap_or(word).to_owned();
    let len = |w: &str| w.chars().count();
    let has_vowel = |w: &str| w.chars().any(|c| is_vowel(c) || c == 'y');
    if len(&w) <= 3 {
        return w;
    }
    // Plurals and the third person.
    if let Some(base) = w.strip_suffix("sses") {
        w = format!("{base}ss");
    } else if let Some(base) = w.strip_suffix("ies") {
        w = if len(base) <= 1 { format!("{base}ie") } else { format!("{base}y") };
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    // Past and progressive forms.
    if let Some(base) = w.strip_suffix("ied") {
        w = if len(base) <= 1 { format!("{base}ie") } else { format!("{base}y") };
    } else if len(&w) == 5 && w.ends_with("ying") {
        // lying, dying, tying
        w = format!("{}ie", &w[..w.len() - 4]);
    } else if let Some(base) = w.strip_suffix("ing").filter(|b| len(b) >= 3 && has_vowel(b)) {
        w = base.to_owned();
    } else if let Some(base) = w.strip_suffix("ed").filter(|b| len(b) >= 3 && has_vowel(b) && !b.ends_with('e')) {
        w = base.to_owned();
    }
    // A final "y" after a consonant, and a final "e": "jealousy" → "jealous", "hope" → "hop".
    let consonant_y = len(&w) > 4 && w.ends_with('y') && w.chars().rev().nth(1).is_some_and(|c| !is_vowel(c));
    if consonant_y || (len(&w) > 3 && w.ends_with('e')) {
        w.pop();
    }
    // A doubled final consonant: "controll" (from "controlling") → "control", "betting" → "bet".
    let mut last_two = w.chars().rev().take(2);
    if let (Some(a), Some(b)) = (last_two.next(), last_two.next()) {
        if a == b && !is_vowel(a) && a.is_alphabetic() && len(&w) > 3 {
            w.pop();
        }
    }
    w
}

/// One word of a query with its stem.
#[derive(Debug, Clone)]
struct QueryWord {
    word: String,
    stem: String,
}

impl QueryWord {
    /// The length, in bytes of `token`'s text as written, of the part this word marks: the start of the token
    /// when the word is a start of it, the whole token when it is another form of the same word; `None` when it
    /// does not match.
    fn matches(&self, token: &Token, written: &str) -> Option<usize> {
        if token.lower.starts_with(&self.word) {
            let chars = self.word.chars().count();
            return Some(written.char_indices().nth(chars).map_or(written.len(), |(i, _)| i));
        }
        let same_word = token.stem == self.stem
            || (self.stem != self.word && self.stem.chars().count() >= 4 && token.lower.starts_with(&self.stem));
        same_word.then_some(written.len())
    }

    /// The ranges of `text` (its tokens `tokens`) this word matches.
    fn ranges(&self, text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
        tokens.iter().filter_map(|t| self.matches(t, &text[t.start..t.end]).map(|n| (t.start, t.start + n))).collect()
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
    title_tokens: Vec<Token>,
    text_tokens: Vec<Token>,
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
    SearchDoc { kind, title_tokens: tokens(&title), text_tokens: tokens(&text), title, href, text }
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

/// How many different words of a query are searched for; a longer query is cut there.
const MAX_QUERY_WORDS: usize = 16;

/// The query's words with their stems, each once, at most [`MAX_QUERY_WORDS`].
fn query_terms(query: &str) -> Vec<QueryWord> {
    let mut words = query_words(query);
    let mut seen = std::collections::BTreeSet::new();
    words.retain(|w| seen.insert(w.clone()));
    words.truncate(MAX_QUERY_WORDS);
    words.into_iter().map(|word| QueryWord { stem: stem(&word), word }).collect()
}

/// Marks the ranges of `text` (its tokens `tokens`) that any of `words` matches.
fn mark(text: &str, tokens: &[Token], words: &[QueryWord]) -> Marked {
    let mut ranges: Vec<(usize, usize)> = words.iter().flat_map(|w| w.ranges(text, tokens)).collect();
    ranges.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        if start < at {
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

    /// Finds the pieces containing every word of `query` (as a word start or another form of it), best first, at
    /// most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let words = query_terms(query);
        if words.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u32, usize, usize)> = Vec::new();
        for (index, d) in self.docs.iter().enumerate() {
            let mut score = 0;
            let mut first = usize::MAX;
            let mut all = true;
            for word in &words {
                let in_title = word.ranges(&d.title, &d.title_tokens).len() as u32;
                let in_text = word.ranges(&d.text, &d.text_tokens);
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
                let term = d.title.to_lowercase();
                if d.kind == ResultKind::Glossary && words.len() == 1 && term.starts_with(&words[0].word) {
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
                let inside: Vec<Token> = d
                    .text_tokens
                    .iter()
                    .filter(|t| t.start >= start && t.end <= end)
                    .map(|t| Token { start: t.start - start, end: t.end - start, ..t.clone() })
                    .collect();
                let mut snippet = mark(&d.text[start..end], &inside, &words);
                if start > 0 {
                    snippet.insert(0, ("… ".to_owned(), false));
                }
                if end < d.text.len() {
                    snippet.push((" …".to_owned(), false));
                }
                SearchHit {
                    kind: d.kind,
                    title: mark(&d.title, &d.title_tokens, &words),
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
