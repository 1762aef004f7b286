//! What an edit did, and why it was refused.

use chrono::NaiveDate;

/// What an edit changed: nothing, the meeting being held, or an earlier meeting.
///
/// The caller writes the meeting file named here, and nothing when `Unchanged`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum Change {
    Unchanged,
    /// The meeting of the séance changed.
    This,
    /// The earlier meeting with this id changed (an action of it was marked done or reopened).
    Other(String),
    /// Both the meeting of the séance and the meeting with this id changed (an item
    /// postponed to it).
    Also(String),
}

impl Change {
    /// Something must be written.
    pub fn is_changed(&self) -> bool {
        !matches!(self, Change::Unchanged)
    }
}

/// Why an edit was refused. Rendered in the user's language by `LiveError::text` (`i18n::live`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveError {
    /// The meeting is closed: read-only.
    Closed,
    /// Someone else is editing the meeting: opened read-only.
    ReadOnly,
    /// Only a held meeting can be closed.
    NotHeld,
    /// Only a closed meeting can be reopened.
    NotClosed,
    /// The case is on the agenda already.
    CaseOnAgenda {
        case: String,
    },
    /// Consulted (a held or closed meeting opened to be read): resume the séance first.
    Consulting,
    NoSuchItem {
        index: usize,
    },
    /// A decision, next review or closure reason on an item that is not a case.
    NotACase,
    /// An approval of minutes on an item that approves no minutes.
    NotAnApproval,
    /// Actions belong to topics and cases, not to the review of open actions.
    NoActionsHere,
    /// The member is not among the invitees.
    NoSuchMember {
        member: String,
    },
    /// The member is already among the invitees.
    AlreadyInvited {
        member: String,
    },
    /// A member id that is empty.
    MemberRequired,
    NoSuchGuest {
        index: usize,
    },
    NoSuchAction {
        index: usize,
    },
    /// `represented` needs the name of who represents.
    RepresentativeRequired,
    GuestNameRequired,
    GuestOrganisationRequired,
    /// Closing a case needs a reason.
    ClosureReasonRequired,
    /// A closure reason on a decision other than `close`.
    NotAClosure,
    /// A référent, a measure or an inscription au suivi on a decision that takes none
    /// (`change_referent` takes a référent, `orient` a measure, a closure no inscription).
    WrongDecision,
    /// The structure of a new référent is empty.
    StructureRequired,
    /// The decision does not fit the case (`fit::Misfit`), and it was not confirmed.
    DoesNotFit(crate::domain::fit::Misfit),
    /// A closed case has no next review.
    NoReviewAfterClosure,
    /// The next review must come after the meeting.
    ReviewNotAfterMeeting {
        meeting_date: NaiveDate,
    },
    ActionTextRequired,
    OwnerRequired,
    /// An action cannot be due before the meeting that decides it.
    DueBeforeMeeting {
        meeting_date: NaiveDate,
    },
    /// An action cannot be done before the meeting that decided it.
    DoneBeforeDecided {
        meeting_date: NaiveDate,
    },
    /// The next meeting must come after this one.
    NextMeetingNotAfterMeeting {
        meeting_date: NaiveDate,
    },
    /// No meeting with this id among those given.
    NoSuchMeeting {
        id: String,
    },
    /// Marking an action done elsewhere is for meetings held before this one.
    NotEarlier {
        id: String,
    },
    /// The item was taken up already (it comes before the current one): it keeps its place.
    ItemTaken,
    /// The item has its decision, notes or actions: it keeps its place.
    ItemDiscussed,
    /// An item is postponed to a later meeting of the same body only.
    NotANextMeeting {
        id: String,
    },
    NothingToUndo,
    NothingToRedo,
}
