//! The export menu, the monthly-report form and the preview.

use super::*;

pub(super) fn open_export_menu(app: &mut App, meeting: &str) {
    let mut requests = vec![ExportRequest::Agenda {
        meeting: meeting.to_string(),
    }];
    requests.extend(
        MinutesLevel::ALL
            .iter()
            .map(|level| ExportRequest::Minutes {
                meeting: meeting.to_string(),
                level: *level,
            }),
    );
    app.overlays.push(Overlay::ExportMenu {
        requests,
        selected: 0,
    });
}

pub(super) fn export_menu_key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(Overlay::ExportMenu { requests, selected }) = app.overlays.last_mut() else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Esc => {
            app.overlays.pop();
        }
        KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => {
            *selected = (*selected + 1).min(requests.len().saturating_sub(1));
        }
        KeyCode::Enter => {
            let request = requests.get(*selected).cloned();
            app.overlays.pop();
            return request.map(Effect::PreviewExport).into_iter().collect();
        }
        _ => {}
    }
    Vec::new()
}

pub(super) fn report_form_key(app: &mut App, key: Key) -> Vec<Effect> {
    let bodies: Vec<String> = app
        .data
        .department
        .bodies
        .iter()
        .map(|b| b.id.clone())
        .collect();
    let Some(Overlay::ReportForm(form)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let n = bodies.len().max(1);
    match key.code {
        KeyCode::Esc => {
            app.overlays.pop();
        }
        KeyCode::Up | KeyCode::BackTab => form.field = form.field.saturating_sub(1),
        KeyCode::Down | KeyCode::Tab => form.field = (form.field + 1).min(2),
        KeyCode::Left | KeyCode::Right | KeyCode::Char(' ') => {
            let forward = key.code != KeyCode::Left;
            match form.field {
                0 => form.month = shift_month(form.month, forward),
                1 => {
                    form.body = if forward {
                        (form.body + 1) % n
                    } else {
                        (form.body + n - 1) % n
                    };
                }
                _ => {
                    form.format = form.format.step_in(ReportFormat::REPORT, forward);
                }
            }
        }
        KeyCode::Enter => {
            let Some(body) = bodies.get(form.body).cloned() else {
                return Vec::new();
            };
            let request = ExportRequest::Monthly {
                month: form.month,
                body,
                format: form.format,
            };
            app.overlays.pop();
            return vec![Effect::PreviewExport(request)];
        }
        _ => {}
    }
    Vec::new()
}

pub(super) fn preview_key(app: &mut App, key: Key) -> Vec<Effect> {
    let page = app.page;
    let Some(Overlay::Preview {
        request,
        text,
        scroll,
    }) = app.overlays.last_mut()
    else {
        return Vec::new();
    };
    let last = text.lines().count().saturating_sub(1);
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => {
            app.overlays.pop();
        }
        KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => *scroll = (*scroll + 1).min(last),
        KeyCode::PageUp => *scroll = scroll.saturating_sub(page),
        KeyCode::PageDown => *scroll = (*scroll + page).min(last),
        KeyCode::Home => *scroll = 0,
        KeyCode::Char('w') => {
            return vec![Effect::Export {
                request: request.clone(),
                commit: false,
            }];
        }
        KeyCode::Char('g') => {
            return vec![Effect::Export {
                request: request.clone(),
                commit: true,
            }];
        }
        _ => {}
    }
    Vec::new()
}
