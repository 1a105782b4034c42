//! Crisis language: what a person who may be in danger sees at once, in
//! pages and in the API, and the detector on its own for apps. And the
//! brakes on abuse: rate limits on posting, replying, reporting and
//! inviting.
//!
//! Nothing here leaves Hearth: the text is read in this process, and the
//! crisis lines are the operator's list.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::{Extension, Json};
use hearth_domain::safety::crisis::{self, Assessment};
use hearth_domain::throttle::{NEW_ACCOUNT_AGE, RateAction};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{ClientAddress, CurrentUser};
use crate::error::{FieldError, Problem};
use crate::i18n::negotiate::country;
use crate::i18n::{Lang, Message};
use crate::{AppError, AppState, CrisisLine, CrisisLines};

/// The most text `POST /api/v1/safety/check` reads: a long share's worth.
const CHECK_MAX_CHARS: usize = 20_000;

/// What the API says about crisis language in a text: on every write, and
/// from `POST /api/v1/safety/check`.
#[derive(Debug, Serialize, ToSchema)]
pub struct CrisisView {
    /// The text reads as someone in danger: show the crisis lines now.
    detected: bool,
    /// What kind of danger: `suicidal_intent`, `self_harm`, `overdose`,
    /// `immediate_danger`.
    kinds: Vec<String>,
    /// Crisis lines, the reader's country first; empty when nothing was
    /// detected.
    resources: Vec<CrisisResource>,
}

/// One crisis line, in the reader's language.
#[derive(Debug, Serialize, ToSchema)]
pub struct CrisisResource {
    region: String,
    name: String,
    number: String,
    /// A `tel:` link to call it.
    tel: String,
    how: String,
}

impl CrisisView {
    /// The API's answer for `assessment`, with the lines for a reader
    /// speaking `lang` whose browser names `country`.
    pub fn new(
        assessment: &Assessment,
        lines: &CrisisLines,
        lang: Lang,
        country: Option<&str>,
    ) -> CrisisView {
        let resources = if assessment.detected() {
            (lines.for_country(country).into_iter())
                .map(|line| CrisisResource::new(line, lang))
                .collect()
        } else {
            Vec::new()
        };
        CrisisView {
            detected: assessment.detected(),
            kinds: (assessment.kinds().iter())
                .map(|kind| kind.as_str().to_owned())
                .collect(),
            resources,
        }
    }

    /// Reads `text` and answers for the reader of `headers`.
    pub fn of_text(state: &AppState, text: &str, lang: Lang, headers: &HeaderMap) -> CrisisView {
        let assessment = crisis::assess(text);
        let country = country(headers);
        CrisisView::new(
            &assessment,
            &state.config.crisis_lines,
            lang,
            country.as_deref(),
        )
    }

    pub fn detected(&self) -> bool {
        self.detected
    }

    /// The crisis lines to show; none when nothing was detected.
    pub fn into_resources(self) -> Vec<CrisisResource> {
        self.resources
    }
}

impl CrisisResource {
    fn new(line: &CrisisLine, lang: Lang) -> CrisisResource {
        CrisisResource {
            region: line.region_in(&lang).to_owned(),
            name: line.name_in(&lang).to_owned(),
            number: line.number.clone(),
            tel: line.tel_href(),
            how: line.how_in(&lang).to_owned(),
        }
    }
}

/// `POST /api/v1/safety/check`.
pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(check))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CheckRequest {
    text: String,
    /// The language for the crisis lines' texts (`en`, `es`); the
    /// account's or browser's language when left out.
    lang: Option<String>,
}

/// Read a text for crisis language, without storing it or writing
/// anything: for apps that want the panel before posting.
#[utoipa::path(
    post,
    path = "/api/v1/safety/check",
    tag = "safety",
    security(("bearer" = [])),
    request_body = CheckRequest,
    responses(
        (status = 200, body = CrisisView),
        (status = 401, description = "Sign in first", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The text is too long, or the language unknown", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn check(
    State(state): State<AppState>,
    _signed_in: CurrentUser,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    Json(request): Json<CheckRequest>,
) -> Result<Json<CrisisView>, AppError> {
    let lang = match request.lang.as_deref() {
        None => lang,
        Some(code) => Lang::from_code(code).ok_or_else(|| {
            AppError::Invalid(vec![FieldError {
                field: "lang",
                code: "unknown_language",
                message: Message::new("safety-check-unknown-language"),
            }])
        })?,
    };
    if request.text.chars().count() > CHECK_MAX_CHARS {
        return Err(AppError::Invalid(vec![FieldError {
            field: "text",
            code: "too_long",
            message: Message::new("group-input-too-long").with("max", CHECK_MAX_CHARS as i64),
        }]));
    }
    Ok(Json(CrisisView::of_text(
        &state,
        &request.text,
        lang,
        &headers,
    )))
}

/// Counts one `action` by `user` from `address`, or refuses it (429, with
/// how long to wait) when it would go past the account's or the address's
/// limit. Accounts under a day old get tighter limits.
pub async fn brake(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    action: RateAction,
) -> Result<(), AppError> {
    let now = Timestamp::now();
    let account = &user.account;
    let is_new = now.duration_since(account.created_at) < NEW_ACCOUNT_AGE;
    let (per_account, per_address) = (action.per_account(is_new), action.per_address());
    let since = now - RateAction::longest_window();
    // Events out of every window no longer count, and their addresses are
    // not kept.
    state.store.prune_rate_events(since).await?;
    let by_account = (state.store)
        .rate_events_by_account(action, account.id, since, per_account.max_events)
        .await?;
    let by_address = (state.store)
        .rate_events_from_address(action, &address.0, since, per_address.max_events)
        .await?;
    let wait = [
        per_account.wait_before_next_attempt(&by_account, now),
        per_address.wait_before_next_attempt(&by_address, now),
    ]
    .into_iter()
    .flatten()
    .max();
    if let Some(retry_after) = wait {
        return Err(AppError::SlowDown { retry_after });
    }
    (state.store)
        .record_rate_event(action, account.id, &address.0, now)
        .await?;
    Ok(())
}

/// The "You're not alone" panel a writer sees at once when what they wrote
/// reads as a crisis: the crisis lines, their country's first, and one
/// button to tell their facilitators.
pub struct CrisisPanel {
    /// The post it is about, for "tell my facilitators".
    pub post: i64,
    /// They already told their facilitators.
    pub asked: bool,
    pub lines: Vec<CrisisResource>,
}

impl CrisisPanel {
    pub fn new(
        state: &AppState,
        lang: Lang,
        headers: &HeaderMap,
        post: i64,
        asked: bool,
    ) -> CrisisPanel {
        let country = country(headers);
        CrisisPanel {
            post,
            asked,
            lines: (state.config.crisis_lines.for_country(country.as_deref()))
                .into_iter()
                .map(|line| CrisisResource::new(line, lang))
                .collect(),
        }
    }
}

impl CrisisResource {
    pub fn region(&self) -> &str {
        &self.region
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn number(&self) -> &str {
        &self.number
    }

    pub fn tel(&self) -> &str {
        &self.tel
    }

    pub fn how(&self) -> &str {
        &self.how
    }
}
