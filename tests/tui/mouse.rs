//! The mouse through `update::mouse`, with the zones recorded by the last drawing: tabs,
//! rows (scrolling counted), a second click as `Entrée`, panes, the wheel, overlays.

use crate::support::tui as tui_support;

use cellule::i18n::Lang;
use cellule::tui::App;
use cellule::tui::app::{DashPane, Overlay, Screen};
use cellule::tui::hit::{HitMap, Pointer};
use cellule::tui::update::mouse;
use tui_support::*;

/// The column and line where `needle` is first drawn (on a line with no wide character).
fn at(screen: &str, needle: &str) -> (u16, u16) {
    screen
        .lines()
        .enumerate()
        .find_map(|(y, line)| {
            let x = line.find(needle)?;
            Some((line[..x].chars().count() as u16, y as u16))
        })
        .unwrap_or_else(|| panic!("{needle:?} not on the screen:\n{screen}"))
}

fn click(app: &mut App, hits: &HitMap, (x, y): (u16, u16)) {
    mouse(app, hits, Pointer::Click, x, y);
}

/// The test département with 40 more cases, so that the Situations list scrolls.
fn many_cases() -> App {
    let mut app = app(Lang::Fr);
    let model = app.data.cases[1].clone();
    for n in 0..40 {
        let mut case = model.clone();
        case.id = format!("49-2026-{:03}", 100 + n);
        case.label = format!("Cas {n}");
        app.data.cases.push(case);
    }
    app.refresh();
    app
}

#[test]
fn a_click_on_a_tab_opens_its_screen() {
    let mut app = app(Lang::Fr);
    let (screen, hits) = drawn(&app, 80, 24);
    click(&mut app, &hits, at(&screen, "3 Réunions"));
    assert_eq!(app.screen, Screen::Meetings);
    let (screen, hits) = drawn(&app, 80, 24);
    click(&mut app, &hits, at(&screen, "2 Situations"));
    assert_eq!(app.screen, Screen::Situations);
    // Between two tabs, on the département's name: nothing.
    let (_, hits) = drawn(&app, 80, 24);
    click(&mut app, &hits, (1, 0));
    assert_eq!(app.screen, Screen::Situations);
}

#[test]
fn a_click_on_a_row_selects_the_row_drawn_there_scrolling_counted() {
    for (w, h) in [(80, 24), (120, 36)] {
        let mut app = many_cases();
        press(&mut app, "2G");
        let visible: Vec<String> = app
            .visible_cases()
            .iter()
            .map(|&i| app.data.cases[i].id.clone())
            .collect();
        let (screen, hits) = drawn(&app, w, h);
        // The list is scrolled to its end: its first row drawn is not the first case.
        let rows: Vec<(usize, u16)> = screen
            .lines()
            .enumerate()
            .filter_map(|(y, line)| {
                let id = line.strip_prefix('│')?.get(..11)?;
                let i = visible.iter().position(|v| v == id)?;
                Some((i, y as u16))
            })
            .collect();
        assert!(rows.len() >= 4, "{screen}");
        assert!(rows[0].0 > 0, "not scrolled at {w}×{h}:\n{screen}");
        let (fourth, y) = rows[3];
        click(&mut app, &hits, (3, y));
        assert_eq!(app.situations.selected, fourth, "{w}×{h}");
        assert_eq!(app.situations.selected, rows[0].0 + 3);
        // The column titles and the frame are no row.
        let before = app.situations.selected;
        click(&mut app, &hits, (3, rows[0].1 - 1));
        assert_eq!(app.situations.selected, before);
    }
}

#[test]
fn a_second_click_on_the_selected_row_acts_like_enter() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3");
    let (screen, hits) = drawn(&app, 80, 24);
    let row = at(&screen, "30/09/2026");
    click(&mut app, &hits, row);
    assert_eq!(app.meetings.selected, 2);
    assert_eq!(app.screen, Screen::Meetings, "one click only selects");
    let (_, hits) = drawn(&app, 80, 24);
    click(&mut app, &hits, row);
    assert_eq!(app.screen, Screen::Agenda);
    assert_eq!(app.agenda.meeting.as_deref(), Some("2026-09-30-cpraf"));

    // On the dashboard: an alert, then the same alert again follows it.
    let mut app = tui_support::app(Lang::Fr);
    let (screen, hits) = drawn(&app, 80, 24);
    let gtrdo = at(&screen, "GTRDO :");
    click(&mut app, &hits, gtrdo);
    let selected = app.dashboard.alert;
    assert_eq!(app.screen, Screen::Dashboard);
    let (_, hits) = drawn(&app, 80, 24);
    click(&mut app, &hits, gtrdo);
    assert_eq!(app.dashboard.alert, selected);
    assert_eq!(app.screen, Screen::Meetings, "Entrée on the GTRDO alert");
}

#[test]
fn the_wheel_moves_the_list_under_the_pointer() {
    let mut app = many_cases();
    press(&mut app, "2");
    let (screen, hits) = drawn(&app, 80, 24);
    let (x, y) = at(&screen, "49-2026-001");
    for _ in 0..3 {
        mouse(&mut app, &hits, Pointer::WheelDown, x, y);
    }
    assert_eq!(app.situations.selected, 3);
    mouse(&mut app, &hits, Pointer::WheelUp, x, y);
    assert_eq!(app.situations.selected, 2);
    // At the end it stops.
    press(&mut app, "G");
    let last = app.situations.selected;
    let (_, hits) = drawn(&app, 80, 24);
    mouse(&mut app, &hits, Pointer::WheelDown, x, y);
    assert_eq!(app.situations.selected, last);

    // Over the case's detail, the detail scrolls; the selection stays.
    let mut app = tui_support::app(Lang::Fr);
    press(&mut app, "2");
    let (screen, hits) = drawn(&app, 80, 24);
    let (x, y) = at(&screen, "Détail");
    mouse(&mut app, &hits, Pointer::WheelDown, x, y + 2);
    assert!(app.situations.detail_focus);
    assert_eq!(app.situations.detail_scroll, 1);
    assert_eq!(app.situations.selected, 0);

    // Two lists on the dashboard: the wheel over the next meetings moves them, not the alerts.
    let mut app = tui_support::app(Lang::Fr);
    let (screen, hits) = drawn(&app, 80, 24);
    let alert = app.dashboard.alert;
    let (x, y) = at(&screen, "02/12/2026");
    mouse(&mut app, &hits, Pointer::WheelDown, x, y);
    assert_eq!(app.dashboard.focus, DashPane::Meetings);
    assert_eq!(app.dashboard.alert, alert);
}

#[test]
fn a_click_on_a_pane_gives_it_the_keys() {
    let mut app = app(Lang::Fr);
    press(&mut app, "2");
    let (screen, hits) = drawn(&app, 80, 24);
    click(&mut app, &hits, at(&screen, "Détail"));
    assert!(app.situations.detail_focus);
    let (screen, hits) = drawn(&app, 80, 24);
    click(&mut app, &hits, at(&screen, "49-2026-002"));
    assert!(!app.situations.detail_focus);
    assert_eq!(app.situations.selected, 1);

    // The agenda: the invitees pane, then back to the items.
    press(&mut app, "3<Enter>");
    assert_eq!(app.screen, Screen::Agenda);
    let (screen, hits) = drawn(&app, 80, 24);
    click(&mut app, &hits, at(&screen, "Invités"));
    assert_eq!(app.agenda.details.invitees, Some(0));
    let (screen, hits) = drawn(&app, 80, 24);
    click(&mut app, &hits, at(&screen, "Paul Girard"));
    let girard = app.agenda.details.invitees.unwrap();
    assert!(girard > 0);
    let (screen, hits) = drawn(&app, 80, 24);
    click(&mut app, &hits, at(&screen, "Approbation"));
    assert_eq!(app.agenda.details.invitees, None);
    assert_eq!(app.agenda.selected, 0);
}

#[test]
fn an_overlay_takes_the_clicks() {
    let mut app = app(Lang::Fr);
    press(&mut app, ":");
    let (screen, hits) = drawn(&app, 80, 24);
    // The tabs are under the palette's shade: a click there does nothing.
    click(&mut app, &hits, at(&screen, "3 Réunions"));
    assert_eq!(app.screen, Screen::Dashboard);
    assert!(matches!(app.overlays.last(), Some(Overlay::Palette { .. })));
    // Its third command, then again: run.
    let Some(Overlay::Palette { .. }) = app.overlays.last() else {
        unreachable!()
    };
    let commands = app.keymap.commands(app.screen.context(), app.lang, "");
    let third = &commands[2];
    let (x, y) = at(&screen, &third.label);
    click(&mut app, &hits, (x, y));
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Palette { selected: 2, .. })
    ));
    let (_, hits) = drawn(&app, 80, 24);
    click(&mut app, &hits, (x, y));
    assert!(
        !matches!(app.overlays.last(), Some(Overlay::Palette { .. })),
        "the command ran"
    );
}
