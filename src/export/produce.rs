//! One function per export: the bytes, the path and the commit message of a requested export,
//! used by the commands and by the interface alike. Pure: writing and committing are the
//! caller's.

use super::doc::Document;
use super::{
    ExportError, Format, Level, agenda_document, agenda_path_as, commit_message_agenda,
    commit_message_minutes, commit_message_report, docx, markdown, minutes_document,
    minutes_path_as, names, odt, report, report_path, xlsx,
};
use crate::domain::DeptData;
use crate::i18n::Lang;
use std::path::PathBuf;

/// One export.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Request {
    /// The minutes of a meeting at a level.
    Minutes {
        meeting: String,
        level: Level,
        format: Format,
    },
    /// The agenda of a meeting, for the convocation.
    Agenda { meeting: String, format: Format },
    /// The convocation as an iCalendar file (`agendas/<id>.ics`), for the invitees' calendars.
    Calendar { meeting: String },
    /// For one référent de parcours, the decisions and actions of a meeting on its cases.
    Excerpt {
        meeting: String,
        referent: String,
        format: Format,
    },
    /// The actions decided at a meeting, owner by owner.
    Actions { meeting: String, format: Format },
    /// The monthly report of a body for (year, month); `today`, when the month is in
    /// progress, is the day it is counted to (« au JJ/MM/AAAA »).
    Report {
        month: (i32, u32),
        body: String,
        format: Format,
        today: Option<chrono::NaiveDate>,
        /// `--diffusion large`: every count from 1 to 4 shown as « < 5 », with secondary
        /// suppression so that it cannot be recomputed from a total.
        large: bool,
        /// « Résultats obtenus », typed when the report is made; refused when it holds a
        /// known name.
        results: Option<String>,
    },
    /// The FIPD programme of a year (`None`: the latest), for the SG-CIPDR.
    Programme { year: Option<i32>, format: Format },
}

impl Request {
    pub fn format(&self) -> Format {
        match self {
            Request::Minutes { format, .. }
            | Request::Agenda { format, .. }
            | Request::Excerpt { format, .. }
            | Request::Actions { format, .. }
            | Request::Report { format, .. }
            | Request::Programme { format, .. } => *format,
            // Not a document format: the calendar file is text, previewed as it is.
            Request::Calendar { .. } => Format::Markdown,
        }
    }
}

/// What an export gives: the file's bytes, its path relative to the département folder, and
/// the message of its commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Produced {
    pub bytes: Vec<u8>,
    pub path: PathBuf,
    pub message: String,
}

/// The export `request` of `data`, in `lang`.
///
/// Minutes at the partners or public level, and the agenda, are refused when a free text that
/// goes out holds a name the data knows ([`ExportError::NameInText`]).
pub fn produce(data: &DeptData, request: &Request, lang: Lang) -> Result<Produced, ExportError> {
    match request {
        Request::Minutes {
            meeting,
            level,
            format,
        } => {
            let doc = checked_minutes(data, meeting, *level, lang)?;
            Ok(Produced {
                bytes: document_bytes(&doc, *format)?,
                path: minutes_path_as(meeting, *level, *format),
                message: with_format(commit_message_minutes(data, meeting, *level)?, *format),
            })
        }
        Request::Agenda { meeting, format } => {
            let doc = checked_agenda(data, meeting, lang)?;
            Ok(Produced {
                bytes: document_bytes(&doc, *format)?,
                path: agenda_path_as(meeting, *format),
                message: with_format(commit_message_agenda(data, meeting)?, *format),
            })
        }
        Request::Calendar { meeting } => {
            let text = checked_calendar(data, meeting, lang)?;
            Ok(Produced {
                bytes: text.into_bytes(),
                path: super::ics::ics_path(meeting),
                message: format!("{} (ics)", commit_message_agenda(data, meeting)?),
            })
        }
        Request::Excerpt { .. } | Request::Actions { .. } => {
            let doc = checked_excerpt(data, request, lang)?;
            let format = request.format();
            let (path, message) = excerpt_path_and_message(data, request)?;
            Ok(Produced {
                bytes: document_bytes(&doc, format)?,
                path,
                message: with_format(message, format),
            })
        }
        Request::Report {
            month,
            body,
            format,
            today,
            large,
            results,
        } => {
            let r = report_of(data, body, *month, *today, results.as_deref())?;
            let bytes = match format {
                Format::Csv => report::csv(&r, lang, *large).into_bytes(),
                Format::Xlsx => xlsx::write(
                    &format!(
                        "{} — {}",
                        crate::i18n::export::Label::MonthlyReport.text(lang),
                        r.body_name
                    ),
                    xlsx::header(lang),
                    &report::indicators(&r, lang, *large),
                    &crate::i18n::export::long_month(lang, r.year, r.month),
                    &r.body_id,
                    (r.year, r.month),
                )
                .map_err(|detail| ExportError::Package { detail })?,
                _ => document_bytes(&report::document(&r, lang, *large), *format)?,
            };
            Ok(Produced {
                bytes,
                path: report_path(*month, body, *format),
                message: commit_message_report(data, *month, body, *format),
            })
        }
        Request::Programme { year, format } => {
            let p = programme_of(data, *year)?;
            let bytes = match format {
                Format::Csv => super::fipd::programme_csv(p, lang).into_bytes(),
                Format::Xlsx => super::fipd::programme_xlsx(p, lang)
                    .map_err(|detail| ExportError::Package { detail })?,
                _ => document_bytes(
                    &super::fipd::programme_document(p, &data.department, lang),
                    *format,
                )?,
            };
            Ok(Produced {
                bytes,
                path: programme_path(p.year, *format),
                message: format!(
                    "Programme FIPD {} {}{}",
                    p.year,
                    data.code(),
                    match format {
                        Format::Markdown => String::new(),
                        f => format!(" ({})", f.extension()),
                    }
                ),
            })
        }
    }
}

/// The report, with the « résultats obtenus » typed, checked for names.
fn report_of(
    data: &DeptData,
    body: &str,
    month: (i32, u32),
    today: Option<chrono::NaiveDate>,
    results: Option<&str>,
) -> Result<crate::domain::report::MonthlyReport, ExportError> {
    let mut r = crate::domain::report::monthly_report_on(data, body, month.0, month.1, today)?;
    let results = results.map(str::trim).filter(|t| !t.is_empty());
    if let Some(name) = results.and_then(|t| names::name_in(data, t)) {
        return Err(ExportError::NameInResults { name });
    }
    r.results = results.map(str::to_string);
    Ok(r)
}

/// The programme of `year`, or the latest one.
fn programme_of(
    data: &DeptData,
    year: Option<i32>,
) -> Result<&crate::domain::fipd::Programme, ExportError> {
    let found = match year {
        Some(y) => data.programme(y),
        None => data.programmes.last(),
    };
    found.ok_or(ExportError::NoProgramme { year })
}

/// `reports/fipd-<year>.<ext>`.
pub fn programme_path(year: i32, format: Format) -> PathBuf {
    PathBuf::from("reports").join(format!("fipd-{year}.{}", format.extension()))
}

/// The text shown before writing: the Markdown of a document (whatever the format asked), the
/// CSV of a report asked in CSV. Checked for names as [`produce`] is.
pub fn preview(data: &DeptData, request: &Request, lang: Lang) -> Result<String, ExportError> {
    match request {
        Request::Minutes { meeting, level, .. } => {
            checked_minutes(data, meeting, *level, lang).map(|d| markdown::write(&d))
        }
        Request::Agenda { meeting, .. } => {
            checked_agenda(data, meeting, lang).map(|d| markdown::write(&d))
        }
        Request::Calendar { meeting } => checked_calendar(data, meeting, lang),
        Request::Excerpt { .. } | Request::Actions { .. } => {
            checked_excerpt(data, request, lang).map(|d| markdown::write(&d))
        }
        Request::Report {
            month,
            body,
            format,
            today,
            large,
            results,
        } => {
            let r = report_of(data, body, *month, *today, results.as_deref())?;
            Ok(match format {
                Format::Csv => report::csv(&r, lang, *large),
                _ => markdown::write(&report::document(&r, lang, *large)),
            })
        }
        Request::Programme { year, format } => {
            let p = programme_of(data, *year)?;
            Ok(match format {
                Format::Csv => super::fipd::programme_csv(p, lang),
                _ => markdown::write(&super::fipd::programme_document(p, &data.department, lang)),
            })
        }
    }
}

fn checked_minutes(
    data: &DeptData,
    meeting: &str,
    level: Level,
    lang: Lang,
) -> Result<Document, ExportError> {
    let doc = minutes_document(data, meeting, level, lang)?;
    match names::check(data, meeting, level) {
        Some(hit) => Err(ExportError::NameInText(Box::new(hit))),
        None => Ok(doc),
    }
}

fn checked_agenda(data: &DeptData, meeting: &str, lang: Lang) -> Result<Document, ExportError> {
    let doc = agenda_document(data, meeting, lang)?;
    match names::check(data, meeting, Level::Partners) {
        Some(hit) => Err(ExportError::NameInText(Box::new(hit))),
        None => Ok(doc),
    }
}

/// The calendar file, refused as the agenda is when a free text holds a name.
fn checked_calendar(data: &DeptData, meeting: &str, lang: Lang) -> Result<String, ExportError> {
    let text = super::ics::render(super::Redacted::<super::Partners>::new(data), meeting, lang)?;
    match names::check(data, meeting, Level::Partners) {
        Some(hit) => Err(ExportError::NameInText(Box::new(hit))),
        None => Ok(text),
    }
}

fn checked_excerpt(
    data: &DeptData,
    request: &Request,
    lang: Lang,
) -> Result<Document, ExportError> {
    let view = super::Redacted::<super::Partners>::new(data);
    let (doc, meeting) = match request {
        Request::Excerpt {
            meeting, referent, ..
        } => (
            super::excerpt::for_referent(view, meeting, referent, lang)?,
            meeting,
        ),
        Request::Actions { meeting, .. } => (
            super::excerpt::actions_by_owner(view, meeting, lang)?,
            meeting,
        ),
        _ => {
            return Err(ExportError::FormatNotOffered {
                format: request.format(),
            });
        }
    };
    match names::check(data, meeting, Level::Partners) {
        Some(hit) => Err(ExportError::NameInText(Box::new(hit))),
        None => Ok(doc),
    }
}

/// `minutes/<id>.extrait-<structure>.<ext>` or `minutes/<id>.actions.<ext>`, and the commit
/// message.
fn excerpt_path_and_message(
    data: &DeptData,
    request: &Request,
) -> Result<(PathBuf, String), ExportError> {
    let ext = request.format().extension();
    match request {
        Request::Excerpt {
            meeting, referent, ..
        } => {
            let m = super::meeting_of(data, meeting)?;
            Ok((
                PathBuf::from("minutes")
                    .join(format!("{meeting}.extrait-{}.{ext}", slug(referent))),
                format!(
                    "Extrait du compte rendu {} {} {} ({})",
                    m.body,
                    data.code(),
                    m.date,
                    referent.trim()
                ),
            ))
        }
        _ => {
            let m = super::meeting_of(data, request_meeting(request))?;
            Ok((
                PathBuf::from("minutes").join(format!("{}.actions.{ext}", m.id)),
                format!("Actions par pilote {} {} {}", m.body, data.code(), m.date),
            ))
        }
    }
}

fn request_meeting(request: &Request) -> &str {
    match request {
        Request::Minutes { meeting, .. }
        | Request::Agenda { meeting, .. }
        | Request::Calendar { meeting }
        | Request::Excerpt { meeting, .. }
        | Request::Actions { meeting, .. } => meeting,
        Request::Report { body, .. } => body,
        Request::Programme { .. } => "",
    }
}

/// A file-name part: letters and digits folded to lower-case ASCII, the rest as `-`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        let c = names::fold_char(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "referent".into()
    } else {
        out
    }
}

fn document_bytes(doc: &Document, format: Format) -> Result<Vec<u8>, ExportError> {
    let package = |r: Result<Vec<u8>, String>| r.map_err(|detail| ExportError::Package { detail });
    match format {
        Format::Markdown => Ok(markdown::write(doc).into_bytes()),
        Format::Docx => package(docx::write(doc)),
        Format::Odt => package(odt::write(doc)),
        Format::Csv | Format::Xlsx => Err(ExportError::FormatNotOffered { format }),
    }
}

/// The commit message, with the format when it is not Markdown: `… (partners, docx)`.
fn with_format(message: String, format: Format) -> String {
    if format == Format::Markdown {
        return message;
    }
    match message.strip_suffix(')') {
        Some(head) => format!("{head}, {})", format.extension()),
        None => format!("{message} ({})", format.extension()),
    }
}
