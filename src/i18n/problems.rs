//! Messages about problems found in the data files: the kinds ([`Msg`], [`Expected`]); their
//! words in each language are in `problem_text.rs`.

#[cfg(test)]
use super::Lang;
pub use super::system::{french_os, french_syntax};

/// The kind of value a key expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Text,
    Integer,
    PositiveInteger,
    Year,
    Boolean,
    Date,
    Time,
    List,
    Mapping,
}

/// A problem found in a file. Rendered with [`Msg::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// The file is larger than the limit.
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The file cannot be read.
    CannotRead {
        detail: String,
    },
    /// The file is empty.
    Empty,
    /// YAML syntax error, with the parser's own words.
    Syntax {
        detail: String,
    },
    /// The same key twice in one block.
    DuplicateKey {
        key: String,
    },
    /// Nesting deeper than the parser accepts.
    TooDeep,
    /// Aliases that expand too much (an "alias bomb").
    AliasBomb,
    /// The problems of a file past the first ones recorded (the store keeps 50 per file),
    /// only counted (nothing else was built for them).
    MoreInFile {
        more: usize,
    },
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    MissingKey {
        key: String,
    },
    EmptyValue {
        key: String,
    },
    WrongType {
        key: String,
        expected: Expected,
    },
    BadEnum {
        key: String,
        value: String,
        /// Each allowed value's file spelling and French label.
        allowed: &'static [(&'static str, &'static str)],
    },
    BadDate {
        key: String,
        value: String,
    },
    ImpossibleDate {
        key: String,
        value: String,
    },
    BadTime {
        key: String,
        value: String,
    },
    BadTimezone {
        value: String,
    },
    BadShortId {
        key: String,
        value: String,
    },
    BadFileId {
        key: String,
        value: String,
    },
    YearOutOfRange {
        value: i64,
    },
    UnknownFolder {
        name: String,
    },
    NoDepartmentFile,
    NotYaml {
        name: String,
    },
    CodeMismatch {
        code: String,
        folder: String,
    },
    IdMismatch {
        id: String,
        stem: String,
    },
    DuplicateId {
        id: String,
        other: String,
    },
    /// Two ids of one folder that differ only by case.
    IdsDifferByCase {
        id: String,
        other: String,
    },
    /// A meeting id that is not `<date>-<body>[-n]`.
    MeetingIdMismatch {
        id: String,
        expected: String,
    },
    /// The same case twice in the agenda of one meeting.
    CaseTwiceInMeeting {
        id: String,
    },
    DuplicateEntry {
        key: String,
        value: String,
    },
    UnknownMember {
        key: String,
        id: String,
    },
    UnknownBody {
        id: String,
    },
    UnknownCase {
        id: String,
    },
    CaseOfOtherBody {
        id: String,
        case_body: String,
        body: String,
    },
    ClosedNeedsDate,
    ClosedNeedsReason,
    NotClosedButDate {
        status: String,
    },
    NotClosedButReason {
        status: String,
    },
    RepresentedNeedsBy,
    DateBefore {
        key: String,
        value: String,
        other_key: String,
        other: String,
    },
    CloseNeedsReason,
    CloseForbidsReview,
    ReasonWithoutClose,
    NotForKind {
        key: String,
        kind: String,
    },
    NeedsKey {
        key: String,
        kind: String,
    },
    UnknownDepartment {
        code: String,
    },
    /// `by` on an attendance whose status is not `represented`.
    ByWithoutRepresented {
        status: String,
    },
    /// A `.yml` file, which is not read (the app writes `.yaml`).
    RenameYml {
        name: String,
    },
    /// The département is left out because its `department.yaml` is invalid.
    DeptNotLoaded {
        code: String,
    },
    /// Not a regular file (a folder, a device...).
    NotRegularFile,
    /// The data root does not exist or is not a folder.
    NotAFolder,
    /// Writing refused: the file changed since it was read.
    WriteChanged,
    /// Writing refused: the file already exists.
    WriteExists,
    /// Writing refused: the path leads outside the data folder.
    WriteOutsideRoot,
    /// Writing failed.
    WriteFailed {
        detail: String,
    },
    /// A temporary file of the app left by a crash (a notice: it is not read).
    LeftoverTemp {
        command: String,
    },
    /// A file at the data root, outside every département folder (a notice).
    StrayFile {
        name: String,
    },
    /// A folder whose name ends in `.yaml`: not read.
    FolderNamedYaml {
        name: String,
    },
    /// Writing refused: the file would be larger than what is read back.
    WriteTooLarge {
        bytes: u64,
        limit: u64,
    },
    /// Writing refused: the file is no longer a regular file (a link, a pipe...).
    WriteNotRegular,
    /// A file of `fipd/` not named for a year.
    ProgrammeName {
        name: String,
    },
    /// A rule of the FIPD annex (see `domain::fipd`).
    Fund(crate::domain::fipd::Finding),
    /// A key of a decision written with a decision that does not take it.
    OnlyWithDecision {
        key: String,
        /// The decisions that take it, in French and in English.
        decisions: (&'static str, &'static str),
    },
    /// « À renseigner » left by `cellule init` (a warning: the file is sound).
    Placeholder {
        member: Option<String>,
    },
    /// A decision taken on a case whose file says it was closed before the meeting.
    DecisionOnClosedCase {
        id: String,
        closed_on: String,
    },
    /// A meeting's `end` at or before its `start`.
    EndNotAfterStart {
        end: String,
        start: String,
    },
    /// `cancel_reason` on a meeting not cancelled.
    ReasonWithoutCancel,
    /// `approval:` on a topic that approves no minutes (`approves:`).
    ApprovalWithoutMinutes,
    /// `approves:` names no meeting of the département.
    UnknownMinutes {
        id: String,
    },
    /// `approves:` names a meeting that cannot be approved here: of another body, not
    /// held, or not before this one.
    MinutesNotApprovable {
        id: String,
        why: MinutesWhy,
    },
    /// A `postponed:` entry's `to:` names no meeting of the département.
    UnknownPostponedTo {
        id: String,
    },
    /// A `postponed:` entry's `to:` names a meeting of another body (`its_body`), or this
    /// meeting itself (`its_body` empty).
    PostponedToOtherMeeting {
        id: String,
        its_body: String,
        body: String,
    },
    /// A decision outside its body's list (a notice: it is read, and the séance asks
    /// before taking one).
    DecisionNotForBody {
        decision: crate::domain::Decision,
        /// The body's short name (`GTRDO`).
        body: String,
    },
}

/// Why the minutes named by `approves:` cannot be approved by this meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinutesWhy {
    OtherBody,
    NotHeld,
    NotBefore,
}

impl Msg {
    /// A file skipped on purpose rather than data in error (a stray non-YAML file):
    /// worth showing, not worth failing `validate` for.
    pub fn is_notice(&self) -> bool {
        matches!(
            self,
            Msg::NotYaml { .. }
                | Msg::LeftoverTemp { .. }
                | Msg::StrayFile { .. }
                | Msg::DecisionNotForBody { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_systems_usual_errors_are_in_french() {
        for (code, fr) in [
            (28, "plus de place sur le disque"),
            (13, "permission refusée"),
            (30, "système de fichiers en lecture seule"),
            (2, "fichier ou dossier introuvable"),
            (21, "c'est un dossier"),
        ] {
            let detail = std::io::Error::from_raw_os_error(code).to_string();
            let text = Msg::WriteFailed {
                detail: detail.clone(),
            }
            .text(Lang::Fr);
            assert_eq!(text, format!("écriture impossible : {fr} (erreur {code})"));
            let text = Msg::CannotRead {
                detail: detail.clone(),
            }
            .text(Lang::Fr);
            assert!(text.contains(fr), "{text}");
            assert!(
                Msg::CannotRead { detail }
                    .text(Lang::En)
                    .contains("os error")
            );
        }
        let odd = std::io::Error::from_raw_os_error(200).to_string();
        assert!(
            french_os(&odd).starts_with("erreur du système n° 200"),
            "{}",
            french_os(&odd)
        );
        assert_eq!(french_os("déjà en français"), "déjà en français");
    }

    #[test]
    fn a_write_over_the_read_limit_says_how_much_to_cut() {
        let msg = Msg::WriteTooLarge {
            bytes: 1_056_143,
            limit: 1024 * 1024,
        };
        let fr = msg.text(Lang::Fr);
        assert!(fr.contains("1032 Kio"), "{fr}");
        assert!(fr.contains("d'au moins 8 Kio"), "{fr}");
        assert!(msg.text(Lang::En).contains("cut at least 8 KiB"));
    }

    #[test]
    fn no_english_of_the_parser_in_french() {
        for detail in [
            "mapping values are not allowed in this context",
            "tabs disallowed within this context (block indentation)",
            "while parsing a flow sequence, expected ',' or ']'",
            "something the catalogue does not know",
        ] {
            let fr = Msg::Syntax {
                detail: detail.into(),
            }
            .text(Lang::Fr);
            assert!(!fr.contains(detail), "{fr}");
            assert!(fr.starts_with("YAML invalide : "), "{fr}");
        }
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let m = Msg::UnknownKey {
            key: "next_reveiw".into(),
            suggestion: Some("next_review".into()),
        };
        assert_eq!(
            m.text(Lang::Fr),
            "clé inconnue « next_reveiw » (vouliez-vous dire « next_review » ?)"
        );
        assert_eq!(
            m.text(Lang::En),
            "unknown key \"next_reveiw\" (did you mean \"next_review\"?)"
        );
    }

    #[test]
    fn enum_messages_list_the_allowed_values() {
        let m = Msg::BadEnum {
            key: "kind".into(),
            value: "group".into(),
            allowed: &[
                ("person", "personne"),
                ("family", "famille"),
                ("association", "association"),
            ],
        };
        assert!(
            m.text(Lang::Fr).ends_with(
                "« personne » ou « person », « famille » ou « family », « association »"
            ),
            "{}",
            m.text(Lang::Fr)
        );
    }

    #[test]
    fn user_values_in_messages_are_made_harmless() {
        let m = Msg::UnknownKey {
            key: "a\u{1b}[2J".into(),
            suggestion: None,
        };
        assert!(!m.text(Lang::Fr).contains('\u{1b}'));
    }
}
