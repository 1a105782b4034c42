# How dates, times and numbers are written. Variables: $weekday and $month
# are names (below), $day and $year numbers; $hour is 0-23, $hour12 1-12,
# $minute two digits, $period am or pm.

format-date = { $weekday }, { $month } { $day }, { $year }
format-time = { $hour12 }:{ $minute } { $period ->
    [am] AM
   *[pm] PM
}
format-date-time-utc = { $date }, { $time } (UTC)
format-weekday = { $day ->
    [monday] Monday
    [tuesday] Tuesday
    [wednesday] Wednesday
    [thursday] Thursday
    [friday] Friday
    [saturday] Saturday
   *[sunday] Sunday
}
format-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
# Digit grouping: the separator, and the fewest digits a number needs
# before it is grouped at all.
format-number-group-separator = ,
format-number-min-grouping-digits = 4
