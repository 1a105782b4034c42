//! A group as its members use it through the pages: starting one, joining by
//! agreeing to its norms, sharing, replying, supporting, "this helped me",
//! unread markers and notifications, and what happens to bad input. On both
//! databases.

mod support;

use reqwest::{Client, StatusCode};
use support::{TestApp, hidden_field, location, spawn_app};

const NORMS: &str = "What is shared here stays here. No crosstalk. Be kind.";

/// A signed-in browser.
async fn person(app: &TestApp, handle: &str) -> Client {
    let browser = app.browser();
    let response = app.register_in_browser(&browser, handle).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    browser
}

/// Starts a group through its form; returns its page's path.
async fn start_group(app: &TestApp, owner: &Client, name: &str, kind: &str) -> String {
    let response = app
        .submit(
            owner,
            "/groups/new",
            "/groups/new",
            &[
                ("name", name),
                ("description", "Evenings are the hard part"),
                ("kind", kind),
                ("tags", "alcohol"),
                ("tags", "grief"),
                ("language", "en"),
                ("norms", NORMS),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    location(&response).to_owned()
}

async fn page(browser: &Client, app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = browser.get(app.url(path)).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

/// Joins an open group through its about page, agreeing to the norms.
async fn join(app: &TestApp, browser: &Client, group: &str) {
    let about = format!("{group}/about");
    let (_, html) = page(browser, app, &about).await;
    let version = hidden_field(&html, "norms_version").expect("the form names the norms version");
    let response = app
        .submit(
            browser,
            &about,
            &format!("{group}/join"),
            &[("norms_version", &version), ("agree", "yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), group);
}

/// Shares through the group page's form; returns the thread's path.
async fn share(app: &TestApp, browser: &Client, group: &str, fields: &[(&str, &str)]) -> String {
    let (_, html) = page(browser, app, group).await;
    let key = hidden_field(&html, "request_key").unwrap();
    let mut form = fields.to_vec();
    form.push(("request_key", &key));
    let response = app
        .submit(browser, group, &format!("{group}/shares"), &form)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    location(&response).to_owned()
}

async fn reply(app: &TestApp, browser: &Client, thread: &str, body: &str) -> reqwest::Response {
    let (_, html) = page(browser, app, thread).await;
    let key = hidden_field(&html, "request_key").unwrap();
    app.submit(
        browser,
        thread,
        &format!("{thread}/replies"),
        &[("body", body), ("request_key", &key)],
    )
    .await
}

hearth_store::backend_tests! {
    setup = spawn_app;

    async fn a_group_is_started_found_and_joined_by_agreeing(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "Evening Circle", "open").await;
        let (status, html) = page(&owner, &app, &group).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Evening Circle"));
        // The directory lists it; a search by tag and by text finds it.
        let visitor = app.browser();
        for query in ["/groups", "/groups?tag=grief", "/groups?q=evening+circle"] {
            let (_, html) = page(&visitor, &app, query).await;
            assert!(html.contains("Evening Circle"), "{query} lists the group");
        }
        let (_, html) = page(&visitor, &app, "/groups?tag=gambling").await;
        assert!(!html.contains("Evening Circle"), "another tag does not");
        // Joining without ticking the agreement is refused, kindly.
        let member = person(&app, "river").await;
        let about = format!("{group}/about");
        let (_, html) = page(&member, &app, &about).await;
        assert!(html.contains("No crosstalk"), "the norms are shown before joining");
        let refused = app
            .submit(&member, &about, &format!("{group}/join"), &[("norms_version", "1")])
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains("tick the box"));
        assert_eq!(page(&member, &app, &group).await.0, StatusCode::NOT_FOUND);
        join(&app, &member, &group).await;
        assert_eq!(page(&member, &app, &group).await.0, StatusCode::OK);
        let (_, html) = page(&member, &app, &format!("{group}/norms")).await;
        assert!(html.contains("You agreed to these norms on"), "the agreement is recorded");
    }

    async fn a_new_group_form_says_what_is_wrong(app) {
        let owner = person(&app, "owner").await;
        let response = app
            .submit(
                &owner,
                "/groups/new",
                "/groups/new",
                &[("name", "  "), ("kind", "secret"), ("norms", NORMS), ("tags", "cats")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert!(html.contains("This cannot be empty."), "the name's problem");
        assert!(html.contains("Choose open, by request or hidden."), "the kind's problem");
        let (_, directory) = page(&owner, &app, "/groups").await;
        assert!(!directory.contains("group-card"), "nothing was created");
        // The default norms are offered on a blank form.
        let (_, html) = page(&owner, &app, "/groups/new").await;
        assert!(html.contains("What is shared here stays here."));
    }

    async fn shares_replies_and_support_read_as_members_expect(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "Evening Circle", "open").await;
        let member = person(&app, "river").await;
        join(&app, &member, &group).await;
        // Markup is made safe; an anonymous share reads "A member" to others.
        let thread = share(
            &app,
            &member,
            &group,
            &[
                ("kind", "share"),
                ("title", "A hard week"),
                ("body", "**Still here.** <script>alert(1)</script>"),
                ("anonymous", "yes"),
            ],
        )
        .await;
        // The owner sees it as new on the group page until they open it.
        let (_, list) = page(&owner, &app, &group).await;
        assert!(list.contains("thread unread"));
        let (_, seen_by_owner) = page(&owner, &app, &thread).await;
        let (_, list) = page(&owner, &app, &group).await;
        assert!(!list.contains("thread unread"), "read now");
        assert!(seen_by_owner.contains("<strong>Still here.</strong>"));
        assert!(!seen_by_owner.contains("<script>alert"), "no script gets through");
        assert!(seen_by_owner.contains("A member"));
        assert!(!seen_by_owner.contains("river"), "the author is not revealed");
        let (_, seen_by_author) = page(&member, &app, &thread).await;
        assert!(seen_by_author.contains("You (shown to others as"));
        // A reply tells the share's author; a supportive response shows
        // without a count.
        let response = reply(&app, &owner, &thread, "Thank you for telling us, @river.").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let post_id = thread.rsplit('/').next().unwrap();
        let support = app
            .submit(
                &owner,
                &thread,
                &format!("{group}/posts/{post_id}/support"),
                &[("kind", "sending_strength")],
            )
            .await;
        assert_eq!(support.status(), StatusCode::SEE_OTHER);
        let (_, html) = page(&member, &app, &thread).await;
        assert!(html.contains("Thank you for telling us"));
        assert!(html.contains("class=\"support\">Sending strength"));
        let (_, notices) = page(&member, &app, "/notifications").await;
        assert!(notices.contains("owner replied to your share in Evening Circle."));
        assert!(notices.contains("owner mentioned you in Evening Circle."));
        let unknown = app
            .submit(
                &owner,
                &thread,
                &format!("{group}/posts/{post_id}/support"),
                &[("kind", "like")],
            )
            .await;
        assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }

    async fn quote_starts_the_reply_box_with_a_post_of_this_thread_only(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "Evening Circle", "open").await;
        let thread = share(&app, &owner, &group, &[("kind", "share"), ("body", "Day *one*.\nStill here.")]).await;
        let elsewhere = share(&app, &owner, &group, &[("kind", "share"), ("body", "Another story")]).await;
        let shared = thread.rsplit('/').next().unwrap();
        let other = elsewhere.rsplit('/').next().unwrap();
        let (status, html) = page(&owner, &app, &format!("{thread}?quote={shared}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("&#62; Day *one*.\n&#62; Still here.\n\n</textarea>"), "{html}");
        for quote in [other, "999999", "x"] {
            let (status, html) = page(&owner, &app, &format!("{thread}?quote={quote}")).await;
            if quote == "x" {
                assert_eq!(status, StatusCode::BAD_REQUEST, "not a number");
                continue;
            }
            assert_eq!(status, StatusCode::OK);
            assert!(html.contains("></textarea>"), "an empty reply box for {quote}");
        }
    }

    async fn the_asker_marks_what_helped_and_it_rises(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "Evening Circle", "open").await;
        let asker = person(&app, "asker").await;
        join(&app, &asker, &group).await;
        let thread = share(
            &app,
            &asker,
            &group,
            &[("kind", "question"), ("title", "Friday nights?"), ("body", "How do you get through them?")],
        )
        .await;
        reply(&app, &owner, &thread, "First answer: a meeting at six.").await;
        let later = reply(&app, &owner, &thread, "Second answer: dinner with my sister.").await;
        let anchor = location(&later).rsplit("#post-").next().unwrap().to_owned();
        // Only the asker may mark it.
        let by_other = app
            .submit(
                &owner,
                &thread,
                &format!("{thread}/replies/{anchor}/helpful"),
                &[("helpful", "true")],
            )
            .await;
        assert_eq!(by_other.status(), StatusCode::FORBIDDEN);
        let marked = app
            .submit(
                &asker,
                &thread,
                &format!("{thread}/replies/{anchor}/helpful"),
                &[("helpful", "true")],
            )
            .await;
        assert_eq!(marked.status(), StatusCode::SEE_OTHER);
        let (_, html) = page(&owner, &app, &thread).await;
        let second = html.find("Second answer").unwrap();
        let first = html.find("First answer").unwrap();
        assert!(second < first, "the helpful reply comes first");
        assert!(html.contains("This helped the person who asked"));
    }

    async fn a_form_sent_twice_posts_once_and_bad_bodies_write_nothing(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "Evening Circle", "open").await;
        let (_, html) = page(&owner, &app, &group).await;
        let key = hidden_field(&html, "request_key").unwrap();
        let fields = [("kind", "share"), ("body", "Only once"), ("request_key", key.as_str())];
        let first = app.submit(&owner, &group, &format!("{group}/shares"), &fields).await;
        let second = app.submit(&owner, &group, &format!("{group}/shares"), &fields).await;
        assert_eq!(location(&first), location(&second), "the same thread both times");
        let (_, list) = page(&owner, &app, &group).await;
        assert_eq!(list.matches("Only once").count(), 1);
        // Empty, over-long and unknown-kind shares are refused with the
        // words kept, and nothing is written.
        let long = "a".repeat(10_001);
        for (kind, body, says) in [
            ("share", "   ", "This cannot be empty."),
            ("share", long.as_str(), "at most 10000 characters"),
            ("gossip", "hello", "Choose a share, a question or a celebration."),
        ] {
            let response = app
                .submit(&owner, &group, &format!("{group}/shares"), &[("kind", kind), ("body", body)])
                .await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
            assert!(response.text().await.unwrap().contains(says), "{says}");
        }
        let (_, list) = page(&owner, &app, &group).await;
        assert_eq!(list.matches("<li class=\"thread").count(), 1, "still one thread");
    }

    async fn changed_norms_are_agreed_before_posting_again(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "Evening Circle", "open").await;
        let member = person(&app, "river").await;
        join(&app, &member, &group).await;
        let id: i64 = group.rsplit('/').next().unwrap().parse().unwrap();
        let owner_id = app.db.store.credentials("owner").await.unwrap().unwrap().account.id;
        let norms = hearth_domain::groups::Norms::parse("New norms: speak from experience, always.").unwrap();
        app.db
            .store
            .set_norms(hearth_store::groups::GroupId(id), &norms, owner_id, jiff::Timestamp::now())
            .await
            .unwrap();
        let (_, html) = page(&member, &app, &group).await;
        assert!(html.contains("norms have changed. Please read them again"));
        let refused = app
            .submit(&member, &group, &format!("{group}/shares"), &[("kind", "share"), ("body", "hi")])
            .await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        assert!(refused.text().await.unwrap().contains("norms have changed"));
        let (_, notices) = page(&member, &app, "/notifications").await;
        assert!(notices.contains("The norms of Evening Circle have changed."));
        let norms_page = format!("{group}/norms");
        let agreed = app
            .submit(&member, &norms_page, &norms_page, &[("norms_version", "2"), ("agree", "yes")])
            .await;
        assert_eq!(agreed.status(), StatusCode::SEE_OTHER);
        share(&app, &member, &group, &[("kind", "share"), ("body", "Agreed, and here")]).await;
    }

    async fn leaving_is_one_click_and_closes_the_door(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "Evening Circle", "open").await;
        let member = person(&app, "river").await;
        join(&app, &member, &group).await;
        let left = app.submit(&member, &group, &format!("{group}/leave"), &[]).await;
        assert_eq!(left.status(), StatusCode::SEE_OTHER);
        assert_eq!(page(&member, &app, &group).await.0, StatusCode::NOT_FOUND);
        // The owner hands the group over first.
        let owner_leaves = app.submit(&owner, &group, &format!("{group}/leave"), &[]).await;
        assert_eq!(owner_leaves.status(), StatusCode::CONFLICT);
        // An open group can be joined again.
        join(&app, &member, &group).await;
    }

    async fn a_removed_member_cannot_walk_back_in(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "Evening Circle", "open").await;
        let member = person(&app, "river").await;
        join(&app, &member, &group).await;
        let id: i64 = group.rsplit('/').next().unwrap().parse().unwrap();
        let store = &app.db.store;
        let owner_id = store.credentials("owner").await.unwrap().unwrap().account.id;
        let member_id = store.credentials("river").await.unwrap().unwrap().account.id;
        store
            .remove_member(
                hearth_store::groups::GroupId(id),
                member_id,
                owner_id,
                "repeated crosstalk",
                jiff::Timestamp::now(),
            )
            .await
            .unwrap();
        assert_eq!(page(&member, &app, &group).await.0, StatusCode::NOT_FOUND);
        let about = format!("{group}/about");
        let again = app
            .submit(&member, &about, &format!("{group}/join"), &[("norms_version", "1"), ("agree", "yes")])
            .await;
        assert_eq!(again.status(), StatusCode::FORBIDDEN);
        assert!(again.text().await.unwrap().contains("step away from this group"));
        assert_eq!(page(&member, &app, &group).await.0, StatusCode::NOT_FOUND);
    }

    async fn a_locked_or_removed_thread_takes_no_replies(app) {
        let owner = person(&app, "owner").await;
        let group = start_group(&app, &owner, "Evening Circle", "open").await;
        let thread = share(&app, &owner, &group, &[("kind", "share"), ("body", "Lock me")]).await;
        let id: i64 = group.rsplit('/').next().unwrap().parse().unwrap();
        let thread_id: i64 = thread.rsplit('/').next().unwrap().parse().unwrap();
        let group_id = hearth_store::groups::GroupId(id);
        let post = hearth_store::groups::posts::PostId(thread_id);
        // Members come owner first: the owner closes it.
        let owner_id = app.db.store.members(group_id).await.unwrap()[0].account_id;
        app.db.store.set_thread_locked(group_id, post, true, owner_id, jiff::Timestamp::now()).await.unwrap();
        let (_, html) = page(&owner, &app, &thread).await;
        assert!(!html.contains("name=\"request_key\""), "no reply form on a locked thread");
        let locked = app
            .submit(&owner, &thread, &format!("{thread}/replies"), &[("body", "too late")])
            .await;
        assert_eq!(locked.status(), StatusCode::CONFLICT);
        assert!(locked.text().await.unwrap().contains("closed to new replies"));
        let owner_id = app.db.store.credentials("owner").await.unwrap().unwrap().account.id;
        app.db
            .store
            .remove_post(group_id, post, owner_id, "asked to", jiff::Timestamp::now())
            .await
            .unwrap();
        assert_eq!(page(&owner, &app, &thread).await.0, StatusCode::NOT_FOUND);
        let removed = app
            .submit(&owner, &group, &format!("{thread}/replies"), &[("body", "hello?")])
            .await;
        assert_eq!(removed.status(), StatusCode::NOT_FOUND);
    }
}
