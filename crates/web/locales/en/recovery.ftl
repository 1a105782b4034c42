# Recovery: a member's own counters and milestones.

recovery-title = My recovery
recovery-lead = Your counters and milestones. Only you see this page.
recovery-time-zone-hint = Days are counted in UTC until you say which time zone you live in.
recovery-time-zone-link = Choose your time zone
recovery-counters-heading = Counters
recovery-counters-none = No counters yet. Start one below, whenever you are ready.
recovery-days = { $n ->
    [one] 1 day
   *[other] { $n } days
}
recovery-since = Since { $date }
recovery-next = Next: { $what }, on { $date } ({ $days ->
    [one] in 1 day
   *[other] in { $days } days
}).
recovery-new-heading = Start a counter
recovery-label = What it counts
recovery-label-hint = In your own words: "Alcohol", "Gambling", "No contact with X".
recovery-start = The day you started
recovery-program = Milestones
recovery-program-twelve-step = 12-step (24 hours, 30, 60, 90 days, 6 and 9 months, yearly)
recovery-program-na = NA key tags
recovery-program-every-30-days = Every 30 days
recovery-program-none = No milestones
recovery-program-unknown = Choose one of the milestone schedules.
recovery-new-submit = Start the counter
recovery-label-empty = Give the counter a name.
recovery-label-too-long = Please keep the name under { $max } characters.
recovery-label-control = The name has characters that cannot be shown.
recovery-date-format = Give a date, like 2026-03-01.
recovery-date-future = That day has not come yet.
recovery-date-too-early = Give a day after 1900.
recovery-date-before-start = The new start cannot be before this counter's start.
recovery-learned-too-long = Please keep this under { $max } characters.
recovery-reached-heading = Milestones reached
recovery-reached-none = None yet. Every day counts.
recovery-milestone-first-day = Welcome
recovery-milestone-hours = { $n } hours
recovery-milestone-days = { $n } days
recovery-milestone-months = { $n } months
recovery-milestone-years = { $n ->
    [one] 1 year
   *[other] { $n } years
}
recovery-tag-white = white key tag
recovery-tag-orange = orange key tag
recovery-tag-green = green key tag
recovery-tag-red = red key tag
recovery-tag-blue = blue key tag
recovery-tag-yellow = yellow key tag
recovery-tag-glow = glow-in-the-dark key tag
recovery-tag-grey = grey key tag
recovery-tag-black = black key tag
recovery-again-heading = Starting again
recovery-again-lead = It happens, and it is part of recovery. Your earlier days stay in your history, for you alone.
recovery-again-date = The day you start again
recovery-learned = What you learned
recovery-learned-hint = Only you will see this.
recovery-again-submit = Start again
recovery-history-heading = Earlier streaks
recovery-already-started-again = This counter was already started again from that day.
recovery-nav-label = My recovery pages
recovery-nav-check-in = Check in for today
recovery-nav-check-in-done = Today's check-in (done)
recovery-nav-check-ins = My check-ins and charts
recovery-nav-journal = My journal
recovery-nav-partners = Accountability partners

# Milestone celebrations, shared with groups the member chose.
celebrate-heading = You reached { $what }!
celebrate-lead = On { $date }. Would you like to share it with your groups?
celebrate-groups = It would go to:
celebrate-body-label = What to share
celebrate-body-hint = Shared under your name as a celebration. What this counter counts is not shared.
celebrate-body = Today I celebrate { $what }. Thank you for walking this road with me.
celebrate-share = Share the celebration
celebrate-pass = Not this time
celebrate-shared = Your celebration is shared with your groups.
celebrate-passed = Kept to yourself. It is still yours to celebrate.
celebrate-groups-saved = Saved.
celebrate-choose-heading = Celebrate with your groups
celebrate-choose-legend = Offer to share this counter's milestones with
celebrate-choose-hint = When you reach a milestone, you will be asked first. Nothing is shared on its own.
celebrate-choose-submit = Save my choice
celebrate-no-groups = Once you join a support group, you can share your milestones with it.
celebrate-find-groups = Find a group
celebrate-body-invalid = Write a few words to share, up to 5,000 characters.
