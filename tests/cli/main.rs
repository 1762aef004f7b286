//! The commands as scripts run them (`assert_cmd` on the real binary): the foundation, the exports,
//! hostile files through `validate`, hostile git repositories.

#[path = "../support/mod.rs"]
mod support;

mod export;
mod foundation;
mod hostile;
mod hostile_git;
