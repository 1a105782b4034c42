//! Charts of a member's recovery, drawn on the server so they read without
//! JavaScript: mood and craving over time, and calendars of check-ins and
//! meetings. The geometry is worked out here and the markup lives in
//! `templates/recovery/charts/`. Every chart also says its numbers in words
//! and in a table, for people who cannot see it.

use askama::Template;
use jiff::ToSpan;
use jiff::civil::Date;

use crate::i18n::{Lang, Message};

/// How far back a mood and craving chart looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum ChartRange {
    #[default]
    ThirtyDays,
    NinetyDays,
    /// 365 days.
    Year,
}

impl ChartRange {
    pub(super) const ALL: [ChartRange; 3] = [
        ChartRange::ThirtyDays,
        ChartRange::NinetyDays,
        ChartRange::Year,
    ];

    /// From a `?range=` value: "30", "90" or "365"; anything else is 30.
    pub(super) fn parse(value: &str) -> ChartRange {
        match value.trim() {
            "90" => ChartRange::NinetyDays,
            "365" => ChartRange::Year,
            _ => ChartRange::ThirtyDays,
        }
    }

    pub(super) fn days(self) -> i64 {
        match self {
            ChartRange::ThirtyDays => 30,
            ChartRange::NinetyDays => 90,
            ChartRange::Year => 365,
        }
    }

    /// A year of days is too many to follow one by one: it is drawn by week.
    fn by_week(self) -> bool {
        self == ChartRange::Year
    }
}

/// One day's check-in scores: mood from 1 to 5, craving from 0 to 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CheckInScores {
    pub(super) day: Date,
    pub(super) mood: u8,
    pub(super) craving: u8,
}

/// The days one point of a chart or one row of its table stands for: a
/// single day, or the part of a Monday-to-Sunday week inside the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Period {
    first: Date,
    last: Date,
}

/// The first of the `days` days that end `today`.
fn first_day(today: Date, days: i64) -> Date {
    today.saturating_sub((days - 1).max(0).days())
}

fn monday_of(day: Date) -> Date {
    day.saturating_sub(i64::from(day.weekday().to_monday_zero_offset()).days())
}

fn days_between(from: Date, to: Date) -> i64 {
    i64::from((to - from).get_days())
}

fn each_day(first: Date, today: Date) -> Vec<Period> {
    (first.series(1.day()))
        .take_while(|day| *day <= today)
        .map(|day| Period {
            first: day,
            last: day,
        })
        .collect()
}

/// The weeks from `first` to `today`, each cut to the days between them.
fn each_week(first: Date, today: Date) -> Vec<Period> {
    (monday_of(first).series(1.week()))
        .take_while(|monday| *monday <= today)
        .map(|monday| Period {
            first: monday.max(first),
            last: monday.saturating_add(6.days()).min(today),
        })
        .collect()
}

/// Which of `periods` (in order, none overlapping) holds `day`.
fn period_of(periods: &[Period], day: Date) -> Option<usize> {
    let index = periods.partition_point(|period| period.last < day);
    (periods.get(index)).and_then(|period| (period.first <= day).then_some(index))
}

/// A number as a chart writes it: at most one decimal, never NaN, and no
/// ".0" on a whole number.
fn one_decimal(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// A number for people to read, with the language's decimal separator.
fn decimal(lang: Lang, value: f64) -> String {
    one_decimal(value).replace('.', &lang.t("chart-decimal-separator"))
}

/// "Mar 3" / "3 mar": a date short enough to label an axis.
fn short_date(lang: Lang, date: Date) -> String {
    lang.message(
        &Message::new("chart-date-short")
            .with("month", short_month(lang, date))
            .with("day", i64::from(date.day())),
    )
}

fn short_month(lang: Lang, date: Date) -> String {
    lang.t_with("chart-month-short", "month", i64::from(date.month()))
}

/// Text on a chart, at a point, anchored at its `start`, `middle` or `end`.
#[derive(Debug)]
struct Label {
    x: String,
    y: String,
    anchor: &'static str,
    text: String,
}

fn label(x: f64, y: f64, anchor: &'static str, text: String) -> Label {
    Label {
        x: one_decimal(x),
        y: one_decimal(y),
        anchor,
        text,
    }
}

/// The line chart's drawing units (its `viewBox`), and the plot inside
/// them with room around it for the scales and the dates. A phone shows
/// it about 360 px wide: a unit is about a pixel there.
const LINE_WIDTH: f64 = 360.0;
const LINE_HEIGHT: f64 = 200.0;
const PLOT_LEFT: f64 = 26.0;
const PLOT_RIGHT: f64 = 334.0;
const PLOT_TOP: f64 = 26.0;
const PLOT_BOTTOM: f64 = 172.0;

/// A score's range, drawn from the bottom of the plot to its top.
#[derive(Debug, Clone, Copy)]
struct Scale {
    low: f64,
    high: f64,
}

const MOOD: Scale = Scale {
    low: 1.0,
    high: 5.0,
};
const CRAVING: Scale = Scale {
    low: 0.0,
    high: 10.0,
};

impl Scale {
    fn y(self, value: f64) -> f64 {
        let share = (value.clamp(self.low, self.high) - self.low) / (self.high - self.low);
        PLOT_BOTTOM - share * (PLOT_BOTTOM - PLOT_TOP)
    }
}

/// Where a period sits across the plot: at its middle day.
fn x_of(period: Period, first: Date, days: i64) -> f64 {
    let middle = (days_between(first, period.first) + days_between(first, period.last)) as f64;
    PLOT_LEFT + middle / 2.0 / (days - 1).max(1) as f64 * (PLOT_RIGHT - PLOT_LEFT)
}

/// The mean mood and craving of the check-ins in one period.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Means {
    mood: f64,
    craving: f64,
}

/// Each period's means, or `None` for a period without a check-in.
fn means(periods: &[Period], scores: &[CheckInScores]) -> Vec<Option<Means>> {
    let mut sums = vec![(0u32, 0u32, 0u32); periods.len()];
    for check_in in scores {
        if let Some(index) = period_of(periods, check_in.day) {
            let (count, mood, craving) = &mut sums[index];
            *count += 1;
            *mood += u32::from(check_in.mood);
            *craving += u32::from(check_in.craving);
        }
    }
    (sums.into_iter())
        .map(|(count, mood, craving)| {
            (count > 0).then(|| Means {
                mood: f64::from(mood) / f64::from(count),
                craving: f64::from(craving) / f64::from(count),
            })
        })
        .collect()
}

/// One series as drawn: a line through each run of periods in a row with
/// a check-in, and a dot for a period alone between gaps. A gap is never
/// bridged: a line across it would claim days nobody recorded.
#[derive(Debug, Default, PartialEq)]
struct SeriesShape {
    /// SVG path data, one for each run.
    lines: Vec<String>,
    /// The centres of the dots.
    dots: Vec<(String, String)>,
}

fn series_shape(points: &[Option<(f64, f64)>]) -> SeriesShape {
    let mut shape = SeriesShape::default();
    for run in points.split(Option::is_none) {
        match run {
            [] => {}
            [Some((x, y))] => shape.dots.push((one_decimal(*x), one_decimal(*y))),
            _ => shape.lines.push(
                (run.iter().flatten().enumerate())
                    .map(|(i, (x, y))| {
                        let command = if i == 0 { 'M' } else { 'L' };
                        format!("{command}{} {}", one_decimal(*x), one_decimal(*y))
                    })
                    .collect(),
            ),
        }
    }
    shape
}

/// The low, average and high of some scores.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Spread {
    low: u8,
    average: f64,
    high: u8,
}

fn spread(values: impl Iterator<Item = u8>) -> Option<Spread> {
    let (mut low, mut high, mut sum, mut count) = (u8::MAX, u8::MIN, 0u32, 0u32);
    for value in values {
        (low, high) = (low.min(value), high.max(value));
        (sum, count) = (sum + u32::from(value), count + 1);
    }
    (count > 0).then(|| Spread {
        low,
        average: f64::from(sum) / f64::from(count),
        high,
    })
}

/// What a mood and craving chart draws, when there is anything to draw.
struct LineDrawing {
    view_box: String,
    /// SVG path data for the lines at each mood score.
    grid: String,
    labels: Vec<Label>,
    mood: SeriesShape,
    craving: SeriesShape,
    caption: String,
    /// Each day or week with a check-in: its first day, mood and craving.
    rows: Vec<(String, String, String)>,
}

/// Mood and craving over the last 30, 90 or 365 days, ending `today`.
#[derive(Template)]
#[template(path = "recovery/charts/line.html")]
pub(super) struct MoodCravingChart {
    lang: Lang,
    /// Starts the chart's element ids, so two charts can share a page.
    id_prefix: String,
    title: String,
    /// The chart in words, or that there is nothing to show yet.
    summary: String,
    by_week: bool,
    drawing: Option<LineDrawing>,
}

impl MoodCravingChart {
    pub(super) fn new(
        lang: Lang,
        id_prefix: &str,
        today: Date,
        range: ChartRange,
        scores: &[CheckInScores],
    ) -> MoodCravingChart {
        let days = range.days();
        let first = first_day(today, days);
        let in_range: Vec<CheckInScores> = (scores.iter())
            .filter(|day| (first..=today).contains(&day.day))
            .copied()
            .collect();
        let mood = spread(in_range.iter().map(|day| day.mood));
        let craving = spread(in_range.iter().map(|day| day.craving));
        let (summary, drawing) = match (mood, craving) {
            (Some(mood), Some(craving)) => (
                line_summary(lang, range, in_range.len(), mood, craving),
                Some(line_drawing(lang, today, range, &in_range)),
            ),
            _ => (lang.t_with("chart-line-empty", "days", days), None),
        };
        MoodCravingChart {
            lang,
            id_prefix: id_prefix.to_owned(),
            title: lang.t_with("chart-line-title", "days", days),
            summary,
            by_week: range.by_week(),
            drawing,
        }
    }
}

/// "12 check-ins in the last 30 days. Mood: average 3.4 of 5, from 2 to 5.
/// Craving: ..."
fn line_summary(
    lang: Lang,
    range: ChartRange,
    check_ins: usize,
    mood: Spread,
    craving: Spread,
) -> String {
    let summary = lang.message(
        &Message::new("chart-line-summary")
            .with("days", range.days())
            .with("check-ins", check_ins)
            .with("mood-average", decimal(lang, mood.average))
            .with("mood-low", i64::from(mood.low))
            .with("mood-high", i64::from(mood.high))
            .with("craving-average", decimal(lang, craving.average))
            .with("craving-low", i64::from(craving.low))
            .with("craving-high", i64::from(craving.high)),
    );
    if range.by_week() {
        format!("{summary} {}", lang.t("chart-line-by-week"))
    } else {
        summary
    }
}

fn line_drawing(
    lang: Lang,
    today: Date,
    range: ChartRange,
    scores: &[CheckInScores],
) -> LineDrawing {
    let days = range.days();
    let first = first_day(today, days);
    let periods = if range.by_week() {
        each_week(first, today)
    } else {
        each_day(first, today)
    };
    let means = means(&periods, scores);
    let points = |scale: Scale, value: fn(Means) -> f64| -> Vec<Option<(f64, f64)>> {
        (periods.iter().zip(&means))
            .map(|(period, means)| {
                means.map(|means| (x_of(*period, first, days), scale.y(value(means))))
            })
            .collect()
    };
    let mut grid = String::new();
    let mut labels = vec![
        label(2.0, 14.0, "start", lang.t("chart-mood")),
        label(LINE_WIDTH - 2.0, 14.0, "end", lang.t("chart-craving")),
    ];
    for score in 1..=5 {
        let y = MOOD.y(f64::from(score));
        grid += &format!(
            "M{} {}H{}",
            one_decimal(PLOT_LEFT),
            one_decimal(y),
            one_decimal(PLOT_RIGHT)
        );
        labels.push(label(PLOT_LEFT - 6.0, y + 4.0, "end", score.to_string()));
    }
    for score in [0, 5, 10] {
        let y = CRAVING.y(f64::from(score));
        labels.push(label(PLOT_RIGHT + 6.0, y + 4.0, "start", score.to_string()));
    }
    let middle = first.saturating_add(((days - 1) / 2).days());
    for (date, anchor) in [(first, "start"), (middle, "middle"), (today, "end")] {
        let x = x_of(
            Period {
                first: date,
                last: date,
            },
            first,
            days,
        );
        labels.push(label(x, LINE_HEIGHT - 8.0, anchor, short_date(lang, date)));
    }
    let caption = if range.by_week() {
        "chart-line-caption-by-week"
    } else {
        "chart-line-caption-by-day"
    };
    LineDrawing {
        view_box: format!("0 0 {LINE_WIDTH} {LINE_HEIGHT}"),
        grid,
        labels,
        mood: series_shape(&points(MOOD, |means| means.mood)),
        craving: series_shape(&points(CRAVING, |means| means.craving)),
        caption: lang.t_with(caption, "days", days),
        rows: (periods.iter().zip(&means))
            .filter_map(|(period, means)| {
                let means = (*means)?;
                Some((
                    lang.date(period.first),
                    decimal(lang, means.mood),
                    decimal(lang, means.craving),
                ))
            })
            .collect(),
    }
}

/// What a calendar counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CalendarKind {
    /// Days with a check-in: a day's count is 0 or 1.
    CheckIns,
    /// Meetings attended: any number a day.
    Meetings,
}

/// A calendar's drawing units: square cells a little apart, right of the
/// weekday names and below the month names.
const CELL_SIZE: f64 = 12.0;
const CELL_PITCH: f64 = 14.0;
const CALENDAR_LEFT: f64 = 28.0;
const CALENDAR_TOP: f64 = 16.0;
/// How much larger than its units a calendar is shown at most: cells of
/// 24 px, easy to point at. A narrower screen shrinks it to fit.
const CALENDAR_SCALE: f64 = 2.0;

/// A calendar of more weeks than this, shrunk to fit a phone, would be too
/// small to read: it keeps a readable size and scrolls sideways instead.
const PHONE_WEEKS: usize = 26;

/// What a day counts for: a check-in is there or not, however many times
/// it was saved.
fn day_count(kind: CalendarKind, count: u32) -> u32 {
    match kind {
        CalendarKind::CheckIns => count.min(1),
        CalendarKind::Meetings => count,
    }
}

/// A day's shade, 0 (none) to 4 (the most). A check-in is there or not,
/// so a day with one takes the strongest shade.
fn level(kind: CalendarKind, count: u32) -> u8 {
    match kind {
        CalendarKind::CheckIns if count > 0 => 4,
        _ => count.min(4) as u8,
    }
}

/// One day of a calendar.
#[derive(Debug)]
struct Cell {
    x: String,
    y: String,
    level: u8,
    /// The day and its count in words, for the tooltip.
    title: String,
}

/// What a calendar draws, when there is anything to draw.
struct CalendarDrawing {
    view_box: String,
    width: String,
    height: String,
    /// Too many weeks to shrink to a phone's width.
    wide: bool,
    cell_size: String,
    cells: Vec<Cell>,
    /// The month and weekday names.
    labels: Vec<Label>,
    legend_lead: Option<String>,
    /// Each shade the calendar uses, with what it means.
    legend: Vec<(u8, String)>,
    caption: String,
    count_heading: String,
    /// Each week's first day in the calendar, and its count.
    rows: Vec<(String, String)>,
}

/// A calendar of the `days` days ending `today`: a column for each week,
/// Monday at the top, each day shaded by its count.
#[derive(Template)]
#[template(path = "recovery/charts/calendar.html")]
pub(super) struct CalendarChart {
    lang: Lang,
    /// Starts the chart's element ids, so two charts can share a page.
    id_prefix: String,
    title: String,
    /// The calendar in words, or that there is nothing to show yet.
    summary: String,
    drawing: Option<CalendarDrawing>,
}

impl CalendarChart {
    pub(super) fn new(
        lang: Lang,
        id_prefix: &str,
        today: Date,
        days: i64,
        kind: CalendarKind,
        counts: &[(Date, u32)],
    ) -> CalendarChart {
        let days = days.max(1);
        let first = first_day(today, days);
        let each_day = each_day(first, today);
        let weeks = each_week(first, today);
        let (mut per_day, mut per_week) = (vec![0u32; each_day.len()], vec![0u32; weeks.len()]);
        for &(day, count) in counts {
            let count = day_count(kind, count);
            if let (Some(d), Some(w)) = (period_of(&each_day, day), period_of(&weeks, day)) {
                per_day[d] = per_day[d].saturating_add(count);
                per_week[w] = per_week[w].saturating_add(count);
            }
        }
        let total: i64 = per_day.iter().copied().map(i64::from).sum();
        let summary = match kind {
            CalendarKind::CheckIns => Message::new("chart-calendar-check-ins-summary")
                .with("days", days)
                .with(
                    "checked-in",
                    per_day.iter().filter(|count| **count > 0).count(),
                ),
            CalendarKind::Meetings => Message::new("chart-calendar-meetings-summary")
                .with("days", days)
                .with("meetings", total)
                .with(
                    "weeks-with",
                    per_week.iter().filter(|count| **count > 0).count(),
                )
                .with("weeks", weeks.len()),
        };
        let title = match kind {
            CalendarKind::CheckIns => "chart-calendar-check-ins-title",
            CalendarKind::Meetings => "chart-calendar-meetings-title",
        };
        let drawing = (total > 0).then(|| {
            let cells = (each_day.iter().zip(&per_day))
                .map(|(period, count)| calendar_cell(lang, kind, first, period.first, *count))
                .collect();
            calendar_drawing(lang, kind, &weeks, cells, &per_week)
        });
        CalendarChart {
            lang,
            id_prefix: id_prefix.to_owned(),
            title: lang.t_with(title, "days", days),
            summary: lang.message(&summary),
            drawing,
        }
    }
}

/// Where a day's cell is: its week's column, and its weekday's row.
fn cell_position(first: Date, day: Date) -> (f64, f64) {
    let column = days_between(monday_of(first), day) / 7;
    let row = day.weekday().to_monday_zero_offset();
    (
        CALENDAR_LEFT + column as f64 * CELL_PITCH,
        CALENDAR_TOP + f64::from(row) * CELL_PITCH,
    )
}

fn calendar_cell(lang: Lang, kind: CalendarKind, first: Date, day: Date, count: u32) -> Cell {
    let (x, y) = cell_position(first, day);
    let title = match kind {
        CalendarKind::CheckIns => "chart-cell-check-in",
        CalendarKind::Meetings => "chart-cell-meetings",
    };
    Cell {
        x: one_decimal(x),
        y: one_decimal(y),
        level: level(kind, count),
        title: lang.message(
            &Message::new(title)
                .with("date", lang.date(day))
                .with("count", i64::from(count)),
        ),
    }
}

/// The columns a month's name goes over: each where a month begins, but
/// for the last two, where a name would run off the edge; and the first,
/// with the first day's month, unless a month begins too near it.
fn month_columns(weeks: &[Period]) -> Vec<(usize, Date)> {
    let mut columns: Vec<(usize, Date)> = (weeks.iter().enumerate())
        .filter(|(_, week)| week.first.day() == 1 || week.first.month() != week.last.month())
        .map(|(column, week)| (column, week.last))
        .filter(|(column, _)| column + 2 < weeks.len())
        .collect();
    let first_named_near = columns.first().is_some_and(|(column, _)| *column < 3);
    if let (Some(week), false) = (weeks.first(), first_named_near) {
        columns.insert(0, (0, week.first));
    }
    columns
}

/// The weekdays named down the side: Monday, Wednesday and Friday, as the
/// keys of `chart-weekday-short`, and their rows.
const NAMED_WEEKDAYS: [(&str, u8); 3] = [("monday", 0), ("wednesday", 2), ("friday", 4)];

fn calendar_drawing(
    lang: Lang,
    kind: CalendarKind,
    weeks: &[Period],
    cells: Vec<Cell>,
    per_week: &[u32],
) -> CalendarDrawing {
    let width = CALENDAR_LEFT + weeks.len() as f64 * CELL_PITCH;
    let height = CALENDAR_TOP + 7.0 * CELL_PITCH;
    let mut labels: Vec<Label> = (month_columns(weeks).into_iter())
        .map(|(column, month)| {
            let x = CALENDAR_LEFT + column as f64 * CELL_PITCH;
            label(x, CALENDAR_TOP - 5.0, "start", short_month(lang, month))
        })
        .collect();
    for (key, row) in NAMED_WEEKDAYS {
        let y = CALENDAR_TOP + f64::from(row) * CELL_PITCH + CELL_SIZE - 2.0;
        let name = lang.t_with("chart-weekday-short", "day", key);
        labels.push(label(CALENDAR_LEFT - 4.0, y, "end", name));
    }
    let (legend_lead, legend, caption, count_heading) = match kind {
        CalendarKind::CheckIns => (
            None,
            vec![
                (0, lang.t("chart-legend-no-check-in")),
                (4, lang.t("chart-legend-checked-in")),
            ],
            "chart-calendar-check-ins-caption",
            "chart-column-check-ins",
        ),
        CalendarKind::Meetings => (
            Some(lang.t("chart-legend-meetings")),
            (0..=4u8)
                .map(|count| match count {
                    4 => (4, lang.t_with("chart-legend-at-least", "count", 4i64)),
                    _ => (count, lang.number(i64::from(count))),
                })
                .collect(),
            "chart-calendar-meetings-caption",
            "chart-column-meetings",
        ),
    };
    CalendarDrawing {
        view_box: format!("0 0 {} {}", one_decimal(width), one_decimal(height)),
        width: one_decimal(width * CALENDAR_SCALE),
        height: one_decimal(height * CALENDAR_SCALE),
        wide: weeks.len() > PHONE_WEEKS,
        cell_size: one_decimal(CELL_SIZE),
        cells,
        labels,
        legend_lead,
        legend,
        caption: lang.t(caption),
        count_heading: lang.t(count_heading),
        rows: (weeks.iter().zip(per_week))
            .map(|(week, count)| (lang.date(week.first), lang.number(i64::from(*count))))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{Weekday, date};

    /// Tuesday.
    const TODAY: Date = date(2026, 3, 3);

    fn scores(day: Date, mood: u8, craving: u8) -> CheckInScores {
        CheckInScores { day, mood, craving }
    }

    fn days_ago(n: i64) -> Date {
        TODAY.saturating_sub(n.days())
    }

    fn en() -> Lang {
        Lang::from_code("en").unwrap()
    }

    fn no_nan(markup: &str) {
        assert!(
            !markup.contains("NaN") && !markup.contains("inf"),
            "{markup}"
        );
    }

    /// Each `id` the chart's `aria-labelledby` names is on an element in it.
    fn labelled_by_its_own_ids(markup: &str) {
        let (_, rest) = markup.split_once("aria-labelledby=\"").unwrap();
        let ids = &rest[..rest.find('"').unwrap()];
        for id in ids.split(' ') {
            assert!(markup.contains(&format!("id=\"{id}\"")), "no element {id}");
        }
        assert_eq!(
            markup.matches("<svg").count(),
            markup.matches("</svg>").count()
        );
        assert_eq!(
            markup.matches("<title").count(),
            markup.matches("</title>").count()
        );
    }

    #[test]
    fn a_range_comes_from_its_query_value() {
        assert_eq!(ChartRange::parse("90").days(), 90);
        assert_eq!(ChartRange::parse("365").days(), 365);
        assert_eq!(ChartRange::parse("30"), ChartRange::ThirtyDays);
        assert_eq!(ChartRange::parse("7"), ChartRange::ThirtyDays);
        assert_eq!(ChartRange::parse(""), ChartRange::default());
    }

    #[test]
    fn numbers_have_one_decimal_at_most_and_never_nan() {
        assert_eq!(one_decimal(3.0), "3");
        assert_eq!(one_decimal(3.44), "3.4");
        assert_eq!(one_decimal(3.46), "3.5");
        assert_eq!(one_decimal(-0.01), "0");
        assert_eq!(one_decimal(f64::NAN), "0");
        assert_eq!(one_decimal(f64::INFINITY), "0");
        assert_eq!(decimal(Lang::from_code("es").unwrap(), 2.5), "2,5");
    }

    #[test]
    fn scores_are_placed_on_their_scales() {
        assert_eq!(MOOD.y(1.0), PLOT_BOTTOM);
        assert_eq!(MOOD.y(5.0), PLOT_TOP);
        assert_eq!(MOOD.y(3.0), CRAVING.y(5.0));
        assert_eq!(CRAVING.y(0.0), PLOT_BOTTOM);
        assert_eq!(CRAVING.y(12.0), PLOT_TOP, "kept inside the plot");
        let first = first_day(TODAY, 30);
        assert_eq!(first, date(2026, 2, 2));
        let day = |d: Date| Period { first: d, last: d };
        assert_eq!(x_of(day(first), first, 30), PLOT_LEFT);
        assert_eq!(x_of(day(TODAY), first, 30), PLOT_RIGHT);
        let week = Period {
            first: date(2026, 2, 2),
            last: date(2026, 2, 8),
        };
        assert_eq!(
            x_of(week, first, 30),
            x_of(day(date(2026, 2, 5)), first, 30)
        );
    }

    #[test]
    fn a_missing_day_breaks_the_line_and_a_day_alone_is_a_dot() {
        let points = [
            Some((0.0, 1.0)),
            Some((10.0, 2.0)),
            None,
            Some((30.0, 3.0)),
            None,
            None,
            Some((60.0, 4.25)),
            Some((70.0, 5.0)),
        ];
        let shape = series_shape(&points);
        assert_eq!(shape.lines, ["M0 1L10 2", "M60 4.3L70 5"]);
        assert_eq!(shape.dots, [("30".to_owned(), "3".to_owned())]);
        assert_eq!(series_shape(&[None, None]), SeriesShape::default());
    }

    #[test]
    fn a_year_is_drawn_by_weeks_that_start_on_monday() {
        let first = first_day(TODAY, 365);
        let weeks = each_week(first, TODAY);
        assert_eq!(weeks.len(), 53);
        assert_eq!(weeks[0].first, first, "the first week is cut to the range");
        assert!(
            weeks[1..]
                .iter()
                .all(|week| week.first.weekday() == Weekday::Monday)
        );
        assert_eq!(weeks.last().unwrap().first, date(2026, 3, 2));
        assert_eq!(weeks.last().unwrap().last, TODAY);
        let week_days = [
            scores(date(2026, 3, 2), 2, 6),
            scores(TODAY, 5, 1),
            scores(date(2026, 2, 23), 4, 3),
        ];
        let means = means(&weeks, &week_days);
        assert_eq!(means.iter().flatten().count(), 2);
        assert_eq!(
            means[52],
            Some(Means {
                mood: 3.5,
                craving: 3.5
            })
        );
        assert_eq!(means[51].unwrap().mood, 4.0);
    }

    #[test]
    fn days_outside_the_chart_are_left_out() {
        let periods = each_day(first_day(TODAY, 30), TODAY);
        assert_eq!(periods.len(), 30);
        assert_eq!(period_of(&periods, days_ago(30)), None);
        assert_eq!(period_of(&periods, TODAY.tomorrow().unwrap()), None);
        assert_eq!(period_of(&periods, days_ago(29)), Some(0));
        assert_eq!(period_of(&periods, TODAY), Some(29));
    }

    #[test]
    fn the_summary_gives_the_numbers_in_words() {
        let days = [
            scores(days_ago(0), 5, 1),
            scores(days_ago(1), 2, 4),
            scores(days_ago(2), 3, 1),
            scores(days_ago(40), 1, 10),
        ];
        let chart = MoodCravingChart::new(en(), "mood", TODAY, ChartRange::ThirtyDays, &days);
        assert_eq!(
            chart.summary,
            "3 check-ins in the last 30 days. Mood: average 3.3 of 5, from 2 to 5. \
             Craving: average 2 of 10, from 1 to 4."
        );
    }

    #[test]
    fn a_chart_without_check_ins_says_so_instead_of_drawing() {
        let old = [scores(days_ago(100), 3, 3)];
        let markup = MoodCravingChart::new(en(), "mood", TODAY, ChartRange::NinetyDays, &old)
            .render()
            .unwrap();
        assert!(!markup.contains("<svg"), "{markup}");
        assert!(
            markup.contains("No check-ins in the last 90 days yet"),
            "{markup}"
        );
    }

    #[test]
    fn one_check_in_or_the_same_scores_every_day_draw_cleanly() {
        let one = [scores(TODAY, 3, 0)];
        let same: Vec<_> = (0..365).map(|n| scores(days_ago(n), 4, 4)).collect();
        for (range, days) in [
            (ChartRange::ThirtyDays, &one[..]),
            (ChartRange::Year, &one[..]),
            (ChartRange::NinetyDays, &same[..]),
            (ChartRange::Year, &same[..]),
        ] {
            let markup = MoodCravingChart::new(en(), "mood", TODAY, range, days)
                .render()
                .unwrap();
            no_nan(&markup);
            labelled_by_its_own_ids(&markup);
            assert!(markup.contains("<circle") || markup.contains("class=\"mood-line\" d=\"M"));
        }
    }

    #[test]
    fn the_chart_has_its_numbers_in_a_table() {
        let days = [scores(days_ago(1), 4, 2), scores(TODAY, 5, 0)];
        let markup = MoodCravingChart::new(en(), "week", TODAY, ChartRange::ThirtyDays, &days)
            .render()
            .unwrap();
        labelled_by_its_own_ids(&markup);
        assert!(markup.contains("id=\"week-title\""));
        assert!(markup.contains("<th scope=\"row\">Tuesday, March 3, 2026</th>"));
        assert!(markup.contains(">Feb 2</text>") && markup.contains(">Mar 3</text>"));
        // The last two days of 30: 28 and 29 twenty-ninths across the plot.
        assert!(markup.contains("class=\"mood-line\" d=\"M323.4 62.5L334 26\""));
        assert!(markup.contains("class=\"craving-line\" d=\"M323.4 142.8L334 172\""));
    }

    #[test]
    fn calendar_shades_grow_with_the_count() {
        let shades: Vec<u8> = (0..7).map(|n| level(CalendarKind::Meetings, n)).collect();
        assert_eq!(shades, [0, 1, 2, 3, 4, 4, 4]);
        assert_eq!(level(CalendarKind::CheckIns, 0), 0);
        assert_eq!(level(CalendarKind::CheckIns, 1), 4);
        assert_eq!(day_count(CalendarKind::CheckIns, 2), 1, "saved twice");
        assert_eq!(day_count(CalendarKind::Meetings, 2), 2);
    }

    #[test]
    fn calendar_weeks_are_columns_from_monday() {
        let first = first_day(TODAY, 91);
        assert_eq!(first.weekday(), Weekday::Wednesday);
        assert_eq!(
            cell_position(first, first),
            (CALENDAR_LEFT, CALENDAR_TOP + 28.0)
        );
        let monday = date(2026, 3, 2);
        assert_eq!(
            cell_position(first, monday),
            (CALENDAR_LEFT + 13.0 * 14.0, CALENDAR_TOP)
        );
        assert_eq!(cell_position(first, TODAY).1, CALENDAR_TOP + 14.0);
    }

    #[test]
    fn months_are_named_where_they_begin() {
        let weeks = each_week(first_day(TODAY, 91), TODAY);
        let named: Vec<(usize, i8)> = (month_columns(&weeks).into_iter())
            .map(|(column, day)| (column, day.month()))
            .collect();
        // December 3 starts the calendar; January 1 is in its fifth column,
        // February 1 in its ninth; March 1, in the one before last, is left
        // out as its name would not fit.
        assert_eq!(named, [(0, 12), (4, 1), (8, 2)]);
    }

    #[test]
    fn calendar_summaries_count_days_and_weeks() {
        let check_ins: Vec<(Date, u32)> = (0..42).map(|n| (days_ago(n * 2), 1)).collect();
        let chart = CalendarChart::new(en(), "c", TODAY, 91, CalendarKind::CheckIns, &check_ins);
        assert_eq!(chart.summary, "42 of the last 91 days have a check-in.");
        let meetings = [
            (TODAY, 2),
            (days_ago(1), 1),
            (days_ago(20), 3),
            (days_ago(95), 4),
        ];
        let chart = CalendarChart::new(en(), "m", TODAY, 91, CalendarKind::Meetings, &meetings);
        assert_eq!(
            chart.summary,
            "6 meetings in the last 91 days, in 2 of 14 weeks."
        );
        let markup = chart.render().unwrap();
        labelled_by_its_own_ids(&markup);
        no_nan(&markup);
        assert_eq!(markup.matches("</title></rect>").count(), 91);
        assert!(markup.contains("<title>Tuesday, March 3, 2026: 2 meetings</title>"));
        assert!(markup.contains("class=\"level-2\""));
        let empty = CalendarChart::new(en(), "e", TODAY, 91, CalendarKind::Meetings, &[]);
        let markup = empty.render().unwrap();
        assert!(!markup.contains("<svg") && markup.contains("chart-empty"));
    }
}
