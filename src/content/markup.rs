//! The course markup: a small, strict Markdown subset (see `src/content/FORMAT.md`), parsed at build time.
//!
//! This file is self-contained (std only) so `build.rs` can include it with `#[path]` and the native tests can
//! check the same rules. It never ships to the browser: the browser only gets the generated Rust data.

use std::collections::BTreeSet;
use std::fmt;

/// A run of inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Plain text.
    Text(String),
    /// `**strong**` text: plain text and links (`**[term](glossary:slug).**`), never more bold or emphasis.
    Strong(Vec<Span>),
    /// `*emphasised*` text: plain text and links, never more bold or emphasis.
    Em(Vec<Span>),
    /// `[text](target)`; `target` as written (`glossary:slug`, `/learn/...`).
    Link {
        /// The visible text.
        text: String,
        /// Where it points, as written.
        target: String,
    },
}

/// A block of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// `## Heading {#id}`.
    H2 {
        /// Heading text.
        text: String,
        /// Anchor id (given or derived from the text).
        id: String,
    },
    /// `### Heading`.
    H3(String),
    /// A paragraph.
    Para(Vec<Span>),
    /// A bullet list, one item per line.
    Bullets(Vec<Vec<Span>>),
    /// A numbered list.
    Numbered(Vec<Vec<Span>>),
    /// `:::example Title` … `:::`.
    Example {
        /// The example's title.
        title: String,
        /// Its body.
        body: Vec<Node>,
    },
    /// `:::note` … `:::`.
    Note(Vec<Node>),
    /// `:::recap` … `:::`.
    Recap(Vec<Node>),
}

/// A front-matter value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `"text"`.
    Str(String),
    /// `12`.
    Int(i64),
    /// `["a", "b"]` or `[1, 2]`.
    List(Vec<Value>),
}

/// A parsed file: front matter (if any) and body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    /// `key = value` pairs from between `+++` lines.
    pub front: Vec<(String, Value)>,
    /// The body blocks.
    pub body: Vec<Node>,
}

/// A markup error with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Line number (1-based).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

fn err<T>(line: usize, message: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError { line, message: message.into() })
}

/// Turns heading text into an anchor id: lower-case words joined by `-`.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// Parses inline markup: `**strong**`, `*em*`, `[text](target)`, `\` escapes. Bold and emphasis may hold links
/// (`**[Integrity](glossary:integrity).**`) but not each other; link text is plain. Anything else that would reach
/// the screen as raw markup is an error.
pub fn parse_inline(text: &str, line: usize) -> Result<Vec<Span>, ParseError> {
    let chars: Vec<char> = text.chars().collect();
    inline_spans(&chars, line, true)
}

fn inline_spans(chars: &[char], line: usize, outermost: bool) -> Result<Vec<Span>, ParseError> {
    let mut spans = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    let flush = |plain: &mut String, spans: &mut Vec<Span>| {
        if !plain.is_empty() {
            spans.push(Span::Text(std::mem::take(plain)));
        }
    };
    let nested = || {
        err(
            line,
            "bold and emphasis cannot be nested inside each other (a link inside bold is fine: **[text](target)**)",
        )
    };
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() => {
                plain.push(chars[i + 1]);
                i += 2;
            }
            '*' if !outermost => return nested(),
            // `**bold**` or `*emphasis*`.
            '*' => {
                let strong = chars.get(i + 1) == Some(&'*');
                let mark = if strong { "**" } else { "*" };
                let start = i + mark.len();
                let end = find(chars, start, mark).ok_or(ParseError { line, message: format!("unclosed {mark}") })?;
                if !strong && chars.get(end + 1) == Some(&'*') {
                    return nested();
                }
                let inner = inline_spans(&chars[start..end], line, false)?;
                if inner.is_empty() {
                    return err(line, format!("empty {mark} {mark}"));
                }
                flush(&mut plain, &mut spans);
                spans.push(if strong { Span::Strong(inner) } else { Span::Em(inner) });
                i = end + mark.len();
            }
            '[' => {
                let close = find(chars, i + 1, "](").ok_or(ParseError { line, message: "a [ without ](".into() })?;
                let end = find(chars, close + 2, ")").ok_or(ParseError { line, message: "a link without )".into() })?;
                let link_text: String = chars[i + 1..close].iter().collect();
                let target: String = chars[close + 2..end].iter().collect();
                if link_text.trim().is_empty() || target.trim().is_empty() {
                    return err(line, "a link needs text and a target");
                }
                if link_text.contains(['*', '[', '\\']) {
                    return err(
                        line,
                        format!(
                            "link text is plain text: put bold or emphasis around the link, **[text](target)**, \
                             not inside it: [{link_text}]({target})"
                        ),
                    );
                }
                flush(&mut plain, &mut spans);
                spans.push(Span::Link { text: link_text, target });
                i = end + 1;
            }
            '<' if chars.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic() || *c == '/') => {
                return err(line, "raw HTML is not allowed");
            }
            c => {
                plain.push(c);
                i += 1;
            }
        }
    }
    flush(&mut plain, &mut spans);
    Ok(spans)
}

/// The first `needle` at or after `from` that is not escaped with `\`.
fn find(chars: &[char], from: usize, needle: &str) -> Option<usize> {
    let needle: Vec<char> = needle.chars().collect();
    let mut i = from;
    while i < chars.len() {
        if chars[i] == '\\' {
            i += 2;
            continue;
        }
        if chars[i..].starts_with(&needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn parse_value(text: &str, line: usize) -> Result<Value, ParseError> {
    let text = text.trim();
    if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        let mut items = Vec::new();
        for part in inner.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            items.push(parse_value(part, line)?);
        }
        return Ok(Value::List(items));
    }
    if let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        if inner.contains('"') {
            return err(line, "quotes inside a front-matter string are not supported");
        }
        return Ok(Value::Str(inner.to_owned()));
    }
    text.parse::<i64>().map(Value::Int).or_else(|_| err(line, format!("not a string, number or list: {text}")))
}

struct Lines<'a> {
    lines: Vec<(usize, &'a str)>,
    at: usize,
}

/// Parses a whole file: optional `+++` front matter, then blocks.
pub fn parse(text: &str) -> Result<Doc, ParseError> {
    let mut lines = Lines { lines: text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end())).collect(), at: 0 };
    let mut doc = Doc::default();
    if lines.lines.first().is_some_and(|(_, l)| *l == "+++") {
        lines.at = 1;
        loop {
            let Some(&(n, line)) = lines.lines.get(lines.at) else {
                return err(1, "front matter is not closed with +++");
            };
            lines.at += 1;
            if line == "+++" {
                break;
            }
            if line.trim().is_empty() {
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                return err(n, "front matter lines look like key = value");
            };
            doc.front.push((key.trim().to_owned(), parse_value(value, n)?));
        }
    }
    doc.body = parse_blocks(&mut lines, false)?;
    Ok(doc)
}

fn parse_blocks(lines: &mut Lines<'_>, inside_container: bool) -> Result<Vec<Node>, ParseError> {
    let mut nodes = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let mut para_line = 0;
    let mut list: Option<(bool, Vec<Vec<Span>>)> = None;

    fn end_para(para: &mut Vec<String>, line: usize, nodes: &mut Vec<Node>) -> Result<(), ParseError> {
        if !para.is_empty() {
            nodes.push(Node::Para(parse_inline(&para.join(" "), line)?));
            para.clear();
        }
        Ok(())
    }
    fn end_list(list: &mut Option<(bool, Vec<Vec<Span>>)>, nodes: &mut Vec<Node>) {
        if let Some((numbered, items)) = list.take() {
            nodes.push(if numbered { Node::Numbered(items) } else { Node::Bullets(items) });
        }
    }

    while let Some(&(n, line)) = lines.lines.get(lines.at) {
        lines.at += 1;
        let trimmed = line.trim_start();
        if trimmed.len() != line.len() && !trimmed.is_empty() {
            return err(n, "indented lines (nested lists, code) are not supported");
        }
        if line.is_empty() {
            end_para(&mut para, para_line, &mut nodes)?;
            end_list(&mut list, &mut nodes);
            continue;
        }
        if let Some(rest) = line.strip_prefix(":::") {
            end_para(&mut para, para_line, &mut nodes)?;
            end_list(&mut list, &mut nodes);
            if rest.is_empty() {
                if inside_container {
                    return Ok(nodes);
                }
                return err(n, "::: closes a block that was never opened");
            }
            if inside_container {
                return err(n, "blocks cannot be nested");
            }
            let (kind, title) = rest.split_once(' ').unwrap_or((rest, ""));
            let body = parse_blocks(lines, true)?;
            if lines.at > lines.lines.len() || !matches!(lines.lines.get(lines.at - 1), Some((_, ":::"))) {
                return err(n, "this ::: block is not closed");
            }
            nodes.push(match kind {
                "example" if !title.trim().is_empty() => Node::Example { title: title.trim().to_owned(), body },
                "example" => return err(n, ":::example needs a title"),
                "note" => Node::Note(body),
                "recap" => Node::Recap(body),
                other => return err(n, format!("unknown block :::{other}")),
            });
            continue;
        }
        if let Some(rest) = line.strip_prefix("## ") {
            end_para(&mut para, para_line, &mut nodes)?;
            end_list(&mut list, &mut nodes);
            let (text, id) = match rest.rsplit_once(" {#") {
                Some((text, id)) if id.ends_with('}') => (text.trim(), id.trim_end_matches('}').to_owned()),
                _ => (rest.trim(), slugify(rest)),
            };
            nodes.push(Node::H2 { text: text.to_owned(), id });
            continue;
        }
        if let Some(rest) = line.strip_prefix("### ") {
            end_para(&mut para, para_line, &mut nodes)?;
            end_list(&mut list, &mut nodes);
            nodes.push(Node::H3(rest.trim().to_owned()));
            continue;
        }
        if line.starts_with('#')
            || line.starts_with('>')
            || line.starts_with('|')
            || line.starts_with("```")
            || line.starts_with("* ")
            || line.starts_with("+ ")
        {
            return err(n, format!("unsupported markup: {line}"));
        }
        let bullet = line.strip_prefix("- ").map(|rest| (false, rest));
        let numbered = line
            .split_once(". ")
            .filter(|(num, _)| !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()))
            .map(|(_, rest)| (true, rest));
        if let Some((is_numbered, rest)) = bullet.or(numbered) {
            end_para(&mut para, para_line, &mut nodes)?;
            if list.as_ref().is_some_and(|(kind, _)| *kind != is_numbered) {
                end_list(&mut list, &mut nodes);
            }
            list.get_or_insert_with(|| (is_numbered, Vec::new())).1.push(parse_inline(rest.trim(), n)?);
            continue;
        }
        if list.is_some() {
            return err(n, "a list item continues on the next line; keep each item on one line");
        }
        if para.is_empty() {
            para_line = n;
        }
        para.push(line.trim().to_owned());
    }
    if inside_container {
        return err(lines.lines.len(), "a ::: block is not closed");
    }
    end_para(&mut para, para_line, &mut nodes)?;
    end_list(&mut list, &mut nodes);
    Ok(nodes)
}

/// Every link inside `nodes` (also those inside bold or emphasis), as (text, target).
pub fn links(nodes: &[Node]) -> Vec<(String, String)> {
    fn from_spans(spans: &[Span], out: &mut Vec<(String, String)>) {
        for span in spans {
            match span {
                Span::Link { text, target } => out.push((text.clone(), target.clone())),
                Span::Strong(inner) | Span::Em(inner) => from_spans(inner, out),
                Span::Text(_) => {}
            }
        }
    }
    fn walk(nodes: &[Node], out: &mut Vec<(String, String)>) {
        for node in nodes {
            match node {
                Node::Para(spans) => from_spans(spans, out),
                Node::Bullets(items) | Node::Numbered(items) => items.iter().for_each(|i| from_spans(i, out)),
                Node::Example { body, .. } | Node::Note(body) | Node::Recap(body) => walk(body, out),
                Node::H2 { .. } | Node::H3(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(nodes, &mut out);
    out
}

/// Plain words of `nodes` (for word counts and the search index).
pub fn plain_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    fn words(spans: &[Span], out: &mut String) {
        for span in spans {
            match span {
                Span::Text(t) | Span::Link { text: t, .. } => out.push_str(t),
                Span::Strong(inner) | Span::Em(inner) => words(inner, out),
            }
        }
    }
    fn spans_text(spans: &[Span], out: &mut String) {
        words(spans, out);
        out.push('\n');
    }
    fn walk(nodes: &[Node], out: &mut String) {
        for node in nodes {
            match node {
                Node::H2 { text, .. } | Node::H3(text) => {
                    out.push_str(text);
                    out.push('\n');
                }
                Node::Para(spans) => spans_text(spans, out),
                Node::Bullets(items) | Node::Numbered(items) => items.iter().for_each(|i| spans_text(i, out)),
                Node::Example { title, body } => {
                    out.push_str(title);
                    out.push('\n');
                    walk(body, out);
                }
                Node::Note(body) | Node::Recap(body) => walk(body, out),
            }
        }
    }
    walk(nodes, &mut out);
    out
}

/// Pages other than lessons, exercises and glossary terms that course text may link to. The Settings anchors
/// are the ids of its sections (`src/ui/pages/settings`); an e2e test follows each one.
pub const LINKABLE_PAGES: [&str; 9] = [
    "/help",
    "/privacy",
    "/learn",
    "/learn/faq",
    "/learn/glossary",
    "/learn/sources",
    "/settings",
    "/settings#lock",
    "/settings#delete-everything",
];

/// Route segments under `/learn/` that are pages, not lessons: no lesson may take these slugs.
pub const LEARN_PAGES: [&str; 3] = ["faq", "glossary", "sources"];

/// Checks that every link points somewhere that exists. `lessons` holds every lesson slug and, for a link to a
/// section, `slug#section-id`.
pub fn check_links(
    nodes: &[Node],
    lessons: &BTreeSet<String>,
    glossary: &BTreeSet<String>,
    exercises: &BTreeSet<String>,
) -> Vec<String> {
    links(nodes)
        .into_iter()
        .filter_map(|(text, target)| {
            let ok = if let Some(slug) = target.strip_prefix("glossary:") {
                glossary.contains(slug)
            } else if let Some(slug) = target.strip_prefix("/learn/").filter(|s| !LEARN_PAGES.contains(s)) {
                lessons.contains(slug)
            } else if let Some(slug) = target.strip_prefix("/practice/") {
                exercises.contains(slug)
            } else {
                LINKABLE_PAGES.contains(&target.as_str())
            };
            (!ok).then(|| format!("link \"{text}\" points to unknown target {target}"))
        })
        .collect()
}
