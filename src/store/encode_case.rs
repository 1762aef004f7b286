//! The edit of a case file with the fewest changed lines (`edit.rs`): the file as
//! people keep it (comments, order, spacing, French values) stays as it is but for the
//! lines of the values that changed. Whatever the edit, the text is decoded again and
//! must give the case asked for; only if the file's shape cannot be edited line by line
//! (flow mappings) is it written anew in the shape of the format.

use super::decode_case::decode_case;
use super::encode::{case_value, new_case_yaml};
use super::problem::Sink;
use super::yaml;
use crate::domain::Case;

/// The case the text holds, if it decodes without a problem.
pub fn decode(src: &str) -> Option<Case> {
    let node = yaml::read(src).ok()?;
    let mut sink = Sink::default();
    let case = decode_case(&node, &mut sink)?;
    sink.is_empty().then_some(case)
}

/// The text of a case file after the edit `new`, changing as few lines of `src` as it
/// can (`src` itself when nothing changed).
pub fn edit_case(src: &str, new: &Case) -> String {
    let Some(old) = decode(src) else {
        return new_case_yaml(new);
    };
    if &old == new {
        return src.to_string();
    }
    super::edit::edit(src, &case_value(&old), &case_value(new))
        .filter(|text| decode(text).as_ref() == Some(new))
        .unwrap_or_else(|| new_case_yaml(new))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CaseStatus, ClosureReason, Measure, MeasureType, Referent, ReferentType};
    use chrono::NaiveDate;
    use proptest::prelude::*;

    const SRC: &str = "# Situation suivie depuis mars\nid: 49-2026-001\nbody: cpraf\nkind:   personne          # saisi à la main\nlabel: 'M. A.'\nname: \"Martin A.\"\nbirth_year: 2009\n\nreported_on: 2026-03-02\nsource: cnapr\nstatus: suivi\nreferent:\n    structure: Mission locale   # depuis avril\n    type: association\n# Les prises en charge\nmeasures:\n  - type: mental_health\n    provider: CMP\n    from: 2026-04-01\nnext_review: 2026-12-01\nnotes: |\n  Première ligne.\n  Deuxième ligne.\n";

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn changed(a: &str, b: &str) -> Vec<String> {
        let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
        let mut out = Vec::new();
        // Lines removed or added (an edit changes, inserts or removes lines in place).
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x == y => {
                    i += 1;
                    j += 1;
                }
                (Some(x), _) if !b[j..].contains(x) => {
                    out.push(format!("-{x}"));
                    i += 1;
                }
                (_, Some(y)) => {
                    out.push(format!("+{y}"));
                    j += 1;
                }
                (Some(x), None) => {
                    out.push(format!("-{x}"));
                    i += 1;
                }
                (None, None) => break,
            }
        }
        out
    }

    #[test]
    fn one_field_changed_changes_one_line() {
        let old = decode(SRC).unwrap();
        let mut c = old.clone();
        c.next_review = Some(day("2027-01-12"));
        let text = edit_case(SRC, &c);
        assert_eq!(
            changed(SRC, &text),
            ["-next_review: 2026-12-01", "+next_review: 2027-01-12"]
        );
        // The French value left alone stays as typed, with its spacing and comment.
        let mut c = old.clone();
        c.label = "M. B.".into();
        let text = edit_case(SRC, &c);
        assert_eq!(changed(SRC, &text), ["-label: 'M. A.'", "+label: M. B."]);
        assert!(text.contains("kind:   personne          # saisi à la main\n"));
        assert!(text.contains("status: suivi\n"));
        // A changed value is written in the file's spelling.
        let mut c = old.clone();
        c.referent = Some(Referent {
            structure: "Mission locale".into(),
            kind: ReferentType::StateService,
            person: None,
        });
        let text = edit_case(SRC, &c);
        assert_eq!(
            changed(SRC, &text),
            ["-    type: association", "+    type: state_service"]
        );
    }

    #[test]
    fn added_keys_go_to_their_place_and_removed_ones_take_their_lines() {
        let old = decode(SRC).unwrap();
        let mut c = old.clone();
        c.family_contacted_on = Some(day("2026-03-20"));
        c.status = CaseStatus::Closed;
        c.closed_on = Some(day("2026-11-30"));
        c.closure_reason = Some(ClosureReason::Moved);
        c.next_review = None;
        let text = edit_case(SRC, &c);
        assert_eq!(decode(&text), Some(c));
        assert_eq!(
            changed(SRC, &text),
            [
                "-status: suivi",
                "+status: closed",
                "+family_contacted_on: 2026-03-20",
                "-next_review: 2026-12-01",
                "+closed_on: 2026-11-30",
                "+closure_reason: moved",
            ]
        );
    }

    #[test]
    fn a_measure_is_added_ended_and_its_optional_field_removed() {
        let old = decode(SRC).unwrap();
        let mut c = old.clone();
        c.measures[0].to = Some(day("2026-10-31"));
        c.measures[0].provider = None;
        c.measures.push(Measure {
            kind: MeasureType::Insertion,
            provider: Some("Mission locale".into()),
            from: day("2026-11-02"),
            to: None,
            fipd: false,
            fipd_action: None,
            fipd_justification: None,
            support_group: false,
        });
        let text = edit_case(SRC, &c);
        assert_eq!(decode(&text), Some(c));
        assert_eq!(
            changed(SRC, &text),
            [
                "-    provider: CMP",
                "+    to: 2026-10-31",
                "+  - type: insertion",
                "+    provider: Mission locale",
                "+    from: 2026-11-02",
            ]
        );
    }

    #[test]
    fn the_notes_are_rewritten_as_a_block() {
        let old = decode(SRC).unwrap();
        let mut c = old.clone();
        c.notes = Some("Première ligne.\nAutre ligne.".into());
        let text = edit_case(SRC, &c);
        assert_eq!(decode(&text), Some(c));
        assert!(text.starts_with(&SRC[..SRC.find("notes:").unwrap_or(0)]));
    }

    fn arb_text() -> impl Strategy<Value = String> {
        "[A-Za-zéè0-9 .'#:-]{1,20}".prop_filter("not blank", |s| !s.trim().is_empty())
    }

    proptest! {
        #[test]
        fn an_edit_reads_back_and_leaves_the_other_values(
            label in arb_text(),
            name in proptest::option::of(arb_text()),
            year in proptest::option::of(1990i32..2020),
            review in proptest::option::of(0i64..400),
            person in proptest::option::of(arb_text()),
            notes in proptest::option::of("[a-z \n]{1,30}"),
        ) {
            let old = decode(SRC).unwrap();
            let mut c = old.clone();
            c.label = label.trim().to_string();
            c.name = name.map(|n| n.trim().to_string());
            c.birth_year = year;
            c.next_review = review.map(|d| day("2026-03-02") + chrono::Duration::days(d));
            if let Some(r) = c.referent.as_mut() {
                r.person = person.map(|p| p.trim().to_string());
            }
            c.notes = notes.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
            let text = edit_case(SRC, &c);
            prop_assert_eq!(decode(&text), Some(c.clone()));
            // What was not edited keeps its lines.
            prop_assert!(text.starts_with("# Situation suivie depuis mars\nid: 49-2026-001\nbody: cpraf\nkind:   personne          # saisi à la main\n"));
            prop_assert!(text.contains("\nreported_on: 2026-03-02\nsource: cnapr\nstatus: suivi\nreferent:\n    structure: Mission locale   # depuis avril\n    type: association\n"));
            prop_assert!(text.contains("# Les prises en charge\nmeasures:\n  - type: mental_health\n    provider: CMP\n    from: 2026-04-01\n"));
        }
    }
}
