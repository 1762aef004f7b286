//! [`Workspace`]: the data folder the interface works on, through its [`Persist`] port.

use super::rescue::{self, RescueKind, Rescued, Unsaved, WriteKey};
use super::watch::{FolderWatch, Touched, WatchMode, Watching};
use super::{
    CaseEdit, DiskChange, ExportRequest, IoOp, LockOutcome, Persist, Restored, WorkError, exports,
};
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
    /// The folder of the rescue copies of this data root (`None`: no state folder).
    rescue: Option<PathBuf>,
    /// The département's folder watched for changes made by someone else (the interface).
    watch: Option<FolderWatch>,
    /// Paths the watcher told of, not read yet.
    touched: std::collections::BTreeSet<PathBuf>,
}

/// What a rescue copy holds: kind, id, path in the data root, base stamp, bytes.
type UnsavedBytes = (RescueKind, String, PathBuf, Option<Stamp>, Vec<u8>);

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
        let cases = format!("{code}/cases/");
        let stamps = dept
            .stamps
            .iter()
            .filter_map(|(rel, stamp)| {
                // Meetings by id; programmes as `fipd/<year>`, cases as `cases/<id>` (no
                // meeting id has a `/`); the department file by its name.
                if rel.strip_prefix(&fipd) == Some("department.yaml") {
                    return Some(("department.yaml".to_string(), stamp.clone()));
                }
                if let Some(id) = rel.strip_prefix(&cases) {
                    return Some((
                        format!("cases/{}", id.strip_suffix(".yaml")?),
                        stamp.clone(),
                    ));
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
            rescue: rescue::folder_for(root),
            watch: None,
            touched: Default::default(),
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

    /// What an unsaved write holds: its kind, id, path in the data root, the stamp of the
    /// file it was made on, and its bytes.
    fn unsaved_bytes(&self, unsaved: Unsaved<'_>) -> Result<UnsavedBytes, WorkError> {
        let code = Path::new(&self.code);
        Ok(match unsaved {
            Unsaved::Meeting(m) => (
                RescueKind::Meeting,
                m.id.clone(),
                code.join("meetings").join(format!("{}.yaml", m.id)),
                self.stamps.get(&m.id).cloned(),
                store::meeting_to_yaml(m).into_bytes(),
            ),
            Unsaved::Programme(p) => (
                RescueKind::Programme,
                p.year.to_string(),
                PathBuf::from(store::decode_fipd::programme_rel(&self.code, p.year)),
                self.stamps.get(&format!("fipd/{}", p.year)).cloned(),
                store::encode_fipd::programme_yaml(p).into_bytes(),
            ),
            Unsaved::Case(c) => (
                RescueKind::Case,
                c.id.clone(),
                code.join("cases").join(format!("{}.yaml", c.id)),
                None,
                store::new_case_yaml(c).into_bytes(),
            ),
            Unsaved::CaseEdit(c) => {
                let (base, bytes) = self.case_edit_bytes(c);
                (
                    RescueKind::Case,
                    c.id.clone(),
                    code.join("cases").join(format!("{}.yaml", c.id)),
                    base,
                    bytes,
                )
            }
            Unsaved::Export {
                request,
                data,
                lang,
            } => {
                let file = exports::render(
                    &request.to_export(chrono::Local::now().date_naive()),
                    data,
                    lang,
                )?;
                let target = code.join(&file.rel);
                let name = target.to_string_lossy().into_owned();
                (RescueKind::Export, name, target, None, file.bytes)
            }
        })
    }

    /// What the case form's save of `case` would have written, and the stamp of the file it
    /// edits: the file read now and edited with the fewest changed lines, else (unreadable)
    /// the case written anew over the file last read.
    fn case_edit_bytes(&self, case: &Case) -> (Option<Stamp>, Vec<u8>) {
        let known = self.stamps.get(&format!("cases/{}", case.id)).cloned();
        let current = read_safely(&self.case_file(&case.id)).ok();
        let text = current.as_deref().and_then(|b| std::str::from_utf8(b).ok());
        match (current.as_deref(), text) {
            (Some(bytes), Some(text)) => {
                let bom = text.starts_with('\u{feff}');
                let edited =
                    store::encode_case::edit_case(text.trim_start_matches('\u{feff}'), case);
                let edited = if bom {
                    format!("\u{feff}{edited}")
                } else {
                    edited
                };
                (Some(Stamp::of(bytes)), edited.into_bytes())
            }
            _ => (known, store::new_case_yaml(case).into_bytes()),
        }
    }

    /// Writes a rescue copy's bytes to its target, checked as `expect` says.
    fn put_back(&self, r: &Rescued, expect: Expect) -> Result<Stamp, WorkError> {
        if !r.target.starts_with(&self.code) {
            return Err(WorkError::Refused {
                path: Some(r.target.clone()),
                msg: crate::i18n::Msg::WriteOutsideRoot,
            });
        }
        if let Some(parent) = r.target.parent() {
            store::folder_in_root(&self.root, parent)?;
        }
        Ok(write_atomic(&self.root.join(&r.target), &r.bytes, expect)?)
    }

    /// Removes the app's temporary files a crash left in the département's folders (those
    /// not changed for 5 minutes: never one another instance is writing); how many.
    pub fn clean_leftovers(&self) -> usize {
        let dept = self.root.join(&self.code);
        let age = std::time::Duration::from_secs(300);
        [
            "", "cases", "meetings", "minutes", "agendas", "reports", "fipd",
        ]
        .iter()
        .map(|sub| store::temp::remove_stale(&dept.join(sub), age))
        .sum()
    }

    /// Keeps the rescue copies in `dir` instead of the user's state folder (`None`: none).
    pub fn set_rescue_folder(&mut self, dir: Option<PathBuf>) {
        self.rescue = dir;
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

    fn save_case(&mut self, case: &Case) -> Result<Case, WorkError> {
        // Never through a folder linked out of the data root.
        store::folder_in_root(&self.root, &Path::new(&self.code).join("cases"))?;
        let path = self.case_file(&case.id);
        let key = format!("cases/{}", case.id);
        let current = read_safely(&path)?;
        let stamp = Stamp::of(&current);
        if self.stamps.get(&key).is_some_and(|known| known != &stamp) {
            return Err(WorkError::Changed { path });
        }
        let Ok(text) = std::str::from_utf8(&current) else {
            return Err(WorkError::Changed { path });
        };
        let bom = text.starts_with('\u{feff}');
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // A file that does not load is never written over.
        if store::check_case_text(&self.department, &case.id, text.as_bytes()).is_err() {
            return Err(WorkError::Changed { path });
        }
        let edited = store::encode_case::edit_case(text, case);
        let saved = store::check_case_text(&self.department, &case.id, edited.as_bytes()).map_err(
            |problems| WorkError::Invalid {
                path: path.clone(),
                problems,
            },
        )?;
        let bytes = if bom {
            format!("\u{feff}{edited}")
        } else {
            edited
        };
        let stamp = write_atomic(&path, bytes.as_bytes(), Expect::Unchanged(stamp))?;
        self.stamps.insert(key, stamp);
        Ok(saved)
    }

    fn reload_case(&mut self, id: &str) -> Result<Case, WorkError> {
        let path = self.case_file(id);
        let bytes = read_safely(&path)?;
        let case = store::check_case_text(&self.department, id, &bytes).map_err(|problems| {
            WorkError::Invalid {
                path: path.clone(),
                problems,
            }
        })?;
        self.stamps.insert(format!("cases/{id}"), Stamp::of(&bytes));
        Ok(case)
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

    fn keep_rescue(&mut self, unsaved: Unsaved<'_>) -> Result<(), WorkError> {
        let Some(dir) = self.rescue.clone() else {
            return Err(WorkError::Unavailable);
        };
        let key = unsaved.key();
        let (kind, id, target, base, bytes) = self.unsaved_bytes(unsaved)?;
        rescue::keep(&dir, &key, kind, &id, &target, base.as_ref(), &bytes)?;
        Ok(())
    }

    fn drop_rescue(&mut self, key: &WriteKey) {
        if let Some(dir) = &self.rescue {
            rescue::drop_copy(dir, key);
        }
    }

    fn rescued(&mut self) -> Vec<Rescued> {
        self.rescue.as_deref().map(rescue::list).unwrap_or_default()
    }

    fn restore(
        &mut self,
        r: &Rescued,
        overwrite: bool,
        data: &DeptData,
    ) -> Result<Restored, WorkError> {
        let expect = match (&r.base, r.kind) {
            _ if overwrite => Expect::Any,
            (_, RescueKind::Export) => Expect::Any,
            (Some(base), _) => Expect::Unchanged(base.clone()),
            (None, _) => Expect::New,
        };
        let path = self.root.join(&r.target);
        let invalid = |problems| WorkError::Invalid {
            path: path.clone(),
            problems,
        };
        let restored = match r.kind {
            RescueKind::Meeting => {
                self.put_back(r, expect)?;
                Restored::Meeting(self.reload_meeting(&r.id, data)?)
            }
            RescueKind::Case => {
                let case =
                    store::check_case_text(&self.department, &r.id, &r.bytes).map_err(invalid)?;
                self.put_back(r, expect)?;
                Restored::Case(case)
            }
            RescueKind::Programme => {
                let text = String::from_utf8_lossy(&r.bytes);
                let programme =
                    r.id.parse()
                        .ok()
                        .and_then(|year| store::encode_fipd::decode(&text, year))
                        .ok_or_else(|| invalid(Vec::new()))?;
                let stamp = self.put_back(r, expect)?;
                self.stamps
                    .insert(format!("fipd/{}", programme.year), stamp);
                Restored::Programme(programme)
            }
            RescueKind::Export => {
                self.put_back(r, expect)?;
                Restored::Export(path)
            }
        };
        self.discard_rescue(r);
        Ok(restored)
    }

    fn discard_rescue(&mut self, r: &Rescued) {
        let _ = std::fs::remove_file(&r.file);
    }

    fn write_copy(&mut self, unsaved: Unsaved<'_>, path: &Path) -> Result<(), WorkError> {
        let (_, _, _, _, bytes) = self.unsaved_bytes(unsaved)?;
        // Outside the data folder, where the user chose: a new file (never over one),
        // `0600`, synced.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let written = options.open(path).and_then(|mut f| {
            std::io::Write::write_all(&mut f, &bytes)?;
            f.sync_all()
        });
        written.map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                WorkError::Exists {
                    path: path.to_path_buf(),
                }
            } else {
                WorkError::io(path, IoOp::Write, &e)
            }
        })
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

    fn changes_pending(&mut self) -> bool {
        if let Some(watch) = self.watch.as_ref() {
            self.touched.extend(watch.touched());
        }
        !self.touched.is_empty()
    }

    fn disk_changes(&mut self, data: &DeptData) -> Vec<DiskChange> {
        if !self.changes_pending() {
            return Vec::new();
        }
        let folder = self.root.join(&self.code);
        let touched: Vec<Touched> = std::mem::take(&mut self.touched)
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
