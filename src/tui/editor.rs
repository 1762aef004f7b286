//! Which text editor opens a file (`E` on a case, `Entrée` on a problem), and what the user
//! is told about leaving it: `$VISUAL`, else `$EDITOR`, else `nano` when it is installed
//! (a newcomer can leave it: its keys are on screen), else `vi`.

use crate::i18n::Lang;
use std::path::Path;

/// The editor to run: its program, its own arguments, and a sentence on how to leave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub program: String,
    pub args: Vec<String>,
}

impl Editor {
    /// The editor of this environment.
    pub fn from_env() -> Editor {
        let var = |name: &str| std::env::var(name).ok();
        let path = std::env::var_os("PATH").unwrap_or_default();
        let nano = std::env::split_paths(&path).any(|dir| is_program(&dir.join("nano")));
        Editor::choose(var("VISUAL"), var("EDITOR"), nano)
    }

    /// `visual`, else `editor` (blank ones skipped), else nano when `nano_installed`, else vi.
    pub fn choose(visual: Option<String>, editor: Option<String>, nano_installed: bool) -> Editor {
        let chosen = [visual, editor]
            .into_iter()
            .flatten()
            .find(|v| !v.trim().is_empty());
        let line = chosen.unwrap_or_else(|| if nano_installed { "nano" } else { "vi" }.to_string());
        let mut words = line.split_whitespace().map(str::to_string);
        let program = words.next().unwrap_or_else(|| "vi".to_string());
        Editor {
            program,
            args: words.collect(),
        }
    }

    /// The program's own name, without its folder (`/usr/bin/nano` → `nano`).
    fn name(&self) -> &str {
        Path::new(&self.program)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(&self.program)
    }

    /// The arguments that open `path` at `line` (1-based): `+LINE` for the editors that
    /// take it (vi, vim, nvim, nano, emacs, micro, kak…), nothing for the others.
    pub fn args_at(&self, line: Option<usize>) -> Vec<String> {
        let mut args = self.args.clone();
        if let Some(line) = line.filter(|l| *l > 0)
            && matches!(
                self.name(),
                "vi" | "vim"
                    | "nvim"
                    | "view"
                    | "nano"
                    | "pico"
                    | "emacs"
                    | "emacsclient"
                    | "micro"
                    | "kak"
                    | "mg"
                    | "jed"
                    | "joe"
                    | "ne"
            )
        {
            args.push(format!("+{line}"));
        }
        args
    }

    /// What is printed before the editor opens: which one, and how to save and leave it.
    /// Runs the editor on `path` at `line` (where it takes `+LINE`), the terminal handed
    /// over meanwhile (the caller leaves and enters it again); says how to leave it first.
    pub fn open_at(&self, path: &std::path::Path, line: usize, lang: Lang) -> std::io::Result<()> {
        eprintln!("{}", self.how_to_leave(lang));
        std::process::Command::new(&self.program)
            .args(self.args_at(Some(line)))
            .arg(path)
            .status()
            .map(|_| ())
    }

    pub fn how_to_leave(&self, lang: Lang) -> String {
        let name = crate::text::visible(self.name());
        match (self.name(), lang) {
            ("nano" | "pico", Lang::Fr) => format!(
                "Ouverture de {name} : Ctrl-O enregistre, Ctrl-X quitte et revient à cellule."
            ),
            ("nano" | "pico", Lang::En) => {
                format!("Opening {name}: Ctrl-O saves, Ctrl-X quits and goes back to cellule.")
            }
            ("vi" | "vim" | "nvim", Lang::Fr) => format!(
                "Ouverture de {name} : i pour écrire, puis Échap et :wq Entrée pour enregistrer et revenir à cellule (:q! Entrée pour quitter sans enregistrer)."
            ),
            ("vi" | "vim" | "nvim", Lang::En) => format!(
                "Opening {name}: i to type, then Esc and :wq Enter to save and go back to cellule (:q! Enter to quit without saving)."
            ),
            (_, Lang::Fr) => format!(
                "Ouverture de {name} : enregistrez et quittez l'éditeur pour revenir à cellule."
            ),
            (_, Lang::En) => {
                format!("Opening {name}: save and quit the editor to go back to cellule.")
            }
        }
    }
}

#[cfg(unix)]
fn is_program(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_program(path: &Path) -> bool {
    path.with_extension("exe").is_file() || path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn visual_then_editor_then_nano_then_vi() {
        assert_eq!(Editor::choose(s("code -w"), s("vim"), true).program, "code");
        assert_eq!(Editor::choose(s("code -w"), None, true).args, vec!["-w"]);
        assert_eq!(Editor::choose(s("  "), s("vim"), true).program, "vim");
        assert_eq!(Editor::choose(None, None, true).program, "nano");
        assert_eq!(Editor::choose(None, s(""), false).program, "vi");
    }

    #[test]
    fn the_line_is_given_to_editors_that_take_it() {
        let nano = Editor::choose(None, None, true);
        assert_eq!(nano.args_at(Some(12)), vec!["+12"]);
        assert_eq!(nano.args_at(None), Vec::<String>::new());
        let vim = Editor::choose(s("/usr/bin/vim -u NONE"), None, false);
        assert_eq!(vim.args_at(Some(3)), vec!["-u", "NONE", "+3"]);
        let code = Editor::choose(s("code -w"), None, false);
        assert_eq!(code.args_at(Some(3)), vec!["-w"]);
    }

    #[test]
    fn the_user_is_told_how_to_leave() {
        let nano = Editor::choose(None, None, true);
        assert!(nano.how_to_leave(Lang::Fr).contains("Ctrl-X"));
        let vi = Editor::choose(None, None, false);
        assert!(vi.how_to_leave(Lang::Fr).contains(":wq"));
        assert!(vi.how_to_leave(Lang::En).contains(":q!"));
    }
}
