//! A whole meeting run through the live mode's public interface, then read back by the
//! rules the screens and exports use.

use cellule::domain::dates::parse_date;
use cellule::domain::live::{
    ActionInput, Change, LiveError, NewGuest, Owned, attendance_counts, meeting_timer,
    undecided_cases,
};
use cellule::domain::{
    Action, Attendance, AttendanceStatus, Case, CaseKind, CaseStatus, ClosureReason, Decision,
    Item, Justice, Meeting, MeetingStatus, Source, current_state, open_actions,
};
use cellule::i18n::Lang;
use chrono::{NaiveDate, NaiveTime};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn meeting(id: &str, date: &str, status: MeetingStatus) -> Meeting {
    Meeting {
        id: id.into(),
        body: "cpraf".into(),
        date: day(date),
        start: NaiveTime::from_hms_opt(14, 30, 0).unwrap(),
        place: None,
        chair: "dircab".into(),
        status,
        attendance: ["dircab", "parquet", "cd-ase"]
            .iter()
            .map(|m| Attendance {
                member: m.to_string(),
                status: AttendanceStatus::Invited,
                by: None,
                for_information: false,
            })
            .collect(),
        guests: Vec::new(),
        items: Vec::new(),
        difficulties: None,
        next_meeting: None,
        details: Default::default(),
        reopened: Vec::new(),
        roll_call_seconds: None,
        postponed: Vec::new(),
    }
}

fn case(id: &str) -> Case {
    Case {
        id: id.into(),
        body: "cpraf".into(),
        kind: CaseKind::Person,
        label: format!("Situation {id}"),
        name: None,
        birth_year: None,
        reported_on: day("2026-03-02"),
        source: Source::Cnapr,
        status: CaseStatus::Followed,
        referent: None,
        family_contacted_on: None,
        justice: Justice::None,
        schooling: None,
        returnee_minor: false,
        measures: Vec::new(),
        next_review: Some(day("2026-11-30")),
        closed_on: None,
        closure_reason: None,
        notes: None,
    }
}

#[test]
fn a_whole_meeting() {
    let mut october = meeting("2026-10-28-cpraf", "2026-10-28", MeetingStatus::Closed);
    let mut old_item = Item::case("75-2026-014", Some(10));
    old_item.decision = Some(Decision::Continue);
    old_item.actions = vec![Action {
        text: "Proposer un rendez-vous à la famille".into(),
        owner: "cd-ase".into(),
        due: Some(day("2026-11-15")),
        done_on: None,
    }];
    october.items = vec![old_item];

    let mut november = meeting("2026-11-30-cpraf", "2026-11-30", MeetingStatus::Convened);
    november.items = vec![
        Item::topic("Approbation du compte rendu du 28 octobre", Some(5)),
        Item::case("75-2026-014", Some(10)),
        Item::case("75-2026-015", Some(10)),
        Item::case("75-2026-016", Some(10)),
        Item::actions_review("Suivi des actions", Some(5)),
    ];
    let mut others = vec![october];
    let mut s = Owned::new(november, 60);
    let mut writes = 0;
    let mut save = |c: Change| {
        if c.is_changed() {
            writes += 1;
        }
    };

    let today = s.meeting().date;
    save(s.start(today, None).unwrap());
    save(
        s.set_attendance("dircab", AttendanceStatus::Present, None)
            .unwrap(),
    );
    save(
        s.set_attendance(
            "parquet",
            AttendanceStatus::Represented,
            Some("Mme Roux, substitute"),
        )
        .unwrap(),
    );
    save(
        s.add_guest(NewGuest {
            name: "Jeanne Morel",
            title: None,
            organisation: "Miviludes",
            status: AttendanceStatus::Present,
            by: None,
        })
        .unwrap(),
    );
    save(s.tick(240));
    save(s.set_notes(0, "Approuvé sans observation.").unwrap());
    assert!(s.next_item());

    // Case 1: continue, next review typed as an offset.
    let review = parse_date("+6s", s.meeting().date).unwrap();
    save(s.set_decision(1, Some(Decision::Continue), None).unwrap());
    save(s.set_next_review(1, review).unwrap());
    save(s.set_decision_text(1, "Maintien du suivi.").unwrap());
    save(
        s.add_action(
            1,
            ActionInput {
                text: "Rappeler l'établissement",
                owner: "cd-ase",
                due: Some(day("2026-12-15")),
            },
        )
        .unwrap(),
    );
    save(s.tick(700));
    assert!(s.next_item());

    // Case 2: a closure without its reason is refused, then given.
    assert_eq!(
        s.set_decision(2, Some(Decision::Close), None),
        Err(LiveError::ClosureReasonRequired)
    );
    save(
        s.set_decision(2, Some(Decision::Close), Some(ClosureReason::Moved))
            .unwrap(),
    );
    save(s.tick(300));
    assert!(s.next_item());

    // Case 3: orient, default review; an action.
    save(s.set_decision(3, Some(Decision::Orient), None).unwrap());
    save(
        s.add_action(
            3,
            ActionInput {
                text: "Saisir la MDA",
                owner: "dircab",
                due: None,
            },
        )
        .unwrap(),
    );
    assert!(s.next_item());

    // Late arrival.
    save(
        s.set_attendance("cd-ase", AttendanceStatus::Present, None)
            .unwrap(),
    );

    // Review of open actions: the October one is done.
    let change = s
        .set_earlier_action_done(
            &mut others,
            "2026-10-28-cpraf",
            0,
            0,
            Some(s.meeting().date),
        )
        .unwrap();
    assert_eq!(change, Change::Other("2026-10-28-cpraf".into()));
    save(change);
    save(s.set_difficulties("Délais de rendez-vous en CMP.").unwrap());
    assert!(undecided_cases(s.meeting()).is_empty());
    save(s.close(&others).unwrap());
    assert_eq!(
        s.set_notes(0, "trop tard").unwrap_err().text(Lang::Fr),
        "réunion close : le compte rendu est validé, plus rien ne peut être modifié"
    );

    let held = s.into_meeting();
    assert_eq!(writes, 19);
    assert_eq!(held.status, MeetingStatus::Closed);
    assert_eq!(held.start, NaiveTime::from_hms_opt(14, 30, 0).unwrap());
    assert_eq!(held.items[1].next_review, Some(day("2027-01-11")));
    assert_eq!(held.items[3].next_review, Some(day("2027-01-29")));
    assert_eq!(held.items[2].next_review, None);
    let counts = attendance_counts(&held);
    assert_eq!(
        (counts.present, counts.represented, counts.invited),
        (3, 1, 0)
    );
    let timer = meeting_timer(&held);
    assert_eq!(
        (timer.spent_seconds, timer.timebox_seconds),
        (1240, Some(40 * 60))
    );

    // What the other screens read from it.
    let meetings = vec![others[0].clone(), held];
    let closed = current_state(&case("75-2026-015"), &meetings);
    assert_eq!(closed.status, CaseStatus::Closed);
    assert_eq!(closed.closure_reason, Some(ClosureReason::Moved));
    assert_eq!(closed.closed_on, Some(day("2026-11-30")));
    let followed = current_state(&case("75-2026-014"), &meetings);
    assert_eq!(followed.next_review, Some(day("2027-01-11")));
    let open: Vec<&str> = open_actions(&meetings, "cpraf", None)
        .iter()
        .map(|a| a.action.text.as_str())
        .collect();
    assert_eq!(open, vec!["Rappeler l'établissement", "Saisir la MDA"]);
}
