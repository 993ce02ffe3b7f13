//! The only terminal I/O: the guard, the event loop, signals, drawing, effects.

pub mod backend;
pub mod background;
pub mod bench;
pub mod editor;
pub mod events;
pub mod folder;
pub mod remote;
pub mod terminal;

use crate::app::{App, Effect, Msg};
use crate::storage::Store;
use crate::ui::{self, Theme};
use events::{EventSource, TerminalEvents};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// A signal (or the terminal going away, as SIGHUP) ended it: exit with 128 + it.
    Signal(i32),
}

impl Ended {
    /// The process's exit status, as shells report a death by signal.
    pub fn exit_code(self) -> u8 {
        match self {
            Ended::Quit => 0,
            Ended::Signal(sig) => u8::try_from(128 + sig).unwrap_or(u8::MAX),
        }
    }
}

/// Signals that end the session cleanly: an unsaved form is kept, the store flushed and the
/// terminal restored, then the process exits with 128 + the signal.
#[derive(Clone, Default)]
pub struct Signals {
    /// The signal received, 0 while none.
    pub received: Arc<AtomicUsize>,
    /// The open form as it would be kept now (its file's bytes), mirrored after each update
    /// so the watcher can keep it even when the main thread is stuck on a dead terminal.
    draft: Arc<Mutex<Option<Vec<u8>>>>,
    /// What flushes the store on a signal; let go when the session ends, so the store's
    /// files can be opened again (to rebuild it) while the watcher still runs.
    flusher: Arc<Mutex<Option<crate::storage::Flusher>>>,
    /// Set for an encrypted store: an open form is never written out in plain.
    no_drafts: Arc<std::sync::atomic::AtomicBool>,
}

/// The signals that end a session: hang-up, interrupt, quit (which would otherwise leave the
/// terminal raw in the alternate screen) and terminate.
const ENDING: [i32; 4] = [
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGTERM,
];

impl Signals {
    pub fn register() -> io::Result<Signals> {
        let signals = Signals::default();
        for sig in ENDING {
            let number = usize::try_from(sig).unwrap_or(0);
            signal_hook::flag::register_usize(sig, Arc::clone(&signals.received), number)?;
        }
        Ok(signals)
    }

    fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }

    fn mirror(&self, app: &App) {
        if self.no_drafts.load(Ordering::SeqCst) {
            return;
        }
        let bytes = app.draft().map(|d| d.to_json());
        if let Ok(mut kept) = self.draft.lock() {
            *kept = bytes;
        }
    }

    /// Ends the process from a separate thread when a signal arrives or the terminal goes
    /// away. Needed because on a hung-up terminal the input reader can spin on end-of-file
    /// without ever returning to the loop that checks the flag.
    fn watch(&self, flusher: crate::storage::Flusher, draft_path: PathBuf) {
        if let Ok(mut slot) = self.flusher.lock() {
            *slot = Some(flusher);
        }
        let signals = self.clone();
        let spawned = std::thread::Builder::new()
            .name("carnet-signals".into())
            .spawn(move || {
                use std::io::IsTerminal;
                loop {
                    std::thread::sleep(Duration::from_millis(100));
                    let sig = match signals.received() {
                        Some(sig) => sig,
                        None if !io::stdin().is_terminal() => signal_hook::consts::SIGHUP,
                        None => continue,
                    };
                    let kept = signals.draft.lock().ok().and_then(|d| d.clone());
                    if let Some(bytes) = kept {
                        let _ = keep_draft(&draft_path, &bytes);
                    }
                    let flusher = signals.flusher.lock().ok().and_then(|mut f| f.take());
                    if let Some(flusher) = flusher {
                        flusher.flush();
                    }
                    terminal::restore();
                    std::process::exit(i32::from(Ended::Signal(sig).exit_code()));
                }
            });
        // Without the watcher the main loop still checks the flag between events.
        drop(spawned);
    }

    /// The session is over and the store flushed: the watcher lets go of it.
    fn release_store(&self) {
        if let Ok(mut slot) = self.flusher.lock() {
            *slot = None;
        }
    }
}

/// Writes the kept form (0600, whole or not at all).
fn keep_draft(path: &Path, bytes: &[u8]) -> io::Result<()> {
    crate::files::replace_atomically(path, bytes)
}

/// The kept form of a data dir, if there is one that reads.
fn read_draft(path: &Path) -> Option<crate::app::draft::Draft> {
    let bytes = crate::files::read_regular_bytes(path, 4 * 1024 * 1024).ok()?;
    crate::app::draft::Draft::from_json(&bytes)
}

/// Removes the kept form (a regular file Carnet wrote; anything else there is left).
fn discard_draft(path: &Path) {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
        let _ = std::fs::remove_file(path);
    }
}

/// The clock as the app receives it: local time for dates shown, UTC for ids and stamps.
pub fn clock() -> Msg {
    Msg::Clock {
        local: crate::clock::now_local(),
        utc_ms: crate::clock::now_utc_ms(),
    }
}

/// How often the loop wakes without input: to notice signals and a change of day.
const TICK: Duration = Duration::from_millis(250);

/// What the loop needs from its surroundings: drawing, and carrying out effects.
pub trait Host {
    fn draw(&mut self, app: &App) -> io::Result<()>;
    /// Carries out one effect (never `Quit`); what it reports goes back to the app.
    fn execute(&mut self, effect: Effect) -> Vec<Msg>;
    /// What finished beside the loop since the last call: work done in the background (the
    /// store loaded, a search answered), then the commands other terminals sent, run now.
    /// Their messages go to the app; an error ends the session.
    fn serve(&mut self) -> io::Result<Vec<Msg>> {
        Ok(Vec::new())
    }
    /// Whether something waits for `serve` (the loop then wakes before its tick).
    fn waiting(&mut self) -> bool {
        false
    }
    /// How often the loop looks for it while it waits for a key (`None`: at each tick).
    fn look_every(&self) -> Option<Duration> {
        None
    }
}

/// How often the loop looks for other terminals' commands while it waits for a key.
const SERVE_SLICE: Duration = Duration::from_millis(20);
/// And for background work's answers: a search's results are on screen this soon after
/// they are ready.
const BACKGROUND_SLICE: Duration = Duration::from_millis(2);

/// The next event within a tick; `None` at the tick's end, or as soon as something waits
/// for `serve`.
fn next_event(events: &mut dyn EventSource, host: &mut dyn Host) -> io::Result<Option<Msg>> {
    let Some(slice) = host.look_every() else {
        return events.next(TICK);
    };
    let deadline = std::time::Instant::now() + TICK;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if let Some(msg) = events.next(left.min(slice))? {
            return Ok(Some(msg));
        }
        if host.waiting() || left <= slice {
            return Ok(None);
        }
    }
}

/// What a command sent from another terminal did: its answer, and the records it wrote.
pub struct Served {
    pub answer: remote::Answer,
    pub written: Vec<crate::domain::AnyRecord>,
}

/// Runs a command sent from another terminal on the open store (the command line's own
/// code, given by `cli`: the runtime knows the socket, not the commands).
pub type Serve<'a> = &'a dyn Fn(&remote::Request, &Store) -> Served;

/// Writes to the store; a failure comes back as a message, never a crash.
pub fn persist(store: &Store, effect: &Effect) -> Option<Msg> {
    use crate::domain::personne;
    use crate::storage::{audit, backup};
    let data_dir = store.data_dir();
    let io = |e: io::Error| crate::storage::StoreError::Io {
        path: data_dir.to_path_buf(),
        source: e,
    };
    let log = |at, operation, counts: &[(&str, usize)]| {
        audit::append(data_dir, at, operation, counts).map_err(io)
    };
    let result = match effect {
        Effect::Commit(changes) => store.commit(changes).and_then(|()| {
            if changes.remove.is_empty() {
                Ok(())
            } else {
                store.mark_rebuild_due()
            }
        }),
        // The backups first: stopped half-way, the store still holds the records.
        Effect::EraseSuivi {
            suivi,
            changes,
            counts,
            at,
        } => backup::rewrite_all(
            data_dir,
            &|d: &mut crate::domain::Dataset| {
                personne::erase_suivi(d, *suivi);
            },
            store.backup_key().as_ref(),
        )
        .map_err(io)
        .and_then(|(rewritten, _)| {
            store.commit(changes)?;
            let mut counts = counts.clone();
            counts.push(("sauvegardes", rewritten));
            log(*at, audit::Operation::Erasure, &counts)?;
            store.mark_rebuild_due()
        }),
        Effect::Anonymise {
            changes,
            counts,
            backups,
            at,
        } => store.backup(*backups).and_then(|_| {
            store.commit(changes)?;
            log(*at, audit::Operation::Retention, counts)?;
            store.mark_rebuild_due()
        }),
        Effect::Quit
        | Effect::Search(_)
        | Effect::EditExternally(..)
        | Effect::ReadFolder(_)
        | Effect::DiscardDraft
        | Effect::WriteFile { .. } => Ok(()),
    };
    result.err().map(|e| Msg::PersistFailed(e.to_string()))
}

/// Runs the app until it quits, the events end, or a signal arrives.
pub fn run_loop(
    app: &mut App,
    events: &mut dyn EventSource,
    signals: &Signals,
    host: &mut dyn Host,
) -> io::Result<Ended> {
    loop {
        if let Some(sig) = signals.received() {
            return Ok(Ended::Signal(sig));
        }
        // Between two events, what finished beside the loop and what other terminals asked
        // (a note, an export): shown in the frame drawn next.
        for msg in host.serve()? {
            for effect in app.update(msg) {
                if effect == Effect::Quit {
                    return Ok(Ended::Quit);
                }
                host.execute(effect);
            }
        }
        if app.needs_drawing() {
            host.draw(app)?;
            app.drawn();
        }
        let Some(first) = next_event(events, host)? else {
            app.update(clock());
            continue;
        };
        // Drain what is already queued before drawing again, so held keys never lag.
        let mut msg = Some(first);
        while let Some(m) = msg {
            let mut pending = vec![m];
            while let Some(m) = pending.pop() {
                for effect in app.update(m) {
                    if effect == Effect::Quit {
                        return Ok(Ended::Quit);
                    }
                    pending.extend(host.execute(effect));
                }
            }
            msg = events.next(Duration::ZERO)?;
        }
        signals.mirror(app);
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

/// Draws a frame as the terminal receives it: as one synchronized update, so the terminal
/// shows it whole.
fn draw_synchronized<W: io::Write>(
    terminal: &mut Terminal<backend::FrugalBackend<W>>,
    app: &App,
    theme: &Theme,
) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let result = draw_frame(terminal, app, theme);
    queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    io::Write::flush(terminal.backend_mut())?;
    result
}

struct TerminalHost<'a> {
    terminal: Terminal<backend::FrugalBackend<io::Stdout>>,
    store: &'a Store,
    theme: Theme,
    backups: crate::storage::backup::Retention,
    draft_path: PathBuf,
    /// Other terminals' commands: none when the socket could not be made.
    server: Option<remote::Server>,
    serve: Serve<'a>,
    background: background::Background,
    searcher: background::Searcher,
    /// The store is loading: other terminals' commands wait for it (what they write would
    /// be lost under the records loaded).
    loading: bool,
}

impl Host for TerminalHost<'_> {
    fn draw(&mut self, app: &App) -> io::Result<()> {
        draw_synchronized(&mut self.terminal, app, &self.theme)
    }

    fn execute(&mut self, effect: Effect) -> Vec<Msg> {
        match effect {
            Effect::EditExternally(text, lang) => {
                let result = editor::edit(&text, &crate::i18n::I18n::new(lang));
                // Whatever the editor did to the screen, draw everything again.
                let _ = terminal::resume();
                let _ = self
                    .terminal
                    .backend_mut()
                    .clear_region(ratatui::backend::ClearType::All);
                self.terminal.swap_buffers();
                vec![
                    Msg::ExternalEdited(result),
                    Msg::Resize(self.size().0, self.size().1),
                ]
            }
            Effect::ReadFolder(dir) => match self.store.backup(self.backups) {
                // An import changes fiches: not without a backup of them first.
                Err(e) => vec![Msg::PersistFailed(e.to_string())],
                Ok(_) => vec![read_folder(&dir)],
            },
            Effect::WriteFile { path, bytes } => vec![write_file(&path, &bytes)],
            Effect::DiscardDraft => {
                discard_draft(&self.draft_path);
                Vec::new()
            }
            Effect::Search(job) => {
                let answer = self.background.start();
                self.searcher.search(job, answer);
                Vec::new()
            }
            other => persist(self.store, &other).into_iter().collect(),
        }
    }

    fn serve(&mut self) -> io::Result<Vec<Msg>> {
        let mut msgs = self.background.answers()?;
        if msgs.iter().any(|m| matches!(m, Msg::Loaded { .. })) {
            self.loading = false;
        }
        if let Some(server) = &self.server
            && !self.loading
        {
            msgs.extend(serve_pending(server, self.store, self.serve));
        }
        Ok(msgs)
    }

    fn waiting(&mut self) -> bool {
        self.background.ready()
            || (!self.loading && self.server.as_ref().is_some_and(remote::Server::waiting))
    }

    fn look_every(&self) -> Option<Duration> {
        if self.background.busy() {
            Some(BACKGROUND_SLICE)
        } else {
            self.server.as_ref().map(|_| SERVE_SLICE)
        }
    }
}

/// Runs each request read, in order: taken, run, answered; the records written go to the app.
pub fn serve_pending(server: &remote::Server, store: &Store, serve: Serve) -> Vec<Msg> {
    let mut msgs = Vec::new();
    for mut pending in server.pending() {
        if pending.take().is_err() {
            // The client gave up before its turn: nothing was run for it.
            continue;
        }
        let served = serve(&pending.request, store);
        pending.answer(&served.answer);
        if !served.written.is_empty() {
            msgs.push(Msg::WrittenElsewhere(served.written));
        }
    }
    msgs
}

/// Writes an export for the app, and says how it went.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Msg {
    Msg::FileWritten(
        crate::files::write_private(path, bytes)
            .map(|()| path.to_path_buf())
            .map_err(|e| (path.to_path_buf(), e.kind(), e.to_string())),
    )
}

/// Reads a documentation folder for the app.
pub fn read_folder(dir: &std::path::Path) -> Msg {
    Msg::FolderRead(folder::read(dir).map_err(|e| (dir.to_path_buf(), e.kind(), e.to_string())))
}

impl TerminalHost<'_> {
    fn size(&self) -> (u16, u16) {
        self.terminal
            .size()
            .map(|s| (s.width, s.height))
            .unwrap_or((80, 24))
    }
}

/// Opens the full screen on an open store: first frame at once, then the data.
pub fn run_tui(mut app: App, store: &Store, theme: Theme, serve: Serve) -> io::Result<Ended> {
    let draft_path = store.data_dir().join(crate::storage::DRAFT_FILE);
    let signals = Signals::register()?;
    // An encrypted store's open form is not kept in a plain file.
    signals.no_drafts.store(store.is_sealed(), Ordering::SeqCst);
    signals.watch(store.flusher(), draft_path.clone());
    let guard = terminal::TerminalGuard::enter()?;
    let backend = backend::FrugalBackend::new(io::stdout());
    let terminal = Terminal::new(backend)?;
    let mut host = TerminalHost {
        terminal,
        store,
        theme,
        backups: app.config.backups,
        draft_path: draft_path.clone(),
        // Without a socket (something else at its path), the interface still works; other
        // terminals get the lock's message, as before.
        server: remote::Server::start(store.data_dir()).ok(),
        serve,
        background: background::Background::default(),
        searcher: background::Searcher::spawn(),
        loading: false,
    };
    let size = host.size();
    app.update(Msg::Resize(size.0, size.1));
    app.update(clock());
    // The loading thread borrows the store: the session runs inside its scope, and a quit
    // before the load ends waits for it after the terminal is handed back.
    std::thread::scope(|scope| {
        if app.is_loading() {
            host.draw(&app)?;
            first_rows(&mut app, store, &mut |app| host.draw(app))?;
            let answer = host.background.start();
            host.loading = true;
            let draft_path = draft_path.clone();
            let config = app.config.clone();
            scope.spawn(move || {
                // A loading that stopped ends the session with a message, never a screen
                // left loading.
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    loaded(store, &draft_path, &config)
                }))
                .unwrap_or_else(|_| Err(io::Error::other("the store could not be loaded")));
                let _ = answer.send(result);
            });
        } else if let Some(draft) = read_draft(&draft_path) {
            app.update(Msg::DraftFound(Box::new(draft)));
        }
        let ended = run_loop(&mut app, &mut TerminalEvents, &signals, &mut host);
        finish(&app, store, &signals, &draft_path, guard, ended)
    })
}

/// The journal's first rows straight from the date index, drawn; the rest loads beside the
/// loop. Should the index fail, the full load says why.
fn first_rows(
    app: &mut App,
    store: &Store,
    draw: &mut dyn FnMut(&App) -> io::Result<()>,
) -> io::Result<()> {
    if let Ok(newest) = store.newest_interactions(NEWEST) {
        app.update(Msg::Newest(newest));
        draw(app)?;
    }
    Ok(())
}

/// How many of the newest interactions the first frame reads (whole days): more than a
/// tall terminal shows, so paging down does not run out before the rest is there.
const NEWEST: usize = 200;

/// The whole store for the app with its journal's search text folded (so the loop only
/// installs it), what opening it recovered, and the form the last session kept (offered
/// once the records it may point to are there).
fn loaded(store: &Store, draft_path: &Path, config: &crate::config::Config) -> background::Answer {
    let (data, failures) = store.load().map_err(io::Error::other)?;
    let folded = crate::app::journal::Folded::of(&data, config);
    let mut msgs = vec![Msg::Loaded {
        data: Box::new(data),
        decode_failures: failures.len(),
        folded: Some(Box::new(folded)),
    }];
    if !store.recovered().is_empty() {
        msgs.push(Msg::Recovered);
    }
    if let Some(draft) = read_draft(draft_path) {
        msgs.push(Msg::DraftFound(Box::new(draft)));
    }
    Ok(msgs)
}

/// After the loop: the open form kept on a signal, the store flushed, the terminal handed
/// back, then the day's backup on a clean quit.
fn finish(
    app: &App,
    store: &Store,
    signals: &Signals,
    draft_path: &Path,
    guard: terminal::TerminalGuard,
    ended: io::Result<Ended>,
) -> io::Result<Ended> {
    if matches!(ended, Ok(Ended::Signal(_)))
        && !store.is_sealed()
        && let Some(draft) = app.draft()
    {
        let _ = keep_draft(draft_path, &draft.to_json());
    }
    // Flush before the terminal is handed back, whatever ended the loop.
    let flushed = store.flush();
    signals.release_store();
    drop(guard);
    let ended = ended?;
    flushed.map_err(io::Error::other)?;
    if ended == Ended::Quit
        && let Err(e) = backup_on_quit(app, store)
    {
        // The terminal is back: say it plainly, the session itself ended well.
        let detail = format!(
            "{} : {}",
            crate::storage::backup::dir(store.data_dir()).display(),
            app.i18n.io_detail(&e)
        );
        let text = app
            .i18n
            .t_args("warn-backup-failed", &[crate::i18n::arg("detail", detail)]);
        eprintln!("{}", crate::domain::text::sanitize(&text, true));
    }
    Ok(ended)
}

/// The day's backup, on the first clean quit of the day: what the interface shows is what the
/// store holds.
fn backup_on_quit(app: &App, store: &Store) -> io::Result<()> {
    let retention = app.config.backups;
    let data_dir = store.data_dir();
    if app.is_loading() || !crate::storage::backup::due(data_dir, app.today, retention) {
        return Ok(());
    }
    // About two seconds per 40,000 records: say why the shell waits.
    let records: usize = crate::domain::RecordKind::ALL
        .iter()
        .map(|k| app.data.count(*k))
        .sum();
    if records > 20_000 {
        eprintln!("{}", app.t("backup-in-progress"));
    }
    crate::storage::backup::write(
        data_dir,
        &app.data,
        crate::clock::now_local(),
        retention,
        store.backup_key().as_ref(),
    )
    .map(|_| ())
}

/// An in-memory terminal and, optionally, a real store: the loop as tests drive it.
pub struct TestHost<'a, B: Backend> {
    pub terminal: &'a mut Terminal<B>,
    pub store: Option<&'a Store>,
    pub theme: Theme,
    /// What "the editor" returns for `EditExternally`.
    pub edited: Option<String>,
}

impl<B: Backend> Host for TestHost<'_, B>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    fn draw(&mut self, app: &App) -> io::Result<()> {
        draw_frame(self.terminal, app, &self.theme)
    }

    fn execute(&mut self, effect: Effect) -> Vec<Msg> {
        match effect {
            Effect::EditExternally(text, _) => {
                vec![Msg::ExternalEdited(Ok(self.edited.clone().unwrap_or(text)))]
            }
            Effect::ReadFolder(dir) => vec![read_folder(&dir)],
            Effect::WriteFile { path, bytes } => vec![write_file(&path, &bytes)],
            Effect::Search(job) => vec![job.run(&mut Default::default())],
            Effect::DiscardDraft => {
                if let Some(store) = self.store {
                    discard_draft(&store.data_dir().join(crate::storage::DRAFT_FILE));
                }
                Vec::new()
            }
            other => self
                .store
                .and_then(|s| persist(s, &other))
                .into_iter()
                .collect(),
        }
    }
}

/// Runs the loop with scripted messages (scenario tests); ends when the script does.
pub fn run_scripted<B: Backend>(
    app: &mut App,
    host: &mut TestHost<'_, B>,
    script: Vec<Msg>,
) -> io::Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut events = events::ScriptedEvents(script.into());
    match run_loop(app, &mut events, &Signals::default(), host) {
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(()),
        other => other.map(|_| ()),
    }
}
