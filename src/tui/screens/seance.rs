//! Séance (live meeting): its place in the interface, drawn by a later version.

use super::pane;
use crate::tui::app::App;
use crate::tui::strings::T;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane(app, T::ScreenSeance.get(app.lang), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(
        Paragraph::new(T::SeanceLater.get(app.lang))
            .style(app.theme.muted)
            .wrap(Wrap { trim: true }),
        inner,
    );
}
