//! A quick reader for the block YAML that the app writes and that people usually write.
//!
//! It reads block mappings and sequences, plain and quoted one-line scalars, `|` and
//! `|-` texts, one-line `[a, b]` lists, `[]`, `{}` and comments, and builds the very
//! tree the full reader gives (`store::yaml_read`; plain scalars are resolved
//! by the same rules: null, booleans, integers, floats, else text), borrowing the file's
//! text for keys and scalars; lines may end with LF or CR LF. On anything else —
//! anchors, tags, folded or multi-line scalars, flow mappings, several documents, a tab,
//! a carriage return that does not end a line, a character the library refuses, a key
//! that is not a text, a duplicate key, any error — it answers `None` and the caller uses
//! the library, which also gives errors their position. So it never decides alone what a
//! file means when there is any doubt.
//!
//! While it reads, it notes where each node begins ([`parse_marked`]: one byte offset per
//! node, in the tree's order), where the full reader's events would place it, so that the
//! problems of a file it read get their positions from this one pass.

use super::node::Node;
use super::scalar::{leading_zero_digits, never_a_number, radix_body};
use std::borrow::Cow;
use std::collections::HashSet;

/// Nesting deeper than this is left to the library (which refuses very deep documents).
const MAX_DEPTH: usize = 48;

/// From this many keys, a mapping's keys are checked for duplicates with a hash set
/// (below, one by one: cheaper for the short mappings of the format).
const HASHED_FROM: usize = 16;

/// A node whose beginning the reader does not tell (an empty value): its position is
/// left to the full reader.
pub(super) const UNMARKED: u32 = u32::MAX;

/// The document's value, or `None` when the full parser must read it.
pub(super) fn parse(src: &str) -> Option<Node<'_>> {
    parse_marked(src).map(|(node, _)| node)
}

/// The document's value and where each of its nodes begins: byte offsets in `src`, one
/// per node in pre-order (a mapping, then each key and its value; a list, then each
/// item), [`UNMARKED`] for an empty value. A node begins where the full reader's event
/// does: a key or a scalar at its first character (a quote, a `|`), a flow list at its
/// `[`, a block mapping at its first key, a block list at its first `-`.
pub(super) fn parse_marked(src: &str) -> Option<(Node<'_>, Vec<u32>)> {
    if !src.ends_with('\n') || !characters_ok(src) {
        return None;
    }
    let body = &src[..src.len() - 1];
    // About one line for every 24 bytes: a guess that saves counting them first.
    let mut lines: Vec<&str> = Vec::with_capacity(body.len() / 24 + 1);
    // A file saved on Windows ends its lines with CR LF: the library reads them as line
    // feeds (in `|` texts too), and so does this.
    lines.extend(
        body.split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line)),
    );
    let mut p = Reader {
        lines,
        pos: 0,
        depth: 0,
        base: src.as_ptr() as usize,
        marks: Vec::with_capacity(body.len() / 16 + 1),
    };
    p.skip_void();
    let (indent, _) = p.peek()?;
    let value = p.node(indent)?;
    p.skip_void();
    if p.pos < p.lines.len() {
        return None;
    }
    Some((value, p.marks))
}

/// Only line feeds (alone or after a carriage return), printable ASCII and the printable
/// Unicode ranges the library reads without question (no tab, no lone carriage return, no
/// NEL or line separator, no BOM).
fn characters_ok(src: &str) -> bool {
    const CHUNK: usize = 16;
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Sixteen bytes of printable ASCII or line feeds at once (the usual case).
        if let Some(chunk) = bytes.get(i..i + CHUNK)
            && chunk.iter().fold(true, |ok, &b| {
                ok & ((b.wrapping_sub(0x20) < 0x5f) | (b == b'\n'))
            })
        {
            i += CHUNK;
            continue;
        }
        let b = bytes[i];
        if b < 0x80 {
            let crlf = b == b'\r' && bytes.get(i + 1) == Some(&b'\n');
            if b != b'\n' && !crlf && !(0x20..0x7f).contains(&b) {
                return false;
            }
            i += 1;
            continue;
        }
        let Some(c) = src[i..].chars().next() else {
            return false;
        };
        let ok = (('\u{a0}'..='\u{d7ff}').contains(&c) && c != '\u{2028}' && c != '\u{2029}')
            || (('\u{e000}'..='\u{fffd}').contains(&c) && c != '\u{feff}')
            || c >= '\u{10000}';
        if !ok {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// A line with nothing but spaces, or a comment.
fn is_void(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    t.is_empty() || t.starts_with('#')
}

/// `- item` or a lone `-`: the start of a sequence entry.
fn is_item(content: &str) -> bool {
    content == "-" || content.starts_with("- ")
}

/// Characters that give a scalar's first character a meaning other than text.
fn starts_with_indicator(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(
            b'-' | b'?'
                | b':'
                | b','
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'#'
                | b'&'
                | b'*'
                | b'!'
                | b'|'
                | b'>'
                | b'\''
                | b'"'
                | b'%'
                | b'@'
                | b'`'
        )
    )
}

struct Reader<'a> {
    lines: Vec<&'a str>,
    pos: usize,
    depth: usize,
    /// The address of the document's first byte: a slice's offset is its address minus it.
    base: usize,
    marks: Vec<u32>,
}

/// The offset in the document (whose first byte is at `base`) where `s` begins.
fn offset(base: usize, s: &str) -> u32 {
    u32::try_from((s.as_ptr() as usize).wrapping_sub(base)).unwrap_or(UNMARKED)
}

impl<'a> Reader<'a> {
    /// Notes that the next node begins where `s` does.
    fn mark(&mut self, s: &str) {
        self.marks.push(offset(self.base, s));
    }
    fn skip_void(&mut self) {
        while self.pos < self.lines.len() && is_void(self.lines[self.pos]) {
            self.pos += 1;
        }
    }

    /// The next line's indentation and content (after [`skip_void`](Self::skip_void)).
    fn peek(&self) -> Option<(usize, &'a str)> {
        let line = *self.lines.get(self.pos)?;
        let indent = indent_of(line);
        Some((indent, &line[indent..]))
    }

    /// The next line that is not only spaces (comments included) is indented deeper
    /// than `indent`: a scalar would go on there, which is left to the library.
    fn goes_on_deeper(&self, indent: usize) -> bool {
        self.lines[self.pos..]
            .iter()
            .find(|l| !l.trim_start_matches(' ').is_empty())
            .is_some_and(|l| indent_of(l) > indent)
    }

    /// A block node whose first line is the next one, at `indent`.
    fn node(&mut self, indent: usize) -> Option<Node<'a>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let (_, content) = self.peek()?;
        let value = if is_item(content) {
            self.sequence(indent, false)
        } else {
            self.pos += 1;
            self.mapping(indent, content)
        };
        self.depth -= 1;
        value
    }

    /// A block mapping at `indent`, whose first entry `first` was just consumed.
    fn mapping(&mut self, indent: usize, first: &'a str) -> Option<Node<'a>> {
        let mut map: Vec<(Node<'a>, Node<'a>)> = Vec::with_capacity(8);
        let mut hashed: Option<HashSet<&'a str>> = None;
        let mut entry = first;
        self.mark(first);
        loop {
            let (key, rest) = split_entry(entry)?;
            let Some(Node::Str(Cow::Borrowed(key))) = resolve_plain(key) else {
                return None;
            };
            let duplicate = match &mut hashed {
                Some(set) => !set.insert(key),
                None => map
                    .iter()
                    .any(|(k, _)| matches!(k, Node::Str(k) if *k == key)),
            };
            if duplicate {
                return None;
            }
            if hashed.is_none() && map.len() + 1 >= HASHED_FROM {
                let mut set: HashSet<&'a str> = HashSet::with_capacity(2 * HASHED_FROM);
                set.extend(map.iter().filter_map(|(k, _)| match k {
                    Node::Str(Cow::Borrowed(k)) => Some(*k),
                    _ => None,
                }));
                set.insert(key);
                hashed = Some(set);
            }
            self.mark(key);
            let value = self.value(rest, indent, true)?;
            map.push((Node::Str(Cow::Borrowed(key)), value));
            self.skip_void();
            match self.peek() {
                Some((i, content)) if i == indent && !is_item(content) => {
                    self.pos += 1;
                    entry = content;
                }
                Some((i, _)) if i > indent => return None,
                Some((i, _)) if i == indent => return None,
                _ => return Some(Node::Map(map)),
            }
        }
    }

    /// A block sequence whose entries are at `indent` (`indentless`: at its key's own
    /// indentation).
    fn sequence(&mut self, indent: usize, indentless: bool) -> Option<Node<'a>> {
        let mut items = Vec::new();
        self.skip_void();
        let (_, first) = self.peek()?;
        // The full reader places a list at its first `-`, but a list at its key's own
        // indentation at its first item (noted once that item is read).
        let mark = self.marks.len();
        self.mark(first);
        loop {
            self.skip_void();
            let Some((i, content)) = self.peek() else {
                break;
            };
            if i < indent || (i == indent && !is_item(content)) {
                break;
            }
            if i > indent {
                return None;
            }
            self.pos += 1;
            let after = &content[1..];
            let rest = after.trim_start_matches(' ');
            let column = indent + 1 + (after.len() - rest.len());
            if is_item(rest) {
                return None;
            }
            let starts_scalar =
                rest.starts_with(['"', '\'', '[', '{', '|', '#']) || rest.is_empty();
            let value = if !starts_scalar && split_entry(rest).is_some() {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return None;
                }
                let map = self.mapping(column, rest)?;
                self.depth -= 1;
                map
            } else {
                self.value(rest, indent, false)?
            };
            if indentless && items.is_empty() {
                self.marks[mark] = self.marks.get(mark + 1).copied().unwrap_or(UNMARKED);
            }
            items.push(value);
        }
        Some(Node::Seq(items))
    }

    /// The value written after `key:` or `- ` (`rest`, the line already consumed), for
    /// a node at `indent`. A mapping's value may be a sequence at the key's own
    /// indentation (`same_indent_list`).
    fn value(&mut self, rest: &'a str, indent: usize, same_indent_list: bool) -> Option<Node<'a>> {
        if rest.is_empty() || rest.starts_with('#') {
            self.skip_void();
            return match self.peek() {
                Some((i, _)) if i > indent => self.node(i),
                Some((i, content)) if i == indent && same_indent_list && is_item(content) => {
                    self.depth += 1;
                    let seq = self.sequence(indent, true);
                    self.depth -= 1;
                    seq
                }
                _ => {
                    self.marks.push(UNMARKED);
                    Some(Node::Null)
                }
            };
        }
        if rest.starts_with('|') {
            return self.literal(rest, indent);
        }
        self.mark(rest);
        let value = match rest.as_bytes()[0] {
            b'"' => {
                let (text, after) = double_quoted(&rest[1..])?;
                trailer_ok(after).then_some(Node::Str(text))?
            }
            b'\'' => {
                let (text, after) = single_quoted(&rest[1..])?;
                trailer_ok(after).then_some(Node::Str(text))?
            }
            b'[' => flow_list(&rest[1..], self.base, &mut self.marks)?,
            b'{' => {
                let after = rest.strip_prefix("{}")?;
                trailer_ok(after).then(|| Node::Map(Vec::new()))?
            }
            _ => resolve_plain(plain_text(rest)?)?,
        };
        if self.goes_on_deeper(indent) {
            return None;
        }
        Some(value)
    }

    /// A `|` or `|-` text whose lines are deeper than `indent`.
    fn literal(&mut self, header: &str, indent: usize) -> Option<Node<'a>> {
        let strip = match header.trim_end_matches(' ') {
            "|" => false,
            "|-" => true,
            h => {
                let (indicator, comment) = h.split_once(' ')?;
                if !comment.trim_start_matches(' ').starts_with('#') {
                    return None;
                }
                match indicator {
                    "|" => false,
                    "|-" => true,
                    _ => return None,
                }
            }
        };
        let first = *self.lines.get(self.pos)?;
        let column = indent_of(first);
        if first.trim_start_matches(' ').is_empty() || column <= indent {
            return None;
        }
        // The full reader places a `|` text at its first character, not at the `|`.
        self.mark(&first[column..]);
        let mut parts: Vec<&str> = Vec::new();
        while let Some(&line) = self.lines.get(self.pos) {
            if line.trim_start_matches(' ').is_empty() {
                if line.len() > column {
                    return None;
                }
                parts.push("");
            } else if indent_of(line) >= column {
                parts.push(&line[column..]);
            } else {
                break;
            }
            self.pos += 1;
        }
        while parts.last() == Some(&"") {
            parts.pop();
        }
        let mut text = parts.join("\n");
        if !strip {
            text.push('\n');
        }
        Some(Node::Str(Cow::Owned(text)))
    }
}

/// `key: rest` or `key:` → (key, rest after the spaces). `None` when the line is not a
/// plain key (a quoted or complex key, a comment before the colon...).
fn split_entry(content: &str) -> Option<(&str, &str)> {
    let bytes = content.as_bytes();
    let mut colon = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'#' if i > 0 && bytes[i - 1] == b' ' => return None,
            // A colon inside the key (`a:b: c`) is left to the library.
            b':' if i + 1 == bytes.len() || bytes[i + 1] == b' ' => {
                colon = Some(i);
                break;
            }
            b':' => return None,
            _ => {}
        }
    }
    let colon = colon?;
    let key = content[..colon].trim_end_matches(' ');
    // The library refuses a plain key of more than 1024 characters: leave long keys to it.
    if key.is_empty() || colon > 1000 || starts_with_indicator(key) {
        return None;
    }
    Some((key, content[colon + 1..].trim_start_matches(' ')))
}

/// After a quoted scalar or a flow list: nothing, or spaces and a comment.
fn trailer_ok(after: &str) -> bool {
    let t = after.trim_start_matches(' ');
    t.is_empty() || (t.len() < after.len() && t.starts_with('#'))
}

/// A plain scalar on one line, its comment cut off; `None` when it could mean more.
fn plain_text(rest: &str) -> Option<&str> {
    if starts_with_indicator(rest) {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut end = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'#' if i > 0 && bytes[i - 1] == b' ' => {
                end = i;
                break;
            }
            b':' if i + 1 == bytes.len() || bytes[i + 1] == b' ' => return None,
            _ => {}
        }
    }
    let text = rest[..end].trim_end_matches(' ');
    if text.is_empty() || text.ends_with(':') {
        return None;
    }
    Some(text)
}

/// The rest of a double-quoted scalar on its line → (text, what follows the quote).
fn double_quoted(s: &str) -> Option<(Cow<'_, str>, &str)> {
    // Without escapes, the text is the file's own.
    let end = s.find(['"', '\\'])?;
    if s.as_bytes()[end] == b'"' {
        return Some((Cow::Borrowed(&s[..end]), &s[end + 1..]));
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((Cow::Owned(out), &s[i + 1..])),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    '\\' => out.push('\\'),
                    '"' => out.push('"'),
                    '/' => out.push('/'),
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    '0' => out.push('\0'),
                    'x' | 'u' | 'U' => {
                        let len = match e {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let mut code = 0u32;
                        for _ in 0..len {
                            let (_, h) = chars.next()?;
                            code = code * 16 + h.to_digit(16)?;
                        }
                        out.push(char::from_u32(code)?);
                    }
                    _ => return None,
                }
            }
            c => out.push(c),
        }
    }
    None
}

/// The rest of a single-quoted scalar on its line → (text, what follows the quote).
fn single_quoted(s: &str) -> Option<(Cow<'_, str>, &str)> {
    let end = s.find('\'')?;
    if !s[end + 1..].starts_with('\'') {
        return Some((Cow::Borrowed(&s[..end]), &s[end + 1..]));
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        let i = rest.find('\'')?;
        out.push_str(&rest[..i]);
        if rest[i + 1..].starts_with('\'') {
            out.push('\'');
            rest = &rest[i + 2..];
        } else {
            return Some((Cow::Owned(out), &rest[i + 1..]));
        }
    }
}

/// `a, b, c]` (after the `[`) on one line, plain items only; each item's offset is noted
/// in `marks`.
fn flow_list<'a>(s: &'a str, base: usize, marks: &mut Vec<u32>) -> Option<Node<'a>> {
    let end = s.find(']')?;
    if !trailer_ok(&s[end + 1..]) {
        return None;
    }
    let inner = &s[..end];
    if inner.trim_matches(' ').is_empty() {
        return Some(Node::Seq(Vec::new()));
    }
    let mut items = Vec::new();
    for raw in inner.split(',') {
        let item = raw.trim_matches(' ');
        if item.is_empty()
            || starts_with_indicator(item)
            || item.contains([':', '#', '[', ']', '{', '}', '"', '\''])
        {
            return None;
        }
        marks.push(offset(base, item));
        items.push(resolve_plain(item)?);
    }
    Some(Node::Seq(items))
}

/// A plain scalar as the YAML library reads it (YAML 1.2 core schema, as it applies
/// it): null, a boolean, an integer, a finite float, else a text. `None` for the rare
/// forms left to the library (infinities, NaN, integers beyond 64 bits).
fn resolve_plain(s: &str) -> Option<Node<'_>> {
    // Compared byte by byte: this runs for every key and plain value.
    match s.as_bytes() {
        []
        | [b'~']
        | [b'n', b'u', b'l', b'l']
        | [b'N', b'u', b'l', b'l']
        | [b'N', b'U', b'L', b'L'] => {
            return Some(Node::Null);
        }
        [b't', b'r', b'u', b'e'] | [b'T', b'r', b'u', b'e'] | [b'T', b'R', b'U', b'E'] => {
            return Some(Node::Bool(true));
        }
        [b'f', b'a', b'l', b's', b'e']
        | [b'F', b'a', b'l', b's', b'e']
        | [b'F', b'A', b'L', b'S', b'E'] => return Some(Node::Bool(false)),
        _ => {}
    }
    if !s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.'))
        || never_a_number(s)
    {
        return Some(Node::Str(Cow::Borrowed(s)));
    }
    if let Some(n) = unsigned(s) {
        return Some(Node::Number(n.into()));
    }
    if let Some(n) = negative(s) {
        return Some(Node::Number(n.into()));
    }
    if wide_integer(s) {
        return None;
    }
    if !leading_zero_digits(s) {
        let unsigned = s.strip_prefix('+').unwrap_or(s);
        let lower = unsigned.to_ascii_lowercase();
        if lower.contains("inf") || lower.contains("nan") {
            return None;
        }
        if !(s.starts_with('+') && unsigned.starts_with(['+', '-']))
            && let Ok(f) = unsigned.parse::<f64>()
            && f.is_finite()
        {
            return Some(Node::Number(f.into()));
        }
    }
    Some(Node::Str(Cow::Borrowed(s)))
}

type Radix<T> = fn(&str, u32) -> Result<T, std::num::ParseIntError>;

/// A non-negative integer: decimal (no leading zero), `0x`, `0o` or `0b`.
fn unsigned_as<T>(s: &str, from: Radix<T>) -> Option<T> {
    let unpositive = s.strip_prefix('+').unwrap_or(s);
    if let Some((rest, radix)) = radix_body(unpositive) {
        if rest.starts_with(['+', '-']) {
            return None;
        }
        if let Ok(n) = from(rest, radix) {
            return Some(n);
        }
    }
    if unpositive.starts_with(['+', '-']) || leading_zero_digits(s) {
        return None;
    }
    from(unpositive, 10).ok()
}

/// A signed integer: decimal (no leading zero), `-0x`, `-0o` or `-0b`.
fn negative_as<T>(s: &str, from: Radix<T>) -> Option<T> {
    if let Some((body, radix)) = s.strip_prefix('-').and_then(radix_body)
        && let Ok(n) = from(&format!("-{body}"), radix)
    {
        return Some(n);
    }
    if leading_zero_digits(s) {
        return None;
    }
    from(s, 10).ok()
}

fn unsigned(s: &str) -> Option<u64> {
    unsigned_as(s, u64::from_str_radix)
}

fn negative(s: &str) -> Option<i64> {
    negative_as(s, i64::from_str_radix)
}

/// An integer that only fits in 128 bits: the library refuses it for its value.
fn wide_integer(s: &str) -> bool {
    unsigned_as(s, u128::from_str_radix).is_some() || negative_as(s, i128::from_str_radix).is_some()
}

#[cfg(test)]
#[path = "yaml_fast_tests.rs"]
mod tests;
