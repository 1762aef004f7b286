//! Decision numbers: body, year and sequence in the year (`CPRAF-2026-D017`).
//!
//! A number is given when the meeting is closed, to each decision that has none, and kept
//! for ever after (a reopened meeting keeps its numbers; closing it again numbers only the
//! new decisions). The sequence continues from the highest number of the body and year
//! found in any meeting, so two meetings never give the same number, whatever the order in
//! which they were created, dated or closed.

use crate::domain::{ItemKind, Meeting};
use chrono::Datelike;

/// The prefix of the numbers of `body` in `year`: `CPRAF-2026-D`.
pub fn prefix(body: &str, year: i32) -> String {
    format!("{}-{year}-D", body.to_uppercase())
}

/// The sequence of a number with this prefix (`CPRAF-2026-D017` → 17).
fn sequence(number: &str, prefix: &str) -> Option<u32> {
    number.strip_prefix(prefix)?.parse().ok()
}

/// The highest sequence used by the body in that year, over `meetings`.
pub fn highest<'a>(meetings: impl IntoIterator<Item = &'a Meeting>, prefix: &str) -> u32 {
    meetings
        .into_iter()
        .flat_map(|m| m.items.iter())
        .filter_map(|i| i.number.as_deref().and_then(|n| sequence(n, prefix)))
        .max()
        .unwrap_or(0)
}

/// Numbers every decision of `meeting` that has none, in agenda order, after the highest
/// number of its body and year in `meeting` and `others`. Returns how many were given.
pub fn number_decisions<'a>(
    meeting: &mut Meeting,
    others: impl IntoIterator<Item = &'a Meeting>,
) -> usize {
    let prefix = prefix(&meeting.body, meeting.date.year());
    let same_body = others
        .into_iter()
        .filter(|m| m.body == meeting.body && m.id != meeting.id);
    let mut next = highest(same_body, &prefix).max(highest([&*meeting], &prefix));
    let mut given = 0;
    for item in &mut meeting.items {
        if item.kind == ItemKind::Case && item.decision.is_some() && item.number.is_none() {
            next = next.saturating_add(1);
            item.number = Some(format!("{prefix}{next:03}"));
            given += 1;
        }
    }
    given
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{decided, meeting};
    use crate::domain::{Decision, Item, MeetingStatus};

    fn with_decisions(id: &str, date: &str, n: usize) -> Meeting {
        let mut m = meeting(id, "cpraf", date, MeetingStatus::Held);
        for i in 0..n {
            m.items.push(decided(
                &format!("49-2026-{i:03}"),
                Decision::Continue,
                None,
            ));
        }
        m.items.push(Item::topic("Questions diverses", None));
        m.items.push(Item::case("49-2026-900", None));
        m
    }

    #[test]
    fn decisions_are_numbered_by_body_year_and_sequence() {
        let mut m = with_decisions("2026-03-02-cpraf", "2026-03-02", 2);
        assert_eq!(number_decisions(&mut m, &[]), 2);
        let numbers: Vec<_> = m.items.iter().map(|i| i.number.clone()).collect();
        assert_eq!(
            numbers,
            vec![
                Some("CPRAF-2026-D001".to_string()),
                Some("CPRAF-2026-D002".to_string()),
                None,
                None
            ]
        );
    }

    #[test]
    fn meetings_created_out_of_date_order_never_share_a_number() {
        // The later meeting is closed first, then an earlier one entered afterwards.
        let mut later = with_decisions("2026-06-01-cpraf", "2026-06-01", 2);
        number_decisions(&mut later, &[]);
        let mut earlier = with_decisions("2026-05-04-cpraf", "2026-05-04", 3);
        number_decisions(&mut earlier, std::slice::from_ref(&later));
        let mut all: Vec<String> = [&later, &earlier]
            .iter()
            .flat_map(|m| m.items.iter().filter_map(|i| i.number.clone()))
            .collect();
        let count = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), count, "a number given twice: {all:?}");
        assert_eq!(count, 5);
        assert_eq!(earlier.items[0].number.as_deref(), Some("CPRAF-2026-D003"));
    }

    #[test]
    fn numbers_are_kept_and_only_new_decisions_numbered_again() {
        let mut m = with_decisions("2026-03-02-cpraf", "2026-03-02", 1);
        number_decisions(&mut m, &[]);
        let first = m.items[0].number.clone();
        // Reopened: the undecided case gets a decision, the first keeps its number.
        m.items[2].decision = Some(Decision::Orient);
        assert_eq!(number_decisions(&mut m, &[]), 1);
        assert_eq!(m.items[0].number, first);
        assert_eq!(m.items[2].number.as_deref(), Some("CPRAF-2026-D002"));
    }

    #[test]
    fn each_body_and_year_counts_apart() {
        let mut other = with_decisions("2026-03-02-gtrdo", "2026-03-02", 1);
        other.body = "gtrdo".into();
        number_decisions(&mut other, &[]);
        let mut last_year = with_decisions("2025-12-01-cpraf", "2025-12-01", 4);
        number_decisions(&mut last_year, &[]);
        let mut m = with_decisions("2026-03-02-cpraf", "2026-03-02", 1);
        number_decisions(&mut m, &[other.clone(), last_year.clone()]);
        assert_eq!(other.items[0].number.as_deref(), Some("GTRDO-2026-D001"));
        assert_eq!(
            last_year.items[3].number.as_deref(),
            Some("CPRAF-2025-D004")
        );
        assert_eq!(m.items[0].number.as_deref(), Some("CPRAF-2026-D001"));
    }
}
