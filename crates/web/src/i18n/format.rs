//! Dates, times and numbers as each language writes them, with jiff for the
//! calendar and the message files for the words and patterns, so a
//! translator controls both ("Tuesday, March 3" / "martes 3 de marzo").

use jiff::Timestamp;
use jiff::civil::{Date, Time, Weekday};

use super::Lang;

impl Lang {
    /// A day, in full: "Tuesday, March 3, 2026" / "martes 3 de marzo de 2026".
    pub fn date(self, date: Date) -> String {
        self.format_with(
            "format-date",
            &[
                ("weekday", self.weekday(date.weekday()).into()),
                ("day", i64::from(date.day()).into()),
                ("month", self.month(date.month())),
                ("year", date.year().to_string().into()),
            ],
        )
    }

    /// A time of day: "7:00 PM" / "7:00 p. m.".
    pub fn time(self, time: Time) -> String {
        let hour = time.hour();
        let hour12 = match hour % 12 {
            0 => 12,
            h => h,
        };
        self.format_with(
            "format-time",
            &[
                ("hour", hour.to_string().into()),
                ("hour12", hour12.to_string().into()),
                ("minute", format!("{:02}", time.minute()).into()),
                ("period", if hour < 12 { "am" } else { "pm" }.into()),
            ],
        )
    }

    /// An instant, in UTC until people have time zones of their own.
    pub fn date_time_utc(self, instant: Timestamp) -> String {
        let civil = instant.to_zoned(jiff::tz::TimeZone::UTC).datetime();
        self.format_with(
            "format-date-time-utc",
            &[
                ("date", self.date(civil.date()).into()),
                ("time", self.time(civil.time()).into()),
            ],
        )
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

    fn weekday(self, weekday: Weekday) -> String {
        let key = match weekday {
            Weekday::Monday => "monday",
            Weekday::Tuesday => "tuesday",
            Weekday::Wednesday => "wednesday",
            Weekday::Thursday => "thursday",
            Weekday::Friday => "friday",
            Weekday::Saturday => "saturday",
            Weekday::Sunday => "sunday",
        };
        self.t_with("format-weekday", "day", key)
    }

    fn month(self, month: i8) -> super::Arg {
        self.t_with("format-month", "month", i64::from(month))
            .into()
    }

    fn format_with(self, id: &'static str, args: &[(&'static str, super::Arg)]) -> String {
        let mut message = super::Message::new(id);
        message.args = args.to_vec();
        self.message(&message)
    }
}
