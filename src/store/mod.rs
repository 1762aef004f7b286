//! The store: YAML files ⇄ domain values, validation with positions, atomic writes.
//!
//! - [`load_root`] / [`load_root_dept`] read a data root into [`Loaded`]: the valid
//!   data of each département and every [`Problem`] found (`path:line:column: message`).
//! - [`meeting_to_yaml`] / [`new_case_yaml`] write domain values in the shape of the format.
//! - [`write_atomic`] / [`save_meeting`] write files atomically, refusing to overwrite a
//!   change made since the file was read (see [`Stamp`], [`Expect`]).
//!
//! Every YAML call stays in [`yaml`]; files are read into a [`yaml::Node`] tree that
//! borrows their text, and decoded from it by hand so that each problem is reported at
//! its place.

pub mod check;
mod decode_case;
mod decode_department;
pub mod decode_fipd;
mod decode_meeting;
#[cfg(test)]
mod decode_tests;
pub mod edit;
mod encode;
pub mod encode_case;
pub mod encode_fipd;
pub mod exposure;
mod fields;
pub mod git;
mod load;
pub mod lock;
mod node;
mod parallel;
pub mod problem;
pub mod read;
mod scalar;
mod source;
mod stamp;
pub mod temp;
mod validate;
mod write;
pub mod yaml;
mod yaml_fast;
mod yaml_marks;
mod yaml_read;

pub use check::{check_case_text, read_case, read_meeting};
pub use decode_case::decode_case;
pub use decode_department::{decode_department, locate_placeholders};
pub use decode_meeting::decode_meeting;
pub use encode::{meeting_to_yaml, new_case_yaml};
pub use git::{CommitError, CommitOutcome, git_commit};
pub use load::{Loaded, LoadedDept, MAX_FILE_BYTES, StoreError, load_root, load_root_dept};
pub use problem::{MAX_PROBLEMS_PER_FILE, Problem};
pub use write::inject;
pub use write::{
    Expect, Stamp, WriteError, create_private_dir, folder_in_root, meeting_path, save_meeting,
    write_atomic,
};
