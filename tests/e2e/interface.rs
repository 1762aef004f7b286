//! End to end on the real binary: `cellule demo` in a pseudo-terminal, driven by keys as a
//! person types them, the screen read back with a terminal emulator, the files checked on disk.

#![cfg(unix)]

use crate::support as common;

use common::pty::Pty;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

struct Session {
    pty: Pty,
    root: PathBuf,
    _dirs: (TempDir, TempDir),
}

/// `cellule demo --data <fresh folder>`, then `stty -a` once it exits (to see the terminal modes).
fn open_demo(editor: Option<&Path>, cols: u16, rows: u16) -> Session {
    open_demo_with(editor, cols, rows, "")
}

/// [`open_demo`] with this text as the config file.
fn open_demo_with(editor: Option<&Path>, cols: u16, rows: u16, config_yaml: &str) -> Session {
    let config = TempDir::new().unwrap();
    if !config_yaml.is_empty() {
        std::fs::write(config.path().join("config.yaml"), config_yaml).unwrap();
    }
    let holder = TempDir::new().unwrap();
    let root = holder.path().join("donnees");
    let bin = env!("CARGO_BIN_EXE_cellule");
    let script = format!(
        "'{bin}' demo --data '{}'; echo EXIT=$?; stty -a",
        root.display()
    );
    let config_dir = config.path().display().to_string();
    let mut env = vec![
        ("CELLULE_CONFIG_DIR", config_dir.as_str()),
        ("LANG", "C.UTF-8"),
    ];
    let editor_text = editor.map(|e| e.display().to_string());
    if let Some(e) = editor_text.as_deref() {
        env.push(("EDITOR", e));
        env.push(("VISUAL", e));
    }
    let mut pty = Pty::spawn(Path::new("/bin/sh"), &["-c", &script], &env, cols, rows);
    pty.wait_for("Alertes");
    Session {
        pty,
        root,
        _dirs: (config, holder),
    }
}

/// Quits from wherever the interface is and checks the terminal is as the shell expects it.
fn quit_and_check_restored(s: &mut Session) {
    for _ in 0..3 {
        s.pty.send("\x1b");
        std::thread::sleep(std::time::Duration::from_millis(60));
    }
    s.pty.send("1");
    s.pty.wait_for("Alertes");
    s.pty.send("q");
    s.pty.wait_for("EXIT=0");
    s.pty
        .wait_until("the stty output", |screen| screen.contains("speed"));
    let screen = s.pty.parser.screen();
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert!(!screen.hide_cursor(), "the cursor is still hidden");
    let text = s.pty.screen();
    assert!(
        !text.contains("-icanon") && text.contains("icanon"),
        "not back in canonical mode:\n{text}"
    );
    assert!(
        !text.contains("-echo ") && text.contains("echo"),
        "echo is off:\n{text}"
    );
    assert_eq!(s.pty.wait_exit(), 0);
}

#[test]
fn open_the_demo_reach_every_screen_and_quit_with_the_terminal_restored() {
    let mut s = open_demo(None, 80, 24);
    assert!(s.pty.screen().contains("Maine-et-Loire"));
    s.pty.send("2");
    s.pty.wait_for("Situations (");
    s.pty.send("3");
    s.pty.wait_for("Réunions (");
    s.pty.send("\r");
    s.pty.wait_for("Ordre du jour —");
    s.pty.send("?");
    s.pty.wait_for("annuler la réunion");
    s.pty.send("\x1b");
    s.pty.send("1");
    s.pty.wait_for("Alertes");
    quit_and_check_restored(&mut s);
}

#[test]
fn ctrl_c_quits_from_anywhere_and_restores_the_terminal() {
    let mut s = open_demo(None, 100, 30);
    s.pty.send("2/");
    s.pty.send("\x03");
    s.pty.wait_for("EXIT=0");
    s.pty
        .wait_until("the stty output", |screen| screen.contains("speed"));
    assert!(!s.pty.parser.screen().alternate_screen());
    assert!(!s.pty.screen().contains("-icanon"));
}

#[test]
fn search_finds_a_case_by_its_label() {
    let mut s = open_demo(None, 100, 30);
    s.pty.send("2");
    s.pty.wait_for("49-2025-003");
    s.pty.send("/");
    s.pty.type_slowly("Famille K");
    s.pty.wait_until("only the matching case", |screen| {
        screen.contains("49-2025-004") && !screen.contains("49-2025-003")
    });
    quit_and_check_restored(&mut s);
}

#[test]
fn build_an_agenda_with_suggest_and_reorder_then_export_the_agenda() {
    let mut s = open_demo(None, 100, 30);
    s.pty.send("3");
    s.pty.wait_for("Réunions (");
    s.pty.send("n");
    s.pty.wait_for("Date de la réunion");
    s.pty.send("\x15");
    s.pty.type_slowly("11/01/2027");
    s.pty.send("\r");
    s.pty.wait_for("Ordre du jour — 2027-01-11-cpraf");
    let file = s.root.join("49/meetings/2027-01-11-cpraf.yaml");
    let loaded = || {
        let loaded = cellule::store::load_root(&s.root).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.depts[0]
            .data
            .meeting("2027-01-11-cpraf")
            .cloned()
            .unwrap()
    };
    // Saved at once, by the worker: on disk a moment after the screen shows it.
    s.pty
        .wait_until("the new meeting saved", |_| file.is_file());
    let before = loaded();
    assert!(before.has_actions_review());
    assert!(before.items.len() >= 3, "the suggestion filled the agenda");
    // Suggest again: nothing is added twice.
    s.pty.send("s");
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.pty.pump(std::time::Duration::from_millis(100));
    assert_eq!(loaded().items.len(), before.items.len());
    // Move the first item down.
    s.pty.send("g");
    s.pty.send("J");
    s.pty.wait_until("the file to follow", |_| {
        let m = cellule::store::load_root(&s.root).unwrap().depts[0]
            .data
            .meeting("2027-01-11-cpraf")
            .cloned()
            .unwrap();
        m.items[1] == before.items[0]
    });
    let after = loaded();
    assert_eq!(after.items[0], before.items[1]);
    assert_eq!(after.items[1], before.items[0]);
    // Undo puts it back, on disk too.
    s.pty.send("u");
    s.pty.wait_until("the undo on disk", |_| {
        cellule::store::load_root(&s.root).unwrap().depts[0]
            .data
            .meeting("2027-01-11-cpraf")
            .unwrap()
            .items
            == before.items
    });
    // A draft meeting offers its agenda only (the minutes come once it is held): as OpenDocument.
    s.pty.send("x");
    s.pty
        .wait_for("Le compte rendu se fait une fois la réunion tenue.");
    s.pty.send("\x1b[C\x1b[C");
    s.pty.wait_for("‹ odt ›");
    s.pty.send("\r");
    s.pty.wait_for("Aperçu");
    s.pty.send("w");
    s.pty.wait_for("2027-01-11-cpraf.odt");
    let agenda = std::fs::read(s.root.join("49/agendas/2027-01-11-cpraf.odt")).unwrap();
    assert!(agenda.starts_with(b"PK"));
    assert!(
        !s.root
            .join("49/minutes/2027-01-11-cpraf.partners.md")
            .exists()
    );
    quit_and_check_restored(&mut s);
}

#[test]
fn edit_a_case_in_the_editor_invalid_then_valid() {
    let tools = TempDir::new().unwrap();
    let editor = tools.path().join("editor.sh");
    let marker = tools.path().join("edited-once");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nif [ ! -f '{m}' ]; then touch '{m}'; sed -i 's/^status: followed/status: folowed/' \"$1\";\n\
             else sed -i 's/^status: folowed/status: followed/; s/^label: .*/label: Cabinet H. (modifié)/' \"$1\"; fi\n",
            m = marker.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let mut s = open_demo(Some(&editor), 100, 30);
    let file = s.root.join("49/cases/49-2025-002.yaml");
    let original = std::fs::read(&file).unwrap();
    s.pty.send("2");
    s.pty.wait_for("49-2025-002");
    s.pty.send("E");
    s.pty.wait_for("n'est pas valide");
    s.pty.wait_for("folowed");
    // The editor worked on a copy: the case file itself never held the invalid text.
    assert_eq!(std::fs::read(&file).unwrap(), original);
    // Edit again (the first answer, given with Entrée: no letter answers): now valid, the
    // new label is shown and kept.
    s.pty.send("\r");
    s.pty.wait_for("Cabinet H. (modifi");
    let text = std::fs::read_to_string(s.root.join("49/cases/49-2025-002.yaml")).unwrap();
    assert!(text.contains("status: followed") && text.contains("label: Cabinet H. (modifié)"));
    assert!(
        text.starts_with("# Données fictives"),
        "the file's comments are kept"
    );
    let loaded = cellule::store::load_root(&s.root).unwrap();
    assert!(loaded.problems.is_empty());
    quit_and_check_restored(&mut s);
}

#[test]
fn an_invalid_edit_can_be_discarded_and_the_file_is_put_back() {
    let tools = TempDir::new().unwrap();
    let editor = tools.path().join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nprintf 'garbage: [\\n' >> \"$1\"\n").unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let mut s = open_demo(Some(&editor), 100, 30);
    let file = s.root.join("49/cases/49-2025-002.yaml");
    let original = std::fs::read(&file).unwrap();
    s.pty.send("2");
    s.pty.wait_for("49-2025-002");
    s.pty.send("E");
    s.pty.wait_for("n'est pas valide");
    s.pty.send("d");
    s.pty.send("\x1b[B\r");
    s.pty.wait_until("the file put back", |_| {
        std::fs::read(&file).unwrap() == original
    });
    quit_and_check_restored(&mut s);
}

#[test]
fn several_departements_are_offered_to_choose_from() {
    let config = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    let bin = env!("CARGO_BIN_EXE_cellule");
    for code in ["49", "2A"] {
        let status = std::process::Command::new(bin)
            .args(["init", "--dept", code, "--data"])
            .arg(data.path())
            .env("CELLULE_CONFIG_DIR", config.path())
            .output()
            .unwrap()
            .status;
        assert!(status.success());
    }
    let root = data.path().display().to_string();
    let config_dir = config.path().display().to_string();
    let mut pty = Pty::spawn(
        Path::new(bin),
        &["--data", &root],
        &[("CELLULE_CONFIG_DIR", &config_dir)],
        100,
        30,
    );
    pty.wait_for("Plusieurs départements");
    pty.wait_for("2A Corse-du-Sud");
    pty.send("2a\r");
    pty.wait_for("Département 2A — Corse-du-Sud");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_case_changed_by_someone_else_during_the_edit_is_not_overwritten() {
    let tools = TempDir::new().unwrap();
    let editor = tools.path().join("editor.sh");
    // While "the user" edits the copy, "someone else" changes the case file itself.
    std::fs::write(
        &editor,
        "#!/bin/sh\nsed -i 's/^label: .*/label: Version de l_utilisateur/' \"$1\"\n\
         f=\"$(dirname \"$1\")/49-2025-002.yaml\"\nsed -i 's/^label: .*/label: Version du collègue/' \"$f\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let mut s = open_demo(Some(&editor), 100, 30);
    let file = s.root.join("49/cases/49-2025-002.yaml");
    s.pty.send("2");
    s.pty.wait_for("49-2025-002");
    s.pty.send("E");
    s.pty.wait_for("modifié par quelqu");
    let theirs = std::fs::read_to_string(&file).unwrap();
    assert!(
        theirs.contains("label: Version du collègue"),
        "their change is kept"
    );
    // Discarding (the second answer) keeps theirs; no working copy is left behind.
    s.pty.send("\x1b[B\r");
    s.pty.wait_for("Modification abandonn");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);
    let left: Vec<_> = std::fs::read_dir(s.root.join("49/cases"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(left.is_empty(), "working copies left: {left:?}");
    quit_and_check_restored(&mut s);
}

#[test]
fn edit_time_place_and_invitees_then_export_the_agenda_and_its_calendar_file() {
    let mut s = open_demo(None, 80, 24);
    s.pty.send("3");
    s.pty.wait_for("Réunions (");
    s.pty.send("\r");
    s.pty.wait_for("Ordre du jour — 2026-12-14-cpraf");
    let file = s.root.join("49/meetings/2026-12-14-cpraf.yaml");
    let meeting = || {
        cellule::store::load_root(&s.root).unwrap().depts[0]
            .data
            .meeting("2026-12-14-cpraf")
            .unwrap()
            .clone()
    };
    let invitees = meeting().attendance.len();

    // The details: 9 h 30 for two hours, in another room.
    s.pty.send("e");
    s.pty.wait_for("Fin prévue ou durée");
    s.pty.send("\t\x15");
    s.pty.type_slowly("9h30");
    s.pty.send("\t");
    s.pty.type_slowly("2h");
    s.pty.send("\t\x15");
    s.pty.type_slowly("Salle Lyautey");
    s.pty.send("\r");
    s.pty.wait_for("Réunion enregistrée");
    s.pty.wait_for("09:30–11:30");
    let m = meeting();
    assert_eq!(m.start.format("%H:%M").to_string(), "09:30");
    assert_eq!(
        m.details.end.map(|e| e.format("%H:%M").to_string()),
        Some("11:30".into())
    );
    assert_eq!(m.place.as_deref(), Some("Salle Lyautey"));

    // The invitees: an outside guest with an e-mail, the second one « pour information ».
    s.pty.send("\t");
    s.pty.wait_for("membre de l'annuaire");
    s.pty.send("+");
    s.pty.wait_for("Invité extérieur");
    s.pty.type_slowly("Jeanne Morel");
    s.pty.send("\t");
    s.pty.type_slowly("Conseillère");
    s.pty.send("\t");
    s.pty.type_slowly("Miviludes");
    s.pty.send("\t");
    s.pty.type_slowly("jeanne.morel@example.invalid");
    s.pty.send("\r");
    s.pty
        .wait_until("the guest on disk", |_| meeting().guests.len() == 1);
    s.pty.send("g");
    s.pty.send("j");
    s.pty.send("i");
    s.pty.wait_for("(pour information)");
    s.pty.wait_until("« pour information » on disk", |_| {
        meeting().attendance[1].for_information
    });
    assert_eq!(meeting().attendance.len(), invitees);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("for_information: true")
    );
    s.pty.send("\x1b");
    s.pty.wait_for("a sujet");

    // The agenda, then its calendar file, from the export menu.
    s.pty.send("x");
    s.pty.wait_for("Invitation d'agenda");
    s.pty.send("\r");
    s.pty.wait_for("Aperçu");
    s.pty.send("w");
    s.pty.wait_for("agendas/2026-12-14-cpraf.md");
    s.pty.send("x");
    s.pty.wait_for("Invitation d'agenda");
    // A draft offers its agenda, then the calendar file (no minutes before it is held).
    s.pty.send("\x1b[B\r");
    s.pty.wait_for("VCALENDAR");
    s.pty.send("w");
    s.pty.wait_for("agendas/2026-12-14-cpraf.ics");
    let agenda = std::fs::read_to_string(s.root.join("49/agendas/2026-12-14-cpraf.md")).unwrap();
    for expected in [
        "9 h 30",
        "**Lieu :** Salle Lyautey",
        "**Fin prévue :** 11 h 30",
        "| Miviludes | Jeanne Morel | Conseillère |",
        "## Pour information",
    ] {
        assert!(agenda.contains(expected), "{expected} missing:\n{agenda}");
    }
    let ics = std::fs::read_to_string(s.root.join("49/agendas/2026-12-14-cpraf.ics")).unwrap();
    let unfolded = ics.replace("\r\n ", "");
    for expected in [
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n",
        "DTSTART;TZID=Europe/Paris:20261214T093000\r\n",
        "DTEND;TZID=Europe/Paris:20261214T113000\r\n",
        "LOCATION:Salle Lyautey\r\n",
        "ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:jeanne.morel@example.invalid\r\n",
        "ROLE=NON-PARTICIPANT",
    ] {
        assert!(unfolded.contains(expected), "{expected} missing:\n{ics}");
    }
    quit_and_check_restored(&mut s);
}

/// The lines of `before` and `after` that differ, side by side (same number of lines).
fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    assert_eq!(
        before.lines().count(),
        after.lines().count(),
        "lines added or removed:\n{after}"
    );
    before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn three_fields_of_a_case_edited_in_the_form_change_three_lines() {
    let mut s = open_demo(None, 80, 24);
    let file = s.root.join("49/cases/49-2025-002.yaml");
    let before = std::fs::read_to_string(&file).unwrap();
    s.pty.send("2");
    s.pty.wait_for("49-2025-002");
    s.pty.send("e");
    s.pty.wait_for("Situation 49-2025-002");
    // The label (Ctrl-u clears it), confirmed with Entrée: the focus goes on.
    s.pty.send("\x15Cabinet H.\r");
    s.pty.wait_until("the label written", |_| {
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("label: Cabinet H.\n")
    });
    // Down to the référent's person (Tab eight times), then to the next review.
    s.pty.send(&"\t".repeat(8));
    s.pty.send("\x15Dr Martin\r\t\x1515/01/2028\r");
    s.pty.wait_until("the next review written", |_| {
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("next_review: 2028-01-15")
    });
    let after = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        changed_lines(&before, &after),
        [
            (
                "label: Cabinet « Harmonie »".to_string(),
                "label: Cabinet H.".to_string()
            ),
            (
                "  person: Dr Fouquet-Marsac".to_string(),
                "  person: Dr Martin".to_string()
            ),
            (
                "next_review: 2027-03-09".to_string(),
                "next_review: 2028-01-15".to_string()
            ),
        ]
    );
    // Every screen shows the new state: the list has the new label.
    s.pty.send("\x1b");
    s.pty.wait_for("Cabinet H.");
    quit_and_check_restored(&mut s);
}

#[test]
fn a_full_case_created_from_n_is_written_and_valid() {
    let mut s = open_demo(None, 80, 24);
    let cases = s.root.join("49/cases");
    let known: Vec<_> = std::fs::read_dir(&cases)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    s.pty.send("2");
    s.pty.wait_for("Situations (");
    s.pty.send("n");
    s.pty.wait_for("Nouvelle situation");
    s.pty.send("Y. Essai\r");
    s.pty.wait_for("Situation créée");
    let file = std::fs::read_dir(&cases)
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| !known.contains(&e.file_name()))
        .map(|e| e.path())
        .expect("a new case file");
    // Type (left as personne), name, birth year, body (left), source by typing its
    // label, date (left), status, référent (structure, then its type and person),
    // family contact, justice, schooling, returnee (left), one care measure, next
    // review, notes on two lines (Alt-Entrée).
    s.pty.send("\tYanis Essai\r2011\r\teduc\r\tsuivi\r");
    s.pty
        .send("Mission locale\retat\rM. Leroy\r20/11/2026\rmilieu\rpublic\r\t");
    s.pty.send("\rsant\rCMP\r\r\t\t\t+6s\r");
    s.pty.send("Première ligne\x1b\rDeuxième ligne\r");
    s.pty.wait_until("the notes written", |_| {
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Deuxième ligne")
    });
    let text = std::fs::read_to_string(&file).unwrap();
    for line in [
        "kind: person\n",
        "label: Y. Essai\n",
        "name: Yanis Essai\n",
        "birth_year: 2011\n",
        "source: education\n",
        "status: followed\n",
        "referent:\n  structure: Mission locale\n  type: state_service\n  person: M. Leroy\n",
        "family_contacted_on: 2026-11-20\n",
        "justice: open_environment\n",
        "schooling: public\n",
        "measures:\n  - type: mental_health\n    provider: CMP\n    from: ",
        "next_review: ",
        "notes: |-\n  Première ligne\n  Deuxième ligne\n",
    ] {
        assert!(text.contains(line), "{line:?} missing in:\n{text}");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cellule"))
        .args(["validate", "--data"])
        .arg(&s.root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "validate: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    quit_and_check_restored(&mut s);
}

/// A case file without its référent block, as a colleague on the share would save it.
fn drop_referent(file: &Path) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(
        text.contains("\nreferent:"),
        "the case has a référent to start with"
    );
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        skipping = line.starts_with("referent:") || (skipping && line.starts_with("  "));
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    // Written beside then renamed into place, as editors and `git pull` do.
    let tmp = file.with_extension("tmp");
    std::fs::write(&tmp, out).unwrap();
    std::fs::rename(&tmp, file).unwrap();
}

#[test]
fn a_case_changed_on_disk_by_someone_else_shows_on_the_dashboard_without_a_key() {
    for config in ["", "watch: poll\n"] {
        let mut s = open_demo_with(None, 80, 24, config);
        s.pty.wait_for("Sans référent de parcours (1)");
        drop_referent(&s.root.join("49/cases/49-2025-002.yaml"));
        // No key is pressed: the watcher (or the look every 2 s) brings the change.
        s.pty.wait_for("Sans référent de parcours (2)");
        s.pty.wait_for("Modifié ailleurs, relu");
        s.pty.wait_for("49/cases/49-2025-002.yaml");
        quit_and_check_restored(&mut s);
    }
}

#[test]
fn the_apps_own_writes_are_not_taken_for_a_colleagues() {
    let mut s = open_demo(None, 100, 30);
    s.pty.send("3");
    s.pty.wait_for("Réunions (");
    s.pty.send("n");
    s.pty.wait_for("Date");
    // A new meeting of the first body, saved at once: its file's notice comes back to the
    // watcher, and is told apart by its stamp (no « modifié ailleurs »).
    s.pty.send("\r");
    s.pty.wait_for("Ordre du jour");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        !s.pty.screen().contains("Modifié ailleurs"),
        "{}",
        s.pty.screen()
    );
    quit_and_check_restored(&mut s);
}

/// A key changed in the config file (`keys:`) is the key everywhere the interface names it:
/// the bottom line, the command palette and the help.
#[test]
fn a_key_rebound_in_the_config_file_shows_in_the_footer_the_palette_and_the_help() {
    let config = "keys:\n  agenda: { F3: add_topic, a: none }\n";
    let mut s = open_demo_with(None, 80, 24, config);
    s.pty.send("3\r");
    s.pty.wait_for("Ordre du jour —");
    s.pty.wait_until("the footer with F3", |screen| {
        screen
            .lines()
            .last()
            .is_some_and(|l| l.contains("F3 sujet"))
    });
    let footer = s.pty.screen().lines().last().unwrap_or("").to_string();
    assert!(!footer.contains(" a sujet"), "{footer}");
    // The palette, filtered on the action.
    s.pty.send(":sujet");
    s.pty.wait_until("the palette with F3", |screen| {
        screen.contains("Commandes")
            && screen
                .lines()
                .any(|l| l.contains("sujet") && l.contains("F3"))
    });
    s.pty.send("\x1b");
    // The help, filtered the same way.
    s.pty.send("?sujet");
    s.pty.wait_until("the help with F3", |screen| {
        screen.contains("Aide")
            && screen
                .lines()
                .any(|l| l.contains("F3") && l.contains("sujet"))
    });
    let help = s.pty.screen();
    assert!(
        !help
            .lines()
            .any(|l| l.contains("  a ") && l.contains("sujet")),
        "{help}"
    );
    quit_and_check_restored(&mut s);
}

/// The mouse on the real binary (the terminal's SGR reports): a click on the tab « 3 Réunions »
/// opens the meetings, a click on a row selects it and a second click opens its agenda.
#[test]
fn the_mouse_opens_a_tab_selects_a_row_and_opens_it() {
    let mut s = open_demo(None, 80, 24);
    let click = |s: &mut Session, needle: &str| {
        s.pty.wait_for(needle);
        let screen = s.pty.screen();
        let (y, x) = screen
            .lines()
            .enumerate()
            .find_map(|(y, l)| l.find(needle).map(|x| (y, l[..x].chars().count())))
            .unwrap_or_else(|| panic!("{needle:?} not on the screen:\n{screen}"));
        s.pty.send(&format!(
            "\x1b[<0;{};{}M\x1b[<0;{};{}m",
            x + 2,
            y + 1,
            x + 2,
            y + 1
        ));
    };
    click(&mut s, "3 Réunions");
    s.pty.wait_for("Réunions (7)");
    click(&mut s, "16/11/2026");
    std::thread::sleep(std::time::Duration::from_millis(200));
    click(&mut s, "16/11/2026");
    s.pty.wait_for("Ordre du jour — 2026-11-16-cpraf");
    quit_and_check_restored(&mut s);
}
