//! The tree the decoders read: one YAML document as nodes that borrow the file's text.
//!
//! The quick reader (`store::yaml_fast`) builds it straight from the text, the full
//! reader (`store::yaml_read`) from the parser's events: keys and plain scalars are slices
//! of the file when they can be, and a mapping is its entries in order.
//! It knows no library type: numbers are the store's own [`Number`].

pub use super::scalar::Number;
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

/// One step of a path inside a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path from the document's root.
pub type YamlPath = Vec<Seg>;

/// Whether a position is wanted for a key itself or for its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// The entries of a mapping.
pub type Entries<'a> = [(Node<'a>, Node<'a>)];

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
    fn keys_are_found_and_told_as_text() {
        let tree = super::super::yaml::read("a: 1\nb: [x, true]\nc: !t v\n~: z\n")
            .expect("test YAML parses");
        let Node::Map(entries) = &tree else {
            panic!("a mapping: {tree:?}");
        };
        assert_eq!(lookup(entries, "a"), Some(&Node::Number(Number::UInt(1))));
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
    }
}
