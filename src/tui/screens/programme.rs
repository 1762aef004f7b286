//! Programme FIPD: the actions of the year, the totals by category against the
//! allocation and the caps, the checks of the annex as they stand; the form of an action.

use super::{pane, shown};
use crate::domain::fipd::{Severity, check_programme, percent};
use crate::i18n::fipd::{self as words, euros};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let st = &app.programme;
    let programme = app.data.programme(st.year);
    let [list, bottom] = Layout::vertical([Constraint::Min(4), Constraint::Length(12)]).areas(area);
    let mut title = format!(
        "{} {}",
        lang.pick("Programme FIPD", "FIPD programme"),
        st.year
    );
    if st.searching || !st.search.text().is_empty() {
        let label = crate::tui::strings::T::Search.get(lang);
        let cursor = if st.searching { "▏" } else { "" };
        title.push_str(&format!(" · {label} : {}{cursor}", shown(st.search.text())));
    }
    let block = pane(app, &title, true);
    let all = programme.map_or(&[][..], |p| &p.actions[..]);
    let actions: Vec<&crate::domain::fipd::FundAction> = (app.programme_rows().into_iter())
        .filter_map(|i| all.get(i))
        .collect();
    if all.is_empty() {
        let inner = block.inner(list);
        frame.render_widget(block, list);
        frame.render_widget(
            Paragraph::new(lang.pick(
                "Aucune action : « n » pour en ajouter une.",
                "No action: \"n\" to add one.",
            ))
            .style(app.theme.muted),
            inner,
        );
    } else {
        let header = Row::new(
            [
                lang.pick("Action", "Action"),
                lang.pick("Catégorie", "Category"),
                lang.pick("Structure", "Structure"),
                lang.pick("Demandé", "Requested"),
                lang.pick("Accordé", "Granted"),
                lang.pick("Statut", "Status"),
            ]
            .map(Cell::from),
        )
        .style(app.theme.header);
        let rows: Vec<Row> = actions
            .iter()
            .map(|&a| {
                Row::new(vec![
                    Cell::from(shown(&a.title)),
                    Cell::from(words::category(a.category, lang)),
                    Cell::from(shown(&a.structure.name)),
                    Cell::from(euros(a.requested, lang)),
                    Cell::from(a.granted.map(|g| euros(g, lang)).unwrap_or_default()),
                    Cell::from(words::status(a.status, lang)),
                ])
            })
            .collect();
        let table = Table::new(
            rows,
            [
                Constraint::Fill(3),
                Constraint::Fill(2),
                Constraint::Fill(2),
                Constraint::Length(10),
                Constraint::Length(10),
                Constraint::Length(9),
            ],
        )
        .header(header)
        .block(block)
        .row_highlight_style(app.theme.selected);
        let mut state = TableState::default().with_selected(Some(st.selected));
        frame.render_stateful_widget(table, list, &mut state);
        let len = actions.len();
        super::record_rows(list, 1, super::List::Programme, state.offset(), len);
    }
    let [totals, checks] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(bottom);
    let mut lines = Vec::new();
    let mut found = Vec::new();
    if let Some(p) = programme {
        let t = p.totals();
        let width = usize::from(totals.width.saturating_sub(2));
        for (c, sum) in t.by_category.iter().filter(|(_, s)| *s > 0) {
            let amount = euros(*sum, lang);
            let room = width.saturating_sub(amount.chars().count() + 1);
            let label = super::fit(words::category(*c, lang), room);
            lines.push(Line::from(format!("{label:<room$} {amount}")));
        }
        lines.push(Line::styled(
            format!(
                "{} {} / {} ({} %)",
                lang.pick("Accordé :", "Granted:"),
                euros(t.engaged, lang),
                euros(p.allocation, lang),
                percent(t.engaged, p.allocation)
            ),
            app.theme.title,
        ));
        lines.push(Line::from(format!(
            "{} {} / {}",
            lang.pick("Formation + équipes :", "Training + teams:"),
            euros(t.training, lang),
            euros(t.training_limit, lang)
        )));
        found = check_programme(p);
    }
    frame.render_widget(
        Paragraph::new(lines).block(pane(app, lang.pick("Totaux", "Totals"), false)),
        totals,
    );
    let check_lines: Vec<Line> = if found.is_empty() {
        vec![Line::styled(
            lang.pick(
                "Toutes les règles de l'annexe sont respectées.",
                "Every rule of the annex holds.",
            ),
            app.theme.ok,
        )]
    } else {
        found
            .iter()
            .map(|f| {
                let style = match f.severity() {
                    Severity::Error => app.theme.error,
                    Severity::Warning | Severity::Notice => app.theme.warning,
                };
                Line::styled(format!("• {}", words::finding(f, lang)), style)
            })
            .collect()
    };
    frame.render_widget(
        Paragraph::new(check_lines)
            .wrap(Wrap { trim: true })
            .block(pane(app, lang.pick("Contrôles", "Checks"), false)),
        checks,
    );
    if let Some((_, form)) = &st.form {
        crate::tui::hit::overlay();
        let w = area.width.clamp(20, 72);
        let h = (form.fields.len() as u16 + 5).min(area.height);
        let x = area.x + (area.width - w) / 2;
        let y = area.y + (area.height - h) / 2;
        crate::tui::form::draw::draw(frame, Rect::new(x, y, w, h), form, &app.theme, lang);
    }
}
