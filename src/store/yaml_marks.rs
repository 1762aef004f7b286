//! Positions from the quick reader's marks: a place asked for is found by going down the
//! tree the quick reader built, at the offset it noted for that node while reading
//! (`yaml_fast::parse_marked`). No second pass over the text, and no path hashed: each
//! list or mapping gone through gets, once, where its children's marks are, so that the
//! problems of a file cost a walk of its tree, not one per problem. A key is looked for
//! along its mapping: a file's sink records at most
//! [`MAX_PROBLEMS_PER_FILE`](super::problem::MAX_PROBLEMS_PER_FILE) problems, so even a
//! mapping of thousands of keys is searched that many times at most (a table of its keys
//! cost more than the searches: every key hashed for fifty problems).

use super::node::{Node, Seg, Target, key_text, same_key};
use super::yaml_fast::UNMARKED;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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
/// mapping: its value's is the next).
struct Children {
    starts: Vec<usize>,
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
    children: HashMap<usize, Children, BuildHasherDefault<IndexHasher>>,
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

fn children_of(node: &Node, index: usize) -> Children {
    let mut starts = Vec::new();
    let mut next = index + 1;
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
        }
        _ => {}
    }
    Children { starts }
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
                    let i = entries.iter().position(|(k, _)| match k {
                        Node::Str(s) => same_key(s, key),
                        other => key_text(other).as_deref() == Some(key.as_str()),
                    });
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

    fn children_at(&mut self, node: &'t Node, index: usize) -> &Children {
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
