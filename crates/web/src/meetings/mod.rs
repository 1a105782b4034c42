//! The meeting finder: the Meeting Guide feed out, search, and the pages.

pub mod edit;
pub mod feed;
pub mod index;
pub mod pages;
pub mod search;
