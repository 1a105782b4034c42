# What went wrong, on error pages and in API problem documents.

# The short title of an HTTP status.
status-title = { $status ->
    [400] Bad request
    [401] Sign-in required
    [403] Not allowed
    [404] Not found
    [405] Method not allowed
    [409] Conflict
    [413] Too large
    [415] Unsupported media type
    [422] Could not use this input
    [429] Too many attempts
    [503] Temporarily unavailable
   *[other] Something went wrong
}

error-page-heading = { $status ->
    [404] We could not find that page
    [429] Please wait a moment
    [500] Something went wrong
    [503] Something went wrong
   *[other] We could not do that
}
error-page-home = Go to the home page
error-not-found = There is nothing at this address.
error-sign-in-required = Sign in to continue.
error-wrong-credentials = That handle and password do not match.
error-csrf = This form was open too long, or came from another site. Please go back, reload the page and try again.
error-too-many-attempts = Too many attempts. Please wait { $minutes ->
    [0] { $seconds ->
        [one] one second
       *[other] { $seconds } seconds
    }
    [one] one minute
   *[other] { $minutes } minutes
} and try again.
error-slow-down = You have written a lot in a short time. To keep things calm for everyone, please wait { $minutes ->
    [0] { $seconds ->
        [one] one second
       *[other] { $seconds } seconds
    }
    [one] one minute
   *[other] { $minutes } minutes
} and try again. Nothing you wrote is lost.
error-too-large = The request is larger than Hearth accepts.
error-internal = Something went wrong on our side. Nothing you did caused it; please try again in a moment.
error-busy = Hearth is very busy right now. Please try again in a moment.
error-unreadable-request = Hearth could not read this request: { $reason }
error-not-allowed = This is for people who keep the meeting list. If you should be one, ask the site's administrator.

# Why a search parameter cannot be used; each names it as { $parameter }.
search-invalid-instant = The search parameter { $parameter } must be an RFC 3339 instant, e.g. 2026-03-03T19:00:00Z.
search-invalid-range = The search parameter { $parameter } must be a number from { $low } to { $high }.
search-invalid-radius = The search parameter { $parameter } must be a distance in kilometres, more than 0 and at most { $most }.
search-invalid-near-and-position = Give { $parameter } or lat and lng, not both.
search-invalid-ambiguous-place = “{ $name }” could be several places ({ $choices }); add a state or country to { $parameter }.
search-invalid-unknown-place = No place called “{ $name }” is known; give { $parameter } a town with its state or country, or a US ZIP code.
search-invalid-needs-position = The search parameter { $parameter } needs lat and lng.
search-invalid-needs = The search parameter { $parameter } is needed with { $other }.
search-invalid-day = The search parameter { $parameter } must be 0 (Sunday) to 6 (Saturday).
search-invalid-local-time = The search parameter { $parameter } must be a local time as HH:MM, e.g. 18:30.
search-invalid-attendance = The search parameter { $parameter } has “{ $given }”, which is not one of in_person, hybrid, online, inactive.
search-invalid-sort = The search parameter { $parameter } must be time or distance.
search-invalid-cursor = The search parameter { $parameter } is not a cursor this search gave.
