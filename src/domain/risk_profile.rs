//! Risk warnings for one creator (placeholder, being written).
