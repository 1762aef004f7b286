//! Reading the files of a data root: one file's text (no link followed, no blocking open,
//! its size checked on the handle), parsed into a tree with where its nodes begin, and the
//! `.yaml` files of a folder. Below the loader and the decoders, which both use them.

use super::node::Node;
use super::problem::Problem;
use super::read::MAX_FILE_BYTES;
use super::stamp::Stamp;
use super::yaml::{self, ParseFailure};
use crate::i18n::Msg;
use std::fs;
use std::io;
use std::path::Path;

/// The text of one file, or the problem that kept it from being read: opened without
/// following a link and without blocking, checked on the open handle to be a regular
/// file under [`MAX_FILE_BYTES`] (`store::read`).
pub(super) fn read_text(
    path: &Path,
    rel: &str,
    _regular: bool,
) -> Result<(String, Stamp), Box<Problem>> {
    use super::read::{ReadError, read_file};
    let whole = |msg| Box::new(Problem::whole(rel, msg));
    let bytes = read_file(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::NotRegular => whole(Msg::NotRegularFile),
        ReadError::TooLarge { bytes, limit } => whole(Msg::TooLarge { bytes, limit }),
        ReadError::Io(e) => whole(Msg::CannotRead {
            detail: e.to_string(),
        }),
    })?;
    let stamp = Stamp::of(&bytes);
    let mut text = String::from_utf8(bytes).map_err(|_| whole(Msg::NotUtf8))?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok((text, stamp))
}

/// A `.yaml` file found in a folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Listed {
    /// Path relative to the data root.
    pub(super) rel: String,
    pub(super) stem: String,
    pub(super) regular: bool,
}

/// One file's text read into a tree, with where its nodes begin (for [`Sink::place`]);
/// an empty document or a syntax error is the file's one problem.
pub(super) fn parse_marked<'a>(
    src: &'a str,
    rel: &str,
) -> Result<(Node<'a>, yaml::Marks), Box<Problem>> {
    if src.trim().is_empty() {
        return Err(Box::new(Problem::whole(rel, Msg::Empty)));
    }
    match yaml::read_marked(src) {
        Ok((Node::Null, _)) => Err(Box::new(Problem::whole(rel, Msg::Empty))),
        Ok(v) => Ok(v),
        Err(e) => {
            let msg = match e.failure {
                ParseFailure::Syntax { detail } => Msg::Syntax { detail },
                ParseFailure::DuplicateKey { key } => Msg::DuplicateKey { key },
                ParseFailure::TooDeep => Msg::TooDeep,
                ParseFailure::AliasBomb => Msg::AliasBomb,
            };
            Err(Box::new(Problem {
                file: rel.to_string(),
                line: e.line.unwrap_or(1),
                column: e.column.unwrap_or(1),
                msg,
            }))
        }
    }
}

/// The `.yaml` files of `<folder>/<sub>/`, sorted; other files are reported (hidden
/// files and folders are skipped silently).
pub(super) fn list_yaml(
    root: &Path,
    folder: &str,
    sub: &str,
    problems: &mut Vec<Problem>,
) -> Vec<Listed> {
    let dir = root.join(folder).join(sub);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            problems.push(Problem::whole(
                format!("{folder}/{sub}"),
                Msg::CannotRead {
                    detail: e.to_string(),
                },
            ));
            return Vec::new();
        }
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{folder}/{sub}/{name}");
        // Hidden files (temporary files of atomic writes among them) and the locks of
        // meetings being edited are the app's own, not the users' files.
        // The listing tells the type of most entries; a link is followed to see
        // whether it leads to a folder.
        let (is_dir, regular) = match entry.file_type() {
            Ok(t) if !t.is_symlink() => (t.is_dir(), t.is_file()),
            _ => (entry.path().is_dir(), false),
        };
        if super::temp::is_temp_name(&name) && regular {
            problems.push(leftover(root, rel));
            continue;
        }
        if is_dir && (name.ends_with(".yaml") || name.ends_with(".yml")) && !name.starts_with('.') {
            problems.push(Problem::whole(rel, Msg::FolderNamedYaml { name }));
            continue;
        }
        if name.starts_with('.') || super::lock::is_lock_file(&name) || is_dir {
            continue;
        }
        if let Some(stem) = name.strip_suffix(".yaml") {
            found.push(Listed {
                rel,
                stem: stem.to_string(),
                regular,
            });
        } else if name.ends_with(".yml") {
            problems.push(Problem::whole(rel, Msg::RenameYml { name }));
        } else {
            problems.push(Problem::whole(rel, Msg::NotYaml { name }));
        }
    }
    found.sort();
    found
}

/// The notice of a temporary file left by a crash, with the command that removes it.
pub(super) fn leftover(root: &Path, rel: String) -> Problem {
    let path = root.join(&rel).display().to_string();
    let command = format!("rm -- '{}'", path.replace('\'', "'\\''"));
    Problem::whole(rel, Msg::LeftoverTemp { command })
}
