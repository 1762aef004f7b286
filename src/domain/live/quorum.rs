//! The quorum of a body: the members whose organisation must be present or represented,
//! and a minimum number of organisations present or represented (`department.yaml`,
//! `quorum: {required: [parquet], min_organisations: 3}`).
//!
//! Only the invitees count (the directory's members in the meeting's attendance); guests
//! from outside the directory do not make the quorum.

use crate::domain::{AttendanceStatus, Meeting, Member, Quorum};

/// Where the quorum stands for a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuorumState {
    /// The required members whose organisation is neither present nor represented.
    pub missing: Vec<String>,
    /// The organisations present or represented.
    pub organisations: usize,
    /// The minimum asked for.
    pub min_organisations: u32,
}

impl QuorumState {
    /// Every required organisation is there, and enough organisations.
    pub fn reached(&self) -> bool {
        self.missing.is_empty() && self.organisations >= self.min_organisations as usize
    }

    /// Organisations still needed to reach the minimum.
    pub fn organisations_short(&self) -> usize {
        (self.min_organisations as usize).saturating_sub(self.organisations)
    }
}

/// The organisation of a member of the directory (its id when unknown).
fn organisation<'a>(members: &'a [Member], id: &'a str) -> &'a str {
    members
        .iter()
        .find(|m| m.id == id)
        .map_or(id, |m| m.organisation.as_str())
}

/// The quorum of `meeting` under `quorum`, `members` being the département's directory.
pub fn quorum_state(meeting: &Meeting, quorum: &Quorum, members: &[Member]) -> QuorumState {
    let mut there: Vec<&str> = meeting
        .attendance
        .iter()
        .filter(|a| {
            matches!(
                a.status,
                AttendanceStatus::Present | AttendanceStatus::Represented
            )
        })
        .map(|a| organisation(members, &a.member))
        .collect();
    there.sort_unstable();
    there.dedup();
    let missing = quorum
        .required
        .iter()
        .filter(|id| !there.contains(&organisation(members, id)))
        .cloned()
        .collect();
    QuorumState {
        missing,
        organisations: there.len(),
        min_organisations: quorum.min_organisations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::meeting;
    use crate::domain::{Attendance, MeetingStatus};

    fn member(id: &str, organisation: &str) -> Member {
        Member {
            id: id.into(),
            name: id.into(),
            title: None,
            organisation: organisation.into(),
            email: None,
        }
    }

    fn directory() -> Vec<Member> {
        vec![
            member("dircab", "Préfecture"),
            member("cm-prev", "Préfecture"),
            member("parquet", "Parquet"),
            member("ddsp", "DDSP"),
            member("ase", "Conseil départemental"),
        ]
    }

    fn with(statuses: &[(&str, AttendanceStatus)]) -> Meeting {
        let mut m = meeting(
            "2026-11-30-cpraf",
            "cpraf",
            "2026-11-30",
            MeetingStatus::Held,
        );
        m.attendance = statuses
            .iter()
            .map(|(id, status)| Attendance {
                member: id.to_string(),
                status: *status,
                by: (*status == AttendanceStatus::Represented).then(|| "X".into()),
                for_information: false,
            })
            .collect();
        m
    }

    fn rule() -> Quorum {
        Quorum {
            required: vec!["parquet".into()],
            min_organisations: 3,
        }
    }

    #[test]
    fn not_reached_without_the_required_organisation_or_enough_organisations() {
        use AttendanceStatus::*;
        let m = with(&[
            ("dircab", Present),
            ("cm-prev", Present),
            ("parquet", Excused),
            ("ddsp", Present),
            ("ase", Invited),
        ]);
        let q = quorum_state(&m, &rule(), &directory());
        assert!(!q.reached());
        assert_eq!(q.missing, vec!["parquet".to_string()]);
        // Two people of the préfecture are one organisation.
        assert_eq!(q.organisations, 2);
        assert_eq!(q.organisations_short(), 1);
    }

    #[test]
    fn reached_with_the_parquet_represented_and_three_organisations() {
        use AttendanceStatus::*;
        let m = with(&[
            ("dircab", Present),
            ("parquet", Represented),
            ("ddsp", Present),
            ("ase", Absent),
        ]);
        let q = quorum_state(&m, &rule(), &directory());
        assert!(q.reached(), "{q:?}");
        assert_eq!(q.organisations, 3);
    }

    #[test]
    fn a_required_member_counts_through_anyone_of_the_same_organisation() {
        use AttendanceStatus::*;
        let mut dir = directory();
        dir.push(member("substitut", "Parquet"));
        let m = with(&[
            ("dircab", Present),
            ("parquet", Excused),
            ("substitut", Present),
            ("ddsp", Present),
        ]);
        assert!(quorum_state(&m, &rule(), &dir).reached());
    }
}
