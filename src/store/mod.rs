//! The store: YAML files ⇄ domain values, validation with positions, atomic writes.

pub mod lock;
pub mod problem;
pub mod yaml;

pub use problem::Problem;
