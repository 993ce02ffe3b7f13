//! Screen geometry shared by `update()` (page sizes, scrolling) and the view, so both agree
//! on how many rows a list shows. Plain arithmetic: the ui turns these areas into its own.

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// From this width on, the detail pane sits beside the list instead of below it: the list
/// then still has more than 80 columns, so a wider terminal never shows less of a line.
pub const SIDE_BY_SIDE_WIDTH: u16 = 140;

/// A form's label column, before each value.
pub const FORM_LABEL_WIDTH: usize = 22;
/// Rows of a multi-line field shown while it is edited.
pub const MULTILINE_ROWS: usize = 8;

/// Columns a multi-line field wraps at in a form as wide as the screen: the form's borders
/// and label column aside, one cell kept for the cursor after the last character.
pub fn form_text_width(screen_width: u16) -> usize {
    usize::from(screen_width)
        .saturating_sub(2 + FORM_LABEL_WIDTH + 2)
        .max(8)
        - 1
}

pub fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_WIDTH || size.1 < MIN_HEIGHT
}

/// A rectangle of cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub tabs: Area,
    pub list: Area,
    pub detail: Area,
    pub footer: Area,
}

impl Screen {
    /// Rows of records a list shows: its block minus borders and the header row.
    pub fn list_rows(&self) -> usize {
        usize::from(self.list.height.saturating_sub(3))
    }
}

/// `part` percent of `whole`, rounded to the nearest cell.
fn percent(whole: u16, part: u16) -> u16 {
    u16::try_from((u32::from(whole) * u32::from(part) + 50) / 100).unwrap_or(whole)
}

/// The tab bar on top, the footer at the bottom, and between them the list and the detail
/// pane: side by side on wide screens (62 % for the list), stacked otherwise (58 %).
pub fn screen((width, height): (u16, u16)) -> Screen {
    let row = |y: u16, h: u16| Area {
        x: 0,
        y,
        width,
        height: h,
    };
    let tabs = row(0, height.min(1));
    let footer = row(height.saturating_sub(1), height.saturating_sub(1).min(1));
    let body = row(
        tabs.height,
        height.saturating_sub(tabs.height + footer.height),
    );
    let (list, detail) = if width >= SIDE_BY_SIDE_WIDTH {
        let w = percent(width, 62);
        (
            Area { width: w, ..body },
            Area {
                x: w,
                width: width - w,
                ..body
            },
        )
    } else {
        let h = percent(body.height, 58);
        (
            Area { height: h, ..body },
            Area {
                y: body.y + h,
                height: body.height - h,
                ..body
            },
        )
    };
    Screen {
        tabs,
        list,
        detail,
        footer,
    }
}
