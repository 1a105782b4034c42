//! `hearth bench` (or `hearth bench meetings`): how long a large meeting
//! list takes to import, and how fast and lean the server is when searched
//! hard.
//!
//! The import runs in this process through the same path as
//! `hearth import-meetings`.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Duration;

use hearth_domain::meetings::feed::parse_feed;
use hearth_domain::meetings::search::DEFAULT_LIMIT;
use hearth_store::Store;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde_json::Value;
use tokio::time::Instant;

use super::{
    Load, Memory, Scratch, Server, Target, Until, build_kind, client, cpus, judge, judge_load,
    load, print_loads,
};
use crate::Exit;
use crate::synthetic::{self, Rng};

#[derive(Debug, clap::Args)]
pub struct MeetingsArgs {
    /// How many synthetic meetings to import and search.
    #[arg(long, default_value_t = 200_000, value_name = "N")]
    meetings: usize,
    /// How long each load runs.
    #[arg(long, default_value_t = 10, value_name = "SECONDS")]
    seconds: u64,
    /// Requests in flight at once, each on its own connection.
    #[arg(long, default_value_t = 32, value_name = "N")]
    connections: usize,
    /// The seed of the synthetic feed (and of the searchers' positions).
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// The targets, set for 200,000 meetings on SQLite.
const TARGET_IMPORT: Duration = Duration::from_secs(15);
const TARGET_SEARCH_P99: Duration = Duration::from_millis(15);
/// A search's throughput as a share of `/healthz`'s.
const TARGET_THROUGHPUT_SHARE: f64 = 0.25;
const TARGET_RSS_MB: f64 = 300.0;

/// Distinct near-a-city searches to cycle through, so no two requests in a
/// row ask the same thing.
const NEAR_CITY_QUERIES: usize = 512;
/// How many of them are asked once first, to say how much they match.
const SAMPLED_QUERIES: usize = 64;

/// `database` is the URL named on the command line or in the environment;
/// without one the bench makes a throw-away SQLite file.
pub async fn run(args: MeetingsArgs, database: Option<String>) -> Result<(), Exit> {
    if args.meetings == 0 || args.seconds == 0 || args.connections == 0 {
        return Err(Exit::refused(
            "--meetings, --seconds and --connections must be more than 0",
        ));
    }
    let scratch = Scratch::new()?;
    let database =
        database.unwrap_or_else(|| format!("sqlite://{}", scratch.path.join("bench.db").display()));
    println!(
        "hearth bench: {} synthetic meetings (seed {}), {} CPUs, {}, {}",
        args.meetings,
        args.seed,
        cpus(),
        build_kind(),
        Timestamp::now().strftime("%Y-%m-%d %H:%M UTC"),
    );

    let store = crate::open(&database).await?;
    match store.meeting_count().await {
        Ok(0) => {}
        counted => {
            store.close().await;
            return Err(match counted {
                Ok(count) => Exit::refused(format!(
                    "the database already has {count} meetings; give the bench an empty one"
                )),
                Err(e) => Exit::setup(format!("cannot count the meetings: {e}")),
            });
        }
    }

    let feed_path = scratch.path.join("feed.json");
    let started = Instant::now();
    let bytes = write_feed(&feed_path, args.meetings, args.seed)
        .map_err(|e| Exit::setup(format!("cannot write {}: {e}", feed_path.display())))?;
    println!(
        "Feed: {:.1} MB written in {:.1} s to {}",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        feed_path.display()
    );

    let import = import(&store, &feed_path).await;
    // The server opens the database on its own.
    store.close().await;
    let import = import?;
    let server = Server::start(&database)?;
    println!("Server: {}", server.describe());
    let client = client(args.connections)?;

    let near_city = near_city_queries(&server.base, args.seed);
    let online_soon = vec![format!(
        "{}/api/v1/meetings?attendance=online&starts_within=120",
        server.base
    )];
    let healthz = vec![format!("{}/healthz", server.base)];
    // The first search waits while the server reads every meeting into its
    // search index (`serve` starts that as it begins to listen).
    let first = Instant::now();
    matched(&client, &online_soon).await?;
    println!(
        "First search, after the server's search index is read: {:.2} s after start",
        first.elapsed().as_secs_f64()
    );
    let near_matches = matched(&client, &near_city[..SAMPLED_QUERIES]).await?;
    let online_matches = matched(&client, &online_soon).await?;
    println!(
        "Searches: near a city today (25 km, the searcher's local day; {SAMPLED_QUERIES} \
         samples match {:.0} meetings on average, {} at most, {DEFAULT_LIMIT} returned); \
         online starting within 120 minutes (matches {})",
        near_matches.mean, near_matches.max, online_matches.max
    );
    let duration = Duration::from_secs(args.seconds);
    println!(
        "Load: {} connections, {} s for each of the three, one after another",
        args.connections, args.seconds
    );
    let measure = |urls: Vec<String>| {
        let targets = urls.into_iter().map(Target::anonymous).collect();
        load(&client, targets, args.connections, Until::Elapsed(duration))
    };
    let health = measure(healthz).await;
    let near = measure(near_city).await;
    let online = measure(online_soon).await;
    print_results(&import, [&health, &near, &online], server.memory());
    Ok(())
}

/// The figures, then each beside its target.
fn print_results(import: &Import, [health, near, online]: [&Load; 3], server: Option<Memory>) {
    print_loads(&[
        ("/healthz", health),
        ("near a city, today", near),
        ("online, starting soon", online),
    ]);
    println!();
    println!("Against the targets (set for 200000 meetings on SQLite):");
    judge(
        "import",
        format!("{:.1} s", import.total.as_secs_f64()),
        format!("< {} s", TARGET_IMPORT.as_secs()),
        import.total.as_secs_f64() / TARGET_IMPORT.as_secs_f64(),
    );
    for (name, load) in [("near a city", near), ("online soon", online)] {
        judge_load(
            name,
            load,
            health,
            TARGET_SEARCH_P99,
            TARGET_THROUGHPUT_SHARE,
        );
    }
    match server {
        Some(Memory {
            peak_mb,
            own_peak_mb: Some(own_peak_mb),
            ..
        }) => judge(
            "server peak memory",
            format!("{own_peak_mb:.0} MB (RSS {peak_mb:.0} MB)"),
            format!("< {TARGET_RSS_MB:.0} MB"),
            own_peak_mb / TARGET_RSS_MB,
        ),
        _ => println!("  server peak memory: unknown (no /proc/PID/status here)"),
    }
    println!(
        "  (the import's own peak, in this process: {})",
        import
            .peak_mb
            .map_or_else(|| "unknown".to_owned(), |mb| format!("{mb:.0} MB"))
    );
}

/// Writes a feed of `count` records as JSON text, one record a line, and
/// returns its size in bytes. Records are streamed, not held.
fn write_feed(path: &Path, count: usize, seed: u64) -> std::io::Result<u64> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    out.write_all(b"[")?;
    for (index, record) in synthetic::records(seed).take(count).enumerate() {
        if index > 0 {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut out, &record)?;
    }
    out.write_all(b"]\n")?;
    out.flush()?;
    Ok(std::fs::metadata(path)?.len())
}

struct Import {
    total: Duration,
    /// This process's peak RSS so far, in MB.
    peak_mb: Option<f64>,
}

/// Imports the feed as `hearth import-meetings` does: read the file,
/// `parse_feed`, `import_meetings` in one transaction.
async fn import(store: &Store, feed: &Path) -> Result<Import, Exit> {
    println!("Import into {:?}:", store.backend());
    let started = Instant::now();
    let text = tokio::fs::read_to_string(feed)
        .await
        .map_err(|e| Exit::setup(format!("cannot read {}: {e}", feed.display())))?;
    let read = started.elapsed();
    let parsed = parse_feed(&text, None).map_err(|e| Exit::setup(e.to_string()))?;
    let parsing = started.elapsed() - read;
    let report = store
        .import_meetings("bench", &parsed.meetings, false, Timestamp::now())
        .await
        .map_err(|e| Exit::setup(format!("the import failed: {e}")))?;
    let total = started.elapsed();
    println!(
        "  read {:.2} s, parse_feed {:.2} s, import_meetings {:.2} s: {} added, {} rejected",
        read.as_secs_f64(),
        parsing.as_secs_f64(),
        (total - read - parsing).as_secs_f64(),
        report.added,
        parsed.rejected.len()
    );
    Ok(Import {
        total,
        peak_mb: Memory::of("self").map(|memory| memory.peak_mb),
    })
}

/// People searching near where they are: each near a city (as likely as its
/// population), within 25 km, on their own local day.
fn near_city_queries(base: &str, seed: u64) -> Vec<String> {
    let now = Timestamp::now();
    let mut rng = Rng::new(seed ^ 0x5EA2_C4E5);
    (0..NEAR_CITY_QUERIES)
        .map(|_| {
            let city = synthetic::weighted_city(&mut rng);
            // Somewhere in town, a few kilometres either way of the centre.
            let latitude = city.latitude + (rng.unit() - 0.5) * 0.05;
            let longitude = city.longitude + (rng.unit() - 0.5) * 0.05;
            let day = TimeZone::get(city.timezone)
                .map(|zone| now.to_zoned(zone).weekday().to_sunday_zero_offset())
                .expect("the cities' zones are in the tz database");
            format!(
                "{base}/api/v1/meetings?lat={latitude:.4}&lng={longitude:.4}&radius_km=25&day={day}"
            )
        })
        .collect()
}

struct Matched {
    mean: f64,
    max: u64,
}

/// Asks each search once and reads how many meetings it matched in all.
async fn matched(client: &reqwest::Client, urls: &[String]) -> Result<Matched, Exit> {
    let mut totals = Vec::with_capacity(urls.len());
    for url in urls {
        let page: Value = client
            .get(url)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| Exit::refused(format!("a search failed: {e}")))?
            .json()
            .await
            .map_err(|e| Exit::refused(format!("a search answered no JSON: {e}")))?;
        totals.push(page["total"].as_u64().unwrap_or(0));
    }
    Ok(Matched {
        mean: totals.iter().sum::<u64>() as f64 / totals.len() as f64,
        max: totals.iter().copied().max().unwrap_or(0),
    })
}
