//! Every export, made once for the commands and the interface: what to export
//! ([`ExportRequest`] for the interface, `export::Request` for all), its file made by the
//! pure exporters ([`render`]: bytes, path
//! and commit message, no I/O), and its delivery into the data folder ([`deliver`]).

use super::WorkError;
use crate::domain::DeptData;
use crate::export::{self, ExportError, Format, Level, ReportFormat};
use crate::i18n::Lang;
use crate::store::{
    CommitOutcome, Expect, Loaded, LoadedDept, Problem, folder_in_root, git_commit, write_atomic,
};
use chrono::{Datelike, NaiveDate};
use std::path::{Path, PathBuf};

/// One export, as the interface asks it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ExportRequest {
    /// The agenda of a meeting, for the convocation.
    Agenda { meeting: String, format: Format },
    /// The convocation as an iCalendar file, for the invitees' calendars.
    Calendar { meeting: String },
    /// The minutes of a meeting at a level.
    Minutes {
        meeting: String,
        level: Level,
        format: Format,
    },
    /// For one référent de parcours, the decisions and actions of a meeting on its cases.
    Excerpt {
        meeting: String,
        referent: String,
        format: Format,
    },
    /// The actions decided at a meeting, owner by owner.
    Actions { meeting: String, format: Format },
    /// The monthly report of a body; `month` is the first day of the month.
    Monthly {
        month: NaiveDate,
        body: String,
        format: ReportFormat,
        /// « Résultats obtenus », typed in the report form.
        results: Option<String>,
    },
    /// The FIPD programme of a year.
    Programme { year: i32, format: Format },
}

/// An export made, not yet written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// What the file holds (text for Markdown and CSV, a package for Word, ODF and Excel).
    pub bytes: Vec<u8>,
    /// Where it goes, relative to the département's folder.
    pub rel: PathBuf,
    /// The message of its commit (`--commit`).
    pub message: String,
}

/// The month of its first day, as the report wants it.
fn month_of(day: NaiveDate) -> (i32, u32) {
    (day.year(), day.month())
}

impl ExportRequest {
    /// Its format.
    pub fn format(&self) -> Format {
        match self {
            ExportRequest::Agenda { format, .. }
            | ExportRequest::Minutes { format, .. }
            | ExportRequest::Excerpt { format, .. }
            | ExportRequest::Actions { format, .. }
            | ExportRequest::Monthly { format, .. }
            | ExportRequest::Programme { format, .. } => *format,
            // Not a document: the calendar file is text, previewed as it is.
            ExportRequest::Calendar { .. } => Format::Markdown,
        }
    }

    /// The same export in another format.
    pub fn with_format(mut self, to: Format) -> Self {
        match &mut self {
            ExportRequest::Agenda { format, .. }
            | ExportRequest::Minutes { format, .. }
            | ExportRequest::Excerpt { format, .. }
            | ExportRequest::Actions { format, .. }
            | ExportRequest::Monthly { format, .. }
            | ExportRequest::Programme { format, .. } => *format = to,
            // Always an iCalendar file, whatever the menu's format.
            ExportRequest::Calendar { .. } => {}
        }
        self
    }

    /// The formats this export is made in.
    pub fn formats(&self) -> &'static [Format] {
        match self {
            ExportRequest::Monthly { .. } => Format::REPORT,
            ExportRequest::Programme { .. } => Format::PROGRAMME,
            _ => Format::DOCUMENTS,
        }
    }

    /// The exporter's request for this one, on `today` (a report of the month in
    /// progress counts to that day).
    pub fn to_export(&self, today: NaiveDate) -> export::Request {
        match self.clone() {
            ExportRequest::Agenda { meeting, format } => {
                export::Request::Agenda { meeting, format }
            }
            ExportRequest::Minutes {
                meeting,
                level,
                format,
            } => export::Request::Minutes {
                meeting,
                level,
                format,
            },
            ExportRequest::Calendar { meeting } => export::Request::Calendar { meeting },
            ExportRequest::Excerpt {
                meeting,
                referent,
                format,
            } => export::Request::Excerpt {
                meeting,
                referent,
                format,
            },
            ExportRequest::Actions { meeting, format } => {
                export::Request::Actions { meeting, format }
            }
            ExportRequest::Monthly {
                month,
                body,
                format,
                results,
            } => export::Request::Report {
                month: month_of(month),
                body,
                format,
                today: Some(today),
                large: false,
                results,
            },
            ExportRequest::Programme { year, format } => export::Request::Programme {
                year: Some(year),
                format,
            },
        }
    }
}

/// The text of an export (the preview), made by the pure exporters.
pub fn text(request: &ExportRequest, data: &DeptData, lang: Lang) -> Result<String, ExportError> {
    let today = chrono::Local::now().date_naive();
    export::preview(data, &request.to_export(today), lang)
}

/// An export made by the pure exporters: its bytes, path and commit message.
pub fn render(
    request: &export::Request,
    data: &DeptData,
    lang: Lang,
) -> Result<ExportFile, ExportError> {
    let produced = export::produce(data, request, lang)?;
    Ok(ExportFile {
        bytes: produced.bytes,
        rel: produced.path,
        message: produced.message,
    })
}

/// The problems that keep a meeting from being exported: those of its file and of the
/// files of its cases (notices apart).
pub fn meeting_problems<'a>(
    loaded: &'a Loaded,
    dept: &LoadedDept,
    id: &str,
) -> impl Iterator<Item = &'a Problem> {
    let code = dept.data.code();
    let mut files = vec![format!("{code}/meetings/{id}.yaml")];
    if let Some(meeting) = dept.data.meeting(id) {
        files.extend(
            meeting
                .items
                .iter()
                .filter_map(|i| i.case.as_deref())
                .map(|c| format!("{code}/cases/{c}.yaml")),
        );
    }
    loaded
        .problems
        .iter()
        .filter(move |p| files.contains(&p.file) && !p.msg.is_notice())
}

/// Writes an export atomically into `<root>/<dept>/<rel>`, its folders created inside the
/// data root only (a `minutes` link leading elsewhere is refused); returns the path written.
pub fn write(root: &Path, dept: &str, file: &ExportFile) -> Result<PathBuf, WorkError> {
    let rel = Path::new(dept).join(&file.rel);
    let path = root.join(&rel);
    if let Some(parent) = rel.parent() {
        folder_in_root(root, parent)?;
    }
    write_atomic(&path, &file.bytes, Expect::Any)?;
    Ok(path)
}

/// Commits a written export in the data folder's git repository; `false` when it was
/// committed as it is already.
pub fn commit(root: &Path, path: &Path, message: &str) -> Result<bool, WorkError> {
    Ok(git_commit(root, path, message)? == CommitOutcome::Committed)
}

/// Writes an export and, with `commit`, commits it; returns the path written.
pub fn deliver(
    root: &Path,
    dept: &str,
    file: &ExportFile,
    with_commit: bool,
) -> Result<PathBuf, WorkError> {
    let path = write(root, dept, file)?;
    if with_commit {
        commit(root, &path, &file.message)?;
    }
    Ok(path)
}
