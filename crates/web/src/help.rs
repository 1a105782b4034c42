//! "Get help now": crisis lines, one tap from every page, no sign-in.

use askama::Template;
use axum::extract::State;
use axum::response::IntoResponse;

use crate::page::{PageContext, render};
use crate::{AppError, AppState, CrisisLine};

#[derive(Template)]
#[template(path = "help.html")]
struct HelpPage<'a> {
    ctx: PageContext,
    lines: &'a [CrisisLine],
}

pub async fn page(
    State(state): State<AppState>,
    ctx: PageContext,
) -> Result<impl IntoResponse, AppError> {
    render(&HelpPage {
        ctx,
        lines: &state.config.crisis_lines.lines,
    })
}
