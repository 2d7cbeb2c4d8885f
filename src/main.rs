//! The page's entry point: the answer first, then the app (src/ui/boot.rs). A panic aborts (release profile); index.html
//! turns the resulting Wasm trap into a message for the reader.

#[cfg(target_arch = "wasm32")]
fn main() {
    kwhich::ui::boot::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("kwhich-app is the web page: build it with `trunk build --release`. The command line is `kwhich`.");
}
