//! The closed lists of values of the file format, as Rust enums.
//!
//! Each enum knows its file spelling (`as_str`), parses it back (`parse`) and
//! lists every allowed value (`ALL`) so that messages can name them.

macro_rules! file_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order of the format documentation.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every spelling accepted in a file.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The spelling used in files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads the spelling used in files.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

file_enum!(
    /// What a case is about.
    CaseKind { Person => "person", Family => "family", Organisation => "organisation" }
);
file_enum!(
    /// Where a signalement came from.
    Source {
        Cnapr => "cnapr", Ems => "ems", Ged => "ged", Education => "education", Health => "health",
        Justice => "justice", LocalAuthority => "local_authority", Association => "association", Other => "other",
    }
);
file_enum!(
    /// Where a case stands in its life.
    CaseStatus { Reported => "reported", Assessed => "assessed", Followed => "followed", Closed => "closed" }
);
file_enum!(
    /// The kind of structure that is référent de parcours.
    ReferentType { Association => "association", StateService => "state_service", LocalAuthority => "local_authority" }
);
file_enum!(
    /// Justice supervision of a person.
    Justice { None => "none", OpenEnvironment => "open_environment", Custody => "custody" }
);
file_enum!(
    /// How a child is schooled.
    Schooling {
        None => "none", Public => "public", PrivateUnderContract => "private_under_contract",
        PrivateNoContract => "private_no_contract", Home => "home",
    }
);
file_enum!(
    /// A care measure (prise en charge).
    MeasureType {
        MentalHealth => "mental_health", Education => "education", Insertion => "insertion",
        ParentingSupport => "parenting_support", MobileTeam => "mobile_team", Other => "other",
    }
);
file_enum!(
    /// Why a case was closed.
    ClosureReason {
        Disengagement => "disengagement", NoAdherence => "no_adherence", Judicial => "judicial",
        Moved => "moved", Other => "other",
    }
);
file_enum!(
    /// Where a meeting stands.
    MeetingStatus { Draft => "draft", Convened => "convened", Held => "held", Closed => "closed",
        Cancelled => "cancelled" }
);
file_enum!(
    /// How an invitee attended.
    AttendanceStatus {
        Invited => "invited", Present => "present", Excused => "excused", Absent => "absent",
        Represented => "represented",
    }
);
file_enum!(
    /// What an agenda item is.
    ItemKind { Topic => "topic", Case => "case", Actions => "actions" }
);
file_enum!(
    /// The decision taken on a case at a meeting.
    Decision {
        Continue => "continue", Orient => "orient", ChangeReferent => "change_referent",
        ReportToProsecutor => "report_to_prosecutor", ChildProtection => "child_protection",
        BackToGed => "back_to_ged", Close => "close",
        TakeCharge => "take_charge", FurtherAssessment => "further_assessment", Dismiss => "dismiss",
        KeepWatch => "keep_watch", Inspection => "inspection", ReferToMiviludes => "refer_miviludes",
        InformProfessionalOrder => "inform_professional_order",
        ReportToArsDgccrf => "report_to_ars_dgccrf",
    }
);

impl MeetingStatus {
    /// Held and closed meetings carry decisions that count.
    pub fn is_held(self) -> bool {
        matches!(self, MeetingStatus::Held | MeetingStatus::Closed)
    }

    /// Drafts and convened meetings: still to come (not held, not cancelled).
    pub fn is_to_come(self) -> bool {
        matches!(self, MeetingStatus::Draft | MeetingStatus::Convened)
    }
}

impl Decision {
    /// The decision ends the follow-up: `close` (fin du suivi) or `dismiss` (classement
    /// sans suite). Both take a closure reason and no next review.
    pub fn closes(self) -> bool {
        matches!(self, Decision::Close | Decision::Dismiss)
    }

    /// The decision puts the case under follow-up by itself (« prise en charge par la
    /// cellule »), without asking.
    pub fn follows(self) -> bool {
        self == Decision::TakeCharge
    }

    /// The decisions of a CPRAF (and of any body that lists none), in the order offered.
    pub const CPRAF: &'static [Decision] = &[
        Decision::TakeCharge,
        Decision::FurtherAssessment,
        Decision::Continue,
        Decision::Orient,
        Decision::ChangeReferent,
        Decision::ReportToProsecutor,
        Decision::ChildProtection,
        Decision::BackToGed,
        Decision::Dismiss,
        Decision::Close,
    ];

    /// The decisions of a GTRDO (dérives sectaires), in the order offered.
    pub const GTRDO: &'static [Decision] = &[
        Decision::KeepWatch,
        Decision::Inspection,
        Decision::ReferToMiviludes,
        Decision::InformProfessionalOrder,
        Decision::ReportToArsDgccrf,
        Decision::ReportToProsecutor,
        Decision::Dismiss,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_parses_back() {
        for d in Decision::ALL {
            assert_eq!(Decision::parse(d.as_str()), Some(*d));
        }
        assert_eq!(Decision::NAMES.len(), Decision::ALL.len());
        assert_eq!(
            Source::parse("local_authority"),
            Some(Source::LocalAuthority)
        );
        assert_eq!(Source::parse("Local_authority"), None);
    }

    #[test]
    fn held_and_closed_meetings_count() {
        assert!(MeetingStatus::Held.is_held());
        assert!(MeetingStatus::Closed.is_held());
        assert!(!MeetingStatus::Draft.is_held());
        assert!(!MeetingStatus::Convened.is_held());
    }
}
