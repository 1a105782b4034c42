# Recovery: the meetings a member went to, meeting goals, and their own goals.

log-nav-meetings = Meetings I went to
goal-nav = My goals

## The meeting log

log-title = Meetings I went to
log-lead = Keep track of the meetings you go to. Only you see this page.
log-noted = Added to your log. Glad you went.
log-add-heading = Add a meeting
log-day = The day you went
log-name = Which meeting
log-name-hint = In your own words, or leave it blank. For a meeting from the finder, use "I went to this meeting" on its page:
log-name-hint-finder = find a meeting
log-add-submit = Add to my log
log-name-too-long = Please keep the name under { $max } characters.
log-name-control = The name has characters that cannot be shown.
log-meeting-unknown = That meeting is no longer in the finder. You can add it by name instead.
log-unnamed = A meeting
log-delete = Remove
log-recent-heading = Recent meetings
log-recent-none = No meetings in the last { $n } weeks. Whenever you go to one, add it here.
log-weeks-heading = Each week
log-weeks-caption = Meetings each week, the last { $n } weeks, newest first
log-week-of = Week of
log-week-meetings = Meetings
log-week-this = this week

## "I went to this meeting", on a meeting's page in the finder

log-went-button = I went to this meeting
log-went-noted = Added to your meeting log. Glad you went.
log-went-link = See my meetings

## Meeting goals, such as 90 meetings in 90 days

log-goals-heading = Meeting goals
log-goals-none = No meeting goal yet. Many people start with 90 meetings in 90 days; any goal that helps you is a good one.
log-goal-name = { $meetings ->
    [one] 1 meeting
   *[other] { $meetings } meetings
} in { $days ->
    [one] 1 day
   *[other] { $days } days
}
log-goal-dates = From { $start } to { $end }
log-goal-count = { $attended } of { $meetings } meetings · { $days_left ->
    [one] 1 day left
   *[other] { $days_left } days left
}
log-goal-on-pace = You are right on pace.
log-goal-behind = { $n ->
    [one] One more meeting
   *[other] { $n } more meetings
} would bring you back on pace. Any meeting you can make helps.
log-goal-reached = You reached your goal: { $attended ->
    [one] 1 meeting
   *[other] { $attended } meetings
}. Well done.
log-goal-ended = You went to { $attended ->
    [one] 1 meeting
   *[other] { $attended } meetings
} in these { $days } days.
log-goal-delete = Remove this goal
log-goal-new-heading = Start a meeting goal
log-goal-meetings = Meetings
log-goal-days = In how many days
log-goal-start = Starting on
log-goal-submit = Start the goal
log-number-empty = Give a number from { $min } to { $max }.
log-number-out-of-range = Give a whole number from { $min } to { $max }.

## Goals with steps

goal-title = My goals
goal-lead = Goals in your own words, with steps if they help. Only you see them.
goal-none = No goals yet. Set one whenever you are ready.
goal-active-heading = Working on
goal-complete-heading = Done
goal-archived-heading = Put away
goal-new-heading = Set a goal
goal-title-label = Your goal
goal-title-hint = For example: "Call my sponsor every week".
goal-steps = Steps
goal-steps-hint = One a line. You can add more later.
goal-new-submit = Set the goal
goal-progress = { $done } of { $total ->
    [one] 1 step
   *[other] { $total } steps
} done
goal-steps-none = No steps yet. Add one below if it helps.
goal-step-done = Done
goal-step-mark-done = Mark done
goal-step-undo = Mark not done
goal-step-delete = Remove
goal-step-new = A new step
goal-step-add = Add the step
goal-state-active = Working on it
goal-state-complete = Done. Well done.
goal-state-archived = Put away for now
goal-where-heading = Where this goal is
goal-move-active = Work on it again
goal-move-complete = Mark it done
goal-move-archived = Put it away for now
goal-rename-heading = Rename
goal-rename-submit = Save the name
goal-delete-heading = Delete
goal-delete-hint = This deletes the goal and its steps for good. To keep it without seeing it every day, put it away instead.
goal-delete = Delete this goal
goal-title-empty = Give the goal a name.
goal-title-too-long = Please keep the name under { $max } characters.
goal-title-control = The name has characters that cannot be shown.
goal-step-empty = Write a few words for the step.
goal-step-too-long = Please keep each step under { $max } characters.
goal-step-control = The step has characters that cannot be shown.
goal-too-many-steps = A goal can have up to { $max } steps.
goal-state-unknown = Choose working on it, done or put away.
