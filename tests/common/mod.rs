//! Helpers shared by the native test files (`mod common;` in each): a seeded random generator and a locked
//! store over memory. Each test file uses only some of them.

#![allow(dead_code)]

use std::cell::Cell;
use std::rc::Rc;
use trust_steps::storage::locked::LockedStore;
use trust_steps::storage::MemoryStore;

/// A small seeded generator (xorshift64*), so failures reproduce and no test crate is needed.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 for `n` = 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// `n` random bytes.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// A locked store over memory whose IVs count up (fresh for every write).
pub fn locked_store() -> Rc<LockedStore<MemoryStore>> {
    let counter = Cell::new(0u8);
    Rc::new(LockedStore::new(
        MemoryStore::new(),
        Box::new(move || {
            counter.set(counter.get() + 1);
            [counter.get(); 12]
        }),
    ))
}
