//! `GET /api/v1/meetings` on both databases: place, time, type, text,
//! attendance, ordering, paging and the 422s.

mod support;

use std::collections::BTreeSet;

use hearth_domain::meetings::feed::parse_feed;
use hearth_store::backend_tests;
use hearth_web::Config;
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{TestApp, problem, spawn_app, start_node};

/// Tuesday 2026-03-03, 18:50 in Portland (PST, UTC-8).
const AT: &str = "2026-03-04T02:50:00Z";
/// Downtown Portland.
const HERE: (&str, &str) = ("45.5152", "-122.6784");

async fn with_meetings(app: &TestApp) {
    let feed = json!([
        // 1.1 km from downtown, Tuesdays 19:00: starts in 10 minutes.
        { "name": "Pearl Tuesday Night", "slug": "pearl", "day": 2, "time": "19:00", "end_time": "20:00",
          "timezone": "America/Los_Angeles", "formatted_address": "1 NW 10th Ave, Portland, OR",
          "latitude": 45.5236, "longitude": -122.6812, "types": ["O", "D"], "notes": "Step study upstairs" },
        // 3 km, Tuesdays 18:30: in progress at AT.
        { "name": "Hawthorne Hope", "slug": "hawthorne", "day": [2, 4], "time": "18:30",
          "timezone": "America/Los_Angeles", "formatted_address": "500 SE Hawthorne Blvd, Portland, OR",
          "latitude": 45.5122, "longitude": -122.6387, "types": ["C", "W"] },
        // 7 km, Wednesdays 07:00.
        { "name": "Sunrise on Alberta", "slug": "alberta", "day": 3, "time": "07:00",
          "timezone": "America/Los_Angeles", "formatted_address": "1500 NE Alberta St, Portland, OR",
          "latitude": 45.5590, "longitude": -122.6500, "types": ["O"] },
        // Online only, Tuesdays 19:30.
        { "name": "Zoom Serenity", "slug": "zoom", "day": 2, "time": "19:30", "timezone": "America/Los_Angeles",
          "conference_url": "https://zoom.us/j/1", "types": ["O", "ONL"] },
        // Temporarily closed, no online: inactive.
        { "name": "Closed for Repairs", "slug": "closed", "day": 2, "time": "19:00", "timezone": "America/Los_Angeles",
          "formatted_address": "2 SW Main St, Portland, OR", "latitude": 45.5150, "longitude": -122.6790, "types": ["TC"] },
        // Seattle: 233 km away.
        { "name": "Seattle Noon", "slug": "seattle", "day": 2, "time": "12:00", "timezone": "America/Los_Angeles",
          "formatted_address": "1 Pike St, Seattle, WA", "latitude": 47.6097, "longitude": -122.3422 },
    ])
    .to_string();
    let parsed = parse_feed(&feed, None).unwrap();
    assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
    app.db
        .store
        .import_meetings("test", &parsed.meetings, false, jiff::Timestamp::now())
        .await
        .unwrap();
}

async fn search(app: &TestApp, query: &[(&str, &str)]) -> Value {
    search_at(&app.address, query).await
}

/// A search on the node at `address`.
async fn search_at(address: &str, query: &[(&str, &str)]) -> Value {
    let mut all = vec![("at", AT)];
    all.extend_from_slice(query);
    let response = reqwest::Client::new()
        .get(format!("{address}/api/v1/meetings"))
        .query(&all)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{query:?}");
    response.json().await.unwrap()
}

fn slugs(results: &Value) -> Vec<String> {
    results["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["slug"].as_str().unwrap().to_owned())
        .collect()
}

backend_tests! {
    setup = spawn_app;

    async fn nearby_meetings_come_soonest_first(app) {
        with_meetings(&app).await;
        let found = search(&app, &[("lat", HERE.0), ("lng", HERE.1), ("radius_km", "10")]).await;
        // In progress first (its start has passed but it has not ended), then by next start.
        assert_eq!(slugs(&found), ["hawthorne", "pearl", "alberta"]);
        let hawthorne = &found["meetings"][0];
        assert_eq!(hawthorne["in_progress"], true);
        assert_eq!(hawthorne["next_start"], "2026-03-03T18:30:00-08:00");
        assert_eq!(hawthorne["attendance"], "in_person");
        let pearl = &found["meetings"][1];
        assert_eq!(pearl["in_progress"], false);
        assert!((pearl["distance_km"].as_f64().unwrap() - 0.93).abs() < 0.1, "{pearl}");
        assert_eq!(pearl["notes"], "Step study upstairs", "results carry the feed record");
        assert_eq!(found["total"], 3);
    }

    async fn place_names_and_zip_codes_are_found_offline(app) {
        with_meetings(&app).await;
        let by_name = search(&app, &[("near", "Portland, OR")]).await;
        assert_eq!(slugs(&by_name), ["hawthorne", "pearl", "alberta"], "within 25 km by default");
        let by_zip = search(&app, &[("near", "97209"), ("radius_km", "3")]).await;
        assert_eq!(slugs(&by_zip), ["pearl"]);
        let response = app.api.get(app.url("/api/v1/meetings")).query(&[("near", "Portland")]).send().await.unwrap();
        let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(body["detail"].as_str().unwrap().contains("Maine"), "the choices are named: {body}");
    }

    async fn online_meetings_join_a_radius_search_only_when_asked_for(app) {
        with_meetings(&app).await;
        let near = [("lat", HERE.0), ("lng", HERE.1), ("radius_km", "10")];
        assert!(!slugs(&search(&app, &near).await).contains(&"zoom".to_owned()));
        let mut with_online = near.to_vec();
        with_online.push(("attendance", "in_person,online"));
        let found = search(&app, &with_online).await;
        assert!(slugs(&found).contains(&"zoom".to_owned()));
        let zoom = found["meetings"].as_array().unwrap().iter().find(|m| m["slug"] == "zoom").unwrap();
        assert_eq!(zoom["distance_km"], Value::Null);
        assert_eq!(zoom["attendance"], "online");
    }

    async fn inactive_meetings_are_left_out_unless_asked_for(app) {
        with_meetings(&app).await;
        assert!(!slugs(&search(&app, &[]).await).contains(&"closed".to_owned()));
        assert_eq!(slugs(&search(&app, &[("attendance", "inactive")]).await), ["closed"]);
    }

    async fn day_and_local_times_are_the_meetings_own(app) {
        with_meetings(&app).await;
        let evening = search(&app, &[("day", "2"), ("from", "18:00"), ("to", "19:15")]).await;
        assert_eq!(slugs(&evening), ["hawthorne", "pearl"]);
        let soon = search(&app, &[("starts_within", "45")]).await;
        assert_eq!(slugs(&soon), ["pearl", "zoom"], "starting in 10 and 40 minutes");
    }

    async fn types_must_all_match_and_text_is_found(app) {
        with_meetings(&app).await;
        assert_eq!(slugs(&search(&app, &[("types", "O,D")]).await), ["pearl"]);
        assert_eq!(slugs(&search(&app, &[("types", "C")]).await), ["hawthorne"]);
        assert_eq!(slugs(&search(&app, &[("q", "STEP STUDY")]).await), ["pearl"]);
        assert_eq!(slugs(&search(&app, &[("q", "100%")]).await), Vec::<String>::new(), "% is a character, not a wildcard");
    }

    async fn sort_by_distance_puts_the_nearest_first(app) {
        with_meetings(&app).await;
        let found = search(&app, &[("lat", HERE.0), ("lng", HERE.1), ("sort", "distance")]).await;
        let order = slugs(&found);
        assert_eq!(&order[..4], ["pearl", "hawthorne", "alberta", "seattle"]);
        assert_eq!(order.last().unwrap(), "zoom", "no coordinates, last");
    }

    async fn pages_neither_repeat_nor_skip(app) {
        with_meetings(&app).await;
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let mut query = vec![("limit", "2".to_owned())];
            if let Some(c) = &cursor {
                query.push(("cursor", c.clone()));
            }
            let query: Vec<(&str, &str)> = query.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let page = search(&app, &query).await;
            seen.extend(slugs(&page));
            match page["next_cursor"].as_str() {
                Some(next) => cursor = Some(next.to_owned()),
                None => break,
            }
        }
        let all = slugs(&search(&app, &[("limit", "100")]).await);
        assert_eq!(seen, all);
        assert_eq!(seen.iter().collect::<BTreeSet<_>>().len(), seen.len());
        assert_eq!(seen.len(), 5);
    }

    async fn a_parameter_that_cannot_be_used_is_named(app) {
        for (query, parameter) in [
            (vec![("lat", "45.5")], "lng"),
            (vec![("radius_km", "5")], "radius_km"),
            (vec![("lat", "95"), ("lng", "0")], "lat"),
            (vec![("lat", "45"), ("lng", "0"), ("radius_km", "-1")], "radius_km"),
            (vec![("day", "7")], "day"),
            (vec![("from", "25:00")], "from"),
            (vec![("starts_within", "soon")], "starts_within"),
            (vec![("at", "yesterday")], "at"),
            (vec![("attendance", "telepathy")], "attendance"),
            (vec![("sort", "distance")], "sort"),
            (vec![("limit", "0")], "limit"),
            (vec![("cursor", "not-a-cursor")], "cursor"),
            (vec![("near", "Portland")], "near"),
            (vec![("near", "Nowhere At All, Atlantis")], "near"),
            (vec![("near", "97209"), ("lat", "45.5")], "near"),
        ] {
            let response = app.api.get(app.url("/api/v1/meetings")).query(&query).send().await.unwrap();
            let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert_eq!(body["errors"][0]["field"], parameter, "{query:?}");
            assert!(body["detail"].as_str().unwrap().contains(parameter), "{body}");
        }
    }

    async fn a_parameter_problem_is_told_in_the_readers_language(app) {
        for (query, english, spanish) in [
            (vec![("day", "7")], "must be 0 (Sunday) to 6 (Saturday)", "debe ser de 0 (domingo) a 6 (sábado)"),
            (vec![("limit", "0")], "must be a number from 1 to 100", "debe ser un número de 1 a 100"),
            (vec![("near", "Portland")], "could be several places", "puede ser varios lugares"),
        ] {
            for (language, expected) in [("en", english), ("es", spanish)] {
                let response = app
                    .api
                    .get(app.url("/api/v1/meetings"))
                    .header("Accept-Language", language)
                    .query(&query)
                    .send()
                    .await
                    .unwrap();
                let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
                let detail = body["detail"].as_str().unwrap();
                assert!(detail.contains(expected), "{language} {query:?}: {detail}");
            }
        }
    }

    async fn every_node_sees_every_change_at_once(app) {
        with_meetings(&app).await;
        let (other, _stop, _) = start_node(&app.db, Config::default()).await;
        assert_eq!(search(&app, &[]).await["total"], 5);
        assert_eq!(search_at(&other, &[]).await["total"], 5);

        // Another process (an import, an editor on a third node) changes the
        // list: Alberta gets regions, Pearl a new name, Seattle is pruned.
        let feed = json!([
            { "name": "Pearl on Tuesdays", "slug": "pearl", "day": 2, "time": "19:00",
              "timezone": "America/Los_Angeles", "formatted_address": "1 NW 10th Ave, Portland, OR",
              "latitude": 45.5236, "longitude": -122.6812, "types": ["O", "D"],
              "attendance": "a field of the feed's own, which the search's value replaces" },
            { "name": "Sunrise on Alberta", "slug": "alberta", "day": 3, "time": "07:00",
              "timezone": "America/Los_Angeles", "formatted_address": "1500 NE Alberta St, Portland, OR",
              "latitude": 45.5590, "longitude": -122.6500, "types": ["O"], "regions": ["Portland", "Northeast"] },
        ])
        .to_string();
        let parsed = parse_feed(&feed, None).unwrap();
        app.db.store.import_meetings("test", &parsed.meetings, true, jiff::Timestamp::now()).await.unwrap();

        for node in [app.address.as_str(), other.as_str()] {
            let all = search_at(node, &[]).await;
            assert_eq!(slugs(&all), ["pearl", "alberta"], "{node}");
            assert_eq!(all["meetings"][0]["name"], "Pearl on Tuesdays");
            assert_eq!(all["meetings"][0]["attendance"], "in_person");
            let by_region = search_at(node, &[("region", "NORTHEAST")]).await;
            assert_eq!(slugs(&by_region), ["alberta"], "regions match whatever their case");
            assert_eq!(search_at(node, &[("region", "Seattle")]).await["total"], 0);
        }
    }
}
