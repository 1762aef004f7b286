//! Files changed on disk by someone else, put into the screens without a key being
//! pressed: the runtime's worker asks the port for them (`Persist::disk_changes`: only the
//! changed files are read) and gives them here. A meeting whose séance is open here goes
//! through the séance's conflict (the question of a refused save); a file that became
//! invalid goes to the problems list, the screens keeping what they showed.

use super::app::{App, Screen};
use super::strings;
use super::update::{meeting_reloaded, save_conflict};
use crate::workspace::DiskChange;
use std::time::Duration;

/// How often the interface looks for changes told by the watcher while nothing else wakes
/// it (the watcher itself notices at once, or every 2 s on a network share).
pub const LOOK_EVERY: Duration = Duration::from_secs(1);

/// The wait of the event loop, shortened to [`LOOK_EVERY`] while files are watched.
pub fn wait(timeout: Option<Duration>, watching: bool) -> Option<Duration> {
    if !watching {
        return timeout;
    }
    Some(timeout.map_or(LOOK_EVERY, |t| t.min(LOOK_EVERY)))
}

/// After the user edited the file of a problem: read again alone, validated, and said so
/// (the problems list then holds what is left).
pub fn rechecked(app: &mut App, rel: &str, changes: Vec<DiskChange>) {
    let still = changes
        .iter()
        .any(|c| matches!(c, DiskChange::Invalid { .. } | DiskChange::Other { .. }));
    apply(app, changes);
    if !still {
        let head = format!("{}:", crate::text::visible(rel));
        let left = app.problems.iter().filter(|p| p.starts_with(&head)).count();
        app.info(strings::rechecked(rel, left, app.lang));
    }
}

/// Puts the changes read from disk into the app's data and says so.
pub fn apply(app: &mut App, changes: Vec<DiskChange>) {
    let lang = app.lang;
    let code = app.data.code().to_string();
    let selected_case = app
        .visible_cases()
        .get(app.situations.selected)
        .map(|&i| app.data.cases[i].id.clone());
    let mut read = Vec::new();
    let mut notice: Option<String> = None;
    let mut error: Option<String> = None;
    for change in changes {
        match change {
            DiskChange::Case(case) => {
                let rel = format!("{code}/cases/{}.yaml", case.id);
                forget_problems(app, &rel);
                match app.data.cases.iter_mut().find(|c| c.id == case.id) {
                    Some(slot) => *slot = *case,
                    None => {
                        app.data.cases.push(*case);
                        app.data.cases.sort_by(|a, b| a.id.cmp(&b.id));
                    }
                }
                read.push(rel);
            }
            DiskChange::CaseRemoved(id) => {
                let rel = format!("{code}/cases/{id}.yaml");
                forget_problems(app, &rel);
                app.data.cases.retain(|c| c.id != id);
                read.push(rel);
            }
            DiskChange::Meeting(meeting) => {
                let rel = format!("{code}/meetings/{}.yaml", meeting.id);
                forget_problems(app, &rel);
                let in_seance = app
                    .seance
                    .as_ref()
                    .is_some_and(|st| st.live.id() == meeting.id);
                if in_seance {
                    // A séance shown read-only (someone else holds the meeting) follows.
                    meeting_reloaded(app, *meeting);
                } else {
                    match app.data.meetings.iter_mut().find(|m| m.id == meeting.id) {
                        Some(slot) => *slot = *meeting,
                        None => app.data.meetings.push(*meeting),
                    }
                    app.data
                        .meetings
                        .sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
                }
                read.push(rel);
            }
            DiskChange::MeetingRemoved(id) => {
                let rel = format!("{code}/meetings/{id}.yaml");
                forget_problems(app, &rel);
                let in_seance = app.seance.as_ref().is_some_and(|st| st.live.id() == id);
                if !in_seance {
                    app.data.meetings.retain(|m| m.id != id);
                    if app.agenda.meeting.as_deref() == Some(id.as_str()) {
                        app.agenda.meeting = None;
                        if app.screen == Screen::Agenda {
                            app.screen = Screen::Meetings;
                        }
                    }
                }
                read.push(rel);
            }
            DiskChange::SeanceMeeting(id) => save_conflict(app, &id),
            DiskChange::Invalid { rel, problems } => {
                forget_problems(app, &rel);
                app.problems.extend(
                    problems
                        .iter()
                        .map(|p| crate::text::visible(&p.render(lang)).into_owned()),
                );
                error = Some(strings::changed_invalid(&rel, lang));
            }
            DiskChange::Other { rel } => notice = Some(strings::changed_other(&rel, lang)),
        }
    }
    app.refresh();
    keep_selection(app, selected_case.as_deref());
    let conflict = app.seance.as_ref().is_some_and(|st| st.ask.is_some());
    if let Some(text) = error {
        app.error(text);
    } else if let Some(text) = notice {
        app.info(text);
    } else if !read.is_empty() && !conflict {
        app.info(strings::changed_elsewhere(&read, lang));
    }
}

/// The problems listed for a file are dropped when it is read again.
fn forget_problems(app: &mut App, rel: &str) {
    let head = format!("{}:", crate::text::visible(rel));
    app.problems.retain(|line| !line.starts_with(&head));
    app.notices.retain(|line| !line.starts_with(&head));
}

/// The case list stays on the case it was on (or the nearest row if it went away).
fn keep_selection(app: &mut App, id: Option<&str>) {
    let visible = app.visible_cases();
    if let Some(p) = id.and_then(|id| visible.iter().position(|&i| app.data.cases[i].id == id)) {
        app.situations.selected = p;
    } else {
        app.situations.selected = app.situations.selected.min(visible.len().saturating_sub(1));
    }
    if let Some(m) = app.agenda.meeting.as_deref()
        && let Some(meeting) = app.data.meetings.iter().find(|x| x.id == m)
    {
        app.agenda.selected = app
            .agenda
            .selected
            .min(meeting.items.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::MeetingStatus;
    use crate::domain::testing::{body, case, day, meeting, paris};
    use crate::i18n::Lang;
    use crate::store::Problem;

    fn app() -> App {
        let mut data = paris(vec![body("cpraf", 28, &[])]);
        data.department.code = "49".into();
        data.department.name = "Maine-et-Loire".into();
        data.cases = vec![case("49-2026-001", "cpraf"), case("49-2026-002", "cpraf")];
        data.meetings = vec![meeting(
            "2026-12-14-cpraf",
            "cpraf",
            "2026-12-14",
            MeetingStatus::Draft,
        )];
        data.cases[1].label = "B.B.".into();
        App::new(data, Vec::new(), Lang::Fr, day("2026-11-25"))
    }

    #[test]
    fn a_case_changed_elsewhere_replaces_the_shown_one_and_the_selection_stays() {
        let mut app = app();
        app.situations.selected = 1;
        let mut theirs = app.data.cases[1].clone();
        theirs.label = "B.B. (par un collègue)".into();
        apply(&mut app, vec![DiskChange::Case(Box::new(theirs))]);
        assert_eq!(app.data.cases[1].label, "B.B. (par un collègue)");
        assert_eq!(app.situations.selected, 1);
        let message = app.message.as_ref().unwrap();
        assert!(!message.is_error);
        assert!(
            message.text.contains("49/cases/49-2026-002.yaml"),
            "{}",
            message.text
        );
    }

    #[test]
    fn an_invalid_file_lists_its_problems_until_it_reads_well_again() {
        let mut app = app();
        let rel = "49/cases/49-2026-001.yaml".to_string();
        let problem = Problem::whole(rel.clone(), crate::i18n::Msg::NotUtf8);
        apply(
            &mut app,
            vec![DiskChange::Invalid {
                rel: rel.clone(),
                problems: vec![problem],
            }],
        );
        assert_eq!(app.problems.len(), 1, "{:?}", app.problems);
        assert!(app.problems[0].starts_with(&rel));
        assert!(app.message.as_ref().unwrap().is_error);
        // The case is still shown as it was.
        assert_eq!(app.data.cases.len(), 2);
        let again = app.data.cases[0].clone();
        apply(&mut app, vec![DiskChange::Case(Box::new(again))]);
        assert!(app.problems.is_empty(), "{:?}", app.problems);
    }

    #[test]
    fn removed_and_added_files_leave_and_join_the_lists() {
        let mut app = app();
        let added = meeting(
            "2026-10-01-cpraf",
            "cpraf",
            "2026-10-01",
            MeetingStatus::Held,
        );
        apply(
            &mut app,
            vec![
                DiskChange::CaseRemoved("49-2026-001".into()),
                DiskChange::Meeting(Box::new(added)),
            ],
        );
        assert_eq!(app.data.cases.len(), 1);
        let ids: Vec<&str> = app.data.meetings.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(
            ids,
            ["2026-10-01-cpraf", "2026-12-14-cpraf"],
            "kept in date order"
        );
        assert!(app.message.as_ref().unwrap().text.contains("2 fichiers"));
    }

    #[test]
    fn the_loop_looks_every_second_only_while_files_are_watched() {
        assert_eq!(wait(None, false), None);
        assert_eq!(wait(None, true), Some(LOOK_EVERY));
        let short = Duration::from_millis(200);
        assert_eq!(wait(Some(short), true), Some(short));
        assert_eq!(wait(Some(Duration::from_secs(5)), true), Some(LOOK_EVERY));
    }
}
