//! Checking the text of one case file before it is written, as the loader would read it:
//! used after a case is edited in `$EDITOR`, so that an invalid text never replaces a
//! valid file.

use super::decode_case::decode_case;
use super::load::{MAX_FILE_BYTES, parse_text, settle};
use super::problem::{Problem, Sink};
use super::validate::{Doc, check_cases};
use crate::domain::{Case, Department};
use crate::i18n::Msg;

/// The case written in `bytes`, read as `<code>/cases/<id>.yaml` of `dept`, or its
/// problems (with positions, in the file's own lines).
pub fn check_case_text(dept: &Department, id: &str, bytes: &[u8]) -> Result<Case, Vec<Problem>> {
    let rel = format!("{}/cases/{id}.yaml", dept.code);
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(vec![Problem::whole(
            rel,
            Msg::TooLarge {
                bytes: bytes.len() as u64,
                limit: MAX_FILE_BYTES,
            },
        )]);
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![Problem::whole(rel, Msg::NotUtf8)]);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = parse_text(text, &rel).map_err(|p| vec![*p])?;
    let mut sink = Sink::default();
    let value = decode_case(&value, &mut sink);
    let mut docs = vec![Doc {
        rel,
        stem: id.to_string(),
        src: text.to_string(),
        value,
        sink,
    }];
    check_cases(&mut docs, Some(dept));
    let mut problems = Vec::new();
    match docs.pop().and_then(|doc| settle(doc, &mut problems)) {
        Some(case) if problems.is_empty() => Ok(case),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use std::path::Path;

    fn dept() -> Department {
        let loaded = crate::store::load_root(Path::new("fixtures/demo")).unwrap();
        loaded.depts[0].data.department.clone()
    }

    const CASE: &str = "id: 49-2026-050\nbody: cpraf\nkind: person\nlabel: Z.Z.\nreported_on: 2026-11-02\nsource: cnapr\nstatus: reported\n";

    #[test]
    fn a_valid_text_gives_the_case() {
        let case = check_case_text(&dept(), "49-2026-050", CASE.as_bytes()).unwrap();
        assert_eq!(case.label, "Z.Z.");
    }

    #[test]
    fn problems_have_the_positions_of_the_text() {
        let render = |text: &str| -> Vec<String> {
            check_case_text(&dept(), "49-2026-050", text.as_bytes())
                .unwrap_err()
                .iter()
                .map(|p| p.render(Lang::En))
                .collect()
        };
        let lines = render(&CASE.replace("status: reported", "status: reportd"));
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(
            lines[0].starts_with("49/cases/49-2026-050.yaml:7:9: value \"reportd\""),
            "{lines:?}"
        );
        let lines = render(&CASE.replace("body: cpraf", "body: cpfar"));
        assert_eq!(
            lines,
            vec![
                "49/cases/49-2026-050.yaml:2:7: unknown body \"cpfar\" (bodies of department.yaml)"
            ]
        );
    }

    #[test]
    fn the_id_must_stay_the_file_name() {
        let err = check_case_text(&dept(), "49-2026-051", CASE.as_bytes()).unwrap_err();
        assert!(matches!(err[0].msg, Msg::IdMismatch { .. }));
        let err = check_case_text(&dept(), "49-2026-050", b"\xff\xfe").unwrap_err();
        assert_eq!(err[0].msg, Msg::NotUtf8);
        let err = check_case_text(&dept(), "49-2026-050", b"id: [\n").unwrap_err();
        assert!(matches!(err[0].msg, Msg::Syntax { .. }));
    }
}
