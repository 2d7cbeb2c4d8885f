//! The page's entry point: set the panic hook and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    kwhich::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("kwhich-app is the web page: build it with `trunk build --release`. The command line is `kwhich`.");
}
