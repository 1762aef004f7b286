//! Writing meetings and new cases: the shape of the text, and reading it back equal.

use cellule::domain::*;
use cellule::store::{self, Expect, WriteError, load_root, save_meeting, yaml};
use chrono::{NaiveDate, NaiveTime};
use std::fs;
use std::path::Path;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn sample_meeting() -> Meeting {
    let mut decided = Item::case("49-2025-003", Some(10));
    decided.notes = Some("La famille adhère au suivi.\nRendez-vous CMP pris.\n".into());
    decided.decision = Some(Decision::Continue);
    decided.decision_text = Some("Maintien du suivi: orientation vers une consultation.".into());
    decided.next_review = Some(day("2027-01-15"));
    decided.actions = vec![
        Action {
            text: "Proposer un rendez-vous à la famille".into(),
            owner: "cd-ase".into(),
            due: Some(day("2026-12-15")),
            done_on: Some(day("2026-12-10")),
        },
        Action {
            text: "true".into(),
            owner: "dircab".into(),
            due: None,
            done_on: None,
        },
    ];
    decided.spent_seconds = Some(540);
    let mut closed = Item::case("49-2025-004", None);
    closed.decision = Some(Decision::Close);
    closed.closure_reason = Some(ClosureReason::Disengagement);
    Meeting {
        id: "2026-11-30-cpraf".into(),
        body: "cpraf".into(),
        date: day("2026-11-30"),
        start: NaiveTime::from_hms_opt(14, 30, 0).unwrap(),
        place: Some("Préfecture, salle « Bonaparte »".into()),
        chair: "dircab".into(),
        status: MeetingStatus::Held,
        attendance: vec![
            Attendance {
                member: "dircab".into(),
                status: AttendanceStatus::Present,
                by: None,
                for_information: false,
            },
            Attendance {
                member: "parquet".into(),
                status: AttendanceStatus::Represented,
                by: Some("Mme Roux, substitute".into()),
                for_information: false,
            },
            Attendance {
                member: "cd-ase".into(),
                status: AttendanceStatus::Invited,
                by: None,
                for_information: true,
            },
        ],
        guests: vec![Guest {
            name: "Jeanne Morel".into(),
            title: None,
            organisation: "Miviludes".into(),
            status: AttendanceStatus::Present,
            by: None,
            email: Some("jeanne.morel@example.invalid".into()),
            for_information: true,
        }],
        items: vec![
            Item::topic("Approbation du compte rendu du 28 octobre", Some(5)),
            decided,
            closed,
            Item::actions_review("Suivi des actions", None),
        ],
        difficulties: Some("Délais de rendez-vous en CMP.\n".into()),
        next_meeting: Some(day("2026-12-28")),
        details: Details {
            end: NaiveTime::from_hms_opt(16, 0, 0),
            secretary: Some("dircab".into()),
            reference: Some("CPRAF/2026/11".into()),
            cancel_reason: None,
            rescheduled_from: None,
        },
        reopened: Vec::new(),
        roll_call_seconds: None,
        postponed: Vec::new(),
    }
}

fn decode(text: &str) -> Option<Meeting> {
    let value = yaml::read(text).ok()?;
    let mut sink = store::problem::Sink::default();
    let m = store::decode_meeting(&value, &mut sink);
    assert!(sink.is_empty(), "{:?}\n{text}", sink.pending);
    m
}

#[test]
fn a_meeting_is_written_in_the_shape_of_the_format() {
    let text = store::meeting_to_yaml(&sample_meeting());
    insta::assert_snapshot!(text);
    assert!(text.contains("start: \"14:30\"\n"));
    assert!(text.contains("  - member: parquet\n    status: represented\n"));
    assert!(text.contains("    notes: |\n      La famille adhère au suivi.\n"));
}

#[test]
fn a_meeting_reads_back_equal() {
    let m = sample_meeting();
    assert_eq!(decode(&store::meeting_to_yaml(&m)), Some(m));
    let bare = Meeting {
        attendance: Vec::new(),
        guests: Vec::new(),
        items: Vec::new(),
        place: None,
        difficulties: None,
        next_meeting: None,
        details: Details::default(),
        reopened: Vec::new(),
        roll_call_seconds: None,
        postponed: Vec::new(),
        ..sample_meeting()
    };
    let text = store::meeting_to_yaml(&bare);
    assert!(text.contains("attendance: []\n") && text.contains("items: []\n"));
    assert_eq!(decode(&text), Some(bare));
}

/// Texts that YAML would read as something else, or that need escapes.
const TRICKY: &[&str] = &[
    "",
    " ",
    "yes",
    "no",
    "true",
    "False",
    "null",
    "~",
    "2009",
    "0755",
    "1_000",
    "1e3",
    ".inf",
    ".NaN",
    "0x1F",
    "+1",
    "14:30",
    "2026-11-30",
    "a: b",
    "a #b",
    "#x",
    "- x",
    "-x",
    "[x]",
    "{x}",
    "*x",
    "&x",
    "!x",
    "|x",
    ">x",
    "'x",
    "\"x",
    "%x",
    "@x",
    "`x",
    "?",
    "-",
    ":",
    "x:",
    "...",
    "---",
    "<<",
    "=",
    "x\n",
    "a\nb",
    "a\nb\n",
    "a\n\nb\n",
    "a\n\n",
    "\na",
    " a\nb",
    "a\n  b\n",
    "a \nb",
    "a\n \nb",
    "tab\tx",
    "\ttab",
    "cr\r\nx",
    "\u{1b}[2J",
    "bell\u{7}",
    "\u{85}x",
    "a\u{2028}b",
    "\u{feff}x",
    "é à « »",
    "x :y",
    "a\n---\nb",
    "a\n...\nb",
    "line\n#comment\n",
    "null\nnull",
    "back\\slash",
    "a\\nb",
    "trailing ",
    "🙂 émoji",
    "- a\n- b\n",
    "key: v\nk2: v2\n",
];

#[test]
fn the_block_writer_keeps_every_text() {
    for s in TRICKY {
        let mut map = yaml::Mapping::new();
        map.insert(
            yaml::Value::String("k".into()),
            yaml::Value::Sequence(vec![yaml::Value::String((*s).into())]),
        );
        map.insert(
            yaml::Value::String("v".into()),
            yaml::Value::String((*s).into()),
        );
        let value = yaml::Value::Mapping(map);
        let text = yaml::to_block_string(&value);
        let text_of = |s: &str| yaml::Node::Str(s.to_string().into());
        let expected = yaml::Node::Map(vec![
            (text_of("k"), yaml::Node::Seq(vec![text_of(s)])),
            (text_of("v"), text_of(s)),
        ]);
        assert_eq!(
            yaml::read(&text).ok(),
            Some(expected),
            "{s:?} written as:\n{text}"
        );
    }
}

#[test]
fn tricky_texts_in_a_meeting_read_back_equal() {
    let mut m = sample_meeting();
    for s in TRICKY.iter().filter(|s| !s.trim().is_empty()) {
        m.items[0].notes = Some((*s).to_string());
        m.place = Some((*s).to_string());
        m.attendance[1].by = Some((*s).to_string());
        assert_eq!(
            decode(&store::meeting_to_yaml(&m)).as_ref(),
            Some(&m),
            "{s:?}"
        );
    }
}

#[test]
fn a_new_case_reads_back_equal() {
    let c = Case {
        id: "49-2026-041".into(),
        body: "cpraf".into(),
        kind: CaseKind::Person,
        label: "A.B.".into(),
        name: Some("Adam Bernard".into()),
        birth_year: Some(2009),
        reported_on: day("2026-03-02"),
        source: Source::Education,
        status: CaseStatus::Followed,
        referent: Some(Referent {
            structure: "Association Horizons".into(),
            kind: ReferentType::Association,
            person: None,
        }),
        family_contacted_on: Some(day("2026-03-10")),
        justice: Justice::OpenEnvironment,
        schooling: Some(Schooling::Home),
        returnee_minor: true,
        measures: vec![Measure {
            kind: MeasureType::MentalHealth,
            provider: Some("CMP".into()),
            from: day("2026-04-01"),
            to: None,
            fipd: true,
            fipd_action: None,
            fipd_justification: None,
            support_group: false,
        }],
        next_review: Some(day("2026-12-01")),
        closed_on: None,
        closure_reason: None,
        notes: Some("Texte libre.\nSur deux lignes.\n".into()),
    };
    let text = store::new_case_yaml(&c);
    assert!(text.starts_with("id: 49-2026-041\nbody: cpraf\nkind: person\n"));
    assert!(text.contains("birth_year: 2009\n"));
    let value = yaml::read(&text).unwrap();
    let mut sink = store::problem::Sink::default();
    assert_eq!(store::decode_case(&value, &mut sink), Some(c));
    assert!(sink.is_empty());
}

fn copy_department(root: &Path) {
    let dept = root.join("49");
    fs::create_dir_all(dept.join("cases")).unwrap();
    let src = Path::new("fixtures/invalid/unknown-key/49");
    fs::copy(src.join("department.yaml"), dept.join("department.yaml")).unwrap();
    fs::copy(
        src.join("cases/49-2026-001.yaml"),
        dept.join("cases/49-2026-001.yaml"),
    )
    .unwrap();
}

#[test]
fn a_moved_meeting_keeps_its_id_and_a_cancelled_one_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    copy_department(dir.path());
    let mut m = sample_meeting();
    m.attendance.truncate(1);
    m.items = vec![Item::case("49-2026-001", Some(10))];
    m.status = MeetingStatus::Convened;
    m.reschedule(day("2026-12-03"));
    assert_eq!(m.details.rescheduled_from, Some(day("2026-11-30")));
    let stamp = save_meeting(dir.path(), "49", &m, Expect::New).unwrap();
    let loaded = load_root(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.dept("49").unwrap().data.meetings, vec![m.clone()]);

    // Cancelled, with its reason: it loads back as it was.
    m.cancel("  Préfet retenu  ");
    save_meeting(dir.path(), "49", &m, Expect::Unchanged(stamp)).unwrap();
    let loaded = load_root(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let back = &loaded.dept("49").unwrap().data.meetings[0];
    assert_eq!(back.status, MeetingStatus::Cancelled);
    assert_eq!(back.details.cancel_reason.as_deref(), Some("Préfet retenu"));

    // A date moved by hand without `rescheduled_from`: the id no longer fits.
    let path = dir.path().join("49/meetings/2026-11-30-cpraf.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("rescheduled_from: 2026-11-30\n", "")).unwrap();
    let loaded = load_root(dir.path()).unwrap();
    let shown: Vec<String> = loaded
        .problems
        .iter()
        .map(|p| format!("{:?}", p.msg))
        .collect();
    assert!(
        shown.iter().any(|p| p.contains("MeetingIdMismatch")),
        "{shown:?}"
    );
}

#[test]
fn a_saved_meeting_loads_back_and_stale_saves_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    copy_department(dir.path());
    let mut m = sample_meeting();
    m.attendance.truncate(1);
    m.items = vec![Item::case("49-2026-001", Some(10))];
    let stamp = save_meeting(dir.path(), "49", &m, Expect::New).unwrap();
    let loaded = load_root(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let dept = loaded.dept("49").unwrap();
    assert_eq!(dept.data.meetings, vec![m.clone()]);
    assert_eq!(
        dept.stamps.get("49/meetings/2026-11-30-cpraf.yaml"),
        Some(&stamp)
    );

    m.status = MeetingStatus::Closed;
    let stamp2 = save_meeting(dir.path(), "49", &m, Expect::Unchanged(stamp.clone())).unwrap();
    assert!(matches!(
        save_meeting(dir.path(), "49", &m, Expect::Unchanged(stamp)),
        Err(WriteError::Changed { .. })
    ));
    assert!(matches!(
        save_meeting(dir.path(), "49", &m, Expect::New),
        Err(WriteError::Exists { .. })
    ));
    save_meeting(dir.path(), "49", &m, Expect::Unchanged(stamp2)).unwrap();

    m.id = "../../escape".into();
    assert!(matches!(
        save_meeting(dir.path(), "49", &m, Expect::Any),
        Err(WriteError::BadId { .. })
    ));
}

#[cfg(unix)]
#[test]
fn a_meetings_folder_linked_outside_the_root_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    copy_department(dir.path());
    std::os::unix::fs::symlink(outside.path(), dir.path().join("49/meetings")).unwrap();
    let err = save_meeting(dir.path(), "49", &sample_meeting(), Expect::Any).unwrap_err();
    assert!(matches!(err, WriteError::OutsideRoot { .. }), "{err:?}");
    assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 0);
}

#[cfg(unix)]
#[test]
fn a_departement_folder_linked_outside_the_root_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("49")).unwrap();
    let err = save_meeting(dir.path(), "49", &sample_meeting(), Expect::Any).unwrap_err();
    assert!(matches!(err, WriteError::OutsideRoot { .. }), "{err:?}");
    assert_eq!(
        fs::read_dir(outside.path()).unwrap().count(),
        0,
        "nothing created outside"
    );
    assert!(matches!(
        save_meeting(dir.path(), "20", &sample_meeting(), Expect::Any),
        Err(WriteError::UnknownDepartment { .. })
    ));
}

#[test]
fn the_items_postponed_during_the_seance_read_back_equal() {
    let mut m = sample_meeting();
    m.postponed = vec![
        Postponed {
            item: Item::case("49-2025-004", Some(10)),
            to: "2026-12-28-cpraf".into(),
        },
        Postponed {
            item: Item::topic("Bilan FIPD", None),
            to: "2026-12-28-cpraf".into(),
        },
    ];
    let text = store::meeting_to_yaml(&m);
    assert!(
        text.contains(
            "postponed:\n  - kind: case\n    case: 49-2025-004\n    minutes: 10\n    to: 2026-12-28-cpraf\n"
        ),
        "{text}"
    );
    assert_eq!(decode(&text), Some(m));
    // A postponed item says where it went.
    let broken = text.replace("    to: 2026-12-28-cpraf\n", "");
    let value = yaml::read(&broken).unwrap();
    let mut sink = store::problem::Sink::default();
    assert!(store::decode_meeting(&value, &mut sink).is_none());
    assert!(!sink.is_empty());
}

/// The approval of earlier minutes is written and read back; its French spelling is read.
#[test]
fn an_approval_of_minutes_reads_back_equal() {
    let mut m = sample_meeting();
    m.items[0].approves = Some("2026-10-26-cpraf".into());
    m.items[0].approval = Some(Approval::ApprovedWithChanges);
    let text = store::meeting_to_yaml(&m);
    assert!(
        text.contains(
            "    minutes: 5\n    approves: 2026-10-26-cpraf\n    approval: approved_with_changes\n"
        ),
        "{text}"
    );
    assert_eq!(decode(&text), Some(m.clone()));
    let french = text.replace(
        "approval: approved_with_changes",
        "approval: Approuvé avec modifications",
    );
    assert_eq!(decode(&french), Some(m));
}
