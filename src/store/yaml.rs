//! Every YAML call of the product lives here.
//!
//! Files are read into a [`Node`] tree with [`read`]: by the quick reader
//! (`store::yaml_fast`) for the usual block YAML, else by the full reader
//! (`store::yaml_read`, on `saphyr-parser`'s events: syntax errors carry their position;
//! alias bombs and deep nesting are refused). The quick reader notes where each node
//! begins as it reads ([`read_marked`], [`Marks`]): the problems of a file it read take their
//! positions from that one reading. Other positions are found with [`locate_all`], in one
//! pass over the document for all the places asked for, not one per problem. Files are written by the emitter below ([`to_block_string`]),
//! which decides quoting from the scalar rules alone (`store::scalar`).

use super::scalar::{self, Plain};
use std::collections::{HashMap, HashSet};

pub use super::node::{Node, ParseError, ParseFailure, Seg, Target, YamlPath, key_text};
pub use super::scalar::Number;
pub use serde_yaml::{Mapping, Value};

/// The deepest nesting a document may have.
pub const MAX_DEPTH: usize = super::yaml_read::MAX_DEPTH;

/// Reads one YAML document into the tree the decoders read.
///
/// The usual block YAML is read by the quick reader (`store::yaml_fast`), straight from
/// the text; whatever it leaves (any doubt, any error) is read by the full reader
/// (`store::yaml_read`), which gives errors their position. Measured in
/// docs/performance.md: the full reader alone costs twice the CPU time.
pub fn read(src: &str) -> Result<Node<'_>, ParseError> {
    match super::yaml_fast::parse(src) {
        Some(node) => Ok(node),
        None => super::yaml_read::read(src),
    }
}

/// Where the nodes of a tree begin, when the quick reader read it (its one pass noted
/// them); the full reader's trees have none, their positions take one more pass.
#[derive(Debug, Default)]
pub struct Marks(Option<Vec<u32>>);

/// Reads one document as [`read`] does, with where its nodes begin.
pub fn read_marked(src: &str) -> Result<(Node<'_>, Marks), ParseError> {
    match super::yaml_fast::parse_marked(src) {
        Some((node, marks)) => Ok((node, Marks(Some(marks)))),
        None => super::yaml_read::read(src).map(|node| (node, Marks(None))),
    }
}

impl Marks {
    /// The tree read from `src` with these marks, ready to be asked where its places are;
    /// `None` when there are no marks (the full reader read it).
    pub(super) fn located<'t, 'a>(
        &'t self,
        src: &'t str,
        tree: &'t Node<'a>,
    ) -> Option<super::yaml_marks::Located<'t, 'a>> {
        let marks = self.0.as_deref()?;
        Some(super::yaml_marks::Located::new(src, tree, marks))
    }
}

/// The quick reader's answer alone (`None`: it leaves the text to the full reader). For
/// the tests and the differential fuzz target; the product calls [`read`].
#[doc(hidden)]
pub fn parse_quick(src: &str) -> Option<Node<'_>> {
    super::yaml_fast::parse(src)
}

/// The full reader alone (what [`read`] falls back on). For the tests and the fuzz targets.
#[doc(hidden)]
pub fn read_full(src: &str) -> Result<Node<'_>, ParseError> {
    super::yaml_read::read(src)
}

/// The 1-based `(line, column)` of the key or value at `path` in `src`, if it is there.
pub fn locate(src: &str, path: &[Seg], target: Target) -> Option<(usize, usize)> {
    let wanted = HashSet::from([(path.to_vec(), target)]);
    locate_all(src, &wanted).into_values().next()
}

/// The positions of every wanted place found in `src`, in one pass.
pub fn locate_all(
    src: &str,
    wanted: &HashSet<(YamlPath, Target)>,
) -> HashMap<(YamlPath, Target), (usize, usize)> {
    super::yaml_read::positions(src, wanted)
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
    scalar::resolve(s) == Plain::Text
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_after_a_line_separator_are_the_editors() {
        // Line 2 holds a U+2028 that YAML 1.1 took for a line end; an editor does not, nor does the reader.
        let src = "id: x\nnotes: \"copié\u{2028}du web\"\n# \u{2029}\u{85}\njustice: [bad\n";
        let err = read(src).unwrap_err();
        assert_eq!((err.line, err.column), (Some(5), Some(1)));
        let src = "id: x\nnotes: \"a\u{2028}b\"\r\njustice: bad\r\n";
        let at = locate(src, &[Seg::Key("justice".into())], Target::Value);
        assert_eq!(at, Some((3, 10)));
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
    fn many_places_are_located_in_one_pass() {
        let wanted: HashSet<(YamlPath, Target)> = HashSet::from([
            (vec![key("id")], Target::Key),
            (
                vec![key("items"), Seg::Index(1), key("case")],
                Target::Value,
            ),
            (vec![key("flow"), key("a")], Target::Key),
            (vec![key("nope")], Target::Key),
        ]);
        let found = locate_all(DOC, &wanted);
        assert_eq!(found.len(), 3);
        assert_eq!(found[&(vec![key("id")], Target::Key)], (1, 1));
        assert_eq!(
            found[&(
                vec![key("items"), Seg::Index(1), key("case")],
                Target::Value
            )],
            (6, 11)
        );
        assert_eq!(found[&(vec![key("flow"), key("a")], Target::Key)], (10, 8));
    }

    #[test]
    fn nesting_is_limited_to_its_own_depth() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(read(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let err = read(&deep).unwrap_err();
        assert_eq!(err.failure, ParseFailure::TooDeep);
        assert_eq!((err.line, err.column), (Some(1), Some(MAX_DEPTH + 1)));
        let flow = "{a: ".repeat(100_000);
        assert_eq!(read(&flow).unwrap_err().failure, ParseFailure::TooDeep);
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
        let err = read("a: 1\n b: 2\n").err();
        let err = err
            .as_ref()
            .map(|e| (e.line, matches!(e.failure, ParseFailure::Syntax { .. })));
        assert_eq!(err, Some((Some(2), true)));
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let err = read("a: 1\na: 2\n").err().map(|e| e.failure);
        assert_eq!(err, Some(ParseFailure::DuplicateKey { key: "a".into() }));
        let doc = "items:\n  - kind: case\n    status: x\n  - kind: topic\n    status: y\n    title: t\n    status: z\n";
        let err = read(doc).err().map(|e| (e.failure, e.line, e.column));
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
        let err = read(&bomb).err().map(|e| e.failure);
        assert_eq!(err, Some(ParseFailure::AliasBomb));
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(
            read(&deep).err().map(|e| e.failure),
            Some(ParseFailure::TooDeep)
        );
    }
}
