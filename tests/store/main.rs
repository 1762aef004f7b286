//! The store: loading, encoding, invalid and hostile files, places to write, locks, the live mode's
//! rules read back, the demo data and the synthetic generator.

#[path = "../support/mod.rs"]
mod support;

mod demo;
mod demo_content;
mod encode;
mod generate;
mod hostile_writes;
mod invalid;
mod live_seance;
mod load;
mod lock;
mod prop;
mod prop_text;
