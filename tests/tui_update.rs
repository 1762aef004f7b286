//! The interface's logic driven by keys, without a terminal: user stories.

mod tui_support;

use cellule::domain::{ItemKind, MeetingStatus};
use cellule::i18n::Lang;
use cellule::tui::app::{Overlay, Screen};
use cellule::tui::{Effect, screens};
use tui_support::*;

#[test]
fn number_keys_reach_every_screen_and_q_goes_back_then_quits() {
    let mut app = app(Lang::Fr);
    assert_eq!(app.screen, Screen::Dashboard);
    for (key, screen) in [
        ("2", Screen::Situations),
        ("3", Screen::Meetings),
        ("4", Screen::Agenda),
        ("5", Screen::Seance),
        ("1", Screen::Dashboard),
    ] {
        press(&mut app, key);
        assert_eq!(app.screen, screen, "key {key}");
    }
    press(&mut app, "2");
    assert!(press(&mut app, "q").is_empty());
    assert_eq!(app.screen, Screen::Dashboard);
    assert!(app.running);
    assert_eq!(press(&mut app, "q"), vec![Effect::Quit]);
    assert!(!app.running);
}

#[test]
fn ctrl_c_quits_from_anywhere_even_while_typing() {
    let mut app = app(Lang::Fr);
    press(&mut app, "2/ada");
    assert!(app.situations.searching);
    assert_eq!(press(&mut app, "<Ctrl-c>"), vec![Effect::Quit]);
    assert!(!app.running);
}

#[test]
fn the_dashboard_lists_the_alerts_and_enter_follows_them() {
    let mut app = app(Lang::Fr);
    let texts: Vec<String> = app
        .alerts()
        .iter()
        .map(|a| cellule::tui::strings::alert(a, &app.data, Lang::Fr))
        .collect();
    assert!(texts[0].starts_with("1 problème"), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Revue en retard depuis le 20/11/2026 : A.B."))
    );
    assert!(texts.iter().any(|t| t.contains("Action en retard")));
    assert!(
        texts
            .iter()
            .any(|t| t.contains("GTRDO : dernière réunion le 01/10/2025"))
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Famille non contactée") && t.contains("D.É."))
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Sans référent") && t.contains("李 W."))
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("À revoir le 03/12/2026 : Famille C."))
    );
    assert!(
        !texts.iter().any(|t| t.contains('\u{1b}')),
        "escape sequences never reach the screen"
    );

    // The alerts are grouped by kind, with their counts; the files' problems and the bodies
    // that did not meet come first, unfolded.
    use cellule::tui::app::AlertRow;
    let rows = app.alert_rows();
    assert!(matches!(
        rows[0],
        AlertRow::Group {
            count: 1,
            unfolded: true,
            ..
        }
    ));
    assert!(matches!(rows[1], AlertRow::Alert(0)));
    assert!(matches!(rows[2], AlertRow::Group { unfolded: true, .. }));
    assert!(matches!(
        rows[4],
        AlertRow::Group {
            unfolded: false,
            ..
        }
    ));

    // The first alert: the problems list.
    press(&mut app, "j<Enter>");
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Problems { .. })
    ));
    press(&mut app, "<Esc>");
    assert!(app.overlays.is_empty());

    // The GTRDO that did not meet opens its meetings.
    press(&mut app, "jj<Enter>");
    assert_eq!(app.screen, Screen::Meetings);
    assert_eq!(app.data.department.bodies[app.meetings.body].id, "gtrdo");

    // Enter on the folded group of overdue reviews unfolds it; the review of A.B. opens the
    // case in the list (the dashboard keeps its selection).
    press(&mut app, "1j<Enter>");
    assert_eq!(app.screen, Screen::Dashboard);
    assert!(matches!(
        app.alert_rows()[4],
        AlertRow::Group { unfolded: true, .. }
    ));
    press(&mut app, "j<Enter>");
    assert_eq!(app.screen, Screen::Situations);
    let selected = app.selected_case().map(|i| app.data.cases[i].id.clone());
    assert_eq!(selected.as_deref(), Some("49-2026-001"));

    // The overdue action opens the agenda of its meeting at its item.
    press(&mut app, "1j<Enter>j<Enter>");
    assert_eq!(app.screen, Screen::Agenda);
    assert_eq!(app.agenda.meeting.as_deref(), Some("2026-10-28-cpraf"));
    assert_eq!(app.agenda.selected, 1);

    // Enter on an unfolded group folds it again.
    press(&mut app, "1kkk<Enter>");
    assert!(matches!(
        app.alert_rows()[4],
        AlertRow::Group {
            unfolded: false,
            ..
        }
    ));
}

#[test]
fn a_followed_alert_shows_the_case_even_when_filters_hide_it() {
    let mut app = app(Lang::Fr);
    press(&mut app, "2bb"); // filter on the GTRDO
    assert!(
        app.visible_cases()
            .iter()
            .all(|&i| app.data.cases[i].body == "gtrdo")
    );
    press(&mut app, "1jjjj<Enter>j<Enter>");
    let selected = app.selected_case().map(|i| app.data.cases[i].id.clone());
    assert_eq!(selected.as_deref(), Some("49-2026-001"));
}

#[test]
fn the_next_meetings_pane_opens_an_agenda() {
    let mut app = app(Lang::En);
    press(&mut app, "<Tab><Enter>");
    assert_eq!(app.screen, Screen::Agenda);
    assert_eq!(app.agenda.meeting.as_deref(), Some("2026-12-02-cpraf"));
}

fn visible_ids(app: &cellule::tui::App) -> Vec<String> {
    app.visible_cases()
        .iter()
        .map(|&i| app.data.cases[i].id.clone())
        .collect()
}

#[test]
fn incremental_search_over_label_id_referent_and_name() {
    let mut app = app(Lang::Fr);
    press(&mut app, "2");
    assert_eq!(
        visible_ids(&app).len(),
        6,
        "closed cases are hidden by default"
    );
    press(&mut app, "/bern");
    assert_eq!(visible_ids(&app), vec!["49-2026-001"], "by name");
    press(
        &mut app,
        "<Backspace><Backspace><Backspace><Backspace>horizon",
    );
    assert_eq!(visible_ids(&app), vec!["49-2026-001"], "by référent");
    press(&mut app, "<Esc>");
    assert!(!app.situations.searching);
    assert_eq!(visible_ids(&app).len(), 6, "Esc clears the search");
    press(&mut app, "/2026-00<Enter>");
    assert!(!app.situations.searching);
    assert_eq!(
        app.situations.search.text(),
        "2026-00",
        "Enter keeps the search"
    );
    press(
        &mut app,
        "/<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>famille c",
    );
    assert_eq!(
        visible_ids(&app),
        vec!["49-2026-002"],
        "by label, accents and case aside"
    );
}

#[test]
fn f2_hides_the_names_on_screen_and_from_the_search() {
    let mut app = app(Lang::Fr);
    press(&mut app, "2/bern");
    assert_eq!(visible_ids(&app), vec!["49-2026-001"]);
    press(&mut app, "<Esc><F2>");
    assert!(app.hide_names);
    press(&mut app, "/bern");
    assert!(
        visible_ids(&app).is_empty(),
        "a hidden name is not searched"
    );
    press(&mut app, "<Esc><F2>");
    assert!(!app.hide_names);
}

#[test]
fn filters_and_sort_of_the_case_list() {
    let mut app = app(Lang::Fr);
    press(&mut app, "2");
    press(&mut app, "s"); // all statuses
    assert_eq!(visible_ids(&app).len(), 7);
    press(&mut app, "s"); // reported only
    assert_eq!(visible_ids(&app), vec!["49-2026-003"]);
    press(&mut app, "ssss"); // back to open
    assert_eq!(visible_ids(&app).len(), 6);
    press(&mut app, "t"); // persons
    assert!(!visible_ids(&app).contains(&"49-2026-002".to_string()));
    press(&mut app, "ttt"); // all kinds again
    press(&mut app, "r"); // due by today
    assert_eq!(visible_ids(&app), vec!["49-2026-001"]);
    press(&mut app, "r");
    press(&mut app, "o"); // by review date, cases without one last
    let ids = visible_ids(&app);
    assert_eq!(&ids[..3], &["49-2026-001", "49-2026-002", "49-2026-004"]);
    press(&mut app, "b");
    assert!(visible_ids(&app).iter().all(|id| id != "49-2026-007"));
    press(&mut app, "b");
    assert_eq!(visible_ids(&app), vec!["49-2026-007"]);
    press(&mut app, "b");
    assert_eq!(visible_ids(&app).len(), 6);
}

#[test]
fn e_asks_the_runtime_to_edit_the_selected_case() {
    let mut app = app(Lang::Fr);
    assert_eq!(
        press(&mut app, "2je"),
        vec![Effect::EditCase("49-2026-002".into())]
    );
}

fn agenda_shape(app: &cellule::tui::App) -> Vec<String> {
    app.agenda_meeting()
        .unwrap()
        .items
        .iter()
        .map(|i| match i.kind {
            ItemKind::Case => i.case.clone().unwrap(),
            _ => i.title.clone().unwrap_or_default(),
        })
        .collect()
}

fn saved(effects: &[Effect]) -> Vec<&cellule::domain::Meeting> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveMeeting(m) => Some(m),
            _ => None,
        })
        .collect()
}

#[test]
fn build_an_agenda_with_suggest_reorder_timebox_and_convene() {
    let mut app = app(Lang::Fr);
    // Réunions, newest first: the December draft.
    press(&mut app, "3");
    assert_eq!(app.body_meetings()[0].id, "2026-12-02-cpraf");
    press(&mut app, "<Enter>");
    assert_eq!(app.screen, Screen::Agenda);

    let effects = press(&mut app, "s");
    let saves = saved(&effects);
    assert_eq!(saves.len(), 1, "every change is saved at once");
    assert_eq!(
        agenda_shape(&app),
        vec![
            "Approbation du compte rendu du 28 octobre",
            "Suivi des actions",
            "49-2026-001",
            "49-2026-003",
            "49-2026-005",
        ],
        "Famille C. is due on 03/12, after the meeting: not suggested"
    );
    assert_eq!(saves[0], app.agenda_meeting().unwrap());
    assert!(
        press(&mut app, "s").is_empty(),
        "suggest twice adds nothing"
    );

    // Move the last case up to second place.
    press(&mut app, "G");
    let effects = press(&mut app, "KKK");
    assert_eq!(saved(&effects).len(), 3);
    assert_eq!(agenda_shape(&app)[1], "49-2026-005");
    assert_eq!(app.agenda.selected, 1);
    assert!(
        press(&mut app, "gK").is_empty(),
        "the first item does not move up"
    );

    // Timebox the first item, refuse nonsense.
    press(&mut app, "t<Backspace>abc<Enter>");
    assert!(matches!(app.overlays.last(), Some(Overlay::Prompt(p)) if p.error.is_some()));
    let effects = press(&mut app, "<Backspace><Backspace><Backspace>15<Enter>");
    assert_eq!(saved(&effects).len(), 1);
    assert!(app.overlays.is_empty());
    assert_eq!(app.agenda_meeting().unwrap().items[0].minutes, Some(15));
    assert_eq!(app.agenda_meeting().unwrap().planned_minutes(), 15 + 10 * 4);

    // Convene.
    press(&mut app, "v");
    assert_eq!(
        app.agenda_meeting().unwrap().status,
        MeetingStatus::Convened
    );
}

#[test]
fn add_a_topic_and_a_case_through_the_picker() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3<Enter>");
    let effects = press(&mut app, "aQuestions diverses<Enter>");
    assert_eq!(saved(&effects).len(), 1);
    assert_eq!(agenda_shape(&app)[1], "Questions diverses");
    press(&mut app, "a<Enter>");
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Prompt(p)) if p.error.is_some()),
        "an empty topic is refused"
    );
    press(&mut app, "<Esc>");

    press(&mut app, "c");
    let offered: Vec<String> = app
        .picker_matches("")
        .iter()
        .map(|c| c.id.clone())
        .collect();
    assert!(
        !offered.contains(&"49-2026-006".to_string()),
        "closed cases are not offered"
    );
    assert!(
        !offered.contains(&"49-2026-007".to_string()),
        "other bodies' cases are not offered"
    );
    let effects = press(&mut app, "fam<Enter>");
    assert_eq!(saved(&effects).len(), 1);
    assert_eq!(agenda_shape(&app)[2], "49-2026-002");
    press(&mut app, "c");
    assert!(
        !app.picker_matches("").iter().any(|c| c.id == "49-2026-002"),
        "a case already on the agenda is not offered again"
    );
    press(&mut app, "<Esc>");
    assert!(app.overlays.is_empty());
}

#[test]
fn delete_undo_and_redo_save_each_state() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3<Enter>s");
    let before = app.agenda_meeting().unwrap().clone();
    let effects = press(&mut app, "jd");
    assert_eq!(saved(&effects)[0].items.len(), before.items.len() - 1);
    let effects = press(&mut app, "u");
    assert_eq!(saved(&effects), vec![&before]);
    assert_eq!(app.agenda_meeting().unwrap(), &before);
    let effects = press(&mut app, "<Ctrl-r>");
    assert_eq!(saved(&effects)[0].items.len(), before.items.len() - 1);
    // Undo everything, down to the meeting as loaded; then nothing more.
    press(&mut app, "uu");
    assert_eq!(app.agenda_meeting().unwrap().items.len(), 1);
    assert!(press(&mut app, "u").is_empty());
    assert_eq!(app.message.as_ref().unwrap().text, "Rien à annuler");
    // A new edit forgets the redo.
    press(&mut app, "d");
    assert!(press(&mut app, "<Ctrl-r>").is_empty());
}

#[test]
fn held_meetings_are_not_edited_from_the_builder() {
    let mut app = app(Lang::En);
    press(&mut app, "3j<Enter>");
    assert_eq!(app.agenda.meeting.as_deref(), Some("2026-10-28-cpraf"));
    for key in ["s", "d", "J", "v", "a", "c", "t"] {
        assert!(press(&mut app, key).is_empty(), "{key}");
        assert!(app.overlays.is_empty(), "{key}");
    }
    assert!(app.message.as_ref().unwrap().is_error);
}

#[test]
fn a_new_meeting_invites_the_members_and_gets_a_suggested_agenda() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3n");
    let Some(Overlay::Prompt(prompt)) = app.overlays.last() else {
        panic!("a date is asked");
    };
    assert_eq!(
        prompt.input.text(),
        "01/01/2027",
        "the last meeting plus the interval"
    );
    press(
        &mut app,
        "<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>31/02/2026<Enter>",
    );
    assert!(matches!(app.overlays.last(), Some(Overlay::Prompt(p)) if p.error.is_some()));
    let effects = press(
        &mut app,
        "<Home><Delete><Delete><Delete><Delete><Delete>02/12<Enter>",
    );
    assert!(app.overlays.is_empty());
    let saves = saved(&effects);
    assert_eq!(saves.len(), 1);
    let m = saves[0];
    assert_eq!(
        m.id, "2026-12-02-cpraf-2",
        "a free id after the draft of the same day"
    );
    assert_eq!(m.status, MeetingStatus::Draft);
    assert_eq!(m.attendance.len(), 5);
    assert!(m.has_actions_review());
    assert_eq!(app.screen, Screen::Agenda);
    assert_eq!(app.agenda.meeting.as_deref(), Some("2026-12-02-cpraf-2"));
    // Undo of a creation removes the file.
    assert_eq!(
        press(&mut app, "u"),
        vec![Effect::DeleteMeeting("2026-12-02-cpraf-2".into())]
    );
    assert!(app.data.meeting("2026-12-02-cpraf-2").is_none());
}

#[test]
fn help_opens_over_any_screen_and_is_modal() {
    let mut app = app(Lang::Fr);
    press(&mut app, "4?");
    assert!(matches!(app.overlays.last(), Some(Overlay::Help { .. })));
    press(&mut app, "2"); // not a help key: ignored
    assert_eq!(app.screen, Screen::Agenda);
    press(&mut app, "q");
    assert!(app.overlays.is_empty());
    assert!(app.running);
}

#[test]
fn drawing_never_panics_at_any_size() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3<Enter>s");
    for keys in ["1", "2", "3", "4", "5", "4c", "<Esc>?", "<Esc>1p"] {
        press(&mut app, keys);
        for (w, h) in [(1, 1), (10, 3), (49, 11), (50, 12), (80, 24), (300, 80)] {
            let text = draw(&app, w, h);
            if w < screens::MIN_WIDTH || h < screens::MIN_HEIGHT {
                if w >= 20 && h >= 2 {
                    assert!(text.contains("Terminal trop petit"), "{w}×{h}");
                }
            } else {
                assert!(!text.contains("Terminal trop petit"));
            }
        }
    }
}

#[test]
fn the_new_case_form_makes_a_reported_case_with_the_next_id() {
    let mut app = app(Lang::Fr);
    press(&mut app, "2n");
    assert!(matches!(app.overlays.last(), Some(Overlay::CaseForm(_))));
    // The label is refused empty.
    assert!(press(&mut app, "<Enter>").is_empty());
    assert!(matches!(app.overlays.last(), Some(Overlay::CaseForm(f)) if f.error.is_some()));
    // Label, then up to the kind: family; down past the date to the source: GED.
    let effects = press(
        &mut app,
        "J.K.<Up><Right><Down><Down><Down><Right><Right><Enter>",
    );
    let [Effect::CreateCase(case)] = effects.as_slice() else {
        panic!("one case created: {effects:?}");
    };
    assert_eq!(case.id, "49-2026-008");
    assert_eq!(case.label, "J.K.");
    assert_eq!(case.body, "cpraf");
    assert_eq!(case.kind, cellule::domain::CaseKind::Family);
    assert_eq!(case.source, cellule::domain::Source::Ged);
    assert_eq!(case.status, cellule::domain::CaseStatus::Reported);
    assert_eq!(case.reported_on, day(TODAY));
    assert!(app.overlays.is_empty());
    // The runtime reports it written: it shows in the list.
    app.case_edited(case.clone());
    cellule::tui::update::show_case(&mut app, "49-2026-008");
    let selected = app.selected_case().map(|i| app.data.cases[i].id.clone());
    assert_eq!(selected.as_deref(), Some("49-2026-008"));
}

#[test]
fn the_new_case_form_takes_the_body_filter_and_refuses_a_bad_date() {
    let mut app = app(Lang::En);
    press(&mut app, "2bbn");
    press(&mut app, "Cabinet X<Down><Backspace><Backspace><Backspace>");
    assert!(press(&mut app, "<Enter>").is_empty());
    assert!(
        matches!(app.overlays.last(), Some(Overlay::CaseForm(f)) if f.error.as_deref() == Some("Invalid date"))
    );
    let effects = press(&mut app, "-26<Enter>");
    let [Effect::CreateCase(case)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(case.body, "gtrdo");
    press(&mut app, "n<Esc>");
    assert!(app.overlays.is_empty(), "Esc cancels");
}

#[test]
fn an_invalid_edit_offers_to_edit_again_or_discard() {
    let mut app = app(Lang::Fr);
    assert_eq!(
        press(&mut app, "2e"),
        vec![Effect::EditCase("49-2026-001".into())]
    );
    app.edit_failed(
        "49-2026-001",
        vec!["cases/49-2026-001.yaml:3:1: valeur \u{1b}[2J inconnue".into()],
    );
    let Some(Overlay::EditFailed { problems, .. }) = app.overlays.last() else {
        panic!("the problem is shown");
    };
    assert!(!problems[0].contains('\u{1b}'));
    assert!(press(&mut app, "x").is_empty(), "only e or d answer");
    assert_eq!(
        press(&mut app, "e"),
        vec![Effect::EditCase("49-2026-001".into())]
    );
    assert!(app.overlays.is_empty());
    app.edit_failed("49-2026-001", vec!["encore".into()]);
    assert_eq!(
        press(&mut app, "d"),
        vec![Effect::DiscardCaseEdit("49-2026-001".into())]
    );
    assert!(app.overlays.is_empty());
}

#[test]
fn export_minutes_with_a_preview_then_write() {
    use cellule::tui::{ExportRequest, MinutesLevel};
    let mut app = app(Lang::Fr);
    press(&mut app, "3j");
    assert!(press(&mut app, "x").is_empty());
    let Some(Overlay::ExportMenu { requests, .. }) = app.overlays.last() else {
        panic!("the export menu opens");
    };
    assert_eq!(requests.len(), 4);
    let effects = press(&mut app, "jj<Enter>");
    let partners = ExportRequest::Minutes {
        meeting: "2026-10-28-cpraf".into(),
        level: MinutesLevel::Partners,
    };
    assert_eq!(effects, vec![Effect::PreviewExport(partners.clone())]);
    assert!(app.overlays.is_empty());
    // The runtime brings the text; control characters are made harmless.
    app.show_preview(partners.clone(), "# Compte rendu\n\u{1b}[2Jligne\n");
    let Some(Overlay::Preview { text, .. }) = app.overlays.last() else {
        panic!("the preview shows");
    };
    assert!(!text.contains('\u{1b}'));
    assert!(press(&mut app, "jk").is_empty());
    assert_eq!(
        press(&mut app, "g"),
        vec![Effect::Export {
            request: partners.clone(),
            commit: true
        }]
    );
    assert_eq!(
        press(&mut app, "w"),
        vec![Effect::Export {
            request: partners,
            commit: false
        }]
    );
    app.export_written("49/minutes/2026-10-28-cpraf.partners.md");
    assert!(app.overlays.is_empty());
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Écrit : 49/minutes/2026-10-28-cpraf.partners.md"
    );
}

#[test]
fn the_agenda_is_exported_from_the_builder() {
    use cellule::tui::ExportRequest;
    let mut app = app(Lang::Fr);
    let effects = press(&mut app, "3<Enter>x<Enter>");
    assert_eq!(
        effects,
        vec![Effect::PreviewExport(ExportRequest::Agenda {
            meeting: "2026-12-02-cpraf".into()
        })]
    );
}

#[test]
fn the_monthly_report_picks_a_month_a_body_and_a_format() {
    use cellule::tui::{ExportRequest, ReportFormat};
    let mut app = app(Lang::En);
    press(&mut app, "r");
    // Default: last month, first body, Markdown; go back one more month, next body, CSV.
    let effects = press(&mut app, "<Left><Down><Right><Down><Right><Enter>");
    assert_eq!(
        effects,
        vec![Effect::PreviewExport(ExportRequest::Monthly {
            month: day("2026-09-01"),
            body: "gtrdo".into(),
            format: ReportFormat::Csv,
        })]
    );
    press(&mut app, "r<Esc>");
    assert!(app.overlays.is_empty());
}

#[test]
fn options_merge_the_users_keys_and_choose_the_theme() {
    use cellule::tui::{KeyOverride, Options, ThemeKind, prepare};
    let options = Options {
        lang: Lang::En,
        high_contrast: true,
        keys: vec![KeyOverride {
            context: "agenda".into(),
            key: "Ctrl-j".into(),
            action: "move_down".into(),
        }],
        hide_names: false,
        today: Some(day(TODAY)),
    };
    let mut app = prepare(fixture(), problems(), &options, None).unwrap();
    assert_eq!(app.theme.kind, ThemeKind::HighContrast);
    press(&mut app, "3<Enter>s");
    let first = app.agenda_meeting().unwrap().items[0].clone();
    let effects = press(&mut app, "<Ctrl-j>");
    assert_eq!(effects.len(), 1);
    assert_eq!(app.agenda_meeting().unwrap().items[1], first);

    let no_color = prepare(fixture(), vec![], &options, Some(std::ffi::OsStr::new("1"))).unwrap();
    assert_eq!(no_color.theme.kind, ThemeKind::Monochrome);

    let bad = Options {
        keys: vec![KeyOverride {
            context: "agenda".into(),
            key: "J".into(),
            action: "mvoe_down".into(),
        }],
        ..options
    };
    let err = prepare(fixture(), vec![], &bad, None).err().unwrap();
    assert_eq!(
        err.to_string(),
        "unknown action \"mvoe_down\"; did you mean \"move_down\"?"
    );
}

/// The row (y) and column where `needle` starts a list row of the drawn screen.
fn row_of(screen: &str, needle: &str) -> Option<(u16, u16)> {
    screen.lines().enumerate().find_map(|(y, line)| {
        let rest = line.strip_prefix('│')?;
        rest.starts_with(needle).then_some((y as u16, 2))
    })
}

#[test]
fn a_click_selects_the_row_drawn_under_the_mouse() {
    use cellule::tui::screens::hit;
    use cellule::tui::update::click;
    use ratatui::layout::Rect;
    for (w, h) in [(80, 24), (140, 40), (80, 14)] {
        let area = Rect::new(0, 0, w, h);
        let mut app = app(Lang::Fr);
        press(&mut app, "2G");
        let ids: Vec<String> = visible_ids(&app);
        for (i, id) in ids.iter().enumerate().rev() {
            let screen = plain(&app, w, h);
            let Some((y, x)) = row_of(&screen, id) else {
                continue; // scrolled out of view at this height
            };
            let got = hit(&app, area, x, y).expect("a row is hit");
            click(&mut app, got);
            assert_eq!(app.situations.selected, i, "{w}×{h} {id}");
        }
        // Outside the list: nothing.
        assert_eq!(hit(&app, area, 0, 0), None);

        press(&mut app, "3");
        let screen = plain(&app, w, h);
        let (y, x) = row_of(&screen, "30/09/2026").unwrap();
        let got = hit(&app, area, x, y).unwrap();
        click(&mut app, got);
        assert_eq!(app.meetings.selected, 2);

        press(&mut app, "k<Enter>");
        let screen = plain(&app, w, h);
        let (y, x) = row_of(&screen, "3   Famille C.").unwrap();
        let got = hit(&app, area, x, y).unwrap();
        click(&mut app, got);
        assert_eq!(app.agenda.selected, 2);
    }
    // On the dashboard, a click on an alert selects it.
    let mut app = app(Lang::Fr);
    let screen = plain(&app, 80, 24);
    let (y, x) = row_of(&screen, "  ! GTRDO").unwrap();
    let got =
        cellule::tui::screens::hit(&app, ratatui::layout::Rect::new(0, 0, 80, 24), x, y).unwrap();
    click(&mut app, got);
    assert_eq!(app.dashboard.alert, 3);
    press(&mut app, "<Enter>");
    assert_eq!(app.screen, Screen::Meetings);
}

#[test]
fn after_a_case_is_written_the_selection_stays_on_it_and_the_filters_stay() {
    let mut app = app(Lang::Fr);
    press(&mut app, "2b"); // filter on the first body
    let filter = app.situations.body.clone();
    assert!(filter.is_some());
    press(&mut app, "G");
    let i = app.selected_case().unwrap();
    let mut case = app.data.cases[i].clone();
    let id = case.id.clone();
    case.notes = Some("Nouvelle note".into());
    assert!(app.case_edited(case));
    assert_eq!(app.situations.body, filter);
    let selected = app.selected_case().map(|i| app.data.cases[i].id.clone());
    assert_eq!(selected.as_deref(), Some(id.as_str()));
    // A case the filters hide: the filters stay, the caller is told.
    let mut hidden = app.data.cases[0].clone();
    hidden.id = "49-2026-099".into();
    hidden.body = "autre".into();
    assert!(!app.case_edited(hidden));
    assert_eq!(app.situations.body, filter);
}
