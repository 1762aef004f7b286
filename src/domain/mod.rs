//! The pure domain core: types and rules, no I/O and no terminal.

pub mod agenda;
pub mod agenda_check;
pub mod alerts;
pub mod approval;
pub mod case;
pub mod case_rules;
pub mod current;
pub mod dataset;
pub mod dates;
pub mod departements;
pub mod department;
pub mod enums;
pub mod fipd;
pub mod fit;
pub mod holidays;
pub mod ids;
pub mod live;
pub mod meeting;
pub mod report;
mod report_follow;
pub mod rules;
pub mod starter;

pub use alerts::{Alert, AlertGroup, AlertKind, AlertTarget, alerts, alerts_with_problems};
pub use case::{Case, Measure, Referent};
pub use current::{
    CaseHistoryEntry, CurrentCase, Histories, current_state, current_states, decision_history,
};
pub use dataset::DeptData;
pub use department::{Body, Department, Member, Quorum};
pub use enums::*;
pub use meeting::{Action, Attendance, Details, Guest, Item, Meeting, Postponed};
pub use rules::{OpenAction, due_for_review, is_minor, last_held, last_held_before, open_actions};

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
