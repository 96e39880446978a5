-- Usernames are compared in Unicode NFC, the form the service stores them in from now on: "é"
-- composed and "e" + a combining accent are one name for the unique index, also against a name
-- stored decomposed before. Stored names are not rewritten (the read models keep what they were
-- told); if two existing names are one name in NFC, this migration fails and names both.
DROP INDEX users_username_key;
CREATE UNIQUE INDEX users_username_key ON users (lower(normalize(username, NFC)));
