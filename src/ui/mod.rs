//! The Leptos user interface: layout, shared components and one page per route.

pub mod charts;
pub mod components;
pub mod dom;
pub mod exercises;
pub mod layout;
pub mod lock_screen;
pub mod pages;
pub mod start_up;
pub mod theme;
