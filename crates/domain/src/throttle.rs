//! Login throttling: how many failed sign-ins we allow before asking a person
//! (or a script) to wait.

use jiff::{SignedDuration, Timestamp};

/// A limit of `max_failures` failed attempts within `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureLimit {
    pub max_failures: usize,
    pub window: SignedDuration,
}

impl FailureLimit {
    /// Failed sign-ins for one handle, from anywhere.
    pub const PER_HANDLE: FailureLimit = FailureLimit {
        max_failures: 5,
        window: SignedDuration::from_mins(15),
    };

    /// Failed sign-ins from one network address, for any handle.
    pub const PER_ADDRESS: FailureLimit = FailureLimit {
        max_failures: 20,
        window: SignedDuration::from_mins(15),
    };

    /// How long to wait before another attempt is allowed, or `None` when one
    /// is allowed now.
    ///
    /// `recent_failures` are the failures inside the window, newest first; only
    /// the first `max_failures` of them matter. Once the limit is reached, the
    /// next attempt frees up when the oldest of those leaves the window.
    pub fn wait_before_next_attempt(
        &self,
        recent_failures: &[Timestamp],
        now: Timestamp,
    ) -> Option<SignedDuration> {
        let oldest_that_counts = recent_failures.get(self.max_failures.checked_sub(1)?)?;
        let frees_up_at = oldest_that_counts.checked_add(self.window).ok()?;
        let wait = frees_up_at.duration_since(now);
        wait.is_positive().then_some(wait)
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
            FailureLimit::PER_HANDLE.wait_before_next_attempt(&four, now),
            None
        );
    }

    #[test]
    fn waits_until_the_oldest_counted_failure_leaves_the_window() {
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        // Newest first: 0, 1, 2, 3, 10 minutes ago.
        let five: Vec<_> = [0, 1, 2, 3, 10].map(|m| minutes_ago(now, m)).to_vec();
        assert_eq!(
            FailureLimit::PER_HANDLE.wait_before_next_attempt(&five, now),
            Some(SignedDuration::from_mins(5))
        );
    }

    #[test]
    fn failures_older_than_the_window_do_not_count() {
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        let stale: Vec<_> = [1, 2, 3, 4, 15].map(|m| minutes_ago(now, m)).to_vec();
        assert_eq!(
            FailureLimit::PER_HANDLE.wait_before_next_attempt(&stale, now),
            None
        );
    }
}
