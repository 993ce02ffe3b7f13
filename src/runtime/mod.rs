//! The only terminal I/O: the guard, the event loop, signals, drawing, effects.

pub mod bench;
pub mod events;
pub mod terminal;

use crate::app::{App, Effect, Msg};
use crate::storage::Store;
use crate::ui::{self, Theme};
use events::{EventSource, TerminalEvents};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Signals that end the session cleanly: the terminal is restored and the store flushed.
#[derive(Clone, Default)]
pub struct Signals {
    pub stop: Arc<AtomicBool>,
}

impl Signals {
    pub fn register() -> io::Result<Signals> {
        let signals = Signals::default();
        for sig in [
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register(sig, Arc::clone(&signals.stop))?;
        }
        Ok(signals)
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// Ends the process cleanly from a separate thread when a signal arrives or the terminal
    /// goes away. Needed because on a hung-up terminal the input reader can spin on
    /// end-of-file without ever returning to the loop that checks the flag.
    fn watch(&self, flusher: crate::storage::Flusher) {
        let stop = Arc::clone(&self.stop);
        let spawned = std::thread::Builder::new()
            .name("carnet-signals".into())
            .spawn(move || {
                use std::io::IsTerminal;
                loop {
                    std::thread::sleep(Duration::from_millis(100));
                    if stop.load(Ordering::SeqCst) || !io::stdin().is_terminal() {
                        flusher.flush();
                        terminal::restore();
                        std::process::exit(0);
                    }
                }
            });
        // Without the watcher the main loop still checks the flag between events.
        drop(spawned);
    }
}

pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// How often the loop wakes without input: to notice signals and a change of day.
const TICK: Duration = Duration::from_millis(250);

/// Runs the app until it quits, the script ends, or a signal arrives. `draw` draws one frame.
pub fn run_loop(
    app: &mut App,
    events: &mut dyn EventSource,
    signals: &Signals,
    draw: &mut dyn FnMut(&App) -> io::Result<()>,
) -> io::Result<()> {
    loop {
        if signals.stopped() {
            return Ok(());
        }
        if app.dirty {
            draw(app)?;
            app.dirty = false;
        }
        let Some(first) = events.next(TICK)? else {
            app.update(Msg::Today(today()));
            continue;
        };
        // Drain what is already queued before drawing again, so held keys never lag.
        let mut msg = Some(first);
        while let Some(m) = msg {
            if app.update(m).contains(&Effect::Quit) {
                return Ok(());
            }
            msg = events.next(Duration::ZERO)?;
        }
    }
}

fn draw_frame<B: Backend>(terminal: &mut Terminal<B>, app: &App, theme: &Theme) -> io::Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    terminal
        .draw(|frame| ui::render(frame, app, theme))
        .map(|_| ())
        .map_err(io::Error::other)
}

/// Opens the full screen on an open store: first frame at once, then the data.
pub fn run_tui(mut app: App, store: &Store, theme: Theme) -> io::Result<()> {
    let signals = Signals::register()?;
    signals.watch(store.flusher());
    let guard = terminal::TerminalGuard::enter()?;
    let backend = ratatui::backend::CrosstermBackend::new(io::stdout());
    let mut terminal = Terminal::new(backend)?;
    let size = terminal.size()?;
    app.update(Msg::Resize(size.width, size.height));
    let mut draw = |app: &App| -> io::Result<()> {
        execute!(io::stdout(), BeginSynchronizedUpdate)?;
        let result = draw_frame(&mut terminal, app, &theme);
        execute!(io::stdout(), EndSynchronizedUpdate)?;
        result
    };
    if app.loading {
        draw(&app)?;
        match store.load() {
            Ok((data, failures)) => {
                app.update(Msg::Loaded {
                    data: Box::new(data),
                    decode_failures: failures.len(),
                });
            }
            Err(e) => {
                drop(guard);
                return Err(io::Error::other(e));
            }
        }
    }
    let result = run_loop(&mut app, &mut TerminalEvents, &signals, &mut draw);
    // Flush before the terminal is handed back, whatever ended the loop.
    let flushed = store.flush();
    drop(guard);
    result?;
    flushed.map_err(io::Error::other)
}

/// Runs the loop on an in-memory terminal with scripted messages (scenario tests).
pub fn run_scripted<B: Backend>(
    app: &mut App,
    terminal: &mut Terminal<B>,
    script: Vec<Msg>,
    theme: &Theme,
) -> io::Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut events = events::ScriptedEvents(script.into());
    let mut draw = |app: &App| draw_frame(terminal, app, theme);
    run_loop(app, &mut events, &Signals::default(), &mut draw)
}
