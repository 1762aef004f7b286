//! Tests of the monthly report's figures.

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
