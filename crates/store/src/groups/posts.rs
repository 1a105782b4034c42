//! Shares, replies and the responses to them: what members write, and what
//! each member has read.

use hearth_domain::groups::{Body, RenderedPost, ShareKind, SupportKind, Title};
use jiff::Timestamp;

use super::audit::{AuditAction, audit, audited_update};
use super::{GroupId, found, lock_group};
use crate::moderation::raise_crisis;
use crate::people::AccountId;
use crate::{BeginWrite, Entity, Store, StoreError, from_seconds, on_pool, to_seconds};

/// The database id of a share or a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PostId(pub i64);

/// A new share, which starts a thread.
#[derive(Debug, Clone)]
pub struct NewShare<'a> {
    pub kind: ShareKind,
    pub title: Option<&'a Title>,
    pub body: &'a Body,
    /// Shown to other members as "a member".
    pub anonymous: bool,
    /// The crisis detector read it as a crisis: the group's facilitators
    /// get a report at the top of their queue.
    pub crisis: bool,
}

/// A new reply to a thread.
#[derive(Debug, Clone)]
pub struct NewReply<'a> {
    pub thread: PostId,
    pub body: &'a Body,
    pub anonymous: bool,
    /// A post of the same thread this reply quotes.
    pub quoting: Option<PostId>,
    /// As for [`NewShare::crisis`].
    pub crisis: bool,
}

/// Who wrote a post. The handle is there even for an anonymous post: the
/// web layer shows it only to the author (and to a facilitator through the
/// audited reveal).
#[derive(Debug, Clone, PartialEq)]
pub struct Author {
    pub account_id: AccountId,
    pub handle: String,
    pub anonymous: bool,
}

/// A thread on a group's page: its share, without its replies.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadSummary {
    pub id: PostId,
    pub kind: ShareKind,
    pub title: Option<String>,
    /// The share's plain excerpt ([`RenderedPost::excerpt`]).
    pub excerpt: String,
    pub author: Author,
    pub pinned: bool,
    pub locked: bool,
    pub reply_count: i64,
    pub created_at: Timestamp,
    pub last_activity_at: Timestamp,
    /// Activity since the reader last opened it.
    pub unread: bool,
}

/// Where the next page of a group's threads starts: after this thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadCursor {
    pub pinned: bool,
    pub last_activity_at: i64,
    pub id: PostId,
}

/// A share or a reply as a thread page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub id: PostId,
    pub group_id: GroupId,
    /// `None` for the share that starts a thread.
    pub thread_id: Option<PostId>,
    pub author: Author,
    pub kind: Option<ShareKind>,
    pub title: Option<String>,
    /// The Markdown as written; `None` from a thread page read
    /// [`WithMarkdown::No`].
    pub body: Option<String>,
    /// The safe HTML made from the Markdown when it was written.
    pub html: String,
    /// The plain excerpt made with the HTML; `None` from a thread page,
    /// which shows the whole post.
    pub excerpt: Option<String>,
    pub quoting: Option<PostId>,
    pub created_at: Timestamp,
    pub removed: bool,
    pub pinned: bool,
    pub locked: bool,
    pub reply_count: i64,
    pub last_activity_at: Timestamp,
    pub helpful: bool,
    /// The supportive responses given, each kind once, and whether the
    /// reader gave it. No counts: support is not a race.
    pub supports: Vec<(SupportKind, bool)>,
}

impl Post {
    pub fn thread(&self) -> PostId {
        self.thread_id.unwrap_or(self.id)
    }
}

/// A page of a thread: its share and replies in order (those the asker
/// found helpful first), and where the next page starts.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadPage {
    pub share: Post,
    pub replies: Vec<Post>,
    pub next: Option<ReplyCursor>,
    /// The thread's activity the reader had seen when they last read it.
    pub seen_activity_at: Option<Timestamp>,
}

/// After this reply: (helpful, id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplyCursor {
    pub helpful: bool,
    pub id: PostId,
}

/// Whether a reply was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replied {
    Posted(PostId),
    /// The thread was removed or locked in the meantime.
    Closed,
}

#[derive(sqlx::FromRow)]
struct PostRow {
    id: i64,
    group_id: i64,
    thread_id: Option<i64>,
    author_id: i64,
    handle: String,
    anonymous: bool,
    kind: Option<String>,
    title: Option<String>,
    body: Option<String>,
    body_html: String,
    /// Read by [`Store::post`] only.
    #[sqlx(default)]
    excerpt: Option<String>,
    quoted_post_id: Option<i64>,
    created_at: i64,
    removed_at: Option<i64>,
    pinned: bool,
    locked: bool,
    reply_count: i64,
    last_activity_at: i64,
    helpful: bool,
}

impl From<PostRow> for Post {
    fn from(row: PostRow) -> Post {
        Post {
            id: PostId(row.id),
            group_id: GroupId(row.group_id),
            thread_id: row.thread_id.map(PostId),
            author: Author {
                account_id: AccountId(row.author_id),
                handle: row.handle,
                anonymous: row.anonymous,
            },
            kind: row.kind.and_then(|kind| kind.parse().ok()),
            title: row.title,
            body: row.body,
            html: row.body_html,
            excerpt: row.excerpt,
            quoting: row.quoted_post_id.map(PostId),
            created_at: from_seconds(row.created_at),
            removed: row.removed_at.is_some(),
            pinned: row.pinned,
            locked: row.locked,
            reply_count: row.reply_count,
            last_activity_at: from_seconds(row.last_activity_at),
            helpful: row.helpful,
            supports: Vec::new(),
        }
    }
}

/// The columns [`PostRow`] reads from `posts p JOIN accounts a`, the
/// Markdown as `$body` (`"p.body"`, or an expression that may leave it out).
macro_rules! post_columns {
    ($body:literal) => {
        concat!(
            "p.id, p.group_id, p.thread_id, p.author_id, p.author_handle AS handle, p.anonymous, \
             p.kind, p.title, ",
            $body,
            " AS body, p.body_html, p.quoted_post_id, p.created_at, p.removed_at, \
             p.pinned, p.locked, p.reply_count, p.last_activity_at, p.helpful"
        )
    };
}

/// Whether a thread page brings each post's Markdown as well as its HTML:
/// the API gives both, a web page shows only the HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WithMarkdown {
    Yes,
    No,
}

/// The bit that stands for `kind` in `posts.supports_given`, as
/// [`support_bit!`] writes it in SQL.
pub(crate) fn support_bit(kind: SupportKind) -> i64 {
    let index = (SupportKind::ALL.iter())
        .position(|each| *each == kind)
        .expect("every kind is in SupportKind::ALL");
    1 << index
}

/// Replies per page of a thread.
pub const REPLIES_PER_PAGE: u32 = 50;

/// One more than [`REPLIES_PER_PAGE`], to know whether there is another
/// page. Written into the SQL: SQLite prepares a statement whose `LIMIT` is
/// a bound value afresh each time it runs.
macro_rules! replies_wanted {
    () => {
        "51"
    };
}

/// The bit of each kind of supportive response, from the response's `kind`
/// column (`$kind`): bit `i` is `SupportKind::ALL[i]`.
macro_rules! support_bit {
    ($kind:literal) => {
        concat!(
            "CASE ",
            $kind,
            " WHEN 'thank_you' THEN 1 WHEN 'me_too' THEN 2 WHEN 'sending_strength' THEN 4 \
             WHEN 'proud_of_you' THEN 8 END"
        )
    };
}

/// Which kinds of supportive response a post (`p`) has had, and which of
/// them the reader (`$3`) gave, as `supports`: bits 0 to 3 are
/// `posts.supports_given` (see [`support_bit!`]), bits 4 to 7 the reader's
/// own. The reader's are looked up only on a post that has had some, and
/// the rest is read with the post: a thread page is read far more often
/// than anyone responds.
macro_rules! supports_given {
    () => {
        concat!(
            "p.supports_given + CASE WHEN p.supports_given = 0 THEN 0 ELSE 16 * \
             (SELECT COALESCE(SUM(",
            support_bit!("s.kind"),
            "), 0) FROM post_supports s WHERE s.post_id = p.id AND s.account_id = $3) \
             END AS supports"
        )
    };
}

/// Notifies the active members of group `$group` among `$keys` (handle
/// keys) that post `$post` mentions them, inside `$tx`; never the author.
macro_rules! notify_mentions {
    ($tx:expr, $group:expr, $post:expr, $author:expr, $keys:expr, $now:expr) => {{
        let keys: &[String] = $keys;
        if !keys.is_empty() {
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO notifications (account_id, kind, group_id, post_id, created_at)
                 SELECT a.id, 'mention', ",
            );
            insert
                .push_bind($group.0)
                .push(", ")
                .push_bind($post)
                .push(", ")
                .push_bind($now)
                .push(
                    " FROM accounts a JOIN memberships m ON m.account_id = a.id
                      WHERE m.group_id = ",
                )
                .push_bind($group.0)
                .push(" AND m.status = 'active' AND a.id <> ")
                .push_bind($author.0)
                // Someone who blocked or muted the author hears nothing of them.
                .push(
                    " AND NOT EXISTS (SELECT 1 FROM person_filters f
                       WHERE f.account_id = a.id AND f.other_id = ",
                )
                .push_bind($author.0)
                .push(") AND a.handle_key IN (");
            let mut listed = insert.separated(", ");
            for key in keys {
                listed.push_bind(key.as_str());
            }
            insert.push(")");
            insert.build().execute(&mut *$tx).await?;
        }
    }};
}

impl Store {
    /// Posts a share, once per `request_key` (a form sent twice gives the
    /// same share back), telling the members it mentions.
    pub async fn create_share(
        &self,
        group: GroupId,
        author: AccountId,
        share: &NewShare<'_>,
        mentions: &[String],
        request_key: &str,
        now: Timestamp,
    ) -> Result<PostId, StoreError> {
        let now = to_seconds(now);
        // Made before the transaction: it holds the group's lock.
        let rendered = RenderedPost::of(share.body.as_str());
        let id = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !lock_group!(tx, group) {
                tx.rollback().await?;
                return Ok(None);
            }
            let earlier: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM posts WHERE author_id = $1 AND request_key = $2",
            )
            .bind(author.0)
            .bind(request_key)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(id) = earlier {
                tx.rollback().await?;
                return Ok(Some(id));
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO posts (group_id, thread_id, author_id, anonymous, kind, title, body,
                     body_html, excerpt, quoted_post_id, request_key, created_at, removed_at,
                     removed_by, pinned, locked, last_activity_at, reply_count, helpful,
                     author_handle)
                 VALUES ($1, NULL, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $10, NULL, NULL, FALSE,
                     FALSE, $10, 0, FALSE, (SELECT handle FROM accounts WHERE id = $2))
                 RETURNING id",
            )
            .bind(group.0)
            .bind(author.0)
            .bind(share.anonymous)
            .bind(share.kind.as_str())
            .bind(share.title.map(Title::as_str))
            .bind(share.body.as_str())
            .bind(&rendered.html)
            .bind(&rendered.excerpt)
            .bind(request_key)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("UPDATE groups SET last_activity_at = $2 WHERE id = $1")
                .bind(group.0)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            notify_mentions!(tx, group, id, author, mentions, now);
            if share.crisis {
                raise_crisis!(tx, group, id, author, now);
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Some(id))
        }
        .await)?;
        id.map(PostId).ok_or(StoreError::NotFound(Entity::Group))
    }

    /// Replies to a thread that is neither removed nor locked, once per
    /// `request_key`; tells the share's author and the members mentioned.
    pub async fn create_reply(
        &self,
        group: GroupId,
        author: AccountId,
        reply: &NewReply<'_>,
        mentions: &[String],
        request_key: &str,
        now: Timestamp,
    ) -> Result<Replied, StoreError> {
        let now = to_seconds(now);
        // Made before the transaction: it holds the group's lock.
        let rendered = RenderedPost::of(reply.body.as_str());
        let replied = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            if !lock_group!(tx, group) {
                tx.rollback().await?;
                return Ok(Replied::Closed);
            }
            let earlier: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM posts WHERE author_id = $1 AND request_key = $2",
            )
            .bind(author.0)
            .bind(request_key)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(id) = earlier {
                tx.rollback().await?;
                return Ok(Replied::Posted(PostId(id)));
            }
            let share_author: Option<i64> = sqlx::query_scalar(
                "SELECT author_id FROM posts WHERE id = $1 AND group_id = $2
                   AND thread_id IS NULL AND removed_at IS NULL AND NOT locked",
            )
            .bind(reply.thread.0)
            .bind(group.0)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(share_author) = share_author else {
                tx.rollback().await?;
                return Ok(Replied::Closed);
            };
            // A quote names a post of the same thread, or nothing.
            let quoting: Option<i64> = match reply.quoting {
                Some(quoted) => {
                    sqlx::query_scalar(
                        "SELECT id FROM posts WHERE id = $1 AND (id = $2 OR thread_id = $2)
                           AND removed_at IS NULL",
                    )
                    .bind(quoted.0)
                    .bind(reply.thread.0)
                    .fetch_optional(&mut *tx)
                    .await?
                }
                None => None,
            };
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO posts (group_id, thread_id, author_id, anonymous, kind, title, body,
                     body_html, excerpt, quoted_post_id, request_key, created_at, removed_at,
                     removed_by, pinned, locked, last_activity_at, reply_count, helpful,
                     author_handle)
                 VALUES ($1, $2, $3, $4, NULL, NULL, $5, $6, $7, $8, $9, $10, NULL, NULL, FALSE,
                     FALSE, $10, 0, FALSE, (SELECT handle FROM accounts WHERE id = $3))
                 RETURNING id",
            )
            .bind(group.0)
            .bind(reply.thread.0)
            .bind(author.0)
            .bind(reply.anonymous)
            .bind(reply.body.as_str())
            .bind(&rendered.html)
            .bind(&rendered.excerpt)
            .bind(quoting)
            .bind(request_key)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE posts SET reply_count = reply_count + 1, last_activity_at = $2
                 WHERE id = $1",
            )
            .bind(reply.thread.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE groups SET last_activity_at = $2 WHERE id = $1")
                .bind(group.0)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            if share_author != author.0 {
                // Not when the share's author blocked or muted the replier.
                sqlx::query(
                    "INSERT INTO notifications (account_id, kind, group_id, post_id, created_at)
                     SELECT $1, 'reply', $2, $3, $4 FROM memberships
                     WHERE group_id = $2 AND account_id = $1 AND status = 'active'
                       AND NOT EXISTS (SELECT 1 FROM person_filters f
                                       WHERE f.account_id = $1 AND f.other_id = $5)",
                )
                .bind(share_author)
                .bind(group.0)
                .bind(id)
                .bind(now)
                .bind(author.0)
                .execute(&mut *tx)
                .await?;
            }
            notify_mentions!(tx, group, id, author, mentions, now);
            if reply.crisis {
                raise_crisis!(tx, group, id, author, now);
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Replied::Posted(PostId(id)))
        }
        .await)?;
        Ok(replied)
    }

    /// A page of a group's threads (pinned first, then the newest activity),
    /// each marked unread if it moved since `reader` last opened it.
    pub async fn threads(
        &self,
        group: GroupId,
        reader: AccountId,
        after: Option<ThreadCursor>,
        limit: u32,
    ) -> Result<Vec<ThreadSummary>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            kind: Option<String>,
            title: Option<String>,
            excerpt: String,
            author_id: i64,
            handle: String,
            anonymous: bool,
            pinned: bool,
            locked: bool,
            reply_count: i64,
            created_at: i64,
            last_activity_at: i64,
            seen_activity_at: Option<i64>,
        }
        let rows: Vec<Row> = on_pool!(self, |pool| {
            let mut select =
                sqlx::QueryBuilder::new("SELECT p.id, p.kind, p.title, p.excerpt, p.author_id,");
            select
                .push(
                    " p.author_handle AS handle, p.anonymous, p.pinned, p.locked,
                       p.reply_count, p.created_at, p.last_activity_at, r.seen_activity_at
                     FROM posts p
                     LEFT JOIN thread_reads r ON r.thread_id = p.id AND r.account_id = ",
                )
                .push_bind(reader.0)
                .push(" WHERE p.group_id = ")
                .push_bind(group.0)
                .push(" AND p.thread_id IS NULL AND p.removed_at IS NULL");
            if let Some(cursor) = after {
                select
                    .push(" AND (p.pinned, p.last_activity_at, p.id) < (")
                    .push_bind(cursor.pinned)
                    .push(", ")
                    .push_bind(cursor.last_activity_at)
                    .push(", ")
                    .push_bind(cursor.id.0)
                    .push(")");
            }
            select
                .push(" ORDER BY p.pinned DESC, p.last_activity_at DESC, p.id DESC LIMIT ")
                // Written in, not bound: see `replies_wanted!`.
                .push(limit);
            select.build_query_as().fetch_all(pool).await
        })?;
        Ok(rows
            .into_iter()
            .map(|row| ThreadSummary {
                id: PostId(row.id),
                kind: (row.kind.as_deref())
                    .and_then(|kind| kind.parse().ok())
                    .unwrap_or(ShareKind::Share),
                title: row.title,
                excerpt: row.excerpt,
                author: Author {
                    account_id: AccountId(row.author_id),
                    handle: row.handle,
                    anonymous: row.anonymous,
                },
                pinned: row.pinned,
                locked: row.locked,
                reply_count: row.reply_count,
                created_at: from_seconds(row.created_at),
                last_activity_at: from_seconds(row.last_activity_at),
                // An author who never opened their thread has seen it as
                // they wrote it: replies since are news to them too.
                unread: match row.seen_activity_at {
                    Some(seen) => seen < row.last_activity_at,
                    None => row.author_id != reader.0 || row.created_at < row.last_activity_at,
                },
            })
            .collect())
    }

    /// One post of a group, removed or not.
    pub async fn post(&self, group: GroupId, id: PostId) -> Result<Option<Post>, StoreError> {
        let sql = concat!(
            "SELECT ",
            post_columns!("p.body"),
            ", p.excerpt FROM posts p
             WHERE p.id = $1 AND p.group_id = $2"
        );
        let row: Option<PostRow> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(id.0)
                .bind(group.0)
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.map(Post::from))
    }

    /// A page of a thread that is not removed, as `reader` sees it: removed
    /// replies are left out. One statement reads the share, the page's
    /// replies and the responses to each: a thread page is read far more
    /// often than anything in it changes.
    pub async fn thread_page(
        &self,
        group: GroupId,
        thread: PostId,
        reader: AccountId,
        after: Option<ReplyCursor>,
        markdown: WithMarkdown,
    ) -> Result<Option<ThreadPage>, StoreError> {
        // The share, then the page's replies: helpful ones first (place 0),
        // then the rest (place 1), each in the order they came. Only the
        // share's branch checks the group: replies of a thread in another
        // group come to nothing below, as there is no share. (A group
        // condition on the replies led PostgreSQL to a group index and a
        // sort of every reply of the thread, and so did the cursor written
        // as an OR instead of one comparison of (place, id).)
        let sql = concat!(
            "SELECT ",
            post_columns!("CASE WHEN $6 THEN p.body END"),
            ", r.seen_activity_at, ",
            supports_given!(),
            " FROM posts p
             LEFT JOIN thread_reads r ON r.thread_id = p.id AND r.account_id = $3
             WHERE p.id = $1 AND p.group_id = $2 AND p.thread_id IS NULL
               AND p.removed_at IS NULL
             UNION ALL
             SELECT * FROM (SELECT ",
            post_columns!("CASE WHEN $6 THEN p.body END"),
            ", CAST(NULL AS BIGINT) AS seen_activity_at, ",
            supports_given!(),
            " FROM posts p
             WHERE p.thread_id = $1 AND p.removed_at IS NULL
               AND ((CASE WHEN p.helpful THEN 0 ELSE 1 END), p.id) > ($4, $5)
             ORDER BY (CASE WHEN p.helpful THEN 0 ELSE 1 END), p.id LIMIT ",
            replies_wanted!(),
            ") AS replies"
        );
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            post: PostRow,
            seen_activity_at: Option<i64>,
            supports: i64,
        }
        impl Row {
            fn into_post(self) -> Post {
                let (given, mine) = (self.supports & 0b1111, self.supports >> 4);
                let mut post = Post::from(self.post);
                post.supports = (SupportKind::ALL.iter().enumerate())
                    .filter(|(bit, _)| given & (1 << bit) != 0)
                    .map(|(bit, kind)| (*kind, mine & (1 << bit) != 0))
                    .collect();
                post
            }
        }
        // The first page starts before every place.
        let (place, after_id) = after.map_or((-1_i64, 0), |cursor| {
            (i64::from(!cursor.helpful), cursor.id.0)
        });
        let rows: Vec<Row> = on_pool!(self, |pool| {
            sqlx::query_as(sql)
                .bind(thread.0)
                .bind(group.0)
                .bind(reader.0)
                .bind(place)
                .bind(after_id)
                .bind(markdown == WithMarkdown::Yes)
                .fetch_all(pool)
                .await
        })?;
        // Neither engine promises to keep a UNION's branches in order: the
        // share is the row without a thread, and the replies are put back in
        // page order here.
        let (shares, mut replies): (Vec<Row>, Vec<Row>) = rows
            .into_iter()
            .partition(|row| row.post.thread_id.is_none());
        let Some(share) = shares.into_iter().next() else {
            return Ok(None);
        };
        replies.sort_by_key(|row| (!row.post.helpful, row.post.id));
        let seen_activity_at = share.seen_activity_at.map(from_seconds);
        let mut replies: Vec<Post> = replies.into_iter().map(Row::into_post).collect();
        let next = (replies.len() > REPLIES_PER_PAGE as usize).then(|| {
            replies.truncate(REPLIES_PER_PAGE as usize);
            let last = replies.last().expect("a full page has a last reply");
            ReplyCursor {
                helpful: last.helpful,
                id: last.id,
            }
        });
        Ok(Some(ThreadPage {
            share: share.into_post(),
            replies,
            next,
            seen_activity_at,
        }))
    }

    /// Gives a supportive response, or takes it back if given. Returns
    /// whether it is given now.
    pub async fn toggle_support(
        &self,
        post: PostId,
        account: AccountId,
        kind: SupportKind,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let given = on_pool!(self, |pool| async {
            let mut tx = pool.begin_write().await?;
            // The post's row lock first: responses to one post queue, so
            // each recount below sees every response made before it.
            sqlx::query("UPDATE posts SET supports_given = supports_given WHERE id = $1")
                .bind(post.0)
                .execute(&mut *tx)
                .await?;
            let removed = sqlx::query(
                "DELETE FROM post_supports WHERE post_id = $1 AND account_id = $2 AND kind = $3",
            )
            .bind(post.0)
            .bind(account.0)
            .bind(kind.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if removed == 0 {
                sqlx::query(
                    "INSERT INTO post_supports (post_id, account_id, kind, created_at)
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(post.0)
                .bind(account.0)
                .bind(kind.as_str())
                .bind(to_seconds(now))
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query(concat!(
                "UPDATE posts SET supports_given = (SELECT COALESCE(SUM(DISTINCT ",
                support_bit!("s.kind"),
                "), 0) FROM post_supports s WHERE s.post_id = posts.id) WHERE id = $1"
            ))
            .bind(post.0)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(removed == 0)
        }
        .await)?;
        Ok(given)
    }

    /// Marks a reply as one that helped the asker, or not.
    pub async fn set_helpful(
        &self,
        thread: PostId,
        reply: PostId,
        helpful: bool,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE posts SET helpful = $3 WHERE id = $2 AND thread_id = $1";
        let changed = on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(thread.0)
                .bind(reply.0)
                .bind(helpful)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        found(changed == 1, Entity::Post)
    }

    /// Pins a thread to the top of the group's page, or unpins it; audited.
    pub async fn set_thread_pinned(
        &self,
        group: GroupId,
        thread: PostId,
        pinned: bool,
        moderator: AccountId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE posts SET pinned = $3
                   WHERE id = $2 AND group_id = $1 AND thread_id IS NULL";
        let action = if pinned {
            AuditAction::PinThread
        } else {
            AuditAction::UnpinThread
        };
        (self.set_thread_flag(sql, group, thread, pinned, moderator, action, now)).await
    }

    /// Closes a thread to new replies, or opens it again; audited.
    pub async fn set_thread_locked(
        &self,
        group: GroupId,
        thread: PostId,
        locked: bool,
        moderator: AccountId,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE posts SET locked = $3
                   WHERE id = $2 AND group_id = $1 AND thread_id IS NULL";
        let action = if locked {
            AuditAction::LockThread
        } else {
            AuditAction::UnlockThread
        };
        (self.set_thread_flag(sql, group, thread, locked, moderator, action, now)).await
    }

    #[allow(clippy::too_many_arguments)]
    async fn set_thread_flag(
        &self,
        sql: &'static str,
        group: GroupId,
        thread: PostId,
        value: bool,
        moderator: AccountId,
        action: AuditAction,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let now = to_seconds(now);
        let changed = on_pool!(self, |pool| {
            let update = sqlx::query(sql).bind(group.0).bind(thread.0).bind(value);
            let post = Some(thread.0);
            audited_update!(
                pool,
                update,
                moderator,
                action,
                group,
                None::<i64>,
                post,
                now
            )
        })?;
        found(changed, Entity::Post)
    }

    /// Makes the HTML and excerpt of every post that has none: posts written
    /// before migration 0009, or since a migration that changed the
    /// renderer and cleared them. A batch at a time, each row written only
    /// if it is still unrendered, so several nodes starting at once agree.
    pub(crate) async fn render_unrendered_posts(&self) -> Result<(), StoreError> {
        const BATCH: i64 = 500;
        // Each batch starts after the last one's posts, so no batch reads
        // the rows an earlier one rendered.
        let mut after = 0;
        let mut rendered_so_far = 0;
        loop {
            let unrendered: Vec<(i64, String)> = on_pool!(self, |pool| {
                sqlx::query_as(
                    "SELECT id, body FROM posts
                     WHERE id > $1 AND (body_html IS NULL OR excerpt IS NULL)
                     ORDER BY id LIMIT $2",
                )
                .bind(after)
                .bind(BATCH)
                .fetch_all(pool)
                .await
            })?;
            let Some((last, _)) = unrendered.last() else {
                if rendered_so_far > 0 {
                    tracing::info!(posts = rendered_so_far, "made the HTML of older posts");
                }
                return Ok(());
            };
            if rendered_so_far == 0 {
                tracing::info!("making the HTML of posts written before it was stored");
            }
            after = *last;
            let before = rendered_so_far;
            rendered_so_far += unrendered.len();
            // A large database takes a minute or so: say how far it is.
            if before / 100_000 != rendered_so_far / 100_000 {
                tracing::info!(
                    posts = rendered_so_far,
                    "made the HTML of older posts so far"
                );
            }
            let rendered: Vec<(i64, RenderedPost)> = (unrendered.into_iter())
                .map(|(id, body)| (id, RenderedPost::of(&body)))
                .collect();
            on_pool!(self, |pool| async {
                let mut tx = pool.begin_write().await?;
                for (id, rendered) in &rendered {
                    sqlx::query(
                        "UPDATE posts SET body_html = $2, excerpt = $3
                         WHERE id = $1 AND (body_html IS NULL OR excerpt IS NULL)",
                    )
                    .bind(id)
                    .bind(&rendered.html)
                    .bind(&rendered.excerpt)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await
            }
            .await)?;
        }
    }

    /// Remembers that `reader` has seen the thread as it was at
    /// `activity` (its last activity when the page was read).
    pub async fn mark_thread_read(
        &self,
        reader: AccountId,
        thread: PostId,
        activity: Timestamp,
    ) -> Result<(), StoreError> {
        let sql = "INSERT INTO thread_reads (account_id, thread_id, seen_activity_at)
                   VALUES ($1, $2, $3)
                   ON CONFLICT (account_id, thread_id) DO UPDATE
                   SET seen_activity_at = $3 WHERE thread_reads.seen_activity_at < $3";
        on_pool!(self, |pool| {
            sqlx::query(sql)
                .bind(reader.0)
                .bind(thread.0)
                .bind(to_seconds(activity))
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use hearth_domain::groups::SupportKind;

    use super::REPLIES_PER_PAGE;

    #[test]
    fn a_page_of_replies_reads_one_more_than_it_shows() {
        assert_eq!(replies_wanted!().parse::<u32>(), Ok(REPLIES_PER_PAGE + 1));
    }

    #[test]
    fn each_kind_of_support_has_its_own_bit() {
        for (bit, kind) in SupportKind::ALL.iter().enumerate() {
            let case = format!("WHEN '{}' THEN {}", kind.as_str(), 1 << bit);
            assert!(support_bit!("kind").contains(&case), "{case}");
            assert_eq!(super::support_bit(*kind), 1 << bit);
            assert!(1 << bit < 16, "the reader's bits start at 16");
        }
        assert_eq!(
            support_bit!("kind").matches("WHEN '").count(),
            SupportKind::ALL.len()
        );
    }
}
