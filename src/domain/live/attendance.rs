//! Who attends: invitees' statuses, late arrivals, guests, and the counts.

use super::{LiveError, clean_text, ensure_editable, set_if_changed};
use crate::domain::{Attendance, AttendanceStatus, Guest, Meeting};

/// The status and representative as kept in the file: `by` (trimmed) only with
/// `represented`, where it is required.
fn status_and_by(
    status: AttendanceStatus,
    by: Option<&str>,
) -> Result<(AttendanceStatus, Option<String>), LiveError> {
    if status == AttendanceStatus::Represented {
        let by = by
            .and_then(clean_text)
            .ok_or(LiveError::RepresentativeRequired)?;
        Ok((status, Some(by)))
    } else {
        Ok((status, None))
    }
}

/// Sets an invitee's status. `by` is required (non-blank) with `represented` and dropped
/// otherwise; `invited` puts the member back to "no answer yet".
pub fn set_attendance(
    meeting: &mut Meeting,
    member: &str,
    status: AttendanceStatus,
    by: Option<&str>,
) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let (status, by) = status_and_by(status, by)?;
    let entry = meeting
        .attendance
        .iter_mut()
        .find(|a| a.member == member)
        .ok_or_else(|| LiveError::NoSuchMember {
            member: member.to_string(),
        })?;
    let changed = set_if_changed(&mut entry.status, status);
    Ok(set_if_changed(&mut entry.by, by) || changed)
}

/// Adds a member of the directory who was not invited (a late addition), with a status.
/// The caller checks that the id is a member of the département.
pub fn add_member(
    meeting: &mut Meeting,
    member: &str,
    status: AttendanceStatus,
    by: Option<&str>,
) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let member = member.trim();
    if member.is_empty() {
        return Err(LiveError::MemberRequired);
    }
    if meeting.attendance.iter().any(|a| a.member == member) {
        return Err(LiveError::AlreadyInvited {
            member: member.to_string(),
        });
    }
    let (status, by) = status_and_by(status, by)?;
    meeting.attendance.push(Attendance {
        member: member.to_string(),
        status,
        by,
        for_information: false,
    });
    Ok(true)
}

/// A guest as typed in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewGuest<'a> {
    pub name: &'a str,
    pub title: Option<&'a str>,
    pub organisation: &'a str,
    pub status: AttendanceStatus,
    pub by: Option<&'a str>,
}

/// Adds a guest (someone outside the directory). Name and organisation are required.
pub fn add_guest(meeting: &mut Meeting, guest: NewGuest<'_>) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let name = clean_text(guest.name).ok_or(LiveError::GuestNameRequired)?;
    let organisation =
        clean_text(guest.organisation).ok_or(LiveError::GuestOrganisationRequired)?;
    let (status, by) = status_and_by(guest.status, guest.by)?;
    meeting.guests.push(Guest {
        name,
        title: guest.title.and_then(clean_text),
        organisation,
        email: None,
        status,
        by,
        for_information: false,
    });
    Ok(true)
}

/// Corrects a guest: name, title, organisation, status and representative.
pub fn edit_guest(
    meeting: &mut Meeting,
    index: usize,
    guest: NewGuest<'_>,
) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let name = clean_text(guest.name).ok_or(LiveError::GuestNameRequired)?;
    let organisation =
        clean_text(guest.organisation).ok_or(LiveError::GuestOrganisationRequired)?;
    let (status, by) = status_and_by(guest.status, guest.by)?;
    let slot = meeting
        .guests
        .get_mut(index)
        .ok_or(LiveError::NoSuchGuest { index })?;
    let edited = Guest {
        name,
        title: guest.title.and_then(clean_text),
        organisation,
        email: slot.email.clone(),
        status,
        by,
        for_information: slot.for_information,
    };
    Ok(set_if_changed(slot, edited))
}

/// Sets a guest's status, with the same rule for `by` as for invitees.
pub fn set_guest_status(
    meeting: &mut Meeting,
    index: usize,
    status: AttendanceStatus,
    by: Option<&str>,
) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    let (status, by) = status_and_by(status, by)?;
    let guest = meeting
        .guests
        .get_mut(index)
        .ok_or(LiveError::NoSuchGuest { index })?;
    let changed = set_if_changed(&mut guest.status, status);
    Ok(set_if_changed(&mut guest.by, by) || changed)
}

/// Removes a guest added by mistake.
pub fn remove_guest(meeting: &mut Meeting, index: usize) -> Result<bool, LiveError> {
    ensure_editable(meeting)?;
    if index >= meeting.guests.len() {
        return Err(LiveError::NoSuchGuest { index });
    }
    meeting.guests.remove(index);
    Ok(true)
}

/// How many invitees and guests are in each status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AttendanceCounts {
    pub present: usize,
    pub represented: usize,
    pub excused: usize,
    pub absent: usize,
    /// No answer yet.
    pub invited: usize,
}

impl AttendanceCounts {
    /// Everyone listed.
    pub fn total(&self) -> usize {
        self.present + self.represented + self.excused + self.absent + self.invited
    }
}

/// The counts over invitees and guests together.
pub fn attendance_counts(meeting: &Meeting) -> AttendanceCounts {
    let mut counts = AttendanceCounts::default();
    let statuses = meeting
        .attendance
        .iter()
        .map(|a| a.status)
        .chain(meeting.guests.iter().map(|g| g.status));
    for status in statuses {
        let slot = match status {
            AttendanceStatus::Present => &mut counts.present,
            AttendanceStatus::Represented => &mut counts.represented,
            AttendanceStatus::Excused => &mut counts.excused,
            AttendanceStatus::Absent => &mut counts.absent,
            AttendanceStatus::Invited => &mut counts.invited,
        };
        *slot += 1;
    }
    counts
}
