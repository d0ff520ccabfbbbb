//! The shortlist's id index: positions into its creators, hashed by the ids where they stand
//! (`IdIndex`), and the fast hash it and the tag counts use (`IdHasher`). Split from `shortlist`,
//! which owns the creators every method here is given.

use super::record::Creator;

/// The id index's hash: FxHash's multiply-and-rotate over 8 bytes at a time, then MurmurHash3's
/// final mix. SipHash, the standard one, cost more than the rest of adding a creator; its
/// resistance to crafted keys buys nothing here, where every id comes from the user's own list
/// or files. The final mix matters: the table picks a bucket by the hash's low bits, which a
/// product alone takes only from the words' low bytes, and ids made in one import share those
/// (all of "cmiv3k2ab-1x3" but its last bytes): without it they collided by the thousand.
#[derive(Default, Clone, Copy)]
pub(super) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        let mut word = [0u8; 8];
        let rest = chunks.remainder();
        word[..rest.len()].copy_from_slice(rest);
        self.0 =
            (self.0.rotate_left(5) ^ u64::from_le_bytes(word) ^ rest.len() as u64).wrapping_mul(K);
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

fn hash_id(id: &str) -> u64 {
    use std::hash::BuildHasher;
    std::hash::BuildHasherDefault::<IdHasher>::default().hash_one(id)
}

/// The id index: positions into the creators, hashed by the ids at those positions, which are
/// not copied. A map keyed by the ids cloned each of them: 100,000 strings made and written into
/// fresh memory by an import (issue 19). Every method takes the creators the positions point
/// into; a position is inserted only once its creator is in them (a rehash hashes their ids).
#[derive(Debug, Clone, Default)]
pub(super) struct IdIndex(hashbrown::HashTable<usize>);

impl IdIndex {
    pub(super) fn get(&self, creators: &[Creator], id: &str) -> Option<usize> {
        self.0.find(hash_id(id), holds(creators, id)).copied()
    }

    pub(super) fn clear(&mut self) {
        self.0.clear();
    }

    pub(super) fn reserve(&mut self, creators: &[Creator], additional: usize) {
        self.0.reserve(additional, |&i| rehash(creators, i));
    }

    /// Indexes position `at` (its creator already in `creators`) unless its id is indexed; the
    /// position indexed for that id otherwise.
    pub(super) fn insert_new(&mut self, creators: &[Creator], at: usize) -> Result<(), usize> {
        let Some(id) = creators.get(at).map(|c| c.id.as_str()) else {
            return Ok(());
        };
        match self
            .0
            .entry(hash_id(id), holds(creators, id), |&i| rehash(creators, i))
        {
            hashbrown::hash_table::Entry::Occupied(e) => Err(*e.get()),
            hashbrown::hash_table::Entry::Vacant(e) => {
                e.insert(at);
                Ok(())
            }
        }
    }

    /// Takes `id` out of the index; its position.
    pub(super) fn remove(&mut self, creators: &[Creator], id: &str) -> Option<usize> {
        self.0
            .find_entry(hash_id(id), holds(creators, id))
            .ok()
            .map(|e| e.remove().0)
    }

    /// The creator with `id` moved from position `from` to `to`.
    pub(super) fn moved(&mut self, id: &str, from: usize, to: usize) {
        if let Some(i) = self.0.find_mut(hash_id(id), |&i| i == from) {
            *i = to;
        }
    }
}

/// Whether a position in the index is the one of the creator with `id`.
fn holds<'a>(creators: &'a [Creator], id: &'a str) -> impl Fn(&usize) -> bool + 'a {
    move |&i| creators.get(i).is_some_and(|c| c.id == id)
}

fn rehash(creators: &[Creator], i: usize) -> u64 {
    creators.get(i).map_or(0, |c| hash_id(&c.id))
}
