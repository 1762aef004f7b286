//! Exports (`cargo bench --bench export`): the minutes of a 30-item meeting at each
//! level, its agenda, and the monthly report of a 500-case département.

#[path = "common/synth.rs"]
mod synth;

use cellule::domain::DeptData;
use cellule::export::{Level, ReportFormat};
use cellule::i18n::Lang;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

const PROFILE: synth::Profile = synth::Profile {
    departments: 1,
    cases_per_dept: 500,
    months: 24,
    seed: 1,
};

fn data() -> &'static DeptData {
    static DATA: OnceLock<DeptData> = OnceLock::new();
    DATA.get_or_init(|| synth::dept_value(&synth::codes(&PROFILE).expect("codes")[0], &PROFILE))
}

/// A held meeting of 30 items.
fn meeting_id() -> &'static str {
    data()
        .meetings
        .iter()
        .filter(|m| m.status.is_held() && m.items.len() == 30)
        .map(|m| m.id.as_str())
        .next()
        .expect("a held meeting of 30 items")
}

#[divan::bench(args = Level::ALL, sample_count = 100)]
fn minutes_30_items(level: Level) -> usize {
    cellule::export::minutes(data(), meeting_id(), level, Lang::Fr)
        .expect("minutes")
        .len()
}

#[divan::bench(sample_count = 100)]
fn agenda_30_items() -> usize {
    cellule::export::agenda(data(), meeting_id(), Lang::Fr)
        .expect("agenda")
        .len()
}

#[divan::bench(args = [ReportFormat::Markdown, ReportFormat::Csv], sample_count = 100)]
fn monthly_report_500_cases(format: ReportFormat) -> usize {
    let (y, m, _) = synth::TODAY;
    cellule::export::monthly_report(data(), (y, m), "cpraf", format, Lang::Fr)
        .expect("report")
        .len()
}
