//! Throttles: how many failed sign-ins, and how many posts, replies, reports
//! and invitations, we allow in a while before asking a person (or a
//! script) to wait. They brake abuse; they should never slow a person
//! taking part at a human pace.

use jiff::{SignedDuration, Timestamp};

/// At most `max_events` events within `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max_events: usize,
    pub window: SignedDuration,
}

impl Limit {
    /// Failed sign-ins for one handle, from anywhere.
    pub const LOGIN_PER_HANDLE: Limit = Limit {
        max_events: 5,
        window: SignedDuration::from_mins(15),
    };

    /// Failed sign-ins from one network address, for any handle.
    pub const LOGIN_PER_ADDRESS: Limit = Limit {
        max_events: 20,
        window: SignedDuration::from_mins(15),
    };

    /// How long to wait before another attempt is allowed, or `None` when one
    /// is allowed now.
    ///
    /// `recent` are the events inside the window, newest first; only the
    /// first `max_events` of them matter. Once the limit is reached, the
    /// next attempt frees up when the oldest of those leaves the window.
    pub fn wait_before_next_attempt(
        &self,
        recent: &[Timestamp],
        now: Timestamp,
    ) -> Option<SignedDuration> {
        let oldest_that_counts = recent.get(self.max_events.checked_sub(1)?)?;
        let frees_up_at = oldest_that_counts.checked_add(self.window).ok()?;
        let wait = frees_up_at.duration_since(now);
        wait.is_positive().then_some(wait)
    }
}

/// A write that rate limits count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RateAction {
    Post,
    Reply,
    Report,
    Invite,
}

/// How long an account counts as new, with tighter limits: most abuse comes
/// from accounts made for it.
pub const NEW_ACCOUNT_AGE: SignedDuration = SignedDuration::from_hours(24);

impl RateAction {
    pub const ALL: [RateAction; 4] = [
        RateAction::Post,
        RateAction::Reply,
        RateAction::Report,
        RateAction::Invite,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RateAction::Post => "post",
            RateAction::Reply => "reply",
            RateAction::Report => "report",
            RateAction::Invite => "invite",
        }
    }

    /// The limit for one account: within an hour, room for a busy evening
    /// of sharing and answering, not for a flood. An account under
    /// [`NEW_ACCOUNT_AGE`] gets a third of it.
    pub fn per_account(self, account_is_new: bool) -> Limit {
        let per_hour = match self {
            RateAction::Post => 12,
            RateAction::Reply => 60,
            RateAction::Report => 15,
            RateAction::Invite => 30,
        };
        Limit {
            max_events: if account_is_new {
                per_hour / 3
            } else {
                per_hour
            },
            window: SignedDuration::from_hours(1),
        }
    }

    /// The limit for one network address, over every account using it:
    /// several people may share a clinic's or a shelter's connection, so
    /// it is four times one account's.
    pub fn per_address(self) -> Limit {
        let one = self.per_account(false);
        Limit {
            max_events: one.max_events * 4,
            ..one
        }
    }

    /// The longest window of any limit: events older than this never count.
    pub fn longest_window() -> SignedDuration {
        (RateAction::ALL.into_iter())
            .flat_map(|action| [action.per_account(true), action.per_address()])
            .map(|limit| limit.window)
            .max()
            .unwrap_or(SignedDuration::ZERO)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes_ago(now: Timestamp, minutes: i64) -> Timestamp {
        now.checked_sub(SignedDuration::from_mins(minutes)).unwrap()
    }

    #[test]
    fn allows_attempts_below_the_limit() {
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        let four: Vec<_> = (0..4).map(|m| minutes_ago(now, m)).collect();
        assert_eq!(
            Limit::LOGIN_PER_HANDLE.wait_before_next_attempt(&four, now),
            None
        );
    }

    #[test]
    fn waits_until_the_oldest_counted_failure_leaves_the_window() {
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        // Newest first: 0, 1, 2, 3, 10 minutes ago.
        let five: Vec<_> = [0, 1, 2, 3, 10].map(|m| minutes_ago(now, m)).to_vec();
        assert_eq!(
            Limit::LOGIN_PER_HANDLE.wait_before_next_attempt(&five, now),
            Some(SignedDuration::from_mins(5))
        );
    }

    #[test]
    fn failures_older_than_the_window_do_not_count() {
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        let stale: Vec<_> = [1, 2, 3, 4, 15].map(|m| minutes_ago(now, m)).to_vec();
        assert_eq!(
            Limit::LOGIN_PER_HANDLE.wait_before_next_attempt(&stale, now),
            None
        );
    }

    #[test]
    fn new_accounts_get_a_third_of_the_room() {
        for action in RateAction::ALL {
            let settled = action.per_account(false).max_events;
            let new = action.per_account(true).max_events;
            assert!(
                new >= 1 && new * 3 <= settled,
                "{action:?}: {new} of {settled}"
            );
            assert!(action.per_address().max_events > settled);
        }
        assert_eq!(RateAction::longest_window(), SignedDuration::from_hours(1));
    }
}
