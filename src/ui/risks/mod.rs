//! The Risks section: each tool (`comments`, `audience`, `anomalies`, `disclosure`) in its own
//! component, the lazily fetched sentiment `lexicon`, the editable `thresholds`, and `for_creator`,
//! the warnings of one shortlisted creator that the other sections show.

pub mod anomalies;
pub mod audience;
pub mod comments;
pub mod disclosure;
pub mod for_creator;
pub mod lexicon;
pub mod panel;
pub mod thresholds;
