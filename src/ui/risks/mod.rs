//! The Risks section: the creator picker (`panel`) and the picked creator's `target` (where the
//! tools save their results, in the creator's dossier) with its stored `evidence`, then each tool
//! (`comments`, `audience`, `anomalies`, `disclosure`) in its own component framed by
//! `tool::RiskTool`, the lazily fetched sentiment `lexicon`, the editable `thresholds`, and
//! `for_creator`, the warnings of one shortlisted creator that the other sections show.

pub mod anomalies;
pub mod audience;
pub mod comments;
pub mod disclosure;
pub mod evidence;
pub mod for_creator;
pub mod lexicon;
pub mod panel;
pub mod target;
pub mod thresholds;
pub mod tool;
