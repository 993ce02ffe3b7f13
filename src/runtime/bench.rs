//! `carnet bench`: measures on generated data what a user feels — generation, size on disk,
//! and, in a fresh process so the memory figure is honest, opening the store up to the first
//! frame with data.

use crate::app::{App, Msg};
use crate::config::Config;
use crate::storage::Store;
use crate::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::time::Instant;

/// Peak resident memory of this process, in MiB (Linux; `None` elsewhere).
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

#[derive(Debug, Clone, Copy)]
pub struct OpenFigures {
    pub open_ms: f64,
    pub load_ms: f64,
    pub first_frame_ms: f64,
    pub records: usize,
    pub peak_rss_mib: Option<f64>,
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// Opens a store as the TUI does and draws the first frame with data on a 120×40 screen.
pub fn open_and_draw(dir: &Path, config: Config) -> Result<OpenFigures, String> {
    let start = Instant::now();
    let store = Store::open(dir).map_err(|e| e.to_string())?;
    let open_ms = ms(start);
    let (data, _) = store.load().map_err(|e| e.to_string())?;
    let load_ms = ms(start);
    let records = crate::domain::RecordKind::ALL
        .iter()
        .map(|k| data.count(*k))
        .sum();
    let mut app = App::loading(config, crate::runtime::now_local());
    app.update(Msg::Resize(120, 40));
    app.update(Msg::Loaded {
        data: Box::new(data),
        decode_failures: 0,
    });
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).map_err(|e| e.to_string())?;
    terminal
        .draw(|f| ui::render(f, &app, &Theme::color()))
        .map_err(|e| e.to_string())?;
    Ok(OpenFigures {
        open_ms,
        load_ms,
        first_frame_ms: ms(start),
        records,
        peak_rss_mib: peak_rss_mib(),
    })
}
