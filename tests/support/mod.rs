//! Helpers shared by every test binary: copies of data roots (`data`), the real binary in a
//! pseudo-terminal (`pty`), and the hand-built départements of the interface (`tui`) and
//! export (`export`) tests. Each binary (`tests/*/main.rs`) includes this folder once.

#![allow(dead_code)]

pub mod big;
pub mod data;
pub mod export;
pub mod pty;
pub mod tui;
