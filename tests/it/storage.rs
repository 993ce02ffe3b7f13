#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common;

use carnet::domain::*;
use carnet::export::json;
use carnet::storage::{Index, LockError, Store, StoreError, StoreLock};

#[test]
fn every_record_kind_round_trips_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = common::sample(300);
    // The demo never changes the plan de classement: one change of the team's.
    data.plan.push(PlanNode {
        meta: RecordMeta::new(Id(7), Timestamp(7)),
        code: "partenaires/sante".into(),
        parent: Some("partenaires".into()),
        libelle: "Santé".into(),
        supprime: false,
    });
    {
        let store = Store::open(dir.path()).unwrap();
        for &kind in RecordKind::ALL {
            assert!(data.count(kind) > 0, "the sample has {}", kind.name());
            for i in 0..data.count(kind) {
                let record = data.get_at(kind, i).unwrap();
                store
                    .commit(&Changes {
                        put: vec![record],
                        remove: Vec::new(),
                    })
                    .unwrap();
            }
        }
    }
    // Reopened: what was written is what is read.
    let store = Store::open(dir.path()).unwrap();
    let (loaded, failures) = store.load().unwrap();
    assert!(failures.is_empty());
    assert_eq!(loaded, data);
}

#[test]
fn bulk_insert_matches_single_writes_including_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let data = common::sample(200);
    let store = Store::open(dir.path()).unwrap();
    store.insert_all(&data).unwrap();
    let (loaded, _) = store.load().unwrap();
    assert_eq!(loaded, data);
    assert_eq!(
        store.index_len(Index::InteractionDate).unwrap(),
        data.interactions.len()
    );
    assert_eq!(
        store.index_len(Index::ContactStructure).unwrap(),
        data.contacts.len()
    );
    assert_eq!(
        store.index_len(Index::SuiviCode).unwrap(),
        data.suivis.len()
    );
    assert_eq!(
        store.index_len(Index::Evidence).unwrap(),
        data.evidence().count()
    );
}

/// An export that needs a few kinds reads those, whole, and nothing else.
#[test]
fn loading_some_kinds_reads_those_only() {
    use carnet::domain::RecordKind;
    let dir = tempfile::tempdir().unwrap();
    let data = common::sample(200);
    let store = Store::open(dir.path()).unwrap();
    store.insert_all(&data).unwrap();
    let (some, failures) = store
        .load_only(&[RecordKind::Structure, RecordKind::Contact])
        .unwrap();
    assert!(failures.is_empty());
    assert_eq!(some.structures, data.structures);
    assert_eq!(some.contacts, data.contacts);
    for kind in RecordKind::ALL {
        if !matches!(kind, RecordKind::Structure | RecordKind::Contact) {
            assert_eq!(some.count(*kind), 0, "{kind:?}");
        }
    }
    assert!(
        data.interactions.len() > 100,
        "the sample holds a journal to leave"
    );
}

/// The full JSON export streams from the store: the same bytes as the loaded dataset's,
/// what does not decode left out and counted, as loading leaves it out.
#[test]
fn the_streamed_export_is_the_loaded_dataset_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let data = common::sample(300);
    let store = Store::open(dir.path()).unwrap();
    store.insert_all(&data).unwrap();
    store
        .put_raw("interactions", &[0, 0, 1, 2, 3, 4, 5, 6], b"not a record")
        .unwrap();
    let (loaded, failures) = store.load().unwrap();
    assert_eq!(failures.len(), 1);
    let streamed = store.streamed();
    let mut bytes = Vec::new();
    carnet::export::json::write_records(&mut bytes, &streamed, true).unwrap();
    assert_eq!(streamed.failures(), 1);
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        carnet::export::json::to_json(&loaded)
    );
    assert_eq!(loaded.interactions.len(), data.interactions.len());
}

#[test]
fn a_loaded_journal_keeps_each_distinct_list_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = common::sample(300);
    let store = Store::open(dir.path()).unwrap();
    store.insert_all(&data).unwrap();
    let (loaded, failures) = store.load().unwrap();
    assert!(failures.is_empty());
    // Equal to what was written, field for field…
    assert_eq!(loaded.interactions, data.interactions);
    // …and every pair of equal lists is one list in memory.
    let pairs = |list: fn(&Interaction) -> &SharedList<Text>| {
        let mut equal = 0;
        for (n, a) in loaded.interactions.iter().enumerate() {
            for b in &loaded.interactions[n + 1..] {
                if list(a) == list(b) {
                    equal += 1;
                    assert!(std::sync::Arc::ptr_eq(list(a), list(b)));
                }
            }
        }
        equal
    };
    assert!(pairs(|i| &i.types) > 0);
    assert!(pairs(|i| &i.thematiques) > 0);
    assert!(pairs(|i| &i.reponses) > 0);
    let attributs: Vec<&SharedList<AttributCount>> = loaded
        .interactions
        .iter()
        .filter_map(|i| match &i.personnes {
            Personnes::Anonyme(p) if !p.attributs.is_empty() => Some(&p.attributs),
            _ => None,
        })
        .collect();
    let first = attributs[0];
    let same: Vec<_> = attributs.iter().filter(|a| ***a == *first).collect();
    assert!(same.len() > 1);
    assert!(same.iter().all(|a| std::sync::Arc::ptr_eq(a, first)));
}

/// The first screen's rows come from the date index: the newest interactions, and the
/// whole of the oldest day read, so they are exactly the journal's first rows once all is
/// loaded.
#[test]
fn the_newest_interactions_are_whole_days_from_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = common::sample(300);
    // Three on the newest day but one, so asking for two more than the newest day's
    // count must take all three.
    let newest = data.interactions.iter().map(|i| i.date).max().unwrap();
    let day_before = newest.pred_opt().unwrap();
    data.interactions.retain(|i| i.date != day_before);
    for it in data.interactions.iter_mut().take(3) {
        it.date = day_before;
    }
    let store = Store::open(dir.path()).unwrap();
    store.insert_all(&data).unwrap();
    let on_newest = data
        .interactions
        .iter()
        .filter(|i| i.date == newest)
        .count();
    let got = store.newest_interactions(on_newest + 2).unwrap();
    assert_eq!(got.len(), on_newest + 3);
    let mut expected: Vec<_> = data
        .interactions
        .iter()
        .filter(|i| i.date >= day_before)
        .map(|i| i.meta.id)
        .collect();
    let mut ids: Vec<_> = got.iter().map(|i| i.meta.id).collect();
    expected.sort();
    ids.sort();
    assert_eq!(ids, expected);
    // More than the store holds: all of it.
    assert_eq!(
        store.newest_interactions(10_000).unwrap().len(),
        data.interactions.len()
    );
}

#[test]
fn updating_and_deleting_a_record_rewrites_its_index_entries() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut it = common::sample(50).interactions.remove(0);
    it.meta.evidence.clear();
    store.put(&it).unwrap();
    assert_eq!(store.index_len(Index::InteractionDate).unwrap(), 1);
    assert_eq!(store.index_len(Index::Evidence).unwrap(), 0);

    it.date = it.date.succ_opt().unwrap();
    it.meta.evidence.push(EvidenceLink {
        competence: "tms-2004/CCP2.C3".into(),
        strength: Strength::Principale,
        justification: "Information donnée".into(),
        date: it.date,
    });
    store.put(&it).unwrap();
    assert_eq!(
        store.index_len(Index::InteractionDate).unwrap(),
        1,
        "old date entry removed"
    );
    assert_eq!(store.index_len(Index::Evidence).unwrap(), 1);

    store
        .commit(&Changes {
            put: Vec::new(),
            remove: vec![(RecordKind::Interaction, it.meta.id)],
        })
        .unwrap();
    assert_eq!(store.index_len(Index::InteractionDate).unwrap(), 0);
    assert_eq!(store.index_len(Index::Evidence).unwrap(), 0);
    assert!(store.load().unwrap().0.interactions.is_empty());
}

#[test]
fn a_change_of_several_kinds_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let data = common::sample(20);
    store.insert_all(&data).unwrap();
    // Delete a structure, relink a rencontre and add a contact: one commit.
    let structure = data.structures[0].clone();
    let mut rencontre = data.rencontres[0].clone();
    rencontre.structures.clear();
    let mut contact = data.contacts[0].clone();
    contact.meta.id = carnet::domain::Id(contact.meta.id.0 + 999_999);
    contact.structure = data.structures[1].meta.id;
    let contacts_by_structure = store.index_len(Index::ContactStructure).unwrap();
    store
        .commit(&Changes {
            put: vec![
                AnyRecord::Rencontre(Box::new(rencontre.clone())),
                AnyRecord::Contact(Box::new(contact.clone())),
            ],
            remove: vec![(RecordKind::Structure, structure.meta.id)],
        })
        .unwrap();
    drop(store);
    let (loaded, failures) = Store::open(dir.path()).unwrap().load().unwrap();
    assert!(failures.is_empty());
    assert!(loaded.find::<Structure>(structure.meta.id).is_none());
    assert_eq!(
        loaded.find::<Rencontre>(rencontre.meta.id),
        Some(&rencontre)
    );
    assert_eq!(loaded.find::<Contact>(contact.meta.id), Some(&contact));
    assert_eq!(loaded.structures.len(), data.structures.len() - 1);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.index_len(Index::ContactStructure).unwrap(),
        contacts_by_structure + 1,
        "the new contact is indexed under its structure"
    );
}

#[test]
fn a_second_open_is_refused_with_who_holds_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let _first = Store::open(dir.path()).unwrap();
    match Store::open(dir.path()) {
        Err(StoreError::Lock(LockError::Held(owner))) => {
            assert_eq!(owner.pid, std::process::id());
            assert!(!owner.host.is_empty() && owner.host != "?");
        }
        other => panic!("expected a lock refusal, got {:?}", other.err()),
    }
    assert_eq!(
        StoreLock::holder(dir.path()).map(|o| o.pid),
        Some(std::process::id())
    );
}

#[test]
fn the_lock_is_released_when_the_store_closes() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    assert!(StoreLock::holder(dir.path()).is_none());
    Store::open(dir.path()).unwrap();
}

#[test]
fn a_store_from_a_newer_schema_is_refused_and_left_unmodified() {
    let dir = tempfile::tempdir().unwrap();
    let data = common::sample(30);
    {
        let store = Store::open(dir.path()).unwrap();
        store.insert_all(&data).unwrap();
        store.set_schema_version(99).unwrap();
    }
    let before = snapshot(dir.path());
    match Store::open(dir.path()) {
        Err(StoreError::NewerSchema {
            found: 99,
            supported,
            ..
        }) => assert_eq!(supported, 1),
        other => panic!("expected a schema refusal, got {:?}", other.err()),
    }
    assert!(
        before == snapshot(dir.path()),
        "the refused store's files changed"
    );
}

/// Every file under the store folder with its bytes (the lock file aside).
fn snapshot(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walk(dir)
        .into_iter()
        .filter(|p| p.is_file() && !p.ends_with("carnet.lock"))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn an_undecodable_record_is_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let data = common::sample(40);
    let store = Store::open(dir.path()).unwrap();
    store.insert_all(&data).unwrap();
    let bad = Id::from_parts(1, 0);
    store
        .put_raw("interactions", &bad.to_key(), &[0xFF, 0x00, 0x13])
        .unwrap();
    let (loaded, failures) = store.load().unwrap();
    assert_eq!(loaded.interactions.len(), data.interactions.len());
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].tree, "interactions");
    assert_eq!(failures[0].key, bad.to_string());
}

#[cfg(unix)]
#[test]
fn the_store_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("carnet");
    let store = Store::open(&data_dir).unwrap();
    store.insert_all(&common::sample(20)).unwrap();
    drop(store);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data_dir), 0o700);
    for entry in walk(&data_dir) {
        let expected = if entry.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(&entry), expected, "{}", entry.display());
    }
}

#[cfg(unix)]
#[test]
fn opening_a_store_leaves_what_is_not_carnets_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("carnet");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&data_dir).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    let set = |p: &std::path::Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
    };
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    set(&data_dir, 0o755);
    set(&outside, 0o755);
    let script = data_dir.join("sauver.sh");
    std::fs::write(&script, "#!/bin/sh\nexit 0\n").unwrap();
    set(&script, 0o755);
    let shared = outside.join("notes.txt");
    std::fs::write(&shared, "x").unwrap();
    set(&shared, 0o644);
    std::os::unix::fs::symlink(&outside, data_dir.join("partage")).unwrap();
    for _ in 0..2 {
        let store = Store::open(&data_dir).unwrap();
        store.insert_all(&common::sample(20)).unwrap();
    }
    assert_eq!(
        mode(&script),
        0o755,
        "a script in the data dir keeps its exec bit"
    );
    assert_eq!(
        mode(&data_dir),
        0o755,
        "a folder the user made keeps its mode"
    );
    assert_eq!(mode(&outside), 0o755, "a linked folder is not followed");
    assert_eq!(mode(&shared), 0o644);
    assert_eq!(mode(&data_dir.join("store")), 0o700);
    assert_eq!(mode(&data_dir.join("carnet.schema")), 0o600);
}

#[test]
fn a_schema_file_that_is_not_a_number_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.insert_all(&common::sample(20)).unwrap();
    }
    for bad in ["2.0\n", "\u{feff}1\n", "", "  \n", "1 2"] {
        std::fs::write(dir.path().join("carnet.schema"), bad).unwrap();
        let before = snapshot(dir.path());
        match Store::open(dir.path()) {
            Err(StoreError::BadSchemaFile { path }) => {
                assert!(path.ends_with("carnet.schema"))
            }
            other => panic!("{bad:?}: expected a refusal, got {:?}", other.err()),
        }
        assert!(before == snapshot(dir.path()), "{bad:?}: files changed");
    }
    std::fs::write(dir.path().join("carnet.schema"), "1\n").unwrap();
    let (data, _) = Store::open(dir.path()).unwrap().load().unwrap();
    assert_eq!(data.interactions.len(), 20);
}

#[test]
fn a_snapshot_interrupted_by_a_kill_is_moved_aside_and_every_record_comes_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("c");
    common::fixture_copy("sled-interrupted-snapshot", &dir);
    let unfinished = dir.as_path().join("store/snap.00000000000009EC.generating");
    assert!(unfinished.exists());
    {
        let store = Store::open(dir.as_path()).unwrap();
        assert_eq!(store.recovered(), ["snap.00000000000009EC.generating"]);
        let (data, failures) = store.load().unwrap();
        assert_eq!(data.interactions.len(), 8, "every acknowledged record");
        assert!(failures.is_empty());
    }
    assert!(!unfinished.exists());
    let aside: Vec<_> = std::fs::read_dir(dir.as_path().join("recuperation"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(aside.len(), 1, "moved, never deleted");
    assert!(aside[0].starts_with("snap.00000000000009EC.generating."));
    let again = Store::open(dir.as_path()).unwrap();
    assert!(again.recovered().is_empty());
    assert_eq!(again.load().unwrap().0.interactions.len(), 8);
}

#[test]
fn a_store_that_cannot_be_recovered_is_left_exactly_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("c");
    common::fixture_copy("sled-interrupted-snapshot", &dir);
    // Without its log, nothing can bring the store back: the unfinished snapshot stays put.
    std::fs::write(dir.as_path().join("store/snap.0000000000000924"), b"broken").unwrap();
    std::fs::remove_file(dir.as_path().join("store/db")).unwrap();
    std::fs::write(dir.as_path().join("store/db"), vec![0xAB; 1024]).unwrap();
    let before = snapshot(dir.as_path());
    assert!(matches!(
        Store::open(dir.as_path()),
        Err(StoreError::Sled { .. })
    ));
    assert!(before == snapshot(dir.as_path()), "files changed");
    assert!(
        dir.as_path()
            .join("store/snap.00000000000009EC.generating")
            .exists()
    );
}

#[test]
fn a_store_read_from_a_copy_is_left_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let data = common::sample(60);
    Store::open(dir.path()).unwrap().insert_all(&data).unwrap();
    let before = snapshot(dir.path());
    {
        let store = Store::open_read_only(dir.path()).unwrap();
        assert!(store.is_read_only_copy());
        let (loaded, failures) = store.load().unwrap();
        assert_eq!(loaded.interactions.len(), data.interactions.len());
        assert!(failures.is_empty());
        // Even a write lands in the copy, never in the store.
        store.put(&data.interactions[0]).unwrap();
    }
    assert!(before == snapshot(dir.path()), "the store's files changed");
}

/// A real full disk: a 3 MiB tmpfs, filled. Needs root to mount, so not in the normal run:
/// `cargo test storage:: -- --ignored`.
#[test]
#[ignore = "mounts a tmpfs: needs root"]
fn on_a_full_disk_exports_and_doctor_still_work() {
    let mount = tempfile::tempdir().unwrap();
    let ok = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=3m", "tmpfs"])
        .arg(mount.path())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("cannot mount a tmpfs here: skipped");
        return;
    }
    struct Unmount<'a>(&'a std::path::Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(self.0).status();
        }
    }
    let _unmount = Unmount(mount.path());
    let data_dir = mount.path().join("carnet");
    Store::open(&data_dir)
        .unwrap()
        .insert_all(&common::sample(200))
        .unwrap();
    let fill = std::process::Command::new("dd")
        .args(["if=/dev/zero", "bs=4k"])
        .arg(format!("of={}", mount.path().join("plein").display()))
        .output()
        .unwrap();
    assert!(!fill.status.success(), "the disk is full");
    let err = Store::open(&data_dir).err().expect("cannot open in place");
    assert!(carnet::storage::cannot_write(&err), "{err}");
    let store = Store::open_read_only(&data_dir).unwrap();
    assert_eq!(store.load().unwrap().0.interactions.len(), 200);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

#[test]
fn json_export_import_export_is_identical() {
    let data = common::sample(250);
    let first = json::to_json(&data);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.insert_all(&json::from_json(&first).unwrap()).unwrap();
    let (reloaded, _) = store.load().unwrap();
    assert_eq!(json::to_json(&reloaded), first);
}

#[test]
fn json_import_refuses_other_files_with_a_position() {
    assert!(matches!(
        json::from_json(
            "{\"format\":\"other\",\"version\":1,\"records\":{\"interactions\":[],\"suivis\":[],\"structures\":[],\"contacts\":[],\"rencontres\":[],\"veille\":[],\"fiches\":[],\"analyses\":[]}}"
        ),
        Err(json::JsonError::NotCarnet(_))
    ));
    match json::from_json("{\n  \"format\": \"carnet\",\n  oops") {
        Err(json::JsonError::Syntax { line, .. }) => assert_eq!(line, 3),
        other => panic!("{other:?}"),
    }
}

/// Every file under `dir` (backups decompressed) that holds `needle`.
pub(crate) fn files_holding(dir: &std::path::Path, needle: &[u8]) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in walk(dir).into_iter().filter(|p| p.is_file()) {
        let mut bytes = std::fs::read(&entry).unwrap();
        // A backup is searched decompressed; an encrypted one is not gzip: its raw bytes are
        // what anyone holding the file sees.
        if entry.extension().is_some_and(|e| e == "gz") {
            let mut text = Vec::new();
            if std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text)
                .is_ok()
            {
                bytes = text;
            }
        }
        if bytes.windows(needle.len()).any(|w| w == needle) {
            found.push(entry);
        }
    }
    found
}

#[test]
fn a_rebuild_leaves_no_byte_of_a_deleted_record_in_the_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let needle = b"Zorglub-texte-a-effacer-4242";
    let mut data = common::sample(200);
    data.interactions[17].note_pro = String::from_utf8_lossy(needle).as_ref().into();
    let erased = data.interactions[17].meta.id;
    {
        let store = Store::open(dir.path()).unwrap();
        store.insert_all(&data).unwrap();
        store
            .commit(&Changes {
                put: Vec::new(),
                remove: vec![(RecordKind::Interaction, erased)],
            })
            .unwrap();
        // Rewritten many times after: sled's log still keeps the removed value.
        for round in 0..50 {
            let mut it = data.interactions[3].clone();
            it.demande = format!("réécrit {round}").into();
            store.put(&it).unwrap();
        }
    }
    assert!(
        !files_holding(dir.path(), needle).is_empty(),
        "sled keeps removed values: the test would prove nothing otherwise"
    );
    let rebuilt = Store::rebuild(dir.path(), |_| {}).unwrap();
    assert!(rebuilt.data.find::<Interaction>(erased).is_none());
    assert_eq!(
        files_holding(dir.path(), needle),
        Vec::<std::path::PathBuf>::new()
    );
    // The live records are all there.
    let (loaded, failures) = Store::open(dir.path()).unwrap().load().unwrap();
    assert!(failures.is_empty());
    assert_eq!(loaded.interactions.len(), data.interactions.len() - 1);
    assert_eq!(loaded, rebuilt.data);
}

#[test]
fn an_encrypted_store_holds_no_readable_text_and_opens_only_with_its_passphrase() {
    use carnet::storage::{Encryption, crypt};
    let dir = tempfile::tempdir().unwrap();
    let needle = b"Texte-chiffre-Q4Z8";
    let mut data = common::sample(150);
    data.interactions[5].demande = String::from_utf8_lossy(needle).as_ref().into();
    Store::open(dir.path()).unwrap().insert_all(&data).unwrap();
    crypt::forget_passphrase();
    let rebuilt = Store::rebuild_with(
        dir.path(),
        Encryption::Encrypt("une phrase de passe".into()),
        |_| {},
    )
    .unwrap();
    assert_eq!(rebuilt.data, data);
    assert!(carnet::storage::is_encrypted(dir.path()));
    let store_dir = dir.path().join("store");
    assert_eq!(
        files_holding(&store_dir, needle),
        Vec::<std::path::PathBuf>::new()
    );
    // No passphrase, a wrong one: the store says so and stays as it is.
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::Encrypted { .. })
    ));
    crypt::set_passphrase("une autre".into());
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::WrongPassphrase { .. })
    ));
    crypt::set_passphrase("une phrase de passe".into());
    let store = Store::open(dir.path()).unwrap();
    assert!(store.is_sealed());
    assert_eq!(store.load().unwrap().0, data);
    // No index: its keys would show what the values hide (codes, dates).
    assert_eq!(store.index_len(Index::SuiviCode).unwrap(), 0);
    assert_eq!(store.index_len(Index::InteractionDate).unwrap(), 0);
    let mut it = data.interactions[9].clone();
    it.demande = "Nouvelle demande chiffrée".into();
    store.put(&it).unwrap();
    drop(store);
    assert!(files_holding(&store_dir, b"Nouvelle demande").is_empty());
    // A rebuild draws a new data key.
    let envelope = |d: &std::path::Path| {
        let s = Store::open(d).unwrap();
        s.load().unwrap().0
    };
    let before = envelope(dir.path());
    Store::rebuild(dir.path(), |_| {}).unwrap();
    assert_eq!(envelope(dir.path()), before);
    // Back to plain values.
    Store::rebuild_with(dir.path(), Encryption::Decrypt, |_| {}).unwrap();
    assert!(!carnet::storage::is_encrypted(dir.path()));
    crypt::forget_passphrase();
    let store = Store::open(dir.path()).unwrap();
    assert!(!store.is_sealed());
    assert_eq!(
        store.load().unwrap().0.interactions.len(),
        data.interactions.len()
    );
}
