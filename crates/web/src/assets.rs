//! Static files, compiled into the binary so a deployment is one file.

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;

use crate::AppError;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "hearth.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../static/hearth.css"),
    },
    Asset {
        name: "finder.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../static/finder.js"),
    },
    Asset {
        name: "icon.svg",
        content_type: "image/svg+xml",
        body: include_bytes!("../static/icon.svg"),
    },
];

pub async fn serve(Path(file): Path<String>) -> Result<impl IntoResponse, AppError> {
    let asset = ASSETS
        .iter()
        .find(|asset| asset.name == file)
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (CONTENT_TYPE, asset.content_type),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        asset.body,
    ))
}
