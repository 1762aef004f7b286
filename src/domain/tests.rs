//! Unit tests of the domain rules.

use super::rules::*;
use super::testing::*;
use super::*;
use chrono::NaiveTime;

#[test]
fn minor_is_reckoned_by_year_on_the_meeting_date() {
    assert!(is_minor(2009, day("2026-12-31")));
    assert!(!is_minor(2008, day("2026-01-01")));
    assert!(is_minor(2008, day("2025-06-01")));
    let mut c = case("x", "cpraf");
    c.birth_year = Some(2010);
    assert!(c.is_minor_on(day("2026-11-30")));
    c.kind = CaseKind::Family;
    assert!(!c.is_minor_on(day("2026-11-30")), "a family is not a minor");
    c.kind = CaseKind::Person;
    c.birth_year = None;
    assert!(
        !c.is_minor_on(day("2026-11-30")),
        "unknown birth year is not a minor"
    );
}

#[test]
fn current_state_without_decisions_is_the_file() {
    let mut c = case("c1", "cpraf");
    c.next_review = Some(day("2026-12-01"));
    let cur = current_state(&c, &[]);
    assert_eq!(cur.status, CaseStatus::Followed);
    assert_eq!(cur.next_review, Some(day("2026-12-01")));
    assert_eq!(cur.last_decision, None);
}

#[test]
fn later_review_of_the_latest_decision_wins_over_the_file() {
    let mut c = case("c1", "cpraf");
    c.next_review = Some(day("2026-10-01"));
    let mut m1 = meeting("m1", "cpraf", "2026-09-14", MeetingStatus::Closed);
    m1.items
        .push(decided("c1", Decision::Continue, Some("2026-11-16")));
    let mut m2 = meeting("m2", "cpraf", "2026-11-16", MeetingStatus::Held);
    m2.items
        .push(decided("c1", Decision::Orient, Some("2027-01-15")));
    let cur = current_state(&c, &[m2.clone(), m1.clone()]);
    assert_eq!(cur.next_review, Some(day("2027-01-15")));
    assert_eq!(
        cur.last_decision,
        Some((Decision::Orient, day("2026-11-16")))
    );
    // Order of the meetings given does not matter.
    assert_eq!(cur, current_state(&c, &[m1, m2]));
}

#[test]
fn an_earlier_review_than_the_file_does_not_win() {
    let mut c = case("c1", "cpraf");
    c.next_review = Some(day("2027-03-01"));
    let mut m = meeting("m", "cpraf", "2026-11-16", MeetingStatus::Held);
    m.items
        .push(decided("c1", Decision::Continue, Some("2027-01-15")));
    assert_eq!(current_state(&c, &[m]).next_review, Some(day("2027-03-01")));
}

#[test]
fn draft_and_convened_meetings_do_not_count() {
    let c = case("c1", "cpraf");
    let mut m = meeting("m", "cpraf", "2026-12-14", MeetingStatus::Convened);
    m.items.push(decided("c1", Decision::Close, None));
    let mut d = meeting("d", "cpraf", "2026-12-15", MeetingStatus::Draft);
    d.items.push(decided("c1", Decision::Close, None));
    assert_eq!(current_state(&c, &[m, d]).status, CaseStatus::Followed);
}

#[test]
fn the_latest_decision_close_closes_the_case_with_its_date_and_reason() {
    let c = case("c1", "cpraf");
    let mut m1 = meeting("m1", "cpraf", "2026-10-12", MeetingStatus::Closed);
    m1.items.push(decided("c1", Decision::Close, None));
    let cur = current_state(&c, std::slice::from_ref(&m1));
    assert_eq!(cur.status, CaseStatus::Closed);
    assert_eq!(cur.closed_on, Some(day("2026-10-12")));
    assert_eq!(cur.closure_reason, Some(ClosureReason::Disengagement));
    assert!(!cur.due_by(day("2030-01-01")));
    // A later decision to keep following reopens it.
    let mut m2 = meeting("m2", "cpraf", "2026-11-16", MeetingStatus::Held);
    m2.items
        .push(decided("c1", Decision::Continue, Some("2027-01-01")));
    let cur = current_state(&c, &[m2, m1]);
    assert_eq!(cur.status, CaseStatus::Followed);
    assert_eq!(cur.next_review, Some(day("2027-01-01")));
}

#[test]
fn the_index_of_histories_gives_each_case_what_one_scan_gives() {
    let cases: Vec<Case> = ["c1", "c2", "c3", "c4"]
        .iter()
        .map(|id| case(id, "cpraf"))
        .collect();
    let mut m1 = meeting("m1", "cpraf", "2026-10-12", MeetingStatus::Closed);
    m1.items.push(decided("c1", Decision::Close, None));
    m1.items
        .push(decided("c2", Decision::Continue, Some("2026-12-01")));
    // The same case twice in one meeting: the later item wins.
    m1.items
        .push(decided("c2", Decision::Orient, Some("2027-01-05")));
    let mut m2 = meeting("m2", "cpraf", "2026-11-16", MeetingStatus::Held);
    m2.items
        .push(decided("c1", Decision::Continue, Some("2027-02-01")));
    m2.items.push(decided("c3", Decision::Close, None));
    let mut m3 = meeting("m3", "cpraf", "2026-12-14", MeetingStatus::Convened);
    m3.items.push(decided("c2", Decision::Close, None));
    m3.items.push(Item::case("c4", Some(5)));
    for meetings in [
        vec![m1.clone(), m2.clone(), m3.clone()],
        vec![m3.clone(), m2.clone(), m1.clone()],
    ] {
        let histories = Histories::new(&meetings);
        for c in &cases {
            assert_eq!(
                histories.of(&c.id),
                decision_history(&c.id, &meetings).as_slice(),
                "{}",
                c.id
            );
        }
        let one_by_one: Vec<CurrentCase> =
            cases.iter().map(|c| current_state(c, &meetings)).collect();
        assert_eq!(current_states(&cases, &meetings), one_by_one);
        assert_eq!(one_by_one[0].status, CaseStatus::Followed);
        assert_eq!(one_by_one[1].next_review, Some(day("2027-01-05")));
        assert_eq!(one_by_one[2].status, CaseStatus::Closed);
        assert_eq!(one_by_one[3].last_decision, None);
    }
    // Only the meetings given count.
    let only_first = Histories::of_meetings([&m1]);
    assert_eq!(only_first.current(&cases[0]).status, CaseStatus::Closed);
    assert!(only_first.of("c3").is_empty());
}

#[test]
fn two_meetings_on_the_same_day_are_ordered_by_start_then_id() {
    let c = case("c1", "cpraf");
    let mut a = meeting(
        "2026-11-16-cpraf",
        "cpraf",
        "2026-11-16",
        MeetingStatus::Held,
    );
    a.items.push(decided("c1", Decision::Close, None));
    let mut b = meeting(
        "2026-11-16-cpraf-2",
        "cpraf",
        "2026-11-16",
        MeetingStatus::Held,
    );
    b.items
        .push(decided("c1", Decision::Continue, Some("2027-02-01")));
    assert_eq!(
        current_state(&c, &[b.clone(), a.clone()]).status,
        CaseStatus::Followed
    );
    b.start = chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    assert_eq!(current_state(&c, &[a, b]).status, CaseStatus::Closed);
}

#[test]
fn open_actions_of_a_body_across_meetings() {
    let mut m1 = meeting("m1", "cpraf", "2026-09-14", MeetingStatus::Closed);
    let mut item = decided("c1", Decision::Continue, None);
    item.actions
        .push(action("done", Some("2026-10-01"), Some("2026-09-30")));
    item.actions.push(action("late", Some("2026-10-01"), None));
    m1.items.push(item);
    let mut m2 = meeting("m2", "cpraf", "2026-11-16", MeetingStatus::Held);
    let mut topic = Item::topic("Point", None);
    topic.actions.push(action("soon", Some("2026-12-20"), None));
    m2.items.push(topic);
    let mut other = meeting("g", "gtrdo", "2026-03-10", MeetingStatus::Closed);
    let mut gi = Item::topic("G", None);
    gi.actions.push(action("gtrdo", None, None));
    other.items.push(gi);
    let mut draft = meeting("d", "cpraf", "2026-12-14", MeetingStatus::Draft);
    let mut di = Item::topic("D", None);
    di.actions.push(action("draft", None, None));
    draft.items.push(di);

    let all = [draft, m2, other, m1];
    let open = open_actions(&all, "cpraf", None);
    let texts: Vec<&str> = open.iter().map(|o| o.action.text.as_str()).collect();
    assert_eq!(texts, ["late", "soon"]);
    assert_eq!(open[0].case, Some("c1"));
    assert_eq!(open[0].age_days(day("2026-11-25")), 72);
    assert!(open[0].action.is_overdue(day("2026-11-25")));
    assert!(!open[1].action.is_overdue(day("2026-11-25")));
    let before = open_actions(&all, "cpraf", Some(day("2026-11-16")));
    assert_eq!(before.len(), 1);
}

#[test]
fn cases_due_for_review_by_a_date() {
    let mut a = case("a", "cpraf");
    a.next_review = Some(day("2026-11-01"));
    let mut b = case("b", "cpraf");
    b.next_review = Some(day("2026-12-10"));
    let mut c = case("c", "cpraf");
    c.next_review = Some(day("2027-02-01"));
    let mut closed = case("z", "cpraf");
    closed.next_review = Some(day("2026-01-01"));
    closed.status = CaseStatus::Closed;
    let mut other = case("g", "gtrdo");
    other.next_review = Some(day("2026-01-01"));
    let cases = [c, b, a, closed, other];
    let due = due_for_review(&cases, &[], "cpraf", day("2026-12-14"));
    let ids: Vec<&str> = due.iter().map(|(c, _)| c.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn measures_are_active_between_their_dates() {
    let m = Measure {
        kind: MeasureType::MentalHealth,
        provider: None,
        from: day("2026-04-01"),
        to: Some(day("2026-09-30")),
        fipd: true,
        fipd_action: None,
        fipd_justification: None,
        support_group: false,
    };
    assert!(!m.active_on(day("2026-03-31")));
    assert!(m.active_on(day("2026-04-01")));
    assert!(m.active_on(day("2026-09-30")));
    assert!(!m.active_on(day("2026-10-01")));
    let open = Measure { to: None, ..m };
    assert!(open.active_on(day("2030-01-01")));
}

#[test]
fn last_held_meeting_of_a_body() {
    let ms = [
        meeting("a", "cpraf", "2026-10-12", MeetingStatus::Closed),
        meeting("b", "cpraf", "2026-11-16", MeetingStatus::Held),
        meeting("c", "cpraf", "2026-12-14", MeetingStatus::Draft),
    ];
    assert_eq!(last_held(&ms, "cpraf"), Some(day("2026-11-16")));
    assert_eq!(
        last_held_before(&ms, "cpraf", day("2026-11-16")),
        Some(day("2026-10-12"))
    );
    assert_eq!(last_held(&ms, "gtrdo"), None);
}

#[test]
fn a_cancelled_meeting_stays_in_history_but_not_in_the_periodicity() {
    let mut d = paris(vec![body("cpraf", 30, &[])]);
    let mut held = meeting(
        "2026-10-01-cpraf",
        "cpraf",
        "2026-10-01",
        MeetingStatus::Held,
    );
    held.items = vec![];
    // A later meeting, cancelled after it was convened: the body has still not met since October.
    let mut cancelled = meeting(
        "2026-10-29-cpraf",
        "cpraf",
        "2026-10-29",
        MeetingStatus::Convened,
    );
    cancelled.cancel("Préfet retenu");
    assert_eq!(cancelled.status, MeetingStatus::Cancelled);
    assert!(!cancelled.status.is_held());
    d.meetings = vec![held, cancelled];
    let got = alerts::alerts(&d, day("2026-11-15"));
    assert!(
        got.contains(&alerts::Alert::BodyNotMet {
            body: "cpraf".into(),
            last_held: Some(day("2026-10-01")),
            every_days: 30,
        }),
        "{got:?}"
    );
    let r = report::monthly_report(&d, "cpraf", 2026, 10).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        r.meetings.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
        ["2026-10-01-cpraf"]
    );
    assert_eq!(r.last_meeting, Some(day("2026-10-01")));
    // The same meeting held instead would have counted.
    d.meetings[1].status = MeetingStatus::Held;
    let got = alerts::alerts(&d, day("2026-11-15"));
    assert!(
        !got.iter()
            .any(|a| matches!(a, alerts::Alert::BodyNotMet { .. })),
        "{got:?}"
    );
    // An empty reason is no reason.
    let mut m = meeting("x", "cpraf", "2026-10-29", MeetingStatus::Draft);
    m.cancel("  ");
    assert_eq!(m.details.cancel_reason, None);
}

#[test]
fn a_moved_meeting_remembers_the_date_its_id_was_made_from() {
    let mut m = meeting(
        "2026-11-30-cpraf",
        "cpraf",
        "2026-11-30",
        MeetingStatus::Draft,
    );
    assert_eq!(m.id_date(), day("2026-11-30"));
    m.reschedule(day("2026-12-02"));
    m.reschedule(day("2026-12-04"));
    // Moved twice: the first date is the one kept.
    assert_eq!(m.date, day("2026-12-04"));
    assert_eq!(m.details.rescheduled_from, Some(day("2026-11-30")));
    assert_eq!(m.id_date(), day("2026-11-30"));
    // Back to its first date: nothing to remember.
    m.reschedule(day("2026-11-30"));
    assert_eq!(m.details.rescheduled_from, None);
}

#[test]
fn the_planned_end_is_the_one_written_else_the_timeboxes() {
    let mut m = meeting("m", "cpraf", "2026-11-30", MeetingStatus::Draft);
    assert_eq!(m.planned_end(), None);
    m.items = vec![Item::topic("A", Some(30)), Item::case("c", Some(45))];
    assert_eq!(m.planned_end(), NaiveTime::from_hms_opt(15, 45, 0));
    m.details.end = NaiveTime::from_hms_opt(17, 0, 0);
    assert_eq!(m.planned_end(), NaiveTime::from_hms_opt(17, 0, 0));
    let mut a = Attendance {
        member: "x".into(),
        status: AttendanceStatus::Invited,
        by: None,
        for_information: false,
    };
    m.attendance.push(a.clone());
    a.member = "y".into();
    a.for_information = true;
    m.attendance.push(a);
    assert_eq!(
        m.expected().map(|a| a.member.as_str()).collect::<Vec<_>>(),
        ["x"]
    );
}
