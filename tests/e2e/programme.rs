//! End to end: the FIPD programme screen of the demo in a pseudo-terminal. An amount
//! edited in the form is saved at once with a one-line change, the check it breaks
//! appears, and undo puts the file back as it was.

#![cfg(unix)]

use crate::support as common;

use common::pty::Pty;
use std::path::Path;
use tempfile::TempDir;

#[test]
fn edit_an_amount_see_the_check_and_undo() {
    let config = TempDir::new().unwrap();
    let holder = TempDir::new().unwrap();
    let root = holder.path().join("donnees");
    let bin = env!("CARGO_BIN_EXE_cellule");
    let script = format!("'{bin}' demo --data '{}'; echo EXIT=$?", root.display());
    let config_dir = config.path().display().to_string();
    let env = [
        ("CELLULE_CONFIG_DIR", config_dir.as_str()),
        ("LANG", "C.UTF-8"),
    ];
    let mut pty = Pty::spawn(Path::new("/bin/sh"), &["-c", &script], &env, 120, 36);
    pty.wait_for("Alertes");
    let file = root.join("49/fipd/2026.yaml");
    let original = std::fs::read_to_string(&file).unwrap();

    pty.send("f");
    pty.wait_for("Programme FIPD 2026");
    // The demo breaks one rule on purpose: training and team support over their cap.
    pty.wait_for("plafond");
    assert!(!pty.screen().contains("pour un coût de 10"));

    // The sixth action is the primary prevention one: 2 000 € of 10 000 €.
    pty.send("jjjjj");
    pty.send("\r");
    pty.wait_for("Action esprit-critique");
    pty.send("\t\t\t\t\t");
    pty.send("\x15");
    pty.send("2001");
    pty.send("\r");
    pty.wait_for("pour un coût de 10");
    pty.wait_until("the file written", |_| {
        std::fs::read_to_string(&file).is_ok_and(|t| t != original)
    });
    let edited = std::fs::read_to_string(&file).unwrap();
    let changed: Vec<(&str, &str)> = original
        .lines()
        .zip(edited.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed, [("    granted: 2000", "    granted: 2001")]);
    assert_eq!(original.lines().count(), edited.lines().count());

    pty.send("u");
    pty.wait_until("the check gone", |screen| {
        !screen.contains("pour un coût de 10")
    });
    pty.wait_until("the file back", |_| {
        std::fs::read_to_string(&file).is_ok_and(|t| t == original)
    });
    pty.send("q");
    pty.wait_for("Alertes");
    pty.send("q");
    pty.wait_for("EXIT=0");
}
