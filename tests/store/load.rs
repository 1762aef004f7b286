//! Loading a data root: the root itself, one département, what is skipped.

use cellule::i18n::Lang;
use cellule::store::{StoreError, load_root, load_root_dept};
use std::fs;
use std::path::Path;

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn a_missing_root_is_an_error_not_a_problem() {
    let err = load_root(Path::new("fixtures/no-such-folder")).unwrap_err();
    assert!(matches!(err, StoreError::NotAFolder { .. }));
    assert_eq!(
        err.text(Lang::Fr),
        "fixtures/no-such-folder: dossier de données introuvable (ou ce n'est pas un dossier)"
    );
    let err = load_root(Path::new("Cargo.toml")).unwrap_err();
    assert!(matches!(err, StoreError::NotAFolder { .. }));
}

#[test]
fn one_departement_can_be_loaded_alone() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        Path::new("fixtures/invalid/unknown-key/49"),
        &dir.path().join("49"),
    );
    copy_dir(
        Path::new("fixtures/invalid/unknown-case/49"),
        &dir.path().join("44"),
    );
    fs::create_dir(dir.path().join("paris")).unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    fs::write(dir.path().join("README.md"), "notes").unwrap();

    let all = load_root(dir.path()).unwrap();
    let files: Vec<&str> = all.problems.iter().map(|p| p.file.as_str()).collect();
    // 44 holds the files of 49: its code differs from its folder.
    assert_eq!(
        files,
        [
            "44/department.yaml",
            "44/department.yaml",
            "44/meetings/2026-11-30-cpraf.yaml",
            "49/cases/49-2026-002.yaml",
            "paris"
        ]
    );
    assert_eq!(all.depts.len(), 1);

    let one = load_root_dept(dir.path(), Some("49")).unwrap();
    assert_eq!(one.depts.len(), 1);
    assert!(one.problems.iter().all(|p| p.file.starts_with("49/")));

    for code in ["75", "20", "../49", "paris"] {
        let err = load_root_dept(dir.path(), Some(code)).unwrap_err();
        assert!(
            matches!(err, StoreError::UnknownDepartment { .. }),
            "{code}"
        );
    }
    let err = load_root_dept(dir.path(), Some("75")).unwrap_err();
    assert_eq!(
        err.text(Lang::En),
        "département \"75\" is not in this data folder"
    );
}

#[test]
fn hidden_files_are_skipped_silently() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        Path::new("fixtures/invalid/unknown-case/49"),
        &dir.path().join("49"),
    );
    fs::remove_dir_all(dir.path().join("49/meetings")).unwrap();
    fs::write(
        dir.path().join("49/cases/.49-2026-001.yaml.swp"),
        [0xff, 0xfe],
    )
    .unwrap();
    fs::create_dir(dir.path().join("49/minutes")).unwrap();
    fs::write(dir.path().join("49/minutes/x.internal.md"), "# CR").unwrap();
    let loaded = load_root(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.depts[0].data.cases.len(), 1);
}

#[test]
fn meetings_are_sorted_chronologically() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        Path::new("fixtures/invalid/unknown-key/49"),
        &dir.path().join("49"),
    );
    fs::remove_file(dir.path().join("49/cases/49-2026-002.yaml")).unwrap();
    let meetings = dir.path().join("49/meetings");
    fs::create_dir(&meetings).unwrap();
    for (id, date, start) in [
        ("b-late", "2026-11-30", "16:00"),
        ("a-later-day", "2026-12-01", "09:00"),
        ("c-early", "2026-11-30", "09:30"),
    ] {
        let text = format!(
            "id: {id}\nbody: cpraf\ndate: {date}\nstart: \"{start}\"\nchair: dircab\nstatus: draft\nattendance: []\nitems: []\n"
        );
        fs::write(meetings.join(format!("{id}.yaml")), text).unwrap();
    }
    let loaded = load_root(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let ids: Vec<&str> = loaded.depts[0]
        .data
        .meetings
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(ids, ["c-early", "b-late", "a-later-day"]);
}

#[test]
fn notices_alone_are_not_errors() {
    let loaded = load_root(Path::new("fixtures/invalid/not-yaml")).unwrap();
    // A .yml file is an error (its data would be ignored); a stray .txt is a notice.
    assert!(loaded.has_errors());
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        Path::new("fixtures/invalid/unknown-case/49"),
        &dir.path().join("49"),
    );
    fs::remove_dir_all(dir.path().join("49/meetings")).unwrap();
    fs::write(dir.path().join("49/cases/README.txt"), "à lire").unwrap();
    let loaded = load_root(dir.path()).unwrap();
    assert_eq!(loaded.problems.len(), 1);
    assert!(!loaded.has_errors());
}

#[cfg(unix)]
#[test]
fn a_device_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        Path::new("fixtures/invalid/unknown-case/49"),
        &dir.path().join("49"),
    );
    fs::remove_dir_all(dir.path().join("49/meetings")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("49/cases/49-2026-005.yaml")).unwrap();
    let loaded = load_root(dir.path()).unwrap();
    let lines: Vec<String> = loaded.problems.iter().map(|p| p.render(Lang::Fr)).collect();
    assert_eq!(
        lines,
        ["49/cases/49-2026-005.yaml:1:1: ce n'est pas un fichier ordinaire : non lu"]
    );
    assert_eq!(loaded.depts[0].data.cases.len(), 1);
}
