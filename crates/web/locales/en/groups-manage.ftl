# Facilitators' tools: letting people in, invitations, members, settings,
# norms, moderation and the audit log.

manage-title = Facilitate
manage-lead = The tools for holding this space: who comes in, who helps run it, and what the group agrees to. Every removal, pause and look-up is written in the audit log at the bottom of this page.
manage-problems = Nothing was changed. This needs another look:
manage-sections = Sections

manage-requests-heading = Asking to join
manage-requests-none = Nobody is waiting to be let in.
manage-request-asked = asked on { $when }
manage-approve = Let in
manage-decline = Turn down

manage-invites-heading = Invitation links
manage-invites-lead = Anyone with a link can read the norms and join, even when the group is hidden. Share a link only with the person it is for.
manage-invite-days = Days the link works
manage-invite-max-uses = How many people can use it
manage-invite-max-uses-hint = Leave empty for no limit.
manage-invite-submit = Make a link
manage-invite-created = Your new invitation link is ready.
manage-invite-link = Invitation link
manage-invite-once = Copy it now: it is shown only this once. Hearth keeps no copy it could show again.
manage-invites-none = No invitation links yet.
manage-invite-made = Made
manage-invite-expires = Works until
manage-invite-uses-heading = Used
manage-invite-status = Status
manage-invite-actions = Change
manage-invite-uses = { $uses ->
    [0] not used yet
    [one] used once
   *[other] used { $uses } times
}
manage-invite-uses-of = { $uses } of { $max }
manage-invite-active = Works
manage-invite-expired = Expired
manage-invite-used-up = Used up
manage-invite-revoked = Turned off
manage-invite-revoke = Turn off
manage-invite-days-range = An invitation link can work for 1 to { $max } days.
manage-invite-max-uses-range = The number of people can be from 1 to { $max }, or leave it empty for no limit.

manage-members-heading = Members
manage-members-lead = Owners and facilitators look after the group. A facilitator can pause or remove members; only the owner chooses facilitators or hands the group over.
manage-member-you = you
manage-muted-until = posting paused until { $when }
manage-make-facilitator = Make facilitator
manage-make-member = Make a member again
manage-moderate = Pause or remove
manage-reason = Why (kept in the audit log)
manage-mute-days = Days to pause
manage-mute-hint = While paused they can still read, but not post, reply or respond.
manage-mute-submit = Pause posting
manage-mute-days-range = A pause can last from 1 to { $max } days.
manage-remove-hint = They will no longer see the group. To come back to a hidden group they need a new invitation.
manage-remove-submit = Remove from the group
manage-reason-missing = Please say why. The reason is kept in the group's audit log.
manage-reason-too-long = Please keep the reason to { $max } characters or fewer.
manage-role-unknown = Choose facilitator or member.
manage-transfer-heading = Hand over the group
manage-transfer-lead = The person you choose becomes the owner. You stay on as a facilitator, and can then leave if you want to.
manage-transfer-to = New owner
manage-transfer-confirm = I want to hand this group over.
manage-transfer-submit = Hand over
manage-transfer-unknown = Choose another member of the group to hand it over to.

manage-settings-heading = Group settings
manage-settings-submit = Save settings

manage-norms-heading = Norms
manage-norms-version = Now at version { $version }.
manage-norms-label = The group's norms
manage-norms-hint = When you save changes, every member is told and asked to read and agree to them again before they next post. You can use simple Markdown.
manage-norms-submit = Save the norms

manage-flag-unknown = That change was not understood. Please use the buttons on the conversation.

manage-audit-heading = Audit log
manage-audit-lead = What facilitators have done, and why. Only the group's facilitators can read this.
manage-audit-none = Nothing yet.
manage-audit-when = When
manage-audit-what = What
manage-audit-reason = Why
manage-audit-someone = a member
manage-audit-remove-post = { $actor } removed a post.
manage-audit-remove-member = { $actor } removed { $target } from the group.
manage-audit-mute-member = { $actor } paused posting for { $target }.
manage-audit-reveal-author = { $actor } looked up who wrote a post.
manage-audit-dismiss-report = { $actor } looked at a report and closed it with no action.
manage-audit-hide-post = { $actor } hid a post.
manage-audit-unhide-post = { $actor } put a hidden post back.
manage-audit-warn-member = { $actor } warned { $target }.
manage-audit-suspend-account = { $actor } suspended { $target } from this site.
manage-audit-lift-suspension = The site's operator lifted the suspension of { $target }.
manage-audit-grant-admin = The site's operator made { $target } a site admin.
manage-audit-revoke-admin = The site's operator ended { $target }'s role as a site admin.
manage-audit-grant-directory = The site's operator asked { $target } to keep the meeting list.
manage-audit-revoke-directory = The site's operator ended { $target }'s role keeping the meeting list.
manage-audit-pin-thread = { $actor } pinned a thread.
manage-audit-unpin-thread = { $actor } unpinned a thread.
manage-audit-lock-thread = { $actor } closed a thread to replies.
manage-audit-unlock-thread = { $actor } opened a thread to replies again.
manage-audit-edit-settings = { $actor } changed the group's settings.
manage-audit-edit-norms = { $actor } changed the norms.
manage-audit-approve-request = { $actor } let { $target } in.
manage-audit-decline-request = { $actor } turned down { $target }'s request to join.
manage-audit-create-invite = { $actor } made an invitation link.
manage-audit-revoke-invite = { $actor } turned an invitation link off.
manage-audit-make-facilitator = { $actor } made { $target } a facilitator.
manage-audit-make-member = { $actor } made { $target } a member again.
manage-audit-transfer-ownership = { $actor } handed the group to { $target }.

manage-reveal-title = Who wrote this post
manage-reveal-back = Back to the conversation
manage-reveal-the-post = The post
manage-reveal-lead = Members can post as "a member" so they can speak freely. Look up who wrote a post only when someone's safety or the group's norms need it. Your look-up and your reason are kept in the audit log, which the group's facilitators can read.
manage-reveal-reason-hint = For example: a member may be in danger and we need to reach them.
manage-reveal-submit = Show me who wrote it
manage-reveal-author = This post was written by { $who }.
manage-reveal-recorded = Your look-up and your reason are now in the group's audit log.
