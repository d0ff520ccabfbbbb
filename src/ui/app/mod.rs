//! The page frame: section navigation and footer (`shell`), the visible panic message (`panic`),
//! the one browser clock (`clock`) every timing uses, and the parts whose code is downloaded on
//! first use (`lazy`: how one is declared and shown; `sections`: which ones), and `slices`, the
//! time-sliced runner both CSV imports use.

pub mod clock;
pub mod lazy;
pub mod panic;
pub mod sections;
pub mod shell;
pub mod slices;
