//! Every YAML call of the product lives here.
//!
//! Files are read into a [`Node`] tree with [`read`]: by the quick reader when it can,
//! else by the YAML library (syntax errors carry their position; the library refuses
//! alias bombs and deep nesting itself). Positions of keys and values
//! inside a parsed document are found again with [`locate`], which replays the
//! document and stops on the node asked for: nothing is paid for positions of files
//! that have no problem.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

pub use super::node::{Node, key_text};
pub use serde_yaml::{Mapping, Number, Value};

/// One step of a path inside a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path from the document's root.
pub type YamlPath = Vec<Seg>;

/// Whether a position is wanted for a key itself or for its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Key,
    Value,
}

/// Why a document could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseFailure {
    Syntax { detail: String },
    DuplicateKey { key: String },
    TooDeep,
    AliasBomb,
}

/// A parse failure with its 1-based position when the parser gave one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub failure: ParseFailure,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Reads one YAML document into the tree the decoders read.
///
/// The usual block YAML is read by `store::yaml_fast`, straight from the text; whatever
/// it leaves (any doubt, any error) is read by the YAML library, which gives errors
/// their position.
pub fn read(src: &str) -> Result<Node<'_>, ParseError> {
    match super::yaml_fast::parse(src) {
        Some(node) => Ok(node),
        None => parse(src).map(Node::from_owned),
    }
}

/// The quick reader's answer alone (`None`: it leaves the text to the library). For the
/// tests and the differential fuzz target; the product calls [`read`].
#[doc(hidden)]
pub fn parse_quick(src: &str) -> Option<Node<'_>> {
    super::yaml_fast::parse(src)
}

/// Parses one YAML document with the YAML library alone, into its [`Value`] (what
/// [`read`] falls back on; the product reads files with [`read`]).
pub fn parse(src: &str) -> Result<Value, ParseError> {
    serde_yaml::from_str::<Value>(src).map_err(|err| {
        let location = err
            .location()
            .map(|l| editor_position(src, l.line(), l.column()));
        let full = err.to_string();
        let detail = strip_location(&full);
        let failure = if detail.contains("recursion limit exceeded") {
            ParseFailure::TooDeep
        } else if detail.contains("repetition limit exceeded") {
            ParseFailure::AliasBomb
        } else if let Some(rest) = detail
            .find("duplicate entry with key ")
            .map(|i| &detail[i + "duplicate entry with key ".len()..])
        {
            let key = rest.trim_matches('"').to_string();
            // The parser points at the mapping that holds the duplicate: look from there.
            let from = location.map_or(1, |(line, _)| line);
            {
                if let Some((line, column)) = duplicate_position(src, &key, from) {
                    return ParseError {
                        failure: ParseFailure::DuplicateKey { key },
                        line: Some(line),
                        column: Some(column),
                    };
                }
            }
            ParseFailure::DuplicateKey { key }
        } else {
            ParseFailure::Syntax {
                detail: detail.to_string(),
            }
        };
        ParseError {
            failure,
            line: location.map(|(line, _)| line),
            column: location.map(|(_, column)| column),
        }
    })
}

/// The library's 1-based `(line, column)` as an editor shows it.
///
/// The library ends a line at NEL (U+0085) and at the line and paragraph separators
/// (U+2028, U+2029), which text pasted from the web or a word processor may hold; editors
/// do not, so every position after one would point at the wrong line.
fn editor_position(src: &str, line: usize, column: usize) -> (usize, usize) {
    if !src.contains(['\u{85}', '\u{2028}', '\u{2029}']) {
        return (line, column);
    }
    let mut lib = (1, 1);
    let mut editor = (1, 1);
    let mut chars = src.chars().peekable();
    while lib < (line, column) {
        let Some(c) = chars.next() else { break };
        match c {
            // CRLF is one line end: the LF that follows counts it.
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                lib = (lib.0 + 1, 1);
                editor = (editor.0 + 1, 1);
            }
            '\u{85}' | '\u{2028}' | '\u{2029}' => {
                lib = (lib.0 + 1, 1);
                editor.1 += 1;
            }
            _ => {
                lib.1 += 1;
                editor.1 += 1;
            }
        }
    }
    editor
}

/// Where `key` appears a second time in one block mapping (the parser does not say).
///
/// A line-based look: a key at the same column as an earlier one, with no list item or
/// shallower line in between. Good enough to point at the line the user must fix.
fn duplicate_position(src: &str, key: &str, from: usize) -> Option<(usize, usize)> {
    let mut seen: Vec<usize> = Vec::new();
    for (n, line) in src.lines().enumerate().skip(from.saturating_sub(1)) {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let mut rest = &line[indent..];
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        seen.retain(|&col| col <= indent);
        let mut col = indent;
        while let Some(after) = rest.strip_prefix("- ") {
            let trimmed = after.trim_start_matches(' ');
            col += rest.len() - trimmed.len();
            rest = trimmed;
        }
        let bare = rest
            .strip_prefix(key)
            .or_else(|| rest.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| rest.strip_prefix(&format!("'{key}'")));
        let is_key = bare
            .and_then(|b| b.trim_start_matches(' ').strip_prefix(':'))
            .is_some_and(|after| after.is_empty() || after.starts_with([' ', '\t']));
        if is_key {
            if seen.contains(&col) {
                return Some((n + 1, col + 1));
            }
            seen.push(col);
        }
    }
    None
}

/// Removes the " at line N column M" the parser appends (positions are reported apart).
fn strip_location(message: &str) -> &str {
    let message = message.split(", while parsing").next().unwrap_or(message);
    match message.find(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// Writes a value as YAML text.
pub fn to_string(value: &Value) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|e| e.to_string())
}

/// Writes a mapping as block YAML in the shape of the format documentation: lists
/// indented under their key, multi-line texts as `|` blocks, a text left unquoted
/// only when it reads back as the same text (so `"14:30"`, `"true"`, `"2009"` keep
/// their quotes).
pub fn to_block_string(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Mapping(m) if !m.is_empty() => write_mapping(&mut out, m, 0, false),
        other => {
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
    out
}

fn pad(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn write_mapping(out: &mut String, map: &Mapping, indent: usize, inline_first: bool) {
    for (i, (k, v)) in map.iter().enumerate() {
        if i > 0 || !inline_first {
            pad(out, indent);
        }
        out.push_str(&scalar(k));
        out.push(':');
        match v {
            Value::Mapping(m) if !m.is_empty() => {
                out.push('\n');
                write_mapping(out, m, indent + 2, false);
            }
            Value::Sequence(s) if !s.is_empty() => {
                out.push('\n');
                write_sequence(out, s, indent + 2);
            }
            other => {
                out.push(' ');
                write_inline(out, other, indent + 2);
            }
        }
    }
}

fn write_sequence(out: &mut String, seq: &[Value], indent: usize) {
    for v in seq {
        pad(out, indent);
        out.push_str("- ");
        match v {
            Value::Mapping(m) if !m.is_empty() => write_mapping(out, m, indent + 2, true),
            Value::Sequence(s) if !s.is_empty() => {
                out.push('\n');
                write_sequence(out, s, indent + 2);
            }
            other => write_inline(out, other, indent + 2),
        }
    }
}

/// A scalar (or empty collection) after `key: ` or `- `, with its line end; a block
/// text has its lines at `indent`.
fn write_inline(out: &mut String, value: &Value, indent: usize) {
    if let Value::String(s) = value
        && let Some(chomp) = block_chomping(s)
    {
        out.push('|');
        out.push_str(chomp);
        out.push('\n');
        for line in s.strip_suffix('\n').unwrap_or(s).split('\n') {
            if !line.is_empty() {
                pad(out, indent);
                out.push_str(line);
            }
            out.push('\n');
        }
        return;
    }
    out.push_str(&scalar(value));
    out.push('\n');
}

fn is_break_or_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// The chomping indicator when `s` reads well as a `|` block: several lines, no line
/// made only of blanks, no control character, not starting with a blank.
fn block_chomping(s: &str) -> Option<&'static str> {
    let body = s.strip_suffix('\n');
    let chomp = if body.is_some() { "" } else { "-" };
    let body = body.unwrap_or(s);
    if !body.contains('\n') && chomp == "-" {
        return None;
    }
    if body.is_empty()
        || body.ends_with('\n')
        || body.starts_with([' ', '\t', '\n'])
        || body.chars().any(is_break_or_control)
        || body
            .split('\n')
            .any(|l| !l.is_empty() && l.trim().is_empty())
    {
        return None;
    }
    Some(chomp)
}

/// A scalar on one line: plain when that reads back as the same text, else in double quotes.
fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => {
            if plain_ok(s) {
                s.clone()
            } else {
                double_quoted(s)
            }
        }
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".to_string(),
        Value::Sequence(_) => "[]".to_string(),
        Value::Mapping(_) => "{}".to_string(),
        Value::Tagged(t) => scalar(&t.value),
    }
}

fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if "-?:,[]{}#&*!|>'\"%@` \t".contains(first)
        || s.ends_with([' ', '\t'])
        || s.contains(':')
        || s.contains(" #")
        || s.contains('\n')
        || s.chars().any(is_break_or_control)
    {
        return false;
    }
    // Anything YAML would read as a number, a boolean or null keeps its quotes.
    let probe = format!("k: {s}\n");
    let expected = Node::Map(vec![(Node::Str("k".into()), Node::Str(s.into()))]);
    read(&probe).is_ok_and(|v| v == expected)
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_break_or_control(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

const MARK: &str = "\u{1}cellule-locate\u{1}";

/// The 1-based `(line, column)` of the key or value at `path` in `src`, if it is there.
pub fn locate(src: &str, path: &[Seg], target: Target) -> Option<(usize, usize)> {
    let de = serde_yaml::Deserializer::from_str(src);
    match (Finder { path, target }).deserialize(de) {
        Err(err) if err.to_string().contains(MARK) => err
            .location()
            .map(|l| editor_position(src, l.line(), l.column())),
        _ => None,
    }
}

struct Finder<'p> {
    path: &'p [Seg],
    target: Target,
}

impl<'de> DeserializeSeed<'de> for Finder<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.path.is_empty() {
            d.deserialize_any(Hit)
        } else {
            d.deserialize_any(Walk {
                path: self.path,
                target: self.target,
            })
        }
    }
}

/// Fails on the node it is given, so that the parser reports that node's position.
struct Hit;

impl<'de> Visitor<'de> for Hit {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(MARK)
    }
}

/// Walks one step of the path.
struct Walk<'p> {
    path: &'p [Seg],
    target: Target,
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any node")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((Seg::Key(want), rest)) = self.path.split_first() else {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(());
        };
        let hit_key = rest.is_empty() && self.target == Target::Key;
        while let Some(found) = map.next_key_seed(KeySeed { want, hit_key })? {
            if found {
                return map.next_value_seed(Finder {
                    path: rest,
                    target: self.target,
                });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Seg::Index(want), rest)) = self.path.split_first() else {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(());
        };
        let mut index = 0;
        loop {
            if index == *want {
                return seq
                    .next_element_seed(Finder {
                        path: rest,
                        target: self.target,
                    })
                    .map(|_| ());
            }
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Reads a key and tells whether it is the one wanted (failing on it when its own
/// position is asked for).
struct KeySeed<'w> {
    want: &'w str,
    hit_key: bool,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl KeySeed<'_> {
    fn check<E: de::Error>(&self, key: &str) -> Result<bool, E> {
        if key == self.want {
            if self.hit_key {
                Err(E::custom(MARK))
            } else {
                Ok(true)
            }
        } else {
            Ok(false)
        }
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        self.check(v)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        self.check("null")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_after_a_line_separator_are_the_editors() {
        // Line 2 holds a U+2028 that the library takes for a line end; an editor does not.
        let src = "id: x\nnotes: \"copié\u{2028}du web\"\n# \u{2029}\u{85}\njustice: [bad\n";
        let err = parse(src).unwrap_err();
        assert_eq!((err.line, err.column), (Some(5), Some(1)));
        let src = "id: x\nnotes: \"a\u{2028}b\"\r\njustice: bad\r\n";
        let at = locate(src, &[Seg::Key("justice".into())], Target::Value);
        assert_eq!(at, Some((3, 10)));
        // Without such characters, the library's positions are kept as they are.
        assert_eq!(editor_position("a\nb\n", 2, 1), (2, 1));
        assert_eq!(editor_position("a\u{2028}b: c\n", 2, 2), (1, 4));
    }

    const DOC: &str = "id: x\nitems:\n  - kind: topic\n    title: A\n  - kind: case\n    case: c1\n    actions:\n      - text: t\n        owner: o\nflow: {a: 1, b: [x, y]}\n";

    fn key(k: &str) -> Seg {
        Seg::Key(k.to_string())
    }

    #[test]
    fn locates_keys_and_values() {
        assert_eq!(locate(DOC, &[key("id")], Target::Key), Some((1, 1)));
        assert_eq!(locate(DOC, &[key("id")], Target::Value), Some((1, 5)));
        assert_eq!(
            locate(
                DOC,
                &[key("items"), Seg::Index(1), key("case")],
                Target::Value
            ),
            Some((6, 11))
        );
        assert_eq!(
            locate(
                DOC,
                &[
                    key("items"),
                    Seg::Index(1),
                    key("actions"),
                    Seg::Index(0),
                    key("owner")
                ],
                Target::Key
            ),
            Some((9, 9))
        );
        assert_eq!(
            locate(DOC, &[key("items"), Seg::Index(0)], Target::Value),
            Some((3, 5))
        );
        assert_eq!(
            locate(DOC, &[key("flow"), key("b"), Seg::Index(1)], Target::Value),
            Some((10, 21))
        );
    }

    #[test]
    fn absent_paths_have_no_position() {
        assert_eq!(locate(DOC, &[key("nope")], Target::Key), None);
        assert_eq!(
            locate(DOC, &[key("items"), Seg::Index(7)], Target::Value),
            None
        );
        assert_eq!(
            locate(DOC, &[key("id"), key("deeper")], Target::Value),
            None
        );
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let err = parse("a: 1\n b: 2\n").err();
        let err = err
            .as_ref()
            .map(|e| (e.line, matches!(e.failure, ParseFailure::Syntax { .. })));
        assert_eq!(err, Some((Some(2), true)));
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let err = parse("a: 1\na: 2\n").err().map(|e| e.failure);
        assert_eq!(err, Some(ParseFailure::DuplicateKey { key: "a".into() }));
        let doc = "items:\n  - kind: case\n    status: x\n  - kind: topic\n    status: y\n    title: t\n    status: z\n";
        let err = parse(doc).err().map(|e| (e.failure, e.line, e.column));
        let status = ParseFailure::DuplicateKey {
            key: "status".into(),
        };
        assert_eq!(err, Some((status, Some(7), Some(5))));
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_refused_quickly() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let names = ["b", "c", "d", "e", "f", "g", "h", "i", "j"];
        let mut prev = "a";
        for n in names {
            bomb.push_str(&format!("{n}: &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = n;
        }
        let err = parse(&bomb).err().map(|e| e.failure);
        assert_eq!(err, Some(ParseFailure::AliasBomb));
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(
            parse(&deep).err().map(|e| e.failure),
            Some(ParseFailure::TooDeep)
        );
    }
}
