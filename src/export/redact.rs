//! Redaction enforced by types.
//!
//! The exporters never see a [`DeptData`], a `Case` or a `Member`: they receive a
//! [`Redacted<L>`] view, whose level `L` is one of the zero-sized types [`Internal`],
//! [`Partners`] and [`Public`], and read everything through it. The view's methods are the
//! only way to reach a person's name, a birth year or notes, and they decide once, here, by
//! the level:
//!
//! | what | internal | partners | public |
//! |---|---|---|---|
//! | case label, id, référent structure, per-case decision, free texts of items | yes | yes | no |
//! | case `name`, `birth_year`, `notes`; `notes` of case items | yes | no | no |
//! | names of persons: members, chair, guests, `by`, référent `person` | yes | yes | no |
//! | organisations, titles, topic titles | yes | yes | yes |
//! | counts: situations by kind, decisions by kind, actions decided | yes | yes | yes |
//!
//! The public level shows aggregates only: what names a case or a person is reached through
//! [`ShowsCases`], a sealed trait that [`Public`] does not implement, so a public renderer that
//! asks for a case, an item, a name or a référent does not compile.
//!
//! [`Redaction`] is sealed: no other level can be defined outside this module.
//!
//! ```compile_fail
//! // A level that would show everything under another name cannot be made.
//! #[derive(Clone, Copy)]
//! struct Leaky;
//! impl cellule::export::Redaction for Leaky {
//!     const LEVEL: cellule::export::Level = cellule::export::Level::Public;
//! }
//! ```
//!
//! The public view offers no agenda item (cases, decisions, free texts):
//!
//! ```compile_fail
//! fn leak(m: cellule::export::redact::MeetingView<'_, cellule::export::Public>) {
//!     let _ = m.items();
//! }
//! ```
//!
//! no name of a person:
//!
//! ```compile_fail
//! fn leak(m: cellule::export::redact::MeetingView<'_, cellule::export::Public>) -> String {
//!     m.attendance().iter().map(|a| a.person.name()).collect()
//! }
//! ```
//!
//! no case and no open action:
//!
//! ```compile_fail
//! fn leak(d: cellule::export::Redacted<'_, cellule::export::Public>) {
//!     let _ = d.case("c-1");
//! }
//! ```
//!
//! ```compile_fail
//! fn leak(m: cellule::export::redact::MeetingView<'_, cellule::export::Public>) {
//!     let _ = m.earlier_open_actions();
//! }
//! ```
//!
//! while the same calls compile at the partners level:
//!
//! ```
//! fn fine(m: cellule::export::redact::MeetingView<'_, cellule::export::Partners>) -> usize {
//!     m.items().len() + m.attendance().iter().map(|a| a.person.name().len()).sum::<usize>()
//! }
//! ```
//!
//! Nor can a view be turned back into the data it hides:
//!
//! ```compile_fail
//! fn leak<'a>(view: cellule::export::Redacted<'a, cellule::export::Partners>) -> &'a cellule::domain::DeptData {
//!     view.data
//! }
//! ```

use super::Level;
use crate::domain::{
    Action, Attendance, AttendanceStatus, CaseKind, ClosureReason, Decision, DeptData, Guest, Item,
    ItemKind, Meeting, MeetingStatus, ReferentType,
};
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use std::marker::PhantomData;

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Internal {}
    impl Sealed for super::Partners {}
    impl Sealed for super::Public {}
    pub trait SealedCases {}
    impl SealedCases for super::Internal {}
    impl SealedCases for super::Partners {}
}

/// A redaction level as a type. Sealed: only [`Internal`], [`Partners`] and [`Public`].
pub trait Redaction: sealed::Sealed + Copy + 'static {
    /// The level as a value.
    const LEVEL: Level;
}

/// A level that shows cases, agenda items and names of persons: [`Internal`] and
/// [`Partners`], never [`Public`]. Sealed.
pub trait ShowsCases: Redaction + sealed::SealedCases {}
impl ShowsCases for Internal {}
impl ShowsCases for Partners {}

/// Everything: for the préfecture's own files.
#[derive(Debug, Clone, Copy)]
pub struct Internal;
/// Cases by label and id only: for the partners of the body.
#[derive(Debug, Clone, Copy)]
pub struct Partners;
/// Aggregates only: for a release outside the circle.
#[derive(Debug, Clone, Copy)]
pub struct Public;

impl Redaction for Internal {
    const LEVEL: Level = Level::Internal;
}
impl Redaction for Partners {
    const LEVEL: Level = Level::Partners;
}
impl Redaction for Public {
    const LEVEL: Level = Level::Public;
}

/// The identity of a case (name, birth year, notes) is shown.
fn shows_identity<L: Redaction>() -> bool {
    matches!(L::LEVEL, Level::Internal)
}

/// A département's data as a level `L` may show it.
#[derive(Debug, Clone, Copy)]
pub struct Redacted<'a, L: Redaction> {
    data: &'a DeptData,
    level: PhantomData<L>,
}

impl<'a, L: Redaction> Redacted<'a, L> {
    /// The view of `data` at level `L`.
    pub fn new(data: &'a DeptData) -> Self {
        Redacted {
            data,
            level: PhantomData,
        }
    }

    pub fn level(&self) -> Level {
        L::LEVEL
    }

    pub fn dept_code(&self) -> &'a str {
        &self.data.department.code
    }

    pub fn dept_name(&self) -> &'a str {
        &self.data.department.name
    }

    /// How the authority is titled, if the département says.
    pub fn authority(&self) -> Option<&'a str> {
        self.data.department.authority.as_deref()
    }

    pub fn marking(&self) -> &'a str {
        self.data.department.marking()
    }

    pub fn time_zone(&self) -> Tz {
        self.data.department.time_zone()
    }

    /// The full name of a body (its id when the département does not define it).
    pub fn body_name(&self, body: &'a str) -> &'a str {
        self.data
            .department
            .body(body)
            .map(|b| b.name.as_str())
            .unwrap_or(body)
    }

    /// The default invitees of a body, in the order of its member list.
    pub fn body_members(&self, body: &str) -> Vec<Person<'a, L>> {
        self.data
            .department
            .body(body)
            .map(|b| b.members.iter().map(|id| self.member(id)).collect())
            .unwrap_or_default()
    }

    /// A member of the directory (an unknown id is shown as the id, with no organisation).
    pub fn member(&self, id: &'a str) -> Person<'a, L> {
        match self.data.department.member(id) {
            Some(m) => Person {
                name: &m.name,
                title: m.title.as_deref(),
                organisation: &m.organisation,
                email: m.email.as_deref(),
                level: PhantomData,
            },
            None => Person {
                name: id,
                title: None,
                organisation: "",
                email: None,
                level: PhantomData,
            },
        }
    }

    /// A meeting of the département.
    pub fn meeting(&self, id: &str) -> Result<MeetingView<'a, L>, super::ExportError> {
        let meeting = super::meeting_of(self.data, id)?;
        Ok(MeetingView {
            dept: *self,
            meeting,
        })
    }
}

impl<'a, L: ShowsCases> Redacted<'a, L> {
    /// A case of the département.
    pub fn case(&self, id: &str) -> Option<CaseView<'a, L>> {
        self.data.case(id).map(|case| CaseView {
            id: &case.id,
            label: &case.label,
            kind: case.kind,
            name: case.name.as_deref(),
            birth_year: case.birth_year,
            notes: case.notes.as_deref(),
            referent: case.referent.as_ref().map(|r| Referent {
                structure: &r.structure,
                kind: r.kind,
                person: r.person.as_deref(),
                level: PhantomData,
            }),
            level: PhantomData,
        })
    }
}

/// A person (member of the directory or guest) as a level shows them.
#[derive(Debug, Clone, Copy)]
pub struct Person<'a, L: Redaction> {
    name: &'a str,
    title: Option<&'a str>,
    organisation: &'a str,
    email: Option<&'a str>,
    level: PhantomData<L>,
}

impl<'a, L: ShowsCases> Person<'a, L> {
    /// The name: not at the public level.
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The e-mail address (for the calendar invitation): not at the public level.
    pub fn email(&self) -> Option<&'a str> {
        self.email.filter(|e| !e.trim().is_empty())
    }
}

impl<'a, L: Redaction> Person<'a, L> {
    pub fn title(&self) -> Option<&'a str> {
        self.title
    }

    /// The organisation (empty for an id missing from the directory).
    pub fn organisation(&self) -> &'a str {
        self.organisation
    }
}

/// How someone attended a meeting.
#[derive(Debug, Clone, Copy)]
pub struct Attendee<'a, L: Redaction> {
    pub person: Person<'a, L>,
    pub status: AttendanceStatus,
    by: Option<&'a str>,
    /// Invited « pour information »: receives the minutes, not expected.
    pub for_information: bool,
}

impl<'a, L: Redaction> Attendee<'a, L> {
    /// Someone invited, whose attendance is not recorded yet.
    pub fn invited(person: Person<'a, L>) -> Self {
        Attendee {
            person,
            status: AttendanceStatus::Invited,
            by: None,
            for_information: false,
        }
    }
}

impl<'a, L: ShowsCases> Attendee<'a, L> {
    /// Who represented them: not at the public level.
    pub fn by(&self) -> Option<&'a str> {
        self.by
    }
}

/// The référent de parcours of a case.
#[derive(Debug, Clone, Copy)]
pub struct Referent<'a, L: ShowsCases> {
    structure: &'a str,
    kind: ReferentType,
    person: Option<&'a str>,
    level: PhantomData<L>,
}

impl<'a, L: ShowsCases> Referent<'a, L> {
    pub fn structure(&self) -> &'a str {
        self.structure
    }

    pub fn kind(&self) -> ReferentType {
        self.kind
    }

    /// The référent person.
    pub fn person(&self) -> Option<&'a str> {
        self.person
    }
}

/// A case as a level shows it.
#[derive(Debug, Clone, Copy)]
pub struct CaseView<'a, L: ShowsCases> {
    id: &'a str,
    label: &'a str,
    kind: CaseKind,
    name: Option<&'a str>,
    birth_year: Option<i32>,
    notes: Option<&'a str>,
    referent: Option<Referent<'a, L>>,
    level: PhantomData<L>,
}

impl<'a, L: ShowsCases> CaseView<'a, L> {
    pub fn id(&self) -> &'a str {
        self.id
    }

    /// The pseudonymous label, shown at every level.
    pub fn label(&self) -> &'a str {
        self.label
    }

    pub fn kind(&self) -> CaseKind {
        self.kind
    }

    /// The full name: internal level only.
    pub fn name(&self) -> Option<&'a str> {
        self.name.filter(|_| shows_identity::<L>())
    }

    /// The birth year: internal level only.
    pub fn birth_year(&self) -> Option<i32> {
        self.birth_year.filter(|_| shows_identity::<L>())
    }

    /// The case file's notes: internal level only.
    pub fn notes(&self) -> Option<&'a str> {
        self.notes.filter(|_| shows_identity::<L>())
    }

    pub fn referent(&self) -> Option<Referent<'a, L>> {
        self.referent
    }
}

/// A meeting as a level shows it.
#[derive(Debug, Clone, Copy)]
pub struct MeetingView<'a, L: Redaction> {
    dept: Redacted<'a, L>,
    meeting: &'a Meeting,
}

impl<'a, L: Redaction> MeetingView<'a, L> {
    /// The whole département, at the same level.
    pub fn dept(&self) -> Redacted<'a, L> {
        self.dept
    }

    pub fn id(&self) -> &'a str {
        &self.meeting.id
    }

    pub fn body(&self) -> &'a str {
        &self.meeting.body
    }

    pub fn date(&self) -> NaiveDate {
        self.meeting.date
    }

    pub fn start(&self) -> NaiveTime {
        self.meeting.start
    }

    pub fn place(&self) -> Option<&'a str> {
        self.meeting.place.as_deref()
    }

    /// Whether the quorum of its body was reached (`None`: the body states none).
    pub fn quorum_reached(&self) -> Option<bool> {
        let department = &self.dept.data.department;
        let rule = department.body(&self.meeting.body)?.quorum.as_ref()?;
        Some(crate::domain::live::quorum_state(self.meeting, rule, &department.members).reached())
    }

    pub fn status(&self) -> MeetingStatus {
        self.meeting.status
    }

    /// Whether and when its minutes were approved by a later séance of its body.
    pub fn approval(&self) -> crate::domain::approval::ApprovalState<'a> {
        use crate::domain::approval::{ApprovalState, MinutesApproval, minutes_approval};
        match minutes_approval(&self.dept.data.meetings, &self.meeting.id) {
            MinutesApproval::Approved { at, with_changes } => ApprovalState::Approved {
                on: at.date,
                reference: at.details.reference.as_deref(),
                with_changes,
            },
            MinutesApproval::NotYet { adjourned } => ApprovalState::NotYet {
                adjourned_on: adjourned.map(|m| m.date),
            },
        }
    }

    pub fn next_meeting(&self) -> Option<NaiveDate> {
        self.meeting.next_meeting
    }

    pub fn planned_minutes(&self) -> u32 {
        self.meeting.planned_minutes()
    }

    pub fn chair(&self) -> Person<'a, L> {
        self.dept.member(&self.meeting.chair)
    }

    /// The planned end: written, else the start plus the timeboxes.
    pub fn end(&self) -> Option<NaiveTime> {
        self.meeting.planned_end()
    }

    /// The invited members, in the order of the file.
    pub fn attendance(&self) -> Vec<Attendee<'a, L>> {
        self.meeting
            .attendance
            .iter()
            .map(|a: &'a Attendance| Attendee {
                person: self.dept.member(&a.member),
                status: a.status,
                by: a.by.as_deref(),
                for_information: a.for_information,
            })
            .collect()
    }

    /// The guests, in the order of the file.
    pub fn guests(&self) -> Vec<Attendee<'a, L>> {
        self.meeting
            .guests
            .iter()
            .map(|g: &'a Guest| Attendee {
                person: Person {
                    name: &g.name,
                    title: g.title.as_deref(),
                    organisation: &g.organisation,
                    email: g.email.as_deref(),
                    level: PhantomData,
                },
                status: g.status,
                by: g.by.as_deref(),
                for_information: g.for_information,
            })
            .collect()
    }

    /// What the public level may say of the agenda: aggregates only.
    pub fn summary(&self) -> Summary<'a> {
        let mut summary = Summary::default();
        for item in &self.meeting.items {
            match item.kind {
                ItemKind::Topic => summary
                    .topics
                    .extend(item.title.as_deref().filter(|t| !t.trim().is_empty())),
                ItemKind::Case => {
                    let kind = item
                        .case
                        .as_deref()
                        .and_then(|id| self.dept.data.case(id))
                        .map(|c| c.kind);
                    bump(&mut summary.cases_by_kind, kind);
                }
                ItemKind::Actions => {}
            }
            if let Some(d) = item.decision {
                bump(&mut summary.decisions, d);
            }
            summary.actions += item.actions.len();
        }
        summary
    }
}

/// Adds one to the count of `key`, keeping keys in order of first appearance.
fn bump<K: PartialEq>(counts: &mut Vec<(K, usize)>, key: K) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some((_, n)) => *n += 1,
        None => counts.push((key, 1)),
    }
}

/// The aggregates of a meeting's agenda: nothing in it names a case or a person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary<'a> {
    /// The titles of the topic items, in order.
    pub topics: Vec<&'a str>,
    /// Situations examined, by kind (`None`: a case missing from the register).
    pub cases_by_kind: Vec<(Option<CaseKind>, usize)>,
    /// Decisions taken, by kind.
    pub decisions: Vec<(Decision, usize)>,
    /// Actions decided.
    pub actions: usize,
}

impl<'a, L: ShowsCases> MeetingView<'a, L> {
    /// The logistics: secretary, reference, cancellation, first date (not at the public
    /// level: they name people and hold free text).
    pub fn details(&self) -> &'a crate::domain::Details {
        &self.meeting.details
    }

    /// The difficulties typed in the séance.
    pub fn difficulties(&self) -> Option<&'a str> {
        self.meeting.difficulties.as_deref()
    }

    /// The agenda items, in order.
    pub fn items(&self) -> Vec<ItemView<'a, L>> {
        self.meeting
            .items
            .iter()
            .map(|item| ItemView {
                dept: self.dept,
                item,
                decided_on: self.meeting.date,
            })
            .collect()
    }

    /// The items postponed to the next meeting during the séance, in the order postponed.
    pub fn postponed(&self) -> Vec<ItemView<'a, L>> {
        self.meeting
            .postponed
            .iter()
            .map(|p| ItemView {
                dept: self.dept,
                item: &p.item,
                decided_on: self.meeting.date,
            })
            .collect()
    }

    /// The actions decided at held or closed meetings of the same body before this one that
    /// were still open on this meeting's date (not done, or done on that day or later),
    /// oldest meeting first. Reckoned on the meeting's date, so that the minutes of a meeting
    /// do not change when an action is reported done later.
    pub fn earlier_open_actions(&self) -> Vec<ActionView<'a, L>> {
        let this = self.meeting;
        let mut earlier: Vec<&'a Meeting> = self
            .dept
            .data
            .meetings
            .iter()
            .filter(|m| {
                m.body == this.body
                    && m.status.is_held()
                    && m.id != this.id
                    && m.chronological_key() < this.chronological_key()
            })
            .collect();
        earlier.sort_by(|a, b| a.chronological_key().cmp(&b.chronological_key()));
        let mut out = Vec::new();
        for m in earlier {
            for item in &m.items {
                for action in &item.actions {
                    if action.done_on.is_none_or(|done| done >= this.date) {
                        out.push(ActionView::new(self.dept, action, item, m.date));
                    }
                }
            }
        }
        out
    }
}

/// One agenda item as a level shows it.
#[derive(Debug, Clone, Copy)]
pub struct ItemView<'a, L: ShowsCases> {
    dept: Redacted<'a, L>,
    item: &'a Item,
    decided_on: NaiveDate,
}

/// An action as a level shows it.
#[derive(Debug, Clone, Copy)]
pub struct ActionView<'a, L: ShowsCases> {
    action: &'a Action,
    owner: Person<'a, L>,
    case_id: Option<&'a str>,
    case: Option<CaseView<'a, L>>,
    decided_on: NaiveDate,
}

impl<'a, L: ShowsCases> ActionView<'a, L> {
    fn new(
        dept: Redacted<'a, L>,
        action: &'a Action,
        item: &'a Item,
        decided_on: NaiveDate,
    ) -> Self {
        ActionView {
            action,
            owner: dept.member(&action.owner),
            case_id: item.case.as_deref(),
            case: item.case.as_deref().and_then(|id| dept.case(id)),
            decided_on,
        }
    }

    pub fn text(&self) -> &'a str {
        &self.action.text
    }

    pub fn owner(&self) -> Person<'a, L> {
        self.owner
    }

    pub fn due(&self) -> Option<NaiveDate> {
        self.action.due
    }

    pub fn done_on(&self) -> Option<NaiveDate> {
        self.action.done_on
    }

    /// The date of the meeting that decided it.
    pub fn decided_on(&self) -> NaiveDate {
        self.decided_on
    }

    /// The id of the case the action belongs to.
    pub fn case_id(&self) -> Option<&'a str> {
        self.case_id
    }

    /// The case the action belongs to, when it exists.
    pub fn case(&self) -> Option<CaseView<'a, L>> {
        self.case
    }
}

// What an agenda item shows, in its own file (the views' fields stay private to this module).
mod item;
