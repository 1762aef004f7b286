//! What a key asks for. Actions are data: the key map binds keys to them and the
//! user's config file may bind other keys (the names are the serde names, `snake_case`).

use serde::{Deserialize, Serialize};

macro_rules! actions {
    ($($(#[$meta:meta])* $name:ident),* $(,)?) => {
        /// Something the user asks the interface to do.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action { $($(#[$meta])* $name),* }

        impl Action {
            /// Every action, in the order of the help.
            pub const ALL: &'static [Action] = &[$(Action::$name),*];
        }
    };
}

actions! {
    /// Quit from the dashboard; elsewhere go back.
    Quit,
    /// Quit from anywhere (everything is saved already).
    ForceQuit,
    /// Go back, or cancel.
    Back,
    /// Show or hide the help.
    Help,
    NextPane,
    PrevPane,
    Up,
    Down,
    First,
    Last,
    PageUp,
    PageDown,
    /// Open the selection, or follow an alert.
    Open,
    /// Incremental search.
    Search,
    Screen1,
    Screen2,
    Screen3,
    Screen4,
    Screen5,
    Undo,
    Redo,
    /// A new case or a new meeting.
    New,
    /// Edit the selected case in its form.
    Edit,
    /// Edit the selected case's file in `$EDITOR`.
    EditInEditor,
    /// The list of problems found while loading.
    Problems,
    CycleBody,
    CycleStatus,
    CycleKind,
    ToggleDue,
    CycleSort,
    AddTopic,
    AddCase,
    Suggest,
    MoveUp,
    MoveDown,
    Delete,
    Timebox,
    /// Draft ⇄ convened.
    Convene,
    Export,
    /// The monthly report to the ministry.
    MonthlyReport,
    /// Start or resume the live meeting.
    StartSeance,
    /// Séance: the next agenda item.
    NextItem,
    /// Séance: the previous agenda item.
    PrevItem,
    /// Séance: the attendance panel.
    Attendance,
    /// Séance: a new action on the current item.
    AddAction,
    /// Séance: close the meeting (the minutes are approved).
    CloseMeeting,
    /// Séance: resume the séance of a meeting opened to be read, or reopen a closed one
    /// (each asks first).
    ResumeSeance,
    /// Séance: suspend the séance (every timer stops) or resume it.
    Pause,
    /// Séance: postpone the chosen item to the body's next meeting.
    Postpone,
    /// Séance: choose the agenda item below (to move or postpone it).
    ChooseItemDown,
    /// Séance: choose the agenda item above.
    ChooseItemUp,
    /// Hides (or shows again) the persons' full names on screen, for a projector.
    ToggleNames,
    /// The command palette: every action of the screen, filtered as you type.
    Palette,
    /// A form, a list or a question: accept what is chosen or typed.
    Accept,
    /// A form, a list or a question: give up, nothing changes.
    Cancel,
    /// A form: the next field.
    NextField,
    /// A form: the previous field.
    PrevField,
    /// A form's choice field: the previous value.
    ChoicePrev,
    /// A form's choice field: the next value.
    ChoiceNext,
    /// A form's text of several lines: a new line.
    NewLine,
    /// A form's sub-list: removes the item in focus (a care measure entered by mistake).
    RemoveItem,
    /// A yes/no question: yes.
    Yes,
    /// A yes/no question: no.
    No,
    /// Attendance: present.
    Present,
    /// Attendance: excused.
    Excused,
    /// Attendance: absent.
    Absent,
    /// Attendance: invited, no answer yet.
    NoAnswer,
    /// Attendance: represented (asks by whom).
    Represented,
    /// Attendance: a guest from outside the directory.
    AddGuest,
    /// Attendance: a member of the directory not invited.
    AddMember,
    /// Attendance: removes a guest added by mistake.
    RemoveGuest,
    /// Preview: writes the export.
    Write,
    /// Preview: writes the export and commits it in git.
    WriteCommit,
    /// The FIPD programme of the year.
    Programme,
    /// Agenda: cancels the meeting (asks the reason); it stays in the history.
    CancelMeeting,
    /// Agenda: deletes a draft meeting (asks first; undo brings it back).
    DeleteMeeting,
    /// Invitees: invited « pour information » (receives the minutes, not expected), or not.
    ForInformation,
    /// Invitees: removes the invitee selected.
    RemoveInvitee,
}

impl Action {
    /// The name used in the config file.
    pub fn name(self) -> String {
        serde_json_like_name(self)
    }

    /// Reads a name of the config file.
    pub fn parse(name: &str) -> Option<Action> {
        // The names, worked out once: the key table is read at every start.
        static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let names = NAMES.get_or_init(|| Action::ALL.iter().map(|a| a.name()).collect());
        let index = names.iter().position(|n| n == name)?;
        Action::ALL.get(index).copied()
    }
}

/// The serde name of an action, without a serialisation format at hand.
fn serde_json_like_name(action: Action) -> String {
    let debug = format!("{action:?}");
    let mut out = String::with_capacity(debug.len() + 4);
    for (i, c) in debug.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde_and_parse_back() {
        for a in Action::ALL {
            use serde::de::IntoDeserializer;
            let name = a.name();
            let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
                name.as_str().into_deserializer();
            assert_eq!(Action::deserialize(de).ok(), Some(*a), "{a:?}");
            assert_eq!(Action::parse(&a.name()), Some(*a));
        }
        assert_eq!(Action::MoveDown.name(), "move_down");
        assert_eq!(Action::Screen1.name(), "screen1");
        assert_eq!(Action::parse("nope"), None);
    }
}
