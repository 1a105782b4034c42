//! The `hearth` binary as an operator meets it: its help, its exit codes,
//! its admin commands and a clean start and stop, on both databases.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Output, Stdio};

use hearth_domain::moderation::{Decision, ModeratorReason, ReportNote, ReportReason, Suspension};
use hearth_domain::people::Role;
use hearth_store::backend_tests;
use hearth_store::groups::audit::AuditAction;
use hearth_store::moderation::{Moderator, Reported};
use hearth_store::people::Suspended;
use hearth_store::testing::{TEST_DATA_KEY, TestDatabase};
use jiff::Timestamp;

fn hearth(database: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearth"))
        .args(args)
        .env("HEARTH_DATABASE_URL", database)
        .env("HEARTH_DATA_KEY", TEST_DATA_KEY)
        .env_remove("HEARTH_ADDR")
        .output()
        .expect("the hearth binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A setup failure: exit code 2 and exactly one line on stderr.
fn assert_setup_failure(output: &Output, expected: &str) {
    assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(output));
    let err = stderr(output);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.starts_with("hearth: ") && err.contains(expected),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn help_tells_an_operator_what_to_do() {
    let help = stdout(&hearth("sqlite://unused.db", &["--help"]));
    for word in [
        "serve",
        "migrate",
        "demo",
        "admin",
        "--database",
        "HEARTH_DATABASE_URL",
    ] {
        assert!(help.contains(word), "--help mentions {word}");
    }
    let serve = stdout(&hearth("sqlite://unused.db", &["serve", "--help"]));
    for word in [
        "--addr",
        "HEARTH_ADDR",
        "--demo",
        "--secure-cookies",
        "HEARTH_PUBLIC_URL",
        "--crisis-lines",
    ] {
        assert!(serve.contains(word), "serve --help mentions {word}");
    }
    let admin = stdout(&hearth("sqlite://unused.db", &["admin", "grant", "--help"]));
    assert!(admin.contains("directory"));
}

#[test]
fn an_unsupported_url_is_one_clear_line() {
    let output = hearth("mysql://localhost/hearth", &["migrate"]);
    assert_setup_failure(&output, "unsupported database URL");
}

#[test]
fn an_unreachable_server_is_one_clear_line_without_the_password() {
    let output = hearth("postgres://hearth:s3cret@127.0.0.1:1/hearth", &["migrate"]);
    assert_setup_failure(&output, "could not connect to PostgreSQL");
    assert!(!stderr(&output).contains("s3cret"));
}

#[test]
fn a_file_that_cannot_be_created_is_one_clear_line() {
    let output = hearth("sqlite:///no/such/folder/hearth.db", &["migrate"]);
    assert_setup_failure(&output, "could not open the SQLite database");
}

#[test]
fn a_read_only_database_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hearth.db");
    std::fs::File::create(&path).unwrap();
    let output = hearth(
        &format!("sqlite://{}?mode=ro", path.display()),
        &["migrate"],
    );
    assert_setup_failure(&output, "readonly database");
}

#[test]
fn serve_refuses_a_crisis_lines_file_it_cannot_use() {
    let dir = tempfile::tempdir().unwrap();
    let lines = dir.path().join("lines.toml");
    std::fs::write(&lines, "[[line]]\nregion = \"X\"\n").unwrap();
    let database = format!("sqlite://{}", dir.path().join("hearth.db").display());
    let output = hearth(
        &database,
        &[
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--crisis-lines",
            lines.to_str().unwrap(),
        ],
    );
    assert_setup_failure(&output, "is not a valid crisis-lines file");
}

/// Starts `hearth serve`, waits for its address, checks it answers, stops it
/// with SIGTERM and returns what it printed.
fn serve_and_stop(database: &str, extra: &[&str]) -> (String, std::process::ExitStatus) {
    let (printed, _, status) = serve_and_stop_with_logs(database, extra);
    (printed, status)
}

/// The same, also returning the logs (stderr).
fn serve_and_stop_with_logs(
    database: &str,
    extra: &[&str],
) -> (String, String, std::process::ExitStatus) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hearth"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(extra)
        .env("HEARTH_DATABASE_URL", database)
        .env("HEARTH_DATA_KEY", TEST_DATA_KEY)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = String::new();
    let address = loop {
        let line = lines.next().expect("hearth prints its address").unwrap();
        printed.push_str(&line);
        printed.push('\n');
        if let Some(address) = line.strip_prefix("Hearth is listening on http://") {
            break address.to_owned();
        }
    };
    let mut stream = TcpStream::connect(&address).unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: hearth\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");

    let terminated = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(terminated.success());
    let status = child.wait().unwrap();
    let mut logs = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut logs)
        .unwrap();
    assert!(logs.contains("stopped cleanly"), "{logs}");
    (printed, logs, status)
}

backend_tests! {
    setup = TestDatabase::new;

    async fn migrate_is_safe_to_run_again(db) {
        for _ in 0..2 {
            let output = hearth(&db.url, &["migrate"]);
            assert!(output.status.success(), "{}", stderr(&output));
            assert!(stdout(&output).contains("up to date"));
        }
    }

    async fn the_demo_loads_once_however_often_it_runs(db) {
        let first = hearth(&db.url, &["demo"]);
        assert!(first.status.success(), "{}", stderr(&first));
        assert!(stdout(&first).contains("river"));
        let second = hearth(&db.url, &["demo"]);
        assert!(second.status.success());
        assert_eq!(stdout(&first), stdout(&second));
        let admin = db.store.credentials("hollis").await.unwrap().unwrap();
        assert_eq!(db.store.roles(admin.account.id).await.unwrap(), [Role::Admin, Role::Directory]);
    }

    async fn admins_grant_and_revoke_roles_by_handle(db) {
        hearth(&db.url, &["demo"]);
        let why = ["--reason", "Agreed at the service meeting"];
        let unexplained = hearth(&db.url, &["admin", "grant", "river", "directory"]);
        assert_eq!(unexplained.status.code(), Some(2), "the reason is required");
        let blank = hearth(&db.url, &["admin", "grant", "river", "directory", "--reason", " "]);
        assert!(stderr(&blank).contains("--reason"));
        let granted = hearth(&db.url, &[&["admin", "grant", "RIVER", "directory"][..], &why].concat());
        assert!(granted.status.success());
        assert!(stdout(&granted).contains("now has the directory role"));
        let again = hearth(&db.url, &[&["admin", "grant", "river", "directory"][..], &why].concat());
        assert!(stdout(&again).contains("already had"));
        let river = db.store.credentials("river").await.unwrap().unwrap().account;
        assert_eq!(db.store.roles(river.id).await.unwrap(), [Role::Directory]);

        let revoked = hearth(&db.url, &[&["admin", "revoke", "river", "directory"][..], &why].concat());
        assert!(stdout(&revoked).contains("no longer has"));
        assert!(db.store.roles(river.id).await.unwrap().is_empty());
        let hollis = db.store.credentials("hollis").await.unwrap().unwrap().account;
        let logged: Vec<_> = (db.store.audit_log_for(Moderator::Admin(hollis.id), 100).await.unwrap().into_iter())
            .filter(|entry| entry.target_account.as_deref() == Some("river"))
            .map(|entry| (entry.action, entry.reason))
            .collect();
        let reason = why[1].to_string();
        assert_eq!(logged, [(AuditAction::RevokeDirectory, reason.clone()), (AuditAction::GrantDirectory, reason)]);

        let nobody = hearth(&db.url, &[&["admin", "grant", "nobody_here", "admin"][..], &why].concat());
        assert_eq!(nobody.status.code(), Some(1));
        assert!(stderr(&nobody).contains("nobody has the handle"));
        let bad_role = hearth(&db.url, &[&["admin", "grant", "river", "moderator"][..], &why].concat());
        assert_eq!(bad_role.status.code(), Some(2), "clap's usage error");
        assert!(stderr(&bad_role).contains("the roles are admin and directory"));
    }

    async fn the_operator_lifts_a_suspension_on_the_record(db) {
        hearth(&db.url, &["demo"]);
        let store = &db.store;
        let river = store.credentials("river").await.unwrap().unwrap().account;
        let hollis = store.credentials("hollis").await.unwrap().unwrap().account;
        let (group, _) = store.groups_of(river.id).await.unwrap().into_iter().next().expect("river is in a demo group");
        let now = Timestamp::now();
        let report = store
            .file_report(group.group.id, hollis.id, Reported::Person(river.id), ReportReason::Other, &ReportNote::parse("").unwrap(), now)
            .await
            .unwrap();
        let why = ModeratorReason::parse("to see the door closed").unwrap();
        let admin = Moderator::Admin(hollis.id);
        store.close_report(report, admin, Decision::Suspend(Suspension::Indefinite), &why, now).await.unwrap();
        assert_eq!(store.credentials("river").await.unwrap().unwrap().suspension, Some(Suspended::Indefinitely));

        let no_reason = hearth(&db.url, &["admin", "unsuspend", "river", "--reason", " "]);
        assert_eq!(no_reason.status.code(), Some(1));
        assert!(stderr(&no_reason).contains("--reason"));
        let lifted = hearth(&db.url, &["admin", "unsuspend", "RIVER", "--reason", "we talked it through"]);
        assert!(lifted.status.success(), "{}", stderr(&lifted));
        assert!(stdout(&lifted).contains("may sign in again"));
        assert_eq!(store.credentials("river").await.unwrap().unwrap().suspension, None);
        let entry = &store.audit_log_for(Moderator::Admin(hollis.id), 1).await.unwrap()[0];
        assert_eq!((entry.action, entry.actor.as_deref(), entry.reason.as_str()), (AuditAction::LiftSuspension, None, "we talked it through"));
        let again = hearth(&db.url, &["admin", "unsuspend", "river", "--reason", "twice"]);
        assert!(stdout(&again).contains("was not suspended"));
        let nobody = hearth(&db.url, &["admin", "unsuspend", "nobody_here", "--reason", "x"]);
        assert_eq!(nobody.status.code(), Some(1));
    }

    async fn serve_starts_with_the_demo_and_stops_cleanly_on_sigterm(db) {
        let (printed, status) = serve_and_stop(&db.url, &["--demo"]);
        assert!(status.success(), "{status:?}");
        assert!(printed.contains("Demo content is loaded"));
        assert!(printed.contains("hollis"));
    }
}

#[test]
fn serve_refuses_a_default_language_it_does_not_speak() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("hearth.db").display());
    let output = hearth(
        &database,
        &["serve", "--addr", "127.0.0.1:0", "--default-lang", "xx"],
    );
    assert_setup_failure(&output, "choose one of: en, es");
}

#[test]
fn json_logs_are_one_object_a_line_with_the_request_id() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("hearth.db").display());
    let (_, logs, status) = serve_and_stop_with_logs(&database, &["--log-format", "json"]);
    assert!(status.success());
    let mut saw_request = false;
    for line in logs.lines() {
        assert!(
            line.starts_with('{') && line.ends_with('}'),
            "not JSON: {line}"
        );
        if line.contains("finished processing request") {
            assert!(
                line.contains(r#""name":"request""#) && line.contains(r#""id":""#),
                "{line}"
            );
            saw_request = true;
        }
    }
    assert!(saw_request, "{logs}");
}

#[test]
fn serve_creates_its_sqlite_file_on_a_fresh_machine() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.db");
    let (_, status) = serve_and_stop(&format!("sqlite://{}", path.display()), &[]);
    assert!(status.success());
    assert!(path.exists());
}

/// `hearth` as on a machine where the operator set no data key.
fn hearth_without_key(database: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearth"))
        .args(args)
        .env("HEARTH_DATABASE_URL", database)
        .env_remove("HEARTH_DATA_KEY")
        .env_remove("HEARTH_DATA_KEY_FILE")
        .output()
        .expect("the hearth binary runs")
}

#[tokio::test]
async fn the_data_key_file_is_made_once_kept_private_and_rotated() {
    use hearth_domain::recovery::CheckIn;
    use hearth_store::sealing::Keyring;
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("hearth.db").display());
    let key_file = dir.path().join("hearth-data.key");
    let first = hearth_without_key(&url, &["migrate"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stdout(&first).contains("Back it up apart from the database"),
        "the operator is told"
    );
    let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "readable by its owner alone");
    let original = std::fs::read_to_string(&key_file).unwrap();
    assert!(hearth_without_key(&url, &["migrate"]).status.success());
    assert_eq!(
        std::fs::read_to_string(&key_file).unwrap(),
        original,
        "made once"
    );

    // A member's note, sealed with the key in the file.
    let open = |keys: Keyring| {
        let url = url.clone();
        async move {
            let store = hearth_store::Store::connect(&url).await.unwrap();
            store.with_data_keys(keys).await
        }
    };
    let store = open(Keyring::parse(&original).unwrap()).await.unwrap();
    let member = store
        .create_account(
            &hearth_domain::people::Handle::parse("wren").unwrap(),
            "hash",
            None,
            Timestamp::now(),
        )
        .await
        .unwrap()
        .id;
    let today = jiff::civil::date(2026, 11, 27);
    let note = CheckIn::parse("3", "4", "", "", "a quiet win").unwrap();
    store
        .save_check_in(member, today, &note, Timestamp::now())
        .await
        .unwrap();
    store.close().await;

    let rotated = hearth_without_key(&url, &["data-key", "rotate"]);
    assert!(rotated.status.success(), "{}", stderr(&rotated));
    assert!(
        stdout(&rotated).contains("Sealed 1 private texts"),
        "{}",
        stdout(&rotated)
    );
    let after = std::fs::read_to_string(&key_file).unwrap();
    let new_keys = Keyring::parse(&after).unwrap();
    assert_eq!(new_keys.keys().len(), 1, "only the new key is left");
    assert_ne!(
        new_keys.current().encoded(),
        Keyring::parse(&original).unwrap().current().encoded()
    );
    assert_eq!(
        std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let store = open(new_keys).await.unwrap();
    let read = store.check_in_on(member, today).await.unwrap().unwrap();
    assert_eq!(read.check_in.note(), "a quiet win");
    store.close().await;
    assert!(
        open(Keyring::parse(&original).unwrap()).await.is_err(),
        "the old key alone is not enough"
    );

    // Without its key file, the server stops rather than make a new key.
    std::fs::remove_file(&key_file).unwrap();
    let refused = hearth_without_key(&url, &["migrate"]);
    assert_setup_failure(&refused, "the data key file");
    assert!(stderr(&refused).contains("restore the file from your backup"));
    assert!(!key_file.exists());
}

#[test]
fn data_keys_from_the_environment_rotate_when_the_new_one_is_listed_first() {
    let generated = hearth_without_key("sqlite://unused.db", &["data-key", "generate"]);
    let new_key = stdout(&generated).trim().to_owned();
    assert_eq!(new_key.len(), 44, "32 bytes in base64: {new_key}");
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("hearth.db").display());
    let with_key = |keys: &str, args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_hearth"))
            .args(args)
            .env("HEARTH_DATABASE_URL", &url)
            .env("HEARTH_DATA_KEY", keys)
            .output()
            .unwrap()
    };
    assert!(with_key(TEST_DATA_KEY, &["migrate"]).status.success());
    assert!(
        !dir.path().join("hearth-data.key").exists(),
        "the variable wins"
    );
    let one_key = with_key(TEST_DATA_KEY, &["data-key", "rotate"]);
    assert_eq!(one_key.status.code(), Some(1));
    assert!(stderr(&one_key).contains("NEW,OLD"), "{}", stderr(&one_key));
    let wrong = with_key(&new_key, &["migrate"]);
    assert_setup_failure(&wrong, "which this server was not given");
    let both = format!("{new_key},{TEST_DATA_KEY}");
    let rotated = with_key(&both, &["data-key", "rotate"]);
    assert!(rotated.status.success(), "{}", stderr(&rotated));
    assert!(
        with_key(&new_key, &["migrate"]).status.success(),
        "the new key alone now"
    );
    assert_setup_failure(
        &with_key("not a key", &["migrate"]),
        "HEARTH_DATA_KEY cannot be used",
    );
}
