//! The words and lines the séance's screen and its panels both draw with (counts of
//! attendance, decisions, reasons, field lines), so that neither imports the other.

use super::fit;
use crate::domain::{AttendanceStatus, ClosureReason, Decision};
use crate::i18n::Lang;
use crate::tui::app::App;
use crate::tui::seance::colon;
use crate::tui::strings;
use ratatui::text::{Line, Span};

/// `3 présents · 1 représenté · 1 excusé · 0 absent · 12 sans réponse`.
pub fn counts_line(counts: &crate::domain::live::AttendanceCounts, lang: Lang) -> String {
    [
        (counts.present, AttendanceStatus::Present),
        (counts.represented, AttendanceStatus::Represented),
        (counts.excused, AttendanceStatus::Excused),
        (counts.absent, AttendanceStatus::Absent),
        (counts.invited, AttendanceStatus::Invited),
    ]
    .map(|(n, status)| format!("{n} {}", count_word(status, n, lang)))
    .join(" · ")
}

/// The status word agreeing with a count: `1 présent`, `3 présents`, `2 sans réponse`.
pub fn count_word(status: AttendanceStatus, n: usize, lang: Lang) -> &'static str {
    if n <= 1 {
        return status_word(status, lang);
    }
    let (fr, en) = match status {
        AttendanceStatus::Present => ("présents", "present"),
        AttendanceStatus::Represented => ("représentés", "represented"),
        AttendanceStatus::Excused => ("excusés", "excused"),
        AttendanceStatus::Absent => ("absents", "absent"),
        AttendanceStatus::Invited => ("sans réponse", "no answer"),
    };
    lang.pick(fr, en)
}

pub fn status_word(status: AttendanceStatus, lang: Lang) -> &'static str {
    let (fr, en) = match status {
        AttendanceStatus::Present => ("présent", "present"),
        AttendanceStatus::Represented => ("représenté", "represented"),
        AttendanceStatus::Excused => ("excusé", "excused"),
        AttendanceStatus::Absent => ("absent", "absent"),
        AttendanceStatus::Invited => ("sans réponse", "no answer"),
    };
    lang.pick(fr, en)
}

/// One field line: the label, the value, highlighted when in focus.
pub fn field_line(
    app: &App,
    focused: bool,
    label: &str,
    value: String,
    width: usize,
) -> Line<'static> {
    let style = if focused {
        app.theme.selected
    } else {
        app.theme.base
    };
    let text = if label.starts_with('[') {
        // A check box: `[x] text`.
        fit(&format!("{label} {value}"), width.saturating_sub(2))
    } else {
        fit(
            &format!("{label}{}{value}", colon(app.lang)),
            width.saturating_sub(2),
        )
    };
    Line::from(vec![
        Span::styled(if focused { "› " } else { "  " }, app.theme.key),
        Span::styled(text, style),
    ])
}

pub fn decision_word(d: Option<Decision>, lang: Lang) -> String {
    d.map_or("—".into(), |d| strings::decision(d, lang).to_string())
}

pub fn reason_word(r: Option<ClosureReason>, lang: Lang) -> String {
    r.map_or("—".into(), |r| {
        crate::i18n::export::closure_reason(lang, r).to_string()
    })
}
