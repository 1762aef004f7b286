//! What the interface could not write: the writes that failed (retried by the runtime,
//! shown by a marker until one succeeds), the questions about them (leaving with unsaved
//! changes, the rescue copies of an earlier session), and their words.

use super::input::LineInput;
use crate::domain::fipd::Programme;
use crate::domain::{Case, DeptData, Meeting};
use crate::i18n::Lang;
use crate::workspace::{ExportRequest, Rescued, Unsaved, WorkError, WriteKey};

/// One write of the interface, as it can be tried again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// A meeting's file, hash-checked (`overwrite`: over a file changed elsewhere, as the
    /// user chose).
    Meeting {
        meeting: Meeting,
        overwrite: bool,
    },
    Programme(Programme),
    /// A new case.
    Case(Case),
    /// A case edited in the case form (its file edited with the fewest changed lines,
    /// hash-checked).
    CaseEdit(Case),
    Export {
        request: ExportRequest,
        commit: bool,
    },
}

impl Write {
    pub fn key(&self) -> WriteKey {
        match self {
            Write::Meeting { meeting, .. } => WriteKey::Meeting(meeting.id.clone()),
            Write::Programme(p) => WriteKey::Programme(p.year),
            Write::Case(c) | Write::CaseEdit(c) => WriteKey::Case(c.id.clone()),
            Write::Export { request, .. } => WriteKey::Export(request.clone()),
        }
    }

    /// What the workspace keeps of it in a rescue copy.
    pub fn unsaved<'a>(&'a self, data: &'a DeptData, lang: Lang) -> Unsaved<'a> {
        match self {
            Write::Meeting { meeting, .. } => Unsaved::Meeting(meeting),
            Write::Programme(p) => Unsaved::Programme(p),
            Write::Case(c) => Unsaved::Case(c),
            Write::CaseEdit(c) => Unsaved::CaseEdit(c),
            Write::Export { request, .. } => Unsaved::Export {
                request,
                data,
                lang,
            },
        }
    }
}

/// A write that failed and is not done yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The latest content for its file.
    pub write: Write,
    /// Why the last try failed.
    pub error: WorkError,
    /// Whether a rescue copy of it is kept outside the data folder.
    pub rescued: bool,
}

/// A question about unsaved work; it gets the keys before anything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Leaving the séance (`quit`: the program) with writes not done: try again, write a
    /// copy to a file, or leave (the rescue copy stays). Arrows and `Entrée`.
    Leave { quit: bool, choice: usize },
    /// The file to write a copy to.
    CopyTo {
        quit: bool,
        input: LineInput,
        error: Option<String>,
    },
    /// The first of [`UnsavedState::rescued`], kept by an earlier session: restore it,
    /// discard it, or decide later. `conflict`: its file changed since, restoring
    /// would write over that change.
    Rescued { choice: usize, conflict: bool },
}

impl Question {
    /// Its key-map context: a file name typed, else arrows and `Entrée`.
    pub fn context(&self) -> super::keymap::Context {
        match self {
            Question::CopyTo { .. } => super::keymap::Context::TextEntry,
            _ => super::keymap::Context::Dialog,
        }
    }
}

/// The interface's unsaved work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnsavedState {
    pub pending: Vec<Pending>,
    pub question: Option<Question>,
    /// Rescue copies of an earlier session not yet answered.
    pub rescued: Vec<Rescued>,
}

impl UnsavedState {
    /// A new write of a file: it becomes the content a retry writes (a case whose
    /// creation failed is still created, with the form's latest content).
    pub fn issued(&mut self, write: &Write) {
        let key = write.key();
        if let Some(p) = self.pending.iter_mut().find(|p| p.write.key() == key) {
            p.write = match (&p.write, write) {
                (Write::Case(_), Write::CaseEdit(c)) => Write::Case(c.clone()),
                _ => write.clone(),
            };
        }
    }

    /// A write failed. The content kept is the latest issued for its file.
    pub fn failed(&mut self, write: Write, error: WorkError, rescued: bool) {
        let key = write.key();
        match self.pending.iter_mut().find(|p| p.write.key() == key) {
            Some(p) => {
                p.error = error;
                p.rescued = rescued;
            }
            None => self.pending.push(Pending {
                write,
                error,
                rescued,
            }),
        }
    }

    /// A write of `key` succeeded (or the user took the version on disk).
    pub fn saved(&mut self, key: &WriteKey) {
        self.pending.retain(|p| &p.write.key() != key);
        if self.pending.is_empty()
            && matches!(
                self.question,
                Some(Question::Leave { .. } | Question::CopyTo { .. })
            )
        {
            self.question = None;
        }
    }

    pub fn is_pending(&self, key: &WriteKey) -> bool {
        self.pending.iter().any(|p| &p.write.key() == key)
    }

    /// The writes a retry tries again: all but those refused by a change made elsewhere,
    /// which wait for the user's answer.
    pub fn to_retry(&self) -> Vec<Write> {
        self.pending
            .iter()
            .filter(|p| !p.error.is_conflict())
            .map(|p| p.write.clone())
            .collect()
    }
}

/// The words of unsaved work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum U {
    Marker,
    Retrying,
    RescueKept,
    NoRescue,
    LeaveTitle,
    QuitTitle,
    LeaveText,
    Retry,
    CopyTo,
    LeaveAnyway,
    QuitAnyway,
    CopyTitle,
    CopyHint,
    CopyWritten,
    CopyFailed,
    Saved,
    RescuedTitle,
    RescuedText,
    RescuedConflict,
    Restore,
    Overwrite,
    Discard,
    Later,
    Restored,
    RestoreFailed,
    Discarded,
}

impl U {
    pub fn get(self, lang: Lang) -> &'static str {
        use U::*;
        let (fr, en) = match self {
            Marker => ("⚠ non enregistré", "⚠ not saved"),
            Retrying => ("nouvel essai automatique", "retried on its own"),
            RescueKept => (
                "copie de secours gardée hors du dossier partagé",
                "rescue copy kept outside the shared folder",
            ),
            NoRescue => ("aucune copie de secours", "no rescue copy"),
            LeaveTitle => ("Quitter la séance ?", "Leave the séance?"),
            QuitTitle => ("Quitter cellule ?", "Quit cellule?"),
            LeaveText => (
                "Des modifications ne sont pas enregistrées dans le dossier partagé.",
                "Some changes are not saved in the shared folder.",
            ),
            Retry => ("Réessayer maintenant", "Try again now"),
            CopyTo => (
                "Écrire une copie dans un fichier…",
                "Write a copy to a file…",
            ),
            LeaveAnyway => (
                "Quitter la séance (la copie de secours reste)",
                "Leave the séance (the rescue copy stays)",
            ),
            QuitAnyway => (
                "Quitter (la copie de secours reste, proposée au prochain démarrage)",
                "Quit (the rescue copy stays, offered at the next start)",
            ),
            CopyTitle => ("Écrire une copie", "Write a copy"),
            CopyHint => (
                "Chemin du fichier à créer (Entrée : écrire, Échap : retour)",
                "Path of the file to create (Enter: write, Esc: back)",
            ),
            CopyWritten => ("Copie écrite", "Copy written"),
            CopyFailed => ("Copie impossible", "Cannot write the copy"),
            Saved => ("Enregistré", "Saved"),
            RescuedTitle => ("Copie de secours", "Rescue copy"),
            RescuedText => (
                "Une modification n'avait pas pu être enregistrée lors d'une session précédente :",
                "A change could not be saved during an earlier session:",
            ),
            RescuedConflict => (
                "Le fichier a été modifié par ailleurs depuis : restaurer écrirait par-dessus.",
                "The file was changed elsewhere since: restoring would write over it.",
            ),
            Restore => ("Restaurer", "Restore"),
            Overwrite => (
                "Restaurer quand même (écrase la version du disque)",
                "Restore anyway (overwrites the version on disk)",
            ),
            Discard => ("Écarter la copie", "Discard the copy"),
            Later => ("Décider plus tard", "Decide later"),
            Restored => ("Copie de secours restaurée", "Rescue copy restored"),
            RestoreFailed => (
                "Restauration impossible (la copie de secours reste)",
                "Cannot restore (the rescue copy stays)",
            ),
            Discarded => ("Copie de secours écartée", "Rescue copy discarded"),
        };
        lang.pick(fr, en)
    }
}

/// The marker's line: « ⚠ non enregistré : <why> — nouvel essai automatique ».
pub fn marker(state: &UnsavedState, lang: Lang) -> Option<String> {
    let last = state.pending.last()?;
    let more = state.pending.len() - 1;
    // The file's name rather than its whole path: the reason stays in sight.
    let mut why = last.error.text(lang);
    if let Some(path) = last.error.path() {
        let whole = crate::text::visible(&path.to_string_lossy()).into_owned();
        if let (Some(rest), Some(name)) = (why.strip_prefix(&whole), path.file_name()) {
            why = format!("{}{rest}", crate::text::visible(&name.to_string_lossy()));
        }
    }
    // « non enregistré » says already that the write failed: the system's reason follows.
    let failed = crate::i18n::Msg::WriteFailed {
        detail: String::new(),
    }
    .text(lang);
    let failed = failed.trim_end();
    if !failed.is_empty()
        && let Some(at) = why.find(failed)
    {
        let rest = why[at + failed.len()..].trim_start().to_string();
        why = format!("{}{rest}", &why[..at]);
    }
    let mut line = format!("{} : {why}", U::Marker.get(lang));
    if more > 0 {
        line.push_str(&format!(" (+{more})"));
    }
    if !last.error.is_conflict() {
        line.push_str(" — ");
        line.push_str(U::Retrying.get(lang));
    }
    line.push_str(" — ");
    line.push_str(if last.rescued {
        U::RescueKept.get(lang)
    } else {
        U::NoRescue.get(lang)
    });
    Some(line)
}

/// The notice of the temporary files a crash left, removed at the start.
pub fn cleaned_temp(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => "1 fichier temporaire laissé par un arrêt brutal a été supprimé".into(),
        (Lang::Fr, n) => {
            format!("{n} fichiers temporaires laissés par un arrêt brutal ont été supprimés")
        }
        (Lang::En, 1) => "1 temporary file left by a crash was removed".into(),
        (Lang::En, n) => format!("{n} temporary files left by a crash were removed"),
    }
}

/// What a rescue copy is about, in one line.
pub fn rescued_line(r: &Rescued) -> String {
    crate::text::visible(&format!("{} ({})", r.target.display(), r.kept)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::MeetingStatus;
    use crate::domain::testing::meeting;
    use std::path::PathBuf;

    fn full() -> WorkError {
        WorkError::Io {
            path: PathBuf::from("49/meetings/m.yaml"),
            op: crate::workspace::IoOp::Write,
            kind: std::io::ErrorKind::StorageFull,
            detail: "No space left on device".into(),
        }
    }

    #[test]
    fn the_latest_content_is_retried_and_a_success_clears_it() {
        let mut s = UnsavedState::default();
        let mut m = meeting("m", "cpraf", "2026-11-30", MeetingStatus::Held);
        let w1 = Write::Meeting {
            meeting: m.clone(),
            overwrite: false,
        };
        s.failed(w1.clone(), full(), true);
        m.place = Some("Salle 2".into());
        let w2 = Write::Meeting {
            meeting: m,
            overwrite: false,
        };
        s.issued(&w2);
        // The first try's failure arrives after the second was issued: w2 stays.
        s.failed(w1, full(), true);
        assert_eq!(s.to_retry(), vec![w2.clone()]);
        let line = marker(&s, Lang::Fr).unwrap();
        assert!(
            line.starts_with("⚠ non enregistré : m.yaml: plus de place sur le disque"),
            "{line}"
        );
        assert!(line.contains("plus de place"), "{line}");
        s.saved(&w2.key());
        assert!(s.pending.is_empty());
        assert_eq!(marker(&s, Lang::Fr), None);
    }
}
