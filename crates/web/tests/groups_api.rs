//! The groups' JSON API: starting a group, the directory, joining by
//! agreeing to the norms, the privacy wall, shares, replies, supportive
//! responses, "this helped me", anonymity, idempotent retries and
//! notifications. On both databases, over real HTTP.

mod support;

use hearth_domain::groups::Norms;
use hearth_store::backend_tests;
use hearth_store::groups::GroupId;
use hearth_store::groups::posts::PostId;
use hearth_store::people::AccountId;
use hearth_web::auth::session::token_hash;
use jiff::{SignedDuration, Timestamp};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use support::{TestApp, problem, spawn_app};

/// Someone signed in through the API: their token and account id.
struct Person {
    token: String,
    id: AccountId,
}

async fn person(app: &TestApp, handle: &str) -> Person {
    let token = app.api_member(handle).await;
    let me: Value = app.api_me(&token).await.json().await.unwrap();
    Person {
        token,
        id: AccountId(me["id"].as_i64().unwrap()),
    }
}

async fn get(app: &TestApp, who: Option<&Person>, path: &str) -> Response {
    let mut request = app.api.get(app.url(path));
    if let Some(who) = who {
        request = request.bearer_auth(&who.token);
    }
    request.send().await.unwrap()
}

async fn get_json(app: &TestApp, who: &Person, path: &str) -> Value {
    let response = get(app, Some(who), path).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    response.json().await.unwrap()
}

async fn send(
    app: &TestApp,
    method: reqwest::Method,
    who: Option<&Person>,
    path: &str,
    body: Value,
) -> Response {
    let mut request = app.api.request(method, app.url(path)).json(&body);
    if let Some(who) = who {
        request = request.bearer_auth(&who.token);
    }
    request.send().await.unwrap()
}

async fn post(app: &TestApp, who: &Person, path: &str, body: Value) -> Response {
    send(app, reqwest::Method::POST, Some(who), path, body).await
}

/// Starts a group; returns its id.
async fn start_group(app: &TestApp, owner: &Person, name: &str, kind: &str, tags: &[&str]) -> i64 {
    let response = post(
        app,
        owner,
        "/api/v1/groups",
        json!({
            "name": name,
            "description": "Evenings are the hard part",
            "kind": kind,
            "tags": tags,
            "norms": "What is shared here stays here. No crosstalk. Be kind.",
        }),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let group: Value = response.json().await.unwrap();
    group["id"].as_i64().unwrap()
}

/// The current norms version, as an outsider reads it on `/about`.
async fn norms_version(app: &TestApp, who: &Person, group: i64) -> i64 {
    let about = get_json(app, who, &format!("/api/v1/groups/{group}/about")).await;
    about["norms"]["version"].as_i64().unwrap()
}

/// Joins an open group, agreeing to its current norms.
async fn join(app: &TestApp, who: &Person, group: i64) {
    let version = norms_version(app, who, group).await;
    let response = post(
        app,
        who,
        &format!("/api/v1/groups/{group}/join"),
        json!({ "norms_version": version }),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

/// Posts a share; returns its id.
async fn share(app: &TestApp, who: &Person, group: i64, body: Value) -> i64 {
    let response = post(app, who, &format!("/api/v1/groups/{group}/threads"), body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let post: Value = response.json().await.unwrap();
    post["id"].as_i64().unwrap()
}

async fn reply(app: &TestApp, who: &Person, group: i64, thread: i64, body: &str) -> Response {
    post(
        app,
        who,
        &format!("/api/v1/groups/{group}/threads/{thread}/replies"),
        json!({ "body": body }),
    )
    .await
}

/// An open group with its owner and one other member.
async fn open_group_of_two(app: &TestApp) -> (i64, Person, Person) {
    let owner = person(app, "ana").await;
    let member = person(app, "bea").await;
    let group = start_group(app, &owner, "Evening circle", "open", &["alcohol"]).await;
    join(app, &member, group).await;
    (group, owner, member)
}

fn field_names(problem: &Value) -> Vec<&str> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect()
}

backend_tests! {
    setup = spawn_app;

    async fn starting_a_group_returns_it_with_its_id(app) {
        let owner = person(&app, "ana").await;
        let response = post(&app, &owner, "/api/v1/groups", json!({
            "name": "Grief after loss",
            "kind": "request",
            "tags": ["grief", "family_friends"],
        })).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let group: Value = response.json().await.unwrap();
        let id = group["id"].as_i64().unwrap();
        assert_eq!(location, format!("/api/v1/groups/{id}"));
        assert_eq!(group["name"], "Grief after loss");
        assert_eq!(group["kind"], "request");
        assert_eq!(group["tags"], json!(["family_friends", "grief"]));
        assert_eq!(group["language"], "en");
        assert_eq!(group["role"], "owner");
        assert_eq!(group["member_count"], 1);
        assert_eq!(group["agreed_current_norms"], true);
        // Norms left out: the default norms, agreed to by the owner.
        let norms = get_json(&app, &owner, &format!("/api/v1/groups/{id}/norms")).await;
        assert!(norms["text"].as_str().unwrap().contains("What is shared here stays here"));
        assert_eq!(norms["agreed"], true);
        assert!(norms["html"].as_str().unwrap().contains("<strong>"));
        // In Spanish, the Spanish defaults and language.
        let response = app.api.post(app.url("/api/v1/groups"))
            .bearer_auth(&owner.token)
            .header("accept-language", "es")
            .json(&json!({ "name": "Duelo", "kind": "open" }))
            .send().await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let group: Value = response.json().await.unwrap();
        assert_eq!(group["language"], "es");
        let norms = get_json(&app, &owner, &format!("/api/v1/groups/{}/norms", group["id"])).await;
        assert!(!norms["text"].as_str().unwrap().contains("What is shared here"));

        let mine = get_json(&app, &owner, "/api/v1/groups/mine").await;
        assert_eq!(mine["groups"].as_array().unwrap().len(), 2);
        assert_eq!(mine["groups"][0]["role"], "owner");

        let signed_out = send(&app, reqwest::Method::POST, None, "/api/v1/groups",
            json!({ "name": "Nobody's", "kind": "open" })).await;
        problem(signed_out, StatusCode::UNAUTHORIZED).await;
    }

    async fn a_bad_group_is_refused_naming_each_field(app) {
        let owner = person(&app, "ana").await;
        let empty_name = post(&app, &owner, "/api/v1/groups", json!({ "name": "  ", "kind": "open" })).await;
        let body = problem(empty_name, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(field_names(&body), ["name"]);
        assert_eq!(body["errors"][0]["code"], "empty");

        let unknown_kind = post(&app, &owner, "/api/v1/groups", json!({ "name": "Evening circle", "kind": "secret" })).await;
        let body = problem(unknown_kind, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(field_names(&body), ["kind"]);
        assert_eq!(body["errors"][0]["code"], "unknown_kind");

        let many = post(&app, &owner, "/api/v1/groups", json!({
            "name": "", "tags": ["knitting"], "norms": "short", "language": "english",
        })).await;
        let body = problem(many, StatusCode::UNPROCESSABLE_ENTITY).await;
        let fields = field_names(&body);
        for field in ["name", "kind", "tags", "language", "norms"] {
            assert!(fields.contains(&field), "{field} is named in {fields:?}");
        }
        let mine = get_json(&app, &owner, "/api/v1/groups/mine").await;
        assert!(mine["groups"].as_array().unwrap().is_empty(), "nothing was written");
    }

    async fn the_directory_lists_open_and_request_groups_but_not_hidden_ones(app) {
        let owner = person(&app, "ana").await;
        let open = start_group(&app, &owner, "Open circle", "open", &["alcohol"]).await;
        let request = start_group(&app, &owner, "Request circle", "request", &["grief"]).await;
        let hidden = start_group(&app, &owner, "Hidden circle", "hidden", &["grief"]).await;
        // No sign-in needed.
        let response = get(&app, None, "/api/v1/groups").await;
        assert_eq!(response.status(), StatusCode::OK);
        let directory: Value = response.json().await.unwrap();
        let ids: Vec<i64> = directory["groups"].as_array().unwrap().iter()
            .map(|group| group["id"].as_i64().unwrap()).collect();
        assert!(ids.contains(&open) && ids.contains(&request));
        assert!(!ids.contains(&hidden));
        assert_eq!(directory["next_cursor"], Value::Null);
        assert_eq!(directory["groups"][0]["member_count"], 1);

        let by_tag: Value = get(&app, None, "/api/v1/groups?tag=grief").await.json().await.unwrap();
        let names: Vec<&str> = by_tag["groups"].as_array().unwrap().iter()
            .map(|group| group["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Request circle"]);
        let by_text: Value = get(&app, None, "/api/v1/groups?q=open").await.json().await.unwrap();
        assert_eq!(by_text["groups"].as_array().unwrap().len(), 1);
        assert_eq!(by_text["groups"][0]["id"], open);
    }

    async fn joining_means_agreeing_to_the_current_norms(app) {
        let owner = person(&app, "ana").await;
        let bea = person(&app, "bea").await;
        let open = start_group(&app, &owner, "Open circle", "open", &[]).await;
        let about = get_json(&app, &bea, &format!("/api/v1/groups/{open}/about")).await;
        assert_eq!(about["standing"], "outside");
        assert_eq!(about["norms"]["version"], 1);
        assert!(about["norms"]["text"].as_str().unwrap().contains("No crosstalk"));
        // Facilitators change the norms while bea reads the old ones.
        app.db.store.set_norms(
            GroupId(open),
            &Norms::parse("New norms: what is shared here stays here, always.").unwrap(),
            owner.id,
            Timestamp::now(),
        ).await.unwrap();
        let stale = post(&app, &bea, &format!("/api/v1/groups/{open}/join"), json!({ "norms_version": 1 })).await;
        let body = problem(stale, StatusCode::CONFLICT).await;
        assert!(body["detail"].as_str().unwrap().contains("norms changed"));
        problem(get(&app, Some(&bea), &format!("/api/v1/groups/{open}")).await, StatusCode::NOT_FOUND).await;

        let joined = post(&app, &bea, &format!("/api/v1/groups/{open}/join"), json!({ "norms_version": 2 })).await;
        assert_eq!(joined.status(), StatusCode::CREATED);
        let group: Value = joined.json().await.unwrap();
        assert_eq!(group["role"], "member");
        assert_eq!(group["agreed_current_norms"], true);
        assert_eq!(group["member_count"], 2);
        let again = post(&app, &bea, &format!("/api/v1/groups/{open}/join"), json!({ "norms_version": 2 })).await;
        assert_eq!(again.status(), StatusCode::OK, "already a member");
        let norms = get_json(&app, &bea, &format!("/api/v1/groups/{open}/norms")).await;
        assert_eq!(norms["version"], 2);
        assert_eq!(norms["agreed"], true);
        assert!(norms["agreed_at"].as_str().is_some());

        // A group by request: asking, not joining.
        let request = start_group(&app, &owner, "Request circle", "request", &[]).await;
        let wrong_door = post(&app, &bea, &format!("/api/v1/groups/{request}/join"), json!({ "norms_version": 1 })).await;
        problem(wrong_door, StatusCode::NOT_FOUND).await;
        let asked = post(&app, &bea, &format!("/api/v1/groups/{request}/requests"), json!({ "norms_version": 1 })).await;
        assert_eq!(asked.status(), StatusCode::NO_CONTENT);
        let about = get_json(&app, &bea, &format!("/api/v1/groups/{request}/about")).await;
        assert_eq!(about["standing"], "waiting");
        problem(get(&app, Some(&bea), &format!("/api/v1/groups/{request}/threads")).await, StatusCode::NOT_FOUND).await;
        let signed_out = send(&app, reqwest::Method::POST, None, &format!("/api/v1/groups/{open}/join"), json!({ "norms_version": 2 })).await;
        problem(signed_out, StatusCode::NOT_FOUND).await;

        // A hidden group: invitation only.
        let hidden = start_group(&app, &owner, "Hidden circle", "hidden", &[]).await;
        problem(get(&app, Some(&bea), &format!("/api/v1/groups/{hidden}/about")).await, StatusCode::NOT_FOUND).await;
        for door in ["join", "requests"] {
            let response = post(&app, &bea, &format!("/api/v1/groups/{hidden}/{door}"), json!({ "norms_version": 1 })).await;
            problem(response, StatusCode::NOT_FOUND).await;
        }
        let token = "an-invitation-token-for-one-person";
        app.db.store.create_invite(
            GroupId(hidden), &token_hash(token), owner.id,
            Timestamp::now() + SignedDuration::from_hours(24), Some(1), Timestamp::now(),
        ).await.unwrap();
        let invite = get(&app, None, &format!("/api/v1/invites/{token}")).await;
        assert_eq!(invite.status(), StatusCode::OK);
        let invite: Value = invite.json().await.unwrap();
        assert_eq!(invite["usable"], true);
        assert_eq!(invite["name"], "Hidden circle");
        assert_eq!(invite["standing"], "signed_out");
        let stale = post(&app, &bea, &format!("/api/v1/invites/{token}"), json!({ "norms_version": 7 })).await;
        problem(stale, StatusCode::CONFLICT).await;
        let joined = post(&app, &bea, &format!("/api/v1/invites/{token}"), json!({ "norms_version": 1 })).await;
        assert_eq!(joined.status(), StatusCode::CREATED);
        let about = get_json(&app, &bea, &format!("/api/v1/groups/{hidden}/about")).await;
        assert_eq!(about["standing"], "member", "a member sees a hidden group's about");
        let cara = person(&app, "cara").await;
        let used_up = post(&app, &cara, &format!("/api/v1/invites/{token}"), json!({ "norms_version": 1 })).await;
        let body = problem(used_up, StatusCode::GONE).await;
        assert!(body["detail"].as_str().unwrap().contains("expired or been used up"));
        let unknown = post(&app, &cara, "/api/v1/invites/no-such-token", json!({ "norms_version": 1 })).await;
        problem(unknown, StatusCode::NOT_FOUND).await;
    }

    async fn outsiders_get_404_on_every_group_content_route(app) {
        let (group, owner, _) = open_group_of_two(&app).await;
        let thread = share(&app, &owner, group, json!({ "kind": "question", "body": "How do you get through evenings?" })).await;
        let replied = reply(&app, &owner, group, thread, "Walking helps me.").await;
        let reply_id = replied.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let stranger = person(&app, "stranger").await;
        let leaver = person(&app, "leaver").await;
        join(&app, &leaver, group).await;
        let left = post(&app, &leaver, &format!("/api/v1/groups/{group}/leave"), json!({})).await;
        assert_eq!(left.status(), StatusCode::NO_CONTENT);
        let removed = person(&app, "removed").await;
        join(&app, &removed, group).await;
        app.db.store.remove_member(GroupId(group), removed.id, owner.id, "test", Timestamp::now()).await.unwrap();

        let base = format!("/api/v1/groups/{group}");
        let routes = [
            ("GET", base.clone(), json!(null)),
            ("GET", format!("{base}/norms"), json!(null)),
            ("POST", format!("{base}/norms/agreement"), json!({ "norms_version": 1 })),
            ("POST", format!("{base}/leave"), json!({})),
            ("GET", format!("{base}/members"), json!(null)),
            ("GET", format!("{base}/threads"), json!(null)),
            ("POST", format!("{base}/threads"), json!({ "kind": "share", "body": "Hello" })),
            ("GET", format!("{base}/threads/{thread}"), json!(null)),
            ("POST", format!("{base}/threads/{thread}/replies"), json!({ "body": "Hello" })),
            ("POST", format!("{base}/posts/{thread}/supports"), json!({ "kind": "me_too" })),
            ("PUT", format!("{base}/threads/{thread}/replies/{reply_id}/helpful"), json!({ "helpful": true })),
        ];
        for who in [None, Some(&stranger), Some(&leaver), Some(&removed)] {
            for (method, path, body) in &routes {
                let response = send(&app, method.parse().unwrap(), who, path, body.clone()).await;
                let status = response.status();
                assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path} as {:?}", who.map(|w| w.id));
                problem(response, StatusCode::NOT_FOUND).await;
            }
        }
        // A removed member cannot walk back in through the open door.
        let back = post(&app, &removed, &format!("{base}/join"), json!({ "norms_version": 1 })).await;
        problem(back, StatusCode::NOT_FOUND).await;
        // The same as for a group that does not exist.
        problem(get(&app, Some(&stranger), "/api/v1/groups/999999/threads").await, StatusCode::NOT_FOUND).await;
        problem(get(&app, Some(&stranger), "/api/v1/groups/nonsense/threads").await, StatusCode::NOT_FOUND).await;
        // Nothing was written by any of them.
        let page = get_json(&app, &owner, &format!("{base}/threads")).await;
        assert_eq!(page["threads"].as_array().unwrap().len(), 1);
        let thread_view = get_json(&app, &owner, &format!("{base}/threads/{thread}")).await;
        assert_eq!(thread_view["replies"].as_array().unwrap().len(), 1);
        assert_eq!(thread_view["share"]["supports"], json!([]));
    }

    async fn share_reply_support_and_helpful_round_trip(app) {
        let (group, ana, bea) = open_group_of_two(&app).await;
        let base = format!("/api/v1/groups/{group}");
        let response = post(&app, &bea, &format!("{base}/threads"), json!({
            "kind": "question", "title": "Evenings", "body": "How do you get through the *evenings*?",
        })).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let question: Value = response.json().await.unwrap();
        let thread = question["id"].as_i64().unwrap();
        assert_eq!(location, format!("{base}/threads/{thread}"));
        assert_eq!(question["kind"], "question");
        assert_eq!(question["author"], "bea");
        assert_eq!(question["body_html"], "<p>How do you get through the <em>evenings</em>?</p>\n");

        let first = reply(&app, &ana, group, thread, "I call someone.").await;
        assert_eq!(first.status(), StatusCode::CREATED);
        let first: Value = first.json().await.unwrap();
        assert_eq!(first["author"], "ana");
        assert_eq!(first["kind"], Value::Null);
        let second = reply(&app, &ana, group, thread, "And I walk.").await;
        let second: Value = second.json().await.unwrap();
        let bad = reply(&app, &ana, group, thread, "   ").await;
        let body = problem(bad, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(field_names(&body), ["body"]);

        let list = get_json(&app, &ana, &format!("{base}/threads")).await;
        let summary = &list["threads"][0];
        assert_eq!(summary["id"], thread);
        assert_eq!(summary["title"], "Evenings");
        let excerpt = summary["excerpt"].as_str().unwrap();
        assert!(excerpt.starts_with("How do you get through the evenings"), "{excerpt}");
        assert!(!excerpt.contains('*'), "plain text: {excerpt}");
        assert_eq!(summary["reply_count"], 2);
        assert_eq!(summary["unread"], true);
        assert_eq!(list["next_cursor"], Value::Null);

        // Support: a toggle, with no counts.
        let supports = format!("{base}/posts/{thread}/supports");
        let given: Value = post(&app, &ana, &supports, json!({ "kind": "sending_strength" })).await.json().await.unwrap();
        assert_eq!(given, json!({ "kind": "sending_strength", "given": true }));
        let unknown = post(&app, &ana, &supports, json!({ "kind": "downvote" })).await;
        let body = problem(unknown, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(field_names(&body), ["kind"]);
        assert_eq!(body["errors"][0]["code"], "unknown_support_kind");
        let me_too = format!("{base}/posts/{}/supports", first["id"]);
        post(&app, &bea, &me_too, json!({ "kind": "thank_you" })).await;
        let taken_back: Value = post(&app, &bea, &me_too, json!({ "kind": "thank_you" })).await.json().await.unwrap();
        assert_eq!(taken_back["given"], false);

        // Only the asker marks a reply helpful; it rises to the top.
        let helpful = format!("{base}/threads/{thread}/replies/{}/helpful", second["id"]);
        let by_other = send(&app, reqwest::Method::PUT, Some(&ana), &helpful, json!({ "helpful": true })).await;
        problem(by_other, StatusCode::FORBIDDEN).await;
        let by_asker = send(&app, reqwest::Method::PUT, Some(&bea), &helpful, json!({ "helpful": true })).await;
        assert_eq!(by_asker.status(), StatusCode::NO_CONTENT);

        let seen_by_bea = get_json(&app, &bea, &format!("{base}/threads/{thread}")).await;
        assert_eq!(seen_by_bea["may_mark_helpful"], true);
        let replies = seen_by_bea["replies"].as_array().unwrap();
        assert_eq!(replies.len(), 2);
        assert_eq!(replies[0]["id"], second["id"], "the helpful reply comes first");
        assert_eq!(replies[0]["helpful"], true);
        assert_eq!(replies[1]["helpful"], false);
        assert_eq!(replies[1]["supports"], json!([]), "taken back");
        assert_eq!(seen_by_bea["share"]["supports"], json!([{ "kind": "sending_strength", "mine": false }]));
        let seen_by_ana = get_json(&app, &ana, &format!("{base}/threads/{thread}")).await;
        assert_eq!(seen_by_ana["may_mark_helpful"], false);
        assert_eq!(seen_by_ana["share"]["supports"], json!([{ "kind": "sending_strength", "mine": true }]));
        assert_eq!(seen_by_ana["share"]["mine"], false);
        // Reading the thread marked it read.
        let list = get_json(&app, &ana, &format!("{base}/threads")).await;
        assert_eq!(list["threads"][0]["unread"], false);

        let members = get_json(&app, &bea, &format!("{base}/members")).await;
        let handles: Vec<(&str, &str)> = members["members"].as_array().unwrap().iter()
            .map(|m| (m["handle"].as_str().unwrap(), m["role"].as_str().unwrap())).collect();
        assert_eq!(handles, [("ana", "owner"), ("bea", "member")]);

        // An owner hands the group over before leaving; a member just leaves.
        let owner_leaves = post(&app, &ana, &format!("{base}/leave"), json!({})).await;
        problem(owner_leaves, StatusCode::CONFLICT).await;
        let bea_leaves = post(&app, &bea, &format!("{base}/leave"), json!({})).await;
        assert_eq!(bea_leaves.status(), StatusCode::NO_CONTENT);
        problem(get(&app, Some(&bea), &format!("{base}/threads/{thread}")).await, StatusCode::NOT_FOUND).await;
    }

    async fn an_anonymous_share_is_anonymous_to_everyone_but_its_author(app) {
        let (group, ana, bea) = open_group_of_two(&app).await;
        let base = format!("/api/v1/groups/{group}");
        let thread = share(&app, &bea, group, json!({
            "kind": "share", "body": "Day three. It is hard.", "anonymous": true,
        })).await;
        let anonymous_reply = post(&app, &bea, &format!("{base}/threads/{thread}/replies"),
            json!({ "body": "Thank you all.", "anonymous": true })).await;
        assert_eq!(anonymous_reply.status(), StatusCode::CREATED);

        let seen_by_ana = get_json(&app, &ana, &format!("{base}/threads")).await;
        let summary = &seen_by_ana["threads"][0];
        assert_eq!(summary["author"], Value::Null);
        assert_eq!(summary["anonymous"], true);
        assert_eq!(summary["mine"], false);
        let thread_for_ana = get_json(&app, &ana, &format!("{base}/threads/{thread}")).await;
        assert_eq!(thread_for_ana["share"]["author"], Value::Null);
        assert_eq!(thread_for_ana["replies"][0]["author"], Value::Null);
        assert!(!thread_for_ana.to_string().contains("bea"), "the handle appears nowhere");

        let seen_by_bea = get_json(&app, &bea, &format!("{base}/threads")).await;
        let summary = &seen_by_bea["threads"][0];
        assert_eq!(summary["author"], "bea");
        assert_eq!(summary["anonymous"], true);
        assert_eq!(summary["mine"], true);
        let thread_for_bea = get_json(&app, &bea, &format!("{base}/threads/{thread}")).await;
        assert_eq!(thread_for_bea["share"]["author"], "bea");
        assert_eq!(thread_for_bea["share"]["mine"], true);

        // Ana's reply to the anonymous share reaches its author.
        reply(&app, &ana, group, thread, "Sending strength.").await;
        let notes = get_json(&app, &bea, "/api/v1/notifications").await;
        assert_eq!(notes["notifications"][0]["actor"], "ana");
    }

    async fn an_idempotency_key_gives_one_thread(app) {
        let (group, _, bea) = open_group_of_two(&app).await;
        let path = format!("/api/v1/groups/{group}/threads");
        let send_with = |key: &'static str, body: &'static str| {
            app.api.post(app.url(&path))
                .bearer_auth(&bea.token)
                .header("idempotency-key", key)
                .json(&json!({ "kind": "share", "body": body }))
                .send()
        };
        let first = send_with("5f0c6a1e-retry", "One share, sent twice.").await.unwrap();
        assert_eq!(first.status(), StatusCode::CREATED);
        let first: Value = first.json().await.unwrap();
        let second = send_with("5f0c6a1e-retry", "One share, sent twice.").await.unwrap();
        assert_eq!(second.status(), StatusCode::CREATED);
        let second: Value = second.json().await.unwrap();
        assert_eq!(first["id"], second["id"]);
        let list = get_json(&app, &bea, &path).await;
        assert_eq!(list["threads"].as_array().unwrap().len(), 1);

        // The same key for a reply names another request: its own reply, once.
        let thread = first["id"].as_i64().unwrap();
        let replies = format!("/api/v1/groups/{group}/threads/{thread}/replies");
        let mut ids = Vec::new();
        for _ in 0..2 {
            let response = app.api.post(app.url(&replies))
                .bearer_auth(&bea.token)
                .header("idempotency-key", "5f0c6a1e-retry")
                .json(&json!({ "body": "A reply, sent twice." }))
                .send().await.unwrap();
            assert_eq!(response.status(), StatusCode::CREATED);
            ids.push(response.json::<Value>().await.unwrap()["id"].clone());
        }
        assert_eq!(ids[0], ids[1]);
        assert_ne!(ids[0], first["id"]);
        let page = get_json(&app, &bea, &format!("/api/v1/groups/{group}/threads/{thread}")).await;
        assert_eq!(page["replies"].as_array().unwrap().len(), 1);

        // Without a key, two posts are two shares.
        share(&app, &bea, group, json!({ "kind": "share", "body": "Again." })).await;
        share(&app, &bea, group, json!({ "kind": "share", "body": "Again." })).await;
        let list = get_json(&app, &bea, &path).await;
        assert_eq!(list["threads"].as_array().unwrap().len(), 3);

        let too_long = "k".repeat(65);
        let bad = app.api.post(app.url(&path))
            .bearer_auth(&bea.token)
            .header("idempotency-key", too_long)
            .json(&json!({ "kind": "share", "body": "Hello" }))
            .send().await.unwrap();
        let body = problem(bad, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(field_names(&body), ["Idempotency-Key"]);
    }

    async fn bad_shares_are_refused_and_nothing_is_written(app) {
        let (group, _, bea) = open_group_of_two(&app).await;
        let path = format!("/api/v1/groups/{group}/threads");
        let response = post(&app, &bea, &path, json!({
            "kind": "rant", "title": "a\nb", "body": "",
        })).await;
        let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(field_names(&body), ["kind", "title", "body"]);
        let too_long = post(&app, &bea, &path, json!({ "kind": "share", "body": "x".repeat(10_001) })).await;
        let body = problem(too_long, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["errors"][0]["code"], "too_long");
        let list = get_json(&app, &bea, &path).await;
        assert!(list["threads"].as_array().unwrap().is_empty());
    }

    async fn posting_waits_for_agreement_to_changed_norms(app) {
        let (group, ana, bea) = open_group_of_two(&app).await;
        let base = format!("/api/v1/groups/{group}");
        let thread = share(&app, &bea, group, json!({ "kind": "share", "body": "Before the change." })).await;
        let version = app.db.store.set_norms(
            GroupId(group),
            &Norms::parse("New norms: what is shared here stays here, always.").unwrap(),
            ana.id,
            Timestamp::now(),
        ).await.unwrap();
        assert_eq!(version, 2);
        let group_view = get_json(&app, &bea, &base).await;
        assert_eq!(group_view["agreed_current_norms"], false);
        assert_eq!(group_view["norms_version"], 2);

        let refused = post(&app, &bea, &format!("{base}/threads"), json!({ "kind": "share", "body": "After." })).await;
        let body = problem(refused, StatusCode::CONFLICT).await;
        assert!(body["detail"].as_str().unwrap().contains("agree to the group's norms"));
        let refused = reply(&app, &bea, group, thread, "A reply.").await;
        problem(refused, StatusCode::CONFLICT).await;
        // Reading still works; the owner who wrote them agreed already.
        get_json(&app, &bea, &format!("{base}/threads/{thread}")).await;
        assert_eq!(reply(&app, &ana, group, thread, "Welcome back.").await.status(), StatusCode::CREATED);

        let norms = get_json(&app, &bea, &format!("{base}/norms")).await;
        assert_eq!(norms["agreed"], false);
        assert_eq!(norms["agreed_at"], Value::Null);
        let stale = post(&app, &bea, &format!("{base}/norms/agreement"), json!({ "norms_version": 1 })).await;
        problem(stale, StatusCode::CONFLICT).await;
        let agreed = post(&app, &bea, &format!("{base}/norms/agreement"), json!({ "norms_version": 2 })).await;
        assert_eq!(agreed.status(), StatusCode::OK);
        let agreed: Value = agreed.json().await.unwrap();
        assert_eq!(agreed["agreed"], true);
        let posted = post(&app, &bea, &format!("{base}/threads"), json!({ "kind": "share", "body": "After." })).await;
        assert_eq!(posted.status(), StatusCode::CREATED);

        // Muted: reading yes, posting no.
        app.db.store.mute_member(
            GroupId(group), bea.id, Timestamp::now() + SignedDuration::from_hours(1),
            ana.id, "a pause", Timestamp::now(),
        ).await.unwrap();
        let muted = post(&app, &bea, &format!("{base}/threads"), json!({ "kind": "share", "body": "Muted." })).await;
        let body = problem(muted, StatusCode::CONFLICT).await;
        assert!(body["detail"].as_str().unwrap().contains("paused"));
        let view = get_json(&app, &bea, &base).await;
        assert!(view["muted_until"].as_str().is_some());
    }

    async fn locked_and_removed_threads_take_no_replies(app) {
        let (group, ana, bea) = open_group_of_two(&app).await;
        let base = format!("/api/v1/groups/{group}");
        let thread = share(&app, &bea, group, json!({ "kind": "share", "body": "Closing soon." })).await;
        // Members come owner first: the owner closes it.
        let owner = app.db.store.members(GroupId(group)).await.unwrap()[0].account_id;
        app.db.store.set_thread_locked(GroupId(group), PostId(thread), true, owner, Timestamp::now()).await.unwrap();
        let view = get_json(&app, &bea, &format!("{base}/threads/{thread}")).await;
        assert_eq!(view["locked"], true);
        let refused = reply(&app, &ana, group, thread, "Too late?").await;
        let body = problem(refused, StatusCode::CONFLICT).await;
        assert!(body["detail"].as_str().unwrap().contains("closed to new replies"));

        let other = share(&app, &bea, group, json!({ "kind": "share", "body": "To be removed." })).await;
        app.db.store.remove_post(GroupId(group), PostId(other), ana.id, "test", Timestamp::now()).await.unwrap();
        problem(get(&app, Some(&bea), &format!("{base}/threads/{other}")).await, StatusCode::NOT_FOUND).await;
        problem(reply(&app, &ana, group, other, "Hello?").await, StatusCode::NOT_FOUND).await;
        let supports = post(&app, &ana, &format!("{base}/posts/{other}/supports"), json!({ "kind": "me_too" })).await;
        problem(supports, StatusCode::NOT_FOUND).await;
        let list = get_json(&app, &ana, &format!("{base}/threads")).await;
        assert_eq!(list["threads"].as_array().unwrap().len(), 1);
    }

    async fn replies_and_mentions_notify_and_can_be_marked_read(app) {
        let (group, ana, bea) = open_group_of_two(&app).await;
        let cara = person(&app, "cara").await;
        join(&app, &cara, group).await;
        let thread = share(&app, &ana, group, json!({ "kind": "share", "body": "A long week." })).await;
        let replied = reply(&app, &bea, group, thread, "Hang in there. @cara went through this too.").await;
        let reply_id = replied.json::<Value>().await.unwrap()["id"].as_i64().unwrap();

        let for_ana = get_json(&app, &ana, "/api/v1/notifications").await;
        let note = &for_ana["notifications"][0];
        assert_eq!(note["kind"], "reply");
        assert_eq!(note["actor"], "bea");
        assert_eq!(note["group"], json!({ "id": group, "name": "Evening circle" }));
        assert_eq!(note["post_id"], reply_id);
        assert_eq!(note["thread_id"], thread);
        assert_eq!(note["link"], format!("/groups/{group}/threads/{thread}#post-{reply_id}"));
        assert_eq!(note["read"], false);
        assert!(note["text"].as_str().unwrap().contains("bea replied"));
        assert!(note["created_at"].as_str().unwrap().ends_with('Z'));

        let for_cara = get_json(&app, &cara, "/api/v1/notifications").await;
        assert_eq!(for_cara["notifications"].as_array().unwrap().len(), 1);
        assert_eq!(for_cara["notifications"][0]["kind"], "mention");
        assert_eq!(for_cara["notifications"][0]["actor"], "bea");

        // An anonymous mention does not name its author.
        reply(&app, &ana, group, thread, "Thank you.").await;
        post(&app, &bea, &format!("/api/v1/groups/{group}/threads/{thread}/replies"),
            json!({ "body": "@cara, you too.", "anonymous": true })).await;
        let for_cara = get_json(&app, &cara, "/api/v1/notifications").await;
        assert_eq!(for_cara["notifications"][0]["kind"], "mention");
        assert_eq!(for_cara["notifications"][0]["actor"], Value::Null);

        let count = get_json(&app, &cara, "/api/v1/notifications/unread-count").await;
        assert_eq!(count["unread"], 2);
        let one = for_cara["notifications"][0]["id"].clone();
        let marked = post(&app, &cara, "/api/v1/notifications/read", json!({ "id": one })).await;
        assert_eq!(marked.status(), StatusCode::NO_CONTENT);
        let count = get_json(&app, &cara, "/api/v1/notifications/unread-count").await;
        assert_eq!(count["unread"], 1);
        let all = app.api.post(app.url("/api/v1/notifications/read"))
            .bearer_auth(&cara.token).send().await.unwrap();
        assert_eq!(all.status(), StatusCode::NO_CONTENT, "no body marks them all");
        let count = get_json(&app, &cara, "/api/v1/notifications/unread-count").await;
        assert_eq!(count["unread"], 0);
        let for_cara = get_json(&app, &cara, "/api/v1/notifications").await;
        assert!(for_cara["notifications"].as_array().unwrap().iter().all(|n| n["read"] == true));
        // Other people's notifications are not cara's to mark.
        let ana_count = get_json(&app, &ana, "/api/v1/notifications/unread-count").await;
        assert_eq!(ana_count["unread"], 2);

        problem(get(&app, None, "/api/v1/notifications").await, StatusCode::UNAUTHORIZED).await;
    }

    async fn script_in_a_body_comes_back_escaped(app) {
        let (group, ana, bea) = open_group_of_two(&app).await;
        let body = "<script>alert('x')</script> <img src=x onerror=alert(1)>\n\n**still here** [link](javascript:alert(1))";
        let thread = share(&app, &bea, group, json!({ "kind": "share", "body": body })).await;
        reply(&app, &ana, group, thread, "<iframe src=\"https://evil.example\"></iframe>ok").await;
        let view = get_json(&app, &ana, &format!("/api/v1/groups/{group}/threads/{thread}")).await;
        let html = view["share"]["body_html"].as_str().unwrap();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<strong>still here</strong>"), "{html}");
        assert_eq!(view["share"]["body"], body, "the source comes back as written");
        let reply_html = view["replies"][0]["body_html"].as_str().unwrap();
        assert!(!reply_html.contains("<iframe"), "{reply_html}");
        let list = get_json(&app, &ana, &format!("/api/v1/groups/{group}/threads")).await;
        assert!(!list["threads"][0]["excerpt"].as_str().unwrap().contains("**"));
    }
}

/// Every groups route is in the OpenAPI document, under the `groups` tag,
/// and the router answers each one as documented (here as a member, with
/// real ids, so a 404 would mean the route is missing).
#[tokio::test]
async fn the_openapi_document_describes_the_groups_api() {
    let app = spawn_app(hearth_store::Backend::Sqlite).await;
    let document: Value = get(&app, None, "/api/openapi.json")
        .await
        .json()
        .await
        .unwrap();
    let (group, ana, bea) = open_group_of_two(&app).await;
    let thread = share(
        &app,
        &bea,
        group,
        json!({ "kind": "question", "body": "Evenings?" }),
    )
    .await;
    let replied = reply(&app, &ana, group, thread, "Walking.").await;
    let reply_id = replied.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let token = "a-documented-invitation";
    app.db
        .store
        .create_invite(
            GroupId(group),
            &token_hash(token),
            ana.id,
            Timestamp::now() + SignedDuration::from_hours(1),
            None,
            Timestamp::now(),
        )
        .await
        .unwrap();
    let routes: [(&str, &str, Value); 22] = [
        ("get", "/api/v1/groups", json!(null)),
        (
            "post",
            "/api/v1/groups",
            json!({ "name": "Another circle", "kind": "open" }),
        ),
        ("get", "/api/v1/groups/mine", json!(null)),
        ("get", "/api/v1/groups/{group}", json!(null)),
        ("get", "/api/v1/groups/{group}/about", json!(null)),
        (
            "post",
            "/api/v1/groups/{group}/join",
            json!({ "norms_version": 1 }),
        ),
        (
            "post",
            "/api/v1/groups/{group}/requests",
            json!({ "norms_version": 1 }),
        ),
        ("get", "/api/v1/invites/{token}", json!(null)),
        (
            "post",
            "/api/v1/invites/{token}",
            json!({ "norms_version": 1 }),
        ),
        ("get", "/api/v1/groups/{group}/norms", json!(null)),
        (
            "post",
            "/api/v1/groups/{group}/norms/agreement",
            json!({ "norms_version": 1 }),
        ),
        ("get", "/api/v1/groups/{group}/members", json!(null)),
        ("get", "/api/v1/groups/{group}/threads", json!(null)),
        (
            "post",
            "/api/v1/groups/{group}/threads",
            json!({ "kind": "share", "body": "Hi" }),
        ),
        (
            "get",
            "/api/v1/groups/{group}/threads/{thread}",
            json!(null),
        ),
        (
            "post",
            "/api/v1/groups/{group}/threads/{thread}/replies",
            json!({ "body": "Hi" }),
        ),
        (
            "post",
            "/api/v1/groups/{group}/posts/{post}/supports",
            json!({ "kind": "me_too" }),
        ),
        (
            "put",
            "/api/v1/groups/{group}/threads/{thread}/replies/{reply}/helpful",
            json!({ "helpful": true }),
        ),
        ("get", "/api/v1/notifications", json!(null)),
        ("post", "/api/v1/notifications/read", json!({})),
        ("get", "/api/v1/notifications/unread-count", json!(null)),
        ("post", "/api/v1/groups/{group}/leave", json!({})),
    ];
    for (method, path, body) in routes {
        let operation = &document["paths"][path][method];
        assert!(operation.is_object(), "{method} {path} is documented");
        assert_eq!(operation["tags"], json!(["groups"]), "{method} {path}");
        let url = path
            .replace("{group}", &group.to_string())
            .replace("{thread}", &thread.to_string())
            .replace("{post}", &thread.to_string())
            .replace("{reply}", &reply_id.to_string())
            .replace("{token}", token);
        // The asker (bea) may do everything here but the open group's
        // `requests` door, which is for groups by request.
        let response = send(
            &app,
            method.to_uppercase().parse().unwrap(),
            Some(&bea),
            &url,
            body,
        )
        .await;
        let status = response.status();
        if path.ends_with("/requests") {
            assert_eq!(
                status,
                StatusCode::NOT_FOUND,
                "an open group takes no requests"
            );
        } else {
            assert!(status.is_success(), "{method} {path}: {status}");
        }
    }
    for schema in [
        "GroupView",
        "DirectoryView",
        "MemberGroupView",
        "AboutView",
        "InviteView",
        "NormsView",
        "ThreadsView",
        "ThreadView",
        "PostView",
        "NewGroupRequest",
        "NewShareRequest",
        "NewReplyRequest",
        "NotificationsView",
    ] {
        assert!(
            document["components"]["schemas"][schema].is_object(),
            "schema {schema}"
        );
    }
}
