//! The moderation conformance suite: every public function of
//! `hearth_store::moderation` (reports, the queue, decisions, putting hidden
//! posts back, one's own reports and warnings), the crisis reports raised
//! with a post, the audit log for moderators, rate events and suspensions,
//! run once on SQLite and once on PostgreSQL by `backend_tests!`.

mod common;

use common::*;
use hearth_domain::groups::{Body, GroupKind, GroupRole, ShareKind};
use hearth_domain::moderation::{
    Decision, ModeratorReason, Outcome, ReportNote, ReportReason, ReportSource, Suspension,
};
use hearth_domain::people::{Handle, Role};
use hearth_domain::throttle::RateAction;
use hearth_store::groups::GroupId;
use hearth_store::groups::audit::AuditAction;
use hearth_store::groups::notifications::NotificationKind;
use hearth_store::groups::posts::{NewReply, NewShare, PostId, Replied, WithMarkdown};
use hearth_store::moderation::{Moderator, Report, ReportId, Reported};
use hearth_store::people::{AccountId, FilterKind, Suspended};
use hearth_store::testing::TestDatabase;
use hearth_store::{Entity, Store, backend_tests};

fn note(text: &str) -> ReportNote {
    ReportNote::parse(text).unwrap()
}

/// What a dismissal may say: nothing.
fn no_reason() -> ModeratorReason {
    ModeratorReason::for_decision("", Decision::Dismiss).unwrap()
}

/// A group with an owner, a facilitator and two members, and a share by
/// the first member.
struct Circle {
    group: GroupId,
    owner: AccountId,
    facilitator: AccountId,
    member: AccountId,
    other: AccountId,
    share: PostId,
}

async fn circle(store: &Store, name: &str) -> Circle {
    let owner = person(store, &format!("{name}_owner")).await;
    let facilitator = person(store, &format!("{name}_fac")).await;
    let member = person(store, &format!("{name}_member")).await;
    let other = person(store, &format!("{name}_other")).await;
    let group = make_group(store, owner, &format!("{name} circle"), GroupKind::Open)
        .await
        .id;
    for who in [facilitator, member, other] {
        join(store, group, who, t(1)).await;
    }
    (store.set_member_role(group, facilitator, GroupRole::Facilitator, owner, t(1)))
        .await
        .unwrap();
    let share = share(store, group, member, "A hard week, but I am here.", t(2)).await;
    Circle {
        group,
        owner,
        facilitator,
        member,
        other,
        share,
    }
}

async fn report_post(
    store: &Store,
    c: &Circle,
    by: AccountId,
    post: PostId,
    reason: ReportReason,
    at: i64,
) -> ReportId {
    store
        .file_report(
            c.group,
            by,
            Reported::Post(post),
            reason,
            &note("please look"),
            t(at),
        )
        .await
        .unwrap()
}

async fn queue(store: &Store, moderator: Moderator) -> Vec<ReportId> {
    let reports = store.open_reports(moderator).await.unwrap();
    reports.iter().map(|report| report.id).collect()
}

async fn the_report(store: &Store, id: ReportId) -> Report {
    let admin = Moderator::Admin(AccountId(0));
    store.report(id, admin).await.unwrap().expect("the report")
}

async fn post_is_visible(store: &Store, c: &Circle, post: PostId) -> bool {
    (store.post(c.group, post).await.unwrap()).is_some_and(|post| !post.removed)
}

backend_tests! {
    setup = TestDatabase::new;

    async fn members_report_what_they_can_see_in_their_group(db) {
        let store = &db.store;
        let c = circle(store, "rep").await;
        let elsewhere = circle(store, "far").await;
        let id = report_post(store, &c, c.other, c.share, ReportReason::Harassment, 10).await;
        let report = the_report(store, id).await;
        assert_eq!(report.group_id, c.group);
        assert_eq!(report.reason, ReportReason::Harassment);
        assert_eq!(report.source, ReportSource::Member);
        assert_eq!(report.note, "please look");
        assert_eq!(report.reporter.as_deref(), Some("rep_other"));
        assert_eq!(report.person.as_deref(), Some("rep_member"), "a post's author is the person");
        assert_eq!(report.post.as_ref().map(|post| post.id), Some(c.share));
        assert!(report.closed.is_none());

        // A post of another group, through this group: nothing there.
        let wrong = store
            .file_report(c.group, c.other, Reported::Post(elsewhere.share), ReportReason::Spam, &note(""), t(11))
            .await;
        expect_not_found(wrong, Entity::Post);
        // Someone who was never in the group.
        let stranger = store
            .file_report(c.group, c.other, Reported::Person(elsewhere.member), ReportReason::Spam, &note(""), t(11))
            .await;
        expect_not_found(stranger, Entity::Membership);
        // A member, and a member who left: both can be reported.
        let person = store
            .file_report(c.group, c.member, Reported::Person(c.other), ReportReason::Hate, &note(""), t(12))
            .await
            .unwrap();
        assert_eq!(the_report(store, person).await.person.as_deref(), Some("rep_other"));
        assert!(the_report(store, person).await.post.is_none());
    }

    async fn the_queue_puts_crisis_first_and_shows_each_moderator_only_their_groups(db) {
        let store = &db.store;
        let c = circle(store, "que").await;
        let elsewhere = circle(store, "oth").await;
        let spam = report_post(store, &c, c.other, c.share, ReportReason::Spam, 10).await;
        let norms = report_post(store, &c, c.other, c.share, ReportReason::Norms, 11).await;
        let crisis = report_post(store, &c, c.other, c.share, ReportReason::Crisis, 12).await;
        let far = report_post(store, &elsewhere, elsewhere.other, elsewhere.share, ReportReason::Spam, 13).await;

        assert_eq!(queue(store, Moderator::Member(c.facilitator)).await, [crisis, spam, norms]);
        assert_eq!(queue(store, Moderator::Member(c.owner)).await, [crisis, spam, norms]);
        assert_eq!(queue(store, Moderator::Member(c.member)).await, [], "members moderate nothing");
        assert_eq!(queue(store, Moderator::Member(elsewhere.facilitator)).await, [far]);
        assert_eq!(
            queue(store, Moderator::Admin(c.member)).await,
            [crisis, spam, norms, far],
            "an admin sees every group"
        );
        // One report: only for those who may see it.
        assert!(store.report(spam, Moderator::Member(elsewhere.facilitator)).await.unwrap().is_none());
        assert!(store.report(spam, Moderator::Member(c.facilitator)).await.unwrap().is_some());
        // A facilitator of another group cannot close it.
        let closing = store
            .close_report(spam, Moderator::Member(elsewhere.facilitator), Decision::Dismiss, &why("no"), t(20))
            .await;
        expect_not_found(closing, Entity::Report);
        assert_eq!(queue(store, Moderator::Member(c.facilitator)).await.len(), 3);
    }

    async fn writing_that_reads_as_crisis_raises_a_report_for_the_facilitators(db) {
        let store = &db.store;
        let c = circle(store, "cri").await;
        let body = Body::share("I don't want to be here anymore.").unwrap();
        let new = NewShare { kind: ShareKind::Share, title: None, body: &body, anonymous: true, crisis: true };
        let post = store.create_share(c.group, c.member, &new, &[], "key-1", t(10)).await.unwrap();
        // The same form again: the same post, and no second report.
        let again = store.create_share(c.group, c.member, &new, &[], "key-1", t(11)).await.unwrap();
        assert_eq!(again, post);
        let open = store.open_reports(Moderator::Member(c.facilitator)).await.unwrap();
        assert_eq!(open.len(), 1);
        let report = &open[0];
        assert_eq!((report.reason, report.source), (ReportReason::Crisis, ReportSource::Detector));
        assert_eq!(report.reporter, None);
        assert_eq!(report.person, None, "an anonymous author stays unnamed");
        assert_eq!(report.post.as_ref().map(|p| p.id), Some(post));
        assert!(post_is_visible(store, &c, post).await, "the writing is never held back");

        // The owner and the facilitator are told; the writer and others not.
        for (who, told) in [(c.owner, true), (c.facilitator, true), (c.member, false), (c.other, false)] {
            let crisis: Vec<_> = (notes(store, who).await.into_iter())
                .filter(|n| n.kind == NotificationKind::Crisis)
                .collect();
            assert_eq!(crisis.len(), usize::from(told), "{who:?}");
            if told {
                assert_eq!(crisis[0].report_id, Some(report.id));
                assert_eq!(crisis[0].actor, None);
            }
        }

        // A reply too; and a facilitator writing it is not told of their own.
        let text = Body::reply("tomé todas las pastillas").unwrap();
        let reply = NewReply { thread: post, body: &text, anonymous: false, quoting: None, crisis: true };
        let replied = store.create_reply(c.group, c.facilitator, &reply, &[], "key-2", t(12)).await.unwrap();
        assert!(matches!(replied, Replied::Posted(_)));
        assert_eq!(store.open_reports(Moderator::Member(c.owner)).await.unwrap().len(), 2);
        let facilitator_told: Vec<_> = (notes(store, c.facilitator).await.into_iter())
            .filter(|n| n.kind == NotificationKind::Crisis)
            .collect();
        assert_eq!(facilitator_told.len(), 1, "only of the member's share");
    }

    async fn asking_for_support_names_the_writer_once_while_open(db) {
        let store = &db.store;
        let c = circle(store, "sup").await;
        let first = store.ask_for_support(c.group, c.share, c.member, t(10)).await.unwrap();
        let again = store.ask_for_support(c.group, c.share, c.member, t(11)).await.unwrap();
        assert_eq!(first, again);
        let report = the_report(store, first).await;
        assert_eq!((report.reason, report.source), (ReportReason::Crisis, ReportSource::Support));
        assert_eq!(report.reporter.as_deref(), Some("sup_member"));
        assert_eq!(report.person.as_deref(), Some("sup_member"));
        // Only about one's own post.
        expect_not_found(store.ask_for_support(c.group, c.share, c.other, t(12)).await, Entity::Post);
        // Once answered, asking again is a new report.
        store.close_report(first, Moderator::Member(c.facilitator), Decision::Dismiss, &no_reason(), t(13)).await.unwrap();
        let later = store.ask_for_support(c.group, c.share, c.member, t(14)).await.unwrap();
        assert_ne!(later, first);
    }

    async fn hiding_can_be_undone_and_removing_cannot_and_both_are_audited(db) {
        let store = &db.store;
        let c = circle(store, "hid").await;
        let reply = posted(reply(store, c.group, c.other, c.share, "crosstalk here", t(3)).await);
        assert_eq!(reply_count(store, c.group, c.share).await, 1);
        let report = report_post(store, &c, c.member, reply, ReportReason::Norms, 10).await;
        let facilitator = Moderator::Member(c.facilitator);
        store.close_report(report, facilitator, Decision::Hide, &why("crosstalk"), t(11)).await.unwrap();
        assert!(!post_is_visible(store, &c, reply).await);
        assert_eq!(reply_count(store, c.group, c.share).await, 0);
        let page = store.thread_page(c.group, c.share, c.member, None, WithMarkdown::No).await.unwrap().unwrap();
        assert!(page.replies.is_empty(), "gone for members");
        let closed = the_report(store, report).await;
        let post = closed.post.as_ref().unwrap();
        assert!(post.hidden && post.removed, "kept for the queue");
        assert_eq!(closed.closed.as_ref().map(|c| c.outcome), Some(Outcome::Hidden));
        assert!(queue(store, facilitator).await.is_empty());
        assert_eq!(store.closed_reports(facilitator, 10).await.unwrap()[0].id, report);
        // The reporter is told.
        let told: Vec<_> = (notes(store, c.member).await.into_iter())
            .filter(|n| n.kind == NotificationKind::ReportClosed)
            .collect();
        assert_eq!(told.len(), 1);
        assert_eq!(told[0].report_id, Some(report));
        let own = store.own_reports(c.member).await.unwrap();
        assert_eq!(own[0].outcome, Some(Outcome::Hidden));

        // Put back: visible and counted again.
        let elsewhere = circle(store, "hi2").await;
        expect_not_found(
            store.unhide_post(reply, Moderator::Member(elsewhere.facilitator), &why("mine now"), t(12)).await,
            Entity::Post,
        );
        store.unhide_post(reply, facilitator, &why("on second look it was fine"), t(12)).await.unwrap();
        assert!(post_is_visible(store, &c, reply).await);
        assert_eq!(reply_count(store, c.group, c.share).await, 1);
        expect_not_found(store.unhide_post(reply, facilitator, &why("again"), t(13)).await, Entity::Post);

        // Removed for good: no putting back.
        let second = report_post(store, &c, c.member, reply, ReportReason::Norms, 14).await;
        store.close_report(second, facilitator, Decision::Remove, &why("again crosstalk"), t(15)).await.unwrap();
        assert!(!post_is_visible(store, &c, reply).await);
        assert_eq!(reply_count(store, c.group, c.share).await, 0);
        expect_not_found(store.unhide_post(reply, facilitator, &why("oops"), t(16)).await, Entity::Post);

        let actions: Vec<AuditAction> = audit(store, c.group).await.iter().map(|e| e.action).collect();
        assert_eq!(
            actions,
            [AuditAction::RemovePost, AuditAction::UnhidePost, AuditAction::HidePost, AuditAction::MakeFacilitator],
            "the circle's facilitator was made one on the record too"
        );
        let entry = &audit(store, c.group).await[2];
        assert_eq!(entry.reason, "crosstalk");
        assert_eq!(entry.actor.as_deref(), Some("hid_fac"));
        assert_eq!(entry.target_post, Some(reply));
    }

    async fn warnings_pauses_removals_and_suspensions_act_on_the_person(db) {
        let store = &db.store;
        let c = circle(store, "per").await;
        let facilitator = Moderator::Member(c.facilitator);
        // Warn: the person is told, with the reason.
        let first = report_post(store, &c, c.other, c.share, ReportReason::Norms, 10).await;
        store.close_report(first, facilitator, Decision::Warn, &why("please no advice unless asked"), t(11)).await.unwrap();
        let warnings = store.warnings(c.member).await.unwrap();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].reason, "please no advice unless asked");
        assert!(notes(store, c.member).await.iter().any(|n| n.kind == NotificationKind::Warning && n.report_id == Some(first)));
        assert!(store.warnings(c.other).await.unwrap().is_empty());

        // Mute for 7 days.
        let second = report_post(store, &c, c.other, c.share, ReportReason::Norms, 12).await;
        store.close_report(second, facilitator, Decision::Mute { days: 7 }, &why("a pause"), t(13)).await.unwrap();
        let muted = membership(store, c.group, c.member).await.unwrap();
        assert_eq!(muted.muted_until, Some(t(13 + 7 * 24 * 3600)));

        // The owner cannot be paused or removed; the report stays open.
        let about_owner = store
            .file_report(c.group, c.other, Reported::Person(c.owner), ReportReason::Other, &note(""), t(14))
            .await
            .unwrap();
        let refused = store.close_report(about_owner, facilitator, Decision::RemoveFromGroup, &why("no"), t(15)).await;
        expect_not_found(refused, Entity::Membership);
        assert!(the_report(store, about_owner).await.closed.is_none(), "nothing half-written");
        assert!(audit(store, c.group).await.iter().all(|e| e.action != AuditAction::RemoveMember));

        // Hiding needs a post.
        let no_post = store.close_report(about_owner, facilitator, Decision::Hide, &why("no"), t(15)).await;
        expect_not_found(no_post, Entity::Post);

        // Remove from the group.
        let third = report_post(store, &c, c.other, c.share, ReportReason::Harassment, 16).await;
        store.close_report(third, facilitator, Decision::RemoveFromGroup, &why("harassment"), t(17)).await.unwrap();
        assert!(!membership(store, c.group, c.member).await.unwrap().is_active());

        // Suspension is an admin's alone, and signs the person out.
        store.create_session(c.other, "token-hash", None, t(18), t(100_000)).await.unwrap();
        let fourth = store
            .file_report(c.group, c.facilitator, Reported::Person(c.other), ReportReason::Hate, &note(""), t(18))
            .await
            .unwrap();
        let by_facilitator = store
            .close_report(fourth, facilitator, Decision::Suspend(Suspension::Days(3)), &why("hate"), t(19))
            .await;
        expect_not_found(by_facilitator, Entity::Report);
        store.grant_role(&Handle::key_of("per_owner"), Role::Admin, &why("Runs the site"), t(19)).await.unwrap();
        let admin = Moderator::Admin(c.owner);
        store.close_report(fourth, admin, Decision::Suspend(Suspension::Days(3)), &why("hate"), t(20)).await.unwrap();
        let credentials = store.credentials(&Handle::key_of("per_other")).await.unwrap().unwrap();
        assert_eq!(credentials.suspension, Some(Suspended::Until(t(20 + 3 * 24 * 3600))));
        assert!(store.sessions_for_account(c.other, t(21)).await.unwrap().is_empty());
        // A report closes once.
        let twice = store.close_report(fourth, admin, Decision::Dismiss, &no_reason(), t(21)).await;
        expect_not_found(twice, Entity::Report);
    }

    async fn the_audit_log_shows_each_moderator_their_groups_and_never_an_anonymous_author(db) {
        let store = &db.store;
        let c = circle(store, "aud").await;
        let elsewhere = circle(store, "au2").await;
        let body = Body::share("an anonymous share").unwrap();
        let new = NewShare { kind: ShareKind::Share, title: None, body: &body, anonymous: true, crisis: false };
        let secret = store.create_share(c.group, c.member, &new, &[], "anon", t(5)).await.unwrap();
        let report = report_post(store, &c, c.other, secret, ReportReason::Norms, 10).await;
        assert_eq!(the_report(store, report).await.person, None);
        store.close_report(report, Moderator::Member(c.facilitator), Decision::Warn, &why("gently"), t(11)).await.unwrap();
        let far = report_post(store, &elsewhere, elsewhere.other, elsewhere.share, ReportReason::Spam, 12).await;
        store.close_report(far, Moderator::Member(elsewhere.owner), Decision::Dismiss, &no_reason(), t(13)).await.unwrap();

        // Each circle's log starts with its facilitator being made one.
        let mine = store.audit_log_for(Moderator::Member(c.facilitator), 100).await.unwrap();
        let actions: Vec<AuditAction> = mine.iter().map(|e| e.action).collect();
        assert_eq!(actions, [AuditAction::WarnMember, AuditAction::MakeFacilitator]);
        assert!(mine.iter().all(|e| e.group_id == Some(c.group)));
        assert_eq!(mine[0].target_account, None, "the anonymous author is not named");
        assert!(store.audit_log_for(Moderator::Member(c.member), 100).await.unwrap().is_empty());
        let everything = store.audit_log_for(Moderator::Admin(c.member), 100).await.unwrap();
        assert_eq!(everything.len(), 4);
        assert_eq!(everything[0].action, AuditAction::DismissReport, "newest first");
        assert_eq!(store.audit_log_for(Moderator::Admin(c.member), 1).await.unwrap().len(), 1);
    }

    async fn the_operators_role_changes_are_in_the_site_audit_log_with_their_reason(db) {
        let store = &db.store;
        let c = circle(store, "rol").await;
        assert!(store.grant_role(&Handle::key_of("rol_member"), Role::Directory, &why("Keeps the list"), t(1)).await.unwrap());
        // Nothing changed, so nothing to record.
        assert!(!store.grant_role(&Handle::key_of("rol_member"), Role::Directory, &why("Again"), t(2)).await.unwrap());
        assert!(store.revoke_role(&Handle::key_of("rol_member"), Role::Directory, &why("Stepped down"), t(3)).await.unwrap());
        assert!(!store.revoke_role(&Handle::key_of("rol_member"), Role::Directory, &why("Again"), t(4)).await.unwrap());
        assert!(store.grant_role(&Handle::key_of("rol_owner"), Role::Admin, &why("Runs the site"), t(5)).await.unwrap());
        expect_not_found(store.grant_role("nobody", Role::Admin, &why("No one"), t(6)).await, Entity::Account);

        let site: Vec<_> = (store.audit_log_for(Moderator::Admin(c.owner), 100).await.unwrap().into_iter())
            .filter(|entry| entry.group_id.is_none())
            .map(|entry| (entry.action, entry.actor, entry.target_account, entry.reason))
            .collect();
        assert_eq!(
            site,
            [
                (AuditAction::GrantAdmin, None, Some("rol_owner".to_string()), "Runs the site".to_string()),
                (AuditAction::RevokeDirectory, None, Some("rol_member".to_string()), "Stepped down".to_string()),
                (AuditAction::GrantDirectory, None, Some("rol_member".to_string()), "Keeps the list".to_string()),
            ]
        );
        // Facilitators read their groups' entries, not the site's.
        let theirs = store.audit_log_for(Moderator::Member(c.facilitator), 100).await.unwrap();
        assert!(theirs.iter().all(|entry| entry.group_id == Some(c.group)));
    }

    async fn blocks_and_mutes_are_one_choice_per_person_and_silence_them(db) {
        let store = &db.store;
        let c = circle(store, "blk").await;
        let stranger = person(store, "blk_stranger").await;
        store.create_session(c.member, "member-token", None, t(3), t(100_000)).await.unwrap();
        let signed_in = |store: &Store| {
            let store = store.clone();
            async move { store.signed_in("member-token", t(4), None).await.unwrap().unwrap().filters_anyone }
        };
        assert!(!signed_in(store).await, "no one filtered yet");

        store.filter_person(c.member, c.other, FilterKind::Mute, t(5)).await.unwrap();
        store.filter_person(c.member, stranger, FilterKind::Block, t(6)).await.unwrap();
        // Choosing again replaces the choice.
        store.filter_person(c.member, c.other, FilterKind::Block, t(7)).await.unwrap();
        let chosen: Vec<(String, FilterKind)> = (store.person_filters(c.member).await.unwrap().into_iter())
            .map(|filter| (filter.handle, filter.kind))
            .collect();
        assert_eq!(chosen, [("blk_other".to_owned(), FilterKind::Block), ("blk_stranger".to_owned(), FilterKind::Block)]);
        assert!(signed_in(store).await);
        expect_not_found(store.filter_person(c.member, c.member, FilterKind::Mute, t(8)).await, Entity::Account);
        expect_not_found(store.filter_person(c.member, AccountId(999_999), FilterKind::Mute, t(8)).await, Entity::Account);

        // Their replies and mentions do not reach the member.
        reply_with(store, c.group, c.other, c.share, "@blk_member you again", false, None, &[key("blk_member")], t(9)).await;
        assert!(notes(store, c.member).await.is_empty(), "nothing from someone blocked");
        reply_with(store, c.group, c.facilitator, c.share, "@blk_member welcome", false, None, &[key("blk_member")], t(10)).await;
        let kinds: Vec<NotificationKind> = notes(store, c.member).await.iter().map(|n| n.kind).collect();
        assert_eq!(kinds, [NotificationKind::Mention, NotificationKind::Reply], "others still do");

        // Reports of someone who blocked you still work.
        store.filter_person(c.other, c.member, FilterKind::Block, t(11)).await.unwrap();
        store
            .file_report(c.group, c.member, Reported::Person(c.other), ReportReason::Harassment, &note(""), t(12))
            .await
            .unwrap();

        store.unfilter_person(c.member, c.other).await.unwrap();
        store.unfilter_person(c.member, c.other).await.unwrap();
        store.unfilter_person(c.member, stranger).await.unwrap();
        assert!(store.person_filters(c.member).await.unwrap().is_empty());
        assert!(!signed_in(store).await);
    }

    async fn rate_events_count_per_account_and_per_address_and_are_pruned(db) {
        let store = &db.store;
        let alice = person(store, "rate_alice").await;
        let bob = person(store, "rate_bob").await;
        for (who, address, at) in [(alice, "10.0.0.1", 1), (alice, "10.0.0.2", 2), (bob, "10.0.0.1", 3)] {
            store.record_rate_event(RateAction::Post, who, address, t(at)).await.unwrap();
        }
        store.record_rate_event(RateAction::Reply, alice, "10.0.0.1", t(4)).await.unwrap();
        let alices = store.rate_events_by_account(RateAction::Post, alice, t(0), 10).await.unwrap();
        assert_eq!(alices, [t(2), t(1)], "newest first, posts only");
        let limited = store.rate_events_by_account(RateAction::Post, alice, t(0), 1).await.unwrap();
        assert_eq!(limited, [t(2)]);
        let since = store.rate_events_by_account(RateAction::Post, alice, t(2), 10).await.unwrap();
        assert_eq!(since, [t(2)]);
        let shared = store.rate_events_from_address(RateAction::Post, "10.0.0.1", t(0), 10).await.unwrap();
        assert_eq!(shared, [t(3), t(1)], "every account on the address");
        assert_eq!(store.prune_rate_events(t(3)).await.unwrap(), 2);
        assert_eq!(store.rate_events_from_address(RateAction::Post, "10.0.0.1", t(0), 10).await.unwrap(), [t(3)]);
    }
}
