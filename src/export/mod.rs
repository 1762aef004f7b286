//! What leaves the room: the minutes (compte rendu), the agenda sent with the convocation,
//! and the ministry's monthly report, as pure functions of the domain.
//!
//! Every output is deterministic: the same data gives byte-identical text (no time of
//! generation, fixed ordering). Markdown is CommonMark with GFM tables; user text is escaped
//! ([`markdown`]). The minutes are written at a redaction [`Level`], enforced by the types of
//! [`redact`]. Committing a written file is done by `store::git`, outside the exporters.

pub mod agenda;
pub mod commit_message;
pub mod csv;
pub mod fipd;
pub mod markdown;
pub mod minutes;
mod parts;
pub mod redact;
pub mod report;

pub use commit_message::{commit_message_agenda, commit_message_minutes, commit_message_report};
pub use redact::{BLACKED_OUT, Internal, Partners, Public, Redacted, Redaction};

use crate::domain::DeptData;
use crate::domain::report::ReportError;
use crate::i18n::Lang;
use std::path::PathBuf;

/// How much of the minutes a reader may see (`--level`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Level {
    /// Everything.
    Internal,
    /// Cases by label and id only (the default).
    #[default]
    Partners,
    /// As partners, with every person's name blacked out.
    Public,
}

impl Level {
    pub const ALL: &'static [Level] = &[Level::Internal, Level::Partners, Level::Public];
    pub const NAMES: &'static [&'static str] = &["internal", "partners", "public"];

    /// Reads `internal`, `partners` or `public`.
    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "internal" => Some(Level::Internal),
            "partners" => Some(Level::Partners),
            "public" => Some(Level::Public),
            _ => None,
        }
    }

    /// The spelling used on the command line and in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Internal => "internal",
            Level::Partners => "partners",
            Level::Public => "public",
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The format of the monthly report (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ReportFormat {
    #[default]
    Markdown,
    Csv,
}

impl ReportFormat {
    /// Reads `md` (or `markdown`) or `csv`.
    pub fn parse(text: &str) -> Option<ReportFormat> {
        match text {
            "md" | "markdown" => Some(ReportFormat::Markdown),
            "csv" => Some(ReportFormat::Csv),
            _ => None,
        }
    }

    /// The file extension: `md` or `csv`.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "md",
            ReportFormat::Csv => "csv",
        }
    }
}

/// The meeting `id` of `data`, or the error that names it.
pub(crate) fn meeting_of<'a>(
    data: &'a crate::domain::DeptData,
    id: &str,
) -> Result<&'a crate::domain::Meeting, ExportError> {
    data.meeting(id)
        .ok_or_else(|| ExportError::UnknownMeeting { id: id.to_string() })
}

/// Why an export cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// No meeting has this id in the département.
    UnknownMeeting { id: String },
    /// The département defines no body with this id.
    UnknownBody { id: String },
    /// Not a calendar month.
    BadMonth { year: i32, month: u32 },
}

impl ExportError {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use crate::i18n::quote;
        match self {
            ExportError::UnknownMeeting { id } => match lang {
                Lang::Fr => format!("aucune réunion {} dans ce département", quote(lang, id)),
                Lang::En => format!("no meeting {} in this département", quote(lang, id)),
            },
            ExportError::UnknownBody { id } => match lang {
                Lang::Fr => format!("aucune instance {} dans department.yaml", quote(lang, id)),
                Lang::En => format!("no body {} in department.yaml", quote(lang, id)),
            },
            ExportError::BadMonth { year, month } => match lang {
                Lang::Fr => format!("{year}-{month:02} n'est pas un mois (attendu AAAA-MM)"),
                Lang::En => format!("{year}-{month:02} is not a month (expected YYYY-MM)"),
            },
        }
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::Fr))
    }
}

impl std::error::Error for ExportError {}

impl From<ReportError> for ExportError {
    fn from(e: ReportError) -> Self {
        match e {
            ReportError::BadMonth { year, month } => ExportError::BadMonth { year, month },
            ReportError::UnknownBody { body } => ExportError::UnknownBody { id: body },
        }
    }
}

/// The minutes of a meeting at `level`, in Markdown.
///
/// Ages and overdue marks of open actions are reckoned on the meeting's date, so the same
/// data always gives the same text.
pub fn minutes(
    data: &DeptData,
    meeting_id: &str,
    level: Level,
    lang: Lang,
) -> Result<String, ExportError> {
    match level {
        Level::Internal => minutes::render(Redacted::<Internal>::new(data), meeting_id, lang),
        Level::Partners => minutes::render(Redacted::<Partners>::new(data), meeting_id, lang),
        Level::Public => minutes::render(Redacted::<Public>::new(data), meeting_id, lang),
    }
}

/// The agenda of a meeting (the convocation), in Markdown. Cases appear by label only.
pub fn agenda(data: &DeptData, meeting_id: &str, lang: Lang) -> Result<String, ExportError> {
    agenda::render(Redacted::<Partners>::new(data), meeting_id, lang)
}

/// The monthly report of `body` for `month` = (year, month 1–12), in Markdown or CSV.
pub fn monthly_report(
    data: &DeptData,
    month: (i32, u32),
    body: &str,
    format: ReportFormat,
    lang: Lang,
) -> Result<String, ExportError> {
    let report = crate::domain::report::monthly_report(data, body, month.0, month.1)?;
    Ok(match format {
        ReportFormat::Markdown => report::markdown(&report, lang),
        ReportFormat::Csv => report::csv(&report),
    })
}

/// Where the minutes go, relative to the département folder: `minutes/<id>.<level>.md`.
pub fn minutes_path(meeting_id: &str, level: Level) -> PathBuf {
    PathBuf::from("minutes").join(format!("{meeting_id}.{}.md", level.as_str()))
}

/// Where the agenda goes, relative to the département folder: `agendas/<id>.md`.
pub fn agenda_path(meeting_id: &str) -> PathBuf {
    PathBuf::from("agendas").join(format!("{meeting_id}.md"))
}

/// Where the report goes, relative to the département folder: `reports/<YYYY-MM>.<body>.<md|csv>`.
pub fn report_path(month: (i32, u32), body: &str, format: ReportFormat) -> PathBuf {
    PathBuf::from("reports").join(format!(
        "{:04}-{:02}.{body}.{}",
        month.0,
        month.1,
        format.extension()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_formats_parse_back() {
        for (level, name) in Level::ALL.iter().zip(Level::NAMES) {
            assert_eq!(Level::parse(name), Some(*level));
            assert_eq!(level.as_str(), *name);
        }
        assert_eq!(Level::parse("Public"), None);
        assert_eq!(Level::default(), Level::Partners);
        assert_eq!(ReportFormat::parse("md"), Some(ReportFormat::Markdown));
        assert_eq!(ReportFormat::parse("csv"), Some(ReportFormat::Csv));
        assert_eq!(ReportFormat::parse("xlsx"), None);
    }

    #[test]
    fn paths_follow_the_layout() {
        assert_eq!(
            minutes_path("2026-11-30-cpraf", Level::Public),
            PathBuf::from("minutes/2026-11-30-cpraf.public.md")
        );
        assert_eq!(
            agenda_path("2026-11-30-cpraf"),
            PathBuf::from("agendas/2026-11-30-cpraf.md")
        );
        assert_eq!(
            report_path((2026, 3), "cpraf", ReportFormat::Csv),
            PathBuf::from("reports/2026-03.cpraf.csv")
        );
    }
}
