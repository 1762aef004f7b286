//! One file read alone, as the loader would read it: the text of a case file before it
//! is written (after a case is edited in `$EDITOR`, so that an invalid text never
//! replaces a valid file), and a meeting file read again (after a save, a conflict or a
//! colleague's change) without reading the rest of the département.

use super::Stamp;
use super::decode_case::decode_case;
use super::decode_meeting::decode_meeting;
use super::load::{MAX_FILE_BYTES, settle};
use super::problem::{Problem, Sink};
use super::source::{parse_marked, read_text};
use super::validate::{Doc, check_cases, check_meetings};
use crate::domain::{Case, Department, DeptData, Meeting};
use crate::i18n::Msg;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The meeting file `<root>/<code>/meetings/<id>.yaml` read alone and checked against
/// the département's loaded data as the loader checks it, with the stamp of its bytes;
/// or its problems. One file is read (and, for a case it names that is not loaded, one
/// look at whether that case's file exists, as the loader would know).
pub fn read_meeting(
    root: &Path,
    data: &DeptData,
    id: &str,
) -> Result<(Meeting, Stamp), Vec<Problem>> {
    let code = data.code();
    let rel = format!("{code}/meetings/{id}.yaml");
    let (src, stamp) = read_text(&root.join(&rel), &rel, false).map_err(|p| vec![*p])?;
    let mut sink = Sink::default();
    let value = {
        let (node, marks) = parse_marked(&src, &rel).map_err(|p| vec![*p])?;
        let value = decode_meeting(&node, &mut sink);
        sink.place(&src, &node, &marks);
        value
    };
    let cases: HashMap<&str, &Case> = data.cases.iter().map(|c| (c.id.as_str(), c)).collect();
    let unloaded: Vec<String> = value
        .iter()
        .flat_map(|m| m.items.iter())
        .filter_map(|i| i.case.as_deref())
        .filter(|c| !cases.contains_key(c))
        .filter(|c| {
            crate::domain::ids::is_file_id(c)
                && root
                    .join(code)
                    .join("cases")
                    .join(format!("{c}.yaml"))
                    .is_file()
        })
        .map(str::to_string)
        .collect();
    let present: HashSet<&str> = cases
        .keys()
        .copied()
        .chain(unloaded.iter().map(String::as_str))
        .collect();
    let mut docs = vec![Doc {
        rel,
        stem: id.to_string(),
        src,
        value,
        sink,
    }];
    check_meetings(
        &mut docs,
        Some(&data.department),
        &cases,
        &present,
        &data.meetings,
    );
    let mut problems = Vec::new();
    match docs.pop().and_then(|doc| settle(doc, &mut problems)) {
        Some(meeting) if problems.is_empty() => Ok((meeting, stamp)),
        _ => Err(problems),
    }
}

/// The case file `<root>/<code>/cases/<id>.yaml` read alone (a colleague changed it, a
/// `git pull`) and checked against the département's directory and bodies as the loader
/// checks it, with the stamp of its bytes; or its problems. Only that file is read.
pub fn read_case(root: &Path, dept: &Department, id: &str) -> Result<(Case, Stamp), Vec<Problem>> {
    let rel = format!("{}/cases/{id}.yaml", dept.code);
    let (src, stamp) = read_text(&root.join(&rel), &rel, false).map_err(|p| vec![*p])?;
    check_case_text(dept, id, src.as_bytes()).map(|case| (case, stamp))
}

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
    let (node, marks) = parse_marked(text, &rel).map_err(|p| vec![*p])?;
    let mut sink = Sink::default();
    let value = decode_case(&node, &mut sink);
    sink.place(text, &node, &marks);
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
    fn a_case_file_is_read_alone_with_its_stamp_or_its_problems() {
        let dir = tempfile::tempdir().unwrap();
        let cases = dir.path().join("49/cases");
        std::fs::create_dir_all(&cases).unwrap();
        let file = cases.join("49-2026-050.yaml");
        std::fs::write(&file, CASE).unwrap();
        let (case, stamp) = read_case(dir.path(), &dept(), "49-2026-050").unwrap();
        assert_eq!(case.label, "Z.Z.");
        assert_eq!(stamp, Stamp::of(CASE.as_bytes()));
        std::fs::write(&file, CASE.replace("status: reported", "status: reportd")).unwrap();
        let problems = read_case(dir.path(), &dept(), "49-2026-050").unwrap_err();
        assert!(
            problems[0]
                .render(Lang::En)
                .starts_with("49/cases/49-2026-050.yaml:7:9:"),
            "{problems:?}"
        );
    }

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
    fn a_meeting_read_alone_is_the_one_the_loader_reads_and_is_checked_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (rel, content) in crate::demo::DEMO_FILES {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, content).unwrap();
        }
        let loaded = crate::store::load_root(root).unwrap();
        let dept = &loaded.depts[0];
        let id = "2026-05-18-cpraf";
        let (meeting, stamp) = read_meeting(root, &dept.data, id).unwrap();
        assert_eq!(Some(&meeting), dept.data.meeting(id));
        assert_eq!(
            Some(&stamp),
            dept.stamps.get("49/meetings/2026-05-18-cpraf.yaml")
        );
        // A colleague's change naming an unknown member: the loader's problem, at its place.
        let file = root.join("49/meetings/2026-05-18-cpraf.yaml");
        let text = std::fs::read_to_string(&file).unwrap();
        let chair = format!("chair: {}", meeting.chair);
        assert!(text.contains(&chair));
        std::fs::write(&file, text.replace(&chair, "chair: nobody")).unwrap();
        let problems = read_meeting(root, &dept.data, id).unwrap_err();
        let line = text.lines().position(|l| l.starts_with(&chair)).unwrap() + 1;
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(matches!(problems[0].msg, Msg::UnknownMember { .. }));
        assert_eq!(
            (problems[0].file.as_str(), problems[0].line),
            ("49/meetings/2026-05-18-cpraf.yaml", line)
        );
        let reloaded = crate::store::load_root(root).unwrap();
        assert!(reloaded.problems.iter().any(|p| p == &problems[0]));
        // Gone: the problem of a file that cannot be read.
        std::fs::remove_file(&file).unwrap();
        let problems = read_meeting(root, &dept.data, id).unwrap_err();
        assert!(matches!(problems[0].msg, Msg::CannotRead { .. }));
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
