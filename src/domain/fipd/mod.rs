//! The FIPD programme of a département for one year (`<dept>/fipd/<year>.yaml`):
//! its allocation, its actions, and the rules of the fund's annex checked on them
//! (`checks`) and on the cases they finance; the special publics of the PNPR
//! (`publics`).

pub mod checks;
mod names;
pub mod publics;

pub use checks::{Finding, FindingKind, Severity, Where, check_dept, check_programme};
pub use names::{CapReading, Category, FundStatus, StructureType, Theme};

use chrono::NaiveDate;

/// The analytic code of the plans d'action of the contrats de ville (mesure 48 of the PNPR).
pub const CITY_CONTRACT_CODE: &str = "09-FI0000001";

/// The thresholds of the annex, as settings of the programme file (`rules:`), with the
/// annex's figures as defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FundRules {
    /// Training and team support: the cap in euros (« 4 000 € »).
    pub training_cap: u64,
    /// Training and team support: the cap as a percentage of the programme (« 20 % »).
    pub training_share: u64,
    /// How the two figures combine (see docs/fipd.md).
    pub cap_reading: CapReading,
    /// Primary prevention: the most the fund may pay of an action's cost, in percent.
    pub primary_rate: u64,
}

impl Default for FundRules {
    fn default() -> Self {
        FundRules {
            training_cap: 4000,
            training_share: 20,
            cap_reading: CapReading::Lower,
            primary_rate: 20,
        }
    }
}

impl FundRules {
    /// The cap of training and team support for a programme of `total` euros.
    pub fn training_limit(&self, total: u64) -> u64 {
        let share = total.saturating_mul(self.training_share) / 100;
        match self.cap_reading {
            CapReading::Lower => self.training_cap.min(share),
            CapReading::Higher => self.training_cap.max(share),
        }
    }
}

/// The structure that carries an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Structure {
    pub name: String,
    pub kind: StructureType,
}

/// One quantitative indicator of an action's evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    pub label: String,
    pub target: Option<u64>,
    pub result: Option<u64>,
}

/// The cross evaluation of an action: quantitative and qualitative.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Evaluation {
    pub indicators: Vec<Indicator>,
    pub text: Option<String>,
}

/// One action of the programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundAction {
    pub id: String,
    pub title: String,
    pub structure: Structure,
    pub category: Category,
    /// Euros asked for.
    pub requested: u64,
    /// Euros granted (absent while the request is pending).
    pub granted: Option<u64>,
    /// Total cost of the action, in euros (for the rate checks).
    pub cost: u64,
    /// Themes of a primary-prevention action.
    pub themes: Vec<Theme>,
    /// Analytic code (city contracts: [`CITY_CONTRACT_CODE`]).
    pub code: Option<String>,
    /// The action takes place in prison (milieu fermé).
    pub prison: bool,
    /// The action finances a référent de parcours.
    pub referent: bool,
    pub status: FundStatus,
    /// The day the grant was decided (the arrêté or the convention): an action granted
    /// is engaged from that day; without it, from the day its status says so.
    pub decided: Option<NaiveDate>,
    pub evaluation: Option<Evaluation>,
    pub notes: Option<String>,
}

impl FundAction {
    /// A new action, requested, with nothing granted yet.
    pub fn requested(id: impl Into<String>, title: impl Into<String>, category: Category) -> Self {
        FundAction {
            id: id.into(),
            title: title.into(),
            structure: Structure {
                name: String::new(),
                kind: StructureType::Association,
            },
            category,
            requested: 0,
            granted: None,
            cost: 0,
            themes: Vec::new(),
            code: None,
            prison: false,
            referent: false,
            status: FundStatus::Requested,
            decided: None,
            evaluation: None,
            notes: None,
        }
    }

    /// What the action weighs in the programme: the amount granted once granted or
    /// paid, the amount requested while pending, nothing when refused.
    pub fn planned(&self) -> u64 {
        match self.status {
            FundStatus::Refused => 0,
            FundStatus::Requested => self.requested,
            FundStatus::Granted | FundStatus::Paid => self.granted.unwrap_or(self.requested),
        }
    }

    /// What the fund is committed to: the amount granted of a granted or paid action.
    pub fn engaged(&self) -> u64 {
        match self.status {
            FundStatus::Granted | FundStatus::Paid => self.granted.unwrap_or(self.requested),
            FundStatus::Requested | FundStatus::Refused => 0,
        }
    }

    /// What the fund was committed to on `day`: [`Self::engaged`], unless the grant was
    /// decided after that day.
    pub fn engaged_on(&self, day: NaiveDate) -> u64 {
        match self.decided {
            Some(decided) if decided > day => 0,
            _ => self.engaged(),
        }
    }
}

/// The programme of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    pub year: i32,
    /// Euros granted to the département for the year.
    pub allocation: u64,
    pub rules: FundRules,
    pub actions: Vec<FundAction>,
}

/// The sums of a programme, by category and in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// Planned euros of each category, in the order of [`Category::ALL`].
    pub by_category: Vec<(Category, u64)>,
    /// Planned euros in all (the « programmation »).
    pub planned: u64,
    /// Euros granted (granted and paid actions).
    pub engaged: u64,
    /// Euros of the paid actions.
    pub paid: u64,
    /// Training and team support together.
    pub training: u64,
    /// Their cap for this programme.
    pub training_limit: u64,
    /// The allocation of the year.
    pub allocation: u64,
}

impl Programme {
    /// An empty programme (what `cellule init` writes).
    pub fn empty(year: i32) -> Programme {
        Programme {
            year,
            allocation: 0,
            rules: FundRules::default(),
            actions: Vec::new(),
        }
    }

    /// The action with this id.
    pub fn action(&self, id: &str) -> Option<&FundAction> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The sums of the programme as they stood on `day`: the grants decided after that day
    /// are not yet engaged (nor paid); the rest is as [`Self::totals`].
    pub fn totals_on(&self, day: NaiveDate) -> Totals {
        let mut t = self.totals();
        t.engaged = self.actions.iter().map(|a| a.engaged_on(day)).sum();
        t.paid = self
            .actions
            .iter()
            .filter(|a| a.status == FundStatus::Paid)
            .map(|a| a.engaged_on(day))
            .sum();
        t
    }

    /// The sums of the programme.
    pub fn totals(&self) -> Totals {
        let by_category = Category::ALL
            .iter()
            .map(|c| {
                let sum = self.actions.iter().filter(|a| a.category == *c);
                (*c, sum.map(FundAction::planned).sum())
            })
            .collect();
        let planned = self.actions.iter().map(FundAction::planned).sum();
        let training = self
            .actions
            .iter()
            .filter(|a| a.category.is_training())
            .map(FundAction::planned)
            .sum();
        Totals {
            by_category,
            planned,
            engaged: self.actions.iter().map(FundAction::engaged).sum(),
            paid: self
                .actions
                .iter()
                .filter(|a| a.status == FundStatus::Paid)
                .map(FundAction::engaged)
                .sum(),
            training,
            training_limit: self.rules.training_limit(planned),
            allocation: self.allocation,
        }
    }

    /// A free id for a new action (`action-1`, `action-2`...).
    pub fn free_id(&self) -> String {
        (1..)
            .map(|n| format!("action-{n}"))
            .find(|id| self.action(id).is_none())
            .unwrap_or_default()
    }
}

/// A share in percent, rounded down (0 when the whole is 0).
pub fn percent(part: u64, whole: u64) -> u64 {
    part.saturating_mul(100).checked_div(whole).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_readings_of_the_training_cap() {
        let lower = FundRules::default();
        // A small programme: 20 % of 10 000 € is 2 000 €, under 4 000 €.
        assert_eq!(lower.training_limit(10_000), 2_000);
        assert_eq!(lower.training_limit(40_000), 4_000);
        let higher = FundRules {
            cap_reading: CapReading::Higher,
            ..lower
        };
        assert_eq!(higher.training_limit(10_000), 4_000);
        assert_eq!(higher.training_limit(40_000), 8_000);
    }

    #[test]
    fn planned_and_engaged_follow_the_status() {
        let mut a = FundAction::requested("a", "A", Category::Parenting);
        a.requested = 500;
        assert_eq!((a.planned(), a.engaged()), (500, 0));
        a.status = FundStatus::Granted;
        a.granted = Some(400);
        assert_eq!((a.planned(), a.engaged()), (400, 400));
        a.status = FundStatus::Refused;
        assert_eq!((a.planned(), a.engaged()), (0, 0));
    }

    #[test]
    fn a_grant_decided_later_is_not_yet_engaged() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let mut a = FundAction::requested("a", "A", Category::Parenting);
        a.requested = 500;
        a.granted = Some(500);
        a.status = FundStatus::Paid;
        a.decided = Some(day(15));
        assert_eq!(a.engaged_on(day(14)), 0);
        assert_eq!(a.engaged_on(day(15)), 500);
        a.decided = None;
        assert_eq!(a.engaged_on(day(1)), 500);
        let mut p = Programme::empty(2026);
        p.allocation = 1000;
        a.decided = Some(day(15));
        p.actions.push(a);
        let before = p.totals_on(day(14));
        assert_eq!((before.engaged, before.paid, before.planned), (0, 0, 500));
        assert_eq!(p.totals_on(day(31)), p.totals());
    }

    #[test]
    fn free_ids_skip_the_taken_ones() {
        let mut p = Programme::empty(2026);
        p.actions
            .push(FundAction::requested("action-1", "x", Category::Training));
        assert_eq!(p.free_id(), "action-2");
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(1, 0), 0);
    }
}
