//! The effects, in two halves: the work on the files (`perform`, through the `Persist`
//! port: on the worker thread while the interface runs), and what its outcome changes in
//! the state (`answer`, on the event loop). A failed write keeps its rescue copy at once,
//! on the worker, before the answer comes back.

use super::super::app::App;
use super::super::strings::{self, T};
use super::super::unsaved::Write;
use super::super::update::{self, Effect};
use crate::domain::{DeptData, Meeting};
use crate::i18n::Lang;
use crate::workspace::{
    CaseEdit, LockOutcome, Persist, Rescued, Restored, Unsaved, WorkError, WriteKey,
};
use std::path::PathBuf;
use std::sync::Arc;

/// Work for the files, with what it needs of the state.
pub(crate) struct Job {
    pub work: Work,
    /// The loaded data, for the work that reads it (exports, checks of a file read again).
    pub data: Option<Arc<DeptData>>,
    pub lang: Lang,
}

// A job is made once and moved once through the worker's channel: its size costs nothing.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Work {
    Effect(Effect),
    /// Every write not done, to files the user named.
    Copy(PathBuf, Vec<Write>),
    BeginEdit(String),
    FinishEdit(String),
    /// The rescue copies of an earlier session.
    FindRescued,
    /// Whether the watcher told of files changed since the last look (no data needed).
    Look,
    /// The files changed on disk read again, checked against the data.
    ReadChanges,
    /// The path of a data file named under the data root (a problem's file).
    DataFile(String),
    /// A data file read again alone after the user edited it.
    Recheck(String),
}

impl Job {
    /// The job of an effect. A write becomes the content a retry of its file writes.
    pub fn new(app: &mut App, effect: Effect) -> Job {
        if let Some(write) = effect.write() {
            app.unsaved.issued(&write);
        }
        let needs_data = matches!(
            effect,
            Effect::Export { .. } | Effect::ReloadMeeting(_) | Effect::Restore { .. }
        );
        let work = match effect {
            Effect::WriteCopy(path) => {
                let writes = app.unsaved.pending.iter().map(|p| p.write.clone());
                Work::Copy(path, writes.collect())
            }
            other => Work::Effect(other),
        };
        Job::with(app, work, needs_data)
    }

    /// A job of `work`, with the data when `data` (a copy of writes may hold an export).
    pub fn with(app: &App, work: Work, data: bool) -> Job {
        let data = data || matches!(work, Work::Copy(..));
        Job {
            data: data.then(|| Arc::new(app.data.clone())),
            work,
            lang: app.lang,
        }
    }
}

/// What came of a job.
pub(crate) enum Done {
    Wrote {
        write: Write,
        result: Result<Option<PathBuf>, WorkError>,
        rescued: bool,
    },
    Reloaded(Result<Meeting, WorkError>),
    Locked(Result<LockOutcome, WorkError>),
    Deleted(Result<(), WorkError>),
    EditBegun(Result<Option<PathBuf>, WorkError>),
    EditFinished(Result<CaseEdit, WorkError>),
    EditDiscarded(Result<(), WorkError>),
    Found(Vec<Rescued>),
    Restored(Rescued, Result<Restored, WorkError>),
    Copied(PathBuf, Result<(), WorkError>),
    /// The files changed on disk by someone else (or the file read again after an edit).
    DiskChanges(Vec<crate::workspace::DiskChange>),
    DataFile(Option<PathBuf>),
    /// The watcher told of changed files: to be read, with the data.
    ChangesPending(bool),
    /// A case saved from the form (`case`): the case as written, or why not and the file
    /// as it is on disk now (`rescued`: the system refused, the edit is kept in a rescue copy).
    CaseSaved {
        case: crate::domain::Case,
        result: Result<crate::domain::Case, WorkError>,
        on_disk: Option<crate::domain::Case>,
        rescued: bool,
    },
    Nothing,
}

/// Does the work of a job on the files.
pub(crate) fn perform(persist: &mut dyn Persist, job: Job) -> Done {
    let data = job.data.as_deref();
    let lang = job.lang;
    let effect = match job.work {
        Work::Effect(effect) => effect,
        Work::Copy(path, writes) => return copy(persist, &path, &writes, data, lang),
        Work::BeginEdit(id) => return Done::EditBegun(persist.begin_case_edit(&id)),
        Work::FinishEdit(id) => return Done::EditFinished(persist.finish_case_edit(&id)),
        Work::FindRescued => return Done::Found(persist.rescued()),
        Work::Look => return Done::ChangesPending(persist.changes_pending()),
        Work::ReadChanges => {
            let changes = data.map(|d| persist.disk_changes(d)).unwrap_or_default();
            return Done::DiskChanges(changes);
        }
        Work::DataFile(rel) => return Done::DataFile(persist.data_file(&rel)),
        Work::Recheck(rel) => {
            let changes = data.map(|d| persist.recheck(&rel, d)).unwrap_or_default();
            return Done::DiskChanges(changes);
        }
    };
    if let Effect::SaveCase(case) = effect {
        return save_case(persist, case);
    }
    if let Some(write) = effect.write() {
        return perform_write(persist, write, data, lang);
    }
    let unavailable = || WorkError::Unavailable;
    match effect {
        Effect::ReloadMeeting(id) => {
            let result = data
                .ok_or_else(unavailable)
                .and_then(|d| persist.reload_meeting(&id, d));
            if result.is_ok() {
                persist.drop_rescue(&WriteKey::Meeting(id));
            }
            Done::Reloaded(result)
        }
        Effect::LockMeeting(id) => Done::Locked(persist.lock_meeting(&id)),
        Effect::TakeOverLock(id, seen) => Done::Locked(persist.take_over_lock(&id, &seen)),
        Effect::ReleaseMeeting(id) => {
            persist.release_meeting(&id);
            Done::Nothing
        }
        Effect::DeleteMeeting(id) => Done::Deleted(persist.delete_meeting(&id)),
        Effect::DiscardCaseEdit(id) => Done::EditDiscarded(persist.discard_case_edit(&id)),
        Effect::Restore { rescued, overwrite } => {
            let result = data
                .ok_or_else(unavailable)
                .and_then(|d| persist.restore(&rescued, overwrite, d));
            Done::Restored(rescued, result)
        }
        Effect::DiscardRescue(rescued) => {
            persist.discard_rescue(&rescued);
            Done::Nothing
        }
        _ => Done::Nothing,
    }
}

/// A save of the case form. When the system refuses it (a full disk, a read-only file),
/// the edit is kept in a rescue copy before anything else, and retried; when the file
/// changed elsewhere or the edit is refused, the file as it is on disk comes back.
fn save_case(persist: &mut dyn Persist, case: crate::domain::Case) -> Done {
    let result = persist.save_case(&case);
    let (on_disk, rescued) = match &result {
        Ok(_) => {
            persist.drop_rescue(&WriteKey::Case(case.id.clone()));
            (None, false)
        }
        Err(WorkError::Io { .. }) => (None, persist.keep_rescue(Unsaved::CaseEdit(&case)).is_ok()),
        Err(_) => (persist.reload_case(&case.id).ok(), false),
    };
    Done::CaseSaved {
        case,
        result,
        on_disk,
        rescued,
    }
}

/// A write; when it fails, its rescue copy is kept before anything else.
fn perform_write(
    persist: &mut dyn Persist,
    write: Write,
    data: Option<&DeptData>,
    lang: Lang,
) -> Done {
    let result = match &write {
        Write::Meeting {
            meeting,
            overwrite: false,
        } => persist.save_meeting_checked(meeting).map(|()| None),
        Write::Meeting { meeting, .. } => persist.overwrite_meeting(meeting).map(|()| None),
        Write::Programme(p) => persist.save_programme(p).map(|()| None),
        Write::Case(c) => persist.create_case(c).map(|()| None),
        Write::CaseEdit(c) => persist.save_case(c).map(|_| None),
        Write::Export { request, commit } => match data {
            Some(d) => persist.export(request, d, lang, *commit).map(Some),
            None => Err(WorkError::Unavailable),
        },
    };
    let rescued = match &result {
        Ok(_) => {
            persist.drop_rescue(&write.key());
            false
        }
        Err(_) => unsaved(&write, data, lang).is_some_and(|u| persist.keep_rescue(u).is_ok()),
    };
    Done::Wrote {
        write,
        result,
        rescued,
    }
}

/// What a rescue copy keeps of a write (an export needs the data to be made).
fn unsaved<'a>(write: &'a Write, data: Option<&'a DeptData>, lang: Lang) -> Option<Unsaved<'a>> {
    Some(match write {
        Write::Meeting { meeting, .. } => Unsaved::Meeting(meeting),
        Write::Programme(p) => Unsaved::Programme(p),
        Write::Case(c) => Unsaved::Case(c),
        Write::CaseEdit(c) => Unsaved::CaseEdit(c),
        Write::Export { request, .. } => Unsaved::Export {
            request,
            data: data?,
            lang,
        },
    })
}

/// Writes each write not done to `path` (the second to `path.2`, and so on).
fn copy(
    persist: &mut dyn Persist,
    path: &std::path::Path,
    writes: &[Write],
    data: Option<&DeptData>,
    lang: Lang,
) -> Done {
    let mut result = Ok(());
    for (n, write) in writes.iter().enumerate() {
        let target = if n == 0 {
            path.to_path_buf()
        } else {
            let mut name = path.as_os_str().to_os_string();
            name.push(format!(".{}", n + 1));
            PathBuf::from(name)
        };
        let outcome = match unsaved(write, data, lang) {
            Some(u) => persist.write_copy(u, &target),
            None => Err(WorkError::Unavailable),
        };
        if result.is_ok() {
            result = outcome;
        }
    }
    Done::Copied(path.to_path_buf(), result)
}

/// What the outcome of a job changes in the state, and the effects that follow from it
/// (a reopening written once the séance's lock is ours).
pub(crate) fn answer(app: &mut App, done: Done) -> Vec<Effect> {
    let lang = app.lang;
    match done {
        Done::Wrote {
            write,
            result,
            rescued,
        } => update::wrote(app, write, result, rescued),
        Done::Reloaded(Ok(m)) => {
            app.unsaved.saved(&WriteKey::Meeting(m.id.clone()));
            update::meeting_reloaded(app, m);
        }
        Done::Locked(outcome) => return update::seance_locked(app, outcome),
        Done::Reloaded(Err(e)) | Done::Deleted(Err(e)) => {
            app.error(strings::save_failed(&e.text(lang), lang));
        }
        Done::EditDiscarded(Ok(())) => app.info(T::EditDiscarded.get(lang)),
        Done::EditDiscarded(Err(e)) => app.error(strings::save_failed(&e.text(lang), lang)),
        Done::Found(found) => update::rescued_found(app, found),
        Done::Restored(rescued, result) => update::restored(app, rescued, result),
        Done::Copied(path, result) => update::copy_written(app, &path, result),
        Done::DiskChanges(changes) => {
            if !changes.is_empty() {
                super::super::watch::apply(app, changes);
            }
        }
        Done::DataFile(_) | Done::ChangesPending(_) => {}
        Done::CaseSaved {
            result: Ok(saved), ..
        } => {
            let key = WriteKey::Case(saved.id.clone());
            let was_pending = app.unsaved.is_pending(&key);
            app.unsaved.saved(&key);
            update::case_saved(app, saved);
            if was_pending {
                app.info(super::super::unsaved::U::Saved.get(lang));
            }
        }
        Done::CaseSaved {
            case,
            result: Err(e @ WorkError::Io { .. }),
            rescued,
            ..
        } => update::wrote(app, Write::CaseEdit(case), Err(e), rescued),
        Done::CaseSaved {
            case,
            result: Err(e),
            on_disk,
            ..
        } => {
            // The file on disk wins: the edit waits no more (its rescue copy, if an earlier
            // try kept one, stays for the next start).
            app.unsaved.saved(&WriteKey::Case(case.id.clone()));
            let reason = match &e {
                WorkError::Invalid { problems, .. } if !problems.is_empty() => problems
                    .iter()
                    .map(|p| p.msg.text(lang))
                    .collect::<Vec<_>>()
                    .join(" ; "),
                e if e.is_conflict() => T::CaseChanged.get(lang).to_string(),
                e => strings::save_failed(&e.text(lang), lang),
            };
            update::case_not_saved(app, reason, on_disk);
        }
        Done::Deleted(Ok(())) | Done::EditBegun(_) | Done::EditFinished(_) | Done::Nothing => {}
    }
    Vec::new()
}

/// Carries out the effects that need only the store (all but the editor's), in order, and
/// returns the others. Public so that the séance's round trips (lock, conflict, reload,
/// failed writes) are tested without a terminal.
pub fn apply_effects(
    app: &mut App,
    persist: &mut dyn Persist,
    effects: Vec<Effect>,
) -> Vec<Effect> {
    let mut rest = Vec::new();
    for effect in effects {
        match effect {
            Effect::Quit => app.running = false,
            Effect::RetryUnsaved => {
                for write in app.unsaved.to_retry() {
                    let job = Job::new(app, write.into());
                    let then = answer(app, perform(persist, job));
                    rest.extend(apply_effects(app, persist, then));
                }
            }
            other @ (Effect::EditCase(_) | Effect::DiscardCaseEdit(_)) => rest.push(other),
            other => {
                let job = Job::new(app, other);
                let then = answer(app, perform(persist, job));
                rest.extend(apply_effects(app, persist, then));
            }
        }
    }
    rest
}
