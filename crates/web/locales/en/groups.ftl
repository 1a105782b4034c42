# Support groups: the directory, joining, a group's pages and notifications.

groups-title = Support groups
groups-lead = Groups where members share their struggles and their wins, listen, and answer each other. What is written in a group stays in the group: only its members can read it.
groups-start = Start a group
groups-mine = Your groups
groups-find = Find a group
groups-search-text = Words in the name or description
groups-search-tag = Focus
groups-search-any-tag = Any focus
groups-search-submit = Search
groups-none-found = No listed group matches yet. You could start one.
groups-more = More groups
groups-member-count = { $count ->
    [one] 1 member
   *[other] { $count } members
}

group-kind-open = Open
group-kind-open-hint = listed in the directory; anyone signed in can join.
group-kind-request = By request
group-kind-request-hint = listed in the directory; facilitators let people in.
group-kind-hidden = Hidden
group-kind-hidden-hint = not listed; people join only with an invitation link.

group-tag-alcohol = Alcohol
group-tag-drugs = Drugs
group-tag-gambling = Gambling
group-tag-family_friends = Family and friends
group-tag-grief = Grief
group-tag-mental_health = Mental health
group-tag-other = Other

group-role-owner = Owner
group-role-facilitator = Facilitator
group-role-member = Member

group-new-title = Start a group
group-new-lead = A group is a small, safe room. Say who it is for and how it runs; you can change all of this later.
group-new-submit = Start the group
group-form-problems = Some of this needs another look. The notes below say what.
group-field-name = Name
group-field-description = What the group is for
group-field-kind = Who can find and join it
group-field-tags = Focus
group-field-language = Language (a code such as en or es)
group-field-norms = Norms
group-field-norms-hint = The group's agreement: everyone accepts it when they join. You can use simple Markdown.
group-norms-default =
    - **What is shared here stays here.** Do not repeat anything you read to anyone outside the group.
    - **No crosstalk.** Speak from your own experience; do not comment on or fix someone else's share.
    - **No advice unless it is asked for.** A question marked "ask the group" is an invitation; otherwise, just listen.
    - **Be kind.** No shaming, no judging, no pressure.
    - **If you are in danger, get help now.** The "Get help now" link is on every page.

group-input-too-short = This needs at least { $min } characters.
group-input-too-long = This can have at most { $max } characters.
group-input-empty = This cannot be empty.
group-input-control = This cannot contain line breaks or tabs.
group-input-kind = Choose open, by request or hidden.
group-input-tag = That focus is not one Hearth knows.
group-input-language = A language is a two- or three-letter code, such as en or es.
group-input-share-kind = Choose a share, a question or a celebration.
group-input-support-kind = That is not one of the responses Hearth offers.

group-norms-heading = Norms
group-norms-version = Version { $version }
group-norms-agreed-at = You agreed to these norms on { $when }.
group-agree-label = I have read these norms and I agree to them.
group-agree-submit = Agree
group-join = Join the group
group-ask-to-join = Ask to join
group-go-in = Go to the group
group-request-waiting = You have asked to join. A facilitator will look at your request soon.
group-sign-in-to-join = Sign in to join this group.
group-join-must-agree = To join, tick the box to say you agree to the norms.
group-join-norms-changed = The norms changed while you were reading them. Please read them again.
group-join-removed = A facilitator has asked you to step away from this group, so it cannot be joined from here. If you think this was a mistake, a facilitator can send you an invitation.
group-invite-unusable = This invitation link has expired or been used up. Ask the person who sent it for a new one.
group-norms-changed-banner = The group's norms have changed. Please read them again before you post.
group-norms-read-and-agree = Read the norms
group-must-agree-first = Please read and agree to the group's norms before you post.
group-muted = A facilitator has paused your posting in this group for now. You can still read.
group-owner-cannot-leave = You own this group. Hand it over to another member before you leave.

group-nav-label = Group
group-members-heading = Members
group-manage-link = Facilitate
group-leave = Leave this group
group-write-heading = Share with the group
group-share-kind-label = What kind of post
group-share-kind-share = Share
group-share-kind-question = Ask the group
group-share-kind-celebration = Celebration
group-share-title = Title
group-share-body = What would you like to share?
group-markdown-hint = You can use *emphasis*, **bold**, lists and > quotes.
group-post-anonymously = Post as "a member" (the group will not see your name)
group-share-submit = Share
group-threads-heading = Conversations
group-no-threads = Nothing has been shared yet. You could be the first.
group-unread = New
group-pinned = Pinned
group-locked = Closed to replies
group-reply-count = { $count ->
    [0] no replies yet
    [one] 1 reply
   *[other] { $count } replies
}
group-older-threads = Older conversations
group-author-a-member = A member
group-author-you-anonymously = You (shown to others as "a member")

group-thread-title = A share
group-replies-heading = Replies
group-no-replies = No replies yet.
group-more-replies = More replies
group-helped-me = This helped the person who asked
group-mark-helpful = This helped me
group-not-helpful = Unmark as helpful
group-quoting = Quoting an earlier post
group-quote = Quote
group-reply-heading = Reply
group-reply-body = Your reply
group-reply-submit = Reply
group-thread-locked = This conversation is closed to new replies.
group-moderation-label = Facilitator tools
group-pin = Pin
group-unpin = Unpin
group-lock = Close to replies
group-unlock = Open to replies
group-reveal-link = Who wrote this? (recorded in the audit log)
group-remove-post = Remove
group-remove-reason = Why (kept in the audit log)

group-support-thank_you = Thank you for sharing
group-support-me_too = Me too
group-support-sending_strength = Sending strength
group-support-proud_of_you = Proud of you

notifications-title = Notifications
notifications-none = Nothing new. When someone replies to you or mentions you, it will show here.
notifications-mark-all-read = Mark all as read
notifications-mark-read = Mark as read
notifications-new = New
notifications-older = Older notifications
notification-reply = { $who } replied to your share in { $group }.
notification-mention = { $who } mentioned you in { $group }.
notification-approved = You have been welcomed into { $group }.
notification-norms-changed = The norms of { $group } have changed. Please read them again.
notification-crisis = Someone in { $group } may need support now. Please look at the moderation queue.
notification-report-closed = A facilitator of { $group } looked at your report. See what they decided.
notification-warning = A facilitator of { $group } sent you a note about the group's norms.
