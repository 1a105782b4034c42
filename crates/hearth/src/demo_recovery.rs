//! Demo recovery records: counters for river, with a kept streak and a
//! milestone waiting to be celebrated, a few months of check-ins so the
//! charts have shape, and journal entries; and marisol's counter, which
//! matches her six-month share. A person's record is loaded only while it
//! is empty, so a second load, or anything a visitor wrote since, is left
//! as it is, whatever day it runs on.

use hearth_domain::people::{Handle, TimeZoneName};
use hearth_domain::recovery::{
    CheckIn, CounterLabel, Craving, JournalText, Mood, PartnerSees, Program, StartDate,
    local_today, reset,
};
use hearth_store::people::AccountId;
use hearth_store::recovery::CounterId;
use hearth_store::{Store, StoreError};
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// How many days back river's check-ins go: enough for the 90-day chart.
const CHECK_IN_DAYS: i64 = 120;
/// The day river went back to the betting app. The gambling count started
/// again the next day, so its 90-day milestone fell two days ago and the
/// celebration is offered.
const SLIP_DAYS_AGO: i64 = 93;
const RESTART_DAYS_AGO: i64 = SLIP_DAYS_AGO - 1;

const HELPED: &[&str] = &[
    "The evening meeting",
    "Calling my sponsor",
    "A long walk after work",
    "Cooking dinner with my sister",
    "Going to bed early",
    "Reading the daily reflection",
    "Posting in the Evening Circle",
];

const NOTES: &[&str] = &[
    "Quiet day. Grateful for that.",
    "Work was stressful, but I didn't act on it.",
    "Slept well for the first time in a while.",
    "Told a friend about my counters. She was kind about it.",
    "Restless in the afternoon; it passed.",
    "Good talk at the meeting tonight.",
];

const FIRST_ENTRY: &str = "Starting again today.

I went back to the betting app on payday. I feel *tired* more than anything, \
and a little ashamed, but I told my sponsor and she didn't flinch.

What I'm doing differently this time:

- my pay goes into savings the same morning
- no betting apps on my phone
- a meeting every Friday evening, planned ahead";

const SECOND_ENTRY: &str = "Ninety days without a bet.

Fridays are easier now. Not easy, **easier**. I went to the late meeting and \
walked home the long way.

Three things I'm grateful for this week:

- Marisol's six-month share
- sleeping through the night
- the Thursday group";

/// Loads the demo recovery records: river's and marisol's, and sam_t as
/// river's accountability partner.
pub async fn load(store: &Store, now: Timestamp) -> Result<(), String> {
    if let Some(river) = empty_record(store, "river", "America/Chicago", now).await? {
        load_river(store, &river).await?;
    }
    if let Some(marisol) = empty_record(store, "marisol", "America/Los_Angeles", now).await? {
        // Her share in the Evening Circle says six months, a few days ago,
        // so that milestone is already announced.
        let start = marisol.today - 3.days() - 6.months();
        let alcohol =
            add_counter(store, &marisol, "Alcohol", Program::TwelveStep, start, None).await?;
        if let Some(six_months) = Program::TwelveStep.reached_by(start, marisol.today).pop() {
            store
                .mark_announced(marisol.id, alcohol, six_months.date)
                .await
                .map_err(text)?;
        }
    }
    partner_for_river(store, now).await
}

/// sam_t supports river, seeing their counters, check-in scores and quiet
/// days, but not their notes.
async fn partner_for_river(store: &Store, now: Timestamp) -> Result<(), String> {
    let river = Handle::parse("river").map_err(text)?;
    let river = (store.credentials(river.key()).await.map_err(text)?)
        .ok_or("the demo person river is missing")?
        .account
        .id;
    if !store.partnerships(river).await.map_err(text)?.is_empty() {
        return Ok(());
    }
    let invited = store
        .invite_partner(river, &Handle::key_of("sam_t"), PartnerSees::default(), now)
        .await;
    let id = match invited {
        Ok(id) => id,
        // Another node loading the demo at the same moment invited them.
        Err(StoreError::Conflict(_)) => return Ok(()),
        Err(error) => return Err(text(error)),
    };
    let sam = (store.partnership(river, id).await.map_err(text)?)
        .ok_or("the demo partnership is missing")?
        .partner
        .id;
    store.accept_partnership(sam, id, now).await.map_err(text)
}

/// A demo person whose record is being written, on their today.
struct Member {
    id: AccountId,
    today: Date,
    zone: TimeZone,
}

impl Member {
    /// When something dated `day` was written: that evening.
    fn evening(&self, day: Date) -> Result<Timestamp, String> {
        let zoned = day
            .at(20, 0, 0, 0)
            .to_zoned(self.zone.clone())
            .map_err(text)?;
        Ok(zoned.timestamp())
    }
}

/// The person, when they have no counters, check-ins or journal entries
/// yet; their time zone is set to `zone` if they have none.
async fn empty_record(
    store: &Store,
    handle: &str,
    zone: &str,
    now: Timestamp,
) -> Result<Option<Member>, String> {
    let handle = Handle::parse(handle).map_err(text)?;
    let account = (store.credentials(handle.key()).await.map_err(text)?)
        .ok_or_else(|| format!("the demo person {handle} is missing"))?
        .account;
    let id = account.id;
    if !store.counters(id).await.map_err(text)?.is_empty()
        || store.last_check_in_day(id).await.map_err(text)?.is_some()
        || !store.journal(id).await.map_err(text)?.is_empty()
    {
        return Ok(None);
    }
    let zone = match account.time_zone {
        // As the recovery pages read it: UTC for a zone no longer known.
        Some(chosen) => TimeZone::get(&chosen).unwrap_or(TimeZone::UTC),
        None => {
            let zone = TimeZoneName::parse(zone).map_err(text)?;
            store.set_time_zone(id, &zone).await.map_err(text)?;
            zone.time_zone()
        }
    };
    let today = local_today(now, &zone);
    Ok(Some(Member { id, today, zone }))
}

async fn load_river(store: &Store, river: &Member) -> Result<(), String> {
    // Four weeks in, as river's question in the Evening Circle says, after
    // thirteen months that ended at a wedding.
    let sober_since = river.today - 28.days();
    let first_try = (
        sober_since - 13.months(),
        "Thirteen months, then a wedding with an open bar. Next time I bring my sponsor's \
         number, a plan to leave early, and a friend who knows.",
    );
    let alcohol = add_counter(
        store,
        river,
        "Alcohol",
        Program::TwelveStep,
        sober_since,
        Some(first_try),
    )
    .await?;
    let restart = river.today - RESTART_DAYS_AGO.days();
    let before_the_slip = (
        restart - 47.days(),
        "Payday weekends are my hardest. Now my pay goes into savings the same morning.",
    );
    let gambling = add_counter(
        store,
        river,
        "Gambling",
        Program::Every30Days,
        restart,
        Some(before_the_slip),
    )
    .await?;
    let groups: Vec<_> = (store.groups_of(river.id).await.map_err(text)?)
        .into_iter()
        .map(|(listing, _)| listing.group.id)
        .collect();
    for counter in [alcohol, gambling] {
        store
            .set_announcement_groups(river.id, counter, &groups)
            .await
            .map_err(text)?;
    }

    // Up to yesterday: today's form is left for the visitor.
    for days_ago in (1..=CHECK_IN_DAYS).rev() {
        let day = river.today - days_ago.days();
        if let Some(check_in) = river_check_in(days_ago, day.weekday())? {
            store
                .save_check_in(river.id, day, &check_in, river.evening(day)?)
                .await
                .map_err(text)?;
        }
    }

    for (days_ago, entry) in [(RESTART_DAYS_AGO, FIRST_ENTRY), (2, SECOND_ENTRY)] {
        let day = river.today - days_ago.days();
        let entry = JournalText::parse(entry).map_err(text)?;
        store
            .write_journal_entry(river.id, day, &entry, river.evening(day)?)
            .await
            .map_err(text)?;
    }
    Ok(())
}

/// River's check-in `days_ago`, or `None` on a day they skipped. The scores
/// climb gently, dip around the slip and in a hard week at work, and are a
/// little harder on Fridays; the wobble is arithmetic, not random, so every
/// load writes the same days.
fn river_check_in(days_ago: i64, weekday: Weekday) -> Result<Option<CheckIn>, String> {
    let quiet_after_slip = (RESTART_DAYS_AGO - 3..RESTART_DAYS_AGO).contains(&days_ago);
    let skipped = days_ago * 7 % 11 == 3 || days_ago * days_ago % 19 == 7;
    if days_ago > 1 && (skipped || quiet_after_slip) {
        return Ok(None);
    }
    let progress = (CHECK_IN_DAYS - days_ago) as f64 / (CHECK_IN_DAYS - 1) as f64;
    let wobble = (days_ago * 5 % 7) as f64 / 6.0 - 0.5;
    let rough = if (SLIP_DAYS_AGO..SLIP_DAYS_AGO + 8).contains(&days_ago) {
        1.0
    } else if (42..46).contains(&days_ago) {
        0.6
    } else {
        0.0
    };
    let friday = if weekday == Weekday::Friday { 1.0 } else { 0.0 };
    let mood = 2.3 + 2.2 * progress + 0.9 * wobble - 1.2 * rough - 0.4 * friday;
    let craving = 6.5 - 5.0 * progress + 1.5 * wobble + 2.5 * rough + 1.5 * friday;
    let mood = Mood::new(mood.round().clamp(1.0, 5.0) as u8).map_err(text)?;
    let craving = Craving::new(craving.round().clamp(0.0, 10.0) as u8).map_err(text)?;
    let pick = |every: i64, from: &[&'static str]| match days_ago % every {
        0 => from[(days_ago / every) as usize % from.len()],
        _ => "",
    };
    let (used, helped, note) = match days_ago {
        SLIP_DAYS_AGO => (
            Some(true),
            "Being honest about it",
            "Payday. I went back to the betting app. Told my sponsor tonight.",
        ),
        RESTART_DAYS_AGO => (
            Some(false),
            "Deleting the app",
            "Starting the gambling count again today.",
        ),
        // Some days river would rather not say.
        _ => (
            (days_ago % 4 != 0).then_some(false),
            pick(5, HELPED),
            pick(9, NOTES),
        ),
    };
    CheckIn::new(mood, craving, used, helped, note)
        .map(Some)
        .map_err(text)
}

/// Starts a counter on `start`. With `earlier` (a first start and what was
/// learned), it ran from that first start and began again on `start`,
/// keeping the first streak in its history.
async fn add_counter(
    store: &Store,
    member: &Member,
    label: &str,
    program: Program,
    start: Date,
    earlier: Option<(Date, &str)>,
) -> Result<CounterId, String> {
    let label = CounterLabel::parse(label).map_err(text)?;
    let first_start = earlier.map_or(start, |(first_start, _)| first_start);
    let counter = store
        .create_counter(
            member.id,
            &label,
            program,
            StartDate::new(first_start, member.today).map_err(text)?,
            member.evening(first_start)?,
        )
        .await
        .map_err(text)?;
    if let Some((_, learned)) = earlier {
        let reset = reset(first_start, start, member.today).map_err(text)?;
        store
            .reset_counter(
                member.id,
                counter.id,
                &reset,
                learned,
                member.evening(start)?,
            )
            .await
            .map_err(text)?;
    }
    Ok(counter.id)
}

fn text(error: impl std::fmt::Display) -> String {
    error.to_string()
}
