//! The département's meetings other than the one being run, as the séance reaches them
//! (an action of an earlier meeting marked done, undo of that edit): borrowed around the
//! séance's own meeting, so that each meeting has one owner.

use crate::domain::Meeting;

/// The meetings before and after the séance's own in the département's list.
#[derive(Debug)]
pub struct Others<'a> {
    before: &'a mut [Meeting],
    after: &'a mut [Meeting],
}

impl<'a> Others<'a> {
    /// The meetings on either side of the séance's own.
    pub fn around(before: &'a mut [Meeting], after: &'a mut [Meeting]) -> Self {
        Others { before, after }
    }

    /// All of `meetings` (the séance's own meeting is not among them).
    pub fn all(meetings: &'a mut [Meeting]) -> Self {
        Others {
            before: meetings,
            after: &mut [],
        }
    }

    /// The meeting with this id.
    pub fn find_mut(&mut self, id: &str) -> Option<&mut Meeting> {
        self.before
            .iter_mut()
            .chain(self.after.iter_mut())
            .find(|m| m.id == id)
    }

    /// Every one of them.
    pub fn iter(&self) -> impl Iterator<Item = &Meeting> {
        self.before.iter().chain(self.after.iter())
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::MeetingStatus;
    use crate::domain::live::Seance;
    use crate::domain::testing::meeting;

    #[test]
    fn the_seance_edits_its_meeting_where_it_lives_and_reaches_the_others() {
        let mut meetings = vec![
            meeting(
                "2026-10-28-cpraf",
                "cpraf",
                "2026-10-28",
                MeetingStatus::Closed,
            ),
            meeting(
                "2026-11-30-cpraf",
                "cpraf",
                "2026-11-30",
                MeetingStatus::Held,
            ),
            meeting(
                "2026-12-28-cpraf",
                "cpraf",
                "2026-12-28",
                MeetingStatus::Draft,
            ),
        ];
        let mut s = Seance::new(&meetings[1], 60);
        let r = s.apply(&mut meetings, |live, others| {
            assert_eq!(live.meeting().id, "2026-11-30-cpraf");
            let ids: Vec<&str> = others.iter().map(|m| m.id.as_str()).collect();
            assert_eq!(ids, ["2026-10-28-cpraf", "2026-12-28-cpraf"]);
            assert!(others.find_mut("2026-11-30-cpraf").is_none());
            live.set_difficulties("Délais en CMP.")
        });
        assert!(r.is_ok_and(|c| c.is_changed()));
        // Nothing to copy back: the département's list holds the edit.
        assert_eq!(meetings[1].difficulties.as_deref(), Some("Délais en CMP."));
        let undone = s.apply(&mut meetings, |live, others| live.undo(others));
        assert!(undone.is_ok());
        assert_eq!(meetings[1].difficulties, None);
        // Its meeting gone from the list: refused, nothing changed.
        let mut none = vec![meetings.remove(0)];
        assert!(
            s.apply(&mut none, |live, _| live.set_difficulties("x"))
                .is_err()
        );
    }
}
