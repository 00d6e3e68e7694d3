//! Components shared by the pages.

pub mod banners;
pub mod course_search;
pub mod rich_text;
