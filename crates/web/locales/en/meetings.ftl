# The meeting finder and a meeting's page.

nav-find-meeting = Find a meeting
finder-title = Find a meeting
finder-heading = Find a meeting
finder-where-label = Where, or what
finder-where-hint = A town, neighbourhood, street, or words from a meeting's name.
finder-use-my-location = Use my location
finder-locating = Finding where you are…
finder-location-failed = We could not get your location. You can type a place instead.
finder-location-in-use = Using your location.
finder-radius-label = Distance
finder-any-distance = Any distance
finder-within-km = Within { $km } km
finder-day-label = Day
finder-any-day = Any day
finder-weekday = { $day ->
    [0] Sunday
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
   *[6] Saturday
}
finder-from-label = Starting after
finder-attendance-label = How to attend
finder-attendance-any = In person or online
finder-attendance-in-person = In person
finder-attendance-online = Online
finder-type-label = Type
finder-any-type = Any type
finder-submit = Find meetings
finder-count = { $count ->
    [0] No meetings match. Try a wider distance, another day, or fewer choices.
    [one] One meeting matches.
   *[other] { $count } meetings match.
}
finder-in-progress = In progress
finder-starting-soon = Starting soon
finder-later = Later
finder-more = More meetings

meeting-when = { $date }, { $time }
meeting-your-time = { $time } your time
meeting-distance-km = { $km } km away
meeting-by-appointment = By appointment
meeting-attendance-in-person = In person
meeting-attendance-hybrid = In person and online
meeting-attendance-online = Online
meeting-attendance-inactive = Temporarily closed
meeting-back-to-finder = Back to the meeting finder
meeting-when-heading = Next meetings
meeting-local-time = Times are local to the meeting ({ $zone }).
meeting-add-to-calendar = Add to my calendar
meeting-where-heading = Where
meeting-open-in-maps = Open in my maps app
meeting-openstreetmap = See it on OpenStreetMap
meeting-online-heading = Join online
meeting-join = Join the meeting
meeting-phone = By phone:
meeting-notes-heading = Notes
meeting-more-information = More about this meeting
meeting-feedback = Send feedback about this listing
meeting-suggest-change = Suggest a change
