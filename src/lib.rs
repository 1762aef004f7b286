//! `cellule`: prepare, chair and write up the meetings of the cellule de suivi (CPRAF)
//! and of the GTRDO, from the keyboard.
//!
//! Layers, from the bottom: [`domain`] (pure types and rules), [`i18n`] (the message
//! catalogue), [`store`] (YAML files ⇄ domain, validation, atomic writes), [`export`]
//! (pure exporters), [`config`], [`workspace`] (one data folder as the commands and the
//! interface work on it), [`tui`], then the command line. Dependencies point downwards only.

pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod store;
pub mod text;
pub mod tui;
pub mod workspace;
