//! The lock of a meeting being edited: `<meeting-id>.yaml.lock` next to the meeting file.
//!
//! The lock file holds who edits (user, host, pid, since when) as `key: value` lines, and
//! the holder keeps an operating-system lock on it (`File::try_lock`) for as long as its
//! [`MeetingLock`] lives; dropping the guard removes the file. A second instance finds the
//! file locked and opens the meeting read-only, naming the holder ([`LockState::HeldBy`]).
//!
//! A lock is stale ([`LockState::Stale`]) when it is older than [`STALE_AFTER_HOURS`], or
//! when it was taken on this host by a process that no longer holds it (its pid is dead,
//! or nobody holds the operating-system lock any more). A stale lock is taken over with
//! [`take_over`] once the user has confirmed.

use chrono::{DateTime, SecondsFormat, SubsecRound, TimeDelta, Utc};
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// A lock older than this is stale, whoever holds it.
pub const STALE_AFTER_HOURS: i64 = 12;

/// The most of a lock file that is read (a real one is a hundred bytes).
const MAX_LOCK_BYTES: u64 = 4096;

/// Who holds a lock, as written in the lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockInfo {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// When the lock was taken.
    pub since: DateTime<Utc>,
}

impl LockInfo {
    /// This process, since `now` (to the second, as the file keeps it).
    pub fn here(now: DateTime<Utc>) -> Self {
        LockInfo {
            user: current_user(),
            host: current_host(),
            pid: std::process::id(),
            since: now,
        }
        .as_written()
    }

    /// As the lock file keeps it: one line per value, the time to the second.
    pub fn as_written(&self) -> Self {
        LockInfo {
            user: one_line(&self.user),
            host: one_line(&self.host),
            pid: self.pid,
            since: self.since.trunc_subsecs(0),
        }
    }

    /// The text of the lock file.
    pub fn to_text(&self) -> String {
        format!(
            "# cellule: meeting being edited\nuser: {}\nhost: {}\npid: {}\nsince: {}\n",
            one_line(&self.user),
            one_line(&self.host),
            self.pid,
            self.since.to_rfc3339_opts(SecondsFormat::Secs, true)
        )
    }

    /// Reads the text of a lock file; `None` when it is not one (empty, cut short, garbage).
    pub fn parse(text: &str) -> Option<Self> {
        let (mut user, mut host, mut pid, mut since) = (None, None, None, None);
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (key, value) = line.split_once(':')?;
            let value = value.trim();
            match key.trim() {
                "user" => user = Some(value.to_string()),
                "host" => host = Some(value.to_string()),
                "pid" => pid = value.parse::<u32>().ok(),
                "since" => {
                    since = DateTime::parse_from_rfc3339(value)
                        .ok()
                        .map(|t| t.with_timezone(&Utc));
                }
                _ => {}
            }
        }
        Some(LockInfo {
            user: user?,
            host: host?,
            pid: pid?,
            since: since?,
        })
    }

    /// How long the lock has been held on `now` (zero when its clock was ahead).
    pub fn age(&self, now: DateTime<Utc>) -> TimeDelta {
        (now - self.since).max(TimeDelta::zero())
    }

    /// The same holder: host, pid and time.
    fn same_holder(&self, other: &LockInfo) -> bool {
        self.host == other.host && self.pid == other.pid && self.since == other.since
    }
}

/// What [`acquire`] found.
#[derive(Debug)]
pub enum LockState {
    /// The meeting is ours to edit while the guard lives.
    Acquired(MeetingLock),
    /// Someone else edits it: open read-only and say who.
    HeldBy(LockInfo),
    /// A lock left behind: it may be taken over with [`take_over`] after confirmation.
    Stale(LockInfo),
}

/// The lock of a meeting held by this process. Dropping it removes the lock file.
#[derive(Debug)]
pub struct MeetingLock {
    path: PathBuf,
    info: LockInfo,
    /// Keeps the operating-system lock; closed last.
    file: File,
}

impl MeetingLock {
    /// What the lock file says.
    pub fn info(&self) -> &LockInfo {
        &self.info
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The lock file is still this holder's (it was not taken over as stale meanwhile).
    /// Worth asking before writing after a long pause.
    pub fn still_ours(&self) -> bool {
        if cfg!(unix) {
            // The very file this guard locked is still the one at the path.
            is_same_file(&self.file, &self.path)
        } else {
            matches!(read_info(&self.path), Ok(Some(info)) if info.same_holder(&self.info))
        }
    }

    /// Releases the lock now, reporting a failure to remove the lock file.
    pub fn release(mut self) -> io::Result<()> {
        let result = self.remove_if_ours();
        // Already removed (or not ours): nothing left for `drop` to do.
        self.path = PathBuf::new();
        result
    }

    /// Removes the lock file unless someone has taken it over meanwhile.
    fn remove_if_ours(&mut self) -> io::Result<()> {
        if self.path.as_os_str().is_empty() || !self.still_ours() {
            return Ok(());
        }
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

impl Drop for MeetingLock {
    fn drop(&mut self) {
        // Best effort: a lock file left behind is found stale next time.
        let _ = self.remove_if_ours();
        let _ = self.file.unlock();
    }
}

/// The lock file of a meeting file: `<meeting-id>.yaml.lock` next to it.
pub fn lock_path(meeting_file: &Path) -> PathBuf {
    let mut name = meeting_file.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// A file name that is a meeting's lock (`<meeting-id>.yaml.lock`): not a data file, to be
/// skipped when the meetings folder is read.
pub fn is_lock_file(name: &str) -> bool {
    name.ends_with(".yaml.lock")
}

/// Tries to take the lock of `meeting_file` for this process.
pub fn acquire(meeting_file: &Path) -> io::Result<LockState> {
    acquire_as(
        meeting_file,
        LockInfo::here(Utc::now()),
        Utc::now(),
        pid_alive,
    )
}

/// Takes over a stale lock, after the user confirmed. `seen` is the holder shown to them:
/// if the lock changed hands since, nothing is taken over and the new state is returned.
pub fn take_over(meeting_file: &Path, seen: &LockInfo) -> io::Result<LockState> {
    take_over_as(
        meeting_file,
        seen,
        LockInfo::here(Utc::now()),
        Utc::now(),
        pid_alive,
    )
}

/// How many times [`acquire_as`] starts again when the lock file is replaced under it.
const ATTEMPTS: usize = 5;

/// [`acquire`] for a given holder and time, and a given way to tell live processes.
pub fn acquire_as(
    meeting_file: &Path,
    me: LockInfo,
    now: DateTime<Utc>,
    alive: impl Fn(u32) -> bool,
) -> io::Result<LockState> {
    let me = me.as_written();
    let path = lock_path(meeting_file);
    let mut attempt = 0;
    loop {
        attempt += 1;
        refuse_link(&path)?;
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        set_lock_mode(&file, &path);
        let os_locked = match file.try_lock() {
            Ok(()) => false,
            Err(TryLockError::WouldBlock) => true,
            Err(TryLockError::Error(e)) => return Err(e),
        };
        // The file was removed (its holder ended) or replaced (taken over) between the
        // opening and the locking: the lock taken is on a file nobody else sees.
        if !os_locked && !is_same_file(&file, &path) {
            if attempt < ATTEMPTS {
                continue;
            }
            return Err(io::Error::other("the lock file keeps changing"));
        }
        let found = if os_locked {
            match read_info(&path) {
                Err(e) if e.kind() == io::ErrorKind::NotFound && attempt < ATTEMPTS => continue,
                other => other?,
            }
        } else {
            LockInfo::parse(&read_limited(&mut file)?)
        };
        return match found {
            // Locked by a process that has not written its name yet (or wrote garbage).
            None if os_locked => Ok(LockState::HeldBy(unknown_holder(now))),
            None => {
                write_info(&mut file, &me)?;
                Ok(LockState::Acquired(MeetingLock {
                    path,
                    info: me,
                    file,
                }))
            }
            Some(info) if is_stale(&info, &me.host, now, os_locked, &alive) => {
                Ok(LockState::Stale(info))
            }
            Some(info) => Ok(LockState::HeldBy(info)),
        };
    }
}

/// [`take_over`] for a given holder and time.
pub fn take_over_as(
    meeting_file: &Path,
    seen: &LockInfo,
    me: LockInfo,
    now: DateTime<Utc>,
    alive: impl Fn(u32) -> bool,
) -> io::Result<LockState> {
    let me = me.as_written();
    // Only the stale lock the user was shown is taken over; anything else is reported.
    match acquire_as(meeting_file, me.clone(), now, &alive)? {
        LockState::Stale(info) if info.same_holder(seen) => {}
        other => return Ok(other),
    }
    // The old holder may still keep the operating-system lock on the old file (a session
    // left open overnight): a new file takes its place, and the old holder, seeing another
    // name in it, leaves it alone when it ends.
    let path = lock_path(meeting_file);
    match fs::remove_file(&path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let mut file = match OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(file) => {
            set_lock_mode(&file, &path);
            file
        }
        // Someone else was quicker.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            return acquire_as(meeting_file, me, now, alive);
        }
        Err(e) => return Err(e),
    };
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return acquire_as(meeting_file, me, now, alive),
        Err(TryLockError::Error(e)) => return Err(e),
    }
    write_info(&mut file, &me)?;
    Ok(LockState::Acquired(MeetingLock {
        path,
        info: me,
        file,
    }))
}

/// A lock file that is not a regular file (a symbolic link planted in the shared folder,
/// say) is refused: opening it to write would create or truncate what it points to.
fn refuse_link(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if !meta.file_type().is_file() => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the lock file is not a regular file (symbolic link?)",
        )),
        _ => Ok(()),
    }
}

/// The open `file` is the one at `path` now (a symbolic link put there since is not).
#[cfg(unix)]
fn is_same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// The open `file` is the one at `path` now (not checked on this system).
#[cfg(not(unix))]
fn is_same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// A lock is stale when older than [`STALE_AFTER_HOURS`], or when it was taken on this
/// host (`here`) and its process is dead or no longer holds the operating-system lock.
pub fn is_stale(
    info: &LockInfo,
    here: &str,
    now: DateTime<Utc>,
    os_locked: bool,
    alive: impl Fn(u32) -> bool,
) -> bool {
    if info.age(now) >= TimeDelta::hours(STALE_AFTER_HOURS) {
        return true;
    }
    info.host == here && (!os_locked || !alive(info.pid))
}

/// The process `pid` runs on this host. Where this cannot be known, it is assumed alive
/// (the lock then goes stale by age only).
pub fn pid_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// The user name, from `$USER` or `$USERNAME`.
pub fn current_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|v| one_line(&v))
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "?".to_string())
}

/// The host name, from `/etc/hostname`, the kernel, or `$HOSTNAME`.
pub fn current_host() -> String {
    let from_files = ["/etc/hostname", "/proc/sys/kernel/hostname"]
        .iter()
        .filter_map(|p| fs::read_to_string(p).ok());
    from_files
        .chain(std::env::var("HOSTNAME").ok())
        .chain(std::env::var("COMPUTERNAME").ok())
        .map(|v| one_line(&v))
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "?".to_string())
}

/// A holder whose name could not be read.
fn unknown_holder(now: DateTime<Utc>) -> LockInfo {
    LockInfo {
        user: "?".to_string(),
        host: "?".to_string(),
        pid: 0,
        since: now,
    }
}

/// A value fit for one `key: value` line: first line, no control characters, trimmed.
fn one_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

/// The lock file is `0600`, or `0640` in a group-shared folder, whatever the umask: set on
/// the open file. Best effort: a lock file of another user keeps its mode.
fn set_lock_mode(file: &File, path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = path.parent().unwrap_or(Path::new("."));
        let mode = super::temp::new_file_mode(dir) & 0o640;
        let _ = file.set_permissions(fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (file, path);
}

fn read_limited(file: &mut File) -> io::Result<String> {
    file.seek(SeekFrom::Start(0))?;
    let mut bytes = Vec::new();
    file.take(MAX_LOCK_BYTES).read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn read_info(path: &Path) -> io::Result<Option<LockInfo>> {
    let mut file = File::open(path)?;
    Ok(LockInfo::parse(&read_limited(&mut file)?))
}

fn write_info(file: &mut File, info: &LockInfo) -> io::Result<()> {
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(info.to_text().as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn info(host: &str, pid: u32, since: &str) -> LockInfo {
        LockInfo {
            user: "alice".into(),
            host: host.into(),
            pid,
            since: at(since),
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_is_private_or_group_readable_whatever_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        // SAFETY: umask only changes the mode of files created meanwhile; it is restored.
        let old = unsafe { libc::umask(0) };
        let dir = tempfile::tempdir().unwrap();
        let meeting = dir.path().join("m.yaml");
        let held = acquire(&meeting).unwrap();
        let private = mode(&lock_path(&meeting));
        drop(held);
        let shared = tempfile::tempdir().unwrap();
        fs::set_permissions(shared.path(), fs::Permissions::from_mode(0o2770)).unwrap();
        let meeting = shared.path().join("m.yaml");
        let held = acquire(&meeting).unwrap();
        let group = mode(&lock_path(&meeting));
        drop(held);
        unsafe { libc::umask(old) };
        assert_eq!(private, 0o600);
        assert_eq!(group, 0o640);
    }

    #[test]
    fn lock_file_text_reads_back() {
        let i = info("poste-12", 4242, "2026-11-30T13:25:00Z");
        assert_eq!(LockInfo::parse(&i.to_text()), Some(i.clone()));
        assert!(
            i.to_text()
                .contains("user: alice\nhost: poste-12\npid: 4242\nsince: 2026-11-30T13:25:00Z\n")
        );
        let odd = LockInfo {
            user: "a: b\nc".into(),
            host: "h\u{1b}[2J".into(),
            ..i
        };
        let back = LockInfo::parse(&odd.to_text()).unwrap();
        assert_eq!((back.user.as_str(), back.host.as_str()), ("a: b", "h[2J"));
    }

    #[test]
    fn garbage_is_no_lock_info() {
        for text in [
            "",
            "user: a",
            "nonsense",
            "user: a\nhost: b\npid: x\nsince: 2026-11-30T13:25:00Z",
        ] {
            assert_eq!(LockInfo::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn staleness() {
        let now = at("2026-11-30T14:00:00Z");
        let alive = |_: u32| true;
        let dead = |_: u32| false;
        let fresh = info("here", 1, "2026-11-30T13:00:00Z");
        assert!(!is_stale(&fresh, "here", now, true, alive));
        assert!(is_stale(&fresh, "here", now, true, dead));
        assert!(
            is_stale(&fresh, "here", now, false, alive),
            "nobody holds it on this host"
        );
        let elsewhere = info("there", 1, "2026-11-30T13:00:00Z");
        assert!(
            !is_stale(&elsewhere, "here", now, false, dead),
            "a pid elsewhere says nothing"
        );
        let old = info("there", 1, "2026-11-30T01:59:59Z");
        assert!(is_stale(&old, "here", now, true, alive));
        let almost = info("there", 1, "2026-11-30T02:00:01Z");
        assert!(!is_stale(&almost, "here", now, true, alive));
        let future = info("there", 1, "2026-12-30T02:00:00Z");
        assert!(!is_stale(&future, "here", now, true, alive));
        assert_eq!(future.age(now), TimeDelta::zero());
    }

    #[test]
    fn this_process_is_alive() {
        assert!(pid_alive(std::process::id()));
        if cfg!(target_os = "linux") {
            assert!(!pid_alive(u32::MAX));
        }
    }

    #[test]
    fn lock_path_sits_next_to_the_meeting() {
        assert_eq!(
            lock_path(Path::new("/d/75/meetings/2026-11-30-cpraf.yaml")),
            PathBuf::from("/d/75/meetings/2026-11-30-cpraf.yaml.lock")
        );
        assert!(is_lock_file("2026-11-30-cpraf.yaml.lock"));
        assert!(!is_lock_file("2026-11-30-cpraf.yaml"));
        assert!(!is_lock_file("notes.lock"));
    }
}
