//! Every screen at 80×24 (and at 120×36) on the data a newcomer meets: the bundled demo
//! (what `cellule demo` opens) and a large département of 500 cases and 80 alerts
//! (`support::big`), both on a fixed day.

use crate::support::{big, tui as tui_support};

use cellule::domain::{Alert, DeptData};
use cellule::i18n::Lang;
use cellule::tui::{App, LockOutcome};
use tui_support::*;

/// Each screen as reached by keys from the dashboard; `SEANCE` opens the séance of the
/// meeting selected in Réunions, its lock taken, held today.
const SEANCE: &str = "<séance>";
const SCREENS: &[(&str, &str)] = &[
    ("dashboard", ""),
    ("situations", "2"),
    ("case_form", "2e"),
    ("meetings", "3"),
    ("agenda", "3<Enter>"),
    ("agenda_details", "3<Enter>e"),
    ("seance", SEANCE),
    ("help", "3<Enter>?"),
    ("palette", ":"),
    ("export_menu", "3x"),
    ("monthly_report", "r"),
    ("programme", "f"),
    ("problems", "p"),
];

fn reach(app: &mut App, keys: &str) {
    if keys == SEANCE {
        press(app, "3m");
        cellule::tui::update::seance_locked(app, Ok(LockOutcome::Acquired));
        press(app, "<Enter>");
        if let Some(st) = app.seance.as_mut() {
            st.clock = Some(chrono::NaiveTime::from_hms_opt(14, 35, 0).unwrap());
        }
        app.message = None;
        assert!(app.seance.is_some(), "the séance is open");
    } else {
        press(app, keys);
    }
}

fn check(name: &str, data: impl Fn() -> App, sizes: &[(u16, u16)]) {
    for (screen, keys) in SCREENS {
        for &(w, h) in sizes {
            let mut app = data();
            reach(&mut app, keys);
            insta::assert_snapshot!(format!("{name}_{screen}_{w}x{h}"), draw(&app, w, h));
        }
    }
}

#[test]
fn demo_screens() {
    check("demo", || demo_app(Lang::Fr), &[(80, 24), (120, 36)]);
}

fn big_app() -> App {
    big_app_on(big::data())
}

fn big_app_on(data: DeptData) -> App {
    let options = cellule::tui::Options {
        lang: Lang::Fr,
        today: Some(day(big::TODAY)),
        ..Default::default()
    };
    cellule::tui::prepare(data, Vec::new(), &options, None).unwrap()
}

#[test]
fn large_departement_screens() {
    let data = big::data();
    check("big", || big_app_on(data.clone()), &[(80, 24), (120, 36)]);
}

/// The large département is what it says: 500 cases, 80 alerts, the GTRDO's first.
#[test]
fn the_large_departement_has_500_cases_and_80_alerts_the_gtrdo_first() {
    let app = big_app();
    assert_eq!(app.data.cases.len(), big::CASES);
    assert_eq!(app.alerts().len(), big::ALERTS);
    assert!(
        matches!(
            &app.alerts()[0],
            Alert::BodyNotMet { body, last_held: None, .. } if body == "gtrdo"
        ),
        "{:?}",
        app.alerts()[0]
    );
    // And on the first screen at 80×24, whole.
    let screen = plain(&app, 80, 24);
    let line = screen
        .lines()
        .find(|l| l.contains("GTRDO") && l.contains('!'))
        .unwrap_or_else(|| panic!("no GTRDO alert on the first screen:\n{screen}"));
    assert!(!line.contains('…'), "{line}");
}
