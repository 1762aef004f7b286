//! A large fictional département, written as files (the directory and bodies of the demo,
//! 500 cases, one CPRAF meeting): on [`TODAY`] it raises exactly 80 alerts, the first of
//! them at the level of a body, « the GTRDO has never met ». Deterministic: the same files
//! every time. Used by the interface snapshots and by the pseudo-terminal test.

#![allow(dead_code)]

use cellule::domain::DeptData;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

/// The day the large département is looked at (`CELLULE_TODAY`).
pub const TODAY: &str = "2026-12-14";

/// How many cases, and how many alerts on [`TODAY`].
pub const CASES: usize = 500;
pub const ALERTS: usize = 80;

/// Overdue reviews (cases 1–40), families not contacted (41–60), followed cases without a
/// référent (61–79); the GTRDO never met: 40 + 20 + 19 + 1 = 80.
const OVERDUE: usize = 40;
const NOT_CONTACTED: usize = 20;
const NO_REFERENT: usize = 19;

const STRUCTURES: &[&str] = &[
    "Mission locale angevine",
    "PJJ — UEMO d'Angers",
    "SPIP de Maine-et-Loire",
    "Association Horizons Anjou",
    "Conseil départemental — ASE",
    "Ville de Saumur — CCAS",
];

/// Initials that read like the demo's labels, from a number.
fn initials(n: usize) -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPRSTVW";
    let a = LETTERS[n % LETTERS.len()] as char;
    let b = LETTERS[(n / LETTERS.len() + 3 * n) % LETTERS.len()] as char;
    format!("{a}.{b}.")
}

fn case_file(n: usize) -> String {
    let mut y = String::new();
    let id = format!("49-2026-{n:03}");
    let family = n.is_multiple_of(7);
    let (kind, label) = if family {
        ("family", format!("Famille {}.", &initials(n)[..1]))
    } else {
        ("person", initials(n))
    };
    let body = "cpraf";
    let month = 1 + n % 9;
    let day = 1 + n % 27;
    let _ = writeln!(y, "# Données fictives, générées pour les tests.");
    let _ = writeln!(y, "id: {id}");
    let _ = writeln!(y, "body: {body}");
    let _ = writeln!(y, "kind: {kind}");
    let _ = writeln!(y, "label: {label}");
    let _ = writeln!(y, "reported_on: 2026-{month:02}-{day:02}");
    let _ = writeln!(y, "source: cnapr");
    let referent = |y: &mut String| {
        let _ = writeln!(y, "referent:");
        let _ = writeln!(y, "  structure: {}", STRUCTURES[n % STRUCTURES.len()]);
        let _ = writeln!(y, "  type: association");
    };
    if n <= OVERDUE {
        // Followed, its review passed (in November).
        let _ = writeln!(y, "status: followed");
        referent(&mut y);
        let _ = writeln!(y, "family_contacted_on: 2026-{month:02}-{:02}", day + 1);
        let _ = writeln!(y, "next_review: 2026-11-{:02}", 1 + n % 28);
    } else if n <= OVERDUE + NOT_CONTACTED {
        // Reported in October, the family not contacted since.
        y = y.replace(
            &format!("reported_on: 2026-{month:02}-{day:02}"),
            &format!("reported_on: 2026-10-{:02}", 1 + n % 28),
        );
        let _ = writeln!(y, "status: reported");
    } else if n <= OVERDUE + NOT_CONTACTED + NO_REFERENT {
        // Followed without a référent de parcours.
        let _ = writeln!(y, "status: followed");
        let _ = writeln!(y, "family_contacted_on: 2026-{month:02}-{:02}", day + 1);
        let _ = writeln!(y, "next_review: 2027-03-{:02}", 1 + n % 28);
    } else if n.is_multiple_of(2) {
        // Closed.
        let _ = writeln!(y, "status: closed");
        referent(&mut y);
        let _ = writeln!(y, "family_contacted_on: 2026-{month:02}-{:02}", day + 1);
        let _ = writeln!(y, "closed_on: 2026-{:02}-{day:02}", (month + 2).min(11));
        let _ = writeln!(y, "closure_reason: disengagement");
    } else {
        // Followed, its review in the spring.
        let _ = writeln!(y, "status: followed");
        referent(&mut y);
        let _ = writeln!(y, "family_contacted_on: 2026-{month:02}-{:02}", day + 1);
        let _ = writeln!(y, "next_review: 2027-{:02}-{:02}", 2 + n % 5, 1 + n % 28);
    }
    y
}

/// The CPRAF met on 1 December (so only the GTRDO is a body that has not met).
const MEETING: &str = "\
# Données fictives, générées pour les tests.
id: 2026-12-01-cpraf
body: cpraf
date: 2026-12-01
start: \"14:30\"
place: Préfecture, salle du Roi-René
chair: dircab
status: held
attendance:
  - member: dircab
    status: present
  - member: parquet
    status: present
items:
  - kind: topic
    title: Point sur les situations en cours
    minutes: 20
";

/// Writes the département's folder `49` under `root`.
pub fn write(root: &Path) {
    let dept = root.join("49");
    fs::create_dir_all(dept.join("cases")).unwrap();
    fs::create_dir_all(dept.join("meetings")).unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo/49/department.yaml");
    fs::copy(demo, dept.join("department.yaml")).unwrap();
    fs::write(dept.join("meetings/2026-12-01-cpraf.yaml"), MEETING).unwrap();
    for n in 1..=CASES {
        fs::write(
            dept.join(format!("cases/49-2026-{n:03}.yaml")),
            case_file(n),
        )
        .unwrap();
    }
}

/// A data root holding the large département.
pub fn root() -> TempDir {
    let tmp = TempDir::new().unwrap();
    write(tmp.path());
    tmp
}

/// The large département, loaded as the commands load it.
pub fn data() -> DeptData {
    let tmp = root();
    let loaded = cellule::store::load_root(tmp.path()).expect("the large département loads");
    let problems: Vec<String> = loaded
        .problems
        .iter()
        .map(|p| p.render(cellule::i18n::Lang::En))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    loaded.dept("49").expect("département 49").data.clone()
}
