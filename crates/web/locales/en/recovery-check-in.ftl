# Recovery: the daily check-in and its history.

check-in-title = Today's check-in
check-in-form-heading = How are you today?
check-in-change-heading = You checked in today. Change it if you like.
check-in-saved = Saved. Only you can see your check-ins.
check-in-streak = { $n ->
    [one] You have checked in 1 day in a row.
   *[other] You have checked in { $n } days in a row.
}
check-in-streak-none = Check in whenever you like: a minute a day to notice how you are.
check-in-mood = Mood
check-in-mood-1 = Very low
check-in-mood-2 = Low
check-in-mood-3 = Okay
check-in-mood-4 = Good
check-in-mood-5 = Very good
check-in-craving = Craving
check-in-craving-hint = 0 means none at all, 10 the strongest you can imagine.
check-in-craving-was = Craving { $n } of 10.
check-in-used = Did you use today?
check-in-used-unsaid = I'd rather not say
check-in-used-no = No
check-in-used-yes = Yes
check-in-used-was-yes = Used today.
check-in-used-was-no = Did not use.
check-in-helped = What helped
check-in-helped-hint = A call, a meeting, a walk: anything that made today a little easier.
check-in-note = A note for yourself
check-in-note-hint = Only you can read this. It is stored encrypted.
check-in-submit = Save my check-in
check-in-change-submit = Save the changes
check-in-mood-empty = Choose how you feel, from 1 to 5.
check-in-craving-empty = Choose a craving score, from 0 to 10.
check-in-out-of-range = Choose a whole number from { $min } to { $max }.
check-in-used-unknown = Answer yes or no, or leave it unsaid.
check-in-too-long = Please keep this under { $max } characters.
check-in-not-today = Only today's check-in can be made or changed.
recovery-crisis-lead = What you wrote sounds like you are going through something very hard right now. People are ready to listen, any time:
check-in-crisis-saved = Your check-in is saved, and only you can see it.
check-in-recent-heading = The last few days
check-in-recent-none = Your earlier check-ins will show here.
check-in-history-link = All my check-ins and charts
check-in-history-title = My check-ins
check-in-range-label = How far back
check-in-range = { $n } days
check-in-list-heading = The last { $n } days
check-in-list-none = No check-ins in these days.
check-in-charts-heading = Mood and craving
check-in-calendar-heading = Days with a check-in
