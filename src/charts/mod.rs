//! Charts: plotters draws SVG strings from plain data; pure, tested natively.
