//! One persisted, debounced store over `storage` (placeholder, being written).
