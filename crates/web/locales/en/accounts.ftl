# Joining, signing in, and the account page.

register-title = Join
register-heading = Join Hearth
register-intro = Choose a handle: it is the only name others will see. Your real name is never needed.
register-problems = Please look at the marked fields below.
register-submit = Create my account
register-have-account = Already have an account?
register-sign-in-link = Sign in

field-handle-label = Handle
field-handle-hint = 3 to 32 letters, digits, _ or -.
field-password-label = Password
field-password-hint = At least 10 characters. A few words strung together is easy to remember and hard to guess.
field-email-label = Email
field-email-hint = Hearth works fully without one. If you give one, nobody else sees it.
field-optional = (optional)
field-current-password-label = Current password
field-new-password-label = New password
field-new-password-hint = At least 10 characters, not a common password.

login-title = Sign in
login-heading = Sign in
login-submit = Sign in
login-new-here = New here?
login-join-link = Join Hearth

account-title = Your account
account-heading = Your account
account-notice-password-changed = Your password is changed. Any other sessions were signed out.
account-notice-session-ended = That session is signed out.
account-notice-others-signed-out = Every other session is signed out.
account-notice-language-changed = Your language is saved.
account-about-heading = About you
account-handle = Handle
account-email = Email
account-no-email = None given
account-member-since = Member since
account-sessions-heading = Where you are signed in
account-sessions-intro = If you see a device you don't recognise, sign it out and change your password.
account-unknown-device = Unknown device
account-this-device = This device
account-session-times = Signed in { $started } · last active { $last_active }
account-sign-out-this-device = Sign out this device
account-sign-out-session = Sign out this session
account-sign-out-others = Sign out everywhere else
account-sign-out-all = Sign out everywhere
account-password-heading = Change your password
account-password-submit = Change password
account-language-heading = Language
account-language-intro = Hearth will speak this language to you on every device you sign in on.
account-language-browser = The same as my browser
account-language-submit = Save language

# Problems with what someone typed. $min and $max are numbers of characters.
field-handle-too-short = A handle needs at least { $min } characters.
field-handle-too-long = A handle can have at most { $max } characters.
field-handle-invalid-character = A handle can use letters, digits, _ and - only.
field-handle-taken = The handle { $handle } is already taken. Please choose another.
field-password-too-short = A password needs at least { $min } characters.
field-password-too-long = A password can have at most { $max } characters.
field-password-too-common = This password is on a list of common passwords. Please choose another.
field-email-invalid = This does not look like an email address.
field-email-too-long = An email address can have at most { $max } characters.
field-current-password-wrong = That is not your current password.
field-locale-unknown = Hearth does not speak that language yet.

account-time-zone-heading = Time zone
account-time-zone-label = The time zone you live in
account-time-zone-hint = Its name, like America/Chicago or Europe/Madrid. Your recovery counters and check-ins count days in it.
account-time-zone-submit = Save the time zone
account-notice-time-zone-changed = Your time zone is saved.
field-time-zone-unknown = Hearth does not know that time zone. Try a name like America/Chicago or Europe/Madrid.
