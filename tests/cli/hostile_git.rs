//! A hostile git repository under the data root: planted hooks never run, a relative,
//! absolute or linked data root commits the same file, and a repository owned by another
//! user gets its own message.

use crate::support::data;
use assert_cmd::Command;
use cellule::i18n::Lang;
use cellule::store::{CommitError, CommitOutcome, git_commit};
use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::time::Duration;
use tempfile::TempDir;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A demo data root made a git repository with one commit.
fn demo_repo() -> TempDir {
    let tmp = data::demo_root();
    let root = tmp.path();
    git(root, &["init", "-q"]);
    git(root, &["config", "user.name", "Cabinet"]);
    git(root, &["config", "user.email", "cabinet@example.invalid"]);
    git(root, &["add", "49/department.yaml"]);
    git(root, &["commit", "-q", "--no-verify", "-m", "Annuaire"]);
    tmp
}

const HOOKS: [&str; 8] = [
    "pre-commit",
    "commit-msg",
    "prepare-commit-msg",
    "post-commit",
    "post-index-change",
    "reference-transaction",
    "pre-auto-gc",
    "post-rewrite",
];

/// Plants every hook of `HOOKS` in `dir`; each leaves a file named after it in `marks`.
fn plant_hooks(dir: &Path, marks: &Path) {
    fs::create_dir_all(dir).unwrap();
    for hook in HOOKS {
        let path = dir.join(hook);
        fs::write(
            &path,
            format!("#!/bin/sh\ntouch '{}/{hook}'\n", marks.display()),
        )
        .unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

fn cellule() -> Command {
    let config = TempDir::new().unwrap();
    let mut cmd = Command::cargo_bin("cellule").unwrap();
    cmd.env_remove("CELLULE_DATA")
        .env("CELLULE_CONFIG_DIR", config.path())
        .env("NO_COLOR", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
        .timeout(Duration::from_secs(20));
    std::mem::forget(config);
    cmd
}

#[test]
fn no_planted_hook_runs_on_commit_wherever_the_repository_says_they_are() {
    let tmp = demo_repo();
    let root = tmp.path();
    let marks = TempDir::new().unwrap();
    // In the usual place, and in a folder the repository's own config points to.
    plant_hooks(&root.join(".git/hooks"), marks.path());
    plant_hooks(&root.join("planted"), marks.path());
    let file = root.join("49/minutes/a.md");
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    for (n, config) in [None, Some("planted")].into_iter().enumerate() {
        if let Some(dir) = config {
            git(
                root,
                &[
                    "config",
                    "core.hooksPath",
                    &root.join(dir).display().to_string(),
                ],
            );
        }
        fs::write(&file, format!("version {n}\n")).unwrap();
        let outcome = git_commit(root, &file, "Compte rendu").unwrap();
        assert_eq!(outcome, CommitOutcome::Committed);
    }
    let ran: Vec<_> = fs::read_dir(marks.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(ran.is_empty(), "hooks ran: {ran:?}");
    // The hooks are real: git itself runs them when the app's settings are not given.
    fs::write(&file, "by hand\n").unwrap();
    git(root, &["add", "--", "49/minutes/a.md"]);
    git(root, &["commit", "-q", "-m", "by hand"]);
    assert!(marks.path().join("post-commit").exists());
    assert!(marks.path().join("post-index-change").exists());
}

#[test]
fn commit_works_with_a_relative_an_absolute_and_a_linked_data_root() {
    let tmp = demo_repo();
    let root = tmp.path();
    let parent = root.parent().unwrap();
    let name = root.file_name().unwrap().to_str().unwrap().to_string();
    let links = TempDir::new().unwrap();
    let link = links.path().join("partage");
    symlink(root, &link).unwrap();
    let cases: [(&Path, String); 4] = [
        (parent, name.clone()),
        (parent, format!("./{name}/49/..")),
        (Path::new("/"), root.display().to_string()),
        (Path::new("/"), link.display().to_string()),
    ];
    for (n, (cwd, data)) in cases.iter().enumerate() {
        // A new text each time, so that each run has something to commit.
        let meeting = root.join("49/meetings/2026-11-16-cpraf.yaml");
        let text = fs::read_to_string(&meeting).unwrap();
        let place = format!("Salle {n}");
        let text = text.replacen("place: ", &format!("place: {place} — "), 1);
        fs::write(&meeting, text).unwrap();
        cellule()
            .current_dir(cwd)
            .args([
                "export",
                "minutes",
                "--meeting",
                "2026-11-16-cpraf",
                "--commit",
            ])
            .args(["--level", "public", "--data", data])
            .assert()
            .code(0);
        let files = git(root, &["show", "--name-only", "--format=", "HEAD"]);
        assert_eq!(
            files.trim(),
            "49/minutes/2026-11-16-cpraf.public.md",
            "{data}"
        );
        let count = git(root, &["rev-list", "--count", "HEAD"]);
        assert_eq!(count.trim(), (n + 2).to_string(), "{data}");
    }
}

#[test]
fn a_repository_owned_by_another_user_gets_its_own_message() {
    if !nix_is_root() {
        eprintln!("skipped: changing a repository's owner needs root");
        return;
    }
    let tmp = demo_repo();
    let root = tmp.path();
    chown_tree(root, 65534);
    let file = root.join("49/a.md");
    fs::write(&file, "x").unwrap();
    let err = git_commit(root, &file, "m").unwrap_err();
    assert!(
        matches!(err, CommitError::DubiousOwnership { .. }),
        "{err:?}"
    );
    assert!(
        err.text(Lang::Fr)
            .contains("appartient à un autre utilisateur")
    );
    assert!(err.text(Lang::En).contains("belongs to another user"));
    cellule()
        .args([
            "export",
            "agenda",
            "--meeting",
            "2026-12-14-cpraf",
            "--commit",
            "--data",
        ])
        .arg(root)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "appartient à un autre utilisateur",
        ));
}

fn nix_is_root() -> bool {
    let out = std::process::Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

fn chown_tree(dir: &Path, uid: u32) {
    std::os::unix::fs::chown(dir, Some(uid), None).unwrap();
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            chown_tree(&entry.path(), uid);
        } else {
            std::os::unix::fs::lchown(entry.path(), Some(uid), None).unwrap();
        }
    }
}
