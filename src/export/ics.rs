//! The convocation as an iCalendar file (RFC 5545), so that Outlook and Thunderbird users add
//! the meeting to their calendars: `agendas/<id>.ics`.
//!
//! Built on the partners' view, as the agenda: the description lists the agenda with cases by
//! label only; the invitees with an e-mail are its attendees. The same data give the same
//! bytes: the stamp is derived from the meeting, not from the clock.
//!
//! Written by hand rather than with the `icalendar` crate: that crate writes no `VTIMEZONE`
//! (it only sets `X-WR-TIMEZONE`) and stamps every event with the current time, where a
//! convocation needs its département's time zone and reproducible bytes.

use super::ExportError;
use super::minutes::item_title;
use super::redact::{Attendee, MeetingView, Partners, Person, Redacted};
use crate::domain::MeetingStatus;
use crate::domain::agenda::DEFAULT_MEETING_MINUTES;
use crate::i18n::Lang;
use crate::i18n::export::{self as words, Label};
use chrono::{DateTime, Datelike, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use std::path::PathBuf;

/// Where the calendar file goes, relative to the département folder: `agendas/<id>.ics`.
pub fn ics_path(meeting_id: &str) -> PathBuf {
    PathBuf::from("agendas").join(format!("{meeting_id}.ics"))
}

/// The calendar file of `meeting_id`.
pub fn render(
    view: Redacted<'_, Partners>,
    meeting_id: &str,
    lang: Lang,
) -> Result<String, ExportError> {
    let meeting = view.meeting(meeting_id)?;
    let tz = view.time_zone();
    let start = meeting.date().and_time(meeting.start());
    let end = end_of(&meeting, start);
    let mut out = Lines::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//cellule//convocation//FR");
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    vtimezone(&mut out, tz, meeting.date().year());
    out.line("BEGIN:VEVENT");
    out.line(&format!(
        "UID:{}",
        text(&format!("cellule-{}-{}", view.dept_code(), meeting.id()))
    ));
    out.line(&format!("DTSTAMP:{}", stamp(&meeting)));
    out.line(&format!("SEQUENCE:{}", sequence(&meeting)));
    out.line(&format!("DTSTART;TZID={}:{}", tz.name(), local(start)));
    out.line(&format!("DTEND;TZID={}:{}", tz.name(), local(end)));
    let body = view.body_name(meeting.body());
    out.line(&format!(
        "SUMMARY:{}",
        text(&format!("{} — {body}", Label::Convocation.text(lang)))
    ));
    if let Some(place) = meeting.place().filter(|p| !p.trim().is_empty()) {
        out.line(&format!("LOCATION:{}", text(place.trim())));
    }
    out.line(&format!(
        "DESCRIPTION:{}",
        text(&description(&meeting, lang))
    ));
    out.line(&format!("STATUS:{}", status(meeting.status())));
    let chair = meeting.chair();
    if let Some(email) = chair.email() {
        out.line(&format!(
            "ORGANIZER;CN={}:mailto:{}",
            param(&cn(&chair)),
            mail(email)
        ));
    }
    for a in super::agenda::invitees(&view, &meeting) {
        attendee(&mut out, &a);
    }
    out.line("END:VEVENT");
    out.line("END:VCALENDAR");
    Ok(out.0)
}

/// The planned end, else the start plus the default length; past midnight it is the next day.
fn end_of(meeting: &MeetingView<'_, Partners>, start: NaiveDateTime) -> NaiveDateTime {
    match meeting.end() {
        Some(end) if end > start.time() => start.date().and_time(end),
        Some(end) => start
            .date()
            .succ_opt()
            .map_or(start, |next| next.and_time(end)),
        None => start + TimeDelta::minutes(i64::from(DEFAULT_MEETING_MINUTES)),
    }
}

/// The stamp: midnight UTC of the date the meeting's id was made from, so that the same
/// meeting gives the same bytes.
fn stamp(meeting: &MeetingView<'_, Partners>) -> String {
    let day = id_date(meeting);
    format!("{}T000000Z", day.format("%Y%m%d"))
}

/// The date the meeting's id was made from: its first date when it was moved.
fn id_date(meeting: &MeetingView<'_, Partners>) -> chrono::NaiveDate {
    meeting.details().rescheduled_from.unwrap_or(meeting.date())
}

/// Moved or cancelled, the event is a newer version of the one first sent.
fn sequence(meeting: &MeetingView<'_, Partners>) -> u32 {
    u32::from(id_date(meeting) != meeting.date())
        + u32::from(meeting.status() == MeetingStatus::Cancelled)
}

fn status(s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Draft => "TENTATIVE",
        MeetingStatus::Convened | MeetingStatus::Held | MeetingStatus::Closed => "CONFIRMED",
        MeetingStatus::Cancelled => "CANCELLED",
    }
}

/// The agenda at the partners' level: topics, cases by label, durations.
fn description(meeting: &MeetingView<'_, Partners>, lang: Lang) -> String {
    let mut out = format!("{}{}\n", Label::Agenda.text(lang), words::colon(lang));
    for (i, item) in meeting.items().iter().enumerate() {
        let mut line = format!("{}. {}", i + 1, item_title(lang, item, false));
        if let Some(m) = item.minutes() {
            line.push_str(&format!(" — {}", words::duration(lang, m)));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!(
        "{}{} {}",
        Label::PlannedTotal.text(lang),
        words::colon(lang),
        words::duration(lang, meeting.planned_minutes())
    ));
    if let Some(reason) = meeting.details().cancel_reason.as_deref() {
        out.push_str(&format!(
            "\n{}{} {}",
            Label::Cancelled.text(lang),
            words::colon(lang),
            reason.trim()
        ));
    }
    out
}

/// `Name (Organisation)`.
fn cn(p: &Person<'_, Partners>) -> String {
    let org = p.organisation().trim();
    if org.is_empty() {
        p.name().trim().to_string()
    } else {
        format!("{} ({org})", p.name().trim())
    }
}

fn attendee(out: &mut Lines, a: &Attendee<'_, Partners>) {
    let Some(email) = a.person.email() else {
        return;
    };
    let role = if a.for_information {
        "NON-PARTICIPANT"
    } else {
        "REQ-PARTICIPANT"
    };
    out.line(&format!(
        "ATTENDEE;CN={};ROLE={role};PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{}",
        param(&cn(&a.person)),
        mail(email)
    ));
}

/// A local date-time `YYYYMMDDTHHMMSS`.
fn local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// `+0100`, `-0400`.
fn offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// The offset of `tz` at `t`: total seconds, daylight saving or not, abbreviation.
fn offset_at(tz: Tz, t: DateTime<Utc>) -> (i32, bool, String) {
    let o = tz.offset_from_utc_datetime(&t.naive_utc());
    let total = o.fix().local_minus_utc();
    let dst = o.dst_offset() != TimeDelta::zero();
    let name = o.abbreviation().unwrap_or("").to_string();
    (total, dst, name)
}

/// The time zone's observances that cover `year`: the one in effect at the start of the
/// year before, then every change of offset through `year` (found hour by hour, then to the
/// minute). A zone without daylight saving time gets its one offset.
fn vtimezone(out: &mut Lines, tz: Tz, year: i32) {
    let from = Utc
        .with_ymd_and_hms(year - 1, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default();
    let until = Utc
        .with_ymd_and_hms(year + 1, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default();
    out.line("BEGIN:VTIMEZONE");
    out.line(&format!("TZID:{}", tz.name()));
    let first = offset_at(tz, from);
    observance(
        out,
        first.0,
        &first,
        (from + TimeDelta::seconds(i64::from(first.0))).naive_utc(),
    );
    let mut t = from;
    let mut before = first;
    while t < until {
        let next = t + TimeDelta::hours(1);
        let after = offset_at(tz, next);
        if after.0 != before.0 || after.1 != before.1 {
            // To the minute within the hour.
            let mut at = t;
            while offset_at(tz, at).0 == before.0 && offset_at(tz, at).1 == before.1 && at < next {
                at += TimeDelta::minutes(1);
            }
            let onset = (at + TimeDelta::seconds(i64::from(before.0))).naive_utc();
            observance(out, before.0, &after, onset);
            before = after;
        }
        t = next;
    }
    out.line("END:VTIMEZONE");
}

fn observance(out: &mut Lines, from: i32, to: &(i32, bool, String), onset: NaiveDateTime) {
    let kind = if to.1 { "DAYLIGHT" } else { "STANDARD" };
    out.line(&format!("BEGIN:{kind}"));
    out.line(&format!("DTSTART:{}", local(onset)));
    out.line(&format!("TZOFFSETFROM:{}", offset(from)));
    out.line(&format!("TZOFFSETTO:{}", offset(to.0)));
    if !to.2.is_empty() {
        out.line(&format!("TZNAME:{}", text(&to.2)));
    }
    out.line(&format!("END:{kind}"));
}

/// A TEXT value: backslash, semicolon, comma and line breaks escaped, other control
/// characters left out.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value, always quoted (a double quote cannot be written in it).
fn param(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if c == '"' { '\'' } else { c })
        .collect();
    format!("\"{clean}\"")
}

/// An address for `mailto:`: no space, no control character.
fn mail(value: &str) -> String {
    value
        .trim()
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// Content lines ended by CRLF, folded at 75 octets (never inside a character).
#[derive(Default)]
struct Lines(String);

impl Lines {
    fn line(&mut self, line: &str) {
        let mut room = 75;
        let mut used = 0;
        for c in line.chars() {
            let n = c.len_utf8();
            if used + n > room {
                self.0.push_str("\r\n ");
                used = 0;
                room = 74;
            }
            self.0.push(c);
            used += n;
        }
        self.0.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_folded_at_75_octets_without_cutting_a_character() {
        let mut l = Lines::default();
        let long = format!("DESCRIPTION:{}", "é".repeat(100));
        l.line(&long);
        for part in l.0.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{} octets", part.len());
        }
        let unfolded = l.0.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{long}\r\n"));
    }

    #[test]
    fn texts_are_escaped() {
        assert_eq!(text("a;b,c\\d\ne\u{7}"), "a\\;b\\,c\\\\d\\ne");
        assert_eq!(param("Jean \"JJ\" Roux"), "\"Jean 'JJ' Roux\"");
        assert_eq!(offset(3600), "+0100");
        assert_eq!(offset(-4 * 3600), "-0400");
        assert_eq!(offset(19800), "+0530");
    }

    #[test]
    fn the_time_zone_of_paris_has_its_two_changes_and_guadeloupe_none() {
        let mut l = Lines::default();
        vtimezone(&mut l, chrono_tz::Europe::Paris, 2026);
        let t = l.0;
        assert!(t.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"), "{t}");
        assert!(t.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"), "{t}");
        let mut l = Lines::default();
        vtimezone(&mut l, chrono_tz::America::Guadeloupe, 2026);
        assert!(!l.0.contains("DAYLIGHT"), "{}", l.0);
        assert_eq!(l.0.matches("BEGIN:STANDARD").count(), 1);
        assert!(l.0.contains("TZOFFSETTO:-0400"));
    }
}
