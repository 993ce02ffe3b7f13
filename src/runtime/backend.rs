//! What the terminal is sent for each frame: ratatui's changed cells, written with as few
//! bytes as the screen allows.
//!
//! ratatui's crossterm backend moves the cursor before every changed cell that does not
//! follow the one before, and resets every colour at the end of each frame. Moving the
//! Journal's selection changes scattered letters of the detail pane (one unchanged letter
//! splits a run: an 8-byte move to skip a 1-byte letter) and clears longer old text with
//! runs of spaces. This backend keeps what the screen shows (ratatui's previous frame, as it
//! was written), so it rewrites a short unchanged gap when that costs less than moving over
//! it, erases long blank runs with ECH, and only sends the resets and cursor modes that
//! change something. Everything else goes to ratatui's crossterm backend.

use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{Attribute, Colors, SetAttribute, SetColors, SetUnderlineColor};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

pub struct FrugalBackend<W: Write> {
    inner: CrosstermBackend<W>,
    /// What the screen shows, as this backend wrote it (blank until told otherwise, as
    /// ratatui assumes).
    shown: Buffer,
    /// False once something this backend cannot follow happened to the screen (an inline
    /// viewport's new lines, a partial clear): then only changed cells are written, until a
    /// full clear.
    trusted: bool,
    /// Whether the cursor is shown, when known: ratatui hides it again on every frame.
    cursor_shown: Option<bool>,
    /// The frame's bytes, written at once.
    out: Vec<u8>,
}

impl<W: Write> FrugalBackend<W> {
    pub fn new(writer: W) -> FrugalBackend<W> {
        FrugalBackend {
            inner: CrosstermBackend::new(writer),
            shown: Buffer::empty(Rect::ZERO),
            trusted: true,
            cursor_shown: None,
            out: Vec::new(),
        }
    }

    /// Records that `cell` is now shown at (x, y), growing the copy of the screen as needed.
    fn remember(&mut self, x: u16, y: u16, cell: &Cell) {
        if !self.shown.area.contains(Position::new(x, y)) {
            let area = self.shown.area.union(Rect::new(x, y, 1, 1));
            let mut grown = Buffer::empty(area);
            for (i, cell) in self.shown.content.iter().enumerate() {
                let position = self.shown.pos_of(i);
                grown[position] = cell.clone();
            }
            self.shown = grown;
        }
        // Writing over any part of a wide letter blanks the rest of it, and a wide letter
        // covers the cells after it: what those show is the terminal's business until they
        // are written again, so they are never rewritten from memory.
        let width = |cell: &Cell| u16::try_from(cell.symbol().width()).unwrap_or(u16::MAX);
        let covers = x..x.saturating_add(width(cell).max(1));
        let mut end = covers.end;
        for covered in covers {
            if let Some(old) = self.shown.cell(Position::new(covered, y)) {
                end = end.max(covered.saturating_add(width(old)));
            }
        }
        let start = if x > 0 && self.is_doubtful(x, y) {
            x - 1
        } else {
            x
        };
        for doubtful in start..end {
            if let Some(other) = self.shown.cell_mut(Position::new(doubtful, y)) {
                other.set_diff_option(CellDiffOption::Skip);
            }
        }
        self.shown[(x, y)] = cell.clone();
    }

    fn is_doubtful(&self, x: u16, y: u16) -> bool {
        self.shown
            .cell(Position::new(x, y))
            .is_some_and(|c| c.diff_option != CellDiffOption::None)
    }

    /// The bytes that write the shown cells from `from` up to `to` (excluded) on one row, and
    /// the pen they leave, when every one of them is a plain one-column cell.
    fn gap_bytes(&self, from: Position, to: Position, pen: Pen) -> Option<(Vec<u8>, Pen)> {
        let mut bytes = Vec::new();
        let mut pen = pen;
        for x in from.x..to.x {
            let cell = self.shown.cell(Position::new(x, to.y))?;
            if cell.diff_option != CellDiffOption::None || cell.symbol().width() != 1 {
                return None;
            }
            pen.change(Pen::of(cell), &mut bytes).ok()?;
            bytes.extend_from_slice(cell.symbol().as_bytes());
        }
        Some((bytes, pen))
    }

    /// Brings the cursor from `at` to `to`, where a cell drawn with `next` goes, with the
    /// fewest bytes: the cells already shown in between when they cost less than a move.
    fn go(
        &mut self,
        at: Option<Position>,
        to: Position,
        pen: &mut Pen,
        next: Pen,
    ) -> io::Result<()> {
        if at == Some(to) {
            return Ok(());
        }
        let moving = move_len(to);
        if let Some(at) = at.filter(|at| self.trusted && at.y == to.y && at.x < to.x)
            && usize::from(to.x - at.x) < moving
            && let Some((bytes, gap_pen)) = self.gap_bytes(at, to, *pen)
            && bytes.len() + gap_pen.switch_len(next) <= moving + pen.switch_len(next)
        {
            self.out.extend_from_slice(&bytes);
            *pen = gap_pen;
            return Ok(());
        }
        queue!(self.out, MoveTo(to.x, to.y))
    }

    /// How many of `updates` from `first` on are one blank stretch of their row (with
    /// the blank cells between them on screen), and its width in columns.
    fn blank_run(&self, updates: &[(u16, u16, &Cell)], first: usize) -> Option<(usize, u16)> {
        let (x, y, cell) = *updates.get(first)?;
        if !is_plain_blank(cell) {
            return None;
        }
        let mut last = first;
        for (i, &(nx, ny, next)) in updates.iter().enumerate().skip(first + 1) {
            let (lx, _, _) = updates[last];
            let bridged = ny == y
                && nx > lx
                && (nx == lx + 1
                    || self.trusted
                        && (lx + 1..nx).all(|gx| {
                            self.shown
                                .cell(Position::new(gx, y))
                                .is_some_and(is_plain_blank)
                        }));
            if !bridged || !is_plain_blank(next) {
                break;
            }
            last = i;
        }
        let end = updates[last].0;
        // Erasing part of a wide letter leaves its other half on some terminals (tmux),
        // where writing over it blanks it whole: a run beside one is written as spaces.
        if x > 0 && self.is_doubtful(x - 1, y) || self.is_doubtful(end.saturating_add(1), y) {
            return None;
        }
        Some((last - first + 1, end - x + 1))
    }
}

/// A space with nothing that shows on a blank cell: what erasing leaves.
fn is_plain_blank(cell: &Cell) -> bool {
    cell.symbol() == " "
        && cell.diff_option == CellDiffOption::None
        && cell.bg == Color::Reset
        && !cell
            .modifier
            .intersects(Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT)
}

/// The bytes of `ESC [ row ; col H`.
fn move_len(to: Position) -> usize {
    4 + digits(to.y.saturating_add(1)) + digits(to.x.saturating_add(1))
}

fn digits(n: u16) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// The colours and attributes the terminal writes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }

    /// Writes what turns this pen into `to`.
    fn change(&mut self, to: Pen, out: &mut Vec<u8>) -> io::Result<()> {
        if self.modifier != to.modifier {
            change_modifier(self.modifier, to.modifier, out)?;
        }
        if self.fg != to.fg || self.bg != to.bg {
            let colors = Colors {
                foreground: (self.fg != to.fg).then(|| to.fg.into_crossterm()),
                background: (self.bg != to.bg).then(|| to.bg.into_crossterm()),
            };
            queue!(out, SetColors(colors))?;
        }
        if self.underline != to.underline {
            queue!(out, SetUnderlineColor(to.underline.into_crossterm()))?;
        }
        *self = to;
        Ok(())
    }

    /// The bytes `change` would write.
    fn switch_len(self, to: Pen) -> usize {
        let mut bytes = Vec::new();
        let mut pen = self;
        match pen.change(to, &mut bytes) {
            Ok(()) => bytes.len(),
            Err(_) => usize::MAX / 2,
        }
    }
}

/// The attributes that turn `from` into `to` (as ratatui's crossterm backend writes them).
fn change_modifier(from: Modifier, to: Modifier, out: &mut Vec<u8>) -> io::Result<()> {
    let removed = from - to;
    let added = to - from;
    let mut set = |attribute: Attribute| queue!(out, SetAttribute(attribute));
    if removed.contains(Modifier::REVERSED) {
        set(Attribute::NoReverse)?;
    }
    // Bold and dim end together: the one kept is set again.
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        set(Attribute::NormalIntensity)?;
        if to.contains(Modifier::DIM) {
            set(Attribute::Dim)?;
        }
        if to.contains(Modifier::BOLD) {
            set(Attribute::Bold)?;
        }
    }
    for (modifier, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(modifier) {
            set(off)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(Attribute::NoBlink)?;
    }
    for (modifier, on) in [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ] {
        let set_again = reset_intensity && modifier.intersects(Modifier::BOLD | Modifier::DIM);
        if added.contains(modifier) && !set_again {
            set(on)?;
        }
    }
    Ok(())
}

impl<W: Write> Write for FrugalBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

impl<W: Write> Backend for FrugalBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let updates: Vec<(u16, u16, &Cell)> = content.collect();
        for &(x, y, cell) in &updates {
            self.remember(x, y, cell);
        }
        self.out.clear();
        let mut pen = Pen::PLAIN;
        let mut at: Option<Position> = None;
        let mut i = 0;
        while let Some(&(x, y, cell)) = updates.get(i) {
            let here = Position::new(x, y);
            self.go(at, here, &mut pen, Pen::of(cell))?;
            if let Some((count, width)) = self.blank_run(&updates, i) {
                let erase = 3 + digits(width);
                let then = updates
                    .get(i + count)
                    .map_or(0, |&(nx, ny, _)| move_len(Position::new(nx, ny)));
                if erase + then < usize::from(width) {
                    pen.change(Pen::of(cell), &mut self.out)?;
                    write!(self.out, "\x1b[{width}X")?;
                    at = Some(here);
                    i += count;
                    continue;
                }
            }
            pen.change(Pen::of(cell), &mut self.out)?;
            self.out.extend_from_slice(cell.symbol().as_bytes());
            // After a wide (or zero-width) symbol, where the terminal put the cursor is its
            // own opinion: the next cell moves there.
            at = (cell.symbol().width() == 1).then(|| Position::new(x.saturating_add(1), y));
            i += 1;
        }
        if pen != Pen::PLAIN {
            queue!(self.out, SetAttribute(Attribute::Reset))?;
        }
        self.inner.write_all(&self.out)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.trusted = false;
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(false) {
            self.inner.hide_cursor()?;
            self.cursor_shown = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(true) {
            self.inner.show_cursor()?;
            self.cursor_shown = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)?;
        if clear_type == ClearType::All {
            self.shown.reset();
            self.trusted = true;
            // A full clear follows whatever else wrote to the screen (an editor).
            self.cursor_shown = None;
        } else {
            self.trusted = false;
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::style::Style;
    use ratatui::{TerminalOptions, Viewport};
    use std::cell::RefCell;
    use std::rc::Rc;
    use unicode_width::UnicodeWidthChar;

    #[derive(Clone, Default)]
    struct Sent(Rc<RefCell<Vec<u8>>>);

    impl Write for Sent {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Colours as the SGR parameters that set them ("38;5;6", "49"), attributes as flags.
    #[derive(Debug, Clone, PartialEq)]
    struct Look {
        fg: String,
        bg: String,
        underline: String,
        attributes: [bool; 8],
    }

    impl Default for Look {
        fn default() -> Look {
            Look {
                fg: "39".into(),
                bg: "49".into(),
                underline: "59".into(),
                attributes: [false; 8],
            }
        }
    }

    const BOLD: usize = 0;
    const DIM: usize = 1;
    const ITALIC: usize = 2;
    const UNDERLINED: usize = 3;
    const BLINK: usize = 4;
    const REVERSED: usize = 5;
    const HIDDEN: usize = 6;
    const CROSSED: usize = 7;

    impl Look {
        fn apply(&mut self, sgr: &str) {
            let numbers: Vec<&str> = sgr.split(';').collect();
            let mut i = 0;
            while let Some(&n) = numbers.get(i) {
                let colour = |i: usize| -> (String, usize) {
                    let span = if numbers[i + 1] == "5" { 3 } else { 5 };
                    (numbers[i..i + span].join(";"), span)
                };
                let mut step = 1;
                match n {
                    "0" | "" => *self = Look::default(),
                    "38" | "48" | "58" => {
                        let (value, span) = colour(i);
                        step = span;
                        match n {
                            "38" => self.fg = value,
                            "48" => self.bg = value,
                            _ => self.underline = value,
                        }
                    }
                    "39" => self.fg = n.into(),
                    "49" => self.bg = n.into(),
                    "59" => self.underline = n.into(),
                    "22" => {
                        self.attributes[BOLD] = false;
                        self.attributes[DIM] = false;
                    }
                    other => {
                        let (index, on) = match other {
                            "1" => (BOLD, true),
                            "2" => (DIM, true),
                            "3" => (ITALIC, true),
                            "23" => (ITALIC, false),
                            "4" => (UNDERLINED, true),
                            "24" => (UNDERLINED, false),
                            "5" | "6" => (BLINK, true),
                            "25" => (BLINK, false),
                            "7" => (REVERSED, true),
                            "27" => (REVERSED, false),
                            "8" => (HIDDEN, true),
                            "28" => (HIDDEN, false),
                            "9" => (CROSSED, true),
                            "29" => (CROSSED, false),
                            unknown => panic!("SGR {unknown} not understood"),
                        };
                        self.attributes[index] = on;
                    }
                }
                i += step;
            }
        }
    }

    /// A terminal that understands what the backend writes.
    struct Screen {
        width: u16,
        cells: Vec<(String, Look)>,
        cursor: (u16, u16),
        look: Look,
    }

    impl Screen {
        fn new(width: u16, height: u16) -> Screen {
            let blank = (" ".to_string(), Look::default());
            Screen {
                width,
                cells: vec![blank; usize::from(width) * usize::from(height)],
                cursor: (0, 0),
                look: Look::default(),
            }
        }

        fn at(&mut self, x: u16, y: u16) -> &mut (String, Look) {
            &mut self.cells[usize::from(y) * usize::from(self.width) + usize::from(x)]
        }

        /// As terminals do, writing over half of a wide letter blanks its other half.
        fn split_wide(&mut self, x: u16, y: u16) {
            if self.at(x, y).0.is_empty() && x > 0 {
                self.at(x - 1, y).0 = " ".into();
            }
            if x + 1 < self.width && self.at(x + 1, y).0.is_empty() {
                self.at(x + 1, y).0 = " ".into();
            }
        }

        fn receive(&mut self, bytes: &[u8]) {
            let text = std::str::from_utf8(bytes).expect("the backend writes UTF-8");
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                if c != '\x1b' {
                    let width = c.width().expect("no control characters") as u16;
                    let (x, y) = self.cursor;
                    let look = self.look.clone();
                    self.split_wide(x, y);
                    if width == 2 {
                        self.split_wide(x + 1, y);
                    }
                    *self.at(x, y) = (c.to_string(), look.clone());
                    if width == 2 {
                        *self.at(x + 1, y) = (String::new(), look);
                    }
                    self.cursor.0 += width;
                    continue;
                }
                assert_eq!(chars.next(), Some('['), "only CSI sequences");
                let mut body = String::new();
                let end = loop {
                    let c = chars.next().expect("a whole sequence");
                    if c.is_ascii_digit() || c == ';' || c == '?' {
                        body.push(c);
                    } else {
                        break c;
                    }
                };
                let number = |s: &str| s.parse::<u16>().unwrap_or(1);
                match end {
                    'H' => {
                        let (row, column) = body.split_once(';').expect("row;column");
                        self.cursor = (number(column) - 1, number(row) - 1);
                    }
                    'X' => {
                        let (x, y) = self.cursor;
                        // As tmux does, erasing part of a wide letter leaves the rest of it.
                        for cx in x..(x + number(&body)).min(self.width) {
                            let bg = self.look.bg.clone();
                            *self.at(cx, y) = (
                                " ".into(),
                                Look {
                                    bg,
                                    ..Look::default()
                                },
                            );
                        }
                    }
                    'm' => self.look.apply(&body),
                    'J' => {
                        let bg = self.look.bg.clone();
                        for cell in &mut self.cells {
                            *cell = (
                                " ".into(),
                                Look {
                                    bg: bg.clone(),
                                    ..Look::default()
                                },
                            );
                        }
                    }
                    'h' | 'l' => assert!(body.starts_with('?'), "only private modes"),
                    other => panic!("CSI {body}{other} not understood"),
                }
            }
        }

        /// Panics where this screen does not look like `other` (a blank cell may keep any
        /// colour of letters it does not have).
        fn looks_like(&self, other: &Screen, frame: usize) {
            let blank = |(symbol, look): &(String, Look)| {
                symbol == " "
                    && look.bg == "49"
                    && ![REVERSED, UNDERLINED, CROSSED]
                        .iter()
                        .any(|&a| look.attributes[a])
            };
            for (i, (mine, theirs)) in self.cells.iter().zip(&other.cells).enumerate() {
                let width = usize::from(self.width);
                let place = format!("frame {frame}, cell ({}, {})", i % width, i / width);
                assert_eq!(mine.0, theirs.0, "{place}");
                if blank(theirs) {
                    assert!(blank(mine), "{place}: {mine:?}");
                } else {
                    assert_eq!(mine.1, theirs.1, "{place}: {:?}", mine.0);
                }
            }
        }
    }

    const LETTERS: [&str; 14] = [
        "a", "e", "é", "r", " ", " ", " ", "—", "│", "▌", "漢", "😀", "1", "x",
    ];

    fn styles() -> [Style; 8] {
        [
            Style::new(),
            Style::new().cyan(),
            Style::new().bold(),
            Style::new().reversed().yellow(),
            Style::new()
                .bg(Color::Indexed(14))
                .fg(Color::Indexed(0))
                .bold(),
            Style::new().underlined(),
            Style::new().dim().italic(),
            Style::new().fg(Color::Rgb(200, 10, 30)).crossed_out(),
        ]
    }

    /// The same frames drawn by this backend and by ratatui's crossterm backend, each into a
    /// screen that understands what it receives.
    struct Pair {
        frugal: Terminal<FrugalBackend<Sent>>,
        plain: Terminal<CrosstermBackend<Sent>>,
        sent: (Sent, Sent),
        screens: (Screen, Screen),
        /// Bytes sent in all, by this backend and by ratatui's.
        bytes: (usize, usize),
        frames: usize,
    }

    impl Pair {
        fn new(width: u16, height: u16) -> Pair {
            let viewport = || TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
            };
            let sent = (Sent::default(), Sent::default());
            Pair {
                frugal: Terminal::with_options(FrugalBackend::new(sent.0.clone()), viewport())
                    .expect("terminal"),
                plain: Terminal::with_options(CrosstermBackend::new(sent.1.clone()), viewport())
                    .expect("terminal"),
                sent,
                screens: (Screen::new(width, height), Screen::new(width, height)),
                bytes: (0, 0),
                frames: 0,
            }
        }

        /// Draws a frame on both; panics unless both screens look alike. The bytes this
        /// backend sent for it.
        fn draw(&mut self, render: impl Fn(&mut ratatui::Frame)) -> usize {
            for sent in [&self.sent.0, &self.sent.1] {
                sent.0.borrow_mut().clear();
            }
            self.frugal.draw(&render).expect("draw");
            self.plain.draw(&render).expect("draw");
            self.screens.0.receive(&self.sent.0.0.borrow());
            self.screens.1.receive(&self.sent.1.0.borrow());
            self.screens.0.looks_like(&self.screens.1, self.frames);
            self.frames += 1;
            let sent = self.sent.0.0.borrow().len();
            self.bytes.0 += sent;
            self.bytes.1 += self.sent.1.0.borrow().len();
            sent
        }

        /// What the runtime does after an external editor.
        fn clear(&mut self) {
            self.frugal
                .backend_mut()
                .clear_region(ClearType::All)
                .expect("clear");
            self.frugal.swap_buffers();
            self.plain
                .backend_mut()
                .clear_region(ClearType::All)
                .expect("clear");
            self.plain.swap_buffers();
            self.screens.0.receive(b"\x1b[2J");
            self.screens.1.receive(b"\x1b[2J");
        }
    }

    #[test]
    fn random_frames_look_the_same_as_through_ratatuis_backend_for_fewer_bytes() {
        let (width, height) = (40, 12);
        for seed in [0x9e37_79b9_7f4a_7c15, 7, 0xdead_beef] {
            let mut pair = Pair::new(width, height);
            let mut dice = crate::demo::rng::Rng::new(seed);
            // Each row: spans of text and a style, changed a little from frame to frame.
            let mut rows: Vec<Vec<(String, usize)>> = (0..height).map(|_| Vec::new()).collect();
            for frame in 0..400 {
                for row in &mut rows {
                    match dice.below(6) {
                        0 if !row.is_empty() => {
                            let at = dice.below(row.len());
                            row[at].1 = dice.below(8);
                        }
                        1 if !row.is_empty() => {
                            let at = dice.below(row.len());
                            row.truncate(at);
                        }
                        2 | 3 => {
                            let text: String = (0..1 + dice.below(9))
                                .map(|_| LETTERS[dice.below(LETTERS.len())])
                                .collect();
                            row.push((text, dice.below(8)));
                        }
                        4 if !row.is_empty() => {
                            let at = dice.below(row.len());
                            let letter = LETTERS[dice.below(LETTERS.len())];
                            let text = &mut row[at].0;
                            let mut chars: Vec<char> = text.chars().collect();
                            let i = dice.below(chars.len());
                            chars[i] = letter.chars().next().expect("a letter");
                            *text = chars.into_iter().collect();
                        }
                        _ => {}
                    }
                }
                if frame == 200 {
                    pair.clear();
                }
                pair.draw(|f: &mut ratatui::Frame| {
                    let buffer = f.buffer_mut();
                    for (y, row) in (0..).zip(&rows) {
                        let mut x = 0;
                        for (text, style) in row {
                            let room = usize::from(width - x);
                            (x, _) = buffer.set_stringn(x, y, text, room, styles()[*style]);
                            if x >= width {
                                break;
                            }
                        }
                    }
                });
            }
            let (frugal, plain) = pair.bytes;
            assert!(
                frugal * 10 < plain * 9,
                "seed {seed}: {frugal} bytes, {plain} by ratatui's"
            );
        }
    }

    fn demo_app(width: u16, height: u16) -> crate::app::App {
        let config = crate::config::Config::builtin(crate::domain::Lang::Fr).expect("config");
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 29)
            .and_then(|d| d.and_hms_opt(10, 30, 0))
            .expect("a date");
        let spec = crate::demo::DemoSpec {
            seed: 7,
            interactions: 1_500,
            now,
        };
        let data = crate::demo::generate(spec, &config.vocab);
        let mut app = crate::app::App::new(config, data, now);
        app.update(crate::app::Msg::Resize(width, height));
        app
    }

    #[test]
    fn a_form_typed_with_wide_letters_looks_the_same() {
        use crate::app::Msg;
        use crate::config::keymap::{Key, KeyCode};
        let mut app = demo_app(80, 24);
        let theme = crate::ui::Theme::color();
        let mut pair = Pair::new(80, 24);
        pair.draw(|f| crate::ui::render(f, &app, &theme));
        let typed = "nZorglüb été 😀 漢字 test".chars().map(KeyCode::Char);
        let keys = typed.chain([KeyCode::Tab, KeyCode::Tab, KeyCode::Esc, KeyCode::Esc]);
        for key in keys {
            app.update(Msg::Key(Key::plain(key)));
            pair.draw(|f| crate::ui::render(f, &app, &theme));
        }
    }

    #[test]
    fn the_journal_looks_the_same_and_a_selection_move_sends_under_a_kibibyte() {
        use crate::app::{App, Msg};
        use crate::config::keymap::{Key, KeyCode};
        let mut app = demo_app(100, 30);
        let theme = crate::ui::Theme::color();
        let mut pair = Pair::new(100, 30);
        let mut draw = |app: &App| pair.draw(|f| crate::ui::render(f, app, &theme));
        draw(&app);
        let mut most = 0;
        for _ in 0..12 {
            app.update(Msg::Key(Key::plain(KeyCode::Down)));
            most = most.max(draw(&app));
        }
        let keys = [KeyCode::Char('2'), KeyCode::Char('1'), KeyCode::Char('/')];
        for key in keys.into_iter().chain("loge".chars().map(KeyCode::Char)) {
            app.update(Msg::Key(Key::plain(key)));
            draw(&app);
        }
        let shown: String = pair.screens.0.cells.iter().map(|c| c.0.as_str()).collect();
        assert!(shown.contains("/ loge"), "the search is on screen: {shown}");
        for _ in 0..30 {
            app.update(Msg::Key(Key::plain(KeyCode::Down)));
            pair.draw(|f| crate::ui::render(f, &app, &theme));
        }
        assert!(most < 1024, "a move sent {most} bytes");
    }
}
