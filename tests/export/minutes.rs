//! The minutes and the agenda: golden files, structure, determinism.

use crate::support::export as export_support;

use cellule::export::{self, Level};
use cellule::i18n::Lang;
use export_support::data;

#[test]
fn minutes_golden() {
    let data = data();
    for lang in [Lang::Fr, Lang::En] {
        for level in Level::ALL {
            let text = export::minutes(&data, "2026-11-30-cpraf", *level, lang).unwrap();
            insta::assert_snapshot!(format!("minutes_{}_{}", level.as_str(), lang.code()), text);
        }
    }
}

#[test]
fn agenda_golden() {
    let data = data();
    for lang in [Lang::Fr, Lang::En] {
        let text = export::agenda(&data, "2026-12-28-cpraf", lang).unwrap();
        insta::assert_snapshot!(format!("agenda_{}", lang.code()), text);
    }
}

/// The open actions reviewed at a meeting are those of earlier held meetings of the same body
/// still open on its date, whatever happened after it.
#[test]
fn open_actions_are_reckoned_on_the_meeting_date() {
    use cellule::domain::{Item, MeetingStatus};
    use export_support::*;
    let mut data = data();
    // An earlier meeting the same day (a second session), a draft, another body, a later one.
    let mut morning = meeting(
        "2026-11-30-cpraf-2",
        "cpraf",
        "2026-11-30",
        MeetingStatus::Held,
    );
    morning.start = time("09:00");
    let mut item = Item::topic("Matin", None);
    item.actions = vec![action("Action du matin", "cm", None, None)];
    morning.items = vec![item, Item::actions_review("Suivi", None)];
    let mut draft = meeting(
        "2026-11-02-cpraf",
        "cpraf",
        "2026-11-02",
        MeetingStatus::Draft,
    );
    let mut item = Item::topic("Brouillon", None);
    item.actions = vec![action("Action du brouillon", "cm", None, None)];
    draft.items = vec![item];
    let mut other = meeting(
        "2026-11-03-gtrdo",
        "gtrdo",
        "2026-11-03",
        MeetingStatus::Held,
    );
    let mut item = Item::topic("GTRDO", None);
    item.actions = vec![action("Action du GTRDO", "cm", None, None)];
    other.items = vec![item];
    // Reported done after the meeting: still open on its date.
    data.meetings[0].items[1].actions[1].done_on = Some(day("2026-12-20"));
    data.meetings.extend([morning, draft, other]);

    let text = export::minutes(&data, "2026-11-30-cpraf", Level::Partners, Lang::Fr).unwrap();
    let review = text.split("### 6. Suivi des actions").nth(1).unwrap();
    let review = review.split("\n## Actions décidées\n").next().unwrap();
    assert!(review.contains("Action du matin"));
    assert!(!review.contains("Action du brouillon"));
    assert!(!review.contains("Action du GTRDO"));
    assert!(review.contains("| Vérifier l'assiduité scolaire | DSDEN | A.B. (49-2026-001) | 26/10/2026 | 35 jours | 15/12/2026 | en cours |"));
    assert!(review.contains("| **en retard** |"));
    assert!(review.contains("| réalisée ce jour |"));
    assert!(
        !review.contains("Inscrire la famille"),
        "done before the meeting"
    );
    // The morning session does not see the afternoon's.
    let morning = export::minutes(&data, "2026-11-30-cpraf-2", Level::Partners, Lang::Fr).unwrap();
    assert!(morning.contains("Proposer un rendez-vous à la famille"));
    assert!(!morning.contains("Organiser la consultation"));
}

/// An item postponed during the séance is listed in the minutes, by its label at the
/// partners' level, never by the name.
#[test]
fn the_minutes_list_what_was_postponed() {
    use cellule::domain::{Item, Postponed};
    let mut data = data();
    let id = "2026-11-30-cpraf";
    let m = data.meetings.iter_mut().find(|m| m.id == id).unwrap();
    m.postponed = vec![
        Postponed {
            item: Item::case("49-2026-002", Some(10)),
            to: "2026-12-28-cpraf".into(),
        },
        Postponed {
            item: Item::topic("Bilan FIPD", Some(15)),
            to: "2026-12-28-cpraf".into(),
        },
    ];
    let text = export::minutes(&data, id, Level::Partners, Lang::Fr).unwrap();
    let section = text
        .split("## Points reportés à la prochaine séance\n")
        .nth(1)
        .expect("the section");
    let section = section.split("\n## ").next().unwrap();
    assert!(section.contains("(49-2026-002)"), "{section}");
    assert!(section.contains("- Bilan FIPD"), "{section}");
    // Nothing postponed, no section.
    data.meetings.iter_mut().for_each(|m| m.postponed.clear());
    let text = export::minutes(&data, id, Level::Partners, Lang::Fr).unwrap();
    assert!(!text.contains("reportés"));
}
