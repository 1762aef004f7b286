//! Reading the fields of one YAML mapping by hand, reporting every problem at its path.
//!
//! Conventions, the same for every file:
//! - a key written with no value (`notes:`) counts as absent;
//! - text fields accept what YAML reads as a whole number (`label: 12`, `code: 49`);
//! - number fields accept a number written in quotes (`birth_year: "2009"`): what
//!   matters is the text of the value, not the quotes around it;
//! - booleans are `true` or `false` (quoted or not); dates are `YYYY-MM-DD`;
//!   times are `HH:MM` (quoted, as the app writes them, or not).

use super::node::{Entries, Node, key_text, lookup, same_key};
use super::problem::Sink;
use super::yaml::{Seg, YamlPath};
use crate::i18n::{Expected, Msg};
use chrono::{NaiveDate, NaiveTime};
use std::borrow::Cow;

/// One mapping being decoded, with its place in the document.
pub(crate) struct Obj<'v, 'p> {
    map: &'v Entries<'v>,
    at: At<'p>,
}

/// Where a node is in its document: a chain borrowed from the decoders' own frames,
/// which costs nothing to build and becomes a [`YamlPath`] only when a problem is
/// reported there.
#[derive(Debug, Clone, Copy)]
pub(crate) enum At<'p> {
    Root,
    Key(&'p At<'p>, &'p str),
    Index(&'p At<'p>, usize),
}

impl<'p> At<'p> {
    /// The place of `key` under this one.
    pub fn key(&'p self, key: &'p str) -> At<'p> {
        At::Key(self, key)
    }

    /// The place of item `index` of the list here.
    pub fn index(&'p self, index: usize) -> At<'p> {
        At::Index(self, index)
    }

    /// The path from the document's root (allocated once, at its length).
    pub fn path(&self) -> YamlPath {
        let mut path = Vec::with_capacity(self.depth());
        self.push_to(&mut path);
        path
    }

    fn depth(&self) -> usize {
        match self {
            At::Root => 0,
            At::Key(parent, _) | At::Index(parent, _) => parent.depth() + 1,
        }
    }

    fn push_to(&self, path: &mut YamlPath) {
        let (parent, seg) = match self {
            At::Root => return,
            At::Key(parent, key) => (parent, Seg::Key(key.to_string())),
            At::Index(parent, index) => (parent, Seg::Index(*index)),
        };
        parent.push_to(path);
        path.push(seg);
    }
}

/// The nearest known key to a misspelt one, if it is close enough to be a likely typo.
pub(crate) fn suggest(key: &str, known: &[&str]) -> Option<String> {
    let lower = key.to_lowercase();
    let len = lower.chars().count();
    known
        .iter()
        .filter_map(|k| {
            let most = (k.chars().count() / 3).max(2);
            // The distance is at least the difference of the lengths: a key too long or
            // too short to be a typo costs no distance (each builds a table).
            (len.abs_diff(k.chars().count()) <= most)
                .then(|| (strsim::damerau_levenshtein(&lower, k), *k))
                .filter(|(d, _)| *d <= most)
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_string())
}

/// The text of a scalar, as written (numbers and booleans included), borrowed when
/// it is a text.
pub(crate) fn scalar_text<'v>(value: &'v Node) -> Option<Cow<'v, str>> {
    match value {
        Node::Str(s) => Some(Cow::Borrowed(s)),
        Node::Number(n) => Some(Cow::Owned(n.to_string())),
        Node::Bool(b) => Some(Cow::Owned(b.to_string())),
        Node::Tagged(t) => scalar_text(t),
        _ => None,
    }
}

/// Reads a date `YYYY-MM-DD`, telling a badly written date from one that does not exist.
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, DateFault> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(DateFault::Shape);
    }
    let num = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(0);
    let year = num(0..4) as i32;
    NaiveDate::from_ymd_opt(year, num(5..7), num(8..10)).ok_or(DateFault::Impossible)
}

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateFault {
    Shape,
    Impossible,
}

/// Reads a time `HH:MM` (or `H:MM`).
pub(crate) fn parse_time(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.split_once(':')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || h.len() > 2 || m.len() != 2 || !digits(m) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

impl<'v, 'p> Obj<'v, 'p> {
    /// Opens the mapping `value` found `at` (under the key `name`, for messages),
    /// reporting a value that is not a mapping and every key not in `known`.
    pub fn open(
        value: &'v Node<'v>,
        at: At<'p>,
        name: &str,
        known: &[&str],
        sink: &mut Sink,
    ) -> Option<Obj<'v, 'p>> {
        let Node::Map(map) = value else {
            sink.at_value(
                at.path(),
                Msg::WrongType {
                    key: name.to_string(),
                    expected: Expected::Mapping,
                },
            );
            return None;
        };
        for (key, _) in map {
            let is_known = matches!(key, Node::Str(s) if known.iter().any(|k| same_key(k, s)));
            if !is_known {
                // Past the file's recorded problems, an unknown key is only counted: no
                // text, path or suggestion is built for it.
                if sink.full() {
                    sink.count_omitted();
                    continue;
                }
                let text = key_text(key).unwrap_or_else(|| "?".to_string());
                let suggestion = suggest(&text, known);
                sink.at_key(
                    at.key(&text).path(),
                    Msg::UnknownKey {
                        key: text,
                        suggestion,
                    },
                );
            }
        }
        Some(Obj { map, at })
    }

    /// The path of `key` in this mapping (for a problem found there).
    pub fn at(&self, key: &str) -> YamlPath {
        self.at.key(key).path()
    }

    /// The path of this mapping (for a problem found there).
    pub fn path(&self) -> YamlPath {
        self.at.path()
    }

    /// The place of `key` in this mapping, for the nodes under it.
    pub fn under<'s>(&'s self, key: &'s str) -> At<'s> {
        At::Key(&self.at, key)
    }

    /// The value of `key`, `None` when absent or written with no value.
    pub fn get(&self, key: &str) -> Option<&'v Node<'v>> {
        match lookup(self.map, key) {
            None | Some(Node::Null) => None,
            Some(v) => Some(v),
        }
    }

    /// The key is written, with a value.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Reports a required key that is absent or empty.
    fn missing(&self, key: &str, sink: &mut Sink) {
        if lookup(self.map, key).is_some() {
            sink.at_key(
                self.at(key),
                Msg::EmptyValue {
                    key: key.to_string(),
                },
            );
        } else {
            let msg = Msg::MissingKey {
                key: key.to_string(),
            };
            // Point at `referent:` rather than at its first line; at `- ` for a list item.
            match self.at {
                At::Key(..) => sink.at_key(self.path(), msg),
                _ => sink.at_value(self.path(), msg),
            }
        }
    }

    fn wrong(&self, key: &str, expected: Expected, sink: &mut Sink) {
        sink.at_value(
            self.at(key),
            Msg::WrongType {
                key: key.to_string(),
                expected,
            },
        );
    }

    /// Requires a value: reports it when absent.
    pub fn required<T>(
        &self,
        key: &str,
        sink: &mut Sink,
        read: impl FnOnce(&Self, &mut Sink) -> Option<T>,
    ) -> Option<T> {
        if !self.has(key) {
            self.missing(key, sink);
            return None;
        }
        read(self, sink)
    }

    /// An optional text. An empty or blank text counts as absent.
    pub fn text(&self, key: &str, sink: &mut Sink) -> Option<String> {
        let value = self.get(key)?;
        let text = match value {
            Node::Str(s) => s.to_string(),
            Node::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
            _ => {
                self.wrong(key, Expected::Text, sink);
                return None;
            }
        };
        if text.trim().is_empty() {
            return None;
        }
        Some(text)
    }

    /// A required, non-blank text.
    pub fn req_text(&self, key: &str, sink: &mut Sink) -> Option<String> {
        let value = self.get(key)?;
        let text = self.text(key, sink);
        if text.is_none() && matches!(value, Node::Str(_)) {
            self.missing(key, sink);
        }
        text
    }

    /// A required text, reported when absent.
    pub fn need_text(&self, key: &str, sink: &mut Sink) -> Option<String> {
        self.required(key, sink, |o, s| o.req_text(key, s))
    }

    /// An optional member or body id (`[a-z0-9-]{1,32}`).
    pub fn short_id(&self, key: &str, sink: &mut Sink) -> Option<String> {
        let id = self.req_text(key, sink)?;
        if !crate::domain::ids::is_short_id(&id) {
            sink.at_value(
                self.at(key),
                Msg::BadShortId {
                    key: key.to_string(),
                    value: id,
                },
            );
            return None;
        }
        Some(id)
    }

    /// A required member or body id.
    pub fn need_short_id(&self, key: &str, sink: &mut Sink) -> Option<String> {
        self.required(key, sink, |o, s| o.short_id(key, s))
    }

    /// A required case or meeting id (`[A-Za-z0-9_-]{1,64}`).
    pub fn need_file_id(&self, key: &str, sink: &mut Sink) -> Option<String> {
        let id = self.required(key, sink, |o, s| o.req_text(key, s))?;
        if !crate::domain::ids::is_file_id(&id) {
            sink.at_value(
                self.at(key),
                Msg::BadFileId {
                    key: key.to_string(),
                    value: id,
                },
            );
            return None;
        }
        Some(id)
    }

    /// An optional value of a closed list.
    pub fn choice<E>(
        &self,
        key: &str,
        parse: fn(&str) -> Option<E>,
        names: &'static [(&'static str, &'static str)],
        sink: &mut Sink,
    ) -> Option<E> {
        let value = self.get(key)?;
        let Some(text) = scalar_text(value) else {
            self.wrong(key, Expected::Text, sink);
            return None;
        };
        let found = parse(&text);
        if found.is_none() {
            sink.at_value(
                self.at(key),
                Msg::BadEnum {
                    key: key.to_string(),
                    value: text.into_owned(),
                    allowed: names,
                },
            );
        }
        found
    }

    /// A required value of a closed list.
    pub fn need_choice<E>(
        &self,
        key: &str,
        parse: fn(&str) -> Option<E>,
        names: &'static [(&'static str, &'static str)],
        sink: &mut Sink,
    ) -> Option<E> {
        self.required(key, sink, |o, s| o.choice(key, parse, names, s))
    }

    /// An optional date `YYYY-MM-DD`.
    pub fn date(&self, key: &str, sink: &mut Sink) -> Option<NaiveDate> {
        let value = self.get(key)?;
        let Some(text) = scalar_text(value) else {
            self.wrong(key, Expected::Date, sink);
            return None;
        };
        match parse_date(text.trim()) {
            Ok(d) => Some(d),
            Err(fault) => {
                let path = self.at(key);
                let key = key.to_string();
                let value = text.into_owned();
                let msg = match fault {
                    DateFault::Shape => Msg::BadDate { key, value },
                    DateFault::Impossible => Msg::ImpossibleDate { key, value },
                };
                sink.at_value(path, msg);
                None
            }
        }
    }

    /// A required date.
    pub fn need_date(&self, key: &str, sink: &mut Sink) -> Option<NaiveDate> {
        self.required(key, sink, |o, s| o.date(key, s))
    }

    /// An optional time `HH:MM`.
    pub fn time(&self, key: &str, sink: &mut Sink) -> Option<NaiveTime> {
        let value = self.get(key)?;
        let Some(text) = scalar_text(value) else {
            self.wrong(key, Expected::Time, sink);
            return None;
        };
        let found = parse_time(text.trim());
        if found.is_none() {
            sink.at_value(
                self.at(key),
                Msg::BadTime {
                    key: key.to_string(),
                    value: text.into_owned(),
                },
            );
        }
        found
    }

    /// A required time.
    pub fn need_time(&self, key: &str, sink: &mut Sink) -> Option<NaiveTime> {
        self.required(key, sink, |o, s| o.time(key, s))
    }

    /// An optional whole number, at least `min`.
    pub fn number(&self, key: &str, min: u64, sink: &mut Sink) -> Option<u64> {
        let value = self.get(key)?;
        let n = match value {
            Node::Number(n) => n.as_u64(),
            Node::Str(s) => s.trim().parse::<u64>().ok(),
            _ => None,
        };
        match n {
            Some(n) if n >= min => Some(n),
            _ => {
                self.wrong(key, Expected::PositiveInteger, sink);
                None
            }
        }
    }

    /// An optional whole number that fits in a `u32`.
    pub fn number32(&self, key: &str, min: u64, sink: &mut Sink) -> Option<u32> {
        let n = self.number(key, min, sink)?;
        match u32::try_from(n) {
            Ok(n) => Some(n),
            Err(_) => {
                self.wrong(key, Expected::PositiveInteger, sink);
                None
            }
        }
    }

    /// An optional year (four digits).
    pub fn year(&self, key: &str, sink: &mut Sink) -> Option<i64> {
        let value = self.get(key)?;
        let n = match value {
            Node::Number(n) => n.as_i64(),
            Node::Str(s) if s.trim().len() == 4 => s.trim().parse::<i64>().ok(),
            _ => None,
        };
        if n.is_none() {
            self.wrong(key, Expected::Year, sink);
        }
        n
    }

    /// An optional boolean: `true` or `false`.
    pub fn boolean(&self, key: &str, sink: &mut Sink) -> Option<bool> {
        let value = self.get(key)?;
        let b = match value {
            Node::Bool(b) => Some(*b),
            Node::Str(s) if s.trim() == "true" => Some(true),
            Node::Str(s) if s.trim() == "false" => Some(false),
            _ => None,
        };
        if b.is_none() {
            self.wrong(key, Expected::Boolean, sink);
        }
        b
    }

    /// An optional list; absent gives an empty list.
    pub fn list(&self, key: &str, sink: &mut Sink) -> &'v [Node<'v>] {
        match self.get(key) {
            None => &[],
            Some(Node::Seq(items)) => items,
            Some(_) => {
                self.wrong(key, Expected::List, sink);
                &[]
            }
        }
    }

    /// A required list (it may be empty: `[]`).
    pub fn need_list(&self, key: &str, sink: &mut Sink) -> &'v [Node<'v>] {
        if lookup(self.map, key).is_none() {
            self.missing(key, sink);
            return &[];
        }
        self.list(key, sink)
    }

    /// Each element of the optional list `key` decoded at its own place; `None` when one
    /// of them could not be (every element is decoded, so that each one's problems are
    /// recorded).
    pub fn each<T>(
        &self,
        key: &str,
        sink: &mut Sink,
        decode: impl FnMut(&'v Node<'v>, At<'_>, &mut Sink) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.list(key, sink);
        self.decode_all(key, items, sink, decode)
    }

    /// [`Self::each`] for a required list.
    pub fn need_each<T>(
        &self,
        key: &str,
        sink: &mut Sink,
        decode: impl FnMut(&'v Node<'v>, At<'_>, &mut Sink) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.need_list(key, sink);
        self.decode_all(key, items, sink, decode)
    }

    fn decode_all<T>(
        &self,
        key: &str,
        items: &'v [Node<'v>],
        sink: &mut Sink,
        mut decode: impl FnMut(&'v Node<'v>, At<'_>, &mut Sink) -> Option<T>,
    ) -> Option<Vec<T>> {
        let at = self.under(key);
        let decoded: Vec<Option<T>> = items
            .iter()
            .enumerate()
            .map(|(i, v)| decode(v, at.index(i), sink))
            .collect();
        decoded.into_iter().collect()
    }

    /// An optional mapping.
    pub fn mapping(&self, key: &str, sink: &mut Sink) -> Option<&'v Entries<'v>> {
        match self.get(key)? {
            Node::Map(m) => Some(m),
            _ => {
                self.wrong(key, Expected::Mapping, sink);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_tell_shape_from_impossible() {
        assert!(parse_date("2026-02-28").is_ok());
        assert_eq!(parse_date("2026-02-30"), Err(DateFault::Impossible));
        assert_eq!(parse_date("2026-13-01"), Err(DateFault::Impossible));
        assert_eq!(parse_date("2026-2-3"), Err(DateFault::Shape));
        assert_eq!(parse_date("30/11/2026"), Err(DateFault::Shape));
        assert_eq!(parse_date("2026-02-3x"), Err(DateFault::Shape));
        assert_eq!(parse_date("２026-02-03"), Err(DateFault::Shape));
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("14:30"), NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(parse_time("9:05"), NaiveTime::from_hms_opt(9, 5, 0));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("14:60"), None);
        assert_eq!(parse_time("14h30"), None);
        assert_eq!(parse_time("14:3"), None);
        assert_eq!(parse_time("870"), None);
    }

    #[test]
    fn suggestions_catch_typos_only() {
        let known = ["next_review", "notes", "status", "closure_reason"];
        assert_eq!(
            suggest("next_reveiw", &known).as_deref(),
            Some("next_review")
        );
        assert_eq!(suggest("Status", &known).as_deref(), Some("status"));
        assert_eq!(
            suggest("closing_reason", &known).as_deref(),
            Some("closure_reason")
        );
        assert_eq!(suggest("colour", &known), None);
    }
}
