//! Encryption at rest: AES-256-GCM sealing of stored text, and the passphrase lock's key wrapping.
//!
//! The passphrase gives a key-encryption key (PBKDF2-SHA256, derived in the browser by Web Crypto, see
//! `ui::crypto`); that key wraps one random 256-bit data key, and the data key seals every stored value. So
//! changing the passphrase rewrites only the wrapped key — one atomic write — and a crash can lose nothing.
//! Each value is sealed with a fresh random 96-bit IV and its storage key as associated data, so a sealed
//! value moved to another key does not open.
//!
//! Sealed text is stored as `enc2:` + the sealed bytes packed 15 bits to a character ([`to_dense`]): the
//! browser's quota counts UTF-16 code units, and base64 spends a whole unit on 6 bits. Values written as
//! `enc1:` + base64 by earlier builds still open, and are rewritten densely when they are next saved.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use std::fmt;

/// Stored text that starts with this is sealed: `enc2:` + [`to_dense`](IV ‖ ciphertext ‖ tag). What this build
/// writes.
pub const SEALED_PREFIX: &str = "enc2:";
/// Sealed text written by earlier builds: `enc1:` + base64(IV ‖ ciphertext ‖ tag). Still read.
pub const SEALED_PREFIX_BASE64: &str = "enc1:";
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

    /// Seals the text stored under `name` (the dense `enc2:` form).
    pub fn seal(&self, name: &str, plain: &str, iv: [u8; 12]) -> String {
        format!("{SEALED_PREFIX}{}", to_dense(&self.seal_bytes(name.as_bytes(), plain.as_bytes(), iv)))
    }

    /// Opens text sealed under `name`, in either form (`enc2:` dense, or `enc1:` base64 from earlier builds).
    pub fn open(&self, name: &str, sealed: &str) -> Result<String, CryptoError> {
        let bytes = if let Some(body) = sealed.strip_prefix(SEALED_PREFIX) {
            from_dense(body).ok_or(CryptoError::Malformed)?
        } else if let Some(body) = sealed.strip_prefix(SEALED_PREFIX_BASE64) {
            BASE64.decode(body).map_err(|_| CryptoError::Malformed)?
        } else {
            return Err(CryptoError::Malformed);
        };
        let plain = self.open_bytes(name.as_bytes(), &bytes)?;
        String::from_utf8(plain).map_err(|_| CryptoError::Malformed)
    }
}

/// True for stored text written by [`Sealer::seal`], in this build's form or an earlier one.
pub fn is_sealed(text: &str) -> bool {
    text.starts_with(SEALED_PREFIX) || text.starts_with(SEALED_PREFIX_BASE64)
}

/// First code point of the 15-bit alphabet: U+4E00..=U+CDFF, 32,768 consecutive code points (CJK ideographs,
/// Yi, and the start of the Hangul syllables). All are below the surrogates (U+D800), none is a control
/// character or a noncharacter, and NFC leaves each unchanged, so they survive localStorage, JSON and text
/// handling in every browser. Each takes one UTF-16 unit (what WebKit's and Gecko's quotas count).
pub const DENSE_START: u32 = 0x4E00;
/// First code point of the 7-bit alphabet for the last character: U+3400..=U+347F (CJK Extension A), apart
/// from the 15-bit one so a decoder knows how many bits the last character holds.
pub const DENSE_TAIL_START: u32 = 0x3400;

/// Packs bytes 15 bits to a character, most significant bit first (the idea of base32768). The bits left at
/// the end go in one last character: a 7-bit one when 7 or fewer remain, otherwise a 15-bit one, padded with
/// zero bits. So n bytes take ⌈8n/15⌉ characters, each one UTF-16 unit: 2.5 times denser than base64 there.
pub fn to_dense(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(dense_units(bytes.len()) * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    let mut push = |code: u32| out.extend(char::from_u32(code));
    for &byte in bytes {
        acc = (acc << 8) | u32::from(byte);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push(DENSE_START + (acc >> bits));
            acc &= (1 << bits) - 1;
        }
    }
    match bits {
        0 => {}
        1..=7 => push(DENSE_TAIL_START + (acc << (7 - bits))),
        _ => push(DENSE_START + (acc << (15 - bits))),
    }
    out
}

/// Reads what [`to_dense`] wrote; `None` for any character outside the two alphabets, a 7-bit character that is
/// not the last, or padding that is not what `to_dense` writes. Never panics.
pub fn from_dense(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 3 * 15 / 8 + 1);
    let (mut acc, mut bits) = (0u32, 0u32);
    let mut chars = text.chars().peekable();
    let mut tail = false;
    while let Some(c) = chars.next() {
        let code = u32::from(c);
        let (value, width) = if (DENSE_START..DENSE_START + 0x8000).contains(&code) {
            (code - DENSE_START, 15)
        } else if (DENSE_TAIL_START..DENSE_TAIL_START + 0x80).contains(&code) && chars.peek().is_none() {
            tail = true;
            (code - DENSE_TAIL_START, 7)
        } else {
            return None;
        };
        acc = (acc << width) | value;
        bits += width;
        while bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // What is left is padding: zero bits, and a 7-bit last character always carries at least one real bit.
    (acc == 0 && !(tail && bits == 7)).then_some(out)
}

/// Characters (UTF-16 units) [`to_dense`] writes for `bytes` bytes.
pub fn dense_units(bytes: usize) -> usize {
    (bytes * 8).div_ceil(15)
}

/// UTF-16 units of a value sealed by [`Sealer::seal`] whose plain text is `plain_utf8_bytes` long in UTF-8: the
/// prefix, and the 12-byte IV, the ciphertext (as long as the text) and the 16-byte tag packed densely.
pub fn sealed_units(plain_utf8_bytes: usize) -> usize {
    SEALED_PREFIX.len() + dense_units(12 + plain_utf8_bytes + 16)
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
