//! `hearth import-meetings` and `hearth export-meetings`: Meeting Guide
//! feeds in and out, for service offices keeping their meeting lists.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use hearth_domain::meetings::feed::{ParsedFeed, parse_feed};
use hearth_store::Store;
use hearth_store::meetings::ImportReport;
use indicatif::{ProgressBar, ProgressStyle};
use tokio::sync::mpsc;

use crate::Exit;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The feed: a file, or an http(s):// URL.
    feed: String,
    /// A name for where these meetings come from; importing the same source
    /// again updates its meetings. Defaults to the URL's host or the file's
    /// name.
    #[arg(long)]
    source: Option<String>,
    /// The IANA time zone of meetings whose record has none, e.g.
    /// America/Chicago.
    #[arg(long, value_name = "ZONE")]
    timezone: Option<String>,
    /// Remove this source's meetings that the feed no longer lists.
    #[arg(long)]
    prune: bool,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Where to write the feed; standard output when left out.
    path: Option<PathBuf>,
}

pub async fn import(store: &Store, args: ImportArgs) -> Result<(), Exit> {
    if let Some(zone) = &args.timezone
        && jiff::tz::TimeZone::get(zone).is_err()
    {
        return Err(Exit::setup(format!(
            "{zone:?} is not an IANA time zone (try America/Chicago)"
        )));
    }
    let source = args
        .source
        .clone()
        .unwrap_or_else(|| default_source(&args.feed));
    let progress = Progress::new();
    progress.step(format!("Reading {}", args.feed));
    let text = read_feed(&args.feed, &progress).await?;
    progress.step("Checking the records".to_owned());
    let ParsedFeed { meetings, rejected } = parse_feed(&text, args.timezone.as_deref())
        .map_err(|e| Exit::setup(format!("{}: {e}", args.feed)))?;
    progress.step(format!("Saving {} meetings", meetings.len()));
    let report = store
        .import_meetings(&source, &meetings, args.prune, jiff::Timestamp::now())
        .await
        .map_err(|e| Exit::setup(format!("the import was not saved (nothing changed): {e}")))?;
    progress.finish();
    print_report(&source, &report, rejected.len());
    for rejection in &rejected {
        let slug = rejection
            .slug
            .as_deref()
            .map_or_else(String::new, |slug| format!(" ({slug})"));
        println!("  record {}{slug}: {}", rejection.index, rejection.reason);
    }
    Ok(())
}

fn print_report(source: &str, report: &ImportReport, rejected: usize) {
    println!("Imported the feed as source {source:?}:");
    println!("  added      {:>7}", report.added);
    println!("  updated    {:>7}", report.updated);
    println!("  unchanged  {:>7}", report.unchanged);
    println!("  removed    {:>7}", report.removed);
    println!("  rejected   {:>7}", rejected);
}

/// `https://aa.example.org/feed.json` -> `aa.example.org`; `~/lists/portland.json` -> `portland`.
fn default_source(feed: &str) -> String {
    if let Some(rest) = feed
        .strip_prefix("https://")
        .or_else(|| feed.strip_prefix("http://"))
    {
        return rest
            .split(['/', '?', '#'])
            .next()
            .unwrap_or(rest)
            .to_owned();
    }
    PathBuf::from(feed).file_stem().map_or_else(
        || feed.to_owned(),
        |stem| stem.to_string_lossy().into_owned(),
    )
}

async fn read_feed(feed: &str, progress: &Progress) -> Result<String, Exit> {
    if feed.starts_with("http://") || feed.starts_with("https://") {
        let mut response = reqwest::get(feed)
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| Exit::setup(format!("could not fetch {feed}: {e}")))?;
        progress.set_length(response.content_length());
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| Exit::setup(format!("could not fetch {feed}: {e}")))?
        {
            body.extend_from_slice(&chunk);
            progress.advance(chunk.len() as u64);
        }
        String::from_utf8(body).map_err(|_| Exit::setup(format!("{feed} is not UTF-8 text")))
    } else {
        tokio::fs::read_to_string(feed)
            .await
            .map_err(|e| Exit::setup(format!("could not read {feed}: {e}")))
    }
}

/// Writes every meeting as one feed, streaming: `[`, the records, `]`.
pub async fn export(store: &Store, args: ExportArgs) -> Result<(), Exit> {
    let mut out: Box<dyn Write + Send> = match &args.path {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| Exit::setup(format!("cannot write {}: {e}", path.display())))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    };
    let (sender, mut records) = mpsc::channel(256);
    let reading = {
        let store = store.clone();
        tokio::spawn(async move { store.send_meeting_records(sender).await })
    };
    let mut count = 0usize;
    let mut write = |text: &str| out.write_all(text.as_bytes());
    let written: std::io::Result<()> = async {
        write("[")?;
        while let Some(record) = records.recv().await {
            if count > 0 {
                write(",\n")?;
            }
            write(&record)?;
            count += 1;
        }
        write("]\n")
    }
    .await;
    written
        .and_then(|()| out.flush())
        .map_err(|e| Exit::setup(format!("could not write the feed: {e}")))?;
    reading
        .await
        .map_err(|e| Exit::setup(format!("reading the meetings stopped: {e}")))?
        .map_err(|e| Exit::setup(format!("could not read the meetings: {e}")))?;
    if let Some(path) = &args.path {
        eprintln!("Wrote {count} meetings to {}.", path.display());
    }
    Ok(())
}

/// A progress line on a terminal; nothing at all when output is piped.
struct Progress(Option<ProgressBar>);

impl Progress {
    fn new() -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = ProgressBar::new_spinner();
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress(Some(bar))
    }

    fn step(&self, message: String) {
        if let Some(bar) = &self.0 {
            bar.set_style(ProgressStyle::with_template("{spinner} {msg} {elapsed}").unwrap());
            bar.set_message(message);
        }
    }

    fn set_length(&self, length: Option<u64>) {
        if let (Some(bar), Some(length)) = (&self.0, length) {
            bar.set_length(length);
            bar.set_position(0);
            bar.set_style(
                ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} {eta}")
                    .unwrap()
                    .progress_chars("=> "),
            );
        }
    }

    fn advance(&self, bytes: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(bytes);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::default_source;

    #[test]
    fn sources_are_named_after_where_the_feed_came_from() {
        assert_eq!(
            default_source("https://aa.example.org/feed.json?x=1"),
            "aa.example.org"
        );
        assert_eq!(default_source("/srv/lists/portland.json"), "portland");
    }
}
