//! The groups conformance suite: every public function of
//! `hearth_store::groups` (groups and norms, membership, requests to join,
//! invitations, roles, shares and replies, supports, reads, notifications and
//! the audit log), run once on SQLite and once on PostgreSQL by
//! `backend_tests!`.
//!
//! PostgreSQL needs `HEARTH_TEST_POSTGRES_URL` (see `hearth_store::testing`).
//! Times are fixed instants around `T0`, never `now()`, so every order and
//! every expiry is tested exactly.

mod common;

use common::*;
use std::collections::HashSet;

use hearth_domain::groups::{
    Body, Description, EXCERPT_MAX_CHARS, GroupKind, GroupLanguage, GroupName, GroupRole, Norms,
    RenderedPost, ShareKind, SupportKind, Tag, Tags, Title,
};
use hearth_domain::people::Role;
use hearth_store::groups::audit::{AuditAction, AuditEntry};
use hearth_store::groups::notifications::NotificationKind;
use hearth_store::groups::posts::{
    Author, NewReply, NewShare, PostId, REPLIES_PER_PAGE, Replied, ReplyCursor, ThreadCursor,
    WithMarkdown,
};
use hearth_store::groups::{
    DirectoryQuery, Group, GroupId, GroupListing, GroupNorms, GroupSettings, Invite, InviteId,
    JoinRefused, JoinRequest, Joined, Member, Membership, MembershipStatus, NewGroup,
};
use hearth_store::people::AccountId;
use hearth_store::testing::TestDatabase;
use hearth_store::{Entity, Store, StoreError, backend_tests};

#[test]
fn an_invite_is_usable_until_it_expires_is_used_up_or_is_revoked() {
    let invite = Invite {
        id: InviteId(1),
        group_id: GroupId(1),
        created_at: t(0),
        expires_at: t(100),
        max_uses: Some(2),
        uses: 1,
        revoked_at: None,
    };
    assert!(invite.is_usable(t(99)));
    assert!(!invite.is_usable(t(100)), "expiry is exclusive");
    assert!(!invite.is_usable(t(101)));
    let used_up = Invite {
        uses: 2,
        ..invite.clone()
    };
    assert!(!used_up.is_usable(t(0)));
    let unlimited = Invite {
        max_uses: None,
        uses: 1_000,
        ..invite.clone()
    };
    assert!(unlimited.is_usable(t(0)));
    let revoked = Invite {
        revoked_at: Some(t(1)),
        ..invite
    };
    assert!(!revoked.is_usable(t(0)));
}

#[test]
fn kinds_and_statuses_are_stored_under_the_names_the_schema_lists() {
    let notifications: Vec<&str> = [
        NotificationKind::Reply,
        NotificationKind::Mention,
        NotificationKind::Approved,
        NotificationKind::NormsChanged,
    ]
    .map(NotificationKind::as_str)
    .to_vec();
    assert_eq!(
        notifications,
        ["reply", "mention", "approved", "norms_changed"]
    );
    let actions: Vec<&str> = [
        AuditAction::RemovePost,
        AuditAction::RemoveMember,
        AuditAction::MuteMember,
        AuditAction::RevealAuthor,
    ]
    .map(AuditAction::as_str)
    .to_vec();
    assert_eq!(
        actions,
        [
            "remove_post",
            "remove_member",
            "mute_member",
            "reveal_author"
        ]
    );
    let statuses: Vec<&str> = [
        MembershipStatus::Active,
        MembershipStatus::Left,
        MembershipStatus::Removed,
    ]
    .map(MembershipStatus::as_str)
    .to_vec();
    assert_eq!(statuses, ["active", "left", "removed"]);
}

backend_tests! {
    setup = TestDatabase::new;

    // --- Groups --------------------------------------------------------------

    async fn create_group_makes_the_creator_owner_with_the_first_norms_agreed(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let stranger = person(store, "Stone").await;
        let name = GroupName::parse("Grief circle").unwrap();
        let description = Description::parse("For anyone grieving.").unwrap();
        let tags = Tags::parse(["grief", "family_friends"]).unwrap();
        let language = GroupLanguage::parse("es").unwrap();
        let norms = Norms::parse(NORMS).unwrap();
        let new = NewGroup {
            name: &name,
            description: &description,
            kind: GroupKind::Request,
            tags: &tags,
            language: &language,
            norms: &norms,
        };
        let group = store.create_group(&new, owner, t(5)).await.unwrap();
        assert_eq!(group.name, "Grief circle");
        assert_eq!(group.description, "For anyone grieving.");
        assert_eq!(group.kind, GroupKind::Request);
        assert_eq!(group.tags, tags);
        assert_eq!(group.language, "es");
        assert_eq!(group.norms_version, 1);
        assert_eq!((group.created_at, group.last_activity_at), (t(5), t(5)));

        let missing = GroupId(group.id.0 + 1000);
        assert_eq!(store.group(group.id).await.unwrap(), Some(group.clone()));
        assert_eq!(store.group(missing).await.unwrap(), None);

        let owner_membership = Membership {
            group_id: group.id,
            account_id: owner,
            role: GroupRole::Owner,
            status: MembershipStatus::Active,
            norms_version: 1,
            joined_at: t(5),
            muted_until: None,
        };
        assert_eq!(
            store.group_with_membership(group.id, owner).await.unwrap(),
            Some((group.clone(), Some(owner_membership)))
        );
        assert_eq!(
            store.group_with_membership(group.id, stranger).await.unwrap(),
            Some((group.clone(), None)),
            "a stranger sees the group and no membership"
        );
        assert_eq!(store.group_with_membership(missing, owner).await.unwrap(), None);

        // The session's read brings the group a route names, with the same
        // answers as reading them apart; the owner's two roles come once
        // each beside the group and membership.
        store.grant_role("river", Role::Directory, &why("a test"), t(5)).await.unwrap();
        store.grant_role("river", Role::Admin, &why("a test"), t(5)).await.unwrap();
        let later = t(5) + jiff::SignedDuration::from_hours(24);
        for (who, hash) in [(owner, "owner-hash"), (stranger, "stranger-hash")] {
            store.create_session(who, hash, None, t(5), later).await.unwrap();
            let alone = store.signed_in(hash, t(6), None).await.unwrap().unwrap();
            assert_eq!(alone.group, None, "no group asked about");
            assert_eq!(alone.roles, store.roles(who).await.unwrap());
            for asked in [group.id, missing] {
                let signed_in = store.signed_in(hash, t(6), Some(asked)).await.unwrap().unwrap();
                assert_eq!(
                    signed_in.group,
                    store.group_with_membership(asked, who).await.unwrap()
                );
                assert_eq!(
                    (signed_in.session, signed_in.account, signed_in.roles),
                    (alone.session.clone(), alone.account.clone(), alone.roles.clone())
                );
            }
        }
        assert_eq!(store.signed_in("owner-hash", later, Some(group.id)).await.unwrap(), None);

        assert_eq!(store.norm_agreements(group.id, owner).await.unwrap(), vec![(1, t(5))]);
        assert!(store.norm_agreements(group.id, stranger).await.unwrap().is_empty());
        assert_eq!(
            store.current_norms(group.id).await.unwrap(),
            Some(GroupNorms { version: 1, body: NORMS.to_owned(), written_at: t(5) })
        );
        assert_eq!(store.current_norms(missing).await.unwrap(), None);
        assert_eq!(
            store.members(group.id).await.unwrap(),
            vec![Member {
                account_id: owner,
                handle: "River".to_owned(),
                role: GroupRole::Owner,
                joined_at: t(5),
                muted_until: None,
            }]
        );
        assert_eq!(
            store.groups_of(owner).await.unwrap(),
            vec![(GroupListing { group: group.clone(), member_count: 1 }, GroupRole::Owner)]
        );
        assert!(store.groups_of(stranger).await.unwrap().is_empty());
    }

    async fn the_directory_lists_open_and_request_groups_by_tag_and_by_words(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let open = make_group_with(store, owner, "Grief circle", "Evenings, gently.",
            GroupKind::Open, &["grief"], t(1)).await.id;
        let request = make_group_with(store, owner, "Family and friends",
            "For the people who love someone in addiction.", GroupKind::Request,
            &["family_friends", "alcohol"], t(2)).await.id;
        make_group_with(store, owner, "Quiet grief circle", "Evenings, unlisted.",
            GroupKind::Hidden, &["grief"], t(3)).await;
        let percent = make_group_with(store, owner, "Sober 100% of days", "",
            GroupKind::Open, &["other"], t(4)).await.id;
        let thousand = make_group_with(store, owner, "Sober 1000 days", "",
            GroupKind::Open, &["other"], t(5)).await.id;
        let underscore = make_group_with(store, owner, "Step_one circle", "",
            GroupKind::Open, &[], t(6)).await.id;
        let letter = make_group_with(store, owner, "Stepsone circle", "",
            GroupKind::Open, &[], t(7)).await.id;

        // Hidden groups never appear; the rest come newest activity first.
        let everything = vec![letter, underscore, thousand, percent, request, open];
        assert_eq!(listed(store, None, None).await, everything);
        assert_eq!(listed(store, None, Some("   ")).await, everything, "no words, no filter");

        assert_eq!(listed(store, Some(Tag::Grief), None).await, vec![open]);
        assert_eq!(listed(store, Some(Tag::FamilyAndFriends), None).await, vec![request]);
        assert_eq!(listed(store, Some(Tag::Alcohol), None).await, vec![request]);
        assert_eq!(listed(store, Some(Tag::Other), None).await, vec![thousand, percent]);
        assert!(listed(store, Some(Tag::Drugs), None).await.is_empty());

        // Every word must appear, in the name or the description, in any case.
        assert_eq!(listed(store, None, Some("grief circle")).await, vec![open]);
        assert_eq!(listed(store, None, Some("CIRCLE  Grief")).await, vec![open]);
        assert_eq!(listed(store, None, Some("grief evenings")).await, vec![open]);
        assert_eq!(listed(store, None, Some("love addiction")).await, vec![request]);
        assert!(listed(store, None, Some("grief friends")).await.is_empty(),
            "words found in two different groups match neither");
        assert_eq!(listed(store, Some(Tag::Other), Some("1000")).await, vec![thousand]);
        assert!(listed(store, Some(Tag::Grief), Some("friends")).await.is_empty());

        // LIKE's wildcards in the search text are matched as themselves.
        assert_eq!(listed(store, None, Some("100%")).await, vec![percent]);
        assert_eq!(listed(store, None, Some("sober 100%")).await, vec![percent]);
        assert_eq!(listed(store, None, Some("%")).await, vec![percent]);
        assert_eq!(listed(store, None, Some("step_one")).await, vec![underscore]);
        assert_eq!(listed(store, None, Some("_")).await, vec![underscore]);
        assert!(listed(store, None, Some("\\")).await.is_empty());
        assert!(listed(store, None, Some("%\\_")).await.is_empty());

        // Listings count active members.
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        join(store, open, amy, t(8)).await;
        join(store, open, bea, t(8)).await;
        store.leave_group(open, bea).await.unwrap();
        let query = DirectoryQuery { tag: Some(Tag::Grief), limit: 10, ..DirectoryQuery::default() };
        let found = store.listed_groups(&query).await.unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].member_count, 2);
        assert_eq!(found[0].group, store.group(open).await.unwrap().unwrap());
    }

    async fn directory_pages_cover_45_groups_once_each_newest_activity_first(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let mut expected = Vec::new();
        for i in 0..50_i64 {
            // Every tenth is hidden; activity times repeat, so ties are broken by id.
            let kind = if i % 10 == 9 { GroupKind::Hidden } else { GroupKind::Open };
            let at = t((i * 7) % 13);
            let group = make_group_with(store, owner, &format!("Group {i:02}"), "", kind, &[], at).await;
            if kind != GroupKind::Hidden {
                expected.push((group.last_activity_at, group.id));
            }
        }
        expected.sort_by(|a, b| b.cmp(a));
        assert_eq!(expected.len(), 45);

        let mut seen = Vec::new();
        let mut after = None;
        let mut pages = 0;
        loop {
            let query = DirectoryQuery { after, limit: 10, ..DirectoryQuery::default() };
            let page = store.listed_groups(&query).await.unwrap();
            pages += 1;
            assert!(page.len() <= 10);
            seen.extend(page.iter().map(|l| (l.group.last_activity_at, l.group.id)));
            match page.last() {
                Some(last) if page.len() == 10 => {
                    after = Some((last.group.last_activity_at, last.group.id));
                }
                _ => break,
            }
            assert!(pages < 20, "paging does not end");
        }
        assert_eq!(pages, 5);
        assert_eq!(seen.len(), 45);
        assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 45, "no duplicates");
        assert_eq!(seen, expected, "no gaps, newest activity first");

        // A share moves the quietest group to the top.
        let (_, quietest) = *expected.last().unwrap();
        share(store, quietest, owner, "Back again.", t(100)).await;
        let query = DirectoryQuery { limit: 1, ..DirectoryQuery::default() };
        let first = store.listed_groups(&query).await.unwrap();
        assert_eq!(first[0].group.id, quietest);
        assert_eq!(first[0].group.last_activity_at, t(100));
    }

    async fn groups_of_lists_active_memberships_newest_activity_first(db) {
        let store = &db.store;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let own = make_group_with(store, amy, "Amy's own", "", GroupKind::Open, &[], t(1)).await;
        let joined = make_group_with(store, bea, "Bea's open", "", GroupKind::Open, &[], t(2)).await;
        let left = make_group_with(store, bea, "Bea's other", "", GroupKind::Open, &[], t(3)).await;
        let hidden = make_group_with(store, bea, "Bea's hidden", "", GroupKind::Hidden, &[], t(4)).await;
        join(store, joined.id, amy, t(10)).await;
        join(store, left.id, amy, t(10)).await;
        join(store, hidden.id, amy, t(10)).await;
        store.leave_group(left.id, amy).await.unwrap();

        let mine = store.groups_of(amy).await.unwrap();
        assert_eq!(mine, vec![
            (GroupListing { group: hidden, member_count: 2 }, GroupRole::Member),
            (GroupListing { group: joined, member_count: 2 }, GroupRole::Member),
            (GroupListing { group: own, member_count: 1 }, GroupRole::Owner),
        ]);
        let ids: Vec<GroupId> = store.groups_of(bea).await.unwrap().iter().map(|(l, _)| l.group.id).collect();
        assert_eq!(ids.len(), 3);
        assert!(!ids.contains(&mine[2].0.group.id));
    }

    async fn update_group_changes_the_settings_and_what_the_directory_finds(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let group = make_group_with(store, owner, "Grief circle", "Evenings.",
            GroupKind::Open, &["grief"], t(1)).await;
        let name = GroupName::parse("Loss and hope").unwrap();
        let description = Description::parse("Mornings.").unwrap();
        let tags = Tags::parse(["mental_health"]).unwrap();
        let language = GroupLanguage::parse("fr").unwrap();
        let settings = GroupSettings {
            name: &name,
            description: &description,
            kind: GroupKind::Request,
            tags: &tags,
            language: &language,
        };
        store.update_group(group.id, &settings, owner, t(9)).await.unwrap();
        let updated = store.group(group.id).await.unwrap().unwrap();
        assert_eq!(updated, Group {
            id: group.id,
            name: "Loss and hope".to_owned(),
            description: "Mornings.".to_owned(),
            kind: GroupKind::Request,
            tags: tags.clone(),
            language: "fr".to_owned(),
            norms_version: 1,
            created_at: t(1),
            last_activity_at: t(9),
        });
        assert!(listed(store, None, Some("grief")).await.is_empty());
        assert!(listed(store, None, Some("evenings")).await.is_empty());
        assert_eq!(listed(store, None, Some("hope mornings")).await, vec![group.id]);
        assert!(listed(store, Some(Tag::Grief), None).await.is_empty());
        assert_eq!(listed(store, Some(Tag::MentalHealth), None).await, vec![group.id]);
        assert_eq!(store.current_norms(group.id).await.unwrap().unwrap().body, NORMS, "norms untouched");

        let hide = GroupSettings { kind: GroupKind::Hidden, ..settings.clone() };
        store.update_group(group.id, &hide, owner, t(10)).await.unwrap();
        assert!(listed(store, None, None).await.is_empty());

        expect_not_found(store.update_group(GroupId(group.id.0 + 1000), &settings, owner, t(11)).await, Entity::Group);
    }

    // --- Norms -----------------------------------------------------------------

    async fn set_norms_makes_a_new_version_everyone_else_must_agree_to(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let facilitator = person(store, "Stone").await;
        let member = person(store, "Lake").await;
        let gone = person(store, "Brook").await;
        let stranger = person(store, "Fern").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        for who in [facilitator, member, gone] {
            join(store, group, who, t(1)).await;
        }
        store.set_member_role(group, facilitator, GroupRole::Facilitator, owner, t(0)).await.unwrap();
        store.leave_group(group, gone).await.unwrap();

        let norms = Norms::parse(NEW_NORMS).unwrap();
        assert_eq!(store.set_norms(group, &norms, facilitator, t(10)).await.unwrap(), 2);
        assert_eq!(
            store.current_norms(group).await.unwrap(),
            Some(GroupNorms { version: 2, body: NEW_NORMS.to_owned(), written_at: t(10) })
        );
        let after = store.group(group).await.unwrap().unwrap();
        assert_eq!((after.norms_version, after.last_activity_at), (2, t(10)));

        // The writer agreed by writing; the others still stand on version 1.
        assert_eq!(store.norm_agreements(group, facilitator).await.unwrap(), vec![(2, t(10)), (1, t(1))]);
        assert_eq!(membership(store, group, facilitator).await.unwrap().norms_version, 2);
        assert_eq!(membership(store, group, member).await.unwrap().norms_version, 1);
        assert_eq!(membership(store, group, owner).await.unwrap().norms_version, 1);

        // Each active member but the writer is told.
        for who in [owner, member] {
            let told = notes(store, who).await;
            assert_eq!(told.len(), 1);
            assert_eq!(told[0].kind, NotificationKind::NormsChanged);
            assert_eq!(told[0].group_id, group);
            assert_eq!(told[0].group_name, "Grief circle");
            assert_eq!((told[0].post_id, told[0].thread_id, told[0].actor.as_deref()), (None, None, None));
            assert_eq!((told[0].created_at, told[0].read), (t(10), false));
        }
        assert!(notes(store, facilitator).await.is_empty());

        // Agreeing to the version read before the change is refused.
        assert_eq!(
            store.agree_to_norms(group, member, 1, t(11)).await.unwrap(),
            Joined::Refused(JoinRefused::NormsChanged)
        );
        assert_eq!(membership(store, group, member).await.unwrap().norms_version, 1);
        assert_eq!(store.norm_agreements(group, member).await.unwrap(), vec![(1, t(1))]);
        assert_eq!(store.agree_to_norms(group, member, 2, t(12)).await.unwrap(), Joined::Joined);
        assert_eq!(membership(store, group, member).await.unwrap().norms_version, 2);
        assert_eq!(store.norm_agreements(group, member).await.unwrap(), vec![(2, t(12)), (1, t(1))]);
        // Agreeing twice keeps the first agreement.
        assert_eq!(store.agree_to_norms(group, member, 2, t(13)).await.unwrap(), Joined::Joined);
        assert_eq!(store.norm_agreements(group, member).await.unwrap(), vec![(2, t(12)), (1, t(1))]);

        // Only active members agree, and a refusal records nothing.
        expect_not_found(store.agree_to_norms(group, stranger, 2, t(14)).await, Entity::Membership);
        assert!(store.norm_agreements(group, stranger).await.unwrap().is_empty());
        expect_not_found(store.agree_to_norms(group, gone, 2, t(14)).await, Entity::Membership);
        assert_eq!(store.norm_agreements(group, gone).await.unwrap(), vec![(1, t(1))]);
        expect_not_found(store.agree_to_norms(GroupId(group.0 + 1000), member, 2, t(14)).await, Entity::Membership);

        // The person who had left was not told, even once back.
        join(store, group, gone, t(15)).await;
        assert!(notes(store, gone).await.is_empty());

        assert_eq!(store.set_norms(group, &norms, owner, t(20)).await.unwrap(), 3);
        expect_not_found(store.set_norms(GroupId(group.0 + 1000), &norms, owner, t(21)).await, Entity::Group);
    }

    // --- Membership ------------------------------------------------------------

    async fn joining_needs_the_current_norms_and_leaving_and_rejoining_work(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        store.set_norms(group, &Norms::parse(NEW_NORMS).unwrap(), owner, t(2)).await.unwrap();

        assert_eq!(
            store.join_group(group, amy, 1, t(3)).await.unwrap(),
            Joined::Refused(JoinRefused::NormsChanged)
        );
        assert_eq!(membership(store, group, amy).await, None);
        assert!(store.norm_agreements(group, amy).await.unwrap().is_empty());

        assert_eq!(store.join_group(group, amy, 2, t(4)).await.unwrap(), Joined::Joined);
        assert_eq!(membership(store, group, amy).await, Some(Membership {
            group_id: group,
            account_id: amy,
            role: GroupRole::Member,
            status: MembershipStatus::Active,
            norms_version: 2,
            joined_at: t(4),
            muted_until: None,
        }));
        assert_eq!(store.norm_agreements(group, amy).await.unwrap(), vec![(2, t(4))]);
        expect_not_found(store.join_group(GroupId(group.0 + 1000), amy, 1, t(4)).await, Entity::Group);

        // The owner hands the group over before leaving.
        expect_not_found(store.leave_group(group, owner).await, Entity::Membership);
        assert_eq!(role_of(store, group, owner).await, Some(GroupRole::Owner));

        store.leave_group(group, amy).await.unwrap();
        let left = membership(store, group, amy).await.unwrap();
        assert_eq!(left.status, MembershipStatus::Left);
        assert!(!left.is_active());
        assert_eq!(store.members(group).await.unwrap().len(), 1);
        assert!(store.groups_of(amy).await.unwrap().is_empty());
        expect_not_found(store.leave_group(group, amy).await, Entity::Membership);
        let stranger = person(store, "Stone").await;
        expect_not_found(store.leave_group(group, stranger).await, Entity::Membership);

        // Rejoining starts a new membership.
        assert_eq!(store.join_group(group, amy, 2, t(8)).await.unwrap(), Joined::Joined);
        let back = membership(store, group, amy).await.unwrap();
        assert_eq!((back.status, back.role, back.joined_at), (MembershipStatus::Active, GroupRole::Member, t(8)));

        // A facilitator who leaves comes back as a member.
        store.set_member_role(group, amy, GroupRole::Facilitator, owner, t(0)).await.unwrap();
        store.leave_group(group, amy).await.unwrap();
        join(store, group, amy, t(9)).await;
        assert_eq!(role_of(store, group, amy).await, Some(GroupRole::Member));

        // Someone removed does not walk back in; a new invitation lets them.
        store.remove_member(group, amy, owner, "harm", t(10)).await.unwrap();
        assert_eq!(
            store.join_group(group, amy, 2, t(11)).await.unwrap(),
            Joined::Refused(JoinRefused::Removed)
        );
        assert_eq!(membership(store, group, amy).await.unwrap().status, MembershipStatus::Removed);
        assert_eq!(store.norm_agreements(group, amy).await.unwrap(), vec![(2, t(4))]);
        store.create_invite(group, "again", owner, t(100), Some(1), t(12)).await.unwrap();
        assert_eq!(store.join_by_invite("again", amy, 2, t(13)).await.unwrap(), Joined::Joined);
        let readmitted = membership(store, group, amy).await.unwrap();
        assert_eq!((readmitted.status, readmitted.role, readmitted.joined_at), (MembershipStatus::Active, GroupRole::Member, t(13)));
    }

    async fn joining_again_while_a_member_keeps_role_mute_and_join_date(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        join(store, group, amy, t(1)).await;
        join(store, group, bea, t(1)).await;
        store.set_member_role(group, bea, GroupRole::Facilitator, owner, t(0)).await.unwrap();
        store.mute_member(group, amy, t(100), owner, "cooling off", t(2)).await.unwrap();

        // An open group's join form, sent again by a member: nothing changes.
        join(store, group, amy, t(3)).await;
        join(store, group, bea, t(3)).await;
        let amy_now = membership(store, group, amy).await.unwrap();
        assert_eq!(amy_now.muted_until, Some(t(100)), "a muted member cannot unmute themselves");
        assert!(amy_now.is_muted(t(50)));
        assert_eq!(amy_now.joined_at, t(1));
        let bea_now = membership(store, group, bea).await.unwrap();
        assert_eq!((bea_now.role, bea_now.joined_at), (GroupRole::Facilitator, t(1)));

        // Nor through an invitation.
        store.create_invite(group, "link", owner, t(1000), None, t(4)).await.unwrap();
        assert_eq!(store.join_by_invite("link", amy, 1, t(5)).await.unwrap(), Joined::Joined);
        assert_eq!(membership(store, group, amy).await.unwrap().muted_until, Some(t(100)));
    }

    async fn members_come_owner_first_then_facilitators_then_by_handle(db) {
        let store = &db.store;
        let zed = person(store, "Zed").await;
        let group = make_group(store, zed, "Grief circle", GroupKind::Open).await.id;
        let mut by_name = Vec::new();
        for name in ["Dan", "Yara", "carl", "Amy", "Bea", "Gone"] {
            let id = person(store, name).await;
            join(store, group, id, t(1)).await;
            by_name.push(id);
        }
        store.set_member_role(group, by_name[1], GroupRole::Facilitator, zed, t(0)).await.unwrap();
        store.set_member_role(group, by_name[4], GroupRole::Facilitator, zed, t(0)).await.unwrap();
        store.leave_group(group, by_name[5]).await.unwrap();
        let members = store.members(group).await.unwrap();
        let order: Vec<(&str, GroupRole)> = members.iter().map(|m| (m.handle.as_str(), m.role)).collect();
        assert_eq!(order, vec![
            ("Zed", GroupRole::Owner),
            ("Bea", GroupRole::Facilitator),
            ("Yara", GroupRole::Facilitator),
            ("Amy", GroupRole::Member),
            ("carl", GroupRole::Member),
            ("Dan", GroupRole::Member),
        ]);
        assert_eq!(members[3].account_id, by_name[3]);
        assert_eq!(members[3].joined_at, t(1));
    }

    async fn requests_to_join_wait_for_a_facilitator(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let cal = person(store, "Cal").await;
        let group = make_group(store, owner, "Family and friends", GroupKind::Request).await.id;

        assert_eq!(
            store.request_to_join(group, amy, 2, t(1)).await.unwrap(),
            Joined::Refused(JoinRefused::NormsChanged)
        );
        assert!(!store.has_join_request(group, amy).await.unwrap());
        assert_eq!(store.request_to_join(group, amy, 1, t(1)).await.unwrap(), Joined::Joined);
        assert!(store.has_join_request(group, amy).await.unwrap());
        // Asking again changes nothing.
        assert_eq!(store.request_to_join(group, amy, 1, t(5)).await.unwrap(), Joined::Joined);
        store.request_to_join(group, bea, 1, t(2)).await.unwrap();
        store.request_to_join(group, cal, 1, t(3)).await.unwrap();
        let waiting = |names: &[(&str, AccountId, i64)]| -> Vec<JoinRequest> {
            names.iter().map(|(handle, id, at)| JoinRequest {
                account_id: *id,
                handle: (*handle).to_owned(),
                requested_at: t(*at),
            }).collect()
        };
        assert_eq!(
            store.join_requests(group).await.unwrap(),
            waiting(&[("Amy", amy, 1), ("Bea", bea, 2), ("Cal", cal, 3)])
        );
        assert_eq!(membership(store, group, amy).await, None, "a request is not a membership");
        expect_not_found(store.request_to_join(GroupId(group.0 + 1000), amy, 1, t(1)).await, Entity::Group);

        // The norms change while Amy waits: let in, she stands on what she read.
        store.set_norms(group, &Norms::parse(NEW_NORMS).unwrap(), owner, t(4)).await.unwrap();
        store.decide_join_request(group, amy, true, owner, t(6)).await.unwrap();
        assert_eq!(membership(store, group, amy).await, Some(Membership {
            group_id: group,
            account_id: amy,
            role: GroupRole::Member,
            status: MembershipStatus::Active,
            norms_version: 1,
            joined_at: t(6),
            muted_until: None,
        }));
        assert_eq!(store.norm_agreements(group, amy).await.unwrap(), vec![(1, t(6))]);
        assert!(!store.has_join_request(group, amy).await.unwrap());
        let told = notes(store, amy).await;
        assert_eq!(told.len(), 1);
        assert_eq!(told[0].kind, NotificationKind::Approved);
        assert_eq!((told[0].group_id, told[0].group_name.as_str()), (group, "Family and friends"));
        assert_eq!((told[0].post_id, told[0].actor.as_deref(), told[0].created_at), (None, None, t(6)));

        // Declined quietly: no membership, no request, nothing written to tell.
        store.decide_join_request(group, bea, false, owner, t(7)).await.unwrap();
        assert_eq!(membership(store, group, bea).await, None);
        assert!(!store.has_join_request(group, bea).await.unwrap());
        assert_eq!(store.join_requests(group).await.unwrap(), waiting(&[("Cal", cal, 3)]));
        expect_not_found(store.decide_join_request(group, bea, true, owner, t(8)).await, Entity::JoinRequest);
        expect_not_found(store.decide_join_request(group, bea, false, owner, t(8)).await, Entity::JoinRequest);
        expect_not_found(store.decide_join_request(GroupId(group.0 + 1000), cal, true, owner, t(8)).await, Entity::JoinRequest);
        // Bea asks again later and is let in: only that approval reaches her.
        store.request_to_join(group, bea, 2, t(9)).await.unwrap();
        store.decide_join_request(group, bea, true, owner, t(10)).await.unwrap();
        assert_eq!(kinds(&notes(store, bea).await), vec![(NotificationKind::Approved, None)]);
        assert_eq!(membership(store, group, bea).await.unwrap().norms_version, 2);
    }

    // --- Invitations -----------------------------------------------------------

    async fn invitations_let_people_in_while_usable(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        // A group and an invitation first, so no invitation's id or creation
        // time is its group's.
        let decoy = make_group(store, owner, "Decoy", GroupKind::Hidden).await;
        for token in ["hash-decoy", "hash-decoy-2"] {
            store.create_invite(decoy.id, token, owner, t(100), None, t(0)).await.unwrap();
        }
        let group = make_group_with(store, owner, "Quiet room", "", GroupKind::Hidden, &[], t(-5)).await;
        let mut people = Vec::new();
        for name in ["Amy", "Bea", "Cal", "Dan", "Eve", "Fay", "Gus", "Hal"] {
            people.push(person(store, name).await);
        }
        let [amy, bea, cal, dan, eve, fay, gus, hal] = people[..] else { unreachable!() };

        let once = store.create_invite(group.id, "hash-once", owner, t(100), Some(1), t(1)).await.unwrap();
        assert_eq!(once, Invite {
            id: once.id,
            group_id: group.id,
            created_at: t(1),
            expires_at: t(100),
            max_uses: Some(1),
            uses: 0,
            revoked_at: None,
        });
        let unlimited = store.create_invite(group.id, "hash-open", owner, t(100), None, t(2)).await.unwrap();
        assert_ne!(once.id, unlimited.id);
        assert_eq!(store.invites(group.id).await.unwrap(), vec![unlimited.clone(), once.clone()]);
        assert_ne!(once.id.0, group.id.0);
        assert_eq!(store.invite_by_token("hash-once").await.unwrap(), Some((once.clone(), group.clone())));
        assert_eq!(store.invite_by_token("hash-open").await.unwrap(), Some((unlimited.clone(), group.clone())));
        assert_eq!(store.invite_by_token("hash-decoy").await.unwrap().unwrap().1, decoy);
        assert_eq!(store.invite_by_token("no-such-hash").await.unwrap(), None);

        // Stale norms: refused, and the invitation is not used up by it.
        assert_eq!(
            store.join_by_invite("hash-once", amy, 2, t(3)).await.unwrap(),
            Joined::Refused(JoinRefused::NormsChanged)
        );
        assert_eq!(store.invite_by_token("hash-once").await.unwrap().unwrap().0.uses, 0);

        assert_eq!(store.join_by_invite("hash-once", amy, 1, t(3)).await.unwrap(), Joined::Joined);
        assert_eq!(membership(store, group.id, amy).await, Some(Membership {
            group_id: group.id,
            account_id: amy,
            role: GroupRole::Member,
            status: MembershipStatus::Active,
            norms_version: 1,
            joined_at: t(3),
            muted_until: None,
        }));
        assert_eq!(store.norm_agreements(group.id, amy).await.unwrap(), vec![(1, t(3))]);
        let used = store.invite_by_token("hash-once").await.unwrap().unwrap().0;
        assert_eq!(used.uses, 1);
        assert!(!used.is_usable(t(3)));

        // max_uses is respected.
        assert_eq!(
            store.join_by_invite("hash-once", bea, 1, t(4)).await.unwrap(),
            Joined::Refused(JoinRefused::InviteUnusable)
        );
        assert_eq!(membership(store, group.id, bea).await, None);
        assert_eq!(store.invite_by_token("hash-once").await.unwrap().unwrap().0.uses, 1);

        // Without a limit, everyone gets in.
        for who in [bea, cal, dan] {
            assert_eq!(store.join_by_invite("hash-open", who, 1, t(5)).await.unwrap(), Joined::Joined);
        }
        assert_eq!(store.invite_by_token("hash-open").await.unwrap().unwrap().0.uses, 3);

        // Expired: usable until the instant it expires.
        store.create_invite(group.id, "hash-soon", owner, t(50), None, t(6)).await.unwrap();
        assert_eq!(store.join_by_invite("hash-soon", eve, 1, t(49)).await.unwrap(), Joined::Joined);
        assert_eq!(
            store.join_by_invite("hash-soon", fay, 1, t(50)).await.unwrap(),
            Joined::Refused(JoinRefused::InviteUnusable)
        );
        assert_eq!(membership(store, group.id, fay).await, None);

        // Revoked.
        let revoked = store.create_invite(group.id, "hash-gone", owner, t(100), None, t(7)).await.unwrap();
        store.revoke_invite(group.id, revoked.id, owner, t(8)).await.unwrap();
        let (seen, _) = store.invite_by_token("hash-gone").await.unwrap().unwrap();
        assert_eq!(seen.revoked_at, Some(t(8)));
        assert_eq!(
            store.join_by_invite("hash-gone", gus, 1, t(9)).await.unwrap(),
            Joined::Refused(JoinRefused::InviteUnusable)
        );
        assert_eq!(membership(store, group.id, gus).await, None);
        expect_not_found(store.revoke_invite(group.id, revoked.id, owner, t(10)).await, Entity::Invite);
        let other = make_group(store, owner, "Other room", GroupKind::Hidden).await;
        expect_not_found(store.revoke_invite(other.id, unlimited.id, owner, t(10)).await, Entity::Invite);
        assert!(store.invite_by_token("hash-open").await.unwrap().unwrap().0.revoked_at.is_none());

        expect_not_found(store.join_by_invite("no-such-hash", hal, 1, t(11)).await, Entity::Invite);
        assert_eq!(store.invites(group.id).await.unwrap().len(), 4);
        assert_eq!(store.invites(decoy.id).await.unwrap().len(), 2);
        assert!(store.invites(other.id).await.unwrap().is_empty());
        assert_eq!(store.members(group.id).await.unwrap().len(), 6);
    }

    // --- Roles -----------------------------------------------------------------

    async fn roles_change_and_ownership_is_handed_over(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let stranger = person(store, "Cal").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        join(store, group, amy, t(1)).await;
        join(store, group, bea, t(1)).await;

        store.set_member_role(group, amy, GroupRole::Facilitator, owner, t(0)).await.unwrap();
        assert_eq!(role_of(store, group, amy).await, Some(GroupRole::Facilitator));
        expect_not_found(store.set_member_role(group, amy, GroupRole::Owner, owner, t(0)).await, Entity::Membership);
        assert_eq!(role_of(store, group, amy).await, Some(GroupRole::Facilitator));
        assert_eq!(role_of(store, group, owner).await, Some(GroupRole::Owner));
        expect_not_found(store.set_member_role(group, owner, GroupRole::Member, owner, t(0)).await, Entity::Membership);
        assert_eq!(role_of(store, group, owner).await, Some(GroupRole::Owner));
        expect_not_found(store.set_member_role(group, stranger, GroupRole::Facilitator, owner, t(0)).await, Entity::Membership);
        assert_eq!(membership(store, group, stranger).await, None);
        store.set_member_role(group, amy, GroupRole::Member, owner, t(0)).await.unwrap();
        assert_eq!(role_of(store, group, amy).await, Some(GroupRole::Member));

        // Only the owner hands over, and only to an active member; a refused
        // handover changes nobody.
        expect_not_found(store.transfer_ownership(group, bea, amy, t(0)).await, Entity::Membership);
        assert_eq!(role_of(store, group, amy).await, Some(GroupRole::Member));
        assert_eq!(role_of(store, group, bea).await, Some(GroupRole::Member));
        expect_not_found(store.transfer_ownership(group, owner, stranger, t(0)).await, Entity::Membership);
        assert_eq!(role_of(store, group, owner).await, Some(GroupRole::Owner));
        assert_eq!(membership(store, group, stranger).await, None);
        expect_not_found(store.transfer_ownership(GroupId(group.0 + 1000), owner, amy, t(0)).await, Entity::Membership);

        store.transfer_ownership(group, owner, amy, t(0)).await.unwrap();
        assert_eq!(role_of(store, group, amy).await, Some(GroupRole::Owner));
        assert_eq!(role_of(store, group, owner).await, Some(GroupRole::Facilitator));
        let owners = store.members(group).await.unwrap().iter().filter(|m| m.role == GroupRole::Owner).count();
        assert_eq!(owners, 1);
        // Now the old owner may leave and the new one may not.
        store.leave_group(group, owner).await.unwrap();
        expect_not_found(store.leave_group(group, amy).await, Entity::Membership);
        // And the old owner, gone, cannot be handed the group back.
        expect_not_found(store.transfer_ownership(group, amy, owner, t(0)).await, Entity::Membership);
        assert_eq!(role_of(store, group, amy).await, Some(GroupRole::Owner));
    }

    // --- Posts -----------------------------------------------------------------

    async fn a_share_is_posted_once_per_request_key(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        join(store, group, amy, t(1)).await;
        let title = Title::parse_optional("A hard week").unwrap();
        let body = Body::share("It has been a hard week.").unwrap();
        let new = NewShare { kind: ShareKind::Question, title: title.as_ref(), body: &body, anonymous: true, crisis: false };

        let first = share_with(store, group, amy, &new, &[], "form-1", t(10)).await;
        let again = share_with(store, group, amy, &new, &[], "form-1", t(11)).await;
        assert_eq!(first, again);
        let threads = store.threads(group, owner, None, 50).await.unwrap();
        assert_eq!(threads.len(), 1, "one row for a form sent twice");
        assert_eq!(store.group(group).await.unwrap().unwrap().last_activity_at, t(10));

        let post = store.post(group, first).await.unwrap().unwrap();
        assert_eq!(post.id, first);
        assert_eq!(post.group_id, group);
        assert_eq!(post.thread_id, None);
        assert_eq!(post.thread(), first);
        assert_eq!(post.author, Author { account_id: amy, handle: "Amy".to_owned(), anonymous: true });
        assert_eq!(post.kind, Some(ShareKind::Question));
        assert_eq!(post.title.as_deref(), Some("A hard week"));
        assert_eq!(post.body.as_deref(), Some("It has been a hard week."));
        assert_eq!(post.quoting, None);
        assert_eq!((post.created_at, post.last_activity_at), (t(10), t(10)));
        assert!(!post.removed && !post.pinned && !post.locked && !post.helpful);
        assert_eq!(post.reply_count, 0);
        assert!(post.supports.is_empty());

        // Keys are per author.
        let other = share_with(store, group, owner, &new, &[], "form-1", t(12)).await;
        assert_ne!(other, first);
        assert_eq!(store.threads(group, owner, None, 50).await.unwrap().len(), 2);
        let other_group = make_group(store, owner, "Other", GroupKind::Open).await.id;
        assert_eq!(store.post(other_group, first).await.unwrap(), None);
        assert_eq!(store.post(group, PostId(other.0 + 1000)).await.unwrap(), None);
        expect_not_found(
            store.create_share(GroupId(group.0 + 1000), amy, &new, &[], "form-2", t(13)).await,
            Entity::Group,
        );
    }

    async fn a_reply_counts_moves_the_thread_and_tells_the_share_author(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        join(store, group, amy, t(1)).await;
        join(store, group, bea, t(1)).await;
        let thread = share(store, group, amy, "A hard week.", t(10)).await;

        let first = posted(reply(store, group, bea, thread, "I hear you.", t(20)).await);
        // The same form again: the same reply, counted once.
        assert_eq!(reply(store, group, bea, thread, "I hear you.", t(21)).await, Replied::Posted(first));
        let shared = store.post(group, thread).await.unwrap().unwrap();
        assert_eq!((shared.reply_count, shared.last_activity_at), (1, t(20)));
        assert_eq!(store.group(group).await.unwrap().unwrap().last_activity_at, t(20));
        let answer = store.post(group, first).await.unwrap().unwrap();
        assert_eq!(answer.thread_id, Some(thread));
        assert_eq!(answer.thread(), thread);
        assert_eq!((answer.kind, answer.title.as_deref()), (None, None));
        assert_eq!(answer.body.as_deref(), Some("I hear you."));
        assert_eq!(answer.created_at, t(20));

        let told = notes(store, amy).await;
        assert_eq!(told.len(), 1);
        assert_eq!(told[0].kind, NotificationKind::Reply);
        assert_eq!((told[0].post_id, told[0].thread_id), (Some(first), Some(thread)));
        assert_eq!(told[0].actor.as_deref(), Some("Bea"));
        assert_eq!((told[0].created_at, told[0].read), (t(20), false));
        assert!(notes(store, bea).await.is_empty());

        // Replying to one's own share tells nobody.
        posted(reply(store, group, amy, thread, "Thank you.", t(30)).await);
        assert_eq!(reply_count(store, group, thread).await, 2);
        assert_eq!(notes(store, amy).await.len(), 1);
        assert!(notes(store, bea).await.is_empty());
        assert!(notes(store, owner).await.is_empty());
    }

    async fn mentions_reach_only_active_members_of_the_group(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let cal = person(store, "Cal").await;
        let dan = person(store, "Dan").await;
        let eve = person(store, "Eve").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        make_group(store, cal, "Elsewhere", GroupKind::Open).await;
        for who in [amy, bea, dan, eve] {
            join(store, group, who, t(1)).await;
        }
        store.remove_member(group, dan, owner, "harm", t(2)).await.unwrap();
        store.leave_group(group, eve).await.unwrap();

        // Cal belongs to another group only; Dan was removed; Eve left.
        let mentions: Vec<String> = ["Bea", "Cal", "Dan", "Eve", "Amy", "nobody"].iter().map(|n| key(n)).collect();
        let body = Body::share("Thinking of @Bea @Cal @Dan @Eve @Amy @nobody").unwrap();
        let new = NewShare { kind: ShareKind::Share, title: None, body: &body, anonymous: false, crisis: false };
        let thread = share_with(store, group, amy, &new, &mentions, "mention-share", t(10)).await;
        let answer = posted(reply_with(store, group, amy, thread, "And again @Bea", false, None, &mentions, t(11)).await);

        let told = notes(store, bea).await;
        assert_eq!(kinds(&told), vec![
            (NotificationKind::Mention, Some(answer)),
            (NotificationKind::Mention, Some(thread)),
        ]);
        assert!(told.iter().all(|n| n.actor.as_deref() == Some("Amy") && n.thread_id == Some(thread)));
        assert!(notes(store, amy).await.is_empty(), "the author is not told of their own mention");
        assert!(notes(store, owner).await.is_empty(), "only those named are told");

        // Nothing was written for the others: joining (back) shows them nothing.
        assert_eq!(kinds(&notes(store, cal).await), vec![], "Cal's own group is empty too");
        store.create_invite(group, "way-back", owner, t(1000), None, t(19)).await.unwrap();
        for who in [cal, dan, eve] {
            assert_eq!(store.join_by_invite("way-back", who, 1, t(20)).await.unwrap(), Joined::Joined);
            assert!(notes(store, who).await.is_empty(), "a non-member was told of a mention");
        }
    }

    async fn no_reply_to_a_locked_or_removed_thread(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        let other = make_group(store, owner, "Other", GroupKind::Open).await.id;
        join(store, group, amy, t(1)).await;
        let thread = share(store, group, amy, "A hard week.", t(10)).await;
        let foreign = share(store, other, owner, "Elsewhere.", t(10)).await;

        store.set_thread_locked(group, thread, true, owner, t(0)).await.unwrap();
        assert!(store.post(group, thread).await.unwrap().unwrap().locked);
        assert_eq!(reply(store, group, owner, thread, "Late.", t(11)).await, Replied::Closed);
        assert_eq!(reply_count(store, group, thread).await, 0);
        // A refused reply leaves its request key free for when the thread opens.
        store.set_thread_locked(group, thread, false, owner, t(0)).await.unwrap();
        let answer = posted(reply(store, group, owner, thread, "Late.", t(12)).await);
        assert_eq!(reply_count(store, group, thread).await, 1);

        // A reply is not a thread; another group's thread is not this group's.
        assert_eq!(reply(store, group, amy, answer, "Nested?", t(13)).await, Replied::Closed);
        assert_eq!(reply(store, group, amy, foreign, "Across?", t(13)).await, Replied::Closed);
        assert_eq!(reply(store, GroupId(group.0 + 1000), amy, thread, "Nowhere", t(13)).await, Replied::Closed);
        assert_eq!(reply_count(store, other, foreign).await, 0);

        store.remove_post(group, thread, owner, "unsafe", t(14)).await.unwrap();
        assert_eq!(reply(store, group, amy, thread, "Still there?", t(15)).await, Replied::Closed);
        assert_eq!(reply_count(store, group, thread).await, 1);

        // Pinning and locking are for threads of the group.
        expect_not_found(store.set_thread_locked(group, answer, true, owner, t(0)).await, Entity::Post);
        expect_not_found(store.set_thread_pinned(group, answer, true, owner, t(0)).await, Entity::Post);
        expect_not_found(store.set_thread_pinned(other, thread, true, owner, t(0)).await, Entity::Post);
        expect_not_found(store.set_thread_locked(other, thread, true, owner, t(0)).await, Entity::Post);
        assert!(!store.post(group, answer).await.unwrap().unwrap().pinned);
    }

    async fn a_quote_names_a_post_of_the_same_thread_or_nothing(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        let thread = share(store, group, owner, "First thread.", t(1)).await;
        let answer = posted(reply(store, group, owner, thread, "An answer.", t(2)).await);
        let other = share(store, group, owner, "Second thread.", t(3)).await;
        let other_answer = posted(reply(store, group, owner, other, "Another answer.", t(4)).await);

        let mut n = 0;
        let mut quote = async |quoting: PostId| {
            n += 1;
            let text = format!("Quoting, take {n}.");
            let id = posted(reply_with(store, group, owner, thread, &text, false, Some(quoting), &[], t(10 + n)).await);
            store.post(group, id).await.unwrap().unwrap().quoting
        };
        assert_eq!(quote(thread).await, Some(thread));
        assert_eq!(quote(answer).await, Some(answer));
        assert_eq!(quote(other).await, None, "another thread's share is not quoted");
        assert_eq!(quote(other_answer).await, None, "another thread's reply is not quoted");
        assert_eq!(quote(PostId(other_answer.0 + 1000)).await, None);
        store.remove_post(group, answer, owner, "unsafe", t(30)).await.unwrap();
        assert_eq!(quote(answer).await, None, "a removed post is not quoted");
    }

    async fn threads_come_pinned_first_then_newest_and_page_without_gaps(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        join(store, group, amy, t(1)).await;
        // (pinned, last activity, id) of each thread still shown.
        let mut expected: Vec<(bool, i64, PostId)> = Vec::new();
        for i in 0..56_i64 {
            let at = (i * 7) % 17;
            let author = if i % 2 == 0 { amy } else { owner };
            let id = share(store, group, author, &format!("Thread {i}"), t(at)).await;
            expected.push((false, T0 + at, id));
        }
        // A reply moves a thread up; two are pinned; one is removed.
        let moved = expected[3].2;
        posted(reply(store, group, amy, moved, "Moving it up.", t(500)).await);
        expected[3].1 = T0 + 500;
        for pin in [10, 40] {
            store.set_thread_pinned(group, expected[pin].2, true, owner, t(0)).await.unwrap();
            expected[pin].0 = true;
        }
        store.set_thread_pinned(group, expected[11].2, true, owner, t(0)).await.unwrap();
        store.set_thread_pinned(group, expected[11].2, false, owner, t(0)).await.unwrap();
        let removed = expected.remove(20).2;
        store.remove_post(group, removed, owner, "unsafe", t(501)).await.unwrap();
        expected.sort_by(|a, b| b.cmp(a));
        assert_eq!(expected.len(), 55);
        assert!(expected[0].0 && expected[1].0 && !expected[2].0);
        assert_eq!(expected[2].2, moved);

        let mut seen = Vec::new();
        let mut after = None;
        let mut pages = 0;
        loop {
            let page = store.threads(group, amy, after, 10).await.unwrap();
            pages += 1;
            seen.extend(page.iter().map(|s| (s.pinned, s.last_activity_at.as_second(), s.id)));
            match page.last() {
                Some(last) if page.len() == 10 => {
                    after = Some(ThreadCursor {
                        pinned: last.pinned,
                        last_activity_at: last.last_activity_at.as_second(),
                        id: last.id,
                    });
                }
                _ => break,
            }
            assert!(pages < 20, "paging does not end");
        }
        assert_eq!(pages, 6);
        assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 55, "no duplicates");
        assert!(!seen.iter().any(|(_, _, id)| *id == removed));
        assert_eq!(seen, expected, "no gaps, pinned first, then newest activity");
    }

    async fn a_thread_summary_carries_its_excerpt_and_counts(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        let long = format!("**Day one.**\n\n{}", "é".repeat(450));
        let body = Body::share(&long).unwrap();
        let title = Title::parse_optional("Accents").unwrap();
        let new = NewShare { kind: ShareKind::Celebration, title: title.as_ref(), body: &body, anonymous: true, crisis: false };
        let thread = share_with(store, group, owner, &new, &[], "long", t(5)).await;
        posted(reply(store, group, owner, thread, "One.", t(6)).await);
        store.set_thread_locked(group, thread, true, owner, t(0)).await.unwrap();
        let listed = store.threads(group, owner, None, 10).await.unwrap();
        assert_eq!(listed.len(), 1);
        let summary = &listed[0];
        assert_eq!(summary.id, thread);
        assert_eq!(summary.kind, ShareKind::Celebration);
        assert_eq!(summary.title.as_deref(), Some("Accents"));
        let expected = format!("Day one. {}…", "é".repeat(EXCERPT_MAX_CHARS - 10));
        assert_eq!(summary.excerpt, expected, "plain text, cut on characters");
        assert_eq!(summary.author, Author { account_id: owner, handle: "River".to_owned(), anonymous: true });
        assert!(summary.locked && !summary.pinned);
        assert_eq!(summary.reply_count, 1);
        assert_eq!((summary.created_at, summary.last_activity_at), (t(5), t(6)));
        let other = make_group(store, owner, "Other", GroupKind::Open).await.id;
        assert!(store.threads(other, owner, None, 10).await.unwrap().is_empty());
    }

    async fn posts_keep_the_safe_html_and_excerpt_made_when_written(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        let text = "**Held on** today <script>alert(1)</script>";
        let thread = share(store, group, owner, text, t(5)).await;
        let answer = "> held on\n\n*Proud* of you";
        let answered = posted(reply(store, group, owner, thread, answer, t(6)).await);
        let page = store.thread_page(group, thread, owner, None, WithMarkdown::Yes).await.unwrap().unwrap();
        let (share_made, answer_made) = (RenderedPost::of(text), RenderedPost::of(answer));
        assert_eq!(page.share.html, share_made.html);
        assert!(page.share.html.contains("<strong>Held on</strong>"));
        assert!(!page.share.html.contains("<script"));
        assert_eq!(page.replies[0].id, answered);
        assert_eq!(page.replies[0].html, answer_made.html);
        // A thread page shows whole posts: it leaves their excerpts out.
        assert_eq!((&page.share.excerpt, &page.replies[0].excerpt), (&None, &None));
        let post = store.post(group, answered).await.unwrap().unwrap();
        assert_eq!(post.html, answer_made.html);
        assert_eq!(post.excerpt.as_deref(), Some("held on Proud of you"));
        assert_eq!(post.excerpt, Some(answer_made.excerpt));
        assert_eq!(page.share.body.as_deref(), Some(text));
        let html_only =
            store.thread_page(group, thread, owner, None, WithMarkdown::No).await.unwrap().unwrap();
        assert_eq!((html_only.share.body, &html_only.replies[0].body), (None, &None));
        assert_eq!(html_only.share.html, page.share.html);
        assert_eq!(html_only.replies[0].html, page.replies[0].html);
        let other = make_group(store, owner, "Other", GroupKind::Open).await.id;
        assert_eq!(
            store.thread_page(other, thread, owner, None, WithMarkdown::Yes).await.unwrap(),
            None,
            "a thread is read only through its own group, replies included"
        );
    }

    async fn migrating_renders_posts_that_have_no_html(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        let texts: Vec<String> = (0..7).map(|n| format!("Share **{n}**")).collect();
        let mut threads = Vec::new();
        for (n, text) in texts.iter().enumerate() {
            threads.push(share(store, group, owner, text, t(n as i64)).await);
        }
        let answered = posted(reply(store, group, owner, threads[0], "A *reply*", t(9)).await);
        // As a database written before migration 0009, or after a migration
        // that changed the renderer, has them.
        db.execute_behind_the_store("UPDATE posts SET body_html = NULL, excerpt = NULL").await;
        store.migrate().await.unwrap();
        for (thread, text) in threads.iter().zip(&texts) {
            let post = store.post(group, *thread).await.unwrap().unwrap();
            let made = RenderedPost::of(text);
            assert_eq!((post.html, post.excerpt), (made.html, Some(made.excerpt)));
        }
        let reply = store.post(group, answered).await.unwrap().unwrap();
        assert_eq!(reply.html, "<p>A <em>reply</em></p>\n");
        let listed = store.threads(group, owner, None, 10).await.unwrap();
        assert!(listed.iter().any(|thread| thread.excerpt == "Share 3"));
        store.migrate().await.expect("migrating again finds nothing to render");
    }

    async fn threads_are_unread_after_someone_elses_activity_until_read(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        join(store, group, amy, t(1)).await;
        join(store, group, bea, t(1)).await;
        let thread = share(store, group, amy, "A hard week.", t(10)).await;
        let unread = async |reader: AccountId| {
            let listed = store.threads(group, reader, None, 10).await.unwrap();
            assert_eq!(listed.len(), 1);
            listed[0].unread
        };

        let seen = async |reader: AccountId| {
            store.thread_page(group, thread, reader, None, WithMarkdown::Yes).await.unwrap().unwrap().seen_activity_at
        };
        assert!(!unread(amy).await, "one's own new thread is not unread");
        assert!(unread(bea).await, "a thread never opened is unread");
        assert_eq!(seen(bea).await, None);
        store.mark_thread_read(bea, thread, t(10)).await.unwrap();
        assert!(!unread(bea).await);
        assert_eq!(seen(bea).await, Some(t(10)));
        assert_eq!(seen(amy).await, None, "reads are per person");

        posted(reply(store, group, owner, thread, "I hear you.", t(20)).await);
        assert!(unread(bea).await, "someone's reply is news");
        assert!(unread(amy).await, "a reply to one's own thread is news to its author");
        store.mark_thread_read(amy, thread, t(20)).await.unwrap();
        store.mark_thread_read(bea, thread, t(20)).await.unwrap();
        assert!(!unread(amy).await);
        assert!(!unread(bea).await);
        // Marking an older state read does not undo a newer one.
        store.mark_thread_read(bea, thread, t(10)).await.unwrap();
        assert!(!unread(bea).await);
        assert_eq!(seen(bea).await, Some(t(20)));
        // Reads are per person: the owner never opened the thread.
        assert!(unread(owner).await);

        posted(reply(store, group, bea, thread, "Me too.", t(30)).await);
        assert!(unread(amy).await);
        store.mark_thread_read(amy, thread, t(30)).await.unwrap();
        assert!(!unread(amy).await);
    }

    async fn thread_pages_put_helpful_replies_first_and_page_without_gaps(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        join(store, group, amy, t(1)).await;
        join(store, group, bea, t(1)).await;
        let body = Body::share("How do you get through evenings?").unwrap();
        let new = NewShare { kind: ShareKind::Question, title: None, body: &body, anonymous: false, crisis: false };
        let thread = share_with(store, group, amy, &new, &[], "question", t(2)).await;
        let mut replies = Vec::new();
        for i in 0..120_i64 {
            let author = if i % 2 == 0 { bea } else { owner };
            replies.push(posted(reply(store, group, author, thread, &format!("Answer {i}"), t(10 + i)).await));
        }
        for helpful in [89, 29] {
            store.set_helpful(thread, replies[helpful], true).await.unwrap();
        }
        for gone in [9, 59, 99] {
            store.remove_post(group, replies[gone], owner, "unsafe", t(200)).await.unwrap();
        }
        let mut expected = vec![replies[29], replies[89]];
        expected.extend(replies.iter().enumerate()
            .filter(|(i, _)| ![9, 29, 59, 89, 99].contains(i))
            .map(|(_, id)| *id));
        assert_eq!(expected.len(), 117);

        async fn read_all(store: &Store, group: GroupId, thread: PostId, reader: AccountId) -> (Vec<PostId>, usize) {
            let mut seen = Vec::new();
            let mut after = None;
            let mut pages = 0;
            loop {
                let page = store.thread_page(group, thread, reader, after, WithMarkdown::Yes).await.unwrap().unwrap();
                pages += 1;
                assert_eq!(page.share.id, thread);
                assert!(page.replies.len() <= REPLIES_PER_PAGE as usize);
                assert!(page.replies.iter().all(|r| r.thread_id == Some(thread) && !r.removed));
                seen.extend(page.replies.iter().map(|r| r.id));
                match page.next {
                    Some(cursor) => {
                        assert_eq!(page.replies.len(), REPLIES_PER_PAGE as usize);
                        let last = page.replies.last().unwrap();
                        assert_eq!(cursor, ReplyCursor { helpful: last.helpful, id: last.id });
                        after = Some(cursor);
                    }
                    None => break,
                }
                assert!(pages < 20, "paging does not end");
            }
            (seen, pages)
        }

        let first = store.thread_page(group, thread, amy, None, WithMarkdown::Yes).await.unwrap().unwrap();
        assert_eq!(first.share.reply_count, 117, "removed replies no longer count");
        assert_eq!(first.share.kind, Some(ShareKind::Question));
        assert!(first.replies[0].helpful && first.replies[1].helpful && !first.replies[2].helpful);
        let (seen, pages) = read_all(store, group, thread, amy).await;
        assert_eq!(pages, 117_usize.div_ceil(REPLIES_PER_PAGE as usize));
        assert_eq!(seen.iter().collect::<HashSet<_>>().len(), seen.len(), "no duplicates");
        assert_eq!(seen, expected, "helpful first, then in order, no gaps");

        // Exactly two pages' worth: the second says there is no third.
        let extra = 117 - 2 * REPLIES_PER_PAGE as usize;
        let quiet: Vec<PostId> = expected.iter().rev().take(extra).copied().collect();
        for id in &quiet {
            store.remove_post(group, *id, owner, "tidy", t(300)).await.unwrap();
        }
        let (seen, pages) = read_all(store, group, thread, bea).await;
        assert_eq!(pages, 2);
        assert_eq!(seen, expected[..2 * REPLIES_PER_PAGE as usize].to_vec());

        // Only a live thread of this group has pages.
        let other = make_group(store, owner, "Other", GroupKind::Open).await.id;
        assert_eq!(store.thread_page(other, thread, amy, None, WithMarkdown::Yes).await.unwrap(), None);
        assert_eq!(store.thread_page(group, replies[0], amy, None, WithMarkdown::Yes).await.unwrap(), None);
        store.remove_post(group, thread, owner, "unsafe", t(400)).await.unwrap();
        assert_eq!(store.thread_page(group, thread, amy, None, WithMarkdown::Yes).await.unwrap(), None);
    }

    async fn supports_toggle_and_show_each_kind_once_with_the_readers_own(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        join(store, group, amy, t(1)).await;
        join(store, group, bea, t(1)).await;
        let thread = share(store, group, amy, "One year today.", t(2)).await;
        let answer = posted(reply(store, group, owner, thread, "Proud of you.", t(3)).await);

        assert!(store.toggle_support(thread, bea, SupportKind::ThankYou, t(4)).await.unwrap());
        assert!(store.toggle_support(thread, owner, SupportKind::ThankYou, t(4)).await.unwrap());
        assert!(store.toggle_support(thread, owner, SupportKind::ProudOfYou, t(4)).await.unwrap());
        assert!(store.toggle_support(thread, owner, SupportKind::MeToo, t(4)).await.unwrap());
        assert!(store.toggle_support(answer, amy, SupportKind::SendingStrength, t(4)).await.unwrap());

        let page_for = async |reader: AccountId| store.thread_page(group, thread, reader, None, WithMarkdown::Yes).await.unwrap().unwrap();
        use SupportKind::{MeToo, ProudOfYou, SendingStrength, ThankYou};
        let as_bea = page_for(bea).await;
        assert_eq!(as_bea.share.supports, vec![(ThankYou, true), (MeToo, false), (ProudOfYou, false)]);
        assert_eq!(as_bea.replies[0].supports, vec![(SendingStrength, false)]);
        let as_owner = page_for(owner).await;
        assert_eq!(as_owner.share.supports, vec![(ThankYou, true), (MeToo, true), (ProudOfYou, true)]);
        let as_amy = page_for(amy).await;
        assert_eq!(as_amy.share.supports, vec![(ThankYou, false), (MeToo, false), (ProudOfYou, false)]);
        assert_eq!(as_amy.replies[0].supports, vec![(SendingStrength, true)]);

        // Toggled off: Bea's is gone, the owner's stays.
        assert!(!store.toggle_support(thread, bea, ThankYou, t(5)).await.unwrap());
        assert_eq!(page_for(bea).await.share.supports, vec![(ThankYou, false), (MeToo, false), (ProudOfYou, false)]);
        assert!(!store.toggle_support(thread, owner, ThankYou, t(5)).await.unwrap());
        assert_eq!(page_for(bea).await.share.supports, vec![(MeToo, false), (ProudOfYou, false)]);
        // And on again.
        assert!(store.toggle_support(thread, bea, ThankYou, t(6)).await.unwrap());
        assert_eq!(page_for(bea).await.share.supports, vec![(ThankYou, true), (MeToo, false), (ProudOfYou, false)]);
    }

    async fn only_a_reply_of_the_thread_can_be_marked_helpful(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        let thread = share(store, group, owner, "A question.", t(1)).await;
        let answer = posted(reply(store, group, owner, thread, "An answer.", t(2)).await);
        let other = share(store, group, owner, "Another question.", t(3)).await;
        let other_answer = posted(reply(store, group, owner, other, "Another answer.", t(4)).await);

        store.set_helpful(thread, answer, true).await.unwrap();
        assert!(store.post(group, answer).await.unwrap().unwrap().helpful);
        expect_not_found(store.set_helpful(thread, other_answer, true).await, Entity::Post);
        assert!(!store.post(group, other_answer).await.unwrap().unwrap().helpful);
        expect_not_found(store.set_helpful(thread, thread, true).await, Entity::Post);
        assert!(!store.post(group, thread).await.unwrap().unwrap().helpful);
        store.set_helpful(thread, answer, false).await.unwrap();
        assert!(!store.post(group, answer).await.unwrap().unwrap().helpful);
    }

    // --- Notifications ---------------------------------------------------------

    async fn notifications_come_newest_first_page_and_are_marked_read(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        join(store, group, amy, t(1)).await;
        join(store, group, bea, t(1)).await;
        let thread = share(store, group, amy, "A hard week.", t(2)).await;
        for i in 0..7 {
            posted(reply(store, group, bea, thread, &format!("Reply {i}"), t(10 + i)).await);
        }
        let all = notes(store, amy).await;
        assert_eq!(all.len(), 7);
        assert!(all.windows(2).all(|w| w[0].id > w[1].id && w[0].created_at > w[1].created_at));
        assert_eq!(all[0].created_at, t(16));

        let page = |before| store.notifications(amy, before, 3);
        assert_eq!(page(None).await.unwrap(), all[0..3]);
        assert_eq!(page(Some(all[2].id)).await.unwrap(), all[3..6]);
        assert_eq!(page(Some(all[5].id)).await.unwrap(), all[6..7]);
        assert!(page(Some(all[6].id)).await.unwrap().is_empty());

        assert_eq!(store.unread_notification_count(amy).await.unwrap(), 7);
        // Someone else's notification cannot be marked by Bea.
        store.mark_notifications_read(bea, Some(all[0].id), t(20)).await.unwrap();
        store.mark_notifications_read(bea, None, t(20)).await.unwrap();
        assert_eq!(store.unread_notification_count(amy).await.unwrap(), 7);

        store.mark_notifications_read(amy, Some(all[2].id), t(21)).await.unwrap();
        assert_eq!(store.unread_notification_count(amy).await.unwrap(), 6);
        let now: Vec<bool> = notes(store, amy).await.iter().map(|n| n.read).collect();
        assert_eq!(now, vec![false, false, true, false, false, false, false]);

        store.mark_notifications_read(amy, None, t(22)).await.unwrap();
        assert_eq!(store.unread_notification_count(amy).await.unwrap(), 0);
        assert!(notes(store, amy).await.iter().all(|n| n.read));

        // Marking all read covers what was there, not what comes after.
        posted(reply(store, group, bea, thread, "One more.", t(30)).await);
        assert_eq!(store.unread_notification_count(amy).await.unwrap(), 1);
        assert!(!notes(store, amy).await[0].read);
        assert_eq!(store.unread_notification_count(owner).await.unwrap(), 0);
    }

    async fn notifications_stop_at_the_wall_when_a_person_leaves_or_is_removed(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let cal = person(store, "Cal").await;
        let first = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        let second = make_group(store, owner, "Family and friends", GroupKind::Open).await.id;
        for who in [amy, bea, cal] {
            join(store, first, who, t(1)).await;
        }
        join(store, second, bea, t(1)).await;
        let mentions = vec![key("Bea"), key("Cal")];
        let body = Body::share("Thinking of @Bea and @Cal").unwrap();
        let new = NewShare { kind: ShareKind::Share, title: None, body: &body, anonymous: false, crisis: false };
        share_with(store, first, amy, &new, &mentions, "first", t(2)).await;
        share_with(store, second, owner, &new, &mentions, "second", t(3)).await;

        assert_eq!(notes(store, bea).await.len(), 2);
        assert_eq!(store.unread_notification_count(bea).await.unwrap(), 2);
        assert_eq!(notes(store, cal).await.len(), 1);

        store.leave_group(first, bea).await.unwrap();
        let left = notes(store, bea).await;
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].group_id, second, "the group still joined still speaks");
        assert_eq!(store.unread_notification_count(bea).await.unwrap(), 1);
        assert_eq!(store.notifications(bea, None, 1).await.unwrap(), left);

        store.remove_member(first, cal, owner, "harm", t(4)).await.unwrap();
        assert!(notes(store, cal).await.is_empty());
        assert_eq!(store.unread_notification_count(cal).await.unwrap(), 0);
    }

    async fn notifications_about_removed_posts_vanish_and_anonymous_authors_stay_unnamed(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let cal = person(store, "Cal").await;
        let dan = person(store, "Dan").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        for who in [amy, bea, cal, dan] {
            join(store, group, who, t(1)).await;
        }
        let thread = share(store, group, amy, "A hard week.", t(2)).await;
        let named = posted(reply(store, group, bea, thread, "I hear you.", t(3)).await);
        let unnamed = posted(reply_with(store, group, cal, thread, "Me too, @Dan.", true, None, &[key("Dan")], t(4)).await);

        let told = notes(store, amy).await;
        assert_eq!(kinds(&told), vec![
            (NotificationKind::Reply, Some(unnamed)),
            (NotificationKind::Reply, Some(named)),
        ]);
        assert_eq!(told[0].actor, None, "an anonymous reply names nobody");
        assert_eq!(told[1].actor.as_deref(), Some("Bea"));
        let dan_told = notes(store, dan).await;
        assert_eq!(kinds(&dan_told), vec![(NotificationKind::Mention, Some(unnamed))]);
        assert_eq!(dan_told[0].actor, None);

        store.remove_post(group, named, owner, "unkind", t(5)).await.unwrap();
        assert_eq!(kinds(&notes(store, amy).await), vec![(NotificationKind::Reply, Some(unnamed))]);
        assert_eq!(store.unread_notification_count(amy).await.unwrap(), 1);

        // Removing the share removes its thread: nothing about it remains.
        store.remove_post(group, thread, owner, "unsafe", t(6)).await.unwrap();
        assert!(notes(store, amy).await.is_empty());
        assert_eq!(store.unread_notification_count(amy).await.unwrap(), 0);
        assert!(notes(store, dan).await.is_empty());
        assert_eq!(store.unread_notification_count(dan).await.unwrap(), 0);
    }

    // --- Moderation and the audit log -------------------------------------------

    async fn removing_a_post_uncounts_a_reply_and_is_audited(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        join(store, group, amy, t(1)).await;
        join(store, group, bea, t(1)).await;
        let thread = share(store, group, amy, "A hard week.", t(2)).await;
        let unkind = posted(reply(store, group, bea, thread, "Unkind words.", t(3)).await);
        posted(reply(store, group, owner, thread, "Kind words.", t(4)).await);
        assert_eq!(reply_count(store, group, thread).await, 2);

        store.remove_post(group, unkind, owner, "unkind", t(10)).await.unwrap();
        assert_eq!(reply_count(store, group, thread).await, 1);
        assert!(store.post(group, unkind).await.unwrap().unwrap().removed, "kept for the record");
        let page = store.thread_page(group, thread, amy, None, WithMarkdown::Yes).await.unwrap().unwrap();
        assert_eq!(page.replies.len(), 1);
        let log = audit(store, group).await;
        assert_eq!(log, vec![AuditEntry {
            id: log[0].id,
            actor: Some("River".to_owned()),
            action: AuditAction::RemovePost,
            group_id: Some(group),
            target_account: Some("Bea".to_owned()),
            target_post: Some(unkind),
            reason: "unkind".to_owned(),
            created_at: t(10),
        }]);

        // Once only, and only in its own group.
        expect_not_found(store.remove_post(group, unkind, owner, "again", t(11)).await, Entity::Post);
        assert_eq!(reply_count(store, group, thread).await, 1);
        let other = make_group(store, owner, "Other", GroupKind::Open).await.id;
        expect_not_found(store.remove_post(other, thread, owner, "wrong group", t(11)).await, Entity::Post);
        expect_not_found(store.remove_post(group, PostId(thread.0 + 1000), owner, "none", t(11)).await, Entity::Post);
        assert_eq!(audit(store, group).await.len(), 1);
        assert!(audit(store, other).await.is_empty());

        // Removing the share takes the thread off the group's page.
        store.remove_post(group, thread, owner, "unsafe", t(12)).await.unwrap();
        assert!(store.threads(group, owner, None, 10).await.unwrap().is_empty());
        let removed = store.post(group, thread).await.unwrap().unwrap();
        assert!(removed.removed);
        assert_eq!(removed.reply_count, 1);
        assert_eq!(audit(store, group).await[0].target_account.as_deref(), Some("Amy"));
    }

    async fn removing_and_muting_members_spares_the_owner_and_is_audited(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let facilitator = person(store, "Stone").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let stranger = person(store, "Cal").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        for who in [facilitator, amy, bea] {
            join(store, group, who, t(1)).await;
        }
        store.set_member_role(group, facilitator, GroupRole::Facilitator, owner, t(0)).await.unwrap();

        store.mute_member(group, amy, t(100), facilitator, "cool off", t(10)).await.unwrap();
        let muted = membership(store, group, amy).await.unwrap();
        assert_eq!(muted.muted_until, Some(t(100)));
        assert!(muted.is_muted(t(99)));
        assert!(!muted.is_muted(t(100)));
        assert!(muted.is_active(), "a muted member still reads");
        let listed = store.members(group).await.unwrap();
        assert_eq!(listed.iter().find(|m| m.account_id == amy).unwrap().muted_until, Some(t(100)));
        expect_not_found(store.mute_member(group, owner, t(100), facilitator, "no", t(11)).await, Entity::Membership);
        assert_eq!(membership(store, group, owner).await.unwrap().muted_until, None);
        expect_not_found(store.mute_member(group, stranger, t(100), facilitator, "no", t(11)).await, Entity::Membership);

        store.remove_member(group, bea, facilitator, "harm", t(12)).await.unwrap();
        let removed = membership(store, group, bea).await.unwrap();
        assert_eq!(removed.status, MembershipStatus::Removed);
        assert!(!removed.is_active());
        assert!(store.members(group).await.unwrap().iter().all(|m| m.account_id != bea));
        assert!(store.groups_of(bea).await.unwrap().is_empty());
        expect_not_found(store.remove_member(group, bea, facilitator, "again", t(13)).await, Entity::Membership);
        expect_not_found(store.remove_member(group, owner, facilitator, "coup", t(13)).await, Entity::Membership);
        assert_eq!(role_of(store, group, owner).await, Some(GroupRole::Owner));
        expect_not_found(store.remove_member(group, stranger, facilitator, "no", t(13)).await, Entity::Membership);
        expect_not_found(store.mute_member(group, bea, t(100), facilitator, "gone", t(13)).await, Entity::Membership);

        let log = audit(store, group).await;
        let lines: Vec<_> = log.iter().map(|e| (
            e.actor.as_deref(), e.action, e.target_account.as_deref(), e.target_post, e.reason.as_str(), e.created_at,
        )).collect();
        assert_eq!(lines, vec![
            (Some("Stone"), AuditAction::RemoveMember, Some("Bea"), None, "harm", t(12)),
            (Some("Stone"), AuditAction::MuteMember, Some("Amy"), None, "cool off", t(10)),
            // Making Stone a facilitator is on the record too.
            (Some("River"), AuditAction::MakeFacilitator, Some("Stone"), None, "", t(0)),
        ]);
        assert!(log.iter().all(|e| e.group_id == Some(group)));
    }

    async fn revealing_an_author_names_them_and_is_audited_first(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        join(store, group, amy, t(1)).await;
        let body = Body::share("Something I cannot say with my name.").unwrap();
        let new = NewShare { kind: ShareKind::Share, title: None, body: &body, anonymous: true, crisis: false };
        let thread = share_with(store, group, amy, &new, &[], "anon", t(2)).await;

        assert_eq!(store.reveal_author(group, thread, owner, "threat of harm", t(10)).await.unwrap(), "Amy");
        let log = audit(store, group).await;
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].action, AuditAction::RevealAuthor);
        assert_eq!(log[0].actor.as_deref(), Some("River"));
        // The log is read by every facilitator (and the API): it never names
        // an anonymous author, not even in the entry of the reveal.
        assert_eq!(log[0].target_account, None);
        assert_eq!(log[0].target_post, Some(thread));
        assert_eq!((log[0].reason.as_str(), log[0].created_at), ("threat of harm", t(10)));
        // Still anonymous to everyone else.
        assert!(store.post(group, thread).await.unwrap().unwrap().author.anonymous);

        let other = make_group(store, owner, "Other", GroupKind::Open).await.id;
        expect_not_found(store.reveal_author(other, thread, owner, "wrong group", t(11)).await, Entity::Post);
        expect_not_found(store.reveal_author(group, PostId(thread.0 + 1000), owner, "none", t(11)).await, Entity::Post);
        assert_eq!(audit(store, group).await.len(), 1);
        assert!(audit(store, other).await.is_empty());
    }

    async fn the_audit_log_is_newest_first_and_per_group(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        let other = make_group(store, owner, "Other", GroupKind::Open).await.id;
        for who in [amy, bea] {
            join(store, group, who, t(1)).await;
            join(store, other, who, t(1)).await;
        }
        let thread = share(store, group, amy, "A hard week.", t(2)).await;
        let answer = posted(reply(store, group, bea, thread, "Unkind.", t(3)).await);
        store.reveal_author(group, answer, owner, "one", t(10)).await.unwrap();
        store.mute_member(other, amy, t(50), owner, "elsewhere", t(11)).await.unwrap();
        store.remove_post(group, answer, owner, "two", t(12)).await.unwrap();
        store.mute_member(group, bea, t(50), owner, "three", t(13)).await.unwrap();
        store.remove_member(group, bea, owner, "four", t(14)).await.unwrap();

        let log = audit(store, group).await;
        let actions: Vec<(AuditAction, &str)> = log.iter().map(|e| (e.action, e.reason.as_str())).collect();
        assert_eq!(actions, vec![
            (AuditAction::RemoveMember, "four"),
            (AuditAction::MuteMember, "three"),
            (AuditAction::RemovePost, "two"),
            (AuditAction::RevealAuthor, "one"),
        ]);
        assert!(log.windows(2).all(|w| w[0].id > w[1].id));
        let elsewhere = audit(store, other).await;
        assert_eq!(elsewhere.len(), 1);
        assert_eq!((elsewhere[0].action, elsewhere[0].group_id), (AuditAction::MuteMember, Some(other)));
        assert!(audit(store, GroupId(other.0 + 1000)).await.is_empty());
    }

    async fn every_facilitators_tool_is_on_the_record(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let amy = person(store, "Amy").await;
        let bea = person(store, "Bea").await;
        let cal = person(store, "Cal").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Request).await.id;
        for who in [amy, bea, cal] {
            store.request_to_join(group, who, 1, t(1)).await.unwrap();
        }
        store.decide_join_request(group, bea, true, owner, t(2)).await.unwrap();
        store.decide_join_request(group, cal, false, owner, t(3)).await.unwrap();
        store.decide_join_request(group, amy, true, owner, t(3)).await.unwrap();
        store.set_member_role(group, amy, GroupRole::Facilitator, owner, t(4)).await.unwrap();
        let thread = share(store, group, bea, "A hard week.", t(5)).await;
        store.set_thread_pinned(group, thread, true, amy, t(6)).await.unwrap();
        store.set_thread_pinned(group, thread, false, amy, t(7)).await.unwrap();
        store.set_thread_locked(group, thread, true, amy, t(8)).await.unwrap();
        store.set_thread_locked(group, thread, false, amy, t(9)).await.unwrap();
        let invite = store.create_invite(group, "link", amy, t(100), None, t(10)).await.unwrap();
        store.revoke_invite(group, invite.id, amy, t(11)).await.unwrap();
        store.set_norms(group, &Norms::parse(NEW_NORMS).unwrap(), amy, t(12)).await.unwrap();
        let name = GroupName::parse("Loss and hope").unwrap();
        let description = Description::parse("").unwrap();
        let tags = Tags::parse(["grief"]).unwrap();
        let language = GroupLanguage::default();
        let settings = GroupSettings {
            name: &name,
            description: &description,
            kind: GroupKind::Request,
            tags: &tags,
            language: &language,
        };
        store.update_group(group, &settings, amy, t(13)).await.unwrap();
        store.set_member_role(group, amy, GroupRole::Member, owner, t(14)).await.unwrap();
        store.transfer_ownership(group, owner, bea, t(15)).await.unwrap();
        // A change that finds nothing to change writes nothing.
        expect_not_found(store.revoke_invite(group, invite.id, amy, t(16)).await, Entity::Invite);

        let log = audit(store, group).await;
        let lines: Vec<_> = log.iter().rev().map(|e| (e.actor.as_deref(), e.action, e.target_account.as_deref(), e.created_at)).collect();
        assert_eq!(lines, vec![
            (Some("River"), AuditAction::ApproveRequest, Some("Bea"), t(2)),
            (Some("River"), AuditAction::DeclineRequest, Some("Cal"), t(3)),
            (Some("River"), AuditAction::ApproveRequest, Some("Amy"), t(3)),
            (Some("River"), AuditAction::MakeFacilitator, Some("Amy"), t(4)),
            (Some("Amy"), AuditAction::PinThread, None, t(6)),
            (Some("Amy"), AuditAction::UnpinThread, None, t(7)),
            (Some("Amy"), AuditAction::LockThread, None, t(8)),
            (Some("Amy"), AuditAction::UnlockThread, None, t(9)),
            (Some("Amy"), AuditAction::CreateInvite, None, t(10)),
            (Some("Amy"), AuditAction::RevokeInvite, None, t(11)),
            (Some("Amy"), AuditAction::EditNorms, None, t(12)),
            (Some("Amy"), AuditAction::EditSettings, None, t(13)),
            (Some("River"), AuditAction::MakeMember, Some("Amy"), t(14)),
            (Some("River"), AuditAction::TransferOwnership, Some("Bea"), t(15)),
        ]);
        assert_eq!(log.iter().find(|e| e.action == AuditAction::PinThread).unwrap().target_post, Some(thread));
    }

    // --- Many at once ------------------------------------------------------------

    async fn ten_people_racing_for_a_three_use_invite_let_exactly_three_in(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let group = make_group(store, owner, "Quiet room", GroupKind::Hidden).await.id;
        store.create_invite(group, "shared-link", owner, t(1000), Some(3), t(1)).await.unwrap();
        let mut people = Vec::new();
        for i in 0..10 {
            people.push(person(store, &format!("racer{i}")).await);
        }
        let mut running = Vec::new();
        for who in people.iter().copied() {
            let store = store.clone();
            running.push(tokio::spawn(async move {
                store.join_by_invite("shared-link", who, 1, t(5)).await
            }));
        }
        let mut joined = 0;
        let mut refused = 0;
        for race in running {
            // Every join answers: no "database is locked", no deadlock.
            match race.await.unwrap().expect("every join attempt completes") {
                Joined::Joined => joined += 1,
                Joined::Refused(JoinRefused::InviteUnusable) => refused += 1,
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!((joined, refused), (3, 7));
        assert_eq!(store.invites(group).await.unwrap()[0].uses, 3);
        assert_eq!(store.members(group).await.unwrap().len(), 4);
    }

    async fn replies_and_supports_at_once_all_land(db) {
        let store = &db.store;
        let owner = person(store, "River").await;
        let group = make_group(store, owner, "Grief circle", GroupKind::Open).await.id;
        let thread = share(store, group, owner, "A hard week.", t(1)).await;
        let mut people = Vec::new();
        for i in 0..10 {
            let who = person(store, &format!("writer{i}")).await;
            join(store, group, who, t(1)).await;
            people.push(who);
        }
        let mut running = Vec::new();
        for (i, who) in people.iter().copied().enumerate() {
            let store = store.clone();
            running.push(tokio::spawn(async move {
                let body = Body::reply(&format!("Reply {i}")).unwrap();
                let new = NewReply { thread, body: &body, anonymous: false, quoting: None, crisis: false };
                let replied = store.create_reply(group, who, &new, &[], "key", t(10)).await?;
                store.toggle_support(thread, who, SupportKind::MeToo, t(10)).await?;
                Ok::<_, StoreError>(replied)
            }));
        }
        for task in running {
            assert!(matches!(task.await.unwrap().expect("every reply completes"), Replied::Posted(_)));
        }
        assert_eq!(reply_count(store, group, thread).await, 10);
        assert_eq!(notes(store, owner).await.len(), 10);
        let page = store.thread_page(group, thread, people[0], None, WithMarkdown::Yes).await.unwrap().unwrap();
        assert_eq!(page.replies.len(), 10);
        assert_eq!(page.share.supports, vec![(SupportKind::MeToo, true)]);
    }
}
