//! Synthetic support groups for `hearth bench groups`: who belongs where,
//! which threads each group has and who wrote what, the same every time for
//! a seed (apart from being placed before "now").
//!
//! Group sizes follow a long tail (a few groups of thousands, a median of
//! about ten), people belong to two or three groups on average, a group has
//! threads in proportion to its members, and replies per thread follow a
//! long tail too (most threads get a handful, a few hundreds, at most
//! [`MAX_REPLIES`]). Posts are numbered in the order they were written, so
//! a thread's replies lie scattered among everything else written
//! meanwhile, as they would in a real database. The text of a post is made
//! only when it is written, from its id: a plan of two million posts holds
//! no text.

use std::collections::HashSet;

use hearth_domain::groups::{
    Description, GroupKind, GroupName, GroupRole, Norms, RenderedPost, ShareKind, SupportKind, Tag,
    Tags, Title,
};
use hearth_store::groups::GroupId;
use hearth_store::groups::bulk::{BulkGroup, BulkMembership, BulkPost, BulkSupport};
use hearth_store::groups::posts::PostId;
use hearth_store::people::AccountId;
use jiff::Timestamp;

use crate::synthetic::Rng;

/// The most replies a thread gets.
pub const MAX_REPLIES: u32 = 2_000;
/// Memberships per person, on average.
const MEMBERSHIPS_PER_PERSON: f64 = 2.5;
/// The share of posts that start a thread.
const SHARE_FRACTION: f64 = 0.2;
/// The smallest group.
const MIN_GROUP_SIZE: usize = 3;
const DAY: i64 = 86_400;

/// How much to make.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub groups: usize,
    pub members: usize,
    pub posts: usize,
    pub seed: u64,
}

/// Everything but the text.
pub struct Plan {
    pub seed: u64,
    pub members: usize,
    /// Group `i` has id `i + 1`.
    pub groups: Vec<GroupPlan>,
    pub threads: Vec<ThreadPlan>,
    /// Post `i` has id `i + 1`; oldest first.
    pub posts: Vec<PostPlan>,
}

pub struct GroupPlan {
    /// Account ids; the first is the owner, the next `facilitators` are
    /// facilitators.
    pub members: Vec<u32>,
    pub facilitators: usize,
    pub kind: GroupKind,
    pub spanish: bool,
    pub created_at: i64,
    pub last_activity_at: i64,
    /// Indexes into [`Plan::threads`].
    pub threads: Vec<u32>,
}

pub struct ThreadPlan {
    pub group: u32,
    /// The share's post id.
    pub share: u32,
    pub replies: u32,
    pub kind: ShareKind,
    pub pinned: bool,
    pub locked: bool,
    pub created_at: i64,
    pub last_activity_at: i64,
}

pub struct PostPlan {
    pub at: i64,
    pub thread: u32,
    /// Account id.
    pub author: u32,
    /// The post id it quotes, or 0.
    pub quoting: u32,
    pub flags: u8,
}

const REPLY: u8 = 1;
const ANONYMOUS: u8 = 2;
const HELPFUL: u8 = 4;

/// What [`Rng`] lacks for this.
trait Draw {
    fn below(&mut self, n: usize) -> usize;
    fn chance(&mut self, probability: f64) -> bool;
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T;
}

impl Draw for Rng {
    fn below(&mut self, n: usize) -> usize {
        ((self.unit() * n as f64) as usize).min(n - 1)
    }

    fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

impl Plan {
    /// Plans `shape` with everything written before `now` (Unix seconds).
    pub fn new(shape: Shape, now: i64) -> Plan {
        let mut rng = Rng::new(shape.seed ^ 0x6A09_E667_F3BC_C908);
        let mut groups = plan_groups(&mut rng, shape, now);
        let mut threads = plan_threads(&mut rng, &mut groups, shape, now);
        let posts = plan_posts(&mut rng, &groups, &mut threads, now);
        for group in &mut groups {
            group.last_activity_at = (group.threads.iter())
                .map(|&thread| threads[thread as usize].last_activity_at)
                .max()
                .unwrap_or(group.created_at);
        }
        Plan {
            seed: shape.seed,
            members: shape.members,
            groups,
            threads,
            posts,
        }
    }

    pub fn memberships(&self) -> usize {
        self.groups.iter().map(|group| group.members.len()).sum()
    }

    /// The replies of the thread whose share has id `share`.
    pub fn reply_count_of(&self, share: i64) -> u32 {
        let post = &self.posts[share as usize - 1];
        self.threads[post.thread as usize].replies
    }

    pub fn replies(&self) -> usize {
        self.posts.len() - self.threads.len()
    }

    /// The groups (ids `first..`) as the store loads them.
    pub fn bulk_groups(&self, range: std::ops::Range<usize>) -> Vec<BulkGroup> {
        range
            .map(|index| {
                let plan = &self.groups[index];
                let mut rng = seeded(self.seed, 0x3C6E_F372_FE94_F82B, index as u64);
                let words = Words::of(plan.spanish);
                BulkGroup {
                    id: GroupId(index as i64 + 1),
                    name: GroupName::parse(&group_name(&mut rng, plan.spanish))
                        .expect("synthetic group names are valid"),
                    description: Description::parse(&sentences(&mut rng, words, 60, 300))
                        .expect("synthetic descriptions are valid"),
                    kind: plan.kind,
                    tags: tags(&mut rng),
                    language: if plan.spanish { "es" } else { "en" }.to_owned(),
                    norms: Norms::parse(norms(&mut rng, plan.spanish))
                        .expect("synthetic norms are valid"),
                    owner: AccountId(i64::from(plan.members[0])),
                    created_at: timestamp(plan.created_at),
                    last_activity_at: timestamp(plan.last_activity_at),
                }
            })
            .collect()
    }

    /// Every membership, group by group.
    pub fn bulk_memberships(&self) -> impl Iterator<Item = BulkMembership> + '_ {
        self.groups.iter().enumerate().flat_map(|(index, group)| {
            group
                .members
                .iter()
                .enumerate()
                .map(move |(place, &account)| BulkMembership {
                    group: GroupId(index as i64 + 1),
                    account: AccountId(i64::from(account)),
                    role: match place {
                        0 => GroupRole::Owner,
                        place if place <= group.facilitators => GroupRole::Facilitator,
                        _ => GroupRole::Member,
                    },
                    joined_at: timestamp(group.created_at + (place as i64 % DAY)),
                })
        })
    }

    /// Posts with ids in `range` (1-based ids are `index + 1`), with their
    /// text, and the supportive responses they had.
    pub fn bulk_posts(&self, range: std::ops::Range<usize>) -> (Vec<BulkPost>, Vec<BulkSupport>) {
        let mut posts = Vec::with_capacity(range.len());
        let mut supports = Vec::new();
        for index in range {
            let plan = &self.posts[index];
            let id = index as i64 + 1;
            let thread = &self.threads[plan.thread as usize];
            let group = &self.groups[thread.group as usize];
            let mut rng = seeded(self.seed, 0xBB67_AE85_84CA_A73B, id as u64);
            let words = Words::of(group.spanish);
            let reply = plan.flags & REPLY != 0;
            let body = if reply {
                // 100 to 1000 characters, most of them short.
                let length = 100 + (900.0 * rng.unit().powi(2)) as usize;
                text(&mut rng, words, length)
            } else {
                // 200 to 1500.
                let length = 200 + (1300.0 * rng.unit().powf(1.5)) as usize;
                text(&mut rng, words, length)
            };
            let title = (!reply && rng.chance(0.75)).then(|| {
                let title = sentence(&mut rng, words, 3, 8, false);
                Title::parse_optional(&title)
                    .expect("synthetic titles are valid")
                    .expect("synthetic titles are not blank")
            });
            for account in supporters(&mut rng, group) {
                supports.push(BulkSupport {
                    post: PostId(id),
                    account: AccountId(i64::from(account)),
                    kind: *rng.pick(&SupportKind::ALL),
                    created_at: timestamp(plan.at + 60 + rng.below(DAY as usize) as i64),
                });
            }
            posts.push(BulkPost {
                id: PostId(id),
                group: GroupId(i64::from(thread.group) + 1),
                thread: reply.then_some(PostId(i64::from(thread.share))),
                author: AccountId(i64::from(plan.author)),
                author_handle: super::groups::handle(i64::from(plan.author)),
                anonymous: plan.flags & ANONYMOUS != 0,
                kind: (!reply).then_some(thread.kind),
                title,
                rendered: RenderedPost::of(&body),
                body,
                quoting: (plan.quoting != 0).then_some(PostId(i64::from(plan.quoting))),
                created_at: timestamp(plan.at),
                pinned: !reply && thread.pinned,
                locked: !reply && thread.locked,
                last_activity_at: timestamp(if reply {
                    plan.at
                } else {
                    thread.last_activity_at
                }),
                reply_count: if reply { 0 } else { i64::from(thread.replies) },
                helpful: plan.flags & HELPFUL != 0,
            });
        }
        (posts, supports)
    }

    /// `count` readings as real traffic would make them: a member of a
    /// group (each membership as likely as any other, so bigger groups are
    /// read more), and a thread of that group (the more replies, the more
    /// likely). Returns (account id, group id, thread's share id).
    pub fn readings(&self, count: usize, seed: u64) -> Vec<(i64, i64, i64)> {
        let mut rng = Rng::new(seed ^ 0xA54F_F53A_5F1D_36F1);
        let mut cumulative = Vec::with_capacity(self.groups.len());
        let mut total = 0;
        for group in &self.groups {
            total += group.members.len();
            cumulative.push(total);
        }
        (0..count)
            .map(|_| {
                let target = rng.below(total);
                let index = cumulative.partition_point(|&end| end <= target);
                let group = &self.groups[index];
                let account = *rng.pick(&group.members);
                let weights: usize = (group.threads.iter())
                    .map(|&thread| 1 + self.threads[thread as usize].replies as usize)
                    .sum();
                let mut target = rng.below(weights);
                let mut chosen = group.threads[0];
                for &thread in &group.threads {
                    let weight = 1 + self.threads[thread as usize].replies as usize;
                    if target < weight {
                        chosen = thread;
                        break;
                    }
                    target -= weight;
                }
                (
                    i64::from(account),
                    index as i64 + 1,
                    i64::from(self.threads[chosen as usize].share),
                )
            })
            .collect()
    }
}

/// A generator of its own for item `number` of a kind (`salt`): the
/// numbers are mixed, so neighbours' streams do not overlap.
fn seeded(seed: u64, salt: u64, number: u64) -> Rng {
    let mut z = seed ^ salt ^ number.wrapping_mul(0xD1B5_4A32_D192_ED03);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    Rng::new(z ^ (z >> 31))
}

/// Up to four members who responded to a post; most posts get none.
fn supporters(rng: &mut Rng, group: &GroupPlan) -> Vec<u32> {
    let roll = rng.unit();
    let wanted = match roll {
        r if r < 0.6 => 0,
        r if r < 0.85 => 1,
        r if r < 0.95 => 2,
        _ => 3 + rng.below(2),
    }
    .min(group.members.len());
    let mut chosen = Vec::with_capacity(wanted);
    while chosen.len() < wanted {
        let account = *rng.pick(&group.members);
        if !chosen.contains(&account) {
            chosen.push(account);
        }
    }
    chosen
}

pub fn timestamp(seconds: i64) -> Timestamp {
    Timestamp::from_second(seconds).expect("synthetic times are in range")
}

fn plan_groups(rng: &mut Rng, shape: Shape, now: i64) -> Vec<GroupPlan> {
    // A long tail: the group of rank r gets a share of the memberships
    // proportional to (r + 5)^-0.9, at least MIN_GROUP_SIZE members.
    let wanted = shape.members as f64 * MEMBERSHIPS_PER_PERSON;
    let weights: Vec<f64> = (0..shape.groups)
        .map(|rank| (rank as f64 + 5.0).powf(-0.9))
        .collect();
    let total: f64 = weights.iter().sum();
    let mut sizes: Vec<usize> = (weights.iter())
        .map(|weight| {
            ((wanted * weight / total).round() as usize)
                .max(MIN_GROUP_SIZE)
                .min(shape.members)
        })
        .collect();
    // The biggest groups are not the oldest ones, or the first ids.
    for index in (1..sizes.len()).rev() {
        sizes.swap(index, rng.below(index + 1));
    }
    let mut chosen = HashSet::new();
    sizes
        .into_iter()
        .map(|size| {
            chosen.clear();
            let mut members = Vec::with_capacity(size);
            while members.len() < size {
                let account = 1 + rng.below(shape.members) as u32;
                if chosen.insert(account) {
                    members.push(account);
                }
            }
            let kind = match rng.unit() {
                r if r < 0.7 => GroupKind::Open,
                r if r < 0.9 => GroupKind::Request,
                _ => GroupKind::Hidden,
            };
            let created_at = now - 30 * DAY - rng.below(3 * 365 * DAY as usize) as i64;
            GroupPlan {
                facilitators: (size / 50).clamp(1, 5).min(size - 1),
                members,
                kind,
                spanish: rng.chance(0.15),
                created_at,
                last_activity_at: created_at,
                threads: Vec::new(),
            }
        })
        .collect()
}

fn plan_threads(
    rng: &mut Rng,
    groups: &mut [GroupPlan],
    shape: Shape,
    now: i64,
) -> Vec<ThreadPlan> {
    let memberships: usize = groups.iter().map(|group| group.members.len()).sum();
    let shares = (shape.posts as f64 * SHARE_FRACTION).max(groups.len() as f64);
    let mut threads = Vec::new();
    for (index, group) in groups.iter_mut().enumerate() {
        let count =
            ((shares * group.members.len() as f64 / memberships as f64).round() as usize).max(1);
        for number in 0..count {
            let created_at = group.created_at
                + 3600
                + rng.below((now - group.created_at - 7200) as usize) as i64;
            group.threads.push(threads.len() as u32);
            threads.push(ThreadPlan {
                group: index as u32,
                share: 0,
                replies: 0,
                kind: match rng.unit() {
                    r if r < 0.7 => ShareKind::Share,
                    r if r < 0.9 => ShareKind::Question,
                    _ => ShareKind::Celebration,
                },
                // A welcome thread, in half the groups big enough for one.
                pinned: number == 0 && group.members.len() >= 10 && rng.chance(0.5),
                locked: rng.chance(0.01),
                created_at,
                last_activity_at: created_at,
            });
        }
    }
    // The posts left over are replies, spread with a long tail (Pareto, 1.5).
    let replies = shape.posts.saturating_sub(threads.len());
    let weights: Vec<f64> = (0..threads.len())
        .map(|_| (1.0 - rng.unit()).powf(-1.0 / 1.5))
        .collect();
    let total: f64 = weights.iter().sum();
    let mut given = 0;
    for (thread, weight) in threads.iter_mut().zip(&weights) {
        thread.replies = ((replies as f64 * weight / total) as u32).min(MAX_REPLIES);
        given += thread.replies as usize;
    }
    // What rounding and the cap left, one at a time to any thread.
    let mut tries = 0;
    while given < replies && tries < replies * 20 {
        tries += 1;
        let thread = &mut threads[rng.below(weights.len())];
        if thread.replies < MAX_REPLIES {
            thread.replies += 1;
            given += 1;
        }
    }
    threads
}

fn plan_posts(
    rng: &mut Rng,
    groups: &[GroupPlan],
    threads: &mut [ThreadPlan],
    now: i64,
) -> Vec<PostPlan> {
    let total: usize = threads
        .iter()
        .map(|thread| 1 + thread.replies as usize)
        .sum();
    let mut posts = Vec::with_capacity(total);
    let mut times = Vec::new();
    for (index, thread) in threads.iter_mut().enumerate() {
        let group = &groups[thread.group as usize];
        let thread_index = index as u32;
        posts.push(PostPlan {
            at: thread.created_at,
            thread: thread_index,
            author: *rng.pick(&group.members),
            quoting: 0,
            flags: if rng.chance(0.1) { ANONYMOUS } else { 0 },
        });
        // Replies come over a span of time: mostly days, sometimes months.
        let span = ((now - 60 - thread.created_at) as f64 * rng.unit().powi(3)) as i64;
        times.clear();
        times.extend((0..thread.replies).map(|_| 1 + (span as f64 * rng.unit()) as i64));
        times.sort_unstable();
        for &after in &times {
            let mut flags = REPLY;
            if rng.chance(0.08) {
                flags |= ANONYMOUS;
            }
            if thread.kind == ShareKind::Question && rng.chance(0.05) {
                flags |= HELPFUL;
            }
            posts.push(PostPlan {
                at: thread.created_at + after,
                thread: thread_index,
                author: *rng.pick(&group.members),
                // Filled in once posts have their ids.
                quoting: u32::from(rng.chance(0.03)),
                flags,
            });
        }
        thread.last_activity_at = thread.created_at + times.last().copied().unwrap_or(0);
    }
    // Ids in the order posts were written; a share before its replies.
    posts.sort_by_key(|post| (post.at, post.flags & REPLY, post.thread));
    // The latest post of each thread so far, which a quoting reply quotes.
    let mut latest = vec![0u32; threads.len()];
    for (index, post) in posts.iter_mut().enumerate() {
        let id = index as u32 + 1;
        let thread = post.thread as usize;
        if post.flags & REPLY == 0 {
            threads[thread].share = id;
        } else if post.quoting != 0 {
            post.quoting = latest[thread];
        }
        latest[thread] = id;
    }
    posts
}

fn tags(rng: &mut Rng) -> Tags {
    let first = rng.pick(&Tag::ALL).as_str();
    let second = rng.pick(&Tag::ALL).as_str();
    let wanted: &[&str] = if rng.chance(0.4) {
        &[first, second]
    } else {
        &[first]
    };
    Tags::parse(wanted.iter().copied()).expect("synthetic tags are valid")
}

fn norms(rng: &mut Rng, spanish: bool) -> &'static str {
    let all = if spanish {
        SPANISH_NORMS
    } else {
        ENGLISH_NORMS
    };
    all[rng.below(all.len())]
}

fn group_name(rng: &mut Rng, spanish: bool) -> String {
    if spanish {
        format!(
            "{} {} {}",
            rng.pick(SPANISH_GATHERINGS),
            rng.pick(SPANISH_FOCUSES),
            rng.pick(SPANISH_TIMES)
        )
    } else {
        format!(
            "{} {} {}",
            rng.pick(ENGLISH_TIMES),
            rng.pick(ENGLISH_FOCUSES),
            rng.pick(ENGLISH_GATHERINGS)
        )
    }
}

#[derive(Clone, Copy)]
struct Words(&'static [&'static str]);

impl Words {
    fn of(spanish: bool) -> Words {
        Words(if spanish {
            SPANISH_WORDS
        } else {
            ENGLISH_WORDS
        })
    }
}

/// Sentences until at least `min` characters, cut at `max`.
fn sentences(rng: &mut Rng, words: Words, min: usize, max: usize) -> String {
    let mut out = String::new();
    while out.len() < min {
        if !out.is_empty() {
            out.push(' ');
        }
        write_sentence(&mut out, rng, words, 5, 16, true);
    }
    cut(out, max)
}

/// A post's text: paragraphs of sentences, sometimes a word in bold or
/// italics, at least `length` characters and at most 1500.
fn text(rng: &mut Rng, words: Words, length: usize) -> String {
    let mut out = String::with_capacity(length + 120);
    let mut in_paragraph = 0;
    while out.len() < length {
        if in_paragraph > 0 && rng.chance(0.3) {
            out.push_str("\n\n");
            in_paragraph = 0;
        } else if in_paragraph > 0 {
            out.push(' ');
        }
        write_sentence(&mut out, rng, words, 5, 16, true);
        in_paragraph += 1;
    }
    cut(out, 1500)
}

fn sentence(rng: &mut Rng, words: Words, fewest: usize, most: usize, stop: bool) -> String {
    let mut out = String::new();
    write_sentence(&mut out, rng, words, fewest, most, stop);
    out
}

/// Appends a sentence of `fewest..=most` words, capitalised, sometimes with
/// a comma or a word in bold or italics.
fn write_sentence(
    out: &mut String,
    rng: &mut Rng,
    words: Words,
    fewest: usize,
    most: usize,
    stop: bool,
) {
    let count = fewest + rng.below(most - fewest + 1);
    let emphasis = rng.chance(0.05).then(|| rng.below(count));
    for place in 0..count {
        let word = *rng.pick(words.0);
        if place > 0 {
            out.push_str(if rng.chance(0.06) { ", " } else { " " });
        }
        let mark = (emphasis == Some(place)).then(|| if rng.chance(0.5) { "**" } else { "*" });
        if let Some(mark) = mark {
            out.push_str(mark);
        }
        if place == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(word);
        }
        if let Some(mark) = mark {
            out.push_str(mark);
        }
    }
    if stop {
        out.push(*rng.pick(&['.', '.', '.', '.', '!', '?']));
    }
}

/// At most `max` characters, ending at a word.
fn cut(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        return text;
    }
    let end = text
        .char_indices()
        .nth(max)
        .map_or(text.len(), |(at, _)| at);
    let kept = &text[..end];
    let kept = kept.rfind(' ').map_or(kept, |space| &kept[..space]);
    kept.trim_end_matches([',', '*']).to_owned()
}

const ENGLISH_TIMES: &[&str] = &[
    "Morning",
    "Evening",
    "Late Night",
    "Weekend",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Sunday",
    "Daily",
    "Lunchtime",
];
const ENGLISH_FOCUSES: &[&str] = &[
    "Grief",
    "Sober",
    "Recovery",
    "Family",
    "Hope",
    "New Beginnings",
    "Parents",
    "Young People's",
    "Gambling Recovery",
    "Caregivers",
    "One Day at a Time",
    "Anxiety",
    "Loss",
    "Serenity",
    "Steps",
    "Open Hearts",
    "Living Sober",
    "Second Chances",
];
const ENGLISH_GATHERINGS: &[&str] = &[
    "Circle",
    "Group",
    "Check-in",
    "Gathering",
    "Support Group",
    "Fellowship",
    "Table",
    "Meeting Room",
    "Corner",
    "Community",
];
const SPANISH_TIMES: &[&str] = &[
    "de la Mañana",
    "de la Tarde",
    "de la Noche",
    "del Fin de Semana",
    "del Lunes",
    "del Martes",
    "del Jueves",
    "Diario",
];
const SPANISH_FOCUSES: &[&str] = &[
    "de Duelo",
    "Sobrio",
    "de Recuperación",
    "de Familias",
    "de Esperanza",
    "de Padres",
    "de Jóvenes",
    "Serenidad",
    "Un Día a la Vez",
    "Nuevo Comienzo",
];
const SPANISH_GATHERINGS: &[&str] = &["Círculo", "Grupo", "Encuentro", "Comunidad", "Rueda"];

const ENGLISH_NORMS: &[&str] = &[
    "What is shared here stays here. Speak from your own experience, not advice. \
     No cross-talk: listen, then share your own story. Be kind, to others and to yourself.",
    "1. Confidentiality: who you see here and what you hear here stays here.\n\
     2. Share your own experience; give advice only when asked.\n\
     3. No judgement, no shaming, no selling.\n\
     4. If someone is in danger, tell a facilitator.",
    "We keep each other's stories private. We take turns and we listen. \
     We do not fix, save or set each other straight. We welcome newcomers.",
];
const SPANISH_NORMS: &[&str] = &[
    "Lo que se comparte aquí, se queda aquí. Habla desde tu experiencia, sin dar consejos. \
     Escucha sin interrumpir. Sé amable con los demás y contigo.",
    "1. Confidencialidad.\n2. Comparte tu propia experiencia.\n\
     3. Sin juicios ni vergüenza.\n4. Si alguien corre peligro, avisa a quien facilita.",
];

const ENGLISH_WORDS: &[&str] = &[
    "today",
    "I",
    "we",
    "you",
    "it",
    "was",
    "am",
    "have",
    "had",
    "felt",
    "feel",
    "feeling",
    "hard",
    "easier",
    "day",
    "days",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "meeting",
    "meetings",
    "sponsor",
    "group",
    "friend",
    "family",
    "mother",
    "father",
    "sister",
    "brother",
    "kids",
    "work",
    "home",
    "craving",
    "cravings",
    "sober",
    "sobriety",
    "clean",
    "recovery",
    "relapse",
    "slip",
    "honest",
    "honesty",
    "grateful",
    "gratitude",
    "hope",
    "fear",
    "anger",
    "resentment",
    "acceptance",
    "serenity",
    "courage",
    "wisdom",
    "change",
    "step",
    "steps",
    "program",
    "service",
    "coffee",
    "call",
    "called",
    "phone",
    "talked",
    "listened",
    "shared",
    "share",
    "story",
    "stories",
    "loss",
    "grief",
    "miss",
    "missing",
    "remember",
    "memory",
    "better",
    "worse",
    "still",
    "again",
    "never",
    "always",
    "sometimes",
    "finally",
    "slowly",
    "really",
    "just",
    "only",
    "and",
    "but",
    "so",
    "because",
    "when",
    "then",
    "after",
    "before",
    "with",
    "without",
    "for",
    "from",
    "about",
    "into",
    "through",
    "around",
    "the",
    "a",
    "an",
    "my",
    "our",
    "your",
    "this",
    "that",
    "these",
    "those",
    "one",
    "two",
    "three",
    "ninety",
    "first",
    "last",
    "new",
    "old",
    "small",
    "big",
    "quiet",
    "loud",
    "tired",
    "rested",
    "calm",
    "anxious",
    "scared",
    "proud",
    "thankful",
    "alone",
    "together",
    "safe",
    "lost",
    "found",
    "walk",
    "walked",
    "slept",
    "ate",
    "cried",
    "laughed",
    "prayed",
    "wrote",
    "journal",
    "breathe",
    "breathing",
    "pause",
    "moment",
    "patience",
    "kindness",
    "boundaries",
    "trust",
    "forgive",
    "forgiveness",
    "amends",
    "willing",
    "surrender",
    "higher",
    "power",
    "strength",
    "weakness",
    "help",
    "helped",
    "helping",
    "asked",
    "ask",
    "reach",
    "out",
    "keep",
    "coming",
    "back",
    "thank",
    "thanks",
    "everyone",
    "here",
    "there",
    "how",
    "what",
    "why",
    "who",
];
const SPANISH_WORDS: &[&str] = &[
    "hoy",
    "yo",
    "nosotros",
    "tú",
    "fue",
    "estoy",
    "tengo",
    "tuve",
    "sentí",
    "siento",
    "difícil",
    "fácil",
    "día",
    "días",
    "semana",
    "mes",
    "año",
    "noche",
    "mañana",
    "reunión",
    "reuniones",
    "padrino",
    "madrina",
    "grupo",
    "amigo",
    "amiga",
    "familia",
    "madre",
    "padre",
    "hermana",
    "hermano",
    "hijos",
    "trabajo",
    "casa",
    "ganas",
    "sobrio",
    "sobriedad",
    "limpio",
    "recuperación",
    "recaída",
    "honesto",
    "honestidad",
    "agradecido",
    "gratitud",
    "esperanza",
    "miedo",
    "enojo",
    "resentimiento",
    "aceptación",
    "serenidad",
    "valor",
    "sabiduría",
    "cambio",
    "paso",
    "pasos",
    "programa",
    "servicio",
    "café",
    "llamada",
    "llamé",
    "hablé",
    "escuché",
    "compartí",
    "historia",
    "pérdida",
    "duelo",
    "extraño",
    "recuerdo",
    "mejor",
    "peor",
    "todavía",
    "otra",
    "vez",
    "nunca",
    "siempre",
    "a",
    "veces",
    "por",
    "fin",
    "poco",
    "solo",
    "y",
    "pero",
    "porque",
    "cuando",
    "después",
    "antes",
    "con",
    "sin",
    "para",
    "de",
    "sobre",
    "el",
    "la",
    "los",
    "las",
    "un",
    "una",
    "mi",
    "nuestro",
    "tu",
    "este",
    "esta",
    "primero",
    "último",
    "nuevo",
    "viejo",
    "tranquilo",
    "cansado",
    "calma",
    "ansioso",
    "orgulloso",
    "solo",
    "juntos",
    "seguro",
    "perdido",
    "caminé",
    "dormí",
    "lloré",
    "reí",
    "recé",
    "escribí",
    "respirar",
    "pausa",
    "momento",
    "paciencia",
    "bondad",
    "límites",
    "confianza",
    "perdonar",
    "perdón",
    "dispuesto",
    "fuerza",
    "ayuda",
    "ayudó",
    "pedí",
    "gracias",
    "todos",
    "aquí",
    "cómo",
    "qué",
    "quién",
];
