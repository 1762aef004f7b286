//! What the lists keep: the cases the picker offers, the meetings of the Réunions screen
//! (filtered by its search), each ranked or filtered with [`fuzzy`].

use super::app::App;
use super::fuzzy;
use crate::domain::{Case, CurrentCase, Meeting};

impl App {
    /// The meetings of the body shown on the Réunions screen, newest first.
    pub fn body_meetings(&self) -> Vec<&Meeting> {
        let Some(body) = self.data.department.bodies.get(self.meetings.body) else {
            return Vec::new();
        };
        let query = self.meetings.search.text();
        let mut list: Vec<&Meeting> = (self.data.meetings_of(&body.id))
            .filter(|m| query.is_empty() || fuzzy::contains_all(query, &self.meeting_text(m)))
            .collect();
        list.sort_by(|a, b| b.chronological_key().cmp(&a.chronological_key()));
        list
    }

    /// The cases the picker offers: open cases of the body not on its agenda, best first.
    pub fn picker_matches(&self, query: &str) -> Vec<&Case> {
        let Some(meeting) = self.agenda_meeting() else {
            return Vec::new();
        };
        let mut scored: Vec<(u32, &Case)> = self
            .data
            .cases
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                c.body == meeting.body
                    && !meeting.has_case(&c.id)
                    && self.current(*i).is_some_and(CurrentCase::is_open)
            })
            .filter_map(|(_, c)| {
                let by_label = fuzzy::score(query, &c.label);
                let by_id = fuzzy::score(query, &c.id);
                by_label.max(by_id).map(|s| (s, c))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        scored.into_iter().map(|(_, c)| c).collect()
    }

    /// The actions of the programme shown (places in its list): those the search keeps.
    pub fn programme_rows(&self) -> Vec<usize> {
        let Some(p) = self.data.programme(self.programme.year) else {
            return Vec::new();
        };
        let query = self.programme.search.text();
        let lang = self.lang;
        let text = |a: &crate::domain::fipd::FundAction| {
            let category = crate::i18n::fipd::category(a.category, lang);
            let status = crate::i18n::fipd::status(a.status, lang);
            format!("{} {} {category} {status}", a.title, a.structure.name)
        };
        (p.actions.iter().enumerate())
            .filter(|(_, a)| query.is_empty() || fuzzy::contains_all(query, &text(a)))
            .map(|(i, _)| i)
            .collect()
    }

    /// The actions of the key map that do nothing in the state shown, left off the bottom
    /// line: `←`/`→` in a form with no list to choose from (a guest's form, the text or the
    /// due date of a séance's action), the editing keys of a séance opened to be read.
    pub fn idle_actions(&self) -> &'static [crate::tui::action::Action] {
        if self.overlays.is_empty() {
            self.idle_under_overlays()
        } else {
            &[]
        }
    }

    /// What does nothing on the screen under the overlays (the palette lists only what
    /// works there).
    fn idle_under_overlays(&self) -> &'static [crate::tui::action::Action] {
        use crate::tui::action::Action;
        const CHOICE: &[Action] = &[Action::ChoicePrev, Action::ChoiceNext];
        let form = (self.agenda.details.form.as_ref())
            .or(self.agenda.details.guest.as_ref())
            .filter(|_| self.screen == super::app::Screen::Agenda);
        if let Some(f) = form {
            return if f.has_choices() { &[] } else { CHOICE };
        }
        if self.screen != super::app::Screen::Seance {
            return &[];
        }
        seance_idle(self.seance.as_deref(), self.seance_meeting())
    }

    /// The command palette of the screen: what works there, matching `query`, best first.
    pub fn palette_commands(&self, query: &str) -> Vec<crate::tui::commands::Command> {
        let idle = self.idle_under_overlays();
        let mut commands = self
            .keymap
            .commands(self.screen.context(), self.lang, query);
        commands.retain(|c| !idle.contains(&c.action));
        commands
    }

    /// What the Réunions screen's search looks in: date, number, status, place.
    fn meeting_text(&self, m: &Meeting) -> String {
        format!(
            "{} {} {} {}",
            super::strings::date(m.date, self.lang),
            m.id,
            super::strings::meeting_status(m.status, self.lang),
            m.place.as_deref().unwrap_or("")
        )
    }
}

/// What does nothing in the séance as shown (see [`App::idle_actions`]).
fn seance_idle(
    st: Option<&super::seance::SeanceState>,
    meeting: Option<&Meeting>,
) -> &'static [crate::tui::action::Action] {
    use super::seance::{Editing, LockView};
    use crate::tui::action::Action;
    const CHOICE: &[Action] = &[Action::ChoicePrev, Action::ChoiceNext];
    // Read-only: nothing is edited; `r` resumes (or reopens) unless another instance holds it.
    const READING: [Action; 12] = [
        Action::Edit,
        Action::AddAction,
        Action::Delete,
        Action::CloseMeeting,
        Action::Pause,
        Action::AddCase,
        Action::AddTopic,
        Action::ChooseItemDown,
        Action::ChooseItemUp,
        Action::MoveUp,
        Action::MoveDown,
        Action::Postpone,
    ];
    const HELD_ELSEWHERE: [Action; 13] = join(READING, [Action::ResumeSeance]);
    // A séance going on: `r` has nothing to resume.
    const LIVE: &[Action] = &[Action::ResumeSeance];
    // No meeting chosen: none of the séance's keys.
    const NONE: [Action; 17] = join(
        [
            Action::NextItem,
            Action::PrevItem,
            Action::Attendance,
            Action::Export,
        ],
        HELD_ELSEWHERE,
    );
    let (Some(st), Some(m)) = (st, meeting) else {
        return &NONE;
    };
    if let Some(panel) = &st.attendance {
        // Read: the panel shows the attendance, nothing marks it.
        const MARKING: &[Action] = &[
            Action::Present,
            Action::Excused,
            Action::Absent,
            Action::Represented,
            Action::NoAnswer,
            Action::AddGuest,
            Action::AddMember,
            Action::RemoveGuest,
            Action::Undo,
            Action::Redo,
        ];
        if !st.live.is_editable(m) {
            return MARKING;
        }
        return if panel.guest.is_some() && panel.member.is_none() {
            CHOICE
        } else {
            &[]
        };
    }
    match &st.editing {
        // `←`/`→` choose the pilote only.
        Some(Editing::Action(form)) => return if form.field == 1 { &[] } else { CHOICE },
        // The type, or a known structure on the structure's field.
        Some(Editing::Referent(form)) => {
            let choices = form.field == 1 || (form.field == 0 && !form.known.is_empty());
            return if choices { &[] } else { CHOICE };
        }
        Some(Editing::Provider(form)) => return if form.known.is_empty() { CHOICE } else { &[] },
        _ => {}
    }
    // As `r` decides (see `ask_resume`): a meeting being read or closed, a lock free or ours.
    let resumable = (st.live.is_consulting() || st.live.is_closed(m))
        && matches!(st.lock, LockView::None | LockView::Ours);
    if st.live.is_editable(m) {
        LIVE
    } else if resumable {
        &READING
    } else {
        &HELD_ELSEWHERE
    }
}

/// The actions of `a` then those of `b` (`C` = `A + B`, checked when the constant is built).
const fn join<const A: usize, const B: usize, const C: usize>(
    a: [crate::tui::action::Action; A],
    b: [crate::tui::action::Action; B],
) -> [crate::tui::action::Action; C] {
    assert!(A + B == C);
    let mut out = [crate::tui::action::Action::ResumeSeance; C];
    let mut i = 0;
    while i < A {
        out[i] = a[i];
        i += 1;
    }
    while i < C {
        out[i] = b[i - A];
        i += 1;
    }
    out
}
