//! End to end in a real terminal (tmux): start, switch tabs, quit, signals; the terminal
//! must be exactly as before. They need tmux: where the build found none they are listed
//! as ignored with the reason (see `src/build.rs`); if tmux goes away after the build, they
//! fail and say so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, home: &Path, lang_flag: &str) -> Tmux {
        assert!(
            Command::new("tmux").arg("-V").output().is_ok(),
            "tmux is needed for the end-to-end test {name}: install it (apt install tmux), \
             then rebuild the tests"
        );
        let socket = format!("carnet-test-{name}-{}", std::process::id());
        let bin = env!("CARGO_BIN_EXE_carnet");
        let shell = format!(
            "env -i HOME={home} CARNET_TODAY=2026-11-27T10:30:00 PATH=/usr/bin:/bin TERM=xterm-256color PS1='$ ' bash --norc --noprofile",
            home = home.display()
        );
        let ok = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                "80",
                "-y",
                "24",
                &shell,
            ])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux did not start");
        let t = Tmux { socket };
        t.keys(&[&format!("alias carnet='{bin} {lang_flag}'"), "Enter"]);
        t
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["-L", &self.socket, "send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        Command::new("tmux").args(&args).status().unwrap();
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", "t"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn format(&self, f: &str) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "display-message", "-p", "-t", "t", f])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "never saw {needle:?} on:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The terminal is back to the shell: main screen, cursor shown, cooked mode with echo.
    fn assert_restored(&self) {
        assert_eq!(
            self.format("#{alternate_on}"),
            "0",
            "still on the alternate screen"
        );
        assert_eq!(self.format("#{cursor_flag}"), "1", "cursor hidden");
        self.keys(&[
            "stty -a | grep -Eq '(^| )icanon( |;|$)' && stty -a | grep -Eq '(^| )echo( |;|$)' && echo COOKED\"\"_OK",
            "Enter",
        ]);
        self.wait_for("COOKED_OK\n");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

#[test]
#[cfg_attr(
    tmux_missing,
    ignore = "tmux is not installed: install it to run the end-to-end tests"
)]
fn demo_starts_switches_tabs_quits_and_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let t = Tmux::start("quit", home.path(), "");
    t.keys(&["carnet demo --interactions 500; echo EXIT=$?", "Enter"]);
    t.wait_for("Journal · 500");
    assert_eq!(t.format("#{alternate_on}"), "1");
    t.keys(&["2"]);
    t.wait_for("Réseau · ");
    t.keys(&["3"]);
    t.wait_for("Documentation · ");
    t.keys(&["Tab"]);
    t.wait_for("Compétences — ");
    t.keys(&["?"]);
    t.wait_for("Aide — touches");
    t.keys(&["Escape"]);
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
#[cfg_attr(
    tmux_missing,
    ignore = "tmux is not installed: install it to run the end-to-end tests"
)]
fn english_and_no_color_work_in_a_real_terminal() {
    let home = tempfile::tempdir().unwrap();
    let t = Tmux::start("english", home.path(), "--lang en");
    t.keys(&[
        "NO_COLOR=1 carnet demo --interactions 100; echo EXIT=$?",
        "Enter",
    ]);
    t.wait_for("Journal · 100");
    t.keys(&["2"]);
    t.wait_for("Network · ");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

/// Sends `signal` to a running Carnet with an unsaved form open: it exits with 128 + the
/// signal, the terminal is restored, the store intact, and the form is offered back.
fn signal_ends_cleanly(signal: &str, number: u8) {
    let home = tempfile::tempdir().unwrap();
    let t = Tmux::start(&format!("sig{signal}"), home.path(), "");
    let data = home.path().join("store-under-test");
    let run = format!(
        "carnet --data-dir {} demo --interactions 50; echo EXIT=$?",
        data.display()
    );
    t.keys(&[&run, "Enter"]);
    t.wait_for("Journal · 50");
    // A new interaction, typed but not saved.
    t.keys(&["n"]);
    t.keys(&["-l", "acc"]);
    t.keys(&["Enter"]);
    t.keys(&["-l", "log"]);
    t.keys(&["Enter"]);
    t.keys(&["-l", "Brouillon gardé"]);
    t.wait_for("Brouillon gardé");
    let pid = t.format("#{pane_pid}");
    // The carnet process is the shell's child.
    let out = Command::new("pgrep").args(["-P", &pid]).output().unwrap();
    let child = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!child.is_empty(), "carnet process not found");
    Command::new("kill")
        .args([&format!("-{signal}"), &child])
        .status()
        .unwrap();
    t.wait_for(&format!("EXIT={}", 128 + u16::from(number)));
    t.assert_restored();
    assert!(
        carnet::storage::StoreLock::holder(&data).is_none(),
        "lock released"
    );
    {
        let store = carnet::storage::Store::open(&data).unwrap();
        assert_eq!(
            store.load().unwrap().0.interactions.len(),
            50,
            "store intact"
        );
    }
    // The next start offers the form back; yes reopens it with its text.
    t.keys(&["clear", "Enter"]);
    let reopen = format!("carnet --data-dir {}; echo EXIT=$?", data.display());
    t.keys(&[&reopen, "Enter"]);
    t.wait_for("Le reprendre ?");
    t.keys(&["o"]);
    t.wait_for("Brouillon gardé");
    t.keys(&["C-s"]);
    t.wait_for("Journal · 51");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    assert!(
        !data.join("brouillon.json").exists(),
        "the kept form is gone once resumed"
    );
}

#[test]
#[cfg_attr(
    tmux_missing,
    ignore = "tmux is not installed: install it to run the end-to-end tests"
)]
fn sighup_keeps_the_form_exits_129_and_restores_the_terminal() {
    signal_ends_cleanly("HUP", 1);
}

#[test]
#[cfg_attr(
    tmux_missing,
    ignore = "tmux is not installed: install it to run the end-to-end tests"
)]
fn sigterm_keeps_the_form_exits_143_and_restores_the_terminal() {
    signal_ends_cleanly("TERM", 15);
}

#[test]
#[cfg_attr(
    tmux_missing,
    ignore = "tmux is not installed: install it to run the end-to-end tests"
)]
fn sigint_keeps_the_form_exits_130_and_restores_the_terminal() {
    signal_ends_cleanly("INT", 2);
}

#[test]
#[cfg_attr(
    tmux_missing,
    ignore = "tmux is not installed: install it to run the end-to-end tests"
)]
fn sigquit_restores_the_terminal_like_the_others() {
    signal_ends_cleanly("QUIT", 3);
}

#[test]
#[cfg_attr(
    tmux_missing,
    ignore = "tmux is not installed: install it to run the end-to-end tests"
)]
fn a_second_instance_is_refused_and_says_who_holds_the_store() {
    let home = tempfile::tempdir().unwrap();
    let t = Tmux::start("second", home.path(), "");
    let data = home.path().join("shared");
    t.keys(&[
        &format!(
            "carnet --data-dir {} demo --interactions 30",
            data.display()
        ),
        "Enter",
    ]);
    t.wait_for("Journal · 30");
    let out = Command::new(env!("CARGO_BIN_EXE_carnet"))
        .args(["--data-dir", data.to_str().unwrap()])
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already open by"));
    t.keys(&["q"]);
}

#[test]
#[cfg_attr(
    tmux_missing,
    ignore = "tmux is not installed: install it to run the end-to-end tests"
)]
fn closing_the_terminal_ends_carnet_instead_of_spinning() {
    let home = tempfile::tempdir().unwrap();
    let t = Tmux::start("hangup", home.path(), "");
    let data = home.path().join("closed-terminal");
    t.keys(&[
        &format!(
            "carnet --data-dir {} demo --interactions 40",
            data.display()
        ),
        "Enter",
    ]);
    t.wait_for("Journal · 40");
    let shell = t.format("#{pane_pid}");
    let out = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
    let child = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!child.is_empty());
    let _ = Command::new("tmux")
        .args(["-L", &t.socket, "kill-server"])
        .status();
    let start = Instant::now();
    while Path::new(&format!("/proc/{child}")).exists() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "carnet still running after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(carnet::storage::StoreLock::holder(&data).is_none());
}

/// Run by `a_panic_restores_the_terminal` inside tmux: takes the terminal as Carnet does,
/// then panics.
#[test]
#[ignore = "child of a_panic_restores_the_terminal"]
fn panicking_child() {
    if std::env::var_os("CARNET_PANIC_CHILD").is_none() {
        return;
    }
    let _guard = carnet::runtime::terminal::TerminalGuard::enter().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    panic!("deliberate panic with the terminal in raw mode");
}

#[test]
#[cfg_attr(
    tmux_missing,
    ignore = "tmux is not installed: install it to run the end-to-end tests"
)]
fn a_panic_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let t = Tmux::start("panic", home.path(), "");
    let exe = std::env::current_exe().unwrap();
    t.keys(&[
        &format!(
            "CARNET_PANIC_CHILD=1 {} --exact e2e_tmux::panicking_child --ignored --nocapture; echo DO\"\"NE",
            exe.display()
        ),
        "Enter",
    ]);
    let screen = t.wait_for("DONE\n");
    assert!(
        screen.contains("deliberate panic"),
        "the child ran and panicked:\n{screen}"
    );
    t.assert_restored();
}

#[test]
#[cfg_attr(
    tmux_missing,
    ignore = "tmux is not installed: install it to run the end-to-end tests"
)]
fn an_interaction_logged_survives_quit_and_is_found_after_relaunch() {
    let home = tempfile::tempdir().unwrap();
    let t = Tmux::start("persist", home.path(), "");
    let data = home.path().join("logbook");
    let open = format!("carnet --data-dir {}; echo EXIT=$?", data.display());
    t.keys(&[&open, "Enter"]);
    t.wait_for("Journal · 0");
    t.keys(&["n"]);
    t.wait_for("Nouvelle interaction");
    t.keys(&["acc"]);
    t.wait_for("› acc");
    t.keys(&["Enter"]);
    t.keys(&["num"]);
    t.wait_for("› num");
    t.keys(&["Enter"]);
    t.keys(&["-l", "Créer une adresse électronique"]);
    t.wait_for("Créer une adresse électronique");
    t.keys(&["C-s"]);
    t.wait_for("Journal · 1");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.keys(&["clear", "Enter"]);
    t.keys(&[&open, "Enter"]);
    t.wait_for("Journal · 1");
    t.keys(&["/"]);
    t.keys(&["-l", "electronique"]);
    let screen = t.wait_for("Journal · 1 / 1 · / electronique");
    assert!(screen.contains("Créer une adresse"), "{screen}");
    t.keys(&["Escape"]);
    t.keys(&["q"]);
}

#[test]
#[cfg_attr(
    tmux_missing,
    ignore = "tmux is not installed: install it to run the end-to-end tests"
)]
fn a_deletion_in_the_interface_is_erased_from_the_files_when_it_quits() {
    let home = tempfile::tempdir().unwrap();
    let demo = home.path().join("carnet");
    let generated = Command::new(env!("CARGO_BIN_EXE_carnet"))
        .env("CARNET_TODAY", "2026-11-27T10:30:00")
        .env("HOME", home.path())
        .args([
            "--data-dir",
            demo.to_str().unwrap(),
            "demo",
            "--generate-only",
            "--interactions",
            "300",
        ])
        .output()
        .unwrap();
    assert!(generated.status.success());
    // The newest interaction's request: the journal opens on it.
    let (data, _) = carnet::storage::Store::open(&demo).unwrap().load().unwrap();
    let newest = data
        .interactions
        .iter()
        .max_by_key(|i| (i.date, i.heure, i.meta.id))
        .unwrap();
    let needle = newest.demande.to_string();
    assert!(needle.len() > 10, "{needle:?}");
    let t = Tmux::start("rebuild", home.path(), "");
    t.keys(&[
        &format!("carnet --data-dir {}; echo EXIT=$?", demo.display()),
        "Enter",
    ]);
    t.wait_for("Journal · 300");
    t.keys(&["d"]);
    t.wait_for("Supprimer");
    t.keys(&["o"]);
    t.wait_for("Journal · 299");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
    assert!(!carnet::storage::rebuild_due(&demo));
    let left = crate::storage::files_holding(&demo.join("store"), needle.as_bytes());
    // Other interactions may share the request's words; the deleted one's id is gone.
    let (after, _) = carnet::storage::Store::open(&demo).unwrap().load().unwrap();
    assert!(
        after
            .find::<carnet::domain::Interaction>(newest.meta.id)
            .is_none()
    );
    let still_used = after
        .interactions
        .iter()
        .any(|i| i.demande == newest.demande);
    assert!(still_used || left.is_empty(), "{left:?}");
}

#[test]
#[cfg_attr(
    tmux_missing,
    ignore = "tmux is not installed: install it to run the end-to-end tests"
)]
fn a_note_and_an_export_from_another_terminal_go_through_the_open_interface() {
    let home = tempfile::tempdir().unwrap();
    let t = Tmux::start("remote", home.path(), "");
    let data = home.path().join("carnet-ouvert");
    t.keys(&[
        &format!(
            "carnet --data-dir {} demo --interactions 80; echo EXIT=$?",
            data.display()
        ),
        "Enter",
    ]);
    t.wait_for("Journal · 80");
    // Another terminal: the same user, the same carnet.
    let bin = env!("CARGO_BIN_EXE_carnet");
    let other = |args: &[&str]| {
        Command::new(bin)
            .env_clear()
            .env("HOME", home.path())
            .env("PATH", "/usr/bin:/bin")
            .env("CARNET_TODAY", "2026-11-27T10:30:00")
            .current_dir(home.path())
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .output()
            .unwrap()
    };
    let out = other(&[
        "note",
        "--theme",
        "logement",
        "Appel du bailleur pour une fuite",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Interaction notée ("));
    t.wait_for("Appel du bailleur pour une");
    // The status line can come a frame after the row (a capture may fall between the
    // two): wait for it as well.
    let screen = t.wait_for("ajoutée depuis un autre terminal");
    assert!(screen.contains("Journal · 81"), "{screen}");
    assert!(screen.contains("Appel du bailleur pour une"), "{screen}");
    // An export while it is open: written where it was asked, from where it was typed.
    let out = other(&[
        "export", "--what", "journal", "--format", "csv", "-o", "j.csv",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(home.path().join("j.csv")).unwrap();
    assert_eq!(csv.lines().count(), 82, "a header and 81 interactions");
    // What rewrites the store still waits for the interface to close.
    let out = other(&["compact"]);
    assert_eq!(out.status.code(), Some(3));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
    // The note was stored once; the socket went with the session.
    let store = carnet::storage::Store::open(&data).unwrap();
    let all: Vec<carnet::domain::Interaction> = store.all().unwrap();
    assert_eq!(
        all.iter()
            .filter(|i| i.demande == "Appel du bailleur pour une fuite")
            .count(),
        1
    );
    assert_eq!(all.len(), 81);
    assert!(!data.join("carnet.sock").exists());
}
