-- The data keys private text in this database is sealed with, by id (a
-- hash, never the key). A server whose keyring lacks one of them refuses
-- to start rather than write text the others cannot read. Rotation
-- removes a key's row once nothing is sealed with it.
CREATE TABLE data_keys (
    key_id TEXT PRIMARY KEY
);
