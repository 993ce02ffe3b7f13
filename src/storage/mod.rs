//! The only module that knows sled. One tree per record kind, explicit index trees, a `meta`
//! tree; every user-level save is one transaction over a record and its index entries,
//! followed by a flush.

pub mod audit;
pub mod backup;
pub mod codec;
pub mod crypt;
pub mod lock;

pub use codec::{CodecError, SCHEMA_VERSION, Stored};
pub use lock::{LockError, LockOwner, StoreLock};

use crate::domain::*;
use serde::Serialize;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

const META_TREE: &str = "meta";
const META_SCHEMA: &[u8] = b"schema_version";
const META_CREATED_BY: &[u8] = b"created_by";
const META_DEMO_SEED: &[u8] = b"demo_seed";
/// The data key, wrapped under the passphrase, in an encrypted store.
const META_CRYPT: &[u8] = b"chiffrement";

/// Says, beside the store, that it is encrypted: commands ask the passphrase before opening.
pub const ENCRYPTED_MARK: &str = "carnet.chiffre";

/// Whether the store in `data_dir` says it is encrypted.
pub fn is_encrypted(data_dir: &Path) -> bool {
    std::fs::symlink_metadata(data_dir.join(ENCRYPTED_MARK)).is_ok_and(|m| m.is_file())
}

/// The keys of an encrypted store: the passphrase's (for its envelope and its backups) and
/// the data key that seals its values.
#[derive(Clone)]
pub struct Seal {
    passphrase: crypt::PassphraseKey,
    data: crypt::Sealer,
    envelope: Vec<u8>,
}

/// What a rebuild does to the store's encryption.
pub enum Encryption {
    /// As it is (an encrypted store gets a new data key).
    Keep,
    /// Encrypt it under this passphrase.
    Encrypt(String),
    /// Store the values in plain again.
    Decrypt,
}

impl Seal {
    /// A new data key under `passphrase` (a new store's, or a rebuilt one's).
    fn fresh(passphrase: crypt::PassphraseKey) -> Result<Seal, crypt::SealError> {
        let (data, key) = crypt::Sealer::random();
        let envelope = passphrase.wrap(&key)?;
        Ok(Seal {
            passphrase,
            data,
            envelope,
        })
    }
}
const STORE_DIR: &str = "store";
/// The schema version, mirrored outside sled so a newer store is refused before sled opens
/// it (opening rewrites sled's own files).
const SCHEMA_FILE: &str = "carnet.schema";
/// sled's default cache is 1 GB; the whole dataset lives in memory anyway, so sled keeps
/// little more than what a save touches (a few leaves of a tree and of its indexes).
const CACHE_BYTES: u64 = 2 * 1024 * 1024;
/// How many stored values the reading thread hands to a decoding thread at once.
const BATCH: usize = 512;

/// Secondary indexes, each its own tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Index {
    /// competence id, 0, kind tag, record id → ()
    Evidence,
    /// YYYYMMDD, interaction id → ()
    InteractionDate,
    /// structure id, contact id → ()
    ContactStructure,
    /// suivi code → suivi id
    SuiviCode,
}

impl Index {
    const ALL: [Index; 4] = [
        Index::Evidence,
        Index::InteractionDate,
        Index::ContactStructure,
        Index::SuiviCode,
    ];

    fn tree_name(self) -> &'static str {
        match self {
            Index::Evidence => "idx_evidence",
            Index::InteractionDate => "idx_interactions_date",
            Index::ContactStructure => "idx_contacts_structure",
            Index::SuiviCode => "idx_suivis_code",
        }
    }
}

type IndexEntry = (Index, Vec<u8>, Vec<u8>);

/// Shares a loaded interaction's lists with the equal ones already loaded (the other kinds
/// hold few records and no shared list).
fn share_lists<R: Record>(record: &mut R, pool: &mut ListPool) {
    if let Some(it) = (record as &mut dyn std::any::Any).downcast_mut::<Interaction>() {
        it.share_lists(pool);
    }
}

/// The index entries a record owns; they are rewritten with the record in one transaction.
/// Every kind has its evidence entries; a few kinds have one more lookup.
fn index_entries<R: Record>(r: &R) -> Vec<IndexEntry> {
    let mut entries: Vec<IndexEntry> = r
        .meta()
        .evidence
        .iter()
        .map(|e| {
            let mut key = e.competence.as_bytes().to_vec();
            key.push(0);
            key.push(R::KIND.tag());
            key.extend_from_slice(&r.id().to_key());
            (Index::Evidence, key, Vec::new())
        })
        .collect();
    let any = r as &dyn std::any::Any;
    if let Some(it) = any.downcast_ref::<Interaction>() {
        let mut key = it.date.format("%Y%m%d").to_string().into_bytes();
        key.extend_from_slice(&it.meta.id.to_key());
        entries.push((Index::InteractionDate, key, Vec::new()));
    } else if let Some(c) = any.downcast_ref::<Contact>() {
        let mut key = c.structure.to_key().to_vec();
        key.extend_from_slice(&c.meta.id.to_key());
        entries.push((Index::ContactStructure, key, Vec::new()));
    } else if let Some(s) = any.downcast_ref::<Suivi>() {
        entries.push((
            Index::SuiviCode,
            s.code.as_bytes().to_vec(),
            s.meta.id.to_key().to_vec(),
        ));
    }
    entries
}

/// One record to write (`value` Some) or delete, with the index entries it will own.
struct Write {
    kind: RecordKind,
    id: Id,
    value: Option<Vec<u8>>,
    entries: Vec<IndexEntry>,
}

impl Write {
    fn put<R: Stored>(record: &R) -> Result<Write, StoreError> {
        Ok(Write {
            kind: R::KIND,
            id: record.id(),
            value: Some(record.encode()?),
            entries: index_entries(record),
        })
    }
}

macro_rules! per_kind_storage {
    ($($t:ident => $field:ident),+ $(,)?) => {
        fn write_of(record: &AnyRecord) -> Result<Write, StoreError> {
            match record {
                $(AnyRecord::$t(r) => Write::put(r.as_ref())),+
            }
        }

        /// The index entries of a stored value, to remove them with it (none if it does
        /// not decode: its entries were never trusted).
        fn stored_entries(kind: RecordKind, bytes: &[u8]) -> Vec<IndexEntry> {
            match kind {
                $(RecordKind::$t => $t::decode(bytes)
                    .map(|r| index_entries(&r))
                    .unwrap_or_default()),+
            }
        }

        impl Store {
            /// Writes a whole dataset in batches (demo generation, JSON import): far faster
            /// than one transaction per record. The caller checks the store is empty first.
            pub fn insert_all(&self, data: &Dataset) -> Result<(), StoreError> {
                $(self.insert_kind(&data.$field)?;)+
                self.flush()
            }

            /// Loads every record; values that fail to decode are reported and skipped.
            /// The journal is most of a store: the other kinds load beside it.
            pub fn load(&self) -> Result<(Dataset, Vec<DecodeFailure>), StoreError> {
                let others: Vec<RecordKind> = RecordKind::ALL
                    .iter()
                    .copied()
                    .filter(|k| *k != RecordKind::Interaction)
                    .collect();
                let (journal, rest) = std::thread::scope(|scope| {
                    let rest = scope.spawn(|| self.load_only(&others));
                    let mut failures = Vec::new();
                    let journal = self
                        .load_kind::<Interaction>(&mut failures)
                        .map(|list| (list, failures));
                    (journal, rest.join())
                });
                let (interactions, mut failures) = journal?;
                let (mut data, rest_failures) = rest.map_err(|_| {
                    self.sled_err(sled::Error::ReportableBug("a loading thread stopped".into()))
                })??;
                data.interactions = interactions;
                failures.extend(rest_failures);
                // Keys are ids in big-endian order, so lists arrive sorted; keep the
                // invariant explicit.
                data.sort();
                Ok((data, failures))
            }

            /// Loads the records of `kinds` only, the other lists left empty: what an
            /// export that needs a few kinds reads (a contacts' vCard does not decode the
            /// journal).
            pub fn load_only(
                &self,
                kinds: &[RecordKind],
            ) -> Result<(Dataset, Vec<DecodeFailure>), StoreError> {
                let mut failures = Vec::new();
                let mut data = Dataset {
                    $($field: if kinds.contains(&RecordKind::$t) {
                        self.load_kind(&mut failures)?
                    } else {
                        Vec::new()
                    },)+
                };
                data.sort();
                Ok((data, failures))
            }
        }
    };
}

crate::for_each_kind!(per_kind_storage);

/// Every record of the store as the fields of a `Dataset`, in the same order and shape
/// (its serialisation is byte for byte a loaded dataset's), decoded one at a time as it is
/// written: a full export never holds the records. Values that do not decode are left out
/// and counted.
pub struct Streamed<'a> {
    store: &'a Store,
    failures: std::cell::Cell<usize>,
}

impl Store {
    pub fn streamed(&self) -> Streamed<'_> {
        Streamed {
            store: self,
            failures: std::cell::Cell::new(0),
        }
    }
}

impl Streamed<'_> {
    /// The values left out so far.
    pub fn failures(&self) -> usize {
        self.failures.get()
    }
}

/// One kind's records, streamed from its tree.
struct StreamedKind<'s, 'a, R>(&'s Streamed<'a>, std::marker::PhantomData<R>);

impl<R: Stored + Serialize + Send> Serialize for StreamedKind<'_, '_, R> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let store = self.0.store;
        let tree = store.tree(R::KIND.name()).map_err(S::Error::custom)?;
        let mut seq = serializer.serialize_seq(None)?;
        // Reading and decoding on one thread, writing the text on this one: the two
        // overlap (100 000 interactions to a file: 0.8 → 0.65 s). A plain scan: its pages
        // stay in sled's cache (the export peaks at 79 MB for 100 000 interactions, within
        // its budget), where `scan`'s lookups would cost a quarter of a second.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Option<R>>>(2);
        // Written batches go back to be dropped on the thread that made them: records freed
        // on this one contended with the decoding on the allocator's locks (the overlap
        // then took more time than none).
        let (done_tx, done_rx) = std::sync::mpsc::channel::<Vec<Option<R>>>();
        let read = std::thread::scope(|scope| -> Result<_, S::Error> {
            let reading = scope.spawn(move || -> sled::Result<()> {
                let mut batch = Vec::with_capacity(BATCH);
                for item in tree.iter() {
                    let (key, value) = item?;
                    batch.push(
                        store
                            .plain_value(R::KIND, &key, &value)
                            .and_then(|plain| R::decode(&plain).ok()),
                    );
                    if batch.len() == BATCH {
                        let mut next = done_rx
                            .try_recv()
                            .unwrap_or_else(|_| Vec::with_capacity(BATCH));
                        next.clear();
                        let full = std::mem::replace(&mut batch, next);
                        if tx.send(full).is_err() {
                            return Ok(());
                        }
                    }
                }
                let _ = tx.send(batch);
                Ok(())
            });
            for mut batch in rx {
                for record in batch.iter() {
                    match record {
                        Some(record) => seq.serialize_element(record)?,
                        None => self.0.failures.set(self.0.failures.get() + 1),
                    }
                }
                let _ = done_tx.send(std::mem::take(&mut batch));
            }
            Ok(reading.join())
        })?;
        match read {
            Ok(Ok(())) => seq.end(),
            Ok(Err(e)) => Err(S::Error::custom(e)),
            Err(_) => Err(S::Error::custom("the reading thread stopped")),
        }
    }
}

macro_rules! streamed_dataset {
    ($($t:ident => $field:ident),+ $(,)?) => {
        impl Serialize for Streamed<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let fields = [$(stringify!($field)),+].len();
                let mut out = serializer.serialize_struct("Dataset", fields)?;
                $(out.serialize_field(
                    stringify!($field),
                    &StreamedKind::<$t>(self, std::marker::PhantomData),
                )?;)+
                out.end()
            }
        }
    };
}

crate::for_each_kind!(streamed_dataset);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(
        "the store at {path} was written by a newer Carnet (schema {found}, this one reads up to {supported})"
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path} does not hold a schema version")]
    BadSchemaFile { path: PathBuf },
    #[error("cannot create or read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("store {path}: {source}")]
    Sled { path: PathBuf, source: sled::Error },
    #[error("encoding a record: {0}")]
    Codec(#[from] CodecError),
    #[error("the store at {path} already holds records")]
    NotEmpty { path: PathBuf },
    #[error("the store at {path} is not a demo store")]
    NotDemo { path: PathBuf },
    #[error("{count} record(s) of the store at {path} cannot be read; rebuilding would lose them")]
    Unreadable { path: PathBuf, count: usize },
    #[error("the rebuilt store at {path} did not read back as written; the store is unchanged")]
    Unverified { path: PathBuf },
    #[error("the store at {path} is encrypted: its passphrase is needed")]
    Encrypted { path: PathBuf },
    #[error("wrong passphrase for the store at {path}")]
    WrongPassphrase { path: PathBuf },
    #[error("encrypting: {0}")]
    Seal(#[from] crypt::SealError),
    #[error(
        "not enough room in {path} to rebuild the store: about {needed} bytes needed, {available} free"
    )]
    NoRoom {
        path: PathBuf,
        needed: u64,
        available: u64,
    },
}

/// A rebuilt store: its size on disk before and after, and the records it now holds.
#[derive(Debug)]
pub struct Rebuilt {
    pub before: u64,
    pub after: u64,
    pub data: Dataset,
}

/// Flushes a store from any thread.
#[derive(Clone)]
pub struct Flusher(sled::Db);

impl Flusher {
    pub fn flush(&self) {
        let _ = self.0.flush();
    }
}

/// A stored value that could not be decoded: reported, skipped, never deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeFailure {
    pub tree: String,
    pub key: String,
    pub reason: String,
}

/// What the store says about itself, for `doctor`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreInfo {
    pub schema_version: u32,
    pub created_by: String,
    pub demo_seed: Option<u64>,
    pub size_on_disk: u64,
}

pub struct Store {
    db: sled::Db,
    dir: PathBuf,
    recovered: Vec<String>,
    /// The keys of an encrypted store; `None` for a plain one.
    seal: Option<Seal>,
    _lock: StoreLock,
    /// Set when the store is read from a temporary copy (a full or read-only disk); the copy
    /// is removed after the store (the fields drop in order).
    _copy: Option<TempCopy>,
}

/// A private folder outside the data dir holding a copy of a store that cannot be opened in
/// place; removed when dropped.
struct TempCopy(PathBuf);

impl Drop for TempCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl TempCopy {
    /// A new private folder on the first place that has room: the user's runtime folder and
    /// /dev/shm live in memory, the temporary folder may be on another disk.
    fn with_store(from: &Path) -> std::io::Result<TempCopy> {
        let mut places: Vec<PathBuf> = Vec::new();
        if let Some(run) = std::env::var_os("XDG_RUNTIME_DIR") {
            places.push(PathBuf::from(run));
        }
        places.push(PathBuf::from("/dev/shm"));
        places.push(std::env::temp_dir());
        let mut last = std::io::Error::from(std::io::ErrorKind::StorageFull);
        for place in places {
            let dir = place.join(format!(
                "carnet-lecture-{}-{}",
                std::process::id(),
                crate::clock::now_utc_ms()
            ));
            // mkdir never follows a link nor reuses a folder: this one is new and ours.
            if let Err(e) = std::fs::DirBuilder::new().mode(0o700).create(&dir) {
                last = e;
                continue;
            }
            let copy = TempCopy(dir);
            match copy_store_files(from, &copy.0.join(STORE_DIR)) {
                Ok(()) => return Ok(copy),
                Err(e) => last = e,
            }
        }
        Err(last)
    }
}

/// Copies sled's files (regular files and the blobs folder, never through a link), leaving
/// out an unfinished snapshot.
fn copy_store_files(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::DirBuilder::new().mode(0o700).create(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let name = entry.file_name();
        if kind.is_dir() {
            copy_store_files(&entry.path(), &to.join(&name))?;
        } else if kind.is_file() && !name.to_string_lossy().ends_with(".generating") {
            let mut source = std::fs::File::open(entry.path())?;
            let mut target = crate::files::create_private_file(&to.join(&name))?;
            std::io::copy(&mut source, &mut target)?;
        }
    }
    Ok(())
}

/// Whether a store failed to open because nothing can be written where it lives (a full,
/// read-only or over-quota disk): it can still be read from a copy.
pub fn cannot_write(e: &StoreError) -> bool {
    use std::io::ErrorKind as K;
    let writing = |e: &std::io::Error| {
        matches!(
            e.kind(),
            K::StorageFull | K::ReadOnlyFilesystem | K::QuotaExceeded | K::FileTooLarge
        )
    };
    match e {
        StoreError::Io { source, .. } => writing(source),
        StoreError::Sled {
            source: sled::Error::Io(source),
            ..
        } => writing(source),
        _ => false,
    }
}

/// sled's log segment for new stores. Every open rewrites the tail of the active segment and
/// every free one, so small segments write less (512 KiB, sled's default, cost 3.5 MB per
/// `carnet note` on a 100,000-interaction store). Below 32 KiB, B-tree nodes of a few KB
/// would be stored as separate blob files (sled keeps in the log what fits a quarter of a
/// segment).
const SEGMENT_BYTES: usize = 32 * 1024;

/// Where unfinished files sled left behind are moved, never deleted.
const RECOVERY_DIR: &str = "recuperation";

/// A whole store being written beside the current one (import, restore), switched in by
/// renames once complete; `COMPLETE` inside it says it was.
const STAGING_DIR: &str = ".store.nouveau";
/// The store a switch replaced, removed once the switch is done.
const REPLACED_DIR: &str = ".store.ancien";
const COMPLETE: &str = "carnet-complet";

/// The segment size a store was created with (sled refuses another), from sled's own `conf`.
fn existing_segment_size(store_dir: &Path) -> Option<usize> {
    // The file ends with a binary checksum after its text lines.
    let conf = crate::files::read_regular_bytes(&store_dir.join("conf"), 4096).ok()?;
    String::from_utf8_lossy(&conf)
        .lines()
        .find_map(|l| l.strip_prefix("segment_size:"))?
        .trim()
        .parse()
        .ok()
}

/// Every entry of a tree in key order, read so that sled lets go of the pages behind it.
/// sled 0.34's LRU sees page accesses only in batches of 64 per shard over 256 shards, and a
/// scan touches each leaf once: a whole scan of 100 000 interactions never filled a batch,
/// so every page it read stayed in memory (~45 MB) whatever the cache's capacity. Looking
/// each key up again counts one access per entry, enough for the LRU to page out what was
/// read (peak of `carnet bench` at 100 000 interactions: 186–192 → 150 MiB). The lookups
/// cost ~1.2 µs each on the reading thread: the load takes ~50 ms longer on 2 cores, a
/// price paid once, behind rows already on screen, for 36 MiB less on a shared server.
fn scan(tree: &sled::Tree) -> impl Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>> + '_ {
    tree.iter().inspect(move |item| {
        if let Ok((key, _)) = item {
            // Only the access counts; a failure here is the scan's own to report.
            let _ = tree.get(key);
        }
    })
}

fn sled_config(store_dir: &Path, interactive: bool) -> sled::Config {
    sled::Config::new()
        .path(store_dir)
        .cache_capacity(CACHE_BYTES)
        .segment_size(existing_segment_size(store_dir).unwrap_or(SEGMENT_BYTES))
        // Every save is flushed by Carnet; the background thread only matters to reclaim
        // space during a long session.
        .flush_every_ms(interactive.then_some(500))
}

/// Removes a folder Carnet made under a fixed name (a link there is removed, not followed).
fn remove_own_dir(path: &Path) -> Result<(), StoreError> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_error(path)(e)),
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(path).map_err(io_error(path)),
        Ok(_) => std::fs::remove_file(path).map_err(io_error(path)),
    }
}

/// Completes or undoes a switch of stores that a kill interrupted, before anything opens:
/// a complete new store takes the place of the old one; an incomplete one is removed.
fn finish_switch(data_dir: &Path) -> Result<(), StoreError> {
    let current = store_dir(data_dir);
    let staging = data_dir.join(STAGING_DIR);
    let replaced = data_dir.join(REPLACED_DIR);
    let complete = staging.join(COMPLETE).is_file();
    let has_current = std::fs::symlink_metadata(&current).is_ok();
    if !has_current && complete {
        std::fs::rename(&staging, &current).map_err(io_error(&staging))?;
        let _ = std::fs::remove_file(current.join(COMPLETE));
    } else if !has_current && std::fs::symlink_metadata(&replaced).is_ok() {
        std::fs::rename(&replaced, &current).map_err(io_error(&replaced))?;
    }
    remove_own_dir(&staging)?;
    remove_own_dir(&replaced)
}

/// Writes `data` into a new store beside the current one, reads it back, then switches it
/// in by renames (see `finish_switch`). The current store stays as it was until the switch;
/// on any failure the new one is removed.
fn replace_store(
    data_dir: &Path,
    lock: &StoreLock,
    data: &Dataset,
    demo_seed: Option<u64>,
    seal: Option<Seal>,
) -> Result<(), StoreError> {
    let staging = data_dir.join(STAGING_DIR);
    remove_own_dir(&staging)?;
    crate::files::create_private_dir_all(&staging).map_err(io_error(&staging))?;
    let open_staging = || -> Result<Store, StoreError> {
        // Opened twice (to fill, then to read back): sled's threads may still be closing
        // the first handle's files.
        let db = open_when_released(&staging, false).map_err(|source| StoreError::Sled {
            path: staging.clone(),
            source,
        })?;
        Ok(Store {
            db,
            dir: staging.clone(),
            recovered: Vec::new(),
            _lock: lock.try_clone().map_err(io_error(data_dir))?,
            seal: seal.clone(),
            _copy: None,
        })
    };
    let filled = (|| {
        let new = open_staging()?;
        new.init_meta()?;
        if let Some(seal) = &seal {
            new.tree(META_TREE)?
                .insert(META_CRYPT, seal.envelope.as_slice())
                .map_err(|e| new.sled_err(e))?;
        }
        if let Some(seed) = demo_seed {
            new.mark_demo(seed)?;
        }
        new.insert_all(data)?;
        drop(new);
        // What was written is what is read back, before the old store goes.
        let (read, failures) = open_staging()?.load()?;
        if !failures.is_empty() || read != *data {
            return Err(StoreError::Unverified {
                path: staging.clone(),
            });
        }
        let marker = crate::files::create_private_file(&staging.join(COMPLETE))
            .map_err(io_error(&staging))?;
        marker.sync_all().map_err(io_error(&staging))
    })();
    if let Err(e) = filled {
        let _ = remove_own_dir(&staging);
        return Err(e);
    }
    let current = store_dir(data_dir);
    let replaced = data_dir.join(REPLACED_DIR);
    remove_own_dir(&replaced)?;
    std::fs::rename(&current, &replaced).map_err(io_error(&current))?;
    finish_switch(data_dir)?;
    restrict_store_files(&current);
    Ok(())
}

/// Unfinished snapshots (`snap.*.generating`): sled writes a snapshot under that name and
/// renames it when complete. A `kill -9` meanwhile leaves one that sled 0.34 then reads and
/// refuses ("Read corrupted data"), though the log and the previous snapshot hold everything.
fn unfinished_snapshots(store_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(store_dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("snap.")
                && name.ends_with(".generating")
                && e.file_type().is_ok_and(|t| t.is_file())
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// Opens sled, waiting a little while sled's own file lock is still held: we hold
/// `carnet.lock`, so the holder is a Carnet that released it and whose sled threads are
/// still closing the files (seen with writers racing on a loaded machine).
fn open_when_released(store_dir: &Path, interactive: bool) -> sled::Result<sled::Db> {
    const TRIES: u32 = 40;
    let mut tries = 0;
    loop {
        match sled_config(store_dir, interactive).open() {
            // sled words it, with the kind "other".
            Err(sled::Error::Io(e))
                if tries < TRIES && e.to_string().starts_with("could not acquire lock") =>
            {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

/// Opens sled; if it refuses the store as corrupted while an unfinished snapshot lies there,
/// moves that file aside (into `recuperation/`) and tries once more. If that fails too, the
/// file goes back where it was: a failed recovery leaves the store as it was found.
fn open_sled(
    data_dir: &Path,
    store_dir: &Path,
    interactive: bool,
) -> Result<(sled::Db, Vec<String>), StoreError> {
    let sled_error = |source| StoreError::Sled {
        path: store_dir.to_path_buf(),
        source,
    };
    let first = match open_when_released(store_dir, interactive) {
        Ok(db) => return Ok((db, Vec::new())),
        Err(e) => e,
    };
    let unfinished = unfinished_snapshots(store_dir);
    if !matches!(first, sled::Error::Corruption { .. }) || unfinished.is_empty() {
        return Err(sled_error(first));
    }
    let aside_dir = data_dir.join(RECOVERY_DIR);
    crate::files::create_private_dir_all(&aside_dir).map_err(io_error(&aside_dir))?;
    let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
    for path in unfinished {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let target = aside_dir.join(format!(
            "{}.{}",
            name.unwrap_or_default(),
            crate::clock::now_utc_ms()
        ));
        if std::fs::symlink_metadata(&target).is_ok() {
            continue;
        }
        std::fs::rename(&path, &target).map_err(io_error(&path))?;
        moved.push((path, target));
    }
    match sled_config(store_dir, interactive).open() {
        Ok(db) => Ok((
            db,
            moved
                .iter()
                .filter_map(|(from, _)| from.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect(),
        )),
        Err(again) => {
            for (from, to) in moved {
                let _ = std::fs::rename(to, from);
            }
            // Only removes the folder if this attempt made it and left it empty.
            let _ = std::fs::remove_dir(&aside_dir);
            // A disk that cannot take the new snapshot says more than the corruption did.
            let again = sled_error(again);
            Err(if cannot_write(&again) {
                again
            } else {
                sled_error(first)
            })
        }
    }
}

/// A form left unsaved when the interface was ended by a signal (`app::draft`).
pub const DRAFT_FILE: &str = "brouillon.json";

/// Says the store holds removed values that a rebuild must clear (a deletion, an erasure,
/// an anonymisation): the next end of session, or `carnet compact`, rebuilds it.
const REBUILD_DUE: &str = ".reconstruction-due";

/// Whether the store in `data_dir` waits for a rebuild (see `REBUILD_DUE`).
pub fn rebuild_due(data_dir: &Path) -> bool {
    std::fs::symlink_metadata(data_dir.join(REBUILD_DUE)).is_ok_and(|m| m.is_file())
}

/// The open interface's socket, where other terminals send their commands
/// (`runtime::remote`).
pub const SOCKET_FILE: &str = "carnet.sock";

/// What Carnet itself keeps in a data dir; anything else there is the user's.
const OWN_ENTRIES: [&str; 10] = [
    DRAFT_FILE,
    SOCKET_FILE,
    ENCRYPTED_MARK,
    REBUILD_DUE,
    audit::FILE,
    STORE_DIR,
    lock::LOCK_FILE,
    SCHEMA_FILE,
    RECOVERY_DIR,
    backup::DIR,
];

/// Names in the data dir that Carnet did not put there (for `doctor`): Carnet never changes
/// them, but they share the folder with the records of vulnerable people.
pub fn foreign_entries(data_dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(data_dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !OWN_ENTRIES.contains(&name.as_str()) && !name.ends_with(".tmp"))
        .collect();
    names.sort();
    names
}

/// Files a repair moved aside (for `doctor`), and where.
pub fn set_aside(data_dir: &Path) -> (PathBuf, usize) {
    let dir = data_dir.join(RECOVERY_DIR);
    let count = std::fs::read_dir(&dir).map_or(0, |entries| entries.flatten().count());
    (dir, count)
}

pub fn store_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(STORE_DIR)
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// sled creates its files with the umask's modes; they are Carnet's, so they become 0600
/// (folders 0700). Only what sits in the store folder is touched, never through a link.
fn restrict_store_files(store_dir: &Path) {
    let _ = crate::files::set_mode(store_dir, 0o700);
    let Ok(entries) = std::fs::read_dir(store_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_file() {
            let _ = crate::files::set_mode(&entry.path(), 0o600);
        } else if kind.is_dir() {
            // sled's blobs folder.
            restrict_store_files(&entry.path());
        }
    }
}

/// Bytes free for an unprivileged user where `dir` lives (`None` when it cannot be told).
fn free_space(dir: &Path) -> Option<u64> {
    let stat = rustix::fs::statvfs(dir).ok()?;
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
}

/// Where a value lives, which its seal is bound to: a value moved to another record or tree
/// does not open.
fn place(kind: RecordKind, key: &[u8]) -> Vec<u8> {
    let mut out = kind.name().as_bytes().to_vec();
    out.push(b'/');
    out.extend_from_slice(key);
    out
}

fn dir_size(path: &Path) -> u64 {
    let Ok(meta) = std::fs::metadata(path) else {
        return 0;
    };
    if !meta.is_dir() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| dir_size(&e.path())).sum())
        .unwrap_or(0)
}

impl Store {
    /// Opens (creating if needed) the store in `data_dir`, after taking the lock, for a
    /// short command: no background thread, so nothing is written besides what the command
    /// saves and what sled writes at every open.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        Store::open_with(data_dir, false)
    }

    /// The same for the interface, which stays open for hours: sled's background thread
    /// reclaims space from rewritten records as it goes.
    pub fn open_interactive(data_dir: &Path) -> Result<Store, StoreError> {
        Store::open_with(data_dir, true)
    }

    fn open_with(data_dir: &Path, interactive: bool) -> Result<Store, StoreError> {
        crate::files::create_private_dir_all(data_dir).map_err(io_error(data_dir))?;
        let lock = StoreLock::acquire(data_dir)?;
        finish_switch(data_dir)?;
        let dir = store_dir(data_dir);
        if let Some(found) = read_schema_file(data_dir)?
            && found > SCHEMA_VERSION
        {
            return Err(StoreError::NewerSchema {
                path: dir,
                found,
                supported: SCHEMA_VERSION,
            });
        }
        crate::files::create_private_dir_all(&dir).map_err(io_error(&dir))?;
        let (db, recovered) = open_sled(data_dir, &dir, interactive)?;
        let mut store = Store {
            db,
            dir,
            recovered,
            _lock: lock,
            seal: None,
            _copy: None,
        };
        // Refuse a newer schema before writing anything.
        let found = store.info()?.schema_version;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: store.dir.clone(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        store.unlock()?;
        store.init_meta()?;
        store.write_schema_file(store.info()?.schema_version)?;
        restrict_store_files(&store.dir);
        Ok(store)
    }

    /// Fills an empty store with `data`, all or nothing: the records go into a new store
    /// beside it, which replaces it only once complete. A kill or a full disk on the way
    /// leaves the store exactly as it was (and empty, so the import can simply be retried).
    ///
    /// With `encrypt_with`, a plain target becomes an encrypted store under that passphrase
    /// (restoring an encrypted backup): the records are sealed as they are first written, so
    /// no plain copy of them ever reaches the disk.
    pub fn import(
        data_dir: &Path,
        data: &Dataset,
        encrypt_with: Option<&str>,
    ) -> Result<(), StoreError> {
        let target = Store::open(data_dir)?;
        if !target.is_empty()? {
            return Err(StoreError::NotEmpty {
                path: target.dir.clone(),
            });
        }
        let lock = target._lock.try_clone().map_err(io_error(data_dir))?;
        let seal = match (target.seal.clone(), encrypt_with) {
            (None, Some(passphrase)) => Some(Seal::fresh(
                crypt::PassphraseKey::new(passphrase).ok_or(crypt::SealError)?,
            )?),
            (seal, _) => seal,
        };
        drop(target);
        let mark = data_dir.join(ENCRYPTED_MARK);
        let marked_now = seal.is_some() && !is_encrypted(data_dir);
        if marked_now {
            crate::files::create_private_file(&mark).map_err(io_error(&mark))?;
        }
        let replaced = replace_store(data_dir, &lock, data, None, seal);
        if replaced.is_err() && marked_now {
            let _ = std::fs::remove_file(&mark);
        }
        replaced
    }

    /// Rebuilds the store from its live records, changed by `change` (an erasure, a
    /// retention run, or nothing): sled never erases a removed value from its files, a
    /// rebuilt store holds only what is live. The new store is written beside the old one,
    /// read back and compared, then switched in; the old files are removed. A kill at any
    /// moment leaves the store readable in its old or its new form. Refused while some
    /// records cannot be read (they would be lost).
    pub fn rebuild(
        data_dir: &Path,
        change: impl FnOnce(&mut Dataset),
    ) -> Result<Rebuilt, StoreError> {
        Store::rebuild_with(data_dir, Encryption::Keep, change)
    }

    /// The same, encrypting or decrypting the store on the way (`carnet encrypt|decrypt`).
    /// An encrypted store always gets a new data key: blocks of its old files that survive
    /// on disk no longer open.
    pub fn rebuild_with(
        data_dir: &Path,
        encryption: Encryption,
        change: impl FnOnce(&mut Dataset),
    ) -> Result<Rebuilt, StoreError> {
        let store = Store::open(data_dir)?;
        let (mut data, failures) = store.load()?;
        if !failures.is_empty() {
            return Err(StoreError::Unreadable {
                path: store.dir.clone(),
                count: failures.len(),
            });
        }
        let before = dir_size(&store.dir);
        // The new store is written beside the old one: say so now if it cannot fit.
        let needed = before + before / 5 + 4 * 1024 * 1024;
        if let Some(available) = free_space(data_dir)
            && available < needed
        {
            return Err(StoreError::NoRoom {
                path: data_dir.to_path_buf(),
                needed,
                available,
            });
        }
        let demo_seed = store.info()?.demo_seed;
        let lock = store._lock.try_clone().map_err(io_error(data_dir))?;
        let passphrase_key = match (&encryption, &store.seal) {
            (Encryption::Decrypt, _) => None,
            (Encryption::Encrypt(passphrase), _) => {
                Some(crypt::PassphraseKey::new(passphrase).ok_or(crypt::SealError)?)
            }
            (Encryption::Keep, seal) => seal.as_ref().map(|s| s.passphrase.clone()),
        };
        let seal = passphrase_key.map(Seal::fresh).transpose()?;
        drop(store);
        change(&mut data);
        let sealed = seal.is_some();
        // The mark beside the store says "ask the passphrase": it is there before the store
        // is encrypted and goes only once it is not, so a kill in between never leaves an
        // encrypted store that commands would open without asking.
        let mark = data_dir.join(ENCRYPTED_MARK);
        let marked_now = sealed && !is_encrypted(data_dir);
        if marked_now {
            crate::files::create_private_file(&mark).map_err(io_error(&mark))?;
        }
        if let Err(e) = replace_store(data_dir, &lock, &data, demo_seed, seal) {
            if marked_now {
                let _ = std::fs::remove_file(&mark);
            }
            return Err(e);
        }
        if !sealed && is_encrypted(data_dir) {
            std::fs::remove_file(&mark).map_err(io_error(&mark))?;
        }
        // Only a file Carnet made under this name is removed (never through a link).
        if rebuild_due(data_dir) {
            let _ = std::fs::remove_file(data_dir.join(REBUILD_DUE));
        }
        Ok(Rebuilt {
            before,
            after: dir_size(&store_dir(data_dir)),
            data,
        })
    }

    /// Opens a store that cannot be opened in place because nothing can be written there
    /// (a full disk): from a private copy elsewhere, so exports and `doctor` still work. The
    /// store itself is not touched; what is written goes to the copy, which is removed.
    pub fn open_read_only(data_dir: &Path) -> Result<Store, StoreError> {
        let lock = StoreLock::acquire(data_dir)?;
        if let Some(found) = read_schema_file(data_dir)?
            && found > SCHEMA_VERSION
        {
            return Err(StoreError::NewerSchema {
                path: store_dir(data_dir),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        let dir = store_dir(data_dir);
        let copy = TempCopy::with_store(&dir).map_err(io_error(&dir))?;
        let copied = copy.0.join(STORE_DIR);
        let db = sled_config(&copied, false)
            .open()
            .map_err(|source| StoreError::Sled {
                path: dir.clone(),
                source,
            })?;
        let mut store = Store {
            db,
            dir: copied,
            recovered: Vec::new(),
            _lock: lock,
            seal: None,
            _copy: Some(copy),
        };
        store.unlock()?;
        Ok(store)
    }

    /// Whether this store is read from a temporary copy (see `open_read_only`).
    pub fn is_read_only_copy(&self) -> bool {
        self._copy.is_some()
    }

    /// What opening had to repair (file names moved aside), to tell the user.
    pub fn recovered(&self) -> &[String] {
        &self.recovered
    }

    fn write_schema_file(&self, version: u32) -> Result<(), StoreError> {
        let Some(data_dir) = self.dir.parent() else {
            return Ok(());
        };
        if read_schema_file(data_dir)? == Some(version) {
            return Ok(());
        }
        let path = data_dir.join(SCHEMA_FILE);
        crate::files::replace_atomically(&path, format!("{version}\n").as_bytes())
            .map_err(io_error(&path))
    }

    fn sled_err(&self, source: sled::Error) -> StoreError {
        StoreError::Sled {
            path: self.dir.clone(),
            source,
        }
    }

    fn tree(&self, name: &str) -> Result<sled::Tree, StoreError> {
        self.db.open_tree(name).map_err(|e| self.sled_err(e))
    }

    /// Opens an encrypted store's data key with the passphrase given for this run.
    fn unlock(&mut self) -> Result<(), StoreError> {
        let envelope = self
            .tree(META_TREE)?
            .get(META_CRYPT)
            .map_err(|e| self.sled_err(e))?;
        // The mark follows the store: a switch killed between writing the mark and swapping
        // the store (or between swapping and removing it) leaves one that says the wrong
        // thing. Best effort: a store that cannot be written (full disk) keeps it as it is.
        let mark = self.data_dir().join(ENCRYPTED_MARK);
        match (&envelope, is_encrypted(self.data_dir())) {
            (None, true) => {
                let _ = std::fs::remove_file(&mark);
            }
            (Some(_), false) => {
                let _ = crate::files::create_private_file(&mark);
            }
            _ => {}
        }
        let Some(envelope) = envelope else {
            return Ok(());
        };
        let Some(passphrase) = crypt::passphrase() else {
            return Err(StoreError::Encrypted {
                path: self.data_dir().to_path_buf(),
            });
        };
        let Some((key, data)) = crypt::PassphraseKey::unwrap(&passphrase, &envelope) else {
            return Err(StoreError::WrongPassphrase {
                path: self.data_dir().to_path_buf(),
            });
        };
        self.seal = Some(Seal {
            passphrase: key,
            data,
            envelope: envelope.to_vec(),
        });
        Ok(())
    }

    /// Whether the store's values are encrypted.
    pub fn is_sealed(&self) -> bool {
        self.seal.is_some()
    }

    /// The key its backups are sealed with (an encrypted store's passphrase key).
    pub fn backup_key(&self) -> Option<crypt::PassphraseKey> {
        self.seal.as_ref().map(|s| s.passphrase.clone())
    }

    /// A value as stored: sealed to its tree and key in an encrypted store.
    fn stored_value(
        &self,
        kind: RecordKind,
        key: &[u8],
        plain: Vec<u8>,
    ) -> Result<Vec<u8>, StoreError> {
        match &self.seal {
            Some(seal) => Ok(seal.data.seal(&place(kind, key), &plain)?),
            None => Ok(plain),
        }
    }

    /// A stored value as the codec reads it (`None`: sealed, but not openable here).
    fn plain_value<'v>(
        &self,
        kind: RecordKind,
        key: &[u8],
        stored: &'v [u8],
    ) -> Option<std::borrow::Cow<'v, [u8]>> {
        match &self.seal {
            Some(seal) => seal
                .data
                .open(&place(kind, key), stored)
                .map(std::borrow::Cow::Owned),
            None => Some(std::borrow::Cow::Borrowed(stored)),
        }
    }

    fn init_meta(&self) -> Result<(), StoreError> {
        let meta = self.tree(META_TREE)?;
        if meta
            .get(META_SCHEMA)
            .map_err(|e| self.sled_err(e))?
            .is_none()
        {
            meta.insert(META_SCHEMA, &SCHEMA_VERSION.to_be_bytes())
                .map_err(|e| self.sled_err(e))?;
            let by = format!("carnet {}", env!("CARGO_PKG_VERSION"));
            meta.insert(META_CREATED_BY, by.as_bytes())
                .map_err(|e| self.sled_err(e))?;
            self.flush()?;
        }
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The folder the store lives in (with its lock, backups…).
    pub fn data_dir(&self) -> &Path {
        self.dir.parent().unwrap_or(Path::new("."))
    }

    /// Writes a backup of what the store holds now (before an import), if backups are on.
    pub fn backup(&self, retention: backup::Retention) -> Result<Option<PathBuf>, StoreError> {
        if !retention.enabled() {
            return Ok(None);
        }
        let (data, _) = self.load()?;
        self.backup_of(&data, retention)
    }

    /// The same, from records already loaded from this store.
    pub fn backup_of(
        &self,
        data: &Dataset,
        retention: backup::Retention,
    ) -> Result<Option<PathBuf>, StoreError> {
        if !retention.enabled() {
            return Ok(None);
        }
        backup::write(
            self.data_dir(),
            data,
            crate::clock::now_local(),
            retention,
            self.backup_key().as_ref(),
        )
        .map(Some)
        .map_err(io_error(&backup::dir(self.data_dir())))
    }

    pub fn info(&self) -> Result<StoreInfo, StoreError> {
        let meta = self.tree(META_TREE)?;
        let get = |key: &[u8]| meta.get(key).map_err(|e| self.sled_err(e));
        let schema_version = get(META_SCHEMA)?
            .and_then(|b| b.as_ref().try_into().ok().map(u32::from_be_bytes))
            .unwrap_or(0);
        let created_by = get(META_CREATED_BY)?
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        let demo_seed =
            get(META_DEMO_SEED)?.and_then(|b| b.as_ref().try_into().ok().map(u64::from_be_bytes));
        Ok(StoreInfo {
            schema_version,
            created_by,
            demo_seed,
            size_on_disk: dir_size(&self.dir),
        })
    }

    /// Notes that removed values wait in the store's files for a rebuild.
    pub fn mark_rebuild_due(&self) -> Result<(), StoreError> {
        let path = self.data_dir().join(REBUILD_DUE);
        if rebuild_due(self.data_dir()) {
            return Ok(());
        }
        crate::files::create_private_file(&path)
            .map(|_| ())
            .map_err(io_error(&path))
    }

    pub fn mark_demo(&self, seed: u64) -> Result<(), StoreError> {
        let meta = self.tree(META_TREE)?;
        meta.insert(META_DEMO_SEED, &seed.to_be_bytes())
            .map_err(|e| self.sled_err(e))?;
        Ok(())
    }

    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map_err(|e| self.sled_err(e))?;
        Ok(())
    }

    /// A handle that can flush the store from another thread (the signal watcher), even
    /// while the main thread is blocked.
    pub fn flusher(&self) -> Flusher {
        Flusher(self.db.clone())
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        for kind in RecordKind::ALL {
            if !self.tree(kind.name())?.is_empty() {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Removes every record and index entry (the demo store before regeneration).
    pub fn clear_records(&self) -> Result<(), StoreError> {
        let names = RecordKind::ALL
            .iter()
            .map(|k| k.name())
            .chain(Index::ALL.iter().map(|i| i.tree_name()));
        for name in names {
            self.tree(name)?.clear().map_err(|e| self.sled_err(e))?;
        }
        Ok(())
    }

    /// Saves one record and its index entries atomically, then flushes.
    pub fn put<R: Stored>(&self, record: &R) -> Result<(), StoreError> {
        self.write(vec![Write::put(record)?])
    }

    /// Saves and deletes records, with their index entries, in one transaction, then
    /// flushes: a change that spans records (a structure deleted and its rencontres
    /// relinked) is on disk whole or not at all.
    pub fn commit(&self, changes: &Changes) -> Result<(), StoreError> {
        let mut writes = changes
            .put
            .iter()
            .map(write_of)
            .collect::<Result<Vec<_>, _>>()?;
        writes.extend(changes.remove.iter().map(|&(kind, id)| Write {
            kind,
            id,
            value: None,
            entries: Vec::new(),
        }));
        self.write(writes)
    }

    fn write(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        if writes.is_empty() {
            return Ok(());
        }
        // An encrypted store seals its values and keeps no index: an index key would show
        // what the value hides (a suivi code, a date).
        let writes = writes
            .into_iter()
            .map(|w| {
                let key = w.id.to_key();
                let value = match w.value {
                    Some(v) => Some(self.stored_value(w.kind, &key, v)?),
                    None => None,
                };
                let entries = if self.seal.is_some() {
                    Vec::new()
                } else {
                    w.entries
                };
                Ok(Write {
                    value,
                    entries,
                    ..w
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        // The index trees first, then one tree per kind written.
        let mut trees = Index::ALL
            .iter()
            .map(|i| self.tree(i.tree_name()))
            .collect::<Result<Vec<_>, _>>()?;
        let mut kinds: Vec<RecordKind> = writes.iter().map(|w| w.kind).collect();
        kinds.sort();
        kinds.dedup();
        for kind in &kinds {
            trees.push(self.tree(kind.name())?);
        }
        let tree_of = |kind: RecordKind| Index::ALL.len() + kinds.binary_search(&kind).unwrap_or(0);
        let result = trees.as_slice().transaction(|views| {
            for w in &writes {
                let records = &views[tree_of(w.kind)];
                let key = w.id.to_key();
                if let Some(old) = records.get(key)?
                    && self.seal.is_none()
                {
                    for (index, k, _) in stored_entries(w.kind, &old) {
                        views[index_pos(index)].remove(k)?;
                    }
                }
                match &w.value {
                    Some(v) => {
                        records.insert(&key, v.as_slice())?;
                    }
                    None => {
                        records.remove(&key)?;
                    }
                }
                for (index, k, v) in &w.entries {
                    views[index_pos(*index)].insert(k.as_slice(), v.as_slice())?;
                }
            }
            Ok::<_, ConflictableTransactionError<()>>(())
        });
        match result {
            Ok(()) => {}
            Err(TransactionError::Storage(e)) => return Err(self.sled_err(e)),
            Err(TransactionError::Abort(())) => {}
        }
        self.flush()
    }

    /// Writes records in chunks: one huge sled batch holds everything in memory at once
    /// (1.3 GB peak for 100,000 interactions).
    fn insert_kind<R: Stored>(&self, records: &[R]) -> Result<(), StoreError> {
        const CHUNK: usize = 2_000;
        let tree = self.tree(R::KIND.name())?;
        let index_trees = Index::ALL
            .iter()
            .map(|i| self.tree(i.tree_name()))
            .collect::<Result<Vec<_>, _>>()?;
        for chunk in records.chunks(CHUNK) {
            let mut batch = sled::Batch::default();
            let mut index_batches: Vec<sled::Batch> =
                Index::ALL.iter().map(|_| sled::Batch::default()).collect();
            for r in chunk {
                let key = r.id().to_key();
                batch.insert(&key, self.stored_value(R::KIND, &key, r.encode()?)?);
                if self.seal.is_none() {
                    for (index, k, v) in index_entries(r) {
                        index_batches[index_pos(index)].insert(k, v);
                    }
                }
            }
            tree.apply_batch(batch).map_err(|e| self.sled_err(e))?;
            for (t, b) in index_trees.iter().zip(index_batches) {
                t.apply_batch(b).map_err(|e| self.sled_err(e))?;
            }
        }
        Ok(())
    }

    fn load_kind<R: Stored + Send>(
        &self,
        failures: &mut Vec<DecodeFailure>,
    ) -> Result<Vec<R>, StoreError> {
        let tree = self.tree(R::KIND.name())?;
        let read = |key: &[u8], value: &[u8]| match self.plain_value(R::KIND, key, value) {
            Some(plain) => R::decode(&plain).map_err(|e| e.0),
            None => Err("cannot be decrypted with this store's key".to_string()),
        };
        // sled reads on one thread while the records are decoded on another: reading and
        // decoding overlap (0.6 s → 0.35 s for 100 000 interactions). sled's `len` would walk
        // the whole tree just to count, so the list grows as it comes. Opening sealed values
        // is heavier: every core decodes.
        let decoders = if self.seal.is_some() {
            std::thread::available_parallelism().map_or(1, usize::from)
        } else {
            1
        };
        type Batch = (usize, Vec<(sled::IVec, sled::IVec)>);
        // Two batches waiting keep the decoding busy; more only held read values in memory
        // while it lagged (8 measured 1.5 MiB more at the peak, and no faster).
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(2);
        // Held by the decoders only: should they all stop, the reading stops too instead of
        // waiting on a full channel.
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        // Each decoder's records, in parts numbered by their first batch: one part when one
        // thread decodes (the batches come in order), one per batch otherwise.
        let decode = |rx: std::sync::Arc<std::sync::Mutex<std::sync::mpsc::Receiver<Batch>>>| {
            let next = || rx.lock().ok().and_then(|r| r.recv().ok());
            let mut parts: Vec<(usize, Vec<R>)> = Vec::new();
            let mut unread = Vec::new();
            let mut pool = ListPool::default();
            while let Some((number, batch)) = next() {
                if parts.is_empty() || decoders > 1 {
                    parts.push((number, Vec::new()));
                }
                let Some((_, records)) = parts.last_mut() else {
                    continue;
                };
                for (key, value) in batch {
                    match read(&key, &value) {
                        Ok(mut record) => {
                            share_lists(&mut record, &mut pool);
                            records.push(record);
                        }
                        Err(reason) => unread.push((key, reason)),
                    }
                }
            }
            (parts, unread)
        };
        let (read_result, decoded) = std::thread::scope(|scope| {
            let decoding: Vec<_> = (0..decoders)
                .map(|_| {
                    let rx = std::sync::Arc::clone(&rx);
                    scope.spawn(move || decode(rx))
                })
                .collect();
            drop(rx);
            let read = || -> Result<(), sled::Error> {
                let mut batch = Vec::with_capacity(BATCH);
                let mut number = 0;
                for item in scan(&tree) {
                    batch.push(item?);
                    if batch.len() == BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        if tx.send((number, full)).is_err() {
                            return Ok(());
                        }
                        number += 1;
                    }
                }
                let _ = tx.send((number, batch));
                Ok(())
            };
            let read_result = Some(read());
            drop(tx);
            let decoded: Vec<_> = decoding.into_iter().map(|h| h.join().ok()).collect();
            (read_result, decoded)
        });
        // A thread that stopped would leave records out: never load part of a kind.
        let stopped = || {
            self.sled_err(sled::Error::ReportableBug(
                "a loading thread stopped".into(),
            ))
        };
        read_result
            .ok_or_else(stopped)?
            .map_err(|e| self.sled_err(e))?;
        let decoded: Vec<_> = decoded
            .into_iter()
            .collect::<Option<_>>()
            .ok_or_else(stopped)?;
        let mut parts: Vec<(usize, Vec<R>)> = Vec::new();
        let mut unread = Vec::new();
        for (p, u) in decoded {
            parts.extend(p);
            unread.extend(u);
        }
        unread.sort_by(|a, b| a.0.cmp(&b.0));
        failures.extend(unread.into_iter().map(|(key, reason)| DecodeFailure {
            tree: R::KIND.name().to_string(),
            key: Id::from_key(&key).map_or_else(|| hex(&key), |id| id.to_string()),
            reason,
        }));
        if parts.len() == 1 {
            return Ok(parts.pop().map(|(_, records)| records).unwrap_or_default());
        }
        // Batches are numbered in key order: put them back in it.
        parts.sort_by_key(|(number, _)| *number);
        let mut out = Vec::with_capacity(parts.iter().map(|(_, p)| p.len()).sum());
        for (_, part) in parts {
            out.extend(part);
        }
        Ok(out)
    }

    /// Every record of one kind that decodes (for commands that need only one kind).
    pub fn all<R: Stored + Send>(&self) -> Result<Vec<R>, StoreError> {
        let mut failures = Vec::new();
        self.load_kind(&mut failures)
    }

    /// The most recently created record of a kind that decodes: keys sort by creation time.
    pub fn last<R: Stored>(&self) -> Result<Option<R>, StoreError> {
        let tree = self.tree(R::KIND.name())?;
        for item in tree.iter().rev() {
            let (key, value) = item.map_err(|e| self.sled_err(e))?;
            if let Some(plain) = self.plain_value(R::KIND, &key, &value)
                && let Ok(record) = R::decode(&plain)
            {
                return Ok(Some(record));
            }
        }
        Ok(None)
    }

    /// The newest interactions by date, read through the date index without touching the
    /// others: at least `at_least` of them (when there are), and every one of the oldest day
    /// taken, so the journal's first rows are exactly those the full load will show. What
    /// does not decode is left to the full load to report.
    pub fn newest_interactions(&self, at_least: usize) -> Result<Vec<Interaction>, StoreError> {
        let index = self.tree(Index::InteractionDate.tree_name())?;
        let records = self.tree(RecordKind::Interaction.name())?;
        let mut out = Vec::with_capacity(at_least);
        let mut last_day: Option<Vec<u8>> = None;
        for entry in index.iter().rev() {
            let (key, _) = entry.map_err(|e| self.sled_err(e))?;
            // YYYYMMDD, then the id.
            let Some((day, id)) = key.split_at_checked(8) else {
                continue;
            };
            if out.len() >= at_least && last_day.as_deref() != Some(day) {
                break;
            }
            last_day = Some(day.to_vec());
            let Some(value) = records.get(id).map_err(|e| self.sled_err(e))? else {
                continue;
            };
            if let Some(plain) = self.plain_value(RecordKind::Interaction, id, &value)
                && let Ok(record) = Interaction::decode(&plain)
            {
                out.push(record);
            }
        }
        Ok(out)
    }

    /// Raw write, for tests that simulate corruption.
    #[doc(hidden)]
    pub fn put_raw(&self, tree: &str, key: &[u8], value: &[u8]) -> Result<(), StoreError> {
        self.tree(tree)?
            .insert(key, value)
            .map_err(|e| self.sled_err(e))?;
        self.flush()
    }

    /// Raw meta write, for tests that simulate a store from a newer Carnet.
    #[doc(hidden)]
    pub fn set_schema_version(&self, version: u32) -> Result<(), StoreError> {
        self.put_raw(META_TREE, META_SCHEMA, &version.to_be_bytes())?;
        self.write_schema_file(version)
    }

    /// Number of entries in an index tree (doctor and tests).
    pub fn index_len(&self, index: Index) -> Result<usize, StoreError> {
        Ok(self.tree(index.tree_name())?.len())
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        let _ = self.db.flush();
    }
}

/// The schema version in `carnet.schema`: `None` when there is no such file (a new store);
/// a file that is not a plain number is refused, never overwritten.
fn read_schema_file(data_dir: &Path) -> Result<Option<u32>, StoreError> {
    let path = data_dir.join(SCHEMA_FILE);
    let text = match crate::files::read_regular(&path, 64) {
        Ok(text) => text,
        Err(crate::files::ReadRefused::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(crate::files::ReadRefused::Io(source)) => return Err(StoreError::Io { path, source }),
        Err(_) => return Err(StoreError::BadSchemaFile { path }),
    };
    let digits = text.trim_end_matches(['\n', '\r']);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(StoreError::BadSchemaFile { path });
    }
    digits
        .parse()
        .map(Some)
        .map_err(|_| StoreError::BadSchemaFile { path })
}

fn index_pos(index: Index) -> usize {
    Index::ALL.iter().position(|i| *i == index).unwrap_or(0)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
