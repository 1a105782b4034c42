//! The facilitators' tools in the JSON API, through real HTTP with bearer
//! tokens, on both databases: letting people in, invitation links, roles
//! and their limits, removing and pausing members, handing a group over,
//! its settings and norms, pinning, closing and removing posts, the
//! audited look-up of an anonymous author, and the audit log. Every tool
//! is 403 to a plain member and 404 to anyone outside the group.

mod support;

use hearth_store::backend_tests;
use hearth_store::groups::GroupId;
use hearth_store::people::AccountId;
use jiff::{SignedDuration, Timestamp};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};
use support::{TestApp, problem, spawn_app};

const NORMS: &str = "What is shared here stays here. No crosstalk. Be kind.";

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

/// A request as `who`, with a JSON body unless `body` is null.
async fn call(app: &TestApp, method: Method, who: &Person, path: &str, body: Value) -> Response {
    let mut request = app
        .api
        .request(method, app.url(path))
        .bearer_auth(&who.token);
    if !body.is_null() {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

async fn get(app: &TestApp, who: &Person, path: &str) -> Response {
    call(app, Method::GET, who, path, Value::Null).await
}

/// The JSON body of a response that must have `status`.
async fn json_of(response: Response, status: StatusCode) -> Value {
    let got = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(got, status, "{text}");
    serde_json::from_str(&text).unwrap()
}

async fn get_json(app: &TestApp, who: &Person, path: &str) -> Value {
    json_of(get(app, who, path).await, StatusCode::OK).await
}

fn field_names(problem: &Value) -> Vec<&str> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect()
}

/// The `code` of the problem's error about `field`.
fn code_for<'a>(problem: &'a Value, field: &str) -> &'a str {
    let errors = problem["errors"].as_array().unwrap();
    let error = errors.iter().find(|error| error["field"] == field);
    error.expect("the field is named")["code"].as_str().unwrap()
}

/// Starts a group of `kind`; returns its id.
async fn start_group(app: &TestApp, owner: &Person, kind: &str) -> i64 {
    let body = json!({
        "name": "Thursday circle",
        "description": "A quiet room for the week's middle",
        "kind": kind,
        "tags": ["grief"],
        "norms": NORMS,
    });
    let group = json_of(
        call(app, Method::POST, owner, "/api/v1/groups", body).await,
        StatusCode::CREATED,
    )
    .await;
    group["id"].as_i64().unwrap()
}

/// The current norms version of a group, as its members read it.
async fn norms_version(app: &TestApp, member: &Person, group: i64) -> i64 {
    let norms = get_json(app, member, &format!("/api/v1/groups/{group}/norms")).await;
    norms["version"].as_i64().unwrap()
}

/// Joins an open group, agreeing to its current norms.
async fn join(app: &TestApp, who: &Person, group: i64) {
    let about = get_json(app, who, &format!("/api/v1/groups/{group}/about")).await;
    let version = about["norms"]["version"].clone();
    let response = call(
        app,
        Method::POST,
        who,
        &format!("/api/v1/groups/{group}/join"),
        json!({ "norms_version": version }),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

/// Joins through an invitation token, agreeing to the norms it shows.
async fn join_by_invite(app: &TestApp, who: &Person, token: &str) -> Response {
    let path = format!("/api/v1/invites/{token}");
    let invite = get_json(app, who, &path).await;
    let version = invite["norms"]["version"].clone();
    call(
        app,
        Method::POST,
        who,
        &path,
        json!({ "norms_version": version }),
    )
    .await
}

/// Posts a share; returns its id.
async fn share(app: &TestApp, who: &Person, group: i64, anonymous: bool) -> i64 {
    let response = call(
        app,
        Method::POST,
        who,
        &format!("/api/v1/groups/{group}/threads"),
        json!({ "kind": "share", "body": "A hard week, but I made it.", "anonymous": anonymous }),
    )
    .await;
    json_of(response, StatusCode::CREATED).await["id"]
        .as_i64()
        .unwrap()
}

async fn reply(app: &TestApp, who: &Person, group: i64, thread: i64) -> Response {
    call(
        app,
        Method::POST,
        who,
        &format!("/api/v1/groups/{group}/threads/{thread}/replies"),
        json!({ "body": "Glad you are here." }),
    )
    .await
}

/// The group's audit log, read by `who`.
/// The group's audit log, newest first, without the entries of the
/// circle's setup (making its facilitator one): what the test itself did.
async fn audit(app: &TestApp, who: &Person, group: i64) -> Vec<Value> {
    let log = get_json(app, who, &format!("/api/v1/groups/{group}/audit")).await;
    let entries = log["entries"].as_array().unwrap();
    let setup =
        |entry: &&Value| entry["action"] == "make_facilitator" && entry["target_account"] == "fay";
    entries
        .iter()
        .filter(|entry| !setup(entry))
        .cloned()
        .collect()
}

/// An open group: its owner, a facilitator, two plain members and
/// someone who never joined.
struct Circle {
    group: i64,
    base: String,
    owner: Person,
    facilitator: Person,
    member: Person,
    other: Person,
    outsider: Person,
}

async fn circle(app: &TestApp) -> Circle {
    let owner = person(app, "ana").await;
    let group = start_group(app, &owner, "open").await;
    let facilitator = person(app, "fay").await;
    let member = person(app, "bea").await;
    let other = person(app, "dee").await;
    for who in [&facilitator, &member, &other] {
        join(app, who, group).await;
    }
    let base = format!("/api/v1/groups/{group}");
    let made = call(
        app,
        Method::PUT,
        &owner,
        &format!("{base}/members/{}/role", facilitator.id.0),
        json!({ "role": "facilitator" }),
    )
    .await;
    let made = json_of(made, StatusCode::OK).await;
    assert_eq!(made["role"], "facilitator");
    assert_eq!(made["handle"], "fay");
    assert_eq!(made["account"], facilitator.id.0);
    Circle {
        group,
        base,
        owner,
        facilitator,
        member,
        other,
        outsider: person(app, "olu").await,
    }
}

/// Lets `who` in (or not), as `facilitator`.
async fn decide(
    app: &TestApp,
    facilitator: &Person,
    group: i64,
    who: &Person,
    approve: bool,
) -> Response {
    let path = format!("/api/v1/groups/{group}/requests/{}/approval", who.id.0);
    call(
        app,
        Method::POST,
        facilitator,
        &path,
        json!({ "approve": approve }),
    )
    .await
}

/// The role `who` has in the group now.
async fn role_of(app: &TestApp, who: &Person, group: i64) -> String {
    let view = get_json(app, who, &format!("/api/v1/groups/{group}")).await;
    view["role"].as_str().unwrap().to_owned()
}

backend_tests! {
    setup = spawn_app;

    async fn every_tool_is_403_to_a_plain_member_and_404_to_an_outsider(app) {
        let c = circle(&app).await;
        let thread = share(&app, &c.member, c.group, false).await;
        let invite = json_of(
            call(&app, Method::POST, &c.facilitator, &format!("{}/invites", c.base), json!({})).await,
            StatusCode::CREATED,
        ).await;
        let invite = invite["id"].as_i64().unwrap();
        let target = c.other.id.0;
        let tools: Vec<(Method, String, Value)> = vec![
            (Method::GET, "/requests".into(), Value::Null),
            (Method::POST, format!("/requests/{target}/approval"), json!({ "approve": true })),
            (Method::GET, "/invites".into(), Value::Null),
            (Method::POST, "/invites".into(), json!({ "days": 3 })),
            (Method::DELETE, format!("/invites/{invite}"), Value::Null),
            (Method::PUT, format!("/members/{target}/role"), json!({ "role": "facilitator" })),
            (Method::DELETE, format!("/members/{target}"), json!({ "reason": "spam" })),
            (Method::POST, format!("/members/{target}/mute"), json!({ "days": 2, "reason": "spam" })),
            (Method::POST, "/ownership".into(), json!({ "account": target })),
            (Method::PATCH, String::new(), json!({ "name": "Taken over" })),
            (Method::PUT, "/norms".into(), json!({ "norms": "Anything goes here, say what you like." })),
            (Method::PUT, format!("/threads/{thread}/pinned"), json!({ "pinned": true })),
            (Method::PUT, format!("/threads/{thread}/locked"), json!({ "locked": true })),
            (Method::DELETE, format!("/posts/{thread}"), json!({ "reason": "spam" })),
            (Method::POST, format!("/posts/{thread}/reveal"), json!({ "reason": "curious" })),
            (Method::GET, "/audit".into(), Value::Null),
        ];
        for (method, tail, body) in &tools {
            let path = format!("{}{tail}", c.base);
            let refused = call(&app, method.clone(), &c.member, &path, body.clone()).await;
            let text = format!("{method} {path} as a member");
            assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{text}");
            problem(refused, StatusCode::FORBIDDEN).await;
            let walled = call(&app, method.clone(), &c.outsider, &path, body.clone()).await;
            assert_eq!(walled.status(), StatusCode::NOT_FOUND, "{method} {path} as an outsider");
            let walled = walled.text().await.unwrap();
            assert!(!walled.contains("Thursday circle") && !walled.contains("hard week"));
        }
        // Nothing was written: the log holds only the invitation made above.
        let log = audit(&app, &c.owner, c.group).await;
        let actions: Vec<&Value> = log.iter().map(|entry| &entry["action"]).collect();
        assert_eq!(actions, ["create_invite"]);
        assert_eq!(role_of(&app, &c.other, c.group).await, "member");
        assert_eq!(role_of(&app, &c.owner, c.group).await, "owner");
        let view = get_json(&app, &c.other, &c.base).await;
        assert_eq!(view["name"], "Thursday circle");
        assert_eq!(view["muted_until"], Value::Null);
        assert_eq!(norms_version(&app, &c.other, c.group).await, 1);
        let invites = get_json(&app, &c.facilitator, &format!("{}/invites", c.base)).await;
        assert_eq!(invites["invites"].as_array().unwrap().len(), 1);
        assert_eq!(invites["invites"][0]["revoked"], false);
        let page = get_json(&app, &c.member, &format!("{}/threads/{thread}", c.base)).await;
        assert_eq!((page["pinned"].clone(), page["locked"].clone()), (json!(false), json!(false)));
        // A facilitator may use the facilitators' tools but not the owner's.
        let role = format!("{}/members/{target}/role", c.base);
        let refused = call(&app, Method::PUT, &c.facilitator, &role, json!({ "role": "facilitator" })).await;
        problem(refused, StatusCode::FORBIDDEN).await;
        let ownership = format!("{}/ownership", c.base);
        let refused = call(&app, Method::POST, &c.facilitator, &ownership, json!({ "account": target })).await;
        problem(refused, StatusCode::FORBIDDEN).await;
        assert_eq!(role_of(&app, &c.other, c.group).await, "member");
        for tail in ["/requests", "/invites", "/audit"] {
            get_json(&app, &c.facilitator, &format!("{}{tail}", c.base)).await;
        }
    }

    async fn letting_in_people_who_asked(app) {
        let owner = person(&app, "ana").await;
        let group = start_group(&app, &owner, "request").await;
        let base = format!("/api/v1/groups/{group}");
        let cal = person(&app, "cal").await;
        let dee = person(&app, "dee").await;
        for who in [&cal, &dee] {
            let asked = call(&app, Method::POST, who, &format!("{base}/requests"), json!({ "norms_version": 1 })).await;
            assert_eq!(asked.status(), StatusCode::NO_CONTENT);
        }
        let waiting = get_json(&app, &owner, &format!("{base}/requests")).await;
        let waiting = waiting["requests"].as_array().unwrap();
        assert_eq!(waiting.len(), 2);
        assert_eq!(waiting[0]["handle"], "cal");
        assert_eq!(waiting[0]["account"], cal.id.0);
        assert!(waiting[0]["requested_at"].as_str().is_some());
        assert_eq!(waiting[1]["handle"], "dee");

        assert_eq!(decide(&app, &owner, group, &cal, true).await.status(), StatusCode::NO_CONTENT);
        assert_eq!(decide(&app, &owner, group, &dee, false).await.status(), StatusCode::NO_CONTENT);
        assert_eq!(role_of(&app, &cal, group).await, "member");
        problem(get(&app, &dee, &base).await, StatusCode::NOT_FOUND).await;
        let told = get_json(&app, &cal, "/api/v1/notifications").await;
        assert_eq!(told["notifications"][0]["kind"], "approved");
        let not_told = get_json(&app, &dee, "/api/v1/notifications").await;
        assert!(not_told["notifications"].as_array().unwrap().is_empty());
        let waiting = get_json(&app, &owner, &format!("{base}/requests")).await;
        assert!(waiting["requests"].as_array().unwrap().is_empty());
        // A decided request is gone.
        problem(decide(&app, &owner, group, &dee, true).await, StatusCode::NOT_FOUND).await;
        problem(get(&app, &dee, &base).await, StatusCode::NOT_FOUND).await;
    }

    async fn an_invitation_link_lets_people_into_a_hidden_group_until_used_up_or_revoked(app) {
        let owner = person(&app, "ana").await;
        let group = start_group(&app, &owner, "hidden").await;
        let base = format!("/api/v1/groups/{group}");
        let invites = format!("{base}/invites");

        let made = call(&app, Method::POST, &owner, &invites, json!({ "max_uses": 2 })).await;
        let made = json_of(made, StatusCode::CREATED).await;
        let token = made["token"].as_str().unwrap().to_owned();
        assert!(token.len() >= 32, "a long random token");
        assert!(made["link"].as_str().unwrap().ends_with(&format!("/invites/{token}")));
        assert_eq!(made["max_uses"], 2);
        assert_eq!(made["uses"], 0);
        assert_eq!(made["usable"], true);
        assert_eq!(made["revoked"], false);
        // Seven days unless told otherwise.
        let created: Timestamp = made["created_at"].as_str().unwrap().parse().unwrap();
        let expires: Timestamp = made["expires_at"].as_str().unwrap().parse().unwrap();
        assert_eq!(expires.duration_since(created), SignedDuration::from_hours(7 * 24));
        // Only the token's hash is kept.
        let listed = call(&app, Method::GET, &owner, &invites, Value::Null).await;
        let listed = listed.text().await.unwrap();
        assert!(!listed.contains(&token), "the token is shown only once");
        let stored = app.db.store.invites(GroupId(group)).await.unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].id.0, made["id"].as_i64().unwrap());

        for handle in ["cal", "dee"] {
            let who = person(&app, handle).await;
            let joined = join_by_invite(&app, &who, &token).await;
            assert_eq!(joined.status(), StatusCode::CREATED, "{handle} joins");
            assert_eq!(role_of(&app, &who, group).await, "member");
        }
        let late = person(&app, "eve").await;
        problem(join_by_invite(&app, &late, &token).await, StatusCode::GONE).await;
        let listed = get_json(&app, &owner, &invites).await;
        assert_eq!(listed["invites"][0]["uses"], 2);
        assert_eq!(listed["invites"][0]["usable"], false);

        // A link for a day, turned off.
        let made = call(&app, Method::POST, &owner, &invites, json!({ "days": 1 })).await;
        let made = json_of(made, StatusCode::CREATED).await;
        let second = made["token"].as_str().unwrap().to_owned();
        assert_eq!(made["max_uses"], Value::Null);
        let created: Timestamp = made["created_at"].as_str().unwrap().parse().unwrap();
        let expires: Timestamp = made["expires_at"].as_str().unwrap().parse().unwrap();
        assert_eq!(expires.duration_since(created), SignedDuration::from_hours(24));
        let revoke = format!("{invites}/{}", made["id"]);
        let revoked = call(&app, Method::DELETE, &owner, &revoke, Value::Null).await;
        assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
        let again = call(&app, Method::DELETE, &owner, &revoke, Value::Null).await;
        assert_eq!(again.status(), StatusCode::NO_CONTENT, "revoking twice changes nothing");
        problem(join_by_invite(&app, &late, &second).await, StatusCode::GONE).await;
        problem(get(&app, &late, &base).await, StatusCode::NOT_FOUND).await;
        let listed = get_json(&app, &owner, &invites).await;
        assert_eq!(listed["invites"][0]["revoked"], true);
        assert_eq!(listed["invites"][0]["usable"], false);
        let missing = call(&app, Method::DELETE, &owner, &format!("{invites}/999999"), Value::Null).await;
        problem(missing, StatusCode::NOT_FOUND).await;
        // Another group's invitation is not this group's to revoke.
        let elsewhere = start_group(&app, &owner, "hidden").await;
        let path = format!("/api/v1/groups/{elsewhere}/invites/{}", made["id"]);
        problem(call(&app, Method::DELETE, &owner, &path, Value::Null).await, StatusCode::NOT_FOUND).await;
    }

    async fn invitation_settings_out_of_range_are_refused(app) {
        let owner = person(&app, "ana").await;
        let group = start_group(&app, &owner, "hidden").await;
        let invites = format!("/api/v1/groups/{group}/invites");
        let cases = [
            (json!({ "days": 0 }), vec!["days"]),
            (json!({ "days": 31 }), vec!["days"]),
            (json!({ "max_uses": 0 }), vec!["max_uses"]),
            (json!({ "max_uses": 1001 }), vec!["max_uses"]),
            (json!({ "days": -3, "max_uses": 5000 }), vec!["days", "max_uses"]),
        ];
        for (body, fields) in cases {
            let refused = call(&app, Method::POST, &owner, &invites, body.clone()).await;
            let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert_eq!(field_names(&refused), fields, "{body}");
            assert_eq!(code_for(&refused, fields[0]), "out_of_range");
        }
        // In the reader's language.
        let refused = app.api.post(app.url(&invites))
            .bearer_auth(&owner.token)
            .header("accept-language", "es")
            .json(&json!({ "days": 45 }))
            .send().await.unwrap();
        let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(refused["errors"][0]["detail"].as_str().unwrap().contains("30 días"));
        assert!(app.db.store.invites(GroupId(group)).await.unwrap().is_empty(), "nothing was made");
        // The limits themselves are fine; a body is optional.
        let made = call(&app, Method::POST, &owner, &invites, json!({ "days": 30, "max_uses": 1000 })).await;
        assert_eq!(made.status(), StatusCode::CREATED);
        let made = app.api.post(app.url(&invites)).bearer_auth(&owner.token).send().await.unwrap();
        assert_eq!(made.status(), StatusCode::CREATED);
    }

    async fn roles_change_only_downwards(app) {
        let c = circle(&app).await;
        let gil = person(&app, "gil").await;
        join(&app, &gil, c.group).await;
        let role_path = |who: &Person| format!("{}/members/{}/role", c.base, who.id.0);
        let made = call(&app, Method::PUT, &c.owner, &role_path(&gil), json!({ "role": "facilitator" })).await;
        assert_eq!(json_of(made, StatusCode::OK).await["role"], "facilitator");

        // A facilitator cannot remove, pause or re-role the owner or
        // another facilitator, nor themselves.
        for target in [&c.owner, &gil, &c.facilitator] {
            let removal = format!("{}/members/{}", c.base, target.id.0);
            let refused = call(&app, Method::DELETE, &c.facilitator, &removal, json!({ "reason": "a takeover" })).await;
            problem(refused, StatusCode::FORBIDDEN).await;
            let refused = call(&app, Method::POST, &c.facilitator, &format!("{removal}/mute"),
                json!({ "days": 3, "reason": "a takeover" })).await;
            problem(refused, StatusCode::FORBIDDEN).await;
        }
        // The owner cannot act on themselves either.
        let refused = call(&app, Method::PUT, &c.owner, &role_path(&c.owner), json!({ "role": "member" })).await;
        problem(refused, StatusCode::FORBIDDEN).await;
        let removal = format!("{}/members/{}", c.base, c.owner.id.0);
        let refused = call(&app, Method::DELETE, &c.owner, &removal, json!({ "reason": "leaving" })).await;
        problem(refused, StatusCode::FORBIDDEN).await;
        assert_eq!(role_of(&app, &c.owner, c.group).await, "owner");
        assert_eq!(role_of(&app, &gil, c.group).await, "facilitator");
        // Only making gil a facilitator is on the record; nothing refused is.
        let log = audit(&app, &c.owner, c.group).await;
        let actions: Vec<(&Value, &Value)> = log.iter().map(|e| (&e["action"], &e["target_account"])).collect();
        assert_eq!(actions, [(&json!("make_facilitator"), &json!("gil"))]);

        // Only facilitator and member can be given.
        for bad in ["owner", "admin", ""] {
            let refused = call(&app, Method::PUT, &c.owner, &role_path(&c.member), json!({ "role": bad })).await;
            let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert_eq!(field_names(&refused), ["role"]);
            assert_eq!(code_for(&refused, "role"), "unknown_role");
        }
        assert_eq!(role_of(&app, &c.member, c.group).await, "member");
        // Someone who is not in the group is not found.
        let stranger = format!("{}/members/{}/role", c.base, c.outsider.id.0);
        let missing = call(&app, Method::PUT, &c.owner, &stranger, json!({ "role": "facilitator" })).await;
        problem(missing, StatusCode::NOT_FOUND).await;

        // The owner, who is above them, can do all of it.
        let back = call(&app, Method::PUT, &c.owner, &role_path(&gil), json!({ "role": "member" })).await;
        let back = json_of(back, StatusCode::OK).await;
        assert_eq!(back["role"], "member");
        assert_eq!(role_of(&app, &gil, c.group).await, "member");
        let removal = format!("{}/members/{}", c.base, c.facilitator.id.0);
        let removed = call(&app, Method::DELETE, &c.owner, &removal, json!({ "reason": "stepped over a line" })).await;
        assert_eq!(removed.status(), StatusCode::NO_CONTENT);
        problem(get(&app, &c.facilitator, &c.base).await, StatusCode::NOT_FOUND).await;
    }

    async fn a_removed_member_loses_the_group_and_the_removal_is_audited(app) {
        let c = circle(&app).await;
        let removal = format!("{}/members/{}", c.base, c.member.id.0);
        // No body, an empty reason, a reason too long: nothing happens.
        let refused = call(&app, Method::DELETE, &c.facilitator, &removal, Value::Null).await;
        let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(field_names(&refused), ["reason"]);
        assert_eq!(code_for(&refused, "reason"), "empty");
        let refused = call(&app, Method::DELETE, &c.facilitator, &removal, json!({ "reason": " \n " })).await;
        let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(code_for(&refused, "reason"), "empty");
        let refused = call(&app, Method::DELETE, &c.facilitator, &removal, json!({ "reason": "x".repeat(501) })).await;
        let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(code_for(&refused, "reason"), "too_long");
        assert_eq!(role_of(&app, &c.member, c.group).await, "member");
        assert!(audit(&app, &c.owner, c.group).await.is_empty());

        let removed = call(&app, Method::DELETE, &c.facilitator, &removal,
            json!({ "reason": "Repeated\nharassment" })).await;
        assert_eq!(removed.status(), StatusCode::NO_CONTENT);
        problem(get(&app, &c.member, &c.base).await, StatusCode::NOT_FOUND).await;
        let members = get_json(&app, &c.owner, &format!("{}/members", c.base)).await;
        assert!(!members.to_string().contains("\"bea\""));
        let log = audit(&app, &c.owner, c.group).await;
        assert_eq!(log.len(), 1);
        assert_eq!(log[0]["action"], "remove_member");
        assert_eq!(log[0]["actor"], "fay");
        assert_eq!(log[0]["target_account"], "bea");
        assert_eq!(log[0]["target_post"], Value::Null);
        assert_eq!(log[0]["reason"], "Repeated harassment");
        assert!(log[0]["created_at"].as_str().is_some());
        assert!(log[0]["id"].as_i64().is_some());
        // Removed already: there is no such member now.
        let again = call(&app, Method::DELETE, &c.facilitator, &removal, json!({ "reason": "again" })).await;
        problem(again, StatusCode::NOT_FOUND).await;
        // The open door stays shut to them.
        let about = get_json(&app, &c.member, &format!("{}/about", c.base)).await;
        let rejoin = call(&app, Method::POST, &c.member, &format!("{}/join", c.base),
            json!({ "norms_version": about["norms"]["version"] })).await;
        problem(rejoin, StatusCode::NOT_FOUND).await;
    }

    async fn a_paused_member_can_read_but_not_post(app) {
        let c = circle(&app).await;
        let thread = share(&app, &c.other, c.group, false).await;
        let mute = format!("{}/members/{}/mute", c.base, c.member.id.0);
        let cases = [
            (json!({ "reason": "spam" }), vec![("days", "missing")]),
            (json!({ "days": 0, "reason": "spam" }), vec![("days", "out_of_range")]),
            (json!({ "days": 91, "reason": "spam" }), vec![("days", "out_of_range")]),
            (json!({ "days": 3 }), vec![("reason", "empty")]),
            (json!({ "days": 100, "reason": "" }), vec![("days", "out_of_range"), ("reason", "empty")]),
        ];
        for (body, expected) in cases {
            let refused = call(&app, Method::POST, &c.facilitator, &mute, body.clone()).await;
            let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
            let fields: Vec<&str> = expected.iter().map(|(field, _)| *field).collect();
            assert_eq!(field_names(&refused), fields, "{body}");
            for (field, code) in expected {
                assert_eq!(code_for(&refused, field), code, "{body}");
            }
        }
        let view = get_json(&app, &c.member, &c.base).await;
        assert_eq!(view["muted_until"], Value::Null, "nothing was written");
        assert!(audit(&app, &c.owner, c.group).await.is_empty());

        let muted = call(&app, Method::POST, &c.facilitator, &mute,
            json!({ "days": 3, "reason": "Selling things" })).await;
        let muted = json_of(muted, StatusCode::OK).await;
        assert_eq!(muted["handle"], "bea");
        let until: Timestamp = muted["muted_until"].as_str().unwrap().parse().unwrap();
        let left = until.duration_since(Timestamp::now());
        assert!(left > SignedDuration::from_hours(71) && left <= SignedDuration::from_hours(72));

        let refused = call(&app, Method::POST, &c.member, &format!("{}/threads", c.base),
            json!({ "kind": "share", "body": "Buy my things" })).await;
        let refused = problem(refused, StatusCode::CONFLICT).await;
        assert!(refused["detail"].as_str().unwrap().contains("paused"));
        problem(reply(&app, &c.member, c.group, thread).await, StatusCode::CONFLICT).await;
        get_json(&app, &c.member, &format!("{}/threads/{thread}", c.base)).await;
        let view = get_json(&app, &c.member, &c.base).await;
        assert!(view["muted_until"].as_str().is_some());
        let log = audit(&app, &c.facilitator, c.group).await;
        assert_eq!(log[0]["action"], "mute_member");
        assert_eq!(log[0]["target_account"], "bea");
        assert_eq!(log[0]["reason"], "Selling things");
    }

    async fn handing_the_group_over(app) {
        let c = circle(&app).await;
        let ownership = format!("{}/ownership", c.base);
        let cases = [
            json!({}),
            json!({ "account": c.owner.id.0 }),
            json!({ "account": c.outsider.id.0 }),
            json!({ "account": 999_999 }),
        ];
        for body in cases {
            let refused = call(&app, Method::POST, &c.owner, &ownership, body.clone()).await;
            let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert_eq!(field_names(&refused), ["account"], "{body}");
            assert_eq!(code_for(&refused, "account"), "unknown_member");
        }
        assert_eq!(role_of(&app, &c.owner, c.group).await, "owner");

        let handed = call(&app, Method::POST, &c.owner, &ownership, json!({ "account": c.member.id.0 })).await;
        assert_eq!(handed.status(), StatusCode::NO_CONTENT);
        assert_eq!(role_of(&app, &c.member, c.group).await, "owner");
        assert_eq!(role_of(&app, &c.owner, c.group).await, "facilitator");
        // The old owner no longer hands it on, and may now leave.
        let refused = call(&app, Method::POST, &c.owner, &ownership, json!({ "account": c.other.id.0 })).await;
        problem(refused, StatusCode::FORBIDDEN).await;
        let left = call(&app, Method::POST, &c.owner, &format!("{}/leave", c.base), json!({})).await;
        assert_eq!(left.status(), StatusCode::NO_CONTENT);
        // The new owner chooses facilitators.
        let role = format!("{}/members/{}/role", c.base, c.other.id.0);
        let made = call(&app, Method::PUT, &c.member, &role, json!({ "role": "facilitator" })).await;
        assert_eq!(made.status(), StatusCode::OK);
    }

    async fn facilitators_change_the_settings(app) {
        let c = circle(&app).await;
        let changed = call(&app, Method::PATCH, &c.facilitator, &c.base, json!({
            "name": "Thursday evenings",
            "kind": "request",
            "tags": ["grief", "mental_health"],
            "language": "es",
        })).await;
        let changed = json_of(changed, StatusCode::OK).await;
        assert_eq!(changed["name"], "Thursday evenings");
        assert_eq!(changed["kind"], "request");
        assert_eq!(changed["tags"], json!(["grief", "mental_health"]));
        assert_eq!(changed["language"], "es");
        assert_eq!(changed["description"], "A quiet room for the week's middle", "left out, kept");
        assert_eq!(changed["role"], "facilitator");
        let seen = get_json(&app, &c.member, &c.base).await;
        assert_eq!(seen["name"], "Thursday evenings");
        assert_eq!(seen["kind"], "request");

        let refused = call(&app, Method::PATCH, &c.owner, &c.base, json!({
            "name": "x", "kind": "secret", "tags": ["cats"], "description": "fine",
        })).await;
        let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(field_names(&refused), ["name", "kind", "tags"]);
        assert_eq!(code_for(&refused, "kind"), "unknown_kind");
        let refused = call(&app, Method::PATCH, &c.owner, &c.base, json!({ "language": "zz-not" })).await;
        let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(field_names(&refused), ["language"]);
        let seen = get_json(&app, &c.member, &c.base).await;
        assert_eq!(seen["name"], "Thursday evenings", "nothing was written");
        assert_eq!(seen["description"], "A quiet room for the week's middle");
        assert_eq!(seen["language"], "es");
        // An unknown field is refused, not ignored.
        let refused = call(&app, Method::PATCH, &c.owner, &c.base, json!({ "owner": "me" })).await;
        problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
    }

    async fn new_norms_wait_for_every_member_to_agree(app) {
        let c = circle(&app).await;
        let norms = format!("{}/norms", c.base);
        let refused = call(&app, Method::PUT, &c.facilitator, &norms, json!({ "norms": "Short." })).await;
        let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(field_names(&refused), ["norms"]);
        assert_eq!(code_for(&refused, "norms"), "too_short");
        assert_eq!(norms_version(&app, &c.member, c.group).await, 1);

        let text = "Be kind. What is shared here stays here. No advice unless asked.";
        let written = call(&app, Method::PUT, &c.facilitator, &norms, json!({ "norms": text })).await;
        let written = json_of(written, StatusCode::OK).await;
        assert_eq!(written["version"], 2);
        assert_eq!(written["text"], text);
        assert_eq!(written["agreed"], true, "the writer agrees to what they wrote");
        // The same text again asks nobody to agree again.
        let same = call(&app, Method::PUT, &c.facilitator, &norms, json!({ "norms": text })).await;
        assert_eq!(json_of(same, StatusCode::OK).await["version"], 2);

        let posting = json!({ "kind": "share", "body": "After the change." });
        let threads = format!("{}/threads", c.base);
        let refused = call(&app, Method::POST, &c.member, &threads, posting.clone()).await;
        let refused = problem(refused, StatusCode::CONFLICT).await;
        assert!(refused["detail"].as_str().unwrap().contains("agree to the group's norms"));
        let told = get_json(&app, &c.member, "/api/v1/notifications").await;
        assert_eq!(told["notifications"][0]["kind"], "norms_changed");
        let agreed = call(&app, Method::POST, &c.member, &format!("{norms}/agreement"),
            json!({ "norms_version": 2 })).await;
        assert_eq!(agreed.status(), StatusCode::OK);
        let posted = call(&app, Method::POST, &c.member, &threads, posting).await;
        assert_eq!(posted.status(), StatusCode::CREATED);
        // The facilitator posts without agreeing again.
        share(&app, &c.facilitator, c.group, false).await;
    }

    async fn pinning_locking_and_removing_posts(app) {
        let c = circle(&app).await;
        let first = share(&app, &c.member, c.group, false).await;
        let second = share(&app, &c.other, c.group, false).await;
        let replied = json_of(reply(&app, &c.other, c.group, first).await, StatusCode::CREATED).await;
        let reply_id = replied["id"].as_i64().unwrap();

        let pinned = call(&app, Method::PUT, &c.facilitator, &format!("{}/threads/{first}/pinned", c.base),
            json!({ "pinned": true })).await;
        assert_eq!(pinned.status(), StatusCode::NO_CONTENT);
        let page = get_json(&app, &c.member, &format!("{}/threads", c.base)).await;
        assert_eq!(page["threads"][0]["id"], first, "pinned first, though older");
        assert_eq!(page["threads"][0]["pinned"], true);
        assert_eq!(page["threads"][1]["id"], second);
        // A reply is not a thread.
        let missing = call(&app, Method::PUT, &c.facilitator, &format!("{}/threads/{reply_id}/pinned", c.base),
            json!({ "pinned": true })).await;
        problem(missing, StatusCode::NOT_FOUND).await;

        let lock = format!("{}/threads/{first}/locked", c.base);
        let locked = call(&app, Method::PUT, &c.facilitator, &lock, json!({ "locked": true })).await;
        assert_eq!(locked.status(), StatusCode::NO_CONTENT);
        problem(reply(&app, &c.member, c.group, first).await, StatusCode::CONFLICT).await;
        let thread = get_json(&app, &c.member, &format!("{}/threads/{first}", c.base)).await;
        assert_eq!(thread["locked"], true);
        let opened = call(&app, Method::PUT, &c.facilitator, &lock, json!({ "locked": false })).await;
        assert_eq!(opened.status(), StatusCode::NO_CONTENT);
        assert_eq!(reply(&app, &c.member, c.group, first).await.status(), StatusCode::CREATED);

        // Removing: a reason is required; a reply, then a whole thread.
        let removal = format!("{}/posts/{reply_id}", c.base);
        let refused = call(&app, Method::DELETE, &c.facilitator, &removal, json!({})).await;
        let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(field_names(&refused), ["reason"]);
        let thread = get_json(&app, &c.member, &format!("{}/threads/{first}", c.base)).await;
        assert_eq!(thread["replies"].as_array().unwrap().len(), 2, "nothing was removed");
        let removed = call(&app, Method::DELETE, &c.facilitator, &removal,
            json!({ "reason": "Crosstalk" })).await;
        assert_eq!(removed.status(), StatusCode::NO_CONTENT);
        let thread = get_json(&app, &c.member, &format!("{}/threads/{first}", c.base)).await;
        let replies = thread["replies"].as_array().unwrap();
        assert_eq!(replies.len(), 1);
        assert_ne!(replies[0]["id"], reply_id);
        assert_eq!(thread["reply_count"], 1);
        problem(call(&app, Method::DELETE, &c.facilitator, &removal, json!({ "reason": "again" })).await,
            StatusCode::NOT_FOUND).await;

        let removal = format!("{}/posts/{second}", c.base);
        let removed = call(&app, Method::DELETE, &c.owner, &removal, json!({ "reason": "Shared someone else's story" })).await;
        assert_eq!(removed.status(), StatusCode::NO_CONTENT);
        problem(get(&app, &c.member, &format!("{}/threads/{second}", c.base)).await, StatusCode::NOT_FOUND).await;
        let page = get_json(&app, &c.member, &format!("{}/threads", c.base)).await;
        assert_eq!(page["threads"].as_array().unwrap().len(), 1);
        problem(reply(&app, &c.other, c.group, second).await, StatusCode::NOT_FOUND).await;

        // Pins and locks are on the record too.
        let everything = audit(&app, &c.facilitator, c.group).await;
        for action in ["pin_thread", "lock_thread", "unlock_thread"] {
            assert!(everything.iter().any(|e| e["action"] == action && e["actor"] == "fay"), "{action}");
        }
        let log: Vec<Value> = (everything.into_iter())
            .filter(|entry| entry["action"] == "remove_post")
            .collect();
        assert_eq!(log.len(), 2);
        assert_eq!(log[0]["action"], "remove_post");
        assert_eq!(log[0]["actor"], "ana");
        assert_eq!(log[0]["target_post"], second);
        assert_eq!(log[0]["reason"], "Shared someone else's story");
        assert_eq!(log[1]["target_post"], reply_id);
        assert_eq!(log[1]["actor"], "fay");
        // Whose post it was is not in the log every facilitator reads.
        assert_eq!(log[0]["target_account"], Value::Null);
    }

    async fn looking_up_an_anonymous_author_is_recorded(app) {
        let c = circle(&app).await;
        let thread = share(&app, &c.member, c.group, true).await;
        let seen = get_json(&app, &c.facilitator, &format!("{}/threads/{thread}", c.base)).await;
        assert_eq!(seen["share"]["author"], Value::Null, "anonymous to the facilitator too");
        let reveal = format!("{}/posts/{thread}/reveal", c.base);
        let refused = call(&app, Method::POST, &c.facilitator, &reveal, json!({ "reason": "" })).await;
        let refused = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(field_names(&refused), ["reason"]);
        assert!(!refused.to_string().contains("bea"));
        assert!(audit(&app, &c.owner, c.group).await.is_empty(), "no look-up without a reason");

        let found = call(&app, Method::POST, &c.facilitator, &reveal,
            json!({ "reason": "They wrote about being in danger tonight" })).await;
        let found = json_of(found, StatusCode::OK).await;
        assert_eq!(found, json!({ "handle": "bea" }));
        let log = audit(&app, &c.owner, c.group).await;
        assert_eq!(log.len(), 1);
        assert_eq!(log[0]["action"], "reveal_author");
        assert_eq!(log[0]["actor"], "fay");
        assert_eq!(log[0]["target_post"], thread);
        assert_eq!(log[0]["reason"], "They wrote about being in danger tonight");
        // The log, which every facilitator reads, does not name the author.
        assert_eq!(log[0]["target_account"], Value::Null);
        assert!(!serde_json::to_string(&log).unwrap().contains("bea"));
        // Still anonymous on the page.
        let seen = get_json(&app, &c.owner, &format!("{}/threads/{thread}", c.base)).await;
        assert_eq!(seen["share"]["author"], Value::Null);
        // A removed post's author can still be looked up; a missing post
        // cannot.
        let removed = call(&app, Method::DELETE, &c.facilitator, &format!("{}/posts/{thread}", c.base),
            json!({ "reason": "Moved to a safer place" })).await;
        assert_eq!(removed.status(), StatusCode::NO_CONTENT);
        let found = call(&app, Method::POST, &c.owner, &reveal, json!({ "reason": "To reach them" })).await;
        assert_eq!(json_of(found, StatusCode::OK).await["handle"], "bea");
        let missing = call(&app, Method::POST, &c.owner, &format!("{}/posts/999999/reveal", c.base),
            json!({ "reason": "To reach them" })).await;
        problem(missing, StatusCode::NOT_FOUND).await;
        assert_eq!(audit(&app, &c.owner, c.group).await.len(), 3);
    }
}

/// Every facilitators' route is in the OpenAPI document, under the groups
/// tag, and answers as documented when called by the owner with real ids
/// (so a 404 or 405 would mean the route is missing).
#[tokio::test]
async fn the_openapi_document_describes_the_facilitators_tools() {
    let app = spawn_app(hearth_store::Backend::Sqlite).await;
    let document: Value = app
        .api
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let c = circle(&app).await;
    let thread = share(&app, &c.member, c.group, true).await;
    let made = call(
        &app,
        Method::POST,
        &c.owner,
        &format!("{}/invites", c.base),
        json!({}),
    )
    .await;
    let invite = json_of(made, StatusCode::CREATED).await["id"]
        .as_i64()
        .unwrap();
    let member = c.other.id.0;
    let routes: [(&str, &str, Value, StatusCode); 16] = [
        (
            "get",
            "/api/v1/groups/{group}/requests",
            Value::Null,
            StatusCode::OK,
        ),
        (
            "post",
            "/api/v1/groups/{group}/requests/{account}/approval",
            json!({ "approve": true }),
            // Nobody asked: the route is there, the request is not.
            StatusCode::NOT_FOUND,
        ),
        (
            "get",
            "/api/v1/groups/{group}/invites",
            Value::Null,
            StatusCode::OK,
        ),
        (
            "post",
            "/api/v1/groups/{group}/invites",
            json!({ "days": 2 }),
            StatusCode::CREATED,
        ),
        (
            "delete",
            "/api/v1/groups/{group}/invites/{invite}",
            Value::Null,
            StatusCode::NO_CONTENT,
        ),
        (
            "put",
            "/api/v1/groups/{group}/members/{account}/role",
            json!({ "role": "facilitator" }),
            StatusCode::OK,
        ),
        (
            "patch",
            "/api/v1/groups/{group}",
            json!({ "description": "Changed" }),
            StatusCode::OK,
        ),
        (
            "put",
            "/api/v1/groups/{group}/norms",
            json!({ "norms": "Kindness first, and what is said here stays here." }),
            StatusCode::OK,
        ),
        (
            "put",
            "/api/v1/groups/{group}/threads/{thread}/pinned",
            json!({ "pinned": true }),
            StatusCode::NO_CONTENT,
        ),
        (
            "put",
            "/api/v1/groups/{group}/threads/{thread}/locked",
            json!({ "locked": true }),
            StatusCode::NO_CONTENT,
        ),
        (
            "post",
            "/api/v1/groups/{group}/posts/{post}/reveal",
            json!({ "reason": "A safety check" }),
            StatusCode::OK,
        ),
        (
            "get",
            "/api/v1/groups/{group}/audit",
            Value::Null,
            StatusCode::OK,
        ),
        (
            "delete",
            "/api/v1/groups/{group}/posts/{post}",
            json!({ "reason": "Off topic" }),
            StatusCode::NO_CONTENT,
        ),
        (
            "post",
            "/api/v1/groups/{group}/members/{account}/mute",
            json!({ "days": 1, "reason": "A pause" }),
            // Made a facilitator above: the owner may pause them.
            StatusCode::OK,
        ),
        (
            "delete",
            "/api/v1/groups/{group}/members/{account}",
            json!({ "reason": "Gone quiet" }),
            StatusCode::NO_CONTENT,
        ),
        (
            "post",
            "/api/v1/groups/{group}/ownership",
            json!({ "account": c.member.id.0 }),
            StatusCode::NO_CONTENT,
        ),
    ];
    for (method, path, body, expected) in routes {
        let operation = &document["paths"][path][method];
        assert!(operation.is_object(), "{method} {path} is documented");
        assert_eq!(operation["tags"], json!(["groups"]), "{method} {path}");
        let documented = operation["responses"][expected.as_str()].is_object();
        assert!(documented, "{method} {path} documents {expected}");
        let url = path
            .replace("{group}", &c.group.to_string())
            .replace("{thread}", &thread.to_string())
            .replace("{post}", &thread.to_string())
            .replace("{invite}", &invite.to_string())
            .replace("{account}", &member.to_string());
        let method_name = method.to_uppercase().parse().unwrap();
        let response = call(&app, method_name, &c.owner, &url, body).await;
        assert_eq!(response.status(), expected, "{method} {path}");
    }
    for schema in [
        "JoinRequestsView",
        "GroupInvitesView",
        "NewInviteView",
        "ManagedMemberView",
        "RevealedAuthorView",
        "AuditLogView",
        "NewInviteRequest",
        "MuteRequest",
        "ReasonRequest",
        "GroupSettingsRequest",
    ] {
        assert!(
            document["components"]["schemas"][schema].is_object(),
            "schema {schema}"
        );
    }
}
