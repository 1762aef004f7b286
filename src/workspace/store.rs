//! [`Workspace`]: the data folder the interface works on, through its [`Persist`] port.

use super::watch::{FolderWatch, Touched, WatchMode, Watching};
use super::{CaseEdit, DiskChange, ExportRequest, IoOp, LockOutcome, Persist, WorkError, exports};
use crate::domain::{Case, DeptData, Meeting};
use crate::i18n::Lang;
use crate::store::{self, Expect, LoadedDept, Stamp, WriteError, write_atomic};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One data folder and one département as the commands and the interface work on them:
/// the stamps of the meeting files as last read or written, the locks of the séances,
/// the cases being edited in `$EDITOR`.
pub struct Workspace {
    root: PathBuf,
    code: String,
    /// The hash of each file as last read or written: meetings by id, programmes as
    /// `fipd/<year>`, cases as `cases/<id>`, the department file as `department.yaml`.
    stamps: HashMap<String, Stamp>,
    /// The locks of the meetings whose séance is open, by meeting id.
    locks: HashMap<String, store::lock::MeetingLock>,
    /// The directory and bodies, to check an edited case.
    department: crate::domain::Department,
    /// The cases being edited in `$EDITOR`, by case id.
    edits: HashMap<String, CaseEditSession>,
    /// The département's folder watched for changes made by someone else (the interface).
    watch: Option<FolderWatch>,
}

/// A case being edited: the file as it was when the edit began, and the working copy.
struct CaseEditSession {
    original: Vec<u8>,
    copy: PathBuf,
}

/// The working copy of a case file: hidden, beside it (`.<id>.yaml.edit.yaml`), so that
/// the loader skips it and an editor still sees a YAML file.
fn edit_copy_path(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    file.with_file_name(format!(".{name}.edit.yaml"))
}

impl Workspace {
    pub fn new(root: &Path, dept: &LoadedDept) -> Workspace {
        let code = dept.data.code().to_string();
        let prefix = format!("{code}/meetings/");
        let fipd = format!("{code}/");
        let stamps = dept
            .stamps
            .iter()
            .filter_map(|(rel, stamp)| {
                // Meetings by id; programmes as `fipd/<year>`, cases as `cases/<id>` (no
                // meeting id has a `/`); the department file by its name.
                if rel.strip_prefix(&fipd) == Some("department.yaml") {
                    return Some(("department.yaml".to_string(), stamp.clone()));
                }
                let id = match rel.strip_prefix(&prefix) {
                    Some(id) => id,
                    None => rel
                        .strip_prefix(&fipd)
                        .filter(|r| r.starts_with("fipd/") || r.starts_with("cases/"))?,
                };
                Some((id.strip_suffix(".yaml")?.to_string(), stamp.clone()))
            })
            .collect();
        Workspace {
            root: root.to_path_buf(),
            code,
            stamps,
            locks: HashMap::new(),
            department: dept.data.department.clone(),
            edits: HashMap::new(),
            watch: None,
        }
    }

    /// Starts noticing the files changed by someone else ([`Persist::disk_changes`]); says
    /// how, or `None` when off or when it could not start.
    pub fn watch(&mut self, mode: WatchMode) -> Option<Watching> {
        self.watch = FolderWatch::start(&self.root.join(&self.code), mode);
        self.watch.as_ref().map(FolderWatch::kind)
    }

    /// One touched file read again, unless its bytes are those last read or written here.
    fn read_again(&mut self, touched: Touched, data: &DeptData) -> Option<DiskChange> {
        let (key, path) = match &touched {
            Touched::Case(id) => (format!("cases/{id}"), self.case_file(id)),
            Touched::Meeting(id) => (id.clone(), store::meeting_path(&self.root, &self.code, id)),
            Touched::Other(rel) => {
                let key = rel.strip_prefix(&format!("{}/", self.code))?;
                let key = key.strip_suffix(".yaml").filter(|k| k.starts_with("fipd/"));
                (
                    key.unwrap_or("department.yaml").to_string(),
                    self.root.join(rel),
                )
            }
        };
        if std::fs::symlink_metadata(&path).is_err() {
            // Removed (or renamed away): told once, if it was known.
            self.stamps.remove(&key)?;
            return match touched {
                Touched::Case(id) => Some(DiskChange::CaseRemoved(id)),
                Touched::Meeting(id) => Some(DiskChange::MeetingRemoved(id)),
                Touched::Other(rel) => Some(DiskChange::Other { rel }),
            };
        }
        // Unreadable now (a link, a pipe, too large): the full read below says why.
        let stamp = read_safely(&path).ok().map(|bytes| Stamp::of(&bytes));
        if stamp.is_some() && stamp.as_ref() == self.stamps.get(&key) {
            return None;
        }
        let rel = |kind: &str, id: &str| format!("{}/{kind}/{id}.yaml", self.code);
        match touched {
            Touched::Meeting(id) if self.locks.contains_key(&id) => {
                Some(DiskChange::SeanceMeeting(id))
            }
            Touched::Meeting(id) => match store::read_meeting(&self.root, data, &id) {
                Ok((meeting, stamp)) => {
                    self.stamps.insert(key, stamp);
                    Some(DiskChange::Meeting(Box::new(meeting)))
                }
                Err(problems) => Some(DiskChange::Invalid {
                    rel: rel("meetings", &id),
                    problems,
                }),
            },
            Touched::Case(id) => match store::read_case(&self.root, &self.department, &id) {
                Ok((case, stamp)) => {
                    self.stamps.insert(key, stamp);
                    Some(DiskChange::Case(Box::new(case)))
                }
                Err(problems) => Some(DiskChange::Invalid {
                    rel: rel("cases", &id),
                    problems,
                }),
            },
            Touched::Other(rel) => {
                if let Some(stamp) = stamp {
                    self.stamps.insert(key, stamp);
                }
                Some(DiskChange::Other { rel })
            }
        }
    }

    fn case_file(&self, id: &str) -> PathBuf {
        self.root
            .join(&self.code)
            .join("cases")
            .join(format!("{id}.yaml"))
    }

    fn expect(&self, id: &str) -> Expect {
        match self.stamps.get(id) {
            Some(stamp) => Expect::Unchanged(stamp.clone()),
            None => Expect::New,
        }
    }

    /// Keeps the lock when acquired; the interface only hears what came of asking.
    fn keep_lock(&mut self, id: &str, state: store::lock::LockState) -> LockOutcome {
        use store::lock::LockState;
        match state {
            LockState::Acquired(lock) => {
                self.locks.insert(id.to_string(), lock);
                LockOutcome::Acquired
            }
            LockState::HeldBy(info) => LockOutcome::HeldBy(info),
            LockState::Stale(info) => LockOutcome::Stale(info),
        }
    }
}

impl Persist for Workspace {
    fn save_meeting(&mut self, meeting: &Meeting) -> Result<(), WorkError> {
        let expect = self.expect(&meeting.id);
        let stamp = store::save_meeting(&self.root, &self.code, meeting, expect)?;
        self.stamps.insert(meeting.id.clone(), stamp);
        Ok(())
    }

    fn delete_meeting(&mut self, id: &str) -> Result<(), WorkError> {
        let path = store::meeting_path(&self.root, &self.code, id);
        let current = read_safely(&path)?;
        if self.stamps.get(id) != Some(&Stamp::of(&current)) {
            return Err(WorkError::Changed { path });
        }
        std::fs::remove_file(&path).map_err(|e| WorkError::io(&path, IoOp::Remove, &e))?;
        self.stamps.remove(id);
        Ok(())
    }

    fn create_case(&mut self, case: &Case) -> Result<(), WorkError> {
        let rel = Path::new(&self.code).join("cases");
        store::folder_in_root(&self.root, &rel)?;
        let path = self.case_file(&case.id);
        let stamp = write_atomic(&path, store::new_case_yaml(case).as_bytes(), Expect::New)?;
        self.stamps.insert(format!("cases/{}", case.id), stamp);
        Ok(())
    }

    fn export(
        &mut self,
        request: &ExportRequest,
        data: &DeptData,
        lang: Lang,
        commit: bool,
    ) -> Result<PathBuf, WorkError> {
        let file = exports::render(
            &request.to_export(chrono::Local::now().date_naive()),
            data,
            lang,
        )?;
        exports::deliver(&self.root, &self.code, &file, commit)
    }

    fn begin_case_edit(&mut self, id: &str) -> Result<Option<PathBuf>, WorkError> {
        if let Some(edit) = self.edits.get(id) {
            return Ok(Some(edit.copy.clone()));
        }
        let file = self.case_file(id);
        if !file.is_file() {
            return Ok(None);
        }
        let original = read_safely(&file)?;
        let copy = edit_copy_path(&file);
        write_atomic(&copy, &original, Expect::Any)?;
        self.edits.insert(
            id.to_string(),
            CaseEditSession {
                original,
                copy: copy.clone(),
            },
        );
        Ok(Some(copy))
    }

    fn finish_case_edit(&mut self, id: &str) -> Result<CaseEdit, WorkError> {
        let file = self.case_file(id);
        let Some(edit) = self.edits.get_mut(id) else {
            return Err(WorkError::Unavailable);
        };
        let edited = read_safely(&edit.copy)?;
        if edited == edit.original {
            let _ = std::fs::remove_file(&edit.copy);
            self.edits.remove(id);
            return Ok(CaseEdit::Unchanged);
        }
        let case = store::check_case_text(&self.department, id, &edited).map_err(|problems| {
            WorkError::Invalid {
                path: file.clone(),
                problems,
            }
        })?;
        match write_atomic(&file, &edited, Expect::Unchanged(Stamp::of(&edit.original))) {
            Ok(stamp) => {
                let _ = std::fs::remove_file(&edit.copy);
                self.edits.remove(id);
                self.stamps.insert(format!("cases/{id}"), stamp);
                Ok(CaseEdit::Saved(Box::new(case)))
            }
            Err(WriteError::Changed { path }) => {
                // Their version becomes the one the next save replaces, once the user has
                // seen the conflict and saved again.
                if let Ok(theirs) = read_safely(&file) {
                    edit.original = theirs;
                }
                Err(WorkError::Changed { path })
            }
            Err(e) => Err(e.into()),
        }
    }

    fn discard_case_edit(&mut self, id: &str) -> Result<(), WorkError> {
        if let Some(edit) = self.edits.remove(id) {
            match std::fs::remove_file(&edit.copy) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(WorkError::io(&edit.copy, IoOp::Remove, &e)),
            }
        }
        Ok(())
    }

    fn save_meeting_checked(&mut self, meeting: &Meeting) -> Result<(), WorkError> {
        self.save_meeting(meeting)
    }

    fn save_programme(&mut self, p: &crate::domain::fipd::Programme) -> Result<(), WorkError> {
        let key = format!("fipd/{}", p.year);
        let rel = store::decode_fipd::programme_rel(&self.code, p.year);
        let expect = match self.stamps.get(&key) {
            Some(stamp) => Expect::Unchanged(stamp.clone()),
            None if self.root.join(&rel).exists() => Expect::Any,
            None => Expect::New,
        };
        let stamp = store::encode_fipd::save_programme(&self.root, &self.code, p, expect)?;
        self.stamps.insert(key, stamp);
        Ok(())
    }

    fn reload_meeting(&mut self, id: &str, data: &DeptData) -> Result<Meeting, WorkError> {
        match store::read_meeting(&self.root, data, id) {
            Ok((meeting, stamp)) => {
                self.stamps.insert(id.to_string(), stamp);
                Ok(meeting)
            }
            Err(problems) => Err(WorkError::Invalid {
                path: store::meeting_path(&self.root, &self.code, id),
                problems,
            }),
        }
    }

    fn overwrite_meeting(&mut self, meeting: &Meeting) -> Result<(), WorkError> {
        let stamp = store::save_meeting(&self.root, &self.code, meeting, Expect::Any)?;
        self.stamps.insert(meeting.id.clone(), stamp);
        Ok(())
    }

    fn lock_meeting(&mut self, id: &str) -> Result<LockOutcome, WorkError> {
        if self.locks.contains_key(id) {
            return Ok(LockOutcome::Acquired);
        }
        let file = store::meeting_path(&self.root, &self.code, id);
        let state =
            store::lock::acquire(&file).map_err(|e| WorkError::io(&file, IoOp::Lock, &e))?;
        Ok(self.keep_lock(id, state))
    }

    fn take_over_lock(
        &mut self,
        id: &str,
        seen: &store::lock::LockInfo,
    ) -> Result<LockOutcome, WorkError> {
        let file = store::meeting_path(&self.root, &self.code, id);
        let state = store::lock::take_over(&file, seen)
            .map_err(|e| WorkError::io(&file, IoOp::Lock, &e))?;
        Ok(self.keep_lock(id, state))
    }

    fn release_meeting(&mut self, id: &str) {
        if let Some(lock) = self.locks.remove(id) {
            let _ = lock.release();
        }
    }

    fn data_file(&self, rel: &str) -> Option<PathBuf> {
        let path = Path::new(rel);
        let inside = path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        (inside && path.starts_with(&self.code)).then(|| self.root.join(path))
    }

    fn recheck(&mut self, rel: &str, data: &DeptData) -> Vec<DiskChange> {
        let folder = self.root.join(&self.code);
        super::watch::classify(&folder, &self.code, &self.root.join(rel))
            .and_then(|t| self.read_again(t, data))
            .into_iter()
            .collect()
    }

    fn watching(&self) -> bool {
        self.watch.is_some()
    }

    fn disk_changes(&mut self, data: &DeptData) -> Vec<DiskChange> {
        let Some(watch) = self.watch.as_ref() else {
            return Vec::new();
        };
        let folder = self.root.join(&self.code);
        let touched: Vec<Touched> = watch
            .touched()
            .iter()
            .filter_map(|path| super::watch::classify(&folder, &self.code, path))
            .collect();
        touched
            .into_iter()
            .filter_map(|t| self.read_again(t, data))
            .collect()
    }
}

/// A file of the data folder read as the store reads it: never through a link, never
/// blocking on a pipe or a device, never past the size the loader would accept.
fn read_safely(path: &std::path::Path) -> Result<Vec<u8>, WorkError> {
    use crate::store::read::{ReadError, read_file};
    read_file(path, crate::store::read::MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Io(e) => WorkError::io(path, IoOp::Read, &e),
        ReadError::NotRegular => WorkError::io(
            path,
            IoOp::Read,
            &std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file"),
        ),
        ReadError::TooLarge { bytes, limit } => WorkError::io(
            path,
            IoOp::Read,
            &std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                format!("{bytes} > {limit} bytes"),
            ),
        ),
    })
}
