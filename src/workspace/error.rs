//! Why the workspace could not do what was asked, as values: one variant per kind of
//! failure, turned into a sentence ([`WorkError::text`]) only where it is shown.

use crate::export::ExportError;
use crate::i18n::{Lang, Msg};
use crate::store::{CommitError, Problem, StoreError, WriteError};
use std::io;
use std::path::{Path, PathBuf};

/// What the system call was doing when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoOp {
    Read,
    Write,
    Remove,
    Lock,
}

/// Why an operation of the workspace did not happen. Nothing was changed on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkError {
    /// Conflict: the file changed on disk since it was read (or is gone).
    Changed { path: PathBuf },
    /// Conflict: the file to create exists already.
    Exists { path: PathBuf },
    /// The system refused.
    Io {
        path: PathBuf,
        op: IoOp,
        kind: io::ErrorKind,
        detail: String,
    },
    /// The content is not valid: its problems, with their positions.
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    /// The store refused before touching the disk (a bad id, an unknown département, a
    /// folder leading outside the data root): its message.
    Refused { path: Option<PathBuf>, msg: Msg },
    /// The export cannot be made from these data.
    Export(ExportError),
    /// The written file could not be committed.
    Commit(CommitError),
    /// This workspace does not offer the operation.
    Unavailable,
}

impl WorkError {
    /// A failed system call on `path`.
    pub fn io(path: &Path, op: IoOp, err: &io::Error) -> WorkError {
        WorkError::Io {
            path: path.to_path_buf(),
            op,
            kind: err.kind(),
            detail: err.to_string(),
        }
    }

    /// The file or folder concerned, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            WorkError::Changed { path }
            | WorkError::Exists { path }
            | WorkError::Io { path, .. }
            | WorkError::Invalid { path, .. } => Some(path),
            WorkError::Refused { path, .. } => path.as_deref(),
            WorkError::Export(_) | WorkError::Commit(_) | WorkError::Unavailable => None,
        }
    }

    /// A file changed on disk since it was read (by someone else, a `git pull`).
    pub fn is_conflict(&self) -> bool {
        matches!(self, WorkError::Changed { .. } | WorkError::Exists { .. })
    }

    /// One line for users: `path: message` (the problems of an invalid file joined by
    /// « ; »).
    pub fn text(&self, lang: Lang) -> String {
        let at = |path: &Path, msg: Msg| format!("{}: {}", shown(path), msg.text(lang));
        match self {
            WorkError::Changed { path } => at(path, Msg::WriteChanged),
            WorkError::Exists { path } => at(path, Msg::WriteExists),
            WorkError::Io {
                path, op, detail, ..
            } => {
                let detail = detail.clone();
                match op {
                    IoOp::Read => at(path, Msg::CannotRead { detail }),
                    IoOp::Write | IoOp::Remove | IoOp::Lock => {
                        at(path, Msg::WriteFailed { detail })
                    }
                }
            }
            WorkError::Invalid { path, problems } => {
                if problems.is_empty() {
                    format!("{}: ?", shown(path))
                } else {
                    problems
                        .iter()
                        .map(|p| p.render(lang))
                        .collect::<Vec<_>>()
                        .join(" ; ")
                }
            }
            WorkError::Refused { path, msg } => match path {
                Some(path) => at(path, msg.clone()),
                None => msg.text(lang),
            },
            WorkError::Export(e) => e.text(lang),
            WorkError::Commit(e) => e.text(lang),
            WorkError::Unavailable => lang
                .pick("opération indisponible ici", "not available here")
                .to_string(),
        }
    }
}

fn shown(path: &Path) -> String {
    crate::text::visible(&path.to_string_lossy()).into_owned()
}

impl From<WriteError> for WorkError {
    fn from(e: WriteError) -> WorkError {
        match e {
            WriteError::Changed { path } => WorkError::Changed { path },
            WriteError::Exists { path } => WorkError::Exists { path },
            WriteError::Io { path, kind, detail } => WorkError::Io {
                path,
                op: IoOp::Write,
                kind,
                detail,
            },
            other => WorkError::Refused {
                path: other.path().map(Path::to_path_buf),
                msg: other.msg(),
            },
        }
    }
}

impl From<StoreError> for WorkError {
    fn from(e: StoreError) -> WorkError {
        match e {
            StoreError::NotAFolder { path } => WorkError::Refused {
                path: Some(path),
                msg: Msg::NotAFolder,
            },
            StoreError::Io { path, kind, detail } => WorkError::Io {
                path,
                op: IoOp::Read,
                kind,
                detail,
            },
            StoreError::UnknownDepartment { code } => WorkError::Refused {
                path: None,
                msg: Msg::UnknownDepartment { code },
            },
        }
    }
}

impl From<ExportError> for WorkError {
    fn from(e: ExportError) -> WorkError {
        WorkError::Export(e)
    }
}

impl From<CommitError> for WorkError {
    fn from(e: CommitError) -> WorkError {
        WorkError::Commit(e)
    }
}

impl std::fmt::Display for WorkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for WorkError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_error_keeps_its_kind_and_renders_in_the_language() {
        let e = WorkError::from(WriteError::Io {
            path: PathBuf::from("49/meetings/m.yaml"),
            kind: io::ErrorKind::StorageFull,
            detail: "No space left on device".into(),
        });
        assert!(matches!(
            &e,
            WorkError::Io {
                kind: io::ErrorKind::StorageFull,
                op: IoOp::Write,
                ..
            }
        ));
        assert!(!e.is_conflict());
        assert_eq!(
            e.text(Lang::Fr),
            "49/meetings/m.yaml: écriture impossible : plus de place sur le disque"
        );
        let changed = WorkError::from(WriteError::Changed {
            path: PathBuf::from("m.yaml"),
        });
        assert!(changed.is_conflict());
        assert!(
            changed
                .text(Lang::En)
                .starts_with("m.yaml: file changed elsewhere")
        );
    }
}
