//! The captures of docs/guide.md are the screens of the bundled demo (what `cellule demo`
//! opens), drawn at 80×24 on a fixed day ([`DEMO_TODAY`], as with `CELLULE_TODAY`), so they
//! are what a newcomer sees. The test fails when a screen changes and the guide is not
//! written again: `UPDATE_DOCS=1 cargo test --test tui docs::` rewrites them.

use crate::support::tui as tui_support;

use cellule::i18n::Lang;
use tui_support::*;

/// The captures of the guide: name and the keys that reach the screen from the dashboard.
const CAPTURES: &[(&str, &str)] = &[
    ("tableau-de-bord", ""),
    ("situations", "2/renaud<Enter>"),
    ("reunions", "3"),
    ("nouvelle-reunion", "3n"),
    ("ordre-du-jour", "3<Enter>s"),
    ("choix-situation", "3<Enter>cfa"),
    ("details-reunion", "3<Enter>e"),
    ("nouvelle-situation", "2nJ.K.<Enter>"),
    ("aide", "3<Enter>?"),
    ("exporter", "3jx"),
    ("rapport-mensuel", "r"),
];

fn regenerate(doc: &str) -> String {
    let mut out = String::new();
    let mut rest = doc;
    while let Some(start) = rest.find("<!-- capture:") {
        let head_end = start + rest[start..].find("-->").expect("capture marker closed") + 3;
        let name = rest[start + 13..head_end - 3].trim();
        let end = rest[head_end..]
            .find("<!-- /capture -->")
            .map(|e| head_end + e)
            .expect("capture end marker");
        let keys = CAPTURES
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("unknown capture {name}"))
            .1;
        let mut app = demo_app(Lang::Fr);
        press(&mut app, keys);
        out.push_str(&rest[..head_end]);
        out.push_str("\n```text\n");
        out.push_str(&plain(&app, 80, 24));
        out.push_str("```\n");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn guide_captures_match_the_screens() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/guide.md");
    let doc = std::fs::read_to_string(path).expect("docs/guide.md");
    let expected = regenerate(&doc);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &expected).unwrap();
        return;
    }
    assert_eq!(
        doc, expected,
        "run UPDATE_DOCS=1 cargo test --test tui docs::"
    );
    for (name, _) in CAPTURES {
        assert!(
            doc.contains(&format!("<!-- capture:{name} -->")),
            "{name} not in the guide"
        );
    }
}

#[test]
fn guide_names_every_screen_key() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/guide.md")).unwrap();
    for key in [
        "`/`", "`n`", "`e`", "`a`", "`c`", "`s`", "`J`", "`K`", "`d`", "`t`", "`v`", "`u`",
        "`Ctrl-r`", "`?`", "`q`", "`Ctrl-c`", "`x`", "`r`", "`w`", "`g`",
    ] {
        assert!(doc.contains(key), "the guide does not mention {key}");
    }
}
