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
mod tests {
    use super::*;
    use crate::domain::testing::*;
    use crate::domain::{Body, Department, Item, Measure, Member};

    fn member(id: &str, organisation: &str) -> Member {
        Member {
            id: id.into(),
            name: format!("Name {id}"),
            title: None,
            organisation: organisation.into(),
            email: None,
        }
    }

    fn measure(kind: MeasureType, from: &str, to: Option<&str>, fipd: bool) -> Measure {
        Measure {
            kind,
            provider: None,
            from: day(from),
            to: to.map(day),
            fipd,
            fipd_action: None,
            fipd_justification: None,
            support_group: false,
        }
    }

    fn person(id: &str, birth_year: Option<i32>, reported_on: &str) -> Case {
        let mut c = case(id, "cpraf");
        c.birth_year = birth_year;
        c.reported_on = day(reported_on);
        c
    }

    /// A hand-counted fixture for November 2026; the expected figures are worked out in
    /// the comments, case by case.
    fn fixture() -> DeptData {
        let department = Department {
            code: "49".into(),
            name: "Maine-et-Loire".into(),
            authority: None,
            timezone: None,
            marking: None,
            members: vec![
                member("a", "Org A"),
                member("b", "Org B"),
                member("c", "Org A"),
                member("d", "Org C"),
                member("e", "Org D"),
            ],
            bodies: vec![
                Body {
                    id: "cpraf".into(),
                    name: "Cellule".into(),
                    short: None,
                    chair: "a".into(),
                    every_days: 30,
                    quorum: None,
                    review_every_days: None,
                    members: vec!["a".into(), "b".into(), "c".into(), "d".into()],
                    decisions: Vec::new(),
                },
                Body {
                    id: "gtrdo".into(),
                    name: "GTRDO".into(),
                    short: None,
                    chair: "a".into(),
                    every_days: 365,
                    quorum: None,
                    review_every_days: None,
                    members: vec!["a".into(), "e".into()],
                    decisions: Vec::new(),
                },
            ],
        };
        // c1: minor (2026 - 2010 = 16), followed; mental health (FIPD) since March, education from
        // 15 November: both active in November.
        let mut c1 = person("c1", Some(2010), "2026-02-01");
        c1.measures = vec![
            measure(MeasureType::MentalHealth, "2026-03-01", None, true),
            measure(MeasureType::Education, "2026-11-15", None, false),
        ];
        // c2: adult, new in November, closed only in December: followed at the end of November;
        // insertion 10–20 November: active.
        let mut c2 = person("c2", Some(2000), "2026-11-05");
        c2.measures = vec![measure(
            MeasureType::Insertion,
            "2026-11-10",
            Some("2026-11-20"),
            false,
        )];
        // c3: family closed by the meeting of 3 November (no adherence): closed in the month;
        // its parenting support does not count (not followed at the end).
        let mut c3 = person("c3", None, "2026-06-01");
        c3.kind = CaseKind::Family;
        c3.measures = vec![measure(
            MeasureType::ParentingSupport,
            "2026-07-01",
            None,
            true,
        )];
        // c4: person without a birth year, new in November, only reported: followed, age unknown.
        let mut c4 = person("c4", None, "2026-11-20");
        c4.status = CaseStatus::Reported;
        // c5: organisation, followed; its measure ended in October.
        let mut c5 = person("c5", None, "2026-01-01");
        c5.kind = CaseKind::Organisation;
        c5.measures = vec![measure(
            MeasureType::Other,
            "2026-02-01",
            Some("2026-10-31"),
            true,
        )];
        // c6: adult (2026 - 2008 = 18) closed in its file on 12 November (moved); the close
        // decision of a draft meeting is ignored.
        let mut c6 = person("c6", Some(2008), "2026-04-01");
        c6.status = CaseStatus::Closed;
        c6.closed_on = Some(day("2026-11-12"));
        c6.closure_reason = Some(ClosureReason::Moved);
        // c7: reported in December: not counted at all.
        let c7 = person("c7", Some(2012), "2026-12-02");
        // c8: family closed in September: neither followed nor closed in November.
        let mut c8 = person("c8", None, "2025-01-01");
        c8.kind = CaseKind::Family;
        c8.status = CaseStatus::Closed;
        c8.closed_on = Some(day("2026-09-30"));
        c8.closure_reason = Some(ClosureReason::Judicial);
        // c9: minor, followed; the mobile team starts in December.
        let mut c9 = person("c9", Some(2011), "2026-03-01");
        c9.measures = vec![measure(MeasureType::MobileTeam, "2026-12-01", None, false)];
        // g1: a GTRDO case, not counted in the CPRAF's report.
        let mut g1 = case("g1", "gtrdo");
        g1.kind = CaseKind::Organisation;
        g1.reported_on = day("2026-11-02");

        let m0 = meeting("m0", "cpraf", "2026-10-20", MeetingStatus::Closed);
        let mut m1 = meeting("m1", "cpraf", "2026-11-03", MeetingStatus::Closed);
        let mut close_c3 = decided("c3", Decision::Close, None);
        close_c3.closure_reason = Some(ClosureReason::NoAdherence);
        m1.items = vec![
            decided("c2", Decision::Continue, None),
            close_c3,
            decided("c5", Decision::Orient, None),
            Item::topic("Tour de table", None),
        ];
        m1.difficulties = Some("D1".into());
        let mut m2 = meeting("m2", "cpraf", "2026-11-24", MeetingStatus::Held);
        m2.items = vec![
            decided("c2", Decision::ChildProtection, None),
            decided("c4", Decision::Continue, None),
        ];
        m2.difficulties = Some("  \n".into());
        let mut m3 = meeting("m3", "cpraf", "2026-11-28", MeetingStatus::Draft);
        m3.items = vec![decided("c6", Decision::Close, None)];
        m3.difficulties = Some("draft".into());
        let mut m4 = meeting("m4", "cpraf", "2026-12-05", MeetingStatus::Held);
        m4.items = vec![decided("c2", Decision::Close, None)];
        let mut g = meeting("g", "gtrdo", "2026-11-10", MeetingStatus::Held);
        g.items = vec![decided("g1", Decision::Continue, None)];
        g.difficulties = Some("gtrdo".into());
        DeptData {
            department,
            cases: vec![c1, c2, c3, c4, c5, c6, c7, c8, c9, g1],
            meetings: vec![m4, m2, g, m0, m3, m1],
            programmes: Vec::new(),
        }
    }

    #[test]
    fn contact_referents_groups_stages_chair_and_parquet() {
        let mut data = fixture();
        data.department.members[1].organisation = "Parquet du tribunal judiciaire".into();
        data.department.members[0].title = Some("Directeur de cabinet".into());
        for c in &mut data.cases {
            match c.id.as_str() {
                // New on 5 November, contacted on the 20th: the fifteenth day, within.
                "c2" => c.family_contacted_on = Some(day("2026-11-20")),
                "c1" => {
                    c.referent = Some(crate::domain::Referent {
                        structure: "Association".into(),
                        kind: ReferentType::Association,
                        person: None,
                    });
                    c.measures.push(Measure {
                        support_group: true,
                        ..measure(MeasureType::ParentingSupport, "2026-11-01", None, false)
                    });
                }
                "c9" => {
                    c.referent = Some(crate::domain::Referent {
                        structure: "Mairie".into(),
                        kind: ReferentType::LocalAuthority,
                        person: None,
                    });
                }
                _ => {}
            }
        }
        let r = monthly_report(&data, "cpraf", 2026, 11).unwrap();
        // New in November: c2 (contacted within 15 days) and c4 (not yet).
        assert_eq!(
            r.contact,
            Contact {
                within: 1,
                later: 0,
                not_yet: 1
            }
        );
        // Open at the end of November: c1, c2, c4, c5, c9.
        assert_eq!(
            r.referents,
            Referents {
                association: 1,
                state_service: 0,
                local_authority: 1,
                none: 3
            }
        );
        assert_eq!(r.support_groups, 1);
        assert_eq!(r.stages.total(), r.followed.total());
        // c4 is only reported: « signalée / en évaluation », the other four « suivies ».
        assert_eq!((r.stages.pending, r.stages.followed), (1, 4));
        assert_eq!(r.chair.as_deref(), Some("Directeur de cabinet, Org A"));
        assert_eq!(r.prosecutor, ["Parquet du tribunal judiciaire"]);
        assert_eq!(r.results, None);
    }

    #[test]
    fn every_figure_matches_the_hand_count() {
        let r = monthly_report(&fixture(), "cpraf", 2026, 11).unwrap();
        assert_eq!(r.first_day, day("2026-11-01"));
        assert_eq!(r.last_day, day("2026-11-30"));
        assert_eq!(r.month_text(), "2026-11");
        assert_eq!(r.organisations, ["Org A", "Org B", "Org C"]);
        assert_eq!(r.member_count, 4);
        assert_eq!(r.every_days, 30);
        assert_eq!(
            r.meetings,
            vec![
                HeldMeeting {
                    date: day("2026-11-03"),
                    id: "m1".into(),
                    days_since_previous: Some(14)
                },
                HeldMeeting {
                    date: day("2026-11-24"),
                    id: "m2".into(),
                    days_since_previous: Some(21)
                },
            ]
        );
        assert_eq!(r.last_meeting, Some(day("2026-11-24")));
        assert_eq!(r.days_since_last_meeting, Some(6));
        assert_eq!(
            r.followed,
            Split {
                minors: 2,
                adults: 1,
                age_unknown: 1,
                families: 0,
                organisations: 1
            }
        );
        assert_eq!(r.followed.total(), 5);
        assert_eq!(
            r.new,
            Split {
                adults: 1,
                age_unknown: 1,
                ..Split::default()
            }
        );
        assert_eq!(
            r.closed,
            Split {
                adults: 1,
                families: 1,
                ..Split::default()
            }
        );
        assert_eq!(
            r.closures,
            vec![
                (ClosureReason::Disengagement, 0),
                (ClosureReason::NoAdherence, 1),
                (ClosureReason::Judicial, 0),
                (ClosureReason::Moved, 1),
                (ClosureReason::Other, 0),
            ]
        );
        let modalities: Vec<(MeasureType, u32, u32)> = r
            .modalities
            .iter()
            .map(|m| (m.kind, m.cases, m.fipd))
            .collect();
        assert_eq!(
            modalities,
            vec![
                (MeasureType::MentalHealth, 1, 1),
                (MeasureType::Education, 1, 0),
                (MeasureType::Insertion, 1, 0),
                (MeasureType::ParentingSupport, 0, 0),
                (MeasureType::MobileTeam, 0, 0),
                (MeasureType::Other, 0, 0),
            ]
        );
        assert_eq!(r.with_measure, 2);
        assert_eq!(r.with_fipd, 1);
        assert_eq!(
            r.decisions,
            vec![
                (Decision::Continue, 2),
                (Decision::Orient, 1),
                (Decision::ChangeReferent, 0),
                (Decision::ReportToProsecutor, 0),
                (Decision::ChildProtection, 1),
                (Decision::BackToGed, 0),
                (Decision::Close, 1),
                (Decision::TakeCharge, 0),
                (Decision::FurtherAssessment, 0),
                (Decision::Dismiss, 0),
            ]
        );
        assert_eq!(
            r.difficulties,
            vec![Difficulty {
                date: day("2026-11-03"),
                meeting_id: "m1".into(),
                text: "D1".into()
            }]
        );
    }

    #[test]
    fn december_sees_the_later_closure() {
        let r = monthly_report(&fixture(), "cpraf", 2026, 12).unwrap();
        // c2 closed on 5 December (the test helper's reason: disengagement); c7 is new.
        assert_eq!(r.closed.adults, 1);
        assert_eq!(r.closures[0], (ClosureReason::Disengagement, 1));
        assert_eq!(r.new.minors, 1);
        // c1, c9 (minors), c4, c5, c7 remain; c9's mobile team is active now.
        assert_eq!(r.followed.total(), 5);
        assert_eq!(r.modalities[4].cases, 1);
        assert_eq!(r.meetings.len(), 1);
        assert_eq!(r.meetings[0].days_since_previous, Some(11));
    }

    #[test]
    fn a_month_without_meeting_counts_days_since_the_last() {
        let r = monthly_report(&fixture(), "cpraf", 2027, 2).unwrap();
        assert!(r.meetings.is_empty());
        assert_eq!(r.last_day, day("2027-02-28"));
        assert_eq!(r.last_meeting, Some(day("2026-12-05")));
        assert_eq!(r.days_since_last_meeting, Some(85));
        assert!(r.decisions.iter().all(|(_, n)| *n == 0));
    }

    #[test]
    fn bad_month_and_unknown_body() {
        let data = fixture();
        assert_eq!(
            monthly_report(&data, "cpraf", 2026, 13),
            Err(ReportError::BadMonth {
                year: 2026,
                month: 13
            })
        );
        assert_eq!(
            monthly_report(&data, "nope", 2026, 11),
            Err(ReportError::UnknownBody {
                body: "nope".into()
            })
        );
        assert_eq!(
            month_bounds(2024, 2),
            Some((day("2024-02-01"), day("2024-02-29")))
        );
        assert_eq!(
            month_bounds(2026, 12),
            Some((day("2026-12-01"), day("2026-12-31")))
        );
    }

    #[test]
    fn the_order_of_the_data_does_not_matter() {
        let data = fixture();
        let mut shuffled = data.clone();
        shuffled.cases.reverse();
        shuffled.meetings.reverse();
        assert_eq!(
            monthly_report(&data, "cpraf", 2026, 11),
            monthly_report(&shuffled, "cpraf", 2026, 11)
        );
    }
}
