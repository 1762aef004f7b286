//! The export menu, the monthly-report form and the preview.

use super::*;

/// The exports of a meeting: its agenda; once it is held, its minutes at each level, the
/// actions by owner and an excerpt for each référent of its cases.
pub(super) fn open_export_menu(app: &mut App, meeting: &str) {
    let format = ReportFormat::Markdown;
    let mut requests = vec![ExportRequest::Agenda {
        meeting: meeting.to_string(),
        format,
    }];
    let held = app.data.meeting(meeting).map(|m| m.status.is_held());
    if held == Some(true) {
        requests.extend(
            MinutesLevel::ALL
                .iter()
                .map(|level| ExportRequest::Minutes {
                    meeting: meeting.to_string(),
                    level: *level,
                    format,
                }),
        );
        requests.push(ExportRequest::Actions {
            meeting: meeting.to_string(),
            format,
        });
        for referent in meeting_referents(&app.data, meeting) {
            requests.push(ExportRequest::Excerpt {
                meeting: meeting.to_string(),
                referent,
                format,
            });
        }
    } else {
        app.info(T::ExportNoMinutes.get(app.lang));
    }
    // The calendar file last, so that the places of the others stay as people learnt them.
    requests.push(ExportRequest::Calendar {
        meeting: meeting.to_string(),
    });
    app.overlays.push(Overlay::ExportMenu {
        requests,
        selected: 0,
        format,
        query: Default::default(),
    });
}

/// The export menu of the programme of `year`: one document, in every format.
pub(super) fn open_programme_export(app: &mut App, year: i32) {
    app.overlays.push(Overlay::ExportMenu {
        requests: vec![ExportRequest::Programme {
            year,
            format: ReportFormat::Markdown,
        }],
        selected: 0,
        format: ReportFormat::Markdown,
        query: Default::default(),
    });
}

/// The référent structures of the cases of a meeting, each once, in the order of the items.
fn meeting_referents(data: &crate::domain::DeptData, meeting: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let Some(m) = data.meeting(meeting) else {
        return out;
    };
    for item in &m.items {
        let Some(r) = item
            .case
            .as_deref()
            .and_then(|c| data.case(c))
            .and_then(|c| c.referent.as_ref())
        else {
            continue;
        };
        let name = r.structure.trim();
        if !name.is_empty() && !out.iter().any(|o| o.to_lowercase() == name.to_lowercase()) {
            out.push(name.to_string());
        }
    }
    out
}

pub(super) fn export_menu_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    let page = app.page;
    let lang = app.lang;
    let Some(Overlay::ExportMenu {
        requests,
        selected,
        format,
        query,
    }) = app.overlays.last_mut()
    else {
        return Vec::new();
    };
    let labels: Vec<String> = requests
        .iter()
        .map(|r| strings::export_label(r, &app.data, lang))
        .collect();
    let kept = crate::tui::fuzzy::keep(query.text(), &labels);
    let formats = kept
        .get(*selected)
        .and_then(|i| requests.get(*i))
        .map_or(ReportFormat::DOCUMENTS, ExportRequest::formats);
    match filtered_key(query, selected, &labels, key, action, page) {
        Chosen::Cancel => {
            app.overlays.pop();
        }
        Chosen::Accept(None) => {}
        Chosen::Accept(Some(chosen)) => {
            let request = requests
                .get(chosen)
                .cloned()
                .map(|r| r.with_format(*format));
            app.overlays.pop();
            if let Some(request) = request {
                preview(app, request);
            }
        }
        Chosen::Other(a @ (Action::ChoicePrev | Action::ChoiceNext)) => {
            *format = format.step_in(formats, a == Action::ChoiceNext);
        }
        Chosen::Other(_) | Chosen::Stay => {}
    }
    Vec::new()
}

pub(super) fn report_form_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
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
    // The text of the results takes every key but those that leave the field.
    let leaves = matches!(
        action,
        Some(Action::Cancel | Action::Accept | Action::PrevField | Action::NextField)
    );
    if form.field == 3 && !leaves {
        edit_line(&mut form.results, key);
        return Vec::new();
    }
    match action {
        Some(Action::Cancel) => {
            app.overlays.pop();
        }
        Some(Action::PrevField) => form.field = form.field.saturating_sub(1),
        Some(Action::NextField) => form.field = (form.field + 1).min(3),
        Some(action @ (Action::ChoicePrev | Action::ChoiceNext)) => {
            let forward = action == Action::ChoiceNext;
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
        Some(Action::Accept) => {
            let Some(body) = bodies.get(form.body).cloned() else {
                return Vec::new();
            };
            let results = form.results.text().trim();
            let request = ExportRequest::Monthly {
                month: form.month,
                body,
                format: form.format,
                results: (!results.is_empty()).then(|| results.to_string()),
            };
            app.overlays.pop();
            preview(app, request);
        }
        _ => {}
    }
    Vec::new()
}

/// Replaces a case's name found in a free text by its label, in the meeting (saved at once,
/// undoable), then makes the preview again.
fn fix_name(
    app: &mut App,
    request: ExportRequest,
    hit: &crate::export::names::NameHit,
) -> Vec<Effect> {
    let Some(before) = app.data.meeting(&hit.meeting).cloned() else {
        return Vec::new();
    };
    let mut after = before.clone();
    if !crate::export::names::apply_fix(&mut after, hit) {
        return Vec::new();
    }
    app.overlays.pop();
    let effects = super::history::change_meeting(app, Some(before), after);
    preview(app, request);
    effects
}

/// Shows the text of an export, made by the pure exporters (nothing is read or written).
fn preview(app: &mut App, request: ExportRequest) {
    let lang = app.lang;
    match crate::workspace::exports::text(&request, &app.data, lang) {
        Ok(text) => app.show_preview(request, &text),
        Err(crate::export::ExportError::NameInText(hit)) => app.show_name_found(request, *hit),
        Err(e) => app.error(strings::export_failed(&e.text(lang), lang)),
    }
}

pub(super) fn preview_key(app: &mut App, action: Option<Action>) -> Vec<Effect> {
    let page = app.page;
    let Some(Overlay::Preview {
        request,
        text,
        scroll,
        name,
    }) = app.overlays.last_mut()
    else {
        return Vec::new();
    };
    if let Some(hit) = name.as_deref().cloned() {
        let request = request.clone();
        return match action {
            Some(Action::Write | Action::WriteCommit) => fix_name(app, request, &hit),
            Some(Action::Back | Action::Cancel) => {
                app.overlays.pop();
                Vec::new()
            }
            _ => Vec::new(),
        };
    }
    let last = text.lines().count().saturating_sub(1);
    match action {
        Some(Action::Back | Action::Cancel) => {
            app.overlays.pop();
        }
        Some(Action::Up) => *scroll = scroll.saturating_sub(1),
        Some(Action::Down) => *scroll = (*scroll + 1).min(last),
        Some(Action::PageUp) => *scroll = scroll.saturating_sub(page),
        Some(Action::PageDown) => *scroll = (*scroll + page).min(last),
        Some(Action::First) => *scroll = 0,
        Some(Action::Last) => *scroll = last,
        Some(Action::Write) => {
            return vec![Effect::Export {
                request: request.clone(),
                commit: false,
            }];
        }
        Some(Action::WriteCommit) => {
            return vec![Effect::Export {
                request: request.clone(),
                commit: true,
            }];
        }
        _ => {}
    }
    Vec::new()
}
