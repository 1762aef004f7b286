//! The commands of the foundation, run as scripts would run them: `validate`, `init`, `demo`,
//! the data-root resolution and the exit codes of cli.md.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;
use tempfile::TempDir;

/// The binary with a clean environment: no data root and an empty config folder.
fn cellule(config: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("cellule").unwrap();
    cmd.env_remove("CELLULE_DATA")
        .env("CELLULE_CONFIG_DIR", config.path())
        .env("NO_COLOR", "1");
    cmd
}

fn demo_copy() -> (TempDir, TempDir) {
    let config = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    let dest = data.path().join("donnees");
    cellule(&config)
        .args(["demo", "--data"])
        .arg(&dest)
        .assert()
        .success();
    (config, data)
}

#[test]
fn the_demo_is_copied_and_validates_clean() {
    let config = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    let dest = data.path().join("donnees");
    cellule(&config)
        .args(["demo", "--data"])
        .arg(&dest)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Données de démonstration (fictives) copiées dans",
        ))
        .stdout(predicate::str::contains("49 Maine-et-Loire"))
        .stdout(predicate::str::contains(", 0 problème\n"))
        // Every decision of the demo is in its body's list: no notice either.
        .stdout(predicate::str::contains("remarque").not());
    assert!(dest.join("49/department.yaml").is_file());
    cellule(&config)
        .arg("validate")
        .arg("--data")
        .arg(&dest)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("aucun problème"));
}

#[test]
fn validate_notes_a_decision_outside_its_bodys_list_and_exits_0() {
    let config = TempDir::new().unwrap();
    cellule(&config)
        .args(["validate", "--data", "fixtures/invalid/decision-not-for-body"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("aucun problème"))
        .stderr(predicate::str::contains(
            "49/meetings/2026-03-10-gtrdo.yaml:16:15: remarque : la décision « Poursuite du suivi » \
             (continue) n'est pas dans la liste des décisions de l'instance GTRDO",
        ));
}

#[cfg(unix)]
#[test]
fn validate_warns_when_other_users_can_reach_the_data() {
    use std::fs::{Permissions, set_permissions};
    use std::os::unix::fs::PermissionsExt;
    let (config, data) = demo_copy();
    let dest = data.path().join("donnees");
    let validate = || {
        cellule(&config)
            .args(["validate", "--data"])
            .arg(&dest)
            .assert()
            .code(0)
            .stdout(predicate::str::contains("aucun problème"))
    };
    // The demo is copied closed to others: no warning.
    validate().stderr(predicate::str::is_empty());
    // Opened as a copy with the usual umask would leave it: a warning, the same exit code.
    set_permissions(&dest, Permissions::from_mode(0o755)).unwrap();
    set_permissions(dest.join("49"), Permissions::from_mode(0o755)).unwrap();
    validate()
        .stderr(predicate::str::contains("49"))
        .stderr(predicate::str::contains("autres utilisateurs"))
        .stderr(predicate::str::contains("droits 755"))
        .stderr(predicate::str::contains("chmod o-rwx"));
    // A root closed to others protects what is under it.
    set_permissions(&dest, Permissions::from_mode(0o750)).unwrap();
    validate().stderr(predicate::str::is_empty());
}

#[test]
fn demo_without_data_makes_a_fresh_folder_each_time() {
    let config = TempDir::new().unwrap();
    let tmp = TempDir::new().unwrap();
    let run = || {
        let out = cellule(&config)
            .arg("demo")
            .env("TMPDIR", tmp.path())
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let first = text.lines().next().unwrap().to_string();
        first.rsplit(' ').next().unwrap().to_string()
    };
    let (a, b) = (run(), run());
    assert_ne!(a, b);
    assert!(Path::new(&a).join("49/department.yaml").is_file());
    assert!(a.starts_with(&tmp.path().display().to_string()));
}

#[test]
fn demo_refuses_a_folder_that_is_not_empty() {
    let (config, data) = demo_copy();
    cellule(&config)
        .args(["demo", "--data"])
        .arg(data.path().join("donnees"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("n'est pas vide"));
}

#[test]
fn without_a_data_root_the_message_names_every_way_to_give_one() {
    let config = TempDir::new().unwrap();
    cellule(&config)
        .arg("validate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--data"))
        .stderr(predicate::str::contains("CELLULE_DATA"))
        .stderr(predicate::str::contains("data_dir"))
        .stderr(predicate::str::contains("cellule demo"));
}

#[test]
fn the_data_root_comes_from_the_environment_then_the_config_file() {
    let (config, data) = demo_copy();
    let root = data.path().join("donnees");
    cellule(&config)
        .arg("validate")
        .env("CELLULE_DATA", &root)
        .assert()
        .code(0);
    std::fs::write(
        config.path().join("config.yaml"),
        format!("data_dir: {}\nlang: en\n", root.display()),
    )
    .unwrap();
    cellule(&config)
        .arg("validate")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no problem"));
    // --data wins over both.
    cellule(&config)
        .args(["validate", "--data", "/nonexistent/cellule"])
        .env("CELLULE_DATA", &root)
        .assert()
        .code(2);
}

#[test]
fn a_bad_config_file_is_reported_with_its_position() {
    let config = TempDir::new().unwrap();
    std::fs::write(
        config.path().join("config.yaml"),
        "lang: fr\ndata_dri: /x\n",
    )
    .unwrap();
    cellule(&config)
        .arg("validate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "config.yaml:2:1: clé inconnue « data_dri »",
        ));
}

#[test]
fn validate_reports_problems_with_positions_and_exits_1() {
    let (config, data) = demo_copy();
    let root = data.path().join("donnees");
    let case = root.join("49/cases/49-2025-002.yaml");
    let text = std::fs::read_to_string(&case).unwrap();
    std::fs::write(&case, text.replace("next_review:", "next_reveiw:")).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("next_review:"))
        .unwrap()
        + 1;
    cellule(&config)
        .arg("validate")
        .arg("--data")
        .arg(&root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "49/cases/49-2025-002.yaml:{line}:1: clé inconnue « next_reveiw » (vouliez-vous dire « next_review » ?)"
        )));
    cellule(&config)
        .args(["validate", "--lang", "en", "--data"])
        .arg(&root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown key \"next_reveiw\" (did you mean \"next_review\"?)",
        ));
}

#[test]
fn unknown_or_absent_departements_are_usage_errors() {
    let (config, data) = demo_copy();
    let root = data.path().join("donnees");
    cellule(&config)
        .args(["validate", "--dept", "20", "--data"])
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "code de département inconnu « 20 »",
        ));
    cellule(&config)
        .args(["validate", "--dept", "75", "--data"])
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("présents : 49"));
    cellule(&config)
        .args(["validate", "--dept", "49", "--data"])
        .arg(&root)
        .assert()
        .code(0);
}

#[test]
fn unknown_flags_are_usage_errors() {
    let config = TempDir::new().unwrap();
    cellule(&config)
        .args(["validate", "--nope"])
        .assert()
        .code(2);
    cellule(&config).args(["frobnicate"]).assert().code(2);
    cellule(&config)
        .args(["--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("validate"));
}

#[test]
fn init_creates_a_departement_that_validates() {
    let config = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    for code in ["2a", "971", "988"] {
        cellule(&config)
            .args(["init", "--dept", code, "--data"])
            .arg(data.path())
            .assert()
            .success();
    }
    // An empty FIPD programme for the current year (in the département's time zone,
    // which may be a day ahead of or behind this machine's around New Year).
    let programmes: Vec<String> = std::fs::read_dir(data.path().join("971/fipd"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(programmes.len(), 1, "{programmes:?}");
    let programme =
        std::fs::read_to_string(data.path().join("971/fipd").join(&programmes[0])).unwrap();
    assert!(
        programme.contains("allocation: 0\nactions: []\n"),
        "{programme}"
    );
    let file = data.path().join("2A/department.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("code: \"2A\"") && text.contains("Corse-du-Sud"));
    assert!(text.contains("cpraf:") && text.contains("gtrdo:"));
    for org in [
        "Parquet",
        "Gendarmerie",
        "DSDEN",
        "ARS",
        "Protection judiciaire",
        "SPIP",
        "ASE",
        "Mission locale",
        "Miviludes",
    ] {
        assert!(text.contains(org), "{org} missing from the starter");
    }
    assert!(
        std::fs::read_to_string(data.path().join("971/department.yaml"))
            .unwrap()
            .contains("America/Guadeloupe")
    );
    assert!(
        std::fs::read_to_string(data.path().join("988/department.yaml"))
            .unwrap()
            .contains("Haut-commissaire")
    );
    assert!(data.path().join("2A/cases").is_dir() && data.path().join("2A/meetings").is_dir());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o007,
            0,
            "department.yaml is readable by others: {mode:o}"
        );
    }
    // The authority in correct French, from the table's article.
    assert!(
        text.contains("authority: Préfecture de la Corse-du-Sud"),
        "{text}"
    );
    assert!(!text.contains("Préfecture —"), "{text}");
    // Sound files (exit 0), with a warning for each « À renseigner » left, at its place.
    let out = cellule(&config)
        .arg("validate")
        .arg("--data")
        .arg(data.path())
        .assert()
        .code(0)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(
        err.contains("2A/department.yaml:")
            && err.contains("« À renseigner » reste à remplacer (membre dircab)"),
        "{err}"
    );
    // Once replaced, no more warning for it.
    let filled = text.replacen("name: À renseigner", "name: Jeanne Martin", 1);
    std::fs::write(&file, &filled).unwrap();
    let out = cellule(&config)
        .arg("validate")
        .arg("--data")
        .arg(data.path())
        .assert()
        .code(0)
        .get_output()
        .stderr
        .clone();
    let after = String::from_utf8_lossy(&out);
    let count = |t: &str| t.matches("2A/department.yaml:").count();
    assert_eq!(count(&after) + 1, count(&err), "{after}");
}

#[test]
fn init_refuses_an_unknown_code_and_an_existing_folder() {
    let config = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    cellule(&config)
        .args(["init", "--dept", "96", "--data"])
        .arg(data.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("inconnu"));
    cellule(&config)
        .args(["init", "--dept", "49", "--data"])
        .arg(data.path())
        .assert()
        .success();
    let before = std::fs::read(data.path().join("49/department.yaml")).unwrap();
    cellule(&config)
        .args(["init", "--dept", "49", "--data"])
        .arg(data.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("existe déjà"));
    assert_eq!(
        std::fs::read(data.path().join("49/department.yaml")).unwrap(),
        before
    );
    cellule(&config)
        .args(["init", "--dept", "49"])
        .assert()
        .code(2);
}

#[test]
fn a_write_that_cannot_happen_exits_3() {
    let config = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    let file = data.path().join("un-fichier");
    std::fs::write(&file, "x").unwrap();
    cellule(&config)
        .args(["init", "--dept", "49", "--data"])
        .arg(file.join("sous-dossier"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("écriture impossible"));
}

#[test]
fn several_departements_need_dept_for_the_interface() {
    let config = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    for code in ["49", "75"] {
        cellule(&config)
            .args(["init", "--dept", code, "--data"])
            .arg(data.path())
            .assert()
            .success();
    }
    cellule(&config)
        .arg("validate")
        .arg("--data")
        .arg(data.path())
        .assert()
        .code(0);
    cellule(&config)
        .arg("--data")
        .arg(data.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("choisissez avec --dept"));
}

#[test]
fn the_interface_needs_a_terminal() {
    let (config, data) = demo_copy();
    cellule(&config)
        .arg("--data")
        .arg(data.path().join("donnees"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("terminal"));
}

#[test]
fn the_fipd_programme_is_exported_for_excel_and_the_report_says_what_is_engaged() {
    let config = TempDir::new().unwrap();
    cellule(&config)
        .args([
            "export",
            "programme",
            "--format",
            "csv",
            "--stdout",
            "--data",
        ])
        .arg("fixtures/demo")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("\u{feff}section;catégorie;id;"))
        .stdout(predicate::str::contains(
            "contrôle;Formation et appui aux équipes;supervision-equipes;",
        ))
        .stdout(predicate::str::contains("total;enveloppe;;;;;;48000\r\n"));
    let data = TempDir::new().unwrap();
    let dest = data.path().join("d");
    cellule(&config)
        .args(["demo", "--data"])
        .arg(&dest)
        .assert()
        .success();
    cellule(&config)
        .args(["export", "programme", "--format", "xlsx", "--data"])
        .arg(&dest)
        .assert()
        .success();
    let book = std::fs::read(dest.join("49/reports/fipd-2026.xlsx")).unwrap();
    assert!(book.starts_with(b"PK"));
    cellule(&config)
        .args(["report", "monthly", "--month", "2026-11", "--stdout", "--data"])
        .arg("fixtures/demo")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Programme FIPD 2026, au 30/11/2026 : 42\u{a0}500\u{a0}€ accordés sur une enveloppe de 48\u{a0}000\u{a0}€ (88 %)",
        ));
    // In March, the grants decided later (May, June, September...) are not yet engaged.
    cellule(&config)
        .args([
            "report", "monthly", "--month", "2026-03", "--body", "gtrdo", "--format", "csv",
            "--stdout", "--data",
        ])
        .arg("fixtures/demo")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Programme FIPD 2026, au 31/03/2026 — accordé (€);mars 2026;gtrdo;29000\r\n",
        ))
        .stdout(predicate::str::contains(
            "Programme FIPD 2026, au 31/03/2026 — part de l'enveloppe accordée (%);mars 2026;gtrdo;60\r\n",
        ))
        .stdout(predicate::str::contains(
            "Programme FIPD 2026, au 31/03/2026 — enveloppe (€);mars 2026;gtrdo;48000\r\n",
        ));
    // The programme as Word and OpenDocument: packages holding its tables.
    for (format, part) in [("docx", "word/document.xml"), ("odt", "content.xml")] {
        cellule(&config)
            .args(["export", "programme", "--format", format, "--data"])
            .arg(&dest)
            .assert()
            .success();
        let file =
            std::fs::File::open(dest.join(format!("49/reports/fipd-2026.{format}"))).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(part).unwrap(), &mut xml).unwrap();
        assert!(xml.contains("Contrôles de l"), "{format}");
        assert!(xml.contains("supervision-equipes"), "{format}");
        assert!(xml.contains("Diffusion restreinte"), "{format}");
    }
}

/// The paths of every command and subcommand, from the parser itself.
fn command_paths(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
    out.push(prefix.to_vec());
    for sub in cmd.get_subcommands() {
        let mut path = prefix.to_vec();
        path.push(sub.get_name().to_string());
        command_paths(sub, &path, out);
    }
}

#[test]
fn the_help_of_every_command_is_french_by_default() {
    let config = TempDir::new().unwrap();
    let mut paths = Vec::new();
    command_paths(
        &cellule::cli::args_fr::command(cellule::i18n::Lang::Fr),
        &[],
        &mut paths,
    );
    assert!(paths.len() > 8, "{paths:?}");
    for path in paths {
        let out = cellule(&config)
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .args(&path)
            .arg("--help")
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Utilisation : cellule"), "{path:?}: {text}");
        assert!(text.contains("Afficher cette aide."), "{path:?}: {text}");
        for english in [
            "Usage:",
            "possible values",
            "default:",
            "Options:",
            "Arguments:",
            "Commands:",
            "Print help",
            "<DIR>",
            "<LANG>",
        ] {
            assert!(
                !text.contains(english),
                "{path:?} shows « {english} »: {text}"
            );
        }
    }
    // The values and defaults are still said, in French.
    let out = cellule(&config)
        .args(["export", "minutes", "--help"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains(
            "Valeurs : internal (interne), partners (partenaires), public. Par défaut : partners."
        ),
        "{text}"
    );
}
