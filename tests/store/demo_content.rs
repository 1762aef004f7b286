//! The bundled demo shows every situation the product handles (issue: demo data).

use cellule::domain::*;
use cellule::store::load_root;
use chrono::NaiveDate;
use std::path::Path;

fn demo() -> DeptData {
    let loaded = load_root(Path::new("fixtures/demo")).expect("demo root");
    assert!(loaded.problems.is_empty());
    loaded
        .depts
        .into_iter()
        .next()
        .expect("one département")
        .data
}

#[test]
fn the_demo_covers_every_kind_of_situation() {
    let data = demo();
    let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    assert!(data.department.members.len() >= 15, "a full directory");
    let orgs: std::collections::BTreeSet<&str> = data
        .department
        .members
        .iter()
        .map(|m| m.organisation.as_str())
        .collect();
    assert!(
        orgs.len() >= 12,
        "members across the organisations: {orgs:?}"
    );
    assert!(data.department.body("cpraf").is_some() && data.department.body("gtrdo").is_some());
    assert!((35..=60).contains(&data.cases.len()), "about 40 cases");
    for kind in CaseKind::ALL {
        assert!(
            data.cases.iter().any(|c| c.kind == *kind),
            "a case of kind {kind}"
        );
    }
    for status in CaseStatus::ALL {
        assert!(
            data.cases.iter().any(|c| c.status == *status),
            "a case with status {status}"
        );
    }
    for reason in ClosureReason::ALL {
        assert!(
            data.cases.iter().any(|c| c.closure_reason == Some(*reason)),
            "a case closed for {reason}"
        );
    }
    for kind in MeasureType::ALL {
        assert!(
            data.cases
                .iter()
                .any(|c| c.measures.iter().any(|m| m.kind == *kind)),
            "a measure {kind}"
        );
    }
    assert!(data.cases.iter().any(|c| c.measures.iter().any(|m| m.fipd)));
    assert!(data.cases.iter().any(|c| c.is_minor_on(day)), "a minor");
    assert!(
        data.cases
            .iter()
            .any(|c| c.kind == CaseKind::Person && !c.is_minor_on(day) && c.birth_year.is_some()),
        "an adult"
    );
    assert!(
        data.cases
            .iter()
            .any(|c| c.body == "gtrdo" && c.kind == CaseKind::Organisation),
        "a GTRDO organisation dossier"
    );
    assert!(
        data.cases.iter().any(|c| c.justice != Justice::None),
        "someone under justice supervision"
    );
    assert!(
        data.cases
            .iter()
            .any(|c| c.schooling == Some(Schooling::Home)),
        "a home-schooled child"
    );
}

#[test]
fn the_demo_has_meetings_over_several_months() {
    let data = demo();
    let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    assert!(data.meetings.len() >= 6);
    let months: std::collections::BTreeSet<(i32, u32)> = data
        .meetings
        .iter()
        .map(|m| {
            (
                chrono::Datelike::year(&m.date),
                chrono::Datelike::month(&m.date),
            )
        })
        .collect();
    assert!(months.len() >= 5, "several months");
    assert!(
        data.meetings
            .iter()
            .any(|m| m.status == MeetingStatus::Closed)
    );
    assert!(
        data.meetings
            .iter()
            .any(|m| m.status == MeetingStatus::Held)
    );
    assert!(
        data.meetings
            .iter()
            .any(|m| m.status == MeetingStatus::Draft && m.date > day),
        "a draft upcoming meeting"
    );
    assert!(data.meetings.iter().any(|m| m.body == "gtrdo"));
    let open = open_actions(&data.meetings, "cpraf", None);
    assert!(!open.is_empty(), "open actions");
    assert!(
        open.iter().any(|a| a.action.is_overdue(day)),
        "overdue actions"
    );
    let decisions: std::collections::BTreeSet<Decision> = data
        .meetings
        .iter()
        .flat_map(|m| m.items.iter().filter_map(|i| i.decision))
        .collect();
    // Every decision of the first version of the format (the demo predates the
    // bodies' own lists).
    for d in &Decision::ALL[..7] {
        assert!(decisions.contains(d), "{d} is used");
    }
}
