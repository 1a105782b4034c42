//! Demo content for `hearth serve --demo` and `hearth demo`: a few people to
//! sign in as. Loading it twice changes nothing. Later features add their
//! own demo content here.

use hearth_domain::people::{Handle, NewPassword, Role};
use hearth_store::{Store, StoreError};
use jiff::Timestamp;

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

pub async fn load(store: &Store) -> Result<Vec<&'static DemoLogin>, String> {
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
        for role in *roles {
            store
                .grant_role(handle.key(), *role, now)
                .await
                .map_err(|e| e.to_string())?;
        }
        logins.push(login);
    }
    Ok(logins)
}
