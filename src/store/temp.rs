//! The temporary file of an atomic write, and the permissions of new files.
//!
//! On Linux the temporary file has no name while it is written (`O_TMPFILE`): a crash or
//! a `kill -9` leaves nothing behind, whatever the file holds. It gets a name only to be
//! renamed over the target at once (`linkat`, then `rename`; for a new file, `linkat`
//! straight to the target, which refuses an existing one). Where the system cannot
//! (another kernel, a network share without it), the file is created under a name of the
//! app's own ([`TEMP_PREFIX`]), which `cellule validate` reports when a crash left one.
//!
//! Permissions are set on the open file, never by path: an existing target's mode (and
//! group, when the user may give it); for a new file `0600`, or `0660`/`0640` when its
//! folder is shared by a group ([`new_file_mode`]).

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// The name every named temporary file of the app begins with.
pub const TEMP_PREFIX: &str = ".cellule-tmp-";

/// Whether `name` is a temporary file of the app (this one's, or the `.tmpXXXXXX` of
/// earlier versions).
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX)
        || (name.len() == 10
            && name.starts_with(".tmp")
            && name[4..].bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The group's access to new files, as the config file's `group_access` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupAccess {
    /// `0600`: the owner only (even in a group-shared folder).
    None,
    /// `0640`, in the group of the file's folder.
    Read,
    /// `0660`, in the group of the file's folder.
    Write,
}

/// The group access set for this process (0: none set, the folder decides).
static GROUP_ACCESS: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Sets the group access of every new file of this process (the config file's
/// `group_access`, read once at the start); `None`: taken from each folder.
pub fn set_group_access(access: Option<GroupAccess>) {
    let code = match access {
        None => 0,
        Some(GroupAccess::None) => 1,
        Some(GroupAccess::Read) => 2,
        Some(GroupAccess::Write) => 3,
    };
    GROUP_ACCESS.store(code, std::sync::atomic::Ordering::SeqCst);
}

fn group_access() -> Option<GroupAccess> {
    match GROUP_ACCESS.load(std::sync::atomic::Ordering::SeqCst) {
        1 => Some(GroupAccess::None),
        2 => Some(GroupAccess::Read),
        3 => Some(GroupAccess::Write),
        _ => None,
    }
}

/// The group to give a new file in `dir`: the folder's, when the config file gives the
/// group access (in a setgid folder the system does it already).
pub fn new_file_group(dir: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match group_access() {
            Some(GroupAccess::Read | GroupAccess::Write) => fs::metadata(dir).ok().map(|m| m.gid()),
            _ => None,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// The mode of a new file in `dir`: as the config file's `group_access` says if it does;
/// else `0600`, or for a folder shared by a group (setgid, with group read and write)
/// `0660`, or `0640` if the group may only read. Never any access for others.
pub fn new_file_mode(dir: &Path) -> u32 {
    match group_access() {
        Some(GroupAccess::None) => return 0o600,
        Some(GroupAccess::Read) => return 0o640,
        Some(GroupAccess::Write) => return 0o660,
        None => {}
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(meta) = fs::metadata(dir) else {
            return 0o600;
        };
        let mode = meta.permissions().mode();
        if mode & 0o2000 == 0 {
            return 0o600;
        }
        match (mode & 0o040 != 0, mode & 0o020 != 0) {
            (true, true) => 0o660,
            (true, false) => 0o640,
            _ => 0o600,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        0o600
    }
}

/// A temporary file being written.
pub struct Temp {
    pub file: File,
    name: Option<PathBuf>,
}

/// What the target is to become.
pub struct Mode {
    pub mode: u32,
    /// The group to give the file (an existing target's), if any.
    pub group: Option<u32>,
}

impl Temp {
    /// A new temporary file in `dir`, with `mode` set on the open file.
    pub fn new_in(dir: &Path, mode: &Mode) -> io::Result<Temp> {
        let temp = match unnamed(dir) {
            Some(file) => Temp { file, name: None },
            None => {
                let named = tempfile::Builder::new()
                    .prefix(TEMP_PREFIX)
                    .rand_bytes(8)
                    .tempfile_in(dir)?;
                let (file, path) = named.keep().map_err(|e| e.error)?;
                Temp {
                    file,
                    name: Some(path),
                }
            }
        };
        let set = temp.set_mode(mode);
        if let Err(e) = set {
            temp.discard();
            return Err(e);
        }
        Ok(temp)
    }

    #[cfg(unix)]
    fn set_mode(&self, mode: &Mode) -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        if let Some(gid) = mode.group {
            // Best effort: only a member of the group may give it.
            let _ = std::os::unix::fs::fchown(&self.file, None, Some(gid));
        }
        self.file
            .set_permissions(fs::Permissions::from_mode(mode.mode & 0o7777))
    }

    #[cfg(not(unix))]
    fn set_mode(&self, _mode: &Mode) -> io::Result<()> {
        Ok(())
    }

    /// Removes the temporary file (nothing to do for an unnamed one).
    pub fn discard(self) {
        if let Some(name) = &self.name {
            let _ = fs::remove_file(name);
        }
    }

    /// Puts the written file at `target`, replacing what is there.
    pub fn replace(self, target: &Path, dir: &Path) -> io::Result<()> {
        let name = match &self.name {
            Some(name) => name.clone(),
            None => {
                let name = dir.join(format!("{TEMP_PREFIX}{}", fastish_suffix()));
                link_unnamed(&self.file, &name)?;
                name
            }
        };
        match fs::rename(&name, target) {
            Ok(()) => Ok(()),
            Err(e) => {
                let _ = fs::remove_file(&name);
                Err(e)
            }
        }
    }

    /// Puts the written file at `target`, which must not exist.
    pub fn create(self, target: &Path) -> io::Result<()> {
        match &self.name {
            None => link_unnamed(&self.file, target),
            Some(name) => {
                let linked = fs::hard_link(name, target);
                let _ = fs::remove_file(name);
                linked
            }
        }
    }
}

/// A suffix for the short-lived name of an unnamed file: the process id and a counter.
fn fastish_suffix() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!(
        "{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

#[cfg(target_os = "linux")]
fn unnamed(dir: &Path) -> Option<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .write(true)
        .mode(0o600)
        .custom_flags(libc::O_TMPFILE)
        .open(dir)
        .ok()
}

#[cfg(not(target_os = "linux"))]
fn unnamed(_dir: &Path) -> Option<File> {
    None
}

#[cfg(target_os = "linux")]
fn link_unnamed(file: &File, target: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let proc_path = format!("/proc/self/fd/{}", file.as_raw_fd());
    rustix::fs::linkat(
        rustix::fs::CWD,
        proc_path.as_str(),
        rustix::fs::CWD,
        target,
        rustix::fs::AtFlags::SYMLINK_FOLLOW,
    )
    .map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn link_unnamed(_file: &File, _target: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// The app's temporary files left in `dir` (by a crash), sorted.
pub fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| is_temp_name(&e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// Removes the app's temporary files in `dir` last changed over `age` ago (a crash left
/// them; one being written now is younger); returns how many were removed.
pub fn remove_stale(dir: &Path, age: std::time::Duration) -> usize {
    let now = std::time::SystemTime::now();
    leftovers(dir)
        .into_iter()
        .filter(|p| {
            fs::symlink_metadata(p)
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).is_ok_and(|d| d >= age))
        })
        .filter(|p| fs::remove_file(p).is_ok())
        .count()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;

    fn mode_of(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn a_written_file_is_put_in_place_and_leaves_no_temporary_name() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.yaml");
        let mode = Mode {
            mode: 0o600,
            group: None,
        };
        let mut t = Temp::new_in(dir.path(), &mode).unwrap();
        // Nothing named while it is written, on Linux.
        #[cfg(target_os = "linux")]
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
        t.file.write_all(b"one\n").unwrap();
        t.create(&target).unwrap();
        let mut t = Temp::new_in(dir.path(), &mode).unwrap();
        t.file.write_all(b"two\n").unwrap();
        t.replace(&target, dir.path()).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two\n");
        assert!(leftovers(dir.path()).is_empty());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert_eq!(mode_of(&target), 0o600);
    }

    #[test]
    fn group_shared_folders_give_group_access_never_others() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::set_permissions(d, fs::Permissions::from_mode(0o750)).unwrap();
        assert_eq!(new_file_mode(d), 0o600);
        fs::set_permissions(d, fs::Permissions::from_mode(0o2770)).unwrap();
        assert_eq!(new_file_mode(d), 0o660);
        fs::set_permissions(d, fs::Permissions::from_mode(0o2750)).unwrap();
        assert_eq!(new_file_mode(d), 0o640);
        fs::set_permissions(d, fs::Permissions::from_mode(0o2777)).unwrap();
        assert_eq!(new_file_mode(d), 0o660);
    }

    #[test]
    fn temporary_names_of_the_app_are_told() {
        assert!(is_temp_name(".cellule-tmp-abc"));
        assert!(is_temp_name(".tmpA1b2C3"));
        assert!(!is_temp_name(".tmpfoo.yaml"));
        assert!(!is_temp_name("49-2026-001.yaml"));
    }
}
