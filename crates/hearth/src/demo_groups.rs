//! Demo support groups: one of each kind, with members, shares, replies,
//! supportive responses and a question with an answer that helped. Loaded
//! once: when the first demo group is there, nothing is added again.

use hearth_domain::groups::{
    Body, Description, GroupKind, GroupLanguage, GroupName, Norms, ShareKind, SupportKind, Tags,
    Title,
};
use hearth_domain::people::Handle;
use hearth_store::Store;
use hearth_store::groups::posts::{NewReply, NewShare, PostId, Replied};
use hearth_store::groups::{GroupId, NewGroup};
use hearth_store::people::AccountId;
use jiff::{SignedDuration, Timestamp};

/// The demo's groups are written in English: they are sample data, like the
/// demo meetings, not part of the interface.
const NORMS: &str = "\
- **What is shared here stays here.** Do not repeat anything you read outside the group.
- **No crosstalk.** Speak from your own experience.
- **No advice unless it is asked for.** Questions marked \"ask the group\" invite it.
- **Be kind.** No shaming, no judging, no pressure.";

struct DemoGroup {
    name: &'static str,
    description: &'static str,
    kind: GroupKind,
    tags: &'static str,
    owner: &'static str,
    members: &'static [&'static str],
    /// People who have asked to join and wait for a facilitator.
    waiting: &'static [&'static str],
    threads: &'static [DemoThread],
}

struct DemoThread {
    author: &'static str,
    kind: ShareKind,
    anonymous: bool,
    title: &'static str,
    body: &'static str,
    /// (author, body, the asker found it helpful)
    replies: &'static [(&'static str, &'static str, bool)],
    /// (who, what)
    supports: &'static [(&'static str, SupportKind)],
    pinned: bool,
}

const GROUPS: &[DemoGroup] = &[
    DemoGroup {
        name: "Evening Circle",
        description: "An open group for anyone working on their drinking. We check in most evenings.",
        kind: GroupKind::Open,
        tags: "alcohol",
        owner: "hollis",
        members: &["river", "marisol", "sam_t"],
        waiting: &[],
        threads: &[
            DemoThread {
                author: "hollis",
                kind: ShareKind::Share,
                anonymous: false,
                title: "Welcome, and how we run this circle",
                body: "Welcome in. Read the norms, say hello when you are ready, and know that \
                       listening counts as taking part.\n\nIf today is heavy, the **Get help now** \
                       link is at the top of every page.",
                replies: &[("river", "Thank you for keeping this space going.", false)],
                supports: &[("river", SupportKind::ThankYou)],
                pinned: true,
            },
            DemoThread {
                author: "river",
                kind: ShareKind::Question,
                anonymous: false,
                title: "How do you get through Friday nights?",
                body: "Fridays used to mean the bar after work. I'm four weeks in and the \
                       evenings are the hardest part. What do you do with Friday nights now?",
                replies: &[
                    (
                        "marisol",
                        "I booked something for every Friday for the first three months: a \
                         meeting at 6, then dinner with my sister. Having the evening planned \
                         before it started made all the difference.",
                        true,
                    ),
                    (
                        "sam_t",
                        "I go to the late meeting on Fridays and then straight home. Early \
                         mornings on Saturday helped too.",
                        false,
                    ),
                ],
                supports: &[("sam_t", SupportKind::MeToo)],
                pinned: false,
            },
            DemoThread {
                author: "marisol",
                kind: ShareKind::Celebration,
                anonymous: false,
                title: "Six months today",
                body: "Six months today. I didn't think I'd see this one. Thank you all for \
                       being here on the hard nights.",
                replies: &[("hollis", "So glad you're here. Six months!", false)],
                supports: &[
                    ("river", SupportKind::ProudOfYou),
                    ("sam_t", SupportKind::ProudOfYou),
                    ("hollis", SupportKind::SendingStrength),
                ],
                pinned: false,
            },
            DemoThread {
                author: "sam_t",
                kind: ShareKind::Share,
                anonymous: true,
                title: "",
                body: "Rough day. Walked past the liquor store twice and kept walking. Writing \
                       it here so it's real.",
                replies: &[(
                    "river",
                    "You kept walking. That's the whole thing today.",
                    false,
                )],
                supports: &[("marisol", SupportKind::SendingStrength)],
                pinned: false,
            },
        ],
    },
    DemoGroup {
        name: "Family & Friends Room",
        description: "For people who love someone in addiction. Facilitators welcome new members.",
        kind: GroupKind::Request,
        tags: "family_friends",
        owner: "marisol",
        members: &["hollis"],
        waiting: &["sam_t"],
        threads: &[DemoThread {
            author: "hollis",
            kind: ShareKind::Share,
            anonymous: false,
            title: "Learning to stop checking",
            body: "I used to check my brother's messages for signs all day. This week I \
                   managed a whole afternoon without doing it.",
            replies: &[(
                "marisol",
                "A whole afternoon is real progress. Thank you for sharing it.",
                false,
            )],
            supports: &[("marisol", SupportKind::ThankYou)],
            pinned: false,
        }],
    },
    DemoGroup {
        name: "Thursday Women's Group",
        description: "A small, invitation-only group that meets online on Thursdays.",
        kind: GroupKind::Hidden,
        tags: "alcohol,drugs",
        owner: "river",
        members: &["marisol"],
        waiting: &[],
        threads: &[DemoThread {
            author: "marisol",
            kind: ShareKind::Share,
            anonymous: false,
            title: "See you Thursday",
            body: "Looking forward to Thursday. I'll bring the reading.",
            replies: &[],
            supports: &[("river", SupportKind::ThankYou)],
            pinned: false,
        }],
    },
];

/// Loads the demo groups unless they are there already. Returns how many
/// demo groups there are.
pub async fn load(store: &Store, now: Timestamp) -> Result<usize, String> {
    let owner = account(store, GROUPS[0].owner).await?;
    let existing = store.groups_of(owner).await.map_err(text)?;
    if existing
        .iter()
        .any(|(listing, _)| listing.group.name == GROUPS[0].name)
    {
        return Ok(GROUPS.len());
    }
    // Shares spread over the last days, oldest first.
    let mut when = now - SignedDuration::from_hours(72);
    for group in GROUPS {
        when += SignedDuration::from_mins(30);
        let id = create(store, group, when).await?;
        for (number, thread) in group.threads.iter().enumerate() {
            when += SignedDuration::from_hours(2);
            write_thread(store, id, group, number, thread, when).await?;
        }
    }
    Ok(GROUPS.len())
}

async fn create(store: &Store, group: &DemoGroup, when: Timestamp) -> Result<GroupId, String> {
    let name = GroupName::parse(group.name).map_err(text)?;
    let description = Description::parse(group.description).map_err(text)?;
    let tags = Tags::parse_comma_list(group.tags).map_err(text)?;
    let language = GroupLanguage::default();
    let norms = Norms::parse(NORMS).map_err(text)?;
    let new = NewGroup {
        name: &name,
        description: &description,
        kind: group.kind,
        tags: &tags,
        language: &language,
        norms: &norms,
    };
    let owner = account(store, group.owner).await?;
    let created = store.create_group(&new, owner, when).await.map_err(text)?;
    for member in group.members {
        let member = account(store, member).await?;
        store
            .join_group(created.id, member, created.norms_version, when)
            .await
            .map_err(text)?;
    }
    for person in group.waiting {
        let person = account(store, person).await?;
        store
            .request_to_join(created.id, person, created.norms_version, when)
            .await
            .map_err(text)?;
    }
    Ok(created.id)
}

async fn write_thread(
    store: &Store,
    group_id: GroupId,
    group: &DemoGroup,
    number: usize,
    thread: &DemoThread,
    when: Timestamp,
) -> Result<(), String> {
    let author = account(store, thread.author).await?;
    let title = Title::parse_optional(thread.title).map_err(text)?;
    let body = Body::share(thread.body).map_err(text)?;
    let share = NewShare {
        kind: thread.kind,
        title: title.as_ref(),
        body: &body,
        anonymous: thread.anonymous,
        crisis: false,
    };
    let key = format!("demo-{}-{number}", group.name);
    let id = store
        .create_share(group_id, author, &share, &[], &key, when)
        .await
        .map_err(text)?;
    for (reply_number, (replier, body, helpful)) in thread.replies.iter().enumerate() {
        let replier = account(store, replier).await?;
        let body = Body::reply(body).map_err(text)?;
        let reply = NewReply {
            thread: id,
            body: &body,
            anonymous: false,
            quoting: None,
            crisis: false,
        };
        let at = when + SignedDuration::from_mins(20 * (reply_number as i64 + 1));
        let key = format!("demo-{}-{number}-{reply_number}", group.name);
        let replied = store
            .create_reply(group_id, replier, &reply, &[], &key, at)
            .await
            .map_err(text)?;
        if let (Replied::Posted(reply), true) = (replied, helpful) {
            store.set_helpful(id, reply, true).await.map_err(text)?;
        }
    }
    for (supporter, kind) in thread.supports {
        let supporter = account(store, supporter).await?;
        support(store, id, supporter, *kind, when).await?;
    }
    if thread.pinned {
        let owner = account(store, group.owner).await?;
        store
            .set_thread_pinned(group_id, id, true, owner, when)
            .await
            .map_err(text)?;
    }
    Ok(())
}

async fn support(
    store: &Store,
    post: PostId,
    supporter: AccountId,
    kind: SupportKind,
    when: Timestamp,
) -> Result<(), String> {
    store
        .toggle_support(post, supporter, kind, when)
        .await
        .map(|_| ())
        .map_err(text)
}

async fn account(store: &Store, handle: &str) -> Result<AccountId, String> {
    let handle = Handle::parse(handle).map_err(text)?;
    let credentials = store.credentials(handle.key()).await.map_err(text)?;
    credentials
        .map(|found| found.account.id)
        .ok_or_else(|| format!("the demo person {handle} is missing"))
}

fn text(error: impl std::fmt::Display) -> String {
    error.to_string()
}
