//! The page frame: section navigation and footer (`shell`), the visible panic message (`panic`),
//! and the one browser clock (`clock`) every timing uses.

pub mod clock;
pub mod panic;
pub mod shell;
