//! The quick reader gives the full reader's tree (`store::yaml_read`, on `saphyr-parser`)
//! whenever it gives one.

use super::{parse, parse_marked};
use crate::store::node::{Node, Seg, Target, key_text};
use crate::store::yaml_marks::{Found, Located};
use crate::store::yaml_read::Wanted;
use crate::store::yaml_read::read as parse_full;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Every place of a tree: each node as a value, each key as a key.
fn places(node: &Node, path: &mut Vec<Seg>, out: &mut HashSet<Wanted>) {
    out.insert((path.clone(), Target::Value));
    match node {
        Node::Map(entries) => {
            for (k, v) in entries {
                path.push(Seg::Key(key_text(k).unwrap_or_default()));
                out.insert((path.clone(), Target::Key));
                places(v, path, out);
                path.pop();
            }
        }
        Node::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                places(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The positions the quick reader noted are the full reader's, for every key and value
/// it marked (an empty value it leaves unmarked, to the full reader), and for places not
/// in the tree (their nearest parent's).
fn marks_agree(src: &str, tree: &Node, marks: &[u32]) {
    let mut wanted = HashSet::new();
    places(tree, &mut Vec::new(), &mut wanted);
    let absent: Vec<Wanted> = wanted
        .iter()
        .map(|(path, _)| {
            let mut path = path.clone();
            path.push(Seg::Key("absente".into()));
            path.push(Seg::Index(3));
            (path, Target::Key)
        })
        .collect();
    let full = crate::store::yaml_read::positions(src, &wanted);
    let mut located = Located::new(src, tree, marks);
    for (path, target) in wanted.iter().chain(&absent) {
        // The place, else its nearest parent, as `problem::resolve` looks for them.
        let expected = (1..=path.len())
            .rev()
            .map(|n| {
                (
                    path[..n].to_vec(),
                    if n == path.len() {
                        *target
                    } else {
                        Target::Value
                    },
                )
            })
            .find_map(|place| full.get(&place).copied());
        match located.find(path, *target) {
            Found::At(line, column) => assert_eq!(
                Some((line, column)),
                expected,
                "position of {path:?} {target:?} differs in {src:?}"
            ),
            Found::Unmarked => {}
            Found::Absent => assert_eq!(expected, None, "{path:?} {target:?} in {src:?}"),
        }
    }
}

/// The quick reader, when it answers, agrees with the library (its tree and the positions
/// it noted); it declines what the library refuses.
fn agrees(src: &str) -> Option<Node<'_>> {
    let fast = parse(src);
    if let Some((tree, marks)) = parse_marked(src) {
        marks_agree(src, &tree, &marks);
    }
    let full = parse_full(src);
    match (&fast, &full) {
        (Some(f), Ok(v)) => assert_eq!(
            format!("{f:?}"),
            format!("{v:?}"),
            "quick reader differs on {src:?}"
        ),
        (Some(f), Err(e)) => {
            panic!("quick reader read {f:?} where the library refused ({e:?}): {src:?}")
        }
        (None, _) => {}
    }
    fast
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

fn fixtures(sub: &str) -> Vec<(PathBuf, String)> {
    let mut paths = Vec::new();
    yaml_files(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(sub),
        &mut paths,
    );
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
            (p, text)
        })
        .collect()
}

#[test]
fn every_demo_file_is_read_quickly_and_alike() {
    let files = fixtures("demo");
    assert!(files.len() > 20);
    for (path, text) in files {
        assert!(
            agrees(&text).is_some(),
            "{} left to the library",
            path.display()
        );
    }
}

#[test]
fn files_saved_on_windows_are_read_quickly_and_alike() {
    // Every demo file with its lines ended by CR LF, as an editor on Windows saves them
    // (or git with autocrlf checks them out).
    for (path, text) in fixtures("demo") {
        let crlf = text.replace('\n', "\r\n");
        let quick = agrees(&crlf);
        assert!(quick.is_some(), "{} left to the library", path.display());
        assert_eq!(quick, parse(&text), "{}", path.display());
    }
    // A `|` text keeps line feeds only; a carriage return elsewhere is left to the library.
    assert_eq!(
        agrees("a: |\r\n  one\r\n  two\r\nb: x\r\n"),
        parse("a: |\n  one\n  two\nb: x\n")
    );
    for src in [
        "a: x\r",
        "a: x\rb: y\n",
        "a: \"x\ry\"\n",
        "a: x\r\r\n",
        "a: |\r\n  one\r\r\n",
    ] {
        assert_eq!(parse(src), None, "{src:?}");
        agrees(src);
    }
}

#[test]
fn what_the_app_writes_is_read_quickly_and_alike() {
    let (_, text) = fixtures("demo")
        .into_iter()
        .find(|(p, _)| p.to_string_lossy().contains("meetings"))
        .unwrap();
    let value: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let written = crate::store::yaml::to_block_string(&value);
    assert_eq!(agrees(&written), parse_full(&text).ok());
}

#[test]
fn invalid_fixtures_are_never_read_otherwise() {
    for (_, text) in fixtures("invalid") {
        agrees(&text);
    }
}

const TRICKY: &[&str] = &[
    "a: 0123\n",
    "a: 0x1F\n",
    "a: -0x1F\n",
    "a: +5\n",
    "a: 1e5\n",
    "a: 1.\n",
    "a: .5\n",
    "a: .inf\n",
    "a: -.inf\n",
    "a: +.inf\n",
    "a: .NaN\n",
    "a: nan\n",
    "a: Infinity\n",
    "a: infinite\n",
    "a: 99999999999999999999\n",
    "a: -99999999999999999999\n",
    "a: 340282366920938463463374607431768211456\n",
    "a: 2026-03-02\n",
    "a: 14:30\n",
    "a: 2A\n",
    "a: 2A-2026-001\n",
    "a: yes\n",
    "a: No\n",
    "a: ~\n",
    "a: null\n",
    "a: Null\n",
    "a: nULL\n",
    "a: True\n",
    "a: tRUE\n",
    "a: 1_000\n",
    "a: 0b101\n",
    "a: 0o17\n",
    "a: 0o8\n",
    "a: +-5\n",
    "a: --5\n",
    "a: - 5\n",
    "a: x # c\n",
    "a: x#c\n",
    "a: 'it''s'\n",
    "a: \"\\u00e9\\x41\"\n",
    "a: \"\\q\"\n",
    "a: \"\\ud800\"\n",
    "a: [x, y, 3]\n",
    "a: []\n",
    "a: {}\n",
    "a: [ ]\n",
    "a:\n- x\n- y\n",
    "a:\n  - x\n",
    "a: |\n  line\n\n  more\n",
    "a: |-\n  x\n",
    "a: |\n  x\n\n\n",
    "a: |\n    x\n  y\n",
    "a: |\n\n  x\n",
    "a: |2\n  x\n",
    "a: >\n  x\n",
    "a: x\n  y\n",
    "a: b: c\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: 1\na: 2\n",
    "? a\n: b\n",
    "- a\n- b\n",
    "a\n",
    "--- \na: 1\n",
    "---\na: 1\n",
    "a: 1\n...\n",
    "a:\n  b:\n    c: 1\n  d: 2\n",
    "a: \"x\" # c\n",
    "a: \"x\"y\n",
    "\"a\": 1\n",
    "a: 'x\n  y'\n",
    "a: \u{85}\n",
    "a: x\u{2028}y\n",
    "a:    spaced   \n",
    "a: 1 \n",
    "-1: x\n",
    "1: x\n2: y\n",
    "true: x\n",
    "null: x\n",
    "a: -\n",
    "a: -x\n",
    "a: :x\n",
    "a: x:y\n",
    "a: http://x.y/z\n",
    "items:\n  - kind: topic\n    title: T\n  - kind: case\n    actions:\n      - text: t\n        owner: o\n",
    "a:\n  -\n    b: 1\n",
    "a:\n  - \n",
    "a: [a b, c]\n",
    "a: [a,b]\n",
    "a: [a, [b]]\n",
    "a: [a,]\n",
    "a:\n  # comment\n  b: 1\n",
    "a: 1\n  # deeper comment\n",
    "a: |\n  # not a comment\n  x\n",
    "a: |\n  x\n# c\nb: 1\n",
    "a: |  # c\n  x\n",
    "a: |\n  x   \n",
    "  a: 1\n  b: 2\n",
    "a: 1\n b: 2\n",
    "a:\n    b: 1\n  c: 2\n",
    "a: \"\"\n",
    "a: ''\n",
    "a: \"\\0\"\n",
    "a: 1.0e+3\n",
    "a: 1e400\n",
    "a: -0\n",
    "a: +0\n",
    "a: 00\n",
    "a: -012\n",
    "a: 0.5\n",
    "a: 00.5\n",
    "a: 9223372036854775808\n",
    "a: -9223372036854775809\n",
    "a: 18446744073709551616\n",
    "a: 0x\n",
    "a: 0xg\n",
    "b: é à ü 日本\n",
    "a: x\n\n\n",
    "\n\na: 1\n",
    "# c\na: 1\n",
    "a: 1 #c\n",
    "a: 1# c\n",
    "a: 1",
    "a: x\r\n",
    "a:\tx\n",
    "a: \u{feff}x\n",
    "a: x\u{7f}\n",
    "a:\n- - x\n",
    "- a: 1\n  b: 2\n- c\n",
    "-\n  a: 1\n",
    "- |\n  x\n- y\n",
    "a: [x] # c\n",
    "a: [x]y\n",
    "a: {b: 1}\n",
    "a: x\nb:\n",
    "a:\n\nb: 1\n",
    "a: |\n  x\n\n  \n",
    "a: |\n  x\n   \n",
    "a: \"x\\\"y\"\n",
    "a: 'x'' '\n",
    "a: '#'\n",
    "a: \"#\"\n",
    "a: x ]\n",
    "a: x, y\n",
    "k: -5\n",
    "k: +.5\n",
    "k: 1e\n",
    "k: 0x_1\n",
    "<<: x\n",
    "a: @x\n",
    "a: `x\n",
    "a: %x\n",
    "a: x: \n",
    "a b: c\n",
    "a : c\n",
    "a:b\n",
];

#[test]
fn tricky_documents_are_read_alike_or_left_to_the_library() {
    for src in TRICKY {
        agrees(src);
    }
    // The usual shapes are read quickly.
    for src in [
        "a: 0123\n",
        "a: 2026-03-02\n",
        "a: 2A-2026-001\n",
        "a: [x, y, 3]\n",
        "a: |\n  line\n\n  more\n",
        "a:\n- x\n- y\n",
        "a: \"\\u00e9\\x41\"\n",
        "- a: 1\n  b: 2\n- c\n",
        "a: 1e5\n",
    ] {
        assert!(parse(src).is_some(), "{src:?}");
    }
}

/// splitmix64, for mutations that are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((u128::from(z ^ (z >> 31)) * n as u128) >> 64) as usize
    }
}

#[test]
fn mutated_files_are_read_alike_or_left_to_the_library() {
    let bases: Vec<String> = fixtures("demo")
        .into_iter()
        .map(|(_, t)| t)
        .filter(|t| t.len() < 1500)
        .take(12)
        .collect();
    assert!(!bases.is_empty());
    const PALETTE: &[&str] = &[
        " ", "  ", "\n", ":", ": ", "- ", "-", "#", " #", "\"", "'", "|", "|-", "[", "]", "{", "}",
        ",", "&a ", "*a", "!", "0", "1", "0x", "x", ".", "+", "~", "é", "\t", "\\", "null", "true",
        "\n  ", "\n- ", "\r\n", "\r",
    ];
    let mut rng = Rng(42);
    let mut quick = 0;
    for _ in 0..1500 {
        let mut text = bases[rng.below(bases.len())].clone();
        for _ in 0..1 + rng.below(3) {
            let mut at = rng.below(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if rng.below(3) == 0 {
                let mut end = (at + 1 + rng.below(4)).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(at..end, "");
            } else {
                text.insert_str(at, PALETTE[rng.below(PALETTE.len())]);
            }
        }
        if agrees(&text).is_some() {
            quick += 1;
        }
    }
    // Most mutations leave a document the quick reader still reads.
    assert!(quick > 300, "{quick}");
}

#[test]
fn long_mappings_and_lists_are_read_quickly_with_their_positions() {
    // More keys than a short mapping's check (a table finds them), accents before the
    // values, a list at its key's indentation, a `|` text, empty values.
    let mut doc = String::from("# été\n");
    for n in 0..40 {
        doc.push_str(&format!("clé_{n}: « valeur {n} » [{n}]\n"));
    }
    doc.push_str("liste:\n- é: [à, b]\n  vide:\n- |\n  texte\n-\n- 'x'\n");
    for n in 0..30 {
        doc.push_str(&format!("autre_{n}:\n  - ça: {n}\n    là: \"é\"\n"));
    }
    let tree = agrees(&doc).expect("read quickly");
    let Node::Map(entries) = &tree else {
        panic!("a mapping");
    };
    assert_eq!(entries.len(), 71);
    let (_, marks) = parse_marked(&doc).expect("read quickly");
    let mut located = Located::new(&doc, &tree, &marks);
    let key = |k: &str| Seg::Key(k.to_string());
    assert_eq!(
        located.find(&[key("clé_39")], Target::Key),
        Found::At(41, 1)
    );
    assert_eq!(
        located.find(&[key("clé_39")], Target::Value),
        Found::At(41, 9)
    );
    assert_eq!(
        located.find(&[key("autre_29"), Seg::Index(0), key("là")], Target::Value),
        Found::At(49 + 3 * 29 + 2, 9)
    );
    // A key written nowhere: its nearest parent.
    assert_eq!(
        located.find(&[key("liste"), Seg::Index(0), key("nulle")], Target::Key),
        Found::At(43, 3)
    );
    assert_eq!(located.find(&[key("nulle")], Target::Key), Found::Absent);
    assert_eq!(
        located.find(&[key("liste"), Seg::Index(0), key("vide")], Target::Value),
        Found::Unmarked
    );
}
