//! Every exporter: golden files, formats, Markdown structure, redaction, git, hostile texts,
//! properties.

#[path = "../support/mod.rs"]
mod support;

mod demo;
mod docs;
mod formats;
mod git;
mod hostile;
mod markdown;
mod minutes;
mod prop;
mod redaction;
mod report;
