//! Components shared by the pages.

pub mod banners;
pub mod rich_text;
