# The frame around every page: header, navigation, footer, language menu.

language-own-name = English
brand = Hearth
skip-to-content = Skip to main content
nav-label = Main
nav-groups = Groups
nav-notifications = Notifications
nav-recovery = My recovery
nav-sign-in = Sign in
nav-join = Join
nav-sign-out = Sign out
nav-get-help = Get help now
footer-help = crisis lines you can call or text at any time.
footer-about = Hearth is a home for recovery support groups, run by and for its members.
language-menu-label = Language
language-menu-submit = Change language

home-title = Welcome
home-heading = You don't have to do this alone
home-lead = Hearth is a home for recovery support groups: a place to share what today was like, to listen, and to be heard by people who understand.
home-welcome-back = Welcome back, { $handle }.
home-your-account = Your account
home-join = Join Hearth
home-sign-in = Sign in
home-handle-only = All you need is a handle: no real name, no email unless you want to give one.
home-help-heading = Need to talk to someone right now?
home-help-text = If you are in danger or thinking about harming yourself, you can call or text a crisis line at any time.
home-help-link = See the numbers
