//! Atomic writes that never overwrite a change made elsewhere.
//!
//! A file is written to a temporary file in the same folder, flushed and synced, then
//! renamed over the target: readers see the old file or the new one, never half of
//! one. Before that, the target's current content is compared with the [`Stamp`] taken
//! when it was read, so that an edit made meanwhile (by a colleague, by `git pull`) is
//! not lost.

use super::read::{MAX_FILE_BYTES, ReadError, read_file};
pub use super::stamp::Stamp;
use super::temp::{Mode, Temp, new_file_mode};
use crate::domain::Meeting;
use crate::i18n::{Lang, Msg};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What the target must be like for the write to go ahead.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Expect {
    /// The file must not exist yet.
    New,
    /// The file must still hold the bytes of this stamp.
    Unchanged(Stamp),
    /// Write whatever is there.
    Any,
}

/// Why a write did not happen. Nothing was changed on disk in any case.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file's content differs from the stamp (or the file is gone).
    #[error("{}: file changed since it was read", .path.display())]
    Changed { path: PathBuf },
    /// [`Expect::New`] and the file exists.
    #[error("{}: file already exists", .path.display())]
    Exists { path: PathBuf },
    /// The id cannot be a file name.
    #[error("invalid file id {id:?}")]
    BadId { id: String },
    /// Not a known département code.
    #[error("unknown département {code:?}")]
    UnknownDepartment { code: String },
    /// The folder written to resolves outside the data root.
    #[error("{}: outside the data folder", .path.display())]
    OutsideRoot { path: PathBuf },
    /// The file would be larger than what the store reads back ([`MAX_FILE_BYTES`]).
    #[error("{}: {bytes} bytes, over the {limit} bytes read limit", .path.display())]
    TooLarge {
        path: PathBuf,
        bytes: u64,
        limit: u64,
    },
    /// The file on disk is not a regular file any more (a link, a pipe, a device).
    #[error("{}: not a regular file", .path.display())]
    NotRegular { path: PathBuf },
    /// The system refused.
    #[error("{}: {detail}", .path.display())]
    Io {
        path: PathBuf,
        kind: io::ErrorKind,
        detail: String,
    },
}

impl WriteError {
    fn io(path: &Path, err: &io::Error) -> WriteError {
        WriteError::Io {
            path: path.to_path_buf(),
            kind: err.kind(),
            detail: err.to_string(),
        }
    }

    /// The path concerned, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            WriteError::Changed { path }
            | WriteError::Exists { path }
            | WriteError::OutsideRoot { path }
            | WriteError::TooLarge { path, .. }
            | WriteError::NotRegular { path }
            | WriteError::Io { path, .. } => Some(path),
            WriteError::BadId { .. } | WriteError::UnknownDepartment { .. } => None,
        }
    }

    /// The message of the catalogue.
    pub fn msg(&self) -> Msg {
        match self {
            WriteError::Changed { .. } => Msg::WriteChanged,
            WriteError::Exists { .. } => Msg::WriteExists,
            WriteError::OutsideRoot { .. } => Msg::WriteOutsideRoot,
            WriteError::BadId { id } => Msg::BadFileId {
                key: "id".into(),
                value: id.clone(),
            },
            WriteError::UnknownDepartment { code } => Msg::UnknownDepartment { code: code.clone() },
            WriteError::TooLarge { bytes, limit, .. } => Msg::WriteTooLarge {
                bytes: *bytes,
                limit: *limit,
            },
            WriteError::NotRegular { .. } => Msg::WriteNotRegular,
            WriteError::Io { detail, .. } => Msg::WriteFailed {
                detail: detail.clone(),
            },
        }
    }

    /// One line for users: `path: message`.
    pub fn text(&self, lang: Lang) -> String {
        match self.path() {
            Some(p) => format!(
                "{}: {}",
                crate::text::visible(&p.to_string_lossy()),
                self.msg().text(lang)
            ),
            None => self.msg().text(lang),
        }
    }
}

/// Writes `bytes` to `path` atomically, if `expect` holds; returns the new stamp.
///
/// An existing file keeps its permissions; a new file is readable by its owner only
/// (on Unix). A symbolic link at `path` is replaced by a file, never written through.
pub fn write_atomic(path: &Path, bytes: &[u8], expect: Expect) -> Result<Stamp, WriteError> {
    // A file the store would not read back is not written (the caller keeps the text).
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(WriteError::TooLarge {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let current = match fs::symlink_metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(WriteError::io(path, &e)),
    };
    match (&expect, &current) {
        (Expect::New, Some(_)) => {
            return Err(WriteError::Exists {
                path: path.to_path_buf(),
            });
        }
        (Expect::Unchanged(_), None) => {
            return Err(WriteError::Changed {
                path: path.to_path_buf(),
            });
        }
        (Expect::Unchanged(stamp), Some(_)) => {
            // Opened without following a link or waiting on a pipe, its size checked on
            // the open handle: a planted FIFO or link to `/dev/zero` is refused at once.
            let now = read_file(path, MAX_FILE_BYTES).map_err(|e| match e {
                ReadError::NotRegular => WriteError::NotRegular {
                    path: path.to_path_buf(),
                },
                // Larger than anything the app wrote: not the file that was read.
                ReadError::TooLarge { .. } => WriteError::Changed {
                    path: path.to_path_buf(),
                },
                ReadError::Io(e) => WriteError::io(path, &e),
            })?;
            if Stamp::of(&now) != *stamp {
                return Err(WriteError::Changed {
                    path: path.to_path_buf(),
                });
            }
        }
        _ => {}
    }

    // A file made read-only by its owner is not replaced behind their back (the rename
    // below would succeed whatever the file's own permissions).
    if current
        .as_ref()
        .is_some_and(|m| m.is_file() && m.permissions().readonly())
    {
        return Err(WriteError::io(
            path,
            &io::Error::from(io::ErrorKind::PermissionDenied),
        ));
    }

    // Permissions are set on the open temporary file: the existing target's (and its
    // group), else those of a new file in this folder (`0600`, or group access in a
    // group-shared folder).
    let mode = match current.as_ref().filter(|m| m.is_file()) {
        Some(m) => existing_mode(m),
        None => Mode {
            mode: new_file_mode(dir),
            group: super::temp::new_file_group(dir),
        },
    };
    let mut tmp = Temp::new_in(dir, &mode).map_err(|e| WriteError::io(path, &e))?;
    let written = write_through(&mut tmp.file, bytes);
    if let Err(e) = written {
        tmp.discard();
        return Err(WriteError::io(path, &e));
    }
    if expect == Expect::New {
        tmp.create(path).map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                WriteError::Exists {
                    path: path.to_path_buf(),
                }
            } else {
                WriteError::io(path, &e)
            }
        })?;
    } else {
        tmp.replace(path, dir)
            .map_err(|e| WriteError::io(path, &e))?;
    }
    sync_dir(dir);
    Ok(Stamp::of(bytes))
}

/// Writes, flushes and syncs `bytes`; a test-only fault makes it fail with a given OS
/// error (see [`inject`]).
fn write_through(file: &mut fs::File, bytes: &[u8]) -> io::Result<()> {
    if let Some(delay) = inject::delay() {
        std::thread::sleep(delay);
    }
    if let Some(code) = inject::pending() {
        return Err(io::Error::from_raw_os_error(code));
    }
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()
}

#[cfg(unix)]
fn existing_mode(meta: &fs::Metadata) -> Mode {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    Mode {
        mode: meta.permissions().mode(),
        group: Some(meta.gid()),
    }
}

#[cfg(not(unix))]
fn existing_mode(_meta: &fs::Metadata) -> Mode {
    Mode {
        mode: 0o600,
        group: None,
    }
}

/// A test-only way to make the next writes fail with a given OS error (`ENOSPC`,
/// `EACCES`, `EROFS`...): on this thread ([`fail_writes_with`], so that tests running side
/// by side do not see each other's faults), or in the binary a test starts (debug builds
/// only) through `CELLULE_FAULT_WRITE=<errno>`, or `CELLULE_FAULT_FILE=<path>`: the errno
/// written in that file, read at each write, so that a test can take the fault away while
/// the program runs.
pub mod inject {
    use std::cell::Cell;

    thread_local! {
        static NEXT: Cell<i32> = const { Cell::new(0) };
    }

    /// Makes every write of this thread fail with `errno` until [`clear`].
    pub fn fail_writes_with(errno: i32) {
        NEXT.with(|n| n.set(errno));
    }

    /// Writes of this thread work again.
    pub fn clear() {
        NEXT.with(|n| n.set(0));
    }

    /// A slow disk, in the binary a test starts (debug builds only):
    /// `CELLULE_FAULT_DELAY_MS=<ms>` makes each write take that long.
    pub(super) fn delay() -> Option<std::time::Duration> {
        if !cfg!(debug_assertions) {
            return None;
        }
        let ms: u64 = std::env::var("CELLULE_FAULT_DELAY_MS").ok()?.parse().ok()?;
        Some(std::time::Duration::from_millis(ms))
    }

    pub(super) fn pending() -> Option<i32> {
        let here = NEXT.with(Cell::get);
        if here != 0 {
            return Some(here);
        }
        if cfg!(debug_assertions) {
            if let Some(code) = std::env::var("CELLULE_FAULT_WRITE")
                .ok()
                .and_then(|v| v.parse().ok())
            {
                return Some(code);
            }
            if let Some(file) = std::env::var_os("CELLULE_FAULT_FILE") {
                return std::fs::read_to_string(file)
                    .ok()
                    .and_then(|v| v.trim().parse().ok())
                    .filter(|&code: &i32| code != 0);
            }
        }
        None
    }
}

/// Makes the rename durable (best effort: not every system can sync a folder).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Creates a folder and its missing parents; the new ones are not readable by others
/// (`0750`).
pub fn create_private_dir(path: &Path) -> io::Result<()> {
    private_dir_builder(true).create(path)
}

fn private_dir_builder(recursive: bool) -> fs::DirBuilder {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(recursive);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o750);
    }
    builder
}

/// `<root>/<rel>` as a folder to write into: each missing level is created (not readable
/// by others), and each level that exists must resolve inside the data root, so that a
/// symbolic link (`minutes -> /elsewhere`) never sends a file outside it.
pub fn folder_in_root(root: &Path, rel: &Path) -> Result<PathBuf, WriteError> {
    let real_root = fs::canonicalize(root).map_err(|e| WriteError::io(root, &e))?;
    let mut dir = root.to_path_buf();
    for part in rel.components() {
        match part {
            std::path::Component::Normal(name) => dir.push(name),
            _ => {
                return Err(WriteError::OutsideRoot {
                    path: root.join(rel),
                });
            }
        }
        match fs::symlink_metadata(&dir) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                private_dir_builder(false)
                    .create(&dir)
                    .map_err(|e| WriteError::io(&dir, &e))?;
            }
            Err(e) => return Err(WriteError::io(&dir, &e)),
            Ok(_) => {
                let real = fs::canonicalize(&dir).map_err(|e| WriteError::io(&dir, &e))?;
                if !real.starts_with(&real_root) {
                    return Err(WriteError::OutsideRoot { path: dir });
                }
                if !real.is_dir() {
                    return Err(WriteError::io(
                        &dir,
                        &io::Error::from(io::ErrorKind::NotADirectory),
                    ));
                }
            }
        }
    }
    Ok(dir)
}

/// The path of a meeting's file: `<root>/<dept>/meetings/<id>.yaml`.
pub fn meeting_path(root: &Path, dept: &str, id: &str) -> PathBuf {
    root.join(dept).join("meetings").join(format!("{id}.yaml"))
}

/// `<root>/<dept>/meetings`, created if needed (with the permissions of the département
/// folder), after checking that neither the département folder nor `meetings/` leads
/// outside the data root through a symbolic link.
fn meetings_folder(root: &Path, dept: &str) -> Result<PathBuf, WriteError> {
    let real_root = fs::canonicalize(root).map_err(|e| WriteError::io(root, &e))?;
    let dept_dir = root.join(dept);
    let inside = |dir: &Path| -> Result<(), WriteError> {
        let real = fs::canonicalize(dir).map_err(|e| WriteError::io(dir, &e))?;
        if real.starts_with(&real_root) {
            Ok(())
        } else {
            Err(WriteError::OutsideRoot {
                path: dir.to_path_buf(),
            })
        }
    };
    inside(&dept_dir)?;
    let folder = dept_dir.join("meetings");
    match fs::symlink_metadata(&folder) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir(&folder).map_err(|e| WriteError::io(&folder, &e))?;
            if let Ok(meta) = fs::metadata(&dept_dir) {
                let _ = fs::set_permissions(&folder, meta.permissions());
            }
        }
        Err(e) => return Err(WriteError::io(&folder, &e)),
        Ok(_) => inside(&folder)?,
    }
    Ok(folder)
}

/// Writes a meeting to `<root>/<dept>/meetings/<id>.yaml` (creating `meetings/` if
/// needed) in the shape of the format, atomically, if `expect` holds.
///
/// Refuses an id that cannot be a file name, an unknown département code, and a
/// `meetings/` folder that resolves outside the data root.
pub fn save_meeting(
    root: &Path,
    dept: &str,
    m: &Meeting,
    expect: Expect,
) -> Result<Stamp, WriteError> {
    if !crate::domain::ids::is_file_id(&m.id) {
        return Err(WriteError::BadId { id: m.id.clone() });
    }
    if crate::domain::departements::by_code(dept).is_none() {
        return Err(WriteError::UnknownDepartment {
            code: dept.to_string(),
        });
    }
    let folder = meetings_folder(root, dept)?;
    let text = super::encode::meeting_to_yaml(m);
    write_atomic(
        &folder.join(format!("{}.yaml", m.id)),
        text.as_bytes(),
        expect,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_new_then_refuses_a_stale_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.yaml");
        let s1 = write_atomic(&p, b"one\n", Expect::New).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"one\n");
        assert!(matches!(
            write_atomic(&p, b"x", Expect::New),
            Err(WriteError::Exists { .. })
        ));
        let s2 = write_atomic(&p, b"two\n", Expect::Unchanged(s1.clone())).unwrap();
        assert_eq!(s2, Stamp::of(b"two\n"));
        // Someone else edits the file: the old stamp no longer matches.
        fs::write(&p, b"edited elsewhere\n").unwrap();
        let err = write_atomic(&p, b"three\n", Expect::Unchanged(s2)).unwrap_err();
        assert!(matches!(err, WriteError::Changed { .. }));
        assert_eq!(fs::read(&p).unwrap(), b"edited elsewhere\n");
        assert!(err.text(Lang::Fr).contains("modifié par ailleurs"));
        write_atomic(&p, b"four\n", Expect::Any).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"four\n");
        // A vanished file is a change too.
        fs::remove_file(&p).unwrap();
        assert!(matches!(
            write_atomic(&p, b"x", Expect::Unchanged(s1)),
            Err(WriteError::Changed { .. })
        ));
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_private_and_existing_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("new.yaml");
        write_atomic(&p, b"a", Expect::New).unwrap();
        let mode = fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, b"b", Expect::Any).unwrap();
        let mode = fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_not_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.yaml");
        fs::write(&p, b"kept\n").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o444)).unwrap();
        let err = write_atomic(&p, b"new\n", Expect::Any).unwrap_err();
        assert!(
            matches!(&err, WriteError::Io { kind, .. } if *kind == io::ErrorKind::PermissionDenied),
            "{err:?}"
        );
        assert!(err.text(Lang::Fr).contains("écriture impossible"));
        assert_eq!(fs::read(&p).unwrap(), b"kept\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn folders_in_root_are_created_private_and_links_out_are_refused() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        fs::create_dir(root.path().join("49")).unwrap();
        let made = folder_in_root(root.path(), Path::new("49/minutes")).unwrap();
        assert_eq!(made, root.path().join("49/minutes"));
        let mode = fs::metadata(&made).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o750);
        // Again: it exists, fine.
        folder_in_root(root.path(), Path::new("49/minutes")).unwrap();
        // A link inside the root is fine, a link out is not; `..` is refused.
        std::os::unix::fs::symlink(
            root.path().join("49/minutes"),
            root.path().join("49/agendas"),
        )
        .unwrap();
        folder_in_root(root.path(), Path::new("49/agendas")).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.path().join("49/reports")).unwrap();
        for rel in ["49/reports", "49/reports/deeper", "49/../..", "/tmp"] {
            let err = folder_in_root(root.path(), Path::new(rel)).unwrap_err();
            assert!(
                matches!(err, WriteError::OutsideRoot { .. }),
                "{rel}: {err:?}"
            );
        }
        assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 0);
        // A file where a folder is expected.
        fs::write(root.path().join("49/file"), b"").unwrap();
        assert!(matches!(
            folder_in_root(root.path(), Path::new("49/file")),
            Err(WriteError::Io { .. })
        ));
    }

    #[test]
    fn a_file_over_the_read_limit_is_not_written_and_says_how_much_to_cut() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.yaml");
        fs::write(&p, b"before\n").unwrap();
        let big = vec![b'a'; 1_056_143];
        let err = write_atomic(&p, &big, Expect::Any).unwrap_err();
        assert!(
            matches!(err, WriteError::TooLarge { bytes: 1_056_143, limit, .. } if limit == MAX_FILE_BYTES),
            "{err:?}"
        );
        assert!(
            err.text(Lang::Fr)
                .contains("raccourcissez le texte d'au moins 8 Kio")
        );
        assert_eq!(fs::read(&p).unwrap(), b"before\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        // Exactly the limit is written (and read back by the loader).
        let most = vec![b'a'; MAX_FILE_BYTES as usize];
        write_atomic(&p, &most, Expect::Any).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_fifo_or_link_to_dev_zero_is_refused_before_a_checked_write() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.yaml");
        let stamp = write_atomic(&p, b"mine\n", Expect::New).unwrap();
        fs::remove_file(&p).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &p).unwrap();
        let err = write_atomic(&p, b"two\n", Expect::Unchanged(stamp.clone())).unwrap_err();
        assert!(matches!(err, WriteError::NotRegular { .. }), "{err:?}");
        assert!(
            err.text(Lang::Fr)
                .contains("n'est plus un fichier ordinaire")
        );
        fs::remove_file(&p).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&p).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped the FIFO: mkfifo is not available");
            return;
        }
        // Without O_NONBLOCK, this would wait for ever for a writer.
        let err = write_atomic(&p, b"two\n", Expect::Unchanged(stamp)).unwrap_err();
        assert!(matches!(err, WriteError::NotRegular { .. }), "{err:?}");
    }

    #[test]
    fn io_errors_carry_the_path_and_kind() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("missing-folder").join("m.yaml");
        let err = write_atomic(&p, b"a", Expect::Any).unwrap_err();
        match &err {
            WriteError::Io { path, kind, .. } => {
                assert_eq!(path, &p);
                assert_eq!(*kind, io::ErrorKind::NotFound);
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(err.text(Lang::En).contains("cannot write"));
    }
}
