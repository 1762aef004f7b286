//! The state of the séance screen: the live meeting, the field in focus, the field being
//! edited, the attendance panel and the questions asked (start, close, lock, conflict).
//!
//! Changes go through [`crate::domain::live::Seance`]; `update::seance` turns keys into
//! them and returns the files to write. Typed text is not written at each key: `typed`
//! says the meeting holds text not yet written, and the runtime writes it once typing
//! pauses (see `runtime`), on leaving the field, on changing item and on quitting.

use super::input::LineInput;
use super::keymap::Context;
use crate::domain::live::Seance;
use crate::domain::{Decision, ItemKind, Meeting, Member};
use crate::i18n::Lang;
use crate::store::lock::LockInfo;
use chrono::NaiveTime;
use ratatui_textarea::TextArea;

/// A field of the current item's form (or of the meeting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The decision kind (case).
    Decision,
    /// The text of the decision (case).
    DecisionText,
    /// The next review date (case, unless closed).
    NextReview,
    /// The reason of a closure (case closed).
    ClosureReason,
    /// What is decided on earlier minutes (the topic that approves them).
    Approval,
    /// What was said (any item).
    Notes,
    /// An action of this item.
    Action(usize),
    /// A new action on this item.
    NewAction,
    /// An open action of an earlier meeting (item `actions`), by its row in the list.
    Earlier(usize),
    /// The difficulties met (the meeting).
    Difficulties,
    /// The date of the next meeting (the meeting).
    NextMeeting,
}

/// An action of an earlier meeting shown in the review of open actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierAction {
    pub meeting: String,
    pub meeting_date: chrono::NaiveDate,
    pub item: usize,
    pub action: usize,
    pub text: String,
    pub owner: String,
    pub due: Option<chrono::NaiveDate>,
    pub case: Option<String>,
    pub done_on: Option<chrono::NaiveDate>,
}

/// The form of an action: text, owner (index in the département's members), due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionForm {
    /// The action edited, `None` for a new one.
    pub action: Option<usize>,
    /// 0 text, 1 owner, 2 due date.
    pub field: usize,
    pub text: LineInput,
    pub owner: usize,
    /// The letters typed on the pilote's field: the member they fit best is chosen.
    pub owner_query: LineInput,
    pub due: LineInput,
    pub error: Option<String>,
}

/// The field being edited.
#[derive(Debug, Clone)]
pub enum Editing {
    /// Multi-line text: decision text, notes, difficulties.
    Text {
        field: Field,
        area: Box<TextArea<'static>>,
    },
    /// A date typed on one line: next review, next meeting.
    Date {
        field: Field,
        input: LineInput,
        error: Option<String>,
    },
    /// The decision kind: `None` first, then every kind; `selected` is a place among
    /// those the typed `query` keeps.
    DecisionKind {
        selected: usize,
        query: LineInput,
    },
    /// The closure reason; `decide` when it completes a decision that closes (`close`,
    /// `dismiss`).
    ClosureReason {
        selected: usize,
        decide: Option<Decision>,
        query: LineInput,
    },
    Action(ActionForm),
    /// A yes/no question that follows a decision (update_followup.rs).
    Followup(Followup),
    /// The new référent of a « changement de référent ».
    Referent(ReferentForm),
    /// The care measure an « orientation » adds: `None` first, then every type.
    Measure {
        selected: usize,
        query: LineInput,
    },
    /// The approval of earlier minutes: `None` first, then every `Approval`.
    Approval {
        selected: usize,
        query: LineInput,
    },
    /// The provider of the care measure an « orientation » adds: typed, or picked among
    /// the known ones with `←`/`→`.
    Provider(ProviderForm),
}

/// The provider asked after the type of the measure an « orientation » adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderForm {
    pub kind: crate::domain::MeasureType,
    pub input: LineInput,
    pub known: Vec<String>,
    /// The known provider last picked (an index into `known`).
    pub picked: Option<usize>,
}

/// A yes/no question asked after choosing a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Followup {
    /// The decision does not fit the case or the body: take it anyway?
    Confirm {
        decision: Decision,
        misfit: crate::domain::fit::Misfit,
    },
    /// A first decision on a new case: « inscription au suivi » (status followed)?
    Follow { decision: Decision },
}

/// The form of a new référent: structure (typed, or picked among the known ones with
/// `←`/`→`), type, person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferentForm {
    /// 0 structure, 1 type, 2 person.
    pub field: usize,
    pub structure: LineInput,
    /// The known structure last picked (an index into `known`).
    pub picked: Option<usize>,
    pub known: Vec<(String, crate::domain::ReferentType)>,
    /// An index into `ReferentType::ALL`.
    pub kind: usize,
    pub person: LineInput,
    pub error: Option<String>,
}

impl Editing {
    /// The choices of the decision-kind list: no decision, then the body's decisions
    /// (and the one taken, should the list not hold it).
    pub fn decision_choices(list: &[Decision], current: Option<Decision>) -> Vec<Option<Decision>> {
        let mut out: Vec<Option<Decision>> = std::iter::once(None)
            .chain(list.iter().copied().map(Some))
            .collect();
        if current.is_some() && !out.contains(&current) {
            out.push(current);
        }
        out
    }

    /// The rows of the decision list, as shown and filtered (`—`: no decision).
    pub fn decision_labels(choices: &[Option<Decision>], lang: Lang) -> Vec<String> {
        let word = |d: &Option<Decision>| {
            d.map_or("—".into(), |d| {
                crate::tui::strings::decision(d, lang).to_string()
            })
        };
        choices.iter().map(word).collect()
    }

    /// The rows of the closure reasons, in the order of `ClosureReason::ALL`.
    pub fn reason_labels(lang: Lang) -> Vec<String> {
        let word = |r: &crate::domain::ClosureReason| {
            crate::i18n::export::closure_reason(lang, *r).to_string()
        };
        crate::domain::ClosureReason::ALL.iter().map(word).collect()
    }

    /// The rows of the measures an orientation adds: none first, then every type.
    /// The choices of an approval of minutes: « pas encore décidé » first, then each one.
    pub fn approval_labels(lang: Lang) -> Vec<String> {
        let none = crate::tui::followup_words::W::NoApproval
            .get(lang)
            .to_string();
        let word =
            |a: &crate::domain::Approval| crate::i18n::export::approval(lang, *a).to_string();
        std::iter::once(none)
            .chain(crate::domain::Approval::ALL.iter().map(word))
            .collect()
    }

    pub fn measure_labels(lang: Lang) -> Vec<String> {
        let none = crate::tui::followup_words::W::NoMeasure
            .get(lang)
            .to_string();
        let word =
            |m: &crate::domain::MeasureType| crate::tui::strings::measure(*m, lang).to_string();
        std::iter::once(none)
            .chain(crate::domain::MeasureType::ALL.iter().map(word))
            .collect()
    }
}

/// A guest being added from the attendance panel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuestForm {
    /// 0 name, 1 organisation.
    pub field: usize,
    pub name: LineInput,
    pub organisation: LineInput,
    pub error: Option<String>,
}

/// A member of the département's directory being picked, to add to the meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberPicker {
    /// What is typed to narrow the list: words of the name, organisation or id.
    pub query: LineInput,
    /// The row chosen among the members the query keeps.
    pub selected: usize,
}

/// The attendance panel: invitees then guests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttendancePanel {
    pub selected: usize,
    /// Asking who represents the selected person.
    pub by: Option<LineInput>,
    pub guest: Option<GuestForm>,
    /// Picking a member of the directory who was not invited.
    pub member: Option<MemberPicker>,
    /// A notice shown until the next key (every member is listed already, what a status
    /// replaced).
    pub note: Option<String>,
    /// The last « représenté par » typed, offered again for the next person.
    pub last_by: Option<String>,
    pub error: Option<String>,
}

/// The members of the directory not in the meeting's attendance whose name, organisation
/// or id hold every word of `query` (case and accents aside), in the directory's order.
pub fn uninvited_members<'a>(
    members: &'a [Member],
    meeting: &Meeting,
    query: &str,
) -> Vec<&'a Member> {
    members
        .iter()
        .filter(|m| !meeting.attendance.iter().any(|a| a.member == m.id))
        .filter(|m| {
            let text = format!("{} {} {}", m.name, m.organisation, m.id);
            super::fuzzy::contains_all(query, &text)
        })
        .collect()
}

/// A question waiting for an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Start the meeting (it becomes `held`), saying the date and time recorded; `moves`
    /// when it is dated another day (held today, or not at all). A dialog: no letter starts
    /// a séance.
    Start { moves: bool },
    /// Resume the séance of a held meeting opened to be read (timers count again).
    Resume,
    /// Reopen a closed meeting (the day is noted in the meeting).
    Reopen,
    /// Close the meeting? With the number of cases left without a decision, whether
    /// nobody's attendance was marked, and what the quorum misses (`None`: reached or none).
    Close {
        undecided: usize,
        nobody: bool,
        quorum: Option<String>,
    },
    /// Replace the decision already taken on the current item by `choice`? `y`/`n`.
    ChangeDecision { choice: Option<Decision> },
    /// Take over the lock left behind by someone? `y`/`n`.
    TakeOver(LockInfo),
    /// The meeting file changed on disk: reload theirs or keep mine (chosen with the
    /// arrows and `Entrée` in [`SeanceState::answer`], never with a letter).
    Conflict { id: String },
}

impl Ask {
    /// A question that can lose work: no letter answers it (the `dialog` keys).
    pub fn is_dialog(&self) -> bool {
        matches!(
            self,
            Ask::TakeOver(_) | Ask::Conflict { .. } | Ask::Start { .. } | Ask::Resume | Ask::Reopen
        )
    }
}

/// Where the lock stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockView {
    /// Asked, no answer yet.
    Pending,
    Ours,
    /// Someone else edits: the sentence that says who.
    HeldBy(String),
    /// Not taken (closed meeting, or take-over refused).
    None,
}

/// The séance screen.
#[derive(Debug, Clone)]
pub struct SeanceState {
    pub live: Seance,
    /// The field in focus, an index into [`SeanceState::fields`].
    pub field: usize,
    pub editing: Option<Editing>,
    pub attendance: Option<AttendancePanel>,
    pub ask: Option<Ask>,
    /// The answer chosen in a dialog (0: the first).
    pub answer: usize,
    /// A save was refused because the file changed on disk: the question waits for a pause
    /// in typing (keys typed meanwhile go on into the text).
    pub conflict: Option<String>,
    pub lock: LockView,
    /// The meeting holds typed text not written yet.
    pub typed: bool,
    /// Time was counted and not written yet.
    pub timed: bool,
    /// The time of day in the département's time zone (set by the runtime).
    pub clock: Option<NaiveTime>,
    /// Resuming or reopening was chosen: done once the lock is ours.
    pub resuming: Option<Resuming>,
    /// The agenda item chosen to be moved or postponed (`None`: the current item).
    pub chosen: Option<usize>,
}

/// What is done once the lock asked for is ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resuming {
    /// A held meeting opened to be read: the séance goes on.
    Resume,
    /// A closed meeting: reopened, the day noted.
    Reopen,
}

impl SeanceState {
    pub fn new(meeting: &Meeting, review_every_days: u32) -> SeanceState {
        SeanceState {
            live: Seance::new(meeting, review_every_days),
            field: 0,
            editing: None,
            attendance: None,
            ask: None,
            answer: 0,
            conflict: None,
            lock: LockView::Pending,
            typed: false,
            timed: false,
            clock: None,
            resuming: None,
            chosen: None,
        }
    }

    /// The agenda item that moves or is postponed: the one chosen, else the current one.
    pub fn chosen_item(&self) -> usize {
        self.chosen.unwrap_or_else(|| self.live.current())
    }

    /// The séance's meeting, where it lives: among the département's `meetings`.
    pub fn meeting_in<'a>(&self, meetings: &'a [Meeting]) -> Option<&'a Meeting> {
        meetings.iter().find(|m| m.id == self.live.id())
    }

    /// The fields of the current item of `meeting` (the séance's), then the meeting's.
    /// `earlier` is the number of earlier actions listed (item `actions`).
    pub fn fields(&self, meeting: &Meeting, earlier: usize) -> Vec<Field> {
        let mut out = Vec::new();
        if let Some(item) = self.live.current_item(meeting) {
            match item.kind {
                ItemKind::Case => {
                    out.push(Field::Decision);
                    out.push(Field::DecisionText);
                    if item.decision.is_some_and(Decision::closes) {
                        out.push(Field::ClosureReason);
                    } else {
                        out.push(Field::NextReview);
                    }
                    out.push(Field::Notes);
                }
                ItemKind::Topic => {
                    if item.approves.is_some() {
                        out.push(Field::Approval);
                    }
                    out.push(Field::Notes);
                }
                ItemKind::Actions => {
                    out.extend((0..earlier).map(Field::Earlier));
                    out.push(Field::Notes);
                }
            }
            if item.kind != ItemKind::Actions {
                out.extend((0..item.actions.len()).map(Field::Action));
                out.push(Field::NewAction);
            }
        }
        out.push(Field::Difficulties);
        out.push(Field::NextMeeting);
        out
    }

    /// The field in focus.
    pub fn focused(&self, meeting: &Meeting, earlier: usize) -> Option<Field> {
        let fields = self.fields(meeting, earlier);
        fields
            .get(self.field.min(fields.len().saturating_sub(1)))
            .copied()
    }

    /// The key-map context of the séance's question, panel or field (`None`: the screen's).
    pub fn context(&self) -> Option<Context> {
        if let Some(ask) = &self.ask {
            return Some(if ask.is_dialog() {
                Context::Dialog
            } else {
                Context::Confirm
            });
        }
        if let Some(panel) = &self.attendance {
            return Some(if panel.member.is_some() {
                Context::Picker
            } else if panel.guest.is_some() {
                Context::Form
            } else if panel.by.is_some() {
                Context::TextEntry
            } else {
                Context::Attendance
            });
        }
        Some(match self.editing.as_ref()? {
            Editing::Text { .. } => Context::Text,
            Editing::Date { .. } => Context::TextEntry,
            Editing::DecisionKind { .. }
            | Editing::ClosureReason { .. }
            | Editing::Measure { .. }
            | Editing::Approval { .. } => Context::Choice,
            Editing::Action(_) | Editing::Referent(_) | Editing::Provider(_) => Context::Form,
            Editing::Followup(_) => Context::Confirm,
        })
    }

    /// Time is counted now: `meeting` (the séance's) is held, we may edit it, nothing asked.
    pub fn ticking(&self, meeting: &Meeting) -> bool {
        meeting.status == crate::domain::MeetingStatus::Held
            && self.live.is_editable(meeting)
            && self.ask.is_none()
            && !self.live.is_paused()
    }
}

/// The earlier actions reviewed in the item `actions` of `meeting`: those of the body's
/// held meetings before it that are open, or were marked done on its day (so that a mark
/// can be seen and taken back). Oldest meeting first.
pub fn earlier_actions(meetings: &[Meeting], meeting: &Meeting) -> Vec<EarlierAction> {
    let mut list: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| {
            m.body == meeting.body
                && m.id != meeting.id
                && m.status.is_held()
                && m.chronological_key() < meeting.chronological_key()
        })
        .collect();
    list.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
    let mut out = Vec::new();
    for m in list {
        for (i, item) in m.items.iter().enumerate() {
            for (a, action) in item.actions.iter().enumerate() {
                if action.done_on.is_none() || action.done_on == Some(meeting.date) {
                    out.push(EarlierAction {
                        meeting: m.id.clone(),
                        meeting_date: m.date,
                        item: i,
                        action: a,
                        text: action.text.clone(),
                        owner: action.owner.clone(),
                        due: action.due,
                        case: item.case.clone(),
                        done_on: action.done_on,
                    });
                }
            }
        }
    }
    out
}

mod state_words;
pub use state_words::*;

mod questions;
pub use questions::*;
