//! The front page.

use askama::Template;
use axum::response::IntoResponse;

use crate::AppError;
use crate::page::{PageContext, render};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: PageContext,
}

pub async fn page(ctx: PageContext) -> Result<impl IntoResponse, AppError> {
    render(&HomePage { ctx })
}
