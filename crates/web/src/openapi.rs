//! The OpenAPI document at `/api/openapi.json`, generated from the API
//! handlers' own annotations so it cannot drift from the code.

use axum::Json;
use utoipa::openapi::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi as _};

use crate::app::api_routes;

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Hearth API",
        description = "The JSON API of Hearth, a home for recovery support groups. \
            Errors are application/problem+json (RFC 9457).",
        license(name = "AGPL-3.0-or-later")
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "accounts", description = "Creating and reading accounts"),
        (name = "sessions", description = "Signing in and out"),
    )
)]
struct BaseDocument;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, document: &mut OpenApi) {
        let components = document.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub(crate) fn base_document() -> OpenApi {
    BaseDocument::openapi()
}

/// The whole document: the base plus every route's description.
pub fn openapi_document() -> OpenApi {
    let (_, document) = api_routes().split_for_parts();
    document
}

pub async fn serve() -> Json<OpenApi> {
    Json(openapi_document())
}
