//! `kill -9` at random points of a scripted séance, many times: the meeting file is never
//! truncated or invalid, and at most the last second of typing is lost.
//!
//! By default a few trials run with `cargo test`; the full campaign (50 trials or more):
//!
//! ```sh
//! CELLULE_CRASH_TRIALS=50 cargo test --test crash_trials -- --nocapture
//! ```
//!
//! Each trial prints its seed; `CELLULE_CRASH_SEED=<seed>` replays one.

#![cfg(unix)]

mod common;

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
    pty.wait_for("Ouvrir la séance");
    pty.send("o");
    pty.wait_for("tenue");
    pty.send("n");
    pty.wait_for("2/12");
    pty.send("\r");
    // A decision other than `close` (which asks for a reason): continue, orient, ...
    let choice = 1 + rng.below(3) as usize;
    pty.send(&"j".repeat(choice));
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
        Some(Decision::ALL[choice - 1]),
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
    // Temporary files of an interrupted write are hidden files, skipped by the loader.
    let leftovers = std::fs::read_dir(root.join("49/meetings"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(".tmp")
        })
        .count();
    format!(
        "seed {seed}: killed after {delay:?}, {} keys sent, {kept} kept, {leftovers} temporary file(s) left",
        sent.len()
    )
}

#[test]
fn kill_9_at_random_points_never_leaves_a_broken_meeting_file() {
    let seeds: Vec<u64> = match std::env::var("CELLULE_CRASH_SEED") {
        Ok(seed) => vec![seed.parse().expect("a number")],
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
        println!("{}", trial(seed));
    }
}
