//! Stable random record ids.

/// Makes a record id from 16 random bytes (the caller supplies them, so this stays pure): 32 hex characters.
pub fn id_from_bytes(bytes: [u8; 16]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// True for strings that look like ids this app makes (and are safe in a storage key and a URL).
pub fn is_valid_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
