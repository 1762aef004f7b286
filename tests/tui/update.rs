//! The interface's logic driven by keys, without a terminal: user stories.

use crate::support::tui as tui_support;

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
        .map(|a| cellule::tui::alert_words::alert(a, &app.data, Lang::Fr, "Entrée"))
        .collect();
    assert!(texts[0].starts_with("1 problème"), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Examen en retard depuis le 20/11/2026 : A.B."))
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
            .any(|t| t.contains("Examen prévu le 03/12/2026 : Famille C."))
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
    press(&mut app, "<Down><Enter>");
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Problems { .. })
    ));
    press(&mut app, "<Esc>");
    assert!(app.overlays.is_empty());

    // The GTRDO that did not meet opens its meetings.
    press(&mut app, "<Down><Down><Enter>");
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
    press(&mut app, "<Down><Enter>");
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
    press(&mut app, "1<Down><Down><Down><Down><Enter><Down><Enter>");
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
fn e_opens_the_case_form_and_shift_e_the_editor() {
    let mut app = app(Lang::Fr);
    assert!(press(&mut app, "2je").is_empty());
    assert!(
        matches!(app.overlays.last(), Some(Overlay::CaseForm(f)) if f.saved.id == "49-2026-002")
    );
    press(&mut app, "<Esc>");
    assert_eq!(
        press(&mut app, "E"),
        vec![Effect::EditCase("49-2026-002".into())]
    );
}

#[test]
fn each_confirmed_field_of_the_case_form_is_saved_and_undone_on_the_list() {
    let mut app = app(Lang::Fr);
    press(&mut app, "2e");
    let Some(Overlay::CaseForm(f)) = app.overlays.last() else {
        panic!("the form");
    };
    let before = f.saved.clone();
    // The label, typed at its end, confirmed with Entrée: written at once.
    let effects = press(&mut app, " (bis)<Enter>");
    let [Effect::SaveCase(c)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(c.label, format!("{} (bis)", before.label));
    assert_eq!(c.kind, before.kind);
    // The screens show it at once.
    assert!(app.data.cases.iter().any(|x| x.label == c.label));
    // A field moved through unchanged writes nothing; a birth year out of range is
    // refused with the sentence of `validate`.
    let Some(Overlay::CaseForm(f)) = app.overlays.last() else {
        panic!("the form");
    };
    let year = f
        .form
        .fields
        .iter()
        .position(|x| x.key == "birth_year")
        .unwrap();
    let moves = "<Tab>".repeat(year - f.form.focus);
    assert!(press(&mut app, &moves).is_empty());
    assert!(
        press(
            &mut app,
            "<Backspace><Backspace><Backspace><Backspace>2999<Tab>"
        )
        .is_empty()
    );
    let Some(Overlay::CaseForm(f)) = app.overlays.last() else {
        panic!("the form");
    };
    let Some((_, cellule::tui::form::Fault::Rule(text))) = &f.form.fault else {
        panic!("refused: {:?}", f.form.fault);
    };
    assert!(text.contains("2999"), "{text}");
    press(&mut app, "<Esc>");
    // Undo on the list writes the case as it was.
    assert_eq!(press(&mut app, "u"), vec![Effect::SaveCase(before.clone())]);
    assert_eq!(
        press(&mut app, "<Ctrl-r>"),
        vec![Effect::SaveCase(c.clone())]
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
    // The agenda opens on the approval of the minutes of the body's previous held meeting.
    assert_eq!(m.items[0].approves.as_deref(), Some("2026-10-28-cpraf"));
    assert_eq!(
        m.items[0].title.as_deref(),
        Some("Approbation du compte rendu de la séance du 28/10/2026")
    );
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
    press(&mut app, "2q"); // letters and digits filter the help: no screen change, no quit
    assert_eq!(app.screen, Screen::Agenda);
    let Some(Overlay::Help { query, .. }) = app.overlays.last() else {
        panic!("the help stays open");
    };
    assert_eq!(query.text(), "2q");
    press(&mut app, "<Esc>");
    assert!(app.overlays.is_empty());
    assert!(app.running);
    press(&mut app, "??");
    assert!(app.overlays.is_empty(), "? closes the help");
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
    assert!(matches!(app.overlays.last(), Some(Overlay::CaseForm(f)) if f.form.fault.is_some()));
    // The label confirmed creates the file.
    let effects = press(&mut app, "J.K.<Enter>");
    let [Effect::CreateCase(case)] = effects.as_slice() else {
        panic!("one case created: {effects:?}");
    };
    assert_eq!(case.id, "49-2026-008");
    assert_eq!(case.label, "J.K.");
    assert_eq!(case.body, "cpraf");
    assert_eq!(case.kind, cellule::domain::CaseKind::Person);
    assert_eq!(case.status, cellule::domain::CaseStatus::Reported);
    assert_eq!(case.reported_on, day(TODAY));
    // The kind, chosen by typing its label, is then saved as an edit.
    let effects = press(&mut app, "fam<Enter>");
    let [Effect::SaveCase(c)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(c.kind, cellule::domain::CaseKind::Family);
    press(&mut app, "<Esc>");
    assert!(app.overlays.is_empty());
    app.case_edited(c.clone());
    cellule::tui::update::show_case(&mut app, "49-2026-008");
    let selected = app.selected_case().map(|i| app.data.cases[i].id.clone());
    assert_eq!(selected.as_deref(), Some("49-2026-008"));
}

#[test]
fn the_new_case_form_takes_the_body_filter_and_refuses_a_bad_date() {
    let mut app = app(Lang::En);
    press(&mut app, "2bbn");
    let effects = press(&mut app, "Cabinet X<Enter>");
    let [Effect::CreateCase(case)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(case.body, "gtrdo");
    let Some(Overlay::CaseForm(f)) = app.overlays.last() else {
        panic!("the form");
    };
    let date = f
        .form
        .fields
        .iter()
        .position(|x| x.key == "reported_on")
        .unwrap();
    let moves = "<Tab>".repeat(date - f.form.focus);
    press(&mut app, &moves);
    assert!(press(&mut app, "<Backspace><Backspace>x<Enter>").is_empty());
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::CaseForm(f)) if f.form.fault.as_ref().is_some_and(|(_, x)| *x == cellule::tui::form::Fault::NotADate)
    ));
    press(&mut app, "<Esc>");
    assert!(app.overlays.is_empty(), "Esc closes the form");
}

#[test]
fn an_invalid_edit_offers_to_edit_again_or_discard() {
    let mut app = app(Lang::Fr);
    assert_eq!(
        press(&mut app, "2E"),
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
    // Discarding loses work: no letter answers, only the arrows and Entrée.
    assert!(press(&mut app, "xedq").is_empty(), "no letter answers");
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::EditFailed { .. })
    ));
    assert_eq!(
        press(&mut app, "<Enter>"),
        vec![Effect::EditCase("49-2026-001".into())]
    );
    assert!(app.overlays.is_empty());
    app.edit_failed("49-2026-001", vec!["encore".into()]);
    assert_eq!(
        press(&mut app, "<Down><Enter>"),
        vec![Effect::DiscardCaseEdit("49-2026-001".into())]
    );
    assert!(app.overlays.is_empty());
    app.edit_failed("49-2026-001", vec!["encore".into()]);
    assert!(press(&mut app, "<Esc>").is_empty(), "Échap decides nothing");
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::EditFailed { .. })
    ));
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
    // The agenda, the three levels of the minutes, the actions by owner, the excerpts, then
    // the calendar file.
    assert!(requests.len() >= 6, "{requests:?}");
    assert!(matches!(requests[4], ExportRequest::Actions { .. }));
    let last = requests.len() - 1;
    assert!(
        requests[5..last]
            .iter()
            .all(|r| matches!(r, ExportRequest::Excerpt { .. })),
        "{requests:?}"
    );
    assert!(matches!(requests[last], ExportRequest::Calendar { .. }));
    // ←/→ choose the format: Word.
    let effects = press(&mut app, "<Down><Down><Right><Enter>");
    let partners = ExportRequest::Minutes {
        meeting: "2026-10-28-cpraf".into(),
        level: MinutesLevel::Partners,
        format: cellule::export::Format::Docx,
    };
    // The preview is made by the exporter at once, with nothing read or written.
    assert!(effects.is_empty(), "{effects:?}");
    let Some(Overlay::Preview { request, text, .. }) = app.overlays.last() else {
        panic!("the preview shows");
    };
    assert_eq!(request, &partners);
    assert!(text.contains("mercredi 28 octobre 2026"), "{text}");
    app.overlays.pop();
    // Control characters of the text are made harmless.
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
    assert!(effects.is_empty(), "{effects:?}");
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Preview { request, .. }) if *request == ExportRequest::Agenda {
            meeting: "2026-12-02-cpraf".into(),
            format: cellule::export::Format::Markdown,
        }
    ));
}

#[test]
fn a_meeting_not_yet_held_offers_its_agenda_only() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3");
    assert!(press(&mut app, "x").is_empty());
    let Some(Overlay::ExportMenu { requests, .. }) = app.overlays.last() else {
        panic!("the export menu opens");
    };
    // The agenda, and its calendar file.
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert!(matches!(
        requests[1],
        cellule::tui::ExportRequest::Calendar { .. }
    ));
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("une fois la réunion tenue"))
    );
}

#[test]
fn the_monthly_report_picks_a_month_a_body_and_a_format() {
    use cellule::tui::{ExportRequest, ReportFormat};
    let mut app = app(Lang::En);
    press(&mut app, "r");
    // Default: last month, first body, Markdown; go back one more month, next body, CSV.
    // Then the results obtained, typed in the last field (the arrows move in the text).
    let effects = press(
        &mut app,
        "<Left><Down><Right><Down><Right><Down>Two ends<Left><Left><Left><Left>happy <Enter>",
    );
    assert!(effects.is_empty(), "{effects:?}");
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Preview { request, text, .. }) if *request == ExportRequest::Monthly {
            month: day("2026-09-01"),
            body: "gtrdo".into(),
            format: ReportFormat::Csv,
            results: Some("Two happy ends".into()),
        } && text.contains("Two happy ends")
    ));
    press(&mut app, "<Esc>r<Esc>");
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

// ---- the key map everywhere: palette, help, footer ----

fn last_line(screen: &str) -> String {
    screen.lines().last().unwrap_or("").to_string()
}

#[test]
fn the_palette_runs_the_chosen_action_of_the_screen() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3<Enter>");
    assert_eq!(app.screen, Screen::Agenda);
    let before = app.agenda_meeting().unwrap().status;
    press(&mut app, ":");
    assert!(matches!(app.overlays.last(), Some(Overlay::Palette { .. })));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("convoquer"), "{screen}");
    // Letters filter (they are no commands here), accents and case aside.
    press(&mut app, "CONVQ");
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("convoquer"), "{screen}");
    assert!(!screen.contains("redescendre"), "{screen}");
    press(&mut app, "<Enter>");
    assert!(app.overlays.is_empty());
    assert_ne!(app.agenda_meeting().unwrap().status, before, "convened");
    // Ctrl-p opens it too; Échap closes it, nothing done.
    press(&mut app, "<Ctrl-p>");
    assert!(matches!(app.overlays.last(), Some(Overlay::Palette { .. })));
    press(&mut app, "<Esc>");
    assert!(app.overlays.is_empty());
}

#[test]
fn at_80_columns_every_main_action_of_a_screen_is_on_its_bottom_line() {
    use cellule::tui::Context;
    let mut app = app(Lang::Fr);
    for (keys, context) in [
        ("1", Context::Dashboard),
        ("2", Context::Situations),
        ("3", Context::Meetings),
        ("3<Enter>", Context::Agenda),
        ("1f", Context::Programme),
    ] {
        press(&mut app, keys);
        let line = last_line(&draw(&app, 80, 24));
        // The screen's main actions, named here so that a priority lowered in the table
        // shows: exporting from Réunions, creating and editing a case... (the séance's:
        // tests/tui/seance.rs)
        let main: &[&str] = match context {
            Context::Dashboard => &["Entrée ouvrir", "p problèmes", "r rapport mensuel"],
            Context::Situations => &["/ rechercher", "n créer", "e modifier"],
            Context::Meetings => &["Entrée ouvrir", "n créer", "m séance", "x exporter"],
            Context::Agenda => &["a sujet", "c situation", "x exporter", "m séance"],
            _ => &["Entrée ouvrir", "n créer", "d supprimer"],
        };
        for item in main {
            assert!(
                line.contains(item),
                "{context:?}: {item} missing from {line:?}"
            );
        }
        for (key, action, priority) in app.keymap.bar(context) {
            if priority == 1 && !app.idle_actions().contains(&action) {
                let label = cellule::tui::keymap::action_label_in(context, action, Lang::Fr);
                assert!(
                    line.contains(&format!("{} {label}", key.label(Lang::Fr))),
                    "{context:?}: {action:?} missing from {line:?}"
                );
            }
        }
        if context == Context::Agenda {
            assert!(line.contains(": commandes"), "{line}");
        }
        assert!(!line.contains("Enter ") && !line.contains("Esc "), "{line}");
    }
}

#[test]
fn rebinding_a_key_in_the_config_changes_the_footer_the_palette_and_the_help() {
    use cellule::tui::KeyOverride;
    let mut app = app(Lang::Fr);
    let o = |c: &str, k: &str, a: &str| KeyOverride {
        context: c.into(),
        key: k.into(),
        action: a.into(),
    };
    app.keymap
        .merge(
            &[
                o("agenda", "a", "none"),
                o("agenda", "F3", "add_topic"),
                o("text_entry", "Enter", "none"),
                o("text_entry", "Ctrl-o", "accept"),
            ],
            Lang::Fr,
        )
        .unwrap();
    press(&mut app, "3<Enter>");
    let footer = last_line(&draw(&app, 80, 24));
    assert!(footer.contains("F3 sujet"), "{footer}");
    assert!(!footer.contains(" a sujet"), "{footer}");
    // The palette.
    press(&mut app, ":sujet");
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("F3"), "{screen}");
    press(&mut app, "<Esc>");
    // The help, filtered.
    press(&mut app, "?sujet");
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("F3"), "{screen}");
    assert!(!screen.contains("  a "), "{screen}");
    press(&mut app, "<Esc>");
    // The new key works, the old one does nothing; the prompt's hint names the new key.
    press(&mut app, "a");
    assert!(app.overlays.is_empty());
    press(&mut app, "<F3>");
    assert!(matches!(app.overlays.last(), Some(Overlay::Prompt(_))));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Ctrl-o valider"), "{screen}");
    assert!(!screen.contains("Entrée valider"), "{screen}");
    let items = app.agenda_meeting().unwrap().items.len();
    press(&mut app, "Point divers<Enter>");
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Prompt(_))),
        "Entrée is text-free now"
    );
    press(&mut app, "<Ctrl-o>");
    assert!(app.overlays.is_empty());
    assert_eq!(app.agenda_meeting().unwrap().items.len(), items + 1);
}

#[test]
fn a_sentence_names_the_key_in_effect() {
    use cellule::tui::KeyOverride;
    let mut app = app(Lang::Fr);
    app.keymap
        .merge(
            &[
                KeyOverride {
                    context: "global".into(),
                    key: "F2".into(),
                    action: "none".into(),
                },
                KeyOverride {
                    context: "global".into(),
                    key: "F7".into(),
                    action: "toggle_names".into(),
                },
            ],
            Lang::Fr,
        )
        .unwrap();
    press(&mut app, "<F7>");
    let message = app.message.as_ref().unwrap().text.clone();
    assert!(message.contains("F7 pour les afficher"), "{message}");
}

#[test]
fn a_paste_is_one_edit_of_the_field_and_never_commands() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3<Enter>");
    let items = app.agenda_meeting().unwrap().items.len();
    // Outside a text field a paste does nothing: its letters are no commands.
    assert!(cellule::tui::paste(&mut app, "xqdd").is_empty());
    assert!(app.overlays.is_empty());
    assert_eq!(app.screen, Screen::Agenda);
    assert_eq!(app.agenda_meeting().unwrap().items.len(), items);
    press(&mut app, "a");
    let long = "Point \u{1b}[2J divers\nsuite ".repeat(2_000);
    assert!(cellule::tui::paste(&mut app, &long).is_empty());
    let Some(Overlay::Prompt(prompt)) = app.overlays.last() else {
        panic!("the prompt stays open");
    };
    assert_eq!(
        prompt.input.text().chars().count(),
        2_000 * 23,
        "Esc dropped"
    );
    assert!(!prompt.input.text().contains('\u{1b}'));
    assert!(!prompt.input.text().contains('\n'));
}

#[test]
fn f1_in_a_form_shows_the_keys_of_the_form_then_goes_back_to_it() {
    let mut app = app(Lang::Fr);
    press(&mut app, "2n");
    assert!(matches!(app.overlays.last(), Some(Overlay::CaseForm(_))));
    press(&mut app, "<F1>");
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Formulaire"), "{screen}");
    assert!(screen.contains("Entrée"), "{screen}");
    assert!(!screen.contains("│Tableau de bord"), "{screen}");
    press(&mut app, "<Esc>");
    assert!(matches!(app.overlays.last(), Some(Overlay::CaseForm(_))));
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

#[test]
fn the_meetings_details_are_edited_in_a_form_and_saved_at_once() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3<Enter>e");
    assert_eq!(app.context(), cellule::tui::keymap::Context::Form);
    // Moved two days later, at 9 h 30 for 1 h 30, in a room, a secretary chosen.
    press(
        &mut app,
        "<Ctrl-u>04/12/2026<Tab><Ctrl-u>9h30<Tab>1h30<Tab><Ctrl-u>Salle Lyautey<Tab><Tab><Right><Right><Tab>CPRAF-12",
    );
    let effects = press(&mut app, "<Enter>");
    let saves = saved(&effects);
    assert_eq!(saves.len(), 1, "one save for the whole form");
    let m = saves[0];
    assert_eq!(m.id, "2026-12-02-cpraf", "the id stays");
    assert_eq!(m.date, day("2026-12-04"));
    assert_eq!(m.details.rescheduled_from, Some(day("2026-12-02")));
    assert_eq!(m.start.format("%H:%M").to_string(), "09:30");
    assert_eq!(
        m.details.end.map(|e| e.format("%H:%M").to_string()),
        Some("11:00".into())
    );
    assert_eq!(m.place.as_deref(), Some("Salle Lyautey"));
    // The body's members come first: dircab is « aucun » + 1, parquet + 2.
    assert_eq!(m.details.secretary.as_deref(), Some("parquet"));
    assert_eq!(m.details.reference.as_deref(), Some("CPRAF-12"));
    assert!(app.agenda.details.form.is_none());
    // A time that cannot be read keeps the form open on its field.
    press(&mut app, "e<Tab><Ctrl-u>midi");
    assert!(press(&mut app, "<Enter>").is_empty());
    let form = app.agenda.details.form.as_ref().unwrap();
    assert_eq!(form.focus, 1);
    assert!(app.message.as_ref().is_some_and(|m| m.is_error));
    press(&mut app, "<Esc>");
    // Undo brings the first date back.
    let effects = press(&mut app, "u");
    assert_eq!(saved(&effects)[0].date, day("2026-12-02"));
}

#[test]
fn invitees_are_added_removed_and_kept_for_information() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3<Enter>");
    let before = app.agenda_meeting().unwrap().attendance.len();
    press(&mut app, "<Tab>");
    assert_eq!(app.context(), cellule::tui::keymap::Context::Invitees);
    // « pour information » on the second invitee.
    let effects = press(&mut app, "ji");
    assert!(saved(&effects)[0].attendance[1].for_information);
    assert_eq!(app.agenda_meeting().unwrap().expected().count(), before - 1);
    // Removed, then an outside guest with an e-mail (a bad one refused first).
    let effects = press(&mut app, "d");
    assert_eq!(saved(&effects)[0].attendance.len(), before - 1);
    press(
        &mut app,
        "+Jeanne Morel<Tab>Conseillère<Tab>Miviludes<Tab>jeanne",
    );
    assert!(press(&mut app, "<Enter>").is_empty());
    let effects = press(&mut app, "@example.invalid<Enter>");
    let guest = &saved(&effects)[0].guests[0];
    assert_eq!(guest.name, "Jeanne Morel");
    assert_eq!(guest.title.as_deref(), Some("Conseillère"));
    assert_eq!(guest.email.as_deref(), Some("jeanne@example.invalid"));
    // A member of the directory found by organisation.
    press(&mut app, "mparquet");
    let effects = press(&mut app, "<Enter>");
    let m = saved(&effects)[0];
    assert!(m.attendance.iter().any(|a| a.member == "parquet"));
    assert_eq!(m.attendance.len(), before);
    // Esc gives the keys back to the agenda.
    press(&mut app, "<Esc>");
    assert_eq!(app.context(), cellule::tui::keymap::Context::Agenda);
}

#[test]
fn a_meeting_is_cancelled_with_its_reason_and_a_draft_deleted_then_restored() {
    let mut app = app(Lang::Fr);
    press(&mut app, "3<Enter>");
    let effects = press(&mut app, "CPréfète retenue<Enter>");
    let m = saved(&effects)[0];
    assert_eq!(m.status, MeetingStatus::Cancelled);
    assert_eq!(m.details.cancel_reason.as_deref(), Some("Préfète retenue"));
    // A cancelled meeting is no longer edited.
    assert!(press(&mut app, "a").is_empty());
    assert!(app.overlays.is_empty(), "no topic prompt");
    assert!(press(&mut app, "e").is_empty());
    assert!(app.agenda.details.form.is_none(), "no form");
    press(&mut app, "u");
    assert_eq!(app.agenda_meeting().unwrap().status, MeetingStatus::Draft);

    // Deleting asks; « n » keeps it, « o » removes the file; undo writes it again.
    assert!(press(&mut app, "Dn").is_empty());
    assert!(app.agenda_meeting().is_some());
    let effects = press(&mut app, "Do");
    assert_eq!(
        effects,
        vec![Effect::DeleteMeeting("2026-12-02-cpraf".into())]
    );
    assert!(app.data.meeting("2026-12-02-cpraf").is_none());
    assert_eq!(app.screen, Screen::Meetings);
    let effects = press(&mut app, "u");
    assert_eq!(saved(&effects)[0].id, "2026-12-02-cpraf");
    // Only a draft is deleted.
    press(&mut app, "<Down><Enter>D");
    assert!(app.message.as_ref().is_some_and(|m| m.is_error));
}

#[test]
fn a_known_name_in_a_free_text_is_marked_and_replaced_by_the_label() {
    use cellule::tui::{ExportRequest, MinutesLevel};
    let mut app = app(Lang::Fr);
    // A case's full name typed in a decision text of the held meeting of 28 October.
    let mut m = app.data.meeting("2026-10-28-cpraf").unwrap().clone();
    m.items[1].decision_text = Some("Vu avec adam BERNARD et sa mère.".into());
    app.data.meetings.retain(|x| x.id != m.id);
    app.data.meetings.push(m);
    press(&mut app, "3j");
    // The partners minutes: refused, the name marked, the fix offered.
    assert!(press(&mut app, "x<Down><Down><Enter>").is_empty());
    let Some(Overlay::Preview { text, name, .. }) = app.overlays.last() else {
        panic!("the refusal shows");
    };
    assert!(name.is_some());
    assert!(
        text.contains("Vu avec ⟦adam BERNARD⟧ et sa mère."),
        "{text}"
    );
    assert!(text.contains("par le libellé « A.B. »"), "{text}");
    // w writes the fix into the meeting (saved at once), then the preview goes on.
    let effects = press(&mut app, "w");
    let [Effect::SaveMeeting(saved)] = &effects[..] else {
        panic!("the meeting is saved: {effects:?}");
    };
    assert_eq!(
        saved.items[1].decision_text.as_deref(),
        Some("Vu avec A.B. et sa mère.")
    );
    let Some(Overlay::Preview {
        request,
        text,
        name: None,
        ..
    }) = app.overlays.last()
    else {
        panic!("the preview shows");
    };
    assert!(matches!(
        request,
        ExportRequest::Minutes {
            level: MinutesLevel::Partners,
            ..
        }
    ));
    assert!(text.contains("Vu avec A.B. et sa mère."), "{text}");
    // Undone like every edit of a meeting.
    press(&mut app, "<Esc>");
    let effects = press(&mut app, "u");
    assert!(
        matches!(&effects[..], [Effect::SaveMeeting(m)]
            if m.items[1].decision_text.as_deref() == Some("Vu avec adam BERNARD et sa mère.")),
        "{effects:?}"
    );
}

#[test]
fn enter_on_a_problem_opens_its_file_at_its_line() {
    use cellule::tui::update::problem_at;
    let mut app = app(Lang::Fr);
    let effects = press(&mut app, "p<Enter>");
    assert_eq!(
        effects,
        vec![Effect::EditFile {
            rel: "cases/49-2026-008.yaml".into(),
            line: 4
        }]
    );
    // A line without a position opens nothing.
    assert_eq!(problem_at("49/department.yaml: illisible"), None);
    assert_eq!(
        problem_at("49/a:b.yaml:12:3: valeur « x » inconnue : a, b"),
        Some(("49/a:b.yaml".into(), 12))
    );
}
