//! `hearth bench groups`: thousands of support groups holding millions of
//! shares and replies, and how fast the server shows a group's page and a
//! thread's page to its members under load.
//!
//! The data is planned in this process ([`super::groups_data`]) and written
//! with the store's bulk loader, not through the app's own paths (which
//! would take hours for two million posts); the pages are then read through
//! the real server, each request signed in as a member of the group it
//! reads, with a session token of that member's.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use hearth_domain::people::NewPassword;
use hearth_store::groups::bulk::{BulkAccount, BulkLoader, BulkMembership, BulkSession};
use hearth_store::people::AccountId;
use hearth_store::{Store, StoreError};
use jiff::{SignedDuration, Timestamp};
use reqwest::StatusCode;
use serde_json::json;
use tokio::time::Instant;

use super::groups_data::{MAX_REPLIES, Plan, Shape};
use super::{
    Scratch, Server, Target, Until, build_kind, client, cpus, judge_load, load, measured_load,
    millis, print_loads,
};
use crate::Exit;

#[derive(Debug, clap::Args)]
pub struct GroupsArgs {
    /// How many groups.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    groups: usize,
    /// How many people; each belongs to a few groups (2.5 on average).
    #[arg(long, default_value_t = 100_000, value_name = "N")]
    members: usize,
    /// Shares and replies in all (a fifth of them shares).
    #[arg(long, default_value_t = 2_000_000, value_name = "N")]
    posts: usize,
    /// How long each load runs.
    #[arg(long, default_value_t = 8, value_name = "SECONDS")]
    seconds: u64,
    /// Requests in flight at once, each on its own connection.
    #[arg(long, default_value_t = 32, value_name = "N")]
    connections: usize,
    /// The seed of the synthetic groups (and of which pages are read).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Measure again on a database an earlier run loaded, with the same
    /// --groups, --members, --posts and --seed, within a day (its sessions
    /// last that long), instead of loading an empty one.
    #[arg(long)]
    reuse: bool,
}

/// The targets (issue #5), for 10,000 groups, 100,000 members and
/// 2,000,000 shares and replies, on SQLite and on PostgreSQL.
const TARGET_PAGE_P99: Duration = Duration::from_millis(20);
/// A page's throughput as a share of `/healthz`'s.
const TARGET_THROUGHPUT_SHARE: f64 = 0.30;

/// Readings (a member, one of their groups, a thread of it) the loads
/// cycle through; each reader has a session of their own.
const READINGS: usize = 2_048;
/// How many readings are fetched once first, to check them and size them.
const CHECKED_READINGS: usize = 64;
/// Every synthetic person's password.
const PASSWORD: &str = "bench-kettle-on-the-hob";
/// Rows handed to the loader at a time.
const ACCOUNTS_PER_BATCH: usize = 50_000;
const GROUPS_PER_BATCH: usize = 5_000;
const MEMBERSHIPS_PER_BATCH: usize = 50_000;
const POSTS_PER_BATCH: usize = 20_000;

/// `database` is the URL named on the command line or in the environment;
/// without one the bench makes a throw-away SQLite file.
pub async fn run(args: GroupsArgs, database: Option<String>) -> Result<(), Exit> {
    if args.groups == 0 || args.seconds == 0 || args.connections == 0 {
        return Err(Exit::refused(
            "--groups, --seconds and --connections must be more than 0",
        ));
    }
    // Ids are planned as u32s.
    let most = u32::MAX as usize / 2;
    if args.members < 3 || args.posts < args.groups || args.members > most || args.posts > most {
        return Err(Exit::refused(
            "give at least 3 --members, at least as many --posts as --groups, \
             and at most a billion of each",
        ));
    }
    if args.reuse && database.is_none() {
        return Err(Exit::refused(
            "--reuse measures a database an earlier run loaded: name it with --database",
        ));
    }
    let scratch = Scratch::new()?;
    let database =
        database.unwrap_or_else(|| format!("sqlite://{}", scratch.path.join("bench.db").display()));
    println!(
        "hearth bench groups: {} groups, {} members, {} shares and replies (seed {}), {} CPUs, \
         {}, {}",
        args.groups,
        args.members,
        args.posts,
        args.seed,
        cpus(),
        build_kind(),
        Timestamp::now().strftime("%Y-%m-%d %H:%M UTC"),
    );

    let store = crate::open(&database).await?;
    let filled = if args.reuse {
        Ok(planned(&args))
    } else {
        fill(&store, &args).await
    };
    // The server opens the database on its own.
    store.close().await;
    let filled = filled?;

    let server = Server::start(&database)?;
    println!("Server: {}", server.describe());
    let client = client(args.connections)?;
    check(&client, &server.base, &filled).await?;

    let group_pages: Vec<Target> = (filled.readings.iter())
        .map(|reading| {
            Target::signed_in(
                format!("{}/groups/{}", server.base, reading.group),
                &reading.token,
            )
        })
        .collect();
    let thread_pages: Vec<Target> = (filled.readings.iter())
        .map(|reading| {
            Target::signed_in(
                format!(
                    "{}/groups/{}/threads/{}",
                    server.base, reading.group, reading.thread
                ),
                &reading.token,
            )
        })
        .collect();
    warm_up(&client, &[&group_pages, &thread_pages], args.connections).await?;
    let healthz = vec![Target::anonymous(format!("{}/healthz", server.base))];
    let duration = Duration::from_secs(args.seconds);
    println!(
        "Load: {} connections, {} s for each of the three, one after another; {} readings \
         (a member, a group of theirs, a thread of it) in turn, each signed in with the \
         member's own session",
        args.connections,
        args.seconds,
        filled.readings.len()
    );
    let loads = [
        ("/healthz", healthz),
        ("group page", group_pages),
        ("thread page", thread_pages),
    ];
    let mut measured = Vec::new();
    for (name, targets) in loads {
        let load = measured_load(&client, &server, targets, args.connections, duration).await;
        measured.push((name, load));
    }
    let [(_, health), (_, group), (_, thread)] = &measured[..] else {
        unreachable!("three loads ran");
    };
    let (health, group, thread) = (&health.load, &group.load, &thread.load);

    print_loads(&[
        ("/healthz", health),
        ("group page", group),
        ("thread page", thread),
    ]);
    let cpu: Vec<String> = (measured.iter())
        .map(|(name, load)| format!("{name} {}", load.per_request()))
        .collect();
    println!(
        "CPU time per answered request, `hearth serve`'s{} and this load generator's: {}",
        if database.starts_with("sqlite:") {
            ""
        } else {
            " (PostgreSQL's processes not counted)"
        },
        cpu.join("; ")
    );
    println!();
    println!(
        "Against the targets (set for 10000 groups, 100000 members, 2000000 shares and \
         replies, on SQLite and on PostgreSQL):"
    );
    for (name, load) in [("group page", group), ("thread page", thread)] {
        judge_load(name, load, health, TARGET_PAGE_P99, TARGET_THROUGHPUT_SHARE);
    }
    if let Some(load_time) = filled.load_time {
        println!(
            "  {:<26} {:.1} s (no target)",
            "load (bulk)",
            load_time.as_secs_f64()
        );
    }
    match server.memory() {
        Some(memory) => println!(
            "  {:<26} {:.0} MB (RSS {:.0} MB, the mapped database file included; no target)",
            "server peak memory",
            memory.own_peak_mb.unwrap_or(memory.peak_mb),
            memory.peak_mb
        ),
        None => println!("  server peak memory: unknown (no /proc/PID/status here)"),
    }
    Ok(())
}

/// Asks for every page once, unmeasured, so the loads measure a server in
/// use rather than one just started: the pages the readings touch cached
/// by the database, its connections open with their statements prepared,
/// and each reader's visit to their thread recorded (a first visit writes).
async fn warm_up(
    client: &reqwest::Client,
    pages: &[&Vec<Target>],
    connections: usize,
) -> Result<(), Exit> {
    let started = Instant::now();
    let mut asked = 0;
    for targets in pages {
        let warmed = load(client, targets.to_vec(), connections, Until::EachTargetOnce).await;
        if let Some(why) = warmed.first_failure {
            return Err(Exit::setup(format!(
                "warming up, {} of {} pages failed; the first: {why}",
                warmed.failed,
                targets.len()
            )));
        }
        asked += targets.len();
    }
    println!(
        "Warm-up: each of the {asked} pages the loads read asked for once, unmeasured ({:.1} s)",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A member reading one of their groups and one of its threads.
struct Reading {
    account: i64,
    handle: String,
    group: i64,
    thread: i64,
    /// The thread's replies.
    replies: u32,
    token: String,
}

/// What the load left to read.
struct Filled {
    readings: Vec<Reading>,
    /// A group and someone who is not one of its members.
    stranger: (i64, String),
    /// How long the bulk load took; `None` when an earlier run's is reused.
    load_time: Option<Duration>,
}

/// The handle of synthetic account `account`.
pub(super) fn handle(account: i64) -> String {
    format!("member{account}")
}

/// Plans the data, writes it with the bulk loader and gives each reader a
/// session.
async fn fill(store: &Store, args: &GroupsArgs) -> Result<Filled, Exit> {
    let mut loader = store.bulk_loader().await.map_err(|e| match e {
        StoreError::Conflict(_) => Exit::refused(
            "the database already has accounts, groups or posts; give the bench an empty one",
        ),
        e => Exit::setup(format!("cannot start loading: {e}")),
    })?;
    let shape = Shape {
        groups: args.groups,
        members: args.members,
        posts: args.posts,
        seed: args.seed,
    };
    let now = Timestamp::now();
    let started = Instant::now();
    let plan = tokio::task::spawn_blocking(move || Plan::new(shape, now.as_second()))
        .await
        .map_err(|e| Exit::setup(format!("planning failed: {e}")))?;
    let plan = Arc::new(plan);
    println!(
        "Plan: {:.1} s. {}",
        started.elapsed().as_secs_f64(),
        describe(&plan)
    );
    let password = NewPassword::parse(PASSWORD).expect("the bench password passes the rules");
    let password_hash = hearth_web::auth::password::hash(&password)
        .await
        .map_err(|e| Exit::setup(format!("cannot hash the password: {e:?}")))?;

    println!("Load into {:?}, with the bulk loader:", store.backend());
    let failed = |what: &'static str| move |e: StoreError| Exit::setup(format!("{what}: {e}"));
    let started = Instant::now();
    let mut stages = Vec::new();
    let stage = Instant::now();
    let accounts_created = now - SignedDuration::from_hours(4 * 365 * 24);
    for first in (1..=args.members).step_by(ACCOUNTS_PER_BATCH) {
        let last = (first + ACCOUNTS_PER_BATCH - 1).min(args.members);
        let accounts: Vec<BulkAccount> = (first..=last)
            .map(|id| BulkAccount {
                id: AccountId(id as i64),
                handle: handle(id as i64),
                created_at: accounts_created,
            })
            .collect();
        (loader.accounts(&accounts, &password_hash).await).map_err(failed("writing accounts"))?;
    }
    stages.push(("accounts", stage.elapsed()));

    let stage = Instant::now();
    for first in (0..plan.groups.len()).step_by(GROUPS_PER_BATCH) {
        let groups = plan.bulk_groups(first..(first + GROUPS_PER_BATCH).min(plan.groups.len()));
        (loader.groups(&groups).await).map_err(failed("writing groups"))?;
    }
    stages.push(("groups and norms", stage.elapsed()));

    let stage = Instant::now();
    let mut memberships = plan.bulk_memberships();
    loop {
        let batch: Vec<BulkMembership> = memberships.by_ref().take(MEMBERSHIPS_PER_BATCH).collect();
        if batch.is_empty() {
            break;
        }
        (loader.memberships(&batch).await).map_err(failed("writing memberships"))?;
    }
    stages.push(("memberships", stage.elapsed()));

    let stage = Instant::now();
    let supports = write_posts(&mut loader, &plan).await?;
    stages.push(("posts and supports", stage.elapsed()));

    let stage = Instant::now();
    let (readings, sessions) = readings(&plan, args.seed);
    let expires_at = now + SignedDuration::from_hours(24);
    let sessions: Vec<BulkSession> = (sessions.into_iter())
        .map(|(account, token)| BulkSession {
            account: AccountId(account),
            token_hash: hearth_web::auth::session::token_hash(&token),
            created_at: now,
            expires_at,
        })
        .collect();
    (loader.sessions(&sessions).await).map_err(failed("writing sessions"))?;
    stages.push(("sessions", stage.elapsed()));

    let stage = Instant::now();
    (loader.finish().await).map_err(failed("finishing the load"))?;
    stages.push(("finishing", stage.elapsed()));
    let load_time = started.elapsed();
    let stages: Vec<String> = (stages.iter())
        .map(|(name, took)| format!("{name} {:.1} s", took.as_secs_f64()))
        .collect();
    println!("  {}", stages.join(", "));
    println!(
        "  {} rows in {:.1} s ({} supportive responses, {} sessions; the finishing {})",
        args.members
            + 2 * plan.groups.len()
            + 2 * plan.memberships()
            + plan.posts.len()
            + supports
            + sessions.len(),
        load_time.as_secs_f64(),
        supports,
        sessions.len(),
        match store.backend() {
            hearth_store::Backend::Sqlite => "folds the write-ahead log into the file",
            hearth_store::Backend::Postgres => "moves the id sequences on and runs VACUUM ANALYZE",
        }
    );

    Ok(Filled {
        stranger: stranger(&plan, &readings, args.members),
        readings,
        load_time: Some(load_time),
    })
}

/// What an earlier run loaded, planned again (the plan is the seed's).
fn planned(args: &GroupsArgs) -> Filled {
    let shape = Shape {
        groups: args.groups,
        members: args.members,
        posts: args.posts,
        seed: args.seed,
    };
    let plan = Plan::new(shape, Timestamp::now().as_second());
    let (readings, _) = readings(&plan, args.seed);
    println!("Reusing the loaded database: {}", describe(&plan));
    Filled {
        stranger: stranger(&plan, &readings, args.members),
        readings,
        load_time: None,
    }
}

/// A group and someone outside it, for the privacy check.
fn stranger(plan: &Plan, readings: &[Reading], members: usize) -> (i64, String) {
    let first = &readings[0];
    let group_members = &plan.groups[first.group as usize - 1].members;
    let stranger = (1..=members as u32)
        .find(|account| !group_members.contains(account))
        .map_or_else(String::new, |account| handle(i64::from(account)));
    (first.group, stranger)
}

/// Writes every post and its supportive responses, batch by batch; the
/// next batch's text is made on another thread while one is written.
/// Returns how many supportive responses there were.
async fn write_posts(loader: &mut BulkLoader, plan: &Arc<Plan>) -> Result<usize, Exit> {
    let (sender, mut receiver) = tokio::sync::mpsc::channel(2);
    let producer = {
        let plan = Arc::clone(plan);
        std::thread::spawn(move || {
            for first in (0..plan.posts.len()).step_by(POSTS_PER_BATCH) {
                let batch = plan.bulk_posts(first..(first + POSTS_PER_BATCH).min(plan.posts.len()));
                if sender.blocking_send(batch).is_err() {
                    break;
                }
            }
        })
    };
    let mut supports = 0;
    while let Some((posts, responses)) = receiver.recv().await {
        (loader.posts(&posts, &responses).await)
            .map_err(|e| Exit::setup(format!("writing posts: {e}")))?;
        supports += responses.len();
    }
    producer
        .join()
        .map_err(|_| Exit::setup("making the posts' text failed"))?;
    Ok(supports)
}

/// The readings, and the session (account, token) of each reader.
fn readings(plan: &Plan, seed: u64) -> (Vec<Reading>, Vec<(i64, String)>) {
    let token = |account: i64| format!("bench-session-{seed}-{account}");
    let readings: Vec<Reading> = (plan.readings(READINGS, seed).into_iter())
        .map(|(account, group, thread)| Reading {
            account,
            handle: handle(account),
            group,
            thread,
            replies: plan.reply_count_of(thread),
            token: token(account),
        })
        .collect();
    let readers: BTreeSet<i64> = readings.iter().map(|reading| reading.account).collect();
    let sessions = readers
        .into_iter()
        .map(|account| (account, token(account)))
        .collect();
    (readings, sessions)
}

/// The data's shape in a few lines.
fn describe(plan: &Plan) -> String {
    let mut sizes: Vec<usize> = plan
        .groups
        .iter()
        .map(|group| group.members.len())
        .collect();
    sizes.sort_unstable();
    let mut replies: Vec<u32> = plan.threads.iter().map(|thread| thread.replies).collect();
    replies.sort_unstable();
    let kinds = |kind| {
        (plan.groups.iter())
            .filter(|group| group.kind == kind)
            .count()
    };
    let spanish = plan.groups.iter().filter(|group| group.spanish).count();
    let pinned = plan.threads.iter().filter(|thread| thread.pinned).count();
    let locked = plan.threads.iter().filter(|thread| thread.locked).count();
    let percentile = |sorted: &[u32], percent: usize| sorted[(sorted.len() - 1) * percent / 100];
    format!(
        "{} groups of {} to {} members (median {}, 99th percentile {}; {} open, {} by request, \
         {} hidden; {} in Spanish), {} memberships of {} people; {} threads ({} pinned, {} \
         locked) with {} replies (per thread: median {}, 90th percentile {}, 99th {}, most {}, \
         at most {MAX_REPLIES}); shares 200-1500 characters, replies 100-1000, about 10% \
         anonymous",
        plan.groups.len(),
        sizes[0],
        sizes[sizes.len() - 1],
        sizes[sizes.len() / 2],
        sizes[(sizes.len() - 1) * 99 / 100],
        kinds(hearth_domain::groups::GroupKind::Open),
        kinds(hearth_domain::groups::GroupKind::Request),
        kinds(hearth_domain::groups::GroupKind::Hidden),
        spanish,
        plan.memberships(),
        plan.members,
        plan.threads.len(),
        pinned,
        locked,
        plan.replies(),
        percentile(&replies, 50),
        percentile(&replies, 90),
        percentile(&replies, 99),
        replies[replies.len() - 1],
    )
}

/// Before the loads: one sign-in through the API (the loaded password hash
/// is a real one), each of the first readings' pages once (they must all
/// answer 200), and a stranger's request for a group page (it must answer
/// 404: the pages are behind the membership wall).
async fn check(client: &reqwest::Client, base: &str, filled: &Filled) -> Result<(), Exit> {
    let first = &filled.readings[0];
    let sent = Instant::now();
    let signed_in = client
        .post(format!("{base}/api/v1/sessions"))
        .json(&json!({ "handle": first.handle, "password": PASSWORD }))
        .send()
        .await
        .map_err(|e| Exit::refused(format!("signing in failed: {e}")))?;
    let took = sent.elapsed();
    if signed_in.status() != StatusCode::CREATED {
        return Err(Exit::refused(format!(
            "signing in as {} answered HTTP {}",
            first.handle,
            signed_in.status()
        )));
    }
    let stranger = signed_in_as(client, base, &filled.stranger.1).await?;
    let walled = client
        .get(format!("{base}/groups/{}", filled.stranger.0))
        .bearer_auth(&stranger)
        .send()
        .await
        .map_err(|e| Exit::refused(format!("a group page failed: {e}")))?
        .status();
    if walled != StatusCode::NOT_FOUND {
        return Err(Exit::refused(format!(
            "a non-member asking for group {} was answered HTTP {walled}, not 404",
            filled.stranger.0
        )));
    }
    println!(
        "Checks: signing in through the API answered 201 in {} (one argon2 check); a \
         non-member asking for a group page is answered 404",
        millis(took)
    );

    let (mut group_bytes, mut thread_bytes) = (0, 0);
    let first = Instant::now();
    for reading in filled.readings.iter().take(CHECKED_READINGS) {
        for (url, bytes) in [
            (format!("{base}/groups/{}", reading.group), &mut group_bytes),
            (
                format!("{base}/groups/{}/threads/{}", reading.group, reading.thread),
                &mut thread_bytes,
            ),
        ] {
            let response = client
                .get(&url)
                .bearer_auth(&reading.token)
                .send()
                .await
                .map_err(|e| Exit::refused(format!("{url} failed: {e}")))?;
            let status = response.status();
            let body = response
                .bytes()
                .await
                .map_err(|e| Exit::refused(format!("{url} failed: {e}")))?;
            if status != StatusCode::OK {
                return Err(Exit::refused(format!(
                    "{url}, as member {}, answered HTTP {status}",
                    reading.account
                )));
            }
            *bytes += body.len();
        }
    }
    let checked = filled.readings.len().min(CHECKED_READINGS);
    let mut replies: Vec<u32> = filled
        .readings
        .iter()
        .map(|reading| reading.replies)
        .collect();
    replies.sort_unstable();
    let readers: BTreeSet<i64> = filled
        .readings
        .iter()
        .map(|reading| reading.account)
        .collect();
    let groups: BTreeSet<i64> = filled
        .readings
        .iter()
        .map(|reading| reading.group)
        .collect();
    println!(
        "Pages: the first {checked} readings' pages each answered 200 once ({:.1} s in all): \
         group pages {:.0} KB on average, thread pages {:.0} KB. The {} readings: {} members, \
         {} groups; their threads have {} replies at the median, {} at the 90th percentile, \
         {} at most (a thread page shows the first 50)",
        first.elapsed().as_secs_f64(),
        group_bytes as f64 / checked as f64 / 1000.0,
        thread_bytes as f64 / checked as f64 / 1000.0,
        filled.readings.len(),
        readers.len(),
        groups.len(),
        replies[replies.len() / 2],
        replies[(replies.len() - 1) * 9 / 10],
        replies[replies.len() - 1],
    );
    Ok(())
}

/// Signs in through the API and returns the session token.
async fn signed_in_as(client: &reqwest::Client, base: &str, handle: &str) -> Result<String, Exit> {
    let answer: serde_json::Value = client
        .post(format!("{base}/api/v1/sessions"))
        .json(&json!({ "handle": handle, "password": PASSWORD }))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|e| Exit::refused(format!("signing in as {handle} failed: {e}")))?
        .json()
        .await
        .map_err(|e| Exit::refused(format!("signing in as {handle} answered no JSON: {e}")))?;
    answer["token"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| Exit::refused(format!("signing in as {handle} gave no token")))
}
