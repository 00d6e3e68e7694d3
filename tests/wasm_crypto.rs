//! Web Crypto in a real browser: PBKDF2-SHA256 known answers (RFC 7914 §11 and the common 4096-round vector),
//! and the derived key wrapping and opening the data key as the lock does.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use trust_steps::state::lock::{derive_key, normalize_passphrase};
use trust_steps::storage::crypto::Sealer;
use trust_steps::storage::locked::LockRecord;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[wasm_bindgen_test]
async fn pbkdf2_sha256_known_answers() {
    let one = derive_key("password", b"salt", 1).await.unwrap();
    assert_eq!(hex(&one), "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
    let many = derive_key("password", b"salt", 4096).await.unwrap();
    assert_eq!(hex(&many), "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
    // RFC 7914 §11 (PBKDF2-HMAC-SHA256, first 32 of its 64 bytes).
    let rfc = derive_key("passwd", b"salt", 1).await.unwrap();
    assert_eq!(hex(&rfc), "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
}

#[wasm_bindgen_test]
async fn a_derived_key_opens_the_lock_and_a_wrong_passphrase_does_not() {
    let salt = [7u8; 16];
    let right = derive_key("correct horse", &salt, 600_000).await.unwrap();
    let record = LockRecord::new(&salt, &Sealer::new(&right), &[9; 32], [1; 12], 0, "key-a");
    assert_eq!(record.open(&Sealer::new(&right)), Ok([9; 32]));
    let wrong = derive_key("correct hors", &salt, 600_000).await.unwrap();
    assert!(record.open(&Sealer::new(&wrong)).is_err());
}

#[wasm_bindgen_test]
async fn a_composed_and_a_decomposed_accent_derive_the_same_key() {
    // "é" as one code point (NFC, what most keyboards send) and as "e" + a combining acute (NFD, as some systems
    // and pasted text give it): the same passphrase to the person typing it.
    let composed = "caf\u{e9} au lait";
    let decomposed = "cafe\u{301} au lait";
    assert_ne!(composed, decomposed);
    assert_eq!(normalize_passphrase(decomposed), composed);
    assert_eq!(normalize_passphrase(composed), composed);
    let salt = [3u8; 16];
    let one = derive_key(composed, &salt, 1000).await.unwrap();
    let other = derive_key(decomposed, &salt, 1000).await.unwrap();
    assert_eq!(one, other);
    assert_ne!(one, derive_key("cafe au lait", &salt, 1000).await.unwrap());
}
