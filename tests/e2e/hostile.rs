//! Hostile data in the interface: the real `cellule` binary in a pseudo-terminal.
//! Texts holding escape sequences, controls, bidi overrides and zero-width characters are
//! shown as harmless marks and never reach the terminal raw; hostile files do not stop
//! the interface from opening with the rest of the data.

#![cfg(unix)]

use crate::support::pty;

use crate::support::data;
use data::*;
use pty::Pty;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};
use tempfile::TempDir;

fn open(root: &Path, config: &TempDir) -> Pty {
    let bin = assert_cmd::cargo::cargo_bin("cellule");
    let config_dir = config.path().to_str().unwrap().to_string();
    Pty::spawn(
        &bin,
        &["--data", root.to_str().unwrap(), "--dept", "49"],
        &[
            ("CELLULE_CONFIG_DIR", config_dir.as_str()),
            ("NO_COLOR", "1"),
        ],
        140,
        45,
    )
}

/// Sequences that must never reach the terminal from the data (none of them is one
/// the interface draws with).
const RAW_FORBIDDEN: &[(&str, &[u8])] = &[
    ("OSC 52 clipboard write", b"\x1b]52"),
    ("OSC 8 link", b"\x1b]8;"),
    ("CSI 5i (print)", b"\x1b[5i"),
    ("C1 CSI", "\u{9b}".as_bytes()),
    ("right-to-left override", "\u{202e}".as_bytes()),
    ("zero-width space", "\u{200b}".as_bytes()),
    ("BEL", b"\x07"),
];

fn assert_raw_harmless(raw: &[u8]) {
    for (what, bytes) in RAW_FORBIDDEN {
        assert!(
            !raw.windows(bytes.len()).any(|w| w == *bytes),
            "{what} reached the terminal"
        );
    }
}

#[test]
fn escapes_in_a_case_are_shown_as_marks_and_never_sent_raw() {
    let root = demo_root();
    fs::write(
        root.path().join("49/cases/49-2026-099.yaml"),
        concat!(
            "id: 49-2026-099\nbody: cpraf\nkind: person\n",
            "label: \"HOSTILE \\e[5i\\e]52;c;eA==\\a\"\n",
            "name: \"Nom \\e]8;;http://example.invalid/\\e\\\\lien\\e]8;;\\e\\\\ \\u202Edroite \\u200Bzw \\u009B5i\"\n",
            "reported_on: 2026-10-01\nsource: cnapr\nstatus: reported\n",
            "notes: \"ligne\\r\\n\\e[5i\\u0000\\u007f fin\"\n",
        ),
    )
    .unwrap();
    let config = TempDir::new().unwrap();
    let mut pty = open(root.path(), &config);
    pty.wait_for("Alertes");
    pty.send("2");
    pty.wait_for("Situations");
    pty.type_slowly("/HOSTILE");
    pty.wait_for("Situations (1)");
    pty.wait_for("␛]52;c;eA==␇");
    pty.wait_for("⟨U+202E⟩droite");
    let screen = pty.screen();
    assert!(screen.contains("␛]8;;"), "{screen}");
    assert!(screen.contains("⟨U+009B⟩"), "{screen}");
    pty.send("\u{3}");
    pty.wait_exit();
    assert_raw_harmless(&pty.raw);
}

/// The titles of the cases and meetings lists, as the interface shows them for `root`.
fn list_titles(root: &Path) -> (String, String) {
    let config = TempDir::new().unwrap();
    let mut pty = open(root, &config);
    pty.wait_for("Alertes");
    let title = |pty: &mut Pty, key: &str, word: &str| {
        pty.send(key);
        pty.wait_for(&format!("{word} ("));
        let screen = pty.screen();
        let at = screen.find(&format!("{word} (")).unwrap();
        let end = at + screen[at..].find(')').unwrap();
        screen[at..=end].to_string()
    };
    let cases = title(&mut pty, "2", "Situations");
    let meetings = title(&mut pty, "3", "Réunions");
    pty.send("\u{3}");
    pty.wait_exit();
    assert_raw_harmless(&pty.raw);
    (cases, meetings)
}

#[test]
fn hostile_files_do_not_stop_the_interface_from_opening() {
    let pristine = demo_root();
    let (cases, meetings) = list_titles(pristine.path());
    let root = demo_root();
    let hostile = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    fs::copy(
        hostile.join("alias-bomb.yaml"),
        root.path().join("49/cases/49-2026-097.yaml"),
    )
    .unwrap();
    fs::copy(
        hostile.join("escapes.yaml"),
        root.path().join("49/cases/49-2026-098.yaml"),
    )
    .unwrap();
    let deep = format!("id: 49-2026-096\nnotes: {}\n", "[".repeat(10_000));
    fs::write(root.path().join("49/cases/49-2026-096.yaml"), deep).unwrap();
    let mut binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    binary.extend_from_slice(b"\x1b]52;c;eA==\x07");
    fs::write(root.path().join("49/cases/49-2026-095.yaml"), binary).unwrap();
    fs::write(
        root.path().join("49/cases/49-2026-094.yaml"),
        "x".repeat(2 * 1024 * 1024),
    )
    .unwrap();
    let mut agenda = String::from(
        "id: 2026-12-28-cpraf\nbody: cpraf\ndate: 2026-12-28\nstart: \"14:30\"\nchair: dircab\n\
         status: draft\nattendance:\n  - member: dircab\n    status: invited\nitems:\n",
    );
    for n in 0..10_000 {
        agenda.push_str(&format!("  - kind: topic\n    title: Point {n}\n"));
    }
    fs::write(
        root.path().join("49/meetings/2026-12-28-cpraf.yaml"),
        agenda,
    )
    .unwrap();

    let start = Instant::now();
    let (hostile_cases, hostile_meetings) = list_titles(root.path());
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    // The demo's cases are all there; the meetings too, plus the 10,000-item agenda.
    assert_eq!(hostile_cases, cases);
    let count = |t: &str| -> usize {
        t.trim_start_matches("Réunions (")
            .trim_end_matches(')')
            .parse()
            .unwrap()
    };
    assert_eq!(
        count(&hostile_meetings),
        count(&meetings) + 1,
        "{hostile_meetings} {meetings}"
    );
}

/// A read-only meeting file: the edit stays on screen and a clear message says it was
/// not saved; the file on disk is as it was.
#[test]
fn a_read_only_meeting_file_keeps_the_edit_on_screen_with_a_message() {
    let root = demo_root();
    let file = root.path().join("49/meetings/2026-12-14-cpraf.yaml");
    let original = fs::read(&file).unwrap();
    let frozen = is_root_user();
    if frozen {
        let ok = std::process::Command::new("chattr")
            .arg("+i")
            .arg(&file)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("note: running as root without chattr +i: test skipped");
            return;
        }
    } else {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
    }
    let config = TempDir::new().unwrap();
    let mut pty = open(root.path(), &config);
    pty.wait_for("Alertes");
    pty.send("3");
    pty.wait_for("Réunions (");
    pty.send("\r");
    pty.wait_for("Ordre du jour — 2026-12-14-cpraf");
    pty.send("a");
    pty.wait_for("Sujet");
    pty.type_slowly("Point ajouté hors fichier");
    pty.send("\r");
    pty.wait_for("Point ajouté hors fichier");
    std::thread::sleep(Duration::from_millis(300));
    pty.pump(Duration::from_millis(200));
    let screen = pty.screen();
    pty.send("\u{3}");
    pty.wait_exit();
    if frozen {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&file)
            .status();
    }
    assert_eq!(fs::read(&file).unwrap(), original);
    assert!(screen.contains("impossible"), "{screen}");
    assert_raw_harmless(&pty.raw);
}

fn is_root_user() -> bool {
    let out = std::process::Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

/// Projector mode (`hide_names: true`): no followed person's full name on any screen of the
/// cases list, whichever case is selected.
#[test]
fn projector_mode_shows_no_full_name_of_a_followed_person() {
    let root = demo_root();
    let loaded = cellule::store::load_root(root.path()).unwrap();
    let names: Vec<String> = loaded.depts[0]
        .data
        .cases
        .iter()
        .filter_map(|c| c.name.clone())
        .collect();
    assert!(names.len() > 10);
    // The beginning of each case's notes, as the detail pane would show it.
    let notes: Vec<String> = loaded.depts[0]
        .data
        .cases
        .iter()
        .filter_map(|c| {
            c.notes
                .as_deref()?
                .lines()
                .next()
                .map(|l| l.chars().take(30).collect())
        })
        .filter(|l: &String| l.chars().count() >= 20)
        .collect();
    assert!(notes.len() > 10);
    let config = TempDir::new().unwrap();
    fs::write(config.path().join("config.yaml"), "hide_names: true\n").unwrap();
    let mut pty = open(root.path(), &config);
    pty.wait_for("Alertes");
    let mut screens = vec![pty.screen()];
    pty.send("2");
    pty.wait_for("Situations (");
    // Every case, closed ones included ("f" cycles the filters; the list shows them all).
    for _ in 0..45 {
        pty.send("j");
        pty.pump(Duration::from_millis(20));
        screens.push(pty.screen());
    }
    pty.send("3");
    pty.wait_for("Réunions (");
    pty.send("\r");
    pty.wait_for("Ordre du jour");
    screens.push(pty.screen());
    pty.send("\u{3}");
    pty.wait_exit();
    for screen in &screens {
        for name in &names {
            assert!(!screen.contains(name.as_str()), "{name} shown:\n{screen}");
        }
        for note in &notes {
            assert!(
                !screen.contains(note.as_str()),
                "notes shown: {note}\n{screen}"
            );
        }
    }
    assert!(
        screens.iter().any(|s| s.contains("masqué")),
        "{}",
        screens[2]
    );
}
