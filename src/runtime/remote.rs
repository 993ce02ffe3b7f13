//! Commands from other terminals, served by the open interface. While a carnet is open, its
//! store is locked; `carnet note`, `carnet export`, `carnet suivi export` and `carnet doctor`
//! from another terminal of the same user are sent here instead of failing.
//!
//! A Unix socket in the data dir (made 0600; the peer must be the same user), one request
//! and its answer per connection, in length-prefixed frames: the request as JSON, then
//! « taken » as soon as the interface picks it up (the client gives up after
//! [`TAKE_WAIT`]: a busy or stuck interface, a socket left by a killed process), then the
//! exit code, the output and the errors. The interface runs the request between two events,
//! on its own thread, with the same code the command line runs.

use serde::{Deserialize, Serialize};
use std::io::{self, Read, Write};
use std::os::unix::fs::FileTypeExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// The socket's name in the data dir.
pub use crate::storage::SOCKET_FILE as SOCKET;
/// The protocol's version: a request of another version is refused with a message.
pub const VERSION: u32 = 1;
/// How long a client waits for the interface to take its request.
pub const TAKE_WAIT: Duration = Duration::from_secs(2);
/// How long a request taken may run (an export of a large carnet).
pub const RUN_WAIT: Duration = Duration::from_secs(600);
const MAX_REQUEST: usize = 256 * 1024;
const MAX_OUTPUT: usize = 1 << 30;

/// A command line to run as if typed in the client's terminal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub version: u32,
    /// The arguments after the program's name.
    pub args: Vec<String>,
    /// Where relative paths (`-o export.csv`) are.
    pub cwd: PathBuf,
    /// The client's environment: its language, configuration and data dir.
    pub env: Vec<(String, String)>,
}

/// What came of a request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    pub code: u8,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
enum Head {
    Taken,
    Done { code: u8 },
}

fn write_frame(stream: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    let len = u32::try_from(bytes.len()).map_err(|_| io::Error::other("frame too large"))?;
    stream.write_all(&len.to_be_bytes())?;
    stream.write_all(bytes)
}

fn read_frame(stream: &mut impl Read, max: usize) -> io::Result<Vec<u8>> {
    let mut len = [0u8; 4];
    stream.read_exact(&mut len)?;
    let len = u32::from_be_bytes(len) as usize;
    if len > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "frame too large",
        ));
    }
    let mut bytes = vec![0; len];
    stream.read_exact(&mut bytes)?;
    Ok(bytes)
}

fn head(stream: &mut impl Read) -> io::Result<Head> {
    let bytes = read_frame(stream, 1024)?;
    serde_json::from_slice(&bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Why a request got no answer.
#[derive(Debug)]
pub enum SendError {
    /// No interface listens (no socket, or one left by a killed process).
    NoInterface,
    /// The socket is not Carnet's own (another owner, not a socket): nothing was sent.
    NotOurs,
    /// The interface did not take the request in time (busy, or stuck).
    NotTaken,
    /// The connection broke after the request was taken.
    Broken(io::Error),
}

/// Sends `request` to the interface serving `data_dir` and waits for its answer.
pub fn send(data_dir: &Path, request: &Request) -> Result<Answer, SendError> {
    let path = data_dir.join(SOCKET);
    let meta = std::fs::symlink_metadata(&path).map_err(|_| SendError::NoInterface)?;
    if !meta.file_type().is_socket() || !owned_by_us(&meta) {
        return Err(SendError::NotOurs);
    }
    let mut stream = UnixStream::connect(&path).map_err(|_| SendError::NoInterface)?;
    let _ = stream.set_write_timeout(Some(TAKE_WAIT));
    let _ = stream.set_read_timeout(Some(TAKE_WAIT));
    let body = serde_json::to_vec(request).map_err(|e| SendError::Broken(io::Error::other(e)))?;
    write_frame(&mut stream, &body).map_err(|_| SendError::NotTaken)?;
    match head(&mut stream) {
        Ok(Head::Taken) => {}
        _ => return Err(SendError::NotTaken),
    }
    let _ = stream.set_read_timeout(Some(RUN_WAIT));
    let code = match head(&mut stream).map_err(SendError::Broken)? {
        Head::Done { code } => code,
        Head::Taken => return Err(SendError::Broken(io::Error::other("protocol"))),
    };
    let stdout = read_frame(&mut stream, MAX_OUTPUT).map_err(SendError::Broken)?;
    let stderr = read_frame(&mut stream, MAX_OUTPUT).map_err(SendError::Broken)?;
    Ok(Answer {
        code,
        stdout,
        stderr,
    })
}

fn owned_by_us(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.uid() == rustix::process::getuid().as_raw()
}

/// A request read from a client, waiting for the interface, and where to answer it.
pub struct Pending {
    pub request: Request,
    stream: UnixStream,
}

impl Pending {
    /// Tells the client its request is being run.
    pub fn take(&mut self) -> io::Result<()> {
        let _ = self.stream.set_write_timeout(Some(TAKE_WAIT));
        write_frame(&mut self.stream, &serde_json::to_vec(&Head::Taken)?)
    }

    /// Sends what came of it (a client gone meanwhile is no error: its command ran).
    pub fn answer(mut self, answer: &Answer) {
        let _ = self.stream.set_write_timeout(Some(RUN_WAIT));
        let head = serde_json::to_vec(&Head::Done { code: answer.code }).unwrap_or_default();
        let _ = write_frame(&mut self.stream, &head)
            .and_then(|()| write_frame(&mut self.stream, &answer.stdout))
            .and_then(|()| write_frame(&mut self.stream, &answer.stderr));
    }
}

/// The open interface's socket: connections are accepted and read on a thread of their
/// own, so a slow or hostile client never holds up the screen; the interface takes the
/// requests read with [`Server::pending`].
pub struct Server {
    path: PathBuf,
    requests: mpsc::Receiver<Pending>,
    /// Set when a request was read, so the loop wakes for it before its tick ends.
    arrived: Arc<AtomicBool>,
}

impl Server {
    /// Listens in `data_dir` (whose store this process has locked). A socket left there by
    /// a killed session is ours to replace; anything else at that path is left alone, and
    /// nothing is served.
    pub fn start(data_dir: &Path) -> io::Result<Server> {
        let path = data_dir.join(SOCKET);
        if let Ok(meta) = std::fs::symlink_metadata(&path) {
            if !(meta.file_type().is_socket() && owned_by_us(&meta)) {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("{} is not Carnet's socket", path.display()),
                ));
            }
            std::fs::remove_file(&path)?;
        }
        // Made private from the start: no moment when another user could connect.
        let before = rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o177));
        let bound = UnixListener::bind(&path);
        rustix::process::umask(before);
        let listener = bound?;
        let (tx, rx) = mpsc::channel();
        let arrived = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&arrived);
        std::thread::Builder::new()
            .name("carnet-remote".into())
            .spawn(move || accept_loop(&listener, &tx, &flag))?;
        Ok(Server {
            path,
            requests: rx,
            arrived,
        })
    }

    /// The requests read since the last call.
    pub fn pending(&self) -> Vec<Pending> {
        self.arrived.store(false, Ordering::SeqCst);
        self.requests.try_iter().collect()
    }

    /// Whether a request waits to be run.
    pub fn waiting(&self) -> bool {
        self.arrived.load(Ordering::SeqCst)
    }
}

impl Drop for Server {
    /// The socket goes with the session (only if it is still the one made here).
    fn drop(&mut self) {
        if std::fs::symlink_metadata(&self.path)
            .is_ok_and(|m| m.file_type().is_socket() && owned_by_us(&m))
        {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn accept_loop(listener: &UnixListener, tx: &mpsc::Sender<Pending>, arrived: &Arc<AtomicBool>) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let tx = tx.clone();
        let arrived = Arc::clone(arrived);
        // One short-lived thread per client: reading its request waits on it alone. When
        // the session is over, the send fails and the client hears nothing: it says so.
        let _ = std::thread::Builder::new()
            .name("carnet-remote-client".into())
            .spawn(move || {
                if let Some(pending) = read_request(stream)
                    && tx.send(pending).is_ok()
                {
                    arrived.store(true, Ordering::SeqCst);
                }
            });
    }
}

/// Reads a client's request: from the same user, small, well-formed, of this version.
fn read_request(mut stream: UnixStream) -> Option<Pending> {
    let peer = rustix::net::sockopt::socket_peercred(&stream).ok()?;
    if peer.uid != rustix::process::getuid() {
        return None;
    }
    stream.set_read_timeout(Some(TAKE_WAIT)).ok()?;
    let bytes = read_frame(&mut stream, MAX_REQUEST).ok()?;
    let request: Request = serde_json::from_slice(&bytes).ok()?;
    if request.version != VERSION {
        let mut pending = Pending { request, stream };
        let _ = pending.take();
        pending.answer(&Answer {
            code: 2,
            stdout: Vec::new(),
            stderr: format!("carnet: protocol {VERSION} expected\n").into_bytes(),
        });
        return None;
    }
    Some(Pending { request, stream })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(args: &[&str]) -> Request {
        Request {
            version: VERSION,
            args: args.iter().map(|a| a.to_string()).collect(),
            cwd: PathBuf::from("/"),
            env: Vec::new(),
        }
    }

    #[test]
    fn a_request_is_taken_run_and_answered_over_the_socket() {
        let dir = tempfile::tempdir().unwrap();
        let server = Server::start(dir.path()).unwrap();
        let mode = {
            use std::os::unix::fs::PermissionsExt;
            std::fs::symlink_metadata(dir.path().join(SOCKET))
                .unwrap()
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(mode, 0o600);
        let path = dir.path().to_path_buf();
        let client = std::thread::spawn(move || send(&path, &request(&["note", "x"])));
        // The interface picks it up between two events.
        let mut pending = loop {
            if let Some(p) = server.pending().pop() {
                break p;
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        assert_eq!(pending.request.args, ["note", "x"]);
        pending.take().unwrap();
        pending.answer(&Answer {
            code: 0,
            stdout: "Interaction notée (1).\n".as_bytes().to_vec(),
            stderr: Vec::new(),
        });
        let answer = client.join().unwrap().unwrap();
        assert_eq!(answer.code, 0);
        assert_eq!(answer.stdout, "Interaction notée (1).\n".as_bytes());
    }

    #[test]
    fn an_interface_that_never_takes_the_request_is_reported_within_the_wait() {
        let dir = tempfile::tempdir().unwrap();
        let _server = Server::start(dir.path()).unwrap();
        let started = std::time::Instant::now();
        let result = send(dir.path(), &request(&["doctor"]));
        assert!(matches!(result, Err(SendError::NotTaken)), "{result:?}");
        assert!(started.elapsed() < TAKE_WAIT + Duration::from_secs(2));
    }

    #[test]
    fn a_session_ending_with_a_request_not_yet_taken_tells_the_client_it_was_not_run() {
        let dir = tempfile::tempdir().unwrap();
        let server = Server::start(dir.path()).unwrap();
        let path = dir.path().to_path_buf();
        let client = std::thread::spawn(move || send(&path, &request(&["note", "x"])));
        while !server.waiting() {
            std::thread::sleep(Duration::from_millis(5));
        }
        // The interface quits before its next turn: the request is dropped, never run.
        drop(server);
        let result = client.join().unwrap();
        assert!(matches!(result, Err(SendError::NotTaken)), "{result:?}");
    }

    #[test]
    fn a_file_that_is_not_carnets_socket_is_left_alone_and_nothing_is_sent() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SOCKET), b"not a socket").unwrap();
        assert!(Server::start(dir.path()).is_err());
        assert_eq!(
            std::fs::read(dir.path().join(SOCKET)).unwrap(),
            b"not a socket"
        );
        assert!(matches!(
            send(dir.path(), &request(&["doctor"])),
            Err(SendError::NotOurs)
        ));
        // No socket at all: no interface.
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(
            send(empty.path(), &request(&["doctor"])),
            Err(SendError::NoInterface)
        ));
    }

    #[test]
    fn a_socket_left_by_a_killed_session_is_replaced_and_an_oversized_request_refused() {
        let dir = tempfile::tempdir().unwrap();
        let stale = UnixListener::bind(dir.path().join(SOCKET)).unwrap();
        drop(stale);
        let server = Server::start(dir.path()).unwrap();
        let mut stream = UnixStream::connect(dir.path().join(SOCKET)).unwrap();
        stream.write_all(&(u32::MAX).to_be_bytes()).unwrap();
        std::thread::sleep(Duration::from_millis(100));
        assert!(server.pending().is_empty(), "refused without a word");
        drop(server);
        assert!(
            std::fs::symlink_metadata(dir.path().join(SOCKET)).is_err(),
            "the socket goes with the session"
        );
    }
}
