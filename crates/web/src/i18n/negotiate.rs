//! Choosing the language of a response: the person's account setting, else
//! the `hearth_lang` cookie the language menu sets, else the browser's
//! `Accept-Language`, else the operator's default.

use axum::extract::{Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_LANGUAGE};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use super::Lang;
use crate::AppState;
use crate::auth::{CurrentUser, cookie};

pub const LANG_COOKIE: &str = "hearth_lang";

/// The language for a response, from the most to the least personal choice.
pub fn negotiate(
    account_setting: Option<&str>,
    cookie: Option<&str>,
    accept_language: Option<&str>,
    default: Lang,
) -> Lang {
    account_setting
        .and_then(Lang::from_code)
        .or_else(|| cookie.and_then(Lang::from_code))
        .or_else(|| accept_language.and_then(best_accepted))
        .unwrap_or(default)
}

/// The most wanted language Hearth speaks in an `Accept-Language` header,
/// e.g. `es-MX,es;q=0.9,en;q=0.8`. Ties keep the header's order.
fn best_accepted(header: &str) -> Option<Lang> {
    let mut wanted: Vec<(f32, usize, Lang)> = header
        .split(',')
        .enumerate()
        .filter_map(|(position, item)| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let lang = Lang::from_code(tag)?;
            (quality > 0.0).then_some((quality, position, lang))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    wanted.first().map(|(_, _, lang)| *lang)
}

/// The country a browser names in its `Accept-Language` header: the region
/// of the first tag that has one (`es-MX` gives `MX`). Used to put the
/// reader's own crisis line first; it is never stored.
pub fn country(headers: &HeaderMap) -> Option<String> {
    let header = headers.get(ACCEPT_LANGUAGE)?.to_str().ok()?;
    header.split(',').find_map(|item| {
        let tag = item.split(';').next()?.trim();
        let region = tag.split('-').nth(1)?;
        (region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()))
            .then(|| region.to_ascii_uppercase())
    })
}

/// The language a request would get, before knowing who is signed in.
pub(crate) fn from_headers(
    headers: &HeaderMap,
    account_setting: Option<&str>,
    default: Lang,
) -> Lang {
    negotiate(
        account_setting,
        cookie(headers, LANG_COOKIE),
        headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
        default,
    )
}

/// Middleware: picks the request's [`Lang`] for the handlers, and marks the
/// response with it (`Content-Language`, and an extension the error
/// renderer further out reads).
pub async fn language(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let setting = request
        .extensions()
        .get::<CurrentUser>()
        .and_then(|user| user.account.locale.clone());
    let lang = from_headers(
        request.headers(),
        setting.as_deref(),
        state.config.default_lang,
    );
    request.extensions_mut().insert(lang);
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .insert(CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    response.extensions_mut().insert(lang);
    response
}
