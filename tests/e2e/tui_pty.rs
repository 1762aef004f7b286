//! The interface's runtime in a real pseudo-terminal, with a store that records what it is
//! asked: what only an in-process program can show (a panic in the middle of a save) and the
//! signals that must restore the terminal. The test binary plays the program: it runs itself
//! again, inside the pty, with `CELLULE_TUI_CHILD` naming the scenario. The journeys through
//! the screens are proven on the real binary (`interface.rs`) and key by key (`tests/tui`).

#![cfg(unix)]

use crate::support::tui as tui_support;

use cellule::domain::Meeting;
use cellule::i18n::{Lang, Msg};
use cellule::store::Problem;
use cellule::tui::{CaseEdit, Persist, WorkError, run_app};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Records what the interface asks of the store in a log file; edits one case file.
struct Recorder {
    log: PathBuf,
    case_file: PathBuf,
    panic_on_save: bool,
    /// The case file as it was when the edit began (edited in place here).
    original: Option<Vec<u8>>,
}

impl Recorder {
    fn note(&self, line: &str) {
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .unwrap();
        writeln!(f, "{line}").unwrap();
    }
}

impl Persist for Recorder {
    fn save_meeting(&mut self, meeting: &Meeting) -> Result<(), WorkError> {
        if self.panic_on_save {
            panic!("the store failed badly");
        }
        self.note(&format!("save {} {}", meeting.id, meeting.items.len()));
        Ok(())
    }
    fn delete_meeting(&mut self, id: &str) -> Result<(), WorkError> {
        self.note(&format!("delete {id}"));
        Ok(())
    }
    fn begin_case_edit(&mut self, _id: &str) -> Result<Option<PathBuf>, WorkError> {
        if self.original.is_none() {
            self.original = Some(std::fs::read(&self.case_file).unwrap());
        }
        Ok(Some(self.case_file.clone()))
    }
    fn finish_case_edit(&mut self, id: &str) -> Result<CaseEdit, WorkError> {
        let text = std::fs::read_to_string(&self.case_file).unwrap();
        if text.contains("INVALID") {
            self.note("check invalid");
            let file = format!("49/cases/{id}.yaml");
            return Err(WorkError::Invalid {
                path: file.clone().into(),
                problems: vec![Problem {
                    file,
                    line: 2,
                    column: 1,
                    msg: Msg::EmptyValue {
                        key: "label".into(),
                    },
                }],
            });
        }
        self.note("check valid");
        self.original = None;
        let mut case = tui_support::fixture().case(id).unwrap().clone();
        case.label = "A.B. (modifié)".into();
        Ok(CaseEdit::Saved(Box::new(case)))
    }
    fn export(
        &mut self,
        request: &cellule::tui::ExportRequest,
        _data: &cellule::domain::DeptData,
        _lang: Lang,
        commit: bool,
    ) -> Result<PathBuf, WorkError> {
        self.note(&format!("export {request:?} commit={commit}"));
        Ok(PathBuf::from("49/minutes/2026-10-28-cpraf.partners.md"))
    }
    fn discard_case_edit(&mut self, _id: &str) -> Result<(), WorkError> {
        if let Some(original) = self.original.take() {
            std::fs::write(&self.case_file, original).unwrap();
        }
        self.note("restore");
        Ok(())
    }
}

/// The program the pty runs (skipped in normal test runs).
#[test]
#[ignore = "run inside a pseudo-terminal by the other tests of this file"]
fn child_interface() {
    let Ok(scenario) = std::env::var("CELLULE_TUI_CHILD") else {
        return;
    };
    let dir = PathBuf::from(std::env::var("CELLULE_TUI_DIR").unwrap());
    let mut recorder = Recorder {
        log: dir.join("log"),
        case_file: dir.join("case.yaml"),
        panic_on_save: scenario == "panic",
        original: None,
    };
    let app = tui_support::app(Lang::Fr);
    run_app(app, &mut recorder).unwrap();
}

struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    /// Kept for the life of the session: the child reads its files from it.
    _dir: tempfile::TempDir,
}

impl Pty {
    fn start(scenario: &str, editor: Option<&str>) -> Pty {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("case.yaml"),
            "id: 49-2026-001\nlabel: A.B.\n",
        )
        .unwrap();
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(std::env::current_exe().unwrap());
        cmd.args([
            "--exact",
            "tui_pty::child_interface",
            "--include-ignored",
            "--nocapture",
            "--test-threads=1",
        ]);
        cmd.env("CELLULE_TUI_CHILD", scenario);
        cmd.env("CELLULE_TUI_DIR", dir.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env("RUST_BACKTRACE", "0");
        cmd.env_remove("VISUAL");
        match editor {
            Some(e) => cmd.env("EDITOR", e),
            None => cmd.env_remove("EDITOR"),
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(24).unwrap(),
            std::num::NonZeroU16::new(80).unwrap(),
            0,
        )));
        let sink = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Pty {
            parser,
            writer,
            child,
            master: pair.master,
            _dir: dir,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("{text:?} never appeared; screen:\n{}", self.screen());
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let each key be read on its own (Esc is told from Alt by timing).
        std::thread::sleep(Duration::from_millis(60));
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return status;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        let _ = self.child.kill();
        panic!("the interface did not exit; screen:\n{}", self.screen());
    }

    /// The terminal is as the shell expects it: main screen, cursor shown, line mode and echo.
    fn assert_restored(&self) {
        let parser = self.parser.lock().unwrap();
        assert!(
            !parser.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert!(!parser.screen().hide_cursor(), "cursor still hidden");
        #[cfg(target_os = "linux")]
        if let Some(termios) = self.master.get_termios() {
            let lflags = termios.local_flags.bits();
            assert!(lflags & 0o2 != 0, "ICANON is off: raw mode left on");
            assert!(lflags & 0o10 != 0, "ECHO is off: raw mode left on");
        }
    }
}

#[test]
fn a_panic_restores_the_terminal_before_reporting() {
    let mut pty = Pty::start("panic", None);
    pty.wait_for("Alertes (7)");
    pty.send("3\rs");
    let status = pty.wait_exit();
    assert!(!status.success());
    pty.assert_restored();
    assert!(
        pty.screen().contains("the store failed badly"),
        "{}",
        pty.screen()
    );
}

fn signal(pty: &Pty, name: &str) {
    let pid = pty.child.process_id().expect("child pid");
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut pty = Pty::start("normal", None);
    pty.wait_for("Alertes (7)");
    pty.send("2/ad");
    pty.wait_for("Recherche");
    signal(&pty, "TERM");
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
    pty.assert_restored();
}

#[test]
fn sighup_restores_the_terminal() {
    let mut pty = Pty::start("normal", None);
    pty.wait_for("Alertes (7)");
    signal(&pty, "HUP");
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 128 + 1, "{status:?}");
    pty.assert_restored();
}
