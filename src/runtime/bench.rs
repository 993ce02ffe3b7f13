//! `carnet bench`: measures on generated data what a user feels — generation, size on disk,
//! and, in a fresh process so the memory figure is honest, opening the store up to the first
//! frame with data, each keystroke of a search, and saving an interaction.

use crate::app::{App, Msg};
use crate::config::Config;
use crate::config::keymap::{Key, KeyCode, Mods};
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

/// The environment variable that makes a command report, on its last line of standard
/// error, the bytes it caused to be written to disk (`carnet-io write_bytes=N`).
pub const REPORT_IO: &str = "CARNET_REPORT_IO";

/// Bytes this process caused to be written to storage so far (Linux's `/proc/self/io`
/// `write_bytes`: what reaches the disk, not what goes to a pipe or `/dev/null`).
pub fn written_bytes() -> Option<u64> {
    let io = std::fs::read_to_string("/proc/self/io").ok()?;
    io.lines()
        .find_map(|l| l.strip_prefix("write_bytes:"))?
        .trim()
        .parse()
        .ok()
}

/// The figure a command printed under `REPORT_IO`.
pub fn parse_written(stderr: &str) -> Option<u64> {
    stderr
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("carnet-io write_bytes="))?
        .trim()
        .parse()
        .ok()
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct OpenFigures {
    pub open_ms: f64,
    /// In the measured process, from its start of work: the frame holding the Journal's
    /// first rows, and everything loaded and drawn.
    pub rows_ms: f64,
    pub load_ms: f64,
    pub records: usize,
    /// Peak resident memory once everything is loaded, and at the end of the measured
    /// session (searches, tab changes, moves, 30 interactions saved).
    pub peak_rss_mib: f64,
    pub session_peak_mib: f64,
    pub search_p50_ms: f64,
    pub search_p95_ms: f64,
    pub search_max_ms: f64,
    pub save_store_p95_ms: f64,
    pub save_app_p95_ms: f64,
    /// The Réseau tab's search, per keystroke with drawing.
    pub reseau_p95_ms: f64,
    /// Bytes sent to the terminal when the selection moves inside the visible list, and
    /// when it makes the list scroll (the most of each).
    pub move_bytes: f64,
    pub scroll_bytes: f64,
    /// Bytes sent when the tab changes (the most of Journal → Réseau and back), and for a
    /// key typed in the journal's search, its answer drawn.
    pub tab_bytes: f64,
    pub search_bytes: f64,
}

/// What `bench-open` prints the moment the Journal's first rows are drawn, then the moment
/// everything is loaded and drawn: the parent times them from the process's start.
pub const ROWS_LINE: &str = "carnet-bench rows";
pub const LOADED_LINE: &str = "carnet-bench loaded";

impl OpenFigures {
    const FIELDS: usize = 16;

    pub fn to_line(&self) -> String {
        [
            self.open_ms,
            self.rows_ms,
            self.load_ms,
            self.records as f64,
            self.peak_rss_mib,
            self.search_p50_ms,
            self.search_p95_ms,
            self.search_max_ms,
            self.save_store_p95_ms,
            self.save_app_p95_ms,
            self.reseau_p95_ms,
            self.move_bytes,
            self.scroll_bytes,
            self.tab_bytes,
            self.search_bytes,
            self.session_peak_mib,
        ]
        .iter()
        .map(|f| format!("{f:.2}"))
        .collect::<Vec<_>>()
        .join(" ")
    }

    pub fn from_line(line: &str) -> Option<OpenFigures> {
        let f: Vec<f64> = line
            .split_whitespace()
            .map(|x| x.parse().ok())
            .collect::<Option<_>>()?;
        (f.len() == Self::FIELDS).then(|| OpenFigures {
            open_ms: f[0],
            rows_ms: f[1],
            load_ms: f[2],
            records: f[3] as usize,
            peak_rss_mib: f[4],
            search_p50_ms: f[5],
            search_p95_ms: f[6],
            search_max_ms: f[7],
            save_store_p95_ms: f[8],
            save_app_p95_ms: f[9],
            reseau_p95_ms: f[10],
            move_bytes: f[11],
            scroll_bytes: f[12],
            tab_bytes: f[13],
            search_bytes: f[14],
            session_peak_mib: f[15],
        })
    }
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn percentile(samples: &mut [f64], p: f64) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    samples.sort_by(f64::total_cmp);
    let rank = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[rank.min(samples.len() - 1)]
}

/// What mediators search for, typed one key at a time, with a correction in each.
const QUERIES: [&str; 8] = [
    "logement social",
    "caf prime",
    "eleve college",
    "titre de sejour",
    "numerique adresse",
    "impots declaration",
    "voisinage bruit",
    "energie facture",
];

/// Opens a store as the interface does — the loading frame, the newest rows from the date
/// index, the rest on the loading thread — drawing through crossterm into a counting
/// terminal of 100×30 and saying on standard output when rows and everything are on
/// screen; then types searches (each answered by the search thread) and saves interactions,
/// timing each step.
pub fn open_and_draw(dir: &Path, config: Config) -> Result<OpenFigures, String> {
    use std::io::Write;
    let start = Instant::now();
    let say = |line: &str| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    };
    let store = Store::open(dir).map_err(|e| e.to_string())?;
    let open_ms = ms(start);
    let mut app = App::loading(config.clone(), crate::clock::now_local());
    app.update(Msg::Resize(100, 30));
    let mut screen = CountingTerminal::new(100, 30)?;
    screen.draw(&app)?;
    super::first_rows(&mut app, &store, &mut |app| {
        screen.draw(app).map(|_| ()).map_err(std::io::Error::other)
    })
    .map_err(|e| e.to_string())?;
    let rows_ms = ms(start);
    say(ROWS_LINE);
    let mut background = super::background::Background::default();
    let answer = background.start();
    let load_msgs = std::thread::scope(|scope| {
        scope.spawn(|| {
            let _ = answer.send(super::loaded(&store, &dir.join("no-draft"), &config));
        });
        // As the loop does: it looks for the answer between keys.
        while !background.ready() {
            std::thread::sleep(super::BACKGROUND_SLICE);
        }
        background.answers()
    })
    .map_err(|e| e.to_string())?;
    for msg in load_msgs {
        app.update(msg);
    }
    screen.draw(&app)?;
    let load_ms = ms(start);
    say(LOADED_LINE);
    let peak_rss_mib = peak_rss_mib().unwrap_or(0.0);
    let records = crate::domain::RecordKind::ALL
        .iter()
        .map(|k| app.data.count(*k))
        .sum();

    // Each keystroke until its answer is on screen: the key's own frame, then, for a
    // journal search, the frame drawn when the search thread answers.
    let searcher = super::background::Searcher::spawn();
    let mut search_bytes = 0;
    let mut key = |app: &mut App, k: Key| -> Result<f64, String> {
        let t = Instant::now();
        let mut pending = app.update(Msg::Key(k));
        let mut sent = screen.draw(app)?;
        while let Some(effect) = pending.pop() {
            if let crate::app::Effect::Search(job) = effect {
                let answer = background.start();
                searcher.search(job, answer);
                while !background.ready() {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
                for msg in background.answers().map_err(|e| e.to_string())? {
                    pending.extend(app.update(msg));
                }
                sent += screen.draw(app)?;
            }
        }
        if app.journal.searching {
            search_bytes = search_bytes.max(sent);
        }
        Ok(ms(t))
    };
    // Each query typed, corrected when `correct`, then left: the time of each key.
    let mut search = |app: &mut App, queries: &[&str], correct: bool| {
        let mut times = Vec::new();
        for query in queries {
            let mut keys = vec![Key::char('/')];
            keys.extend(query.chars().map(Key::char));
            if correct {
                keys.extend([Key::plain(KeyCode::Backspace); 2]);
            }
            keys.push(Key::plain(KeyCode::Esc));
            for k in keys {
                times.push(key(app, k)?);
            }
        }
        Ok::<Vec<f64>, String>(times)
    };
    let mut keystrokes = search(&mut app, &QUERIES, true)?;
    let search_max_ms = keystrokes.iter().copied().fold(0.0, f64::max);
    let search_p50_ms = percentile(&mut keystrokes, 0.50);
    let search_p95_ms = percentile(&mut keystrokes, 0.95);
    // The Réseau tab's search: structures with their services and contacts.
    app.update(Msg::Key(Key::char('2')));
    let reseau_p95_ms = percentile(&mut search(&mut app, &RESEAU_QUERIES, false)?, 0.95);
    app.update(Msg::Key(Key::char('1')));
    let (move_bytes, scroll_bytes, tab_bytes) = terminal_bytes(&mut app)?;

    // Saving: the store write (transaction + flush) and the app's own work, separately.
    let ctrl_s = Key::new(
        KeyCode::Char('s'),
        Mods {
            ctrl: true,
            ..Mods::default()
        },
    );
    let mut store_times = Vec::new();
    let mut app_times = Vec::new();
    for n in 0..30 {
        app.update(Msg::Key(Key::char('n')));
        for c in "acc".chars() {
            app.update(Msg::Key(Key::char(c)));
        }
        app.update(Msg::Key(Key::plain(KeyCode::Enter)));
        app.update(Msg::Key(Key::plain(KeyCode::Tab)));
        for c in format!("Mesure {n}").chars() {
            app.update(Msg::Key(Key::char(c)));
        }
        let t = Instant::now();
        let effects = app.update(Msg::Key(ctrl_s));
        app_times.push(ms(t));
        for effect in effects {
            let t = Instant::now();
            if let Some(Msg::PersistFailed(e)) = crate::runtime::persist(&store, &effect) {
                return Err(e);
            }
            store_times.push(ms(t));
        }
    }
    Ok(OpenFigures {
        open_ms,
        rows_ms,
        load_ms,
        records,
        peak_rss_mib,
        search_p50_ms,
        search_p95_ms,
        search_max_ms,
        save_store_p95_ms: percentile(&mut store_times, 0.95),
        save_app_p95_ms: percentile(&mut app_times, 0.95),
        reseau_p95_ms,
        move_bytes,
        scroll_bytes,
        tab_bytes,
        search_bytes: search_bytes as f64,
        session_peak_mib: self::peak_rss_mib().unwrap_or(0.0),
    })
}

/// A terminal that only counts what it is sent.
struct Counter(std::rc::Rc<std::cell::Cell<usize>>);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A screen of a fixed size drawn as the runtime draws (ratatui's diff, written by the
/// runtime's backend in a synchronized update), into a counter of the bytes a real terminal
/// would receive.
struct CountingTerminal {
    terminal: Terminal<super::backend::FrugalBackend<Counter>>,
    sent: std::rc::Rc<std::cell::Cell<usize>>,
}

impl CountingTerminal {
    fn new(width: u16, height: u16) -> Result<CountingTerminal, String> {
        use ratatui::layout::Rect;
        use ratatui::{TerminalOptions, Viewport};
        let sent = std::rc::Rc::new(std::cell::Cell::new(0));
        let backend = super::backend::FrugalBackend::new(Counter(sent.clone()));
        let terminal = Terminal::with_options(
            backend,
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
            },
        )
        .map_err(|e| e.to_string())?;
        Ok(CountingTerminal { terminal, sent })
    }

    /// Draws `app`; the bytes this frame sent.
    fn draw(&mut self, app: &App) -> Result<usize, String> {
        self.sent.set(0);
        super::draw_synchronized(&mut self.terminal, app, &Theme::color())
            .map_err(|e| e.to_string())?;
        Ok(self.sent.get())
    }
}

/// What the Réseau tab is searched for, one key at a time.
const RESEAU_QUERIES: [&str; 4] = ["caf", "mission locale", "association logement", "mediation"];

/// The bytes a real terminal receives on a 100×30 screen when the Journal's selection moves
/// down: the most for a move inside the visible rows, and for a move that scrolls the list;
/// then the most for changing tab (to Réseau and back).
fn terminal_bytes(app: &mut App) -> Result<(f64, f64, f64), String> {
    app.update(Msg::Resize(100, 30));
    let mut screen = CountingTerminal::new(100, 30)?;
    screen.draw(app)?;
    let (mut inside, mut scrolling) = (0, 0);
    for _ in 0..60 {
        let before = app.cursor().offset;
        app.update(Msg::Key(Key::plain(KeyCode::Down)));
        let bytes = screen.draw(app)?;
        if app.cursor().offset == before {
            inside = inside.max(bytes);
        } else {
            scrolling = scrolling.max(bytes);
        }
    }
    let mut tab = 0;
    for k in ['2', '1'] {
        app.update(Msg::Key(Key::char(k)));
        tab = tab.max(screen.draw(app)?);
    }
    Ok((inside as f64, scrolling as f64, tab as f64))
}

/// What serving other terminals' notes costs, measured on the open store of `dir`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ServeFigures {
    /// A note sent from another terminal, until its answer (the client's wait).
    pub round_trip_p50_ms: f64,
    pub round_trip_p95_ms: f64,
    /// The interface's work for each: running it, showing the record, drawing the frame.
    pub frame_p50_ms: f64,
    pub frame_p95_ms: f64,
    pub frame_max_ms: f64,
}

/// Opens `dir` as the interface does, listens, and serves `count` notes sent one after the
/// other from another thread (as another terminal would), drawing a 120×40 frame after each.
pub fn serve_notes(
    dir: &Path,
    config: Config,
    count: usize,
    serve: super::Serve,
) -> Result<ServeFigures, String> {
    use super::remote;
    let store = Store::open(dir).map_err(|e| e.to_string())?;
    let (data, _) = store.load().map_err(|e| e.to_string())?;
    let mut app = App::new(config, data, crate::clock::now_local());
    app.update(Msg::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).map_err(|e| e.to_string())?;
    let server = remote::Server::start(dir).map_err(|e| e.to_string())?;
    let target = dir.to_path_buf();
    let client = std::thread::spawn(move || {
        let mut trips = Vec::with_capacity(count);
        for i in 0..count {
            let request = remote::Request {
                version: remote::VERSION,
                args: vec![
                    "--data-dir".into(),
                    target.display().to_string(),
                    "note".into(),
                    "--quiet".into(),
                    format!("Note de mesure {i}"),
                ],
                cwd: target.clone(),
                env: Vec::new(),
            };
            let started = Instant::now();
            if remote::send(&target, &request).is_err() {
                break;
            }
            trips.push(ms(started));
        }
        trips
    });
    let mut frames = Vec::with_capacity(count);
    while !client.is_finished() {
        let started = Instant::now();
        let msgs = super::serve_pending(&server, &store, serve);
        if msgs.is_empty() {
            std::thread::sleep(std::time::Duration::from_millis(1));
            continue;
        }
        for msg in msgs {
            app.update(msg);
        }
        terminal
            .draw(|f| ui::render(f, &app, &Theme::color()))
            .map_err(|e| e.to_string())?;
        frames.push(ms(started));
    }
    let mut trips = client.join().map_err(|_| "client".to_string())?;
    if trips.len() < count {
        return Err(format!("{} of {count} notes answered", trips.len()));
    }
    Ok(ServeFigures {
        round_trip_p50_ms: percentile(&mut trips, 0.5),
        round_trip_p95_ms: percentile(&mut trips, 0.95),
        frame_p50_ms: percentile(&mut frames, 0.5),
        frame_p95_ms: percentile(&mut frames, 0.95),
        frame_max_ms: frames.iter().copied().fold(0.0, f64::max),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parent reads back every figure the measured process printed, each in its place:
    /// one left out or out of order would put a wrong number beside a target.
    #[test]
    fn the_figures_line_reads_back_as_printed() {
        let figures = OpenFigures {
            open_ms: 1.5,
            rows_ms: 2.25,
            load_ms: 3.0,
            records: 4,
            peak_rss_mib: 5.75,
            session_peak_mib: 6.5,
            search_p50_ms: 7.0,
            search_p95_ms: 8.0,
            search_max_ms: 9.0,
            save_store_p95_ms: 10.0,
            save_app_p95_ms: 11.0,
            reseau_p95_ms: 12.0,
            move_bytes: 13.0,
            scroll_bytes: 14.0,
            tab_bytes: 15.0,
            search_bytes: 16.0,
        };
        assert_eq!(OpenFigures::from_line(&figures.to_line()), Some(figures));
        // Anything else the process prints is not taken for figures.
        assert_eq!(OpenFigures::from_line(ROWS_LINE), None);
        assert_eq!(OpenFigures::from_line("1 2 3"), None);
    }
}
