//! Positions from the quick reader's marks: a place asked for is found by going down the
//! tree the quick reader built, at the offset it noted for that node while reading
//! (`yaml_fast::parse_marked`). No second pass over the text, and no path hashed: each
//! list or mapping gone through gets, once, where its children's marks are (and, when
//! long, its keys in a table), so that a file with thousands of problems costs a walk of
//! its tree, not one per problem.

use super::node::{Node, Seg, Target, key_text, same_key};
use super::yaml_fast::UNMARKED;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// From this many entries, a mapping's keys are found through a table.
const TABLE_FROM: usize = 16;

/// What a place's position is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// The 1-based line and column of the place, or of its nearest parent in the tree.
    At(usize, usize),
    /// The place (or its nearest parent) is an empty value, whose beginning the quick
    /// reader does not note: the full reader must say.
    Unmarked,
    /// Neither the place nor any of its parents (the document aside) is in the tree.
    Absent,
}

/// The children of one list or mapping: the mark index of each (of each key, for a
/// mapping: its value's is the next), and a mapping's keys when it is long.
struct Children<'t> {
    starts: Vec<usize>,
    keys: Option<HashMap<Cow<'t, str>, usize>>,
}

/// Hashes the mark index of a node: it is already spread enough.
#[derive(Default)]
struct IndexHasher(u64);

impl Hasher for IndexHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A tree with its marks, ready to be asked for places.
pub(super) struct Located<'t, 'a> {
    tree: &'t Node<'a>,
    marks: &'t [u32],
    lines: Lines<'t>,
    /// By the mark index of a list or mapping: its children, once gone through.
    children: HashMap<usize, Children<'t>, BuildHasherDefault<IndexHasher>>,
}

/// The nodes of a subtree, as the quick reader marks them (a tagged value counts once).
fn count(node: &Node) -> usize {
    match node {
        Node::Seq(items) => 1 + items.iter().map(count).sum::<usize>(),
        Node::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| count(k) + count(v))
                .sum::<usize>()
        }
        Node::Tagged(inner) => count(inner),
        _ => 1,
    }
}

fn untagged<'t, 'a>(node: &'t Node<'a>) -> &'t Node<'a> {
    match node {
        Node::Tagged(inner) => inner,
        other => other,
    }
}

fn children_of<'t>(node: &'t Node, index: usize) -> Children<'t> {
    let mut starts = Vec::new();
    let mut next = index + 1;
    let mut keys = None;
    match node {
        Node::Seq(items) => {
            for item in items {
                starts.push(next);
                next += count(item);
            }
        }
        Node::Map(entries) => {
            for (k, v) in entries {
                starts.push(next);
                next += count(k) + count(v);
            }
            if entries.len() >= TABLE_FROM {
                let mut table = HashMap::with_capacity(entries.len());
                for (i, (k, _)) in entries.iter().enumerate() {
                    let text = match k {
                        Node::Str(s) => Cow::Borrowed(s.as_ref()),
                        other => Cow::Owned(key_text(other).unwrap_or_default()),
                    };
                    table.entry(text).or_insert(i);
                }
                keys = Some(table);
            }
        }
        _ => {}
    }
    Children { starts, keys }
}

impl<'t, 'a> Located<'t, 'a> {
    pub fn new(src: &'t str, tree: &'t Node<'a>, marks: &'t [u32]) -> Self {
        Located {
            tree,
            marks,
            lines: Lines::new(src),
            children: HashMap::default(),
        }
    }

    fn at(&self, index: usize) -> Found {
        match self.marks.get(index) {
            Some(&offset) if offset != UNMARKED => match self.lines.position(offset as usize) {
                Some((line, column)) => Found::At(line, column),
                None => Found::Unmarked,
            },
            _ => Found::Unmarked,
        }
    }

    /// The position of the key or value at `path`, else of its nearest parent in the tree
    /// (as a value).
    pub fn find(&mut self, path: &[Seg], target: Target) -> Found {
        let mut node = untagged(self.tree);
        let mut index = 0;
        // The mark of the deepest place found so far (none: the document itself).
        let mut nearest = None;
        for (depth, seg) in path.iter().enumerate() {
            let last = depth + 1 == path.len();
            let step = match (node, seg) {
                (Node::Seq(items), Seg::Index(i)) if *i < items.len() => {
                    Some((&items[*i], None, *i))
                }
                (Node::Map(entries), Seg::Key(key)) => {
                    let i = match &self.children_at(node, index).keys {
                        Some(table) => table.get(key.as_str()).copied(),
                        None => entries.iter().position(|(k, _)| match k {
                            Node::Str(s) => same_key(s, key),
                            other => key_text(other).as_deref() == Some(key.as_str()),
                        }),
                    };
                    i.map(|i| (&entries[i].1, Some(&entries[i].0), i))
                }
                _ => None,
            };
            let Some((child, key, i)) = step else {
                break;
            };
            let start = self.children_at(node, index).starts[i];
            let value = start + key.map_or(0, count);
            if last && target == Target::Key {
                return match key {
                    Some(_) => self.at(start),
                    // A list item has no key: its parent, as a value.
                    None => nearest.map_or(Found::Absent, |n| self.at(n)),
                };
            }
            nearest = Some(value);
            node = untagged(child);
            index = value;
        }
        nearest.map_or(Found::Absent, |n| self.at(n))
    }

    fn children_at(&mut self, node: &'t Node, index: usize) -> &Children<'t> {
        self.children
            .entry(index)
            .or_insert_with(|| children_of(node, index))
    }
}

/// Line and column of byte offsets of one text (the lines' starts found once).
struct Lines<'s> {
    src: &'s str,
    starts: Vec<usize>,
}

impl<'s> Lines<'s> {
    fn new(src: &'s str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            src.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines { src, starts }
    }

    /// The 1-based line and column (in characters) of the byte at `offset`.
    fn position(&self, offset: usize) -> Option<(usize, usize)> {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let column = self.src.get(start..offset)?.chars().count() + 1;
        Some((line, column))
    }
}
