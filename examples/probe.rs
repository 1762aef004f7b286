//! In-process measurements for `benches/compare.sh`: opening one département to the
//! first drawn frame, drawing the situations and agenda screens at 50 and 5,000 cases,
//! and the exports. Prints one line per measure: `name median_microseconds`.
//!
//! ```text
//! cargo run --release --example probe -- DATA_ROOT CODE
//! ```

#[path = "../benches/common/synth.rs"]
mod synth;

use cellule::export::{Level, ReportFormat};
use cellule::i18n::Lang;
use cellule::tui::screens::render;
use cellule::tui::{App, Key, Screen, handle_key};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The median time of `runs` calls of `f`, in microseconds (after one call to warm up).
/// What `f` returns is dropped after the clock is read: freeing it is not part of the
/// measure.
fn median_us<R>(runs: usize, mut f: impl FnMut() -> R) -> u128 {
    std::hint::black_box(f());
    let mut times: Vec<u128> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let result = std::hint::black_box(f());
            let elapsed = t.elapsed().as_micros();
            drop(result);
            elapsed
        })
        .collect();
    times.sort_unstable();
    times[times.len() / 2]
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
}

fn app_on(cases: usize, key: char) -> App {
    let profile = synth::Profile {
        departments: 1,
        cases_per_dept: cases,
        months: 24,
        seed: 1,
    };
    let info = &cellule::domain::departements::all()[0];
    let mut app = App::new(
        synth::dept_value(info, &profile),
        Vec::new(),
        Lang::Fr,
        synth::today(),
    );
    handle_key(&mut app, Key::char(key));
    app
}

fn draw_us(app: &App) -> u128 {
    let Ok(mut terminal) = Terminal::new(TestBackend::new(140, 40));
    median_us(200, || terminal.draw(|f| render(app, f)).is_ok())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, code] = args.as_slice() else {
        eprintln!("usage: probe DATA_ROOT CODE");
        return ExitCode::FAILURE;
    };
    let root = Path::new(root);
    let mut files = Vec::new();
    yaml_files(&root.join(code), &mut files);
    let bytes = median_us(20, || {
        files
            .iter()
            .map(|p| std::fs::read(p).map_or(0, |b| b.len()))
            .sum::<usize>()
    });
    let open = median_us(20, || {
        let loaded = cellule::store::load_root_dept(root, Some(code)).ok()?;
        let dept = loaded.depts.into_iter().next()?;
        let app = App::new(dept.data, Vec::new(), Lang::Fr, synth::today());
        let Ok(mut terminal) = Terminal::new(TestBackend::new(140, 40));
        terminal.draw(|f| render(&app, f)).ok()?;
        Some((app, terminal))
    });
    let load = median_us(20, || cellule::store::load_root_dept(root, Some(code)).ok());
    println!("read_bytes_one_dept {bytes}");
    println!("load_one_dept {load}");
    println!("open_one_dept_first_frame {open}");

    for (name, key, screen) in [
        ("situations", '2', Screen::Situations),
        ("agenda", '4', Screen::Agenda),
    ] {
        for cases in [50, 5000] {
            let app = app_on(cases, key);
            if app.screen != screen {
                eprintln!("probe: key {key} did not open the {name} screen");
                return ExitCode::FAILURE;
            }
            println!("draw_{name}_{cases} {}", draw_us(&app));
        }
    }

    let profile = synth::Profile {
        departments: 1,
        cases_per_dept: 500,
        months: 24,
        seed: 1,
    };
    let data = synth::dept_value(&cellule::domain::departements::all()[0], &profile);
    let Some(meeting) = data
        .meetings
        .iter()
        .find(|m| m.status.is_held() && m.items.len() == 30)
        .map(|m| m.id.clone())
    else {
        eprintln!("probe: no held meeting of 30 items");
        return ExitCode::FAILURE;
    };
    let minutes = median_us(100, || {
        cellule::export::minutes(&data, &meeting, Level::Partners, Lang::Fr).map_or(0, |t| t.len())
    });
    let (y, m, _) = synth::TODAY;
    let report = median_us(100, || {
        cellule::export::monthly_report(&data, (y, m), "cpraf", ReportFormat::Markdown, Lang::Fr)
            .map_or(0, |t| t.len())
    });
    println!("export_minutes_30_items {minutes}");
    println!("export_monthly_report_500_cases {report}");
    ExitCode::SUCCESS
}
