//! Opening the interface: the data root and département of the flags, the options of the
//! config file, and [`StorePersist`], which carries out the interface's effects on the files.

use super::{Context, Exit, Failure, root};
use crate::domain::{Case, DeptData, Meeting};
use crate::export;
use crate::i18n::Lang;
use crate::i18n::cli::{CliMsg, shown};
use crate::store::{self, CommitOutcome, Expect, LoadedDept, Stamp, WriteError, write_atomic};
use crate::tui::{self, CaseEdit, ExportRequest, KeyOverride, Options, Persist};
use std::collections::HashMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Loads the data of the flags and runs the interface until the user quits.
pub fn open(ctx: &Context, data_root: &Path) -> Result<(), Failure> {
    let lang = ctx.lang;
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let loaded = root::load(ctx, data_root)?;
    let dept = match root::pick_dept(ctx, &loaded) {
        Ok(dept) => dept,
        Err(failure) if terminal && loaded.depts.len() > 1 => {
            ask_dept(ctx, &loaded.depts).ok_or(failure)?
        }
        Err(failure) => return Err(failure),
    };
    if !terminal {
        return Err(Failure::new(Exit::Usage, lang, CliMsg::NoTerminal));
    }
    let problems = loaded.problems.iter().map(|p| p.render(lang)).collect();
    let options = Options {
        lang,
        high_contrast: ctx.config.theme.as_deref() == Some("high-contrast"),
        keys: ctx
            .config
            .keys
            .iter()
            .map(|b| KeyOverride {
                context: b.context.clone(),
                key: b.key.clone(),
                action: b.action.clone(),
            })
            .collect(),
        hide_names: ctx.config.hide_names,
        today: None,
    };
    let no_color = match ctx.config.theme.as_deref() {
        Some("mono") => Some(std::ffi::OsString::from("1")),
        _ => std::env::var_os("NO_COLOR"),
    };
    let mut persist = StorePersist::new(data_root, dept, lang);
    let app =
        tui::prepare(dept.data.clone(), problems, &options, no_color.as_deref()).map_err(|e| {
            Failure {
                exit: Exit::Usage,
                lines: vec![e.to_string()],
            }
        })?;
    tui::run_app(app, &mut persist).map_err(|e| Failure {
        exit: Exit::Io,
        lines: vec![e.to_string()],
    })
}

/// Several départements and no `--dept`: asks which one, on the terminal.
fn ask_dept<'a>(ctx: &Context, depts: &'a [LoadedDept]) -> Option<&'a LoadedDept> {
    let lang = ctx.lang;
    println!(
        "{}",
        lang.pick(
            "Plusieurs départements dans ce dossier de données :",
            "Several départements in this data folder:"
        )
    );
    for (i, d) in depts.iter().enumerate() {
        println!(
            "  {}) {} {}",
            i + 1,
            d.data.code(),
            crate::text::visible(&d.data.department.name)
        );
    }
    let stdin = std::io::stdin();
    loop {
        print!(
            "{}",
            lang.pick(
                "Numéro ou code (Entrée seule : abandon) : ",
                "Number or code (Enter alone: cancel): "
            )
        );
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        if stdin.lock().read_line(&mut line).ok()? == 0 {
            return None;
        }
        let answer = line.trim();
        if answer.is_empty() {
            return None;
        }
        let code = root::normalise_code(answer);
        let by_number = answer
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=depts.len()).contains(n))
            .map(|n| &depts[n - 1]);
        if let Some(dept) = depts.iter().find(|d| d.data.code() == code).or(by_number) {
            return Some(dept);
        }
    }
}

/// The interface's effects carried out on the data folder.
pub struct StorePersist {
    root: PathBuf,
    code: String,
    /// The hash of each meeting file as last read or written, by meeting id.
    stamps: HashMap<String, Stamp>,
    /// The language of the messages.
    lang: Lang,
    /// The locks of the meetings whose séance is open, by meeting id.
    locks: HashMap<String, store::lock::MeetingLock>,
    /// The directory and bodies, to check an edited case.
    department: crate::domain::Department,
    /// The cases being edited in `$EDITOR`, by case id.
    edits: HashMap<String, CaseEditSession>,
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

impl StorePersist {
    pub fn new(root: &Path, dept: &LoadedDept, lang: Lang) -> StorePersist {
        let code = dept.data.code().to_string();
        let prefix = format!("{code}/meetings/");
        let fipd = format!("{code}/");
        let stamps = dept
            .stamps
            .iter()
            .filter_map(|(rel, stamp)| {
                // Meetings by id; programmes as `fipd/<year>` (no meeting id has a `/`).
                let id = match rel.strip_prefix(&prefix) {
                    Some(id) => id,
                    None => rel.strip_prefix(&fipd).filter(|r| r.starts_with("fipd/"))?,
                };
                Some((id.strip_suffix(".yaml")?.to_string(), stamp.clone()))
            })
            .collect();
        StorePersist {
            root: root.to_path_buf(),
            code,
            stamps,
            lang,
            locks: HashMap::new(),
            department: dept.data.department.clone(),
            edits: HashMap::new(),
        }
    }

    /// The folder of `path` created if needed, inside the data root only: a `cases` or
    /// `minutes` link leading elsewhere is refused.
    fn folder_in_root(&self, path: &Path) -> Result<(), String> {
        let Some(parent) = path.parent() else {
            return Ok(());
        };
        let rel = parent.strip_prefix(&self.root).unwrap_or(parent);
        store::folder_in_root(&self.root, rel)
            .map(|_| ())
            .map_err(|e| e.text(self.lang))
    }

    fn case_file(&self, id: &str) -> PathBuf {
        self.root
            .join(&self.code)
            .join("cases")
            .join(format!("{id}.yaml"))
    }

    fn write_export(
        &self,
        request: &ExportRequest,
        data: &DeptData,
        lang: Lang,
    ) -> Result<(PathBuf, String, String), String> {
        let text = render(request, data, lang)?;
        let (rel, message) = match request {
            ExportRequest::Agenda { meeting } => (
                export::agenda_path(meeting),
                export::commit_message_agenda(data, meeting).map_err(|e| e.text(lang))?,
            ),
            ExportRequest::Minutes { meeting, level } => (
                export::minutes_path(meeting, *level),
                export::commit_message_minutes(data, meeting, *level).map_err(|e| e.text(lang))?,
            ),
            ExportRequest::Monthly {
                month,
                body,
                format,
            } => {
                let month = month_of(*month);
                (
                    export::report_path(month, body, *format),
                    export::commit_message_report(data, month, body, *format),
                )
            }
        };
        Ok((self.root.join(&self.code).join(rel), text, message))
    }
}

fn month_of(day: chrono::NaiveDate) -> (i32, u32) {
    (chrono::Datelike::year(&day), chrono::Datelike::month(&day))
}

/// The text of an export.
fn render(request: &ExportRequest, data: &DeptData, lang: Lang) -> Result<String, String> {
    let result = match request {
        ExportRequest::Agenda { meeting } => export::agenda(data, meeting, lang),
        ExportRequest::Minutes { meeting, level } => export::minutes(data, meeting, *level, lang),
        ExportRequest::Monthly {
            month,
            body,
            format,
        } => export::monthly_report(data, month_of(*month), body, *format, lang),
    };
    result.map_err(|e| e.text(lang))
}

impl Persist for StorePersist {
    fn save_meeting(&mut self, meeting: &Meeting) -> Result<(), String> {
        let expect = match self.stamps.get(&meeting.id) {
            Some(stamp) => Expect::Unchanged(stamp.clone()),
            None => Expect::New,
        };
        let stamp = store::save_meeting(&self.root, &self.code, meeting, expect)
            .map_err(|e| e.text(self.lang))?;
        self.stamps.insert(meeting.id.clone(), stamp);
        Ok(())
    }

    fn delete_meeting(&mut self, id: &str) -> Result<(), String> {
        let path = store::meeting_path(&self.root, &self.code, id);
        let current = std::fs::read(&path).map_err(|e| format!("{}: {e}", shown(&path)))?;
        if self.stamps.get(id) != Some(&Stamp::of(&current)) {
            return Err(WriteError::Changed { path: path.clone() }.text(self.lang));
        }
        std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", shown(&path)))?;
        self.stamps.remove(id);
        Ok(())
    }

    fn create_case(&mut self, case: &Case) -> Result<(), String> {
        let path = self.case_file(&case.id);
        self.folder_in_root(&path)?;
        write_atomic(&path, store::new_case_yaml(case).as_bytes(), Expect::New)
            .map(|_| ())
            .map_err(|e| e.text(self.lang))
    }

    fn preview(
        &mut self,
        request: &ExportRequest,
        data: &DeptData,
        lang: Lang,
    ) -> Result<String, String> {
        render(request, data, lang)
    }

    fn export(
        &mut self,
        request: &ExportRequest,
        data: &DeptData,
        lang: Lang,
        commit: bool,
    ) -> Result<PathBuf, String> {
        let (path, text, message) = self.write_export(request, data, lang)?;
        self.folder_in_root(&path)?;
        write_atomic(&path, text.as_bytes(), Expect::Any).map_err(|e| e.text(lang))?;
        if commit {
            match store::git_commit(&self.root, &path, &message) {
                Ok(CommitOutcome::Committed | CommitOutcome::Unchanged) => {}
                Err(e) => return Err(e.text(lang)),
            }
        }
        Ok(path)
    }

    fn begin_case_edit(&mut self, id: &str) -> Result<Option<PathBuf>, String> {
        if let Some(edit) = self.edits.get(id) {
            return Ok(Some(edit.copy.clone()));
        }
        let file = self.case_file(id);
        if !file.is_file() {
            return Ok(None);
        }
        let original = std::fs::read(&file).map_err(|e| format!("{}: {e}", shown(&file)))?;
        let copy = edit_copy_path(&file);
        write_atomic(&copy, &original, Expect::Any).map_err(|e| e.text(self.lang))?;
        self.edits.insert(
            id.to_string(),
            CaseEditSession {
                original,
                copy: copy.clone(),
            },
        );
        Ok(Some(copy))
    }

    fn finish_case_edit(&mut self, id: &str) -> CaseEdit {
        let lang = self.lang;
        let Some(edit) = self.edits.get_mut(id) else {
            return CaseEdit::Invalid(vec![format!(
                "{id}: {}",
                tui::strings::T::NoEditor.get(lang)
            )]);
        };
        let edited = match std::fs::read(&edit.copy) {
            Ok(bytes) => bytes,
            Err(e) => return CaseEdit::Invalid(vec![format!("{}: {e}", shown(&edit.copy))]),
        };
        let file = self
            .root
            .join(&self.code)
            .join("cases")
            .join(format!("{id}.yaml"));
        if edited == edit.original {
            let _ = std::fs::remove_file(&edit.copy);
            self.edits.remove(id);
            return CaseEdit::Unchanged;
        }
        let case = match store::check_case_text(&self.department, id, &edited) {
            Ok(case) => case,
            Err(problems) => {
                return CaseEdit::Invalid(problems.iter().map(|p| p.render(lang)).collect());
            }
        };
        match write_atomic(&file, &edited, Expect::Unchanged(Stamp::of(&edit.original))) {
            Ok(_) => {
                let _ = std::fs::remove_file(&edit.copy);
                self.edits.remove(id);
                CaseEdit::Saved(Box::new(case))
            }
            Err(WriteError::Changed { .. }) => {
                // Their version becomes the one the next save replaces, once the user has
                // seen the conflict and saved again.
                if let Ok(theirs) = std::fs::read(&file) {
                    edit.original = theirs;
                }
                CaseEdit::Conflict(tui::strings::T::EditConflict.get(lang).to_string())
            }
            Err(e) => CaseEdit::Invalid(vec![e.text(lang)]),
        }
    }

    fn discard_case_edit(&mut self, id: &str) -> Result<(), String> {
        if let Some(edit) = self.edits.remove(id) {
            match std::fs::remove_file(&edit.copy) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(format!("{}: {e}", shown(&edit.copy))),
            }
        }
        Ok(())
    }

    fn save_programme(&mut self, p: &crate::domain::fipd::Programme) -> Result<(), tui::SaveError> {
        let key = format!("fipd/{}", p.year);
        let rel = store::decode_fipd::programme_rel(&self.code, p.year);
        let expect = match self.stamps.get(&key) {
            Some(stamp) => Expect::Unchanged(stamp.clone()),
            None if self.root.join(&rel).exists() => Expect::Any,
            None => Expect::New,
        };
        match store::encode_fipd::save_programme(&self.root, &self.code, p, expect) {
            Ok(stamp) => {
                self.stamps.insert(key, stamp);
                Ok(())
            }
            Err(WriteError::Changed { .. } | WriteError::Exists { .. }) => {
                Err(tui::SaveError::Changed)
            }
            Err(e) => Err(tui::SaveError::Failed(e.text(self.lang))),
        }
    }

    fn save_meeting_checked(&mut self, meeting: &Meeting) -> Result<(), tui::SaveError> {
        let expect = match self.stamps.get(&meeting.id) {
            Some(stamp) => Expect::Unchanged(stamp.clone()),
            None => Expect::New,
        };
        match store::save_meeting(&self.root, &self.code, meeting, expect) {
            Ok(stamp) => {
                self.stamps.insert(meeting.id.clone(), stamp);
                Ok(())
            }
            Err(WriteError::Changed { .. } | WriteError::Exists { .. }) => {
                Err(tui::SaveError::Changed)
            }
            Err(e) => Err(tui::SaveError::Failed(e.text(self.lang))),
        }
    }

    fn reload_meeting(&mut self, id: &str) -> Result<Meeting, String> {
        let loaded =
            store::load_root_dept(&self.root, Some(&self.code)).map_err(|e| e.text(self.lang))?;
        let dept = loaded.dept(&self.code).ok_or_else(|| {
            crate::i18n::Msg::DeptNotLoaded {
                code: self.code.clone(),
            }
            .text(self.lang)
        })?;
        let rel = format!("{}/meetings/{id}.yaml", self.code);
        let file = store::meeting_path(&self.root, &self.code, id);
        let meeting = dept.data.meetings.iter().find(|m| m.id == id).cloned();
        match (meeting, dept.stamps.get(&rel)) {
            (Some(meeting), Some(stamp)) => {
                self.stamps.insert(id.to_string(), stamp.clone());
                Ok(meeting)
            }
            _ => {
                let own: Vec<String> = loaded
                    .problems
                    .iter()
                    .filter(|p| p.file == rel)
                    .map(|p| p.render(self.lang))
                    .collect();
                Err(if own.is_empty() {
                    format!("{}: ?", shown(&file))
                } else {
                    own.join(" ; ")
                })
            }
        }
    }

    fn overwrite_meeting(&mut self, meeting: &Meeting) -> Result<(), String> {
        let stamp = store::save_meeting(&self.root, &self.code, meeting, Expect::Any)
            .map_err(|e| e.text(self.lang))?;
        self.stamps.insert(meeting.id.clone(), stamp);
        Ok(())
    }

    fn lock_meeting(&mut self, id: &str) -> Result<tui::LockOutcome, String> {
        if self.locks.contains_key(id) {
            return Ok(tui::LockOutcome::Acquired);
        }
        let file = store::meeting_path(&self.root, &self.code, id);
        let state = store::lock::acquire(&file).map_err(|e| format!("{}: {e}", shown(&file)))?;
        let mut kept = None;
        let outcome = tui::LockOutcome::from_state(state, &mut kept);
        if let Some(lock) = kept {
            self.locks.insert(id.to_string(), lock);
        }
        Ok(outcome)
    }

    fn take_over_lock(
        &mut self,
        id: &str,
        seen: &store::lock::LockInfo,
    ) -> Result<tui::LockOutcome, String> {
        let file = store::meeting_path(&self.root, &self.code, id);
        let state =
            store::lock::take_over(&file, seen).map_err(|e| format!("{}: {e}", shown(&file)))?;
        let mut kept = None;
        let outcome = tui::LockOutcome::from_state(state, &mut kept);
        if let Some(lock) = kept {
            self.locks.insert(id.to_string(), lock);
        }
        Ok(outcome)
    }

    fn release_meeting(&mut self, id: &str) {
        if let Some(lock) = self.locks.remove(id) {
            let _ = lock.release();
        }
    }
}
