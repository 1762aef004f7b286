//! The interface's port to the files: what the interface asks of the workspace, as a
//! trait, so that the interface is tested over a store in memory. [`super::Workspace`]
//! implements it over the data folder.
//!
//! Its types know no guard of the store: a lock taken is kept by the implementation,
//! the interface only hears what came of asking for it ([`LockOutcome`]).

use super::WorkError;
use super::exports::ExportRequest;
use super::rescue::{Rescued, Unsaved, WriteKey};
use crate::domain::{Case, DeptData, Meeting};
use crate::i18n::Lang;
use crate::store::Problem;
use crate::store::lock::LockInfo;
use std::path::{Path, PathBuf};

/// What the interface needs from the store. Meetings are written at once on every change.
pub trait Persist {
    /// Writes a meeting's file atomically (creating it if new).
    fn save_meeting(&mut self, meeting: &Meeting) -> Result<(), WorkError>;
    /// Removes the file of a meeting created in this session (undo of the creation).
    fn delete_meeting(&mut self, id: &str) -> Result<(), WorkError>;
    /// Writes a new case file.
    fn create_case(&mut self, case: &Case) -> Result<(), WorkError> {
        let _ = case;
        Err(WorkError::Unavailable)
    }
    /// Writes an edit of an existing case (one or more fields confirmed in the form): the
    /// file keeps every line but those of the changed values, is written atomically and
    /// only if it is still as last read or written here (else a conflict,
    /// [`WorkError::is_conflict`]), and only if the result is valid
    /// ([`WorkError::Invalid`], nothing written). Gives the case as read back.
    fn save_case(&mut self, case: &Case) -> Result<Case, WorkError> {
        let _ = case;
        Err(WorkError::Unavailable)
    }
    /// Reads one case file again (after a conflict), taking its new stamp.
    fn reload_case(&mut self, id: &str) -> Result<Case, WorkError> {
        let _ = id;
        Err(WorkError::Unavailable)
    }
    /// Writes an export (atomically) and, with `commit`, commits it in the data folder's git
    /// repository; returns the written path.
    fn export(
        &mut self,
        request: &ExportRequest,
        data: &DeptData,
        lang: Lang,
        commit: bool,
    ) -> Result<PathBuf, WorkError> {
        let _ = (request, data, lang, commit);
        Err(WorkError::Unavailable)
    }
    /// Starts (or goes on with) the edit of a case in `$EDITOR`: the file to open, a working
    /// copy beside the case file, so that the case file itself changes only once the edit is
    /// valid. `Ok(None)`: editing is not offered.
    fn begin_case_edit(&mut self, id: &str) -> Result<Option<PathBuf>, WorkError> {
        let _ = id;
        Ok(None)
    }
    /// Reads the working copy back after the editor: unchanged, or written over the case
    /// file (which must still be as it was when the edit began). Invalid
    /// ([`WorkError::Invalid`]) or in conflict with a change made meanwhile by someone else
    /// ([`WorkError::Changed`]): nothing is written, the copy is kept.
    fn finish_case_edit(&mut self, id: &str) -> Result<CaseEdit, WorkError> {
        let _ = id;
        Err(WorkError::Unavailable)
    }
    /// Gives up the edit: the working copy is removed, the case file stays as it is.
    fn discard_case_edit(&mut self, id: &str) -> Result<(), WorkError> {
        let _ = id;
        Ok(())
    }
    /// Writes a meeting's file atomically, refusing (a conflict:
    /// [`WorkError::is_conflict`]) when the file changed on disk since it was read or last
    /// written here. Default: [`Self::save_meeting`], which cannot tell.
    fn save_meeting_checked(&mut self, meeting: &Meeting) -> Result<(), WorkError> {
        self.save_meeting(meeting)
    }
    /// Writes the FIPD programme of its year, refusing (a conflict) a file changed on disk
    /// since it was read or last written here.
    fn save_programme(
        &mut self,
        programme: &crate::domain::fipd::Programme,
    ) -> Result<(), WorkError> {
        let _ = programme;
        Err(WorkError::Unavailable)
    }
    /// Reads a meeting's file again (after a conflict, the user chose theirs; a colleague
    /// changed it), checked against `data`, taking its new stamp. Only that file is read.
    fn reload_meeting(&mut self, id: &str, data: &DeptData) -> Result<Meeting, WorkError> {
        let _ = (id, data);
        Err(WorkError::Unavailable)
    }
    /// Writes a meeting over a file changed on disk (the user chose "keep mine"), taking
    /// the new stamp.
    fn overwrite_meeting(&mut self, meeting: &Meeting) -> Result<(), WorkError> {
        self.save_meeting(meeting)
    }
    /// Takes the lock of a meeting for the séance, keeping it until
    /// [`Self::release_meeting`]. Default: no lock.
    fn lock_meeting(&mut self, id: &str) -> Result<LockOutcome, WorkError> {
        let _ = id;
        Ok(LockOutcome::Acquired)
    }
    /// Takes over a stale lock once the user confirmed.
    fn take_over_lock(&mut self, id: &str, seen: &LockInfo) -> Result<LockOutcome, WorkError> {
        let _ = (id, seen);
        Ok(LockOutcome::Acquired)
    }
    /// Releases the lock of a meeting taken by [`Self::lock_meeting`] (nothing if none).
    fn release_meeting(&mut self, id: &str) {
        let _ = id;
    }
    /// Keeps a rescue copy of what could not be written, outside the data folder
    /// (`workspace::rescue`), replacing the earlier one of the same file. Default: none.
    fn keep_rescue(&mut self, unsaved: Unsaved<'_>) -> Result<(), WorkError> {
        let _ = unsaved;
        Ok(())
    }
    /// A write of `key` succeeded: its rescue copy goes.
    fn drop_rescue(&mut self, key: &WriteKey) {
        let _ = key;
    }
    /// The rescue copies left by an earlier session (asked once, at the start).
    fn rescued(&mut self) -> Vec<Rescued> {
        Vec::new()
    }
    /// Writes a rescue copy back into the data folder, hash-checked against the file it
    /// was made on (a conflict: [`WorkError::is_conflict`]; `overwrite` once the user
    /// chose so); the copy goes once written.
    fn restore(
        &mut self,
        rescued: &Rescued,
        overwrite: bool,
        data: &DeptData,
    ) -> Result<Restored, WorkError> {
        let _ = (rescued, overwrite, data);
        Err(WorkError::Unavailable)
    }
    /// Gives up a rescue copy.
    fn discard_rescue(&mut self, rescued: &Rescued) {
        let _ = rescued;
    }
    /// Writes what could not be written to a file the user names (never over an
    /// existing file).
    fn write_copy(&mut self, unsaved: Unsaved<'_>, path: &Path) -> Result<(), WorkError> {
        let _ = (unsaved, path);
        Err(WorkError::Unavailable)
    }
    /// The path of a data file named by its path under the data root (a problem's file, to
    /// open in the editor); `None` when editing is not offered or the path leaves the root.
    fn data_file(&self, rel: &str) -> Option<PathBuf> {
        let _ = rel;
        None
    }
    /// The data file `rel` (under the data root) read again alone after the user edited it,
    /// whatever the watcher saw: what changed, as [`Self::disk_changes`] tells it.
    fn recheck(&mut self, rel: &str, data: &DeptData) -> Vec<DiskChange> {
        let _ = (rel, data);
        Vec::new()
    }
    /// Whether files changed by someone else are watched ([`Self::disk_changes`] may then
    /// have something to tell without a key being pressed).
    fn watching(&self) -> bool {
        false
    }
    /// Whether the watcher told of files changed since last read (cheap: nothing is read;
    /// the interface then asks [`Self::disk_changes`], with the data to check them against).
    fn changes_pending(&mut self) -> bool {
        false
    }
    /// The files of the département changed on disk by someone else since last asked, each
    /// read again alone and checked against `data`. The app's own writes are told apart
    /// by their stamps and never come back here.
    fn disk_changes(&mut self, data: &DeptData) -> Vec<DiskChange> {
        let _ = data;
        Vec::new()
    }
}

/// A file of the département changed on disk by someone else, as read again.
#[derive(Debug, Clone, PartialEq)]
pub enum DiskChange {
    /// A case file written or added: the case as it now reads.
    Case(Box<Case>),
    /// A case file removed.
    CaseRemoved(String),
    /// A meeting file written or added: the meeting as it now reads.
    Meeting(Box<Meeting>),
    /// A meeting file removed.
    MeetingRemoved(String),
    /// The file of a meeting whose séance is open here: not read, its stamp kept, so that
    /// the séance asks which version to keep (the conflict of a refused save).
    SeanceMeeting(String),
    /// A file that now has problems: the screens keep what they showed, the problems list
    /// gets its problems. `rel` is its path under the data root.
    Invalid { rel: String, problems: Vec<Problem> },
    /// Another file of the département (its department file, a FIPD programme): read
    /// again at the next opening. `rel` is its path under the data root.
    Other { rel: String },
}

/// What a rescue copy became once written back.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    Meeting(Meeting),
    Case(Case),
    Programme(crate::domain::fipd::Programme),
    /// An export, at this path.
    Export(PathBuf),
}

/// What came of editing a case in `$EDITOR`, when nothing went wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum CaseEdit {
    /// Nothing was changed.
    Unchanged,
    /// The edit is valid and was written over the case file.
    Saved(Box<Case>),
}

/// What taking the lock of a meeting found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockOutcome {
    /// Ours until released (or no lock kept by this store).
    Acquired,
    /// Someone else edits it: the séance opens read-only.
    HeldBy(LockInfo),
    /// Left behind: may be taken over after confirmation.
    Stale(LockInfo),
}
