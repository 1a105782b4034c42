//! `hearth bench`: how fast and lean the server is under load, beside the
//! targets in docs/BENCHMARKS.md. Run by hand on a release build; it prints
//! figures.
//!
//! - `hearth bench` (or `hearth bench meetings`): a large meeting list, its
//!   import and its searches ([`meetings`]);
//! - `hearth bench groups`: thousands of support groups with millions of
//!   shares and replies, their group pages and thread pages ([`groups`]).
//!
//! Both fill a database in this process, then run the real server as a
//! child `hearth serve`, so its memory is measured apart from the load
//! generator's (both share the CPUs), and load it here: each of
//! `--connections` workers sends its next request when the last is
//! answered, for `--seconds`, with `/healthz` first as the yardstick.

mod groups;
mod groups_data;
mod meetings;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use reqwest::header::AUTHORIZATION;
use tokio::time::Instant;

use crate::Exit;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BenchArgs {
    #[command(subcommand)]
    command: Option<BenchCommand>,
    /// Without a subcommand: the meetings bench.
    #[command(flatten)]
    meetings: meetings::MeetingsArgs,
}

#[derive(Debug, clap::Subcommand)]
enum BenchCommand {
    /// Import a large synthetic meeting list and load-test searches on it
    /// (what `hearth bench` alone runs).
    Meetings(meetings::MeetingsArgs),
    /// Load thousands of synthetic support groups with millions of shares
    /// and replies, and load-test their group and thread pages.
    Groups(groups::GroupsArgs),
}

/// `database` is the URL named on the command line or in the environment;
/// without one the bench makes a throw-away SQLite file.
pub async fn run(args: BenchArgs, database: Option<String>) -> Result<(), Exit> {
    match args.command {
        None => meetings::run(args.meetings, database).await,
        Some(BenchCommand::Meetings(meetings)) => meetings::run(meetings, database).await,
        Some(BenchCommand::Groups(groups)) => groups::run(groups, database).await,
    }
}

const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// "release build", or a warning that the figures mean little.
fn build_kind() -> &'static str {
    if cfg!(debug_assertions) {
        "a DEBUG build (figures mean little: build with --release)"
    } else {
        "release build"
    }
}

fn cpus() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// An HTTP client keeping a connection per worker.
fn client(connections: usize) -> Result<reqwest::Client, Exit> {
    reqwest::Client::builder()
        .pool_max_idle_per_host(connections)
        .timeout(REQUEST_TIMEOUT)
        .build()
        .map_err(|e| Exit::setup(format!("cannot make an HTTP client: {e}")))
}

/// One request a load sends: a GET, as someone signed in or not.
#[derive(Debug, Clone)]
struct Target {
    url: String,
    /// A session token, sent as `Authorization: Bearer`.
    bearer: Option<String>,
}

impl Target {
    fn anonymous(url: String) -> Target {
        Target { url, bearer: None }
    }

    fn signed_in(url: String, token: &str) -> Target {
        Target {
            url,
            bearer: Some(token.to_owned()),
        }
    }

    fn request(&self, client: &reqwest::Client) -> reqwest::RequestBuilder {
        let request = client.get(&self.url);
        match &self.bearer {
            Some(token) => request.header(AUTHORIZATION, format!("Bearer {token}")),
            None => request,
        }
    }
}

/// What one load measured.
struct Load {
    /// Of the requests answered with success, sorted.
    latencies: Vec<Duration>,
    /// Requests that failed or were answered with an error status.
    failed: usize,
    /// Why the first of them failed.
    first_failure: Option<String>,
    elapsed: Duration,
}

impl Load {
    fn per_second(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64()
    }

    /// Nearest rank; zero when nothing succeeded.
    fn percentile(&self, percent: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let rank = (percent / 100.0 * self.latencies.len() as f64).ceil() as usize;
        self.latencies[rank.clamp(1, self.latencies.len()) - 1]
    }
}

/// When a load's workers stop asking.
#[derive(Debug, Clone, Copy)]
enum Until {
    /// Cycling through the targets until this much time has passed.
    Elapsed(Duration),
    /// Once every target has been asked for once.
    EachTargetOnce,
}

impl Until {
    /// Whether a worker whose next request is for target number `next` (of
    /// `targets`, counting on past the end) asks again.
    fn asks_again(self, started: Instant, next: usize, targets: usize) -> bool {
        match self {
            Until::Elapsed(duration) => started.elapsed() < duration,
            Until::EachTargetOnce => next < targets,
        }
    }
}

/// `connections` requests in flight until `until`, going through `targets`
/// in turn; each worker waits for its answer before asking again. Only a 2xx
/// answer, read to its end, counts as a success.
async fn load(
    client: &reqwest::Client,
    targets: Vec<Target>,
    connections: usize,
    until: Until,
) -> Load {
    let targets = Arc::new(targets);
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|worker| {
            let (client, targets) = (client.clone(), Arc::clone(&targets));
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let (mut failed, mut first_failure) = (0, None);
                let mut next = worker;
                while until.asks_again(started, next, targets.len()) {
                    let target = &targets[next % targets.len()];
                    next += connections;
                    let sent = Instant::now();
                    let failure = match target.request(&client).send().await {
                        Ok(response) if response.status().is_success() => {
                            response.bytes().await.err().map(|e| e.to_string())
                        }
                        Ok(response) => Some(format!("HTTP {}", response.status())),
                        Err(e) => Some(e.to_string()),
                    };
                    match failure {
                        None => latencies.push(sent.elapsed()),
                        Some(failure) => {
                            failed += 1;
                            first_failure = first_failure.or(Some(failure));
                        }
                    }
                }
                (latencies, failed, first_failure)
            })
        })
        .collect();
    let mut all = Load {
        latencies: Vec::new(),
        failed: 0,
        first_failure: None,
        elapsed: Duration::ZERO,
    };
    for worker in workers {
        let (latencies, failed, first_failure) = worker
            .await
            .unwrap_or_else(|e| (Vec::new(), 1, Some(e.to_string())));
        all.latencies.extend(latencies);
        all.failed += failed;
        all.first_failure = all.first_failure.or(first_failure);
    }
    all.elapsed = started.elapsed();
    all.latencies.sort_unstable();
    all
}

/// The loads' figures as a table, then why any failed.
fn print_loads(loads: &[(&str, &Load)]) {
    println!();
    println!(
        "{:<24} {:>9} {:>9} {:>10} {:>10} {:>10} {:>8}",
        "", "requests", "req/s", "p50", "p99", "max", "failed"
    );
    for (name, load) in loads {
        println!(
            "{:<24} {:>9} {:>9.0} {:>10} {:>10} {:>10} {:>8}",
            name,
            load.latencies.len(),
            load.per_second(),
            millis(load.percentile(50.0)),
            millis(load.percentile(99.0)),
            millis(load.percentile(100.0)),
            load.failed,
        );
    }
    for (name, load) in loads {
        if let Some(failure) = &load.first_failure {
            println!("  {name}: {} failed, the first with {failure}", load.failed);
        }
    }
}

/// A load's p99 and throughput against their targets, each beside
/// `/healthz`'s.
fn judge_load(name: &str, load: &Load, health: &Load, target_p99: Duration, target_share: f64) {
    let p99 = load.percentile(99.0);
    judge(
        &format!("{name}: p99"),
        format!(
            "{} ({:.1}x /healthz's)",
            millis(p99),
            p99.as_secs_f64() / health.percentile(99.0).as_secs_f64()
        ),
        format!("< {}", millis(target_p99)),
        p99.as_secs_f64() / target_p99.as_secs_f64(),
    );
    let share = load.per_second() / health.per_second();
    judge(
        &format!("{name}: throughput"),
        format!("{:.2}% of /healthz", share * 100.0),
        format!(">= {:.0}%", target_share * 100.0),
        target_share / share,
    );
}

/// Prints a figure beside its target; `ratio` says how far off it is, as a
/// factor: at most 1 meets the target.
fn judge(name: &str, figure: String, target: String, ratio: f64) {
    let verdict = if ratio <= 1.0 {
        "met".to_owned()
    } else {
        let places = if ratio < 10.0 { 2 } else { 0 };
        format!("MISSED by {ratio:.places$}x")
    };
    println!("  {name:<26} {figure:<30} target {target:<10} {verdict}");
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

/// `hearth serve` on a free loopback port, killed when dropped.
struct Server {
    child: Child,
    base: String,
    /// The most private memory (`RssAnon`, in kB) the server has held,
    /// sampled every 50 ms while it runs.
    own_peak_kb: Arc<AtomicU64>,
}

impl Server {
    /// Starts the server and waits until it says where it listens.
    fn start(database: &str) -> Result<Server, Exit> {
        let program = std::env::current_exe()
            .map_err(|e| Exit::setup(format!("cannot find the hearth binary: {e}")))?;
        let mut child = Command::new(program)
            .args(["serve", "--addr", "127.0.0.1:0"])
            // In the environment, not the arguments, where `ps` shows a password.
            .env("HEARTH_DATABASE_URL", database)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| Exit::setup(format!("cannot start hearth serve: {e}")))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut lines = BufReader::new(stdout).lines();
        let address = lines.by_ref().map_while(Result::ok).find_map(|line| {
            line.strip_prefix("Hearth is listening on ")
                .map(str::to_owned)
        });
        // Kept reading so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        let Some(base) = address else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Exit::setup("hearth serve stopped before it listened"));
        };
        let own_peak_kb = Arc::new(AtomicU64::new(0));
        let sampled = Arc::clone(&own_peak_kb);
        let status = format!("/proc/{}/status", child.id());
        // Ends with the server, when its status file goes.
        std::thread::spawn(move || {
            while let Some(kilobytes) = std::fs::read_to_string(&status)
                .ok()
                .and_then(|status| kilobytes(&status, "RssAnon:"))
            {
                sampled.fetch_max(kilobytes as u64, Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        Ok(Server {
            child,
            base,
            own_peak_kb,
        })
    }

    fn memory(&self) -> Option<Memory> {
        let mut memory = Memory::of(&self.child.id().to_string())?;
        memory.own_peak_mb = Some(self.own_peak_kb.load(Ordering::Relaxed) as f64 * 1024.0 / 1e6);
        Some(memory)
    }

    /// The CPU time the server has used so far.
    fn cpu(&self) -> Option<Duration> {
        cpu_time(&self.child.id().to_string())
    }

    /// "child process PID, at URL; RSS at start N MB".
    fn describe(&self) -> String {
        format!(
            "`hearth serve` as child process {}, at {}; RSS at start {}",
            self.child.id(),
            self.base,
            self.memory().map_or_else(
                || "unknown".to_owned(),
                |m| format!("{:.0} MB", m.current_mb)
            )
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // A throw-away server: no need to wait for requests in flight.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A process's resident memory, from `/proc/PID/status` (Linux).
///
/// RSS counts the pages of the SQLite file each connection maps, once per
/// connection, though they are the operating system's file cache, shared
/// and given back under pressure; the server's own memory is `RssAnon`.
struct Memory {
    /// `VmHWM`: the most it has held at once.
    peak_mb: f64,
    /// `VmRSS`.
    current_mb: f64,
    /// The most `RssAnon` seen, for a server the bench watched.
    own_peak_mb: Option<f64>,
}

impl Memory {
    /// `process` is a PID or `self`.
    fn of(process: &str) -> Option<Memory> {
        let status = std::fs::read_to_string(format!("/proc/{process}/status")).ok()?;
        let megabytes = |field: &str| Some(kilobytes(&status, field)? * 1024.0 / 1e6);
        Some(Memory {
            peak_mb: megabytes("VmHWM:")?,
            current_mb: megabytes("VmRSS:")?,
            own_peak_mb: None,
        })
    }
}

/// A `FIELD:   N kB` line's N, from a `/proc/PID/status` text.
fn kilobytes(status: &str, field: &str) -> Option<f64> {
    let line = status.lines().find(|line| line.starts_with(field))?;
    line[field.len()..]
        .trim()
        .strip_suffix("kB")?
        .trim()
        .parse()
        .ok()
}

/// The CPU time (user and system, all threads) a process has used so far,
/// from `/proc/PID/stat` (Linux); `process` is a PID or `self`.
fn cpu_time(process: &str) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{process}/stat")).ok()?;
    // The fields after the command name, which is in parentheses and may
    // hold spaces: utime and stime are the 12th and 13th of them.
    let fields: Vec<&str> = stat[stat.rfind(')')? + 1..].split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // In USER_HZ, 100 a second on every Linux this runs on.
    Some(Duration::from_millis(ticks * 10))
}

/// A load with the CPU time the server and this process (the load
/// generator) spent on it.
struct Measured {
    load: Load,
    server_cpu: Option<Duration>,
    own_cpu: Option<Duration>,
}

impl Measured {
    /// "N µs (server) and N µs (here)" per answered request.
    fn per_request(&self) -> String {
        let each = |cpu: Option<Duration>| {
            cpu.filter(|_| !self.load.latencies.is_empty()).map_or_else(
                || "?".to_owned(),
                |cpu| {
                    let micros = cpu.as_secs_f64() * 1e6 / self.load.latencies.len() as f64;
                    format!("{micros:.0} µs")
                },
            )
        };
        format!("{} and {}", each(self.server_cpu), each(self.own_cpu))
    }
}

/// [`load`], measuring the CPU time the server and this process use.
async fn measured_load(
    client: &reqwest::Client,
    server: &Server,
    targets: Vec<Target>,
    connections: usize,
    duration: Duration,
) -> Measured {
    let before = (server.cpu(), cpu_time("self"));
    let load = load(client, targets, connections, Until::Elapsed(duration)).await;
    let after = (server.cpu(), cpu_time("self"));
    let spent =
        |before: Option<Duration>, after: Option<Duration>| Some(after?.saturating_sub(before?));
    Measured {
        load,
        server_cpu: spent(before.0, after.0),
        own_cpu: spent(before.1, after.1),
    }
}

/// A folder for the feed and the default database, removed when dropped.
struct Scratch {
    path: PathBuf,
}

impl Scratch {
    fn new() -> Result<Scratch, Exit> {
        let path = std::env::temp_dir().join(format!("hearth-bench-{}", std::process::id()));
        std::fs::create_dir_all(&path)
            .map_err(|e| Exit::setup(format!("cannot make {}: {e}", path.display())))?;
        Ok(Scratch { path })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
