//! `GET /api/meetings.json`: every meeting as one Meeting Guide feed, the
//! format the Meeting Guide app and TSML UI read, streamed so a list of any
//! size goes out in constant memory.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::HeaderValue;
use axum::http::header::{ACCESS_CONTROL_ALLOW_ORIGIN, CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use tokio::sync::mpsc;

use crate::AppState;

/// Records in flight between the database and the socket.
const BUFFERED_RECORDS: usize = 256;

pub async fn serve(State(state): State<AppState>) -> Response {
    let (sender, receiver) = mpsc::channel(BUFFERED_RECORDS);
    let store = state.store.clone();
    tokio::spawn(async move {
        if let Err(error) = store.send_meeting_records(sender).await {
            // The response has started: the client sees a truncated body,
            // which no JSON parser accepts, rather than a silent partial list.
            tracing::error!(%error, "the meeting feed stopped part way");
        }
    });
    let body = stream::unfold(Feed::Opening(receiver), Feed::next);
    let mut response = Body::from_stream(body).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    // Public data that other sites' finders (TSML UI, Meeting Guide) fetch.
    headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}

/// Where the feed's JSON array is in being written.
enum Feed {
    Opening(mpsc::Receiver<String>),
    Records(mpsc::Receiver<String>),
    Done,
}

impl Feed {
    async fn next(self) -> Option<(Result<Bytes, std::convert::Infallible>, Feed)> {
        match self {
            Feed::Opening(mut records) => {
                let first = match records.recv().await {
                    Some(record) => format!("[{record}"),
                    None => return Some((Ok(Bytes::from_static(b"[]\n")), Feed::Done)),
                };
                Some((Ok(Bytes::from(first)), Feed::Records(records)))
            }
            Feed::Records(mut records) => match records.recv().await {
                Some(record) => Some((
                    Ok(Bytes::from(format!(",\n{record}"))),
                    Feed::Records(records),
                )),
                None => Some((Ok(Bytes::from_static(b"]\n")), Feed::Done)),
            },
            Feed::Done => None,
        }
    }
}
