//! Drawing: a pure function of the state. One file per screen and per overlay.

pub mod agenda;
pub mod agenda_details;
pub mod dashboard;
pub mod help;
pub mod meetings;
pub mod overlays;
pub mod programme;
#[path = "../seance/draw.rs"]
pub mod seance;
#[path = "../seance/draw_card.rs"]
mod seance_card;
#[path = "../seance/draw_followup.rs"]
mod seance_followup;
#[path = "../seance/draw_panels.rs"]
mod seance_panels;
#[path = "../seance/draw_words.rs"]
mod seance_words;
pub mod situations;
mod unsaved;

use super::action::Action;
use super::app::{App, Overlay, Screen};
pub use super::hit::{Hit, HitMap, List};
use super::keymap::Context;
use super::strings::{T, action_label};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The smallest terminal the interface draws in; below it shows a notice.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;

/// Draws the whole interface and gives what the mouse can point at on it.
pub fn render_hits(app: &App, frame: &mut Frame) -> HitMap {
    super::hit::recorded(|| render(app, frame))
}

/// Draws the whole interface.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text =
            super::strings::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT, app.lang);
        frame.render_widget(
            Paragraph::new(text)
                .style(app.theme.warning)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let [header, body, message, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    // While a write is not done, its marker takes the body's last line.
    let marker = crate::tui::unsaved::marker(&app.unsaved, app.lang);
    let body = match &marker {
        Some(text) => {
            let [body, line] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(body);
            unsaved::marker(app, frame, line, text);
            body
        }
        None => body,
    };
    let line = header_line(app, header.width as usize);
    record_tabs(&line, header);
    frame.render_widget(Paragraph::new(line).style(app.theme.base), header);
    match app.screen {
        Screen::Dashboard => dashboard::render(app, frame, body),
        Screen::Situations => situations::render(app, frame, body),
        Screen::Meetings => meetings::render(app, frame, body),
        Screen::Agenda => agenda::render(app, frame, body),
        Screen::Seance => seance::render(app, frame, body),
        Screen::Programme => programme::render(app, frame, body),
    }
    if let Some(m) = &app.message {
        let style = if m.is_error {
            app.theme.error
        } else {
            app.theme.ok
        };
        frame.render_widget(
            Paragraph::new(fit(&m.text, message.width as usize)).style(style),
            message,
        );
    }
    frame.render_widget(
        Paragraph::new(key_bar(app, app.context(), keys.width as usize)),
        keys,
    );
    for overlay in &app.overlays {
        super::hit::overlay();
        match overlay {
            Overlay::Help {
                scroll,
                query,
                context,
            } => help::render(app, frame, body, *scroll, query, *context),
            Overlay::Palette { query, selected } => {
                help::palette(app, frame, body, query, *selected)
            }
            Overlay::Problems { selected } => overlays::problems(app, frame, body, *selected),
            Overlay::Picker(p) => overlays::picker(app, frame, body, p),
            Overlay::Prompt(p) => overlays::prompt(app, frame, body, p),
            Overlay::CaseForm(f) => overlays::case_form(app, frame, body, f),
            Overlay::ExportMenu {
                requests,
                selected,
                format,
                query,
            } => overlays::export_menu(app, frame, body, requests, *selected, *format, query),
            Overlay::ReportForm(f) => overlays::report_form(app, frame, body, f),
            Overlay::Preview {
                request,
                text,
                scroll,
                ..
            } => overlays::preview(app, frame, body, request, text, *scroll),
            Overlay::EditFailed {
                id,
                problems,
                choice,
            } => overlays::edit_failed(app, frame, body, id, problems, *choice),
        }
    }
    if let Some(q) = &app.unsaved.question {
        super::hit::overlay();
        unsaved::question(app, frame, body, q);
    }
}

/// The top line: the département and the screens with their numbers. When everything
/// does not fit, the département's name goes first (its code stays), then the titles of the
/// screens other than the current one.
fn header_line(app: &App, width: usize) -> Line<'static> {
    let t = &app.theme;
    let code = crate::text::visible(&app.data.department.code);
    let named = format!(
        " {} {} ",
        code,
        crate::text::visible(&app.data.department.name)
    );
    let tabs: usize = Screen::ALL
        .iter()
        .map(|s| screen_title(*s, app).width() + 4)
        .sum();
    let (dept, titles) = if named.width() + 1 + tabs <= width {
        (named, true)
    } else {
        let short = format!(" {code} ");
        let fits = short.width() + 1 + tabs <= width;
        (short, fits)
    };
    let mut spans = vec![Span::styled(dept, t.title), Span::raw(" ")];
    for (n, screen) in Screen::ALL.iter().enumerate() {
        let current = *screen == app.screen;
        let style = if current { t.tab_active } else { t.muted };
        let text = if current || titles {
            format!(" {} {} ", n + 1, screen_title(*screen, app))
        } else {
            format!(" {} ", n + 1)
        };
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

/// Records where each tab of the top line is (its spans after the département's and a
/// space), for the mouse.
fn record_tabs(line: &Line<'_>, area: Rect) {
    let mut x = area.x;
    for (n, span) in line.spans.iter().enumerate() {
        let width = u16::try_from(span.content.width()).unwrap_or(u16::MAX);
        if n >= 2 {
            let width = width.min(area.right().saturating_sub(x));
            super::hit::tab(Rect::new(x, area.y, width, 1), n - 2);
        }
        x = x.saturating_add(width);
    }
}

pub fn screen_title(screen: Screen, app: &App) -> &'static str {
    let t = match screen {
        Screen::Dashboard => T::ScreenDashboard,
        Screen::Situations => T::ScreenSituations,
        Screen::Meetings => T::ScreenMeetings,
        Screen::Agenda => T::ScreenAgenda,
        Screen::Seance => T::ScreenSeance,
        Screen::Programme => T::ScreenProgramme,
    };
    t.get(app.lang)
}

/// The bottom line: the keys of what has the keys now, from the key map in effect, by
/// priority. The main actions (priority 1) come first; when the others do not all fit, the
/// line ends with the key of the command palette, which lists them all.
pub fn key_bar(app: &App, context: Context, width: usize) -> Line<'static> {
    let lang = app.lang;
    let mut spans = Vec::new();
    let mut used = 0usize;
    if context == Context::Text {
        let note = format!(" {} ·", app.keymap.typing_note(lang));
        used += note.width();
        spans.push(Span::styled(note, app.theme.muted));
    }
    let items = app
        .keymap
        .bar_items_without(context, lang, app.idle_actions());
    let palette = context
        .is_screen()
        .then(|| {
            app.keymap
                .keys_of(context, Action::Palette)
                .first()
                .copied()
        })
        .flatten()
        .map(|k| {
            (
                k.label(lang),
                action_label(Action::Palette, lang).to_string(),
            )
        });
    let item_width = |keys: &str, label: &str| keys.width() + label.width() + 3;
    let all: usize = items.iter().map(|(k, l, _)| item_width(k, l)).sum();
    let reserve = match &palette {
        Some((k, l)) if used + all > width => item_width(k, l),
        _ => 0,
    };
    let mut dropped = false;
    for (keys, label, _) in &items {
        let w = item_width(keys, label);
        if dropped || used + w + reserve > width {
            dropped = true;
            continue;
        }
        used += w;
        spans.push(Span::styled(format!(" {keys}"), app.theme.key));
        spans.push(Span::raw(format!(" {label} ")));
    }
    if dropped && let Some((keys, label)) = palette {
        spans.push(Span::styled(format!(" {keys}"), app.theme.key));
        spans.push(Span::raw(format!(" {label} ")));
    }
    Line::from(spans)
}

/// The body of the screen, between the top line and the two bottom lines
/// (`None` when the terminal is too small to draw the screens).
pub fn body_area(area: Rect) -> Option<Rect> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [_, body, _, _] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Some(body)
}

/// Records the rows of a bordered list drawn in `area` (`header` lines of column titles
/// under its top border), the top row being row `first` of `len`, for the mouse.
pub fn record_rows(area: Rect, header: u16, list: List, first: usize, len: usize) {
    let rows = Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1 + header),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2 + header),
    };
    super::hit::rows(rows, list, first, len);
}

/// Cuts `text` to `width` display columns, ending with `…` when cut. Safe text only.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Text from a file, made harmless for the terminal.
/// `text` wrapped at `width` display columns, the lines after the first indented by
/// `indent`; a word longer than a line is cut.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .subsequent_indent(indent)
        .break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

pub fn shown(text: &str) -> String {
    crate::text::visible(text).into_owned()
}

/// A bordered block with a title; the border is highlighted when the pane has the keyboard.
pub fn pane<'a>(app: &App, title: &str, focused: bool) -> Block<'a> {
    let style = if focused {
        app.theme.title
    } else {
        app.theme.border
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(format!(" {title} "), app.theme.title))
}

/// A centred rectangle of at most `width`×`height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x.saturating_add(area.width.saturating_sub(w) / 2),
        y: area.y.saturating_add(area.height.saturating_sub(h) / 2),
        width: w,
        height: h,
    }
}

/// Clears a popup's area and draws its frame; returns the inner area.
pub fn popup(app: &App, frame: &mut Frame, area: Rect, title: &str) -> Rect {
    frame.render_widget(Clear, area);
    let block = pane(app, title, true).style(app.theme.base);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The first row to draw so that `selected` stays visible in `height` rows.
pub fn scroll_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_display_columns() {
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abcd", 3), "ab…");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit("日本語", 0), "");
        assert!(fit("é🎉x", 3).width() <= 3);
    }

    #[test]
    fn offsets_keep_the_selection_visible() {
        assert_eq!(scroll_offset(0, 5), 0);
        assert_eq!(scroll_offset(4, 5), 0);
        assert_eq!(scroll_offset(5, 5), 1);
        assert_eq!(scroll_offset(3, 0), 0);
    }
}
