//! Encryption at rest: the standard, audited building blocks of RustCrypto, nothing of our
//! own. A passphrase gives a key-encryption key through Argon2id (salted, memory-hard); that
//! key wraps a random data key; values are sealed with XChaCha20-Poly1305 under the data key,
//! each with a random 192-bit nonce and bound to where it is stored (tree and key), so a
//! value moved elsewhere does not open. A rebuild draws a new data key: what old files keep
//! is unreadable without the old one.

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

const NONCE: usize = 24;
const SALT: usize = 16;
/// The format of a wrapped key: bumped if the parameters below ever change.
const ENVELOPE_VERSION: u8 = 1;

/// A value too large to seal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a value too large to encrypt")]
pub struct SealError;

/// The passphrase given for this run (typed once, or `CARNET_PASSPHRASE`): every store and
/// backup opened afterwards uses it.
static PASSPHRASE: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

pub fn set_passphrase(passphrase: String) {
    if let Ok(mut slot) = PASSPHRASE.lock() {
        *slot = Some(passphrase);
    }
}

/// Forgets the passphrase given (tests, and a wrong one before asking again).
pub fn forget_passphrase() {
    if let Ok(mut slot) = PASSPHRASE.lock() {
        *slot = None;
    }
}

pub fn passphrase() -> Option<String> {
    PASSPHRASE.lock().ok().and_then(|p| p.clone())
}

/// Seals and opens values with one key.
#[derive(Clone)]
pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

impl Sealer {
    fn new(key: &[u8; 32]) -> Sealer {
        Sealer {
            cipher: XChaCha20Poly1305::new(key.into()),
        }
    }

    /// A new random key.
    pub fn random() -> (Sealer, [u8; 32]) {
        let mut key = [0u8; 32];
        OsRng.fill_bytes(&mut key);
        (Sealer::new(&key), key)
    }

    /// `nonce || ciphertext`, bound to `aad` (where the value is stored). Fails only for a
    /// value over the cipher's limit (256 GiB), which no record comes near.
    pub fn seal(&self, aad: &[u8], plain: &[u8]) -> Result<Vec<u8>, SealError> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .cipher
            .encrypt(&nonce, Payload { msg: plain, aad })
            .map_err(|_| SealError)?;
        let mut out = Vec::with_capacity(NONCE + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// The plain value, or `None` when it was not sealed by this key for this place (or was
    /// changed since).
    pub fn open(&self, aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
        if sealed.len() < NONCE {
            return None;
        }
        let (nonce, body) = sealed.split_at(NONCE);
        self.cipher
            .decrypt(XNonce::from_slice(nonce), Payload { msg: body, aad })
            .ok()
    }
}

/// The key derived from a passphrase, and the salt it was derived with.
#[derive(Clone)]
pub struct PassphraseKey {
    salt: [u8; SALT],
    sealer: Sealer,
}

impl PassphraseKey {
    /// Argon2id with its recommended defaults (19 MiB, 2 passes): a guess costs as much to
    /// an attacker as an opening costs the user, about a fifth of a second.
    fn derive(passphrase: &str, salt: [u8; SALT]) -> Option<PassphraseKey> {
        let mut key = [0u8; 32];
        argon2::Argon2::default()
            .hash_password_into(passphrase.as_bytes(), &salt, &mut key)
            .ok()?;
        Some(PassphraseKey {
            salt,
            sealer: Sealer::new(&key),
        })
    }

    /// A key for a new passphrase, with a new salt.
    pub fn new(passphrase: &str) -> Option<PassphraseKey> {
        let mut salt = [0u8; SALT];
        OsRng.fill_bytes(&mut salt);
        PassphraseKey::derive(passphrase, salt)
    }

    /// The envelope of `data_key`: version, salt, then the key sealed under the passphrase.
    pub fn wrap(&self, data_key: &[u8; 32]) -> Result<Vec<u8>, SealError> {
        let mut out = vec![ENVELOPE_VERSION];
        out.extend_from_slice(&self.salt);
        out.extend(self.sealer.seal(b"carnet data key", data_key)?);
        Ok(out)
    }

    /// Opens an envelope with a passphrase: the passphrase key and the data key's sealer,
    /// or `None` for a wrong passphrase (or an envelope that is not one).
    pub fn unwrap(passphrase: &str, envelope: &[u8]) -> Option<(PassphraseKey, Sealer)> {
        let (&version, rest) = envelope.split_first()?;
        if version != ENVELOPE_VERSION || rest.len() < SALT {
            return None;
        }
        let (salt, sealed) = rest.split_at(SALT);
        let key = PassphraseKey::derive(passphrase, salt.try_into().ok()?)?;
        let data_key: [u8; 32] = key
            .sealer
            .open(b"carnet data key", sealed)?
            .try_into()
            .ok()?;
        Some((key, Sealer::new(&data_key)))
    }

    /// Seals a whole file (a backup) under the passphrase key, with its salt in front.
    pub fn seal_file(&self, plain: &[u8]) -> Result<Vec<u8>, SealError> {
        let mut out = FILE_MAGIC.to_vec();
        out.extend_from_slice(&self.salt);
        out.extend(self.sealer.seal(FILE_MAGIC, plain)?);
        Ok(out)
    }

    /// Opens a file sealed by `seal_file` with a passphrase.
    pub fn open_file(passphrase: &str, sealed: &[u8]) -> Option<Vec<u8>> {
        let rest = sealed.strip_prefix(FILE_MAGIC)?;
        if rest.len() < SALT {
            return None;
        }
        let (salt, body) = rest.split_at(SALT);
        let key = PassphraseKey::derive(passphrase, salt.try_into().ok()?)?;
        key.sealer.open(FILE_MAGIC, body)
    }
}

/// The first bytes of a file sealed under a passphrase.
pub const FILE_MAGIC: &[u8] = b"CARNET-CHIFFRE-1\n";

/// Whether `bytes` are a sealed file.
pub fn is_sealed_file(bytes: &[u8]) -> bool {
    bytes.starts_with(FILE_MAGIC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_opens_only_with_its_key_in_its_place() {
        let (sealer, _) = Sealer::random();
        let sealed = sealer
            .seal(b"interactions/42", b"Demande de logement")
            .unwrap();
        assert!(!sealed.windows(7).any(|w| w == b"Demande"));
        assert_eq!(
            sealer.open(b"interactions/42", &sealed).unwrap(),
            b"Demande de logement"
        );
        assert_eq!(sealer.open(b"interactions/43", &sealed), None);
        let (other, _) = Sealer::random();
        assert_eq!(other.open(b"interactions/42", &sealed), None);
        let mut changed = sealed.clone();
        let last = changed.len() - 1;
        changed[last] ^= 1;
        assert_eq!(sealer.open(b"interactions/42", &changed), None);
        // The same value sealed twice differs: nothing to compare across records.
        assert_ne!(
            sealer.seal(b"x", b"same").unwrap(),
            sealer.seal(b"x", b"same").unwrap()
        );
    }

    #[test]
    fn the_data_key_opens_with_the_passphrase_only() {
        let (sealer, data_key) = Sealer::random();
        let key = PassphraseKey::new("correct horse battery staple").unwrap();
        let envelope = key.wrap(&data_key).unwrap();
        let sealed = sealer.seal(b"t", b"secret").unwrap();
        let (_, reopened) =
            PassphraseKey::unwrap("correct horse battery staple", &envelope).unwrap();
        assert_eq!(reopened.open(b"t", &sealed).unwrap(), b"secret");
        assert!(PassphraseKey::unwrap("wrong", &envelope).is_none());
        assert!(PassphraseKey::unwrap("correct horse battery staple", &envelope[..10]).is_none());
        let file = key.seal_file(b"{\"format\": \"carnet\"}").unwrap();
        assert!(is_sealed_file(&file));
        assert_eq!(
            PassphraseKey::open_file("correct horse battery staple", &file).unwrap(),
            b"{\"format\": \"carnet\"}"
        );
        assert_eq!(PassphraseKey::open_file("wrong", &file), None);
    }
}
