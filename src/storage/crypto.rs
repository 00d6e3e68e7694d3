//! Encryption at rest: AES-256-GCM sealing of stored text, and the passphrase lock's key wrapping.
//!
//! The passphrase gives a key-encryption key (PBKDF2-SHA256, derived in the browser by Web Crypto, see
//! `ui::crypto`); that key wraps one random 256-bit data key, and the data key seals every stored value. So
//! changing the passphrase rewrites only the wrapped key — one atomic write — and a crash can lose nothing.
//! Each value is sealed with a fresh random 96-bit IV and its storage key as associated data, so a sealed
//! value moved to another key does not open.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use std::fmt;

/// Stored text that starts with this is sealed: `enc1:` + base64(IV ‖ ciphertext ‖ tag).
pub const SEALED_PREFIX: &str = "enc1:";
/// PBKDF2-SHA256 iterations for new passphrases (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// Fewer iterations than this in a stored lock or an encrypted backup are refused (a tampered file).
pub const MIN_ITERATIONS: u32 = 600_000;
/// More iterations than this in a stored lock or an encrypted backup are refused before any work is done: a
/// hostile file could otherwise keep a phone's processor busy for minutes. Eight times what this build writes,
/// room for future builds to raise the figure.
pub const MAX_ITERATIONS: u32 = 4_800_000;

/// Why a key-stretching figure read from a lock or a backup file cannot be used, or `None` when it can.
pub fn iterations_problem(iterations: u32) -> Option<String> {
    if iterations < MIN_ITERATIONS {
        Some(format!(
            "its key settings ({iterations} rounds) are weaker than Trust Steps ever writes, so it was altered"
        ))
    } else if iterations > MAX_ITERATIONS {
        Some(format!(
            "its key settings ask for {iterations} rounds, far more than Trust Steps ever writes (at most {MAX_ITERATIONS}); opening it would keep this device busy for minutes, so it was refused"
        ))
    } else {
        None
    }
}

/// Why something could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoError {
    /// Wrong key or passphrase, or the ciphertext was altered (GCM cannot tell these apart).
    NotOpened,
    /// Not sealed text at all, or cut short.
    Malformed,
}

impl fmt::Display for CryptoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CryptoError::NotOpened => write!(f, "it could not be decrypted (wrong passphrase, or it was altered)"),
            CryptoError::Malformed => write!(f, "it is not encrypted data this app wrote"),
        }
    }
}

/// An AES-256-GCM key, held in memory only.
#[derive(Clone)]
pub struct Sealer {
    cipher: Aes256Gcm,
}

impl fmt::Debug for Sealer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Sealer(…)")
    }
}

impl Sealer {
    /// A sealer for a 256-bit key.
    pub fn new(key: &[u8; 32]) -> Self {
        Self { cipher: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key)) }
    }

    /// Encrypts raw bytes with `iv` (fresh and random for every call) and `aad`: IV ‖ ciphertext ‖ tag.
    pub fn seal_bytes(&self, aad: &[u8], plain: &[u8], iv: [u8; 12]) -> Vec<u8> {
        let mut out = iv.to_vec();
        // Encryption only fails for inputs over 64 GiB.
        out.extend(self.cipher.encrypt(Nonce::from_slice(&iv), Payload { msg: plain, aad }).unwrap_or_default());
        out
    }

    /// Decrypts what [`Sealer::seal_bytes`] made.
    pub fn open_bytes(&self, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        if sealed.len() < 12 + 16 {
            return Err(CryptoError::Malformed);
        }
        let (iv, body) = sealed.split_at(12);
        self.cipher.decrypt(Nonce::from_slice(iv), Payload { msg: body, aad }).map_err(|_| CryptoError::NotOpened)
    }

    /// Seals the text stored under `name`.
    pub fn seal(&self, name: &str, plain: &str, iv: [u8; 12]) -> String {
        format!("{SEALED_PREFIX}{}", BASE64.encode(self.seal_bytes(name.as_bytes(), plain.as_bytes(), iv)))
    }

    /// Opens text sealed under `name`.
    pub fn open(&self, name: &str, sealed: &str) -> Result<String, CryptoError> {
        let body = sealed.strip_prefix(SEALED_PREFIX).ok_or(CryptoError::Malformed)?;
        let bytes = BASE64.decode(body).map_err(|_| CryptoError::Malformed)?;
        let plain = self.open_bytes(name.as_bytes(), &bytes)?;
        String::from_utf8(plain).map_err(|_| CryptoError::Malformed)
    }
}

/// True for stored text written by [`Sealer::seal`].
pub fn is_sealed(text: &str) -> bool {
    text.starts_with(SEALED_PREFIX)
}

/// Base64 (standard, padded) of bytes.
pub fn to_base64(bytes: &[u8]) -> String {
    BASE64.encode(bytes)
}

/// Bytes from base64; `None` if it is not valid base64.
pub fn from_base64(text: &str) -> Option<Vec<u8>> {
    BASE64.decode(text).ok()
}

/// Associated data binding a wrapped data key to its purpose.
const WRAP_AAD: &[u8] = b"trust-steps/lock data key";

/// Wraps the data key under the passphrase's key.
pub fn wrap_key(passphrase_key: &Sealer, data_key: &[u8; 32], iv: [u8; 12]) -> String {
    to_base64(&passphrase_key.seal_bytes(WRAP_AAD, data_key, iv))
}

/// Unwraps the data key; [`CryptoError::NotOpened`] means the passphrase is wrong (or the lock was altered).
pub fn unwrap_key(passphrase_key: &Sealer, wrapped: &str) -> Result<[u8; 32], CryptoError> {
    let bytes = from_base64(wrapped).ok_or(CryptoError::Malformed)?;
    let key = passphrase_key.open_bytes(WRAP_AAD, &bytes)?;
    key.try_into().map_err(|_| CryptoError::Malformed)
}
