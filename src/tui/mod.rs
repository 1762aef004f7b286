//! The terminal interface (ratatui): dashboard, cases, meetings and the agenda builder.
//!
//! Shape: [`app::App`] owns the state; [`update::update`] changes it from an
//! [`action::Action`] and returns [`update::Effect`]s; [`screens::render`] draws it;
//! [`runtime`] owns the terminal, reads events and carries out the effects through
//! [`crate::workspace::Persist`], the port the workspace implements.

pub mod action;
pub mod alert_words;
pub mod app;
pub mod case_form;
pub mod commands;
pub mod editor;
pub mod export;
#[path = "seance/followup_words.rs"]
pub mod followup_words;
pub mod form;
pub mod fuzzy;
pub mod hit;
pub mod input;
pub mod key;
pub mod keymap;
mod keymap_words;
mod lists;
pub mod meeting_form;
pub mod programme;
pub mod runtime;
pub mod screens;
#[path = "seance/state.rs"]
pub mod seance;
pub mod strings;
pub mod theme;
pub mod unsaved;
pub mod update;
pub mod watch;

pub use crate::workspace::{CaseEdit, LockOutcome, Persist, WorkError};
pub use action::Action;
pub use app::{App, Screen};
pub use export::{ExportRequest, MinutesLevel, ReportFormat};
pub use keymap::{Context, Key, KeyOverride, Keymap};
pub use runtime::{Options, TuiError, apply_effects, prepare, run, run_app, run_with};
pub use theme::{Theme, ThemeKind};
pub use update::{Effect, handle_key, paste, update};
