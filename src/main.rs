//! The page's entry point: mount the app. A panic aborts (release profile); index.html
//! turns the resulting Wasm trap into a message for the reader.

#[cfg(target_arch = "wasm32")]
fn main() {
    kwhich::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("kwhich-app is the web page: build it with `trunk build --release`. The command line is `kwhich`.");
}
