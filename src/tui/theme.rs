//! Colours by role. Terminal palette colours only (they follow the user's light or dark
//! scheme); a high-contrast theme; a monochrome theme used when `NO_COLOR` is set, where
//! the selection is reverse video and emphasis is bold.

use ratatui::style::{Color, Modifier, Style};

/// Which theme to draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeKind {
    #[default]
    Default,
    HighContrast,
    Monochrome,
}

impl ThemeKind {
    /// The theme for this environment: monochrome when `NO_COLOR` is set and not empty.
    pub fn from_env(high_contrast: bool, no_color: Option<&std::ffi::OsStr>) -> ThemeKind {
        if no_color.is_some_and(|v| !v.is_empty()) {
            ThemeKind::Monochrome
        } else if high_contrast {
            ThemeKind::HighContrast
        } else {
            ThemeKind::Default
        }
    }
}

/// The styles of every role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub kind: ThemeKind,
    pub base: Style,
    pub title: Style,
    pub muted: Style,
    pub selected: Style,
    pub header: Style,
    pub tab_active: Style,
    pub key: Style,
    pub warning: Style,
    pub error: Style,
    pub ok: Style,
    pub border: Style,
}

impl Theme {
    pub fn new(kind: ThemeKind) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        match kind {
            ThemeKind::Default => Theme {
                kind,
                base: Style::new(),
                title: bold.fg(Color::Cyan),
                muted: Style::new().fg(Color::DarkGray),
                selected: reverse.add_modifier(Modifier::BOLD),
                header: bold.add_modifier(Modifier::UNDERLINED),
                tab_active: reverse.add_modifier(Modifier::BOLD),
                key: bold.fg(Color::Cyan),
                warning: Style::new().fg(Color::Yellow),
                error: bold.fg(Color::Red),
                ok: Style::new().fg(Color::Green),
                border: Style::new().fg(Color::DarkGray),
            },
            ThemeKind::HighContrast => Theme {
                kind,
                base: Style::new().fg(Color::White).bg(Color::Black),
                title: bold.fg(Color::White).bg(Color::Black),
                muted: Style::new().fg(Color::White).bg(Color::Black),
                selected: bold.fg(Color::Black).bg(Color::Yellow),
                header: bold.fg(Color::White).add_modifier(Modifier::UNDERLINED),
                tab_active: bold.fg(Color::Black).bg(Color::White),
                key: bold.fg(Color::Yellow),
                warning: bold.fg(Color::Yellow),
                error: bold.fg(Color::LightRed),
                ok: bold.fg(Color::LightGreen),
                border: Style::new().fg(Color::White),
            },
            ThemeKind::Monochrome => Theme {
                kind,
                base: Style::new(),
                title: bold,
                muted: Style::new(),
                selected: reverse,
                header: bold.add_modifier(Modifier::UNDERLINED),
                tab_active: reverse,
                key: bold,
                warning: bold,
                error: bold,
                ok: Style::new(),
                border: Style::new(),
            },
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(ThemeKind::Default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_gives_a_theme_without_colours() {
        let kind = ThemeKind::from_env(true, Some(std::ffi::OsStr::new("1")));
        assert_eq!(kind, ThemeKind::Monochrome);
        let t = Theme::new(kind);
        for s in [
            t.base,
            t.title,
            t.muted,
            t.selected,
            t.header,
            t.tab_active,
            t.key,
            t.warning,
            t.error,
            t.ok,
            t.border,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(
            ThemeKind::from_env(false, Some(std::ffi::OsStr::new(""))),
            ThemeKind::Default
        );
        assert_eq!(ThemeKind::from_env(true, None), ThemeKind::HighContrast);
    }
}
