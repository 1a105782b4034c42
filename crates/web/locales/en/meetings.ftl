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

meeting-new-title = Add a meeting
meeting-edit-title = Edit this meeting
meeting-edit-link = Edit
meeting-field-name = Name
meeting-field-slug = Web address name
meeting-field-slug-hint = Letters, digits and dashes, used in the meeting's address. Leave it empty to make one from the name.
meeting-field-days = Days
meeting-field-days-hint = Tick none for a meeting by appointment.
meeting-field-time-label = Starts at
meeting-field-end-time-label = Ends at
meeting-field-end-time-hint = An hour after the start if left empty.
meeting-field-timezone-label = Time zone
meeting-field-timezone-hint = As in the time zone database, e.g. America/Chicago or Europe/Madrid.
meeting-field-location = Place name
meeting-field-address = Address
meeting-field-location-notes = How to find the room
meeting-field-latitude = Latitude
meeting-field-longitude = Longitude
meeting-field-approximate = The address is an area, not a door (for example, a city for an online meeting)
meeting-field-conference-url = Link to join online
meeting-field-conference-url-notes = Notes for joining online
meeting-field-conference-phone = Phone number to join
meeting-field-types = Type codes
meeting-field-types-hint = Separated by commas, e.g. O, D, X.
meeting-field-group = Group
meeting-field-region = Region
meeting-save = Save meeting
meeting-delete = Delete this meeting
meeting-delete-explained = Deleting takes the meeting off the list and out of the feed. Its history is kept.
meeting-field-required = This is needed.
meeting-field-time = Write a time of day as HH:MM, e.g. 19:30.
meeting-field-timezone = This is not a time zone we know. Try a name like America/Chicago.
meeting-field-coordinate = Write a number in degrees, e.g. 41.88 or -87.63.
meeting-field-invalid = This cannot be used as it is.
meeting-field-slug-taken = Another meeting already has this web address name.

history-title = History
history-empty = No changes are recorded yet.
history-when = When
history-who = Who
history-what = What changed
history-import = Import from { $source }
history-former-member = A former member
history-change = { $action ->
    [added] Added
    [removed] Removed
   *[updated] Changed: { $fields }
}
finder-which-place = Which place do you mean?
finder-near = Near { $place }.
