//! `--commit`: the written file, and only it, is committed, against a real temporary repository.

use crate::support::export as export_support;

use cellule::export::{
    self, Level, ReportFormat, commit_message_agenda, commit_message_minutes, commit_message_report,
};
use cellule::i18n::Lang;
use cellule::store::{CommitError, CommitOutcome, git_commit};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
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

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["config", "user.name", "Cabinet"]);
    git(
        dir.path(),
        &["config", "user.email", "cabinet@example.invalid"],
    );
    git(dir.path(), &["config", "commit.gpgsign", "false"]);
    dir
}

#[test]
fn commits_only_the_written_file() {
    let dir = repo();
    let root = dir.path();
    std::fs::write(root.join("README"), "x").unwrap();
    git(root, &["add", "README"]);
    git(root, &["commit", "-q", "-m", "start"]);
    // Someone else's work in progress: a staged change and an untracked file.
    std::fs::write(root.join("README"), "changed").unwrap();
    git(root, &["add", "README"]);
    std::fs::write(root.join("other.txt"), "untracked").unwrap();

    let data = export_support::data();
    let text = export::minutes(&data, "2026-11-30-cpraf", Level::Partners, Lang::Fr).unwrap();
    let rel = Path::new("49").join(export::minutes_path("2026-11-30-cpraf", Level::Partners));
    std::fs::create_dir_all(root.join(rel.parent().unwrap())).unwrap();
    std::fs::write(root.join(&rel), &text).unwrap();
    let message = commit_message_minutes(&data, "2026-11-30-cpraf", Level::Partners).unwrap();
    assert_eq!(message, "Compte rendu cpraf 49 2026-11-30 (partners)");

    // From a sub-folder of the work tree (the data root), with an absolute path.
    let outcome = git_commit(&root.join("49"), &root.join(&rel), &message).unwrap();
    assert_eq!(outcome, CommitOutcome::Committed);

    let files = git(root, &["show", "--name-only", "--format=%s", "HEAD"]);
    assert_eq!(
        files.trim(),
        format!("{message}\n\n49/minutes/2026-11-30-cpraf.partners.md")
    );
    // The other staged change is still staged and uncommitted; the untracked file untouched.
    let status = git(root, &["status", "--porcelain"]);
    assert!(status.contains("M  README"), "{status}");
    assert!(status.contains("?? other.txt"), "{status}");
    assert_eq!(git(root, &["show", "HEAD:README"]), "x");

    // Committing the same file again, unchanged, does nothing.
    let outcome = git_commit(root, &rel, &message).unwrap();
    assert_eq!(outcome, CommitOutcome::Unchanged);
    assert_eq!(git(root, &["rev-list", "--count", "HEAD"]).trim(), "2");

    // A changed file is committed again (relative path).
    std::fs::write(root.join(&rel), format!("{text}\nmodifié\n")).unwrap();
    assert_eq!(
        git_commit(root, &rel, &message).unwrap(),
        CommitOutcome::Committed
    );
    assert_eq!(git(root, &["rev-list", "--count", "HEAD"]).trim(), "3");
}

#[test]
fn outside_a_work_tree_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // Make sure no parent of the temporary folder is mistaken for a repository.
    let out = Command::new("git")
        .current_dir(dir.path())
        .args(["rev-parse", "--is-inside-work-tree"])
        .output()
        .unwrap();
    if out.status.success() {
        eprintln!("the temporary folder lies inside a git work tree; skipping");
        return;
    }
    let file = dir.path().join("a.md");
    std::fs::write(&file, "x").unwrap();
    let err = git_commit(dir.path(), &file, "m").unwrap_err();
    assert!(matches!(err, CommitError::NotAWorkTree { .. }), "{err:?}");
    assert!(err.text(Lang::Fr).contains("n'est pas dans un dépôt git"));
    assert!(
        err.text(Lang::En)
            .contains("is not inside a git repository")
    );
}

#[test]
fn a_file_outside_the_repository_is_refused() {
    let dir = repo();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("a.md");
    std::fs::write(&file, "x").unwrap();
    let err = git_commit(dir.path(), &file, "m").unwrap_err();
    assert!(
        matches!(err, CommitError::Failed { step: "add", .. }),
        "{err:?}"
    );
}

#[test]
fn commit_messages_name_body_departement_date_and_level() {
    let data = export_support::data();
    assert_eq!(
        commit_message_agenda(&data, "2026-12-28-cpraf").unwrap(),
        "Ordre du jour cpraf 49 2026-12-28"
    );
    assert_eq!(
        commit_message_report(&data, (2026, 11), "cpraf", ReportFormat::Csv),
        "Rapport mensuel cpraf 49 2026-11 (csv)"
    );
    assert!(commit_message_minutes(&data, "nope", Level::Public).is_err());
}

#[test]
fn the_first_commit_of_a_new_repository_holds_only_the_file() {
    let dir = repo();
    let root = dir.path();
    std::fs::write(root.join("staged.txt"), "someone else's").unwrap();
    git(root, &["add", "staged.txt"]);
    std::fs::write(root.join("report.csv"), "section,indicator,value\r\n").unwrap();
    let outcome = git_commit(root, Path::new("report.csv"), "Rapport mensuel").unwrap();
    assert_eq!(outcome, CommitOutcome::Committed);
    assert_eq!(
        git(root, &["show", "--name-only", "--format=", "HEAD"]).trim(),
        "report.csv"
    );
    assert!(git(root, &["status", "--porcelain"]).contains("A  staged.txt"));
}
