//! One département's data as loaded: its directory, its cases and its meetings.

use super::case::Case;
use super::department::Department;
use super::fipd::Programme;
use super::meeting::Meeting;

/// Everything the app knows of one département, in memory.
///
/// Cases are sorted by id and meetings chronologically (date, start, id) by the
/// loader; the functions of the domain never depend on that order.
#[derive(Debug, Clone, PartialEq)]
pub struct DeptData {
    pub department: Department,
    pub cases: Vec<Case>,
    pub meetings: Vec<Meeting>,
    /// The FIPD programmes (`fipd/<year>.yaml`), by year.
    pub programmes: Vec<Programme>,
}

impl DeptData {
    /// The département code (`"49"`, `"2A"`, `"971"`...).
    pub fn code(&self) -> &str {
        &self.department.code
    }

    /// The case with this id.
    pub fn case(&self, id: &str) -> Option<&Case> {
        self.cases.iter().find(|c| c.id == id)
    }

    /// The meeting with this id.
    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// The FIPD programme of `year`.
    pub fn programme(&self, year: i32) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.year == year)
    }

    /// The meetings of one body, in the order they are kept.
    pub fn meetings_of<'a>(&'a self, body: &'a str) -> impl Iterator<Item = &'a Meeting> + 'a {
        self.meetings.iter().filter(move |m| m.body == body)
    }

    /// The cases of one body, in the order they are kept.
    pub fn cases_of<'a>(&'a self, body: &'a str) -> impl Iterator<Item = &'a Case> + 'a {
        self.cases.iter().filter(move |c| c.body == body)
    }
}
