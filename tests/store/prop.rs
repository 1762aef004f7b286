//! Properties of the store and of the current state of a case:
//! - any meeting the app can hold is written to a text that loads back as the same meeting
//!   (texts with unicode, quotes, colons, leading dashes, `#`, several lines, controls...);
//! - a case's current state does not depend on the order the meetings come in.

use cellule::domain::{
    Action, Attendance, AttendanceStatus, Case, ClosureReason, Decision, Guest, Item, ItemKind,
    Meeting, MeetingStatus, current_state,
};
use cellule::store::problem::Sink;
use cellule::store::{Expect, decode_meeting, load_root, meeting_to_yaml, save_meeting, yaml};
use chrono::{NaiveDate, NaiveTime};
use proptest::prelude::*;
use proptest::sample::select;

/// Texts that are hard to write as YAML: every one must come back unchanged.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{1,30}",
        "(- |# |: |\\? |! |& |\\* |% |@|`|\\| |> |' |\" |\\{|\\[|---|\\.\\.\\.)[a-zé :#'\"\\\\-]{0,20}",
        "[a-zA-Zéèà0-9 :#'\"\\-]{1,15}( #|: |:)[a-z ]{0,10}",
        any::<String>(),
        prop::collection::vec("[a-zA-Zé0-9 :#'\"\\-\t]{0,15}", 1..5)
            .prop_flat_map(|lines| (Just(lines.join("\n")), any::<bool>()))
            .prop_map(|(t, nl)| if nl { format!("{t}\n") } else { t }),
        select(vec![
            "true", "false", "null", "~", "yes", "no", "on", "1.5", "0x10", "1e3", "2026-01-01",
            "14:30", "-", "- x", " leading", "trailing ", "a\r\nb", "\u{feff}bom", "\u{85}nel",
            "x\u{2028}y", "tab\tin", "\u{1b}[2J", "é\u{202e}", "\t", "'", "\"", "#", "\\",
            "line\n\n\nblank lines", "  two\n  indented", "end with space \n",
        ])
        .prop_map(String::from),
    ]
    .prop_filter("not blank (a blank text reads as absent)", |t| !t.trim().is_empty())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (0u64..4000).prop_map(|n| NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(n))
}

fn short_id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9-]{0,15}"
}

fn file_id() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_][A-Za-z0-9_-]{0,30}"
}

fn status() -> impl Strategy<Value = AttendanceStatus> {
    select(AttendanceStatus::ALL.to_vec())
}

/// `by` goes with `represented`, and only with it (the decoder checks this).
fn represented_by(status: AttendanceStatus, by: String) -> Option<String> {
    (status == AttendanceStatus::Represented).then_some(by)
}

fn action() -> impl Strategy<Value = Action> {
    (
        text(),
        short_id(),
        prop::option::of(day()),
        prop::option::of(day()),
    )
        .prop_map(|(text, owner, due, done_on)| Action {
            text,
            owner,
            due,
            done_on,
        })
}

/// An item as the decoder accepts it: a title for topics, a case for case items, the
/// decision fields on case items only, a closure reason with `close` and only with it.
fn item() -> impl Strategy<Value = Item> {
    (
        (
            select(ItemKind::ALL.to_vec()),
            text(),
            opt_text(),
            file_id(),
            prop::option::of(1u32..600),
            opt_text(),
        ),
        (
            prop::option::of(select(Decision::ALL.to_vec())),
            opt_text(),
            prop::option::of(day()),
            select(ClosureReason::ALL.to_vec()),
            prop::collection::vec(action(), 0..3),
            prop::option::of(0u64..100_000),
        ),
    )
        .prop_map(
            |(
                (kind, title, opt_title, case, minutes, notes),
                (decision, decision_text, next_review, reason, actions, spent_seconds),
            )| {
                let structure = title.clone();
                let person = notes.clone();
                let base = Item {
                    minutes,
                    notes,
                    spent_seconds,
                    ..Item::topic(title, None)
                };
                match kind {
                    ItemKind::Topic => base,
                    ItemKind::Actions => Item {
                        kind,
                        title: opt_title,
                        ..base
                    },
                    ItemKind::Case => {
                        let close = decision.is_some_and(Decision::closes);
                        let follow =
                            decision.is_some() && !close && minutes.is_some_and(|m| m % 2 == 0);
                        let referent = (decision == Some(Decision::ChangeReferent)).then(|| {
                            cellule::domain::Referent {
                                structure: structure.clone(),
                                kind: cellule::domain::ReferentType::StateService,
                                person: person.clone(),
                            }
                        });
                        let measure = (decision == Some(Decision::Orient)).then(|| {
                            cellule::domain::meeting::Orientation {
                                kind: cellule::domain::MeasureType::MentalHealth,
                                provider: decision_text.clone(),
                            }
                        });
                        Item {
                            kind,
                            title: None,
                            case: Some(case),
                            decision,
                            follow,
                            referent,
                            measure,
                            decision_text,
                            next_review: if close { None } else { next_review },
                            closure_reason: close.then_some(reason),
                            actions,
                            ..base
                        }
                    }
                }
            },
        )
}

fn meeting() -> impl Strategy<Value = Meeting> {
    (
        (
            file_id(),
            short_id(),
            day(),
            (0u32..24, 0u32..60),
            opt_text(),
            short_id(),
            select(MeetingStatus::ALL.to_vec()),
        ),
        (
            prop::collection::vec(
                (short_id(), status(), text()).prop_map(|(member, status, by)| Attendance {
                    member,
                    status,
                    by: represented_by(status, by),
                    for_information: false,
                }),
                0..4,
            ),
            prop::collection::vec(
                (text(), opt_text(), text(), status(), text()).prop_map(
                    |(name, title, organisation, status, by)| Guest {
                        name,
                        title,
                        organisation,
                        status,
                        by: represented_by(status, by),
                        email: None,
                        for_information: false,
                    },
                ),
                0..3,
            ),
            prop::collection::vec(item(), 0..5),
            opt_text(),
            prop::option::of(day()),
        ),
    )
        .prop_map(
            |(
                (id, body, date, (h, m), place, chair, status),
                (attendance, guests, items, difficulties, next_meeting),
            )| Meeting {
                id,
                body,
                date,
                start: NaiveTime::from_hms_opt(h, m, 0).unwrap(),
                place,
                chair,
                status,
                // One entry per member; the next meeting not before this one.
                attendance: {
                    let mut seen = std::collections::HashSet::new();
                    attendance
                        .into_iter()
                        .filter(|a| seen.insert(a.member.clone()))
                        .collect()
                },
                guests,
                items,
                difficulties,
                next_meeting: next_meeting.filter(|next| *next >= date),
                details: Default::default(),
                reopened: Vec::new(),
                roll_call_seconds: None,
                postponed: Vec::new(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_written_meeting_reads_back_as_the_same_meeting(m in meeting()) {
        let text = meeting_to_yaml(&m);
        let value = yaml::read(&text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        let mut sink = Sink::default();
        let back = decode_meeting(&value, &mut sink);
        prop_assert!(sink.is_empty(), "problems {:?} in\n{}", sink.pending, text);
        prop_assert_eq!(back.as_ref(), Some(&m), "written as\n{}", text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Through the files: saved into a data root, loaded by the loader (which also checks
    /// it against the département), equal to what was saved.
    #[test]
    fn a_saved_meeting_loads_back_from_the_data_root(
        place in opt_text(), difficulties in opt_text(), notes in prop::collection::vec(opt_text(), 1..4),
    ) {
        let root = tempfile::TempDir::new().unwrap();
        let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
        copy_dir(&demo, root.path());
        let loaded = load_root(root.path()).unwrap();
        let mut m = loaded.dept("49").unwrap().data.meeting("2026-12-14-cpraf").unwrap().clone();
        m.place = place;
        m.difficulties = difficulties;
        for (item, note) in m.items.iter_mut().zip(notes) {
            item.notes = note;
        }
        save_meeting(root.path(), "49", &m, Expect::Any).unwrap();
        let again = load_root(root.path()).unwrap();
        prop_assert!(again.problems.is_empty(), "{:?}", again.problems);
        prop_assert_eq!(again.dept("49").unwrap().data.meeting(&m.id), Some(&m));
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).unwrap();
        }
    }
}

/// Meetings about case `c1` (and others), with decisions, on few dates and start times so
/// that ties happen.
fn meetings_about_c1() -> impl Strategy<Value = Vec<Meeting>> {
    prop::collection::vec(
        (
            0u64..20,
            select(vec![(9, 0), (14, 30)]),
            select(MeetingStatus::ALL.to_vec()),
            prop::collection::vec(
                (
                    select(vec!["c1", "c1", "c2"]),
                    prop::option::of(select(Decision::ALL.to_vec())),
                    prop::option::of(0u64..200),
                    prop::option::of(select(ClosureReason::ALL.to_vec())),
                ),
                0..3,
            ),
        ),
        0..8,
    )
    .prop_map(|specs| {
        specs
            .into_iter()
            .enumerate()
            .map(|(n, (offset, (h, mi), status, items))| {
                let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(offset);
                Meeting {
                    id: format!("m{n}"),
                    body: "cpraf".into(),
                    date,
                    start: NaiveTime::from_hms_opt(h, mi, 0).unwrap(),
                    place: None,
                    chair: "dircab".into(),
                    status,
                    attendance: Vec::new(),
                    guests: Vec::new(),
                    items: items
                        .into_iter()
                        .map(|(case, decision, review, reason)| Item {
                            decision,
                            next_review: review.map(|d| date + chrono::Days::new(d)),
                            closure_reason: reason,
                            ..Item::case(case, None)
                        })
                        .collect(),
                    difficulties: None,
                    next_meeting: None,
                    details: Default::default(),
                    reopened: Vec::new(),
                    roll_call_seconds: None,
                    postponed: Vec::new(),
                }
            })
            .collect()
    })
}

fn the_case() -> impl Strategy<Value = Case> {
    (
        select(cellule::domain::CaseStatus::ALL.to_vec()),
        prop::option::of(0u64..60),
    )
        .prop_map(|(status, review)| {
            let loaded =
                load_root(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo"))
                    .unwrap();
            let mut case = loaded.dept("49").unwrap().data.cases[0].clone();
            case.id = "c1".into();
            case.status = status;
            case.next_review =
                review.map(|d| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(d));
            case
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn current_state_does_not_depend_on_the_order_of_meetings(
        case in the_case(),
        (meetings, shuffled) in meetings_about_c1()
            .prop_flat_map(|ms| (Just(ms.clone()), Just(ms).prop_shuffle())),
    ) {
        let mut reversed = meetings.clone();
        reversed.reverse();
        let expected = current_state(&case, &meetings);
        prop_assert_eq!(&current_state(&case, &shuffled), &expected);
        prop_assert_eq!(&current_state(&case, &reversed), &expected);
    }
}
