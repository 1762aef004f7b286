//! The questions that follow a decision in the séance: confirm a decision that may not fit,
//! « inscription au suivi », the new référent, the measure of an orientation.

use super::seance_panels::choice_list;
use super::seance_words::field_line;
use super::{centered, fit, popup, shown};
use crate::domain::{MeasureType, ReferentType};
use crate::tui::app::App;
use crate::tui::followup_words::W;
use crate::tui::keymap::Context;
use crate::tui::seance::*;
use crate::tui::strings;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub(super) fn render(app: &App, editing: &Editing, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    match editing {
        Editing::Followup(ask) => {
            let text = match ask {
                Followup::Confirm { misfit, .. } => format!(
                    "{}. {}",
                    crate::i18n::followup::misfit(*misfit, lang),
                    app.keymap
                        .fill(Context::Confirm, W::TakeAnyway.get(lang), lang)
                ),
                Followup::Follow { .. } => {
                    app.keymap
                        .fill(Context::Confirm, W::AskFollow.get(lang), lang)
                }
            };
            let rect = centered(area, 64, 7);
            let inner = popup(app, frame, rect, S::Decision.get(lang));
            frame.render_widget(
                Paragraph::new(text)
                    .style(app.theme.warning)
                    .wrap(Wrap { trim: true }),
                inner,
            );
        }
        Editing::Approval { selected } => {
            let choices: Vec<String> = std::iter::once(W::NoApproval.get(lang).to_string())
                .chain(
                    crate::domain::Approval::ALL
                        .iter()
                        .map(|a| crate::i18n::export::approval(lang, *a).to_string()),
                )
                .collect();
            choice_list(
                app,
                frame,
                area,
                W::ApprovalOf.get(lang),
                &choices,
                *selected,
            );
        }
        Editing::Measure { selected } => {
            let choices: Vec<String> = std::iter::once(W::NoMeasure.get(lang).to_string())
                .chain(
                    MeasureType::ALL
                        .iter()
                        .map(|m| strings::measure(*m, lang).to_string()),
                )
                .collect();
            choice_list(app, frame, area, W::OrientTo.get(lang), &choices, *selected);
        }
        Editing::Provider(form) => {
            let rect = centered(area, 70, 6);
            let inner = popup(app, frame, rect, W::ProviderOf.get(lang));
            let width = inner.width as usize;
            let mut provider = shown(form.input.text());
            if !form.known.is_empty() {
                provider.push_str(&format!(
                    "   ◀ ▶ {} ({})",
                    W::KnownProviders.get(lang),
                    form.known.len()
                ));
            }
            let lines = vec![
                field_line(
                    app,
                    false,
                    W::Type.get(lang),
                    strings::measure(form.kind, lang).to_string(),
                    width,
                ),
                field_line(app, true, W::Provider.get(lang), provider, width),
                Line::styled(
                    fit(&app.keymap.hint_line(Context::Form, lang), width),
                    app.theme.key,
                ),
            ];
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Editing::Referent(form) => {
            let rect = centered(area, 70, 8);
            let inner = popup(app, frame, rect, W::NewReferent.get(lang));
            let width = inner.width as usize;
            let kind = ReferentType::ALL
                .get(form.kind)
                .map(|k| format!("◀ {} ▶", strings::referent_type(*k, lang)))
                .unwrap_or_default();
            let mut structure = shown(form.structure.text());
            if !form.known.is_empty() && form.field == 0 {
                structure.push_str(&format!(
                    "   ◀ ▶ {} ({})",
                    W::KnownStructures.get(lang),
                    form.known.len()
                ));
            }
            let mut lines = vec![
                field_line(
                    app,
                    form.field == 0,
                    W::Structure.get(lang),
                    structure,
                    width,
                ),
                field_line(app, form.field == 1, W::Type.get(lang), kind, width),
                field_line(
                    app,
                    form.field == 2,
                    W::Person.get(lang),
                    shown(form.person.text()),
                    width,
                ),
            ];
            if let Some(e) = &form.error {
                lines.push(Line::styled(fit(e, width), app.theme.error));
            }
            lines.push(Line::styled(
                fit(&app.keymap.hint_line(Context::Form, lang), width),
                app.theme.key,
            ));
            frame.render_widget(Paragraph::new(lines), inner);
        }
        _ => {}
    }
}
