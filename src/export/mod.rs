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
pub mod doc;
pub mod docx;
pub mod excerpt;
pub mod fipd;
pub mod ics;
pub mod markdown;
pub mod minutes;
pub mod names;
pub mod odt;
mod package;
mod parts;
mod produce;
mod public;
pub mod redact;
pub mod report;
pub mod xlsx;

pub use commit_message::{commit_message_agenda, commit_message_minutes, commit_message_report};
pub use doc::Document;
pub use produce::{Produced, Request, preview, produce, programme_path};
pub use redact::{Internal, Partners, Public, Redacted, Redaction, ShowsCases};

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
    /// Aggregates only: counts, organisations, topics; no case, no name, no free text of an item.
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

/// The format of an export (`--format`): Markdown, Word and OpenDocument for every document;
/// CSV and Excel for the monthly report's table of indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    #[default]
    Markdown,
    Docx,
    Odt,
    Csv,
    Xlsx,
}

/// The report's formats are all the formats; the name is kept for the interface.
pub type ReportFormat = Format;

impl Format {
    /// The formats of the minutes and the agenda.
    pub const DOCUMENTS: &'static [Format] = &[Format::Markdown, Format::Docx, Format::Odt];
    /// The formats of the FIPD programme (documents and tables).
    pub const PROGRAMME: &'static [Format] = &[
        Format::Markdown,
        Format::Docx,
        Format::Odt,
        Format::Csv,
        Format::Xlsx,
    ];
    /// The formats of the monthly report.
    pub const REPORT: &'static [Format] = &[
        Format::Markdown,
        Format::Csv,
        Format::Xlsx,
        Format::Docx,
        Format::Odt,
    ];

    /// Reads `md` (or `markdown`), `docx`, `odt`, `csv` or `xlsx`.
    pub fn parse(text: &str) -> Option<Format> {
        match text {
            "md" | "markdown" => Some(Format::Markdown),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    /// The next (or, when not `forward`, the previous) format of `among`, wrapping round, for
    /// a choice made with the arrow keys.
    pub fn step_in(self, among: &[Format], forward: bool) -> Format {
        let n = among.len().max(1);
        let i = among.iter().position(|f| *f == self).unwrap_or(0);
        let j = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        among.get(j).copied().unwrap_or(self)
    }

    /// The file is text (printed as is by `--stdout`), not a zip package.
    pub fn is_text(self) -> bool {
        matches!(self, Format::Markdown | Format::Csv)
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
    /// This document is not made in this format (minutes in CSV).
    FormatNotOffered { format: Format },
    /// A free text that would go out holds a name the data knows.
    NameInText(Box<names::NameHit>),
    /// The document package could not be assembled.
    Package { detail: String },
    /// The « résultats obtenus » typed for the report hold a name the data knows.
    NameInResults { name: String },
    /// No FIPD programme for this year (`None`: none at all) in the département.
    NoProgramme { year: Option<i32> },
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
            ExportError::FormatNotOffered { format } => match lang {
                Lang::Fr => format!(
                    "ce document ne se fait pas au format {} (md, docx ou odt)",
                    format.extension()
                ),
                Lang::En => format!(
                    "this document is not made as {} (md, docx or odt)",
                    format.extension()
                ),
            },
            ExportError::NameInText(hit) => hit.text(lang),
            ExportError::NameInResults { name } => match lang {
                Lang::Fr => format!(
                    "le texte « résultats obtenus » contient le nom {}",
                    quote(lang, name)
                ),
                Lang::En => format!(
                    "the text « results obtained » contains the name {}",
                    quote(lang, name)
                ),
            },
            ExportError::NoProgramme { year } => {
                let year = year.map(|y| format!(" {y}")).unwrap_or_default();
                match lang {
                    Lang::Fr => format!("aucun programme FIPD{year} dans le dossier fipd/"),
                    Lang::En => format!("no FIPD programme{year} in the fipd/ folder"),
                }
            }
            ExportError::Package { detail } => match lang {
                Lang::Fr => format!("le document n'a pas pu être assemblé : {detail}"),
                Lang::En => format!("the document could not be assembled: {detail}"),
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

/// The minutes of a meeting at `level`, as a document.
///
/// Ages and overdue marks of open actions are reckoned on the meeting's date, so the same
/// data always gives the same text.
pub fn minutes_document(
    data: &DeptData,
    meeting_id: &str,
    level: Level,
    lang: Lang,
) -> Result<Document, ExportError> {
    match level {
        Level::Internal => minutes::render(Redacted::<Internal>::new(data), meeting_id, lang),
        Level::Partners => minutes::render(Redacted::<Partners>::new(data), meeting_id, lang),
        Level::Public => public::render(Redacted::<Public>::new(data), meeting_id, lang),
    }
}

/// The minutes of a meeting at `level`, in Markdown.
pub fn minutes(
    data: &DeptData,
    meeting_id: &str,
    level: Level,
    lang: Lang,
) -> Result<String, ExportError> {
    minutes_document(data, meeting_id, level, lang).map(|d| markdown::write(&d))
}

/// The agenda of a meeting (the convocation), as a document. Cases appear by label only.
pub fn agenda_document(
    data: &DeptData,
    meeting_id: &str,
    lang: Lang,
) -> Result<Document, ExportError> {
    agenda::render(Redacted::<Partners>::new(data), meeting_id, lang)
}

/// The agenda of a meeting (the convocation), in Markdown.
pub fn agenda(data: &DeptData, meeting_id: &str, lang: Lang) -> Result<String, ExportError> {
    agenda_document(data, meeting_id, lang).map(|d| markdown::write(&d))
}

/// The monthly report of `body` for `month` = (year, month 1–12), in a text format
/// (Markdown or CSV; the packaged formats give their Markdown text).
pub fn monthly_report(
    data: &DeptData,
    month: (i32, u32),
    body: &str,
    format: ReportFormat,
    lang: Lang,
) -> Result<String, ExportError> {
    let report = crate::domain::report::monthly_report(data, body, month.0, month.1)?;
    Ok(match format {
        Format::Csv => report::csv(&report, lang, false),
        _ => markdown::write(&report::document(&report, lang, false)),
    })
}

/// Where the minutes go, relative to the département folder: `minutes/<id>.<level>.md`.
pub fn minutes_path(meeting_id: &str, level: Level) -> PathBuf {
    minutes_path_as(meeting_id, level, Format::Markdown)
}

/// `minutes/<id>.<level>.<ext>`.
pub fn minutes_path_as(meeting_id: &str, level: Level, format: Format) -> PathBuf {
    PathBuf::from("minutes").join(format!(
        "{meeting_id}.{}.{}",
        level.as_str(),
        format.extension()
    ))
}

/// Where the agenda goes, relative to the département folder: `agendas/<id>.md`.
pub fn agenda_path(meeting_id: &str) -> PathBuf {
    agenda_path_as(meeting_id, Format::Markdown)
}

/// `agendas/<id>.<ext>`.
pub fn agenda_path_as(meeting_id: &str, format: Format) -> PathBuf {
    PathBuf::from("agendas").join(format!("{meeting_id}.{}", format.extension()))
}

/// Where the report goes, relative to the département folder: `reports/<YYYY-MM>.<body>.<ext>`.
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
        for format in Format::REPORT {
            assert_eq!(Format::parse(format.extension()), Some(*format));
        }
        assert_eq!(Format::parse("pdf"), None);
        assert_eq!(
            Format::Markdown.step_in(Format::DOCUMENTS, true),
            Format::Docx
        );
        assert_eq!(
            Format::Odt.step_in(Format::DOCUMENTS, true),
            Format::Markdown
        );
        assert_eq!(
            Format::Markdown.step_in(Format::DOCUMENTS, false),
            Format::Odt
        );
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
