//! Peer support groups: who a group is for, how it runs, and what its
//! members write to one another.
//!
//! [`input`] parses what a person types into a group's forms, [`roles`] says
//! who may do what inside a group, [`markdown`] turns what members write into
//! HTML that is safe to show to everyone else, and [`mentions`] finds the
//! people a post mentions so they can be told.

pub mod input;
pub mod markdown;
pub mod mentions;
pub mod roles;

pub use input::{
    Body, Description, GroupInputError, GroupKind, GroupLanguage, GroupName, Norms, ShareKind,
    SupportKind, Tag, Tags, Title,
};
pub use markdown::{
    EXCERPT_MAX_CHARS, RenderedPost, plain_excerpt, quote_markdown, render_markdown, shorten,
};
pub use mentions::mentioned_handle_keys;
pub use roles::{GroupAction, GroupRole, UnknownGroupRole, may_act_on};
