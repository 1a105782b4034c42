//! The OpenAPI document at `/api/openapi.json`, generated from the API
//! handlers' own annotations so it cannot drift from the code.

use std::sync::LazyLock;

use axum::Json;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref};
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
        (name = "meetings", description = "Finding meetings"),
        (name = "groups", description = "Support groups: joining, shares, replies and notifications; content is for members only"),
        (name = "safety", description = "Crisis language, reports, the moderation queue and the audit log"),
        (name = "recovery", description = "A member's own recovery record: counters and milestones, daily check-ins, journal, meeting log, goals, and the accountability partners they choose; for them alone and those partners"),
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

/// Every route that reads a JSON body can refuse it the same ways, before
/// its handler runs; say so once here rather than on every route.
struct BodyProblems;

impl BodyProblems {
    const RESPONSES: [(&'static str, &'static str); 4] = [
        ("400", "The body is not well-formed JSON"),
        ("413", "The body is larger than Hearth accepts"),
        ("415", "The body is not application/json"),
        ("422", "The body does not have the fields this route needs"),
    ];
}

impl Modify for BodyProblems {
    fn modify(&self, document: &mut OpenApi) {
        for item in document.paths.paths.values_mut() {
            let operations = [&mut item.post, &mut item.put, &mut item.patch];
            for operation in operations.into_iter().flatten() {
                if operation.request_body.is_none() {
                    continue;
                }
                for (status, description) in Self::RESPONSES {
                    operation
                        .responses
                        .responses
                        .entry(status.to_owned())
                        .or_insert_with(|| problem_response(description).into());
                }
            }
        }
    }
}

fn problem_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}

pub(crate) fn base_document() -> OpenApi {
    BaseDocument::openapi()
}

/// The whole document: the base plus every route's description.
pub fn openapi_document() -> OpenApi {
    let (_, mut document) = api_routes().split_for_parts();
    // Applied here, not in `modifiers(...)`: it needs the routes' paths.
    BodyProblems.modify(&mut document);
    document
}

/// Built once: the document depends only on the code.
pub async fn serve() -> Json<&'static OpenApi> {
    static DOCUMENT: LazyLock<OpenApi> = LazyLock::new(openapi_document);
    Json(&DOCUMENT)
}
