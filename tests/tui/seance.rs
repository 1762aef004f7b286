//! The séance driven by keys, without a terminal: opening (lock, start), attendance,
//! decisions, actions, earlier actions, texts, undo/redo, closing, conflicts; and
//! snapshots of the screen.

use crate::support::tui as tui_support;

use cellule::domain::{
    AttendanceStatus, ClosureReason, Decision, Item, Meeting, MeetingStatus, Member,
};
use cellule::i18n::Lang;
use cellule::store::lock::LockInfo;
use cellule::tui::app::{Overlay, Screen};
use cellule::tui::seance::{Ask, AttendancePanel, LockView, uninvited_members};
use cellule::tui::{App, Effect, LockOutcome, Persist, WorkError, apply_effects};
use chrono::{TimeZone, Utc};
use tui_support::*;

const ID: &str = "2026-11-30-cpraf";

/// A convened meeting on 30/11/2026: a topic, two cases, the open-actions review.
fn convened() -> Meeting {
    let mut m = fixture()
        .meetings
        .into_iter()
        .find(|m| m.id == "2026-12-02-cpraf")
        .unwrap();
    m.id = ID.into();
    m.date = day("2026-11-30");
    m.status = MeetingStatus::Convened;
    m.items = vec![
        Item::topic("Approbation du compte rendu du 28 octobre", Some(5)),
        Item::case("49-2026-001", Some(10)),
        Item::case("49-2026-002", Some(10)),
        Item::actions_review("Suivi des actions", Some(5)),
    ];
    m
}

/// The app on the day of the meeting.
fn seance_app(lang: Lang) -> App {
    let mut app = app(lang);
    app.today = day("2026-11-30");
    app.data.meetings.push(convened());
    app.agenda.meeting = Some(ID.into());
    app
}

/// A store in memory: records the files written, answers the lock as told.
#[derive(Default)]
struct Fake {
    saved: Vec<Meeting>,
    lock: Option<LockOutcome>,
    changed_on_disk: bool,
    on_disk: Option<Meeting>,
    released: Vec<String>,
    overwritten: usize,
}

impl Persist for Fake {
    fn save_meeting(&mut self, meeting: &Meeting) -> Result<(), WorkError> {
        self.saved.push(meeting.clone());
        Ok(())
    }
    fn delete_meeting(&mut self, _id: &str) -> Result<(), WorkError> {
        Ok(())
    }
    fn save_meeting_checked(&mut self, meeting: &Meeting) -> Result<(), WorkError> {
        if self.changed_on_disk {
            return Err(WorkError::Changed {
                path: format!("49/meetings/{}.yaml", meeting.id).into(),
            });
        }
        self.save_meeting(meeting)
    }
    fn reload_meeting(
        &mut self,
        _id: &str,
        _data: &cellule::domain::DeptData,
    ) -> Result<Meeting, WorkError> {
        self.changed_on_disk = false;
        self.on_disk.clone().ok_or(WorkError::Unavailable)
    }
    fn overwrite_meeting(&mut self, meeting: &Meeting) -> Result<(), WorkError> {
        self.changed_on_disk = false;
        self.overwritten += 1;
        self.save_meeting(meeting)
    }
    fn lock_meeting(&mut self, _id: &str) -> Result<LockOutcome, WorkError> {
        Ok(self.lock.clone().unwrap_or(LockOutcome::Acquired))
    }
    fn take_over_lock(&mut self, _id: &str, _seen: &LockInfo) -> Result<LockOutcome, WorkError> {
        Ok(LockOutcome::Acquired)
    }
    fn release_meeting(&mut self, id: &str) {
        self.released.push(id.to_string());
    }
}

/// Presses keys and carries out the effects on the fake store, as the runtime does.
fn run(app: &mut App, store: &mut Fake, keys: &str) {
    let effects = press(app, keys);
    let rest = apply_effects(app, store, effects);
    assert!(rest.is_empty(), "{rest:?}");
}

/// Presses keys one by one, carrying out the effects after each (like the runtime).
fn type_keys(app: &mut App, store: &mut Fake, keys: &str) {
    let mut rest = keys;
    while !rest.is_empty() {
        let len = if rest.starts_with('<') && rest.contains('>') {
            rest.find('>').unwrap() + 1
        } else {
            rest.chars().next().unwrap().len_utf8()
        };
        run(app, store, &rest[..len]);
        rest = &rest[len..];
    }
}

fn live(app: &App) -> &Meeting {
    app.seance_meeting().unwrap()
}

fn last_saved<'a>(store: &'a Fake, id: &str) -> &'a Meeting {
    store.saved.iter().rev().find(|m| m.id == id).unwrap()
}

/// Opens the séance from the meetings list and starts it.
fn started(lang: Lang) -> (App, Fake) {
    let mut app = seance_app(lang);
    let mut store = Fake::default();
    run(&mut app, &mut store, "5");
    assert_eq!(app.screen, Screen::Seance);
    assert_eq!(
        app.seance.as_ref().unwrap().ask,
        Some(Ask::Start { moves: false })
    );
    run(&mut app, &mut store, "<Enter>");
    // Past the roll call: on the first item.
    run(&mut app, &mut store, "n");
    (app, store)
}

#[test]
fn starting_asks_first_then_holds_the_meeting_and_writes_it() {
    let mut app = seance_app(Lang::Fr);
    let mut store = Fake::default();
    run(&mut app, &mut store, "5");
    assert_eq!(app.seance.as_ref().unwrap().lock, LockView::Ours);
    assert!(store.saved.is_empty(), "nothing written before the answer");
    // No letter answers (a stray `o` never starts a séance).
    run(&mut app, &mut store, "oyn");
    assert_eq!(
        app.seance.as_ref().unwrap().ask,
        Some(Ask::Start { moves: false })
    );
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("Ouvrir la séance ? Elle sera enregistrée le lundi 30 novembre"),
        "{screen}"
    );
    // Cancel: back to the meetings, lock released, nothing written.
    run(&mut app, &mut store, "<Down><Enter>");
    assert_eq!(app.screen, Screen::Meetings);
    assert!(app.seance.is_none());
    assert_eq!(store.released, vec![ID.to_string()]);
    assert!(store.saved.is_empty());
    // Open the séance: held, written at once.
    type_keys(&mut app, &mut store, "5<Enter>");
    assert_eq!(live(&app).status, MeetingStatus::Held);
    assert_eq!(last_saved(&store, ID).status, MeetingStatus::Held);
    assert_eq!(last_saved(&store, ID).date, day("2026-11-30"));
    // Opened again, a held meeting is only read: nothing asked, nothing counted.
    run(&mut app, &mut store, "1");
    assert_eq!(store.released.len(), 2);
    run(&mut app, &mut store, "5");
    let st = app.seance.as_ref().unwrap();
    assert_eq!(st.ask, None);
    assert!(st.live.is_consulting() && !st.ticking(app.seance_meeting().unwrap()));
}

#[test]
fn m_from_the_meetings_list_opens_the_selected_meeting() {
    let mut app = seance_app(Lang::Fr);
    let mut store = Fake::default();
    // The list is newest first: the draft of December, then our meeting.
    run(&mut app, &mut store, "3jm");
    assert_eq!(app.screen, Screen::Seance);
    assert_eq!(live(&app).id, ID);
}

#[test]
fn n_and_shift_n_move_through_the_agenda_and_progress_follows() {
    let (mut app, mut store) = started(Lang::Fr);
    let current = |app: &App| app.seance.as_ref().unwrap().live.current();
    run(&mut app, &mut store, "n");
    assert_eq!(current(&app), 1);
    run(&mut app, &mut store, "nnn");
    assert_eq!(current(&app), 3, "stays on the last item");
    run(&mut app, &mut store, "N");
    assert_eq!(current(&app), 2);
}

#[test]
fn attendance_marks_every_status_and_asks_who_represents() {
    let (mut app, mut store) = started(Lang::Fr);
    // dircab present, parquet excused, cd-ase represented, dasen absent.
    run(&mut app, &mut store, "ppe");
    run(&mut app, &mut store, "rMme Roux<Enter>");
    // `r` moves on to the next person, like the other statuses.
    run(&mut app, &mut store, "a");
    let m = live(&app);
    let status = |id: &str| {
        m.attendance
            .iter()
            .find(|a| a.member == id)
            .unwrap()
            .clone()
    };
    assert_eq!(status("dircab").status, AttendanceStatus::Present);
    assert_eq!(status("parquet").status, AttendanceStatus::Excused);
    assert_eq!(status("cd-ase").status, AttendanceStatus::Represented);
    assert_eq!(status("cd-ase").by.as_deref(), Some("Mme Roux"));
    assert_eq!(status("dasen").status, AttendanceStatus::Absent);
    // Asked again, « représenté par » offers the last answer; by nobody is refused.
    run(&mut app, &mut store, "r");
    let panel = app.seance.as_ref().unwrap().attendance.clone().unwrap();
    assert_eq!(
        panel.by.as_ref().map(|b| b.text().to_string()).as_deref(),
        Some("Mme Roux")
    );
    run(&mut app, &mut store, "<Ctrl-u><Enter>");
    let panel = app.seance.as_ref().unwrap().attendance.clone().unwrap();
    assert!(panel.error.is_some());
    run(&mut app, &mut store, "<Esc>");
    // A guest, present.
    run(&mut app, &mut store, "+Jeanne Morel<Tab>Miviludes<Enter>");
    let m = live(&app);
    assert_eq!(m.guests.len(), 1);
    assert_eq!(m.guests[0].organisation, "Miviludes");
    assert_eq!(m.guests[0].status, AttendanceStatus::Present);
    // Written at each change.
    assert_eq!(last_saved(&store, ID).guests.len(), 1);
    // A late arrival: dasen becomes present later.
    run(&mut app, &mut store, "<Esc>n");
    run(&mut app, &mut store, "pjjjp");
    let m = live(&app);
    assert_eq!(
        m.attendance
            .iter()
            .find(|a| a.member == "dasen")
            .unwrap()
            .status,
        AttendanceStatus::Present
    );
}

#[test]
fn a_guest_added_by_mistake_is_removed_but_invitees_stay() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "p+Jeanne Morel<Tab>Miviludes<Enter>");
    assert_eq!(live(&app).guests.len(), 1);
    // The selection is on the new guest.
    run(&mut app, &mut store, "d");
    assert!(live(&app).guests.is_empty());
    assert!(last_saved(&store, ID).guests.is_empty());
    // On an invitee, `d` does nothing.
    let invitees = live(&app).attendance.len();
    run(&mut app, &mut store, "<Home>d");
    assert_eq!(live(&app).attendance.len(), invitees);
}

#[test]
fn a_decision_with_text_review_date_and_an_action() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "n");
    // Decision kind: the list starts with "no decision", then the kinds in order.
    let continue_at = Decision::CPRAF
        .iter()
        .position(|d| *d == Decision::Continue)
        .unwrap()
        + 1;
    run(
        &mut app,
        &mut store,
        &format!("<Enter>{}<Enter>", "<Down>".repeat(continue_at)),
    );
    let item = &live(&app).items[1];
    assert_eq!(item.decision, Some(Decision::Continue));
    // Default next review: meeting date + the body's interval.
    let review = item.next_review.unwrap();
    assert!(review > day("2026-11-30"));
    // The text, on two lines; written once typing stops (Esc here).
    let saves = store.saved.len();
    run(
        &mut app,
        &mut store,
        "<Down><Enter>Maintien du suivi.<Enter>Point dans deux mois.",
    );
    assert_eq!(
        store.saved.len(),
        saves,
        "typing is not written at each key"
    );
    assert!(app.seance.as_ref().unwrap().typed);
    run(&mut app, &mut store, "<Esc>");
    assert_eq!(
        last_saved(&store, ID).items[1].decision_text.as_deref(),
        Some("Maintien du suivi.\nPoint dans deux mois.")
    );
    // The next review, typed in every accepted form.
    run(
        &mut app,
        &mut store,
        "<Down><Enter><Ctrl-u>15/01/2027<Enter>",
    );
    assert_eq!(live(&app).items[1].next_review, Some(day("2027-01-15")));
    run(&mut app, &mut store, "<Enter><Ctrl-u>+6w<Enter>");
    assert_eq!(live(&app).items[1].next_review, Some(day("2027-01-11")));
    run(&mut app, &mut store, "<Enter><Ctrl-u>2027-02-01<Enter>");
    assert_eq!(live(&app).items[1].next_review, Some(day("2027-02-01")));
    // A date that cannot be read, or before the meeting, is refused and said.
    run(&mut app, &mut store, "<Enter><Ctrl-u>demain matin<Enter>");
    assert!(app.seance.as_ref().unwrap().editing.is_some());
    run(
        &mut app,
        &mut store,
        "<Esc><Enter><Ctrl-u>01/11/2026<Enter>",
    );
    assert!(app.seance.as_ref().unwrap().editing.is_some());
    run(&mut app, &mut store, "<Esc>");
    assert_eq!(live(&app).items[1].next_review, Some(day("2027-02-01")));
    // An action: text, owner picked, due date.
    run(
        &mut app,
        &mut store,
        "aAppeler la famille<Tab><Right><Tab>15/12/2026<Enter>",
    );
    let action = &live(&app).items[1].actions[0];
    assert_eq!(action.text, "Appeler la famille");
    assert_eq!(action.due, Some(day("2026-12-15")));
    assert_ne!(action.owner, "");
    assert_eq!(last_saved(&store, ID).items[1].actions.len(), 1);
}

#[test]
fn a_closure_needs_its_reason_and_drops_the_review() {
    let (mut app, mut store) = started(Lang::En);
    run(&mut app, &mut store, "nn");
    let close_at = Decision::CPRAF
        .iter()
        .position(|d| *d == Decision::Close)
        .unwrap()
        + 1;
    run(
        &mut app,
        &mut store,
        &format!("<Enter>{}<Enter>", "<Down>".repeat(close_at)),
    );
    // The reason is asked before anything is written.
    assert!(live(&app).items[2].decision.is_none());
    let moved = ClosureReason::ALL
        .iter()
        .position(|r| *r == ClosureReason::Moved)
        .unwrap();
    run(
        &mut app,
        &mut store,
        &format!("{}<Enter>", "<Down>".repeat(moved)),
    );
    let item = &live(&app).items[2];
    assert_eq!(item.decision, Some(Decision::Close));
    assert_eq!(item.closure_reason, Some(ClosureReason::Moved));
    assert_eq!(item.next_review, None);
    assert_eq!(
        last_saved(&store, ID).items[2].decision,
        Some(Decision::Close)
    );
}

#[test]
fn earlier_actions_are_marked_done_in_their_own_meeting_and_undone() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "nnn");
    run(&mut app, &mut store, "<Enter>");
    let october = last_saved(&store, "2026-10-28-cpraf");
    assert_eq!(october.items[1].actions[0].done_on, Some(day("2026-11-30")));
    // Still listed, ticked, so that it can be taken back.
    run(&mut app, &mut store, "<Enter>");
    let october = last_saved(&store, "2026-10-28-cpraf");
    assert_eq!(october.items[1].actions[0].done_on, None);
    run(&mut app, &mut store, "u");
    let october = last_saved(&store, "2026-10-28-cpraf");
    assert_eq!(october.items[1].actions[0].done_on, Some(day("2026-11-30")));
    run(&mut app, &mut store, "<Ctrl-r>");
    let october = last_saved(&store, "2026-10-28-cpraf");
    assert_eq!(october.items[1].actions[0].done_on, None);
}

#[test]
fn undo_and_redo_cover_the_meeting_edits() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "<Enter>Adopté.<Esc>");
    assert_eq!(live(&app).items[0].notes.as_deref(), Some("Adopté."));
    run(&mut app, &mut store, "u");
    assert_eq!(live(&app).items[0].notes, None);
    assert_eq!(last_saved(&store, ID).items[0].notes, None);
    run(&mut app, &mut store, "<Ctrl-r>");
    assert_eq!(
        last_saved(&store, ID).items[0].notes.as_deref(),
        Some("Adopté.")
    );
}

#[test]
fn difficulties_and_next_meeting_are_editable_from_any_item() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "G<Enter><Ctrl-u>+4w<Enter>");
    assert_eq!(live(&app).next_meeting, Some(day("2026-12-28")));
    run(&mut app, &mut store, "k<Enter>Délais de l'ASE.<Esc>");
    assert_eq!(
        last_saved(&store, ID).difficulties.as_deref(),
        Some("Délais de l'ASE.")
    );
}

#[test]
fn closing_warns_about_undecided_cases_freezes_and_offers_the_export() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "c");
    assert_eq!(
        app.seance.as_ref().unwrap().ask,
        Some(Ask::Close {
            undecided: 2,
            nobody: true,
            quorum: None
        })
    );
    run(&mut app, &mut store, "n");
    assert_eq!(live(&app).status, MeetingStatus::Held);
    run(&mut app, &mut store, "co");
    assert_eq!(live(&app).status, MeetingStatus::Closed);
    assert_eq!(last_saved(&store, ID).status, MeetingStatus::Closed);
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::ExportMenu { .. })
    ));
    run(&mut app, &mut store, "<Esc>");
    // Read-only now.
    let saves = store.saved.len();
    run(&mut app, &mut store, "<Enter>");
    assert!(app.message.as_ref().unwrap().is_error);
    assert_eq!(store.saved.len(), saves);
}

/// A store whose meeting lock another user holds.
fn held_by_someone_else() -> Fake {
    Fake {
        lock: Some(LockOutcome::HeldBy(LockInfo {
            user: "mdupont".into(),
            host: "poste-12".into(),
            pid: 4242,
            since: Utc.with_ymd_and_hms(2026, 11, 25, 13, 2, 0).unwrap(),
        })),
        ..Fake::default()
    }
}

#[test]
fn a_meeting_held_by_someone_else_opens_read_only_and_names_them() {
    let mut app = seance_app(Lang::Fr);
    let mut store = held_by_someone_else();
    run(&mut app, &mut store, "5");
    let st = app.seance.as_ref().unwrap();
    assert!(st.live.is_read_only());
    assert_eq!(st.ask, None, "no start asked in read-only");
    let message = &app.message.as_ref().unwrap().text;
    assert!(
        message.contains("mdupont") && message.contains("poste-12"),
        "{message}"
    );
    assert!(message.contains("14 h 02"), "local time: {message}");
    run(&mut app, &mut store, "pp");
    assert!(store.saved.is_empty());
    run(&mut app, &mut store, "<Esc>q");
    assert!(store.released.is_empty(), "nothing to release");
}

#[test]
fn a_stale_lock_is_taken_over_after_confirmation() {
    let mut app = seance_app(Lang::Fr);
    let mut store = Fake {
        lock: Some(LockOutcome::Stale(LockInfo {
            user: "mdupont".into(),
            host: "poste-12".into(),
            pid: 4242,
            since: Utc.with_ymd_and_hms(2026, 11, 24, 22, 29, 0).unwrap(),
        })),
        ..Fake::default()
    };
    run(&mut app, &mut store, "5");
    assert!(matches!(
        app.seance.as_ref().unwrap().ask,
        Some(Ask::TakeOver(_))
    ));
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("reprendre la main"), "{screen}");
    assert!(screen.contains("Reprendre la main"), "{screen}");
    run(&mut app, &mut store, "oy");
    assert!(
        matches!(app.seance.as_ref().unwrap().ask, Some(Ask::TakeOver(_))),
        "no letter answers"
    );
    run(&mut app, &mut store, "<Enter>");
    assert_eq!(app.seance.as_ref().unwrap().lock, LockView::Ours);
    assert_eq!(
        app.seance.as_ref().unwrap().ask,
        Some(Ask::Start { moves: false })
    );
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten_silently() {
    let (mut app, mut store) = started(Lang::Fr);
    store.changed_on_disk = true;
    let mut theirs = live(&app).clone();
    theirs.place = Some("Sous-préfecture".into());
    store.on_disk = Some(theirs);
    run(&mut app, &mut store, "pp<Esc>");
    assert!(matches!(
        app.seance.as_ref().unwrap().ask,
        Some(Ask::Conflict { .. })
    ));
    // Letters never answer it (nor become commands): `r`, `k`, `x` do nothing.
    run(&mut app, &mut store, "rkx");
    assert!(app.overlays.is_empty(), "x did not open the export menu");
    assert!(matches!(
        app.seance.as_ref().unwrap().ask,
        Some(Ask::Conflict { .. })
    ));
    // Reload theirs: the change made here is dropped, theirs shown.
    run(&mut app, &mut store, "<Enter>");
    assert_eq!(live(&app).place.as_deref(), Some("Sous-préfecture"));
    assert_eq!(live(&app).attendance[0].status, AttendanceStatus::Invited);
    // Keep mine: written over theirs.
    store.changed_on_disk = true;
    type_keys(&mut app, &mut store, "pp<Esc><Down><Enter>");
    assert_eq!(store.overwritten, 1);
    assert_eq!(
        last_saved(&store, ID).attendance[0].status,
        AttendanceStatus::Present
    );
}

#[test]
fn a_conflict_met_while_typing_never_takes_a_letter_typed_in_the_flow() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "<Enter>Il a été");
    // The text is written when typing pauses (the runtime's flush): the file changed meanwhile.
    store.changed_on_disk = true;
    let effects = cellule::tui::update::seance_flush(&mut app);
    let rest = apply_effects(&mut app, &mut store, effects);
    assert!(rest.is_empty());
    // Typing goes on: the letters that used to answer (`r` reload, `k` keep) or become
    // commands (`x` export) go into the text, and nothing is asked yet.
    type_keys(&mut app, &mut store, " rkx");
    let st = app.seance.as_ref().unwrap();
    assert_eq!(st.ask, None, "no question while typing");
    assert!(st.editing.is_some(), "the field is still being edited");
    assert_eq!(live(&app).items[0].notes.as_deref(), Some("Il a été rkx"));
    assert!(app.overlays.is_empty());
    // Typing pauses: now the question is asked, nothing written.
    let effects = cellule::tui::update::seance_flush(&mut app);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(matches!(
        app.seance.as_ref().unwrap().ask,
        Some(Ask::Conflict { .. })
    ));
    // Letters still answer nothing and are no command either.
    type_keys(&mut app, &mut store, "rkxq<Esc>");
    assert!(matches!(
        app.seance.as_ref().unwrap().ask,
        Some(Ask::Conflict { .. })
    ));
    assert!(app.overlays.is_empty(), "no export menu");
    assert_eq!(app.screen, Screen::Seance);
    assert_eq!(store.overwritten, 0);
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Garder la mienne"), "{screen}");
    assert!(screen.contains("Entrée valider"), "{screen}");
    // A deliberate answer: ↓ then Entrée keeps mine, with everything typed.
    type_keys(&mut app, &mut store, "<Down><Enter>");
    assert_eq!(store.overwritten, 1);
    assert_eq!(app.seance.as_ref().unwrap().ask, None);
    assert_eq!(
        last_saved(&store, ID).items[0].notes.as_deref(),
        Some("Il a été rkx")
    );
}

#[test]
fn leaving_or_quitting_writes_what_was_typed_and_releases_the_lock() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "<Enter>En cours");
    let saves = store.saved.len();
    run(&mut app, &mut store, "<Ctrl-c>");
    assert!(!app.running);
    assert_eq!(store.saved.len(), saves + 1);
    assert_eq!(
        last_saved(&store, ID).items[0].notes.as_deref(),
        Some("En cours")
    );
    assert_eq!(store.released, vec![ID.to_string()]);
}

#[test]
fn time_counts_only_while_the_held_seance_is_shown() {
    let (mut app, _store) = started(Lang::Fr);
    assert!(cellule::tui::update::seance_tick(&mut app, 3));
    assert_eq!(live(&app).items[0].spent_seconds, Some(3));
    let effects = cellule::tui::update::seance_flush(&mut app);
    assert!(
        matches!(&effects[..], [Effect::SaveMeeting(m)] if m.items[0].spent_seconds == Some(3))
    );
    app.screen = Screen::Meetings;
    assert!(!cellule::tui::update::seance_tick(&mut app, 3));
}

#[test]
fn a_status_key_on_someone_represented_says_what_it_replaces_and_undo_restores_it() {
    let (mut app, mut store) = started(Lang::Fr);
    // dircab present, parquet represented; back on parquet's row, `p` replaces it.
    run(&mut app, &mut store, "pprCdt Martin<Enter>");
    assert_eq!(panel(&app).selected, 2);
    run(&mut app, &mut store, "k");
    run(&mut app, &mut store, "p");
    let note = panel(&app).note.unwrap_or_default();
    assert!(
        note.contains("« présent » remplace « représenté par Cdt Martin »")
            && note.contains("« u »"),
        "{note}"
    );
    let parquet = |app: &App| {
        live(app)
            .attendance
            .iter()
            .find(|a| a.member == "parquet")
            .map(|a| (a.status, a.by.clone()))
    };
    assert_eq!(parquet(&app), Some((AttendanceStatus::Present, None)));
    run(&mut app, &mut store, "u");
    assert_eq!(
        parquet(&app),
        Some((AttendanceStatus::Represented, Some("Cdt Martin".into())))
    );
    assert_eq!(
        last_saved(&store, ID)
            .attendance
            .iter()
            .find(|a| a.member == "parquet")
            .map(|a| a.status),
        Some(AttendanceStatus::Represented)
    );
}

// ---- members of the directory who were not invited ----

/// The séance of the convened meeting in a directory that also holds three members who
/// were not invited (the CPRAF's five are).
fn started_with_uninvited(lang: Lang) -> (App, Fake) {
    let mut app = seance_app(lang);
    let member = |id: &str, name: &str, organisation: &str| Member {
        id: id.into(),
        name: name.into(),
        title: None,
        organisation: organisation.into(),
        email: None,
    };
    app.data.department.members.extend([
        member("prefete", "Sophie Lemarchand", "Préfecture"),
        member("miviludes", "Hélène Vasseur-Brunet", "Miviludes"),
        member("adfi", "Bernard Cottenceau", "ADFI (réseau UNADFI)"),
    ]);
    let mut store = Fake::default();
    type_keys(&mut app, &mut store, "5<Enter>");
    assert_eq!(live(&app).status, MeetingStatus::Held);
    (app, store)
}

fn panel(app: &App) -> AttendancePanel {
    app.seance.as_ref().unwrap().attendance.clone().unwrap()
}

fn invitees(app: &App) -> Vec<String> {
    live(app)
        .attendance
        .iter()
        .map(|a| a.member.clone())
        .collect()
}

/// The rows drawn inside the member picker (its query line first), read off the screen.
fn picker_rows(app: &App, title: &str) -> Vec<String> {
    let screen = plain(app, 100, 30);
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let (top, left) = lines
        .iter()
        .enumerate()
        .find_map(|(y, l)| {
            let text: String = l.iter().collect();
            let x = text.find(&format!("┌ {title} "))?;
            Some((y, text[..x].chars().count()))
        })
        .unwrap_or_else(|| panic!("no picker on screen:\n{screen}"));
    let mut rows = Vec::new();
    for line in &lines[top + 1..] {
        if line.get(left) == Some(&'└') {
            break;
        }
        let row: String = line[left + 1..].iter().take_while(|c| **c != '│').collect();
        rows.push(row.trim_end().to_string());
    }
    rows
}

/// The members the picker lists, without the marks of the chosen row.
fn listed(app: &App) -> Vec<String> {
    picker_rows(app, "Ajouter un membre de l'annuaire")
        .into_iter()
        .skip(1)
        .filter(|r| r.contains(" — "))
        .map(|r| r.trim_start_matches(['›', ' ']).to_string())
        .collect()
}

#[test]
fn m_lists_only_the_directory_members_not_invited() {
    let (mut app, mut store) = started_with_uninvited(Lang::Fr);
    run(&mut app, &mut store, "pm");
    assert!(panel(&app).member.is_some());
    assert_eq!(
        listed(&app),
        vec![
            "Sophie Lemarchand — Préfecture",
            "Hélène Vasseur-Brunet — Miviludes",
            "Bernard Cottenceau — ADFI (réseau UNADFI)",
        ]
    );
    let members = &app.data.department.members;
    let ids: Vec<&str> = uninvited_members(members, live(&app), "")
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(ids, ["prefete", "miviludes", "adfi"]);
}

#[test]
fn enter_adds_the_member_present_writes_it_and_the_row_takes_statuses() {
    let (mut app, mut store) = started_with_uninvited(Lang::Fr);
    // A guest first: the member comes before the guests, with the invitees.
    run(
        &mut app,
        &mut store,
        "p+Jeanne Morel<Tab>Association<Enter>",
    );
    run(&mut app, &mut store, "m<Down>");
    let effects = press(&mut app, "<Enter>");
    let added = |m: &Meeting| {
        m.attendance
            .iter()
            .find(|a| a.member == "miviludes")
            .map(|a| (a.status, a.by.clone()))
    };
    assert!(
        matches!(&effects[..], [Effect::SaveMeeting(m)]
            if added(m) == Some((AttendanceStatus::Present, None))),
        "{effects:?}"
    );
    let rest = apply_effects(&mut app, &mut store, effects);
    assert!(rest.is_empty());
    assert_eq!(
        added(last_saved(&store, ID)),
        Some((AttendanceStatus::Present, None))
    );
    assert_eq!(
        invitees(&app),
        ["dircab", "parquet", "cd-ase", "dasen", "ars", "miviludes"]
    );
    assert_eq!(live(&app).guests.len(), 1);
    // The picker is closed, the new row selected and drawn with the invitees.
    let p = panel(&app);
    assert!(p.member.is_none());
    assert_eq!(p.selected, 5);
    let screen = draw(&app, 100, 30);
    assert!(
        screen.contains("› Hélène Vasseur-Brunet — Miviludes"),
        "{screen}"
    );
    // It takes statuses like the other invitees.
    run(&mut app, &mut store, "e");
    assert_eq!(added(live(&app)), Some((AttendanceStatus::Excused, None)));
    assert_eq!(live(&app).guests[0].status, AttendanceStatus::Present);
    run(&mut app, &mut store, "krCdt Martin<Enter>");
    assert_eq!(
        added(last_saved(&store, ID)),
        Some((AttendanceStatus::Represented, Some("Cdt Martin".into())))
    );
    // And it is no longer offered.
    run(&mut app, &mut store, "m");
    assert!(!listed(&app).iter().any(|r| r.contains("Vasseur-Brunet")));
}

#[test]
fn undo_takes_the_added_member_back_and_redo_brings_them_again() {
    let (mut app, mut store) = started_with_uninvited(Lang::Fr);
    run(&mut app, &mut store, "pm<Enter><Esc>");
    assert!(invitees(&app).contains(&"prefete".to_string()));
    run(&mut app, &mut store, "u");
    assert_eq!(invitees(&app).len(), 5);
    assert!(
        !last_saved(&store, ID)
            .attendance
            .iter()
            .any(|a| a.member == "prefete")
    );
    run(&mut app, &mut store, "<Ctrl-r>");
    assert_eq!(invitees(&app).last().map(String::as_str), Some("prefete"));
    assert_eq!(last_saved(&store, ID).attendance.len(), 6);
}

#[test]
fn typing_filters_by_name_organisation_or_id_case_and_accents_aside() {
    let (mut app, mut store) = started_with_uninvited(Lang::Fr);
    run(&mut app, &mut store, "pm");
    let only = |app: &App| listed(app);
    // A name, without its accents.
    run(&mut app, &mut store, "HELENE");
    assert_eq!(only(&app), ["Hélène Vasseur-Brunet — Miviludes"]);
    // An organisation, in lower case.
    run(&mut app, &mut store, "<Ctrl-u>unadfi");
    assert_eq!(only(&app), ["Bernard Cottenceau — ADFI (réseau UNADFI)"]);
    // An id; invited members of the same organisation stay out.
    run(&mut app, &mut store, "<Ctrl-u>prefete");
    assert_eq!(only(&app), ["Sophie Lemarchand — Préfecture"]);
    run(&mut app, &mut store, "<Ctrl-u>préfecture");
    assert_eq!(only(&app), ["Sophie Lemarchand — Préfecture"]);
    // Several words: each is looked for.
    run(&mut app, &mut store, "<Ctrl-u>bernard adfi");
    assert_eq!(only(&app), ["Bernard Cottenceau — ADFI (réseau UNADFI)"]);
    // Nothing kept: said, and Enter adds nobody.
    run(&mut app, &mut store, "<Ctrl-u>zzz");
    assert!(only(&app).is_empty());
    assert!(plain(&app, 100, 30).contains("Aucun membre ne correspond."));
    let saves = store.saved.len();
    run(&mut app, &mut store, "<Enter>");
    assert_eq!(store.saved.len(), saves);
    assert_eq!(invitees(&app).len(), 5);
    // Enter adds the member the filter kept, not the first of the directory.
    run(&mut app, &mut store, "<Ctrl-u>vasseur<Enter>");
    assert_eq!(invitees(&app).last().map(String::as_str), Some("miviludes"));
}

#[test]
fn esc_closes_the_picker_and_changes_nothing() {
    let (mut app, mut store) = started_with_uninvited(Lang::Fr);
    run(&mut app, &mut store, "p");
    let before = live(&app).clone();
    let saves = store.saved.len();
    let effects = press(&mut app, "mhel<Down><Esc>");
    assert!(effects.is_empty());
    let p = panel(&app);
    assert!(p.member.is_none(), "the picker is closed");
    assert_eq!(p.selected, 0);
    assert_eq!(live(&app), &before);
    assert_eq!(store.saved.len(), saves);
    // The panel is still there; a second Esc closes it.
    run(&mut app, &mut store, "<Esc>");
    assert!(app.seance.as_ref().unwrap().attendance.is_none());
}

#[test]
fn when_every_member_is_listed_m_says_so_instead_of_an_empty_picker() {
    for (lang, text) in [
        (
            Lang::Fr,
            "Tous les membres de l'annuaire figurent déjà dans la liste.",
        ),
        (
            Lang::En,
            "Every member of the directory is on the list already.",
        ),
    ] {
        // The fixture's meeting invites the whole directory.
        let (mut app, mut store) = started(lang);
        run(&mut app, &mut store, "pm");
        let p = panel(&app);
        assert!(p.member.is_none());
        assert_eq!(p.note.as_deref(), Some(text));
        let screen = plain(&app, 100, 30);
        assert!(screen.contains(text), "{screen}");
        // Gone at the next key.
        run(&mut app, &mut store, "j");
        assert_eq!(panel(&app).note, None);
    }
}

#[test]
fn a_read_only_seance_opens_no_member_picker() {
    let mut app = seance_app(Lang::Fr);
    app.data.department.members.push(Member {
        id: "prefete".into(),
        name: "Sophie Lemarchand".into(),
        title: None,
        organisation: "Préfecture".into(),
        email: None,
    });
    let mut store = held_by_someone_else();
    run(&mut app, &mut store, "5");
    assert!(app.seance.as_ref().unwrap().live.is_read_only());
    run(&mut app, &mut store, "pm");
    let p = panel(&app);
    assert!(p.member.is_none());
    assert!(p.error.is_some());
    assert!(store.saved.is_empty());
}

#[test]
fn in_projector_mode_the_picker_shows_members_as_the_panel_does() {
    let (mut app, mut store) = started_with_uninvited(Lang::Fr);
    run(&mut app, &mut store, "pm");
    let shown = listed(&app);
    run(&mut app, &mut store, "<Esc><Esc>");
    // Projector mode hides the names of the persons followed, not the professionals':
    // the panel names its invitees, and the picker the members it offers.
    run(&mut app, &mut store, "<F2>p");
    assert!(app.hide_names);
    let screen = plain(&app, 100, 30);
    assert!(screen.contains("Claire Fontaine — Préfecture"), "{screen}");
    run(&mut app, &mut store, "m");
    assert_eq!(listed(&app), shown);
}

#[test]
fn the_picker_shows_control_characters_of_the_directory_as_marks() {
    let (mut app, mut store) = started_with_uninvited(Lang::Fr);
    app.data.department.members.push(Member {
        id: "hostile".into(),
        name: "Eve\u{1b}[2J\u{202e}Mallory".into(),
        title: None,
        organisation: "Org\u{7}".into(),
        email: None,
    });
    run(&mut app, &mut store, "pmmallory");
    let screen = draw(&app, 100, 30);
    assert!(
        !screen.contains('\u{1b}') && !screen.contains('\u{202e}') && !screen.contains('\u{7}')
    );
    assert_eq!(listed(&app), ["Eve␛[2J⟨U+202E⟩Mallory — Org␇"]);
}

#[test]
fn snapshot_member_picker_80x24() {
    for lang in [Lang::Fr, Lang::En] {
        let (mut app, mut store) = started_with_uninvited(lang);
        run(&mut app, &mut store, "pm<Down>");
        app.seance.as_mut().unwrap().clock =
            Some(chrono::NaiveTime::from_hms_opt(14, 31, 0).unwrap());
        app.message = None;
        insta::assert_snapshot!(format!("seance_member_picker_{lang:?}"), draw(&app, 80, 24));
    }
}

// ---- snapshots ----

fn snapshot_app(lang: Lang) -> App {
    let (mut app, mut store) = started(lang);
    run(&mut app, &mut store, "pp<Esc>");
    cellule::tui::update::seance_tick(&mut app, 7 * 60 + 12);
    run(&mut app, &mut store, "n");
    cellule::tui::update::seance_tick(&mut app, 11 * 60);
    app.seance.as_mut().unwrap().clock = Some(chrono::NaiveTime::from_hms_opt(14, 48, 5).unwrap());
    app.message = None;
    app
}

#[test]
fn snapshot_seance_80x24() {
    for lang in [Lang::Fr, Lang::En] {
        let app = snapshot_app(lang);
        insta::assert_snapshot!(format!("seance_80x24_{lang:?}"), draw(&app, 80, 24));
    }
}

#[test]
fn snapshot_seance_140x40() {
    for lang in [Lang::Fr, Lang::En] {
        let app = snapshot_app(lang);
        insta::assert_snapshot!(format!("seance_140x40_{lang:?}"), draw(&app, 140, 40));
    }
}

#[test]
fn snapshot_attendance_panel() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = snapshot_app(lang);
        let mut store = Fake::default();
        run(&mut app, &mut store, "pjjrMme Roux<Enter>");
        insta::assert_snapshot!(format!("seance_attendance_{lang:?}"), draw(&app, 100, 30));
    }
}

#[test]
fn snapshot_decision_text_being_typed() {
    let mut app = snapshot_app(Lang::Fr);
    let mut store = Fake::default();
    run(
        &mut app,
        &mut store,
        "<Down><Enter>Maintien du suivi.<Enter>Revoir en janvier.",
    );
    insta::assert_snapshot!("seance_typing_Fr", draw(&app, 80, 24));
}

/// The capture of docs/seance.md is the séance as drawn today
/// (`UPDATE_DOCS=1 cargo test --test tui seance::` rewrites it).
#[test]
fn the_meeting_day_guide_shows_the_screen_as_drawn() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/seance.md");
    let doc = std::fs::read_to_string(path).expect("docs/seance.md");
    let (head, rest) = doc
        .split_once("<!-- capture:seance -->")
        .expect("capture marker");
    let (_, tail) = rest.split_once("<!-- /capture -->").expect("capture end");
    let app = snapshot_app(Lang::Fr);
    let expected = format!(
        "{head}<!-- capture:seance -->\n```text\n{}```\n<!-- /capture -->{tail}",
        plain(&app, 80, 24)
    );
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &expected).unwrap();
        return;
    }
    assert_eq!(
        doc, expected,
        "UPDATE_DOCS=1 cargo test --test tui seance::"
    );
}

#[test]
fn snapshot_review_of_open_actions_and_the_decision_list() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "nnn<Enter>");
    app.message = None;
    insta::assert_snapshot!("seance_actions_review_Fr", draw(&app, 100, 24));
    run(&mut app, &mut store, "N<Enter>");
    insta::assert_snapshot!("seance_decision_list_Fr", draw(&app, 100, 24));
    run(&mut app, &mut store, "<Esc>a");
    insta::assert_snapshot!("seance_action_form_Fr", draw(&app, 100, 24));
}

/// The card of a case in the séance names its special public (mesure 7 of the PNPR).
#[test]
fn the_case_card_names_a_minor_schooled_at_home() {
    let (mut app, mut store) = started(Lang::Fr);
    let case = app
        .data
        .cases
        .iter_mut()
        .find(|c| c.id == "49-2026-001")
        .unwrap();
    case.kind = cellule::domain::CaseKind::Person;
    case.birth_year = Some(2012);
    case.schooling = Some(cellule::domain::Schooling::Home);
    run(&mut app, &mut store, "n");
    let screen = plain(&app, 140, 40);
    assert!(screen.contains("⚑ mineur instruit en famille"), "{screen}");
}

/// The position of a decision in the séance's list (the CPRAF's, after « — »).
fn at(d: Decision) -> String {
    let n = Decision::CPRAF.iter().position(|x| *x == d).unwrap() + 1;
    "<Down>".repeat(n)
}

#[test]
fn a_change_of_referent_asks_the_new_one_and_clears_the_alert() {
    let (mut app, mut store) = started(Lang::Fr);
    let case = app
        .data
        .cases
        .iter_mut()
        .find(|c| c.id == "49-2026-001")
        .unwrap();
    case.referent = None;
    case.status = cellule::domain::CaseStatus::Followed;
    app.refresh();
    let no_referent = |app: &App| {
        app.alerts().iter().any(
            |a| matches!(a, cellule::domain::Alert::NoReferent { case } if case == "49-2026-001"),
        )
    };
    assert!(no_referent(&app));
    run(&mut app, &mut store, "n");
    run(
        &mut app,
        &mut store,
        &format!("<Enter>{}<Enter>", at(Decision::ChangeReferent)),
    );
    // The form of the new référent: the known structures offered, a new one typed, its
    // type and the person.
    let screen = plain(&app, 80, 24);
    assert!(screen.contains("Nouveau référent de parcours"), "{screen}");
    assert!(screen.contains("structures connues"), "{screen}");
    run(
        &mut app,
        &mut store,
        "Maison des adolescents<Tab><Right><Tab>Mme P.",
    );
    assert!(
        live(&app).items[1].referent.is_none(),
        "nothing written before Entrée"
    );
    run(&mut app, &mut store, "<Enter>");
    let r = last_saved(&store, ID).items[1].referent.clone().unwrap();
    assert_eq!(r.structure, "Maison des adolescents");
    assert_eq!(r.kind, cellule::domain::ReferentType::StateService);
    assert_eq!(r.person.as_deref(), Some("Mme P."));
    assert!(!no_referent(&app), "the alert clears");
    // The card shows the new référent.
    assert!(plain(&app, 120, 36).contains("Maison des adolescents"));
}

#[test]
fn a_first_decision_on_a_new_case_offers_the_follow_up_and_an_orientation_its_measure() {
    let (mut app, mut store) = started(Lang::Fr);
    let case = app
        .data
        .cases
        .iter_mut()
        .find(|c| c.id == "49-2026-001")
        .unwrap();
    case.status = cellule::domain::CaseStatus::Reported;
    let id = case.id.clone();
    app.data.meetings.retain(|m| !m.has_case(&id) || m.id == ID);
    app.refresh();
    run(&mut app, &mut store, "n");
    run(
        &mut app,
        &mut store,
        &format!("<Enter>{}<Enter>", at(Decision::Orient)),
    );
    assert!(plain(&app, 80, 24).contains("inscrire la situation au suivi"));
    run(&mut app, &mut store, "o");
    assert!(live(&app).items[1].follow);
    // Then the measure it orients to.
    assert!(plain(&app, 80, 24).contains("Prise en charge vers laquelle orienter"));
    let saves = store.saved.len();
    run(&mut app, &mut store, "<Down><Enter>");
    // Then its provider: the known ones come with `→` (the fixture's measures), or typed.
    assert!(plain(&app, 80, 24).contains("Prestataire de la prise en charge"));
    assert!(plain(&app, 80, 24).contains("prestataires connus (2)"));
    assert_eq!(
        store.saved.len(),
        saves,
        "nothing written before the provider"
    );
    run(&mut app, &mut store, "<Right>");
    assert!(plain(&app, 80, 24).contains("CMP d'Angers"));
    run(&mut app, &mut store, "<Right><Right>");
    for _ in 0.."CMP d'Angers".chars().count() {
        run(&mut app, &mut store, "<Backspace>");
    }
    type_keys(&mut app, &mut store, "Maison des adolescents");
    run(&mut app, &mut store, "<Enter>");
    let saved = last_saved(&store, ID);
    let measure = saved.items[1].measure.as_ref().unwrap();
    assert_eq!(measure.kind, cellule::domain::MeasureType::ALL[0]);
    assert_eq!(measure.provider.as_deref(), Some("Maison des adolescents"));
    let index = app.data.cases.iter().position(|c| c.id == id).unwrap();
    let current = app.current(index).unwrap();
    assert_eq!(current.status, cellule::domain::CaseStatus::Followed);
    assert_eq!(current.added_measures.len(), 1);
    assert_eq!(
        current.added_measures[0].provider.as_deref(),
        Some("Maison des adolescents")
    );
}

#[test]
fn a_decision_that_does_not_fit_the_case_is_refused_or_confirmed() {
    let (mut app, mut store) = started(Lang::Fr);
    let case = app
        .data
        .cases
        .iter_mut()
        .find(|c| c.id == "49-2026-001")
        .unwrap();
    case.kind = cellule::domain::CaseKind::Organisation;
    app.refresh();
    run(&mut app, &mut store, "n");
    run(
        &mut app,
        &mut store,
        &format!("<Enter>{}<Enter>", at(Decision::ChildProtection)),
    );
    assert!(live(&app).items[1].decision.is_none());
    let message = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(message.contains("pas une structure"), "{message}");
    run(&mut app, &mut store, "<Esc>");
    // An adult: asked, taken once confirmed.
    let case = app
        .data
        .cases
        .iter_mut()
        .find(|c| c.id == "49-2026-001")
        .unwrap();
    case.kind = cellule::domain::CaseKind::Person;
    case.birth_year = Some(1980);
    app.refresh();
    run(
        &mut app,
        &mut store,
        &format!("<Enter>{}<Enter>", at(Decision::ChildProtection)),
    );
    assert!(plain(&app, 80, 24).contains("la personne est majeure"));
    assert!(live(&app).items[1].decision.is_none());
    run(&mut app, &mut store, "o");
    assert_eq!(
        live(&app).items[1].decision,
        Some(Decision::ChildProtection)
    );
}

#[test]
fn closing_the_seance_takes_a_closed_case_off_the_next_draft() {
    let (mut app, mut store) = started(Lang::Fr);
    let mut next = convened();
    next.id = "2026-12-14-cpraf".into();
    next.date = day("2026-12-14");
    next.status = MeetingStatus::Draft;
    app.data.meetings.push(next);
    app.refresh();
    run(&mut app, &mut store, "n");
    run(
        &mut app,
        &mut store,
        &format!("<Enter>{}<Enter><Enter>", at(Decision::Close)),
    );
    assert_eq!(live(&app).items[1].decision, Some(Decision::Close));
    // 49-2026-002 reviewed, next review two months on: after the next draft.
    run(
        &mut app,
        &mut store,
        &format!("n<Enter>{}<Enter>", at(Decision::Continue)),
    );
    assert!(live(&app).items[2].next_review > Some(day("2026-12-14")));
    run(&mut app, &mut store, "c");
    run(&mut app, &mut store, "o");
    let draft = last_saved(&store, "2026-12-14-cpraf");
    assert!(!draft.has_case("49-2026-001"), "taken off");
    assert!(draft.has_case("49-2026-002"));
    let message = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(message.contains("retirée"), "{message}");
    assert!(
        message.contains("49-2026-002"),
        "named as flagged: {message}"
    );
    // The draft's agenda flags it; `d` takes it off.
    run(&mut app, &mut store, "<Esc><Esc>");
    app.agenda.meeting = Some("2026-12-14-cpraf".into());
    app.screen = Screen::Agenda;
    app.agenda.selected = app
        .data
        .meeting("2026-12-14-cpraf")
        .and_then(|m| {
            m.items
                .iter()
                .position(|i| i.case.as_deref() == Some("49-2026-002"))
        })
        .unwrap();
    let screen = plain(&app, 120, 36);
    assert!(screen.contains("⚑ examen prévu le"), "{screen}");
    run(&mut app, &mut store, "d");
    let draft = last_saved(&store, "2026-12-14-cpraf");
    assert!(!draft.has_case("49-2026-002"));
}

#[test]
fn snapshot_the_case_card_of_a_new_case() {
    let (mut app, mut store) = started(Lang::Fr);
    let case = app
        .data
        .cases
        .iter_mut()
        .find(|c| c.id == "49-2026-001")
        .unwrap();
    case.status = cellule::domain::CaseStatus::Reported;
    case.family_contacted_on = None;
    case.justice = cellule::domain::Justice::OpenEnvironment;
    case.schooling = Some(cellule::domain::Schooling::Public);
    app.refresh();
    run(&mut app, &mut store, "n");
    app.message = None;
    let screen = plain(&app, 120, 36);
    assert!(
        screen.contains("Famille contactée : pas encore"),
        "{screen}"
    );
    assert!(screen.contains("Justice : milieu ouvert"), "{screen}");
    assert!(
        screen.contains("Scolarité : établissement public"),
        "{screen}"
    );
    insta::assert_snapshot!("seance_card_new_case_120x36", draw(&app, 120, 36));
    insta::assert_snapshot!("seance_card_new_case_80x24", draw(&app, 80, 24));
}

/// A write of the interface that fails with `errno` (`store::inject`, on this thread): the
/// reason in French stays on screen, a private rescue copy is kept outside the data folder
/// at once, the file on disk is left as it was; once the cause is gone, a retry writes it
/// and both go. For a meeting, a new case and an export.
#[cfg(unix)]
#[test]
fn every_failed_write_is_kept_in_a_rescue_copy_marked_and_written_by_a_retry() {
    use cellule::store::inject;
    use cellule::tui::unsaved::marker;
    use cellule::workspace::Workspace;
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    for (errno, reason) in [
        (28, "plus de place sur le disque"),
        (13, "permission refusée"),
        (30, "système de fichiers en lecture seule"),
    ] {
        let holder = tempfile::TempDir::new().unwrap();
        let root = holder.path().join("donnees");
        copy_demo(&root);
        let loaded = cellule::store::load_root(&root).unwrap();
        let dept = loaded.dept("49").unwrap();
        let mut ws = Workspace::new(&root, dept);
        let state = holder.path().join("state");
        ws.set_rescue_folder(Some(state.clone()));
        let mut app = App::new(dept.data.clone(), Vec::new(), Lang::Fr, day("2026-12-14"));
        let mut meeting = dept.data.meeting("2026-12-14-cpraf").unwrap().clone();
        meeting.difficulties = Some("Texte tapé pendant la panne".into());
        let mut case = dept.data.cases[0].clone();
        case.id = "49-2026-901".into();
        let request = cellule::tui::ExportRequest::Minutes {
            meeting: "2026-11-16-cpraf".into(),
            level: cellule::export::Level::Internal,
            format: cellule::export::Format::Markdown,
        };
        let writes = [
            Effect::SaveMeeting(meeting.clone()),
            Effect::CreateCase(case.clone()),
            Effect::Export {
                request: request.clone(),
                commit: false,
            },
        ];
        let meeting_file = root.join("49/meetings/2026-12-14-cpraf.yaml");
        let before = std::fs::read(&meeting_file).unwrap();
        inject::fail_writes_with(errno);
        let rest = apply_effects(&mut app, &mut ws, writes.to_vec());
        inject::clear();
        assert!(rest.is_empty());
        assert_eq!(app.unsaved.pending.len(), 3, "errno {errno}");
        let line = marker(&app.unsaved, Lang::Fr).unwrap();
        assert!(line.starts_with("⚠ non enregistré : "), "{line}");
        assert!(line.contains(reason), "errno {errno}: {line}");
        assert!(line.contains("copie de secours gardée"), "{line}");
        assert_eq!(std::fs::read(&meeting_file).unwrap(), before);
        assert!(!root.join("49/cases/49-2026-901.yaml").exists());
        let copies: Vec<_> = std::fs::read_dir(state.clone())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(copies.len(), 3, "{copies:?}");
        assert_eq!(mode(&state), 0o700);
        for copy in &copies {
            assert_eq!(mode(copy), 0o600, "{copy:?}");
        }
        let kept = std::fs::read_to_string(state.join("meeting-2026-12-14-cpraf")).unwrap();
        assert!(kept.contains("Texte tapé pendant la panne"));
        // The cause is gone: the retry writes all three, the copies and the marker go.
        apply_effects(&mut app, &mut ws, vec![Effect::RetryUnsaved]);
        assert!(app.unsaved.pending.is_empty(), "{:?}", app.unsaved.pending);
        assert_eq!(marker(&app.unsaved, Lang::Fr), None);
        assert_eq!(std::fs::read_dir(&state).unwrap().count(), 0);
        let saved = std::fs::read_to_string(&meeting_file).unwrap();
        assert!(saved.contains("Texte tapé pendant la panne"));
        assert!(root.join("49/cases/49-2026-901.yaml").is_file());
        assert!(
            root.join("49/minutes/2026-11-16-cpraf.internal.md")
                .is_file()
        );
    }
}

/// A save of the case form that the system refuses (`store::inject`): the edit is not
/// taken back, a private rescue copy of the file as the form would have left it is kept at
/// once, the marker says why; a retry writes it once the cause is gone. Without a retry,
/// the next start finds the copy and restores it over the file it was made on, every other
/// line of the file kept.
#[cfg(unix)]
#[test]
fn a_failed_save_of_the_case_form_is_kept_marked_retried_and_restored() {
    use cellule::store::inject;
    use cellule::tui::unsaved::marker;
    use cellule::workspace::{Restored, Workspace};
    use std::os::unix::fs::PermissionsExt;
    const ID: &str = "49-2025-003";
    for retried in [true, false] {
        let holder = tempfile::TempDir::new().unwrap();
        let root = holder.path().join("donnees");
        copy_demo(&root);
        let loaded = cellule::store::load_root(&root).unwrap();
        let dept = loaded.dept("49").unwrap();
        let mut ws = Workspace::new(&root, dept);
        let state = holder.path().join("state");
        ws.set_rescue_folder(Some(state.clone()));
        let mut app = App::new(dept.data.clone(), Vec::new(), Lang::Fr, day("2026-12-14"));
        let file = root.join(format!("49/cases/{ID}.yaml"));
        let before = std::fs::read_to_string(&file).unwrap();
        let mut case = dept.data.cases.iter().find(|c| c.id == ID).unwrap().clone();
        case.label = "Y.B. (libellé saisi pendant la panne)".into();
        // The form shows its edit everywhere before the save is answered.
        app.case_edited(case.clone());
        inject::fail_writes_with(28);
        let rest = apply_effects(&mut app, &mut ws, vec![Effect::SaveCase(case.clone())]);
        inject::clear();
        assert!(rest.is_empty());
        assert_eq!(app.unsaved.pending.len(), 1, "{:?}", app.unsaved.pending);
        let line = marker(&app.unsaved, Lang::Fr).unwrap();
        assert!(line.starts_with("⚠ non enregistré : "), "{line}");
        assert!(line.contains("plus de place sur le disque"), "{line}");
        assert!(line.contains("nouvel essai automatique"), "{line}");
        assert!(line.contains("copie de secours gardée"), "{line}");
        let shown = app.data.cases.iter().find(|c| c.id == ID).unwrap();
        assert_eq!(shown.label, case.label, "the edit is not taken back");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
        let copy = state.join(format!("case-{ID}"));
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let kept = std::fs::read_to_string(&copy).unwrap();
        assert!(
            kept.contains("label: Y.B. (libellé saisi pendant la panne)"),
            "{kept}"
        );
        assert!(
            kept.contains("# Données fictives de démonstration"),
            "{kept}"
        );
        let expected = before.replace(
            "label: Y.B.\n",
            "label: Y.B. (libellé saisi pendant la panne)\n",
        );
        if retried {
            apply_effects(&mut app, &mut ws, vec![Effect::RetryUnsaved]);
            assert!(app.unsaved.pending.is_empty(), "{:?}", app.unsaved.pending);
            assert_eq!(marker(&app.unsaved, Lang::Fr), None);
            assert!(!copy.exists());
        } else {
            // The next start: another workspace on the same folders finds the copy.
            drop(ws);
            let loaded = cellule::store::load_root(&root).unwrap();
            let dept = loaded.dept("49").unwrap();
            let mut ws = Workspace::new(&root, dept);
            ws.set_rescue_folder(Some(state.clone()));
            let found = ws.rescued();
            assert_eq!(found.len(), 1);
            match ws.restore(&found[0], false, &dept.data) {
                Ok(Restored::Case(c)) => assert_eq!(c.label, case.label),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
    }
}

#[test]
fn a_closed_meeting_is_reopened_only_deliberately_and_the_day_is_recorded() {
    let mut app = seance_app(Lang::Fr);
    app.data.meetings.last_mut().unwrap().status = MeetingStatus::Closed;
    let mut store = Fake::default();
    run(&mut app, &mut store, "5");
    assert!(app.seance.as_ref().unwrap().live.is_consulting());
    assert_eq!(
        app.seance.as_ref().unwrap().lock,
        LockView::None,
        "no lock to read"
    );
    // Edits are refused; `r` asks, and no letter answers.
    run(&mut app, &mut store, "<Enter>");
    assert!(app.message.as_ref().unwrap().is_error);
    run(&mut app, &mut store, "r");
    assert_eq!(app.seance.as_ref().unwrap().ask, Some(Ask::Reopen));
    run(&mut app, &mut store, "oy");
    assert_eq!(app.seance.as_ref().unwrap().ask, Some(Ask::Reopen));
    assert!(store.saved.is_empty());
    run(&mut app, &mut store, "<Enter>");
    let m = last_saved(&store, ID);
    assert_eq!(m.status, MeetingStatus::Held);
    assert_eq!(m.reopened, vec![day("2026-11-30")]);
    assert_eq!(app.seance.as_ref().unwrap().lock, LockView::Ours);
    assert!(
        app.seance
            .as_ref()
            .unwrap()
            .live
            .is_editable(app.seance_meeting().unwrap())
    );
}

#[test]
fn changing_a_decision_taken_asks_first() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "n<Enter><Down><Enter>");
    assert_eq!(live(&app).items[1].decision, Some(Decision::CPRAF[0]));
    // Another kind: asked, `n` keeps the first.
    run(&mut app, &mut store, "<Enter><Down><Down><Enter>");
    assert!(matches!(
        app.seance.as_ref().unwrap().ask,
        Some(Ask::ChangeDecision { .. })
    ));
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("Remplacer la décision"), "{screen}");
    run(&mut app, &mut store, "n");
    assert_eq!(live(&app).items[1].decision, Some(Decision::CPRAF[0]));
    run(&mut app, &mut store, "<Enter><Down><Down><Enter>o");
    assert_eq!(live(&app).items[1].decision, Some(Decision::CPRAF[2]));
    assert_eq!(
        last_saved(&store, ID).items[1].decision,
        Some(Decision::CPRAF[2])
    );
}

#[test]
fn closing_numbers_the_decisions_after_those_of_the_body_and_year() {
    let (mut app, mut store) = started(Lang::Fr);
    // An earlier meeting of the CPRAF in 2026 numbered up to D004.
    if let Some(other) = app
        .data
        .meetings
        .iter_mut()
        .find(|m| m.id != ID && m.body == "cpraf")
    {
        other.items.push(Item {
            decision: Some(Decision::ALL[0]),
            number: Some("CPRAF-2026-D004".into()),
            ..Item::case("49-2026-003", None)
        });
    }
    run(&mut app, &mut store, "n<Enter><Down><Enter>");
    run(&mut app, &mut store, "co");
    let m = last_saved(&store, ID);
    assert_eq!(m.status, MeetingStatus::Closed);
    assert_eq!(m.items[1].number.as_deref(), Some("CPRAF-2026-D005"));
    assert_eq!(m.items[2].number, None, "no decision, no number");
}

#[test]
fn an_urgent_case_and_a_topic_are_added_during_the_seance_after_the_current_item() {
    let (mut app, mut store) = started(Lang::Fr);
    let before = live(&app).items.len();
    // On the first item: an urgent case, chosen in the picker, comes next.
    run(&mut app, &mut store, "C");
    assert!(matches!(app.overlays.last(), Some(Overlay::Picker(_))));
    run(&mut app, &mut store, "<Enter>");
    let m = last_saved(&store, ID);
    assert_eq!(m.items.len(), before + 1);
    let added = m.items[1].case.clone().expect("a case");
    assert!(!convened().has_case(&added), "a case not on the agenda yet");
    assert_eq!(app.seance.as_ref().unwrap().live.current(), 0);
    // « Questions diverses », offered as the title.
    run(&mut app, &mut store, "A<Enter>");
    assert_eq!(
        last_saved(&store, ID).items[1].title.as_deref(),
        Some("Questions diverses")
    );
    // Undone like any edit.
    run(&mut app, &mut store, "u");
    assert_eq!(live(&app).items[1].case.as_deref(), Some(added.as_str()));
}

#[test]
fn a_long_sentence_being_typed_wraps_and_stays_whole_on_screen() {
    let (mut app, mut store) = started(Lang::Fr);
    let text = "Maintien du suivi éducatif renforcé, point avec la famille en janvier, bilan scolaire attendu pour la prochaine cellule";
    run(&mut app, &mut store, "n");
    run(&mut app, &mut store, "<Down><Enter>");
    type_keys(&mut app, &mut store, text);
    for (cols, rows) in [(80, 24), (120, 36)] {
        let screen = draw(&app, cols, rows);
        assert!(
            screen.contains("Maintien du suivi") && screen.contains("prochaine cellule"),
            "{cols}×{rows}:\n{screen}"
        );
    }
}

/// A rescue copy restored at the next start goes through the hash check: a file changed
/// by a colleague meanwhile is not written over unless the user says so.
#[cfg(unix)]
#[test]
fn a_rescue_copy_is_restored_only_over_the_file_it_was_made_on() {
    use cellule::store::inject;
    use cellule::tui::unsaved::Question;
    use cellule::workspace::Workspace;
    let holder = tempfile::TempDir::new().unwrap();
    let root = holder.path().join("donnees");
    copy_demo(&root);
    let state = holder.path().join("state");
    let session = |root: &std::path::Path| {
        let loaded = cellule::store::load_root(root).unwrap();
        let dept = loaded.dept("49").unwrap();
        let mut ws = Workspace::new(root, dept);
        ws.set_rescue_folder(Some(state.clone()));
        let app = App::new(dept.data.clone(), Vec::new(), Lang::Fr, day("2026-12-14"));
        (app, ws)
    };
    let (mut app, mut ws) = session(&root);
    let mut mine = app.data.meeting("2026-12-14-cpraf").unwrap().clone();
    mine.difficulties = Some("Ma version".into());
    inject::fail_writes_with(28);
    apply_effects(&mut app, &mut ws, vec![Effect::SaveMeeting(mine.clone())]);
    inject::clear();
    drop((app, ws));
    // A colleague changes the file before the next start.
    let mut theirs = mine.clone();
    theirs.difficulties = None;
    theirs.place = Some("Salle du colleague".into());
    cellule::store::save_meeting(&root, "49", &theirs, cellule::store::Expect::Any).unwrap();
    let file = root.join("49/meetings/2026-12-14-cpraf.yaml");
    let on_disk = std::fs::read(&file).unwrap();
    let (mut app, mut ws) = session(&root);
    let found = ws.rescued();
    assert_eq!(found.len(), 1);
    cellule::tui::update::rescued_found(&mut app, found);
    assert_eq!(
        app.unsaved.question,
        Some(Question::Rescued {
            choice: 0,
            conflict: false
        })
    );
    // Restore: refused by the hash check, asked again with the conflict said.
    let effects = press(&mut app, "<Enter>");
    apply_effects(&mut app, &mut ws, effects);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        on_disk,
        "theirs not written over"
    );
    assert_eq!(
        app.unsaved.question,
        Some(Question::Rescued {
            choice: 0,
            conflict: true
        })
    );
    assert!(plain(&app, 80, 24).contains("modifié par ailleurs"));
    // Restore anyway, knowingly: mine is written, the copy goes.
    let effects = press(&mut app, "<Enter>");
    apply_effects(&mut app, &mut ws, effects);
    assert_eq!(app.unsaved.question, None);
    let m = cellule::store::load_root(&root).unwrap().depts[0]
        .data
        .meeting("2026-12-14-cpraf")
        .cloned()
        .unwrap();
    assert_eq!(m.difficulties.as_deref(), Some("Ma version"));
    assert_eq!(app.data.meeting("2026-12-14-cpraf"), Some(&m));
    assert!(ws.rescued().is_empty());
}

#[cfg(unix)]
fn copy_demo(to: &std::path::Path) {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                copy(&e.path(), &to.join(e.file_name()));
            } else {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    }
    copy(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo"),
        to,
    );
}

#[test]
fn closing_carries_what_was_not_discussed_onto_the_next_draft_and_says_so() {
    let (mut app, mut store) = started(Lang::Fr);
    // The first case decided; the second and the topic left.
    run(&mut app, &mut store, "n<Enter><Down><Enter>");
    run(&mut app, &mut store, "co");
    assert_eq!(last_saved(&store, ID).status, MeetingStatus::Closed);
    let next = store
        .saved
        .iter()
        .rev()
        .find(|m| m.id != ID && m.status == MeetingStatus::Draft)
        .expect("the next draft written")
        .clone();
    assert!(next.has_case("49-2026-002"), "{:?}", next.items);
    assert!(!next.has_case("49-2026-001"), "decided: not carried");
    assert!(
        next.items
            .iter()
            .any(|i| i.title.as_deref() == Some("Approbation du compte rendu du 28 octobre"))
    );
    let message = &app.message.as_ref().unwrap().text;
    assert!(message.starts_with("Reportés à la réunion du"), "{message}");
}

/// The quorum of the demo's CPRAF (the parquet and four organisations), not reached: at 80
/// columns it has its own line and reads whole, the attendance counts below it.
#[test]
fn snapshot_quorum_reads_whole_at_80_columns() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = seance_app(lang);
        app.data.department.bodies[0].quorum = Some(cellule::domain::Quorum {
            required: vec!["parquet".into()],
            min_organisations: 4,
        });
        let mut store = Fake::default();
        run(&mut app, &mut store, "5");
        run(&mut app, &mut store, "<Enter>");
        run(&mut app, &mut store, "n");
        app.seance.as_mut().unwrap().clock =
            Some(chrono::NaiveTime::from_hms_opt(14, 48, 5).unwrap());
        app.message = None;
        let screen = draw(&app, 80, 24);
        let missing = lang.pick("quorum non atteint", "quorum not reached");
        let line = screen
            .lines()
            .find(|l| l.to_lowercase().contains(missing))
            .unwrap_or_else(|| panic!("no quorum line:\n{screen}"));
        assert!(line.contains("Parquet d'Angers"), "{line}");
        assert!(
            line.trim_end_matches([' ', '"']).ends_with(')'),
            "cut: {line}"
        );
        assert!(screen.contains(lang.pick("Présences", "Attendance")));
        insta::assert_snapshot!(format!("seance_quorum_80x24_{lang:?}"), screen);
    }
}

/// The mouse in the séance: a click on an item of the agenda goes to it, a click on a field
/// of the current item puts the focus on it, a second click edits it (`Entrée`).
#[test]
fn a_click_goes_to_an_item_and_to_a_field() {
    use cellule::tui::hit::Pointer;
    use cellule::tui::update::mouse;
    let (mut app, mut store) = started(Lang::Fr);
    assert_eq!(app.seance.as_ref().unwrap().live.current(), 0);
    let (screen, hits) = drawn(&app, 80, 24);
    let y = screen
        .lines()
        .position(|l| l.contains("│· Famille C."))
        .unwrap() as u16;
    let effects = mouse(&mut app, &hits, Pointer::Click, 3, y);
    apply_effects(&mut app, &mut store, effects);
    assert_eq!(app.seance.as_ref().unwrap().live.current(), 2);
    let (screen, hits) = drawn(&app, 80, 24);
    let y = screen.lines().position(|l| l.contains("Notes")).unwrap() as u16;
    let x = screen
        .lines()
        .nth(y as usize)
        .unwrap()
        .find("Notes")
        .unwrap() as u16;
    mouse(&mut app, &hits, Pointer::Click, x, y);
    let st = app.seance.as_ref().unwrap();
    let earlier = app.seance_earlier().len();
    assert_eq!(
        st.fields(app.seance_meeting().unwrap(), earlier)[st.field],
        cellule::tui::seance::Field::Notes
    );
    assert!(st.editing.is_none());
    let (_, hits) = drawn(&app, 80, 24);
    mouse(&mut app, &hits, Pointer::Click, x, y);
    assert!(
        app.seance.as_ref().unwrap().editing.is_some(),
        "the second click edits"
    );
}

/// The mouse in the decision list: a click chooses a decision, a second click takes it;
/// the agenda under the list takes no click.
#[test]
fn a_click_in_the_decision_list_chooses_then_takes_the_decision() {
    use cellule::tui::hit::Pointer;
    use cellule::tui::update::mouse;
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "nn<Enter>");
    assert!(app.seance.as_ref().unwrap().editing.is_some());
    let (screen, hits) = drawn(&app, 100, 24);
    let y = screen
        .lines()
        .position(|l| l.contains("Poursuite du suivi"))
        .unwrap() as u16;
    let x = 25;
    // Under the list, the agenda's item 1: nothing.
    let before = app.seance.as_ref().unwrap().live.current();
    let effects = mouse(&mut app, &hits, Pointer::Click, 3, 9);
    assert!(effects.is_empty());
    assert_eq!(app.seance.as_ref().unwrap().live.current(), before);
    mouse(&mut app, &hits, Pointer::Click, x, y);
    assert!(
        app.seance.as_ref().unwrap().editing.is_some(),
        "only chosen"
    );
    let (_, hits) = drawn(&app, 100, 24);
    let effects = mouse(&mut app, &hits, Pointer::Click, x, y);
    apply_effects(&mut app, &mut store, effects);
    assert_eq!(
        live(&app).items[2].decision,
        Some(Decision::Continue),
        "the second click takes it"
    );
}

/// The agenda's first item approves the minutes of 28/10: the séance records « approuvé
/// avec modifications » on it, written at once and undone by `u`.
#[test]
fn the_approval_of_the_previous_minutes_is_recorded_in_the_seance() {
    let mut app = seance_app(Lang::Fr);
    let previous = app
        .data
        .meetings
        .iter()
        .find(|m| m.id == "2026-10-28-cpraf")
        .unwrap();
    assert!(previous.status.is_held());
    let m = app.data.meetings.iter_mut().find(|m| m.id == ID).unwrap();
    m.items[0].approves = Some("2026-10-28-cpraf".into());
    let mut store = Fake::default();
    run(&mut app, &mut store, "5");
    run(&mut app, &mut store, "<Enter>");
    run(&mut app, &mut store, "n");
    assert_eq!(app.seance.as_ref().unwrap().live.current(), 0);
    assert!(plain(&app, 80, 24).contains("pas encore décidé"));
    // The choice list: not decided, approuvé, approuvé avec modifications, ajourné.
    run(&mut app, &mut store, "<Enter>");
    assert!(plain(&app, 80, 24).contains("Approuvé avec modifications"));
    run(&mut app, &mut store, "<Down><Down><Enter>");
    assert_eq!(
        live(&app).items[0].approval,
        Some(cellule::domain::Approval::ApprovedWithChanges)
    );
    assert_eq!(
        last_saved(&store, ID).items[0].approval,
        Some(cellule::domain::Approval::ApprovedWithChanges)
    );
    run(&mut app, &mut store, "u");
    assert_eq!(live(&app).items[0].approval, None);
    run(&mut app, &mut store, "<Enter><Down><Down><Down><Enter>");
    assert_eq!(
        live(&app).items[0].approval,
        Some(cellule::domain::Approval::Adjourned)
    );
}

fn editing(app: &App) -> cellule::tui::seance::Editing {
    app.seance.as_ref().unwrap().editing.clone().unwrap()
}

#[test]
fn the_decision_list_filters_as_you_type_and_goes_to_its_ends() {
    use cellule::tui::seance::Editing;
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "nn<Enter>");
    let all = match editing(&app) {
        Editing::DecisionKind { .. } => Decision::CPRAF.len() + 1,
        other => panic!("{other:?}"),
    };
    run(&mut app, &mut store, "<End>");
    assert!(matches!(editing(&app), Editing::DecisionKind { selected, .. } if selected == all - 1));
    run(&mut app, &mut store, "<Home>");
    assert!(matches!(
        editing(&app),
        Editing::DecisionKind { selected: 0, .. }
    ));
    // Letters filter (`j`, `g` are letters here, not moves): only « Renvoi au GED » is kept.
    type_keys(&mut app, &mut store, "ged");
    let screen = plain(&app, 100, 24);
    assert!(screen.contains("› Renvoi au GED"), "{screen}");
    assert!(!screen.contains("Classement sans suite"), "{screen}");
    assert!(!screen.contains("Évaluation complémentaire"), "{screen}");
    // Nothing kept: nothing chosen.
    type_keys(&mut app, &mut store, "zz<Enter>");
    assert!(screen_has(&app, "Rien ne correspond"));
    assert_eq!(live(&app).items[2].decision, None);
    type_keys(&mut app, &mut store, "<Backspace><Backspace><Esc>");
    // « poursuite » keeps « Poursuite du suivi » alone; Entrée takes it.
    run(&mut app, &mut store, "<Enter>");
    type_keys(&mut app, &mut store, "poursuite<Enter>");
    assert_eq!(live(&app).items[2].decision, Some(Decision::Continue));
}

fn screen_has(app: &App, text: &str) -> bool {
    plain(app, 100, 24).contains(text)
}

#[test]
fn the_closure_reasons_filter_as_you_type() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "nn<Enter>");
    type_keys(&mut app, &mut store, "fin du<Enter>");
    assert!(screen_has(&app, "Motif de fin du suivi"));
    type_keys(&mut app, &mut store, "départ<Enter>");
    let item = &live(&app).items[2];
    assert_eq!(item.decision, Some(Decision::Close));
    assert_eq!(item.closure_reason, Some(ClosureReason::Moved));
}

#[test]
fn the_pilote_is_found_by_typing_and_shown_with_the_organisation() {
    use cellule::tui::seance::Editing;
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "nn");
    run(&mut app, &mut store, "a");
    type_keys(
        &mut app,
        &mut store,
        "Organiser une consultation au centre médico-psychologique d'Angers avant la réunion<Tab>ars",
    );
    let Editing::Action(form) = editing(&app) else {
        panic!("no action form");
    };
    let member = app.data.department.members[form.owner].clone();
    assert!(member.organisation.contains("ARS"), "{member:?}");
    let screen = plain(&app, 80, 24);
    assert!(
        screen.contains(&format!("{} — {}", member.name, member.organisation)),
        "{screen}"
    );
    // The long text wraps: its end is on screen, not scrolled out of view.
    assert!(screen.contains("avant la réunion"), "{screen}");
    insta::assert_snapshot!("seance_action_pilote_80x24", draw(&app, 80, 24));
    run(&mut app, &mut store, "<Enter>");
    let action = live(&app).items[2].actions.last().unwrap().clone();
    assert_eq!(action.owner, member.id);
}

#[test]
fn the_attendance_list_goes_to_its_ends() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "pG");
    let rows = live(&app).attendance.len() + live(&app).guests.len();
    assert_eq!(panel(&app).selected, rows - 1);
    run(&mut app, &mut store, "g");
    assert_eq!(panel(&app).selected, 0);
    run(&mut app, &mut store, "<End>");
    assert_eq!(panel(&app).selected, rows - 1);
    run(&mut app, &mut store, "<Home>");
    assert_eq!(panel(&app).selected, 0);
}

/// The bottom line of the screen at 80 columns.
fn bottom_line(app: &App) -> String {
    plain(app, 80, 24).lines().last().unwrap_or("").to_string()
}

#[test]
fn a_seance_being_read_offers_only_the_keys_that_work_there() {
    let (mut app, mut store) = started(Lang::Fr);
    let line = bottom_line(&app);
    assert!(
        line.contains("a action") && line.contains("c clore"),
        "{line}"
    );
    assert!(!line.contains("r reprendre"), "nothing to resume: {line}");
    // Opened again, the held meeting is read: no editing key, `r` to resume it.
    run(&mut app, &mut store, "15");
    assert!(app.seance.as_ref().unwrap().live.is_consulting());
    let line = bottom_line(&app);
    assert!(line.contains("n point suivant"), "{line}");
    assert!(line.contains("r reprendre/rouvrir"), "{line}");
    for editing in ["a action", "c clore", "Entrée modifier", "s suspendre"] {
        assert!(!line.contains(editing), "{editing} in {line}");
    }
    // The palette lists what works there too: resuming, not postponing nor pausing.
    let palette: Vec<_> = app
        .palette_commands("")
        .into_iter()
        .map(|c| c.action)
        .collect();
    assert!(palette.contains(&cellule::tui::action::Action::ResumeSeance));
    assert!(palette.contains(&cellule::tui::action::Action::NextItem));
    for idle in [
        cellule::tui::action::Action::Postpone,
        cellule::tui::action::Action::Pause,
        cellule::tui::action::Action::AddAction,
        cellule::tui::action::Action::CloseMeeting,
    ] {
        assert!(!palette.contains(&idle), "{idle:?} in the palette");
    }
    run(&mut app, &mut store, ":");
    assert!(!plain(&app, 80, 24).contains("reporter à la prochaine"));
    run(&mut app, &mut store, "<Esc>");
    // The attendance panel shows who came; its marking keys are not offered.
    run(&mut app, &mut store, "p");
    assert!(app.seance.as_ref().unwrap().attendance.is_some());
    let line = bottom_line(&app);
    assert!(
        app.idle_actions()
            .contains(&cellule::tui::action::Action::Present),
        "{line}"
    );
    for marking in ["p présent", "e excusé", "a absent"] {
        assert!(!line.contains(marking), "{marking} in {line}");
    }
    run(&mut app, &mut store, "<Esc>");
    // Another instance holds the meeting: not even `r`.
    let mut app = seance_app(Lang::Fr);
    let mut store = held_by_someone_else();
    run(&mut app, &mut store, "5");
    let line = bottom_line(&app);
    assert!(line.contains("n point suivant"), "{line}");
    for editing in ["a action", "c clore", "r reprendre"] {
        assert!(!line.contains(editing), "{editing} in {line}");
    }
}

#[test]
fn the_action_form_promises_left_and_right_on_the_pilote_only() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "nna");
    type_keys(&mut app, &mut store, "Appeler la famille");
    let screen = plain(&app, 80, 24);
    assert!(!screen.contains("←/→"), "text field: {screen}");
    run(&mut app, &mut store, "<Tab>");
    let screen = plain(&app, 80, 24);
    assert!(screen.contains("· ←/→ choix ·"), "pilote: {screen}");
    assert!(bottom_line(&app).contains("←/→ choix"), "pilote: {screen}");
    run(&mut app, &mut store, "<Tab>");
    let screen = plain(&app, 80, 24);
    assert!(!screen.contains("←/→"), "due date: {screen}");
}

#[test]
fn the_agenda_pane_lists_the_items_postponed_muted_with_their_day() {
    let (mut app, mut store) = started(Lang::Fr);
    run(&mut app, &mut store, "nR");
    let m = live(&app);
    assert_eq!(m.postponed.len(), 1, "{:?}", app.message);
    let to = app
        .data
        .meetings
        .iter()
        .find(|x| x.id == m.postponed[0].to)
        .unwrap()
        .date
        .format("%d/%m")
        .to_string();
    let screen = plain(&app, 100, 30);
    let line = screen
        .lines()
        .find(|l| l.contains('↷'))
        .unwrap_or_else(|| panic!("no postponed line: {screen}"));
    assert!(line.contains(&format!("reporté au {to}")), "{line}");
    assert!(line.contains("↷ A.B"), "{line}");
}
