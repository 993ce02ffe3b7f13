//! The open interface serving another terminal, in one process: the socket, the same
//! command code, the records shown at once, and what is refused.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common::{self, press, typed};
use carnet::app::{App, Modal, Msg};
use carnet::config::keymap::Key;
use carnet::domain::{Interaction, Lang};
use carnet::runtime::remote::{self, Answer, Request, Server};
use carnet::storage::Store;
use std::path::Path;

struct Open {
    _home: tempfile::TempDir,
    dir: std::path::PathBuf,
    store: Store,
    server: Server,
    app: App,
}

/// A carnet open in an interface (the demo's records), listening for other terminals.
fn open() -> Open {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("carnet");
    let store = Store::open(&dir).unwrap();
    let data = common::sample(40);
    store.insert_all(&data).unwrap();
    let server = Server::start(&dir).unwrap();
    let mut app = App::new(common::config(Lang::Fr), data, common::now());
    app.update(Msg::Resize(100, 30));
    Open {
        _home: home,
        dir,
        store,
        server,
        app,
    }
}

fn request(dir: &Path, cwd: &Path, args: &[&str]) -> Request {
    let mut all = vec!["--data-dir".to_string(), dir.display().to_string()];
    all.extend(args.iter().map(|a| a.to_string()));
    Request {
        version: remote::VERSION,
        args: all,
        cwd: cwd.to_path_buf(),
        env: vec![("LANG".into(), "fr_FR.UTF-8".into())],
    }
}

/// Sends a command line from another thread, as another terminal would (in `cwd`, for the
/// carnet `dir`), while the interface serves between two events.
fn send(o: &mut Open, dir: &Path, cwd: &Path, args: &[&str]) -> Answer {
    let request = request(dir, cwd, args);
    let dir = o.dir.clone();
    let client = std::thread::spawn(move || remote::send(&dir, &request));
    loop {
        for msg in carnet::runtime::serve_pending(&o.server, &o.store, &carnet::cli::remote::serve)
        {
            o.app.update(msg);
        }
        if client.is_finished() {
            return client.join().unwrap().unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_note_from_another_terminal_is_stored_once_and_shown_with_the_open_form_untouched() {
    let mut o = open();
    let dir = o.dir.clone();
    let before = o.app.data().interactions.len();
    let selected = o
        .app
        .selected_interaction()
        .map(|i| o.app.data().interactions[i].meta.id);
    // A form half-typed in the interface.
    press(&mut o.app, Key::char('n'));
    typed(&mut o.app, "acc");
    let cwd = dir.clone();
    let answer = send(
        &mut o,
        &dir,
        &cwd,
        &["note", "--theme", "logement", "Dossier APL"],
    );
    assert_eq!(answer.code, 0, "{}", text(&answer.stderr));
    assert!(text(&answer.stdout).starts_with("Interaction notée ("));
    // Two notes in the same millisecond (the clock is fixed): two records.
    let answer = send(&mut o, &dir, &cwd, &["note", "--quiet", "Relance"]);
    assert_eq!(answer.code, 0, "{}", text(&answer.stderr));
    let stored: Vec<Interaction> = o.store.all().unwrap();
    assert_eq!(stored.len(), before + 2);
    assert_eq!(o.app.data().interactions.len(), before + 2, "shown at once");
    let mut ids: Vec<_> = stored.iter().map(|i| i.meta.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), before + 2, "distinct ids");
    // The form is as it was, and so is the selection under it.
    match o.app.modals().last() {
        Some(Modal::Picker(p)) => assert_eq!(p.query.text(), "acc"),
        other => panic!("the form's picker is still open: {other:?}"),
    }
    assert_eq!(
        o.app
            .selected_interaction()
            .map(|i| o.app.data().interactions[i].meta.id),
        selected
    );
    assert!(
        o.app
            .status()
            .is_some_and(|s| s.text.contains("ajoutée depuis un autre terminal"))
    );
}

#[test]
fn an_export_is_written_where_it_was_asked_and_matches_a_closed_store() {
    let mut o = open();
    let dir = o.dir.clone();
    let cwd = tempfile::tempdir().unwrap();
    let answer = send(
        &mut o,
        &dir,
        cwd.path(),
        &[
            "export", "--what", "journal", "--format", "csv", "-o", "j.csv",
        ],
    );
    assert_eq!(answer.code, 0, "{}", text(&answer.stderr));
    let served = std::fs::read(cwd.path().join("j.csv")).unwrap();
    // The same command on the store closed gives the same bytes.
    let Open { store, server, .. } = o;
    drop(server);
    drop(store);
    let out = crate::cli::carnet(
        cwd.path(),
        &[
            "--data-dir",
            dir.to_str().unwrap(),
            "export",
            "--what",
            "journal",
            "--format",
            "csv",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(served, out.stdout);
}

#[test]
fn what_rewrites_the_store_or_names_another_carnet_is_refused_and_the_guard_still_asks() {
    let mut o = open();
    let dir = o.dir.clone();
    let cwd = dir.clone();
    let answer = send(&mut o, &dir, &cwd, &["compact"]);
    assert_eq!(answer.code, 3);
    assert!(text(&answer.stderr).contains("attend que l'interface ouverte soit fermée"));
    let elsewhere = tempfile::tempdir().unwrap();
    let answer = send(&mut o, elsewhere.path(), &cwd, &["note", "Ailleurs"]);
    assert_eq!(answer.code, 3);
    assert!(text(&answer.stderr).contains("un autre carnet"));
    // A name in the demande: refused without --yes, as on a closed store.
    let before = o.app.data().interactions.len();
    let answer = send(
        &mut o,
        &dir,
        &cwd,
        &["note", "Appel de Mme Fatou Diallo au 06 12 34 56 78"],
    );
    assert_eq!(answer.code, 2, "{}", text(&answer.stderr));
    assert!(
        text(&answer.stderr).contains("--yes"),
        "{}",
        text(&answer.stderr)
    );
    assert_eq!(o.app.data().interactions.len(), before);
}
