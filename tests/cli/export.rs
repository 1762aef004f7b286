//! `cellule export minutes|agenda` and `cellule report monthly` as scripts call them.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn cellule(config: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("cellule").unwrap();
    cmd.env_remove("CELLULE_DATA")
        .env("CELLULE_CONFIG_DIR", config.path());
    cmd
}

/// A fresh copy of the demo: (config folder, holder, data root).
fn demo() -> (TempDir, TempDir, PathBuf) {
    let config = TempDir::new().unwrap();
    let holder = TempDir::new().unwrap();
    let root = holder.path().join("donnees");
    cellule(&config)
        .args(["demo", "--data"])
        .arg(&root)
        .assert()
        .success();
    (config, holder, root)
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn minutes_are_written_where_cli_md_says_and_the_path_is_printed() {
    let (config, _holder, root) = demo();
    let expected = root.join("49/minutes/2026-11-16-cpraf.partners.md");
    cellule(&config)
        .args([
            "export",
            "minutes",
            "--dept",
            "49",
            "--meeting",
            "2026-11-16-cpraf",
            "--data",
        ])
        .arg(&root)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(expected.display().to_string()));
    let written = std::fs::read_to_string(&expected).unwrap();
    assert!(written.starts_with("# Compte rendu"));
    assert!(written.contains("> **PROJET — Diffusion restreinte**"));
    // --stdout prints the same bytes, and a second run gives byte-identical output.
    let printed = stdout_of(
        cellule(&config)
            .args([
                "export",
                "minutes",
                "--meeting",
                "2026-11-16-cpraf",
                "--stdout",
                "--data",
            ])
            .arg(&root),
    );
    assert_eq!(printed, written);
    let again = stdout_of(
        cellule(&config)
            .args([
                "export",
                "minutes",
                "--meeting",
                "2026-11-16-cpraf",
                "--stdout",
                "--data",
            ])
            .arg(&root),
    );
    assert_eq!(again, printed);
}

#[test]
fn each_level_keeps_what_it_may_show() {
    let (config, _holder, root) = demo();
    let run = |level: &str| {
        stdout_of(
            cellule(&config)
                .args([
                    "export",
                    "minutes",
                    "--meeting",
                    "2026-11-16-cpraf",
                    "--stdout",
                    "--level",
                    level,
                    "--data",
                ])
                .arg(&root),
        )
    };
    let (internal, partners, public) = (run("internal"), run("partners"), run("public"));
    // A case's full name (49-2025-003 is Yanis Bouchereau in the demo) and a member's name.
    assert!(internal.contains("Yanis Bouchereau"));
    assert!(!partners.contains("Yanis Bouchereau") && !public.contains("Yanis Bouchereau"));
    assert!(partners.contains("Julien Kerbrat"));
    assert!(!public.contains("Julien Kerbrat") && !public.contains("Directeur de cabinet"));
    assert!(public.contains("Préfecture") && public.contains("Version publique"));
    cellule(&config)
        .args([
            "export",
            "minutes",
            "--meeting",
            "2026-11-16-cpraf",
            "--level",
            "secret",
            "--data",
        ])
        .arg(&root)
        .assert()
        .code(2);
}

#[test]
fn the_agenda_and_the_report_are_written_too() {
    let (config, _holder, root) = demo();
    cellule(&config)
        .args([
            "export",
            "agenda",
            "--meeting",
            "2026-12-14-cpraf",
            "--data",
        ])
        .arg(&root)
        .assert()
        .code(0);
    assert!(root.join("49/agendas/2026-12-14-cpraf.md").is_file());
    assert!(
        !root.join("49/agendas/2026-12-14-cpraf.ics").exists(),
        "no calendar file unless asked"
    );
    // --ics writes the calendar file beside the agenda, and says so.
    let ics = root.join("49/agendas/2026-12-14-cpraf.ics");
    cellule(&config)
        .args([
            "export",
            "agenda",
            "--meeting",
            "2026-12-14-cpraf",
            "--format",
            "odt",
            "--ics",
            "--data",
        ])
        .arg(&root)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(ics.display().to_string()));
    assert!(root.join("49/agendas/2026-12-14-cpraf.odt").is_file());
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.contains("DTSTART;TZID=Europe/Paris:20261214T143000\r\n"));
    for format in ["md", "csv"] {
        cellule(&config)
            .args([
                "report", "monthly", "--month", "2026-11", "--format", format, "--data",
            ])
            .arg(&root)
            .assert()
            .code(0);
        assert!(
            root.join(format!("49/reports/2026-11.cpraf.{format}"))
                .is_file()
        );
    }
    cellule(&config)
        .args([
            "report", "monthly", "--month", "2026-03", "--body", "gtrdo", "--data",
        ])
        .arg(&root)
        .assert()
        .code(0);
    assert!(root.join("49/reports/2026-03.gtrdo.md").is_file());
    let csv = stdout_of(
        cellule(&config)
            .args([
                "report", "monthly", "--month", "2026-11", "--format", "csv", "--stdout", "--data",
            ])
            .arg(&root),
    );
    assert!(csv.starts_with("\u{feff}Rubrique;Indicateur;Mois;Instance;Valeur\r\n"));
}

#[test]
fn usage_errors_exit_2() {
    let (config, _holder, root) = demo();
    let cases: &[&[&str]] = &[
        &["export", "minutes", "--meeting", "2099-01-01-cpraf"],
        &["report", "monthly", "--month", "2026-13"],
        &["report", "monthly", "--month", "novembre"],
        &["report", "monthly", "--month", "2026-11", "--body", "nope"],
        &["report", "monthly", "--month", "2026-11", "--format", "pdf"],
        &["export", "minutes"],
        &[
            "export",
            "agenda",
            "--meeting",
            "2026-12-14-cpraf",
            "--dept",
            "75",
        ],
    ];
    for args in cases {
        cellule(&config)
            .args(*args)
            .arg("--data")
            .arg(&root)
            .assert()
            .code(2);
    }
}

#[test]
fn a_meeting_whose_file_has_problems_is_not_exported() {
    let (config, _holder, root) = demo();
    let file = root.join("49/meetings/2026-11-16-cpraf.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("status: held", "status: hled", 1)).unwrap();
    cellule(&config)
        .args([
            "export",
            "minutes",
            "--meeting",
            "2026-11-16-cpraf",
            "--data",
        ])
        .arg(&root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "49/meetings/2026-11-16-cpraf.yaml:",
        ))
        .stderr(predicate::str::contains("ne peut être exportée"));
    assert!(!root.join("49/minutes").exists());
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn commit_adds_only_the_written_file_to_git() {
    let (config, _holder, root) = demo();
    git(&root, &["init", "-q"]);
    git(&root, &["add", "49/department.yaml"]);
    git(&root, &["commit", "-q", "-m", "Annuaire"]);
    cellule(&config)
        .args([
            "export",
            "minutes",
            "--meeting",
            "2026-11-16-cpraf",
            "--level",
            "public",
            "--commit",
            "--data",
        ])
        .arg(&root)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("git"));
    let log = git(&root, &["log", "--format=%s", "-1"]);
    assert_eq!(log.trim(), "Compte rendu cpraf 49 2026-11-16 (public)");
    let files = git(&root, &["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), "49/minutes/2026-11-16-cpraf.public.md");
    // The cases are still untracked: nothing else was committed.
    assert!(git(&root, &["status", "--porcelain"]).contains("?? 49/cases/"));
}

#[test]
fn commit_outside_a_git_work_tree_is_a_clear_error() {
    let (config, _holder, root) = demo();
    cellule(&config)
        .args([
            "export",
            "agenda",
            "--meeting",
            "2026-12-14-cpraf",
            "--commit",
            "--data",
        ])
        .arg(&root)
        .env("GIT_CEILING_DIRECTORIES", root.parent().unwrap())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("dépôt git"));
    cellule(&config)
        .args([
            "export",
            "agenda",
            "--meeting",
            "2026-12-14-cpraf",
            "--commit",
            "--stdout",
            "--data",
        ])
        .arg(&root)
        .assert()
        .code(2);
}

#[test]
fn a_meeting_whose_case_file_has_problems_still_loads_but_is_not_exported() {
    let (config, _holder, root) = demo();
    let case = root.join("49/cases/49-2025-003.yaml");
    let text = std::fs::read_to_string(&case).unwrap();
    std::fs::write(&case, text.replace("source: ems", "source: emss")).unwrap();
    // The meetings that name the case are still there (only the case file is left out).
    let loaded = cellule::store::load_root(&root).unwrap();
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.file == "49/cases/49-2025-003.yaml"),
        "{:?}",
        loaded.problems
    );
    assert!(loaded.depts[0].data.meeting("2026-11-16-cpraf").is_some());
    cellule(&config)
        .args([
            "export",
            "minutes",
            "--meeting",
            "2026-11-16-cpraf",
            "--data",
        ])
        .arg(&root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("49/cases/49-2025-003.yaml:"));
    // A meeting that does not name it is exported as usual.
    cellule(&config)
        .args([
            "export",
            "minutes",
            "--meeting",
            "2026-03-10-gtrdo",
            "--stdout",
            "--data",
        ])
        .arg(&root)
        .assert()
        .code(0);
}
