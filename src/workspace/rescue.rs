//! Rescue copies: what the interface could not write into the data folder, kept at once
//! outside it, in the user's own state folder, until a write succeeds or the user
//! chooses. The folder is `0700`, each copy `0600`: never in the shared folder, never
//! readable by another account.
//!
//! Where: `$CELLULE_STATE_DIR` if set, else the state folder of `directories`
//! (`~/.local/state/cellule` on Linux), else its local data folder; then
//! `rescue/<16 hex digits of the data root's path>/`. One file per pending write
//! (`meeting-<id>`, `case-<id>`, `programme-<year>`, `export-<…>`), a few header lines then
//! the bytes that were to be written.

use super::WorkError;
use super::exports::ExportRequest;
use crate::domain::{Case, Meeting};
use crate::store::Stamp;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which file of the data folder a write is for: one pending write per key, the latest
/// content replacing the earlier.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WriteKey {
    Meeting(String),
    Programme(i32),
    Case(String),
    Export(ExportRequest),
}

impl Unsaved<'_> {
    /// The file it is for.
    pub fn key(&self) -> WriteKey {
        match self {
            Unsaved::Meeting(m) => WriteKey::Meeting(m.id.clone()),
            Unsaved::Programme(p) => WriteKey::Programme(p.year),
            Unsaved::Case(c) | Unsaved::CaseEdit(c) => WriteKey::Case(c.id.clone()),
            Unsaved::Export { request, .. } => WriteKey::Export((*request).clone()),
        }
    }
}

impl WriteKey {
    /// The rescue copy's file name (no id has a `/`; an export is named by a digest of
    /// its request).
    pub fn file_name(&self) -> String {
        match self {
            WriteKey::Meeting(id) => format!("meeting-{id}"),
            WriteKey::Programme(year) => format!("programme-{year}"),
            WriteKey::Case(id) => format!("case-{id}"),
            WriteKey::Export(request) => {
                let digest = Sha256::digest(format!("{request:?}").as_bytes());
                let short: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
                format!("export-{short}")
            }
        }
    }
}

/// What could not be written, as the interface holds it.
#[derive(Debug, Clone, Copy)]
pub enum Unsaved<'a> {
    Meeting(&'a Meeting),
    Programme(&'a crate::domain::fipd::Programme),
    /// A new case.
    Case(&'a Case),
    /// A case file edited by the case form: its copy is the file as the form would have
    /// left it (the fewest changed lines), to be written back only over the file it was made on.
    CaseEdit(&'a Case),
    /// An export: its bytes and path are made from the data.
    Export {
        request: &'a ExportRequest,
        data: &'a crate::domain::DeptData,
        lang: crate::i18n::Lang,
    },
}

/// The kind of file a rescue copy is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RescueKind {
    Meeting,
    Programme,
    Case,
    Export,
}

impl RescueKind {
    fn name(self) -> &'static str {
        match self {
            RescueKind::Meeting => "meeting",
            RescueKind::Programme => "programme",
            RescueKind::Case => "case",
            RescueKind::Export => "export",
        }
    }

    fn parse(text: &str) -> Option<RescueKind> {
        [
            RescueKind::Meeting,
            RescueKind::Programme,
            RescueKind::Case,
            RescueKind::Export,
        ]
        .into_iter()
        .find(|k| k.name() == text)
    }
}

/// A rescue copy found in the state folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rescued {
    /// The copy itself.
    pub file: PathBuf,
    pub kind: RescueKind,
    /// The meeting or case id, the programme's year, the export's file name.
    pub id: String,
    /// Where it goes, relative to the data root.
    pub target: PathBuf,
    /// The stamp of the file the unsaved change was made on (`None`: a new file, or an
    /// export, which replaces whatever is there).
    pub base: Option<Stamp>,
    /// When it was kept (RFC 3339, UTC).
    pub kept: String,
    pub bytes: Vec<u8>,
}

const MAGIC: &str = "cellule-rescue 1";

/// The folder of the rescue copies of the data root `root`.
pub fn folder_for(root: &Path) -> Option<PathBuf> {
    let base = match std::env::var_os("CELLULE_STATE_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => {
            let dirs = directories::ProjectDirs::from("fr", "", "cellule")?;
            dirs.state_dir()
                .unwrap_or_else(|| dirs.data_local_dir())
                .to_path_buf()
        }
    };
    let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let digest = Sha256::digest(real.to_string_lossy().as_bytes());
    let short: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    Some(base.join("rescue").join(short))
}

/// Creates `dir` and its missing parents, `0700` (a folder that exists is made `0700`).
fn private_folder(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder.create(dir)?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    builder.create(dir)
}

/// Writes a rescue copy into `dir` (atomically, `0600`), replacing the earlier one of the
/// same key.
#[allow(clippy::too_many_arguments)]
pub fn keep(
    dir: &Path,
    key: &WriteKey,
    kind: RescueKind,
    id: &str,
    target: &Path,
    base: Option<&Stamp>,
    bytes: &[u8],
) -> Result<PathBuf, WorkError> {
    use super::IoOp;
    private_folder(dir).map_err(|e| WorkError::io(dir, IoOp::Write, &e))?;
    let path = dir.join(key.file_name());
    let mut head = format!(
        "{MAGIC}\nkind: {}\nid: {id}\ntarget: {}\nbase: {}\nkept: {}\n\n",
        kind.name(),
        target.to_string_lossy().replace('\n', " "),
        base.map_or_else(|| "-".to_string(), Stamp::to_hex),
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    )
    .into_bytes();
    head.extend_from_slice(bytes);
    // `tempfile` creates its file `0600` on Unix.
    let mut tmp =
        tempfile::NamedTempFile::new_in(dir).map_err(|e| WorkError::io(dir, IoOp::Write, &e))?;
    tmp.write_all(&head)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| WorkError::io(&path, IoOp::Write, &e))?;
    tmp.persist(&path)
        .map_err(|e| WorkError::io(&path, IoOp::Write, &e.error))?;
    Ok(path)
}

/// Removes the rescue copy of `key`, if any.
pub fn drop_copy(dir: &Path, key: &WriteKey) {
    let _ = std::fs::remove_file(dir.join(key.file_name()));
}

/// The rescue copies kept in `dir`, oldest first. A file that is not one is skipped.
pub fn list(dir: &Path) -> Vec<Rescued> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Rescued> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let bytes =
                crate::store::read::read_file(&e.path(), crate::store::read::MAX_FILE_BYTES * 2)
                    .ok()?;
            parse(&e.path(), &bytes)
        })
        .collect();
    found.sort_by(|a, b| a.kept.cmp(&b.kept).then(a.file.cmp(&b.file)));
    found
}

fn parse(file: &Path, bytes: &[u8]) -> Option<Rescued> {
    let end = bytes.windows(2).position(|w| w == b"\n\n")?;
    let head = std::str::from_utf8(&bytes[..end]).ok()?;
    let mut lines = head.lines();
    if lines.next()? != MAGIC {
        return None;
    }
    let mut field = |name: &str| -> Option<String> {
        let line = lines.next()?;
        line.strip_prefix(name)?
            .strip_prefix(": ")
            .map(str::to_string)
    };
    let kind = RescueKind::parse(&field("kind")?)?;
    let id = field("id")?;
    let target = PathBuf::from(field("target")?);
    let base = field("base")?;
    let kept = field("kept")?;
    // The target stays inside the data root.
    if target.is_absolute()
        || target
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        return None;
    }
    Some(Rescued {
        file: file.to_path_buf(),
        kind,
        id,
        target,
        base: Stamp::from_hex(&base),
        kept,
        bytes: bytes[end + 2..].to_vec(),
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_copy_is_private_read_back_and_dropped() {
        let holder = tempfile::tempdir().unwrap();
        let dir = holder.path().join("state/rescue/x");
        let key = WriteKey::Meeting("2026-11-30-cpraf".into());
        let stamp = Stamp::of(b"before");
        let path = keep(
            &dir,
            &key,
            RescueKind::Meeting,
            "2026-11-30-cpraf",
            Path::new("49/meetings/2026-11-30-cpraf.yaml"),
            Some(&stamp),
            b"id: x\n\nnotes: deux lignes\n",
        )
        .unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir), 0o700);
        let found = list(&dir);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].bytes, b"id: x\n\nnotes: deux lignes\n");
        assert_eq!(found[0].base, Some(stamp));
        assert_eq!(found[0].kind, RescueKind::Meeting);
        drop_copy(&dir, &key);
        assert!(list(&dir).is_empty());
    }

    #[test]
    fn a_copy_naming_a_target_outside_the_root_is_ignored() {
        let text =
            format!("{MAGIC}\nkind: meeting\nid: x\ntarget: ../../etc/x\nbase: -\nkept: t\n\nx");
        assert!(parse(Path::new("f"), text.as_bytes()).is_none());
    }
}
