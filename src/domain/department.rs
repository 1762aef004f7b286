//! A département: its directory of members and its bodies.

use super::enums::Decision;
use chrono_tz::Tz;

/// A person of the directory who may be invited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    pub organisation: String,
    pub email: Option<String>,
}

/// A body that meets (the CPRAF, the GTRDO, or a body the département defines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub id: String,
    /// The official name, written in documents.
    pub name: String,
    /// The short name shown on screen (`short:`); its id in capitals when the file gives none.
    pub short: Option<String>,
    pub chair: String,
    pub every_days: u32,
    pub review_every_days: Option<u32>,
    pub members: Vec<String>,
    /// The decisions this body takes (`decisions:`), in the order offered; empty: the
    /// defaults of its kind ([`Body::decision_list`]).
    pub decisions: Vec<Decision>,
    /// The quorum the body states, if any (see `live::quorum`).
    pub quorum: Option<Quorum>,
}

/// A body's quorum: the members whose organisation must be present or represented, and a
/// minimum number of organisations present or represented.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Quorum {
    /// Member ids.
    pub required: Vec<String>,
    pub min_organisations: u32,
}

/// Default interval before a followed case comes back, when the body sets none.
pub const DEFAULT_REVIEW_EVERY_DAYS: u32 = 60;

impl Body {
    /// The name shown on screen: `short:`, else the id in capitals (CPRAF, GTRDO).
    pub fn short_name(&self) -> String {
        match &self.short {
            Some(s) if !s.trim().is_empty() => s.trim().to_string(),
            _ => self.id.to_uppercase(),
        }
    }

    /// The decisions offered in this body's séances: its `decisions:`, else the GTRDO's
    /// list for a body `gtrdo`, else the CPRAF's.
    pub fn decision_list(&self) -> &[Decision] {
        if !self.decisions.is_empty() {
            &self.decisions
        } else if self.id == "gtrdo" {
            Decision::GTRDO
        } else {
            Decision::CPRAF
        }
    }

    /// The interval before a followed case comes back to the table.
    pub fn review_interval_days(&self) -> u32 {
        self.review_every_days.unwrap_or(DEFAULT_REVIEW_EVERY_DAYS)
    }
}

/// The default marking printed at the top of every export.
pub const DEFAULT_MARKING: &str = "Diffusion restreinte";

/// A département as kept in `department.yaml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Department {
    pub code: String,
    pub name: String,
    pub authority: Option<String>,
    /// The time zone written in the file, if any.
    pub timezone: Option<Tz>,
    pub marking: Option<String>,
    pub members: Vec<Member>,
    /// Bodies in the order of the file.
    pub bodies: Vec<Body>,
}

impl Department {
    /// The member with this id.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    /// The body with this id.
    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }

    /// The short name of the body with this id, or the id itself when the body is unknown.
    pub fn body_short(&self, id: &str) -> String {
        self.body(id)
            .map_or_else(|| id.to_string(), Body::short_name)
    }

    /// The time zone meetings are held in: the file's, else the one of the code table.
    pub fn time_zone(&self) -> Tz {
        self.timezone
            .or_else(|| super::departements::by_code(&self.code).map(|d| d.tz))
            .unwrap_or(chrono_tz::Europe::Paris)
    }

    /// The marking printed at the top of exports.
    pub fn marking(&self) -> &str {
        self.marking.as_deref().unwrap_or(DEFAULT_MARKING)
    }
}
