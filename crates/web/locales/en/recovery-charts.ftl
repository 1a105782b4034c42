# Recovery charts: mood and craving over time, and calendars of check-ins
# and meetings. Each chart also says its numbers in words, for people who
# cannot see it.

# Written between a number's whole part and its tenths: 3.5.
chart-decimal-separator = .
# An axis label: $month is a name from chart-month-short, $day a number.
chart-date-short = { $month } { $day }
chart-month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
chart-weekday-short = { $day ->
    [monday] Mon
    [tuesday] Tue
    [wednesday] Wed
    [thursday] Thu
    [friday] Fri
    [saturday] Sat
   *[sunday] Sun
}
chart-show-numbers = Show the numbers
chart-column-day = Day
chart-column-week = Week starting

# Mood and craving. Mood is drawn on the left scale, craving on the right.
chart-mood = Mood
chart-craving = Craving
chart-line-title = Mood and craving over the last { $days } days
chart-line-summary = { $check-ins ->
    [one] 1 check-in
   *[other] { $check-ins } check-ins
} in the last { $days } days. Mood: average { $mood-average } of 5, from { $mood-low } to { $mood-high }. Craving: average { $craving-average } of 10, from { $craving-low } to { $craving-high }.
chart-line-by-week = Each point is the average of one week.
chart-line-empty = No check-ins in the last { $days } days yet. When you check in, your mood and craving will show here.
chart-legend-mood = Mood, 1 to 5 (left scale): solid line
chart-legend-craving = Craving, 0 to 10 (right scale): dashed line
chart-line-caption-by-day = Mood and craving on each day you checked in, over the last { $days } days
chart-line-caption-by-week = Average mood and craving each week, over the last { $days } days
chart-column-mood = Mood (1 to 5)
chart-column-craving = Craving (0 to 10)

# Calendars: a square for each day, darker for more.
chart-calendar-check-ins-title = Check-ins over the last { $days } days
chart-calendar-meetings-title = Meetings over the last { $days } days
chart-calendar-check-ins-summary = { $checked-in ->
    [0] No check-ins in the last { $days } days yet. Each day you check in will show here.
    [one] 1 of the last { $days } days has a check-in.
   *[other] { $checked-in } of the last { $days } days have a check-in.
}
chart-calendar-meetings-summary = { $meetings ->
    [0] No meetings in the last { $days } days yet. Each meeting you go to will show here.
    [one] 1 meeting in the last { $days } days.
   *[other] { $meetings } meetings in the last { $days } days, in { $weeks-with } of { $weeks } weeks.
}
# A day's square, when pointed at: $date is a full date.
chart-cell-check-in = { $date }: { $count ->
    [0] no check-in
   *[other] checked in
}
chart-cell-meetings = { $date }: { $count ->
    [0] no meetings
    [one] 1 meeting
   *[other] { $count } meetings
}
chart-legend-no-check-in = No check-in
chart-legend-checked-in = Checked in
chart-legend-meetings = Meetings in a day:
chart-legend-at-least = { $count } or more
chart-calendar-check-ins-caption = Check-ins each week
chart-calendar-meetings-caption = Meetings each week
chart-column-check-ins = Days with a check-in
chart-column-meetings = Meetings
