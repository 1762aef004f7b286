//! Committing a written file with the `git` command (`--commit`).
//!
//! Only the given file is committed: it is added, then committed with a pathspec
//! (`git commit -- <file>`), so that whatever else the index holds stays staged and uncommitted.
//!
//! Every git command runs with the repository's hooks disabled ([`SAFE_CONFIG`]): a hook
//! planted in a shared `.git` never runs on the exporter's machine, whatever the
//! repository's own configuration says. The data root and the file are made absolute
//! (links resolved) before git sees them, so a relative, absolute or linked data root
//! commits the same file.

use crate::i18n::Lang;
use crate::text::visible;
use std::path::Path;
use std::process::{Command, Output};

/// Why a file could not be committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitError {
    /// The `git` command cannot be run.
    GitMissing { detail: String },
    /// The folder is not inside a git work tree.
    NotAWorkTree { dir: String },
    /// The repository belongs to another user and git refuses it (« dubious ownership »).
    DubiousOwnership { dir: String },
    /// A git step failed; `detail` is what git said.
    Failed { step: &'static str, detail: String },
}

/// What [`git_commit`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitOutcome {
    /// A commit was made.
    Committed,
    /// The file was already committed as it is: nothing to do.
    Unchanged,
}

impl CommitError {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (CommitError::GitMissing { detail }, Lang::Fr) => format!(
                "la commande git est introuvable ou ne peut pas être lancée ({detail}) : installez git ou exportez sans --commit"
            ),
            (CommitError::GitMissing { detail }, Lang::En) => format!(
                "the git command cannot be found or run ({detail}): install git or export without --commit"
            ),
            (CommitError::NotAWorkTree { dir }, Lang::Fr) => format!(
                "{dir} n'est pas dans un dépôt git : le fichier est écrit mais n'est pas enregistré dans git (exportez sans --commit, ou faites de ce dossier un dépôt git)"
            ),
            (CommitError::NotAWorkTree { dir }, Lang::En) => format!(
                "{dir} is not inside a git repository: the file is written but not committed (export without --commit, or make the folder a git repository)"
            ),
            (CommitError::DubiousOwnership { dir }, Lang::Fr) => format!(
                "le dépôt git qui contient {dir} appartient à un autre utilisateur et git refuse d'y travailler : le fichier est écrit mais n'est pas enregistré dans git (demandez au propriétaire du dépôt, ou autorisez-le avec « git config --global --add safe.directory {dir} » si vous lui faites confiance)"
            ),
            (CommitError::DubiousOwnership { dir }, Lang::En) => format!(
                "the git repository that holds {dir} belongs to another user and git refuses to work in it: the file is written but not committed (ask the repository's owner, or allow it with \"git config --global --add safe.directory {dir}\" if you trust it)"
            ),
            (CommitError::Failed { step, detail }, Lang::Fr) => {
                format!("échec de « git {step} » : {detail}")
            }
            (CommitError::Failed { step, detail }, Lang::En) => {
                format!("\"git {step}\" failed: {detail}")
            }
        }
    }
}

impl std::fmt::Display for CommitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::Fr))
    }
}

impl std::error::Error for CommitError {}

/// The configuration every git command of the app runs with, before its own arguments.
///
/// `-c` on the command line wins over every configuration file: no hook runs (post-commit,
/// post-index-change, prepare-commit-msg, reference-transaction or any other), no
/// file-system monitor program is started, and no signing program is called.
pub const SAFE_CONFIG: [&str; 6] = [
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "core.fsmonitor=false",
    "-c",
    "commit.gpgsign=false",
];

fn run(program: &str, dir: &Path, args: &[&std::ffi::OsStr]) -> Result<Output, CommitError> {
    Command::new(program)
        .current_dir(dir)
        .args(SAFE_CONFIG)
        .args(args)
        .env("LC_ALL", "C")
        // The repository is the one that holds the folder, whatever the caller's environment.
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .map_err(|e| CommitError::GitMissing {
            detail: visible(&e.to_string()).into_owned(),
        })
}

fn said(output: &Output) -> String {
    let text = String::from_utf8_lossy(&output.stderr);
    let text = if text.trim().is_empty() {
        String::from_utf8_lossy(&output.stdout)
    } else {
        text
    };
    visible(text.trim()).into_owned()
}

/// Adds `file` and commits it alone with `message`, in the git work tree that holds `repo_dir`.
///
/// `file` may be absolute or relative to `repo_dir`. Other changes, staged or not, are left
/// as they are. When the file is already committed as it is, nothing is done.
pub fn git_commit(
    repo_dir: &Path,
    file: &Path,
    message: &str,
) -> Result<CommitOutcome, CommitError> {
    commit_with("git", repo_dir, file, message)
}

fn commit_with(
    program: &str,
    repo_dir: &Path,
    file: &Path,
    message: &str,
) -> Result<CommitOutcome, CommitError> {
    let git = |dir: &Path, args: &[&std::ffi::OsStr]| run(program, dir, args);
    let shown = || visible(&repo_dir.display().to_string()).into_owned();
    // `file` is relative to `repo_dir` or to the current folder: made absolute, links
    // resolved, as is the folder git runs in, so that git finds it whatever the data root.
    let joined = repo_dir.join(file);
    let file = if file.is_relative() && joined.exists() {
        joined
    } else {
        file.to_path_buf()
    };
    let file = std::fs::canonicalize(&file).unwrap_or(file);
    let repo_dir = std::fs::canonicalize(repo_dir).unwrap_or_else(|_| repo_dir.to_path_buf());
    let repo_dir = repo_dir.as_path();
    let file = file.as_path();
    let inside = git(
        repo_dir,
        &["rev-parse".as_ref(), "--is-inside-work-tree".as_ref()],
    )?;
    if !inside.status.success() || String::from_utf8_lossy(&inside.stdout).trim() != "true" {
        if String::from_utf8_lossy(&inside.stderr).contains("dubious ownership") {
            return Err(CommitError::DubiousOwnership { dir: shown() });
        }
        return Err(CommitError::NotAWorkTree { dir: shown() });
    }
    let add = git(repo_dir, &["add".as_ref(), "--".as_ref(), file.as_os_str()])?;
    if !add.status.success() {
        return Err(CommitError::Failed {
            step: "add",
            detail: said(&add),
        });
    }
    // Anything to commit for this file?
    let diff = git(
        repo_dir,
        &[
            "diff".as_ref(),
            "--cached".as_ref(),
            "--quiet".as_ref(),
            "--".as_ref(),
            file.as_os_str(),
        ],
    )?;
    if diff.status.success() {
        return Ok(CommitOutcome::Unchanged);
    }
    let commit = git(
        repo_dir,
        &[
            "commit".as_ref(),
            "--quiet".as_ref(),
            "--no-verify".as_ref(),
            "-m".as_ref(),
            message.as_ref(),
            "--".as_ref(),
            file.as_os_str(),
        ],
    )?;
    if !commit.status.success() {
        return Err(CommitError::Failed {
            step: "commit",
            detail: said(&commit),
        });
    }
    Ok(CommitOutcome::Committed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_git_is_a_clear_error() {
        let dir = std::env::temp_dir();
        let err =
            commit_with("cellule-no-such-git-program", &dir, Path::new("a.md"), "m").unwrap_err();
        assert!(matches!(err, CommitError::GitMissing { .. }), "{err:?}");
        assert!(
            err.text(Lang::Fr)
                .contains("la commande git est introuvable")
        );
        assert!(err.text(Lang::En).contains("install git"));
    }
}
