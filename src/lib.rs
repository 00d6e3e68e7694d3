//! Trust Steps: a private, offline web app that helps a person learn to trust others again.
//!
//! `domain`, `storage` and `content` are pure Rust and tested natively; `state`, `ui` and `app` are the
//! Leptos layer and only build for the browser (wasm32).

pub mod content;
pub mod domain;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;
