//! The workspace: one data folder and one département as the commands and the interface
//! work on them, a layer above the store and the exporters.
//!
//! [`port::Persist`] is what the interface asks of it; its failures are
//! [`WorkError`] values, turned into sentences only where they are shown; every export is
//! made once, in [`exports`].

pub mod error;
pub mod exports;
pub mod port;
pub mod rescue;
pub mod setup;
mod store;
pub mod watch;

pub use error::{IoOp, WorkError};
pub use exports::{ExportFile, ExportRequest};
pub use port::{CaseEdit, DiskChange, LockOutcome, Persist, Restored};
pub use rescue::{Rescued, Unsaved, WriteKey};
pub use store::Workspace;
pub use watch::{WatchMode, Watching};
