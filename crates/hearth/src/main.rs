//! `hearth`: the one binary that serves Hearth and looks after its database.

mod bench;
mod data_key;
mod demo;
mod meetings;
mod synthetic;

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use hearth_domain::moderation::ModeratorReason;
use hearth_domain::people::{Handle, Role};
use hearth_store::{Store, StoreError};
use hearth_web::i18n::Lang;
use hearth_web::{AppState, Config, CrisisLines};
use tokio::net::TcpListener;

/// mimalloc rather than the system allocator: a page's work is many small,
/// short-lived allocations across threads, where glibc's malloc took about
/// a tenth of the server's time (see `docs/BENCHMARKS.md`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Hearth: a self-hostable home for recovery support groups.
///
/// Runs on an SQLite file by default (created on first run); give a
/// postgres:// URL to share one database between several nodes.
#[derive(Debug, Parser)]
#[command(name = "hearth", version, about, long_about)]
struct Cli {
    /// The database: sqlite://PATH or postgres://USER:PASSWORD@HOST/NAME.
    #[arg(
        long,
        global = true,
        env = "HEARTH_DATABASE_URL",
        default_value = "sqlite://hearth.db",
        value_name = "URL",
        hide_env_values = true
    )]
    database: String,

    /// How log lines are written to stderr: text for people, json for log
    /// collectors. Either way each request's lines carry its request id.
    #[arg(long, global = true, env = "HEARTH_LOG_FORMAT", default_value = "text")]
    log_format: LogFormat,

    /// The file of data keys that seal journal entries and check-in notes;
    /// made on first run. Ignored when HEARTH_DATA_KEY is set. [default:
    /// hearth-data.key beside the SQLite file, or in the working folder]
    #[arg(long, global = true, env = "HEARTH_DATA_KEY_FILE", value_name = "PATH")]
    data_key_file: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web pages and the API (migrates the database first).
    Serve(ServeArgs),
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Load the demo content (idempotent), print the demo logins, then exit.
    Demo,
    /// Import a Meeting Guide feed (a file or an http(s) URL); importing the
    /// same source again updates it. Runs in one transaction.
    ImportMeetings(meetings::ImportArgs),
    /// Write every meeting as one Meeting Guide feed.
    ExportMeetings(meetings::ExportArgs),
    /// Grant or revoke site-wide roles.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Make or rotate the key that seals private text at rest.
    #[command(subcommand)]
    DataKey(data_key::DataKeyCommand),
    /// For developers: time an import of a large synthetic meeting list and
    /// load-test searches on it, or (`hearth bench groups`) load thousands of
    /// synthetic support groups and load-test their pages; on a throw-away
    /// SQLite file unless --database is given. See docs/BENCHMARKS.md.
    #[command(hide = true)]
    Bench(bench::BenchArgs),
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    /// Address to listen on. Port 0 picks a free port.
    #[arg(long, env = "HEARTH_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Load demo content first and print the demo logins.
    #[arg(long)]
    demo: bool,
    /// The address people reach this site at, e.g. https://hearth.example.org.
    /// An https URL turns on secure cookies.
    #[arg(long, env = "HEARTH_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// Mark cookies Secure (send them over HTTPS only).
    #[arg(long, env = "HEARTH_SECURE_COOKIES")]
    secure_cookies: bool,
    /// Take the client address from X-Forwarded-For (only behind a reverse
    /// proxy that sets it; used for login throttling).
    #[arg(long, env = "HEARTH_TRUST_FORWARDED_FOR")]
    trust_forwarded_for: bool,
    /// The language for visitors whose browser asks for none Hearth speaks
    /// (each person can still choose their own).
    #[arg(
        long,
        env = "HEARTH_DEFAULT_LANG",
        default_value = "en",
        value_name = "CODE"
    )]
    default_lang: String,
    /// A TOML file of crisis lines for the "Get help now" page, replacing the
    /// built-in list (see crates/web/data/crisis-lines.toml).
    #[arg(long, env = "HEARTH_CRISIS_LINES", value_name = "PATH")]
    crisis_lines: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Give a person a role: admin (runs the site) or directory (keeps the
    /// meeting list). The reason is kept in the audit log.
    Grant {
        handle: String,
        role: Role,
        #[arg(long)]
        reason: String,
    },
    /// Take a role away. The reason is kept in the audit log.
    Revoke {
        handle: String,
        role: Role,
        #[arg(long)]
        reason: String,
    },
    /// Lift a site-wide suspension before it ends (or one with no end).
    /// The reason is kept in the audit log.
    Unsuspend {
        handle: String,
        #[arg(long)]
        reason: String,
    },
}

/// A failure that ends the program: its message and exit code.
pub(crate) struct Exit {
    code: u8,
    message: String,
}

impl Exit {
    /// The database or the configuration cannot be used: exit code 2.
    pub(crate) fn setup(message: impl std::fmt::Display) -> Exit {
        Exit {
            code: 2,
            message: message.to_string(),
        }
    }

    /// The command ran but could not do what was asked: exit code 1.
    pub(crate) fn refused(message: impl std::fmt::Display) -> Exit {
        Exit {
            code: 1,
            message: message.to_string(),
        }
    }
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    let database_named = matches.value_source("database") != Some(ValueSource::DefaultValue);
    init_logging(cli.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("hearth: cannot start the async runtime: {error}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(run(cli, database_named)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(exit) => {
            eprintln!("hearth: {}", exit.message);
            ExitCode::from(exit.code)
        }
    }
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("HEARTH_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let logger = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => logger.with_ansi(std::io::stderr().is_terminal()).init(),
        LogFormat::Json => logger.json().init(),
    }
}

async fn run(cli: Cli, database_named: bool) -> Result<(), Exit> {
    if let Command::Bench(args) = cli.command {
        // The bench fills its database: never the default one by accident.
        return bench::run(args, database_named.then_some(cli.database)).await;
    }
    if let Command::DataKey(data_key::DataKeyCommand::Generate) = cli.command {
        data_key::generate();
        return Ok(());
    }
    let store = open(&cli.database).await?;
    let keys = data_key::KeySource::find(cli.data_key_file, &cli.database);
    if let Command::DataKey(data_key::DataKeyCommand::Rotate) = cli.command {
        return data_key::rotate(store, &keys).await;
    }
    let store = data_key::attach(store, &keys).await?;
    let outcome = match cli.command {
        Command::Serve(args) => serve(&store, args).await,
        Command::Migrate => {
            println!("The database is up to date.");
            Ok(())
        }
        Command::Demo => load_demo(&store).await,
        Command::ImportMeetings(args) => meetings::import(&store, args).await,
        Command::ExportMeetings(args) => meetings::export(&store, args).await,
        Command::Admin(command) => admin(&store, command).await,
        Command::Bench(_) | Command::DataKey(_) => {
            unreachable!("hearth bench and data-key returned before this")
        }
    };
    store.close().await;
    outcome
}

/// Opens and migrates the database, or says in one line why it cannot.
async fn open(url: &str) -> Result<Store, Exit> {
    let store = Store::connect(url).await.map_err(Exit::setup)?;
    if let Err(error) = store.migrate().await {
        store.close().await;
        return Err(Exit::setup(format!(
            "could not prepare the database: {}",
            one_line(&error)
        )));
    }
    Ok(store)
}

async fn serve(store: &Store, args: ServeArgs) -> Result<(), Exit> {
    let config = Config {
        secure_cookies: args.secure_cookies
            || args
                .public_url
                .as_deref()
                .is_some_and(|url| url.starts_with("https://")),
        trust_forwarded_for: args.trust_forwarded_for,
        public_url: args.public_url.clone(),
        crisis_lines: match &args.crisis_lines {
            Some(path) => read_crisis_lines(path)?,
            None => CrisisLines::built_in(),
        },
        default_lang: Lang::from_code(&args.default_lang).ok_or_else(|| {
            let spoken: Vec<_> = Lang::all().map(Lang::code).collect();
            Exit::setup(format!(
                "Hearth does not speak {:?}; choose one of: {}",
                args.default_lang,
                spoken.join(", ")
            ))
        })?,
        ..Config::default()
    };
    if args.demo {
        load_demo(store).await?;
    }
    let listener = TcpListener::bind(args.addr)
        .await
        .map_err(|e| Exit::setup(format!("cannot listen on {}: {e}", args.addr)))?;
    let local = listener
        .local_addr()
        .map_err(|e| Exit::setup(format!("cannot read the listening address: {e}")))?;
    println!("Hearth is listening on http://{local}");
    tokio::spawn(nudge_partners_now_and_then(store.clone()));
    tracing::info!(%local, backend = ?store.backend(), "serving");
    hearth_web::serve(
        listener,
        AppState::new(store.clone(), config),
        shutdown_signal(),
    )
    .await
    .map_err(|e| Exit::setup(format!("the server stopped: {e}")))?;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// How often this node looks for members who have gone quiet. Every node
/// looks; each quiet spell nudges once however many do.
const NUDGE_SWEEP_EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Nudges accountability partners of members who have gone quiet, for as
/// long as the server runs.
async fn nudge_partners_now_and_then(store: Store) {
    let mut ticks = tokio::time::interval(NUDGE_SWEEP_EVERY);
    loop {
        ticks.tick().await;
        match store.nudge_partners(jiff::Timestamp::now()).await {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "nudged partners of members who have gone quiet"),
            Err(error) => tracing::warn!(%error, "could not look for members who have gone quiet"),
        }
    }
}

fn read_crisis_lines(path: &PathBuf) -> Result<CrisisLines, Exit> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Exit::setup(format!("cannot read {}: {e}", path.display())))?;
    CrisisLines::from_toml(&text).map_err(|e| {
        Exit::setup(format!(
            "{} is not a valid crisis-lines file: {}",
            path.display(),
            one_line(&e)
        ))
    })
}

async fn load_demo(store: &Store) -> Result<(), Exit> {
    let demo = demo::load(store)
        .await
        .map_err(|e| Exit::setup(format!("could not load the demo content: {e}")))?;
    println!("Demo content is loaded. Sign in as any of these:");
    for login in demo.logins {
        println!(
            "  {:<12} password: {}   {}",
            login.handle, login.password, login.about
        );
    }
    println!(
        "{} demo meetings are loaded: in person, hybrid and online, in cities around the world.",
        demo.meetings
    );
    println!(
        "{} demo support groups: open, by request and hidden, with shares and replies.",
        demo.groups
    );
    Ok(())
}

async fn admin(store: &Store, command: AdminCommand) -> Result<(), Exit> {
    let now = jiff::Timestamp::now();
    let (handle, role, changed, done, already) = match command {
        AdminCommand::Unsuspend { handle, reason } => {
            return unsuspend(store, &handle, &reason, now).await;
        }
        AdminCommand::Grant {
            handle,
            role,
            reason,
        } => {
            let reason = reason_given(&reason)?;
            let changed = (store.grant_role(&Handle::key_of(&handle), role, &reason, now)).await;
            (handle, role, changed, "now has", "already had")
        }
        AdminCommand::Revoke {
            handle,
            role,
            reason,
        } => {
            let reason = reason_given(&reason)?;
            let changed = (store.revoke_role(&Handle::key_of(&handle), role, &reason, now)).await;
            (handle, role, changed, "no longer has", "did not have")
        }
    };
    match changed {
        Ok(true) => println!("{handle} {done} the {role} role."),
        Ok(false) => println!("{handle} {already} the {role} role; nothing changed."),
        Err(StoreError::NotFound(_)) => {
            return Err(Exit::refused(format!("nobody has the handle {handle:?}")));
        }
        Err(error) => return Err(Exit::setup(one_line(&error))),
    }
    Ok(())
}

async fn unsuspend(
    store: &Store,
    handle: &str,
    reason: &str,
    now: jiff::Timestamp,
) -> Result<(), Exit> {
    let reason = reason_given(reason)?;
    match store
        .lift_suspension(&Handle::key_of(handle), &reason, now)
        .await
    {
        Ok(true) => println!("{handle} may sign in again; the audit log says why."),
        Ok(false) => println!("{handle} was not suspended; nothing changed."),
        Err(StoreError::NotFound(_)) => {
            return Err(Exit::refused(format!("nobody has the handle {handle:?}")));
        }
        Err(error) => return Err(Exit::setup(one_line(&error))),
    }
    Ok(())
}

/// The `--reason` an admin command keeps in the audit log.
fn reason_given(reason: &str) -> Result<ModeratorReason, Exit> {
    ModeratorReason::parse(reason).map_err(|error| Exit::refused(format!("--reason: {error}")))
}

pub(crate) fn one_line(error: &impl std::fmt::Display) -> String {
    error.to_string().replace('\n', " ")
}

/// Resolves on Ctrl-C or SIGTERM, whichever comes first.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
