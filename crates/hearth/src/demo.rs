//! Demo content for `hearth serve --demo` and `hearth demo`: a few people to
//! sign in as, a few hundred meetings for the finder, support groups and
//! recovery records.
//! Loading it twice changes nothing. Later features add their own demo
//! content here.

use hearth_domain::meetings::feed::parse_record;
use hearth_domain::moderation::ModeratorReason;
use hearth_domain::people::{Handle, NewPassword, Role};
use hearth_store::{Store, StoreError};
use jiff::Timestamp;

use crate::synthetic;

#[path = "demo_groups.rs"]
mod groups;
#[path = "demo_recovery.rs"]
mod recovery;

/// Enough meetings to fill the finder in every demo city, in person, hybrid
/// and online, while `serve --demo` still starts at once.
pub const DEMO_MEETINGS: usize = 400;
/// Fixed, so every load is the same feed and a reload changes nothing.
const DEMO_SEED: u64 = 2026;
/// The demo owns this source wholly: meetings a newer demo no longer has are
/// removed from it.
const DEMO_SOURCE: &str = "demo";

/// What the demo loaded.
pub struct Demo {
    pub logins: Vec<&'static DemoLogin>,
    /// How many demo meetings there are now.
    pub meetings: usize,
    /// How many demo support groups there are.
    pub groups: usize,
}

/// One demo person to sign in as.
pub struct DemoLogin {
    pub handle: &'static str,
    pub password: &'static str,
    pub about: &'static str,
}

/// Demo passwords are printed for anyone to use: never run a public site with
/// demo content loaded.
const DEMO_PEOPLE: &[(DemoLogin, &[Role])] = &[
    (
        DemoLogin {
            handle: "hollis",
            password: "demo-hollis-hearth",
            about: "site admin and meeting-list editor",
        },
        &[Role::Admin, Role::Directory],
    ),
    (
        DemoLogin {
            handle: "river",
            password: "demo-river-hearth",
            about: "a member",
        },
        &[],
    ),
    (
        DemoLogin {
            handle: "marisol",
            password: "demo-marisol-hearth",
            about: "a member",
        },
        &[],
    ),
    (
        DemoLogin {
            handle: "sam_t",
            password: "demo-sam-hearth",
            about: "a member",
        },
        &[],
    ),
];

pub async fn load(store: &Store) -> Result<Demo, String> {
    let now = Timestamp::now();
    let mut logins = Vec::new();
    for (login, roles) in DEMO_PEOPLE {
        let handle = Handle::parse(login.handle).map_err(|e| e.to_string())?;
        if store
            .credentials(handle.key())
            .await
            .map_err(|e| e.to_string())?
            .is_none()
        {
            let password = NewPassword::parse(login.password).map_err(|e| e.to_string())?;
            let hash = hearth_web::auth::password::hash(&password)
                .await
                .map_err(|e| e.to_string())?;
            match store.create_account(&handle, &hash, None, now).await {
                // Another node loading the demo at the same moment made it.
                Ok(_) | Err(StoreError::Conflict(_)) => {}
                Err(error) => return Err(error.to_string()),
            }
        }
        let reason = ModeratorReason::parse("Demo content").map_err(|e| e.to_string())?;
        for role in *roles {
            store
                .grant_role(handle.key(), *role, &reason, now)
                .await
                .map_err(|e| e.to_string())?;
        }
        logins.push(login);
    }
    let meetings = load_meetings(store, now).await?;
    let groups = groups::load(store, now).await?;
    recovery::load(store, now).await?;
    Ok(Demo {
        logins,
        meetings,
        groups,
    })
}

/// Imports the demo feed as an operator's import would; its records carry
/// fixed `updated` stamps, so a second load finds every meeting unchanged.
async fn load_meetings(store: &Store, now: Timestamp) -> Result<usize, String> {
    let meetings = synthetic::feed(DEMO_MEETINGS, DEMO_SEED)
        .into_iter()
        .map(|record| parse_record(record, None))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("a demo meeting does not read: {e}"))?;
    let report = store
        .import_meetings(DEMO_SOURCE, &meetings, true, now)
        .await
        .map_err(|e| e.to_string())?;
    Ok(report.added + report.updated + report.unchanged)
}
