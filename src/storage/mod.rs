//! Storage: the one door to localStorage (placeholder: being written).
