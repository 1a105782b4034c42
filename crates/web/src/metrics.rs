//! Request counts and latencies, served at `/metrics` in the Prometheus text
//! format. Labels are route patterns (`/account/sessions/{id}/revoke`), never
//! raw paths, so the number of series stays small.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

#[derive(Default)]
pub struct Metrics {
    inner: Mutex<Series>,
}

#[derive(Default)]
struct Series {
    /// (method, route, status) -> count
    requests: BTreeMap<(String, String, u16), u64>,
    /// route -> latency histogram
    latency: BTreeMap<String, Histogram>,
}

#[derive(Default)]
struct Histogram {
    /// Count of observations at or under each bucket's bound.
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Metrics {
    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let mut series = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        *series
            .requests
            .entry((method.to_owned(), route.to_owned(), status))
            .or_default() += 1;
        let histogram = series.latency.entry(route.to_owned()).or_default();
        histogram.count += 1;
        histogram.sum += seconds;
        for (bound, bucket) in BUCKETS.iter().zip(histogram.buckets.iter_mut()) {
            if seconds <= *bound {
                *bucket += 1;
            }
        }
    }

    /// The Prometheus text exposition of everything observed so far.
    pub fn render(&self) -> String {
        let series = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = String::new();
        out.push_str("# HELP hearth_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE hearth_http_requests_total counter\n");
        for ((method, route, status), count) in &series.requests {
            let _ = writeln!(
                out,
                "hearth_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {count}",
                escape(route)
            );
        }
        out.push_str("# HELP hearth_http_request_duration_seconds Time to answer HTTP requests.\n");
        out.push_str("# TYPE hearth_http_request_duration_seconds histogram\n");
        for (route, histogram) in &series.latency {
            let route = escape(route);
            for (bound, bucket) in BUCKETS.iter().zip(histogram.buckets) {
                let _ = writeln!(
                    out,
                    "hearth_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {bucket}"
                );
            }
            let _ = writeln!(
                out,
                "hearth_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                histogram.count
            );
            let _ = writeln!(
                out,
                "hearth_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                histogram.sum
            );
            let _ = writeln!(
                out,
                "hearth_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                histogram.count
            );
        }
        out
    }
}

fn escape(label: &str) -> String {
    label.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Middleware: times each request and counts it under its route pattern.
pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |path| path.as_str().to_owned());
    let response = next.run(request).await;
    let seconds = started.elapsed().as_secs_f64();
    state
        .metrics
        .observe(&method, &route, response.status().as_u16(), seconds);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_and_cumulative_buckets() {
        let metrics = Metrics::default();
        metrics.observe("GET", "/", 200, 0.003);
        metrics.observe("GET", "/", 200, 0.2);
        let text = metrics.render();
        assert!(
            text.contains(r#"hearth_http_requests_total{method="GET",route="/",status="200"} 2"#)
        );
        assert!(
            text.contains(
                r#"hearth_http_request_duration_seconds_bucket{route="/",le="0.0025"} 0"#
            )
        );
        assert!(
            text.contains(r#"hearth_http_request_duration_seconds_bucket{route="/",le="0.005"} 1"#)
        );
        assert!(
            text.contains(r#"hearth_http_request_duration_seconds_bucket{route="/",le="0.25"} 2"#)
        );
        assert!(text.contains(r#"hearth_http_request_duration_seconds_count{route="/"} 2"#));
    }
}
