//! The reader: one YAML document into the store's [`Node`] tree, by `saphyr-parser`'s
//! events, in one pass with no recursion; and the positions of many places of a document,
//! found together in one more pass ([`positions`]).
//!
//! Limits, each with its own failure: nesting deeper than [`MAX_DEPTH`] ([`ParseFailure::TooDeep`],
//! found as soon as the parser reaches it, so 200,000 `[` cost no more than 65), aliases
//! expanding to more than [`MAX_ALIAS_NODES`] nodes in all ([`ParseFailure::AliasBomb`]),
//! a key written twice in one mapping ([`ParseFailure::DuplicateKey`], at the second one),
//! more than one document.

use super::node::{Node, ParseError, ParseFailure, Seg, Target};
use super::scalar::{self, Plain};
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Deeper nesting is refused: the format needs five levels, 64 is plenty.
pub const MAX_DEPTH: usize = 64;

/// What all aliases of one document may expand to, in nodes.
pub const MAX_ALIAS_NODES: usize = 100_000;

/// From this many entries, a mapping's keys are checked for duplicates with a hash set
/// (below, one by one: cheaper for the short mappings of the format).
const HASHED_FROM: usize = 16;

fn at(span: &Span, failure: ParseFailure) -> ParseError {
    ParseError {
        failure,
        line: Some(span.start.line()),
        column: Some(span.start.col() + 1),
    }
}

fn scan_error(e: &ScanError) -> ParseError {
    // The scanner counts flow levels in a byte: it may reach its own limit before the
    // reader sees the 65th level, while it looks ahead for a key.
    let failure = if e.info() == "recursion limit exceeded" {
        ParseFailure::TooDeep
    } else {
        ParseFailure::Syntax {
            detail: e.info().to_string(),
        }
    };
    ParseError {
        failure,
        line: Some(e.marker().line()),
        column: Some(e.marker().col() + 1),
    }
}

fn plain_node(text: Cow<'_, str>) -> Node<'_> {
    match scalar::resolve(&text) {
        Plain::Null => Node::Null,
        Plain::Bool(b) => Node::Bool(b),
        Plain::Number(n) => Node::Number(n),
        Plain::Text => Node::Str(text),
    }
}

/// A collection being read.
enum Open<'a> {
    Seq {
        items: Vec<Node<'a>>,
        anchor: usize,
    },
    Map {
        entries: Vec<(Node<'a>, Node<'a>)>,
        key: Option<(Node<'a>, Span)>,
        hashed: Option<HashSet<String>>,
        anchor: usize,
    },
}

/// The text a key is compared by (its kind first: `1` and `"1"` are two keys).
fn key_id(key: &Node) -> String {
    match key {
        Node::Str(s) => format!("s{s}"),
        Node::Tagged(inner) => key_id(inner),
        other => format!("o{other:?}"),
    }
}

fn same_key(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Str(x), Node::Str(y)) => x == y,
        _ => key_id(a) == key_id(b),
    }
}

fn size(node: &Node) -> usize {
    match node {
        Node::Seq(items) => 1 + items.iter().map(size).sum::<usize>(),
        Node::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| size(k) + size(v))
                .sum::<usize>()
        }
        Node::Tagged(inner) => 1 + size(inner),
        _ => 1,
    }
}

struct Builder<'a> {
    stack: Vec<Open<'a>>,
    anchors: HashMap<usize, (Node<'a>, usize)>,
    expanded: usize,
    root: Option<Node<'a>>,
}

impl<'a> Builder<'a> {
    /// Places a finished node in the collection being read (or as the document).
    fn place(&mut self, node: Node<'a>, span: &Span) -> Result<(), ParseError> {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map {
                entries,
                key,
                hashed,
                ..
            }) => match key.take() {
                None => {
                    let duplicate = match hashed {
                        Some(set) => !set.insert(key_id(&node)),
                        None => entries.iter().any(|(k, _)| same_key(k, &node)),
                    };
                    if duplicate {
                        let key = super::node::key_text(&node).unwrap_or_default();
                        return Err(at(span, ParseFailure::DuplicateKey { key }));
                    }
                    *key = Some((node, *span));
                }
                Some((k, _)) => {
                    entries.push((k, node));
                    if hashed.is_none() && entries.len() >= HASHED_FROM {
                        *hashed = Some(entries.iter().map(|(k, _)| key_id(k)).collect());
                    }
                }
            },
        }
        Ok(())
    }

    fn remember(&mut self, anchor: usize, node: &Node<'a>) {
        if anchor > 0 {
            self.anchors.insert(anchor, (node.clone(), size(node)));
        }
    }

    fn open(&mut self, open: Open<'a>, span: &Span) -> Result<(), ParseError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(at(span, ParseFailure::TooDeep));
        }
        self.stack.push(open);
        Ok(())
    }

    fn close(&mut self, span: &Span) -> Result<(), ParseError> {
        let (node, anchor) = match self.stack.pop() {
            Some(Open::Seq { items, anchor }) => (Node::Seq(items), anchor),
            Some(Open::Map {
                entries, anchor, ..
            }) => (Node::Map(entries), anchor),
            None => return Ok(()),
        };
        self.remember(anchor, &node);
        self.place(node, span)
    }
}

/// The position of the first character YAML does not allow in a document (C0 and C1
/// controls but tab, line feed, carriage return and NEL; U+FFFE and U+FFFF), if any.
fn unprintable(src: &str) -> Option<(usize, usize)> {
    let bytes = src.as_bytes();
    let bad = bytes.iter().enumerate().position(|(i, &b)| match b {
        b'\t' | b'\n' | b'\r' => false,
        0..0x20 | 0x7f => true,
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x84 | 0x86..=0x9f)),
        0xef => bytes.get(i + 1) == Some(&0xbf) && matches!(bytes.get(i + 2), Some(0xbe | 0xbf)),
        _ => false,
    })?;
    let before = &src[..bad];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    Some((line, before[start..].chars().count() + 1))
}

/// Reads one YAML document.
pub fn read(src: &str) -> Result<Node<'_>, ParseError> {
    if let Some((line, column)) = unprintable(src) {
        return Err(ParseError {
            failure: ParseFailure::Syntax {
                detail: "control characters are not allowed".into(),
            },
            line: Some(line),
            column: Some(column),
        });
    }
    let mut b = Builder {
        stack: Vec::new(),
        anchors: HashMap::new(),
        expanded: 0,
        root: None,
    };
    let mut documents = 0;
    for event in Parser::new_from_str(src) {
        let (event, span) = event.map_err(|e| scan_error(&e))?;
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(at(
                        &span,
                        ParseFailure::Syntax {
                            detail: "more than one document".into(),
                        },
                    ));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let node = match style {
                    ScalarStyle::Plain if tag.is_none() => plain_node(text),
                    _ => Node::Str(text),
                };
                let node = if tag.is_some() {
                    Node::Tagged(Box::new(node))
                } else {
                    node
                };
                b.remember(anchor, &node);
                b.place(node, &span)?;
            }
            Event::SequenceStart(anchor, _) => b.open(
                Open::Seq {
                    items: Vec::new(),
                    anchor,
                },
                &span,
            )?,
            Event::MappingStart(anchor, _) => b.open(
                Open::Map {
                    entries: Vec::new(),
                    key: None,
                    hashed: None,
                    anchor,
                },
                &span,
            )?,
            Event::SequenceEnd | Event::MappingEnd => b.close(&span)?,
            Event::Alias(anchor) => {
                let Some((node, size)) = b.anchors.get(&anchor) else {
                    return Err(at(
                        &span,
                        ParseFailure::Syntax {
                            detail: "unknown anchor".into(),
                        },
                    ));
                };
                b.expanded += size;
                if b.expanded > MAX_ALIAS_NODES {
                    return Err(at(&span, ParseFailure::AliasBomb));
                }
                let node = node.clone();
                b.place(node, &span)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
    }
    Ok(b.root.unwrap_or(Node::Null))
}

/// A wanted place: a path and whether its key or its value is asked for.
pub type Wanted = (Vec<Seg>, Target);

/// The 1-based `(line, column)` of each wanted place found in `src`, in one pass.
///
/// Positions are those of the parser's events: a key's own text, the first character of a
/// scalar value, the `[`/`{` of a flow collection, the first entry or `- ` of a block one.
/// A document that does not parse gives the places found before the error.
pub fn positions(src: &str, wanted: &HashSet<Wanted>) -> HashMap<Wanted, (usize, usize)> {
    let mut found: HashMap<Wanted, (usize, usize)> = HashMap::new();
    if wanted.is_empty() {
        return found;
    }
    // Every prefix of a wanted path: a subtree under no such prefix is skipped over.
    let mut prefixes: HashSet<&[Seg]> = HashSet::new();
    for (path, _) in wanted {
        for n in 0..=path.len() {
            prefixes.insert(&path[..n]);
        }
    }
    let mut path: Vec<Seg> = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    let pos = |span: &Span| (span.start.line(), span.start.col() + 1);
    let mut note = |path: Vec<Seg>, target: Target, at: (usize, usize)| -> Vec<Seg> {
        let probe = (path, target);
        if wanted.contains(&probe) && !found.contains_key(&probe) {
            let path = probe.0.clone();
            found.insert(probe, at);
            return path;
        }
        probe.0
    };
    for event in Parser::new_from_str(src) {
        let Ok((event, span)) = event else { break };
        let starts = matches!(event, Event::SequenceStart(..) | Event::MappingStart(..));
        let ends = matches!(event, Event::SequenceEnd | Event::MappingEnd);
        if !starts && !ends && !matches!(event, Event::Scalar(..) | Event::Alias(_)) {
            continue;
        }
        if let Some(Frame::Skip { depth, key }) = frames.last_mut() {
            if starts {
                *depth += 1;
            } else if ends {
                if *depth == 0 {
                    let key = *key;
                    frames.pop();
                    if !key {
                        end_value(&mut path, &mut frames);
                    }
                } else {
                    *depth -= 1;
                }
            }
            continue;
        }
        if ends {
            frames.pop();
            end_value(&mut path, &mut frames);
            continue;
        }
        // A node: a key, a value in a mapping, an item of a list, or the document.
        if let Some(Frame::Map { key_next }) = frames.last_mut()
            && *key_next
        {
            *key_next = false;
            let text = match &event {
                Event::Scalar(text, ScalarStyle::Plain, ..) => {
                    super::node::key_text(&plain_node(Cow::Borrowed(text))).unwrap_or_default()
                }
                Event::Scalar(text, ..) => text.to_string(),
                _ => String::new(),
            };
            path.push(Seg::Key(text));
            path = note(path, Target::Key, pos(&span));
            if starts {
                // A collection as a key: nothing is wanted inside it.
                frames.push(Frame::Skip {
                    depth: 0,
                    key: true,
                });
            }
            continue;
        }
        if let Some(Frame::Seq { next }) = frames.last_mut() {
            path.push(Seg::Index(*next));
            *next += 1;
        }
        path = note(path, Target::Value, pos(&span));
        if !starts {
            end_value(&mut path, &mut frames);
        } else if !prefixes.contains(path.as_slice()) {
            frames.push(Frame::Skip {
                depth: 0,
                key: false,
            });
        } else if matches!(event, Event::SequenceStart(..)) {
            frames.push(Frame::Seq { next: 0 });
        } else {
            frames.push(Frame::Map { key_next: true });
        }
    }
    found
}

/// Where the walk of [`positions`] is.
enum Frame {
    Seq {
        next: usize,
    },
    Map {
        key_next: bool,
    },
    /// A subtree no wanted place is in (a value, or a key that is a collection): only its
    /// depth is followed.
    Skip {
        depth: usize,
        key: bool,
    },
}

/// After a value: back to its parent's path, ready for the next key or item.
fn end_value(path: &mut Vec<Seg>, frames: &mut [Frame]) {
    match frames.last_mut() {
        Some(Frame::Map { key_next }) => {
            path.pop();
            *key_next = true;
        }
        Some(Frame::Seq { .. }) => {
            path.pop();
        }
        _ => {}
    }
}
