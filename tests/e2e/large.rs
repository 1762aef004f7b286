//! The real binary on a large département (500 cases, 80 alerts: `support::big`) in an
//! 80×24 pseudo-terminal: the body-level alert, « the GTRDO has never met », is on the
//! first screen, whole, above the alerts about cases.

#![cfg(unix)]

use crate::support::{big, pty::Pty};
use std::path::Path;
use tempfile::TempDir;

#[test]
fn the_gtrdo_alert_is_on_the_first_screen_at_80x24() {
    let root = big::root();
    let config = TempDir::new().unwrap();
    let bin = env!("CARGO_BIN_EXE_cellule");
    let data = root.path().display().to_string();
    let config_dir = config.path().display().to_string();
    let env = [
        ("CELLULE_CONFIG_DIR", config_dir.as_str()),
        ("CELLULE_TODAY", big::TODAY),
        ("LANG", "C.UTF-8"),
    ];
    let mut pty = Pty::spawn(Path::new(bin), &["--data", &data], &env, 80, 24);
    pty.wait_for("Alertes (80)");
    // The screen is whole once the bottom line is drawn.
    pty.wait_until("the first screen drawn", |screen| {
        screen.contains("GTRDO : aucune réunion tenue") && screen.contains(": commandes")
    });
    let screen = pty.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let gtrdo = lines
        .iter()
        .position(|l| l.contains("GTRDO : aucune réunion tenue"))
        .unwrap_or_else(|| panic!("the GTRDO alert is not on the first screen:\n{screen}"));
    let overdue = lines
        .iter()
        .position(|l| l.contains("Examens en retard (40)"))
        .unwrap_or_else(|| panic!("no group of overdue reviews:\n{screen}"));
    assert!(gtrdo < overdue, "the body's alert comes first:\n{screen}");
    assert!(lines.len() <= 24);
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}
