-- The language a person chose in their settings (a code like "es"); NULL
-- means "follow my browser".
ALTER TABLE accounts ADD COLUMN locale TEXT;
