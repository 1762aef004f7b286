//! Whether the data can be read by the other users of the machine.
//!
//! The files hold very sensitive personal data. `cellule` creates its folders `0750`
//! and its files `0600`, but a data folder copied, unpacked or cloned with the usual
//! umask is open to every account of the machine. This looks at the folders only (a
//! folder closed to others protects everything inside it): the data root, then each
//! département folder.

use std::path::{Path, PathBuf};

/// A folder that the other users of the machine can enter or list, with its mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenFolder {
    pub path: PathBuf,
    /// The permission bits (`0o755`).
    pub mode: u32,
}

/// The département folders (`folders`, names under `root`) that other users can reach:
/// none when the root itself is closed to them.
pub fn open_to_others(root: &Path, folders: &[&str]) -> Vec<OpenFolder> {
    let Some(root_mode) = mode(root) else {
        return Vec::new();
    };
    // Others cannot go through the root: nothing under it is reachable.
    if root_mode & 0o001 == 0 {
        return Vec::new();
    }
    folders
        .iter()
        .map(|f| root.join(f))
        .filter_map(|path| {
            let mode = mode(&path)?;
            (mode & 0o005 != 0).then_some(OpenFolder { path, mode })
        })
        .collect()
}

#[cfg(unix)]
fn mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o777)
}

/// Elsewhere, access is governed by lists the permission bits do not show.
#[cfg(not(unix))]
fn mode(_path: &Path) -> Option<u32> {
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::fs::{self, Permissions};
    use std::os::unix::fs::PermissionsExt;

    fn chmod(path: &Path, mode: u32) {
        fs::set_permissions(path, Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn open_folders_are_found_only_when_others_can_reach_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in ["49", "2A"] {
            fs::create_dir(root.join(f)).unwrap();
        }
        chmod(&root.join("49"), 0o755);
        chmod(&root.join("2A"), 0o750);
        chmod(root, 0o755);
        let open = open_to_others(root, &["49", "2A"]);
        assert_eq!(
            open,
            vec![OpenFolder {
                path: root.join("49"),
                mode: 0o755
            }]
        );
        // A root closed to others protects everything under it.
        chmod(root, 0o750);
        assert!(open_to_others(root, &["49", "2A"]).is_empty());
        // Listing alone (o+r) is enough to be reported.
        chmod(root, 0o701);
        chmod(&root.join("49"), 0o704);
        assert_eq!(open_to_others(root, &["49"]).len(), 1);
        chmod(root, 0o700);
    }
}
