//! The messages of the commits of exported files (`--commit`).

use crate::domain::DeptData;

use super::{ExportError, Level, meeting_of};

/// `Compte rendu cpraf 75 2026-11-30 (partners)`.
pub fn commit_message_minutes(
    data: &DeptData,
    meeting_id: &str,
    level: Level,
) -> Result<String, ExportError> {
    let m = meeting_of(data, meeting_id)?;
    Ok(format!(
        "Compte rendu {} {} {} ({})",
        m.body,
        data.code(),
        m.date,
        level.as_str()
    ))
}

/// `Ordre du jour cpraf 75 2026-11-30`.
pub fn commit_message_agenda(data: &DeptData, meeting_id: &str) -> Result<String, ExportError> {
    let m = meeting_of(data, meeting_id)?;
    Ok(format!(
        "Ordre du jour {} {} {}",
        m.body,
        data.code(),
        m.date
    ))
}

/// `Rapport mensuel cpraf 75 2026-11 (csv)`.
pub fn commit_message_report(
    data: &DeptData,
    month: (i32, u32),
    body: &str,
    format: super::ReportFormat,
) -> String {
    format!(
        "Rapport mensuel {body} {} {:04}-{:02} ({})",
        data.code(),
        month.0,
        month.1,
        format.extension()
    )
}
