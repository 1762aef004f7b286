//! The tree the decoders read: one YAML document as nodes that borrow the file's text.
//!
//! The quick reader (`store::yaml_fast`) builds it straight from the text: keys and
//! plain scalars are slices of the file, and a mapping is its entries in order, so
//! reading a file costs one allocation per list and mapping, not one per key and value
//! plus a hash table. What the quick reader leaves to the YAML library comes back as the
//! library's [`Value`], turned into the same tree ([`Node::from_value`]).

use super::yaml::{Number, Value};
use std::borrow::Cow;

/// One node of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    Number(Number),
    Str(Cow<'a, str>),
    Seq(Vec<Node<'a>>),
    /// A mapping's entries, in the document's order (keys are unique).
    Map(Vec<(Node<'a>, Node<'a>)>),
    /// A value with a tag (`!tag value`); only the library reads tags.
    Tagged(Box<Node<'a>>),
}

/// The entries of a mapping.
pub type Entries<'a> = [(Node<'a>, Node<'a>)];

impl<'a> Node<'a> {
    /// The same tree over the library's value.
    pub fn from_value(value: &'a Value) -> Node<'a> {
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => Node::Number(n.clone()),
            Value::String(s) => Node::Str(Cow::Borrowed(s)),
            Value::Sequence(items) => Node::Seq(items.iter().map(Node::from_value).collect()),
            Value::Mapping(map) => Node::Map(
                map.iter()
                    .map(|(k, v)| (Node::from_value(k), Node::from_value(v)))
                    .collect(),
            ),
            Value::Tagged(tagged) => Node::Tagged(Box::new(Node::from_value(&tagged.value))),
        }
    }

    /// The same tree, owning its texts, from the library's value.
    pub fn from_owned(value: Value) -> Node<'static> {
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(b),
            Value::Number(n) => Node::Number(n),
            Value::String(s) => Node::Str(Cow::Owned(s)),
            Value::Sequence(items) => Node::Seq(items.into_iter().map(Node::from_owned).collect()),
            Value::Mapping(map) => Node::Map(
                map.into_iter()
                    .map(|(k, v)| (Node::from_owned(k), Node::from_owned(v)))
                    .collect(),
            ),
            Value::Tagged(tagged) => Node::Tagged(Box::new(Node::from_owned(tagged.value))),
        }
    }
}

/// The value of the text key `key` among a mapping's entries.
pub fn lookup<'v, 'a>(entries: &'v Entries<'a>, key: &str) -> Option<&'v Node<'a>> {
    entries.iter().find_map(|(k, v)| match k {
        Node::Str(s) if same_key(s, key) => Some(v),
        _ => None,
    })
}

/// `a == b` for the short keys of a mapping, compared inline (most differ in their
/// length or their first bytes).
pub fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// The text of a scalar key as the decoder compares it.
pub fn key_text(key: &Node) -> Option<String> {
    match key {
        Node::Str(s) => Some(s.to_string()),
        Node::Number(n) => Some(n.to_string()),
        Node::Bool(b) => Some(b.to_string()),
        Node::Null => Some("null".to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_value_becomes_the_same_tree_borrowed_or_owned() {
        let value: Value = super::super::yaml::parse("a: 1\nb: [x, true]\nc: !t v\n~: z\n")
            .expect("test YAML parses");
        let borrowed = Node::from_value(&value);
        let Node::Map(entries) = &borrowed else {
            panic!("a mapping: {borrowed:?}");
        };
        assert_eq!(lookup(entries, "a"), Some(&Node::Number(1.into())));
        assert_eq!(
            lookup(entries, "b"),
            Some(&Node::Seq(vec![Node::Str("x".into()), Node::Bool(true)]))
        );
        assert_eq!(
            lookup(entries, "c"),
            Some(&Node::Tagged(Box::new(Node::Str("v".into()))))
        );
        assert_eq!(lookup(entries, "d"), None);
        let keys: Vec<Option<String>> = entries.iter().map(|(k, _)| key_text(k)).collect();
        assert_eq!(keys, ["a", "b", "c", "null"].map(|k| Some(k.to_string())));
        assert_eq!(Node::from_owned(value.clone()), borrowed);
    }
}
