//! Browser entry point: install the panic hook, then mount the app.

fn main() {
    microscope::ui::app::panic::install();
    microscope::mount();
}
