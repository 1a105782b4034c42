//! Dates, times and numbers as each language writes them, with jiff for the
//! calendar and the message files for the words and patterns, so a
//! translator controls both ("Tuesday, March 3" / "martes 3 de marzo").

use std::collections::HashMap;
use std::sync::RwLock;

use fluent_bundle::FluentArgs;
use jiff::Timestamp;
use jiff::civil::{Date, Time};

use super::{Lang, WithFallback};

/// The `$day` keys of `format-weekday`, Monday first as
/// [`jiff::civil::Weekday::to_monday_zero_offset`] counts.
const WEEKDAY_KEYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// How many dates a language remembers before it forgets them all and
/// starts again: eleven years of days, far more than pages show at once.
pub(super) const DATES_REMEMBERED: usize = 4096;

/// One language's names of days and months and every time of day,
/// formatted when the catalog loads, and the dates formatted since.
///
/// Why: a page shows many timestamps, and formatting each through Fluent
/// (weekday, month, date, time, then the two together) was about a tenth of
/// a group page's work. A day has only 1,440 minutes, so all are formatted
/// once; the dates a site shows are few (there is one a day), so each is
/// formatted the first time it is shown and remembered. Remembering whole timestamps
/// instead would rarely help: no two posts share a minute on a busy site.
/// Every string still comes out of Fluent, so a translator's patterns keep
/// their full power (a choice by the day's number, say).
pub(super) struct Calendar {
    weekdays: [String; 7],
    /// January first.
    months: [String; 12],
    /// Midnight first, a minute apart.
    times_of_day: Vec<String>,
    dates: RwLock<HashMap<Date, String>>,
}

impl Calendar {
    pub(super) fn new(messages: WithFallback<'_>) -> Calendar {
        let weekdays = WEEKDAY_KEYS.map(|key| {
            let mut args = FluentArgs::new();
            args.set("day", key);
            messages.format("format-weekday", Some(&args))
        });
        let months = std::array::from_fn(|index| {
            let mut args = FluentArgs::new();
            args.set("month", index as i64 + 1);
            messages.format("format-month", Some(&args))
        });
        let times_of_day = (0..24)
            .flat_map(|hour| (0..60).map(move |minute| (hour, minute)))
            .map(|(hour, minute): (i8, i8)| {
                let hour12 = match hour % 12 {
                    0 => 12,
                    h => h,
                };
                let mut args = FluentArgs::new();
                args.set("hour", hour.to_string());
                args.set("hour12", hour12.to_string());
                args.set("minute", format!("{minute:02}"));
                args.set("period", if hour < 12 { "am" } else { "pm" });
                messages.format("format-time", Some(&args))
            })
            .collect();
        Calendar {
            weekdays,
            months,
            times_of_day,
            dates: RwLock::new(HashMap::new()),
        }
    }

    fn time(&self, time: Time) -> &str {
        &self.times_of_day[time.hour() as usize * 60 + time.minute() as usize]
    }

    fn remembered_date(&self, date: Date) -> Option<String> {
        let dates = self.dates.read().unwrap_or_else(|e| e.into_inner());
        dates.get(&date).cloned()
    }

    fn remember_date(&self, date: Date, text: &str) {
        let mut dates = self.dates.write().unwrap_or_else(|e| e.into_inner());
        if dates.len() >= DATES_REMEMBERED {
            dates.clear();
        }
        dates.insert(date, text.to_owned());
    }

    /// How many dates are remembered, for the test that they stay few.
    #[cfg(test)]
    pub(super) fn dates_remembered(&self) -> usize {
        self.dates.read().unwrap_or_else(|e| e.into_inner()).len()
    }
}

impl Lang {
    /// A day, in full: "Tuesday, March 3, 2026" / "martes 3 de marzo de 2026".
    pub fn date(self, date: Date) -> String {
        let calendar = &self.locale.calendar;
        if let Some(text) = calendar.remembered_date(date) {
            return text;
        }
        let mut args = FluentArgs::new();
        args.set(
            "weekday",
            calendar.weekdays[date.weekday().to_monday_zero_offset() as usize].as_str(),
        );
        args.set("day", i64::from(date.day()));
        args.set("month", calendar.months[date.month() as usize - 1].as_str());
        args.set("year", date.year().to_string());
        let text = self.format("format-date", Some(&args));
        calendar.remember_date(date, &text);
        text
    }

    /// A time of day: "7:00 PM" / "7:00 p. m.".
    pub fn time(self, time: Time) -> String {
        self.locale.calendar.time(time).to_owned()
    }

    /// An instant, in UTC until people have time zones of their own.
    pub fn date_time_utc(self, instant: Timestamp) -> String {
        let civil = instant.to_zoned(jiff::tz::TimeZone::UTC).datetime();
        let date = self.date(civil.date());
        let mut args = FluentArgs::new();
        args.set("date", date.as_str());
        args.set("time", self.locale.calendar.time(civil.time()));
        self.format("format-date-time-utc", Some(&args))
    }

    /// A whole number with the language's digit grouping: "12,345" /
    /// "12.345" (and "1234" in Spanish, which groups from five digits).
    pub fn number(self, n: i64) -> String {
        let separator = self.t("format-number-group-separator");
        let min_digits: usize = self
            .t("format-number-min-grouping-digits")
            .parse()
            .unwrap_or(4);
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        if n < 0 {
            out.push('-');
        }
        if digits.len() < min_digits {
            out.push_str(&digits);
            return out;
        }
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(&separator);
            }
            out.push(digit);
        }
        out
    }
}
