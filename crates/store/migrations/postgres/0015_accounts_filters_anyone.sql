-- Whether a person blocked or muted anyone, kept on their account: the
-- session statement reads it on every request, and an EXISTS over
-- person_filters there cost PostgreSQL a tenth of that statement. Only
-- filter_person and unfilter_person change person_filters, and they keep
-- this in step in the same transaction.
ALTER TABLE accounts ADD COLUMN filters_anyone BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE accounts SET filters_anyone = TRUE
 WHERE id IN (SELECT account_id FROM person_filters);
