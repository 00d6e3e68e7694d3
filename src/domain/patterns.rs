//! The small word-pattern language shared by the thinking-trap finder ([`super::traps`]) and the danger detector
//! ([`super::danger`]): a tokenizer that lower-cases words and normalises apostrophes, patterns compiled from
//! short strings, matching at a word position, a negation check and quoting the matched words.
//!
//! Pattern language, one token per space-separated step:
//!
//! | step | matches |
//! |---|---|
//! | `word` | that exact word (apostrophes normalised, so "can't" matches "can’t" and "cant") |
//! | `a\|b*\|*c` | any one of these; `b*` starts with `b`, `*c` ends in `c`; `{NAME}` is a named list |
//! | `!a\|b` | any one word except these (the word is part of the match) |
//! | `~a\|b` | nothing, where the next word is none of these, or there is no next word in the sentence |
//! | `..N` | 0 to N words, never across a sentence end |
//! | `$` | nothing, at a pause: a comma, dash or bracket, a sentence end or the end of the text |

use crate::domain::stable_sort::sort_stable_by;

/// A word of a text: its normalised form and where it sits in the original text.
pub(crate) struct Token {
    /// Lower-cased, apostrophes normalised; [`SENTENCE_END`] for a sentence end.
    pub(crate) word: String,
    /// Byte range in the original text.
    pub(crate) start: usize,
    /// End of the byte range.
    pub(crate) end: usize,
    /// A comma, dash or bracket follows the word.
    pub(crate) pause_after: bool,
}

/// The marker for a sentence end, which no pattern word equals and no gap crosses.
pub(crate) const SENTENCE_END: &str = ".";

/// Common spellings without an apostrophe, mapped to the spelling the patterns use. Only spellings that are not
/// words of their own ("ill", "hell" and "shed" are left alone).
const NO_APOSTROPHE: &[(&str, &str)] = &[
    ("im", "i'm"),
    ("ive", "i've"),
    ("id", "i'd"),
    ("dont", "don't"),
    ("doesnt", "doesn't"),
    ("didnt", "didn't"),
    ("isnt", "isn't"),
    ("wasnt", "wasn't"),
    ("cant", "can't"),
    ("couldnt", "couldn't"),
    ("wont", "won't"),
    ("shouldnt", "shouldn't"),
    ("wouldnt", "wouldn't"),
    ("thats", "that's"),
    ("its", "it's"),
    ("hes", "he's"),
    ("shes", "she's"),
    ("theyre", "they're"),
    ("youre", "you're"),
    ("theyll", "they'll"),
    ("itll", "it'll"),
];

/// Splits a text into lower-cased words and sentence ends. Linear in the length of the text.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut word = String::new();
    let mut start = 0;
    let mut end = 0;
    let flush = |tokens: &mut Vec<Token>, word: &mut String, start: usize, end: usize| {
        if word.is_empty() {
            return;
        }
        // Quotes around a word ('always') are not part of it.
        let trimmed = word.trim_matches('\'');
        if !trimmed.is_empty() {
            let lead = word.len() - word.trim_start_matches('\'').len();
            let trail = word.len() - word.trim_end_matches('\'').len();
            let normal =
                NO_APOSTROPHE.iter().find(|(from, _)| *from == trimmed).map_or(trimmed, |(_, to)| to).to_owned();
            tokens.push(Token { word: normal, start: start + lead, end: end - trail, pause_after: false });
        }
        word.clear();
    };
    for (i, c) in text.char_indices() {
        let next = i + c.len_utf8();
        if c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}') {
            if word.is_empty() {
                start = i;
            }
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else {
                word.push('\'');
            }
            end = next;
            continue;
        }
        flush(&mut tokens, &mut word, start, end);
        if c == '%' {
            tokens.push(Token { word: "%".to_owned(), start: i, end: next, pause_after: false });
        } else if matches!(c, '.' | '!' | '?' | ';' | ':' | '\n' | '\u{3002}' | '\u{061f}') {
            // Repeated marks ("?!", "...") make one sentence end.
            if tokens.last().is_none_or(|t| t.word != SENTENCE_END) {
                tokens.push(Token { word: SENTENCE_END.to_owned(), start: i, end: next, pause_after: false });
            }
        } else if matches!(c, ',' | '(' | ')' | '\u{2013}' | '\u{2014}') {
            if let Some(last) = tokens.last_mut() {
                last.pause_after = true;
            }
        }
    }
    flush(&mut tokens, &mut word, start, end);
    tokens
}

/// The distinct words of a text, sorted, for [`Pattern::could_match`].
pub(crate) struct DistinctWords<'a>(Vec<&'a str>);

impl<'a> DistinctWords<'a> {
    /// The distinct words of `tokens`.
    pub(crate) fn of(tokens: &'a [Token]) -> DistinctWords<'a> {
        let mut words: Vec<&str> = tokens.iter().map(|t| t.word.as_str()).collect();
        sort_stable_by(&mut words, |a, b| a.cmp(b));
        words.dedup();
        DistinctWords(words)
    }
}

/// One alternative of a word step.
enum Alternative {
    /// Exactly this word.
    Exact(&'static str),
    /// A word starting with this.
    Prefix(&'static str),
    /// A word ending in this.
    Suffix(&'static str),
}

impl Alternative {
    /// Reads `word`, `prefix*` or `*suffix`.
    fn parse(text: &'static str) -> Alternative {
        if let Some(suffix) = text.strip_prefix('*') {
            Alternative::Suffix(suffix)
        } else if let Some(prefix) = text.strip_suffix('*') {
            Alternative::Prefix(prefix)
        } else {
            Alternative::Exact(text)
        }
    }

    /// True when `word` is this alternative.
    fn matches(&self, word: &str) -> bool {
        match self {
            Alternative::Exact(w) => *w == word,
            Alternative::Prefix(p) => word.starts_with(p),
            Alternative::Suffix(s) => word.ends_with(s) && word.len() > s.len(),
        }
    }
}

/// The alternatives of a word step: exact words sorted for a binary search, then prefixes and suffixes.
struct Words {
    exact: Vec<&'static str>,
    affixes: Vec<Alternative>,
}

impl Words {
    /// Sorts `alternatives` into exact words and affixes.
    fn new(alternatives: Vec<Alternative>) -> Words {
        let mut exact = Vec::new();
        let mut affixes = Vec::new();
        for a in alternatives {
            match a {
                Alternative::Exact(w) => exact.push(w),
                other => affixes.push(other),
            }
        }
        sort_stable_by(&mut exact, |a, b| a.cmp(b));
        exact.dedup();
        Words { exact, affixes }
    }

    /// True when `word` is one of these.
    fn matches(&self, word: &str) -> bool {
        self.exact.binary_search(&word).is_ok() || self.affixes.iter().any(|a| a.matches(word))
    }
}

/// One compiled step of a pattern.
enum Step {
    /// One of these words.
    Word(Words),
    /// Any word except these.
    Not(Vec<Alternative>),
    /// The next word, if any, is none of these (matches no word).
    NotNext(Vec<Alternative>),
    /// Skip 0 to n words.
    Gap(usize),
    /// A pause here (matches no word).
    Pause,
}

/// One rule as written: what it points to (a trap, a kind of danger), its weight, its pattern, and whether a
/// negation just before (or inside) the match undoes it.
pub(crate) struct RuleSource<L> {
    pub(crate) label: L,
    pub(crate) weight: f32,
    pub(crate) pattern: &'static str,
    pub(crate) negatable: bool,
}

/// A rule with its pattern compiled.
pub(crate) struct Rule<L> {
    pub(crate) label: L,
    pub(crate) weight: f32,
    pub(crate) negatable: bool,
    pub(crate) pattern: Pattern,
}

/// Compiles every rule; `{NAME}` in a pattern stands for the list named `NAME` in `lists`.
pub(crate) fn compile_rules<L: Copy>(sources: &[RuleSource<L>], lists: &[(&str, &'static str)]) -> Vec<Rule<L>> {
    sources
        .iter()
        .map(|source| Rule {
            label: source.label,
            weight: source.weight,
            negatable: source.negatable,
            pattern: Pattern::compile(source.pattern, lists),
        })
        .collect()
}

/// The `|`-separated alternatives of `part`, each `{NAME}` among them replaced by the alternatives of the list named
/// `NAME` in `lists` (one level: names inside that list stay as written, as does a name no list has).
pub(crate) fn expand_alternatives<'a>(part: &'a str, lists: &[(&str, &'a str)]) -> Vec<&'a str> {
    part.split('|')
        .flat_map(|alternative| {
            let list = alternative
                .strip_prefix('{')
                .and_then(|a| a.strip_suffix('}'))
                .and_then(|name| lists.iter().find(|(n, _)| *n == name))
                .map(|(_, list)| *list);
            match list {
                Some(list) => list.split('|').collect::<Vec<_>>(),
                None => vec![alternative],
            }
        })
        .collect()
}

/// A compiled pattern.
pub(crate) struct Pattern {
    steps: Vec<Step>,
}

impl Pattern {
    /// Compiles a pattern string; `{NAME}` alternatives expand to the `|`-separated list named `NAME` in `lists`.
    pub(crate) fn compile(source: &'static str, lists: &[(&str, &'static str)]) -> Pattern {
        let expand = |part: &'static str| expand_alternatives(part, lists);
        let steps = source
            .split_whitespace()
            .map(|part| {
                if part == "$" {
                    Step::Pause
                } else if let Some(n) = part.strip_prefix("..") {
                    Step::Gap(n.parse().unwrap_or(3))
                } else if let Some(rest) = part.strip_prefix('!') {
                    Step::Not(expand(rest).into_iter().map(Alternative::parse).collect())
                } else if let Some(rest) = part.strip_prefix('~') {
                    Step::NotNext(expand(rest).into_iter().map(Alternative::parse).collect())
                } else {
                    Step::Word(Words::new(expand(part).into_iter().map(Alternative::parse).collect()))
                }
            })
            .collect();
        Pattern { steps }
    }

    /// False when the pattern cannot match anywhere in `text`: one of its word steps has no candidate among the
    /// text's distinct words (sorted). A cheap test that spares trying every rule at every word.
    pub(crate) fn could_match(&self, text: &DistinctWords) -> bool {
        self.steps.iter().all(|step| match step {
            Step::Word(words) => {
                words.exact.iter().any(|w| text.0.binary_search(w).is_ok())
                    || words.affixes.iter().any(|a| text.0.iter().any(|w| a.matches(w)))
            }
            _ => true,
        })
    }

    /// Tries the pattern at token `at`; on success `matched` holds the matched word positions (gaps excluded).
    pub(crate) fn match_at(&self, tokens: &[Token], at: usize, matched: &mut Vec<usize>) -> bool {
        match_steps(&self.steps, tokens, at, matched)
    }
}

/// Tries `steps` at token `at`; pushes the matched word positions (gaps excluded) on success.
fn match_steps(steps: &[Step], tokens: &[Token], at: usize, matched: &mut Vec<usize>) -> bool {
    let Some((step, rest)) = steps.split_first() else {
        return true;
    };
    match step {
        Step::Gap(max) => {
            for skip in 0..=*max {
                if skip > 0 && tokens.get(at + skip - 1).is_none_or(|t| t.word == SENTENCE_END) {
                    return false;
                }
                let before = matched.len();
                if match_steps(rest, tokens, at + skip, matched) {
                    return true;
                }
                matched.truncate(before);
            }
            false
        }
        Step::Pause => {
            let pause = tokens.get(at).is_none_or(|t| t.word == SENTENCE_END)
                || at.checked_sub(1).and_then(|p| tokens.get(p)).is_some_and(|t| t.pause_after);
            pause && match_steps(rest, tokens, at, matched)
        }
        Step::NotNext(options) => {
            let clear =
                tokens.get(at).is_none_or(|t| t.word == SENTENCE_END || !options.iter().any(|o| o.matches(&t.word)));
            clear && match_steps(rest, tokens, at, matched)
        }
        Step::Word(_) | Step::Not(_) => {
            let Some(token) = tokens.get(at) else {
                return false;
            };
            let word = token.word.as_str();
            let ok = word != SENTENCE_END
                && match step {
                    Step::Word(words) => words.matches(word),
                    Step::Not(options) => !options.iter().any(|o| o.matches(word)),
                    Step::Gap(_) | Step::Pause | Step::NotNext(_) => false,
                };
            if !ok {
                return false;
            }
            matched.push(at);
            if match_steps(rest, tokens, at + 1, matched) {
                return true;
            }
            matched.pop();
            false
        }
    }
}

/// True when one of the `window` words before `at` (in the same sentence) is one of `negations`.
pub(crate) fn negated(tokens: &[Token], at: usize, window: usize, negations: &[&str]) -> bool {
    tokens[at.saturating_sub(window)..at.min(tokens.len())]
        .iter()
        .rev()
        .take_while(|t| t.word != SENTENCE_END)
        .any(|t| negations.contains(&t.word.as_str()))
}

/// The words of the original text at `positions`, runs joined by spaces and gaps shown as "…", at most 60
/// characters, line breaks and control characters turned into spaces.
pub(crate) fn quote(text: &str, tokens: &[Token], positions: &[usize]) -> String {
    let mut out = String::new();
    let mut previous: Option<usize> = None;
    let mut run_start: Option<usize> = None;
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for &p in positions {
        match (previous, run_start) {
            (Some(prev), Some(_)) if prev + 1 == p => {}
            (Some(prev), Some(s)) => {
                pieces.push((tokens[s].start, tokens[prev].end));
                run_start = Some(p);
            }
            _ => run_start = Some(p),
        }
        previous = Some(p);
    }
    if let (Some(prev), Some(s)) = (previous, run_start) {
        pieces.push((tokens[s].start, tokens[prev].end));
    }
    for (i, (from, to)) in pieces.into_iter().enumerate() {
        if i > 0 {
            out.push_str(" \u{2026} ");
        }
        let piece = text.get(from..to).unwrap_or("");
        // Collapse line breaks, tabs and control characters into plain spaces.
        let mut last_space = false;
        for c in piece.chars() {
            if c.is_whitespace() || c.is_control() {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
            } else {
                out.push(c);
                last_space = false;
            }
        }
    }
    if out.chars().count() > 60 {
        out = out.chars().take(59).collect::<String>() + "\u{2026}";
    }
    out
}
