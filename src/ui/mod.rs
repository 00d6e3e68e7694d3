//! The Leptos user interface: layout, shared components and one page per route.

pub mod charts;
pub mod components;
pub mod exercises;
pub mod layout;
pub mod lock_screen;
pub mod pages;
pub mod platform;
pub mod start_up;
pub mod theme;
