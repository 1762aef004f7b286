//! Writes synthetic data at any scale, deterministic by seed.
//!
//! ```text
//! cargo run --release --example generate -- --out DIR --departments 101 --cases-per-dept 500 --months 24 [--seed 1]
//! ```
//!
//! The folder must be empty or absent. Every file validates (`cellule validate --data DIR`).
//! The data is fictional.

#[path = "../benches/common/synth.rs"]
mod synth;

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Writes a data root of synthetic départements, cases and meetings.
#[derive(Parser)]
struct Args {
    /// The data root to create (empty or absent).
    #[arg(long)]
    out: PathBuf,
    /// How many départements, the first N codes of the official table (101 = all départements).
    #[arg(long, default_value_t = 1)]
    departments: usize,
    /// Cases in each département.
    #[arg(long, default_value_t = 500)]
    cases_per_dept: usize,
    /// Months of meetings (monthly CPRAF, quarterly GTRDO).
    #[arg(long, default_value_t = 24)]
    months: u32,
    /// The seed: one seed always gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Threads writing départements (default: every core).
    #[arg(long)]
    threads: Option<usize>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let profile = synth::Profile {
        departments: args.departments,
        cases_per_dept: args.cases_per_dept,
        months: args.months,
        seed: args.seed,
    };
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let started = Instant::now();
    match synth::generate(&args.out, &profile, threads) {
        Ok(sum) => {
            println!(
                "{}: {} départements, {} cases, {} meetings, {} files, {:.1} MB in {:.1} s",
                args.out.display(),
                sum.departments,
                sum.cases,
                sum.meetings,
                sum.files,
                sum.bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::FAILURE
        }
    }
}
