//! No protected string leaks at a level that forbids it.
//!
//! Over generated départements whose every protected string is distinctive
//! (`Zyxwq-Case-3`, `Zyxwq-Member-2`...), the partners and public minutes are searched for
//! each of them; the internal minutes must show them where expected, so that the search
//! cannot pass for lack of content.

use crate::support::export as export_support;

use cellule::domain::*;
use cellule::export::{self, Level};
use cellule::i18n::Lang;
use export_support::*;

/// A small deterministic generator (xorshift), so that failures can be replayed by seed.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<T: Copy>(&mut self, values: &[T]) -> T {
        values[self.below(values.len() as u64) as usize]
    }
}

/// Protected strings by category.
#[derive(Default)]
struct Secrets {
    /// Case names, birth years, case notes, notes of case items: internal only.
    identity: Vec<String>,
    /// Names of persons: not at public.
    people: Vec<String>,
    /// What every level shows: labels, organisations, titles, topic notes.
    shown: Vec<String>,
}

fn generate(seed: u64) -> (DeptData, Vec<String>, Secrets) {
    let mut g = Gen(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut s = Secrets::default();
    let mut dept = department();
    dept.members.clear();
    let n_members = 2 + g.below(6) as usize;
    for i in 0..n_members {
        let name = format!("Zyxwq-Member-{i}");
        let org = format!("Org-{i}");
        let title = format!("Title-{i}");
        s.people.push(name.clone());
        s.shown.push(org.clone());
        s.shown.push(title.clone());
        dept.members
            .push(member(&format!("m{i}"), &name, Some(&title), &org));
    }
    let ids: Vec<String> = (0..n_members).map(|i| format!("m{i}")).collect();
    for body in &mut dept.bodies {
        body.members = ids.clone();
        body.chair = "m0".into();
    }

    let mut cases = Vec::new();
    let n_cases = 1 + g.below(6) as usize;
    for i in 0..n_cases {
        let kind = g.pick(CaseKind::ALL);
        let mut c = case(
            &format!("49-2026-{i:03}"),
            kind,
            &format!("Lbl-{i}"),
            "2026-01-05",
        );
        c.name = Some(format!("Zyxwq-Case-{i}"));
        c.birth_year = Some(1900 + i as i32);
        c.notes = Some(format!(
            "Zyxwq-CaseNote-{i}\nsecond line Zyxwq-CaseNote2-{i}"
        ));
        c.referent = Some(Referent {
            structure: format!("Structure-{i}"),
            kind: ReferentType::Association,
            person: Some(format!("Zyxwq-Referent-{i}")),
        });
        s.identity.push(format!("Zyxwq-Case-{i}"));
        s.identity.push(format!("19{i:02}"));
        s.identity.push(format!("Zyxwq-CaseNote-{i}"));
        s.identity.push(format!("Zyxwq-CaseNote2-{i}"));
        s.people.push(format!("Zyxwq-Referent-{i}"));
        s.shown.push(format!("Lbl-{i}"));
        s.shown.push(format!("Structure-{i}"));
        cases.push(c);
    }

    let mut meetings = Vec::new();
    let mut meeting_ids = Vec::new();
    let n_meetings = 1 + g.below(3) as usize;
    for k in 0..n_meetings {
        let date = format!("2026-{:02}-15", 9 + k);
        let id = format!("{date}-cpraf");
        let mut m = meeting(&id, "cpraf", &date, MeetingStatus::Held);
        m.chair = "m0".into();
        for (i, mid) in ids.iter().enumerate() {
            let status = g.pick(AttendanceStatus::ALL);
            let by = (status == AttendanceStatus::Represented).then(|| {
                let by = format!("Zyxwq-By-{k}-{i}");
                s.people.push(by.clone());
                by
            });
            m.attendance.push(attending(mid, status, by.as_deref()));
        }
        for j in 0..g.below(3) {
            let name = format!("Zyxwq-Guest-{k}-{j}");
            s.people.push(name.clone());
            let represented = g.below(2) == 0;
            let by = represented.then(|| format!("Zyxwq-GuestBy-{k}-{j}"));
            if let Some(by) = &by {
                s.people.push(by.clone());
            }
            m.guests.push(Guest {
                name,
                title: Some(format!("GuestTitle-{k}-{j}")),
                organisation: format!("GuestOrg-{k}-{j}"),
                status: if represented {
                    AttendanceStatus::Represented
                } else {
                    AttendanceStatus::Present
                },
                by,
                email: None,
                for_information: false,
            });
            s.shown.push(format!("GuestOrg-{k}-{j}"));
        }
        let mut topic = Item::topic(format!("Topic-{k}"), Some(5));
        topic.notes = Some(format!("TopicNote-{k}"));
        s.shown.push(format!("TopicNote-{k}"));
        m.items.push(topic);
        for c in &cases {
            if g.below(3) == 0 {
                continue;
            }
            let decision = g.pick(Decision::ALL);
            let mut item = decided(&c.id, decision, None);
            if decision == Decision::Close {
                item.closure_reason = Some(ClosureReason::Other);
            }
            item.notes = Some(format!("Zyxwq-ItemNote-{k}-{}", c.id));
            s.identity.push(format!("Zyxwq-ItemNote-{k}-{}", c.id));
            let owner = ids[g.below(ids.len() as u64) as usize].clone();
            item.actions.push(action(
                &format!("Action-{k}-{}", c.id),
                &owner,
                Some("2026-10-01"),
                None,
            ));
            m.items.push(item);
        }
        m.items
            .push(Item::actions_review("Suivi des actions", None));
        meetings.push(m);
        meeting_ids.push(id);
    }
    let data = DeptData {
        department: dept,
        cases,
        meetings,
        programmes: Vec::new(),
    };
    (data, meeting_ids, s)
}

fn all_levels(data: &DeptData, id: &str, lang: Lang) -> [(Level, String); 3] {
    [Level::Internal, Level::Partners, Level::Public]
        .map(|level| (level, export::minutes(data, id, level, lang).unwrap()))
}

#[test]
fn no_protected_string_leaks_over_generated_data() {
    for seed in 0..300 {
        let (data, ids, secrets) = generate(seed);
        for id in &ids {
            for lang in [Lang::Fr, Lang::En] {
                let [(_, internal), (_, partners), (_, public)] = all_levels(&data, id, lang);
                for secret in &secrets.identity {
                    assert!(
                        !partners.contains(secret.as_str()),
                        "seed {seed}, {id}: {secret} at partners"
                    );
                    assert!(
                        !public.contains(secret.as_str()),
                        "seed {seed}, {id}: {secret} at public"
                    );
                }
                for person in &secrets.people {
                    assert!(
                        !public.contains(person.as_str()),
                        "seed {seed}, {id}: {person} at public"
                    );
                }
                // Nothing protected at all at public: not even the common prefix.
                assert!(!public.contains("Zyxwq"), "seed {seed}, {id}:\n{public}");
                assert!(!partners.contains("Zyxwq-Case"), "seed {seed}");
                assert!(!partners.contains("Zyxwq-CaseNote"), "seed {seed}");
                assert!(!partners.contains("Zyxwq-ItemNote"), "seed {seed}");
                // The content is there where it may be.
                let meeting = data.meeting(id).unwrap();
                for a in &meeting.attendance {
                    let name = &data.department.member(&a.member).unwrap().name;
                    assert!(internal.contains(name.as_str()), "seed {seed}: {name}");
                    assert!(partners.contains(name.as_str()), "seed {seed}: {name}");
                    if let Some(by) = &a.by {
                        assert!(partners.contains(by.as_str()), "seed {seed}: {by}");
                    }
                }
                for g in &meeting.guests {
                    assert!(partners.contains(g.name.as_str()));
                    assert!(public.contains(g.organisation.as_str()));
                }
                for item in &meeting.items {
                    if let Some(case) = item.case.as_deref().and_then(|c| data.case(c)) {
                        let name = case.name.as_deref().unwrap();
                        assert!(internal.contains(name), "seed {seed}: {name}");
                        assert!(internal.contains(item.notes.as_deref().unwrap()));
                        for level_text in [&internal, &partners] {
                            assert!(level_text.contains(case.label.as_str()));
                            assert!(level_text.contains(case.id.as_str()));
                        }
                        assert!(!public.contains(case.label.as_str()), "seed {seed}");
                        assert!(!public.contains(case.id.as_str()), "seed {seed}");
                    }
                }
                for shown in secrets
                    .shown
                    .iter()
                    .filter(|s| internal.contains(s.as_str()))
                {
                    assert!(partners.contains(shown.as_str()), "seed {seed}: {shown}");
                }
            }
        }
    }
}

#[test]
fn the_agenda_shows_cases_by_label_only() {
    for seed in 0..100 {
        let (data, ids, secrets) = generate(seed);
        for id in &ids {
            let text = export::agenda(&data, id, Lang::Fr).unwrap();
            for secret in &secrets.identity {
                assert!(!text.contains(secret.as_str()), "seed {seed}: {secret}");
            }
            let meeting = data.meeting(id).unwrap();
            for case in meeting.items.iter().filter_map(|i| i.case.as_deref()) {
                assert!(!text.contains(case), "the agenda shows the case id {case}");
                assert!(text.contains(data.case(case).unwrap().label.as_str()));
            }
        }
    }
}

#[test]
fn the_hand_built_meeting_leaks_nothing() {
    let data = data();
    let protected_identity = [
        "Adam Bernard",
        "2010",
        "Suivi scolaire fragile",
        "Père peu disponible",
        "La famille adhère",
        "Famille Carpentier",
        "Denis Etienne",
        "1995",
        "Gaëlle Hamon",
    ];
    let people = [
        "Claire Martin",
        "Hugo Lambert",
        "Paul Henri",
        "Mme Roux",
        "Sophie Garnier",
        "Marc Petit",
        "Nadia Benali",
        "Luc Moreau",
        "Jeanne Morel",
        "M. Leroy",
        "Mme Faure",
    ];
    for lang in [Lang::Fr, Lang::En] {
        let [(_, internal), (_, partners), (_, public)] =
            all_levels(&data, "2026-11-30-cpraf", lang);
        for p in protected_identity {
            assert!(internal.contains(p), "{p} missing at internal");
            assert!(!partners.contains(p), "{p} at partners");
            assert!(!public.contains(p), "{p} at public");
        }
        for p in people {
            assert!(internal.contains(p), "{p} missing at internal");
            assert!(partners.contains(p), "{p} missing at partners");
            assert!(!public.contains(p), "{p} at public");
        }
        for kept in ["Préfecture", "Parquet d'Angers"] {
            assert!(public.contains(kept), "{kept} missing at public");
        }
        // Public means aggregates: no case label or id, no function of a person.
        for gone in ["A.B.", "49-2026-001", "Directrice de cabinet"] {
            assert!(!public.contains(gone), "{gone} at public");
        }
    }
}
