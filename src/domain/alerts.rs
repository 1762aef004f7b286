//! The alerts of the dashboard: what needs attention today.
//!
//! Pure rules over [`DeptData`]; the interface only renders them and follows their
//! [`AlertTarget`] when the user presses `Enter`.

use super::case::Case;
use super::current::{CurrentCase, Histories};
use super::dataset::DeptData;
use super::enums::*;
use super::rules::{last_held, open_actions};
use chrono::NaiveDate;

/// A review within this many days is shown as due.
pub const DUE_SOON_DAYS: i64 = 14;
/// A new case whose family has not been contacted after this many days is an alert.
pub const FAMILY_CONTACT_DAYS: i64 = 15;

/// What an alert is about, so that the interface can go there.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AlertTarget {
    /// A case, by id.
    Case(String),
    /// A meeting, by id (and the agenda item the alert is about).
    Meeting { id: String, item: usize },
    /// A body, by id.
    Body(String),
    /// The list of problems found while loading the files.
    Problems,
    /// The FIPD programme of a year.
    Programme(i32),
}

/// One alert of the dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alert {
    /// Files could not be read or are invalid.
    LoadProblems { count: usize },
    /// An open case whose review date has passed.
    ReviewOverdue { case: String, due: NaiveDate },
    /// An action decided at a meeting, still open past its due date.
    ActionOverdue {
        meeting: String,
        item: usize,
        case: Option<String>,
        text: String,
        owner: String,
        due: NaiveDate,
    },
    /// A body whose last held meeting is older than its interval, or that never met.
    BodyNotMet {
        body: String,
        last_held: Option<NaiveDate>,
        every_days: u32,
    },
    /// A new case (reported or assessed) whose family is still not contacted.
    NoFamilyContact {
        case: String,
        reported_on: NaiveDate,
    },
    /// A followed case without référent de parcours.
    NoReferent { case: String },
    /// An open case to review within [`DUE_SOON_DAYS`].
    ReviewDue { case: String, due: NaiveDate },
    /// A rule of the FIPD annex, or a special public of the PNPR (`fipd`).
    Fund(super::fipd::Finding),
}

impl Alert {
    /// Where `Enter` goes.
    pub fn target(&self) -> AlertTarget {
        match self {
            Alert::LoadProblems { .. } => AlertTarget::Problems,
            Alert::ReviewOverdue { case, .. }
            | Alert::NoFamilyContact { case, .. }
            | Alert::NoReferent { case }
            | Alert::ReviewDue { case, .. } => AlertTarget::Case(case.clone()),
            Alert::ActionOverdue { meeting, item, .. } => AlertTarget::Meeting {
                id: meeting.clone(),
                item: *item,
            },
            Alert::BodyNotMet { body, .. } => AlertTarget::Body(body.clone()),
            Alert::Fund(f) => match &f.at {
                super::fipd::Where::Case { case, .. } => AlertTarget::Case(case.clone()),
                super::fipd::Where::Allocation { year }
                | super::fipd::Where::Action { year, .. } => AlertTarget::Programme(*year),
            },
        }
    }

    /// What kind of alert this is: the dashboard groups them by kind.
    pub fn kind(&self) -> AlertKind {
        match self {
            Alert::LoadProblems { .. } => AlertKind::LoadProblems,
            Alert::BodyNotMet { .. } => AlertKind::BodyNotMet,
            Alert::ReviewOverdue { .. } => AlertKind::ReviewOverdue,
            Alert::ActionOverdue { .. } => AlertKind::ActionOverdue,
            Alert::NoFamilyContact { .. } => AlertKind::NoFamilyContact,
            Alert::NoReferent { .. } => AlertKind::NoReferent,
            Alert::ReviewDue { .. } => AlertKind::ReviewDue,
            Alert::Fund(_) => AlertKind::Fund,
        }
    }

    /// The most urgent first: problems and bodies that have not met, then overdue reviews
    /// and actions, then the rest.
    pub fn rank(&self) -> u8 {
        self.kind() as u8
    }

    /// Urgent alerts are shown as errors, the others as warnings.
    pub fn is_urgent(&self) -> bool {
        self.kind() <= AlertKind::ActionOverdue
    }

    /// The date the alert sorts by within its kind.
    fn date(&self) -> Option<NaiveDate> {
        match self {
            Alert::ReviewOverdue { due, .. }
            | Alert::ReviewDue { due, .. }
            | Alert::ActionOverdue { due, .. } => Some(*due),
            Alert::NoFamilyContact { reported_on, .. } => Some(*reported_on),
            Alert::BodyNotMet { last_held, .. } => *last_held,
            Alert::LoadProblems { .. } | Alert::NoReferent { .. } | Alert::Fund(_) => None,
        }
    }
}

/// The kinds of alert, in the order the dashboard shows their groups: what concerns the
/// files or a whole body first (a body that has not met within its interval, the GTRDO's
/// yearly meeting), so that it is never pushed below the fold by case alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AlertKind {
    LoadProblems,
    BodyNotMet,
    ReviewOverdue,
    ActionOverdue,
    /// The FIPD programme and the special publics (rules of the fund's annex).
    Fund,
    NoFamilyContact,
    NoReferent,
    ReviewDue,
}

impl AlertKind {
    /// Alerts about the files or a whole body: few, and always shown unfolded.
    pub fn is_body_level(self) -> bool {
        matches!(self, AlertKind::LoadProblems | AlertKind::BodyNotMet)
    }
}

/// The alerts of one kind: `alerts[range]` of a list sorted as [`alerts`] sorts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertGroup {
    pub kind: AlertKind,
    pub range: std::ops::Range<usize>,
}

impl AlertGroup {
    pub fn len(&self) -> usize {
        self.range.len()
    }

    pub fn is_empty(&self) -> bool {
        self.range.is_empty()
    }
}

/// The groups of a sorted list of alerts, in the order of their kinds; a kind without
/// alert has no group.
pub fn groups(alerts: &[Alert]) -> Vec<AlertGroup> {
    let mut out: Vec<AlertGroup> = Vec::new();
    for (i, alert) in alerts.iter().enumerate() {
        let kind = alert.kind();
        match out.last_mut() {
            Some(g) if g.kind == kind => g.range.end = i + 1,
            _ => out.push(AlertGroup {
                kind,
                range: i..i + 1,
            }),
        }
    }
    out
}

/// The alert for files that failed to load, when there are any.
pub fn load_problems_alert(count: usize) -> Option<Alert> {
    (count > 0).then_some(Alert::LoadProblems { count })
}

/// Every alert of the data on `today`, most urgent first, then by date.
///
/// The order depends only on the data, never on the order cases and meetings were given in.
pub fn alerts(data: &DeptData, today: NaiveDate) -> Vec<Alert> {
    let histories = Histories::new(&data.meetings);
    let currents: Vec<CurrentCase> = data.cases.iter().map(|c| histories.current(c)).collect();
    alerts_of(data, &currents, today)
}

/// [`alerts`] given the current state of every case (`currents`, in the order of
/// `data.cases`), for a caller that has them already.
pub fn alerts_of(data: &DeptData, currents: &[CurrentCase], today: NaiveDate) -> Vec<Alert> {
    let mut out = Vec::new();
    for (case, current) in data.cases.iter().zip(currents) {
        case_alerts(case, current, today, &mut out);
        if current.is_open() {
            let publics = super::fipd::publics::special_publics(case, today);
            out.extend(publics.into_iter().map(Alert::Fund));
        }
    }
    let fund = super::fipd::check_dept(data, today);
    out.extend(fund.into_iter().map(Alert::Fund));
    for body in &data.department.bodies {
        for open in open_actions(&data.meetings, &body.id, None) {
            if let Some(due) = open.action.due.filter(|_| open.action.is_overdue(today)) {
                out.push(Alert::ActionOverdue {
                    meeting: open.meeting.id.clone(),
                    item: open.item_index,
                    case: open.case.map(str::to_string),
                    text: open.action.text.clone(),
                    owner: open.action.owner.clone(),
                    due,
                });
            }
        }
        let last = last_held(&data.meetings, &body.id);
        let late = last.is_none_or(|d| (today - d).num_days() > i64::from(body.every_days));
        if late {
            out.push(Alert::BodyNotMet {
                body: body.id.clone(),
                last_held: last,
                every_days: body.every_days,
            });
        }
    }
    out.sort_by(|a, b| (a.rank(), a.date(), alert_key(a)).cmp(&(b.rank(), b.date(), alert_key(b))));
    out
}

/// The alerts of the data plus the one for files that failed to load.
pub fn alerts_with_problems(
    data: &DeptData,
    currents: &[CurrentCase],
    today: NaiveDate,
    problems: usize,
) -> Vec<Alert> {
    let mut out: Vec<Alert> = load_problems_alert(problems).into_iter().collect();
    out.extend(alerts_of(data, currents, today));
    out
}

/// What orders alerts of one rank and date: what they are about (borrowed, so that
/// sorting copies nothing).
fn alert_key(alert: &Alert) -> (&str, usize, &str) {
    match alert {
        Alert::ActionOverdue {
            meeting,
            item,
            text,
            ..
        } => (meeting, *item, text),
        Alert::ReviewOverdue { case, .. }
        | Alert::NoFamilyContact { case, .. }
        | Alert::NoReferent { case }
        | Alert::ReviewDue { case, .. } => (case, 0, ""),
        Alert::BodyNotMet { body, .. } => (body, 0, ""),
        Alert::LoadProblems { .. } => ("", 0, ""),
        Alert::Fund(f) => match &f.at {
            super::fipd::Where::Case { case, measure } => (case, measure.unwrap_or(0), ""),
            super::fipd::Where::Action { id, index, .. } => (id, *index, ""),
            super::fipd::Where::Allocation { .. } => ("", 0, ""),
        },
    }
}

fn case_alerts(case: &Case, current: &CurrentCase, today: NaiveDate, out: &mut Vec<Alert>) {
    if !current.is_open() {
        return;
    }
    if let Some(due) = current.next_review {
        let days = (due - today).num_days();
        if days < 0 {
            out.push(Alert::ReviewOverdue {
                case: case.id.clone(),
                due,
            });
        } else if days <= DUE_SOON_DAYS {
            out.push(Alert::ReviewDue {
                case: case.id.clone(),
                due,
            });
        }
    }
    if current.status == CaseStatus::Followed && current.referent.is_none() {
        out.push(Alert::NoReferent {
            case: case.id.clone(),
        });
    }
    let new = matches!(current.status, CaseStatus::Reported | CaseStatus::Assessed);
    if new
        && case.kind != CaseKind::Organisation
        && case.family_contacted_on.is_none()
        && (today - case.reported_on).num_days() > FAMILY_CONTACT_DAYS
    {
        out.push(Alert::NoFamilyContact {
            case: case.id.clone(),
            reported_on: case.reported_on,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::*;
    use crate::domain::{Item, Referent};

    fn data() -> DeptData {
        paris(vec![
            body("cpraf", 30, &["dircab"]),
            body("gtrdo", 365, &["dircab"]),
        ])
    }

    fn referent() -> Option<Referent> {
        Some(Referent {
            structure: "Association X".to_string(),
            kind: ReferentType::Association,
            person: None,
        })
    }

    /// Data where both bodies met recently, so that only case alerts remain.
    fn met(today: &str) -> DeptData {
        let mut d = data();
        let t = day(today);
        for b in ["cpraf", "gtrdo"] {
            let mut m = meeting(&format!("m-{b}"), b, "2000-01-01", MeetingStatus::Held);
            m.date = t - chrono::Days::new(3);
            d.meetings.push(m);
        }
        d
    }

    #[test]
    fn reviews_overdue_and_due_soon() {
        let mut d = met("2026-11-25");
        let mut late = case("c-late", "cpraf");
        late.referent = referent();
        late.next_review = Some(day("2026-11-20"));
        let mut soon = case("c-soon", "cpraf");
        soon.referent = referent();
        soon.next_review = Some(day("2026-12-09"));
        let mut later = case("c-later", "cpraf");
        later.referent = referent();
        later.next_review = Some(day("2026-12-10"));
        let mut closed = case("c-closed", "cpraf");
        closed.status = CaseStatus::Closed;
        closed.next_review = Some(day("2026-11-01"));
        d.cases = vec![later, soon, late, closed];
        let got = alerts(&d, day("2026-11-25"));
        assert_eq!(
            got,
            vec![
                Alert::ReviewOverdue {
                    case: "c-late".into(),
                    due: day("2026-11-20")
                },
                Alert::ReviewDue {
                    case: "c-soon".into(),
                    due: day("2026-12-09")
                },
            ]
        );
        assert_eq!(got[0].target(), AlertTarget::Case("c-late".into()));
    }

    #[test]
    fn a_closing_decision_silences_the_case() {
        let mut d = met("2026-11-25");
        let mut c = case("c1", "cpraf");
        c.next_review = Some(day("2026-11-01"));
        d.cases.push(c);
        let mut m = meeting("m-close", "cpraf", "2026-11-10", MeetingStatus::Held);
        m.items.push(decided("c1", Decision::Close, None));
        d.meetings.push(m);
        assert_eq!(alerts(&d, day("2026-11-25")), vec![]);
    }

    #[test]
    fn followed_case_without_referent() {
        let mut d = met("2026-11-25");
        d.cases.push(case("c1", "cpraf"));
        let mut reported = case("c2", "cpraf");
        reported.status = CaseStatus::Reported;
        reported.family_contacted_on = Some(day("2026-01-11"));
        d.cases.push(reported);
        assert_eq!(
            alerts(&d, day("2026-11-25")),
            vec![Alert::NoReferent { case: "c1".into() }]
        );
    }

    #[test]
    fn a_change_of_referent_in_a_seance_clears_the_alert() {
        let mut d = met("2026-11-25");
        let mut c = case("c1", "cpraf");
        c.referent = None;
        d.cases.push(c);
        assert_eq!(
            alerts(&d, day("2026-11-25")),
            vec![Alert::NoReferent { case: "c1".into() }]
        );
        let mut m = meeting("m-ref", "cpraf", "2026-11-20", MeetingStatus::Held);
        let mut item = decided("c1", Decision::ChangeReferent, Some("2027-01-15"));
        item.referent = referent();
        m.items.push(item);
        d.meetings.push(m);
        assert_eq!(alerts(&d, day("2026-11-25")), vec![]);
    }

    #[test]
    fn new_case_without_family_contact_after_fifteen_days() {
        let mut d = met("2026-11-25");
        for (id, reported, status, kind) in [
            ("c-16", "2026-11-09", CaseStatus::Reported, CaseKind::Person),
            ("c-15", "2026-11-10", CaseStatus::Assessed, CaseKind::Family),
            (
                "c-org",
                "2026-01-01",
                CaseStatus::Reported,
                CaseKind::Organisation,
            ),
            (
                "c-old",
                "2026-01-01",
                CaseStatus::Assessed,
                CaseKind::Family,
            ),
        ] {
            let mut c = case(id, "cpraf");
            c.reported_on = day(reported);
            c.status = status;
            c.kind = kind;
            d.cases.push(c);
        }
        let mut contacted = case("c-ok", "cpraf");
        contacted.status = CaseStatus::Reported;
        contacted.reported_on = day("2026-01-01");
        contacted.family_contacted_on = Some(day("2026-01-03"));
        d.cases.push(contacted);
        assert_eq!(
            alerts(&d, day("2026-11-25")),
            vec![
                Alert::NoFamilyContact {
                    case: "c-old".into(),
                    reported_on: day("2026-01-01")
                },
                Alert::NoFamilyContact {
                    case: "c-16".into(),
                    reported_on: day("2026-11-09")
                },
            ]
        );
    }

    #[test]
    fn overdue_actions_of_held_meetings_only() {
        let mut d = met("2026-11-25");
        let mut m = meeting("m1", "cpraf", "2026-10-01", MeetingStatus::Held);
        let mut item = Item::case("c1", Some(10));
        item.actions = vec![
            action("late", Some("2026-11-24"), None),
            action("due today", Some("2026-11-25"), None),
            action("done", Some("2026-11-01"), Some("2026-11-02")),
            action("no date", None, None),
        ];
        m.items = vec![Item::topic("t", None), item];
        let mut draft = meeting("m2", "cpraf", "2026-12-01", MeetingStatus::Draft);
        let mut item2 = Item::topic("x", None);
        item2.actions = vec![action("draft", Some("2026-11-01"), None)];
        draft.items.push(item2);
        d.meetings.push(m);
        d.meetings.push(draft);
        let got = alerts(&d, day("2026-11-25"));
        assert_eq!(
            got,
            vec![Alert::ActionOverdue {
                meeting: "m1".into(),
                item: 1,
                case: Some("c1".into()),
                text: "late".into(),
                owner: "dircab".into(),
                due: day("2026-11-24"),
            }]
        );
        assert_eq!(
            got[0].target(),
            AlertTarget::Meeting {
                id: "m1".into(),
                item: 1
            }
        );
    }

    #[test]
    fn bodies_that_did_not_meet_in_their_interval() {
        let mut d = data();
        // cpraf: last held 31 days ago with an interval of 30; a later draft does not count.
        d.meetings
            .push(meeting("c1", "cpraf", "2026-10-25", MeetingStatus::Closed));
        d.meetings
            .push(meeting("c2", "cpraf", "2026-11-20", MeetingStatus::Draft));
        // gtrdo: never held.
        let got = alerts(&d, day("2026-11-25"));
        assert_eq!(
            got,
            vec![
                Alert::BodyNotMet {
                    body: "gtrdo".into(),
                    last_held: None,
                    every_days: 365
                },
                Alert::BodyNotMet {
                    body: "cpraf".into(),
                    last_held: Some(day("2026-10-25")),
                    every_days: 30
                },
            ]
        );
        // Exactly the interval is still fine; a year-old GTRDO meeting is fine on its anniversary.
        d.meetings
            .push(meeting("g1", "gtrdo", "2025-11-25", MeetingStatus::Held));
        let got = alerts(&d, day("2026-10-25") + chrono::Days::new(30));
        assert_eq!(got, vec![]);
        let got = alerts(&d, day("2026-11-26"));
        assert_eq!(got.len(), 2);
        // The older last meeting first.
        assert_eq!(got[0].target(), AlertTarget::Body("gtrdo".into()));
        assert_eq!(got[1].target(), AlertTarget::Body("cpraf".into()));
    }

    #[test]
    fn load_problems_come_first_and_only_when_there_are_some() {
        let d = met("2026-11-25");
        let currents = crate::domain::current_states(&d.cases, &d.meetings);
        assert_eq!(
            alerts_with_problems(&d, &currents, day("2026-11-25"), 0),
            vec![]
        );
        let got = alerts_with_problems(&d, &currents, day("2026-11-25"), 3);
        assert_eq!(got, vec![Alert::LoadProblems { count: 3 }]);
        assert_eq!(got[0].target(), AlertTarget::Problems);
        assert!(got[0].is_urgent());
    }

    #[test]
    fn order_does_not_depend_on_input_order() {
        let mut d = met("2026-11-25");
        for (id, review) in [
            ("a", "2026-11-01"),
            ("b", "2026-11-30"),
            ("c", "2026-11-02"),
        ] {
            let mut c = case(id, "cpraf");
            c.next_review = Some(day(review));
            d.cases.push(c);
        }
        let forward = alerts(&d, day("2026-11-25"));
        d.cases.reverse();
        d.meetings.reverse();
        assert_eq!(alerts(&d, day("2026-11-25")), forward);
        let ranks: Vec<u8> = forward.iter().map(Alert::rank).collect();
        let mut sorted = ranks.clone();
        sorted.sort();
        assert_eq!(ranks, sorted);
        assert_eq!(forward[0].target(), AlertTarget::Case("a".into()));
    }

    #[test]
    fn body_level_alerts_come_first_and_each_kind_is_one_group() {
        // The GTRDO never met; the CPRAF met; eleven overdue reviews and three overdue actions.
        let mut d = data();
        let mut held = meeting("m-cpraf", "cpraf", "2026-11-20", MeetingStatus::Held);
        let mut item = Item::topic("t", None);
        for (n, due) in ["2026-11-01", "2026-11-02", "2026-11-03"]
            .iter()
            .enumerate()
        {
            item.actions.push(action(&format!("a{n}"), Some(due), None));
        }
        held.items.push(item);
        d.meetings.push(held);
        for n in 0..11 {
            let mut c = case(&format!("c{n:02}"), "cpraf");
            c.referent = referent();
            c.next_review = Some(day("2026-11-10"));
            d.cases.push(c);
        }
        let got = alerts(&d, day("2026-11-25"));
        let grouped = super::groups(&got);
        let kinds: Vec<(AlertKind, usize)> = grouped.iter().map(|g| (g.kind, g.len())).collect();
        assert_eq!(
            kinds,
            vec![
                (AlertKind::BodyNotMet, 1),
                (AlertKind::ReviewOverdue, 11),
                (AlertKind::ActionOverdue, 3),
            ]
        );
        assert!(grouped[0].kind.is_body_level());
        assert_eq!(
            got[grouped[0].range.start].target(),
            AlertTarget::Body("gtrdo".into())
        );
        assert!(got[0].is_urgent());
        // The groups cover the list, in order, without gaps.
        let covered: usize = grouped.iter().map(AlertGroup::len).sum();
        assert_eq!(covered, got.len());
        assert!(
            grouped
                .windows(2)
                .all(|w| w[0].range.end == w[1].range.start)
        );
        // With problems in the files, they come before everything.
        let currents = crate::domain::current_states(&d.cases, &d.meetings);
        let with = alerts_with_problems(&d, &currents, day("2026-11-25"), 2);
        assert_eq!(groups(&with)[0].kind, AlertKind::LoadProblems);
        assert_eq!(groups(&with)[1].kind, AlertKind::BodyNotMet);
        assert_eq!(groups(&[]), vec![]);
    }
}
