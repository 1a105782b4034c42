//! Safety through real HTTP on both databases: the crisis panel and the
//! API's `crisis` answer, asking facilitators for support, reports and the
//! moderation queue with each decision and who may take it, the audit log,
//! suspensions, and the rate limits on writing.

mod support;

use hearth_domain::moderation::ModeratorReason;
use hearth_domain::people::Role;
use hearth_store::backend_tests;
use hearth_store::groups::posts::PostId;
use hearth_store::groups::{GroupId, NewGroup};
use hearth_store::people::AccountId;
use jiff::Timestamp;
use reqwest::header::{ACCEPT_LANGUAGE, RETRY_AFTER};
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use support::{PASSWORD, TestApp, location, problem, spawn_app};

const CRISIS_EN: &str = "I don't want to be here anymore. I have the pills ready.";
const CALM_EN: &str = "Ninety days today. Grateful for this room.";

/// Someone signed in, in a browser and through the API.
struct Person {
    id: AccountId,
    browser: Client,
    token: String,
}

async fn person(app: &TestApp, handle: &str) -> Person {
    let token = app.api_member(handle).await;
    let browser = app.browser();
    let response = app
        .submit(
            &browser,
            "/login",
            "/login",
            &[("handle", handle), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "{handle} signs in"
    );
    let id = (app.db.store.credentials(handle).await.unwrap())
        .expect("the account")
        .account
        .id;
    Person { id, browser, token }
}

/// A group owned by `owner`, with `members` in it, straight through the
/// store: the tests here are about what happens inside.
async fn group(app: &TestApp, owner: &Person, members: &[&Person]) -> i64 {
    use hearth_domain::groups::{Description, GroupKind, GroupLanguage, GroupName, Norms, Tags};
    let name = GroupName::parse("Evening circle").unwrap();
    let description = Description::parse("").unwrap();
    let tags = Tags::parse([]).unwrap();
    let language = GroupLanguage::default();
    let norms = Norms::parse("What is shared here stays here. Listen first.").unwrap();
    let new = NewGroup {
        name: &name,
        description: &description,
        kind: GroupKind::Hidden,
        tags: &tags,
        language: &language,
        norms: &norms,
    };
    let store = &app.db.store;
    let group = store
        .create_group(&new, owner.id, Timestamp::now())
        .await
        .unwrap();
    for member in members {
        (store.join_group(group.id, member.id, group.norms_version, Timestamp::now()))
            .await
            .unwrap();
    }
    group.id.0
}

async fn make_facilitator(app: &TestApp, group: i64, who: &Person) {
    use hearth_domain::groups::GroupRole;
    let store = &app.db.store;
    // Members come owner first: the owner makes them a facilitator.
    let owner = store.members(GroupId(group)).await.unwrap()[0].account_id;
    (store.set_member_role(
        GroupId(group),
        who.id,
        GroupRole::Facilitator,
        owner,
        Timestamp::now(),
    ))
    .await
    .unwrap();
}

async fn make_admin(app: &TestApp, handle: &str) {
    (app.db.store)
        .grant_role(
            handle,
            Role::Admin,
            &ModeratorReason::parse("Runs the site").unwrap(),
            Timestamp::now(),
        )
        .await
        .unwrap();
}

/// Submits a form from the browser, its CSRF token from the directory.
async fn send(app: &TestApp, who: &Person, action: &str, fields: &[(&str, &str)]) -> Response {
    app.submit(&who.browser, "/groups", action, fields).await
}

async fn page(app: &TestApp, who: &Person, path: &str) -> (StatusCode, String) {
    let response = who.browser.get(app.url(path)).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

async fn share_page(app: &TestApp, who: &Person, group: i64, body: &str) -> Response {
    send(
        app,
        who,
        &format!("/groups/{group}/shares"),
        &[("kind", "share"), ("title", ""), ("body", body)],
    )
    .await
}

async fn api(app: &TestApp, who: &Person, method: &str, path: &str, body: Value) -> Response {
    let request = app
        .api
        .request(method.parse().unwrap(), app.url(path))
        .bearer_auth(&who.token);
    let request = if method == "GET" {
        request
    } else {
        request.json(&body)
    };
    request.send().await.unwrap()
}

async fn api_share(app: &TestApp, who: &Person, group: i64, body: &str) -> Response {
    api(
        app,
        who,
        "POST",
        &format!("/api/v1/groups/{group}/threads"),
        json!({ "kind": "share", "body": body }),
    )
    .await
}

async fn share_id(app: &TestApp, who: &Person, group: i64, body: &str) -> i64 {
    let response = api_share(app, who, group, body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

async fn open_reports(app: &TestApp, who: &Person) -> Vec<Value> {
    let response = api(app, who, "GET", "/api/v1/moderation/reports", json!({})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    body["reports"].as_array().unwrap().clone()
}

async fn decide(app: &TestApp, who: &Person, report: i64, decision: Value) -> Response {
    api(
        app,
        who,
        "POST",
        &format!("/api/v1/moderation/reports/{report}"),
        decision,
    )
    .await
}

async fn report_post(app: &TestApp, who: &Person, group: i64, post: i64, reason: &str) -> i64 {
    let response = api(
        app,
        who,
        "POST",
        &format!("/api/v1/groups/{group}/reports"),
        json!({ "post_id": post, "reason": reason, "note": "this is not kind" }),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

backend_tests! {
    setup = spawn_app;

    async fn crisis_words_are_posted_and_bring_the_panel_and_the_facilitators_at_once(app) {
        let owner = person(&app, "rowan").await;
        let writer = person(&app, "sage").await;
        let group = group(&app, &owner, &[&writer]).await;

        // Calm words: the thread, no panel.
        let calm = share_page(&app, &writer, group, CALM_EN).await;
        assert_eq!(calm.status(), StatusCode::SEE_OTHER);
        assert!(!location(&calm).contains("crisis"));

        let response = share_page(&app, &writer, group, CRISIS_EN).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let next = location(&response).to_owned();
        assert!(next.contains("?crisis=") && next.ends_with("#crisis"), "{next}");
        let (status, html) = page(&app, &writer, &next).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("id=\"crisis-heading\">You") && html.contains("not alone"));
        assert!(html.contains("I don&#x27;t want to be here anymore") || html.contains("I don't want to be here anymore"), "the words are posted");
        assert!(html.contains("href=\"tel:988\""), "crisis lines one tap away");
        assert!(html.contains("Tell my facilitators I need support"));

        // A browser in Mexico gets Mexico's line first.
        let mexican = writer.browser.get(app.url(&next)).header(ACCEPT_LANGUAGE, "es-MX,es;q=0.9").send().await.unwrap();
        let html_mx = mexican.text().await.unwrap();
        let (mexico, us) = (html_mx.find("800 911 2000").unwrap(), html_mx.find("tel:988").unwrap());
        assert!(mexico < us, "the reader's own country first");

        // The owner already has a priority item and a notification.
        let queue = open_reports(&app, &owner).await;
        assert_eq!(queue.len(), 1);
        assert_eq!((queue[0]["reason"].as_str(), queue[0]["source"].as_str()), (Some("crisis"), Some("detector")));
        let (_, moderation) = page(&app, &owner, "/moderation").await;
        assert!(moderation.contains("Priority"));
        let (_, notifications) = page(&app, &owner, "/notifications").await;
        assert!(notifications.contains("may need support"));

        // "Tell my facilitators": one click, then a calm confirmation.
        let post: i64 = next.split("crisis=").nth(1).unwrap().split('#').next().unwrap().parse().unwrap();
        let told = send(&app, &writer, &format!("/groups/{group}/posts/{post}/ask-for-support"), &[]).await;
        assert_eq!(told.status(), StatusCode::SEE_OTHER);
        assert!(location(&told).contains("support=asked"));
        let (_, after) = page(&app, &writer, location(&told)).await;
        assert!(after.contains("Your facilitators have been told"));
        let queue = open_reports(&app, &owner).await;
        assert_eq!(queue.len(), 2);
        assert!(queue.iter().any(|r| r["source"] == "support" && r["person"] == "sage"));
        // Someone else cannot ask about the writer's post.
        let other = send(&app, &owner, &format!("/groups/{group}/posts/{post}/ask-for-support"), &[]).await;
        assert_eq!(other.status(), StatusCode::NOT_FOUND);
    }

    async fn the_api_answers_every_write_with_what_the_detector_read(app) {
        let owner = person(&app, "rowan").await;
        let writer = person(&app, "sage").await;
        let group = group(&app, &owner, &[&writer]).await;
        let calm = api_share(&app, &writer, group, CALM_EN).await;
        assert_eq!(calm.status(), StatusCode::CREATED);
        let calm: Value = calm.json().await.unwrap();
        assert_eq!(calm["crisis"], json!({ "detected": false, "kinds": [], "resources": [] }));
        assert_eq!(calm["body"], CALM_EN, "the post itself, as before");

        let thread = calm["id"].as_i64().unwrap();
        let reply = api(&app, &writer, "POST", &format!("/api/v1/groups/{group}/threads/{thread}/replies"),
            json!({ "body": "tengo ganas de morirme" })).await;
        assert_eq!(reply.status(), StatusCode::CREATED);
        let reply: Value = reply.json().await.unwrap();
        assert_eq!(reply["crisis"]["detected"], true);
        let resources = reply["crisis"]["resources"].as_array().unwrap();
        assert!(resources.len() >= 3, "several lines by default");
        assert!(resources.iter().all(|line| line["tel"].as_str().unwrap().starts_with("tel:")));

        // The detector alone: signed in only, nothing stored.
        let anonymous = app.api.post(app.url("/api/v1/safety/check")).json(&json!({ "text": "hola" })).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
        let checked = api(&app, &writer, "POST", "/api/v1/safety/check",
            json!({ "text": "ya no quiero vivir", "lang": "es" })).await;
        assert_eq!(checked.status(), StatusCode::OK);
        let checked: Value = checked.json().await.unwrap();
        assert_eq!(checked["detected"], true);
        assert_eq!(checked["kinds"], json!(["suicidal_intent"]));
        assert!(checked["resources"].as_array().unwrap().iter().any(|line| line["region"] == "Estados Unidos"), "in Spanish");
        let negated = api(&app, &writer, "POST", "/api/v1/safety/check",
            json!({ "text": "I'm not going to kill myself, I called my sponsor" })).await;
        assert_eq!(negated.json::<Value>().await.unwrap()["detected"], false);
        let unknown = api(&app, &writer, "POST", "/api/v1/safety/check", json!({ "text": "x", "lang": "fr" })).await;
        problem(unknown, StatusCode::UNPROCESSABLE_ENTITY).await;
        let long = api(&app, &writer, "POST", "/api/v1/safety/check", json!({ "text": "a".repeat(20_001) })).await;
        problem(long, StatusCode::UNPROCESSABLE_ENTITY).await;
        // The crisis reply, and nothing from the checks, reached the queue.
        assert_eq!(open_reports(&app, &owner).await.len(), 1);
    }

    async fn a_member_reports_a_post_and_is_told_what_the_facilitators_decided(app) {
        let owner = person(&app, "rowan").await;
        let writer = person(&app, "sage").await;
        let reader = person(&app, "ash").await;
        let group = group(&app, &owner, &[&writer, &reader]).await;
        let post = share_id(&app, &writer, group, "You should all just try harder.").await;
        let form = format!("/groups/{group}/posts/{post}/report");

        let (status, html) = page(&app, &reader, &form).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("You should all just try harder.") && html.contains("<legend>"));
        // No reason: the form again, the note kept.
        let refused = send(&app, &reader, &form, &[("note", "it hurt to read")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains("Choose a reason.") && html.contains("it hurt to read"));
        assert!(open_reports(&app, &owner).await.is_empty(), "nothing half-written");
        let filed = send(&app, &reader, &form, &[("reason", "norms"), ("note", "it hurt to read")]).await;
        assert_eq!(filed.status(), StatusCode::CREATED);
        assert!(filed.text().await.unwrap().contains("The facilitators will look at it."));

        let queue = open_reports(&app, &owner).await;
        assert_eq!(queue.len(), 1);
        assert_eq!((queue[0]["reporter"].as_str(), queue[0]["person"].as_str()), (Some("ash"), Some("sage")));
        let report = queue[0]["id"].as_i64().unwrap();

        // Hide it from the queue page: a reason is needed, and kept.
        let action = format!("/moderation/reports/{report}");
        let no_reason = app.submit(&owner.browser, "/moderation", &action, &[("action", "hide"), ("days", ""), ("reason", "")]).await;
        assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let hidden = app.submit(&owner.browser, "/moderation", &action, &[("action", "hide"), ("days", ""), ("reason", "advice nobody asked for")]).await;
        assert_eq!(hidden.status(), StatusCode::SEE_OTHER);
        let (status, _) = page(&app, &reader, &format!("/groups/{group}/threads/{post}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "gone for members");
        let closed = api(&app, &owner, "GET", "/api/v1/moderation/reports", json!({})).await;
        assert!(closed.json::<Value>().await.unwrap()["reports"].as_array().unwrap().is_empty());

        // The reporter is told; the writer never learns who reported.
        let (_, mine) = page(&app, &reader, "/account/reports").await;
        assert!(mine.contains("The post was hidden"));
        let (_, notes) = page(&app, &reader, "/notifications").await;
        assert!(notes.contains("looked at your report"));
        let (_, writers) = page(&app, &writer, "/account/reports").await;
        assert!(!writers.contains("ash"));

        // Put back, on the record.
        let unhidden = app.submit(&owner.browser, "/moderation", &format!("/moderation/posts/{post}/unhide"), &[("reason", "read it again, it was fine")]).await;
        assert_eq!(unhidden.status(), StatusCode::SEE_OTHER);
        let (status, _) = page(&app, &reader, &format!("/groups/{group}/threads/{post}")).await;
        assert_eq!(status, StatusCode::OK);
        let (_, audit) = page(&app, &owner, "/moderation/audit").await;
        assert!(audit.contains("rowan hid a post.") && audit.contains("rowan put a hidden post back."));
        assert!(audit.contains("advice nobody asked for"));
    }

    async fn moderators_act_only_where_they_may(app) {
        let owner = person(&app, "rowan").await;
        let facilitator = person(&app, "birch").await;
        let member = person(&app, "sage").await;
        let reader = person(&app, "ash").await;
        let other_owner = person(&app, "willow").await;
        let group = group(&app, &owner, &[&facilitator, &member, &reader]).await;
        make_facilitator(&app, group, &facilitator).await;
        let _elsewhere = group_of(&app, &other_owner).await;
        let post = share_id(&app, &member, group, "Some words to report.").await;
        let report = report_post(&app, &reader, group, post, "harassment").await;

        // A plain member, and a facilitator of another group: no such report.
        for outsider in [&member, &other_owner] {
            assert!(open_reports(&app, outsider).await.is_empty());
            let tried = decide(&app, outsider, report, json!({ "action": "dismiss" })).await;
            problem(tried, StatusCode::NOT_FOUND).await;
            let page_try = app.submit(&outsider.browser, "/moderation", &format!("/moderation/reports/{report}"), &[("action", "dismiss")]).await;
            assert_eq!(page_try.status(), StatusCode::NOT_FOUND);
        }
        // A facilitator may not suspend: that is an admin's.
        let suspend = decide(&app, &facilitator, report, json!({ "action": "suspend", "reason": "harassment" })).await;
        problem(suspend, StatusCode::NOT_FOUND).await;
        let bad_days = decide(&app, &facilitator, report, json!({ "action": "mute", "days": 400, "reason": "cool off" })).await;
        let body = problem(bad_days, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["errors"][0]["field"], "days");
        // Warn: the member reads the reason.
        let warned = decide(&app, &facilitator, report, json!({ "action": "warn", "reason": "please speak kindly here" })).await;
        assert_eq!(warned.status(), StatusCode::OK);
        assert_eq!(warned.json::<Value>().await.unwrap()["outcome"], "warned");
        let (_, notes) = page(&app, &member, "/account/reports").await;
        assert!(notes.contains("please speak kindly here"));
        // Closed once.
        problem(decide(&app, &facilitator, report, json!({ "action": "dismiss" })).await, StatusCode::NOT_FOUND).await;

        // An admin of the site sees every group, and may suspend.
        make_admin(&app, "willow").await;
        let second = report_post(&app, &reader, group, post, "hate").await;
        assert_eq!(open_reports(&app, &other_owner).await.len(), 1);
        let suspended = decide(&app, &other_owner, second, json!({ "action": "suspend", "days": 3, "reason": "hate speech" })).await;
        assert_eq!(suspended.status(), StatusCode::OK);
        // Signed out everywhere, and told why at the door.
        assert_eq!(app.api_me(&member.token).await.status(), StatusCode::UNAUTHORIZED);
        let again = app.api_sign_in("sage", PASSWORD).await;
        let body = problem(again, StatusCode::FORBIDDEN).await;
        assert!(body["detail"].as_str().unwrap().contains("3 more days"), "{body}");
        // Audited, and readable by the group's facilitators and the admin.
        let audit = api(&app, &facilitator, "GET", "/api/v1/moderation/audit", json!({})).await;
        let entries = audit.json::<Value>().await.unwrap()["entries"].as_array().unwrap().clone();
        let actions: Vec<&str> = entries.iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert_eq!(actions, ["suspend_account", "warn_member", "make_facilitator"]);
        let strangers = api(&app, &reader, "GET", "/api/v1/moderation/audit", json!({})).await;
        assert!(strangers.json::<Value>().await.unwrap()["entries"].as_array().unwrap().is_empty());
    }

    async fn writing_too_fast_is_slowed_kindly_and_nothing_is_lost(app) {
        let owner = person(&app, "rowan").await;
        let writer = person(&app, "sage").await;
        let group = group(&app, &owner, &[&writer]).await;
        // A new account: four shares an hour.
        for n in 0..4 {
            let response = api_share(&app, &writer, group, &format!("Share number {n}, just checking in.")).await;
            assert_eq!(response.status(), StatusCode::CREATED, "share {n}");
        }
        let fifth = api_share(&app, &writer, group, "One more thought.").await;
        assert_eq!(fifth.status(), StatusCode::TOO_MANY_REQUESTS);
        let wait: u64 = fifth.headers()[RETRY_AFTER].to_str().unwrap().parse().unwrap();
        assert!(wait > 0 && wait <= 3600);
        let body = problem(fifth, StatusCode::TOO_MANY_REQUESTS).await;
        assert!(body["detail"].as_str().unwrap().contains("Nothing you wrote is lost"));
        // The page keeps what was typed.
        let typed = "A long thought I do not want to lose.";
        let refused = share_page(&app, &writer, group, typed).await;
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
        let html = refused.text().await.unwrap();
        assert!(html.contains(typed) && html.contains("please wait"));
        // Someone else is not slowed by it.
        assert_eq!(api_share(&app, &owner, group, "The owner's share.").await.status(), StatusCode::CREATED);
        // Replies have their own room.
        let thread = share_id(&app, &owner, group, "Another for replies.").await;
        let reply = api(&app, &writer, "POST", &format!("/api/v1/groups/{group}/threads/{thread}/replies"), json!({ "body": "Thank you." })).await;
        assert_eq!(reply.status(), StatusCode::CREATED);
        let stored = app.db.store.post(GroupId(group), PostId(thread)).await.unwrap().unwrap();
        assert_eq!(stored.reply_count, 1);
    }

    async fn reports_and_invitations_have_their_own_brakes(app) {
        let owner = person(&app, "rowan").await;
        let reader = person(&app, "ash").await;
        let group = group(&app, &owner, &[&reader]).await;
        let post = share_id(&app, &owner, group, "Something to report, many times.").await;
        // A new account: five reports an hour, then a wait.
        for _ in 0..5 {
            report_post(&app, &reader, group, post, "spam").await;
        }
        let sixth = api(&app, &reader, "POST", &format!("/api/v1/groups/{group}/reports"),
            json!({ "post_id": post, "reason": "spam" })).await;
        problem(sixth, StatusCode::TOO_MANY_REQUESTS).await;
        // The form keeps the note.
        let page_try = send(&app, &reader, &format!("/groups/{group}/posts/{post}/report"),
            &[("reason", "spam"), ("note", "still spam")]).await;
        assert_eq!(page_try.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(page_try.text().await.unwrap().contains("still spam"));
        // Ten invitations an hour for a new account.
        for n in 0..10 {
            let made = api(&app, &owner, "POST", &format!("/api/v1/groups/{group}/invites"), json!({})).await;
            assert_eq!(made.status(), StatusCode::CREATED, "invitation {n}");
        }
        let eleventh = api(&app, &owner, "POST", &format!("/api/v1/groups/{group}/invites"), json!({})).await;
        problem(eleventh, StatusCode::TOO_MANY_REQUESTS).await;
    }

    async fn a_block_folds_someone_away_and_a_mute_hides_them_but_never_an_anonymous_post(app) {
        let reader = person(&app, "rowan").await;
        let loud = person(&app, "sage").await;
        let quiet = person(&app, "ash").await;
        let group = group(&app, &reader, &[&loud, &quiet]).await;
        let thread = share_id(&app, &reader, group, "How was everyone's week?").await;
        let reply = |who: &'static str, body: &'static str, anonymous: bool| {
            let app = &app;
            let author = if who == "sage" { &loud } else { &quiet };
            async move {
                let response = api(app, author, "POST", &format!("/api/v1/groups/{group}/threads/{thread}/replies"),
                    json!({ "body": body, "anonymous": anonymous })).await;
                assert_eq!(response.status(), StatusCode::CREATED);
            }
        };
        reply("sage", "Loud words from sage.", false).await;
        reply("ash", "Quiet words from ash.", false).await;
        reply("ash", "Anonymous words from ash.", true).await;
        share_id(&app, &loud, group, "A share by sage.").await;

        // From the member list, one click each; the page comes back.
        let members = format!("/groups/{group}/members");
        let blocked = app.submit(&reader.browser, &members, &format!("/people/{}/block", loud.id.0), &[("next", &members)]).await;
        assert_eq!((blocked.status(), location(&blocked)), (StatusCode::SEE_OTHER, members.as_str()));
        let muted = app.submit(&reader.browser, &members, &format!("/people/{}/mute", quiet.id.0), &[("next", &members)]).await;
        assert_eq!(muted.status(), StatusCode::SEE_OTHER);
        let (_, list) = page(&app, &reader, &members).await;
        assert!(list.contains("Blocked") && list.contains("Muted"));

        let (_, html) = page(&app, &reader, &format!("/groups/{group}/threads/{thread}")).await;
        assert!(html.contains("<details class=\"collapsed\">") && html.contains("Loud words from sage."), "folded, still there");
        assert!(!html.contains("Quiet words from ash."), "muted");
        assert!(html.contains("Anonymous words from ash."), "an anonymous post is never hidden: that would name its author");
        let (_, group_page) = page(&app, &reader, &format!("/groups/{group}")).await;
        assert!(!group_page.contains("A share by sage.") && group_page.contains("A post from someone you blocked"));
        // The API says the same.
        let api_thread: Value = api(&app, &reader, "GET", &format!("/api/v1/groups/{group}/threads/{thread}"), json!({})).await.json().await.unwrap();
        let replies = api_thread["replies"].as_array().unwrap();
        assert_eq!(replies.len(), 2);
        assert!(replies.iter().any(|r| r["author_blocked"] == true && r["author"] == "sage"));
        let listed: Value = api(&app, &reader, "GET", "/api/v1/account/filters", json!({})).await.json().await.unwrap();
        assert_eq!(listed["people"].as_array().unwrap().len(), 2);
        // Nothing changes for anyone else.
        let (_, theirs) = page(&app, &quiet, &format!("/groups/{group}/threads/{thread}")).await;
        assert!(!theirs.contains("collapsed") && theirs.contains("Loud words from sage."));

        // Taken back, from the account page and the API.
        let undone = app.submit(&reader.browser, "/account/people", &format!("/people/{}/unblock", loud.id.0), &[("next", "/account/people")]).await;
        assert_eq!(undone.status(), StatusCode::SEE_OTHER);
        let removed = api(&app, &reader, "DELETE", &format!("/api/v1/people/{}/filter", quiet.id.0), json!({})).await;
        assert_eq!(removed.status(), StatusCode::NO_CONTENT);
        let (_, html) = page(&app, &reader, &format!("/groups/{group}/threads/{thread}")).await;
        assert!(!html.contains("<details class=\"collapsed\">") && html.contains("Quiet words from ash."));
        // The API refuses what it does not know, and oneself.
        let odd = api(&app, &reader, "PUT", &format!("/api/v1/people/{}/filter", quiet.id.0), json!({ "kind": "ban" })).await;
        problem(odd, StatusCode::UNPROCESSABLE_ENTITY).await;
        let me = api(&app, &reader, "PUT", &format!("/api/v1/people/{}/filter", reader.id.0), json!({ "kind": "mute" })).await;
        problem(me, StatusCode::NOT_FOUND).await;
        let ok = api(&app, &reader, "PUT", &format!("/api/v1/people/{}/filter", quiet.id.0), json!({ "kind": "mute" })).await;
        assert_eq!(ok.status(), StatusCode::NO_CONTENT);
    }
}

/// Another group, owned by `owner` alone.
async fn group_of(app: &TestApp, owner: &Person) -> i64 {
    group(app, owner, &[]).await
}
