//! End to end: the real binary in a pseudo-terminal (`portable-pty` + `vt100`), driven by keys as a
//! person types them, the screen read back and the files checked on disk; the `kill -9` trials.

#[path = "../support/mod.rs"]
mod support;

mod crash_trials;
mod hostile;
mod interface;
mod large;
mod programme;
mod seance;
mod tui_pty;
