//! Colours, or a monochrome theme (NO_COLOR, TERM=dumb) that uses only bold, reverse and
//! underline, so the selection stays visible on any terminal.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub border: Style,
    pub border_focus: Style,
    pub title: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub header: Style,
    pub selected: Style,
    pub group: Style,
    pub label: Style,
    pub dim: Style,
    pub key: Style,
    pub warn: Style,
    pub heading: Style,
}

impl Theme {
    pub fn color() -> Theme {
        Theme {
            base: Style::default(),
            border: Style::default().fg(Color::DarkGray),
            border_focus: Style::default().fg(Color::Cyan),
            title: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            tab: Style::default().fg(Color::Gray),
            tab_active: Style::default()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            header: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            selected: Style::default()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            group: Style::default()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::BOLD),
            label: Style::default().fg(Color::Cyan),
            dim: Style::default().fg(Color::DarkGray),
            key: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            warn: Style::default()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            heading: Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    pub fn mono() -> Theme {
        let plain = Style::default();
        let bold = Style::default().add_modifier(Modifier::BOLD);
        Theme {
            base: plain,
            border: plain,
            border_focus: bold,
            title: bold,
            tab: plain,
            tab_active: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            header: Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            group: bold,
            label: bold,
            dim: plain,
            key: bold,
            warn: Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            heading: Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    pub fn new(mono: bool) -> Theme {
        if mono { Theme::mono() } else { Theme::color() }
    }
}
