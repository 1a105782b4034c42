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
error-too-large = The request is larger than Hearth accepts.
error-internal = Something went wrong on our side. Nothing you did caused it; please try again in a moment.
error-busy = Hearth is very busy right now. Please try again in a moment.
error-unreadable-request = Hearth could not read this request: { $reason }
search-parameter-invalid = The search parameter { $parameter } cannot be used: { $reason }.
error-not-allowed = This is for people who keep the meeting list. If you should be one, ask the site's administrator.
