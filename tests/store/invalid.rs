//! Each folder of `fixtures/invalid/` is a small data root with one kind of problem;
//! loading it must give exactly the lines of its `expected.txt` (French) and, when
//! present, `expected.en.txt` (English).
//!
//! To rewrite the expected files after a deliberate change of wording, run with
//! `CELLULE_UPDATE_EXPECTED=1` and review the diff.

use cellule::i18n::Lang;
use cellule::store::decode_fipd::locate_findings;
use cellule::store::{Loaded, load_root};
use std::fs;
use std::path::{Path, PathBuf};

/// The problems of the files, then the findings of the FIPD rules (`cellule validate`
/// prints both).
fn render(loaded: &Loaded, lang: Lang) -> String {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let fund = loaded.depts.iter().flat_map(|d| {
        let found = cellule::domain::fipd::check_dept(&d.data, today);
        locate_findings(&loaded.root, &d.folder, &found)
    });
    loaded
        .problems
        .iter()
        .cloned()
        .chain(fund)
        .map(|p| format!("{}\n", p.render(lang)))
        .collect()
}

fn fixtures() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir("fixtures/invalid")
        .expect("fixtures/invalid")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn check(dir: &Path, file: &str, lang: Lang, actual: &str, failures: &mut Vec<String>) {
    let path = dir.join(file);
    if std::env::var_os("CELLULE_UPDATE_EXPECTED").is_some() {
        if lang == Lang::Fr || path.exists() {
            fs::write(&path, actual).expect("write expected");
        }
        return;
    }
    let Ok(expected) = fs::read_to_string(&path) else {
        if lang == Lang::Fr {
            failures.push(format!("{}: missing", path.display()));
        }
        return;
    };
    if expected != actual {
        failures.push(format!(
            "{}:\n--- expected\n{expected}--- actual\n{actual}",
            path.display()
        ));
    }
}

#[test]
fn every_invalid_fixture_gives_its_expected_lines() {
    let dirs = fixtures();
    assert!(dirs.len() >= 30, "fixtures/invalid looks incomplete");
    let mut failures = Vec::new();
    for dir in &dirs {
        let loaded = load_root(dir).expect("fixture root loads");
        let fr = render(&loaded, Lang::Fr);
        assert!(!fr.is_empty(), "{}: no problem found", dir.display());
        check(dir, "expected.txt", Lang::Fr, &fr, &mut failures);
        check(
            dir,
            "expected.en.txt",
            Lang::En,
            &render(&loaded, Lang::En),
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The problem files are left out; the valid files of the same département still load.
#[test]
fn valid_files_load_next_to_invalid_ones() {
    let loaded = load_root(Path::new("fixtures/invalid/unknown-key")).unwrap();
    let dept = loaded.dept("49").expect("the département loads");
    let ids: Vec<&str> = dept.data.cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["49-2026-001"]);
    assert!(dept.stamps.contains_key("49/cases/49-2026-002.yaml"));

    let loaded = load_root(Path::new("fixtures/invalid/unknown-case")).unwrap();
    let dept = loaded.dept("49").unwrap();
    assert!(dept.data.meetings.is_empty());
    assert_eq!(dept.data.cases.len(), 1);
}

/// A decision outside its body's list is a notice: the meeting still loads, and the data
/// has no error (`validate` exits 0).
#[test]
fn a_decision_outside_the_bodys_list_is_a_notice_and_the_meeting_loads() {
    let loaded = load_root(Path::new("fixtures/invalid/decision-not-for-body")).unwrap();
    let dept = loaded.dept("49").unwrap();
    assert_eq!(dept.data.meetings.len(), 1);
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0].msg.is_notice());
    assert!(!loaded.has_errors());
    assert_eq!(
        (loaded.problems[0].line, loaded.problems[0].column),
        (16, 15)
    );
}

#[test]
fn an_invalid_department_file_leaves_the_departement_out() {
    let loaded = load_root(Path::new("fixtures/invalid/invalid-department")).unwrap();
    assert!(loaded.depts.is_empty());
    // The other files were still checked on their own.
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.file == "49/cases/49-2026-002.yaml")
    );
}

#[test]
fn a_file_over_the_limit_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new("fixtures/invalid/unknown-key/49");
    let dept = dir.path().join("49");
    fs::create_dir_all(dept.join("cases")).unwrap();
    fs::copy(src.join("department.yaml"), dept.join("department.yaml")).unwrap();
    let mut big = String::from("id: 49-2026-009\nnotes: |\n");
    while big.len() <= 2 * 1024 * 1024 {
        big.push_str("  ligne de texte libre, répétée pour grossir le fichier\n");
    }
    fs::write(dept.join("cases/49-2026-009.yaml"), &big).unwrap();
    let loaded = load_root(dir.path()).unwrap();
    let lines: Vec<String> = loaded.problems.iter().map(|p| p.render(Lang::Fr)).collect();
    assert_eq!(
        lines,
        [format!(
            "49/cases/49-2026-009.yaml:1:1: fichier trop volumineux ({} Kio, limite 1024 Kio) : non lu",
            big.len() / 1024
        )]
    );
    assert!(
        !loaded.depts[0]
            .stamps
            .contains_key("49/cases/49-2026-009.yaml")
    );
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new("fixtures/invalid/unknown-key/49");
    let dept = dir.path().join("49");
    fs::create_dir_all(dept.join("cases")).unwrap();
    let mut text = b"\xEF\xBB\xBF".to_vec();
    text.extend(fs::read(src.join("department.yaml")).unwrap());
    fs::write(dept.join("department.yaml"), text).unwrap();
    let loaded = load_root(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.depts.len(), 1);
}
