//! The closed lists of values of the file format, as Rust enums.
//!
//! Each enum knows its file spelling (`as_str`), parses it back (`parse`) and
//! lists every allowed value (`ALL`) so that messages can name them.

/// One closed list of the file format: each value has its file spelling, its French
/// label (what the interface shows) and, optionally, more aliases. `parse` reads any of
/// them, whatever their case, accents, spaces or hyphens; the app writes the file
/// spelling. Used by the case and meeting files here and the programme file
/// (`fipd/names.rs`).
macro_rules! closed_list {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal ($label:literal) $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order of the format documentation.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The spelling of each value in files.
            pub const NAMES: &'static [&'static str] = &[$($text),+];
            /// Each value's file spelling and French label, for messages and lists.
            pub const CHOICES: &'static [(&'static str, &'static str)] = &[$(($text, $label)),+];

            /// The spelling used in files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The French label (what the interface shows and files may also hold).
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Reads the file spelling, the French label or an alias.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => return Some($name::$variant),)+
                    _ => {}
                }
                let folded = $crate::domain::enums::fold(text);
                let same = |s: &str| $crate::domain::enums::fold_chars(s).eq(folded.chars());
                $(
                    if same($text) || same($label) $(|| same($alias))* {
                        return Some($name::$variant);
                    }
                )+
                None
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use closed_list;

/// Lower case, no accents, `_` for spaces, hyphens and apostrophes: how a typed value
/// is compared with the spellings of a closed list.
pub fn fold(text: &str) -> String {
    fold_chars(text).collect()
}

/// The characters of [`fold`]`(text)`, without building it.
pub fn fold_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            ' ' | '-' | '\'' | '’' => '_',
            c => c,
        })
}

closed_list!(
    /// What a case is about.
    CaseKind {
        Person => "person" ("personne"),
        Family => "family" ("famille"),
        Organisation => "organisation" ("structure"),
    }
);
closed_list!(
    /// Where a signalement came from.
    Source {
        Cnapr => "cnapr" ("CNAPR"),
        Ems => "ems" ("état-major de sécurité"),
        Ged => "ged" ("GED"),
        Education => "education" ("éducation nationale") | "éducation",
        Health => "health" ("santé"),
        Justice => "justice" ("justice"),
        LocalAuthority => "local_authority" ("collectivité") | "collectivité territoriale",
        Association => "association" ("association"),
        Other => "other" ("autre"),
    }
);
closed_list!(
    /// Where a case stands in its life.
    CaseStatus {
        Reported => "reported" ("signalé"),
        Assessed => "assessed" ("évalué"),
        Followed => "followed" ("suivi"),
        Closed => "closed" ("clos"),
    }
);
closed_list!(
    /// The kind of structure that is référent de parcours.
    ReferentType {
        Association => "association" ("association"),
        StateService => "state_service" ("service de l'État") | "service État",
        LocalAuthority => "local_authority" ("collectivité") | "collectivité territoriale",
    }
);
closed_list!(
    /// Justice supervision of a person.
    Justice {
        None => "none" ("aucune") | "aucun",
        OpenEnvironment => "open_environment" ("milieu ouvert"),
        Custody => "custody" ("détention"),
    }
);
closed_list!(
    /// How a child is schooled.
    Schooling {
        None => "none" ("non scolarisé"),
        Public => "public" ("public"),
        PrivateUnderContract => "private_under_contract" ("privé sous contrat"),
        PrivateNoContract => "private_no_contract" ("privé hors contrat"),
        Home => "home" ("instruction en famille"),
    }
);
closed_list!(
    /// A care measure (prise en charge).
    MeasureType {
        MentalHealth => "mental_health" ("santé mentale"),
        Education => "education" ("éducation"),
        Insertion => "insertion" ("insertion"),
        ParentingSupport => "parenting_support" ("soutien à la parentalité"),
        MobileTeam => "mobile_team" ("équipe mobile"),
        Other => "other" ("autre"),
    }
);
closed_list!(
    /// Why a case was closed.
    ClosureReason {
        Disengagement => "disengagement" ("désengagement"),
        NoAdherence => "no_adherence" ("absence d'adhésion"),
        Judicial => "judicial" ("prise en charge judiciaire"),
        Moved => "moved" ("départ vers un autre département") | "départ",
        Other => "other" ("autre motif") | "autre",
    }
);
closed_list!(
    /// Where a meeting stands.
    MeetingStatus {
        Draft => "draft" ("brouillon"),
        Convened => "convened" ("convoquée") | "convoqué",
        Held => "held" ("tenue") | "tenu",
        Closed => "closed" ("clôturée") | "clôturé",
        Cancelled => "cancelled" ("annulée") | "annulé",
    }
);
closed_list!(
    /// How an invitee attended.
    AttendanceStatus {
        Invited => "invited" ("convoqué") | "convoquée",
        Present => "present" ("présent") | "présente",
        Excused => "excused" ("excusé") | "excusée",
        Absent => "absent" ("absent") | "absente",
        Represented => "represented" ("représenté") | "représentée",
    }
);
closed_list!(
    /// What an agenda item is.
    ItemKind {
        Topic => "topic" ("sujet"),
        Case => "case" ("situation"),
        Actions => "actions" ("actions"),
    }
);
closed_list!(
    /// The decision taken on a case at a meeting.
    Decision {
        Continue => "continue" ("poursuite du suivi"),
        Orient => "orient" ("orientation"),
        ChangeReferent => "change_referent" ("changement de référent"),
        ReportToProsecutor => "report_to_prosecutor" ("signalement au procureur")
            | "signalement au procureur de la République",
        ChildProtection => "child_protection" ("information préoccupante")
            | "information préoccupante à la CRIP",
        BackToGed => "back_to_ged" ("renvoi au GED") | "retour au GED",
        Close => "close" ("fin du suivi") | "clôture",
        TakeCharge => "take_charge" ("prise en charge par la cellule"),
        FurtherAssessment => "further_assessment" ("évaluation complémentaire"),
        Dismiss => "dismiss" ("classement sans suite") | "classement",
        KeepWatch => "keep_watch" ("poursuite de la vigilance"),
        Inspection => "inspection" ("contrôle ou inspection"),
        ReferToMiviludes => "refer_miviludes" ("saisine de la Miviludes"),
        InformProfessionalOrder => "inform_professional_order" ("information de l'ordre professionnel"),
        ReportToArsDgccrf => "report_to_ars_dgccrf" ("signalement à l'ARS ou à la DGCCRF"),
    }
);

closed_list!(
    /// What a meeting decided on the minutes of an earlier one (the agenda's first item,
    /// « Approbation du compte rendu »).
    Approval {
        Approved => "approved" ("approuvé") | "approuvée",
        ApprovedWithChanges => "approved_with_changes" ("approuvé avec modifications")
            | "approuvée avec modifications",
        Adjourned => "adjourned" ("ajourné") | "ajournée",
    }
);

impl Approval {
    /// The minutes are approved (with or without changes).
    pub fn approves(self) -> bool {
        matches!(self, Approval::Approved | Approval::ApprovedWithChanges)
    }
}

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
        assert_eq!(
            Source::parse("Local_authority"),
            Some(Source::LocalAuthority)
        );
        assert_eq!(Source::parse("préfecture"), None);
    }

    #[test]
    fn french_labels_are_read_as_the_file_values() {
        assert_eq!(CaseKind::parse("personne"), Some(CaseKind::Person));
        assert_eq!(CaseKind::parse("Structure"), Some(CaseKind::Organisation));
        assert_eq!(CaseStatus::parse("signalé"), Some(CaseStatus::Reported));
        assert_eq!(CaseStatus::parse("evalue"), Some(CaseStatus::Assessed));
        assert_eq!(CaseStatus::parse("clos"), Some(CaseStatus::Closed));
        assert_eq!(
            ReferentType::parse("service de l'État"),
            Some(ReferentType::StateService)
        );
        assert_eq!(
            ReferentType::parse("collectivité"),
            Some(ReferentType::LocalAuthority)
        );
        assert_eq!(Decision::parse("fin du suivi"), Some(Decision::Close));
        assert_eq!(
            Justice::parse("milieu ouvert"),
            Some(Justice::OpenEnvironment)
        );
        assert_eq!(
            Schooling::parse("instruction en famille"),
            Some(Schooling::Home)
        );
        assert_eq!(
            MeasureType::parse("santé mentale"),
            Some(MeasureType::MentalHealth)
        );
        assert_eq!(
            Source::parse("éducation nationale"),
            Some(Source::Education)
        );
        // Labels are unique within a list once folded.
        fn unique<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            parse: fn(&str) -> Option<T>,
            labels: &[(&str, &str)],
        ) {
            for (v, (file, label)) in all.iter().zip(labels) {
                assert_eq!(parse(file), Some(*v));
                assert_eq!(parse(label), Some(*v), "{label}");
            }
        }
        unique(CaseKind::ALL, CaseKind::parse, CaseKind::CHOICES);
        unique(Source::ALL, Source::parse, Source::CHOICES);
        unique(CaseStatus::ALL, CaseStatus::parse, CaseStatus::CHOICES);
        unique(
            ReferentType::ALL,
            ReferentType::parse,
            ReferentType::CHOICES,
        );
        unique(Justice::ALL, Justice::parse, Justice::CHOICES);
        unique(Schooling::ALL, Schooling::parse, Schooling::CHOICES);
        unique(MeasureType::ALL, MeasureType::parse, MeasureType::CHOICES);
        unique(
            ClosureReason::ALL,
            ClosureReason::parse,
            ClosureReason::CHOICES,
        );
        unique(
            MeetingStatus::ALL,
            MeetingStatus::parse,
            MeetingStatus::CHOICES,
        );
        unique(
            AttendanceStatus::ALL,
            AttendanceStatus::parse,
            AttendanceStatus::CHOICES,
        );
        unique(ItemKind::ALL, ItemKind::parse, ItemKind::CHOICES);
        unique(Decision::ALL, Decision::parse, Decision::CHOICES);
        unique(Approval::ALL, Approval::parse, Approval::CHOICES);
        assert_eq!(
            Approval::parse("Approuvée avec modifications"),
            Some(Approval::ApprovedWithChanges)
        );
    }

    #[test]
    fn held_and_closed_meetings_count() {
        assert!(MeetingStatus::Held.is_held());
        assert!(MeetingStatus::Closed.is_held());
        assert!(!MeetingStatus::Draft.is_held());
        assert!(!MeetingStatus::Convened.is_held());
    }
}
