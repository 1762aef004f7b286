//! The interface without a terminal: keys through `handle_key`, screens drawn on a test backend
//! (insta snapshots at 80×24 and 140×40), the guide's captures.

#[path = "../support/mod.rs"]
mod support;

mod docs;
mod lists;
mod mouse;
mod screens_demo;
mod seance;
mod snapshots;
mod update;
