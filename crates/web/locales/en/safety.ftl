# Safety: the crisis panel, reports, the moderation queue, the audit log
# and a person's own reports.

crisis-panel-heading = You're not alone
crisis-panel-lead = What you wrote sounds like you are going through something very hard right now. People are ready to listen, any time:
crisis-panel-tell = Tell my facilitators I need support
crisis-panel-tell-hint = Your group's facilitators will see that it is you, even if you posted anonymously. No one outside Hearth is told.
crisis-panel-told = Your facilitators have been told. You reached out, and that matters.
crisis-panel-posted = Your words are posted in the group, as you wrote them.
safety-check-unknown-language = Hearth does not speak that language yet; leave it out, or use en or es.

report-link = Report
report-title = Report to the facilitators
report-back = Back
report-the-post = What you are reporting
report-the-person = You are reporting { $who }.
report-lead = The group's facilitators will read this. They will not tell anyone who reported.
report-crisis-hint = If someone is in danger right now, call your local emergency number.
report-help-link = Crisis lines
report-reason = Why are you reporting this?
report-reason-crisis = Someone may harm themselves or be in danger
report-reason-harassment = Harassment
report-reason-hate = Hate
report-reason-spam = Spam
report-reason-norms = Breaking the group's norms
report-reason-other = Something else
report-note = Anything the facilitators should know
report-note-hint = A few words help them understand.
report-submit = Send the report
report-thanks = Thank you. The facilitators will look at it.
report-thanks-outcome = You will be told what they decide.
report-your-reports = Your reports
report-reason-missing = Choose a reason.
report-note-too-long = Please keep the note under { $max } characters.
report-one-subject = Report either a post or a person.

moderation-title = Moderation
moderation-lead = Reports from the groups you facilitate. Crisis reports come first.
moderation-lead-admin = Reports from every group on this site. Crisis reports come first.
moderation-audit-link = Audit log
moderation-closed-now = Done. It is in the audit log.
moderation-open-heading = Waiting for you
moderation-open-none = Nothing is waiting.
moderation-priority = Priority
moderation-crisis-hint = Someone may be in danger. Reach out kindly and soon; share the crisis lines.
moderation-crisis-lines = Crisis lines
moderation-about = About { $who }.
moderation-anonymous-author = the author of an anonymous post
moderation-see-in-thread = See it in the thread
moderation-post-hidden = Hidden from members.
moderation-post-removed = Removed.
moderation-raised-by-detector = Raised when the words were written
moderation-raised-by-writer = { $who } asked for support
moderation-raised-by-member = Reported by { $who }
moderation-raised-by-someone = Reported by a member
moderation-action = What to do
moderation-action-dismiss = Nothing to act on: close it
moderation-action-hide = Hide the post (it can be put back)
moderation-action-remove = Remove the post
moderation-action-warn = Warn the person (they see your reason)
moderation-action-mute = Pause their posting in the group
moderation-action-remove-from-group = Remove them from the group
moderation-action-suspend = Suspend them from this site
moderation-days = Days
moderation-days-hint = For a pause (up to 90) or a suspension (up to 365; leave empty until you lift it).
moderation-why-hint = Written in the audit log; a warned person reads it.
moderation-decide = Decide
moderation-closed-heading = Decided lately
moderation-closed-none = Nothing yet.
moderation-unhide = Put it back
moderation-action-missing = Choose what to do.
moderation-days-out-of-range = Give a number of days from 1 to { $max }.
moderation-no-post = This report is not about a post, so there is nothing to hide or remove.
moderation-person-not-in-group = That person is no longer in the group, or owns it. A site admin can still suspend them.
moderation-audit-title = Audit log
moderation-audit-lead = Every action moderators took, and why. Nothing here can be changed or deleted.
moderation-audit-group = Group

outcome-dismissed = Looked at; no action needed
outcome-hidden = The post was hidden
outcome-removed = The post was removed
outcome-warned = The person was warned
outcome-muted = The person's posting was paused
outcome-removed-from-group = The person was removed from the group
outcome-suspended = The person was suspended

own-reports-title = Your reports
own-reports-lead = What you reported, and what became of it. Who reported is never shown to the person reported.
own-reports-heading = What you reported
own-reports-none = You have not reported anything.
own-reports-asked-for-support = You asked for support
own-reports-waiting = Waiting for a facilitator
own-reports-warnings-heading = Notes from facilitators
own-reports-warnings-none = None.
own-reports-warnings-hint = If something here seems unfair, talk to your group's facilitators.

account-suspended = A site admin has suspended this account. If you think this is a mistake, contact the people who run this site.
account-suspended-for = A site admin has suspended this account for { $days ->
    [one] one more day
   *[other] { $days } more days
}. If you think this is a mistake, contact the people who run this site.

blocks-title = People you blocked or muted
blocks-lead = A block folds away someone's posts and stops their replies and mentions reaching you. A mute hides their posts from you. Neither tells them. Anonymous posts are never folded or hidden, because that would tell you who wrote them.
blocks-none = You have not blocked or muted anyone.
blocks-blocked = Blocked
blocks-muted = Muted
blocks-block = Block
blocks-mute = Mute
blocks-undo = Undo
blocks-collapsed = A post from someone you blocked. Show it
blocks-report-hint = Reporting works either way: you can report someone you blocked, or someone who blocked you.
blocks-kind-unknown = Choose block or mute.

account-safety-heading = Safety
account-moderation-link = Moderation, for facilitators
