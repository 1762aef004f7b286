//! Files changed on disk by someone else while the interface is open (a colleague on the
//! share, a `git pull`): noticed by the file-system's own notices (`notify`: inotify on
//! Linux), or by looking at the files every [`POLL_EVERY`] where those notices cannot be
//! trusted: a network share (NFS, SMB, a FUSE mount: a colleague's write on another machine
//! sends no notice here), a native watcher that could not start, or `watch: poll` in the
//! config file.
//!
//! This module only says which files of the département were touched; the workspace reads
//! each of them again alone and tells its own writes apart by their stamps.

use notify::{EventKind, RecursiveMode, Watcher as _};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// How often the files are looked at when the native notices are not used.
pub const POLL_EVERY: Duration = Duration::from_secs(2);

/// How files changed by someone else are noticed (`watch:` in the config file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WatchMode {
    /// The system's notices, or looking every 2 s on a network share or when they fail.
    #[default]
    Auto,
    /// Looking at the files every 2 s.
    Poll,
    /// Not noticed (read again only at the next opening).
    Off,
}

impl WatchMode {
    /// `auto`, `poll` or `off`.
    pub fn parse(text: &str) -> Option<WatchMode> {
        match text {
            "auto" => Some(WatchMode::Auto),
            "poll" => Some(WatchMode::Poll),
            "off" => Some(WatchMode::Off),
            _ => None,
        }
    }
}

/// How the folder is watched once started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watching {
    /// The system's notices.
    Native,
    /// Looking at the files every [`POLL_EVERY`].
    Poll,
}

/// Kept only to be alive: dropping it stops the watch.
#[allow(dead_code)]
enum Inner {
    Native(notify::RecommendedWatcher),
    Poll(Poller),
}

/// A département's folder watched: the paths touched since last asked.
pub struct FolderWatch {
    _inner: Inner,
    paths: Receiver<PathBuf>,
    kind: Watching,
}

impl FolderWatch {
    /// Starts watching `folder` and everything under it; `None` when off or when neither
    /// way could start (the interface then works as before, without noticing).
    pub fn start(folder: &Path, mode: WatchMode) -> Option<FolderWatch> {
        let (tx, paths) = channel();
        if mode == WatchMode::Off {
            return None;
        }
        if mode == WatchMode::Auto && !on_network_share(folder) {
            let sender = tx.clone();
            let handler = move |event: notify::Result<notify::Event>| {
                if let Ok(event) = event
                    && !matches!(event.kind, EventKind::Access(_))
                {
                    for path in event.paths {
                        let _ = sender.send(path);
                    }
                }
            };
            let native = notify::recommended_watcher(handler).and_then(|mut w| {
                w.watch(folder, RecursiveMode::Recursive)?;
                Ok(w)
            });
            if let Ok(w) = native {
                return Some(FolderWatch {
                    _inner: Inner::Native(w),
                    paths,
                    kind: Watching::Native,
                });
            }
        }
        let poller = Poller::start(folder, tx)?;
        Some(FolderWatch {
            _inner: Inner::Poll(poller),
            paths,
            kind: Watching::Poll,
        })
    }

    pub fn kind(&self) -> Watching {
        self.kind
    }

    /// The paths created, written, renamed or removed since last asked, once each.
    pub fn touched(&self) -> BTreeSet<PathBuf> {
        self.paths.try_iter().collect()
    }
}

/// Looks at the files every [`POLL_EVERY`]: a file whose modification time (to the
/// nanosecond, where the file system keeps it), size or inode changed, or that came or
/// went, is told. Only the département's folder and its direct sub-folders are looked at
/// (`cases/`, `meetings/`, `fipd/`: a few `stat` calls per file, no content read).
struct Poller {
    stop: Arc<AtomicBool>,
}

/// What is compared of a file.
type Seen = HashMap<PathBuf, (Option<std::time::SystemTime>, u64, u64)>;

impl Poller {
    fn start(folder: &Path, tx: Sender<PathBuf>) -> Option<Poller> {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let folder = folder.to_path_buf();
        let mut seen = look(&folder);
        std::thread::Builder::new()
            .name("cellule-poll".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(POLL_EVERY);
                    if flag.load(Ordering::Relaxed) {
                        return;
                    }
                    let now = look(&folder);
                    let gone = seen.keys().filter(|p| !now.contains_key(*p));
                    let changed = now.iter().filter(|(p, m)| seen.get(*p) != Some(m));
                    for path in changed.map(|(p, _)| p).chain(gone) {
                        if tx.send(path.clone()).is_err() {
                            return;
                        }
                    }
                    seen = now;
                }
            })
            .ok()?;
        Some(Poller { stop })
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The files of `folder` and of its direct sub-folders, with what is compared of each.
fn look(folder: &Path) -> Seen {
    let mut seen = Seen::new();
    let mut folders = vec![(folder.to_path_buf(), 0)];
    while let Some((dir, depth)) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                if depth == 0 {
                    folders.push((entry.path(), 1));
                }
                continue;
            }
            #[cfg(unix)]
            let inode = std::os::unix::fs::MetadataExt::ino(&meta);
            #[cfg(not(unix))]
            let inode = 0;
            seen.insert(entry.path(), (meta.modified().ok(), meta.len(), inode));
        }
    }
    seen
}

/// What a touched path is, in the département folder `<root>/<code>/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    Case(String),
    Meeting(String),
    /// Another data file of the département (its department file, a FIPD programme), by
    /// its path under the data root.
    Other(String),
}

/// Sorts a touched path: a case or meeting file by its id, another YAML file of the
/// département, or nothing (hidden files such as working copies and locks, exports,
/// temporary files, folders).
pub fn classify(dept_folder: &Path, code: &str, path: &Path) -> Option<Touched> {
    let rel = path.strip_prefix(dept_folder).ok()?;
    let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
    let name = *parts.last()?;
    if name.starts_with('.') {
        return None;
    }
    let stem = name.strip_suffix(".yaml")?;
    match parts.as_slice() {
        ["cases", _] if crate::domain::ids::is_file_id(stem) => Some(Touched::Case(stem.into())),
        ["meetings", _] if crate::domain::ids::is_file_id(stem) => {
            Some(Touched::Meeting(stem.into()))
        }
        ["department.yaml"] | ["fipd", _] => {
            Some(Touched::Other(format!("{code}/{}", parts.join("/"))))
        }
        _ => None,
    }
}

/// Whether `folder` is on a file system whose changes made elsewhere send no notice here.
#[cfg(target_os = "linux")]
fn on_network_share(folder: &Path) -> bool {
    // Magic numbers of statfs(2): NFS, SMB, CIFS, SMB2, FUSE (sshfs...), Coda, AFS, 9p, Ceph.
    const REMOTE: [u32; 9] = [
        0x6969,
        0x517B,
        0xFF53_4D42,
        0xFE53_4D42,
        0x6573_5546,
        0x7375_7245,
        0x5346_414F,
        0x0102_1997,
        0x00C3_6400,
    ];
    match rustix::fs::statfs(folder) {
        // The field's width differs between architectures; the magic numbers fit in 32 bits.
        #[allow(clippy::unnecessary_cast)]
        Ok(fs) => REMOTE.contains(&(fs.f_type as u32)),
        Err(_) => false,
    }
}

#[cfg(not(target_os = "linux"))]
fn on_network_share(_folder: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touched_paths_are_sorted_by_what_they_hold() {
        let dept = Path::new("/d/49");
        let c = |p: &str| classify(dept, "49", &dept.join(p));
        assert_eq!(
            c("cases/49-2026-001.yaml"),
            Some(Touched::Case("49-2026-001".into()))
        );
        assert_eq!(
            c("meetings/2026-12-14-cpraf.yaml"),
            Some(Touched::Meeting("2026-12-14-cpraf".into()))
        );
        assert_eq!(
            c("department.yaml"),
            Some(Touched::Other("49/department.yaml".into()))
        );
        assert_eq!(
            c("fipd/2026.yaml"),
            Some(Touched::Other("49/fipd/2026.yaml".into()))
        );
        // Working copies, locks, exports, temporary files and folders are not data files.
        for p in [
            "cases/.49-2026-001.yaml.edit.yaml",
            "meetings/2026-12-14-cpraf.yaml.lock",
            "minutes/2026-12-14-cpraf.partners.md",
            "meetings/.cellule-tmp-1",
            "cases",
            "cases/sub/49-2026-001.yaml",
        ] {
            assert_eq!(c(p), None, "{p}");
        }
        assert_eq!(classify(dept, "49", Path::new("/elsewhere/x.yaml")), None);
    }

    #[test]
    fn the_modes_of_the_config_file() {
        assert_eq!(WatchMode::parse("auto"), Some(WatchMode::Auto));
        assert_eq!(WatchMode::parse("poll"), Some(WatchMode::Poll));
        assert_eq!(WatchMode::parse("off"), Some(WatchMode::Off));
        assert_eq!(WatchMode::parse("inotify"), None);
        assert!(FolderWatch::start(Path::new("."), WatchMode::Off).is_none());
    }

    #[test]
    fn a_write_is_noticed_natively_and_by_looking() {
        for mode in [WatchMode::Auto, WatchMode::Poll] {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir(dir.path().join("cases")).unwrap();
            let watch = FolderWatch::start(dir.path(), mode).unwrap();
            if mode == WatchMode::Poll {
                assert_eq!(watch.kind(), Watching::Poll);
            }
            let file = dir.path().join("cases/49-2026-001.yaml");
            std::fs::write(&file, "id: 49-2026-001\n").unwrap();
            let deadline = std::time::Instant::now() + POLL_EVERY * 5;
            let mut seen = BTreeSet::new();
            while !seen.contains(&file) && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
                seen.extend(watch.touched());
            }
            assert!(seen.contains(&file), "{mode:?}: {seen:?}");
        }
    }
}

#[cfg(test)]
mod workspace_tests {
    use crate::store::{Expect, load_root, write_atomic};
    use crate::workspace::{DiskChange, Persist, WatchMode, Workspace};
    use std::time::{Duration, Instant};

    /// What the workspace tells within a few seconds (the watcher's notices are not
    /// instantaneous); stops at the first non-empty answer.
    fn changes(ws: &mut Workspace, data: &crate::domain::DeptData) -> Vec<DiskChange> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let found = ws.disk_changes(data);
            if !found.is_empty() || Instant::now() > deadline {
                return found;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    #[test]
    fn own_writes_never_come_back_and_a_colleagues_write_does_read_alone() {
        let dir = tempfile::tempdir().unwrap();
        crate::workspace::setup::copy_demo(dir.path()).unwrap();
        let loaded = load_root(dir.path()).unwrap();
        let dept = &loaded.depts[0];
        let data = dept.data.clone();
        let mut ws = Workspace::new(dir.path(), dept);
        assert!(ws.watch(WatchMode::Auto).is_some());
        assert!(ws.watching());

        // The app's own save: its notice is told apart by the stamp.
        let mut meeting = data.meetings[0].clone();
        meeting.difficulties = Some("Écrit par l'application".into());
        ws.save_meeting(&meeting).unwrap();
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(ws.disk_changes(&data), Vec::new());

        // A colleague's edit of a case file: that case, read again.
        let case = &data.cases[0];
        let file = dir.path().join(format!("49/cases/{}.yaml", case.id));
        let text = std::fs::read_to_string(&file).unwrap();
        let theirs = text.replace(&format!("label: {}", case.label), "label: Z.Z.");
        assert_ne!(text, theirs);
        write_atomic(&file, theirs.as_bytes(), Expect::Any).unwrap();
        match changes(&mut ws, &data).as_slice() {
            [DiskChange::Case(c)] => assert_eq!(c.label, "Z.Z."),
            other => panic!("{other:?}"),
        }

        // A meeting whose séance is open here is not read: the séance asks.
        let id = data.meetings[1].id.clone();
        assert_eq!(
            ws.lock_meeting(&id).unwrap(),
            crate::workspace::LockOutcome::Acquired
        );
        let path = crate::store::meeting_path(dir.path(), "49", &id);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.extend_from_slice(b"# un commentaire\n");
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(
            changes(&mut ws, &data),
            vec![DiskChange::SeanceMeeting(id.clone())]
        );
        ws.release_meeting(&id);

        // A file that no longer reads gives its problems; a removed one is told once.
        std::fs::write(&file, "id: [\n").unwrap();
        match changes(&mut ws, &data).as_slice() {
            [DiskChange::Invalid { rel, problems }] => {
                assert_eq!(rel, &format!("49/cases/{}.yaml", case.id));
                assert!(!problems.is_empty());
            }
            other => panic!("{other:?}"),
        }
        std::fs::remove_file(&file).unwrap();
        assert_eq!(
            changes(&mut ws, &data),
            vec![DiskChange::CaseRemoved(case.id.clone())]
        );
    }

    #[test]
    fn a_problems_file_is_opened_inside_the_root_only_and_read_again_alone() {
        let dir = tempfile::tempdir().unwrap();
        crate::workspace::setup::copy_demo(dir.path()).unwrap();
        let loaded = load_root(dir.path()).unwrap();
        let data = loaded.depts[0].data.clone();
        let mut ws = Workspace::new(dir.path(), &loaded.depts[0]);
        let case = &data.cases[0];
        let rel = format!("49/cases/{}.yaml", case.id);
        assert_eq!(ws.data_file(&rel), Some(dir.path().join(&rel)));
        assert_eq!(ws.data_file("../etc/passwd"), None);
        assert_eq!(ws.data_file("/etc/passwd"), None);
        assert_eq!(ws.data_file("75/cases/x.yaml"), None);
        // Not changed: nothing to tell. Changed: read again alone, without a watcher.
        assert_eq!(ws.recheck(&rel, &data), Vec::new());
        let file = dir.path().join(&rel);
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(
            &file,
            text.replace(&format!("label: {}", case.label), "label: Y.Y."),
        )
        .unwrap();
        match ws.recheck(&rel, &data).as_slice() {
            [DiskChange::Case(c)] => assert_eq!(c.label, "Y.Y."),
            other => panic!("{other:?}"),
        }
    }
}
