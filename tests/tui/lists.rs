//! Every list of the interface behaves alike: typing filters it (the rows kept are the
//! ones whose words hold the letters typed), `g`/`G` or `Début`/`Fin` go to its ends (`g`/`G`
//! where letters are not typed into a filter), through the key map.

use crate::support::tui as tui_support;

use cellule::i18n::Lang;
use cellule::tui::app::Overlay;
use cellule::tui::export::ExportRequest;
use tui_support::*;

fn export_menu(app: &cellule::tui::App) -> (Vec<ExportRequest>, usize, String) {
    match app.overlays.last() {
        Some(Overlay::ExportMenu {
            requests,
            selected,
            query,
            ..
        }) => (requests.clone(), *selected, query.text().to_string()),
        other => panic!("no export menu: {other:?}"),
    }
}

#[test]
fn the_export_menu_filters_as_you_type() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3jx");
    let (requests, _, _) = export_menu(&app);
    assert!(requests.len() > 3, "{requests:?}");
    press(&mut app, "pilote");
    let (_, selected, query) = export_menu(&app);
    assert_eq!((selected, query.as_str()), (0, "pilote"));
    let screen = plain(&app, 80, 24);
    assert!(screen.contains("Actions décidées, par pilote"), "{screen}");
    assert!(!screen.contains("Compte rendu — interne"), "{screen}");
    press(&mut app, "<Enter>");
    match app.overlays.last() {
        Some(Overlay::Preview { request, .. }) => {
            assert!(
                matches!(request, ExportRequest::Actions { .. }),
                "{request:?}"
            )
        }
        other => panic!("no preview: {other:?}"),
    }
}

#[test]
fn the_export_menu_goes_to_its_ends_and_keeps_the_choice_in_view() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3jx<End>");
    let (requests, selected, _) = export_menu(&app);
    assert_eq!(selected, requests.len() - 1);
    // On a short screen, the last row (the calendar file) is still drawn.
    let screen = plain(&app, 80, 14);
    assert!(screen.contains("Invitation d'agenda"), "{screen}");
    press(&mut app, "<Home>");
    assert_eq!(export_menu(&app).1, 0);
    let screen = plain(&app, 80, 14);
    assert!(screen.contains("Ordre du jour (convocation)"), "{screen}");
}

#[test]
fn the_case_picker_and_the_palette_go_to_their_ends() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3<Enter>c");
    let count = app.picker_matches("").len();
    assert!(count > 1);
    press(&mut app, "<End>");
    let Some(Overlay::Picker(p)) = app.overlays.last() else {
        panic!("no picker");
    };
    assert_eq!(p.selected, count - 1);
    press(&mut app, "<Home>");
    let Some(Overlay::Picker(p)) = app.overlays.last() else {
        panic!("no picker");
    };
    assert_eq!(p.selected, 0);
    // Letters go to the filter, never to the ends.
    press(&mut app, "G");
    let Some(Overlay::Picker(p)) = app.overlays.last() else {
        panic!("no picker");
    };
    assert_eq!((p.selected, p.query.text()), (0, "G"));

    let mut app = tui_support::app(Lang::Fr);
    press(&mut app, ":<End>");
    let Some(Overlay::Palette { selected, .. }) = app.overlays.last() else {
        panic!("no palette");
    };
    assert!(*selected > 0);
    press(&mut app, "<Home>");
    let Some(Overlay::Palette { selected, .. }) = app.overlays.last() else {
        panic!("no palette");
    };
    assert_eq!(*selected, 0);
}

#[test]
fn the_lists_of_the_screens_go_to_their_ends() {
    let mut app = app(Lang::Fr);
    press(&mut app, "2");
    let count = app.visible_cases().len();
    assert!(count > 1);
    press(&mut app, "G");
    assert_eq!(app.situations.selected, count - 1);
    press(&mut app, "g");
    assert_eq!(app.situations.selected, 0);
    press(&mut app, "<End>");
    assert_eq!(app.situations.selected, count - 1);
    press(&mut app, "<Home>");
    assert_eq!(app.situations.selected, 0);

    press(&mut app, "3G");
    assert!(app.meetings.selected > 0);
    press(&mut app, "g");
    assert_eq!(app.meetings.selected, 0);
}

#[test]
fn the_meetings_filter_as_you_type() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3");
    let all = app.body_meetings().len();
    assert!(all > 1);
    let first = app.body_meetings()[all - 1].clone();
    let day = first.date.format("%d/%m/%Y").to_string();
    press(&mut app, "/");
    press(&mut app, &day);
    let kept: Vec<String> = app.body_meetings().iter().map(|m| m.id.clone()).collect();
    assert_eq!(kept, [first.id]);
    let screen = plain(&app, 80, 24);
    assert!(screen.contains(&format!("Recherche : {day}")), "{screen}");
    assert!(screen.contains("Réunions (1)"), "{screen}");
    // Entrée keeps the filter, Échap while searching clears it.
    press(&mut app, "<Enter>");
    assert_eq!(app.body_meetings().len(), 1);
    press(&mut app, "/<Esc>");
    assert_eq!(app.body_meetings().len(), all);
}

#[test]
fn the_programme_filters_as_you_type_and_opens_the_action_kept() {
    use cellule::domain::fipd::{Category, FundAction, Programme};
    let mut app = app(Lang::Fr);
    let mut p = Programme::empty(2026);
    for (id, title) in [
        ("a1", "Consultations de psychologue"),
        ("a2", "Chantier éducatif"),
        ("a3", "Groupe de parole des parents"),
    ] {
        p.actions
            .push(FundAction::requested(id, title, Category::MentalHealth));
    }
    app.data.programmes.push(p);
    cellule::tui::update::programme::open(&mut app, 2026);
    assert_eq!(app.programme_rows(), [0, 1, 2]);
    press(&mut app, "G");
    assert_eq!(app.programme.selected, 2);
    press(&mut app, "g/chantier");
    assert_eq!(app.programme_rows(), [1]);
    let screen = plain(&app, 80, 24);
    assert!(screen.contains("Chantier éducatif"), "{screen}");
    assert!(!screen.contains("Groupe de parole"), "{screen}");
    // Entrée keeps the search; Entrée again opens the action kept, not the first one.
    press(&mut app, "<Enter><Enter>");
    assert_eq!(app.programme.form.as_ref().map(|(i, _)| *i), Some(Some(1)));
}

#[test]
fn a_form_with_no_list_to_choose_from_does_not_promise_the_arrows() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3<Enter><Tab>+");
    assert!(app.agenda.details.guest.is_some());
    let screen = plain(&app, 100, 30);
    let bottom = screen.lines().last().unwrap();
    assert!(bottom.contains("Entrée valider"), "{screen}");
    assert!(!bottom.contains("←/→"), "{screen}");
    // The case form has lists (type, statut…): there the arrows are promised.
    let mut app = tui_support::app(Lang::Fr);
    press(&mut app, "2n");
    let screen = plain(&app, 100, 30);
    assert!(screen.lines().last().unwrap().contains("←/→"), "{screen}");
}
