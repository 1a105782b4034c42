# The facilitators' tools in the JSON API: problems with what was sent.

groups-api-manage-invite-days = An invitation link can work for 1 to { $max } days.
groups-api-manage-invite-max-uses = The number of people who can use a link is from 1 to { $max }; leave it out for no limit.
groups-api-manage-mute-days = A pause can last from 1 to { $max } days.
groups-api-manage-reason-missing = Please say why. The reason is kept in the group's audit log.
groups-api-manage-reason-too-long = Please keep the reason to { $max } characters or fewer.
groups-api-manage-role = Choose facilitator or member.
groups-api-manage-new-owner = Choose another member of the group to hand it over to.
