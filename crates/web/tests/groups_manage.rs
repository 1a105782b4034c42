//! The facilitators' tools, through real HTTP on both databases: letting
//! people in, invitation links, roles and their limits, removing and pausing
//! members, norms, pinning, closing and removing posts, the audited look-up
//! of an anonymous author, handing a group over, and the group's settings.

mod support;

use hearth_domain::groups::GroupRole;
use hearth_store::backend_tests;
use hearth_store::groups::audit::AuditAction;
use hearth_store::groups::notifications::NotificationKind;
use hearth_store::groups::posts::{Post, PostId};
use hearth_store::groups::{GroupId, Joined, Membership, MembershipStatus};
use hearth_store::people::AccountId;
use jiff::Timestamp;
use reqwest::{Client, Response, StatusCode};
use support::{TestApp, location, spawn_app};

const NORMS: &str = "Be kind to each other. What is shared here stays here.";
const NEW_NORMS: &str = "Be kind. What is shared here stays here. No advice unless asked.";

async fn person(app: &TestApp, handle: &str) -> Client {
    let browser = app.browser();
    let response = app.register_in_browser(&browser, handle).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "{handle} registers"
    );
    browser
}

async fn account(app: &TestApp, handle: &str) -> i64 {
    let credentials = app
        .db
        .store
        .credentials(&handle.to_lowercase())
        .await
        .unwrap();
    credentials.expect("the account exists").account.id.0
}

/// Submits a form as a browser would, its CSRF token from the directory.
async fn send(app: &TestApp, browser: &Client, action: &str, fields: &[(&str, &str)]) -> Response {
    app.submit(browser, "/groups", action, fields).await
}

async fn get(app: &TestApp, browser: &Client, path: &str) -> Response {
    browser.get(app.url(path)).send().await.unwrap()
}

async fn text(app: &TestApp, browser: &Client, path: &str) -> String {
    let response = get(app, browser, path).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    response.text().await.unwrap()
}

/// Starts a group of `kind` through the form; returns its id.
async fn start_group(app: &TestApp, owner: &Client, kind: &str) -> i64 {
    let response = send(
        app,
        owner,
        "/groups/new",
        &[
            ("name", "Thursday circle"),
            ("description", "A quiet room for the week's middle."),
            ("kind", kind),
            ("tags", "grief"),
            ("language", "en"),
            ("norms", NORMS),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    location(&response)
        .trim_start_matches("/groups/")
        .parse()
        .unwrap()
}

async fn norms_version(app: &TestApp, group: i64) -> i64 {
    app.db
        .store
        .group(GroupId(group))
        .await
        .unwrap()
        .unwrap()
        .norms_version
}

/// Joins an open group through its page.
async fn join(app: &TestApp, browser: &Client, group: i64) {
    let version = norms_version(app, group).await.to_string();
    let response = send(
        app,
        browser,
        &format!("/groups/{group}/join"),
        &[("norms_version", &version), ("agree", "yes")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("/groups/{group}"));
}

/// Registers someone and puts them straight into a group of any kind.
async fn member_of(app: &TestApp, handle: &str, group: i64) -> (Client, i64) {
    let browser = person(app, handle).await;
    let id = account(app, handle).await;
    let version = norms_version(app, group).await;
    let joined = app
        .db
        .store
        .join_group(GroupId(group), AccountId(id), version, Timestamp::now())
        .await
        .unwrap();
    assert_eq!(joined, Joined::Joined);
    (browser, id)
}

async fn membership(app: &TestApp, group: i64, account: i64) -> Option<Membership> {
    app.db
        .store
        .group_with_membership(GroupId(group), AccountId(account))
        .await
        .unwrap()
        .and_then(|(_, membership)| membership)
}

async fn role(app: &TestApp, group: i64, account: i64) -> GroupRole {
    membership(app, group, account)
        .await
        .expect("a member")
        .role
}

async fn share(
    app: &TestApp,
    browser: &Client,
    group: i64,
    body: &str,
    anonymous: bool,
) -> Response {
    let mut fields = vec![("kind", "share"), ("title", ""), ("body", body)];
    if anonymous {
        fields.push(("anonymous", "yes"));
    }
    send(app, browser, &format!("/groups/{group}/shares"), &fields).await
}

/// Shares and returns the new thread's id.
async fn thread(app: &TestApp, browser: &Client, group: i64, body: &str, anonymous: bool) -> i64 {
    let response = share(app, browser, group, body, anonymous).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let prefix = format!("/groups/{group}/threads/");
    location(&response)
        .trim_start_matches(&prefix)
        .parse()
        .unwrap()
}

async fn reply(app: &TestApp, browser: &Client, group: i64, thread: i64, body: &str) -> Response {
    send(
        app,
        browser,
        &format!("/groups/{group}/threads/{thread}/replies"),
        &[("body", body)],
    )
    .await
}

async fn make_facilitator(app: &TestApp, owner: &Client, group: i64, account: i64) {
    let response = send(
        app,
        owner,
        &format!("/groups/{group}/members/{account}/role"),
        &[("role", "facilitator")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&response),
        format!("/groups/{group}/manage#members")
    );
}

async fn post(app: &TestApp, group: i64, id: i64) -> Post {
    app.db
        .store
        .post(GroupId(group), PostId(id))
        .await
        .unwrap()
        .expect("the post exists")
}

async fn audit(app: &TestApp, group: i64) -> Vec<(AuditAction, Option<String>, String)> {
    let log = app.db.store.audit_log(GroupId(group)).await.unwrap();
    log.into_iter()
        .map(|entry| (entry.action, entry.target_account, entry.reason))
        .collect()
}

/// The invitation link a manage page shows after one is made.
fn new_link(html: &str) -> String {
    let marker = r#"id="new-link" type="text" readonly value=""#;
    let start = html.find(marker).expect("the new link is shown") + marker.len();
    let end = html[start..].find('"').unwrap() + start;
    html[start..end].to_owned()
}

backend_tests! {
    setup = spawn_app;

    async fn letting_in_someone_who_asked_tells_them_and_turning_down_does_not(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "request").await;
        let version = norms_version(&app, group).await.to_string();
        let asker = person(&app, "fern").await;
        let other = person(&app, "ash").await;
        for browser in [&asker, &other] {
            let asked = send(&app, browser, &format!("/groups/{group}/request"),
                &[("norms_version", &version), ("agree", "yes")]).await;
            assert_eq!(asked.status(), StatusCode::SEE_OTHER);
        }
        // The about page tells each of them they are waiting, not how to ask.
        let about = text(&app, &asker, &format!("/groups/{group}/about")).await;
        assert!(about.contains("You have asked to join."), "{about}");
        assert!(!about.contains(&format!(r#"action="/groups/{group}/request""#)), "{about}");
        let page = text(&app, &owner, &format!("/groups/{group}/manage")).await;
        assert!(page.contains("fern") && page.contains("ash"), "both requests are listed");
        let fern = account(&app, "fern").await;
        let ash = account(&app, "ash").await;
        assert!(page.contains(&format!("/groups/{group}/requests/{fern}/approve")));

        let approved = send(&app, &owner, &format!("/groups/{group}/requests/{fern}/approve"), &[]).await;
        assert_eq!(approved.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&approved), format!("/groups/{group}/manage#requests"));
        assert_eq!(get(&app, &asker, &format!("/groups/{group}")).await.status(), StatusCode::OK);
        let told = app.db.store.notifications(AccountId(fern), None, 20).await.unwrap();
        assert!(told.iter().any(|n| n.kind == NotificationKind::Approved && n.group_id == GroupId(group)));

        let declined = send(&app, &owner, &format!("/groups/{group}/requests/{ash}/decline"), &[]).await;
        assert_eq!(declined.status(), StatusCode::SEE_OTHER);
        assert_eq!(get(&app, &other, &format!("/groups/{group}")).await.status(), StatusCode::NOT_FOUND);
        assert!(!app.db.store.has_join_request(GroupId(group), AccountId(ash)).await.unwrap());
        assert!(app.db.store.notifications(AccountId(ash), None, 20).await.unwrap().is_empty());
        let page = text(&app, &owner, &format!("/groups/{group}/manage")).await;
        assert!(page.contains("Nobody is waiting to be let in."));

        // A request already decided is gone.
        let again = send(&app, &owner, &format!("/groups/{group}/requests/{ash}/approve"), &[]).await;
        assert_eq!(again.status(), StatusCode::NOT_FOUND);
    }

    async fn an_invitation_link_lets_people_into_a_hidden_group_until_used_up_or_turned_off(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "hidden").await;
        let made = send(&app, &owner, &format!("/groups/{group}/invites"),
            &[("days", "7"), ("max_uses", "1")]).await;
        assert_eq!(made.status(), StatusCode::CREATED);
        let link = new_link(&made.text().await.unwrap());
        assert!(link.starts_with("/invites/") && link.len() > 30, "{link}");
        let token = link.trim_start_matches("/invites/");
        let later = text(&app, &owner, &format!("/groups/{group}/manage")).await;
        assert!(!later.contains(token), "the link is shown only once");
        assert!(later.contains("<td>0 of 1</td>") && later.contains("<td>Works</td>"));

        let guest = person(&app, "fern").await;
        assert_eq!(get(&app, &guest, &format!("/groups/{group}")).await.status(), StatusCode::NOT_FOUND);
        let invited = text(&app, &guest, &link).await;
        assert!(invited.contains("Be kind to each other"), "the invitation shows the norms");
        let joined = send(&app, &guest, &link, &[("norms_version", "1"), ("agree", "yes")]).await;
        assert_eq!(joined.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&joined), format!("/groups/{group}"));
        assert_eq!(get(&app, &guest, &format!("/groups/{group}")).await.status(), StatusCode::OK);

        // Used up: its one use is spent.
        let late = person(&app, "ash").await;
        let page = text(&app, &late, &link).await;
        assert!(page.contains("expired or been used up"));
        let refused = send(&app, &late, &link, &[("norms_version", "1"), ("agree", "yes")]).await;
        assert_eq!(refused.status(), StatusCode::GONE);
        assert_eq!(get(&app, &late, &format!("/groups/{group}")).await.status(), StatusCode::NOT_FOUND);

        // Turned off.
        let made = send(&app, &owner, &format!("/groups/{group}/invites"), &[("days", ""), ("max_uses", "")]).await;
        assert_eq!(made.status(), StatusCode::CREATED);
        let second = new_link(&made.text().await.unwrap());
        let invites = app.db.store.invites(GroupId(group)).await.unwrap();
        assert_eq!(invites.len(), 2);
        assert_eq!(invites[0].max_uses, None, "a blank limit is no limit");
        let lasts = invites[0].expires_at.duration_since(invites[0].created_at).as_hours();
        assert_eq!(lasts, 7 * 24, "a blank length is a week");
        let revoked = send(&app, &owner, &format!("/groups/{group}/invites/{}/revoke", invites[0].id.0), &[]).await;
        assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&revoked), format!("/groups/{group}/manage#invites"));
        let refused = send(&app, &late, &second, &[("norms_version", "1"), ("agree", "yes")]).await;
        assert_eq!(refused.status(), StatusCode::GONE);
        let page = text(&app, &owner, &format!("/groups/{group}/manage")).await;
        assert!(page.contains("<td>Turned off</td>") && page.contains("<td>Used up</td>"));
        assert!(page.contains("<td>1 of 1</td>") && page.contains("<td>not used yet</td>"));
    }

    async fn invitation_settings_out_of_range_are_sent_back(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "hidden").await;
        for (days, max_uses, says) in [
            ("0", "", "can work for 1 to 30 days"),
            ("31", "", "can work for 1 to 30 days"),
            ("a week", "", "can work for 1 to 30 days"),
            ("7", "0", "from 1 to 1000"),
            ("7", "1001", "from 1 to 1000"),
        ] {
            let response = send(&app, &owner, &format!("/groups/{group}/invites"),
                &[("days", days), ("max_uses", max_uses)]).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{days} {max_uses}");
            let html = response.text().await.unwrap();
            assert!(html.contains(says), "{days} {max_uses}");
            assert!(html.contains("Nothing was changed."));
            assert!(!html.contains(r#"id="new-link""#));
        }
        assert!(app.db.store.invites(GroupId(group)).await.unwrap().is_empty(), "nothing was written");
    }

    async fn a_plain_member_is_refused_every_facilitators_tool(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "open").await;
        let owner_id = account(&app, "owner").await;
        let member = person(&app, "fern").await;
        join(&app, &member, group).await;
        let (_, other) = member_of(&app, "ash", group).await;
        let topic = thread(&app, &owner, group, "Hello, everyone.", false).await;
        let made = send(&app, &owner, &format!("/groups/{group}/invites"), &[("days", "7")]).await;
        assert_eq!(made.status(), StatusCode::CREATED);
        let invite = app.db.store.invites(GroupId(group)).await.unwrap()[0].id.0;

        let manage = get(&app, &member, &format!("/groups/{group}/manage")).await;
        assert_eq!(manage.status(), StatusCode::FORBIDDEN);
        let routes: Vec<(String, Vec<(&str, &str)>)> = vec![
            (format!("/groups/{group}/requests/{other}/approve"), vec![]),
            (format!("/groups/{group}/requests/{other}/decline"), vec![]),
            (format!("/groups/{group}/invites"), vec![("days", "7")]),
            (format!("/groups/{group}/invites/{invite}/revoke"), vec![]),
            (format!("/groups/{group}/members/{other}/role"), vec![("role", "facilitator")]),
            (format!("/groups/{group}/members/{other}/remove"), vec![("reason", "because")]),
            (format!("/groups/{group}/members/{other}/mute"), vec![("days", "3"), ("reason", "because")]),
            (format!("/groups/{group}/transfer"), vec![("account", "1")]),
            (format!("/groups/{group}/settings"), vec![("name", "Mine now"), ("kind", "open")]),
            (format!("/groups/{group}/norms/edit"), vec![("norms", NEW_NORMS)]),
            (format!("/groups/{group}/threads/{topic}/pin"), vec![("pinned", "true")]),
            (format!("/groups/{group}/threads/{topic}/lock"), vec![("locked", "true")]),
            (format!("/groups/{group}/posts/{topic}/remove"), vec![("reason", "because")]),
            (format!("/groups/{group}/posts/{topic}/reveal"), vec![("reason", "because")]),
        ];
        for (path, fields) in &routes {
            let response = send(&app, &member, path, fields).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "POST {path}");
        }
        let reveal = get(&app, &member, &format!("/groups/{group}/posts/{topic}/reveal")).await;
        assert_eq!(reveal.status(), StatusCode::FORBIDDEN);
        let group_page = text(&app, &member, &format!("/groups/{group}")).await;
        assert!(!group_page.contains(&format!("/groups/{group}/manage")), "no Facilitate link");

        // Outside the group, the group is not there at all.
        let outsider = person(&app, "stranger").await;
        assert_eq!(get(&app, &outsider, &format!("/groups/{group}/manage")).await.status(), StatusCode::NOT_FOUND);
        for (path, fields) in &routes {
            let response = send(&app, &outsider, path, fields).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "POST {path}");
        }

        // Nothing changed.
        assert_eq!(norms_version(&app, group).await, 1);
        assert_eq!(role(&app, group, owner_id).await, GroupRole::Owner);
        assert_eq!(role(&app, group, other).await, GroupRole::Member);
        // The log holds only the invitation the owner made above.
        let log = audit(&app, group).await;
        assert_eq!(log.iter().map(|(action, _, _)| *action).collect::<Vec<_>>(), [AuditAction::CreateInvite]);
        let post = app.db.store.post(GroupId(group), PostId(topic)).await.unwrap().unwrap();
        assert!(!post.pinned && !post.locked && !post.removed);
        assert_eq!(app.db.store.group(GroupId(group)).await.unwrap().unwrap().name, "Thursday circle");
    }

    async fn facilitators_cannot_act_on_the_owner_or_each_other(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "open").await;
        let owner_id = account(&app, "owner").await;
        let (fern, fern_id) = member_of(&app, "fern", group).await;
        let (_, ash_id) = member_of(&app, "ash", group).await;
        let (_, rowan_id) = member_of(&app, "rowan", group).await;
        make_facilitator(&app, &owner, group, fern_id).await;
        make_facilitator(&app, &owner, group, ash_id).await;
        assert_eq!(role(&app, group, fern_id).await, GroupRole::Facilitator);

        let page = text(&app, &fern, &format!("/groups/{group}/manage")).await;
        assert!(page.contains(&format!("/members/{rowan_id}/remove")));
        for id in [owner_id, ash_id, fern_id] {
            assert!(!page.contains(&format!("/members/{id}/remove")), "no remove for {id}");
        }
        assert!(!page.contains("/transfer"), "only the owner hands over");

        for target in [owner_id, ash_id] {
            let remove = send(&app, &fern, &format!("/groups/{group}/members/{target}/remove"),
                &[("reason", "taking over")]).await;
            assert_eq!(remove.status(), StatusCode::FORBIDDEN);
            let mute = send(&app, &fern, &format!("/groups/{group}/members/{target}/mute"),
                &[("days", "3"), ("reason", "taking over")]).await;
            assert_eq!(mute.status(), StatusCode::FORBIDDEN);
        }
        let promote = send(&app, &fern, &format!("/groups/{group}/members/{rowan_id}/role"),
            &[("role", "facilitator")]).await;
        assert_eq!(promote.status(), StatusCode::FORBIDDEN, "only the owner chooses facilitators");
        let take = send(&app, &fern, &format!("/groups/{group}/transfer"),
            &[("account", &fern_id.to_string())]).await;
        assert_eq!(take.status(), StatusCode::FORBIDDEN);
        // Nor can the owner remove themselves, which would leave no owner.
        let alone = send(&app, &owner, &format!("/groups/{group}/members/{owner_id}/remove"),
            &[("reason", "leaving")]).await;
        assert_eq!(alone.status(), StatusCode::FORBIDDEN);
        // Only making fern and ash facilitators is on the record.
        let log = audit(&app, group).await;
        assert!(log.iter().all(|(action, _, _)| *action == AuditAction::MakeFacilitator), "{log:?}");
        assert_eq!(log.len(), 2);
        assert_eq!(role(&app, group, owner_id).await, GroupRole::Owner);
        assert_eq!(role(&app, group, ash_id).await, GroupRole::Facilitator);

        // A facilitator does act on members.
        let mute = send(&app, &fern, &format!("/groups/{group}/members/{rowan_id}/mute"),
            &[("days", "2"), ("reason", "cooling off")]).await;
        assert_eq!(mute.status(), StatusCode::SEE_OTHER);

        // The owner makes a facilitator a member again; an unknown role is sent back.
        let odd = send(&app, &owner, &format!("/groups/{group}/members/{ash_id}/role"),
            &[("role", "owner")]).await;
        assert_eq!(odd.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(odd.text().await.unwrap().contains("Choose facilitator or member."));
        assert_eq!(role(&app, group, ash_id).await, GroupRole::Facilitator);
        let back = send(&app, &owner, &format!("/groups/{group}/members/{ash_id}/role"),
            &[("role", "member")]).await;
        assert_eq!(back.status(), StatusCode::SEE_OTHER);
        assert_eq!(role(&app, group, ash_id).await, GroupRole::Member);
    }

    async fn a_removed_member_loses_the_group_and_the_removal_is_audited(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "request").await;
        let (member, member_id) = member_of(&app, "fern", group).await;
        let path = format!("/groups/{group}/members/{member_id}/remove");

        for reason in ["", "   ", &"x".repeat(501)] {
            let refused = send(&app, &owner, &path, &[("reason", reason)]).await;
            assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let html = refused.text().await.unwrap();
            assert!(html.contains("Please say why") || html.contains("500 characters or fewer"));
            // The message sits with the field, which keeps what was typed.
            let field = format!("remove-reason-{member_id}");
            assert!(html.contains(&format!(r#"<p class="field-error" id="{field}-error">"#)), "{html}");
            assert!(html.contains(&format!(r#"value="{reason}" required aria-invalid="true" aria-describedby="{field}-error""#)), "{html}");
        }
        assert!(membership(&app, group, member_id).await.unwrap().is_active(), "still a member");
        assert_eq!(get(&app, &member, &format!("/groups/{group}")).await.status(), StatusCode::OK);

        let removed = send(&app, &owner, &path, &[("reason", "Repeated a share outside the group.")]).await;
        assert_eq!(removed.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&removed), format!("/groups/{group}/manage#members"));
        assert_eq!(get(&app, &member, &format!("/groups/{group}")).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(membership(&app, group, member_id).await.unwrap().status, MembershipStatus::Removed);
        assert_eq!(
            audit(&app, group).await,
            [(AuditAction::RemoveMember, Some("fern".to_owned()), "Repeated a share outside the group.".to_owned())]
        );
        let page = text(&app, &owner, &format!("/groups/{group}/manage")).await;
        assert!(page.contains("owner removed fern from the group."));
        assert!(page.contains("Repeated a share outside the group."));
        // Removing someone no longer there finds nobody.
        let again = send(&app, &owner, &path, &[("reason", "again")]).await;
        assert_eq!(again.status(), StatusCode::NOT_FOUND);
    }

    async fn a_paused_member_can_read_but_not_post(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "open").await;
        let member = person(&app, "fern").await;
        join(&app, &member, group).await;
        let member_id = account(&app, "fern").await;
        let path = format!("/groups/{group}/members/{member_id}/mute");

        for (days, reason, says) in [
            ("0", "heated", "A pause can last from 1 to 90 days."),
            ("91", "heated", "A pause can last from 1 to 90 days."),
            ("", "heated", "A pause can last from 1 to 90 days."),
            ("3", "", "Please say why."),
        ] {
            let refused = send(&app, &owner, &path, &[("days", days), ("reason", reason)]).await;
            assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{days} {reason}");
            let html = refused.text().await.unwrap();
            assert!(html.contains(says), "{days} {reason}");
            // Each message sits with its own field; both fields keep what was typed.
            let wrong = if reason.is_empty() { "reason" } else { "days" };
            let field = format!("mute-{wrong}-{member_id}");
            assert!(html.contains(&format!(r#"<p class="field-error" id="{field}-error">{says}"#)), "{html}");
            assert!(html.contains(&format!(r#"aria-invalid="true" aria-describedby="{field}-error""#)), "{html}");
            assert!(html.contains(&format!(r#"value="{days}""#)) && html.contains(&format!(r#"value="{reason}""#)), "{html}");
        }
        assert_eq!(membership(&app, group, member_id).await.unwrap().muted_until, None);
        assert_eq!(share(&app, &member, group, "Still here.", false).await.status(), StatusCode::SEE_OTHER);

        let muted = send(&app, &owner, &path, &[("days", "3"), ("reason", "A heated week; time to cool off.")]).await;
        assert_eq!(muted.status(), StatusCode::SEE_OTHER);
        let until = membership(&app, group, member_id).await.unwrap().muted_until.unwrap();
        let hours = until.duration_since(Timestamp::now()).as_hours();
        assert!((71..=72).contains(&hours), "{hours}");
        let refused = share(&app, &member, group, "Let me say one more thing.", false).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        assert!(refused.text().await.unwrap().contains("paused your posting"));
        assert_eq!(get(&app, &member, &format!("/groups/{group}")).await.status(), StatusCode::OK, "they still read");
        let page = text(&app, &owner, &format!("/groups/{group}/manage")).await;
        assert!(page.contains("posting paused until"));
        assert!(page.contains("owner paused posting for fern."));
        assert_eq!(audit(&app, group).await[0].0, AuditAction::MuteMember);
    }

    async fn new_norms_ask_every_member_to_agree_again(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "open").await;
        let member = person(&app, "fern").await;
        join(&app, &member, group).await;
        let member_id = account(&app, "fern").await;
        let edit = format!("/groups/{group}/norms/edit");

        let empty = send(&app, &owner, &edit, &[("norms", " ")]).await;
        assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.text().await.unwrap().contains("This cannot be empty."));
        let same = send(&app, &owner, &edit, &[("norms", NORMS)]).await;
        assert_eq!(same.status(), StatusCode::SEE_OTHER);
        assert_eq!(norms_version(&app, group).await, 1, "unchanged norms are not a new version");

        let saved = send(&app, &owner, &edit, &[("norms", NEW_NORMS)]).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&saved), format!("/groups/{group}/manage#norms-editor"));
        assert_eq!(norms_version(&app, group).await, 2);
        let told = app.db.store.notifications(AccountId(member_id), None, 20).await.unwrap();
        assert!(told.iter().any(|n| n.kind == NotificationKind::NormsChanged));
        assert!(text(&app, &owner, &format!("/groups/{group}/manage")).await.contains("No advice unless asked."));

        let refused = share(&app, &member, group, "Checking in.", false).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        assert!(refused.text().await.unwrap().contains("norms have changed"));
        assert_eq!(share(&app, &owner, group, "The writer agrees by writing.", false).await.status(), StatusCode::SEE_OTHER);
        let norms = text(&app, &member, &format!("/groups/{group}/norms")).await;
        assert!(norms.contains("No advice unless asked."));
        let agreed = send(&app, &member, &format!("/groups/{group}/norms"),
            &[("norms_version", "2"), ("agree", "yes")]).await;
        assert_eq!(agreed.status(), StatusCode::SEE_OTHER);
        assert_eq!(share(&app, &member, group, "Checking in.", false).await.status(), StatusCode::SEE_OTHER);
    }

    async fn pinning_closing_and_removing_posts(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "open").await;
        let member = person(&app, "fern").await;
        join(&app, &member, group).await;
        let topic = thread(&app, &member, group, "Day thirty today. Quietly proud.", false).await;
        let thread_path = format!("/groups/{group}/threads/{topic}");

        let pinned = send(&app, &owner, &format!("{thread_path}/pin"), &[("pinned", "true")]).await;
        assert_eq!(pinned.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&pinned), thread_path);
        assert!(post(&app, group, topic).await.pinned);
        assert!(text(&app, &member, &thread_path).await.contains("Pinned"));
        let odd = send(&app, &owner, &format!("{thread_path}/pin"), &[("pinned", "maybe")]).await;
        assert_eq!(odd.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(post(&app, group, topic).await.pinned);

        let locked = send(&app, &owner, &format!("{thread_path}/lock"), &[("locked", "true")]).await;
        assert_eq!(location(&locked), thread_path);
        assert_eq!(reply(&app, &member, group, topic, "One more thing.").await.status(), StatusCode::CONFLICT);
        let opened = send(&app, &owner, &format!("{thread_path}/lock"), &[("locked", "false")]).await;
        assert_eq!(opened.status(), StatusCode::SEE_OTHER);
        let replied = reply(&app, &owner, group, topic, "You should try harder, honestly.").await;
        assert_eq!(replied.status(), StatusCode::SEE_OTHER);
        let reply_id: i64 = location(&replied).rsplit("#post-").next().unwrap().parse().unwrap();

        let unsaid = send(&app, &owner, &format!("/groups/{group}/posts/{reply_id}/remove"), &[("reason", "")]).await;
        assert_eq!(unsaid.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unsaid.text().await.unwrap().contains("Please say why."));
        assert!(!post(&app, group, reply_id).await.removed);

        let removed = send(&app, &owner, &format!("/groups/{group}/posts/{reply_id}/remove"),
            &[("reason", "Advice nobody asked for.")]).await;
        assert_eq!(removed.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&removed), thread_path, "a reply's removal goes back to its thread");
        let seen = text(&app, &member, &thread_path).await;
        assert!(seen.contains("Day thirty today.") && !seen.contains("try harder"));

        let removed = send(&app, &owner, &format!("/groups/{group}/posts/{topic}/remove"),
            &[("reason", "Asked by its author.")]).await;
        assert_eq!(location(&removed), format!("/groups/{group}"), "a share's removal goes to the group");
        assert_eq!(get(&app, &member, &thread_path).await.status(), StatusCode::NOT_FOUND);
        assert!(!text(&app, &member, &format!("/groups/{group}")).await.contains("Day thirty"));
        let twice = send(&app, &owner, &format!("/groups/{group}/posts/{topic}/remove"), &[("reason", "again")]).await;
        assert_eq!(twice.status(), StatusCode::NOT_FOUND);
        // Pins and locks are on the record too; here, the removals.
        let log: Vec<_> = (audit(&app, group).await.into_iter())
            .filter(|(action, _, _)| *action == AuditAction::RemovePost)
            .collect();
        assert_eq!(log.len(), 2);
        let page = text(&app, &owner, &format!("/groups/{group}/manage")).await;
        assert!(page.contains("owner removed a post.") && page.contains("Advice nobody asked for."));
    }

    async fn looking_up_an_anonymous_author_is_recorded(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "open").await;
        let member = person(&app, "fern").await;
        join(&app, &member, group).await;
        let topic = thread(&app, &member, group, "I do not feel safe tonight.", true).await;
        let shown = text(&app, &owner, &format!("/groups/{group}/threads/{topic}")).await;
        assert!(shown.contains("A member") && !shown.contains("fern"), "anonymous to the facilitator too");

        let path = format!("/groups/{group}/posts/{topic}/reveal");
        let asking = text(&app, &owner, &path).await;
        assert!(asking.contains("I do not feel safe tonight.") && !asking.contains("fern"));
        let refused = send(&app, &owner, &path, &[("reason", "  ")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.unwrap();
        assert!(html.contains("Please say why.") && !html.contains("fern"));
        assert!(audit(&app, group).await.is_empty());

        let member_tries = send(&app, &member, &path, &[("reason", "curious")]).await;
        assert_eq!(member_tries.status(), StatusCode::FORBIDDEN);

        let revealed = send(&app, &owner, &path, &[("reason", "They may be in danger; we want to reach them.")]).await;
        assert_eq!(revealed.status(), StatusCode::OK);
        let html = revealed.text().await.unwrap();
        assert!(html.contains("This post was written by fern."));
        assert!(html.contains("now in the group"));
        assert_eq!(
            audit(&app, group).await,
            // The log never names an anonymous author, not even the entry of
            // the reveal: only the facilitator who asked is told.
            [(AuditAction::RevealAuthor, None, "They may be in danger; we want to reach them.".to_owned())]
        );
        let page = text(&app, &owner, &format!("/groups/{group}/manage")).await;
        assert!(page.contains("owner looked up who wrote a post."));
        assert!(!page.contains("looked up who wrote a post by fern"), "the log does not name the author");
    }

    async fn handing_the_group_over_lets_the_old_owner_leave(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "open").await;
        let owner_id = account(&app, "owner").await;
        let (heir, heir_id) = member_of(&app, "fern", group).await;
        person(&app, "stranger").await;
        let stranger_id = account(&app, "stranger").await;

        let leave = send(&app, &owner, &format!("/groups/{group}/leave"), &[]).await;
        assert_eq!(leave.status(), StatusCode::CONFLICT, "an owner hands over first");
        let page = text(&app, &owner, &format!("/groups/{group}/manage")).await;
        assert!(page.contains(&format!(r#"<option value="{heir_id}">fern</option>"#)));

        for bad in [owner_id.to_string(), stranger_id.to_string(), "someone".to_owned()] {
            let refused = send(&app, &owner, &format!("/groups/{group}/transfer"), &[("account", &bad)]).await;
            assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
            assert!(refused.text().await.unwrap().contains("Choose another member of the group"));
        }
        assert_eq!(role(&app, group, owner_id).await, GroupRole::Owner);

        let handed = send(&app, &owner, &format!("/groups/{group}/transfer"),
            &[("account", &heir_id.to_string()), ("confirm", "yes")]).await;
        assert_eq!(handed.status(), StatusCode::SEE_OTHER);
        assert_eq!(role(&app, group, heir_id).await, GroupRole::Owner);
        assert_eq!(role(&app, group, owner_id).await, GroupRole::Facilitator);
        assert!(text(&app, &heir, &format!("/groups/{group}/manage")).await.contains("Hand over the group"));

        let leave = send(&app, &owner, &format!("/groups/{group}/leave"), &[]).await;
        assert_eq!(leave.status(), StatusCode::SEE_OTHER);
        assert_eq!(get(&app, &owner, &format!("/groups/{group}")).await.status(), StatusCode::NOT_FOUND);
    }

    async fn facilitators_change_the_groups_settings(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "open").await;
        let (fern, fern_id) = member_of(&app, "fern", group).await;
        make_facilitator(&app, &owner, group, fern_id).await;
        let form = text(&app, &fern, &format!("/groups/{group}/manage")).await;
        assert!(form.contains(r#"value="Thursday circle""#));

        let bad = send(&app, &fern, &format!("/groups/{group}/settings"),
            &[("name", "  "), ("description", "Kept as typed."), ("kind", "secret"), ("language", "en")]).await;
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = bad.text().await.unwrap();
        assert!(html.contains(r#"id="name-error""#) && html.contains("Choose open, by request or hidden."));
        assert!(html.contains("Kept as typed."), "what was typed stays");
        assert_eq!(app.db.store.group(GroupId(group)).await.unwrap().unwrap().name, "Thursday circle");

        let saved = send(&app, &fern, &format!("/groups/{group}/settings"), &[
            ("name", "Evening circle"), ("description", "Now in the evening."), ("kind", "hidden"),
            ("tags", "grief"), ("tags", "family_friends"), ("language", "es"),
        ]).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&saved), format!("/groups/{group}/manage#settings"));
        let changed = app.db.store.group(GroupId(group)).await.unwrap().unwrap();
        assert_eq!(changed.name, "Evening circle");
        assert_eq!(changed.language, "es");
        assert_eq!(changed.kind.as_str(), "hidden");
        assert_eq!(changed.tags.iter().count(), 2);
        assert!(text(&app, &owner, &format!("/groups/{group}")).await.contains("Evening circle"));
        let outsider = person(&app, "stranger").await;
        assert_eq!(get(&app, &outsider, &format!("/groups/{group}/about")).await.status(), StatusCode::NOT_FOUND,
            "a hidden group is not shown to outsiders");
    }
}
