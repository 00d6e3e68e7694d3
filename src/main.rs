//! Starts Trust Steps in the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    trust_steps::ui::start_up::start(trust_steps::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Trust Steps runs in the browser: build it with `make build` and open it with `make serve`.");
}
