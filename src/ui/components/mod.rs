//! Components shared by the pages.

pub mod banners;
pub mod course_search;
pub mod disclosure;
pub mod fields;
pub mod helplines;
pub mod home_screen;
pub mod repair_safety;
pub mod rich_text;
pub mod safety_notice;
pub mod show_more;
pub mod toast;
pub mod unlock;
