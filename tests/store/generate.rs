//! The synthetic data generator (`examples/generate.rs`) writes files that validate clean.

#[path = "../../benches/common/synth.rs"]
mod synth;

use cellule::domain::{CaseKind, CaseStatus, Decision, ItemKind, MeetingStatus, departements};
use cellule::i18n::Lang;
use std::collections::BTreeSet;
use synth::Profile;

const SMALL: Profile = Profile {
    departments: 3,
    cases_per_dept: 80,
    months: 6,
    seed: 7,
};

#[test]
fn a_small_profile_validates_with_no_problem_and_has_every_kind_of_value() {
    let dir = tempfile::tempdir().unwrap();
    let sum = synth::generate(dir.path(), &SMALL, 2).unwrap();
    let loaded = cellule::store::load_root(dir.path()).unwrap();
    let problems: Vec<String> = loaded.problems.iter().map(|p| p.render(Lang::En)).collect();
    assert_eq!(problems, Vec::<String>::new());

    let codes: Vec<&str> = loaded.depts.iter().map(|d| d.folder.as_str()).collect();
    let first: Vec<&str> = departements::all()[..3].iter().map(|d| d.code).collect();
    assert_eq!(codes, first);
    // Its folders are closed to the other users of the machine, as the app makes them.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for code in &codes {
            for sub in ["", "cases", "meetings"] {
                let dir = dir.path().join(code).join(sub);
                let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o750, "{}", dir.display());
            }
        }
    }
    assert_eq!(sum.departments, 3);
    assert_eq!(sum.cases, 3 * 80);
    let files: usize = loaded.depts.iter().map(|d| d.stamps.len()).sum();
    assert_eq!(files, sum.files);
    assert_eq!(sum.files, 3 + sum.cases + sum.meetings);

    let cases: Vec<_> = loaded.depts.iter().flat_map(|d| &d.data.cases).collect();
    let meetings: Vec<_> = loaded.depts.iter().flat_map(|d| &d.data.meetings).collect();
    assert_eq!(cases.len(), sum.cases);
    assert_eq!(meetings.len(), sum.meetings);
    // Monthly CPRAF, quarterly GTRDO.
    assert_eq!(sum.meetings, 3 * (6 + 2));

    let kinds: BTreeSet<CaseKind> = cases.iter().map(|c| c.kind).collect();
    assert_eq!(kinds.len(), CaseKind::ALL.len());
    let statuses: BTreeSet<CaseStatus> = cases.iter().map(|c| c.status).collect();
    assert_eq!(statuses.len(), CaseStatus::ALL.len());
    assert!(cases.iter().any(|c| !c.measures.is_empty()));
    assert!(
        cases
            .iter()
            .filter(|c| c.status == CaseStatus::Followed)
            .all(|c| c.referent.is_some())
    );
    for c in cases.iter().filter(|c| c.status == CaseStatus::Closed) {
        let closed = c.closed_on.unwrap();
        assert!(closed >= c.reported_on && c.closure_reason.is_some());
        assert!(
            c.measures
                .iter()
                .all(|m| m.to.is_some_and(|to| to <= closed))
        );
    }

    let statuses: BTreeSet<MeetingStatus> = meetings.iter().map(|m| m.status).collect();
    assert_eq!(statuses.len(), MeetingStatus::ALL.len());
    for m in meetings.iter().filter(|m| m.body == "cpraf") {
        assert!(
            (15..=30).contains(&m.items.len()),
            "{}: {}",
            m.id,
            m.items.len()
        );
    }
    let items: Vec<_> = meetings.iter().flat_map(|m| &m.items).collect();
    let decisions: BTreeSet<Decision> = items.iter().filter_map(|i| i.decision).collect();
    // Every decision the generator writes: those of the first version of the format.
    for d in &Decision::ALL[..7] {
        assert!(decisions.contains(d), "{decisions:?}");
    }
    assert!(items.iter().any(|i| i.kind == ItemKind::Actions));
    assert!(
        items
            .iter()
            .any(|i| i.actions.iter().any(|a| a.done_on.is_some()))
    );
    assert!(
        items
            .iter()
            .any(|i| i.actions.iter().any(|a| a.done_on.is_none()))
    );
    // Meetings not yet held carry no decision.
    for m in meetings.iter().filter(|m| !m.status.is_held()) {
        assert!(m.items.iter().all(|i| i.decision.is_none()), "{}", m.id);
    }
}

#[test]
fn one_seed_always_gives_the_same_files_and_another_seed_others() {
    let info = &departements::all()[0];
    let a = synth::dept_files(info, &SMALL);
    let b = synth::dept_files(info, &SMALL);
    assert_eq!(a, b);
    let other = synth::dept_files(info, &Profile { seed: 8, ..SMALL });
    assert_ne!(a, other);
    // Each département has its own stream: two codes do not get the same cases.
    let second = synth::dept_files(&departements::all()[1], &SMALL);
    assert_ne!(a[1].1.replace("01-", "02-"), second[1].1);
}

#[test]
fn the_generator_refuses_a_folder_that_is_not_empty_or_too_many_codes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.txt"), "x").unwrap();
    let err = synth::generate(dir.path(), &SMALL, 1).unwrap_err();
    assert!(matches!(err, synth::GenError::NotEmpty(_)), "{err}");
    let too_many = Profile {
        departments: departements::all().len() + 1,
        ..SMALL
    };
    let empty = tempfile::tempdir().unwrap();
    let err = synth::generate(empty.path(), &too_many, 1).unwrap_err();
    assert!(matches!(err, synth::GenError::TooManyDepartments { .. }));
}

#[test]
fn many_departements_load_alike_together_and_one_by_one() {
    // From eight départements on, whole départements are shared between the cores;
    // one by one, the files of each are. Both give the same data and problems.
    let dir = tempfile::tempdir().unwrap();
    let profile = Profile {
        departments: 9,
        cases_per_dept: 12,
        months: 2,
        seed: 3,
    };
    synth::generate(dir.path(), &profile, 2).unwrap();
    let codes: Vec<&str> = synth::codes(&profile)
        .unwrap()
        .iter()
        .map(|d| d.code)
        .collect();
    std::fs::write(
        dir.path().join(codes[1]).join("cases/other.yaml"),
        "id: x\n",
    )
    .unwrap();
    std::fs::write(dir.path().join(codes[4]).join("cases/notes.txt"), "x").unwrap();
    std::fs::write(
        dir.path().join(codes[8]).join("department.yaml"),
        "code: [\n",
    )
    .unwrap();

    let all = cellule::store::load_root(dir.path()).unwrap();
    let mut problems = Vec::new();
    let mut depts = Vec::new();
    for code in &codes {
        let one = cellule::store::load_root_dept(dir.path(), Some(code)).unwrap();
        problems.extend(one.problems);
        depts.extend(one.depts.into_iter().map(|d| (d.folder, d.data, d.stamps)));
    }
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    assert!(problems.len() >= 4, "{problems:?}");
    assert_eq!(all.problems, problems);
    let together: Vec<_> = all
        .depts
        .into_iter()
        .map(|d| (d.folder, d.data, d.stamps))
        .collect();
    assert_eq!(together.len(), 8);
    assert_eq!(together, depts);
}
