//! Safety: what keeps people safe when they write to one another at their
//! lowest moments.
//!
//! [`crisis`] recognises writing that says someone means to end their life,
//! is hurting themselves, has taken too much, or is in danger right now, so
//! that Hearth can put help in front of them (and of the people who can
//! reach them) without waiting for a moderator to read every post.

pub mod crisis;
