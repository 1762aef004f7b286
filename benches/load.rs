//! Loading and validating generated data (`cargo bench --bench load`).
//!
//! A profile of 4 départements × 500 cases × 24 months is generated once into a
//! temporary folder; the national figures come from `benches/compare.sh`.

#[path = "common/synth.rs"]
mod synth;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const PROFILE: synth::Profile = synth::Profile {
    departments: 4,
    cases_per_dept: 500,
    months: 24,
    seed: 1,
};

fn data_root() -> &'static Path {
    static ROOT: OnceLock<tempfile::TempDir> = OnceLock::new();
    ROOT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        synth::generate(dir.path(), &PROFILE, 2).expect("the profile is written");
        dir
    })
    .path()
}

fn files_of(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("a readable folder").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn main() {
    divan::main();
}

// The profile is generated before the clock starts, and what a sample loads is
// returned, so that divan frees it after the sample's time is taken.

/// Every département of the profile: read, parse, decode and check.
#[divan::bench(sample_count = 20)]
fn load_root_4_departements(bencher: divan::Bencher) {
    let root = data_root();
    bencher.bench(|| {
        let loaded = cellule::store::load_root(divan::black_box(root)).expect("loads");
        assert!(loaded.problems.is_empty());
        loaded
    });
}

/// One 500-case département.
#[divan::bench(sample_count = 30)]
fn load_one_departement(bencher: divan::Bencher) {
    let root = data_root();
    let code = synth::codes(&PROFILE).expect("codes")[0].code;
    bencher.bench(|| {
        cellule::store::load_root_dept(divan::black_box(root), Some(code)).expect("loads")
    });
}

/// One changed meeting of the same département read again (after a save, a conflict or
/// a colleague's change): its file alone, checked against the loaded data. Its largest
/// held meeting is taken.
#[divan::bench(sample_count = 100)]
fn reload_one_meeting_of_one_departement(bencher: divan::Bencher) {
    let root = data_root();
    let code = synth::codes(&PROFILE).expect("codes")[0].code;
    let loaded = cellule::store::load_root_dept(root, Some(code)).expect("loads");
    let dept = loaded.dept(code).expect("the département");
    let id = dept
        .data
        .meetings
        .iter()
        .filter(|m| m.status.is_held())
        .max_by_key(|m| m.items.len())
        .expect("a held meeting")
        .id
        .clone();
    bencher.bench(|| {
        cellule::store::read_meeting(divan::black_box(root), &dept.data, &id).expect("reads")
    });
}

/// One case file of the same département changed by a colleague, read again alone and
/// checked against the directory (what the interface's watcher does for it).
#[divan::bench(sample_count = 100)]
fn reload_one_case_of_one_departement(bencher: divan::Bencher) {
    let root = data_root();
    let code = synth::codes(&PROFILE).expect("codes")[0].code;
    let loaded = cellule::store::load_root_dept(root, Some(code)).expect("loads");
    let dept = loaded.dept(code).expect("the département");
    let id = dept.data.cases[0].id.clone();
    bencher.bench(|| {
        cellule::store::read_case(divan::black_box(root), &dept.data.department, &id)
            .expect("reads")
    });
}

/// The floor: reading the bytes of the same département's files.
#[divan::bench(sample_count = 30)]
fn read_bytes_one_departement(bencher: divan::Bencher) {
    let code = synth::codes(&PROFILE).expect("codes")[0].code;
    let files = files_of(&data_root().join(code));
    bencher.bench(|| {
        files
            .iter()
            .map(|p| std::fs::read(p).map_or(0, |b| b.len()))
            .sum::<usize>()
    });
}

/// Encoding a meeting of 30 items as the app writes it (with its read-back check).
#[divan::bench(sample_count = 50)]
fn encode_30_item_meeting(bencher: divan::Bencher) {
    let info = &synth::codes(&PROFILE).expect("codes")[0];
    let data = synth::dept_data(info, &PROFILE);
    let meeting = data
        .meetings
        .iter()
        .filter(|m| m.status.is_held())
        .max_by_key(|m| m.items.len())
        .expect("a held meeting")
        .clone();
    bencher.bench(|| cellule::store::meeting_to_yaml(divan::black_box(&meeting)).len());
}
