//! The monthly report the ministry asks of each préfet (note of 19 February 2015):
//! composition, periodicity, situations followed, care modalities, results, difficulties.
//!
//! Pure computation over one département's data; the renderers live in `crate::export`.
//!
//! Definitions (the figures' meaning is fixed here, once):
//! - a case's state at the end of the month is [`current_state`](super::current_state) computed over the meetings
//!   held on or before the last day of the month (for the current month, that is its current state);
//! - a situation is **followed at the end of the month** when it was reported on or before that
//!   day and is not closed on that day (closed on or before it);
//! - a person is a **minor** when the year of the last day of the month minus the birth year is
//!   under 18 (as [`Case::is_minor_on`]); a person without a birth year counts as **age unknown**;
//! - **new** situations were reported during the month; **closed** ones have their closing date in it;
//! - a **care modality** counts the followed situations with at least one measure of that type
//!   active on some day of the month (and, separately, those with such a measure financed by the FIPD);
//! - **decisions** are those taken on cases in the held (or closed) meetings of the body that month.

use super::case::Case;
use super::current::{CurrentCase, Histories};
use super::dataset::DeptData;
use super::enums::*;
use super::meeting::Meeting;
pub use super::report_follow::{CONTACT_DAYS, Contact, Referents, Stages};
use super::report_follow::{chair_of, in_support_group, prosecutor_links};
use chrono::{Datelike, NaiveDate};

/// Counts of situations split as the ministry asks: persons (minors, adults), families,
/// and organisations (the GTRDO's groups, practitioners and establishments).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Split {
    pub minors: u32,
    pub adults: u32,
    /// Persons without a birth year.
    pub age_unknown: u32,
    pub families: u32,
    pub organisations: u32,
}

impl Split {
    /// Every person, whatever the age.
    pub fn persons(&self) -> u32 {
        self.minors + self.adults + self.age_unknown
    }

    /// Every situation.
    pub fn total(&self) -> u32 {
        self.persons() + self.families + self.organisations
    }

    fn add(&mut self, case: &Case, day: NaiveDate) {
        match case.kind {
            CaseKind::Person => match case.birth_year {
                None => self.age_unknown += 1,
                Some(_) if case.is_minor_on(day) => self.minors += 1,
                Some(_) => self.adults += 1,
            },
            CaseKind::Family => self.families += 1,
            CaseKind::Organisation => self.organisations += 1,
        }
    }
}

/// A meeting held during the month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldMeeting {
    pub date: NaiveDate,
    pub id: String,
    /// Days since the previous held meeting of the body, if there was one.
    pub days_since_previous: Option<i64>,
}

/// The care measures of one type among the followed situations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Modality {
    pub kind: MeasureType,
    /// Followed situations with a measure of this type active during the month.
    pub cases: u32,
    /// Among them, those with such a measure financed by the FIPD.
    pub fipd: u32,
}

/// The difficulties noted by one meeting of the month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difficulty {
    pub date: NaiveDate,
    pub meeting_id: String,
    pub text: String,
}

/// Every figure of the monthly report of one body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthlyReport {
    pub dept_code: String,
    pub dept_name: String,
    /// How the authority is titled, if the département says.
    pub authority: Option<String>,
    /// The marking printed at the top.
    pub marking: String,
    pub body_id: String,
    pub body_name: String,
    pub year: i32,
    pub month: u32,
    pub first_day: NaiveDate,
    /// The last day counted: the month's last day, or today for the month in progress.
    pub last_day: NaiveDate,
    /// The month is in progress: the figures are those of `last_day`, not of the month's end.
    pub in_progress: bool,
    /// The organisations of the body's members, in the order of the body's member list, once each.
    pub organisations: Vec<String>,
    /// The number of members of the body.
    pub member_count: u32,
    /// The expected interval between two meetings, in days.
    pub every_days: u32,
    /// The meetings held during the month, in time order.
    pub meetings: Vec<HeldMeeting>,
    /// The latest held meeting on or before the last day of the month.
    pub last_meeting: Option<NaiveDate>,
    /// Days from that meeting to the last day of the month.
    pub days_since_last_meeting: Option<i64>,
    /// Situations followed at the end of the month.
    pub followed: Split,
    /// Situations reported during the month.
    pub new: Split,
    /// Situations closed during the month.
    pub closed: Split,
    /// Closures of the month by reason, one entry per reason in the order of [`ClosureReason::ALL`].
    pub closures: Vec<(ClosureReason, u32)>,
    /// Followed situations with at least one active measure during the month.
    pub with_measure: u32,
    /// Followed situations with at least one FIPD-financed measure active during the month.
    pub with_fipd: u32,
    /// One entry per measure type, in the order of [`MeasureType::ALL`].
    pub modalities: Vec<Modality>,
    /// The FIPD programme of the report's year, as it stood on `last_day` (`None`: no
    /// programme).
    pub fipd: Option<super::fipd::Totals>,
    /// Decisions taken during the month by kind: the body's list and any other taken, in
    /// the order of [`Decision::ALL`].
    pub decisions: Vec<(Decision, u32)>,
    /// The meetings' difficulties, in time order.
    pub difficulties: Vec<Difficulty>,
    /// When the families of the month's new situations were contacted.
    pub contact: Contact,
    /// The open situations by the type of their référent de parcours.
    pub referents: Referents,
    /// Open situations with a « groupe de parole » active during the month.
    pub support_groups: u32,
    /// The open situations by stage (signalées / en évaluation, suivies).
    pub stages: Stages,
    /// Who chairs the body, by function and organisation.
    pub chair: Option<String>,
    /// The body's members from the parquet (the link with the procureur).
    pub prosecutor: Vec<String>,
    /// « Résultats obtenus », typed when the report is made (not in the data).
    pub results: Option<String>,
}

/// Why a report cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    /// The month is not a calendar month (`month` outside 1..=12 or a year out of range).
    BadMonth { year: i32, month: u32 },
    /// The département defines no body with this id.
    UnknownBody { body: String },
}

/// The first and last day of a month.
pub fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

/// Closed on or before `day` (a closed file without a date counts as closed).
fn closed_by(state: &CurrentCase, day: NaiveDate) -> bool {
    state.status == CaseStatus::Closed && state.closed_on.is_none_or(|d| d <= day)
}

/// Computes the monthly report of `body` for `year`-`month`.
pub fn monthly_report(
    data: &DeptData,
    body: &str,
    year: i32,
    month: u32,
) -> Result<MonthlyReport, ReportError> {
    monthly_report_on(data, body, year, month, None)
}

/// Computes the monthly report of `body` for `year`-`month` as known on `today`: for the month in
/// progress (`today` inside it), everything is counted up to `today`, not to the month's end.
pub fn monthly_report_on(
    data: &DeptData,
    body: &str,
    year: i32,
    month: u32,
    today: Option<NaiveDate>,
) -> Result<MonthlyReport, ReportError> {
    let (first, end) = month_bounds(year, month).ok_or(ReportError::BadMonth { year, month })?;
    let in_progress = today.filter(|t| first <= *t && *t < end);
    let last = in_progress.unwrap_or(end);
    let body_def = data
        .department
        .body(body)
        .ok_or_else(|| ReportError::UnknownBody {
            body: body.to_string(),
        })?;
    let in_month = |d: NaiveDate| first <= d && d <= last;

    let mut organisations: Vec<String> = Vec::new();
    for member in body_def
        .members
        .iter()
        .filter_map(|id| data.department.member(id))
    {
        if !organisations.contains(&member.organisation) {
            organisations.push(member.organisation.clone());
        }
    }

    let mut held: Vec<&Meeting> = data
        .meetings
        .iter()
        .filter(|m| m.body == body && m.status.is_held() && m.date <= last)
        .collect();
    held.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
    let mut meetings = Vec::new();
    for (index, m) in held.iter().enumerate() {
        if in_month(m.date) {
            let previous = index.checked_sub(1).and_then(|i| held.get(i));
            meetings.push(HeldMeeting {
                date: m.date,
                id: m.id.clone(),
                days_since_previous: previous.map(|p| (m.date - p.date).num_days()),
            });
        }
    }
    let last_meeting = held.last().map(|m| m.date);

    // The state at the end of the month: the decisions of the meetings held up to its last day.
    let until_end = Histories::of_meetings(data.meetings.iter().filter(|m| m.date <= last));
    let mut followed = Split::default();
    let mut new = Split::default();
    let mut closed = Split::default();
    let mut closures: Vec<(ClosureReason, u32)> =
        ClosureReason::ALL.iter().map(|r| (*r, 0)).collect();
    let mut with_measure = 0;
    let mut with_fipd = 0;
    let mut modalities: Vec<Modality> = MeasureType::ALL
        .iter()
        .map(|kind| Modality {
            kind: *kind,
            cases: 0,
            fipd: 0,
        })
        .collect();
    let mut contact = Contact::default();
    let mut referents = Referents::default();
    let mut stages = Stages::default();
    let mut support_groups = 0;
    for case in data.cases.iter().filter(|c| c.body == body) {
        if case.reported_on > last {
            continue;
        }
        let state = until_end.current(case);
        if in_month(case.reported_on) {
            new.add(case, last);
            contact.add(case, last);
        }
        if state.status == CaseStatus::Closed && state.closed_on.is_some_and(in_month) {
            closed.add(case, last);
            let reason = state.closure_reason.unwrap_or(ClosureReason::Other);
            if let Some(entry) = closures.iter_mut().find(|(r, _)| *r == reason) {
                entry.1 += 1;
            }
        }
        if closed_by(&state, last) {
            continue;
        }
        followed.add(case, last);
        referents.add(state.referent.as_ref());
        stages.add(state.status);
        if in_support_group(state.measures(case), first, last) {
            support_groups += 1;
        }
        let active: Vec<_> = state
            .measures(case)
            .filter(|m| m.from <= last && m.to.is_none_or(|to| to >= first))
            .collect();
        if !active.is_empty() {
            with_measure += 1;
        }
        if active.iter().any(|m| m.fipd) {
            with_fipd += 1;
        }
        for modality in &mut modalities {
            if active.iter().any(|m| m.kind == modality.kind) {
                modality.cases += 1;
            }
            if active.iter().any(|m| m.kind == modality.kind && m.fipd) {
                modality.fipd += 1;
            }
        }
    }

    // The body's decisions, and any other taken in the month, in the order of the format.
    let taken = |d: Decision| {
        held.iter().filter(|m| in_month(m.date)).any(|m| {
            m.items
                .iter()
                .any(|i| i.case.is_some() && i.decision == Some(d))
        })
    };
    let mut decisions: Vec<(Decision, u32)> = Decision::ALL
        .iter()
        .filter(|d| body_def.decision_list().contains(d) || taken(**d))
        .map(|d| (*d, 0))
        .collect();
    let mut difficulties = Vec::new();
    for m in held.iter().filter(|m| in_month(m.date)) {
        for decision in m
            .items
            .iter()
            .filter(|i| i.case.is_some())
            .filter_map(|i| i.decision)
        {
            if let Some(entry) = decisions.iter_mut().find(|(d, _)| *d == decision) {
                entry.1 += 1;
            }
        }
        if let Some(text) = m
            .difficulties
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            difficulties.push(Difficulty {
                date: m.date,
                meeting_id: m.id.clone(),
                text: text.to_string(),
            });
        }
    }

    Ok(MonthlyReport {
        fipd: data.programme(year).map(|p| p.totals_on(last)),
        dept_code: data.department.code.clone(),
        dept_name: data.department.name.clone(),
        authority: data.department.authority.clone(),
        marking: data.department.marking().to_string(),
        body_id: body_def.id.clone(),
        body_name: body_def.name.clone(),
        year,
        month,
        first_day: first,
        last_day: last,
        in_progress: in_progress.is_some(),
        member_count: body_def.members.len() as u32,
        organisations,
        every_days: body_def.every_days,
        meetings,
        last_meeting,
        days_since_last_meeting: last_meeting.map(|d| (last - d).num_days()),
        followed,
        new,
        closed,
        closures,
        with_measure,
        with_fipd,
        modalities,
        decisions,
        difficulties,
        contact,
        referents,
        support_groups,
        stages,
        chair: chair_of(data, body_def),
        prosecutor: prosecutor_links(data, body_def),
        results: None,
    })
}

impl MonthlyReport {
    /// `YYYY-MM`.
    pub fn month_text(&self) -> String {
        format!("{:04}-{:02}", self.first_day.year(), self.first_day.month())
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
