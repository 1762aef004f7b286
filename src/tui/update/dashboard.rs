//! The dashboard: alerts and next meetings; following an alert.

use super::*;

pub(super) fn dashboard(app: &mut App, action: Action) -> Vec<Effect> {
    let d = &mut app.dashboard;
    match action {
        Action::NextPane | Action::PrevPane => {
            d.focus = match d.focus {
                DashPane::Alerts => DashPane::Meetings,
                DashPane::Meetings => DashPane::Alerts,
            };
        }
        Action::Problems => app.overlays.push(Overlay::Problems { selected: 0 }),
        Action::MonthlyReport => {
            if app.data.department.bodies.is_empty() {
                let text = T::NoBody.get(app.lang);
                app.error(text);
            } else {
                app.overlays.push(Overlay::ReportForm(ReportForm {
                    field: 0,
                    month: previous_month(app.today),
                    body: 0,
                    format: ReportFormat::Markdown,
                    results: LineInput::default(),
                }));
            }
        }
        Action::Open => match app.dashboard.focus {
            DashPane::Alerts => match app.alert_rows().get(app.dashboard.alert) {
                Some(AlertRow::Alert(i)) => {
                    if let Some(alert) = app.alerts().get(*i) {
                        let target = alert.target();
                        follow(app, &target);
                    }
                }
                Some(AlertRow::Group { kind, .. }) => {
                    let kind = *kind;
                    if !kind.is_body_level() {
                        let unfolded = &mut app.dashboard.unfolded;
                        if let Some(at) = unfolded.iter().position(|k| *k == kind) {
                            unfolded.remove(at);
                        } else {
                            unfolded.push(kind);
                        }
                    }
                }
                None => {}
            },
            DashPane::Meetings => {
                let id = app
                    .upcoming_meetings()
                    .get(app.dashboard.meeting)
                    .map(|m| m.id.clone());
                if let Some(id) = id {
                    open_agenda(app, &id, 0);
                }
            }
        },
        other => {
            let alerts = app.alert_rows().len();
            let meetings = app.upcoming_meetings().len();
            let d = &mut app.dashboard;
            match d.focus {
                DashPane::Alerts => d.alert = moved(d.alert, alerts, other, app.page),
                DashPane::Meetings => d.meeting = moved(d.meeting, meetings, other, app.page),
            }
        }
    }
    Vec::new()
}

/// Goes to what an alert is about.
pub fn follow(app: &mut App, target: &AlertTarget) {
    match target {
        AlertTarget::Problems => app.overlays.push(Overlay::Problems { selected: 0 }),
        AlertTarget::Case(id) => show_case(app, id),
        AlertTarget::Meeting { id, item } => open_agenda(app, id, *item),
        AlertTarget::Programme(year) => super::programme::open(app, *year),
        AlertTarget::Body(body) => {
            if let Some(i) = app
                .data
                .department
                .bodies
                .iter()
                .position(|b| &b.id == body)
            {
                app.meetings.body = i;
                app.meetings.selected = 0;
            }
            app.screen = Screen::Meetings;
        }
    }
}

/// Shows a case in the list, clearing the filters that would hide it.
pub fn show_case(app: &mut App, id: &str) {
    app.screen = Screen::Situations;
    let s = &mut app.situations;
    s.searching = false;
    let find = |app: &App| {
        app.visible_cases()
            .iter()
            .position(|&i| app.data.cases[i].id == id)
    };
    if let Some(pos) = find(app) {
        app.situations.selected = pos;
        return;
    }
    let s = &mut app.situations;
    s.body = None;
    s.status = StatusFilter::All;
    s.kind = None;
    s.due_only = false;
    s.search = LineInput::default();
    app.situations.selected = find(app).unwrap_or(0);
}

pub(super) fn open_agenda(app: &mut App, id: &str, item: usize) {
    if let Some(m) = app.data.meeting(id) {
        if let Some(i) = app
            .data
            .department
            .bodies
            .iter()
            .position(|b| b.id == m.body)
        {
            app.meetings.body = i;
        }
        app.agenda.selected = item.min(m.items.len().saturating_sub(1));
        if app.agenda.meeting.as_deref() != Some(id) {
            app.agenda.details = Default::default();
        }
        app.agenda.meeting = Some(id.to_string());
        app.screen = Screen::Agenda;
    }
}
