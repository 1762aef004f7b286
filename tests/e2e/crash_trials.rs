//! `kill -9` at random points of a scripted séance, many times: the meeting file is never
//! truncated or invalid, and at most the last second of typing is lost. The same during
//! exports of the internal minutes: the file is absent or whole. In both, no temporary file
//! is left anywhere in the data root (they have no name while written, on Linux).
//!
//! By default a few trials run with `cargo test`; the full campaign (50 trials or more):
//!
//! ```sh
//! CELLULE_CRASH_TRIALS=50 cargo test --test e2e crash_trials -- --nocapture
//! ```
//!
//! Each trial prints its seed; `CELLULE_CRASH_SEED=<seed>` replays one.

#![cfg(unix)]

use crate::support as common;
use crate::support::data;

use cellule::domain::{Decision, MeetingStatus};
use cellule::store::load_root;
use common::pty::Pty;
use std::path::Path;
use std::time::{Duration, Instant};
use tempfile::TempDir;

const MEETING: &str = "2026-12-14-cpraf";
const MEETING_FILE: &str = "49/meetings/2026-12-14-cpraf.yaml";
const DEFAULT_TRIALS: u64 = 2;

/// A small deterministic generator (the trials replay from their seed).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn spawn(root: &Path, config: &Path, demo: bool) -> Pty {
    let bin = Path::new(env!("CARGO_BIN_EXE_cellule"));
    let root = root.display().to_string();
    let mut args = Vec::new();
    if demo {
        args.push("demo");
    }
    args.extend(["--data", root.as_str()]);
    let config = config.display().to_string();
    let env = [
        ("CELLULE_CONFIG_DIR", config.as_str()),
        ("LANG", "C.UTF-8"),
        ("USER", "crash"),
    ];
    let mut pty = Pty::spawn(bin, &args, &env, 120, 30);
    pty.wait_for("Alertes");
    pty
}

/// One trial: open the séance, decide on the second item, type its decision text at
/// full speed and kill the program after `delay`. Returns what was checked, for the log.
fn trial(seed: u64) -> String {
    let mut rng = Rng(seed.max(1));
    let config = TempDir::new().unwrap();
    let holder = TempDir::new().unwrap();
    let root = holder.path().join("donnees");
    let mut pty = spawn(&root, config.path(), true);
    pty.send("3");
    pty.wait_for("Réunions (");
    pty.send("m");
    // Dated 14/12: held today (`↑` then `Entrée`), then past the roll call to the second item.
    pty.wait_for("La tenir aujourd'hui");
    pty.send("\x1b[A\r");
    pty.wait_for("tenue");
    pty.send("nn");
    pty.wait_for("2/12");
    pty.send("\r");
    // A decision that asks nothing more: « prise en charge par la cellule », the first of
    // the CPRAF's list (a closure asks a reason, a first decision on a new case whether to
    // follow it, a change of référent the new one).
    let choice = 1;
    pty.send(&"\x1b[B".repeat(choice));
    pty.send("\r");
    pty.send("j");
    pty.send("\r");
    pty.wait_for("Texte de la décision");
    let text: String = (0..200)
        .map(|i| {
            let words = [
                "suivi ",
                "famille ",
                "école ",
                "bilan ",
                "référent ",
                "janvier ",
            ];
            words[(i + rng.below(6) as usize) % words.len()]
        })
        .collect();
    let delay = Duration::from_millis(rng.below(3000));
    let start = Instant::now();
    let mut sent = Vec::new();
    for c in text.chars() {
        if start.elapsed() >= delay {
            break;
        }
        let mut buf = [0u8; 4];
        pty.send(c.encode_utf8(&mut buf));
        sent.push(Instant::now());
    }
    let killed = Instant::now();
    pty.kill();

    // The file is whole: it loads without any problem.
    let loaded = load_root(&root).unwrap();
    let own: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| p.file == MEETING_FILE)
        .collect();
    assert!(own.is_empty(), "seed {seed}: {own:?}");
    let m = loaded.depts[0].data.meeting(MEETING).cloned().unwrap();
    assert_eq!(m.status, MeetingStatus::Held, "seed {seed}");
    assert_eq!(
        m.items[1].decision,
        Some(Decision::CPRAF[choice - 1]),
        "seed {seed}"
    );
    // What is saved is what was typed, up to a point no earlier than a second before the kill.
    let saved = m.items[1].decision_text.clone().unwrap_or_default();
    assert!(text.starts_with(&saved), "seed {seed}: {saved:?} not typed");
    let old_enough = sent
        .iter()
        .filter(|at| killed.duration_since(**at) > Duration::from_millis(1250))
        .count();
    let kept = saved.chars().count();
    assert!(
        kept + 1 >= old_enough,
        "seed {seed}: {kept} characters kept of {old_enough} typed over a second before the kill"
    );
    // No temporary file of an interrupted write is left.
    let leftovers = temporary_files(&root);
    assert!(leftovers.is_empty(), "seed {seed}: left {leftovers:?}");
    format!(
        "seed {seed}: killed after {delay:?}, {} keys sent, {kept} kept, no temporary file left",
        sent.len()
    )
}

/// Every file of the data root that is a temporary file of the app.
fn temporary_files(root: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().unwrap().is_dir() {
                dirs.push(entry.path());
            } else if cellule::store::temp::is_temp_name(&name) {
                found.push(entry.path());
            }
        }
    }
    found
}

/// Exports of the internal minutes killed at random points: the minutes are absent or
/// whole, and no temporary file (a full copy of names and notes) is left.
#[test]
fn kill_9_during_exports_leaves_no_temporary_file() {
    let seed = std::env::var("CELLULE_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    let trials: u64 = std::env::var("CELLULE_CRASH_TRIALS")
        .ok()
        .and_then(|n| n.parse().ok())
        .map_or(30, |n: u64| n * 3);
    println!("exports: seed {seed}, {trials} trials (replay: CELLULE_CRASH_SEED={seed})");
    let mut rng = Rng(seed.max(1));
    let holder = TempDir::new().unwrap();
    let root = holder.path().join("donnees");
    data::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo"),
        &root,
    );
    let config = TempDir::new().unwrap();
    let export = || {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_cellule"));
        cmd.env_remove("CELLULE_DATA")
            .env("CELLULE_CONFIG_DIR", config.path())
            .args(["export", "minutes", "--meeting", "2026-11-16-cpraf"])
            .args(["--level", "internal", "--data"])
            .arg(&root)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        cmd
    };
    assert!(export().status().unwrap().success());
    let minutes = root.join("49/minutes/2026-11-16-cpraf.internal.md");
    let whole = std::fs::read(&minutes).unwrap();
    let mut killed = 0;
    for _ in 0..trials {
        std::fs::remove_file(&minutes).ok();
        let mut child = export().spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(15_000)));
        if child.kill().is_ok() {
            killed += 1;
        }
        child.wait().unwrap();
        if let Ok(bytes) = std::fs::read(&minutes) {
            assert_eq!(bytes, whole, "seed {seed}: the minutes are half written");
        }
        let left = temporary_files(&root);
        assert!(left.is_empty(), "seed {seed}: left {left:?}");
    }
    println!("exports: {killed} of {trials} killed before their end, no temporary file left");
}

#[test]
fn kill_9_at_random_points_never_leaves_a_broken_meeting_file() {
    let seeds: Vec<u64> = match std::env::var("CELLULE_CRASH_SEED") {
        Ok(seed) => vec![
            seed.parse()
                .unwrap_or_else(|_| panic!("CELLULE_CRASH_SEED must be a number: {seed:?}")),
        ],
        Err(_) => {
            let trials = std::env::var("CELLULE_CRASH_TRIALS")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(DEFAULT_TRIALS);
            let base = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64);
            (0..trials).map(|i| base.wrapping_add(i * 7919)).collect()
        }
    };
    for seed in seeds {
        // Printed before the trial: whatever fails in it (a screen never shown, a panic),
        // the seed to replay it with is in the output.
        println!("séance trial: seed {seed} (replay: CELLULE_CRASH_SEED={seed})");
        println!("{}", trial(seed));
    }
}
