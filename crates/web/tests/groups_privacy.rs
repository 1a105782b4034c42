//! The privacy wall, proven: every group route, page and API, answers 404 to
//! every kind of outsider (signed out, never joined, left, removed), exactly
//! as it answers for a group that does not exist. The routes are taken from
//! the application itself, so a route added later is checked too. On both
//! databases.

mod support;

use hearth_domain::groups::{
    Body, Description, GroupKind, GroupLanguage, GroupName, Norms, ShareKind, Tags,
};
use hearth_domain::people::Handle;
use hearth_store::backend_tests;
use hearth_store::groups::posts::{NewReply, NewShare, PostId, Replied};
use hearth_store::groups::{GroupId, NewGroup};
use hearth_store::people::AccountId;
use jiff::Timestamp;
use reqwest::{Method, StatusCode};
use support::{PASSWORD, TestApp, Visitor, spawn_app};

/// A group with a thread and a reply in it.
struct Fixture {
    group: GroupId,
    thread: PostId,
    reply: PostId,
    owner: AccountId,
}

async fn account(app: &TestApp, handle: &str) -> AccountId {
    let key = Handle::key_of(handle);
    let found = app.db.store.credentials(&key).await.unwrap();
    found.expect("the account exists").account.id
}

async fn group_with_a_thread(app: &TestApp, owner: AccountId, kind: GroupKind) -> Fixture {
    let store = &app.db.store;
    let now = Timestamp::now();
    let name = GroupName::parse(&format!("Private circle {}", kind.as_str())).unwrap();
    let description = Description::parse("Where we talk about the hard days").unwrap();
    let norms = Norms::parse("What is said here stays here. Be kind.").unwrap();
    let tags = Tags::parse(["grief"]).unwrap();
    let language = GroupLanguage::default();
    let new = NewGroup {
        name: &name,
        description: &description,
        kind,
        tags: &tags,
        language: &language,
        norms: &norms,
    };
    let group = store.create_group(&new, owner, now).await.unwrap();
    let body = Body::share("A secret share about my week").unwrap();
    let share = NewShare {
        kind: ShareKind::Question,
        title: None,
        body: &body,
        anonymous: false,
        crisis: false,
    };
    let thread = store
        .create_share(group.id, owner, &share, &[], "k1", now)
        .await
        .unwrap();
    let body = Body::reply("A secret reply").unwrap();
    let reply = NewReply {
        thread,
        body: &body,
        anonymous: false,
        quoting: None,
        crisis: false,
    };
    let Replied::Posted(reply) = store
        .create_reply(group.id, owner, &reply, &[], "k2", now)
        .await
        .unwrap()
    else {
        panic!("the reply is written");
    };
    Fixture {
        group: group.id,
        thread,
        reply,
        owner,
    }
}

/// A route's path with its parameters filled in for `fixture`.
fn concrete(pattern: &str, fixture: &Fixture) -> String {
    pattern
        .replace("{group}", &fixture.group.0.to_string())
        .replace("{thread}", &fixture.thread.0.to_string())
        .replace("{reply}", &fixture.reply.0.to_string())
        .replace("{post}", &fixture.thread.0.to_string())
        .replace("{account}", &fixture.owner.0.to_string())
        .replace("{invite}", "1")
}

/// The routes through which anyone may see a listed group's public face
/// and ask to come in: its name, description and norms, not its content.
fn is_the_door(pattern: &str) -> bool {
    ["/about", "/join", "/request", "/requests"]
        .iter()
        .any(|door| pattern.ends_with(door))
}

/// Every group page route, GET and POST, as `who`: 404, or 405 where the
/// route has no such method (which is the same for every group, real or
/// not). At least one method of each route reaches the wall.
async fn pages_are_walled(app: &TestApp, who: &Visitor, fixture: &Fixture, listed: bool) {
    for pattern in hearth_web::group_page_paths() {
        if !pattern.contains("{group}") || (listed && is_the_door(pattern)) {
            continue;
        }
        let path = concrete(pattern, fixture);
        let mut walled = false;
        for method in [Method::GET, Method::POST] {
            let mut request = who.browser.request(method.clone(), app.url(&path));
            if method == Method::POST {
                request = request.form(&[
                    ("csrf_token", who.csrf.as_str()),
                    ("body", "let me in"),
                    ("reason", "curious"),
                    ("norms_version", "1"),
                    ("agree", "yes"),
                    ("kind", "me_too"),
                ]);
            }
            let response = request.send().await.unwrap();
            let status = response.status();
            assert!(
                status == StatusCode::NOT_FOUND || status == StatusCode::METHOD_NOT_ALLOWED,
                "{} got {status} for {method} {path}",
                who.name
            );
            if status == StatusCode::NOT_FOUND {
                let page = response.text().await.unwrap();
                assert!(
                    !page.contains("secret") && !page.contains("Private circle"),
                    "{} saw group content at {method} {path}",
                    who.name
                );
                walled = true;
            }
        }
        assert!(walled, "{path} has a method that reaches the wall");
    }
}

/// Every API route under a group, with each method the OpenAPI document
/// lists for it, as `who`: 404 problem documents, nothing else.
async fn api_is_walled(app: &TestApp, who: &Visitor, fixture: &Fixture, listed: bool) {
    let document = hearth_web::openapi_document();
    let mut checked = 0;
    for (pattern, item) in &document.paths.paths {
        if !pattern.contains("{group}") || (listed && is_the_door(pattern)) {
            continue;
        }
        let path = concrete(pattern, fixture);
        let operations = [
            (Method::GET, item.get.is_some()),
            (Method::POST, item.post.is_some()),
            (Method::PUT, item.put.is_some()),
            (Method::PATCH, item.patch.is_some()),
            (Method::DELETE, item.delete.is_some()),
        ];
        for (method, _) in operations.iter().filter(|(_, listed)| *listed) {
            let mut request = app.api.request(method.clone(), app.url(&path));
            if let Some(token) = &who.token {
                request = request.bearer_auth(token);
            }
            if is_the_door(pattern) && *method == Method::POST {
                // A well-formed knock, so the answer is about the group.
                request = request.json(&serde_json::json!({ "norms_version": 1 }));
            } else if *method != Method::GET && *method != Method::DELETE {
                request = request.json(&serde_json::json!({
                    "body": "let me in", "kind": "me_too", "norms_version": 1,
                    "helpful": true, "reason": "curious"
                }));
            }
            let response = request.send().await.unwrap();
            let status = response.status();
            let text = response.text().await.unwrap();
            assert_eq!(
                status,
                StatusCode::NOT_FOUND,
                "{} got {status} for {method} {path}: {text}",
                who.name
            );
            assert!(!text.contains("secret") && !text.contains("Private circle"));
            checked += 1;
        }
    }
    assert!(checked > 0 || listed, "the API has group routes to check");
}

backend_tests! {
    setup = spawn_app;

    async fn every_group_route_is_404_to_every_outsider(app) {
        for handle in ["owner", "stranger", "leaver", "removed"] {
            app.api_register(handle, PASSWORD).await;
        }
        let owner = account(&app, "owner").await;
        let store = &app.db.store;
        let mut groups = Vec::new();
        for kind in GroupKind::ALL {
            let fixture = group_with_a_thread(&app, owner, kind).await;
            // One who was a member and left, one a facilitator removed.
            for handle in ["leaver", "removed"] {
                let id = account(&app, handle).await;
                if kind == GroupKind::Hidden {
                    let hash = hearth_web::auth::session::token_hash(handle);
                    let expires = Timestamp::now() + jiff::SignedDuration::from_hours(1);
                    store
                        .create_invite(fixture.group, &hash, owner, expires, None, Timestamp::now())
                        .await
                        .unwrap();
                    store.join_by_invite(&hash, id, 1, Timestamp::now()).await.unwrap();
                } else {
                    store.join_group(fixture.group, id, 1, Timestamp::now()).await.unwrap();
                }
            }
            store.leave_group(fixture.group, account(&app, "leaver").await).await.unwrap();
            store
                .remove_member(
                    fixture.group,
                    account(&app, "removed").await,
                    owner,
                    "broke the norms",
                    Timestamp::now(),
                )
                .await
                .unwrap();
            groups.push((kind, fixture));
        }
        let outsiders = [
            app.visitor("a signed-out visitor", None).await,
            app.visitor("a person who never joined", Some("stranger")).await,
            app.visitor("a member who left", Some("leaver")).await,
            app.visitor("a removed member", Some("removed")).await,
        ];
        let nowhere = Fixture {
            group: GroupId(999_999),
            thread: PostId(999_998),
            reply: PostId(999_997),
            owner,
        };
        for who in &outsiders {
            for (kind, fixture) in &groups {
                pages_are_walled(&app, who, fixture, kind.is_listed()).await;
                api_is_walled(&app, who, fixture, kind.is_listed()).await;
            }
            // A group that does not exist answers the same.
            pages_are_walled(&app, who, &nowhere, false).await;
            api_is_walled(&app, who, &nowhere, false).await;
        }
    }

    async fn a_hidden_group_is_never_listed_or_found(app) {
        app.api_register("owner", PASSWORD).await;
        let owner = account(&app, "owner").await;
        group_with_a_thread(&app, owner, GroupKind::Hidden).await;
        group_with_a_thread(&app, owner, GroupKind::Open).await;
        let directory = app.api.get(app.url("/groups?q=private+circle")).send().await.unwrap();
        let page = directory.text().await.unwrap();
        assert!(page.contains("Private circle open"), "the open group is listed");
        assert!(!page.contains("Private circle hidden"), "the hidden group is not");
        let about = app.api.get(app.url("/groups/1/about")).send().await.unwrap();
        assert_eq!(about.status(), StatusCode::NOT_FOUND, "its about page is not there");
    }

    async fn notifications_stop_at_the_wall(app) {
        for handle in ["owner", "member"] {
            app.api_register(handle, PASSWORD).await;
        }
        let owner = account(&app, "owner").await;
        let member = account(&app, "member").await;
        let store = &app.db.store;
        let fixture = group_with_a_thread(&app, owner, GroupKind::Open).await;
        store.join_group(fixture.group, member, 1, Timestamp::now()).await.unwrap();
        let body = Body::reply("@member have a look at this").unwrap();
        let reply = NewReply { thread: fixture.thread, body: &body, anonymous: false, quoting: None, crisis: false };
        let mentions = vec!["member".to_owned()];
        store
            .create_reply(fixture.group, owner, &reply, &mentions, "k3", Timestamp::now())
            .await
            .unwrap();
        let reader = app.visitor("the member", Some("member")).await;
        let page = reader.browser.get(app.url("/notifications")).send().await.unwrap();
        assert!(page.text().await.unwrap().contains("Private circle open"));
        store
            .remove_member(fixture.group, member, owner, "left the norms", Timestamp::now())
            .await
            .unwrap();
        let page = reader.browser.get(app.url("/notifications")).send().await.unwrap();
        let page = page.text().await.unwrap();
        assert!(!page.contains("Private circle"), "nothing of the group is left: {page}");
    }
}
