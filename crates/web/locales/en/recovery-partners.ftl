# Recovery: accountability partners.

partners-title = Accountability partners
partners-lead = Someone you trust, a mentor or a friend in the program, can walk alongside you. You choose exactly what they see, and either of you can end it at any time.
partners-nudges-heading = People who have gone quiet
partners-nudge = { $days ->
    [one] { $handle } has not checked in for 1 day. A kind word might help.
   *[other] { $handle } has not checked in for { $days } days. A kind word might help.
}
partners-invitations-heading = Invitations to you
partners-invitation = { $handle } would like you as an accountability partner.
partners-accept = Accept
partners-decline = Decline
partners-supporting-heading = People you support
partners-supporting-none = Nobody yet. When someone invites you and you accept, they show here.
partners-quiet-days = { $n ->
    [0] Checked in today or yesterday.
    [one] 1 day without a check-in.
   *[other] { $n } days without a check-in.
}
partners-no-check-ins-yet = No check-ins yet.
partners-mine-heading = Your partners
partners-mine-none = You have no partners yet.
partners-waiting = Waiting for them to accept
partners-sees-legend = What { $handle } sees
partners-sees-new = What they will see
partners-sees-counters = My counters and milestones
partners-sees-scores = My check-in scores (mood and craving)
partners-sees-notes = My check-in notes and what helped
partners-sees-missed = When I miss check-ins
partners-sees-submit = Save what they see
partners-end = End this partnership
partners-withdraw = Withdraw the invitation
partners-invite-heading = Invite a partner
partners-invite-lead = They will see nothing until they accept, and then only what you tick.
partners-handle = Their handle
partners-invite-submit = Send the invitation
partners-handle-empty = Give the handle of the person you want to invite.
partners-handle-unknown = Nobody here has that handle. Check the spelling with them.
partners-already = You have already invited them, or they are already your partner.
partners-nudge-heading = When you go quiet
partners-nudge-after = Let my partners know after this many days without a check-in
partners-nudge-after-hint = From 1 to 14 days. Only partners who see missed check-ins are told.
partners-nudge-submit = Save
partners-nudge-after-invalid = Choose a number of days from 1 to 14.
partners-invited = Invitation sent.
partners-accepted = You are now their partner. Thank you for being there.
partners-ended = Ended. Nothing more is shared.
partners-saved = Saved.
partners-supported-heading = Supporting { $handle }
partners-supported-lead = This is what they chose to share with you. Please keep it between the two of you.
partners-rhythm-heading = Check-ins
partners-none-shared = Nothing here yet.
partners-check-ins-heading = The last two weeks
partners-step-back = Step back from supporting them
partners-step-back-hint = They will see that the partnership has ended.
partners-quiet-notice = { $n ->
    [one] Someone you support has gone quiet. See how they are doing.
   *[other] { $n } people you support have gone quiet. See how they are doing.
}
partners-streak = { $n ->
    [0] No check-ins in a row just now.
    [one] 1 day in a row with a check-in.
   *[other] { $n } days in a row with a check-in.
}
