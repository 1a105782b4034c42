# Recovery: a member's private journal.

journal-title = My journal
journal-lead = A place to write for yourself. Only you can read it, and it is stored encrypted.
journal-write-heading = Write
journal-body = Today's entry
journal-body-hint = Write freely. *Emphasis*, **bold**, lists, > quotes and links work.
journal-write-submit = Keep this entry
journal-entries-heading = Earlier entries
journal-entries-none = Nothing written yet. Whenever you are ready.
journal-entry-heading = Written { $date }
journal-saved = Kept. Only you can read it.
journal-crisis-saved = Your entry is kept, and only you can read it.
journal-edit = Change this entry
journal-edit-submit = Save the changes
journal-delete = Delete this entry
journal-delete-hint = Deleting cannot be undone.
journal-empty = Write a few words first.
journal-too-long = Please keep an entry under { $max } characters; you can continue in a new one.
