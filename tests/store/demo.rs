//! The bundled demo loads clean, and every meeting of the fixtures survives a round trip.

use cellule::i18n::Lang;
use cellule::store::{self, load_root};
use std::path::{Path, PathBuf};

#[test]
fn the_demo_loads_without_problems() {
    let loaded = load_root(Path::new("fixtures/demo")).expect("demo root");
    let lines: Vec<String> = loaded.problems.iter().map(|p| p.render(Lang::Fr)).collect();
    assert!(
        lines.is_empty(),
        "problems in the demo:\n{}",
        lines.join("\n")
    );
    assert_eq!(loaded.depts.len(), 1);
    let dept = &loaded.depts[0];
    assert_eq!(dept.folder, "49");
    assert!(!dept.data.cases.is_empty());
    let files = std::fs::read_dir("fixtures/demo/49/cases").unwrap().count();
    assert_eq!(dept.data.cases.len(), files, "every case file loads");
    let ids: Vec<&str> = dept.data.cases.iter().map(|c| c.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "cases are sorted by id");
    assert!(dept.stamps.contains_key("49/department.yaml"));
}

fn meeting_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            meeting_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "yaml")
            && path
                .parent()
                .and_then(|p| p.file_name())
                .is_some_and(|n| n == "meetings")
        {
            found.push(path);
        }
    }
}

/// Every meeting file under `fixtures/` that decodes on its own, encoded then decoded,
/// is equal to itself.
#[test]
fn fixture_meetings_round_trip() {
    let mut files = Vec::new();
    meeting_files(Path::new("fixtures"), &mut files);
    let mut checked = 0;
    for file in &files {
        let Ok(src) = std::fs::read_to_string(file) else {
            continue;
        };
        let Ok(value) = store::yaml::read(&src) else {
            continue;
        };
        let mut sink = store::problem::Sink::default();
        let Some(m) = store::decode_meeting(&value, &mut sink) else {
            continue;
        };
        if !sink.is_empty() {
            continue;
        }
        let text = store::meeting_to_yaml(&m);
        let value = store::yaml::read(&text).expect("written YAML parses");
        let back = store::decode_meeting(&value, &mut sink);
        assert!(
            sink.is_empty(),
            "{}: {:?}\n{text}",
            file.display(),
            sink.pending
        );
        assert_eq!(back.as_ref(), Some(&m), "{}:\n{text}", file.display());
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} meeting files round-tripped");
}
