//! The state of the interface: one owner, changed only by `update`, read by the screens.

use super::export::{ExportRequest, ReportFormat};
use super::fuzzy;
use super::input::LineInput;
use super::keymap::{Context, Keymap};
use super::theme::Theme;
use crate::domain::{
    Alert, AlertKind, Case, CaseKind, CaseStatus, CurrentCase, DeptData, Meeting,
    alerts_with_problems, current_states,
};
use crate::i18n::Lang;
use chrono::NaiveDate;

/// The screens, numbered as the keys `1`..`5` reach them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Dashboard,
    Situations,
    Meetings,
    Agenda,
    /// The live meeting (séance): its place is kept, the screen is built separately.
    Seance,
    /// The FIPD programme of a year.
    Programme,
}

impl Screen {
    pub const ALL: &'static [Screen] = &[
        Screen::Dashboard,
        Screen::Situations,
        Screen::Meetings,
        Screen::Agenda,
        Screen::Seance,
    ];

    /// The key-map context of the screen.
    pub fn context(self) -> Context {
        match self {
            Screen::Dashboard => Context::Dashboard,
            Screen::Situations => Context::Situations,
            Screen::Meetings => Context::Meetings,
            Screen::Agenda => Context::Agenda,
            Screen::Seance => Context::Seance,
            Screen::Programme => Context::Programme,
        }
    }

    /// Where `q` or `Esc` goes from this screen (`None`: from home, quit).
    pub fn back(self) -> Option<Screen> {
        match self {
            Screen::Dashboard => None,
            Screen::Agenda | Screen::Seance => Some(Screen::Meetings),
            Screen::Situations | Screen::Meetings | Screen::Programme => Some(Screen::Dashboard),
        }
    }
}

/// The dashboard's two lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DashPane {
    #[default]
    Alerts,
    Meetings,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DashboardState {
    pub focus: DashPane,
    /// The selected row of the alert list ([`App::alert_rows`]).
    pub alert: usize,
    pub meeting: usize,
    /// The groups of alerts unfolded by the user (body-level groups are always unfolded).
    pub unfolded: Vec<AlertKind>,
}

/// A row of the dashboard's alert list: a group's heading, or one alert of an unfolded group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertRow {
    Group {
        kind: AlertKind,
        count: usize,
        unfolded: bool,
    },
    /// An alert, by its index in [`App::alerts`].
    Alert(usize),
}

/// The status filter of the case list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// Every case not closed.
    #[default]
    Open,
    All,
    Only(CaseStatus),
}

impl StatusFilter {
    pub fn next(self) -> StatusFilter {
        match self {
            StatusFilter::Open => StatusFilter::All,
            StatusFilter::All => StatusFilter::Only(CaseStatus::Reported),
            StatusFilter::Only(CaseStatus::Reported) => StatusFilter::Only(CaseStatus::Assessed),
            StatusFilter::Only(CaseStatus::Assessed) => StatusFilter::Only(CaseStatus::Followed),
            StatusFilter::Only(CaseStatus::Followed) => StatusFilter::Only(CaseStatus::Closed),
            StatusFilter::Only(CaseStatus::Closed) => StatusFilter::Open,
        }
    }

    pub fn accepts(self, status: CaseStatus) -> bool {
        match self {
            StatusFilter::Open => status != CaseStatus::Closed,
            StatusFilter::All => true,
            StatusFilter::Only(s) => s == status,
        }
    }
}

/// The order of the case list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Id,
    Review,
    Label,
    Status,
}

impl SortKey {
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Id => SortKey::Review,
            SortKey::Review => SortKey::Label,
            SortKey::Label => SortKey::Status,
            SortKey::Status => SortKey::Id,
        }
    }
}

/// What the case list depends on, besides the data.
#[derive(Debug, Clone, PartialEq, Eq)]
struct VisibleKey {
    body: Option<String>,
    status: StatusFilter,
    kind: Option<CaseKind>,
    due_only: bool,
    sort: SortKey,
    search: String,
    generation: u64,
    hide_names: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SituationsState {
    pub selected: usize,
    pub body: Option<String>,
    pub status: StatusFilter,
    pub kind: Option<CaseKind>,
    pub due_only: bool,
    pub sort: SortKey,
    pub search: LineInput,
    /// The search field has the keyboard.
    pub searching: bool,
    /// The detail pane has the keyboard (Tab), for scrolling.
    pub detail_focus: bool,
    pub detail_scroll: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingsState {
    /// Index of the body in the département's list.
    pub body: usize,
    pub selected: usize,
    /// `/`: the meetings kept are those whose date, number or status hold what is typed.
    pub searching: bool,
    pub search: LineInput,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgendaState {
    pub meeting: Option<String>,
    pub selected: usize,
    /// The meeting's details: its form, the invitees pane, the question before deleting.
    pub details: super::meeting_form::Panel,
}

/// What a prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// The title of a new topic.
    Topic,
    /// The timebox of the selected item.
    Timebox,
    /// The date of a new meeting of this body.
    NewMeetingDate { body: String },
    /// Why the meeting of the agenda is cancelled.
    CancelReason,
}

/// A one-line question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: LineInput,
    pub error: Option<String>,
}

/// The fuzzy picker of cases for the agenda.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    pub query: LineInput,
    pub selected: usize,
}

/// The choices of the monthly report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportForm {
    /// 0 month, 1 body, 2 format, 3 « résultats obtenus ».
    pub field: usize,
    /// The first day of the month.
    pub month: NaiveDate,
    /// Index of the body in the département's list.
    pub body: usize,
    pub format: ReportFormat,
    /// « Résultats obtenus », typed here and written in the report.
    pub results: super::input::LineInput,
}

/// The layers drawn over the screen; the top one gets the keys first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The keys of `context` (the screen, or what it was opened over), filtered by what is typed.
    Help {
        scroll: usize,
        query: LineInput,
        context: Context,
    },
    /// The command palette: the actions of the screen and the global ones, filtered.
    Palette {
        query: LineInput,
        selected: usize,
    },
    Problems {
        selected: usize,
    },
    /// A case file edited in `$EDITOR` is invalid: edit again or discard (`choice`, 0 or 1,
    /// chosen with the arrows and `Entrée`: discarding loses work).
    EditFailed {
        id: String,
        problems: Vec<String>,
        choice: usize,
    },
    /// The form of a case (a new one, or the selected one), saved field by field.
    CaseForm(Box<crate::tui::case_form::CaseFormState>),
    /// What to export for a meeting.
    ExportMenu {
        requests: Vec<ExportRequest>,
        /// A place among the rows the typed `query` keeps.
        selected: usize,
        query: crate::tui::input::LineInput,
        /// The format chosen with ←/→ (among those of the selected export).
        format: ReportFormat,
    },
    /// The month, body and format of the monthly report.
    ReportForm(ReportForm),
    /// An export as it will be written; or, with `name`, the known name that refuses it.
    Preview {
        request: ExportRequest,
        text: String,
        scroll: usize,
        /// The name found in a free text: `w` replaces it by the case's label.
        name: Option<Box<crate::export::names::NameHit>>,
    },
    Picker(Picker),
    Prompt(Prompt),
}

impl Overlay {
    /// The help of `context`, nothing typed in its filter.
    pub fn help(context: Context) -> Overlay {
        Overlay::Help {
            scroll: 0,
            query: LineInput::default(),
            context,
        }
    }
}

/// One undoable change of a meeting: the meeting before and after (`None`: did not exist).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub before: Option<Meeting>,
    pub after: Option<Meeting>,
}

/// The line shown above the keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

/// The whole state of the interface.
#[derive(Debug, Clone)]
pub struct App {
    pub data: DeptData,
    /// Problems found while loading, one rendered line each (`path:line:column: message`).
    pub problems: Vec<String>,
    /// Notices found while loading (the file loaded): listed after the problems, not counted.
    pub notices: Vec<String>,
    pub lang: Lang,
    pub today: NaiveDate,
    /// Persons' full names are hidden on screen (a projector): `F2`, or `hide_names` in the config.
    pub hide_names: bool,
    pub keymap: Keymap,
    pub theme: Theme,
    pub screen: Screen,
    pub overlays: Vec<Overlay>,
    pub dashboard: DashboardState,
    pub situations: SituationsState,
    pub meetings: MeetingsState,
    pub agenda: AgendaState,
    /// The séance being run (its screen may be left for another and come back).
    pub seance: Option<Box<super::seance::SeanceState>>,
    /// The FIPD programme screen (its year, selection, form and undo).
    pub programme: super::programme::ProgrammeState,
    pub undo: Vec<Edit>,
    pub redo: Vec<Edit>,
    /// The case edits of the form, to undo and redo on the case list: (before, after).
    pub case_undo: Vec<(Case, Case)>,
    pub case_redo: Vec<(Case, Case)>,
    pub message: Option<Message>,
    /// Writes that failed (retried, marked on screen), and the questions about them.
    pub unsaved: super::unsaved::UnsavedState,
    pub running: bool,
    /// Rows moved by PageUp/PageDown; the runtime sets it from the terminal height.
    pub page: usize,
    alerts: Vec<Alert>,
    currents: Vec<CurrentCase>,
    /// Counts the changes of the data ([`Self::refresh`]): what derives from it follows.
    generation: u64,
    /// The case list as last computed, with what it was computed from.
    visible_memo: std::cell::RefCell<Option<(VisibleKey, std::rc::Rc<[usize]>)>>,
}

impl App {
    /// The interface over loaded data. `problems` are the lines of the files that failed to load.
    pub fn new(data: DeptData, problems: Vec<String>, lang: Lang, today: NaiveDate) -> App {
        let mut app = App {
            data,
            problems: problems
                .iter()
                .map(|p| crate::text::visible(p).into_owned())
                .collect(),
            notices: Vec::new(),
            lang,
            today,
            hide_names: false,
            keymap: Keymap::defaults(),
            theme: Theme::default(),
            screen: Screen::Dashboard,
            overlays: Vec::new(),
            dashboard: DashboardState::default(),
            situations: SituationsState::default(),
            meetings: MeetingsState::default(),
            agenda: AgendaState::default(),
            seance: None,
            programme: super::programme::ProgrammeState::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            case_undo: Vec::new(),
            case_redo: Vec::new(),
            message: None,
            unsaved: Default::default(),
            running: true,
            page: 10,
            alerts: Vec::new(),
            currents: Vec::new(),
            generation: 0,
            visible_memo: std::cell::RefCell::new(None),
        };
        app.refresh();
        app
    }

    /// Recomputes what derives from the data (current states, alerts) after a change.
    pub fn refresh(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        self.currents = current_states(&self.data.cases, &self.data.meetings);
        self.alerts =
            alerts_with_problems(&self.data, &self.currents, self.today, self.problems.len());
    }

    pub fn alerts(&self) -> &[Alert] {
        &self.alerts
    }

    /// The dashboard's alert rows: each kind's heading and count, the unfolded alerts.
    pub fn alert_rows(&self) -> Vec<AlertRow> {
        let mut rows = Vec::new();
        for group in crate::domain::alerts::groups(&self.alerts) {
            let unfolded =
                group.kind.is_body_level() || self.dashboard.unfolded.contains(&group.kind);
            rows.push(AlertRow::Group {
                kind: group.kind,
                count: group.len(),
                unfolded,
            });
            if unfolded {
                rows.extend(group.range.map(AlertRow::Alert));
            }
        }
        rows
    }

    /// The current state of the case at `index` in `data.cases`.
    pub fn current(&self, index: usize) -> Option<&CurrentCase> {
        self.currents.get(index)
    }

    /// The key-map context that gets the keys now: a question about unsaved work, the top
    /// overlay, the séance's question, panel or field, the search, else the screen.
    pub fn context(&self) -> Context {
        if let Some(q) = &self.unsaved.question {
            return q.context();
        }
        match self.overlays.last() {
            Some(Overlay::Help { .. }) => return Context::Help,
            Some(Overlay::Palette { .. }) => return Context::Palette,
            Some(Overlay::Prompt(_)) => return Context::TextEntry,
            Some(Overlay::Picker(_)) => return Context::Picker,
            Some(Overlay::CaseForm(_) | Overlay::ReportForm(_)) => return Context::Form,
            Some(Overlay::ExportMenu { .. }) => return Context::Choice,
            Some(Overlay::Preview { .. }) => return Context::Preview,
            Some(Overlay::EditFailed { .. }) => return Context::Dialog,
            Some(Overlay::Problems { .. }) => return self.screen.context(),
            None if self.screen == Screen::Programme && self.programme.form.is_some() => {
                return Context::Form;
            }
            None if self.screen == Screen::Programme && self.programme.searching => {
                return Context::TextEntry;
            }
            None if self.screen == Screen::Agenda
                && let Some(context) = self.agenda.details.context() =>
            {
                return context;
            }
            None => {}
        }
        if self.screen == Screen::Seance
            && let Some(st) = self.seance.as_deref()
            && let Some(context) = st.context()
        {
            return context;
        }
        if (self.screen == Screen::Situations && self.situations.searching)
            || (self.screen == Screen::Meetings && self.meetings.searching)
        {
            return Context::TextEntry;
        }
        self.screen.context()
    }

    /// The runtime reports a case file left invalid by the editor.
    pub fn edit_failed(&mut self, id: &str, problems: Vec<String>) {
        let problems = problems
            .iter()
            .map(|p| crate::text::visible(p).into_owned())
            .collect();
        self.overlays.push(Overlay::EditFailed {
            id: id.to_string(),
            problems,
            choice: 0,
        });
    }

    /// The runtime brings the preview of an export.
    pub fn show_preview(&mut self, request: ExportRequest, text: &str) {
        let text = crate::text::visible_multiline(text).into_owned();
        self.overlays.push(Overlay::Preview {
            request,
            text,
            scroll: 0,
            name: None,
        });
    }

    /// The export is refused for a known name in a free text: the text, the name marked
    /// (⟦…⟧), and the fix offered when it is a case's name.
    pub fn show_name_found(&mut self, request: ExportRequest, hit: crate::export::names::NameHit) {
        let lang = self.lang;
        let mut marked = hit.text.clone();
        if marked.is_char_boundary(hit.range.start) && marked.is_char_boundary(hit.range.end) {
            marked.insert(hit.range.end, '⟧');
            marked.insert(hit.range.start, '⟦');
        }
        let mut lines = vec![
            super::strings::export_failed(&hit.text(lang), lang),
            String::new(),
            marked,
            String::new(),
        ];
        let write = self.keymap.key_label(
            super::keymap::Context::Preview,
            super::action::Action::Write,
            lang,
        );
        match &hit.case_label {
            Some(label) => lines.push(super::strings::name_fix_offer(
                &write, &hit.name, label, lang,
            )),
            None => lines.push(super::strings::T::NameFixByHand.get(lang).to_string()),
        }
        let text = crate::text::visible_multiline(&lines.join("\n")).into_owned();
        self.overlays.push(Overlay::Preview {
            request,
            text,
            scroll: 0,
            name: Some(Box::new(hit)),
        });
    }

    /// The runtime reports an export written: the preview closes.
    pub fn export_written(&mut self, path: &str) {
        if matches!(self.overlays.last(), Some(Overlay::Preview { .. })) {
            self.overlays.pop();
        }
        self.info(super::strings::written(path, self.lang));
    }

    /// The runtime reports a case file read back after editing.
    /// A case written (edited or created): the data takes it, the filters stay as they were
    /// and the selection stays on it. `false`: the filters hide it (the caller says so).
    pub fn case_edited(&mut self, case: Case) -> bool {
        let id = case.id.clone();
        match self.data.cases.iter_mut().find(|c| c.id == case.id) {
            Some(slot) => *slot = case,
            None => {
                self.data.cases.push(case);
                self.data.cases.sort_by(|a, b| a.id.cmp(&b.id));
            }
        }
        self.refresh();
        let position = self
            .visible_cases()
            .iter()
            .position(|&i| self.data.cases[i].id == id);
        match position {
            Some(p) => {
                self.situations.selected = p;
                true
            }
            None => false,
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: true,
        });
    }

    /// The cases the list shows, filtered, searched and sorted: indexes into `data.cases`.
    pub fn visible_cases(&self) -> std::rc::Rc<[usize]> {
        let s = &self.situations;
        let key = VisibleKey {
            body: s.body.clone(),
            status: s.status,
            kind: s.kind,
            due_only: s.due_only,
            sort: s.sort,
            search: s.search.text().to_string(),
            generation: self.generation,
            hide_names: self.hide_names,
        };
        if let Some((k, list)) = self.visible_memo.borrow().as_ref()
            && *k == key
        {
            return list.clone();
        }
        let list: std::rc::Rc<[usize]> = self.compute_visible_cases().into();
        *self.visible_memo.borrow_mut() = Some((key, list.clone()));
        list
    }

    fn compute_visible_cases(&self) -> Vec<usize> {
        let s = &self.situations;
        let query = s.search.text();
        let mut out: Vec<usize> = (0..self.data.cases.len())
            .filter(|&i| {
                let case = &self.data.cases[i];
                let Some(cur) = self.currents.get(i) else {
                    return false;
                };
                s.body.as_ref().is_none_or(|b| &case.body == b)
                    && s.status.accepts(cur.status)
                    && s.kind.is_none_or(|k| case.kind == k)
                    && (!s.due_only || cur.due_by(self.today))
                    && (query.is_empty()
                        || fuzzy::contains_all(query, &fuzzy::case_text(case, self.hide_names)))
            })
            .collect();
        let key = |i: &usize| {
            let case = &self.data.cases[*i];
            let cur = &self.currents[*i];
            match s.sort {
                SortKey::Id => (String::new(), case.id.clone()),
                SortKey::Review => (
                    cur.next_review
                        .map_or("9999".to_string(), |d| d.format("%Y-%m-%d").to_string()),
                    case.id.clone(),
                ),
                SortKey::Label => (
                    case.label.chars().map(fuzzy::fold).collect(),
                    case.id.clone(),
                ),
                SortKey::Status => (format!("{:?}", cur.status as u8), case.id.clone()),
            }
        };
        out.sort_by_cached_key(key);
        out
    }

    /// The index in `data.cases` of the selected case of the list.
    pub fn selected_case(&self) -> Option<usize> {
        self.visible_cases().get(self.situations.selected).copied()
    }

    /// The meetings to come (today or later, not held), soonest first.
    pub fn upcoming_meetings(&self) -> Vec<&Meeting> {
        let mut list: Vec<&Meeting> = self
            .data
            .meetings
            .iter()
            .filter(|m| m.date >= self.today && m.status.is_to_come())
            .collect();
        list.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
        list
    }

    /// The meeting of the agenda builder.
    pub fn agenda_meeting(&self) -> Option<&Meeting> {
        self.agenda
            .meeting
            .as_deref()
            .and_then(|id| self.data.meeting(id))
    }
}

/// What the séance shows that derives from the state, for the drawing and for `update`.
impl App {
    /// The meeting of the séance open, where it lives: in the loaded data (its one copy).
    pub fn seance_meeting(&self) -> Option<&Meeting> {
        self.seance
            .as_ref()
            .and_then(|st| st.meeting_in(&self.data.meetings))
    }

    /// The earlier actions reviewed in the séance's meeting.
    pub fn seance_earlier(&self) -> Vec<super::seance::EarlierAction> {
        match self.seance_meeting() {
            Some(m) => super::seance::earlier_actions(&self.data.meetings, m),
            None => Vec::new(),
        }
    }

    /// The sentence asking to take over a stale lock.
    pub fn take_over_question(&self, info: &crate::store::lock::LockInfo) -> String {
        let tz = self.data.department.time_zone();
        let since = info.since.with_timezone(&tz).naive_local();
        crate::i18n::live::lock_stale(self.lang, &info.user, &info.host, since, self.today)
    }
}
