//! The live meeting's state machine.

use super::actions::{self, ActionInput};
use super::attendance::{self, NewGuest};
use super::decisions;
use super::*;
use crate::domain::testing::{action, day, meeting};
use crate::domain::{
    Attendance, AttendanceStatus, ClosureReason, Decision, Item, Meeting, MeetingStatus,
};

const REVIEW_DAYS: u32 = 60;

type EditFn = Box<dyn Fn(&mut Owned) -> Result<Change, LiveError>>;

/// A convened meeting on 30/11/2026: two invitees, a topic, two cases, the actions review.
fn agenda() -> Meeting {
    let mut m = meeting(
        "2026-11-30-cpraf",
        "cpraf",
        "2026-11-30",
        MeetingStatus::Convened,
    );
    m.attendance = ["dircab", "parquet"]
        .iter()
        .map(|id| Attendance {
            member: id.to_string(),
            status: AttendanceStatus::Invited,
            by: None,
            for_information: false,
        })
        .collect();
    m.items = vec![
        Item::topic("Approbation du compte rendu", Some(5)),
        Item::case("75-2026-014", Some(10)),
        Item::case("75-2026-015", Some(10)),
        Item::actions_review("Suivi des actions", None),
    ];
    m
}

/// A started séance, past its roll call: on the first item.
fn seance() -> Owned {
    let mut s = Owned::new(agenda(), REVIEW_DAYS);
    assert_eq!(s.start(day("2026-11-30"), None), Ok(Change::This));
    assert!(s.in_roll_call());
    assert!(s.next_item());
    assert_eq!(s.current(), 0);
    s
}

fn earlier() -> Meeting {
    let mut m = meeting(
        "2026-10-28-cpraf",
        "cpraf",
        "2026-10-28",
        MeetingStatus::Closed,
    );
    let mut item = Item::case("75-2026-014", Some(10));
    item.actions = vec![action("Proposer un rendez-vous", Some("2026-11-15"), None)];
    m.items = vec![item];
    m
}

fn input<'a>(text: &'a str, owner: &'a str, due: Option<&str>) -> ActionInput<'a> {
    ActionInput {
        text,
        owner,
        due: due.map(day),
    }
}

// ---- start and close ----

#[test]
fn starting_holds_the_meeting_at_the_time_it_actually_starts() {
    let mut s = Owned::new(agenda(), REVIEW_DAYS);
    let planned = s.meeting().start;
    // Without a clock the planned time stays.
    assert_eq!(s.start(day("2026-11-30"), None), Ok(Change::This));
    assert_eq!(s.meeting().status, MeetingStatus::Held);
    assert_eq!(s.meeting().start, planned);
    // Resuming changes nothing, the start time included.
    let later = chrono::NaiveTime::from_hms_opt(15, 2, 41);
    assert_eq!(s.start(day("2026-11-30"), later), Ok(Change::Unchanged));
    assert_eq!(s.meeting().start, planned);
    let mut draft = agenda();
    draft.status = MeetingStatus::Draft;
    let mut s = Owned::new(draft, REVIEW_DAYS);
    assert_eq!(s.start(day("2026-11-30"), later), Ok(Change::This));
    assert_eq!(s.meeting().status, MeetingStatus::Held);
    assert_eq!(
        s.meeting().start,
        chrono::NaiveTime::from_hms_opt(15, 2, 0).unwrap(),
        "to the minute"
    );
    // Undo puts back the planned time with the status.
    assert_eq!(s.undo(&mut []), Ok(Change::This));
    assert_eq!(
        (s.meeting().status, s.meeting().start),
        (MeetingStatus::Draft, planned)
    );
}

#[test]
fn only_a_held_meeting_closes() {
    let mut s = Owned::new(agenda(), REVIEW_DAYS);
    assert_eq!(s.close(&[]), Err(LiveError::NotHeld));
    assert_eq!(s.start(day("2026-11-30"), None), Ok(Change::This));
    assert_eq!(s.close(&[]), Ok(Change::This));
    assert_eq!(s.meeting().status, MeetingStatus::Closed);
    assert!(s.is_closed() && !s.is_editable());
}

#[test]
fn a_closed_meeting_refuses_every_edit() {
    let mut s = seance();
    assert_eq!(s.set_notes(0, "avant"), Ok(Change::This));
    assert_eq!(s.close(&[]), Ok(Change::This));
    let frozen = s.meeting().clone();
    let mut others = vec![earlier()];
    let refusals = [
        s.start(day("2026-11-30"), None),
        s.close(&[]),
        s.set_attendance("dircab", AttendanceStatus::Present, None),
        s.add_member("ars", AttendanceStatus::Present, None),
        s.add_guest(NewGuest {
            name: "Jeanne Morel",
            title: None,
            organisation: "Miviludes",
            status: AttendanceStatus::Present,
            by: None,
        }),
        s.set_guest_status(0, AttendanceStatus::Absent, None),
        s.edit_guest(
            0,
            NewGuest {
                name: "x",
                title: None,
                organisation: "y",
                status: AttendanceStatus::Present,
                by: None,
            },
        ),
        s.remove_guest(0),
        s.set_decision(1, Some(Decision::Continue), None),
        s.set_closure_reason(1, ClosureReason::Moved),
        s.set_next_review(1, Some(day("2027-01-15"))),
        s.set_decision_text(1, "texte"),
        s.set_notes(0, "après"),
        s.set_difficulties("délais"),
        s.set_next_meeting(Some(day("2026-12-28"))),
        s.add_action(1, input("Appeler", "dircab", None)),
        s.edit_action(1, 0, input("Appeler", "dircab", None)),
        s.delete_action(1, 0),
        s.set_action_done(1, 0, Some(day("2026-11-30"))),
        s.set_earlier_action_done(
            &mut others,
            "2026-10-28-cpraf",
            0,
            0,
            Some(day("2026-11-30")),
        ),
        s.undo(&mut others),
        s.redo(&mut others),
    ];
    for (n, r) in refusals.into_iter().enumerate() {
        assert_eq!(r, Err(LiveError::Closed), "edit {n}");
    }
    assert_eq!(s.tick(60), Change::Unchanged);
    assert_eq!(s.meeting(), &frozen);
    assert_eq!(others, vec![earlier()]);
    // The pure functions refuse too.
    let mut m = frozen.clone();
    assert_eq!(decisions::set_notes(&mut m, 0, "x"), Err(LiveError::Closed));
    assert_eq!(timers::add_spent(&mut m, 0, 5), Err(LiveError::Closed));
    assert_eq!(m, frozen);
}

#[test]
fn read_only_refuses_edits_but_not_navigation() {
    let mut s = seance();
    s.set_read_only(true);
    assert_eq!(s.set_notes(0, "x"), Err(LiveError::ReadOnly));
    assert_eq!(s.tick(10), Change::Unchanged);
    assert!(s.next_item());
    assert_eq!(s.current(), 1);
    s.set_read_only(false);
    assert_eq!(s.set_notes(0, "x"), Ok(Change::This));
}

// ---- navigation and progress ----

#[test]
fn next_and_previous_stay_on_the_agenda() {
    let mut s = seance();
    assert_eq!(s.current(), 0);
    assert!(!s.previous_item());
    assert!(s.next_item() && s.next_item() && s.next_item());
    assert_eq!(s.current(), 3);
    assert!(!s.next_item());
    assert!(s.previous_item());
    assert_eq!(s.current(), 2);
    assert!(!s.go_to(9));
    assert!(s.go_to(0));
    assert_eq!(
        s.current_item().and_then(|i| i.title.as_deref()),
        Some("Approbation du compte rendu")
    );
    let mut empty = Owned::new(meeting("x", "cpraf", "2026-11-30", MeetingStatus::Held), 60);
    assert!(!empty.next_item() && !empty.previous_item());
    assert_eq!(empty.current_item(), None);
}

#[test]
fn progress_shows_done_current_and_to_come() {
    let mut s = seance();
    assert!(s.next_item() && s.next_item());
    assert_eq!(
        s.set_decision(1, Some(Decision::Continue), None),
        Ok(Change::This)
    );
    assert!(s.previous_item());
    // Visited without its notes: not done.
    assert_eq!(s.progress(0), Progress::Visited);
    assert_eq!(s.progress(1), Progress::Current);
    // Decided: done even though after the current item.
    assert!(s.go_to(0));
    assert_eq!(s.progress(1), Progress::Done);
    assert_eq!(s.progress(2), Progress::ToCome, "no time spent on it");
    assert_eq!(s.progress(3), Progress::ToCome);
    // A topic is done once it has its notes.
    assert_eq!(s.set_notes(0, "Approuvé."), Ok(Change::This));
    assert!(s.go_to(3));
    assert_eq!(s.progress(0), Progress::Done);
}

#[test]
fn an_interrupted_seance_resumes_on_the_last_item_with_time_spent() {
    let mut m = agenda();
    m.status = MeetingStatus::Held;
    m.items[0].spent_seconds = Some(300);
    m.items[1].spent_seconds = Some(120);
    let s = Owned::new(m, REVIEW_DAYS);
    assert_eq!(s.current(), 1);
}

// ---- attendance ----

#[test]
fn attendance_transitions() {
    let mut s = seance();
    assert_eq!(
        s.set_attendance("dircab", AttendanceStatus::Present, None),
        Ok(Change::This)
    );
    assert_eq!(
        s.set_attendance("dircab", AttendanceStatus::Present, None),
        Ok(Change::Unchanged)
    );
    assert_eq!(
        s.set_attendance("parquet", AttendanceStatus::Excused, None),
        Ok(Change::This)
    );
    assert_eq!(
        s.set_attendance("parquet", AttendanceStatus::Absent, None),
        Ok(Change::This)
    );
    assert_eq!(
        s.set_attendance(
            "parquet",
            AttendanceStatus::Represented,
            Some("  Mme Roux, substitute  ")
        ),
        Ok(Change::This)
    );
    let parquet = &s.meeting().attendance[1];
    assert_eq!(parquet.status, AttendanceStatus::Represented);
    assert_eq!(parquet.by.as_deref(), Some("Mme Roux, substitute"));
    // Same representative, differently spaced: nothing to write.
    assert_eq!(
        s.set_attendance(
            "parquet",
            AttendanceStatus::Represented,
            Some("Mme Roux, substitute ")
        ),
        Ok(Change::Unchanged)
    );
    // Another representative is a change.
    assert_eq!(
        s.set_attendance("parquet", AttendanceStatus::Represented, Some("M. Blanc")),
        Ok(Change::This)
    );
    // Late arrival: present after all; `by` goes away.
    assert_eq!(
        s.set_attendance("parquet", AttendanceStatus::Present, Some("ignored")),
        Ok(Change::This)
    );
    assert_eq!(s.meeting().attendance[1].by, None);
    // Back to invited.
    assert_eq!(
        s.set_attendance("parquet", AttendanceStatus::Invited, None),
        Ok(Change::This)
    );
    assert_eq!(s.meeting().attendance[1].status, AttendanceStatus::Invited);
}

#[test]
fn represented_needs_by_whom() {
    let mut s = seance();
    for by in [None, Some(""), Some("   \t")] {
        assert_eq!(
            s.set_attendance("parquet", AttendanceStatus::Represented, by),
            Err(LiveError::RepresentativeRequired)
        );
    }
    assert_eq!(s.meeting().attendance[1].status, AttendanceStatus::Invited);
    assert_eq!(
        s.set_attendance("nobody", AttendanceStatus::Present, None),
        Err(LiveError::NoSuchMember {
            member: "nobody".into()
        })
    );
}

#[test]
fn members_and_guests_added_during_the_meeting() {
    let mut s = seance();
    assert_eq!(
        s.add_member(" ars ", AttendanceStatus::Present, None),
        Ok(Change::This)
    );
    assert_eq!(s.meeting().attendance[2].member, "ars");
    assert_eq!(
        s.add_member("ars", AttendanceStatus::Present, None),
        Err(LiveError::AlreadyInvited {
            member: "ars".into()
        })
    );
    assert_eq!(
        s.add_member(" ", AttendanceStatus::Present, None),
        Err(LiveError::MemberRequired)
    );
    let guest = NewGuest {
        name: " Jeanne Morel ",
        title: Some("  "),
        organisation: "Miviludes",
        status: AttendanceStatus::Present,
        by: None,
    };
    assert_eq!(s.add_guest(guest), Ok(Change::This));
    let g = &s.meeting().guests[0];
    assert_eq!(
        (g.name.as_str(), g.title.as_deref(), g.organisation.as_str()),
        ("Jeanne Morel", None, "Miviludes")
    );
    assert_eq!(
        s.add_guest(NewGuest { name: "", ..guest }),
        Err(LiveError::GuestNameRequired)
    );
    assert_eq!(
        s.add_guest(NewGuest {
            organisation: " ",
            ..guest
        }),
        Err(LiveError::GuestOrganisationRequired)
    );
    assert_eq!(
        s.add_guest(NewGuest {
            status: AttendanceStatus::Represented,
            ..guest
        }),
        Err(LiveError::RepresentativeRequired)
    );
    assert_eq!(s.edit_guest(0, guest), Ok(Change::Unchanged));
    assert_eq!(
        s.edit_guest(
            0,
            NewGuest {
                name: "Jeanne Morelle",
                title: Some("conseillère"),
                ..guest
            }
        ),
        Ok(Change::This)
    );
    let g = &s.meeting().guests[0];
    assert_eq!(
        (g.name.as_str(), g.title.as_deref()),
        ("Jeanne Morelle", Some("conseillère"))
    );
    assert_eq!(
        s.edit_guest(
            0,
            NewGuest {
                organisation: "",
                ..guest
            }
        ),
        Err(LiveError::GuestOrganisationRequired)
    );
    assert_eq!(
        s.edit_guest(3, guest),
        Err(LiveError::NoSuchGuest { index: 3 })
    );
    assert_eq!(
        s.set_guest_status(0, AttendanceStatus::Excused, None),
        Ok(Change::This)
    );
    assert_eq!(
        s.set_guest_status(0, AttendanceStatus::Represented, None),
        Err(LiveError::RepresentativeRequired)
    );
    assert_eq!(
        s.set_guest_status(4, AttendanceStatus::Present, None),
        Err(LiveError::NoSuchGuest { index: 4 })
    );
    assert_eq!(s.meeting().guests.len(), 1);
    assert_eq!(s.remove_guest(1), Err(LiveError::NoSuchGuest { index: 1 }));
    assert_eq!(s.remove_guest(0), Ok(Change::This));
    assert!(s.meeting().guests.is_empty());
}

#[test]
fn counts_cover_invitees_and_guests() {
    let mut m = agenda();
    attendance::set_attendance(&mut m, "dircab", AttendanceStatus::Present, None).unwrap();
    attendance::set_attendance(
        &mut m,
        "parquet",
        AttendanceStatus::Represented,
        Some("M. Blanc"),
    )
    .unwrap();
    attendance::add_guest(
        &mut m,
        NewGuest {
            name: "Jeanne Morel",
            title: None,
            organisation: "Miviludes",
            status: AttendanceStatus::Present,
            by: None,
        },
    )
    .unwrap();
    attendance::add_member(&mut m, "ars", AttendanceStatus::Excused, None).unwrap();
    attendance::add_member(&mut m, "cd", AttendanceStatus::Invited, None).unwrap();
    let c = attendance_counts(&m);
    assert_eq!(
        (c.present, c.represented, c.excused, c.absent, c.invited),
        (2, 1, 1, 0, 1)
    );
    assert_eq!(c.total(), 5);
}

// ---- decisions ----

#[test]
fn a_decision_proposes_the_default_next_review() {
    let mut s = seance();
    assert_eq!(s.default_next_review(), Some(day("2027-01-29")));
    assert_eq!(
        s.set_decision(1, Some(Decision::Continue), None),
        Ok(Change::This)
    );
    let item = &s.meeting().items[1];
    assert_eq!(item.decision, Some(Decision::Continue));
    assert_eq!(item.next_review, Some(day("2027-01-29")));
    assert_eq!(
        s.set_decision(1, Some(Decision::Continue), None),
        Ok(Change::Unchanged)
    );
    // A typed review stays when the kind of decision changes.
    assert_eq!(
        s.set_next_review(1, Some(day("2027-01-15"))),
        Ok(Change::This)
    );
    assert_eq!(
        s.set_decision(1, Some(Decision::Orient), None),
        Ok(Change::This)
    );
    assert_eq!(s.meeting().items[1].next_review, Some(day("2027-01-15")));
    // The body's own interval.
    let mut m = agenda();
    decisions::set_decision(&mut m, 2, Some(Decision::Continue), None, 14).unwrap();
    assert_eq!(m.items[2].next_review, Some(day("2026-12-14")));
}

#[test]
fn closing_a_case_needs_a_reason_and_clears_the_next_review() {
    let mut s = seance();
    assert_eq!(
        s.set_decision(1, Some(Decision::Continue), None),
        Ok(Change::This)
    );
    assert_eq!(
        s.set_decision(1, Some(Decision::Close), None),
        Err(LiveError::ClosureReasonRequired)
    );
    assert_eq!(s.meeting().items[1].decision, Some(Decision::Continue));
    assert_eq!(
        s.set_decision(1, Some(Decision::Close), Some(ClosureReason::Disengagement)),
        Ok(Change::This)
    );
    let item = &s.meeting().items[1];
    assert_eq!(item.decision, Some(Decision::Close));
    assert_eq!(item.closure_reason, Some(ClosureReason::Disengagement));
    assert_eq!(item.next_review, None);
    assert_eq!(
        s.set_next_review(1, Some(day("2027-01-15"))),
        Err(LiveError::NoReviewAfterClosure)
    );
    assert_eq!(s.set_next_review(1, None), Ok(Change::Unchanged));
    assert_eq!(
        s.set_closure_reason(1, ClosureReason::Moved),
        Ok(Change::This)
    );
    assert_eq!(
        s.meeting().items[1].closure_reason,
        Some(ClosureReason::Moved)
    );
    // Switching away from close clears the reason and proposes a review again.
    assert_eq!(
        s.set_decision(1, Some(Decision::ChildProtection), None),
        Ok(Change::This)
    );
    let item = &s.meeting().items[1];
    assert_eq!(item.closure_reason, None);
    assert_eq!(item.next_review, Some(day("2027-01-29")));
    assert_eq!(
        s.set_closure_reason(1, ClosureReason::Moved),
        Err(LiveError::NotAClosure)
    );
    // A reason given with another decision is not kept.
    assert_eq!(
        s.set_decision(1, Some(Decision::Orient), Some(ClosureReason::Moved)),
        Ok(Change::This)
    );
    assert_eq!(s.meeting().items[1].closure_reason, None);
}

#[test]
fn clearing_a_decision_clears_what_it_implied() {
    let mut s = seance();
    assert_eq!(
        s.set_decision(1, Some(Decision::Close), Some(ClosureReason::Judicial)),
        Ok(Change::This)
    );
    assert_eq!(s.set_decision(1, None, None), Ok(Change::This));
    let item = &s.meeting().items[1];
    assert_eq!(
        (item.decision, item.closure_reason, item.next_review),
        (None, None, None)
    );
}

#[test]
fn undecided_cases_are_listed_before_closing() {
    let mut s = seance();
    assert_eq!(undecided_cases(s.meeting()), vec![1, 2]);
    assert_eq!(
        s.set_decision(2, Some(Decision::Orient), None),
        Ok(Change::This)
    );
    assert_eq!(undecided_cases(s.meeting()), vec![1]);
}

#[test]
fn decisions_only_on_cases() {
    let mut s = seance();
    assert_eq!(
        s.set_decision(0, Some(Decision::Continue), None),
        Err(LiveError::NotACase)
    );
    assert_eq!(
        s.set_decision(3, Some(Decision::Continue), None),
        Err(LiveError::NotACase)
    );
    assert_eq!(
        s.set_decision(7, Some(Decision::Continue), None),
        Err(LiveError::NoSuchItem { index: 7 })
    );
    assert_eq!(s.set_decision_text(0, "x"), Err(LiveError::NotACase));
    assert_eq!(s.set_next_review(0, None), Err(LiveError::NotACase));
}

#[test]
fn next_review_comes_after_the_meeting() {
    let mut s = seance();
    let refused = Err(LiveError::ReviewNotAfterMeeting {
        meeting_date: day("2026-11-30"),
    });
    assert_eq!(s.set_next_review(1, Some(day("2026-11-30"))), refused);
    assert_eq!(s.set_next_review(1, Some(day("2026-01-01"))), refused);
    assert_eq!(
        s.set_next_review(1, Some(day("2026-12-01"))),
        Ok(Change::This)
    );
    assert_eq!(s.set_next_review(1, None), Ok(Change::This));
}

#[test]
fn texts_are_trimmed_and_blank_clears() {
    let mut s = seance();
    assert_eq!(
        s.set_decision_text(1, "  Maintien du suivi.\n"),
        Ok(Change::This)
    );
    assert_eq!(
        s.meeting().items[1].decision_text.as_deref(),
        Some("Maintien du suivi.")
    );
    assert_eq!(
        s.set_decision_text(1, "Maintien du suivi. "),
        Ok(Change::Unchanged)
    );
    assert_eq!(s.set_decision_text(1, " \n "), Ok(Change::This));
    assert_eq!(s.meeting().items[1].decision_text, None);
    assert_eq!(
        s.set_notes(0, "Approuvé sans observation."),
        Ok(Change::This)
    );
    assert_eq!(s.set_notes(3, "Deux actions en retard."), Ok(Change::This));
    assert_eq!(s.set_notes(4, "x"), Err(LiveError::NoSuchItem { index: 4 }));
    assert_eq!(
        s.set_difficulties("Délais de rendez-vous en CMP."),
        Ok(Change::This)
    );
    assert_eq!(
        s.meeting().difficulties.as_deref(),
        Some("Délais de rendez-vous en CMP.")
    );
}

#[test]
fn next_meeting_comes_after_this_one() {
    let mut s = seance();
    assert_eq!(
        s.set_next_meeting(Some(day("2026-11-30"))),
        Err(LiveError::NextMeetingNotAfterMeeting {
            meeting_date: day("2026-11-30")
        })
    );
    assert_eq!(
        s.set_next_meeting(Some(day("2026-12-28"))),
        Ok(Change::This)
    );
    assert_eq!(s.meeting().next_meeting, Some(day("2026-12-28")));
    assert_eq!(s.set_next_meeting(None), Ok(Change::This));
}

// ---- actions ----

#[test]
fn actions_are_added_edited_done_and_deleted() {
    let mut s = seance();
    assert_eq!(
        s.add_action(
            1,
            input(" Appeler la famille ", " cd-ase ", Some("2026-12-15"))
        ),
        Ok(Change::This)
    );
    assert_eq!(
        s.add_action(0, input("Diffuser le compte rendu", "dircab", None)),
        Ok(Change::This)
    );
    let a = &s.meeting().items[1].actions[0];
    assert_eq!(
        (a.text.as_str(), a.owner.as_str(), a.due, a.done_on),
        (
            "Appeler la famille",
            "cd-ase",
            Some(day("2026-12-15")),
            None
        )
    );
    assert_eq!(
        s.add_action(3, input("x", "dircab", None)),
        Err(LiveError::NoActionsHere)
    );
    assert_eq!(
        s.add_action(1, input(" ", "dircab", None)),
        Err(LiveError::ActionTextRequired)
    );
    assert_eq!(
        s.add_action(1, input("x", "", None)),
        Err(LiveError::OwnerRequired)
    );
    assert_eq!(
        s.add_action(1, input("x", "dircab", Some("2026-11-29"))),
        Err(LiveError::DueBeforeMeeting {
            meeting_date: day("2026-11-30")
        })
    );
    assert_eq!(
        s.add_action(1, input("x", "dircab", Some("2026-11-30"))),
        Ok(Change::This)
    );
    assert_eq!(s.meeting().items[1].actions.len(), 2);
    assert_eq!(
        s.edit_action(
            1,
            0,
            input("Appeler la famille", "cd-ase", Some("2026-12-15"))
        ),
        Ok(Change::Unchanged)
    );
    assert_eq!(
        s.edit_action(1, 0, input("Appeler la famille", "ars", None)),
        Ok(Change::This)
    );
    let a = &s.meeting().items[1].actions[0];
    assert_eq!((a.owner.as_str(), a.due), ("ars", None));
    assert_eq!(
        s.edit_action(1, 5, input("x", "ars", None)),
        Err(LiveError::NoSuchAction { index: 5 })
    );
    assert_eq!(
        s.set_action_done(1, 0, Some(day("2026-11-30"))),
        Ok(Change::This)
    );
    assert_eq!(
        s.meeting().items[1].actions[0].done_on,
        Some(day("2026-11-30"))
    );
    // Editing keeps done_on.
    assert_eq!(
        s.edit_action(1, 0, input("Appeler la famille", "cd-ase", None)),
        Ok(Change::This)
    );
    assert_eq!(
        s.meeting().items[1].actions[0].done_on,
        Some(day("2026-11-30"))
    );
    assert_eq!(s.set_action_done(1, 0, None), Ok(Change::This));
    assert_eq!(s.delete_action(1, 0), Ok(Change::This));
    assert_eq!(s.meeting().items[1].actions.len(), 1);
    assert_eq!(s.meeting().items[1].actions[0].text, "x");
    assert_eq!(
        s.delete_action(1, 1),
        Err(LiveError::NoSuchAction { index: 1 })
    );
}

#[test]
fn an_earlier_action_is_marked_done_in_its_own_meeting() {
    let mut s = seance();
    let mut others = vec![earlier(), agenda()];
    assert_eq!(
        s.set_earlier_action_done(
            &mut others,
            "2026-10-28-cpraf",
            0,
            0,
            Some(day("2026-11-30"))
        ),
        Ok(Change::Other("2026-10-28-cpraf".into()))
    );
    assert_eq!(
        others[0].items[0].actions[0].done_on,
        Some(day("2026-11-30"))
    );
    assert_eq!(
        others[0].status,
        MeetingStatus::Closed,
        "done_on is written into a closed meeting"
    );
    assert_eq!(
        s.set_earlier_action_done(
            &mut others,
            "2026-10-28-cpraf",
            0,
            0,
            Some(day("2026-11-30"))
        ),
        Ok(Change::Unchanged)
    );
    assert_eq!(
        s.set_earlier_action_done(&mut others, "2026-10-28-cpraf", 0, 3, None),
        Err(LiveError::NoSuchAction { index: 3 })
    );
    assert_eq!(
        s.set_earlier_action_done(
            &mut others,
            "2026-10-28-cpraf",
            0,
            0,
            Some(day("2026-10-01"))
        ),
        Err(LiveError::DoneBeforeDecided {
            meeting_date: day("2026-10-28")
        })
    );
    assert_eq!(
        s.set_earlier_action_done(&mut others, "2026-11-30-cpraf", 0, 0, None),
        Err(LiveError::NotEarlier {
            id: "2026-11-30-cpraf".into()
        })
    );
    assert_eq!(
        s.set_earlier_action_done(&mut others, "2027-01-01-cpraf", 0, 0, None),
        Err(LiveError::NoSuchMeeting {
            id: "2027-01-01-cpraf".into()
        })
    );
    let mut later = earlier();
    later.id = "2026-12-28-cpraf".into();
    later.date = day("2026-12-28");
    assert_eq!(
        actions::set_earlier_action_done(s.meeting(), &mut later, 0, 0, None),
        Err(LiveError::NotEarlier {
            id: "2026-12-28-cpraf".into()
        })
    );
    // The séance's own meeting was not touched.
    assert_eq!(s.meeting().items, agenda().items);
}

// ---- timers ----

#[test]
fn time_is_counted_on_the_current_item_while_held() {
    let mut s = Owned::new(agenda(), REVIEW_DAYS);
    assert_eq!(s.tick(30), Change::Unchanged, "not started yet");
    assert_eq!(s.start(day("2026-11-30"), None), Ok(Change::This));
    assert_eq!(s.tick(0), Change::Unchanged);
    // The roll call first: its own time, not item 1's.
    assert_eq!(s.tick(90), Change::This);
    assert!(s.next_item());
    assert_eq!(s.current(), 0);
    assert_eq!(s.tick(200), Change::This);
    assert_eq!(s.tick(150), Change::This);
    assert!(s.next_item());
    assert_eq!(s.tick(60), Change::This);
    let m = s.meeting();
    assert_eq!(m.roll_call_seconds, Some(90));
    assert_eq!(m.items[0].spent_seconds, Some(350));
    assert_eq!(m.items[1].spent_seconds, Some(60));
    let t = item_timer(&m.items[0]);
    assert_eq!(
        (
            t.timebox_seconds,
            t.overrun_seconds(),
            t.remaining_seconds(),
            t.is_over()
        ),
        (Some(300), 50, Some(0), true)
    );
    let t = item_timer(&m.items[1]);
    assert_eq!(
        (t.overrun_seconds(), t.remaining_seconds(), t.is_over()),
        (0, Some(540), false)
    );
    let t = item_timer(&m.items[3]);
    assert_eq!(
        (
            t.timebox_seconds,
            t.overrun_seconds(),
            t.remaining_seconds()
        ),
        (None, 0, None)
    );
    let total = meeting_timer(m);
    assert_eq!(
        (total.spent_seconds, total.timebox_seconds),
        (500, Some(25 * 60))
    );
    // Time is not an edit: nothing to undo but the start.
    assert_eq!(s.undo(&mut []), Ok(Change::This));
    assert_eq!(s.meeting().status, MeetingStatus::Convened);
    assert_eq!(s.meeting().items[0].spent_seconds, Some(350));
    assert_eq!(s.undo(&mut []), Err(LiveError::NothingToUndo));
}

#[test]
fn timers_never_overflow() {
    let mut m = agenda();
    m.items[0].spent_seconds = Some(u64::MAX - 1);
    m.items[1].spent_seconds = Some(u64::MAX);
    m.items[0].minutes = Some(u32::MAX);
    m.items[1].minutes = Some(u32::MAX);
    assert_eq!(timers::add_spent(&mut m, 0, u64::MAX), Ok(true));
    assert_eq!(m.items[0].spent_seconds, Some(u64::MAX));
    assert_eq!(meeting_timer(&m).spent_seconds, u64::MAX);
    assert_eq!(
        meeting_timer(&m).timebox_seconds,
        Some(2 * u64::from(u32::MAX) * 60 + 600)
    );
}

// ---- undo / redo ----

#[test]
fn undo_and_redo_walk_through_every_edit() {
    let mut s = seance();
    let mut states = vec![s.meeting().clone()];
    let mut others: Vec<Meeting> = Vec::new();
    let edits: Vec<EditFn> = vec![
        Box::new(|s| s.set_attendance("dircab", AttendanceStatus::Present, None)),
        Box::new(|s| s.set_attendance("parquet", AttendanceStatus::Represented, Some("M. Blanc"))),
        Box::new(|s| s.add_member("ars", AttendanceStatus::Present, None)),
        Box::new(|s| {
            s.add_guest(NewGuest {
                name: "Jeanne Morel",
                title: None,
                organisation: "Miviludes",
                status: AttendanceStatus::Present,
                by: None,
            })
        }),
        Box::new(|s| s.set_guest_status(0, AttendanceStatus::Excused, None)),
        Box::new(|s| {
            s.edit_guest(
                0,
                NewGuest {
                    name: "Jeanne Morelle",
                    title: None,
                    organisation: "Miviludes",
                    status: AttendanceStatus::Excused,
                    by: None,
                },
            )
        }),
        Box::new(|s| s.set_notes(0, "Approuvé sans observation.")),
        Box::new(|s| s.set_decision_text(1, "Maintien du suivi.")),
        Box::new(|s| s.set_difficulties("Délais de rendez-vous en CMP.")),
        Box::new(|s| s.set_decision(1, Some(Decision::Continue), None)),
        Box::new(|s| s.set_next_review(1, Some(day("2027-01-15")))),
        Box::new(|s| s.set_decision(2, Some(Decision::Close), Some(ClosureReason::Moved))),
        Box::new(|s| s.set_closure_reason(2, ClosureReason::Other)),
        Box::new(|s| s.add_action(1, input("Appeler", "cd-ase", Some("2026-12-15")))),
        Box::new(|s| s.edit_action(1, 0, input("Appeler la famille", "cd-ase", None))),
        Box::new(|s| s.set_action_done(1, 0, Some(day("2026-11-30")))),
        Box::new(|s| s.delete_action(1, 0)),
        Box::new(|s| s.set_next_meeting(Some(day("2026-12-28")))),
        Box::new(|s| s.remove_guest(0)),
    ];
    for edit in &edits {
        assert_eq!(edit(&mut s), Ok(Change::This));
        states.push(s.meeting().clone());
    }
    assert!(s.can_undo() && !s.can_redo());
    for state in states.iter().rev().skip(1) {
        assert_eq!(s.undo(&mut others), Ok(Change::This));
        assert_eq!(s.meeting(), state);
    }
    assert_eq!(s.undo(&mut others), Ok(Change::This), "the start");
    assert_eq!(s.meeting().status, MeetingStatus::Convened);
    assert_eq!(s.undo(&mut others), Err(LiveError::NothingToUndo));
    assert_eq!(s.redo(&mut others), Ok(Change::This));
    for state in states.iter().skip(1) {
        assert_eq!(s.redo(&mut others), Ok(Change::This));
        assert_eq!(s.meeting(), state);
    }
    assert_eq!(s.redo(&mut others), Err(LiveError::NothingToRedo));
}

#[test]
fn a_new_edit_forgets_what_could_be_redone() {
    let mut s = seance();
    assert_eq!(s.set_notes(0, "a"), Ok(Change::This));
    s.seal();
    assert_eq!(s.set_notes(0, "b"), Ok(Change::This));
    assert_eq!(s.undo(&mut []), Ok(Change::This));
    assert_eq!(s.meeting().items[0].notes.as_deref(), Some("a"));
    assert!(s.can_redo());
    assert_eq!(s.set_notes(0, "c"), Ok(Change::This));
    assert!(!s.can_redo());
    assert_eq!(s.redo(&mut []), Err(LiveError::NothingToRedo));
    assert_eq!(s.undo(&mut []), Ok(Change::This));
    assert_eq!(s.meeting().items[0].notes.as_deref(), Some("a"));
}

#[test]
fn typing_in_one_field_is_one_undo_step() {
    let mut s = seance();
    assert_eq!(
        s.set_decision(1, Some(Decision::Continue), None),
        Ok(Change::This)
    );
    let before_typing = s.meeting().clone();
    let mut typed = String::new();
    for c in "Maintien du suivi".chars() {
        typed.push(c);
        let change = s.set_decision_text(1, &typed).unwrap();
        // A trailing space changes nothing to write.
        assert_eq!(change.is_changed(), c != ' ', "{typed:?}");
    }
    s.seal();
    assert_eq!(
        s.set_decision_text(1, "Maintien du suivi."),
        Ok(Change::This)
    );
    assert_eq!(s.undo(&mut []), Ok(Change::This));
    assert_eq!(
        s.meeting().items[1].decision_text.as_deref(),
        Some("Maintien du suivi")
    );
    assert_eq!(s.undo(&mut []), Ok(Change::This));
    assert_eq!(s.meeting(), &before_typing);
    // Typing in another field, or another edit in between, starts a new step.
    assert_eq!(s.redo(&mut []), Ok(Change::This));
    assert_eq!(s.set_notes(1, "n"), Ok(Change::This));
    assert_eq!(
        s.set_decision_text(1, "Maintien du suivi.."),
        Ok(Change::This)
    );
    assert_eq!(s.set_notes(1, "no"), Ok(Change::This));
    assert_eq!(s.undo(&mut []), Ok(Change::This));
    assert_eq!(s.meeting().items[1].notes.as_deref(), Some("n"));
    assert_eq!(s.undo(&mut []), Ok(Change::This));
    assert_eq!(
        s.meeting().items[1].decision_text.as_deref(),
        Some("Maintien du suivi")
    );
    // Navigation ends the group too.
    assert_eq!(s.set_difficulties("a"), Ok(Change::This));
    assert!(s.next_item());
    assert_eq!(s.set_difficulties("ab"), Ok(Change::This));
    assert_eq!(s.undo(&mut []), Ok(Change::This));
    assert_eq!(s.meeting().difficulties.as_deref(), Some("a"));
}

#[test]
fn undo_keeps_the_time_spent() {
    let mut s = seance();
    assert_eq!(s.tick(100), Change::This);
    assert_eq!(s.set_notes(0, "Approuvé."), Ok(Change::This));
    assert_eq!(s.tick(20), Change::This);
    assert_eq!(s.undo(&mut []), Ok(Change::This));
    assert_eq!(s.meeting().items[0].notes, None);
    assert_eq!(s.meeting().items[0].spent_seconds, Some(120));
    assert_eq!(s.tick(5), Change::This);
    assert_eq!(s.redo(&mut []), Ok(Change::This));
    assert_eq!(s.meeting().items[0].notes.as_deref(), Some("Approuvé."));
    assert_eq!(s.meeting().items[0].spent_seconds, Some(125));
}

#[test]
fn undo_reaches_an_earlier_meeting() {
    let mut s = seance();
    let mut others = vec![earlier()];
    assert_eq!(s.set_notes(3, "Une action réalisée."), Ok(Change::This));
    assert_eq!(
        s.set_earlier_action_done(
            &mut others,
            "2026-10-28-cpraf",
            0,
            0,
            Some(day("2026-11-30"))
        ),
        Ok(Change::Other("2026-10-28-cpraf".into()))
    );
    assert_eq!(
        s.undo(&mut others),
        Ok(Change::Other("2026-10-28-cpraf".into()))
    );
    assert_eq!(others[0], earlier());
    assert_eq!(
        s.meeting().items[3].notes.as_deref(),
        Some("Une action réalisée.")
    );
    assert_eq!(
        s.redo(&mut others),
        Ok(Change::Other("2026-10-28-cpraf".into()))
    );
    assert_eq!(
        others[0].items[0].actions[0].done_on,
        Some(day("2026-11-30"))
    );
    // Without the earlier meeting at hand, the step is refused and stays available.
    assert_eq!(
        s.undo(&mut []),
        Err(LiveError::NoSuchMeeting {
            id: "2026-10-28-cpraf".into()
        })
    );
    assert!(s.can_undo());
    assert_eq!(
        s.undo(&mut others),
        Ok(Change::Other("2026-10-28-cpraf".into()))
    );
    assert_eq!(s.undo(&mut others), Ok(Change::This));
    assert_eq!(s.meeting().items[3].notes, None);
}

#[test]
fn refused_and_unchanged_edits_leave_no_undo_step() {
    let mut s = Owned::new(agenda(), REVIEW_DAYS);
    assert_eq!(
        s.set_attendance("x", AttendanceStatus::Present, None),
        Err(LiveError::NoSuchMember { member: "x".into() })
    );
    assert_eq!(s.set_notes(0, ""), Ok(Change::Unchanged));
    assert!(!s.can_undo());
    assert_eq!(s.undo(&mut []), Err(LiveError::NothingToUndo));
}

#[test]
fn reload_forgets_the_history() {
    let mut s = seance();
    assert_eq!(s.set_notes(0, "mine"), Ok(Change::This));
    assert!(s.next_item() && s.next_item() && s.next_item());
    let mut theirs = agenda();
    theirs.items.truncate(2);
    theirs.items[0].notes = Some("theirs".into());
    s.reload(theirs.clone());
    assert_eq!(s.meeting(), &theirs);
    assert_eq!(s.current(), 1);
    assert!(!s.can_undo());
}

// ---- a séance that records the truth ----

#[test]
fn a_meeting_dated_another_day_moves_to_today_when_held() {
    let mut s = Owned::new(agenda(), REVIEW_DAYS);
    let at = chrono::NaiveTime::from_hms_opt(9, 41, 12);
    assert_eq!(s.start(day("2026-11-20"), at), Ok(Change::This));
    let m = s.meeting();
    assert_eq!(m.date, day("2026-11-20"));
    assert_eq!(m.details.rescheduled_from, Some(day("2026-11-30")));
    assert_eq!(m.start, chrono::NaiveTime::from_hms_opt(9, 41, 0).unwrap());
    // Undone: back to its planned day, nothing noted.
    assert_eq!(s.undo(&mut []), Ok(Change::This));
    assert_eq!(
        (s.meeting().date, s.meeting().details.rescheduled_from),
        (day("2026-11-30"), None)
    );
}

#[test]
fn a_held_meeting_is_never_held_again_by_starting() {
    let mut m = agenda();
    m.status = MeetingStatus::Held;
    let before = m.clone();
    let mut s = Owned::new(m, REVIEW_DAYS);
    let at = chrono::NaiveTime::from_hms_opt(19, 26, 0);
    assert_eq!(s.start(day("2026-12-15"), at), Ok(Change::Unchanged));
    assert_eq!(
        s.meeting(),
        &before,
        "neither its date nor its start rewritten"
    );
}

#[test]
fn consulting_counts_nothing_and_refuses_edits() {
    let mut m = agenda();
    m.status = MeetingStatus::Held;
    m.items[1].spent_seconds = Some(60);
    let mut s = Owned::new(m, REVIEW_DAYS);
    s.set_consulting(true);
    assert_eq!(s.tick(30), Change::Unchanged);
    assert_eq!(s.set_notes(1, "x"), Err(LiveError::Consulting));
    assert!(!s.is_editable());
    s.set_consulting(false);
    assert_eq!(s.tick(30), Change::This);
    assert_eq!(s.meeting().items[1].spent_seconds, Some(90));
}

#[test]
fn a_pause_stops_every_timer_until_resumed() {
    let mut s = seance();
    assert!(s.toggle_pause());
    assert_eq!(s.tick(40), Change::Unchanged);
    assert!(s.next_item());
    assert_eq!(s.tick(40), Change::Unchanged);
    assert!(!s.toggle_pause());
    assert_eq!(s.tick(5), Change::This);
    assert_eq!(s.meeting().items[0].spent_seconds, None);
    assert_eq!(s.meeting().items[1].spent_seconds, Some(5));
}

#[test]
fn a_closed_meeting_reopens_deliberately_with_its_date_and_keeps_its_numbers() {
    let mut s = seance();
    assert_eq!(
        s.set_decision(1, Some(Decision::Continue), None),
        Ok(Change::This)
    );
    assert_eq!(s.reopen(day("2026-12-01")), Err(LiveError::NotClosed));
    assert_eq!(s.close(&[]), Ok(Change::This));
    assert_eq!(
        s.meeting().items[1].number.as_deref(),
        Some("CPRAF-2026-D001")
    );
    assert_eq!(s.reopen(day("2026-12-02")), Ok(Change::This));
    assert_eq!(s.meeting().status, MeetingStatus::Held);
    assert_eq!(s.meeting().reopened, vec![day("2026-12-02")]);
    assert_eq!(
        s.set_decision(2, Some(Decision::Orient), None),
        Ok(Change::This)
    );
    assert_eq!(s.close(&[]), Ok(Change::This));
    let numbers: Vec<_> = s.meeting().items.iter().map(|i| i.number.clone()).collect();
    assert_eq!(
        numbers,
        vec![
            None,
            Some("CPRAF-2026-D001".into()),
            Some("CPRAF-2026-D002".into()),
            None
        ]
    );
}

#[test]
fn an_item_added_during_the_seance_comes_after_the_current_one() {
    let mut s = seance();
    assert!(s.next_item());
    assert_eq!(
        s.add_item(Item::case("75-2026-099", Some(10))),
        Ok(Change::This)
    );
    assert_eq!(s.meeting().items[2].case.as_deref(), Some("75-2026-099"));
    assert_eq!(s.current(), 1, "the current item stays");
    assert_eq!(
        s.add_item(Item::case("75-2026-014", None)),
        Err(LiveError::CaseOnAgenda {
            case: "75-2026-014".into()
        })
    );
    assert_eq!(s.undo(&mut []), Ok(Change::This));
    assert_eq!(s.meeting().items.len(), 4);
}
