//! Hearth over HTTP: server-rendered HTML pages for people, a JSON API under
//! `/api/v1` for apps, and the middleware that keeps both safe.
//!
//! Each feature is a module with its pages and its API side by side; the
//! cross-cutting parts (sessions, CSRF, security headers, errors, metrics)
//! are layers in [`app::router`].

pub mod accounts;
mod app;
mod assets;
pub mod auth;
mod blocks;
mod config;
mod error;
mod groups;
mod headers;
mod help;
mod home;
pub mod i18n;
mod language;
mod meetings;
mod metrics;
mod moderation;
mod openapi;
mod ops;
mod page;
mod recovery;
mod safety;

pub use app::{AppState, router, serve};
pub use config::{Clock, Config, CrisisLine, CrisisLines};
pub use error::AppError;
pub use groups::page_paths as group_page_paths;
pub use openapi::openapi_document;
pub use recovery::page_paths as recovery_page_paths;
