//! The meaning of things in Hearth, with no I/O and no async.
//!
//! Every value that crosses from the outside world into Hearth is parsed here
//! into a type that can only hold a valid value ("parse, don't validate"), so
//! the store and the web layer never have to check it again.

pub mod geo;
pub mod groups;
pub mod meetings;
pub mod moderation;
pub mod people;
pub mod recovery;
pub mod safety;
pub mod throttle;
