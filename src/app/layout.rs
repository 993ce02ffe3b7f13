//! Screen geometry shared by `update()` (page sizes, scrolling) and the view, so both agree
//! on how many rows a list shows.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// From this width on, the detail pane sits beside the list instead of below it.
pub const SIDE_BY_SIDE_WIDTH: u16 = 110;

pub fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_WIDTH || size.1 < MIN_HEIGHT
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub tabs: Rect,
    pub list: Rect,
    pub detail: Rect,
    pub footer: Rect,
}

impl Screen {
    /// Rows of records a list shows: its block minus borders and the header row.
    pub fn list_rows(&self) -> usize {
        usize::from(self.list.height.saturating_sub(3))
    }
}

pub fn screen(size: (u16, u16)) -> Screen {
    let area = Rect::new(0, 0, size.0, size.1);
    let [tabs, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let direction = if size.0 >= SIDE_BY_SIDE_WIDTH {
        Direction::Horizontal
    } else {
        Direction::Vertical
    };
    let split = if direction == Direction::Horizontal {
        62
    } else {
        58
    };
    let [list, detail] = Layout::default()
        .direction(direction)
        .constraints([
            Constraint::Percentage(split),
            Constraint::Percentage(100 - split),
        ])
        .areas(body);
    Screen {
        tabs,
        list,
        detail,
        footer,
    }
}
