//! `hearth bench groups`, shrunk to seconds, on both databases: it loads its
//! synthetic groups, reads the pages as members (every request answered
//! 200), and leaves data the store reads back as the app would have written
//! it. The figures themselves are not checked: they are for people.

use std::process::{Command, Output};

use hearth_domain::people::Handle;
use hearth_store::backend_tests;
use hearth_store::groups::GroupId;
use hearth_store::groups::posts::{REPLIES_PER_PAGE, WithMarkdown};
use hearth_store::people::AccountId;
use hearth_store::testing::{TEST_DATA_KEY, TestDatabase};

const GROUPS: i64 = 12;
const POSTS: i64 = 400;

fn bench(database: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearth"))
        .args([
            "bench",
            "groups",
            "--groups",
            &GROUPS.to_string(),
            "--members",
            "60",
            "--posts",
            &POSTS.to_string(),
            "--seconds",
            "1",
            "--connections",
            "4",
            "--database",
            database,
        ])
        // The bench's server opens the test database, sealed with this key.
        .env("HEARTH_DATA_KEY", TEST_DATA_KEY)
        .output()
        .expect("the hearth binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The (requests, failed) of a row of the bench's table.
fn row(out: &str, name: &str) -> (u64, u64) {
    let line = (out.lines())
        .find(|line| line.starts_with(name))
        .unwrap_or_else(|| panic!("no {name:?} row in:\n{out}"));
    let numbers: Vec<&str> = line[name.len()..].split_whitespace().collect();
    let requests = numbers[0].parse().expect("a count of requests");
    let failed = numbers[numbers.len() - 1]
        .parse()
        .expect("a count of failures");
    (requests, failed)
}

backend_tests! {
    setup = TestDatabase::new;

    async fn the_groups_bench_loads_and_reads_pages_as_members(db) {
        let output = bench(&db.url);
        let out = text(&output.stdout);
        assert!(output.status.success(), "{out}\n{}", text(&output.stderr));
        assert!(out.contains("signing in through the API answered 201"), "{out}");
        assert!(out.contains("non-member asking for a group page is answered 404"), "{out}");
        for name in ["/healthz", "group page", "thread page"] {
            let (requests, failed) = row(&out, name);
            assert!(requests > 0, "{name}: {out}");
            assert_eq!(failed, 0, "{name}: {out}");
        }

        // What the loader wrote reads back through the store as the app's
        // own writes would: every post in a thread, reply counts that match
        // the replies, responses on the posts, and ids that new rows continue
        // from.
        let store = &db.store;
        let mut posts = 0;
        let mut with_responses = 0;
        for group in 1..=GROUPS {
            let group = GroupId(group);
            let threads = store.threads(group, AccountId(1), None, 10_000).await.unwrap();
            assert!(!threads.is_empty(), "group {group:?} has threads");
            for thread in threads {
                posts += 1 + thread.reply_count;
                if thread.reply_count <= i64::from(REPLIES_PER_PAGE) {
                    let page = store
                        .thread_page(group, thread.id, AccountId(1), None, WithMarkdown::Yes)
                        .await
                        .unwrap()
                        .expect("a listed thread has a page");
                    assert_eq!(page.replies.len() as i64, thread.reply_count);
                    with_responses += (std::iter::once(&page.share).chain(&page.replies))
                        .filter(|post| !post.supports.is_empty())
                        .count();
                    assert!(page.replies.iter().all(|reply| reply.created_at
                        >= page.share.created_at
                        && reply.created_at <= page.share.last_activity_at));
                }
            }
        }
        assert_eq!(posts, POSTS);
        assert!(with_responses > 0, "the loaded responses show on the posts");
        let handle = Handle::parse("after_the_bench").unwrap();
        let account = store
            .create_account(&handle, "not a real hash", None, jiff::Timestamp::now())
            .await
            .unwrap();
        assert!(account.id.0 > 60, "new ids follow the loaded ones: {account:?}");
    }

    async fn the_groups_bench_wants_an_empty_database(db) {
        assert!(bench(&db.url).status.success());
        let again = bench(&db.url);
        assert_eq!(again.status.code(), Some(1), "{}", text(&again.stdout));
        assert!(text(&again.stderr).contains("give the bench an empty one"));
    }
}
