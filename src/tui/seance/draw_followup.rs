//! The questions that follow a decision in the séance: confirm a decision that may not fit,
//! « inscription au suivi », the new référent, the measure of an orientation.

use super::seance_panels::{choice_list, form_hint, form_lines};
use super::{centered, fit, popup, shown};
use crate::domain::ReferentType;
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
        Editing::Approval { selected, query } => {
            let choices = Editing::approval_labels(lang);
            let title = W::ApprovalOf.get(lang);
            choice_list(app, frame, area, title, &choices, *selected, query);
        }
        Editing::Measure { selected, query } => {
            let choices = Editing::measure_labels(lang);
            let title = W::OrientTo.get(lang);
            choice_list(app, frame, area, title, &choices, *selected, query);
        }
        Editing::Provider(form) => {
            let rect = centered(area, 70, 7);
            let inner = popup(app, frame, rect, W::ProviderOf.get(lang));
            let width = inner.width as usize;
            let mut provider = shown(form.input.text());
            provider.push('▏');
            if !form.known.is_empty() {
                provider.push_str(&format!(
                    "   ◀ ▶ {} ({})",
                    W::KnownProviders.get(lang),
                    form.known.len()
                ));
            }
            let mut lines = form_lines(
                app,
                false,
                W::Type.get(lang),
                strings::measure(form.kind, lang),
                width,
            );
            lines.extend(form_lines(
                app,
                true,
                W::Provider.get(lang),
                &provider,
                width,
            ));
            lines.push(form_hint(app, width));
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
            if form.field == 0 {
                structure.push('▏');
            }
            if !form.known.is_empty() && form.field == 0 {
                structure.push_str(&format!(
                    "   ◀ ▶ {} ({})",
                    W::KnownStructures.get(lang),
                    form.known.len()
                ));
            }
            let mut person = shown(form.person.text());
            if form.field == 2 {
                person.push('▏');
            }
            let mut lines = Vec::new();
            for (i, label, value) in [
                (0, W::Structure, structure),
                (1, W::Type, kind),
                (2, W::Person, person),
            ] {
                lines.extend(form_lines(
                    app,
                    form.field == i,
                    label.get(lang),
                    &value,
                    width,
                ));
            }
            if let Some(e) = &form.error {
                lines.push(Line::styled(fit(e, width), app.theme.error));
            }
            lines.push(form_hint(app, width));
            frame.render_widget(Paragraph::new(lines), inner);
        }
        _ => {}
    }
}
