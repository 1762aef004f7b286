//! Drawing the interface (`cargo bench --bench screens`).
//!
//! - the situations screen and the agenda screen of a département of 50 and of 5,000
//!   cases, drawn at 140×40 into ratatui's `TestBackend`: only visible rows should cost;
//! - opening one 500-case département (load, build the interface, first frame) against
//!   reading its files' bytes.

#[path = "common/synth.rs"]
mod synth;

use cellule::domain::DeptData;
use cellule::i18n::Lang;
use cellule::tui::screens::render;
use cellule::tui::{App, Key, Screen, handle_key};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn data(cases: usize) -> DeptData {
    let profile = synth::Profile {
        departments: 1,
        cases_per_dept: cases,
        months: 24,
        seed: 1,
    };
    synth::dept_value(&synth::codes(&profile).expect("codes")[0], &profile)
}

fn app_on(cases: usize, keys: &str, screen: Screen) -> App {
    let mut app = App::new(data(cases), Vec::new(), Lang::Fr, synth::today());
    for c in keys.chars() {
        handle_key(&mut app, Key::char(c));
    }
    assert_eq!(app.screen, screen, "keys {keys:?}");
    app
}

fn draw_bench(bencher: divan::Bencher, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(140, 40)).expect("a test terminal");
    bencher.bench_local(|| {
        terminal
            .draw(|f| render(divan::black_box(app), f))
            .map(|frame| frame.area.width)
    });
}

#[divan::bench(args = [50, 5000], sample_count = 50)]
fn draw_situations(bencher: divan::Bencher, cases: usize) {
    let app = app_on(cases, "2", Screen::Situations);
    draw_bench(bencher, &app);
}

#[divan::bench(args = [50, 5000], sample_count = 50)]
fn draw_agenda(bencher: divan::Bencher, cases: usize) {
    let app = app_on(cases, "4", Screen::Agenda);
    draw_bench(bencher, &app);
}

const ONE: synth::Profile = synth::Profile {
    departments: 1,
    cases_per_dept: 500,
    months: 24,
    seed: 1,
};

fn one_root() -> &'static Path {
    static ROOT: OnceLock<tempfile::TempDir> = OnceLock::new();
    ROOT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        synth::generate(dir.path(), &ONE, 1).expect("the profile is written");
        dir
    })
    .path()
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("a readable folder").flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
}

/// Load one 500-case département, build the interface and draw its first frame. The
/// profile is generated before the clock starts; the interface is returned, so that
/// divan frees it after the sample's time is taken.
#[divan::bench(sample_count = 20)]
fn open_500_cases_to_first_frame(bencher: divan::Bencher) {
    let root = one_root();
    let code = synth::codes(&ONE).expect("codes")[0].code;
    bencher.bench(|| {
        let loaded = cellule::store::load_root_dept(root, Some(code)).expect("loads");
        let dept = loaded.depts.into_iter().next().expect("one département");
        let app = App::new(dept.data, Vec::new(), Lang::Fr, synth::today());
        let mut terminal = Terminal::new(TestBackend::new(140, 40)).expect("a test terminal");
        terminal.draw(|f| render(&app, f)).expect("drawn");
        (app, terminal)
    });
}

/// The floor: reading the same département's files.
#[divan::bench(sample_count = 20)]
fn read_bytes_500_cases(bencher: divan::Bencher) {
    let mut files = Vec::new();
    yaml_files(one_root(), &mut files);
    bencher.bench(|| {
        files
            .iter()
            .map(|p| std::fs::read(p).map_or(0, |b| b.len()))
            .sum::<usize>()
    });
}
